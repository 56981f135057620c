//! The layer order written in `src/lib.rs` holds: every `crate::…` path in `src/` points to a
//! module of an earlier layer, and the files of one module do not use each other in a circle.
//! A fixture tree with one import against the order shows the check fails when it should.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module's layer, read from the list in `lib.rs`'s module doc.
fn layers(lib_rs: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for line in lib_rs.lines() {
        let Some(rest) = line.strip_prefix("//! ") else {
            continue;
        };
        let Some((number, names)) = rest.split_once(". ") else {
            continue;
        };
        let Ok(rank) = number.parse::<usize>() else {
            continue;
        };
        let names = names.split(" — ").next().unwrap_or_default();
        for name in names.split(',') {
            out.insert(name.trim().trim_matches('`').to_string(), rank);
        }
    }
    out
}

/// The code of a file without its comments and its tests.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(cut) => &text[..cut],
        None => &text[..],
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names after `prefix` (`crate::`, `super::`), including those of a `{a, b::c}` group.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            out.extend(
                group
                    .split(',')
                    .map(|part| ident(part.trim()))
                    .filter(|s| !s.is_empty()),
            );
        } else {
            out.push(ident(rest));
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Everything against the order in `src`: imports that point to the same or a later layer,
/// modules the list does not place, and circles among the files of one module.
fn violations(src: &Path) -> Vec<String> {
    let ranks = layers(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = Vec::new();
    // file (module path like `survey/collect`) → the files of its module it uses.
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &files {
        let rel = path.strip_prefix(src).unwrap().with_extension("");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let module = rel.split('/').next().unwrap().to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(&rank) = ranks.get(&module) else {
            out.push(format!("module `{module}` is in no layer of lib.rs's list"));
            continue;
        };
        let code = code_of(path);
        for target in paths_after(&code, "crate::") {
            match ranks.get(&target) {
                Some(&r) if target != module && r >= rank => out.push(format!(
                    "{rel}.rs uses crate::{target} (layer {r}) from layer {rank}"
                )),
                _ => {}
            }
        }
        // Files of one module: a file's `super::x` and `crate::module::x` name a sibling file
        // `x`; in a `mod.rs`, `super::` is the parent's. A module's own file (`mod.rs`) and the
        // files under it are one module's face and its parts: parts using the face's types, and
        // the face re-exporting its parts, are not counted as a circle.
        let node = rel.trim_end_matches("/mod").to_string();
        let Some((dir, _)) = node.rsplit_once('/') else {
            continue;
        };
        let mut siblings = paths_after(&code, "super::");
        siblings.extend(paths_after(
            &code,
            &format!("crate::{}::", dir.replace('/', "::")),
        ));
        let entry = uses.entry(node.clone()).or_default();
        for s in siblings {
            let target = format!("{dir}/{s}");
            if target != node
                && (src.join(format!("{target}.rs")).exists()
                    || src.join(&target).join("mod.rs").exists())
            {
                entry.insert(target);
            }
        }
    }
    out.extend(
        circles(&uses)
            .into_iter()
            .map(|c| format!("files use each other: {}", c.join(" → "))),
    );
    out
}

/// The circles of a graph, each once (the strongly connected parts of more than one node).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: Vec<&String> = graph.keys().collect();
    let reaches = |from: &String, to: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for next in graph.get(n).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        false
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    for a in &nodes {
        let mut part: Vec<String> = nodes
            .iter()
            .filter(|b| a == *b || (reaches(a, b) && reaches(b, a)))
            .map(|b| b.to_string())
            .collect();
        part.sort();
        if part.len() > 1 && !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

#[test]
fn every_import_in_src_follows_the_layers_written_in_lib_rs() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let ranks = layers(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    assert!(ranks.len() >= 18, "the list is read: {ranks:?}");
    let found = violations(&src);
    assert!(found.is_empty(), "{found:#?}");
}

/// A tree like ours with `model` using `survey`, a module the list forgot, and two files of
/// `print` using each other: each is found.
#[test]
fn an_import_against_the_order_and_a_circle_of_files_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let write = |rel: &str, text: &str| {
        let path = src.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "//! 1. `lang` — words\n//! 2. `model` — data\n//! 3. `survey`, `print` — above\n",
    );
    write("lang.rs", "pub fn say() {}\n");
    write(
        "model/mod.rs",
        "use crate::lang::say;\nuse crate::survey::Collection; // against\n",
    );
    write("survey/mod.rs", "use crate::{model, lang::say};\n");
    write("print/mod.rs", "mod draw;\nmod marks;\n");
    write("print/draw.rs", "use super::marks::Mark;\n");
    write("print/marks.rs", "use crate::print::draw::Row;\n");
    write("extra.rs", "// a module nobody placed\n");
    let found = violations(src);
    assert!(
        found
            .iter()
            .any(|v| v == "model/mod.rs uses crate::survey (layer 3) from layer 2"),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|v| v.contains("`extra` is in no layer")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|v| v == "files use each other: print/draw → print/marks"),
        "{found:#?}"
    );
    assert_eq!(found.len(), 3, "the rest follows the order: {found:#?}");
}

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

/// The names `lib.rs` gives the crate's root, each with the module it re-exports it from
/// (`pub use model::diag::{Warning}`: `model`), or none when it is the root's own item (an
/// `fn`, a `struct` …): `crate::open_report` is not a module, and was passed over.
fn root_names(lib_rs: &str) -> BTreeMap<String, Option<String>> {
    let mut out = BTreeMap::new();
    let code = without_comments_and_strings(lib_rs);
    for statement in code.split(';') {
        let statement = statement.trim();
        if let Some(path) = statement.strip_prefix("pub use ") {
            let module = path
                .split("::")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let names = match path.split_once('{') {
                Some((_, group)) => group.trim_end_matches('}').to_string(),
                None => path.rsplit("::").next().unwrap_or_default().to_string(),
            };
            for name in names.split(',') {
                let name = name.rsplit(" as ").next().unwrap_or_default().trim();
                if !name.is_empty() {
                    out.insert(name.to_string(), Some(module.clone()));
                }
            }
        }
    }
    for line in code.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [vis, kind, name, ..] = words.as_slice()
            && vis.starts_with("pub")
            && ["fn", "struct", "enum", "const", "static", "type", "trait"].contains(kind)
        {
            let name = name
                .split(['(', '<', ':', '{', ';'])
                .next()
                .unwrap_or_default();
            out.insert(name.to_string(), None);
        }
    }
    out
}

/// The code of a file without its comments, the contents of its strings and its test items
/// (`#[cfg(test)] mod tests { … }`: tests may use any layer), so a `//` in a string
/// (`"https://…"`) hides nothing after it, and code after a test module is read.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    without_test_items(&without_comments_and_strings(&text))
}

/// `text` with comments removed and string and character literals emptied (line breaks kept).
fn without_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        let next = chars.get(k + 1).copied();
        match (c, next) {
            ('/', Some('/')) => {
                while k < chars.len() && chars[k] != '\n' {
                    k += 1;
                }
                continue;
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while k < chars.len() {
                    if chars[k] == '/' && chars.get(k + 1) == Some(&'*') {
                        depth += 1;
                        k += 2;
                    } else if chars[k] == '*' && chars.get(k + 1) == Some(&'/') {
                        depth -= 1;
                        k += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if chars[k] == '\n' {
                            out.push('\n');
                        }
                        k += 1;
                    }
                }
                continue;
            }
            ('r', Some('"' | '#')) if !ident_before(&chars, k) => {
                // A raw string: r"…", r#"…"#.
                let mut j = k + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) == Some(&'"') {
                    j += 1;
                    while j < chars.len() {
                        if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
                            j += 1 + hashes;
                            break;
                        }
                        j += 1;
                    }
                    out.push_str("\"\"");
                    k = j;
                    continue;
                }
            }
            ('"', _) => {
                let mut j = k + 1;
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                // A path in a string is a path the compiler follows (`#[serde(default =
                // "crate::model::defaults::is_false")]`): kept; any other text emptied.
                let inner: String = chars[k + 1..j.min(chars.len())].iter().collect();
                if is_path(&inner) {
                    out.push_str(&format!(" {inner} "));
                } else {
                    out.push_str("\"\"");
                }
                k = j + 1;
                continue;
            }
            ('\'', Some(n)) => {
                // A character literal ('x', '\n', '"'), not a lifetime ('a).
                let end = if n == '\\' {
                    (k + 2..chars.len()).find(|&j| chars[j] == '\'')
                } else if chars.get(k + 2) == Some(&'\'') {
                    Some(k + 2)
                } else {
                    None
                };
                if let Some(end) = end {
                    out.push_str("' '");
                    k = end + 1;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        k += 1;
    }
    out
}

/// `a::b::c`: names joined by `::`, nothing else.
fn is_path(text: &str) -> bool {
    text.contains("::")
        && text
            .split("::")
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

fn ident_before(chars: &[char], k: usize) -> bool {
    k > 0 && (chars[k - 1].is_alphanumeric() || chars[k - 1] == '_')
}

/// `code` without each item marked `#[cfg(test)]` (up to its closing brace or `;`).
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = match (item.find('{'), item.find(';')) {
            (Some(open), semi) if semi.is_none_or(|s| open < s) => {
                let mut depth = 0usize;
                let mut end = item.len();
                for (j, c) in item[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + j + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (_, Some(semi)) => semi + 1,
            _ => item.len(),
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Each module's re-exports: the name a module's face (`model/mod.rs`) makes public from one
/// of its files (`pub use report::*`, `pub use survey::{ReportId, …}`) → that file's module.
type Faces = BTreeMap<String, BTreeMap<String, String>>;

/// The modules of `src` and what each face re-exports from its files ([`Faces`]).
struct Tree {
    modules: BTreeSet<String>,
    faces: Faces,
}

/// The names `code` makes public: its `pub struct|enum|fn|…` items and what it `pub use`s.
fn public_names(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("pub ") {
        let rest = code[at + 4..].trim_start();
        let rest = rest.strip_prefix("use ").map(str::trim_start);
        if let Some(tree) = rest {
            out.extend(expand(tree).into_iter().filter_map(|p| p.last().cloned()));
            continue;
        }
        let rest = code[at + 4..].trim_start();
        for kind in [
            "struct ", "enum ", "fn ", "type ", "trait ", "const ", "static ", "mod ",
        ] {
            if let Some(after) = rest.strip_prefix(kind) {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.insert(name);
            }
        }
    }
    out
}

/// What each face in `codes` (module → its code) re-exports from its own files.
fn faces(codes: &BTreeMap<String, String>, modules: &BTreeSet<String>) -> Faces {
    let mut out = Faces::new();
    for (module, code) in codes {
        for (at, _) in code.match_indices("pub use ") {
            for path in expand(code[at + "pub use ".len()..].trim_start()) {
                let names: Vec<&str> = path
                    .iter()
                    .map(String::as_str)
                    .skip_while(|n| *n == "self")
                    .collect();
                let Some(&child) = names.first() else {
                    continue;
                };
                let child = format!("{module}/{child}");
                if !modules.contains(&child) {
                    continue;
                }
                let reexported = match names.last() {
                    Some(&"*") | None => codes
                        .get(&child)
                        .map(|c| public_names(c))
                        .unwrap_or_default(),
                    Some(&name) => BTreeSet::from([name.to_string()]),
                };
                for name in reexported {
                    out.entry(module.clone())
                        .or_default()
                        .insert(name, child.clone());
                }
            }
        }
    }
    out
}

/// The module (`app/state/dialogs`) each `crate::…`, `super::…` and `self::…` path in `code`
/// reaches, from the file of module `here`: the path's leading names that are modules of
/// `modules`, `{a, b::c}` groups expanded at any depth, and a name a module's face re-exports
/// followed to the file it comes from (`super::Report` from `model/survey` is `model/report`).
fn module_paths(code: &str, here: &[&str], tree: &Tree) -> Vec<Vec<String>> {
    let modules = &tree.modules;
    let mut out = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            // (`$crate::` in a macro is `crate::`.)
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            for path in expand(&code[at..]) {
                let mut base: Vec<String> = Vec::new();
                let mut rest = path.as_slice();
                match rest.first().map(String::as_str) {
                    Some("crate") => rest = &rest[1..],
                    _ => {
                        base = here.iter().map(|s| s.to_string()).collect();
                        while let Some(first) = rest.first() {
                            match first.as_str() {
                                "super" => drop(base.pop()),
                                "self" => {}
                                _ => break,
                            }
                            rest = &rest[1..];
                        }
                    }
                }
                for name in rest {
                    base.push(name.clone());
                    if modules.contains(&base.join("/")) {
                        continue;
                    }
                    base.pop();
                    let face = tree.faces.get(&base.join("/"));
                    if let Some(child) = face.and_then(|f| f.get(name)) {
                        base = child.split('/').map(str::to_string).collect();
                    }
                    break;
                }
                // A name of the root itself (`crate::open_report`): the name, for the caller
                // to place ([`root_names`]); it was passed over as reaching nothing.
                if base.is_empty()
                    && let Some(name) = rest.first()
                {
                    base.push(name.clone());
                }
                out.push(base);
            }
        }
    }
    out
}

/// The paths of a use tree starting at `text` (`a::b::{c, d::{e, f}}`), each as its names.
fn expand(text: &str) -> Vec<Vec<String>> {
    let ident_len = |s: &str| {
        if s.starts_with('*') {
            return 1; // a glob, named `*`
        }
        s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len())
    };
    let mut names = Vec::new();
    let mut rest = text;
    loop {
        let n = ident_len(rest);
        if n == 0 {
            break;
        }
        names.push(rest[..n].to_string());
        rest = &rest[n..];
        match rest.strip_prefix("::") {
            Some(r) => rest = r.trim_start(),
            None => return vec![names],
        }
    }
    let Some(group) = rest.strip_prefix('{') else {
        return vec![names];
    };
    // Split the group at its top-level commas, up to its closing brace.
    let (mut depth, mut part, mut out) = (0usize, String::new(), Vec::new());
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut part));
                continue;
            }
            _ => {}
        }
        part.push(c);
    }
    out.push(part);
    out.iter()
        .flat_map(|p| expand(p.trim()))
        .map(|tail| names.iter().cloned().chain(tail).collect())
        .collect()
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
    let lib_rs = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let (ranks, root) = (layers(&lib_rs), root_names(&lib_rs));
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = Vec::new();
    // file (module path like `survey/collect`) → the files of its module it uses.
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let module_of = |p: &Path| {
        let rel = p.strip_prefix(src).unwrap().with_extension("");
        let rel = rel.to_string_lossy().replace('\\', "/");
        rel.trim_end_matches("/mod").to_string()
    };
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let codes: BTreeMap<String, String> =
        files.iter().map(|p| (module_of(p), code_of(p))).collect();
    let tree = Tree {
        faces: faces(&codes, &modules),
        modules,
    };
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
        let code = &codes[&module_of(path)];
        let node: Vec<&str> = rel.trim_end_matches("/mod").split('/').collect();
        // Every path that reaches another top-level module — `crate::a::{b::{c}, survey::Y}`
        // at any depth, `super::super::survey` — is against the order unless that module's
        // layer is earlier.
        let reached: BTreeSet<String> = module_paths(code, &node, &tree)
            .into_iter()
            .filter_map(|target| target.first().cloned())
            .collect();
        for target in reached {
            // A name of the root: the module it re-exports, or the root itself.
            let (target, by) = match (ranks.contains_key(&target), root.get(&target)) {
                (false, Some(Some(from))) => (from.clone(), format!(" (as crate::{target})")),
                (false, Some(None)) => {
                    out.push(format!(
                        "{rel}.rs uses crate::{target}, of the crate's root (above every layer)"
                    ));
                    continue;
                }
                _ => (target, String::new()),
            };
            match ranks.get(&target) {
                Some(&r) if target != module && r >= rank => out.push(format!(
                    "{rel}.rs uses crate::{target}{by} (layer {r}) from layer {rank}"
                )),
                _ => {}
            }
        }
        // Files of one module: every `crate::`, `super::` and `self::` path names the deepest
        // module file it reaches. A file and the one it names are counted as the two children
        // of their closest common module they lie under (`app/command.rs` naming
        // `app/state/dialogs.rs` is `app/command` using `app/state`), so a circle through a
        // sibling's subfolder is found too. A module's own file (`mod.rs`) and the files under
        // it are one module's face and its parts: parts using the face's types, and the face
        // re-exporting its parts, are not counted as a circle.
        for target in module_paths(code, &node, &tree) {
            let common = node.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common + 1 > node.len() || common + 1 > target.len() {
                continue; // the one lies under the other
            }
            let from = node[..=common].join("/");
            let to = target[..=common].join("/");
            uses.entry(from).or_default().insert(to);
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

/// A tree like ours with `model` using `survey`, a module the list forgot, two files of
/// `print` using each other, and the two circles through a subfolder that the check once
/// missed (`app`, `import`): each is found.
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
        "//! 1. `lang` — words\n//! 2. `model` — data\n//! 3. `survey`, `print`, `import`, `app` — above\n\npub use survey::{Collection as Gathered};\npub fn open_report() {}\n",
    );
    // Names of the crate's root: the root's own function, and a later layer's re-export.
    write(
        "model/root.rs",
        "fn f() { crate::open_report(); let _: crate::Gathered; }\n",
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
    // A file and a file in its sibling's folder (app/command.rs ↔ app/state/dialogs.rs), and a
    // file reaching up two levels (`super::super::`) to one that uses its folder back.
    write("app/mod.rs", "mod command;\nmod state;\n");
    write("app/command.rs", "use super::state::dialogs::Dialog;\n");
    write("app/state/mod.rs", "pub mod dialogs;\n");
    write(
        "app/state/dialogs.rs",
        "use crate::app::command::{AppCommand, PathPurpose};\n",
    );
    write("import/mod.rs", "mod measures;\nmod table;\n");
    write("import/table/mod.rs", "mod numbers;\n");
    write("import/table/numbers.rs", "use super::super::measures;\n");
    write("import/measures.rs", "use super::table::push_warning;\n");
    // What the reading once missed: a group nested in a group, a path up two levels to another
    // top-level module, a `//` in a string before the path, and a path after a test module.
    write(
        "lang/mod.rs",
        "mod nested;\nmod up;\nmod quoted;\nmod after;\n",
    );
    write(
        "lang/nested.rs",
        "use crate::{lang::{say}, print::{draw::Row}};\n",
    );
    write("lang/up/mod.rs", "mod deep;\n");
    write(
        "lang/up/deep.rs",
        "use super::super::super::app::command;\n",
    );
    write(
        "lang/quoted.rs",
        "const U: &str = \"https://example\"; use crate::import::table;\n",
    );
    write(
        "lang/after.rs",
        "#[cfg(test)]\nmod tests {\n    use crate::survey::X;\n}\nuse crate::model::Report;\n",
    );
    // Hidden behind a face's re-exports (`pub use report::*`): report.rs and survey.rs of
    // `print` use each other, the one naming `super::Report`. And paths the compiler follows
    // that are no `use`: a path in a serde string, `$crate::` in a macro.
    write(
        "print/mod.rs",
        "mod draw;\nmod marks;\nmod report;\nmod survey;\npub use report::*;\npub use survey::{Sent};\n",
    );
    write("print/report.rs", "pub struct Report { s: super::Sent }\n");
    write("print/survey.rs", "use super::Report;\npub struct Sent;\n");
    write(
        "lang/serde.rs",
        "#[serde(skip_serializing_if = \"crate::survey::is_unset\")]\nstruct S;\n",
    );
    write(
        "lang/macros.rs",
        "macro_rules! m { () => { $crate::app::command::run() } }\n",
    );
    write(
        "lang/mod.rs",
        "mod nested;\nmod up;\nmod quoted;\nmod after;\nmod serde;\nmod macros;\n",
    );
    std::fs::remove_file(src.join("lang.rs")).unwrap();
    let found = violations(src);
    assert!(
        found
            .iter()
            .any(|v| v == "files use each other: print/report → print/survey"),
        "{found:#?}"
    );
    for (file, target) in [("lang/serde", "survey"), ("lang/macros", "app")] {
        assert!(
            found
                .iter()
                .any(|v| v.starts_with(&format!("{file}.rs uses crate::{target} "))),
            "{file} → {target}: {found:#?}"
        );
    }
    for (file, target) in [
        ("lang/nested", "print"),
        ("lang/up/deep", "app"),
        ("lang/quoted", "import"),
        ("lang/after", "model"),
    ] {
        assert!(
            found
                .iter()
                .any(|v| v.starts_with(&format!("{file}.rs uses crate::{target} "))),
            "{file} → {target}: {found:#?}"
        );
    }
    for v in [
        "model/root.rs uses crate::open_report, of the crate's root (above every layer)",
        "model/root.rs uses crate::survey (as crate::Gathered) (layer 3) from layer 2",
    ] {
        assert!(found.iter().any(|f| f == v), "{v}: {found:#?}");
    }
    // The test module's use of survey is a test's, not the program's.
    assert!(
        !found
            .iter()
            .any(|v| v.starts_with("lang/after.rs uses crate::survey"))
    );
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
    assert!(
        found
            .iter()
            .any(|v| v == "files use each other: app/command → app/state"),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|v| v == "files use each other: import/measures → import/table"),
        "{found:#?}"
    );
    // model ↔ survey is a circle of top-level modules as well as an import against the order.
    assert!(
        found
            .iter()
            // (through lang, which the cases above make use model)
            .any(|v| v == "files use each other: lang → model → survey"),
        "{found:#?}"
    );
    assert_eq!(found.len(), 15, "the rest follows the order: {found:#?}");
}

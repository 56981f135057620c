//! RON files: round trip, atomic save, newer schema refused, malformed files located.

use shinchoku::store::{self, SCHEMA_VERSION, StoreError};

use crate::seed;

#[test]
fn import_save_open_gives_an_equal_report() {
    let report = seed().report;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    store::save(&path, &report).unwrap();
    let opened = store::open(&path).unwrap();
    assert_eq!(opened, report);
    // Saved again over itself: no temporary file is left behind.
    store::save(&path, &opened).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.ron")]);
}

#[test]
fn the_file_says_its_schema_version_first() {
    let text = store::to_ron(&seed().report);
    assert!(
        text.starts_with(&format!("(\n  schema: {SCHEMA_VERSION},")),
        "{}",
        &text[..40]
    );
    assert!(
        text.contains("平成 29 年度「第二次三重県行財政改革取組」"),
        "Japanese is written as text"
    );
}

#[test]
fn a_file_from_a_newer_schema_is_refused_saying_so() {
    let text = store::to_ron(&seed().report).replacen(
        &format!("schema: {SCHEMA_VERSION},"),
        "schema: 99,",
        1,
    );
    // A newer build may have added fields this one does not know.
    let text = text.replacen("title:", "colour_theme: \"dark\",\n    title:", 1);
    let err = store::from_ron(&text).expect_err("newer schema");
    assert_eq!(
        err,
        StoreError::NewerSchema {
            found: 99,
            supported: SCHEMA_VERSION
        }
    );
    assert!(err.to_string().contains("newer Shinchoku"), "{err}");
}

#[test]
fn a_malformed_file_is_reported_with_line_and_column() {
    let text = store::to_ron(&seed().report);
    let cut: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    match store::from_ron(&cut).expect_err("truncated") {
        StoreError::Malformed { line, .. } => assert!(line >= 20, "line {line}"),
        other => panic!("{other:?}"),
    }
    let bad = text.replacen("fiscal_year: 2017", "fiscal_year: \"平成29\"", 1);
    let err = store::from_ron(&bad).expect_err("wrong type");
    match &err {
        StoreError::Malformed { line, column, .. } => {
            assert_eq!(*line, 6);
            assert!(*column > 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().starts_with("line 6, column"), "{err}");
}

/// A file of brackets nested a hundred thousand deep is refused in the user's words, naming
/// where — not with ron's advice to a programmer (`recursion_limit`, `serde_stacker`).
#[test]
fn a_file_nested_too_deeply_is_refused_in_words_a_user_reads() {
    // Sub-items nested in sub-items, as a hand-made file could (a field the model does not
    // have is refused before its value is read).
    let text = format!(
        "(schema: 4, report: (sections: [(initiatives: [(topics: [(plan: [{}",
        "(subs: [".repeat(100_000)
    );
    let err = store::from_ron(&text).expect_err("refused");
    assert!(
        matches!(err, StoreError::NestedTooDeeply { line: 1, .. }),
        "{err:?}"
    );
    use shinchoku::lang::{Describe, Lang};
    let ja = err.describe(Lang::Ja);
    assert!(ja.contains("入れ子が深すぎます"), "{ja}");
    assert!(!err.to_string().contains("serde_stacker"), "{err}");
}

#[test]
fn opening_a_file_that_is_not_there_names_it() {
    let err = store::open(std::path::Path::new("/nonexistent/report.ron")).expect_err("missing");
    assert!(
        err.to_string()
            .starts_with("/nonexistent/report.ron: cannot read"),
        "{err}"
    );
}

#[test]
fn a_schema_2_file_still_opens() {
    // Schema 3 added the history of rolled-over reports; a file without it reads as before.
    let report = seed().report;
    let text =
        store::to_ron(&report).replacen(&format!("schema: {SCHEMA_VERSION},"), "schema: 2,", 1);
    assert!(text.starts_with("(\n  schema: 2,"));
    assert_eq!(
        store::from_ron(&text).expect("a schema-2 file opens"),
        report
    );
}

#[test]
fn a_saved_file_leaves_out_what_is_a_default() {
    let report = seed().report;
    let text = store::to_ron(&report);
    // Empty lists, None and false are not written...
    for noise in [
        "counts: []",
        "notes: []",
        "subs: []",
        "when: None",
        "timing: None",
        "bullet: false",
        "open_end: false",
        "continues: false",
        "kind: activity",
    ] {
        assert!(!text.contains(noise), "{noise} written");
    }
    // ...what is not a default is, one entry a line...
    assert!(text.contains("kind: status"));
    assert!(text.contains("bullet: true"));
    let line = text
        .lines()
        .find(|l| l.contains("職員向けメルマガにおける周知(6月)"))
        .expect("an entry of initiative 2");
    assert!(line.trim_start().starts_with("(id: "), "{line}");
    // ...it reads back the same, and it is under half the bytes of the bundled sample (the same
    // report written with every field, before this change).
    assert_eq!(store::from_ron(&text).unwrap(), report);
    let old = shinchoku::document::SAMPLE_RON;
    assert!(
        text.len() * 2 < old.len(),
        "{} bytes against {}",
        text.len(),
        old.len()
    );
    assert_eq!(store::from_ron(old).unwrap(), report);
}

#[test]
fn a_file_not_starting_with_its_schema_still_opens() {
    // Files written by hand may have a comment first or the fields in another order: the
    // version is then read by parsing the whole file.
    let report = seed().report;
    let text = store::to_ron(&report);
    let commented = format!("// written by hand\n{text}");
    assert_eq!(store::from_ron(&commented).unwrap(), report);
    let body = text
        .strip_prefix(&format!("(\n  schema: {SCHEMA_VERSION},"))
        .unwrap();
    let reordered = format!(
        "({},\n  schema: {SCHEMA_VERSION})\n",
        body.trim_end()
            .trim_end_matches(')')
            .trim_end()
            .trim_end_matches(',')
    );
    assert_eq!(store::from_ron(&reordered).unwrap(), report);
}

#[test]
fn a_generated_large_report_keeps_its_links_and_opens_without_repairs() {
    // Copies of the sample's initiatives get new ids; their results' links follow them.
    let report = shinchoku::synthetic::large_report(30);
    let (opened, repaired) = store::from_ron_checked(&store::to_ron(&report)).unwrap();
    assert!(repaired.is_empty(), "{repaired:?}");
    let links = |r: &shinchoku::model::Report| {
        r.initiatives()
            .flat_map(|i| &i.topics)
            .flat_map(|t| &t.actual)
            .map(|e| e.reports.len())
            .sum::<usize>()
    };
    assert_eq!(links(&opened), links(&report));
    assert!(links(&opened) > 30);
}

#[test]
fn text_with_quotes_backslashes_and_control_characters_opens_as_saved() {
    // Saved files are read by a quick reader of the RON Shinchoku writes: every escape the
    // writer makes must read back as the text typed.
    let mut report = seed().report;
    report.title =
        "「第二次」\"引用\" C:\\共有\\報告\t改行\n終わり\u{1}\u{3000}全角空白 😀 é".into();
    let entry = report.sections[0].initiatives[0].topics[0]
        .plan
        .first_mut()
        .unwrap();
    // Read as the window reads a text typed (a text alone, beside the old reading, is read
    // again on opening).
    *entry = shinchoku::model::Entry {
        id: entry.id,
        reports: entry.reports.clone(),
        ..shinchoku::model::entry_text::read_entry(
            "a'b\"c\\d\re\u{7f}f\u{200b}g",
            entry.bullet,
            &mut Vec::new(),
        )
    };
    let text = store::to_ron(&report);
    assert!(text.contains("\\\""), "the writer escaped the quote");
    assert_eq!(store::from_ron(&text).unwrap(), report);
}

/// A field the model does not have — a misspelt `actuals:` for `actual:` typed by hand, a
/// field another tool added — is refused, naming it and where it stands. It was passed over:
/// `check` said nothing, and the next save (`as-of`, `collect`, the window's) wrote the file
/// without it, the two results typed under it gone.
#[test]
fn a_field_the_model_does_not_have_is_refused_naming_it() {
    use shinchoku::lang::{Describe, Lang};
    let report = seed().report;
    let text = store::to_ron(&report);
    let added = text.replacen(
        "  report: (\n",
        "  report: (\n    note: \"added by hand\",\n",
        1,
    );
    let at = text.find("actual: [\n").unwrap();
    let line = text[..at].lines().count();
    let misspelt = format!("{}actuals{}", &text[..at], &text[at + "actual".len()..]);
    for (text, field, row) in [(added, "note", 4), (misspelt, "actuals", line)] {
        let err = store::from_ron(&text).expect_err("refused");
        match &err {
            StoreError::Malformed { line, .. } => assert_eq!(*line, row, "{err:?}"),
            other => panic!("{other:?}"),
        }
        let ja = err.describe(Lang::Ja);
        assert!(
            ja.contains(&format!("「{field}」")) && ja.contains("開きませんでした"),
            "{ja}"
        );
    }
}

/// An entry written into a `.ron` by hand with its id, bullet and text but no `label` (a
/// division adding a result to its response in a text editor): the file opens and the entry is
/// read from its text. The whole response was refused as 「進捗の報告ファイルではありません」.
#[test]
fn an_entry_written_without_its_label_is_read_from_its_text() {
    let report = crate::seed().report;
    let text = store::to_ron(&report);
    let first = report
        .initiatives()
        .flat_map(|i| &i.topics)
        .find(|t| !t.actual.is_empty())
        .unwrap();
    let e = &first.actual[0];
    let written = format!(", label: {:?}", e.label);
    assert_eq!(text.matches(&written).count(), 1, "{written}");
    let without = text.replacen(&written, "", 1);
    let read = store::from_ron(&without).expect("opens");
    let again = read.entry(e.id).unwrap();
    assert_eq!(again.label, e.label);
    assert_eq!(again.timing, e.timing);
}

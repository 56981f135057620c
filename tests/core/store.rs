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

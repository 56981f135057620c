//! Hostile files found by the third attack: what is not a file (a named pipe, `/dev/zero`), a
//! file too large to read, a table of a million one-line initiatives, an answer workbook
//! naming one topic in thousands of rows, and an initiative number starting with a control
//! character. Before, the first hung every command for ever, the second and third took the
//! machine's memory, the fourth was quadratic (40,000 rows: 63 s) and the last lost the
//! initiative on its way through the table export.

use std::path::Path;

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::{MAX_FILE_BYTES, MAX_INITIATIVES};
use shinchoku::model::diag::{FileErrorKind, ImportErrorKind};

fn refused_kind(path: &Path) -> FileErrorKind {
    let store = shinchoku::store::open_checked(path)
        .map(|_| ())
        .unwrap_err();
    let import = shinchoku::import::import_file(path)
        .map(|_| ())
        .unwrap_err();
    let answer = match shinchoku::survey::read_answer(path) {
        Err(shinchoku::survey::Refusal::File(e)) => e.kind,
        other => panic!("{other:?}"),
    };
    assert_eq!(store.kind, import.kind);
    assert_eq!(store.kind, answer);
    store.kind
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("answer.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // (Before, opening it waited for a writer that never came.)
    assert_eq!(refused_kind(&fifo), FileErrorKind::NotAFile);
    let said = shinchoku::store::open_checked(&fifo)
        .map(|_| ())
        .unwrap_err()
        .describe(Lang::Ja);
    assert!(said.contains("ファイルではありません"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_device_that_never_ends_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("zero.tsv");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    assert_eq!(refused_kind(&zero), FileErrorKind::NotAFile);
}

#[test]
fn a_file_larger_than_is_read_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    // Sparse: no disk taken, and nothing read.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    assert_eq!(
        refused_kind(&big),
        FileErrorKind::FileTooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    let said = shinchoku::import::import_file(&big)
        .map(|_| ())
        .unwrap_err()
        .describe(Lang::Ja);
    assert!(
        said.contains("ファイルが大きすぎます（100.1 MB。読めるのは100 MBまで）"),
        "{said}"
    );
}

#[test]
fn a_folder_is_said_to_be_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let said = shinchoku::import::import_file(dir.path())
        .map(|_| ())
        .unwrap_err()
        .describe(Lang::Ja);
    assert!(said.contains("フォルダです"), "{said}");
}

/// The seed's header and one row per initiative of five fields (`1⇥1⇥1⇥1⇥1`): refused at the
/// row past the most a table holds, naming it.
#[test]
fn a_table_of_more_initiatives_than_any_programme_is_refused_at_the_row() {
    let mut text = crate::SEED.to_string();
    for k in 0..MAX_INITIATIVES + 10 {
        text.push_str(&format!("\n{}\t1\t1\t1\t1", k + 100));
    }
    let e = shinchoku::import::import_text(&text)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::TooManyInitiatives);
    let said = e.describe(Lang::Ja);
    assert!(
        said.contains("取組が多すぎます（読めるのは150000件まで）"),
        "{said}"
    );
}

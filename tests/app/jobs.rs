//! A long PDF or export runs in the background: the status bar shows it with its progress and
//! 中止, and 中止 ends it with no file written — neither the file nor a half-written one.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::helpers::*;
use shinchoku::document::Origin;

/// The sample repeated to this many initiatives: its PDF and workbook take seconds to make in
/// a test build, far longer than the frames before 中止 is clicked.
const LARGE: usize = 3000;

fn large_harness() -> Harness<'static, ShinchokuApp> {
    let report = shinchoku::synthetic::large_report(LARGE);
    let doc = Document::new(report, Origin::Sample, Vec::new());
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1000.0);
    h.run();
    h
}

/// Starts the job `command` asks for and waits for the frame that shows it running.
fn start(h: &mut Harness<'static, ShinchokuApp>, command: FileCommand) {
    h.state_mut().queue(command);
    h.step();
    h.step();
    assert!(h.state().job_running(), "the job runs");
}

/// Waits until every worker thread has ended (a stopped one ends at its next step), a minute
/// at most, then lets the window take any news.
fn wait_for_workers(h: &mut Harness<'static, ShinchokuApp>) {
    let started = Instant::now();
    while h.state().job_workers() > 0 {
        assert!(started.elapsed().as_secs() < 60, "the stopped worker ends");
        std::thread::sleep(Duration::from_millis(20));
    }
    for _ in 0..3 {
        h.step();
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn stopping_a_long_pdf_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grid.pdf");
    let mut h = large_harness();
    start(&mut h, FileCommand::ExportPdfTo(path.clone()));
    // The status bar says what runs, with its bar and 中止.
    h.get_by_label("PDFを作成中…");
    h.get_by_label("中止").click();
    h.run();
    assert!(!h.state().job_running());
    h.get_by_label("中止しました（ファイルは書き出していません）");
    wait_for_workers(&mut h);
    assert!(!path.exists());
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
    // The status bar says it still, and nothing arrived later to replace it.
    h.get_by_label("中止しました（ファイルは書き出していません）");
    assert!(h.query_by_label("中止").is_none());
}

#[test]
fn stopping_a_long_export_writes_nothing_and_a_new_one_can_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grid.xlsx");
    let mut h = large_harness();
    let export = FileCommand::ExportTo {
        path: path.clone(),
        encoding: shinchoku::export::Encoding::Utf8,
    };
    start(&mut h, export.clone());
    h.get_by_label("書き出し中…");
    h.get_by_label("中止").click();
    h.run();
    h.get_by_label("中止しました（ファイルは書き出していません）");
    wait_for_workers(&mut h);
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
    // Not stopped, the same export is written whole.
    start(&mut h, export);
    wait_for_job(&mut h);
    let bytes = std::fs::read(&path).expect("the workbook was written");
    assert!(bytes.starts_with(b"PK"), "an XLSX is a zip");
    h.get_by_label_contains(&format!("書き出しました: {}", path.display()));
}

//! Printing and exports from the window: the preview, the PDF job, the chosen formats.

use crate::helpers::*;

#[test]
fn the_print_preview_shows_the_pages_and_follows_the_setup() {
    let mut h = sample_harness();
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("印刷プレビュー").click();
    h.run();
    let pages = |h: &Harness<'static, ShinchokuApp>| {
        let job = shinchoku::print::PrintJob {
            report: h.state().document().report(),
            setup: h.state().prefs().page_setup(),
            printed_on: String::new(),
            comparison: None,
        };
        shinchoku::print::layout(&job, &mut |_| {}).pages.len()
    };
    let a3 = pages(&h);
    h.get_by_label(&format!("1 / {a3}"));
    h.get_by_label("縦").click();
    h.run();
    let portrait = pages(&h);
    assert!(portrait < a3, "portrait fits more rows per page");
    h.get_by_label(&format!("1 / {portrait}"));
    h.get_by_label("次 ▶").click();
    h.run();
    h.get_by_label(&format!("2 / {portrait}"));
    // The setup is remembered for next time.
    assert!(!h.state().prefs().page_setup().landscape);
}

#[test]
fn exporting_a_pdf_runs_in_the_background_and_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grid.pdf");
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::ExportPdfTo(path.clone()));
    wait_for_job(&mut h);
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    h.get_by_label_contains("PDFを書き出しました");
}

#[test]
fn exporting_from_the_window_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    for name in ["grid.xlsx", "grid.tsv", "grid.csv"] {
        h.state_mut().queue(FileCommand::ExportTo {
            path: dir.path().join(name),
            encoding: shinchoku::export::Encoding::Cp932,
        });
        wait_for_job(&mut h);
        h.get_by_label_contains(&format!(
            "書き出しました: {}",
            dir.path().join(name).display()
        ));
    }
    let tsv = std::fs::read(dir.path().join("grid.tsv")).unwrap();
    let imported = shinchoku::import::import_bytes(&tsv).unwrap();
    assert_eq!(imported.encoding, shinchoku::import::TextEncoding::Cp932);
    assert!(imported.report == *h.state().document().report());
}

#[test]
fn text_the_font_lacks_still_prints_from_the_window_untagged_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grid.pdf");
    // The window draws such text as a box (tofu), as egui does by default.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1800.0, 1000.0))
        .allow_missing_glyphs()
        .with_context_setup(fonts::install_style)
        .build_ui_state(
            |ui, app: &mut ShinchokuApp| app.show(ui),
            ShinchokuApp::new(Document::sample(), Prefs::default()),
        );
    h.run();
    let first = h
        .state()
        .document()
        .report()
        .initiatives()
        .next()
        .unwrap()
        .id;
    // An emoji: BIZ UDPGothic has no glyph for it, so the PDF cannot be tagged (PDF/UA).
    h.state_mut().queue(Intent::SetInitiativeTitle {
        id: first,
        title: "職員の人材育成 🙂".into(),
    });
    h.state_mut().queue(FileCommand::ExportPdfTo(path.clone()));
    wait_for_job(&mut h);
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    h.get_by_label_contains("読み上げ用のタグなしで作成しました");
}

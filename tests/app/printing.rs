//! Printing and exports from the window: the preview, the PDF job, the chosen formats.

use crate::helpers::*;

#[test]
fn the_print_preview_shows_the_pages_and_follows_the_setup() {
    let mut h = sample_harness();
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("印刷プレビュー").click();
    h.run();
    let pages = |h: &Harness<'static, ShinchokuApp>| pages_with(h, h.state().prefs().page_setup());
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

/// Esc closed the dialogs but not the print preview (nor the collect review): it closes the
/// preview now, as the window's ✕ does.
#[test]
fn escape_closes_the_print_preview() {
    let mut h = sample_harness();
    h.state_mut().queue(Action::PrintPreview);
    h.run();
    assert!(h.query_by_label("次 ▶").is_some(), "the preview is open");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("次 ▶").is_none(), "Esc closed it");
    assert!(h.state().dialog().is_none());
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

/// The window does not write an export or a printout over a division's answer, nor over the
/// table the report was read from, as the command line does not: an answer workbook chosen in
/// the save dialog was replaced, what the division typed gone.
#[test]
fn an_export_over_an_answer_or_the_reports_own_table_is_refused() {
    use shinchoku::survey::send::{Formats, Survey, write_responses};
    let dir = tempfile::tempdir().unwrap();
    let report = Document::sample().into_report();
    let today = chrono::NaiveDate::from_ymd_opt(2017, 10, 2).unwrap();
    let plan = Survey::new(&report, None, "", today).unwrap();
    write_responses(&report, dir.path(), Formats::Both, &plan).unwrap();
    let workbook = dir.path().join("総務部人事課.xlsx");
    // A report imported from a table: the table is what it was read from.
    let table = dir.path().join("report.tsv");
    std::fs::write(&table, shinchoku::export::table::to_table_text(&report)).unwrap();
    let imported = Document::open(&table).unwrap();
    for (doc, path, said) in [
        (
            Document::sample(),
            &workbook,
            "総務部人事課の回答です。置き換えません",
        ),
        (
            imported,
            &table,
            "読み込むファイルそのものには書き出せません",
        ),
    ] {
        let before = std::fs::read(path).unwrap();
        let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 900.0);
        h.state_mut().queue(FileCommand::ExportTo {
            path: path.clone(),
            encoding: shinchoku::export::Encoding::Utf8,
        });
        h.run();
        h.get_by_label_contains(said);
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{said}: the file kept"
        );
    }
}

/// Text the font lacks prints tagged from the window, as □ with its text kept: it was made
/// untagged (PDF/UA refused the font's missing-glyph box), 「読み上げ用のタグなしで作成しました」.
#[test]
fn text_the_font_lacks_prints_tagged_from_the_window() {
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
    // An emoji: BIZ UDPGothic has no glyph for it.
    h.state_mut().queue(Intent::SetInitiativeTitle {
        id: first,
        title: "職員の人材育成 🙂".into(),
    });
    h.state_mut().queue(FileCommand::ExportPdfTo(path.clone()));
    wait_for_job(&mut h);
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(
        pdf.catalog().unwrap().get(b"StructTreeRoot").is_ok(),
        "tagged"
    );
    assert!(
        h.query_by_label_contains("読み上げ用のタグなしで作成しました")
            .is_none()
    );
}

#[test]
fn the_print_preview_ends_with_the_summary_page_of_a_report_with_numbers() {
    use shinchoku::model::measures::{Rating, RatingLevel};
    let mut report = Document::sample().into_report();
    let r = &mut report;
    r.measure_settings.rating_scale = vec![RatingLevel {
        code: "A".into(),
        label: "良好に進捗".into(),
        meaning: String::new(),
        not_applicable: false,
    }];
    let first = r.sections[0].initiatives[0].id;
    r.initiative_mut(first).unwrap().measures_mut().self_rating = Some(Rating {
        code: "A".into(),
        ..Rating::default()
    });
    let doc = Document::new(report, shinchoku::document::Origin::Sample, Vec::new());
    let seed_pages = |h: &Harness<'static, ShinchokuApp>, with_numbers: bool| {
        let mut setup = h.state().prefs().page_setup().clone();
        setup.columns.measures = with_numbers;
        pages_with(h, &setup)
    };
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1000.0);
    h.run();
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("印刷プレビュー").click();
    h.run();
    // The grid's pages and then the 集計表's, the same layout the PDF is drawn from.
    let n = seed_pages(&h, true);
    assert_eq!(n, seed_pages(&h, false) + 1);
    h.get_by_label(&format!("1 / {n}"));
    for _ in 1..n {
        h.get_by_label("次 ▶").click();
        h.run();
    }
    h.get_by_label(&format!("{n} / {n}"));
    // Unticked in the page setup, the numbers' columns and the 集計表 are left out.
    h.get_by_label("数値目標・効果額・評価（と集計表）").click();
    h.run();
    assert!(!h.state().prefs().page_setup().columns.measures);
    let fewer = n - 1;
    h.get_by_label(&format!("{fewer} / {fewer}"));
}

/// A report whose grid would print on more than 6,000 pages (one topic of 160,000 result
/// lines, A4 with wide margins): the preview says so in place of the pages, 印刷 and PDF are
/// off, and a PDF asked for all the same is refused with the same words, no file written.
#[test]
fn a_printout_over_the_page_limit_is_refused_in_the_window_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grid.pdf");
    let report = shinchoku::synthetic::with_result_lines(160_000);
    let doc = Document::new(report, shinchoku::document::Origin::Sample, Vec::new());
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1000.0);
    h.run();
    let mut setup = h.state().prefs().page_setup().clone();
    setup.paper = shinchoku::print::Paper::A4;
    setup.margin_mm = 25.0;
    h.state_mut().queue(PrefsCommand::SetPageSetup(setup));
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("印刷プレビュー").click();
    h.step();
    let job = shinchoku::print::PrintJob {
        report: h.state().document().report(),
        setup: h.state().prefs().page_setup(),
        printed_on: String::new(),
        comparison: None,
    };
    let pages = shinchoku::print::layout(&job, &mut |_| {})
        .unwrap_err()
        .pages;
    // Laid out on a worker (160,000 entries): the words come when it ends.
    wait_for_label(
        &mut h,
        &format!(
            "印刷は{pages}ページになり、1回に印刷できる6000ページを超えます。担当課か章を選んで印刷してください"
        ),
    );
    let print = h.get_by_label("印刷…");
    assert!(egui_kittest::kittest::NodeT::accesskit_node(&print).is_disabled());
    h.state_mut().queue(FileCommand::ExportPdfTo(path.clone()));
    wait_for_job(&mut h);
    assert!(!path.exists());
    h.get_by_label("PDFを作成できませんでした");
    let words = format!("印刷は{pages}ページになり");
    let told = h.get_all_by_label_contains(&words).count();
    assert_eq!(told, 2, "the preview and the error dialog");
}

/// The preview of a large report (2,000 initiatives, 20,000 entries) is laid out on a worker:
/// the window keeps drawing, says it is laying out the pages with its progress, and shows them
/// when they are made; a change of the page setup shows the pages before until the new ones
/// come. It was laid out on the window's thread, frozen half a second at 10,000 initiatives at
/// each change of the setup.
#[test]
fn the_preview_of_a_large_report_is_laid_out_while_the_window_keeps_drawing() {
    let report = shinchoku::synthetic::large_report(2_000);
    let doc = Document::new(report, shinchoku::document::Origin::Sample, Vec::new());
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1000.0);
    h.run();
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("印刷プレビュー").click();
    let a3 = pages_with(&h, h.state().prefs().page_setup());
    // Frames are drawn while the pages are laid out (20,000 entries: longer than a frame).
    let laying_out = "ページを組んでいます…";
    let mut said = false;
    let started = std::time::Instant::now();
    while h.query_by_label(&format!("1 / {a3}")).is_none() {
        assert!(started.elapsed().as_secs() < 60, "the pages come");
        said |= h.query_by_label(laying_out).is_some();
        h.step();
    }
    assert!(said, "the preview said it was laying out the pages");
    h.step();
    assert!(h.query_by_label(laying_out).is_none());
    let mut portrait = h.state().prefs().page_setup().clone();
    portrait.landscape = false;
    let portrait = pages_with(&h, &portrait);
    h.get_by_label("縦").click();
    h.step();
    h.step();
    // The pages before, while the new ones are made (unless they came already).
    if h.query_by_label(&format!("1 / {portrait}")).is_none() {
        h.get_by_label(&format!("1 / {a3}"));
        h.get_by_label("組み終わるまで、前のページを表示しています");
    }
    wait_for_label(&mut h, &format!("1 / {portrait}"));
}

/// How many pages the open report prints on with `setup` (the layout the preview shows).
fn pages_with(h: &Harness<'static, ShinchokuApp>, setup: &shinchoku::print::PageSetup) -> usize {
    let job = shinchoku::print::PrintJob {
        report: h.state().document().report(),
        setup,
        printed_on: String::new(),
        comparison: None,
    };
    shinchoku::print::layout(&job, &mut |_| {})
        .unwrap()
        .pages
        .len()
}

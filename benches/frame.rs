//! One headless frame of the main window (grid, detail panel, menus), with the sample report
//! and with a generated report of 10,000 initiatives: the grid builds only the rows on screen,
//! so the two should cost about the same. And the sample's initiative 10 alone with one topic
//! of 300,000 results, with nothing selected (each row on screen is read from its own entry,
//! not the whole initiative) and selected (the detail panel lists 500 of the results).

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::app::{Prefs, ShinchokuApp, ViewCommand, fonts};
use shinchoku::document::{Document, Origin};
use shinchoku::synthetic::{LONG_INITIATIVE, large_report, with_result_lines};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let long = || Document::new(long_topic_alone(), Origin::Sample, Vec::new());
    // (name, report, whether its first initiative is selected: the detail panel drawn too)
    let cases = [
        ("frame/sample", Document::sample(), true),
        (
            "frame/10000_initiatives",
            Document::new(large_report(10_000), Origin::Sample, Vec::new()),
            true,
        ),
        ("frame/300000_result_lines", long(), false),
        ("frame/300000_result_lines_selected", long(), true),
    ];
    for (name, doc, select) in cases {
        let ctx = egui::Context::default();
        fonts::install_style(&ctx);
        let mut app = ShinchokuApp::new(doc, Prefs::default());
        let first = app.document().report().initiatives().next().map(|i| i.id);
        if let Some(id) = first.filter(|_| select) {
            app.queue(ViewCommand::Select(id));
        }
        // Warm up: fonts are rasterised and the row list is built on the first frames.
        for _ in 0..3 {
            ctx.run_ui(input(), |ui| app.show(ui))
                .drop_without_applying_deltas();
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                ctx.run_ui(input(), |ui| app.show(ui))
                    .drop_without_applying_deltas()
            })
        });
    }
}

/// The sample's initiative 10, alone in its section, its first topic holding 300,000 results.
fn long_topic_alone() -> shinchoku::model::Report {
    let mut report = with_result_lines(300_000);
    for section in &mut report.sections {
        section.initiatives.retain(|i| i.number == LONG_INITIATIVE);
    }
    report.sections.retain(|s| !s.initiatives.is_empty());
    report
}

fn rows(c: &mut Criterion) {
    let report = large_report(10_000);
    let filter = shinchoku::grid::RowFilter::default();
    c.bench_function("rows/10000_initiatives", |b| {
        b.iter(|| shinchoku::grid::rows(&report, &filter).len())
    });
}

criterion_group!(benches, frame, rows);
criterion_main!(benches);

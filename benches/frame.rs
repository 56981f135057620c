//! One headless frame of the main window (grid, detail panel, menus), with the sample report and
//! with a generated report of 10,000 initiatives: the grid builds only the rows on screen, so
//! the two should cost about the same.

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::app::{Prefs, ShinchokuApp, ViewCommand, fonts};
use shinchoku::document::{Document, Origin};
use shinchoku::synthetic::large_report;

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
    let cases = [
        ("frame/sample", Document::sample()),
        (
            "frame/10000_initiatives",
            Document::new(large_report(10_000), Origin::Sample, Vec::new()),
        ),
    ];
    for (name, doc) in cases {
        let ctx = egui::Context::default();
        fonts::install_style(&ctx);
        let mut app = ShinchokuApp::new(doc, Prefs::default());
        // Select the first initiative so the detail panel is drawn too.
        let first = app.document().report().initiatives().next().map(|i| i.id);
        if let Some(id) = first {
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

fn rows(c: &mut Criterion) {
    let report = large_report(10_000);
    let filter = shinchoku::grid::RowFilter::default();
    c.bench_function("rows/10000_initiatives", |b| {
        b.iter(|| shinchoku::grid::rows(&report, &filter).len())
    });
}

criterion_group!(benches, frame, rows);
criterion_main!(benches);

//! Typing one result into a 1,000-initiative report, as the window does it: the edit is
//! applied, then the next frame draws (the grid's rows, and with a comparison open, its marks).
//! Alone and compared with the report as it was opened (issue 24: a typed result should not
//! cost the whole comparison again).

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::app::{AppCommand, CompareCommand, Prefs, ShinchokuApp, fonts};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::model::Side;
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

fn typing(c: &mut Criterion) {
    let report = large_report(1_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let old = dir.path().join("old.ron");
    shinchoku::store::save(&old, &report).expect("the old report is written");
    // A result in the middle of the report.
    let middle = report.initiatives().nth(500).expect("500 initiatives");
    let id = middle
        .topics
        .iter()
        .flat_map(|t| t.entries(Side::Actual))
        .next()
        .expect("a result")
        .id;
    for (name, compared) in [
        ("typing/1000_initiatives", false),
        ("typing/1000_initiatives_compared", true),
    ] {
        let ctx = egui::Context::default();
        fonts::install_style(&ctx);
        let doc = Document::new(report.clone(), Origin::Sample, Vec::new());
        let mut app = ShinchokuApp::new(doc, Prefs::default());
        if compared {
            app.queue(CompareCommand::With(old.clone()));
        }
        for _ in 0..3 {
            ctx.run_ui(input(), |ui| app.show(ui))
                .drop_without_applying_deltas();
        }
        let mut k = 0u32;
        c.bench_function(name, |b| {
            b.iter(|| {
                k += 1;
                let text = format!("研修の実施({}月)", 4 + k % 6);
                app.queue(AppCommand::Edit(Intent::SetEntryText { id, text }));
                ctx.run_ui(input(), |ui| app.show(ui))
                    .drop_without_applying_deltas()
            })
        });
    }
}

criterion_group!(benches, typing);
criterion_main!(benches);

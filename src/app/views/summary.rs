//! 状況の集計: initiatives per status by section, topics per status by 担当課.

use egui::{Context, Grid, RichText, Window};

use super::widgets::status_name;
use crate::app::command::{Action, AppCommand};
use crate::app::i18n::Lang;
use crate::model::Report;
use crate::model::status::{Status, StatusCounts, summary};

pub fn show(ctx: &Context, lang: Lang, report: &Report, open: bool) -> Vec<AppCommand> {
    let t = lang.texts();
    let mut out = Vec::new();
    if !open {
        return out;
    }
    let mut still_open = true;
    let mut edits = Vec::new();
    let s = summary(report);
    Window::new(t.summary)
        .open(&mut still_open)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "{} {}",
                report.as_of().to_japanese(report.fiscal_year),
                t.as_of
            ));
            for (title, rows) in [
                (t.by_section, &s.by_section),
                (t.by_division, &s.by_division),
            ] {
                ui.add_space(6.0);
                ui.label(RichText::new(title).strong());
                Grid::new(title).striped(true).show(ui, |ui| {
                    ui.label("");
                    for status in Status::ALL {
                        ui.label(status_name(status, lang));
                    }
                    ui.label(t.total);
                    ui.end_row();
                    for (name, counts) in rows.iter() {
                        row(ui, name, counts);
                    }
                });
            }
            edits = super::measures::show(ui, lang, report);
        });
    out.extend(edits);
    if !still_open {
        out.push(Action::ToggleSummary.into());
    }
    out
}

fn row(ui: &mut egui::Ui, name: &str, counts: &StatusCounts) {
    ui.label(name);
    for status in Status::ALL {
        ui.label(counts.get(status).to_string());
    }
    ui.label(counts.total().to_string());
    ui.end_row();
}

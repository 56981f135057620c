//! The comparison panel beside the grid (比較): which report the open one is compared with,
//! what the marks mean, the change list (a click goes to the change), and 前の報告 / 次の報告
//! when several reports of one programme are open together.

use egui::{Panel, RichText, ScrollArea, Sense, Ui, vec2};

use super::widgets::color;
use crate::app::command::{Action, AppCommand, CompareCommand};
use crate::app::i18n::{Lang, Texts};
use crate::app::state::compare::CompareState;
use crate::compare::Mark;
use crate::document::Document;
use crate::palette::compare_mark;

const LINE_HEIGHT: f32 = 20.0;

pub fn show(ui: &mut Ui, lang: Lang, compare: &CompareState, doc: &Document) -> Vec<AppCommand> {
    let mut out = Vec::new();
    let series = compare.series().len();
    if compare.comparison().is_none() && series < 2 {
        return out;
    }
    let t = lang.texts();
    Panel::left("compare")
        .resizable(true)
        .default_size(300.0)
        .min_size(200.0)
        .show(ui, |ui| {
            ui.heading(t.compare_title);
            if series >= 2 {
                series_bar(ui, t, compare, doc, &mut out);
            }
            let Some(comparison) = compare.comparison() else {
                return;
            };
            ui.label(format!(
                "{}: {} → {}",
                t.compare_with,
                comparison.label,
                doc.display_name()
            ));
            legend(ui, t);
            ui.horizontal(|ui| {
                if ui.button(t.compare_print).clicked() {
                    out.push(Action::ExportChangeList.into());
                }
                if ui.button(t.compare_stop).clicked() {
                    out.push(CompareCommand::Stop.into());
                }
            });
            ui.separator();
            ui.label(RichText::new(t.compare_hint).small().weak());
            change_list(ui, compare.list(), &mut out);
        });
    out
}

/// 前の報告 / 次の報告 and where the open report stands in the series.
fn series_bar(
    ui: &mut Ui,
    t: &Texts,
    compare: &CompareState,
    doc: &Document,
    out: &mut Vec<AppCommand>,
) {
    let members = compare.series();
    let at = members
        .iter()
        .position(|m| Some(m.path.as_path()) == doc.file_path());
    ui.horizontal(|ui| {
        let first = at.is_none_or(|k| k == 0);
        if ui
            .add_enabled(
                !first,
                egui::Button::new(format!("◀ {}", t.previous_report)),
            )
            .clicked()
        {
            out.push(Action::PreviousReport.into());
        }
        let place = at.map_or("–".to_string(), |k| (k + 1).to_string());
        ui.label(format!("{} {place} / {}", t.series_label, members.len()));
        let last = at.is_none_or(|k| k + 1 == members.len());
        if ui
            .add_enabled(!last, egui::Button::new(format!("{} ▶", t.next_report)))
            .clicked()
        {
            out.push(Action::NextReport.into());
        }
    });
}

/// What the marks mean: a swatch and a word each (the grid also shows ＋ / － signs).
fn legend(ui: &mut Ui, t: &Texts) {
    ui.horizontal(|ui| {
        for (mark, word) in [
            (Mark::Added, t.mark_added),
            (Mark::Changed, t.mark_changed),
            (Mark::Removed, t.mark_removed),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
            ui.painter().rect_stroke(
                rect.shrink(1.0),
                2.0,
                egui::Stroke::new(2.0, color(compare_mark(mark))),
                egui::StrokeKind::Inside,
            );
            ui.label(word);
        }
    });
}

/// The change list, one line each (full text on hover), only the visible lines laid out.
fn change_list(ui: &mut Ui, lines: &[crate::compare::ListLine], out: &mut Vec<AppCommand>) {
    ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        LINE_HEIGHT,
        lines.len(),
        |ui, range| {
            for line in &lines[range] {
                ui.horizontal(|ui| {
                    ui.set_height(LINE_HEIGHT);
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    ui.add_space(f32::from(line.depth.saturating_sub(1)) * 14.0);
                    let text = match line.depth {
                        0 | 1 => RichText::new(&line.text).strong(),
                        _ => RichText::new(&line.text),
                    };
                    match line.change {
                        Some(k) => {
                            let link = ui.add(egui::Link::new(text)).on_hover_text(&line.text);
                            if link.clicked() {
                                out.push(CompareCommand::Reveal(k).into());
                            }
                        }
                        None => {
                            ui.add(egui::Label::new(text).truncate())
                                .on_hover_text(&line.text);
                        }
                    }
                });
            }
        },
    );
}

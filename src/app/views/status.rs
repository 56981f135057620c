//! The status bar: the report's year and period, counts, warnings, the last notice, and the
//! running PDF or export with its progress and 中止.

use egui::Panel;

use crate::app::command::AppCommand;
use crate::app::i18n::Texts;
use crate::app::state::jobs::{JobCommand, JobOutput};
use crate::document::Document;
use crate::lang::{Describe, Lang};

pub fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    doc: &Document,
    notice: Option<&str>,
    job: Option<(&JobOutput, f32)>,
) -> Vec<AppCommand> {
    let t: &Texts = lang.texts();
    let r = doc.report();
    let mut out = Vec::new();
    Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(holder) = doc.locked_by() {
                let text = super::widgets::with_note(t.read_only, &holder.describe(lang), lang);
                ui.label(
                    egui::RichText::new(text)
                        .strong()
                        .color(super::widgets::color(crate::palette::ERROR_TEXT)),
                );
                ui.separator();
            }
            let period = super::widgets::period_words(r.period, lang);
            ui.label(match lang {
                Lang::Ja => format!(
                    "{}（{}年度） {period}",
                    r.fiscal_year.era_form(),
                    r.fiscal_year.0
                ),
                Lang::En => format!(
                    "FY{} ({}), {period}",
                    r.fiscal_year.0,
                    r.fiscal_year.era_form()
                ),
            });
            ui.separator();
            // English counts one without the plural s ("1 sections").
            let counted = |n: usize, word: &'static str| match (lang, n) {
                (Lang::En, 1) => format!("1 {}", word.trim_end_matches('s')),
                _ => format!("{n} {word}"),
            };
            ui.label(format!(
                "{} · {} · {}",
                counted(r.sections.len(), t.sections),
                counted(r.initiative_count(), t.initiatives),
                counted(r.action_item_count(), t.action_items)
            ));
            ui.separator();
            if doc.warnings.is_empty() {
                ui.label(t.no_warnings);
            } else {
                ui.label(format!("{} {}", t.warnings, doc.warnings.len()))
                    .on_hover_text(
                        doc.warnings
                            .iter()
                            .map(|w| crate::model::text::visible(&w.describe(lang)).into_owned())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
            }
            if let Some((output, progress)) = job {
                ui.separator();
                job_progress(ui, lang, output, progress, &mut out);
            } else if let Some(n) = notice {
                ui.separator();
                ui.label(n);
            }
        });
    });
    out
}

/// What runs, how far it is, and 中止.
fn job_progress(
    ui: &mut egui::Ui,
    lang: Lang,
    output: &JobOutput,
    progress: f32,
    out: &mut Vec<AppCommand>,
) {
    let words = crate::app::state::jobs::words(lang);
    let (doing, bar) = match output {
        JobOutput::PrintPdf | JobOutput::Pdf(_) => (
            lang.texts().making_pdf,
            egui::ProgressBar::new(progress).show_percentage(),
        ),
        // An export tells no fraction: the bar only shows that it works.
        JobOutput::Export(_) => (words.exporting, egui::ProgressBar::new(0.0).animate(true)),
    };
    ui.label(format!("{doing}…"));
    ui.add(bar.desired_width(160.0));
    if ui.button(words.stop).clicked() {
        out.push(JobCommand::Stop.into());
    }
}

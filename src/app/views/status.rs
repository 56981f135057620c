//! The status bar: the report's year and period, counts, warnings, the last notice.

use egui::Panel;

use crate::app::i18n::Texts;
use crate::document::Document;
use crate::lang::{Describe, Lang};

pub fn show(ui: &mut egui::Ui, lang: Lang, doc: &Document, notice: Option<&str>) {
    let t: &Texts = lang.texts();
    let r = &doc.report;
    Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(holder) = doc.locked_by() {
                let text = format!("{}（{}）", t.read_only, holder.describe(lang));
                ui.label(
                    egui::RichText::new(text)
                        .strong()
                        .color(super::widgets::color(crate::palette::ERROR_TEXT)),
                );
                ui.separator();
            }
            ui.label(format!(
                "{}（{}年度） {}",
                r.fiscal_year.era_form(),
                r.fiscal_year.0,
                r.period.japanese()
            ));
            ui.separator();
            ui.label(format!(
                "{} {} · {} {} · {} {}",
                r.sections.len(),
                t.sections,
                r.initiative_count(),
                t.initiatives,
                r.action_item_count(),
                t.action_items
            ));
            ui.separator();
            if doc.warnings.is_empty() {
                ui.label(t.no_warnings);
            } else {
                ui.label(format!("{} {}", t.warnings, doc.warnings.len()))
                    .on_hover_text(
                        doc.warnings
                            .iter()
                            .map(|w| w.describe(lang))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
            }
            if let Some(n) = notice {
                ui.separator();
                ui.label(n);
            }
        });
    });
}

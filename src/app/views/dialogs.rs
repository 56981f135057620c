//! Modal dialogs: errors, the unsaved-changes guard, the import warnings.

use egui::{Context, Id, Modal};

use crate::app::Dialog;
use crate::app::command::{AppCommand, DialogCommand, FileCommand};
use crate::app::i18n::Lang;
use crate::document::Document;
use crate::lang::Describe;

/// Draws the dialog; returns the commands chosen (closing it is one).
pub fn show(ctx: &Context, lang: Lang, dialog: &Dialog, doc: &Document) -> Vec<AppCommand> {
    let t = lang.texts();
    let mut close = false;
    let mut out = Vec::new();
    let modal = Modal::new(Id::unique("shinchoku-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::Error { title, message } => {
                ui.heading(title);
                ui.label(message);
                if ui.button(t.ok).clicked() {
                    close = true;
                }
            }
            Dialog::UnsavedChanges { .. } => {
                ui.heading(t.unsaved_title);
                ui.label(format!("{}\n{}", doc.display_name(), t.unsaved_body));
                ui.horizontal(|ui| {
                    if ui.button(t.save_and_continue).clicked() {
                        out.push(FileCommand::ResolveUnsaved { save: true }.into());
                    }
                    if ui.button(t.discard).clicked() {
                        out.push(FileCommand::ResolveUnsaved { save: false }.into());
                    }
                    if ui.button(t.cancel).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Warnings => {
                ui.heading(format!("{} ({})", t.warnings, doc.warnings.len()));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for w in &doc.warnings {
                            ui.label(w.describe(lang));
                        }
                    });
                if ui.button(t.ok).clicked() {
                    close = true;
                }
            }
        }
    });
    if modal.should_close() {
        close = true;
    }
    if close {
        out.push(DialogCommand::Close.into());
    }
    out
}

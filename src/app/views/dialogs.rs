//! Modal dialogs: errors, the unsaved-changes guard, the import warnings.

use egui::{Context, Id, Modal};

use crate::app::Dialog;
use crate::app::command::AppCommand;
use crate::app::i18n::Texts;
use crate::document::Document;

/// Draws the dialog; returns whether it is to close, and the commands chosen.
pub fn show(ctx: &Context, t: &Texts, dialog: &Dialog, doc: &Document) -> (bool, Vec<AppCommand>) {
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
                        out.push(AppCommand::ResolveUnsaved { save: true });
                    }
                    if ui.button(t.discard).clicked() {
                        out.push(AppCommand::ResolveUnsaved { save: false });
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
                            ui.label(w.to_string());
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
    (close, out)
}

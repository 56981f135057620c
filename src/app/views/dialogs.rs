//! Modal dialogs: errors, the unsaved-changes guard, the import warnings, and what keeps a
//! report safe — a file open elsewhere, a file changed on disk or read-only, work to recover,
//! a path to type where no file dialog can be shown.

use egui::{Context, Id, Modal, Ui};

use crate::app::Dialog;
use crate::app::command::{Action, AppCommand, DialogCommand, FileCommand, PathPurpose};
use crate::app::i18n::{Lang, Texts};
use crate::document::Document;
use crate::lang::Describe;
use crate::store::recovery::Recoverable;

/// Draws the dialog; returns the commands chosen (closing it is one). `typed` is the path
/// being typed in the type-a-path dialog (the views' own draft).
pub fn show(
    ctx: &Context,
    lang: Lang,
    dialog: &Dialog,
    doc: &Document,
    typed: &mut String,
) -> Vec<AppCommand> {
    let t = lang.texts();
    let mut close = false;
    let mut out = Vec::new();
    let modal = Modal::new(Id::unique("shinchoku-dialog")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        match dialog {
            Dialog::Error { title, message } => {
                ui.heading(title);
                ui.label(message);
                close = ui.button(t.ok).clicked();
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
                    close = ui.button(t.cancel).clicked();
                });
            }
            Dialog::Warnings => close = warnings(ui, lang, doc),
            Dialog::Locked { holder } => {
                ui.heading(t.locked_title);
                ui.label(t.locked_body);
                ui.label(egui::RichText::new(holder).strong());
                ui.horizontal(|ui| {
                    close = ui.button(t.open_read_only).clicked();
                    if ui.button(t.take_over).clicked() {
                        out.push(FileCommand::TakeOverLock.into());
                        close = true;
                    }
                });
            }
            Dialog::ChangedOnDisk { path, message } => {
                (close, out) = changed_on_disk(ui, t, path, message);
            }
            Dialog::LockedOnSave { path, message } => {
                (close, out) = locked_on_save(ui, t, path, message);
            }
            Dialog::ReadOnlyOnSave {
                path,
                message,
                options,
            } => {
                (close, out) = read_only_on_save(ui, t, path, message, *options);
            }
            Dialog::Recover(copies) => out.extend(recover(ui, t, lang, copies)),
            Dialog::TypePath { purpose } => {
                (close, out) = type_path(ui, t, *purpose, typed);
            }
        }
    });
    if modal.should_close() && !matches!(dialog, Dialog::Recover(_)) {
        close = true;
    }
    if close {
        out.push(DialogCommand::Close.into());
    }
    out
}

fn warnings(ui: &mut Ui, lang: Lang, doc: &Document) -> bool {
    let t = lang.texts();
    ui.heading(format!("{} ({})", t.warnings, doc.warnings.len()));
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for w in &doc.warnings {
                ui.label(w.describe(lang));
            }
        });
    ui.button(t.ok).clicked()
}

/// Each copy with what it holds, 復元 and 破棄; answered copies leave the list.
fn recover(ui: &mut Ui, t: &Texts, lang: Lang, copies: &[Recoverable]) -> Vec<AppCommand> {
    let mut out = Vec::new();
    ui.heading(t.recover_title);
    ui.label(t.recover_body);
    for (k, copy) in copies.iter().enumerate() {
        ui.separator();
        ui.label(copy.describe(lang));
        ui.horizontal(|ui| {
            let answered = if ui.button(t.restore).clicked() {
                Some(FileCommand::Restore(copy.clone()))
            } else if ui.button(t.discard_copy).clicked() {
                Some(FileCommand::DiscardRecovery(copy.clone()))
            } else {
                None
            };
            if let Some(answer) = answered {
                let mut rest = copies.to_vec();
                rest.remove(k);
                out.push(if rest.is_empty() {
                    DialogCommand::Close.into()
                } else {
                    DialogCommand::Show(Dialog::Recover(rest)).into()
                });
                out.push(answer.into());
            }
        });
    }
    out
}

fn type_path(
    ui: &mut Ui,
    t: &Texts,
    purpose: PathPurpose,
    typed: &mut String,
) -> (bool, Vec<AppCommand>) {
    let mut out = Vec::new();
    ui.heading(t.type_path_title);
    ui.label(t.type_path_body);
    let label = ui.label(t.path_label);
    let response = ui
        .add(egui::TextEdit::singleline(typed).desired_width(520.0))
        .labelled_by(label.id);
    // The only field of the dialog: typing goes there.
    if typed.is_empty() && !response.has_focus() {
        response.request_focus();
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut close = false;
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(!typed.trim().is_empty(), egui::Button::new(t.ok));
        if (ok.clicked() || enter) && !typed.trim().is_empty() {
            let path = std::path::PathBuf::from(typed.trim());
            out.push(FileCommand::PathTyped { purpose, path }.into());
            typed.clear();
            close = true;
        }
        if ui.button(t.cancel).clicked() {
            close = true;
        }
    });
    (close, out)
}

/// 上書き / 別名で保存… / 再読み込み (which asks before dropping the changes) / キャンセル.
fn changed_on_disk(
    ui: &mut Ui,
    t: &Texts,
    path: &std::path::Path,
    message: &str,
) -> (bool, Vec<AppCommand>) {
    ui.heading(t.changed_title);
    ui.label(message);
    let mut out: Vec<AppCommand> = Vec::new();
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.button(t.overwrite).clicked() {
            out.push(FileCommand::SaveForced(path.to_path_buf()).into());
        } else if ui.button(t.save_elsewhere).clicked() {
            out.push(Action::SaveAs.into());
        } else if ui.button(t.reload).clicked() {
            out.push(FileCommand::Reload.into());
        }
        close = !out.is_empty() || ui.button(t.cancel).clicked();
    });
    (close, out)
}

/// ロックを引き継いで保存 / 別名で保存… / キャンセル.
fn locked_on_save(
    ui: &mut Ui,
    t: &Texts,
    path: &std::path::Path,
    message: &str,
) -> (bool, Vec<AppCommand>) {
    ui.heading(t.locked_on_save_title);
    ui.label(message);
    let mut out: Vec<AppCommand> = Vec::new();
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.button(t.take_over_and_save).clicked() {
            out.push(FileCommand::SaveForced(path.to_path_buf()).into());
        } else if ui.button(t.save_elsewhere).clicked() {
            out.push(Action::SaveAs.into());
        }
        close = !out.is_empty() || ui.button(t.cancel).clicked();
    });
    (close, out)
}

/// 上書き (the file stays read-only) / 別名で保存… / キャンセル.
fn read_only_on_save(
    ui: &mut Ui,
    t: &Texts,
    path: &std::path::Path,
    message: &str,
    options: crate::document::SaveOptions,
) -> (bool, Vec<AppCommand>) {
    ui.heading(t.read_only);
    ui.label(message);
    let mut out: Vec<AppCommand> = Vec::new();
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.button(t.overwrite).clicked() {
            let path = path.to_path_buf();
            out.push(FileCommand::SaveOverReadOnly { path, options }.into());
        } else if ui.button(t.save_elsewhere).clicked() {
            out.push(Action::SaveAs.into());
        }
        close = !out.is_empty() || ui.button(t.cancel).clicked();
    });
    (close, out)
}

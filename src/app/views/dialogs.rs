//! Modal dialogs: errors, the unsaved-changes guard, the import warnings, and what keeps a
//! report safe — a file open elsewhere, a file changed on disk or read-only, work to recover,
//! a path to type where no file dialog can be shown.

use egui::{Context, Id, Modal, RichText, Ui};

use crate::app::Dialog;
use crate::app::command::{Action, AppCommand, DialogCommand, FileCommand, PathPurpose};
use crate::app::i18n::{Lang, Texts};
use crate::app::typed_path::{self, Wanted};
use crate::app::views::widgets::color;
use crate::document::Document;
use crate::lang::Describe;
use crate::palette;
use crate::store::recovery::Recoverable;

/// Draws the dialog, if one is in front; returns the commands chosen (closing it is one).
/// `typed` is the path being typed in the type-a-path dialog (the views' own draft): kept while
/// that prompt is open (a mistake is corrected, not typed again), forgotten once it closes.
pub fn show(
    ctx: &Context,
    lang: Lang,
    dialog: Option<&Dialog>,
    doc: &Document,
    typed: &mut String,
) -> Vec<AppCommand> {
    if !matches!(dialog, Some(Dialog::TypePath { .. })) {
        typed.clear();
    }
    let Some(dialog) = dialog else {
        return Vec::new();
    };
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
            Dialog::UnsavedChanges { .. } => (close, out) = unsaved(ui, t, doc),
            Dialog::Warnings => close = warnings(ui, lang, doc),
            Dialog::About => close = super::about::show(ui, lang),
            Dialog::Locked { holder, lock_file } => {
                (close, out) = locked(ui, t, (holder, lock_file));
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
            Dialog::TypePath { purpose, problem } => {
                let prompt = TypePath {
                    lang,
                    purpose: *purpose,
                    problem: problem.as_deref(),
                };
                (close, out) = prompt.show(ui, typed);
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

/// Save first, discard, or cancel what was asked.
fn unsaved(ui: &mut Ui, t: &Texts, doc: &Document) -> (bool, Vec<AppCommand>) {
    let (mut close, mut out) = (false, Vec::new());
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
    (close, out)
}

/// Another user has the file open: read-only, or take the lock over.
fn locked(ui: &mut Ui, t: &Texts, (holder, lock_file): (&str, &str)) -> (bool, Vec<AppCommand>) {
    let (mut close, mut out) = (false, Vec::new());
    ui.heading(t.locked_title);
    ui.label(t.locked_body);
    ui.label(egui::RichText::new(holder).strong());
    ui.label(egui::RichText::new(format!("{}: {lock_file}", t.lock_file)).small());
    ui.horizontal(|ui| {
        close = ui.button(t.open_read_only).clicked();
        if ui.button(t.take_over).clicked() {
            out.push(FileCommand::TakeOverLock.into());
            close = true;
        }
    });
    (close, out)
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

/// The typed-path prompt: what it wants (a file, files or a folder of them, a folder, a file
/// to write), the field — one line, or a line a path where several are taken — and why what
/// was typed last could not be taken.
struct TypePath<'a> {
    lang: Lang,
    purpose: PathPurpose,
    problem: Option<&'a str>,
}

impl TypePath<'_> {
    fn show(&self, ui: &mut Ui, typed: &mut String) -> (bool, Vec<AppCommand>) {
        let t = self.lang.texts();
        let wanted = self.purpose.wanted();
        let several = matches!(wanted, Wanted::Files(_));
        let (title, body) = typed_path::prompt(wanted, self.lang);
        ui.heading(title);
        ui.label(body);
        let label = ui.label(t.path_label);
        let field = if several {
            egui::TextEdit::multiline(typed).desired_rows(4)
        } else {
            egui::TextEdit::singleline(typed)
        };
        let response = ui.add(field.desired_width(520.0)).labelled_by(label.id);
        // The only field of the dialog: typing goes there.
        if typed.is_empty() && !response.has_focus() {
            response.request_focus();
        }
        if let Some(problem) = self.problem {
            ui.label(RichText::new(problem).color(color(palette::ERROR_TEXT)));
        }
        let enter =
            !several && response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter {
            // Enter gave the keyboard up: kept, so a path refused can be corrected at once.
            response.request_focus();
        }
        let mut out = Vec::new();
        let mut close = false;
        ui.horizontal(|ui| {
            let filled = !typed.trim().is_empty();
            let ok = ui.add_enabled(filled, egui::Button::new(t.ok));
            if (ok.clicked() || enter) && filled {
                let (purpose, typed) = (self.purpose, typed.clone());
                // Checked where it is handled: the prompt closes only once it is taken.
                out.push(FileCommand::PathTyped { purpose, typed }.into());
            }
            if ui.button(t.cancel).clicked() {
                close = true;
            }
        });
        (close, out)
    }
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

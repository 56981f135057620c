//! The menu bar: ファイル, 表示.

use egui::{Button, Panel};

use crate::app::Prefs;
use crate::app::command::AppCommand;
use crate::app::i18n::{Lang, Texts};
use crate::document::Document;

pub fn show(
    ui: &mut egui::Ui,
    t: &Texts,
    prefs: &Prefs,
    doc: &Document,
    summary_open: bool,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                for command in [AppCommand::Open, AppCommand::Import] {
                    item(ui, t, command, &mut out);
                }
                ui.menu_button(t.recent, |ui| {
                    if prefs.recent.is_empty() {
                        ui.label(t.no_recent);
                    }
                    for path in &prefs.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.push(AppCommand::OpenPath(path.clone()));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                let save = AppCommand::Save;
                let enabled = doc.is_dirty() || doc.save_path().is_none();
                ui.add_enabled_ui(enabled, |ui| item(ui, t, save, &mut out));
                item(ui, t, AppCommand::SaveAs, &mut out);
                ui.separator();
                item(ui, t, AppCommand::PrintPreview, &mut out);
                item(ui, t, AppCommand::Print, &mut out);
                item(ui, t, AppCommand::ExportPdf, &mut out);
                ui.menu_button(t.export, |ui| {
                    use crate::export::{Encoding, Format};
                    let entries = [
                        (t.export_xlsx.to_string(), Format::Xlsx, Encoding::Utf8),
                        (
                            format!("{} UTF-8…", t.export_table),
                            Format::Table,
                            Encoding::Utf8,
                        ),
                        (
                            format!("{} CP932 (Shift_JIS)…", t.export_table),
                            Format::Table,
                            Encoding::Cp932,
                        ),
                        (
                            format!("{} UTF-16…", t.export_table),
                            Format::Table,
                            Encoding::Utf16,
                        ),
                        (t.export_csv.to_string(), Format::Csv, Encoding::Utf8),
                    ];
                    for (label, format, encoding) in entries {
                        if ui.button(label).clicked() {
                            out.push(AppCommand::Export { format, encoding });
                            ui.close();
                        }
                    }
                });
                ui.separator();
                item(ui, t, AppCommand::Quit, &mut out);
            });
            ui.menu_button(t.menu_edit, |ui| {
                ui.add_enabled_ui(doc.history.can_undo(), |ui| {
                    item(ui, t, AppCommand::Undo, &mut out)
                });
                ui.add_enabled_ui(doc.history.can_redo(), |ui| {
                    item(ui, t, AppCommand::Redo, &mut out)
                });
            });
            ui.menu_button(t.menu_view, |ui| {
                for lang in [Lang::Ja, Lang::En] {
                    let label = AppCommand::SetLanguage(lang).label(t);
                    if ui.radio(prefs.lang == lang, label).clicked() {
                        out.push(AppCommand::SetLanguage(lang));
                        ui.close();
                    }
                }
                ui.separator();
                item(ui, t, AppCommand::ExpandAll, &mut out);
                item(ui, t, AppCommand::CollapseAll, &mut out);
                ui.separator();
                if ui.checkbox(&mut summary_open.clone(), t.summary).clicked() {
                    out.push(AppCommand::ToggleSummary);
                    ui.close();
                }
            });
        });
    });
    out
}

fn item(ui: &mut egui::Ui, t: &Texts, command: AppCommand, out: &mut Vec<AppCommand>) {
    let mut button = Button::new(command.label(t));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        out.push(command);
        ui.close();
    }
}

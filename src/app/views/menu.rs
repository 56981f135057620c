//! The menu bar: ファイル, 編集, 表示, ヘルプ.

use egui::{Button, Panel};

use crate::app::Prefs;
use crate::app::command::{Action, AppCommand, FileCommand, PrefsCommand};
use crate::app::i18n::{Lang, Texts};
use crate::document::Document;

/// The windows 表示 shows ticked when open.
#[derive(Clone, Copy)]
pub struct OpenWindows {
    pub summary: bool,
    pub measure_editor: bool,
}

pub fn show(
    ui: &mut egui::Ui,
    t: &Texts,
    prefs: &Prefs,
    doc: &Document,
    open: OpenWindows,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| file_menu(ui, t, prefs, doc, &mut out));
            ui.menu_button(t.menu_edit, |ui| {
                ui.add_enabled_ui(doc.history().can_undo(), |ui| {
                    item(ui, t, Action::Undo, &mut out)
                });
                ui.add_enabled_ui(doc.history().can_redo(), |ui| {
                    item(ui, t, Action::Redo, &mut out)
                });
            });
            ui.menu_button(t.menu_view, |ui| {
                view_menu(ui, t, prefs, doc, open, &mut out)
            });
            ui.menu_button(t.help.menu, |ui| {
                item(ui, t, Action::OpenGuide, &mut out);
                item(ui, t, Action::About, &mut out);
            });
        });
    });
    out
}

/// ファイル: open, save, compare and roll over, the survey, print and export, quit.
fn file_menu(
    ui: &mut egui::Ui,
    t: &Texts,
    prefs: &Prefs,
    doc: &Document,
    out: &mut Vec<AppCommand>,
) {
    for action in [Action::Open, Action::Import, Action::OpenSeries] {
        item(ui, t, action, out);
    }
    ui.menu_button(t.recent, |ui| {
        if prefs.recent().is_empty() {
            ui.label(t.no_recent);
        }
        for path in prefs.recent() {
            if ui.button(path.display().to_string()).clicked() {
                out.push(FileCommand::OpenPath(path.clone()).into());
                ui.close();
            }
        }
    });
    ui.separator();
    let enabled = doc.is_dirty() || doc.save_path().is_none();
    ui.add_enabled_ui(enabled, |ui| item(ui, t, Action::Save, out));
    item(ui, t, Action::SaveAs, out);
    ui.separator();
    item(ui, t, Action::Compare, out);
    ui.menu_button(t.rollover, |ui| rollover_menu(ui, t, doc, out));
    item(ui, t, Action::PreviousReport, out);
    item(ui, t, Action::NextReport, out);
    ui.separator();
    item(ui, t, Action::Survey, out);
    item(ui, t, Action::CollectAnswers, out);
    item(ui, t, Action::ToggleSurveyStatus, out);
    ui.separator();
    item(ui, t, Action::PrintPreview, out);
    item(ui, t, Action::Print, out);
    item(ui, t, Action::ExportPdf, out);
    ui.menu_button(t.export, |ui| export_menu(ui, t, out));
    ui.menu_button(t.recovery_interval, |ui| {
        let current = prefs.recovery_interval().as_secs();
        for seconds in crate::app::state::prefs::RECOVERY_CHOICES {
            let label = format!("{seconds} {}", t.seconds);
            if ui.radio(current == seconds, label).clicked() {
                out.push(PrefsCommand::SetRecoverySeconds(seconds).into());
                ui.close();
            }
        }
    });
    ui.separator();
    item(ui, t, Action::Quit, out);
}

/// 表示: language, folding, panels, columns, zoom, and the grid's keys.
fn view_menu(
    ui: &mut egui::Ui,
    t: &Texts,
    prefs: &Prefs,
    doc: &Document,
    open: OpenWindows,
    out: &mut Vec<AppCommand>,
) {
    for (lang, label) in [(Lang::Ja, t.japanese), (Lang::En, t.english)] {
        if ui.radio(prefs.lang() == lang, label).clicked() {
            out.push(PrefsCommand::SetLanguage(lang).into());
            ui.close();
        }
    }
    ui.separator();
    item(ui, t, Action::ExpandAll, out);
    item(ui, t, Action::CollapseAll, out);
    ui.separator();
    for (shown, action) in [
        (open.summary, Action::ToggleSummary),
        (open.measure_editor, Action::ToggleMeasureEditor),
    ] {
        if ui.checkbox(&mut shown.clone(), action.label(t)).clicked() {
            out.push(action.into());
            ui.close();
        }
    }
    let detail = Button::new(t.toggle_detail)
        .selected(!prefs.detail_folded())
        .shortcut_text(shortcut_text(ui, Action::ToggleDetail));
    if ui.add(detail).clicked() {
        out.push(Action::ToggleDetail.into());
        ui.close();
    }
    if ui
        .checkbox(&mut prefs.detail_popup(), t.detail_popup)
        .clicked()
    {
        out.push(PrefsCommand::SetDetailPopup(!prefs.detail_popup()).into());
    }
    ui.menu_button(t.columns_menu, |ui| columns_menu(ui, t, prefs, doc, out));
    ui.menu_button(t.zoom_label, |ui| {
        ui.label(format!("{:.0} %", prefs.zoom() * 100.0));
        for action in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
            item(ui, t, action, out);
        }
    });
    ui.separator();
    for action in [
        Action::SelectNext,
        Action::SelectPrevious,
        Action::FoldOrParent,
        Action::UnfoldOrChild,
        Action::NextCell,
        Action::PreviousCell,
        Action::EditSelected,
        Action::NextLate,
        Action::PreviousLate,
    ] {
        item(ui, t, action, out);
    }
}

fn shortcut_text(ui: &egui::Ui, action: Action) -> String {
    action.shortcut_text(ui.ctx()).unwrap_or_default()
}

/// 表示 → 列: each column group shown or hidden, and the widths fitted again.
fn columns_menu(
    ui: &mut egui::Ui,
    t: &Texts,
    prefs: &Prefs,
    doc: &Document,
    out: &mut Vec<AppCommand>,
) {
    use crate::app::Column;
    use crate::app::views::grid::measure_column_name;
    let mut columns = vec![
        (Column::Stages, t.col_group_stages),
        (Column::Months, t.col_group_months),
        (Column::Division, t.col_division),
        (Column::Status, t.col_status),
    ];
    // The numbers' columns, only with a report that has them.
    if doc.report().has_measures() {
        for c in [Column::Indicators, Column::Effects, Column::Ratings] {
            columns.push((c, measure_column_name(c, prefs.lang())));
        }
    }
    for (column, label) in columns {
        let mut shown = prefs.columns().is_shown(column);
        if ui.checkbox(&mut shown, label).clicked() {
            out.push(PrefsCommand::ToggleColumn(column).into());
        }
    }
    ui.separator();
    item(ui, t, Action::ResetColumns, out);
}

/// A menu item for an action, with its shortcut from the one table.
fn item(ui: &mut egui::Ui, t: &Texts, action: Action, out: &mut Vec<AppCommand>) {
    let mut button = Button::new(action.label(t));
    if let Some(shortcut) = action.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    if ui.add(button).clicked() {
        out.push(action.into());
        ui.close();
    }
}

/// ファイル → 次の期間へ: where a report of this period can go (the others greyed out).
fn rollover_menu(ui: &mut egui::Ui, t: &Texts, doc: &Document, out: &mut Vec<AppCommand>) {
    use crate::compare::RolloverTo;
    use crate::model::Period;
    let first_half = doc.report().period == Period::FirstHalf;
    for (label, to, enabled) in [
        (t.rollover_second_half, RolloverTo::SecondHalf, first_half),
        (t.rollover_full_year, RolloverTo::FullYear, first_half),
        (t.rollover_next_year, RolloverTo::NextYear, !first_half),
    ] {
        if ui.add_enabled(enabled, Button::new(label)).clicked() {
            out.push(FileCommand::Rollover(to).into());
            ui.close();
        }
    }
}

/// ファイル → エクスポート: each format (the web page last), and the report table in each
/// encoding.
fn export_menu(ui: &mut egui::Ui, t: &Texts, out: &mut Vec<AppCommand>) {
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
        (t.export_html.to_string(), Format::Html, Encoding::Utf8),
    ];
    for (label, format, encoding) in entries {
        if ui.button(label).clicked() {
            out.push(FileCommand::Export { format, encoding }.into());
            ui.close();
        }
    }
}

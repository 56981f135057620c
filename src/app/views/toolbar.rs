//! Above the grid: filters (担当課, 状況, text, 要確認) and the report's period and as-of date.

use egui::{ComboBox, Panel, TextEdit, Ui};

use super::widgets::{date_words, status_name, with_note};
use crate::app::command::{AppCommand, ViewCommand};
use crate::app::i18n::Lang;
use crate::app::i18n::Texts;
use crate::compare::confirm;
use crate::edit::Intent;
use crate::grid::RowFilter;
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::Status;
use crate::model::{AsOf, Period, Report, days_in_month};

pub fn show(ui: &mut Ui, lang: Lang, report: &Report, filter: &RowFilter) -> Vec<AppCommand> {
    let mut out = Vec::new();
    Panel::top("toolbar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            filters(ui, lang, report, filter, &mut out);
            ui.separator();
            period(ui, lang, report, &mut out);
        });
    });
    out
}

/// 担当課, 状況 and text filters.
fn filters(
    ui: &mut Ui,
    lang: Lang,
    report: &Report,
    filter: &RowFilter,
    out: &mut Vec<AppCommand>,
) {
    let t = lang.texts();
    division_filter(ui, t, report, filter, out);
    status_filter(ui, lang, filter, out);
    let label = ui.label(t.filter_text);
    let mut text = filter.text.clone();
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .id_salt("text-filter")
                .desired_width(180.0)
                .hint_text(t.filter_text_hint),
        )
        .labelled_by(label.id);
    if response.changed() {
        out.push(ViewCommand::SetTextFilter(text).into());
    }
    // Only while the report has results carried over to confirm: nothing to narrow to else.
    let mut to_confirm = filter.to_confirm;
    if !report.to_confirm.is_empty()
        && ui
            .checkbox(&mut to_confirm, confirm::mark(lang))
            .on_hover_text(confirm::filter_hint(lang))
            .changed()
    {
        out.push(ViewCommand::SetToConfirmFilter(to_confirm).into());
    }
    // Only with a rating scale: a Mie-style report has nothing to rate by.
    if !report.measure_settings.rating_scale.is_empty() {
        super::measures::rating_filter(ui, lang, report, filter, out);
    }
    if filter.is_narrowed() && ui.button(t.clear_filters).clicked() {
        out.push(ViewCommand::SetRatingFilter(None).into());
        out.push(ViewCommand::SetDivisionFilter(None).into());
        out.push(ViewCommand::SetStatusFilter(None).into());
        out.push(ViewCommand::SetTextFilter(String::new()).into());
        out.push(ViewCommand::SetToConfirmFilter(false).into());
    }
}

/// 担当課: all, or one of the report's divisions.
fn division_filter(
    ui: &mut Ui,
    t: &Texts,
    report: &Report,
    filter: &RowFilter,
    out: &mut Vec<AppCommand>,
) {
    let label = ui.label(t.filter_division);
    let current = filter.division.as_deref().unwrap_or(t.all).to_string();
    ComboBox::from_id_salt("division-filter")
        .selected_text(current)
        .show_ui(ui, |ui| {
            // Listed only while the list is open: a large report has many.
            let divisions = report.division_names();
            if ui
                .selectable_label(filter.division.is_none(), t.all)
                .clicked()
            {
                out.push(ViewCommand::SetDivisionFilter(None).into());
            }
            for d in divisions {
                if ui
                    .selectable_label(filter.division.as_deref() == Some(d), d)
                    .clicked()
                {
                    out.push(ViewCommand::SetDivisionFilter(Some(d.to_string())).into());
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// 状況: all, or one status.
fn status_filter(ui: &mut Ui, lang: Lang, filter: &RowFilter, out: &mut Vec<AppCommand>) {
    let t = lang.texts();
    let label = ui.label(t.filter_status);
    let current = filter
        .status
        .map_or(t.all, |s| status_name(s, lang))
        .to_string();
    ComboBox::from_id_salt("status-filter")
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(filter.status.is_none(), t.all)
                .clicked()
            {
                out.push(ViewCommand::SetStatusFilter(None).into());
            }
            for s in Status::ALL {
                if ui
                    .selectable_label(filter.status == Some(s), status_name(s, lang))
                    .clicked()
                {
                    out.push(ViewCommand::SetStatusFilter(Some(s)).into());
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The report's period and as-of date: edits of the report, undoable.
fn period(ui: &mut Ui, lang: Lang, report: &Report, out: &mut Vec<AppCommand>) {
    let t = lang.texts();
    let label = ui.label(t.period);
    let name = |p: Period| match p {
        Period::FirstHalf => t.period_first,
        Period::SecondHalf => t.period_second,
        Period::FullYear => t.period_full,
    };
    ComboBox::from_id_salt("period")
        .selected_text(name(report.period))
        .show_ui(ui, |ui| {
            for p in [Period::FirstHalf, Period::SecondHalf, Period::FullYear] {
                if ui.selectable_label(report.period == p, name(p)).clicked() && report.period != p
                {
                    out.push(Intent::SetPeriod(p).into());
                }
            }
        })
        .response
        .labelled_by(label.id);

    let as_of = report.as_of();
    let label = ui.label(t.as_of_month);
    ComboBox::from_id_salt("as-of-month")
        .selected_text(super::widgets::month_word(as_of.month, lang))
        .width(60.0)
        .show_ui(ui, |ui| {
            for m in FISCAL_MONTHS {
                if ui
                    .selectable_label(as_of.month == m, super::widgets::month_word(m, lang))
                    .clicked()
                    && as_of.month != m
                {
                    let year = report.fiscal_year.calendar_year_of(m);
                    let day = as_of.day.min(days_in_month(year, m));
                    out.push(Intent::SetAsOf(Some(AsOf { month: m, day })).into());
                }
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label(t.as_of_day);
    let mut day = as_of.day;
    let max = days_in_month(
        report.fiscal_year.calendar_year_of(as_of.month),
        as_of.month,
    );
    let response = ui
        .add(
            egui::DragValue::new(&mut day)
                .range(1..=max)
                .suffix(t.day_suffix),
        )
        .labelled_by(label.id);
    if response.changed() && day != as_of.day {
        out.push(Intent::SetAsOf(Some(AsOf { day, ..as_of })).into());
    }
    if report.as_of.is_some() {
        let end = AsOf::end_of(report.period, report.fiscal_year);
        if ui
            .button(with_note(
                t.reset_as_of,
                &date_words(end, report.fiscal_year, lang),
                lang,
            ))
            .clicked()
        {
            out.push(Intent::SetAsOf(None).into());
        }
    }
}

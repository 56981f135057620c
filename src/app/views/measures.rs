//! 数値・評価 in the 状況の集計 window, when the report has numbers or a rating scale: the summary
//! figures per section and in all (ratings per level with 群馬県's two rates, indicators met,
//! effects planned against actual), the initiatives a chosen rating rates, and one
//! initiative's numbers to edit — this year's actuals, the year's effect, the self-rating and
//! the review — each an undoable intent of the core. Its words are its own ([`Words`]).

use egui::{ComboBox, Grid, RichText, Ui};

use super::measure_settings::yen_unit_name;
use crate::app::command::{AppCommand, ViewCommand};
use crate::app::i18n::Lang;
use crate::edit::Intent;
use crate::edit::measures::{IndicatorField, MeasureIntent, RatingLayer};
use crate::grid::{RatingFilter, RowFilter};
use crate::model::tally::{Tally, rate_text as rate};
use crate::model::{Id, Initiative, Report};

/// This view's words.
struct Words {
    heading: &'static str,
    section: &'static str,
    all: &'static str,
    unrated: &'static str,
    top_rate: &'static str,
    top_two_rate: &'static str,
    met: &'static str,
    planned: &'static str,
    actual: &'static str,
    filter: &'static str,
    /// The grid's filter by final rating, above the grid.
    rating: &'static str,
    any: &'static str,
    none: &'static str,
    initiative: &'static str,
    target: &'static str,
    effect: &'static str,
    self_rating: &'static str,
    review: &'static str,
    /// A total too large to compute, in its cell.
    too_large: &'static str,
    /// Before a rating's note in the detail panel.
    note: &'static str,
    lang: Lang,
}

const JA: Words = Words {
    heading: "数値目標・効果額・評価",
    section: "区分",
    all: "全体",
    unrated: "未評価",
    top_rate: "数値目標等達成率",
    top_two_rate: "計画実施率",
    met: "目標達成の指標",
    planned: "計画額",
    actual: "実績",
    filter: "評価で絞り込み",
    rating: "評価",
    any: "すべて",
    none: "（なし）",
    initiative: "取組",
    target: "目標",
    effect: "効果額",
    self_rating: "自己評価",
    review: "本部評価",
    too_large: "計算不能",
    note: "特記",
    lang: Lang::Ja,
};

const EN: Words = Words {
    heading: "Indicators, effects and ratings",
    section: "Section",
    all: "All",
    unrated: "not rated",
    top_rate: "first level ÷ all",
    top_two_rate: "first two levels ÷ all",
    met: "indicators met",
    planned: "planned",
    actual: "actual",
    filter: "Filter by rating",
    rating: "Rating",
    any: "All",
    none: "(none)",
    initiative: "Initiative",
    target: "target",
    effect: "effect",
    self_rating: "self-rating",
    review: "review",
    too_large: "too large to total",
    note: "note",
    lang: Lang::En,
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// The section of the 状況の集計 window; returns the edits asked for.
pub fn show(ui: &mut Ui, lang: Lang, report: &Report) -> Vec<AppCommand> {
    let mut out = Vec::new();
    if !report.has_measures() {
        return out;
    }
    let w = words(lang);
    ui.add_space(8.0);
    ui.label(RichText::new(w.heading).strong());
    totals(ui, w, report);
    filter(ui, w, report);
    editor(ui, w, report, &mut out);
    out
}

/// A name with what it is in (a unit): full-width brackets in Japanese.
fn bracketed(name: &str, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{name}（{unit}）"),
        Lang::En => format!("{name} ({unit})"),
    }
}

/// An amount in the report's unit, named in the window's words (`3297百万円`, `3297 million
/// yen`).
fn money(yen: Option<i64>, report: &Report, lang: Lang) -> String {
    let unit = report.measure_settings.yen_unit;
    yen.map_or_else(
        || "—".to_string(),
        |y| {
            let shown = crate::model::measures::Money::yen(y).display(unit);
            match lang {
                Lang::Ja => format!("{shown}{}", unit.label()),
                Lang::En => format!("{shown} {}", yen_unit_name(unit, lang)),
            }
        },
    )
}

/// A row per section and one for all: ratings per level, the two rates, indicators met,
/// effects planned and actual.
fn totals(ui: &mut Ui, w: &Words, report: &Report) {
    let settings = &report.measure_settings;
    let year = report.fiscal_year;
    let mut rows: Vec<(String, Tally)> = report
        .sections
        .iter()
        .map(|s| {
            let name = format!("{} {}", s.numeral, s.title);
            (name, Tally::of(settings, year, s.initiatives.iter()))
        })
        .collect();
    let all = Tally::of_report(report);
    // The scale's levels, then codes it lacks as written (counted, as in the printout).
    let codes = all.codes();
    rows.push((w.all.to_string(), all));
    Grid::new("measure-totals").striped(true).show(ui, |ui| {
        ui.label(w.section);
        for code in &codes {
            let label = ui.label(code);
            if let Some(level) = settings.level(code) {
                label.on_hover_text(&level.label);
            }
        }
        for heading in [
            w.unrated,
            w.top_rate,
            w.top_two_rate,
            w.met,
            w.planned,
            w.actual,
        ] {
            ui.label(heading);
        }
        ui.end_row();
        for (name, tally) in &rows {
            ui.label(name);
            let money = |yen| money(yen, report, w.lang);
            for cell in tally.row_figures(settings, &codes, money, w.too_large) {
                ui.label(cell);
            }
            ui.end_row();
        }
    });
}

/// The initiatives a chosen rating rates (the review where given, else the self-rating).
fn filter(ui: &mut Ui, w: &Words, report: &Report) {
    let id = egui::Id::unique("measure-filter");
    let mut chosen: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    let codes: Vec<&str> = report
        .measure_settings
        .rating_scale
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    ui.horizontal(|ui| {
        let label = ui.label(w.filter);
        ComboBox::from_id_salt("measure-filter-level")
            .selected_text(if chosen.is_empty() { w.none } else { &chosen })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, String::new(), w.none);
                for code in &codes {
                    ui.selectable_value(&mut chosen, code.to_string(), *code);
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(id, chosen.clone()));
    if chosen.is_empty() {
        return;
    }
    for i in report.initiatives() {
        let rated = i.measures().final_rating().map(|r| r.code.as_str());
        if rated == Some(chosen.as_str()) {
            ui.label(format!("{} {}", i.number, i.title));
        }
    }
}

/// One initiative's numbers, chosen by its number, to edit.
fn editor(ui: &mut Ui, w: &Words, report: &Report, out: &mut Vec<AppCommand>) {
    let id = egui::Id::unique("measure-initiative");
    let stored: Option<Id> = ui.data_mut(|d| d.get_temp(id));
    let first = report
        .initiatives()
        .find(|i| i.has_measures())
        .or_else(|| report.initiatives().next());
    let Some(mut current) = stored.and_then(|s| report.initiative(s)).or(first) else {
        return;
    };
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label(w.initiative);
        ComboBox::from_id_salt("measure-initiative-choice")
            .selected_text(format!("{} {}", current.number, current.title))
            .width(420.0)
            .show_ui(ui, |ui| {
                for i in report.initiatives() {
                    let text = format!("{} {}", i.number, i.title);
                    if ui.selectable_label(i.id == current.id, text).clicked() {
                        current = i;
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(id, current.id));
    Grid::new("measure-editor").striped(true).show(ui, |ui| {
        indicator_rows(ui, w, report, current, out);
        effect_row(ui, w, report, current, out);
        rating_row(ui, w, report, current, RatingLayer::SelfRating, out);
        rating_row(ui, w, report, current, RatingLayer::Review, out);
    });
}

/// A field of this view, given back when it is left (Enter, Tab, a click elsewhere).
fn field(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    label: egui::Id,
    now: &str,
) -> Option<String> {
    super::widgets::field_taken_when_left(ui, ("summary", key), &[label], now, 120.0)
}

fn indicator_rows(
    ui: &mut Ui,
    w: &Words,
    report: &Report,
    i: &Initiative,
    out: &mut Vec<AppCommand>,
) {
    let year = report.fiscal_year;
    for (k, x) in i.measures().indicators.iter().enumerate() {
        let name = if x.unit.is_empty() {
            x.name.clone()
        } else {
            bracketed(&x.name, &x.unit, w.lang)
        };
        let label = ui.label(&name).id;
        let target = x.target_figure(year).display();
        ui.label(format!("{} {target}", w.target));
        let now = x.year(year).map(|y| y.actual.display()).unwrap_or_default();
        if let Some(text) = field(ui, ("actual", i.id, k), label, &now) {
            out.push(AppCommand::Edit(Intent::Measure(
                MeasureIntent::SetIndicatorFigure {
                    initiative: i.id,
                    index: k,
                    field: IndicatorField::YearActual(year),
                    text,
                },
            )));
        }
        ui.label(rate(x.achievement_rate(year)));
        ui.end_row();
    }
}

fn effect_row(ui: &mut Ui, w: &Words, report: &Report, i: &Initiative, out: &mut Vec<AppCommand>) {
    let year = report.fiscal_year;
    let unit = report.measure_settings.yen_unit;
    let effect = i.measures().effect(year);
    let label = ui
        .label(bracketed(w.effect, yen_unit_name(unit, w.lang), w.lang))
        .id;
    let planned = effect.map(|e| e.planned.display(unit)).unwrap_or_default();
    ui.label(format!("{} {planned}", w.planned));
    let now = effect.map(|e| e.actual.display(unit)).unwrap_or_default();
    if let Some(text) = field(ui, ("effect", i.id), label, &now) {
        out.push(AppCommand::Edit(Intent::Measure(
            MeasureIntent::SetEffect {
                initiative: i.id,
                year,
                actual: true,
                text,
            },
        )));
    }
    ui.label(rate(effect.and_then(|e| e.achievement_rate())));
    ui.end_row();
}

fn rating_row(
    ui: &mut Ui,
    w: &Words,
    report: &Report,
    i: &Initiative,
    layer: RatingLayer,
    out: &mut Vec<AppCommand>,
) {
    let m = i.measures();
    let (name, now) = match layer {
        RatingLayer::SelfRating => (w.self_rating, &m.self_rating),
        RatingLayer::Review => (w.review, &m.review),
    };
    let now = now.as_ref().map(|r| r.code.clone()).unwrap_or_default();
    let label = ui.label(name);
    ui.label("");
    let mut chosen = now.clone();
    ComboBox::from_id_salt(("rating", i.id, name))
        .selected_text(if now.is_empty() { w.none } else { &now })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, String::new(), w.none);
            for level in &report.measure_settings.rating_scale {
                let text = level.name();
                ui.selectable_value(&mut chosen, level.code.clone(), text);
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != now {
        out.push(AppCommand::Edit(Intent::Measure(
            MeasureIntent::SetRating {
                initiative: i.id,
                layer,
                code: chosen,
                by: String::new(),
                on: None,
            },
        )));
    }
    ui.end_row();
}

/// The initiative's two ratings in the detail panel, each its level, who and when, and under
/// it its note whole (the grid's cell only marks that there is one); nothing without either.
pub fn detail_ratings(ui: &mut Ui, lang: Lang, report: &Report, initiative: &Initiative) {
    let w = words(lang);
    let m = initiative.measures();
    if m.self_rating.is_none() && m.review.is_none() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(w.rating).strong());
    for (name, rating) in [(w.self_rating, &m.self_rating), (w.review, &m.review)] {
        let Some(r) = rating else { continue };
        let level = report
            .measure_settings
            .level(&r.code)
            .map_or_else(|| r.code.clone(), |l| l.name());
        let who_when: Vec<String> = [
            r.by.clone(),
            r.on.map(|d| d.to_string()).unwrap_or_default(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        let mut line = format!("{name}: {level}");
        if !who_when.is_empty() {
            line.push_str(&format!("（{}）", who_when.join("、")));
        }
        ui.label(line);
        if !r.note.is_empty() {
            ui.add(egui::Label::new(format!("{}: {}", w.note, r.note)).wrap());
        }
    }
}

/// 評価 above the grid: all, a level of the scale (the final rating: the review, else the
/// self-rating), or 未評価.
pub fn rating_filter(
    ui: &mut Ui,
    lang: Lang,
    report: &Report,
    filter: &RowFilter,
    out: &mut Vec<AppCommand>,
) {
    let w = words(lang);
    let label = ui.label(w.rating);
    let mut choices = vec![(None, w.any.to_string())];
    for level in &report.measure_settings.rating_scale {
        let name = level.name();
        choices.push((Some(RatingFilter::Level(level.code.clone())), name));
    }
    choices.push((Some(RatingFilter::Unrated), w.unrated.to_string()));
    let current = choices
        .iter()
        .find(|(c, _)| *c == filter.rating)
        .map(|(_, name)| name.clone())
        // A level taken off the scale while it filters: its code as written.
        .unwrap_or_else(|| match &filter.rating {
            Some(RatingFilter::Level(code)) => code.clone(),
            _ => w.any.to_string(),
        });
    ComboBox::from_id_salt("rating-filter")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (choice, name) in choices {
                let chosen = choice == filter.rating;
                if ui.selectable_label(chosen, name).clicked() {
                    out.push(ViewCommand::SetRatingFilter(choice).into());
                }
            }
        })
        .response
        .labelled_by(label.id);
}

//! 数値目標・評価の編集: a window over the grid with the selected initiative's numbers and
//! judgements to edit — its indicators (name, unit, which way is better, baseline, final and
//! per-year targets, actuals, first halves), its effects per plan year in the report's unit,
//! the self-rating and the review with who and when and the note beside each, the
//! committee's comment — and, below,
//! the report's settings ([`super::measure_settings`]). Every change is one intent of the core
//! and one undoable step. A field gives its text when it loses the keyboard (Enter, Tab, a
//! click elsewhere); a number that cannot be read is kept as typed by the core, a date that
//! cannot be read stays in its field with a warning and changes nothing. Its words are its
//! own ([`Words`]).

use super::measure_settings::yen_unit_name;
use chrono::NaiveDate;
use egui::{Color32, ComboBox, Context, Grid, RichText, TextEdit, Ui, Window};

use super::widgets::{field_id, field_taken_when_left as field};
use crate::app::command::{Action, AppCommand};
use crate::app::i18n::Lang;
use crate::edit::Intent;
use crate::edit::measures::{IndicatorField, MeasureIntent, RatingLayer};
use crate::model::measures::{Direction, Indicator, Rating};
use crate::model::{FiscalYear, Id, Initiative, Report};

/// This window's words.
struct Words {
    lang: Lang,
    title: &'static str,
    choose: &'static str,
    indicators: &'static str,
    indicator: &'static str,
    name: &'static str,
    unit: &'static str,
    direction: &'static str,
    higher: &'static str,
    lower: &'static str,
    baseline: &'static str,
    final_target: &'static str,
    target: &'static str,
    actual: &'static str,
    first_half: &'static str,
    remove_indicator: &'static str,
    add_indicator: &'static str,
    effects: &'static str,
    planned: &'static str,
    actual_effect: &'static str,
    /// After the unit where the report counts its effects cumulatively.
    cumulative: &'static str,
    self_rating: &'static str,
    review: &'static str,
    none: &'static str,
    by: &'static str,
    on: &'static str,
    self_note: &'static str,
    review_note: &'static str,
    comment: &'static str,
    comment_by: &'static str,
    comment_on: &'static str,
    /// A date not read: what was typed is put before it.
    bad_date: &'static str,
}

const JA: Words = Words {
    lang: Lang::Ja,
    title: "数値目標・評価の編集",
    choose: "グリッドで取組を選ぶと、その数値目標・効果額・評価をここで編集できます。",
    indicators: "数値目標",
    indicator: "指標",
    name: "名称",
    unit: "単位",
    direction: "向き",
    higher: "高いほど良い",
    lower: "低いほど良い",
    baseline: "基準値",
    final_target: "最終目標",
    target: "目標",
    actual: "実績",
    first_half: "上半期実績",
    remove_indicator: "この指標を削除",
    add_indicator: "＋ 指標を追加",
    effects: "効果額",
    planned: "計画額",
    actual_effect: "実績額",
    cumulative: "・累計",
    self_rating: "自己評価",
    review: "本部評価",
    none: "（なし）",
    by: "評価者",
    on: "評価日",
    self_note: "自己評価の特記（取組実績・特記）",
    review_note: "本部評価の特記",
    comment: "委員会意見",
    comment_by: "記入者",
    comment_on: "記入日",
    bad_date: "は日付として読めません（例: 2017-10-05）。変更していません",
};

const EN: Words = Words {
    lang: Lang::En,
    title: "Edit indicators and ratings",
    choose: "Select an initiative in the grid to edit its indicators, effects and ratings here.",
    indicators: "Indicators",
    indicator: "Indicator",
    name: "name",
    unit: "unit",
    direction: "better when",
    higher: "higher is better",
    lower: "lower is better",
    baseline: "baseline",
    final_target: "final target",
    target: "target",
    actual: "actual",
    first_half: "first half",
    remove_indicator: "Remove this indicator",
    add_indicator: "+ Add an indicator",
    effects: "Effects",
    planned: "planned",
    actual_effect: "actual",
    cumulative: ", cumulative",
    self_rating: "self-rating",
    review: "review",
    none: "(none)",
    by: "by",
    on: "on",
    self_note: "self-rating's note",
    review_note: "review's note",
    comment: "committee comment",
    comment_by: "by",
    comment_on: "on",
    bad_date: " is not a date (e.g. 2017-10-05); nothing changed",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// `（百万円）`, ` (百万円)` in English.
fn bracketed(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

fn edit(out: &mut Vec<AppCommand>, intent: MeasureIntent) {
    out.push(AppCommand::Edit(Intent::Measure(intent)));
}

/// The window, when open: the selected initiative's numbers, then the report's settings.
pub fn show(
    ctx: &Context,
    lang: Lang,
    report: &Report,
    selected: Option<Id>,
    open: bool,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    let was_open = egui::Id::unique("measure-editor-was-open");
    let opened = ctx.data_mut(|d| !d.get_temp::<bool>(was_open).unwrap_or(false) && open);
    ctx.data_mut(|d| d.insert_temp(was_open, open));
    if !open {
        return out;
    }
    let w = words(lang);
    let mut still_open = true;
    Window::new(w.title)
        .id(egui::Id::unique("measure-editor-window"))
        .open(&mut still_open)
        .default_width(620.0)
        // An initiative's numbers are long: most of the screen's height, scrolled beyond.
        .default_height(ctx.content_rect().height() * 0.75)
        .vscroll(true)
        .show(ctx, |ui| {
            match selected.and_then(|id| report.initiative(id)) {
                Some(i) => initiative(ui, w, report, i, &mut out),
                None => {
                    ui.label(w.choose);
                }
            }
            ui.separator();
            super::measure_settings::show(ui, lang, report, &mut out);
        });
    if opened && let Some(i) = selected.and_then(|id| report.initiative(id)) {
        // Just opened (Enter on a numbers cell, the menu): the keyboard goes to its first field.
        ctx.memory_mut(|m| m.request_focus(first_field(report, i)));
    }
    if !still_open {
        out.push(Action::ToggleMeasureEditor.into());
    }
    out
}

/// The id of the editor's first field: the first indicator's name, else the first plan
/// year's planned effect.
fn first_field(report: &Report, i: &Initiative) -> egui::Id {
    if i.measures().indicators.is_empty() {
        let year = report
            .plan_years
            .years()
            .next()
            .unwrap_or(report.fiscal_year);
        field_id(("effect", i.id, year.0, false))
    } else {
        field_id(("name", i.id, 0usize))
    }
}

fn initiative(ui: &mut Ui, w: &Words, report: &Report, i: &Initiative, out: &mut Vec<AppCommand>) {
    ui.label(RichText::new(format!("{} {}", i.number, i.title)).strong());
    ui.add_space(4.0);
    ui.label(RichText::new(w.indicators).strong());
    for (k, x) in i.measures().indicators.iter().enumerate() {
        indicator(ui, w, report, (i.id, k), x, out);
    }
    if ui.button(w.add_indicator).clicked() {
        edit(
            out,
            MeasureIntent::AddIndicator {
                initiative: i.id,
                name: String::new(),
                unit: String::new(),
            },
        );
    }
    ui.add_space(6.0);
    effects(ui, w, report, i, out);
    ui.add_space(6.0);
    ratings(ui, w, report, i, out);
    rating_notes(ui, w, i, out);
    ui.add_space(6.0);
    comment(ui, w, i, out);
}

/// One indicator: its name, unit, direction, baseline and final target, then a row per plan
/// year with its target, actual and first half. `(initiative, k)`: whose, which.
fn indicator(
    ui: &mut Ui,
    w: &Words,
    report: &Report,
    (initiative, k): (Id, usize),
    x: &Indicator,
    out: &mut Vec<AppCommand>,
) {
    ui.add_space(4.0);
    let heading = ui.label(format!("{} {}", w.indicator, k + 1)).id;
    Grid::new(("measure-indicator", initiative, k)).show(ui, |ui| {
        let key = |what: &'static str| (what, initiative, k);
        let at = |index| (initiative, index);
        let label = ui.label(w.name).id;
        if let Some(name) = field(ui, key("name"), &[heading, label], &x.name, 220.0) {
            let (initiative, index) = at(k);
            edit(
                out,
                MeasureIntent::SetIndicatorName {
                    initiative,
                    index,
                    name,
                },
            );
        }
        let label = ui.label(w.unit).id;
        if let Some(unit) = field(ui, key("unit"), &[heading, label], &x.unit, 80.0) {
            let (initiative, index) = at(k);
            edit(
                out,
                MeasureIntent::SetIndicatorUnit {
                    initiative,
                    index,
                    unit,
                },
            );
        }
        ui.end_row();
        let baseline = x.baseline.as_ref().map(|b| b.value.display());
        let figures = [
            (
                w.baseline,
                IndicatorField::Baseline,
                baseline.unwrap_or_default(),
            ),
            (w.final_target, IndicatorField::Target, x.target.display()),
        ];
        for (name, which, now) in figures {
            let label = ui.label(name).id;
            if let Some(text) = field(ui, key(name), &[heading, label], &now, 100.0) {
                edit(out, figure(at(k), which, text));
            }
        }
        ui.end_row();
        direction(ui, w, heading, at(k), x, out);
        if ui.button(w.remove_indicator).clicked() {
            let (initiative, index) = at(k);
            edit(out, MeasureIntent::RemoveIndicator { initiative, index });
        }
        ui.end_row();
    });
    indicator_years(ui, w, report, heading, (initiative, k), x, out);
}

fn figure((initiative, index): (Id, usize), field: IndicatorField, text: String) -> MeasureIntent {
    MeasureIntent::SetIndicatorFigure {
        initiative,
        index,
        field,
        text,
    }
}

fn direction(
    ui: &mut Ui,
    w: &Words,
    heading: egui::Id,
    (initiative, index): (Id, usize),
    x: &Indicator,
    out: &mut Vec<AppCommand>,
) {
    let label = ui.label(w.direction).id;
    let name = |d| match d {
        Direction::Higher => w.higher,
        Direction::Lower => w.lower,
    };
    // A 向き kept as written (「維持」) shows as written until one is chosen.
    let now = x.known_direction();
    let shown = now.map_or(x.direction_unread.as_str(), name);
    let mut chosen = now;
    ComboBox::from_id_salt(("measure-direction", initiative, index))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for d in [Direction::Higher, Direction::Lower] {
                ui.selectable_value(&mut chosen, Some(d), name(d));
            }
        })
        .response
        .labelled_by(heading)
        .labelled_by(label);
    if let Some(direction) = chosen.filter(|_| chosen != now) {
        edit(
            out,
            MeasureIntent::SetDirection {
                initiative,
                index,
                direction,
            },
        );
    }
}

/// A plan year as the grid's header names it: 29年度 (FY2017 in English).
fn year_name(year: FiscalYear, report: &Report, lang: Lang) -> String {
    match lang {
        Lang::Ja => year.short_form_like(report.fiscal_year),
        Lang::En => format!("FY{}", year.0),
    }
}

fn indicator_years(
    ui: &mut Ui,
    w: &Words,
    report: &Report,
    heading: egui::Id,
    (initiative, k): (Id, usize),
    x: &Indicator,
    out: &mut Vec<AppCommand>,
) {
    Grid::new(("measure-indicator-years", initiative, k))
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            let columns = [
                ui.label(w.target).id,
                ui.label(w.actual).id,
                ui.label(w.first_half).id,
            ];
            ui.end_row();
            for year in report.plan_years.years() {
                let row = ui.label(year_name(year, report, w.lang)).id;
                let y = x.year(year);
                let now = |f: fn(&crate::model::measures::IndicatorYear) -> String| {
                    y.map(f).unwrap_or_default()
                };
                let cells = [
                    (
                        IndicatorField::YearTarget(year),
                        now(|y| y.target.display()),
                    ),
                    (
                        IndicatorField::YearActual(year),
                        now(|y| y.actual.display()),
                    ),
                    (
                        IndicatorField::FirstHalf(year),
                        now(|y| y.first_half.display()),
                    ),
                ];
                for (column, (which, now)) in columns.iter().zip(cells) {
                    let key = ("year", initiative, k, format!("{which:?}"));
                    if let Some(text) = field(ui, key, &[heading, row, *column], &now, 90.0) {
                        edit(out, figure((initiative, k), which, text));
                    }
                }
                ui.end_row();
            }
        });
}

/// The effects, planned and actual, per plan year in the report's unit.
fn effects(ui: &mut Ui, w: &Words, report: &Report, i: &Initiative, out: &mut Vec<AppCommand>) {
    let unit = report.measure_settings.yen_unit;
    // A running total is typed as one: said where the figures are typed.
    let counted = match report.measure_settings.counting {
        crate::model::measures::Counting::Cumulative => w.cumulative,
        crate::model::measures::Counting::SingleYear => "",
    };
    let unit_words = format!("{}{counted}", yen_unit_name(unit, w.lang));
    let heading = ui
        .label(RichText::new(format!("{}{}", w.effects, bracketed(&unit_words, w.lang))).strong())
        .id;
    Grid::new(("measure-effects", i.id))
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            let columns = [ui.label(w.planned).id, ui.label(w.actual_effect).id];
            ui.end_row();
            for year in report.plan_years.years() {
                let row = ui.label(year_name(year, report, w.lang)).id;
                let effect = i.measures().effect(year);
                for (actual, column) in [false, true].into_iter().zip(columns) {
                    let now = effect
                        .map(|e| if actual { &e.actual } else { &e.planned })
                        .map(|m| m.display(unit))
                        .unwrap_or_default();
                    let key = ("effect", i.id, year.0, actual);
                    if let Some(text) = field(ui, key, &[heading, row, column], &now, 110.0) {
                        edit(
                            out,
                            MeasureIntent::SetEffect {
                                initiative: i.id,
                                year,
                                actual,
                                text,
                            },
                        );
                    }
                }
                ui.end_row();
            }
        });
}

/// The self-rating and the review: a level of the report's scale, who and when.
fn ratings(ui: &mut Ui, w: &Words, report: &Report, i: &Initiative, out: &mut Vec<AppCommand>) {
    let m = i.measures();
    Grid::new(("measure-ratings", i.id)).show(ui, |ui| {
        for (layer, name, now) in [
            (RatingLayer::SelfRating, w.self_rating, &m.self_rating),
            (RatingLayer::Review, w.review, &m.review),
        ] {
            let row = ui.label(RichText::new(name).strong()).id;
            let now = now.clone().unwrap_or_default();
            let mut asked = rating_code(ui, w, report, (i.id, name), row, &now);
            ui.add_enabled_ui(!now.code.is_empty(), |ui| {
                let label = ui.label(w.by).id;
                let key = ("by", i.id, name);
                if let Some(by) = field(ui, key, &[row, label], &now.by, 120.0) {
                    asked = Some(Rating { by, ..now.clone() });
                }
                let label = ui.label(w.on).id;
                if let Some(on) = date_field(ui, w, ("on", i.id, name), &[row, label], now.on) {
                    asked = Some(Rating { on, ..now.clone() });
                }
            });
            if let Some(r) = asked {
                let on = r.on;
                let (code, by) = (r.code, r.by);
                let initiative = i.id;
                edit(
                    out,
                    MeasureIntent::SetRating {
                        initiative,
                        layer,
                        code,
                        by,
                        on,
                    },
                );
            }
            ui.end_row();
        }
    });
}

/// A rating's level, chosen from the scale; a code the scale lacks shows as written. Returns
/// the rating with the new code (who and when kept) when another is chosen.
fn rating_code(
    ui: &mut Ui,
    w: &Words,
    report: &Report,
    salt: (Id, &str),
    row: egui::Id,
    now: &Rating,
) -> Option<Rating> {
    let mut chosen = now.code.clone();
    let shown = if now.code.is_empty() {
        w.none
    } else {
        now.code.as_str()
    };
    ComboBox::from_id_salt(("measure-rating", salt))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, String::new(), w.none);
            for level in &report.measure_settings.rating_scale {
                let text = level.name();
                ui.selectable_value(&mut chosen, level.code.clone(), text);
            }
        })
        .response
        .labelled_by(row);
    (chosen != now.code).then_some(Rating {
        code: chosen,
        ..now.clone()
    })
}

/// A text of several lines, given when it loses the keyboard: what was typed, whatever it is
/// (the caller compares). While typed it is kept in egui's memory, so that the window's
/// redraws from the report do not take it back.
fn lines_taken_when_left(ui: &mut Ui, id: egui::Id, now: &str, label: egui::Id) -> Option<String> {
    let mut text: String = ui
        .data_mut(|d| d.get_temp(id))
        .unwrap_or_else(|| now.to_string());
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
    if super::widgets::leaving(ui, &response) {
        ui.data_mut(|d| d.remove::<String>(id));
        return Some(text);
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    None
}

/// The note beside each rating (取組実績・特記, 本部評価・特記), kept as typed; a layer not
/// rated has no note to write, so its field is greyed.
fn rating_notes(ui: &mut Ui, w: &Words, i: &Initiative, out: &mut Vec<AppCommand>) {
    let m = i.measures();
    for (layer, name, now) in [
        (RatingLayer::SelfRating, w.self_note, &m.self_rating),
        (RatingLayer::Review, w.review_note, &m.review),
    ] {
        let heading = ui.label(RichText::new(name).strong()).id;
        let note = now.as_ref().map_or("", |r| r.note.as_str());
        let id = egui::Id::unique("measure-note").with((i.id, name));
        ui.add_enabled_ui(now.is_some(), |ui| {
            let Some(text) = lines_taken_when_left(ui, id, note, heading) else {
                return;
            };
            if text != note {
                let initiative = i.id;
                let intent = MeasureIntent::SetRatingNote {
                    initiative,
                    layer,
                    text,
                };
                edit(out, intent);
            }
        });
    }
}

/// The committee's comment, who wrote it and when.
fn comment(ui: &mut Ui, w: &Words, i: &Initiative, out: &mut Vec<AppCommand>) {
    let now = i.measures().comment.clone().unwrap_or_default();
    let heading = ui.label(RichText::new(w.comment).strong()).id;
    let id = egui::Id::unique("measure-comment").with(i.id);
    let mut asked = None;
    if let Some(text) = lines_taken_when_left(ui, id, &now.text, heading)
        && text.trim() != now.text.trim()
    {
        asked = Some((text, now.by.clone(), now.on));
    }
    ui.add_enabled_ui(!now.text.is_empty(), |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(w.comment_by).id;
            if let Some(by) = field(ui, ("comment-by", i.id), &[heading, label], &now.by, 140.0) {
                asked = Some((now.text.clone(), by, now.on));
            }
            let label = ui.label(w.comment_on).id;
            let key = ("comment-on", i.id);
            if let Some(on) = date_field(ui, w, key, &[heading, label], now.on) {
                asked = Some((now.text.clone(), now.by.clone(), on));
            }
        });
    });
    if let Some((text, by, on)) = asked {
        let initiative = i.id;
        edit(
            out,
            MeasureIntent::SetComment {
                initiative,
                text,
                by,
                on,
            },
        );
    }
}

/// A date typed as 2017-10-05 (or 2017/10/5, full-width digits): `Ok(None)` when empty.
fn read_date(text: &str) -> Result<Option<NaiveDate>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::model::era::read_date(text).map(Some).ok_or(())
}

/// A date field: gives the date read when it loses the keyboard and differs from `now`; a
/// text that is not a date stays in the field, said under it, and changes nothing.
fn date_field(
    ui: &mut Ui,
    w: &Words,
    key: impl std::hash::Hash + std::fmt::Debug,
    labels: &[egui::Id],
    now: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let id = egui::Id::unique("measure-date").with(key);
    let shown = now.map(|d| d.to_string()).unwrap_or_default();
    let mut text: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or(shown);
    let edit = TextEdit::singleline(&mut text)
        .id(id)
        .min_size(egui::vec2(96.0, 0.0));
    let mut response = ui.add(edit.desired_width(96.0));
    for label in labels {
        response = response.labelled_by(*label);
    }
    let left = super::widgets::leaving(ui, &response);
    let read = read_date(&text);
    if (response.has_focus() && !left) || read.is_err() {
        // Kept while typed, and after when it is not a date: the user sees what they typed.
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if read.is_err() && !response.has_focus() && !text.trim().is_empty() {
        ui.colored_label(
            Color32::from_rgb(0xb0, 0x20, 0x20),
            format!("「{}」{}", text.trim(), w.bad_date),
        );
    }
    match read {
        Ok(date) if left && date != now => Some(date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::read_date;
    use chrono::NaiveDate;

    #[test]
    fn dates_as_offices_type_them() {
        let day = NaiveDate::from_ymd_opt(2017, 10, 5);
        assert_eq!(read_date("2017-10-05"), Ok(day));
        assert_eq!(read_date("2017/10/5"), Ok(day));
        assert_eq!(read_date("２０１７／１０／５"), Ok(day));
        assert_eq!(read_date(" "), Ok(None));
        assert_eq!(read_date("H29.10.5"), Err(()));
    }
}

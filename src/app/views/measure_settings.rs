//! The report's settings for its numbers, in the 数値目標・評価の編集 window: the unit money is
//! shown and typed in, how effects count over the years, and the rating scale's levels (code,
//! label, meaning, 対象外). Each change is the whole settings as they will be, one intent of
//! the core (`MeasureIntent::SetSettings`) and one undoable step. Its words are its own.

use egui::{CollapsingHeader, ComboBox, Grid, Ui};

use super::widgets::field_taken_when_left as field;
use crate::app::command::AppCommand;
use crate::app::i18n::Lang;
use crate::edit::Intent;
use crate::edit::measures::MeasureIntent;
use crate::model::Report;
use crate::model::measures::{Counting, MeasureSettings, RatingLevel, YenUnit};

struct Words {
    heading: &'static str,
    yen_unit: &'static str,
    counting: &'static str,
    single_year: &'static str,
    cumulative: &'static str,
    scale: &'static str,
    level: &'static str,
    code: &'static str,
    label: &'static str,
    meaning: &'static str,
    not_applicable: &'static str,
    remove_level: &'static str,
    add_level: &'static str,
}

const JA: Words = Words {
    heading: "報告の設定（金額の単位・集計・評価の段階）",
    yen_unit: "金額の単位",
    counting: "効果額の集計",
    single_year: "単年度（各年度の額の合計）",
    cumulative: "累計（最新年度の額）",
    scale: "評価の段階",
    level: "段階",
    code: "記号",
    label: "名称",
    meaning: "説明",
    not_applicable: "対象外",
    remove_level: "この段階を削除",
    add_level: "＋ 段階を追加",
};

const EN: Words = Words {
    heading: "Report settings (money unit, counting, rating scale)",
    yen_unit: "money unit",
    counting: "effects count",
    single_year: "single-year (the years' sum)",
    cumulative: "cumulative (the latest year's)",
    scale: "Rating scale",
    level: "level",
    code: "code",
    label: "label",
    meaning: "meaning",
    not_applicable: "not applicable",
    remove_level: "Remove this level",
    add_level: "+ Add a level",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

fn set(out: &mut Vec<AppCommand>, settings: MeasureSettings) {
    let intent = MeasureIntent::SetSettings(Box::new(settings));
    out.push(AppCommand::Edit(Intent::Measure(intent)));
}

/// The settings, folded until opened.
pub(super) fn show(ui: &mut Ui, lang: Lang, report: &Report, out: &mut Vec<AppCommand>) {
    let w = words(lang);
    let now = &report.measure_settings;
    CollapsingHeader::new(w.heading)
        .id_salt("measure-settings")
        .show(ui, |ui| {
            unit_and_counting(ui, (w, lang), now, out);
            ui.add_space(4.0);
            scale(ui, w, now, out);
        });
}

fn unit_and_counting(
    ui: &mut Ui,
    (w, lang): (&Words, Lang),
    now: &MeasureSettings,
    out: &mut Vec<AppCommand>,
) {
    Grid::new("measure-settings-unit").show(ui, |ui| {
        let label = ui.label(w.yen_unit).id;
        let mut unit = now.yen_unit;
        ComboBox::from_id_salt("measure-yen-unit")
            .selected_text(yen_unit_name(unit, lang))
            .show_ui(ui, |ui| {
                for u in [YenUnit::Yen, YenUnit::Thousand, YenUnit::Million] {
                    ui.selectable_value(&mut unit, u, yen_unit_name(u, lang));
                }
            })
            .response
            .labelled_by(label);
        ui.end_row();
        let label = ui.label(w.counting).id;
        let name = |c| match c {
            Counting::SingleYear => w.single_year,
            Counting::Cumulative => w.cumulative,
        };
        let mut counting = now.counting;
        ComboBox::from_id_salt("measure-counting")
            .selected_text(name(counting))
            .show_ui(ui, |ui| {
                for c in [Counting::SingleYear, Counting::Cumulative] {
                    ui.selectable_value(&mut counting, c, name(c));
                }
            })
            .response
            .labelled_by(label);
        ui.end_row();
        if unit != now.yen_unit || counting != now.counting {
            set(
                out,
                MeasureSettings {
                    yen_unit: unit,
                    counting,
                    ..now.clone()
                },
            );
        }
    });
}

/// The scale's levels, a row each, in order (the first is the best: 群馬県's rates count from
/// it).
fn scale(ui: &mut Ui, w: &Words, now: &MeasureSettings, out: &mut Vec<AppCommand>) {
    let heading = ui.strong(w.scale).id;
    let mut asked: Option<Vec<RatingLevel>> = None;
    Grid::new("measure-scale").striped(true).show(ui, |ui| {
        ui.label("");
        let columns = [
            ui.label(w.code).id,
            ui.label(w.label).id,
            ui.label(w.meaning).id,
        ];
        ui.end_row();
        for (k, level) in now.rating_scale.iter().enumerate() {
            let row = ui.label(format!("{} {}", w.level, k + 1)).id;
            let texts = [&level.code, &level.label, &level.meaning];
            for (n, (column, text)) in columns.iter().zip(texts).enumerate() {
                let width = [60.0, 140.0, 200.0][n];
                let labels = [heading, row, *column];
                if let Some(typed) = field(ui, ("scale", k, n), &labels, text, width) {
                    let mut levels = now.rating_scale.clone();
                    let typed = typed.trim().to_string();
                    let slot = &mut levels[k];
                    *[&mut slot.code, &mut slot.label, &mut slot.meaning][n] = typed;
                    asked = Some(levels);
                }
            }
            let mut not_applicable = level.not_applicable;
            if ui.checkbox(&mut not_applicable, w.not_applicable).changed() {
                let mut levels = now.rating_scale.clone();
                levels[k].not_applicable = not_applicable;
                asked = Some(levels);
            }
            if ui.button(w.remove_level).clicked() {
                let mut levels = now.rating_scale.clone();
                levels.remove(k);
                asked = Some(levels);
            }
            ui.end_row();
        }
    });
    if ui.button(w.add_level).clicked() {
        let mut levels = now.rating_scale.clone();
        levels.push(RatingLevel {
            code: String::new(),
            label: String::new(),
            meaning: String::new(),
            not_applicable: false,
        });
        asked = Some(levels);
    }
    if let Some(rating_scale) = asked {
        set(
            out,
            MeasureSettings {
                rating_scale,
                ..now.clone()
            },
        );
    }
}

/// The money unit in the window's words: 千円 in Japanese, "thousand yen" in English (the
/// exports and the printout, in Japanese, write `YenUnit::label`).
pub(crate) fn yen_unit_name(unit: YenUnit, lang: Lang) -> &'static str {
    match (lang, unit) {
        (Lang::Ja, _) => unit.label(),
        (Lang::En, YenUnit::Yen) => "yen",
        (Lang::En, YenUnit::Thousand) => "thousand yen",
        (Lang::En, YenUnit::Million) => "million yen",
    }
}

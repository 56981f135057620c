//! Editing an initiative's numbers and judgements: what a user asks ([`MeasureIntent`]) is
//! built into one [`Edit::SetMeasures`] holding the initiative's measures as they will be, so
//! undo gives back exactly what was there. What a response may change of them: its 所管課's
//! actuals, effects' actuals and self-rating, nothing of the office's (targets, review,
//! committee comment).

use chrono::NaiveDate;

use super::{Edit, EditError, OutOfScope, Thing};
use crate::model::measures::{
    Comment, Direction, Figure, Indicator, MeasureSettings, Measures, Money, Rating,
};
use crate::model::{FiscalYear, Id, Initiative, Report};

/// Which number of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicatorField {
    /// The final target.
    Target,
    Baseline,
    YearTarget(FiscalYear),
    YearActual(FiscalYear),
    FirstHalf(FiscalYear),
}

/// Which judgement layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingLayer {
    /// The 所管課's own (自己評価).
    SelfRating,
    /// The office's (推進本部) review.
    Review,
}

/// What a user asks of the numbers and judgements.
#[derive(Clone, Debug, PartialEq)]
pub enum MeasureIntent {
    AddIndicator {
        initiative: Id,
        name: String,
        unit: String,
    },
    RemoveIndicator {
        initiative: Id,
        index: usize,
    },
    SetIndicatorName {
        initiative: Id,
        index: usize,
        name: String,
    },
    SetIndicatorUnit {
        initiative: Id,
        index: usize,
        unit: String,
    },
    SetDirection {
        initiative: Id,
        index: usize,
        direction: Direction,
    },
    /// A number as typed (「3,297」, 「△120」); what cannot be read is kept as written.
    SetIndicatorFigure {
        initiative: Id,
        index: usize,
        field: IndicatorField,
        text: String,
    },
    /// An effect as typed in the report's unit; `actual` false: the planned one.
    SetEffect {
        initiative: Id,
        year: FiscalYear,
        actual: bool,
        text: String,
    },
    /// An empty code removes the layer's rating.
    SetRating {
        initiative: Id,
        layer: RatingLayer,
        code: String,
        by: String,
        on: Option<NaiveDate>,
    },
    /// The note beside a layer's rating (取組実績・特記, 本部評価・特記), kept as typed; a layer
    /// without a rating takes none (the note is of a rating).
    SetRatingNote {
        initiative: Id,
        layer: RatingLayer,
        text: String,
    },
    /// An empty text removes the comment.
    SetComment {
        initiative: Id,
        text: String,
        by: String,
        on: Option<NaiveDate>,
    },
    /// The report's scale, unit and counting.
    SetSettings(Box<MeasureSettings>),
}

pub use crate::model::measures::{figure_of, money_of};

impl MeasureIntent {
    /// The one initiative it changes; `None` for the report's settings (every initiative's
    /// figures are shown in their unit and counted by their scale).
    pub fn initiative(&self) -> Option<Id> {
        match self {
            MeasureIntent::SetSettings(_) => None,
            MeasureIntent::AddIndicator { initiative, .. }
            | MeasureIntent::RemoveIndicator { initiative, .. }
            | MeasureIntent::SetIndicatorName { initiative, .. }
            | MeasureIntent::SetIndicatorUnit { initiative, .. }
            | MeasureIntent::SetDirection { initiative, .. }
            | MeasureIntent::SetIndicatorFigure { initiative, .. }
            | MeasureIntent::SetEffect { initiative, .. }
            | MeasureIntent::SetRating { initiative, .. }
            | MeasureIntent::SetRatingNote { initiative, .. }
            | MeasureIntent::SetComment { initiative, .. } => Some(*initiative),
        }
    }

    pub(super) fn build(self, report: &Report) -> Result<Option<Edit>, EditError> {
        if let MeasureIntent::SetSettings(settings) = self {
            let changes = *settings != report.measure_settings;
            return Ok(changes.then_some(Edit::SetMeasureSettings { settings }));
        }
        let Some(initiative) = self.initiative() else {
            return Ok(None);
        };
        let old = report
            .initiative(initiative)
            .ok_or(EditError::Missing {
                what: Thing::Initiative,
                id: initiative,
            })?
            .measures()
            .clone();
        let mut new = old.clone();
        self.change(&mut new, &report.measure_settings);
        Ok((new != old).then(|| Edit::SetMeasures {
            initiative,
            measures: Box::new(new),
        }))
    }

    fn change(self, m: &mut Measures, settings: &MeasureSettings) {
        let unit = settings.yen_unit;
        match self {
            MeasureIntent::AddIndicator { name, unit, .. } => m.indicators.push(Indicator {
                name: name.trim().to_string(),
                unit: unit.trim().to_string(),
                ..Indicator::default()
            }),
            MeasureIntent::RemoveIndicator { index, .. } => {
                if index < m.indicators.len() {
                    m.indicators.remove(index);
                }
            }
            MeasureIntent::SetIndicatorName { index, name, .. } => {
                if let Some(x) = m.indicators.get_mut(index) {
                    x.name = name.trim().to_string();
                }
            }
            MeasureIntent::SetIndicatorUnit { index, unit, .. } => {
                if let Some(x) = m.indicators.get_mut(index) {
                    x.unit = unit.trim().to_string();
                }
            }
            MeasureIntent::SetDirection {
                index, direction, ..
            } => {
                if let Some(x) = m.indicators.get_mut(index) {
                    x.direction = direction;
                    // Chosen now: the 向き kept as written no longer stands.
                    x.direction_unread.clear();
                }
            }
            MeasureIntent::SetIndicatorFigure {
                index, field, text, ..
            } => {
                if let Some(x) = m.indicators.get_mut(index) {
                    let figure = figure_of(&text, &x.unit);
                    set_indicator_figure(x, field, figure);
                }
            }
            MeasureIntent::SetEffect {
                year, actual, text, ..
            } => {
                let money = money_of(&text, unit);
                let effect = m.effect_mut(year);
                *(if actual {
                    &mut effect.actual
                } else {
                    &mut effect.planned
                }) = money;
                m.effects
                    .retain(|e| !(e.planned.is_blank() && e.actual.is_blank()));
            }
            MeasureIntent::SetRating {
                layer,
                code,
                by,
                on,
                ..
            } => {
                let slot = match layer {
                    RatingLayer::SelfRating => &mut m.self_rating,
                    RatingLayer::Review => &mut m.review,
                };
                // A level typed in another width (`Ａ`) is the level, as the scale writes it.
                let code = settings.settled_code(code.trim());
                *slot = (!code.is_empty()).then(|| Rating {
                    code,
                    by: by.trim().to_string(),
                    on,
                    note: slot.as_ref().map(|r| r.note.clone()).unwrap_or_default(),
                });
            }
            MeasureIntent::SetRatingNote { layer, text, .. } => {
                let slot = match layer {
                    RatingLayer::SelfRating => &mut m.self_rating,
                    RatingLayer::Review => &mut m.review,
                };
                if let Some(r) = slot {
                    r.note = text;
                }
            }
            MeasureIntent::SetComment { text, by, on, .. } => {
                let text = text.trim().to_string();
                m.comment = (!text.is_empty()).then(|| Comment {
                    text,
                    by: by.trim().to_string(),
                    on,
                });
            }
            MeasureIntent::SetSettings(_) => {}
        }
    }
}

fn set_indicator_figure(x: &mut Indicator, field: IndicatorField, figure: Figure) {
    match field {
        IndicatorField::Target => x.target = figure,
        IndicatorField::Baseline => {
            let year = x.baseline.as_ref().and_then(|b| b.year);
            x.baseline = (!figure.is_blank()).then_some(crate::model::measures::Baseline {
                value: figure,
                year,
            });
        }
        IndicatorField::YearTarget(y) => x.year_mut(y).target = figure,
        IndicatorField::YearActual(y) => x.year_mut(y).actual = figure,
        IndicatorField::FirstHalf(y) => x.year_mut(y).first_half = figure,
    }
    x.years
        .retain(|y| !(y.target.is_blank() && y.actual.is_blank() && y.first_half.is_blank()));
}

/// The 担当課 that answers for an initiative's numbers and self-rating (所管課): the
/// initiative's own 担当課, else its first topic's.
pub fn measures_division(initiative: &Initiative) -> Option<&str> {
    initiative
        .divisions
        .first()
        .map(String::as_str)
        .or_else(|| initiative.all_divisions().first().copied())
}

/// The measures with what a division answers taken out (indicators' actuals, effects'
/// actuals, the self-rating): two that are equal so differ only in the division's part.
pub fn office_part(m: &Measures) -> Measures {
    let mut out = m.clone();
    for x in &mut out.indicators {
        for y in &mut x.years {
            y.actual = Figure::default();
            y.first_half = Figure::default();
        }
    }
    for e in &mut out.effects {
        e.actual = Money::default();
    }
    out.self_rating = None;
    // A year or effect a division added holds only its own part: not the office's change.
    for x in &mut out.indicators {
        x.years.retain(|y| !y.target.is_blank());
    }
    out.effects.retain(|e| !e.planned.is_blank());
    out
}

/// `office`'s numbers (targets, planned effects, the review, the comment, a closed year's
/// ratings …) with the division's part — every year's actuals and first halves, the actual
/// effects, the self-rating — as `division` has them: what taking an answer's change of the
/// office's part sets. Indicators are matched by name and topic (else by place, when there
/// are as many). Taking the answer's whole numbers took with them what the same review said
/// was not taken: a closed year's actual, who rated, a code in another width.
pub fn with_division_part(office: &Measures, division: &Measures) -> Measures {
    let mut out = office_part(office);
    let by_place = office.indicators.len() == division.indicators.len();
    // The nth indicator of a name and topic is the nth of them there (two of one name each
    // keep their own actuals).
    let mut seen: std::collections::HashMap<(String, Option<Id>), usize> = Default::default();
    for (k, x) in out.indicators.iter_mut().enumerate() {
        let nth = seen.entry((x.name.clone(), x.topic)).or_insert(0);
        let from = (division.indicators.iter())
            .filter(|d| d.name == x.name && d.topic == x.topic)
            .nth(*nth)
            .or_else(|| by_place.then(|| &division.indicators[k]));
        *nth += 1;
        for y in from.into_iter().flat_map(|d| &d.years) {
            if !(y.actual.is_blank() && y.first_half.is_blank()) {
                let to = x.year_mut(y.year);
                to.actual = y.actual.clone();
                to.first_half = y.first_half.clone();
            }
        }
    }
    for e in division.effects.iter().filter(|e| !e.actual.is_blank()) {
        out.effect_mut(e.fiscal_year).actual = e.actual.clone();
    }
    out.self_rating = division.self_rating.clone();
    out
}

/// Whether a response for `division` may set the initiative's measures to `new`.
pub(super) fn check_scope(
    report: &Report,
    division: &str,
    initiative: Id,
    new: &Measures,
) -> Result<(), OutOfScope> {
    let Some(i) = report.initiative(initiative) else {
        return Ok(());
    };
    if measures_division(i) != Some(division) {
        return Err(OutOfScope::OtherMeasures {
            initiative: i.number.clone(),
            division: measures_division(i).map(str::to_string),
        });
    }
    if office_part(i.measures()) != office_part(new) {
        return Err(OutOfScope::OfficeMeasures {
            initiative: i.number.clone(),
        });
    }
    Ok(())
}

/// The wording of the two measure reasons of [`OutOfScope`].
pub(super) fn describe_scope(reason: &OutOfScope, lang: crate::lang::Lang) -> String {
    use crate::lang::say;
    match reason {
        OutOfScope::OtherMeasures {
            initiative,
            division,
        } => {
            let whose = division.as_deref().unwrap_or("（担当課なし）");
            say(
                lang,
                format!("取組{initiative}の数値目標・効果額・自己評価は{whose}の担当です"),
                format!(
                    "the numbers and self-rating of initiative {initiative} are answered by {whose}"
                ),
            )
        }
        OutOfScope::OfficeMeasures { initiative } => say(
            lang,
            format!(
                "取組{initiative}の目標値・計画額・本部評価・委員会意見は変更できません（実績値・実績額・自己評価のみ）"
            ),
            format!(
                "the targets, planned effects, review and committee comment of initiative {initiative} are the office's (only actuals and the self-rating)"
            ),
        ),
        _ => String::new(),
    }
}

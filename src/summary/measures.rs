//! The numbers and judgements in `check --json`: per initiative its indicators (with 達成率
//! computed for the report's year), effects in yen and the two rating layers; per report its
//! rating scale and summary figures. A report without any gives empty lists and nulls.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::figure::Decimal;
use crate::model::measures::Measures;
use crate::model::tally::Tally;
use crate::model::{FiscalYear, Initiative, Report};

#[derive(Debug, Serialize)]
pub struct IndicatorSummary {
    pub name: String,
    pub unit: String,
    /// The heading of the topic it measures; `null` for an indicator of the initiative as a
    /// whole (or of a topic without a heading, or deleted since).
    pub topic: Option<String>,
    /// The target in force for the report's fiscal year (that year's, else the final one).
    pub target: Option<Box<serde_json::value::RawValue>>,
    /// The year's actual (or its first half's: see `actual_first_half`).
    pub actual: Option<Box<serde_json::value::RawValue>>,
    /// Whether `actual` is the first half's (上半期), the year's not reported yet: the window,
    /// the printout and the web page mark it （上半期）, and the JSON said nothing of it.
    pub actual_first_half: bool,
    /// 達成率 in %, one decimal; see `Indicator::achievement_rate`.
    pub achievement_rate: Option<f64>,
    /// 進捗率 in %, one decimal (from the baseline); see `Indicator::progress_rate`.
    pub progress_rate: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct EffectSummary {
    pub fiscal_year: i32,
    pub planned_yen: Option<i64>,
    pub actual_yen: Option<i64>,
    /// 達成率 in %, one decimal; see `Effect::achievement_rate`.
    pub achievement_rate: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct RatingSummary {
    /// The 所管課's own rating's code.
    #[serde(rename = "self")]
    pub self_rating: Option<String>,
    /// The office's (推進本部) review's code.
    pub review: Option<String>,
    /// What the 所管課 wrote beside its rating (取組実績・特記), as written; null without.
    pub self_note: Option<String>,
    /// What the office wrote beside its review (本部評価・特記), as written; null without.
    pub review_note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LevelSummary {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct MeasureTotals {
    /// Initiatives per rating code (the review where given, else the self-rating).
    pub ratings: BTreeMap<String, usize>,
    /// 群馬県's two rates, in %: the first level ÷ all, the first two ÷ all (all: every
    /// initiative rated or not yet rated, 対象外 left out); `null` when nothing is rated.
    pub rates: RatingRates,
    pub effects: EffectTotals,
}

#[derive(Debug, Serialize)]
pub struct RatingRates {
    pub first_level: Option<f64>,
    pub first_two_levels: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct EffectTotals {
    pub planned_yen: Option<i64>,
    pub actual_yen: Option<i64>,
    /// Counted cumulatively: the initiatives whose total is an earlier year's figure, the
    /// latest year's being blank or unread (empty when none).
    pub from_earlier_years: Vec<crate::model::tally::EarlierFigure>,
    /// The totals too large to compute (`"planned"`, `"actual"`; their `*_yen` is `null`):
    /// left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub too_large: Vec<&'static str>,
}

/// A decimal as a JSON number, digit for digit as kept (`1234567890123.456789`: through a
/// float it came out `1234567890123.4568`, where every other output writes what was typed).
fn number(d: Decimal) -> Option<Box<serde_json::value::RawValue>> {
    serde_json::value::RawValue::from_string(d.to_string()).ok()
}

pub fn indicators(i: &Initiative, year: FiscalYear) -> Vec<IndicatorSummary> {
    i.measures()
        .indicators
        .iter()
        .map(|x| IndicatorSummary {
            name: x.name.clone(),
            unit: x.unit.clone(),
            topic: x.topic_in(i).and_then(|t| t.heading.clone()),
            target: x.target_for(year).and_then(number),
            actual: x.actual_for(year).and_then(number),
            actual_first_half: (x.shown_actual(year))
                .is_some_and(|(f, half)| half && f.value.is_some()),
            achievement_rate: x.achievement_rate(year),
            progress_rate: x.progress_rate(year),
        })
        .collect()
}

pub fn effects(m: &Measures) -> Vec<EffectSummary> {
    m.effects
        .iter()
        .map(|e| EffectSummary {
            fiscal_year: e.fiscal_year.0,
            planned_yen: e.planned.yen,
            actual_yen: e.actual.yen,
            achievement_rate: e.achievement_rate(),
        })
        .collect()
}

pub fn rating(m: &Measures) -> RatingSummary {
    RatingSummary {
        self_rating: m.self_rating.as_ref().map(|r| r.code.clone()),
        review: m.review.as_ref().map(|r| r.code.clone()),
        self_note: note(&m.self_rating),
        review_note: note(&m.review),
    }
}

/// A layer's note; `None` when it has no rating or an empty note (both are null in JSON).
fn note(r: &Option<crate::model::measures::Rating>) -> Option<String> {
    r.as_ref().map(|r| r.note.clone()).filter(|n| !n.is_empty())
}

pub fn scale(report: &Report) -> Vec<LevelSummary> {
    report
        .measure_settings
        .rating_scale
        .iter()
        .map(|l| LevelSummary {
            code: l.code.clone(),
            label: l.label.clone(),
        })
        .collect()
}

pub fn totals(report: &Report) -> MeasureTotals {
    let tally = Tally::of_report(report);
    let settings = &report.measure_settings;
    MeasureTotals {
        rates: RatingRates {
            first_level: tally.top_rate(settings, 1),
            first_two_levels: tally.top_rate(settings, 2),
        },
        ratings: tally.ratings.into_iter().collect(),
        effects: EffectTotals {
            planned_yen: tally.planned_yen,
            actual_yen: tally.actual_yen,
            from_earlier_years: tally.earlier,
            too_large: [
                ("planned", tally.too_large.planned),
                ("actual", tally.too_large.actual),
            ]
            .into_iter()
            .filter_map(|(side, large)| large.then_some(side))
            .collect(),
        },
    }
}

//! Numbers and judgements beside the activities, as most local bodies report them: indicators
//! (数値目標) with targets and actuals per fiscal year, financial effects (効果額) in yen, and
//! ratings (評価) on a scale the report declares, in layers — the 所管課's own, the office's
//! (推進本部) review, the committee's comment. Rates (達成率, 進捗率) and summary figures are
//! computed here, never stored. A report without any of them (Mie's) holds none, and its file
//! is written as before.

use serde::{Deserialize, Serialize};

use super::era::FiscalYear;
use super::figure::{Decimal, percent_reached};
use super::id::Id;

/// A number as kept: its value, or — when what was written could not be read exactly — the
/// text as written (then `value` is `None` and a warning said why).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "FigureWritten")]
pub struct Figure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unread: String,
}

/// A [`Figure`] as a file holds it: a value written by hand in a text editor as offices type
/// numbers (`８７．５`, `3,297`, `△120`) is read as the window and a workbook read it, and one
/// that does not read (`87.5%`, `約88`) is kept as written — not the whole file refused for it
/// (「進捗の報告ファイルではありません」 naming a line and a column).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureWritten {
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    unread: String,
}

impl From<FigureWritten> for Figure {
    fn from(written: FigureWritten) -> Figure {
        let Some(text) = written.value else {
            return Figure {
                value: None,
                unread: written.unread,
            };
        };
        let typed = || match super::figure::read(&text) {
            Ok(Some(reading)) if reading.unit.is_empty() => Some(reading.value),
            _ => None,
        };
        match Decimal::try_from(text.clone()).ok().or_else(typed) {
            Some(value) => Figure {
                value: Some(value),
                unread: written.unread,
            },
            // Said by the report's check, as any number kept as written is.
            None => Figure {
                value: None,
                unread: text,
            },
        }
    }
}

impl Figure {
    pub fn of(value: Decimal) -> Figure {
        Figure {
            value: Some(value),
            unread: String::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.value.is_none() && self.unread.is_empty()
    }

    /// As shown in a cell: the value (a minus written `△`, as offices type it and the report
    /// table writes it), or the text kept as written.
    pub fn display(&self) -> String {
        self.value
            .map_or_else(|| self.unread.clone(), |v| with_triangle(v.to_string()))
    }
}

/// An amount of money, in yen; or the text as written when it could not be read in yen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yen: Option<i64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unread: String,
}

impl Money {
    pub fn yen(yen: i64) -> Money {
        Money {
            yen: Some(yen),
            unread: String::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.yen.is_none() && self.unread.is_empty()
    }

    /// As shown in the report's unit (`3297` for 3,297,000,000 yen in 百万円; a loss `△120`,
    /// as offices type it: the review, the web page and the printout wrote `-120` where the
    /// report table wrote `△120`), or the text kept.
    pub fn display(&self, unit: YenUnit) -> String {
        self.yen.map_or_else(
            || self.unread.clone(),
            |y| with_triangle(Decimal::ratio(y, unit.yen()).to_string()),
        )
    }

    /// The amount in `unit` as a plain number, `-120` (for a number cell, whose format shows
    /// the △); `None` when it is not read in yen.
    pub fn in_unit(&self, unit: YenUnit) -> Option<String> {
        self.yen.map(|y| Decimal::ratio(y, unit.yen()).to_string())
    }
}

/// `-120` as `△120`.
pub fn with_triangle(number: String) -> String {
    match number.strip_prefix('-') {
        Some(rest) => format!("△{rest}"),
        None => number,
    }
}

/// A computed rate as every output writes it: `75%`, `△20%` (the printout, the web page and
/// the XLSX export wrote `-20%` beside a `△20` actual).
pub fn percent_text(rate: f64) -> String {
    format!("{}%", with_triangle(rate.to_string()))
}

/// Whether a higher or a lower value is better (件数 up; 残業時間, 経費 down).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

impl Direction {
    /// The way in a table's words. [`Direction::read`] reads each back as that way, so no 向き
    /// kept unread as written can be the same text.
    pub fn words(self) -> &'static str {
        match self {
            Direction::Higher => "高いほど良い",
            Direction::Lower => "低いほど良い",
        }
    }

    /// The way a 向き cell says is better: only words that say it one way (高・↑・増・上回,
    /// or 低・↓・減・下回); `None` for any other text (「維持」, 「目標値に近いほど良い」, a
    /// dash, a typo), or one saying both, which the caller keeps as written.
    pub fn read(text: &str) -> Option<Direction> {
        let text = super::text::normalize(text);
        let says = |words: &[&str]| words.iter().any(|w| text.contains(w));
        let higher = says(&["高", "↑", "増", "上回", "上昇", "多い", "大きい"]);
        let lower = says(&["低", "↓", "減", "下回", "下降", "少ない", "小さい"]);
        match (higher, lower) {
            (true, false) => Some(Direction::Higher),
            (false, true) => Some(Direction::Lower),
            _ => None,
        }
    }
}

/// A value at a starting point: 基準値 (平成28年度).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub value: Figure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<FiscalYear>,
}

/// One fiscal year of an indicator: its target, its actual, and the first half's actual where
/// a half is reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorYear {
    pub year: FiscalYear,
    #[serde(default, skip_serializing_if = "Figure::is_blank")]
    pub target: Figure,
    #[serde(default, skip_serializing_if = "Figure::is_blank")]
    pub actual: Figure,
    #[serde(default, skip_serializing_if = "Figure::is_blank")]
    pub first_half: Figure,
}

/// 数値目標: what is measured, its unit, which way is better, where it started and where it
/// should end.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_default")]
    pub direction: Direction,
    /// 向き as written when it says neither way (「維持」, 「目標値に近いほど良い」): kept, and
    /// `direction` then goes unused — no 達成率 and no met is computed, since which way is
    /// better is not known (never guessed as higher).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub direction_unread: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// The final target (目標値 at the programme's end).
    #[serde(default, skip_serializing_if = "Figure::is_blank")]
    pub target: Figure,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<IndicatorYear>,
    /// The topic of its initiative it measures (an indicator on a topic, 見出し); none: it
    /// measures the initiative as a whole. A topic deleted since leaves the id behind: the
    /// indicator is then the initiative's again, and `check` says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Id>,
}

impl Indicator {
    /// Reads again each figure a file kept as written that reads in the indicator's own unit
    /// (「87.5%」 in a % indicator), as the window and a workbook read it: a file's reader does
    /// not know the unit, so it kept the text.
    pub fn read_figures_in_unit(&mut self) {
        let unit = self.unit.clone();
        let mut figures: Vec<&mut Figure> = vec![&mut self.target];
        if let Some(b) = &mut self.baseline {
            figures.push(&mut b.value);
        }
        for y in &mut self.years {
            figures.extend([&mut y.target, &mut y.actual, &mut y.first_half]);
        }
        for figure in figures {
            if figure.value.is_none() && !figure.unread.is_empty() {
                let read = figure_of(&figure.unread, &unit);
                if read.value.is_some() {
                    *figure = read;
                }
            }
        }
    }

    pub fn year(&self, year: FiscalYear) -> Option<&IndicatorYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The year's entry, made (in year order) when there is none.
    pub fn year_mut(&mut self, year: FiscalYear) -> &mut IndicatorYear {
        let at = self.years.partition_point(|y| y.year < year);
        if self.years.get(at).is_none_or(|y| y.year != year) {
            self.years.insert(
                at,
                IndicatorYear {
                    year,
                    target: Figure::default(),
                    actual: Figure::default(),
                    first_half: Figure::default(),
                },
            );
        }
        &mut self.years[at]
    }

    /// Which way is better, when that is known (not when the 向き written said neither way).
    pub fn known_direction(&self) -> Option<Direction> {
        self.direction_unread.is_empty().then_some(self.direction)
    }

    /// The 向き as a table writes it: 高いほど良い, 低いほど良い, or the text kept as written.
    pub fn direction_words(&self) -> &str {
        match self.known_direction() {
            Some(way) => way.words(),
            None => &self.direction_unread,
        }
    }

    /// The target in force for a year: that year's, else (none written for it) the final one.
    /// A year's target kept as written (「約120」) is in force but not a number: `None`, so no
    /// rate is computed against the final target in its place (the printout showed 「目標
    /// 約120件 … 達成率 88%」, 88% being of the final 150).
    pub fn target_for(&self, year: FiscalYear) -> Option<Decimal> {
        self.target_figure(year).value
    }

    /// The target in force for a year as written (see [`Indicator::target_for`]): what an
    /// output shows beside the year's actual.
    pub fn target_figure(&self, year: FiscalYear) -> &Figure {
        match self.year(year).map(|y| &y.target) {
            Some(t) if !t.is_blank() => t,
            _ => &self.target,
        }
    }

    /// The actual shown for `year`: the year's when written, else the first half's (`true`);
    /// `None` when neither is.
    pub fn shown_actual(&self, year: FiscalYear) -> Option<(&Figure, bool)> {
        let y = self.year(year)?;
        match (&y.actual, &y.first_half) {
            (a, _) if !a.is_blank() => Some((a, false)),
            (_, h) if !h.is_blank() => Some((h, true)),
            _ => None,
        }
    }

    /// The latest actual reported up to `year` (that year's, or the first half's), as
    /// [`Indicator::shown_actual`] shows it, when it is a number: a year's actual kept as
    /// written (「85.3%」 in an indicator counted in 件) gives none — the rates were computed
    /// from the first half's behind it, which no output showed.
    pub fn actual_for(&self, year: FiscalYear) -> Option<Decimal> {
        self.shown_actual(year).and_then(|(figure, _)| figure.value)
    }

    /// 達成率 (%) for a year: how far the actual reaches the target in force, where higher is
    /// better actual ÷ target × 100, where lower is better target ÷ actual × 100. `None`
    /// without both numbers, and when which way is better is not known; and unless the target
    /// is above 0 (and, lower being better, the actual too, being the divisor): a ratio of
    /// signed figures says nothing of reaching (a deficit target △50 reached with △40 read
    /// 80 %, and missed, lower being better, 125 %), and of a target of 0 target ÷ actual is
    /// 0 whatever the actual. [`Indicator::met`] says then whether it was reached; so the
    /// rate, where there is one, is 100 or more exactly when the target was met.
    pub fn achievement_rate(&self, year: FiscalYear) -> Option<f64> {
        let direction = self.known_direction()?;
        let (target, actual) = (self.target_for(year)?, self.actual_for(year)?);
        let (t, a) = (target.millionths(), actual.millionths());
        match direction {
            Direction::Higher if t > 0 => percent_reached(a, t),
            Direction::Lower if t > 0 && a > 0 => percent_reached(t, a),
            _ => None,
        }
    }

    /// 進捗率 (%) for a year: how much of the way from the baseline to the final target has
    /// been gone, (actual − baseline) ÷ (target − baseline) × 100 — which holds either way
    /// (lower is better: both differences are negative). `None` without a baseline, or when
    /// the target is the baseline.
    pub fn progress_rate(&self, year: FiscalYear) -> Option<f64> {
        let base = self.baseline.as_ref()?.value.value?.millionths();
        let target = self.target.value?.millionths();
        let actual = self.actual_for(year)?.millionths();
        percent_reached(actual - base, target - base)
    }

    /// Met for the year: the actual at or past the target in force, the better way (`None`
    /// when which way is better is not known).
    pub fn met(&self, year: FiscalYear) -> Option<bool> {
        let direction = self.known_direction()?;
        let (target, actual) = (self.target_for(year)?, self.actual_for(year)?);
        Some(match direction {
            Direction::Higher => actual.millionths() >= target.millionths(),
            Direction::Lower => actual.millionths() <= target.millionths(),
        })
    }
}

/// 効果額 of one fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    pub fiscal_year: FiscalYear,
    #[serde(default, skip_serializing_if = "Money::is_blank")]
    pub planned: Money,
    #[serde(default, skip_serializing_if = "Money::is_blank")]
    pub actual: Money,
}

impl Effect {
    /// 達成率 (%) of the year's effect: actual ÷ planned × 100, as いわき市's table prints it
    /// under 計画額 and 実績額; `None` unless both are amounts and the planned one is above 0
    /// (as an indicator's: a planned deficit △50 met with △40 is no 80 %).
    pub fn achievement_rate(&self) -> Option<f64> {
        match (self.planned.yen, self.actual.yen) {
            (Some(p), Some(a)) if p > 0 => percent_reached(a.into(), p.into()),
            _ => None,
        }
    }
}

/// The unit a report shows its money in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YenUnit {
    Yen,
    #[default]
    Thousand,
    Million,
}

impl YenUnit {
    pub fn yen(self) -> i64 {
        match self {
            YenUnit::Yen => 1,
            YenUnit::Thousand => 1_000,
            YenUnit::Million => 1_000_000,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            YenUnit::Yen => "円",
            YenUnit::Thousand => "千円",
            YenUnit::Million => "百万円",
        }
    }

    /// The unit a text names (`千円`, `百万円`, `円`, as in 「（単位：百万円）」); `None` for any other.
    pub fn named_in(text: &str) -> Option<YenUnit> {
        if text.contains("百万円") {
            Some(YenUnit::Million)
        } else if text.contains("千円") {
            Some(YenUnit::Thousand)
        } else if text.contains('円') && !text.contains("万円") && !text.contains("億円") {
            Some(YenUnit::Yen)
        } else {
            None
        }
    }
}

/// How a report counts its effects over the years.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Each year's figure is that year's own: the programme's total is their sum.
    #[default]
    SingleYear,
    /// Each year's figure is the running total (a saving counted again in every later year,
    /// as いわき市 notes): the programme's total is the latest year's figure, not the sum.
    Cumulative,
}

impl Counting {
    /// As a change or a review names it.
    pub fn label(self) -> &'static str {
        match self {
            Counting::SingleYear => "単年度",
            Counting::Cumulative => "累計",
        }
    }
}

/// One level of a rating scale: `S` 特に良好に進捗 (meaning as the report explains it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingLevel {
    pub code: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meaning: String,
    /// 対象外: rated, but left out of the rates' "all".
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_false")]
    pub not_applicable: bool,
}

impl RatingLevel {
    /// As a list names it: `S 特に良好に進捗`; the code alone when the label is empty or the
    /// code again (`対象外`).
    pub fn name(&self) -> String {
        let label = self.label.trim();
        if label.is_empty() || label == self.code.trim() {
            self.code.clone()
        } else {
            format!("{} {label}", self.code)
        }
    }
}

/// A judgement of one layer: the code, who gave it, when, and what they wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// As written; a code the scale does not have is kept and warned about.
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Who gave a rating or a comment and when, as the printout and the web page write it
/// beside it (`人事課長、2017年10月5日`); `None` when neither is known.
pub fn who_when(by: &str, on: Option<chrono::NaiveDate>) -> Option<String> {
    let on = on.map(|d| d.format("%Y年%-m月%-d日").to_string());
    let parts: Vec<String> = [Some(by.trim().to_string()).filter(|b| !b.is_empty()), on]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join("、"))
}

/// The committee's (委員会) comment on an initiative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<chrono::NaiveDate>,
}

/// An initiative's numbers and judgements.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    /// The 所管課's own rating (自己評価): the division answers it in the survey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<Rating>,
    /// The office's (推進本部) review: the office's, outside a division's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Comment>,
    /// The ratings of fiscal years closed by rolling the report into the next (次年度へ),
    /// oldest first: a rating is of its year, so the new year starts without one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub past: Vec<PastRatings>,
}

/// What an initiative was rated for a closed fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastRatings {
    pub fiscal_year: FiscalYear,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Comment>,
}

impl Measures {
    /// Closes `year` (次年度へ): its ratings move into `past`; targets, actuals by year and
    /// effects stay, keyed by their years, so the new year's actuals start empty.
    pub fn close_year(&mut self, year: FiscalYear) {
        let rated = self.self_rating.is_some() || self.review.is_some() || self.comment.is_some();
        if rated {
            self.past.push(PastRatings {
                fiscal_year: year,
                self_rating: self.self_rating.take(),
                review: self.review.take(),
                comment: self.comment.take(),
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Measures::default()
    }

    /// The rating that counts in the summary: the review where given, else the self-rating.
    pub fn final_rating(&self) -> Option<&Rating> {
        self.review.as_ref().or(self.self_rating.as_ref())
    }

    pub fn effect(&self, year: FiscalYear) -> Option<&Effect> {
        self.effects.iter().find(|e| e.fiscal_year == year)
    }

    /// The year's effect, made (in year order) when there is none.
    pub fn effect_mut(&mut self, year: FiscalYear) -> &mut Effect {
        let at = self.effects.partition_point(|e| e.fiscal_year < year);
        if self.effects.get(at).is_none_or(|e| e.fiscal_year != year) {
            self.effects.insert(
                at,
                Effect {
                    fiscal_year: year,
                    planned: Money::default(),
                    actual: Money::default(),
                },
            );
        }
        &mut self.effects[at]
    }
}

/// What a report declares about its numbers: its rating scale, the unit it shows money in, how
/// it counts effects over the years. Data, not code: a report without it (Mie's) has none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureSettings {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rating_scale: Vec<RatingLevel>,
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_default")]
    pub yen_unit: YenUnit,
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_default")]
    pub counting: Counting,
}

impl MeasureSettings {
    /// The rating scale as one line: `S 特に良好に進捗（…） / … / 対象外`.
    pub fn scale_text(&self) -> String {
        let levels: Vec<String> = self
            .rating_scale
            .iter()
            .map(|l| {
                let mut s = match l.label == l.code {
                    true => l.code.clone(),
                    false => format!("{} {}", l.code, l.label).trim().to_string(),
                };
                if !l.meaning.is_empty() {
                    s.push_str(&format!("（{}）", l.meaning));
                }
                // Said whatever the level is called: it changes 群馬県's two rates.
                if l.not_applicable {
                    s.push_str("［率の分母から除く］");
                }
                s
            })
            .collect();
        levels.join(" / ")
    }

    /// The codes of the scale's levels counted in the rates (`counted`), or left out of them
    /// (対象外), in the scale's order.
    pub fn codes(&self, counted: bool) -> Vec<&str> {
        self.rating_scale
            .iter()
            .filter(|l| l.not_applicable != counted)
            .map(|l| l.code.as_str())
            .collect()
    }

    /// The level a code names, in any width (the first of a code). For one look-up; many are
    /// made through [`MeasureSettings::levels`].
    pub fn level(&self, code: &str) -> Option<&RatingLevel> {
        let code = super::text::normalize(code);
        self.rating_scale
            .iter()
            .find(|l| super::text::normalized_chars(&l.code).eq(code.chars()))
    }

    /// See [`Levels::settled_code`]; for one code (many are settled through
    /// [`MeasureSettings::levels`]).
    pub fn settled_code(&self, text: &str) -> String {
        self.levels().settled_code(text)
    }

    /// The scale indexed by normalized code, for many look-ups: a scale of thousands of levels
    /// searched for each of thousands of ratings was quadratic.
    pub fn levels(&self) -> Levels<'_> {
        Levels {
            settings: self,
            index: self.level_index(),
        }
    }

    /// The index of [`MeasureSettings::levels`], owned: kept beside the settings it was made
    /// of (a printout's rows each ask it).
    pub fn level_index(&self) -> LevelIndex {
        let mut by_code = std::collections::HashMap::with_capacity(self.rating_scale.len());
        for (k, l) in self.rating_scale.iter().enumerate() {
            by_code.entry(super::text::normalize(&l.code)).or_insert(k);
        }
        LevelIndex(by_code)
    }
}

/// A scale's levels by normalized code, the first of a code kept ([`MeasureSettings::levels`]).
pub struct Levels<'a> {
    pub settings: &'a MeasureSettings,
    index: LevelIndex,
}

/// The position of each normalized code in the scale it was made of, the first of a code.
#[derive(Clone, Debug, Default)]
pub struct LevelIndex(std::collections::HashMap<String, usize>);

impl LevelIndex {
    /// The level of `settings` (the scale this was made of) a code names, in any width.
    pub fn level<'s>(&self, settings: &'s MeasureSettings, code: &str) -> Option<&'s RatingLevel> {
        let k = *self.0.get(&super::text::normalize(code))?;
        settings.rating_scale.get(k)
    }
}

impl<'a> Levels<'a> {
    /// The level a code names, in any width: as [`MeasureSettings::level`].
    pub fn level(&self, code: &str) -> Option<&'a RatingLevel> {
        self.index.level(self.settings, code)
    }

    /// The level's code for a rating cell naming a level of the scale — `A`, `Ａ` (the code in
    /// another width: the level, as every output then shows it; the full-width code was
    /// counted as A yet written 「Ａ」 in the tables), or `A 良好に進捗` / `A：良好に進捗`, the
    /// code and its label. Anything else is kept whole (and warned of as no level): 「A：一部遅れ」
    /// is not read as A, nor 「：」 as an empty rating.
    pub fn settled_code(&self, text: &str) -> String {
        if let Some(level) = self.level(text) {
            return level.code.clone();
        }
        let mut parts = text.splitn(2, |c: char| c.is_whitespace() || c == '：' || c == ':');
        let (code, rest) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or("").trim(),
        );
        match self.level(code) {
            Some(level) if !code.is_empty() && (rest.is_empty() || rest == level.label.trim()) => {
                level.code.clone()
            }
            _ => text.to_string(),
        }
    }
}

/// A number typed into an indicator's cell: read exactly, or kept as written — also when a
/// unit written after it is not the indicator's `unit` (「285件」 for 人), which reading the
/// number alone would drop.
pub fn figure_of(text: &str, unit: &str) -> Figure {
    match super::figure::read(text) {
        Ok(Some(reading)) if !same_unit(&reading.unit, unit) => Figure {
            value: None,
            unread: text.trim().to_string(),
        },
        Ok(Some(reading)) => Figure::of(reading.value),
        Ok(None) => Figure::default(),
        Err(_) => Figure {
            value: None,
            unread: text.trim().to_string(),
        },
    }
}

/// A figure typed where `shown` was the unit (a workbook's row, a response file, sent before
/// the office changed the indicator's unit): a number written without a unit is in `shown`,
/// so against an indicator now in another `unit` it is kept as written with `shown` after it
/// (「132件」 against 千件, said as any figure in another unit is). It was read in the unit now:
/// 132 件 became 132 千件, a rate of 110,000 %. Shown without a unit, it is in none: against
/// one given since (千件) it is kept as written too.
pub fn figure_typed_in(text: &str, shown: &str, unit: &str) -> Figure {
    let same = super::text::normalize(shown) == super::text::normalize(unit);
    match super::figure::read(text) {
        Ok(Some(r)) if r.unit.is_empty() && !same => Figure {
            value: None,
            unread: format!("{}{shown}", text.trim()),
        },
        _ => figure_of(text, unit),
    }
}

/// Is the unit written after a number (none, or the same as the indicator's) one the number
/// may be read in? Full-width and half-width forms are the same unit (`％`, `%`).
pub fn same_unit(written: &str, indicator: &str) -> bool {
    written.is_empty() || super::text::normalize(written) == super::text::normalize(indicator)
}

/// Whether a number read as money in `unit` (or the yen unit written after it) is a whole
/// number of yen too large to keep.
pub fn too_many_yen(reading: &super::figure::Reading, unit: YenUnit) -> bool {
    let unit = match reading.unit.is_empty() {
        true => Some(unit),
        false => YenUnit::named_in(&reading.unit),
    };
    // In millionths of a yen, exactly (at most 9.2e24 × 1e6: an i128 holds it).
    let millionths = unit.map(|u| reading.value.millionths() * i128::from(u.yen()));
    millionths.is_some_and(|m| m % 1_000_000 == 0 && i64::try_from(m / 1_000_000).is_err())
}

/// Money typed in `unit` (a unit written in the cell, 千円 or 百万円, wins): yen, or the text
/// as written when it is not a whole number of yen.
pub fn money_of(text: &str, unit: YenUnit) -> Money {
    let kept = || Money {
        yen: None,
        unread: text.trim().to_string(),
    };
    match super::figure::read(text) {
        Ok(None) => Money::default(),
        Ok(Some(reading)) => {
            let unit = if reading.unit.is_empty() {
                Some(unit)
            } else {
                YenUnit::named_in(&reading.unit)
            };
            unit.and_then(|u| reading.value.times_whole(u.yen()))
                .map_or_else(kept, Money::yen)
        }
        Err(_) => kept(),
    }
}

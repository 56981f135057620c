//! The summary figures of a report's numbers and judgements, as the bodies publish them: how
//! many initiatives stand at each rating level, 群馬県's two rates, indicators met, effects
//! planned against actual — for a section or the whole programme. Computed every time, never
//! stored.

use serde::Serialize;

use super::figure::percent_reached;
use super::measures::{Counting, Effect, Levels, MeasureSettings, Money, YenUnit};
use super::{FiscalYear, Initiative, Report};

/// The figures of a set of initiatives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Each level of the scale with how many initiatives it rates, in the scale's order; then
    /// each code the scale does not have, as written, in the order met.
    pub ratings: Vec<(String, usize)>,
    /// Initiatives with a rating that counts (対象外 left out): the rates' "all".
    pub rated: usize,
    /// Initiatives without any rating.
    pub unrated: usize,
    pub indicators: usize,
    /// Indicators whose actual is at or past the year's target.
    pub indicators_met: usize,
    /// Indicators with both a target and an actual for the year.
    pub indicators_measured: usize,
    /// Totals in yen; `None` when no initiative has such a figure, or when the sum does not
    /// fit in the whole yen kept (`i64`, about 9.2 × 10^18 yen): `too_large` then says so.
    pub planned_yen: Option<i64>,
    pub actual_yen: Option<i64>,
    /// Which totals do not fit: not computable, shown as such wherever the totals are shown
    /// and said by `check` — never a number cut at the largest one kept.
    pub too_large: TooLarge,
    /// Counted cumulatively, the initiatives whose total is an earlier year's figure: the
    /// latest year's is blank or was not read. The programme's ([`Tally::of_report`]) only,
    /// for `check --json` and the web page's note; empty in a section's.
    pub earlier: Vec<EarlierFigure>,
}

/// Which of a tally's effect totals do not fit in the whole yen kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TooLarge {
    pub planned: bool,
    pub actual: bool,
}

impl TooLarge {
    pub fn any(self) -> bool {
        self.planned || self.actual
    }
}

/// A sum of amounts in yen: nothing to add, or the sum — kept wider than an amount so that
/// whether a total fits does not hang on the order it is added in (`MAX + 1 − 10` fits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sum {
    Nothing,
    Yen(i128),
}

impl Sum {
    fn of(yen: i64) -> Sum {
        Sum::Yen(i128::from(yen))
    }

    fn plus(self, more: Sum) -> Sum {
        match (self, more) {
            // Amounts are i64: 2^64 of them would be needed to overflow this.
            (Sum::Yen(a), Sum::Yen(b)) => Sum::Yen(a.saturating_add(b)),
            (Sum::Nothing, x) | (x, Sum::Nothing) => x,
        }
    }

    fn yen(self) -> Option<i64> {
        match self {
            Sum::Yen(y) => i64::try_from(y).ok(),
            Sum::Nothing => None,
        }
    }

    fn too_large(self) -> bool {
        matches!(self, Sum::Yen(y) if i64::try_from(y).is_err())
    }
}

/// A cumulative total taken from an earlier year than the one it should be of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EarlierFigure {
    /// The initiative's number.
    pub initiative: String,
    /// Of the planned effects (計画額), else the actual ones (実績額).
    pub planned: bool,
    /// The fiscal year whose figure the total took.
    pub taken_from: i32,
    /// The latest fiscal year it should be of: for planned effects the last year listed, for
    /// actual ones the last up to the report's year (later years have none yet).
    pub latest: i32,
    /// That year's figure was written but could not be read in yen (else it is blank).
    pub unread: bool,
}

/// A rate as the 集計表 shows it: `50%`, `—` when there is none.
pub fn rate_text(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".into(), super::measures::percent_text)
}

impl Tally {
    /// The codes a 集計表 counts, a column each: the scale's levels in order, then each code
    /// the scale lacks, as written (counted, never left out).
    pub fn codes(&self) -> Vec<String> {
        self.ratings.iter().map(|(c, _)| c.clone()).collect()
    }

    /// One row of the 集計表 as text, the same in the printout, the web page and the window:
    /// the initiatives each of `codes` rates, 未評価, 数値目標等達成率, 計画実施率, the indicators
    /// met of those measured, and the effects planned and actual as `money` writes an amount
    /// in yen (`None`: no figure) — or `too_large` for a total that does not fit.
    pub fn row_figures(
        &self,
        settings: &MeasureSettings,
        codes: &[String],
        money: impl Fn(Option<i64>) -> String,
        too_large: &str,
    ) -> Vec<String> {
        // Looked up, not searched: a row of thousands of codes was quadratic.
        let counts: std::collections::HashMap<&str, usize> = self
            .ratings
            .iter()
            .rev()
            .map(|(c, n)| (c.as_str(), *n))
            .collect();
        let mut cells: Vec<String> = codes
            .iter()
            .map(|code| counts.get(code.as_str()).copied().unwrap_or(0).to_string())
            .collect();
        cells.push(self.unrated.to_string());
        cells.push(rate_text(self.top_rate(settings, 1)));
        cells.push(rate_text(self.top_rate(settings, 2)));
        cells.push(format!(
            "{} / {}",
            self.indicators_met, self.indicators_measured
        ));
        for (yen, large) in [
            (self.planned_yen, self.too_large.planned),
            (self.actual_yen, self.too_large.actual),
        ] {
            cells.push(if large {
                too_large.to_string()
            } else {
                money(yen)
            });
        }
        cells
    }

    /// The figures of `initiatives`, for the report's fiscal year.
    pub fn of<'a>(
        settings: &MeasureSettings,
        year: FiscalYear,
        initiatives: impl Iterator<Item = &'a Initiative>,
    ) -> Tally {
        let (mut planned, mut actual) = (Sum::Nothing, Sum::Nothing);
        let mut tally = Tally {
            ratings: settings
                .rating_scale
                .iter()
                .map(|l| (l.code.clone(), 0))
                .collect(),
            ..Tally::default()
        };
        // The scale and the tally's codes looked up, not searched: thousands of levels and as
        // many ratings were quadratic. A code is counted at its first place, as a search found.
        let levels = settings.levels();
        let mut at: std::collections::HashMap<String, usize> =
            std::collections::HashMap::with_capacity(tally.ratings.len());
        for (k, (c, _)) in tally.ratings.iter().enumerate() {
            at.entry(c.clone()).or_insert(k);
        }
        for i in initiatives {
            let m = i.measures();
            match m.final_rating() {
                Some(r) => {
                    let level = levels.level(&r.code);
                    let code = level.map_or(r.code.as_str(), |l| l.code.as_str());
                    match at.get(code) {
                        Some(&k) => tally.ratings[k].1 += 1,
                        None => {
                            at.insert(code.to_string(), tally.ratings.len());
                            tally.ratings.push((code.to_string(), 1));
                        }
                    }
                    if !level.is_some_and(|l| l.not_applicable) {
                        tally.rated += 1;
                    }
                }
                None => tally.unrated += 1,
            }
            for indicator in &m.indicators {
                tally.indicators += 1;
                if let Some(met) = indicator.met(year) {
                    tally.indicators_measured += 1;
                    tally.indicators_met += usize::from(met);
                }
            }
            let (p, a) = sums(&m.effects, settings.counting, year);
            (planned, actual) = (planned.plus(p), actual.plus(a));
        }
        (tally.planned_yen, tally.actual_yen) = (planned.yen(), actual.yen());
        tally.too_large = TooLarge::of((planned, actual));
        tally
    }

    /// The programme's figures.
    pub fn of_report(report: &Report) -> Tally {
        let mut tally = Tally::of(
            &report.measure_settings,
            report.fiscal_year,
            report.initiatives(),
        );
        tally.earlier = earlier_figures_of(report);
        tally
    }

    /// How many initiatives the first `levels` levels of the scale rate, ÷ all, in %:
    /// 群馬県's 数値目標等達成率 is `top_rate(scale, 1)` (A ÷ all), its 計画実施率
    /// `top_rate(scale, 2)` ((A + B) ÷ all). All are the initiatives rated and those not rated
    /// yet (one not rated is one not achieved), 対象外 left out. `None` when nothing is rated
    /// or the scale is shorter. Short of all it reads at most 99.9.
    pub fn top_rate(&self, settings: &MeasureSettings, levels: usize) -> Option<f64> {
        let usable = settings.codes(true);
        if self.rated == 0 || usable.len() < levels {
            return None;
        }
        let all = self.rated + self.unrated;
        let top: usize = self
            .ratings
            .iter()
            .filter(|(c, _)| usable[..levels].contains(&c.as_str()))
            .map(|(_, n)| n)
            .sum();
        // As an indicator's rate: 1,999 of 2,000 is 99.9, not 100.0 beside one not there.
        percent_reached(top as i128, all as i128)
    }
}

/// Which effect totals do not fit, for each section of `report` and for the programme: one
/// pass over the effects (`check` asks after every step on the numbers; a whole [`Tally`] per
/// section would count the ratings and indicators again for nothing).
pub fn too_large_totals(report: &Report) -> (Vec<TooLarge>, TooLarge) {
    let counting = report.measure_settings.counting;
    let mut all = (Sum::Nothing, Sum::Nothing);
    let mut sections = Vec::new();
    for section in &report.sections {
        let mut here = (Sum::Nothing, Sum::Nothing);
        for i in &section.initiatives {
            let (p, a) = sums(&i.measures().effects, counting, report.fiscal_year);
            here = (here.0.plus(p), here.1.plus(a));
        }
        all = (all.0.plus(here.0), all.1.plus(here.1));
        sections.push(TooLarge::of(here));
    }
    (sections, TooLarge::of(all))
}

impl TooLarge {
    fn of((planned, actual): (Sum, Sum)) -> TooLarge {
        TooLarge {
            planned: planned.too_large(),
            actual: actual.too_large(),
        }
    }
}

/// An initiative's planned and actual effects over its years (actuals up to `year`, the
/// report's), counted as the report says: single-year figures are summed; cumulative ones are
/// running totals, so the latest year with a figure is the total (summing them would count a
/// saving once for every later year).
/// `None` when there is no figure, or when the sum does not fit (the tally says which).
pub fn effect_totals(
    effects: &[Effect],
    counting: Counting,
    year: FiscalYear,
) -> (Option<i64>, Option<i64>) {
    let (planned, actual) = sums(effects, counting, year);
    (planned.yen(), actual.yen())
}

/// The planned effects of every year listed, the actual ones up to `year`, the report's (a
/// later year has none yet: one written is not counted, as [`earlier_figures`] has it).
fn sums(effects: &[Effect], counting: Counting, year: FiscalYear) -> (Sum, Sum) {
    let total = |pick: fn(&Effect) -> &Money, up_to: FiscalYear| {
        let years = effects.iter().filter(|e| e.fiscal_year <= up_to);
        match counting {
            Counting::SingleYear => years
                .filter_map(|e| pick(e).yen)
                .fold(Sum::Nothing, |acc, y| acc.plus(Sum::of(y))),
            Counting::Cumulative => years
                .rev()
                .find_map(|e| pick(e).yen)
                .map_or(Sum::Nothing, Sum::of),
        }
    };
    (
        total(|e| &e.planned, FiscalYear(i32::MAX)),
        total(|e| &e.actual, year),
    )
}

/// Every initiative's [`earlier_figures`], when the report counts its effects cumulatively.
pub fn earlier_figures_of(report: &Report) -> Vec<EarlierFigure> {
    if report.measure_settings.counting != Counting::Cumulative {
        return Vec::new();
    }
    // The effects table's years are the programme's: an initiative whose cells of the latest
    // year were both blank has no figure of that year at all, and its total taking the year
    // before went unsaid.
    let Some(last) = (report.initiatives())
        .flat_map(|i| i.measures().effects.iter().map(|e| e.fiscal_year))
        .max()
    else {
        return Vec::new();
    };
    report
        .initiatives()
        .flat_map(|i| earlier_figures(i, report.fiscal_year, last))
        .collect()
}

/// Where an initiative's cumulative totals come from an earlier year than the latest: the
/// latest year the programme's effects list (`last`; for actuals, the latest up to `year`, the
/// report's) has no figure in yen for it, so [`effect_totals`] takes the one before it.
pub fn earlier_figures(i: &Initiative, year: FiscalYear, last: FiscalYear) -> Vec<EarlierFigure> {
    let effects = &i.measures().effects;
    let mut out = Vec::new();
    if effects.is_empty() {
        return out;
    }
    for planned in [true, false] {
        let pick: fn(&Effect) -> &Money = if planned {
            |e| &e.planned
        } else {
            |e| &e.actual
        };
        let latest_year = if planned { last } else { last.min(year) };
        let latest = effects.iter().find(|e| e.fiscal_year == latest_year);
        let taken = effects
            .iter()
            .rev()
            .filter(|e| e.fiscal_year <= latest_year)
            .find(|e| pick(e).yen.is_some())
            .map(|e| e.fiscal_year);
        match taken {
            Some(taken) if taken < latest_year => out.push(EarlierFigure {
                initiative: i.number.clone(),
                planned,
                taken_from: taken.0,
                latest: latest_year.0,
                unread: latest.is_some_and(|e| !pick(e).unread.is_empty()),
            }),
            _ => {}
        }
    }
    out
}

/// A rating as the printout and the web page write it: the level's code and label, or a code the scale lacks as written and
/// said to be so.
pub fn rating_words(levels: &Levels<'_>, code: &str) -> String {
    match levels.level(code) {
        // 対象外 is often its own label: said once.
        Some(level) if level.label.trim().is_empty() || level.label == level.code => {
            level.code.clone()
        }
        Some(level) => format!("{} {}", level.code, level.label),
        None => format!("{code}（評価基準にない）"),
    }
}

/// The 集計表's headings, as the printout and the web page both write them: 区分, a level's
/// code and label (a code the scale lacks said to be so), then the rates, the indicators met
/// and the effects' totals in the report's unit. The page wrote `対象外 対象外` and a bare `Z`
/// where the printout had `対象外` and `Z（評価基準にない）`.
pub fn headings(settings: &MeasureSettings, codes: &[String]) -> Vec<String> {
    let unit = settings.yen_unit.label();
    let levels = settings.levels();
    let mut headings: Vec<String> = vec!["区分".into()];
    headings.extend(codes.iter().map(|c| rating_words(&levels, c)));
    headings.extend([
        "未評価".to_string(),
        "数値目標等達成率".into(),
        "計画実施率".into(),
        "目標達成の指標".into(),
        format!("効果額 計画（{unit}）"),
        format!("効果額 実績（{unit}）"),
    ]);
    headings
}

/// A total of effects as the 集計表 writes it, in `unit` (named in its heading): thousands
/// grouped, `12,352,038.701`, a minus `△`; `—` for none. The web page wrote `12352038.701百万円`.
pub fn total_text(yen: Option<i64>, unit: YenUnit) -> String {
    yen.map_or_else(
        || "—".into(),
        |y| super::figure::grouped(&Money::yen(y).display(unit)),
    )
}

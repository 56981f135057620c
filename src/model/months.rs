//! Months of a fiscal year (April → March) and the month expressions reports write:
//! `4月～9月`, `6月～`, `11月～1月`, `4月、9月`, `5月～7月及び12月～2月の年2回`, `通年`, `随時`,
//! `8月～10月予定`, `第1四半期`, `年度内`, `6月上旬`, era dates such as
//! `平成 29 年6月1日～平成 29 年9月 29 日`.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::era;
use super::text::normalize;
use crate::lang::{Describe, Lang, say};

/// Calendar month numbers in fiscal order.
pub const FISCAL_MONTHS: [u8; 12] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

/// Position of a calendar month (1–12) in the fiscal year: April is 0, March is 11.
pub fn fiscal_index(calendar_month: u8) -> Option<usize> {
    (1..=12)
        .contains(&calendar_month)
        .then(|| (calendar_month as usize + 8) % 12)
}

/// A set of months of one fiscal year, one bit per month, April first.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MonthSet(u16);

impl MonthSet {
    pub const EMPTY: MonthSet = MonthSet(0);
    pub const ALL: MonthSet = MonthSet(0x0FFF);

    /// Months from `first` to `last` (calendar numbers) in fiscal order; `11`..`1` crosses the
    /// calendar year. A range whose end comes before its start in the fiscal year is cut at March.
    pub fn range(first: u8, last: u8) -> MonthSet {
        let (Some(a), Some(b)) = (fiscal_index(first), fiscal_index(last)) else {
            return MonthSet::EMPTY;
        };
        let b = if b < a { 11 } else { b };
        let mut set = MonthSet::EMPTY;
        for i in a..=b {
            set.0 |= 1 << i;
        }
        set
    }

    pub fn single(month: u8) -> MonthSet {
        MonthSet::range(month, month)
    }

    pub fn from_fiscal_indices(indices: impl IntoIterator<Item = usize>) -> MonthSet {
        let mut set = MonthSet::EMPTY;
        for i in indices.into_iter().filter(|i| *i < 12) {
            set.0 |= 1 << i;
        }
        set
    }

    pub fn union(self, other: MonthSet) -> MonthSet {
        MonthSet(self.0 | other.0)
    }

    pub fn intersect(self, other: MonthSet) -> MonthSet {
        MonthSet(self.0 & other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn contains_fiscal(self, index: usize) -> bool {
        index < 12 && self.0 & (1 << index) != 0
    }

    pub fn contains(self, calendar_month: u8) -> bool {
        fiscal_index(calendar_month).is_some_and(|i| self.contains_fiscal(i))
    }

    /// Fiscal indices (0 = April) of the months in the set.
    pub fn fiscal_indices(self) -> impl Iterator<Item = usize> {
        (0..12).filter(move |i| self.contains_fiscal(*i))
    }

    /// Calendar month numbers in fiscal order: `[11, 12, 1]` for 11月～1月.
    pub fn calendar_months(self) -> Vec<u8> {
        self.fiscal_indices().map(|i| FISCAL_MONTHS[i]).collect()
    }

    /// Runs of consecutive months as (first, last) fiscal indices: what a bar is drawn over.
    pub fn runs(self) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start = None;
        for i in 0..=12 {
            match (start, self.contains_fiscal(i)) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    runs.push((s, i - 1));
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }

    pub fn first(self) -> Option<usize> {
        self.fiscal_indices().next()
    }

    pub fn last(self) -> Option<usize> {
        self.fiscal_indices().last()
    }

    /// The stored number (bit 0 = April … bit 11 = March).
    pub fn bits(self) -> u16 {
        self.0
    }

    /// No bit beyond March: a set read from a file could hold months that do not exist.
    pub fn is_within_year(self) -> bool {
        self.0 & !Self::ALL.0 == 0
    }

    /// Written the way reports write it: `4月～9月`, `4月、9月`, `11月～1月`.
    pub fn to_japanese(self) -> String {
        self.runs()
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    format!("{}月", FISCAL_MONTHS[a])
                } else {
                    format!("{}月～{}月", FISCAL_MONTHS[a], FISCAL_MONTHS[b])
                }
            })
            .collect::<Vec<_>>()
            .join("、")
    }
}

impl fmt::Debug for MonthSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MonthSet{:?}", self.calendar_months())
    }
}

/// What kind of time a month expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimingKind {
    /// Named months: `4月～9月`, `6月～`, `4月、9月`, `第1四半期`.
    Months,
    /// `通年`: the whole year.
    AllYear,
    /// `随時`: as needed, no fixed month.
    AsNeeded,
    /// `年度内`: some time within the fiscal year.
    WithinYear,
}

/// A month expression as understood: which months, and how they were qualified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    pub kind: TimingKind,
    pub months: MonthSet,
    /// `6月～`: starts and keeps going; the set runs to March.
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_false")]
    pub open_end: bool,
    /// `予定`: scheduled, not yet done.
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_false")]
    pub scheduled: bool,
    /// `年2回`: how many times within the months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
}

impl Timing {
    pub fn months(months: MonthSet) -> Timing {
        Timing {
            kind: TimingKind::Months,
            months,
            open_end: false,
            scheduled: false,
            times: None,
        }
    }

    /// Written back the way a report writes it (without brackets).
    pub fn to_japanese(&self) -> String {
        let mut s = match self.kind {
            TimingKind::AllYear => "通年".to_string(),
            TimingKind::AsNeeded => "随時".to_string(),
            TimingKind::WithinYear => "年度内".to_string(),
            // `6月～` runs to March: written as the last run's start with an open end, after
            // the runs before it (`5月～7月、12月～`), so that it reads back the same.
            TimingKind::Months if self.open_end => match self.months.runs().split_last() {
                Some((&(a, 11), before)) => {
                    let before =
                        MonthSet::from_fiscal_indices(before.iter().flat_map(|&(x, y)| x..=y));
                    let open = format!("{}月～", FISCAL_MONTHS[a]);
                    if before.is_empty() {
                        open
                    } else {
                        format!("{}、{open}", before.to_japanese())
                    }
                }
                _ => self.months.to_japanese(),
            },
            TimingKind::Months => self.months.to_japanese(),
        };
        if let Some(n) = self.times {
            s.push_str(&format!("の年{n}回"));
        }
        if self.scheduled {
            s.push_str("予定");
        }
        s
    }
}

/// Why a month expression could not be read: a kind, worded by [`Describe`] in the window's
/// language (the 時期 field shows it as it is typed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum MonthProblem {
    Empty,
    /// Only separators or words: no month named.
    NoMonth,
    /// `～` with nothing on either side.
    RangeWithoutMonths,
    /// `2月～5月`: the end comes before the start in the fiscal year.
    RunsPastMarch {
        first: u8,
        last: u8,
    },
    /// `平成29月` — an era year not followed by 年.
    YearWithoutNen {
        point: String,
    },
    /// Not a number where a month was expected.
    NotAMonth {
        point: String,
    },
    NoSuchMonth {
        month: u8,
    },
    /// `6` without 月.
    NumberWithoutTsuki {
        point: String,
    },
    /// `6月1` without 日.
    DayWithoutNichi {
        point: String,
    },
    /// `6月ごろまで`: words after the month that are not a part of one.
    NotPartOfMonth {
        text: String,
        month: u8,
    },
    /// `説明会を6月に開催`: a month written outside any bracket, where months are not read.
    OutsideBracket,
    /// Longer than any month expression ([`MAX_TIMING_BYTES`]): not read as one.
    TooLong,
    /// `翌年4月`: a month of the next calendar year past March, outside the fiscal year.
    NextYearOutside {
        month: u8,
    },
}

/// The longest month expression read, in bytes (about 130 characters of Japanese; every month
/// of the year listed with 予定 is some 60). A bracket's text is tried as months from each of
/// its breaks, and a longer text read each time made a 42 KB result take minutes.
pub const MAX_TIMING_BYTES: usize = 400;

impl Describe for MonthProblem {
    fn describe(&self, lang: Lang) -> String {
        use MonthProblem as P;
        match self {
            P::Empty => say(lang, "空です".into(), "it is empty".into()),
            P::NoMonth => say(lang, "月がありません".into(), "no month in it".into()),
            P::TooLong => say(
                lang,
                "時期として読むには長すぎます".into(),
                "too long to be read as months".into(),
            ),
            P::NextYearOutside { month } => say(
                lang,
                format!("翌年{month}月は年度（4月～翌年3月）の外です"),
                format!(
                    "翌年{month}月 (month {month} of the next year) is outside the fiscal year"
                ),
            ),
            P::RangeWithoutMonths => say(
                lang,
                "「～」の前後に月がありません".into(),
                "a range with no months".into(),
            ),
            P::RunsPastMarch { first, last } => say(
                lang,
                format!("{first}月～{last}月は年度末（3月）を越えます"),
                format!("{first}月～{last}月 runs past March, the end of the fiscal year"),
            ),
            P::YearWithoutNen { point } => say(
                lang,
                format!("「{point}」: 年号の数字の後に「年」がありません"),
                format!("「{point}」: a year without 年"),
            ),
            P::NotAMonth { point } => say(
                lang,
                format!("「{point}」は月ではありません"),
                format!("「{point}」 does not name a month"),
            ),
            P::NoSuchMonth { month } => say(
                lang,
                format!("{month}月という月はありません"),
                format!("there is no month {month}"),
            ),
            P::NumberWithoutTsuki { point } => say(
                lang,
                format!("「{point}」: 数字の後に「月」がありません"),
                format!("「{point}」: a number without 月"),
            ),
            P::DayWithoutNichi { point } => say(
                lang,
                format!("「{point}」: 日付の後に「日」がありません"),
                format!("「{point}」: a day without 日"),
            ),
            P::OutsideBracket => say(
                lang,
                "括弧の外の時期は読みません。「(6月)」のように括弧で書いてください".into(),
                "months outside brackets are not read; write them in brackets, as (6月)".into(),
            ),
            P::NotPartOfMonth { text, month } => say(
                lang,
                format!("{month}月の後の「{text}」は月の一部として読めません"),
                format!("「{text}」 after {month}月 is not a part of a month"),
            ),
        }
    }
}

/// A month expression that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthError {
    pub expression: String,
    pub problem: MonthProblem,
}

impl Describe for MonthError {
    fn describe(&self, lang: Lang) -> String {
        say(
            lang,
            format!(
                "時期「{}」が読めません: {}",
                self.expression,
                self.problem.describe(lang)
            ),
            format!(
                "month expression 「{}」 not understood: {}",
                self.expression,
                self.problem.describe(lang)
            ),
        )
    }
}

impl fmt::Display for MonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for MonthError {}

/// Reads a month expression (without its brackets). Kept strict: anything it does not fully
/// understand is an error, so that the caller keeps the text as written and warns.
pub fn parse_timing(expression: &str) -> Result<Timing, MonthError> {
    let fail = |problem: MonthProblem| MonthError {
        expression: expression.to_string(),
        problem,
    };
    if expression.len() > MAX_TIMING_BYTES {
        // Clipped, not copied: a reader tries many long texts as months, and copying each
        // whole made a 2 MB bracket of months take minutes.
        return Err(MonthError {
            expression: super::text::clipped(expression, MAX_TIMING_BYTES / 3),
            problem: MonthProblem::TooLong,
        });
    }
    let mut s = normalize(expression);
    if s.is_empty() {
        return Err(fail(MonthProblem::Empty));
    }
    let mut scheduled = false;
    for suffix in ["予定", "(予定)", "（予定）"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            scheduled = true;
            s = rest.to_string();
            break;
        }
    }
    // `9月開催予定`, `下期に実施予定`: what is planned, said before 予定.
    if scheduled
        && let Some(rest) = ["に実施", "に開催", "実施", "開催"]
            .iter()
            .find_map(|w| s.strip_suffix(w))
    {
        s = rest.to_string();
    }
    // A dash as CP932 writes one (`―`, for `—`), or typed as a long vowel mark (`6月ー8月`).
    if s.contains(['―', 'ー']) {
        s = s.replace(['―', 'ー'], "～");
    }
    // `6月から`, `6月以降`, `6月より` are `6月～`; `6月から8月まで` is `6月～8月`, and `8月まで`
    // is `～8月`.
    for word in ["から", "以降", "より"] {
        if s.contains(word) {
            s = s.replace(word, "～");
        }
    }
    if let Some(rest) = s.strip_suffix("まで") {
        s = if rest.contains('～') {
            rest.to_string()
        } else {
            format!("～{rest}")
        };
    }
    let mut times = None;
    if let Some(pos) = s.rfind("年") {
        let tail = &s[pos + "年".len()..];
        if let Some(n) = tail.strip_suffix("回").and_then(|d| d.parse::<u32>().ok()) {
            times = Some(n);
            s.truncate(pos);
            if let Some(rest) = s.strip_suffix("の") {
                s = rest.to_string();
            }
        }
    }
    // `毎月1回`: every month, so many times in each.
    if let Some(n) = s
        .strip_prefix("毎月")
        .and_then(|r| r.strip_suffix('回'))
        .and_then(|d| d.parse::<u32>().ok())
    {
        times = Some(n);
        s = "毎月".into();
    }
    let simple = |kind, months| {
        Ok(Timing {
            kind,
            months,
            open_end: false,
            scheduled,
            times,
        })
    };
    match s.as_str() {
        "通年" | "年間" => return simple(TimingKind::AllYear, MonthSet::ALL),
        "随時" => return simple(TimingKind::AsNeeded, MonthSet::EMPTY),
        "年度内" => return simple(TimingKind::WithinYear, MonthSet::ALL),
        "年度末" => return simple(TimingKind::Months, MonthSet::single(3)),
        // Every month of the year is written 毎月 as often as 通年.
        "毎月" => return simple(TimingKind::AllYear, MonthSet::ALL),
        "上半期" | "上期" => return simple(TimingKind::Months, MonthSet::range(4, 9)),
        "下半期" | "下期" => return simple(TimingKind::Months, MonthSet::range(10, 3)),
        "" => return Err(fail(MonthProblem::NoMonth)),
        _ => {}
    }
    let mut months = MonthSet::EMPTY;
    let mut open_end = false;
    let parts = split_list(&s);
    for (n, part) in parts.iter().enumerate() {
        let part = without_round(part);
        // `5・6月`, `6、9月`: a bare number listed before a month is a month too.
        let bare = bare_month(part).filter(|_| parts[n + 1..].iter().any(|p| p.contains('月')));
        let (set, open) = match bare {
            Some(m) => (MonthSet::single(m), false),
            None => parse_part(part).map_err(fail)?,
        };
        months = months.union(set);
        open_end |= open;
    }
    // Only separators (`,`, `、`, `及び`): no month at all, and nothing to write back.
    if months.is_empty() {
        return Err(fail(MonthProblem::NoMonth));
    }
    Ok(Timing {
        kind: TimingKind::Months,
        months,
        open_end,
        scheduled,
        times,
    })
}

fn split_list(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    // `／` too (`6月／9月`); a half-width `/` writes dates (`2017/6`), so it lists nothing.
    for sep in ["及び", "および", "、", "・", "並びに", "と", "／"] {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts.into_iter().flat_map(month_after_month).collect()
}

/// `6月9月` (written `6月 9月`, the space gone when read) is two months: a 月 followed by a
/// number that ends in 月 again, not in 日 (`6月1日`), ends a part.
fn month_after_month(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in part.char_indices() {
        if c != '月' {
            continue;
        }
        let after = i + c.len_utf8();
        let (digits, rest) = split_digits(&part[after..]);
        if !digits.is_empty() && rest.starts_with('月') {
            out.push(&part[start..after]);
            start = after;
        }
    }
    out.push(&part[start..]);
    out
}

/// `6` in `6、9月`: a number that can be a month, and nothing else.
fn bare_month(part: &str) -> Option<u8> {
    let (digits, rest) = split_digits(part);
    let month: u8 = digits.parse().ok()?;
    (rest.is_empty() && (1..=12).contains(&month)).then_some(month)
}

/// `第1回：6月` (or `第1回 6月`, the space gone when read), `6月：第1回` are `6月`: a list of
/// months may name each round (the name stays in the text).
fn without_round(part: &str) -> &str {
    // After the month: `6月：第1回`.
    if let Some((months, round)) = part.rsplit_once(['：', ':'])
        && let Some(n) = round.strip_prefix('第').and_then(|r| r.strip_suffix('回'))
        && !n.is_empty()
        && n.chars().all(|c| c.is_ascii_digit())
    {
        return months;
    }
    let Some(rest) = part.strip_prefix('第') else {
        return part;
    };
    let (digits, rest) = split_digits(rest);
    let Some(rest) = rest.strip_prefix('回').filter(|_| !digits.is_empty()) else {
        return part;
    };
    match rest.strip_prefix(['：', ':']) {
        Some(months) => months,
        None if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        None => part,
    }
}

/// One list part: a range `A～B`, an open range `A～` / `～B`, a quarter or a single month.
fn parse_part(part: &str) -> Result<(MonthSet, bool), MonthProblem> {
    if let Some(q) = parse_quarter(part) {
        return Ok((q, false));
    }
    // A half in a list: `上期、下期` is the whole year.
    match part {
        "上半期" | "上期" => return Ok((MonthSet::range(4, 9), false)),
        "下半期" | "下期" => return Ok((MonthSet::range(10, 3), false)),
        _ => {}
    }
    if let Some((a, b)) = part.split_once('～') {
        return match (a.is_empty(), b.is_empty()) {
            (true, true) => Err(MonthProblem::RangeWithoutMonths),
            (false, true) => Ok((MonthSet::range(parse_point(a)?, 3), true)),
            (true, false) => Ok((MonthSet::range(4, parse_point(b)?), false)),
            (false, false) => {
                // `6～8月`: the first month written as a bare number.
                let first = match bare_month(a) {
                    Some(m) if b.contains('月') => m,
                    _ => parse_point(a)?,
                };
                let (first, last) = (first, parse_point(b)?);
                if fiscal_index(last) < fiscal_index(first) {
                    return Err(MonthProblem::RunsPastMarch { first, last });
                }
                Ok((MonthSet::range(first, last), false))
            }
        };
    }
    Ok((MonthSet::single(parse_point(part)?), false))
}

/// `第1四半期` … `第4四半期` (fiscal quarters: the first is April–June).
fn parse_quarter(part: &str) -> Option<MonthSet> {
    let n = part.strip_prefix('第')?.strip_suffix("四半期")?;
    let n = match n {
        "1" | "一" => 0,
        "2" | "二" => 1,
        "3" | "三" => 2,
        "4" | "四" => 3,
        _ => return None,
    };
    Some(MonthSet::from_fiscal_indices(n * 3..n * 3 + 3))
}

/// One point in time: `6月`, `6月上旬`, `6月1日`, `平成29年6月1日`, `R1年6月`, `H29.6`,
/// `2017年6月`, `2017/6`. Returns the month (the year is not kept: the report's period says it).
fn parse_point(point: &str) -> Result<u8, MonthProblem> {
    // `翌年3月`, `翌3月`: a month of the fiscal year's second calendar year, as a run past
    // December is written (`9月～翌年3月`); its months and its 予定 were lost.
    if let Some(rest) = point
        .strip_prefix("翌年")
        .or_else(|| point.strip_prefix('翌'))
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return match parse_point(rest)? {
            month @ 1..=3 => Ok(month),
            month => Err(MonthProblem::NextYearOutside { month }),
        };
    }
    let (rest, dotted) = without_year(point)?;
    let (digits, after) = split_digits(rest);
    let month: u8 = digits.parse().map_err(|_| MonthProblem::NotAMonth {
        point: point.to_string(),
    })?;
    if !(1..=12).contains(&month) {
        return Err(MonthProblem::NoSuchMonth { month });
    }
    let mut after = match after.strip_prefix('月') {
        Some(after) => after,
        // `H29.6`: after a dotted year the month needs no 月.
        None if dotted && after.is_empty() => after,
        None => {
            return Err(MonthProblem::NumberWithoutTsuki {
                point: point.to_string(),
            });
        }
    };
    let (day, tail) = split_digits(after);
    if !day.is_empty() {
        after = tail
            .strip_prefix('日')
            .ok_or_else(|| MonthProblem::DayWithoutNichi {
                point: point.to_string(),
            })?;
    }
    match after {
        "" | "上旬" | "中旬" | "下旬" | "初旬" | "初め" | "頃" | "ごろ" | "末" | "中" => {
            Ok(month)
        }
        other => Err(MonthProblem::NotPartOfMonth {
            text: other.to_string(),
            month,
        }),
    }
}

/// The point without the year written before its month — an era year (`平成29年`, `R1年`,
/// `H29.`), a Western one (`2017年`, `2017/`) or one whose era is left out (`29年`) — and whether the year ended in a dot or a
/// slash rather than 年.
fn without_year(point: &str) -> Result<(&str, bool), MonthProblem> {
    let Some((_, after_year)) = written_year(point) else {
        // `29年6月`: a year of the report's era, its era not written.
        let (digits, rest) = split_digits(point);
        return match rest.strip_prefix('年') {
            Some(month)
                if (1..=2).contains(&digits.len())
                    && month.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                Ok((month, false))
            }
            _ => Ok((point, false)),
        };
    };
    if let Some(rest) = after_year.strip_prefix('年') {
        return Ok((rest, false));
    }
    match after_year.strip_prefix(['.', '．', '/', '／']) {
        Some(rest) => Ok((rest, true)),
        None => Err(MonthProblem::YearWithoutNen {
            point: point.to_string(),
        }),
    }
}

/// The Western year written at the start of a point (`平成29年`, `H29.`, `2017年`, `2017/`),
/// and what follows it.
fn written_year(point: &str) -> Option<(i32, &str)> {
    era::split_era_year(point).or_else(|| {
        let (digits, rest) = split_digits(point);
        let year = digits.parse().ok().filter(|_| digits.len() == 4)?;
        rest.starts_with(['年', '.', '．', '/', '／'])
            .then_some((year, rest))
    })
}

/// The fiscal years named by the years written in a month expression (`平成29年6月` and
/// `H30.2` are both FY2017); none when no year is written. The months alone are the timing:
/// this is what tells a result of another year (`R1.6月` in an FY2017 report) to warn about.
pub fn fiscal_years_written(expression: &str) -> Vec<i32> {
    let mut s = normalize(expression);
    for suffix in ["予定", "(予定)", "（予定）"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s.truncate(rest.len());
            break;
        }
    }
    let mut years = Vec::new();
    for part in split_list(&s) {
        for point in without_round(part).split('～') {
            if let (Some((year, _)), Ok(month)) = (written_year(point), parse_point(point)) {
                years.push(if month <= 3 { year - 1 } else { year });
            }
        }
    }
    years
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// Does this bracketed text look like it means to be a month expression? Used to tell a
/// timing that could not be read (warn) from ordinary brackets such as `(仮称)`.
pub fn looks_like_timing(text: &str) -> bool {
    let s = normalize(text);
    s.contains('月')
        || numbers_of_a_date(&s)
        || parse_timing(&s).is_ok()
        || [
            "通年",
            "随時",
            "年度内",
            "年度末",
            "四半期",
            "上旬",
            "中旬",
            "下旬",
            "上半期",
            "下半期",
            "上期",
            "下期",
        ]
        .iter()
        .any(|k| s.contains(k))
}

/// `10～`, `～12`, `H29.10`, `2017/6`: months written as bare numbers with a range mark or a
/// dotted year, and nothing else — meant as months, though 月 is missing.
fn numbers_of_a_date(s: &str) -> bool {
    // `6/1`, `9/1実施`: a month and a day.
    let bare = ["実施", "開催", "完了", "済み", "済", "予定"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
        .unwrap_or(s);
    if let Some((m, d)) = bare.split_once(['/', '／'])
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && m.chars().chain(d.chars()).all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // `29.6`: a year of the report's era and a month, the era left out.
    if let Some((y, m)) = bare.split_once(['.', '．'])
        && y.len() == 2
        && (1..=2).contains(&m.len())
        && y.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    {
        return true;
    }
    let (body, dated) = match era::strip_era_year(s) {
        Some(body) => (body, body.starts_with(['.', '．', '/', '／'])),
        None => {
            let (digits, rest) = split_digits(s);
            (
                s,
                digits.len() == 4 && rest.starts_with(['.', '．', '/', '／']),
            )
        }
    };
    body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '～' | '.' | '．' | '/' | '／' | '、' | '・')
        })
        && (dated || body.contains('～'))
}

//! Carrying a report into the next period (次の期間へ), the way the office starts each report
//! from the previous one. Ids are kept, so a report compares exactly with its successor.
//!
//! - First half → second half or full year: the period, the 実績 heading (`下半期実績(10月～3月)`
//!   or `実績`) and the title change; the as-of date stays where the closed report had it (see
//!   below); the first half's results stay in their topics, listed in [`Report::history`] as the first
//!   half's (each result belongs to one period: nothing is counted twice); results marked 予定
//!   are listed in `to_confirm`, whether their months had begun or are the new half's.
//! - Second half or full year → next fiscal year: the fiscal year advances (era and Western, in
//!   the title and the 年次計画 heading), the period becomes the first half, the stage plan and
//!   plan years are kept; every topic's 年次計画 and results move into the history (the
//!   comparison still finds them there) and a new 年次計画 is started from the stage plan: one
//!   line per action item and lane with a stage in the new year, for the office to fill in. In
//!   the programme's last plan year there is no next year: [`RolloverError::LastPlanYear`].
//!
//! **The as-of date of the new period.** Rolling over must not make anything late by itself:
//! nobody has answered yet. Within a year the as-of date stays the one the closed period was
//! reported as of (by default its last day, 30 September): no month of the new half has
//! passed, every status is what it was at the close (the same entries judged on the same day),
//! and the office moves 時点 on as the half passes. The end of the new period instead would make
//! every October–March plan line late at once; its first month, every October line. Into the
//! next year the as-of date is 1 April, the nearest the new year has to "not begun": the year's
//! 年次計画 and results are cleared, and the lines made from the stage plan name no month, so
//! nothing is late (only a line whose action item or stage is itself written with April in a
//! month bracket, `研修(4月)`, would be late on 1 April).

use crate::lang::{Describe, Lang, say};
use crate::model::entry_text::new_entry;
use crate::model::history::{ClearedTopic, PastPeriod};
use crate::model::text::normalize;
use crate::model::{AsOf, Entry, FiscalYear, Id, Initiative, Period, Report, StageSpan, Topic};

/// 1 April: a new fiscal year's as-of date when a report is carried into it.
const FIRST_DAY_OF_YEAR: AsOf = AsOf { month: 4, day: 1 };

/// Where to carry a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RolloverTo {
    /// 下半期 (October – March) of the same fiscal year.
    SecondHalf,
    /// 通期 / 年度末: the whole of the same fiscal year.
    FullYear,
    /// The first half of the next fiscal year.
    NextYear,
}

impl RolloverTo {
    /// As the command line writes it: `second-half`, `full-year`, `next-year`.
    pub fn key(self) -> &'static str {
        match self {
            RolloverTo::SecondHalf => "second-half",
            RolloverTo::FullYear => "full-year",
            RolloverTo::NextYear => "next-year",
        }
    }
}

/// Why a report cannot be carried where asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RolloverError {
    /// Only a first-half report goes on to the second half or the full year.
    NotFirstHalf { period: Period, to: RolloverTo },
    /// A first-half report: its fiscal year has not been closed.
    YearNotClosed,
    /// The report's year is the programme's last plan year.
    LastPlanYear { fiscal_year: FiscalYear },
}

impl Describe for RolloverError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            RolloverError::NotFirstHalf { period, to } => say(
                lang,
                format!(
                    "{}の報告です。{}へ進めるのは上半期の報告だけです",
                    period.japanese(),
                    match to {
                        RolloverTo::SecondHalf => "下半期",
                        _ => "通期",
                    }
                ),
                format!(
                    "the report is for the {}; only a first-half report goes on to the {}",
                    period.key().replace('_', " "),
                    to.key().replace('-', " ")
                ),
            ),
            RolloverError::YearNotClosed => say(
                lang,
                "上半期の報告です。次の年度へ進める前に、下半期か通期へ進めてください".into(),
                "the report is for the first half: carry it to the second half or the full year \
                 before the next fiscal year"
                    .into(),
            ),
            RolloverError::LastPlanYear { fiscal_year } => say(
                lang,
                format!(
                    "{}は取組の計画の最終年度です。次の年度はありません",
                    fiscal_year.era_form()
                ),
                format!(
                    "FY{} ({}) is the programme's last plan year: there is no next year to carry \
                     the report into",
                    fiscal_year.0,
                    fiscal_year.era_form()
                ),
            ),
        }
    }
}

impl std::fmt::Display for RolloverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for RolloverError {}

/// The report carried into the next period (see the module's description).
pub fn rollover(report: &Report, to: RolloverTo) -> Result<Report, RolloverError> {
    let mut next = match to {
        RolloverTo::SecondHalf => within_year(report, Period::SecondHalf, to),
        RolloverTo::FullYear => within_year(report, Period::FullYear, to),
        RolloverTo::NextYear => next_year(report),
    }?;
    // The identity is kept (the same programme's report, compared by id); the survey status
    // was the closed period's: the new period is surveyed afresh, and an answer to the old
    // one is refused by its period.
    next.survey.clear();
    Ok(next)
}

/// The period being closed, listing the results that are its own (not an earlier period's).
fn closing(report: &Report) -> PastPeriod {
    let earlier = report.earlier_results();
    let results = report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .map(|e| e.id)
        .filter(|id| !earlier.contains(id))
        .collect();
    PastPeriod {
        fiscal_year: report.fiscal_year,
        period: report.period,
        actual_heading: report.actual_heading(),
        as_of: report.as_of(),
        results,
        cleared: Vec::new(),
    }
}

fn within_year(report: &Report, period: Period, to: RolloverTo) -> Result<Report, RolloverError> {
    if report.period != Period::FirstHalf {
        return Err(RolloverError::NotFirstHalf {
            period: report.period,
            to,
        });
    }
    let mut next = report.clone();
    next.history.push(closing(report));
    // 予定 results: whether done is to be confirmed in the new period — those of months begun,
    // and those of the new half's months too (「(10月予定)」: left off the list, its workbook row
    // locked it as the first half's, and the division's 「(10月)」 came in as a second line).
    // Listed once each, looked up in a set (a list of a million was searched for each result).
    type Listed = (Vec<Id>, std::collections::HashSet<Id>);
    fn flag(list: &[Entry], out: &mut Listed) {
        for e in list {
            if e.timing.as_ref().is_some_and(|t| t.scheduled) && out.1.insert(e.id) {
                out.0.push(e.id);
            }
            flag(&e.subs, out);
        }
    }
    let mut listed: Listed = (std::mem::take(&mut next.to_confirm), Default::default());
    listed.1 = listed.0.iter().copied().collect();
    for t in report.initiatives().flat_map(|i| i.topics.iter()) {
        flag(&t.actual, &mut listed);
    }
    next.to_confirm = listed.0;
    next.period = period;
    // The closed period's day in force, kept: see the module's description.
    next.as_of = Some(report.as_of());
    next.headings.actual = match period {
        Period::FullYear => "実績".to_string(),
        _ => period.actual_heading(),
    };
    next.title = rewrite_period(&report.title, period);
    Ok(next)
}

fn next_year(report: &Report) -> Result<Report, RolloverError> {
    if report.period == Period::FirstHalf {
        return Err(RolloverError::YearNotClosed);
    }
    if report.fiscal_year >= report.plan_years.last {
        return Err(RolloverError::LastPlanYear {
            fiscal_year: report.fiscal_year,
        });
    }
    let year = FiscalYear(report.fiscal_year.0 + 1);
    let mut next = report.clone();
    let mut closed = closing(report);
    for initiative in next
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
    {
        if let Some(m) = initiative.measures.as_deref_mut() {
            m.close_year(report.fiscal_year);
        }
        for topic in &mut initiative.topics {
            closed.cleared.push(ClearedTopic {
                topic: topic.id,
                heading: topic.heading.clone(),
                plan: std::mem::take(&mut topic.plan),
                actual: std::mem::take(&mut topic.actual),
            });
        }
    }
    next.history.push(closed);
    next.to_confirm.clear();
    next.fiscal_year = year;
    next.period = Period::FirstHalf;
    next.as_of = Some(FIRST_DAY_OF_YEAR);
    next.headings.actual = Period::FirstHalf.actual_heading();
    next.headings.plan = rewrite_year(&report.headings.plan, report.fiscal_year, year);
    next.title = rewrite_period(
        &rewrite_year(&report.title, report.fiscal_year, year),
        Period::FirstHalf,
    );

    // The new 年次計画, started from the stage plan.
    let mut plans: Vec<(Id, Vec<(usize, String)>)> = Vec::new();
    for i in next.initiatives() {
        plans.push((i.id, stage_lines(i, year)));
    }
    for (initiative, lines) in plans {
        if lines.is_empty() {
            continue;
        }
        let entries: Vec<(usize, Entry)> = lines
            .iter()
            .map(|(item, text)| (*item, new_entry(&mut next, text).0))
            .collect();
        let topic_id = next.allocate_id();
        let Some(i) = next.initiative_mut(initiative) else {
            continue;
        };
        let entries = own_topics_take(i, entries);
        if entries.is_empty() {
            continue;
        }
        match i.topics.iter_mut().find(|t| t.heading.is_none()) {
            Some(t) => t.plan = entries,
            None => i.topics.insert(
                0,
                Topic {
                    id: topic_id,
                    heading: None,
                    division: None,
                    plan: entries,
                    actual: Vec::new(),
                },
            ),
        }
    }
    Ok(next)
}

/// In an initiative whose topics name their own 担当課 (none named for the initiative), each
/// new line goes to the topic its action item is (the topic whose heading the item's name holds:
/// 「弾力的な勤務形態の検討」 under <弾力的な勤務形態の検討>) — they all went to a topic of no
/// division, which the survey sent to nobody. Returns the lines no topic takes.
fn own_topics_take(i: &mut Initiative, entries: Vec<(usize, Entry)>) -> Vec<Entry> {
    let names: Vec<String> = (i.items.iter()).map(|item| normalize(&item.name)).collect();
    let per_topic = i.divisions.iter().all(|d| d.trim().is_empty());
    let mut rest = Vec::new();
    for (item, entry) in entries {
        let topic = names.get(item).filter(|_| per_topic).and_then(|name| {
            i.topics.iter_mut().find(|t| {
                t.division.as_ref().is_some_and(|d| !d.trim().is_empty())
                    && t.heading.as_ref().is_some_and(|h| {
                        let h = normalize(h);
                        !h.is_empty() && (name.contains(&h) || h.contains(name.as_str()))
                    })
            })
        });
        match topic {
            Some(t) => t.plan.push(entry),
            None => rest.push(entry),
        }
    }
    rest
}

/// One line per action item and lane with a stage in `year`, with the item's place:
/// `協創の取組を進める：実施`.
fn stage_lines(initiative: &Initiative, year: FiscalYear) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, item) in initiative.items.iter().enumerate() {
        for lane in &item.lanes {
            let Some(at) = lane.iter().position(|s| s.first <= year && year <= s.last) else {
                continue;
            };
            let stage = stage_name(lane, at);
            out.push((
                k,
                if stage.is_empty() {
                    item.name.clone()
                } else {
                    format!("{}：{stage}", item.name)
                },
            ));
        }
    }
    out
}

/// A stage's name; a bare `→` continues the stage before it in the lane.
fn stage_name(lane: &[StageSpan], k: usize) -> String {
    lane.iter()
        .take(k + 1)
        .rev()
        .map(|s| s.label.trim())
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// The text with the period it names (`上半期(4月～9月)`, `下半期`, `通期`, `年度末`, with its
/// bracketed months when they follow) written as `period`'s (`下半期(10月～3月)`). A text that
/// names no period is kept.
pub fn rewrite_period(text: &str, period: Period) -> String {
    const WORDS: [&str; 4] = ["上半期", "下半期", "通期", "年度末"];
    let Some((start, word)) = WORDS
        .iter()
        .filter_map(|w| text.find(w).map(|k| (k, *w)))
        .min_by_key(|(k, _)| *k)
    else {
        return text.to_string();
    };
    let after = start + word.len();
    let rest = text.get(after..).unwrap_or("");
    let mut end = after;
    if let Some(open) = rest.chars().next().filter(|c| *c == '(' || *c == '（') {
        let inner = &rest[open.len_utf8()..];
        if let Some(close) = inner.find([')', '）'])
            && inner[..close].contains('月')
        {
            let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
            end = after + open.len_utf8() + close + close_len;
        }
    }
    format!(
        "{}{}{}",
        &text[..start],
        period.japanese(),
        text.get(end..).unwrap_or("")
    )
}

/// The text with `from`'s era year (`平成 29 年度`, `平成29年度`, full-width digits too) written
/// as `to`'s, keeping the spacing (`平成 30 年度`); `令和元年度` for FY2019.
pub fn rewrite_year(text: &str, from: FiscalYear, to: FiscalYear) -> String {
    let (era, n) = from.era_year();
    let mut forms = vec![(era.name(), n)];
    if from.0 == 2019 {
        // The first year of 令和 began under 平成 and is written either way.
        forms.push(("平成", 31));
    }
    let mut out = String::new();
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for (name, year) in &forms {
            if let Some(after) = rest.strip_prefix(name)
                && let Some((spaced, len)) = era_number(after, *year)
            {
                let (to_era, to_n) = to.era_year();
                let number = if to_n == 1 {
                    "元".to_string()
                } else {
                    to_n.to_string()
                };
                let sep = if spaced { " " } else { "" };
                out.push_str(&format!("{}{sep}{number}{sep}年度", to_era.name()));
                rest = &after[len..];
                continue 'scan;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// ` 29 年度` (spaces optional, digits ASCII or full-width, `元` for 1) naming `year`: whether
/// it was spaced, and its length in bytes.
fn era_number(text: &str, year: i32) -> Option<(bool, usize)> {
    let is_space = |c: char| c == ' ' || c == '　';
    let mut spaced = false;
    let mut chars = text.char_indices().peekable();
    while let Some(&(_, c)) = chars.peek()
        && is_space(c)
    {
        spaced = true;
        chars.next();
    }
    let mut value: Option<i32> = None;
    while let Some(&(_, c)) = chars.peek() {
        let digit = match (crate::model::text::digit_value(c), c) {
            (Some(d), _) => d as i32,
            (None, '元') if value.is_none() => {
                chars.next();
                value = Some(1);
                break;
            }
            _ => break,
        };
        value = Some(value.unwrap_or(0).saturating_mul(10).saturating_add(digit));
        chars.next();
    }
    while let Some(&(_, c)) = chars.peek()
        && is_space(c)
    {
        chars.next();
    }
    let k = chars.peek().map_or(text.len(), |&(at, _)| at);
    let tail = text.get(k..)?;
    (value == Some(year) && tail.starts_with("年度")).then_some((spaced, k + "年度".len()))
}

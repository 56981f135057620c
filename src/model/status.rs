//! Where each planned activity stands, derived from the results that report it (see
//! [`super::links`]) and the report's as-of date — never typed. "Passed" months are April up
//! to and including the as-of month. A result is *done* when it is not marked 予定 and has a
//! passed month (or no month at all: reported as done) — a month of this fiscal year: a result
//! dated in another (「R1.6月」 in an FY2017 report) is done in none; it is *continuing* when it
//! is 予定.
//!
//! Each plan line (a plan entry or sub-item with months, 随時, or no date):
//! - **完了 (done)**: all its months have passed, a done result reports it, none continues;
//! - **実施中 (in progress)**: a done result reports it, and months are still to come (or a
//!   result reporting it continues);
//! - **遅れ (late)**: a month of it has passed and no done result reports it;
//! - **予定 (scheduled)**: all its months are still to come and nothing done reports it;
//! - **随時 (ongoing)**: no dates (随時, or none written): met when a done result reports it,
//!   never late.
//!
//! A topic is 遅れ if any of its plan lines is; 完了 if every line is 完了 or a met 随時 (and
//! one is 完了); 取組中 if any line is in progress, done or a met 随時; else 予定 if any is; else
//! 未着手. A topic with no plan line (only a status text) is 完了 when the plan states 達成済,
//! else 取組中 when it has a done result, 予定 when a result is 予定, else 未着手.
//! An initiative is 遅れ if any topic is, 完了 if all are, 取組中 if any topic is in progress or
//! done, else 予定 if any is, else 未着手.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::links;
use super::months::{TimingKind, fiscal_years_written};
use super::{Entry, EntryKind, FiscalAsOf, Id, Initiative, MonthSet, Section, Topic};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Late,
    InProgress,
    Scheduled,
    NotStarted,
    Done,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Done,
        Status::InProgress,
        Status::NotStarted,
        Status::Late,
        Status::Scheduled,
    ];

    pub fn japanese(self) -> &'static str {
        match self {
            Status::Done => "完了",
            Status::InProgress => "取組中",
            Status::NotStarted => "未着手",
            Status::Late => "遅れ",
            Status::Scheduled => "予定",
        }
    }

    /// The key in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in_progress",
            Status::NotStarted => "not_started",
            Status::Late => "late",
            Status::Scheduled => "scheduled",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Status::Done => "Done",
            Status::InProgress => "In progress",
            Status::NotStarted => "Not started",
            Status::Late => "Late",
            Status::Scheduled => "Scheduled",
        }
    }
}

/// Where one plan line stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    Done,
    InProgress,
    Late,
    Scheduled,
    /// 随時 or undated: `met` when a done result reports it.
    Ongoing {
        met: bool,
    },
}

impl LineStatus {
    pub fn japanese(self) -> &'static str {
        match self {
            LineStatus::Done => "完了",
            LineStatus::InProgress => "実施中",
            LineStatus::Late => "遅れ",
            LineStatus::Scheduled => "予定",
            LineStatus::Ongoing { .. } => "随時",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            LineStatus::Done => "Done",
            LineStatus::InProgress => "In progress",
            LineStatus::Late => "Late",
            LineStatus::Scheduled => "Scheduled",
            LineStatus::Ongoing { .. } => "As needed",
        }
    }

    /// The key in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            LineStatus::Done => "done",
            LineStatus::InProgress => "in_progress",
            LineStatus::Late => "late",
            LineStatus::Scheduled => "scheduled",
            LineStatus::Ongoing { met: true } => "ongoing_met",
            LineStatus::Ongoing { met: false } => "ongoing",
        }
    }

    /// What a person reads on the bar: met (so far), late, or still to come.
    pub fn mark(self) -> LineMark {
        match self {
            LineStatus::Done | LineStatus::InProgress | LineStatus::Ongoing { met: true } => {
                LineMark::Met
            }
            LineStatus::Late => LineMark::Late,
            LineStatus::Scheduled | LineStatus::Ongoing { met: false } => LineMark::ToCome,
        }
    }
}

/// The mark on a plan line's bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineMark {
    Met,
    Late,
    ToCome,
}

/// Months of the done results (not 予定), counted only where they have passed and only for
/// results dated in this fiscal year (or with no year written).
fn done_months(entries: &[Entry], as_of: FiscalAsOf) -> MonthSet {
    let mut months = MonthSet::EMPTY;
    for e in entries {
        if let Some(t) = &e.timing
            && !t.scheduled
            && !dated_in_another_year(e, as_of)
        {
            months = months.union(t.months.intersect(as_of.passed()));
        }
        months = months.union(done_months(&e.subs, as_of));
    }
    months
}

/// Whether the entry's months are written with years, none of them this fiscal year's
/// (「R1.6月」 or 「H28.12」 in an FY2017 report): its months are another year's (warned about
/// by [`super::check`]).
fn dated_in_another_year(e: &Entry, as_of: FiscalAsOf) -> bool {
    e.when.as_deref().is_some_and(|w| {
        // Only a written year is looked for: the window asks for the rows it draws each frame.
        w.contains(['年', '.', '．', '/', '／']) && {
            let years = fiscal_years_written(w);
            !years.is_empty() && !years.contains(&as_of.fiscal_year.0)
        }
    })
}

/// A result that counts as done by the as-of date: a passed month of this year not marked
/// 予定, or no month it can be read to name (reported, so done — months written that cannot be
/// read are warned about, and a result is not made late by them) unless it says 予定.
fn is_done(result: &Entry, as_of: FiscalAsOf) -> bool {
    if !done_months(std::slice::from_ref(result), as_of).is_empty() {
        return true;
    }
    // `(9/1予定)`: still to come. Not `(予定どおり6月に実施)` nor `(6月に実施。10月に報告予定)`:
    // only what ends in 予定 and says nothing was done.
    let unread_plan = result.unreadable_when()
        && result.when.as_deref().is_some_and(|w| {
            w.trim_end().ends_with("予定")
                && !["実施", "済", "完了", "開催"].iter().any(|d| w.contains(d))
        });
    result.covered_months().is_empty() && !result.scheduled() && !unread_plan
}

/// Where a plan line stands, given the results that report it.
pub fn line_status(line: &Entry, reported_by: &[&Entry], as_of: FiscalAsOf) -> LineStatus {
    let passed = as_of.passed();
    let met = reported_by.iter().any(|r| is_done(r, as_of));
    let continuing = reported_by.iter().any(|r| r.scheduled());
    let months = line
        .timing
        .as_ref()
        .filter(|t| t.kind != TimingKind::AsNeeded)
        .map_or(MonthSet::EMPTY, |t| t.months);
    if months.is_empty() {
        return LineStatus::Ongoing { met };
    }
    let due = months.intersect(passed);
    match (due.is_empty(), met) {
        (true, false) => LineStatus::Scheduled,
        (true, true) => LineStatus::InProgress,
        (false, false) => LineStatus::Late,
        (false, true) if due == months && !continuing => LineStatus::Done,
        (false, true) => LineStatus::InProgress,
    }
}

/// Every plan line of an initiative with where it stands, in written order.
pub fn line_statuses(initiative: &Initiative, as_of: FiscalAsOf) -> Vec<(Id, &Entry, LineStatus)> {
    let reported = links::reported_by(initiative);
    links::plan_lines(initiative)
        .into_iter()
        .map(|(topic, line)| {
            let by = reported.get(&line.id).map_or(&[][..], Vec::as_slice);
            (topic, line, line_status(line, by, as_of))
        })
        .collect()
}

/// Where one plan entry stands (`None` when it is not a plan line of the initiative).
pub fn plan_entry_status(
    initiative: &Initiative,
    entry: &Entry,
    as_of: FiscalAsOf,
) -> Option<LineStatus> {
    if !links::is_plan_line(entry) {
        return None;
    }
    // The results reporting this line alone: the window asks for every plan row it draws,
    // and a map of every line's results was built for each.
    let by = links::reporting(initiative, entry.id);
    Some(line_status(entry, &by, as_of))
}

fn has_scheduled(entries: &[Entry]) -> bool {
    entries.iter().any(Entry::scheduled)
}

pub fn topic_status(initiative: &Initiative, topic: &Topic, as_of: FiscalAsOf) -> Status {
    let lines: Vec<LineStatus> = line_statuses(initiative, as_of)
        .into_iter()
        .filter(|(t, _, _)| *t == topic.id)
        .map(|(_, _, s)| s)
        .collect();
    status_of_topic(topic, &lines, as_of)
}

/// A topic's status from the statuses of its plan lines.
fn status_of_topic(topic: &Topic, lines: &[LineStatus], as_of: FiscalAsOf) -> Status {
    if lines.is_empty() {
        let achieved = topic
            .plan
            .iter()
            .any(|e| e.kind == EntryKind::Status && e.text.contains("達成済"));
        let done = !done_months(&topic.actual, as_of).is_empty();
        return if achieved {
            Status::Done
        } else if done {
            Status::InProgress
        } else if has_scheduled(&topic.actual) {
            Status::Scheduled
        } else {
            Status::NotStarted
        };
    }
    let met_ongoing = LineStatus::Ongoing { met: true };
    if lines.contains(&LineStatus::Late) {
        Status::Late
    } else if lines.contains(&LineStatus::Done)
        && lines
            .iter()
            .all(|s| *s == LineStatus::Done || *s == met_ongoing)
    {
        Status::Done
    } else if lines
        .iter()
        .any(|s| matches!(s, LineStatus::Done | LineStatus::InProgress) || *s == met_ongoing)
    {
        Status::InProgress
    } else if lines.contains(&LineStatus::Scheduled) {
        Status::Scheduled
    } else {
        Status::NotStarted
    }
}

pub fn initiative_status(initiative: &Initiative, as_of: FiscalAsOf) -> Status {
    // The initiative's lines are rated once and handed to their topics: rating them per topic
    // made an initiative of thousands of topics quadratic.
    let mut by_topic: HashMap<Id, Vec<LineStatus>> = HashMap::new();
    for (topic, _, status) in line_statuses(initiative, as_of) {
        by_topic.entry(topic).or_default().push(status);
    }
    let statuses: Vec<Status> = initiative
        .topics
        .iter()
        .map(|t| status_of_topic(t, by_topic.get(&t.id).map_or(&[][..], Vec::as_slice), as_of))
        .collect();
    initiative_status_of_topics(&statuses)
}

/// An initiative's status from its topics'.
fn initiative_status_of_topics(statuses: &[Status]) -> Status {
    if statuses.is_empty() {
        Status::NotStarted
    } else if statuses.contains(&Status::Late) {
        Status::Late
    } else if statuses.iter().all(|s| *s == Status::Done) {
        Status::Done
    } else if statuses
        .iter()
        .any(|s| matches!(s, Status::InProgress | Status::Done))
    {
        Status::InProgress
    } else if statuses.contains(&Status::Scheduled) {
        Status::Scheduled
    } else {
        Status::NotStarted
    }
}

/// The statuses of a section's initiatives, counted (shown in its row).
pub fn section_counts(section: &Section, as_of: FiscalAsOf) -> StatusCounts {
    let mut counts = StatusCounts::default();
    for i in &section.initiatives {
        counts.add(initiative_status(i, as_of));
    }
    counts
}

/// Counts of initiatives by status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    pub late: usize,
    pub scheduled: usize,
}

impl StatusCounts {
    pub fn add(&mut self, status: Status) {
        *self.slot(status) += 1;
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Done => self.done,
            Status::InProgress => self.in_progress,
            Status::NotStarted => self.not_started,
            Status::Late => self.late,
            Status::Scheduled => self.scheduled,
        }
    }

    fn slot(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Done => &mut self.done,
            Status::InProgress => &mut self.in_progress,
            Status::NotStarted => &mut self.not_started,
            Status::Late => &mut self.late,
            Status::Scheduled => &mut self.scheduled,
        }
    }

    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.get(*s)).sum()
    }

    /// `完了 2・取組中 1・遅れ 0 …` with the non-zero ones.
    pub fn to_japanese(&self) -> String {
        Status::ALL
            .iter()
            .filter(|s| self.get(**s) > 0)
            .map(|s| format!("{} {}", s.japanese(), self.get(*s)))
            .collect::<Vec<_>>()
            .join("・")
    }
}

/// Initiative counts per section (in order) and topic counts per 担当課 (sorted by name).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusSummary {
    pub by_section: Vec<(String, StatusCounts)>,
    pub by_division: Vec<(String, StatusCounts)>,
}

pub fn summary(report: &super::Report) -> StatusSummary {
    let as_of = report.fiscal_as_of();
    let mut out = StatusSummary::default();
    let mut divisions: std::collections::BTreeMap<String, StatusCounts> = Default::default();
    for section in &report.sections {
        for initiative in &section.initiatives {
            for topic in &initiative.topics {
                // A topic two divisions share counts for each.
                let status = topic_status(initiative, topic, as_of);
                let named = initiative.divisions_of(topic);
                for division in if named.is_empty() { vec![""] } else { named } {
                    divisions
                        .entry(division.to_string())
                        .or_default()
                        .add(status);
                }
            }
        }
        out.by_section.push((
            format!("{} {}", section.numeral, section.title),
            section_counts(section, as_of),
        ));
    }
    out.by_division = divisions.into_iter().collect();
    out
}

/// Where one initiative's plan lines, results, topics and the initiative itself stand, worked
/// out in one pass over it: what the printout and the web page show on each of its rows.
/// Asked row by row ([`plan_entry_status`], [`links::unplanned`]), each row went over the
/// whole initiative again: time in the square of its rows (issue 23: a topic of 20,000 result
/// lines took 9 s to print and 16 s to make into a web page).
#[derive(Clone, Debug)]
pub struct Standing {
    lines: HashMap<Id, LineStatus>,
    unplanned: std::collections::HashSet<Id>,
    /// By the topic's index in the initiative.
    topics: Vec<Status>,
    initiative: Status,
}

impl Standing {
    pub fn of(initiative: &Initiative, as_of: FiscalAsOf) -> Standing {
        let mut by_topic: HashMap<Id, Vec<LineStatus>> = Default::default();
        let mut lines = std::collections::HashMap::new();
        for (topic, line, status) in line_statuses(initiative, as_of) {
            by_topic.entry(topic).or_default().push(status);
            lines.insert(line.id, status);
        }
        let topics: Vec<Status> = initiative
            .topics
            .iter()
            .map(|t| {
                let of_topic = by_topic.get(&t.id).map_or(&[][..], Vec::as_slice);
                status_of_topic(t, of_topic, as_of)
            })
            .collect();
        Standing {
            lines,
            unplanned: links::unplanned(initiative),
            initiative: initiative_status_of_topics(&topics),
            topics,
        }
    }

    /// Where a plan entry stands (`None` when it is not a plan line of the initiative), as
    /// [`plan_entry_status`] says.
    pub fn line(&self, plan_entry: Id) -> Option<LineStatus> {
        self.lines.get(&plan_entry).copied()
    }

    /// A result reporting nothing planned (計画外), as [`links::unplanned`] says.
    pub fn is_unplanned(&self, result: Id) -> bool {
        self.unplanned.contains(&result)
    }

    /// The status of the initiative's `index`th topic, as [`topic_status`] says.
    pub fn topic(&self, index: usize) -> Option<Status> {
        self.topics.get(index).copied()
    }

    /// The initiative's status, as [`initiative_status`] says.
    pub fn initiative(&self) -> Status {
        self.initiative
    }
}

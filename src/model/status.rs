//! Where a topic or an initiative stands, derived from its plan and actual entries against the
//! report's as-of date — never typed. The rules (also in the README, so a user can check them
//! by hand), with "passed" meaning the months from April up to and including the as-of month:
//!
//! - **完了 (done)**: every dated plan entry lies in passed months and has a done actual in at
//!   least one of its months; or the plan is only a status such as `(H28 年度達成済…)` and
//!   nothing is planned with a month.
//! - **遅れ (late)**: some dated plan entry has passed months, and no done actual of the topic
//!   falls in any of them.
//! - **取組中 (in progress)**: not done and not late, and some done actual exists.
//! - **予定 (scheduled)**: nothing done yet, and something is planned for later months (or an
//!   actual is marked 予定).
//! - **未着手 (not started)**: none of the above: nothing dated is planned and nothing is done.
//!
//! A *done actual* is an actual entry (or sub-item) not marked 予定; its months count only where
//! they have passed. A *dated plan entry* has months: not 随時, not a status text.
//! An initiative is 遅れ if any topic is, 完了 if all are, 取組中 if any topic is in progress or
//! done, else 予定 if any is, else 未着手.

use serde::{Deserialize, Serialize};

use super::months::TimingKind;
use super::{AsOf, Entry, EntryKind, Initiative, MonthSet, Section, Topic};

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

/// Months of the done actuals (not 予定), counted only where they have passed.
fn done_months(entries: &[Entry], passed: MonthSet) -> MonthSet {
    let mut months = MonthSet::EMPTY;
    for e in entries {
        if let Some(t) = &e.timing
            && !t.scheduled
        {
            months = months.union(t.months.intersect(passed));
        }
        months = months.union(done_months(&e.subs, passed));
    }
    months
}

fn has_scheduled(entries: &[Entry]) -> bool {
    entries.iter().any(Entry::scheduled)
}

/// The months a plan entry is dated with; empty for 随時, status texts and unreadable timings.
fn plan_months(entry: &Entry) -> MonthSet {
    if entry.kind == EntryKind::Status {
        return MonthSet::EMPTY;
    }
    let own = entry
        .timing
        .as_ref()
        .filter(|t| t.kind != TimingKind::AsNeeded)
        .map_or(MonthSet::EMPTY, |t| t.months);
    entry
        .subs
        .iter()
        .fold(own, |acc, s| acc.union(plan_months(s)))
}

pub fn topic_status(topic: &Topic, as_of: AsOf) -> Status {
    let passed = as_of.passed();
    let done = done_months(&topic.actual, passed);
    let dated: Vec<MonthSet> = topic
        .plan
        .iter()
        .map(plan_months)
        .filter(|m| !m.is_empty())
        .collect();
    if dated.is_empty() {
        let achieved = topic
            .plan
            .iter()
            .any(|e| e.kind == EntryKind::Status && e.text.contains("達成済"));
        return if achieved {
            Status::Done
        } else if !done.is_empty() {
            Status::InProgress
        } else if has_scheduled(&topic.actual) {
            Status::Scheduled
        } else {
            Status::NotStarted
        };
    }
    let late = dated.iter().any(|m| {
        let due = m.intersect(passed);
        !due.is_empty() && due.intersect(done).is_empty()
    });
    let all_passed = dated.iter().all(|m| m.intersect(passed) == *m);
    let all_met = dated.iter().all(|m| !m.intersect(done).is_empty());
    if all_passed && all_met {
        Status::Done
    } else if late {
        Status::Late
    } else if !done.is_empty() {
        Status::InProgress
    } else {
        Status::Scheduled
    }
}

pub fn initiative_status(initiative: &Initiative, as_of: AsOf) -> Status {
    let statuses: Vec<Status> = initiative
        .topics
        .iter()
        .map(|t| topic_status(t, as_of))
        .collect();
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
pub fn section_counts(section: &Section, as_of: AsOf) -> StatusCounts {
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
    let as_of = report.as_of();
    let mut out = StatusSummary::default();
    let mut divisions: std::collections::BTreeMap<String, StatusCounts> = Default::default();
    for section in &report.sections {
        for initiative in &section.initiatives {
            for topic in &initiative.topics {
                let division = initiative.division_of(topic).unwrap_or("").to_string();
                divisions
                    .entry(division)
                    .or_default()
                    .add(topic_status(topic, as_of));
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

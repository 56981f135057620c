//! The comparison as the grid shows it: which cells of the newer report differ from the older
//! one, and rows for what the newer report no longer holds, placed under what held them. One
//! description, so the window and the printout mark the same cells.

use std::collections::HashMap;

use super::measures::Part;
use super::{Aspect, Diff, Matching, What, diff};
use crate::grid::{self, GridRow, RowFilter};
use crate::lang::{Lang, say};
use crate::model::status::Status;
use crate::model::{Entry, Id, Report, Side};

/// How a cell or a row differs from the older report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not in the older report.
    Added,
    /// In both, written otherwise.
    Changed,
    /// Only in the older report (a row of its own, see [`GridRow::Removed`]).
    Removed,
}

/// The marks of one grid row, cell by cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowMarks {
    /// The whole row is new or gone.
    pub row: Option<Mark>,
    pub number: Option<Mark>,
    pub text: Option<Mark>,
    pub stage: Option<Mark>,
    pub months: Option<Mark>,
    pub division: Option<Mark>,
    /// The numbers' cells of an initiative's row: 数値目標, 効果額, 評価 (the committee's comment
    /// is the 評価 cell's).
    pub indicators: Option<Mark>,
    pub effects: Option<Mark>,
    pub ratings: Option<Mark>,
    /// The status before and now (遅れ → 完了).
    pub status: Option<(Status, Status)>,
}

impl RowMarks {
    pub fn is_empty(&self) -> bool {
        *self == RowMarks::default()
    }
}

/// An older report and how the open one differs from it.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// What the open report is compared with (a file name, for headings).
    pub label: String,
    /// Private, as `diff` is: `by_new` is built from them, so they change only together
    /// ([`Comparison::refresh`]).
    old: Report,
    diff: Diff,
    /// Changes by the id of the thing in the newer report.
    by_new: HashMap<Id, Vec<usize>>,
}

impl Comparison {
    pub fn new(label: impl Into<String>, old: Report, new: &Report) -> Comparison {
        let diff = diff(&old, new);
        let by_new = index_by_new(&diff);
        Comparison {
            label: label.into(),
            old,
            diff,
            by_new,
        }
    }

    /// The report compared with.
    pub fn old(&self) -> &Report {
        &self.old
    }

    /// What changed from the old report to the open one, as last refreshed.
    pub fn diff(&self) -> &Diff {
        &self.diff
    }

    /// Compares again after the open report changed.
    pub fn refresh(&mut self, new: &Report) {
        self.diff = diff(&self.old, new);
        self.by_new = index_by_new(&self.diff);
    }

    /// Compares again after a step that changed one initiative only (a result typed, say):
    /// its changes are made again and put where its old ones stood, instead of comparing the
    /// whole report. `false`, changing nothing, where that cannot stand for the whole
    /// comparison — reports paired by text, an initiative with no change yet (where its
    /// changes would go is the whole walk's to say), one added — and the caller compares all.
    pub fn refresh_initiative(&mut self, new: &Report, initiative: Id) -> bool {
        if self.diff.matched_by != Matching::Id {
            return false;
        }
        let of_it = |c: &super::Change| {
            c.initiative
                .as_ref()
                .is_some_and(|i| i.new_id == Some(initiative))
        };
        let Some(first) = self.diff.changes.iter().position(of_it) else {
            return false;
        };
        let count = self.diff.changes[first..]
            .iter()
            .take_while(|c| of_it(c))
            .count();
        if self.diff.changes[first + count..].iter().any(of_it) {
            return false;
        }
        let old_id = self.diff.changes[first]
            .initiative
            .as_ref()
            .and_then(|i| i.old_id);
        let Some(old_id) = old_id else {
            return false;
        };
        let Some(again) = super::diff::initiative_changes(&self.old, new, old_id, initiative)
        else {
            return false;
        };
        // A move between sections, or among its section's, is the walk's, not the
        // initiative's: it stays.
        let kept: Vec<super::Change> = self.diff.changes[first..first + count]
            .iter()
            .filter(|c| {
                matches!(
                    c.what,
                    What::InitiativeMoved { .. } | What::InitiativeReordered { .. }
                )
            })
            .cloned()
            .collect();
        self.diff
            .changes
            .splice(first..first + count, kept.into_iter().chain(again));
        self.diff.same = self.diff.report.is_empty() && self.diff.changes.is_empty();
        self.by_new = index_by_new(&self.diff);
        true
    }

    /// The marks of a row of the newer report's grid.
    pub fn row_marks(&self, report: &Report, row: GridRow) -> RowMarks {
        if let GridRow::Removed { .. } = row {
            return RowMarks {
                row: Some(Mark::Removed),
                number: Some(Mark::Removed),
                text: Some(Mark::Removed),
                months: Some(Mark::Removed),
                ..RowMarks::default()
            };
        }
        let mut marks = RowMarks::default();
        let Some(id) = grid::thing_of(report, row) else {
            return marks;
        };
        let lane = match row {
            GridRow::Lane { lane, .. } => Some(lane),
            _ => None,
        };
        for &k in self.by_new.get(&id).into_iter().flatten() {
            self.mark(&mut marks, &self.diff.changes[k].what, report, id, lane);
        }
        marks
    }

    fn mark(&self, m: &mut RowMarks, what: &What, report: &Report, id: Id, lane: Option<usize>) {
        let changed = Some(Mark::Changed);
        match what {
            What::SectionAdded { .. }
            | What::InitiativeAdded { .. }
            | What::TopicAdded { .. }
            | What::EntryAdded { .. } => {
                *m = RowMarks {
                    row: Some(Mark::Added),
                    number: Some(Mark::Added),
                    text: Some(Mark::Added),
                    months: Some(Mark::Added),
                    status: m.status,
                    ..RowMarks::default()
                }
            }
            What::ItemAdded { .. } => {
                if lane == Some(0) {
                    m.row = Some(Mark::Added);
                    m.number = Some(Mark::Added);
                    m.text = Some(Mark::Added);
                }
                m.stage = Some(Mark::Added);
            }
            What::SectionChanged { field, .. } | What::InitiativeChanged { field, .. } => {
                if *field == "numeral" || *field == "number" {
                    m.number = m.number.or(changed);
                } else {
                    m.text = m.text.or(changed);
                }
            }
            What::InitiativeMoved { .. }
            | What::InitiativeReordered { .. }
            | What::SectionReordered { .. }
            | What::ItemChanged { .. } => {
                if lane.is_none_or(|l| l == 0) {
                    m.text = m.text.or(changed);
                }
            }
            What::DivisionsChanged { .. } => m.division = m.division.or(changed),
            What::StageAdded { stage, years, .. }
            | What::StageMoved {
                stage,
                new_years: years,
                ..
            }
            | What::StageRelabelled {
                new: stage, years, ..
            } => {
                if lane == Some(lane_of_span(report, id, stage, *years)) {
                    m.stage = m.stage.or(changed);
                }
            }
            What::StageRemoved { .. } => {
                if lane == Some(0) {
                    m.stage = m.stage.or(changed);
                }
            }
            What::TopicChanged { field, .. } => {
                if *field == "division" {
                    m.division = m.division.or(changed);
                } else {
                    m.text = m.text.or(changed);
                }
            }
            What::EntryChanged { aspects, .. } => {
                let on_text = [Aspect::Text, Aspect::Counts, Aspect::Kind];
                if aspects.iter().any(|a| on_text.contains(a)) {
                    m.text = m.text.or(changed);
                }
                if aspects
                    .iter()
                    .any(|a| matches!(a, Aspect::Months | Aspect::Scheduled))
                {
                    m.months = m.months.or(changed);
                }
            }
            What::LinkAdded { .. } | What::LinkRemoved { .. } | What::EntryMoved { .. } => {
                m.text = m.text.or(changed)
            }
            // On the initiative's row: the numbers' cell that changed, and its title, which
            // says it where the numbers' columns are folded or not printed.
            What::MeasureChanged { part, .. } => {
                m.text = m.text.or(changed);
                let cell = match part {
                    Part::Indicator => &mut m.indicators,
                    Part::Effect => &mut m.effects,
                    Part::SelfRating | Part::Review | Part::Comment => &mut m.ratings,
                };
                *cell = cell.or(changed);
            }
            // An initiative's on its row, a topic's on its own: the id says which.
            What::StatusChanged { old, new, .. } => m.status = Some((*old, *new)),
            What::SectionRemoved { .. }
            | What::InitiativeRemoved { .. }
            | What::ItemRemoved { .. }
            | What::TopicRemoved { .. }
            | What::EntryRemoved { .. }
            | What::EntryArchived { .. } => {}
        }
    }

    /// The entry a removed row stands for, as the older report held it (for its months).
    pub fn removed_entry(&self, change: usize) -> Option<(&Entry, Side)> {
        let c = self.diff.changes.get(change)?;
        let side = match &c.what {
            What::EntryRemoved { side, .. } | What::EntryArchived { side, .. } => *side,
            _ => return None,
        };
        Some((self.old.entry(c.old_id?)?, side))
    }

    /// What a removed row says: the thing as the older report wrote it; what went into the
    /// report's history (a year end) says so.
    pub fn removed_text(&self, change: usize, lang: Lang) -> String {
        let Some(c) = self.diff.changes.get(change) else {
            return String::new();
        };
        match &c.what {
            What::SectionRemoved { numeral, title } => format!("{numeral} {title}"),
            What::InitiativeRemoved { number, title } => format!("{number} {title}"),
            What::ItemRemoved { name } => name.clone(),
            What::TopicRemoved { heading } => heading.as_ref().map_or_else(
                || say(lang, "（見出しなし）".into(), "(no heading)".into()),
                |h| format!("<{h}>"),
            ),
            What::EntryRemoved { text, .. } => text.clone(),
            What::EntryArchived { text, .. } => {
                let to = say(lang, "→ 履歴へ".into(), "→ to the history".into());
                format!("{text}  {to}")
            }
            _ => String::new(),
        }
    }

    /// The grid's rows with a row for each thing the newer report no longer holds, placed
    /// after the rows of what held it (its topic, initiative or section). Nothing is added
    /// under a folded or hidden initiative.
    pub fn with_removed(
        &self,
        report: &Report,
        rows: &[GridRow],
        filter: &RowFilter,
    ) -> Vec<GridRow> {
        let mut after: HashMap<usize, Vec<GridRow>> = HashMap::new();
        let mut at_end = Vec::new();
        for (k, c) in self.diff.changes.iter().enumerate() {
            let depth = match &c.what {
                What::SectionRemoved { .. } => 0,
                What::InitiativeRemoved { .. } => 1,
                What::ItemRemoved { .. } | What::TopicRemoved { .. } => 2,
                What::EntryRemoved { .. } | What::EntryArchived { .. } => 3,
                _ => continue,
            };
            let anchor = self.anchor(report, rows, filter, k);
            // A removed initiative or section belongs to no initiative shown.
            let place = |section, initiative: Option<usize>| GridRow::Removed {
                section,
                initiative: initiative.filter(|_| depth >= 2),
                change: k,
                depth,
            };
            match anchor {
                Anchor::After(row) => {
                    let (s, i) = match rows[row] {
                        GridRow::Section { section } => (section, None),
                        r => match r.initiative_index() {
                            Some((s, i)) => (s, Some(i)),
                            None => continue,
                        },
                    };
                    after.entry(row).or_default().push(place(s, i));
                }
                Anchor::End => at_end.push(place(usize::MAX, None)),
                Anchor::Hidden => {}
            }
        }
        let mut out = Vec::with_capacity(rows.len() + at_end.len());
        for (k, row) in rows.iter().enumerate() {
            out.push(*row);
            if let Some(extra) = after.remove(&k) {
                out.extend(extra);
            }
        }
        out.extend(at_end);
        out
    }

    fn anchor(&self, report: &Report, rows: &[GridRow], filter: &RowFilter, k: usize) -> Anchor {
        let c = &self.diff.changes[k];
        let initiative = c.initiative.as_ref().and_then(|i| i.new_id);
        let Some(initiative) = initiative else {
            // A removed initiative goes after the rest of its section; a section at the end.
            if matches!(c.what, What::SectionRemoved { .. }) {
                return Anchor::End;
            }
            let section = report
                .sections
                .iter()
                .position(|s| Some(&s.numeral) == c.section.as_ref());
            let Some(section) = section else {
                return Anchor::End;
            };
            if filter.is_folded(report.sections[section].id) {
                return Anchor::Hidden;
            }
            return last_row(rows, |r| match r {
                GridRow::Section { section: s } => s == section,
                r => r.initiative_index().is_some_and(|(s, _)| s == section),
            });
        };
        if filter.is_folded(initiative) {
            return Anchor::Hidden;
        }
        let Some(place) = initiative_place(report, initiative) else {
            return Anchor::Hidden;
        };
        let in_initiative = |r: GridRow| r.initiative_index() == Some(place);
        let topic = match &c.what {
            What::EntryRemoved { .. } | What::EntryArchived { .. } => {
                let topics = &report.sections[place.0].initiatives[place.1].topics;
                topics.iter().position(|t| t.heading == c.topic)
            }
            _ => None,
        };
        let anchor = match (&c.what, topic) {
            (What::ItemRemoved { .. }, _) => last_row(rows, |r| {
                in_initiative(r) && matches!(r, GridRow::Lane { .. } | GridRow::Initiative { .. })
            }),
            (_, Some(t)) => last_row(rows, |r| {
                in_initiative(r)
                    && matches!(r, GridRow::Topic { topic, .. } | GridRow::Entry { topic, .. } if topic == t)
            }),
            _ => Anchor::Hidden,
        };
        match anchor {
            Anchor::Hidden => last_row(rows, in_initiative),
            found => found,
        }
    }
}

fn index_by_new(diff: &Diff) -> HashMap<Id, Vec<usize>> {
    let mut by_new: HashMap<Id, Vec<usize>> = HashMap::new();
    for (k, c) in diff.changes.iter().enumerate() {
        if let Some(id) = c.new_id {
            by_new.entry(id).or_default().push(k);
        }
    }
    by_new
}

enum Anchor {
    After(usize),
    End,
    /// Under a folded or filtered-out row.
    Hidden,
}

fn last_row(rows: &[GridRow], test: impl Fn(GridRow) -> bool) -> Anchor {
    match rows.iter().rposition(|r| test(*r)) {
        Some(k) => Anchor::After(k),
        None => Anchor::Hidden,
    }
}

fn initiative_place(report: &Report, id: Id) -> Option<(usize, usize)> {
    report.sections.iter().enumerate().find_map(|(s, section)| {
        let i = section.initiatives.iter().position(|i| i.id == id)?;
        Some((s, i))
    })
}

/// The lane of an action item holding a stage span (lane 0 when none does).
fn lane_of_span(report: &Report, item: Id, stage: &str, years: [i32; 2]) -> usize {
    let Some(item) = report.item(item) else {
        return 0;
    };
    item.lanes
        .iter()
        .position(|lane| {
            lane.iter().any(|span| {
                span.display() == stage && span.first.0 == years[0] && span.last.0 == years[1]
            })
        })
        .unwrap_or(0)
}

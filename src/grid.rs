//! The rows of the progress grid, in order: section, initiative, its action item lanes, then
//! its topics each followed by their plan and actual entries. Shared by the window and the
//! print layout so that both show the same thing.

use std::collections::HashSet;

use crate::model::status::{Status, initiative_status};
use crate::model::{AsOf, Entry, Id, Initiative, Report, Side, Topic};

/// One row of the grid, as indices into the report (cheap to keep for 100,000 rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridRow {
    Section {
        s: usize,
    },
    Initiative {
        s: usize,
        i: usize,
    },
    /// One lane of an action item's stage plan; lane 0 carries the item's name.
    Lane {
        s: usize,
        i: usize,
        item: usize,
        lane: usize,
    },
    Topic {
        s: usize,
        i: usize,
        t: usize,
    },
    Entry {
        s: usize,
        i: usize,
        t: usize,
        side: Side,
        e: usize,
        /// A sub-item of the entry.
        sub: Option<usize>,
    },
}

impl GridRow {
    pub fn initiative_index(self) -> Option<(usize, usize)> {
        match self {
            GridRow::Section { .. } => None,
            GridRow::Initiative { s, i }
            | GridRow::Lane { s, i, .. }
            | GridRow::Topic { s, i, .. }
            | GridRow::Entry { s, i, .. } => Some((s, i)),
        }
    }

    /// How deep in the tree the row sits, for indenting.
    pub fn depth(self) -> usize {
        match self {
            GridRow::Section { .. } => 0,
            GridRow::Initiative { .. } => 1,
            GridRow::Lane { .. } | GridRow::Topic { .. } => 2,
            GridRow::Entry { sub: None, .. } => 3,
            GridRow::Entry { sub: Some(_), .. } => 4,
        }
    }
}

/// Which rows to show.
#[derive(Clone, Debug, Default)]
pub struct RowFilter {
    /// Folded sections and initiatives: their children are hidden.
    pub folded: HashSet<Id>,
    /// Only this 担当課's topics (and the initiatives that have one).
    pub division: Option<String>,
    /// Only initiatives in this status.
    pub status: Option<Status>,
    /// Only initiatives with this text anywhere in them.
    pub text: String,
}

impl RowFilter {
    /// Any filter beyond folding is on: empty sections are then hidden.
    pub fn is_narrowed(&self) -> bool {
        self.division.is_some() || self.status.is_some() || !self.text.trim().is_empty()
    }

    fn shows_initiative(&self, initiative: &Initiative, as_of: AsOf) -> bool {
        if let Some(d) = &self.division
            && !initiative
                .topics
                .iter()
                .any(|t| initiative.division_of(t) == Some(d.as_str()))
            && !(initiative.topics.is_empty() && initiative.divisions.contains(d))
        {
            return false;
        }
        if let Some(s) = self.status
            && initiative_status(initiative, as_of) != s
        {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty() || initiative_contains(initiative, needle)
    }

    fn shows_topic(&self, initiative: &Initiative, topic: &Topic) -> bool {
        self.division
            .as_deref()
            .is_none_or(|d| initiative.division_of(topic) == Some(d))
    }

    pub fn is_folded(&self, id: Id) -> bool {
        self.folded.contains(&id)
    }

    pub fn toggle(&mut self, id: Id) {
        if !self.folded.remove(&id) {
            self.folded.insert(id);
        }
    }
}

/// Does any text of the initiative contain `needle` (as typed; Latin letters in any case)?
pub fn initiative_contains(initiative: &Initiative, needle: &str) -> bool {
    fn entries(list: &[Entry], needle: &str) -> bool {
        list.iter()
            .any(|e| text_contains(&e.text, needle) || entries(&e.subs, needle))
    }
    text_contains(&initiative.title, needle)
        || text_contains(&initiative.number, needle)
        || initiative
            .items
            .iter()
            .any(|x| text_contains(&x.name, needle))
        || initiative
            .divisions
            .iter()
            .any(|d| text_contains(d, needle))
        || initiative.topics.iter().any(|t| {
            t.heading
                .as_deref()
                .is_some_and(|h| text_contains(h, needle))
                || t.division
                    .as_deref()
                    .is_some_and(|d| text_contains(d, needle))
                || entries(&t.plan, needle)
                || entries(&t.actual, needle)
        })
}

pub fn text_contains(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && haystack.to_lowercase().contains(&needle.to_lowercase())
}

pub fn rows(report: &Report, filter: &RowFilter) -> Vec<GridRow> {
    let as_of = report.as_of();
    let mut out = Vec::new();
    for (s, section) in report.sections.iter().enumerate() {
        let shown: Vec<usize> = section
            .initiatives
            .iter()
            .enumerate()
            .filter(|(_, i)| filter.shows_initiative(i, as_of))
            .map(|(k, _)| k)
            .collect();
        if shown.is_empty() && filter.is_narrowed() {
            continue;
        }
        out.push(GridRow::Section { s });
        if filter.is_folded(section.id) {
            continue;
        }
        for i in shown {
            let initiative = &section.initiatives[i];
            out.push(GridRow::Initiative { s, i });
            if filter.is_folded(initiative.id) {
                continue;
            }
            initiative_rows(initiative, s, i, filter, &mut out);
        }
    }
    out
}

fn initiative_rows(
    initiative: &Initiative,
    s: usize,
    i: usize,
    filter: &RowFilter,
    out: &mut Vec<GridRow>,
) {
    for (item, action) in initiative.items.iter().enumerate() {
        for lane in 0..action.lanes.len().max(1) {
            out.push(GridRow::Lane { s, i, item, lane });
        }
    }
    for (t, topic) in initiative.topics.iter().enumerate() {
        if !filter.shows_topic(initiative, topic) {
            continue;
        }
        out.push(GridRow::Topic { s, i, t });
        for side in [Side::Plan, Side::Actual] {
            for (e, entry) in side_entries(topic, side).iter().enumerate() {
                out.push(GridRow::Entry {
                    s,
                    i,
                    t,
                    side,
                    e,
                    sub: None,
                });
                for sub in 0..entry.subs.len() {
                    out.push(GridRow::Entry {
                        s,
                        i,
                        t,
                        side,
                        e,
                        sub: Some(sub),
                    });
                }
            }
        }
    }
}

pub fn side_entries(topic: &Topic, side: Side) -> &Vec<Entry> {
    topic.entries(side)
}

/// The entry a row shows.
pub fn entry_of(report: &Report, row: GridRow) -> Option<&Entry> {
    let GridRow::Entry {
        s,
        i,
        t,
        side,
        e,
        sub,
    } = row
    else {
        return None;
    };
    let topic = report.sections.get(s)?.initiatives.get(i)?.topics.get(t)?;
    let entry = side_entries(topic, side).get(e)?;
    match sub {
        None => Some(entry),
        Some(k) => entry.subs.get(k),
    }
}

pub fn initiative_of(report: &Report, row: GridRow) -> Option<&Initiative> {
    let (s, i) = row.initiative_index()?;
    report.sections.get(s)?.initiatives.get(i)
}

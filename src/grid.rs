//! The rows of the progress grid, in order: section, initiative, its action item lanes, then
//! its topics each followed by their plan and actual entries. Shared by the window and the
//! print layout so that both show the same thing.

use std::collections::HashSet;

use crate::model::{Entry, Id, Initiative, Report, Side, Topic};

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
}

impl RowFilter {
    pub fn is_folded(&self, id: Id) -> bool {
        self.folded.contains(&id)
    }

    pub fn toggle(&mut self, id: Id) {
        if !self.folded.remove(&id) {
            self.folded.insert(id);
        }
    }
}

pub fn rows(report: &Report, filter: &RowFilter) -> Vec<GridRow> {
    let mut out = Vec::new();
    for (s, section) in report.sections.iter().enumerate() {
        out.push(GridRow::Section { s });
        if filter.is_folded(section.id) {
            continue;
        }
        for (i, initiative) in section.initiatives.iter().enumerate() {
            out.push(GridRow::Initiative { s, i });
            if filter.is_folded(initiative.id) {
                continue;
            }
            initiative_rows(initiative, s, i, &mut out);
        }
    }
    out
}

fn initiative_rows(initiative: &Initiative, s: usize, i: usize, out: &mut Vec<GridRow>) {
    for (item, action) in initiative.items.iter().enumerate() {
        for lane in 0..action.lanes.len().max(1) {
            out.push(GridRow::Lane { s, i, item, lane });
        }
    }
    for (t, topic) in initiative.topics.iter().enumerate() {
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
    match side {
        Side::Plan => &topic.plan,
        Side::Actual => &topic.actual,
    }
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

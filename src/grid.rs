//! The rows of the progress grid, in order: section, initiative, its action item lanes, then
//! its topics each followed by their plan and actual entries; and what each entry row shows in
//! its month lane ([`entry_marks`]). Shared by the window and the print layout so that both
//! show the same thing.

use std::collections::{HashMap, HashSet};

use crate::model::status::{
    LineMark, LineStatus, Standing, Status, StatusCounts, initiative_status, plan_entry_status,
};
use crate::model::{Entry, FiscalAsOf, Id, Initiative, Report, Side, TimingKind, Topic};

/// One row of the grid, as indices into the report (cheap to keep for 100,000 rows): `section`
/// into `report.sections`, `initiative` into that section's, `topic`/`item` into the
/// initiative's, `entry` into the topic's list on `side`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridRow {
    Section {
        section: usize,
    },
    Initiative {
        section: usize,
        initiative: usize,
    },
    /// One lane of an action item's stage plan; lane 0 carries the item's name.
    Lane {
        section: usize,
        initiative: usize,
        item: usize,
        lane: usize,
    },
    Topic {
        section: usize,
        initiative: usize,
        topic: usize,
    },
    Entry {
        section: usize,
        initiative: usize,
        topic: usize,
        side: Side,
        entry: usize,
        /// A sub-item of the entry.
        sub: Option<usize>,
    },
    /// Something the compared (older) report held and this one does not, by its index in the
    /// comparison's changes (see [`crate::compare::Comparison::with_removed`]). `section` is
    /// `usize::MAX` for a removed section placed at the end.
    Removed {
        section: usize,
        initiative: Option<usize>,
        change: usize,
        depth: usize,
    },
}

impl GridRow {
    pub fn initiative_index(self) -> Option<(usize, usize)> {
        match self {
            GridRow::Section { .. } => None,
            GridRow::Initiative {
                section: s,
                initiative: i,
            }
            | GridRow::Lane {
                section: s,
                initiative: i,
                ..
            }
            | GridRow::Topic {
                section: s,
                initiative: i,
                ..
            }
            | GridRow::Entry {
                section: s,
                initiative: i,
                ..
            }
            | GridRow::Removed {
                section: s,
                initiative: Some(i),
                ..
            } => Some((s, i)),
            GridRow::Removed { .. } => None,
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
            GridRow::Removed { depth, .. } => depth,
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
    /// Only initiatives and topics with a result carried over to confirm (要確認).
    pub to_confirm: bool,
    /// Only initiatives whose final rating (the review, else the self-rating) is this.
    pub rating: Option<RatingFilter>,
}

/// Which final rating the grid shows (評価で絞り込み).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingFilter {
    /// A level's code, compared as typed people write it (`Ａ` is `A`).
    Level(String),
    /// Neither the review nor the self-rating given.
    Unrated,
}

impl RatingFilter {
    pub fn shows(&self, initiative: &Initiative) -> bool {
        let rated = initiative.measures().final_rating();
        match self {
            RatingFilter::Unrated => rated.is_none(),
            RatingFilter::Level(code) => rated.is_some_and(|r| {
                crate::model::text::normalize(&r.code) == crate::model::text::normalize(code)
            }),
        }
    }
}

impl RowFilter {
    /// Any filter beyond folding is on: empty sections are then hidden.
    pub fn is_narrowed(&self) -> bool {
        self.division.is_some()
            || self.status.is_some()
            || !self.text.trim().is_empty()
            || self.to_confirm
            || self.rating.is_some()
    }

    /// `confirm`: the report's results to confirm, when that filter is on.
    fn shows_initiative(
        &self,
        initiative: &Initiative,
        as_of: FiscalAsOf,
        confirm: &HashSet<Id>,
    ) -> bool {
        if self.to_confirm
            && !initiative
                .topics
                .iter()
                .any(|t| Entry::all_in(&t.actual).any(|e| confirm.contains(&e.id)))
        {
            return false;
        }
        if let Some(d) = &self.division
            && !initiative
                .topics
                .iter()
                .any(|t| initiative.divisions_of(t).contains(&d.as_str()))
            && !(initiative.topics.is_empty() && initiative.divisions.contains(d))
        {
            return false;
        }
        if let Some(s) = self.status
            && initiative_status(initiative, as_of) != s
        {
            return false;
        }
        if self.rating.as_ref().is_some_and(|r| !r.shows(initiative)) {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty() || initiative_contains(initiative, needle)
    }

    fn shows_topic(&self, initiative: &Initiative, topic: &Topic, confirm: &HashSet<Id>) -> bool {
        (!self.to_confirm || Entry::all_in(&topic.actual).any(|e| confirm.contains(&e.id)))
            && self
                .division
                .as_deref()
                .is_none_or(|d| initiative.divisions_of(topic).contains(&d))
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
    let entries = |list: &[Entry]| Entry::all_in(list).any(|e| text_contains(&e.text, needle));
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
                || entries(&t.plan)
                || entries(&t.actual)
        })
}

pub fn text_contains(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && haystack.to_lowercase().contains(&needle.to_lowercase())
}

pub fn rows(report: &Report, filter: &RowFilter) -> Vec<GridRow> {
    let as_of = report.fiscal_as_of();
    let confirm: HashSet<Id> = if filter.to_confirm {
        report.results_asking_to_confirm()
    } else {
        HashSet::new()
    };
    // Made the size of the whole grid at once: grown by doubling, the rows of a large report
    // left behind twice their size in memory the system did not take back.
    let mut out = Vec::with_capacity(rows_at_most(report));
    for (s, section) in report.sections.iter().enumerate() {
        let shown: Vec<usize> = section
            .initiatives
            .iter()
            .enumerate()
            .filter(|(_, i)| filter.shows_initiative(i, as_of, &confirm))
            .map(|(k, _)| k)
            .collect();
        if shown.is_empty() && filter.is_narrowed() {
            continue;
        }
        out.push(GridRow::Section { section: s });
        if filter.is_folded(section.id) {
            continue;
        }
        for i in shown {
            let initiative = &section.initiatives[i];
            out.push(GridRow::Initiative {
                section: s,
                initiative: i,
            });
            if filter.is_folded(initiative.id) {
                continue;
            }
            initiative_rows(initiative, (s, i), filter, &confirm, &mut out);
        }
    }
    // Filtered or folded, the grid is shorter than the room made for it.
    out.shrink_to_fit();
    out
}

/// The rows of the grid with nothing filtered or folded.
fn rows_at_most(report: &Report) -> usize {
    let entries = |list: &[Entry]| list.iter().map(|e| 1 + e.subs.len()).sum::<usize>();
    let initiative = |i: &Initiative| {
        let lanes: usize = i.items.iter().map(|x| x.lanes.len().max(1)).sum();
        let topics: usize = i
            .topics
            .iter()
            .map(|t| 1 + entries(&t.plan) + entries(&t.actual))
            .sum();
        1 + lanes + topics
    };
    report
        .sections
        .iter()
        .map(|s| 1 + s.initiatives.iter().map(initiative).sum::<usize>())
        .sum()
}

fn initiative_rows(
    initiative: &Initiative,
    (s, i): (usize, usize),
    filter: &RowFilter,
    confirm: &HashSet<Id>,
    out: &mut Vec<GridRow>,
) {
    for (item, action) in initiative.items.iter().enumerate() {
        for lane in 0..action.lanes.len().max(1) {
            out.push(GridRow::Lane {
                section: s,
                initiative: i,
                item,
                lane,
            });
        }
    }
    for (t, topic) in initiative.topics.iter().enumerate() {
        if !filter.shows_topic(initiative, topic, confirm) {
            continue;
        }
        out.push(GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        });
        for side in [Side::Plan, Side::Actual] {
            for (e, entry) in topic.entries(side).iter().enumerate() {
                out.push(GridRow::Entry {
                    section: s,
                    initiative: i,
                    topic: t,
                    side,
                    entry: e,
                    sub: None,
                });
                for sub in 0..entry.subs.len() {
                    out.push(GridRow::Entry {
                        section: s,
                        initiative: i,
                        topic: t,
                        side,
                        entry: e,
                        sub: Some(sub),
                    });
                }
            }
        }
    }
}

/// The entry a row shows.
pub fn entry_of(report: &Report, row: GridRow) -> Option<&Entry> {
    let GridRow::Entry {
        section: s,
        initiative: i,
        topic: t,
        side,
        entry: e,
        sub,
    } = row
    else {
        return None;
    };
    let topic = report.sections.get(s)?.initiatives.get(i)?.topics.get(t)?;
    let entry = topic.entries(side).get(e)?;
    match sub {
        None => Some(entry),
        Some(k) => entry.subs.get(k),
    }
}

/// An entry row's text as a printout or a web page shows it on its line: an entry with
/// sub-items its own words ([`crate::model::sub_text::own_text`]), a sub-item its line
/// ([`crate::model::sub_text::sub_line`]), any other entry its text as written.
pub fn shown_text(report: &Report, row: GridRow) -> Option<String> {
    let GridRow::Entry { sub, .. } = row else {
        return None;
    };
    let parent = entry_of(report, with_sub(row, None))?;
    match sub {
        Some(k) => crate::model::sub_text::sub_line(parent, k),
        None if parent.subs.is_empty() => Some(parent.text.clone()),
        None => Some(crate::model::sub_text::own_text(parent)),
    }
}

/// The entry row `row` with its sub-item index set to `sub`.
fn with_sub(row: GridRow, sub: Option<usize>) -> GridRow {
    match row {
        GridRow::Entry {
            section,
            initiative,
            topic,
            side,
            entry,
            ..
        } => GridRow::Entry {
            section,
            initiative,
            topic,
            side,
            entry,
            sub,
        },
        other => other,
    }
}

/// Whether a row is out of reach in a response sent to one 担当課 (read-only there): only that
/// division's topics and their results can be edited; plans, stages and titles cannot. Always
/// `false` in a master report.
pub fn is_read_only(report: &Report, row: GridRow) -> bool {
    if report.response.is_none() {
        return false;
    }
    let topic = match row {
        GridRow::Topic { topic, .. } => {
            initiative_of(report, row).and_then(|i| i.topics.get(topic))
        }
        GridRow::Entry {
            side: Side::Actual,
            topic,
            ..
        } => initiative_of(report, row).and_then(|i| i.topics.get(topic)),
        _ => None,
    };
    topic.is_none_or(|t| !crate::model::answering::editable(report, t.id))
}

/// The id of what a row shows: its section, initiative, action item, topic or entry.
pub fn thing_of(report: &Report, row: GridRow) -> Option<Id> {
    let section = |s: usize| report.sections.get(s);
    match row {
        GridRow::Section { section: s } => section(s).map(|s| s.id),
        GridRow::Initiative { .. } => initiative_of(report, row).map(|i| i.id),
        GridRow::Lane { item, .. } => initiative_of(report, row)?.items.get(item).map(|x| x.id),
        GridRow::Topic { topic, .. } => initiative_of(report, row)?.topics.get(topic).map(|t| t.id),
        GridRow::Entry { .. } => entry_of(report, row).map(|e| e.id),
        GridRow::Removed { .. } => None,
    }
}

/// The section a row lies in (its own, for a section row); `None` when the row does not
/// point into `report` — a row is an index, checked on every use.
pub fn section_of(report: &Report, row: GridRow) -> Option<&crate::model::Section> {
    let s = match row {
        GridRow::Section { section }
        | GridRow::Initiative { section, .. }
        | GridRow::Lane { section, .. }
        | GridRow::Topic { section, .. }
        | GridRow::Entry { section, .. } => section,
        GridRow::Removed { .. } => return None,
    };
    report.sections.get(s)
}

/// The action item of a lane row.
pub fn item_of(report: &Report, row: GridRow) -> Option<&crate::model::ActionItem> {
    let GridRow::Lane { item, .. } = row else {
        return None;
    };
    initiative_of(report, row)?.items.get(item)
}

pub fn initiative_of(report: &Report, row: GridRow) -> Option<&Initiative> {
    let (s, i) = row.initiative_index()?;
    report.sections.get(s)?.initiatives.get(i)
}

/// The topic a topic heading or entry row belongs to.
pub fn topic_of(report: &Report, row: GridRow) -> Option<&Topic> {
    let topic = match row {
        GridRow::Topic { topic, .. } | GridRow::Entry { topic, .. } => topic,
        _ => return None,
    };
    initiative_of(report, row)?.topics.get(topic)
}

/// How an entry shows in its month lane, in months from April (0.0) to March's end (12.0).
/// One description that the window and the printout each paint in their own way, so the two
/// always show the same marks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EntryMark {
    /// A run of months. An open-ended actual (`5月～`) stops at the as-of date and `continues`.
    Bar {
        from: f32,
        to: f32,
        look: BarLook,
        open_end: bool,
        continues: bool,
    },
    /// 随時: a diamond and the word, in the side's colour.
    AsNeeded,
    /// A month expression that could not be read: a question mark (the text has it).
    Unreadable,
    /// A head whose sub-items carry the months: a thin line over what they cover.
    Covers { from: f32, to: f32 },
    /// Where a plan line stands (met, late, to come), just after its bar, at month `at`.
    Line { at: f32, mark: LineMark },
}

/// Plan: outlined and hatched; actual: solid; 予定: dashed. They differ by shape, not colour
/// alone, so they read in black and white.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarLook {
    Plan,
    Actual,
    Scheduled,
}

/// The marks of an entry; a plan line also gets its [`LineMark`] after its last bar.
pub fn entry_marks(
    entry: &Entry,
    side: Side,
    as_of: f32,
    line: Option<LineMark>,
) -> Vec<EntryMark> {
    let mut marks = bar_marks(entry, side, as_of);
    if let Some(mark) = line {
        let at = marks
            .iter()
            .filter_map(|m| match m {
                EntryMark::Bar { to, .. } | EntryMark::Covers { to, .. } => Some(*to),
                EntryMark::AsNeeded => Some(1.5),
                _ => None,
            })
            .fold(0.0_f32, f32::max);
        marks.push(EntryMark::Line { at, mark });
    }
    marks
}

/// Where a plan entry row stands, for its mark (`None` for results and other rows).
pub fn line_mark(report: &Report, row: GridRow) -> Option<LineMark> {
    let GridRow::Entry {
        side: Side::Plan, ..
    } = row
    else {
        return None;
    };
    let initiative = initiative_of(report, row)?;
    let entry = entry_of(report, row)?;
    plan_entry_status(initiative, entry, report.fiscal_as_of()).map(LineStatus::mark)
}

/// A result row carried over for its 担当課 to confirm (要確認, see [`crate::compare::confirm`]).
pub fn is_to_confirm(report: &Report, row: GridRow) -> bool {
    matches!(
        row,
        GridRow::Entry {
            side: Side::Actual,
            ..
        }
    ) && !report.to_confirm.is_empty()
        && entry_of(report, row).is_some_and(|e| report.asks_to_confirm(e))
}

/// A result row that reports nothing planned (計画外), as [`crate::model::links::unplanned`] says: an
/// activity linked to no plan line, and no sub-item of a result that is. Read from the row's
/// entry and the one it is a sub-item of, not the whole initiative: the window asks it for
/// every row it draws, and one topic may hold 300,000 results (a frame took 0.8 s).
pub fn is_unplanned(report: &Report, row: GridRow) -> bool {
    let GridRow::Entry {
        section,
        initiative,
        topic,
        side: Side::Actual,
        entry,
        sub,
    } = row
    else {
        return false;
    };
    let parent = GridRow::Entry {
        section,
        initiative,
        topic,
        side: Side::Actual,
        entry,
        sub: None,
    };
    let parent_linked =
        sub.is_some() && entry_of(report, parent).is_some_and(|p| !p.reports.is_empty());
    entry_of(report, row).is_some_and(|e| {
        e.reports.is_empty() && !parent_linked && e.kind == crate::model::EntryKind::Activity
    })
}

fn bar_marks(entry: &Entry, side: Side, as_of: f32) -> Vec<EntryMark> {
    let Some(timing) = &entry.timing else {
        if entry.when.is_some() {
            return vec![EntryMark::Unreadable];
        }
        return entry
            .covered_months()
            .runs()
            .into_iter()
            .map(|(a, b)| EntryMark::Covers {
                from: a as f32,
                to: b as f32 + 1.0,
            })
            .collect();
    };
    if timing.kind == TimingKind::AsNeeded {
        return vec![EntryMark::AsNeeded];
    }
    let look = match (side, timing.scheduled) {
        (Side::Plan, _) => BarLook::Plan,
        (Side::Actual, false) => BarLook::Actual,
        (Side::Actual, true) => BarLook::Scheduled,
    };
    timing
        .months
        .runs()
        .into_iter()
        .map(|(a, b)| {
            let (from, mut to) = (a as f32, b as f32 + 1.0);
            let continues = side == Side::Actual && timing.open_end && to > as_of;
            if continues {
                to = as_of.max(from);
            }
            EntryMark::Bar {
                from,
                to,
                look,
                open_end: timing.open_end,
                continues,
            }
        })
        .collect()
}

/// The [`Standing`]s of the initiatives a window draws, each worked out when first asked for
/// and kept until the report changes (its revision): the window asked each row alone, and each
/// such question went over the row's whole initiative — a frame with one topic of 300,000
/// results on screen took 112 ms (0.49 ms with this).
#[derive(Default)]
pub struct StandingCache {
    revision: std::cell::Cell<Option<u64>>,
    by_initiative: std::cell::RefCell<HashMap<Id, std::rc::Rc<Standing>>>,
}

impl StandingCache {
    /// The standing of `initiative` of `report` at `revision`.
    pub fn of(
        &self,
        report: &Report,
        revision: u64,
        initiative: &Initiative,
    ) -> std::rc::Rc<Standing> {
        if self.revision.get() != Some(revision) {
            self.by_initiative.borrow_mut().clear();
            self.revision.set(Some(revision));
        }
        if let Some(known) = self.by_initiative.borrow().get(&initiative.id) {
            return known.clone();
        }
        let standing = std::rc::Rc::new(Standing::of(initiative, report.fiscal_as_of()));
        self.by_initiative
            .borrow_mut()
            .insert(initiative.id, standing.clone());
        standing
    }

    /// The standing of the row's initiative.
    pub fn of_row(
        &self,
        report: &Report,
        revision: u64,
        row: GridRow,
    ) -> Option<std::rc::Rc<Standing>> {
        initiative_of(report, row).map(|i| self.of(report, revision, i))
    }
}

/// Every initiative's [`Standing`], by section and initiative index, worked out once for a
/// printout or a web page (on every core): what each row's status cell and plan-line mark
/// say, without going over the initiative again for each of its rows.
pub struct Standings(Vec<Vec<Standing>>);

impl Standings {
    pub fn of(report: &Report) -> Standings {
        use rayon::prelude::*;
        let as_of = report.fiscal_as_of();
        Standings(
            report
                .sections
                .iter()
                .map(|s| {
                    s.initiatives
                        .par_iter()
                        .map(|i| Standing::of(i, as_of))
                        .collect()
                })
                .collect(),
        )
    }

    /// The standing of the row's initiative.
    pub fn of_row(&self, row: GridRow) -> Option<&Standing> {
        let (s, i) = row.initiative_index()?;
        self.0.get(s)?.get(i)
    }

    /// Where a plan entry row stands (`None` for results and other rows), as
    /// [`plan_entry_status`] says.
    pub fn plan_line(&self, report: &Report, row: GridRow) -> Option<LineStatus> {
        let GridRow::Entry {
            side: Side::Plan, ..
        } = row
        else {
            return None;
        };
        self.of_row(row)?.line(entry_of(report, row)?.id)
    }

    /// The mark of a plan entry row, as [`line_mark`] gives it.
    pub fn line_mark(&self, report: &Report, row: GridRow) -> Option<LineMark> {
        self.plan_line(report, row).map(LineStatus::mark)
    }

    /// A result row that reports nothing planned (計画外), as [`is_unplanned`] says.
    pub fn is_unplanned(&self, report: &Report, row: GridRow) -> bool {
        let GridRow::Entry {
            side: Side::Actual, ..
        } = row
        else {
            return false;
        };
        match (self.of_row(row), entry_of(report, row)) {
            (Some(standing), Some(e)) => standing.is_unplanned(e.id),
            _ => false,
        }
    }

    /// The counts of a section's initiatives by status, as [`crate::model::status::section_counts`] gives them.
    pub fn section_counts(&self, section: usize) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for standing in self.0.get(section).into_iter().flatten() {
            counts.add(standing.initiative());
        }
        counts
    }
}

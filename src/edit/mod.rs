//! Edit commands on a report, each with its inverse. Views build an [`Edit`]; [`apply`] is the
//! only code that changes a report after import, and it returns the edit that undoes it.

mod entry_text;
pub mod history;
pub mod spans;

pub use entry_text::*;
pub use history::History;

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::model::{
    ActionItem, AsOf, Entry, Id, Initiative, Period, Report, Side, StageSpan, Topic,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Put an entry into a topic's plan or actual list, or under another entry as a sub-item.
    InsertEntry {
        topic: Id,
        side: Side,
        parent: Option<Id>,
        index: usize,
        entry: Entry,
    },
    RemoveEntry {
        id: Id,
    },
    /// Replace the entry with the same id (text, months, counts, notes, 予定 …).
    ReplaceEntry {
        entry: Entry,
    },
    MoveEntry {
        id: Id,
        index: usize,
    },
    InsertTopic {
        initiative: Id,
        index: usize,
        topic: Topic,
    },
    RemoveTopic {
        id: Id,
    },
    SetTopicHeading {
        id: Id,
        heading: Option<String>,
    },
    SetTopicDivision {
        id: Id,
        division: Option<String>,
    },
    MoveTopic {
        id: Id,
        index: usize,
    },
    /// Replace one lane of an action item's stages (a span's years or label changed).
    SetStageLane {
        item: Id,
        lane: usize,
        spans: Vec<StageSpan>,
    },
    InsertItem {
        initiative: Id,
        index: usize,
        item: ActionItem,
    },
    RemoveItem {
        id: Id,
    },
    SetItemName {
        id: Id,
        name: String,
    },
    InsertInitiative {
        section: Id,
        index: usize,
        initiative: Initiative,
    },
    RemoveInitiative {
        id: Id,
    },
    SetInitiativeTitle {
        id: Id,
        title: String,
    },
    SetDivisions {
        initiative: Id,
        divisions: Vec<String>,
    },
    SetPeriod {
        period: Period,
    },
    SetAsOf {
        as_of: Option<AsOf>,
    },
    /// Several edits as one step; undone in reverse order.
    Batch(Vec<Edit>),
}

/// An edit that names something no longer in the report (a stale command): nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn missing(what: &str, id: Id) -> EditError {
    EditError(format!("no {what} {id} in the report"))
}

/// Applies an edit and returns its inverse. On error the report is unchanged.
pub fn apply(report: &mut Report, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::InsertEntry {
            topic,
            side,
            parent,
            index,
            entry,
        } => {
            let id = entry.id;
            let list = entry_list(report, topic, side, parent)?;
            list.insert(index.min(list.len()), entry);
            Edit::RemoveEntry { id }
        }
        Edit::RemoveEntry { id } => {
            let (topic, side, parent, index) = locate_entry(report, id)?;
            let list = entry_list(report, topic, side, parent)?;
            let entry = list.remove(index);
            Edit::InsertEntry {
                topic,
                side,
                parent,
                index,
                entry,
            }
        }
        Edit::ReplaceEntry { entry } => {
            let slot = entry_mut(report, entry.id)?;
            Edit::ReplaceEntry {
                entry: std::mem::replace(slot, entry),
            }
        }
        Edit::MoveEntry { id, index } => {
            let (topic, side, parent, from) = locate_entry(report, id)?;
            let list = entry_list(report, topic, side, parent)?;
            let entry = list.remove(from);
            list.insert(index.min(list.len()), entry);
            Edit::MoveEntry { id, index: from }
        }
        Edit::InsertTopic {
            initiative,
            index,
            topic,
        } => {
            let id = topic.id;
            let topics = &mut initiative_mut(report, initiative)?.topics;
            topics.insert(index.min(topics.len()), topic);
            Edit::RemoveTopic { id }
        }
        Edit::RemoveTopic { id } => {
            let (initiative, index) = locate_topic(report, id)?;
            let topic = initiative_mut(report, initiative)?.topics.remove(index);
            Edit::InsertTopic {
                initiative,
                index,
                topic,
            }
        }
        Edit::SetTopicHeading { id, heading } => {
            let topic = topic_mut(report, id)?;
            Edit::SetTopicHeading {
                id,
                heading: std::mem::replace(&mut topic.heading, heading),
            }
        }
        Edit::SetTopicDivision { id, division } => {
            let topic = topic_mut(report, id)?;
            Edit::SetTopicDivision {
                id,
                division: std::mem::replace(&mut topic.division, division),
            }
        }
        Edit::MoveTopic { id, index } => {
            let (initiative, from) = locate_topic(report, id)?;
            let topics = &mut initiative_mut(report, initiative)?.topics;
            let topic = topics.remove(from);
            topics.insert(index.min(topics.len()), topic);
            Edit::MoveTopic { id, index: from }
        }
        Edit::SetStageLane { item, lane, spans } => {
            spans::check_lane(report.plan_years, item, lane, &spans)?;
            let action = item_mut(report, item)?;
            let slot = action
                .lanes
                .get_mut(lane)
                .ok_or_else(|| EditError(format!("item {item} has no lane {lane}")))?;
            Edit::SetStageLane {
                item,
                lane,
                spans: std::mem::replace(slot, spans),
            }
        }
        Edit::InsertItem {
            initiative,
            index,
            item,
        } => {
            let id = item.id;
            spans::check_item(report.plan_years, &item)?;
            let items = &mut initiative_mut(report, initiative)?.items;
            items.insert(index.min(items.len()), item);
            Edit::RemoveItem { id }
        }
        Edit::RemoveItem { id } => {
            let (initiative, index) = report
                .initiatives()
                .find_map(|i| i.items.iter().position(|x| x.id == id).map(|k| (i.id, k)))
                .ok_or_else(|| missing("action item", id))?;
            let item = initiative_mut(report, initiative)?.items.remove(index);
            Edit::InsertItem {
                initiative,
                index,
                item,
            }
        }
        Edit::SetItemName { id, name } => {
            let item = item_mut(report, id)?;
            Edit::SetItemName {
                id,
                name: std::mem::replace(&mut item.name, name),
            }
        }
        Edit::InsertInitiative {
            section,
            index,
            initiative,
        } => {
            let id = initiative.id;
            spans::check_initiative(report.plan_years, &initiative)?;
            let list = &mut report
                .sections
                .iter_mut()
                .find(|s| s.id == section)
                .ok_or_else(|| missing("section", section))?
                .initiatives;
            list.insert(index.min(list.len()), initiative);
            Edit::RemoveInitiative { id }
        }
        Edit::RemoveInitiative { id } => {
            let (s, index) = report
                .sections
                .iter()
                .enumerate()
                .find_map(|(s, sec)| {
                    sec.initiatives
                        .iter()
                        .position(|i| i.id == id)
                        .map(|k| (s, k))
                })
                .ok_or_else(|| missing("initiative", id))?;
            let initiative = report.sections[s].initiatives.remove(index);
            Edit::InsertInitiative {
                section: report.sections[s].id,
                index,
                initiative,
            }
        }
        Edit::SetInitiativeTitle { id, title } => {
            let initiative = initiative_mut(report, id)?;
            Edit::SetInitiativeTitle {
                id,
                title: std::mem::replace(&mut initiative.title, title),
            }
        }
        Edit::SetDivisions {
            initiative,
            divisions,
        } => {
            let i = initiative_mut(report, initiative)?;
            Edit::SetDivisions {
                initiative,
                divisions: std::mem::replace(&mut i.divisions, divisions),
            }
        }
        Edit::SetPeriod { period } => Edit::SetPeriod {
            period: std::mem::replace(&mut report.period, period),
        },
        Edit::SetAsOf { as_of } => Edit::SetAsOf {
            as_of: std::mem::replace(&mut report.as_of, as_of),
        },
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(report, edit) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(e) => {
                        // Leave the report as it was before the batch.
                        for inverse in inverses.into_iter().rev() {
                            let _ = apply(report, inverse);
                        }
                        return Err(e);
                    }
                }
            }
            inverses.reverse();
            Edit::Batch(inverses)
        }
    })
}

fn initiative_mut(report: &mut Report, id: Id) -> Result<&mut Initiative, EditError> {
    report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .find(|i| i.id == id)
        .ok_or_else(|| missing("initiative", id))
}

fn item_mut(report: &mut Report, id: Id) -> Result<&mut ActionItem, EditError> {
    report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.items.iter_mut())
        .find(|x| x.id == id)
        .ok_or_else(|| missing("action item", id))
}

fn topic_mut(report: &mut Report, id: Id) -> Result<&mut Topic, EditError> {
    report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.topics.iter_mut())
        .find(|t| t.id == id)
        .ok_or_else(|| missing("topic", id))
}

fn locate_topic(report: &Report, id: Id) -> Result<(Id, usize), EditError> {
    report
        .initiatives()
        .find_map(|i| i.topics.iter().position(|t| t.id == id).map(|k| (i.id, k)))
        .ok_or_else(|| missing("topic", id))
}

/// The list an entry lives in: (topic, side, parent entry, index).
pub fn locate_entry(report: &Report, id: Id) -> Result<(Id, Side, Option<Id>, usize), EditError> {
    for initiative in report.initiatives() {
        for topic in &initiative.topics {
            for (side, list) in [(Side::Plan, &topic.plan), (Side::Actual, &topic.actual)] {
                if let Some((parent, index)) = find_in(list, id, None) {
                    return Ok((topic.id, side, parent, index));
                }
            }
        }
    }
    Err(missing("entry", id))
}

fn find_in(list: &[Entry], id: Id, parent: Option<Id>) -> Option<(Option<Id>, usize)> {
    for (k, e) in list.iter().enumerate() {
        if e.id == id {
            return Some((parent, k));
        }
        if let Some(found) = find_in(&e.subs, id, Some(e.id)) {
            return Some(found);
        }
    }
    None
}

pub fn find_entry(report: &Report, id: Id) -> Option<&Entry> {
    fn walk(list: &[Entry], id: Id) -> Option<&Entry> {
        list.iter().find_map(|e| {
            if e.id == id {
                Some(e)
            } else {
                walk(&e.subs, id)
            }
        })
    }
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find_map(|t| walk(&t.plan, id).or_else(|| walk(&t.actual, id)))
}

fn entry_mut(report: &mut Report, id: Id) -> Result<&mut Entry, EditError> {
    fn walk(list: &mut [Entry], id: Id) -> Option<&mut Entry> {
        for e in list {
            if e.id == id {
                return Some(e);
            }
            if let Some(found) = walk(&mut e.subs, id) {
                return Some(found);
            }
        }
        None
    }
    report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.topics.iter_mut())
        .find_map(|t| {
            if let Some(e) = walk(&mut t.plan, id) {
                return Some(e);
            }
            walk(&mut t.actual, id)
        })
        .ok_or_else(|| missing("entry", id))
}

fn entry_list(
    report: &mut Report,
    topic: Id,
    side: Side,
    parent: Option<Id>,
) -> Result<&mut Vec<Entry>, EditError> {
    match parent {
        Some(p) => Ok(&mut entry_mut(report, p)?.subs),
        None => {
            let t = topic_mut(report, topic)?;
            Ok(match side {
                Side::Plan => &mut t.plan,
                Side::Actual => &mut t.actual,
            })
        }
    }
}

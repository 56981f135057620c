//! Each kind of [`Edit`] applied to the report, returning the edit that undoes it: a table with
//! one arm per kind, and a small function for each kind that takes more than one expression.
//! A new kind of edit is one arm here (and its function).

use std::mem::replace;

use super::{
    Edit, EditError, Thing, apply, entry_list, entry_mut, initiative_mut, item_mut, locate_entry,
    locate_topic, missing, spans, topic_mut,
};
use crate::model::{
    ActionItem, DivisionSurvey, Entry, EntryPlace, Id, Initiative, Report, Side, StageSpan, Topic,
};

/// Applies one edit where it says, without the sub-item bookkeeping of [`apply`].
pub(super) fn apply_here(report: &mut Report, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::InsertEntry {
            topic,
            side,
            parent,
            index,
            entry,
        } => insert_entry(report, (topic, side, parent), index, entry),
        Edit::RemoveEntry { id } => remove_entry(report, id),
        Edit::ReplaceEntry { entry } => Ok(Edit::ReplaceEntry {
            entry: replace(entry_mut(report, entry.id)?, entry),
        }),
        Edit::MoveEntry { id, index } => move_entry(report, id, index),
        Edit::InsertTopic {
            initiative,
            index,
            topic,
        } => insert_topic(report, initiative, index, topic),
        Edit::RemoveTopic { id } => remove_topic(report, id),
        Edit::SetTopicHeading { id, heading } => Ok(Edit::SetTopicHeading {
            id,
            heading: replace(&mut topic_mut(report, id)?.heading, heading),
        }),
        Edit::SetTopicDivision { id, division } => Ok(Edit::SetTopicDivision {
            id,
            division: replace(&mut topic_mut(report, id)?.division, division),
        }),
        Edit::MoveTopic { id, index } => move_topic(report, id, index),
        Edit::SetStageLane { item, lane, spans } => set_stage_lane(report, item, lane, spans),
        Edit::InsertItem {
            initiative,
            index,
            item,
        } => insert_item(report, initiative, index, item),
        Edit::RemoveItem { id } => remove_item(report, id),
        Edit::SetItemName { id, name } => Ok(Edit::SetItemName {
            id,
            name: replace(&mut item_mut(report, id)?.name, name),
        }),
        Edit::InsertInitiative {
            section,
            index,
            initiative,
        } => insert_initiative(report, section, index, initiative),
        Edit::RemoveInitiative { id } => remove_initiative(report, id),
        Edit::SetInitiativeTitle { id, title } => Ok(Edit::SetInitiativeTitle {
            id,
            title: replace(&mut initiative_mut(report, id)?.title, title),
        }),
        Edit::SetDivisions {
            initiative,
            divisions,
        } => Ok(Edit::SetDivisions {
            initiative,
            divisions: replace(
                &mut initiative_mut(report, initiative)?.divisions,
                divisions,
            ),
        }),
        Edit::SetPeriod { period } => Ok(Edit::SetPeriod {
            period: replace(&mut report.period, period),
        }),
        Edit::SetAsOf { as_of } => Ok(Edit::SetAsOf {
            as_of: replace(&mut report.as_of, as_of),
        }),
        Edit::SetReports { entry, reports } => Ok(Edit::SetReports {
            entry,
            reports: replace(&mut entry_mut(report, entry)?.reports, reports),
        }),
        Edit::SetEntries {
            topic,
            side,
            entries,
        } => Ok(Edit::SetEntries {
            topic,
            side,
            entries: replace(topic_mut(report, topic)?.entries_mut(side), entries),
        }),
        Edit::SetDivisionSurvey { division, record } => {
            Ok(set_division_survey(report, division, record))
        }
        Edit::SetMeasures {
            initiative,
            measures,
        } => Ok(Edit::SetMeasures {
            initiative,
            measures: Box::new(initiative_mut(report, initiative)?.set_measures(*measures)),
        }),
        Edit::SetMeasureSettings { settings } => Ok(Edit::SetMeasureSettings {
            settings: Box::new(replace(&mut report.measure_settings, *settings)),
        }),
        Edit::Batch(edits) => batch(report, edits),
    }
}

fn insert_entry(
    report: &mut Report,
    (topic, side, parent): (Id, Side, Option<Id>),
    index: usize,
    entry: Entry,
) -> Result<Edit, EditError> {
    let id = entry.id;
    let mut list = entry_list(report, topic, side, parent)?;
    list.insert(index.min(list.len()), entry);
    Ok(Edit::RemoveEntry { id })
}

fn remove_entry(report: &mut Report, id: Id) -> Result<Edit, EditError> {
    let EntryPlace {
        topic,
        side,
        parent,
        index,
    } = locate_entry(report, id)?;
    let mut list = entry_list(report, topic, side, parent)?;
    let entry = list.remove(index);
    Ok(Edit::InsertEntry {
        topic,
        side,
        parent,
        index,
        entry,
    })
}

fn move_entry(report: &mut Report, id: Id, index: usize) -> Result<Edit, EditError> {
    let place = locate_entry(report, id)?;
    let from = place.index;
    let mut list = entry_list(report, place.topic, place.side, place.parent)?;
    let entry = list.remove(from);
    list.insert(index.min(list.len()), entry);
    Ok(Edit::MoveEntry { id, index: from })
}

fn insert_topic(
    report: &mut Report,
    initiative: Id,
    index: usize,
    topic: Topic,
) -> Result<Edit, EditError> {
    let id = topic.id;
    let topics = &mut initiative_mut(report, initiative)?.topics;
    topics.insert(index.min(topics.len()), topic);
    Ok(Edit::RemoveTopic { id })
}

fn remove_topic(report: &mut Report, id: Id) -> Result<Edit, EditError> {
    let (initiative, index) = locate_topic(report, id)?;
    let topic = initiative_mut(report, initiative)?.topics.remove(index);
    Ok(Edit::InsertTopic {
        initiative,
        index,
        topic,
    })
}

fn move_topic(report: &mut Report, id: Id, index: usize) -> Result<Edit, EditError> {
    let (initiative, from) = locate_topic(report, id)?;
    let topics = &mut initiative_mut(report, initiative)?.topics;
    let topic = topics.remove(from);
    topics.insert(index.min(topics.len()), topic);
    Ok(Edit::MoveTopic { id, index: from })
}

fn set_stage_lane(
    report: &mut Report,
    item: Id,
    lane: usize,
    spans: Vec<StageSpan>,
) -> Result<Edit, EditError> {
    spans::check_lane(report.plan_years, item, lane, &spans)?;
    let action = item_mut(report, item)?;
    let slot = action
        .lanes
        .get_mut(lane)
        .ok_or(EditError::NoLane { item, lane })?;
    Ok(Edit::SetStageLane {
        item,
        lane,
        spans: replace(slot, spans),
    })
}

fn insert_item(
    report: &mut Report,
    initiative: Id,
    index: usize,
    item: ActionItem,
) -> Result<Edit, EditError> {
    let id = item.id;
    spans::check_item(report.plan_years, &item)?;
    let items = &mut initiative_mut(report, initiative)?.items;
    items.insert(index.min(items.len()), item);
    Ok(Edit::RemoveItem { id })
}

fn remove_item(report: &mut Report, id: Id) -> Result<Edit, EditError> {
    let (initiative, index) = report
        .initiatives()
        .find_map(|i| i.items.iter().position(|x| x.id == id).map(|k| (i.id, k)))
        .ok_or_else(|| missing(Thing::ActionItem, id))?;
    let item = initiative_mut(report, initiative)?.items.remove(index);
    Ok(Edit::InsertItem {
        initiative,
        index,
        item,
    })
}

fn insert_initiative(
    report: &mut Report,
    section: Id,
    index: usize,
    initiative: Initiative,
) -> Result<Edit, EditError> {
    let id = initiative.id;
    spans::check_initiative(report.plan_years, &initiative)?;
    let list = &mut report
        .sections
        .iter_mut()
        .find(|s| s.id == section)
        .ok_or_else(|| missing(Thing::Section, section))?
        .initiatives;
    list.insert(index.min(list.len()), initiative);
    Ok(Edit::RemoveInitiative { id })
}

fn remove_initiative(report: &mut Report, id: Id) -> Result<Edit, EditError> {
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
        .ok_or_else(|| missing(Thing::Initiative, id))?;
    let initiative = report.sections[s].initiatives.remove(index);
    Ok(Edit::InsertInitiative {
        section: report.sections[s].id,
        index,
        initiative,
    })
}

fn set_division_survey(
    report: &mut Report,
    division: String,
    record: Option<DivisionSurvey>,
) -> Edit {
    let at = report.survey.iter().position(|s| s.division == division);
    let old = match (at, record) {
        (Some(k), Some(r)) => Some(replace(&mut report.survey[k], r)),
        (Some(k), None) => Some(report.survey.remove(k)),
        (None, Some(r)) => {
            // Kept in division order, so removing and putting back is exact.
            let k = report
                .survey
                .partition_point(|s| s.division.as_str() < r.division.as_str());
            report.survey.insert(k, r);
            None
        }
        (None, None) => None,
    };
    Edit::SetDivisionSurvey {
        division,
        record: old,
    }
}

/// Every edit of a batch, or none: on an error the ones applied are undone.
fn batch(report: &mut Report, edits: Vec<Edit>) -> Result<Edit, EditError> {
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
    Ok(Edit::Batch(inverses))
}

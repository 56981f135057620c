//! What a response may change: the results (実績) of the topics its 担当課 answers for. Every
//! other edit — a plan text, another division's topic, a heading, a stage, a title, the
//! period — is refused here ([`check`], called by `Document` before every edit); the window asks
//! [`crate::model::answering::editable`] to draw other rows read-only.

use std::collections::HashSet;

use super::{Edit, EditError, OutOfScope, TopicName};
use crate::model::answering::{answers_for, topic_divisions};
use crate::model::{Entry, Id, Report, Side};

/// Whether the edit may be applied to this report: `Err(OutOfScope)` when the report is a
/// response and the edit reaches beyond its division's results.
pub fn check(report: &Report, edit: &Edit) -> Result<(), EditError> {
    let Some(response) = &report.response else {
        return Ok(());
    };
    let division = response.division.as_str();
    check_one(report, division, edit, &mut HashSet::new()).map_err(|reason| EditError::OutOfScope {
        division: division.to_string(),
        reason,
    })
}

fn check_one(
    report: &Report,
    division: &str,
    edit: &Edit,
    inserted: &mut HashSet<Id>,
) -> Result<(), OutOfScope> {
    let results_of = |topic: Id, side: Side| {
        if !answers_for(report, division, topic) {
            let division = report.initiative_of_topic(topic).and_then(|i| {
                i.topics
                    .iter()
                    .find(|t| t.id == topic)
                    .and_then(|t| topic_divisions(i, t).first().map(|d| d.to_string()))
            });
            let topic = TopicName::of(report, topic);
            return Err(OutOfScope::OtherDivision { topic, division });
        }
        if side == Side::Plan {
            let topic = TopicName::of(report, topic);
            return Err(OutOfScope::Plan { topic });
        }
        Ok(())
    };
    let of_entry = |id: Id, inserted: &HashSet<Id>| {
        if inserted.contains(&id) {
            return Ok(());
        }
        match report.entry_place(id) {
            Some(place) => results_of(place.topic, place.side),
            // Not in the report: applying it fails with Missing, which says more.
            None => Ok(()),
        }
    };
    match edit {
        Edit::InsertEntry {
            topic, side, entry, ..
        } => {
            results_of(*topic, *side)?;
            note_ids(entry, inserted);
        }
        Edit::SetEntries {
            topic,
            side,
            entries,
        } => {
            results_of(*topic, *side)?;
            for e in entries {
                note_ids(e, inserted);
            }
        }
        Edit::RemoveEntry { id } | Edit::MoveEntry { id, .. } => of_entry(*id, inserted)?,
        Edit::SetReports { entry, .. } => of_entry(*entry, inserted)?,
        Edit::ReplaceEntry { entry } => {
            of_entry(entry.id, inserted)?;
            note_ids(entry, inserted);
        }
        Edit::SetMeasures {
            initiative,
            measures,
        } => super::measures::check_scope(report, division, *initiative, measures)?,
        Edit::Batch(edits) => {
            for e in edits {
                check_one(report, division, e, inserted)?;
            }
        }
        _ => return Err(OutOfScope::NotResults),
    }
    Ok(())
}

fn note_ids(entry: &Entry, ids: &mut HashSet<Id>) {
    ids.insert(entry.id);
    for s in &entry.subs {
        note_ids(s, ids);
    }
}

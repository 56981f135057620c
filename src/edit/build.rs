//! Building edits that need more than their arguments: new ids, the plan entry copied by
//! 計画どおり実施, a stage lane with one span changed.

use super::{Edit, EditError, Thing, locate_entry};
use crate::model::diag::WarningKind;
use crate::model::entry_text::{compose_text, new_entry};
use crate::model::months::Timing;
use crate::model::{
    Entry, EntryKind, FiscalYear, Id, Report, Side, StageSpan, ThinVec, Topic, thin_vec,
};

/// "Done as planned": an actual entry in the same topic with the plan entry's label and months.
pub fn done_as_planned(report: &mut Report, plan_entry: Id) -> Result<Edit, EditError> {
    let place = locate_entry(report, plan_entry)?;
    if place.side != Side::Plan {
        return Err(EditError::NotAPlanEntry { id: plan_entry });
    }
    let topic = place.topic;
    let plan = report
        .entry(plan_entry)
        .cloned()
        .ok_or(EditError::Missing {
            what: Thing::Entry,
            id: plan_entry,
        })?;
    let timing = plan.timing.clone().map(|t| Timing {
        scheduled: false,
        ..t
    });
    let when = timing.as_ref().map(Timing::to_japanese);
    let mut entry = Entry {
        id: Id(0),
        kind: EntryKind::Activity,
        bullet: true,
        text: String::new(),
        label: plan.label.clone(),
        when,
        timing,
        counts: ThinVec::new(),
        notes: ThinVec::new(),
        subs: ThinVec::new(),
        // It reports the plan entry it was made from.
        reports: thin_vec![plan_entry],
    };
    entry.text = compose_text(&entry);
    report.give_new_ids(&mut entry);
    let index = report.topic(topic).map_or(0, |t| t.actual.len());
    Ok(Edit::InsertEntry {
        topic,
        side: Side::Actual,
        parent: None,
        index,
        entry,
    })
}

/// A new entry at the end of a topic's plan or actual list.
pub fn add_entry(
    report: &mut Report,
    topic: Id,
    side: Side,
    text: &str,
) -> (Edit, Vec<WarningKind>) {
    let (mut entry, problems) = new_entry(report, text);
    let index = report.topic(topic).map_or(0, |t| t.entries(side).len());
    if side == Side::Actual
        && let Some(initiative) = report.initiative_of_topic(topic)
    {
        // A result typed in reports the plan line a person would pair it with.
        entry.reports = crate::model::links::propose_for(initiative, topic, &entry).into();
    }
    (
        Edit::InsertEntry {
            topic,
            side,
            parent: None,
            index,
            entry,
        },
        problems,
    )
}

pub fn new_topic(report: &mut Report, heading: Option<String>, division: Option<String>) -> Topic {
    Topic {
        id: report.allocate_id(),
        heading,
        division,
        plan: Vec::new(),
        actual: Vec::new(),
    }
}

/// One stage span moved to other years (whole fiscal years; first ≤ last, within the plan).
pub fn resize_span(
    report: &Report,
    item: Id,
    lane: usize,
    index: usize,
    first: FiscalYear,
    last: FiscalYear,
) -> Result<Edit, EditError> {
    let spans = lane_of(report, item, lane)?;
    let mut spans = spans.clone();
    let range = report.plan_years;
    let first = first.clamp(range.first, range.last);
    let last = last.clamp(first, range.last);
    let span = spans
        .get_mut(index)
        .ok_or(EditError::NoSpan { item, lane, index })?;
    span.first = first;
    span.last = last;
    Ok(Edit::SetStageLane { item, lane, spans })
}

/// One stage span given a new label: a known stage (検討, 実施 …), `→ 実施`, `→`, or free text.
pub fn relabel_span(
    report: &Report,
    item: Id,
    lane: usize,
    index: usize,
    written: &str,
) -> Result<Edit, EditError> {
    let mut spans = lane_of(report, item, lane)?.clone();
    let span = spans
        .get_mut(index)
        .ok_or(EditError::NoSpan { item, lane, index })?;
    *span = StageSpan::new(span.first, span.last, written);
    Ok(Edit::SetStageLane { item, lane, spans })
}

fn lane_of(report: &Report, item: Id, lane: usize) -> Result<&Vec<StageSpan>, EditError> {
    report
        .item(item)
        .and_then(|x| x.lanes.get(lane))
        .ok_or(EditError::NoLane { item, lane })
}

//! What a user asks to change, in the user's terms ("move this entry up", "these months"),
//! turned into an [`Edit`] against the report as it is when the request is carried out — not
//! as it was when a view drew it. The window sends these; tests and scripts can too.

use super::{Edit, EditError, Thing, add_entry, done_as_planned, new_topic, relabel_span};
use crate::model::entry_text::{with_scheduled, with_text, with_timing};
use crate::model::{
    AsOf, DivisionSurvey, Entry, FiscalYear, Id, MonthSet, Period, Report, SentBack, Side, Timing,
};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// New text for an entry (months, counts and notes are read from it again).
    SetEntryText {
        id: Id,
        text: String,
    },
    /// New months as typed and read (`None` removes them); the text is rewritten.
    SetEntryTiming {
        id: Id,
        timing: Option<Timing>,
    },
    /// New months from a drag along the month lane; the entry stays 予定 if it was.
    SetEntryMonths {
        id: Id,
        months: MonthSet,
    },
    SetScheduled {
        id: Id,
        scheduled: bool,
    },
    /// A new entry, typed as written (`研修の実施(6月)`), at the end of a topic's list.
    AddEntry {
        topic: Id,
        side: Side,
        text: String,
    },
    /// 計画どおり実施: an actual with the plan entry's label and months.
    DoneAsPlanned {
        id: Id,
    },
    RemoveEntry {
        id: Id,
    },
    /// Up (negative) or down (positive) within its list.
    MoveEntry {
        id: Id,
        by: isize,
    },
    AddTopic {
        initiative: Id,
        heading: Option<String>,
    },
    RemoveTopic {
        id: Id,
    },
    MoveTopic {
        id: Id,
        by: isize,
    },
    /// An empty heading removes it.
    SetTopicHeading {
        id: Id,
        heading: String,
    },
    SetInitiativeTitle {
        id: Id,
        title: String,
    },
    SetItemName {
        id: Id,
        name: String,
    },
    /// One stage span to other whole fiscal years.
    ResizeSpan {
        item: Id,
        lane: usize,
        index: usize,
        first: FiscalYear,
        last: FiscalYear,
    },
    RelabelSpan {
        item: Id,
        lane: usize,
        index: usize,
        label: String,
    },
    SetPeriod(Period),
    SetAsOf(Option<AsOf>),
    /// The result reports this plan entry (too).
    Link {
        result: Id,
        plan: Id,
    },
    /// The result no longer reports this plan entry.
    Unlink {
        result: Id,
        plan: Id,
    },
    /// The survey was sent to these 担当課 (照会), due then (`None` keeps a due date set),
    /// with these tokens (by division; a division not named keeps the token it has).
    MarkSent {
        divisions: Vec<String>,
        at: NaiveDateTime,
        due: Option<NaiveDate>,
        tokens: BTreeMap<String, String>,
    },
    /// 差戻し: the division's answer is sent back for correction, with a note.
    SendBack {
        division: String,
        at: NaiveDateTime,
        note: String,
    },
    /// Answers taken in (回答の取り込み): what `survey::Collection::intent` gives.
    TakeAnswers(Box<super::ProvisionalEdit>),
    /// Numbers and judgements: indicators, effects, ratings, the report's scale.
    Measure(super::measures::MeasureIntent),
}

/// What building an intent gives: the edit, `None` when it would change nothing, or why it
/// cannot be done.
type Built = Result<Option<Edit>, EditError>;

impl Intent {
    /// What a step of this intent changes when it changes one initiative only (an entry's
    /// text, months, counts or place, an entry added to one of its topics, its numbers and
    /// judgements): the entry, the topic or the initiative, by id, found in the report only by
    /// whoever needs the initiative ([`StepTarget::initiative`]: the comparison, after the
    /// step), so a step costs no walk of the report when none does.
    pub fn target(&self) -> Option<StepTarget> {
        match self {
            Intent::SetEntryText { id, .. }
            | Intent::SetEntryTiming { id, .. }
            | Intent::SetEntryMonths { id, .. }
            | Intent::SetScheduled { id, .. }
            | Intent::DoneAsPlanned { id }
            | Intent::MoveEntry { id, .. } => Some(StepTarget::Entry(*id)),
            Intent::AddEntry { topic, .. } => Some(StepTarget::Topic(*topic)),
            Intent::Measure(asked) => asked.initiative().map(StepTarget::Initiative),
            // The entry is gone after the step: nothing left to find it by.
            _ => None,
        }
    }

    /// The edit that carries this out on `report` as it stands; `None` when it would change
    /// nothing. May hand out new ids (the caller takes them back if the edit is not applied).
    /// One arm per kind: a new intent is one arm here and, if it takes more than one
    /// expression, one small function below.
    pub fn build(self, report: &mut Report) -> Built {
        match self {
            Intent::SetEntryText { id, text } => set_entry_text(report, id, &text),
            Intent::SetEntryTiming { id, timing } => set_entry_timing(report, id, timing),
            Intent::SetEntryMonths { id, months } => set_entry_months(report, id, months),
            Intent::SetScheduled { id, scheduled } => set_scheduled(report, id, scheduled),
            Intent::AddEntry { topic, side, text } => {
                Ok(Some(add_entry(report, topic, side, &text).0))
            }
            Intent::DoneAsPlanned { id } => Ok(Some(done_as_planned(report, id)?)),
            Intent::RemoveEntry { id } => Ok(Some(remove_entry(report, id))),
            Intent::MoveEntry { id, by } => move_entry(report, id, by),
            Intent::AddTopic {
                initiative,
                heading,
            } => add_topic(report, initiative, heading),
            Intent::RemoveTopic { id } => Ok(Some(Edit::RemoveTopic { id })),
            Intent::MoveTopic { id, by } => move_topic(report, id, by),
            Intent::SetTopicHeading { id, heading } => set_topic_heading(report, id, &heading),
            Intent::SetInitiativeTitle { id, title } => Ok(report
                .initiative(id)
                .is_none_or(|i| i.title != title)
                .then_some(Edit::SetInitiativeTitle { id, title })),
            Intent::SetItemName { id, name } => Ok(report
                .item(id)
                .is_none_or(|x| x.name != name)
                .then_some(Edit::SetItemName { id, name })),
            Intent::ResizeSpan {
                item,
                lane,
                index,
                first,
                last,
            } => resize_span(
                report,
                super::spans::SpanRef { item, lane, index },
                first,
                last,
            ),
            Intent::RelabelSpan {
                item,
                lane,
                index,
                label,
            } => Ok(Some(relabel_span(report, item, lane, index, &label)?)),
            Intent::SetPeriod(period) => {
                Ok((report.period != period).then_some(Edit::SetPeriod { period }))
            }
            Intent::SetAsOf(as_of) => {
                Ok((report.as_of != as_of).then_some(Edit::SetAsOf { as_of }))
            }
            Intent::Link { result, plan } => link(report, result, plan),
            Intent::Unlink { result, plan } => unlink(report, result, plan),
            Intent::MarkSent {
                divisions,
                at,
                due,
                tokens,
            } => Ok(mark_sent(report, divisions, at, due, &tokens)),
            Intent::SendBack { division, at, note } => send_back(report, division, at, note),
            Intent::TakeAnswers(taking) => Ok(Some(taking.into_edit(report))),
            Intent::Measure(asked) => asked.build(report),
        }
    }
}

/// The entry as it stands (a copy, to build its replacement from).
fn entry_of(report: &Report, id: Id) -> Result<Entry, EditError> {
    report.entry(id).cloned().ok_or(EditError::Missing {
        what: Thing::Entry,
        id,
    })
}

/// Removes an entry; a plan line taken away is no longer reported by the results that reported
/// it (or its sub-items), in the same step, so undo gives the links back.
fn remove_entry(report: &Report, id: Id) -> Edit {
    fn ids(e: &Entry, out: &mut Vec<Id>) {
        out.push(e.id);
        e.subs.iter().for_each(|s| ids(s, out));
    }
    fn unlink(list: &[Entry], gone: &[Id], out: &mut Vec<Edit>) {
        for e in list {
            if e.reports.iter().any(|p| gone.contains(p)) {
                let reports = e.reports.iter().copied().filter(|p| !gone.contains(p));
                out.push(Edit::SetReports {
                    entry: e.id,
                    reports: reports.collect(),
                });
            }
            unlink(&e.subs, gone, out);
        }
    }
    let remove = Edit::RemoveEntry { id };
    let Some(place) = report.entry_place(id).filter(|p| p.side == Side::Plan) else {
        return remove;
    };
    let (Some(entry), Some(initiative)) =
        (report.entry(id), report.initiative_of_topic(place.topic))
    else {
        return remove;
    };
    let mut gone = Vec::new();
    ids(entry, &mut gone);
    let mut steps = Vec::new();
    for t in &initiative.topics {
        unlink(&t.actual, &gone, &mut steps);
    }
    if steps.is_empty() {
        return remove;
    }
    steps.push(remove);
    Edit::Batch(steps)
}

fn set_entry_text(report: &mut Report, id: Id, text: &str) -> Built {
    let old = entry_of(report, id)?;
    if old.text == text.trim() {
        return Ok(None);
    }
    let (entry, _) = with_text(report, &old, text);
    Ok(Some(Edit::ReplaceEntry { entry }))
}

fn set_entry_timing(report: &Report, id: Id, timing: Option<Timing>) -> Built {
    let old = entry_of(report, id)?;
    if old.timing == timing && (timing.is_some() || old.when.is_none()) {
        return Ok(None);
    }
    Ok(Some(Edit::ReplaceEntry {
        entry: with_timing(&old, timing),
    }))
}

fn set_entry_months(report: &Report, id: Id, months: MonthSet) -> Built {
    let old = entry_of(report, id)?;
    let timing = Timing {
        scheduled: old.scheduled(),
        ..Timing::months(months)
    };
    if old.timing.as_ref() == Some(&timing) {
        return Ok(None);
    }
    Ok(Some(Edit::ReplaceEntry {
        entry: with_timing(&old, Some(timing)),
    }))
}

fn set_scheduled(report: &Report, id: Id, scheduled: bool) -> Built {
    let old = entry_of(report, id)?;
    let new = with_scheduled(&old, scheduled);
    if new == old {
        return Ok(None);
    }
    Ok(Some(Edit::ReplaceEntry { entry: new }))
}

fn move_entry(report: &Report, id: Id, by: isize) -> Built {
    let place = report.entry_place(id).ok_or(EditError::Missing {
        what: Thing::Entry,
        id,
    })?;
    let len = match place.parent {
        Some(p) => report.entry(p).map_or(0, |e| e.subs.len()),
        None => report
            .topic(place.topic)
            .map_or(0, |t| t.entries(place.side).len()),
    };
    Ok(moved(place.index, by, len).map(|index| Edit::MoveEntry { id, index }))
}

fn add_topic(report: &mut Report, initiative: Id, heading: Option<String>) -> Built {
    let index = report
        .initiative(initiative)
        .ok_or(EditError::Missing {
            what: Thing::Initiative,
            id: initiative,
        })?
        .topics
        .len();
    Ok(Some(Edit::InsertTopic {
        initiative,
        index,
        topic: new_topic(report, heading, None),
    }))
}

fn move_topic(report: &Report, id: Id, by: isize) -> Built {
    let (initiative, index) = report.topic_place(id).ok_or(EditError::Missing {
        what: Thing::Topic,
        id,
    })?;
    let len = report.initiative(initiative).map_or(0, |i| i.topics.len());
    Ok(moved(index, by, len).map(|index| Edit::MoveTopic { id, index }))
}

fn set_topic_heading(report: &Report, id: Id, heading: &str) -> Built {
    let heading = Some(heading.trim().to_string()).filter(|h| !h.is_empty());
    if report.topic(id).is_some_and(|t| t.heading == heading) {
        return Ok(None);
    }
    Ok(Some(Edit::SetTopicHeading { id, heading }))
}

fn resize_span(
    report: &Report,
    span: super::spans::SpanRef,
    first: FiscalYear,
    last: FiscalYear,
) -> Built {
    let (item, lane) = (span.item, span.lane);
    // Clamped to the neighbouring stages: a bar dragged into the next stops at it.
    let edit = super::spans::resize_span_clamped(report, span, first, last)?;
    let unchanged = report
        .item(item)
        .and_then(|x| x.lanes.get(lane))
        .is_some_and(
            |spans| matches!(&edit, Edit::SetStageLane { spans: new, .. } if new == spans),
        );
    Ok((!unchanged).then_some(edit))
}

fn link(report: &Report, result: Id, plan: Id) -> Built {
    let mut reports = entry_of(report, result)?.reports;
    let is_result = report
        .entry_place(result)
        .is_some_and(|p| p.side == Side::Actual);
    if !is_result {
        return Err(EditError::NotAResult { id: result });
    }
    let is_plan = report
        .entry_place(plan)
        .is_some_and(|p| p.side == Side::Plan);
    if !is_plan {
        return Err(EditError::NotAPlanEntry { id: plan });
    }
    if reports.contains(&plan) {
        return Ok(None);
    }
    reports.push(plan);
    Ok(Some(Edit::SetReports {
        entry: result,
        reports,
    }))
}

fn unlink(report: &Report, result: Id, plan: Id) -> Built {
    let mut reports = entry_of(report, result)?.reports;
    if !reports.contains(&plan) {
        return Ok(None);
    }
    reports.retain(|p| *p != plan);
    Ok(Some(Edit::SetReports {
        entry: result,
        reports,
    }))
}

fn mark_sent(
    report: &Report,
    divisions: Vec<String>,
    at: NaiveDateTime,
    due: Option<NaiveDate>,
    tokens: &BTreeMap<String, String>,
) -> Option<Edit> {
    let edits: Vec<Edit> = divisions
        .into_iter()
        .filter_map(|d| {
            let old = report.survey_of(&d).cloned();
            let mut record = old.clone().unwrap_or_else(|| DivisionSurvey::new(&d));
            record.sent = Some(at);
            // What its earlier answers wrote is in what it is sent now: an answer in this file
            // is read against that, one in the file sent before against what it wrote.
            if let Some(received) = &mut record.received {
                received.sent_again = true;
                for w in &mut received.written {
                    w.sent_again = (report.entry(w.id))
                        .filter(|_| !w.removed)
                        .map(|e| crate::model::survey::hash(&e.text));
                }
            }
            if due.is_some() {
                record.due = due;
            }
            if let Some(token) = tokens.get(&d) {
                record.token = Some(token.clone());
            }
            (old.as_ref() != Some(&record)).then_some(Edit::SetDivisionSurvey {
                division: d,
                record: Some(record),
            })
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

fn send_back(report: &Report, division: String, at: NaiveDateTime, note: String) -> Built {
    // Only an answer can be sent back, and only with a reason to correct it (a reminder to
    // one who has not answered is another thing, 督促).
    let Some(surveyed) = report.survey_of(&division) else {
        // A division never surveyed (a name mistyped) has not "not answered" either.
        let surveyed = (report.survey.iter()).map(|s| s.division.clone()).collect();
        return Err(EditError::NotSurveyed { division, surveyed });
    };
    let Some(mut record) = Some(surveyed).filter(|s| s.received.is_some()).cloned() else {
        return Err(EditError::NotAnswered { division });
    };
    if note.trim().is_empty() {
        return Err(EditError::NoReason { division });
    }
    record.sent_back = Some(SentBack { at, note });
    Ok(Some(Edit::SetDivisionSurvey {
        division,
        record: Some(record),
    }))
}

/// The index `by` places from `index` in a list of `len`, if it is another place in the list.
fn moved(index: usize, by: isize, len: usize) -> Option<usize> {
    let to = index.checked_add_signed(by)?;
    (to < len && to != index).then_some(to)
}

impl Edit {
    /// The id of what this edit creates (a new entry or topic), for selecting it afterwards.
    pub fn created(&self) -> Option<Id> {
        match self {
            Edit::InsertEntry { entry, .. } => Some(entry.id),
            Edit::InsertTopic { topic, .. } => Some(topic.id),
            _ => None,
        }
    }
}

/// The entry, topic or initiative a step changed (see [`Intent::target`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepTarget {
    Entry(Id),
    Topic(Id),
    /// An initiative's numbers and judgements (its measures).
    Initiative(Id),
}

impl StepTarget {
    /// The initiative it is in.
    pub fn initiative(self, report: &Report) -> Option<Id> {
        let topic = match self {
            StepTarget::Entry(id) => report.entry_place(id)?.topic,
            StepTarget::Topic(id) => id,
            StepTarget::Initiative(id) => return report.initiative(id).map(|i| i.id),
        };
        report.initiative_of_topic(topic).map(|i| i.id)
    }
}

//! What a user asks to change, in the user's terms ("move this entry up", "these months"),
//! turned into an [`Edit`] against the report as it is when the request is carried out — not
//! as it was when a view drew it. The window sends these; tests and scripts can too.

use super::{Edit, EditError, Thing, add_entry, done_as_planned, new_topic, relabel_span};
use crate::model::entry_text::{with_counts, with_scheduled, with_text, with_timing};
use crate::model::{
    AsOf, Count, DivisionSurvey, FiscalYear, Id, MonthSet, Period, Report, SentBack, Side, Timing,
};
use chrono::{NaiveDate, NaiveDateTime};

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
    SetEntryCounts {
        id: Id,
        counts: Vec<Count>,
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
        tokens: std::collections::BTreeMap<String, String>,
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

impl Intent {
    /// The edit that carries this out on `report` as it stands; `None` when it would change
    /// nothing. May hand out new ids (the caller takes them back if the edit is not applied).
    pub fn build(self, report: &mut Report) -> Result<Option<Edit>, EditError> {
        let entry = |report: &Report, id| {
            report.entry(id).cloned().ok_or(EditError::Missing {
                what: Thing::Entry,
                id,
            })
        };
        let edit = match self {
            Intent::SetEntryText { id, text } => {
                let old = entry(report, id)?;
                if old.text == text.trim() {
                    return Ok(None);
                }
                let (entry, _) = with_text(report, &old, &text);
                Edit::ReplaceEntry { entry }
            }
            Intent::SetEntryTiming { id, timing } => {
                let old = entry(report, id)?;
                if old.timing == timing && (timing.is_some() || old.when.is_none()) {
                    return Ok(None);
                }
                Edit::ReplaceEntry {
                    entry: with_timing(&old, timing),
                }
            }
            Intent::SetEntryMonths { id, months } => {
                let old = entry(report, id)?;
                let timing = Timing {
                    scheduled: old.scheduled(),
                    ..Timing::months(months)
                };
                if old.timing.as_ref() == Some(&timing) {
                    return Ok(None);
                }
                Edit::ReplaceEntry {
                    entry: with_timing(&old, Some(timing)),
                }
            }
            Intent::SetScheduled { id, scheduled } => {
                let old = entry(report, id)?;
                let new = with_scheduled(&old, scheduled);
                if new == old {
                    return Ok(None);
                }
                Edit::ReplaceEntry { entry: new }
            }
            Intent::SetEntryCounts { id, counts } => Edit::ReplaceEntry {
                entry: with_counts(&entry(report, id)?, counts),
            },
            Intent::AddEntry { topic, side, text } => add_entry(report, topic, side, &text).0,
            Intent::DoneAsPlanned { id } => done_as_planned(report, id)?,
            Intent::RemoveEntry { id } => Edit::RemoveEntry { id },
            Intent::MoveEntry { id, by } => {
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
                match moved(place.index, by, len) {
                    Some(index) => Edit::MoveEntry { id, index },
                    None => return Ok(None),
                }
            }
            Intent::AddTopic {
                initiative,
                heading,
            } => {
                let index = report
                    .initiative(initiative)
                    .ok_or(EditError::Missing {
                        what: Thing::Initiative,
                        id: initiative,
                    })?
                    .topics
                    .len();
                Edit::InsertTopic {
                    initiative,
                    index,
                    topic: new_topic(report, heading, None),
                }
            }
            Intent::RemoveTopic { id } => Edit::RemoveTopic { id },
            Intent::MoveTopic { id, by } => {
                let (initiative, index) = report.topic_place(id).ok_or(EditError::Missing {
                    what: Thing::Topic,
                    id,
                })?;
                let len = report.initiative(initiative).map_or(0, |i| i.topics.len());
                match moved(index, by, len) {
                    Some(index) => Edit::MoveTopic { id, index },
                    None => return Ok(None),
                }
            }
            Intent::SetTopicHeading { id, heading } => {
                let heading = Some(heading.trim().to_string()).filter(|h| !h.is_empty());
                if report.topic(id).is_some_and(|t| t.heading == heading) {
                    return Ok(None);
                }
                Edit::SetTopicHeading { id, heading }
            }
            Intent::SetInitiativeTitle { id, title } => {
                if report.initiative(id).is_some_and(|i| i.title == title) {
                    return Ok(None);
                }
                Edit::SetInitiativeTitle { id, title }
            }
            Intent::SetItemName { id, name } => {
                if report.item(id).is_some_and(|x| x.name == name) {
                    return Ok(None);
                }
                Edit::SetItemName { id, name }
            }
            Intent::ResizeSpan {
                item,
                lane,
                index,
                first,
                last,
            } => {
                // Clamped to the neighbouring stages: a bar dragged into the next stops at it.
                let span = super::spans::SpanRef { item, lane, index };
                let edit = super::spans::resize_span_clamped(report, span, first, last)?;
                let unchanged = report
                    .item(item)
                    .and_then(|x| x.lanes.get(lane))
                    .is_some_and(|spans| matches!(&edit, Edit::SetStageLane { spans: new, .. } if new == spans));
                if unchanged {
                    return Ok(None);
                }
                edit
            }
            Intent::RelabelSpan {
                item,
                lane,
                index,
                label,
            } => relabel_span(report, item, lane, index, &label)?,
            Intent::SetPeriod(period) => {
                if report.period == period {
                    return Ok(None);
                }
                Edit::SetPeriod { period }
            }
            Intent::SetAsOf(as_of) => {
                if report.as_of == as_of {
                    return Ok(None);
                }
                Edit::SetAsOf { as_of }
            }
            Intent::Link { result, plan } => {
                let mut reports = entry(report, result)?.reports;
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
                Edit::SetReports {
                    entry: result,
                    reports,
                }
            }
            Intent::Unlink { result, plan } => {
                let mut reports = entry(report, result)?.reports;
                if !reports.contains(&plan) {
                    return Ok(None);
                }
                reports.retain(|p| *p != plan);
                Edit::SetReports {
                    entry: result,
                    reports,
                }
            }
            Intent::MarkSent {
                divisions,
                at,
                due,
                tokens,
            } => {
                let edits: Vec<Edit> = divisions
                    .into_iter()
                    .filter_map(|d| {
                        let old = report.survey_of(&d).cloned();
                        let mut record = old.clone().unwrap_or_else(|| DivisionSurvey::new(&d));
                        record.sent = Some(at);
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
                if edits.is_empty() {
                    return Ok(None);
                }
                Edit::Batch(edits)
            }
            Intent::SendBack { division, at, note } => {
                // Only an answer can be sent back, and only with a reason to correct it (a
                // reminder to one who has not answered is another thing, 督促).
                let Some(mut record) = report
                    .survey_of(&division)
                    .filter(|s| s.received.is_some())
                    .cloned()
                else {
                    return Err(EditError::NotAnswered { division });
                };
                if note.trim().is_empty() {
                    return Err(EditError::NoReason { division });
                }
                record.sent_back = Some(SentBack { at, note });
                Edit::SetDivisionSurvey {
                    division,
                    record: Some(record),
                }
            }
            Intent::TakeAnswers(taking) => taking.into_edit(report),
            Intent::Measure(asked) => return asked.build(report),
        };
        Ok(Some(edit))
    }
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

//! Building the edits users ask for: an entry's text is what was written, so changing its
//! months, counts, notes or 予定 rewrites the text too (only the part that changed), and
//! changing its text reads the months, counts and notes again.

use super::{Edit, EditError, find_entry, locate_entry};
use crate::import::cell::parse_entry;
use crate::model::months::Timing;
use crate::model::{Count, Entry, EntryKind, FiscalYear, Id, Report, Side, StageSpan, Topic};

/// Gives fresh ids to an entry and its sub-items.
fn assign_ids(report: &mut Report, entry: &mut Entry) {
    entry.id = report.allocate_id();
    for sub in &mut entry.subs {
        assign_ids(report, sub);
    }
}

/// A new entry read from what the user typed (`研修の実施(6月)`); problems name what could not
/// be read (the text is kept either way).
pub fn new_entry(report: &mut Report, text: &str) -> (Entry, Vec<String>) {
    let mut problems = Vec::new();
    let text = text.trim();
    // Typed entries are bullets like the rest of a cell, whether or not the ・ was typed.
    let body = text.strip_prefix('・').unwrap_or(text);
    let mut entry = parse_entry(body, true, &mut problems);
    assign_ids(report, &mut entry);
    (entry, problems)
}

/// The entry with new text, read again; it keeps its id, and its sub-items keep theirs by
/// position.
pub fn with_text(report: &mut Report, old: &Entry, text: &str) -> (Entry, Vec<String>) {
    let mut problems = Vec::new();
    let text = text.trim();
    let body = text.strip_prefix('・').unwrap_or(text);
    let mut entry = parse_entry(body, old.bullet, &mut problems);
    entry.id = old.id;
    for (k, sub) in entry.subs.iter_mut().enumerate() {
        match old.subs.get(k) {
            Some(o) => sub.id = o.id,
            None => assign_ids(report, sub),
        }
    }
    (entry, problems)
}

/// The entry with new months (`None` removes them); the month expression in its text is
/// rewritten in place, or added after the label.
pub fn with_timing(old: &Entry, timing: Option<Timing>) -> Entry {
    let new_when = timing.as_ref().map(Timing::to_japanese);
    let text = rewrite_when(old, new_when.as_deref());
    Entry {
        text,
        when: new_when,
        timing,
        kind: EntryKind::Activity,
        ..old.clone()
    }
}

fn rewrite_when(old: &Entry, new: Option<&str>) -> String {
    let text = &old.text;
    if let Some(w) = &old.when {
        for (open, close) in [("(", ")"), ("（", "）")] {
            let written = format!("{open}{w}{close}");
            if let Some(pos) = text.rfind(&written) {
                let replacement = new.map_or(String::new(), |n| format!("{open}{n}{close}"));
                return format!(
                    "{}{replacement}{}",
                    &text[..pos],
                    &text[pos + written.len()..]
                );
            }
        }
        // Written without brackets (an era date range at the end).
        if let Some(pos) = text.rfind(w.as_str()) {
            let replacement = new.map_or(String::new(), |n| format!("({n})"));
            return format!(
                "{}{replacement}{}",
                text[..pos].trim_end(),
                &text[pos + w.len()..]
            );
        }
    }
    let Some(new) = new else {
        return text.clone();
    };
    // No month written yet: after the label and its counts, before notes and sub-items.
    let counts: String = counts_text(&old.counts);
    let head = format!("{}{counts}", old.label);
    match text.strip_prefix(&head) {
        Some(rest) => format!("{head}({new}){rest}"),
        None => format!("{}({new})", text.trim_end()),
    }
}

fn counts_text(counts: &[Count]) -> String {
    if counts.is_empty() {
        String::new()
    } else {
        format!(
            "({})",
            counts
                .iter()
                .map(|c| c.raw.as_str())
                .collect::<Vec<_>>()
                .join("・")
        )
    }
}

/// The text an entry would be written as, from its parts.
pub fn compose_text(entry: &Entry) -> String {
    let mut text = format!("{}{}", entry.label, counts_text(&entry.counts));
    if let Some(w) = &entry.when {
        text.push_str(&format!("({w})"));
    }
    for note in &entry.notes {
        text.push_str(&format!(" ※{note}"));
    }
    for sub in &entry.subs {
        text.push(' ');
        text.push_str(&sub.text);
    }
    text
}

pub fn with_counts(old: &Entry, counts: Vec<Count>) -> Entry {
    let mut entry = Entry {
        counts,
        ..old.clone()
    };
    entry.text = compose_text(&entry);
    entry
}

pub fn with_notes(old: &Entry, notes: Vec<String>) -> Entry {
    let mut entry = Entry {
        notes,
        ..old.clone()
    };
    entry.text = compose_text(&entry);
    entry
}

/// Marks the entry 予定 or not; an entry without months has nothing to schedule.
pub fn with_scheduled(old: &Entry, scheduled: bool) -> Entry {
    match &old.timing {
        Some(t) if t.scheduled != scheduled => with_timing(
            old,
            Some(Timing {
                scheduled,
                ..t.clone()
            }),
        ),
        _ => old.clone(),
    }
}

/// "Done as planned": an actual entry in the same topic with the plan entry's label and months.
pub fn done_as_planned(report: &mut Report, plan_entry: Id) -> Result<Edit, EditError> {
    let (topic, side, _, _) = locate_entry(report, plan_entry)?;
    if side != Side::Plan {
        return Err(EditError(format!("{plan_entry} is not a plan entry")));
    }
    let plan = find_entry(report, plan_entry)
        .cloned()
        .ok_or_else(|| EditError(format!("no entry {plan_entry}")))?;
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
        counts: Vec::new(),
        notes: Vec::new(),
        subs: Vec::new(),
    };
    entry.text = compose_text(&entry);
    assign_ids(report, &mut entry);
    let index = topic_of(report, topic).map_or(0, |t| t.actual.len());
    Ok(Edit::InsertEntry {
        topic,
        side: Side::Actual,
        parent: None,
        index,
        entry,
    })
}

fn topic_of(report: &Report, id: Id) -> Option<&Topic> {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.id == id)
}

/// A new entry at the end of a topic's plan or actual list.
pub fn add_entry(report: &mut Report, topic: Id, side: Side, text: &str) -> (Edit, Vec<String>) {
    let (entry, problems) = new_entry(report, text);
    let index = topic_of(report, topic).map_or(0, |t| match side {
        Side::Plan => t.plan.len(),
        Side::Actual => t.actual.len(),
    });
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
        .ok_or_else(|| EditError(format!("item {item} lane {lane} has no span {index}")))?;
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
        .ok_or_else(|| EditError(format!("item {item} lane {lane} has no span {index}")))?;
    *span = StageSpan::new(span.first, span.last, written);
    Ok(Edit::SetStageLane { item, lane, spans })
}

/// The stage labels the published tables use, offered first when editing a stage.
pub const KNOWN_STAGES: [&str; 7] = [
    "検討",
    "実施",
    "順次実施",
    "随時実施",
    "検討・整備",
    "周知",
    "→",
];

fn lane_of(report: &Report, item: Id, lane: usize) -> Result<&Vec<StageSpan>, EditError> {
    report
        .initiatives()
        .flat_map(|i| i.items.iter())
        .find(|x| x.id == item)
        .and_then(|x| x.lanes.get(lane))
        .ok_or_else(|| EditError(format!("no lane {lane} of item {item}")))
}

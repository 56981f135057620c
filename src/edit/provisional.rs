//! Edits built against a report but applied later, whose new entries carry provisional ids.

use std::collections::{HashMap, HashSet};

use super::Edit;
use crate::model::{Entry, Id, Report, Side, links};

/// An edit made away from the report (answers taken in), its new entries numbered
/// provisionally from `fresh_from`: they are given real ids from the report's next id when it
/// is applied, so edits made in between do not collide with them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvisionalEdit {
    pub edit: Edit,
    pub fresh_from: u64,
}

impl ProvisionalEdit {
    /// The edit with its provisional ids replaced by ids handed out by `report`.
    pub(crate) fn into_edit(self, report: &mut Report) -> Edit {
        let ProvisionalEdit {
            mut edit,
            fresh_from,
        } = self;
        let mut map = HashMap::new();
        renumber(&mut edit, fresh_from, &mut |old| {
            *map.entry(old).or_insert_with(|| report.allocate_id())
        });
        // Links to provisional plan entries follow them; a link to one not taken is dropped.
        relink(&mut edit, &|id| {
            if id.0 >= fresh_from {
                map.get(&id).copied()
            } else {
                Some(id)
            }
        });
        // An accepted plan change may take plan lines away (a line retyped in a workbook is a
        // new entry): the results reporting them, in the edit and in the report, stop
        // reporting them (the conflict names the master's), so none reports a line not there;
        // then those results, and the results the answer adds beside a plan it changes, are
        // paired with the plan as it will stand.
        let gone = plan_entries_taken_away(report, &edit);
        let lost = results_reporting(report, &edit, &gone);
        if !gone.is_empty() {
            relink(&mut edit, &|id| (!gone.contains(&id)).then_some(id));
        }
        let mut unlinks = unlink_results(report, &edit, &gone);
        let added: HashSet<Id> = map.into_values().collect();
        let again = paired_again(report, (&edit, &unlinks), &lost, &added);
        each_entry(&mut edit, &mut |e| {
            if let Some(plans) = again.get(&e.id) {
                e.reports = plans.iter().copied().collect();
            }
        });
        for u in &mut unlinks {
            if let Edit::SetReports { entry, reports } = u
                && let Some(plans) = again.get(entry)
            {
                *reports = plans.iter().copied().collect();
            }
        }
        // A result the edit does not carry, paired with a plan line it adds (taken in an
        // earlier answer, before the line was accepted), is relinked beside it.
        let carried: HashSet<Id> = (set_entries(&edit).into_iter())
            .flat_map(|(_, _, entries)| Entry::all_in(entries).map(|e| e.id))
            .chain(unlinks.iter().filter_map(|u| match u {
                Edit::SetReports { entry, .. } => Some(*entry),
                _ => None,
            }))
            .collect();
        let mut moved: Vec<(&Id, &Vec<Id>)> = again
            .iter()
            .filter(|(id, _)| !carried.contains(id))
            .collect();
        moved.sort();
        for (entry, plans) in moved {
            unlinks.push(Edit::SetReports {
                entry: *entry,
                reports: plans.iter().copied().collect(),
            });
        }
        if unlinks.is_empty() {
            return edit;
        }
        unlinks.insert(0, edit);
        Edit::Batch(unlinks)
    }
}

/// The results (sub-items too) reporting one of `gone`, in the edit's lists and in the
/// report's initiatives whose plan the edit changes.
fn results_reporting(report: &Report, edit: &Edit, gone: &HashSet<Id>) -> HashSet<Id> {
    if gone.is_empty() {
        return HashSet::new();
    }
    let mut out = HashSet::new();
    let mut note = |e: &Entry| {
        if e.reports.iter().any(|p| gone.contains(p)) {
            out.insert(e.id);
        }
    };
    for (_, side, entries) in set_entries(edit) {
        if side == Side::Actual {
            Entry::all_in(entries).for_each(&mut note);
        }
    }
    for i in plan_changed(report, edit).filter_map(|id| report.initiative(id)) {
        (i.topics.iter())
            .flat_map(|t| Entry::all_in(&t.actual))
            .for_each(&mut note);
    }
    out
}

/// The initiatives (ids) whose plan the edit changes, each once.
fn plan_changed(report: &Report, edit: &Edit) -> impl Iterator<Item = Id> {
    let mut ids: Vec<Id> = (set_entries(edit).into_iter())
        .filter(|(_, side, _)| *side == Side::Plan)
        .filter_map(|(topic, _, _)| report.initiative_of_topic(topic).map(|i| i.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
}

/// Links proposed again, in each initiative whose plan the edit changes, as it will stand (the
/// edit's lists and `unlinks` applied): for the results that `lost` a plan line taken away,
/// and for those the edit adds (`added`) unless they report a plan line it adds — each paired
/// by the rules a report read again is paired by ([`links::proposed_again`]).
fn paired_again(
    report: &Report,
    (edit, unlinks): (&Edit, &[Edit]),
    lost: &HashSet<Id>,
    added: &HashSet<Id>,
) -> HashMap<Id, Vec<Id>> {
    let lists = set_entries(edit);
    let unlinked: HashMap<Id, &[Id]> = (unlinks.iter())
        .filter_map(|u| match u {
            Edit::SetReports { entry, reports } => Some((*entry, &reports[..])),
            _ => None,
        })
        .collect();
    let mut out = HashMap::new();
    for id in plan_changed(report, edit) {
        let Some(mut after) = report.initiative(id).cloned() else {
            continue;
        };
        for t in &mut after.topics {
            let topic = t.id;
            for (_, side, entries) in lists.iter().filter(|(id, ..)| *id == topic) {
                *t.entries_mut(*side) = entries.to_vec();
            }
            set_reports(&mut t.actual, &unlinked);
        }
        let new_plans: HashSet<Id> = (after.topics.iter())
            .flat_map(|t| Entry::all_in(&t.plan))
            .map(|e| e.id)
            .filter(|p| added.contains(p))
            .collect();
        let results: HashSet<Id> = (after.topics.iter())
            .flat_map(|t| Entry::all_in(&t.actual))
            .filter(|e| {
                (lost.contains(&e.id) && e.reports.is_empty())
                    || (added.contains(&e.id) && !e.reports.iter().any(|p| new_plans.contains(p)))
            })
            .map(|e| e.id)
            .collect();
        if !results.is_empty() {
            out.extend(links::proposed_again(&after, &results));
        }
        for (topic, ..) in lists.iter().filter(|(_, side, _)| *side == Side::Plan) {
            for (result, plans) in links::moved_to_new_lines(&after, *topic, &new_plans) {
                out.entry(result).or_insert(plans);
            }
        }
    }
    out
}

fn set_reports(list: &mut [Entry], reports: &HashMap<Id, &[Id]>) {
    for e in list {
        if let Some(r) = reports.get(&e.id) {
            e.reports = r.iter().copied().collect();
        }
        set_reports(&mut e.subs, reports);
    }
}

/// The `SetEntries` of an edit (its batches opened), in the order they apply.
fn set_entries(edit: &Edit) -> Vec<(Id, Side, &[Entry])> {
    match edit {
        Edit::SetEntries {
            topic,
            side,
            entries,
        } => vec![(*topic, *side, entries.as_slice())],
        Edit::Batch(list) => list.iter().flat_map(set_entries).collect(),
        _ => Vec::new(),
    }
}

/// The plan entries (sub-items too) that are in the report or in one of the edit's plan lists
/// but in none of the plan lists the edit leaves.
fn plan_entries_taken_away(report: &Report, edit: &Edit) -> HashSet<Id> {
    let mut last: HashMap<Id, &[Entry]> = HashMap::new();
    let mut before = HashSet::new();
    for (topic, side, entries) in set_entries(edit) {
        if side != Side::Plan {
            continue;
        }
        if let Some(t) = report.topic(topic) {
            before.extend(Entry::all_in(&t.plan).map(|e| e.id));
        }
        before.extend(Entry::all_in(entries).map(|e| e.id));
        last.insert(topic, entries);
    }
    let left: HashSet<Id> = (last.values())
        .flat_map(|entries| Entry::all_in(entries))
        .map(|e| e.id)
        .collect();
    before.retain(|id| !left.contains(id));
    before
}

/// For each result of the report reporting one of `gone` — in the initiatives whose plan the
/// edit changes, outside the result lists the edit replaces — the edit that unlinks it.
fn unlink_results(report: &Report, edit: &Edit, gone: &HashSet<Id>) -> Vec<Edit> {
    fn walk(list: &[Entry], gone: &HashSet<Id>, out: &mut Vec<Edit>) {
        for e in list {
            if e.reports.iter().any(|p| gone.contains(p)) {
                out.push(Edit::SetReports {
                    entry: e.id,
                    reports: e
                        .reports
                        .iter()
                        .copied()
                        .filter(|p| !gone.contains(p))
                        .collect(),
                });
            }
            walk(&e.subs, gone, out);
        }
    }
    let changes = set_entries(edit);
    let replaced: HashSet<Id> = changes
        .iter()
        .filter(|(_, side, _)| *side == Side::Actual)
        .map(|(topic, _, _)| *topic)
        .collect();
    let mut initiatives: Vec<Id> = changes
        .iter()
        .filter(|(_, side, _)| *side == Side::Plan)
        .filter_map(|(topic, _, _)| report.initiative_of_topic(*topic).map(|i| i.id))
        .collect();
    initiatives.sort_unstable();
    initiatives.dedup();
    let mut out = Vec::new();
    for i in initiatives.iter().filter_map(|&id| report.initiative(id)) {
        for t in i.topics.iter().filter(|t| !replaced.contains(&t.id)) {
            walk(&t.actual, gone, &mut out);
        }
    }
    out
}

fn each_entry(edit: &mut Edit, f: &mut dyn FnMut(&mut Entry)) {
    fn walk(e: &mut Entry, f: &mut dyn FnMut(&mut Entry)) {
        f(e);
        for s in &mut e.subs {
            walk(s, f);
        }
    }
    match edit {
        Edit::SetEntries { entries, .. } => entries.iter_mut().for_each(|e| walk(e, f)),
        Edit::InsertEntry { entry, .. } | Edit::ReplaceEntry { entry } => walk(entry, f),
        Edit::Batch(list) => list.iter_mut().for_each(|e| each_entry(e, f)),
        _ => {}
    }
}

fn renumber(edit: &mut Edit, fresh_from: u64, fresh: &mut dyn FnMut(Id) -> Id) {
    each_entry(edit, &mut |e| {
        if e.id.0 >= fresh_from {
            e.id = fresh(e.id);
        }
    });
    // A division's record names the results its answer wrote: by their real ids too.
    each_received(edit, &mut |added| {
        for a in added.iter_mut().filter(|a| a.id.0 >= fresh_from) {
            a.id = fresh(a.id);
        }
    });
}

fn each_received(edit: &mut Edit, f: &mut dyn FnMut(&mut [crate::model::WrittenResult])) {
    match edit {
        Edit::SetDivisionSurvey {
            record: Some(record),
            ..
        } => {
            if let Some(r) = &mut record.received {
                f(&mut r.written);
            }
        }
        Edit::Batch(list) => list.iter_mut().for_each(|e| each_received(e, f)),
        _ => {}
    }
}

fn relink(edit: &mut Edit, map: &dyn Fn(Id) -> Option<Id>) {
    each_entry(edit, &mut |e| {
        e.reports = e.reports.iter().filter_map(|&p| map(p)).collect();
    });
}

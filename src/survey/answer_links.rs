//! The links an answer's results bring to plan lines: a division links only to its own
//! topics' plan lines, and a line typed by hand is linked as a line typed into a workbook is.

use std::collections::{HashMap, HashSet};

use crate::model::diag::WarningKind;
use crate::model::{Entry, Id, Initiative, Topic};

/// The answer's list for topic `t` (`list`, adopted from `typed`, the answer's own entries in
/// the same order, in place of `mine`, the results it may change) with its links settled: those to another division's plan lines dropped and
/// said ([`links_to_others`]), a line typed by hand (its text alone: no reading, no link
/// written) linked to its plan line as a line typed into a workbook is — it showed 計画外, the
/// same line from a workbook did not.
pub(super) fn settle(
    (i, t): (&Initiative, &Topic),
    division: &str,
    (mine, typed): (&[Entry], &[Entry]),
    list: &mut [Entry],
) -> Vec<WarningKind> {
    let own = own_plans(i, division);
    let said = links_to_others((i, t), &own, list);
    // The lines reported once the answer stands: not by the results it drops (a line freed
    // goes to the new result, as when removed and added in two answers), and by each new line.
    let kept: HashSet<Id> = Entry::all_in(list).map(|e| e.id).collect();
    let gone: HashSet<Id> = (Entry::all_in(mine).map(|e| e.id))
        .filter(|id| !kept.contains(id))
        .collect();
    let mut reported = crate::model::links::reported_except(i, &gone);
    for (theirs, ours) in typed.iter().zip(list.iter_mut()) {
        if !theirs.label.is_empty() || !theirs.reports.is_empty() {
            continue;
        }
        if let Some(m) = t.actual.iter().find(|m| m.id == ours.id) {
            // Typed by hand before and linked when first collected: the file never held the
            // link, so answering again in it says nothing of links (it read 「対応付けを解除」).
            ours.reports = (m.reports.iter())
                .filter(|p| own.contains(p))
                .copied()
                .collect();
            continue;
        }
        let proposed = crate::model::links::propose_among(i, t.id, ours, &reported);
        ours.reports = proposed.into_iter().filter(|p| own.contains(p)).collect();
        reported.extend(ours.reports.iter().copied());
    }
    said
}

/// The links `list` (an answer's results for topic `t`, in a response file) lost to plan
/// lines the answer takes away, put back where the master's result has them: removing a plan
/// line in the window unlinks its results, and that is the plan change, held until the office
/// takes it (then its results are paired again, `edit::provisional`), not the division
/// unlinking them — taken as such, the held change still left the line 遅れ, reported by none.
pub(super) fn keep_links_to_plan_taken_away(
    (i, answered): (&Initiative, Option<&Initiative>),
    t: &Topic,
    list: &mut [Entry],
) {
    let Some(answered) = answered else {
        return;
    };
    fn walk(list: &mut [Entry], master: &HashMap<Id, &Entry>, away: &HashSet<Id>) {
        for e in list {
            if let Some(m) = master.get(&e.id) {
                let lost: Vec<Id> = (m.reports.iter())
                    .filter(|p| away.contains(p) && !e.reports.contains(p))
                    .copied()
                    .collect();
                e.reports.extend(lost);
            }
            walk(&mut e.subs, master, away);
        }
    }
    let plans = |i: &Initiative| -> HashSet<Id> {
        (i.topics.iter())
            .flat_map(|o| Entry::all_in(&o.plan))
            .map(|e| e.id)
            .collect()
    };
    let kept = plans(answered);
    let away: HashSet<Id> = plans(i).into_iter().filter(|p| !kept.contains(p)).collect();
    if away.is_empty() {
        return;
    }
    let master: HashMap<Id, &Entry> = Entry::all_in(&t.actual).map(|e| (e.id, e)).collect();
    walk(list, &master, &away);
}

/// `kept` (an answer's results for topic `t` with the results it removed, `removed`, kept
/// while their removal is held): a result it adds that was paired with a line a kept one
/// reports — paired as if that one were gone — is paired again with it standing, as a line
/// `division` answers for (else the new result stood beside the kept one on its line, the
/// line it would have taken left to the old result alone).
pub(super) fn pair_beside_kept(
    (i, t): (&Initiative, &Topic),
    division: &str,
    removed: &[Id],
    kept: &mut [Entry],
) {
    use crate::model::links::{propose_among, reported_except};
    let master: HashSet<Id> = Entry::all_in(&t.actual).map(|e| e.id).collect();
    let held_lines: HashSet<Id> = (t.actual.iter())
        .filter(|e| removed.contains(&e.id))
        .flat_map(|e| Entry::all_in(std::slice::from_ref(e)))
        .flat_map(|e| e.reports.iter().copied())
        .collect();
    let stays: HashSet<Id> = Entry::all_in(kept).map(|e| e.id).collect();
    let gone: HashSet<Id> = master
        .iter()
        .filter(|id| !stays.contains(id))
        .copied()
        .collect();
    let mut reported = reported_except(i, &gone);
    let own = own_plans(i, division);
    for e in kept.iter_mut().filter(|e| !master.contains(&e.id)) {
        if !e.reports.iter().any(|p| held_lines.contains(p)) {
            reported.extend(e.reports.iter().copied());
            continue;
        }
        let asked = Entry {
            reports: Default::default(),
            ..e.clone()
        };
        e.reports = (propose_among(i, t.id, &asked, &reported).into_iter())
            .filter(|p| own.contains(p))
            .collect();
        reported.extend(e.reports.iter().copied());
    }
}

/// The plan entries (sub-items too) of the topics `division` answers for in `i`.
pub(super) fn own_plans(i: &Initiative, division: &str) -> HashSet<Id> {
    (i.topics.iter())
        .filter(|o| super::topic_divisions(i, o).contains(&division))
        .flat_map(|o| Entry::all_in(&o.plan))
        .map(|e| e.id)
        .collect()
}

/// Links an answer adds from its division's results (sub-items too) to plan lines of topics
/// that are not its division's: not taken, each said — one division's new result linked to
/// another's plan line made that division's plan lines 完了, though it never answered. Links
/// the master's results hold already (the office's) stay.
fn links_to_others(
    (i, t): (&Initiative, &Topic),
    own: &HashSet<Id>,
    list: &mut [Entry],
) -> Vec<WarningKind> {
    let standing: HashMap<Id, &[Id]> = Entry::all_in(&t.actual)
        .map(|e| (e.id, &e.reports[..]))
        .collect();
    let mut said = Vec::new();
    let mut stack: Vec<&mut Entry> = list.iter_mut().collect();
    while let Some(e) = stack.pop() {
        let held = standing.get(&e.id).copied().unwrap_or_default();
        let (keep, drop): (Vec<Id>, Vec<Id>) =
            (e.reports.iter()).partition(|p| own.contains(p) || held.contains(p));
        for p in drop {
            let linked = (i.topics.iter())
                .flat_map(|o| Entry::all_in(&o.plan))
                .find(|x| x.id == p)
                .map_or_else(String::new, |x| x.text.clone());
            said.push(WarningKind::LinkToOthersPlan {
                entry: e.text.clone(),
                linked,
            });
        }
        e.reports = keep.into();
        stack.extend(e.subs.iter_mut());
    }
    said
}

//! What an answer may change in a topic's results: those its response was sent with and
//! those its division's earlier answers added (recorded in the master, `Received::added`),
//! rewritten or removed as the answer says, and its own new ones; a result taken in from
//! another division's answer after the response went out (a topic two divisions answer for:
//! an initiative naming several 担当課, a topic naming none), or added by the office since,
//! stays. Two answers of one collection that set one list (such a topic's results, or a plan
//! both changed and the office accepts) are joined.

use std::collections::{HashMap, HashSet};

use crate::edit::Edit;
use crate::model::{Entry, Id, Report, Side};

/// `list` (an answer's results for a topic) with the master's results the answer may not
/// change kept where they stand among the others. `sent`: the ids of the results it may
/// change (the response's, and those its division's answers added); `None` (a response from
/// before they were recorded): the answer is the whole list.
pub(super) fn keep_added_since(
    master: &[Entry],
    list: Vec<Entry>,
    sent: Option<&HashSet<Id>>,
) -> Vec<Entry> {
    let Some(sent) = sent else {
        return list;
    };
    let in_list: HashSet<Id> = list.iter().map(|e| e.id).collect();
    // A result the answer writes again in the same words is that result (the division's own,
    // taken in from its earlier answer, sent again): kept once, as the answer has it.
    let unsent: HashSet<Id> = {
        let written: HashSet<&str> = list.iter().map(|e| e.text.as_str()).collect();
        master
            .iter()
            .filter(|e| !sent.contains(&e.id) && !in_list.contains(&e.id))
            .filter(|e| !written.contains(e.text.as_str()))
            .map(|e| e.id)
            .collect()
    };
    if unsent.is_empty() {
        return list;
    }
    // One pass over the master: each result the answer was not sent goes after the answer's
    // results that stood before it (linear: a topic may hold thousands of results).
    let mut out = Vec::with_capacity(list.len() + master.len());
    let mut placed: HashSet<Id> = HashSet::new();
    let mut rest = list.into_iter();
    for e in master {
        if unsent.contains(&e.id) {
            out.push(e.clone());
        } else if in_list.contains(&e.id) && !placed.contains(&e.id) {
            for x in rest.by_ref() {
                let id = x.id;
                placed.insert(id);
                out.push(x);
                if id == e.id {
                    break;
                }
            }
        }
    }
    out.extend(rest);
    out
}

/// The results the division's answers added, by id, after this answer's `edits`: those its
/// earlier answers added (`earlier`) that are still in the master and that the edits leave,
/// and those the edits add — the division's own, which its next answer may rewrite or remove
/// ([`crate::model::Received::added`]).
pub(super) fn added_by(master: &Report, earlier: &[Id], edits: &[Edit]) -> Vec<Id> {
    let earlier: HashSet<Id> = earlier.iter().copied().collect();
    let mut replaced: HashSet<Id> = HashSet::new();
    let mut out: Vec<Id> = Vec::new();
    for e in edits {
        let Edit::SetEntries {
            topic,
            side: Side::Actual,
            entries,
        } = e
        else {
            continue;
        };
        let Some(t) = master.topic(*topic) else {
            continue;
        };
        let was: HashSet<Id> = t.actual.iter().map(|e| e.id).collect();
        let own = |x: &&Entry| earlier.contains(&x.id) || !was.contains(&x.id);
        out.extend(entries.iter().filter(own).map(|x| x.id));
        replaced.extend(was);
    }
    if !earlier.is_empty() {
        // One walk of the master, not one per id: a division may have added thousands.
        let results: HashSet<Id> = master
            .initiatives()
            .flat_map(|i| i.topics.iter())
            .flat_map(|t| t.actual.iter().map(|e| e.id))
            .collect();
        out.extend(
            earlier
                .iter()
                .filter(|id| !replaced.contains(id) && results.contains(id)),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The ids of the results a `.ron` response was sent with (its `result/…` parts), or `None`
/// for a response from before they were recorded.
pub(super) fn sent_result_ids(sent: &super::sent::SentParts) -> Option<HashSet<Id>> {
    let recorded = sent
        .keys()
        .any(|k| k.starts_with("topic/") && k.ends_with("/results"));
    recorded.then(|| {
        sent.keys()
            .filter_map(|k| k.strip_prefix("result/")?.parse().ok().map(Id))
            .collect()
    })
}

/// Two answers of one collection that change one list of a topic — its results (divisions
/// sharing it), or its plan (changes outside their part, both accepted): each was read
/// against the master, so the later one's list alone would drop what the earlier brought.
/// Every such edit is given the lists joined: an entry an answer removed or rewrote is so, one
/// it left as the master had it keeps what the other answer made of it, and the entries each
/// added are all kept. `base`: the list as the master holds it.
pub(super) fn join_lists(edits: &mut [Edit], base: &dyn Fn(Id, Side) -> Option<Vec<Entry>>) {
    let mut by_list: HashMap<(Id, Side), Vec<usize>> = HashMap::new();
    for (k, e) in edits.iter().enumerate() {
        if let Edit::SetEntries { topic, side, .. } = e {
            by_list.entry((*topic, *side)).or_default().push(k);
        }
    }
    for ((topic, side), at) in by_list.into_iter().filter(|(_, at)| at.len() > 1) {
        let Some(master) = base(topic, side) else {
            continue;
        };
        let joined = joined(
            &master,
            at.iter().filter_map(|&k| match &edits[k] {
                Edit::SetEntries { entries, .. } => Some(entries.as_slice()),
                _ => None,
            }),
        );
        for &k in &at {
            if let Edit::SetEntries { entries, .. } = &mut edits[k] {
                entries.clone_from(&joined);
            }
        }
    }
}

/// The lists of one topic's side, each an answer's, joined over the master's (`base`).
fn joined<'a>(base: &[Entry], lists: impl Iterator<Item = &'a [Entry]>) -> Vec<Entry> {
    let by_id: HashMap<Id, &Entry> = base.iter().map(|e| (e.id, e)).collect();
    let base_ids: HashSet<Id> = by_id.keys().copied().collect();
    let mut joined: Vec<Entry> = base.to_vec();
    for entries in lists {
        let now: HashMap<Id, &Entry> = joined.iter().map(|e| (e.id, e)).collect();
        let list: Vec<Entry> = entries
            .iter()
            .filter_map(|e| match by_id.get(&e.id) {
                Some(b) if same_entry(b, e) => now.get(&e.id).map(|&j| j.clone()),
                _ => Some(e.clone()),
            })
            .collect();
        joined = keep_added_since(&joined, list, Some(&base_ids));
    }
    joined
}

/// The master's lists of the topics and sides that more than one of `edits` sets: what
/// [`join_lists`] joins them over when the office accepts them later.
pub(super) fn lists_set_twice(master: &Report, edits: &[&Edit]) -> Vec<(Id, Side, Vec<Entry>)> {
    let mut count: HashMap<(Id, Side), usize> = HashMap::new();
    for e in edits {
        if let Edit::SetEntries { topic, side, .. } = e {
            *count.entry((*topic, *side)).or_default() += 1;
        }
    }
    let mut out: Vec<(Id, Side, Vec<Entry>)> = count
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .filter_map(|((topic, side), _)| {
            let t = master.topic(topic)?;
            let list = match side {
                Side::Plan => &t.plan,
                Side::Actual => &t.actual,
            };
            Some((topic, side, list.clone()))
        })
        .collect();
    out.sort_by_key(|(topic, side, _)| (topic.0, *side == Side::Actual));
    out
}

/// One result that reads the same as another ([`same_results`]).
fn same_entry(a: &Entry, b: &Entry) -> bool {
    same_results(std::slice::from_ref(a), std::slice::from_ref(b))
}

/// Results that read the same — texts, bullets, the plan lines they report, sub-items — are
/// no change, whatever their ids (an answer sent again holds the ids its response gave the
/// results it added, the master those it gave when it took them in).
pub(super) fn same_results(a: &[Entry], b: &[Entry]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.text == y.text
                && x.bullet == y.bullet
                && x.reports == y.reports
                && same_results(&x.subs, &y.subs)
        })
}

/// The master's list of a topic's side among those kept for joining.
pub(super) fn base_of(
    bases: &[(Id, Side, Vec<Entry>)],
    topic: Id,
    side: Side,
) -> Option<Vec<Entry>> {
    bases
        .iter()
        .find(|(t, s, _)| *t == topic && *s == side)
        .map(|(_, _, list)| list.clone())
}

//! Results an answer was not sent: those of a topic that more than one division answers for
//! (an initiative naming several 担当課 and a topic naming none), taken in from another
//! division's answer after the response went out, and those the office added since. An answer
//! changes only the results it was sent and adds its own; it never removes another's.

use std::collections::{HashMap, HashSet};

use crate::edit::Edit;
use crate::model::{Entry, Id, Report, Side};

/// `list` (an answer's results for a topic) with the master's results the answer was not sent
/// kept where they stand among the others. `sent`: the ids of the topic's results the response
/// held; `None` (a response from before they were recorded): the answer is the whole list.
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

/// Two answers of one collection that change the results of one topic (divisions sharing
/// it): each was read against the master, so the later one's list alone would drop what the
/// earlier brought. Every such edit is given the lists joined: a result an answer removed or
/// rewrote is so, one it left as the master had it keeps what the other answer made of it,
/// and the results each added are all kept.
pub(super) fn join_answers_of_one_topic(master: &Report, edits: &mut [Edit]) {
    let mut by_topic: HashMap<Id, Vec<usize>> = HashMap::new();
    for (k, e) in edits.iter().enumerate() {
        if let Edit::SetEntries {
            topic,
            side: Side::Actual,
            ..
        } = e
        {
            by_topic.entry(*topic).or_default().push(k);
        }
    }
    for (topic, at) in by_topic.into_iter().filter(|(_, at)| at.len() > 1) {
        let Some(t) = master.topic(topic) else {
            continue;
        };
        let base: HashMap<Id, &Entry> = t.actual.iter().map(|e| (e.id, e)).collect();
        let base_ids: HashSet<Id> = base.keys().copied().collect();
        let mut joined: Vec<Entry> = t.actual.clone();
        for &k in &at {
            let Edit::SetEntries { entries, .. } = &edits[k] else {
                continue;
            };
            let now: HashMap<Id, &Entry> = joined.iter().map(|e| (e.id, e)).collect();
            let list: Vec<Entry> = entries
                .iter()
                .filter_map(|e| match base.get(&e.id) {
                    Some(b) if same_entry(b, e) => now.get(&e.id).map(|&j| j.clone()),
                    _ => Some(e.clone()),
                })
                .collect();
            joined = keep_added_since(&joined, list, Some(&base_ids));
        }
        for &k in &at {
            if let Edit::SetEntries { entries, .. } = &mut edits[k] {
                entries.clone_from(&joined);
            }
        }
    }
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

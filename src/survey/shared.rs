//! What an answer may change in a topic's results: those its response was sent with and
//! those its division's earlier answers added (recorded in the master, `Received::added`),
//! rewritten or removed as the answer says, and its own new ones; a result taken in from
//! another division's answer after the response went out (a topic two divisions answer for:
//! an initiative naming several 担当課, a topic naming none), or added by the office since,
//! stays. Two answers of one collection that set one list (such a topic's results, or a plan
//! both changed and the office accepts) are joined.

use std::collections::{HashMap, HashSet};

use super::adopt::Fresh;
use crate::edit::Edit;
use crate::model::{AddedResult, Entry, Id, Report, Side};

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

/// The results the division's answers added, after this answer's `edits`: those its earlier
/// answers added (`earlier`) that are still in the master and that the edits leave, and those
/// the edits add — the division's own, which its next answer may rewrite or remove
/// ([`crate::model::Received::added`]). `answered`: the id the answer's response gave each
/// result of the edits, by the id the edits give it.
pub(super) fn added_by(
    master: &Report,
    earlier: &[AddedResult],
    edits: &[Edit],
    answered: &HashMap<Id, Id>,
) -> Vec<AddedResult> {
    let earlier: HashMap<Id, Option<Id>> = earlier.iter().map(|a| (a.id, a.answered)).collect();
    let mut replaced: HashSet<Id> = HashSet::new();
    let mut out: Vec<AddedResult> = Vec::new();
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
        let own = |x: &&Entry| earlier.contains_key(&x.id) || !was.contains(&x.id);
        out.extend(entries.iter().filter(own).map(|x| {
            AddedResult {
                id: x.id,
                answered: answered
                    .get(&x.id)
                    .copied()
                    .or_else(|| earlier.get(&x.id).copied().flatten()),
            }
        }));
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
                .filter(|(id, _)| !replaced.contains(id) && results.contains(id))
                .map(|(&id, &answered)| AddedResult { id, answered }),
        );
    }
    out.sort_unstable_by_key(|a| a.id);
    out.dedup_by_key(|a| a.id);
    out
}

/// A response's results with the ids it may claim: a result it was sent keeps its id; one the
/// division's earlier answer added (`own`: by the id that answer's response gave it) takes the
/// master's; every other id is the response's own making, new to the master whatever entry
/// of the master has it now (the office adds results after the survey went out, from the same
/// next id the response adds from), and is given a provisional one. A sub-item keeps its id
/// only where the master's result it stands under has it.
pub(super) fn claimed_ids(
    answered: &[Entry],
    mine: &[Entry],
    (sent, own): (&HashSet<Id>, &HashMap<Id, Id>),
    fresh: &mut Fresh,
) -> Vec<Entry> {
    fn renew(e: &mut Entry, under: Option<&Entry>, fresh: &mut Fresh) {
        for sub in &mut e.subs {
            let theirs = under.and_then(|m| m.subs.iter().find(|s| s.id == sub.id));
            if theirs.is_none() {
                sub.id = fresh.next();
            }
            renew(sub, theirs, fresh);
        }
    }
    let by_id: HashMap<Id, &Entry> = mine.iter().map(|e| (e.id, e)).collect();
    answered
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let id = if sent.contains(&e.id) {
                Some(e.id)
            } else {
                own.get(&e.id).copied()
            };
            let master = id.and_then(|id| by_id.get(&id).copied());
            e.id = master.map_or_else(|| fresh.next(), |m| m.id);
            renew(&mut e, master, fresh);
            e
        })
        .collect()
}

/// The texts of a division's results as its response or workbook was sent, by id, as hashes
/// (a workbook keeps short ones).
pub(super) struct SentTexts {
    by_id: HashMap<Id, u64>,
    short: bool,
}

impl SentTexts {
    /// A `.ron` response's (its `result/…` parts); none in a response from before them.
    pub(super) fn of_response(sent: &super::sent::SentParts) -> SentTexts {
        let by_id = sent
            .iter()
            .filter_map(|(k, &h)| Some((Id(k.strip_prefix("result/")?.parse().ok()?), h)))
            .collect();
        SentTexts {
            by_id,
            short: false,
        }
    }

    /// A workbook row's (its hidden cell's); none in a workbook from before them.
    pub(super) fn of_row(row: &super::workbook::Row) -> SentTexts {
        let by_id = match (&row.sent_ids, &row.sent_texts) {
            (Some(ids), Some(texts)) if ids.len() == texts.len() => ids
                .iter()
                .zip(texts)
                .map(|(&id, &h)| (id, u64::from(h)))
                .collect(),
            _ => HashMap::new(),
        };
        SentTexts { by_id, short: true }
    }

    fn hash(&self, text: &str) -> u64 {
        if self.short {
            u64::from(super::sent::short_hash(text))
        } else {
            super::sent::hash(text)
        }
    }
}

/// An entry of a list that an earlier list rewrote and a later one rewrote otherwise (its
/// text) or removed (none): the later list's place, the earlier's text, the later's.
type Rewritten = (usize, String, Option<String>);

/// What [`since_sent`] makes of an answer's results.
pub(super) struct SinceSent {
    pub(super) list: Vec<Entry>,
    /// The results rewritten since the survey went out that the answer rewrote too (the text
    /// now, the answer's) or removed (the text now, none): to be said.
    pub(super) said: Vec<(String, Option<String>)>,
    /// Those it removed: they stay, where they stand.
    pub(super) kept: HashSet<Id>,
}

/// The answer's results (`list`: the master's ids where it answers a result) against the
/// master's (`mine`, those it may change) as they stand and as they were sent: a result the
/// answer left as sent is the master's as it now stands (another division's answer or the
/// office rewrote it since; a workbook's line is found by its text as sent); one the answer
/// rewrote that was rewritten since as well keeps both, the master's and after it the
/// answer's as a new result; one the answer removed that was rewritten since stays. Both
/// are said.
pub(super) fn since_sent(
    mine: &[Entry],
    list: Vec<Entry>,
    sent: &SentTexts,
    fresh: &mut Fresh,
) -> SinceSent {
    let mut out = SinceSent {
        list: Vec::with_capacity(list.len()),
        said: Vec::new(),
        kept: HashSet::new(),
    };
    if sent.by_id.is_empty() {
        out.list = list;
        return out;
    }
    let by_id: HashMap<Id, &Entry> = mine.iter().map(|e| (e.id, e)).collect();
    let in_list: HashSet<Id> = list.iter().map(|e| e.id).collect();
    let unanswered: HashMap<u64, Id> = (sent.by_id.iter())
        .filter(|(id, _)| by_id.contains_key(id) && !in_list.contains(id))
        .map(|(&id, &h)| (h, id))
        .collect();
    let texts: HashSet<&str> = mine.iter().map(|e| e.text.as_str()).collect();
    let mut placed: HashSet<Id> = HashSet::new();
    for e in list {
        let (m, was) = match (by_id.get(&e.id), sent.by_id.get(&e.id)) {
            (Some(m), Some(&was)) => (*m, was),
            (None, _) => {
                // A line written as a result was sent, not found under its id: that result.
                match unanswered.get(&sent.hash(&e.text)) {
                    Some(id) if placed.insert(*id) => out.list.push(by_id[id].clone()),
                    _ => out.list.push(e),
                }
                continue;
            }
            _ => {
                out.list.push(e);
                continue;
            }
        };
        placed.insert(m.id);
        if m.text == e.text || sent.hash(&m.text) == was {
            out.list.push(e);
        } else if sent.hash(&e.text) == was {
            out.list.push(m.clone());
        } else {
            out.list.push(m.clone());
            if !texts.contains(e.text.as_str()) {
                out.said.push((m.text.clone(), Some(e.text.clone())));
                out.list.push(renumbered(e, fresh));
            }
        }
    }
    for m in mine.iter().filter(|m| !placed.contains(&m.id)) {
        let rewritten = sent
            .by_id
            .get(&m.id)
            .is_some_and(|&was| sent.hash(&m.text) != was);
        if rewritten {
            out.kept.insert(m.id);
            out.said.push((m.text.clone(), None));
        }
    }
    out
}

/// The entry with new ids, its sub-items' too.
fn renumbered(mut e: Entry, fresh: &mut Fresh) -> Entry {
    e.id = fresh.next();
    e.subs = e.subs.into_iter().map(|s| renumbered(s, fresh)).collect();
    e
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
/// added are all kept; an entry both rewrote, each its own way, is kept in both texts (the
/// later as a new entry, `fresh` numbering it), each such pair returned with the index of the
/// later answer's edit, the topic, and the two texts, to be said. `base`: the list as the
/// master holds it.
pub(super) fn join_lists(
    edits: &mut [Edit],
    base: &dyn Fn(Id, Side) -> Option<Vec<Entry>>,
    fresh: &mut Fresh,
) -> Vec<(usize, Id, String, Option<String>)> {
    let mut by_list: HashMap<(Id, Side), Vec<usize>> = HashMap::new();
    for (k, e) in edits.iter().enumerate() {
        if let Edit::SetEntries { topic, side, .. } = e {
            by_list.entry((*topic, *side)).or_default().push(k);
        }
    }
    let mut both = Vec::new();
    let mut lists: Vec<((Id, Side), Vec<usize>)> =
        by_list.into_iter().filter(|(_, at)| at.len() > 1).collect();
    // In the edits' order: the new entries' ids do not hang on a hash map's.
    lists.sort_unstable_by_key(|(_, at)| at[0]);
    for ((topic, side), at) in lists {
        let Some(master) = base(topic, side) else {
            continue;
        };
        let (joined, twice) = joined(
            &master,
            at.iter().filter_map(|&k| match &edits[k] {
                Edit::SetEntries { entries, .. } => Some(entries.as_slice()),
                _ => None,
            }),
            fresh,
        );
        both.extend(
            twice
                .into_iter()
                .map(|(n, now, answer)| (at[n], topic, now, answer)),
        );
        for &k in &at {
            if let Edit::SetEntries { entries, .. } = &mut edits[k] {
                entries.clone_from(&joined);
            }
        }
    }
    both
}

/// The lists of one topic's side, each an answer's, joined over the master's (`base`), with
/// the entries two of them rewrote each its own way (the later list's place among them, the
/// text the earlier gave, the later's).
fn joined<'a>(
    base: &[Entry],
    lists: impl Iterator<Item = &'a [Entry]>,
    fresh: &mut Fresh,
) -> (Vec<Entry>, Vec<Rewritten>) {
    let by_id: HashMap<Id, &Entry> = base.iter().map(|e| (e.id, e)).collect();
    let base_ids: HashSet<Id> = by_id.keys().copied().collect();
    let mut joined: Vec<Entry> = base.to_vec();
    let mut both = Vec::new();
    for (n, entries) in lists.enumerate() {
        let now: HashMap<Id, &Entry> = joined.iter().map(|e| (e.id, e)).collect();
        let texts: HashSet<&str> = joined.iter().map(|e| e.text.as_str()).collect();
        let mut list: Vec<Entry> = Vec::with_capacity(entries.len());
        // An entry this list removed that an earlier one rewrote stays, said.
        let listed: HashSet<Id> = entries.iter().map(|e| e.id).collect();
        let mut answerable = base_ids.clone();
        for j in joined.iter().filter(|j| !listed.contains(&j.id)) {
            if by_id.get(&j.id).is_some_and(|b| !same_entry(b, j)) {
                answerable.remove(&j.id);
                both.push((n, j.text.clone(), None));
            }
        }
        for e in entries {
            match (by_id.get(&e.id), now.get(&e.id)) {
                (Some(b), Some(&j)) if same_entry(b, e) => list.push(j.clone()),
                (Some(b), None) if same_entry(b, e) => {}
                (Some(b), Some(&j)) if !same_entry(b, j) && !same_entry(j, e) => {
                    list.push(j.clone());
                    if !texts.contains(e.text.as_str()) {
                        both.push((n, j.text.clone(), Some(e.text.clone())));
                        list.push(renumbered(e.clone(), fresh));
                    }
                }
                _ => list.push(e.clone()),
            }
        }
        joined = keep_added_since(&joined, list, Some(&answerable));
    }
    (joined, both)
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

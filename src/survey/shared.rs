//! What an answer may change in a topic's results: those its response was sent with and
//! those its division's earlier answers added (recorded in the master, `Received::written`),
//! rewritten or removed as the answer says, and its own new ones; a result taken in from
//! another division's answer after the response went out (a topic two divisions answer for:
//! an initiative naming several 担当課, a topic naming none), or added by the office since,
//! stays. Each result is read against the text the division last saw or wrote for it
//! ([`super::sent_texts::since_sent`]). Two answers of one collection that set one list (such
//! a topic's results, or a plan both changed and the office accepts) are joined.

use std::collections::{HashMap, HashSet};

use super::adopt::Fresh;
use crate::edit::Edit;
use crate::model::{Entry, Id, Report, Side, WrittenResult};

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

/// The list with each line the answer added (an id the master's topic does not hold) in the
/// same words as a result of the master's topic: that result is the line, kept once — left
/// out when the list keeps it (another division's rewrite taken in before), put in the line's
/// place when the list left it out (another division added it before: it was replaced by the
/// new line, and nothing recorded that the other division still reports it). Returns the list
/// and the results so written again, with their texts' hashes. `own`: the results the answer
/// itself typed in the words they stand in ([`typed_as_standing`]): a line added in those
/// words is the division's second copy, kept (a line typed twice in a cell lost one).
pub(super) fn same_words_once(
    master: &[Entry],
    list: Vec<Entry>,
    own: &HashSet<Id>,
) -> (Vec<Entry>, Vec<(Id, u64)>) {
    let master_text: HashMap<Id, &str> = master.iter().map(|e| (e.id, e.text.as_str())).collect();
    let in_master = |id: &Id| master_text.contains_key(id);
    let in_list: HashSet<Id> = list.iter().map(|e| e.id).collect();
    // Results the list keeps in the words they stand in (not one this answer rewrote into the
    // same words as a line it adds, nor one it typed so itself: the division wrote both).
    let standing: HashMap<String, Id> = (list.iter())
        .filter(|e| !own.contains(&e.id))
        .filter(|e| master_text.get(&e.id) == Some(&e.text.as_str()))
        .map(|e| (e.text.clone(), e.id))
        .collect();
    let mut left_out: HashMap<&str, &Entry> = (master.iter())
        .filter(|e| !in_list.contains(&e.id))
        .map(|e| (e.text.as_str(), e))
        .collect();
    let mut again = Vec::new();
    let mut out = Vec::with_capacity(list.len());
    for e in list {
        if in_master(&e.id) {
            out.push(e);
        } else if let Some(&kept) = standing.get(&e.text) {
            again.push((kept, super::sent::hash(&e.text)));
        } else if let Some(m) = left_out.remove(e.text.as_str()) {
            again.push((m.id, super::sent::hash(&e.text)));
            out.push(m.clone());
        } else {
            out.push(e);
        }
    }
    (out, again)
}

/// The master's results an answer's list (as typed) holds in the words they stand in.
pub(super) fn typed_as_standing(master: &[Entry], typed: &[Entry]) -> HashSet<Id> {
    let master_text: HashMap<Id, &str> = master.iter().map(|e| (e.id, e.text.as_str())).collect();
    let standing = |e: &&Entry| master_text.get(&e.id) == Some(&e.text.as_str());
    typed.iter().filter(standing).map(|e| e.id).collect()
}

/// The results the division's answers wrote, after this answer's `edits`: those its earlier
/// answers wrote (`earlier`) that are still in the master or that they removed, each with the
/// text this answer gives it where it rewrote or added it, and those this answer removed
/// ([`crate::model::Received::written`]). `answered`:
/// the id the answer's response gave each result it added, by the id the edits give it;
/// `withdrawn`: those it removed or rewrote that stay all the same (recorded as removed: the
/// division no longer reports them, and another division's answer taking one back is not told
/// that this division reports it too); `same_words`: those it added again in the words they
/// stand in, with their texts' hashes (recorded as written by it).
pub(super) fn written_by(
    master: &Report,
    earlier: &[WrittenResult],
    edits: &[Edit],
    (answered, withdrawn, same_words): (&HashMap<Id, Id>, &HashSet<Id>, &HashMap<Id, u64>),
) -> Vec<WrittenResult> {
    let earlier: HashMap<Id, &WrittenResult> = earlier.iter().map(|w| (w.id, w)).collect();
    let mut replaced: HashSet<Id> = HashSet::new();
    let mut out: Vec<WrittenResult> = Vec::new();
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
        let was: HashMap<Id, &Entry> = t.actual.iter().map(|e| (e.id, e)).collect();
        for x in entries {
            let before = earlier.get(&x.id);
            if withdrawn.contains(&x.id) {
                out.push(WrittenResult {
                    id: x.id,
                    text: 0,
                    removed: true,
                    added: before.is_some_and(|w| w.added),
                    answered: before.and_then(|w| w.answered),
                    sent_again: None,
                });
                continue;
            }
            // A `・` added or taken away is written too (taking it back is the division's).
            let wrote = same_words.contains_key(&x.id)
                || was
                    .get(&x.id)
                    .is_none_or(|m| m.text != x.text || m.bullet != x.bullet);
            let written = match (wrote, before) {
                (true, _) => WrittenResult {
                    id: x.id,
                    text: super::sent::hash(&x.text),
                    removed: false,
                    added: before.is_some_and(|w| w.added) || !was.contains_key(&x.id),
                    answered: answered
                        .get(&x.id)
                        .copied()
                        .or_else(|| before.and_then(|w| w.answered)),
                    sent_again: None,
                },
                (false, Some(w)) => **w,
                (false, None) => continue,
            };
            out.push(written);
        }
        // Those it removed, so that a text written again later is the division's.
        let kept: HashSet<Id> = entries.iter().map(|x| x.id).collect();
        out.extend(was.keys().filter(|id| !kept.contains(id)).map(|&id| {
            let before = earlier.get(&id);
            WrittenResult {
                id,
                text: 0,
                removed: true,
                added: before.is_some_and(|w| w.added),
                answered: before.and_then(|w| w.answered),
                sent_again: None,
            }
        }));
        replaced.extend(was.keys());
    }
    // Written again in the words they stand in, where no edit changed the topic (the list as
    // it stands): the division writes them all the same.
    let recorded: HashSet<Id> = out.iter().map(|w| w.id).collect();
    for (&id, &text) in same_words.iter().filter(|(id, _)| !recorded.contains(id)) {
        let before = earlier.get(&id);
        out.push(WrittenResult {
            id,
            text,
            removed: false,
            added: before.is_some_and(|w| w.added),
            answered: before.and_then(|w| w.answered),
            sent_again: before.and_then(|w| w.sent_again),
        });
        replaced.insert(id);
    }
    // What it wrote before and this answer did not touch stays recorded — one the office
    // removed since too: a later answer holding it as the division wrote it leaves it removed
    // (dropped from the record, it came back as a line the answer added).
    out.extend(
        (earlier.values())
            .filter(|w| !replaced.contains(&w.id))
            .map(|w| **w),
    );
    out.sort_unstable_by_key(|w| w.id);
    out.dedup_by_key(|w| w.id);
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
    (sent, own, own_texts): (&HashSet<Id>, &HashMap<Id, Id>, &HashMap<u64, Id>),
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
    // A line written as the division's earlier answer wrote one of its own is that one, over
    // the id (a fresh copy of the response gives its new lines the ids the first copy gave
    // others).
    let by_text: HashMap<Id, Id> = (answered.iter())
        .filter(|e| !sent.contains(&e.id))
        .filter_map(|e| Some((e.id, *own_texts.get(&super::sent::hash(&e.text))?)))
        .collect();
    let claimed_by_text: HashSet<Id> = by_text.values().copied().collect();
    let mut claimed: HashSet<Id> = HashSet::new();
    answered
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let id = if sent.contains(&e.id) {
                Some(e.id)
            } else if let Some(&id) = by_text.get(&e.id) {
                Some(id)
            } else {
                own.get(&e.id)
                    .copied()
                    .filter(|id| !claimed_by_text.contains(id))
            };
            let id = id.filter(|id| claimed.insert(*id));
            let master = id.and_then(|id| by_id.get(&id).copied());
            e.id = master.map_or_else(|| fresh.next(), |m| m.id);
            renew(&mut e, master, fresh);
            e
        })
        .collect()
}

/// What the answering division's earlier answers wrote, and the texts the other divisions'
/// answers wrote (hashes): a result one of them reports too is not the division's alone to
/// remove.
pub(super) struct Written<'a> {
    pub(super) own: &'a [WrittenResult],
    pub(super) others: HashSet<u64>,
    /// The division's answer was sent back (差戻し): this one is its correction, read as work
    /// on the file even where every cell is as sent (a change taken back to what was sent).
    pub(super) sent_back: bool,
    /// Whether what a correction after 差戻し takes back is taken (else held): not when every
    /// result and number of the answer is as sent, which the blank file sent again, or mailed
    /// by mistake, reads as just so.
    pub(super) takes_back: bool,
    /// The ids of the master's results, in whichever topic they stand: a result the answer
    /// has under another of its topics was moved there, not removed since it was sent.
    pub(super) standing: HashSet<Id>,
    /// The answer's result lines (hashes of their texts) by the topics it writes them in: a
    /// line the earlier answer wrote that is missing from one topic and written in another was
    /// moved there, not taken back.
    pub(super) answer_lines: HashMap<u64, Vec<Id>>,
}

impl Written<'_> {
    /// Whether the answer holds, in any topic, a line as the division's earlier answer wrote
    /// it: it is that answer's file worked on further (a copy of the sent file answered
    /// elsewhere never held those lines), and what it takes back it takes back.
    pub(super) fn holds_own_lines(&self) -> bool {
        (self.own.iter())
            .filter(|w| !w.removed)
            .any(|w| self.answer_lines.contains_key(&w.text))
    }

    /// Whether every result of `t` the answer's `list` lacks is written in another of the
    /// answer's topics: moved there, which takes nothing back.
    pub(super) fn moved_away(&self, t: &crate::model::Topic, list: &[Entry]) -> bool {
        let kept: HashSet<&str> = list.iter().map(|e| e.text.as_str()).collect();
        (t.actual.iter())
            .filter(|e| !kept.contains(e.text.as_str()))
            .all(|e| self.moved_from(t.id, &e.text))
    }

    /// Whether the answer writes `text` in a topic other than `topic`.
    pub(super) fn moved_from(&self, topic: Id, text: &str) -> bool {
        (self.answer_lines.get(&super::sent::hash(text)))
            .is_some_and(|topics| topics.iter().any(|&t| t != topic))
    }
}

/// The answer's result lines by the topics it writes them in, two at most
/// ([`Written::answer_lines`]).
pub(super) fn answer_lines(content: &super::answer::AnswerContent) -> HashMap<u64, Vec<Id>> {
    let mut out: HashMap<u64, Vec<Id>> = HashMap::new();
    // Two topics of a line are all [`Written::moved_from`] asks about (one other than any
    // given): a line written in 400,000 topics searched a list that long for each.
    let mut add = |text: &str, topic: Id| {
        let at = out.entry(super::sent::hash(text)).or_default();
        if at.len() < 2 && !at.contains(&topic) {
            at.push(topic);
        }
    };
    match content {
        super::answer::AnswerContent::Report(r) => {
            for t in r.initiatives().flat_map(|i| &i.topics) {
                for e in &t.actual {
                    add(&e.text, t.id);
                }
            }
        }
        super::answer::AnswerContent::Workbook(rows, ..) => {
            for row in rows {
                for line in row.results.lines() {
                    add(line.trim().trim_start_matches('・'), row.topic);
                }
            }
        }
    }
    out
}

/// The ids of the report's results, in every topic.
pub(super) fn standing_results(report: &Report) -> HashSet<Id> {
    (report.initiatives())
        .flat_map(|i| &i.topics)
        .flat_map(|t| &t.actual)
        .map(|e| e.id)
        .collect()
}

/// Whether the division's earlier answers wrote (added, rewrote or removed) any of the
/// results `ids` (a topic's results as they stand and as it was sent).
pub(super) fn wrote_in(written: &Written, mut ids: impl Iterator<Item = Id>) -> bool {
    let own: HashSet<Id> = written.own.iter().map(|w| w.id).collect();
    ids.any(|id| own.contains(&id))
}

/// The hashes of the texts every division but `division` last wrote in its answers.
pub(super) fn written_by_others(master: &Report, division: &str) -> HashSet<u64> {
    (master.survey.iter())
        .filter(|s| s.division != division)
        .filter_map(|s| s.received.as_ref())
        .flat_map(|r| r.written.iter())
        .filter(|w| !w.removed)
        .map(|w| w.text)
        .collect()
}

/// The results the division's answers added, by the hash of the text each last gave them, and
/// by the id the response that added them gave them.
pub(super) fn own_lookups(own: &[WrittenResult]) -> (HashMap<u64, Id>, HashMap<Id, Id>) {
    let texts = (own.iter())
        .filter(|w| w.added && !w.removed)
        .map(|w| (w.text, w.id))
        .collect();
    let answered = (own.iter())
        .filter_map(|w| Some((w.answered?, w.id)))
        .collect();
    (texts, answered)
}

/// An entry of a list that an earlier list rewrote and a later one rewrote otherwise (its
/// text) or removed (none): the later list's place, the earlier's text, the later's.
type Rewritten = (usize, String, Option<String>);

/// The entry with new ids, its sub-items' too.
pub(super) fn renumbered(mut e: Entry, fresh: &mut Fresh) -> Entry {
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
/// later as a new entry, `fresh` numbering it), and an entry one rewrote and a later one
/// removed stays; each such entry is returned with the index of the later answer's edit, the
/// topic, the earlier's text and the later's (none: removed), to be said. `base`: the list as the
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
    let mut same_words: HashMap<Id, Id> = HashMap::new();
    let mut lists: Vec<((Id, Side), Vec<usize>)> =
        by_list.into_iter().filter(|(_, at)| at.len() > 1).collect();
    // In the edits' order: the new entries' ids do not hang on a hash map's.
    lists.sort_unstable_by_key(|(_, at)| at[0]);
    for ((topic, side), at) in lists {
        let Some(master) = base(topic, side) else {
            continue;
        };
        let (joined, twice, merged) = joined(
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
        same_words.extend(merged);
    }
    // A line two answers added in the same words is kept once: each division's record of it
    // names the one kept, so either division's later answer taking it back is weighed
    // against the other's (the record of the line dropped named nothing).
    if !same_words.is_empty() {
        for e in edits.iter_mut() {
            if let Edit::SetDivisionSurvey {
                record: Some(record),
                ..
            } = e
                && let Some(received) = &mut record.received
            {
                for w in &mut received.written {
                    // Three answers in the same words: the first's names the second's, which
                    // names the third's, the one kept.
                    for _ in 0..same_words.len() {
                        match same_words.get(&w.id) {
                            Some(&kept) => w.id = kept,
                            None => break,
                        }
                    }
                }
            }
        }
    }
    both
}

/// The lists of one topic's side, each an answer's, joined over the master's (`base`), with
/// the entries two of them rewrote each its own way (the later list's place among them, the
/// text the earlier gave, the later's), and the entries an earlier list added that a later
/// added in the same words (the id dropped, the id kept).
fn joined<'a>(
    base: &[Entry],
    lists: impl Iterator<Item = &'a [Entry]>,
    fresh: &mut Fresh,
) -> (Vec<Entry>, Vec<Rewritten>, Vec<(Id, Id)>) {
    let mut merged = Vec::new();
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
        // A line this list added in the words a result of the joined list stands in (the
        // earlier answer's rewrite) is that result, kept once.
        let standing: HashMap<String, Id> = (list.iter())
            .filter(|e| now.get(&e.id).is_some_and(|j| j.text == e.text))
            .map(|e| (e.text.clone(), e.id))
            .collect();
        list.retain(|e| {
            let added = !by_id.contains_key(&e.id) && !now.contains_key(&e.id);
            match standing.get(&e.text).filter(|_| added) {
                Some(&kept) => {
                    merged.push((e.id, kept));
                    false
                }
                None => true,
            }
        });
        let by_text: HashMap<&str, Id> = list.iter().map(|e| (e.text.as_str(), e.id)).collect();
        merged.extend(
            (joined.iter())
                .filter(|j| !listed.contains(&j.id) && !answerable.contains(&j.id))
                .filter_map(|j| Some((j.id, *by_text.get(j.text.as_str())?))),
        );
        joined = keep_added_since(&joined, list, Some(&answerable));
    }
    (joined, both, merged)
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

/// `list` with the master's results `removed` put back, each after the result it followed in
/// the master (the first where none of those is in `list`).
pub(super) fn with_removed_kept(master: &[Entry], list: &[Entry], removed: &[Id]) -> Vec<Entry> {
    let mut out = list.to_vec();
    for (k, e) in master.iter().enumerate() {
        if !removed.contains(&e.id) {
            continue;
        }
        let after = (master[..k].iter().rev())
            .find_map(|before| out.iter().position(|o| o.id == before.id));
        out.insert(after.map_or(0, |at| at + 1), e.clone());
    }
    out
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

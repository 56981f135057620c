//! What an answer's results are read against, result by result: the text the division last
//! saw (as sent) or wrote (its earlier answer) for each ([`SentTexts`]), and what the answer
//! did to results changed since ([`since_sent`]).

use std::collections::{HashMap, HashSet};

use super::adopt::Fresh;
use super::shared::{Written, renumbered};
use crate::model::diag::WarningKind;
use crate::model::{Entry, Id, WrittenResult};

/// What an answer is read against, result by result: the text the division last wrote for
/// it where its earlier answer wrote it, else the text it was sent (hashes, by id; a
/// workbook keeps short ones of the texts it was sent).
pub(super) struct SentTexts<'a> {
    by_id: HashMap<Id, u64>,
    short: bool,
    /// The hash of each text the division last wrote (`None`: it removed the result).
    own: HashMap<Id, Option<u64>>,
    /// The texts other divisions' answers wrote.
    others: &'a HashSet<u64>,
    /// The master's results wherever they stand ([`Written::standing`]): a result the division
    /// wrote that is no longer in this topic but stands in another was not removed since — a
    /// line of it here is one moved here (a workbook's line the division's earlier answer
    /// added, cut from one cell and pasted into another, was taken as removed and lost).
    standing: &'a HashSet<Id>,
}

impl SentTexts<'_> {
    /// A `.ron` response's (its `result/…` parts; none in a response from before them).
    pub(super) fn of_response<'a>(
        sent: &super::sent::SentParts,
        written: &'a Written,
    ) -> SentTexts<'a> {
        let by_id = sent
            .iter()
            .filter_map(|(k, &h)| Some((Id(k.strip_prefix("result/")?.parse().ok()?), h)))
            .collect();
        SentTexts {
            own: own_texts(written.own, &by_id, |h| h),
            by_id,
            short: false,
            others: &written.others,
            standing: &written.standing,
        }
    }

    /// A workbook row's (its hidden cell's; none in a workbook from before them).
    pub(super) fn of_row<'a>(row: &super::workbook::Row, written: &'a Written) -> SentTexts<'a> {
        let by_id = match (&row.sent_ids, &row.sent_texts) {
            (Some(ids), Some(texts)) if ids.len() == texts.len() => ids
                .iter()
                .zip(texts)
                .map(|(&id, &h)| (id, u64::from(h)))
                .collect(),
            _ => HashMap::new(),
        };
        let short = |h: u64| u64::from(super::sent::short_of(h));
        SentTexts {
            own: own_texts(written.own, &by_id, short),
            by_id,
            short: true,
            others: &written.others,
            standing: &written.standing,
        }
    }

    /// The results of `t` (the master's) that were in the division's response when it was
    /// sent and that `list` (its answer's results) lacks, where neither its own earlier
    /// answers nor another division's wrote them (the published report's) and the answer
    /// does not write them in another topic (moved there).
    pub(super) fn sent_and_removed(
        &self,
        t: &crate::model::Topic,
        list: &[Entry],
        written: &Written,
    ) -> Vec<Id> {
        let in_list: HashSet<Id> = list.iter().map(|e| e.id).collect();
        (t.actual.iter())
            .filter(|e| !in_list.contains(&e.id) && self.by_id.contains_key(&e.id))
            .filter(|e| !self.own.contains_key(&e.id))
            .filter(|e| !self.others.contains(&super::sent::hash(&e.text)))
            .filter(|e| !written.moved_from(t.id, &e.text))
            .map(|e| e.id)
            .collect()
    }

    /// Whether the master holds result `id` in any topic.
    fn stands(&self, id: Id) -> bool {
        self.standing.contains(&id)
    }

    fn sent_hash(&self, text: &str) -> u64 {
        if self.short {
            u64::from(super::sent::short_hash(text))
        } else {
            super::sent::hash(text)
        }
    }

    /// Whether `text` is what the division last saw or wrote for result `id`; `None` where
    /// nothing is known of it.
    fn as_last_seen(&self, id: Id, text: &str) -> Option<bool> {
        if let Some(&h) = self.own.get(&id) {
            return Some(h.is_some_and(|h| super::sent::hash(text) == h));
        }
        self.by_id.get(&id).map(|&h| self.sent_hash(text) == h)
    }
}

/// Results found by the text the division last saw or wrote for them ([`SentTexts::lines_of`]).
pub(super) struct KnownLines<'a> {
    texts: &'a SentTexts<'a>,
    by_sent: HashMap<u64, Id>,
    by_own: HashMap<u64, Id>,
}

impl KnownLines<'_> {
    /// The result a line of this text is, where the division last saw or wrote it so.
    pub(super) fn result_of(&self, text: &str) -> Option<Id> {
        (self.by_own.get(&super::sent::hash(text)))
            .or_else(|| self.by_sent.get(&self.texts.sent_hash(text)))
            .copied()
    }
}

impl SentTexts<'_> {
    /// `mine`'s results by the texts the division last saw or wrote for them.
    pub(super) fn lines_of(&self, mine: &[Entry]) -> KnownLines<'_> {
        let (mut by_sent, mut by_own) = (HashMap::new(), HashMap::new());
        for m in mine {
            match (self.own.get(&m.id), self.by_id.get(&m.id)) {
                (Some(&Some(h)), _) => by_own.insert(h, m.id),
                (None, Some(&h)) => by_sent.insert(h, m.id),
                _ => None,
            };
        }
        KnownLines {
            texts: self,
            by_sent,
            by_own,
        }
    }
}

impl SentTexts<'_> {
    /// The texts of the answer's results (`answer`) that it was sent, that were removed from
    /// the master's (`master`) since, and that it rewrote: kept as new results, to be said.
    pub(super) fn rewritten_after_removal(
        &self,
        master: &[Entry],
        answer: &[Entry],
        sent: Option<&HashSet<Id>>,
    ) -> Vec<WarningKind> {
        let Some(sent) = sent else {
            return Vec::new();
        };
        let here: HashSet<Id> = master.iter().map(|m| m.id).collect();
        (answer.iter())
            .filter(|e| sent.contains(&e.id) && !here.contains(&e.id))
            .filter(|e| !self.stands(e.id))
            .filter(|e| self.as_last_seen(e.id, &e.text) == Some(false))
            .map(|e| WarningKind::RemovedSinceSent {
                answer: e.text.clone(),
            })
            .collect()
    }
}

/// The texts the division last wrote, by result, but for those the answer's file was sent
/// after they were written (the survey sent again, [`WrittenResult::sent_again`]): the
/// division saw them as sent then, and that is what the answer is read against. `form`: a
/// text's hash as the file keeps it.
fn own_texts(
    own: &[WrittenResult],
    sent: &HashMap<Id, u64>,
    form: impl Fn(u64) -> u64,
) -> HashMap<Id, Option<u64>> {
    own.iter()
        .filter(|w| {
            w.sent_again
                .is_none_or(|h| sent.get(&w.id) != Some(&form(h)))
        })
        .map(|w| (w.id, (!w.removed).then_some(w.text)))
        .collect()
}

/// What [`since_sent`] makes of an answer's results.
pub(super) struct SinceSent {
    pub(super) list: Vec<Entry>,
    /// What it did to results changed since the survey went out (rewritten since and
    /// rewritten or removed by it too; written in the same words by another division, and
    /// removed or rewritten by it): to be said.
    pub(super) said: Vec<WarningKind>,
    /// Those it removed or rewrote that stay all the same, where they stand: no longer the
    /// division's (recorded as removed by it).
    pub(super) kept: HashSet<Id>,
}

/// The answer's results (`list`: the master's ids where it answers a result) against the
/// master's (`mine`, those it may change) as they stand and as the division last saw or wrote
/// them ([`SentTexts`]): a result the answer leaves so is the master's as it now stands
/// (another division's answer or the office rewrote it since; removed since, it stays
/// removed; a workbook's line is found by its text); one the answer rewrote that was rewritten
/// since as well keeps both, the master's and after it the answer's as a new result; one the
/// answer removed that was rewritten since stays; one another division's answer wrote in the
/// same words stays when the answer removes or rewrites it (the rewrite beside it). Each of
/// these is said.
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
    if sent.by_id.is_empty() && sent.own.is_empty() && sent.others.is_empty() {
        out.list = list;
        return out;
    }
    let by_id: HashMap<Id, &Entry> = mine.iter().map(|e| (e.id, e)).collect();
    let in_list: HashSet<Id> = list.iter().map(|e| e.id).collect();
    // The results the list does not hold under their ids, and those no longer in the master,
    // by the texts the division last saw (as sent) or wrote: a line is looked up by its text.
    let unanswered = mine.iter().map(|m| m.id).filter(|id| !in_list.contains(id));
    let (mut by_sent_text, mut by_own_text) = (HashMap::new(), HashMap::new());
    for id in unanswered {
        match (sent.own.get(&id), sent.by_id.get(&id)) {
            (Some(&Some(h)), _) => by_own_text.insert(h, id),
            (Some(None), _) => None,
            (None, Some(&h)) => by_sent_text.insert(h, id),
            (None, None) => None,
        };
    }
    let gone: HashSet<u64> = (sent.by_id.iter())
        .filter(|(id, _)| !by_id.contains_key(id) && !sent.own.contains_key(id))
        .filter(|(id, _)| !sent.stands(**id))
        .map(|(_, &h)| h)
        .collect();
    let own_gone: HashSet<u64> = (sent.own.iter())
        .filter(|(id, _)| !by_id.contains_key(id) && !sent.stands(**id))
        .filter_map(|(_, &h)| h)
        .collect();
    let texts: HashSet<&str> = mine.iter().map(|e| e.text.as_str()).collect();
    let mut placed: HashSet<Id> = HashSet::new();
    for e in list {
        let Some(m) = by_id.get(&e.id).copied() else {
            let (as_sent, as_written) = (sent.sent_hash(&e.text), super::sent::hash(&e.text));
            let found = (by_own_text.get(&as_written)).or_else(|| by_sent_text.get(&as_sent));
            match found {
                Some(&id) if placed.insert(id) => out.list.push(by_id[&id].clone()),
                // Removed since it was sent (or written), and left so by the answer.
                _ if gone.contains(&as_sent) || own_gone.contains(&as_written) => {}
                // A result of another topic (sent there, or the division's earlier answer
                // wrote it there), moved here: a new one here (its id stays with the one it
                // was, which the answer removes there).
                _ if sent.stands(e.id) => {
                    out.list.push(renumbered(e, fresh));
                }
                _ => out.list.push(e),
            }
            continue;
        };
        placed.insert(m.id);
        match (
            sent.as_last_seen(m.id, &m.text),
            sent.as_last_seen(m.id, &e.text),
        ) {
            (Some(false), Some(true)) => out.list.push(m.clone()),
            (Some(false), Some(false)) if m.text != e.text => {
                out.list.push(m.clone());
                out.kept.insert(m.id);
                if !texts.contains(e.text.as_str()) {
                    out.said.push(WarningKind::RewrittenSinceSent {
                        now: m.text.clone(),
                        answer: Some(e.text.clone()),
                    });
                    out.list.push(renumbered(e, fresh));
                }
            }
            // Rewriting a line another division's answer wrote in the same words takes it
            // from this division only: the line stays, the answer's text beside it.
            _ if m.text != e.text && sent.others.contains(&super::sent::hash(&m.text)) => {
                out.list.push(m.clone());
                // No longer this division's: it reports the rewrite.
                out.kept.insert(m.id);
                out.said.push(WarningKind::ReportedByAnotherToo {
                    text: m.text.clone(),
                    answer: Some(e.text.clone()),
                });
                if !texts.contains(e.text.as_str()) {
                    out.list.push(renumbered(e, fresh));
                }
            }
            _ => out.list.push(e),
        }
    }
    for m in mine.iter().filter(|m| !placed.contains(&m.id)) {
        if sent.as_last_seen(m.id, &m.text) == Some(false) {
            out.kept.insert(m.id);
            out.said.push(WarningKind::RewrittenSinceSent {
                now: m.text.clone(),
                answer: None,
            });
        } else if sent.others.contains(&super::sent::hash(&m.text)) {
            out.kept.insert(m.id);
            out.said.push(WarningKind::ReportedByAnotherToo {
                text: m.text.clone(),
                answer: None,
            });
        }
    }
    out
}

impl SentTexts<'_> {
    /// `list` (an answer's results for a topic) with what the division's earlier answers wrote
    /// there kept where the answer takes it back without a word of its own: a result the
    /// master has as the earlier answer wrote it and the answer has as it was sent, one the
    /// earlier answer added that the answer lacks, and one it removed that the answer has as
    /// it was sent — but one the answer writes in another of its topics (moved there). What
    /// stands if the answer takes nothing back: a copy of the sent file that another member of
    /// the division worked on reads so (the earlier answer's lines never reached it). Equal to `list` where nothing is taken
    /// back, and where the list holds a line of the earlier answer's as it wrote it: then the
    /// answer is that file worked on further, and what it left out it removed.
    pub(super) fn keeping_own(
        &self,
        (topic, master): (Id, &[Entry]),
        list: &[Entry],
        written: &Written,
    ) -> Vec<Entry> {
        let hash = super::sent::hash;
        let as_written = |m: &Entry| self.own.get(&m.id) == Some(&Some(hash(&m.text)));
        let as_sent = |e: &Entry| self.by_id.get(&e.id) == Some(&self.sent_hash(&e.text));
        if list.iter().any(|e| as_written(e) && !as_sent(e)) {
            return list.to_vec();
        }
        let by_id: HashMap<Id, &Entry> = master.iter().map(|m| (m.id, m)).collect();
        // The texts, as sent, of the results the earlier answer removed (a workbook's rewrite
        // into other words is one removed and one added): a line so is the removed one back.
        let removed: HashSet<u64> = (self.own.iter())
            .filter(|(_, h)| h.is_none())
            .filter_map(|(id, _)| self.by_id.get(id).copied())
            .collect();
        let mut out: Vec<Entry> = (list.iter())
            .filter(|e| by_id.contains_key(&e.id) || !removed.contains(&self.sent_hash(&e.text)))
            .map(|e| match by_id.get(&e.id) {
                Some(&m) if m.text != e.text && as_written(m) && as_sent(e) => m.clone(),
                _ => e.clone(),
            })
            .collect();
        let added: HashSet<Id> = (written.own.iter())
            .filter(|w| w.added && !w.removed)
            .map(|w| w.id)
            .collect();
        let in_list: HashSet<Id> = list.iter().map(|e| e.id).collect();
        let texts: HashSet<&str> = list.iter().map(|e| e.text.as_str()).collect();
        // Each line put back goes after the master's line before it that the list holds (at
        // the start when none): one pass, whatever the number of lines.
        let mut after: HashMap<Option<Id>, Vec<Entry>> = HashMap::new();
        let mut anchor = None;
        for m in master {
            if in_list.contains(&m.id) {
                anchor = Some(m.id);
            } else if added.contains(&m.id)
                && as_written(m)
                && !self.by_id.contains_key(&m.id)
                && !texts.contains(m.text.as_str())
                && !written.moved_from(topic, &m.text)
            {
                after.entry(anchor).or_default().push(m.clone());
            }
        }
        if after.is_empty() {
            return out;
        }
        let mut placed = after.remove(&None).unwrap_or_default();
        for e in out.drain(..) {
            let id = e.id;
            placed.push(e);
            placed.extend(after.remove(&Some(id)).unwrap_or_default());
        }
        placed
    }
}

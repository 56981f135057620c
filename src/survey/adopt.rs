//! Answered entries given the master's ids where they are the master's own, provisional ones
//! elsewhere, and links kept within the initiative: what collecting takes in, for a `.ron`
//! answer's lists and for lines typed into a workbook.

use std::collections::{HashMap, HashSet};

use super::entries_from_lines;
use super::sent::SentParts;
use crate::edit::Edit;
use crate::export::table::entry_line;
use crate::model::{Entry, Id, Initiative, Side, Topic};

/// Provisional ids for new entries, above every id of the master.
pub(super) struct Fresh(pub(super) u64);

impl Fresh {
    pub(super) fn next(&mut self) -> Id {
        let id = Id(self.0);
        self.0 += 1;
        id
    }
}

/// The plan entry ids of an initiative (sub-items too): links may only point at these.
fn plan_ids(initiative: &Initiative) -> HashSet<Id> {
    (initiative
        .topics
        .iter()
        .flat_map(|t| Entry::all_in(&t.plan)))
    .map(|e| e.id)
    .collect()
}

/// An answered list of entries with the master's ids where they are the master's own (the
/// same id, in the same list), provisional ones elsewhere; links kept to plan entries of the
/// initiative.
pub(super) fn adopt_list(
    initiative: &Initiative,
    master: &[Entry],
    answered: &[Entry],
    sent: &SentParts,
    fresh: &mut Fresh,
) -> Vec<Entry> {
    struct Known<'a> {
        entries: HashMap<Id, &'a Entry>,
        plans: HashSet<Id>,
        sent: &'a SentParts,
    }
    fn adopt(e: &Entry, whole: &Known, used: &mut HashSet<Id>, fresh: &mut Fresh) -> Entry {
        let (known, plans, sent) = (&whole.entries, &whole.plans, whole.sent);
        let read;
        let e = match by_hand(e, known) {
            Some(subs) => {
                read = Entry { subs, ..e.clone() };
                &read
            }
            None => e,
        };
        let id = if known.contains_key(&e.id) && used.insert(e.id) {
            e.id
        } else {
            fresh.next()
        };
        let adopted = Entry {
            id,
            reports: e
                .reports
                .iter()
                .copied()
                .filter(|p| plans.contains(p))
                .collect(),
            subs: e
                .subs
                .iter()
                .map(|s| adopt(s, whole, used, fresh))
                .collect(),
            ..e.clone()
        };
        // A file edited by other means than Shinchoku may hold a sub-item's new text without
        // the entry's own text following it, or the entry's new text beside its sub-items' old
        // ones. Which was edited is told from the text as sent (its hash in the response), or
        // from the master's entry in a response from before those: its text unchanged, the
        // sub-items' new texts go where the old stand in it (the separators between them kept);
        // its text changed, the text is the truth, read again below (it was rebuilt from the
        // old sub-items and the edit dropped). An entry the master lacks is made to hold its
        // sub-items. Against the master alone, the same file sent again after its sub-item was
        // taken read as a rewritten text, and put the old sub-item back.
        let as_sent = sent
            .get(&super::sent::result_key(e.id))
            .map(|&h| h == super::sent::hash(&e.text));
        let text = match (known.get(&e.id), as_sent) {
            (Some(_), Some(true)) => {
                // The subs the text was written with are those it reads as.
                let written =
                    crate::model::entry_text::read_entry(&e.text, e.bullet, &mut Vec::new());
                let old: Vec<String> = written.subs.iter().map(|s| s.text.clone()).collect();
                crate::model::sub_text::text_with_subs(&adopted, &old)
            }
            (Some(m), None) if m.text == e.text => {
                let old: Vec<String> = m.subs.iter().map(|s| s.text.clone()).collect();
                crate::model::sub_text::text_with_subs(&adopted, &old)
            }
            (Some(_), _) => e.text.clone(),
            (None, _) if crate::model::sub_text::holds_subs(&adopted) => e.text.clone(),
            // A new line whose text does not hold the sub-items listed beside it (typed by
            // hand: 「研修の実施 ※全職員対象」 and 新任(4月), 中堅(9月)): its words stay, and the
            // sub-items its text lacks follow its head. Composed again from its reading, the
            // head was lost — a hand-typed line has none stored.
            // Lacking is what the text does not read as a sub-item of its own: a sub-item's
            // words found anywhere in it (研修 in 「研修の実施」) are no sub-item there, and one
            // so taken as held was dropped when the text was read again.
            (None, _) => {
                let read = crate::model::entry_text::read_entry(&e.text, e.bullet, &mut Vec::new());
                let held: HashSet<&str> = read.subs.iter().map(|s| s.text.as_str()).collect();
                let lacking = Entry {
                    subs: (adopted.subs.iter())
                        .filter(|s| !held.contains(s.text.as_str()))
                        .cloned()
                        .collect(),
                    ..adopted.clone()
                };
                crate::model::sub_text::text_with_subs(&lacking, &[])
            }
        };
        Entry { text, ..adopted }
    }
    let entries = by_id(master);
    let known = Known {
        entries,
        plans: plan_ids(initiative),
        sent,
    };
    let mut used = HashSet::new();
    answered
        .iter()
        .map(|e| {
            let adopted = adopt(e, &known, &mut used, fresh);
            read_again(adopted, fresh)
        })
        .collect()
}

/// The entry read again from its text, keeping its ids and links (sub-items by position): its
/// text is the truth, and a file written by other means than Shinchoku may hold a new text
/// beside the months, counts and sub-items of the old one.
fn read_again(adopted: Entry, fresh: &mut Fresh) -> Entry {
    let mut entry =
        crate::model::entry_text::read_entry(&adopted.text, adopted.bullet, &mut Vec::new());
    entry.id = adopted.id;
    entry.reports = adopted.reports;
    for (k, sub) in entry.subs.iter_mut().enumerate() {
        match adopted.subs.get(k) {
            Some(old) => {
                sub.id = old.id;
                sub.reports = old.reports.clone();
            }
            None => sub.id = fresh.next(),
        }
    }
    entry
}

/// Entries typed into a workbook cell: a line the same as one of the master's keeps that
/// entry (its id and links); a result rewritten is the master's result it reads most like
/// (see [`rewritten_results`]), edited, keeping its id and links as an edit in the window
/// does; any other line is a new entry, a result linked as typed results are.
pub(super) fn adopt_lines(
    (initiative, topic, side): (&Initiative, &Topic, Side),
    text: &str,
    known: &dyn Fn(&str) -> Option<Id>,
    fresh: &mut Fresh,
) -> Vec<Entry> {
    let master = topic.entries(side);
    let mut used = vec![false; master.len()];
    // A result written over several lines of the cell is read back whole.
    let typed = entries_from_lines(text, master);
    // First the lines typed as they were, wherever they stand now.
    let mut same: Vec<Option<usize>> = typed
        .iter()
        .map(|e| {
            let line = entry_line(e);
            let k = (0..master.len()).find(|&k| !used[k] && entry_line(&master[k]) == line)?;
            used[k] = true;
            Some(k)
        })
        .collect();
    // Then the lines typed as the division last saw or wrote them (`known`, by text): those
    // results as they now stand, before any line is matched by likeness (a sibling rewritten
    // took the place of one the office had corrected).
    let at: HashMap<Id, usize> = master.iter().enumerate().map(|(k, e)| (e.id, k)).collect();
    for (e, same) in typed
        .iter()
        .zip(same.iter_mut())
        .filter(|(_, s)| s.is_none())
    {
        if let Some(&k) = known(&e.text).and_then(|id| at.get(&id))
            && !used[k]
        {
            used[k] = true;
            *same = Some(k);
        }
    }
    // Then a result rewritten: the master's result left over that reads most like it.
    let rewritten = match side {
        Side::Actual => rewritten_results(master, &typed, &same, &mut used),
        // A plan line retyped is a new line (the results reporting the old one are said).
        Side::Plan => vec![None; typed.len()],
    };
    // The lines reported once the answer stands: not by the results it drops, and by each new
    // line as it is linked.
    let gone: HashSet<Id> = (master.iter().zip(&used))
        .filter(|(_, u)| !**u)
        .flat_map(|(e, _)| Entry::all_in(std::slice::from_ref(e)).map(|e| e.id))
        .collect();
    let mut reported = crate::model::links::reported_except(initiative, &gone);
    typed
        .into_iter()
        .zip(same)
        .zip(rewritten)
        .map(|((mut e, same), rewritten)| {
            // The result as it now stands, with the bullet as typed: a line found by its
            // words alone (as last seen) whose `・` the division added or took away.
            if let Some(k) = same {
                return Entry {
                    bullet: e.bullet,
                    ..master[k].clone()
                };
            }
            if let Some(old) = rewritten.map(|k| &master[k]) {
                e.id = old.id;
                e.reports = old.reports.clone();
                for (k, sub) in e.subs.iter_mut().enumerate() {
                    match old.subs.get(k) {
                        Some(o) => (sub.id, sub.reports) = (o.id, o.reports.clone()),
                        None => sub.id = fresh.next(),
                    }
                }
                return e;
            }
            fn number(e: &mut Entry, fresh: &mut Fresh) {
                e.id = fresh.next();
                for s in &mut e.subs {
                    number(s, fresh);
                }
            }
            number(&mut e, fresh);
            if side == Side::Actual {
                let plans = crate::model::links::propose_among(initiative, topic.id, &e, &reported);
                reported.extend(plans.iter().copied());
                e.reports = plans.into();
            }
            e
        })
        .collect()
}

/// For each typed line not found as it was, the master's result it rewrites: of the results
/// not typed again, the one whose label shares the most character pairs with its label (Dice,
/// at least `SIMILAR`), the one in its place first on a tie; none past a bounded number of
/// comparisons.
fn rewritten_results(
    master: &[Entry],
    typed: &[Entry],
    same: &[Option<usize>],
    used: &mut [bool],
) -> Vec<Option<usize>> {
    use crate::model::links::{MOST_PAIRS_COMPARED, SIMILAR};
    let left = used.iter().filter(|u| !**u).count();
    if left * typed.len() > MOST_PAIRS_COMPARED {
        return vec![None; typed.len()];
    }
    let words =
        |e: &Entry| crate::model::text::normalize(&crate::model::links::compared_part(&e.label));
    (0..typed.len())
        .map(|at| {
            if same[at].is_some() {
                return None;
            }
            let mine = words(&typed[at]);
            let whole = crate::model::text::normalize(&typed[at].text);
            // A result with sub-items answered with some left out, its head's words kept: the
            // line is that result (it read too short to be alike, and was taken as removed and
            // another added — its first-half record and links lost).
            let keeps_head = |k: usize| {
                let head = crate::model::text::normalize(&master[k].label);
                !master[k].subs.is_empty()
                    && !head.is_empty()
                    && whole.starts_with(&head)
                    && (master[k].subs.iter()).any(|s| {
                        let sub = crate::model::text::normalize(&s.label);
                        !sub.is_empty() && whole.contains(&sub)
                    })
            };
            let score = |k: usize| {
                let alike = crate::model::links::similarity(&mine, &words(&master[k]));
                if keeps_head(k) {
                    alike.max(SIMILAR)
                } else {
                    alike
                }
            };
            let best = (0..master.len())
                .filter(|&k| !used[k])
                .map(|k| (k, score(k)))
                .filter(|&(_, s)| s >= SIMILAR)
                .max_by(|a, b| a.1.total_cmp(&b.1).then((a.0 == at).cmp(&(b.0 == at))))?;
            used[best.0] = true;
            Some(best.0)
        })
        .collect()
}

/// What accepting a plan change (`edit`) does to the links of `initiative`'s results (as the
/// master holds them), by their texts, for the conflict to say: the results reporting a plan
/// line it takes away, each with the line it is paired with instead (as accepting the change
/// pairs it: [`crate::model::links::proposed_again`]) or none (unlinked); then the results
/// taken before that name a line it adds, with that line
/// ([`crate::model::links::moved_to_new_lines`]).
pub(super) fn relinked_by(initiative: &Initiative, edit: Option<&Edit>) -> Relinked {
    let Some(Edit::SetEntries {
        topic,
        side: Side::Plan,
        entries,
    }) = edit
    else {
        return Relinked::default();
    };
    let Some(t) = initiative.topics.iter().find(|t| t.id == *topic) else {
        return Relinked::default();
    };
    let kept: HashSet<Id> = Entry::all_in(entries).map(|e| e.id).collect();
    let before: HashSet<Id> = Entry::all_in(&t.plan).map(|e| e.id).collect();
    let gone: HashSet<Id> = before
        .iter()
        .filter(|id| !kept.contains(id))
        .copied()
        .collect();
    let new: HashSet<Id> = kept
        .iter()
        .filter(|id| !before.contains(id))
        .copied()
        .collect();
    let lost: Vec<(Id, String)> = crate::model::links::results(initiative)
        .into_iter()
        .filter(|(_, _, r)| r.reports.iter().any(|p| gone.contains(p)))
        .map(|(_, _, r)| (r.id, r.text.clone()))
        .collect();
    fn unlink(list: &mut [Entry], gone: &HashSet<Id>) {
        for e in list {
            e.reports.retain(|p| !gone.contains(p));
            unlink(&mut e.subs, gone);
        }
    }
    let mut after = initiative.clone();
    for o in &mut after.topics {
        if o.id == *topic {
            o.plan = entries.clone();
        }
        unlink(&mut o.actual, &gone);
    }
    let ids: HashSet<Id> = lost.iter().map(|(id, _)| *id).collect();
    let again = crate::model::links::proposed_again(&after, &ids);
    let moved = crate::model::links::moved_to_new_lines(&after, *topic, &new);
    let plans: HashMap<Id, &str> = (after.topics.iter())
        .flat_map(|o| Entry::all_in(&o.plan))
        .map(|e| (e.id, e.text.as_str()))
        .collect();
    let plan_text = |plans_of: Option<&Vec<Id>>| {
        plans_of.and_then(|ps| ps.iter().find_map(|p| plans.get(p).map(|t| t.to_string())))
    };
    let unlinks = (lost.into_iter())
        .map(|(id, text)| (text, plan_text(again.get(&id))))
        .collect();
    let moves = (crate::model::links::results(&after).into_iter())
        .filter_map(|(_, _, r)| Some((r.text.clone(), plan_text(moved.get(&r.id))?)))
        .collect();
    Relinked { unlinks, moves }
}

/// See [`relinked_by`].
#[derive(Default)]
pub(super) struct Relinked {
    pub unlinks: Vec<(String, Option<String>)>,
    pub moves: Vec<(String, String)>,
}

/// The sub-items of a line written by hand in a response file: its text alone, no reading
/// stored beside it (no label, no sub-items), which is read on opening — so its sub-items are
/// those its text holds: the master's own where the line stands there as written (a line the
/// division's first answer added, sent again), else read from the text. Taken as written,
/// such a line read as one whose sub-items were all removed: sent again unchanged, its text
/// was cut to the head and its sub-items deleted.
fn by_hand(e: &Entry, known: &HashMap<Id, &Entry>) -> Option<thin_vec::ThinVec<Entry>> {
    if !(e.label.is_empty() && e.subs.is_empty()) {
        return None;
    }
    match known.get(&e.id) {
        Some(m) if m.text == e.text => Some(m.subs.clone()),
        _ => Some(crate::model::entry_text::read_entry(&e.text, e.bullet, &mut Vec::new()).subs)
            .filter(|subs| !subs.is_empty()),
    }
}

/// The entries of a list, sub-items too, by id (the last of an id kept).
fn by_id(list: &[Entry]) -> HashMap<Id, &Entry> {
    Entry::all_in(list).map(|e| (e.id, e)).collect()
}

/// Sub-items of an answer's result rewritten beside a rewritten text that does not hold them
/// (a file edited by other means, both changed): the text is taken, these are not — said, as
/// (the result's text, the sub-item's).
pub(super) fn sub_items_not_in_text(master: &[Entry], answered: &[Entry]) -> Vec<(String, String)> {
    let known = by_id(master);
    let mut out = Vec::new();
    for e in answered {
        let Some(m) = known.get(&e.id) else {
            continue;
        };
        if m.text == e.text {
            continue;
        }
        for sub in &e.subs {
            let was = m.subs.iter().find(|s| s.id == sub.id);
            if was.is_some_and(|w| w.text != sub.text) && !e.text.contains(&sub.text) {
                out.push((e.text.clone(), sub.text.clone()));
            }
        }
    }
    out
}

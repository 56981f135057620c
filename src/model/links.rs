//! Which plan line a result reports. Plan versus actual is per activity: this plan line was
//! met by that result line. A result (an actual entry or sub-item) holds the ids of the plan
//! entries it reports (`Entry::reports`); this module says what a plan line is, and proposes
//! links the way a person reading the report would pair the lines:
//!
//! 1. by the activity's name — the text without its month bracket, counts and 予定 — exact or
//!    near-exact (character-pair overlap of at least [`NAME_MATCH`]), anywhere in the same
//!    initiative (a result is sometimes written under another heading than its plan) under a
//!    heading of the same 担当課 (a division reports on its own plan lines);
//! 2. for a result still unpaired (and not a sub-item of a paired one), by month overlap with
//!    the plan lines of its own topic: the one sharing the most months, then the closest name.
//!
//! A result paired with nothing is 計画外 (unplanned).

use std::collections::{HashMap, HashSet};

use super::months::TimingKind;
use super::text::normalize;
use super::{Entry, EntryKind, Id, Initiative, MonthSet, Report};

/// The character-pair overlap (Dice coefficient) from which two names are the same activity.
pub const NAME_MATCH: f32 = 0.7;

/// Plan lines times results of an initiative beyond which its results are paired by exact
/// name alone (a lookup each): pairing by near names and months compares every result with
/// every line, and an initiative of 40,000 repeated lines took minutes. A real initiative has
/// a few dozen of each; 500 of each is within.
pub const PAIRING_BUDGET: usize = 250_000;

/// A planned activity: a plan entry or sub-item that says what is to be done, with months,
/// 随時, or no date at all. A status text is not one, nor a head whose sub-items carry the
/// dates.
pub fn is_plan_line(entry: &Entry) -> bool {
    entry.kind == EntryKind::Activity && (entry.timing.is_some() || entry.subs.is_empty())
}

/// Every plan line of an initiative, with the topic it is written under, in written order.
pub fn plan_lines(initiative: &Initiative) -> Vec<(Id, &Entry)> {
    (initiative.topics.iter())
        .flat_map(|t| Entry::all_in(&t.plan).map(move |e| (t.id, e)))
        .filter(|(_, e)| is_plan_line(e))
        .collect()
}

/// Every result of an initiative (actual entries and their sub-items), with its topic and the
/// result it is a sub-item of.
pub fn results(initiative: &Initiative) -> Vec<(Id, Option<&Entry>, &Entry)> {
    fn walk<'a>(
        topic: Id,
        parent: Option<&'a Entry>,
        list: &'a [Entry],
        out: &mut Vec<(Id, Option<&'a Entry>, &'a Entry)>,
    ) {
        for e in list {
            out.push((topic, parent, e));
            walk(topic, Some(e), &e.subs, out);
        }
    }
    let mut out = Vec::new();
    for t in &initiative.topics {
        walk(t.id, None, &t.actual, &mut out);
    }
    out
}

/// The results that report each plan line, by the plan line's id (links made anywhere in the
/// initiative count).
pub fn reported_by(initiative: &Initiative) -> HashMap<Id, Vec<&Entry>> {
    let mut map: HashMap<Id, Vec<&Entry>> = HashMap::new();
    for (_, _, r) in results(initiative) {
        for plan in &r.reports {
            map.entry(*plan).or_default().push(r);
        }
    }
    map
}

/// The results (sub-items too) that report the plan line `plan`, in the order
/// [`reported_by`] gives them.
pub fn reporting(initiative: &Initiative, plan: Id) -> Vec<&Entry> {
    let mut out = Vec::new();
    for e in (initiative.topics.iter()).flat_map(|t| Entry::all_in(&t.actual)) {
        // Once per link: a result listing the plan line twice is listed twice.
        for _ in e.reports.iter().filter(|p| **p == plan) {
            out.push(e);
        }
    }
    out
}

/// A result that reports nothing planned, and is not part of a result that does.
pub fn unplanned(initiative: &Initiative) -> HashSet<Id> {
    let mut out = HashSet::new();
    let mut linked_parents: HashSet<Id> = HashSet::new();
    for (_, parent, r) in results(initiative) {
        let parent_linked = parent.is_some_and(|p| linked_parents.contains(&p.id));
        if !r.reports.is_empty() || parent_linked {
            linked_parents.insert(r.id);
        } else if r.kind == EntryKind::Activity {
            out.insert(r.id);
        }
    }
    out
}

/// The activity's name as compared: the label with white space removed and full-width
/// letters and digits made plain.
pub fn activity_name(entry: &Entry) -> String {
    normalize(&entry.label)
}

/// Texts at least this alike ([`similarity`]) are one thing edited: for the comparison of two
/// reports and for an answer's rewritten result alike.
pub const SIMILAR: f32 = 0.5;

/// Above this many candidate pairs, pairing by likeness is skipped (it compares every pair).
pub const MOST_PAIRS_COMPARED: usize = 40_000;

/// Characters of each end of a name compared for likeness: activity names run to tens of
/// characters, and results of 16,000 characters, compared whole pair by pair, took 45 s in
/// `diff` (two 9.6 MB tables), and 200 lines typed against a result of a million characters
/// 53 s in `collect`. Both ends: two long results written alike at the start
/// are told apart by how they end (their months, what was done).
pub const MOST_CHARS_COMPARED: usize = 200;

/// The part of a name that [`similarity`] compares: the whole, or its first and last
/// [`MOST_CHARS_COMPARED`] characters when it is longer than twice that. Callers normalising
/// names pair by pair cut them first.
pub fn compared_part(name: &str) -> std::borrow::Cow<'_, str> {
    let Some((head_end, _)) = name.char_indices().nth(MOST_CHARS_COMPARED) else {
        return std::borrow::Cow::Borrowed(name);
    };
    let Some((tail_start, _)) = name.char_indices().rev().nth(MOST_CHARS_COMPARED - 1) else {
        return std::borrow::Cow::Borrowed(name);
    };
    if tail_start <= head_end {
        return std::borrow::Cow::Borrowed(name);
    }
    std::borrow::Cow::Owned(format!("{}{}", &name[..head_end], &name[tail_start..]))
}

/// How alike two names are: 1.0 when equal, else the share of character pairs their compared
/// parts ([`compared_part`]) have in common (Dice coefficient; 0.99 when those parts are the
/// same) — lowered by a fifth when the two end in different actions (…の策定 / …の実施: the
/// last two characters, both kanji), which decide what was done.
pub fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let (pa, pb) = (compared_part(a), compared_part(b));
    let dice = if pa == pb { 0.99 } else { dice(&pa, &pb) };
    match (action(a), action(b)) {
        (Some(x), Some(y)) if x != y => dice * 0.8,
        _ => dice,
    }
}

/// The last two characters when both are kanji: the action a Japanese activity name ends in.
fn action(name: &str) -> Option<[char; 2]> {
    let mut tail = name.chars().rev();
    let (last, before) = (tail.next()?, tail.next()?);
    let kanji = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    (kanji(last) && kanji(before)).then_some([before, last])
}

fn dice(a: &str, b: &str) -> f32 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, pb) = (pairs(a), pairs(b));
    let total = pa.len() + pb.len();
    if total == 0 {
        return 0.0;
    }
    // The pairs in common, counted with a table of b's: linear in the two lengths (looked up in
    // b's list, two names of 40,000 characters took minutes, and one line is compared with
    // many).
    let mut left: std::collections::HashMap<(char, char), u32> =
        std::collections::HashMap::with_capacity(pb.len());
    for q in pb {
        *left.entry(q).or_default() += 1;
    }
    let mut common = 0;
    for p in &pa {
        if let Some(n) = left.get_mut(p).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    2.0 * common as f32 / total as f32
}

/// Months a result or plan line is dated with (empty for 随時 and undated ones).
fn dated_months(entry: &Entry) -> MonthSet {
    entry
        .timing
        .as_ref()
        .filter(|t| t.kind != TimingKind::AsNeeded)
        .map_or(MonthSet::EMPTY, |t| t.months)
}

/// The links a person would make for an initiative's results, as (result, plan lines); only
/// for results that report nothing yet.
pub fn propose(initiative: &Initiative) -> Vec<(Id, Vec<Id>)> {
    let lines = plan_lines(initiative);
    let all = results(initiative);
    if lines.len().saturating_mul(all.len()) > PAIRING_BUDGET {
        return by_exact_name(&lines, &all);
    }
    let names: Vec<String> = lines.iter().map(|(_, e)| activity_name(e)).collect();
    let shares = shared_divisions(initiative);
    let mut link: HashMap<Id, Id> = HashMap::new();
    let mut reported: HashSet<Id> = HashSet::new();
    for (_, _, r) in &all {
        reported.extend(r.reports.iter().copied());
    }
    // 1. By name.
    for (topic, _, r) in &all {
        if r.reports.is_empty()
            && let Some(k) = by_name(&lines, &names, (*topic, &shares), r)
        {
            link.insert(r.id, lines[k].1.id);
            reported.insert(lines[k].1.id);
        }
    }
    // 2. By months, for what is left: first the results written at the top of a list, those
    //    with the most months at stake first, each preferring a line nothing reports yet; then
    //    sub-items, which take a line only when nothing reports it yet (they are counted with
    //    their parent otherwise), the closest name first.
    let is_linked =
        |r: &Entry, link: &HashMap<Id, Id>| !r.reports.is_empty() || link.contains_key(&r.id);
    for subs in [false, true] {
        let mut pending: Vec<(usize, f32)> = Vec::new();
        for (n, (topic, parent, r)) in all.iter().enumerate() {
            if parent.is_some() != subs || is_linked(r, &link) || r.kind != EntryKind::Activity {
                continue;
            }
            let (shared, alike) = best_overlap(&lines, &names, *topic, r);
            if shared > 0 {
                pending.push((n, if subs { alike } else { shared as f32 }));
            }
        }
        pending.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (n, _) in pending {
            let (topic, parent, r) = all[n];
            let under_paired = parent.is_some_and(|p| is_linked(p, &link));
            if let Some(k) = by_months(&lines, &names, topic, r, &reported, under_paired) {
                link.insert(r.id, lines[k].1.id);
                reported.insert(lines[k].1.id);
            }
        }
    }
    all.iter()
        .filter_map(|(_, _, r)| link.get(&r.id).map(|plan| (r.id, vec![*plan])))
        .collect()
}

/// An initiative beyond [`PAIRING_BUDGET`]: each result not linked yet to the line of exactly
/// its name (of its own topic first, then the first written), found by a lookup.
fn by_exact_name(
    lines: &[(Id, &Entry)],
    all: &[(Id, Option<&Entry>, &Entry)],
) -> Vec<(Id, Vec<Id>)> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut first_in_topic: HashMap<(String, Id), usize> = HashMap::new();
    for (k, (topic, e)) in lines.iter().enumerate() {
        let name = activity_name(e);
        first_in_topic.entry((name.clone(), *topic)).or_insert(k);
        first.entry(name).or_insert(k);
    }
    all.iter()
        .filter(|(_, _, r)| r.reports.is_empty() && r.kind == EntryKind::Activity)
        .filter_map(|(topic, _, r)| {
            let name = activity_name(r);
            let k = first_in_topic
                .get(&(name.clone(), *topic))
                .or_else(|| first.get(&name))?;
            Some((r.id, vec![lines[*k].1.id]))
        })
        .collect()
}

/// The plan line a new result written under `topic` reports, if any, given what the other
/// results of the initiative report.
pub fn propose_for(initiative: &Initiative, topic: Id, result: &Entry) -> Vec<Id> {
    propose_among(
        initiative,
        topic,
        result,
        &reported_except(initiative, &HashSet::new()),
    )
}

/// As [`propose_for`], with `reported` the plan lines reported as the results will stand:
/// an answer that removes a result and adds another in one go frees the removed one's line
/// for the new one, as the same two lines collected in two answers did.
pub fn propose_among(
    initiative: &Initiative,
    topic: Id,
    result: &Entry,
    reported: &HashSet<Id>,
) -> Vec<Id> {
    let lines = plan_lines(initiative);
    let names: Vec<String> = lines.iter().map(|(_, e)| activity_name(e)).collect();
    let shares = shared_divisions(initiative);
    by_name(&lines, &names, (topic, &shares), result)
        .or_else(|| by_months(&lines, &names, topic, result, reported, false))
        .map(|k| lines[k].1.id)
        .into_iter()
        .collect()
}

/// The plan lines the initiative's results (sub-items too) report, but for the results `gone`.
pub fn reported_except(initiative: &Initiative, gone: &HashSet<Id>) -> HashSet<Id> {
    (results(initiative).into_iter())
        .filter(|(_, _, r)| !gone.contains(&r.id))
        .flat_map(|(_, _, r)| r.reports.iter().copied())
        .collect()
}

/// The line whose name is closest (at least [`NAME_MATCH`]), anywhere in the initiative among
/// the topics sharing a division with the result's (`shares`); the
/// same topic first on a tie, then the first written.
fn by_name(
    lines: &[(Id, &Entry)],
    names: &[String],
    (topic, shares): (Id, &dyn Fn(Id, Id) -> bool),
    r: &Entry,
) -> Option<usize> {
    if r.kind != EntryKind::Activity {
        return None;
    }
    let name = activity_name(r);
    (0..lines.len())
        .filter(|&k| shares(topic, lines[k].0))
        .map(|k| (k, similarity(&name, &names[k])))
        .filter(|(_, s)| *s >= NAME_MATCH)
        .max_by(|(a, sa), (b, sb)| {
            sa.total_cmp(sb)
                .then((lines[*a].0 == topic).cmp(&(lines[*b].0 == topic)))
                .then(b.cmp(a))
        })
        .map(|(k, _)| k)
}

/// Whether a result of one topic may report a plan line of another (by their ids): the two
/// share a 担当課 (a division reports on its own plan lines; paired by name across divisions,
/// a division's result made another's line 完了), or either names none.
fn shared_divisions(initiative: &Initiative) -> impl Fn(Id, Id) -> bool + '_ {
    let of: HashMap<Id, Vec<&str>> = (initiative.topics.iter())
        .map(|t| (t.id, initiative.divisions_of(t)))
        .collect();
    move |a, b| {
        a == b
            || match (of.get(&a), of.get(&b)) {
                (Some(x), Some(y)) => {
                    x.is_empty() || y.is_empty() || x.iter().any(|d| y.contains(d))
                }
                _ => true,
            }
    }
}

/// The most months a result shares with a line of its topic, and the closest name among them.
fn best_overlap(lines: &[(Id, &Entry)], names: &[String], topic: Id, r: &Entry) -> (usize, f32) {
    let months = r.covered_months();
    let name = activity_name(r);
    (0..lines.len())
        .filter(|k| lines[*k].0 == topic)
        .map(|k| {
            let shared = dated_months(lines[k].1).intersect(months).len();
            (shared, similarity(&name, &names[k]))
        })
        .filter(|(shared, _)| *shared > 0)
        .fold((0, 0.0_f32), |(a, x), (b, y)| (a.max(b), x.max(y)))
}

/// A line of the result's topic sharing months with it: one nothing reports yet first, then
/// the most months shared, then the closest name. With `only_unreported`, only the former.
fn by_months(
    lines: &[(Id, &Entry)],
    names: &[String],
    topic: Id,
    r: &Entry,
    reported: &HashSet<Id>,
    only_unreported: bool,
) -> Option<usize> {
    let months = r.covered_months();
    let name = activity_name(r);
    (0..lines.len())
        .filter(|k| lines[*k].0 == topic)
        .filter(|k| !only_unreported || !reported.contains(&lines[*k].1.id))
        .map(|k| {
            let shared = dated_months(lines[k].1).intersect(months).len();
            (
                k,
                !reported.contains(&lines[k].1.id),
                shared,
                similarity(&name, &names[k]),
            )
        })
        .filter(|(_, _, shared, _)| *shared > 0)
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.2.cmp(&b.2))
                .then(a.3.total_cmp(&b.3))
                .then(b.0.cmp(&a.0))
        })
        .map(|(k, _, _, _)| k)
}

/// Links proposed again for `results` of `after` — the initiative as it will stand once its
/// plan changed (lines taken away, retyped, added) — as if they reported nothing, each to plan
/// lines of its own topic's divisions only (a division answers for its own plan lines). A plan
/// line retyped in a workbook is a new entry: the results that reported the old one, and a
/// result added beside it, are paired by the rules a report read again is paired by ([`propose`];
/// the other results keep their links, so a read-back may pair some otherwise). A result
/// for which nothing is proposed is left out.
pub fn proposed_again(after: &Initiative, results: &HashSet<Id>) -> HashMap<Id, Vec<Id>> {
    fn clear(list: &mut [Entry], results: &HashSet<Id>) {
        for e in list {
            if results.contains(&e.id) {
                e.reports = Default::default();
            }
            clear(&mut e.subs, results);
        }
    }
    let mut cleared = after.clone();
    for t in &mut cleared.topics {
        clear(&mut t.actual, results);
    }
    let plan_divisions: HashMap<Id, Vec<&str>> = (after.topics.iter())
        .flat_map(|t| Entry::all_in(&t.plan).map(move |e| (e.id, after.divisions_of(t))))
        .collect();
    let result_divisions: HashMap<Id, Vec<&str>> = (after.topics.iter())
        .flat_map(|t| Entry::all_in(&t.actual).map(move |e| (e.id, after.divisions_of(t))))
        .collect();
    let shares = |result: &Id, plan: &Id| {
        let (Some(r), Some(p)) = (result_divisions.get(result), plan_divisions.get(plan)) else {
            return false;
        };
        r.iter().any(|d| p.contains(d))
    };
    (propose(&cleared).into_iter())
        .filter(|(r, _)| results.contains(r))
        .map(|(r, plans)| {
            let own: Vec<Id> = plans.into_iter().filter(|p| shares(&r, p)).collect();
            (r, own)
        })
        .filter(|(_, plans)| !plans.is_empty())
        .collect()
}

/// The results of `topic` in `after` (an initiative as it will stand once its plan changed)
/// that name one of the plan lines `new` (those the change adds) and report none of them, each
/// with the line proposed for it again ([`proposed_again`]) where that is one of `new`: a
/// result taken before its plan line was accepted had been paired meanwhile, by months, with
/// another line, and the new line stood 遅れ, reported by none.
pub fn moved_to_new_lines(
    after: &Initiative,
    topic: Id,
    new: &HashSet<Id>,
) -> HashMap<Id, Vec<Id>> {
    let Some(t) = after.topics.iter().find(|t| t.id == topic) else {
        return HashMap::new();
    };
    let names: Vec<String> = (Entry::all_in(&t.plan))
        .filter(|e| new.contains(&e.id) && is_plan_line(e))
        .map(activity_name)
        .collect();
    if names.is_empty() {
        return HashMap::new();
    }
    let naming: HashSet<Id> = (Entry::all_in(&t.actual))
        .filter(|r| r.kind == EntryKind::Activity && !r.reports.iter().any(|p| new.contains(p)))
        .filter(|r| {
            let name = activity_name(r);
            names.iter().any(|n| similarity(&name, n) >= NAME_MATCH)
        })
        .map(|r| r.id)
        .collect();
    (proposed_again(after, &naming).into_iter())
        .filter(|(_, plans)| plans.iter().any(|p| new.contains(p)))
        .collect()
}

/// Fills in the proposed links of every initiative (results already linked are kept as they
/// are). Used on import and when a file from before links is opened. Each initiative's
/// results are walked once (looking each result up in the report was quadratic).
pub fn propose_all(report: &mut Report) {
    fn set(list: &mut [Entry], proposals: &HashMap<Id, Vec<Id>>) {
        for e in list {
            if let Some(plans) = proposals.get(&e.id) {
                e.reports = plans.clone().into();
            }
            set(&mut e.subs, proposals);
        }
    }
    let initiatives = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut());
    for initiative in initiatives {
        let proposals: HashMap<Id, Vec<Id>> = propose(initiative).into_iter().collect();
        if proposals.is_empty() {
            continue;
        }
        for topic in &mut initiative.topics {
            set(&mut topic.actual, &proposals);
        }
    }
}

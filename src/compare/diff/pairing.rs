//! Pairing the old and new elements of one level: same id and text, same text in order, same
//! id within one lineage, near-equal text (the steps of the module's doc).

use std::collections::{HashMap, VecDeque};

use crate::model::links;
use crate::model::text::normalize;
use crate::model::{Entry, Id, StageSpan, Topic};

use links::{MOST_PAIRS_COMPARED, SIMILAR};

/// Which old and new elements are the same thing.
pub(super) struct Pairing {
    /// (old index, new index), in the newer order.
    pub(super) pairs: Vec<(usize, usize)>,
    pub(super) removed: Vec<usize>,
    pub(super) added: Vec<usize>,
}

/// How alike two elements are, 0–1.
pub(super) type Likeness<T> = dyn Fn(&T, &T) -> f32;

/// Whether two stage spans pair at one step.
pub(super) type SpanTest = dyn Fn(&StageSpan, &StageSpan) -> bool;

/// How the elements of one level are recognised.
pub(super) struct Keys<'f, T> {
    pub(super) id: &'f dyn Fn(&T) -> Id,
    /// Texts to pair by, most exact first; the first is also what an id must agree with.
    pub(super) texts: &'f [&'f dyn Fn(&T) -> String],
    /// How alike two are (0–1), for the last step; `None` skips it.
    pub(super) similar: Option<&'f Likeness<T>>,
}

/// Which of the pairs (in the newer order) stand out of their old order: those outside one
/// longest run whose old indices increase, so moving one entry up names that entry alone
/// (patience sorting, n log n: an answer may hold thousands of lines).
pub(super) fn out_of_order(pairs: &[(usize, usize)]) -> Vec<bool> {
    // tails[k]: the pair index ending the best run of length k + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(i, _)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].0 < i);
        before[k] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = vec![true; pairs.len()];
    let mut k = tails.last().copied();
    while let Some(at) = k {
        out[at] = false;
        k = before[at];
    }
    out
}

pub(super) fn pair<T>(old: &[T], new: &[T], lineage: bool, keys: &Keys<'_, T>) -> Pairing {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    let old_keys: Vec<Vec<String>> = old
        .iter()
        .map(|o| keys.texts.iter().map(|k| k(o)).collect())
        .collect();
    let new_keys: Vec<Vec<String>> = new
        .iter()
        .map(|n| keys.texts.iter().map(|k| k(n)).collect())
        .collect();
    let by_id: HashMap<Id, usize> = old
        .iter()
        .enumerate()
        .map(|(k, o)| ((keys.id)(o), k))
        .collect();

    // 1. Same id, same text.
    for (j, n) in new.iter().enumerate() {
        if let Some(&i) = by_id.get(&(keys.id)(n))
            && !taken[i]
            && old_keys[i].first() == new_keys[j].first()
        {
            taken[i] = true;
            old_of_new[j] = Some(i);
        }
    }
    // 2. Same text, in order, most exact text first.
    for tier in 0..keys.texts.len() {
        let mut waiting: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for (i, k) in old_keys.iter().enumerate() {
            if !taken[i]
                && let Some(key) = k.get(tier)
            {
                waiting.entry(key.as_str()).or_default().push_back(i);
            }
        }
        if waiting.is_empty() {
            break;
        }
        for (j, k) in new_keys.iter().enumerate() {
            if old_of_new[j].is_some() {
                continue;
            }
            if let Some(i) = k
                .get(tier)
                .and_then(|key| waiting.get_mut(key.as_str()))
                .and_then(VecDeque::pop_front)
            {
                taken[i] = true;
                old_of_new[j] = Some(i);
            }
        }
    }
    // 3. One lineage: the same id is the same thing, whatever it now says.
    if lineage {
        for (j, n) in new.iter().enumerate() {
            if old_of_new[j].is_none()
                && let Some(&i) = by_id.get(&(keys.id)(n))
                && !taken[i]
            {
                taken[i] = true;
                old_of_new[j] = Some(i);
            }
        }
    }
    // 4. Near-equal, best first.
    if let Some(similar) = keys.similar {
        let left_old: Vec<usize> = (0..old.len()).filter(|&i| !taken[i]).collect();
        let left_new: Vec<usize> = (0..new.len())
            .filter(|&j| old_of_new[j].is_none())
            .collect();
        if !left_old.is_empty() && left_old.len() * left_new.len() <= MOST_PAIRS_COMPARED {
            let mut candidates = Vec::new();
            for &j in &left_new {
                for &i in &left_old {
                    let score = similar(&old[i], &new[j]);
                    if score >= SIMILAR {
                        candidates.push((score, i, j));
                    }
                }
            }
            candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, i, j) in candidates {
                if !taken[i] && old_of_new[j].is_none() {
                    taken[i] = true;
                    old_of_new[j] = Some(i);
                }
            }
        }
    }
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for (j, o) in old_of_new.iter().enumerate() {
        match o {
            Some(i) => pairs.push((*i, j)),
            None => added.push(j),
        }
    }
    let removed = (0..old.len()).filter(|&i| !taken[i]).collect();
    Pairing {
        pairs,
        removed,
        added,
    }
}

pub(super) fn heading_key(t: &Topic) -> String {
    t.heading.as_deref().map(normalize).unwrap_or_default()
}

pub(super) fn similarity(a: &str, b: &str) -> f32 {
    let part = links::compared_part;
    links::similarity(&normalize(&part(a)), &normalize(&part(b)))
}

/// Months in fiscal order as calendar months.
pub(super) fn months_of(e: &Entry) -> Vec<u8> {
    e.timing
        .as_ref()
        .map(|t| t.months.calendar_months())
        .unwrap_or_default()
}

//! Which indicator each 数値回答 row answers: its hidden id names the indicator's place, its
//! name (`n=`) and what the office set of it (`o=`), for when the office removed, added or
//! corrected indicators since the workbook was sent.

use std::collections::{HashMap, HashSet};

use super::{MeasureCell, MeasureRow};
use crate::model::Report;
use crate::model::text::normalize;

/// An indicator's name as its answer row keeps it.
pub(super) fn name_hash(name: &str) -> u64 {
    super::super::sent::hash(&normalize(name))
}

/// What the office set of an indicator (unit, way, baseline, targets, topic) as its answer row
/// keeps it (`o=`): which of two indicators of one name a row answers, should the office have
/// removed one since the workbook was sent.
pub(super) fn office_hash(x: &crate::model::measures::Indicator) -> u64 {
    let mut words = vec![
        normalize(&x.unit),
        x.direction.words().to_string(),
        normalize(&x.direction_unread),
        x.target.display(),
        x.topic.map(|t| t.0.to_string()).unwrap_or_default(),
    ];
    if let Some(b) = &x.baseline {
        words.push(b.value.display());
        words.push(b.year.map(|y| y.0.to_string()).unwrap_or_default());
    }
    for y in x.years.iter().filter(|y| !y.target.is_blank()) {
        words.push(format!("{}={}", y.year.0, y.target.display()));
    }
    super::super::sent::hash(&words.join("\u{1f}"))
}

/// The rows with each indicator row pointing at the indicator its hidden name names, should
/// the office have removed or added one since the workbook was sent (the answer went to the
/// indicator now at its old place); a row whose indicator is gone answers nothing (an answer
/// typed there is said).
/// Rows of one name as many as the indicators of it are theirs by rank; else (one removed or
/// added since) each row takes first the indicator the office set as the row was sent
/// (`o=`), then one no other row took (the one at its place first: the office may have
/// corrected a target since), and none when none is left (the twin removed was the row's). A
/// row from before `o=` goes by place.
pub(super) fn resolved(master: &Report, rows: &[MeasureRow]) -> Vec<MeasureRow> {
    let mut out = rows.to_vec();
    // Indicators taken by a row, by initiative: the rows of one name are read in two passes.
    let mut claimed: HashSet<(crate::model::Id, usize)> = HashSet::new();
    let of_name = |row: &MeasureRow, name: u64| -> Vec<usize> {
        let indicators = master
            .initiative(row.initiative)
            .map_or(&[][..], |i| &i.measures().indicators[..]);
        (indicators.iter().enumerate())
            .filter(|(_, x)| name_hash(&x.name) == name)
            .map(|(k, _)| k)
            .collect()
    };
    let office_of = |row: &MeasureRow, k: usize| {
        master
            .initiative(row.initiative)
            .map(|i| office_hash(&i.measures().indicators[k]))
    };
    // Where as many indicators bear the name as the workbook's rows name places, none was
    // removed or added since: each row is the one at its rank (an office's target corrected
    // since changes nothing; going by `o=` then sent a twin's answer to the other).
    let mut places: HashMap<(crate::model::Id, u64), Vec<usize>> = HashMap::new();
    for row in &out {
        if let (MeasureCell::Indicator(k), Some(name)) = (row.what, row.name) {
            places.entry((row.initiative, name)).or_default().push(k);
        }
    }
    for ks in places.values_mut() {
        ks.sort_unstable();
        ks.dedup();
    }
    let mut later = Vec::new();
    for (n, row) in out.iter_mut().enumerate() {
        let (MeasureCell::Indicator(k), Some(name)) = (row.what, row.name) else {
            continue;
        };
        let candidates = of_name(row, name);
        let sent = &places[&(row.initiative, name)];
        if sent.len() == candidates.len()
            && let Ok(rank) = sent.binary_search(&k)
        {
            row.what = MeasureCell::Indicator(candidates[rank]);
            continue;
        }
        let Some(office) = row.office else {
            row.what = match candidates.first() {
                None => MeasureCell::Unreadable,
                Some(_) if candidates.contains(&k) => MeasureCell::Indicator(k),
                Some(first) => MeasureCell::Indicator(*first),
            };
            continue;
        };
        // A row copied by the division answers its indicator again (said as answered twice).
        let set_so: Vec<&usize> = (candidates.iter())
            .filter(|&&c| office_of(row, c) == Some(office))
            .collect();
        let unclaimed = set_so
            .iter()
            .find(|&&&c| !claimed.contains(&(row.initiative, c)));
        match unclaimed.or(set_so.first()) {
            Some(&&c) => {
                claimed.insert((row.initiative, c));
                row.what = MeasureCell::Indicator(c);
            }
            None => later.push((n, candidates, k)),
        }
    }
    for (n, candidates, k) in later {
        let row = &mut out[n];
        let free = |c: &usize| !claimed.contains(&(row.initiative, *c));
        let pick = match candidates.contains(&k) && free(&k) {
            true => Some(k),
            false => candidates.iter().copied().find(free),
        };
        row.what = pick.map_or(MeasureCell::Unreadable, MeasureCell::Indicator);
        if let Some(c) = pick {
            claimed.insert((row.initiative, c));
        }
    }
    out
}

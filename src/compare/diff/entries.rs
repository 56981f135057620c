//! The plan and actual entries of a paired topic, sub-items as entries of their own, and the
//! links from results to plan entries.

use std::collections::{HashMap, HashSet};

use super::Cx;
use super::pairing::{Keys, months_of, out_of_order, pair, similarity};
use crate::compare::{Aspect, What};
use crate::model::text::normalize;
use crate::model::{Entry, Id, Report, Side};

impl<'a> Cx<'a> {
    pub(super) fn entries(
        &mut self,
        side: Side,
        a: &'a [Entry],
        b: &'a [Entry],
        map: &mut HashMap<Id, Id>,
        results: &mut Vec<(&'a Entry, &'a Entry)>,
    ) {
        let text = |e: &Entry| normalize(&e.text);
        let label = |e: &Entry| normalize(&e.label);
        let sim = |x: &Entry, y: &Entry| similarity(&x.label, &y.label);
        let p = pair(
            a,
            b,
            self.lineage,
            &Keys {
                id: &|e: &Entry| e.id,
                texts: &[&text, &label],
                similar: Some(&sim),
            },
        );
        let mut added = p.added.iter().peekable();
        let moved = out_of_order(&p.pairs);
        for (&(i, j), moved) in p.pairs.iter().zip(moved) {
            while let Some(&&k) = added.peek()
                && k < j
            {
                added.next();
                self.entry_added(side, b, k);
            }
            let (Some(x), Some(y)) = (a.get(i), b.get(j)) else {
                continue;
            };
            map.insert(x.id, y.id);
            if side == Side::Actual {
                results.push((x, y));
            }
            if moved {
                let what = What::EntryMoved {
                    side,
                    text: y.text.clone(),
                    old_position: i + 1,
                    new_position: j + 1,
                };
                self.push(Some(x.id), Some(y.id), what);
            }
            let aspects = aspects(x, y, self.exact_text);
            // Every aspect is read from the text: the same text is no change. The bullet is
            // written before it, and shown with it when it is what changed.
            if !aspects.is_empty() && (x.text != y.text || x.bullet != y.bullet) {
                let written = |e: &Entry| match (e.bullet, x.bullet != y.bullet) {
                    (true, true) => format!("・{}", e.text),
                    _ => e.text.clone(),
                };
                self.push(
                    Some(x.id),
                    Some(y.id),
                    What::EntryChanged {
                        side,
                        old_text: written(x),
                        new_text: written(y),
                        aspects,
                        old_months: months_of(x),
                        new_months: months_of(y),
                    },
                );
            }
            self.entries(side, &x.subs, &y.subs, map, results);
        }
        for k in added {
            self.entry_added(side, b, *k);
        }
        for i in p.removed {
            let Some(x) = a.get(i) else { continue };
            let what = match self.new.archived(x.id) {
                Some(found) => What::EntryArchived {
                    side,
                    text: x.text.clone(),
                    fiscal_year: found.period.fiscal_year.0,
                    period: found.period.period.key(),
                },
                None => What::EntryRemoved {
                    side,
                    text: x.text.clone(),
                },
            };
            self.push(Some(x.id), None, what);
        }
    }

    pub(super) fn entry_added(&mut self, side: Side, list: &[Entry], k: usize) {
        if let Some(y) = list.get(k) {
            self.push(
                None,
                Some(y.id),
                What::EntryAdded {
                    side,
                    text: y.text.clone(),
                },
            );
        }
    }

    /// Links between things both reports hold: a link to a plan entry that was added or
    /// removed is told by that entry's own change.
    pub(super) fn links(&mut self, map: &HashMap<Id, Id>, results: &[(&Entry, &Entry)]) {
        let new_ids: HashSet<Id> = map.values().copied().collect();
        // The new report's entries by id, made at the first link that changed: each was
        // looked for through the whole report.
        let mut texts: Option<HashMap<Id, &str>> = None;
        let new = self.new;
        let mut plan_text = |id: Id| -> String {
            let texts = texts.get_or_insert_with(|| entry_texts(new));
            texts.get(&id).map(|t| t.to_string()).unwrap_or_default()
        };
        for (x, y) in results {
            let before: Vec<Id> = x
                .reports
                .iter()
                .filter_map(|p| map.get(p).copied())
                .collect();
            let after: Vec<Id> = y
                .reports
                .iter()
                .copied()
                .filter(|p| new_ids.contains(p))
                .collect();
            // Looked up, not searched: a result linked to 160,000 plan lines took 10 s.
            let (before_set, after_set): (HashSet<Id>, HashSet<Id>) = (
                before.iter().copied().collect(),
                after.iter().copied().collect(),
            );
            for p in &after {
                if !before_set.contains(p) {
                    let plan = plan_text(*p);
                    self.push(
                        Some(x.id),
                        Some(y.id),
                        What::LinkAdded {
                            result: y.text.clone(),
                            plan,
                        },
                    );
                }
            }
            for p in &before {
                if !after_set.contains(p) {
                    let plan = plan_text(*p);
                    self.push(
                        Some(x.id),
                        Some(y.id),
                        What::LinkRemoved {
                            result: y.text.clone(),
                            plan,
                        },
                    );
                }
            }
        }
    }
}

/// Every entry's text by id, sub-items' too, the first of an id as [`Report::entry`] finds it.
fn entry_texts(report: &Report) -> HashMap<Id, &str> {
    let mut out = HashMap::new();
    for t in report.initiatives().flat_map(|i| i.topics.iter()) {
        for e in Entry::all_in(&t.plan).chain(Entry::all_in(&t.actual)) {
            out.entry(e.id).or_insert(e.text.as_str());
        }
    }
    out
}

/// What differs between two paired entries, themselves only (sub-items are compared as
/// entries of their own).
fn aspects(x: &Entry, y: &Entry, exact_text: bool) -> Vec<Aspect> {
    let mut out = Vec::new();
    // The text holds its sub-items' texts after its own; they are compared on their own. In
    // one report edited, as written: `(4月)` → `(４月)` reads the same but is another text.
    let own = |e: &Entry| {
        let mut text = e.text.clone();
        for s in &e.subs {
            text = text.replacen(&s.text, "", 1);
        }
        if exact_text { text } else { normalize(&text) }
    };
    let notes = |e: &Entry| e.notes.iter().map(|n| normalize(n)).collect::<Vec<_>>();
    let label_differs = normalize(&x.label) != normalize(&y.label) || notes(x) != notes(y);
    let months = |e: &Entry| {
        (
            e.timing
                .as_ref()
                .map(|t| (t.kind, t.months, t.open_end, t.times)),
            e.timing.is_none().then(|| e.when.as_deref().map(normalize)),
        )
    };
    let months_differ = months(x) != months(y);
    let scheduled = |e: &Entry| e.timing.as_ref().is_some_and(|t| t.scheduled);
    let scheduled_differs = scheduled(x) != scheduled(y);
    let counts = |e: &Entry| {
        e.counts
            .iter()
            .map(|c| (c.value, normalize(&c.unit)))
            .collect::<Vec<_>>()
    };
    let counts_differ = counts(x) != counts(y);
    // What is left of the text without its months and counts: a note added beside new months
    // (`(9月～12月予定)` → `(9月～、第1回)`) is a change of text as well.
    let rest = |e: &Entry| {
        let mut t = own(e);
        for part in e.when.iter().chain(e.counts.iter().map(|c| &c.raw)) {
            let part = if exact_text {
                part.clone()
            } else {
                normalize(part)
            };
            t = t.replacen(&part, "", 1);
        }
        t
    };
    let text_differs = label_differs || rest(x) != rest(y) || x.bullet != y.bullet;
    if text_differs || (own(x) != own(y) && !months_differ && !scheduled_differs && !counts_differ)
    {
        out.push(Aspect::Text);
    }
    if months_differ {
        out.push(Aspect::Months);
    }
    if scheduled_differs {
        out.push(Aspect::Scheduled);
    }
    if counts_differ {
        out.push(Aspect::Counts);
    }
    if x.kind != y.kind {
        out.push(Aspect::Kind);
    }
    out
}

//! What the review of answers shows of the in-scope edits collecting makes: what `check`
//! would say of the results and numbers they bring, and their change list, before and after.

use std::collections::HashSet;

use crate::compare::{self, Diff};
use crate::edit::Edit;
use crate::model::{Id, Initiative, Report};

/// What `check` would say of the results these edits bring.
pub(super) fn warnings_of(master: &Report, edits: &[Edit]) -> Vec<crate::model::diag::Warning> {
    let earlier = master.earlier_results();
    // The scale indexed once for every initiative's edit, not once each.
    let levels = master.measure_settings.levels();
    let numbers = edits.iter().flat_map(|e| match e {
        Edit::SetMeasures {
            initiative,
            measures,
        } => number_warnings(master, &levels, *initiative, measures),
        _ => Vec::new(),
    });
    let results = edits
        .iter()
        .filter_map(|e| match e {
            Edit::SetEntries {
                topic,
                side,
                entries,
            } => Some((*topic, *side, entries)),
            _ => None,
        })
        .flat_map(|(topic, side, entries)| {
            let (Some(i), Some(t)) = (master.initiative_of_topic(topic), master.topic(topic))
            else {
                return Vec::new();
            };
            // Of what the answer brings: an entry standing as the master has it (the office's
            // correction kept) is none of the answer's to warn about.
            let standing: std::collections::HashMap<Id, &str> = (t.entries(side).iter())
                .map(|e| (e.id, e.text.as_str()))
                .collect();
            let brought: Vec<crate::model::Entry> = (entries.iter())
                .filter(|e| standing.get(&e.id) != Some(&e.text.as_str()))
                .cloned()
                .collect();
            crate::model::check::list_warnings(master, &earlier, i, t, side, &brought, &|_| true)
        });
    let mut out: Vec<_> = results.chain(numbers).collect();
    out.extend(earlier_changed(master, edits));
    out
}

/// Each result of an earlier period of the year (the first half's, in a second-half report)
/// an answer removes or rewrites: taken as the division's own, and said, naming the period —
/// its workbook shows those results apart, unchangeable, so a response file alone can do it.
fn earlier_changed(master: &Report, edits: &[Edit]) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::{EntryAt, Location, Warning, WarningKind};
    let periods = master.earlier_periods();
    if periods.is_empty() {
        return Vec::new();
    }
    let period_of = |id: Id| periods.get(&id);
    let mut out = Vec::new();
    for e in edits {
        let Edit::SetEntries {
            topic,
            side: crate::model::Side::Actual,
            entries,
        } = e
        else {
            continue;
        };
        let (Some(i), Some(t)) = (master.initiative_of_topic(*topic), master.topic(*topic)) else {
            continue;
        };
        let now: std::collections::HashMap<Id, &str> =
            entries.iter().map(|e| (e.id, e.text.as_str())).collect();
        for old in &t.actual {
            let Some(p) = period_of(old.id) else {
                continue;
            };
            let removed = match now.get(&old.id) {
                None => true,
                // A result the office asked to confirm (要確認) rewritten is what was asked.
                Some(_) if master.asks_to_confirm(old) => continue,
                Some(&text) if text != old.text => false,
                Some(_) => continue,
            };
            let at = Location::entry(EntryAt {
                initiative: i.number.clone(),
                topic: t.heading.clone(),
                side: crate::model::Side::Actual,
            });
            let kind = WarningKind::EarlierResultChanged {
                text: old.text.clone(),
                heading: p.actual_heading.clone(),
                removed,
            };
            out.push(Warning::new(at, kind));
        }
    }
    out
}

/// What an answer's numbers for an initiative warn of that its numbers in the master did not
/// (a number kept as written, a rating the scale does not have).
fn number_warnings(
    master: &Report,
    levels: &crate::model::measures::Levels<'_>,
    initiative: Id,
    new: &crate::model::measures::Measures,
) -> Vec<crate::model::diag::Warning> {
    use crate::model::measure_check::initiative_warnings;
    let Some(i) = master.initiative(initiative) else {
        return Vec::new();
    };
    let levels = (levels, master.measure_settings.yen_unit);
    let before = initiative_warnings(levels, &i.number, i.measures());
    initiative_warnings(levels, &i.number, new)
        .into_iter()
        .filter(|w| !before.contains(w))
        .collect()
}

/// The change list of the in-scope edits: the initiatives they touch (their results or their
/// numbers), before and after.
pub(super) fn difference(master: &Report, edits: &[Edit]) -> Diff {
    let mut topics: HashSet<Id> = HashSet::new();
    let mut numbers: HashSet<Id> = HashSet::new();
    for e in edits {
        match e {
            Edit::SetEntries { topic, .. } => topics.insert(*topic),
            Edit::SetMeasures { initiative, .. } => numbers.insert(*initiative),
            _ => false,
        };
    }
    let mut before = master.header_only();
    for s in &master.sections {
        let initiatives: Vec<Initiative> = s
            .initiatives
            .iter()
            .filter(|i| numbers.contains(&i.id) || i.topics.iter().any(|t| topics.contains(&t.id)))
            .cloned()
            .collect();
        if !initiatives.is_empty() {
            before.sections.push(crate::model::Section {
                initiatives,
                ..crate::model::Section {
                    id: s.id,
                    numeral: s.numeral.clone(),
                    number: s.number,
                    title: s.title.clone(),
                    initiatives: Vec::new(),
                }
            });
        }
    }
    let mut after = before.clone();
    for e in edits {
        // Each names a topic or an initiative of `before`: it applies.
        let _ = crate::edit::apply(&mut after, e.clone());
    }
    compare::diff_of_one_lineage(&before, &after)
}

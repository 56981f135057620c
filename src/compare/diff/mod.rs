//! How two reports are compared. Things are paired level by level — sections, initiatives
//! (across the whole report, so a move between sections is one change), then within an
//! initiative its action items, stage spans, topics, and each topic's plan and actual entries
//! with their sub-items — and only paired things are compared field by field; what is left is
//! added or removed.
//!
//! Pairing at each level, in order:
//! 1. the same id with the same text (normalised: `〜`/`～`, full-width digits and spaces do
//!    not count);
//! 2. the same text, in written order (so ids shifted by an insertion in a separately imported
//!    table pair up by what they say);
//! 3. only when the reports are of one lineage ([`Matching::Id`]): the same id — an edited
//!    text;
//! 4. near-equal text ([`crate::model::links::similarity`] at least [`crate::model::links::SIMILAR`]), best first.
//!
//! Lineage: the same programme, and of the sections, initiatives, action items, topics and
//! entries whose ids both reports use, at least nine in ten have the same text there. Two
//! tables imported separately share ids only by document order, so an insertion early on makes
//! most of them disagree.

//!
//! This file walks the two reports and holds where the walk is; each level is compared in its
//! own file: `sections.rs` (sections, initiatives), `items.rs` (action items, stage spans),
//! `topics.rs`, `entries.rs` (entries, links); `pairing.rs` pairs the elements of one level.

mod entries;
mod items;
mod pairing;
mod sections;
mod topics;

use std::collections::HashMap;

use super::{Change, Diff, FieldChange, InitiativeRef, Matching, ReportInfo, What};
use crate::model::text::normalize;
use crate::model::{Entry, FiscalAsOf, Id, Report};
use pairing::heading_key;

/// Compares an older report with a newer one.
pub fn diff(old: &Report, new: &Report) -> Diff {
    let matching = if same_lineage(old, new) {
        Matching::Id
    } else {
        Matching::Content
    };
    diff_matched(old, new, matching)
}

/// [`diff`] of two reports known to be one lineage (a report and the same with edits applied):
/// the same id is the same thing whatever it now says. Told by likeness, an answer's few
/// initiatives with one result rewritten read as another lineage, and the result, rewritten
/// in place, as removed and another added.
pub fn diff_of_one_lineage(old: &Report, new: &Report) -> Diff {
    diff_matched(old, new, Matching::Id)
}

fn diff_matched(old: &Report, new: &Report, matching: Matching) -> Diff {
    let mut cx = Cx {
        old,
        new,
        lineage: matching == Matching::Id,
        exact_text: old.id == new.id,
        old_as_of: old.fiscal_as_of(),
        new_as_of: new.fiscal_as_of(),
        out: Vec::new(),
        place: Place::default(),
    };
    let report = report_fields(old, new);
    cx.sections_and_initiatives();
    let changes = cx.out;
    Diff {
        same: report.is_empty() && changes.is_empty(),
        matched_by: matching,
        old: info(old),
        new: info(new),
        report,
        changes,
    }
}

/// The changes of one initiative alone (its title, divisions, items, topics and entries), as
/// [`diff`] finds them when it pairs `old_id` in the older report with `new_id` in the newer:
/// what a comparison redoes after a step that changed that initiative only. `None` when
/// either is not there.
pub fn initiative_changes(
    old: &Report,
    new: &Report,
    old_id: Id,
    new_id: Id,
) -> Option<Vec<Change>> {
    let oi = old.initiative(old_id)?;
    let (ns, ni) = new.sections.iter().find_map(|s| {
        s.initiatives
            .iter()
            .find(|i| i.id == new_id)
            .map(|i| (s, i))
    })?;
    let mut cx = Cx {
        old,
        new,
        lineage: true,
        exact_text: old.id == new.id,
        old_as_of: old.fiscal_as_of(),
        new_as_of: new.fiscal_as_of(),
        out: Vec::new(),
        place: Place {
            section: Some(ns.numeral.clone()),
            initiative: Some(InitiativeRef {
                number: ni.number.clone(),
                title: ni.title.clone(),
                old_id: Some(oi.id),
                new_id: Some(ni.id),
            }),
            topic: None,
        },
    };
    cx.initiative(oi, ni);
    Some(cx.out)
}

fn info(r: &Report) -> ReportInfo {
    let as_of = r.as_of();
    ReportInfo {
        title: r.title.clone(),
        programme: r.programme.clone(),
        fiscal_year: r.fiscal_year.0,
        fiscal_year_era: r.fiscal_year.era_form(),
        period: r.period.key(),
        as_of: as_of.to_iso(r.fiscal_year),
        initiatives: r.initiative_count(),
    }
}

fn report_fields(old: &Report, new: &Report) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut text = |field: &'static str, a: String, b: String| {
        if normalize(&a) != normalize(&b) {
            out.push(FieldChange {
                field,
                old: a,
                new: b,
            });
        }
    };
    text("title", old.title.clone(), new.title.clone());
    text("programme", old.programme.clone(), new.programme.clone());
    text(
        "fiscal_year",
        old.fiscal_year.0.to_string(),
        new.fiscal_year.0.to_string(),
    );
    text("period", old.period.key().into(), new.period.key().into());
    let years = |r: &Report| format!("{}-{}", r.plan_years.first.0, r.plan_years.last.0);
    text("plan_years", years(old), years(new));
    text("plan_heading", old.plan_heading(), new.plan_heading());
    text("actual_heading", old.actual_heading(), new.actual_heading());
    text(
        "as_of",
        old.as_of().to_iso(old.fiscal_year),
        new.as_of().to_iso(new.fiscal_year),
    );
    // How the numbers read: their unit, how effects are counted, the rating scale — each
    // changes every total or level without a number changing.
    let (a, b) = (&old.measure_settings, &new.measure_settings);
    text(
        "yen_unit",
        a.yen_unit.label().into(),
        b.yen_unit.label().into(),
    );
    text(
        "counting",
        a.counting.label().into(),
        b.counting.label().into(),
    );
    text("rating_scale", a.scale_text(), b.scale_text());
    out
}

// ---------------------------------------------------------------------------------------------
// Lineage

/// What a thing says, for telling whether an id means the same in both reports.
fn fingerprints(r: &Report) -> HashMap<Id, String> {
    fn entries(list: &[Entry], side: char, out: &mut HashMap<Id, String>) {
        for e in list {
            out.insert(e.id, format!("e{side}{}", normalize(&e.label)));
            entries(&e.subs, side, out);
        }
    }
    let mut out = HashMap::new();
    for s in &r.sections {
        out.insert(s.id, format!("s{}", normalize(&s.title)));
        for i in &s.initiatives {
            out.insert(i.id, format!("i{}", normalize(&i.title)));
            for x in &i.items {
                out.insert(x.id, format!("a{}", normalize(&x.name)));
            }
            for t in &i.topics {
                out.insert(t.id, format!("t{}", heading_key(t)));
                entries(&t.plan, 'p', &mut out);
                entries(&t.actual, 'a', &mut out);
            }
        }
    }
    out
}

fn same_lineage(old: &Report, new: &Report) -> bool {
    if normalize(&old.programme) != normalize(&new.programme) {
        return false;
    }
    let a = fingerprints(old);
    let b = fingerprints(new);
    let (mut shared, mut agree) = (0usize, 0usize);
    for (id, fa) in &a {
        if let Some(fb) = b.get(id) {
            shared += 1;
            if fa == fb {
                agree += 1;
            }
        }
    }
    shared > 0 && agree * 10 >= shared * 9
}

// ---------------------------------------------------------------------------------------------
// Walking the two reports

#[derive(Clone, Default)]
struct Place {
    section: Option<String>,
    initiative: Option<InitiativeRef>,
    topic: Option<String>,
}

struct Cx<'a> {
    old: &'a Report,
    new: &'a Report,
    lineage: bool,
    /// One report before and after an edit (the same identity): a text differs as written, a
    /// full-width digit or another wave dash included. Between two reports made apart (two
    /// tables, converted by different programs) such differences are not changes.
    exact_text: bool,
    old_as_of: FiscalAsOf,
    new_as_of: FiscalAsOf,
    out: Vec<Change>,
    place: Place,
}

impl<'a> Cx<'a> {
    fn push(&mut self, old_id: Option<Id>, new_id: Option<Id>, what: What) {
        self.out.push(Change {
            section: self.place.section.clone(),
            initiative: self.place.initiative.clone(),
            topic: self.place.topic.clone(),
            old_id,
            new_id,
            what,
        });
    }
}

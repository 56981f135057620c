//! A division's answer of its numbers: for each initiative whose 所管課 it is, the indicators'
//! actuals (year and first half), the effects' actuals and its self-rating are taken from the
//! answer; targets, planned effects, the office's review and the committee's comment stay the
//! master's (the response cannot change them: `edit::measures::check_scope`).

use crate::edit::Edit;
use crate::edit::measures::measures_division;
use crate::model::measures::{Figure, Measures, Money};
use crate::model::text::normalize;
use crate::model::{FiscalYear, Report};

/// The edits taking `answer`'s numbers of `division` into the master.
pub(super) fn from_report(master: &Report, answer: &Report, division: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    for i in master.initiatives() {
        if measures_division(i) != Some(division) {
            continue;
        }
        let Some(a) = answer.initiative(i.id) else {
            continue;
        };
        let merged = answered(i.measures(), a.measures());
        if merged != *i.measures() {
            edits.push(Edit::SetMeasures {
                initiative: i.id,
                measures: Box::new(merged),
            });
        }
    }
    edits
}

/// The master's measures with the division's part as the answer has it.
fn answered(master: &Measures, answer: &Measures) -> Measures {
    let mut out = master.clone();
    for x in &mut out.indicators {
        let Some(y) = answer
            .indicators
            .iter()
            .find(|y| normalize(&y.name) == normalize(&x.name))
        else {
            continue;
        };
        let mut years: Vec<FiscalYear> = x.years.iter().chain(&y.years).map(|v| v.year).collect();
        years.sort();
        years.dedup();
        for year in years {
            let (actual, first_half) = y.year(year).map_or_else(
                || (Figure::default(), Figure::default()),
                |v| (v.actual.clone(), v.first_half.clone()),
            );
            let slot = x.year_mut(year);
            slot.actual = actual;
            slot.first_half = first_half;
        }
        x.years
            .retain(|v| !(v.target.is_blank() && v.actual.is_blank() && v.first_half.is_blank()));
    }
    let mut years: Vec<FiscalYear> = out
        .effects
        .iter()
        .chain(&answer.effects)
        .map(|e| e.fiscal_year)
        .collect();
    years.sort();
    years.dedup();
    for year in years {
        let actual = answer
            .effect(year)
            .map_or_else(Money::default, |e| e.actual.clone());
        out.effect_mut(year).actual = actual;
    }
    out.effects
        .retain(|e| !(e.planned.is_blank() && e.actual.is_blank()));
    out.self_rating = answer.self_rating.clone();
    out
}

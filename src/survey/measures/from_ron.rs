//! A response file's numbers read into the master's: the report's year's actuals and the
//! self-rating, a closed year's or the closed first half's change said and not taken.

use super::Pairing;
use crate::model::FiscalYear;
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::measure_warning::{MeasureAt, MeasureField, MeasureWarning};
use crate::model::measures::{Figure, Indicator, Measures, Money, YenUnit};
use crate::model::text::normalize;

/// The master's measures with the division's part as the answer has it: the report's year's
/// actuals (a closed year's stay the master's, each change said), the self-rating.
/// Indicators are matched by name ([`Pairing::answer_of`]).
pub(super) fn answered(
    initiative: &crate::model::Initiative,
    answer: &Measures,
    (year, (unit, typed_in), first_half_open): (FiscalYear, (YenUnit, YenUnit), bool),
    (said, seen, as_sent): (
        &mut Vec<Warning>,
        &mut dyn FnMut(String) -> bool,
        AsSent<'_>,
    ),
) -> Measures {
    let master = initiative.measures();
    let mut out = master.clone();
    // A change not taken: of another year than the report's, or of its closed first half.
    let mut not_taken = |field: MeasureField, old: String, new: String, closed_half: bool| {
        if old != new {
            let at = MeasureAt {
                initiative: initiative.number.clone(),
                field,
            };
            let warning = match closed_half {
                true => MeasureWarning::ClosedHalfNotTaken { at, old, new },
                false => MeasureWarning::OtherYearNotTaken { at, old, new },
            };
            said.push(Warning::new(
                Location::default(),
                WarningKind::Measure { warning },
            ));
        }
    };
    let pairing = Pairing::new(&master.indicators, &answer.indicators);
    let mut paired: Vec<&Indicator> = Vec::new();
    for (k, x) in out.indicators.iter_mut().enumerate() {
        let Some((nth, y)) = pairing.answer_of(k) else {
            continue;
        };
        paired.push(y);
        let mut years: Vec<FiscalYear> = x.years.iter().chain(&y.years).map(|v| v.year).collect();
        years.sort();
        years.dedup();
        for fy in years {
            let (actual, first_half) = y.year(fy).map_or_else(
                || (Figure::default(), Figure::default()),
                |v| (v.actual.clone(), v.first_half.clone()),
            );
            if fy != year {
                other_year_not_taken(x, fy, (&actual, &first_half), &mut not_taken);
                continue;
            }
            // As it was sent (the response keeps each number's): the master's stays, with
            // whatever the office corrected since.
            let key = format!("i/{}/{nth}", normalize(&x.name));
            if as_sent(&key, &crate::survey::sent::indicator_answer(y.year(fy))) {
                continue;
            }
            // A number typed in the unit the indicator was sent in, the office's unit being
            // another since: kept as written in it, said (it was read in the unit now).
            let typed_in = |f: Figure| match f.value {
                Some(_) => crate::model::measures::figure_typed_in(&f.display(), &y.unit, &x.unit),
                None => f,
            };
            let actual = typed_in(actual);
            // The first half is reported and closed once the report is past it: a change of
            // it is said, not taken (the window and the workbook ask the year's actual only).
            let first_half = match first_half_open {
                true => typed_in(first_half),
                false => {
                    let kept = x.year(fy).map(|v| v.first_half.clone()).unwrap_or_default();
                    let field = MeasureField::IndicatorFirstHalf {
                        name: x.name.clone(),
                        year: fy,
                    };
                    not_taken(field, kept.display(), first_half.display(), true);
                    kept
                }
            };
            // As the division's answer taken in before had it: the master's stays.
            let field = format!("I {} {nth} {actual:?} {first_half:?}", normalize(&x.name));
            if seen(field) {
                continue;
            }
            let slot = x.year_mut(fy);
            slot.actual = actual;
            slot.first_half = first_half;
        }
        x.years
            .retain(|v| !(v.target.is_blank() && v.actual.is_blank() && v.first_half.is_blank()));
    }
    let gone = indicators_gone(initiative, answer, &paired, (year, as_sent));
    answered_effects(
        &mut out,
        answer,
        (year, unit, typed_in),
        (&mut not_taken, seen, as_sent),
    );
    said.extend(gone);
    let rating = answer
        .self_rating
        .as_ref()
        .map(|r| format!("R {} {}", r.code, r.note));
    let rating_as_sent = as_sent(
        "r",
        &crate::survey::sent::rating_answer(answer.self_rating.as_ref()),
    );
    if !rating_as_sent && !rating.is_some_and(&mut *seen) {
        out.self_rating = answer.self_rating.clone();
    }
    out
}

/// An indicator's change of another year than the report's, said through `not_taken`.
fn other_year_not_taken(
    x: &Indicator,
    fy: FiscalYear,
    (actual, first_half): (&Figure, &Figure),
    not_taken: &mut dyn FnMut(MeasureField, String, String, bool),
) {
    let (kept_actual, kept_half) = x
        .year(fy)
        .map(|v| (v.actual.display(), v.first_half.display()))
        .unwrap_or_default();
    let name = x.name.clone();
    let field = MeasureField::IndicatorActual {
        name: name.clone(),
        year: fy,
    };
    not_taken(field, kept_actual, actual.display(), false);
    let field = MeasureField::IndicatorFirstHalf { name, year: fy };
    not_taken(field, kept_half, first_half.display(), false);
}

/// The answer's indicators the master no longer has (none paired with them), answered for the
/// report's year otherwise than they were sent: said, not taken.
fn indicators_gone(
    initiative: &crate::model::Initiative,
    answer: &Measures,
    paired: &[&Indicator],
    (year, as_sent): (FiscalYear, AsSent<'_>),
) -> Vec<Warning> {
    let mut nth: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for y in &answer.indicators {
        let name = normalize(&y.name);
        let k = nth.entry(name.clone()).or_default();
        let key = format!("i/{name}/{k}");
        *k += 1;
        if paired.iter().any(|p| std::ptr::eq(*p, y)) {
            continue;
        }
        let Some(v) = y.year(year) else { continue };
        let answered = [&v.actual, &v.first_half].map(|f| f.display());
        if answered.iter().all(String::is_empty)
            || as_sent(&key, &crate::survey::sent::indicator_answer(Some(v)))
        {
            continue;
        }
        let warning = MeasureWarning::IndicatorGone {
            initiative: initiative.number.clone(),
            name: y.name.clone(),
            answer: answered
                .into_iter()
                .find(|a| !a.is_empty())
                .unwrap_or_default(),
        };
        out.push(Warning::new(
            Location::default(),
            WarningKind::Measure { warning },
        ));
    }
    out
}

/// Whether a number of the answer (its key and text, `crate::survey::sent::number_key`) is as
/// the response was sent with it; never, for a response from before each was kept.
pub(super) type AsSent<'a> = &'a dyn Fn(&str, &str) -> bool;

/// The report's year's actual effect as the answer has it into `out` (unless as the division's
/// answer taken in before had it); another year's change said through `not_taken`. An amount
/// written as text in the file (`(unread: "-3.5")`: a division does not write yen) is read as
/// the workbook's cell is, in `typed_in`, the unit the response was sent in; it stayed text,
/// said unreadable, and the table exported and read again held it as a number.
fn answered_effects(
    out: &mut Measures,
    answer: &Measures,
    (year, unit, typed_in): (FiscalYear, YenUnit, YenUnit),
    (not_taken, seen, as_sent): NotTakenAndSeen<'_>,
) {
    let mut years: Vec<FiscalYear> = out
        .effects
        .iter()
        .chain(&answer.effects)
        .map(|e| e.fiscal_year)
        .collect();
    years.sort();
    years.dedup();
    for fy in years {
        let actual = answer
            .effect(fy)
            .map_or_else(Money::default, |e| match e.actual.yen {
                None if !e.actual.unread.is_empty() => {
                    crate::model::measures::money_of(&e.actual.unread, typed_in)
                }
                _ => e.actual.clone(),
            });
        if fy != year {
            let kept = out
                .effect(fy)
                .map_or_else(Money::default, |e| e.actual.clone());
            // In the report's unit, said (「123456.788千円」), as the review writes money.
            let money = |m: &Money| match m.yen {
                Some(_) => format!("{}{}", m.display(unit), unit.label()),
                None => m.display(unit),
            };
            not_taken(
                MeasureField::EffectActual { year: fy },
                money(&kept),
                money(&actual),
                false,
            );
            continue;
        }
        if as_sent("e", &format!("{actual:?}")) || seen(format!("E {} {actual:?}", fy.0)) {
            continue;
        }
        out.effect_mut(fy).actual = actual;
    }
    out.effects
        .retain(|e| !(e.planned.is_blank() && e.actual.is_blank()));
}

/// Says a change not taken (field, old, new, of the closed first half), and tells whether a
/// number is as the division's answer taken in before had it.
type NotTakenAndSeen<'a> = (
    &'a mut dyn FnMut(MeasureField, String, String, bool),
    &'a mut dyn FnMut(String) -> bool,
    AsSent<'a>,
);

//! The rules of a report's years: its own and its plan's, its numbers', its closed periods'.

use super::{Place, Rule, Violation};
use crate::model::era::FiscalYear;
use crate::model::report::{AsOf, Entry, Report, days_in_month};

/// The report's own years and as-of date.
pub(super) fn report_field_violations(report: &Report, out: &mut Vec<Violation>) {
    let mut push = |place: Place, rule: Rule| out.push(Violation { place, rule });
    for (field, year) in [
        ("fiscal_year", report.fiscal_year),
        ("plan_years.first", report.plan_years.first),
        ("plan_years.last", report.plan_years.last),
    ] {
        if !year.is_supported() {
            push(Place::field(field), Rule::YearOutOfRange { year: year.0 });
        }
    }
    let span = i64::from(report.plan_years.last.0) - i64::from(report.plan_years.first.0) + 1;
    if span > crate::model::bounds::MAX_PLAN_YEARS as i64 {
        push(
            Place::field("plan_years"),
            Rule::PlanYearsTooMany {
                first: report.plan_years.first.0,
                last: report.plan_years.last.0,
            },
        );
    }
    // A rating code declared twice (a hand edit, or a file saved before the readers merged
    // `A` and `Ａ`): the summary counted its ratings under both. Repaired: the first is kept.
    // A level without a code no rating can name, and the readers of an export ended the scale
    // there: left out.
    let mut codes = std::collections::HashMap::new();
    for level in &report.measure_settings.rating_scale {
        if level.code.trim().is_empty() {
            let label = level.label.clone();
            push(
                Place::field("rating_scale"),
                Rule::RatingCodeBlank { label },
            );
            continue;
        }
        let key = crate::model::text::normalize(&level.code);
        match codes.get(&key) {
            None => drop(codes.insert(key, level.label.clone())),
            Some(kept) => push(
                Place::field("rating_scale"),
                Rule::RatingCodeTwice {
                    code: level.code.clone(),
                    kept: kept.clone(),
                    other: level.label.clone(),
                },
            ),
        }
    }
    if report.plan_years.first > report.plan_years.last {
        push(
            Place::field("plan_years"),
            Rule::PlanYearsReversed {
                first: report.plan_years.first.0,
                last: report.plan_years.last.0,
            },
        );
    }
    if let Some(as_of) = report.as_of
        && !as_of_is_valid(as_of, report.fiscal_year)
    {
        push(
            Place::field("as_of"),
            Rule::AsOfInvalid {
                month: as_of.month,
                day: as_of.day,
            },
        );
    }
}

/// The years of numbers and ratings name columns and headings (`29年度計画額`) as the
/// report's own do: the same range holds (a year of -5 was written 「-5年度計画額」).
pub(super) fn measure_year_violations(report: &Report, out: &mut Vec<Violation>) {
    for initiative in report.initiatives() {
        let m = initiative.measures();
        let years = m
            .indicators
            .iter()
            .flat_map(|x| {
                x.years
                    .iter()
                    .map(|y| y.year)
                    .chain(x.baseline.as_ref().and_then(|b| b.year))
            })
            .chain(m.effects.iter().map(|e| e.fiscal_year))
            .chain(m.past.iter().map(|p| p.fiscal_year));
        let place = |field: &'static str| Place {
            initiative: Some(initiative.number.clone()),
            field: Some(field),
            ..Place::default()
        };
        let (plan, most) = (report.plan_years, crate::model::bounds::MAX_YEARS_FROM_PLAN);
        let far = |y: FiscalYear| {
            i64::from(y.0) < i64::from(plan.first.0) - i64::from(most)
                || i64::from(y.0) > i64::from(plan.last.0) + i64::from(most)
        };
        for year in years {
            let rule = match year {
                y if !y.is_supported() => Rule::YearOutOfRange { year: y.0 },
                y if far(y) => Rule::YearFarFromPlan { year: y.0 },
                _ => continue,
            };
            out.push(Violation {
                place: place("measures"),
                rule,
            });
        }
        let lists = m
            .indicators
            .iter()
            .map(|x| {
                (
                    "indicators",
                    x.years.iter().map(|y| y.year).collect::<Vec<_>>(),
                )
            })
            .chain([("effects", m.effects.iter().map(|e| e.fiscal_year).collect())]);
        for (field, mut years) in lists {
            years.sort();
            if let Some(w) = years.windows(2).find(|w| w[0] == w[1]) {
                out.push(Violation {
                    place: place(field),
                    rule: Rule::YearTwice { year: w[0].0 },
                });
            }
        }
    }
}

/// Closed periods are named and shown like the report's own year: the same rules hold.
pub(super) fn history_violations(report: &Report, out: &mut Vec<Violation>) {
    let mut push = |place: Place, rule: Rule| out.push(Violation { place, rule });
    for past in &report.history {
        if !past.fiscal_year.is_supported() {
            push(
                Place::field("history"),
                Rule::YearOutOfRange {
                    year: past.fiscal_year.0,
                },
            );
        } else if !as_of_is_valid(past.as_of, past.fiscal_year) {
            push(
                Place::field("history"),
                Rule::AsOfInvalid {
                    month: past.as_of.month,
                    day: past.as_of.day,
                },
            );
        }
        let mut stack: Vec<&Entry> = past
            .cleared
            .iter()
            .flat_map(|t| t.plan.iter().chain(&t.actual))
            .collect();
        while let Some(e) = stack.pop() {
            if let Some(t) = &e.timing
                && !t.months.is_within_year()
            {
                push(
                    Place::field("history"),
                    Rule::MonthsOutOfRange {
                        stored: t.months.bits(),
                    },
                );
            }
            stack.extend(e.subs.iter());
        }
    }
}

/// Whether a day is one of the fiscal year's calendar.
pub(super) fn as_of_is_valid(as_of: AsOf, fiscal_year: FiscalYear) -> bool {
    (1..=12).contains(&as_of.month)
        && as_of.day >= 1
        && as_of.day <= days_in_month(fiscal_year.calendar_year_of(as_of.month), as_of.month)
}

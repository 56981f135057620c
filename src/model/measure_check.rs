//! Checks of a report's numbers and ratings as they stand: each number kept as written because
//! it could not be read, each rating its scale does not have, a cumulative total taken from an
//! earlier year, an indicator whose topic is gone — what `check`, opening a report and a step on
//! the numbers in the window say about them; the review of an answer says the first two of the
//! numbers it brings ([`initiative_warnings`]).

use super::Report;
use super::diag::{Location, Warning, WarningKind};
use super::figure::FigureProblem;
use super::measure_warning::{MeasureAt, MeasureField, MeasureWarning};
use super::measures::{Levels, MeasureSettings, Measures, YenUnit};

/// What a report's numbers and ratings, as they stand, should tell a user (the module's list).
/// `check` says these, opening a report shows them, and a document makes them again after a
/// step on the numbers, an undo or a redo.
pub fn measure_warnings(report: &Report) -> Vec<Warning> {
    let levels = report.measure_settings.levels();
    let unit = report.measure_settings.yen_unit;
    let mut out: Vec<Warning> = report
        .initiatives()
        .flat_map(|i| initiative_warnings((&levels, unit), &i.number, i.measures()))
        .collect();
    out.extend(report_wide_warnings(report));
    out
}

/// What the numbers warn of as a whole — totals taken from an earlier year, an indicator named
/// twice, a total too large, an indicator on a topic gone — which no cell of a table says:
/// `check` on a table or workbook lists these after what its cells said.
pub fn report_wide_warnings(report: &Report) -> Vec<Warning> {
    let mut out = earlier_year_totals(report);
    out.extend(topics_gone(report));
    out.extend(indicators_twice(report));
    out.extend(totals_too_large(report));
    out.extend(actuals_ahead(report));
    out
}

/// Actuals of a year after the report's: an indicator's (or its first half's) and an
/// effect's, each named.
pub fn actuals_ahead(report: &Report) -> Vec<Warning> {
    ahead_by_year(report).into_iter().map(|(_, w)| w).collect()
}

/// The actuals typed for `year` in a report of an earlier year: what carrying the report into
/// `year` keeps as that year's (said at the roll-over, since the new report cannot tell).
pub fn actuals_typed_for(report: &Report, year: super::FiscalYear) -> Vec<Warning> {
    ahead_by_year(report)
        .into_iter()
        .filter(|&(y, _)| y == year)
        .map(|(_, w)| w)
        .collect()
}

fn ahead_by_year(report: &Report) -> Vec<(super::FiscalYear, Warning)> {
    use super::measures::Figure;
    let year = report.fiscal_year;
    // Written as the change lists write them (`△5.5`, `△1,310.2百万円`): it wrote `-5.5` and
    // the amount in yen, `-1310200000円`.
    let figure = Figure::in_words;
    let unit = report.measure_settings.yen_unit;
    let mut out = Vec::new();
    for i in report.initiatives() {
        let m = i.measures();
        let mut ahead = |field: MeasureField, text: String| {
            let of = match &field {
                MeasureField::IndicatorActual { year, .. }
                | MeasureField::IndicatorFirstHalf { year, .. }
                | MeasureField::EffectActual { year } => *year,
                _ => year,
            };
            let at = MeasureAt {
                initiative: i.number.clone(),
                field,
            };
            let w = MeasureWarning::ActualAhead {
                at,
                text,
                report_year: year,
            };
            out.push((of, warning(w)));
        };
        for x in &m.indicators {
            for y in x.years.iter().filter(|y| y.year > year) {
                let name = x.name.clone();
                if !y.actual.is_blank() {
                    let field = MeasureField::IndicatorActual { name, year: y.year };
                    ahead(field, figure(&y.actual));
                } else if !y.first_half.is_blank() {
                    let field = MeasureField::IndicatorFirstHalf { name, year: y.year };
                    ahead(field, figure(&y.first_half));
                }
            }
        }
        for e in m.effects.iter().filter(|e| e.fiscal_year > year) {
            if !e.actual.is_blank() {
                let text = e.actual.in_words(unit);
                ahead(
                    MeasureField::EffectActual {
                        year: e.fiscal_year,
                    },
                    text,
                );
            }
        }
    }
    out
}

fn warning(warning: MeasureWarning) -> Warning {
    Warning::new(Location::default(), WarningKind::Measure { warning })
}

/// Two indicators of one name on an initiative: both kept, said, so that a reader knows which
/// the comparison and the review pair (by name, in order).
fn indicators_twice(report: &Report) -> Vec<Warning> {
    let mut out = Vec::new();
    for i in report
        .initiatives()
        .filter(|i| i.measures().indicators.len() > 1)
    {
        // Counted as they come (a count of the earlier ones for each was quadratic: 50,000
        // indicators on one initiative took 23 s).
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        for x in &i.measures().indicators {
            let uses = seen.entry(super::text::normalize(&x.name)).or_default();
            *uses += 1;
            // Said once, at the name's second use.
            if *uses == 2 {
                out.push(warning(MeasureWarning::IndicatorTwice {
                    initiative: i.number.clone(),
                    indicator: x.name.clone(),
                }));
            }
        }
    }
    out
}

/// Effect totals, of a section or of the programme, too large to compute.
fn totals_too_large(report: &Report) -> Vec<Warning> {
    let (sections, all) = super::tally::too_large_totals(report);
    let named = report
        .sections
        .iter()
        .map(|s| Some(format!("{} {}", s.numeral, s.title)));
    let mut out = Vec::new();
    for (section, large) in named.zip(sections).chain([(None, all)]) {
        for (planned, too_large) in [(true, large.planned), (false, large.actual)] {
            if too_large {
                let section = section.clone();
                out.push(warning(MeasureWarning::TotalTooLarge { section, planned }));
            }
        }
    }
    out
}

/// Indicators on a topic deleted since: they count for the initiative.
fn topics_gone(report: &Report) -> Vec<Warning> {
    let mut out = Vec::new();
    for i in report.initiatives() {
        for x in &i.measures().indicators {
            if x.topic.is_some() && x.topic_in(i).is_none() {
                let warning = MeasureWarning::TopicGone {
                    initiative: i.number.clone(),
                    indicator: x.name.clone(),
                };
                out.push(Warning::new(
                    Location::default(),
                    WarningKind::Measure { warning },
                ));
            }
        }
    }
    out
}

/// Effects counted cumulatively whose totals take an earlier year's figure (`model::tally`).
fn earlier_year_totals(report: &Report) -> Vec<Warning> {
    super::tally::earlier_figures_of(report)
        .into_iter()
        .map(|figure| {
            let warning = MeasureWarning::EarlierYearTotal { figure };
            Warning::new(Location::default(), WarningKind::Measure { warning })
        })
        .collect()
}

/// The warnings about one initiative's numbers and ratings ([`measure_warnings`]).
pub fn initiative_warnings(
    (levels, unit): (&Levels<'_>, YenUnit),
    number: &str,
    m: &Measures,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut push = |field: MeasureField, warning: MeasureWarning| {
        out.push(Warning::new(
            Location::measure(MeasureAt {
                initiative: number.to_string(),
                field,
            }),
            WarningKind::Measure { warning },
        ));
    };
    for x in &m.indicators {
        let name = || x.name.clone();
        if !x.direction_unread.is_empty() {
            let text = x.direction_unread.clone();
            let field = MeasureField::IndicatorDirection { name: name() };
            push(field, MeasureWarning::DirectionNotRead { text });
        }
        let mut figures = vec![(
            MeasureField::IndicatorTarget {
                name: name(),
                year: None,
            },
            &x.target,
        )];
        if let Some(b) = &x.baseline {
            figures.push((MeasureField::IndicatorBaseline { name: name() }, &b.value));
        }
        for y in &x.years {
            let year = y.year;
            figures.push((
                MeasureField::IndicatorTarget {
                    name: name(),
                    year: Some(year),
                },
                &y.target,
            ));
            figures.push((
                MeasureField::IndicatorActual { name: name(), year },
                &y.actual,
            ));
            figures.push((
                MeasureField::IndicatorFirstHalf { name: name(), year },
                &y.first_half,
            ));
        }
        for (field, figure) in figures {
            if figure.value.is_none() && !figure.unread.is_empty() {
                push(field, not_read(&figure.unread, &x.unit));
            }
        }
    }
    for e in &m.effects {
        let year = e.fiscal_year;
        for (field, money) in [
            (MeasureField::EffectPlanned { year }, &e.planned),
            (MeasureField::EffectActual { year }, &e.actual),
        ] {
            if money.yen.is_none() && !money.unread.is_empty() {
                push(field, MeasureWarning::money_not_read(&money.unread, unit));
            }
        }
    }
    for (field, rating) in [
        (MeasureField::SelfRating, &m.self_rating),
        (MeasureField::Review, &m.review),
    ] {
        if let Some(warning) = rating.as_ref().and_then(|r| not_in_scale(levels, &r.code)) {
            push(field, warning);
        }
    }
    out
}

/// Why an indicator's figure was kept as written: what reading it again says (it may be in
/// another unit than the indicator's).
fn not_read(text: &str, indicator_unit: &str) -> MeasureWarning {
    let text_owned = || text.to_string();
    match super::figure::read(text) {
        Err(why) => MeasureWarning::NumberNotRead {
            text: text_owned(),
            why,
        },
        Ok(Some(reading)) if !super::measures::same_unit(&reading.unit, indicator_unit) => {
            MeasureWarning::UnitDiffers {
                text: text_owned(),
                unit: indicator_unit.to_string(),
            }
        }
        Ok(_) => MeasureWarning::NumberNotRead {
            text: text_owned(),
            why: FigureProblem::NotANumber,
        },
    }
}

/// A rating code the report's scale does not have (or given while it declares none).
pub fn rating_not_in_scale(settings: &MeasureSettings, code: &str) -> Option<MeasureWarning> {
    not_in_scale(&settings.levels(), code)
}

/// [`rating_not_in_scale`] with the scale indexed once for many codes.
fn not_in_scale(levels: &Levels<'_>, code: &str) -> Option<MeasureWarning> {
    if code.trim().is_empty() || levels.level(code).is_some() {
        return None;
    }
    let settings = levels.settings;
    Some(if settings.rating_scale.is_empty() {
        MeasureWarning::NoRatingScale {
            code: code.to_string(),
        }
    } else {
        MeasureWarning::RatingNotInScale {
            code: code.to_string(),
            scale: scale_named(settings),
        }
    })
}

/// The most levels a warning names: a scale has a handful; one of thousands (a hand-made
/// legend) named whole in every warning made each a page long and took gigabytes.
const LEVELS_NAMED: usize = 20;

/// The scale's codes as a warning names them: the first [`LEVELS_NAMED`], then `…` for the
/// rest.
pub fn scale_named(settings: &MeasureSettings) -> Vec<String> {
    let mut out: Vec<String> = settings
        .rating_scale
        .iter()
        .take(LEVELS_NAMED)
        .map(|l| l.code.clone())
        .collect();
    if settings.rating_scale.len() > LEVELS_NAMED {
        out.push("…".into());
    }
    out
}

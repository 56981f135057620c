//! Numbers an imported table or workbook gives for a year far from its plan years (a heading
//! `99年度実績` beside a plan of 28–31年度): every export writes a column for each year named,
//! and a saved report naming such a year is refused on opening
//! ([`crate::model::validate::Rule::YearFarFromPlan`]). They are not read: kept in the unread
//! list as written, and said.

use crate::model::bounds::MAX_YEARS_FROM_PLAN;
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::era::FiscalYear;
use crate::model::measure_warning::{MeasureAt, MeasureField};
use crate::model::{Report, UnreadText};

/// Moves every number of a year far from the plan years to the unread list, saying each.
pub(super) fn keep_unread(report: &mut Report, warnings: &mut Vec<Warning>) {
    let plan = report.plan_years;
    let far = |y: FiscalYear| {
        i64::from(y.0) < i64::from(plan.first.0) - i64::from(MAX_YEARS_FROM_PLAN)
            || i64::from(y.0) > i64::from(plan.last.0) + i64::from(MAX_YEARS_FROM_PLAN)
    };
    let unit = report.measure_settings.yen_unit;
    let mut kept: Vec<(MeasureAt, i32, String)> = Vec::new();
    for initiative in report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
    {
        if initiative.measures().is_empty() {
            continue;
        }
        let number = initiative.number.clone();
        let m = initiative.measures_mut();
        for x in &mut m.indicators {
            let name = x.name.clone();
            x.years.retain(|y| {
                let keep = !far(y.year);
                if !keep {
                    let figures = [&y.target, &y.actual, &y.first_half]
                        .map(|f| f.display())
                        .join(" ");
                    let field = MeasureField::IndicatorTarget {
                        name: name.clone(),
                        year: Some(y.year),
                    };
                    let at = MeasureAt {
                        initiative: number.clone(),
                        field,
                    };
                    kept.push((at, y.year.0, format!("{name} {figures}")));
                }
                keep
            });
            if let Some(b) = x.baseline.as_mut()
                && let Some(year) = b.year.filter(|&y| far(y))
            {
                b.year = None;
                let field = MeasureField::IndicatorBaseline { name: name.clone() };
                let at = MeasureAt {
                    initiative: number.clone(),
                    field,
                };
                kept.push((at, year.0, format!("{name} 基準年度")));
            }
        }
        m.effects.retain(|e| {
            let keep = !far(e.fiscal_year);
            if !keep {
                let amounts = format!("{} {}", e.planned.display(unit), e.actual.display(unit));
                let field = MeasureField::EffectPlanned {
                    year: e.fiscal_year,
                };
                let at = MeasureAt {
                    initiative: number.clone(),
                    field,
                };
                kept.push((at, e.fiscal_year.0, amounts));
            }
            keep
        });
        m.past.retain(|p| {
            let keep = !far(p.fiscal_year);
            if !keep {
                let at = MeasureAt {
                    initiative: number.clone(),
                    field: MeasureField::SelfRating,
                };
                kept.push((at, p.fiscal_year.0, "評価".into()));
            }
            keep
        });
    }
    for (at, year, what) in kept {
        let text = format!("{}年度 {}", year, what.trim());
        warnings.push(Warning::new(
            Location::measure(at),
            WarningKind::NumberYearFarFromPlan {
                year,
                text: text.clone(),
            },
        ));
        report.unread.push(UnreadText { row: 0, text });
    }
}

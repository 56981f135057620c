//! `shinchoku rollover`: a report carried into its next period, with the results to confirm.

use std::process::ExitCode;

use super::args::{Rollover, ToArg};
use super::console::{errln, outln};
use super::files::{locked_output, master_output, open, refused_output};
use crate::compare::RolloverTo;
use crate::compare::confirm;
use crate::lang::{Describe, Lang};

pub fn run(args: &Rollover) -> ExitCode {
    let (input, output) = (&args.report, &args.output);
    if let Some(refused) = refused_output(output, Some("ron"), &[input], crate::lang::Lang::En) {
        return refused;
    }
    if let Some(refused) = locked_output(output, args.force, crate::lang::Lang::En) {
        return refused;
    }
    if let Some(refused) = master_output(output, args.force, crate::lang::Lang::En) {
        return refused;
    }
    let opened = match open(input, crate::lang::Lang::En) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let to = match args.to {
        ToArg::SecondHalf => RolloverTo::SecondHalf,
        ToArg::FullYear => RolloverTo::FullYear,
        ToArg::NextYear => RolloverTo::NextYear,
    };
    let next = match crate::compare::rollover(&opened.report, to) {
        Ok(r) => r,
        Err(e) => {
            errln!("shinchoku: {}: {e}", crate::model::text::path_shown(input));
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = crate::store::save(output, &next) {
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    let as_of = next.as_of();
    let to_confirm = confirm::results_to_confirm(&next);
    outln!(
        "{} → {}: {} {}, {}, as of {}; {}",
        crate::model::text::path_shown(input),
        crate::model::text::path_shown(output),
        next.fiscal_year.era_form(),
        next.fiscal_year.0,
        next.actual_heading(),
        as_of.to_japanese(next.fiscal_year),
        confirm::count(to_confirm.len(), Lang::En)
    );
    for c in &to_confirm {
        outln!("  {}", c.describe(Lang::En));
    }
    // Into the next year: those the old year still asked to confirm are closed, unconfirmed.
    if next.fiscal_year != opened.report.fiscal_year {
        let closed = confirm::results_to_confirm(&opened.report);
        if !closed.is_empty() {
            errln!(
                "warning: {}",
                confirm::closed_unconfirmed(closed.len(), Lang::En)
            );
            for c in &closed {
                errln!("  {}", c.describe(Lang::En));
            }
        }
    }
    // An actual typed for the new year before it began is the new year's now: said.
    for w in crate::model::measure_check::actuals_typed_for(&opened.report, next.fiscal_year) {
        errln!("  warning: {}", w.describe(Lang::En));
    }
    // A new year's 年次計画 started in a topic of no division (an initiative whose topics name
    // their own divisions): the next survey sends it to nobody. Said here, where it is made.
    let before = crate::model::check::topics_without_division(&opened.report);
    for w in crate::model::check::topics_without_division(&next) {
        if !before.contains(&w) {
            errln!("  warning: {}", w.describe(Lang::En));
        }
    }
    ExitCode::SUCCESS
}

//! `shinchoku import`: a report table or a workbook into a Shinchoku `.ron` file.

use std::process::ExitCode;

use super::args::Import;
use super::console::{errln, outln};
use super::files::{locked_output, master_output, open, refused_output};

pub fn run(args: &Import) -> ExitCode {
    if let Some(refused) = refused_output(
        &args.output,
        Some("ron"),
        &[&args.report],
        crate::lang::Lang::En,
    ) {
        return refused;
    }
    if let Some(refused) = locked_output(&args.output, args.force, crate::lang::Lang::En) {
        return refused;
    }
    if let Some(refused) = master_output(&args.output, args.force, crate::lang::Lang::En) {
        return refused;
    }
    let (input, output) = (&args.report, &args.output);
    let opened = match open(input, crate::lang::Lang::En) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // A division's response is collected into its master, not imported as a report of its
    // own (imported over the master, it made the master that division's answer).
    if let Some(response) = &opened.report.response {
        let (path, division) = (input.clone(), response.division.clone());
        super::problem::CommandProblem::ImportOfResponse { path, division }
            .say_error(crate::lang::Lang::En);
        return ExitCode::FAILURE;
    }
    // A division written two ways is said on import, where it can still be put right.
    let mut alike = crate::model::check::divisions_alike(&opened.report);
    alike.retain(|w| !opened.warnings.contains(w));
    for w in opened.warnings.iter().chain(&alike) {
        errln!("warning: {}: {w}", crate::model::text::path_shown(input));
    }
    if let Err(e) = crate::store::save(output, &opened.report) {
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    let r = &opened.report;
    outln!(
        "{} → {}: {} sections, {} initiatives, {} action items, {} warning(s)",
        crate::model::text::path_shown(input),
        crate::model::text::path_shown(output),
        r.sections.len(),
        r.initiative_count(),
        r.action_item_count(),
        opened.warnings.len() + alike.len()
    );
    ExitCode::SUCCESS
}

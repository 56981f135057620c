//! `shinchoku sample`: the bundled sample report, or a large one made from it.

use std::process::ExitCode;

use super::args::Sample;
use super::console::{errln, outln};
use super::files::{locked_output, refused_output};

pub fn run(args: &Sample) -> ExitCode {
    if let Some(refused) = refused_output(&args.output, Some("ron"), &[], crate::lang::Lang::En) {
        return refused;
    }
    if let Some(refused) = locked_output(&args.output, args.force, crate::lang::Lang::En) {
        return refused;
    }
    let report = match (args.initiatives, args.result_lines) {
        (Some(n), _) => crate::synthetic::large_report(n),
        (None, Some(n)) => crate::synthetic::with_result_lines(n),
        (None, None) => crate::document::Document::sample().into_report(),
    };
    match crate::store::save(&args.output, &report) {
        Ok(()) => {
            outln!(
                "{}: {} initiatives",
                crate::model::text::path_shown(&args.output),
                report.initiative_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("shinchoku: {e}");
            ExitCode::FAILURE
        }
    }
}

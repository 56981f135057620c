//! `shinchoku as-of`: 時点, the date a report's results are reported as of, set as the window's
//! toolbar sets it (after rolling over into the second half it stays the first half's end until
//! the office moves it).

use std::process::ExitCode;

use super::args::AsOfArgs;
use super::console::{errln, outln};
use super::files::{edit_master, open_master, refused_output};
use super::problem::CommandProblem;
use crate::edit::Intent;
use crate::lang::{Describe, say};
use crate::model::AsOf;

pub fn run(args: &AsOfArgs) -> ExitCode {
    if let Some(out) = &args.output
        && let Some(refused) = refused_output(out, Some("ron"), &[], args.lang.lang())
    {
        return refused;
    }
    let lang = args.lang.lang();
    let mut doc = match open_master(&args.report, args.lang.lang()) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let fiscal_year = doc.report().fiscal_year;
    let as_of = match args.date.trim() {
        "end" | "期間末" => None,
        text => match AsOf::read(text, fiscal_year) {
            Some(as_of) => Some(as_of),
            None => {
                let text = text.to_string();
                let a_date = crate::model::era::read_date(&text).is_some();
                let problem = CommandProblem::AsOfNotRead {
                    text,
                    fiscal_year,
                    a_date,
                };
                errln!("shinchoku: {}", problem.describe(lang));
                return ExitCode::from(2);
            }
        },
    };
    let output = args.output.as_deref().unwrap_or(&args.report);
    let (files, how) = ((args.report.as_path(), output), (args.force, lang));
    if let Err(code) = edit_master(&mut doc, Intent::SetAsOf(as_of), files, how) {
        return code;
    }
    let day = doc.report().as_of().to_japanese(fiscal_year);
    outln!(
        "{}",
        say(
            lang,
            format!(
                "時点を{day}にしました → {}",
                crate::model::text::path_shown(output)
            ),
            format!("as of {day} → {}", crate::model::text::path_shown(output)),
        )
    );
    ExitCode::SUCCESS
}

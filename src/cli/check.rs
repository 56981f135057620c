//! `shinchoku check`: a report's summary and every warning, as text or JSON.

use std::process::ExitCode;

use super::args::Check;
use super::files::open;
use crate::model::text::{json_with_invisible_escaped, visible};
use crate::summary::ReportSummary;
use crate::{console_print as print, console_println as println};

pub fn run(args: &Check) -> ExitCode {
    let opened = match open(&args.file) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let summary = ReportSummary::new(&opened.report, &opened.warnings);
    if args.json {
        let text = serde_json::to_string_pretty(&summary).expect("a summary always serialises");
        println!("{}", json_with_invisible_escaped(&text));
    } else {
        print!("{}", visible(&summary.to_text()));
    }
    ExitCode::SUCCESS
}

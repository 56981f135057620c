//! `shinchoku check`: a report's summary and every warning, as text or JSON.

use std::process::ExitCode;

use super::args::Check;
use super::files::open;
use std::io::Write;

use crate::console_print as print;
use crate::model::text::{InvisibleEscaping, visible};
use crate::summary::ReportSummary;

pub fn run(args: &Check) -> ExitCode {
    let opened = match open(&args.file, crate::lang::Lang::En) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let summary = ReportSummary::new(&opened.report, &opened.warnings);
    if args.json {
        // Streamed: the JSON of a large report is never held whole. A closed pipe or a full
        // disk stops it; the console has said so and sets the exit code.
        let mut out = std::io::BufWriter::with_capacity(
            1 << 16,
            InvisibleEscaping::new(super::console::StdoutStream),
        );
        let _ = serde_json::to_writer_pretty(&mut out, &summary)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
    } else {
        print!("{}", visible(&summary.to_text()));
    }
    ExitCode::SUCCESS
}

//! `shinchoku export`: XLSX, the report table, a CSV of the entries or the web page.

use std::process::ExitCode;

use super::args::{EncodingArg, Export};
use super::console::{errln, outln};
use super::files::{locked_output, open};
use crate::export::{self, Encoding};

pub fn run(args: &Export) -> ExitCode {
    if let Some(refused) = locked_output(&args.output, args.force) {
        return refused;
    }
    let (input, output) = (&args.report, &args.output);
    let opened = match open(input) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let encoding = match args.encoding {
        EncodingArg::Utf8 => Encoding::Utf8,
        EncodingArg::Cp932 => Encoding::Cp932,
        EncodingArg::Utf16 => Encoding::Utf16,
    };
    match export::export_file(&opened.report, output, encoding) {
        Ok(warnings) => {
            for w in &warnings {
                errln!("warning: {}: {w}", output.display());
            }
            outln!("{} → {}", input.display(), output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("shinchoku: {e}");
            ExitCode::FAILURE
        }
    }
}

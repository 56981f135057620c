//! `shinchoku export`: XLSX, the report table, a CSV of the entries or the web page.

use std::process::ExitCode;

use super::args::{EncodingArg, Export};
use super::console::bar::Bar;
use super::console::{errln, outln};
use super::files::{locked_output, open, refused_output};
use crate::export::{self, Encoding};

pub fn run(args: &Export) -> ExitCode {
    // Its kind is the output's extension, one of four: refused before the report is read.
    if export::Format::from_path(&args.output).is_none() {
        let path = args.output.clone();
        errln!("shinchoku: {}", export::ExportError::UnknownFormat { path });
        return ExitCode::FAILURE;
    }
    if let Some(refused) =
        refused_output(&args.output, None, &[&args.report], crate::lang::Lang::En)
    {
        return refused;
    }
    if let Some(refused) = locked_output(&args.output, args.force, crate::lang::Lang::En) {
        return refused;
    }
    let (input, output) = (&args.report, &args.output);
    // The export has no finer steps to tell: the bar says which stage it is at.
    let mut bar = Bar::on_stderr("export: reading");
    bar.set(0.0);
    let opened = match open(input, crate::lang::Lang::En) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let encoding = match args.encoding {
        EncodingArg::Utf8 => Encoding::Utf8,
        EncodingArg::Cp932 => Encoding::Cp932,
        EncodingArg::Utf16 => Encoding::Utf16,
    };
    bar.stage("export: writing");
    bar.set(0.5);
    let exported = export::export_file(&opened.report, output, encoding);
    bar.finish();
    match exported {
        Ok(warnings) => {
            for w in &warnings {
                errln!("warning: {}: {w}", crate::model::text::path_shown(output));
            }
            outln!(
                "{} → {}",
                crate::model::text::path_shown(input),
                crate::model::text::path_shown(output)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("shinchoku: {e}");
            ExitCode::FAILURE
        }
    }
}

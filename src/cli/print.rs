//! `shinchoku print`: the progress grid as a PDF.

use std::path::Path;
use std::process::ExitCode;

use super::args::{KeepArg, PaperArg, Print};
use super::console::bar::Bar;
use super::console::{errln, outln};
use super::files::{UNREADABLE, locked_output, open, refused_output};
use super::problem::CommandProblem;
use crate::compare::Comparison;
use crate::lang::Lang;
use crate::model::Report;
use crate::print::pdf::Tagging;
use crate::print::{Columns, KeepTogether, PageSetup, Paper, PrintJob};

pub fn run(args: &Print) -> ExitCode {
    if let Some(refused) = refused_output(&args.output, Some("pdf"), &[&args.report], Lang::En) {
        return refused;
    }
    if let Some(refused) = locked_output(&args.output, args.force, Lang::En) {
        return refused;
    }
    let setup = page_setup(args);
    let tagging = if args.untagged {
        Tagging::Untagged
    } else {
        Tagging::Tagged
    };
    let (input, output) = (&args.report, &args.output);
    let opened = match open(input, Lang::En) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let report = &opened.report;
    let comparison = match args.compare.as_deref().map(|old| compared(old, report)) {
        None => None,
        Some(Ok(c)) => Some(c),
        Some(Err(code)) => return code,
    };
    if let Err(code) = check_selection(&setup, report, input) {
        return code;
    }
    let job = PrintJob {
        report,
        setup: &setup,
        printed_on: crate::print::today(),
        comparison: comparison.as_ref(),
    };
    let mut bar = Bar::on_stderr("print: laying out");
    let plan = match crate::print::plan_pages(&job, &mut |p| bar.set(p * 0.5)) {
        Ok(plan) => plan,
        Err(refused) => {
            bar.finish();
            let path = input.clone();
            CommandProblem::TooManyPages { path, refused }.say_error(Lang::En);
            return ExitCode::from(UNREADABLE);
        }
    };
    bar.stage("print: writing the PDF");
    let mut progress = |p| bar.set(0.5 + p * 0.5);
    let (pages, text_size) = (plan.pages(), plan.frame.text_size);
    let (tagging, too_large) = crate::print::pdf::tagging_for(&plan, tagging);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let rendered =
        crate::print::pdf::render_plan(plan, &report.title, tagging, &mut progress, &stop);
    bar.finish();
    let pdf = match rendered {
        Ok(p) => p,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = crate::store::write_output(output, &pdf) {
        CommandProblem::OutputNotWritten {
            path: output.clone(),
            error: e,
        }
        .say_error(Lang::En);
        return ExitCode::FAILURE;
    }
    if let Some(note) = too_large {
        use crate::lang::{Describe, Lang};
        errln!("note: {}", note.describe(Lang::En));
    }
    // What prints as a box (□, its text kept), said: the printout is made all the same.
    {
        use crate::lang::{Describe, Lang};
        use crate::model::diag::WarningKind;
        for w in crate::model::check::invisible_characters(report) {
            if matches!(w.kind, WarningKind::NoGlyph { .. }) {
                errln!("warning: {}", w.describe(Lang::En));
            }
        }
    }
    outln!(
        "{} → {}: {} page(s), {} {}, text {:.1} pt, {} KB",
        crate::model::text::path_shown(input),
        crate::model::text::path_shown(output),
        pages,
        setup.paper.name(),
        if setup.landscape {
            "landscape"
        } else {
            "portrait"
        },
        text_size,
        pdf.len() / 1024
    );
    ExitCode::SUCCESS
}

fn page_setup(args: &Print) -> PageSetup {
    PageSetup {
        paper: match args.paper {
            PaperArg::A3 => Paper::A3,
            PaperArg::A4 => Paper::A4,
            PaperArg::B4 => Paper::B4,
        },
        landscape: !args.portrait,
        division: args.division.clone(),
        section: args.section,
        keep: match args.keep {
            KeepArg::Initiative => KeepTogether::Initiative,
            KeepArg::Topic => KeepTogether::Topic,
            KeepArg::Row => KeepTogether::Row,
        },
        section_pages: args.section_pages,
        fit_pages_tall: args.fit_pages_tall,
        columns: Columns {
            measures: !args.no_numbers,
            ..Columns::default()
        },
        ..PageSetup::default()
    }
}

/// The comparison with the older report `--compare` names.
fn compared(old: &Path, report: &Report) -> Result<Comparison, ExitCode> {
    let opened = open(old, Lang::En)?;
    let label = crate::model::text::path_shown(old).to_string();
    Ok(Comparison::new(label, opened.report, report))
}

/// A `--division` or `--section` the report does not have is said, not printed empty.
fn check_selection(setup: &PageSetup, report: &Report, input: &Path) -> Result<(), ExitCode> {
    if let Some(d) = &setup.division
        && !report
            .initiatives()
            .any(|i| i.all_divisions().contains(&d.as_str()))
    {
        CommandProblem::NoDivision {
            division: d.clone(),
            path: input.to_path_buf(),
        }
        .say_error(Lang::En);
        return Err(ExitCode::from(UNREADABLE));
    }
    if let Some(n) = setup.section
        && !report.sections.iter().any(|s| s.number == n)
    {
        CommandProblem::NoSection {
            section: n,
            path: input.to_path_buf(),
        }
        .say_error(Lang::En);
        return Err(ExitCode::from(UNREADABLE));
    }
    Ok(())
}

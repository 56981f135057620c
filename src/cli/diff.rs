//! `shinchoku diff`: two reports compared, as a change list (and its PDF) or JSON; the exit code
//! says whether they differ, as diff(1)'s does.

use std::path::Path;
use std::process::ExitCode;

use super::args::Diff;
use super::console::bar::Bar;
use super::files::{UNREADABLE, open, refused_output};
use super::problem::{ChangeListFailure, CommandProblem};
use crate::compare::Diff as ReportDiff;
use crate::lang::{Describe, Lang};
use crate::model::text::{json_with_invisible_escaped, visible};
use crate::{console_print as print, console_println as println};

/// Exit code of `diff` when the reports differ (like diff(1)).
const DIFFERENT: u8 = 1;

pub fn run(args: &Diff) -> ExitCode {
    // An error, not a difference: exit 2.
    if let Some(pdf) = &args.pdf
        && refused_output(pdf, Some("pdf"), &[&args.old, &args.new], args.lang.lang()).is_some()
    {
        return ExitCode::from(UNREADABLE);
    }
    let lang = args.lang.lang();
    let mut opened = Vec::new();
    for path in [&args.old, &args.new] {
        match open(path, lang) {
            Ok(o) => {
                // What the comparison does not weigh is said, file by file: two workbooks
                // differing in a note beside the table read "no changes", exit 0.
                let unread = o.report.unread.len();
                if unread > 0 {
                    let path = path.to_path_buf();
                    CommandProblem::NotCompared { path, unread }.say_warning(lang);
                }
                opened.push(o.report)
            }
            Err(code) => return code,
        }
    }
    let (Some(a), Some(b)) = (opened.first(), opened.get(1)) else {
        return ExitCode::from(UNREADABLE);
    };
    let diff = crate::compare::diff(a, b);
    let unread = |r: &crate::model::Report| -> Vec<String> {
        let mut texts: Vec<String> = (r.unread.iter())
            .map(|u| crate::model::text::normalize(&u.text))
            .collect();
        texts.sort_unstable();
        texts
    };
    let unread_differs = unread(a) != unread(b);
    if let Some(out) = &args.pdf
        && let Err(code) = write_pdf(&diff, lang, out)
    {
        return code;
    }
    if args.json {
        match serde_json::to_string_pretty(&diff) {
            Ok(text) => println!("{}", json_with_invisible_escaped(&text)),
            Err(e) => {
                CommandProblem::JsonNotWritten(e).say_error(lang);
                return ExitCode::from(UNREADABLE);
            }
        }
    } else {
        print!(
            "{}",
            visible(&crate::compare::change_list_text(&diff, lang))
        );
    }
    if unread_differs {
        let said = CommandProblem::UnreadDiffers {
            old: a.unread.len(),
            new: b.unread.len(),
        };
        if args.json {
            said.say_warning(lang);
        } else {
            println!("  {}", said.describe(lang));
        }
    }
    if diff.same && !unread_differs {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(DIFFERENT)
    }
}

/// `--pdf`: the change list on A4 pages, with a bar on a terminal (a comparison of hundreds
/// of thousands of changes takes seconds).
fn write_pdf(diff: &ReportDiff, lang: Lang, out: &Path) -> Result<(), ExitCode> {
    let mut bar = Bar::on_stderr("diff: writing the change list");
    let made =
        crate::print::changes::pdf_telling(diff, lang, &crate::print::today(), &mut |p| bar.set(p));
    bar.finish();
    let written = made.map_err(ChangeListFailure::Pdf).and_then(|bytes| {
        crate::store::write_output(out, &bytes).map_err(ChangeListFailure::Write)
    });
    written.map_err(|cause| {
        CommandProblem::ChangeListNotWritten {
            path: out.to_path_buf(),
            cause,
        }
        .say_error(lang);
        ExitCode::from(UNREADABLE)
    })
}

//! What several commands do with their files: open a report or a survey's master, refuse an
//! output another Shinchoku has open, save the master.

use std::path::Path;
use std::process::ExitCode;

use super::console::errln;
use super::problem::CommandProblem;
use crate::document::Opened;
use crate::document::{Document, SaveOptions};

/// Exit code when the input cannot be read.
pub const UNREADABLE: u8 = 2;

/// Opens a report as the window does; when it cannot be read, says why and gives the exit
/// code for it.
pub fn open(path: &Path) -> Result<Opened, ExitCode> {
    crate::document::open_report(path).map_err(|e| {
        errln!("shinchoku: {e}");
        ExitCode::from(UNREADABLE)
    })
}

/// The rules of the window for the command line: an output another Shinchoku has open is not
/// overwritten unless `--force` (a `.ron` overwritten keeps its backups either way).
pub fn locked_output(output: &Path, force: bool) -> Option<ExitCode> {
    let holder = crate::store::lock::live_holder(output)?;
    let problem = CommandProblem::OutputOpen {
        path: output.to_path_buf(),
        holder,
        forced: force,
    };
    if force {
        problem.say_warning();
        return None;
    }
    problem.say_error();
    Some(ExitCode::FAILURE)
}

/// Refuses an output, before anything is read or written, that is not named `.wanted` (any
/// case; a printout over the master), that is one of the command's `inputs`
/// ([`output_is_input`]), or that is a division's answer ([`output_is_answer`]).
pub fn refused_output(
    output: &Path,
    wanted: Option<&'static str>,
    inputs: &[&Path],
) -> Option<ExitCode> {
    if let Some(wanted) = wanted
        && !(output.extension()).is_some_and(|e| e.eq_ignore_ascii_case(wanted))
    {
        let path = output.to_path_buf();
        CommandProblem::OutputMisnamed { path, wanted }.say_error();
        return Some(ExitCode::FAILURE);
    }
    output_is_input(output, inputs).or_else(|| output_is_answer(output))
}

/// Refuses an output that is one of the command's inputs, before anything is written: written,
/// it replaced what was just read (`collect M A.ron -o A.ron` put the master over the answer,
/// `export t.tsv -o t.tsv` the table with what it read of it, rows kept unread gone).
fn output_is_input(output: &Path, inputs: &[&Path]) -> Option<ExitCode> {
    let input = inputs
        .iter()
        .find(|i| crate::store::disk::same_file(i, output))?;
    CommandProblem::OutputIsInput {
        path: input.to_path_buf(),
    }
    .say_error();
    Some(ExitCode::FAILURE)
}

/// Refuses to write over a division's answer — a response file or an answer workbook in the
/// survey's folder (`export M -o q/総務部人事課.xlsx` replaced the workbook, no backup kept).
fn output_is_answer(output: &Path) -> Option<ExitCode> {
    let extension = output.extension()?.to_string_lossy().to_ascii_lowercase();
    let division = match extension.as_str() {
        "ron" if output.is_file() => {
            (crate::store::open_as_written(output).ok()?.report.response)?.division
        }
        "xlsx" if output.is_file() => {
            use crate::survey::workbook;
            let bytes = crate::model::diag::read_input(output).ok()?;
            // One its division can no longer be read from (its hidden cells edited) is an
            // answer all the same: overwritten, what the division typed was gone.
            match workbook::read(&bytes) {
                Ok(answered) => answered.response.division,
                Err(_) if workbook::is_response_workbook(&bytes) => String::new(),
                Err(_) => return None,
            }
        }
        _ => return None,
    };
    CommandProblem::OutputIsAnswer {
        path: output.to_path_buf(),
        division,
    }
    .say_error();
    Some(ExitCode::FAILURE)
}

/// Opens the master of a survey: a `.ron` file (a report table has nowhere to keep the
/// survey's status: import it first).
pub fn open_master(path: &Path) -> Result<Document, ExitCode> {
    let doc = Document::open(path).map_err(|e| {
        errln!("shinchoku: {e}");
        ExitCode::from(UNREADABLE)
    })?;
    if doc.save_path().is_none() {
        CommandProblem::MasterNotRon {
            path: path.to_path_buf(),
        }
        .say_error();
        return Err(ExitCode::FAILURE);
    }
    if let Some(r) = &doc.report().response {
        CommandProblem::MasterIsResponse {
            path: path.to_path_buf(),
            division: r.division.clone(),
        }
        .say_error();
        return Err(ExitCode::FAILURE);
    }
    Ok(doc)
}

pub fn save_master(doc: &mut Document, path: &Path, force: bool) -> Result<(), ExitCode> {
    let options = if force {
        SaveOptions::FORCE
    } else {
        SaveOptions::default()
    };
    doc.save_to_with(path, options).map_err(|e| {
        errln!("shinchoku: {e}");
        ExitCode::FAILURE
    })
}

/// One edit of the master (`report`) written to `output` (the master itself, or another file
/// no other Shinchoku holds): what `as-of` and `send-back` do. Each failure is said here.
pub fn edit_master(
    doc: &mut Document,
    intent: crate::edit::Intent,
    (report, output): (&Path, &Path),
    (force, lang): (bool, crate::lang::Lang),
) -> Result<(), ExitCode> {
    use crate::lang::Describe;
    if output != report
        && let Some(refused) = locked_output(output, force)
    {
        return Err(refused);
    }
    if let Err(e) = doc.perform(intent) {
        let report = crate::model::text::path_shown(report);
        errln!("shinchoku: {report}: {}", e.describe(lang));
        return Err(ExitCode::FAILURE);
    }
    save_master(doc, output, force)
}

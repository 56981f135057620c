//! What several commands do with their files: open a report or a survey's master, refuse an
//! output another Shinchoku has open, save the master.

use std::path::Path;
use std::process::ExitCode;

use super::console::errln;
use super::problem::CommandProblem;
use crate::document::Opened;
use crate::document::{Document, SaveOptions};
use crate::lang::{Describe, Lang};

/// Exit code when the input cannot be read.
pub const UNREADABLE: u8 = 2;

/// Opens a report as the window does; when it cannot be read, says why and gives the exit
/// code for it.
pub fn open(path: &Path, lang: Lang) -> Result<Opened, ExitCode> {
    crate::document::open_report(path).map_err(|e| {
        errln!("shinchoku: {}", e.describe(lang));
        ExitCode::from(UNREADABLE)
    })
}

/// The rules of the window for the command line: an output another Shinchoku has open is not
/// overwritten unless `--force` (a `.ron` overwritten keeps its backups either way).
pub fn locked_output(output: &Path, force: bool, lang: Lang) -> Option<ExitCode> {
    let holder = crate::store::lock::live_holder(output)?;
    let problem = CommandProblem::OutputOpen {
        path: output.to_path_buf(),
        holder,
        forced: force,
    };
    if force {
        problem.say_warning(lang);
        return None;
    }
    problem.say_error(lang);
    Some(ExitCode::FAILURE)
}

/// Refuses, unless `force`, to write a new report over an office's master holding a survey
/// ([`crate::survey::overwrite::replaces_master`]); with `force` it is said and written.
pub fn master_output(output: &Path, force: bool, lang: Lang) -> Option<ExitCode> {
    let refused = crate::survey::overwrite::replaces_master(output)?;
    if force {
        errln!("warning: {}", refused.describe(lang));
        return None;
    }
    CommandProblem::Overwrite(refused).say_error(lang);
    Some(ExitCode::FAILURE)
}

/// Refuses an output, before anything is read or written, that is not named `.wanted` (any
/// case; a printout over the master), that is one of the command's `inputs`,
/// or that is a division's answer ([`crate::survey::overwrite`]).
pub fn refused_output(
    output: &Path,
    wanted: Option<&'static str>,
    inputs: &[&Path],
    lang: Lang,
) -> Option<ExitCode> {
    if let Some(wanted) = wanted
        && !(output.extension()).is_some_and(|e| e.eq_ignore_ascii_case(wanted))
    {
        let path = output.to_path_buf();
        CommandProblem::OutputMisnamed { path, wanted }.say_error(lang);
        return Some(ExitCode::FAILURE);
    }
    let refused = crate::survey::overwrite::refused(output, inputs)?;
    CommandProblem::Overwrite(refused).say_error(lang);
    Some(ExitCode::FAILURE)
}

/// Opens the master of a survey: a `.ron` file (a report table has nowhere to keep the
/// survey's status: import it first).
pub fn open_master(path: &Path, lang: Lang) -> Result<Document, ExitCode> {
    let doc = Document::open(path).map_err(|e| {
        errln!("shinchoku: {}", e.describe(lang));
        ExitCode::from(UNREADABLE)
    })?;
    if doc.save_path().is_none() {
        CommandProblem::MasterNotRon {
            path: path.to_path_buf(),
        }
        .say_error(lang);
        return Err(ExitCode::FAILURE);
    }
    if let Some(r) = &doc.report().response {
        CommandProblem::MasterIsResponse {
            path: path.to_path_buf(),
            division: r.division.clone(),
        }
        .say_error(lang);
        return Err(ExitCode::FAILURE);
    }
    Ok(doc)
}

pub fn save_master(
    doc: &mut Document,
    path: &Path,
    force: bool,
    lang: Lang,
) -> Result<(), ExitCode> {
    let options = if force {
        SaveOptions::FORCE
    } else {
        SaveOptions::default()
    };
    doc.save_to_with(path, options).map_err(|e| {
        // The command's way past a lock is said with it (a LibreOffice lock left behind
        // blocked every command with no word of one).
        let past = match e {
            crate::document::SaveError::Locked { .. } => crate::lang::say(
                lang,
                "（--force で上書きします）".into(),
                " (--force overwrites it)".into(),
            ),
            _ => String::new(),
        };
        errln!("shinchoku: {}{past}", e.describe(lang));
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
    if output != report
        && let Some(refused) = locked_output(output, force, lang)
    {
        return Err(refused);
    }
    if let Err(e) = doc.perform(intent) {
        let report = crate::model::text::path_shown(report);
        errln!("shinchoku: {report}: {}", e.describe(lang));
        return Err(ExitCode::FAILURE);
    }
    save_master(doc, output, force, lang)
}

//! The `shinchoku` command line: one file per command, the clap definitions in [`args`], what
//! several commands share in `files` (opening a report or a survey's master, outputs another
//! Shinchoku has open, saving), what the command line itself says went wrong in [`problem`], and
//! [`console`] (output that leaves a closed pipe quietly and
//! shows each character that does not show as its mark).
//!
//! The command line speaks English, on purpose: its output is read by scripts and logs, which
//! should not change with the PC. The core's error and warning kinds are worded through
//! [`Describe`](crate::lang::Describe) with `Lang::En`; only `diff`, `collect`, `status`,
//! `send-back` and `as-of` also speak Japanese, with `--lang ja`, since what they print goes to
//! the office and the divisions; a usage mistake on a command line with `--lang ja` is said in
//! Japanese before clap's English ([`usage`]).
//!
//! With no command the window opens. `cli` and `app` are one layer (see the crate's doc), so
//! `run` is handed what opens the window rather than calling `app` itself: `main.rs` passes
//! `app::run`, or [`without_window`] in a build without the `gui` feature.

pub mod args;
mod as_of;
mod check;
mod collect;
pub mod console;
mod diff;
mod export;
mod files;
mod import;
mod print;
pub mod problem;
mod rollover;
mod sample;
mod send_back;
mod status;
mod survey;
mod usage;

use std::path::PathBuf;
use std::process::ExitCode;

pub use args::Args;
use args::Command;
use problem::CommandProblem;

/// Runs the command `args` names, or opens the window with `open_window` when it names none;
/// the exit code is 1 when its output could not be written (see [`console`]); `diff`'s is 2,
/// since its 1 says the reports differ.
pub fn run(
    args: Args,
    open_window: impl FnOnce(Vec<PathBuf>, Option<PathBuf>) -> ExitCode,
) -> ExitCode {
    let failed_output = match &args.command {
        Some(Command::Diff(_)) => ExitCode::from(files::UNREADABLE),
        _ => ExitCode::FAILURE,
    };
    let code = match &args.command {
        None => open_window(args.files, args.compare),
        Some(Command::Import(a)) => import::run(a),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Survey(a)) => survey::run(a),
        Some(Command::Collect(a)) => collect::run(a),
        Some(Command::Status(a)) => status::run(a),
        Some(Command::SendBack(a)) => send_back::run(a),
        Some(Command::AsOf(a)) => as_of::run(a),
        Some(Command::Diff(a)) => diff::run(a),
        Some(Command::Rollover(a)) => rollover::run(a),
        Some(Command::Sample(a)) => sample::run(a),
        Some(Command::Export(a)) => export::run(a),
        Some(Command::Print(a)) => print::run(a),
    };
    console::exit_code(code, failed_output)
}

/// Reads the command line and runs it. Help, the version and usage mistakes are written
/// through [`console`] like every command's output, so `shinchoku --help > out.txt` on a full
/// disk exits 1 (clap's own printing ignores the failure and exits 0) and a closed pipe is left
/// quietly.
pub fn parse_and_run(
    open_window: impl FnOnce(Vec<PathBuf>, Option<PathBuf>) -> ExitCode,
) -> ExitCode {
    use clap::Parser;
    use std::io::IsTerminal;
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let e = match Args::try_parse_from(&raw) {
        Ok(args) => return run(args, open_window),
        Err(e) => e,
    };
    let text = e.render();
    if e.use_stderr() {
        if usage::asks_japanese(&raw) {
            console::write_err(format_args!("{}", usage::in_japanese(&e)));
        }
        if std::io::stderr().is_terminal() {
            console::write_err(format_args!("{}", text.ansi()));
        } else {
            console::write_err(format_args!("{text}"));
        }
    } else if std::io::stdout().is_terminal() {
        console::write_out(format_args!("{}", text.ansi()));
    } else {
        console::write_out(format_args!("{text}"));
    }
    console::exit_code(
        ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
        ExitCode::FAILURE,
    )
}

/// What a build without the window does when no command is given.
pub fn without_window(_files: Vec<PathBuf>, _compare: Option<PathBuf>) -> ExitCode {
    CommandProblem::NoWindow.say_error(crate::lang::Lang::En);
    ExitCode::FAILURE
}

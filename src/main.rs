//! The `shinchoku` command: parsed and run by `shinchoku::cli`. With no command `cli` calls
//! back here to open the window, which only the binary may reach (`cli` and `app` are one
//! layer of the library).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    shinchoku::cli::parse_and_run(open_window)
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, compare: Option<PathBuf>) -> ExitCode {
    shinchoku::app::run(shinchoku::app::Start { files, compare })
}

#[cfg(not(feature = "gui"))]
fn open_window(files: Vec<PathBuf>, compare: Option<PathBuf>) -> ExitCode {
    shinchoku::cli::without_window(files, compare)
}

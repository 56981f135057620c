//! The window (eframe/egui): a thin layer over the core.

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_file: Option<PathBuf>) -> ExitCode {
    eprintln!("the window is not built yet");
    ExitCode::FAILURE
}

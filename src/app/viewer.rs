//! Files handed to the system: what opens a PDF or a web page on this desktop.

use std::path::Path;

/// Hands a file to the system's handler for its type (the PDF viewer, which prints it; the
/// browser, for the guide). Failing to start one is not fatal: the file is there, and the
/// status bar says where. `SHINCHOKU_NO_VIEWER` (set) starts nothing: for tests and scripts.
pub fn open_in_viewer(path: &Path) {
    if std::env::var_os("SHINCHOKU_NO_VIEWER").is_some() {
        return;
    }
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    let _ = command.spawn();
}

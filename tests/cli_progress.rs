//! Long work on the command line (print, diff --pdf, export, survey, collect) shows a bar on standard
//! error while it runs — on a terminal only. Piped into a script or a log, standard error
//! holds what the command says and no bar; on a terminal (a pseudo-terminal here) the bar is
//! drawn and wiped before the command's last line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/mie-h29-h1-report.tsv"
);

fn shinchoku(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The seed imported into a `.ron` master (a survey needs one).
fn master(dir: &Path) -> PathBuf {
    let path = dir.join("mie.ron");
    ok(&shinchoku(&["import", SEED, "-o", path.to_str().unwrap()]));
    path
}

fn assert_no_bar(what: &str, out: &Output) {
    ok(out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for mark in ["\r", "[#", "[.", "%"] {
        assert!(
            !stderr.contains(mark),
            "{what}: {mark:?} in piped stderr: {stderr:?}"
        );
    }
}

#[test]
fn piped_print_export_survey_and_collect_show_no_bar() {
    let dir = tempfile::tempdir().unwrap();
    let ron = master(dir.path());
    let ron = ron.to_str().unwrap();
    let pdf = dir.path().join("mie.pdf");
    let print = shinchoku(&["print", ron, "-o", pdf.to_str().unwrap()]);
    assert_no_bar("print", &print);
    assert!(pdf.exists());
    let xlsx = dir.path().join("mie.xlsx");
    assert_no_bar(
        "export",
        &shinchoku(&["export", ron, "-o", xlsx.to_str().unwrap()]),
    );
    let out = dir.path().join("sent");
    let survey = shinchoku(&[
        "survey",
        ron,
        "-o",
        out.to_str().unwrap(),
        "--format",
        "ron",
        "--today",
        "2017-10-02",
    ]);
    assert_no_bar("survey", &survey);
    let answer = out.join("総務部人事課.ron");
    assert!(
        answer.exists(),
        "{}",
        String::from_utf8_lossy(&survey.stdout)
    );
    let collect = shinchoku(&["collect", ron, answer.to_str().unwrap()]);
    assert_no_bar("collect", &collect);
    assert!(String::from_utf8_lossy(&collect.stdout).contains("taken: "));
}

/// A pseudo-terminal: its controlling side to read, and its terminal side's path.
#[cfg(unix)]
fn pseudo_terminal() -> (std::fs::File, PathBuf) {
    use std::ffi::CStr;
    use std::os::fd::FromRawFd;
    // SAFETY: plain libc calls on a descriptor this function owns; ptsname's buffer is copied
    // before any other call could reuse it.
    unsafe {
        let controller = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(controller >= 0, "posix_openpt");
        assert_eq!(libc::grantpt(controller), 0, "grantpt");
        assert_eq!(libc::unlockpt(controller), 0, "unlockpt");
        let name = libc::ptsname(controller);
        assert!(!name.is_null(), "ptsname");
        let path = PathBuf::from(CStr::from_ptr(name).to_str().unwrap());
        (std::fs::File::from_raw_fd(controller), path)
    }
}

/// Runs the binary with `args`, its standard error a pseudo-terminal: what it printed there,
/// and its output (standard output piped).
#[cfg(unix)]
fn on_a_terminal(args: &[&str]) -> (Output, String) {
    use std::io::Read;
    let (mut controller, terminal) = pseudo_terminal();
    let stderr = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&terminal)
        .unwrap();
    // Read while the command writes: a full terminal buffer would hold the command up.
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut chunk = [0u8; 4096];
        // Once the command ended and no one holds the terminal side, reading fails (EIO).
        while let Ok(n) = controller.read(&mut chunk) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&chunk[..n]);
        }
        seen
    });
    let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(args)
        .stderr(stderr)
        .output()
        .expect("the binary runs");
    let seen = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    (out, seen)
}

#[cfg(unix)]
#[test]
fn print_on_a_terminal_draws_the_bar_then_wipes_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("mie.pdf");
    let (out, seen) = on_a_terminal(&["print", SEED, "-o", pdf.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        seen.contains("\rprint: writing the PDF ["),
        "no bar on the terminal: {seen:?}"
    );
    assert!(
        seen.contains(&format!("[{}] 100%", "#".repeat(30))),
        "{seen:?}"
    );
    // Wiped at the end: the last thing on the line is blanks and a return to its start.
    assert!(seen.ends_with(" \r"), "{seen:?}");
    // Standard output (piped) has the command's line and nothing of the bar.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("page(s)"), "{stdout}");
    assert!(!stdout.contains('%') && !stdout.contains('\r'), "{stdout}");
}

/// `diff --pdf` draws its bar too (a change list of thousands of pages takes seconds), and
/// none when piped.
#[cfg(unix)]
#[test]
fn the_change_lists_pdf_draws_a_bar_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let ron = master(dir.path());
    let pdf = dir.path().join("changes.pdf");
    let args = [
        "diff",
        SEED,
        ron.to_str().unwrap(),
        "--pdf",
        pdf.to_str().unwrap(),
    ];
    let (out, seen) = on_a_terminal(&args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    assert!(
        seen.contains("\rdiff: writing the change list ["),
        "no bar on the terminal: {seen:?}"
    );
    assert!(seen.ends_with(" \r"), "{seen:?}");
    assert_no_bar("diff --pdf", &shinchoku(&args));
    assert!(pdf.exists());
}

//! The command line at the edges of its input and output: a reader that stops reading
//! (`shinchoku check big.ron | head -1`, issue 23 item 14), output that cannot be written, and
//! a read-only report it would overwrite (item 6).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/mie-h29-h1-report.tsv"
);

fn shinchoku() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shinchoku"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the command with standard output a pipe whose reader is gone before it starts, so
/// its first write meets a closed pipe; standard error is captured.
fn with_stdout_closed(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut command = shinchoku();
    command.args(args).stdout(writer).stderr(Stdio::piped());
    let out = command.output().expect("the binary runs");
    drop(command);
    out
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every subcommand that prints, each into a closed pipe: it ends quietly (no panic message,
/// no word of the pipe) with the exit code it has when its output is read, and what it writes to files
/// is still written.
#[test]
fn every_command_that_prints_ends_quietly_at_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| -> PathBuf { dir.path().join(name) };
    let (big, seed, survey) = (at("big.ron"), at("seed.ron"), at("照会"));
    let (csv, pdf, next) = (at("seed.csv"), at("seed.pdf"), at("next.ron"));
    let answer = survey.join("総務部管財課.ron");
    let runs: Vec<(Vec<&str>, u8, Option<PathBuf>)> = vec![
        (
            vec!["sample", "-o", arg(&big), "--initiatives", "2000"],
            0,
            Some(big.clone()),
        ),
        (vec!["check", arg(&big)], 0, None),
        (vec!["check", arg(&big), "--json"], 0, None),
        (
            vec!["import", SEED, "-o", arg(&seed)],
            0,
            Some(seed.clone()),
        ),
        (vec!["diff", arg(&seed), arg(&big)], 1, None),
        (vec!["diff", arg(&seed), arg(&big), "--json"], 1, None),
        (
            vec!["export", arg(&seed), "-o", arg(&csv)],
            0,
            Some(csv.clone()),
        ),
        (
            vec!["print", arg(&seed), "-o", arg(&pdf)],
            0,
            Some(pdf.clone()),
        ),
        (
            vec![
                "rollover",
                arg(&seed),
                "-o",
                arg(&next),
                "--to",
                "second-half",
            ],
            0,
            Some(next.clone()),
        ),
        (
            vec!["survey", arg(&seed), "-o", arg(&survey), "--format", "ron"],
            0,
            Some(answer.clone()),
        ),
        (vec!["status", arg(&seed)], 0, None),
        (vec!["status", arg(&seed), "--csv"], 0, None),
        (vec!["collect", arg(&seed), arg(&answer)], 0, None),
    ];
    for (args, code, writes) in runs {
        let out = with_stdout_closed(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(code.into()), "{args:?}: {stderr}");
        // Warnings of the input still come (import has one); nothing about the pipe.
        for unwanted in ["panicked", "Broken pipe", "standard output"] {
            assert!(!stderr.contains(unwanted), "{args:?}: {stderr}");
        }
        if let Some(file) = writes {
            assert!(file.exists(), "{args:?} wrote {}", file.display());
        }
    }
}

/// The case as reported: a reader that takes the first line and goes.
#[test]
fn the_first_line_of_a_long_output_is_read_and_the_command_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let made = shinchoku()
        .args(["sample", "-o", arg(&big), "--initiatives", "2000"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    for args in [
        vec!["check", arg(&big), "--json"],
        vec!["diff", SEED, arg(&big)],
    ] {
        let mut child = shinchoku()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        let expected = if args[0] == "diff" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(expected), "{args:?}");
    }
}

#[test]
fn a_closed_standard_error_ends_quietly_too() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = shinchoku()
        .args(["check", "/nonexistent/report.ron"])
        .stderr(writer)
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "unreadable input, as always");
}

/// Output that cannot be written for another reason than a gone reader is not lost without
/// a word: said on standard error, exit 1.
#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_is_said_and_fails() {
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .unwrap();
    // The help and the version too (clap's own printing ignored the failure: exit 0); `diff`
    // exits 2, its 1 saying the reports differ (a full disk read as "they differ").
    let differ = [
        "diff",
        SEED,
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-report.ron"),
    ];
    for (args, code) in [
        (&["check", SEED, "--json"][..], 1),
        (&["--help"], 1),
        (&["--version"], 1),
        (&differ, 2),
    ] {
        let out = shinchoku()
            .args(args)
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "shinchoku: cannot write to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_read_only_report_is_not_overwritten_by_a_command_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("master.ron");
    let made = shinchoku()
        .args(["import", SEED, "-o", arg(&out)])
        .output()
        .unwrap();
    assert!(made.status.success());
    let mut permissions = std::fs::metadata(&out).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&out, permissions).unwrap();
    let before = std::fs::read(&out).unwrap();
    for force in [false, true] {
        let mut args = vec!["sample", "-o", arg(&out)];
        if force {
            args.push("--force");
        }
        let run = shinchoku().args(&args).output().unwrap();
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert_eq!(
            text(&run.stderr),
            format!(
                "shinchoku: {}: the file is read-only (writing it is not permitted); not \
                 overwritten. Save under another name, or make the file writable and save \
                 again\n",
                out.display()
            ),
            "{args:?}"
        );
        assert_eq!(std::fs::read(&out).unwrap(), before, "{args:?}");
    }
}

#[test]
fn a_survey_of_a_read_only_master_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let master = dir.path().join("master.ron");
    let made = shinchoku()
        .args(["import", SEED, "-o", arg(&master)])
        .output()
        .unwrap();
    assert!(made.status.success());
    let mut permissions = std::fs::metadata(&master).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&master, permissions).unwrap();
    let out = dir.path().join("照会");
    let run = shinchoku()
        .args(["survey", arg(&master), "-o", arg(&out)])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with(&format!(
            "shinchoku: {}: the file is read-only",
            master.display()
        )),
        "{stderr}"
    );
    assert!(
        !out.exists(),
        "no response sent that the master could not record"
    );
}

/// An output named for another kind of file is refused before anything is read or written:
/// `print master.ron -o master.ron` replaced the report with a PDF (its latest state in no
/// backup), `import t.tsv -o t.tsv` the table with a report, `diff --pdf other.ron` another
/// report with no backup at all.
#[test]
fn an_output_named_for_another_kind_of_file_is_refused_and_that_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (master, table) = (dir.path().join("master.ron"), dir.path().join("t.tsv"));
    let made = shinchoku()
        .args(["import", SEED, "-o", arg(&master)])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    std::fs::copy(SEED, &table).unwrap();
    let (report, seed) = (
        std::fs::read(&master).unwrap(),
        std::fs::read(&table).unwrap(),
    );
    let runs: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["print", arg(&master), "-o", arg(&master)], 1, ".pdf"),
        (
            vec!["diff", SEED, arg(&master), "--pdf", arg(&master)],
            2,
            ".pdf",
        ),
        (vec!["import", arg(&table), "-o", arg(&table)], 1, ".ron"),
        (
            vec![
                "rollover",
                arg(&master),
                "-o",
                arg(&table),
                "--to",
                "second-half",
            ],
            1,
            ".ron",
        ),
        (vec!["sample", "-o", arg(&table)], 1, ".ron"),
        (
            vec!["as-of", arg(&master), "end", "-o", arg(&table)],
            1,
            ".ron",
        ),
    ];
    for (args, code, wanted) in runs {
        let out = shinchoku().args(&args).output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("name the output {wanted}")),
            "{args:?}: {stderr}"
        );
        assert_eq!(std::fs::read(&master).unwrap(), report, "{args:?}");
        assert_eq!(std::fs::read(&table).unwrap(), seed, "{args:?}");
        assert!(!dir.path().join("master.ron.bak").exists(), "{args:?}");
    }
}

/// `export`'s output not of its four kinds is refused before the report is read (it was read
/// first: a report that cannot be opened was said instead, exit 2, and a large one read for
/// nothing).
#[test]
fn an_export_of_no_kind_is_refused_before_the_report_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let out = shinchoku()
        .args([
            "export",
            arg(&missing),
            "-o",
            arg(&dir.path().join("r.pdf")),
        ])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the file name must end in .xlsx"),
        "{stderr}"
    );
    assert!(!dir.path().join("r.pdf").exists());
}

/// An output that is what the command reads, or a division's answer, is refused before
/// anything is written: `export t.tsv -o t.tsv` rewrote the table without the rows it kept
/// unread, `collect M A.ron -o A.ron` put the master over the answer it had just read, and
/// `export M -o q/総務部人事課.xlsx` replaced the division's workbook (no backup).
#[test]
fn an_output_that_is_an_input_or_an_answer_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let (master, table, answers) = (at("master.ron"), at("t.tsv"), at("照会"));
    std::fs::copy(SEED, &table).unwrap();
    let run = |args: &[&str]| {
        let out = shinchoku().args(args).output().unwrap();
        (out.status.code(), text(&out.stderr))
    };
    assert_eq!(run(&["import", SEED, "-o", arg(&master)]).0, Some(0));
    let survey = [
        "survey",
        arg(&master),
        "-o",
        arg(&answers),
        "--today",
        "2017-10-02",
        "--due",
        "2017-10-13",
    ];
    assert_eq!(run(&survey).0, Some(0), "{}", run(&survey).1);
    let (ron, book) = (
        answers.join("総務部人事課.ron"),
        answers.join("総務部人事課.xlsx"),
    );
    let kept = |p: &std::path::Path| std::fs::read(p).unwrap();
    let (before_table, before_ron, before_book) = (kept(&table), kept(&ron), kept(&book));
    for (args, said) in [
        (
            vec!["export", arg(&table), "-o", arg(&table)],
            "the output is a file being read",
        ),
        (
            vec!["collect", arg(&master), arg(&ron), "-o", arg(&ron)],
            "the output is a file being read",
        ),
        (
            vec!["export", arg(&master), "-o", arg(&book)],
            "the answer of 総務部人事課",
        ),
        (
            vec!["import", SEED, "-o", arg(&ron)],
            "the answer of 総務部人事課",
        ),
        (
            vec!["sample", "-o", arg(&ron)],
            "the answer of 総務部人事課",
        ),
    ] {
        let (code, stderr) = run(&args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert_eq!(kept(&table), before_table, "{args:?}");
        assert_eq!(kept(&ron), before_ron, "{args:?}");
        assert_eq!(kept(&book), before_book, "{args:?}");
    }
    // Read as a report, the answer workbook is said to be one, to be collected (it was said to
    // hold no report table, naming the hidden sheet searched).
    for args in [
        vec!["check", arg(&book)],
        vec!["import", arg(&book), "-o", arg(&at("x.ron"))],
    ] {
        let (code, stderr) = run(&args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("it is the answer of 総務部人事課 (a survey's answer workbook), not a report: take it into the master with collect"),
            "{args:?}: {stderr}"
        );
    }
}

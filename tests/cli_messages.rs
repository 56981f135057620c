//! What the command line itself says went wrong (`shinchoku::cli::problem`): every kind worded
//! in both languages, and the English the command line prints, byte for byte, for the seed and
//! variants of it made here.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use shinchoku::cli::problem::{ChangeListFailure, CommandProblem};
use shinchoku::lang::{Describe, Lang};
use shinchoku::print::changes::ListPdfError;
use shinchoku::print::pdf::PdfError;
use shinchoku::store::lock::LockHolder;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/mie-h29-h1-report.tsv"
);

fn shinchoku(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn holder() -> LockHolder {
    LockHolder {
        user: "yamada".into(),
        machine: "PC-0123".into(),
        pid: Some(4242),
        since: SystemTime::UNIX_EPOCH,
        started: None,
        token: "t".into(),
        program: None,
    }
}

/// One of each kind, with what the command line printed for it before the kinds existed.
fn every_kind() -> Vec<(CommandProblem, String)> {
    let path = PathBuf::from("out/報告.pdf");
    let who = holder().describe(Lang::En);
    let missing = || std::io::Error::from(std::io::ErrorKind::NotFound);
    let json = serde_json::from_str::<u32>("x").unwrap_err();
    let json_text = json.to_string();
    vec![
        (
            CommandProblem::OutputOpen { path: path.clone(), holder: holder(), forced: false },
            format!("out/報告.pdf: open in Shinchoku by {who}; not overwritten (--force overwrites it)"),
        ),
        (
            CommandProblem::OutputOpen { path: path.clone(), holder: holder(), forced: true },
            format!("out/報告.pdf: open in Shinchoku by {who}; overwritten (--force)"),
        ),
        (
            CommandProblem::MasterNotRon { path: path.clone() },
            "out/報告.pdf: needs a Shinchoku .ron report, where the survey and the as-of date are kept (import the table first)".into(),
        ),
        (
            CommandProblem::MasterIsResponse { path: path.clone(), division: "総務部管財課".into() },
            "out/報告.pdf: this is the response sent to 総務部管財課, not the master report".into(),
        ),
        (
            CommandProblem::NoDivision { division: "存在しない課".into(), path: path.clone() },
            "no 担当課 named 「存在しない課」 in out/報告.pdf".into(),
        ),
        (
            CommandProblem::NoSection { section: 9, path: path.clone() },
            "no section 9 in out/報告.pdf".into(),
        ),
        (
            CommandProblem::OutputNotWritten { path: path.clone(), error: missing() },
            format!("out/報告.pdf: cannot write: {}", missing()),
        ),
        (
            CommandProblem::ChangeListNotWritten {
                path: path.clone(),
                cause: ChangeListFailure::Write(missing()),
            },
            format!("out/報告.pdf: cannot write the change list: {}", missing()),
        ),
        (
            CommandProblem::ChangeListNotWritten {
                path: path.clone(),
                cause: ChangeListFailure::Pdf(ListPdfError::Pdf(PdfError::Font { bold: true })),
            },
            "out/報告.pdf: cannot write the change list: cannot write the PDF: the bundled bold font does not load".into(),
        ),
        (
            CommandProblem::ChangeListNotWritten {
                path: path.clone(),
                cause: ChangeListFailure::Pdf(ListPdfError::TooManyPages { pages: 11_321 }),
            },
            "out/報告.pdf: cannot write the change list: the list would have 11321 pages, more than the 6000 one printout may have; read it in the window or as JSON (shinchoku diff --json)".into(),
        ),
        (CommandProblem::JsonNotWritten(json), format!("cannot write JSON: {json_text}")),
        (
            CommandProblem::NoWindow,
            "built without the window (feature `gui`); use a subcommand, see --help".into(),
        ),
    ]
}

/// Kana or kanji outside what the message quotes (the path, 担当課, the division's name).
fn has_japanese_of_its_own(text: &str) -> bool {
    let own = text
        .replace("報告", "")
        .replace("担当課", "")
        .replace("総務部管財課", "")
        .replace("存在しない課", "");
    own.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

#[test]
fn every_command_problem_is_worded_in_english_as_before_and_in_japanese() {
    for (problem, english) in every_kind() {
        assert_eq!(problem.describe(Lang::En), english, "{problem:?}");
        let japanese = problem.describe(Lang::Ja);
        assert!(
            has_japanese_of_its_own(&japanese),
            "{problem:?}: {japanese}"
        );
        assert!(
            !japanese.contains("open in")
                && !japanese.contains("cannot")
                && !japanese.contains("no "),
            "{problem:?}: {japanese}"
        );
        // The path is named in both, whatever it is.
        if english.contains("out/報告.pdf") {
            assert!(japanese.contains("out/報告.pdf"), "{japanese}");
        }
    }
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn print_refuses_a_section_the_report_does_not_have_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grid.pdf");
    let run = shinchoku(&["print", SEED, "-o", out.to_str().unwrap(), "--section", "9"]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(stderr(&run), format!("shinchoku: no section 9 in {SEED}\n"));
    assert!(!out.exists());
}

#[test]
fn a_survey_refuses_a_table_as_its_master() {
    let dir = tempfile::tempdir().unwrap();
    let run = shinchoku(&[
        "survey",
        SEED,
        "-o",
        dir.path().join("照会").to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        stderr(&run),
        format!(
            "shinchoku: {SEED}: needs a Shinchoku .ron report, where the survey and the as-of date are kept (import the table first)\n"
        )
    );
    assert!(!dir.path().join("照会").exists());
}

fn master(dir: &Path) -> PathBuf {
    let ron = dir.join("master.ron");
    let run = shinchoku(&["import", SEED, "-o", ron.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    ron
}

#[test]
fn a_response_given_as_the_master_is_refused_naming_its_division() {
    let dir = tempfile::tempdir().unwrap();
    let ron = master(dir.path());
    let sent = dir.path().join("照会");
    let run = shinchoku(&[
        "survey",
        ron.to_str().unwrap(),
        "-o",
        sent.to_str().unwrap(),
        "--format",
        "ron",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let response = sent.join("総務部管財課.ron");
    let before = std::fs::read(&response).unwrap();
    for command in ["collect", "survey"] {
        let run = match command {
            "collect" => shinchoku(&["collect", response.to_str().unwrap(), ron.to_str().unwrap()]),
            _ => shinchoku(&[
                "survey",
                response.to_str().unwrap(),
                "-o",
                dir.path().to_str().unwrap(),
            ]),
        };
        assert_eq!(run.status.code(), Some(1), "{command}");
        assert_eq!(
            stderr(&run),
            format!(
                "shinchoku: {}: this is the response sent to 総務部管財課, not the master report\n",
                response.display()
            ),
            "{command}"
        );
    }
    assert_eq!(std::fs::read(&response).unwrap(), before);
}

#[test]
fn diff_says_which_change_list_it_could_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("no-such-folder").join("changes.pdf");
    let run = shinchoku(&["diff", SEED, SEED, "--pdf", pdf.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let said = stderr(&run);
    let expected = format!(
        "shinchoku: {}: cannot write the change list: ",
        pdf.display()
    );
    assert!(
        said.starts_with(&expected) && said.lines().count() == 1,
        "{said}"
    );
    assert!(run.stdout.is_empty());
}

/// With `--lang ja`, what the five commands that speak Japanese say of their files is Japanese
/// too: a master that cannot be read, an output misnamed (they said it in English, with the
/// operating system's English reason).
#[test]
fn the_commands_that_speak_japanese_say_their_file_errors_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let missing = missing.to_str().unwrap();
    for args in [
        vec!["status", missing, "--lang", "ja"],
        vec!["collect", missing, SEED, "--lang", "ja"],
        vec!["diff", missing, SEED, "--lang", "ja"],
        vec!["as-of", missing, "end", "--lang", "ja"],
        vec![
            "send-back",
            missing,
            "総務部人事課",
            "--note",
            "直してください",
            "--lang",
            "ja",
        ],
    ] {
        let out = shinchoku(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("ファイルを読めません"),
            "{args:?}: {stderr}"
        );
    }
    let out = shinchoku(&["as-of", SEED, "end", "-o", "x.txt", "--lang", "ja"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("書き出す先は .ron の名前にしてください"),
        "{stderr}"
    );
}

/// A usage mistake on a command line that asks for Japanese was said only in clap's English
/// (「invalid value 'abc' for '--today <TODAY>'」): it is said in Japanese first, clap's
/// English after; without `--lang ja` the English alone, as before.
#[test]
fn a_usage_mistake_with_lang_ja_is_said_in_japanese_first() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["status", SEED, "--lang", "ja", "--today"],
            "--today <TODAY> の値がありません",
        ),
        (
            &["status", SEED, "--today", "あした", "--lang", "ja"],
            "--today <TODAY> の値「あした」を読めません: 「あした」は日付ではありません",
        ),
        (
            &["diff", SEED, SEED, "--jsn", "--lang", "ja"],
            "「--jsn」という引数はありません",
        ),
        (
            &["collect", SEED, SEED, "--lang=ja", "--lang", "ja"],
            "--lang <LANG> は一度しか書けません",
        ),
        (
            &[
                "status",
                SEED,
                "--lang",
                "ja",
                "--csv",
                "--today",
                "2300-01-01",
            ],
            "--today <TODAY> の値「2300-01-01」を読めません: 2300-01-01 は照会の日付として受け付ける年（1989年～2199年）の外です",
        ),
    ];
    for (args, japanese) in cases {
        let out = shinchoku(args);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        let first = said.lines().next().unwrap_or_default();
        assert!(first.starts_with(japanese), "{args:?}: {said}");
        assert!(first.ends_with("（以下は英語の説明です）"), "{said}");
        assert!(
            said.lines().nth(1).unwrap().starts_with("error: "),
            "{said}"
        );
    }
    let english = shinchoku(&["status", SEED, "--today", "あした"]);
    let said = stderr(&english);
    assert!(said.starts_with("error: invalid value 'あした'"), "{said}");
    assert!(said.contains("「あした」 is not a date"), "{said}");
}

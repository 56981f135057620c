//! What the command line prints of the texts it reads: an ESC sequence or a right-to-left
//! override in an answer, a report or a division's name reaches the terminal as its mark
//! (`<ESC U+001B>`), never as the character a terminal acts on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use shinchoku::model::Side;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/mie-h29-h1-report.tsv"
);

/// Clears the screen, sets the window's title and turns the rest of the line around.
const HOSTILE: &str = "庁舎の修繕\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202E}gnp.exe\u{9b}31m(9月)";

fn shinchoku(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Everything printed, on both streams; it must hold nothing a terminal acts on.
fn printed(out: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for c in ['\u{1b}', '\u{7}', '\u{202E}', '\u{9b}'] {
        assert!(!text.contains(c), "U+{:04X} printed raw:\n{text}", c as u32);
    }
    text
}

/// Whether a string of the JSON value holds the text.
fn holds(value: &serde_json::Value, text: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains(text),
        serde_json::Value::Array(items) => items.iter().any(|v| holds(v, text)),
        serde_json::Value::Object(map) => map.values().any(|v| holds(v, text)),
        _ => false,
    }
}

/// The master, surveyed, and 管財課's answer with the hostile result added.
fn answered(dir: &Path) -> (PathBuf, PathBuf) {
    let master = dir.join("master.ron");
    assert!(
        shinchoku(&["import", SEED, "-o", path(&master)])
            .status
            .success()
    );
    let out = dir.join("照会");
    let run = shinchoku(&["survey", path(&master), "-o", path(&out), "--format", "ron"]);
    assert!(run.status.success());
    let answer = out.join("総務部管財課.ron");
    let mut report = shinchoku::store::open(&answer).unwrap();
    let topic = shinchoku::survey::topics_of(&report, "総務部管財課")[0];
    let (entry, _) = shinchoku::model::entry_text::new_entry(&mut report, HOSTILE);
    report
        .topic_mut(topic)
        .unwrap()
        .entries_mut(Side::Actual)
        .push(entry);
    shinchoku::store::save(&answer, &report).unwrap();
    (master, answer)
}

#[test]
fn collect_diff_and_check_print_an_answers_escape_sequences_as_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (master, answer) = answered(dir.path());
    let collected = dir.path().join("collected.ron");
    let run = shinchoku(&[
        "collect",
        path(&master),
        path(&answer),
        "-o",
        path(&collected),
    ]);
    assert!(run.status.success());
    let text = printed(&run);
    assert!(
        text.contains("warning: ") && text.contains(", result: 「庁舎の修繕<ESC U+001B>[2J"),
        "warned on the way in: {text}"
    );
    assert!(
        text.contains("<RLO U+202E>gnp.exe<CSI U+009B>31m"),
        "{text}"
    );
    // Taken in as written.
    let report = shinchoku::store::open(&collected).unwrap();
    let all: Vec<&str> = report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .map(|e| e.text.as_str())
        .collect();
    assert!(all.contains(&HOSTILE));

    let run = shinchoku(&["diff", path(&master), path(&collected)]);
    assert_eq!(run.status.code(), Some(1));
    let text = printed(&run);
    assert!(
        text.contains("庁舎の修繕<ESC U+001B>[2J<ESC U+001B>]0;pwned<BEL U+0007>"),
        "{text}"
    );

    let text = printed(&shinchoku(&[
        "diff",
        path(&master),
        path(&collected),
        "--lang",
        "ja",
    ]));
    assert!(text.contains("<RLO U+202E>"), "{text}");

    let run = shinchoku(&["check", path(&collected)]);
    assert!(run.status.success());
    let text = printed(&run);
    assert!(text.contains("<ESC U+001B>"), "{text}");

    // JSON: the same value, every such character escaped.
    for args in [
        vec!["check", path(&collected), "--json"],
        vec!["diff", path(&master), path(&collected), "--json"],
    ] {
        let run = shinchoku(&args);
        printed(&run);
        let value: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert!(holds(&value, HOSTILE), "{args:?}: the text is the answer's");
    }
}

#[test]
fn status_and_survey_print_a_divisions_name_as_marks_keeping_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    // A 担当課 whose name carries an escape sequence (written as a reference in the table).
    let table = std::fs::read_to_string(SEED)
        .unwrap()
        .replace("総務部人事課", "総務部&#27;[41m人事課");
    let tsv = dir.path().join("odd.tsv");
    std::fs::write(&tsv, table).unwrap();
    let master = dir.path().join("master.ron");
    let run = shinchoku(&["import", path(&tsv), "-o", path(&master)]);
    assert!(run.status.success());
    assert!(
        printed(&run).contains("<ESC U+001B>[41m"),
        "warned on import"
    );
    let out = dir.path().join("照会");
    let run = shinchoku(&[
        "survey",
        path(&master),
        "-o",
        path(&out),
        "--format",
        "xlsx",
    ]);
    assert!(run.status.success());
    let text = printed(&run);
    assert!(
        text.lines()
            .any(|l| l.starts_with("総務部<ESC U+001B>[41m人事課\t")),
        "{text}"
    );
    let run = shinchoku(&["status", path(&master), "--today", "2017-10-16"]);
    let text = printed(&run);
    let row = text
        .lines()
        .find(|l| l.starts_with("総務部<ESC U+001B>[41m人事課\t"))
        .expect("the division's row");
    assert_eq!(row.split('\t').count(), 6, "its columns: {row}");
    let run = shinchoku(&["status", path(&master), "--csv"]);
    let text = printed(&run);
    assert!(text.starts_with('\u{FEFF}'), "the mark Excel needs is kept");
    assert!(text.contains("総務部<ESC U+001B>[41m人事課,"), "{text}");
    // Its lines end as a CSV's do, CRLF — not as a mark written out.
    assert!(!text.contains("<CR"), "{text}");
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    assert!(
        lines.len() > 2 && lines.iter().all(|l| l.ends_with("\r\n")),
        "{text:?}"
    );
}

/// A result whose months cannot be read is warned about as it is taken in; the warning
/// quotes the result, which must reach the terminal as marks too.
#[test]
fn collect_prints_its_warnings_on_an_answers_text_as_marks() {
    let dir = tempfile::tempdir().unwrap();
    let (master, answer) = answered(dir.path());
    let mut report = shinchoku::store::open(&answer).unwrap();
    let topic = shinchoku::survey::topics_of(&report, "総務部管財課")[0];
    let (entry, _) = shinchoku::model::entry_text::new_entry(
        &mut report,
        "庁舎説明会の開催\u{1b}[2J\u{202E}(9月の第3水曜)",
    );
    report
        .topic_mut(topic)
        .unwrap()
        .entries_mut(Side::Actual)
        .push(entry);
    shinchoku::store::save(&answer, &report).unwrap();
    let run = shinchoku(&["collect", path(&master), path(&answer), "--lang", "ja"]);
    assert!(run.status.success());
    let text = printed(&run);
    assert!(
        text.lines().any(|l| l.starts_with("注意: ")
            && l.contains("庁舎説明会の開催<ESC U+001B>[2J<RLO U+202E>(9月の第3水曜)")),
        "{text}"
    );
}

/// `rollover` lists the results to confirm with their texts: an escape sequence in one is
/// printed as its mark.
#[test]
fn rollover_prints_the_results_to_confirm_as_marks() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let scheduled = "コンプライアンス・ミーティングの実施(9月～12月予定)";
    assert!(seed.contains(scheduled), "the seed's own 予定 result");
    let table = seed.replace(
        scheduled,
        "コンプライアンス・ミーティングの実施&#27;[2J&#8238;(9月～12月予定)",
    );
    let tsv = dir.path().join("odd.tsv");
    std::fs::write(&tsv, table).unwrap();
    let master = dir.path().join("master.ron");
    assert!(
        shinchoku(&["import", path(&tsv), "-o", path(&master)])
            .status
            .success()
    );
    let next = dir.path().join("next.ron");
    let run = shinchoku(&[
        "rollover",
        path(&master),
        "-o",
        path(&next),
        "--to",
        "second-half",
    ]);
    assert!(run.status.success());
    let text = printed(&run);
    assert!(
        text.contains("ミーティングの実施<ESC U+001B>[2J<RLO U+202E>(9月～12月予定)"),
        "{text}"
    );
}

/// A line break in a file's name is shown by its mark in every command's message:
/// `check $'a.ron\nshinchoku: a.ron: OK, 11 initiatives\nx.ron'` printed a forged 「OK」 line
/// under its refusal (a terminal shows a line break as a new line).
#[test]
fn a_line_break_in_a_file_name_prints_no_line_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let forged = "shinchoku: a.ron: OK, 11 initiatives";
    let name = dir.path().join(format!("a.ron\n{forged}\nx.ron"));
    std::fs::write(&name, "garbage").unwrap();
    // An output in a folder that is not there: the save's refusal names it.
    let output = dir.path().join(format!("none\n{forged}\nx")).join("y.ron");
    for args in [
        vec!["check", path(&name)],
        vec!["export", path(&name), "-o", "/nonexistent/x.csv"],
        vec!["print", path(&name), "-o", "/nonexistent/x.pdf"],
        vec!["import", SEED, "-o", path(&output)],
    ] {
        let out = shinchoku(&args);
        let text = printed(&out);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {text}");
        assert!(
            !text.lines().any(|l| l.starts_with(forged)),
            "{args:?}: {text}"
        );
        assert!(text.contains("<LF U+000A>"), "{args:?}: {text}");
    }
}

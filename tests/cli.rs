//! The command line as scripts use it: exit codes, messages naming the file, JSON counts.

use std::process::Command;

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

/// The run, which must succeed (its error output shown when it does not).
fn succeeded(args: &[&str]) -> std::process::Output {
    let out = shinchoku(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&succeeded(args).stdout).expect("JSON")
}

#[test]
fn check_json_on_the_seed() {
    let v = json(&["check", SEED, "--json"]);
    assert_eq!(v["sections"], 3);
    assert_eq!(v["initiatives"], 11);
    assert_eq!(v["action_items"], 24);
    assert_eq!(v["fiscal_year"], 2017);
    assert_eq!(v["period"], "first_half");
    let list = v["initiative_list"].as_array().unwrap();
    assert_eq!(list.len(), 11);
    let four = &list[3];
    assert_eq!(four["number"], "4");
    assert_eq!(
        four["divisions"],
        serde_json::json!(["総務部総務課", "総務部行財政改革推進課", "総務部人事課"])
    );
    let first_plan = &four["plan"][0];
    assert_eq!(first_plan["topic"], "組織体制・運営の検討");
    assert_eq!(first_plan["months"], serde_json::json!([4, 5, 6, 7, 8, 9]));
    assert_eq!(first_plan["scheduled"], false);
    // 11月～1月 in fiscal order.
    assert_eq!(four["plan"][2]["months"], serde_json::json!([11, 12, 1]));
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
}

#[test]
fn import_then_check_the_ron_gives_the_same_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.ron");
    let run = shinchoku(&["import", SEED, "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("3 sections, 11 initiatives, 24 action items"),
        "{stdout}"
    );
    let v = json(&["check", out.to_str().unwrap(), "--json"]);
    assert_eq!(
        (
            v["sections"].clone(),
            v["initiatives"].clone(),
            v["action_items"].clone()
        ),
        (3.into(), 11.into(), 24.into())
    );
}

#[test]
fn unreadable_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.tsv");
    std::fs::write(&junk, [0xFFu8, 0x00, 0x81, 0x20, 0xFE, 0x41]).unwrap();
    let missing = dir.path().join("missing.tsv");
    let bad_ron = dir.path().join("bad.ron");
    std::fs::write(&bad_ron, "(schema: 1, report: (title: 3))").unwrap();
    for path in [&junk, &missing, &bad_ron] {
        let out = shinchoku(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(path.to_str().unwrap()), "{stderr}");
    }
    let out = shinchoku(&["check", bad_ron.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1, column"));
}

#[test]
fn check_text_lists_the_warnings() {
    let out = shinchoku(&["check", SEED]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("11 initiatives"), "{text}");
    assert!(
        text.contains("warning: row 54, field 19 (年次計画)"),
        "{text}"
    );
}

#[test]
fn print_writes_a_pdf_and_refuses_an_unknown_division() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grid.pdf");
    let run = shinchoku(&[
        "print",
        SEED,
        "-o",
        out.to_str().unwrap(),
        "--paper",
        "b4",
        "--portrait",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("B4 portrait"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let run = shinchoku(&[
        "print",
        SEED,
        "-o",
        out.to_str().unwrap(),
        "--division",
        "存在しない課",
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("存在しない課"));
}

#[test]
fn check_json_says_where_each_initiative_and_plan_line_stands() {
    let v = json(&["check", SEED, "--json"]);
    let list = v["initiative_list"].as_array().unwrap();
    let statuses: Vec<&str> = list.iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(
        statuses,
        [
            "done",
            "in_progress",
            "done",
            "in_progress",
            "in_progress",
            "in_progress",
            "in_progress",
            "done",
            "late",
            "in_progress",
            "in_progress"
        ]
    );
    let ten = &list[9];
    // The self-check planned under one heading and reported under the other.
    let check = ten["plan_lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["text"] == "情報セキュリティ管理者セキュリティセルフチェック(8月)")
        .unwrap();
    assert_eq!(check["status"], "done");
    assert_eq!(
        check["reported_by"],
        serde_json::json!(["情報セキュリティ管理者セキュリティセルフチェック(8月)"])
    );
    // Plan entries carry their status and the results reporting them; results the plans.
    let four = &list[3];
    assert_eq!(four["plan"][2]["status"], "scheduled");
    assert_eq!(four["plan"][1]["status"], "in_progress");
    assert_eq!(
        four["plan"][1]["linked"],
        serde_json::json!(["組織定数調整方針の策定 方針案の検討(9月)"])
    );
    assert_eq!(
        four["actual"][1]["linked"],
        serde_json::json!(["組織定数調整方針の策定(10月) ※対応案の組織定数方針への反映"])
    );
}

/// The seed imported to `name` in `dir` through the command line.
fn imported(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let out = dir.join(name);
    let run = shinchoku(&["import", SEED, "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

#[test]
fn export_to_cp932_writes_the_wave_dash_and_check_reads_the_same_counts() {
    use shinchoku::document::Document;
    let dir = tempfile::tempdir().unwrap();
    let ron = imported(dir.path(), "report.ron");
    // Typed on a Mac: 〜 (U+301C), which CP932 writes as ～ (0x8160).
    let mut doc = Document::open(&ron).unwrap();
    let topic = doc.report().find_initiative("2").unwrap().topics[0].id;
    doc.edit(|r| {
        Ok(shinchoku::edit::add_entry(
            r,
            topic,
            shinchoku::model::Side::Actual,
            "事例紹介(4月〜9月)",
        )
        .0)
    })
    .unwrap();
    doc.save_to(&ron).unwrap();
    drop(doc);
    let tsv = dir.path().join("OUT.tsv");
    let run = shinchoku(&[
        "export",
        ron.to_str().unwrap(),
        "-o",
        tsv.to_str().unwrap(),
        "--encoding",
        "cp932",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&tsv).unwrap();
    assert!(bytes.windows(2).any(|w| w == [0x81, 0x60]));
    let from_ron = json(&["check", ron.to_str().unwrap(), "--json"]);
    let from_tsv = json(&["check", tsv.to_str().unwrap(), "--json"]);
    for key in [
        "sections",
        "initiatives",
        "action_items",
        "fiscal_year",
        "period",
    ] {
        assert_eq!(from_tsv[key], from_ron[key], "{key}");
    }
    let entries = |v: &serde_json::Value| -> usize {
        v["initiative_list"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["plan"].as_array().unwrap().len() + i["actual"].as_array().unwrap().len())
            .sum()
    };
    assert_eq!(entries(&from_tsv), entries(&from_ron));
    let two = &from_tsv["initiative_list"][1]["actual"];
    let last = &two[two.as_array().unwrap().len() - 1];
    assert_eq!(last["text"], "事例紹介(4月～9月)");
    assert_eq!(last["months"], serde_json::json!([4, 5, 6, 7, 8, 9]));
}

#[test]
fn a_report_open_in_shinchoku_is_not_overwritten_without_force() {
    use shinchoku::document::Document;
    let dir = tempfile::tempdir().unwrap();
    let ron = imported(dir.path(), "shared.ron");
    let before = std::fs::read(&ron).unwrap();
    // This test process has it open, as a colleague's Shinchoku would.
    let doc = Document::open(&ron).unwrap();
    let holder = doc.lock().unwrap().holder().clone();
    let tsv = dir.path().join("shared.tsv");
    std::fs::write(&tsv, "").unwrap();
    let held_tsv = shinchoku::store::lock::FileLock::acquire(&tsv).unwrap();
    for args in [
        vec!["import", SEED, "-o", ron.to_str().unwrap()],
        vec!["export", ron.to_str().unwrap(), "-o", tsv.to_str().unwrap()],
        vec!["sample", "-o", ron.to_str().unwrap()],
    ] {
        let run = shinchoku(&args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            stderr.contains("open in Shinchoku by")
                && stderr.contains(&holder.machine)
                && stderr.contains("--force"),
            "{stderr}"
        );
    }
    assert_eq!(std::fs::read(&ron).unwrap(), before);
    assert_eq!(std::fs::read(&tsv).unwrap(), b"");

    // --force overwrites, keeping the old version as the backup.
    let run = shinchoku(&[
        "sample",
        "-o",
        ron.to_str().unwrap(),
        "--force",
        "--initiatives",
        "20",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("overwritten (--force)"));
    assert_eq!(
        std::fs::read(dir.path().join("shared.ron.bak")).unwrap(),
        before
    );
    drop(held_tsv);
    let run = shinchoku(&["export", ron.to_str().unwrap(), "-o", tsv.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    drop(doc);
}

#[test]
fn import_over_an_existing_report_keeps_backups() {
    let dir = tempfile::tempdir().unwrap();
    let ron = imported(dir.path(), "r.ron");
    let first = std::fs::read(&ron).unwrap();
    let sample = dir.path().join("large.ron");
    let run = shinchoku(&[
        "sample",
        "-o",
        sample.to_str().unwrap(),
        "--initiatives",
        "30",
    ]);
    assert!(run.status.success());
    let run = shinchoku(&["import", SEED, "-o", ron.to_str().unwrap()]);
    assert!(run.status.success());
    // The same content: nothing to keep.
    assert!(!dir.path().join("r.ron.bak").exists());
    std::fs::copy(&sample, &ron).unwrap();
    let large = std::fs::read(&ron).unwrap();
    let run = shinchoku(&["import", SEED, "-o", ron.to_str().unwrap()]);
    assert!(run.status.success());
    assert_eq!(std::fs::read(&ron).unwrap(), first);
    assert_eq!(std::fs::read(dir.path().join("r.ron.bak")).unwrap(), large);
}

#[test]
fn diff_exits_0_when_same_1_when_different_2_when_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("h2.ron");
    let next = next.to_str().unwrap();
    let run = shinchoku(&["rollover", SEED, "-o", next, "--to", "second-half"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("下半期実績(10月～3月)"),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );

    let same = shinchoku(&["diff", SEED, SEED]);
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stdout).contains("no changes"));

    let different = shinchoku(&["diff", SEED, next]);
    assert_eq!(different.status.code(), Some(1));
    let text = String::from_utf8_lossy(&different.stdout);
    assert!(
        text.contains("reporting period: first half → second half"),
        "{text}"
    );
    // People read the fields' names, not the JSON's keys.
    assert!(text.contains("heading of the results column"), "{text}");
    assert!(!text.contains("actual_heading"), "{text}");

    let missing = dir.path().join("missing.ron");
    let unreadable = shinchoku(&["diff", SEED, missing.to_str().unwrap()]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unreadable.stderr).contains("missing.ron"));

    let out = shinchoku(&["diff", SEED, next, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["same"], false);
    assert_eq!(v["matched_by"], "id");
    assert_eq!(v["new"]["period"], "second_half");
    assert_eq!(v["new"]["as_of"], "2017-09-30");
    assert_eq!(v["report"][1]["field"], "period");

    // The change list on paper, in Japanese.
    let pdf = dir.path().join("changes.pdf");
    let printed = shinchoku(&[
        "diff",
        SEED,
        next,
        "--lang",
        "ja",
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(printed.status.code(), Some(1));
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(flat.contains("報告期間:上半期→下半期"), "{text}");
}

#[test]
fn print_keeps_together_what_it_is_told_and_fits_to_pages_tall() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grid.pdf");
    let summary = |extra: &[&str]| {
        let mut args = vec!["print", SEED, "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let run = shinchoku(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        String::from_utf8_lossy(&run.stdout).to_string()
    };
    // By topic (the default), whole initiatives (the layout before), rows.
    assert!(summary(&[]).contains("5 page(s), A3 landscape, text 10.0 pt"));
    assert!(summary(&["--keep", "initiative"]).contains("6 page(s)"));
    assert!(summary(&["--keep", "row"]).contains("5 page(s)"));
    // Fitted to 3 pages tall: the text is smaller, and says so.
    let fitted = summary(&["--fit-pages-tall", "3"]);
    assert!(fitted.contains("3 page(s)"), "{fitted}");
    assert!(!fitted.contains("text 10.0 pt"), "{fitted}");
    let run = shinchoku(&["print", SEED, "-o", out.to_str().unwrap(), "--keep", "page"]);
    assert!(!run.status.success());
}

#[test]
fn export_to_html_writes_the_web_page_and_an_unknown_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = shinchoku(&["export", SEED, "-o", page.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    assert!(text.contains("<caption>平成 29 年度「第二次三重県行財政改革取組」"));
    assert!(
        text.contains("<th scope=\"row\">② 協創による事業・業務の実施を促進する仕組みの構築</th>"),
        "an initiative title is a row header"
    );
    let odd = dir.path().join("report.docx");
    let refused = shinchoku(&["export", SEED, "-o", odd.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains(".html"));
    assert!(!odd.exists());
}

#[test]
fn print_is_tagged_unless_told_untagged() {
    let dir = tempfile::tempdir().unwrap();
    let has_structure = |extra: &[&str]| {
        let out = dir.path().join("grid.pdf");
        let mut args = vec!["print", SEED, "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let run = shinchoku(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let pdf = lopdf::Document::load(&out).expect("a PDF");
        pdf.catalog().unwrap().get(b"StructTreeRoot").is_ok()
    };
    assert!(has_structure(&[]));
    assert!(!has_structure(&["--untagged"]));
}

/// A character the bundled font lacks prints as a box, tagged or not: the run says which and
/// where (the tagged print refused the whole printout for it).
#[test]
fn print_names_what_prints_as_a_box() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("seed.tsv");
    let seed = std::fs::read_to_string(SEED).unwrap();
    let typed = seed.replacen(
        "職員向けメルマガにおける周知",
        "職員向けメルマガ🎉における周知",
        1,
    );
    assert_ne!(seed, typed);
    std::fs::write(&table, typed).unwrap();
    let out = dir.path().join("grid.pdf");
    for tagging in [None, Some("--untagged")] {
        let mut args = vec![
            "print",
            table.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(tagging);
        let run = succeeded(&args);
        let said = String::from_utf8_lossy(&run.stderr);
        assert!(
            said.contains("U+1F389") && said.contains("職員向けメルマガ🎉") && said.contains("box"),
            "{tagging:?}: {said}"
        );
    }
    // The seed as published has none to name.
    let plain = succeeded(&["print", SEED, "-o", out.to_str().unwrap(), "--untagged"]);
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("box"));
}

#[test]
fn print_adds_the_numbers_and_the_summary_page_unless_told_no_numbers() {
    // Indicators, effects and ratings in the layouts of 福知山市, いわき市 and 木津川市.
    let numbers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/measures-libreoffice.xlsx"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grid.pdf");
    let printed = |extra: &[&str]| {
        let mut args = vec!["print", numbers, "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let run = shinchoku(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = pdf_extract::extract_text(&out).expect("the PDF's text");
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        (String::from_utf8_lossy(&run.stdout).into_owned(), text)
    };
    let (said, text) = printed(&[]);
    assert!(said.contains("2 page(s)"), "{said}");
    assert!(
        text.contains("・電子申請件数目標1,200実績900達成率75%"),
        "{text}"
    );
    assert!(text.contains("集計表（平成29年度）"), "{text}");
    let (said, text) = printed(&["--no-numbers"]);
    assert!(said.contains("1 page(s)"), "{said}");
    assert!(text.contains("電子申請の拡大"));
    assert!(
        !text.contains("電子申請件数") && !text.contains("集計表"),
        "{text}"
    );
}

/// Two reports with numbers — the workbook LibreOffice saved and a copy whose actual and
/// self-rating were changed — compared by `diff`: both changes listed, in words and in JSON.
#[test]
fn diff_lists_a_changed_actual_and_a_changed_rating_of_two_workbooks() {
    use shinchoku::edit::Intent;
    use shinchoku::edit::measures::{IndicatorField, MeasureIntent, RatingLayer};
    let old = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/measures-libreoffice.xlsx"
    );
    let opened = shinchoku::open_report(std::path::Path::new(old)).expect("it opens");
    let first = opened.report.find_initiative("1").unwrap().id;
    let mut doc = shinchoku::document::Document::new(
        opened.report,
        shinchoku::document::Origin::Sample,
        Vec::new(),
    );
    doc.perform(Intent::Measure(MeasureIntent::SetIndicatorFigure {
        initiative: first,
        index: 1,
        field: IndicatorField::YearActual(shinchoku::model::FiscalYear(2017)),
        text: "1,150".into(),
    }))
    .unwrap();
    doc.perform(Intent::Measure(MeasureIntent::SetRating {
        initiative: first,
        layer: RatingLayer::SelfRating,
        code: "A".into(),
        by: String::new(),
        on: None,
    }))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("answered.xlsx");
    let bytes = shinchoku::export::xlsx::to_xlsx(doc.report(), &mut Vec::new()).unwrap();
    std::fs::write(&new, bytes).unwrap();
    let new = new.to_str().unwrap();

    let run = shinchoku(&["diff", old, new, "--lang", "ja"]);
    assert_eq!(run.status.code(), Some(1));
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        text.contains("指標「電子申請件数」の平成29年度実績: 900 → 1,150"),
        "{text}"
    );
    assert!(text.contains("自己評価: S → A"), "{text}");

    let v = json_exit(&["diff", old, new, "--json"], 1);
    let parts: Vec<(&str, &str)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "measure_changed")
        .map(|c| (c["part"].as_str().unwrap(), c["field"].as_str().unwrap()))
        .collect();
    assert_eq!(parts, [("indicator", "actual"), ("self_rating", "code")]);
}

fn json_exit(args: &[&str], code: i32) -> serde_json::Value {
    let out = shinchoku(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The seed imported into `dir/master.ron`.
fn master_ron(dir: &std::path::Path) -> std::path::PathBuf {
    let master = dir.join("master.ron");
    let run = shinchoku(&["import", SEED, "-o", master.to_str().unwrap()]);
    assert!(run.status.success());
    master
}

/// The seed imported into DIR/master.ron and surveyed as `.ron` responses into DIR/照会.
fn surveyed_ron(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let master = master_ron(dir);
    let out = dir.join("照会");
    let run = shinchoku(&[
        "survey",
        master.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "ron",
    ]);
    assert!(run.status.success());
    (master, out)
}

#[test]
fn survey_writes_a_response_per_division_and_records_it_in_the_master() {
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    let out = dir.path().join("照会");
    let run = shinchoku(&[
        "survey",
        master.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--due",
        "2017-10-13",
        "--today",
        "2017-10-02",
        "--note",
        "10月13日までに回答願います",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 16, "{names:?}");
    assert!(names.contains(&"総務部管財課.ron".to_string()));
    assert!(names.contains(&"総務部管財課.xlsx".to_string()));
    let response = shinchoku::store::open(&out.join("総務部管財課.ron")).unwrap();
    let marker = response.response.unwrap();
    assert_eq!(marker.division, "総務部管財課");
    assert_eq!(marker.note, "10月13日までに回答願います");

    // The master now records the survey; check --json shows it.
    let v = json(&["check", master.to_str().unwrap(), "--json"]);
    let rows = v["survey"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    assert!(
        rows.iter()
            .all(|r| r["standing"] == "sent" && r["due"] == "2017-10-13")
    );
    assert_eq!(v["id"], marker.report.0);

    // Only .xlsx.
    let only = dir.path().join("xlsx");
    let run = shinchoku(&[
        "survey",
        master.to_str().unwrap(),
        "-o",
        only.to_str().unwrap(),
        "--format",
        "xlsx",
    ]);
    assert!(run.status.success());
    assert_eq!(std::fs::read_dir(&only).unwrap().count(), 8);
}

#[test]
fn collect_applies_answers_holds_back_the_rest_and_refuses_another_report() {
    use shinchoku::model::Side;
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    let out = dir.path().join("照会");
    let run = shinchoku(&[
        "survey",
        master.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "ron",
    ]);
    assert!(run.status.success());

    // 管財課 answers: a result added to its topic, and (by hand) a plan text changed.
    let path = out.join("総務部管財課.ron");
    let mut answer = shinchoku::store::open(&path).unwrap();
    let topic = shinchoku::survey::topics_of(&answer, "総務部管財課")[0];
    let (entry, _) =
        shinchoku::model::entry_text::new_entry(&mut answer, "庁舎の修繕計画の策定(9月)");
    answer
        .topic_mut(topic)
        .unwrap()
        .entries_mut(Side::Actual)
        .push(entry);
    answer.topic_mut(topic).unwrap().plan[0].text = "計画の書き換え".into();
    shinchoku::store::save(&path, &answer).unwrap();

    let collected = dir.path().join("collected.ron");
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        path.to_str().unwrap(),
        "-o",
        collected.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("taken: 総務部管財課.ron (総務部管財課): results of 1 topic changed"),
        "{stdout}"
    );
    assert!(stdout.contains("held back"), "{stdout}");
    assert!(stdout.contains("changes the plan"), "{stdout}");
    let result = shinchoku::store::open(&collected).unwrap();
    let t = result.topic(topic).unwrap();
    assert_eq!(t.actual.last().unwrap().text, "庁舎の修繕計画の策定(9月)");
    assert_ne!(t.plan[0].text, "計画の書き換え", "held back");

    // --accept-out-of-scope takes it too.
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        path.to_str().unwrap(),
        "-o",
        collected.to_str().unwrap(),
        "--accept-out-of-scope",
    ]);
    assert!(run.status.success());
    let result = shinchoku::store::open(&collected).unwrap();
    assert_eq!(result.topic(topic).unwrap().plan[0].text, "計画の書き換え");

    // An answer to another report: refused, exit 1, saying which.
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("other.ron");
    assert!(
        shinchoku(&[
            "sample",
            "-o",
            other.to_str().unwrap(),
            "--initiatives",
            "12"
        ])
        .status
        .success()
    );
    let other_out = other_dir.path().join("照会");
    assert!(
        shinchoku(&[
            "survey",
            other.to_str().unwrap(),
            "-o",
            other_out.to_str().unwrap(),
            "--format",
            "xlsx"
        ])
        .status
        .success()
    );
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        other_out.join("総務部管財課.xlsx").to_str().unwrap(),
        "-o",
        collected.to_str().unwrap(),
        "--lang",
        "ja",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("拒否: 総務部管財課.xlsx: 別の報告への回答です"),
        "{stderr}"
    );

    // 提出状況 as CSV: 管財課 answered (in the collected report), the others overdue.
    let run = shinchoku(&[
        "status",
        collected.to_str().unwrap(),
        "--csv",
        "--today",
        "2099-01-01",
    ]);
    let csv = String::from_utf8_lossy(&run.stdout);
    assert!(
        csv.starts_with("\u{FEFF}division,standing,sent,due"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 9);
    let kanzai = csv
        .lines()
        .find(|l| l.starts_with("総務部管財課,"))
        .unwrap();
    assert!(
        kanzai.contains(",answered,") && kanzai.contains("総務部管財課.ron"),
        "{kanzai}"
    );
}

#[test]
fn every_command_takes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    // The seed exported to XLSX, and the same workbook as LibreOffice saved it.
    let run = shinchoku(&["export", SEED, "-o", &path("seed.xlsx")]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for workbook in [
        path("seed.xlsx"),
        format!("{fixtures}seed-libreoffice.ods"),
        format!("{fixtures}seed-libreoffice.xls"),
    ] {
        let v = json(&["check", &workbook, "--json"]);
        assert_eq!(
            (
                &v["sections"],
                &v["initiatives"],
                &v["action_items"],
                &v["fiscal_year"]
            ),
            (&3.into(), &11.into(), &24.into(), &2017.into()),
            "{workbook}"
        );
        assert_eq!(v["period"], "first_half");
    }
    let run = shinchoku(&["import", &path("seed.xlsx"), "-o", &path("seed.ron")]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        json(&["check", &path("seed.ron"), "--json"])["initiatives"],
        11
    );
    let run = shinchoku(&["print", &path("seed.xlsx"), "-o", &path("grid.pdf")]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        std::fs::read(path("grid.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let run = shinchoku(&["export", &path("seed.xlsx"), "-o", &path("again.tsv")]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let table = shinchoku(&["diff", SEED, &path("again.tsv")]);
    assert_eq!(
        table.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&table.stdout)
    );
    // A workbook cut short exits 2, naming the file.
    let bytes = std::fs::read(path("seed.xlsx")).unwrap();
    std::fs::write(path("cut.xlsx"), &bytes[..bytes.len() / 3]).unwrap();
    let out = shinchoku(&["check", &path("cut.xlsx")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cut.xlsx") && err.contains("XLSX workbook"),
        "{err}"
    );
}

#[test]
fn rollover_names_the_results_to_confirm_and_check_json_lists_them_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("h2.ron");
    let next = next.to_str().unwrap();
    let run = shinchoku(&["rollover", SEED, "-o", next, "--to", "second-half"]);
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    // As of the day the first half closed: nothing of the second half is late yet.
    assert!(
        said.contains("as of 2017年9月30日; 3 results to confirm"),
        "{said}"
    );
    let v = json(&["check", next, "--json"]);
    let listed = v["to_confirm"].as_array().expect("to_confirm");
    let nine = &listed[1];
    assert_eq!(nine["initiative"], "9");
    assert_eq!(nine["division"], "総務部管財課");
    assert_eq!(
        nine["text"],
        "県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)"
    );
    assert_eq!(nine["reported_in"], "first_half");
    // Each is printed by the rollover with the id `check --json` gives.
    for c in listed {
        let line = format!(
            "  result #{} of initiative {}",
            c["id"].as_u64().expect("a numeric id"),
            c["initiative"].as_str().unwrap()
        );
        assert!(said.contains(&line), "{line} in {said}");
    }
    assert_eq!(listed.len(), 3);
    // The fields there were before are kept.
    assert_eq!(v["period"], "second_half");
    assert_eq!(v["initiatives"], 11);
    assert!(v["survey"].is_array() && v["initiative_list"].is_array());
    assert_eq!(
        json(&["check", SEED, "--json"])["to_confirm"],
        serde_json::json!([])
    );
}

/// Issue 23, item 11: one hostile answer (a 7 KB workbook declaring 4,294,967,295 shared
/// strings, which made `collect` abort) is refused, naming the file and the limit; the other
/// answers of the batch are taken, the master is written, and no lock is left beside it.
/// An answer that cannot be read is refused naming its file once, then what is wrong.
#[test]
fn collect_names_an_unreadable_answer_once() {
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    let cut = dir.path().join("切れた回答.ron");
    std::fs::write(&cut, "(\n  schema: 4,\n  report: (").unwrap();
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        cut.to_str().unwrap(),
        "-o",
        dir.path().join("out.ron").to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("refused: 切れた回答.ron: "))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert_eq!(line.matches("切れた回答.ron").count(), 1, "{line}");
    assert!(line.contains("line 3"), "{line}");
}

/// A change that can only be made by hand says so once, with why.
#[test]
fn collect_says_once_why_a_change_cannot_be_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (master, out) = surveyed_ron(dir.path());
    // 管財課's file with an action item taken away: only the office can do that, by hand.
    let path = out.join("総務部管財課.ron");
    let mut answer = shinchoku::store::open(&path).unwrap();
    let topic = shinchoku::survey::topics_of(&answer, "総務部管財課")[0];
    let initiative = answer.initiative_of_topic(topic).unwrap().id;
    answer.initiative_mut(initiative).unwrap().items.pop();
    shinchoku::store::save(&path, &answer).unwrap();
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        path.to_str().unwrap(),
        "-o",
        dir.path().join("collected.ron").to_str().unwrap(),
        "--lang",
        "ja",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("取り込めません"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert_eq!(line.matches("取り込めません").count(), 1, "{line}");
    assert!(line.contains("手で直してください"), "{line}");
    // --accept-out-of-scope does not list it as taken.
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        path.to_str().unwrap(),
        "-o",
        dir.path().join("collected.ron").to_str().unwrap(),
        "--accept-out-of-scope",
        "--lang",
        "ja",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(!stdout.contains("取り込み済み"), "{stdout}");
    let heading = stdout.find("取り込まない変更:").expect("listed apart");
    assert!(stdout.find("取り込めません").unwrap() > heading, "{stdout}");
}

#[test]
fn collect_refuses_a_hostile_answer_takes_the_others_and_leaves_no_lock() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    let out = dir.path().join("照会");
    let run = shinchoku(&[
        "survey",
        master.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "xlsx",
    ]);
    assert!(run.status.success());
    // The hostile answer: 人事課's workbook with its shared-string count rewritten.
    let bytes = std::fs::read(out.join("総務部人事課.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut hostile = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..zip.len() {
        let mut part = zip.by_index(k).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = Vec::new();
        part.read_to_end(&mut text).unwrap();
        if name == "xl/sharedStrings.xml" {
            let xml = String::from_utf8(text).unwrap();
            let at = xml.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = at + xml[at..].find('"').unwrap();
            text = format!("{}4294967295{}", &xml[..at], &xml[end..]).into_bytes();
        }
        hostile
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        hostile.write_all(&text).unwrap();
    }
    let bad = dir.path().join("bad.xlsx");
    std::fs::write(&bad, hostile.finish().unwrap().into_inner()).unwrap();

    let good = out.join("総務部管財課.xlsx");
    let run = shinchoku(&[
        "collect",
        master.to_str().unwrap(),
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
    );
    assert_eq!(run.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("taken: 総務部管財課.xlsx (総務部管財課)"),
        "{stdout}"
    );
    assert!(stdout.contains("1 taken, 1 refused"), "{stdout}");
    assert!(
        stderr.contains("refused: bad.xlsx: xl/sharedStrings.xml: the XLSX workbook is beyond"),
        "{stderr}"
    );
    assert!(stderr.contains("at most 1000000"), "{stderr}");
    let report = shinchoku::store::open(&master).unwrap();
    let kanzai = report.survey_of("総務部管財課").unwrap();
    assert!(kanzai.received.is_some(), "the good answer is recorded");
    assert!(report.survey_of("総務部人事課").unwrap().received.is_none());
    let lock = shinchoku::store::lock::lock_path(&master);
    assert!(!lock.exists(), "no lock is left: {}", lock.display());
}

/// A `.ron` written by hand: initiative 1 with its indicator 電子申請件数 twice, initiatives 1
/// and 2 (both in section I) planning 5 × 10^18 yen each — each fits, their sum does not.
/// `check --json` says both, and gives the total as null, too large, never cut at i64::MAX.
#[test]
fn check_json_says_an_indicator_named_twice_and_a_total_too_large_in_a_crafted_ron() {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed.ron");
    let run = shinchoku(&["import", SEED, "-o", seed.to_str().unwrap()]);
    assert!(run.status.success());
    let text = std::fs::read_to_string(&seed).unwrap();
    let effect = "effects: [(fiscal_year: 2017, planned: (yen: Some(5000000000000000000)))]";
    let twice =
        r#"indicators: [(name: "電子申請件数", unit: "件"), (name: "電子申請件数", unit: "件")]"#;
    let at = |number: &str| format!("number: \"{number}\",\n");
    let crafted = text
        .replacen(
            &at("1"),
            &format!("{}measures: Some(({twice}, {effect})),\n", at("1")),
            1,
        )
        .replacen(
            &at("2"),
            &format!("{}measures: Some(({effect})),\n", at("2")),
            1,
        );
    assert_eq!(crafted.matches("5000000000000000000").count(), 2);
    let path = dir.path().join("crafted.ron");
    std::fs::write(&path, crafted).unwrap();
    let v = json(&["check", path.to_str().unwrap(), "--json"]);
    let warnings = v["warnings"].to_string();
    assert!(
        warnings.contains("initiative 1 has more than one indicator named 「電子申請件数」"),
        "{warnings}"
    );
    assert!(
        warnings.contains("the total of planned effects of section 「I 協創・現場重視の推進に向けて」 is too large to compute"),
        "{warnings}"
    );
    assert!(
        warnings.contains("the total of planned effects of the programme is too large to compute"),
        "{warnings}"
    );
    let effects = &v["summary"]["effects"];
    assert_eq!(effects["planned_yen"], serde_json::Value::Null);
    assert_eq!(effects["too_large"], serde_json::json!(["planned"]));
    assert!(!v.to_string().contains("9223372036854775807"));
    let both = &v["initiative_list"][0]["indicators"];
    assert_eq!(both.as_array().unwrap().len(), 2, "both kept");
}

/// A workbook on which calamine panics is refused as damaged, and the panic's message (a
/// source path and a slice index) never reaches the terminal.
#[test]
fn a_workbook_the_reader_panics_on_is_refused_without_the_panic_on_the_terminal() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/damaged-calamine-panics.xls"
    );
    let run = shinchoku(&["check", fixture]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("cannot be opened as an XLS workbook"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `check` on a workbook says what the numbers warn of as a whole (totals taken from an
/// earlier year), as `check` on the same report saved as `.ron` does.
#[test]
fn check_on_a_workbook_says_the_report_wide_numbers_warnings_too() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/layouts/iwaki.xlsx"
    );
    let run = shinchoku(&["check", fixture]);
    assert!(run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("counted cumulatively"), "{stdout}");
}

/// `status` on a division's response file says it is a response, as `survey` and `collect`
/// do, instead of listing the division as not sent.
#[test]
fn status_refuses_a_response_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = surveyed_ron(dir.path());
    let response = out.join("総務部人事課.ron");
    let run = shinchoku(&["status", response.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("総務部人事課"), "{stderr}");
    assert!(
        run.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

/// An export or printout made read-only is not replaced, as a read-only report is not: the
/// command exits 1 saying so, and the file keeps what it held.
#[cfg(unix)]
#[test]
fn export_and_print_leave_a_read_only_file_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for name in ["kept.tsv", "kept.xlsx", "kept.pdf"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let command = if name.ends_with("pdf") {
            "print"
        } else {
            "export"
        };
        let run = shinchoku(&[command, SEED, "-o", path.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("read-only"), "{name}: {stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old", "{name}");
    }
}

/// A survey's dates are of the years a survey's date is taken in (1989 to 2199): `+10000-01-01`
/// or `0000-01-01` is a typing slip, refused before anything is recorded. An era date is read
/// as `as-of` reads it (`平成29年10月20日` was refused by `status --today`).
#[test]
fn a_date_outside_the_reports_years_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    for day in ["+10000-01-01", "0000-01-01", "1900-04-01"] {
        let run = shinchoku(&["status", master.to_str().unwrap(), "--today", day]);
        assert_eq!(run.status.code(), Some(2), "{day}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("1989 to 2199"), "{day}: {stderr}");
    }
    // Read as the window reads a due date: slashes and full-width digits too.
    // And as `as-of` reads one: in an era, or with 年月日.
    for day in [
        "2017-10-20",
        "2017/10/20",
        "２０１７／１０／２０",
        "平成29年10月20日",
        "2017年10月20日",
    ] {
        let run = shinchoku(&["status", master.to_str().unwrap(), "--today", day]);
        assert!(run.status.success(), "{day}");
    }
}

/// A report with no sections printed tagged: krilla panicked, the column headings' marked
/// content being in no table (exit 101). Now its one page has the title and the headings,
/// read as a table of one heading row.
#[test]
fn a_report_without_rows_prints_its_title_and_headings() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = shinchoku::document::Document::sample().into_report();
    report.sections.clear();
    let input = dir.path().join("empty.ron");
    std::fs::write(&input, shinchoku::store::to_ron(&report)).unwrap();
    let out = dir.path().join("grid.pdf");
    let run = succeeded(&[
        "print",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("1 page(s)"));
    let text = pdf_extract::extract_text(&out).unwrap();
    assert!(
        text.contains("具体的取組") && text.contains("担当課"),
        "{text}"
    );
    let pdf = lopdf::Document::load(&out).expect("a PDF");
    assert!(pdf.catalog().unwrap().get(b"StructTreeRoot").is_ok());
}

/// 差戻し from the command line, as the window's 提出状況 does it: only an answer is sent back,
/// with a note; `status` shows it until the division answers again.
#[test]
fn send_back_marks_an_answer_for_correction_and_status_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (master, out) = surveyed_ron(dir.path());
    let m = master.to_str().unwrap();
    // Not answered yet: refused, the master unchanged.
    let before = std::fs::read(&master).unwrap();
    let refused = shinchoku(&["send-back", m, "総務部人事課", "--note", "時期を確認"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("has not answered"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(std::fs::read(&master).unwrap(), before);
    let answer = out.join("総務部人事課.ron");
    succeeded(&["collect", m, answer.to_str().unwrap()]);
    let sent = succeeded(&[
        "send-back",
        m,
        "総務部人事課",
        "--note",
        "懲戒処分基準の時期を確認してください",
        "--lang",
        "ja",
    ]);
    assert!(String::from_utf8_lossy(&sent.stdout).contains("差し戻しました"));
    let status = succeeded(&["status", m, "--lang", "ja"]);
    let line = String::from_utf8_lossy(&status.stdout)
        .lines()
        .find(|l| l.starts_with("総務部人事課"))
        .map(String::from)
        .unwrap();
    assert!(
        line.contains("差戻し") && line.contains("懲戒処分基準の時期を確認してください"),
        "{line}"
    );
}

/// Rolling into the next year starts initiative 4's 年次計画 (three 担当課, each on its own
/// topic) in the topics of its action items, each of its division: they went to one topic of
/// no division, which the next survey sent to nobody (said, then; now nothing is to say). A
/// line no topic takes would still go to a topic of no division, and be said.
#[test]
fn rollover_into_the_next_year_puts_each_plan_line_in_its_divisions_topic() {
    let dir = tempfile::tempdir().unwrap();
    let (h2, y2) = (dir.path().join("h2.ron"), dir.path().join("y2.ron"));
    let (h2, y2) = (h2.to_str().unwrap(), y2.to_str().unwrap());
    succeeded(&["rollover", SEED, "-o", h2, "--to", "second-half"]);
    let run = succeeded(&["rollover", h2, "-o", y2, "--to", "next-year"]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(!said.contains("no division"), "{said}");
    let report = json(&["check", y2, "--json"]);
    let four = (report["initiative_list"].as_array().unwrap().iter())
        .find(|i| i["number"] == "4")
        .unwrap();
    let placed: Vec<(String, String)> = (four["plan"].as_array().unwrap().iter())
        .map(|p| {
            let text = p["text"].as_str().unwrap().to_string();
            (text, p["division"].as_str().unwrap_or("").to_string())
        })
        .collect();
    assert_eq!(
        placed,
        [
            (
                "効率的で機動的な業務遂行が可能となる組織体制・運営の検討：随時実施",
                "総務部総務課"
            ),
            (
                "効率的で機動的な運用に向けたみえ成果向上サイクルの見直し：実施",
                "総務部行財政改革推進課"
            ),
            ("弾力的な勤務形態の検討：随時実施", "総務部人事課"),
        ]
        .map(|(t, d)| (t.to_string(), d.to_string()))
    );
}

/// After rolling over into the second half the report is as of 30 September until the office
/// moves it: `as-of` moves it (a day of the fiscal year, as offices write one, or `end`),
/// `check --json` says it, and a date outside the fiscal year is refused, exit 2, naming it
/// and the year. The command line had no way to move it.
#[test]
fn as_of_moves_the_date_and_refuses_a_day_outside_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("h2.ron");
    let next = next.to_str().unwrap();
    succeeded(&["rollover", SEED, "-o", next, "--to", "second-half"]);
    assert_eq!(json(&["check", next, "--json"])["as_of"], "2017-09-30");
    let said = succeeded(&["as-of", next, "平成30年1月31日", "--lang", "ja"]);
    assert!(String::from_utf8_lossy(&said.stdout).contains("時点を2018年1月31日にしました"));
    assert_eq!(json(&["check", next, "--json"])["as_of"], "2018-01-31");
    succeeded(&["as-of", next, "end"]);
    assert_eq!(json(&["check", next, "--json"])["as_of"], "2018-03-31");
    let refused = shinchoku(&["as-of", next, "2018-04-01"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("「2018-04-01」 is a date outside fiscal year 2017")
            && said.contains("write it as 2018-03-31"),
        "{said}"
    );
    // Text that is no date is said to be unread; in Japanese too.
    let refused = shinchoku(&["as-of", next, "H30.2.30", "--lang", "ja"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains(
            "「H30.2.30」を平成29年度（2017年4月1日～2018年3月31日）の日付として読めません"
        ),
        "{said}"
    );
    assert_eq!(json(&["check", next, "--json"])["as_of"], "2018-03-31");
}

/// The examples an `as-of` refusal gives are the report's own year end: a report of fiscal
/// 2018 was told to write 2018-03-31, a day it would refuse too.
#[test]
fn as_of_refusal_gives_the_reports_own_year_end() {
    let dir = tempfile::tempdir().unwrap();
    let (h2, y2) = (dir.path().join("h2.ron"), dir.path().join("y2.ron"));
    let (h2, y2) = (h2.to_str().unwrap(), y2.to_str().unwrap());
    succeeded(&["rollover", SEED, "-o", h2, "--to", "second-half"]);
    succeeded(&["rollover", h2, "-o", y2, "--to", "next-year"]);
    let refused = shinchoku(&["as-of", y2, "2018-03-31"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("outside fiscal year 2018") && said.contains("write it as 2019-03-31"),
        "{said}"
    );
    succeeded(&["as-of", y2, "2019-03-31"]);
}

/// Rolling into the next fiscal year closes the results the old year still asked to confirm
/// (the second half's, carried from the first, nobody having answered yet): said, each named,
/// where they ended without a word (「0 results to confirm」).
#[test]
fn rolling_into_the_next_year_says_the_results_closed_unconfirmed() {
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    let (h2, h3) = (dir.path().join("h2.ron"), dir.path().join("h3.ron"));
    let (master, h2, h3) = (
        master.to_str().unwrap(),
        h2.to_str().unwrap(),
        h3.to_str().unwrap(),
    );
    succeeded(&["rollover", master, "-o", h2, "--to", "second-half"]);
    let next = succeeded(&["rollover", h2, "-o", h3, "--to", "next-year"]);
    let stderr = String::from_utf8_lossy(&next.stderr);
    assert!(
        stderr.contains("3 results to confirm closed with the year unconfirmed"),
        "{stderr}"
    );
    assert!(stderr.contains("(8月～10月予定)"), "{stderr}");
    // Into the second half nothing closes.
    let half = succeeded(&["rollover", master, "-o", h2, "--to", "second-half"]);
    assert!(!String::from_utf8_lossy(&half.stderr).contains("unconfirmed"));
}

/// `import` and `rollover` write a new report: over an office's master holding a survey they
/// are refused (the record of who was asked and what was collected was replaced without a
/// word), written with `--force` and said; and a division's response is collected, not
/// imported (imported over the master it made the master that division's answer).
#[test]
fn a_surveyed_master_is_not_replaced_by_a_new_report_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let (master, out) = surveyed_ron(dir.path());
    let m = master.to_str().unwrap();
    let before = std::fs::read(&master).unwrap();
    let response = out.join("総務部税務企画課.ron");
    for args in [
        vec!["import", SEED, "-o", m],
        vec!["import", response.to_str().unwrap(), "-o", m],
        vec!["rollover", SEED, "-o", m, "--to", "second-half"],
    ] {
        let run = shinchoku(&args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        let said = String::from_utf8_lossy(&run.stderr);
        assert!(
            said.contains("a report holding a survey's record (8 division(s))")
                && said.contains("add --force to replace it"),
            "{said}"
        );
        assert_eq!(std::fs::read(&master).unwrap(), before, "{args:?}");
    }
    let elsewhere = dir.path().join("税務企画課.ron");
    let run = shinchoku(&[
        "import",
        response.to_str().unwrap(),
        "-o",
        elsewhere.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("this is the response sent to 総務部税務企画課: collect it into the master"),
        "{said}"
    );
    assert!(!elsewhere.exists());
    let run = succeeded(&["import", SEED, "-o", m, "--force"]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("warning:"));
    let written = std::fs::read_to_string(&master).unwrap();
    assert!(!written.contains("token:"), "the survey's record replaced");
}

/// An export or a printout named by a link is written where the link points, as a report is
/// saved: the link was replaced by a file and the published page it pointed at stayed old.
#[cfg(unix)]
#[test]
fn an_export_through_a_link_writes_where_it_points() {
    let dir = tempfile::tempdir().unwrap();
    let master = master_ron(dir.path());
    let web = dir.path().join("web");
    std::fs::create_dir(&web).unwrap();
    for name in ["index.html", "report.pdf"] {
        let target = web.join(name);
        std::fs::write(&target, "OLD PAGE").unwrap();
        let link = dir.path().join(format!("公開-{name}"));
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let command = if name.ends_with("pdf") {
            "print"
        } else {
            "export"
        };
        succeeded(&[
            command,
            master.to_str().unwrap(),
            "-o",
            link.to_str().unwrap(),
        ]);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let written = std::fs::read(&target).unwrap();
        assert!(
            written.len() > 1000 && !written.starts_with(b"OLD"),
            "{name}"
        );
    }
}

/// Two tables differing only in a note beside the table, kept unread: `diff` said "no changes"
/// and exited 0 ("the same"), never naming the text it did not compare. Now it names it, file
/// by file, and says that the unread text differs, exit 1. A file with none says nothing.
#[test]
fn diff_says_what_it_did_not_compare_and_differs_on_unread_text() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let with_note = |note: &str, name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{seed}\n\t\t\t\t\t\t\t\t\t\t\t{note}\n")).unwrap();
        path.to_str().unwrap().to_string()
    };
    let (a, b) = (
        with_note("未定稿：この表は差し替え前", "a.tsv"),
        with_note("確定版", "b.tsv"),
    );
    let out = shinchoku(&["diff", &a, &b, "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("読まなかった文字列が異なります（旧1件、新1件）"),
        "{text}"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("a.tsv: 読まなかった文字列1件は比較の外です"),
        "{said}"
    );
    // The same note on both sides: the same, and still said.
    let same = shinchoku(&["diff", &a, &a, "--lang", "ja"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stderr).contains("読まなかった文字列1件"));
    let seed = shinchoku(&["diff", SEED, SEED, "--lang", "ja"]);
    assert_eq!(String::from_utf8_lossy(&seed.stderr), "");
}

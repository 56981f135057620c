//! Inputs the fuzz targets (`fuzz/`) found to break a reader's promise, each kept once fixed.
//! The comment names the target and what it found.

use chrono::{NaiveDate, NaiveDateTime};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::months::{MonthProblem, parse_timing};
use shinchoku::model::validate::violations;
use shinchoku::model::{Entry, Id, Report, links};
use shinchoku::survey::answer::{Answer, answer_from_report, answer_from_workbook};
use shinchoku::survey::{self, ConflictKind, Refusal, collect, entries_text, workbook};

use crate::{initiative, seed, type_into_workbook};

/// `months`: separators alone (`,`) read as a timing with no month, which writes back as an
/// empty expression that does not read.
#[test]
fn separators_alone_are_no_month_expression() {
    for text in [",", "、", "、、", "及び", "，・，"] {
        let err = parse_timing(text).expect_err(text);
        assert_eq!(err.problem, MonthProblem::NoMonth, "{text}: {err}");
    }
}

/// `months`: an open end after other months (`5月～7月及び12月～`) was written back as `5月～`
/// alone, which reads as May to March.
#[test]
fn an_open_end_after_other_months_writes_back_what_it_read() {
    for text in ["5月～7月及び12月～", "4月、1月～", "～9月、6月～", "6月～"] {
        let timing = parse_timing(text).unwrap();
        let written = timing.to_japanese();
        assert_eq!(
            parse_timing(&written).unwrap(),
            timing,
            "{text} → {written}"
        );
    }
    assert_eq!(
        parse_timing("5月～7月及び12月～").unwrap().to_japanese(),
        "5月～7月、12月～"
    );
}

fn received() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, 10)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a date")
}

/// The seed with the survey sent to every division, as the `answer` target's master is.
fn surveyed_seed() -> Document {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let divisions = survey::divisions(doc.report());
    doc.perform(Intent::MarkSent {
        divisions,
        at: received(),
        due: None,
        tokens: Default::default(),
    })
    .expect("the survey is recorded as sent");
    doc
}

/// The plan line of initiative 7 the fuzzer changed (「テーマ別事業提案」の実施(4月～)), its
/// topic, that topic's 担当課, and the results reporting it (there are some).
fn reported_plan_line(report: &Report) -> (Id, Entry, String, Vec<Entry>) {
    let seven = initiative(report, "7");
    let (topic, line) = seven
        .topics
        .iter()
        .find_map(|t| {
            t.plan
                .iter()
                .find(|e| e.text.contains("「テーマ別事業提案」の実施"))
                .map(|e| (t, e))
        })
        .expect("initiative 7 plans 「テーマ別事業提案」の実施");
    let reporting: Vec<Entry> = links::results(seven)
        .into_iter()
        .filter(|(_, _, r)| r.reports.contains(&line.id))
        .map(|(_, _, r)| r.clone())
        .collect();
    assert!(!reporting.is_empty(), "a result reports {}", line.text);
    let division = survey::topic_divisions(seven, topic)[0].to_string();
    (topic.id, line.clone(), division, reporting)
}

/// Collects `answer` into `master`, accepting every conflict (as the `answer` target does),
/// and checks what a user is told and what the report then holds: the plan change says which
/// results it unlinks and which it pairs with the plan as it will stand (with the line as
/// `retyped`, when one was), the report keeps the model's rules, those results report nothing
/// gone, keep their other links and report the line named; undo gives the report back.
fn accept_everything(
    master: &mut Document,
    answer: Answer,
    (topic, reporting): (Id, &[Entry]),
    retyped: Option<&str>,
) {
    let before = master.report().clone();
    let gone: Vec<Id> = before
        .topic(topic)
        .unwrap()
        .plan
        .iter()
        .map(|e| e.id)
        .collect();
    let c = collect(
        &before,
        vec![Ok::<_, (String, Refusal)>(answer)],
        received(),
    );
    assert!(c.refused.is_empty(), "{:?}", c.refused);
    let k = c
        .conflicts()
        .iter()
        .position(|x| x.kind == ConflictKind::Plan { topic })
        .expect("the plan change is a conflict");
    let texts: Vec<String> = reporting.iter().map(|r| r.text.clone()).collect();
    let said = &c.conflicts()[k].unlinks;
    assert_eq!(
        said.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
        texts
    );
    // A line retyped: its results go with it, as the report read again pairs them.
    if let Some(line) = retyped {
        assert!(
            (said.iter()).all(|(_, to)| to.as_deref().is_some_and(|t| t.contains(line))),
            "{said:?}"
        );
    }
    let ja = c.conflicts()[k].describe(Lang::Ja);
    let en = c.conflicts()[k].describe(Lang::En);
    assert!(ja.contains(&texts[0]), "{ja}");
    for (result, to) in said {
        match to {
            Some(line) => {
                assert!(ja.contains(&format!("「{result}」→「{line}」")), "{ja}");
                assert!(ja.contains("受け入れ後の計画行に対応付け直します"), "{ja}");
                assert!(en.contains("to the plan as it will stand"), "{en}");
            }
            None => {
                assert!(ja.contains("対応付けが外れます"), "{ja}");
                assert!(en.contains("accepting it unlinks"), "{en}");
            }
        }
    }

    let every: Vec<usize> = (0..c.conflicts().len()).collect();
    master.perform(c.intent(&every).unwrap()).unwrap();
    assert_eq!(violations(master.report()), Vec::new());
    let plan_now: Vec<&Entry> = master.report().topic(topic).unwrap().plan.iter().collect();
    for (r, (_, to)) in reporting.iter().zip(said) {
        let now = master
            .report()
            .entry(r.id)
            .expect("the result is still there");
        // Its other links kept; the one taken away gone, or the line the conflict named.
        let mut expected: Vec<Id> = r
            .reports
            .iter()
            .copied()
            .filter(|p| !gone.contains(p) || plan_now.iter().any(|e| e.id == *p))
            .collect();
        if let Some(line) = to {
            expected.extend(plan_now.iter().filter(|e| e.text == *line).map(|e| e.id));
        }
        assert_eq!(now.reports.to_vec(), expected, "{}", r.text);
    }
    assert!(master.undo());
    assert_eq!(*master.report(), before);

    // Accepted on its own after the answer was taken in: the same.
    master.perform(c.intent(&[]).unwrap()).unwrap();
    master.perform(c.accept_intent(k).unwrap()).unwrap();
    assert_eq!(violations(master.report()), Vec::new());
}

/// The plan line as the fuzzer retyped it.
const RETYPED: &str = "「テーマ別事暚提案」の実施";

/// `answer` (`.xlsx`): a response workbook with one character of a plan line changed
/// (「テーマ別事業提案」 → 「テーマ別事暚提案」: one byte of the zip changed), every conflict
/// accepted: the retyped line was a new plan entry, and the result that reported the old
/// one went on reporting an entry no longer there (a report `open` repairs with a warning);
/// then it reported nothing, and the line turned 遅れ, where the report read again paired them.
#[test]
fn a_plan_line_retyped_in_a_workbook_pairs_the_results_that_reported_it_with_the_line_as_retyped() {
    let mut master = surveyed_seed();
    let (topic, _, division, reporting) = reported_plan_line(master.report());
    let response = survey::response_for(master.report(), &division, None, "");
    let plan = entries_text(&master.report().topic(topic).unwrap().plan);
    let retyped = plan.replace("テーマ別事業提案」の実施", "テーマ別事暚提案」の実施");
    let typed = type_into_workbook(&workbook::write(&response).unwrap(), &plan, &retyped);
    let answer = answer_from_workbook(&typed, format!("{division}.xlsx")).unwrap();
    accept_everything(&mut master, answer, (topic, &reporting), Some(RETYPED));
}

/// The same with the division's results typed too: the results the answer brings (cloned
/// from the master's, links and all) are unlinked in the edit itself.
#[test]
fn a_plan_line_retyped_beside_new_results_pairs_the_results_the_answer_brings_with_it() {
    let mut master = surveyed_seed();
    let (topic, _, division, reporting) = reported_plan_line(master.report());
    let response = survey::response_for(master.report(), &division, None, "");
    let t = master.report().topic(topic).unwrap();
    let (plan, results) = (entries_text(&t.plan), entries_text(&t.actual));
    let retyped = plan.replace("テーマ別事業提案」の実施", "テーマ別事暚提案」の実施");
    let book = workbook::write(&response).unwrap();
    let book = type_into_workbook(&book, &plan, &retyped);
    let book = type_into_workbook(&book, &results, &format!("{results}\n・意見交換会(9月)"));
    let answer = answer_from_workbook(&book, format!("{division}.xlsx")).unwrap();
    accept_everything(&mut master, answer, (topic, &reporting), Some(RETYPED));
}

/// The cause in a `.ron` answer: a plan line the division deleted.
#[test]
fn a_plan_line_deleted_in_a_ron_answer_unlinks_the_results_that_reported_it() {
    let mut master = surveyed_seed();
    let (topic, line, division, reporting) = reported_plan_line(master.report());
    let mut response = survey::response_for(master.report(), &division, None, "");
    response
        .topic_mut(topic)
        .unwrap()
        .plan
        .retain(|e| e.id != line.id);
    let answer = answer_from_report(response, format!("{division}.ron")).unwrap();
    accept_everything(&mut master, answer, (topic, &reporting), None);
}

/// The numbers fixture's report table, as Shinchoku exports it.
fn numbers_table() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/measures-libreoffice.xlsx"
    );
    let (report, _) = shinchoku::import::import_any(&std::fs::read(path).unwrap(), None).unwrap();
    shinchoku::export::table::to_table_text(&report)
}

/// The numbers fixture's report table (as Shinchoku exports it) with the cell under `heading`
/// on initiative 3's row (総務部管財課, indicator 未利用地の売却件数) set to `text`.
pub(crate) fn numbers_table_with(heading: &str, text: &str) -> String {
    let table = numbers_table();
    let mut lines: Vec<String> = table.lines().map(String::from).collect();
    let header: Vec<&str> = lines
        .iter()
        .find(|l| l.starts_with("番号\t"))
        .unwrap()
        .split('\t')
        .collect();
    let at = lines.iter().position(|l| l.starts_with("3\t③")).unwrap();
    let mut fields: Vec<&str> = lines[at].split('\t').collect();
    // The 工程 cells come between the text columns and the numbers on an initiative's row.
    let shift = fields.iter().position(|f| *f == "総務部管財課").unwrap()
        - header.iter().position(|h| *h == "担当課").unwrap();
    let k = shift + header.iter().position(|h| *h == heading).unwrap();
    assert_eq!(fields[k], "", "{heading} is empty in the fixture");
    fields[k] = text;
    lines[at] = fields.join("\t");
    lines.join("\n")
}

fn numbers_by_initiative(report: &Report) -> Vec<(String, shinchoku::model::measures::Measures)> {
    report
        .initiatives()
        .map(|i| (i.number.clone(), i.measures().clone()))
        .collect()
}

/// `report` exported as a table and imported again: the table and what it reads as.
fn read_back(report: &Report) -> (String, Report) {
    let table = shinchoku::export::table::to_table_text(report);
    let back = shinchoku::import::import_text(&table)
        .unwrap_or_else(|e| panic!("the exported table imports again: {e}"))
        .report;
    (table, back)
}

/// `report` exported as a table imports again with the same numbers; the table.
fn reads_back_the_same(report: &Report) -> String {
    let (table, back) = read_back(report);
    assert_eq!(numbers_by_initiative(&back), numbers_by_initiative(report));
    table
}

/// `table`: a 基準年度 that names no year (「10」, the 最終目標 moved one cell left when a tab
/// was lost) was dropped without a word, leaving an empty baseline that the exported table
/// does not write, so the table read back differently.
#[test]
fn a_base_year_that_names_no_year_is_kept_unread_and_said() {
    let imported = shinchoku::import::import_text(&numbers_table_with("基準年度", "10")).unwrap();
    let report = &imported.report;
    let indicator = &report
        .initiatives()
        .find(|i| i.number == "3")
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!(indicator.name, "未利用地の売却件数");
    assert_eq!(indicator.baseline, None);
    assert!(
        report.unread.iter().any(|u| u.text == "10" && u.row == 21),
        "{:?}",
        report.unread
    );
    let said: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::En))
        .collect();
    assert!(
        said.iter().any(|w| w.contains("row 21")
            && w.contains("基準年度")
            && w.contains("「10」")
            && w.contains("kept unread")),
        "{said:?}"
    );
    let ja = crate::described_ja(&imported.warnings);
    assert!(
        ja.iter()
            .any(|w| w.contains("基準年度「10」は年度として読めません")),
        "{ja:?}"
    );
    reads_back_the_same(report);
}

/// `table`, the same cause: a bare dash as the 基準値 (no value) made an empty baseline, which
/// the exported table does not write.
#[test]
fn a_bare_dash_as_base_value_makes_no_baseline_and_reads_back_the_same() {
    let imported = shinchoku::import::import_text(&numbers_table_with("基準値", "―")).unwrap();
    let report = &imported.report;
    let indicator = &report
        .initiatives()
        .find(|i| i.number == "3")
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!(indicator.baseline, None);
    reads_back_the_same(report);
}

/// `table`: a 基準年度 far from the report's year (`3297年度`) was written back in the short
/// form of the report's era (`1309年度`), which reads as Showa's 3234. A year that far from the
/// plan is now kept unread, and said (the fourth attack: such years made thousands of
/// columns); one 42 years after it (`2060年度`) is read and written back in full.
#[test]
fn a_far_base_year_is_written_back_as_the_same_year() {
    let far = shinchoku::import::import_text(&numbers_table_with("基準年度", "3297年度")).unwrap();
    assert!(
        far.report
            .unread
            .iter()
            .any(|u| u.text.contains("3297年度"))
    );
    let imported =
        shinchoku::import::import_text(&numbers_table_with("基準年度", "2060年度")).unwrap();
    let report = &imported.report;
    let indicator = &report
        .initiatives()
        .find(|i| i.number == "3")
        .unwrap()
        .measures()
        .indicators[0];
    let year = indicator.baseline.as_ref().and_then(|b| b.year);
    assert_eq!(year, Some(shinchoku::model::era::FiscalYear(2060)));
    let again = reads_back_the_same(report);
    assert!(again.contains("\t2060年度\t"), "written in full");
}

/// The numbers fixture's report, its headings or title changed, exported as a table and read
/// back: the same year and the same numbers.
fn reads_back_with(change: impl FnOnce(&mut Report)) -> (Report, Report) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/measures-libreoffice.xlsx"
    );
    let (mut report, _) =
        shinchoku::import::import_any(&std::fs::read(path).unwrap(), None).unwrap();
    change(&mut report);
    let (_, back) = read_back(&report);
    (report, back)
}

/// `table`: a 実績 heading that says 担当 (「上半期実績(4月～9月)担当課」) was taken for the
/// 担当課 column, which moved every numbers column of the exported table one field left: the
/// unit read as the 見出し, the direction as the unit.
#[test]
fn an_actual_heading_that_says_tanto_is_not_the_division_column() {
    let (report, back) = reads_back_with(|r| {
        r.headings.actual = "上半期実績(4月～9月)担当課".into();
    });
    assert_eq!(back.actual_heading(), report.actual_heading());
    assert_eq!(numbers_by_initiative(&back), numbers_by_initiative(&report));
}

/// `table`: a title without a year and a 年次計画 heading without 計画 (mangled as
/// 「平成 29 年度 年歯表」): the heading was taken from the numbers' 計画額 column instead, the
/// year with it, and the exported table did not import again (no fiscal year found). Now no
/// heading is read for it, so the table's next export writes the year's own heading.
#[test]
fn the_plan_heading_is_not_taken_from_a_numbers_column() {
    let (report, back) = reads_back_with(|r| {
        r.title = "「第二次三重県行財政改革取組」具体的取組 上半期実績".into();
        r.headings.plan = "平成 29 年度 年歯表".into();
    });
    assert!(
        !back.plan_heading().contains("計画額"),
        "{}",
        back.plan_heading()
    );
    assert_eq!(back.fiscal_year, report.fiscal_year);
    assert_eq!(numbers_by_initiative(&back), numbers_by_initiative(&report));
}

/// `table`: a header row whose 実績 heading is gone and whose fifth field says 取組項目 (a
/// stage table's heading, moved there by a lost tab). Taking the fifth field as the heading
/// made the exported header row read as a stage table's, and the table did not import again;
/// no 実績 heading is read, and the table reads back the same.
#[test]
fn a_header_without_an_actual_heading_takes_no_other_cell_for_it() {
    let table = crate::SEED.replacen(
        "平成 29 年度 年次計画\t上半期実績(4月～9月)\t担当課",
        "平成 29 年度 年次計画\t取組項目\t担当課",
        4,
    );
    assert_ne!(table, crate::SEED);
    let report = shinchoku::import::import_text(&table).unwrap().report;
    assert!(
        report.headings.actual != "取組項目",
        "{:?}",
        report.headings
    );
    let (_, back) = read_back(&report);
    assert_eq!(back.fiscal_year, report.fiscal_year);
    assert_eq!(back.actual_heading(), report.actual_heading());
    assert_eq!(back.initiatives().count(), report.initiatives().count());
}

/// `table`: a title without a year, a header row whose year is 令和50 (2068) and whose 年次計画
/// heading is gone, and further down a repeated header row saying 「平成29年度 年次計画」. The
/// later heading was taken as the report's, so the exported table read back as FY2017 and the
/// indicators' 「29年度」 columns (read near 2068 as 令和29) moved to another year. Now the
/// heading of another year is not taken, kept unread and said, and the numbers read back the
/// same.
#[test]
fn a_repeated_header_of_another_year_is_not_taken_for_the_plan_heading() {
    let table = numbers_table();
    let mut lines: Vec<String> = table.lines().map(String::from).collect();
    let header_at = lines.iter().position(|l| l.starts_with("番号\t")).unwrap();
    let header = lines[header_at].clone();
    let plan_heading = header.split('\t').nth(3).unwrap().to_string();
    assert!(plan_heading.contains("年次計画"), "{plan_heading}");
    for line in &mut lines[..header_at] {
        *line = line.replace("令和", "").replace("平成", "");
    }
    lines[header_at] = header.replacen(&plan_heading, "令和50年度 年次予定", 1);
    let third = lines.iter().position(|l| l.starts_with("3\t③")).unwrap();
    lines.insert(
        third,
        header.replacen(&plan_heading, "平成29年度 年次計画", 1),
    );
    let imported = shinchoku::import::import_text(&lines.join("\n")).unwrap();
    let report = &imported.report;
    assert_eq!(report.fiscal_year.0, 2068);
    assert_eq!(report.plan_heading(), "令和50年度 年次計画");
    assert!(
        report
            .unread
            .iter()
            .any(|u| u.text == "平成29年度 年次計画"),
        "{:?}",
        report.unread
    );
    let said = crate::described_ja(&imported.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("「平成29年度 年次計画」") && w.contains("令和50年度")),
        "{said:?}"
    );
    let (_, back) = read_back(report);
    assert_eq!(back.fiscal_year, report.fiscal_year);
    assert_eq!(numbers_by_initiative(&back), numbers_by_initiative(report));
}

/// `table`: a title without a year, the year only in the header's 担当課 heading and a 年次計画
/// heading naming none (mangled 「平成29伴lx 年次計画」 in the find). The heading was taken as
/// written; the exported table, whose 担当課 heading is the plain one, then named no year at
/// all and did not import again. Now such a heading is kept unread and said, and the export
/// writes the year's own.
#[test]
fn a_plan_heading_without_the_year_is_not_taken_when_the_title_has_none() {
    let table = crate::SEED
        .replacen(
            "平成 29 年度「第二次三重県行財政改革取組」",
            "「第二次三重県行財政改革取組」",
            1,
        )
        .replace(
            "平成 29 年度 年次計画\t上半期実績(4月～9月)\t担当課\t",
            "年次計画\t上半期実績(4月～9月)\t担当課(平成29年度)\t",
        );
    let imported = shinchoku::import::import_text(&table).unwrap();
    let report = &imported.report;
    assert_eq!(report.fiscal_year.0, 2017);
    assert_eq!(report.plan_heading(), "平成29年度 年次計画");
    assert!(report.unread.iter().any(|u| u.text == "年次計画"));
    assert!(
        imported.warnings.iter().any(|w| w
            .describe(Lang::Ja)
            .contains("見出し「年次計画」は報告の年度(平成29年度)")),
        "{:?}",
        imported.warnings
    );
    let (_, back) = read_back(report);
    assert_eq!(back.fiscal_year, report.fiscal_year);
    assert_eq!(back.initiatives().count(), report.initiatives().count());
}

/// The numbers fixture's table with `cells` (heading, text) set on initiative 3's row, imported:
/// the report, and its warnings in Japanese.
fn numbers_row_with(cells: &[(&str, &str)]) -> (Report, Vec<String>) {
    let mut table = numbers_table();
    for (heading, text) in cells {
        table = set_in_numbers_row(&table, heading, text);
    }
    let imported = shinchoku::import::import_text(&table).unwrap();
    let said = imported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect();
    (imported.report, said)
}

fn set_in_numbers_row(table: &str, heading: &str, text: &str) -> String {
    set_in_row(table, ("3\t③", "総務部管財課"), heading, text)
}

/// `table` with the cell under `heading` set to `text` on the row starting with `prefix`,
/// whose 担当課 is `division` (the 工程 cells shift the numbers on an initiative's row).
fn set_in_row(table: &str, (prefix, division): (&str, &str), heading: &str, text: &str) -> String {
    let mut lines: Vec<String> = table.lines().map(String::from).collect();
    let header: Vec<&str> = lines
        .iter()
        .find(|l| l.starts_with("番号\t"))
        .unwrap()
        .split('\t')
        .collect();
    let at = lines.iter().position(|l| l.starts_with(prefix)).unwrap();
    let mut fields: Vec<&str> = lines[at].split('\t').collect();
    let shift = fields.iter().position(|f| *f == division).unwrap()
        - header.iter().position(|h| *h == "担当課").unwrap();
    let k = shift + header.iter().position(|h| *h == heading).unwrap();
    fields[k] = text;
    lines[at] = fields.join("\t");
    lines.join("\n")
}

fn self_rating_of_3(report: &Report) -> Option<shinchoku::model::measures::Rating> {
    report
        .find_initiative("3")
        .unwrap()
        .measures()
        .self_rating
        .clone()
}

/// `table`: a 自己評価 cell of 「:」 (a code cut off by a lost tab) was read as the first word
/// before the colon — an empty rating, which the exported table did not write, so it read back
/// as none. A rating cell is kept as written unless it is a level, or a level's code and its
/// label; 「A：一部遅れ」 is not made A.
#[test]
fn a_rating_cell_is_kept_as_written_unless_it_is_a_level_and_its_label() {
    for (written, code, warned) in [
        (":", ":", true),
        ("A：一部遅れ", "A：一部遅れ", true),
        ("A：良好に進捗", "A", false),
        ("A 良好に進捗", "A", false),
        ("B", "B", false),
    ] {
        let (report, said) = numbers_row_with(&[("自己評価", written)]);
        let rating = self_rating_of_3(&report).expect("a self-rating");
        assert_eq!(rating.code, code, "{written}");
        assert_eq!(
            said.iter().any(|w| w.contains(&format!("「{code}」"))),
            warned,
            "{written}: {said:?}"
        );
        reads_back_the_same(&report);
    }
}

/// A 評価日 that is no date (「11月1日」) was dropped without a word, and so was a 評価者 or
/// 評価日 with no rating left of it. Both are kept unread and said.
#[test]
fn a_rating_date_that_is_no_date_and_a_rater_without_a_rating_are_kept_and_said() {
    let (report, said) = numbers_row_with(&[("自己評価", "B"), ("評価日", "11月1日")]);
    let rating = self_rating_of_3(&report).unwrap();
    assert_eq!((rating.code.as_str(), rating.on), ("B", None));
    assert!(report.unread.iter().any(|u| u.text == "11月1日"));
    assert!(
        said.iter()
            .any(|w| w.contains("評価日「11月1日」は日付として読めません")),
        "{said:?}"
    );

    let (report, said) = numbers_row_with(&[("自己評価", ""), ("評価者", "管財課長")]);
    assert_eq!(self_rating_of_3(&report), None);
    assert!(report.unread.iter().any(|u| u.text == "管財課長"));
    assert!(said.iter().any(|w| w.contains("管財課長")), "{said:?}");
}

/// `table`: a bare dash in the 基準値 and 実績値 of an initiative with no indicator (initiative
/// 2) started an indicator holding nothing, which the exported table does not write, so the
/// table read back without it. A row whose indicator cells read as nothing starts none.
#[test]
fn indicator_cells_holding_only_dashes_start_no_indicator() {
    let row = ("2\t②", "総務部人事課");
    let table = set_in_row(&numbers_table(), row, "基準値", "-");
    let table = set_in_row(&table, row, "29年度実績値", "－");
    let report = shinchoku::import::import_text(&table).unwrap().report;
    let two = report.find_initiative("2").unwrap();
    assert!(two.measures().indicators.is_empty(), "{:?}", two.measures());
    assert_eq!(
        two.measures().self_rating.as_ref().map(|r| r.code.as_str()),
        Some("A")
    );
    reads_back_the_same(&report);
}

/// `table`: a bare dash in both effect cells of a year (initiative 2's 29年度計画額 and
/// 29年度実績額) made an effect holding nothing, which the exports do not write, so the table
/// read back without it. A year whose effect cells read as nothing has no effect.
#[test]
fn effect_cells_holding_only_dashes_make_no_effect() {
    let row = ("2\t②", "総務部人事課");
    let table = set_in_row(&numbers_table(), row, "29年度計画額", "-");
    let table = set_in_row(&table, row, "29年度実績額", "－");
    let report = shinchoku::import::import_text(&table).unwrap().report;
    let two = report.find_initiative("2").unwrap();
    assert!(two.measures().effects.is_empty(), "{:?}", two.measures());
    reads_back_the_same(&report);
}

/// `table`: an initiative number starting with a character that does not show (DC2, U+0012,
/// as a paste leaves it) is exported as `&#18;2`, which was read back raw: no initiative's
/// number, the row not understood, the initiative and its numbers gone.
#[test]
fn an_initiative_number_after_a_control_character_survives_the_table_export() {
    for c in ['\u{12}', '\u{1A}', '\u{0F}'] {
        let text = crate::SEED.replacen("\n2\t", &format!("\n{c}2\t"), 1);
        let first = shinchoku::import::import_text(&text).unwrap().report;
        assert!(first.initiatives().any(|i| i.number == format!("{c}2")));
        let tsv = shinchoku::export::table::to_table_text(&first);
        assert!(
            tsv.contains(&format!("&#{};2", c as u32)),
            "exported as a reference"
        );
        let again = shinchoku::import::import_text(&tsv).unwrap().report;
        let numbers = |r: &Report| {
            r.initiatives()
                .map(|i| i.number.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(&again), numbers(&first));
        let items = |r: &Report| r.initiatives().map(|i| i.items.len()).sum::<usize>();
        assert_eq!(items(&again), items(&first));
    }
}

/// `table`: a CP932 table whose stage table is not closed and names one item `3年`: exported,
/// the copy after the table (取組項目 2年度 3年) was counted as three year headings wide, and
/// the indicator 「.」 after it shifted into another column on reading back; and the report,
/// which has no title, read the money unit line written under the title (「（単位：千円）」) as
/// its title.
#[test]
fn an_item_read_as_a_year_in_the_plain_copy_keeps_the_numbers_in_place() {
    let bytes = b"\x95\xbd\x90\xac2\x94N\t\x94\xd4\x8d\x86\t\x8b\xef\x91\xcc\x93I\x8e\xe6\x91g\x92S\x93\x96\t\x8ew\x95W\n1\t@\t<table><th><tr><th>3\x94N\t\t\t\t.";
    let report = shinchoku::import::import_bytes(bytes).unwrap().report;
    let one = report.find_initiative("1").unwrap();
    assert_eq!(one.measures().indicators[0].name, ".");
    let table = reads_back_the_same(&report);
    let again = shinchoku::import::import_text(&table).unwrap().report;
    assert_eq!(again.unread, report.unread);
    assert_eq!((again.title.as_str(), again.programme.as_str()), ("", ""));
}

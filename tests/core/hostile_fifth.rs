//! Hostile files found by the fifth attack, each kept with what must hold now: an answer
//! workbook's number format of 70,000 decimals that panicked, one of megabytes copied into
//! every warning (and every row), a number answered on a thousand rows each warning copying a
//! 10 MB answer; a table cell of `&` without `;` and a result of thousands of brackets that
//! read in minutes; and a figure with a unit in an indicator without one that came back from
//! the exported table with the unit taken from it.

use shinchoku::export::{Encoding, Format};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::WarningKind;
use shinchoku::model::measures::Figure;
use shinchoku::survey::{self, collect, workbook};

use crate::measures::seed_with_measures;
use crate::measures_cycle::sent;
use crate::{SEED, october as at, rewrite_part, survey_due as due};

/// 人事課's sent workbook with its first 実績 cell (E8) a number, 1234, in format `code`.
fn number_in_format(code: &str) -> (shinchoku::document::Document, Vec<u8>) {
    let format = format!(r#"<numFmt numFmtId="165" formatCode="{code}"/>"#);
    number_in_style(&format, 165, "1234")
}

/// 人事課's sent workbook with its first 実績 cell (E8) the number `value` in a cell format of
/// number format `id`, the `<numFmt>` elements `formats` added (none for a built-in one, which
/// Excel and openpyxl write by id alone).
pub fn number_in_style(
    formats: &str,
    id: u32,
    value: &str,
) -> (shinchoku::document::Document, Vec<u8>) {
    let master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let book = workbook::write(&r).unwrap();
    let book = rewrite_part(&book, "xl/styles.xml", |xml| {
        let text = r#"<numFmt numFmtId="164" formatCode="@"/>"#;
        let xf = format!(
            r#"<xf numFmtId="{id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        );
        xml.replacen(text, &format!("{text}{formats}"), 1)
            .replace(r#"<cellXfs count="7">"#, r#"<cellXfs count="8">"#)
            .replace("</cellXfs>", &format!("{xf}</cellXfs>"))
    });
    let book = rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        assert!(xml.contains(r#"<c r="E8" s="6"/>"#));
        xml.replace(
            r#"<c r="E8" s="6"/>"#,
            &format!(r#"<c r="E8" s="7"><v>{value}</v></c>"#),
        )
    });
    (master, book)
}

/// A number format of 70,000 decimals, or of 70,000 zeros, or one of a megabyte: no format
/// Excel writes. The cell's value is read and said, the warning naming the format by its start.
#[test]
fn a_number_format_no_excel_writes_is_read_as_the_value_and_named_short() {
    let zeros = "0".repeat(70_000);
    let megabyte = format!("0.{}", "0".repeat(1_000_000));
    for code in [format!("0.{zeros}"), zeros.clone(), megabyte] {
        let (master, book) = number_in_format(&code);
        let a = survey::answer::answer_from_workbook(&book, "人事課.xlsx".into()).unwrap();
        let c = collect(master.report(), vec![Ok(a)], at(10));
        let said: Vec<String> = (c.warnings.iter())
            .filter(|w| matches!(w.warning.kind, WarningKind::NumberFormatNotShown { .. }))
            .map(|w| w.describe(Lang::Ja))
            .collect();
        assert_eq!(said.len(), 1, "{:?}", c.warnings);
        assert!(said[0].chars().count() < 600, "{}", said[0].len());
    }
}

/// One number of the 数値回答 sheet answered with a 1 MB text and again on 300 more rows:
/// each row is said, the answers quoted by their start (each warning held the 1 MB answer, a
/// thousand rows of it gigabytes), and neither answer is taken.
#[test]
fn a_number_answered_on_many_rows_is_said_row_by_row_quoting_the_answers_short() {
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let division = shinchoku::edit::measures::measures_division(first).unwrap();
    let response = survey::response_for(&master, division, None, "");
    let book = workbook::write(&response).unwrap();
    let long = "1".repeat(1_000_000);
    let book = rewrite_part(&book, "xl/worksheets/sheet2.xml", |xml| {
        let id = xml.find(r#"<c r="F4""#).unwrap();
        let id_cell = &xml[id..id + xml[id..].find("</c>").unwrap() + 4];
        let id_value = &id_cell[id_cell.find("<v>").unwrap()..];
        let answer = xml.find(r#"<c r="E4""#).unwrap();
        let answer_end = answer + xml[answer..].find("</c>").unwrap() + 4;
        let mut xml = format!(
            r#"{}<c r="E4" t="inlineStr"><is><t>{long}</t></is></c>{}"#,
            &xml[..answer],
            &xml[answer_end..]
        );
        let extra: String = (100..400)
            .map(|r| {
                format!(
                    r#"<row r="{r}"><c r="E{r}" t="inlineStr"><is><t>2</t></is></c><c r="F{r}" t="s">{id_value}</row>"#
                )
            })
            .collect();
        let end = xml.find("</sheetData>").unwrap();
        xml.insert_str(end, &extra);
        match xml.find("<dimension ") {
            Some(d) => xml.replace(&xml[d..d + xml[d..].find("/>").unwrap() + 2], ""),
            None => xml,
        }
    });
    let a = survey::answer::answer_from_workbook(&book, format!("{division}.xlsx")).unwrap();
    let c = collect(&master, vec![Ok(a)], at(10));
    let twice: Vec<String> = (c.warnings.iter())
        .filter(|w| w.describe(Lang::Ja).contains("行目"))
        .map(|w| serde_json::to_string(&w.warning).unwrap())
        .collect();
    // As kept (and written by `collect --json`), not only as worded.
    assert!(twice.len() >= 300, "{}", twice.len());
    assert!(twice.iter().all(|w| w.len() < 4_000), "{}", twice[0].len());
}

/// A report table's result cell of 300,000 `&` and no `;` (and of `&#` alike) reads as
/// written (each `&` looked for its `;` to the text's end: minutes).
#[test]
fn a_cell_of_ampersands_without_semicolons_reads_as_written() {
    let line = "職員向けメルマガにおける周知(6月)";
    for run in ["&", "&#"] {
        let typed = format!("{line}{}", run.repeat(300_000 / run.len()));
        let table = SEED.replacen(line, &typed, 1);
        let read = shinchoku::import::import_text(&table).unwrap().report;
        let found = (read.initiatives().flat_map(|i| &i.topics))
            .flat_map(|t| &t.actual)
            .any(|e| e.text == typed);
        assert!(found, "{run}");
    }
}

/// A result of 30,000 brackets that read as counts before its month (`(6/1)(6/1)…(6月)`): its
/// month is read and its text kept (each count put before the others was quadratic).
#[test]
fn a_result_of_thousands_of_brackets_before_its_month_reads() {
    let text = format!("研修の実施{}(6月)", "(6/1)".repeat(30_000));
    let entry = shinchoku::model::entry_text::read_entry(&text, true, &mut Vec::new());
    assert_eq!(entry.text, text);
    let months = entry.timing.expect("its month").months;
    assert_eq!(months.calendar_months(), vec![6]);
}

/// An indicator without a unit, its actual answered 「12%」 (kept as written, said): the
/// exported workbook and table open with the indicator still without a unit and the actual
/// still as written (the unit was taken from the cell, the actual read as 12 and counted).
#[test]
fn a_figure_with_a_unit_in_an_indicator_without_one_comes_back_as_written() {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let year = report.fiscal_year;
    let x = &mut report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0];
    x.unit.clear();
    x.year_mut(year).actual = Figure {
        value: None,
        unread: "12%".into(),
    };
    let want = x.clone();
    for format in [Format::Xlsx, Format::Table] {
        let again = crate::exported_and_read(&report, format, Encoding::Utf8);
        let back = &again.sections[0].initiatives[0].measures().indicators[0];
        assert_eq!(back.unit, want.unit, "{format:?}");
        assert_eq!(back.year(year), want.year(year), "{format:?}");
    }
}

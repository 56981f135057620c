//! Hostile files found by the second attack (each a few KB here; `scripts/attack.sh` runs them
//! at full size under the time and memory bounds): what each must read as, or how it must be
//! refused. Before, each aborted for memory or ran for minutes.

use rust_xlsxwriter::{Format, Workbook};
use shinchoku::import::{WorkbookFormat, import_any, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::Excess;
use shinchoku::model::diag::ImportErrorKind;

use crate::crafted::{self, REPORT_ROWS};

/// The one-initiative report as an XLSX, its 実績 cell written by `actual`.
fn report_xlsx(actual: impl Fn(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    for (r, row) in REPORT_ROWS.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() && (r, c) != (3, 5) {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    actual(ws);
    book.save_to_buffer().unwrap()
}

fn actual_text(bytes: &[u8]) -> String {
    let report = import_workbook(bytes, WorkbookFormat::Xlsx)
        .expect("opens")
        .report;
    let i = report.initiatives().next().unwrap();
    i.topics[0].actual[0].text.clone()
}

/// A date-formatted number no date has (1e300, −1) is read as its number, not as 9999-12-31
/// or 1899-12-31.
#[test]
fn a_date_cell_holding_no_date_reads_as_its_number() {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (value, read) in [(1e300, "1e300"), (-1.0, "-1")] {
        let bytes = report_xlsx(|ws| {
            ws.write_number_with_format(3, 5, value, &date).unwrap();
        });
        assert_eq!(actual_text(&bytes), read);
    }
    let bytes = report_xlsx(|ws| {
        ws.write_number_with_format(3, 5, 42887.0, &date).unwrap();
    });
    assert_eq!(actual_text(&bytes), "2017-06-01", "a date is still a date");
}

/// Thousands of empty cells styled as a percentage beside one with a value: the value reads
/// as shown, and the empty ones are no cells (each was kept, with its format's code).
#[test]
fn empty_styled_cells_are_no_cells_and_a_styled_value_reads_as_shown() {
    let percent = Format::new().set_num_format("0%");
    let bytes = report_xlsx(|ws| {
        ws.write_number_with_format(3, 5, 0.5, &percent).unwrap();
        for r in 10..110u32 {
            for c in 0..100u16 {
                ws.write_blank(r, c, &percent).unwrap();
            }
        }
    });
    assert_eq!(actual_text(&bytes), "50%");
}

/// The one-initiative report as an ODS with `cell` (a `<table:table-cell>`) as its 実績, and
/// the result it reads as.
fn ods_actual_text(cell: &str) -> String {
    let rows: String = REPORT_ROWS[..3]
        .iter()
        .map(|r| crafted::ods_row(r))
        .collect();
    let before = crafted::ods_row(&REPORT_ROWS[3][..5]);
    let before = before.trim_end_matches("</table:table-row>");
    let division = crafted::ods_row(&[REPORT_ROWS[3][6]]);
    let division = division.trim_start_matches("<table:table-row>");
    let ods = crafted::ods(&format!("{rows}{before}{cell}{division}"));
    let (report, _) = import_any(&ods, None).expect("opens");
    let i = report.initiatives().next().unwrap();
    i.topics[0].actual[0].text.clone()
}

/// An ODS number whose text shown beside it is sixty million spaces reads as its value (the
/// spaces were made for each such cell, counted as one cell of text `1`).
#[test]
fn an_ods_number_shown_as_millions_of_spaces_reads_as_its_value() {
    let cell = r#"<table:table-cell office:value-type="float" office:value="1"><text:p><text:s text:c="60000000"/></text:p></table:table-cell>"#;
    assert_eq!(ods_actual_text(cell), "1");
}

/// A workbook of many sheets with long names: the refusal names the first few, each cut, and
/// how many more — not a line as long as all of them.
#[test]
fn a_refusal_names_a_few_of_many_long_sheet_names() {
    let mut book = Workbook::new();
    for k in 0..30 {
        let ws = book.add_worksheet();
        ws.set_name(format!("{k}{}", "名".repeat(28))).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let err = import_workbook(&bytes, WorkbookFormat::Xlsx).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::NoReportSheet { .. }));
    let (ja, en) = (err.describe(Lang::Ja), err.describe(Lang::En));
    assert!(
        ja.contains("ほか20枚") && en.contains("and 20 more"),
        "{en}"
    );
    assert!(en.chars().count() < 1_000, "{}", en.chars().count());
}

/// An answer workbook with more formulas saved without their values than a survey answer
/// has cells is refused, naming the first cell past the bound (each was kept, with a warning
/// and its sheet's name: eight million of them took gigabytes).
#[test]
fn an_answer_of_thousands_of_formulas_without_values_is_refused() {
    use shinchoku::survey::answer::answer_from_workbook;
    let master = crate::seed().report;
    let r = shinchoku::survey::response_for(&master, "総務部人事課", None, "");
    let book = shinchoku::survey::workbook::write(&r).unwrap();
    let formulas: String = (0..101)
        .map(|r| {
            format!(
                "<row r=\"{}\">{}</row>",
                200 + r,
                "<c><f>1</f></c>".repeat(100)
            )
        })
        .collect();
    let hostile = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        xml.replace("</sheetData>", &format!("{formulas}</sheetData>"))
    });
    let refused = answer_from_workbook(&hostile, "人事課.xlsx".into()).unwrap_err();
    let said = refused.describe(Lang::En);
    assert!(
        said.contains("more than 10000 cells hold a formula") && said.contains("回答!"),
        "{said}"
    );
    let bound = shinchoku::model::bounds::Excess::FormulasWithoutValues;
    assert!(bound.describe(Lang::Ja).contains("値のない数式"));
    // A few such formulas are said and the answer read.
    let few = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        xml.replace(
            "</sheetData>",
            "<row r=\"200\"><c r=\"K200\"><f>1+1</f></c></row></sheetData>",
        )
    });
    assert!(answer_from_workbook(&few, "人事課.xlsx".into()).is_ok());
}

/// A rating the scale lacks, against a scale of hundreds of levels: the warning names the
/// first twenty and `…` (the whole scale, in each warning, took gigabytes).
#[test]
fn a_rating_outside_a_scale_of_hundreds_names_twenty_levels() {
    use shinchoku::model::measures::RatingLevel;
    let mut report = crate::seed().report;
    report.measure_settings.rating_scale = (0..300)
        .map(|k| RatingLevel {
            code: format!("L{k}"),
            label: format!("水準{k}"),
            meaning: String::new(),
            not_applicable: false,
        })
        .collect();
    let warning =
        shinchoku::model::measure_check::rating_not_in_scale(&report.measure_settings, "Z")
            .expect("Z is no level");
    let said = warning.describe(Lang::En);
    assert!(
        said.contains("L19") && !said.contains("L20") && said.contains('…'),
        "{said}"
    );
    assert!(
        shinchoku::model::measure_check::rating_not_in_scale(&report.measure_settings, "Ｌ２９９")
            .is_none(),
        "a level in another width is the level"
    );
}

/// An initiative naming thousands of divisions, some twice: each once, in order (a set, not
/// a search through the list for each).
#[test]
fn many_divisions_are_each_named_once_in_order() {
    let mut report = crate::seed().report;
    let i = &mut report.sections[0].initiatives[0];
    i.divisions = (0..5_000).map(|k| format!("課{}", k % 4_000)).collect();
    let all = i.all_divisions();
    assert_eq!(
        all.len(),
        4_000 + usize::from(i.topics.iter().any(|t| t.division.is_some()))
    );
    assert!(
        all.windows(2)
            .filter(|w| w[0].starts_with('課'))
            .all(|w| w[0] != w[1])
    );
    assert_eq!(all.iter().filter(|d| **d == "課0").count(), 1);
}

/// The sheet of a crafted `.xls` whose second sheet starts inside the first's records is
/// refused: each such start was walked to the end of the stream (150,000 of them: still
/// running after 20 s).
#[test]
fn an_xls_whose_sheet_starts_inside_another_is_refused() {
    let sheets = vec![
        crafted::labels(&REPORT_ROWS, 0),
        crafted::labels(&REPORT_ROWS, 0),
    ];
    let bytes = crafted::xls_sheets_at(
        &sheets,
        |k, starts| if k == 1 { starts[0] + 4 } else { starts[k] },
    );
    let err = import_workbook(&bytes, WorkbookFormat::Xls).unwrap_err();
    let ImportErrorKind::TooLarge { excess, .. } = &err.kind else {
        panic!("{err}");
    };
    assert!(matches!(excess, Excess::SheetsShareData), "{err}");
}

/// An ODS number no float holds (`1e400`) is kept as written, not read as 「inf%」.
#[test]
fn an_ods_number_no_float_holds_is_kept_as_written() {
    let cell = r#"<table:table-cell office:value-type="percentage" office:value="1e400"><text:p>inf</text:p></table:table-cell>"#;
    assert_eq!(ods_actual_text(cell), "1e400");
}

/// An empty ZIP is said to be one (it was "neither a ZIP package nor an OLE compound file").
#[test]
fn an_empty_zip_is_said_to_hold_no_workbook() {
    let empty = crafted::package(&[]);
    let err = import_workbook(&empty, WorkbookFormat::Xlsx).unwrap_err();
    let said = err.describe(Lang::En);
    assert!(said.contains("an empty ZIP package"), "{said}");
}

/// A merged region whose last row is before its first, over the stage column (found by the
/// fuzzer: the search for values under it subtracted past zero and panicked).
#[test]
fn a_merged_region_ending_before_it_begins_is_no_merge() {
    let mut records = crafted::labels(&REPORT_ROWS, 0);
    let mut merge = 1u16.to_le_bytes().to_vec();
    for v in [3u16, 0, 3, 3] {
        merge.extend(v.to_le_bytes());
    }
    records.push(crafted::record(0x00E5, &merge));
    let bytes = crafted::xls(&[], &records);
    let report = import_workbook(&bytes, WorkbookFormat::Xls)
        .expect("opens")
        .report;
    let i = report.initiatives().next().unwrap();
    assert_eq!(i.items[0].lanes[0][0].label, "実施");
}

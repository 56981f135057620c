//! Numbers and judgements as the 54th session's audit and carried notes found them: the
//! effects' 達成率 (いわき市's third row) was read only to be checked and shown in no output.

use calamine::Data;
use shinchoku::export::{Encoding, Format, export};
use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
use shinchoku::model::FiscalYear;

use crate::measures_audit52::{cell_under, sheet_cells, with_numbers};
use crate::measures_workbook::measure_warnings;

/// The year's effect planned 100 and actual 95 (百万円) gives 達成率 95 %: in `check --json`,
/// on the web page's 効果額 row, and as いわき市's 達成率 row of the XLSX 効果額 sheet, which
/// opens again with the same effect and no warning (the row is checked, not kept).
#[test]
fn the_effects_rate_is_in_every_output_and_reads_back() {
    let opened = with_numbers(
        &[&["番号", "指標", "単位", "目標値", "実績値"]],
        &[
            &["番号", "区分", "29年度"],
            &["1", "計画額", "100"],
            &["", "実績額", "95"],
            &["2", "計画額", "50"],
        ],
    );
    let report = &opened.report;
    let summary = shinchoku::summary::ReportSummary::new(report, &[]);
    let v = serde_json::to_value(&summary).unwrap();
    assert_eq!(
        v["initiative_list"][0]["effects"][0]["achievement_rate"],
        95.0
    );
    assert!(v["initiative_list"][1]["effects"][0]["achievement_rate"].is_null());

    let html = export(report, Format::Html, Encoding::Utf8).unwrap().bytes;
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains("効果額</td><td></td><td>百万円</td><td>100</td><td>95</td><td>95%</td>"),
        "{html}"
    );

    let bytes = shinchoku::export::xlsx::to_xlsx(report, &mut Vec::new()).unwrap();
    let effects = sheet_cells(&bytes, "効果額");
    assert_eq!(cell_under(&effects, "29年度", "達成率"), Data::Float(0.95));
    let rows: Vec<String> = (effects.rows())
        .map(|r| r.get(1).map(|c| c.to_string()).unwrap_or_default())
        .collect();
    // Initiative 2 has no actual, so no rate: its block is the two rows it was.
    assert_eq!(
        rows.iter().filter(|r| *r == "達成率").count(),
        1,
        "{rows:?}"
    );
    let again = import_workbook(&bytes, WorkbookFormat::Xlsx).unwrap();
    let said = measure_warnings(&again);
    assert!(said.is_empty(), "{said:?}");
    for number in ["1", "2"] {
        let effect = |r: &shinchoku::model::Report| {
            (r.find_initiative(number).unwrap().measures())
                .effect(FiscalYear(2017))
                .cloned()
        };
        assert_eq!(effect(&again.report), effect(report), "{number}");
    }
}

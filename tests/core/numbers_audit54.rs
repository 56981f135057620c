//! Numbers and judgements as the audit of issue 25 in its 54th session found them: an effects
//! table's money unit declared in 億円 or 万円 (read as 千円, without a word).

use rust_xlsxwriter::Workbook;
use shinchoku::import::workbook::ImportedWorkbook;
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::FigureProblem;
use shinchoku::model::measure_warning::MeasureWarning;
use shinchoku::model::measures::YenUnit;

use crate::measures::seed_with_measures;
use crate::measures_workbook::{measure_warnings, open, report_sheet, write_rows};

const FY: FiscalYear = FiscalYear(2017);

/// The plain report with a 財政効果額 table under the cell `declared`: initiative 1 planned 12,
/// actual 3 in FY2017, bare figures.
fn effects_under(declared: &str) -> ImportedWorkbook {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name("財政効果額").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["財政効果額", "", "", declared],
            &["番号", "区分", "29年度"],
            &["1", "計画額", "12"],
            &["", "実績額", "3"],
        ],
    );
    open(&mut book)
}

/// Initiative 1's FY2017 effect: planned and actual, each in yen or as kept unread.
fn effect_of(report: &shinchoku::model::Report) -> ((Option<i64>, String), (Option<i64>, String)) {
    let m = report.find_initiative("1").unwrap().measures();
    let e = m.effect(FY).expect("the year's effect is kept");
    (
        (e.planned.yen, e.planned.unread.clone()),
        (e.actual.yen, e.actual.unread.clone()),
    )
}

/// A table declaring its unit in 億円 or 万円 in a cell of its own keeps its bare figures as
/// written and says so, as under a heading in those units: read in 千円, 12 億円 was 12,000 yen
/// without a word.
#[test]
fn an_effects_unit_declared_in_oku_or_man_yen_keeps_bare_figures_as_written() {
    for declared in ["（単位：億円）", "（単位：万円）", "単位 億円", "（億円）"]
    {
        let opened = effects_under(declared);
        assert_eq!(
            effect_of(&opened.report),
            ((None, "12".into()), (None, "3".into())),
            "{declared}"
        );
        let said = measure_warnings(&opened);
        for cell in ["財政効果額!C3", "財政効果額!C4"] {
            assert!(
                said.iter().any(|(at, w)| at == cell
                    && matches!(
                        w,
                        MeasureWarning::NumberNotRead {
                            why: FigureProblem::KanjiScale,
                            ..
                        }
                    )),
                "{declared} {cell}: {said:?}"
            );
        }
        // The report's unit is not changed to one it cannot keep.
        assert_eq!(opened.report.measure_settings.yen_unit, YenUnit::Thousand);
    }
}

/// A cell holding the unit alone in brackets, 「（百万円）」 or 「（千円）」, declares it as
/// 「（単位：百万円）」 does: 12 is 12 百万円 (it was read as 12 千円).
#[test]
fn a_bare_bracketed_unit_cell_declares_the_unit() {
    for (declared, unit, yen) in [
        ("（百万円）", YenUnit::Million, 1_000_000),
        ("(百万円)", YenUnit::Million, 1_000_000),
        ("（千円）", YenUnit::Thousand, 1_000),
    ] {
        let opened = effects_under(declared);
        assert_eq!(
            effect_of(&opened.report),
            (
                (Some(12 * yen), String::new()),
                (Some(3 * yen), String::new())
            ),
            "{declared}"
        );
        assert_eq!(opened.report.measure_settings.yen_unit, unit, "{declared}");
        assert!(measure_warnings(&opened).is_empty(), "{declared}");
    }
}

/// The same in a report table: a line 「（単位：億円）」 above the header keeps the bare figures
/// as written and says so (the line was kept as text above the header, and 3,297 read as 千円);
/// a line 「（百万円）」 is the unit, as 「（単位：百万円）」 is.
#[test]
fn a_report_tables_unit_line_in_oku_yen_or_bare_is_read_as_declared() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    let report = seed_with_measures();
    let table = export_bytes(&report, Format::Table, Encoding::Utf8).unwrap();
    let table = String::from_utf8(table).unwrap();
    assert!(table.contains("（単位：百万円）"));
    let imported = |line: &str| {
        let text = table.replacen("（単位：百万円）", line, 1);
        shinchoku::import::import_text(&text).expect("imports")
    };
    let oku = imported("（単位：億円）");
    let (planned, actual) = effect_of(&oku.report);
    assert_eq!(planned.0, None, "{planned:?}");
    assert!(
        planned.1.contains("3") && actual.1.contains("3"),
        "{planned:?} {actual:?}"
    );
    let said = crate::described_ja(&oku.warnings);
    assert!(
        said.iter().filter(|w| w.contains("億")).count() >= 2,
        "{said:#?}"
    );
    assert!(
        crate::unread_texts(&oku.report)
            .iter()
            .all(|t| !t.contains("単位"))
    );
    let bare = imported("（百万円）");
    assert_eq!(
        effect_of(&bare.report),
        (
            (Some(3_297_000_000), String::new()),
            (Some(3_100_000_000), String::new())
        )
    );
    assert_eq!(bare.report.measure_settings.yen_unit, YenUnit::Million);
    assert!(crate::unread_texts(&bare.report).is_empty());
}

//! Numbers and judgements as the audit of issue 25 (its 52nd session) found them: a year
//! column of an effects table saying more than the year, a heading for the second half or a
//! forecast, a row of an effects table neither planned nor actual, a heading's unit against the
//! 単位 column, a note on a further indicator's row of a report table, a space inside a
//! number, figures too long for a spreadsheet, 達成率 written as text, the 集計表 written two
//! ways, an answer in % for a count, and a typed `－` rate. Each took, dropped or changed a
//! number without a word, or said what was not so.

use calamine::DataType;
use rust_xlsxwriter::Workbook;
use shinchoku::import::workbook::ImportedWorkbook;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::FiscalYear;
use shinchoku::model::measure_warning::MeasureWarning;
use shinchoku::model::measures::{Figure, Indicator};

use crate::measures_workbook::{measure_warnings, open, report_sheet, write_rows};

/// The plain three-initiative report and a sheet `name` of `rows`.
fn with_sheet(name: &str, rows: &[&[&str]]) -> ImportedWorkbook {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name(name).unwrap();
    write_rows(ws, 0, rows);
    open(&mut book)
}

fn first_indicator(opened: &ImportedWorkbook) -> &Indicator {
    &opened
        .report
        .find_initiative("1")
        .unwrap()
        .measures()
        .indicators[0]
}

fn shown(figure: &Figure) -> String {
    figure.display()
}

/// Initiative 1's effect of FY2017 in yen, planned and actual.
fn effect_2017(opened: &ImportedWorkbook) -> Option<(Option<i64>, Option<i64>)> {
    let one = opened.report.find_initiative("1").unwrap().measures();
    one.effect(FiscalYear(2017))
        .map(|e| (e.planned.yen, e.actual.yen))
}

/// What `check` says of the report saved and opened again, in Japanese.
fn checked_after_saving(opened: &ImportedWorkbook) -> Vec<String> {
    let saved = shinchoku::store::to_ron(&opened.report);
    let report = shinchoku::store::from_ron(&saved).expect("the saved report opens");
    crate::described_ja(&shinchoku::model::check::warnings(&report))
}

/// An effects table's year column headed with its unit (`29年度（千円）`) is read in that
/// unit; one saying more than the year and a unit (見込, 決算, 合計, 累計, 備考) is kept unread
/// and said naming the column. All were dropped without a word.
#[test]
fn an_effects_year_column_saying_more_is_read_in_its_unit_or_kept_and_said() {
    for heading in ["29年度（千円）", "29年度(千円)", "平成29年度（千円）"] {
        let opened = with_sheet(
            "財政効果額",
            &[
                &["財政効果額", "", "", "（単位：百万円）"],
                &["番号", "区分", "28年度", heading],
                &["1", "計画額", "10", "20"],
                &["", "実績額", "5", "6"],
            ],
        );
        assert_eq!(
            effect_2017(&opened),
            Some((Some(20_000), Some(6_000))),
            "{heading}"
        );
    }
    for heading in [
        "29年度見込",
        "29年度決算",
        "29年度（千円・見込）",
        "合計",
        "累計",
        "備考",
    ] {
        let opened = with_sheet(
            "財政効果額",
            &[
                &["財政効果額", "", "", "（単位：千円）"],
                &["番号", "区分", "28年度", heading],
                &["1", "計画額", "10", "20"],
                &["", "実績額", "5", "6"],
            ],
        );
        assert_eq!(effect_2017(&opened), None, "{heading}");
        let said = measure_warnings(&opened);
        for (cell, figure) in [("財政効果額!D3", "20"), ("財政効果額!D4", "6")] {
            assert!(
                said.iter().any(|(at, w)| at == cell
                    && matches!(w, MeasureWarning::ColumnNotRead { heading: h, text }
                        if h == heading && text == figure)),
                "{heading}: {said:?}"
            );
        }
        let unread = crate::unread_texts(&opened.report);
        assert!(
            unread.contains(&format!("{heading}: 20").as_str()),
            "{unread:?}"
        );
        let words = MeasureWarning::ColumnNotRead {
            heading: heading.into(),
            text: "20".into(),
        };
        assert!(words.describe(Lang::Ja).contains(heading));
        assert!(words.describe(Lang::En).contains(heading));
    }
}

/// `29年度下半期実績` (the second half alone), `29年度実績見込` and `29年度実績額見込` (a
/// forecast) are not the year's actual: kept unread and said, the actual left blank (the
/// first two were taken as the year's actual, the third dropped, without a word).
#[test]
fn a_second_half_or_a_forecast_is_not_the_years_actual() {
    let opened = with_sheet(
        "数値目標",
        &[
            &[
                "番号",
                "指標",
                "単位",
                "目標値",
                "29年度上半期実績",
                "29年度実績",
            ],
            &["1", "電子申請件数", "件", "100", "40", "77"],
        ],
    );
    let year = first_indicator(&opened).year(FiscalYear(2017)).unwrap();
    assert_eq!(shown(&year.actual), "77");
    for heading in [
        "29年度下半期実績",
        "29年度実績見込",
        "29年度実績額見込",
        "実績値（見込）",
    ] {
        let opened = with_sheet(
            "数値目標",
            &[
                &[
                    "番号",
                    "指標",
                    "単位",
                    "目標値",
                    "29年度上半期実績",
                    heading,
                ],
                &["1", "電子申請件数", "件", "100", "40", "77"],
            ],
        );
        let x = first_indicator(&opened);
        let year = x.year(FiscalYear(2017)).unwrap();
        assert_eq!(shown(&year.first_half), "40", "{heading}");
        assert!(year.actual.is_blank(), "{heading}: {:?}", year.actual);
        assert!(effect_2017(&opened).is_none(), "{heading}");
        let said = measure_warnings(&opened);
        assert!(
            said.iter().any(|(at, w)| at == "数値目標!F2"
                && matches!(w, MeasureWarning::ColumnNotRead { heading: h, text }
                    if h == heading && text == "77")),
            "{heading}: {said:?}"
        );
        assert!(crate::unread_texts(&opened.report).contains(&format!("{heading}: 77").as_str()));
    }
}

/// A row of an effects table neither planned nor actual (見込額, 差引, 削減額, 合計, and
/// 実績見込額) is kept in the unread list as the warning says, so the saved report says it
/// again: it was said to be kept and was gone.
#[test]
fn an_effects_row_kept_unread_is_kept() {
    for label in ["見込額", "差引", "削減額", "合計", "実績見込額"] {
        let opened = with_sheet(
            "財政効果額",
            &[
                &["財政効果額", "", "", "（単位：千円）"],
                &["番号", "区分", "28年度", "29年度"],
                &["1", "計画額", "10", "20"],
                &["", "実績額", "5", "6"],
                &["", label, "7", "8"],
            ],
        );
        assert_eq!(effect_2017(&opened), Some((Some(20_000), Some(6_000))));
        let said = measure_warnings(&opened);
        assert!(
            said.iter().any(|(at, w)| at == "財政効果額!B5"
                && matches!(w, MeasureWarning::RowNotUnderstood { text } if text == label)),
            "{label}: {said:?}"
        );
        let kept = format!("{label}\t7\t8");
        assert!(crate::unread_texts(&opened.report).contains(&kept.as_str()));
        let checked = checked_after_saving(&opened);
        assert!(
            checked.iter().any(|w| w.contains(label) && w.contains('7')),
            "{label}: {checked:?}"
        );
    }
}

/// A figure heading's unit against the 単位 column's (`目標値（百万円）` over `千円` or `件`):
/// the bare figure is kept as written with the heading's unit and said naming both (it was
/// read in the 単位 column's, a thousandfold off, without a word). Where they agree, or the
/// cell names its unit, nothing changes.
#[test]
fn a_heading_unit_against_the_unit_column_is_said() {
    let opened = with_sheet(
        "数値目標",
        &[
            &[
                "番号",
                "指標",
                "単位",
                "目標値（百万円）",
                "実績値（百万円）",
            ],
            &["1", "削減額", "千円", "5", "4"],
            &["2", "件数", "件", "100", "90"],
            &["3", "経費", "百万円", "7", "6"],
        ],
    );
    let x = first_indicator(&opened);
    assert_eq!(x.unit, "千円");
    assert_eq!(x.target.value, None);
    assert_eq!(x.target.unread, "5百万円");
    let said = measure_warnings(&opened);
    for (cell, kept, unit) in [
        ("数値目標!D2", "5百万円", "千円"),
        ("数値目標!E2", "4百万円", "千円"),
        ("数値目標!D3", "100百万円", "件"),
    ] {
        assert!(
            said.iter().any(|(at, w)| at == cell
                && matches!(w, MeasureWarning::HeadingUnitDiffers { heading, text, unit: u }
                    if heading.ends_with("（百万円）") && text == kept && u == unit)),
            "{cell}: {said:?}"
        );
    }
    let three = opened.report.find_initiative("3").unwrap().measures();
    assert_eq!(shown(&three.indicators[0].target), "7");
    assert!(!said.iter().any(|(at, _)| at.ends_with('4')), "{said:?}");
    let words = MeasureWarning::HeadingUnitDiffers {
        heading: "目標値（百万円）".into(),
        text: "5百万円".into(),
        unit: "千円".into(),
    };
    for lang in [Lang::Ja, Lang::En] {
        let w = words.describe(lang);
        assert!(w.contains("目標値（百万円）") && w.contains("千円"), "{w}");
    }
    // Saved and opened again, the figure says the same (no other words for it).
    let checked = checked_after_saving(&opened);
    assert!(checked.iter().any(|w| w.contains("5百万円")), "{checked:?}");
}

/// The plain report with a sheet 数値目標 of `indicators` and a 財政効果額 table of `effects`
/// in 百万円, opened.
pub(crate) fn with_numbers(indicators: &[&[&str]], effects: &[&[&str]]) -> ImportedWorkbook {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name("数値目標").unwrap();
    write_rows(ws, 0, indicators);
    let ws = book.add_worksheet();
    ws.set_name("財政効果額").unwrap();
    write_rows(ws, 0, &[&["財政効果額", "", "", "（単位：百万円）"]]);
    write_rows(ws, 1, effects);
    open(&mut book)
}

/// The cells of sheet `name` of an XLSX, by row and column.
pub(crate) fn sheet_cells(bytes: &[u8], name: &str) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name).unwrap()
}

/// The cell under `heading` (in the first row holding it) on the first row below it holding
/// the text `row_holding`.
pub(crate) fn cell_under(
    cells: &calamine::Range<calamine::Data>,
    heading: &str,
    row_holding: &str,
) -> calamine::Data {
    let rows: Vec<&[calamine::Data]> = cells.rows().collect();
    let (head, col) = (rows.iter().enumerate())
        .find_map(|(r, cells)| {
            let c = cells.iter().position(|c| c.get_string() == Some(heading))?;
            Some((r, c))
        })
        .unwrap_or_else(|| panic!("no heading {heading}"));
    let row = rows[head + 1..]
        .iter()
        .find(|cells| cells.iter().any(|c| c.get_string() == Some(row_holding)))
        .unwrap_or_else(|| panic!("no row {row_holding}"));
    row[col].clone()
}

/// Figures of 16 significant digits are written as text in the XLSX export (a double holds
/// `1234567890123456`, but Excel and LibreOffice keep 15 and change the last digit on saving);
/// 15 stay number cells. And 達成率 is a number cell shown as a percentage (it was the text
/// `95%`, which a spreadsheet neither sums nor sorts), which reads back without a warning.
#[test]
fn xlsx_figures_past_fifteen_digits_are_text_and_the_rate_a_number() {
    use calamine::Data;
    let opened = with_numbers(
        &[
            &["番号", "指標", "単位", "目標値", "実績値"],
            &["1", "件数", "件", "1234567890123456", "123456789012345"],
            &["2", "受講者数", "人", "300", "285"],
        ],
        &[
            &["番号", "区分", "29年度"],
            &["1", "計画額", "1,234,567,890.123456"],
            &["", "実績額", "4,593.75"],
        ],
    );
    let bytes = shinchoku::export::xlsx::to_xlsx(&opened.report, &mut Vec::new()).unwrap();
    let numbers = sheet_cells(&bytes, "数値目標");
    assert_eq!(
        cell_under(&numbers, "最終目標", "件数"),
        Data::String("1234567890123456".into())
    );
    assert_eq!(
        cell_under(&numbers, "29年度実績", "件数"),
        Data::Float(123456789012345.0)
    );
    assert_eq!(
        cell_under(&numbers, "達成率", "受講者数"),
        Data::Float(0.95)
    );
    let effects = sheet_cells(&bytes, "効果額");
    assert_eq!(
        cell_under(&effects, "29年度", "計画額"),
        Data::String("1234567890.123456".into())
    );
    assert_eq!(
        cell_under(&effects, "29年度", "実績額"),
        Data::Float(4593.75)
    );
    // Opened again: the same figures, and the rate agrees with the one computed.
    let again = shinchoku::import::workbook::import_workbook(
        &bytes,
        shinchoku::import::workbook::WorkbookFormat::Xlsx,
    )
    .unwrap();
    let x = first_indicator(&again);
    assert_eq!(shown(&x.target), "1234567890123456");
    let planned = again.report.find_initiative("1").unwrap().measures();
    let planned = planned.effect(FiscalYear(2017)).unwrap().planned.yen;
    assert_eq!(planned, Some(1_234_567_890_123_456));
    let said = measure_warnings(&again);
    assert!(said.is_empty(), "{said:?}");
}

/// In a report table, a note under an extra 備考 heading on an initiative's further indicator
/// row leaves only the note unread, said with its heading, as on the initiative's own row: the
/// whole row was one not understood, and the indicator (時間外勤務時間) was lost.
#[test]
fn a_note_on_a_further_indicators_row_of_a_table_keeps_the_indicator() {
    let report = crate::measures_tables::rich();
    let text = shinchoku::export::table::to_table_text(&report);
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let header = rows.iter().position(|r| r[0] == "番号").unwrap();
    let note_at = rows[header].iter().rposition(|h| h == "記入日").unwrap() + 1;
    let put = |row: &mut Vec<String>, text: &str| {
        row.resize(row.len().max(note_at + 1), String::new());
        row[note_at] = text.to_string();
    };
    put(&mut rows[header], "備考");
    let further = rows
        .iter()
        .position(|r| r[0] == "1" && r.iter().any(|f| f == "時間外勤務時間"))
        .expect("the further indicator's row");
    put(&mut rows[further], "要確認");
    let edited: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
    let imported = shinchoku::import::import_text(&edited.join("\n")).expect("imports");
    let one = crate::initiative(&imported.report, "1").measures();
    let names: Vec<&str> = one.indicators.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["電子申請件数", "時間外勤務時間"]);
    let down = &one.indicators[1];
    assert_eq!(shown(&down.target), "150");
    assert_eq!(shown(&down.year(FiscalYear(2017)).unwrap().actual), "160");
    assert_eq!(
        one.indicators,
        crate::initiative(&report, "1").measures().indicators
    );
    let unread = crate::unread_texts(&imported.report);
    assert_eq!(unread, ["備考: 要確認"]);
    let said = crate::described_ja(&imported.warnings);
    assert!(
        !said.iter().any(|w| w.contains("時間外勤務時間")),
        "{said:#?}"
    );
    // One warning more than the table gives unedited: the note's, naming its heading.
    let unedited = shinchoku::import::import_text(&text).expect("imports");
    assert_eq!(imported.warnings.len(), unedited.warnings.len() + 1);
    assert!(said.iter().any(|w| w.contains("（備考）")), "{said:#?}");
}

/// A space between digits (`1 200`, `12 5`, a full-width one) is kept as written and said:
/// one number with a space typed in or two side by side cannot be told (they were read as
/// 1200 and 125). A space around a number, or between it and its sign or unit, is no matter.
#[test]
fn a_space_between_digits_is_kept_as_written_and_said() {
    use shinchoku::model::figure::{self, FigureProblem};
    let opened = with_sheet(
        "数値目標",
        &[
            &["番号", "指標", "単位", "目標値", "実績値"],
            &["1", "a", "件", "1 200", "600"],
            &["2", "b", "件", "100", "12 5"],
            &["3", "c", "件", "1　200", "△ 120"],
        ],
    );
    let said = measure_warnings(&opened);
    for (cell, text) in [
        ("数値目標!D2", "1 200"),
        ("数値目標!E3", "12 5"),
        ("数値目標!D4", "1　200"),
    ] {
        assert!(
            said.iter().any(|(at, w)| at == cell
                && matches!(w, MeasureWarning::NumberNotRead { text: t, why: FigureProblem::SpaceInside }
                    if t == text)),
            "{cell}: {said:?}"
        );
    }
    let x = first_indicator(&opened);
    assert_eq!((x.target.value, x.target.unread.as_str()), (None, "1 200"));
    let two = &opened
        .report
        .find_initiative("2")
        .unwrap()
        .measures()
        .indicators[0];
    let actual = &two.year(FiscalYear(2017)).unwrap().actual;
    assert_eq!((actual.value, actual.unread.as_str()), (None, "12 5"));
    let three = &opened
        .report
        .find_initiative("3")
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!(shown(&three.year(FiscalYear(2017)).unwrap().actual), "△120");
    for (text, value) in [
        (" 1,200 ", "1200"),
        ("3,297 百万円", "3297"),
        ("△ 120", "-120"),
    ] {
        let read = figure::read(text).unwrap().unwrap();
        assert_eq!(read.value.to_string(), value, "{text}");
    }
    assert!(
        FigureProblem::SpaceInside
            .describe(Lang::Ja)
            .contains("空白")
    );
}

/// A typed 達成率 `－` where none is computed (a deficit target, no target) says nothing: a
/// dash is none, and none is computed. It was said as a rate that could not be checked. A
/// dash where a rate is computed is still said to differ.
#[test]
fn a_dash_for_a_rate_where_none_is_computed_says_nothing() {
    let opened = with_sheet(
        "数値目標",
        &[
            &["番号", "指標", "単位", "目標値", "実績値", "達成率"],
            &["1", "赤字", "百万円", "△50", "△40", "－"],
            &["2", "件数", "件", "", "90", "－"],
            &["3", "件数", "件", "100", "90", "－"],
        ],
    );
    let said = measure_warnings(&opened);
    assert!(
        !said
            .iter()
            .any(|(at, _)| at == "数値目標!F2" || at == "数値目標!F3"),
        "{said:?}"
    );
    assert!(
        said.iter().any(|(at, w)| at == "数値目標!F4"
            && matches!(w, MeasureWarning::RateDiffers { written, .. } if written == "－")),
        "{said:?}"
    );
    assert_eq!(crate::unread_texts(&opened.report), ["－"]);
}

/// `900%` answered for an indicator counted in 件 whose sent value is 900 is not the 900 件
/// sent: kept as written and said, as `80%` is (the % was taken for a percentage cell's format,
/// and the answer as untouched). In a % indicator it still is the cell's format.
#[test]
fn a_percent_answered_for_a_count_is_not_the_number_sent() {
    use crate::measures::seed_with_measures;
    use crate::measures_answers::{said, taken};
    use crate::measures_cycle::{sent, workbook_answer};
    let master = sent(seed_with_measures());
    let collection = workbook_answer(&master, &[("900", "900%")]);
    let words = said(&collection);
    assert!(
        words
            .iter()
            .any(|w| w.contains("「900%」の単位が指標の単位「件」と違います")),
        "{words:?}"
    );
    let after = taken(&master, &collection);
    let x = &after.sections[0].initiatives[0].measures().indicators[0];
    let actual = &x.year(FiscalYear(2017)).unwrap().actual;
    assert_eq!((actual.value, actual.unread.as_str()), (None, "900%"));
}

/// The web page's 集計表 writes the totals and the headings as the printout's does: thousands
/// grouped in the unit its heading names (it wrote `12352038.701百万円`), a level whose label is
/// its code once (`対象外`, not `対象外 対象外`), and a code the scale lacks said to be so
/// (`Z（評価基準にない）`, not a bare `Z`); and so do the page's tables of the numbers and the
/// ratings.
#[test]
fn the_web_pages_summary_is_written_as_the_printouts() {
    let mut book = Workbook::new();
    report_sheet(
        book.add_worksheet(),
        &["自己評価", "本部評価"],
        &[&["A", "S"], &["対象外"], &["Z"]],
    );
    let ws = book.add_worksheet();
    ws.set_name("評価基準").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["評価", "内容", "対象外"],
            &["S", "特に良好に進捗", ""],
            &["A", "良好に進捗", ""],
            &["対象外", "対象外", "○"],
        ],
    );
    let ws = book.add_worksheet();
    ws.set_name("財政効果額").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["財政効果額", "", "", "（単位：百万円）"],
            &["番号", "区分", "29年度"],
            &["1", "計画額", "12,352,038.701"],
            &["", "実績額", "4,593.75"],
        ],
    );
    let report = open(&mut book).report;
    let html = shinchoku::export::html::to_html(&report);
    let start = html.find("<caption>集計表</caption>").expect("the 集計表");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    for heading in [
        "S 特に良好に進捗",
        "対象外",
        "Z（評価基準にない）",
        "効果額 計画（百万円）",
        "効果額 実績（百万円）",
    ] {
        assert!(
            table.contains(&format!("<th scope=\"col\">{heading}</th>")),
            "{heading}: {table}"
        );
    }
    assert!(!table.contains("対象外 対象外"), "{table}");
    assert!(table.contains("<td>12,352,038.701</td>"), "{table}");
    assert!(table.contains("<td>4,593.75</td>"), "{table}");
    // The page's other tables write them so too: the effect of the year, a rating.
    let rest = &html[start + table.len()..];
    assert!(rest.contains("<td>12,352,038.701</td>"), "{rest}");
    assert!(rest.contains("<td>Z（評価基準にない）</td>"), "{rest}");
    assert!(!rest.contains("対象外 対象外"), "{rest}");
    let printed = crate::printed_text(&report);
    for written in [
        "12,352,038.701",
        "4,593.75",
        "Z（評価基準にない）",
        "効果額計画（百万円）",
    ] {
        assert!(printed.contains(written), "{written}: {printed}");
    }
}

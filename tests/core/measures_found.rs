//! Numbers and judgements as the sixth audit typed them, each kept with what must hold now: a
//! year written with an era's letter in a heading (`R3目標`), two columns of one figure, a row
//! under a 番号 naming no initiative, a blank latest year of cumulative effects, and a rating
//! level declared twice on a sheet of its own — each changed or dropped a number without a
//! word, or said so at the wrong sheet.

use rust_xlsxwriter::Workbook;
use shinchoku::model::FiscalYear;
use shinchoku::model::measure_warning::MeasureWarning;
use shinchoku::model::measures::Counting;
use shinchoku::model::tally::Tally;

use crate::measures_workbook::{measure_warnings, open, report_sheet, write_rows};

/// The plain three-initiative report and a sheet 数値目標 of `rows`.
fn indicators(rows: &[&[&str]]) -> shinchoku::import::workbook::ImportedWorkbook {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name("数値目標").unwrap();
    write_rows(ws, 0, rows);
    open(&mut book)
}

/// The first indicator of initiative 1, as opened.
fn first_indicator(
    opened: &shinchoku::import::workbook::ImportedWorkbook,
) -> &shinchoku::model::measures::Indicator {
    &opened
        .report
        .find_initiative("1")
        .unwrap()
        .measures()
        .indicators[0]
}

fn value(figure: &shinchoku::model::measures::Figure) -> String {
    figure.display()
}

/// `R3目標`, `H30目標` and `目標(R3)` are those years' targets, as `令和3年度目標` is: read as no
/// year they were the final target, and overwrote the 最終目標 beside them without a word.
#[test]
fn a_year_written_with_an_eras_letter_in_a_heading_is_that_years() {
    for (heading, year) in [
        ("H30目標", 2018),
        ("目標(H30)", 2018),
        ("平成30年度目標", 2018),
    ] {
        let opened = indicators(&[
            &["番号", "指標", "単位", "最終目標", "29年度目標", heading],
            &["1", "満足度", "%", "90", "80", "88"],
        ]);
        let one = opened.report.find_initiative("1").unwrap().measures();
        let x = &one.indicators[0];
        assert_eq!(value(&x.target), "90", "{heading}");
        let that = x.year(FiscalYear(year)).expect(heading);
        assert_eq!(value(&that.target), "88", "{heading}");
        assert_eq!(value(&x.year(FiscalYear(2017)).unwrap().target), "80");
    }
    let opened = indicators(&[
        &["番号", "指標", "H29上半期実績", "H29実績"],
        &["1", "満足度", "40", "70"],
    ]);
    let one = opened.report.find_initiative("1").unwrap().measures();
    let fy = one.indicators[0].year(FiscalYear(2017)).unwrap();
    assert_eq!(
        (value(&fy.first_half), value(&fy.actual)),
        ("40".into(), "70".into())
    );
}

/// Two columns of one figure on a row (最終目標 and 目標値, 29年度目標 and 平成29年度目標,
/// 29年度実績 and 実績値, 指標 and 項目): the left one is read, the other kept unread and said
/// with both (the right-hand one overwrote it without a word).
#[test]
fn two_columns_of_one_figure_keep_the_first_and_say_the_second() {
    for (headings, name) in [
        (["最終目標", "目標値"], false),
        (["29年度目標", "平成29年度目標"], false),
        (["29年度実績", "実績値"], false),
        (["指標", "項目"], true),
    ] {
        let mut head = vec!["番号", "指標", "単位"];
        let mut row = vec!["1", "件数", "件"];
        if name {
            head = vec!["番号", "単位", headings[0], headings[1]];
            row = vec!["1", "件", "100", "200"];
        } else {
            head.extend(headings);
            row.extend(["100", "200"]);
        }
        let opened = indicators(&[&head, &row]);
        let x = first_indicator(&opened);
        let read = if name {
            x.name.clone()
        } else {
            let fy = x.year(FiscalYear(2017));
            let figures = [
                Some(&x.target),
                fy.map(|y| &y.target),
                fy.map(|y| &y.actual),
            ];
            figures
                .into_iter()
                .flatten()
                .map(value)
                .find(|v| !v.is_empty())
                .unwrap()
        };
        assert_eq!(read, "100", "{headings:?}");
        assert!(
            opened.report.unread.iter().any(|u| u.text == "200"),
            "{headings:?}"
        );
        let said = measure_warnings(&opened);
        assert!(
            said.iter().any(|(cell, w)| {
                let place = if name {
                    "数値目標!D2"
                } else {
                    "数値目標!E2"
                };
                cell == place
                    && matches!(w, MeasureWarning::FigureTwice { heading, kept, other }
                        if heading == headings[1] && kept == "100" && other == "200")
            }),
            "{headings:?}: {said:?}"
        );
    }
}

/// A row with a blank 番号 under one whose 番号 names no initiative is that row's: kept
/// unread and said like it, on an indicator sheet and in an effects table (it was passed over
/// without a word). Under an initiative the same row is its second indicator.
#[test]
fn a_row_under_a_number_naming_no_initiative_is_kept_and_said() {
    let opened = indicators(&[
        &["番号", "指標", "単位", "目標値", "実績値"],
        &["1", "件数", "件", "10", "5"],
        &["", "続き", "件", "3", "3"],
        &["9", "幽霊", "件", "7", "7"],
        &["", "幽霊の続き", "件", "4", "4"],
    ]);
    let one = opened.report.find_initiative("1").unwrap().measures();
    assert_eq!(one.indicators.len(), 2);
    let unread: Vec<&str> = crate::unread_texts(&opened.report);
    assert!(
        unread.iter().any(|t| t.contains("幽霊の続き")),
        "{unread:?}"
    );
    let said = measure_warnings(&opened);
    let no_such = said
        .iter()
        .filter(|(_, w)| matches!(w, MeasureWarning::NoSuchInitiative { number } if number == "9"))
        .count();
    assert_eq!(no_such, 2, "{said:?}");

    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name("効果額").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["番号", "区分", "29年度"],
            &["9", "計画額", "777"],
            &["", "実績額", "888"],
        ],
    );
    let opened = open(&mut book);
    let unread: Vec<&str> = crate::unread_texts(&opened.report);
    assert!(unread.iter().any(|t| t.contains("888")), "{unread:?}");
}

/// Cumulative effects whose report year is blank for an initiative — both its cells blank, so
/// it has no figure of that year at all — take the year before and say so, as one with the
/// planned cell filled did.
#[test]
fn a_blank_latest_year_of_cumulative_effects_is_said_for_every_initiative() {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name("効果額").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["（単位：百万円）"],
            &["※各年度の効果額は、前年度までの効果額を含めた累計で計上しています"],
            &["番号", "区分", "28年度", "29年度"],
            &["1", "計画額(累計額)", "10", ""],
            &["", "実績額", "5", ""],
            &["2", "計画額(累計額)", "10", "30"],
            &["", "実績額", "5", ""],
        ],
    );
    let opened = open(&mut book);
    assert_eq!(
        opened.report.measure_settings.counting,
        Counting::Cumulative
    );
    let tally = Tally::of_report(&opened.report);
    let said: Vec<(String, bool)> = tally
        .earlier
        .iter()
        .map(|f| (f.initiative.clone(), f.planned))
        .collect();
    for want in [("1", true), ("1", false), ("2", false)] {
        assert!(
            said.contains(&(want.0.to_string(), want.1)),
            "{want:?}: {said:?}"
        );
    }
    assert_eq!(tally.actual_yen, Some(10_000_000));
    // The printout says it under its 集計表, as the web page does (it passed the totals off as
    // the latest year's).
    let printed: String = crate::printed_text(&opened.report)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        printed.contains("取組1の効果額（実績額）は累計で数えますが"),
        "{printed}"
    );
    assert!(
        printed.contains("取組2の効果額（実績額）は累計で数えますが"),
        "{printed}"
    );
}

/// A rating level declared twice on a sheet of its own is said at its cell there: it was said
/// at the report's sheet.
#[test]
fn a_rating_level_declared_twice_is_said_at_its_cell() {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &["評価"], &[&["A"]]);
    let ws = book.add_worksheet();
    ws.set_name("評価基準").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["評価", "内容"],
            &["A", "大きな成果あり"],
            &["B", "成果あり"],
            &["Ａ", "重複"],
        ],
    );
    let opened = open(&mut book);
    let said = measure_warnings(&opened);
    assert!(
        said.iter().any(|(cell, w)| cell == "評価基準!A4"
            && matches!(w, MeasureWarning::RatingLevelRepeated { .. })),
        "{said:?}"
    );
}

/// A heading naming a date or a comparison (`実績値（H30.3末）`, `目標値（H29比）`) names no
/// year's figure: the report's year's actual and the final target, as before `R3目標` was
/// read; and a dash beside a figure (`最終目標` 1200, `目標値` `-`) leaves the figure, unsaid.
#[test]
fn a_heading_naming_a_date_is_no_years_and_a_dash_beside_a_figure_leaves_it() {
    let opened = indicators(&[
        &[
            "番号",
            "指標",
            "単位",
            "目標値（H29比）",
            "実績値（H30.3末）",
        ],
        &["1", "件数", "件", "100", "80"],
    ]);
    let x = first_indicator(&opened);
    assert_eq!(value(&x.target), "100");
    let fy = x.year(FiscalYear(2017)).expect("the report's year");
    assert_eq!(value(&fy.actual), "80");
    assert!(x.year(FiscalYear(2018)).is_none());

    let opened = indicators(&[
        &["番号", "指標", "単位", "最終目標", "目標値"],
        &["1", "件数", "件", "1200", "-"],
    ]);
    let x = first_indicator(&opened);
    assert_eq!(value(&x.target), "1200");
    assert!(
        !measure_warnings(&opened)
            .iter()
            .any(|(_, w)| matches!(w, MeasureWarning::FigureTwice { .. }))
    );
}

/// Ticking a held change keeps each indicator's own actuals where two share a name: the
/// second took the first's.
#[test]
fn two_indicators_of_one_name_keep_their_own_actuals_when_a_held_change_is_taken() {
    use shinchoku::edit::measures::with_division_part;
    use shinchoku::model::figure::Decimal;
    use shinchoku::model::measures::{Figure, Indicator, Measures};
    let indicator = |actual: i64| {
        let mut x = Indicator {
            name: "件数".into(),
            ..Indicator::default()
        };
        x.year_mut(FiscalYear(2017)).actual = Figure::of(Decimal::whole(actual));
        x
    };
    let division = Measures {
        indicators: vec![indicator(80), indicator(55)],
        ..Measures::default()
    };
    let office = Measures {
        indicators: vec![indicator(0), indicator(0), indicator(0)],
        ..Measures::default()
    };
    let taken = with_division_part(&office, &division);
    let actuals: Vec<String> = (taken.indicators.iter())
        .map(|x| {
            x.year(FiscalYear(2017))
                .map_or_else(String::new, |y| value(&y.actual))
        })
        .collect();
    assert_eq!(actuals, ["80", "55", ""]);
}

/// A numbers step (an actual retyped, then undone) leaves the warnings as opening said them:
/// a text kept as written that reading the workbook said by its cell (「1.2億」) was said again
/// in other words after the step, and 警告 3 became 4 (and stayed 4 after the undo).
#[test]
fn a_numbers_step_says_no_kept_text_twice() {
    use shinchoku::edit::measures::{IndicatorField, MeasureIntent};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/measures-libreoffice.xlsx");
    let mut doc = shinchoku::document::Document::open(&path).unwrap();
    let opened = doc.warnings.len();
    let first = doc.report().sections[0].initiatives[0].id;
    let year = doc.report().fiscal_year;
    doc.perform(shinchoku::edit::Intent::Measure(
        MeasureIntent::SetIndicatorFigure {
            initiative: first,
            index: 0,
            field: IndicatorField::YearActual(year),
            text: "3400".into(),
        },
    ))
    .unwrap();
    let said = crate::described_ja(&doc.warnings);
    assert_eq!(said.len(), opened, "{said:#?}");
    assert_eq!(
        said.iter().filter(|w| w.contains("1.2億")).count(),
        1,
        "{said:#?}"
    );
    assert!(doc.undo());
    assert_eq!(doc.warnings.len(), opened);
}

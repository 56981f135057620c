//! Numbers and judgements (issue 25) where they leave Shinchoku: cumulative totals that take an
//! earlier year's figure, texts longer than an Excel cell on the number sheets, rates that have
//! nothing to divide by.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use shinchoku::export::{Encoding, ExportWarning, Format, export};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::figure::Decimal;
use shinchoku::model::measures::{Comment, Counting, Direction, Effect, Figure, Indicator, Money};
use shinchoku::model::{FiscalYear, Report};

use crate::measures::seed_with_measures;

const FY: FiscalYear = FiscalYear(2017);

fn check_json(report: &Report) -> serde_json::Value {
    let summary = shinchoku::summary::ReportSummary::new(report, &[]);
    serde_json::to_value(&summary).unwrap()
}

/// The seed with initiative 1's effects counted cumulatively over H28 and H29, the H29 actual
/// written as `h29_actual` (blank, or a text that is no amount).
fn cumulative(h29_actual: &str) -> Report {
    let mut report = seed_with_measures();
    report.measure_settings.counting = Counting::Cumulative;
    let first = report.sections[0].initiatives[0].id;
    report.initiative_mut(first).unwrap().measures_mut().effects = vec![
        Effect {
            fiscal_year: FiscalYear(2016),
            planned: Money::yen(100_000_000),
            actual: Money::yen(90_000_000),
        },
        Effect {
            fiscal_year: FY,
            planned: Money::yen(250_000_000),
            actual: Money {
                yen: None,
                unread: h29_actual.into(),
            },
        },
    ];
    report
}

#[test]
fn a_cumulative_total_taking_an_earlier_years_figure_says_so_in_check_and_on_the_web_page() {
    let report = cumulative("");
    let warnings: Vec<String> = shinchoku::model::check::warnings(&report)
        .iter()
        .map(|w| w.kind.describe(Lang::Ja))
        .collect();
    assert_eq!(
        warnings,
        [
            "取組1の効果額（実績額）は累計で数えますが、平成29年度の額が空欄のため、合計には平成28年度の額を使いました（平成28年度時点の累計）"
        ]
    );
    let json = check_json(&report);
    let effects = &json["summary"]["effects"];
    assert_eq!(effects["actual_yen"], 90_000_000);
    assert_eq!(effects["planned_yen"], 250_000_000);
    let earlier = &effects["from_earlier_years"];
    assert_eq!(earlier.as_array().unwrap().len(), 1, "{earlier}");
    assert_eq!(earlier[0]["initiative"], "1");
    assert_eq!(earlier[0]["planned"], false);
    assert_eq!(earlier[0]["taken_from"], 2016);
    assert_eq!(earlier[0]["latest"], 2017);
    assert_eq!(earlier[0]["unread"], false);
    let page =
        String::from_utf8(export(&report, Format::Html, Encoding::Utf8).unwrap().bytes).unwrap();
    assert!(
        page.contains("<p>※取組1の効果額（実績額）は累計で数えますが、平成29年度の額が空欄のため"),
        "the 集計表 says which year its total is of"
    );
}

#[test]
fn a_cumulative_total_past_an_unread_latest_figure_says_it_could_not_be_read() {
    let report = cumulative("約3億");
    let warnings: Vec<String> = shinchoku::model::check::warnings(&report)
        .iter()
        .map(|w| w.kind.describe(Lang::En))
        .collect();
    // The figure itself is said as every number kept as written is; then what the total took.
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("「約3億」"), "{warnings:?}");
    assert_eq!(
        warnings[1],
        "initiative 1: effects are counted cumulatively, and the actual effect of FY2017 cannot be read in yen: the totals take FY2016's, the running total as of that year"
    );
    // Single-year counting sums what there is: no year stands for the total, only the figure
    // is said.
    let mut single = report.clone();
    single.measure_settings.counting = Counting::SingleYear;
    let single_warnings = shinchoku::model::check::warnings(&single);
    assert_eq!(
        single_warnings.len(),
        1,
        "only the figure: {single_warnings:?}"
    );
    assert_eq!(
        check_json(&single)["summary"]["effects"]["from_earlier_years"],
        serde_json::json!([])
    );
}

#[test]
fn a_cumulative_total_whose_latest_years_are_after_the_reports_year_is_not_flagged() {
    // H30's actual is not due in an H29 report: the H29 running total is the total.
    let mut report = cumulative("");
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.effects[1].actual = Money::yen(200_000_000);
    m.effect_mut(FiscalYear(2018)).planned = Money::yen(400_000_000);
    assert!(shinchoku::model::check::warnings(&report).is_empty());
}

fn indicator(direction: Direction, target: i64, actual: i64) -> Indicator {
    let mut x = Indicator {
        name: "事故件数".into(),
        unit: "件".into(),
        direction,
        ..Indicator::default()
    };
    x.year_mut(FY).target = Figure::of(Decimal::whole(target));
    x.year_mut(FY).actual = Figure::of(Decimal::whole(actual));
    x
}

#[test]
fn a_zero_target_gives_no_rate_in_check_json_either_way_round() {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators = vec![
        indicator(Direction::Lower, 0, 5),
        indicator(Direction::Lower, 0, 0),
        indicator(Direction::Higher, 0, 5),
        indicator(Direction::Lower, 10, 0),
        indicator(Direction::Lower, 10, 20),
    ];
    let json = check_json(&report);
    let text = serde_json::to_string(&json).unwrap();
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    let rates: Vec<serde_json::Value> = json["initiative_list"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["achievement_rate"].clone())
        .collect();
    assert_eq!(
        rates,
        [
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::Value::Null,
            serde_json::json!(50.0)
        ]
    );
    // Met or not is still said: 0 of a target of 0 is met, 5 is not.
    let m = report.initiative(first).unwrap().measures();
    assert_eq!(m.indicators[0].met(FY), Some(false));
    assert_eq!(m.indicators[1].met(FY), Some(true));
}

#[test]
fn texts_longer_than_an_excel_cell_on_the_number_sheets_are_cut_named_and_said() {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let long_name = format!("{}件数", "電子申請".repeat(10_000));
    let long_comment = "委員会意見".repeat(8_000);
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].name = long_name.clone();
    m.comment = Some(Comment {
        text: long_comment.clone(),
        ..Comment::default()
    });
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).expect("exported");
    let cut: Vec<(&str, usize, usize)> = exported
        .warnings
        .iter()
        .filter_map(|w| match w {
            ExportWarning::CellCut {
                cell,
                length,
                kept,
                place,
            } => {
                assert_eq!(place.initiative.as_deref(), Some("1"));
                Some((cell.as_str(), *length, *kept))
            }
            _ => None,
        })
        .collect();
    assert_eq!(cut.len(), 2, "{:?}", exported.warnings);
    assert_eq!(cut[0].0, "数値目標!C2");
    assert_eq!(cut[0].1, long_name.chars().count());
    assert_eq!(cut[1].0, "評価!I2");
    assert_eq!(cut[1].1, 40_000);
    let said = exported.warnings[0].describe(Lang::Ja);
    assert!(
        said.contains("数値目標!C2（取組1の数値目標・効果額・評価の記載）"),
        "{said}"
    );
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(exported.bytes)).unwrap();
    for sheet in ["数値目標", "評価"] {
        let range = book.worksheet_range(sheet).unwrap();
        let long = range
            .used_cells()
            .find_map(|(_, _, c)| match c {
                Data::String(s) if s.chars().count() > 1_000 => Some(s.clone()),
                _ => None,
            })
            .expect("the cut cell");
        assert!(long.encode_utf16().count() <= 32_767);
        assert!(
            long.ends_with("文字を省略。全文は進捗の報告ファイルにあります）"),
            "the cell says so"
        );
    }
}

/// Excel's numbers are doubles, exact to 15 significant digits: a figure or an amount with more
/// (a count of 16 digits, 1,234,567,890,123.456789 百万円) is written as its text, every digit
/// kept and read back the same; the others stay numbers.
#[test]
fn numbers_with_more_digits_than_excel_keeps_are_written_whole_and_read_back_the_same() {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].years[0].actual = shinchoku::model::measures::figure_of("9007199254740993", "");
    m.effects[0].planned = Money::yen(1_234_567_890_123_456_789);
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).expect("exported");
    let (back, _) = shinchoku::import::import_any(&exported.bytes, None).expect("imports");
    let i = back.find_initiative("1").unwrap().measures();
    assert_eq!(
        i.indicators[0].years[0].actual.display(),
        "9007199254740993",
        "not 9007199254740992"
    );
    assert_eq!(i.effects[0].planned.yen, Some(1_234_567_890_123_456_789));
    assert_eq!(numbers_of(&back), numbers_of(&report));
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(exported.bytes)).unwrap();
    let cells: Vec<Data> = ["数値目標", "効果額"]
        .iter()
        .flat_map(|s| {
            book.worksheet_range(s)
                .unwrap()
                .cells()
                .map(|(_, _, c)| c.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(cells.contains(&Data::String("9007199254740993".into())));
    assert!(cells.contains(&Data::String("1234567890123.456789".into())));
    assert!(
        cells.contains(&Data::Float(1200.0)),
        "a target of 1200 stays a number"
    );
}

// ---------------------------------------------------------------------------------------
// The report table (TSV) and the CSV carry the numbers.

/// The seed with numbers of every kind: two indicators on initiative 1 (one lower-is-better,
/// with a baseline, a negative figure and one kept as written), effects over two years in
/// 百万円 counted cumulatively (one negative), ratings in three layers with who and when, a
/// comment of two lines holding a tab, a scale with meanings and 対象外.
pub fn rich() -> Report {
    use shinchoku::model::measures::{Baseline, Rating};
    let mut report = seed_with_measures();
    report.measure_settings.counting = Counting::Cumulative;
    report.measure_settings.rating_scale[0].meaning = "計画を大きく上回る".into();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let mut down = Indicator {
        name: "時間外勤務時間".into(),
        unit: "時間".into(),
        direction: Direction::Lower,
        baseline: Some(Baseline {
            value: Figure::of(Decimal::whole(200)),
            year: Some(FiscalYear(2016)),
        }),
        target: Figure::of(Decimal::whole(150)),
        ..Indicator::default()
    };
    down.year_mut(FY).actual = Figure::of(Decimal::whole(160));
    down.year_mut(FiscalYear(2016)).actual = Figure::of(Decimal::whole(-5));
    down.year_mut(FiscalYear(2018)).target = Figure {
        value: None,
        unread: "約140".into(),
    };
    m.indicators.push(down);
    m.effect_mut(FiscalYear(2016)).actual = Money::yen(-120_000_000);
    m.effect_mut(FiscalYear(2016)).planned = Money::yen(1_500_000);
    let on = chrono::NaiveDate::from_ymd_opt(2017, 11, 1);
    m.review = Some(Rating {
        code: "A".into(),
        by: "行財政改革推進本部".into(),
        on,
        note: String::new(),
    });
    m.comment = Some(Comment {
        text: "順調。\n引き続き\t推進".into(),
        by: "委員会".into(),
        on,
    });
    report
}

fn numbers_of(report: &Report) -> Vec<(String, shinchoku::model::measures::Measures)> {
    report
        .initiatives()
        .map(|i| (i.number.clone(), i.measures().clone()))
        .collect()
}

#[test]
fn the_report_table_carries_the_numbers_and_reads_back_the_same_in_every_encoding() {
    let report = rich();
    for encoding in [Encoding::Utf8, Encoding::Cp932, Encoding::Utf16] {
        let exported = export(&report, Format::Table, encoding).unwrap();
        let back = shinchoku::import::import_bytes(&exported.bytes).expect("imports");
        assert_eq!(
            numbers_of(&back.report),
            numbers_of(&report),
            "{encoding:?}"
        );
        assert_eq!(
            back.report.measure_settings, report.measure_settings,
            "{encoding:?}"
        );
        // The rest of the report too, and nothing unread.
        assert!(back.report.unread.is_empty(), "{:?}", back.report.unread);
        let sections: Vec<_> = back.report.sections.iter().map(|s| &s.title).collect();
        assert_eq!(
            sections,
            report.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
        );
        // The figure kept as written is warned about, naming its row and heading, and the
        // comment's TAB (a character that does not show) naming the initiative.
        let warned: Vec<String> = back.warnings.iter().map(|w| w.describe(Lang::En)).collect();
        assert_eq!(warned.len(), 2, "{warned:?}");
        assert!(
            warned[0].contains("30年度目標") && warned[0].contains("「約140」"),
            "{warned:?}"
        );
        assert!(
            warned[1].contains("initiative 1, a text of the numbers and ratings")
                && warned[1].contains("<TAB U+0009>"),
            "{warned:?}"
        );
    }
    let text = shinchoku::export::table::to_table_text(&report);
    assert!(
        text.contains("\t△5\t"),
        "a negative number is written with △"
    );
    assert!(text.contains("（単位：百万円）"));
}

/// Words of the numbers with spaces around them (a name, a unit, a direction kept as written,
/// a rating code the scale lacks that starts with a TAB, who rated, the comment) read back as
/// written from the table and the workbook (the reader trimmed each: the export did not
/// re-import equal, and a TAB-guarded `=1+1` came back as a formula starter).
#[test]
fn words_of_the_numbers_with_spaces_around_them_read_back_as_written() {
    let mut report = rich();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].name = format!("　{}　", m.indicators[0].name);
    m.indicators[0].unit = " 件 ".into();
    m.indicators[0].direction_unread = " 維持 ".into();
    m.self_rating = Some(shinchoku::model::measures::Rating {
        code: "\t=1+1".into(),
        by: " 人事課 ".into(),
        on: None,
        note: " 特記 ".into(),
    });
    if let Some(c) = m.comment.as_mut() {
        c.text = format!(" {} ", c.text);
    }
    let table = export(&report, Format::Table, Encoding::Utf8).unwrap();
    let back = shinchoku::import::import_bytes(&table.bytes).unwrap();
    assert_eq!(numbers_of(&back.report), numbers_of(&report), "table");
    let book = export(&report, Format::Xlsx, Encoding::Utf8).unwrap();
    let back = shinchoku::import::import_any(&book.bytes, None).unwrap();
    assert_eq!(numbers_of(&back.0), numbers_of(&report), "workbook");
}

/// A workbook's number sheets are looked over for characters that do not show as the report
/// table is (the comment's TAB was said from the table and not from the workbook).
#[test]
fn a_workbooks_numbers_with_characters_that_do_not_show_are_said() {
    let report = rich();
    let book = export(&report, Format::Xlsx, Encoding::Utf8).unwrap();
    let (_, warnings) = shinchoku::import::import_any(&book.bytes, None).unwrap();
    let warned: Vec<String> = warnings.iter().map(|w| w.describe(Lang::En)).collect();
    assert!(
        warned.iter().any(
            |w| w.contains("initiative 1, a text of the numbers and ratings")
                && w.contains("<TAB U+0009>")
        ),
        "{warned:?}"
    );
}

#[test]
fn a_report_without_numbers_exports_the_table_and_csv_as_before() {
    let seed = crate::seed().report;
    let text = shinchoku::export::table::to_table_text(&seed);
    let header = text.lines().find(|l| l.starts_with("番号\t")).unwrap();
    assert_eq!(
        header.trim_end_matches('\t').split('\t').count(),
        6,
        "{header}"
    );
    assert!(!text.contains("単位") && !text.contains("指標"));
    let csv = shinchoku::export::csv::to_csv(&seed).unwrap();
    let columns = shinchoku::export::csv::HEADER.len();
    assert_eq!(csv.lines().next().unwrap().split(',').count(), columns);
}

/// `rich()`'s report table with its text changed by `edit`, imported.
fn table_edited(edit: impl Fn(String) -> String) -> shinchoku::import::Imported {
    let text = edit(shinchoku::export::table::to_table_text(&rich()));
    shinchoku::import::import_text(&text).expect("imports")
}

/// The line of initiative `number`'s row in a table text (1-based).
fn line_of(text: &str, number: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(&format!("{number}\t")))
        .unwrap()
        + 1
}

#[test]
fn a_number_typed_with_a_kanji_scale_in_a_table_is_kept_as_written_and_named() {
    let text = shinchoku::export::table::to_table_text(&rich());
    let line = line_of(&text, "1");
    let imported = table_edited(|t| t.replacen("\t900\t", "\t1.2億\t", 1));
    let x = &imported.report.sections[0].initiatives[0]
        .measures()
        .indicators[0];
    assert_eq!(x.year(FY).unwrap().actual.unread, "1.2億");
    assert_eq!(x.year(FY).unwrap().actual.value, None);
    let said: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .filter(|w| w.contains("1.2億"))
        .collect();
    assert_eq!(said.len(), 1, "{:?}", imported.warnings);
    assert!(
        said[0].contains(&format!("{line}行")) && said[0].contains("29年度実績値"),
        "{said:?}"
    );
}

#[test]
fn numbers_typed_in_full_width_with_commas_in_a_table_are_read() {
    let imported = table_edited(|t| t.replacen("\t900\t", "\t　９，０００　\t", 1));
    let x = &imported.report.sections[0].initiatives[0]
        .measures()
        .indicators[0];
    assert_eq!(x.actual_for(FY), Some(Decimal::whole(9000)));
}

#[test]
fn a_numbers_row_naming_no_initiative_is_kept_unread_with_a_warning() {
    let imported = table_edited(|t| {
        let line = line_of(&t, "1");
        let mut lines: Vec<&str> = t.lines().collect();
        lines.insert(line, "99\t\t\t\t\t\t謎の指標\t件");
        lines.join("\n")
    });
    assert!(
        imported
            .report
            .unread
            .iter()
            .any(|u| u.text.contains("謎の指標")),
        "{:?}",
        imported.report.unread
    );
    assert!(
        imported.warnings.iter().any(|w| w
            .describe(Lang::En)
            .contains("no initiative numbered 「99」")),
        "{:?}",
        imported.warnings
    );
    // Initiative 1 keeps its own two indicators.
    assert_eq!(
        imported.report.sections[0].initiatives[0]
            .measures()
            .indicators
            .len(),
        2
    );
}

#[test]
fn a_row_with_text_in_the_published_columns_and_numbers_is_not_taken_for_numbers() {
    let imported = table_edited(|t| {
        let line = line_of(&t, "1");
        let mut lines: Vec<&str> = t.lines().collect();
        lines.insert(line, "1\t\tメモ\t\t\t\t紛れた指標");
        lines.join("\n")
    });
    let names: Vec<&str> = imported.report.sections[0].initiatives[0]
        .measures()
        .indicators
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(names, ["電子申請件数", "時間外勤務時間"]);
    assert!(
        imported
            .report
            .unread
            .iter()
            .any(|u| u.text.contains("紛れた指標")),
        "kept as written: {:?}",
        imported.report.unread
    );
}

#[test]
fn a_text_after_the_number_columns_is_still_kept_unread_with_a_warning() {
    // A field right of the last number column (委員会意見's 記入日) has no heading.
    let text = shinchoku::export::table::to_table_text(&rich());
    let line = line_of(&text, "1");
    let imported = table_edited(|t| {
        t.lines()
            .enumerate()
            .map(|(k, l)| {
                if k + 1 == line {
                    format!("{}\t欄外のメモ", l.trim_end_matches('\t'))
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert!(
        imported
            .report
            .unread
            .iter()
            .any(|u| u.text == "欄外のメモ")
    );
}

/// A table text as a spreadsheet saves it as CSV; `guard`: the spreadsheet took the table's
/// `'` before a formula-like cell as the mark of a text (as Excel does) and puts one back on
/// saving, as Shinchoku's CSV export does.
pub fn as_csv(table: &str, guard: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for line in table.lines() {
        let fields = line.split('\t').map(|f| {
            if guard {
                let shown = shinchoku::model::text::formula_unguarded(f);
                shinchoku::export::csv::formula_guarded(shown).into_owned()
            } else {
                f.to_string()
            }
        });
        writer.write_record(fields).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn the_report_table_saved_as_csv_imports_with_its_numbers() {
    let mut report = rich();
    // A figure an office program would run, kept as written.
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].year_mut(FiscalYear(2018)).target = Figure {
        value: None,
        unread: "=1+1".into(),
    };
    let table = shinchoku::export::table::to_table_text(&report);
    let from_table = shinchoku::import::import_text(&table).unwrap();
    for guard in [false, true] {
        let csv = format!("\u{feff}{}", as_csv(&table, guard));
        let back = shinchoku::import::import_bytes(csv.as_bytes()).expect("a CSV table imports");
        assert_eq!(
            numbers_of(&back.report),
            numbers_of(&report),
            "guarded: {guard}"
        );
        assert_eq!(back.report.measure_settings, report.measure_settings);
        assert_eq!(
            back.report.sections, from_table.report.sections,
            "guarded: {guard}"
        );
    }
}

#[test]
fn a_csv_whose_quote_is_never_closed_is_refused_for_want_of_a_header() {
    let csv = "平成29年度 報告\n\"番号,具体的取組,工程,年次計画,実績,担当課\n1,題,,,,\n";
    let err = shinchoku::import::import_text(csv).unwrap_err();
    assert_eq!(
        err.kind,
        shinchoku::model::diag::ImportErrorKind::NoHeaderRow
    );
}

#[test]
fn the_csv_carries_the_same_numbers_as_the_report_table_under_the_same_headings() {
    let report = rich();
    let csv = shinchoku::export::csv::to_csv(&report).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headings: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let table = shinchoku::export::table::to_table_text(&report);
    let header: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("番号\t"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(headings[..14], shinchoku::export::csv::HEADER);
    // The effects' headings name their unit and cumulative counting, which the table
    // declares above its header.
    let unit = "（百万円・累計）";
    let effect_headings: Vec<&String> = headings.iter().filter(|h| h.contains("額")).collect();
    assert!(!effect_headings.is_empty());
    for h in &effect_headings {
        assert!(h.ends_with(unit), "{h}");
    }
    let published = shinchoku::export::csv::HEADER.len();
    let plain: Vec<String> = (headings[published..].iter())
        .map(|h| h.replace(unit, ""))
        .collect();
    assert_eq!(plain, header[6..6 + headings.len() - published]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let numbers = |number: &str| -> Vec<Vec<String>> {
        rows.iter()
            .filter(|r| &r[1] == number)
            .map(|r| {
                (r.iter().skip(published))
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .filter(|cells| cells.iter().any(|c| !c.is_empty()))
            .collect()
    };
    // The table's cells after 担当課 on the initiative's row and its further indicator's.
    let line = line_of(&table, "1");
    let lines: Vec<&str> = table.lines().collect();
    let after_division = |l: &str, skip: usize| -> Vec<String> {
        let fields: Vec<&str> = l.split('\t').collect();
        fields[skip..skip + headings.len() - published]
            .iter()
            .map(|f| {
                shinchoku::import::html::resolve(f, shinchoku::import::html::Pass::Plain)
                    .into_owned()
            })
            .collect()
    };
    let first_row_start = lines[line - 1]
        .split('\t')
        .position(|f| f == "総務部人事課")
        .unwrap()
        + 1;
    assert_eq!(
        numbers("1"),
        [
            after_division(lines[line - 1], first_row_start),
            after_division(lines[line], 6)
        ]
    );
    // Negatives are written △, so nothing numeric needs the formula guard.
    assert!(csv.contains(",△5,") && !csv.contains("'△") && !csv.contains(",-5,"));
    // Initiatives 2–4 have a self-rating only, on their first row.
    assert_eq!(numbers("2").len(), 1);
    assert!(numbers("5").is_empty());
}

#[test]
fn the_csv_of_entries_is_refused_as_a_report_saying_what_it_is_and_what_to_import() {
    let csv = shinchoku::export::export(&rich(), Format::Csv, Encoding::Utf8).unwrap();
    let err = shinchoku::import::import_bytes(&csv.bytes).unwrap_err();
    assert_eq!(
        err.kind,
        shinchoku::model::diag::ImportErrorKind::EntriesCsv
    );
    let said = err.describe(Lang::En);
    assert!(
        said.contains("a CSV of entries") && said.contains("import the report table (.tsv)"),
        "{said}"
    );
}

#[test]
fn a_unit_on_a_numbers_row_without_an_indicator_is_kept_unread_not_dropped() {
    let imported = table_edited(|t| {
        let line = line_of(&t, "1");
        let mut lines: Vec<&str> = t.lines().collect();
        // 番号, five blanks under the published columns, then 指標, 指標の見出し blank and 単位.
        lines.insert(line, "1\t\t\t\t\t\t\t\t人");
        lines.join("\n")
    });
    assert!(
        imported.report.unread.iter().any(|u| u.text == "人"),
        "{:?}",
        imported.report.unread
    );
    assert_eq!(
        imported.report.sections[0].initiatives[0]
            .measures()
            .indicators
            .len(),
        2
    );
}

/// An indicator's name longer than an Excel cell holds: the division's response workbook
/// cannot carry it on its 数値回答 sheet, so `survey` refuses naming the initiative and the
/// column (it said only "String exceeds Excel's limit of 32,767 characters.").
#[test]
fn an_indicator_name_longer_than_a_cell_is_named_before_a_survey_writes_its_workbook() {
    let mut report = seed_with_measures();
    let first = &report.sections[0].initiatives[0];
    let (id, number, title) = (first.id, first.number.clone(), first.title.clone());
    let division = first.all_divisions()[0].to_string();
    let m = report.initiative_mut(id).unwrap().measures_mut();
    m.indicators[0].name = format!("{}件数", "電子申請".repeat(10_000));
    let response = shinchoku::survey::response_for(&report, &division, None, "");
    let long = shinchoku::survey::workbook::cell_too_long(&response).expect("named");
    assert_eq!(long.initiative, format!("{number} {title}"));
    assert_eq!(long.column, "数値回答: 項目");
    assert!(long.length > 40_000, "{long:?}");
    assert!(shinchoku::survey::workbook::write(&response).is_err());
}

/// The report table (offered for opening in a spreadsheet) never holds a cell an office
/// program runs as a formula: an indicator named `=1+1`, a figure `@SUM(1+1)`, written with a
/// `'` before them as the CSV's are — LibreOffice computed them from the `.tsv` (`=1+1` → 2) —
/// and read back as written, as is a text that itself begins with `'`.
#[test]
fn the_report_table_guards_cells_a_spreadsheet_would_run_and_reads_them_back() {
    let mut report = rich();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].name = "=1+1".into();
    m.indicators[0].unit = "'=件".into();
    m.indicators[0].year_mut(FiscalYear(2018)).target = Figure {
        value: None,
        unread: "@SUM(1+1)".into(),
    };
    let table = shinchoku::export::table::to_table_text(&report);
    let cells: Vec<&str> = table.lines().flat_map(|l| l.split('\t')).collect();
    for cell in ["=1+1", "@SUM(1+1)", "'=件"] {
        assert!(!cells.contains(&cell), "{cell} written bare");
    }
    assert!(
        cells.contains(&"'=1+1") && cells.contains(&"''=件"),
        "{cells:?}"
    );
    let back = shinchoku::import::import_text(&table).expect("imports");
    assert_eq!(numbers_of(&back.report), numbers_of(&report));
    let x = &back
        .report
        .initiatives()
        .next()
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!((x.name.as_str(), x.unit.as_str()), ("=1+1", "'=件"));
}

/// A report table's column after 担当課 read in no place (福知山市's 累計) keeps its heading
/// with the text in the unread list and names it in the warning, as a workbook's cell does:
/// the bare 「6,012」 was kept, said as `field 10 (?)`.
#[test]
fn a_tables_column_read_in_no_place_keeps_its_heading() {
    let rows = [
        vec!["平成29年度「行財政改革取組」上半期実績"],
        vec![],
        vec![
            "番号",
            "具体的取組",
            "工程",
            "平成29年度 年次計画",
            "上半期実績(4月～9月)",
            "担当課",
            "項目",
            "目標値（百万円）",
            "実績値（百万円）",
            "累計 (H28~R2年度)",
        ],
        vec!["I 行政運営"],
        vec![
            "1",
            "① 電子申請の拡大",
            "<table><tr><th>取組項目</th><th>29年度</th><th>30年度</th></tr><tr><td>□電子申請の拡大</td><td>実施</td><td>→</td></tr></table>",
            "・対象手続の拡大(4月～3月)",
            "・対象手続を12件追加(6月)",
            "総務部行財政改革推進課",
            "削減効果額(108項目)",
            "3,500",
            "3,297",
            "6,012",
        ],
    ];
    let table: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    let imported = shinchoku::import::import_bytes(table.as_bytes()).unwrap();
    let unread: Vec<&str> = imported
        .report
        .unread
        .iter()
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(unread, ["累計 (H28~R2年度): 6,012"]);
    let said: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("field 10 (累計 (H28~R2年度))")),
        "{said:?}"
    );
}

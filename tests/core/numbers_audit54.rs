//! Numbers and judgements as the audit of issue 25 in its 54th session found them: an effects
//! table's money unit declared in 億円 or 万円 (read as 千円, without a word), a formula's result
//! stored as the double's full digits (refused as too many decimals), a dash in a 評価 column
//! (taken for a level 「－」), the warning about a later year's actual (`-1310200000円`), and
//! 群馬県's rates at 100.0 with one initiative short.

use rust_xlsxwriter::Workbook;
use shinchoku::import::workbook::ImportedWorkbook;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::{Decimal, FigureProblem};
use shinchoku::model::measure_warning::MeasureWarning;
use shinchoku::model::measures::{Figure, Money, YenUnit};

use crate::measures::seed_with_measures;
use crate::measures_cycle::{sent, workbook_answer};
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

/// Headings of a report sheet with an indicator's columns after 担当課.
const HEAD: [&str; 11] = [
    "番号",
    "具体的取組",
    "取組項目",
    "29年度",
    "平成29年度 年次計画",
    "実績",
    "担当課",
    "指標",
    "単位",
    "目標値",
    "実績値",
];

/// The rows of that sheet: title, header, section, one initiative whose 実績値 (column 10) is
/// left for a number cell.
fn report_rows() -> [[&'static str; 11]; 4] {
    let mut title = [""; 11];
    title[0] = "平成29年度「改革」取組 上半期実績";
    let mut section = [""; 11];
    section[0] = "I 協創";
    let one = [
        "1",
        "① 研修",
        "□研修",
        "実施",
        "・研修(4月)",
        "・研修(4月)",
        "人事課",
        "受講率",
        "%",
        "80",
        "",
    ];
    [title, HEAD, section, one]
}

/// =40.1+45.2 as a spreadsheet stores its result: the double's full digits.
const FORMULA_RESULT: f64 = 40.1 + 45.2;

/// The indicator's actual and 達成率, and the warnings, of a report opened from `bytes`.
fn actual_read(bytes: &[u8]) -> (String, Option<f64>, Vec<String>) {
    let (report, warnings) = shinchoku::import::import_any(bytes, None).expect("opens");
    let x = &report.find_initiative("1").unwrap().measures().indicators[0];
    let rate = x.achievement_rate(FY);
    let said: Vec<String> = crate::described_ja(&warnings)
        .into_iter()
        .filter(|w| w.contains("桁"))
        .collect();
    (x.year(FY).unwrap().actual.display(), rate, said)
}

/// A number cell holding a formula's result as Excel stores it (`85.30000000000001` for
/// =40.1+45.2) is read as Excel shows it, 85.3, from an `.xlsx`, an `.xls` and an `.ods` alike:
/// it was refused as too many decimals. The same digits typed as text are still refused.
#[test]
fn a_formulas_double_in_a_number_cell_is_read_as_excel_shows_it() {
    assert_eq!(FORMULA_RESULT.to_string(), "85.30000000000001");
    let rows = report_rows();
    // .xlsx
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    let refs: Vec<&[&str]> = rows.iter().map(|r| &r[..]).collect();
    write_rows(ws, 0, &refs);
    ws.write_number(3, 10, FORMULA_RESULT).unwrap();
    let xlsx = book.save_to_buffer().unwrap();
    // .xls
    let mut records = crate::crafted::labels(&rows, 0);
    records.push(crate::crafted::number(3, 10, FORMULA_RESULT));
    let xls = crate::crafted::xls(&[], &records);
    // .ods, as another program than LibreOffice may write it
    let mut content: String = rows.iter().map(|r| crate::crafted::ods_row(r)).collect();
    let cell = r#"<table:table-cell office:value-type="float" office:value="85.30000000000001"><text:p>85.3</text:p></table:table-cell></table:table-row>"#;
    let at = content
        .rfind("<table:table-cell/></table:table-row>")
        .unwrap();
    content.replace_range(at.., cell);
    let ods = crate::crafted::ods(&content);
    for (kind, bytes) in [("xlsx", &xlsx), ("xls", &xls), ("ods", &ods)] {
        let (actual, rate, said) = actual_read(bytes);
        assert_eq!(
            (actual.as_str(), rate, said),
            ("85.3", Some(106.6), Vec::<String>::new()),
            "{kind}"
        );
    }
    // Typed as text with those digits: refused as too many decimals, as before.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    write_rows(ws, 0, &refs);
    ws.write_string(3, 10, "85.30000000000001").unwrap();
    let (actual, rate, said) = actual_read(&book.save_to_buffer().unwrap());
    assert_eq!((actual.as_str(), rate), ("85.30000000000001", None));
    assert_eq!(said.len(), 1, "{said:?}");
}

/// The answer workbook with the 数値回答 cell of `row` a number cell holding `written`.
fn with_number_at(book: &[u8], row: u32, written: &str) -> Vec<u8> {
    crate::rewrite_part(book, "xl/worksheets/sheet2.xml", |xml| {
        let number = format!("<c r=\"E{row}\"><v>{written}</v></c>");
        crate::cell_replaced(&xml, &format!("E{row}"), &number)
    })
}

/// A division's 数値回答 answered with formulas (上半期 + 下半期), saved by Excel: the year's
/// actual `85.30000000000001` and effect `1300.6999999999998` 百万円 are collected as 85.3 and
/// 1,300.7 百万円 (they were kept as text, out of the rate and of every total).
#[test]
fn a_formulas_double_answered_in_the_workbook_is_collected_as_shown() {
    use shinchoku::survey::measures::MeasureCell;
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let division = crate::measures_answers::first_division(&master);
    let response = shinchoku::survey::response_for(&master, &division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let rows = shinchoku::survey::workbook::read(&book).unwrap().measures;
    let row_of = |what: &dyn Fn(&MeasureCell) -> bool| {
        rows.iter()
            .find(|r| r.initiative == first.id && what(&r.what))
            .unwrap()
            .row
    };
    let indicator = row_of(&|w| matches!(w, MeasureCell::Indicator(0)));
    let effect = row_of(&|w| matches!(w, MeasureCell::Effect));
    let book = with_number_at(&book, indicator, "85.30000000000001");
    let book = with_number_at(&book, effect, "1300.6999999999998");
    let answer =
        shinchoku::survey::answer::answer_from_workbook(&book, format!("{division}.xlsx")).unwrap();
    let collection = shinchoku::survey::collect::collect(
        &master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    let said = crate::measures_answers::said(&collection);
    assert!(!said.iter().any(|w| w.contains("桁")), "{said:?}");
    let after = crate::measures_answers::taken(&master, &collection);
    let m = after.initiative(first.id).unwrap().measures();
    assert_eq!(
        m.indicators[0].actual_for(FY),
        Some(Decimal::try_from("85.3".to_string()).unwrap())
    );
    assert_eq!(m.effect(FY).unwrap().actual, Money::yen(1_300_700_000));
}

/// A bare dash in a 評価 column (「－」, 「-」, 「―」) is no rating: 未評価, as a dash is no number
/// elsewhere. It was taken as the level 「－」, warned about as not in the scale and counted in
/// the 集計表 as a code of its own.
#[test]
fn a_dash_in_a_rating_column_is_no_rating() {
    for dash in ["－", "-", "―"] {
        let mut book = Workbook::new();
        report_sheet(
            book.add_worksheet(),
            &["評価", "本部評価"],
            &[&["A", dash], &[dash, dash], &[dash]],
        );
        let ws = book.add_worksheet();
        ws.set_name("評価基準").unwrap();
        write_rows(
            ws,
            0,
            &[
                &["評価", "内容"],
                &["S", "特に良好に進捗"],
                &["A", "良好に進捗"],
                &["B", "概ね進捗"],
                &["C", "進捗に課題あり"],
            ],
        );
        let opened = open(&mut book);
        let ratings: Vec<(Option<String>, Option<String>)> = (opened.report.initiatives())
            .map(|i| {
                let m = i.measures();
                let code = |r: &Option<shinchoku::model::measures::Rating>| {
                    r.as_ref().map(|r| r.code.clone())
                };
                (code(&m.self_rating), code(&m.review))
            })
            .collect();
        assert_eq!(
            ratings,
            [(Some("A".into()), None), (None, None), (None, None)],
            "{dash}"
        );
        assert!(measure_warnings(&opened).is_empty(), "{dash}");
        let totals = shinchoku::summary::measures::totals(&opened.report);
        let counted: Vec<(&String, &usize)> =
            totals.ratings.iter().filter(|(_, n)| **n > 0).collect();
        assert_eq!(counted, [(&"A".to_string(), &1)], "{dash}");
    }
}

/// A dash typed over the self-rating in the division's 数値回答 clears it, as an emptied cell
/// does, and the review says so (「自己評価: S → —」): it was taken as the level 「－」.
#[test]
fn a_dash_answered_for_the_self_rating_clears_it() {
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    for dash in ["－", "-"] {
        let collection = workbook_answer(&master, &[("S", dash)]);
        let lines: Vec<String> = (collection.taken.iter())
            .flat_map(|t| t.difference.iter().flat_map(|d| &d.changes))
            .map(|c| c.describe(Lang::Ja))
            .collect();
        assert!(lines.contains(&"自己評価: S → —".to_string()), "{lines:?}");
        let after = crate::measures_answers::taken(&master, &collection);
        assert_eq!(
            after.initiative(first).unwrap().measures().self_rating,
            None,
            "{dash}"
        );
    }
}

/// The warning about an actual typed for a later year writes its figures as every other
/// output does: `△5.5`, and the amount in the report's unit with its thousands grouped,
/// `△1,310.2百万円` (it wrote `-5.5` and `-1310200000円`).
#[test]
fn the_later_year_warning_writes_figures_as_elsewhere() {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let later = FiscalYear(2018);
    m.indicators[0].year_mut(later).actual =
        Figure::of(Decimal::try_from("-5.5".to_string()).unwrap());
    m.effect_mut(later).actual = Money::yen(-1_310_200_000);
    for lang in [Lang::Ja, Lang::En] {
        let said: Vec<String> = shinchoku::model::check::warnings(&report)
            .iter()
            .map(|w| w.describe(lang))
            .filter(|w| w.contains("2018") || w.contains("30年度"))
            .collect();
        assert_eq!(said.len(), 2, "{said:#?}");
        assert!(said.iter().any(|w| w.contains("「△5.5」")), "{said:#?}");
        assert!(
            said.iter().any(|w| w.contains("「△1,310.2百万円」")),
            "{said:#?}"
        );
        assert!(!said.iter().any(|w| w.contains("-")), "{said:#?}");
    }
}

/// 群馬県's 数値目標等達成率 (the first level ÷ all) with 1,999 of 2,000 initiatives at the first
/// level reads 99.9, never 100.0 short of all, as an indicator's rate does (it read 100.0).
#[test]
fn the_first_levels_rate_is_not_100_with_one_short() {
    let mut report = seed_with_measures();
    report.sections.truncate(1);
    let model = report.sections[0].initiatives[0].clone();
    let codes = ["S", "A"];
    report.sections[0].initiatives = (0..2000)
        .map(|k| {
            let mut i = model.clone();
            i.id = shinchoku::model::Id(1_000_000 + k);
            i.number = (k + 1).to_string();
            let m = i.measures_mut();
            m.self_rating.as_mut().unwrap().code = codes[usize::from(k == 1999)].into();
            i
        })
        .collect();
    let totals = shinchoku::summary::measures::totals(&report);
    assert_eq!(totals.ratings.get("S"), Some(&1999));
    assert_eq!(
        (totals.rates.first_level, totals.rates.first_two_levels),
        (Some(99.9), Some(100.0))
    );
}

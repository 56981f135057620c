//! Workbooks laid out as other bodies publish their numbers and judgements (issue 25): each
//! layout made here with rust_xlsxwriter, and all three saved again by LibreOffice
//! (`tests/fixtures/measures-libreoffice.*`, made from [`all_layouts`]).

use rust_xlsxwriter::{Workbook, Worksheet};
use shinchoku::import::workbook::{ImportedWorkbook, WorkbookFormat, import_workbook};
use shinchoku::model::FiscalYear;
use shinchoku::model::diag::WarningKind;
use shinchoku::model::figure::Decimal;
use shinchoku::model::measure_warning::MeasureWarning;
use shinchoku::model::measures::{Counting, YenUnit};

const FY: FiscalYear = FiscalYear(2017);

/// A programme of three initiatives in the published layout, with `extra` headings after
/// 担当課 and each initiative's `extra` cells (by initiative, in order).
pub fn report_sheet(ws: &mut Worksheet, extra: &[&str], cells: &[&[&str]]) {
    let head = [
        "番号",
        "具体的取組",
        "取組項目",
        "29年度",
        "30年度",
        "平成29年度 年次計画",
        "上半期実績(4月～9月)",
        "担当課",
    ];
    let rows: [[&str; 8]; 3] = [
        [
            "1",
            "① 電子申請の拡大",
            "□電子申請の拡大",
            "実施",
            "→",
            "・対象手続の拡大(4月～3月)",
            "・対象手続を12件追加(6月)",
            "総務部行財政改革推進課",
        ],
        [
            "2",
            "② 職員研修の充実",
            "□研修の見直し",
            "検討",
            "実施",
            "・研修計画の見直し(9月)",
            "・新規採用職員研修(4回・103名受講)(4月)",
            "総務部人事課",
        ],
        [
            "3",
            "③ 公共施設の最適化",
            "□施設の集約",
            "実施",
            "実施",
            "・未利用財産の売却(通年)",
            "・2件売却(8月)",
            "総務部管財課",
        ],
    ];
    ws.set_name("工程表").unwrap();
    ws.write_string(0, 0, "平成29年度「行財政改革取組」上半期実績")
        .unwrap();
    for (c, t) in head.iter().chain(extra).enumerate() {
        ws.write_string(1, c as u16, *t).unwrap();
    }
    ws.write_string(2, 0, "I 行政運営").unwrap();
    for (k, row) in rows.iter().enumerate() {
        let r = 3 + k as u32;
        for (c, t) in row
            .iter()
            .chain(cells.get(k).copied().unwrap_or(&[]))
            .enumerate()
        {
            if !t.is_empty() {
                ws.write_string(r, c as u16, *t).unwrap();
            }
        }
    }
}

pub fn write_rows(ws: &mut Worksheet, from: u32, rows: &[&[&str]]) {
    for (k, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            if !t.is_empty() {
                ws.write_string(from + k as u32, c as u16, *t).unwrap();
            }
        }
    }
}

/// 福知山市-like: 項目 | 目標値 | 29年度実績 | 累計 | 進捗率, figures as offices type them.
fn fukuchiyama(book: &mut Workbook) {
    let ws = book.add_worksheet();
    ws.set_name("数値目標").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["行政改革取組状況（数値目標）"],
            &[
                "番号",
                "項目",
                "目標値",
                "29年度実績",
                "累計 (H28~R2年度)",
                "進捗率",
            ],
            &[
                "1",
                "削減効果額(108項目)",
                "3,500百万円",
                "3,297百万円",
                "6,012",
                "94.2%",
            ],
            &["", "電子申請件数", "１，２００", "９００", "", "75%"],
            &["3", "未利用地の売却件数", "10", "△2", "", ""],
        ],
    );
}

/// いわき市-like: 区分 | 28年度 … 31年度, rows 計画額(累計額) | 実績額 | 達成率, in 百万円, counted
/// cumulatively.
fn iwaki(book: &mut Workbook) {
    let ws = book.add_worksheet();
    ws.set_name("効果額").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["財政効果額の進捗状況", "", "", "", "（単位：百万円）"],
            &["※各年度の効果額は、前年度までの効果を含めた累計で計上しています"],
            &["番号", "区分", "28年度", "29年度", "30年度"],
            &["1", "計画額(累計額)", "1,200", "2,500", "3,800"],
            &["", "実績額", "1,150", "2,410.5", ""],
            &["", "達成率", "95.8%", "96.4%", ""],
            &["3", "計画額(累計額)", "300", "600", "900"],
            &["", "実績額", "320", "1.2億", ""],
        ],
    );
}

/// 木津川市-like rating column on the report sheet (S/A/B/C, 対象外), 下野市-like layers
/// beside it, and the legend on a sheet of its own.
fn kizugawa(book: &mut Workbook) {
    let ws = book.add_worksheet();
    report_sheet(
        ws,
        &["評価", "本部評価", "委員会意見"],
        &[
            &["S", "A", "目標を上回る成果。継続を"],
            &["A 良好に進捗"],
            &["対象外"],
        ],
    );
    let legend = book.add_worksheet();
    legend.set_name("評価基準").unwrap();
    write_rows(
        legend,
        0,
        &[
            &["評価", "内容", "説明"],
            &["S", "特に良好に進捗", "計画を上回って進んでいる"],
            &["A", "良好に進捗", "計画どおり進んでいる"],
            &["B", "概ね進捗", ""],
            &["C", "進捗に課題あり", ""],
            &["対象外", "対象外", "今年度は取組がない"],
        ],
    );
}

fn plain_report(book: &mut Workbook) {
    report_sheet(book.add_worksheet(), &[], &[]);
}

pub fn open(book: &mut Workbook) -> ImportedWorkbook {
    let bytes = book.save_to_buffer().unwrap();
    import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the workbook opens")
}

pub fn measure_warnings(opened: &ImportedWorkbook) -> Vec<(String, MeasureWarning)> {
    opened
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::Measure { warning } => Some((w.at.cell_name()?, warning.clone())),
            _ => None,
        })
        .collect()
}

fn d(text: &str) -> Option<Decimal> {
    Some(Decimal::try_from(text.to_string()).unwrap())
}

/// What the 福知山市 layout must give.
fn check_fukuchiyama(opened: &ImportedWorkbook) {
    let r = &opened.report;
    let one = r.find_initiative("1").unwrap().measures();
    assert_eq!(one.indicators.len(), 2);
    let saving = &one.indicators[0];
    assert_eq!(saving.name, "削減効果額(108項目)");
    assert_eq!(saving.unit, "百万円");
    assert_eq!(saving.target.value, d("3500"));
    assert_eq!(saving.actual_for(FY), d("3297"));
    assert_eq!(saving.achievement_rate(FY), Some(94.2));
    let filings = &one.indicators[1];
    assert_eq!(
        (filings.target.value, filings.actual_for(FY)),
        (d("1200"), d("900"))
    );
    let three = &r.find_initiative("3").unwrap().measures().indicators[0];
    assert_eq!(three.actual_for(FY), d("-2"));
    // 累計 is no column read: kept, and said.
    assert!(
        r.unread
            .iter()
            .any(|u| u.text == "累計 (H28~R2年度): 6,012")
    );
}

#[test]
fn indicator_rows_like_fukuchiyamas_open_with_every_number_in_place() {
    let mut book = Workbook::new();
    plain_report(&mut book);
    fukuchiyama(&mut book);
    let opened = open(&mut book);
    check_fukuchiyama(&opened);
    let warned = measure_warnings(&opened);
    // The typed rates agree with the computed ones; the empty ones are no rates.
    assert!(
        !warned
            .iter()
            .any(|(_, w)| matches!(w, MeasureWarning::RateDiffers { .. })),
        "{warned:?}"
    );
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.at.cell_name().as_deref() == Some("数値目標!E3"))
    );
}

/// What the いわき市 layout must give.
fn check_iwaki(opened: &ImportedWorkbook) {
    let r = &opened.report;
    assert_eq!(r.measure_settings.yen_unit, YenUnit::Million);
    assert_eq!(r.measure_settings.counting, Counting::Cumulative);
    let one = r.find_initiative("1").unwrap().measures();
    let years: Vec<(i32, Option<i64>, Option<i64>)> = one
        .effects
        .iter()
        .map(|e| (e.fiscal_year.0, e.planned.yen, e.actual.yen))
        .collect();
    assert_eq!(
        years,
        [
            (2016, Some(1_200_000_000), Some(1_150_000_000)),
            (2017, Some(2_500_000_000), Some(2_410_500_000)),
            (2018, Some(3_800_000_000), None),
        ]
    );
    let three = r.find_initiative("3").unwrap().measures();
    assert_eq!(three.effect(FY).unwrap().actual.unread, "1.2億");
}

#[test]
fn an_effects_table_like_iwakis_in_millions_opens_in_yen_counted_cumulatively() {
    let mut book = Workbook::new();
    plain_report(&mut book);
    iwaki(&mut book);
    let opened = open(&mut book);
    check_iwaki(&opened);
    let warned = measure_warnings(&opened);
    assert!(
        warned.iter().any(|(at, w)| at == "効果額!D8"
            && matches!(w, MeasureWarning::NumberNotRead { text, .. } if text == "1.2億")),
        "{warned:?}"
    );
    let tally = shinchoku::model::tally::Tally::of_report(&opened.report);
    // Cumulative: the latest year's figures, not their sum.
    assert_eq!(tally.planned_yen, Some(3_800_000_000 + 900_000_000));
}

/// What the 木津川市 / 下野市 layout must give.
fn check_kizugawa(opened: &ImportedWorkbook) {
    let r = &opened.report;
    let codes: Vec<&str> = r
        .measure_settings
        .rating_scale
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    assert_eq!(codes, ["S", "A", "B", "C", "対象外"]);
    assert!(r.measure_settings.rating_scale[4].not_applicable);
    assert_eq!(
        r.measure_settings.rating_scale[0].meaning,
        "計画を上回って進んでいる"
    );
    let m = |n: &str| r.find_initiative(n).unwrap().measures();
    assert_eq!(m("1").self_rating.as_ref().unwrap().code, "S");
    assert_eq!(m("1").review.as_ref().unwrap().code, "A");
    assert_eq!(
        m("1").comment.as_ref().unwrap().text,
        "目標を上回る成果。継続を"
    );
    assert_eq!(m("2").self_rating.as_ref().unwrap().code, "A");
    assert_eq!(m("3").self_rating.as_ref().unwrap().code, "対象外");
    // The measure columns are not the report's plan or results, nor cells outside it.
    assert_eq!(
        r.find_initiative("1").unwrap().topics[0].actual[0].text,
        "対象手続を12件追加(6月)"
    );
}

#[test]
fn a_rating_column_like_kizugawas_opens_with_its_scale_and_layers() {
    let mut book = Workbook::new();
    kizugawa(&mut book);
    let opened = open(&mut book);
    check_kizugawa(&opened);
    assert!(
        opened.report.unread.is_empty(),
        "{:?}",
        opened.report.unread
    );
    assert!(opened.warnings.is_empty(), "{:#?}", opened.warnings);
}

#[test]
fn a_rating_the_scale_does_not_have_is_kept_and_warned_about() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    report_sheet(ws, &["評価"], &[&["D"], &["Ａ"]]);
    ws.write_string(8, 0, "S：特に良好に進捗").unwrap();
    ws.write_string(9, 0, "A：良好に進捗").unwrap();
    let opened = open(&mut book);
    let m = |n: &str| opened.report.find_initiative(n).unwrap().measures();
    assert_eq!(m("1").self_rating.as_ref().unwrap().code, "D");
    // Ａ (full width) is the scale's A, written as the scale writes it.
    assert_eq!(m("2").self_rating.as_ref().unwrap().code, "A");
    let warned = measure_warnings(&opened);
    assert_eq!(
        warned
            .iter()
            .filter(|(_, w)| matches!(w, MeasureWarning::RatingNotInScale { .. }))
            .count(),
        1,
        "{warned:?}"
    );
    assert!(warned.iter().any(|(at, w)| at == "工程表!I4"
        && matches!(w, MeasureWarning::RatingNotInScale { code, .. } if code == "D")));
}

#[test]
fn a_row_naming_no_initiative_is_kept_unread_with_a_warning() {
    let mut book = Workbook::new();
    plain_report(&mut book);
    let ws = book.add_worksheet();
    write_rows(
        ws,
        0,
        &[
            &["番号", "指標", "目標値", "実績値"],
            &["99", "来庁者数", "100", "80"],
        ],
    );
    let opened = open(&mut book);
    assert!(opened.report.initiatives().all(|i| i.measures.is_none()));
    assert!(
        opened
            .report
            .unread
            .iter()
            .any(|u| u.text.contains("来庁者数"))
    );
    let warned = measure_warnings(&opened);
    assert!(
        warned.iter().any(
            |(_, w)| matches!(w, MeasureWarning::NoSuchInitiative { number } if number == "99")
        )
    );
}

#[test]
fn a_typed_rate_that_the_numbers_do_not_give_is_warned_about() {
    let mut book = Workbook::new();
    plain_report(&mut book);
    let ws = book.add_worksheet();
    write_rows(
        ws,
        0,
        &[
            &["番号", "指標", "目標値", "実績値", "達成率"],
            &["2", "受講者数", "200", "150", "90%"],
        ],
    );
    let opened = open(&mut book);
    let warned = measure_warnings(&opened);
    assert!(
        warned.iter().any(|(at, w)| at == "Sheet2!E2"
            && matches!(w, MeasureWarning::RateDiffers { computed, .. } if computed == "75%")),
        "{warned:?}"
    );
    assert!(opened.report.unread.iter().any(|u| u.text == "90%"), "kept");
}

/// A rate written beside numbers that are not read (「約150」): nothing to compare it with. It
/// was said to differ from 「—」, "the computed one used", and went without a trace: now it is
/// said to be unchecked and kept in the unread list, as written.
#[test]
fn a_typed_rate_beside_numbers_not_read_is_said_unchecked_and_kept() {
    let mut book = Workbook::new();
    plain_report(&mut book);
    let ws = book.add_worksheet();
    write_rows(
        ws,
        0,
        &[
            &["番号", "指標", "目標値", "実績値", "達成率"],
            &["2", "受講者数", "200", "約150", "95.8%"],
        ],
    );
    let opened = open(&mut book);
    let warned = measure_warnings(&opened);
    assert!(
        warned.iter().any(|(at, w)| at == "Sheet2!E2"
            && matches!(w, MeasureWarning::RateNotComputed { written } if written == "95.8%")),
        "{warned:?}"
    );
    assert!(
        !warned
            .iter()
            .any(|(_, w)| matches!(w, MeasureWarning::RateDiffers { .. }))
    );
    assert!(opened.report.unread.iter().any(|u| u.text == "95.8%"));
}

/// All three layouts in one workbook: what `tests/fixtures/measures-libreoffice.*` were made
/// from (`SHINCHOKU_WRITE_MEASURES=book.xlsx cargo test --test core all_layouts`, then
/// `soffice --headless --convert-to ods book.xlsx` and `--convert-to xlsx` of that).
fn all_layouts() -> Workbook {
    let mut book = Workbook::new();
    kizugawa(&mut book);
    fukuchiyama(&mut book);
    iwaki(&mut book);
    book
}

fn check_all(opened: &ImportedWorkbook) {
    check_fukuchiyama(opened);
    check_iwaki(opened);
    check_kizugawa(opened);
}

#[test]
fn all_layouts_in_one_workbook() {
    let mut book = all_layouts();
    if let Some(path) = std::env::var_os("SHINCHOKU_WRITE_MEASURES") {
        book.save(std::path::Path::new(&path)).unwrap();
    }
    check_all(&open(&mut book));
}

#[test]
fn the_layouts_saved_by_libreoffice_open_the_same() {
    for (name, format) in [
        ("measures-libreoffice.ods", WorkbookFormat::Ods),
        ("measures-libreoffice.xlsx", WorkbookFormat::Xlsx),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let bytes = std::fs::read(&path).unwrap();
        let opened = import_workbook(&bytes, format).expect(name);
        check_all(&opened);
    }
}

#[test]
fn numbers_and_ratings_exported_to_xlsx_open_the_same() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    use shinchoku::model::measures::{Baseline, Comment, Direction, Figure};
    let mut report = crate::measures::seed_with_measures();
    report.measure_settings.counting = Counting::Cumulative;
    let ids: Vec<_> = report.initiatives().map(|i| i.id).collect();
    let m = report.initiative_mut(ids[0]).unwrap().measures_mut();
    let x = &mut m.indicators[0];
    x.baseline = Some(Baseline {
        value: Figure::of(Decimal::whole(600)),
        year: Some(FiscalYear(2016)),
    });
    x.year_mut(FiscalYear(2018)).target = Figure::of(d("1100.5").unwrap());
    x.year_mut(FY).first_half = Figure::of(Decimal::whole(420));
    m.indicators.push(shinchoku::model::measures::Indicator {
        name: "時間外勤務時間".into(),
        unit: "時間".into(),
        direction: Direction::Lower,
        target: Figure::of(Decimal::whole(150)),
        ..Default::default()
    });
    m.indicators[1].year_mut(FY).actual = Figure {
        value: None,
        unread: "集計中".into(),
    };
    m.review = Some(shinchoku::model::measures::Rating {
        code: "A".into(),
        by: "行財政改革推進本部".into(),
        on: chrono::NaiveDate::from_ymd_opt(2017, 11, 20),
        note: String::new(),
    });
    m.comment = Some(Comment {
        text: "着実に進んでいる".into(),
        by: "行財政改革推進委員会".into(),
        on: None,
    });
    let effects = &mut report
        .initiative_mut(ids[2])
        .unwrap()
        .measures_mut()
        .effects;
    effects.push(shinchoku::model::measures::Effect {
        fiscal_year: FiscalYear(2016),
        planned: shinchoku::model::measures::Money::yen(1_500),
        actual: shinchoku::model::measures::Money::default(),
    });

    let bytes = export_bytes(&report, Format::Xlsx, Encoding::Utf8).expect("the XLSX is written");
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the export opens");
    for (a, b) in report.initiatives().zip(opened.report.initiatives()) {
        assert_eq!(a.measures(), b.measures(), "initiative {}", a.number);
    }
    assert_eq!(opened.report.measure_settings, report.measure_settings);
    assert_eq!(opened.report, report);
    // Only what was kept as written is warned about: not the 数値目標 sheet as a second report
    // table (its first row's 基準年度 `28年度` was taken for a second header row of years).
    assert!(
        !opened
            .warnings
            .iter()
            .any(|w| matches!(w.kind, WarningKind::OtherReportSheet { .. })),
        "{:?}",
        opened.warnings
    );
    let warned = measure_warnings(&opened);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(
        warned[0].0, "数値目標!K3",
        "the 29年度実績 of the second indicator"
    );
}

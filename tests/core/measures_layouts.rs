//! One workbook per body whose published layout issue 25 quotes — 福知山市, いわき市, 木津川市,
//! 下野市, 群馬県, さいたま市 — each made twice from the same cells: here with rust_xlsxwriter,
//! and by LibreOffice (`tests/fixtures/layouts/<body>.xlsx`, converted by
//! `scripts/layout-fixtures.sh` from the flat ODS that [`write_the_layouts_as_fods`] writes).
//! Cells that are plain numbers are written as numbers, as an office types them; the rest as
//! text. Each opens with every number and rating in place, read through `check --json`.

use rust_xlsxwriter::Workbook;
use serde_json::{Value, json};
use shinchoku::import::workbook::{ImportedWorkbook, WorkbookFormat, import_workbook};
use shinchoku::model::diag::WarningKind;
use shinchoku::model::tally::Tally;

/// A sheet: its name and its rows of cells.
type Sheet = (String, Vec<Vec<String>>);

/// A body's layout: the sheets of its workbook.
type Layout = fn() -> Vec<Sheet>;

fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
    cells
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// How a body heads its report sheet: the year, its two plan years, the initiatives' numbers
/// and the division's heading.
struct Heading {
    year: &'static str,
    plan_years: [&'static str; 2],
    numbers: [&'static str; 3],
    division: &'static str,
}

const H29: Heading = Heading {
    year: "平成29年度",
    plan_years: ["29年度", "30年度"],
    numbers: ["1", "2", "3"],
    division: "担当課",
};

/// The report sheet of three initiatives with `extra` headings after the division and each
/// initiative's `extra` cells.
fn report_sheet(h: &Heading, extra: &[&str], cells: &[&[&str]]) -> Sheet {
    let mut out = vec![
        vec![format!("{}「行財政改革取組」上半期実績", h.year)],
        [
            "番号",
            "具体的取組",
            "取組項目",
            h.plan_years[0],
            h.plan_years[1],
            &format!("{} 年次計画", h.year),
            "上半期実績(4月～9月)",
            h.division,
        ]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect(),
        vec!["I 行政運営".to_string()],
    ];
    let initiatives: [[&str; 7]; 3] = [
        [
            "① 電子申請の拡大",
            "□電子申請の拡大",
            "実施",
            "→",
            "・対象手続の拡大(4月～3月)",
            "・対象手続を12件追加(6月)",
            "総務部行財政改革推進課",
        ],
        [
            "② 職員研修の充実",
            "□研修の見直し",
            "検討",
            "実施",
            "・研修計画の見直し(9月)",
            "・新規採用職員研修(4回・103名受講)(4月)",
            "総務部人事課",
        ],
        [
            "③ 公共施設の最適化",
            "□施設の集約",
            "実施",
            "実施",
            "・未利用財産の売却(通年)",
            "・2件売却(8月)",
            "総務部管財課",
        ],
    ];
    for (k, row) in initiatives.iter().enumerate() {
        let mut line = vec![h.numbers[k].to_string()];
        line.extend(row.iter().map(|s| s.to_string()));
        line.extend(cells[k].iter().map(|s| s.to_string()));
        out.push(line);
    }
    ("工程表".to_string(), out)
}

fn sheet(name: &str, cells: &[&[&str]]) -> Sheet {
    (name.to_string(), rows(cells))
}

/// 福知山市: 項目｜目標値｜2年度実績｜累計 (H28~R2年度)｜進捗率, 「3,297百万円」; each item 達成 /
/// 部分実施 / 検討中. A 令和 report.
fn fukuchiyama() -> Vec<Sheet> {
    let r2 = Heading {
        year: "令和2年度",
        plan_years: ["2年度", "3年度"],
        ..H29
    };
    vec![
        report_sheet(&r2, &["評価"], &[&["達成"], &["部分実施"], &["検討中"]]),
        sheet(
            "数値目標",
            &[
                &["行政改革取組状況"],
                &[
                    "番号",
                    "項目",
                    "目標値",
                    "2年度実績",
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
                &["2", "電子申請件数", "1200", "900", "", "75%"],
            ],
        ),
        sheet(
            "評価基準",
            &[
                &["評価", "内容"],
                &["達成", "目標を達成した"],
                &["部分実施", "一部を実施した"],
                &["検討中", "実施に向けて検討中"],
            ],
        ),
    ]
}

/// いわき市: 区分｜18年度 … 22年度, rows 計画額(累計額)｜実績額｜達成率 in 百万円, each year's
/// saving counted again in later years.
fn iwaki() -> Vec<Sheet> {
    let h20 = Heading {
        year: "平成20年度",
        plan_years: ["20年度", "21年度"],
        ..H29
    };
    vec![
        report_sheet(&h20, &[], &[&[], &[], &[]]),
        sheet(
            "進捗状況",
            &[
                &[
                    "財政効果額の進捗状況",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "（単位：百万円）",
                ],
                &["※各年度の効果額は、前年度までの効果額を含めた累計で計上しています"],
                &[
                    "番号", "区分", "18年度", "19年度", "20年度", "21年度", "22年度",
                ],
                &["1", "計画額(累計額)", "100", "250", "400", "550", "700"],
                &["", "実績額", "120", "260", "380.5", "", ""],
                &["", "達成率", "120.0%", "104.0%", "95.1%", "", ""],
                &["3", "計画額(累計額)", "30", "60", "90", "120", "150"],
                &["", "実績額", "△10", "20", "", "", ""],
            ],
        ),
    ]
}

/// 木津川市: items No.R2-1 with a 所管課; 評価 S/A/B/C and 対象外, 主な指標等, 取組実績・特記欄;
/// a 財政効果額 table in 千円.
fn kizugawa() -> Vec<Sheet> {
    let r2 = Heading {
        year: "令和2年度",
        plan_years: ["2年度", "3年度"],
        numbers: ["No.R2-1", "No.R2-2", "No.R2-3"],
        division: "所管課",
    };
    vec![
        report_sheet(
            &r2,
            &["評価", "主な指標等", "取組実績・特記欄"],
            &[
                &["S", "電子申請件数", "手続を12件追加した"],
                &["A 良好に進捗", "", ""],
                &["対象外", "", ""],
            ],
        ),
        sheet(
            "評価基準",
            &[
                &["評価", "内容"],
                &["S", "特に良好に進捗"],
                &["A", "良好に進捗"],
                &["B", "概ね進捗"],
                &["C", "進捗に課題あり"],
                &["対象外", "対象外"],
            ],
        ),
        sheet(
            "財政効果額",
            &[
                &[
                    "財政効果額（行財政改革推進委員会）",
                    "",
                    "",
                    "（単位：千円）",
                ],
                &["番号", "区分", "2年度", "3年度"],
                &["No.R2-1", "計画額", "1,500", "3,000"],
                &["", "実績額", "1,620", ""],
            ],
        ),
    ]
}

/// 下野市: S 計画以上 … C ほとんど進んでいない; the 所管課 rates, the 推進本部 reviews, the
/// 委員会 comments.
fn shimotsuke() -> Vec<Sheet> {
    vec![
        report_sheet(
            &H29,
            &[
                "自己評価",
                "評価者",
                "本部評価",
                "評価者",
                "委員会意見",
                "記入者",
            ],
            &[
                &[
                    "S",
                    "総務部行財政改革推進課",
                    "A",
                    "行財政改革推進本部",
                    "計画以上の成果を続けること",
                    "行財政改革推進委員会",
                ],
                &[
                    "B",
                    "総務部人事課",
                    "C ほとんど進んでいない",
                    "行財政改革推進本部",
                    "",
                    "",
                ],
                &["A", "総務部管財課", "", "", "", ""],
            ],
        ),
        sheet(
            "評価基準",
            &[
                &["評価", "内容"],
                &["S", "計画以上"],
                &["A", "計画どおり"],
                &["B", "やや遅れている"],
                &["C", "ほとんど進んでいない"],
            ],
        ),
    ]
}

/// 群馬県: A 大きな成果あり / B 成果あり / C 実施 / D 未実施, and the 委員会's 意見.
fn gunma() -> Vec<Sheet> {
    vec![
        report_sheet(
            &H29,
            &["評価", "委員会意見"],
            &[&["A", "成果を他の取組に広げること"], &["B", ""], &["D", ""]],
        ),
        sheet(
            "評価基準",
            &[
                &["評価", "内容"],
                &["A", "大きな成果あり"],
                &["B", "成果あり"],
                &["C", "実施"],
                &["D", "未実施"],
            ],
        ),
    ]
}

/// さいたま市: four levels from 「目標を上回って達成」 to 「目標を未達成」, written as they are.
fn saitama() -> Vec<Sheet> {
    vec![
        report_sheet(
            &H29,
            &["評価"],
            &[
                &["目標を上回って達成"],
                &["目標を概ね達成"],
                &["目標を未達成"],
            ],
        ),
        sheet(
            "評価基準",
            &[
                &["評価", "内容"],
                &["目標を上回って達成", "目標値を上回った"],
                &["目標を達成", "目標値に達した"],
                &["目標を概ね達成", "目標値の8割以上"],
                &["目標を未達成", "目標値の8割未満"],
            ],
        ),
    ]
}

const LAYOUTS: [(&str, Layout); 6] = [
    ("fukuchiyama", fukuchiyama),
    ("iwaki", iwaki),
    ("kizugawa", kizugawa),
    ("shimotsuke", shimotsuke),
    ("gunma", gunma),
    ("saitama", saitama),
];

/// A cell that is a plain number (no comma, no unit, no leading zero) is written as a number.
fn as_number(cell: &str) -> Option<f64> {
    let plain = cell.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !(cell.starts_with('0') && cell.len() > 1);
    plain.then(|| cell.parse().ok()).flatten()
}

fn made_by_rust_xlsxwriter(sheets: &[Sheet]) -> ImportedWorkbook {
    let bytes = workbook_of(sheets, |_| None).save_to_buffer().unwrap();
    import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the workbook opens")
}

/// The sheets as a workbook, each number cell in the number format `format` gives for its
/// sheet's name (none: General).
fn workbook_of<'f>(
    sheets: &[Sheet],
    format: impl Fn(&str) -> Option<&'f rust_xlsxwriter::Format>,
) -> Workbook {
    let mut book = Workbook::new();
    for (name, cells) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in cells.iter().enumerate() {
            for (c, cell) in row.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
                let (r, c) = (r as u32, c as u16);
                match (as_number(cell), format(name)) {
                    (Some(n), Some(f)) => ws.write_number_with_format(r, c, n, f).unwrap(),
                    (Some(n), None) => ws.write_number(r, c, n).unwrap(),
                    (None, _) => ws.write_string(r, c, cell).unwrap(),
                };
            }
        }
    }
    book
}

fn saved_by_libreoffice(body: &str) -> ImportedWorkbook {
    let path = format!(
        "{}/tests/fixtures/layouts/{body}.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the workbook opens")
}

/// The same cells as a flat ODS document, for LibreOffice to convert.
fn fods(sheets: &[Sheet]) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
        r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
        r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
        r#"office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">"#,
        "<office:body><office:spreadsheet>\n"
    ));
    for (name, cells) in sheets {
        out += &format!("<table:table table:name=\"{}\">\n", esc(name));
        for row in cells {
            out += "<table:table-row>";
            for cell in row {
                out += &match as_number(cell) {
                    _ if cell.is_empty() => "<table:table-cell/>".to_string(),
                    Some(n) => format!(
                        "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{cell}</text:p></table:table-cell>"
                    ),
                    None => format!(
                        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        esc(cell)
                    ),
                };
            }
            out += "</table:table-row>\n";
        }
        out += "</table:table>\n";
    }
    out + "</office:spreadsheet></office:body></office:document>\n"
}

/// Writes each layout as `<body>.fods` into `$SHINCHOKU_LAYOUT_DIR`, for
/// `scripts/layout-fixtures.sh` to convert with LibreOffice.
#[test]
#[ignore = "run by scripts/layout-fixtures.sh"]
fn write_the_layouts_as_fods() {
    let dir = std::env::var("SHINCHOKU_LAYOUT_DIR").expect("SHINCHOKU_LAYOUT_DIR");
    for (body, layout) in LAYOUTS {
        std::fs::write(format!("{dir}/{body}.fods"), fods(&layout())).unwrap();
    }
}

/// What `check --json` says of the workbook.
fn check_json(opened: &ImportedWorkbook) -> Value {
    let summary = shinchoku::summary::ReportSummary::new(&opened.report, &[]);
    serde_json::to_value(&summary).unwrap()
}

/// The rating warnings (a code the scale lacks, or no scale), which none of the layouts has.
fn rating_warnings(opened: &ImportedWorkbook) -> Vec<String> {
    let found = opened.warnings.iter().filter(|w| {
        matches!(&w.kind, WarningKind::Measure { warning } if format!("{warning:?}").contains("Rating"))
    });
    found.map(|w| format!("{w:?}")).collect()
}

/// Each initiative's (number, rating) in `check --json`.
fn ratings(v: &Value) -> Vec<(String, Value)> {
    let list = v["initiative_list"].as_array().unwrap();
    list.iter()
        .map(|i| {
            (
                i["number"].as_str().unwrap().to_string(),
                i["rating"].clone(),
            )
        })
        .collect()
}

/// Both makers of one layout, each checked by `check`.
fn both(body: &str, layout: Layout, check: fn(&ImportedWorkbook)) {
    for (maker, opened) in [
        ("rust_xlsxwriter", made_by_rust_xlsxwriter(&layout())),
        ("LibreOffice", saved_by_libreoffice(body)),
    ] {
        eprintln!("{body}, made by {maker}");
        check(&opened);
    }
}

#[test]
fn fukuchiyamas_indicator_rows_and_three_word_ratings_open_in_place() {
    both("fukuchiyama", fukuchiyama, |opened| {
        let v = check_json(opened);
        assert_eq!(v["fiscal_year"], 2020);
        let one = &v["initiative_list"][0];
        assert_eq!(
            one["indicators"],
            json!([{ "name": "削減効果額(108項目)", "unit": "百万円", "topic": null,
                     "target": 3500, "actual": 3297, "actual_first_half": false,
                     "achievement_rate": 94.2, "progress_rate": null }])
        );
        assert_eq!(
            v["initiative_list"][1]["indicators"],
            json!([{ "name": "電子申請件数", "unit": "", "topic": null,
                     "target": 1200, "actual": 900, "actual_first_half": false,
                     "achievement_rate": 75.0,
                     "progress_rate": null }])
        );
        assert_eq!(
            ratings(&v),
            [
                (
                    "1".into(),
                    json!({ "self": "達成", "review": null, "self_note": null, "review_note": null })
                ),
                (
                    "2".into(),
                    json!({ "self": "部分実施", "review": null, "self_note": null, "review_note": null })
                ),
                (
                    "3".into(),
                    json!({ "self": "検討中", "review": null, "self_note": null, "review_note": null })
                ),
            ]
        );
        assert_eq!(
            v["summary"]["ratings"],
            json!({ "達成": 1, "部分実施": 1, "検討中": 1 })
        );
        assert_eq!(rating_warnings(opened), Vec::<String>::new());
        // The 累計 column is not read: kept, with a warning.
        assert!(
            opened
                .report
                .unread
                .iter()
                .any(|u| u.text.contains("6,012") || u.text.contains("6012")),
            "{:?}",
            opened.report.unread
        );
    });
}

#[test]
fn iwakis_cumulative_plan_and_actual_rows_in_millions_open_in_yen() {
    both("iwaki", iwaki, |opened| {
        let v = check_json(opened);
        assert_eq!(v["fiscal_year"], 2008);
        let m = 1_000_000i64;
        // 達成率 computed (the typed row is only checked): 380.5 ÷ 400 = 95.1 %.
        let year = |fy: i64, planned: Option<i64>, actual: Option<i64>, rate: Option<f64>| json!({ "fiscal_year": fy, "planned_yen": planned, "actual_yen": actual, "achievement_rate": rate });
        assert_eq!(
            v["initiative_list"][0]["effects"],
            json!([
                year(2006, Some(100 * m), Some(120 * m), Some(120.0)),
                year(2007, Some(250 * m), Some(260 * m), Some(104.0)),
                year(2008, Some(400 * m), Some(380_500_000), Some(95.1)),
                year(2009, Some(550 * m), None, None),
                year(2010, Some(700 * m), None, None),
            ])
        );
        assert_eq!(
            v["initiative_list"][2]["effects"][0],
            year(2006, Some(30 * m), Some(-10 * m), Some(-33.3)),
            "△10 is minus ten million yen"
        );
        assert_eq!(
            opened.report.measure_settings.counting,
            shinchoku::model::measures::Counting::Cumulative
        );
        assert_eq!(
            opened.report.measure_settings.yen_unit,
            shinchoku::model::measures::YenUnit::Million
        );
    });
}

#[test]
fn kizugawas_items_numbered_r2_with_a_shokanka_and_their_ratings_open_in_place() {
    both("kizugawa", kizugawa, |opened| {
        let v = check_json(opened);
        let list = v["initiative_list"].as_array().unwrap();
        let divisions: Vec<&Value> = list.iter().map(|i| &i["divisions"][0]).collect();
        assert_eq!(
            divisions,
            [
                &json!("総務部行財政改革推進課"),
                &json!("総務部人事課"),
                &json!("総務部管財課")
            ]
        );
        assert_eq!(
            ratings(&v),
            [
                (
                    "No.R2-1".into(),
                    // 取組実績・特記欄 as the 所管課 wrote it.
                    json!({ "self": "S", "review": null,
                            "self_note": "手続を12件追加した", "review_note": null })
                ),
                (
                    "No.R2-2".into(),
                    json!({ "self": "A", "review": null, "self_note": null, "review_note": null })
                ),
                (
                    "No.R2-3".into(),
                    json!({ "self": "対象外", "review": null, "self_note": null, "review_note": null })
                ),
            ]
        );
        assert_eq!(list[0]["indicators"][0]["name"], "電子申請件数");
        assert_eq!(
            list[0]["effects"],
            json!([
                { "fiscal_year": 2020, "planned_yen": 1_500_000, "actual_yen": 1_620_000, "achievement_rate": 108.0 },
                { "fiscal_year": 2021, "planned_yen": 3_000_000, "actual_yen": null, "achievement_rate": null },
            ])
        );
        let codes: Vec<&Value> = v["rating_scale"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| &l["code"])
            .collect();
        assert_eq!(codes, ["S", "A", "B", "C", "対象外"]);
        assert!(opened.report.measure_settings.rating_scale[4].not_applicable);
        assert_eq!(rating_warnings(opened), Vec::<String>::new());
        // 取組実績・特記欄 is the note beside the self-rating: read there, nothing left unread.
        let rated = |k: usize| opened.report.sections[0].initiatives[k].measures();
        let note = |k: usize| rated(k).self_rating.as_ref().map(|r| r.note.as_str());
        assert_eq!(note(0), Some("手続を12件追加した"));
        assert_eq!(note(1), Some(""));
        assert!(
            !opened
                .report
                .unread
                .iter()
                .any(|u| u.text.contains("手続を12件追加した")),
            "{:?}",
            opened.report.unread
        );
    });
}

#[test]
fn shimotsukes_three_layers_open_with_who_rated() {
    both("shimotsuke", shimotsuke, |opened| {
        let v = check_json(opened);
        assert_eq!(
            ratings(&v),
            [
                (
                    "1".into(),
                    json!({ "self": "S", "review": "A", "self_note": null, "review_note": null })
                ),
                (
                    "2".into(),
                    json!({ "self": "B", "review": "C", "self_note": null, "review_note": null })
                ),
                (
                    "3".into(),
                    json!({ "self": "A", "review": null, "self_note": null, "review_note": null })
                ),
            ]
        );
        let one = opened.report.find_initiative("1").unwrap().measures();
        assert_eq!(
            one.self_rating.as_ref().unwrap().by,
            "総務部行財政改革推進課"
        );
        assert_eq!(one.review.as_ref().unwrap().by, "行財政改革推進本部");
        let comment = one.comment.as_ref().unwrap();
        assert_eq!(
            (comment.text.as_str(), comment.by.as_str()),
            ("計画以上の成果を続けること", "行財政改革推進委員会")
        );
        let labels: Vec<&str> = opened
            .report
            .measure_settings
            .rating_scale
            .iter()
            .map(|l| l.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "計画以上",
                "計画どおり",
                "やや遅れている",
                "ほとんど進んでいない"
            ]
        );
        assert_eq!(rating_warnings(opened), Vec::<String>::new());
    });
}

#[test]
fn gunmas_four_levels_open_and_give_its_two_rates() {
    both("gunma", gunma, |opened| {
        let v = check_json(opened);
        assert_eq!(
            v["summary"]["ratings"],
            json!({ "A": 1, "B": 1, "C": 0, "D": 1 })
        );
        let tally = Tally::of_report(&opened.report);
        let settings = &opened.report.measure_settings;
        // 数値目標等達成率 = A ÷ all, 計画実施率 = (A + B) ÷ all.
        assert_eq!(tally.top_rate(settings, 1), Some(33.3));
        assert_eq!(tally.top_rate(settings, 2), Some(66.7));
        let comment = opened.report.find_initiative("1").unwrap().measures();
        assert_eq!(
            comment.comment.as_ref().unwrap().text,
            "成果を他の取組に広げること"
        );
        assert_eq!(rating_warnings(opened), Vec::<String>::new());
    });
}

#[test]
fn saitamas_four_worded_levels_open_in_place() {
    both("saitama", saitama, |opened| {
        let v = check_json(opened);
        assert_eq!(
            ratings(&v),
            [
                (
                    "1".into(),
                    json!({ "self": "目標を上回って達成", "review": null, "self_note": null, "review_note": null })
                ),
                (
                    "2".into(),
                    json!({ "self": "目標を概ね達成", "review": null, "self_note": null, "review_note": null })
                ),
                (
                    "3".into(),
                    json!({ "self": "目標を未達成", "review": null, "self_note": null, "review_note": null })
                ),
            ]
        );
        assert_eq!(v["rating_scale"].as_array().unwrap().len(), 4);
        assert_eq!(
            v["summary"]["ratings"],
            json!({ "目標を上回って達成": 1, "目標を達成": 0, "目標を概ね達成": 1, "目標を未達成": 1 })
        );
        assert_eq!(rating_warnings(opened), Vec::<String>::new());
    });
}

/// Each layout, as LibreOffice saved it, exported to XLSX and opened again: the same numbers,
/// ratings, scale, unit and counting, the numbers `No.R2-1` and the 所管課 included.
#[test]
fn each_layout_exported_to_xlsx_opens_with_the_same_numbers_and_ratings() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    for (body, _) in LAYOUTS {
        let first = saved_by_libreoffice(body);
        let bytes = export_bytes(&first.report, Format::Xlsx, Encoding::Utf8).unwrap();
        let again = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the export opens");
        assert_eq!(check_json(&again), check_json(&first), "{body}");
        for (a, b) in first.report.initiatives().zip(again.report.initiatives()) {
            assert_eq!(a.number, b.number, "{body}");
            assert_eq!(
                a.measures(),
                b.measures(),
                "{body}, initiative {}",
                a.number
            );
        }
        let (a, b) = (&first.report, &again.report);
        assert_eq!(a.measure_settings, b.measure_settings, "{body}");
    }
}

/// 木津川市's scale declared twice — a legend beside the table and the 評価基準 sheet — is one
/// scale: each level once, so each rating counts once; a level the two name differently is
/// said, the sheet's kept.
#[test]
fn a_scale_declared_beside_the_table_and_on_its_own_sheet_is_one_scale() {
    let mut sheets = kizugawa();
    let legend = ["S：特に良好に進捗", "A：良好に進捗", "C：課題あり"];
    for (row, text) in sheets[0].1.iter_mut().zip(legend) {
        row.resize(14, String::new());
        row.push(text.to_string());
    }
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    let codes: Vec<&Value> = v["rating_scale"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["code"])
        .collect();
    assert_eq!(codes, ["S", "A", "B", "C", "対象外"]);
    assert_eq!(
        v["summary"]["ratings"],
        json!({ "S": 1, "A": 1, "B": 0, "C": 0, "対象外": 1 })
    );
    let said: Vec<String> = said_ja(&opened)
        .into_iter()
        .filter(|w| w.contains("2度"))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("「C」") && said[0].contains("進捗に課題あり"),
        "{said:?}"
    );
}

/// A 評価日 typed into Excel is a date cell (its serial number, 44105, with a date format):
/// read as the date the office typed, not warned about as 「44105」.
#[test]
fn a_rating_date_typed_as_a_date_is_that_date() {
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let sheets = vec![report_sheet(
        &H29,
        &["自己評価", "評価者", "評価日"],
        &[
            &["S", "総務部行財政改革推進課", "DATE"],
            &["A", "総務部人事課", ""],
            &["B", "総務部管財課", ""],
        ],
    )];
    let mut book = Workbook::new();
    let date = ExcelDateTime::from_ymd(2017, 11, 1).unwrap();
    let format = Format::new().set_num_format("yyyy/m/d");
    for (name, cells) in &sheets {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in cells.iter().enumerate() {
            for (c, cell) in row.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
                let (r, c) = (r as u32, c as u16);
                match cell.as_str() {
                    "DATE" => ws.write_datetime_with_format(r, c, &date, &format).unwrap(),
                    text => ws.write_string(r, c, text).unwrap(),
                };
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the workbook opens");
    let m = opened.report.sections[0].initiatives[0].measures();
    let rated = m.self_rating.as_ref().expect("a self-rating");
    assert_eq!(rated.on, chrono::NaiveDate::from_ymd_opt(2017, 11, 1));
    let said: Vec<String> = opened.warnings.iter().map(|w| format!("{w:?}")).collect();
    assert!(!said.iter().any(|w| w.contains("4304")), "{said:?}");
}

/// One year's actual effect in two columns (実績額 and 効果額): the first is used, the second
/// kept unread and said — never one written over the other without a word.
#[test]
fn an_effect_in_two_columns_keeps_the_first_and_says_the_second() {
    let sheets = vec![report_sheet(
        &H29,
        &["実績額（百万円）", "効果額（百万円）"],
        &[&["12", "15"], &["", ""], &["", ""]],
    )];
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    assert_eq!(
        v["initiative_list"][0]["effects"][0]["actual_yen"],
        json!(12_000_000)
    );
    assert!(opened.report.unread.iter().any(|u| u.text == "15"));
    let said = said_ja(&opened);
    assert!(
        said.iter()
            .any(|w| w.contains("2か所") && w.contains("「12000千円」") && w.contains("「15」")),
        "{said:?}"
    );
}

/// 福知山市's table with its actual headed 「実績」 alone (and 「実績（件）」): on a numbers sheet
/// of its own that is the actual. It was not read — every 達成率 blank, the typed 進捗率 "cannot
/// be checked" — and each figure said to stand outside the report's columns.
#[test]
fn a_numbers_sheets_column_headed_jisseki_alone_is_the_actual() {
    let mut sheets = fukuchiyama();
    let table = &mut sheets[1].1;
    table[1][3] = "実績".into();
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    let one = &v["initiative_list"][0]["indicators"][0];
    assert_eq!(
        (&one["actual"], &one["achievement_rate"]),
        (&json!(3297), &json!(94.2)),
        "{one}"
    );
    sheets[1].1[1][3] = "実績（件）".into();
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    assert_eq!(
        v["initiative_list"][1]["indicators"][0]["actual"],
        json!(900)
    );
}

/// 福知山市-like headings with the unit in them (`目標値（百万円）`, `2年度実績（百万円）`): the
/// indicator's unit is that, not dropped; a 単位 cell, where written, is the row's own.
#[test]
fn a_unit_in_a_figure_columns_heading_is_the_indicators_unit() {
    let sheets = vec![report_sheet(
        &H29,
        &["指標", "単位", "目標値（百万円）", "実績値（百万円）"],
        &[
            &["削減効果額", "", "3,500", "3,297"],
            &["電子申請件数", "件", "1,200", "900"],
            &["", "", "", ""],
        ],
    )];
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    let list = v["initiative_list"].as_array().unwrap();
    assert_eq!(list[0]["indicators"][0]["unit"], "百万円");
    assert_eq!(
        list[0]["indicators"][0]["actual"],
        json!(3297),
        "{:#?} {:?}",
        list[0]["indicators"],
        opened.warnings
    );
    assert_eq!(list[1]["indicators"][0]["unit"], "件");
}

/// いわき市's table as printed, `区分 | 18年度 … 22年度` with no 番号 column: whose figures they
/// are is not known, so they are read as no initiative's — but kept, every row, and the sheet
/// named in a warning (it was passed over without a word).
#[test]
fn a_table_of_figures_without_numbers_is_kept_and_said() {
    let mut sheets = iwaki();
    let table = &mut sheets[1].1;
    for row in table.iter_mut().skip(2) {
        row.remove(0);
    }
    let opened = made_by_rust_xlsxwriter(&sheets);
    let said = said_ja(&opened);
    assert!(
        said.iter()
            .any(|w| w.contains("「進捗状況」") && w.contains("番号の列がなく")),
        "{said:?}"
    );
    let unread: Vec<&str> = crate::unread_texts(&opened.report);
    assert!(
        unread
            .iter()
            .any(|u| u.starts_with("計画額(累計額)\t100\t250")),
        "{unread:?}"
    );
    assert!(
        unread.iter().any(|u| u.starts_with("実績額\t△10\t20")),
        "{unread:?}"
    );
}

/// いわき市's table without its note: the row named `計画額(累計額)` declares the counting
/// itself, so the effects are cumulative (the plan's total is the latest year's, not the sum of
/// running totals).
#[test]
fn a_row_named_cumulative_declares_cumulative_counting() {
    let mut sheets = iwaki();
    sheets[1].1.remove(1);
    assert!(!sheets[1].1.iter().flatten().any(|c| c.contains("計上")));
    let opened = made_by_rust_xlsxwriter(&sheets);
    assert_eq!(
        opened.report.measure_settings.counting,
        shinchoku::model::measures::Counting::Cumulative
    );
}

/// A 達成率 cell formatted as a percentage holds a fraction: 0.015 for 1.5 %, −0.024 for
/// −2.4 %. Either agrees with the computed rate; only a rate that differs is said.
#[test]
fn a_small_rate_in_a_percentage_cell_agrees_with_the_computed_one() {
    let sheets = vec![report_sheet(
        &H29,
        &["指標", "目標値", "実績値", "達成率"],
        &[
            &["削減額", "1000", "15", "0.015"],
            &["件数", "1000", "-24", "-0.024"],
            &["人数", "1000", "500", "0.3"],
        ],
    )];
    let opened = made_by_rust_xlsxwriter(&sheets);
    let differs: Vec<String> = opened
        .warnings
        .iter()
        .map(|w| format!("{w:?}"))
        .filter(|w| w.contains("RateDiffers"))
        .collect();
    assert_eq!(differs.len(), 1, "{differs:?}");
    assert!(differs[0].contains("0.3"), "{differs:?}");
}

/// The warnings of an opened workbook as the Japanese window says them.
fn said_ja(opened: &ImportedWorkbook) -> Vec<String> {
    opened
        .warnings
        .iter()
        .map(|w| shinchoku::lang::Describe::describe(w, shinchoku::lang::Lang::Ja))
        .collect()
}

/// 木津川市's 財政効果額 broken down: two 計画額 and two 実績額 rows for one item (歳出削減,
/// 歳入確保). The first of each is kept, the second kept unread and said — never one written
/// over the other: the 歳出削減 rows were lost without a word.
#[test]
fn two_effect_rows_of_one_kind_keep_the_first_and_say_the_second() {
    let mut sheets = kizugawa();
    sheets[2] = sheet(
        "財政効果額",
        &[
            &["財政効果額", "", "", "（単位：千円）"],
            &["番号", "区分", "2年度", "3年度"],
            &["No.R2-1", "計画額（歳出削減）", "1,500", "3,000"],
            &["", "計画額（歳入確保）", "500", "500"],
            &["", "実績額（歳出削減）", "1,620", ""],
            &["", "実績額（歳入確保）", "480", ""],
        ],
    );
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    let effects = &v["initiative_list"][0]["effects"];
    assert_eq!(effects[0]["planned_yen"], json!(1_500_000), "{effects}");
    assert_eq!(effects[0]["actual_yen"], json!(1_620_000), "{effects}");
    assert_eq!(effects[1]["planned_yen"], json!(3_000_000), "{effects}");
    let unread: Vec<&str> = crate::unread_texts(&opened.report);
    for kept in ["500", "480"] {
        assert!(unread.contains(&kept), "{kept} kept unread: {unread:?}");
    }
    let said = said_ja(&opened);
    for (first, second) in [("1500千円", "500"), ("1620千円", "480")] {
        assert!(
            said.iter()
                .any(|w| w.contains(&format!("「{first}」と「{second}」"))),
            "{said:?}"
        );
    }
}

/// 群馬県's 意見一覧表 with two comments on one item, and a row rated in two 評価 columns:
/// both comments are kept, a line apiece; the first rating is kept and the second kept unread
/// and said. The first comment and the first rating were lost without a word.
#[test]
fn two_comments_are_both_kept_and_a_second_rating_is_said() {
    let mut sheets = gunma();
    sheets[0] = report_sheet(
        &H29,
        &["評価", "評価（年度末）", "委員会意見"],
        &[
            &["A", "C", "費用対効果を示すこと"],
            &["B", "", ""],
            &["D", "", ""],
        ],
    );
    sheets.push(sheet(
        "意見一覧表",
        &[
            &["番号", "委員会意見"],
            &["1", "成果を他の取組に広げること"],
        ],
    ));
    let opened = made_by_rust_xlsxwriter(&sheets);
    let m = opened.report.sections[0].initiatives[0].measures();
    assert_eq!(m.self_rating.as_ref().map(|r| r.code.as_str()), Some("A"));
    let comment = &m.comment.as_ref().expect("the comments").text;
    assert!(
        comment.contains("費用対効果を示すこと") && comment.contains("成果を他の取組に広げること"),
        "{comment}"
    );
    assert!(opened.report.unread.iter().any(|u| u.text == "C"));
    let said = said_ja(&opened);
    assert!(
        said.iter()
            .any(|w| w.contains("自己評価が2つあります（「A」と「C」）")),
        "{said:?}"
    );
}

/// 群馬県's rates divide by all the initiatives, those not rated yet too: with item 3's rating
/// left blank, A ÷ 3 is 33.3 % and (A + B) ÷ 3 is 66.7 % — not 50 % and 100 % of the two rated.
/// `check --json` gives both rates in its summary.
#[test]
fn gunmas_rates_count_an_initiative_not_rated_yet() {
    let mut sheets = gunma();
    sheets[0] = report_sheet(
        &H29,
        &["評価", "委員会意見"],
        &[&["A", ""], &["B", ""], &["", ""]],
    );
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    assert_eq!(
        v["summary"]["rates"],
        json!({ "first_level": 33.3, "first_two_levels": 66.7 })
    );
    let seed = crate::seed().report;
    let seed = serde_json::to_value(shinchoku::summary::ReportSummary::new(&seed, &[])).unwrap();
    assert_eq!(
        seed["summary"]["rates"],
        json!({ "first_level": null, "first_two_levels": null })
    );
}

/// An `.ods` (as LibreOffice saves one) whose 目標値 and 実績値 are percentage cells: read as the
/// sheet shows them, 15 % and 12.345 %, as from an XLSX. They were read as 0.15 and 0.12345
/// without a word (the 達成率, a ratio, hid it).
#[test]
fn percentage_cells_of_an_ods_are_read_as_shown() {
    let sheet = report_sheet(
        &H29,
        &["指標", "単位", "目標値", "実績値"],
        &[&["電子化率", "%", "15%", "12.345%"], &[], &[]],
    );
    let mut body = String::new();
    for row in &sheet.1 {
        body += "<table:table-row>";
        for cell in row {
            body += &match cell.strip_suffix('%') {
                _ if cell.is_empty() => "<table:table-cell/>".to_string(),
                Some(n) if !n.is_empty() => {
                    let value = n.parse::<f64>().unwrap() / 100.0;
                    format!(
                        r#"<table:table-cell office:value-type="percentage" office:value="{value}"><text:p>{cell}</text:p></table:table-cell>"#
                    )
                }
                _ => format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
                ),
            };
        }
        body += "</table:table-row>";
    }
    let opened = import_workbook(&crate::crafted::ods(&body), WorkbookFormat::Ods)
        .expect("the workbook opens");
    let v = check_json(&opened);
    let x = &v["initiative_list"][0]["indicators"][0];
    assert_eq!(
        (&x["target"], &x["actual"]),
        (&json!(15), &json!(12.345)),
        "{x}"
    );
}

/// An `.xls` (LibreOffice's, `scripts/percent-xls-fixture.sh`) whose 目標値 and 実績値 are number
/// cells formatted `0.0%` and `0.000%`: read as the sheet shows them, as from an XLSX. They were
/// read as 0.15 and 0.12345.
#[test]
fn percentage_cells_of_an_xls_are_read_as_shown() {
    let path = format!(
        "{}/tests/fixtures/layouts/percent.xls",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    let opened = import_workbook(&bytes, WorkbookFormat::Xls).expect("the workbook opens");
    let v = check_json(&opened);
    let x = &v["initiative_list"][1]["indicators"][0];
    assert_eq!(x["name"], json!("電子申請率"));
    assert_eq!(
        (&x["target"], &x["actual"]),
        (&json!(15), &json!(12.345)),
        "{x}"
    );
    // A formula's value (=D3*0.8) formatted 0.0%: as shown too. It was read as 0.12.
    let x = &v["initiative_list"][2]["indicators"][0];
    assert_eq!(
        (&x["target"], &x["actual"]),
        (&json!(15), &json!(12)),
        "{x}"
    );
}

/// 木津川市's 財政効果額 sheet in 千円 whose cells hold yen shown in thousands (`#,##0,`), and
/// a 効果額 cell of 3297 shown `3,297百万円` (`#,##0"百万円"`): read as the sheet shows them,
/// 1,500 千円 and 3,297 百万円. They were read as 1,500,000 千円 (1,000 times the sheet's) and
/// 3,297 千円, without a word.
#[test]
fn a_unit_or_a_scale_in_a_cells_format_is_read_as_the_sheet_shows_it() {
    let mut sheets = kizugawa();
    sheets[2] = sheet(
        "財政効果額",
        &[
            &["財政効果額", "", "", "（単位：千円）"],
            &["番号", "区分", "2年度", "3年度"],
            &["No.R2-1", "計画額", "1500000", "3000400"],
            &["", "実績額", "1620000", ""],
        ],
    );
    let thousands = rust_xlsxwriter::Format::new().set_num_format("#,##0,");
    let millions = rust_xlsxwriter::Format::new().set_num_format(r###"#,##0"百万円""###);
    let mut book = workbook_of(&sheets, |name| (name == "財政効果額").then_some(&thousands));
    // Initiative R2-2's 効果額 on the report sheet, in a column of its own.
    let report = book.worksheet_from_index(0).unwrap();
    report.write_string(1, 11, "2年度効果額").unwrap();
    let second = sheets[0].1.iter().position(|r| r[0] == "No.R2-2").unwrap() as u32;
    report
        .write_number_with_format(second, 11, 3297.0, &millions)
        .unwrap();
    let opened = import_workbook(&book.save_to_buffer().unwrap(), WorkbookFormat::Xlsx)
        .expect("the workbook opens");
    let v = check_json(&opened);
    let effects = &v["initiative_list"][0]["effects"];
    assert_eq!(effects[0]["planned_yen"], json!(1_500_000), "{effects}");
    assert_eq!(effects[0]["actual_yen"], json!(1_620_000), "{effects}");
    assert_eq!(effects[1]["planned_yen"], json!(3_000_400), "{effects}");
    let effects = &v["initiative_list"][1]["effects"];
    assert_eq!(
        effects[0]["actual_yen"],
        json!(3_297_000_000u64),
        "{effects}"
    );
}

/// 木津川市's 工程表 names each item's indicator (主な指標等), and a 数値目標 sheet gives its
/// figures: one indicator, the sheet's figures under the 工程表's name. There were two — an
/// empty one, carried into the survey, compare and the next year — and a warning of two
/// indicators of one name.
#[test]
fn an_indicator_named_on_the_report_sheet_and_given_figures_on_another_is_one() {
    let mut sheets = kizugawa();
    sheets.push(sheet(
        "数値目標",
        &[
            &["番号", "指標", "単位", "目標値", "実績値"],
            &["No.R2-1", "電子申請件数", "件", "1000", "900"],
        ],
    ));
    let opened = made_by_rust_xlsxwriter(&sheets);
    let v = check_json(&opened);
    let indicators = v["initiative_list"][0]["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 1, "{indicators:?}");
    assert_eq!(
        (&indicators[0]["target"], &indicators[0]["actual"]),
        (&json!(1000), &json!(900))
    );
    let said = said_ja(&opened);
    assert!(!said.iter().any(|w| w.contains("電子申請件数")), "{said:?}");
}

/// The same as an `.xls` and an `.ods` (LibreOffice's, `scripts/percent-xls-fixture.sh`): yen
/// shown in thousands in a 千円 sheet and a 効果額 shown in 百万円 are read as shown. They
/// were read 1,000 times off: 1,500,000 千円 and 3,297 千円.
#[test]
fn a_scale_or_a_money_unit_in_an_xls_or_ods_cells_format_is_read_as_shown() {
    for (file, format) in [
        ("formats.xls", WorkbookFormat::Xls),
        ("formats.ods", WorkbookFormat::Ods),
    ] {
        formats_read_as_shown(file, format);
    }
}

fn formats_read_as_shown(file: &str, format: WorkbookFormat) {
    let path = format!(
        "{}/tests/fixtures/layouts/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    let opened = import_workbook(&bytes, format).expect("the workbook opens");
    let v = check_json(&opened);
    let effects = &v["initiative_list"][0]["effects"];
    assert_eq!(effects[0]["planned_yen"], json!(1_500_000), "{effects}");
    assert_eq!(effects[0]["actual_yen"], json!(1_620_000), "{effects}");
    assert_eq!(effects[1]["planned_yen"], json!(3_000_400), "{effects}");
    let effects = &v["initiative_list"][1]["effects"];
    assert_eq!(
        effects[0]["actual_yen"],
        json!(3_297_000_000u64),
        "{effects}"
    );
}

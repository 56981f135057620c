//! Workbooks in: Shinchoku's own XLSX export opened back, the same workbook as LibreOffice
//! saves it (.ods, .xls, .xlsx), workbooks typed the way offices type them, and workbooks
//! that are not reports.

use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::{WorkbookFormat, import_any, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::Report;
use shinchoku::model::diag::{ImportErrorKind, WarningKind};

use crate::seed;

fn seed_xlsx() -> Vec<u8> {
    export_bytes(&seed().report, Format::Xlsx, Encoding::Utf8).expect("the XLSX is written")
}

fn counts(report: &Report) -> (usize, usize, usize, i32) {
    let initiatives = report.initiatives().count();
    let items = report.initiatives().map(|i| i.items.len()).sum();
    (
        report.sections.len(),
        initiatives,
        items,
        report.fiscal_year.0,
    )
}

#[test]
fn the_seed_exported_to_xlsx_opens_as_the_same_report() {
    let report = seed().report;
    let opened = import_workbook(&seed_xlsx(), WorkbookFormat::Xlsx).expect("the export opens");
    assert_eq!(opened.sheet, "進捗報告");
    assert!(opened.warnings.is_empty(), "{:#?}", opened.warnings);
    if opened.report != report {
        let a = shinchoku::store::to_ron(&report);
        let b = shinchoku::store::to_ron(&opened.report);
        for (x, y) in a.lines().zip(b.lines()) {
            if x != y {
                panic!("first difference:\n{x}\n{y}");
            }
        }
        panic!("reports differ");
    }
    assert_eq!(counts(&opened.report), (3, 11, 24, 2017));
    let (again, _) = import_any(&seed_xlsx(), None).unwrap();
    assert!(again == report);
}

/// 見え消し in a report workbook: a result struck through (a run with `<strike/>`, as Excel
/// stores it) was read as any other line and nothing said. It is read as written and said,
/// naming the cell and the struck words.
#[test]
fn struck_text_in_a_report_workbook_is_said_and_kept() {
    let struck = "・職員向けメルマガにおける周知(6月)";
    let book = crate::rewrite_part(&seed_xlsx(), "xl/sharedStrings.xml", |x| {
        let at = x.find(struck).unwrap();
        let start = x[..at].rfind("<si><t>").unwrap();
        let end = at + x[at..].find("</t></si>").unwrap();
        let (before, after) = (&x[start + 7..at], &x[at + struck.len()..end]);
        format!(
            "{}<si><r><t xml:space=\"preserve\">{before}</t></r><r><rPr><strike/><color rgb=\"FFFF0000\"/></rPr><t>{struck}</t></r><r><t xml:space=\"preserve\">{after}</t></r></si>{}",
            &x[..start],
            &x[end + "</t></si>".len()..]
        )
    });
    let opened = import_workbook(&book, WorkbookFormat::Xlsx).expect("the workbook opens");
    let said: Vec<String> = (opened.warnings.iter())
        .filter(|w| matches!(&w.kind, WarningKind::StruckThrough { text } if text == struck))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    let [ja] = said.as_slice() else {
        panic!("{:#?}", opened.warnings);
    };
    assert!(ja.contains("進捗報告!"), "{ja}");
    assert!(ja.contains("取り消し線"), "{ja}");
    assert!(
        opened.report == seed().report,
        "the words are kept as written"
    );
}

/// The same workbook after LibreOffice saved it as .ods, .xls and .xlsx (made with
/// `soffice --headless --convert-to ods|xls|xlsx` from `shinchoku export` of the seed; kept
/// as fixtures so that CI needs no LibreOffice).
#[test]
fn the_export_saved_again_by_libreoffice_opens_as_the_same_report() {
    let report = seed().report;
    for (name, bytes) in [
        (
            "seed-libreoffice.ods",
            &include_bytes!("../fixtures/seed-libreoffice.ods")[..],
        ),
        (
            "seed-libreoffice.xls",
            &include_bytes!("../fixtures/seed-libreoffice.xls")[..],
        ),
        (
            "seed-libreoffice.xlsx",
            &include_bytes!("../fixtures/seed-libreoffice.xlsx")[..],
        ),
    ] {
        let by_name = WorkbookFormat::of_name(std::path::Path::new(name));
        assert_eq!(
            WorkbookFormat::of_bytes(bytes),
            by_name,
            "{name}: told by content"
        );
        let (opened, warnings) = import_any(bytes, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(counts(&opened), (3, 11, 24, 2017), "{name}");
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
        assert_eq!(opened.title, report.title, "{name}");
        assert_eq!(opened.period, report.period, "{name}");
        assert_eq!(opened.plan_years, report.plan_years, "{name}");
        assert!(
            opened.sections == report.sections,
            "{name}: sections differ"
        );
        assert!(opened == report, "{name}: the report differs");
    }
}

/// The seed typed the way an office keeps it in Excel: a title block of two rows above, one
/// header row with other wording (具体的取組内容, H28 / 平成29年度 / 2018年度 / 31年度,
/// 担当部局・課) and 取組項目 beside the years, no merged cell anywhere — each stage's label
/// repeated in every year it covers, the number and title written once on the first of an
/// initiative's rows (the number of the first as a formula, of others as numbers), one section
/// written in the second column, and a note beside the table.
fn typed_workbook(report: &Report) -> Vec<u8> {
    use rust_xlsxwriter::{Formula, Workbook};
    use shinchoku::export::xlsx::side_text;
    use shinchoku::model::Side;

    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    ws.write_string(0, 0, "資料２").unwrap();
    ws.write_string(1, 1, &report.title).unwrap();
    let years = ["H28", "平成29年度", "2018年度", "31年度"];
    let header = [
        "番号",
        "具体的取組内容",
        "取組項目",
        years[0],
        years[1],
        years[2],
        years[3],
        "年次計画",
        "上半期実績",
        "担当部局・課",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let mut row = 4;
    for (s, section) in report.sections.iter().enumerate() {
        // The second section's heading stands in the title column.
        let col = if s == 1 { 1 } else { 0 };
        ws.write_string(row, col, format!("{} {}", section.numeral, section.title))
            .unwrap();
        row += 1;
        for initiative in &section.initiatives {
            let first = row;
            if initiative.number == "1" {
                ws.write_formula(first, 0, Formula::new("=2-1").set_result("1"))
                    .unwrap();
            } else {
                ws.write_number(first, 0, initiative.number.parse::<f64>().unwrap())
                    .unwrap();
            }
            ws.write_string(
                first,
                1,
                format!("{} {}", initiative.label, initiative.title).trim(),
            )
            .unwrap();
            ws.write_string(first, 7, side_text(initiative, Side::Plan))
                .unwrap();
            ws.write_string(first, 8, side_text(initiative, Side::Actual))
                .unwrap();
            let mut division: Vec<String> = initiative.divisions.clone();
            for topic in &initiative.topics {
                if let (Some(h), Some(d)) = (&topic.heading, &topic.division) {
                    division.push(format!("<{h}>\n{d}"));
                }
            }
            ws.write_string(first, 9, division.join("\n")).unwrap();
            for item in &initiative.items {
                for (lane_index, lane) in item.lanes.iter().enumerate() {
                    if lane_index == 0 {
                        ws.write_string(row, 2, item.display_name()).unwrap();
                    }
                    for span in lane {
                        for year in span.first.0..=span.last.0 {
                            let col = 3 + (year - report.plan_years.first.0) as u16;
                            ws.write_string(row, col, &span.source).unwrap();
                        }
                    }
                    row += 1;
                }
            }
            if row == first {
                row += 1;
            }
        }
    }
    ws.write_string(5, 10, "備考: 上半期の見込み").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_typed_another_way_opens_with_the_same_initiatives_and_stages() {
    let report = seed().report;
    let opened = import_workbook(&typed_workbook(&report), WorkbookFormat::Xlsx)
        .expect("the typed workbook opens");
    assert_eq!(opened.sheet, "工程表");
    assert_eq!(counts(&opened.report), (3, 11, 24, 2017));
    assert_eq!(opened.report.period, report.period);
    assert_eq!(opened.report.plan_years, report.plan_years);
    // The title is the row naming the year, not the 資料２ above it.
    assert_eq!(opened.report.title, report.title);
    // Repeated labels are one stage over their years, as the merged cells were; the first
    // initiative's number is the formula's cached result.
    assert!(
        opened.report.sections == report.sections,
        "the initiatives, items, stages and entries are the seed's"
    );
    // The note beside the table is kept, and its cell named.
    let note = opened
        .warnings
        .iter()
        .find(|w| matches!(&w.kind, WarningKind::CellOutsideLayout { text } if text.starts_with("備考")))
        .expect("the note is warned about");
    assert_eq!(note.at.cell_name().as_deref(), Some("工程表!K6"));
    assert!(note.describe(Lang::Ja).starts_with("工程表!K6"));
    assert!(
        opened
            .report
            .unread
            .iter()
            .any(|u| u.text == "備考: 上半期の見込み" && u.row == 6)
    );
    // 資料２ above the title is no title, and is kept, said (it went without a word).
    assert!(opened.report.unread.iter().any(|u| u.text == "資料２"));
    assert!(
        (opened.warnings.iter())
            .any(|w| matches!(&w.kind, WarningKind::TextAboveHeader { text } if text == "資料２"))
    );
    assert_eq!(opened.warnings.len(), 2, "{:#?}", opened.warnings);
}

#[test]
fn a_workbook_with_no_report_in_it_is_refused_with_a_message() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("予算").unwrap();
    for (r, row) in [["費目", "金額"], ["旅費", "120000"], ["需用費", "45000"]]
        .iter()
        .enumerate()
    {
        for (c, t) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *t).unwrap();
        }
    }
    book.add_worksheet().set_name("メモ").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = import_workbook(&bytes, WorkbookFormat::Xlsx).expect_err("no report");
    assert_eq!(
        err.kind,
        ImportErrorKind::NoReportSheet {
            sheets: vec!["予算".into(), "メモ".into()]
        }
    );
    let ja = err.describe(Lang::Ja);
    assert!(
        ja.contains("番号") && ja.contains("「予算」、「メモ」"),
        "{ja}"
    );
    assert!(
        err.to_string().contains("sheets searched: 予算, メモ"),
        "{err}"
    );
}

fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect()
}

#[test]
fn random_bytes_named_xlsx_are_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (k, len) in [0usize, 3, 100, 5000].into_iter().enumerate() {
        let path = dir.path().join(format!("report{k}.xlsx"));
        std::fs::write(&path, noise(k as u64 + 7, len)).unwrap();
        let err = shinchoku::open_report(&path).expect_err("random bytes are no workbook");
        let message = err.to_string();
        assert!(
            message.contains("cannot be opened as an XLSX workbook"),
            "{message}"
        );
        assert!(
            err.describe(Lang::Ja)
                .contains("XLSXのブックとして開けません")
        );
    }
}

#[test]
fn a_damaged_workbook_gives_an_error_never_a_panic() {
    let whole = seed_xlsx();
    // Cut short at many places, and bytes overwritten inside the package.
    for cut in (0..whole.len()).step_by(whole.len() / 40 + 1) {
        let _ = import_any(&whole[..cut], Some(WorkbookFormat::Xlsx));
    }
    let err = import_any(&whole[..whole.len() / 2], Some(WorkbookFormat::Xlsx))
        .expect_err("half a workbook");
    assert!(
        matches!(
            err.kind,
            ImportErrorKind::DamagedWorkbook { format: "XLSX", .. }
        ),
        "{err}"
    );
    for k in 0..60u64 {
        let mut bytes = whole.clone();
        let noise = noise(k, 16);
        let at = (k as usize * 997) % (bytes.len() - 16);
        bytes[at..at + 16].copy_from_slice(&noise);
        let _ = import_any(&bytes, None);
    }
    for fixture in [
        &include_bytes!("../fixtures/seed-libreoffice.ods")[..],
        &include_bytes!("../fixtures/seed-libreoffice.xls")[..],
    ] {
        for cut in (0..fixture.len()).step_by(fixture.len() / 20 + 1) {
            let _ = import_any(&fixture[..cut], None);
        }
    }
}

/// A workbook saved with a password is an OLE compound file holding `EncryptionInfo` and
/// `EncryptedPackage`; this one is laid out by hand (one FAT sector, one directory sector,
/// the package in eight sectors), as Excel writes it.
fn encrypted_workbook() -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut out = vec![0u8; 512];
    out[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let put16 =
        |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut out, 24, 0x3E);
    put16(&mut out, 26, 3);
    put16(&mut out, 28, 0xFFFE);
    put16(&mut out, 30, 9);
    put16(&mut out, 32, 6);
    put32(&mut out, 44, 1); // FAT sectors
    put32(&mut out, 48, 1); // directory starts at sector 1
    put32(&mut out, 56, 0x1000);
    put32(&mut out, 60, END); // no mini FAT
    put32(&mut out, 68, END); // no DIFAT sectors
    put32(&mut out, 76, 0); // the FAT is sector 0
    for k in 1..109 {
        put32(&mut out, 76 + 4 * k, FREE);
    }
    // Sector 0: the FAT. 0 is the FAT, 1 the directory, 2..=9 the package.
    let mut fat = vec![0xFFFF_FFFDu32, END];
    fat.extend(3..=9);
    fat.push(END);
    fat.resize(128, FREE);
    for v in fat {
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Sector 1: the directory: the root and the package.
    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let utf16: Vec<u16> = name.encode_utf16().collect();
        for (k, u) in utf16.iter().enumerate() {
            e[2 * k..2 * k + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[64..66].copy_from_slice(&((utf16.len() as u16 + 1) * 2).to_le_bytes());
        e[66] = kind;
        e[67] = 1;
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    out.extend(entry("Root Entry", 5, 1, END, 0));
    out.extend(entry("EncryptedPackage", 2, FREE, 2, 4096));
    for _ in 0..2 {
        out.extend(entry("", 0, FREE, 0, 0));
    }
    out.extend(noise(99, 4096));
    out
}

#[test]
fn a_workbook_with_a_password_gets_a_clear_error() {
    let bytes = encrypted_workbook();
    assert_eq!(WorkbookFormat::of_bytes(&bytes), Some(WorkbookFormat::Xls));
    let err = import_any(&bytes, Some(WorkbookFormat::Xlsx)).expect_err("encrypted");
    assert_eq!(err.kind, ImportErrorKind::EncryptedWorkbook);
    assert!(err.describe(Lang::Ja).contains("パスワード"));
    assert!(err.to_string().contains("protected by a password"));
}

/// A workbook laid out with a two-row header and no title block: 工程 merged over 取組項目
/// and the years, sections numbered `1.`, an initiative's number, title, plan, actual and
/// division merged down over its items, a stage merged over three years, an item with a
/// second lane, an unreadable month in the plan.
fn two_row_header_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("R5工程表").unwrap();
    let f = Format::new();
    for (c, h) in [(0, "番号"), (1, "具体的取組")] {
        ws.merge_range(0, c, 1, c, h, &f).unwrap();
    }
    ws.merge_range(0, 2, 0, 6, "工程", &f).unwrap();
    for (c, h) in ["取組項目", "28年度", "29年度", "30年度", "31年度"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, 2 + c as u16, *h).unwrap();
    }
    for (c, h) in [
        (7, "平成 29 年度 年次計画"),
        (8, "上半期実績(4月～9月)"),
        (9, "担当課"),
    ] {
        ws.merge_range(0, c, 1, c, h, &f).unwrap();
    }
    ws.merge_range(2, 0, 2, 9, "1. 協創の推進", &f).unwrap();
    ws.merge_range(3, 0, 5, 0, "1", &f).unwrap();
    ws.merge_range(3, 1, 5, 1, "① 職員研修の充実", &f).unwrap();
    ws.write_string(3, 2, "□研修の充実").unwrap();
    ws.write_string(3, 3, "検討").unwrap();
    ws.merge_range(3, 4, 3, 6, "順次実施", &f).unwrap();
    ws.write_string(4, 2, "□ポータルサイトの構築").unwrap();
    ws.merge_range(4, 3, 4, 6, "→ 実施", &f).unwrap();
    ws.write_string(5, 3, "周知").unwrap();
    ws.merge_range(
        3,
        7,
        5,
        7,
        "<職員研修>\n・新規採用職員研修(4月)\n・管理職研修(13月)",
        &f,
    )
    .unwrap();
    ws.merge_range(
        3,
        8,
        5,
        8,
        "<職員研修>\n・新規採用職員研修(4回・103名受講)(4月)",
        &f,
    )
    .unwrap();
    ws.merge_range(3, 9, 5, 9, "総務部人事課", &f).unwrap();
    ws.write_string(6, 0, "2").unwrap();
    ws.write_string(6, 1, "② 業務の見直し").unwrap();
    ws.write_string(6, 2, "□業務の見直し").unwrap();
    for c in 3..=6 {
        ws.write_string(6, c, "実施").unwrap();
    }
    ws.write_string(6, 7, "・見直しの実施(通年)").unwrap();
    ws.write_string(6, 8, "・見直しの実施(4月～9月)").unwrap();
    ws.write_string(6, 9, "総務部行財政改革推進課").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn merged_and_repeated_cells_read_as_the_published_layout() {
    use shinchoku::model::FiscalYear;
    let opened = import_workbook(&two_row_header_workbook(), WorkbookFormat::Xlsx)
        .expect("the workbook opens");
    let report = &opened.report;
    assert_eq!(
        report.fiscal_year,
        FiscalYear(2017),
        "from the 年次計画 heading"
    );
    assert_eq!(report.period, shinchoku::model::Period::FirstHalf);
    assert_eq!(
        (report.plan_years.first.0, report.plan_years.last.0),
        (2016, 2019)
    );
    let section = &report.sections[0];
    assert_eq!(
        (
            section.numeral.as_str(),
            section.number,
            section.title.as_str()
        ),
        ("1.", 1, "協創の推進")
    );
    let spans = |number: &str| -> Vec<Vec<(String, i32, i32)>> {
        report
            .find_initiative(number)
            .unwrap()
            .items
            .iter()
            .flat_map(|i| &i.lanes)
            .map(|lane| {
                lane.iter()
                    .map(|s| (s.source.clone(), s.first.0, s.last.0))
                    .collect()
            })
            .collect()
    };
    let one = report.find_initiative("1").unwrap();
    assert_eq!(
        (one.label.as_str(), one.title.as_str()),
        ("①", "職員研修の充実")
    );
    assert_eq!(
        one.items.len(),
        2,
        "周知 is a second lane of the item above"
    );
    assert_eq!(
        spans("1"),
        vec![
            vec![("検討".into(), 2016, 2016), ("順次実施".into(), 2017, 2019)],
            vec![("→ 実施".into(), 2016, 2019)],
            vec![("周知".into(), 2016, 2016)],
        ]
    );
    assert_eq!(spans("2"), vec![vec![("実施".into(), 2016, 2019)]]);
    let topic = &one.topics[0];
    assert_eq!(topic.heading.as_deref(), Some("職員研修"));
    assert_eq!(topic.division.as_deref(), None);
    assert_eq!(one.divisions, vec!["総務部人事課".to_string()]);
    assert_eq!(topic.plan.len(), 2);
    assert_eq!(topic.plan[1].text, "管理職研修(13月)", "kept as written");
    // The warnings name the sheet's cells.
    let places: Vec<String> = opened
        .warnings
        .iter()
        .map(|w| w.describe(Lang::En))
        .collect();
    assert!(
        places
            .iter()
            .any(|w| w.starts_with("R5工程表!H4 (年次計画)") && w.contains("13月")),
        "{places:#?}"
    );
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::NoTitleLine),
        "{places:#?}"
    );
}

#[test]
fn a_cell_is_named_as_the_spreadsheet_names_it() {
    use shinchoku::model::diag::Location;
    let cell = |row, col| Location::cell("工程表", row, col, None).cell_name();
    assert_eq!(cell(12, 8).as_deref(), Some("工程表!H12"));
    assert_eq!(cell(3, 26).as_deref(), Some("工程表!Z3"));
    assert_eq!(cell(3, 27).as_deref(), Some("工程表!AA3"));
    assert_eq!(cell(1, 16384).as_deref(), Some("工程表!XFD1"));
    let plan = Location::cell("工程表", 12, 8, Some("年次計画"));
    assert_eq!(plan.describe(Lang::Ja), "工程表!H12（年次計画）");
    assert_eq!(plan.describe(Lang::En), "工程表!H12 (年次計画)");
    assert_eq!(
        Location::row(12).cell_name(),
        None,
        "a text table's row has no cell name"
    );
}

#[test]
fn a_table_section_numbered_with_a_point_is_a_section() {
    let text = crate::SEED.replacen("\nII ", "\n2. ", 1);
    let report = shinchoku::import::import_text(&text).unwrap().report;
    assert_eq!(report.sections.len(), 3);
    assert_eq!(report.sections[1].numeral, "2.");
    assert_eq!(report.sections[1].number, 2);
}

/// Found by the `workbook` fuzz target: an .xls whose sector table points past its end makes
/// calamine 0.38 panic (slice index in `cfb.rs`); the reader reports it as a damaged file.
#[test]
fn a_workbook_that_panics_calamine_is_a_damaged_file() {
    let bytes = include_bytes!("../fixtures/damaged-calamine-panics.xls");
    let err = import_any(bytes, None).expect_err("damaged");
    assert!(
        matches!(
            err.kind,
            ImportErrorKind::DamagedWorkbook { format: "XLS", .. }
        ),
        "{err}"
    );
}

#[test]
fn a_value_typed_in_the_last_cell_of_the_sheet_is_kept_without_a_huge_allocation() {
    use rust_xlsxwriter::Workbook;
    // The two-row-header workbook again, with a note in XFD1048576: read cell by cell, not
    // as a dense range of the whole sheet.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    let header = [
        "番号",
        "具体的取組",
        "取組項目",
        "29年度",
        "平成29年度 年次計画",
        "実績",
        "担当課",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "I 協創").unwrap();
    for (c, t) in [
        "1",
        "① 研修",
        "□研修",
        "実施",
        "・研修(4月)",
        "・研修(4月)",
        "人事課",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *t).unwrap();
    }
    ws.write_string(1_048_575, 16_383, "最後のセル").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("opens");
    assert_eq!(opened.report.initiatives().count(), 1);
    let far = opened
        .warnings
        .iter()
        .find(
            |w| matches!(&w.kind, WarningKind::CellOutsideLayout { text } if text == "最後のセル"),
        )
        .expect("the far cell is warned about");
    assert_eq!(far.at.cell_name().as_deref(), Some("工程表!XFD1048576"));
}

/// A workbook with a report table on a very hidden sheet before a visible one (a crafted file:
/// Excel shows only the second): the visible sheet is read. A hidden sheet is read only when
/// no visible one holds a table, and then said.
#[test]
fn the_visible_sheet_is_read_before_a_hidden_one() {
    use rust_xlsxwriter::Workbook;
    let table = |ws: &mut rust_xlsxwriter::Worksheet, name: &str| {
        let rows = [
            vec!["平成29年度「改革」取組 上半期実績"],
            vec![
                "番号",
                "具体的取組",
                "取組項目",
                "29年度",
                "平成29年度 年次計画",
                "実績",
                "担当課",
            ],
            vec!["I 協創"],
            vec![
                "1",
                name,
                "□研修",
                "実施",
                "・研修(4月)",
                "・研修(4月)",
                "人事課",
            ],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    };
    for visible_too in [true, false] {
        let mut book = Workbook::new();
        let hidden = book.add_worksheet();
        hidden.set_name("old").unwrap();
        table(hidden, "① 隠した取組");
        hidden.set_very_hidden(true);
        let shown = book.add_worksheet();
        shown.set_name("進捗報告").unwrap();
        if visible_too {
            table(shown, "① 見える取組");
        }
        shown.set_active(true);
        let bytes = book.save_to_buffer().unwrap();
        let read = import_workbook(&bytes, WorkbookFormat::Xlsx).unwrap();
        let title = &read.report.initiatives().next().unwrap().title;
        let said_hidden = (read.warnings.iter())
            .any(|w| matches!(&w.kind, WarningKind::ReportSheetHidden { sheet } if sheet == "old"));
        if visible_too {
            assert_eq!(title, "見える取組");
            assert!(!said_hidden, "{:?}", read.warnings);
        } else {
            assert_eq!(title, "隠した取組");
            assert!(said_hidden, "{:?}", read.warnings);
        }
    }
}

/// A title naming no year (「第三次みえ行財政改革取組 進捗報告」) over the exported workbook's
/// period line: the title is the title, the period line only names the year. The workbook read
/// the period line as the title and the programme, the title lost without a word (the table
/// kept it).
#[test]
fn a_title_naming_no_year_survives_the_workbook() {
    let mut report = crate::seed().report;
    report.title = "第三次みえ行財政改革取組 進捗報告".into();
    report.programme = report.title.clone();
    for format in [
        shinchoku::export::Format::Xlsx,
        shinchoku::export::Format::Table,
    ] {
        let read = crate::exported_and_read(&report, format, shinchoku::export::Encoding::Utf8);
        assert_eq!(read.title, report.title, "{format:?}");
        assert_eq!(read.programme, report.programme, "{format:?}");
        assert_eq!(read.fiscal_year, report.fiscal_year, "{format:?}");
        assert_eq!(read.period, report.period, "{format:?}");
        assert_eq!(read.as_of, report.as_of, "{format:?}");
    }
}

/// A title block starting with a document's label or a date (資料２, 平成30年1月15日) above a
/// title naming no year and the period line: the title is the title, and the year the period
/// line's. 資料２ was taken as the title and the programme, the real title lost unsaid; a date
/// above made the year the date's (2018, not 2017).
#[test]
fn a_label_or_a_date_above_the_title_is_not_the_title() {
    let title = "平成 29 年度「第二次三重県行財政改革取組」具体的取組 上半期(4月～9月)実績";
    assert!(crate::SEED.contains(title));
    let period = "平成29年度（2017年度）　上半期(4月～9月)　2017年9月30日 時点";
    for first in ["資料２", "平成30年1月15日", "別紙1"] {
        let block = format!("{first}\n第二次三重県行財政改革取組 具体的取組 実績\n{period}");
        let table = crate::SEED.replacen(title, &block, 1);
        let read = shinchoku::import::import_text(&table).unwrap().report;
        assert_eq!(
            read.title, "第二次三重県行財政改革取組 具体的取組 実績",
            "{first}"
        );
        assert_eq!(read.fiscal_year.0, 2017, "{first}");
    }
    // A label alone above a title naming its year: that title still, the label kept and said.
    let table = crate::SEED.replacen(title, &format!("資料２\nメモ: 未定稿\n{title}"), 1);
    let read = shinchoku::import::import_text(&table).unwrap();
    assert_eq!(read.report.title, title);
    let kept = crate::unread_texts(&read.report);
    assert_eq!(kept, ["資料２", "メモ: 未定稿"]);
    let said = crate::described_ja(&read.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("「メモ: 未定稿」は表題でも期間でもないため読まず")),
        "{said:?}"
    );
}

/// A report carried on to a second sheet without its header row (initiative 2 on 「続き」):
/// the second sheet was passed over without a word, initiative 2 nowhere. The sheet is named
/// in a warning and its rows kept in the unread list; an empty sheet is said of by nothing.
#[test]
fn a_sheet_with_no_table_read_is_said_of_and_its_rows_kept() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    for (r, row) in crate::crafted::REPORT_ROWS.iter().enumerate() {
        for (c, t) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            ws.write_string(r as u32, c as u16, *t).unwrap();
        }
    }
    let more = book.add_worksheet();
    more.set_name("続き").unwrap();
    for (c, t) in [
        "2",
        "② 会議",
        "□会議",
        "実施",
        "・会議(5月)",
        "・会議(5月)",
        "総務課",
    ]
    .iter()
    .enumerate()
    {
        more.write_string(0, c as u16, *t).unwrap();
    }
    book.add_worksheet().set_name("空").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("opens");
    assert_eq!(opened.report.initiatives().count(), 1);
    let said: Vec<String> = (opened.warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::SheetNotRead { .. }))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("シート「続き」"), "{said:?}");
    let kept = crate::unread_texts(&opened.report);
    assert!(kept.iter().any(|t| t.contains("② 会議")), "{kept:?}");
}

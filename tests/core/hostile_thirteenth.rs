//! Crafted files of the thirteenth round: report workbooks whose text was dropped or changed
//! without a word — an `.ods` sheet without a name, an `.ods` cut short, formulas saved without
//! their values, a cell reference past 32 bits, a hidden row, text under a merged cell, a
//! number shown with a unit in a text column.

use std::io::Read;

use shinchoku::import::{WorkbookFormat, import_any, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::{ImportErrorKind, Warning, WarningKind};

const SEED_ODS: &[u8] = include_bytes!("../fixtures/seed-libreoffice.ods");
const SEED_XLSX: &[u8] = include_bytes!("../fixtures/seed-libreoffice.xlsx");

/// The seed's `.ods` with its `content.xml` rewritten, its parts otherwise as LibreOffice
/// saved them (`mimetype` first, stored).
fn seed_ods_with(rewrite: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(SEED_ODS)).unwrap();
    let mut parts = Vec::new();
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if !name.ends_with('/') {
            parts.push((name, content));
        }
    }
    let mut rewrite = Some(rewrite);
    for (name, content) in &mut parts {
        if name == "content.xml" {
            let text = String::from_utf8(std::mem::take(content)).unwrap();
            *content = (rewrite.take().unwrap())(text).into_bytes();
        }
    }
    assert_eq!(parts[0].0, "mimetype");
    let parts: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    crate::crafted::package(&parts)
}

/// Where the `n`th row (from 0) of the sheets of `content` starts.
fn row_start(content: &str, n: usize) -> usize {
    content.match_indices("<table:table-row").nth(n).unwrap().0
}

fn said_ja(warnings: &[Warning]) -> Vec<String> {
    crate::described_ja(warnings)
}

/// An `.ods` whose report carries on in a second sheet written without `table:name` (Calc
/// shows it as `Sheet2`): read under that name and said as a named sheet is, where it was
/// skipped and initiative 11 lost without a word.
#[test]
fn an_ods_sheet_without_a_name_is_read_as_calc_names_it() {
    let split = seed_ods_with(|c| {
        let at = row_start(&c, 30);
        format!("{}</table:table><table:table>{}", &c[..at], &c[at..])
    });
    let (report, warnings) = import_any(&split, Some(WorkbookFormat::Ods)).unwrap();
    let said = said_ja(&warnings);
    assert!(
        said.iter().any(|w| w.contains("Sheet2")),
        "the sheet is named as Calc names it: {said:?}"
    );
    // Its rows are kept, not lost: initiative 11 is in the unread list.
    let unread = crate::unread_texts(&report).join("\n");
    assert!(unread.contains("業務継続計画"), "{unread}");
}

/// An `.ods` whose `content.xml` stops before it closes (a copy interrupted) is refused as an
/// `.ods` cut short — inside the report's sheet, inside a sheet after it (whose rows were lost
/// without a word), or empty (refused in words of an `.xlsx`'s parts).
#[test]
fn an_ods_cut_short_is_refused_as_a_damaged_ods() {
    let cut_in_report = seed_ods_with(|c| c[..row_start(&c, 30)].to_string());
    let cut_in_second = seed_ods_with(|c| {
        let at = row_start(&c, 30);
        let whole = format!(
            "{}</table:table><table:table table:name=\"続き\">{}",
            &c[..at],
            &c[at..]
        );
        whole[..row_start(&whole, 32)].to_string()
    });
    let empty = seed_ods_with(|_| String::new());
    for (what, bytes, sheet) in [
        ("cut in the report", cut_in_report, Some("進捗報告")),
        ("cut in the second sheet", cut_in_second, Some("続き")),
        ("empty", empty, None),
    ] {
        let err = import_any(&bytes, Some(WorkbookFormat::Ods)).expect_err(what);
        assert!(
            matches!(
                err.kind,
                ImportErrorKind::DamagedWorkbook { format: "ODS", .. }
            ),
            "{what}: {err:?}"
        );
        let (ja, en) = (err.describe(Lang::Ja), err.describe(Lang::En));
        assert!(
            ja.contains("ODSのブック") && ja.contains("途中で切れています"),
            "{what}: {ja}"
        );
        assert!(
            !en.contains("xl/workbook.xml") && en.contains("cut short"),
            "{what}: {en}"
        );
        if let Some(sheet) = sheet {
            assert!(ja.contains(&format!("シート「{sheet}」")), "{what}: {ja}");
        }
    }
    // The whole file opens.
    assert!(import_workbook(SEED_ODS, WorkbookFormat::Ods).is_ok());
}

/// The seed's `.xlsx` with its report sheet's XML rewritten.
fn seed_xlsx_with(rewrite: impl FnOnce(String) -> String) -> Vec<u8> {
    crate::rewrite_part(SEED_XLSX, "xl/worksheets/sheet1.xml", rewrite)
}

/// Initiative 2's 実績 (I8) and 担当課 (J8) of the seed's `.xlsx`, as the sheet writes them.
const I8_J8: &str = r#"<c r="I8" s="11" t="s"><v>26</v></c><c r="J8" s="8" t="s"><v>27</v></c>"#;

/// A report workbook whose cells hold formulas saved without their values (as openpyxl writes
/// every formula) names each such cell, as the answers' reader does: read as empty, initiative
/// 2's results and division were lost without a word. Past the bound, a count.
#[test]
fn a_report_formula_saved_without_its_value_is_named() {
    let formulas = r#"<c r="I8" t="str"><f>"・ポータルサイトへの掲載内容の追加(5月～)"</f></c><c r="J8" t="str"><f>"総務部"&amp;"行財政改革推進課"</f></c>"#;
    let book = seed_xlsx_with(|x| x.replacen(I8_J8, formulas, 1));
    let (report, warnings) = import_any(&book, Some(WorkbookFormat::Xlsx)).unwrap();
    assert!(crate::initiative(&report, "2").divisions.is_empty());
    let said: Vec<String> = (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::FormulaWithoutValue { .. }))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].contains("進捗報告!I8") && said[0].contains("ポータルサイトへの掲載内容の追加"),
        "{}",
        said[0]
    );
    assert!(
        said[1].contains("進捗報告!J8")
            && said[1].contains("値が保存されていません")
            && said[1].contains("行財政改革推進課"),
        "{}",
        said[1]
    );
    // Ten thousand and seven of them: the first named, the rest counted.
    let many: String = (40..10_047)
        .map(|r| format!(r#"<row r="{r}"><c r="K{r}"><f>1+1</f></c></row>"#))
        .collect();
    let book = seed_xlsx_with(|x| x.replacen("</sheetData>", &format!("{many}</sheetData>"), 1));
    let (_, warnings) = import_any(&book, Some(WorkbookFormat::Xlsx)).unwrap();
    let named = (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::FormulaWithoutValue { .. }))
        .count();
    let counted: usize = (warnings.iter())
        .map(|w| match w.kind {
            WarningKind::NotListed { count } => count,
            _ => 0,
        })
        .sum();
    assert!(named <= shinchoku::model::bounds::MAX_WARNINGS && counted > 0);
    assert_eq!(named + counted, 10_007, "{named} named, {counted} counted");
}

/// The seed's `.xlsx` with `0"名"` as cell format 23, the one its sheet's I7 (initiative 1's
/// 実績, empty) is given holding `value`.
fn seed_xlsx_with_unit_cell(value: &str) -> Vec<u8> {
    let styled = crate::rewrite_part(SEED_XLSX, "xl/styles.xml", |x| {
        let x = x.replacen(
            r#"<numFmts count="1"><numFmt numFmtId="164" formatCode="General"/></numFmts>"#,
            r#"<numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="0&quot;名&quot;"/></numFmts>"#,
            1,
        );
        assert!(x.contains(r#"<cellXfs count="23""#));
        x.replacen(
            "</cellXfs>",
            r#"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="true"/></cellXfs>"#,
            1,
        )
        .replacen(r#"<cellXfs count="23""#, r#"<cellXfs count="24""#, 1)
    });
    let cell = format!(r#"<c r="I7" s="23"><v>{value}</v></c>"#);
    crate::type_into_workbook_part(
        &styled,
        "xl/worksheets/sheet1.xml",
        r#"<c r="I7" s="8"/>"#,
        &cell,
    )
}

/// A number typed into a text column (実績) and formatted to show a unit, 312 shown 「312名」,
/// is read as shown and said, from an `.xlsx` (its format) and an `.ods` (the text Calc writes
/// beside the value), where the unit was dropped without a word.
#[test]
fn a_number_shown_with_a_unit_in_a_text_column_is_read_as_shown() {
    let results = |report: &shinchoku::model::Report| {
        let i = crate::initiative(report, "1");
        (i.topics.iter())
            .flat_map(|t| t.actual.iter().map(|e| e.text.clone()))
            .collect::<Vec<_>>()
    };
    let (report, warnings) =
        import_any(&seed_xlsx_with_unit_cell("312"), Some(WorkbookFormat::Xlsx)).unwrap();
    assert!(
        results(&report).contains(&"312名".to_string()),
        "{:?}",
        results(&report)
    );
    let said = said_ja(&warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("進捗報告!I7") && w.contains("値 312") && w.contains("「312名」")),
        "{said:?}"
    );
    // The .ods: Calc writes 「312名」 beside the value 312.
    let unit = r#"<table:table-cell office:value-type="float" office:value="312"><text:p>312名</text:p></table:table-cell>"#;
    let mut rows: String = crate::crafted::REPORT_ROWS[..3]
        .iter()
        .map(|r| crate::crafted::ods_row(r))
        .collect();
    let last = crate::crafted::ods_row(&crate::crafted::REPORT_ROWS[3]);
    rows.push_str(&last.replacen(
        r#"<table:table-cell office:value-type="string"><text:p>・研修(4月)</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>人事課"#,
        &format!(r#"{unit}<table:table-cell office:value-type="string"><text:p>人事課"#),
        1,
    ));
    let ods = crate::crafted::ods(&rows);
    let (report, warnings) = import_any(&ods, Some(WorkbookFormat::Ods)).unwrap();
    assert!(
        results(&report).contains(&"312名".to_string()),
        "{:?}",
        results(&report)
    );
    let said = said_ja(&warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("!F4") && w.contains("「312名」")),
        "{said:?}"
    );
}

/// A row the sheet hides (Excel's 行の非表示) is read — it is the office's data — and said,
/// naming the row; so is one Calc hides. Text under a merged cell (I26, under I25:I26: Excel
/// and Calc show only I25) is kept in the unread list and said, not read as initiative 9's
/// result. Both were read without a word.
#[test]
fn a_hidden_row_and_text_under_a_merged_cell_are_said() {
    let hidden = seed_xlsx_with(|x| {
        x.replacen(
            r#"<row r="8" customFormat="false" ht="33" hidden="false""#,
            r#"<row r="8" customFormat="false" ht="33" hidden="true""#,
            1,
        )
    });
    let (report, warnings) = import_any(&hidden, Some(WorkbookFormat::Xlsx)).unwrap();
    assert_eq!(
        crate::initiative(&report, "2").divisions,
        ["総務部行財政改革推進課"]
    );
    let said: Vec<&Warning> = (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::HiddenRowRead { .. }))
        .collect();
    assert_eq!(said.len(), 1, "{warnings:?}");
    assert_eq!(
        (said[0].at.row, said[0].at.sheet.as_deref()),
        (Some(8), Some("進捗報告"))
    );
    assert!(
        said[0].describe(Lang::Ja).contains("非表示の行"),
        "{}",
        said[0].describe(Lang::Ja)
    );
    // Calc's hidden row in an .ods.
    let rows: String = (crate::crafted::REPORT_ROWS.iter())
        .map(|r| crate::crafted::ods_row(r))
        .collect::<Vec<_>>()
        .join("");
    let last = crate::crafted::ods_row(&crate::crafted::REPORT_ROWS[3]);
    let rows = rows.replacen(
        &last,
        &last.replacen(
            "<table:table-row>",
            r#"<table:table-row table:visibility="collapse">"#,
            1,
        ),
        1,
    );
    let (_, warnings) = import_any(&crate::crafted::ods(&rows), Some(WorkbookFormat::Ods)).unwrap();
    let hidden_rows: Vec<Option<usize>> = (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::HiddenRowRead { .. }))
        .map(|w| w.at.row)
        .collect();
    assert_eq!(hidden_rows, [Some(4)]);
    // Text under a merged cell.
    let under = "・結合の下に隠した実績(6月)";
    let book = seed_xlsx_with(|x| {
        assert!(x.contains(r#"<mergeCell ref="I25:I26"/>"#));
        let at = x.find(r#"<c r="I26""#).unwrap();
        let end = at + x[at..].find("/>").unwrap() + 2;
        let cell = format!(r#"<c r="I26" t="inlineStr"><is><t>{under}</t></is></c>"#);
        format!("{}{cell}{}", &x[..at], &x[end..])
    });
    let (report, warnings) = import_any(&book, Some(WorkbookFormat::Xlsx)).unwrap();
    let (plain, _) = import_any(SEED_XLSX, Some(WorkbookFormat::Xlsx)).unwrap();
    assert!(shinchoku::compare::diff(&plain, &report).same);
    assert!(crate::unread_texts(&report).contains(&under));
    let said: Vec<String> = (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::CellUnderMerge { .. }))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert_eq!(said.len(), 1, "{warnings:?}");
    assert!(
        said[0].contains("進捗報告!I26") && said[0].contains(under),
        "{}",
        said[0]
    );
}

/// A cell reference past what 32 bits count (`I4294967304`, or a column of `MWLQKXE`) wrapped
/// onto a real cell (I8) and replaced initiative 2's results: the workbook is refused, naming
/// the sheet and the reference. One past the sheet's last cell but within 32 bits (I1048577),
/// which Calc leaves out, is kept in the unread list and said, not read as initiative 11's.
#[test]
fn a_cell_reference_past_the_sheet_lands_on_no_other_cell() {
    let far = |cell: &str| {
        seed_xlsx_with(|x| x.replacen("</sheetData>", &format!("{cell}</sheetData>"), 1))
    };
    let text = "・差し替えた実績(6月)";
    for (row, reference) in [
        ("4294967304", "I4294967304"),
        ("41", "MWLQKXE8"),
        ("4294967304", "I8"),
    ] {
        let cell = format!(
            r#"<row r="{row}"><c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c></row>"#
        );
        let err = import_any(&far(&cell), Some(WorkbookFormat::Xlsx)).expect_err(reference);
        let en = err.describe(Lang::En);
        let named = if row == "41" { reference } else { row };
        assert!(
            en.contains("sheet 進捗報告") && en.contains(named) && en.contains("XFD1048576"),
            "{en}"
        );
        assert!(err.describe(Lang::Ja).contains("シート「進捗報告」"));
    }
    let cell = format!(
        r#"<row r="1048577"><c r="I1048577" t="inlineStr"><is><t>{text}</t></is></c></row>"#
    );
    let (report, warnings) = import_any(&far(&cell), Some(WorkbookFormat::Xlsx)).unwrap();
    let (plain, _) = import_any(SEED_XLSX, Some(WorkbookFormat::Xlsx)).unwrap();
    assert!(shinchoku::compare::diff(&plain, &report).same);
    assert!(crate::unread_texts(&report).contains(&text));
    let said: Vec<String> = (warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::CellBeyondSheet { .. }))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert_eq!(said.len(), 1, "{warnings:?}");
    assert!(
        said[0].contains("I1048577") && said[0].contains(text),
        "{}",
        said[0]
    );
}

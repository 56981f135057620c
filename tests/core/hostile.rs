//! Hostile and damaged workbooks (issue 23, items 11–13), each made in its test a few KB
//! large (`crafted.rs`): every one is refused, with the file's part or cell and the limit
//! named, or read, in bounded time and memory; none may take the reader's memory (before
//! these bounds, each of them took gigabytes or never ended).

use rust_xlsxwriter::Workbook;
use shinchoku::import::{WorkbookFormat, import_any, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::Excess;
use shinchoku::model::diag::{ImportError, ImportErrorKind, WarningKind};

use crate::crafted::{self, REPORT_ROWS};

/// The refusal's excess, or a panic saying what came instead.
fn excess(result: Result<impl std::fmt::Debug, ImportError>) -> (Excess, ImportError) {
    let err = result.expect_err("refused");
    match &err.kind {
        ImportErrorKind::TooLarge { excess, .. } => (excess.clone(), err),
        other => panic!("refused as too large, not {other:?}: {err}"),
    }
}

fn damaged(result: Result<impl std::fmt::Debug, ImportError>) -> String {
    let err = result.expect_err("refused");
    match err.kind {
        ImportErrorKind::DamagedWorkbook { why, .. } => why,
        other => panic!("refused as damaged, not {other:?}"),
    }
}

/// The one-initiative report as an XLSX, with `more` written into the sheet too.
fn report_xlsx(more: impl Fn(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("工程表").unwrap();
    for (r, row) in REPORT_ROWS.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    more(ws);
    book.save_to_buffer().unwrap()
}

// ---- XLSX (item 11) ----

#[test]
fn an_xlsx_declaring_four_billion_shared_strings_is_refused_naming_the_part() {
    let plain = report_xlsx(|_| {});
    assert!(import_workbook(&plain, WorkbookFormat::Xlsx).is_ok());
    let hostile = crafted::repack(&plain, |name, part| {
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(part).unwrap();
            let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = at + text[at..].find('"').unwrap();
            format!("{}4294967295{}", &text[..at], &text[end..]).into_bytes()
        } else {
            part
        }
    });
    let (excess, err) = excess(import_workbook(&hostile, WorkbookFormat::Xlsx));
    assert_eq!(
        excess,
        Excess::SharedStrings {
            declared: 4_294_967_295
        }
    );
    let en = err.to_string();
    assert!(en.starts_with("xl/sharedStrings.xml: "), "{en}");
    assert!(en.contains("4294967295 shared strings"), "{en}");
    assert!(
        err.describe(Lang::Ja).contains("共有文字列"),
        "{}",
        err.describe(Lang::Ja)
    );
}

#[test]
fn an_xlsx_of_millions_of_cell_formats_is_refused_naming_the_styles() {
    // Eight million empty `<xf/>`, about 60 KB zipped: the reader kept each and the process
    // aborted asking for 1.3 GB.
    let plain = report_xlsx(|_| {});
    let hostile = crafted::repack(&plain, |name, part| {
        if name != "xl/styles.xml" {
            return part;
        }
        let mut styles = br#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="8000000">"#.to_vec();
        styles.extend(b"<xf/>".repeat(8_000_000));
        styles.extend(b"</cellXfs></styleSheet>");
        styles
    });
    assert!(hostile.len() < 200 << 10, "{} bytes", hostile.len());
    let (excess, err) = excess(import_any(&hostile, None));
    assert_eq!(excess, Excess::Styles, "{err}");
    assert!(err.to_string().starts_with("xl/styles.xml: "), "{err}");
    assert!(
        err.describe(Lang::Ja).contains("書式"),
        "{}",
        err.describe(Lang::Ja)
    );
}

#[test]
fn an_xlsx_whose_parts_unzip_beyond_the_bound_is_refused() {
    // A shared-string table of 8 million strings, 130 MB, zipped into about 150 KB: read into
    // memory whole when the workbook opens.
    let plain = report_xlsx(|_| {});
    let hostile = crafted::repack(&plain, |name, part| {
        if name != "xl/sharedStrings.xml" {
            return part;
        }
        let mut table = br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">"#.to_vec();
        table.extend(b"<si><t>x</t></si>".repeat(8_000_000));
        table.extend(b"</sst>");
        table
    });
    assert!(hostile.len() < 1 << 20, "{} bytes", hostile.len());
    let (excess, err) = excess(import_any(&hostile, None));
    assert!(matches!(excess, Excess::Unzipped), "{err}");
    assert!(
        err.to_string().contains("unzip to more than 128 MB"),
        "{err}"
    );
}

#[test]
fn an_xlsx_naming_one_long_shared_string_in_many_cells_is_refused_by_its_text() {
    // One 90 KB string (Excel's longest) in 800 cells: 72 MB of text once each cell holds
    // its copy.
    let long = "長".repeat(30_000);
    let hostile = report_xlsx(|ws| {
        for r in 0..800 {
            ws.write_string(10 + r, 9, &long).unwrap();
        }
    });
    let (excess, err) = excess(import_any(&hostile, None));
    assert_eq!(excess, Excess::Text, "{err}");
    assert!(err.to_string().starts_with("工程表!J"), "{err}");
}

/// Two thousand sheets naming one part of the package (2 GB of XML read for 15 KB): refused,
/// naming the relationship.
#[test]
fn an_xlsx_whose_sheets_name_one_part_is_refused() {
    let book = report_xlsx(|_| {});
    let shared = crafted::repack(&book, |name, content| {
        if name != "xl/workbook.xml" {
            return content;
        }
        let text = String::from_utf8(content).unwrap();
        let more: String = (0..2000)
            .map(|k| format!("<sheet name=\"S{k}\" sheetId=\"{}\" r:id=\"rId1\"/>", k + 2))
            .collect();
        text.replace("</sheets>", &format!("{more}</sheets>"))
            .into_bytes()
    });
    let (excess, err) = excess(import_workbook(&shared, WorkbookFormat::Xlsx));
    assert!(
        matches!(excess, Excess::SheetsShareData) && err.to_string().contains("xl/workbook.xml"),
        "{err}"
    );
}

/// The package with one more part.
fn with_part(bytes: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new_append(std::io::Cursor::new(bytes.to_vec())).unwrap();
    zip.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Eight million cell formats in a styles part the reader finds under another name than
/// `xl/styles.xml` (`xl\styles.xml`, as a Windows tool may write it): refused as the plain one
/// is (it was not looked at, and the reader aborted asking for 1.3 GB — in `collect`, the
/// whole batch lost and the lock left).
#[test]
fn an_xlsx_with_millions_of_formats_in_a_back_slashed_styles_part_is_refused() {
    let plain = report_xlsx(|_| {});
    let mut styles = br#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="8000000">"#.to_vec();
    styles.extend(b"<xf/>".repeat(8_000_000));
    styles.extend(b"</cellXfs></styleSheet>");
    let hostile = with_part(&plain, "xl\\styles.xml", &styles);
    let (excess, err) = excess(import_any(&hostile, None));
    assert_eq!(excess, Excess::Styles, "{err}");
    assert!(err.to_string().starts_with("xl\\styles.xml: "), "{err}");
}

/// Two thousand sheets naming one part, each in another mix of capitals
/// (`worksheets/Sheet1.xml`, `WORKSHEETS/sheet1.xml` …): the reader takes them for one part,
/// so the check does too (41 s of work for a 128 KB file).
#[test]
fn an_xlsx_whose_sheets_name_one_part_in_other_capitals_is_refused() {
    let book = report_xlsx(|_| {});
    let variant = |k: usize| -> String {
        // Bit n of `k` capitalises the n-th letter: 2,000 different spellings.
        let mut letter = 0;
        "worksheets/sheet1.xml"
            .chars()
            .map(|c| {
                if !c.is_ascii_alphabetic() {
                    return c;
                }
                letter += 1;
                if (k >> (letter - 1)) & 1 == 1 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    };
    let hostile = crafted::repack(&book, |name, content| {
        let text = String::from_utf8(content.clone()).unwrap();
        match name {
            "xl/workbook.xml" => {
                let more: String = (1..2000)
                    .map(|k| {
                        format!(
                            "<sheet name=\"S{k}\" sheetId=\"{}\" r:id=\"rIdX{k}\"/>",
                            k + 2
                        )
                    })
                    .collect();
                text.replace("</sheets>", &format!("{more}</sheets>"))
                    .into_bytes()
            }
            "xl/_rels/workbook.xml.rels" => {
                let more: String = (1..2000)
                    .map(|k| {
                        format!(
                            "<Relationship Id=\"rIdX{k}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"{}\"/>",
                            variant(k)
                        )
                    })
                    .collect();
                text.replace("</Relationships>", &format!("{more}</Relationships>"))
                    .into_bytes()
            }
            _ => content,
        }
    });
    let (excess, err) = excess(import_workbook(&hostile, WorkbookFormat::Xlsx));
    assert!(matches!(excess, Excess::SheetsShareData), "{err}");
}

// ---- XLS (item 12) ----

/// The report's rows as an `.xls`, and `more` records after them.
fn report_xls(more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut records = crafted::labels(&REPORT_ROWS, 0);
    records.extend(more);
    crafted::xls(&[], &records)
}

#[test]
fn the_crafted_xls_opens_as_a_report() {
    let (report, warnings) = import_any(&report_xls(Vec::new()), None).expect("opens");
    assert_eq!(report.initiatives().count(), 1);
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn an_xls_with_a_cell_moved_to_column_6000_is_refused_naming_the_cell() {
    let near = report_xls(vec![crafted::number(1, 9, 1.0)]);
    assert!(import_any(&near, None).is_ok());
    // With the title at A1, calamine would lay out 65,536 rows by 6,000 columns.
    let far = report_xls(vec![crafted::number(65_535, 5999, 1.0)]);
    let (excess, err) = excess(import_any(&far, None));
    assert_eq!(excess, Excess::XlsColumn { column: 6000 });
    assert!(err.to_string().starts_with("Sheet1!HVT65536: "), "{err}");
    assert!(
        err.describe(Lang::Ja).contains("256列"),
        "{}",
        err.describe(Lang::Ja)
    );
}

#[test]
fn an_xls_whose_used_range_is_beyond_the_bound_is_refused() {
    // A1 to IV60000: 15 million cells calamine would lay out as one rectangle.
    let far = report_xls(vec![crafted::number(59_999, 255, 1.0)]);
    let (excess, err) = excess(import_any(&far, None));
    assert!(
        matches!(
            excess,
            Excess::XlsArea {
                rows: 60_000,
                columns: 256
            }
        ),
        "{err}"
    );
    assert!(err.to_string().starts_with("Sheet1!IV60000: "), "{err}");
    // The far cell written before the report's cells: it is the one named, not the near cell
    // read after it that grew the rectangle too large (「Sheet1!A1」, nothing to clear there).
    let mut records = vec![crafted::number(59_999, 255, 1.0)];
    records.extend(crafted::labels(&REPORT_ROWS, 0));
    let (first_far, err) = self::excess(import_any(&crafted::xls(&[], &records), None));
    assert!(matches!(first_far, Excess::XlsArea { .. }), "{err}");
    assert!(err.to_string().starts_with("Sheet1!IV60000: "), "{err}");
}

#[test]
fn an_xls_whose_dimensions_declare_four_billion_rows_is_refused() {
    let mut records = vec![crafted::dimensions(0, u32::MAX, 0, 7)];
    records.extend(crafted::labels(&REPORT_ROWS, 0));
    let (excess, err) = excess(import_any(&crafted::xls(&[], &records), None));
    assert!(matches!(excess, Excess::XlsArea { .. }), "{err}");
    assert!(
        err.to_string().starts_with("Sheet1 (DIMENSIONS): "),
        "{err}"
    );
    // Rows counted backwards wrap round in calamine's arithmetic: refused too.
    let backwards = crafted::xls(&[], &[crafted::dimensions(70_000, 5, 0, 7)]);
    assert!(matches!(excess_of(&backwards), Excess::XlsArea { .. }));
}

/// Four hundred sheets naming where one sheet starts were one sheet read four hundred times
/// (72 s for 9 KB): refused, as no office program writes it.
#[test]
fn an_xls_whose_sheets_all_start_at_one_sheet_is_refused() {
    let mut records = crafted::labels(&REPORT_ROWS, 0);
    records.push(crafted::number(7000, 255, 1.0));
    let sheets = vec![records; 400];
    let (excess, err) = excess(import_any(&crafted::xls_sheets(&sheets, true), None));
    assert!(matches!(excess, Excess::SheetsShareData), "{err}");
    assert!(err.describe(Lang::Ja).contains("同じデータ"), "{err}");
    // Two sheets of their own open.
    let two = vec![
        crafted::labels(&REPORT_ROWS, 0),
        crafted::labels(&REPORT_ROWS, 0),
    ];
    assert!(import_any(&crafted::xls_sheets(&two, false), None).is_ok());
}

/// Sheets of two far cells each, every rectangle under the bound of one sheet, together far
/// over it: calamine lays every sheet out whole when it opens the file.
#[test]
fn an_xls_whose_sheets_together_are_beyond_the_bound_is_refused() {
    let far = |k: u16| {
        vec![
            crafted::number(0, 0, 1.0),
            crafted::number(7000 + k, 255, 1.0),
        ]
    };
    let sheets: Vec<Vec<Vec<u8>>> = (0..40).map(far).collect();
    let (excess, err) = excess(import_any(&crafted::xls_sheets(&sheets, false), None));
    assert!(matches!(excess, Excess::XlsTotalArea { .. }), "{err}");
}

fn excess_of(bytes: &[u8]) -> Excess {
    excess(import_any(bytes, None)).0
}

#[test]
fn an_xls_naming_one_long_shared_string_in_many_cells_is_refused_by_its_text() {
    // 65,535 characters (up to 4 bytes each) copied into 300 cells: 78 MB.
    let long = "x".repeat(65_535);
    let table = crafted::sst(&[&long]);
    // An SST record holds 8,224 bytes; the rest goes into CONTINUE records.
    let mut sst = crafted::record(0x00FC, &table[..8224]);
    for chunk in table[8224..].chunks(8223) {
        let mut c = vec![0u8]; // 8-bit characters go on
        c.extend(chunk);
        sst.extend(crafted::record(0x003C, &c));
    }
    let cells: Vec<Vec<u8>> = (0..300).map(|r| crafted::label_sst(10 + r, 9, 0)).collect();
    let bytes = crafted::xls(&[sst], &cells);
    assert!(bytes.len() < 80_000, "{} bytes", bytes.len());
    let (excess, err) = excess(import_any(&bytes, None));
    assert_eq!(excess, Excess::Text, "{err}");
}

/// A result cell naming a shared string the workbook does not have: refused, naming the cell
/// (the reader left it empty, and the result was gone without a word).
#[test]
fn an_xls_cell_naming_a_shared_string_it_lacks_is_refused_naming_the_cell() {
    let sst = crafted::record(0x00FC, &crafted::sst(&["一つだけ"]));
    let mut cells = crafted::labels(&REPORT_ROWS, 0);
    cells.push(crafted::label_sst(3, 5, 7));
    let err = import_any(&crafted::xls(&[sst], &cells), None).expect_err("refused");
    assert!(
        matches!(err.kind, ImportErrorKind::DamagedWorkbook { .. }),
        "{err}"
    );
    let said = err.to_string();
    assert!(
        said.contains("!F4") && said.contains("shared string 7"),
        "{said}"
    );
}

#[test]
fn an_xls_record_continued_thousands_of_times_is_refused() {
    let mut sst = crafted::record(0x00FC, &crafted::sst(&["a"]));
    for _ in 0..5_000 {
        sst.extend(crafted::record(0x003C, &[]));
    }
    let (excess, _) = excess(import_any(&crafted::xls(&[sst], &[]), None));
    assert!(matches!(excess, Excess::XlsContinued { record: 0x00FC }));
}

#[test]
fn an_xls_whose_directory_chain_loops_is_damaged_not_followed_for_ever() {
    let stream = crafted::workbook_stream(&[], &crafted::labels(&REPORT_ROWS, 0));
    let looping = crafted::compound_file(&stream, |fat, dir, _| fat[dir as usize] = dir);
    let why = damaged(import_any(&looping, None));
    assert!(why.contains("directory loops"), "{why}");
}

#[test]
fn an_xls_whose_workbook_chain_loops_is_damaged() {
    let stream = crafted::workbook_stream(&[], &crafted::labels(&REPORT_ROWS, 0));
    // The stream's last sector leads back to its first, and it claims to be 4 GB long.
    let looping = crafted::compound_file(&stream, |fat, _, first| {
        let last = fat.iter().rposition(|&v| v == crafted::END).unwrap();
        fat[last] = first;
    });
    let mut bytes = looping;
    // The directory (sector 1, after the header and the FAT): its Workbook entry's size, 4 GB.
    let entry = 512 * 2 + 128 + 120;
    bytes[entry..entry + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let why = damaged(import_any(&bytes, None));
    assert!(why.contains("loops"), "{why}");
}

#[test]
fn an_xls_whose_fat_list_repeats_a_sector_is_damaged() {
    // Sixty DIFAT sectors, each naming sector 0 as a FAT sector 127 times: calamine reads each
    // naming into its FAT (in a 10 MB file, 2.6 million of them: 1.3 GB).
    let mut bytes = crafted::xls(&[], &crafted::labels(&REPORT_ROWS, 0));
    let first = bytes.len() / 512; // the sector after the file's last
    bytes[68..72].copy_from_slice(&(first as u32 - 1).to_le_bytes());
    for k in 0..60u32 {
        let mut sector = vec![0u8; 508];
        let next = if k == 59 {
            crafted::END
        } else {
            first as u32 + k
        };
        sector.extend(next.to_le_bytes());
        bytes.extend(sector);
    }
    let why = damaged(import_any(&bytes, None));
    assert!(why.contains("more FAT sectors than the file has"), "{why}");
}

// ---- ODS (item 12) ----

fn report_ods(more: &str) -> Vec<u8> {
    let rows: String = REPORT_ROWS.iter().map(|r| crafted::ods_row(r)).collect();
    crafted::ods(&format!("{rows}{more}"))
}

#[test]
fn the_crafted_ods_opens_as_a_report() {
    let (report, warnings) = import_any(&report_ods(""), None).expect("opens");
    assert_eq!(report.initiatives().count(), 1);
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn an_ods_with_a_note_at_amj1048576_opens() {
    // LibreOffice writes the blank rows and cells before the note as repeats.
    let note = format!(
        r#"<table:table-row table:number-rows-repeated="{}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="1023"/><table:table-cell><office:annotation><text:p>メモ</text:p></office:annotation></table:table-cell></table:table-row>"#,
        1_048_575 - REPORT_ROWS.len()
    );
    let (report, warnings) = import_any(&report_ods(&note), None).expect("opens");
    assert_eq!(report.initiatives().count(), 1);
    assert!(warnings.is_empty(), "a note is no value: {warnings:#?}");
}

#[test]
fn an_ods_value_at_row_1000000_is_kept_and_named() {
    let far = format!(
        r#"<table:table-row table:number-rows-repeated="{}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="8"/><table:table-cell office:value-type="string"><text:p>遠いセル</text:p></table:table-cell></table:table-row>"#,
        999_999 - REPORT_ROWS.len()
    );
    let (report, warnings) = import_any(&report_ods(&far), None).expect("opens");
    assert_eq!(report.initiatives().count(), 1);
    let w = warnings
        .iter()
        .find(|w| matches!(&w.kind, WarningKind::CellOutsideLayout { text } if text == "遠いセル"))
        .expect("the far cell is warned about");
    assert_eq!(w.at.cell_name().as_deref(), Some("工程表!I1000000"));
}

#[test]
fn an_ods_of_repeated_cells_is_refused_before_they_are_made() {
    // One cell repeated along a whole row, the row repeated down the whole sheet: 17 billion
    // cells in 400 bytes.
    let flood = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    let (excess, err) = excess(import_any(&report_ods(flood), None));
    assert_eq!(excess, Excess::Cells, "{err}");
    assert!(err.to_string().starts_with("工程表!A5: "), "{err}");
}

#[test]
fn an_ods_cell_of_a_billion_spaces_is_refused() {
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell></table:table-row>"#;
    let (excess, err) = excess(import_any(&report_ods(spaces), None));
    assert_eq!(excess, Excess::Text, "{err}");
    assert!(err.to_string().starts_with("工程表!A5: "), "{err}");
}

#[test]
fn an_ods_cell_reads_its_paragraphs_spaces_and_entities_as_written() {
    let cell = r#"<table:table-row><table:table-cell table:number-columns-repeated="8"/><table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b&amp;c<office:annotation><text:p>note</text:p></office:annotation></text:p><text:p>二行目<text:tab/>x<text:line-break/>y</text:p></table:table-cell></table:table-row>"#;
    let (_, warnings) = import_any(&report_ods(cell), None).expect("opens");
    let texts: Vec<&str> = warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::CellOutsideLayout { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["a   b&c\n二行目\tx\ny"]);
}

// ---- Survey answers (item 11) ----

mod answers {
    use chrono::NaiveDate;
    use shinchoku::document::{Document, Origin};
    use shinchoku::edit::Intent;
    use shinchoku::lang::Lang;
    use shinchoku::model::Report;
    use shinchoku::survey::{self, Refusal, collect::collect_files, workbook};

    use crate::crafted;
    use crate::seed;

    const 管財課: &str = "総務部管財課";
    const 人事課: &str = "総務部人事課";

    fn master() -> Report {
        let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
        let divisions = survey::divisions(doc.report());
        let at = NaiveDate::from_ymd_opt(2017, 10, 2)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        doc.perform(Intent::MarkSent {
            divisions,
            at,
            due: None,
            tokens: Default::default(),
        })
        .unwrap();
        doc.into_report()
    }

    fn answer_xlsx(master: &Report, division: &str) -> Vec<u8> {
        workbook::write(&survey::response_for(master, division, None, "")).unwrap()
    }

    /// The answer with a value typed into XFD1048576 of its answer sheet.
    fn with_far_value(bytes: &[u8]) -> Vec<u8> {
        crafted::repack(bytes, |name, part| {
            if name != "xl/worksheets/sheet1.xml" {
                return part;
            }
            let text = String::from_utf8(part).unwrap();
            let far = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>遠い</t></is></c></row></sheetData>"#;
            let text = text.replacen("</sheetData>", far, 1);
            let at = text.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
            let end = at + text[at..].find('"').unwrap();
            format!("{}A1:XFD1048576{}", &text[..at], &text[end..]).into_bytes()
        })
    }

    fn with_unique_count(bytes: &[u8], count: &str) -> Vec<u8> {
        crafted::repack(bytes, |name, part| {
            if name != "xl/sharedStrings.xml" {
                return part;
            }
            let text = String::from_utf8(part).unwrap();
            let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = at + text[at..].find('"').unwrap();
            format!("{}{count}{}", &text[..at], &text[end..]).into_bytes()
        })
    }

    #[test]
    fn an_answer_with_a_value_at_xfd1048576_is_read_cell_by_cell() {
        let master = master();
        let plain = answer_xlsx(&master, 管財課);
        let far = with_far_value(&plain);
        let read = workbook::read(&far).expect("read");
        let plain = workbook::read(&plain).unwrap();
        assert_eq!(
            (&read.response, &read.rows, &read.measures),
            (&plain.response, &plain.rows, &plain.measures)
        );
        assert_eq!(read.response.division, 管財課);
        // Not read, and said: nothing a division wrote is dropped without a word.
        assert!(plain.outside.is_empty());
        assert_eq!(read.outside.len(), 1, "{:?}", read.outside);
        let said = read.outside[0].to_string();
        assert!(
            said.contains("回答!XFD1048576") && said.contains("「遠い」"),
            "{said}"
        );
    }

    #[test]
    fn an_answer_declaring_four_billion_shared_strings_is_refused_and_the_others_taken() {
        let master = master();
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("総務部管財課.xlsx");
        std::fs::write(&good, answer_xlsx(&master, 管財課)).unwrap();
        let far = dir.path().join("総務部人事課.xlsx");
        std::fs::write(&far, with_far_value(&answer_xlsx(&master, 人事課))).unwrap();
        let bad = dir.path().join("悪い回答.xlsx");
        let hostile = with_unique_count(&answer_xlsx(&master, 管財課), "4294967295");
        assert!(hostile.len() < 16 << 10, "{} bytes", hostile.len());
        std::fs::write(&bad, hostile).unwrap();
        let at = NaiveDate::from_ymd_opt(2017, 10, 10)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let c = collect_files(&master, &[good, bad, far], at);
        let taken: Vec<&str> = c.taken.iter().map(|t| t.file.as_str()).collect();
        assert_eq!(taken, ["総務部管財課.xlsx", "総務部人事課.xlsx"]);
        assert_eq!(c.refused.len(), 1);
        let (file, why) = &c.refused[0];
        assert_eq!(file, "悪い回答.xlsx");
        assert!(
            matches!(
                why,
                Refusal::Workbook(workbook::WorkbookProblem::Refused(_))
            ),
            "{why:?}"
        );
        let en = why.to_string();
        assert!(en.contains("xl/sharedStrings.xml"), "{en}");
        assert!(en.contains("4294967295 shared strings"), "{en}");
        use shinchoku::lang::Describe;
        assert!(why.describe(Lang::Ja).contains("共有文字列"));
        assert!(
            c.intent(&[]).is_some(),
            "the good answers are taken as one step"
        );
    }
}

/// One merged region over the whole sheet (`A1:XFD1048576`, added by hand: no office program
/// merges cells holding values) took every stage away without a word. It is no merge: the
/// workbook reads as it did without it.
#[test]
fn a_merge_over_the_whole_sheet_takes_no_stage_away() {
    let seed = crate::seed().report;
    let book = shinchoku::export::export_bytes(
        &seed,
        shinchoku::export::Format::Xlsx,
        shinchoku::export::Encoding::Utf8,
    )
    .unwrap();
    let merged = crafted::repack(&book, |name, content| {
        if name != "xl/worksheets/sheet1.xml" {
            return content;
        }
        let text = String::from_utf8(content).unwrap();
        let at = text.find("<mergeCell ").expect("the export merges cells");
        let mut out = text.clone();
        out.insert_str(at, r#"<mergeCell ref="A1:XFD1048576"/>"#);
        out.into_bytes()
    });
    let (plain, _) = import_any(&book, Some(WorkbookFormat::Xlsx)).unwrap();
    let (read, _) = import_any(&merged, Some(WorkbookFormat::Xlsx)).unwrap();
    let stages = |r: &shinchoku::model::Report| {
        r.initiatives()
            .flat_map(|i| i.items.iter().map(|x| x.lanes.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(stages(&read), stages(&plain));
    assert!(shinchoku::compare::diff(&plain, &read).same);
}

/// A package without its sheet list (`xl/workbook.xml`) is said to list no sheet, not to hold
/// no report table among the sheets searched (an empty list).
#[test]
fn a_workbook_without_its_sheet_list_says_so() {
    use std::io::Read;
    let book = report_xlsx(|_| {});
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name != "xl/workbook.xml" {
            parts.push((name, content));
        }
    }
    let parts: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    let err =
        import_workbook(&crafted::package(&parts), WorkbookFormat::Xlsx).expect_err("refused");
    assert!(
        err.describe(Lang::En).contains("lists no sheet at all"),
        "{err}"
    );
    assert!(
        err.describe(Lang::Ja)
            .contains("シートがひとつもありません"),
        "{err}"
    );
}

/// A number cell of an `.ods` written with more digits than a float keeps: read as the file
/// writes it (12345678901234567 read as 12345678901234568).
#[test]
fn an_ods_number_of_more_digits_than_a_float_keeps_is_read_as_written() {
    let number = r#"<table:table-cell office:value-type="float" office:value="12345678901234567"><text:p>12345678901234600</text:p></table:table-cell>"#;
    let rest = crafted::ods_row(&[
        "",
        "② 周知",
        "",
        "",
        "・周知(6月)",
        "・周知(6月)",
        "総務部人事課",
    ]);
    let row = rest.replacen("<table:table-cell/>", number, 1);
    let (report, _) = import_any(&report_ods(&row), None).expect("opens");
    let numbers: Vec<&str> = report.initiatives().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "12345678901234567"]);
}

/// 3,000 formulas `=A2*6.3+B2` with no space in any of them: the bound on formulas' space
/// tokens, looking for them in the formulas' bytes, counted 6.3's bytes (`…19 40`) and the
/// tokens after as a space token of 36 spaces, and refused the workbook (as asking for more
/// than 100,000 spaces together). A formula's spaces are counted by their square now: such a
/// look-alike costs a few thousand, one formula of 100,000 spaces ten billion.
#[test]
fn formulas_whose_numbers_look_like_space_tokens_are_read() {
    let formula = |row: u16| {
        let mut tokens = vec![0x24];
        tokens.extend(row.to_le_bytes());
        tokens.extend(0xC000u16.to_le_bytes());
        tokens.push(0x1F);
        tokens.extend(6.3f64.to_le_bytes());
        tokens.push(0x05);
        tokens.push(0x24);
        tokens.extend(row.to_le_bytes());
        tokens.extend(0xC001u16.to_le_bytes());
        tokens.push(0x03);
        let mut d = Vec::new();
        d.extend(row.to_le_bytes());
        d.extend(2u16.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(1.0f64.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(0u32.to_le_bytes());
        d.extend((tokens.len() as u16).to_le_bytes());
        d.extend(tokens);
        crafted::record(0x0006, &d)
    };
    let mut sheet = crafted::labels(&REPORT_ROWS, 0);
    sheet.extend((100..3_100).map(formula));
    let read = import_any(&crafted::xls(&[], &sheet), None).expect("read");
    assert_eq!(read.0.initiatives().count(), 1);
}

//! Words a division writes in its workbook where no answer is read — a sheet it added, a copy
//! of the answer sheet it answered instead, a note (メモ) on a cell — are said, each by its
//! sheet and cell, never passed over: the answer was taken as 「見出し0件の実績を変更」, the
//! words in none of the outputs, 提出状況 回答済. And a number pasted into a results cell with
//! its format is read as the cell shows it.

use std::io::{Read, Write};

use shinchoku::document::{Document, Origin};
use shinchoku::survey::answer::answer_from_workbook;
use shinchoku::survey::send::Survey;
use shinchoku::survey::{self, collect, workbook};

use crate::october as at;
use crate::survey_due as due;
use crate::{described_ja, seed, type_into_workbook_part};

const WRITTEN: &str = "・システム利用者説明会を開催(7月)";

/// 行財政改革推進課's workbook as sent.
fn sent_workbook() -> (Document, Vec<u8>) {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let plan = Survey::new(doc.report(), due(), "", at(2).date()).unwrap();
    doc.perform(plan.intent(at(2))).unwrap();
    let r = survey::response_for(doc.report(), "総務部行財政改革推進課", due(), "");
    let book = workbook::write(&r).unwrap();
    (doc, book)
}

/// The workbook with parts added (`added`: path, content) and parts rewritten (`edit`: path,
/// what to put before its closing tag `close`), as Excel leaves it after the edit.
fn with_parts(bytes: &[u8], added: &[(&str, String)], edits: &[(&str, &str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = String::new();
        file.read_to_string(&mut content).unwrap();
        for (part, close, before) in edits {
            if *part == name {
                assert!(content.contains(close), "{name} holds {close}");
                content = content.replacen(close, &format!("{before}{close}"), 1);
            }
        }
        out.start_file(name, options).unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    for (name, content) in added {
        out.start_file(*name, options).unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The workbook with a sheet named `name` added after the others, holding `xml`.
fn with_sheet(bytes: &[u8], name: &str, xml: String) -> Vec<u8> {
    let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    let relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    with_parts(
        bytes,
        &[("xl/worksheets/sheet99.xml", xml)],
        &[
            (
                "xl/workbook.xml",
                "</sheets>",
                format!(r#"<sheet name="{name}" sheetId="99" r:id="rId99"/>"#),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "</Relationships>",
                format!(
                    r#"<Relationship Id="rId99" Type="{relation}" Target="worksheets/sheet99.xml"/>"#
                ),
            ),
            (
                "[Content_Types].xml",
                "</Types>",
                format!(
                    r#"<Override PartName="/xl/worksheets/sheet99.xml" ContentType="{worksheet}"/>"#
                ),
            ),
        ],
    )
}

fn inline_cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// What collecting the workbook says, in Japanese; and that the words are nowhere taken.
fn said_of(master: &Document, book: &[u8]) -> Vec<String> {
    let answer = answer_from_workbook(book, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let mut taken = master.clone();
    if let Some(intent) = c.intent(&[]) {
        taken.perform(intent).unwrap();
    }
    let held = shinchoku::store::to_ron(taken.report());
    assert!(
        !held.contains("システム利用者説明会"),
        "nothing read from there"
    );
    // What the answer's cells bring is said of them; that it changes nothing is said apart.
    let of_cells: Vec<_> = (c.warnings.iter())
        .filter(|w| {
            !matches!(
                w.warning.kind,
                shinchoku::model::diag::WarningKind::AnswerUnchanged
            )
        })
        .cloned()
        .collect();
    described_ja(&of_cells)
}

#[test]
fn words_on_a_sheet_the_division_added_are_said_by_sheet_and_cell() {
    let (master, book) = sent_workbook();
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{}</row><row r="2">{}</row></sheetData></worksheet>"#,
        inline_cell("A1", "オールインワンシステムの活用"),
        inline_cell("A2", WRITTEN)
    );
    let said = said_of(&master, &with_sheet(&book, "別紙", sheet));
    for (cell, text) in [
        ("別紙!A1", "オールインワンシステムの活用"),
        ("別紙!A2", WRITTEN),
    ] {
        assert!(
            said.iter().any(|w| w.contains(cell)
                && w.contains(&format!("「{text}」"))
                && w.contains("「回答」シートから読みます")),
            "{said:#?}"
        );
    }
}

/// A copy of the answer sheet (Excel's 移動またはコピー, 「回答 (2)」) answered instead of it:
/// the cell typed there is said, and none of the cells the copy holds as sent.
#[test]
fn words_typed_into_a_copy_of_the_answer_sheet_are_said_and_nothing_else_of_it() {
    let (master, book) = sent_workbook();
    let answer_sheet = crate::workbook_part(&book, "xl/worksheets/sheet1.xml");
    let empty = answer_sheet
        .find(r#"<c r="E9" "#)
        .expect("the first answer cell");
    let end = empty + answer_sheet[empty..].find("/>").unwrap() + 2;
    let mut copy = answer_sheet.clone();
    copy.replace_range(empty..end, &inline_cell("E9", WRITTEN));
    let said = said_of(&master, &with_sheet(&book, "回答 (2)", copy));
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].contains("回答 (2)!E9") && said[0].contains(WRITTEN),
        "{said:#?}"
    );
}

#[test]
fn a_note_on_a_cell_is_said_by_its_cell() {
    let (master, book) = sent_workbook();
    let comments = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>推進課</author></authors><commentList><comment ref="E9" authorId="0"><text><r><t>推進課:</t></r><r><t xml:space="preserve">
{WRITTEN}</t></r></text></comment></commentList></comments>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>"#;
    let noted = with_parts(
        &book,
        &[
            ("xl/comments1.xml", comments),
            ("xl/worksheets/_rels/sheet1.xml.rels", rels.to_string()),
        ],
        &[],
    );
    let said = said_of(&master, &noted);
    assert!(
        said.iter()
            .any(|w| w.contains("回答!E9") && w.contains("メモ") && w.contains(WRITTEN)),
        "{said:#?}"
    );
}

/// A number pasted into a results cell with its format (`#,##0"人"`): the division sees
/// 「1,234人」, and that is what is read, said; it was read as 「1234」, the unit and the
/// grouping gone, with nothing said but that no months were written.
#[test]
fn a_number_cell_in_a_format_is_read_as_it_shows() {
    let (master, book) = sent_workbook();
    let styles = "xl/styles.xml";
    let book = type_into_workbook_part(
        &book,
        styles,
        "</numFmts>",
        r##"<numFmt numFmtId="200" formatCode="#,##0&quot;人&quot;"/></numFmts>"##,
    );
    let xfs = crate::workbook_part(&book, styles);
    let count = xfs[xfs.find("<cellXfs").unwrap()..xfs.find("</cellXfs>").unwrap()]
        .matches("<xf ")
        .count();
    let book = type_into_workbook_part(
        &book,
        styles,
        "</cellXfs>",
        r#"<xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
    );
    let sheet = crate::workbook_part(&book, "xl/worksheets/sheet1.xml");
    let start = sheet.find(r#"<c r="E9" "#).expect("the first answer cell");
    let end = start + sheet[start..].find("/>").unwrap() + 2;
    let book = type_into_workbook_part(
        &book,
        "xl/worksheets/sheet1.xml",
        &sheet[start..end],
        &format!(r#"<c r="E9" s="{count}"><v>1234</v></c>"#),
    );
    let answer = answer_from_workbook(&book, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let said = described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("回答!E9") && w.contains("値 1234") && w.contains("「1,234人」")),
        "{said:#?}"
    );
    let mut taken = master.clone();
    taken.perform(c.intent(&[]).unwrap()).unwrap();
    assert!(
        taken
            .report()
            .initiatives()
            .flat_map(|i| i.topics.iter())
            .flat_map(|t| t.actual.iter())
            .any(|e| e.text == "1,234人")
    );
}

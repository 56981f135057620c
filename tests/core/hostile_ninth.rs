//! Hostile files found by the ninth attack, each kept with what must hold now.

use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::{WorkbookFormat, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::Excess;
use shinchoku::model::diag::ImportErrorKind;

use crate::crafted;

fn seed_xlsx() -> Vec<u8> {
    export_bytes(&crate::seed().report, Format::Xlsx, Encoding::Utf8).unwrap()
}

/// The excess a workbook is refused for.
fn refused_for(bytes: &[u8]) -> (Excess, String) {
    let err = import_workbook(bytes, WorkbookFormat::Xlsx).expect_err("refused");
    match &err.kind {
        ImportErrorKind::TooLarge { excess, .. } => (excess.clone(), err.to_string()),
        other => panic!("refused as too large, not {other:?}: {err}"),
    }
}

/// A stray closing tag (`<a></b>`) before what the bounds read: the bounds' reader stopped at
/// it, calamine reads past it. Before `<sst uniqueCount>` the count went unseen and calamine
/// asked for 103 GB (the process aborted); before a styles part's formats, two and a half GB
/// were taken. Each is refused as the part without the stray tag is.
#[test]
fn a_stray_closing_tag_hides_no_part_from_the_bounds() {
    let stray = |part: &str, before: &str, count: Option<&str>| {
        crafted::repack(&seed_xlsx(), |name, bytes| {
            if name != part {
                return bytes;
            }
            let mut text = String::from_utf8(bytes).unwrap();
            if let Some(count) = count {
                let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                let end = at + text[at..].find('"').unwrap();
                text = format!("{}{count}{}", &text[..at], &text[end..]);
            }
            text.replacen(before, &format!("<a></b>{before}"), 1)
                .into_bytes()
        })
    };
    let strings = stray("xl/sharedStrings.xml", "<sst", Some("50000000"));
    let (excess, said) = refused_for(&strings);
    assert_eq!(
        excess,
        Excess::SharedStrings {
            declared: 50_000_000
        },
        "{said}"
    );
    assert!(said.starts_with("xl/sharedStrings.xml: "), "{said}");
    let styles = crafted::repack(&seed_xlsx(), |name, bytes| {
        if name != "xl/styles.xml" {
            return bytes;
        }
        let mut styles = br#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><a></b><cellXfs count="300000">"#.to_vec();
        styles.extend(b"<xf/>".repeat(300_000));
        styles.extend(b"</cellXfs></styleSheet>");
        styles
    });
    let (excess, said) = refused_for(&styles);
    assert_eq!(excess, Excess::Styles, "{said}");
}

/// An answer's 実績 cell holding a formula saved without its value (as openpyxl writes one),
/// after a stray closing tag in the sheet: the check for such formulas stopped at the tag, the
/// cell was read as empty, and the division's results already taken were removed. Without the
/// tag the row was dropped and its topic listed as removed. The cell is said; the topic keeps
/// its results and nothing is listed.
#[test]
fn a_formula_without_its_value_behind_a_stray_tag_removes_nothing() {
    use shinchoku::survey::{answer::answer_from_workbook, collect, workbook};
    let master = crate::seed_shared_surveyed().into_report();
    let response = shinchoku::survey::response_for(&master, "総務部人事課", None, "");
    let book = workbook::write(&response).unwrap();
    let row = (workbook::read(&book).unwrap().rows.into_iter())
        .find(|r| !r.results.is_empty())
        .unwrap();
    for stray in [false, true] {
        let broken = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |x| {
            let at = x.find(&format!("<c r=\"E{}\"", row.row)).unwrap();
            let end = at + x[at..].find("</c>").unwrap() + "</c>".len();
            let cell = format!("<c r=\"E{}\"><f>\"x\"</f></c>", row.row);
            let x = format!("{}{cell}{}", &x[..at], &x[end..]);
            match stray {
                true => x.replacen("<sheetData>", "<sheetData><a></b>", 1),
                false => x,
            }
        });
        let answer = answer_from_workbook(&broken, "a.xlsx".into()).unwrap();
        let c = collect::collect(&master, vec![Ok(answer)], crate::october(10));
        let said = crate::described_ja(&c.warnings);
        assert!(
            said.iter()
                .any(|w| w.contains(&format!("回答!E{}", row.row)) && w.contains("=\"x\"")),
            "stray {stray}: {said:?}"
        );
        let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
        assert!(listed.is_empty(), "stray {stray}: {listed:?}");
        let mut taken = master.clone();
        if let Some(intent) = c.intent(&[]) {
            let edit = intent.build(&mut taken).unwrap().unwrap();
            shinchoku::edit::apply(&mut taken, edit).unwrap();
        }
        let texts = shinchoku::survey::entries_text(&taken.topic(row.topic).unwrap().actual);
        assert_eq!(texts, row.results, "stray {stray}");
    }
}

/// The seed's export with its package rewritten by `edit` (a part's name and bytes → the parts
/// to write in its place).
fn repackaged(edit: impl Fn(&str, Vec<u8>) -> Vec<(String, Vec<u8>)>) -> Vec<u8> {
    use std::io::{Read, Write};
    let bytes = seed_xlsx();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        for (name, content) in edit(&name, content) {
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&content).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

const SHEET_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/// The seed's export with two more sheets listed in `element`s (`sheet`, `x:sheet`) named
/// `names`, each its own part (copies of the seed's second sheet).
fn with_two_sheets(element: &str, names: [&str; 2]) -> Vec<u8> {
    repackaged(|name, bytes| {
        let text = String::from_utf8(bytes.clone()).unwrap_or_default();
        let more = match name {
            "xl/workbook.xml" => {
                let [first, second] = names;
                let sheets = format!(
                    "<{element} name=\"{first}\" sheetId=\"8\" r:id=\"rId8\"/><{element} name=\"{second}\" sheetId=\"9\" r:id=\"rId9\"/></sheets>"
                );
                text.replacen("</sheets>", &sheets, 1)
            }
            "xl/_rels/workbook.xml.rels" => text.replacen(
                "</Relationships>",
                &format!("<Relationship Id=\"rId8\" Type=\"{SHEET_REL}\" Target=\"worksheets/s8.xml\"/><Relationship Id=\"rId9\" Type=\"{SHEET_REL}\" Target=\"worksheets/s9.xml\"/></Relationships>"),
                1,
            ),
            "xl/worksheets/sheet2.xml" => {
                return ["xl/worksheets/sheet2.xml", "xl/worksheets/s8.xml", "xl/worksheets/s9.xml"]
                    .map(|n| (n.to_string(), bytes.clone()))
                    .to_vec();
            }
            _ => return vec![(name.to_string(), bytes)],
        };
        vec![(name.to_string(), more.into_bytes())]
    })
}

/// The seed's export with its workbook part named `xl/book.xml`, the package's relationships
/// rewritten by `rels` (given them with the usual part's name changed), and, with `repeat`, a
/// sheet more naming the first sheet's part.
fn renamed_book(rels: impl Fn(String) -> String, repeat: bool) -> Vec<u8> {
    repackaged(|name, bytes| {
        let text = String::from_utf8(bytes.clone()).unwrap_or_default();
        match name {
            "_rels/.rels" => {
                let renamed = text.replace("xl/workbook.xml", "xl/book.xml");
                vec![(name.into(), rels(renamed).into_bytes())]
            }
            "xl/workbook.xml" if repeat => {
                let rid = text
                    .split("r:id=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let again =
                    format!("<sheet name=\"again\" sheetId=\"9\" r:id=\"{rid}\"/></sheets>");
                vec![(
                    "xl/book.xml".into(),
                    text.replacen("</sheets>", &again, 1).into_bytes(),
                )]
            }
            "xl/workbook.xml" => vec![("xl/book.xml".into(), bytes)],
            "xl/_rels/workbook.xml.rels" => vec![("xl/_rels/book.xml.rels".into(), bytes)],
            _ => vec![(name.to_string(), bytes)],
        }
    })
}

/// The seed's export with `rows` written at the end of its second sheet's data, in the part
/// named `part` (the sheet's own name, or another its relationships give it).
fn with_rows(rows: &str, part: &str) -> Vec<u8> {
    repackaged(|name, bytes| match name {
        "xl/worksheets/sheet2.xml" => {
            let text = String::from_utf8(bytes).unwrap();
            let more = format!("{rows}</sheetData>");
            vec![(
                part.to_string(),
                text.replacen("</sheetData>", &more, 1).into_bytes(),
            )]
        }
        "xl/_rels/workbook.xml.rels" => {
            let text = String::from_utf8(bytes).unwrap();
            let target = part.trim_start_matches("xl/");
            vec![(
                name.into(),
                text.replace("worksheets/sheet2.xml", target).into_bytes(),
            )]
        }
        _ => vec![(name.to_string(), bytes)],
    })
}

/// Sheets of one name, each its own part: calamine finds a sheet by its name, and read the
/// first one's data once per sheet (thirty sheets of 30 MB ran past 20 s). Refused, naming
/// the workbook part and the name.
#[test]
fn sheets_of_one_name_are_refused() {
    let (excess, said) = refused_for(&with_two_sheets("sheet", ["S", "S"]));
    let named = |n: &str| Excess::SheetNamedTwice {
        name: Box::new(n.into()),
    };
    assert_eq!(excess, named("S"), "{said}");
    assert!(said.starts_with("xl/workbook.xml: "), "{said}");
    assert!(said.contains("「S」"), "{said}");
    // Two names, read once each.
    let two = with_two_sheets("sheet", ["S", "T"]);
    assert!(import_workbook(&two, WorkbookFormat::Xlsx).is_ok());
}

/// The workbook part under another name (`xl/book.xml`, as the package's relationships may
/// name it), two of its sheets naming one part: the check of sheets sharing a part looked at
/// `workbook.xml` alone, and each sheet's data was read again (twenty sheets of 30 MB ran past
/// 20 s). Refused as the workbook under its usual name is; not repeating a sheet, it opens.
#[test]
fn a_workbook_part_under_another_name_is_checked_as_the_usual_one() {
    let (excess, said) = refused_for(&renamed_book(|rels| rels, true));
    assert_eq!(excess, Excess::SheetsShareData, "{said}");
    assert!(said.starts_with("xl/book.xml: "), "{said}");
    let plain = renamed_book(|rels| rels, false);
    let opened = import_workbook(&plain, WorkbookFormat::Xlsx).expect("it opens");
    assert!(opened.report == crate::seed().report);
}

/// Thirty million empty cells (`<c/>`), 120 MB unzipped from 170 KB: calamine read each, 17 s.
/// Past [`MAX_CELLS_WRITTEN`] the package is refused before it is read, naming the part; the
/// 10,000-initiative report's export (769,276 cells) is far within it.
#[test]
fn millions_of_empty_cells_are_refused_before_they_are_read() {
    use shinchoku::model::bounds::MAX_CELLS_WRITTEN;
    let cells = |n: u64| format!("<row r=\"99999\">{}</row>", "<c/>".repeat(n as usize));
    let sheet = "xl/worksheets/sheet2.xml";
    let (excess, said) = refused_for(&with_rows(&cells(MAX_CELLS_WRITTEN + 1), sheet));
    assert_eq!(excess, Excess::CellsWritten, "{said}");
    assert!(said.starts_with("xl/worksheets/sheet2.xml: "), "{said}");
    // Within it, with the cells the seed's two sheets write (a few hundred), it is read.
    let within = with_rows(&cells(MAX_CELLS_WRITTEN - 10_000), sheet);
    if let Err(e) = import_workbook(&within, WorkbookFormat::Xlsx) {
        panic!("{e}");
    }
}

/// A division sorts its answer rows in Excel, selecting the visible table alone: Excel sorts
/// A:E (or C:E) and leaves the hidden ID and hashes (F, G) where they were. Every row's results
/// went in under the topic of the row's old place, moved between topics without a word (the
/// headings and plans listed as edits, held). Each row is read as the topic its cells show,
/// said; a line typed in a moved row goes in under that topic, and nothing else changes — also
/// with the moved rows' hidden IDs cleared, one of them typed over, or a moved heading
/// reworded (held as the edit it is); C:E sorted alone leaves the unmoved cells unsaid.
#[test]
fn rows_sorted_apart_from_their_hidden_cells_keep_their_topics() {
    use shinchoku::survey::{answer::answer_from_workbook, collect, entries_text, workbook};
    let master = crate::seed_shared_surveyed().into_report();
    let response = shinchoku::survey::response_for(&master, "総務部行財政改革推進課", None, "");
    let book = workbook::write(&response).unwrap();
    let rows = workbook::read(&book).unwrap().rows;
    let mut filled = rows.iter().filter(|r| !r.results.is_empty());
    let (a, b) = (filled.next().unwrap(), filled.next().unwrap());
    assert!(a.heading != b.heading);
    let id_cell = |row: u32| format!("<c r=\"F{row}\"");
    // The visible cells of the two rows swapped, as a sort leaves them; `ids` each of their
    // hidden IDs rewritten (None: cleared).
    let sorted = |columns: &[&str], ids: [Option<&str>; 2]| {
        crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |x| {
            let mut x = x;
            for col in columns {
                let (p, q) = (
                    format!("r=\"{col}{}\"", a.row),
                    format!("r=\"{col}{}\"", b.row),
                );
                x = x
                    .replace(&p, "r=\"@\"")
                    .replace(&q, &p)
                    .replace("r=\"@\"", &q);
            }
            for (row, id) in [a.row, b.row].into_iter().zip(ids) {
                let Some(id) = id else { continue };
                let at = x.find(&id_cell(row)).unwrap();
                let end = at + x[at..].find("</c>").unwrap() + "</c>".len();
                let cell = match id {
                    "" => format!("<c r=\"F{row}\"/>"),
                    id => format!("<c r=\"F{row}\" t=\"inlineStr\"><is><t>{id}</t></is></c>"),
                };
                x = format!("{}{cell}{}", &x[..at], &x[end..]);
            }
            x
        })
    };
    let added = "・ポータル利用状況の集計（9月）（閲覧数312件）";
    let whole = ["A", "B", "C", "D", "E"];
    for (case, book, held) in [
        ("A:E", sorted(&whole, [None, None]), 0),
        ("C:E", sorted(&["C", "D", "E"], [None, None]), 0),
        ("A:E, IDs cleared", sorted(&whole, [Some(""), Some("")]), 0),
        (
            "A:E, an ID typed over",
            sorted(&whole, [Some("済"), None]),
            0,
        ),
    ] {
        let answered =
            crate::type_into_workbook(&book, &b.results, &format!("{}\n{added}", b.results));
        let answer = answer_from_workbook(&answered, "a.xlsx".into()).unwrap();
        let c = collect::collect(&master, vec![Ok(answer)], crate::october(10));
        let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
        assert_eq!(listed.len(), held, "{case}: {listed:?}");
        let said = crate::described_ja(&c.warnings);
        for row in [a.row, b.row] {
            assert!(
                said.iter()
                    .any(|w| w.contains(&format!("回答!C{row}")) && w.contains("並べ替え")),
                "{case}: {said:?}"
            );
        }
        assert!(
            !said
                .iter()
                .any(|w| w.contains("回答!A") || w.contains("回答!B")),
            "{case}: {said:?}"
        );
        let mut taken = master.clone();
        let edit = (c.intent(&[]).expect("the line is taken").build(&mut taken))
            .unwrap()
            .unwrap();
        shinchoku::edit::apply(&mut taken, edit).unwrap();
        let texts = |id| entries_text(&taken.topic(id).unwrap().actual);
        assert_eq!(texts(b.topic), format!("{}\n{added}", b.results), "{case}");
        for r in rows.iter().filter(|r| r.topic != b.topic) {
            let before = entries_text(&master.topic(r.topic).unwrap().actual);
            assert_eq!(texts(r.topic), before, "{case}");
        }
    }
    // The moved row of `b` reworded too: its results stay its topic's, the heading is the
    // edit held.
    let reworded = crate::type_into_workbook(
        &sorted(&whole, [None, None]),
        &b.heading,
        &format!("{}（改）", b.heading),
    );
    let answered =
        crate::type_into_workbook(&reworded, &b.results, &format!("{}\n{added}", b.results));
    let answer = answer_from_workbook(&answered, "a.xlsx".into()).unwrap();
    let c = collect::collect(&master, vec![Ok(answer)], crate::october(10));
    let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert!(
        listed.len() == 1 && listed[0].contains("見出しを変更") && listed[0].contains("（改）"),
        "{listed:?}"
    );
    let mut taken = master.clone();
    let edit = (c.intent(&[]).unwrap().build(&mut taken)).unwrap().unwrap();
    shinchoku::edit::apply(&mut taken, edit).unwrap();
    let texts = |id| entries_text(&taken.topic(id).unwrap().actual);
    assert_eq!(texts(b.topic), format!("{}\n{added}", b.results));
    assert_eq!(
        texts(a.topic),
        entries_text(&master.topic(a.topic).unwrap().actual)
    );
}

/// The checks of a package read names as calamine reads them: a sheet's name written as a
/// reference (`&#83;` is `S`), sheets in a prefixed element (`<x:sheet>`), a decoy
/// relationship to another workbook part before the one calamine follows (the last, its
/// target written with a reference), and cells written with a prefix (`<x:c/>`) or in a sheet
/// part named `workbook.xml` (read by another check first) each got past them (seconds of
/// reading each).
#[test]
fn names_written_otherwise_get_past_no_check() {
    use shinchoku::model::bounds::MAX_CELLS_WRITTEN;
    let named = |n: &str| Excess::SheetNamedTwice {
        name: Box::new(n.into()),
    };
    let (excess, said) = refused_for(&with_two_sheets("sheet", ["S", "&#83;"]));
    assert_eq!(excess, named("S"), "{said}");
    let (excess, said) = refused_for(&with_two_sheets("x:sheet", ["S", "S"]));
    assert_eq!(excess, named("S"), "{said}");
    let decoy = renamed_book(
        |rels| {
            let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
            let real = rels.replace("xl/book.xml", "xl/b&#111;ok.xml");
            let at = real.find("<Relationships").unwrap();
            let end = at + real[at..].find('>').unwrap() + 1;
            let decoy =
                format!("<Relationship Id=\"rId99\" Type=\"{office}\" Target=\"xl/decoy.xml\"/>");
            format!("{}{decoy}{}", &real[..end], &real[end..])
        },
        true,
    );
    let (excess, said) = refused_for(&decoy);
    assert_eq!(excess, Excess::SheetsShareData, "{said}");
    let past = MAX_CELLS_WRITTEN as usize + 1;
    let prefixed = format!("<x:row r=\"99999\">{}</x:row>", "<x:c/>".repeat(past));
    let sheet = "xl/worksheets/sheet2.xml";
    assert_eq!(
        refused_for(&with_rows(&prefixed, sheet)).0,
        Excess::CellsWritten
    );
    let empty = format!("<row r=\"99999\">{}</row>", "<c/>".repeat(past));
    let hidden = with_rows(&empty, "xl/worksheets/workbook.xml");
    assert_eq!(refused_for(&hidden).0, Excess::CellsWritten);
}

//! Hostile files found by the eighth attack, each kept with what must hold now.

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

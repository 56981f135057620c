//! Crafted files of the fourteenth round: workbook sheets whose text was never read and never
//! said — the monthly grid of our own export typed into, and a table of notes headed 番号 with
//! no column of figures.

use rust_xlsxwriter::Workbook;
use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::{WorkbookFormat, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::WarningKind;

use crate::measures_workbook::{open, report_sheet, write_rows};

/// The export's monthly grid (sheet2) with the cell `at` made to hold `text`, as Excel saves a
/// typed cell (an inline string where it saved a shared one).
fn typed_into_grid(bytes: &[u8], at: &str, text: &str) -> Vec<u8> {
    crate::rewrite_part(bytes, "xl/worksheets/sheet2.xml", |xml| {
        let cell = format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>");
        let open = format!("<c r=\"{at}\"");
        match xml.find(&open) {
            Some(_) => crate::cell_replaced(&xml, at, &cell),
            // A row of its own after the grid.
            None => {
                let row: String = at.chars().filter(char::is_ascii_digit).collect();
                let new_row = format!("<row r=\"{row}\">{cell}</row></sheetData>");
                xml.replacen("</sheetData>", &new_row, 1)
            }
        }
    })
}

fn grid_warnings(warnings: &[shinchoku::model::diag::Warning]) -> Vec<(String, String)> {
    (warnings.iter())
        .filter(|w| {
            matches!(
                w.kind,
                WarningKind::MonthGridCellNotRead { .. } | WarningKind::MonthGridRowEdited { .. }
            )
        })
        .map(|w| (w.at.cell_name().unwrap(), w.kind.describe(Lang::Ja)))
        .collect()
}

/// Typed into the monthly grid of the exported workbook — a topic's status and a new
/// initiative's row — each row is said once, its texts kept in the unread list; the report
/// itself is as exported (the grid is made from it). They were read nowhere and said nowhere:
/// `check` gave no warnings and `diff`, no changes. The grid as exported says nothing, and
/// neither does it when the report's own table was edited (the grid then shows what was
/// written, which is no edit of the grid: it was told against the grid the report gives, and a
/// result typed into the table made hundreds of warnings).
#[test]
fn what_is_typed_into_the_monthly_grid_is_said_and_kept_never_read() {
    let seed = crate::seed().report;
    let bytes = export_bytes(&seed, Format::Xlsx, Encoding::Utf8).unwrap();
    let as_exported = import_workbook(&bytes, WorkbookFormat::Xlsx).unwrap();
    assert!(grid_warnings(&as_exported.warnings).is_empty());
    let mut edited = typed_into_grid(&bytes, "F5", "完了");
    for (at, text) in [("A60", "12"), ("B60", "⑫ 月別の表にだけ書いた取組")] {
        edited = typed_into_grid(&edited, at, text);
    }
    let opened = import_workbook(&edited, WorkbookFormat::Xlsx).unwrap();
    let said = grid_warnings(&opened.warnings);
    let rows: Vec<&str> = said.iter().map(|(at, _)| at.as_str()).collect();
    assert_eq!(rows, ["月別計画と実績!A5", "月別計画と実績!A60"]);
    assert!(
        said[0]
            .1
            .contains("この行は書き出した後に書き換えられています"),
        "{said:?}"
    );
    assert!(said[0].1.contains("完了"), "{said:?}");
    let unread = crate::unread_texts(&opened.report);
    assert!(unread.iter().any(|t| t.contains("完了")), "{unread:?}");
    assert!(
        unread.contains(&"12 / ⑫ 月別の表にだけ書いた取組"),
        "{unread:?}"
    );
    assert_eq!(opened.report.sections, as_exported.report.sections);
    // A result typed into the report's table: read, and the grid says nothing.
    let table_edited = crate::rewrite_part(&bytes, "xl/sharedStrings.xml", |xml| {
        let line = "・職員向けメルマガにおける周知(6月)";
        assert!(xml.contains(line));
        xml.replacen(line, &format!("{line}\n・協創研修の第2回(11月)"), 1)
    });
    let opened = import_workbook(&table_edited, WorkbookFormat::Xlsx).unwrap();
    assert!(grid_warnings(&opened.warnings).is_empty());
    let texts = |r: &shinchoku::model::Report| -> Vec<String> {
        (r.initiatives().flat_map(|i| i.topics.iter()))
            .flat_map(|t| t.actual.iter().map(|e| e.text.clone()))
            .collect()
    };
    assert!(texts(&opened.report).contains(&"協創研修の第2回(11月)".to_string()));
}

/// A sheet of notes keyed by 番号 (番号 | 具体的取組 | 備考), no column of figures: its notes are
/// said and kept in the unread list with their heading; the repeated title is not. It was
/// passed over without a word.
#[test]
fn a_notes_sheet_headed_bangou_with_no_figures_is_kept_and_said() {
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), &[], &[]);
    let ws = book.add_worksheet();
    ws.set_name("備考").unwrap();
    write_rows(
        ws,
        0,
        &[
            &["番号", "具体的取組", "備考"],
            &["2", "取組2", "未定稿：実績は9月末に差し替え予定"],
        ],
    );
    let opened = open(&mut book);
    let said: Vec<(String, &WarningKind)> = (opened.warnings.iter())
        .filter_map(|w| Some((w.at.cell_name()?, &w.kind)))
        .filter(|(at, _)| at.starts_with("備考!"))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0, "備考!C2");
    assert!(matches!(said[0].1, WarningKind::CellOutsideLayout { .. }));
    let unread = crate::unread_texts(&opened.report);
    assert!(
        unread.contains(&"備考: 未定稿：実績は9月末に差し替え予定"),
        "{unread:?}"
    );
}

/// A hand-edited report whose self-rating has a note, who and when but no code, and whose
/// committee comment names who and when but has no text: `check` said nothing, every output
/// counted a level named "", and the table and workbook exports read back without them (the
/// note in the unread list). Opened, each such layer is left out and said, what it named kept
/// unread; the report then goes out and comes back with the same ratings.
#[test]
fn a_rating_without_its_code_is_said_on_opening_and_kept_unread() {
    use shinchoku::model::measures::{Comment, Rating};
    let mut report = crate::seed().report;
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let on = chrono::NaiveDate::from_ymd_opt(2017, 10, 5);
    m.self_rating = Some(Rating {
        code: String::new(),
        by: "人事課長".into(),
        on,
        note: "評価は下期に行う".into(),
    });
    m.review = Some(Rating {
        code: "A".into(),
        ..Rating::default()
    });
    m.comment = Some(Comment {
        text: String::new(),
        by: "行財政改革推進委員会".into(),
        on: None,
    });
    let text = shinchoku::store::to_ron(&report);
    let (opened, repaired) = shinchoku::store::from_ron_checked(&text).unwrap();
    let said = shinchoku::store::repair_warnings(&opened, &repaired);
    let said: Vec<String> = said.iter().map(|w| w.describe(Lang::Ja)).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].contains("取組1 自己評価"), "{said:?}");
    assert!(
        said[0].contains("評価は下期に行う / 人事課長 / 2017-10-05"),
        "{said:?}"
    );
    assert!(said[1].contains("取組1 委員会意見"), "{said:?}");
    let m = crate::initiative(&opened, "1").measures();
    assert!(m.self_rating.is_none() && m.comment.is_none());
    assert_eq!(m.review.as_ref().unwrap().code, "A");
    let unread = crate::unread_texts(&opened);
    assert!(unread.contains(&"評価は下期に行う / 人事課長 / 2017-10-05"));
    assert!(unread.contains(&"行財政改革推進委員会"));
    for (format, encoding) in [
        (Format::Table, Encoding::Utf8),
        (Format::Xlsx, Encoding::Utf8),
    ] {
        let again = crate::exported_and_read(&opened, format, encoding);
        let back = crate::initiative(&again, "1").measures();
        assert_eq!(back, m, "{format:?}");
    }
}

/// A division's response file whose self-rating code was cleared and a note written
/// (「下期に評価します」): opening leaves the code-less rating out, and collecting took 「自己評価:
/// S → —」 without a word, the note nowhere. The review says the note is not taken, as the
/// workbook's answer says it.
#[test]
fn a_note_left_without_its_rating_in_a_response_file_is_said_when_collected() {
    use crate::measures_answers::{first_division, said};
    let master = crate::measures_cycle::sent(crate::measures::seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    let mut ron = shinchoku::survey::response_for(&master, &division, None, "");
    let r = (ron
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .self_rating)
        .as_mut()
        .unwrap();
    r.code = String::new();
    r.note = "下期に評価します".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{division}.ron"));
    std::fs::write(&path, shinchoku::store::to_ron(&ron)).unwrap();
    let answer = shinchoku::survey::answer::read_answer(&path).unwrap();
    let c = shinchoku::survey::collect::collect(
        &master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    let words = said(&c);
    assert!(
        words.iter().any(|w| w.contains("「下期に評価します")
            && w.contains("自己評価が空欄のため取り込みません")),
        "{words:?}"
    );
}

/// An empty rating without its code (`self_rating: Some((code: ""))`): left out on opening and
/// said as empty, no empty text put in the unread list (it said 「what it named ()」 and kept
/// 「」).
#[test]
fn an_empty_rating_without_its_code_is_left_out_and_keeps_nothing() {
    use shinchoku::model::measures::Rating;
    let mut report = crate::seed().report;
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.self_rating = Some(Rating::default());
    let text = shinchoku::store::to_ron(&report);
    let (opened, repaired) = shinchoku::store::from_ron_checked(&text).unwrap();
    let said = shinchoku::store::repair_warnings(&opened, &repaired);
    let said: Vec<String> = said.iter().map(|w| w.describe(Lang::Ja)).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("空の評価です"), "{said:?}");
    assert!(crate::initiative(&opened, "1").measures.is_none());
    assert!(crate::unread_texts(&opened).is_empty());
}

/// A monthly grid written before rows carried checks (the seed's export as LibreOffice saved
/// it): as written it says nothing; a status typed there is said once, naming how many cells
/// differ — and so is a result typed into the report's table, which changes the grid the
/// report gives (which side was edited cannot be told). It was one warning, and one unread
/// text, per cell: hundreds for one result typed.
#[test]
fn a_grid_without_checks_is_told_against_the_report_in_one_warning() {
    const SEED_XLSX: &[u8] = include_bytes!("../fixtures/seed-libreoffice.xlsx");
    let grid_said = |bytes: &[u8]| {
        let opened = import_workbook(bytes, WorkbookFormat::Xlsx).unwrap();
        let unread = crate::unread_texts(&opened.report).len();
        (grid_warnings(&opened.warnings), unread)
    };
    assert_eq!(grid_said(SEED_XLSX), (Vec::new(), 0));
    let (said, unread) = grid_said(&typed_into_grid(SEED_XLSX, "F5", "完了"));
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].0, "月別計画と実績!F5");
    assert!(
        said[0]
            .1
            .contains("「完了」となっています（ほかに0個のセル"),
        "{said:?}"
    );
    assert_eq!(unread, 0);
    // LibreOffice keeps the cell's runs of formatting: the line is typed before one.
    let table_edited = crate::rewrite_part(SEED_XLSX, "xl/sharedStrings.xml", |xml| {
        let line = ">・職員向けメルマガにおける周知<";
        assert!(xml.contains(line));
        xml.replacen(
            line,
            ">・協創研修の第2回(4月)\n・職員向けメルマガにおける周知<",
            1,
        )
    });
    let (said, unread) = grid_said(&table_edited);
    assert_eq!((said.len(), unread), (1, 0), "{said:?}");
}

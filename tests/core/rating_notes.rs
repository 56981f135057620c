//! The notes beside a rating — the 所管課's 取組実績・特記 on its self-rating, the office's
//! 本部評価・特記 on its review — in every output, the same words everywhere (issues 22, 25).

use shinchoku::compare::{RolloverTo, diff, rollover};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::edit::measures::{MeasureIntent, RatingLayer};
use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::Report;

const SELF_NOTE: &str = "手続を12件追加した";
const REVIEW_NOTE: &str = "目標を上回る成果。継続を";

/// The seed with numbers of every kind (`rich`), initiative 1's self-rating and review each
/// with a note.
fn noted() -> Report {
    let mut report = crate::measures_tables::rich();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.self_rating.as_mut().unwrap().note = SELF_NOTE.into();
    m.review.as_mut().unwrap().note = REVIEW_NOTE.into();
    report
}

fn notes_of(report: &Report, number: &str) -> (String, String) {
    let m = crate::initiative(report, number).measures();
    let note = |r: &Option<shinchoku::model::measures::Rating>| {
        r.as_ref().map(|r| r.note.clone()).unwrap_or_default()
    };
    (note(&m.self_rating), note(&m.review))
}

#[test]
fn both_notes_go_through_the_report_table_in_every_encoding_and_read_back() {
    let report = noted();
    let text = shinchoku::export::table::to_table_text(&report);
    let header = text.lines().find(|l| l.starts_with("番号\t")).unwrap();
    assert!(
        header.contains("\t記入日\t取組実績・特記\t本部評価・特記"),
        "{header}"
    );
    for encoding in [Encoding::Utf8, Encoding::Cp932, Encoding::Utf16] {
        let bytes = export_bytes(&report, Format::Table, encoding).unwrap();
        let back = shinchoku::import::import_bytes(&bytes).expect("imports");
        assert_eq!(
            notes_of(&back.report, "1"),
            (SELF_NOTE.into(), REVIEW_NOTE.into()),
            "{encoding:?}"
        );
        assert!(back.report.unread.is_empty(), "{:?}", back.report.unread);
    }
}

#[test]
fn both_notes_are_in_the_csv_and_the_table_saved_as_csv_reads_them_back() {
    let report = noted();
    let csv = shinchoku::export::csv::to_csv(&report).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headings: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let at = |h: &str| headings.iter().position(|x| x == h).unwrap();
    let (self_at, review_at) = (at("取組実績・特記"), at("本部評価・特記"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let noted_rows: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| !r[self_at].is_empty() || !r[review_at].is_empty())
        .map(|r| (&r[1], &r[self_at], &r[review_at]))
        .collect();
    assert_eq!(noted_rows, [("1", SELF_NOTE, REVIEW_NOTE)]);
    let table = shinchoku::export::table::to_table_text(&report);
    let saved = format!("\u{feff}{}", crate::measures_tables::as_csv(&table, true));
    let back = shinchoku::import::import_bytes(saved.as_bytes()).expect("a CSV table imports");
    assert_eq!(
        notes_of(&back.report, "1"),
        (SELF_NOTE.into(), REVIEW_NOTE.into())
    );
}

#[test]
fn both_notes_go_through_the_workbooks_rating_sheet_and_read_back() {
    let report = noted();
    let bytes = export_bytes(&report, Format::Xlsx, Encoding::Utf8).expect("the XLSX is written");
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the export opens");
    assert_eq!(
        notes_of(&opened.report, "1"),
        (SELF_NOTE.into(), REVIEW_NOTE.into())
    );
    for (a, b) in report.initiatives().zip(opened.report.initiatives()) {
        assert_eq!(a.measures(), b.measures(), "initiative {}", a.number);
    }
}

/// A table whose 本部評価・特記 has words on a row without a 本部評価: kept unread, said.
#[test]
fn a_review_note_on_a_row_without_a_review_is_kept_unread_with_a_warning() {
    let text = shinchoku::export::table::to_table_text(&noted());
    let header: Vec<&str> = text
        .lines()
        .find(|l| l.starts_with("番号\t"))
        .unwrap()
        .split('\t')
        .collect();
    let review = header.iter().position(|h| *h == "本部評価").unwrap();
    let crafted: Vec<String> = text
        .lines()
        .map(|line| {
            if !line.contains(REVIEW_NOTE) {
                return line.to_string();
            }
            let mut cells: Vec<&str> = line.split('\t').collect();
            // The review, its 評価者 and 評価日 blanked; its note left.
            // The row's published cells hold the plan's own table cell by cell: its columns
            // stand as far right of the header's as its 担当課 does.
            let division = header.iter().position(|h| *h == "担当課").unwrap();
            let shift = cells.iter().position(|c| *c == "総務部人事課").unwrap() - division;
            cells[shift + review..shift + review + 3].fill("");
            cells.join("\t")
        })
        .collect();
    let back = shinchoku::import::import_text(&crafted.join("\n")).expect("imports");
    assert_eq!(
        notes_of(&back.report, "1"),
        (SELF_NOTE.into(), String::new())
    );
    assert!(
        back.report.unread.iter().any(|u| u.text == REVIEW_NOTE),
        "{:?}",
        back.report.unread
    );
    let warned: Vec<String> = back.warnings.iter().map(|w| w.describe(Lang::En)).collect();
    assert!(
        warned.iter().any(|w| w.contains(REVIEW_NOTE)
            && w.contains("no office review to go with it")
            && w.contains("本部評価・特記")),
        "{warned:?}"
    );
    let ja = crate::described_ja(&back.warnings);
    assert!(
        ja.iter().any(|w| w.contains("本部評価がないため")),
        "{ja:?}"
    );
}

fn note(initiative: shinchoku::model::Id, layer: RatingLayer, text: &str) -> Intent {
    Intent::Measure(MeasureIntent::SetRatingNote {
        initiative,
        layer,
        text: text.into(),
    })
}

#[test]
fn a_note_is_edited_through_the_core_and_undone() {
    let report = noted();
    let first = report.sections[0].initiatives[0].id;
    let second = report.sections[0].initiatives[1].id;
    let mut doc = Document::new(report.clone(), Origin::Sample, Vec::new());
    doc.perform(note(first, RatingLayer::Review, "継続。\n次年度は全庁へ"))
        .unwrap();
    assert_eq!(notes_of(doc.report(), "1").1, "継続。\n次年度は全庁へ");
    // Initiative 2 has no review: a note has no rating to go with, so nothing changes.
    doc.perform(note(second, RatingLayer::Review, "確認した"))
        .unwrap();
    assert_eq!(doc.report().initiative(second), report.initiative(second));
    doc.undo();
    assert_eq!(doc.report(), &report);
}

#[test]
fn compare_lists_a_changed_note_of_either_layer() {
    let old = noted();
    let first = old.sections[0].initiatives[0].id;
    let mut doc = Document::new(old.clone(), Origin::Sample, Vec::new());
    doc.perform(note(first, RatingLayer::SelfRating, "手続を15件追加した"))
        .unwrap();
    doc.perform(note(first, RatingLayer::Review, "")).unwrap();
    let changes = diff(&old, doc.report());
    let lines: Vec<String> = changes
        .changes
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert_eq!(
        lines,
        [
            "自己評価の特記: 手続を12件追加した → 手続を15件追加した",
            "本部評価の特記: 目標を上回る成果。継続を → —",
        ]
    );
    let en: Vec<String> = changes
        .changes
        .iter()
        .map(|c| c.describe(Lang::En))
        .collect();
    assert_eq!(en[1], "review's note: 目標を上回る成果。継続を → —");
    let json = serde_json::to_value(&changes).unwrap();
    assert_eq!(json["changes"][0]["part"], "self_rating");
    assert_eq!(json["changes"][0]["field"], "note");
    assert_eq!(json["changes"][1]["part"], "review");
    assert_eq!(json["changes"][1]["old"], REVIEW_NOTE);
    // The window's comparison (and the printout's) marks the row's 評価 cells, nothing else
    // of its numbers.
    let c = shinchoku::compare::Comparison::new("old", old, doc.report());
    let row = shinchoku::grid::rows(doc.report(), &Default::default())
        .into_iter()
        .find(|&r| shinchoku::grid::thing_of(doc.report(), r) == Some(first))
        .expect("the initiative's row");
    let marks = c.row_marks(doc.report(), row);
    let changed = Some(shinchoku::compare::Mark::Changed);
    assert_eq!(
        (marks.indicators, marks.effects, marks.ratings),
        (None, None, changed)
    );
}

/// A note of two lines is listed on one line, its lines joined as a result's are: its line
/// break split one change over two lines of the review and of `diff`.
#[test]
fn a_note_of_two_lines_is_listed_on_one_line() {
    let old = noted();
    let first = old.sections[0].initiatives[0].id;
    let mut doc = Document::new(old.clone(), Origin::Sample, Vec::new());
    let two_lines = "提案件数は前年同期比1.5倍\n（9月末時点）";
    doc.perform(note(first, RatingLayer::SelfRating, two_lines))
        .unwrap();
    let lines: Vec<String> = (diff(&old, doc.report()).changes.iter())
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert_eq!(
        lines,
        ["自己評価の特記: 手続を12件追加した → 提案件数は前年同期比1.5倍 / （9月末時点）"]
    );
    assert_eq!(notes_of(doc.report(), "1").0, two_lines, "kept as written");
}

/// A note is of its rating: rolling into the next year moves both into the history.
#[test]
fn rolling_into_the_next_year_moves_the_notes_with_their_ratings() {
    let mut report = noted();
    report.period = shinchoku::model::Period::FullYear;
    let next = rollover(&report, RolloverTo::NextYear).unwrap();
    let m = crate::initiative(&next, "1").measures();
    assert!(m.self_rating.is_none() && m.review.is_none());
    let past = m.past.last().expect("the closed year's ratings");
    assert_eq!(past.self_rating.as_ref().unwrap().note, SELF_NOTE);
    assert_eq!(past.review.as_ref().unwrap().note, REVIEW_NOTE);
    // Within the year, a half's rollover keeps them where they are.
    report.period = shinchoku::model::Period::FirstHalf;
    let second = rollover(&report, RolloverTo::SecondHalf).unwrap();
    assert_eq!(
        notes_of(&second, "1"),
        (SELF_NOTE.into(), REVIEW_NOTE.into())
    );
}

/// A note of two lines (木津川市's 取組実績・特記 often is) shows as two lines on the web page, as
/// in the printout and the window: the body cells keep line breaks (white-space: pre-line).
#[test]
fn a_line_break_in_a_note_is_a_line_break_on_the_web_page() {
    use scraper::{Html, Selector};
    let mut report = noted();
    let first = report.sections[0].initiatives[0].id;
    let two_lines = "電子申請の手続を12件追加した。\n来年度は全庁に広げる。";
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.self_rating.as_mut().unwrap().note = two_lines.into();
    let page = Html::parse_document(&shinchoku::export::html::to_html(&report));
    let sel = |s: &str| Selector::parse(s).unwrap();
    let cell = page
        .select(&sel("section tbody td"))
        .find(|td| td.text().collect::<String>().contains("電子申請の手続"))
        .expect("the note's cell");
    assert_eq!(cell.text().collect::<String>(), two_lines);
    let style: String = page.select(&sel("style")).flat_map(|e| e.text()).collect();
    assert!(
        style.contains("tbody td, tbody th { white-space: pre-line; }"),
        "{style}"
    );
}

#[test]
fn the_web_page_has_each_note_beside_its_rating_escaped() {
    use scraper::{Html, Selector};
    let mut report = noted();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.review.as_mut().unwrap().note = "<b>継続</b> & 拡大".into();
    let html = shinchoku::export::html::to_html(&report);
    assert!(html.contains("&lt;b&gt;継続&lt;/b&gt; &amp; 拡大"));
    let page = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let table = page
        .select(&sel("section table"))
        .find(|t| {
            t.select(&sel("caption"))
                .any(|c| c.text().collect::<String>() == "評価")
        })
        .expect("the rating table");
    let headings: Vec<String> = table
        .select(&sel("thead th"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        headings,
        [
            "取組",
            "自己評価",
            "自己評価の特記",
            "本部評価",
            "本部評価の特記",
            "委員会意見"
        ]
    );
    let row = table.select(&sel("tbody tr")).next().unwrap();
    let cells: Vec<String> = row.select(&sel("td")).map(|e| e.text().collect()).collect();
    assert_eq!(cells[1], SELF_NOTE);
    assert_eq!(cells[3], "<b>継続</b> & 拡大");
    // Without notes the table is as before.
    let plain = shinchoku::export::html::to_html(&crate::measures_tables::rich());
    assert!(!plain.contains("の特記"));
}

/// The seed with numbers, initiative 1's self-rating noted, sent to every division.
fn sent_with_a_note() -> Report {
    let mut report = crate::measures::seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.self_rating.as_mut().unwrap().note = SELF_NOTE.into();
    crate::measures_cycle::sent(report)
}

/// The note beside the self-rating is what the 所管課 writes of its own initiative: a yellow
/// cell of its workbook, taken in when collected.
#[test]
fn a_division_answers_its_self_ratings_note_in_its_workbook() {
    let master = sent_with_a_note();
    let first = master.sections[0].initiatives[0].id;
    let collection = crate::measures_cycle::workbook_answer(
        &master,
        &[(SELF_NOTE, "手続を15件追加した。目標を上回る成果")],
    );
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    assert!(collection.warnings.is_empty(), "{:?}", collection.warnings);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first).unwrap().measures();
    let rating = m.self_rating.as_ref().unwrap();
    assert_eq!(rating.note, "手続を15件追加した。目標を上回る成果");
    assert_eq!(rating.code, "S", "the rating stays as answered");
}

/// A note typed beside a self-rating the division left blank is said, not taken: a note is
/// of its rating.
#[test]
fn a_workbook_note_beside_a_blank_self_rating_is_said_and_not_taken() {
    let master = sent_with_a_note();
    let collection = crate::measures_cycle::workbook_answer(&master, &[("S", "")]);
    let said: Vec<String> = collection
        .warnings
        .iter()
        .map(|w| w.describe(Lang::En))
        .collect();
    assert!(
        said.iter().any(|w| w.contains("数値回答")
            && w.contains(&format!("self-rating's note 「{SELF_NOTE}」"))
            && w.contains("not taken")),
        "{said:?}"
    );
    let first = master.sections[0].initiatives[0].id;
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    assert!(
        doc.report()
            .initiative(first)
            .unwrap()
            .measures()
            .self_rating
            .is_none()
    );
}

/// In the `.ron` response the note travels with the self-rating; the review's note is the
/// office's, and an answer changing it is held back like any change of the office's part.
#[test]
fn a_ron_response_answers_the_self_ratings_note_but_not_the_reviews() {
    use shinchoku::edit::measures::{measures_division, office_part};
    let master = noted();
    let first = crate::initiative(&master, "1");
    let division = measures_division(first).unwrap().to_string();
    let response = shinchoku::survey::response_for(&master, &division, None, "");
    assert_eq!(
        notes_of(&response, "1"),
        (SELF_NOTE.into(), REVIEW_NOTE.into())
    );
    let mut changed = first.measures().clone();
    changed.self_rating.as_mut().unwrap().note = "別の特記".into();
    assert_eq!(office_part(&changed), office_part(first.measures()));
    changed.review.as_mut().unwrap().note = "別の本部特記".into();
    assert_ne!(office_part(&changed), office_part(first.measures()));
}

//! Exports carry every text safely: the report table and the workbook give back what any cell
//! held (a tab, a NUL, markup, a leading `・`, characters CP932 has no code for); a CSV or a
//! workbook never holds a cell an office program would run as a formula; a text longer than an
//! Excel cell, or more page breaks than Excel allows, are written all the same and said.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use proptest::prelude::*;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::export::{
    Encoding, ExportError, ExportWarning, Exported, Format, cp932, export, export_bytes,
};
use shinchoku::import::{WorkbookFormat, import_any, import_bytes};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::{Report, Side};

const SEED: &str = include_str!("fixtures/mie-h29-h1-report.tsv");
const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Cp932, Encoding::Utf16];

fn seed() -> Report {
    import_bytes(SEED.as_bytes())
        .expect("the seed imports")
        .report
}

/// The report as the table format carries it: the unread source rows are not part of it.
fn carried(mut report: Report) -> Report {
    report.unread.clear();
    report
}

/// An edited report as the importer would make it from the same texts: ids in document order,
/// links proposed afresh (an edit keeps a result's links; an import proposes them), the
/// identity derived.
fn as_imported(mut report: Report) -> Report {
    fn unlink(entries: &mut [shinchoku::model::Entry]) {
        for e in entries {
            e.reports.clear();
            unlink(&mut e.subs);
        }
    }
    for topic in report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.topics.iter_mut())
    {
        unlink(&mut topic.plan);
        unlink(&mut topic.actual);
    }
    report.number_in_document_order();
    shinchoku::model::links::propose_all(&mut report);
    report.id = shinchoku::model::ReportId::derive(&report);
    carried(report)
}

fn table_again(report: &Report, encoding: Encoding) -> Report {
    let exported = export(report, Format::Table, encoding).expect("the table is written");
    carried(
        import_bytes(&exported.bytes)
            .expect("the table reads back")
            .report,
    )
}

fn workbook_again(report: &Report) -> Report {
    let bytes = export_bytes(report, Format::Xlsx, Encoding::Utf8).expect("the XLSX is written");
    let (report, _) = import_any(&bytes, Some(WorkbookFormat::Xlsx)).expect("it reads back");
    carried(report)
}

/// A document of the seed, to type into as a user would.
fn typed() -> Document {
    Document::new(seed(), Origin::Sample, Vec::new())
}

/// The id of the first result of initiative `number`'s `topic`th topic.
fn first_result(report: &Report, number: &str, topic: usize) -> shinchoku::model::Id {
    report.find_initiative(number).unwrap().topics[topic].actual[0].id
}

/// The report, as imported, with initiative `number`'s first result typed as `text`.
fn with_first_result(number: &str, text: &str) -> Report {
    let mut doc = typed();
    let id = first_result(doc.report(), number, 0);
    doc.perform(Intent::SetEntryText {
        id,
        text: text.into(),
    })
    .unwrap();
    as_imported(doc.report().clone())
}

#[test]
fn a_result_with_a_tab_or_a_nul_reads_back_from_every_table_encoding() {
    let text = "新規採用職員研修\t(4回・103名受講)\u{0}(4月)";
    let report = with_first_result("10", text);
    for encoding in ENCODINGS {
        let again = table_again(&report, encoding);
        assert!(
            again == report,
            "{encoding:?}: the report reads back as it was"
        );
        let ten = again.find_initiative("10").unwrap();
        assert_eq!(ten.topics[0].actual[0].text, text);
        // What the issue saw: the text after the tab taken for the 担当課.
        assert_eq!(
            ten.divisions,
            report.find_initiative("10").unwrap().divisions
        );
    }
    let bytes = export_bytes(&report, Format::Table, Encoding::Utf8).unwrap();
    let written = String::from_utf8(bytes).unwrap();
    assert!(written.contains("新規採用職員研修&#9;(4回・103名受講)&#0;(4月)"));
    assert!(!written.contains('\u{0}'));
}

/// A result typed with a line break (a response file edited by hand): the report table keeps
/// it one result; the workbook, whose cells hold a result a line, reads back two, and the
/// export says so, naming it (it was split without a word).
#[test]
fn a_result_with_a_line_break_is_one_in_the_table_and_said_of_in_the_workbook() {
    let text = "テレワークの試行\r\n第2回は在宅(9月)";
    let report = with_first_result("10", text);
    let again = table_again(&report, Encoding::Utf8);
    assert_eq!(
        again.find_initiative("10").unwrap().topics[0].actual[0].text,
        text
    );
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).unwrap();
    let said: Vec<String> = exported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(
        said.iter()
            .any(|w| w.contains("テレワークの試行⏎第2回は在宅(9月)") && w.contains("改行")),
        "{said:#?}"
    );
    assert_eq!(
        workbook_again(&report)
            .find_initiative("10")
            .unwrap()
            .topics[0]
            .actual
            .len(),
        report.find_initiative("10").unwrap().topics[0].actual.len() + 1
    );
}

/// A topic heading holding a `>` or a line break: the report table keeps it; a workbook cell,
/// whose `<…>` line ends at its first `>`, reads back another heading and a line of the rest,
/// and the export says so, naming it (it was split without a word).
#[test]
fn a_heading_a_workbook_cell_cannot_hold_is_said_of() {
    for heading in ["ポータル>サイトの構築", "ポータル\nサイトの構築"] {
        let mut report = seed();
        let topic = report
            .sections
            .iter_mut()
            .flat_map(|s| s.initiatives.iter_mut())
            .flat_map(|i| i.topics.iter_mut())
            .find(|t| t.heading.as_deref() == Some("ポータルサイトの構築"))
            .unwrap();
        topic.heading = Some(heading.to_string());
        let report = as_imported(report);
        let again = table_again(&report, Encoding::Utf8);
        assert!(again == report, "the table keeps {heading:?}");
        let exported = export(&report, Format::Xlsx, Encoding::Utf8).unwrap();
        let said: Vec<String> = exported
            .warnings
            .iter()
            .map(|w| w.describe(Lang::Ja))
            .collect();
        let shown = heading.replace('\n', "⏎");
        assert!(
            said.iter()
                .any(|w| w.contains(&format!("見出し「{shown}」"))),
            "{said:#?}"
        );
    }
    // The seed's headings are read back as written: nothing said.
    let exported = export(&seed(), Format::Xlsx, Encoding::Utf8).unwrap();
    assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
}

/// A workbook's cell has no way to mark `<` as text, but a topic heading starts its line: a
/// result that speaks of `<協創>` after its bullet stays a result of its topic.
#[test]
fn a_result_with_a_bracketed_word_reads_back_from_the_workbook_in_its_topic() {
    let text = "\"A&B\" <協創> 'ワーク' 連携会議の開催（９月　２回）";
    let report = with_first_result("2", text);
    let again = workbook_again(&report);
    let topics = |r: &Report| r.find_initiative("2").unwrap().topics.len();
    assert_eq!(topics(&again), topics(&report), "no topic <協創>");
    assert!(again == report, "the report reads back as it was");
}

#[test]
fn texts_the_table_would_read_as_structure_read_back_as_text() {
    let mut report = seed();
    let four = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .find(|i| i.number == "4")
        .unwrap();
    // Markup, a bullet, a heading, references and edges in every kind of field.
    four.title = "<p>現場&amp;重視 ・改革&#9;".into();
    four.items[0].name = "□ではない項目".into();
    four.items[0].ticked = false;
    let span = &mut four.items[0].lanes[0][0];
    *span = shinchoku::model::StageSpan::new(span.first, span.last, "検討<br>&lt;準備&gt;");
    four.topics[0].heading = Some("IT 推進".into());
    four.topics[1].heading = Some("p".into());
    four.divisions = vec!["番号".into(), "・総務部".into()];
    let mut problems = Vec::new();
    for (k, text) in [
        "・先頭の中黒",
        "<見出しではない>",
        "＜全角＞の括弧",
        "a ・b",
        "&#12539;",
    ]
    .iter()
    .enumerate()
    {
        let entry = shinchoku::model::entry_text::read_entry(text, k % 2 == 0, &mut problems);
        four.topics[0].plan.push(entry);
    }
    report.sections[0].title = "．点で始まる区分".into();
    let report = as_imported(report);
    for encoding in ENCODINGS {
        let again = table_again(&report, encoding);
        let four = again.find_initiative("4").unwrap();
        assert_eq!(four.title, "<p>現場&amp;重視 ・改革&#9;");
        assert_eq!(four.topics[0].heading.as_deref(), Some("IT 推進"));
        assert_eq!(four.topics[1].heading.as_deref(), Some("p"));
        assert_eq!(four.divisions, ["番号", "・総務部"]);
        assert!(!four.items[0].ticked);
        assert!(again == report, "{encoding:?}");
    }
}

/// The warning shows the reference the file holds for the character, not another's.
#[test]
fn cp932_names_the_reference_it_wrote() {
    let (_, exported) = cp932_table_with("研修の実施🎉(4月)");
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&exported.bytes);
    assert!(text.contains("&#127881;"), "the file's reference");
    for lang in [Lang::Ja, Lang::En] {
        let said = exported.warnings[0].describe(lang);
        assert!(
            said.contains("&#127881;") && !said.contains("&#134071;"),
            "{said}"
        );
    }
}

/// The report with initiative 10's first result typed as `text`, as imported, and its CP932
/// table.
fn cp932_table_with(text: &str) -> (Report, Exported) {
    let report = with_first_result("10", text);
    let exported = export(&report, Format::Table, Encoding::Cp932).unwrap();
    (report, exported)
}

#[test]
fn cp932_writes_characters_it_has_no_code_for_as_references_and_says_where() {
    let (report, exported) = cp932_table_with("𠮷野家での研修😀(4月)");
    let again = carried(import_bytes(&exported.bytes).unwrap().report);
    assert!(again == report, "read back as it was");
    let [ExportWarning::AsReferences { chars }] = exported.warnings.as_slice() else {
        panic!("{:?}", exported.warnings);
    };
    assert_eq!(chars.iter().map(|n| n.c).collect::<Vec<_>>(), ['𠮷', '😀']);
    let said = exported.warnings[0].describe(Lang::En);
    assert!(
        said.contains("U+20BB7") && said.contains("initiative 10"),
        "{said}"
    );
    // The result by its words, not only its topic (a topic of eighty results all read
    // 「topic <…>, result」 alike).
    assert!(said.contains("result <𠮷野家での研修😀(4月)>"), "{said}");
    // A CSV has no references: it refuses, naming the character and where it is.
    let err = export(&report, Format::Csv, Encoding::Cp932).unwrap_err();
    let ExportError::NotInCp932 { chars } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(chars[0].c, '𠮷');
    assert!(
        err.describe(Lang::Ja).contains("取組10")
            && err.describe(Lang::Ja).contains("「𠮷野家での研修😀(4月)」"),
        "{}",
        err.describe(Lang::Ja)
    );
}

/// A character pasted into several texts is named at its first and counted at the others:
/// the warning said 「 」(U+00A0) at initiative 10 alone while initiative 2 held one too.
#[test]
fn cp932_counts_the_other_places_holding_a_character() {
    let mut doc = typed();
    let first = first_result(doc.report(), "10", 0);
    let second = first_result(doc.report(), "2", 0);
    for (id, text) in [
        (first, "研修の\u{a0}実施(4月)"),
        (second, "ポータルサイトへの\u{a0}掲載内容の追加(5月～)"),
    ] {
        doc.perform(Intent::SetEntryText {
            id,
            text: text.into(),
        })
        .unwrap();
    }
    let exported = export(doc.report(), Format::Table, Encoding::Cp932).unwrap();
    let [ExportWarning::AsReferences { chars }] = exported.warnings.as_slice() else {
        panic!("{:?}", exported.warnings);
    };
    assert_eq!((chars[0].c, chars[0].elsewhere), ('\u{a0}', 1));
    let said = exported.warnings[0].describe(Lang::Ja);
    assert!(said.contains("ほか1か所"), "{said}");
    assert!(
        exported.warnings[0]
            .describe(Lang::En)
            .contains("and 1 more place")
    );
}

#[test]
fn cp932_says_which_characters_it_wrote_as_the_windows_form() {
    let mut doc = typed();
    let id = first_result(doc.report(), "10", 0);
    doc.perform(Intent::SetEntryText {
        id,
        text: "研修(4月〜9月)".into(),
    })
    .unwrap();
    let exported = export(doc.report(), Format::Table, Encoding::Cp932).unwrap();
    let [ExportWarning::WindowsForms { chars }] = exported.warnings.as_slice() else {
        panic!("{:?}", exported.warnings);
    };
    assert_eq!(chars[0].c, '〜');
    let again = import_bytes(&exported.bytes).unwrap().report;
    let text = &again.find_initiative("10").unwrap().topics[0].actual[0].text;
    assert_eq!(text, "研修(4月～9月)", "read back as Windows has it");
}

// ---------------------------------------------------------------------------------------
// Any text a cell can hold: cells made of arbitrary text and the pieces the reader takes for
// structure, put into the seed's table; what the importer makes of them must come back from
// every format that is read again.

/// Pieces the reader gives a meaning to, and texts that once went wrong.
const PIECES: &[&str] = &[
    "<",
    ">",
    "<p>",
    "</p>",
    "<br>",
    "<ul>",
    "・",
    " ・",
    "＜",
    "＞",
    "<見出し>",
    "&",
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&#9;",
    "&#10;",
    "&#13;",
    "&#0;",
    "&#27;",
    "&#12539;",
    "&#60;",
    "&#x202E;",
    "&#38;#9;",
    "□",
    "①",
    "　",
    " ",
    "番号",
    "取組項目",
    "具体的取組",
    "1",
    "2020",
    "I ",
    "Ⅲ",
    "．",
    "(4月～9月)",
    "予定",
    "※",
    "(4回・103名受講)",
    "=cmd|' /C calc'!A0",
    "+HYPERLINK(\"x\")",
    "-2+3",
    "@SUM(A1)",
    "\u{1b}[31m",
    "\u{202E}",
    "\u{200B}",
    "\u{9B}",
    "𠮷",
    "😀",
    "_x0041_",
    "_x001B_",
    "\"",
    "'",
];

/// A cell's content: arbitrary text (but a tab, a line break or a NUL, which would end the
/// field or refuse the file — they come in as references) and the pieces above. The
/// characters CP932 writes as another form are left to their own test.
fn cell() -> impl Strategy<Value = String> {
    let text = proptest::collection::vec(
        any::<char>().prop_filter("no field or row end", |c| {
            !matches!(c, '\t' | '\n' | '\r' | '\0')
        }),
        0..6,
    )
    .prop_map(String::from_iter);
    let piece = prop_oneof![
        3 => text,
        2 => proptest::sample::select(PIECES).prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|pieces| {
        pieces
            .concat()
            .chars()
            .filter(|c| !cp932::WINDOWS_FORMS.iter().any(|(typed, _)| typed == c))
            .collect()
    })
}

/// The seed's table with `cells` put in: into a plan entry, a result, a heading, a 担当課
/// cell, an initiative's title, an action item and a stage of the HTML table, a plain stage
/// row, a section's title and the report's title.
fn crafted(cells: &[String]) -> String {
    let places = [
        "組織定数調整",
        "新規採用職員研修",
        "組織体制・運営の検討",
        "総務部人事課",
        "現場重視で",
        "協創の取組を進める",
        "順次実施",
        "周知",
        "協創・現場重視の推進に向けて",
        "」具体的取組 上半期(4月～9月)実績",
    ];
    let mut table = SEED.to_string();
    for (place, cell) in places.iter().zip(cells) {
        if let Some(at) = table.find(place) {
            table.insert_str(at + place.len(), cell);
        }
    }
    table
}

/// A topic with results only, or with nothing, between others keeps its place when the table
/// is read back: the reader put every topic the 実績 cell names first after the 年次計画 cell's,
/// so it moved to the end (found by the property below: `<¤>` typed into a plan line).
#[test]
fn a_topic_of_results_only_keeps_its_place_through_the_table() {
    let headings = |r: &Report| -> Vec<Option<String>> {
        let i = r.initiatives().find(|i| i.number == "4").unwrap();
        i.topics.iter().map(|t| t.heading.clone()).collect()
    };
    for emptied in [false, true] {
        let mut report = carried(seed());
        let i = report.sections[1]
            .initiatives
            .iter_mut()
            .find(|i| i.number == "4")
            .unwrap();
        i.topics[1].plan.clear();
        if emptied {
            i.topics[1].actual.clear();
        }
        let read = carried(
            import_bytes(
                &export(&report, Format::Table, Encoding::Utf8)
                    .unwrap()
                    .bytes,
            )
            .unwrap()
            .report,
        );
        assert_eq!(headings(&read), headings(&report), "emptied: {emptied}");
        for encoding in ENCODINGS {
            assert!(table_again(&read, encoding) == read, "{encoding:?}");
        }
    }
}

/// A `<` before a letter in a division's words (「<I 方針の策定(10月) …」) is text unless what
/// follows it up to `>` can be a tag: it was read as a tag, and every word up to the next `>`
/// (two plan lines) went without a word.
#[test]
fn words_after_a_lone_angle_bracket_are_kept() {
    let place = "組織定数調整";
    let at = SEED.find(place).unwrap() + place.len();
    let table = format!("{}<I {}", &SEED[..at], &SEED[at..]);
    let read = import_bytes(table.as_bytes()).unwrap().report;
    let i = read.initiatives().find(|i| i.number == "4").unwrap();
    let plan: Vec<&str> = i
        .topics
        .iter()
        .flat_map(|t| &t.plan)
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        plan.iter()
            .any(|t| t.starts_with("組織定数調整<I 方針の策定(10月)")),
        "{plan:?}"
    );
    assert!(
        plan.iter()
            .any(|t| t.starts_with("組織定数調整(11月～1月)")),
        "{plan:?}"
    );
    for encoding in ENCODINGS {
        assert!(table_again(&carried(read.clone()), encoding) == carried(read.clone()));
    }
}

/// Words between `<` and `>` that only look like a tag are words: `a<b and c>d` (an element's
/// name, then bare words HTML has no attribute for) and a heading `<ICT>` (no element) were
/// read as tags and dropped without a word.
#[test]
fn words_that_only_look_like_a_tag_are_kept() {
    let line = "職員向けメルマガにおける周知(6月)";
    let typed = "職員向けメルマガ<b and c>における周知(6月)";
    let table = SEED
        .replacen(line, typed, 1)
        .replace("<ポータルサイトの構築>", "<ICT>");
    let read = import_bytes(table.as_bytes()).unwrap().report;
    let i = read.initiatives().find(|i| i.number == "2").unwrap();
    assert_eq!(
        i.topics[0].heading.as_deref(),
        Some("ICT"),
        "{:?}",
        i.topics[0]
    );
    assert!(
        i.topics[0].actual.iter().any(|e| e.text == typed),
        "{:?}",
        i.topics[0].actual
    );
    for encoding in ENCODINGS {
        assert!(table_again(&carried(read.clone()), encoding) == carried(read.clone()));
    }
}

/// A heading spelled like an element that is always closed (`<B>`, `<EM>`) and closed by
/// nothing is a heading: read as bold text, the topic lost its heading without a word. Bold
/// text that is closed stays markup.
#[test]
fn a_heading_spelled_like_an_unclosed_element_is_a_heading() {
    let line = "職員向けメルマガにおける周知(6月)";
    for heading in ["B", "EM", "u"] {
        // A Word-written bold after the heading closes its own opening tag, not the heading.
        let table = SEED
            .replacen(line, &format!("<b style=\"x\">{line}</B>"), 1)
            .replace("<ポータルサイトの構築>", &format!("<{heading}>"));
        let read = import_bytes(table.as_bytes()).unwrap().report;
        let i = read.initiatives().find(|i| i.number == "2").unwrap();
        assert_eq!(
            i.topics[0].heading.as_deref(),
            Some(heading),
            "{:?}",
            i.topics
        );
        assert!(
            i.topics[0].actual.iter().any(|e| e.text == line),
            "{:?}",
            i.topics[0].actual
        );
        for encoding in ENCODINGS {
            assert!(table_again(&carried(read.clone()), encoding) == carried(read.clone()));
        }
    }
}

/// Word's own tags in a cell saved as HTML (`<o:p></o:p>` in every paragraph, `<st1:place>`
/// around a place name) are markup: the results read without them, and a tag around words
/// splits no result. They were kept as words of the results, in every export.
#[test]
fn words_own_namespaced_tags_are_markup() {
    let (first, second) = (
        "ポータルサイトへの掲載内容の追加(5月～)",
        "職員向けメルマガにおける周知(6月)",
    );
    let word = format!(
        "<p class=MsoNormal>・{first}<o:p></o:p></p><p class=MsoNormal>・{}<st1:place w:st=\"on\">(6月)</st1:place><o:p></o:p></p>",
        second.trim_end_matches("(6月)")
    );
    let table = SEED.replacen(&format!("・{first} ・{second}"), &word, 1);
    assert_ne!(table, SEED);
    let read = import_bytes(table.as_bytes()).unwrap().report;
    let i = read.initiatives().find(|i| i.number == "2").unwrap();
    let texts: Vec<&str> = i.topics[0].actual.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(&texts[..2], &[first, second], "{texts:?}");
}

/// A word processor's tag with an unquoted attribute in Japanese (`<font face=ＭＳ明朝>`) is a
/// tag: the rule that kept 「<I 方針…」 as words read it as a heading, and every result after it
/// went under a topic 「font face=ＭＳ明朝」. And it splits no line: `・` before it was an empty
/// result of its own.
#[test]
fn a_tag_with_an_attribute_value_in_japanese_is_a_tag() {
    let line = "職員向けメルマガにおける周知(6月)";
    for open in [
        "<font face=ＭＳ明朝>",
        "<font face = ＭＳ明朝>",
        "<span title=\"説明 文\">",
    ] {
        let table = SEED.replacen(line, &format!("{open}{line}</font>"), 1);
        assert_ne!(table, SEED);
        let read = import_bytes(table.as_bytes()).unwrap().report;
        let i = read.initiatives().find(|i| i.number == "2").unwrap();
        let headings: Vec<Option<&str>> = i.topics.iter().map(|t| t.heading.as_deref()).collect();
        assert!(
            !headings
                .iter()
                .flatten()
                .any(|h| h.contains("font") || h.contains("span")),
            "{open}: {headings:?}"
        );
        let portal = &i.topics[0];
        assert!(
            portal.actual.iter().any(|e| e.text == line),
            "{open}: {:?}",
            portal.actual
        );
        // One result: an inline tag splits no line (`・` and the words were two results).
        assert!(
            !portal.actual.iter().any(|e| e.text.trim().is_empty()),
            "{open}: {:?}",
            portal.actual
        );
    }
}

proptest! {
    // 48 cases in CI; `PROPTEST_CASES=5000` for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48)
    ))]

    #[test]
    fn any_cell_text_reads_back_from_the_table_in_every_encoding(
        cells in proptest::collection::vec(cell(), 10)
    ) {
        let table = crafted(&cells);
        let read = carried(import_bytes(table.as_bytes()).expect("the crafted table reads").report);
        for encoding in ENCODINGS {
            let again = table_again(&read, encoding);
            prop_assert!(again == read, "{:?}: differs for {:?}", encoding, cells);
        }
    }

    #[test]
    fn any_cell_text_of_a_workbook_reads_back_from_the_workbook_and_the_table(
        cells in proptest::collection::vec(cell(), 10)
    ) {
        let table = crafted(&cells);
        let read = carried(import_bytes(table.as_bytes()).expect("the crafted table reads").report);
        // What a workbook's cells can hold: line breaks part entries there, markup is text.
        let from_workbook = workbook_again(&read);
        prop_assert!(workbook_again(&from_workbook) == from_workbook, "XLSX: {:?}", cells);
        for encoding in ENCODINGS {
            let again = table_again(&from_workbook, encoding);
            prop_assert!(again == from_workbook, "XLSX → {:?}: {:?}", encoding, cells);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Formulas: results an office program would run.

const FORMULAS: [&str; 4] = [
    "=cmd|' /C calc'!A0",
    "+HYPERLINK(\"http://example.com\",\"x\")",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
];

/// The seed with initiative 10's first four results replaced by the formulas, typed in.
fn with_formulas() -> Document {
    let mut doc = typed();
    for formula in FORMULAS {
        let topic = doc.report().find_initiative("10").unwrap().topics[0].id;
        doc.perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: formula.to_string(),
        })
        .unwrap();
    }
    doc
}

#[test]
fn csv_cells_an_office_program_would_run_start_with_an_apostrophe() {
    let doc = with_formulas();
    let bytes = export_bytes(doc.report(), Format::Csv, Encoding::Utf8).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let texts: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[7].to_string())
        .collect();
    for formula in FORMULAS {
        assert!(
            texts.contains(&format!("'{formula}")),
            "{formula} guarded: {texts:?}"
        );
        assert!(!texts.iter().any(|t| t == formula), "{formula} never raw");
    }
    // No cell of any column starts with what Excel or LibreOffice runs.
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell}"
            );
        }
    }
}

/// A title starting with the minus sign U+2212 (`−HYPERLINK(…)`): no formula start in the
/// text, the CP932 CSV wrote it as `－HYPERLINK(…)`, which Japanese Excel runs. Guarded in every
/// encoding, and the guard read back drops.
#[test]
fn a_cell_starting_with_the_minus_sign_is_guarded_in_every_encoding() {
    let mut report = seed();
    let title = "\u{2212}HYPERLINK(\"http://example.com\",\"x\")";
    report.sections[0].initiatives[0].title = title.to_string();
    for encoding in [Encoding::Utf8, Encoding::Cp932, Encoding::Utf16] {
        let bytes = export_bytes(&report, Format::Csv, encoding).unwrap();
        let (text, _) = shinchoku::import::decode::decode(&bytes).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let titles: Vec<String> = (reader.records())
            .map(|r| r.unwrap()[2].to_string())
            .collect();
        assert!(
            titles
                .iter()
                .all(|t| !t.starts_with(['=', '+', '-', '@', '－', '＝'])),
            "{titles:?}"
        );
        assert!(
            titles
                .iter()
                .any(|t| t.starts_with("'") && t.contains("HYPERLINK")),
            "{encoding:?}"
        );
    }
    let again = table_again(&report, Encoding::Cp932);
    assert_eq!(
        again.sections[0].initiatives[0].title,
        "－HYPERLINK(\"http://example.com\",\"x\")"
    );
}

#[test]
fn the_workbook_holds_formulas_as_text_never_as_formulas() {
    let doc = with_formulas();
    let bytes = export_bytes(doc.report(), Format::Xlsx, Encoding::Utf8).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    for k in 0..archive.len() {
        let mut part = archive.by_index(k).unwrap();
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        if name.starts_with("xl/worksheets/") {
            let mut xml = String::new();
            part.read_to_string(&mut xml).unwrap();
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{name}: a formula"
            );
        }
    }
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("進捗報告").unwrap();
    let results = range
        .used_cells()
        .find_map(|(_, _, c)| match c {
            Data::String(s) if s.contains("=cmd|") => Some(s.clone()),
            _ => None,
        })
        .expect("the results cell");
    for formula in FORMULAS {
        assert!(results.contains(&format!("・{formula}")), "{results}");
    }
}

#[test]
fn the_status_csv_guards_a_division_named_like_a_formula() {
    let mut report = seed();
    report.sections[0].initiatives[0].divisions = vec!["=1+1".into()];
    let rows = shinchoku::survey::status_rows(
        &report,
        chrono::NaiveDate::from_ymd_opt(2017, 10, 1).unwrap(),
    );
    let csv = shinchoku::survey::status::to_csv(&rows, Lang::Ja);
    assert!(csv.lines().any(|l| l.starts_with("'=1+1,")), "{csv}");
    assert!(!csv.lines().any(|l| l.starts_with("=1+1")), "{csv}");
}

// ---------------------------------------------------------------------------------------
// Excel's limits.

#[test]
fn a_result_longer_than_an_excel_cell_is_cut_named_and_the_rest_exported() {
    let mut doc = typed();
    let id = first_result(doc.report(), "10", 0);
    let long = format!("{}(4月)", "研修の記録".repeat(200_000));
    doc.perform(Intent::SetEntryText { id, text: long })
        .unwrap();
    let exported = export(doc.report(), Format::Xlsx, Encoding::Utf8).expect("exported");
    let [
        ExportWarning::CellCut {
            cell,
            place,
            length,
            kept,
        },
    ] = exported.warnings.as_slice()
    else {
        panic!("{:?}", exported.warnings);
    };
    assert!(cell.starts_with("進捗報告!"), "{cell}");
    assert_eq!(place.initiative.as_deref(), Some("10"));
    assert!(*length > 1_000_000 && *kept < 32_767, "{length} {kept}");
    let said = exported.warnings[0].describe(Lang::En);
    assert!(
        said.contains(cell.as_str()) && said.contains("initiative 10"),
        "{said}"
    );
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(exported.bytes)).unwrap();
    let range = book.worksheet_range("進捗報告").unwrap();
    let cut = range
        .used_cells()
        .find_map(|(_, _, c)| match c {
            Data::String(s) if s.contains("研修の記録研修の記録") => Some(s.clone()),
            _ => None,
        })
        .expect("the cut cell");
    assert!(cut.encode_utf16().count() <= 32_767);
    assert!(
        cut.ends_with("文字を省略。全文は進捗の報告ファイルにあります）"),
        "the cell says so"
    );
    // Everything else is there: every other initiative's title.
    let titles: Vec<String> = range.used_cells().map(|(_, _, c)| c.to_string()).collect();
    for i in doc.report().initiatives() {
        assert!(titles.iter().any(|t| t.ends_with(&i.title)), "{}", i.title);
    }
}

/// The cut cell read back from the exported workbook went in as the whole result without a
/// word: opening the workbook says which text lacks how much, and keeps what the cell holds.
#[test]
fn a_cut_cell_read_back_from_the_workbook_is_said_of() {
    let mut doc = typed();
    let id = first_result(doc.report(), "10", 0);
    let long = format!("{}(4月)", "研修の記録".repeat(8_000));
    doc.perform(Intent::SetEntryText { id, text: long })
        .unwrap();
    let bytes = export_bytes(doc.report(), Format::Xlsx, Encoding::Utf8).expect("exported");
    let (again, warnings) = import_any(&bytes, Some(WorkbookFormat::Xlsx)).expect("read back");
    let cut: Vec<_> = warnings
        .iter()
        .filter_map(|w| match &w.kind {
            shinchoku::model::diag::WarningKind::CutByExport {
                place, left_out, ..
            } => Some((place.initiative.clone(), *left_out, w.describe(Lang::Ja))),
            _ => None,
        })
        .collect();
    let [(initiative, left_out, said)] = cut.as_slice() else {
        panic!("{warnings:?}");
    };
    assert_eq!(initiative.as_deref(), Some("10"));
    let kept = (again.initiatives().flat_map(|i| i.topics.iter()))
        .flat_map(|t| t.actual.iter())
        .find(|e| e.text.starts_with("研修の記録研修の記録"))
        .map(|e| e.text.clone())
        .unwrap();
    // The cell holds the topic's every result: what was left out is of the cell.
    assert!(kept.ends_with(&shinchoku::model::text::cut_note(*left_out)));
    assert!(*left_out > 40_004 - 32_767, "{left_out}");
    assert!(said.contains(&format!("{left_out}文字が省略")), "{said}");
    // A document opened on it says so too, and typing the text whole takes the warning away.
    let mut opened = Document::new(again, Origin::Sample, warnings);
    let said = |d: &Document| {
        (d.warnings.iter()).any(|w| {
            matches!(
                w.kind,
                shinchoku::model::diag::WarningKind::CutByExport { .. }
            )
        })
    };
    assert!(said(&opened));
    let id = first_result(opened.report(), "10", 0);
    let whole = format!("{}(4月)", "研修の記録".repeat(8_000));
    opened
        .perform(Intent::SetEntryText { id, text: whole })
        .unwrap();
    assert!(!said(&opened));
}

/// A title longer than Excel's page header (255 characters with its codes) was dropped from
/// the header with the library's bare message on the terminal: the header has its beginning
/// and `…`, the export says so, and the sheet's first row has the title whole.
#[test]
fn a_title_longer_than_the_page_header_is_cut_there_and_said() {
    let mut report = seed();
    report.title = format!("{}&取組", "行財政改革".repeat(60));
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).expect("exported");
    let [
        ExportWarning::HeaderCut {
            length,
            kept,
            whole_in_sheet,
        },
    ] = exported.warnings.as_slice()
    else {
        panic!("{:?}", exported.warnings);
    };
    assert_eq!((*length, *kept, *whole_in_sheet), (303, 252, true));
    assert!(
        exported.warnings[0]
            .describe(Lang::Ja)
            .contains("1行目には全文")
    );
    let xml = sheet_xml(&exported.bytes);
    let header = xml
        .split("<oddHeader>")
        .nth(1)
        .and_then(|h| h.split("</oddHeader>").next())
        .expect("a page header");
    assert!(
        header.starts_with("&amp;L行財政改革") && header.ends_with('…'),
        "{header}"
    );
    assert!(header.chars().count() <= 255 + 4, "{header}");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(exported.bytes)).unwrap();
    let range = book.worksheet_range("進捗報告").unwrap();
    assert!(
        range
            .used_cells()
            .any(|(_, _, c)| c.to_string() == report.title)
    );
}

fn sheet_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn past_excels_1023_page_breaks_the_workbook_is_written_breaking_where_it_matters_most() {
    // Made from the sample: an initiative of one row in four or so.
    let report = shinchoku::synthetic::large_report(6_000);
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).expect("exported");
    let [
        ExportWarning::PageBreaksLeft {
            needed,
            set,
            before_one_row,
            initiatives,
        },
    ] = exported.warnings.as_slice()
    else {
        panic!("{:?}", exported.warnings);
    };
    assert!(*needed > 1_023, "{needed}");
    assert_eq!(*set, 1_023);
    let xml = sheet_xml(&exported.bytes);
    assert_eq!(xml.matches("<brk id=").count(), 1_023);
    // The breaks left to Excel are those before an initiative of one row, where Excel breaks
    // at the same row: no initiative is split.
    assert_eq!(*before_one_row, needed - set);
    assert!(initiatives.is_empty(), "{initiatives:?}");
    let said = exported.warnings[0].describe(Lang::Ja);
    assert!(
        said.contains("1,023") && said.contains("分かれる取組はありません"),
        "{said}"
    );
}

/// A title longer than a cell holds as well: the sheet's first row has only its beginning
/// (said by that cell's own warning), so the header's warning no longer says the row has it
/// whole.
#[test]
fn a_title_longer_than_a_cell_is_not_said_to_be_whole_in_the_first_row() {
    let mut report = seed();
    report.title = "行財政改革".repeat(9_000);
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).expect("exported");
    let said: Vec<String> = exported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(
        exported.warnings.iter().any(|w| matches!(
            w,
            ExportWarning::HeaderCut {
                length: 45_000,
                whole_in_sheet: false,
                ..
            }
        )),
        "{said:#?}"
    );
    assert!(said.iter().any(|w| w.contains("45000文字")), "{said:#?}");
    assert!(
        !said.iter().any(|w| w.contains("全文があります")),
        "{said:#?}"
    );
}

/// A result a division wrote as a line of its own in the form of a heading (「<追加分>」, no
/// `・`): the XLSX cannot say it is text, and read back it becomes a heading — the export says
/// so, naming the line and the initiative, and how to keep it text. The report table keeps it
/// as text. The workbook read back made a topic 「追加分」 of the lines after it, without a word.
#[test]
fn a_result_line_written_as_a_heading_is_said_when_exported_to_xlsx() {
    let mut doc = Document::new(seed(), Origin::Sample, Vec::new());
    let topic = doc.report().sections[0].initiatives[1].topics[0].id;
    doc.perform(Intent::AddEntry {
        topic,
        side: Side::Actual,
        text: "<追加分>".into(),
    })
    .unwrap();
    // As collected from a workbook line typed without 「・」.
    let mut report = doc.report().clone();
    let entry = report.topic_mut(topic).unwrap().actual.last_mut().unwrap();
    entry.bullet = false;
    assert_eq!(entry.text, "<追加分>");
    let exported = export(&report, Format::Xlsx, Encoding::Utf8).expect("exported");
    let said: Vec<String> = exported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(
        said.iter().any(|w| w.contains("取組2")
            && w.contains("「<追加分>」は見出しの形")
            && w.contains("「・」を付ける")),
        "{said:#?}"
    );
    let table = export(&report, Format::Table, Encoding::Utf8).expect("exported");
    assert!(table.warnings.is_empty(), "{:?}", table.warnings);
    let back = import_bytes(&table.bytes).unwrap().report;
    let last = back.sections[0].initiatives[1].topics[0]
        .actual
        .last()
        .unwrap();
    assert_eq!((last.text.as_str(), last.bullet), ("<追加分>", false));
}

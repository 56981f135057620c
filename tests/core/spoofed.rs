//! Answers that claim what they are not, and surveys that cannot be written whole (issue 23,
//! items 3, 5, 9, 10): a workbook made to speak for another division, another division's topics
//! put into a workbook, a topic in two rows, division names that clash as file names or that
//! Windows keeps for devices, a survey that fails half-way, a due date before sending.

use std::io::{Read, Write};

use chrono::NaiveDate;
use shinchoku::document::{Document, Origin};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::Report;
use shinchoku::model::diag::WarningKind;
use shinchoku::survey::answer::{Refusal, answer_from_workbook};
use shinchoku::survey::send::{Formats, Survey, SurveyRefusal, write_responses};
use shinchoku::survey::{self, ConflictKind, collect, entries_text, topics_of, workbook};

use crate::october as at;
use crate::survey_due as due;
use crate::{seed, type_into_workbook};

const 管財課: &str = "総務部管財課";
const 税務企画課: &str = "総務部税務企画課";
const 総務課: &str = "総務部総務課";

/// The seed as the master, surveyed on 2 October with a token per division.
fn master_of(report: Report) -> Document {
    let mut doc = Document::new(report, Origin::Sample, Vec::new());
    let plan = Survey::new(doc.report(), due(), "", at(2).date()).unwrap();
    doc.perform(plan.intent(at(2))).unwrap();
    doc
}

fn workbook_of(master: &Report, division: &str) -> Vec<u8> {
    workbook::write(&survey::response_for(master, division, due(), "")).unwrap()
}

#[test]
fn a_workbook_whose_hidden_division_was_changed_is_refused_and_nothing_is_recorded() {
    let master = master_of(seed().report);
    let bytes = workbook_of(master.report(), 税務企画課);
    let spoofed = type_into_workbook(&bytes, 税務企画課, 総務課);
    let answer = answer_from_workbook(&spoofed, "税務企画課.xlsx".into()).unwrap();
    assert_eq!(answer.response.division, 総務課, "it claims 総務課");
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    assert!(
        c.taken.is_empty() && c.intent(&[]).is_none(),
        "nothing recorded"
    );
    assert!(matches!(&c.refused[0].1, Refusal::WrongToken { division } if division == 総務課));
    let said = c.refused[0].1.describe(Lang::Ja);
    assert!(
        said.contains("総務部総務課に送った回答用ファイルではありません"),
        "{said}"
    );
}

#[test]
fn the_response_sheets_are_protected_with_a_password_and_the_id_sheet_very_hidden() {
    let master = master_of(seed().report);
    let bytes = workbook_of(master.report(), 管財課);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    assert!(read("xl/worksheets/sheet1.xml").contains("<sheetProtection password="));
    assert!(read("xl/worksheets/sheet2.xml").contains("<sheetProtection password="));
    assert!(read("xl/workbook.xml").contains("state=\"veryHidden\""));
}

/// 税務企画課's workbook with 管財課's topic id put in its hidden column (and the heading and
/// plan cells overwritten too): nothing of 管財課's is offered or taken. The row is read as
/// the topic it was sent for (税務企画課's own, the ID cell named), its plan typed over held
/// back as any plan change is.
#[test]
fn another_divisions_topic_put_into_a_workbook_is_listed_and_never_offered() {
    let master = master_of(seed().report);
    let theirs = topics_of(master.report(), 管財課)[0];
    let mine = topics_of(master.report(), 税務企画課)[0];
    let bytes = workbook_of(master.report(), 税務企画課);
    let read = workbook::read(&bytes).unwrap();
    let row = &read.rows[0];
    let mut spoofed = type_into_workbook(&bytes, &mine.0.to_string(), &theirs.0.to_string());
    spoofed = type_into_workbook(&spoofed, &row.plan, "・勝手に書き換えた計画(4月)");
    if !row.results.is_empty() {
        spoofed = type_into_workbook(&spoofed, &row.results, "・勝手な実績(9月)");
    }
    let before = master.report().clone();
    let answer = answer_from_workbook(&spoofed, "税務企画課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    assert!(
        c.conflicts().iter().all(|x| match x.kind {
            ConflictKind::Plan { topic } => topic == mine,
            _ => !x.acceptable(),
        }),
        "{:?}",
        c.conflicts()
    );
    let said = crate::described_ja(&c.warnings);
    assert!(said.iter().any(|w| w.contains("隠しID")), "{said:?}");
    let mut master = master;
    let all: Vec<usize> = (0..c.conflicts().len()).collect();
    master.perform(c.intent(&all).unwrap()).unwrap();
    assert_eq!(master.report().topic(theirs), before.topic(theirs));
}

/// 人事課's response file edited by hand: a sub-item of 総務課's result (a topic the two
/// share) given new text, the entry's own text left as it was. The change is listed, old and
/// new, and never taken (it was neither listed nor taken: the words vanished without a word).
#[test]
fn another_divisions_sub_item_edited_in_a_response_file_is_listed() {
    let master = master_of(seed().report);
    let mut r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let id = r
        .initiatives()
        .flat_map(|i| &i.topics)
        .filter(|t| t.division.as_deref() == Some(総務課))
        .flat_map(|t| &t.actual)
        .flat_map(|e| &e.subs)
        .find(|s| s.text == "方針案の検討(9月)")
        .map(|s| s.id)
        .expect("総務課's sub-item in 人事課's response");
    r.entry_mut(id).unwrap().text = "方針案の検討(9月) ※人事課が書き換え".into();
    let answer = survey::answer::answer_from_report(r, "人事課.ron".into()).unwrap();
    let before = master.report().clone();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert!(
        listed
            .iter()
            .any(|x| x.contains("他の担当課（総務部総務課）の実績を変更")
                && x.contains("方針案の検討(9月)」 →")
                && x.contains("方針案の検討(9月) ※人事課が書き換え」")),
        "{listed:#?}"
    );
    let mut master = master;
    let all: Vec<usize> = (0..c.conflicts().len()).collect();
    master.perform(c.intent(&all).unwrap()).unwrap();
    assert_eq!(master.report().entry(id), before.entry(id));
}

/// The answer sheet with row `from` (1-based) copied after the last row, as a division copying
/// a row in Excel would leave it: the same cells, on a new row.
fn copy_row_to_end(bytes: &[u8], from: u32, results: Option<(&str, &str)>) -> Vec<u8> {
    let copied = copy_row_n_times(bytes, from, 1);
    match results {
        Some((old, new)) => type_into_workbook(&copied, old, new),
        None => copied,
    }
}

#[test]
fn a_topic_in_two_rows_keeps_both_rows_results_and_the_review_says_so() {
    let master = master_of(seed().report);
    let bytes = workbook_of(master.report(), 管財課);
    let read = workbook::read(&bytes).unwrap();
    let row = &read.rows[0];
    let old = entries_text(&master.report().topic(row.topic).unwrap().actual);
    let first = type_into_workbook(&bytes, &old, &format!("{old}\n・一つ目の行に追記(9月)"));
    // The workbook collected: what is said, and the topic's results once taken.
    let taken = |book: &[u8]| {
        let answer = answer_from_workbook(book, "管財課.xlsx".into()).unwrap();
        let c = collect(master.report(), vec![Ok(answer)], at(10));
        let mut after = master_of(seed().report);
        after.perform(c.intent(&[]).unwrap()).unwrap();
        let text = entries_text(&after.report().topic(row.topic).unwrap().actual);
        (c, text)
    };

    // Copied with the same results: taken once.
    let same = copy_row_to_end(&first, row.row, None);
    let rows = workbook::read(&same).unwrap().rows;
    assert_eq!(rows.iter().filter(|r| r.topic == row.topic).count(), 2);
    let (c, text) = taken(&same);
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter().any(|w| w.contains("1回だけ取り込みます")),
        "{said:?}"
    );
    assert_eq!(text.matches("一つ目の行に追記").count(), 1);

    // Copied and typed into: both rows' results are kept, in row order.
    let bytes = workbook_of(master.report(), 管財課);
    let twice = copy_row_to_end(&bytes, row.row, None);
    let twice = type_into_workbook_nth(&twice, &old, "・二つ目の行の実績(9月)", 1);
    let (c, text) = taken(&twice);
    assert!(matches!(
        c.warnings[0].warning.kind,
        WarningKind::TopicInTwoRows { same: false, .. }
    ));
    assert_eq!(c.taken[0].changed_topics, vec![row.topic]);
    assert!(
        text.starts_with(&old) && text.ends_with("・二つ目の行の実績(9月)"),
        "{text}"
    );

    // Copied, with a line added in the copy: the lines both rows hold are taken once (each
    // was taken twice).
    let added = format!("{old}\n・コピーした行に追記(10月)");
    let copied = type_into_workbook_nth(&copy_row_to_end(&bytes, row.row, None), &old, &added, 1);
    let (c, text) = taken(&copied);
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("両方の行にある実績は1回だけ")),
        "{said:?}"
    );
    assert_eq!(text, added);
}

/// Like `type_into_workbook`, for a text the workbook holds in several cells that share one
/// string: the `n`th cell (0-based, in sheet order) gets the new text.
fn type_into_workbook_nth(bytes: &[u8], old: &str, new: &str, n: usize) -> Vec<u8> {
    // Shared strings are shared: give the new text its own entry and point the nth cell at it.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut files = Vec::new();
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        files.push((name, content));
    }
    let strings = files
        .iter()
        .position(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap();
    let xml = String::from_utf8(files[strings].1.clone()).unwrap();
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let items: Vec<&str> = xml.split("<si>").skip(1).collect();
    let index = items
        .iter()
        .position(|si| si.contains(&format!(">{}</t>", escape(old))))
        .unwrap();
    let count = items.len();
    let xml = xml.replace(
        "</sst>",
        &format!(
            "<si><t xml:space=\"preserve\">{}</t></si></sst>",
            escape(new)
        ),
    );
    files[strings].1 = xml.into_bytes();
    let sheet = files
        .iter()
        .position(|(n, _)| n == "xl/worksheets/sheet1.xml")
        .unwrap();
    let xml = String::from_utf8(files[sheet].1.clone()).unwrap();
    let needle = format!("<v>{index}</v>");
    let at = xml.match_indices(&needle).nth(n).unwrap().0;
    let xml = format!("{}<v>{count}</v>{}", &xml[..at], &xml[at + needle.len()..]);
    files[sheet].1 = xml.into_bytes();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in files {
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The seed with some initiatives' 担当課 renamed.
fn with_divisions(names: &[(&str, &str)]) -> Report {
    let mut report = seed().report;
    for &(number, name) in names {
        let id = report.find_initiative(number).unwrap().id;
        let i = report.initiative_mut(id).unwrap();
        i.divisions = vec![name.to_string()];
        for t in &mut i.topics {
            t.division = None;
        }
    }
    report
}

#[test]
fn division_names_that_clash_or_that_windows_keeps_get_distinct_safe_file_names() {
    let report = with_divisions(&[
        ("1", "総務部/人事課"),
        ("3", "総務部:人事課"),
        ("8", "CON"),
        ("11", "情報課. "),
        ("6", "com1.課"),
        ("9", "総務部\u{202E}slx.exe人事課"),
    ]);
    let master = master_of(report);
    let plan = Survey::new(master.report(), due(), "", at(2).date()).unwrap();
    let stems: Vec<&str> = plan.to.iter().map(|r| r.stem.as_str()).collect();
    let mut lower: Vec<String> = stems.iter().map(|s| s.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), stems.len(), "distinct: {stems:?}");
    for s in &stems {
        assert!(
            !s.contains(['/', ':', '\\']) && !s.ends_with(['.', ' ']),
            "{s}"
        );
    }
    assert!(
        stems.contains(&"_CON") && stems.contains(&"_com1.課"),
        "{stems:?}"
    );
    assert!(stems.contains(&"情報課"), "{stems:?}");
    // A right-to-left override would show the mailed file's name reversed.
    assert!(stems.contains(&"総務部_slx.exe人事課"), "{stems:?}");

    let dir = tempfile::tempdir().unwrap();
    let sent = write_responses(master.report(), dir.path(), Formats::Both, &plan).unwrap();
    let on_disk = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(sent.len(), plan.to.len() * 2);
    assert_eq!(on_disk, sent.len(), "each response its own file");
    for s in sent.iter().filter(|s| s.path.extension().unwrap() == "ron") {
        let r = shinchoku::store::open(&s.path).unwrap();
        assert_eq!(r.response.unwrap().division, s.division);
    }
}

/// The device names Windows also keeps (`COM¹`, `LPT0`, `CONIN$`), and two names one only by
/// Unicode normalisation (`が課` and `か` + U+3099 `課`, one name on macOS): safe and distinct.
/// `COM¹.ron` and `CONIN$.ron` were written as they are, and the two 課 got names a Mac
/// shared folder takes as one.
#[test]
fn device_names_windows_also_keeps_and_names_one_when_normalised_are_made_safe() {
    let report = with_divisions(&[
        ("1", "COM¹"),
        ("3", "CONIN$"),
        ("8", "lpt0"),
        ("11", "が課"),
        ("6", "か\u{3099}課"),
        // A leading dot hides a file on Linux and macOS (the third attack).
        ("9", "../../管財課"),
    ]);
    let master = master_of(report);
    let plan = Survey::new(master.report(), due(), "", at(2).date()).unwrap();
    let stems: Vec<&str> = plan.to.iter().map(|r| r.stem.as_str()).collect();
    for safe in ["_COM¹", "_CONIN$", "_lpt0", "_.._.._管財課"] {
        assert!(stems.contains(&safe), "{safe}: {stems:?}");
    }
    use unicode_normalization::UnicodeNormalization;
    let mut normalised: Vec<String> = stems.iter().map(|s| s.nfc().collect()).collect();
    normalised.sort();
    normalised.dedup();
    assert_eq!(normalised.len(), stems.len(), "distinct: {stems:?}");
}

#[test]
fn a_survey_that_cannot_write_every_file_leaves_none() {
    let master = master_of(seed().report);
    let plan = Survey::new(master.report(), due(), "", at(2).date()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let last = plan.to.last().unwrap();
    // A folder where the last division's workbook should go: writing it fails.
    std::fs::create_dir(dir.path().join(format!("{}.xlsx", last.stem))).unwrap();
    let failed = write_responses(master.report(), dir.path(), Formats::Both, &plan).unwrap_err();
    assert!(failed.describe(Lang::Ja).contains("書き込めません"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A survey sent again into the folder of the first — whose responses may be answered by now
/// — replaces none of them, and writes nothing (a failed second survey removed the first's
/// files; a second one replaced an answered workbook without a word).
#[test]
fn a_survey_into_a_folder_holding_responses_replaces_none() {
    let master = master_of(seed().report);
    let plan = Survey::new(master.report(), due(), "", at(2).date()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let first = write_responses(master.report(), dir.path(), Formats::Both, &plan).unwrap();
    let answered = &first[1].path;
    std::fs::write(answered, b"answered").unwrap();
    let before: Vec<_> = first
        .iter()
        .map(|s| std::fs::read(&s.path).unwrap())
        .collect();

    let again = Survey::new(master.report(), due(), "期限を延ばしました", at(3).date()).unwrap();
    let refused = write_responses(master.report(), dir.path(), Formats::Both, &again).unwrap_err();
    let said = refused.describe(Lang::Ja);
    assert!(said.contains("同じ名前のファイルが既にあります"), "{said}");
    assert!(
        said.contains(&format!("ほかに{}件も", first.len() - 1)),
        "{said}"
    );
    let after: Vec<_> = first
        .iter()
        .map(|s| std::fs::read(&s.path).unwrap())
        .collect();
    assert_eq!(before, after, "every earlier response as it was");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), first.len());
}

#[test]
fn a_due_date_before_the_day_of_sending_is_refused() {
    let master = seed().report;
    let sent_on = NaiveDate::from_ymd_opt(2017, 10, 2).unwrap();
    let due = NaiveDate::from_ymd_opt(2017, 9, 29);
    let refused = Survey::new(&master, due, "", sent_on).unwrap_err();
    assert!(matches!(refused, SurveyRefusal::DueBeforeSending { .. }));
    assert!(
        refused
            .describe(Lang::Ja)
            .contains("回答期限 2017-09-29 が照会日 2017-10-02 より前です")
    );
    assert!(
        Survey::new(&master, Some(sent_on), "", sent_on).is_ok(),
        "the same day is fine"
    );
}

#[test]
fn tokens_are_kept_when_the_survey_is_sent_again_and_differ_between_divisions() {
    let mut master = master_of(seed().report);
    let tokens =
        |r: &Report| -> Vec<Option<String>> { r.survey.iter().map(|s| s.token.clone()).collect() };
    let first = tokens(master.report());
    assert!(
        first
            .iter()
            .all(|t| t.as_ref().is_some_and(|t| t.len() == 32))
    );
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len());
    let again = Survey::new(master.report(), due(), "再送", at(5).date()).unwrap();
    master.perform(again.intent(at(5))).unwrap();
    assert_eq!(tokens(master.report()), first);
}

/// An answer naming a division of a million characters is refused saying so in a line, not
/// with the name whole (5 MB printed).
#[test]
fn a_refusal_names_an_overlong_division_shortened() {
    use shinchoku::lang::{Describe, Lang};
    let refusal = shinchoku::survey::Refusal::NotAsked {
        division: "総務部".repeat(500_000),
    };
    for lang in [Lang::Ja, Lang::En] {
        let said = refusal.describe(lang);
        assert!(said.chars().count() < 100, "{}", said.chars().count());
        assert!(said.starts_with("総務部総務部"), "{said}");
    }
}

/// A workbook whose answer sheet's tab was renamed (its structure is not protected) is read
/// from the sheet holding the answer table (it was refused: 「回答」シートがありません).
#[test]
fn a_renamed_answer_sheet_is_found_by_its_table() {
    let master = master_of(seed().report);
    let bytes = workbook_of(master.report(), 管財課);
    let renamed = crate::type_into_workbook_part(
        &bytes,
        "xl/workbook.xml",
        "name=\"回答\"",
        "name=\"回答（管財課）\"",
    );
    let read = workbook::read(&renamed).unwrap();
    assert_eq!(read.rows.len(), workbook::read(&bytes).unwrap().rows.len());
}

/// A topic whose results an Excel cell cannot hold (2,000 result lines):
/// cut, the rest would be lost when the answer came back. The survey writes nothing and says
/// which initiative, topic and column, and what to send instead; a `.ron` survey goes out.
/// (Before: "String exceeds Excel's limit of 32,767 characters.", naming only the file.)
#[test]
fn a_workbook_cell_longer_than_excel_holds_refuses_the_survey_naming_it() {
    let master = master_of(shinchoku::synthetic::with_result_lines(2_000));
    let plan = Survey::new(master.report(), due(), "", at(2).date()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let failed = write_responses(master.report(), dir.path(), Formats::Both, &plan).unwrap_err();
    let said = failed.describe(Lang::Ja);
    assert!(
        said.contains("10 ⑤ 情報セキュリティの確保 <情報セキュリティ研修などの実施>の「上半期実績(4月～9月)」は")
            && said.contains("Excelのセルに入る32,767文字を超えます")
            && said.contains("--format ron"),
        "{said}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let sent = write_responses(master.report(), dir.path(), Formats::Ron, &plan).unwrap();
    assert_eq!(sent.len(), plan.to.len());
}

/// A `.ron` answer with another division's initiative pasted in — its heading, plan and
/// 担当課 rewritten to the answering division — lists each change and offers none: ticking
/// them all leaves the initiative as it was. The heading, plan and 担当課 were offered, and a
/// batch taken with every change accepted handed the initiative to the answering division.
#[test]
fn an_initiative_never_sent_to_the_division_pasted_into_its_response_is_never_offered() {
    let master = master_of(seed().report);
    let theirs = master
        .report()
        .initiatives()
        .find(|i| {
            i.divisions.iter().any(|d| d == 管財課)
                && !i.divisions.iter().any(|d| d == 税務企画課)
        })
        .expect("an initiative of 管財課 alone")
        .clone();
    let mut pasted = theirs.clone();
    pasted.divisions = vec![税務企画課.to_string()];
    let t = &mut pasted.topics[0];
    t.heading = Some("乗っ取った見出し".into());
    t.plan[0].text = "乗っ取った計画(4月)".into();
    let mut r = survey::response_for(master.report(), 税務企画課, due(), "");
    assert!(
        r.initiative(theirs.id).is_none(),
        "never sent to 税務企画課"
    );
    r.sections[0].initiatives.push(pasted);
    // The parts "sent" are in the answer, which the division could write into: naming the
    // initiative there claims nothing.
    let claim = (format!("initiative/{}/title", theirs.id.0), 1);
    r.response.as_mut().unwrap().sent.push(claim);
    let answer = survey::answer::answer_from_report(r, "税務企画課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let about_theirs: Vec<_> = c
        .conflicts()
        .iter()
        .filter(|x| x.initiative.as_deref() == Some(theirs.number.as_str()))
        .collect();
    assert!(about_theirs.len() >= 3, "{:#?}", c.conflicts());
    for x in &about_theirs {
        assert!(!x.acceptable(), "{x:?}");
        assert!(
            x.describe(Lang::Ja)
                .contains("取り込めません: この取組は総務部税務企画課に照会していません"),
            "{}",
            x.describe(Lang::Ja)
        );
    }
    let mut master = master;
    let all: Vec<usize> = (0..c.conflicts().len()).collect();
    if let Some(intent) = c.intent(&all) {
        master.perform(intent).unwrap();
    }
    assert_eq!(master.report().initiative(theirs.id), Some(&theirs));
}

/// A division named with an `&` or longer than a printed header holds: its workbook is written
/// without a message naming nothing on the terminal (rust_xlsxwriter printed 「Header string
/// exceeds Excel's limit of 255 characters.」), and the sheet holds the name whole.
#[test]
fn a_division_name_too_long_for_the_printed_header_is_cut_there_and_whole_in_the_sheet() {
    let long = format!("総務部&{}課", "人事".repeat(150));
    let master = master_of(with_divisions(&[("1", long.as_str())]));
    let response = survey::response_for(master.report(), &long, due(), "");
    let book = workbook::write(&response).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&book)).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    let header = &sheet[sheet.find("<oddHeader>").expect("a header") + 11..];
    let header = &header[..header.find("</oddHeader>").unwrap()];
    assert!(header.starts_with("&amp;L総務部&amp;&amp;人事"), "{header}");
    assert!(header.contains("…&amp;R回答期限 2017-10-13"), "{header}");
    let read = workbook::read(&book).unwrap();
    assert_eq!(read.response.division, long);
    // Excel counts the header in UTF-16 units: 𠮷 is two, and a name of 130 of them is cut.
    let wide = "𠮷".repeat(130);
    let master = master_of(with_divisions(&[("1", wide.as_str())]));
    let book = workbook::write(&survey::response_for(master.report(), &wide, due(), "")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&book)).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    let header = &sheet[sheet.find("<oddHeader>").expect("a header") + 11..];
    let header = &header[..header.find("</oddHeader>").unwrap()].replace("&amp;", "&");
    assert!(header.encode_utf16().count() <= 255, "{header}");
    assert!(header.contains("…&R回答期限"), "{header}");
}

/// The answer sheet with row `from` copied `n` times after the last row.
fn copy_row_n_times(bytes: &[u8], from: u32, n: u32) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(content).unwrap();
            let start = xml.find(&format!("<row r=\"{from}\"")).unwrap();
            let end = start + xml[start..].find("</row>").unwrap() + "</row>".len();
            let last = xml.rfind("<row r=\"").unwrap();
            let last_n: u32 = xml[last + 8..].split('"').next().unwrap().parse().unwrap();
            let copies: String = (1..=n)
                .map(|k| {
                    let to = last_n + k;
                    xml[start..end]
                        .replace(&format!("<row r=\"{from}\""), &format!("<row r=\"{to}\""))
                        .replace(&format!("{from}\" "), &format!("{to}\" "))
                        .replace(&format!("{from}\"/>"), &format!("{to}\"/>"))
                })
                .collect();
            let at = xml.find("</sheetData>").unwrap();
            let xml = format!("{}{copies}{}", &xml[..at], &xml[at..])
                .replace(&format!(":G{last_n}\""), &format!(":G{}\"", last_n + n));
            content = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A row copied ten thousand times and more (the third attack: 40,000 copies took a minute
/// to collect, each compared with all joined before it): its results taken once, each copy
/// said up to the warnings' bound and the rest counted.
#[test]
fn a_topic_in_thousands_of_rows_is_taken_once_and_the_rows_past_the_bound_counted() {
    use shinchoku::model::bounds::MAX_WARNINGS;
    let master = master_of(seed().report);
    let bytes = workbook_of(master.report(), 管財課);
    let row = workbook::read(&bytes).unwrap().rows[0].clone();
    let old = entries_text(&master.report().topic(row.topic).unwrap().actual);
    let added = "・一つ目の行に追記(9月)";
    let first = type_into_workbook(&bytes, &old, &format!("{old}\n{added}"));
    let copied = copy_row_n_times(&first, row.row, MAX_WARNINGS as u32 + 5);
    let c = collect(
        master.report(),
        vec![Ok(
            answer_from_workbook(&copied, "管財課.xlsx".into()).unwrap()
        )],
        at(10),
    );
    let two_rows = |w: &&shinchoku::survey::answer::AnswerWarning| {
        matches!(
            w.warning.kind,
            WarningKind::TopicInTwoRows { same: true, .. }
        )
    };
    assert_eq!(c.warnings.iter().filter(two_rows).count(), MAX_WARNINGS);
    assert!(
        c.warnings
            .iter()
            .any(|w| w.warning.kind == WarningKind::NotListed { count: 5 })
    );
    let mut taken = master_of(seed().report);
    taken.perform(c.intent(&[]).unwrap()).unwrap();
    let text = entries_text(&taken.report().topic(row.topic).unwrap().actual);
    assert_eq!(text, format!("{old}\n{added}"));
}

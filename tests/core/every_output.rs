//! Issue 22, item 2, as a property: whatever in-scope edits several divisions make in their
//! responses (a result rewritten, added or removed, a sub-item rewritten), once collected every
//! output — the report table in three encodings, the workbook, the CSV, the web page, the
//! printed PDF and `check --json` — holds exactly the divisions' texts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::export::{self, Encoding, Format};
use shinchoku::model::{Id, Report, Side, sub_text};
use shinchoku::survey::answer::answer_from_report;
use shinchoku::survey::send::Survey;
use shinchoku::survey::{self, collect, topics_of};

use crate::october as at;
use crate::seed;

/// Sentences as divisions type them: notes after and inside the month bracket, counts, ※
/// remarks, full-width spaces, 予定, quotation brackets.
const SENTENCES: &[&str] = &[
    "職員向けメルマガにおける周知(6月)（参加職員312名）",
    "(8月)（全庁に通知）",
    "研修の周知（6月～、延べ3件）",
    "説明会の開催（9月　2回）",
    "職員アンケートの実施(7月 ※回答率8割)",
    "「働き方改革」に関する意見交換会の開催(4月～9月)",
    "管理職研修の実施(2回・40名受講)(9月)",
    "庁舎の長寿命化計画の改定(8月～10月予定)",
    "新たな運用方法の周知（通年）",
    "県有施設の見直し方針の策定 ※10月公表予定",
    "情報セキュリティ研修の実施(5月、7月)",
    "説明会の実施 本庁(6月)、地域機関(7月)",
];

#[derive(Clone, Debug)]
enum Op {
    /// Rewrite the nth result of the kth topic.
    Rewrite {
        topic: usize,
        entry: usize,
        text: usize,
    },
    Add {
        topic: usize,
        text: usize,
    },
    Remove {
        topic: usize,
        entry: usize,
    },
    /// Rewrite a sub-item of the nth result, where it has one.
    RewriteSub {
        topic: usize,
        entry: usize,
        text: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let n = SENTENCES.len();
    prop_oneof![
        (0..5usize, 0..8usize, 0..n).prop_map(|(topic, entry, text)| Op::Rewrite {
            topic,
            entry,
            text
        }),
        (0..5usize, 0..n).prop_map(|(topic, text)| Op::Add { topic, text }),
        (0..5usize, 0..8usize).prop_map(|(topic, entry)| Op::Remove { topic, entry }),
        (0..5usize, 0..8usize, 0..n).prop_map(|(topic, entry, text)| Op::RewriteSub {
            topic,
            entry,
            text
        }),
    ]
}

/// A division's response with the edits made through the core, as the window makes them.
fn answered(master: &Report, division: &str, ops: &[Op]) -> Report {
    let mut doc = Document::new(
        survey::response_for(master, division, NaiveDate::from_ymd_opt(2017, 10, 13), ""),
        Origin::Sample,
        Vec::new(),
    );
    let topics = topics_of(doc.report(), division);
    for op in ops {
        let topic = |k: usize| topics[k % topics.len()];
        let nth = |doc: &Document, t: Id, k: usize| {
            let list = &doc.report().topic(t).unwrap().actual;
            (!list.is_empty()).then(|| list[k % list.len()].clone())
        };
        let intent = match *op {
            Op::Rewrite {
                topic: t,
                entry,
                text,
            } => nth(&doc, topic(t), entry).map(|e| Intent::SetEntryText {
                id: e.id,
                text: SENTENCES[text].into(),
            }),
            Op::Add { topic: t, text } => Some(Intent::AddEntry {
                topic: topic(t),
                side: Side::Actual,
                text: SENTENCES[text].into(),
            }),
            Op::Remove { topic: t, entry } => {
                nth(&doc, topic(t), entry).map(|e| Intent::RemoveEntry { id: e.id })
            }
            Op::RewriteSub {
                topic: t,
                entry,
                text,
            } => nth(&doc, topic(t), entry)
                .and_then(|e| e.subs.first().cloned())
                .map(|s| Intent::SetEntryText {
                    id: s.id,
                    text: SENTENCES[text].into(),
                }),
        };
        if let Some(intent) = intent {
            doc.perform(intent)
                .expect("an edit of the division's own results");
        }
    }
    doc.into_report()
}

/// Each topic's results as `(initiative number, heading)` → texts, of these divisions.
type Results = BTreeMap<(String, String), Vec<String>>;

fn results_of(report: &Report, divisions: &[&str]) -> Results {
    let mut out = Results::new();
    for i in report.initiatives() {
        for t in &i.topics {
            if !survey::topic_divisions(i, t)
                .iter()
                .any(|d| divisions.contains(d))
            {
                continue;
            }
            let key = (i.number.clone(), t.heading.clone().unwrap_or_default());
            out.entry(key)
                .or_default()
                .extend(t.actual.iter().map(|e| e.text.clone()));
        }
    }
    out
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every output of `report` holds exactly `expected` (those that can be read back per topic),
/// or every text of it (the web page and the PDF).
fn assert_outputs_hold(report: &Report, divisions: &[&str], expected: &Results) {
    for enc in [Encoding::Utf8, Encoding::Cp932, Encoding::Utf16] {
        let bytes = export::export_bytes(report, Format::Table, enc).unwrap();
        let back = shinchoku::import::import_bytes(&bytes).unwrap().report;
        assert_eq!(&results_of(&back, divisions), expected, "table {enc:?}");
    }
    let xlsx = export::export_bytes(report, Format::Xlsx, Encoding::Utf8).unwrap();
    let back = shinchoku::import::workbook::import_workbook(
        &xlsx,
        shinchoku::import::workbook::WorkbookFormat::Xlsx,
    )
    .unwrap()
    .report;
    assert_eq!(&results_of(&back, divisions), expected, "xlsx");

    let csv = String::from_utf8(export::export_bytes(report, Format::Csv, Encoding::Utf8).unwrap())
        .unwrap();
    let mut from_csv = Results::new();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    for row in reader.records() {
        let row = row.unwrap();
        let key = (row[1].to_string(), row[3].to_string());
        if &row[5] == "実績" && row[6].is_empty() && expected.contains_key(&key) {
            from_csv.entry(key).or_default().push(row[7].to_string());
        }
    }
    let expected_nonempty: Results = expected
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(from_csv, expected_nonempty, "csv");

    let summary = shinchoku::summary::ReportSummary::new(report, &[]);
    let json: serde_json::Value = serde_json::to_value(&summary).unwrap();
    let mut from_json = Results::new();
    for i in json["initiative_list"].as_array().unwrap() {
        for e in i["actual"].as_array().unwrap() {
            let key = (
                i["number"].as_str().unwrap().to_string(),
                e["topic"].as_str().unwrap_or_default().to_string(),
            );
            if expected.contains_key(&key) {
                from_json
                    .entry(key)
                    .or_default()
                    .push(e["text"].as_str().unwrap().to_string());
            }
        }
    }
    assert_eq!(from_json, expected_nonempty, "check --json");

    let html =
        String::from_utf8(export::export_bytes(report, Format::Html, Encoding::Utf8).unwrap())
            .unwrap();
    let pdf = crate::printed_text(report);
    for (number, heading) in expected.keys() {
        let i = report.find_initiative(number).unwrap();
        let t = i
            .topics
            .iter()
            .find(|t| t.heading.as_deref().unwrap_or_default() == heading)
            .unwrap();
        // The web page and the printout show a sub-item on a line of its own: an entry's
        // own words on its line, each sub-item's below with the separator after it; the lines
        // together hold every character of the text (the 「、」 between sub-items was lost).
        for e in &t.actual {
            let lines: Vec<String> = std::iter::once(sub_text::own_text(e))
                .chain((0..e.subs.len()).filter_map(|k| sub_text::sub_line(e, k)))
                .collect();
            // In the text's order: a ※ note after the last sub-item stays after it.
            assert_eq!(compact(&lines.concat()), compact(&e.text), "{lines:?}");
            for piece in &lines {
                assert!(html.contains(piece.as_str()), "web page lacks 「{piece}」");
                assert!(pdf.contains(&compact(piece)), "PDF lacks 「{piece}」");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn several_divisions_edits_collected_reach_every_output_exactly(
        edits in proptest::collection::vec(proptest::collection::vec(op(), 1..6), 3),
    ) {
        let mut master = Document::new(seed().report, Origin::Sample, Vec::new());
        let plan = Survey::new(master.report(), NaiveDate::from_ymd_opt(2017, 10, 13), "", at(2).date())
            .unwrap();
        master.perform(plan.intent(at(2))).unwrap();
        let divisions = ["総務部行財政改革推進課", "総務部人事課", "総務部総務課"];
        let answers: Vec<Report> = divisions
            .iter()
            .zip(&edits)
            .map(|(d, ops)| answered(master.report(), d, ops))
            .collect();
        let mut expected = Results::new();
        for (d, a) in divisions.iter().zip(&answers) {
            expected.extend(results_of(a, &[d]));
        }
        let c = collect(
            master.report(),
            answers
                .into_iter()
                .zip(divisions)
                .map(|(a, d)| Ok(answer_from_report(a, format!("{d}.ron")).unwrap()))
                .collect(),
            at(10),
        );
        prop_assert!(c.refused.is_empty() && c.conflicts().is_empty(), "{:?}", c.conflicts());
        master.perform(c.intent(&[]).unwrap()).unwrap();
        prop_assert_eq!(&results_of(master.report(), &divisions), &expected);
        assert_outputs_hold(master.report(), &divisions, &expected);
    }
}

/// A ※ note written after an entry's last sub-item is shown after it, on its line, as typed
/// (with its 全角スペース): it was put on the entry's own line, before the words it follows
/// (「メルマガ ※好評につき増刷」 above 「第２号の配信(8月)」).
#[test]
fn a_note_after_the_last_sub_item_is_shown_after_it() {
    let e = shinchoku::model::entry_text::read_entry(
        "メルマガ　第２号の配信(8月)　※好評につき増刷",
        true,
        &mut Vec::new(),
    );
    assert_eq!(e.subs.len(), 1, "{e:?}");
    assert_eq!(sub_text::own_text(&e), "メルマガ");
    assert_eq!(
        sub_text::sub_line(&e, 0).as_deref(),
        Some("第２号の配信(8月)　※好評につき増刷")
    );
}

/// A ※ remark on a line of its own under a result (a division's Alt+Enter, as the format's
/// `※` starts a note on the bullet before it) is the note of the line above when the report's
/// workbook is read back, as in an answer workbook: exported and read back it made a result
/// of its own (and the export warned it would). A plain second line still makes two, warned.
#[test]
fn a_remark_on_its_own_line_comes_back_from_the_workbook_as_the_note() {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let topic = &doc.report().sections[0].initiatives[1].topics[0];
    let (remarked, plain) = (topic.actual[1].id, topic.actual[2].id);
    let remark = "職員向けメルマガにおける周知(6月)\n※各部局へ通知済（9月末時点）";
    for (id, text) in [
        (remarked, remark),
        (plain, "研修における周知(7月)\n活用(8月)"),
    ] {
        doc.perform(Intent::SetEntryText {
            id,
            text: text.into(),
        })
        .unwrap();
    }
    let exported = export::export(doc.report(), Format::Xlsx, Encoding::Utf8).unwrap();
    let warned: Vec<String> = (exported.warnings.iter())
        .filter_map(|w| match w {
            export::ExportWarning::LineBreakSplits { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(warned, ["研修における周知(7月)\n活用(8月)"]);
    let read = crate::exported_and_read(doc.report(), Format::Xlsx, Encoding::Utf8);
    let texts: Vec<&str> = (read.sections[0].initiatives[1].topics[0].actual.iter())
        .map(|e| e.text.as_str())
        .collect();
    assert!(texts.contains(&remark), "{texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with('※')), "{texts:?}");
}

//! Every word a division writes arrives (issue 22): results typed the way divisions type them
//! keep their months, a sub-item's change reaches the whole entry, the review says what
//! changes, an identical answer is no change, months outside the period are warned about, and
//! rolling over does not make anything late by itself.

use chrono::{NaiveDate, NaiveDateTime};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::lang::Lang;
use shinchoku::model::diag::WarningKind;
use shinchoku::model::entry_text::read_entry;
use shinchoku::model::{Entry, Id, MonthSet, Report, Side};
use shinchoku::survey::answer::{answer_from_report, answer_from_workbook};
use shinchoku::survey::send::Survey;
use shinchoku::survey::{self, collect, entries_text, workbook};

const 人事課: &str = "総務部人事課";

use crate::{seed, type_into_workbook};

const 推進課: &str = "総務部行財政改革推進課";

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

fn due() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2017, 10, 13)
}

/// The seed as the office's master, the survey sent to every division on 2 October (each
/// with its token).
fn master() -> Document {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let plan = Survey::new(doc.report(), due(), NOTE, at(2, 9).date()).unwrap();
    doc.perform(plan.intent(at(2, 9)))
        .expect("marking sent applies");
    doc
}

const NOTE: &str = "10月13日までに回答願います";

/// A division's response opened in Shinchoku, as the division would.
fn response(master: &Report, division: &str) -> Document {
    Document::new(
        survey::response_for(master, division, due(), NOTE),
        Origin::Sample,
        Vec::new(),
    )
}

fn months(list: &[u8]) -> MonthSet {
    list.iter()
        .fold(MonthSet::EMPTY, |s, &m| s.union(MonthSet::single(m)))
}

/// The topic with this heading.
fn topic_headed(report: &Report, heading: &str) -> Id {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.heading.as_deref() == Some(heading))
        .unwrap_or_else(|| panic!("a topic <{heading}>"))
        .id
}

/// The result of `topic` whose text starts with `start`.
fn result_starting<'a>(report: &'a Report, topic: Id, start: &str) -> &'a Entry {
    report
        .topic(topic)
        .unwrap()
        .actual
        .iter()
        .find(|e| e.text.starts_with(start))
        .unwrap_or_else(|| panic!("a result starting 「{start}」"))
}

// 1. A note after (or inside) the month bracket keeps the months.

/// (text as typed, months, open end, label, counts as written)
type Typed = (
    &'static str,
    &'static [u8],
    bool,
    &'static str,
    &'static [&'static str],
);

#[test]
fn a_note_after_or_inside_the_month_bracket_keeps_the_months_and_the_text() {
    let cases: &[Typed] = &[
        (
            "職員向けメルマガにおける周知(6月)（参加職員312名）",
            &[6],
            false,
            "職員向けメルマガにおける周知",
            &[],
        ),
        ("(8月)（全庁に通知）", &[8], false, "", &[]),
        (
            "研修の周知（6月～、延べ3件）",
            &[6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
            true,
            "研修の周知",
            &["延べ3件"],
        ),
        (
            "説明会の開催（9月　2回）",
            &[9],
            false,
            "説明会の開催",
            &["2回"],
        ),
        (
            "職員アンケートの実施(7月 ※回答率8割)",
            &[7],
            false,
            "職員アンケートの実施",
            &[],
        ),
        (
            "新規採用職員研修(4回・103名受講)(4月)（全員受講）",
            &[4],
            false,
            "新規採用職員研修",
            &["4回", "103名受講"],
        ),
        // The seed's era date range, a note added after it (its months were lost to it).
        (
            "「時差出勤勤務」を試行的に実施 実施期間 平成 29 年6月1日～平成 29 年9月 29 日（参加職員1,024名）",
            &[6, 7, 8, 9],
            false,
            "「時差出勤勤務」を試行的に実施 実施期間",
            &[],
        ),
    ];
    for &(text, want, open_end, label, counts) in cases {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        let timing = e
            .timing
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: no months"));
        assert_eq!(timing.months, months(want), "{text}");
        assert_eq!(timing.open_end, open_end, "{text}");
        assert_eq!(e.text, text, "kept as written");
        assert_eq!(e.label, label, "{text}");
        let raw: Vec<&str> = e.counts.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(raw, counts, "{text}");
    }
}

#[test]
fn sub_items_with_notes_after_their_months_are_each_read() {
    let text = "職員研修の実施 新規採用職員研修(4月)（103名受講） 割愛採用職員研修(5月)（33名）";
    let e = read_entry(text, true, &mut Vec::new());
    let subs: Vec<(&str, MonthSet)> = e
        .subs
        .iter()
        .map(|s| (s.label.as_str(), s.timing.as_ref().unwrap().months))
        .collect();
    assert_eq!(
        subs,
        vec![
            ("新規採用職員研修", months(&[4])),
            ("割愛採用職員研修", months(&[5]))
        ]
    );
    assert_eq!(e.label, "職員研修の実施");
}

/// A division numbering its lines (「（２）　周知の実施(8月)」 as the IME types it, 「◎ …」,
/// 「ア　…」, 「【済】 …」, 「第1回 …」): the marker was read as a head and the words as its
/// sub-item, so the web page, the printout and the CSV showed a row of the marker alone. Each
/// is one result with its months, as 「(1) 説明会の開催(8月)」 was; a head of words still
/// heads its sub-items.
#[test]
fn a_line_numbered_by_its_division_is_one_result() {
    for (text, label, month) in [
        ("（２）　周知の実施(8月)", "（２）　周知の実施", 8),
        ("◎ 重点取組の実施(9月)", "◎ 重点取組の実施", 9),
        ("ア　調査の実施(5月)", "ア　調査の実施", 5),
        ("【済】 説明会の開催(6月)", "【済】 説明会の開催", 6),
        ("第1回 研修の実施(7月)", "第1回 研修の実施", 7),
        ("①　意見交換(4月)", "①　意見交換", 4),
        ("(1) 説明会の開催(8月)", "(1) 説明会の開催", 8),
    ] {
        let e = read_entry(text, true, &mut Vec::new());
        assert!(e.subs.is_empty(), "{text}: {:?}", e.subs);
        assert_eq!(e.label, label, "{text}");
        assert_eq!(e.timing.unwrap().months, months(&[month]), "{text}");
    }
    // Its sub-items after it are its own still, and a head of words heads them.
    let e = read_entry(
        "（２）　周知の実施 職員向け(8月) 管理職向け(9月)",
        true,
        &mut Vec::new(),
    );
    let subs: Vec<&str> = e.subs.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        (e.label.as_str(), subs),
        ("（２）　周知の実施", vec!["職員向け", "管理職向け"])
    );
    let e = read_entry(
        "職員研修の実施 新規採用職員研修(4月)",
        true,
        &mut Vec::new(),
    );
    assert_eq!(e.label, "職員研修の実施");
    assert_eq!(e.subs.len(), 1);
    // A marker before several activities heads them, as before.
    for (text, head) in [
        (
            "【研修】 新規採用職員研修(4月) 割愛採用職員研修(4月)",
            "【研修】",
        ),
        ("（１） 庁内説明会(4月) 市町説明会(5月)", "（１）"),
        ("県 主催研修(5月) 市町向け研修(6月)", "県"),
    ] {
        let e = read_entry(text, true, &mut Vec::new());
        assert_eq!((e.label.as_str(), e.subs.len()), (head, 2), "{text}");
    }
}

#[test]
fn months_set_in_the_detail_panel_rewrite_only_the_expression_beside_a_note() {
    let mut master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let entry = master.report().topic(topic).unwrap().actual[0].id;
    master
        .perform(Intent::SetEntryText {
            id: entry,
            text: "ポータルサイトへの掲載内容の追加（6月～、延べ3件）".into(),
        })
        .unwrap();
    master
        .perform(Intent::SetEntryMonths {
            id: entry,
            months: months(&[7, 8]),
        })
        .unwrap();
    let e = master.report().entry(entry).unwrap();
    assert_eq!(
        e.text,
        "ポータルサイトへの掲載内容の追加（7月～8月、延べ3件）"
    );
    assert_eq!(e.timing.as_ref().unwrap().months, months(&[7, 8]));
    master
        .perform(Intent::SetEntryTiming {
            id: entry,
            timing: None,
        })
        .unwrap();
    assert_eq!(
        master.report().entry(entry).unwrap().text,
        "ポータルサイトへの掲載内容の追加（延べ3件）"
    );
}

/// A division answering in its response, in the window's terms: the typed sentence has its
/// months, its bar and its link to the plan line, like the same sentence without the note.
#[test]
fn a_result_typed_with_a_note_in_a_response_keeps_its_months_and_link_after_collecting() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let plain = result_starting(master.report(), topic, "職員向けメルマガにおける周知(6月)");
    let (plain_id, plain_links) = (plain.id, plain.reports.clone());
    assert!(!plain_links.is_empty(), "the seed links it to a plan line");

    let mut answer = response(master.report(), 推進課);
    answer
        .perform(Intent::SetEntryText {
            id: plain_id,
            text: "職員向けメルマガにおける周知(6月)（参加職員312名）".into(),
        })
        .unwrap();
    answer
        .perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: "研修やメルマガ等による職員への周知（9月　2回）".into(),
        })
        .unwrap();
    let answer = answer_from_report(answer.report().clone(), "推進課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();

    let noted = master.report().entry(plain_id).unwrap();
    assert_eq!(
        noted.text,
        "職員向けメルマガにおける周知(6月)（参加職員312名）"
    );
    assert_eq!(noted.timing.as_ref().unwrap().months, months(&[6]));
    assert_eq!(noted.reports, plain_links, "the plan-line link stays");
    let added = result_starting(master.report(), topic, "研修やメルマガ等による");
    assert_eq!(added.timing.as_ref().unwrap().months, months(&[9]));
    assert!(
        !added.reports.is_empty(),
        "a typed result is linked to its plan line"
    );
}

#[test]
fn a_result_typed_with_a_note_in_the_workbook_keeps_its_months() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let old = entries_text(&master.report().topic(topic).unwrap().actual);
    let new = old.replace(
        "・職員向けメルマガにおける周知(6月)",
        "・職員向けメルマガにおける周知(6月)（参加職員312名）\n・(8月)（全庁に通知）",
    );
    let r = survey::response_for(master.report(), 推進課, due(), "");
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), &old, &new);
    let answer = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let noted = result_starting(master.report(), topic, "職員向けメルマガにおける周知");
    assert_eq!(noted.timing.as_ref().unwrap().months, months(&[6]));
    assert!(!noted.reports.is_empty(), "linked as before");
    let august = result_starting(master.report(), topic, "(8月)");
    assert_eq!(august.timing.as_ref().unwrap().months, months(&[8]));
}

/// Months that really cannot be read are warned about, naming the entry, by `check` (the
/// window shows the same list) and in the review of the answer that brought them.
#[test]
fn months_that_cannot_be_read_are_warned_about_naming_the_entry() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let mut answer = response(master.report(), 推進課);
    answer
        .perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: "庁内説明会の開催(6月の第3水曜)".into(),
        })
        .unwrap();
    let check = shinchoku::model::check::warnings(answer.report());
    let said = crate::described_ja(&check);
    assert!(
        said.iter().any(|w| w.contains("庁内説明会の開催")
            && w.contains("6月の第3水曜")
            && w.contains("取組2 <ポータルサイトの構築> 実績")),
        "{said:?}"
    );
    let answer = answer_from_report(answer.report().clone(), "推進課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    let review = crate::described_ja(&c.warnings);
    assert!(
        review
            .iter()
            .any(|w| w.contains("推進課.ron") && w.contains("6月の第3水曜")),
        "{review:?}"
    );
    assert!(matches!(
        c.warnings[0].warning.kind,
        WarningKind::UnreadableMonths { .. }
    ));
}

// 2. Whatever kind of entry changed reaches every output.

/// What each output says of a report, as text a user would read (re-imported where the format
/// can be re-imported).
struct Outputs {
    /// Every entry text of the report table re-imported, per encoding.
    tables: Vec<(Encoding, String)>,
    /// The same of the Excel export, opened as a workbook.
    xlsx: String,
    csv: String,
    html: String,
    /// The printed PDF's text, white space taken out (wrapped lines join up again).
    pdf: String,
    json: String,
}

use shinchoku::export::{self, Encoding, Format};

fn entry_texts(report: &Report) -> String {
    let mut out = String::new();
    for i in report.initiatives() {
        out.push_str(&i.title);
        out.push('\n');
        for item in &i.items {
            out.push_str(&item.name);
            out.push('\n');
            for lane in &item.lanes {
                for span in lane {
                    out.push_str(&span.source);
                    out.push('\n');
                }
            }
        }
        for t in &i.topics {
            out.push_str(t.heading.as_deref().unwrap_or_default());
            out.push('\n');
            out.push_str(&entries_text(&t.plan));
            out.push('\n');
            out.push_str(&entries_text(&t.actual));
            out.push('\n');
        }
    }
    out
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn outputs(report: &Report) -> Outputs {
    let reimport = |bytes: Vec<u8>| {
        entry_texts(
            &shinchoku::import::import_bytes(&bytes)
                .expect("the export imports again")
                .report,
        )
    };
    let tables = [Encoding::Utf8, Encoding::Cp932, Encoding::Utf16]
        .into_iter()
        .map(|enc| {
            let bytes = export::export_bytes(report, Format::Table, enc).expect("table export");
            (enc, reimport(bytes))
        })
        .collect();
    let xlsx = export::export_bytes(report, Format::Xlsx, Encoding::Utf8).expect("xlsx export");
    let xlsx = entry_texts(
        &shinchoku::import::workbook::import_workbook(
            &xlsx,
            shinchoku::import::workbook::WorkbookFormat::Xlsx,
        )
        .expect("the Excel export opens")
        .report,
    );
    let text = |format| {
        String::from_utf8(export::export_bytes(report, format, Encoding::Utf8).unwrap()).unwrap()
    };
    let pdf = crate::printed_text(report);
    let summary = shinchoku::summary::ReportSummary::new(report, &[]);
    Outputs {
        tables,
        xlsx,
        csv: text(Format::Csv),
        html: text(Format::Html),
        pdf,
        json: serde_json::to_string(&summary).unwrap(),
    }
}

impl Outputs {
    /// The outputs that hold `text`, by name.
    fn holding(&self, text: &str) -> Vec<String> {
        let mut places: Vec<(String, bool)> = self
            .tables
            .iter()
            .map(|(enc, t)| (format!("table {enc:?}"), t.contains(text)))
            .collect();
        places.push(("xlsx".into(), self.xlsx.contains(text)));
        places.push(("csv".into(), self.csv.contains(text)));
        places.push(("html".into(), self.html.contains(text)));
        places.push(("pdf".into(), self.pdf.contains(&compact(text))));
        places.push(("json".into(), self.json.contains(text)));
        places
            .into_iter()
            .filter_map(|(name, held)| held.then_some(name))
            .collect()
    }

    /// Every output holds `text`, and none holds `gone`.
    fn assert_hold(&self, text: &str, gone: Option<&str>) {
        let held = self.holding(text);
        assert_eq!(held.len(), 8, "「{text}」 is only in {held:?}");
        if let Some(gone) = gone {
            let still = self.holding(gone);
            assert!(still.is_empty(), "「{gone}」 is still in {still:?}");
        }
    }
}

const SUB_OLD: &str = "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月予定)";
const SUB_NEW: &str = "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～)";

/// The sub-item of initiative 6 a division changes, and the entry holding it.
fn compliance_sub(report: &Report) -> (Id, Id) {
    let i = report.find_initiative("6").unwrap();
    i.topics
        .iter()
        .flat_map(|t| t.actual.iter())
        .find_map(|e| {
            e.subs
                .iter()
                .find(|s| s.text == SUB_OLD)
                .map(|s| (e.id, s.id))
        })
        .expect("the seed's sub-item")
}

#[test]
fn a_sub_item_changed_in_a_response_reaches_every_output_and_the_review() {
    let master = master();
    let (parent, sub) = compliance_sub(master.report());
    let mut answer = response(master.report(), 人事課);
    answer
        .perform(Intent::SetEntryText {
            id: sub,
            text: SUB_NEW.into(),
        })
        .unwrap();
    let parent_text = answer.report().entry(parent).unwrap().text.clone();
    assert!(parent_text.contains(SUB_NEW) && !parent_text.contains(SUB_OLD));
    assert!(parent_text.starts_with("不適切な事務処理防止に向けての対応 管理職員勤務評定中間面接"));

    let answer = answer_from_report(answer.report().clone(), "人事課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    // The review lists the sub-item's change, old and new, and nothing with equal texts.
    let diff = c.taken[0].difference.as_ref().expect("a change");
    let lines: Vec<String> = shinchoku::compare::change_list(diff, Lang::Ja)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(SUB_OLD) && l.contains(SUB_NEW)),
        "{lines:#?}"
    );
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    outputs(master.report()).assert_hold(SUB_NEW, Some(SUB_OLD));
}

/// A division fixing its response in a text editor changes the sub-item's own text alone (its
/// entry's text still holds the old one). Taken in, then the same file sent again: the second
/// time changes nothing. It put the old sub-item back, listed as 「（再提出）… 実績を変更」.
#[test]
fn a_sub_item_edited_by_hand_and_sent_again_stays_as_first_taken() {
    let mut master = master();
    let (parent, sub) = compliance_sub(master.report());
    let mut r = survey::response_for(master.report(), 人事課, due(), "");
    let topic = r.entry_place(parent).unwrap().topic;
    let entry = r
        .topic_mut(topic)
        .unwrap()
        .actual
        .iter_mut()
        .find(|e| e.id == parent)
        .unwrap();
    let s = entry.subs.iter_mut().find(|s| s.id == sub).unwrap();
    s.text = SUB_NEW.into();
    assert!(
        entry.text.contains(SUB_OLD),
        "only the sub-item's text is edited"
    );

    let first = collect(
        master.report(),
        vec![Ok(
            answer_from_report(r.clone(), "人事課.ron".into()).unwrap()
        )],
        at(10, 9),
    );
    master.perform(first.intent(&[]).unwrap()).unwrap();
    let taken = master.report().entry(parent).unwrap().text.clone();
    assert!(
        taken.contains(SUB_NEW) && !taken.contains(SUB_OLD),
        "{taken}"
    );

    let again = collect(
        master.report(),
        vec![Ok(answer_from_report(r, "人事課.ron".into()).unwrap())],
        at(11, 9),
    );
    assert!(again.taken[0].resubmission);
    assert!(again.taken[0].changed_topics.is_empty());
    assert!(again.taken[0].difference.is_none(), "no change to list");
    master.perform(again.intent(&[]).unwrap()).unwrap();
    assert_eq!(master.report().entry(parent).unwrap().text, taken);
}

#[test]
fn undoing_a_sub_item_edit_gives_back_the_entry_text_as_written() {
    let mut master = master();
    let (parent, sub) = compliance_sub(master.report());
    let before = master.report().entry(parent).unwrap().clone();
    master
        .perform(Intent::SetEntryText {
            id: sub,
            text: SUB_NEW.into(),
        })
        .unwrap();
    master.perform(Intent::RemoveEntry { id: sub }).unwrap();
    let removed = master.report().entry(parent).unwrap();
    assert!(!removed.text.contains("コンプライアンス・ミーティング"));
    assert!(
        removed.text.ends_with("懲戒処分基準の明確化(9月)"),
        "{}",
        removed.text
    );
    assert!(master.undo() && master.undo());
    assert_eq!(master.report().entry(parent).unwrap(), &before);
}

/// A heading, a plan line and a stage changed in an answer are the office's to take: once
/// ticked, each reaches every output that holds such a thing (the CSV lists entries, not
/// stages).
#[test]
fn a_heading_plan_line_and_stage_changed_in_an_answer_reach_every_output_once_accepted() {
    let master = master();
    let topic = topic_headed(master.report(), "組織体制・運営の検討");
    let mut r = survey::response_for(master.report(), "総務部総務課", due(), "");
    let t = r.topic_mut(topic).unwrap();
    t.heading = Some("組織体制・運営の見直し".into());
    t.plan[0].text = "現行組織の課題と対応案の検討(4月～9月)".into();
    let four = r.find_initiative("4").unwrap().id;
    let item = &mut r.initiative_mut(four).unwrap().items[0];
    item.lanes[0][0].source = "→ 随時実施（拡充）".into();
    let answer = answer_from_report(r, "総務課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    assert_eq!(c.conflicts().len(), 3, "{:#?}", c.conflicts());
    let all: Vec<usize> = (0..3).collect();
    let mut master = master;
    master.perform(c.intent(&all).unwrap()).unwrap();
    let out = outputs(master.report());
    out.assert_hold("組織体制・運営の見直し", None);
    out.assert_hold("現行組織の課題と対応案の検討(4月～9月)", None);
    let stage = out.holding("→ 随時実施（拡充）");
    assert_eq!(stage.len(), 7, "every output but the CSV: {stage:?}");
}

#[test]
fn a_heading_and_plan_changed_in_an_unprotected_workbook_reach_every_output_once_accepted() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let old_plan = entries_text(&master.report().topic(topic).unwrap().plan);
    let new_plan = old_plan.replace(
        "ポータルサイトの運用、充実(通年)",
        "ポータルサイトの運用・改善(通年)",
    );
    let r = survey::response_for(master.report(), 推進課, due(), "");
    let bytes = workbook::write(&r).unwrap();
    let typed = type_into_workbook(&bytes, &old_plan, &new_plan);
    let typed = type_into_workbook(&typed, "ポータルサイトの構築", "ポータルサイトの構築と運用");
    let answer = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    assert_eq!(c.conflicts().len(), 2, "{:#?}", c.conflicts());
    let mut master = master;
    master.perform(c.intent(&[0, 1]).unwrap()).unwrap();
    let out = outputs(master.report());
    out.assert_hold("ポータルサイトの構築と運用", None);
    out.assert_hold(
        "ポータルサイトの運用・改善(通年)",
        Some("ポータルサイトの運用、充実(通年)"),
    );
}

//! What a division wrote is what Shinchoku reads (issue 22, items 1–3, seen again): a note
//! after the months that speaks of months itself, months in square brackets or with 予定 in a
//! bracket of its own, a response file whose texts were changed by other means than
//! Shinchoku, and a change that only a full-width digit makes.

use chrono::NaiveDate;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::entry_text::{read_entry, with_scheduled, with_timing};
use shinchoku::model::months::parse_timing;
use shinchoku::model::{Entry, Id, MonthSet, Report};
use shinchoku::survey::answer::{answer_from_report, answer_from_workbook};
use shinchoku::survey::send::Survey;
use shinchoku::survey::{self, collect, entries_text, workbook};

use crate::october as at;
use crate::survey_due as due;
use crate::{rewrite_part, seed, type_into_workbook};

fn master() -> Document {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let plan = Survey::new(doc.report(), due(), "", at(2).date()).unwrap();
    doc.perform(plan.intent(at(2))).unwrap();
    doc
}

fn months(list: &[u8]) -> MonthSet {
    list.iter()
        .fold(MonthSet::EMPTY, |s, &m| s.union(MonthSet::single(m)))
}

pub fn every_entry(report: &Report) -> Vec<&Entry> {
    fn walk<'a>(list: &'a [Entry], out: &mut Vec<&'a Entry>) {
        for e in list {
            out.push(e);
            walk(&e.subs, out);
        }
    }
    let mut out = Vec::new();
    for i in report.initiatives() {
        for t in &i.topics {
            walk(&t.plan, &mut out);
            walk(&t.actual, &mut out);
        }
    }
    out
}

/// The result whose text starts with `start`, anywhere in the report.
fn result_starting<'a>(report: &'a Report, start: &str) -> &'a Entry {
    every_entry(report)
        .into_iter()
        .find(|e| e.text.starts_with(start))
        .unwrap_or_else(|| panic!("a result starting 「{start}」"))
}

/// The response of the division that answers for the topic holding result `id`.
fn response_answering(master: &Report, id: Id) -> Report {
    let topic = topic_of(master, id);
    let division = survey::divisions(master)
        .into_iter()
        .find(|d| survey::answers_for(master, d, topic))
        .expect("a division answers for it");
    survey::response_for(master, &division, due(), "")
}

/// The topic whose results hold `id`.
fn topic_of(report: &Report, id: Id) -> Id {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.actual.iter().any(|e| e.id == id))
        .unwrap()
        .id
}

/// 行財政改革推進課 answers in its workbook with its result `old` rewritten as `new`, cell by
/// cell; the master collects it.
fn rewritten_in_workbook(master: &Report, old: &str, new: &str) -> survey::Collection {
    let topic = topic_of(master, result_starting(master, old).id);
    let cell = entries_text(&master.topic(topic).unwrap().actual);
    let r = survey::response_for(master, "総務部行財政改革推進課", due(), "");
    let typed = type_into_workbook(
        &workbook::write(&r).unwrap(),
        &cell,
        &cell.replace(old, new),
    );
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    collect(master, vec![Ok(a)], at(10))
}

#[test]
fn a_note_that_speaks_of_months_after_the_month_bracket_keeps_the_months() {
    // (as typed, months, 予定)
    let cases: &[(&str, &[u8], bool)] = &[
        ("会議の開催(6月)（月2回）", &[6], false),
        ("説明会(7月)（参加者：月平均20名）", &[7], false),
        (
            "広報(6月)（県広報紙「県政だより」8月号に掲載）",
            &[6],
            false,
        ),
        ("アクセス解析(8月)（月平均1,200件）", &[8], false),
        ("研修の実施（9月）（12月にも実施予定）", &[9], false),
        ("取組の周知[7月]", &[7], false),
        ("取組の周知【７月】", &[7], false),
        ("研修(9月)(予定)", &[9], true),
        // A note joined by ・ or ： after the months.
        ("研修(8月・延べ12回)", &[8], false),
        ("説明会（６月・参加者３０名）", &[6], false),
        ("会議(8月：2回)", &[8], false),
        ("研修(8月～9月・計3回)", &[8, 9], false),
        ("相談会(8月中旬・2回)", &[8], false),
        // A word of what was done right after the months.
        ("説明会（6月実施、参加者30名）", &[6], false),
        ("研修(9月開催)", &[9], false),
        // Rounds named, a dotted era year, a year whose era is left out.
        ("研修の実施（第1回：6月、第2回：9月）", &[6, 9], false),
        ("制度の検討（H29.6～9月）", &[6, 7, 8, 9], false),
        ("規程の改正（29年8月）", &[8], false),
        // A note before the months, or a bare word of time beside them: no month is lost
        // (年2回：6月、9月 was September alone, 随時、6月 none, 上期：6月 the whole half).
        ("会議(年2回：6月、9月)", &[6, 9], false),
        ("会議(随時、6月)", &[6], false),
        ("会議(上期：6月)", &[6], false),
        ("説明会（上期：6月実施）", &[6], false),
        // Both halves listed are the year.
        (
            "研修(上期、下期)",
            &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
            false,
        ),
        ("会議(6月に実施)", &[6], false),
        // Of two brackets that read, what was done rather than what is 予定 (the 予定 made
        // April's plan line late).
        ("周知(4月)(10月予定)", &[4], false),
    ];
    for &(text, want, scheduled) in cases {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        let timing = e.timing.as_ref().unwrap_or_else(|| panic!("{text}: none"));
        assert_eq!(timing.months, months(want), "{text}");
        assert_eq!(timing.scheduled, scheduled, "{text}");
        assert_eq!(e.text, text, "kept as written");
    }
}

/// `5・6月` is May and June, `6,9月` June and September: ・ and 、 part a note only after the
/// months, so neither is read as the last month with a note 「5」 (`6,9月` was read as
/// September alone, without a word).
#[test]
fn bare_numbers_listed_before_a_month_are_months() {
    for (text, want) in [
        ("部局長会議での説明(5・6月)", &[5, 6][..]),
        ("会議（6,9月）", &[6, 9]),
        ("会議（6・7・8月）", &[6, 7, 8]),
    ] {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert_eq!(e.timing.map(|t| t.months), Some(months(want)), "{text}");
        assert!(problems.is_empty(), "{problems:?}");
    }
}

/// Months in a bracket within the bracket, or with a note in a bracket within it.
#[test]
fn months_in_a_bracket_within_a_bracket_are_read() {
    for (text, want, label) in [
        ("周知（実施：(6月)）", &[6][..], "周知（実施：）"),
        ("周知（上期：(6月)実施）", &[6], "周知（上期：実施）"),
        ("説明会（6月（2回））", &[6], "説明会"),
        ("会議（上期）", &[4, 5, 6, 7, 8, 9], "会議"),
    ] {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert_eq!(e.timing.map(|t| t.months), Some(months(want)), "{text}");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((e.text.as_str(), e.label.as_str()), (text, label));
    }
}

/// `(10～)`, `（H29.10）`… numbers meant as months: read when a dotted year says so, else kept
/// and warned about — never taken silently into the label as an ordinary bracket.
#[test]
fn numbers_meant_as_months_are_read_or_warned_about() {
    let mut problems = Vec::new();
    let e = read_entry("説明会の開催(10～)", true, &mut problems);
    assert!(e.timing.is_none());
    assert_eq!(e.when.as_deref(), Some("10～"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let said = problems[0].describe(Lang::Ja);
    assert!(
        said.contains("「説明会の開催(10～)」") && said.contains("「月」がありません"),
        "{said}"
    );
    let e = read_entry("説明会の開催（H29.10）", true, &mut problems);
    assert_eq!(e.timing.as_ref().map(|t| t.months), Some(months(&[10])));
    assert_eq!(e.text, "説明会の開催（H29.10）");
    assert_eq!(problems.len(), 1, "read: no second warning");
    // A month and a day with a slash: meant as months, kept and warned about.
    for text in ["会議(6/1)", "会議(9/1実施)", "会議(29.6)"] {
        let mut said = Vec::new();
        let e = read_entry(text, true, &mut said);
        assert!(e.timing.is_none() && said.len() == 1, "{text}: {said:?}");
    }
    // Not months: counts and notes with numbers.
    for text in ["説明会(3～5名)", "資料の改訂(第2版)", "倍率(1.5)"] {
        let e = read_entry(text, true, &mut problems);
        assert!(e.when.is_none(), "{text}");
    }
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn months_set_again_rewrite_the_bracket_they_were_read_from() {
    let square = read_entry("取組の周知[7月]", true, &mut Vec::new());
    let august = with_timing(&square, Some(parse_timing("8月").unwrap()));
    assert_eq!(august.text, "取組の周知[8月]");

    let done = read_entry("説明会（6月実施、参加者30名）", true, &mut Vec::new());
    let july = with_timing(&done, Some(parse_timing("7月").unwrap()));
    assert_eq!(july.text, "説明会（7月実施、参加者30名）");

    let planned = read_entry("研修(9月)(予定)", true, &mut Vec::new());
    assert_eq!(with_scheduled(&planned, false).text, "研修(9月)");
    let again = read_entry(&with_scheduled(&planned, false).text, true, &mut Vec::new());
    assert!(!again.timing.unwrap().scheduled, "read back as done");
}

/// Collecting reads a response's entries again from their texts, so it must read every entry
/// of the seed as the importer did: nothing changes for an answer that changed nothing.
#[test]
fn every_entry_of_the_seed_reads_again_as_imported() {
    let report = seed().report;
    for e in every_entry(&report) {
        let mut again = read_entry(&e.text, e.bullet, &mut Vec::new());
        again.id = e.id;
        again.reports = e.reports.clone();
        assert_eq!(again.subs.len(), e.subs.len(), "{}", e.text);
        for (s, o) in again.subs.iter_mut().zip(&e.subs) {
            s.id = o.id;
            s.reports = o.reports.clone();
        }
        assert_eq!(&again, e, "{}", e.text);
    }
}

/// A response whose results were rewritten by a script or a text editor: the text changed,
/// the months, label and sub-items written beside it did not. The text is what the division
/// wrote and what every export writes, so the months are read from it.
#[test]
fn a_response_changed_by_other_means_is_read_from_its_texts() {
    let master = master();
    const OLD: &str =
        "「時差出勤勤務」を試行的に実施 実施期間 平成 29 年6月1日～平成 29 年9月 29 日";
    const NEW: &str = "「時差出勤勤務」を試行的に実施(6月)（参加職員312名）";
    let before = result_starting(master.report(), "「時差出勤勤務」を試行的に実施");
    assert_eq!(before.text, OLD);
    assert_eq!(
        before.timing.as_ref().unwrap().months,
        months(&[6, 7, 8, 9])
    );
    let (id, links) = (before.id, before.reports.clone());

    let response = response_answering(master.report(), id);
    let written = shinchoku::store::to_ron(&response);
    let quoted = format!("\"{OLD}\"");
    assert_eq!(
        written.matches(&quoted).count(),
        1,
        "only its text holds it"
    );
    let edited = written.replace(&quoted, &format!("\"{NEW}\""));
    let edited = shinchoku::store::from_ron(&edited).unwrap();
    let answer = answer_from_report(edited, "人事課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();

    let after = master.report().entry(id).unwrap();
    assert_eq!(after.text, NEW);
    assert_eq!(after.timing.as_ref().unwrap().months, months(&[6]));
    assert_eq!(after.label, "「時差出勤勤務」を試行的に実施");
    assert_eq!(after.reports, links, "its plan-line links stay");
}

/// `(6月)` → `(６月)` reads the same months, but it is not what was written: the review lists
/// it, old and new.
/// The same by a text editor on a result with sub-items: the entry's text rewritten where a
/// sub-item stands, the sub-item beside it left as it was. The text is taken (it was rebuilt
/// from the old sub-items: the edit dropped without a word); and the review of another
/// division's sub-item edited alone keeps the text's separators (「、」 was lost).
#[test]
fn a_result_with_sub_items_rewritten_by_other_means_is_taken_as_written() {
    let master = master();
    let old_text = "懲戒処分基準の明確化(9月)";
    let entry = every_entry(master.report())
        .into_iter()
        .find(|e| e.text.contains(old_text) && !e.subs.is_empty())
        .expect("a result with sub-items holding it");
    let (id, text) = (entry.id, entry.text.clone());
    let mut response = response_answering(master.report(), id);
    let new_text = text.replace(old_text, "懲戒処分基準の明確化(8月)（全職員に通知）");
    response.entry_mut(id).unwrap().text = new_text.clone();
    let answer = answer_from_report(response, "人事課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let mut taken = master;
    taken.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(taken.report().entry(id).unwrap().text, new_text);

    // 総務課's sub-item in 人事課's response, its text alone edited.
    let master = self::master();
    let mut response = survey::response_for(master.report(), "総務部人事課", due(), "");
    let sub = every_entry(&response)
        .into_iter()
        .find(|e| e.text == "各部との意見交換(8月)")
        .map(|e| e.id)
        .expect("総務課's sub-item");
    response.entry_mut(sub).unwrap().text = "各部との意見交換(7月)".into();
    let answer = answer_from_report(response, "人事課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert!(
        listed
            .iter()
            .any(|x| x
                .contains("→ 「・現行組織の課題・対応案の検討 各部との意見交換(7月)、課題整理")),
        "{listed:#?}"
    );
}

/// A response file whose result's text and one of its sub-items were both rewritten, the text
/// no longer holding the sub-item: the text is taken and the sub-item's words are said not to
/// be (they vanished without a word).
#[test]
fn a_sub_item_rewritten_beside_a_rewritten_text_is_said() {
    let master = master();
    let entry = every_entry(master.report())
        .into_iter()
        .find(|e| e.text.contains("懲戒処分基準の明確化(9月)") && e.subs.len() >= 2)
        .expect("a result with sub-items");
    let (id, text, sub) = (entry.id, entry.text.clone(), entry.subs.last().unwrap().id);
    let mut response = response_answering(master.report(), id);
    response.entry_mut(id).unwrap().text = text.replacen("懲戒処分基準の明確化(9月) ", "", 1);
    response.entry_mut(sub).unwrap().text = "コンプライアンス・ミーティングの実施(10月)".into();
    let answer = answer_from_report(response, "人事課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("本文と小項目の両方が書き換えられています")
                && w.contains("コンプライアンス・ミーティングの実施(10月)")),
        "{said:#?}"
    );
}

#[test]
fn a_change_of_one_full_width_digit_is_listed_old_and_new() {
    let master = master();
    const OLD: &str = "職員向けメルマガにおける周知(6月)";
    const NEW: &str = "職員向けメルマガにおける周知(６月)";
    let c = rewritten_in_workbook(master.report(), OLD, NEW);
    let diff = c.taken[0].difference.as_ref().expect("a change to list");
    let lines: Vec<String> = shinchoku::compare::change_list(diff, Lang::Ja)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(
        lines.iter().any(|l| l.contains(OLD) && l.contains(NEW)),
        "{lines:#?}"
    );
}

// After a roll-over, the half before's results are the division's too, but settled.

/// The seed rolled over into its second half, the survey sent to every division.
fn second_half() -> Document {
    let h2 =
        shinchoku::compare::rollover(&seed().report, shinchoku::compare::RolloverTo::SecondHalf)
            .unwrap();
    let mut doc = Document::new(h2, Origin::Sample, Vec::new());
    let due = NaiveDate::from_ymd_opt(2018, 4, 13);
    let sent = NaiveDate::from_ymd_opt(2018, 4, 2).unwrap();
    let plan = Survey::new(doc.report(), due, "", sent).unwrap();
    doc.perform(plan.intent(sent.and_hms_opt(9, 0, 0).unwrap()))
        .unwrap();
    doc
}

const 管財課: &str = "総務部管財課";
/// 管財課's result of the first half still 予定, asked to be confirmed: in the answer cell.
const TO_CONFIRM: &str = "・県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)";
/// Its settled results of the first half: shown apart.
const SETTLED: [&str; 2] = [
    "県有財産の貸付けに向けた公募手続きの実施(4月～5月)",
    "県有財産の貸付けに向けたニーズ調査(7月～)",
];

/// A division that retypes its second-half answer cell from scratch cannot take away the
/// results it reported in the first half: they are shown beside the cell, read-only, and stay.
#[test]
fn retyping_the_second_half_cell_keeps_the_first_half_results() {
    let master = second_half();
    let r = survey::response_for(master.report(), 管財課, due(), "");
    let book = workbook::write(&r).unwrap();
    let answer = "・県有財産の自己点検及び利用見込み調査等の実施(8月～10月)\n・庁舎跡地の売却に向けた測量の実施(11月)";
    let typed = type_into_workbook(&book, TO_CONFIRM, answer);
    let a = answer_from_workbook(&typed, "管財課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let texts: Vec<String> = every_entry(master.report())
        .iter()
        .map(|e| e.text.clone())
        .collect();
    for settled in SETTLED {
        assert!(texts.iter().any(|t| t == settled), "{settled} stays");
    }
    assert!(
        texts
            .iter()
            .any(|t| t == "庁舎跡地の売却に向けた測量の実施(11月)")
    );
    assert!(
        texts
            .iter()
            .any(|t| t == "県有財産の自己点検及び利用見込み調査等の実施(8月～10月)")
    );
    assert!(
        !texts.iter().any(|t| t.ends_with("(8月～10月予定)")),
        "rewritten"
    );
}

/// A first-half result with a sub-item to confirm, answered with that sub-item confirmed and
/// the other two left out (the head's words kept): the result rewritten, its two sub-items
/// taken away. It read as the result deleted and another added (its id, links and the record
/// of the half it was reported in lost), the line being too short to read alike.
#[test]
fn a_first_half_result_answered_with_sub_items_left_out_is_that_result_rewritten() {
    const 人事課: &str = "総務部人事課";
    const HEAD: &str = "不適切な事務処理防止に向けての対応";
    let master = second_half();
    let r = survey::response_for(master.report(), 人事課, due(), "");
    let old = (every_entry(&r).into_iter())
        .find(|e| e.text.starts_with(HEAD) && e.subs.len() == 3)
        .expect("the result with three sub-items")
        .clone();
    let cell = entries_text(&r.topic(topic_of(&r, old.id)).unwrap().actual);
    let line = format!("・{}", old.text);
    assert!(cell.contains(&line), "{cell}");
    let new = format!(
        "{HEAD} 「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月)（全所属で実施、延べ98回）"
    );
    let book = workbook::write(&r).unwrap();
    let typed = type_into_workbook(&book, &cell, &cell.replace(&line, &format!("・{new}")));
    let a = answer_from_workbook(&typed, "人事課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    // The review says it as the result rewritten, not removed and another added.
    let diff = c.taken[0].difference.as_ref().unwrap();
    let said = shinchoku::compare::change_list_text(diff, Lang::Ja);
    assert!(
        said.contains(&format!("実績を変更（文・時期）: {}", old.text)),
        "{said}"
    );
    assert!(!said.contains(&format!("実績を削除: {HEAD}")), "{said}");
    assert!(
        said.contains("実績を削除: 懲戒処分基準の明確化(9月)"),
        "{said}"
    );
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let now = (every_entry(master.report()).into_iter())
        .find(|e| e.id == old.id)
        .map(|e| e.text.clone());
    assert_eq!(now.as_deref(), Some(new.as_str()), "label {:?}", old.label);
}

/// A ※ note typed under a first-half line copied into the cell goes with that line: the two
/// are a result of the second half, as written. The copy was dropped (kept once) and the note
/// stood alone as a result, which the report's own workbook read back as the note of another
/// first-half result.
#[test]
fn a_note_under_a_copied_first_half_line_stays_with_it() {
    const NOTE: &str = "※下半期も継続して実施中";
    let master = second_half();
    let r = survey::response_for(master.report(), 管財課, due(), "");
    let book = workbook::write(&r).unwrap();
    let answer = format!("{TO_CONFIRM}\n・{}\n{NOTE}", SETTLED[0]);
    let typed = type_into_workbook(&book, TO_CONFIRM, &answer);
    let (master, texts) = taken_texts(master, &typed);
    assert!(
        texts
            .iter()
            .any(|t| *t == format!("{}\n{NOTE}", SETTLED[0])),
        "{texts:#?}"
    );
    assert!(
        texts.iter().any(|t| t == SETTLED[0]),
        "the first half's stays"
    );
    assert!(!texts.iter().any(|t| t == NOTE), "{texts:#?}");
    for format in [
        shinchoku::export::Format::Xlsx,
        shinchoku::export::Format::Table,
    ] {
        let read =
            crate::exported_and_read(master.report(), format, shinchoku::export::Encoding::Utf8);
        let diff = shinchoku::compare::diff(master.report(), &read);
        let said = shinchoku::compare::change_list_text(&diff, Lang::Ja);
        assert!(diff.same, "{format:?}: {said}");
    }
}

/// A result that is a ※ remark of its own, after another (typed so in the window), stays one
/// read back from the report's workbook, and when the division's answer cell holding it comes
/// back with another line changed: both joined it to the line above.
#[test]
fn a_remark_standing_as_a_result_of_its_own_stays_one() {
    const NOTE: &str = "※関係課と調整中";
    let mut report = seed().report;
    let topic = (report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut()))
    .flat_map(|i| i.topics.iter_mut())
    .find(|t| t.actual.iter().any(|e| e.text == SETTLED[0]))
    .unwrap();
    topic.actual.push(Entry {
        id: Id(9_000_001),
        ..read_entry(NOTE, false, &mut Vec::new())
    });
    let read = crate::exported_and_read(
        &report,
        shinchoku::export::Format::Xlsx,
        shinchoku::export::Encoding::Utf8,
    );
    let diff = shinchoku::compare::diff(&report, &read);
    assert!(
        diff.same,
        "{}",
        shinchoku::compare::change_list_text(&diff, Lang::Ja)
    );
    let master = crate::surveyed(report);
    let r = survey::response_for(master.report(), 管財課, due(), "");
    let book = workbook::write(&r).unwrap();
    let edited = format!("{}（公募2件）", SETTLED[0]);
    let cell = entries_text(&r.topic(topic_of(&r, Id(9_000_001))).unwrap().actual);
    assert!(cell.ends_with(&format!("\n{NOTE}")), "{cell}");
    let typed = type_into_workbook(&book, &cell, &cell.replacen(SETTLED[0], &edited, 1));
    let (_, texts) = taken_texts(master, &typed);
    assert!(texts.iter().any(|t| t == NOTE), "{texts:#?}");
    assert!(texts.contains(&edited), "{texts:#?}");
}

/// 管財課's workbook answer `book` collected into `master`: the master, and every entry's text.
fn taken_texts(mut master: Document, book: &[u8]) -> (Document, Vec<String>) {
    let a = answer_from_workbook(book, "管財課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let texts = (every_entry(master.report()).iter())
        .map(|e| e.text.clone())
        .collect();
    (master, texts)
}

/// A response file can take away or rewrite a result the first half reported (its workbook
/// shows them apart and cannot): taken as the division's own, and the review says each, naming
/// the period it was reported in.
#[test]
fn a_response_file_removing_or_rewriting_a_first_half_result_is_said() {
    let master = second_half();
    let mut r = survey::response_for(master.report(), 管財課, due(), "");
    let (gone, rewritten) = (
        result_starting(&r, SETTLED[0]).id,
        result_starting(&r, SETTLED[1]).id,
    );
    let topic = topic_of(&r, gone);
    let list = &mut r.topic_mut(topic).unwrap().actual;
    list.retain(|e| e.id != gone);
    let e = list.iter_mut().find(|e| e.id == rewritten).unwrap();
    *e = Entry {
        id: rewritten,
        ..read_entry(
            "県有財産の貸付けに向けたニーズ調査(7月～9月)",
            true,
            &mut Vec::new(),
        )
    };
    let a = answer_from_report(r, "管財課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let said: Vec<String> = c
        .warnings
        .iter()
        .map(|w| w.warning.describe(Lang::Ja))
        .filter(|w| w.contains("報告済み"))
        .collect();
    assert_eq!(said.len(), 2, "{said:#?}");
    assert!(
        said.iter()
            .any(|w| w.contains(SETTLED[0]) && w.contains("削除")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|w| w.contains(SETTLED[1]) && w.contains("書き換え")),
        "{said:#?}"
    );
    assert!(said.iter().all(|w| w.contains("上半期実績")), "{said:#?}");
    // A second-half result added alone says nothing of the kind.
    let mut r = survey::response_for(master.report(), 管財課, due(), "");
    r.topic_mut(topic).unwrap().actual.push(Entry {
        id: Id(9_000_001),
        ..read_entry("未利用地の売却(11月)", true, &mut Vec::new())
    });
    let a = answer_from_report(r, "管財課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(11));
    assert!(
        !c.warnings
            .iter()
            .any(|w| w.warning.describe(Lang::Ja).contains("報告済み"))
    );
}

/// The same workbook sent back untouched changes nothing.
#[test]
fn an_untouched_second_half_workbook_changes_nothing() {
    let master = second_half();
    let r = survey::response_for(master.report(), 管財課, due(), "");
    let book = workbook::write(&r).unwrap();
    let a = answer_from_workbook(&book, "管財課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    assert!(c.taken[0].changed_topics.is_empty(), "{:?}", c.taken[0]);
    assert!(c.taken[0].difference.is_none());
}

/// A month in a note is said once however often the entry is edited, and no more once the
/// note is gone (the window kept the warning after the text changed, and added it again at
/// each edit).
#[test]
fn a_month_in_a_note_is_said_once_across_edits_and_gone_with_the_note() {
    let mut master = master();
    let id = result_starting(master.report(), "職員向けメルマガにおける周知(6月)").id;
    let count = |doc: &Document| {
        doc.warnings
            .iter()
            .filter(|w| {
                matches!(
                    w.kind,
                    shinchoku::model::diag::WarningKind::MonthInNote { .. }
                )
            })
            .count()
    };
    let before = count(&master);
    for (text, more) in [
        ("職員向けメルマガにおける周知(6月)（10月にも実施予定）", 1),
        ("職員向けメルマガにおける周知(6月)（11月にも実施予定）", 1),
        ("職員向けメルマガにおける周知(6月)（11月にも実施予定） ", 1),
        ("職員向けメルマガにおける周知(6月)", 0),
    ] {
        master
            .perform(Intent::SetEntryText {
                id,
                text: text.into(),
            })
            .unwrap();
        assert_eq!(count(&master), before + more, "{text}");
    }
}

/// 「（6月～9月、10月予定）」 in a first-half report: 予定 is read as said of the whole list
/// (never guessed to be the last part's), so June to September count as not done and their
/// plan lines may show 遅れ — said, naming the months passed and how to write them apart. A
/// list all to come, a range without a list, and months done say nothing.
#[test]
fn scheduled_said_over_months_passed_and_to_come_is_said() {
    let mut master = master();
    let id = result_starting(master.report(), "職員向けメルマガにおける周知(6月)").id;
    let said = |doc: &Document| -> Vec<String> {
        doc.warnings
            .iter()
            .map(|w| w.describe(Lang::Ja))
            .filter(|w| w.contains("時期全体"))
            .collect()
    };
    for (text, warned) in [
        ("職員向けメルマガにおける周知(6月～9月、10月予定)", true),
        ("職員向けメルマガにおける周知(9月、10月予定)", true),
        ("職員向けメルマガにおける周知(10月、11月予定)", false),
        ("職員向けメルマガにおける周知(9月～12月予定)", false),
        ("職員向けメルマガにおける周知(6月、9月)", false),
    ] {
        master
            .perform(Intent::SetEntryText {
                id,
                text: text.into(),
            })
            .unwrap();
        let found = said(&master);
        assert_eq!(found.len(), usize::from(warned), "{text}: {found:?}");
        if text.contains("6月～9月、") {
            assert!(
                found[0].contains("6月～9月") && found[0].contains("（10月予定）"),
                "{found:?}"
            );
        }
    }
    // The review of an answer says it too.
    let mut r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let topic = topic_of(&r, id);
    let e = r
        .topic_mut(topic)
        .unwrap()
        .actual
        .iter_mut()
        .find(|e| e.id == id)
        .unwrap();
    *e = Entry {
        id,
        reports: e.reports.clone(),
        ..read_entry(
            "職員向けメルマガにおける周知(6月～9月、10月予定)",
            true,
            &mut Vec::new(),
        )
    };
    let a = answer_from_report(r, "推進課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    assert!(
        c.warnings
            .iter()
            .any(|w| w.warning.describe(Lang::Ja).contains("時期全体")),
        "{:?}",
        c.warnings
    );
}

/// The office corrects a division's result and removes another after the survey went out; the
/// division's workbook then comes back untouched. It changes nothing: it put the corrected text
/// and the removed result back, listed as the division's changes.
#[test]
fn an_untouched_workbook_collected_after_the_office_corrected_results_changes_nothing() {
    let mut master = master();
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let book = workbook::write(&r).unwrap();
    const OLD: &str = "職員向けメルマガにおける周知(6月)";
    const CORRECTED: &str = "職員向けメルマガにおける周知(6月)（全職員）";
    const REMOVED: &str = "「協創」の取組を推進するための職員研修における周知、活用(7月)";
    let corrected = result_starting(master.report(), OLD).id;
    let removed = result_starting(master.report(), REMOVED).id;
    master
        .perform(Intent::SetEntryText {
            id: corrected,
            text: CORRECTED.into(),
        })
        .unwrap();
    master.perform(Intent::RemoveEntry { id: removed }).unwrap();
    let before = master.report().clone();

    let a = answer_from_workbook(&book, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    assert!(c.taken[0].changed_topics.is_empty(), "{:?}", c.taken[0]);
    assert!(c.taken[0].difference.is_none(), "no change to list");
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let texts: Vec<&str> = every_entry(master.report())
        .into_iter()
        .map(|e| e.text.as_str())
        .collect();
    assert!(texts.contains(&CORRECTED), "the correction stays");
    assert!(
        !texts.contains(&REMOVED),
        "the removed result stays removed"
    );
    assert_eq!(
        every_entry(master.report()).len(),
        every_entry(&before).len()
    );

    // The same workbook with a line typed into it is an answer: the line arrives.
    let topic = topic_of(&r, result_starting(&r, OLD).id);
    let cell = entries_text(&r.topic(topic).unwrap().actual);
    let typed = type_into_workbook(&book, &cell, &format!("{cell}\n・庁内掲示板への掲載(9月)"));
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(11));
    assert_eq!(c.taken[0].changed_topics, vec![topic]);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert!(
        every_entry(master.report())
            .iter()
            .any(|e| e.text == "庁内掲示板への掲載(9月)")
    );
}

/// Excel turns 「6/1」 typed alone into a date: the 実績 cells are sent formatted as text so
/// that it does not, and a date cell that comes back all the same (pasted, or typed into a
/// workbook from before) is taken as read and said, naming the cell.
#[test]
fn a_date_in_the_answer_cell_is_said_and_the_cells_are_sent_as_text() {
    let master = master();
    let r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let book = workbook::write(&r).unwrap();
    let styles = |xml: String| {
        assert!(
            xml.contains(r#"<numFmt numFmtId="164" formatCode="@"/>"#),
            "{xml}"
        );
        xml
    };
    let book = rewrite_part(&book, "xl/styles.xml", styles);
    // The empty 実績 cell of the first topic becomes a date (style 7: 14, a built-in date).
    let date_style = |xml: String| {
        xml.replace(
            r#"<cellXfs count="7">"#,
            r#"<cellXfs count="8">"#,
        )
        .replace(
            "</cellXfs>",
            r#"<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
        )
    };
    let book = rewrite_part(&book, "xl/styles.xml", date_style);
    let book = rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        assert!(xml.contains(r#"<c r="E8" s="6"/>"#), "{xml}");
        xml.replace(
            r#"<c r="E8" s="6"/>"#,
            r#"<c r="E8" s="7"><v>42887</v></c>"#,
        )
    });
    let a = answer_from_workbook(&book, "人事課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let said: Vec<String> = c
        .warnings
        .iter()
        .map(|w| w.warning.describe(Lang::Ja))
        .filter(|w| w.contains("日付"))
        .collect();
    assert_eq!(said.len(), 1, "{:?}", c.warnings);
    assert!(
        said[0].contains("「2017-06-01」") && said[0].contains("E8"),
        "{}",
        said[0]
    );
}

/// A result rewritten in its place in the workbook is that result edited, as in the window: it
/// keeps its id and links, and the review lists one change, old → new, not a removal and an
/// addition.
#[test]
fn a_result_rewritten_in_its_place_in_the_workbook_keeps_its_id_and_links() {
    let master = master();
    const OLD: &str = "職員向けメルマガにおける周知(6月)";
    const NEW: &str = "職員向けメルマガにおける周知(6月)（参加職員312名）";
    let before = result_starting(master.report(), OLD);
    let (id, links) = (before.id, before.reports.clone());
    let c = rewritten_in_workbook(master.report(), OLD, NEW);
    let diff = c.taken[0].difference.as_ref().expect("a change");
    let kinds: Vec<String> = diff
        .changes
        .iter()
        .map(|c| serde_json::to_value(c).unwrap()["kind"].to_string())
        .collect();
    assert_eq!(kinds, ["\"entry_changed\""], "{:#?}", diff.changes);
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let after = master.report().entry(id).expect("the same id");
    assert_eq!(after.text, NEW);
    assert_eq!(after.reports, links);
}

/// A line typed above a result being rewritten is a new result: it does not take the
/// rewritten result's id and links by its place (the review said "added" while the master
/// stored the new line under the old result's id).
#[test]
fn a_line_typed_above_a_rewritten_result_is_new_and_the_rewritten_one_keeps_its_id() {
    let master = second_half();
    let asked = every_entry(master.report())
        .into_iter()
        .find(|e| format!("・{}", e.text) == TO_CONFIRM)
        .map(|e| (e.id, e.reports.clone()))
        .unwrap();
    let r = survey::response_for(master.report(), 管財課, due(), "");
    let answer = "・売却の公告(11月)\n・県有財産の自己点検及び利用見込み調査等の実施(8月～10月)（対象210件）";
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), TO_CONFIRM, answer);
    let a = answer_from_workbook(&typed, "管財課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let rewritten = master.report().entry(asked.0).expect("the asked result");
    assert_eq!(
        rewritten.text,
        "県有財産の自己点検及び利用見込み調査等の実施(8月～10月)（対象210件）"
    );
    assert_eq!(rewritten.reports, asked.1);
    let added = result_starting(master.report(), "売却の公告(11月)");
    assert_ne!(added.id, asked.0);
}

/// A division that copies one of its first-half results from the column beside the cell into
/// its answer (as the full year asks it to restate the year), or types it again as an IME types
/// it (full-width brackets and digits): the result stays once, not taken a second time, and
/// the review says so. Typed again, it was taken as a new result beside the first half's.
#[test]
fn a_first_half_result_copied_into_the_cell_is_taken_once_and_said() {
    let typed_again = "県有財産の貸付けに向けた公募手続きの実施（４月～５月）";
    for line in [SETTLED[0], typed_again] {
        let master = second_half();
        let r = survey::response_for(master.report(), 管財課, due(), "");
        let copied = format!("{TO_CONFIRM}\n・{line}");
        let typed = type_into_workbook(&workbook::write(&r).unwrap(), TO_CONFIRM, &copied);
        let a = answer_from_workbook(&typed, "管財課.xlsx".into()).unwrap();
        let c = collect(master.report(), vec![Ok(a)], at(10));
        let said = crate::described_ja(&c.warnings);
        assert!(
            said.iter()
                .any(|w| w.contains(line) && w.contains("上半期の実績")),
            "{said:?}"
        );
        assert!(c.taken[0].changed_topics.is_empty(), "nothing else changed");
        let before = master.report().clone();
        let mut master = master;
        if let Some(intent) = c.intent(&[]) {
            master.perform(intent).unwrap();
        }
        let count = |r: &Report| {
            every_entry(r)
                .iter()
                .filter(|e| e.text == SETTLED[0] || e.text == typed_again)
                .count()
        };
        assert_eq!(count(master.report()), count(&before), "{line}");
        assert_eq!(count(master.report()), 1, "{line}");
    }
}

/// The workbook with a row of inline texts added under its answer table, at sheet row `row`
/// (1-based, past the last), as a division typing under the table leaves it.
fn row_added_under_table(bytes: &[u8], row: u32, cells: &[(&str, &str)]) -> Vec<u8> {
    let cells: String = cells
        .iter()
        .map(|(col, text)| format!(r#"<c r="{col}{row}" t="inlineStr"><is><t>{text}</t></is></c>"#))
        .collect();
    let added = format!(r#"<row r="{row}">{cells}</row></sheetData>"#);
    crate::type_into_workbook_part(bytes, "xl/worksheets/sheet1.xml", "</sheetData>", &added)
}

/// The workbook with a blank row inserted at the top of its answer sheet: every row one
/// lower, as Excel's 行の挿入 leaves it.
fn blank_row_inserted_at_top(bytes: &[u8]) -> Vec<u8> {
    // Every ` r="…"` of the sheet's data one row lower: rows and their cells.
    let shift = |xml: &str| -> String {
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml;
        while let Some(at) = rest.find(" r=\"") {
            let start = at + " r=\"".len();
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let letters = rest.chars().take_while(char::is_ascii_uppercase).count();
            let digits = rest[letters..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            let n: u32 = rest[letters..letters + digits].parse().unwrap();
            out.push_str(&format!("{}{}", &rest[..letters], n + 1));
            rest = &rest[letters + digits..];
        }
        out.push_str(rest);
        out
    };
    crate::rewrite_part(bytes, "xl/worksheets/sheet1.xml", |xml| {
        let (head, tail) = xml.split_at(xml.find("<sheetData>").unwrap());
        let end = tail.find("</sheetData>").unwrap();
        format!("{head}{}{}", shift(&tail[..end]), &tail[end..])
    })
}

/// A blank row inserted above the table moves the office's cells and changes none: nothing is
/// said (each header and title cell was said as typed over).
#[test]
fn a_row_inserted_above_the_table_is_no_typing() {
    let master = master();
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let moved = blank_row_inserted_at_top(&workbook::write(&r).unwrap());
    let a = answer_from_workbook(&moved, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    assert!(of_cells(&c).is_empty(), "{:#?}", c.warnings);
    assert!(c.conflicts().is_empty(), "{:#?}", c.conflicts());
}

/// A collection's warnings but that an answer changes nothing (said of an untouched one).
fn of_cells(c: &collect::Collection) -> Vec<&collect::AnswerWarning> {
    use shinchoku::model::diag::WarningKind;
    (c.warnings.iter())
        .filter(|w| !matches!(w.warning.kind, WarningKind::AnswerUnchanged))
        .collect()
}

/// A topic's row deleted from the workbook (or cleared) is listed as the topic's removal,
/// which only the office makes: its results stay (it was not mentioned at all).
#[test]
fn a_topic_row_deleted_from_the_workbook_is_listed() {
    let master = master();
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let book = workbook::write(&r).unwrap();
    let deleted = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<row r=\"8\"").unwrap();
        let end = start + xml[start..].find("</row>").unwrap() + "</row>".len();
        format!("{}{}", &xml[..start], &xml[end..])
    });
    let a = answer_from_workbook(&deleted, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let listed: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert_eq!(listed.len(), 1, "{listed:#?}");
    assert!(!c.conflicts()[0].acceptable());
    let before = master.report().clone();
    let mut after = master;
    after.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(after.report().sections, before.sections, "nothing removed");
}

/// What a division writes where no answer is read is named by its cell, never dropped without
/// a word: a note typed over the office's lines above the table, a title retyped, a row added
/// under the table. An untouched workbook, or one saved again as it was, says nothing.
#[test]
fn words_typed_outside_the_answer_cells_are_named_by_cell() {
    let master = master();
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let book = workbook::write(&r).unwrap();
    let untouched = answer_from_workbook(&book, "推進課.xlsx".into()).unwrap();
    let quiet = collect(master.report(), vec![Ok(untouched)], at(10));
    assert!(of_cells(&quiet).is_empty(), "{:?}", quiet.warnings);

    let division = "担当課: 総務部行財政改革推進課";
    let typed = type_into_workbook(&book, division, &format!("{division}（回答者：山田）"));
    let title = "② 意欲の向上に向けた組織風土づくり";
    let typed = type_into_workbook(&typed, title, &format!("{title}（改）"));
    let typed = row_added_under_table(
        &typed,
        40,
        &[("A", "7"), ("E", "・表の下に書いた実績(8月)")],
    );
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let said = crate::described_ja(&c.warnings);
    let named = |cell: &str, words: &str| {
        said.iter()
            .any(|w| w.contains(&format!("回答!{cell}")) && w.contains(words))
    };
    assert!(named("A2", "（回答者：山田）"), "{said:#?}");
    assert!(named("B11", "組織風土づくり（改）"), "{said:#?}");
    assert!(named("E40", "表の下に書いた実績(8月)"), "{said:#?}");
    assert!(named("E40", "見出しのない行"), "{said:#?}");
    assert!(named("A40", "「7」"), "{said:#?}");
}

/// A bullet left alone on a line of a workbook cell holds no words: no entry (it made an empty
/// result, listed as 「実績を追加: 」).
#[test]
fn a_lone_bullet_in_a_cell_is_no_result() {
    let entries = survey::entries_from_text("・\n・通常の実績(6月)\n ・ \n");
    let texts: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["通常の実績(6月)"]);
}

/// A note beside the months in their bracket that names a month itself: the months before it
/// are read (done in June), and `check` says the note's month is not (the whole bracket was
/// unread, and the result no longer met its plan line). (`(6月、9月に実施予定)` reads as
/// `6月、9月予定` does: both months, 予定.)
#[test]
fn a_month_in_the_note_beside_the_months_is_read_around_and_said() {
    for (text, note) in [
        ("研修の実施(6月、9月にも実施)", "9月にも実施"),
        ("研修の実施(6月済、12月予定)", "12月予定"),
    ] {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert_eq!(
            e.timing.as_ref().map(|t| t.months),
            Some(months(&[6])),
            "{text}"
        );
        assert!(!e.timing.unwrap().scheduled, "{text}");
        let e = read_entry(text, true, &mut problems);
        let said = shinchoku::model::check::month_in_note(&e).expect("a note with a month");
        assert!(said.contains(note), "{said}");
    }
    // A note in a bracket of its own or after ※ is said too; a sub-item's months, or a month
    // in the label's words, are not.
    for (text, note) in [
        (
            "研修の実施(6月)（9月にも実施予定）",
            Some("9月にも実施予定"),
        ),
        (
            "研修の実施（6月）※10月に再実施予定",
            Some("10月に再実施予定"),
        ),
        ("平成30年4月施行の条例の周知(6月)", None),
        ("研修の実施(随時) 新規採用職員研修(4月)", None),
    ] {
        let e = read_entry(text, true, &mut Vec::new());
        assert_eq!(
            shinchoku::model::check::month_in_note(&e).as_deref(),
            note,
            "{text}"
        );
    }
}

/// A formula saved without its value (openpyxl writes no value) gives nothing to read: each
/// such cell is named (its words were dropped without a word).
#[test]
fn a_formula_saved_without_its_value_is_named() {
    let master = master();
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let book = workbook::write(&r).unwrap();
    let with_formula = crate::type_into_workbook_part(
        &book,
        "xl/worksheets/sheet1.xml",
        "</sheetData>",
        r#"<row r="40"><c r="E40"><f>CONCATENATE("・",A8)</f></c></row></sheetData>"#,
    );
    let a = answer_from_workbook(&with_formula, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("回答!E40") && w.contains("の値が保存されていません")),
        "{said:#?}"
    );
    // In a topic's answer cell: named, and the results already there stay (read as empty, the
    // cell removed them).
    let in_answer = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<c r=\"E8\"").unwrap();
        let end = start + xml[start..].find("</c>").unwrap() + "</c>".len();
        let formula = r#"<c r="E8"><f>"・周知(6月)"&amp;CHAR(10)</f></c>"#;
        format!("{}{formula}{}", &xml[..start], &xml[end..])
    });
    let a = answer_from_workbook(&in_answer, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("回答!E8") && w.contains("「=\"・周知(6月)\"&CHAR(10)」")),
        "{said:#?}"
    );
    let before = master.report().clone();
    let mut after = master;
    after.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(after.report().sections, before.sections, "nothing removed");
}

/// A result holding a line break (typed so in the window) is two lines of the workbook's cell;
/// a division adding a line under it sends it back whole: the review lists the line added and
/// nothing else. It was cut in two — removed and added in the same words, the first part
/// without its months.
#[test]
fn a_result_holding_a_line_break_comes_back_whole_from_the_workbook() {
    let mut master = Document::new(seed().report, Origin::Sample, Vec::new());
    let id = result_starting(master.report(), "職員向けメルマガにおける周知").id;
    let text = "職員向けメルマガにおける周知を実施し、\n結果を庁内に報告(6月)";
    master
        .perform(shinchoku::edit::Intent::SetEntryText {
            id,
            text: text.into(),
        })
        .unwrap();
    let before = master.report().entry(id).unwrap().clone();
    assert_eq!(before.text, text);
    let plan = Survey::new(master.report(), due(), "", at(2).date()).unwrap();
    master.perform(plan.intent(at(2))).unwrap();
    let topic = topic_of(master.report(), id);
    let cell = entries_text(&master.report().topic(topic).unwrap().actual);
    let added = "・協創説明会の開催(9月)";
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let typed = type_into_workbook(
        &workbook::write(&r).unwrap(),
        &cell,
        &format!("{cell}\n{added}"),
    );
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    let changes = &c.taken[0].difference.as_ref().expect("a change").changes;
    assert_eq!(changes.len(), 1, "{changes:#?}");
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let kept = master.report().entry(id).expect("the result, whole");
    assert_eq!(kept, &before);
    // Its second line's month corrected in the cell: still one result, as typed.
    let now = entries_text(&master.report().topic(topic).unwrap().actual);
    let r = survey::response_for(master.report(), "総務部行財政改革推進課", due(), "");
    let corrected = now.replace("結果を庁内に報告(6月)", "結果を庁内に報告(7月)");
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), &now, &corrected);
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(11));
    let count = master.report().topic(topic).unwrap().actual.len();
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let after = &master.report().topic(topic).unwrap().actual;
    assert_eq!(after.len(), count, "{after:#?}");
    assert_eq!(entries_text(after), corrected);
}

/// 見え消し: a line of a 実績 cell struck through (a run with `<strike/>`, as Excel stores it),
/// or a whole cell struck by its style, is how a division marks a line gone. It was read as any
/// other line, and nothing said; it is read as written and said, naming the cell and the text.
/// In a report table's cell, `<s>`, `<strike>` and `<del>` are said the same way.
#[test]
fn text_struck_through_is_said_not_passed_over() {
    use shinchoku::model::diag::WarningKind;
    let master = crate::seed_shared_surveyed().into_report();
    let response = survey::response_for(&master, "総務部人事課", None, "");
    let book = workbook::write(&response).unwrap();
    let read = workbook::read(&book).unwrap();
    let row = (read.rows.iter())
        .find(|r| r.results.lines().count() >= 2)
        .unwrap();
    let (kept, struck) = row.results.split_once('\n').unwrap();
    // The cell's string made of two runs, the second struck through in red.
    let runs = format!(
        "<r><t xml:space=\"preserve\">{kept}\n</t></r><r><rPr><strike/><color rgb=\"FFFF0000\"/></rPr><t>{struck}</t></r>"
    );
    let book = rewrite_part(&book, "xl/sharedStrings.xml", |x| {
        let plain = format!("<t xml:space=\"preserve\">{}</t>", row.results);
        let plain = if x.contains(&plain) {
            plain
        } else {
            format!("<t>{}</t>", row.results)
        };
        assert!(x.contains(&plain), "the cell's string");
        x.replacen(&plain, &runs, 1)
    });
    let said: Vec<(String, String)> = (workbook::read(&book).unwrap().outside.iter())
        .filter_map(|w| match &w.kind {
            WarningKind::StruckThrough { text } => Some((text.clone(), w.describe(Lang::Ja))),
            _ => None,
        })
        .collect();
    let [(text, ja)] = said.as_slice() else {
        panic!("{said:?}");
    };
    assert_eq!(text, struck.trim());
    assert!(ja.contains(&format!("回答!E{}", row.row)), "{ja}");
    assert!(ja.contains("取り消し線"), "{ja}");
    // The answer still takes the line as written: nothing is removed on a guess.
    let answer = answer_from_workbook(&book, "a.xlsx".into()).unwrap();
    let c = collect::collect(&master, vec![Ok(answer)], at(10));
    // Worked on (a line struck), it is not said to be as sent.
    assert!(
        !c.warnings
            .iter()
            .any(|w| matches!(w.warning.kind, WarningKind::AnswerUnchanged))
    );
    let mut taken = master.clone();
    if let Some(intent) = c.intent(&[]) {
        let edit = intent.build(&mut taken).unwrap().unwrap();
        shinchoku::edit::apply(&mut taken, edit).unwrap();
    }
    let now = entries_text(&taken.topic(row.topic).unwrap().actual);
    assert_eq!(now, row.results, "the line stays");
    // A report table's cell: each struck stretch said, its words kept.
    let cell_struck = |cell: &str| {
        let table = crate::SEED.replacen("・職員向けメルマガにおける周知(6月)", cell, 1);
        let imported = shinchoku::import::import_text(&table).unwrap();
        let struck: Vec<String> = (imported.warnings.iter())
            .filter_map(|w| match &w.kind {
                WarningKind::StruckThrough { text } => Some(text.clone()),
                _ => None,
            })
            .collect();
        (struck, imported.report)
    };
    let (struck, report) =
        cell_struck("・<s>職員向けメルマガにおける周知(6月)</s> ・<Del>研修の周知(7月)</Del>");
    assert_eq!(
        struck,
        ["職員向けメルマガにおける周知(6月)", "研修の周知(7月)"]
    );
    let texts: Vec<&str> = (report.initiatives())
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter().map(|e| e.text.as_str()))
        .collect();
    assert!(texts.contains(&"研修の周知(7月)"), "{texts:?}");
    // Struck by a style, as a word processor pasting into HTML writes it (a span inside it
    // not ending the strike), and a strike within a strike said once, whole.
    let (struck, _) = cell_struck(
        "<span STYLE=\"color:red; text-decoration: Line-Through\">・職員向けメルマガに<span>おける</span>周知(6月)</span> <span>残す</span> <s>研修<del>の</del>周知</s>",
    );
    assert_eq!(
        struck,
        ["・職員向けメルマガにおける周知(6月)", "研修の周知"]
    );
    // A style of another case on an element no strike was looked for in (the cell holds no
    // `<s…` or `<d…`), and a strike left open to the cell's end: left open, it covers the
    // rest of the cell, as a browser shows it.
    let (struck, _) = cell_struck(
        "<p style=\"Text-Decoration: Line-Through\">・職員向けメルマガにおける周知(6月)</p>",
    );
    assert_eq!(struck, ["・職員向けメルマガにおける周知(6月)"]);
    let (struck, _) = cell_struck("<span style='text-decoration:line-through'>研修の周知(7月)");
    assert_eq!(struck.len(), 1, "{struck:?}");
    assert!(
        struck[0].starts_with("研修の周知(7月) ・「協創」"),
        "{struck:?}"
    );
}

/// An answer workbook saved by openpyxl writes every string inline (`t="inlineStr"`): a struck
/// run there, and a cell struck by its style, went unsaid. Both are said.
#[test]
fn struck_text_in_inline_strings_is_said() {
    use shinchoku::model::diag::WarningKind;
    let master = crate::seed_shared_surveyed().into_report();
    let response = survey::response_for(&master, "総務部人事課", None, "");
    let book = workbook::write(&response).unwrap();
    let read = workbook::read(&book).unwrap();
    let row = (read.rows.iter()).find(|r| !r.results.is_empty()).unwrap();
    let book = rewrite_part(&book, "xl/worksheets/sheet1.xml", |x| {
        let at = x.find(&format!("<c r=\"E{}\"", row.row)).unwrap();
        let end = at + x[at..].find("</c>").unwrap() + "</c>".len();
        let style = x[at..end]
            .split("s=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let cell = format!(
            "<c r=\"E{}\" s=\"{style}\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">・残す行(4月)\n</t></r><r><rPr><strike val=\"1\" /></rPr><t>・消した行(5月)</t></r></is></c>",
            row.row
        );
        format!("{}{cell}{}", &x[..at], &x[end..])
    });
    let said: Vec<String> = (workbook::read(&book).unwrap().outside.iter())
        .filter_map(|w| match &w.kind {
            WarningKind::StruckThrough { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(said, ["・消した行(5月)"]);
}

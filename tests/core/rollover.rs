//! 次の期間へ makes nothing late by itself (issue 22 item 6): the as-of date of the new period,
//! the 提出状況 of the new period, and the results carried over to confirm (要確認).

use chrono::NaiveDate;
use shinchoku::compare::confirm::{ToConfirm, results_to_confirm};
use shinchoku::compare::{self, RolloverTo};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::status::{
    LineStatus, Status, initiative_status, plan_entry_status, topic_status,
};
use shinchoku::model::{AsOf, Entry, Report, Side};
use shinchoku::survey::status_rows;

use crate::{initiative, seed};

/// The table in every encoding and the workbook: what a report goes out as and is read back from.
const EXPORTS: [(shinchoku::export::Format, shinchoku::export::Encoding); 4] = {
    use shinchoku::export::{Encoding, Format};
    [
        (Format::Table, Encoding::Utf8),
        (Format::Table, Encoding::Cp932),
        (Format::Table, Encoding::Utf16),
        (Format::Xlsx, Encoding::Utf8),
    ]
};

/// Initiatives and topics 遅れ as of the report's date.
fn late(report: &Report) -> (usize, usize) {
    let as_of = report.fiscal_as_of();
    let mut counts = (0, 0);
    for i in report.initiatives() {
        counts.0 += usize::from(initiative_status(i, as_of) == Status::Late);
        for t in &i.topics {
            counts.1 += usize::from(topic_status(i, t, as_of) == Status::Late);
        }
    }
    counts
}

/// Rolls `from` over and checks that the counts of late initiatives and topics do not grow.
fn rolled(from: &Report, to: RolloverTo, what: &str) -> Report {
    let next = compare::rollover(from, to).unwrap_or_else(|e| panic!("{what}: {e}"));
    let (before, after) = (late(from), late(&next));
    assert!(
        after.0 <= before.0 && after.1 <= before.1,
        "{what}: 遅れ (initiatives, topics) {before:?} before, {after:?} after"
    );
    next
}

/// Every kind of rollover over a first-half report, each from the report before it, and the
/// second half again after its as-of date was set back to the end of the period (as the
/// office does once the half is over).
fn every_rollover(h1: &Report) -> Vec<(&'static str, Report)> {
    let h2 = rolled(h1, RolloverTo::SecondHalf, "first half → second half");
    let full = rolled(h1, RolloverTo::FullYear, "first half → full year");
    let y2 = rolled(&h2, RolloverTo::NextYear, "second half → next year");
    let y2_from_full = rolled(&full, RolloverTo::NextYear, "full year → next year");
    let mut h2_ended = h2.clone();
    h2_ended.as_of = None;
    let y2_after_end = rolled(
        &h2_ended,
        RolloverTo::NextYear,
        "ended second half → next year",
    );
    let y2_h2 = rolled(&y2, RolloverTo::SecondHalf, "next year → its second half");
    vec![
        ("h2", h2),
        ("full", full),
        ("y2", y2),
        ("y2 from full", y2_from_full),
        ("y2 after the end", y2_after_end),
        ("y2 h2", y2_h2),
    ]
}

#[test]
fn rolling_the_seed_over_never_raises_the_count_of_late_initiatives_or_topics() {
    let h1 = seed().report;
    // Initiative 10's topic with the セルフチェック of August not reported.
    assert_eq!(late(&h1), (1, 1));
    let all = every_rollover(&h1);
    // Within the year nothing changes: the same entries judged on the same day. (Before, the
    // second half was judged as of 31 March, and 5 initiatives and 7 topics turned 遅れ.)
    for (name, report) in &all[..2] {
        assert_eq!(late(report), (1, 1), "{name}");
    }
    // A new year's 年次計画 comes from the stage plan and names no month: nothing is late.
    for (name, report) in &all[2..] {
        assert_eq!(late(report), (0, 0), "{name}");
    }
}

#[test]
fn rolling_a_large_generated_report_over_never_raises_the_count_of_late_ones() {
    let h1 = shinchoku::synthetic::large_report(220);
    let before = late(&h1);
    assert!(
        before.0 >= 20,
        "the copies of initiative 10 are late: {before:?}"
    );
    let all = every_rollover(&h1);
    assert_eq!(late(&all[0].1), before);
    assert_eq!(late(&all[1].1), before);
}

#[test]
fn the_new_half_is_as_of_the_day_the_closed_one_was_reported_as_of() {
    let h1 = seed().report;
    let h2 = compare::rollover(&h1, RolloverTo::SecondHalf).unwrap();
    assert_eq!(h2.as_of().to_japanese(h2.fiscal_year), "2017年9月30日");
    // A first half reported as of 31 August stays as of that day.
    let mut august = h1.clone();
    august.as_of = Some(AsOf { month: 8, day: 31 });
    let full = compare::rollover(&august, RolloverTo::FullYear).unwrap();
    assert_eq!(full.as_of(), AsOf { month: 8, day: 31 });
    // The next fiscal year starts on 1 April.
    let y2 = compare::rollover(&h2, RolloverTo::NextYear).unwrap();
    assert_eq!(y2.as_of().to_japanese(y2.fiscal_year), "2018年4月1日");
}

/// Where initiative 4's plan line `text` stands in `report`.
fn line_in_four(report: &Report, text: &str) -> LineStatus {
    let four = initiative(report, "4");
    let line = four
        .topics
        .iter()
        .flat_map(|t| t.plan.iter())
        .find(|e| e.text.starts_with(text))
        .unwrap_or_else(|| panic!("{text} is planned in initiative 4"));
    plan_entry_status(four, line, report.fiscal_as_of()).expect("a plan line")
}

#[test]
fn a_plan_line_of_the_new_half_is_late_only_once_its_month_has_passed() {
    let h1 = seed().report;
    let mut h2 = compare::rollover(&h1, RolloverTo::SecondHalf).unwrap();
    // 「実施後、職員アンケートにより検証(10月)」 has no result: to come right after the rollover …
    assert_eq!(
        line_in_four(&h2, "実施後、職員アンケートにより検証(10月)"),
        LineStatus::Scheduled
    );
    // … and late once the office moves 時点 to the end of October with nothing reported.
    h2.as_of = Some(AsOf { month: 10, day: 31 });
    assert_eq!(
        line_in_four(&h2, "実施後、職員アンケートにより検証(10月)"),
        LineStatus::Late
    );
    assert_eq!(
        line_in_four(&h2, "組織定数調整(11月～1月)"),
        LineStatus::Scheduled
    );
}

fn with_result(report: &Report, division: &str) -> (usize, usize) {
    let today = NaiveDate::from_ymd_opt(2017, 10, 16).unwrap();
    let row = status_rows(report, today)
        .into_iter()
        .find(|r| r.division == division)
        .unwrap_or_else(|| panic!("a row for {division}"));
    (row.with_result, row.topics)
}

#[test]
fn the_new_halfs_submission_status_counts_only_its_own_results() {
    let h1 = seed().report;
    // Initiative 9: both of 管財課's topics have first-half results.
    assert_eq!(with_result(&h1, "総務部管財課"), (2, 2));
    let h2 = compare::rollover(&h1, RolloverTo::SecondHalf).unwrap();
    assert_eq!(with_result(&h2, "総務部管財課"), (0, 2));
    assert_eq!(with_result(&h2, "地域連携部情報システム課"), (0, 5));
    // A result of the second half counts.
    let topic = initiative(&h2, "9").topics[0].id;
    let mut doc = Document::new(h2, Origin::Sample, Vec::new());
    doc.perform(Intent::AddEntry {
        topic,
        side: Side::Actual,
        text: "県有財産の貸付実施(10月)".into(),
    })
    .unwrap();
    assert_eq!(with_result(doc.report(), "総務部管財課"), (1, 2));
}

/// A result carried over to confirm, confirmed by its division in the new half (its 予定
/// rewritten), is an answer of this half: a division whose answer was only confirmations
/// showed as having answered nothing.
#[test]
fn a_carried_over_result_confirmed_in_the_new_half_counts_as_its_answer() {
    let h1 = seed().report;
    let h2 = compare::rollover(&h1, RolloverTo::SecondHalf).unwrap();
    assert_eq!(with_result(&h2, "総務部管財課"), (0, 2));
    let carried = initiative(&h2, "9").topics[0]
        .actual
        .iter()
        .find(|e| e.text.ends_with("(8月～10月予定)"))
        .expect("the result carried over to confirm")
        .clone();
    assert!(h2.asks_to_confirm(&carried));
    let mut doc = Document::new(h2, Origin::Sample, Vec::new());
    doc.perform(Intent::SetEntryText {
        id: carried.id,
        text: carried.text.replace("(8月～10月予定)", "(8月～10月)"),
    })
    .unwrap();
    assert_eq!(with_result(doc.report(), "総務部管財課"), (1, 2));
    doc.undo();
    assert_eq!(with_result(doc.report(), "総務部管財課"), (0, 2));
}

#[test]
fn the_results_to_confirm_are_listed_with_their_ids_texts_and_divisions() {
    let h1 = seed().report;
    assert!(results_to_confirm(&h1).is_empty());
    let h2 = compare::rollover(&h1, RolloverTo::SecondHalf).unwrap();
    let listed = results_to_confirm(&h2);
    let ids: Vec<_> = listed.iter().map(|c| c.id).collect();
    let mut stored = h2.to_confirm.clone();
    stored.sort();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, stored, "each id listed, once");
    let texts: Vec<(&str, &str)> = listed
        .iter()
        .map(|c| (c.initiative.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "6",
                "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月予定)"
            ),
            (
                "9",
                "県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)"
            ),
            (
                "10",
                "eラーニングによる情報セキュリティ研修(8コース・延べ45名受講)(8月～11月予定)"
            ),
        ]
    );
    let nine: &ToConfirm = &listed[1];
    assert_eq!(nine.topic.as_deref(), Some("今後の利用見込み等の検討"));
    assert_eq!(nine.division.as_deref(), Some("総務部管財課"));
    assert_eq!(nine.months, [8, 9, 10]);
    assert_eq!(nine.reported_in, Some("first_half"));
    let entry: &Entry = h2.entry(nine.id).expect("the id is the result's");
    assert_eq!(entry.text, nine.text);
    assert_eq!(
        nine.describe(Lang::En),
        format!(
            "result {} of initiative 9, <今後の利用見込み等の検討>, 総務部管財課: \
             県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)",
            nine.id
        )
    );
    assert_eq!(
        nine.describe(Lang::Ja),
        format!(
            "実績 {}（取組 9 <今後の利用見込み等の検討> 総務部管財課）: \
             県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)",
            nine.id
        )
    );
    // A result deleted since is no longer asked about.
    let mut doc = Document::new(h2, Origin::Sample, Vec::new());
    doc.perform(Intent::RemoveEntry { id: nine.id }).unwrap();
    let left: Vec<_> = results_to_confirm(doc.report())
        .iter()
        .map(|c| c.initiative.clone())
        .collect();
    assert_eq!(left, ["6", "10"]);
}

/// The results to confirm, by initiative number.
fn asked(report: &Report) -> Vec<String> {
    results_to_confirm(report)
        .into_iter()
        .map(|c| c.initiative)
        .collect()
}

#[test]
fn a_result_rewritten_by_its_division_or_the_office_is_no_longer_to_confirm() {
    use shinchoku::survey::{self, answer::answer_from_report, collect, send::Survey};
    let h2 = compare::rollover(&seed().report, RolloverTo::SecondHalf).unwrap();
    let day = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut master = Document::new(h2, Origin::Sample, Vec::new());
    let plan = Survey::new(master.report(), None, "", day).unwrap();
    master
        .perform(plan.intent(day.and_hms_opt(9, 0, 0).unwrap()))
        .unwrap();
    assert_eq!(asked(master.report()), ["6", "9", "10"]);
    let nine = results_to_confirm(master.report())[1].id;

    // 管財課 answers that its August–October survey was done, in its response.
    let mut response = Document::new(
        survey::response_for(master.report(), "総務部管財課", None, ""),
        Origin::Sample,
        Vec::new(),
    );
    response
        .perform(Intent::SetEntryText {
            id: nine,
            text: "県有財産の自己点検及び利用見込み調査等の実施(8月～10月)".into(),
        })
        .unwrap();
    let answer = answer_from_report(response.report().clone(), "管財課.ron".into()).unwrap();
    let c = collect(
        master.report(),
        vec![Ok(answer)],
        day.and_hms_opt(10, 0, 0).unwrap(),
    );
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(asked(master.report()), ["6", "10"]);
    let row = shinchoku::grid::rows(master.report(), &Default::default())
        .into_iter()
        .find(|&r| shinchoku::grid::entry_of(master.report(), r).is_some_and(|e| e.id == nine))
        .expect("the result's row");
    assert!(!shinchoku::grid::is_to_confirm(master.report(), row));

    // The office moves initiative 10's training to November, still 予定: still asked about
    // (whether it was done is still not known); then writes it done: asked about no more.
    let ten = results_to_confirm(master.report())[1].id;
    let text = "eラーニングによる情報セキュリティ研修(8コース・延べ45名受講)(11月予定)";
    master
        .perform(Intent::SetEntryText {
            id: ten,
            text: text.into(),
        })
        .unwrap();
    assert_eq!(asked(master.report()), ["6", "10"]);
    master
        .perform(Intent::SetEntryText {
            id: ten,
            text: text.replace("予定", ""),
        })
        .unwrap();
    assert_eq!(asked(master.report()), ["6"]);
    // Undoing the rewrite asks again.
    assert!(master.undo());
    assert_eq!(asked(master.report()), ["6", "10"]);
}

/// A result reported as 予定 for a month of the new half (「協創フォーラムの開催(10月予定)」) is
/// to confirm as well: left off the list, the second half's workbook locked it as the first
/// half's, and the division's 「(10月)（参加者120名）」 came in as a second line beside it.
#[test]
fn a_result_scheduled_for_the_new_half_is_to_confirm_too() {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let topic = initiative(doc.report(), "9").topics[0].id;
    doc.perform(Intent::AddEntry {
        topic,
        side: Side::Actual,
        text: "・協創フォーラムの開催(10月予定)".into(),
    })
    .unwrap();
    let h2 = compare::rollover(doc.report(), RolloverTo::SecondHalf).unwrap();
    let listed: Vec<String> = results_to_confirm(&h2)
        .into_iter()
        .map(|c| c.text)
        .collect();
    assert!(
        listed.contains(&"協創フォーラムの開催(10月予定)".to_string()),
        "{listed:?}"
    );
}

/// The second half, as of the day the first was reported as of (30 September), goes out as
/// the report table (every encoding) and the workbook: each opens as of that day, with the
/// statuses the report shows. They carried no date, and the same report read back was as of
/// 31 March, five initiatives 遅れ or 完了 that were 取組中.
#[test]
fn the_as_of_date_comes_back_from_the_exported_table_and_workbook() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    let second = rolled(&seed().report, RolloverTo::SecondHalf, "second half");
    assert!(second.as_of.is_some());
    for (format, encoding) in EXPORTS {
        let again = crate::exported_and_read(&second, format, encoding);
        assert_eq!(again.as_of, second.as_of, "{format:?} {encoding:?}");
        assert_eq!(late(&again), late(&second), "{format:?} {encoding:?}");
    }
    // The seed, as of its period's end, writes no date: its table is as it was.
    let table = export_bytes(&seed().report, Format::Table, Encoding::Utf8).unwrap();
    let table = String::from_utf8(table).unwrap();
    assert!(!table.lines().take(3).any(|l| l.contains("時点")));
}

/// A title block naming its date as offices write it (「（平成29年８月31日時点）」, full-width digits
/// too, `2017/8/31時点`, after other words) is read as the as-of date; a day outside the fiscal
/// year, or a 時点 that does not end its words (`…時点修正`, a revision's date), is not.
#[test]
fn an_as_of_date_written_under_the_title_is_read() {
    let text = crate::SEED;
    // Under the title (the seed begins with blank lines).
    let title_end = text.find("実績\n").unwrap() + "実績".len();
    for (line, want) in [
        ("（平成29年８月31日時点）", Some(AsOf { month: 8, day: 31 })),
        ("2018年1月15日 時点", Some(AsOf { month: 1, day: 15 })),
        ("2019年1月15日 時点", None),
        ("平成29年9月31日時点", None),
        (
            "※実績は各課の報告時点のもの　2017年8月31日 時点",
            Some(AsOf { month: 8, day: 31 }),
        ),
        ("2017/8/31時点", Some(AsOf { month: 8, day: 31 })),
        // A revision's date, not the as-of date.
        ("平成29年10月5日時点修正", None),
        // A note's date is the note's: the row is kept, said as not read, and the report is
        // as of its period's end (the note set the as-of date, and was said not read).
        ("※職員数は2017年8月31日 時点 のもの", None),
    ] {
        let table = format!("{}\n{line}{}", &text[..title_end], &text[title_end..]);
        let imported = shinchoku::import::import_text(&table).unwrap();
        assert_eq!(imported.report.as_of, want, "{line}");
        // A row that is the date alone is read, not kept; one with other words is kept, and
        // said as read for its date (it was said not read) or as not read.
        let kept = crate::unread_texts(&imported.report).contains(&line);
        let said = (imported.warnings.iter()).find_map(|w| match &w.kind {
            shinchoku::model::diag::WarningKind::AsOfAboveHeader { text, .. } if text == line => {
                Some(true)
            }
            shinchoku::model::diag::WarningKind::TextAboveHeader { text } if text == line => {
                Some(false)
            }
            _ => None,
        });
        let dated_alone = !line.starts_with('※') && want.is_some();
        match (dated_alone, want.is_some()) {
            (true, _) => assert!(!kept && said.is_none(), "{line}: {said:?}"),
            (false, read) => assert!(kept && said == Some(read), "{line}: {said:?}"),
        }
    }
}

/// The second half exported (table in every encoding, workbook) and read back: the first
/// half's results, written in its one 実績 column, are the first half's again, not 35 results
/// dated outside the period; a result of the second half's months is this half's, and one of
/// the first half's months that is the only one of its initiative is still read as written.
#[test]
fn the_first_halfs_results_read_back_from_a_second_half_table_are_the_first_halfs() {
    use shinchoku::export::{Encoding, Format};
    use shinchoku::model::check;
    use shinchoku::model::diag::WarningKind;
    let mut second = rolled(&seed().report, RolloverTo::SecondHalf, "second half");
    let topic = &mut second.sections[0].initiatives[1].topics[0];
    let mut added = topic.actual[0].clone();
    added.id = shinchoku::model::Id(90_002);
    added.text = "協創研修の第2回(11月)".to_string();
    topic.actual.push(added);
    let second = crate::exported_and_read(&second, Format::Table, Encoding::Utf8);
    let said_outside = |r: &Report| {
        check::warnings(r)
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::MonthsOutsidePeriod { .. }))
            .count()
    };
    let first_half: Vec<&Entry> = second
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .filter(|e| second.earlier_period_of(e.id).is_some())
        .collect();
    assert!(first_half.len() >= 20, "{}", first_half.len());
    for (format, encoding) in EXPORTS {
        let again = crate::exported_and_read(&second, format, encoding);
        assert_eq!(said_outside(&again), 0, "{format:?} {encoding:?}");
        let november = again
            .initiatives()
            .flat_map(|i| i.topics.iter())
            .flat_map(|t| t.actual.iter())
            .find(|e| e.text == "協創研修の第2回(11月)")
            .unwrap();
        assert!(again.earlier_period_of(november.id).is_none());
        let sixth_month = again
            .initiatives()
            .flat_map(|i| i.topics.iter())
            .flat_map(|t| t.actual.iter())
            .find(|e| e.text == "職員向けメルマガにおける周知(6月)")
            .unwrap();
        assert!(again.earlier_period_of(sixth_month.id).is_some());
    }
    // The same result typed into a first-half table stays that half's own.
    let first = seed().report;
    assert!(first.history.is_empty() && said_outside(&first) == 0);
}

/// A first-half result with no months (none, or 随時), read back from a second half's table
/// with one 実績 column for both halves (as another office's, or an older export, writes it):
/// which half it is cannot be told, and it went in as the second half's without a word (sent
/// to the division as its own to answer again). Reading the table says so, naming it; a dated
/// one is told apart as before. Our own export writes the first half's results in a column of
/// their own, so there nothing is guessed and nothing said.
#[test]
fn an_undated_first_half_result_read_back_from_a_second_half_table_is_said_of() {
    use shinchoku::export::export_bytes;
    use shinchoku::model::diag::WarningKind;
    let mut first = seed().report;
    let topic = &mut first.sections[0].initiatives[1].topics[0];
    topic.actual.push(shinchoku::model::Entry {
        id: shinchoku::model::Id(90_000),
        ..shinchoku::model::entry_text::read_entry(
            "協創研修の振り返り（随時）",
            true,
            &mut Vec::new(),
        )
    });
    topic.actual.push(shinchoku::model::Entry {
        id: shinchoku::model::Id(90_001),
        ..shinchoku::model::entry_text::read_entry("協創研修の振り返り会", true, &mut Vec::new())
    });
    let second = rolled(&first, RolloverTo::SecondHalf, "second half");
    let mut one_column = second.clone();
    one_column.history.clear();
    for (format, encoding) in EXPORTS {
        let bytes = export_bytes(&second, format, encoding).unwrap();
        let (again, warnings) = shinchoku::import::import_any(&bytes, None).unwrap();
        let guessed = (warnings.iter()).any(|w| matches!(w.kind, WarningKind::HalfNotTold { .. }));
        assert!(!guessed, "{format:?} {encoding:?}");
        let undated = (again.initiatives().flat_map(|i| i.topics.iter()))
            .flat_map(|t| t.actual.iter())
            .find(|e| e.text == "協創研修の振り返り（随時）")
            .unwrap();
        assert!(again.earlier_period_of(undated.id).is_some());
        let bytes = export_bytes(&one_column, format, encoding).unwrap();
        let (again, warnings) = shinchoku::import::import_any(&bytes, None).unwrap();
        let told: Vec<String> = (warnings.iter())
            .filter_map(|w| match &w.kind {
                WarningKind::HalfNotTold { entry } => Some(entry.clone()),
                _ => None,
            })
            .collect();
        // 随時 names no month of either half.
        let both = ["協創研修の振り返り（随時）", "協創研修の振り返り会"];
        assert_eq!(told, both, "{format:?} {encoding:?}");
        let said = (warnings.iter())
            .find(|w| matches!(w.kind, WarningKind::HalfNotTold { .. }))
            .unwrap()
            .describe(Lang::Ja);
        assert!(said.contains("「協創研修の振り返り（随時）」"), "{said}");
        assert!(said.contains("下半期の実績として読みました"), "{said}");
        let dated = (again.initiatives().flat_map(|i| i.topics.iter()))
            .flat_map(|t| t.actual.iter())
            .find(|e| e.text == "職員向けメルマガにおける周知(6月)")
            .unwrap();
        assert!(again.earlier_period_of(dated.id).is_some());
    }
}

/// A result of the first half carried into the second and confirmed as done over months that
/// reach into it (「(8月～10月予定)」 → 「(8月～10月)」): work begun before the period, not
/// said to be outside it — by the report and by its table and workbook read back alike (they
/// said 「8月～10月」 was outside the period, the report nothing). A range past the period's
/// end is said, as ever.
#[test]
fn a_range_reaching_into_the_period_from_before_it_is_not_outside_it() {
    use shinchoku::export::{Encoding, Format};
    use shinchoku::model::check;
    use shinchoku::model::diag::WarningKind;
    let outside = |r: &Report| -> Vec<String> {
        (check::warnings(r).into_iter())
            .filter_map(|w| match w.kind {
                WarningKind::MonthsOutsidePeriod { months, .. } => Some(months),
                _ => None,
            })
            .collect()
    };
    let mut second = rolled(&seed().report, RolloverTo::SecondHalf, "second half");
    let topic = &mut second.sections[0].initiatives[1].topics[0];
    for (k, text) in ["協創研修の開催(8月～10月)", "研修の実施(6月、11月)"]
        .iter()
        .enumerate()
    {
        topic.actual.push(shinchoku::model::Entry {
            id: shinchoku::model::Id(90_000 + k as u64),
            ..shinchoku::model::entry_text::read_entry(text, true, &mut Vec::new())
        });
    }
    for r in [
        second.clone(),
        crate::exported_and_read(&second, Format::Table, Encoding::Utf8),
        crate::exported_and_read(&second, Format::Xlsx, Encoding::Utf8),
    ] {
        // Months apart from the period's are of another time: said.
        assert_eq!(outside(&r), ["6月、11月"]);
    }
    // As of September, a range past it is said.
    let mut first = seed().report;
    let topic = &mut first.sections[0].initiatives[1].topics[0];
    topic.actual[0] =
        shinchoku::model::entry_text::read_entry("協創研修(9月～10月)", true, &mut Vec::new());
    assert_eq!(outside(&first), ["9月～10月"]);
}

/// A division confirming, in its answer, the result it was asked to confirm (「(8月～10月予定)」
/// → 「(8月～10月)」) is doing what was asked: not warned as rewriting a result already
/// reported in the first half (「…取り込むと、その期の報告の実績も変わります」).
#[test]
fn confirming_a_result_to_confirm_in_an_answer_is_not_warned_as_a_rewrite() {
    let h1 = seed().report;
    let h2 = compare::rollover(&h1, RolloverTo::SecondHalf).unwrap();
    let master = crate::surveyed(h2);
    let mut r =
        shinchoku::survey::response_for(master.report(), "総務部管財課", crate::survey_due(), "");
    let carried = initiative(&r, "9").topics[0]
        .actual
        .iter()
        .find(|e| e.text.ends_with("(8月～10月予定)"))
        .expect("the result carried over to confirm")
        .clone();
    r.entry_mut(carried.id).unwrap().text = carried.text.replace("(8月～10月予定)", "(8月～10月)");
    let answer = shinchoku::survey::answer::answer_from_report(r, "管財課.ron".into()).unwrap();
    let c =
        shinchoku::survey::collect::collect(master.report(), vec![Ok(answer)], crate::october(10));
    let said = crate::described_ja(&c.warnings);
    assert!(!said.iter().any(|w| w.contains("報告済み")), "{said:?}");
    let mut taken = master;
    taken.perform(c.intent(&[]).unwrap()).unwrap();
    assert!(
        (initiative(taken.report(), "9").topics[0].actual.iter())
            .any(|e| e.text.ends_with("(8月～10月)"))
    );
}

/// The results of each half after a second half's answers, exported (table in every encoding,
/// workbook) and read back: each stays in its half. In one 実績 column the half was guessed
/// from the months: the first half's 「（年度末）」 came back as the second half's (the
/// division's to change), the second half's 「（9月～12月予定）」 as the first half's (shown it
/// as closed), and a full-year report lost which results were the first half's altogether.
#[test]
fn each_result_stays_in_its_half_when_a_later_periods_export_is_read_back() {
    use shinchoku::model::entry_text::read_entry;
    let mut first = seed().report;
    let topic = &mut first.sections[0].initiatives[1].topics[0];
    let year_end = read_entry("発表会の準備（年度末）", true, &mut Vec::new());
    topic.actual.push(shinchoku::model::Entry {
        id: shinchoku::model::Id(90_000),
        ..year_end
    });
    let halves = |r: &Report| -> (Vec<String>, Vec<String>) {
        let results = (r.initiatives().flat_map(|i| i.topics.iter())).flat_map(|t| t.actual.iter());
        let (earlier, now): (Vec<&Entry>, Vec<&Entry>) =
            results.partition(|e| r.earlier_period_of(e.id).is_some());
        let texts = |l: Vec<&Entry>| l.into_iter().map(|e| e.text.clone()).collect();
        (texts(earlier), texts(now))
    };
    for to in [RolloverTo::SecondHalf, RolloverTo::FullYear] {
        let mut later = rolled(&first, to, "later period");
        let topic = &mut later.sections[0].initiatives[1].topics[0];
        let asked = read_entry("利用者アンケート（9月～12月予定）", true, &mut Vec::new());
        topic.actual.push(shinchoku::model::Entry {
            id: shinchoku::model::Id(90_001),
            ..asked
        });
        let (earlier, now) = halves(&later);
        assert!(earlier.contains(&"発表会の準備（年度末）".to_string()));
        assert_eq!(now, ["利用者アンケート（9月～12月予定）"]);
        for (format, encoding) in EXPORTS {
            let again = crate::exported_and_read(&later, format, encoding);
            assert_eq!(
                halves(&again),
                (earlier.clone(), now.clone()),
                "{to:?} {format:?} {encoding:?}"
            );
            let past = again.closed_first_half().unwrap();
            assert_eq!(past.actual_heading, "上半期実績(4月～9月)");
        }
    }
}

/// The first half reported under another wording of its 実績 heading (「平成29年度上半期実績」,
/// which reads as an indicator's figures; 「上半期(4月～9月)実績」): its column is headed as the
/// readers know it, and its results come back the first half's. They came back as 26 results
/// removed, the column read as figures or kept unread.
#[test]
fn the_first_halfs_column_is_read_back_whatever_its_heading_was() {
    use shinchoku::model::Period;
    for heading in [
        "平成29年度上半期実績",
        "上半期(4月～9月)実績",
        "上半期実績（4月～9月）",
    ] {
        let mut first = seed().report;
        first.headings.actual = heading.to_string();
        let later = rolled(&first, RolloverTo::SecondHalf, heading);
        let results = |r: &Report| r.closed_first_half().map_or(0, |p| p.results.len());
        assert_eq!(results(&later), 26, "{heading}");
        for (format, encoding) in EXPORTS {
            let again = crate::exported_and_read(&later, format, encoding);
            assert_eq!(results(&again), 26, "{heading} {format:?} {encoding:?}");
            let written = &again.closed_first_half().unwrap().actual_heading;
            let kept = shinchoku::model::period::is_first_half_results_heading(heading);
            let want = if kept {
                heading.to_string()
            } else {
                Period::FirstHalf.actual_heading()
            };
            assert_eq!(written, &want, "{heading}");
        }
    }
}

/// The results to confirm (要確認) come back with the first half's column: a second half read
/// back from its table or workbook asks about the same 予定 results (it asked about none, and
/// the next survey locked them as the first half's).
#[test]
fn the_results_to_confirm_come_back_from_a_later_periods_export() {
    let texts =
        |r: &Report| -> Vec<String> { results_to_confirm(r).into_iter().map(|c| c.text).collect() };
    for to in [RolloverTo::SecondHalf, RolloverTo::FullYear] {
        let later = rolled(&seed().report, to, "later");
        assert_eq!(texts(&later).len(), 3, "{to:?}");
        for (format, encoding) in EXPORTS {
            let again = crate::exported_and_read(&later, format, encoding);
            assert_eq!(
                texts(&again),
                texts(&later),
                "{to:?} {format:?} {encoding:?}"
            );
        }
    }
}

/// A result carried over to confirm and confirmed in this half with this half's months
/// (「（8月～10月予定）」 → 「（8月～12月）」) is written in this period's 実績 column, not under
/// the first half's heading, and reads back as this half's.
#[test]
fn a_result_confirmed_in_this_half_is_written_as_this_halfs() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    use shinchoku::model::entry_text::read_entry;
    let mut later = rolled(&seed().report, RolloverTo::SecondHalf, "second half");
    // One marked 予定 as a whole (not in a sub-item).
    let top_level = |r: &Report, id| {
        (r.initiatives().flat_map(|i| i.topics.iter())).any(|t| t.actual.iter().any(|e| e.id == id))
    };
    let first = (results_to_confirm(&later).into_iter())
        .find(|c| top_level(&later, c.id))
        .unwrap();
    let entry = later.entry_mut(first.id).unwrap();
    let done = entry.text.replace("予定", "").replace("10月", "12月");
    *entry = shinchoku::model::Entry {
        id: entry.id,
        reports: entry.reports.clone(),
        ..read_entry(&done, entry.bullet, &mut Vec::new())
    };
    assert!(later.confirmed_in_this_half(later.entry(first.id).unwrap()));
    let table = export_bytes(&later, Format::Table, Encoding::Utf8).unwrap();
    let table = String::from_utf8(table).unwrap();
    let header = table.lines().find(|l| l.starts_with("番号")).unwrap();
    let column = header
        .split('\t')
        .position(|h| h.starts_with("上半期実績"))
        .unwrap();
    let row = table.lines().find(|l| l.contains(done.as_str())).unwrap();
    let cell = row
        .split('\t')
        .position(|c| c.contains(done.as_str()))
        .unwrap();
    assert_ne!(cell, column, "{done} in the first half's column");
    for (format, encoding) in EXPORTS {
        let again = crate::exported_and_read(&later, format, encoding);
        let back = (again.initiatives().flat_map(|i| i.topics.iter()))
            .flat_map(|t| t.actual.iter())
            .find(|e| e.text == done)
            .unwrap();
        assert!(again.earlier_period_of(back.id).is_none(), "{format:?}");
    }
}

/// A full-year workbook nobody edited opens without a word: the line under its title
/// (「平成29年度（2017年度）　通期(4月～3月)　2017年9月30日 時点」) is the period and the date, as the
/// halves' are (it was kept unread and said, and said again by every later export).
#[test]
fn a_full_year_workbook_opens_without_a_word() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    let full = rolled(&seed().report, RolloverTo::FullYear, "full year");
    let bytes = export_bytes(&full, Format::Xlsx, Encoding::Utf8).unwrap();
    let (again, warnings) = shinchoku::import::import_any(&bytes, None).unwrap();
    let said: Vec<String> = warnings.iter().map(|w| w.describe(Lang::En)).collect();
    assert!(said.is_empty(), "{said:?}");
    assert!(again.unread.is_empty());
    assert_eq!(again.as_of, full.as_of);
}

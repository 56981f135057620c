//! The review of answers taken in (issue 22, items 3–5): every listed change shows what it
//! was and what it would be, an equal text is no change, an answer sent again changes nothing,
//! another division's collected results are safe from anyone else's answer, and results dated
//! outside the period are taken as written with a warning.

use chrono::{NaiveDate, NaiveDateTime};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::WarningKind;
use shinchoku::model::{Id, Period, Report, Side};
use shinchoku::survey::answer::{Answer, Refusal, answer_from_report, answer_from_workbook};
use shinchoku::survey::send::Survey;
use shinchoku::survey::{self, ConflictKind, collect, entries_text, topics_of, workbook};

use crate::{seed, type_into_workbook};

const 推進課: &str = "総務部行財政改革推進課";
const 総務課: &str = "総務部総務課";
const 人事課: &str = "総務部人事課";

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

fn due() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2017, 10, 13)
}

fn master() -> Document {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let plan = Survey::new(doc.report(), due(), "", at(2, 9).date()).unwrap();
    doc.perform(plan.intent(at(2, 9))).unwrap();
    doc
}

fn response(master: &Report, division: &str) -> Document {
    Document::new(
        survey::response_for(master, division, due(), ""),
        Origin::Sample,
        Vec::new(),
    )
}

fn answer(doc: Document, file: &str) -> Result<Answer, (String, Refusal)> {
    Ok(answer_from_report(doc.report().clone(), file.into()).unwrap())
}

fn topic_headed(report: &Report, heading: &str) -> Id {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.heading.as_deref() == Some(heading))
        .unwrap_or_else(|| panic!("a topic <{heading}>"))
        .id
}

// 3. The review shows what changes.

/// A division that unprotected its workbook and changed the plan: the held-back change says
/// the plan as it is and as the answer would have it.
#[test]
fn a_held_back_plan_change_shows_the_old_and_the_new_plan() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let old = entries_text(&master.report().topic(topic).unwrap().plan);
    let new = old.replace(
        "ポータルサイトの運用、充実(通年)",
        "ポータルサイトの運用(通年)",
    );
    let r = survey::response_for(master.report(), 推進課, due(), "");
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), &old, &new);
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10, 9));
    assert_eq!(c.conflicts().len(), 1);
    let said = c.conflicts()[0].describe(Lang::Ja);
    assert!(said.contains("年次計画を変更"), "{said}");
    assert!(
        said.contains("「・ポータルサイトの運用、充実(通年) / ・研修やメルマガ等による職員への周知(通年)」 → 「・ポータルサイトの運用(通年) / ・研修やメルマガ等による職員への周知(通年)」"),
        "{said}"
    );
    assert!(c.conflicts()[0].acceptable());
}

/// Entries numbered anew or read differently but written the same are no change: nothing is
/// listed, in the conflicts or in the change list.
#[test]
fn a_change_whose_old_and_new_text_are_equal_is_not_listed() {
    let master = master();
    let mut r = survey::response_for(master.report(), 総務課, due(), "");
    let own = topics_of(&r, 総務課)[0];
    let t = r.topic_mut(own).unwrap();
    for e in t.plan.iter_mut() {
        e.id = Id(e.id.0 + 50_000);
    }
    t.actual[0].label.push_str("（読み方違い）");
    let c = collect(
        master.report(),
        vec![Ok(answer_from_report(r, "総務課.ron".into()).unwrap())],
        at(10, 9),
    );
    assert!(c.conflicts().is_empty(), "{:?}", c.conflicts());
    assert!(c.taken[0].changed_topics.is_empty());
    assert!(c.taken[0].difference.is_none());
}

// 4. An identical re-submission is not an edit.

/// Initiative 4 is shared by three divisions. 総務課 answers and is taken in; then 推進課, whose
/// response still holds 総務課's results as they were sent, answers — twice, the same answer.
#[test]
fn an_answer_sent_again_changes_nothing_and_never_touches_another_divisions_results() {
    let mut master = master();
    let theirs = topic_headed(master.report(), "組織体制・運営の検討");
    let mine = topic_headed(master.report(), "みえ成果向上サイクルの見直し");
    let response_of_mine = response(master.report(), 推進課);

    let mut soumu = response(master.report(), 総務課);
    soumu
        .perform(Intent::AddEntry {
            topic: theirs,
            side: Side::Actual,
            text: "組織定数調整方針案の作成(9月)".into(),
        })
        .unwrap();
    let c = collect(
        master.report(),
        vec![answer(soumu, "総務課.ron")],
        at(10, 9),
    );
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let collected = master.report().topic(theirs).unwrap().actual.clone();
    assert!(entries_text(&collected).contains("組織定数調整方針案の作成(9月)"));

    let mut suishin = response_of_mine;
    suishin
        .perform(Intent::AddEntry {
            topic: mine,
            side: Side::Actual,
            text: "政策体系図の周知(9月)".into(),
        })
        .unwrap();
    let first = collect(
        master.report(),
        vec![answer(
            Document::new(suishin.report().clone(), Origin::Sample, Vec::new()),
            "推進課.ron",
        )],
        at(11, 9),
    );
    assert!(first.conflicts().is_empty(), "{:?}", first.conflicts());
    assert_eq!(first.taken[0].changed_topics, vec![mine]);
    master.perform(first.intent(&[]).unwrap()).unwrap();
    let after_first = master.report().clone();

    let again = collect(
        master.report(),
        vec![answer(suishin, "推進課.ron")],
        at(12, 9),
    );
    assert!(again.conflicts().is_empty(), "{:?}", again.conflicts());
    assert!(again.taken[0].resubmission);
    assert!(again.taken[0].changed_topics.is_empty());
    assert!(again.taken[0].difference.is_none(), "no change to list");
    master.perform(again.intent(&[]).unwrap()).unwrap();
    assert_eq!(master.report().sections, after_first.sections);
    assert_eq!(master.report().topic(theirs).unwrap().actual, collected);
}

/// An answer that does change another division's results (edited by other means than
/// Shinchoku): listed with both texts, and ticking it takes nothing.
#[test]
fn another_divisions_results_changed_in_an_answer_are_listed_and_never_taken() {
    let mut master = master();
    let theirs = topic_headed(master.report(), "組織体制・運営の検討");
    let before = master.report().topic(theirs).unwrap().actual.clone();
    let mut r = survey::response_for(master.report(), 推進課, due(), "");
    r.topic_mut(theirs).unwrap().actual.clear();
    let c = collect(
        master.report(),
        vec![Ok(answer_from_report(r, "推進課.ron".into()).unwrap())],
        at(10, 9),
    );
    assert_eq!(c.conflicts().len(), 1);
    let x = &c.conflicts()[0];
    assert!(matches!(x.kind, ConflictKind::OtherDivisionResults { .. }));
    assert!(!x.acceptable());
    let said = x.describe(Lang::Ja);
    assert!(
        said.contains("総務部総務課") && said.contains("現行組織の課題"),
        "{said}"
    );
    master.perform(c.intent(&[0]).unwrap()).unwrap();
    assert_eq!(master.report().topic(theirs).unwrap().actual, before);
}

/// The office changes a plan after sending; an answer that still holds the plan as it was
/// sent does not change it back, nor is it listed.
#[test]
fn a_plan_the_office_changed_after_sending_is_not_an_answers_change() {
    let mut master = master();
    let topic = topic_headed(master.report(), "組織体制・運営の検討");
    let r = response(master.report(), 総務課);
    let plan = master.report().topic(topic).unwrap().plan[0].id;
    master
        .perform(Intent::SetEntryText {
            id: plan,
            text: "現行組織の課題・対応案の検討(4月～10月)".into(),
        })
        .unwrap();
    let c = collect(master.report(), vec![answer(r, "総務課.ron")], at(10, 9));
    assert!(c.conflicts().is_empty(), "{:?}", c.conflicts());
}

// 5. Months outside the period.

#[test]
fn a_result_in_october_in_a_first_half_report_is_taken_with_a_warning() {
    let mut master = master();
    assert_eq!(master.report().period, Period::FirstHalf);
    let topic = topic_headed(master.report(), "組織体制・運営の検討");
    let mut r = response(master.report(), 総務課);
    for text in [
        "組織定数調整方針の策定（10月）",
        "組織定数調整（8月～10月予定）",
        "組織定数の点検（R1.6月）",
        "職員説明会を6月に開催",
        // A month naming a thing is no date of the work: not read as its months, and the
        // result is said to have none written.
        "平成30年4月施行の条例の周知",
        "6月補正予算の編成",
    ] {
        r.perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: text.into(),
        })
        .unwrap();
    }
    let c = collect(master.report(), vec![answer(r, "総務課.ron")], at(10, 9));
    let review = crate::described_ja(&c.warnings);
    assert_eq!(review.len(), 5, "{review:?}");
    assert!(
        review[0].contains("組織定数調整方針の策定（10月）")
            && review[0].contains("平成29年度上半期(4月～9月)")
            && review[0].contains("総務課.ron"),
        "{review:?}"
    );
    // June, but of FY2019: the year written is another than the report's.
    assert!(
        review[1].contains("「組織定数の点検（R1.6月）」の時期「R1.6月」は報告期間（平成29年度"),
        "{review:?}"
    );
    // A month outside any bracket is not read: said, not passed over.
    assert!(
        review[2].contains("「職員説明会を6月に開催」の時期「6月」が読めません（括弧の外"),
        "{review:?}"
    );
    for (k, text) in [(3, "平成30年4月施行の条例の周知"), (4, "6月補正予算の編成")]
    {
        assert!(
            review[k].contains(&format!(
                "「{text}」には時期（(6月) のような括弧の月）が書かれていません"
            )),
            "{review:?}"
        );
    }
    assert!(matches!(
        c.warnings[0].warning.kind,
        WarningKind::MonthsOutsidePeriod { .. }
    ));
    // Said in the review before anything is taken, and on opening the file after: in words
    // of neither time (it said 「書かれたまま取り込みました」 before the office chose).
    let said = c.warnings[0].describe(Lang::Ja);
    assert!(said.ends_with("の外です。書かれたまま残します"), "{said}");
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let actual = entries_text(&master.report().topic(topic).unwrap().actual);
    assert!(
        actual.contains("組織定数調整方針の策定（10月）"),
        "taken as written"
    );
    let check: Vec<String> = shinchoku::model::check::warnings(master.report())
        .iter()
        .map(|w| w.describe(Lang::En))
        .collect();
    assert!(
        check.iter().any(|w| w.contains("（10月）")
            && w.contains("first half")
            && w.contains("initiative 4 <組織体制・運営の検討>, results")),
        "{check:?}"
    );
    assert!(!check.iter().any(|w| w.contains("8月～10月予定")));
}

/// 差戻し is for an answer, with a reason.
#[test]
fn sending_back_needs_an_answer_and_a_reason() {
    let mut master = master();
    let send_back = |note: &str| Intent::SendBack {
        division: 人事課.into(),
        at: at(11, 9),
        note: note.into(),
    };
    let e = master
        .perform(send_back("数値を確認してください"))
        .unwrap_err();
    assert!(e.describe(Lang::Ja).contains("まだ回答していません"), "{e}");
    // A division the survey was never sent to (a name mistyped) was said not to have answered.
    let e = (master.perform(Intent::SendBack {
        division: "総務部推進課".into(),
        at: at(11, 9),
        note: "確認してください".into(),
    }))
    .unwrap_err();
    let ja = e.describe(Lang::Ja);
    assert!(ja.contains("「総務部推進課」には照会していません"), "{ja}");
    assert!(
        ja.contains(人事課),
        "the divisions surveyed are named: {ja}"
    );
    let c = collect(
        master.report(),
        vec![answer(response(master.report(), 人事課), "人事課.ron")],
        at(10, 9),
    );
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let e = master.perform(send_back("  ")).unwrap_err();
    assert!(e.describe(Lang::Ja).contains("理由"), "{e}");
    master.perform(send_back("数値を確認してください")).unwrap();
    assert!(
        master
            .report()
            .survey_of(人事課)
            .unwrap()
            .sent_back
            .is_some()
    );
}

// A long result listed: the review shows the change, not the whole text.

/// A division answers with a 100,000-character result, then changes one word in its middle. The
/// review lists each change in a line of a few hundred characters — the start of the new
/// result, then the part around the changed word — with the whole length; what is taken in is
/// the whole text. (A 10 MB result listed whole made the window's review a gigabyte of glyphs
/// and `collect` print ten megabytes of one line.)
#[test]
fn a_long_result_is_listed_around_its_change_and_taken_whole() {
    let mut master = master();
    let theirs = topic_headed(master.report(), "組織体制・運営の検討");
    let long = |word: &str| {
        let filler = "各部局との意見交換を重ね、課題を整理した。".repeat(2_500);
        format!("組織定数調整方針案の作成(9月){filler}{word}{filler}")
    };
    let listed_lines = |c: &shinchoku::survey::Collection| -> Vec<String> {
        let diff = c.taken[0].difference.as_ref().expect("a difference");
        shinchoku::compare::change_list(diff, Lang::Ja)
            .into_iter()
            .map(|l| l.text)
            .collect()
    };
    let mut soumu = response(master.report(), 総務課);
    soumu
        .perform(Intent::AddEntry {
            topic: theirs,
            side: Side::Actual,
            text: long("（参加職員312名）"),
        })
        .unwrap();
    let c = collect(
        master.report(),
        vec![answer(soumu, "総務課.ron")],
        at(10, 9),
    );
    let lines = listed_lines(&c);
    let added = lines.iter().find(|l| l.contains("実績を追加")).unwrap();
    assert!(
        added.contains("組織定数調整方針案の作成(9月)各部局との"),
        "{added}"
    );
    assert!(added.contains("（全105026字）"), "{added}");
    assert!(lines.iter().all(|l| l.chars().count() < 400), "{lines:?}");
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let taken = entries_text(&master.report().topic(theirs).unwrap().actual);
    assert!(taken.contains(&long("（参加職員312名）")));

    let mut again = response(master.report(), 総務課);
    let id = again
        .report()
        .topic(theirs)
        .unwrap()
        .actual
        .iter()
        .find(|e| e.text.starts_with("組織定数調整方針案の作成(9月)各部局"))
        .unwrap()
        .id;
    again
        .perform(Intent::SetEntryText {
            id,
            text: long("（参加職員320名）"),
        })
        .unwrap();
    let c = collect(
        master.report(),
        vec![answer(again, "総務課.ron")],
        at(11, 9),
    );
    let lines = listed_lines(&c);
    let changed = lines.iter().find(|l| l.contains("実績を変更")).unwrap();
    assert!(
        changed.contains("（参加職員312名）") && changed.contains("（参加職員320名）"),
        "{changed}"
    );
    assert!(changed.contains("…"), "{changed}");
    assert!(lines.iter().all(|l| l.chars().count() < 800), "{lines:?}");
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let taken = entries_text(&master.report().topic(theirs).unwrap().actual);
    assert!(taken.contains(&long("（参加職員320名）")));
}

/// A result with a line break is one line of a change list, its lines joined with ` / `: the
/// list's next line is never a piece of a text.
#[test]
fn a_change_list_shows_a_text_with_a_line_break_on_one_line() {
    let before = seed().report;
    let mut doc = Document::new(before.clone(), Origin::Sample, Vec::new());
    let topic = topic_headed(doc.report(), "ポータルサイトの構築");
    let id = doc.report().topic(topic).unwrap().actual[0].id;
    doc.perform(Intent::SetEntryText {
        id,
        text: "職員アンケートの実施(5月)\n回答率は8割".into(),
    })
    .unwrap();
    let diff = shinchoku::compare::diff(&before, doc.report());
    let lines: Vec<String> = shinchoku::compare::change_list(&diff, Lang::Ja)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(lines.iter().all(|l| !l.contains('\n')), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("職員アンケートの実施(5月) / 回答率は8割")),
        "{lines:#?}"
    );
}

/// New months with a note beside them (`(6月)` → `(7月、全庁に通知)`) change the text as well as
/// the months: the change says both, not the months alone.
#[test]
fn new_months_with_a_note_beside_them_are_a_change_of_text_and_months() {
    let before = seed().report;
    let mut doc = Document::new(before.clone(), Origin::Sample, Vec::new());
    let topic = topic_headed(doc.report(), "ポータルサイトの構築");
    let id = doc.report().topic(topic).unwrap().actual[1].id;
    assert_eq!(
        doc.report().entry(id).unwrap().text,
        "職員向けメルマガにおける周知(6月)"
    );
    doc.perform(Intent::SetEntryText {
        id,
        text: "職員向けメルマガにおける周知(7月、全庁に通知)".into(),
    })
    .unwrap();
    let diff = shinchoku::compare::diff(&before, doc.report());
    let changed = serde_json::to_value(&diff.changes[0]).unwrap();
    assert_eq!(changed["kind"], "entry_changed", "{changed}");
    assert_eq!(
        changed["aspects"],
        serde_json::json!(["text", "months"]),
        "{changed}"
    );
}

/// The office corrects a result it took in (312名 → 321名); the division then sends the same
/// answer again, as a workbook or as a response file. That is no change: the correction stays.
#[test]
fn the_same_answer_sent_again_keeps_the_offices_correction() {
    const TYPED: &str = "職員向けメルマガにおける周知(6月)（参加職員312名）";
    let topic_of = |r: &Report| topic_headed(r, "ポータルサイトの構築");
    // As a workbook, cell by cell.
    let master = master();
    let topic = topic_of(master.report());
    let old = entries_text(&master.report().topic(topic).unwrap().actual);
    let new = old.replace("職員向けメルマガにおける周知(6月)", TYPED);
    let r = survey::response_for(master.report(), 推進課, due(), "");
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), &old, &new);
    let book = || answer_from_workbook(&typed, "推進課.xlsx".into()).map_err(|e| ("x".into(), e));
    corrected_then_sent_again(master, topic, &book);

    // As a response file.
    let master = self::master();
    let topic = topic_of(master.report());
    let mut answer_doc = response(master.report(), 推進課);
    let id = answer_doc.report().topic(topic).unwrap().actual[1].id;
    answer_doc
        .perform(Intent::SetEntryText {
            id,
            text: TYPED.into(),
        })
        .unwrap();
    let file = answer_doc.report().clone();
    let ron = || Ok(answer_from_report(file.clone(), "推進課.ron".into()).unwrap());
    corrected_then_sent_again(master, topic, &ron);
}

/// Takes `answer` in, corrects its second result of `topic` as the office would (312名 →
/// 321名), takes the same answer in again: nothing changes, the correction stays.
fn corrected_then_sent_again(
    mut master: Document,
    topic: Id,
    answer: &dyn Fn() -> Result<Answer, (String, Refusal)>,
) {
    let first = collect(master.report(), vec![answer()], at(10, 9));
    master.perform(first.intent(&[]).unwrap()).unwrap();
    let id = master.report().topic(topic).unwrap().actual[1].id;
    assert!(
        master
            .report()
            .entry(id)
            .unwrap()
            .text
            .ends_with("（参加職員312名）")
    );
    let corrected = "職員向けメルマガにおける周知(6月)（参加職員321名）";
    master
        .perform(Intent::SetEntryText {
            id,
            text: corrected.into(),
        })
        .unwrap();
    let again = collect(master.report(), vec![answer()], at(11, 9));
    assert!(
        again.taken[0].changed_topics.is_empty(),
        "{:?}",
        again.taken[0]
    );
    master.perform(again.intent(&[]).unwrap()).unwrap();
    assert_eq!(master.report().entry(id).unwrap().text, corrected);
}

/// A plan line dated in another fiscal year (`(H30.6)` in an FY2017 report) is shown in this
/// year's months, and `check` says so (it turned 遅れ without a word).
#[test]
fn a_plan_line_of_another_year_is_warned_about() {
    let mut master = master();
    let topic = topic_headed(master.report(), "組織体制・運営の検討");
    let plan = master.report().topic(topic).unwrap().plan[0].id;
    master
        .perform(Intent::SetEntryText {
            id: plan,
            text: "条例の施行(H30.6)".into(),
        })
        .unwrap();
    let check: Vec<String> = shinchoku::model::check::warnings(master.report())
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(
        check
            .iter()
            .any(|w| w.contains("「条例の施行(H30.6)」の時期「H30.6」は報告期間（平成29年度")),
        "{check:?}"
    );
}

/// `check` of a report table says what `check` of the same report as a `.ron` says of its
/// months: a result outside the period (the table was quiet, the `.ron` warned).
#[test]
fn check_of_a_table_warns_of_months_outside_the_period_as_of_a_ron() {
    let table = crate::SEED.replacen(
        "職員向けメルマガにおける周知(6月)",
        "職員向けメルマガにおける周知(10月)",
        1,
    );
    assert_ne!(table, crate::SEED);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.tsv");
    std::fs::write(&path, &table).unwrap();
    let opened = shinchoku::open_report(&path).unwrap();
    let said = crate::described_ja(&opened.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("「職員向けメルマガにおける周知(10月)」の時期「10月」は報告期間")),
        "{said:?}"
    );
}

/// A division that moves its last result to the top, or writes a result without its `・`,
/// changes the published table: the review lists each, with what it was and what it is. Both
/// were counted as 「見出し1件の実績を変更」 and then listed as 「変更はありません」.
#[test]
fn results_put_in_another_order_or_written_without_their_bullet_are_listed() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let review = |edit: &dyn Fn(&mut Vec<shinchoku::model::Entry>)| {
        let mut r = survey::response_for(master.report(), 推進課, due(), "");
        let mut results: Vec<_> = r.topic(topic).unwrap().actual.to_vec();
        edit(&mut results);
        r.topic_mut(topic).unwrap().actual = results.into_iter().collect();
        let a = answer_from_report(r, "推進課.ron".into()).unwrap();
        let c = collect(master.report(), vec![Ok(a)], at(10, 9));
        assert_eq!(c.taken[0].changed_topics, vec![topic]);
        let diff = c.taken[0].difference.as_ref().expect("a change to list");
        shinchoku::compare::change_list(diff, Lang::Ja)
            .into_iter()
            .map(|l| l.text)
            .collect::<Vec<_>>()
    };
    let first = master.report().topic(topic).unwrap().actual[0].text.clone();
    assert!(master.report().topic(topic).unwrap().actual[0].bullet);

    let moved = review(&|results| results.rotate_left(1));
    assert!(
        moved.iter().any(|l| l.contains("実績の順序を変更")
            && l.contains(&first)
            && l.contains("1番目 → 3番目")),
        "{moved:#?}"
    );
    let told = moved.iter().filter(|l| l.contains("順序")).count();
    assert_eq!(
        told, 1,
        "the one result moved, not the two after it: {moved:#?}"
    );

    let plain = review(&|results| results[0].bullet = false);
    assert!(
        plain
            .iter()
            .any(|l| l.contains(&format!("・{first} → {first}"))),
        "{plain:#?}"
    );
}

/// A stage changed in a `.ron` answer: the held-back change names the action item, as two
/// items of initiative 4 have the same stages (「28年度～31年度 → 随時実施」). It named the
/// initiative alone.
#[test]
fn a_held_back_stage_change_names_its_action_item() {
    let master = master();
    let mut r = survey::response_for(master.report(), 人事課, due(), "");
    let four = r.find_initiative("4").unwrap().id;
    let item = r
        .initiative_mut(four)
        .unwrap()
        .items
        .iter_mut()
        .find(|x| x.name == "弾力的な勤務形態の検討")
        .expect("item 25");
    item.lanes[0][0].source = "→ 順次実施".into();
    let a = answer_from_report(r, "人事課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10, 9));
    let said: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::Ja)).collect();
    assert!(
        said.iter()
            .any(|s| s.contains("取組4: 取組項目「□弾力的な勤務形態の検討」の工程を変更")),
        "{said:#?}"
    );
}

/// Two answers of one division in one collection (its `.ron`, then its workbook): the later is
/// taken, and the results only the earlier wrote are named as not taken — they were dropped
/// with only 「…を置き換えました」 said.
#[test]
fn results_only_in_an_answer_replaced_in_the_same_collection_are_named() {
    let master = master();
    let topic = topic_headed(master.report(), "弾力的な勤務形態の検討");
    let mut ron = response(master.report(), 人事課);
    ron.perform(Intent::AddEntry {
        topic,
        side: Side::Actual,
        text: "テレワークの試行（9月　2回）".into(),
    })
    .unwrap();
    let c = ron_then_workbook(&master, ron, topic);
    assert_eq!(c.taken.len(), 1);
    assert_eq!(c.taken[0].file, "人事課.xlsx");
    assert_eq!(c.taken[0].replaces, vec!["人事課.ron".to_string()]);
    assert_eq!(
        c.taken[0].dropped,
        vec!["・テレワークの試行（9月　2回）".to_string()]
    );
}

/// The replaced answer worked on (a line added) and holding the sent lines as they were, one
/// of which the taken answer rewrote: only the replaced answer's own line is named as not
/// taken. The sent line was named too, and the office retyping it put the old text back
/// beside the division's rewrite.
#[test]
fn a_sent_line_the_replaced_answer_left_as_it_was_is_not_named_as_dropped() {
    let master = master();
    let topic = topic_headed(master.report(), "弾力的な勤務形態の検討");
    let sent = survey::response_for(master.report(), 人事課, due(), "");
    let book = with_a_line_added(master.report(), &sent, topic);
    let mut ron = response(master.report(), 人事課);
    let first = ron.report().topic(topic).unwrap().actual[0].clone();
    ron.perform(Intent::SetEntryText {
        id: first.id,
        text: "労使で検討(4月～5月)".into(),
    })
    .unwrap();
    let c = collect(
        master.report(),
        vec![
            Ok(answer_from_workbook(&book, "人事課.xlsx".into()).unwrap()),
            answer(ron, "人事課.ron"),
        ],
        at(10, 9),
    );
    assert_eq!(c.taken[0].file, "人事課.ron");
    let dropped = &c.taken[0].dropped;
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    assert!(
        !dropped.contains(&format!("・{}", first.text)),
        "{dropped:?}"
    );
}

/// The same two answers the other way round: the workbook as sent (bringing nothing) after the
/// `.ron` that changes a result. The `.ron` is taken, and nothing is said to be dropped — the
/// workbook's lines are the master's. Its old lines were listed as 「取り込まない実績」.
#[test]
fn an_answer_that_brings_nothing_replaced_drops_nothing() {
    let master = master();
    let topic = topic_headed(master.report(), "弾力的な勤務形態の検討");
    let mut ron = response(master.report(), 人事課);
    let first = ron.report().topic(topic).unwrap().actual[0].id;
    ron.perform(Intent::SetEntryText {
        id: first,
        text: "労使で検討(4月～5月)".into(),
    })
    .unwrap();
    let sent = survey::response_for(master.report(), 人事課, due(), "");
    let book = workbook::write(&sent).unwrap();
    let c = collect(
        master.report(),
        vec![
            answer(ron, "人事課.ron"),
            Ok(answer_from_workbook(&book, "人事課.xlsx".into()).unwrap()),
        ],
        at(10, 9),
    );
    assert_eq!(c.taken[0].file, "人事課.ron");
    assert_eq!(c.taken[0].replaces, vec!["人事課.xlsx".to_string()]);
    assert!(c.taken[0].dropped.is_empty(), "{:?}", c.taken[0].dropped);
}

/// A division's workbook with a changed result is taken in; later, its response file as it was
/// sent (untouched) is collected too: it says nothing of the results, and the result taken
/// stays. It put the old result back, listed as 「（再提出）… 実績を変更」.
#[test]
fn an_untouched_response_collected_later_keeps_what_was_taken() {
    let mut master = master();
    let topic = topic_headed(master.report(), "弾力的な勤務形態の検討");
    let sent = survey::response_for(master.report(), 人事課, due(), "");
    let book = with_a_line_added(master.report(), &sent, topic);
    let first = collect(
        master.report(),
        vec![Ok(
            answer_from_workbook(&book, "人事課.xlsx".into()).unwrap()
        )],
        at(10, 9),
    );
    master.perform(first.intent(&[]).unwrap()).unwrap();
    let taken = master.report().topic(topic).unwrap().actual.clone();
    assert!(entries_text(&taken).contains("職員アンケートの実施(9月)"));

    let later = collect(
        master.report(),
        vec![Ok(answer_from_report(sent, "人事課.ron".into()).unwrap())],
        at(11, 9),
    );
    assert!(
        later.taken[0].changed_topics.is_empty(),
        "{:?}",
        later.taken[0]
    );
    assert!(later.taken[0].difference.is_none());
    master.perform(later.intent(&[]).unwrap()).unwrap();
    assert_eq!(master.report().topic(topic).unwrap().actual, taken);
}

/// The workbook of response `sent` with 「・職員アンケートの実施(9月)」 typed as a new line at the
/// end of topic `topic`'s results cell, as Excel saves it.
/// 人事課's `.ron` answer, then its workbook with a line added under `topic` (the later, taken),
/// collected together.
fn ron_then_workbook(master: &Document, ron: Document, topic: Id) -> survey::collect::Collection {
    let sent = survey::response_for(master.report(), 人事課, due(), "");
    let book = with_a_line_added(master.report(), &sent, topic);
    collect(
        master.report(),
        vec![
            answer(ron, "人事課.ron"),
            Ok(answer_from_workbook(&book, "人事課.xlsx".into()).unwrap()),
        ],
        at(10, 9),
    )
}

fn with_a_line_added(master: &Report, sent: &Report, topic: Id) -> Vec<u8> {
    let cell = entries_text(&master.topic(topic).unwrap().actual);
    type_into_workbook(
        &workbook::write(sent).unwrap(),
        &cell,
        &format!("{cell}\n・職員アンケートの実施(9月)"),
    )
}

/// A result whose space became a no-break space (pasted from a web page): the review shows
/// which character changed, by its code point, on both sides; they read the same before.
#[test]
fn a_change_of_a_space_alone_shows_the_characters_that_changed() {
    let master = master();
    let mut r = response(master.report(), 人事課);
    let (id, text) = {
        let e = r
            .report()
            .initiatives()
            .flat_map(|i| i.topics.iter())
            .flat_map(|t| t.actual.iter())
            .find(|e| e.text.contains("平成 29 年度"))
            .expect("a result written with spaces");
        (e.id, e.text.clone())
    };
    let nbsp = text.replacen("平成 29", "平成\u{A0}29", 1);
    r.perform(Intent::SetEntryText { id, text: nbsp }).unwrap();
    let c = collect(master.report(), vec![answer(r, "人事課.ron")], at(10, 9));
    let diff = c.taken[0].difference.as_ref().expect("listed");
    let said: Vec<String> = shinchoku::compare::change_list(diff, Lang::Ja)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(
        said.iter().any(|l| l.contains("平成<U+0020>29")
            && l.contains("→")
            && l.contains("平成<U+00A0>29")),
        "{said:#?}"
    );
}

/// A long result broken in two in its cell with Alt+Enter before its bracket: two lines, the
/// first a result without months (said, with how to write it: it was taken without a word),
/// the second a bracket alone, which the report's format reads as a status line (as
/// `(H28 年度達成済、継続実施)`).
#[test]
fn a_result_broken_before_its_months_is_said_line_by_line() {
    let master = master();
    let topic = topic_headed(master.report(), "ポータルサイトの構築");
    let old = entries_text(&master.report().topic(topic).unwrap().actual);
    let new = old.replace(
        "・職員向けメルマガにおける周知(6月)",
        "・職員向けメルマガにおける周知\n（参加職員312名）",
    );
    assert_ne!(old, new);
    let r = survey::response_for(master.report(), 推進課, due(), "");
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), &old, &new);
    let a = answer_from_workbook(&typed, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10, 9));
    let review = crate::described_ja(&c.warnings);
    assert!(
        review
            .iter()
            .any(|w| w.contains("「職員向けメルマガにおける周知」には時期")),
        "{review:?}"
    );
    assert!(
        review
            .iter()
            .any(|w| w.contains("「職員向けメルマガにおける周知」")
                && w.contains("1行にまとめてください")),
        "{review:?}"
    );
}

/// A division's response file with a sub-item's text changed alone (as a script or a text
/// editor changes it: the entry's text still holds the old one), read from disk as `collect`
/// reads it: the sub-item arrives, listed. Reading the entry's text again on opening the file
/// had put the old sub-item back, unsaid.
#[test]
fn a_sub_item_changed_alone_in_a_response_file_arrives() {
    let old = "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月予定)";
    let new = "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～)";
    let (c, subs) = sub_item_edited_in_a_response_file(old, new);
    let listed = listed_ja(&c);
    assert!(listed.iter().any(|l| l.contains("(9月～)")), "{listed:?}");
    assert!(
        subs.contains(&new.to_string()) && !subs.contains(&old.to_string()),
        "{subs:?}"
    );
}

/// A note added after a sub-item's months in a response file (「(9月)（全職員に通知）」): the
/// sub-item reads as before (its months, its label), so only what was sent tells that it is
/// the edit and the entry's text the old one. It was dropped, unsaid (「見出し0件の実績を変更」).
#[test]
fn a_note_added_to_a_sub_item_in_a_response_file_arrives() {
    let (old, new) = (
        "懲戒処分基準の明確化(9月)",
        "懲戒処分基準の明確化(9月)（全職員に通知）",
    );
    let (c, subs) = sub_item_edited_in_a_response_file(old, new);
    let listed = listed_ja(&c);
    assert!(
        listed.iter().any(|l| l.contains(&format!("{old} → {new}"))),
        "{listed:?}"
    );
    assert!(
        subs.contains(&new.to_string()) && !subs.contains(&old.to_string()),
        "{subs:?}"
    );
    let review = crate::described_ja(&c.warnings);
    assert!(
        !review.iter().any(|w| w.contains("文から読み直しました")),
        "the edit taken is no reading again: {review:?}"
    );
}

/// A result's stored months changed in a response file (`when: Some("4月～6月")`), its text
/// still saying 4月～5月: the text is the truth and is taken — and that is said in the review
/// (it was taken without a word, the division's months gone).
/// The 人事課's response written to disk with `old` replaced by `new` on the line holding
/// `line` (a stored reading edited in a text editor), read and collected as `collect` reads it:
/// what the review says, in Japanese.
fn stored_months_edited(line: &str, old: &str, new: &str) -> Vec<String> {
    let master = master();
    let r = survey::response_for(master.report(), 人事課, due(), "");
    let written = shinchoku::store::to_ron(&r);
    let edited: String = (written.split_inclusive('\n'))
        .map(|l| match l.contains(line) {
            true => l.replace(old, new),
            false => l.to_string(),
        })
        .collect();
    assert_ne!(written, edited);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("人事課.ron");
    std::fs::write(&path, edited).unwrap();
    let answer = survey::read_answer(&path).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    crate::described_ja(&c.warnings)
}

#[test]
fn months_changed_beside_an_unchanged_text_in_a_response_file_are_said() {
    // The result's line, not a plan line's of the same months (the plan is the office's).
    let review = stored_months_edited(
        "労使で検討(4月～5月)\"",
        "when: Some(\"4月～5月\")",
        "when: Some(\"4月～6月\")",
    );
    assert!(
        review
            .iter()
            .any(|w| w.contains("時期「4月～6月」") && w.contains("文から読み直しました")),
        "{review:?}"
    );
}

/// The same edit to another division's result in the 人事課's response is not said: that
/// result is not taken (its change is held), yet it was said as read again from its text.
#[test]
fn months_changed_beside_another_divisions_result_are_not_said_as_read_again() {
    let r = survey::response_for(master().report(), 人事課, due(), "");
    let others = r.initiatives().flat_map(|i| {
        (i.topics.iter())
            .filter(|t| !shinchoku::model::answering::topic_divisions(i, t).contains(&人事課))
            .flat_map(|t| t.actual.iter())
    });
    let other = others
        .filter(|e| e.when.is_some() && e.subs.is_empty())
        .last()
        .expect("another division's result with months")
        .clone();
    let when = format!("when: Some({:?})", other.when.clone().unwrap());
    let line = format!("text: {:?}", other.text);
    let review = stored_months_edited(&line, &when, "when: Some(\"3月\")");
    assert!(
        !review.iter().any(|w| w.contains("文から読み直しました")),
        "{review:?}"
    );
}

/// The 人事課's response with the sub-item `old` changed to `new` alone (as a script or a text
/// editor changes it: the entry's text still holds the old one), written and read from disk
/// as `collect` reads it, collected and taken: the collection, and the master's sub-items
/// after. Reading the entry's text again on opening the file had put the old sub-item back.
fn sub_item_edited_in_a_response_file(old: &str, new: &str) -> (survey::Collection, Vec<String>) {
    let master = master();
    let mut r = survey::response_for(master.report(), 人事課, due(), "");
    let sub = r
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.topics.iter_mut())
        .flat_map(|t| t.actual.iter_mut())
        .flat_map(|e| e.subs.iter_mut())
        .find(|s| s.text == old)
        .expect("the sub-item as sent");
    sub.text = new.to_string();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("人事課.ron");
    std::fs::write(&path, shinchoku::store::to_ron(&r)).unwrap();
    let answer = survey::read_answer(&path).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    let mut taken = master;
    taken.perform(c.intent(&[]).unwrap()).unwrap();
    let subs = taken
        .report()
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .flat_map(|e| e.subs.iter())
        .map(|s| s.text.clone())
        .collect();
    (c, subs)
}

/// The other way round: the result's text rewritten where a sub-item stands (a text editor
/// changing 「懲戒処分基準の明確化(9月)」 to 「懲戒処分基準の明確化・公表(9月)」 in `text:`), the
/// sub-items beside it left as they were. The text is the edit and arrives, listed; rebuilding
/// it from the old sub-items had dropped it, unsaid (「見出し0件の実績を変更」).
#[test]
fn a_result_rewritten_around_its_old_sub_items_in_a_response_file_arrives() {
    let master = master();
    let r = survey::response_for(master.report(), 人事課, due(), "");
    let (old, new) = (
        "懲戒処分基準の明確化(9月)",
        "懲戒処分基準の明確化・公表(9月)",
    );
    let written = shinchoku::store::to_ron(&r);
    let start = written
        .find(&format!("(9月) {old} "))
        .expect("the entry's text")
        + "(9月) ".len();
    let mut edited = written.clone();
    edited.replace_range(start..start + old.len(), new);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("人事課.ron");
    std::fs::write(&path, edited).unwrap();
    let answer = survey::read_answer(&path).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    let listed = listed_ja(&c);
    assert!(
        listed.iter().any(|l| l.contains(&format!("{old} → {new}"))),
        "{listed:?}"
    );
    let mut taken = master;
    taken.perform(c.intent(&[]).unwrap()).unwrap();
    let entry = taken
        .report()
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .find(|e| e.text.contains(new))
        .expect("the text as rewritten");
    let subs: Vec<&str> = entry.subs.iter().map(|s| s.text.as_str()).collect();
    assert!(subs.contains(&new) && !subs.contains(&old), "{subs:?}");
}

/// The review's lines of the first answer taken, in Japanese.
fn listed_ja(c: &survey::Collection) -> Vec<String> {
    c.taken[0]
        .difference
        .as_ref()
        .map(|d| shinchoku::compare::change_list(d, Lang::Ja))
        .unwrap_or_default()
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// A division's first answer that changes nothing (the file as sent): taken and the division
/// counted as answered, as before — and said, since collecting the folder the survey wrote
/// marked every division 回答済 without a word. A second answer as sent is not said so again.
#[test]
fn a_first_answer_that_changes_nothing_is_said_to_be_as_sent() {
    use shinchoku::model::diag::WarningKind;
    let master = master();
    let sent = survey::response_for(master.report(), 人事課, due(), "");
    let book = workbook::write(&sent).unwrap();
    let c = collect(
        master.report(),
        vec![Ok(
            answer_from_workbook(&book, "人事課.xlsx".into()).unwrap()
        )],
        at(10, 9),
    );
    assert_eq!(c.taken.len(), 1);
    let unchanged: Vec<String> = (c.warnings.iter())
        .filter(|w| matches!(w.warning.kind, WarningKind::AnswerUnchanged))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert_eq!(unchanged.len(), 1, "{unchanged:?}");
    assert!(
        unchanged[0].contains("取り込む変更はありません"),
        "{unchanged:?}"
    );
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let again = collect(
        master.report(),
        vec![Ok(
            answer_from_workbook(&book, "人事課.xlsx".into()).unwrap()
        )],
        at(10, 10),
    );
    assert!(
        !again
            .warnings
            .iter()
            .any(|w| matches!(w.warning.kind, WarningKind::AnswerUnchanged))
    );
}

/// A line the replaced answer added under one topic in the words of a result standing under
/// another: it is the replaced answer's own, named as not taken (it went unnamed when lines
/// standing anywhere in the master were passed over).
#[test]
fn a_line_added_in_words_standing_under_another_topic_is_named_as_dropped() {
    let master = master();
    let topic = topic_headed(master.report(), "弾力的な勤務形態の検討");
    let elsewhere = (master.report().initiatives().flat_map(|i| i.topics.iter()))
        .find(|t| t.id != topic && !t.actual.is_empty())
        .map(|t| t.actual[0].text.clone())
        .unwrap();
    let mut ron = response(master.report(), 人事課);
    ron.perform(Intent::AddEntry {
        topic,
        side: Side::Actual,
        text: elsewhere.clone(),
    })
    .unwrap();
    let c = ron_then_workbook(&master, ron, topic);
    assert_eq!(c.taken[0].file, "人事課.xlsx");
    assert!(
        c.taken[0].dropped.contains(&format!("・{elsewhere}")),
        "{:?}",
        c.taken[0].dropped
    );
}

/// A response that renames its topic's heading (held for the office) and adds a result whose
/// stored reading differs from its text: what reading it again says names the topic as the
/// master has it — it named the new heading, a topic the master does not have.
#[test]
fn what_reading_an_answer_says_names_the_masters_heading() {
    let master = master();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("人事課.ron");
    let sent = survey::response_for(master.report(), 人事課, due(), "");
    shinchoku::store::save(&path, &sent).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let old = r#"heading: Some("弾力的な勤務形態の検討"),"#;
    assert!(text.contains(old));
    let text = text.replacen(old, r#"heading: Some("弾力的な勤務形態の検討・試行"),"#, 1);
    let topic = topic_headed(master.report(), "弾力的な勤務形態の検討");
    let first = sent.topic(topic).unwrap().actual[0].id;
    let anchor = format!("(id: {}, ", first.0);
    let from = text.find(&anchor).unwrap();
    let line_end = from + text[from..].find('\n').unwrap() + 1;
    let added = r#"(id: 9001, bullet: true, text: "テレワークの試行（9月　2回）※対象：本庁職員２０名", label: "テレワークの試行", when: Some("9月")),"#;
    let text = format!("{}{added}\n{}", &text[..line_end], &text[line_end..]);
    std::fs::write(&path, text).unwrap();
    let answer = survey::read_answer(&path).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10, 9));
    let said: Vec<String> = (c.warnings.iter()).map(|w| w.describe(Lang::Ja)).collect();
    let read_again: Vec<&String> = said
        .iter()
        .filter(|w| w.contains("文から読み直しました"))
        .collect();
    assert!(!read_again.is_empty(), "{said:#?}");
    assert!(
        read_again
            .iter()
            .all(|w| w.contains("<弾力的な勤務形態の検討> 実績") && !w.contains("・試行")),
        "{read_again:#?}"
    );
}

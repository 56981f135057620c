//! The survey cycle on the seed: one response per 担当課, scope of a response, answers taken
//! back from `.ron` and `.xlsx`, conflicts, refusals, re-submission, undo, 提出状況, and the
//! report identity (schema 4) on old files.

use std::io::Read;

use chrono::{NaiveDate, NaiveDateTime};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::{EditError, Intent, TopicName};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::{Period, Report, ReportId, Side};
use shinchoku::store;
use shinchoku::survey::ConflictKind;
use shinchoku::survey::answer::{Answer, answer_from_report, answer_from_workbook};
use shinchoku::survey::status::{Standing, StatusKey, sort_rows, to_csv};
use shinchoku::survey::{
    self, OutOfScope, Refusal, collect, editable, entries_text, status_rows, topics_of, workbook,
};

use crate::{seed, type_into_workbook};

const 管財課: &str = "総務部管財課";
const 人事課: &str = "総務部人事課";
const 総務課: &str = "総務部総務課";

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

fn due() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 10, 13).unwrap()
}

/// The seed as the master, the survey sent to every division on 2 October, due the 13th.
fn master() -> Document {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let divisions = survey::divisions(doc.report());
    doc.perform(Intent::MarkSent {
        divisions,
        at: at(2, 9),
        due: Some(due()),
        tokens: Default::default(),
    })
    .expect("marking sent applies");
    doc
}

fn response(master: &Report, division: &str) -> Document {
    Document::new(
        survey::response_for(master, division, Some(due()), "10月13日までに回答願います"),
        Origin::Sample,
        Vec::new(),
    )
}

/// The first topic of a division that has results.
fn with_results(report: &Report, division: &str) -> shinchoku::model::Id {
    topics_of(report, division)
        .into_iter()
        .find(|&t| !report.topic(t).unwrap().actual.is_empty())
        .expect("the division has a topic with results")
}

/// A topic with results of another division, in an initiative holding one of `division`'s
/// (initiative 4 of the seed is shared by three divisions), and that division.
fn neighbour(report: &Report, division: &str) -> (shinchoku::model::Id, String) {
    report
        .initiatives()
        .filter(|i| {
            i.topics
                .iter()
                .any(|t| topics_of(report, division).contains(&t.id))
        })
        .flat_map(|i| i.topics.iter().map(move |t| (i, t)))
        .find_map(|(i, t)| {
            let d = survey::topic_divisions(i, t);
            (!d.contains(&division) && !t.actual.is_empty()).then(|| (t.id, d[0].to_string()))
        })
        .expect("a shared initiative")
}

fn ok(answer: Answer) -> Result<Answer, (String, Refusal)> {
    Ok(answer)
}

/// Every topic's results texts, by topic id.
fn results(report: &Report) -> Vec<(u64, String)> {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .map(|t| (t.id.0, entries_text(&t.actual)))
        .collect()
}

/// The topics whose results differ between two reports.
fn changed_topics(a: &Report, b: &Report) -> Vec<u64> {
    results(a)
        .into_iter()
        .zip(results(b))
        .filter(|(x, y)| x != y)
        .map(|(x, _)| x.0)
        .collect()
}

#[test]
fn a_survey_of_the_seed_gives_one_response_per_division_each_editing_only_its_topics() {
    let master = master().into_report();
    let responses = survey::responses(&master, Some(due()), "");
    let names: Vec<&str> = responses.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(
        names,
        [
            "地域連携部情報システム課",
            "総務部人事課",
            "総務部福利厚生課",
            "総務部税務企画課",
            "総務部管財課",
            "総務部総務課",
            "総務部行財政改革推進課",
            "総務部財政課"
        ]
    );
    let all_topics: Vec<_> = master
        .initiatives()
        .flat_map(|i| i.topics.iter().map(|t| t.id))
        .collect();
    let mut covered = 0;
    for (division, r) in &responses {
        let marker = r.response.as_ref().expect("marked as a response");
        assert_eq!(&marker.division, division);
        assert_eq!(marker.report, master.id);
        assert_eq!(marker.due, Some(due()));
        assert!(r.survey.is_empty(), "other divisions' status is not sent");
        let own = topics_of(&master, division);
        assert!(!own.is_empty(), "{division} has topics");
        let editable: Vec<_> = all_topics
            .iter()
            .copied()
            .filter(|&t| editable(r, t))
            .collect();
        assert_eq!(editable, own, "{division}");
        covered += own.len();
        // Its initiatives are there whole (other divisions' topics in them for context), the
        // others left out.
        for i in master.initiatives() {
            let holds_own = i.topics.iter().any(|t| own.contains(&t.id));
            match r.initiative(i.id) {
                Some(sent) => assert!(holds_own && sent == i, "{division}: {}", i.number),
                None => assert!(!holds_own, "{division}: {}", i.number),
            }
        }
    }
    assert_eq!(
        covered,
        all_topics.len(),
        "every topic goes to one division"
    );
    assert!(all_topics.iter().all(|&t| editable(&master, t)));
}

#[test]
fn a_response_refuses_edits_outside_its_divisions_results_and_stays_a_response() {
    let master = master().into_report();
    let mut doc = response(&master, 総務課);
    let own = topics_of(&master, 総務課)[0];
    let (other, other_division) = neighbour(&master, 総務課);
    let before = doc.report().clone();

    // Its own results: allowed.
    doc.perform(Intent::AddEntry {
        topic: own,
        side: Side::Actual,
        text: "公用車の共同利用の試行(9月)".into(),
    })
    .expect("a result of its own topic can be added");

    let refused = |doc: &mut Document, intent| match doc.perform(intent) {
        Err(EditError::OutOfScope { division, reason }) => {
            assert_eq!(division, 総務課);
            reason
        }
        other => panic!("expected out of scope, got {other:?}"),
    };
    let plan = doc.report().topic(own).unwrap().plan[0].id;
    assert_eq!(
        refused(
            &mut doc,
            Intent::SetEntryText {
                id: plan,
                text: "計画を書き換える".into()
            }
        ),
        OutOfScope::Plan {
            topic: TopicName::of(doc.report(), own)
        }
    );
    assert_eq!(
        refused(
            &mut doc,
            Intent::AddEntry {
                topic: other,
                side: Side::Actual,
                text: "他課の実績".into()
            }
        ),
        OutOfScope::OtherDivision {
            topic: TopicName::of(doc.report(), other),
            division: Some(other_division.clone())
        }
    );
    let other_result = doc.report().topic(other).unwrap().actual[0].id;
    assert!(matches!(
        refused(&mut doc, Intent::RemoveEntry { id: other_result }),
        OutOfScope::OtherDivision { .. }
    ));
    assert_eq!(
        refused(&mut doc, Intent::SetPeriod(Period::SecondHalf)),
        OutOfScope::NotResults
    );
    let initiative = doc.report().initiative_of_topic(own).unwrap().id;
    assert_eq!(
        refused(
            &mut doc,
            Intent::SetInitiativeTitle {
                id: initiative,
                title: "別の取組名".into()
            }
        ),
        OutOfScope::NotResults
    );
    let message = doc
        .perform(Intent::SetTopicHeading {
            id: own,
            heading: "見出し".into(),
        })
        .unwrap_err();
    assert!(
        message
            .describe(Lang::Ja)
            .contains("総務部総務課への回答用ファイルでは変更できません")
    );
    assert!(
        message
            .describe(Lang::En)
            .contains("only results can be changed")
    );

    // Only the one allowed edit happened.
    assert_eq!(changed_topics(&before, doc.report()), vec![own.0]);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("総務部総務課.ron");
    doc.save_to(&path).unwrap();
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.report().response, before.response);
    assert_eq!(reopened.report(), doc.report());
}

#[test]
fn a_refusal_names_the_topic_by_its_heading_and_the_division_never_by_its_id() {
    let master = master().into_report();
    let mut doc = response(&master, 総務課);
    let own = topics_of(&master, 総務課)[0];
    let (other, other_division) = neighbour(&master, 総務課);
    let heading = |t| doc.report().topic(t).unwrap().heading.clone().unwrap();
    let (own_heading, other_heading) = (heading(own), heading(other));
    let plan = doc.report().topic(own).unwrap().plan[0].id;
    let plan_edit = Intent::SetEntryText {
        id: plan,
        text: "計画を書き換える".into(),
    };
    let ja = doc
        .perform(plan_edit.clone())
        .unwrap_err()
        .describe(Lang::Ja);
    assert_eq!(
        ja,
        format!(
            "{総務課}への回答用ファイルでは変更できません: \
             見出し<{own_heading}>の年次計画は変更できません（実績のみ）"
        )
    );
    let en = doc.perform(plan_edit).unwrap_err().describe(Lang::En);
    assert!(
        en.contains(&format!("the plan of the topic <{own_heading}>")),
        "{en}"
    );
    let other_edit = Intent::AddEntry {
        topic: other,
        side: Side::Actual,
        text: "他課の実績".into(),
    };
    let ja = doc.perform(other_edit).unwrap_err().describe(Lang::Ja);
    assert!(
        ja.ends_with(&format!(
            "見出し<{other_heading}>は{other_division}の担当です"
        )),
        "{ja}"
    );
    assert!(!ja.contains('#'), "no internal id: {ja}");
}

#[test]
fn an_answer_in_ron_changes_the_master_in_exactly_its_topics_as_one_undoable_step() {
    let mut master = master();
    let before = master.report().clone();
    let own = topics_of(&before, 管財課);
    let mut answer = response(&before, 管財課);
    for (k, &topic) in own.iter().enumerate() {
        answer
            .perform(Intent::AddEntry {
                topic,
                side: Side::Actual,
                text: format!("未利用財産の売却手続き{k}(9月)"),
            })
            .unwrap();
    }
    let edited = answer.report().topic(own[0]).unwrap().actual[0].clone();
    answer
        .perform(Intent::SetEntryText {
            id: edited.id,
            text: format!("{}（訂正）", edited.text),
        })
        .unwrap();

    let answer = answer_from_report(answer.report().clone(), "総務部管財課.ron".into()).unwrap();
    let collection = collect(&before, vec![ok(answer.clone())], at(10, 15));
    assert!(collection.refused.is_empty() && collection.conflicts().is_empty());
    assert_eq!(collection.taken.len(), 1);
    assert_eq!(
        collection.taken[0].changed_topics, own,
        "the division's topics"
    );
    assert!(!collection.taken[0].resubmission);
    master.perform(collection.intent(&[]).unwrap()).unwrap();

    let ids: Vec<u64> = own.iter().map(|t| t.0).collect();
    assert_eq!(changed_topics(&before, master.report()), ids);
    let AnswerContentReport(answered) = answer_report(&answer);
    for &t in &own {
        assert_eq!(
            entries_text(&master.report().topic(t).unwrap().actual),
            entries_text(&answered.topic(t).unwrap().actual)
        );
    }
    // Everything else is as it was: plans, other topics, stages.
    for (a, b) in before.initiatives().zip(master.report().initiatives()) {
        assert_eq!(a.items, b.items);
        for (x, y) in a.topics.iter().zip(&b.topics) {
            assert_eq!(x.plan, y.plan);
            if !own.contains(&x.id) {
                assert_eq!(x, y);
            }
        }
    }
    // An edited result keeps its id; results added get ids of the master.
    assert_eq!(
        master.report().topic(own[0]).unwrap().actual[0].id,
        edited.id
    );
    let received = master.report().survey_of(管財課).unwrap().received.clone();
    assert_eq!(received.unwrap().file, "総務部管財課.ron");
    // Saved and read again (by the quick reader or, if it declines, by ron): the same master,
    // survey records and dates included.
    let again = store::from_ron(&store::to_ron(master.report())).unwrap();
    assert_eq!(again, *master.report());

    assert!(master.undo());
    assert_eq!(*master.report(), before, "undo restores the master exactly");
}

/// The content of an answer read from a `.ron`.
struct AnswerContentReport<'a>(&'a Report);

fn answer_report(answer: &Answer) -> AnswerContentReport<'_> {
    match &answer.content {
        survey::answer::AnswerContent::Report(r) => AnswerContentReport(r),
        _ => panic!("a .ron answer"),
    }
}

#[test]
fn the_workbook_is_protected_but_for_the_answer_cells_and_reads_back_exactly() {
    let master = master().into_report();
    for (division, r) in survey::responses(&master, Some(due()), "連絡") {
        let bytes = workbook::write(&r).unwrap();
        let read = workbook::read(&bytes).unwrap();
        assert_eq!(read.response.division, division);
        assert_eq!(read.response.report, master.id);
        assert_eq!(read.response.due, Some(due()));
        let topics: Vec<_> = read.rows.iter().map(|row| row.topic).collect();
        assert_eq!(topics, topics_of(&master, &division));
        for row in &read.rows {
            let t = master.topic(row.topic).unwrap();
            assert_eq!(row.results, entries_text(&t.actual));
            assert_eq!(row.plan, entries_text(&t.plan));
            // The text read back is the same results (ids and links aside).
            let again = survey::entries_from_text(&row.results);
            assert_eq!(again.len(), t.actual.len());
            for (a, b) in again.iter().zip(&t.actual) {
                assert_eq!(
                    (&a.text, a.bullet, &a.timing, &a.counts, a.kind),
                    (&b.text, b.bullet, &b.timing, &b.counts, b.kind)
                );
            }
        }
        // Unchanged, it changes nothing.
        let answer = answer_from_workbook(&bytes, survey::file_name(&division, "xlsx")).unwrap();
        let c = collect(&master, vec![ok(answer)], at(10, 9));
        assert!(c.taken[0].changed_topics.is_empty() && c.conflicts().is_empty());
    }
    let r = survey::response_for(&master, 人事課, None, "");
    let bytes = workbook::write(&r).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains("<sheetProtection"), "the sheet is protected");
    assert!(
        sheet.contains("<sheetProtection password="),
        "with a password"
    );
    assert!(
        sheet.contains("fitToWidth") || sheet.contains("fitToPage"),
        "print setup"
    );
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(
        styles.contains("locked=\"0\""),
        "the answer cells are unlocked"
    );
    let mut book = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut book)
        .unwrap();
    assert!(
        book.contains("state=\"veryHidden\""),
        "the survey sheet is very hidden (not listed by Excel's Unhide)"
    );
}

#[test]
fn results_typed_into_the_workbook_change_the_master_in_exactly_that_topic() {
    let mut master = master();
    let before = master.report().clone();
    let r = survey::response_for(&before, 人事課, Some(due()), "");
    let topic = with_results(&before, 人事課);
    let old = entries_text(&before.topic(topic).unwrap().actual);
    let new = format!("{old}\n・管理職向け研修の実施(2回・40名受講)(9月)");
    let typed = type_into_workbook(&workbook::write(&r).unwrap(), &old, &new);

    let answer = answer_from_workbook(&typed, "総務部人事課.xlsx".into()).unwrap();
    let c = collect(&before, vec![ok(answer)], at(11, 10));
    assert!(c.conflicts().is_empty() && c.refused.is_empty());
    assert_eq!(c.taken[0].changed_topics, vec![topic]);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(changed_topics(&before, master.report()), vec![topic.0]);
    let actual = &master.report().topic(topic).unwrap().actual;
    assert_eq!(entries_text(actual), new);
    let added = actual.last().unwrap();
    let read = shinchoku::model::entry_text::read_entry(
        "管理職向け研修の実施(2回・40名受講)(9月)",
        true,
        &mut Vec::new(),
    );
    assert_eq!(
        (&added.timing, &added.counts, &added.label),
        (&read.timing, &read.counts, &read.label),
        "months and counts read from the typed text as from the table"
    );
    assert!(added.timing.is_some() && !added.counts.is_empty());
    // The results already there keep their ids and links.
    let old_list = &before.topic(topic).unwrap().actual;
    assert_eq!(&actual[..old_list.len()], &old_list[..]);
    assert!(store::from_ron(&store::to_ron(master.report())).is_ok());
    assert!(master.undo());
    assert_eq!(*master.report(), before);
}

#[test]
fn plan_texts_and_other_divisions_topics_are_conflicts_and_change_nothing_until_accepted() {
    let mut master = master();
    let before = master.report().clone();
    let own = topics_of(&before, 総務課)[0];
    let (other, other_division) = neighbour(&before, 総務課);
    // A division that edited the file by other means than Shinchoku's response window.
    let mut answer = survey::response_for(&before, 総務課, Some(due()), "");
    answer.topic_mut(own).unwrap().plan[0].text = "計画を勝手に変更".into();
    answer.topic_mut(other).unwrap().actual.clear();
    let answer = answer_from_report(answer, "総務部総務課.ron".into()).unwrap();

    let c = collect(&before, vec![ok(answer.clone())], at(10, 10));
    let kinds: Vec<_> = c.conflicts().iter().map(|x| x.kind.clone()).collect();
    assert!(kinds.contains(&ConflictKind::Plan { topic: own }));
    assert!(kinds.contains(&ConflictKind::OtherDivisionResults {
        topic: other,
        division: Some(other_division.clone())
    }));
    assert_eq!(kinds.len(), 2);
    // Another division's results are listed, with what they were and would be, but only
    // that division's own answer changes them.
    for x in c.conflicts() {
        assert_eq!(
            x.acceptable(),
            !matches!(x.kind, ConflictKind::OtherDivisionResults { .. })
        );
    }
    let plan = c
        .conflicts()
        .iter()
        .find(|x| matches!(x.kind, ConflictKind::Plan { .. }))
        .unwrap();
    let said = plan.describe(Lang::Ja);
    assert!(said.contains("→ 「・計画を勝手に変更"), "{said}");
    assert!(
        c.conflicts()[0]
            .describe(Lang::Ja)
            .contains("総務部総務課.ron")
    );

    // Taken without them: only the received record changes.
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(master.report().sections, before.sections);
    assert!(
        master
            .report()
            .survey_of(総務課)
            .unwrap()
            .received
            .is_some()
    );

    // Accepted: the plan text and the other division's results are taken.
    let k = kinds
        .iter()
        .position(|k| matches!(k, ConflictKind::Plan { .. }))
        .unwrap();
    master.perform(c.accept_intent(k).unwrap()).unwrap();
    assert_eq!(
        master.report().topic(own).unwrap().plan[0].text,
        "計画を勝手に変更"
    );
    assert_eq!(
        master.report().topic(other).unwrap().actual,
        before.topic(other).unwrap().actual
    );
    let mut all = Document::new(before.clone(), Origin::Sample, Vec::new());
    let c = collect(&before, vec![ok(answer)], at(10, 10));
    all.perform(c.intent(&[0, 1]).unwrap()).unwrap();
    assert_eq!(
        all.report().topic(other).unwrap().actual,
        before.topic(other).unwrap().actual,
        "ticking it takes nothing"
    );
    assert!(all.undo());
    assert_eq!(*all.report(), before);
}

#[test]
fn answers_for_another_report_another_period_or_an_unasked_division_are_refused() {
    let master = master().into_report();
    let mut other = survey::response_for(&shinchoku::synthetic::large_report(12), 管財課, None, "");
    other.response.as_mut().unwrap().division = 管財課.into();
    let another_report = answer_from_report(other, "別の報告.ron".into()).unwrap();

    let mut later = survey::response_for(&master, 管財課, None, "");
    later.response.as_mut().unwrap().period = Period::SecondHalf;
    let another_period = answer_from_report(later, "下半期.ron".into()).unwrap();

    let unasked_master = seed().report;
    let unasked = answer_from_report(
        survey::response_for(&unasked_master, 人事課, None, ""),
        "人事課.ron".into(),
    )
    .unwrap();

    let c = collect(
        &master,
        vec![ok(another_report), ok(another_period)],
        at(10, 10),
    );
    assert!(c.taken.is_empty() && c.intent(&[]).is_none());
    assert!(matches!(c.refused[0].1, Refusal::AnotherReport { .. }));
    assert!(matches!(c.refused[1].1, Refusal::AnotherPeriod { .. }));
    assert!(
        c.refused[0]
            .1
            .describe(Lang::Ja)
            .contains("別の報告への回答です")
    );
    assert!(c.refused[1].1.describe(Lang::En).contains("another period"));

    let c = collect(&unasked_master, vec![ok(unasked)], at(10, 10));
    assert_eq!(
        c.refused[0].1,
        Refusal::NotAsked {
            division: 人事課.into()
        }
    );
    let not_a_response = answer_from_report(master.clone(), "master.ron".into());
    assert_eq!(not_a_response.unwrap_err(), Refusal::NotAResponse);
    let junk = answer_from_workbook(b"not a workbook", "x.xlsx".into()).unwrap_err();
    assert!(matches!(
        junk,
        Refusal::Workbook(workbook::WorkbookProblem::NotAWorkbook(_))
    ));
    assert!(
        junk.describe(Lang::Ja)
            .starts_with("Excelのブックとして読めません")
    );
    // An Excel workbook that is not a response (the report's own export).
    let export = shinchoku::export::xlsx::to_xlsx(&master, &mut Vec::new()).unwrap();
    assert_eq!(
        answer_from_workbook(&export, "進捗.xlsx".into()).unwrap_err(),
        Refusal::Workbook(workbook::WorkbookProblem::NoSurveySheet)
    );
}

#[test]
fn a_resubmission_replaces_the_earlier_answer_and_shows_the_difference() {
    let mut master = master();
    let topic = topics_of(master.report(), 管財課)[0];
    let answer_with = |master: &Report, text: &str| {
        let mut doc = response(master, 管財課);
        doc.perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: text.into(),
        })
        .unwrap();
        answer_from_report(doc.report().clone(), "総務部管財課.ron".into()).unwrap()
    };
    let first = answer_with(master.report(), "庁舎の修繕計画の策定(8月)");
    let c = collect(master.report(), vec![ok(first)], at(10, 9));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let after_first = master.report().clone();

    // The corrected answer: made from the first response, with the text corrected.
    let mut doc = response(master.report(), 管財課);
    let added = doc.report().topic(topic).unwrap().actual.last().unwrap().id;
    doc.perform(Intent::SetEntryText {
        id: added,
        text: "庁舎の修繕計画の策定(9月)".into(),
    })
    .unwrap();
    let second =
        answer_from_report(doc.report().clone(), "総務部管財課（訂正）.ron".into()).unwrap();
    let c = collect(master.report(), vec![ok(second)], at(12, 9));
    let taken = &c.taken[0];
    assert!(taken.resubmission);
    let diff = taken.difference.as_ref().unwrap();
    let lines: Vec<String> = shinchoku::compare::change_list(diff, Lang::En)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("庁舎の修繕計画の策定(8月)") && l.contains("(9月)")),
        "{lines:?}"
    );
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let actual = &master.report().topic(topic).unwrap().actual;
    assert_eq!(actual.last().unwrap().text, "庁舎の修繕計画の策定(9月)");
    assert_eq!(actual.len(), after_first.topic(topic).unwrap().actual.len());
    let received = master
        .report()
        .survey_of(管財課)
        .unwrap()
        .received
        .clone()
        .unwrap();
    assert_eq!(
        (received.count, received.file.as_str()),
        (2, "総務部管財課（訂正）.ron")
    );

    // Two answers of one division in one collection: the later replaces the earlier.
    let a = answer_with(&after_first, "A案(9月)");
    let mut b = a.clone();
    b.file = "後の回答.ron".into();
    let c = collect(&after_first, vec![ok(a.clone()), ok(b.clone())], at(12, 9));
    assert_eq!(c.taken.len(), 1);
    assert_eq!(c.taken[0].replaces, ["総務部管財課.ron"]);
    // Three: the last replaces both, and names both.
    let mut third = a.clone();
    third.file = "三度目の回答.ron".into();
    let c = collect(&after_first, vec![ok(a), ok(b), ok(third)], at(12, 9));
    assert_eq!(c.taken.len(), 1);
    assert_eq!(c.taken[0].replaces, ["総務部管財課.ron", "後の回答.ron"]);
}

/// Two answer files of one division read in one collection: the newer file is taken and
/// the older named as replaced, whatever the order they were given in (`*.ron *.xlsx` took the
/// older workbook over a newer response file, its words lost with only a "replaced").
#[test]
fn of_two_answer_files_of_one_division_the_newer_is_taken_whatever_their_order() {
    let master = master();
    let topic = topics_of(master.report(), 管財課)[0];
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str, minutes_ago: u64| {
        let mut doc = response(master.report(), 管財課);
        doc.perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: text.into(),
        })
        .unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, shinchoku::store::to_ron(doc.report())).unwrap();
        let when = std::time::SystemTime::now() - std::time::Duration::from_secs(60 * minutes_ago);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(when)
            .unwrap();
        path
    };
    let newer = write("b-newer.ron", "新しい回答(9月)", 1);
    let older = write("a-older.ron", "古い回答(9月)", 30);
    for paths in [
        [newer.clone(), older.clone()],
        [older.clone(), newer.clone()],
    ] {
        let c = survey::collect::collect_files(master.report(), &paths, at(12, 9));
        assert_eq!(c.taken.len(), 1);
        assert_eq!(c.taken[0].replaces, ["a-older.ron"]);
        let mut doc = Document::new(master.report().clone(), Origin::Sample, Vec::new());
        doc.perform(c.intent(&[]).unwrap()).unwrap();
        let texts: Vec<&str> = doc
            .report()
            .topic(topic)
            .unwrap()
            .actual
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert!(texts.contains(&"新しい回答(9月)"), "{texts:?}");
        assert!(!texts.contains(&"古い回答(9月)"), "{texts:?}");
    }
    // A newer file that brings nothing (the response as it was sent, copied into the inbox
    // after the answer) does not replace the answer: it lost the division's results.
    let untouched = dir.path().join("c-untouched.ron");
    let sent = response(master.report(), 管財課);
    std::fs::write(&untouched, shinchoku::store::to_ron(sent.report())).unwrap();
    let c = survey::collect::collect_files(master.report(), &[newer.clone(), untouched], at(12, 9));
    assert_eq!(c.taken.len(), 1);
    assert_eq!(c.taken[0].file, "b-newer.ron");
    assert_eq!(c.taken[0].replaces, ["c-untouched.ron"]);
    // Collected one after the other, the newer first: the older is taken (the office chose
    // to) and said to be older (its change was listed as any re-submission's, no more).
    let c = survey::collect::collect_files(master.report(), &[newer], at(12, 9));
    let mut doc = Document::new(master.report().clone(), Origin::Sample, Vec::new());
    doc.perform(c.intent(&[]).unwrap()).unwrap();
    let c = survey::collect::collect_files(doc.report(), &[older], at(13, 9));
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter()
            .any(|w| w.contains("前に取り込んだ回答「b-newer.ron」") && w.contains("より古い")),
        "{said:?}"
    );
}

/// An answer file whose name holds a line break is named with the break shown by its mark:
/// printed raw, a crafted name could print a line of its own (a fake 「taken:」).
#[test]
fn an_answer_files_name_with_a_line_break_is_shown_with_its_mark() {
    let master = master();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("総務部管財課\ntaken: 偽の行.ron");
    let doc = response(master.report(), 管財課);
    std::fs::write(&path, shinchoku::store::to_ron(doc.report())).unwrap();
    let c = survey::collect::collect_files(master.report(), &[path], at(12, 9));
    assert_eq!(c.taken[0].file, "総務部管財課<LF U+000A>taken: 偽の行.ron");
    // An escape sequence and a byte that is no character (a sender's name, not the office's):
    // marked, as recorded in the master (the ESC was kept raw, and every check of the master
    // warned of it for good).
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"a\xff\x1b[31mb.ron");
        let path = dir.path().join(name);
        std::fs::write(&path, shinchoku::store::to_ron(doc.report())).unwrap();
        let c = survey::collect::collect_files(master.report(), &[path], at(12, 9));
        assert_eq!(c.taken[0].file, "a<FF><ESC U+001B>[31mb.ron");
        let mut taken = master.clone();
        taken.perform(c.intent(&[]).unwrap()).unwrap();
        assert!(shinchoku::model::check::invisible_characters(taken.report()).is_empty());
    }
}

#[test]
fn the_submission_status_shows_sent_received_sent_back_and_overdue() {
    let mut master = master();
    let before_any = status_rows(
        master.report(),
        NaiveDate::from_ymd_opt(2017, 10, 1).unwrap(),
    );
    assert_eq!(before_any.len(), 8);
    assert!(
        before_any
            .iter()
            .all(|r| r.standing == Standing::Sent && !r.overdue)
    );

    let answer = answer_from_report(
        response(master.report(), 管財課).into_report(),
        "総務部管財課.ron".into(),
    )
    .unwrap();
    let jinji = answer_from_report(
        response(master.report(), 人事課).into_report(),
        "総務部人事課.ron".into(),
    )
    .unwrap();
    let c = collect(master.report(), vec![ok(answer), ok(jinji)], at(10, 9));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    master
        .perform(Intent::SendBack {
            division: 人事課.into(),
            at: at(11, 9),
            note: "数値を確認してください".into(),
        })
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2017, 10, 16).unwrap();
    let mut rows = status_rows(master.report(), today);
    let row = |rows: &[survey::StatusRow], d: &str| {
        rows.iter().find(|r| r.division == d).unwrap().clone()
    };
    let kanzai = row(&rows, 管財課);
    assert_eq!(kanzai.standing, Standing::Received);
    assert!(!kanzai.overdue);
    assert_eq!(kanzai.received_file.as_deref(), Some("総務部管財課.ron"));
    assert_eq!((kanzai.with_result, kanzai.topics), (2, 2));
    let jinji = row(&rows, 人事課);
    assert_eq!(jinji.standing, Standing::SentBack);
    assert_eq!(
        jinji.sent_back_note.as_deref(),
        Some("数値を確認してください")
    );
    assert!(jinji.overdue);
    assert_eq!(rows.iter().filter(|r| r.overdue).count(), 7);

    sort_rows(&mut rows, StatusKey::Overdue, false);
    assert!(rows[..7].iter().all(|r| r.overdue));
    assert_eq!(rows[7].division, 管財課);
    let csv = to_csv(&rows, Lang::Ja);
    assert!(csv.starts_with("\u{FEFF}担当課,状況,照会日時,回答期限"));
    assert_eq!(csv.lines().count(), 9);
    assert!(csv.contains(
        "総務部管財課,回答済,2017-10-02 09:00,2017-10-13,2017-10-10 09:00,総務部管財課.ron,1"
    ));

    // Marking sent is not undone (its files are out, and answers are read against it).
    let before = master.report().clone();
    master
        .perform(Intent::MarkSent {
            divisions: vec![人事課.into()],
            at: at(12, 9),
            due: Some(NaiveDate::from_ymd_opt(2017, 10, 20).unwrap()),
            tokens: Default::default(),
        })
        .unwrap();
    assert_eq!(
        master.report().survey_of(人事課).unwrap().due,
        NaiveDate::from_ymd_opt(2017, 10, 20)
    );
    let sent = master.report().clone();
    assert!(matches!(
        master.try_undo(),
        Err(shinchoku::edit::EditError::SurveySent)
    ));
    assert_eq!(*master.report(), sent);
    assert!(*master.report() != before);
}

#[test]
fn a_report_keeps_its_identity_and_older_files_are_given_one() {
    let seed = seed().report;
    assert!(!seed.id.is_unset());
    assert_eq!(
        seed.id,
        ReportId::derive(&seed),
        "import gives the derived identity"
    );

    // A schema-1 file opens, with an identity; saved, it keeps it even when its title changes.
    let old = store::open(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sample-schema1.ron"
    )))
    .expect("a schema-1 file opens");
    assert!(!old.id.is_unset());
    let mut renamed = old.clone();
    renamed.title = "改題".into();
    let reopened = store::from_ron(&store::to_ron(&renamed)).unwrap();
    assert_eq!(reopened.id, old.id);
    assert_ne!(ReportId::derive(&renamed), old.id);

    // A schema-3 file (no identity) is given the same one every time it is opened.
    let text = store::to_ron(&seed)
        .replacen(
            &format!("schema: {},", store::SCHEMA_VERSION),
            "schema: 3,",
            1,
        )
        .replace(&format!("  id: \"{}\",\n", seed.id), "");
    assert!(!text.contains("R-"));
    assert_eq!(store::from_ron(&text).unwrap().id, seed.id);

    // A rollover keeps the identity; the survey starts again.
    let mut surveyed = master().into_report();
    surveyed.id = seed.id.clone();
    let next = shinchoku::compare::rollover(&surveyed, shinchoku::compare::RolloverTo::SecondHalf)
        .unwrap();
    assert_eq!(next.id, seed.id);
    assert!(next.survey.is_empty());
}

#[test]
fn a_large_report_with_many_divisions_goes_out_and_comes_back() {
    let report = shinchoku::synthetic::with_divisions(shinchoku::synthetic::large_report(200), 40);
    // Copied initiatives' results link to their own plan entries (no link to repair).
    assert_eq!(shinchoku::model::validate::violations(&report), vec![]);
    let mut doc = Document::new(report, Origin::Sample, Vec::new());
    let divisions = survey::divisions(doc.report());
    assert_eq!(divisions.len(), 40);
    doc.perform(Intent::MarkSent {
        divisions,
        at: at(2, 9),
        due: None,
        tokens: Default::default(),
    })
    .unwrap();
    let before = doc.report().clone();
    let answers: Vec<_> = survey::responses(&before, None, "")
        .into_iter()
        .map(|(d, mut r)| {
            let t = topics_of(&r, &d)[0];
            r.topic_mut(t).unwrap().actual.clear();
            ok(answer_from_report(r, survey::file_name(&d, "ron")).unwrap())
        })
        .collect();
    let c = collect(&before, answers, at(10, 9));
    assert_eq!(c.taken.len(), 40);
    let conflicts: Vec<String> = c.conflicts().iter().map(|x| x.describe(Lang::En)).collect();
    assert!(conflicts.is_empty(), "{conflicts:?}");
    doc.perform(c.intent(&[]).unwrap()).unwrap();
    assert!(
        status_rows(doc.report(), due())
            .iter()
            .all(|r| r.standing == Standing::Received)
    );
    assert!(doc.undo());
    assert_eq!(*doc.report(), before);
}

#[test]
fn a_response_saved_and_read_again_is_the_same_response() {
    let master = master();
    let r = response(master.report(), 管財課).into_report();
    let again = store::from_ron(&store::to_ron(&r)).unwrap();
    assert_eq!(again, r);
    assert_eq!(again.response.unwrap().due, Some(due()));
}

/// A division answering for 6,100 topics: their ids fill more than the one cell of the
/// workbook's hidden sheet that held them (the library refused the workbook, 「String exceeds
/// Excel's limit」, and the survey stopped). They are written on several rows and read back
/// from all of them: the last topic's row deleted is said.
#[test]
fn a_division_of_thousands_of_topics_gets_a_workbook_and_a_deleted_last_row_is_said() {
    let master = shinchoku::synthetic::with_divisions(shinchoku::synthetic::large_report(3_200), 1);
    let division = "合成部第1課";
    let topics = topics_of(&master, division);
    let ids: usize = topics.iter().map(|t| t.0.to_string().len() + 1).sum();
    assert!(
        ids > 32_767,
        "{} topics, ids of {ids} characters",
        topics.len()
    );
    let r = survey::response_for(&master, division, Some(due()), "");
    assert_eq!(workbook::cell_too_long(&r), None);
    let book = workbook::write(&r).expect("the workbook is written");
    let read = workbook::read(&book).unwrap();
    assert!(read.rows_gone.is_empty(), "{:?}", read.rows_gone);
    assert_eq!(read.rows.len(), topics.len());
    let deleted = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.rfind("<row ").unwrap();
        let end = start + xml[start..].find("</row>").unwrap() + "</row>".len();
        format!("{}{}", &xml[..start], &xml[end..])
    });
    let read = workbook::read(&deleted).unwrap();
    assert_eq!(read.rows_gone, vec![*topics.last().unwrap()]);
}

/// The title above the table longer than a cell holds (a table whose title cell swallowed
/// the rest): the survey refuses the workbook naming the 表題, before anything is written
/// (the library's bare 「String exceeds Excel's limit」 named no cell).
#[test]
fn a_title_longer_than_a_cell_is_named_when_the_workbook_is_refused() {
    let mut master = master().into_report();
    master.title = "行財政改革".repeat(7_000);
    let r = survey::response_for(&master, 人事課, Some(due()), "");
    let long = workbook::cell_too_long(&r).expect("refused");
    assert_eq!(
        (long.column.as_str(), long.initiative.as_str()),
        ("表題", "")
    );
    assert_eq!(long.length, 35_000 + "　回答".chars().count());
    let dir = tempfile::tempdir().unwrap();
    let plan = survey::send::Survey::new(&master, Some(due()), "", at(2, 9).date()).unwrap();
    let sent =
        survey::send::write_responses(&master, dir.path(), survey::send::Formats::Both, &plan);
    let said = sent.unwrap_err().describe(Lang::Ja);
    assert!(said.contains("「表題」は35003文字"), "{said}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

/// Ten thousand short results of the first half, shown apart in the second half's workbook:
/// their text fits a cell but their ids, in the row's hidden cell, do not. The survey named
/// nothing (the library's 「String exceeds Excel's limit」); now the cell is named before
/// anything is written.
#[test]
fn thousands_of_results_shown_apart_are_named_by_their_hidden_cell_when_refused() {
    let mut h1 = seed().report;
    let topic = topics_of(&h1, 人事課)[0];
    let results: Vec<_> = (0..10_000)
        .map(|_| shinchoku::model::entry_text::new_entry(&mut h1, "研").0)
        .collect();
    h1.topic_mut(topic).unwrap().actual = results;
    let h2 = shinchoku::compare::rollover(&h1, shinchoku::compare::RolloverTo::SecondHalf).unwrap();
    let r = survey::response_for(&h2, 人事課, None, "");
    let long = workbook::cell_too_long(&r).expect("refused");
    assert_eq!(long.column, "上半期の実績（参考・変更不可）のID（隠し列）");
    assert!(long.length > 32_767, "{long:?}");
    assert!(workbook::write(&r).is_err(), "Excel could not hold it");
}

/// A topic no 担当課 answers for — its own cleared, in an initiative that names its divisions
/// per topic — goes to nobody in the survey: `check` (and `survey`) say so, naming it. It was
/// left out of every response without a word.
#[test]
fn a_topic_no_division_answers_for_is_said() {
    use shinchoku::lang::{Describe, Lang};
    let mut report = crate::seed().report;
    let seven = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .find(|i| i.number == "7")
        .unwrap();
    assert!(
        seven.divisions.is_empty(),
        "the test's premise: divisions per topic"
    );
    let topic = seven
        .topics
        .iter_mut()
        .find(|t| t.heading.as_deref() == Some("職員提案制度の見直し"))
        .unwrap();
    topic.division = None;
    let said: Vec<String> = shinchoku::model::check::warnings(&report)
        .iter()
        .map(|w| w.kind.describe(Lang::Ja))
        .collect();
    assert!(
        said.iter()
            .any(|w| w.contains("取組7の<職員提案制度の見直し>には担当課がありません")),
        "{said:#?}"
    );
}

/// The answer sent back is collected again as it was (its file last written before the
/// send-back): no correction, so the send-back stands, said — it was cleared, 提出状況 showing
/// 回答済 for the very answer the office had sent back. An answer written after it clears it.
#[test]
fn an_answer_written_before_the_send_back_does_not_clear_it() {
    let mut master = master();
    let sent = response(master.report(), 人事課).into_report();
    let answered = |modified: NaiveDateTime| {
        let mut a = answer_from_report(sent.clone(), "総務部人事課.ron".into()).unwrap();
        a.modified = Some(modified);
        a
    };
    let c = collect(master.report(), vec![ok(answered(at(10, 8)))], at(10, 9));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    master
        .perform(Intent::SendBack {
            division: 人事課.into(),
            at: at(11, 9),
            note: "数値を確認してください".into(),
        })
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2017, 10, 12).unwrap();
    let standing = |m: &Document| {
        let rows = status_rows(m.report(), today);
        rows.iter().find(|r| r.division == 人事課).unwrap().standing
    };
    let c = collect(master.report(), vec![ok(answered(at(10, 8)))], at(12, 9));
    let said: Vec<String> = (c.warnings.iter()).map(|w| w.describe(Lang::Ja)).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("差戻し（2017-10-11 09:00）より前に書かれたもので")),
        "{said:?}"
    );
    if let Some(intent) = c.intent(&[]) {
        master.perform(intent).unwrap();
    }
    assert_eq!(standing(&master), Standing::SentBack);
    // Corrected after it: answered.
    let c = collect(master.report(), vec![ok(answered(at(12, 10)))], at(12, 11));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(standing(&master), Standing::Received);
}

//! A topic two divisions answer for (an initiative naming two 担当課, its topic naming none):
//! each division's answer adds to the results and never removes what the other's answer
//! brought — collected together or one after the other, from workbooks or response files.
//! Before, the later answer's list replaced the topic's results and the earlier division's
//! were gone without a word (the review even listed one as rewritten into the other's).

use shinchoku::document::Document;
use shinchoku::edit::Intent;
use shinchoku::model::{Entry, Id, Report};
use shinchoku::survey::answer::{answer_from_report, answer_from_workbook};
use shinchoku::survey::{self, ConflictKind, collect, entries_text, workbook};

use crate::october as at;
use crate::survey_due as due;
use crate::type_into_workbook;

const 推進課: &str = "総務部行財政改革推進課";
const 総務課: &str = "総務部総務課";
/// Initiative 2's topic ポータルサイトの構築, its results as published.
const FIRST: &str = "ポータルサイトへの掲載内容の追加(5月～)";
const SECOND: &str = "職員向けメルマガにおける周知(6月)";
const THIRD: &str = "「協創」の取組を推進するための職員研修における周知、活用(7月)";
const BY_推進課: &str = "協創ポータルの閲覧数の集計(9月)";
const BY_総務課: &str = "庁内掲示板への掲載(8月)";

fn master() -> Document {
    crate::seed_shared_surveyed()
}

fn portal(report: &Report) -> Id {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.heading.as_deref() == Some("ポータルサイトの構築"))
        .unwrap()
        .id
}

fn results(report: &Report) -> Vec<String> {
    let t = report.topic(portal(report)).unwrap();
    t.actual.iter().map(|e| e.text.clone()).collect()
}

/// The division's workbook with `edit` made to the portal topic's 実績 cell, cell by cell.
fn workbook_answer(master: &Report, division: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let r = survey::response_for(master, division, due(), "");
    let cell = entries_text(&r.topic(portal(&r)).unwrap().actual);
    type_into_workbook(&workbook::write(&r).unwrap(), &cell, &edit(&cell))
}

fn take_workbooks(master: &mut Document, books: &[(&str, &[u8])], day: u32) {
    let answers = books
        .iter()
        .map(|(name, b)| Ok(answer_from_workbook(b, (*name).into()).unwrap()))
        .collect();
    let c = collect(master.report(), answers, at(day));
    assert_eq!(c.taken.len(), books.len(), "{:?}", c.refused);
    master.perform(c.intent(&[]).unwrap()).unwrap();
}

fn added(cell: &str, line: &str) -> String {
    format!("{cell}\n・{line}")
}

#[test]
fn two_divisions_workbooks_collected_together_both_arrive() {
    let mut master = master();
    let a = workbook_answer(master.report(), 推進課, |c| added(c, BY_推進課));
    // 総務課 rewrites one result as well.
    let b = workbook_answer(master.report(), 総務課, |c| {
        added(
            &c.replace(SECOND, "職員向けメルマガにおける周知(6月)（2回）"),
            BY_総務課,
        )
    });
    take_workbooks(&mut master, &[("推進課.xlsx", &a), ("総務課.xlsx", &b)], 10);
    assert_eq!(
        results(master.report()),
        vec![
            FIRST,
            "職員向けメルマガにおける周知(6月)（2回）",
            THIRD,
            BY_推進課,
            BY_総務課
        ]
    );
}

#[test]
fn a_workbook_answered_after_another_divisions_was_taken_keeps_its_results() {
    let mut master = master();
    let a = workbook_answer(master.report(), 推進課, |c| added(c, BY_推進課));
    let b = workbook_answer(master.report(), 総務課, |c| added(c, BY_総務課));
    take_workbooks(&mut master, &[("推進課.xlsx", &a)], 10);
    let c = collect(
        master.report(),
        vec![Ok(answer_from_workbook(&b, "総務課.xlsx".into()).unwrap())],
        at(11),
    );
    // The review says what 総務課 added, not that it rewrote 推進課's result into its own.
    let diff = c.taken[0].difference.as_ref().expect("a change");
    let listed: Vec<String> = diff.changes.iter().map(|ch| format!("{ch:?}")).collect();
    assert!(listed.iter().all(|l| !l.contains(BY_推進課)), "{listed:#?}");
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(
        results(master.report()),
        vec![FIRST, SECOND, THIRD, BY_推進課, BY_総務課]
    );
}

/// Response files edited through the core: 推進課 adds a result; 総務課, answering later from
/// the response it was sent, removes one it was sent and adds its own — the removal held
/// for the office to tick, taken when ticked.
#[test]
fn response_files_answered_one_after_the_other_keep_each_divisions_results() {
    let mut master = master();
    let edit = |division: &str, f: &dyn Fn(&mut Vec<Entry>)| {
        let mut r = survey::response_for(master.report(), division, due(), "");
        let topic = portal(&r);
        let mut list = r.topic(topic).unwrap().actual.clone();
        f(&mut list);
        r.topic_mut(topic).unwrap().actual = list;
        answer_from_report(r, format!("{division}.ron")).unwrap()
    };
    let line = |text: &str, id: u64| Entry {
        id: Id(id),
        ..shinchoku::model::entry_text::read_entry(text, true, &mut Vec::new())
    };
    let a = edit(推進課, &|l| l.push(line(BY_推進課, 9_000_001)));
    let b = edit(総務課, &|l| {
        l.retain(|e| e.text != THIRD);
        l.push(line(BY_総務課, 9_000_002));
    });
    let c = collect(master.report(), vec![Ok(a)], at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let c = collect(master.report(), vec![Ok(b)], at(11));
    // Removing a result of the published report from a topic both answer for is held for the
    // office to tick (whose it is cannot be told); the rest is taken.
    let held: Vec<usize> = (0..c.conflicts().len())
        .filter(|&k| matches!(c.conflicts()[k].kind, ConflictKind::SharedRemoval { .. }))
        .collect();
    assert_eq!(held.len(), 1, "{:?}", c.conflicts());
    let mut unticked = master.report().clone();
    let edit = c
        .intent(&[])
        .unwrap()
        .build(&mut unticked)
        .unwrap()
        .unwrap();
    shinchoku::edit::apply(&mut unticked, edit).unwrap();
    assert_eq!(
        results(&unticked),
        vec![FIRST, SECOND, THIRD, BY_推進課, BY_総務課]
    );
    master.perform(c.intent(&held).unwrap()).unwrap();
    assert_eq!(
        results(master.report()),
        vec![FIRST, SECOND, BY_推進課, BY_総務課]
    );
}

/// A result the office added after the survey went out stays when a division's workbook,
/// answered from what it was sent, comes back with a line of its own.
#[test]
fn a_result_the_office_added_since_sending_stays() {
    let mut master = master();
    let b = workbook_answer(master.report(), 総務課, |c| added(c, BY_総務課));
    let topic = portal(master.report());
    master
        .perform(Intent::AddEntry {
            topic,
            side: shinchoku::model::Side::Actual,
            text: "・事務局による追記(9月)".into(),
        })
        .unwrap();
    take_workbooks(&mut master, &[("総務課.xlsx", &b)], 10);
    assert_eq!(
        results(master.report()),
        vec![FIRST, SECOND, THIRD, "事務局による追記(9月)", BY_総務課]
    );
}

/// Two answers change one plan outside their part — one rewrites a line (a response file
/// edited by hand), the other adds a line (its workbook) — and the office accepts both: both
/// changes are in the plan. Before, the later list replaced the earlier and one change was
/// gone, though both were listed as taken.
#[test]
fn two_answers_changing_one_plan_both_accepted_keep_both_changes() {
    let mut master = master();
    let topic = portal(master.report());
    const LINE: &str = "ポータルサイトの運用、充実(通年)";
    const REWRITTEN: &str = "ポータルサイトの運用、充実(通年)　※推進課の加筆";
    const ADDED: &str = "庁内掲示板の活用(10月～)";

    let mut r = survey::response_for(master.report(), 推進課, due(), "");
    let plan = &mut r.topic_mut(topic).unwrap().plan;
    let line = plan.iter_mut().find(|e| e.text == LINE).unwrap();
    *line = Entry {
        id: line.id,
        ..shinchoku::model::entry_text::read_entry(REWRITTEN, true, &mut Vec::new())
    };
    let a = answer_from_report(r, "推進課.ron".into()).unwrap();

    let rb = survey::response_for(master.report(), 総務課, due(), "");
    let cell = entries_text(&rb.topic(topic).unwrap().plan);
    let book = type_into_workbook(
        &workbook::write(&rb).unwrap(),
        &cell,
        &format!("{cell}\n・{ADDED}"),
    );
    let b = answer_from_workbook(&book, "総務課.xlsx".into()).unwrap();

    let c = collect(master.report(), vec![Ok(a), Ok(b)], at(10));
    let plans: Vec<usize> = (0..c.conflicts().len())
        .filter(|&k| {
            matches!(
                c.conflicts()[k].kind,
                shinchoku::survey::ConflictKind::Plan { .. }
            )
        })
        .collect();
    assert_eq!(plans.len(), 2, "{:#?}", c.conflicts());
    master.perform(c.intent(&plans).unwrap()).unwrap();
    let texts: Vec<String> = master
        .report()
        .topic(topic)
        .unwrap()
        .plan
        .iter()
        .map(|e| e.text.clone())
        .collect();
    assert!(texts.iter().any(|t| t == REWRITTEN), "{texts:?}");
    assert!(texts.iter().any(|t| t == ADDED), "{texts:?}");
    assert!(!texts.iter().any(|t| t == LINE), "{texts:?}");
}

/// Every output names both divisions of the shared topic, and the grid's 担当課 filter and
/// the status per division count it for each: the first was named alone (the CSV, check's
/// JSON, the web page, the workbook, the printout), and 総務課's filter hid the topic.
#[test]
fn a_shared_topic_is_named_and_counted_for_both_divisions() {
    let master = master();
    let report = master.report();
    let both = format!("{推進課}、{総務課}");
    let csv = shinchoku::export::csv::to_csv(report).unwrap();
    let rows: Vec<&str> = csv.lines().filter(|l| l.contains(SECOND)).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row.contains(&both), "{row}");
    }
    let summary = shinchoku::summary::ReportSummary::new(report, &[]);
    let json = serde_json::to_value(&summary).unwrap();
    let portal_entry = json["initiative_list"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["actual"].as_array().unwrap())
        .find(|e| e["text"] == SECOND)
        .unwrap()
        .clone();
    assert_eq!(portal_entry["division"], both.as_str());
    assert!(shinchoku::export::html::to_html(report).contains(&both));
    let filter = shinchoku::grid::RowFilter {
        division: Some(総務課.into()),
        ..Default::default()
    };
    let shown = shinchoku::grid::rows(report, &filter);
    assert!(
        shown.iter().any(
            |&row| shinchoku::grid::topic_of(report, row).map(|t| t.id) == Some(portal(report))
        ),
        "総務課's filter shows the shared topic"
    );
    let by_division = shinchoku::model::status::summary(report).by_division;
    let counted = |d: &str| {
        by_division
            .iter()
            .find(|(name, _)| name == d)
            .map(|(_, c)| c.clone())
    };
    assert!(counted(総務課).is_some(), "{by_division:?}");
}

/// 推進課 rewrites a result (its workbook) and 総務課 adds a line in the very words of the
/// rewrite (its response file): the line is the rewritten result, kept once — collected
/// together or one after the other (it was kept twice either way). And 総務課 counts as
/// reporting it: 推進課 answering again with the line taken out leaves it in place.
#[test]
fn a_line_added_in_the_words_another_division_rewrote_a_result_into_is_kept_once() {
    const REWRITTEN: &str = "職員向けメルマガにおける周知(6月・7月)";
    for together in [true, false] {
        let mut master = master();
        let a = workbook_answer(master.report(), 推進課, |c| c.replace(SECOND, REWRITTEN));
        let mut r = survey::response_for(master.report(), 総務課, due(), "");
        let topic = portal(&r);
        let line = Entry {
            id: Id(9_000_002),
            ..shinchoku::model::entry_text::read_entry(REWRITTEN, true, &mut Vec::new())
        };
        r.topic_mut(topic).unwrap().actual.push(line);
        let b = answer_from_report(r, "総務課.ron".into()).unwrap();
        let a = answer_from_workbook(&a, "推進課.xlsx".into()).unwrap();
        if together {
            let c = collect(master.report(), vec![Ok(a), Ok(b)], at(10));
            master.perform(c.intent(&[]).unwrap()).unwrap();
        } else {
            for (answer, day) in [(a, 10), (b, 11)] {
                let c = collect(master.report(), vec![Ok(answer)], at(day));
                master.perform(c.intent(&[]).unwrap()).unwrap();
            }
        }
        assert_eq!(
            results(master.report()),
            vec![FIRST, REWRITTEN, THIRD],
            "together: {together}"
        );
        // 推進課 answers again, the line taken out of its cell: 総務課 still reports it.
        let again = workbook_answer(master.report(), 推進課, |c| {
            c.replace(&format!("・{REWRITTEN}\n"), "")
        });
        take_workbooks(&mut master, &[("推進課.xlsx", &again)], 12);
        assert_eq!(
            results(master.report()),
            vec![FIRST, REWRITTEN, THIRD],
            "together: {together}"
        );
    }
}

/// 推進課 adds a line and is collected; 総務課, answering from the response it was sent before,
/// adds the same line in the same words and is collected after: the line is kept once, under
/// the id it had, and 総務課 reports it too — 推進課 taking it back leaves it. Before, 総務課's
/// line replaced it and nothing recorded that 総務課 wrote it: 推進課's taking back removed it.
#[test]
fn a_line_added_again_by_another_division_after_it_was_taken_in_stays_with_either() {
    for (first, second) in [(推進課, 総務課), (総務課, 推進課)] {
        let mut master = master();
        let answer = |report: &Report, division: &str, add: bool| {
            let mut r = survey::response_for(report, division, due(), "");
            let topic = portal(&r);
            let list = &mut r.topic_mut(topic).unwrap().actual;
            if add {
                list.push(Entry {
                    id: Id(9_000_000 + list.len() as u64),
                    ..shinchoku::model::entry_text::read_entry(BY_推進課, true, &mut Vec::new())
                });
            } else {
                list.retain(|e| e.text != BY_推進課);
            }
            answer_from_report(r, format!("{division}.ron")).unwrap()
        };
        // The second division's answer is made from what it was sent, before the first's.
        let late = answer(master.report(), second, true);
        let c = collect(
            master.report(),
            vec![Ok(answer(master.report(), first, true))],
            at(10),
        );
        master.perform(c.intent(&[]).unwrap()).unwrap();
        let id = |r: &Report| {
            let t = r.topic(portal(r)).unwrap();
            t.actual.iter().find(|e| e.text == BY_推進課).map(|e| e.id)
        };
        let taken = id(master.report());
        let c = collect(master.report(), vec![Ok(late)], at(11));
        if let Some(intent) = c.intent(&[]) {
            master.perform(intent).unwrap();
        }
        assert_eq!(
            results(master.report()),
            vec![FIRST, SECOND, THIRD, BY_推進課]
        );
        assert_eq!(id(master.report()), taken, "the line keeps its id");
        let back = answer(master.report(), first, false);
        let c = collect(master.report(), vec![Ok(back)], at(12));
        if let Some(intent) = c.intent(&[]) {
            master.perform(intent).unwrap();
        }
        assert_eq!(
            results(master.report()),
            vec![FIRST, SECOND, THIRD, BY_推進課],
            "{second} still reports it"
        );
    }
}

/// A division that rewrites a result into the words of a line it also adds wrote both: both are
/// kept (the property test of every output found the added line dropped as "the same words").
#[test]
fn a_division_writing_the_same_words_twice_keeps_both_lines() {
    const TWICE: &str = "職員向けメルマガにおける周知(6月・7月)";
    let mut master = master();
    let mut r = survey::response_for(master.report(), 推進課, due(), "");
    let topic = portal(&r);
    let list = &mut r.topic_mut(topic).unwrap().actual;
    let second = list.iter_mut().find(|e| e.text == SECOND).unwrap();
    *second = Entry {
        id: second.id,
        ..shinchoku::model::entry_text::read_entry(TWICE, true, &mut Vec::new())
    };
    list.push(Entry {
        id: Id(9_000_001),
        ..shinchoku::model::entry_text::read_entry(TWICE, true, &mut Vec::new())
    });
    let a = answer_from_report(r, "推進課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(results(master.report()), vec![FIRST, TWICE, THIRD, TWICE]);
}

/// A division typing a result already in its cell a second time (a line copied down in
/// Excel): both lines are kept, in its workbook and in its response file — the second copy
/// was dropped without a word as "the same words" as the first, while a new line typed twice
/// stayed twice.
#[test]
fn a_result_typed_twice_in_a_divisions_answer_is_kept_twice() {
    let mut master = master();
    let book = workbook_answer(master.report(), 推進課, |c| added(c, SECOND));
    take_workbooks(&mut master, &[("推進課.xlsx", &book)], 10);
    assert_eq!(results(master.report()), [FIRST, SECOND, THIRD, SECOND]);

    let mut master = self::master();
    let mut r = survey::response_for(master.report(), 推進課, due(), "");
    let topic = portal(&r);
    let line = Entry {
        id: Id(9_000_003),
        ..shinchoku::model::entry_text::read_entry(SECOND, true, &mut Vec::new())
    };
    r.topic_mut(topic).unwrap().actual.push(line);
    let answer = answer_from_report(r, "推進課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(results(master.report()), [FIRST, SECOND, THIRD, SECOND]);
}

/// 総務課 clears the results of the topic it shares with 推進課 (taking them for 推進課's) and
/// 推進課 keeps them, adding a line; collected together. The published lines were removed from
/// every output though 推進課 still reported them; now their removal is held for the office,
/// listed with the lines, and the rest of both answers is taken.
#[test]
fn published_lines_one_division_clears_from_a_shared_topic_stay_until_the_office_ticks() {
    use shinchoku::lang::{Describe, Lang};
    let mut master = master();
    let cleared = workbook_answer(master.report(), 総務課, |_| "・".into());
    let kept = workbook_answer(master.report(), 推進課, |c| added(c, BY_推進課));
    let c = collect(
        master.report(),
        vec![
            Ok(answer_from_workbook(&cleared, "総務課.xlsx".into()).unwrap()),
            Ok(answer_from_workbook(&kept, "推進課.xlsx".into()).unwrap()),
        ],
        at(10),
    );
    assert_eq!(c.taken.len(), 2, "{:?}", c.refused);
    let held: Vec<usize> = (0..c.conflicts().len())
        .filter(|&k| matches!(c.conflicts()[k].kind, ConflictKind::SharedRemoval { .. }))
        .collect();
    assert_eq!(held.len(), 1, "{:?}", c.conflicts());
    let said = c.conflicts()[held[0]].describe(Lang::Ja);
    assert!(
        said.contains("総務課.xlsx")
            && said
                .contains("他の担当課とともに回答する見出しの、照会を送ったときからある実績を削除")
            && said.contains(FIRST),
        "{said}"
    );
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(
        results(master.report()),
        vec![FIRST, SECOND, THIRD, BY_推進課]
    );
}

/// The removal held, and the same answer collected again later for the office to tick it: it
/// is offered again and taken when ticked (the answer read as taken before, and the removal
/// was lost for good).
#[test]
fn a_held_removal_of_a_published_line_is_offered_again_when_the_answer_is_collected_again() {
    let mut master = master();
    let cleared = workbook_answer(master.report(), 総務課, |c| {
        c.replace(&format!("・{THIRD}"), "")
    });
    let answer = || answer_from_workbook(&cleared, "総務課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer())], at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(results(master.report()), vec![FIRST, SECOND, THIRD]);
    let again = collect(master.report(), vec![Ok(answer())], at(11));
    let held: Vec<usize> = (0..again.conflicts().len())
        .filter(|&k| {
            matches!(
                again.conflicts()[k].kind,
                ConflictKind::SharedRemoval { .. }
            )
        })
        .collect();
    assert_eq!(held.len(), 1, "{:?}", again.conflicts());
    master.perform(again.intent(&held).unwrap()).unwrap();
    assert_eq!(results(master.report()), vec![FIRST, SECOND]);
}

/// A division removes a published line of the shared topic and adds one: the removal held,
/// the new line is paired with the removed one standing — as the report's own table read back
/// pairs it. It was paired as if the removed one were gone, beside it on its line.
#[test]
fn a_line_added_beside_a_held_removal_is_paired_with_the_removed_line_standing() {
    use shinchoku::export::{Encoding, Format};
    let mut master = master();
    let b = workbook_answer(master.report(), 総務課, |c| {
        added(
            &c.replace(&format!("・{FIRST}\n"), ""),
            "メルマガ等での周知(8月)",
        )
    });
    let c = collect(
        master.report(),
        vec![Ok(answer_from_workbook(&b, "総務課.xlsx".into()).unwrap())],
        at(10),
    );
    assert!(
        (c.conflicts().iter()).any(|k| matches!(k.kind, ConflictKind::SharedRemoval { .. })),
        "{:?}",
        c.conflicts()
    );
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(results(master.report())[0], FIRST);
    let read = crate::exported_and_read(master.report(), Format::Table, Encoding::Utf8);
    let diff = shinchoku::compare::diff(master.report(), &read);
    let said = shinchoku::compare::change_list_text(&diff, shinchoku::lang::Lang::Ja);
    assert!(diff.same, "{said}");
}

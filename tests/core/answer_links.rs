//! A result an answer adds is linked to the plan line a person would pair it with, whether the
//! division removed a result in the same answer or in an earlier one: the line the removed
//! result reported is free again. In one answer, the new 「上半期の進捗取りまとめ(上半期)」 went to
//! the line the kept result already reported, and the freed line turned 遅れ; collected in two
//! answers, or the published table read back, it went to the freed line, and both were 完了.

use shinchoku::document::Document;
use shinchoku::lang::Lang;
use shinchoku::model::status::{LineStatus, plan_entry_status};
use shinchoku::model::{Entry, Id, Report};
use shinchoku::survey::answer::answer_from_workbook;
use shinchoku::survey::{self, collect, entries_text, workbook};

use crate::october as at;
use crate::survey_due as due;

const 推進課: &str = "総務部行財政改革推進課";
const TOPIC: &str = "みえ成果向上サイクルの見直し";
const REMOVED: &str = "職員説明会等における新たな運用方法の周知(4月)";
const KEPT: &str = "・政策体系図の作成、周知(5月～)";
const ADDED: &str = "上半期の進捗取りまとめ(上半期)";
/// The plan line the removed result reported, which the added one reports now.
const FREED: &str = "職員説明会等における新たな運用方法の周知(4月～5月)";

fn topic(report: &Report) -> Id {
    (report.initiatives().flat_map(|i| &i.topics))
        .find(|t| t.heading.as_deref() == Some(TOPIC))
        .unwrap()
        .id
}

/// The plan lines the added result reports, and each plan line's status in the topic.
fn linked(report: &Report) -> (Vec<String>, Vec<(String, Option<LineStatus>)>) {
    let t = topic(report);
    let i = (report.initiatives())
        .find(|i| i.topics.iter().any(|o| o.id == t))
        .unwrap();
    let topic = report.topic(t).unwrap();
    let plans = &topic.plan;
    let added = Entry::all_in(&topic.actual)
        .find(|e| e.text == ADDED)
        .expect("the added result");
    let to = (Entry::all_in(plans).filter(|p| added.reports.contains(&p.id)))
        .map(|p| p.text.clone())
        .collect();
    let statuses = Entry::all_in(plans)
        .map(|p| {
            (
                p.text.clone(),
                plan_entry_status(i, p, report.fiscal_as_of()),
            )
        })
        .collect();
    (to, statuses)
}

/// The division's workbook with its topic's 実績 cell typed over with `lines`.
fn answered(master: &Report, lines: &str) -> Vec<u8> {
    let r = survey::response_for(master, 推進課, due(), "");
    let cell = entries_text(&r.topic(topic(&r)).unwrap().actual);
    assert!(cell.contains(KEPT), "{cell}");
    crate::type_into_workbook(&workbook::write(&r).unwrap(), &cell, lines)
}

fn take(master: &mut Document, book: &[u8], day: u32) {
    let answer = answer_from_workbook(book, "推進課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(day));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    master.perform(c.intent(&[]).unwrap()).unwrap();
}

#[test]
fn a_result_added_where_one_was_removed_reports_the_freed_line_in_one_answer_as_in_two() {
    let mut one = crate::surveyed(crate::seed().report);
    let mut two = crate::surveyed(crate::seed().report);
    let book = answered(one.report(), &format!("{KEPT}\n・{ADDED}"));
    take(&mut one, &book, 10);
    let removed = answered(two.report(), KEPT);
    take(&mut two, &removed, 10);
    let again = answered(two.report(), &format!("{KEPT}\n・{ADDED}"));
    take(&mut two, &again, 11);
    let (to, statuses) = linked(one.report());
    assert_eq!(to, vec![FREED.to_string()]);
    assert!(
        (statuses.iter()).all(|(_, s)| *s == Some(LineStatus::Done)),
        "{statuses:?}"
    );
    assert_eq!(linked(two.report()), (to, statuses));
}

/// The same in a response file: the result removed from the file and a line typed by hand in
/// its place (its text alone, as a text editor writes it).
#[test]
fn a_line_typed_into_a_response_where_one_was_removed_reports_the_freed_line() {
    let (mut master, _, file, _dir) = typed_in_place_of_the_removed();
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let (to, statuses) = linked(master.report());
    assert_eq!(to, vec![FREED.to_string()], "{statuses:?}");
}

/// The same file answered again, another line changed: the typed line still has no link in
/// it, as the first time. Its link, made when it was first collected, stays: it was undone
/// and listed as the division's change (「対応付けを解除」), and the freed line turned 遅れ.
#[test]
fn a_line_typed_into_a_response_keeps_its_link_when_the_file_is_answered_again() {
    let (mut master, ron, file, _dir) = typed_in_place_of_the_removed();
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let first = linked(master.report());
    assert_eq!(first.0, vec![FREED.to_string()], "{:?}", first.1);
    let kept = KEPT.trim_start_matches('・');
    let again = ron.replace(kept, &format!("{kept}（全庁に通知）"));
    assert_ne!(again, ron);
    std::fs::write(&file, again).unwrap();
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(11));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(linked(master.report()), first);
}

/// The surveyed seed, and 推進課's response file with the removed result's line typed over by
/// hand with the added one (its text alone, as a text editor writes it; entries are written
/// one to a line): the master, the file's text, the file, and the folder holding it.
fn typed_in_place_of_the_removed() -> (Document, String, std::path::PathBuf, tempfile::TempDir) {
    let master = crate::surveyed(crate::seed().report);
    let response = survey::response_for(master.report(), 推進課, due(), "");
    let ron = shinchoku::store::to_ron(&response);
    let removed = format!("text: \"{REMOVED}\"");
    let typed = format!("(id: 900, bullet: true, text: \"{ADDED}\"),");
    let ron: Vec<String> = (ron.lines())
        .map(|l| match l.contains(&removed) {
            true => format!("{}{typed}", &l[..l.find('(').unwrap()]),
            false => l.to_string(),
        })
        .collect();
    let ron = ron.join("\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("推進課.ron");
    std::fs::write(&file, &ron).unwrap();
    (master, ron, file, dir)
}

/// A division adds a plan line and, in the same answer, the result that reports it; the office
/// accepts the plan change. The result was linked before the plan line was taken, to the old
/// line sharing its months: the new line stood 遅れ with nothing reporting it, and the report's
/// own table read back said otherwise. Now it is paired as the report read again pairs it.
#[test]
fn a_result_added_with_the_plan_line_it_reports_reports_that_line_once_accepted() {
    added_with_its_plan_line(false);
}

/// The same plan change held at first (the result taken, linked to the old line sharing its
/// months) and ticked when the answer is collected again: the result stayed on the old line,
/// and the new one stood 遅れ, reported by none.
#[test]
fn a_result_taken_before_its_plan_line_is_accepted_reports_that_line_once_accepted() {
    added_with_its_plan_line(true);
}

fn added_with_its_plan_line(held_first: bool) {
    const 管財課: &str = "総務部管財課";
    const SALE: &str = "未利用財産の売却等";
    const NEW_PLAN: &str = "旧職員公舎の売却に向けた測量（9月～11月）";
    const NEW_RESULT: &str = "旧職員公舎の売却に向けた測量の実施(9月)";
    let mut master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), 管財課, due(), "");
    let t = (r.initiatives().flat_map(|i| &i.topics))
        .find(|t| t.heading.as_deref() == Some(SALE))
        .unwrap();
    let (plan, actual) = (entries_text(&t.plan), entries_text(&t.actual));
    let book = workbook::write(&r).unwrap();
    let book = crate::type_into_workbook(&book, &plan, &format!("{plan}\n・{NEW_PLAN}"));
    let book = crate::type_into_workbook(&book, &actual, &format!("{actual}\n・{NEW_RESULT}"));
    let answer = || answer_from_workbook(&book, "管財課.xlsx".into()).unwrap();
    if held_first {
        let c = collect(master.report(), vec![Ok(answer())], at(9));
        assert!(!c.conflicts().is_empty());
        master.perform(c.intent(&[]).unwrap()).unwrap();
    }
    let c = collect(master.report(), vec![Ok(answer())], at(10));
    let every: Vec<usize> = (0..c.conflicts().len()).collect();
    assert!(!every.is_empty());
    if held_first {
        // The review says where the result goes, as it says it of a line taken away.
        use shinchoku::lang::Describe;
        let said: Vec<String> = (c.conflicts().iter())
            .map(|x| x.describe(Lang::Ja))
            .collect();
        let moved = format!("追加される計画行に対応付けます: 「{NEW_RESULT}」→「{NEW_PLAN}」");
        assert!(said.iter().any(|s| s.contains(&moved)), "{said:?}");
    }
    master.perform(c.intent(&every).unwrap()).unwrap();
    let report = master.report();
    let i = (report.initiatives())
        .find(|i| i.topics.iter().any(|t| t.heading.as_deref() == Some(SALE)))
        .unwrap();
    let (line, result) = (
        (i.topics.iter().flat_map(|t| Entry::all_in(&t.plan)))
            .find(|e| e.text == NEW_PLAN)
            .expect("the plan line accepted"),
        (i.topics.iter().flat_map(|t| Entry::all_in(&t.actual)))
            .find(|e| e.text == NEW_RESULT)
            .expect("the result taken"),
    );
    assert_eq!(result.reports.to_vec(), vec![line.id]);
    assert_eq!(
        plan_entry_status(i, line, report.fiscal_as_of()),
        Some(LineStatus::InProgress)
    );
    // The report's own table, read back, pairs them alike: nothing differs.
    let read = crate::exported_and_read(
        report,
        shinchoku::export::Format::Table,
        shinchoku::export::Encoding::Utf8,
    );
    let diff = shinchoku::compare::diff(report, &read);
    let said = shinchoku::compare::change_list_text(&diff, shinchoku::lang::Lang::Ja);
    assert!(diff.same, "{said}");
}

/// A response file whose plan lacks a line, with a result added beside it: the plan change is
/// held, and so are the links — the results still report the line. Read from the file (whose
/// links to the line taken away are dropped on reading) they were taken unlinked, and the
/// line that still stands turned 遅れ.
#[test]
fn a_plan_line_removed_in_a_response_keeps_its_results_links_while_the_change_is_held() {
    const 管財課: &str = "総務部管財課";
    const LINE: &str = "県有財産の自己点検及び利用見込み調査等の実施(7月～9月)";
    const ADDED: &str = "利活用計画の策定に向けた庁内調整(9月)";
    let master = crate::surveyed(crate::seed().report);
    let response = survey::response_for(master.report(), 管財課, due(), "");
    let (topic, line) = (response.initiatives().flat_map(|i| &i.topics))
        .find_map(|t| t.plan.iter().find(|e| e.text == LINE).map(|e| (t.id, e.id)))
        .expect("the plan line");
    let reporting: Vec<Id> = (response.topic(topic).unwrap().actual.iter())
        .filter(|e| e.reports.contains(&line))
        .map(|e| e.id)
        .collect();
    assert!(!reporting.is_empty());
    // Entries are written one to a line: the plan line's goes, a result is added after the
    // topic's last.
    let ron = shinchoku::store::to_ron(&response);
    let last = &response.topic(topic).unwrap().actual.last().unwrap().text;
    let ron: Vec<String> = (ron.lines())
        .filter(|l| !l.contains(&format!("text: \"{LINE}\"")))
        .flat_map(|l| {
            let mut out = vec![l.to_string()];
            if l.contains(&format!("text: \"{last}\"")) {
                out.push(format!("(id: 990001, bullet: true, text: \"{ADDED}\"),"));
            }
            out
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("管財課.ron");
    std::fs::write(&file, ron.join("\n")).unwrap();
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    let mut held = master;
    held.perform(c.intent(&[]).unwrap()).unwrap();
    let t = held.report().topic(topic).unwrap();
    assert!(
        t.actual.iter().any(|e| e.text == ADDED),
        "the result is taken"
    );
    for id in &reporting {
        let e = held.report().entry(*id).unwrap();
        assert!(e.reports.contains(&line), "{}", e.text);
    }
}

/// A result written under one division's heading, named as another division's plan line in
/// the same initiative (取組4: 総務課's 組織体制, 推進課's みえ成果向上サイクル): read, it was paired
/// with the other division's line by its name, and made that division's line 完了. A division
/// reports on its own plan lines: it is paired among them, or with none.
#[test]
fn a_result_is_not_paired_by_name_with_another_divisions_plan_line() {
    const OTHERS: &str = "職員説明会等における新たな運用方法の周知(4月～5月)";
    let mut report = crate::seed().report;
    let i = (report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut()))
    .find(|i| i.topics.iter().any(|t| t.heading.as_deref() == Some(TOPIC)))
    .unwrap();
    let line = (i.topics.iter().flat_map(|t| Entry::all_in(&t.plan)))
        .find(|e| e.text == OTHERS)
        .unwrap()
        .id;
    let own = (i.topics.iter_mut())
        .find(|t| t.heading.as_deref() == Some("組織体制・運営の検討"))
        .unwrap();
    assert_ne!(own.division.as_deref(), Some(推進課));
    let mut result = shinchoku::model::entry_text::read_entry(OTHERS, true, &mut Vec::new());
    result.id = Id(9_000_001);
    own.actual.push(result);
    shinchoku::model::links::propose_all(&mut report);
    let taken = (report.initiatives().flat_map(|i| &i.topics))
        .flat_map(|t| Entry::all_in(&t.actual))
        .find(|e| e.id == Id(9_000_001))
        .unwrap();
    assert!(!taken.reports.contains(&line), "{:?}", taken.reports);
}

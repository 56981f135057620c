//! An answer changes the results it was sent and those its division's earlier answers added,
//! nothing else: on a topic of one division too, a result the office added after the survey
//! went out stays (the division never saw it); and a division answering again, rewriting a
//! line its first answer added, replaces that line (before: on a shared topic the old line
//! stayed beside the new; on a topic of one division the office's line was removed).

use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::model::diag::WarningKind;
use shinchoku::model::{Id, Report, Side};
use shinchoku::survey::answer::{answer_from_report, answer_from_workbook};
use shinchoku::survey::{self, collect, entries_text, workbook};

use crate::october as at;
use crate::survey_due as due;
use crate::type_into_workbook;

const 推進課: &str = "総務部行財政改革推進課";
const 総務課: &str = "総務部総務課";
const 管財課: &str = "総務部管財課";
/// Initiative 9's first topic (今後の利用見込み等の検討): 管財課's alone.
const ALONE: &str = "9";
/// Initiative 2's first topic (ポータルサイトの構築), which 総務課 is made to share with 推進課.
const PORTAL: &str = "2";
const BY_DIVISION: &str = "協創ポータルの閲覧数の集計(9月)";
const REWRITTEN: &str = "協創ポータルの閲覧数の集計(9月)（月平均120件）";
const BY_OFFICE: &str = "事務局による追記(9月)";

fn master() -> Document {
    crate::seed_shared_surveyed()
}

fn topic(report: &Report, number: &str) -> Id {
    crate::first_topic(report, number)
}

fn results(report: &Report, number: &str) -> Vec<String> {
    let t = report.topic(topic(report, number)).unwrap();
    t.actual.iter().map(|e| e.text.clone()).collect()
}

/// The division's workbook as sent, and its topic's 実績 cell.
fn sent_workbook(master: &Report, division: &str, number: &str) -> (Vec<u8>, String) {
    let r = survey::response_for(master, division, due(), "");
    let cell = entries_text(&r.topic(topic(&r, number)).unwrap().actual);
    (workbook::write(&r).unwrap(), cell)
}

fn take(master: &mut Document, answer: survey::answer::Answer, day: u32) {
    let c = collect(master.report(), vec![Ok(answer)], at(day));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    if let Some(intent) = c.intent(&[]) {
        master.perform(intent).unwrap();
    }
}

/// What collecting the workbook `book` as 推進課's answer on the given day would do.
fn collected_book(master: &Document, book: &[u8], day: u32) -> survey::Collection {
    let answer = answer_from_workbook(book, "推進課.xlsx".into()).unwrap();
    collect(master.report(), vec![Ok(answer)], at(day))
}

fn take_book(master: &mut Document, book: &[u8], name: &str, day: u32) {
    take(
        master,
        answer_from_workbook(book, name.into()).unwrap(),
        day,
    );
}

fn office_adds(master: &mut Document, number: &str) {
    let topic = topic(master.report(), number);
    master
        .perform(Intent::AddEntry {
            topic,
            side: Side::Actual,
            text: format!("・{BY_OFFICE}"),
        })
        .unwrap();
}

#[test]
fn a_result_the_office_added_to_a_topic_of_one_division_stays_when_its_workbook_comes_back() {
    let mut master = master();
    let (book, cell) = sent_workbook(master.report(), 管財課, ALONE);
    let sent = results(master.report(), ALONE);
    office_adds(&mut master, ALONE);
    let answered = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    take_book(&mut master, &answered, "管財課.xlsx", 10);
    let mut want = sent;
    want.push(BY_OFFICE.into());
    want.push(BY_DIVISION.into());
    assert_eq!(results(master.report(), ALONE), want);
}

/// The same workbook sent twice: first with a line added, then with that line rewritten.
fn answered_twice(master: &mut Document, (book, cell): (Vec<u8>, String)) {
    let first = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    take_book(master, &first, "first.xlsx", 10);
    let again = type_into_workbook(&book, &cell, &format!("{cell}\n・{REWRITTEN}"));
    take_book(master, &again, "again.xlsx", 11);
}

#[test]
fn a_workbook_sent_again_rewriting_its_own_line_on_a_shared_topic_replaces_it() {
    let mut master = master();
    let sent = results(master.report(), PORTAL);
    let book = sent_workbook(master.report(), 推進課, PORTAL);
    answered_twice(&mut master, book);
    let mut want = sent;
    want.push(REWRITTEN.into());
    assert_eq!(results(master.report(), PORTAL), want);
}

#[test]
fn a_workbook_sent_again_rewriting_its_own_line_on_a_topic_of_one_division_replaces_it() {
    let mut master = master();
    let sent = results(master.report(), ALONE);
    let book = sent_workbook(master.report(), 管財課, ALONE);
    office_adds(&mut master, ALONE);
    answered_twice(&mut master, book);
    let mut want = sent;
    want.push(BY_OFFICE.into());
    want.push(REWRITTEN.into());
    assert_eq!(results(master.report(), ALONE), want);
}

/// A workbook answered again from the sent copy, a sent line rewritten, without the line the
/// first answer added: the rewrite is taken, taking the line back is held (another member of
/// the division may have answered in an untouched copy: the line was removed without a word
/// to hold) and taken when ticked; another division's line stays either way.
#[test]
fn a_workbook_sent_again_without_its_own_line_holds_taking_it_back_and_takes_the_rest() {
    let mut master = master();
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let sent = results(master.report(), PORTAL);
    let first = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    take_book(&mut master, &first, "推進課.xlsx", 10);
    // 総務課 adds its own in between; 推進課's second answer lacks its line.
    let (theirs, their_cell) = sent_workbook(master.report(), 総務課, PORTAL);
    let by_総務課 = "庁内掲示板への掲載(8月)";
    let answered = type_into_workbook(
        &theirs,
        &their_cell,
        &format!("{their_cell}\n・{by_総務課}"),
    );
    take_book(&mut master, &answered, "総務課.xlsx", 10);
    let mail = "職員向けメルマガにおける周知(6月)";
    let without = type_into_workbook(&book, &cell, &cell.replace(mail, "メルマガでの周知(6月)"));
    let c = collected_book(&master, &without, 11);
    assert!(back_as_sent_said(&c, true, false), "{:?}", c.warnings);
    let held = held_take_back(&c);
    let listed = &c.conflicts()[held];
    assert!(listed.old.contains(BY_DIVISION) && !listed.new.contains(BY_DIVISION));
    assert!(listed.old.contains("メルマガでの周知(6月)"), "{listed:?}");
    let rewritten: Vec<String> = sent
        .into_iter()
        .map(|l| {
            if l == mail {
                "メルマガでの周知(6月)".into()
            } else {
                l
            }
        })
        .collect();
    let mut untouched = master.clone();
    untouched.perform(c.intent(&[]).unwrap()).unwrap();
    let mut want = rewritten.clone();
    want.extend([BY_DIVISION.to_string(), by_総務課.to_string()]);
    assert_eq!(results(untouched.report(), PORTAL), want);
    master.perform(c.intent(&[held]).unwrap()).unwrap();
    let mut want = rewritten;
    want.push(by_総務課.into());
    assert_eq!(results(master.report(), PORTAL), want);
}

/// A response file edited as the window edits it (a line added takes the response's next
/// id, the id the office's own line took in the master meanwhile), sent, then edited again —
/// its line rewritten, a second line added — and sent again.
#[test]
fn a_response_file_sent_again_rewriting_its_own_line_replaces_it() {
    let mut master = master();
    let response = survey::response_for(master.report(), 管財課, due(), "");
    let sent = results(master.report(), ALONE);
    office_adds(&mut master, ALONE);
    let mut division = Document::new(response, Origin::Sample, Vec::new());
    let t = topic(division.report(), ALONE);
    let add = |division: &mut Document, text: &str| {
        division
            .perform(Intent::AddEntry {
                topic: t,
                side: Side::Actual,
                text: format!("・{text}"),
            })
            .unwrap();
    };
    add(&mut division, BY_DIVISION);
    let answer =
        |d: &Document| answer_from_report(d.report().clone(), "管財課.ron".into()).unwrap();
    take(&mut master, answer(&division), 10);
    let mut want = sent.clone();
    want.extend([BY_OFFICE.to_string(), BY_DIVISION.to_string()]);
    assert_eq!(
        results(master.report(), ALONE),
        want,
        "the office's line stays"
    );
    let line = division
        .report()
        .topic(t)
        .unwrap()
        .actual
        .last()
        .unwrap()
        .id;
    division
        .perform(Intent::SetEntryText {
            id: line,
            text: REWRITTEN.into(),
        })
        .unwrap();
    add(&mut division, "県有地の現地確認(9月)");
    take(&mut master, answer(&division), 11);
    let mut want = sent;
    want.extend([BY_OFFICE, REWRITTEN, "県有地の現地確認(9月)"].map(String::from));
    assert_eq!(results(master.report(), ALONE), want);
    // Sent a third time as it is: nothing changes.
    let c = collect(master.report(), vec![Ok(answer(&division))], at(12));
    assert!(c.taken[0].changed_topics.is_empty(), "{:?}", c.taken[0]);
}

/// The office edits while the review is open, so the ids the answer's new lines were given
/// when read are handed out again when it is taken in: the record names the lines by the ids
/// they end up with.
#[test]
fn lines_added_while_the_office_edited_are_still_the_divisions_own() {
    let mut master = master();
    let sent = results(master.report(), ALONE);
    let (book, cell) = sent_workbook(master.report(), 管財課, ALONE);
    let first = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    let answer = answer_from_workbook(&first, "first.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    office_adds(&mut master, PORTAL);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let again = type_into_workbook(&book, &cell, &format!("{cell}\n・{REWRITTEN}"));
    take_book(&mut master, &again, "again.xlsx", 11);
    let mut want = sent;
    want.push(REWRITTEN.into());
    assert_eq!(results(master.report(), ALONE), want);
}

/// Another topic of the division's with results, and its results' cell as sent.
fn other_topic(report: &Report, division: &str, not: Id) -> (Id, String) {
    let t = survey::topics_of(report, division)
        .into_iter()
        .find(|&t| t != not && !report.topic(t).unwrap().actual.is_empty())
        .unwrap();
    (t, entries_text(&report.topic(t).unwrap().actual))
}

/// Whether the collection says a take-back `held` or taken, of a `whole` topic or of lines.
fn back_as_sent_said(c: &survey::Collection, held: bool, whole: bool) -> bool {
    c.warnings
        .iter()
        .any(|w| w.warning.kind == WarningKind::BackAsSent { held, whole })
}

/// The take-back a collection holds: its place among the conflicts.
fn held_take_back(c: &survey::Collection) -> usize {
    use shinchoku::survey::conflict::ConflictKind;
    let held: Vec<usize> = (c.conflicts().iter().enumerate())
        .filter(|(_, k)| matches!(k.kind, ConflictKind::TakeBack { .. }) && k.acceptable())
        .map(|(n, _)| n)
        .collect();
    assert_eq!(held.len(), 1, "{:?}", c.conflicts());
    held[0]
}

/// A division takes back the line its first answer added, in the response file it edited:
/// its topic is then as it was sent (the file rewrites another topic's line too). Taking the
/// line back is held and said, and taken when the office ticks it: it stayed without a word.
/// Held, not taken, since a copy of the sent file that another member of the division answered
/// in elsewhere reads just so (taking back then removed the first writer's lines).
#[test]
fn a_response_file_taking_back_its_own_line_is_held_and_taken_when_ticked() {
    let mut master = master();
    let sent = results(master.report(), PORTAL);
    let response = survey::response_for(master.report(), 推進課, due(), "");
    let mut division = Document::new(response, Origin::Sample, Vec::new());
    let t = topic(division.report(), PORTAL);
    division
        .perform(Intent::AddEntry {
            topic: t,
            side: Side::Actual,
            text: format!("・{BY_DIVISION}"),
        })
        .unwrap();
    let answer =
        |d: &Document| answer_from_report(d.report().clone(), "推進課.ron".into()).unwrap();
    take(&mut master, answer(&division), 10);
    let mut with = sent.clone();
    with.push(BY_DIVISION.into());
    assert_eq!(results(master.report(), PORTAL), with);
    let added = division
        .report()
        .topic(t)
        .unwrap()
        .actual
        .last()
        .unwrap()
        .id;
    division.perform(Intent::RemoveEntry { id: added }).unwrap();
    let (other, _) = other_topic(division.report(), 推進課, t);
    let line = division.report().topic(other).unwrap().actual[0].clone();
    let rewritten = format!("{}（全庁に通知）", line.text);
    division
        .perform(Intent::SetEntryText {
            id: line.id,
            text: rewritten.clone(),
        })
        .unwrap();
    let c = collect(master.report(), vec![Ok(answer(&division))], at(11));
    assert!(back_as_sent_said(&c, true, true), "{:?}", c.warnings);
    let held = held_take_back(&c);
    let listed = &c.conflicts()[held];
    assert!(listed.old.contains(BY_DIVISION) && !listed.new.contains(BY_DIVISION));
    let mut untouched = master.clone();
    untouched.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(results(untouched.report(), PORTAL), with);
    master.perform(c.intent(&[held]).unwrap()).unwrap();
    assert_eq!(results(master.report(), PORTAL), sent);
    let other = master.report().topic(other).unwrap();
    assert_eq!(other.actual[0].text, rewritten);
}

/// The same in a workbook: the cell typed back as it was sent, another cell rewritten.
#[test]
fn a_workbook_taking_back_its_own_line_is_held_and_taken_when_ticked() {
    let mut master = master();
    let sent = results(master.report(), PORTAL);
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let first = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    take_book(&mut master, &first, "推進課.xlsx", 10);
    assert_eq!(results(master.report(), PORTAL).len(), sent.len() + 1);
    let (other, other_cell) = other_topic(master.report(), 推進課, topic(master.report(), PORTAL));
    let rewritten = other_cell.replacen('\n', "（全庁に通知）\n", 1);
    assert_ne!(rewritten, other_cell);
    let again = type_into_workbook(&book, &other_cell, &rewritten);
    let c = collected_book(&master, &again, 11);
    assert!(back_as_sent_said(&c, true, true), "{:?}", c.warnings);
    let held = held_take_back(&c);
    let mut untouched = master.clone();
    untouched.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(results(untouched.report(), PORTAL).len(), sent.len() + 1);
    master.perform(c.intent(&[held]).unwrap()).unwrap();
    assert_eq!(results(master.report(), PORTAL), sent);
    assert_eq!(
        entries_text(&master.report().topic(other).unwrap().actual),
        rewritten
    );
}

/// An untouched copy of the workbook sent after an answer takes nothing back, and says so.
#[test]
fn an_untouched_copy_sent_after_an_answer_takes_nothing_back_and_says_so() {
    let mut master = master();
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let first = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    take_book(&mut master, &first, "推進課.xlsx", 10);
    let before = results(master.report(), PORTAL);
    let c = collected_book(&master, &book, 11);
    assert!(
        c.warnings
            .iter()
            .any(|w| matches!(w.warning.kind, WarningKind::AnswerAsSent)),
        "{:?}",
        c.warnings
    );
    if let Some(intent) = c.intent(&[]) {
        master.perform(intent).unwrap();
    }
    assert_eq!(results(master.report(), PORTAL), before);
}

/// A `・` taken away from a line and put before another, the words as sent: the bullets are
/// the division's (they were kept as sent, and nothing was listed).
#[test]
fn a_bullet_taken_away_or_added_in_a_workbook_is_taken_in() {
    let mut master = master();
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let lines: Vec<&str> = cell.lines().collect();
    assert!(lines.len() >= 2, "{cell}");
    let toggle = |l: &str| match l.strip_prefix('・') {
        Some(rest) => rest.to_string(),
        None => format!("・{l}"),
    };
    let mut typed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    typed[0] = toggle(lines[0]);
    typed[1] = toggle(lines[1]);
    let typed = typed.join("\n");
    let answered = type_into_workbook(&book, &cell, &typed);
    let c = collected_book(&master, &answered, 10);
    assert_eq!(c.taken[0].changed_topics.len(), 1, "{:?}", c.taken[0]);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let t = topic(master.report(), PORTAL);
    assert_eq!(
        entries_text(&master.report().topic(t).unwrap().actual),
        typed
    );
}

/// A `・` the division took away in its first answer, typed back in its second (the cell as it
/// was sent again, another cell still rewritten): the bullet is back. It was not recorded as
/// the division's, so the cell as sent said nothing and the bullet stayed away.
#[test]
fn a_bullet_taken_away_then_typed_back_is_back() {
    let mut master = master();
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let (_, other_cell) = other_topic(master.report(), 推進課, topic(master.report(), PORTAL));
    let rewritten = other_cell.replacen('\n', "（全庁に通知）\n", 1);
    let first_line = cell.lines().next().unwrap();
    assert!(first_line.starts_with('・'), "{cell}");
    let without = cell.replacen('・', "", 1);
    let first = type_into_workbook(&book, &cell, &without);
    let first = type_into_workbook(&first, &other_cell, &rewritten);
    take_book(&mut master, &first, "推進課.xlsx", 10);
    let t = topic(master.report(), PORTAL);
    assert_eq!(
        entries_text(&master.report().topic(t).unwrap().actual),
        without
    );
    let again = type_into_workbook(&book, &other_cell, &rewritten);
    take_book(&mut master, &again, "推進課.xlsx", 11);
    assert_eq!(
        entries_text(&master.report().topic(t).unwrap().actual),
        cell
    );
}

/// The survey sends a division both files. One member answers in the workbook (rewrites a
/// line, adds one); another later sends the response file, edited only in another topic. The
/// response file never held the first member's lines, so it cannot ask for them to go: they
/// stay, and taking them back is only offered, held. Collected either way round — the review
/// said 「前の回答で書いた実績は、回答のとおり取り消しました」 and the lines were gone.
#[test]
fn a_second_members_copy_of_the_sent_file_takes_nothing_back_by_itself() {
    const NOTE: &str = "（参加職員312名）";
    let talk = "協創説明会の開催（9月　2回）";
    for workbook_first in [true, false] {
        let mut master = master();
        let response = survey::response_for(master.report(), 推進課, due(), "");
        let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
        let (other, other_cell) =
            other_topic(master.report(), 推進課, topic(master.report(), PORTAL));
        let line = |r: &Report| r.topic(topic(r, PORTAL)).unwrap().actual[1].clone();
        let mut division = Document::new(response, Origin::Sample, Vec::new());
        let ron = |d: &Document| answer_from_report(d.report().clone(), "推進課.ron".into());
        let first_line = line(division.report());
        let kept: Vec<String>;
        if workbook_first {
            let typed = cell.replacen(&first_line.text, &format!("{}{NOTE}", first_line.text), 1);
            let answered = type_into_workbook(&book, &cell, &format!("{typed}\n・{talk}"));
            take_book(&mut master, &answered, "推進課.xlsx", 10);
            kept = results(master.report(), PORTAL);
            assert!(kept.iter().any(|l| l.ends_with(NOTE)) && kept.contains(&talk.into()));
            division
                .perform(Intent::AddEntry {
                    topic: other,
                    side: Side::Actual,
                    text: "・職員提案の表彰(9月)".into(),
                })
                .unwrap();
            let c = collect(master.report(), vec![Ok(ron(&division).unwrap())], at(11));
            assert!(back_as_sent_said(&c, true, true), "{:?}", c.warnings);
            master.perform(c.intent(&[]).unwrap()).unwrap();
        } else {
            division
                .perform(Intent::SetEntryText {
                    id: first_line.id,
                    text: format!("{}{NOTE}", first_line.text),
                })
                .unwrap();
            take(&mut master, ron(&division).unwrap(), 10);
            kept = results(master.report(), PORTAL);
            assert!(kept.iter().any(|l| l.ends_with(NOTE)));
            let answered = type_into_workbook(
                &book,
                &other_cell,
                &format!("{other_cell}\n・職員提案の表彰(9月)"),
            );
            let c = collected_book(&master, &answered, 11);
            assert!(back_as_sent_said(&c, true, true), "{:?}", c.warnings);
            master.perform(c.intent(&[]).unwrap()).unwrap();
        }
        assert_eq!(
            results(master.report(), PORTAL),
            kept,
            "workbook first: {workbook_first}"
        );
        let other = master.report().topic(other).unwrap();
        assert!(other.actual.iter().any(|e| e.text == "職員提案の表彰(9月)"));
    }
}

/// One member of the division answers in the workbook (a result's note added, a line
/// added); another answers later in the response file as it was sent, adding a line in the same
/// topic. The second answer's line is taken; the first answer's lines, which the response
/// never held, stay — taking them back is held and said, and done when ticked. They were
/// reverted and removed as the second answer's own changes.
#[test]
fn a_fresh_response_worked_on_in_the_same_topic_holds_taking_back_the_workbooks_lines() {
    let mut master = master();
    let response = survey::response_for(master.report(), 推進課, due(), "");
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let sent = results(master.report(), PORTAL);
    let mail = "職員向けメルマガにおける周知(6月)";
    let noted = "職員向けメルマガにおける周知(6月)（参加職員312名）";
    let briefing = "協創説明会の開催（9月　2回）";
    let typed = format!("{}\n・{briefing}", cell.replace(mail, noted));
    take_book(
        &mut master,
        &type_into_workbook(&book, &cell, &typed),
        "推進課.xlsx",
        10,
    );
    let first: Vec<String> = results(master.report(), PORTAL);
    assert!(first.contains(&noted.to_string()) && first.contains(&briefing.to_string()));
    let survey_line = "ポータル利用者アンケート(9月)";
    let mut other = Document::new(response, Origin::Sample, Vec::new());
    let t = topic(other.report(), PORTAL);
    other
        .perform(Intent::AddEntry {
            topic: t,
            side: Side::Actual,
            text: format!("・{survey_line}"),
        })
        .unwrap();
    let answer = answer_from_report(other.report().clone(), "推進課.ron".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(11));
    assert!(back_as_sent_said(&c, true, false), "{:?}", c.warnings);
    let held = held_take_back(&c);
    let listed = &c.conflicts()[held];
    assert!(
        listed.old.contains(noted) && listed.old.contains(briefing),
        "{listed:?}"
    );
    assert!(!listed.new.contains(noted) && !listed.new.contains(briefing));
    let mut untouched = master.clone();
    untouched.perform(c.intent(&[]).unwrap()).unwrap();
    let mut want = first.clone();
    want.push(survey_line.into());
    assert_eq!(results(untouched.report(), PORTAL), want);
    master.perform(c.intent(&[held]).unwrap()).unwrap();
    let mut want = sent;
    want.push(survey_line.into());
    assert_eq!(results(master.report(), PORTAL), want);
}

/// Two answers of one division collected together, last written at the same time (saved from
/// one e-mail): the one named later is taken, and the review says the times were the same and
/// which was not taken. The order named decided without a word.
#[test]
fn two_answers_written_at_the_same_time_say_which_was_taken() {
    let master = master();
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let at_once = at(9);
    let answer = |line: &str, name: &str| {
        let typed = type_into_workbook(&book, &cell, &format!("{cell}\n・{line}"));
        let mut a = answer_from_workbook(&typed, name.into()).unwrap();
        a.modified = Some(at_once);
        a
    };
    let (first, second) = (
        answer("版Aの実績(9月)", "A.xlsx"),
        answer("版Bの実績(9月)", "B.xlsx"),
    );
    let c = collect(master.report(), vec![Ok(first), Ok(second)], at(10));
    let said: Vec<&survey::answer::AnswerWarning> = (c.warnings.iter())
        .filter(|w| matches!(&w.warning.kind, WarningKind::SameModifiedTime { replaced, .. } if replaced == "A.xlsx"))
        .collect();
    assert_eq!(said.len(), 1, "{:?}", c.warnings);
    assert_eq!(said[0].file, "B.xlsx");
    let mut master = master;
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let now = results(master.report(), PORTAL);
    assert!(
        now.contains(&"版Bの実績(9月)".to_string()) && !now.contains(&"版Aの実績(9月)".to_string())
    );
}

/// A division works on its own saved workbook again: the line its first answer added stays as
/// written (one more beside it), and in another topic a line the first answer rewrote is put
/// back as sent. The file holds the first answer's line as written: it is that file, and the
/// take-back is taken and said, not held (a copy of the sent file never held that line).
#[test]
fn a_take_back_in_the_file_that_still_holds_the_first_answers_line_is_taken() {
    let mut master = master();
    let (book, cell) = sent_workbook(master.report(), 推進課, PORTAL);
    let (other, other_cell) = other_topic(master.report(), 推進課, topic(master.report(), PORTAL));
    let first_line = other_cell.lines().next().unwrap().to_string();
    let noted = format!("{first_line}（参加者120名）");
    let first = type_into_workbook(&book, &cell, &format!("{cell}\n・{BY_DIVISION}"));
    let first = type_into_workbook(
        &first,
        &other_cell,
        &other_cell.replacen(&first_line, &noted, 1),
    );
    take_book(&mut master, &first, "推進課.xlsx", 10);
    let again = type_into_workbook(
        &first,
        &format!("{cell}\n・{BY_DIVISION}"),
        &format!("{cell}\n・{BY_DIVISION}\n・{REWRITTEN}"),
    );
    let again = type_into_workbook(
        &again,
        &other_cell.replacen(&first_line, &noted, 1),
        &other_cell,
    );
    let c = collected_book(&master, &again, 11);
    assert!(back_as_sent_said(&c, false, true), "{:?}", c.warnings);
    assert!(c.conflicts().is_empty(), "{:?}", c.conflicts());
    master.perform(c.intent(&[]).unwrap()).unwrap();
    assert_eq!(
        entries_text(&master.report().topic(other).unwrap().actual),
        other_cell
    );
    let now = results(master.report(), PORTAL);
    assert!(now.contains(&BY_DIVISION.to_string()) && now.contains(&REWRITTEN.to_string()));
}

/// A division types a new line into its response file by hand, text alone, in the report's
/// own form with sub-items (「職員研修の実施 新規採用職員研修(4月) 割愛採用職員研修(5月)」): the
/// first answer takes it whole, and sending the same file again changes nothing. Before, the
/// second collect read the line as its sub-items removed: its text cut to 「職員研修の実施」
/// and both sub-items deleted.
#[test]
fn a_line_with_sub_items_typed_into_a_response_file_survives_the_file_sent_again() {
    let mut master = master();
    let line =
        "職員研修の実施 新規採用職員研修(4回・103名受講)(4月) 割愛採用職員研修(4回・33名受講)(5月)";
    let (_dir, file) = typed_into_response(
        master.report(),
        &format!("(id: 900, bullet: true, text: \"{line}\")"),
    );

    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let taken = master
        .report()
        .topic(topic(master.report(), ALONE))
        .unwrap();
    let e = taken
        .actual
        .iter()
        .find(|e| e.text == line)
        .expect("taken whole");
    assert_eq!(e.subs.len(), 2);
    let before = taken.actual.clone();

    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(11));
    assert!(c.taken[0].changed_topics.is_empty(), "{:?}", c.taken[0]);
    if let Some(intent) = c.intent(&[]) {
        master.perform(intent).unwrap();
    }
    let again = master
        .report()
        .topic(topic(master.report(), ALONE))
        .unwrap();
    assert_eq!(again.actual, before);
}

/// 管財課's response file with `typed` (an entry in RON) put first in its topic's results by
/// hand, as a text editor would: the file, in a folder kept while the guard lives.
fn typed_into_response(master: &Report, typed: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let response = survey::response_for(master, 管財課, due(), "");
    let ron = shinchoku::store::to_ron(&response);
    let t = topic(&response, ALONE);
    let first = &response.topic(t).unwrap().actual[0].text;
    let at_first = ron
        .find(&format!("text: \"{first}\""))
        .expect("the first result");
    let start = ron[..at_first].rfind("actual: [\n").expect("its list") + "actual: [\n".len();
    let ron = format!("{}{typed},\n{}", &ron[..start], &ron[start..]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("管財課.ron");
    std::fs::write(&file, ron).unwrap();
    (dir, file)
}

/// A new line typed by hand with its sub-items listed beside its text, not in it: every word
/// arrives — the head and its ※ note as typed, the sub-items after the head. Composed again
/// from the line's reading (a hand-typed line has none), the head was lost unsaid: 「研修の実施
/// ※全職員対象」 arrived as 「新任(4月) 中堅(9月)」.
#[test]
fn a_hand_typed_line_with_its_sub_items_beside_its_text_keeps_every_word() {
    for (typed, want) in [
        (
            r#"(id: 900, bullet: true, text: "研修の実施 ※全職員対象", subs: [(id: 901, text: "新任(4月)"), (id: 902, text: "中堅(9月)")])"#,
            "研修の実施 新任(4月) 中堅(9月) ※全職員対象",
        ),
        (
            r#"(id: 900, bullet: true, text: "説明会の開催（本庁・地域機関） 本庁(6月)", subs: [(id: 901, text: "本庁(6月)"), (id: 902, text: "地域機関(7月)")])"#,
            "説明会の開催（本庁・地域機関） 本庁(6月) 地域機関(7月)",
        ),
        // A sub-item whose words stand in the head (研修 in 研修の実施) is not held by it: it
        // was taken as held, and dropped when the text was read again.
        (
            r#"(id: 900, bullet: true, text: "研修の実施 ※全職員対象", subs: [(id: 901, text: "研修"), (id: 902, text: "中堅(9月)")])"#,
            "研修の実施 研修 中堅(9月) ※全職員対象",
        ),
    ] {
        let mut master = master();
        let (_dir, file) = typed_into_response(master.report(), typed);
        let c =
            survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
        assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
        master.perform(c.intent(&[]).unwrap()).unwrap();
        assert!(
            results(master.report(), ALONE).iter().any(|r| r == want),
            "{:?}",
            results(master.report(), ALONE)
        );
    }
}

/// A new line in a response file whose reading written beside its text disagrees with it
/// (`text: "研修の実施(9月)", label: "研修の実施及び効果測定", when: Some("10月")`): the text is
/// taken, as it always is, and the disagreement is said, as it is of a line that was sent.
/// 「及び効果測定」 and 10月 went unsaid.
#[test]
fn a_new_lines_reading_beside_its_text_that_disagrees_is_said() {
    let master = master();
    let typed = r#"(id: 900, bullet: true, text: "研修の実施(9月)", label: "研修の実施及び効果測定", when: Some("10月"))"#;
    let (_dir, file) = typed_into_response(master.report(), typed);
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    let said: Vec<String> = crate::described_ja(&c.warnings);
    assert!(
        said.iter().any(|w| w.contains("「研修の実施(9月)」: 文と、その横に保存された読み取り（時期「10月」など）が合わないため、文から読み直しました（時期「9月」）")),
        "{said:?}"
    );
    // Typed with no reading beside it (the usual hand-typed line): nothing to say.
    let (_dir, file) = typed_into_response(
        master.report(),
        r#"(id: 900, bullet: true, text: "研修の実施(9月)")"#,
    );
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    assert!(
        !crate::described_ja(&c.warnings)
            .iter()
            .any(|w| w.contains("読み直しました"))
    );
}

/// One answer file named twice (`r1.ron r1.ron ./r1.ron`: a glob overlapping a list) is read
/// once: it was said to replace itself, and that which of the two was newer could not be
/// told ("collect it alone again").
#[test]
fn an_answer_named_twice_is_read_once() {
    let master = master();
    let (dir, file) = typed_into_response(
        master.report(),
        r#"(id: 900, bullet: true, text: "研修の実施(9月)")"#,
    );
    let again = dir.path().join(".").join("管財課.ron");
    let named = [file.clone(), file, again];
    let c = survey::collect::collect_files(master.report(), &named, at(10));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    assert!(c.taken[0].replaces.is_empty(), "{:?}", c.taken[0].replaces);
    assert!(
        c.warnings.is_empty(),
        "{:?}",
        crate::described_ja(&c.warnings)
    );
}

/// A line typed by hand into a response file (its text alone) is linked to its plan line as
/// the same line typed into a workbook is: it came in linked to nothing, and the web page and
/// the printout marked it 計画外 (and the report differed from its own table read back).
#[test]
fn a_hand_typed_line_is_linked_to_its_plan_line() {
    let mut master = master();
    let typed = r#"(id: 900, bullet: true, text: "県有財産の貸付けに向けた現地調査の実施(6月)")"#;
    let (_dir, file) = typed_into_response(master.report(), typed);
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let r = master.report();
    let t = r.topic(topic(r, ALONE)).unwrap();
    let line = (t.actual.iter())
        .find(|e| e.text == "県有財産の貸付けに向けた現地調査の実施(6月)")
        .unwrap();
    let linked: Vec<&str> = (line.reports.iter())
        .filter_map(|p| r.entry(*p).map(|e| e.text.as_str()))
        .collect();
    assert!(!linked.is_empty(), "linked to nothing");
}

/// A line typed by hand whose text holds more sub-items than an answer may bring (its months
/// counted as read): the answer is refused, naming its count, and nothing of it taken. They
/// went uncounted (a hand-typed line's sub-items are in its text alone), and a master taking
/// 900,000 of them was too large to save: every other answer of the collection lost with it.
#[test]
fn a_hand_typed_line_of_more_sub_items_than_an_answer_brings_is_refused() {
    use shinchoku::model::bounds::MAX_ANSWER_ENTRIES;
    let master = master();
    let text = format!("研修 {}", "x(4月) ".repeat(MAX_ANSWER_ENTRIES + 1));
    let typed = format!(r#"(id: 900, bullet: true, text: "{text}")"#);
    let (_dir, file) = typed_into_response(master.report(), &typed);
    let c = survey::collect::collect_files(master.report(), std::slice::from_ref(&file), at(10));
    assert!(c.taken.is_empty());
    assert_eq!(c.refused.len(), 1);
    assert!(
        matches!(c.refused[0].1, survey::Refusal::TooManyEntries { .. }),
        "{:?}",
        c.refused[0].1
    );
}

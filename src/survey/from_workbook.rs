//! A workbook answer (`.xlsx`): a row per topic of the division, its 実績 cell read into the
//! topic's results against what the cell was sent with.

use std::collections::{HashMap, HashSet};

use super::adopt::{Fresh, adopt_lines, relinked_by};
use super::answer::Answer;
use super::brought::{Brought, as_taken_before};
use super::conflict::{Conflict, ConflictKind};
use super::shared::Written;
use super::workbook::Row;
use super::{entries_text, topic_divisions};
use crate::edit::{Edit, Thing};
use crate::model::{Entry, Id, Initiative, Report, Side, TakenTopic, Topic};

/// A conflict of a workbook answer (`file`, `division`) in topic `t`, with what accepting its
/// `edit` does to the links of the initiative's results.
fn answered_conflict(
    (file, division): (&str, &str),
    kind: ConflictKind,
    (i, t): (&Initiative, &Topic),
    (old, new): (String, String),
    edit: Option<Edit>,
) -> Conflict {
    let relinked = relinked_by(i, edit.as_ref());
    Conflict {
        file: file.to_string(),
        division: division.to_string(),
        kind,
        initiative: Some(i.number.clone()),
        topic: t.heading.clone(),
        old,
        new,
        unlinks: relinked.unlinks,
        moves: relinked.moves,
        edit,
        not_sent: false,
    }
}

/// The row's 実績 cell without the lines restating a result shown apart (`kept`), each said.
fn without_kept_copies(
    row: &Row,
    kept: &HashSet<String>,
    warnings: &mut Vec<crate::model::diag::Warning>,
) -> String {
    use crate::model::diag::{Location, Warning, WarningKind};
    let mut cell = String::new();
    let lines: Vec<&str> = row.results.lines().collect();
    for (k, line) in lines.iter().enumerate() {
        let as_kept = line.trim_end_matches('\r').trim();
        // A ※ note under the copy (「※下半期も継続して掲載中」) makes it a line of its own: the
        // result with its note, new. Dropped, the note stood alone as a result, which the
        // report's workbook read back as the note of the line before it.
        let noted = (lines[k + 1..].iter().map(|l| l.trim()))
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.starts_with('※'));
        if !as_kept.is_empty() && !noted && kept.contains(&restated(as_kept)) {
            let text = as_kept.trim_start_matches('・').to_string();
            let at = Location::cell(super::workbook::SHEET, row.row as usize, 5, None);
            warnings.push(Warning::new(at, WarningKind::AlreadyKept { text }));
            continue;
        }
        cell.push_str(line);
        cell.push('\n');
    }
    cell
}

/// A workbook answer: a row per topic of the division (`sent`: the topics it was sent with; one
/// no row is read as is a row deleted). A topic written in two rows keeps both rows' results
/// (once when they are the same), and the review says so; a row of a topic that is not the
/// division's is listed and never taken in; a row whose hidden ID was typed over is read as the
/// topic it was sent for.
pub(super) fn from_workbook(
    master: &Report,
    (rows, sent): (&[Row], &[Id]),
    answer: &Answer,
    (before, written): (&[TakenTopic], &Written),
    fresh: &mut Fresh,
) -> Brought {
    let division = answer.response.division.as_str();
    let mut brought = Brought::answering(written);
    let conflict = |kind, i: &Initiative, t: &Topic, old: String, new: String, edit| {
        answered_conflict((&answer.file, division), kind, (i, t), (old, new), edit)
    };
    // A cell not as sent: the division worked on this workbook, not an untouched copy.
    let changed =
        (rows.iter()).any(|r| (r.sent_results).is_some_and(|h| h != super::sent::hash(&r.results)));
    brought.say_as_sent(changed, written);
    let worked_on = changed || written.sent_back;
    let rows = rows_as_sent(master, rows, division, &mut brought.warnings);
    // The topics sent that no row is read as (a row read as the topic it was sent for is that
    // topic's; one whose ID names a deleted row's topic is not).
    let named: HashSet<Id> = rows.iter().map(|r| r.topic).collect();
    let gone: Vec<Id> = (sent.iter().copied())
        .filter(|id| !named.contains(id))
        .collect();
    for row in merged_rows(&rows, &mut brought.warnings) {
        let (Some(i), Some(t)) = (
            master.initiative_of_topic(row.topic),
            master.topic(row.topic),
        ) else {
            brought.conflicts.push(topic_added(&row, answer));
            continue;
        };
        // A topic outside the division's part is refused, never offered: another division's
        // workbook cannot change its heading, plan or results.
        // The results shown apart stay; the cell answers for the others.
        let open = Topic {
            actual: t
                .actual
                .iter()
                .filter(|e| !row.kept_apart.contains(&e.id))
                .cloned()
                .collect(),
            ..t.clone()
        };
        let divisions = topic_divisions(i, t);
        if !divisions.contains(&division) {
            if same_text(&row.results, &entries_text(&open.actual)) {
                continue;
            }
            brought.conflicts.push(conflict(
                ConflictKind::OtherDivisionResults {
                    topic: t.id,
                    division: divisions.first().map(|d| d.to_string()),
                },
                i,
                t,
                entries_text(&t.actual),
                row.results.clone(),
                None,
            ));
            continue;
        }
        // The locked cells changed: only if they differ from the master and from what was sent.
        let changed = |sent: Option<u64>, now: &str, written: &str| {
            !same_text(written, now) && sent.is_none_or(|h| h != super::sent::hash(written))
        };
        let heading = t.heading.clone().unwrap_or_default();
        if changed(row.sent_heading, &heading, &row.heading) {
            let new = Some(row.heading.trim().to_string()).filter(|h| !h.is_empty());
            brought.conflicts.push(conflict(
                ConflictKind::TopicHeading { topic: t.id },
                i,
                t,
                heading.clone(),
                row.heading.clone(),
                Some(Edit::SetTopicHeading {
                    id: t.id,
                    heading: new,
                }),
            ));
        }
        let plan = entries_text(&t.plan);
        if changed(row.sent_plan, &plan, &row.plan) {
            let entries = adopt_lines((i, t, Side::Plan), &row.plan, &|_| None, fresh);
            brought.conflicts.push(conflict(
                ConflictKind::Plan { topic: t.id },
                i,
                t,
                plan,
                row.plan.clone(),
                Some(Edit::SetEntries {
                    topic: t.id,
                    side: Side::Plan,
                    entries,
                }),
            ));
        }
        if row.results_unread {
            continue;
        }
        let read = (before, written, worked_on, (answer.file.as_str(), division));
        row_results(&mut brought, (i, t, &open), &row, read, fresh);
    }
    brought.settle_take_backs();
    brought
        .conflicts
        .extend(rows_deleted(master, &gone, answer));
    brought
}

/// The rows, each naming the topic it was sent for: a hidden ID typed over with another topic's
/// put the row's words, and copies of its topic's results, under that topic (two IDs swapped
/// moved two topics' results). A row is read as the topic of the division it was sent for
/// ([`sent_for`]), the ID cell said; it keeps the ID it names where what it was sent with
/// tells no other. (The division's topics are the master's: the list the hidden sheet keeps
/// is typed over as easily.)
fn rows_as_sent(
    master: &Report,
    rows: &[Row],
    division: &str,
    warnings: &mut Vec<crate::model::diag::Warning>,
) -> Vec<Row> {
    use crate::model::diag::{Location, Warning, WarningKind};
    let own: Vec<(&Initiative, &Topic)> = (master.initiatives())
        .flat_map(|i| i.topics.iter().map(move |t| (i, t)))
        .filter(|(i, t)| topic_divisions(i, t).contains(&division))
        .collect();
    let topic_of_result: HashMap<Id, Id> = (own.iter())
        .flat_map(|(_, t)| Entry::all_in(&t.actual).map(|e| (e.id, t.id)))
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut row = row.clone();
        let column = usize::from(super::workbook::ID_COL) + 1;
        let at =
            |column: usize| Location::cell(super::workbook::SHEET, row.row as usize, column, None);
        let Some((i, t)) = sent_for(master, &row, &own, &topic_of_result) else {
            if let Some(id) = &row.id_written {
                // Its ID gone and nothing telling which topic it was: every word said, none
                // taken.
                let cells = [
                    (column, id),
                    (usize::from(super::workbook::HEADING_COL) + 1, &row.heading),
                ];
                let cells = cells.into_iter().chain([
                    (usize::from(super::workbook::PLAN_COL) + 1, &row.plan),
                    (usize::from(super::workbook::RESULT_COL) + 1, &row.results),
                ]);
                for (c, text) in cells.filter(|(_, text)| !text.trim().is_empty()) {
                    let kind = WarningKind::CellNotAnswer {
                        text: text.clone(),
                        row_added: false,
                    };
                    warnings.push(Warning::new(at(c), kind));
                }
                continue;
            }
            out.push(row);
            continue;
        };
        let kind = WarningKind::IdTypedOver {
            written: (row.id_written.clone()).unwrap_or_else(|| row.topic.0.to_string()),
            initiative: i.number.clone(),
            heading: t.heading.clone().filter(|h| !h.trim().is_empty()),
        };
        warnings.push(Warning::new(at(column), kind));
        row.topic = t.id;
        out.push(row);
    }
    out
}

/// The topic among `own` (the division's) a row was sent for, when it is not the one its ID
/// names: the one whose initiative's number and title, heading and plan the row was sent with
/// (its hidden cell's hashes), the only one; or, with none, the one all the results its hidden
/// cell lists stand in. None when the topic named was sent so (an office's edit since changes
/// what a topic shows, and a row keeps its ID when nothing tells another).
fn sent_for<'m>(
    master: &'m Report,
    row: &Row,
    own: &[(&'m Initiative, &'m Topic)],
    topic_of_result: &HashMap<Id, Id>,
) -> Option<(&'m Initiative, &'m Topic)> {
    use super::sent::hash;
    let (heading, plan) = (row.sent_heading?, row.sent_plan?);
    let (number, title) = (*row.sent_shown.first()?, *row.sent_shown.get(1)?);
    let sent_with = |i: &Initiative, t: &Topic| {
        hash(&i.number) == number
            && hash(format!("{} {}", i.label, i.title).trim()) == title
            && hash(t.heading.as_deref().unwrap_or_default()) == heading
            && hash(&entries_text(&t.plan)) == plan
    };
    let named = (master.initiative_of_topic(row.topic)).zip(master.topic(row.topic));
    if named.is_some_and(|(i, t)| sent_with(i, t)) {
        return None;
    }
    let mut alike = own.iter().filter(|(i, t)| sent_with(i, t));
    let found = match (alike.next(), alike.next()) {
        (Some(one), None) => Some(*one),
        (Some(_), Some(_)) => None,
        (None, _) => {
            let listed: HashSet<Id> = (row.sent_ids.iter().flatten())
                .filter_map(|id| topic_of_result.get(id).copied())
                .collect();
            let mut only = listed.into_iter();
            match (only.next(), only.next()) {
                (Some(id), None) => own.iter().find(|(_, t)| t.id == id).copied(),
                _ => None,
            }
        }
    };
    found.filter(|(_, t)| t.id != row.topic)
}

/// A row naming a topic the master does not have: listed as a topic added, which only the
/// office makes, by hand.
fn topic_added(row: &Row, answer: &Answer) -> Conflict {
    Conflict {
        file: answer.file.clone(),
        division: answer.response.division.clone(),
        kind: ConflictKind::Structure {
            thing: Thing::Topic,
            id: row.topic,
            added: true,
        },
        initiative: None,
        topic: Some(row.heading.clone()).filter(|h| !h.is_empty()),
        old: String::new(),
        new: row.results.clone(),
        unlinks: Vec::new(),
        moves: Vec::new(),
        edit: None,
        not_sent: false,
    }
}

/// A workbook row's results cell into the topic (`open`: the topic without the results shown
/// apart): nothing when it holds what the topic or the division's earlier answer held.
/// A row whose hidden ids name a result that stands under another topic: the hidden cell was
/// edited or damaged (a removal read against them was lost, unsaid). The row as one from a
/// workbook before them — read by its text — the cell named in a warning.
fn ids_named_elsewhere(
    brought: &mut Brought,
    t: &Topic,
    row: &Row,
    written: &Written,
) -> Option<Row> {
    use crate::model::diag::{Location, Warning, WarningKind};
    let ids = row.sent_ids.as_ref()?;
    let here: HashSet<Id> = t.actual.iter().map(|e| e.id).collect();
    if !ids
        .iter()
        .any(|id| written.standing.contains(id) && !here.contains(id))
    {
        return None;
    }
    let listed: Vec<String> = ids.iter().map(|id| id.0.to_string()).collect();
    let column = usize::from(super::workbook::SENT_COL) + 1;
    let at = Location::cell(super::workbook::SHEET, row.row as usize, column, None);
    let kind = WarningKind::CellNotAnswer {
        text: format!("s:{}", listed.join(",")),
        row_added: false,
    };
    let by_text = Row {
        sent_ids: None,
        sent_texts: None,
        ..row.clone()
    };
    brought.warnings.push(Warning::new(at, kind));
    Some(by_text)
}

fn row_results(
    brought: &mut Brought,
    (i, t, open): (&Initiative, &Topic, &Topic),
    row: &Row,
    (before, written, worked_on, from): (&[TakenTopic], &Written, bool, (&str, &str)),
    fresh: &mut Fresh,
) {
    use crate::model::diag::{Location, Warning, WarningKind};
    let by_text = ids_named_elsewhere(brought, t, row, written);
    let row = by_text.as_ref().unwrap_or(row);
    // The results the cell was sent with, as they stand, and those the division's earlier
    // answers added: those the answer may rewrite or remove (one taken in from another
    // division since, or added by the office, is not the cell's, even where a line now stands
    // in its place).
    let sent: Option<HashSet<Id>> = row.sent_ids.as_ref().map(|ids| {
        ids.iter()
            .copied()
            .chain(written.own.iter().filter(|w| w.added).map(|w| w.id))
            .collect()
    });
    let answerable = Topic {
        actual: open
            .actual
            .iter()
            .filter(|e| sent.as_ref().is_none_or(|ids| ids.contains(&e.id)))
            .cloned()
            .collect(),
        ..open.clone()
    };
    // Typed otherwise than sent: a cell just as the earlier answer had it carries that on.
    let not_as_sent = (row.sent_results).is_some_and(|h| h != super::sent::hash(&row.results));
    if same_text(&row.results, &entries_text(&answerable.actual)) {
        brought.carries_on |= as_taken_before(brought, before, t.id, &t.actual) && not_as_sent;
        return;
    }
    // The cell as it was sent: the division wrote nothing there, and what was taken in or
    // corrected since stays (an untouched workbook put the office's corrections back) —
    // unless the division's earlier answer wrote there and this workbook is its work: then
    // taking that back is offered, held.
    let mut back_as_sent = None;
    if row
        .sent_results
        .is_some_and(|h| h == super::sent::hash(&row.results))
    {
        let ids = (t.actual.iter().map(|e| e.id)).chain(row.sent_ids.iter().flatten().copied());
        if !worked_on || !super::shared::wrote_in(written, ids) {
            return;
        }
        back_as_sent = Some(from);
    }
    if super::workbook::is_date_form(row.results.trim()) {
        let at = Location::cell(super::workbook::SHEET, row.row as usize, 5, None);
        let text = row.results.trim().to_string();
        brought
            .warnings
            .push(Warning::new(at, WarningKind::DateCell { text }));
    }
    // A line restating a result shown apart (copied from 上半期の実績, or typed again as an IME
    // types it: （6月）, (７月)) is that result.
    let kept: HashSet<String> = t
        .actual
        .iter()
        .filter(|e| row.kept_apart.contains(&e.id))
        .map(|e| restated(&e.text))
        .collect();
    let cell = without_kept_copies(row, &kept, &mut brought.warnings);
    let sent_texts = super::sent_texts::SentTexts::of_row(row, written);
    let known = sent_texts.lines_of(&answerable.actual);
    let mut typed = adopt_lines(
        (i, &answerable, Side::Actual),
        &cell,
        &|text| known.result_of(text),
        fresh,
    );
    // A new line linked to a plan line of another division's topic (by its name, the
    // initiative shared): not linked — it made that division's plan lines 完了.
    let own = super::answer_links::own_plans(i, from.1);
    let standing: HashSet<Id> = Entry::all_in(&t.actual).map(|e| e.id).collect();
    for e in typed.iter_mut().filter(|e| !standing.contains(&e.id)) {
        e.reports.retain(|p| own.contains(p));
    }
    // The cell's lines as the division's earlier answer had them: the same answer sent again,
    // which changes nothing (what was done with them since — the office's correction, another
    // division's rewrite — stays).
    if as_taken_before(brought, before, t.id, &typed) {
        brought.carries_on |= not_as_sent;
        return;
    }
    let own = super::shared::typed_as_standing(&open.actual, &typed);
    let since = super::sent_texts::since_sent(&answerable.actual, typed, &sent_texts, fresh);
    brought.say_of_results((i, t), since.said);
    brought.withdrawn.extend(since.kept.iter().copied());
    let sent = sent.map(|ids| &ids - &since.kept);
    let typed = super::shared::keep_added_since(&open.actual, since.list, sent.as_ref());
    let (typed, again) = super::shared::same_words_once(&open.actual, typed, &own);
    brought.same_words.extend(again);
    let entries = around_kept(&t.actual, &row.kept_apart, typed);
    brought.answer_topic(
        (i, t),
        entries,
        (back_as_sent, from),
        (&sent_texts, written),
    );
}

/// A line as compared with a result shown apart: without its `・`, white space, and the
/// widths of digits, letters and brackets.
fn restated(line: &str) -> String {
    crate::model::text::normalized_chars(line.trim_start_matches('・'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// A topic's results: those kept apart where they stand, the typed ones where the first of
/// the others stood (after the last, when every result was kept apart).
fn around_kept(master: &[Entry], kept: &[Id], typed: Vec<Entry>) -> Vec<Entry> {
    let mut out = Vec::with_capacity(master.len() + typed.len());
    let mut typed = Some(typed);
    for e in master {
        if kept.contains(&e.id) {
            out.push(e.clone());
        } else if let Some(typed) = typed.take() {
            out.extend(typed);
        }
    }
    out.extend(typed.into_iter().flatten());
    out
}

/// The rows with each topic once: a topic's second row joins the first (its results after the
/// first's, unless they are the same), with a warning naming both rows.
fn merged_rows(rows: &[Row], warnings: &mut Vec<crate::model::diag::Warning>) -> Vec<Row> {
    use crate::model::bounds::MAX_WARNINGS;
    use crate::model::diag::{Location, Warning, WarningKind};
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    // Per topic: its place in `out`, the texts of its rows (as compared) and the cells'
    // results to join — joined once at the end: joining as each row came, and comparing with
    // all joined so far, was quadratic (40,000 rows naming one topic took a minute).
    let mut at: HashMap<Id, RowsOfTopic> = HashMap::new();
    let (mut said, mut more) = (0usize, 0usize);
    // A row whose results cell cannot be read adds nothing to another of its topic's.
    let readable_first =
        (rows.iter().filter(|r| !r.results_unread)).chain(rows.iter().filter(|r| r.results_unread));
    for row in readable_first {
        let Some((k, seen, parts)) = at.get_mut(&row.topic) else {
            let texts = HashSet::from([compared_lines(&row.results)]);
            at.insert(row.topic, (out.len(), texts, vec![row.results.clone()]));
            out.push(row.clone());
            continue;
        };
        let same = row.results_unread || !seen.insert(compared_lines(&row.results));
        if !same {
            parts.push(row.results.clone());
        }
        if said == MAX_WARNINGS {
            more += 1;
            continue;
        }
        said += 1;
        warnings.push(Warning::new(
            Location::cell(super::workbook::SHEET, row.row as usize, 1, None),
            WarningKind::TopicInTwoRows {
                heading: row.heading.clone(),
                rows: [out[*k].row, row.row],
                same,
            },
        ));
    }
    for (k, _, parts) in at.into_values().filter(|(_, _, p)| p.len() > 1) {
        out[k].results = joined_once(&parts);
    }
    if more > 0 {
        let kind = WarningKind::NotListed { count: more };
        warnings.push(Warning::new(Location::default(), kind));
    }
    out
}

/// The cells of a topic's rows joined, each result once: a result — a bulleted line with the
/// lines under it — that an earlier row holds in the same words is not taken again (a row
/// copied and one line added in the copy took every other line twice).
fn joined_once(parts: &[String]) -> String {
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let mut joined = String::new();
    for part in parts {
        for result in results_of_cell(part.trim()) {
            if seen.insert(compared_lines(&result)) {
                if !joined.is_empty() {
                    joined.push('\n');
                }
                joined.push_str(&result);
            }
        }
    }
    joined
}

/// A cell's results as written: each from a line starting with a bullet (`・`) to the next; the
/// lines before the first bullet are one.
fn results_of_cell(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in cell.lines() {
        match out.last_mut() {
            Some(last) if !line.trim_start().starts_with('・') => {
                last.push('\n');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

/// A topic's rows in an answer sheet: its place among the rows merged, the texts of its rows
/// (as compared) and the results of those of another text, in order.
type RowsOfTopic = (usize, HashSet<Vec<String>>, Vec<String>);

/// A cell's lines as compared: each trimmed, empty ones left out.
fn compared_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Two cell texts the same but for line ends and white space at the ends of lines.
fn same_text(a: &str, b: &str) -> bool {
    compared_lines(a) == compared_lines(b)
}

/// A topic's row deleted from a workbook: listed as the topic's removal (which only the office
/// makes, by hand), its results left as they are — never passed over.
fn rows_deleted(master: &Report, gone: &[Id], answer: &Answer) -> Vec<Conflict> {
    gone.iter()
        .filter_map(|&id| {
            let (i, t) = (master.initiative_of_topic(id)?, master.topic(id)?);
            Some(Conflict {
                file: answer.file.clone(),
                division: answer.response.division.clone(),
                kind: ConflictKind::Structure {
                    thing: Thing::Topic,
                    id,
                    added: false,
                },
                initiative: Some(i.number.clone()),
                topic: t.heading.clone(),
                old: entries_text(&t.actual),
                new: String::new(),
                unlinks: Vec::new(),
                moves: Vec::new(),
                edit: None,
                not_sent: false,
            })
        })
        .collect()
}

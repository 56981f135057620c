//! Answers in (回答の取り込み): each answer is checked against the master (the same report, the
//! same period, a division that was asked, with the token its survey was sent with), its
//! division's results are merged by id into one edit — applied as one undoable step — and
//! whatever else it changed is listed as a conflict for the office to accept or reject
//! ([`super::conflict`]), never applied on its own.
//!
//! What the answer changed outside its results is told from what the response was sent with
//! ([`super::sent`]), so that what the office changed in the master since, or another
//! division's answer taken in since, is not an answer's change. Responses from before that was
//! recorded are compared with the master as it is now.

use std::borrow::Cow;
use std::collections::HashSet;

use chrono::NaiveDateTime;

use super::adopt::{Fresh, adopt_list};
pub use super::answer::AnswerWarning;
use super::answer::{Answer, AnswerContent, Refusal};
use super::answer_file::{before_sent_back, named_for_another, older_file};
use super::brought::{Brought, as_taken_before};
use super::conflict::{Conflict, ConflictKind};
use super::outside::Outside;
use super::review::{difference, warnings_of};
use super::{entries_text, topics_of};
use crate::compare::Diff;
use crate::edit::{Edit, ProvisionalEdit};
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::{Entry, Id, Received, Report, Side, TakenTopic, WrittenResult};

/// An answer taken in.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    pub file: String,
    pub division: String,
    /// The topics whose results it changes.
    pub changed_topics: Vec<Id>,
    /// The initiatives whose numbers or self-rating it changes.
    pub changed_numbers: Vec<Id>,
    /// The division had answered before: this answer replaces the earlier one.
    pub resubmission: bool,
    /// The answers of the same division given earlier in the same collection, in order, each
    /// replaced by this (none left unnamed: three files of one division name the first two).
    pub replaces: Vec<String>,
    /// The result lines written in the answers it replaces and not in it, as written: taking
    /// the later answer drops them, and the office is told which.
    pub dropped: Vec<String>,
    /// The numbers (and self-ratings) the answers it replaces gave and it does not, each where
    /// it stands and as written: not taken either, and the office is told which.
    pub dropped_numbers: Vec<(crate::model::measure_warning::MeasureAt, String)>,
    /// What it changes in the master's results (for a re-submission: against the earlier
    /// answer as the master holds it); `None` when it changes nothing.
    pub difference: Option<Diff>,
}

/// What collecting answers found: refusals, what is taken in (one edit), and conflicts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    /// Answers not taken in, by file, with the reason.
    pub refused: Vec<(String, Refusal)>,
    pub taken: Vec<Taken>,
    /// Private: the lists to join over (`bases`) and the ids handed out are built from them,
    /// and [`Collection::intent`] takes indexes into them.
    conflicts: Vec<Conflict>,
    /// What the results taken in warn of, answer by answer.
    pub warnings: Vec<AnswerWarning>,
    /// The in-scope changes and the survey records of the answers taken.
    edits: Vec<Edit>,
    /// The master's lists that more than one change sets, to join them over.
    bases: Vec<(Id, Side, Vec<Entry>)>,
    fresh_from: u64,
    /// The next provisional id after those the answers' new entries took.
    fresh_next: u64,
}

impl Collection {
    /// What is held back for the office to tick, in the order `intent` takes indexes into.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The in-scope changes (and the conflicts at `accept`, indexes into
    /// [`Collection::conflicts`]) as one step for `Document::perform`; `None` when nothing is
    /// taken in.
    pub fn intent(&self, accept: &[usize]) -> Option<crate::edit::Intent> {
        let mut edits = self.edits.clone();
        edits.extend(
            accept
                .iter()
                .filter_map(|&k| self.conflicts.get(k).and_then(|c| c.edit.clone())),
        );
        // Two answers' changes of one plan, both accepted: joined, not the later alone.
        let bases = &self.bases;
        let mut fresh = Fresh(self.fresh_next);
        let base = |topic, side| super::shared::base_of(bases, topic, side);
        super::shared::join_lists(&mut edits, &base, &mut fresh);
        (!edits.is_empty()).then(|| self.taking(Edit::Batch(edits)))
    }

    /// The characters that do not show (ESC, a right-to-left override, a TAB …) that taking
    /// these answers in would bring, each naming its text's place: the review says them before
    /// anything is taken in, as the report's warnings do after.
    pub fn invisible_brought(&self, master: &Report) -> Vec<crate::model::diag::Warning> {
        use crate::model::check::invisible_characters;
        let Some(intent) = self.intent(&[]) else {
            return Vec::new();
        };
        let mut after = master.clone();
        let applied = match intent.build(&mut after) {
            Ok(Some(edit)) => crate::edit::apply(&mut after, edit).is_ok(),
            _ => false,
        };
        if !applied {
            return Vec::new();
        }
        let before = invisible_characters(master);
        invisible_characters(&after)
            .into_iter()
            .filter(|w| !before.contains(w))
            .collect()
    }

    /// Accepting one conflict, after the collection was applied (or instead of it).
    pub fn accept_intent(&self, conflict: usize) -> Option<crate::edit::Intent> {
        let edit = self.conflicts.get(conflict)?.edit.clone()?;
        Some(self.taking(edit))
    }

    fn taking(&self, edit: Edit) -> crate::edit::Intent {
        crate::edit::Intent::TakeAnswers(Box::new(ProvisionalEdit {
            edit,
            fresh_from: self.fresh_from,
        }))
    }

    /// Whether anything was refused (the command line exits non-zero).
    pub fn has_refusals(&self) -> bool {
        !self.refused.is_empty()
    }
}

/// Checks and merges answers into the master (which is not changed: apply
/// [`Collection::intent`]). Answers are taken in the order given; a later answer of the same
/// division replaces an earlier one — unless it brings nothing and the earlier does (the
/// response workbook as it was sent, copied into the inbox after the division's answer).
/// `at` is recorded as when they were received.
pub fn collect(
    master: &Report,
    answers: Vec<Result<Answer, (String, Refusal)>>,
    at: NaiveDateTime,
) -> Collection {
    let mut out = Collection {
        fresh_from: master.next_id(),
        ..Collection::default()
    };
    let mut accepted: Accepted = Vec::new();
    for answer in answers {
        let answer = match answer {
            Ok(a) => a,
            Err(refused) => {
                out.refused.push(refused);
                continue;
            }
        };
        if let Err(reason) = admissible(master, &answer) {
            out.refused.push((answer.file.clone(), reason));
            continue;
        }
        let answer = super::answer::read_again_as_sent(answer);
        accept(master, answer, at, &mut accepted, &mut out.warnings);
    }
    let mut fresh = Fresh(master.next_id());
    let standing: HashSet<(Id, String)> = (master.initiatives().flat_map(|i| i.topics.iter()))
        .flat_map(|t| {
            (entries_text(&t.actual).lines())
                .map(|l| (t.id, l.trim().to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    // Where each answer's edits start, and whose they are.
    let mut starts: Vec<(usize, String, String)> = Vec::new();
    for (answer, replaced) in accepted {
        starts.push((
            out.edits.len(),
            answer.file.clone(),
            answer.response.division.clone(),
        ));
        // The replaced answers' lines the taken one has not, other than those standing in the
        // master under their topic (as sent: a line the replaced answer left as it was is none
        // it wrote — it was listed as "only in the replaced answer", and retyped by the office
        // beside the division's rewrite). Looked up in sets: an answer brings up to 100,000.
        let mut seen: HashSet<(Id, String)> = result_lines(&answer).into_iter().collect();
        seen.extend(standing.iter().cloned());
        let mut dropped: Vec<String> = Vec::new();
        let brought = replaced.iter().filter(|(_, nothing)| !nothing);
        for (topic, line) in brought.flat_map(|(a, _)| result_lines(a)) {
            if seen.insert((topic, line.clone())) {
                dropped.push(line);
            }
        }
        let division = answer.response.division.clone();
        let kept = numbers_given(master, &answer.content, &division);
        let mut dropped_numbers = Vec::new();
        for (a, _) in replaced.iter().filter(|(_, nothing)| !nothing) {
            for n in numbers_given(master, &a.content, &division) {
                if !kept.contains(&n) && !dropped_numbers.contains(&n) {
                    dropped_numbers.push(n);
                }
            }
        }
        let replaces = replaced.into_iter().map(|(a, _)| a.file).collect();
        take(
            master,
            answer,
            (replaces, dropped, dropped_numbers),
            at,
            &mut fresh,
            &mut out,
        );
    }
    // Lists two answers set: the results of a topic shared by two divisions are joined now;
    // a plan changed by two answers, when the office accepts both.
    let all: Vec<&Edit> = out
        .edits
        .iter()
        .chain(out.conflicts.iter().filter_map(|c| c.edit.as_ref()))
        .collect();
    out.bases = super::shared::lists_set_twice(master, &all);
    let bases = out.bases.clone();
    let base = |topic, side| super::shared::base_of(&bases, topic, side);
    let both = super::shared::join_lists(&mut out.edits, &base, &mut fresh);
    for (k, topic, now, answer) in both {
        let Some((_, file, division)) = starts.iter().rev().find(|(s, ..)| *s <= k) else {
            continue;
        };
        let (Some(i), Some(t)) = (master.initiative_of_topic(topic), master.topic(topic)) else {
            continue;
        };
        let mut said = super::brought::Brought::default();
        said.say_of_results(
            (i, t),
            vec![WarningKind::RewrittenSinceSent { now, answer }],
        );
        out.warnings
            .extend(said.warnings.into_iter().map(|warning| AnswerWarning {
                file: file.clone(),
                division: division.clone(),
                warning,
            }));
    }
    out.fresh_next = fresh.0;
    out
}

/// The numbers an answer gives, each where it stands and as written.
fn numbers_given(
    master: &Report,
    content: &AnswerContent,
    division: &str,
) -> Vec<(crate::model::measure_warning::MeasureAt, String)> {
    match content {
        AnswerContent::Report(r) => super::measures::given_in_report(master, r, division),
        AnswerContent::Workbook(_, rows, ..) => super::measures::given_in_rows(master, rows),
    }
}

/// The result lines an answer writes for its division's topics, each with its topic and as
/// compared (its ends trimmed, empty lines left out).
fn result_lines(answer: &Answer) -> Vec<(Id, String)> {
    let texts: Vec<(Id, String)> = match &answer.content {
        AnswerContent::Report(r) => topics_of(r, &answer.response.division)
            .into_iter()
            .filter_map(|t| r.topic(t))
            .map(|t| (t.id, entries_text(&t.actual)))
            .collect(),
        AnswerContent::Workbook(rows, ..) => {
            rows.iter().map(|r| (r.topic, r.results.clone())).collect()
        }
    };
    texts
        .iter()
        .flat_map(|(topic, t)| t.lines().map(move |l| (*topic, l.trim())))
        .filter(|(_, l)| !l.is_empty())
        .map(|(topic, l)| (topic, l.to_string()))
        .collect()
}

/// Whether an answer changes nothing in the master: no result, number or rating, nothing
/// held back (taken on its own, as a trial).
fn brings_nothing(master: &Report, answer: &Answer, at: NaiveDateTime) -> bool {
    let mut trial = Collection {
        fresh_from: master.next_id(),
        ..Collection::default()
    };
    let mut fresh = Fresh(master.next_id());
    take(
        master,
        answer.clone(),
        (Vec::new(), Vec::new(), Vec::new()),
        at,
        &mut fresh,
        &mut trial,
    );
    trial.conflicts.is_empty()
        && trial
            .taken
            .iter()
            .all(|t| t.changed_topics.is_empty() && t.changed_numbers.is_empty())
}

/// Reads the files and collects them.
pub fn collect_files(
    master: &Report,
    paths: &[std::path::PathBuf],
    at: NaiveDateTime,
) -> Collection {
    collect_files_telling(master, paths, at, &mut |_| {})
}

/// [`collect_files`], telling `progress` the fraction of files read (reading is the long part;
/// the command line's bar).
pub fn collect_files_telling(
    master: &Report,
    paths: &[std::path::PathBuf],
    at: NaiveDateTime,
    progress: &mut dyn FnMut(f32),
) -> Collection {
    // Oldest file first: of two answers of one division, the later one is taken (unless it
    // brings nothing, see `collect`) and the other named as replaced (the order typed decided:
    // `*.ron *.xlsx` took the workbook over a newer response file). Files whose time cannot
    // be read come first, as the oldest.
    let modified = |p: &std::path::PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let mut paths: Vec<(&std::path::PathBuf, _)> = paths.iter().map(|p| (p, modified(p))).collect();
    paths.sort_by_key(|(_, at)| *at);
    // A file named twice (`r1.ron ./r1.ron`, a glob overlapping a list) is one answer: read
    // twice, it was said to replace itself, and which was newer "could not be told". Two names
    // of one file have one time, so only those beside it with the same time are looked at.
    let mut once: Vec<(&std::path::PathBuf, _)> = Vec::with_capacity(paths.len());
    for (path, at) in paths {
        let twice = (once.iter().rev())
            .take_while(|(_, t)| *t == at)
            .any(|(p, _)| crate::store::disk::same_file(p, path));
        if !twice {
            once.push((path, at));
        }
    }
    let paths: Vec<&std::path::PathBuf> = once.into_iter().map(|(p, _)| p).collect();
    let answers = paths
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let read = super::read_answer(p);
            progress((n + 1) as f32 / paths.len() as f32);
            read.map_err(|r| (super::answer::file_name(p), r))
        })
        .collect();
    collect(master, answers, at)
}

/// Answers taken, each with those of its division it replaces (and whether each brought
/// nothing: what it wrote is the master's, and nothing of it is lost).
type Accepted = Vec<(Answer, Vec<(Answer, bool)>)>;

/// Adds `answer` to those taken: of two of one division the later named (the files come oldest
/// first) replaces the earlier, unless it brings nothing and the earlier does; two written at
/// the same time are said, the order they were named in having decided.
fn accept(
    master: &Report,
    answer: Answer,
    at: NaiveDateTime,
    accepted: &mut Accepted,
    warnings: &mut Vec<AnswerWarning>,
) {
    let same_division = |(a, _): &(Answer, _)| a.response.division == answer.response.division;
    let Some(k) = accepted.iter().position(same_division) else {
        accepted.push((answer, Vec::new()));
        return;
    };
    let (earlier, mut replaced) = accepted.remove(k);
    if brings_nothing(master, &answer, at) && !brings_nothing(master, &earlier, at) {
        replaced.push((answer, true));
        accepted.push((earlier, replaced));
        return;
    }
    // Files given in one order and written at one time: the order decided.
    if let (Some(a), Some(b)) = (earlier.modified, answer.modified)
        && a == b
    {
        let kind = WarningKind::SameModifiedTime {
            replaced: earlier.file.clone(),
            at: a,
        };
        warnings.push(AnswerWarning {
            file: answer.file.clone(),
            division: answer.response.division.clone(),
            warning: Warning::new(Location::default(), kind),
        });
    }
    replaced.push((earlier, false));
    accepted.push((answer, replaced));
}

fn admissible(master: &Report, answer: &Answer) -> Result<(), Refusal> {
    let r = &answer.response;
    if r.report != master.id {
        return Err(Refusal::AnotherReport {
            expected: master.id.clone(),
            found: r.report.clone(),
        });
    }
    if (r.fiscal_year, r.period) != (master.fiscal_year, master.period) {
        return Err(Refusal::AnotherPeriod {
            expected: (master.fiscal_year, master.period),
            found: (r.fiscal_year, r.period),
        });
    }
    let Some(record) = master.survey_of(&r.division).filter(|s| s.sent.is_some()) else {
        return Err(Refusal::NotAsked {
            division: r.division.clone(),
        });
    };
    // The token of the survey sent to that division: another division's file, or its
    // division changed by hand, does not carry it.
    if record.token.as_ref().is_some_and(|t| *t != r.token) {
        return Err(Refusal::WrongToken {
            division: r.division.clone(),
        });
    }
    Ok(())
}

/// What an answer replaces: the files, and the result lines and numbers only they gave.
type Dropped = (
    Vec<String>,
    Vec<String>,
    Vec<(crate::model::measure_warning::MeasureAt, String)>,
);

/// What the division's earlier answers took in: each topic's results as the last had them —
/// not once the survey was sent again after it (the division was sent what stands now, and
/// typing its earlier answer back over a correction made since is a change; the line-by-line
/// reading still keeps a correction an answer in the earlier file leaves as it was) — and the
/// results they wrote (those it added are its own to rewrite or remove, and each is read
/// against the text the division last gave it).
fn earlier_answers(
    earlier: Option<&crate::model::DivisionSurvey>,
) -> (Vec<TakenTopic>, Vec<WrittenResult>) {
    let received = earlier.and_then(|s| s.received.as_ref());
    let before = (received.filter(|r| !r.sent_again)).map_or_else(Vec::new, |r| r.taken.clone());
    let own = received.map_or_else(Vec::new, |r| r.written.clone());
    (before, own)
}

/// What an answer brings: its results' and its numbers' edits and words.
fn gather(
    master: &Report,
    answer: &Answer,
    (before, written): (&[TakenTopic], &super::shared::Written),
    at: NaiveDateTime,
    fresh: &mut Fresh,
) -> (Brought, super::measures::NumbersAnswered) {
    let division = answer.response.division.as_str();
    match &answer.content {
        AnswerContent::Report(r) => (
            from_report(master, r, answer, (before, written), fresh),
            super::measures::from_report(master, r, division, (at.date(), before)),
        ),
        AnswerContent::Workbook(rows, numbers, outside, sent) => {
            let mut brought = super::from_workbook::from_workbook(
                master,
                (rows, sent),
                answer,
                (before, written),
                fresh,
            );
            brought.warnings.extend(outside.iter().cloned());
            let measures =
                super::measures::from_rows(master, numbers, division, (at.date(), before));
            (brought, measures)
        }
    }
}

fn take(
    master: &Report,
    answer: Answer,
    (replaces, dropped, dropped_numbers): Dropped,
    at: NaiveDateTime,
    fresh: &mut Fresh,
    out: &mut Collection,
) {
    let division = answer.response.division.clone();
    let earlier = master.survey_of(&division);
    let (before, own) = earlier_answers(earlier);
    let before_sent_back = before_sent_back(earlier, &answer);
    let mut written = super::shared::Written {
        own: &own,
        others: super::shared::written_by_others(master, &division),
        sent_back: earlier.is_some_and(|s| s.sent_back.is_some()) && before_sent_back.is_none(),
        takes_back: true,
        standing: super::shared::standing_results(master),
        answer_lines: super::shared::answer_lines(&answer.content),
    };
    let first_fresh = fresh.0;
    let (mut brought, mut numbers) = gather(master, &answer, (&before, &written), at, fresh);
    // After a 差戻し an answer with its results and numbers all as sent may be the division
    // taking back all it wrote, or the blank file sent again (mailed for another division):
    // the one cannot be told from the other, so taking back is held for the office to tick,
    // where it was taken (a mix-up deleted what the division had answered).
    let untouched = brought.results_as_sent && numbers.all_as_sent;
    if untouched && written.sent_back {
        written.takes_back = false;
        fresh.0 = first_fresh;
        (brought, numbers) = gather(master, &answer, (&before, &written), at, fresh);
        let kind = WarningKind::AsSentAfterSentBack;
        brought
            .warnings
            .push(Warning::new(Location::default(), kind));
    }
    brought
        .warnings
        .extend(named_for_another(master, &answer.file, &division));
    brought.edits.extend(numbers.edits);
    brought.warnings.extend(numbers.said);
    (brought.warnings).extend(super::answer_file::said_as_master_names(master, &answer));
    brought.taken.extend(numbers.taken);
    hold_or_take_put_back(&mut brought, numbers.held, (master, &answer, &written));
    // After the put-back taken on a 差戻し: the numbers as they will be.
    division_part_kept(&mut brought, master);
    let mut record = earlier
        .cloned()
        .unwrap_or_else(|| crate::model::DivisionSurvey::new(&division));
    let count = earlier
        .and_then(|s| s.received.as_ref())
        .map_or(0, |r| r.count);
    (brought.warnings).extend(older_file(earlier, &answer, before_sent_back));
    brought.say_unchanged(count == 0);
    let received = Some(Received {
        at,
        file: answer.file.clone(),
        count: count.saturating_add(1),
        taken: std::mem::take(&mut brought.taken),
        modified: answer.modified,
        written: super::shared::written_by(
            master,
            &own,
            &brought.edits,
            (&brought.answered, &brought.withdrawn, &brought.same_words),
        ),
        sent_again: false,
        retired_added: Default::default(),
    });
    // An untouched copy after an answer is no answer of the division's: 提出状況 keeps the
    // answer it follows (a copy mailed by another division was recorded as the answer) — but
    // for one after a 差戻し, which answers it.
    if !(untouched && count > 0) || written.sent_back {
        record.received = received;
    }
    if before_sent_back.is_none() {
        record.sent_back = None;
    }
    let difference = (!brought.edits.is_empty()).then(|| difference(master, &brought.edits));
    let changed_numbers = brought
        .edits
        .iter()
        .filter_map(|e| match e {
            Edit::SetMeasures { initiative, .. } => Some(*initiative),
            _ => None,
        })
        .collect();
    brought.warnings.extend(warnings_of(master, &brought.edits));
    out.warnings
        .extend(brought.warnings.into_iter().map(|warning| AnswerWarning {
            file: answer.file.clone(),
            division: division.clone(),
            warning,
        }));
    brought.edits.push(Edit::SetDivisionSurvey {
        division: division.clone(),
        record: Some(record),
    });
    out.edits.extend(brought.edits);
    out.conflicts.extend(brought.conflicts);
    out.taken.push(Taken {
        file: answer.file,
        division,
        changed_topics: brought.changed,
        changed_numbers,
        resubmission: count > 0,
        replaces,
        dropped,
        dropped_numbers,
        difference,
    });
}

/// Numbers an answer puts back as they were sent over what the division's earlier answer
/// wrote ([`super::measures::NumbersAnswered::held`]): taken after 差戻し (the division's
/// correction; the review lists each number, old → new), in place of what was taken of the
/// same initiative, which it holds — unless the whole answer is as sent (`takes_back` off);
/// else held, for the office to tick.
fn hold_or_take_put_back(
    brought: &mut Brought,
    held: Vec<(Id, crate::model::measures::Measures)>,
    (master, answer, written): (&Report, &Answer, &super::shared::Written),
) {
    let division = answer.response.division.as_str();
    for (initiative, measures) in held {
        if written.sent_back && written.takes_back {
            brought.edits.retain(
                |e| !matches!(e, Edit::SetMeasures { initiative: i, .. } if *i == initiative),
            );
            let measures = Box::new(measures);
            brought.edits.push(Edit::SetMeasures {
                initiative,
                measures,
            });
            continue;
        }
        let from = (answer.file.as_str(), division);
        // Against what the answer's in-scope numbers make it: those are taken, not held.
        let base = measures_taken(master, &brought.edits, initiative).cloned();
        brought
            .conflicts
            .extend(super::conflict::Conflict::numbers_back(
                from,
                master,
                (initiative, base),
                measures,
            ));
    }
}

/// The measures of `initiative` once the answer's in-scope edits are taken: the last
/// [`Edit::SetMeasures`] of it among `edits`, else the master's.
fn measures_taken<'a>(
    master: &'a Report,
    edits: &'a [Edit],
    initiative: Id,
) -> Option<&'a crate::model::measures::Measures> {
    let taken = edits.iter().rev().find_map(|e| match e {
        Edit::SetMeasures {
            initiative: i,
            measures,
        } if *i == initiative => Some(&**measures),
        _ => None,
    });
    taken.or_else(|| master.initiative(initiative).map(|i| i.measures()))
}

/// A held change of the office's numbers (a target, a planned effect) sets, when ticked, the
/// answer's office part over the division's part as this answer's in-scope numbers leave it.
fn division_part_kept(brought: &mut Brought, master: &Report) {
    for c in &mut brought.conflicts {
        if let ConflictKind::Measures { initiative } = c.kind
            && let Some(Edit::SetMeasures { measures, .. }) = c.edit.as_mut()
            && let Some(base) = measures_taken(master, &brought.edits, initiative)
        {
            **measures = crate::edit::measures::with_division_part(measures, base);
        }
    }
}

/// Says each result whose text and a sub-item were both rewritten, the text not holding the
/// sub-item: the text is taken, the sub-item's words are not.
fn sub_items_not_in_text(
    brought: &mut Brought,
    (i, t): (&crate::model::Initiative, &crate::model::Topic),
    mine: &[Entry],
    claimed: &[Entry],
) {
    for (entry, sub) in super::adopt::sub_items_not_in_text(mine, claimed) {
        let at = crate::model::diag::Location::entry(crate::model::diag::EntryAt {
            initiative: i.number.clone(),
            topic: t.heading.clone(),
            side: Side::Actual,
        });
        let kind = crate::model::diag::WarningKind::SubItemNotInText { entry, sub };
        brought
            .warnings
            .push(crate::model::diag::Warning::new(at, kind));
    }
}

/// A `.ron` answer: the division's topics' results by id, the rest compared part by part.
fn from_report(
    master: &Report,
    r: &Report,
    answer: &Answer,
    (before, written): (&[TakenTopic], &super::shared::Written),
    fresh: &mut Fresh,
) -> Brought {
    let division = answer.response.division.as_str();
    let mut brought = Brought::answering(written);
    let sent: super::sent::SentParts = answer.response.sent.iter().cloned().collect();
    // The results the answer may rewrite or remove: those it was sent, and those the
    // division's earlier answers added (a result added since by the office or taken in from
    // another division's answer is neither, and stays).
    let sent_ids = super::shared::sent_result_ids(&sent);
    let answerable = sent_ids.clone().map(|mut ids| {
        ids.extend(written.own.iter().filter(|w| w.added).map(|w| w.id));
        ids
    });
    let sent_texts = super::sent_texts::SentTexts::of_response(&sent, written);
    let (own_texts, own_as) = super::shared::own_lookups(written.own);
    let topics = topics_of(master, division);
    let as_sent =
        |topic: Id, a: &crate::model::Topic| super::sent::results_as_sent(&sent, topic, a);
    // Some results not as sent: the division worked on this file, not an untouched copy.
    let changed = (topics.iter()).any(|&t| r.topic(t).is_some_and(|a| !as_sent(t, a)));
    let worked_on = changed || written.sent_back;
    for topic in topics {
        let (Some(i), Some(t), Some(a)) = (
            master.initiative_of_topic(topic),
            master.topic(topic),
            r.topic(topic),
        ) else {
            continue;
        };
        // Its results as they were sent: the division wrote nothing there, and what was taken
        // in or edited since stays (an untouched response collected after the division's
        // edited workbook put the old results back) — unless the division's earlier answer
        // wrote there and this file is its work: then taking that back is offered, held.
        let mut back_as_sent = None;
        if as_sent(topic, a) {
            let ids = (t.actual.iter().chain(&a.actual)).map(|e| e.id);
            if !worked_on || !super::shared::wrote_in(written, ids) {
                continue;
            }
            back_as_sent = Some((answer.file.as_str(), division));
        }
        // The results it may change, and its own with the ids it may claim (a line it added
        // may carry the id of one the office added since: both were given the next id).
        let (mine, claimed): (Cow<[Entry]>, Cow<[Entry]>) = match (&answerable, &sent_ids) {
            (Some(ids), Some(sent_ids)) => {
                let mine: Vec<Entry> = (t.actual.iter())
                    .filter(|e| ids.contains(&e.id))
                    .cloned()
                    .collect();
                let claimed = super::shared::claimed_ids(
                    &a.actual,
                    &mine,
                    (sent_ids, &own_as, &own_texts),
                    fresh,
                );
                (Cow::Owned(mine), Cow::Owned(claimed))
            }
            _ => (Cow::Borrowed(&t.actual), Cow::Borrowed(&a.actual)),
        };
        let mut list = adopt_list(i, &mine, &claimed, &sent, fresh);
        let answered = r.initiative_of_topic(topic);
        super::answer_links::keep_links_to_plan_taken_away((i, answered), t, &mut list);
        let said = super::answer_links::settle((i, t), division, (&mine, &a.actual), &mut list);
        brought.say_of_results((i, t), said);
        // The id the response gave each line it added, by the id the line is given.
        for (theirs, ours) in a.actual.iter().zip(&list) {
            if sent_ids.as_ref().is_none_or(|s| !s.contains(&theirs.id)) {
                brought.answered.insert(ours.id, theirs.id);
            }
        }
        if as_taken_before(&mut brought, before, topic, &list) {
            brought.carries_on |= !as_sent(topic, a);
            continue;
        }
        let own = super::shared::typed_as_standing(&t.actual, &list);
        let since = super::sent_texts::since_sent(&mine, list, &sent_texts, fresh);
        brought.say_of_results((i, t), since.said);
        brought.withdrawn.extend(since.kept.iter().copied());
        let revived = sent_texts.rewritten_after_removal(&t.actual, &a.actual, sent_ids.as_ref());
        brought.say_of_results((i, t), revived);
        // Without those it removed that stay (a copy only then: the set is the division's).
        let trimmed;
        let may_change = match &answerable {
            Some(ids) if !since.kept.is_empty() => {
                trimmed = ids - &since.kept;
                Some(&trimmed)
            }
            other => other.as_ref(),
        };
        let list = super::shared::keep_added_since(&t.actual, since.list, may_change);
        let (list, again) = super::shared::same_words_once(&t.actual, list, &own);
        brought.same_words.extend(again);
        sub_items_not_in_text(&mut brought, (i, t), &mine, &claimed);
        let from = (answer.file.as_str(), division);
        brought.answer_topic((i, t), list, (back_as_sent, from), (&sent_texts, written));
    }
    brought.settle_take_backs();
    brought.say_as_sent(changed, written);
    let outside = Outside {
        master,
        answer: r,
        division,
        file: &answer.file,
        sent: &sent,
        found: Vec::new(),
    }
    .find(fresh);
    brought.conflicts.extend(outside);
    brought
}

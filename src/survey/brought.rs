//! What one answer brings, gathered by the readers of each kind of answer (`collect`'s
//! response files, `from_workbook`'s workbooks).

use std::collections::HashMap;

use super::conflict::Conflict;
use super::entries_text;
use crate::edit::Edit;
use crate::model::{Entry, Id, Initiative, Side, TakenTopic, Topic};

/// What one answer brings: in-scope edits, the topics they change, conflicts and warnings.
#[derive(Default)]
pub(super) struct Brought {
    pub(super) edits: Vec<Edit>,
    pub(super) changed: Vec<Id>,
    /// Each of the division's topics as the answer has it (see [`TakenTopic`]).
    pub(super) taken: Vec<TakenTopic>,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) warnings: Vec<crate::model::diag::Warning>,
    /// The id a `.ron` answer's response gave each result it added, by the id it is given.
    pub(super) answered: HashMap<Id, Id>,
}

/// Records the topic's results as the answer has them; true when the division's earlier
/// answer had them just so — the same answer sent again, which changes nothing, even where the
/// office corrected a result after taking the first one in.
pub(super) fn as_taken_before(
    brought: &mut Brought,
    before: &[TakenTopic],
    topic: Id,
    list: &[Entry],
) -> bool {
    // FNV-1a over the lines as written: a full-width digit is another answer.
    let results = entries_text(list)
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let taken = TakenTopic { topic, results };
    brought.taken.push(taken);
    before.contains(&taken)
}

impl Brought {
    /// Says each result of `t` the answer rewrote that was rewritten since the survey went out
    /// too (the texts now and in the answer: both kept, [`super::shared::since_sent`]).
    pub(super) fn rewritten_since_sent(
        &mut self,
        (i, t): (&Initiative, &Topic),
        both: Vec<(String, Option<String>)>,
    ) {
        use crate::model::diag::{EntryAt, Location, Warning, WarningKind};
        for (now, answer) in both {
            let at = Location::entry(EntryAt {
                initiative: i.number.clone(),
                topic: t.heading.clone(),
                side: Side::Actual,
            });
            let kind = WarningKind::RewrittenSinceSent { now, answer };
            self.warnings.push(Warning::new(at, kind));
        }
    }

    /// Says each result of `t` the answer removed that another division's answer wrote in the
    /// same words: it stays.
    pub(super) fn reported_by_another_too(
        &mut self,
        (i, t): (&Initiative, &Topic),
        texts: Vec<String>,
    ) {
        use crate::model::diag::{EntryAt, Location, Warning, WarningKind};
        for text in texts {
            let at = Location::entry(EntryAt {
                initiative: i.number.clone(),
                topic: t.heading.clone(),
                side: Side::Actual,
            });
            let kind = WarningKind::ReportedByAnotherToo { text };
            self.warnings.push(Warning::new(at, kind));
        }
    }

    /// Says each result of `t` the answer rewrote (its text now) that was removed since the
    /// survey went out: the answer's text is kept, as a new result.
    pub(super) fn rewritten_after_removal(
        &mut self,
        (i, t): (&Initiative, &Topic),
        answers: Vec<String>,
    ) {
        use crate::model::diag::{EntryAt, Location, Warning, WarningKind};
        for answer in answers {
            let at = Location::entry(EntryAt {
                initiative: i.number.clone(),
                topic: t.heading.clone(),
                side: Side::Actual,
            });
            let kind = WarningKind::RemovedSinceSent { answer };
            self.warnings.push(Warning::new(at, kind));
        }
    }
}

//! What one answer brings, gathered by the readers of each kind of answer (`collect`'s
//! response files, `from_workbook`'s workbooks).

use std::collections::HashMap;

use super::conflict::{Conflict, ConflictKind};
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
    /// Results the answer removed or rewrote that stay all the same (rewritten since, or
    /// reported by another division too): the division no longer reports them.
    pub(super) withdrawn: std::collections::HashSet<Id>,
    /// Taking back what the division's earlier answers wrote, in a topic the answer brings
    /// back as sent (`true`: the whole topic) or in lines of one it worked on: settled once
    /// every topic is read ([`Brought::settle_take_backs`]).
    pub(super) take_backs: Vec<(Conflict, bool)>,
    /// The answer is the division's own earlier one worked on further: it follows a 差戻し, or
    /// it holds, in a topic it does not bring back as sent, the results just as the earlier
    /// answer had them, or anywhere a line as the earlier answer wrote it. A take-back it makes
    /// is then taken, not held.
    pub(super) carries_on: bool,
    /// Results the answer added again in the same words as they stand (another division's
    /// rewrite taken in before): kept once, and the division writes them too.
    pub(super) same_words: HashMap<Id, u64>,
    /// Every result of the answer as it was sent (the division wrote nothing in this file).
    pub(super) results_as_sent: bool,
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
    let taken = TakenTopic {
        topic,
        results: results_hash(list),
    };
    brought.taken.push(taken);
    before.contains(&taken)
}

/// FNV-1a over the lines as written: a full-width digit is another answer.
fn results_hash(list: &[Entry]) -> u64 {
    entries_text(list)
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

impl Brought {
    /// What an answer brings, to be gathered; after 差戻し the answer is the division's
    /// correction of its own, and a take-back it makes is taken (but where the whole answer
    /// is as sent: [`super::shared::Written::takes_back`]) — as it is by an answer holding
    /// a line of the earlier answer's as written ([`super::shared::Written::holds_own_lines`]).
    pub(super) fn answering(written: &super::shared::Written) -> Brought {
        Brought {
            carries_on: (written.sent_back && written.takes_back) || written.holds_own_lines(),
            ..Brought::default()
        }
    }

    /// Says each of `kinds` of the results of `t` (what an answer did to a result changed since
    /// the survey went out, [`super::sent_texts::since_sent`]).
    pub(super) fn say_of_results(
        &mut self,
        (i, t): (&Initiative, &Topic),
        kinds: Vec<crate::model::diag::WarningKind>,
    ) {
        use crate::model::diag::{EntryAt, Location, Warning};
        for kind in kinds {
            let at = Location::entry(EntryAt {
                initiative: i.number.clone(),
                topic: t.heading.clone(),
                side: Side::Actual,
            });
            self.warnings.push(Warning::new(at, kind));
        }
    }

    /// Sets the results of `t` to `entries`: taken in — or, where the answer brings the topic
    /// back as it was sent (`back_as_sent`: the file and division), held for the office to
    /// tick, since a copy of the sent file answered elsewhere reads just so
    /// ([`super::conflict::ConflictKind::TakeBack`]).
    pub(super) fn set_results(
        &mut self,
        (i, t): (&Initiative, &Topic),
        entries: Vec<Entry>,
        back_as_sent: Option<(&str, &str)>,
    ) {
        if let Some(from) = back_as_sent {
            let held = super::conflict::Conflict::taking_back(from, (i, t), entries);
            self.take_backs.push((held, true));
            return;
        }
        self.changed.push(t.id);
        self.edits.push(Edit::SetEntries {
            topic: t.id,
            side: Side::Actual,
            entries,
        });
    }

    /// Takes `list` as the results of `t`, an answer's (`from`: its file and division): what
    /// the division's earlier answers wrote there and the answer takes back without a word of
    /// its own is kept, taking it back settled with the others ([`Brought::take_back_lines`]);
    /// a topic brought back as sent (`back_as_sent`) is held as a take-back, unless what it
    /// lacks the answer writes in another topic (moved there).
    pub(super) fn answer_topic(
        &mut self,
        (i, t): (&Initiative, &Topic),
        list: Vec<Entry>,
        (back_as_sent, from): (Option<(&str, &str)>, (&str, &str)),
        (texts, written): (&super::sent_texts::SentTexts, &super::shared::Written),
    ) {
        if back_as_sent.is_none() {
            let kept = texts.keeping_own((t.id, &t.actual), &list, written);
            if !super::shared::same_results(&kept, &list) {
                self.take_back_lines((i, t), (kept, list), from);
                return;
            }
        }
        if !super::shared::same_results(&list, &t.actual) {
            let back_as_sent = back_as_sent.filter(|_| !written.moved_away(t, &list));
            if back_as_sent.is_none()
                && self.holds_shared_removal((i, t), &list, (texts, written), from)
            {
                return;
            }
            self.set_results((i, t), list, back_as_sent);
        }
    }

    /// In a topic several divisions answer for, results of the published report (in the
    /// response when it was sent, written by no division's answer) that the answer removes:
    /// kept, the rest of the answer taken now, and their removal held for the office to tick
    /// ([`ConflictKind::SharedRemoval`]) — whose they are cannot be told, and one division
    /// clearing lines it took for the other's removed lines the other still reported.
    /// `false` (nothing done) where there are none.
    fn holds_shared_removal(
        &mut self,
        (i, t): (&Initiative, &Topic),
        list: &[Entry],
        (texts, written): (&super::sent_texts::SentTexts, &super::shared::Written),
        from: (&str, &str),
    ) -> bool {
        if i.divisions_of(t).len() < 2 {
            return false;
        }
        let removed = texts.sent_and_removed(t, list, written);
        if removed.is_empty() {
            return false;
        }
        let mut kept = super::shared::with_removed_kept(&t.actual, list, &removed);
        super::answer_links::pair_beside_kept((i, t), from.1, &removed, &mut kept);
        if !super::shared::same_results(&kept, &t.actual) {
            self.set_results((i, t), kept.clone(), None);
        }
        let standing = Topic {
            actual: kept,
            ..t.clone()
        };
        let held = Conflict::removing_shared(from, (i, &standing), list.to_vec());
        self.conflicts.push(held);
        // Recorded as taken is what was taken, the lines kept: the same answer collected again
        // offers the removal again (it read as taken before, and the removal was lost).
        if let Some(taken) = self.taken.iter_mut().rev().find(|x| x.topic == t.id) {
            taken.results = results_hash(&standing.actual);
        }
        true
    }

    /// Sets the results of `t` to `entries` but for what the division's earlier answers wrote
    /// there and the answer takes back without a word of its own (`kept`: the results with
    /// those kept, [`super::sent_texts::SentTexts::keeping_own`]): the rest is taken now, the
    /// take-back settled with the others — held unless the answer carries on the earlier one.
    pub(super) fn take_back_lines(
        &mut self,
        (i, t): (&Initiative, &Topic),
        (kept, entries): (Vec<Entry>, Vec<Entry>),
        from: (&str, &str),
    ) {
        let standing = Topic {
            actual: kept.clone(),
            ..t.clone()
        };
        if !super::shared::same_results(&kept, &t.actual) {
            self.set_results((i, t), kept, None);
        }
        let held = super::conflict::Conflict::taking_back(from, (i, &standing), entries);
        self.take_backs.push((held, false));
    }

    /// Each take-back, said: taken in when the answer follows a 差戻し or carries on its earlier
    /// answer's changes elsewhere (the same file, worked on further), else held for the office
    /// to tick — a copy of the sent file another member of the division answered in reads just
    /// so, and taking back would remove what the first answer's writer wrote.
    pub(super) fn settle_take_backs(&mut self) {
        use crate::model::diag::{EntryAt, Location, Warning, WarningKind};
        let held = !self.carries_on;
        for (back, whole) in std::mem::take(&mut self.take_backs) {
            let at = Location::entry(EntryAt {
                initiative: back.initiative.clone().unwrap_or_default(),
                topic: back.topic.clone(),
                side: Side::Actual,
            });
            let kind = WarningKind::BackAsSent { held, whole };
            self.warnings.push(Warning::new(at, kind));
            match (held, back.edit) {
                (false, Some(edit)) => {
                    if let ConflictKind::TakeBack { topic } = back.kind
                        && !self.changed.contains(&topic)
                    {
                        self.changed.push(topic);
                    }
                    self.edits.push(edit);
                }
                (_, edit) => self.conflicts.push(Conflict { edit, ..back }),
            }
        }
    }

    /// Says that the answer's results are all as they were sent (the division did not work
    /// on them), though its earlier answers wrote some: read as an untouched copy of the file,
    /// which takes nothing back.
    /// A division's `first` answer that changes nothing is said to ([`WarningKind::AnswerUnchanged`](crate::model::diag::WarningKind::AnswerUnchanged)),
    /// only when nothing else is said of it: one whose cells are said of was worked on.
    pub(super) fn say_unchanged(&mut self, first: bool) {
        use crate::model::diag::{Location, Warning, WarningKind};
        let quiet = self.warnings.is_empty() && self.conflicts.is_empty();
        if first && self.edits.is_empty() && quiet {
            (self.warnings).push(Warning::new(
                Location::default(),
                WarningKind::AnswerUnchanged,
            ));
        }
    }

    /// `changed`: a result of the answer is not as sent; the answer is worked on when it is,
    /// or when it follows a 差戻し.
    pub(super) fn say_as_sent(&mut self, changed: bool, written: &super::shared::Written) {
        use crate::model::diag::{Location, Warning, WarningKind};
        self.results_as_sent = !changed;
        let worked_on = changed || written.sent_back;
        if !worked_on && !written.own.is_empty() {
            (self.warnings).push(Warning::new(Location::default(), WarningKind::AnswerAsSent));
        }
    }
}

//! Undo and redo: every applied edit is kept with its inverse. Ids handed out while building an
//! edit are taken back on undo, so undoing everything gives back the report exactly.

use super::{Edit, EditError, apply};
use crate::model::Report;

#[derive(Clone, Debug)]
struct Step {
    forward: Edit,
    inverse: Edit,
    next_id_before: u64,
    next_id_after: u64,
    serial: u64,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    serial: u64,
}

impl History {
    /// Applies `edit`, built when the report's next id was `next_id_before`.
    pub fn apply(
        &mut self,
        report: &mut Report,
        edit: Edit,
        next_id_before: u64,
    ) -> Result<(), EditError> {
        let inverse = apply(report, edit.clone())?;
        // Ids handed out past the bound would make a file refused when it is opened again:
        // such a step is not taken (only a file crafted near the bound comes to it).
        if report.next_id() > crate::model::validate::MAX_ID {
            apply(report, inverse)?;
            report.restore_next_id(next_id_before);
            return Err(EditError::IdsUsedUp);
        }
        self.serial += 1;
        self.undo.push(Step {
            forward: edit,
            inverse,
            next_id_before,
            next_id_after: report.next_id(),
            serial: self.serial,
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last step: `Ok(false)` when there is none. When its inverse cannot be
    /// applied (the report was changed outside the history), the report is unchanged and the
    /// step stays where it was, so nothing is lost without a word.
    pub fn undo(&mut self, report: &mut Report) -> Result<bool, EditError> {
        let Some(step) = self.undo.last() else {
            return Ok(false);
        };
        if sends(&step.forward, &step.inverse) {
            return Err(EditError::SurveySent);
        }
        apply(report, step.inverse.clone())?;
        report.restore_next_id(step.next_id_before);
        if let Some(step) = self.undo.pop() {
            self.redo.push(step);
        }
        Ok(true)
    }

    /// Redoes the last undone step; as [`History::undo`], a step that cannot be applied stays.
    pub fn redo(&mut self, report: &mut Report) -> Result<bool, EditError> {
        let Some(step) = self.redo.last() else {
            return Ok(false);
        };
        apply(report, step.forward.clone())?;
        report.restore_next_id(step.next_id_after);
        if let Some(step) = self.redo.pop() {
            self.undo.push(step);
        }
        Ok(true)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Names the state the report is in: equal states mean equal reports.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }
}

/// Whether a step records a survey sent: a division's record given a time sent it did not
/// have. Its files are out (undone, every answer to them was refused as "not sent this
/// survey"); a send-back or an answer taken in changes a record and is undone as any step.
fn sends(forward: &Edit, inverse: &Edit) -> bool {
    use std::collections::HashMap;
    fn records(edit: &Edit, out: &mut HashMap<String, Option<chrono::NaiveDateTime>>) {
        match edit {
            Edit::Batch(edits) => edits.iter().for_each(|e| records(e, out)),
            Edit::SetDivisionSurvey { division, record } => {
                out.insert(division.clone(), record.as_ref().and_then(|r| r.sent));
            }
            _ => {}
        }
    }
    let (mut after, mut before) = (HashMap::new(), HashMap::new());
    records(forward, &mut after);
    records(inverse, &mut before);
    (after.iter()).any(|(d, sent)| sent.is_some() && before.get(d).is_some_and(|b| b != sent))
}

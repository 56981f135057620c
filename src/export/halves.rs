//! A report rolled over into its second half or full year holds the closed first half's
//! results beside this period's, in the same topics. The table and the workbook write them in
//! a column of their own after 担当課 (headed as the first half was where the readers know the
//! heading for that column, else `上半期実績(4月～9月)`), so that read back each result stays in
//! its half: in one 実績 column the reader could only guess the half from the months a result
//! names, and guessed wrong for 「（年度末）」 or 「（9月～12月予定）」. A result carried over and
//! confirmed in this half is written as this half's.

use std::collections::HashSet;

use crate::model::{Id, Initiative, Report};

pub struct Halves {
    /// The first half's 実績 heading (see [`Halves::of`]).
    pub heading: String,
    first: HashSet<Id>,
}

impl Halves {
    pub fn of(report: &Report) -> Option<Halves> {
        let past = report.closed_first_half()?;
        // As it was reported under, where the readers know it for the first half's column
        // (「平成29年度上半期実績」 reads as an indicator's figures): else the period's own.
        let heading = if crate::model::period::is_first_half_results_heading(&past.actual_heading) {
            past.actual_heading.clone()
        } else {
            crate::model::Period::FirstHalf.actual_heading()
        };
        // A result carried over to confirm and confirmed in this half (「（10月～予定）」 →
        // 「（10月～12月）」) is this half's work: written with it, not as the first half's.
        let listed: HashSet<Id> = past.results.iter().copied().collect();
        let first = (report.initiatives().flat_map(|i| i.topics.iter()))
            .flat_map(|t| t.actual.iter())
            .filter(|e| listed.contains(&e.id) && !report.confirmed_in_this_half(e))
            .map(|e| e.id)
            .collect();
        Some(Halves { heading, first })
    }

    /// The initiative with this period's results only.
    pub fn this_period(&self, initiative: &Initiative) -> Initiative {
        let mut out = initiative.clone();
        for t in &mut out.topics {
            t.actual.retain(|e| !self.first.contains(&e.id));
        }
        out
    }

    /// The initiative with the first half's results only, under their topics; its plans are
    /// in the 年次計画 column, and a topic without such a result is left out.
    pub fn first_half(&self, initiative: &Initiative) -> Initiative {
        let mut out = initiative.clone();
        for t in &mut out.topics {
            t.plan.clear();
            t.actual.retain(|e| self.first.contains(&e.id));
        }
        out.topics.retain(|t| !t.actual.is_empty());
        out
    }
}

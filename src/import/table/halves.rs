//! The closed first half's results of a second-half or full-year report, in the column the
//! exports write after 担当課 (`export::halves`, headed `上半期実績(4月～9月)`): read into the
//! topics before this period's results and recorded as the first half's, as rolling over
//! records them. Without the column the half is told from the months a result names
//! (`Report::first_half_results_as_earlier`), which cannot always tell.

use super::topics::merge_topics;
use super::{Reader, Row};
use crate::model::diag::Location;
use crate::model::text::heading_text;
use crate::model::{AsOf, Entry, Id, PastPeriod, Period, Report, Topic};

/// The first half's column: its place after 担当課 (1 is the field right of it) and heading.
pub(super) struct FirstHalfColumn {
    pub(super) offset: usize,
    heading: String,
}

/// What a first-half result is marked with until the report is numbered.
const MARK: Id = Id(u64::MAX);

/// The first half's results column's heading (`model::period`).
pub(in crate::import) fn is_first_half_heading(field: &str) -> bool {
    crate::model::period::is_first_half_results_heading(field)
}

/// The header's first-half column, when its 実績 column is of a later period.
pub(super) fn column(row: &Row, actual_heading: &str) -> Option<FirstHalfColumn> {
    if Period::named_in(actual_heading) == Some(Period::FirstHalf) {
        return None;
    }
    let division = (row.fields.iter()).position(|f| super::is_division_heading(heading_text(f)))?;
    let (k, field) = (row.fields[division + 1..].iter())
        .enumerate()
        .find(|(_, f)| is_first_half_heading(f))?;
    Some(FirstHalfColumn {
        offset: k + 1,
        heading: row.plain_text(heading_text(field)),
    })
}

impl Reader {
    /// An initiative row's first-half results (its 担当課 the field `division`), merged into
    /// `topics` marked as the first half's.
    pub(super) fn first_half_results(
        &mut self,
        row: &Row,
        division: usize,
        plain: bool,
        topics: &mut Vec<Topic>,
    ) {
        let Some(c) = &self.first_half else { return };
        let field = division + c.offset;
        let at = Location::field(row.line, field + 1, &c.heading.clone());
        let cell = row.fields.get(field).copied().unwrap_or("");
        let mut groups = self.cell_topics(cell, plain, &at);
        for e in groups
            .iter_mut()
            .flat_map(|(_, entries)| entries.iter_mut())
        {
            e.id = MARK;
        }
        merge_topics(topics, groups, false);
    }
}

/// Numbers the report; with a first-half column read, records the results marked as the
/// first half's.
pub(super) fn number_and_record(report: &mut Report, column: Option<FirstHalfColumn>) {
    let Some(column) = column else {
        report.number_in_document_order();
        return;
    };
    let marks: Vec<bool> = results_of(report).map(|e| e.id == MARK).collect();
    report.number_in_document_order();
    let ids = (results_of(report).zip(marks)).filter_map(|(e, marked)| marked.then_some(e.id));
    let year = report.fiscal_year;
    let results: Vec<Id> = ids.collect();
    // Its 予定 results (and sub-items) are to be confirmed in this period, as rolling over
    // lists them: read back without the list, they were never asked about again.
    let first: std::collections::HashSet<Id> = results.iter().copied().collect();
    report.to_confirm = (results_of(report))
        .filter(|e| first.contains(&e.id))
        .flat_map(Entry::and_subs)
        .filter(|e| e.timing.as_ref().is_some_and(|t| t.scheduled))
        .map(|e| e.id)
        .collect();
    report.history.push(PastPeriod {
        fiscal_year: year,
        period: Period::FirstHalf,
        actual_heading: column.heading,
        as_of: AsOf::end_of(Period::FirstHalf, year),
        results,
        cleared: Vec::new(),
    });
}

fn results_of(report: &Report) -> impl Iterator<Item = &Entry> {
    (report.initiatives().flat_map(|i| i.topics.iter())).flat_map(|t| t.actual.iter())
}

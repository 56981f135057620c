//! The numbers' columns of a text table (or its CSV form): the headings after 担当課 that
//! the workbook reader knows (`import/measures.rs`: 指標, 目標値, 実績値, 効果額, 評価 …), each
//! initiative row's fields after its own 担当課 (its stage table, flattened, makes its fields
//! start further right than the header's), and the rows under it holding only its 番号 and
//! numbers (its further indicators). They are gathered into a sheet laid out as a workbook's
//! — 番号 in the first column, the number columns after it, the rows above the header as
//! written (the money unit, the scale) — which `measures::read` reads as it reads a workbook.
//! Its warnings then name the table's row and field, not the sheet's cell.

use std::collections::HashMap;

use super::super::html::{self, Pass};
use super::super::measures;
use super::super::sheet::Sheet;
use super::Row;
use crate::import::warning_cap::push_warning;
use crate::model::Report;
use crate::model::diag::{Location, Warning};

#[derive(Default)]
pub(super) struct Numbers {
    /// The sheet's cells: 0-based row (the table's line − 1), column, text.
    cells: Vec<(usize, usize, String)>,
    /// The table's field (1-based) and heading each sheet cell came from, by (line, column + 1).
    fields: HashMap<(usize, usize), (usize, String)>,
    /// The rows above the first header, kept for the sheet.
    above: Vec<(usize, Vec<String>)>,
    /// The sheet row of the first header with number columns.
    header: Option<usize>,
    /// The header in force: its 担当課 field (0-based), and the number headings after it, by
    /// their distance from it (1 is the field right of 担当課).
    division: Option<usize>,
    columns: Vec<(usize, String)>,
    /// Every heading of the header in force after its 担当課 (as plain text), by distance − 1:
    /// what a field read in no place is named by, and kept with.
    after_division: Vec<String>,
}

/// Where a header row of the report table holds 担当課.
const DIVISION_FIELD: usize = 5;

fn plain(field: &str) -> String {
    html::resolve(field.trim(), Pass::Plain).into_owned()
}

impl Numbers {
    /// A row above the header (a title, the money unit, a rating scale's rows).
    pub(super) fn above(&mut self, row: &Row) {
        self.above
            .push((row.line, row.fields.iter().map(|f| plain(f)).collect()));
    }

    /// A header row: which of its fields after 担当課 hold numbers (see [`number_columns`]).
    pub(super) fn header(&mut self, row: &Row) {
        let Some((division, columns)) = number_columns(row) else {
            return;
        };
        // Bounded by the row's fields, which the table's bounds count.
        self.after_division = (row.fields[division + 1..].iter())
            .map(|f| plain(f))
            .collect();
        self.division = Some(division);
        self.columns = columns;
        if self.header.is_some() || self.columns.is_empty() {
            return;
        }
        let at = row.line - 1;
        self.header = Some(at);
        for (line, fields) in std::mem::take(&mut self.above) {
            for (c, text) in fields.into_iter().enumerate() {
                self.cells.push((line - 1, c, text));
            }
        }
        self.cells.push((at, 0, "番号".into()));
        for (k, heading) in &self.columns {
            self.cells.push((at, *k, heading.clone()));
        }
    }

    /// The heading of the field `k` after the header's 担当課 (1 is the field right of it),
    /// where it has one.
    pub(super) fn heading_after(&self, k: usize) -> Option<&str> {
        let heading = self.after_division.get(k.checked_sub(1)?)?;
        (!heading.trim().is_empty()).then_some(heading.trim())
    }

    /// Whether the field `k` after an initiative row's 担当課 is a number column.
    pub(super) fn is_number_field(&self, k: usize) -> bool {
        self.columns.iter().any(|(c, _)| *c == k)
    }

    /// An initiative row's number fields: `after` are the fields after its 担当課, the first
    /// of them the table's field `first` (1-based).
    pub(super) fn initiative(&mut self, line: usize, number: &str, after: &[&str], first: usize) {
        if self.columns.is_empty() {
            return;
        }
        self.cells.push((line - 1, 0, number.to_string()));
        for (k, heading) in &self.columns {
            let text = after.get(k - 1).map_or_else(String::new, |f| plain(f));
            if !text.is_empty() {
                self.fields
                    .insert((line, k + 1), (first + k - 1, heading.clone()));
                self.cells.push((line - 1, *k, text));
            }
        }
    }

    /// A row under an initiative holding only a 番号 and, after the header's 担当課, numbers
    /// (a further indicator) and maybe notes beside them: taken, giving the 担当課's field
    /// (0-based) for the notes to be kept unread as on the initiative's own row, or left to
    /// be read as anything else. A note (備考) made the whole row one not understood, its
    /// indicator lost.
    pub(super) fn further_row(&mut self, row: &Row) -> Option<usize> {
        let division = self.division.filter(|_| !self.columns.is_empty())?;
        let number = row.get(0);
        let is_number = super::numbering::is_initiative_number(number);
        let filled = |k: usize| row.fields.get(k).is_some_and(|f| !f.trim().is_empty());
        let after_division = (1..row.fields.len())
            .filter(|&k| filled(k))
            .all(|k| k > division);
        let numbers = (division + 1..row.fields.len())
            .any(|k| filled(k) && self.is_number_field(k - division));
        if !is_number || !after_division || !numbers {
            return None;
        }
        self.initiative(row.line, number, &row.fields[division + 1..], division + 2);
        Some(division)
    }

    /// Reads the numbers into the report read from the table.
    pub(super) fn read(self, report: &mut Report, warnings: &mut Vec<Warning>) {
        let Some(header) = self.header else { return };
        let sheet = Sheet::new(String::new(), self.cells, Vec::new());
        let mut found = Vec::new();
        measures::read(&sheet, header, 0, &[], report, &mut found);
        for mut warning in found {
            let at = &warning.at;
            if let (Some(row), Some(col)) = (at.row, at.field) {
                let (field, heading) = self.fields.get(&(row, col)).cloned().unzip();
                warning.at = match field {
                    Some(field) => Location::field(row, field, heading.as_deref().unwrap_or("")),
                    None => Location::row(row),
                };
            } else if at.sheet.is_some() {
                warning.at = Location::default();
            }
            push_warning(warnings, warning);
        }
    }
}

/// A header row's 担当課 field and the fields after it that hold numbers (their offsets from
/// it, and headings); `None` without a 担当課. 担当課 stands sixth, where initiative rows hold
/// it (番号, 具体的取組, 工程, 年次計画, 実績 before it); a 実績 heading that happens to say 担当
/// is not it.
pub(super) fn number_columns(row: &Row) -> Option<(usize, Vec<(usize, String)>)> {
    let is_division = |f: &str| super::numbering::is_division_heading(f);
    let division = row
        .fields
        .get(DIVISION_FIELD)
        .filter(|f| is_division(f))
        .map(|_| DIVISION_FIELD)
        .or_else(|| row.fields.iter().position(|f| is_division(f)))?;
    let columns = row.fields[division + 1..]
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            measures::is_measure_heading(f.trim()) && !super::halves::is_first_half_heading(f)
        })
        .map(|(k, f)| (k + 1, plain(f)))
        .collect();
    Some((division, columns))
}

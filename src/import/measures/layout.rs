//! The measure columns of a header with what every row under it shares, worked out once: a
//! row's cells are looked up among them, not every column tried for each row (a header of
//! 20,000 指標 columns over 20,000 rows was 400 million tries).

use std::collections::HashMap;

use super::super::sheet::Sheet;
use super::Column;
use super::sheets::heading_unit;

pub(super) struct Layout<'c> {
    pub columns: &'c [(usize, Column)],
    /// Each column's place in `columns`.
    at: HashMap<usize, usize>,
    /// For each of `columns`, the rating column (評価, 本部評価, 意見) nearest left of it or
    /// itself, blank or not: whose 評価者 / 評価日 it is.
    pub rating_left: Vec<Option<Column>>,
    /// The unit the first figure column's heading naming one names (`目標値（百万円）`).
    heading_unit: Option<String>,
    header: usize,
}

impl<'c> Layout<'c> {
    pub fn new(sheet: &Sheet, header: usize, columns: &'c [(usize, Column)]) -> Layout<'c> {
        let mut at = HashMap::with_capacity(columns.len());
        let mut rating_left = Vec::with_capacity(columns.len());
        let mut last = None;
        for (k, &(c, col)) in columns.iter().enumerate() {
            at.entry(c).or_insert(k);
            if matches!(col, Column::SelfRating | Column::Review | Column::Comment) {
                last = Some(col);
            }
            rating_left.push(last);
        }
        let heading_unit = columns
            .iter()
            .filter(|(_, col)| is_figure(*col))
            .find_map(|(c, _)| heading_unit(sheet.text(header, *c)));
        Layout {
            columns,
            at,
            rating_left,
            heading_unit,
            header,
        }
    }

    /// Column `c`'s heading as written.
    pub fn heading(&self, sheet: &Sheet, c: usize) -> String {
        sheet.text(self.header, c).to_string()
    }

    /// The places in `columns` of row `r`'s cells with text, in column order.
    pub fn cells(&self, sheet: &Sheet, r: usize) -> Vec<usize> {
        sheet
            .row_texts(r)
            .filter_map(|(c, _)| self.at.get(&c).copied())
            .collect()
    }

    /// The unit the headings of the row's figure columns name, when the row's 単位 cell (of
    /// `cells`, its cells with text) names none.
    pub fn unit_of_headings(&self, cells: &[usize]) -> Option<String> {
        let unit_cell = cells.iter().any(|&k| self.columns[k].1 == Column::Unit);
        if unit_cell {
            return None;
        }
        self.heading_unit.clone()
    }
}

/// A column of an indicator's figures.
pub(super) fn is_figure(col: Column) -> bool {
    matches!(
        col,
        Column::Target(_) | Column::Actual(_) | Column::FirstHalf(_) | Column::Baseline
    )
}

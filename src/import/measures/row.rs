//! One row of a numbers table read into its initiative: its indicator's name, unit and
//! figures, its effects, ratings and notes.

use super::super::sheet::Sheet;
use super::kept::{keep_indicator, take_effect};
use super::layout::{Layout, is_figure};
use super::{Column, Reading, check_rate};
use crate::model::measures::{Baseline, Figure, Indicator};

/// One row's cells into its initiative: a 指標 cell starts an indicator, the figures after it
/// fill it; effects and ratings go to the initiative.
/// Only the row's `cells` with text (places in the layout's columns) are read: a blank cell
/// gives nothing.
pub(super) fn read_row(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    r: usize,
    (s, k): (usize, usize),
    (layout, cells): (&Layout<'_>, &[usize]),
) {
    let year = reading.report.fiscal_year;
    let columns = layout.columns;
    let named = cells.iter().any(|&j| columns[j].1 == Column::Name);
    let takes_indicator = cells.iter().any(|&j| is_figure(columns[j].1));
    // A table with a 単位 column says each indicator's unit there, blank or not.
    let unit_column = columns.iter().any(|&(_, col)| col == Column::Unit);
    let mut indicator = (named || takes_indicator).then(Indicator::default);
    // `目標値（百万円）`: the unit named in a figure column's heading, when no 単位 cell names one.
    if let (Some(x), Some(unit)) = (indicator.as_mut(), layout.unit_of_headings(cells)) {
        x.unit = unit;
    }
    // Rates and notes, read once the row's indicator and ratings are.
    let mut later: Vec<(usize, Column, String)> = Vec::new();
    // The 単位 column is read first wherever it stands: the figures are read in its unit, so
    // one left of it is read as one right of it would be (a cell in another unit kept as
    // written either way), and a unit in a figure's cell does not stand in for it.
    let units = cells.iter().filter(|&&j| columns[j].1 == Column::Unit);
    let others = cells.iter().filter(|&&j| columns[j].1 != Column::Unit);
    for &j in units.chain(others) {
        let (c, col) = columns[j];
        let text = cell_text(sheet, (r, c), col);
        // 評価者 / 評価日 are of the layer left of them, blank or not (a blank 本部評価's
        // 評価者 is not the self-rating's).
        let last_rating = layout.rating_left[j];
        if text.is_empty() {
            continue;
        }
        match (col, indicator.as_mut()) {
            (
                Column::Name
                | Column::Unit
                | Column::Baseline
                | Column::Target(_)
                | Column::Actual(_)
                | Column::FirstHalf(_),
                Some(x),
            ) => indicator_field(reading, sheet, (r, c), (col, layout, unit_column), x, text),
            (Column::Topic, Some(_)) => {
                let topic = reading.topic(sheet, (r, c), (s, k), &text);
                indicator.as_mut().expect("an indicator").topic = topic;
            }
            (Column::Direction, Some(_)) => {
                let x = indicator.as_mut().expect("an indicator");
                reading.direction(sheet, (r, c), x, text);
            }
            (Column::BaselineYear, Some(x)) => {
                if let Some(y) = reading.base_year(sheet, (r, c), text) {
                    x.baseline.get_or_insert_with(Baseline::default).year = Some(y);
                }
            }
            (Column::Rate { .. } | Column::RatingNote | Column::ReviewNote, _) => {
                later.push((c, col, text));
            }
            (Column::EffectPlanned(y, unit) | Column::EffectActual(y, unit), _) => {
                let planned = matches!(col, Column::EffectPlanned(..));
                take_effect(
                    reading,
                    sheet,
                    (r, c),
                    (s, k),
                    (y.unwrap_or(year), unit, planned),
                    text,
                );
            }
            (Column::SelfRating | Column::Review | Column::Comment, _) => {
                reading.layer(sheet, (r, c), (s, k), col, text);
            }
            (Column::RatedBy | Column::RatedOn, _) => {
                reading.rated_by_on(sheet, (r, c), (s, k), (last_rating, col), text);
            }
            (Column::NotRead, _) => {
                let heading = layout.heading(sheet, c);
                reading.column_not_read(sheet, (r, c), heading, text);
            }
            // What only an indicator has, on a row that starts none: kept, never dropped.
            (Column::Topic | Column::Unit | Column::Direction | Column::BaselineYear, None) => {
                reading.keep_unread(sheet, (r, c), text);
            }
            // A figure of an indicator on a row without one: not reached (see takes_indicator).
            _ => {}
        }
    }
    for (c, col, text) in later {
        match col {
            Column::Rate { progress } => {
                check_rate(reading, sheet, (r, c), indicator.as_ref(), &text, progress);
            }
            _ => reading.rating_note(sheet, (r, c), (s, k), col, text),
        }
    }
    if let Some(x) = indicator {
        keep_indicator(reading, (s, k), x);
    }
}

/// A cell of a numbers row: words are kept as written, spaces around them too (an export
/// writes them so and must read back equal); numbers and dates are read trimmed ("" when
/// blank, and a rating that is a bare dash).
fn cell_text(sheet: &Sheet, (r, c): (usize, usize), col: Column) -> String {
    let words = matches!(
        col,
        Column::Name
            | Column::Unit
            | Column::Direction
            | Column::SelfRating
            | Column::Review
            | Column::Comment
            | Column::RatedBy
            | Column::RatingNote
            | Column::ReviewNote
    );
    let rating = matches!(col, Column::SelfRating | Column::Review);
    match sheet.text(r, c) {
        // A bare dash for a rating is none, as for a number: 未評価, not a level 「－」.
        t if rating && crate::model::figure::is_blank(t) => String::new(),
        t if words && !t.is_empty() => sheet.raw_text(r, c).to_string(),
        t => t.to_string(),
    }
}

/// A figure, the name or the unit of the row's indicator. Given a second time on the row (two
/// columns of one: 最終目標 and 目標値, `R3目標` and `令和3年度目標`, 指標 and 項目), the first
/// is kept and the other kept unread and said: the right-hand one overwrote it without a word.
fn indicator_field(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    (r, c): (usize, usize),
    (col, layout, unit_column): (Column, &Layout<'_>, bool),
    x: &mut Indicator,
    text: String,
) {
    let twice = |reading: &mut Reading<'_>, kept: String, text: String| {
        reading.figure_twice(sheet, (r, c), (layout.heading(sheet, c), kept, text));
    };
    if let Column::Name | Column::Unit = col {
        let slot = if col == Column::Name {
            &mut x.name
        } else {
            &mut x.unit
        };
        if slot.is_empty() {
            *slot = text;
        } else {
            twice(reading, slot.clone(), text);
        }
        return;
    }
    let heading = layout.heading(sheet, c);
    let value = reading.indicator_figure(sheet, (r, c), x, (unit_column, &heading));
    // A bare dash is no base value: no empty baseline, which the table would not write back.
    if col == Column::Baseline && value.is_blank() {
        return;
    }
    let year = reading.report.fiscal_year;
    let slot: &mut Figure = match col {
        Column::Baseline => &mut x.baseline.get_or_insert_with(Baseline::default).value,
        Column::Target(None) => &mut x.target,
        Column::Target(Some(y)) => &mut x.year_mut(y).target,
        Column::Actual(y) => &mut x.year_mut(y.unwrap_or(year)).actual,
        _ => &mut x.year_mut(year_of(col).unwrap_or(year)).first_half,
    };
    // A blank (a bare dash) beside a figure says nothing more: the figure stays.
    if slot.is_blank() {
        *slot = value;
    } else if !value.is_blank() {
        twice(reading, slot.display(), text);
    }
}

fn year_of(col: Column) -> Option<crate::model::era::FiscalYear> {
    match col {
        Column::Target(y) | Column::Actual(y) | Column::FirstHalf(y) => y,
        _ => None,
    }
}

//! The grid printed with a comparison's marks (比較), as the window shows them: a changed cell
//! outlined, an added row signed ＋ and outlined, a removed row signed －, its text struck
//! through and its old months dashed, a status printed as before→now. Signs and line styles
//! as well as colours, so the marks read on a black-and-white printer.

use super::draw::Geometry;
use super::{Artifact, LineStyle, Part, Shape, TableColumn};
use crate::compare::{Comparison, Mark};
use crate::grid::{self, EntryMark, GridRow};
use crate::model::Report;
use crate::model::status::Status;
use crate::palette::{Rgb, compare_mark};

/// Where a row (or a piece of one taller than a page) was drawn: its index in the table's
/// rows, its top and height, its first shape on the page, and whether it is the row's first
/// piece (which alone carries the sign, the months and the status, as it carries the row's).
pub struct Cell {
    pub row: usize,
    pub top: f32,
    pub height: f32,
    pub first_shape: usize,
    pub first_piece: bool,
}

/// Adds the marks of one row to the shapes just drawn for it.
pub fn mark_row(
    c: &Comparison,
    report: &Report,
    row: GridRow,
    geometry: &Geometry,
    cell: Cell,
    shapes: &mut Vec<Shape>,
) {
    let marks = c.row_marks(report, row);
    if marks.is_empty() {
        return;
    }
    let [
        number,
        text,
        stages,
        months,
        division,
        status,
        indicators,
        effects,
        ratings,
    ] = geometry.column_boxes();
    let (top, h) = (cell.top, cell.height);
    // Outlines, strikes and dashes are drawn marks; the signs and statuses are said below.
    shapes.push(Shape::Part(Part::Artifact(Artifact::Layout)));
    if marks.row == Some(Mark::Removed) {
        let strikes = strike_texts(&mut shapes[cell.first_shape..], text, top, h);
        for (x, y, w) in strikes {
            shapes.push(Shape::Line {
                x1: x,
                y1: y,
                x2: x + w,
                y2: y,
                style: LineStyle::solid(0.7, compare_mark(Mark::Removed)),
            });
        }
        if let GridRow::Removed { change, .. } = row
            && cell.first_piece
            && let Some((entry, side)) = c.removed_entry(change)
            && months.1 > 0.0
        {
            for m in grid::entry_marks(entry, side, geometry.as_of(), None) {
                if let EntryMark::Bar { from, to, .. } = m {
                    let x = months.0 + months.1 * from / 12.0;
                    let w = months.1 * (to - from) / 12.0;
                    shapes.push(Shape::Rect {
                        x,
                        y: top + h * 0.3,
                        w,
                        h: h * 0.4,
                        fill: None,
                        stroke: Some(dashed(compare_mark(Mark::Removed))),
                    });
                }
            }
        }
    }
    if let Some(mark) = marks.row
        && cell.first_piece
    {
        let (sign, said) = if mark == Mark::Removed {
            ("－", "削除")
        } else {
            ("＋", "追加")
        };
        let size = (h * 0.5).min(9.0);
        shapes.push(Shape::Part(Part::Drawn {
            row: cell.row,
            column: TableColumn::Number,
            said: said.into(),
        }));
        shapes.push(Shape::Text {
            x: number.0 + 1.0,
            y: top + h * 0.5 + size * 0.35,
            size,
            bold: true,
            color: compare_mark(mark),
            text: sign.into(),
        });
        shapes.push(Shape::Part(Part::Artifact(Artifact::Layout)));
    }
    let outlines: [(Option<Mark>, (f32, f32)); 8] = [
        (marks.number.filter(|_| marks.row.is_none()), number),
        (marks.text, text),
        (marks.stage, stages),
        (marks.months, months),
        (marks.division, division),
        (marks.indicators, indicators),
        (marks.effects, effects),
        (marks.ratings, ratings),
    ];
    for (mark, (x, w)) in outlines {
        if let Some(mark) = mark
            && w > 0.0
        {
            shapes.push(outline(x, top, w, h, mark));
        }
    }
    if let Some((old, new)) = marks.status
        && status.1 > 0.0
        && cell.first_piece
    {
        shapes.push(Shape::Part(Part::Cell {
            row: cell.row,
            column: TableColumn::Status,
        }));
        status_change(shapes, cell.first_shape, status, top, h, (old, new));
    }
}

/// Turns the row's texts in the text column to the removed colour; returns where to strike
/// each through (x, baseline-relative y, width).
fn strike_texts(drawn: &mut [Shape], (x, w): (f32, f32), top: f32, h: f32) -> Vec<(f32, f32, f32)> {
    let mut strikes = Vec::new();
    for shape in drawn.iter_mut() {
        if let Shape::Text {
            x: tx,
            y,
            size,
            color,
            text,
            ..
        } = shape
            && *tx >= x
            && *tx < x + w
            && *y > top
            && *y <= top + h
        {
            *color = compare_mark(Mark::Removed);
            let width = super::text::TextMeasure::get().width(text, *size, false);
            strikes.push((*tx, *y - *size * 0.3, width.min(x + w - *tx)));
        }
    }
    strikes
}

fn outline(x: f32, top: f32, w: f32, h: f32, mark: Mark) -> Shape {
    Shape::Rect {
        x: x + 0.6,
        y: top + 0.6,
        w: (w - 1.2).max(0.0),
        h: (h - 1.2).max(0.0),
        fill: None,
        stroke: Some(LineStyle::solid(1.2, compare_mark(mark))),
    }
}

fn dashed(color: Rgb) -> LineStyle {
    LineStyle {
        dash: Some((2.0, 1.5)),
        ..LineStyle::solid(0.8, color)
    }
}

/// The status cell says before→now instead of the status alone.
fn status_change(
    shapes: &mut Vec<Shape>,
    first: usize,
    (x, w): (f32, f32),
    top: f32,
    h: f32,
    (old, new): (Status, Status),
) {
    // The row's own status label gives way.
    let mut size = 7.0;
    let mut k = first;
    while k < shapes.len() {
        let inside = match &shapes[k] {
            Shape::Text { x: tx, y, .. } => *tx >= x && *tx < x + w && *y > top && *y <= top + h,
            Shape::Rect { x: rx, y, .. } => *rx >= x && *rx < x + w && *y >= top && *y < top + h,
            _ => false,
        };
        if inside {
            if let Shape::Text { size: s, .. } = &shapes[k] {
                size = *s;
            }
            shapes.remove(k);
        } else {
            k += 1;
        }
    }
    let text = format!("{}→{}", old.japanese(), new.japanese());
    let fitted = super::text::TextMeasure::get().ellipsize(&text, size, true, w - 2.0);
    shapes.push(Shape::Text {
        x: x + 1.0,
        y: top + h * 0.5 + size * 0.35,
        size,
        bold: true,
        color: compare_mark(Mark::Changed),
        text: fitted,
    });
}

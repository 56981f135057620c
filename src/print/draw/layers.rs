//! A page's rows drawn in layers, and the lines and boxes of a layer joined and grouped by
//! look, so that the PDF draws a page's grid as a few paths.

use super::super::{Artifact, LineStyle, Part, Rgb, Shape};
use super::part;

/// A page's rows drawn in layers: shading under everything, the month and year grid over the
/// shading, the rows' content, then the rules and column lines. Each layer is drawn for all
/// the page's rows at once, lines of one look one after another, so the PDF draws a page's
/// grid as a few paths instead of a few per row (most of a page's drawing operations before).
#[derive(Default)]
pub struct RowShapes {
    pub under: Vec<Shape>,
    pub lines: Vec<Shape>,
    pub content: Vec<Shape>,
    pub over: Vec<Shape>,
}

impl RowShapes {
    /// The layers onto the page, in order.
    pub fn onto(self, page: &mut Vec<Shape>) {
        part(page, Part::Artifact(Artifact::Layout));
        page.extend(by_look(joined(self.under)));
        page.extend(by_look(joined(self.lines)));
        page.extend(self.content);
        part(page, Part::Artifact(Artifact::Layout));
        page.extend(by_look(joined(self.over)));
    }
}

/// Vertical lines of one look that continue each other (a column's line down row after row)
/// joined into one line, and filled boxes likewise (a month's shading down the rows); other
/// shapes as they are.
fn joined(shapes: Vec<Shape>) -> Vec<Shape> {
    /// The look and the column: width, colour, dash; x (and a box's width).
    type Key = (u32, Rgb, Option<(u32, u32)>, u32, u32);
    let mut out: Vec<Shape> = Vec::with_capacity(shapes.len());
    // Per key: where in `out` its last shape is.
    let mut last: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for shape in shapes {
        let (key, top, bottom) = match &shape {
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                style,
            } if x1 == x2 && y1 <= y2 => (
                (
                    style.width.to_bits(),
                    style.color,
                    style.dash.map(|(a, b)| (a.to_bits(), b.to_bits())),
                    x1.to_bits(),
                    0,
                ),
                *y1,
                *y2,
            ),
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill: Some(fill),
                stroke: None,
            } => ((0, *fill, None, x.to_bits(), w.to_bits()), *y, y + h),
            _ => {
                out.push(shape);
                continue;
            }
        };
        if let Some(&k) = last.get(&key) {
            match out.get_mut(k) {
                Some(Shape::Line { y2, .. }) if (*y2 - top).abs() < 0.01 => {
                    *y2 = bottom;
                    continue;
                }
                Some(Shape::Rect { y, h, .. }) if (*y + *h - top).abs() < 0.01 => {
                    *h = bottom - *y;
                    continue;
                }
                _ => {}
            }
        }
        last.insert(key, out.len());
        out.push(shape);
    }
    out
}

/// Shapes grouped by their look (fill and line), each group where its first shape was: only
/// for shapes of a layer, which do not overlap but at the edges.
fn by_look(shapes: Vec<Shape>) -> Vec<Shape> {
    fn look(shape: &Shape) -> (Option<Rgb>, Option<LineStyle>) {
        match shape {
            Shape::Rect { fill, stroke, .. } => (*fill, *stroke),
            Shape::Line { style, .. } => (None, Some(*style)),
            _ => (None, None),
        }
    }
    let mut looks: Vec<(Option<Rgb>, Option<LineStyle>)> = Vec::new();
    let mut keyed: Vec<(usize, Shape)> = shapes
        .into_iter()
        .map(|shape| {
            let l = look(&shape);
            let k = looks.iter().position(|seen| *seen == l).unwrap_or_else(|| {
                looks.push(l);
                looks.len() - 1
            });
            (k, shape)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, shape)| shape).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{GRID, PERIOD, dashed, line, rect};
    use super::*;
    use crate::palette::{AS_OF, MUTED};

    fn vertical(x: f32, y1: f32, y2: f32, style: LineStyle) -> Shape {
        line(x, y1, x, y2, style)
    }

    #[test]
    fn a_column_line_down_the_rows_is_one_line_until_a_gap_or_another_look() {
        let grid = LineStyle::solid(0.3, GRID);
        let rule = LineStyle::solid(0.5, MUTED);
        let joined = joined(vec![
            vertical(10.0, 0.0, 5.0, grid),
            vertical(20.0, 0.0, 5.0, grid),
            vertical(10.0, 5.0, 9.0, grid),
            vertical(10.0, 9.0, 12.0, rule),
            vertical(10.0, 15.0, 20.0, grid),
            rect(30.0, 0.0, 4.0, 5.0, Some(PERIOD), None),
            rect(30.0, 5.0, 4.0, 5.0, Some(PERIOD), None),
            rect(30.0, 10.0, 4.0, 5.0, Some(PERIOD), Some(grid)),
        ]);
        assert_eq!(
            joined,
            vec![
                vertical(10.0, 0.0, 9.0, grid),
                vertical(20.0, 0.0, 5.0, grid),
                vertical(10.0, 9.0, 12.0, rule),
                vertical(10.0, 15.0, 20.0, grid),
                rect(30.0, 0.0, 4.0, 10.0, Some(PERIOD), None),
                rect(30.0, 10.0, 4.0, 5.0, Some(PERIOD), Some(grid)),
            ]
        );
    }

    #[test]
    fn shapes_are_grouped_by_look_in_the_order_looks_first_appear() {
        let grid = LineStyle::solid(0.3, GRID);
        let as_of = dashed(0.9, AS_OF);
        let grouped = by_look(vec![
            vertical(1.0, 0.0, 5.0, grid),
            vertical(2.0, 0.0, 5.0, as_of),
            vertical(3.0, 5.0, 9.0, grid),
        ]);
        assert_eq!(
            grouped,
            vec![
                vertical(1.0, 0.0, 5.0, grid),
                vertical(3.0, 5.0, 9.0, grid),
                vertical(2.0, 0.0, 5.0, as_of),
            ]
        );
    }
}

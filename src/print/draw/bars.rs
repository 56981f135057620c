//! What is drawn rather than written: stage bars over the years, an entry's bars and marks
//! over the months, the 計/実 badges, and the shapes they are made of.

use std::ops::Range;

use super::super::text::TextMeasure;
use super::super::{Artifact, LineStyle, Part, Rgb, Shape, TableColumn};
use super::{ACTUAL, Column, Geometry, PLAN_HATCH, dashed, line, part, rect, text};
use crate::grid::{self, BarLook, EntryMark};
use crate::model::status::LineMark;
use crate::model::{Entry, Side, StageSpan};
use crate::palette::{self, AS_OF, MUTED, PLAN, SCHEDULED_FILL, Tone};
use crate::spoken;

impl Geometry {
    /// Where a stage's bar goes across the years (its left and right), or `None` for a stage
    /// outside the plan years.
    fn stage_box(&self, span: &StageSpan) -> Option<(f32, f32)> {
        let Column { x: sx, w: sw } = self.cols.stages;
        let yw = sw / self.years as f32;
        let a = (span.first.0 - self.first_year) as f32;
        let b = (span.last.0 - self.first_year) as f32 + 1.0;
        if a < 0.0 || b > self.years as f32 {
            return None;
        }
        Some((sx + yw * a + 1.5, sx + yw * b - 1.5))
    }

    fn stage_text(&self) -> f32 {
        self.font() * 0.9
    }

    /// A stage's label in lines of its bar's width, the whole label however long (cut to the
    /// bar's width before, a long label lost its end); none for an arrow.
    pub(super) fn stage_label_lines(&self, span: &StageSpan, m: &TextMeasure) -> Vec<String> {
        let Some((x0, x1)) = self.stage_box(span) else {
            return Vec::new();
        };
        if span.label.is_empty() {
            return Vec::new();
        }
        let label = if span.continues {
            format!("→ {}", span.label)
        } else {
            span.label.clone()
        };
        m.wrap(&label, self.stage_text(), false, x1 - x0 - 2.0)
    }

    /// A stage's bar on a piece of its lane whose first line is at `top`: the bar as tall as
    /// the label's lines on this piece (`lines` of the row's), an arrow on the first line.
    pub(super) fn stage_bar(
        &self,
        span: &StageSpan,
        label: &[String],
        lines: Range<usize>,
        top: f32,
        out: &mut Vec<Shape>,
    ) {
        let Some((x0, x1)) = self.stage_box(span) else {
            return;
        };
        let lh = self.line_height();
        if span.label.is_empty() {
            if lines.start == 0 {
                arrow(x0, x1, top + lh / 2.0, Rgb::BLACK, out);
            }
            return;
        }
        let here = lines.start.min(label.len())..lines.end.min(label.len());
        if here.is_empty() {
            return;
        }
        let y = top + lh * 0.1;
        let bh = here.len() as f32 * lh - lh * 0.2;
        out.push(rect(
            x0,
            y,
            x1 - x0,
            bh,
            Some(palette::stage(&span.label, Tone::Paper)),
            Some(LineStyle::solid(0.5, MUTED)),
        ));
        let m = TextMeasure::get();
        let size = self.stage_text();
        for (k, l) in label[here].iter().enumerate() {
            let tw = m.width(l, size, false);
            let x = x0 + ((x1 - x0) - tw).max(2.0) / 2.0;
            // The baseline where one line's bar (80 % of the line) had it.
            let baseline = top + lh * (0.724 + k as f32);
            out.push(text(x, baseline, size, false, Rgb::BLACK, l));
        }
    }

    /// An entry's marks in its month lane; `(row, top, h)`: its row's index and the lane.
    pub(super) fn entry_bar(
        &self,
        entry: &Entry,
        side: Side,
        plan_line: Option<LineMark>,
        (row, top, h): (usize, f32, f32),
        out: &mut Vec<Shape>,
    ) {
        let Column { x: mx, w: mw } = self.cols.months;
        let w = mw / 12.0;
        let y = top + h * 0.15;
        let bh = h * 0.7;
        for mark in grid::entry_marks(entry, side, self.as_of, plan_line) {
            let said = match mark {
                EntryMark::Unreadable => Some(spoken::unreadable(side, entry)),
                EntryMark::AsNeeded => Some(spoken::as_needed(side)),
                _ => spoken::month_run(entry, side, &mark).map(|run| run.said),
            };
            // A plan line's ●/○/late mark is said by the status column.
            part(
                out,
                match said {
                    Some(said) => Part::Drawn {
                        row,
                        column: TableColumn::Months,
                        said,
                    },
                    None => Part::Artifact(Artifact::Layout),
                },
            );
            match mark {
                EntryMark::Unreadable => {
                    out.push(text(mx + 2.0, top + h * 0.8, self.font(), true, AS_OF, "?"));
                }
                EntryMark::Covers { from, to } => out.push(line(
                    mx + w * from + 1.0,
                    y + bh / 2.0,
                    mx + w * to - 1.0,
                    y + bh / 2.0,
                    LineStyle::solid(0.8, MUTED),
                )),
                EntryMark::AsNeeded => {
                    let color = if side == Side::Plan { PLAN } else { ACTUAL };
                    diamond(mx + w * 0.4, y + bh / 2.0, bh / 2.0, color, out);
                    out.push(text(
                        mx + w * 0.4 + bh,
                        top + h * 0.8,
                        self.font() * 0.85,
                        false,
                        color,
                        "随時",
                    ));
                }
                EntryMark::Bar {
                    from,
                    to,
                    look,
                    open_end,
                    continues,
                } => {
                    let x0 = mx + w * from + 1.0;
                    let x1 = if continues {
                        (mx + w * to).max(x0 + 3.0)
                    } else {
                        mx + w * to - 1.0
                    };
                    match look {
                        BarLook::Plan => plan_bar(x0, y, x1 - x0, bh, out),
                        BarLook::Actual => out.push(rect(x0, y, x1 - x0, bh, Some(ACTUAL), None)),
                        BarLook::Scheduled => scheduled_bar(x0, y, x1 - x0, bh, out),
                    }
                    if open_end {
                        let end = if continues { x1 + w * 0.6 } else { x1 };
                        arrow(x1 - w * 0.3, end, y + bh / 2.0, Rgb::BLACK, out);
                    }
                }
                EntryMark::Line { at, mark } => {
                    let r = bh * 0.32;
                    let cx = (mx + w * at + r + 1.5).min(mx + mw - r - 0.5);
                    line_mark(cx, y + bh / 2.0, r, mark, out);
                }
            }
        }
    }
}

/// Plan: white box, diagonal hatching, outline.
pub(super) fn plan_bar(x: f32, y: f32, w: f32, h: f32, out: &mut Vec<Shape>) {
    out.push(rect(x, y, w, h, Some(Rgb::WHITE), None));
    out.push(Shape::Hatch {
        x,
        y,
        w,
        h,
        step: 3.0,
        style: LineStyle::solid(0.5, PLAN_HATCH),
    });
    out.push(rect(x, y, w, h, None, Some(LineStyle::solid(0.9, PLAN))));
}

pub(super) fn scheduled_bar(x: f32, y: f32, w: f32, h: f32, out: &mut Vec<Shape>) {
    out.push(rect(
        x,
        y,
        w,
        h,
        Some(SCHEDULED_FILL),
        Some(dashed(0.9, ACTUAL)),
    ));
}

/// A plan line's mark: met (filled), to come (hollow), late (red, with a bar across).
pub(super) fn line_mark(cx: f32, cy: f32, r: f32, mark: LineMark, out: &mut Vec<Shape>) {
    let circle: Vec<(f32, f32)> = (0..12)
        .map(|k| {
            let a = k as f32 * std::f32::consts::TAU / 12.0;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    match mark {
        LineMark::Met => out.push(Shape::Polygon {
            points: circle,
            fill: PLAN,
        }),
        LineMark::ToCome => {
            out.push(Shape::Polygon {
                points: circle.clone(),
                fill: PLAN,
            });
            let inner = circle
                .iter()
                .map(|(x, y)| (cx + (x - cx) * 0.6, cy + (y - cy) * 0.6))
                .collect();
            out.push(Shape::Polygon {
                points: inner,
                fill: Rgb::WHITE,
            });
        }
        LineMark::Late => {
            out.push(Shape::Polygon {
                points: circle,
                fill: AS_OF,
            });
            out.push(line(
                cx - r * 0.6,
                cy,
                cx + r * 0.6,
                cy,
                LineStyle::solid(r * 0.4, Rgb::WHITE),
            ));
        }
    }
}

pub(super) fn diamond(cx: f32, cy: f32, r: f32, fill: Rgb, out: &mut Vec<Shape>) {
    out.push(Shape::Polygon {
        points: vec![(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
        fill,
    });
}

pub(super) fn arrow(x0: f32, x1: f32, y: f32, color: Rgb, out: &mut Vec<Shape>) {
    let head = 3.0_f32.min((x1 - x0).abs());
    out.push(line(
        x0,
        y,
        x1 - head * 0.5,
        y,
        LineStyle::solid(0.8, color),
    ));
    out.push(Shape::Polygon {
        points: vec![
            (x1, y),
            (x1 - head, y - head * 0.6),
            (x1 - head, y + head * 0.6),
        ],
        fill: color,
    });
}

/// 計 (outlined) or 実 (solid) in front of an entry.
pub(super) fn side_badge(x: f32, top: f32, f: f32, side: Side, out: &mut Vec<Shape>) {
    let s = f * 1.1;
    match side {
        Side::Plan => {
            out.push(rect(
                x,
                top + f * 0.05,
                s,
                s,
                Some(Rgb::WHITE),
                Some(LineStyle::solid(0.6, PLAN)),
            ));
            out.push(text(
                x + (s - f * 0.85) / 2.0,
                top + f * 0.9,
                f * 0.85,
                false,
                PLAN,
                "計",
            ));
        }
        Side::Actual => {
            out.push(rect(x, top + f * 0.05, s, s, Some(ACTUAL), None));
            out.push(text(
                x + (s - f * 0.85) / 2.0,
                top + f * 0.9,
                f * 0.85,
                true,
                Rgb::WHITE,
                "実",
            ));
        }
    }
}

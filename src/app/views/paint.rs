//! Drawing of bars and markers: stage bars over fiscal years, plan and actual bars over months.
//! Plan and actual differ by shape (outline with hatching versus solid), not colour alone, so
//! the grid reads in grayscale.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use super::widgets::color;
use crate::grid::{BarLook, EntryMark};
use crate::model::status::LineMark;
use crate::model::{Side, StageSpan};
use crate::palette::{self, Tone};

pub const PLAN: Color32 = color(palette::PLAN);
pub const PLAN_HATCH: Color32 = color(palette::plan_hatch(Tone::Screen));
pub const ACTUAL: Color32 = color(palette::actual(Tone::Screen));
pub const PERIOD_SHADE: Color32 = color(palette::period(Tone::Screen));
pub const AS_OF: Color32 = color(palette::AS_OF);
pub const GRID_LINE: Color32 = color(palette::grid_line(Tone::Screen));
pub const TEXT: Color32 = color(palette::Rgb::BLACK);
/// The outline of a month range being dragged.
pub const DRAG: Color32 = Color32::from_rgb(0x10, 0x60, 0xd0);
const SCHEDULED_FILL: Color32 = color(palette::SCHEDULED_FILL);

/// A stage's fill on screen.
pub fn stage_fill(label: &str) -> Color32 {
    color(palette::stage(label, Tone::Screen))
}

/// A stage bar: filled box with its label; a leading `→` draws an arrow into the bar, a bare
/// `→` a continuation arrow across the span.
pub fn stage_bar(painter: &Painter, rect: Rect, span: &StageSpan, font: FontId) {
    let rect = rect.shrink2(vec2(2.0, 3.0));
    if span.label.is_empty() {
        arrow(
            painter,
            rect.left_center(),
            rect.right_center() - vec2(2.0, 0.0),
            TEXT,
        );
        return;
    }
    painter.rect(
        rect,
        3.0,
        stage_fill(&span.label),
        Stroke::new(1.0, Color32::from_gray(0x70)),
        StrokeKind::Inside,
    );
    let mut text = span.label.clone();
    if span.continues {
        text = format!("→ {text}");
    }
    let galley = painter.layout_no_wrap(text, font, TEXT);
    let pos = if galley.size().x > rect.width() - 4.0 {
        rect.left_center() + vec2(3.0, 0.0)
    } else {
        rect.center() - vec2(galley.size().x / 2.0, 0.0)
    };
    let clipped = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    clipped.galley(pos - vec2(0.0, galley.size().y / 2.0), galley, TEXT);
}

pub fn arrow(painter: &Painter, from: Pos2, to: Pos2, color: Color32) {
    let stroke = Stroke::new(1.6, color);
    painter.line_segment([from, to], stroke);
    let head = 5.0;
    painter.line_segment([to, to - vec2(head, head * 0.8)], stroke);
    painter.line_segment([to, to - vec2(head, -head * 0.8)], stroke);
}

/// The x of the left edge of fiscal month `index` (0 = April) in a lane.
pub fn month_x(lane: Rect, index: f32) -> f32 {
    lane.left() + lane.width() * index / 12.0
}

/// Draws one entry's marks (as `grid::entry_marks` describes them) over the months of `lane`;
/// returns the rects that carry a bar or marker.
pub fn entry(
    painter: &Painter,
    lane: Rect,
    marks: &[EntryMark],
    side: Side,
    small: FontId,
    as_needed: &str,
) -> Vec<Rect> {
    let bar_area = lane.shrink2(vec2(0.0, 5.0));
    let mut drawn = Vec::new();
    for mark in marks.iter().copied() {
        match mark {
            EntryMark::Unreadable => {
                // Written but not understood: a question mark, the text is in the tooltip.
                let c = pos2(lane.left() + 8.0, lane.center().y);
                painter.text(c, Align2::CENTER_CENTER, "?", small.clone(), AS_OF);
                drawn.push(Rect::from_center_size(c, vec2(14.0, 14.0)));
            }
            EntryMark::Covers { from, to } => {
                let r = Rect::from_x_y_ranges(
                    month_x(lane, from) + 2.0..=month_x(lane, to) - 2.0,
                    lane.center().y - 1.0..=lane.center().y + 1.0,
                );
                painter.rect_filled(r, 0.0, Color32::from_gray(0x60));
                drawn.push(r);
            }
            EntryMark::AsNeeded => {
                let c = pos2(lane.left() + 10.0, lane.center().y);
                diamond(painter, c, 5.0, side_color(side));
                let at = c + vec2(9.0, 0.0);
                painter.text(
                    at,
                    Align2::LEFT_CENTER,
                    as_needed,
                    small.clone(),
                    side_color(side),
                );
                drawn.push(Rect::from_center_size(c, vec2(12.0, 12.0)));
            }
            EntryMark::Bar {
                from,
                to,
                look,
                open_end,
                continues,
            } => {
                let x0 = month_x(lane, from) + 1.5;
                let x1 = if continues {
                    month_x(lane, to).max(x0 + 4.0)
                } else {
                    month_x(lane, to) - 1.5
                };
                let r = Rect::from_x_y_ranges(x0..=x1, bar_area.y_range());
                match look {
                    BarLook::Plan => plan_bar(painter, r),
                    BarLook::Actual => actual_bar(painter, r),
                    BarLook::Scheduled => scheduled_bar(painter, r),
                }
                if open_end {
                    let end = if continues { x1 + 10.0 } else { x1 };
                    let y = r.center().y;
                    arrow(painter, pos2(x1 - 6.0, y), pos2(end, y), TEXT);
                }
                drawn.push(r);
            }
            EntryMark::Line { at, mark } => {
                let x = (month_x(lane, at) + 7.0).min(lane.right() - 6.0);
                let c = pos2(x, lane.center().y);
                line_mark(painter, c, 4.5, mark);
                drawn.push(Rect::from_center_size(c, vec2(10.0, 10.0)));
            }
        }
    }
    drawn
}

fn side_color(side: Side) -> Color32 {
    match side {
        Side::Plan => PLAN,
        Side::Actual => ACTUAL,
    }
}

/// Plan: an outline with diagonal hatching.
pub fn plan_bar(painter: &Painter, r: Rect) {
    painter.rect_filled(r, 2.0, Color32::WHITE);
    let clipped = painter.with_clip_rect(r.intersect(painter.clip_rect()));
    let step = 5.0;
    let mut x = r.left() - r.height();
    while x < r.right() {
        clipped.line_segment(
            [pos2(x, r.bottom()), pos2(x + r.height(), r.top())],
            Stroke::new(1.0, PLAN_HATCH),
        );
        x += step;
    }
    painter.rect_stroke(r, 2.0, Stroke::new(1.5, PLAN), StrokeKind::Inside);
}

/// Actual: solid.
pub fn actual_bar(painter: &Painter, r: Rect) {
    painter.rect_filled(r, 2.0, ACTUAL);
}

/// Actual marked 予定 (not done yet): a dashed outline.
pub fn scheduled_bar(painter: &Painter, r: Rect) {
    painter.rect_filled(r, 2.0, SCHEDULED_FILL);
    let stroke = Stroke::new(1.5, ACTUAL);
    let corners = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    for w in corners.windows(2) {
        painter.extend(Shape::dashed_line(&[w[0], w[1]], stroke, 4.0, 3.0));
    }
}

/// A plan line's mark: met (filled), to come (hollow), late (red, with a bar across).
pub fn line_mark(painter: &Painter, c: Pos2, r: f32, mark: LineMark) {
    match mark {
        LineMark::Met => {
            painter.circle_filled(c, r, PLAN);
        }
        LineMark::ToCome => {
            painter.circle(c, r, Color32::WHITE, Stroke::new(1.5, PLAN));
        }
        LineMark::Late => {
            painter.circle_filled(c, r, AS_OF);
            painter.line_segment(
                [c - vec2(r * 0.6, 0.0), c + vec2(r * 0.6, 0.0)],
                Stroke::new(r * 0.45, Color32::WHITE),
            );
        }
    }
}

pub fn diamond(painter: &Painter, c: Pos2, r: f32, color: Color32) {
    painter.add(Shape::convex_polygon(
        vec![
            c - vec2(0.0, r),
            c + vec2(r, 0.0),
            c + vec2(0.0, r),
            c - vec2(r, 0.0),
        ],
        color,
        Stroke::NONE,
    ));
}

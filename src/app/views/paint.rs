//! Drawing of bars and markers: stage bars over fiscal years, plan and actual bars over months.
//! Plan and actual differ by shape (outline with hatching versus solid), not colour alone, so
//! the grid reads in grayscale.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use crate::model::{Entry, Side, StageSpan, TimingKind};

pub const PLAN: Color32 = Color32::from_rgb(0x1f, 0x4e, 0x8c);
pub const PLAN_HATCH: Color32 = Color32::from_rgb(0x9c, 0xb8, 0xdd);
pub const ACTUAL: Color32 = Color32::from_rgb(0xc8, 0x5a, 0x00);
pub const PERIOD_SHADE: Color32 = Color32::from_rgb(0xfb, 0xf1, 0xd0);
pub const CURRENT_YEAR: Color32 = Color32::from_rgb(0xfb, 0xf1, 0xd0);
pub const AS_OF: Color32 = Color32::from_rgb(0xc0, 0x10, 0x10);
pub const GRID_LINE: Color32 = Color32::from_gray(0xd8);
pub const TEXT: Color32 = Color32::from_gray(0x20);

/// A fill per known stage label on screen (stronger than the paper colours of
/// `print::stage_color`, for contrast on a monitor); free text gets gray.
pub fn stage_fill(label: &str) -> Color32 {
    match label {
        "検討" => Color32::from_rgb(0xbd, 0xd7, 0xee),
        "実施" => Color32::from_rgb(0xa8, 0xd8, 0xa0),
        "順次実施" => Color32::from_rgb(0x7f, 0xc9, 0x9a),
        "随時実施" => Color32::from_rgb(0xf9, 0xcf, 0x9a),
        "検討・整備" => Color32::from_rgb(0xcd, 0xc4, 0xe6),
        "周知" => Color32::from_rgb(0xe8, 0xc0, 0xdc),
        _ => Color32::from_gray(0xdd),
    }
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

/// Draws one entry over the months of `lane`; returns the rects that carry a bar or marker.
pub fn entry(
    painter: &Painter,
    lane: Rect,
    entry: &Entry,
    side: Side,
    as_of: f32,
    small: FontId,
) -> Vec<Rect> {
    let mut drawn = Vec::new();
    let bar_area = lane.shrink2(vec2(0.0, 5.0));
    let Some(timing) = &entry.timing else {
        if entry.when.is_some() {
            // Written but not understood: a question mark, the text is in the tooltip.
            let c = pos2(lane.left() + 8.0, lane.center().y);
            painter.text(c, Align2::CENTER_CENTER, "?", small, AS_OF);
            drawn.push(Rect::from_center_size(c, vec2(14.0, 14.0)));
        } else if !entry.subs.is_empty() {
            // A head with dated sub-items: a thin bracket over what they cover.
            for (a, b) in entry.covered_months().runs() {
                let r = Rect::from_x_y_ranges(
                    month_x(lane, a as f32) + 2.0..=month_x(lane, b as f32 + 1.0) - 2.0,
                    lane.center().y - 1.0..=lane.center().y + 1.0,
                );
                painter.rect_filled(r, 0.0, Color32::from_gray(0x60));
                drawn.push(r);
            }
        }
        return drawn;
    };
    if timing.kind == TimingKind::AsNeeded {
        let c = pos2(lane.left() + 10.0, lane.center().y);
        diamond(painter, c, 5.0, side_color(side));
        painter.text(
            c + vec2(9.0, 0.0),
            Align2::LEFT_CENTER,
            "随時",
            small,
            side_color(side),
        );
        drawn.push(Rect::from_center_size(c, vec2(12.0, 12.0)));
        return drawn;
    }
    for (a, b) in timing.months.runs() {
        let x0 = month_x(lane, a as f32) + 1.5;
        let mut x1 = month_x(lane, b as f32 + 1.0) - 1.5;
        let mut continues = false;
        // An actual that is still going (`5月～`) is drawn up to the as-of date, then an arrow.
        if side == Side::Actual && timing.open_end && x1 > month_x(lane, as_of) {
            x1 = month_x(lane, as_of).max(x0 + 4.0);
            continues = true;
        }
        let r = Rect::from_x_y_ranges(x0..=x1, bar_area.y_range());
        match (side, timing.scheduled) {
            (Side::Plan, _) => plan_bar(painter, r),
            (Side::Actual, false) => actual_bar(painter, r),
            (Side::Actual, true) => scheduled_bar(painter, r),
        }
        if timing.open_end {
            let end = if continues { x1 + 10.0 } else { x1 };
            arrow(
                painter,
                pos2(x1 - 6.0, r.center().y),
                pos2(end, r.center().y),
                TEXT,
            );
        }
        drawn.push(r);
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
    painter.rect_filled(r, 2.0, Color32::from_rgb(0xfb, 0xe6, 0xd2));
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

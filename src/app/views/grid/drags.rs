//! The grid's drawn cells and what dragging does on them: stage bars over the plan years
//! (their ends move by whole years) and an entry's months along its lane.

use egui::{Color32, CursorIcon, FontId, Rect, RichText, Sense, Stroke, Ui, WidgetInfo, vec2};

use super::{GridView, LaneAt, as_of_position};
use crate::app::command::{AppCommand, ViewCommand};
use crate::app::views::widgets::{actual_name, counts_text};
use crate::app::views::{MonthDrag, SpanDrag, paint};
use crate::edit::Intent;
use crate::grid::{self, GridRow};
use crate::model::status::{LineStatus, StatusCounts};
use crate::model::{EntryKind, FiscalYear, MonthSet, Side, StageSpan};

impl GridView<'_> {
    pub(super) fn stage_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let rect = ui.max_rect();
        let painter = ui.painter().clone();
        let range = self.report.plan_years;
        let w = rect.width() / range.len().max(1) as f32;
        if let Some(k) = range.index_of(self.report.fiscal_year) {
            let r = Rect::from_x_y_ranges(
                rect.left() + w * k as f32..=rect.left() + w * (k + 1) as f32,
                rect.y_range(),
            );
            painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
        }
        for k in 0..range.len() {
            painter.vline(
                rect.left() + w * k as f32,
                rect.y_range(),
                Stroke::new(1.0, paint::GRID_LINE),
            );
        }
        let (GridRow::Lane { lane, .. }, Some(action)) = (row, grid::item_of(self.report, row))
        else {
            return;
        };
        let Some(spans) = action.lanes.get(lane) else {
            return;
        };
        let lane_at = LaneAt {
            item: action.id,
            name: &action.name,
            lane,
            rect,
            year_width: w,
        };
        for (index, span) in spans.iter().enumerate() {
            self.stage_span(ui, &painter, &lane_at, index, span, out);
        }
    }

    /// One stage bar, and its two ends to drag.
    pub(super) fn stage_span(
        &mut self,
        ui: &mut Ui,
        painter: &egui::Painter,
        at: &LaneAt,
        index: usize,
        span: &StageSpan,
        out: &mut Vec<AppCommand>,
    ) {
        let range = self.report.plan_years;
        let (Some(mut a), Some(mut b)) = (range.index_of(span.first), range.index_of(span.last))
        else {
            return;
        };
        let dragging = self
            .drafts
            .span_drag
            .as_ref()
            .filter(|d| d.item == at.item && d.lane == at.lane && d.index == index);
        if let Some(d) = dragging {
            (a, b) = (d.fixed.min(d.current), d.fixed.max(d.current));
        }
        let left = at.rect.left();
        let r = Rect::from_x_y_ranges(
            left + at.year_width * a as f32..=left + at.year_width * (b + 1) as f32,
            at.rect.y_range(),
        );
        paint::stage_bar(painter, r, span, FontId::proportional(12.0));
        let years = span.years_text(self.report.fiscal_year);
        ui.allocate_rect(r.shrink2(vec2(6.0, 0.0)), Sense::hover())
            .on_hover_text(format!(
                "{}\n{years}: {}\n{}: {}",
                at.name,
                span.display(),
                self.t().as_written,
                span.source
            ));
        // Both ends can be dragged by whole fiscal years.
        for (start, x, fixed) in [(true, r.left(), b), (false, r.right(), a)] {
            self.span_end(ui, at, index, span, (start, x, fixed), r, out);
        }
    }

    /// One end of a stage bar: dragging it moves that end by whole years (a bar keeps at
    /// least one year); the release asks for the span to be resized.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn span_end(
        &mut self,
        ui: &mut Ui,
        at: &LaneAt,
        index: usize,
        span: &StageSpan,
        (start, x, fixed): (bool, f32, usize),
        bar: Rect,
        out: &mut Vec<AppCommand>,
    ) {
        let range = self.report.plan_years;
        let handle = Rect::from_center_size(egui::pos2(x, bar.center().y), vec2(8.0, bar.height()));
        let id = ui.scope_id().with(("span", at.item, at.lane, index, start));
        let response = ui
            .interact(handle, id, Sense::drag())
            .on_hover_cursor(CursorIcon::ResizeHorizontal);
        let which = if start {
            self.t().span_start
        } else {
            self.t().span_end
        };
        let label = format!("{which}: {} {}", at.name, span.display());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, &label));
        if response.drag_started() {
            let (item, lane) = (at.item, at.lane);
            let current = fixed;
            self.drafts.span_drag = Some(SpanDrag {
                item,
                lane,
                index,
                fixed,
                current,
                span: span.clone(),
            });
        }
        let latest = ui.input(|i| i.pointer.latest_pos());
        if (response.dragged() || response.drag_stopped())
            && let (Some(p), Some(d)) = (latest, self.drafts.span_drag.as_mut())
        {
            // Ends snap to the nearest year boundary.
            let b = ((p.x - at.rect.left()) / at.year_width)
                .round()
                .clamp(0.0, range.len() as f32) as usize;
            d.current = if start {
                b.min(d.fixed)
            } else {
                b.saturating_sub(1).max(d.fixed)
            };
        }
        if response.drag_stopped()
            && let Some(d) = self.drafts.span_drag.take()
        {
            let (lo, hi) = (d.fixed.min(d.current), d.fixed.max(d.current));
            let first = FiscalYear(range.first.0 + lo as i32);
            let last = FiscalYear(range.first.0 + hi as i32);
            if (first, last) != (span.first, span.last) && d.span == *span {
                let (item, lane, index) = (d.item, d.lane, d.index);
                let intent = Intent::ResizeSpan {
                    item,
                    lane,
                    index,
                    first,
                    last,
                };
                out.push(intent.into());
            }
        }
    }

    pub(super) fn month_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let rect = ui.max_rect();
        let painter = ui.painter().clone();
        let period = self.report.period.months();
        for k in 0..12 {
            let r = Rect::from_x_y_ranges(
                paint::month_x(rect, k as f32)..=paint::month_x(rect, k as f32 + 1.0),
                rect.y_range(),
            );
            if period.contains_fiscal(k) {
                painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            }
            let stroke = if k == 9 {
                Stroke::new(1.5, Color32::from_gray(0x90))
            } else {
                Stroke::new(1.0, paint::GRID_LINE)
            };
            painter.vline(r.left(), rect.y_range(), stroke);
        }
        let as_of = as_of_position(self.report);
        painter.vline(
            paint::month_x(rect, as_of),
            rect.y_range(),
            Stroke::new(1.5, paint::AS_OF),
        );
        if let (GridRow::Section { .. }, Some(section)) = (row, grid::section_of(self.report, row))
        {
            // The section's status counts, in the otherwise empty month lanes.
            let mut counts = StatusCounts::default();
            for initiative in &section.initiatives {
                counts.add(self.frame.standing_of(initiative).initiative());
            }
            let text = counts_text(&counts, self.lang);
            ui.add_space(6.0);
            ui.add(egui::Label::new(RichText::new(text).strong()).selectable(false));
            return;
        }
        if let GridRow::Removed { change, .. } = row
            && let Some((entry, side)) = self.comparison.and_then(|c| c.removed_entry(change))
        {
            // What the older report had, faded: it is no longer in this one.
            let mut faded = painter.clone();
            faded.multiply_opacity(0.4);
            let marks = grid::entry_marks(entry, side, as_of, None);
            paint::entry(&faded, rect, &marks, side, FontId::proportional(11.0), "");
            return;
        }
        let GridRow::Entry { side, .. } = row else {
            return;
        };
        let Some(entry) = grid::entry_of(self.report, row) else {
            return;
        };
        let t = self.t();
        let line = self.plan_line(row).map(LineStatus::mark);
        let marks = grid::entry_marks(entry, side, as_of, line);
        let small = FontId::proportional(11.0);
        let drawn = paint::entry(&painter, rect, &marks, side, small, t.as_needed);
        if let Some(area) = drawn.into_iter().reduce(|a, b| a.union(b)) {
            let side_name = match side {
                Side::Plan => t.plan.to_string(),
                Side::Actual => actual_name(self.report.period, self.lang),
            };
            let when = entry
                .when
                .as_deref()
                .map_or(String::new(), |w| format!("（{w}）"));
            ui.allocate_rect(area, Sense::hover())
                .on_hover_text(format!("{side_name}{when}\n{}", entry.text));
        }
        if entry.kind != EntryKind::Status {
            self.month_drag(ui, &painter, rect, row, entry, out);
        }
    }

    /// The month lane takes drags: from an empty month, a new range; from a bar's end, that
    /// end. The release asks for the new months; a click selects the entry.
    pub(super) fn month_drag(
        &mut self,
        ui: &mut Ui,
        painter: &egui::Painter,
        rect: Rect,
        row: GridRow,
        entry: &crate::model::Entry,
        out: &mut Vec<AppCommand>,
    ) {
        let month_at = |x: f32| {
            ((x - rect.left()) / rect.width() * 12.0)
                .floor()
                .clamp(0.0, 11.0) as usize
        };
        let response = ui
            .interact(
                rect,
                ui.scope_id().with(("months", entry.id)),
                Sense::click_and_drag(),
            )
            .on_hover_cursor(CursorIcon::ResizeHorizontal);
        // Said by a screen reader as the grid shows it: control characters by their marks.
        let label = format!(
            "{}: {}",
            self.t().month_lane,
            crate::model::text::visible(&entry.label)
        );
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, &label));
        // The drag is decided after the pointer has moved: anchor it where the button went down.
        let pointer = ui.input(|i| (i.pointer.press_origin(), i.pointer.latest_pos()));
        if response.drag_started()
            && let Some(p) = pointer.0
        {
            self.drafts.month_drag = Some(start_month_drag(rect, entry, p.x, month_at(p.x)));
        }
        if let Some(d) = self
            .drafts
            .month_drag
            .as_mut()
            .filter(|d| d.entry == entry.id)
        {
            if let Some(p) = pointer.1 {
                d.current = month_at(p.x);
            }
            let (a, b) = (d.fixed.min(d.current), d.fixed.max(d.current));
            let preview = Rect::from_x_y_ranges(
                paint::month_x(rect, a as f32)..=paint::month_x(rect, b as f32 + 1.0),
                rect.shrink2(vec2(0.0, 3.0)).y_range(),
            );
            painter.rect_stroke(
                preview,
                2.0,
                Stroke::new(2.0, paint::DRAG),
                egui::StrokeKind::Inside,
            );
        }
        if response.drag_stopped()
            && let Some(d) = self.drafts.month_drag.take()
        {
            let (a, b) = (d.fixed.min(d.current), d.fixed.max(d.current));
            let months = MonthSet::from_fiscal_indices(a..=b).union(d.keep);
            out.push(
                Intent::SetEntryMonths {
                    id: entry.id,
                    months,
                }
                .into(),
            );
        }
        if response.clicked() {
            if let Some(i) = grid::initiative_of(self.report, row) {
                out.push(ViewCommand::Select(i.id).into());
            }
            out.push(ViewCommand::SelectEntry(entry.id).into());
        }
    }
}

/// A drag starting at `x` (month `at`): near a bar's end it moves that end and keeps the
/// entry's other runs; elsewhere it starts a new range.
pub(super) fn start_month_drag(
    rect: Rect,
    entry: &crate::model::Entry,
    x: f32,
    at: usize,
) -> MonthDrag {
    let own = entry.timing.as_ref().map_or(MonthSet::EMPTY, |t| t.months);
    let near = |m: f32| (x - paint::month_x(rect, m)).abs() < 7.0;
    let runs = own.runs();
    let run = runs
        .iter()
        .find(|(a, b)| near(*a as f32) || near(*b as f32 + 1.0) || (*a..=*b).contains(&at));
    let (fixed, keep) = match run {
        Some(&(a, b)) if near(a as f32) => (b, without(own, a, b)),
        Some(&(a, b)) if near(b as f32 + 1.0) => (a, without(own, a, b)),
        _ => (at, MonthSet::EMPTY),
    };
    MonthDrag {
        entry: entry.id,
        fixed,
        current: at,
        keep,
    }
}

pub(super) fn without(set: MonthSet, a: usize, b: usize) -> MonthSet {
    MonthSet::from_fiscal_indices(set.fiscal_indices().filter(|k| !(a..=b).contains(k)))
}

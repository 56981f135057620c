//! The main grid: one virtualised table with a row per section, initiative, action item lane,
//! topic and entry; the plan years as a stage grid; the fiscal year's months as lanes.
//! Double-click (or Enter) edits a text in place, dragging along a month lane sets an entry's
//! months, dragging a stage bar's ends moves it by whole years, right-click offers add/delete.

use egui::text::LayoutJob;
use egui::{
    Align, Align2, Color32, CursorIcon, FontId, Key, Layout, Rect, Response, RichText, Sense,
    Stroke, TextFormat, Ui, WidgetInfo, pos2, vec2,
};

use super::columns::{Column, ColumnLayout, ColumnPrefs, MONTH_WITH_SUFFIX};
use super::widgets::{actual_name, counts_text, entry_status_words, status_badge};
use super::{InlineEdit, MonthDrag, SpanDrag, ViewState, paint};
use crate::app::command::{AppCommand, EditTarget, PrefsCommand, ViewCommand};
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::{Lang, Texts};
use crate::app::state::view::ViewModel;
use crate::compare::{Comparison, Mark, RowMarks};
use crate::edit::Intent;
use crate::grid::{self, GridRow, RowFilter};
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::{LineMark, Status, initiative_status, section_counts, topic_status};
use crate::model::{EntryKind, FiscalYear, Id, MonthSet, Report, Side, StageSpan};

pub const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 46.0;

pub struct GridView<'a> {
    pub report: &'a Report,
    /// Widths and hidden columns the user chose.
    pub columns: &'a ColumnPrefs,
    pub rows: &'a [GridRow],
    pub view: &'a ViewModel,
    /// The report the grid is compared with: its marks are drawn on the cells.
    pub comparison: Option<&'a Comparison>,
    pub lang: Lang,
    /// Scroll so this row is visible (after keyboard selection).
    pub scroll_to: Option<usize>,
    pub drafts: &'a mut ViewState,
}

/// An action item's stage lane as drawn: where its years are.
struct LaneAt<'a> {
    item: Id,
    name: &'a str,
    lane: usize,
    rect: Rect,
    year_width: f32,
}

/// Where the as-of date falls in fiscal months (0.0 = 1 April).
pub fn as_of_position(report: &Report) -> f32 {
    report.as_of().position(report.fiscal_year)
}

impl GridView<'_> {
    fn t(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn show(mut self, ui: &mut Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        self.sync_inline_draft();
        legend(ui, self.t(), self.report);
        ui.add_space(2.0);
        // Wider than the window on small screens: scroll sideways, keep the header on top.
        egui::ScrollArea::horizontal()
            .id_salt("grid-h")
            .show(ui, |ui| self.table(ui, &mut out));
        out
    }

    /// The in-place field follows the view state: opened with the text as it stands when
    /// editing starts, dropped when editing ends.
    fn sync_inline_draft(&mut self) {
        let Some(target) = self.view.editing() else {
            self.drafts.inline = None;
            return;
        };
        if self
            .drafts
            .inline
            .as_ref()
            .is_none_or(|e| e.target != target)
            && let Some(buffer) = target.current_text(self.report)
        {
            self.drafts.inline = Some(InlineEdit {
                target,
                buffer,
                focus: true,
            });
        }
    }

    /// The grid: one scroll area over all rows, only the visible ones laid out; the header
    /// stays on top and 番号 / 具体的取組 stay at the left when it scrolls sideways.
    fn table(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let years = self.report.plan_years.len();
        let cols = ColumnLayout::fit(ui.available_width(), years, self.columns);
        // Hovering a plan line shows the results reporting it, and the other way round (what
        // was hovered in the last frame, as rows are drawn top to bottom).
        let related = related_entries(self.report, self.drafts.hovered_entry);
        let mut hovered = None;
        let content = vec2(
            cols.total,
            HEADER_HEIGHT + ROW_HEIGHT * self.rows.len() as f32,
        );
        egui::ScrollArea::both()
            .id_salt("grid")
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                ui.set_min_size(content);
                let origin = ui.max_rect().min;
                let clip = ui.clip_rect();
                let at = GridPlace {
                    origin,
                    left: clip.left(),
                    cols: &cols,
                    body: Rect::from_min_max(
                        pos2(clip.left(), clip.top() + HEADER_HEIGHT),
                        clip.max,
                    ),
                    header: Rect::from_min_max(
                        clip.min,
                        pos2(clip.right(), clip.top() + HEADER_HEIGHT),
                    ),
                };
                let first = (viewport.min.y / ROW_HEIGHT).floor().max(0.0) as usize;
                let last = ((viewport.max.y - HEADER_HEIGHT) / ROW_HEIGHT)
                    .ceil()
                    .max(0.0) as usize;
                for k in first..(last + 1).min(self.rows.len()) {
                    if let Some(e) = self.body_row(ui, &at, k, &related, out) {
                        hovered = Some(e);
                    }
                }
                self.header_row(ui, &at, out);
                if let Some(k) = self.scroll_to {
                    let y = origin.y + HEADER_HEIGHT + ROW_HEIGHT * k as f32;
                    let row = Rect::from_min_size(pos2(at.left, y), vec2(1.0, ROW_HEIGHT));
                    ui.scroll_to_rect(row, Some(Align::Center));
                }
            });
        self.drafts.hovered_entry = hovered;
    }

    /// One row: its background and click, then its cells. Returns the entry it shows when the
    /// pointer is over it.
    fn body_row(
        &mut self,
        ui: &mut Ui,
        at: &GridPlace,
        k: usize,
        related: &std::collections::HashSet<Id>,
        out: &mut Vec<AppCommand>,
    ) -> Option<Id> {
        let grid_row = self.rows[k];
        let top = at.origin.y + HEADER_HEIGHT + ROW_HEIGHT * k as f32;
        let row_rect = Rect::from_min_max(
            pos2(at.left, top),
            pos2(at.left.max(at.origin.x + at.cols.total), top + ROW_HEIGHT),
        );
        let initiative = grid::initiative_of(self.report, grid_row);
        let thing = grid::thing_of(self.report, grid_row);
        let entry_id = grid::entry_of(self.report, grid_row).map(|e| e.id);
        let response = ui.interact(
            row_rect.intersect(at.body),
            ui.scope_id().with(("grid-row", k)),
            Sense::click(),
        );
        let is_selected = match entry_id {
            Some(e) if self.view.selected_entry() == Some(e) => true,
            _ => initiative.is_some_and(|i| Some(i.id) == self.view.selected()),
        };
        let painter = ui.painter().with_clip_rect(at.body);
        let (selected_fill, hovered_fill, focus) = {
            let v = ui.visuals();
            (
                v.selection.bg_fill.gamma_multiply(0.45),
                v.widgets.hovered.weak_bg_fill,
                v.selection.stroke.color,
            )
        };
        if is_selected {
            painter.rect_filled(row_rect, 0.0, selected_fill);
        } else if response.hovered() || entry_id.is_some_and(|e| related.contains(&e)) {
            painter.rect_filled(row_rect, 0.0, hovered_fill);
        }
        let is_cursor = thing.is_some() && thing == self.view.cursor();
        if is_cursor {
            let stroke = Stroke::new(1.0, focus);
            painter.rect_stroke(row_rect.shrink(1.0), 0.0, stroke, egui::StrokeKind::Inside);
        }
        let marks = self
            .comparison
            .map(|c| c.row_marks(self.report, grid_row))
            .unwrap_or_default();
        let salt = |c: Column| ("grid-cell", k, c);
        for c in Column::ALL {
            let Some((rect, clip)) = at.cell(c, top) else {
                continue;
            };
            if is_cursor && c == self.view.cursor_column() {
                // The keyboard's cell (Ctrl+→ / Ctrl+← move it): Enter acts on it.
                let stroke = Stroke::new(2.5, focus);
                ui.painter().with_clip_rect(clip).rect_stroke(
                    rect.shrink(1.5),
                    2.0,
                    stroke,
                    egui::StrokeKind::Inside,
                );
            }
            in_cell(ui, rect, clip, salt(c), |ui| match c {
                Column::Number => {
                    self.number_cell(ui, grid_row, &marks);
                    outline(ui, marks.number);
                }
                Column::Text => {
                    self.text_cell(ui, grid_row, out);
                    outline(ui, marks.text);
                }
                Column::Stages => {
                    self.stage_cell(ui, grid_row, out);
                    outline(ui, marks.stage);
                }
                Column::Months => {
                    self.month_cell(ui, grid_row, out);
                    outline(ui, marks.months);
                }
                Column::Division => {
                    self.division_cell(ui, grid_row, out);
                    outline(ui, marks.division);
                }
                Column::Status => match marks.status {
                    Some((old, new)) => status_change(ui, old, new, self.lang),
                    None => self.status_cell(ui, grid_row),
                },
            });
        }
        if grid::is_read_only(self.report, grid_row) {
            // In a division's response: greyed, and the core refuses edits there anyway.
            painter.rect_filled(row_rect, 0.0, Color32::from_black_alpha(22));
            if response.hovered() {
                response.clone().on_hover_text(self.t().read_only_row);
            }
        }
        if response.clicked() {
            match (initiative, entry_id) {
                (Some(i), Some(e)) => {
                    out.push(ViewCommand::Select(i.id).into());
                    out.push(ViewCommand::SelectEntry(e).into());
                }
                (Some(i), None) => {
                    out.push(ViewCommand::Select(i.id).into());
                    if let Some(id) = thing.filter(|t| *t != i.id) {
                        out.push(ViewCommand::SelectRow(id).into());
                    }
                }
                (None, _) => {
                    if let Some(id) = thing {
                        out.push(ViewCommand::SelectRow(id).into());
                    }
                }
            }
        }
        if response.double_clicked()
            && let Some(target) = edit_target(self.report, grid_row)
        {
            out.push(ViewCommand::StartEditing(target).into());
        }
        self.context_menu(&response, grid_row, out);
        (response.hovered()).then_some(entry_id).flatten()
    }

    /// The header, over the rows scrolled under it, with a handle at each column's right
    /// border: drag to size the column, double-click to fit it again.
    fn header_row(&self, ui: &mut Ui, at: &GridPlace, out: &mut Vec<AppCommand>) {
        let t = self.t();
        ui.painter()
            .rect_filled(at.header, 0.0, ui.visuals().panel_fill);
        let top = at.header.top();
        for c in Column::ALL {
            let Some((rect, clip)) = at.header_cell(c, top) else {
                continue;
            };
            in_cell(ui, rect, clip, ("grid-header", c), |ui| match c {
                Column::Number => {
                    ui.label(bold(t.col_number));
                }
                Column::Text => {
                    ui.add(egui::Label::new(bold(t.col_initiative)).truncate());
                }
                Column::Stages => self.year_header(ui),
                Column::Months => self.month_header(ui),
                Column::Division => {
                    ui.add(egui::Label::new(bold(t.col_division)).truncate());
                }
                Column::Status => {
                    ui.add(egui::Label::new(bold(t.col_status)).truncate());
                }
            });
            let border = rect.right();
            let handle = Rect::from_x_y_ranges(border - 4.0..=border + 4.0, rect.y_range());
            let response = ui
                .interact(
                    handle.intersect(clip.expand2(vec2(4.0, 0.0))),
                    ui.scope_id().with(("resize", c)),
                    Sense::click_and_drag(),
                )
                .on_hover_cursor(CursorIcon::ResizeColumn);
            let line = if response.hovered() || response.dragged() {
                Stroke::new(2.0, ui.visuals().selection.stroke.color)
            } else {
                Stroke::new(1.0, paint::GRID_LINE)
            };
            ui.painter()
                .with_clip_rect(at.header)
                .vline(border, rect.y_range(), line);
            if response.dragged() {
                let width = (rect.width() + response.drag_delta().x).max(8.0);
                out.push(
                    PrefsCommand::SetColumnWidth {
                        column: c,
                        width: Some(width),
                    }
                    .into(),
                );
            } else if response.double_clicked() {
                out.push(
                    PrefsCommand::SetColumnWidth {
                        column: c,
                        width: None,
                    }
                    .into(),
                );
            }
        }
        ui.painter().with_clip_rect(at.header).hline(
            at.header.x_range(),
            at.header.bottom(),
            Stroke::new(1.0, Color32::from_gray(0xa0)),
        );
    }

    fn year_header(&self, ui: &mut Ui) {
        let rect = ui.max_rect();
        let painter = ui.painter();
        let range = self.report.plan_years;
        let w = rect.width() / range.len().max(1) as f32;
        for (k, year) in range.years().enumerate() {
            let r = Rect::from_x_y_ranges(
                rect.left() + w * k as f32..=rect.left() + w * (k + 1) as f32,
                rect.y_range(),
            );
            if year == self.report.fiscal_year {
                painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            }
            painter.text(
                r.center_top() + vec2(0.0, 4.0),
                Align2::CENTER_TOP,
                year.short_form_like(self.report.fiscal_year),
                FontId::proportional(13.0),
                paint::TEXT,
            );
            painter.text(
                r.center_bottom() - vec2(0.0, 4.0),
                Align2::CENTER_BOTTOM,
                format!("FY{}", year.0),
                FontId::proportional(10.0),
                Color32::from_gray(0x60),
            );
            painter.vline(r.left(), rect.y_range(), Stroke::new(1.0, paint::GRID_LINE));
        }
    }

    fn month_header(&self, ui: &mut Ui) {
        let rect = ui.max_rect();
        let painter = ui.painter();
        let fy = self.report.fiscal_year;
        let mid = rect.top() + 20.0;
        let period = self.report.period.months();
        for (k, month) in FISCAL_MONTHS.iter().enumerate() {
            let r = Rect::from_x_y_ranges(
                paint::month_x(rect, k as f32)..=paint::month_x(rect, k as f32 + 1.0),
                mid..=rect.bottom(),
            );
            if period.contains_fiscal(k) {
                painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            }
            // Named in full for screen readers (and tests), however narrow it is drawn.
            let name = format!("{month}{}", self.t().month_suffix);
            ui.interact(r, ui.scope_id().with(("month", k)), Sense::hover())
                .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                if r.width() >= MONTH_WITH_SUFFIX {
                    format!("{month}{}", self.t().month_suffix)
                } else {
                    month.to_string()
                },
                FontId::proportional(12.0),
                paint::TEXT,
            );
            painter.vline(r.left(), r.y_range(), Stroke::new(1.0, paint::GRID_LINE));
        }
        // Calendar years over the months: April–December, then January–March.
        for (first, last, month) in [(0usize, 8usize, 4u8), (9, 11, 1)] {
            let year = fy.calendar_year_of(month);
            let r = Rect::from_x_y_ranges(
                paint::month_x(rect, first as f32)..=paint::month_x(rect, last as f32 + 1.0),
                rect.top()..=mid,
            );
            let label = if last - first > 3 {
                let era = crate::model::FiscalYear(year).era_form();
                format!("{year}年（{}）", era.trim_end_matches('度'))
            } else {
                format!("{year}年")
            };
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                label,
                FontId::proportional(12.0),
                paint::TEXT,
            );
            painter.vline(
                r.left(),
                r.y_range(),
                Stroke::new(1.5, Color32::from_gray(0x90)),
            );
        }
        painter.hline(rect.x_range(), mid, Stroke::new(1.0, paint::GRID_LINE));
        let x = paint::month_x(rect, as_of_position(self.report));
        painter.vline(x, mid..=rect.bottom(), Stroke::new(2.0, paint::AS_OF));
        ui.allocate_rect(rect, Sense::hover())
            .on_hover_text(format!(
                "{}: {}",
                self.t().period,
                self.report.period.japanese()
            ));
    }

    fn number_cell(&self, ui: &mut Ui, row: GridRow, marks: &RowMarks) {
        let text = match row {
            GridRow::Section { section: s } => self.report.sections[s].numeral.clone(),
            GridRow::Initiative {
                section: s,
                initiative: i,
            } => self.report.sections[s].initiatives[i].number.clone(),
            _ => String::new(),
        };
        // Added and removed rows carry a sign as well as a colour.
        let sign = match marks.row {
            Some(Mark::Added) => "＋",
            Some(Mark::Removed) => "－",
            _ => "",
        };
        if let Some(mark) = marks.row {
            let t = self.t();
            let word = match mark {
                Mark::Added => t.mark_added,
                Mark::Changed => t.mark_changed,
                Mark::Removed => t.mark_removed,
            };
            ui.label(bold(sign).color(mark_color(mark)))
                .on_hover_text(word);
        }
        if !text.is_empty() {
            ui.label(bold(&text));
        }
    }

    fn text_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let t = self.t();
        ui.add_space(row.depth() as f32 * 14.0);
        if let Some(target) = edit_target(self.report, row)
            && self
                .drafts
                .inline
                .as_ref()
                .is_some_and(|e| e.target == target)
        {
            if let GridRow::Entry {
                side, sub: None, ..
            } = row
            {
                side_badge(ui, t, side);
            }
            self.inline_field(ui, out);
            return;
        }
        let needle = self.view.filter().text.trim().to_string();
        match row {
            GridRow::Section { section: s } => {
                let section = &self.report.sections[s];
                let name = format!("{} {}", section.numeral, section.title);
                fold_button(ui, t, section.id, self.view.filter(), &name, out);
                ui.add(
                    egui::Label::new(bold(&section.title))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Initiative {
                section: s,
                initiative: i,
            } => {
                let initiative = &self.report.sections[s].initiatives[i];
                let name = format!("{} {}", initiative.label, initiative.title);
                fold_button(ui, t, initiative.id, self.view.filter(), &name, out);
                let job = highlighted(&initiative.title, &needle, true);
                ui.add(egui::Label::new(job).selectable(false).truncate())
                    .on_hover_text(&name);
            }
            GridRow::Lane {
                section: s,
                initiative: i,
                item,
                lane,
            } => {
                let action = &self.report.sections[s].initiatives[i].items[item];
                let text = if lane == 0 {
                    action.display_name()
                } else {
                    "　└".to_string()
                };
                ui.add(
                    egui::Label::new(highlighted(&text, &needle, false))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Topic {
                section: s,
                initiative: i,
                topic: k,
            } => {
                let topic = &self.report.sections[s].initiatives[i].topics[k];
                let text = match &topic.heading {
                    Some(h) => format!("<{h}>"),
                    None => t.no_heading.to_string(),
                };
                ui.add(
                    egui::Label::new(highlighted(&text, &needle, false))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Entry { side, sub, .. } => self.entry_text(ui, row, side, sub, &needle),
            GridRow::Removed { change, .. } => {
                let text = self
                    .comparison
                    .map(|c| c.removed_text(change, self.lang))
                    .unwrap_or_default();
                let rich = RichText::new(&text)
                    .strikethrough()
                    .color(mark_color(Mark::Removed));
                ui.add(egui::Label::new(rich).selectable(false).truncate())
                    .on_hover_text(format!("{}: {text}", t.mark_removed));
            }
        }
    }

    /// An entry's label (or a status text, in italics), with 計/実 in front of a top entry.
    fn entry_text(&self, ui: &mut Ui, row: GridRow, side: Side, sub: Option<usize>, needle: &str) {
        let t = self.t();
        let Some(entry) = grid::entry_of(self.report, row) else {
            return;
        };
        if sub.is_none() {
            side_badge(ui, t, side);
        }
        let status = entry.kind == EntryKind::Status;
        let shown = if status { &entry.text } else { &entry.label };
        let mut job = highlighted(shown, needle, false);
        if status {
            for s in &mut job.sections {
                s.format.italics = true;
                s.format.color = Color32::from_gray(0x50);
            }
        }
        ui.add(egui::Label::new(job).selectable(false).truncate())
            .on_hover_text(format!("{}: {}", t.as_written, entry.text));
    }

    fn inline_field(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let t = self.t();
        let Some(edit) = self.drafts.inline.as_mut() else {
            return;
        };
        let response = ui.add(
            egui::TextEdit::singleline(&mut edit.buffer)
                .id_salt("inline-edit")
                .desired_width(f32::INFINITY)
                .hint_text(t.edit_hint),
        );
        if std::mem::take(&mut edit.focus) {
            response.request_focus();
        }
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                out.push(ViewCommand::CancelEditing.into());
            } else {
                let (target, text) = (edit.target, edit.buffer.clone());
                out.push(ViewCommand::CommitEditing { target, text }.into());
            }
        }
    }

    fn stage_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
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
        let GridRow::Lane {
            section: s,
            initiative: i,
            item,
            lane,
        } = row
        else {
            return;
        };
        let action = &self.report.sections[s].initiatives[i].items[item];
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
    fn stage_span(
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
    fn span_end(
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
            if (first, last) != (span.first, span.last) {
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

    fn month_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
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
        if let GridRow::Section { section: s } = row {
            // The section's status counts, in the otherwise empty month lanes.
            let counts = section_counts(&self.report.sections[s], self.report.as_of());
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
        let marks = grid::entry_marks(entry, side, as_of, grid::line_mark(self.report, row));
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
    fn month_drag(
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
        let label = format!("{}: {}", self.t().month_lane, entry.label);
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

    fn division_cell(&self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let divisions: Vec<&str> = match row {
            GridRow::Initiative {
                section: s,
                initiative: i,
            } => self.report.sections[s].initiatives[i].all_divisions(),
            GridRow::Topic {
                section: s,
                initiative: i,
                topic: t,
            } => {
                let initiative = &self.report.sections[s].initiatives[i];
                initiative
                    .division_of(&initiative.topics[t])
                    .into_iter()
                    .collect()
            }
            _ => return,
        };
        if let [one] = divisions[..] {
            // Narrow, the division reads by its own name (管財課), the full one on hover.
            let shown = abbreviated(ui, one);
            // One click shows only this division's rows.
            let response = ui
                .add(
                    egui::Label::new(shown)
                        .selectable(false)
                        .truncate()
                        .sense(Sense::click()),
                )
                .on_hover_text(format!("{one}\n{}", self.t().only_this_division))
                .on_hover_cursor(CursorIcon::PointingHand);
            if response.clicked() {
                out.push(ViewCommand::SetDivisionFilter(Some(one.to_string())).into());
            }
        } else if !divisions.is_empty() {
            let all = divisions.join("、");
            ui.add(egui::Label::new(&all).selectable(false).truncate())
                .on_hover_text(&all);
        }
    }

    fn status_cell(&self, ui: &mut Ui, row: GridRow) {
        let as_of = self.report.as_of();
        match row {
            GridRow::Section { section: s } => {
                let n = self.report.sections[s].initiatives.len();
                ui.label(RichText::new(format!("{n} {}", self.t().initiatives)).small());
            }
            GridRow::Initiative {
                section: s,
                initiative: i,
            } => {
                let status = initiative_status(&self.report.sections[s].initiatives[i], as_of);
                status_badge(ui, status, self.lang);
            }
            GridRow::Topic {
                section: s,
                initiative: i,
                topic: t,
            } => {
                let initiative = &self.report.sections[s].initiatives[i];
                let status = topic_status(initiative, &initiative.topics[t], as_of);
                status_badge(ui, status, self.lang);
            }
            GridRow::Entry { .. } => self.line_status(ui, row),
            GridRow::Lane { .. } | GridRow::Removed { .. } => {}
        }
    }

    /// A plan line's status in words, 計画外 or 要確認 for a result (see `entry_status_words`).
    fn line_status(&self, ui: &mut Ui, row: GridRow) {
        if let Some(words) = entry_status_words(self.report, row, self.lang) {
            let label = ui.add(egui::Label::new(words.rich()).selectable(false));
            if let Some(why) = words.why {
                label.on_hover_text(why);
            }
        }
    }

    fn context_menu(&self, response: &Response, row: GridRow, out: &mut Vec<AppCommand>) {
        let initiative = grid::initiative_of(self.report, row);
        response.context_menu(|ui| {
            for (label, command) in self.menu_items(row) {
                match command {
                    None => {
                        ui.separator();
                    }
                    Some(command) => {
                        if ui.button(label).clicked() {
                            out.push(command);
                            ui.close();
                        }
                    }
                }
            }
        });
        if let Some(i) = initiative
            && response.secondary_clicked()
        {
            out.push(ViewCommand::Select(i.id).into());
        }
    }

    /// Where the row can be moved within its list, and how to delete it.
    fn reorder_and_delete(
        &self,
        row: GridRow,
        entry: Option<&crate::model::Entry>,
    ) -> (Option<Reorder>, Option<Intent>) {
        let report = self.report;
        match (row, entry) {
            (
                GridRow::Entry {
                    section: s,
                    initiative: i,
                    topic: k,
                    side,
                    entry: ei,
                    sub,
                },
                Some(e),
            ) => {
                let list = report.sections[s].initiatives[i].topics[k].entries(side);
                let len = sub.map_or(list.len(), |_| list.get(ei).map_or(0, |x| x.subs.len()));
                (
                    Some(Reorder {
                        at: sub.unwrap_or(ei),
                        len,
                        id: e.id,
                        entry: true,
                    }),
                    Some(Intent::RemoveEntry { id: e.id }),
                )
            }
            (
                GridRow::Topic {
                    section: s,
                    initiative: i,
                    topic: k,
                },
                _,
            ) => {
                let topics = &report.sections[s].initiatives[i].topics;
                let id = topics[k].id;
                (
                    Some(Reorder {
                        at: k,
                        len: topics.len(),
                        id,
                        entry: false,
                    }),
                    Some(Intent::RemoveTopic { id }),
                )
            }
            _ => (None, None),
        }
    }

    /// The right-click menu of a row: (label, command), `None` for a separator.
    fn menu_items(&self, row: GridRow) -> Vec<(&'static str, Option<AppCommand>)> {
        let t = self.t();
        let report = self.report;
        let mut items: Vec<(&'static str, Option<AppCommand>)> = Vec::new();
        let mut add = |label, command: AppCommand| items.push((label, Some(command)));
        if let Some(target) = edit_target(report, row) {
            add(t.edit_text, ViewCommand::StartEditing(target).into());
        }
        let topic_id = match row {
            GridRow::Topic {
                section: s,
                initiative: i,
                topic: k,
            }
            | GridRow::Entry {
                section: s,
                initiative: i,
                topic: k,
                ..
            } => Some(report.sections[s].initiatives[i].topics[k].id),
            _ => None,
        };
        let entry = grid::entry_of(report, row);
        if let Some(topic) = topic_id {
            for (label, side) in [(t.add_actual, Side::Actual), (t.add_plan, Side::Plan)] {
                add(label, ViewCommand::OpenNewEntry { topic, side }.into());
            }
        }
        if let (
            Some(e),
            GridRow::Entry {
                side: Side::Plan,
                sub: None,
                ..
            },
        ) = (entry, row)
        {
            add(t.done_as_planned, Intent::DoneAsPlanned { id: e.id }.into());
        }
        if let Some(i) = grid::initiative_of(report, row) {
            let heading = Some(t.new_heading.to_string());
            let initiative = i.id;
            add(
                t.add_topic,
                Intent::AddTopic {
                    initiative,
                    heading,
                }
                .into(),
            );
        }
        let (moves, delete) = self.reorder_and_delete(row, entry);
        if let Some(Reorder { at, len, id, entry }) = moves {
            items.push(("", None));
            let step = |by: isize| -> AppCommand {
                if entry {
                    Intent::MoveEntry { id, by }.into()
                } else {
                    Intent::MoveTopic { id, by }.into()
                }
            };
            if at > 0 {
                items.push((t.move_up, Some(step(-1))));
            }
            if at + 1 < len {
                items.push((t.move_down, Some(step(1))));
            }
        }
        if let Some(delete) = delete {
            items.push(("", None));
            items.push((t.delete, Some(delete.into())));
        }
        items
    }
}

/// The entries to highlight while `hovered` is: the results reporting a plan line, or the
/// plan lines a result reports.
fn related_entries(report: &Report, hovered: Option<Id>) -> std::collections::HashSet<Id> {
    let mut out = std::collections::HashSet::new();
    let Some(id) = hovered else {
        return out;
    };
    let Some(entry) = report.entry(id) else {
        return out;
    };
    out.extend(entry.reports.iter().copied());
    let initiative = report
        .entry_place(id)
        .and_then(|p| report.initiative_of_topic(p.topic));
    if let Some(i) = initiative
        && let Some(results) = crate::model::links::reported_by(i).get(&id)
    {
        out.extend(results.iter().map(|r| r.id));
    }
    out
}

/// Where a row stands in the list it can be moved in.
struct Reorder {
    at: usize,
    len: usize,
    id: Id,
    /// An entry (else a topic).
    entry: bool,
}

/// A drag starting at `x` (month `at`): near a bar's end it moves that end and keeps the
/// entry's other runs; elsewhere it starts a new range.
fn start_month_drag(rect: Rect, entry: &crate::model::Entry, x: f32, at: usize) -> MonthDrag {
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

fn without(set: MonthSet, a: usize, b: usize) -> MonthSet {
    MonthSet::from_fiscal_indices(set.fiscal_indices().filter(|k| !(a..=b).contains(k)))
}

/// The text a row edits in place.
pub fn edit_target(report: &Report, row: GridRow) -> Option<EditTarget> {
    Some(match row {
        GridRow::Section { .. } | GridRow::Removed { .. } => return None,
        GridRow::Initiative {
            section: s,
            initiative: i,
        } => EditTarget::InitiativeTitle(report.sections[s].initiatives[i].id),
        GridRow::Lane {
            section: s,
            initiative: i,
            item,
            lane: 0,
        } => EditTarget::ItemName(report.sections[s].initiatives[i].items[item].id),
        GridRow::Lane { .. } => return None,
        GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        } => EditTarget::TopicHeading(report.sections[s].initiatives[i].topics[t].id),
        GridRow::Entry { .. } => EditTarget::Entry(grid::entry_of(report, row)?.id),
    })
}

/// Where the grid is on the screen in this frame: the content's top-left (scrolled), the
/// visible left edge (where the frozen columns stay), the columns, and the visible body and
/// header areas.
struct GridPlace<'c> {
    origin: egui::Pos2,
    left: f32,
    cols: &'c ColumnLayout,
    body: Rect,
    header: Rect,
}

impl GridPlace<'_> {
    /// A column's rect in a row at screen `top`, and the area it may draw in: the frozen
    /// columns at the visible left edge, the others scrolled and kept right of them.
    fn place(&self, c: Column, top: f32, height: f32, area: Rect) -> Option<(Rect, Rect)> {
        if !self.cols.is_shown(c) {
            return None;
        }
        let (x, clip) = if c.is_frozen() {
            let clip =
                Rect::from_x_y_ranges(area.left()..=area.left() + self.cols.frozen, area.y_range());
            (self.left + self.cols.x(c), clip)
        } else {
            let clip = Rect::from_x_y_ranges(
                area.left() + self.cols.frozen..=area.right(),
                area.y_range(),
            );
            (self.origin.x + self.cols.x(c), clip)
        };
        let rect = Rect::from_min_size(pos2(x, top), vec2(self.cols.width(c), height));
        rect.intersects(clip).then_some((rect, clip))
    }

    fn cell(&self, c: Column, top: f32) -> Option<(Rect, Rect)> {
        self.place(c, top, ROW_HEIGHT, self.body)
    }

    fn header_cell(&self, c: Column, top: f32) -> Option<(Rect, Rect)> {
        self.place(c, top, HEADER_HEIGHT, self.header)
    }
}

/// Runs `add` in a child ui filling `rect`, drawing only inside `clip`.
fn in_cell<R>(
    ui: &mut Ui,
    rect: Rect,
    clip: Rect,
    salt: impl egui::AsIdSalt,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .id_salt(salt)
            .layout(Layout::left_to_right(Align::Center)),
    );
    child.set_clip_rect(rect.intersect(clip));
    add(&mut child)
}

/// A 担当課 too wide for its cell without its department: `総務部管財課` → `管財課`.
fn abbreviated<'s>(ui: &Ui, division: &'s str) -> &'s str {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = ui
        .painter()
        .layout_no_wrap(division.to_string(), font, Color32::BLACK)
        .size()
        .x;
    match division.split_once('部') {
        Some((_, own)) if width > ui.available_width() && !own.is_empty() => own,
        _ => division,
    }
}

/// A compare mark around a cell: an outline in the mark's colour.
fn outline(ui: &mut Ui, mark: Option<Mark>) {
    if let Some(mark) = mark {
        let rect = ui.max_rect().shrink(1.0);
        let stroke = Stroke::new(2.0, mark_color(mark));
        ui.painter()
            .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
    }
}

fn mark_color(mark: Mark) -> Color32 {
    super::widgets::color(crate::palette::compare_mark(mark))
}

/// A status that changed since the compared report: before → now (遅れ → 完了).
fn status_change(ui: &mut Ui, old: Status, new: Status, lang: Lang) {
    let text = format!(
        "{}→{}",
        super::widgets::status_name(old, lang),
        super::widgets::status_name(new, lang)
    );
    let rich = RichText::new(&text)
        .small()
        .strong()
        .color(mark_color(Mark::Changed));
    ui.add(egui::Label::new(rich).selectable(false).truncate())
        .on_hover_text(text);
}

fn bold(text: &str) -> RichText {
    RichText::new(text).family(bold_family())
}

fn bold_family() -> egui::FontFamily {
    egui::FontFamily::Name(BOLD_FAMILY.into())
}

/// The text with every match of the search highlighted.
fn highlighted(text: &str, needle: &str, is_bold: bool) -> LayoutJob {
    let mut job = LayoutJob::default();
    let family = if is_bold {
        bold_family()
    } else {
        egui::FontFamily::Proportional
    };
    let plain = TextFormat {
        font_id: FontId::new(14.0, family),
        color: paint::TEXT,
        ..Default::default()
    };
    let marked = TextFormat {
        background: Color32::from_rgb(0xff, 0xe0, 0x4d),
        ..plain.clone()
    };
    let lower = text.to_lowercase();
    let needle = needle.to_lowercase();
    let mut at = 0;
    // Lower-casing keeps byte offsets for the scripts reports use (kana, kanji, ASCII).
    if !needle.is_empty() && lower.len() == text.len() {
        while let Some(found) = lower[at..].find(&needle) {
            let start = at + found;
            job.append(&text[at..start], 0.0, plain.clone());
            job.append(&text[start..start + needle.len()], 0.0, marked.clone());
            at = start + needle.len();
        }
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// ▼/▶ in front of a section or initiative; its accessible name says what it folds.
fn fold_button(
    ui: &mut Ui,
    t: &Texts,
    id: Id,
    filter: &RowFilter,
    name: &str,
    out: &mut Vec<AppCommand>,
) {
    let folded = filter.is_folded(id);
    let (rect, response) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::click());
    let color = if response.hovered() {
        Color32::BLACK
    } else {
        Color32::from_gray(0x50)
    };
    let c = rect.center();
    let points = if folded {
        vec![
            c + vec2(-3.0, -5.0),
            c + vec2(4.0, 0.0),
            c + vec2(-3.0, 5.0),
        ]
    } else {
        vec![
            c + vec2(-5.0, -3.0),
            c + vec2(5.0, -3.0),
            c + vec2(0.0, 4.0),
        ]
    };
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
    let action = if folded { t.unfold } else { t.fold };
    let label = format!("{action}: {name}");
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        out.push(ViewCommand::ToggleFold(id).into());
    }
}

/// 計 / 実 in front of a plan or actual entry, outlined or solid like its bar.
fn side_badge(ui: &mut Ui, t: &Texts, side: Side) {
    let (rect, _) = ui.allocate_exact_size(vec2(18.0, 16.0), Sense::hover());
    let painter = ui.painter();
    let (text, fg) = match side {
        Side::Plan => {
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.2, paint::PLAN),
                egui::StrokeKind::Inside,
            );
            (t.plan_short, paint::PLAN)
        }
        Side::Actual => {
            painter.rect_filled(rect, 2.0, paint::ACTUAL);
            (t.actual_short, Color32::WHITE)
        }
    };
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        FontId::proportional(11.0),
        fg,
    );
}

/// The symbols of the grid, above it.
fn legend(ui: &mut Ui, t: &Texts, report: &Report) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", t.legend)).small());
        let swatch = |ui: &mut Ui, draw: &dyn Fn(&egui::Painter, Rect), label: &str| {
            let (rect, _) = ui.allocate_exact_size(vec2(30.0, 12.0), Sense::hover());
            draw(ui.painter(), rect);
            ui.label(RichText::new(label).small());
        };
        swatch(ui, &|p, r| paint::plan_bar(p, r), t.plan);
        swatch(ui, &|p, r| paint::actual_bar(p, r), t.actual);
        swatch(ui, &|p, r| paint::scheduled_bar(p, r), t.scheduled);
        swatch(
            ui,
            &|p, r| paint::diamond(p, r.center(), 5.0, paint::PLAN),
            t.as_needed,
        );
        swatch(
            ui,
            &|p, r| paint::arrow(p, r.left_center(), r.right_center(), paint::TEXT),
            t.continues,
        );
        swatch(
            ui,
            &|p, r| {
                p.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            },
            &format!("{}（{}）", t.period, report.period.japanese()),
        );
        swatch(
            ui,
            &|p, r| {
                p.vline(r.center().x, r.y_range(), Stroke::new(2.0, paint::AS_OF));
            },
            &format!(
                "{} {}",
                report.as_of().to_japanese(report.fiscal_year),
                t.as_of
            ),
        );
        for (mark, name) in [
            (LineMark::Met, t.line_met),
            (LineMark::Late, t.line_late),
            (LineMark::ToCome, t.line_to_come),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            paint::line_mark(ui.painter(), rect.center(), 4.5, mark);
            ui.label(RichText::new(name).small());
        }
    });
}

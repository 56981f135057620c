//! The main grid: one virtualised table with a row per section, initiative, action item lane,
//! topic and entry; the plan years as a stage grid; the fiscal year's months as lanes.
//! Double-click (or Enter) edits a text in place, dragging along a month lane sets an entry's
//! months, dragging a stage bar's ends moves it by whole years, right-click offers add/delete.

use egui::text::LayoutJob;
use egui::{
    Align, Align2, Color32, CursorIcon, FontId, Key, Layout, Rect, Response, RichText, Sense,
    Stroke, TextFormat, Ui, WidgetInfo, vec2,
};
use egui_extras::{Column, TableBuilder};

use super::{MonthDrag, SpanDrag, ViewState, paint};
use crate::app::command::{AppCommand, EditTarget};
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::{Lang, Texts};
use crate::edit::{Edit, with_timing};
use crate::grid::{self, GridRow, RowFilter};
use crate::model::months::{FISCAL_MONTHS, Timing};
use crate::model::status::{Status, StatusCounts, initiative_status, topic_status};
use crate::model::{EntryKind, Id, MonthSet, Report, Side};

pub const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 46.0;
const YEAR_WIDTH: f32 = 68.0;
const MONTH_WIDTH: f32 = 36.0;

pub struct GridView<'a> {
    pub report: &'a Report,
    pub rows: &'a [GridRow],
    pub filter: &'a RowFilter,
    pub selected: Option<Id>,
    pub selected_entry: Option<Id>,
    pub lang: Lang,
    /// Scroll so this row is visible (after keyboard selection).
    pub scroll_to: Option<usize>,
    pub state: &'a mut ViewState,
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
        legend(ui, self.t(), self.report);
        ui.add_space(2.0);
        // Wider than the window on small screens: scroll sideways, keep the header on top.
        egui::ScrollArea::horizontal()
            .id_salt("grid-h")
            .show(ui, |ui| self.table(ui, &mut out));
        out
    }

    fn table(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let years = self.report.plan_years.len().max(1) as f32;
        let mut table = TableBuilder::new(ui)
            .id_salt("grid")
            .striped(false)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(44.0))
            .column(Column::initial(280.0).at_least(160.0).clip(true))
            .column(Column::exact(YEAR_WIDTH * years))
            .column(Column::exact(MONTH_WIDTH * 12.0))
            .column(Column::initial(140.0).at_least(80.0).clip(true))
            .column(Column::initial(96.0).at_least(60.0).clip(true));
        if let Some(row) = self.scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        let t = self.t();
        table
            .header(HEADER_HEIGHT, |mut header| {
                header.col(|ui| {
                    ui.label(bold(t.col_number));
                });
                header.col(|ui| {
                    ui.label(bold(t.col_initiative));
                });
                header.col(|ui| self.year_header(ui));
                header.col(|ui| self.month_header(ui));
                header.col(|ui| {
                    ui.label(bold(t.col_division));
                });
                header.col(|ui| {
                    ui.label(bold(t.col_status));
                });
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, self.rows.len(), |mut row| {
                    let grid_row = self.rows[row.index()];
                    let initiative = grid::initiative_of(self.report, grid_row);
                    let entry_id = grid::entry_of(self.report, grid_row).map(|e| e.id);
                    let is_selected = match entry_id {
                        Some(e) if self.selected_entry == Some(e) => true,
                        _ => initiative.is_some_and(|i| Some(i.id) == self.selected),
                    };
                    row.set_selected(is_selected);
                    row.col(|ui| self.number_cell(ui, grid_row));
                    let (_, text_response) = row.col(|ui| self.text_cell(ui, grid_row, out));
                    row.col(|ui| self.stage_cell(ui, grid_row, out));
                    row.col(|ui| self.month_cell(ui, grid_row, out));
                    row.col(|ui| self.division_cell(ui, grid_row, out));
                    row.col(|ui| self.status_cell(ui, grid_row));
                    let response = row.response();
                    if response.clicked() || text_response.clicked() {
                        if let Some(i) = initiative {
                            out.push(AppCommand::Select(i.id));
                        }
                        if let Some(e) = entry_id {
                            out.push(AppCommand::SelectEntry(e));
                        }
                    }
                    if (response.double_clicked() || text_response.double_clicked())
                        && let Some(target) = edit_target(self.report, grid_row)
                    {
                        out.push(AppCommand::StartEditing(target));
                    }
                    self.context_menu(&response, grid_row, out);
                });
            });
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
                painter.rect_filled(r, 0.0, paint::CURRENT_YEAR);
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
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                format!("{month}月"),
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

    fn number_cell(&self, ui: &mut Ui, row: GridRow) {
        let text = match row {
            GridRow::Section { s } => self.report.sections[s].numeral.clone(),
            GridRow::Initiative { s, i } => self.report.sections[s].initiatives[i].number.clone(),
            _ => return,
        };
        ui.label(bold(&text));
    }

    fn text_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let t = self.t();
        ui.add_space(row.depth() as f32 * 14.0);
        if let Some(target) = edit_target(self.report, row)
            && self
                .state
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
        let needle = self.filter.text.trim().to_string();
        match row {
            GridRow::Section { s } => {
                let section = &self.report.sections[s];
                let name = format!("{} {}", section.numeral, section.title);
                fold_button(ui, t, section.id, self.filter, &name, out);
                ui.add(
                    egui::Label::new(bold(&section.title))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Initiative { s, i } => {
                let initiative = &self.report.sections[s].initiatives[i];
                let name = format!("{} {}", initiative.label, initiative.title);
                fold_button(ui, t, initiative.id, self.filter, &name, out);
                let job = highlighted(&initiative.title, &needle, true);
                ui.add(egui::Label::new(job).selectable(false).truncate())
                    .on_hover_text(&name);
            }
            GridRow::Lane { s, i, item, lane } => {
                let action = &self.report.sections[s].initiatives[i].items[item];
                let text = if lane == 0 {
                    format!("{}{}", if action.ticked { "□" } else { "" }, action.name)
                } else {
                    "　└".to_string()
                };
                ui.add(
                    egui::Label::new(highlighted(&text, &needle, false))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Topic { s, i, t: topic } => {
                let topic = &self.report.sections[s].initiatives[i].topics[topic];
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
            GridRow::Entry { side, sub, .. } => {
                let Some(entry) = grid::entry_of(self.report, row) else {
                    return;
                };
                if sub.is_none() {
                    side_badge(ui, t, side);
                }
                let status = entry.kind == EntryKind::Status;
                let shown = if status { &entry.text } else { &entry.label };
                let mut job = highlighted(shown, &needle, false);
                if status {
                    for s in &mut job.sections {
                        s.format.italics = true;
                        s.format.color = Color32::from_gray(0x50);
                    }
                }
                ui.add(egui::Label::new(job).selectable(false).truncate())
                    .on_hover_text(format!("{}: {}", t.as_written, entry.text));
            }
        }
    }

    fn inline_field(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let t = self.t();
        let Some(edit) = self.state.inline.as_mut() else {
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
                out.push(AppCommand::CancelEditing);
            } else {
                out.push(AppCommand::CommitEditing {
                    target: edit.target,
                    text: edit.buffer.clone(),
                });
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
            painter.rect_filled(r, 0.0, paint::CURRENT_YEAR);
        }
        for k in 0..range.len() {
            painter.vline(
                rect.left() + w * k as f32,
                rect.y_range(),
                Stroke::new(1.0, paint::GRID_LINE),
            );
        }
        let GridRow::Lane { s, i, item, lane } = row else {
            return;
        };
        let action = &self.report.sections[s].initiatives[i].items[item];
        let Some(spans) = action.lanes.get(lane) else {
            return;
        };
        // Ends snap to the nearest year boundary; a bar keeps at least one year.
        let boundary = |x: f32| {
            ((x - rect.left()) / w)
                .round()
                .clamp(0.0, range.len() as f32) as usize
        };
        let latest = ui.input(|i| i.pointer.latest_pos());
        for (index, span) in spans.iter().enumerate() {
            let (Some(mut a), Some(mut b)) =
                (range.index_of(span.first), range.index_of(span.last))
            else {
                continue;
            };
            let dragging = self
                .state
                .span_drag
                .as_ref()
                .filter(|d| d.item == action.id && d.lane == lane && d.index == index);
            if let Some(d) = dragging {
                (a, b) = (d.fixed.min(d.current), d.fixed.max(d.current));
            }
            let r = Rect::from_x_y_ranges(
                rect.left() + w * a as f32..=rect.left() + w * (b + 1) as f32,
                rect.y_range(),
            );
            paint::stage_bar(&painter, r, span, FontId::proportional(12.0));
            let years = span.years_text(self.report.fiscal_year);
            ui.allocate_rect(r.shrink2(vec2(6.0, 0.0)), Sense::hover())
                .on_hover_text(format!(
                    "{}\n{years}: {}\n{}: {}",
                    action.name,
                    span.display(),
                    self.t().as_written,
                    span.source
                ));
            // Both ends can be dragged by whole fiscal years.
            for (end, x, fixed) in [("start", r.left(), b), ("end", r.right(), a)] {
                let handle =
                    Rect::from_center_size(egui::pos2(x, r.center().y), vec2(8.0, r.height()));
                let id = ui.scope_id().with(("span", action.id, lane, index, end));
                let response = ui
                    .interact(handle, id, Sense::drag())
                    .on_hover_cursor(CursorIcon::ResizeHorizontal);
                let label = format!(
                    "{}: {} {}",
                    if end == "start" {
                        "開始年度"
                    } else {
                        "終了年度"
                    },
                    action.name,
                    span.display()
                );
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, &label));
                if response.drag_started() {
                    self.state.span_drag = Some(SpanDrag {
                        item: action.id,
                        lane,
                        index,
                        fixed,
                        current: fixed,
                    });
                }
                if (response.dragged() || response.drag_stopped())
                    && let (Some(p), Some(d)) = (latest, self.state.span_drag.as_mut())
                {
                    let b = boundary(p.x);
                    d.current = if end == "start" {
                        b.min(d.fixed)
                    } else {
                        b.saturating_sub(1).max(d.fixed)
                    };
                }
                if response.drag_stopped()
                    && let Some(d) = self.state.span_drag.take()
                {
                    let (lo, hi) = (d.fixed.min(d.current), d.fixed.max(d.current));
                    let first = crate::model::FiscalYear(range.first.0 + lo as i32);
                    let last = crate::model::FiscalYear(range.first.0 + hi as i32);
                    if (first, last) != (span.first, span.last)
                        && let Ok(edit) = crate::edit::resize_span(
                            self.report,
                            d.item,
                            d.lane,
                            d.index,
                            first,
                            last,
                        )
                    {
                        out.push(AppCommand::Edit(edit));
                    }
                }
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
        if let GridRow::Section { s } = row {
            // The section's status counts, in the otherwise empty month lanes.
            let mut counts = StatusCounts::default();
            for i in &self.report.sections[s].initiatives {
                counts.add(initiative_status(i, self.report.as_of()));
            }
            let text = counts_text(&counts, self.lang);
            ui.add_space(6.0);
            ui.add(egui::Label::new(RichText::new(text).strong()).selectable(false));
            return;
        }
        let GridRow::Entry { side, .. } = row else {
            return;
        };
        let Some(entry) = grid::entry_of(self.report, row) else {
            return;
        };
        let t = self.t();
        let drawn = paint::entry(
            &painter,
            rect,
            entry,
            side,
            as_of,
            FontId::proportional(11.0),
        );
        if let Some(area) = drawn.into_iter().reduce(|a, b| a.union(b)) {
            let side_name = match side {
                Side::Plan => t.plan.to_string(),
                Side::Actual => super::detail::actual_heading(self.report, self.lang),
            };
            let when = entry
                .when
                .as_deref()
                .map_or(String::new(), |w| format!("（{w}）"));
            ui.allocate_rect(area, Sense::hover())
                .on_hover_text(format!("{side_name}{when}\n{}", entry.text));
        }
        if entry.kind == EntryKind::Status {
            return;
        }
        // The lane takes drags: from an empty month, a new range; from a bar's end, that end.
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
        let label = format!("月: {}", entry.label);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Slider, true, &label));
        let own = entry.timing.as_ref().map_or(MonthSet::EMPTY, |t| t.months);
        // The drag is decided after the pointer has moved: anchor it where the button went down.
        let pointer = ui.input(|i| (i.pointer.press_origin(), i.pointer.latest_pos()));
        if response.drag_started()
            && let Some(p) = pointer.0
        {
            let at = month_at(p.x);
            let near = |m: f32| (p.x - paint::month_x(rect, m)).abs() < 7.0;
            let runs = own.runs();
            let run = runs
                .iter()
                .find(|(a, b)| near(*a as f32) || near(*b as f32 + 1.0) || (*a..=*b).contains(&at));
            let (fixed, keep) = match run {
                Some(&(a, b)) if near(a as f32) => (b, without(own, a, b)),
                Some(&(a, b)) if near(b as f32 + 1.0) => (a, without(own, a, b)),
                _ => (at, MonthSet::EMPTY),
            };
            self.state.month_drag = Some(MonthDrag {
                entry: entry.id,
                fixed,
                current: at,
                keep,
            });
        }
        if let Some(d) = self
            .state
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
                Stroke::new(2.0, Color32::from_rgb(0x10, 0x60, 0xd0)),
                egui::StrokeKind::Inside,
            );
        }
        if response.drag_stopped()
            && let Some(d) = self.state.month_drag.take()
        {
            let (a, b) = (d.fixed.min(d.current), d.fixed.max(d.current));
            let months = MonthSet::from_fiscal_indices(a..=b).union(d.keep);
            let scheduled = entry.timing.as_ref().is_some_and(|t| t.scheduled);
            let timing = Timing {
                scheduled,
                ..Timing::months(months)
            };
            if entry.timing.as_ref() != Some(&timing) {
                out.push(AppCommand::Edit(Edit::ReplaceEntry {
                    entry: with_timing(entry, Some(timing)),
                }));
            }
        }
        if response.clicked() {
            if let Some(i) = grid::initiative_of(self.report, row) {
                out.push(AppCommand::Select(i.id));
            }
            out.push(AppCommand::SelectEntry(entry.id));
        }
    }

    fn division_cell(&self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let divisions: Vec<&str> = match row {
            GridRow::Initiative { s, i } => self.report.sections[s].initiatives[i].all_divisions(),
            GridRow::Topic { s, i, t } => {
                let initiative = &self.report.sections[s].initiatives[i];
                initiative
                    .division_of(&initiative.topics[t])
                    .into_iter()
                    .collect()
            }
            _ => return,
        };
        if let [one] = divisions[..] {
            // One click shows only this division's rows.
            let response = ui
                .add(
                    egui::Label::new(one)
                        .selectable(false)
                        .truncate()
                        .sense(Sense::click()),
                )
                .on_hover_text(format!("{one}\n{}", self.t().only_this_division))
                .on_hover_cursor(CursorIcon::PointingHand);
            if response.clicked() {
                out.push(AppCommand::SetDivisionFilter(Some(one.to_string())));
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
            GridRow::Section { s } => {
                let n = self.report.sections[s].initiatives.len();
                ui.label(RichText::new(format!("{n} {}", self.t().initiatives)).small());
            }
            GridRow::Initiative { s, i } => {
                let status = initiative_status(&self.report.sections[s].initiatives[i], as_of);
                status_badge(ui, status, self.lang);
            }
            GridRow::Topic { s, i, t } => {
                let status = topic_status(&self.report.sections[s].initiatives[i].topics[t], as_of);
                status_badge(ui, status, self.lang);
            }
            _ => {}
        }
    }

    fn context_menu(&self, response: &Response, row: GridRow, out: &mut Vec<AppCommand>) {
        let t = self.t();
        let report = self.report;
        let initiative = grid::initiative_of(report, row);
        let topic_id = match row {
            GridRow::Topic { s, i, t } | GridRow::Entry { s, i, t, .. } => {
                Some(report.sections[s].initiatives[i].topics[t].id)
            }
            _ => None,
        };
        let entry = grid::entry_of(report, row);
        response.context_menu(|ui| {
            let mut push = |ui: &mut Ui, label: &str, command: AppCommand| {
                if ui.button(label).clicked() {
                    out.push(command);
                    ui.close();
                }
            };
            if let Some(target) = edit_target(report, row) {
                push(ui, t.edit_text, AppCommand::StartEditing(target));
            }
            if let Some(topic) = topic_id {
                push(
                    ui,
                    t.add_actual,
                    AppCommand::OpenNewEntry {
                        topic,
                        side: Side::Actual,
                    },
                );
                push(
                    ui,
                    t.add_plan,
                    AppCommand::OpenNewEntry {
                        topic,
                        side: Side::Plan,
                    },
                );
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
                push(
                    ui,
                    t.done_as_planned,
                    AppCommand::DoneAsPlanned { id: e.id },
                );
            }
            if let Some(i) = initiative {
                push(ui, t.add_topic, AppCommand::AddTopic { initiative: i.id });
            }
            // Reorder within the list the row stands in.
            let order = match (row, entry) {
                (
                    GridRow::Entry {
                        s,
                        i,
                        t: ti,
                        side,
                        e: ei,
                        sub,
                    },
                    Some(e),
                ) => {
                    let list = report.sections[s].initiatives[i].topics[ti].entries(side);
                    let len = sub.map_or(list.len(), |_| list[ei].subs.len());
                    let at = sub.unwrap_or(ei);
                    let id = e.id;
                    Some((
                        at,
                        len,
                        Box::new(move |index| Edit::MoveEntry { id, index })
                            as Box<dyn Fn(usize) -> Edit>,
                    ))
                }
                (GridRow::Topic { s, i, t: ti }, _) => {
                    let topics = &report.sections[s].initiatives[i].topics;
                    let id = topics[ti].id;
                    Some((
                        ti,
                        topics.len(),
                        Box::new(move |index| Edit::MoveTopic { id, index })
                            as Box<dyn Fn(usize) -> Edit>,
                    ))
                }
                _ => None,
            };
            if let Some((at, len, moved)) = order {
                ui.separator();
                if at > 0 {
                    push(ui, t.move_up, AppCommand::Edit(moved(at - 1)));
                }
                if at + 1 < len {
                    push(ui, t.move_down, AppCommand::Edit(moved(at + 1)));
                }
            }
            ui.separator();
            match (row, entry) {
                (GridRow::Entry { .. }, Some(e)) => push(
                    ui,
                    t.delete,
                    AppCommand::Edit(Edit::RemoveEntry { id: e.id }),
                ),
                (GridRow::Topic { .. }, _) => {
                    if let Some(id) = topic_id {
                        push(ui, t.delete, AppCommand::Edit(Edit::RemoveTopic { id }));
                    }
                }
                _ => {}
            }
        });
        if let Some(i) = initiative
            && response.secondary_clicked()
        {
            out.push(AppCommand::Select(i.id));
        }
    }
}

fn without(set: MonthSet, a: usize, b: usize) -> MonthSet {
    MonthSet::from_fiscal_indices(set.fiscal_indices().filter(|k| !(a..=b).contains(k)))
}

/// The text a row edits in place.
pub fn edit_target(report: &Report, row: GridRow) -> Option<EditTarget> {
    Some(match row {
        GridRow::Section { .. } => return None,
        GridRow::Initiative { s, i } => {
            EditTarget::InitiativeTitle(report.sections[s].initiatives[i].id)
        }
        GridRow::Lane {
            s,
            i,
            item,
            lane: 0,
        } => EditTarget::ItemName(report.sections[s].initiatives[i].items[item].id),
        GridRow::Lane { .. } => return None,
        GridRow::Topic { s, i, t } => {
            EditTarget::TopicHeading(report.sections[s].initiatives[i].topics[t].id)
        }
        GridRow::Entry { .. } => EditTarget::Entry(grid::entry_of(report, row)?.id),
    })
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

pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => status.japanese(),
        Lang::En => status.english(),
    }
}

fn counts_text(counts: &StatusCounts, lang: Lang) -> String {
    Status::ALL
        .iter()
        .filter(|s| counts.get(**s) > 0)
        .map(|s| format!("{} {}", status_name(*s, lang), counts.get(*s)))
        .collect::<Vec<_>>()
        .join("・")
}

/// A status badge: its own colour, plus a shape so it reads in grayscale (遅れ is outlined red
/// with a mark).
pub fn status_badge(ui: &mut Ui, status: Status, lang: Lang) {
    let (fill, fg) = match status {
        Status::Done => (Color32::from_rgb(0x2e, 0x7d, 0x32), Color32::WHITE),
        Status::InProgress => (Color32::from_rgb(0x1f, 0x4e, 0x8c), Color32::WHITE),
        Status::Late => (
            Color32::from_rgb(0xfd, 0xe0, 0xe0),
            Color32::from_rgb(0xb0, 0x00, 0x00),
        ),
        Status::Scheduled => (
            Color32::from_rgb(0xe8, 0xe8, 0xe8),
            Color32::from_gray(0x30),
        ),
        Status::NotStarted => (Color32::WHITE, Color32::from_gray(0x50)),
    };
    let name = status_name(status, lang);
    let text = if status == Status::Late {
        format!("! {name}")
    } else {
        name.to_string()
    };
    let galley = ui
        .painter()
        .layout_no_wrap(text, FontId::proportional(12.0), fg);
    let (rect, response) = ui.allocate_exact_size(galley.size() + vec2(10.0, 4.0), Sense::hover());
    ui.painter().rect(
        rect,
        3.0,
        fill,
        Stroke::new(1.0, fg),
        egui::StrokeKind::Inside,
    );
    ui.painter().galley(rect.min + vec2(5.0, 2.0), galley, fg);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, name));
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
        out.push(AppCommand::ToggleFold(id));
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
    ui.horizontal(|ui| {
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
            "継続",
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
    });
}

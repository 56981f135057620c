//! The main grid: one virtualised table with a row per section, initiative, action item lane,
//! topic and entry; the plan years as a stage grid; the fiscal year's months as lanes.
//! Double-click (or Enter) edits a text in place, dragging along a month lane sets an entry's
//! months, dragging a stage bar's ends moves it by whole years, right-click offers add/delete.

mod cells;
mod drags;
mod header;
mod look;
mod measure_cells;
mod menus;

pub use measure_cells::column_name as measure_column_name;

use egui::{Align, Color32, Layout, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::{InlineEdit, ViewState};
use crate::app::columns::{Column, ColumnLayout, ColumnPrefs};
use crate::app::command::{AppCommand, EditTarget, ViewCommand};
use crate::app::i18n::{Lang, Texts};
use crate::app::state::view::ViewModel;
use crate::compare::Comparison;
use crate::grid::{self, GridRow};
use crate::model::{Id, Report};
use look::{outline, status_change};

pub const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 46.0;

pub struct GridView<'a> {
    pub report: &'a Report,
    /// The report as this frame sees it: where its initiatives stand is asked of it.
    pub frame: crate::app::state::open::ReportFrame<'a>,
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
        if std::mem::take(&mut self.drafts.release_focus) {
            ui.memory_mut(|m| m.stop_text_input());
        }
        self.sync_inline_draft();
        self.legend_row(ui);
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
            self.drafts.typed_ahead.clear();
            return;
        };
        if self
            .drafts
            .inline
            .as_ref()
            .is_none_or(|e| e.target != target)
            && let Some(buffer) = target.current_text(self.report)
        {
            let buffer = buffer + &std::mem::take(&mut self.drafts.typed_ahead);
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
        let measures = self.report.has_measures();
        let number = crate::app::columns::number_width(self.report);
        let cols =
            ColumnLayout::fit_numbers(ui.available_width(), years, measures, number, self.columns);
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
                if self.rows.is_empty() && self.report.initiative_count() > 0 {
                    // Said, not a bare header (as if the report were empty).
                    let below = pos2(at.left + 12.0, origin.y + HEADER_HEIGHT + 12.0);
                    let place = Rect::from_min_size(below, vec2(640.0, 24.0));
                    let words = egui::RichText::new(self.t().no_rows_match).weak();
                    ui.put(place, egui::Label::new(words));
                }
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
        let initiative = grid::initiative_of(self.report, grid_row).map(|i| i.id);
        let thing = grid::thing_of(self.report, grid_row);
        let entry_id = grid::entry_of(self.report, grid_row).map(|e| e.id);
        let response = ui.interact(
            row_rect.intersect(at.body),
            ui.scope_id().with(("grid-row", k)),
            Sense::click(),
        );
        let is_selected = match entry_id {
            Some(e) if self.view.selected_entry() == Some(e) => true,
            _ => initiative.is_some_and(|i| Some(i) == self.view.selected()),
        };
        let is_cursor = thing.is_some() && thing == self.view.cursor();
        let lit = response.hovered() || entry_id.is_some_and(|e| related.contains(&e));
        row_background(ui, at.body, row_rect, is_selected, lit, is_cursor);
        self.row_cells(ui, at, (k, top), is_cursor, out);
        if grid::is_read_only(self.report, grid_row) {
            // In a division's response: greyed, and the core refuses edits there anyway.
            let painter = ui.painter().with_clip_rect(at.body);
            painter.rect_filled(row_rect, 0.0, Color32::from_black_alpha(22));
            if response.hovered() {
                response.clone().on_hover_text(self.t().read_only_row);
            }
        }
        if response.clicked() {
            out.extend(row_click(initiative, entry_id, thing));
        }
        if response.double_clicked()
            && let Some(target) = edit_target(self.report, grid_row)
        {
            self.drafts.typed_ahead = ui.input(|i| typed_after_click(&i.events));
            out.push(ViewCommand::StartEditing(target).into());
        }
        self.context_menu(&response, grid_row, out);
        (response.hovered()).then_some(entry_id).flatten()
    }

    /// A row's cells, each with its comparison mark; `(k, top)`: the row's index and its top.
    fn row_cells(
        &mut self,
        ui: &mut Ui,
        at: &GridPlace,
        (k, top): (usize, f32),
        is_cursor: bool,
        out: &mut Vec<AppCommand>,
    ) {
        let grid_row = self.rows[k];
        let focus = ui.visuals().selection.stroke.color;
        let marks = self
            .comparison
            .map(|c| c.row_marks(self.report, grid_row))
            .unwrap_or_default();
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
            in_cell(ui, rect, clip, ("grid-cell", k, c), |ui| match c {
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
                Column::Indicators => {
                    self.measure_cell(ui, grid_row, c);
                    outline(ui, marks.indicators);
                }
                Column::Effects => {
                    self.measure_cell(ui, grid_row, c);
                    outline(ui, marks.effects);
                }
                Column::Ratings => {
                    self.measure_cell(ui, grid_row, c);
                    outline(ui, marks.ratings);
                }
            });
        }
    }
}

/// A row's fill (selected, or lit by the pointer or a related entry) and the keyboard's
/// outline around the row it is on.
fn row_background(
    ui: &Ui,
    body: Rect,
    row_rect: Rect,
    is_selected: bool,
    lit: bool,
    is_cursor: bool,
) {
    let painter = ui.painter().with_clip_rect(body);
    let v = ui.visuals();
    if is_selected {
        painter.rect_filled(row_rect, 0.0, v.selection.bg_fill.gamma_multiply(0.45));
    } else if lit {
        painter.rect_filled(row_rect, 0.0, v.widgets.hovered.weak_bg_fill);
    }
    if is_cursor {
        let stroke = Stroke::new(1.0, v.selection.stroke.color);
        painter.rect_stroke(row_rect.shrink(1.0), 0.0, stroke, egui::StrokeKind::Inside);
    }
}

/// What a click on a row selects: its initiative, and the entry or other row it shows.
fn row_click(initiative: Option<Id>, entry: Option<Id>, thing: Option<Id>) -> Vec<AppCommand> {
    match (initiative, entry) {
        (Some(i), Some(e)) => vec![
            ViewCommand::Select(i).into(),
            ViewCommand::SelectEntry(e).into(),
        ],
        // A row that shows no entry selects none (the entry selected before stayed in the
        // detail panel's 選択中の記載, with its 削除 button).
        (Some(i), None) => [
            ViewCommand::Select(i).into(),
            ViewCommand::ClearEntry.into(),
        ]
        .into_iter()
        .chain(
            thing
                .filter(|t| *t != i)
                .map(|id| ViewCommand::SelectRow(id).into()),
        )
        .collect(),
        (None, _) => thing
            .map(|id| ViewCommand::SelectRow(id).into())
            .into_iter()
            .collect(),
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

/// The text a row edits in place.
pub fn edit_target(report: &Report, row: GridRow) -> Option<EditTarget> {
    Some(match row {
        GridRow::Section { .. } | GridRow::Removed { .. } => return None,
        GridRow::Initiative { .. } => {
            EditTarget::InitiativeTitle(grid::initiative_of(report, row)?.id)
        }
        GridRow::Lane { lane: 0, .. } => EditTarget::ItemName(grid::item_of(report, row)?.id),
        GridRow::Lane { .. } => return None,
        GridRow::Topic { .. } => EditTarget::TopicHeading(grid::topic_of(report, row)?.id),
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

/// The text typed after the last click of a frame's events: keys that came with a
/// double-click in one (slow) frame, meant for the field it opens.
fn typed_after_click(events: &[egui::Event]) -> String {
    let after = events
        .iter()
        .rposition(|e| matches!(e, egui::Event::PointerButton { pressed: false, .. }))
        .map_or(events.len(), |k| k + 1);
    (events[after..].iter())
        .filter_map(|e| match e {
            egui::Event::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grid row is an index into the report, checked on every use: one that no longer
    /// points into it (the report changed under it) names nothing, where the views indexed
    /// the report with it and would have panicked.
    #[test]
    fn a_row_that_no_longer_points_into_the_report_names_nothing() {
        let report = crate::store::from_ron(crate::document::SAMPLE_RON).unwrap();
        let stale = [
            GridRow::Section { section: 99 },
            GridRow::Initiative {
                section: 0,
                initiative: 99,
            },
            GridRow::Lane {
                section: 0,
                initiative: 0,
                item: 99,
                lane: 0,
            },
            GridRow::Topic {
                section: 0,
                initiative: 0,
                topic: 99,
            },
        ];
        for row in stale {
            assert!(edit_target(&report, row).is_none(), "{row:?}");
            assert!(grid::thing_of(&report, row).is_none(), "{row:?}");
        }
        let first = GridRow::Section { section: 0 };
        assert!(grid::section_of(&report, first).is_some());
    }

    /// The keys a slow frame batched with the double-click that opens the in-place field are
    /// those after its last click (they were lost); a frame without a click gives none.
    #[test]
    fn the_keys_after_a_frames_last_click_are_typed_ahead() {
        let click = |pressed| egui::Event::PointerButton {
            pos: egui::pos2(1.0, 1.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        let text = |t: &str| egui::Event::Text(t.into());
        let events = [text("x"), click(true), click(false), text("AB"), text("C")];
        assert_eq!(typed_after_click(&events), "ABC");
        assert_eq!(typed_after_click(&[text("x")]), "");
    }
}

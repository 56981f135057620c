//! What the grid and the detail panel show: the filter and folding, the selection, which text is
//! being edited in place and which "new entry" field is open, and the grid's rows (derived,
//! cached). Changed through its methods: [`ViewModel::handle`] for the view's commands, and the
//! steps the app takes across owners (revealing a change, selecting what was added).

use super::open::ReportFrame;
use crate::app::columns::Column;
use crate::app::command::{AppCommand, EditTarget, ViewCommand};
use crate::grid::{self, GridRow, RowFilter};
use crate::model::{Id, Report, Side};

#[derive(Default)]
pub struct ViewModel {
    filter: RowFilter,
    selected: Option<Id>,
    /// The entry selected in the grid or the detail panel (its editor is shown).
    selected_entry: Option<Id>,
    /// The row the keyboard is on, by what it shows (a section, initiative, item, topic or
    /// entry), so that it stays put when rows fold or filter.
    cursor: Option<Id>,
    /// The keyboard's cell in its row (Ctrl+→ / Ctrl+←).
    cursor_column: Option<Column>,
    /// Enter on an entry's month cell: the detail panel's 時期 field takes the keyboard.
    focus_months: bool,
    /// The text being edited in place (the view keeps what is typed).
    editing: Option<EditTarget>,
    /// The topic and side whose "new entry" field is open in the detail panel.
    new_entry: Option<(Id, Side)>,
    show_summary: bool,
    /// The 数値目標・評価の編集 window is open.
    show_measure_editor: bool,
    /// Scroll the grid so this row is visible (after keyboard selection), once.
    scroll_to_row: Option<usize>,
    /// Shared with the frame that draws them, so a frame does not copy them (a `Vec`, not a
    /// slice: made into an `Arc<[_]>` they were copied once more, and the 10,000-initiative
    /// report's 7.5 MB of rows held twice while it opened).
    rows: std::sync::Arc<Vec<GridRow>>,
    /// What `rows` were made from: the report's revision, the filter's generation and the
    /// comparison's (if any).
    rows_key: Option<(u64, u64, Option<u64>)>,
    filter_generation: u64,
    /// Edits the core refused so far: the editors fill again with the text as stored.
    refusals: u64,
}

impl ViewModel {
    /// Changes with every edit the core refused (see `ViewCommand::Refused`).
    pub fn refusals(&self) -> u64 {
        self.refusals
    }

    pub fn filter(&self) -> &RowFilter {
        &self.filter
    }

    pub fn selected(&self) -> Option<Id> {
        self.selected
    }

    pub fn selected_entry(&self) -> Option<Id> {
        self.selected_entry
    }

    pub fn cursor(&self) -> Option<Id> {
        self.cursor
    }

    /// The keyboard's cell: its column (具体的取組 until Ctrl+→ moves it).
    pub fn cursor_column(&self) -> Column {
        self.cursor_column.unwrap_or(Column::Text)
    }

    pub fn focus_months(&self) -> bool {
        self.focus_months
    }

    /// Ctrl+→ (`step` 1) / Ctrl+← (-1): the next shown column of the keyboard's row.
    pub fn move_column(&mut self, shown: &[Column], step: isize) {
        let at = shown.iter().position(|c| *c == self.cursor_column());
        let next = match at {
            Some(k) => k.checked_add_signed(step).filter(|n| *n < shown.len()),
            None => Some(0),
        };
        if let Some(k) = next {
            self.cursor_column = Some(shown[k]);
        }
    }

    pub fn editing(&self) -> Option<EditTarget> {
        self.editing
    }

    pub fn new_entry(&self) -> Option<(Id, Side)> {
        self.new_entry
    }

    pub fn show_summary(&self) -> bool {
        self.show_summary
    }

    /// The row to scroll to in this frame, if any (taken once).
    pub fn take_scroll(&mut self) -> Option<usize> {
        self.scroll_to_row.take()
    }

    /// The grid's rows as they stand, with rows for what a comparison found removed;
    /// recomputed only when the report (`revision`), the filter or the comparison (by its
    /// generation) changed.
    pub fn rows(&mut self, frame: ReportFrame) -> &[GridRow] {
        let (report, revision, compared) = (frame.report, frame.revision, frame.compared);
        let key = (revision, self.filter_generation, compared.map(|c| c.1));
        if self.rows_key != Some(key) {
            let rows = grid::rows(report, &self.filter);
            self.rows = std::sync::Arc::new(match compared {
                Some((c, _)) => c.with_removed(report, &rows, &self.filter),
                None => rows,
            });
            self.rows_key = Some(key);
        }
        &self.rows
    }

    /// [`ViewModel::rows`], shared rather than borrowed (for the frame drawing them).
    pub fn shared_rows(&mut self, frame: ReportFrame) -> std::sync::Arc<Vec<GridRow>> {
        self.rows(frame);
        self.rows.clone()
    }

    /// The first row passing `test`; when a filter (担当課, 状況, text) hides it, the filter is
    /// cleared — folds kept — and the rows searched again.
    fn find_unfiltered(
        &mut self,
        frame: ReportFrame,
        test: impl Fn(GridRow) -> bool,
    ) -> Option<usize> {
        let row = self.rows(frame).iter().position(|r| test(*r));
        if row.is_some() || !self.filter.is_narrowed() {
            return row;
        }
        self.filter = RowFilter {
            folded: std::mem::take(&mut self.filter.folded),
            ..RowFilter::default()
        };
        self.filter_generation += 1;
        self.rows(frame).iter().position(|r| test(*r))
    }

    /// Shows a change of the comparison: its initiative and section unfolded (the filters
    /// cleared if they hide it), its row selected and scrolled to.
    pub fn reveal(&mut self, frame: ReportFrame, change: usize) {
        let report = frame.report;
        let Some(c) = frame
            .comparison()
            .and_then(|comparison| comparison.diff().changes.get(change))
        else {
            return;
        };
        let initiative = c.initiative.as_ref().and_then(|i| i.new_id);
        if let Some(id) = initiative {
            self.filter.folded.remove(&id);
            let section = report
                .sections
                .iter()
                .find(|s| s.initiatives.iter().any(|i| i.id == id));
            if let Some(s) = section {
                self.filter.folded.remove(&s.id);
            }
        }
        self.filter_generation += 1;
        let row = self.find_unfiltered(frame, |r| match r {
            GridRow::Removed { change: k, .. } => k == change,
            r => c.new_id.is_some() && grid::thing_of(report, r) == c.new_id,
        });
        self.selected = initiative.or(self.selected);
        self.selected_entry = c.new_id.filter(|id| report.entry(*id).is_some());
        self.scroll_to_row = row;
    }

    pub fn toggle_summary(&mut self) {
        self.show_summary = !self.show_summary;
    }

    pub fn show_measure_editor(&self) -> bool {
        self.show_measure_editor
    }

    pub fn toggle_measure_editor(&mut self) {
        self.show_measure_editor = !self.show_measure_editor;
    }

    pub fn expand_all(&mut self) {
        self.filter.folded.clear();
        self.filter_generation += 1;
    }

    pub fn collapse_all(&mut self, report: &Report) {
        self.filter.folded = report.sections.iter().map(|s| s.id).collect();
        self.filter_generation += 1;
    }

    /// The text of the row the keyboard is on (an entry, a topic's heading, an item's name),
    /// or else the selected entry's text or initiative's title.
    pub fn edit_selected(&mut self, report: &Report) -> Vec<AppCommand> {
        match self.cursor_column() {
            Column::Months if self.selected_entry.is_some() => {
                self.focus_months = true;
                return Vec::new();
            }
            Column::Division => {
                let division = self.cursor.and_then(|id| {
                    report.initiatives().find_map(|i| {
                        if i.id == id {
                            i.divisions.first().cloned()
                        } else {
                            let t = i.topics.iter().find(|t| t.id == id)?;
                            i.divisions_of(t).first().map(|d| d.to_string())
                        }
                    })
                });
                if let Some(d) = division {
                    return vec![ViewCommand::SetDivisionFilter(Some(d)).into()];
                }
                return Vec::new();
            }
            Column::Stages | Column::Status | Column::Number => return Vec::new(),
            // The row's numbers are edited in their window (it shows the selected initiative).
            Column::Indicators | Column::Effects | Column::Ratings => {
                self.show_measure_editor = true;
                return Vec::new();
            }
            _ => {}
        }
        let of_cursor = self.cursor.and_then(|id| {
            if report.entry(id).is_some() {
                Some(EditTarget::Entry(id))
            } else if report.topic(id).is_some() {
                Some(EditTarget::TopicHeading(id))
            } else if report.item(id).is_some() {
                Some(EditTarget::ItemName(id))
            } else if report.initiative(id).is_some() {
                Some(EditTarget::InitiativeTitle(id))
            } else {
                None
            }
        });
        self.editing = match (of_cursor, self.selected_entry, self.selected) {
            (Some(target), _, _) => Some(target),
            (None, Some(e), _) => Some(EditTarget::Entry(e)),
            (None, None, Some(i)) => Some(EditTarget::InitiativeTitle(i)),
            _ => return Vec::new(),
        };
        Vec::new()
    }

    pub fn handle(&mut self, report: &Report, command: ViewCommand) -> Vec<AppCommand> {
        let mut follow = Vec::new();
        match command {
            ViewCommand::ToggleFold(id) => {
                self.filter.toggle(id);
                self.filter_generation += 1;
            }
            ViewCommand::Select(id) => {
                if self.selected != Some(id) {
                    self.selected_entry = None;
                }
                self.selected = Some(id);
                self.cursor = Some(id);
            }
            ViewCommand::SelectRow(id) => self.cursor = Some(id),
            ViewCommand::ClearEntry => self.selected_entry = None,
            ViewCommand::MonthsFocused => self.focus_months = false,
            ViewCommand::SelectEntry(id) => {
                self.selected_entry = Some(id);
                self.cursor = Some(id);
            }
            ViewCommand::StartEditing(target) => {
                if target.current_text(report).is_some() {
                    self.editing = Some(target);
                }
            }
            ViewCommand::CommitEditing { target, text } => {
                self.editing = None;
                if target.current_text(report).as_deref() != Some(text.as_str()) {
                    follow.push(AppCommand::Edit(target.intent(text)));
                }
            }
            ViewCommand::CancelEditing => {
                self.editing = None;
                self.new_entry = None;
            }
            ViewCommand::OpenNewEntry { topic, side } => {
                if let Some(i) = report.initiative_of_topic(topic) {
                    self.selected = Some(i.id);
                }
                self.new_entry = Some((topic, side));
            }
            ViewCommand::SetDivisionFilter(division) => {
                self.filter.division = division;
                self.filter_generation += 1;
            }
            ViewCommand::SetStatusFilter(status) => {
                self.filter.status = status;
                self.filter_generation += 1;
            }
            ViewCommand::SetTextFilter(text) => {
                self.filter.text = text;
                self.filter_generation += 1;
            }
            ViewCommand::SetToConfirmFilter(on) => {
                self.filter.to_confirm = on;
                self.filter_generation += 1;
            }
            ViewCommand::SetRatingFilter(rating) => {
                self.filter.rating = rating;
                self.filter_generation += 1;
            }
            ViewCommand::Reset => {
                *self = ViewModel {
                    filter_generation: self.filter_generation + 1,
                    ..ViewModel::default()
                };
            }
            ViewCommand::AddedEntry(id) => {
                self.new_entry = None;
                self.selected_entry = Some(id);
            }
            ViewCommand::Refused => self.refusals += 1,
        }
        follow
    }

    /// The index of the keyboard's row in the grid: the cursor's, else the selected entry's,
    /// else the selected initiative's.
    fn cursor_row(&self, report: &Report) -> Option<usize> {
        let find = |id: Option<Id>| {
            let id = id?;
            self.rows
                .iter()
                .position(|r| grid::thing_of(report, *r) == Some(id))
        };
        find(self.cursor)
            .or_else(|| find(self.selected_entry))
            .or_else(|| find(self.selected))
    }

    /// [`ViewModel::cursor_row`] in the rows as they stand now.
    fn cursor_index(&mut self, frame: ReportFrame) -> Option<usize> {
        let report = frame.report;
        self.rows(frame);
        self.cursor_row(report)
    }

    /// Puts the keyboard on row `k`: its initiative (and entry) selected, scrolled to.
    fn go_to_row(&mut self, report: &Report, k: usize) {
        let Some(&row) = self.rows.get(k) else {
            return;
        };
        self.cursor = grid::thing_of(report, row);
        if let Some(i) = grid::initiative_of(report, row) {
            self.selected = Some(i.id);
        }
        self.selected_entry = grid::entry_of(report, row).map(|e| e.id);
        self.scroll_to_row = Some(k);
    }

    /// Moves the keyboard to the next (`step` 1) or previous (-1) row of the grid (rows of
    /// what a comparison found removed are passed over).
    pub fn move_selection(&mut self, frame: ReportFrame, step: isize) {
        let report = frame.report;
        let count = self.rows(frame).len();
        if count == 0 {
            return;
        }
        let Some(mut k) = self.cursor_row(report) else {
            // Nothing selected yet: the first row (↓) or the last (↑).
            let k = if step > 0 { 0 } else { count - 1 };
            self.go_to_row(report, k);
            return;
        };
        loop {
            let Some(next) = k.checked_add_signed(step).filter(|n| *n < count) else {
                return;
            };
            k = next;
            if !matches!(self.rows[k], GridRow::Removed { .. }) {
                break;
            }
        }
        self.go_to_row(report, k);
    }

    /// ←: folds the keyboard's section or initiative, or goes to the row it is under.
    pub fn fold_or_parent(&mut self, frame: ReportFrame) {
        let report = frame.report;
        let Some(k) = self.cursor_index(frame) else {
            return;
        };
        let row = self.rows[k];
        let id = grid::thing_of(report, row);
        let foldable = matches!(row, GridRow::Section { .. } | GridRow::Initiative { .. });
        if foldable && let Some(id) = id.filter(|id| !self.filter.is_folded(*id)) {
            self.filter.folded.insert(id);
            self.filter_generation += 1;
            return;
        }
        let depth = row.depth();
        let parent = self.rows[..k].iter().rposition(|r| r.depth() < depth);
        if let Some(p) = parent {
            self.go_to_row(report, p);
        }
    }

    /// →: unfolds the keyboard's section or initiative, or goes to its next row.
    pub fn unfold_or_child(&mut self, frame: ReportFrame) {
        let report = frame.report;
        let Some(k) = self.cursor_index(frame) else {
            return;
        };
        if let Some(id) = grid::thing_of(report, self.rows[k])
            && self.filter.folded.remove(&id)
        {
            self.filter_generation += 1;
            return;
        }
        self.move_selection(frame, 1);
    }

    /// Goes to the next (`step` 1) or previous (-1) initiative that is 遅れ, after the selected
    /// one, round the report; unfolds its section. `false` when none is late.
    pub fn go_to_late(&mut self, frame: ReportFrame, step: isize) -> bool {
        let report = frame.report;
        use crate::model::status::{Status, initiative_status};
        let as_of = report.fiscal_as_of();
        let all: Vec<(Id, Id)> = report
            .sections
            .iter()
            .flat_map(|s| s.initiatives.iter().map(move |i| (s.id, i)))
            .filter(|(_, i)| initiative_status(i, as_of) == Status::Late)
            .map(|(s, i)| (s, i.id))
            .collect();
        if all.is_empty() {
            return false;
        }
        let order: Vec<Id> = report.initiatives().map(|i| i.id).collect();
        let at = self
            .selected
            .and_then(|id| order.iter().position(|x| *x == id));
        let place = |id: Id| order.iter().position(|x| *x == id).unwrap_or(0);
        let pick = match (at, step > 0) {
            (Some(a), true) => all.iter().find(|(_, i)| place(*i) > a).or(all.first()),
            (Some(a), false) => all.iter().rev().find(|(_, i)| place(*i) < a).or(all.last()),
            (None, true) => all.first(),
            (None, false) => all.last(),
        };
        let Some(&(section, initiative)) = pick else {
            return false;
        };
        self.filter.folded.remove(&section);
        self.filter_generation += 1;
        let row = self.find_unfiltered(frame, |r| grid::thing_of(report, r) == Some(initiative));
        if let Some(k) = row {
            self.go_to_row(report, k);
        }
        true
    }
}

//! What the grid and the detail panel show: the filter and folding, the selection, which text is
//! being edited in place and which "new entry" field is open, and the grid's rows (derived,
//! cached). Changed only by [`ViewModel::handle`].

use crate::app::command::{AppCommand, EditTarget, ViewCommand};
use crate::compare::Comparison;
use crate::grid::{self, GridRow, RowFilter};
use crate::model::{Id, Report, Side};

#[derive(Default)]
pub struct ViewModel {
    filter: RowFilter,
    selected: Option<Id>,
    /// The entry selected in the grid or the detail panel (its editor is shown).
    selected_entry: Option<Id>,
    /// The text being edited in place (the view keeps what is typed).
    editing: Option<EditTarget>,
    /// The topic and side whose "new entry" field is open in the detail panel.
    new_entry: Option<(Id, Side)>,
    show_summary: bool,
    /// Scroll the grid so this row is visible (after keyboard selection), once.
    scroll_to_row: Option<usize>,
    rows: Vec<GridRow>,
    /// What `rows` were made from: the report's revision, the filter's generation and the
    /// comparison's (if any).
    rows_key: Option<(u64, u64, Option<u64>)>,
    filter_generation: u64,
}

impl ViewModel {
    pub fn filter(&self) -> &RowFilter {
        &self.filter
    }

    pub fn selected(&self) -> Option<Id> {
        self.selected
    }

    pub fn selected_entry(&self) -> Option<Id> {
        self.selected_entry
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
    pub fn rows(
        &mut self,
        report: &Report,
        revision: u64,
        compared: Option<(&Comparison, u64)>,
    ) -> &[GridRow] {
        let key = (revision, self.filter_generation, compared.map(|c| c.1));
        if self.rows_key != Some(key) {
            let rows = grid::rows(report, &self.filter);
            self.rows = match compared {
                Some((c, _)) => c.with_removed(report, &rows, &self.filter),
                None => rows,
            };
            self.rows_key = Some(key);
        }
        &self.rows
    }

    /// Shows a change of the comparison: its initiative and section unfolded (the filters
    /// cleared if they hide it), its row selected and scrolled to.
    pub fn reveal(
        &mut self,
        report: &Report,
        revision: u64,
        compared: (&Comparison, u64),
        change: usize,
    ) {
        let Some(c) = compared.0.diff.changes.get(change) else {
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
        let find = |rows: &[GridRow]| {
            rows.iter().position(|r| match *r {
                GridRow::Removed { change: k, .. } => k == change,
                r => c.new_id.is_some() && grid::thing_of(report, r) == c.new_id,
            })
        };
        let mut row = find(self.rows(report, revision, Some(compared)));
        if row.is_none() && self.filter.is_narrowed() {
            self.filter = RowFilter {
                folded: std::mem::take(&mut self.filter.folded),
                ..RowFilter::default()
            };
            self.filter_generation += 1;
            row = find(self.rows(report, revision, Some(compared)));
        }
        self.selected = initiative.or(self.selected);
        self.selected_entry = c.new_id.filter(|id| report.entry(*id).is_some());
        self.scroll_to_row = row;
    }

    pub fn toggle_summary(&mut self) {
        self.show_summary = !self.show_summary;
    }

    pub fn expand_all(&mut self) {
        self.filter.folded.clear();
        self.filter_generation += 1;
    }

    pub fn collapse_all(&mut self, report: &Report) {
        self.filter.folded = report.sections.iter().map(|s| s.id).collect();
        self.filter_generation += 1;
    }

    /// The selected entry's text, or else the selected initiative's title.
    pub fn edit_selected(&mut self) {
        self.editing = match (self.selected_entry, self.selected) {
            (Some(e), _) => Some(EditTarget::Entry(e)),
            (None, Some(i)) => Some(EditTarget::InitiativeTitle(i)),
            _ => return,
        };
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
            }
            ViewCommand::SelectEntry(id) => self.selected_entry = Some(id),
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
        }
        follow
    }

    /// Moves the selection to the next (`step` 1) or previous (-1) initiative in the grid.
    pub fn move_selection(
        &mut self,
        report: &Report,
        revision: u64,
        compared: Option<(&Comparison, u64)>,
        step: isize,
    ) {
        let initiative_rows: Vec<(usize, Id)> = self
            .rows(report, revision, compared)
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, GridRow::Initiative { .. }))
            .filter_map(|(k, r)| grid::initiative_of(report, *r).map(|i| (k, i.id)))
            .collect();
        let Some(last) = initiative_rows.len().checked_sub(1) else {
            return;
        };
        let current = self
            .selected
            .and_then(|id| initiative_rows.iter().position(|(_, i)| *i == id));
        let next = match current {
            None if step > 0 => 0,
            None => last,
            Some(c) => c.saturating_add_signed(step).min(last),
        };
        let (row, id) = initiative_rows[next];
        self.selected = Some(id);
        self.selected_entry = None;
        self.scroll_to_row = Some(row);
    }
}

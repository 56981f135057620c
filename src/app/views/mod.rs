//! Widgets that read the model and return commands; none of them changes the report. What
//! they need to remember between frames (a field being typed in, a drag) is in [`ViewState`].

pub mod detail;
pub mod dialogs;
pub mod grid;
pub mod menu;
pub mod paint;
pub mod preview;
pub mod status;
pub mod summary;
pub mod toolbar;

use crate::app::command::EditTarget;
use crate::model::{Id, MonthSet, Side};

#[derive(Default)]
pub struct ViewState {
    /// A text being edited in place in the grid.
    pub inline: Option<InlineEdit>,
    pub month_drag: Option<MonthDrag>,
    pub span_drag: Option<SpanDrag>,
    /// The "new entry" field open in the detail panel.
    pub new_entry: Option<NewEntry>,
    /// Fields of the selected entry's editor in the detail panel.
    pub entry_editor: Option<EntryEditor>,
    pub show_summary: bool,
}

pub struct InlineEdit {
    pub target: EditTarget,
    pub buffer: String,
    /// Focus the field on the next frame (it was just opened).
    pub focus: bool,
}

/// Dragging along an entry's month lane: one end stays, the other follows the pointer.
pub struct MonthDrag {
    pub entry: Id,
    pub fixed: usize,
    pub current: usize,
    /// Months of other runs that the drag leaves alone (the other range of `5月～7月及び12月～2月`).
    pub keep: MonthSet,
}

/// Dragging one end of a stage bar by whole fiscal years (indices into the plan years).
pub struct SpanDrag {
    pub item: Id,
    pub lane: usize,
    pub index: usize,
    pub fixed: usize,
    pub current: usize,
}

pub struct NewEntry {
    pub topic: Id,
    pub side: Side,
    pub buffer: String,
    pub focus: bool,
}

pub struct EntryEditor {
    pub entry: Id,
    /// The report revision the buffers were filled at; refilled after undo or another edit.
    pub revision: u64,
    pub text: String,
    pub months: String,
}

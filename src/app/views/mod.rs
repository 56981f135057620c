//! Widgets that read the state and return commands; none of them changes the report or the
//! app's state. The one thing they own is [`ViewState`]: what a view is in the middle of —
//! text being typed in a field, a drag under way — which only the views write, and which
//! becomes a command when the user finishes (Enter, release).

pub mod about;
pub mod compare;
pub mod detail;
pub mod dialogs;
pub mod grid;
pub mod measure_editor;
mod measure_settings;
pub mod measures;
pub mod menu;
pub mod paint;
pub mod preview;
pub mod status;
pub mod summary;
pub mod survey;
pub mod toolbar;
pub mod widgets;

use crate::app::command::EditTarget;
use crate::model::{Id, MonthSet, Side};

#[derive(Default)]
pub struct ViewState {
    /// The text being typed in place in the grid (for the target the view state is editing).
    pub inline: Option<InlineEdit>,
    /// Text typed in the frame a double-click opened the in-place field in, after the click:
    /// put at the end of the field when it opens (a slow frame batched them together, and
    /// the first letters typed were lost).
    pub typed_ahead: String,
    /// The in-place field was left with Tab: the widget the focus went on to lets it go.
    pub release_focus: bool,
    pub month_drag: Option<MonthDrag>,
    pub span_drag: Option<SpanDrag>,
    /// What is typed in the detail panel's "new entry" field.
    pub new_entry: Option<NewEntry>,
    /// Fields of the selected entry's editor in the detail panel.
    pub entry_editor: Option<EntryEditor>,
    /// The entry row under the pointer in the last frame (its linked rows are highlighted).
    pub hovered_entry: Option<Id>,
    /// A path being typed where the system's file dialog cannot be shown.
    pub typed_path: String,
    /// What is typed in the 照会 form.
    pub survey_form: Option<crate::app::state::survey::SendForm>,
    /// The 差戻し notes being typed, by division.
    pub send_back_notes: std::collections::HashMap<String, String>,
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
    /// The span dragged, as it was when the drag began: a drag ending on another (an undo
    /// during the drag changed what stands at its place) changes nothing.
    pub span: crate::model::StageSpan,
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
    /// The refused edits counted when they were filled; refilled after a refusal.
    pub refusals: u64,
    pub text: String,
    pub months: String,
    /// The entry's text and months when the fields were filled: a field typed in (no longer
    /// as filled) keeps what was typed when the report changes (an undo, another entry's
    /// edit); one not typed in is filled again.
    pub filled: (String, String),
}

impl ViewState {
    /// What is typed and not yet applied, as the commands applying it: the grid's in-place
    /// editor, the detail panel's new entry, and its text and months of the selected entry
    /// (months only when they read). Applied before the report is saved, printed or left, as clicking elsewhere
    /// applies the grid's: Ctrl+S saved without it, and closing lost it without a word.
    pub fn pending(
        &self,
        report: &crate::model::Report,
        lang: crate::lang::Lang,
    ) -> Vec<crate::app::command::AppCommand> {
        use crate::app::command::ViewCommand;
        use crate::edit::Intent;
        let mut out = Vec::new();
        if let Some(edit) = &self.inline
            && (edit.target.current_text(report)).is_some_and(|now| now != edit.buffer)
        {
            let (target, text) = (edit.target, edit.buffer.clone());
            out.push(ViewCommand::CommitEditing { target, text }.into());
        }
        if let Some(new) = self
            .new_entry
            .as_ref()
            .filter(|n| !n.buffer.trim().is_empty())
        {
            let (topic, side, text) = (new.topic, new.side, new.buffer.clone());
            out.push(Intent::AddEntry { topic, side, text }.into());
        }
        let Some(editor) = &self.entry_editor else {
            return out;
        };
        if let Some(entry) = report.entry(editor.entry) {
            out.extend(typed_in(editor, entry, lang));
        }
        out
    }

    /// Forgets what is typed (after [`ViewState::pending`] was applied): the fields fill again
    /// from the report.
    pub fn forget_typed(&mut self) {
        self.inline = None;
        self.new_entry = None;
        self.entry_editor = None;
    }
}

/// What is typed in an entry's editor and not yet applied to `entry`, as the commands applying
/// it: its text, and its months when they read; months that do not read are said not applied
/// (they were dropped without a word when another entry was chosen).
pub fn typed_in(
    editor: &EntryEditor,
    entry: &crate::model::Entry,
    lang: crate::lang::Lang,
) -> Vec<crate::app::command::AppCommand> {
    use crate::edit::Intent;
    let mut out = Vec::new();
    if editor.text.trim() != entry.text {
        let (id, text) = (entry.id, editor.text.clone());
        out.push(Intent::SetEntryText { id, text }.into());
    }
    let months = editor.months.trim();
    let read = match months {
        "" => Ok(None),
        m => crate::model::months::parse_timing(m).map(Some),
    };
    if months == entry.when.as_deref().unwrap_or("") {
        return out;
    }
    match read {
        Ok(timing) => out.push(
            Intent::SetEntryTiming {
                id: entry.id,
                timing,
            }
            .into(),
        ),
        Err(_) => {
            let words = crate::lang::say(
                lang,
                format!(
                    "時期「{}」は読めないため当てはめませんでした（5月～7月、通年 のように書きます）",
                    crate::model::text::preview(months)
                ),
                format!(
                    "the months 「{}」 do not read and were not applied (write them as 5月～7月 or 通年)",
                    crate::model::text::preview(months)
                ),
            );
            out.push(crate::app::command::DialogCommand::Notice(words).into());
        }
    }
    out
}

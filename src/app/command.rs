//! Everything a user can ask of the window, in one enum: each command knows its menu label and
//! its keyboard shortcut, so the menus and the shortcut handler come from one definition.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::{Lang, Texts};
use crate::edit::Edit;
use crate::model::status::Status;
use crate::model::{AsOf, Id, Period, Side};

/// What an in-place text field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// The whole text of an entry, as written.
    Entry(Id),
    TopicHeading(Id),
    InitiativeTitle(Id),
    ItemName(Id),
}

#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Ask for a file and open it (a `.ron` report or a report table).
    Open,
    /// Ask for a report table and import it.
    Import,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Save to this path without asking (tests and scripts use it).
    SaveTo(PathBuf),
    Quit,
    SetLanguage(Lang),
    ToggleFold(Id),
    ExpandAll,
    CollapseAll,
    Select(Id),
    SelectNext,
    SelectPrevious,
    /// The unsaved-changes dialog was answered: save first, or discard.
    ResolveUnsaved {
        save: bool,
    },
    Undo,
    Redo,
    /// An edit a view built completely.
    Edit(Edit),
    /// New text for an entry (months, counts and notes are read from it again).
    SetEntryText {
        id: Id,
        text: String,
    },
    /// A new entry, typed as written (`研修の実施(6月)`), at the end of a topic's list.
    AddEntry {
        topic: Id,
        side: Side,
        text: String,
    },
    DoneAsPlanned {
        id: Id,
    },
    AddTopic {
        initiative: Id,
    },
    SelectEntry(Id),
    StartEditing(EditTarget),
    /// The in-place field was left with Enter (or by clicking elsewhere).
    CommitEditing {
        target: EditTarget,
        text: String,
    },
    CancelEditing,
    /// Open the "new entry" field of a topic in the detail panel.
    OpenNewEntry {
        topic: Id,
        side: Side,
    },
    SetDivisionFilter(Option<String>),
    SetStatusFilter(Option<Status>),
    SetTextFilter(String),
    SetPeriod(Period),
    SetAsOf(Option<AsOf>),
    ToggleSummary,
    PrintPreview,
    ClosePreview,
    /// Make the PDF and hand it to the system's viewer to print.
    Print,
    /// Ask where, then save the PDF there.
    ExportPdf,
    ExportPdfTo(PathBuf),
    /// Ask where, then export (Excel, the report table format, CSV).
    Export {
        format: crate::export::Format,
        encoding: crate::export::Encoding,
    },
    ExportTo {
        path: PathBuf,
        encoding: crate::export::Encoding,
    },
}

impl AppCommand {
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        Some(match self {
            AppCommand::Open => KeyboardShortcut::new(cmd, Key::O),
            AppCommand::Import => KeyboardShortcut::new(cmd, Key::I),
            AppCommand::Save => KeyboardShortcut::new(cmd, Key::S),
            AppCommand::SaveAs => KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::S),
            AppCommand::Quit => KeyboardShortcut::new(cmd, Key::Q),
            AppCommand::Undo => KeyboardShortcut::new(cmd, Key::Z),
            AppCommand::Redo => KeyboardShortcut::new(cmd, Key::Y),
            AppCommand::Print => KeyboardShortcut::new(cmd, Key::P),
            _ => return None,
        })
    }

    pub fn label(&self, t: &Texts) -> String {
        match self {
            AppCommand::Open => t.open.into(),
            AppCommand::Import => t.import.into(),
            AppCommand::Save => t.save.into(),
            AppCommand::SaveAs => t.save_as.into(),
            AppCommand::Quit => t.quit.into(),
            AppCommand::Undo => t.undo.into(),
            AppCommand::Redo => t.redo.into(),
            AppCommand::ToggleSummary => t.summary.into(),
            AppCommand::PrintPreview => t.print_preview.into(),
            AppCommand::Print => t.print.into(),
            AppCommand::ExportPdf => t.export_pdf.into(),
            AppCommand::ExpandAll => t.expand_all.into(),
            AppCommand::CollapseAll => t.collapse_all.into(),
            AppCommand::SetLanguage(Lang::Ja) => t.japanese.into(),
            AppCommand::SetLanguage(Lang::En) => t.english.into(),
            AppCommand::OpenPath(p) | AppCommand::SaveTo(p) => p.display().to_string(),
            other => format!("{other:?}"),
        }
    }

    /// The commands with a shortcut, checked every frame. Save As comes before Save so that
    /// Ctrl+Shift+S is not taken for Ctrl+S.
    pub fn with_shortcuts() -> [AppCommand; 6] {
        [
            AppCommand::SaveAs,
            AppCommand::Save,
            AppCommand::Open,
            AppCommand::Import,
            AppCommand::Print,
            AppCommand::Quit,
        ]
    }

    /// Undo and redo, checked only when no text field has the keyboard (a field undoes its
    /// own typing). Ctrl+Shift+Z comes first so that it is not taken for Ctrl+Z.
    pub fn history_shortcuts() -> [(KeyboardShortcut, AppCommand); 3] {
        let cmd = Modifiers::COMMAND;
        [
            (
                KeyboardShortcut::new(cmd | Modifiers::SHIFT, Key::Z),
                AppCommand::Redo,
            ),
            (KeyboardShortcut::new(cmd, Key::Z), AppCommand::Undo),
            (KeyboardShortcut::new(cmd, Key::Y), AppCommand::Redo),
        ]
    }

    /// Commands that throw the open report away, and so must ask first when it has changes.
    pub fn discards_report(&self) -> bool {
        matches!(
            self,
            AppCommand::Open | AppCommand::Import | AppCommand::OpenPath(_) | AppCommand::Quit
        )
    }
}

//! Everything a user can ask of the window, in one enum: each command knows its menu label and
//! its keyboard shortcut, so the menus and the shortcut handler come from one definition.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::{Lang, Texts};
use crate::model::Id;

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
    pub fn with_shortcuts() -> [AppCommand; 5] {
        [
            AppCommand::SaveAs,
            AppCommand::Save,
            AppCommand::Open,
            AppCommand::Import,
            AppCommand::Quit,
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

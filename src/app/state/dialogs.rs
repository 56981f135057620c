//! What the app says to the user: the dialog in front of the window (an error, the
//! unsaved-changes question, the import warnings) and the one-line notice in the status bar.
//! Changed only by [`DialogState::handle`].

use std::path::PathBuf;

use crate::app::command::{AppCommand, DialogCommand, PathPurpose};
use crate::store::recovery::Recoverable;

/// A dialog in front of the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Error {
        title: String,
        message: String,
    },
    /// Unsaved changes: save, discard or cancel, then run `then`.
    UnsavedChanges {
        then: Box<AppCommand>,
    },
    Warnings,
    /// The file just opened is open in another Shinchoku: read-only, or take over its lock.
    Locked {
        holder: String,
    },
    /// A save found the file changed on disk since it was read: 上書き, 別名で保存, 再読み込み.
    ChangedOnDisk {
        path: PathBuf,
        message: String,
    },
    /// A save found another Shinchoku holding the file: take the lock over and save, or not.
    LockedOnSave {
        path: PathBuf,
        message: String,
    },
    /// A save found the file read-only: 上書き (it stays read-only), 別名で保存, or cancel.
    /// `options` are what that save was already allowed.
    ReadOnlyOnSave {
        path: PathBuf,
        message: String,
        options: crate::document::SaveOptions,
    },
    /// Recovery copies holding unsaved work from an earlier run: 復元 or 破棄 each.
    Recover(Vec<Recoverable>),
    /// ヘルプ → バージョン情報: the version and the licences.
    About,
    /// The system's file dialog could not be shown: type the path (`problem`: why what was
    /// typed last cannot be taken, worded).
    TypePath {
        purpose: PathPurpose,
        problem: Option<String>,
    },
}

#[derive(Default)]
pub struct DialogState {
    dialog: Option<Dialog>,
    /// A one-line message in the status bar (saved, opened …).
    notice: Option<String>,
}

impl DialogState {
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The unsaved-changes dialog's pending command, taking the dialog away.
    pub fn take_unsaved(&mut self) -> Option<AppCommand> {
        match self.dialog.take() {
            Some(Dialog::UnsavedChanges { then }) => Some(*then),
            other => {
                self.dialog = other;
                None
            }
        }
    }

    /// The recovery copies still waiting for an answer, if that dialog is in front.
    pub fn pending_recoveries(&self) -> Vec<Recoverable> {
        match &self.dialog {
            Some(Dialog::Recover(list)) => list.clone(),
            _ => Vec::new(),
        }
    }

    /// Returns whether what is shown changed (a notice repeated word for word does not).
    pub fn handle(&mut self, command: DialogCommand) -> bool {
        match command {
            DialogCommand::Show(dialog) => self.dialog = Some(dialog),
            DialogCommand::Close => self.dialog = None,
            DialogCommand::Notice(text) => {
                if self.notice.as_deref() == Some(text.as_str()) {
                    return false;
                }
                self.notice = Some(text);
            }
        }
        true
    }
}

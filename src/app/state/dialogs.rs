//! What the app says to the user: the dialog in front of the window (an error, the
//! unsaved-changes question, the import warnings) and the one-line notice in the status bar.
//! Changed only by [`DialogState::handle`].

pub use crate::app::command::Dialog;
use crate::app::command::{AppCommand, DialogCommand};

#[derive(Default)]
pub struct DialogState {
    dialog: Option<Dialog>,
    /// A one-line message in the status bar (saved, opened …).
    notice: Option<String>,
    /// The notice says why an edit was refused.
    refusal: bool,
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

    /// Returns whether what is shown changed (a notice repeated word for word does not).
    pub fn handle(&mut self, command: DialogCommand) -> bool {
        let refusal = matches!(command, DialogCommand::Refusal(_));
        match command {
            DialogCommand::Show(dialog) => self.dialog = Some(dialog),
            DialogCommand::Close => self.dialog = None,
            DialogCommand::Notice(text) | DialogCommand::Refusal(text) => {
                if self.notice.as_deref() == Some(text.as_str()) && self.refusal == refusal {
                    return false;
                }
                (self.notice, self.refusal) = (Some(text), refusal);
            }
            DialogCommand::Edited if self.refusal => (self.notice, self.refusal) = (None, false),
            DialogCommand::Edited => return false,
        }
        true
    }
}

//! What persists between runs (eframe storage): language, recent files, the page setup. The
//! report itself lives in its own file. Changed only by [`Prefs::handle`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::app::command::PrefsCommand;
use crate::app::i18n::Lang;
use crate::print::PageSetup;

const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The page setup: the one the preview shows and every print uses, offered again next time.
    pub page_setup: PageSetup,
    /// Seconds between recovery copies while there are unsaved changes (0: the default, 60).
    pub recovery_seconds: u64,
}

/// The choices offered for the recovery copy's interval, in seconds.
pub const RECOVERY_CHOICES: [u64; 4] = [30, 60, 120, 300];

impl Prefs {
    pub fn recovery_interval(&self) -> std::time::Duration {
        let seconds = if self.recovery_seconds == 0 {
            60
        } else {
            self.recovery_seconds
        };
        std::time::Duration::from_secs(seconds)
    }

    pub fn handle(&mut self, command: PrefsCommand) {
        match command {
            PrefsCommand::SetRecoverySeconds(seconds) => self.recovery_seconds = seconds,
            PrefsCommand::SetLanguage(lang) => self.lang = lang,
            PrefsCommand::SetPageSetup(setup) => self.page_setup = setup,
            PrefsCommand::RememberFile(path) => {
                let path = std::fs::canonicalize(&path).unwrap_or(path);
                self.recent.retain(|p| *p != path);
                self.recent.insert(0, path);
                self.recent.truncate(MAX_RECENT);
            }
        }
    }
}

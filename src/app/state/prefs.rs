//! What persists between runs (eframe storage): language, recent files, the page setup, the
//! grid's columns, the detail panel, the zoom. The report itself lives in its own file.
//! Changed only by [`Prefs::handle`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::app::columns::ColumnPrefs;
use crate::app::command::PrefsCommand;
use crate::app::i18n::Lang;
use crate::print::PageSetup;

const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    lang: Lang,
    recent: Vec<PathBuf>,
    /// The page setup: the one the preview shows and every print uses, offered again next time.
    page_setup: PageSetup,
    /// Seconds between recovery copies while there are unsaved changes (0: the default, 60).
    recovery_seconds: u64,
    /// The grid's column widths and hidden column groups.
    columns: ColumnPrefs,
    /// The detail panel is folded away.
    detail_folded: bool,
    /// The detail panel's width (0: the default).
    detail_width: f32,
    /// While the panel is folded, selecting an entry shows its editor in a window of its own
    /// (`true`) or unfolds the panel (`false`, the default).
    detail_popup: bool,
    /// The window's zoom (0: 100 %), on top of the system's scale factor.
    zoom: f32,
}

/// Zoom steps (Ctrl + plus / minus), as browsers and office programs offer them.
pub const ZOOM_STEPS: [f32; 9] = [0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0];

/// The detail panel's width when the user has not set one.
pub const DETAIL_WIDTH: f32 = 300.0;

/// The choices offered for the recovery copy's interval, in seconds.
pub const RECOVERY_CHOICES: [u64; 4] = [30, 60, 120, 300];

impl Prefs {
    /// Within 10 s to an hour: a settings file edited by hand or damaged (`u64::MAX`) crashed
    /// the window at its first edit (the next copy's time overflowed the clock).
    pub fn recovery_interval(&self) -> std::time::Duration {
        let seconds = if self.recovery_seconds == 0 {
            60
        } else {
            self.recovery_seconds.clamp(10, 3600)
        };
        std::time::Duration::from_secs(seconds)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Files opened lately, the latest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    pub fn page_setup(&self) -> &PageSetup {
        &self.page_setup
    }

    /// What the settings file holds, within what the window offers (a file edited by hand or
    /// damaged: a margin of 1e9 mm made every print fail inside the PDF writer).
    pub fn sanitized(mut self) -> Prefs {
        let margin = self.page_setup.margin_mm;
        self.page_setup.margin_mm = if margin.is_finite() {
            margin.clamp(5.0, 25.0)
        } else {
            PageSetup::default().margin_mm
        };
        self
    }

    pub fn columns(&self) -> &ColumnPrefs {
        &self.columns
    }

    pub fn detail_folded(&self) -> bool {
        self.detail_folded
    }

    pub fn detail_popup(&self) -> bool {
        self.detail_popup
    }

    /// The zoom within what the window offers (0.5–3): a settings file edited by hand or
    /// damaged (`inf`, `1e-30`) crashed the window at every start.
    pub fn zoom(&self) -> f32 {
        if self.zoom > 0.0 && self.zoom.is_finite() {
            self.zoom.clamp(0.5, 3.0)
        } else {
            1.0
        }
    }

    pub fn detail_width(&self) -> f32 {
        if self.detail_width > 0.0 {
            self.detail_width
        } else {
            DETAIL_WIDTH
        }
    }

    /// The next zoom step up (`step` 1) or down (-1) from the current zoom.
    fn zoom_step(&self, step: i32) -> f32 {
        let now = self.zoom();
        let next = if step > 0 {
            ZOOM_STEPS.iter().copied().find(|z| *z > now + 0.001)
        } else {
            ZOOM_STEPS.iter().rev().copied().find(|z| *z < now - 0.001)
        };
        next.unwrap_or(now)
    }

    pub fn handle(&mut self, command: PrefsCommand) {
        match command {
            PrefsCommand::SetColumnWidth { column, width } => {
                self.columns.set_width(column, width);
            }
            PrefsCommand::ToggleColumn(column) => self.columns.toggle(column),
            PrefsCommand::ResetColumns => self.columns = ColumnPrefs::default(),
            PrefsCommand::SetDetailFolded(folded) => self.detail_folded = folded,
            PrefsCommand::SetDetailWidth(width) => self.detail_width = width,
            PrefsCommand::SetDetailPopup(popup) => self.detail_popup = popup,
            PrefsCommand::Zoom(step) => {
                self.zoom = match step {
                    0 => 1.0,
                    s => self.zoom_step(s),
                }
            }
            PrefsCommand::SetZoom(zoom) => self.zoom = zoom.clamp(0.5, 3.0),
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

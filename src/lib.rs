//! Shinchoku (進捗): progress tracking for the reform programmes of Japanese prefectures.
//!
//! Data flows one way: a file ([`import`] for report tables, [`store`] for Shinchoku's RON
//! files) → the [`model`] → views → edit intents → the model → a file. Nothing outside `app`
//! knows about egui; the window is the `gui` feature.

pub mod import;
pub mod lang;
pub mod model;
pub mod palette;
pub mod store;
pub mod summary;

use std::path::Path;

use model::Report;
pub use model::diag::{FileError, Location, Warning};

/// A report opened from disk, and what was noticed reading it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub report: Report,
    pub warnings: Vec<Warning>,
    /// It came from a report table, not a Shinchoku file: saving should not overwrite it.
    pub imported: bool,
}

/// Opens a Shinchoku `.ron` file or imports a report table, by what the file holds.
pub fn open_report(path: &Path) -> Result<Opened, FileError> {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        let report = store::open(path)?;
        let warnings = model::check::warnings(&report);
        return Ok(Opened {
            report,
            warnings,
            imported: false,
        });
    }
    let imported = import::import_file(path)?;
    Ok(Opened {
        report: imported.report,
        warnings: imported.warnings,
        imported: true,
    })
}
#[cfg(feature = "gui")]
pub mod app;
pub mod document;
pub mod edit;
pub mod export;
pub mod fonts;
pub mod grid;
pub mod print;
pub mod synthetic;

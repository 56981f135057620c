//! Shinchoku (進捗): progress tracking for the reform programmes of Japanese prefectures.
//!
//! Data flows one way: a file ([`import`] for report tables, [`store`] for Shinchoku's RON
//! files) → the [`model`] → views → edit intents → the model → a file. Nothing outside `app`
//! knows about egui; the window is the `gui` feature.
//!
//! ## Layers
//!
//! The modules in layers, lowest first. A module uses only modules of the layers before its
//! own — never one of its own layer or a later one — and the files of one module do not use
//! each other in a circle (a name a module re-exports counted as of the file it comes from).
//! `tests/core/layers.rs` reads every `crate::`, `super::` and `self::` path of the modules'
//! files — in `use`s, in code, in a path written in a string (`#[serde(default = "…")]`), as
//! `$crate::` in a macro — and holds the crate to this list (a new module must be placed in
//! it). `lib.rs` and `main.rs` are the crate's root, above every layer:
//!
//! 1. `lang`, `fonts` — the two languages, the bundled font
//! 2. `model` — the report as data, months and eras, status, diagnostics
//! 3. `edit`, `import`, `store` — changing a report, reading tables and workbooks, RON files
//! 4. `grid` — the rows the window and the printout draw
//! 5. `compare` — two reports compared, roll-over
//! 6. `palette` — every colour
//! 7. `spoken` — stages and bars in words
//! 8. `print` — page layout and the PDF
//! 9. `export` — XLSX, the report table, CSV, the web page
//! 10. `survey` — the survey of the 担当課
//! 11. `summary` — what `check` prints
//! 12. `document` — an open report with its history, file and lock
//! 13. `synthetic` — large reports made for measuring
//! 14. `app`, `cli` — the window and the command line (`cli` parses the arguments; with no
//!     command it calls back into `main.rs`, which opens the window)

pub mod cli;
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
    /// What the `.ron` file was when read, to tell before saving whether it changed since.
    pub disk: Option<store::disk::Fingerprint>,
}

/// Opens a Shinchoku `.ron` file, or imports a report table or a workbook (`.xlsx`, `.xls`,
/// `.ods`), by what the file holds.
pub fn open_report(path: &Path) -> Result<Opened, FileError> {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        let loaded = store::open_checked(path)?;
        // What opening repaired comes first, then what the report itself warns of.
        // Only next_id, links and texts read again are repaired; every other broken rule
        // refuses the file.
        let mut warnings = store::repair_warnings(&loaded.report, &loaded.repaired);
        warnings.extend(model::check::warnings(&loaded.report));
        return Ok(Opened {
            report: loaded.report,
            warnings,
            imported: false,
            disk: Some(loaded.fingerprint),
        });
    }
    let (report, mut warnings) = import::import_file(path)?;
    warnings.extend(model::measure_check::report_wide_warnings(&report));
    // What the model's check finds that reading the table does not: months outside the
    // period or of another year, 予定 over months passed, a month in a note or outside
    // brackets (the table was quiet
    // where the same report as a `.ron` warned).
    // Only the months are looked at again: every row kept unread was warned of by the reader,
    // and making its warning a second time to drop it took a 10 MB table of five million of
    // them to 1.6 GB (0.34 GB without).
    warnings.extend(model::check::month_warnings_kept(&report, &|kind| {
        use model::diag::WarningKind as W;
        matches!(
            kind,
            W::MonthsOutsidePeriod { .. }
                | W::MonthInNote { .. }
                | W::ScheduledOverPassed { .. }
                | W::UnreadableMonths {
                    reason: model::months::MonthProblem::OutsideBracket,
                    ..
                }
        )
    }));
    Ok(Opened {
        report,
        warnings,
        imported: true,
        disk: None,
    })
}
#[cfg(feature = "gui")]
pub mod app;
pub mod compare;
pub mod document;
pub mod edit;
pub mod export;
pub mod fonts;
pub mod grid;
pub mod print;
pub mod spoken;
pub mod survey;
pub mod synthetic;

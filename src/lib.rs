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
//! it). `lib.rs` and `main.rs` are the crate's root, above every layer: no module uses a name
//! of the root's own, and one the root re-exports (`crate::Warning`) counts as its module's:
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

pub use document::{Opened, open_report};
pub use model::diag::{FileError, Location, Warning};

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

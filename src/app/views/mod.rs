//! Widgets that read the model and return commands; none of them changes the report.

pub mod detail;
pub mod dialogs;
pub mod grid;
pub mod menu;
pub mod paint;
pub mod status;

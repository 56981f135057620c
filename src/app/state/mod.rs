//! The window's state, by owner. Each part keeps its fields private and changes them only in
//! its own `handle` for its own commands; `ShinchokuApp::handle` routes every command to its
//! owner and runs what it asks next.
//!
//! - [`open`]: the open report ([`document`]: its history and file; [`compare`]: what it is
//!   compared with), brought up to date in one place;
//! - [`view`]: filter, folding, selection, in-place editing, the grid's rows;
//! - [`printing`]: the preview and PDF jobs;
//! - [`prefs`]: what persists between runs (language, recent files, page setup);
//! - [`dialogs`]: the dialog in front and the status-bar notice;
//! - [`compare`]: the report the open one is compared with, and the series opened together;
//! - [`survey`]: the 照会 form, answers under review, the 提出状況 panel.
//!
//! What a view is in the middle of (text being typed, a drag) is not here: it is the views'
//! own [`crate::app::views::ViewState`].

pub mod compare;
pub mod dialogs;
pub mod document;
pub mod open;
pub mod prefs;
pub mod printing;
pub mod survey;
pub mod view;

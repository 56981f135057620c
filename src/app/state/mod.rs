//! The window's state, by owner. Each part keeps its fields private (the open report's document
//! and comparison are its owner's two halves, [`open::OpenReport`]) and is changed through its
//! own methods — its `handle` for the commands `ShinchokuApp::handle` routes to it, and the
//! few steps the app runs across owners (opening the preview, selecting what a change
//! reveals); `ShinchokuApp::handle` runs what each asks next.
//!
//! - [`open`]: the open report ([`document`]: its history and file; [`compare`]: what it is
//!   compared with), brought up to date in one place;
//! - [`view`]: filter, folding, selection, in-place editing, the grid's rows;
//! - [`printing`]: the preview, and the work of a PDF job;
//! - [`jobs`]: the PDF or export running on a worker thread, with its progress and 中止;
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
pub mod jobs;
pub mod open;
pub mod prefs;
pub mod printing;
pub mod survey;
pub mod view;

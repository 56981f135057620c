//! The report as data, with no knowledge of any window or file format.

pub mod check;
pub mod era;
pub mod months;
pub mod report;
pub mod status;
pub mod validate;

pub use era::FiscalYear;
pub use months::{MonthSet, Timing, TimingKind};
pub use report::*;

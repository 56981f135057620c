//! The report as data, with no knowledge of any window or file format: the report tree and its
//! ids, months and eras, entry texts as written, derived status, checks, and the diagnostics
//! every layer reports with.

pub mod answering;
pub mod bounds;
pub mod check;
pub mod clock;
pub mod defaults;
pub mod diag;
pub mod entry_text;
pub mod era;
pub mod figure;
pub mod figure_words;
pub mod history;
pub mod id;
pub mod links;
pub mod measure_check;
pub mod measure_warning;
pub mod measures;
pub mod month_grid;
pub mod months;
pub mod period;
pub mod report;
pub mod stale;
pub mod status;
pub mod sub_text;
pub mod survey;
pub mod tally;
pub mod tally_notes;
pub mod text;
pub mod text_place;
pub mod tree;
pub mod validate;

pub use era::FiscalYear;
pub use months::{MonthSet, Timing, TimingKind};
pub use report::*;
pub use survey::{
    DivisionSurvey, Received, ReportId, ResponseFor, SentBack, TakenTopic, WrittenResult,
};
pub use tree::{EntryList, EntryPlace};

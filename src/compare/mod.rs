//! Comparing two reports of one programme (比較), and carrying a report into the next period
//! (次の期間へ). Both work on the model alone; the window marks the grid and lists the changes,
//! the command line prints the change list or the JSON.
//!
//! - [`diff()`]: what was added, removed or changed, as plain data ([`Diff`], serialisable);
//! - [`Comparison`]: an older report and the marks its diff puts on the grid's cells and rows;
//! - [`change_list`]: the diff laid out as lines grouped by initiative, long texts shortened
//!   for screens and terminals ([`change_list_whole`] for printing);
//! - [`rollover()`]: a report carried into its second half, full year or next fiscal year;
//!   [`confirm`]: the results it carried over for the divisions to confirm (要確認).

pub mod confirm;
pub mod diff;
mod list;
pub mod marks;
pub mod measures;
pub mod rollover;

use serde::{Serialize, Serializer};

use crate::model::status::Status;
use crate::model::{Id, Side};

pub use diff::{diff, diff_of_one_lineage};
pub use list::{ListLine, change_list, change_list_text, change_list_whole};
pub use marks::{Comparison, Mark, RowMarks};
pub use rollover::{RolloverError, RolloverTo, rollover};

/// The differences between an older and a newer report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Nothing differs (no report field, no change).
    pub same: bool,
    /// How things were paired: by their ids (the two reports are of one lineage) or by number,
    /// heading and text.
    pub matched_by: Matching,
    pub old: ReportInfo,
    pub new: ReportInfo,
    /// Changes to the report as a whole: title, fiscal year, period, headings, as-of date.
    pub report: Vec<FieldChange>,
    /// Changes inside the report, in the newer report's order (what was removed follows the
    /// things of its initiative that remain).
    pub changes: Vec<Change>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Matching {
    /// Same programme, and the ids both reports use name the same things: one report was made
    /// from the other (saved, edited, rolled over), so ids are trusted.
    Id,
    /// Otherwise (two tables imported separately number their ids each in its own document
    /// order): by number, heading and text; an id is only a hint when the text agrees.
    Content,
}

/// What a report is, for the heading of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportInfo {
    pub title: String,
    pub programme: String,
    /// Western, e.g. 2017.
    pub fiscal_year: i32,
    /// `平成29年度`.
    pub fiscal_year_era: String,
    /// `first_half`, `second_half`, `full_year`.
    pub period: &'static str,
    /// The as-of date in force, `2017-09-30`.
    pub as_of: String,
    pub initiatives: usize,
}

/// A field of the report as a whole, as written in each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `title`, `programme`, `fiscal_year`, `period`, `plan_years`, `plan_heading`,
    /// `actual_heading`, `as_of`.
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// One change, with where it is: the section, initiative and topic it falls under (the newer
/// report's when the thing is in both) and the ids of the thing in each report (the window
/// marks the cells by them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The section's numeral as written (`II`).
    pub section: Option<String>,
    pub initiative: Option<InitiativeRef>,
    /// The topic's heading (`None` also for text before any heading).
    pub topic: Option<String>,
    pub old_id: Option<Id>,
    pub new_id: Option<Id>,
    #[serde(flatten)]
    pub what: What,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InitiativeRef {
    pub number: String,
    pub title: String,
    pub old_id: Option<Id>,
    pub new_id: Option<Id>,
}

/// What changed. In JSON the variant is `kind` (snake_case) beside the fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum What {
    SectionAdded {
        numeral: String,
        title: String,
    },
    SectionRemoved {
        numeral: String,
        title: String,
    },
    /// `field`: `numeral` or `title`.
    SectionChanged {
        field: &'static str,
        old: String,
        new: String,
    },
    InitiativeAdded {
        number: String,
        title: String,
    },
    InitiativeRemoved {
        number: String,
        title: String,
    },
    /// `field`: `number`, `label` or `title`.
    InitiativeChanged {
        field: &'static str,
        old: String,
        new: String,
    },
    /// Now under another section (numerals as written).
    InitiativeMoved {
        old_section: String,
        new_section: String,
    },
    /// The same initiative at another place among its section's (1-based): the order the
    /// printout and every export list them in.
    InitiativeReordered {
        old_position: usize,
        new_position: usize,
    },
    /// The same section at another place in the report (1-based).
    SectionReordered {
        old_position: usize,
        new_position: usize,
    },
    /// The initiative's 担当課 list.
    DivisionsChanged {
        old: Vec<String>,
        new: Vec<String>,
    },
    ItemAdded {
        name: String,
    },
    ItemRemoved {
        name: String,
    },
    /// `field`: `name` or `ticked` (`□` written or not).
    ItemChanged {
        field: &'static str,
        old: String,
        new: String,
    },
    /// Years are Western fiscal years, first and last.
    StageAdded {
        item: String,
        stage: String,
        years: [i32; 2],
    },
    StageRemoved {
        item: String,
        stage: String,
        years: [i32; 2],
    },
    /// The same stage over other years.
    StageMoved {
        item: String,
        stage: String,
        old_years: [i32; 2],
        new_years: [i32; 2],
    },
    /// The same years under another label.
    StageRelabelled {
        item: String,
        years: [i32; 2],
        old: String,
        new: String,
    },
    TopicAdded {
        heading: Option<String>,
    },
    TopicRemoved {
        heading: Option<String>,
    },
    /// `field`: `heading` or `division` (the 担当課 paired with the topic).
    TopicChanged {
        field: &'static str,
        old: Option<String>,
        new: Option<String>,
    },
    EntryAdded {
        side: Side,
        text: String,
    },
    EntryRemoved {
        side: Side,
        text: String,
    },
    /// Taken out of the report at a year end: the newer report keeps it in its history.
    EntryArchived {
        side: Side,
        text: String,
        fiscal_year: i32,
        period: &'static str,
    },
    /// The same entry at another place among its siblings (1-based, as they are listed): the
    /// order of results is what the printed and exported lists show.
    EntryMoved {
        side: Side,
        text: String,
        old_position: usize,
        new_position: usize,
    },
    EntryChanged {
        side: Side,
        old_text: String,
        new_text: String,
        /// What differs: `text`, `months`, `scheduled` (予定), `counts`, `kind`.
        aspects: Vec<Aspect>,
        /// Calendar months in fiscal order.
        old_months: Vec<u8>,
        new_months: Vec<u8>,
    },
    /// A result now reports a plan entry it did not (texts as written).
    LinkAdded {
        result: String,
        plan: String,
    },
    LinkRemoved {
        result: String,
        plan: String,
    },
    /// A number or judgement of the initiative (`measures.rs`): `field` is `actual`,
    /// `first_half`, `target`, `final_target`, `unit`, `added`, `removed` (an indicator),
    /// `planned`, `actual` (an effect), `code` (a rating), `text` (the comment).
    MeasureChanged {
        part: measures::Part,
        name: String,
        field: &'static str,
        fiscal_year: Option<i32>,
        old: String,
        new: String,
    },
    /// Derived status, each as of its report's date.
    StatusChanged {
        of: StatusOf,
        #[serde(serialize_with = "status_key")]
        old: Status,
        #[serde(serialize_with = "status_key")]
        new: Status,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusOf {
    Initiative,
    Topic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Text,
    Months,
    Scheduled,
    Counts,
    Kind,
}

fn status_key<S: Serializer>(status: &Status, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(status.key())
}

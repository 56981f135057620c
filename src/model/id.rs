//! The identity every part of a report is named by (a leaf: the report, its survey records and
//! its numbers all name things by it).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identity for a section, initiative, action item, topic or entry. Allocated once by
/// the report (`Report::next_id`) and saved with it, so edits, undo and later diffs of division
/// submissions can name a thing whatever is inserted around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

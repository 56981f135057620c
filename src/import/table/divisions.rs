//! An initiative's own 担当課 as read from its cell, and the fields after it.

use std::collections::{HashMap, HashSet};

use super::{Reader, Row};
use crate::model::UnreadText;
use crate::model::diag::{Location, WarningKind};

/// Keeps each name once, in written order; returns each name written more than once, with how
/// many times. A name written again (an initiative's rows repeated: a thousand copies of one
/// row made a thousand of it, each printed beside every plan line, gigabytes) is one.
pub(super) fn once_each(own: &mut Vec<String>) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for d in own.iter() {
        *counts.entry(d.as_str()).or_insert(0) += 1;
    }
    let mut said = HashSet::new();
    let mut twice = Vec::new();
    for d in own.iter() {
        if counts[d.as_str()] > 1 && said.insert(d.as_str()) {
            twice.push((d.clone(), counts[d.as_str()]));
        }
    }
    let mut seen = HashSet::new();
    own.retain(|d| seen.insert(d.clone()));
    twice
}

impl Reader {
    /// The fields after an initiative row's 担当課 (its field `division`, 0-based) read in no
    /// place (not a number column): kept in the unread list and said.
    pub(super) fn keep_fields_after_division(&mut self, row: &Row, division: usize) {
        for (k, extra) in row.fields.iter().enumerate().skip(division + 1) {
            let after = k - division;
            let first_half = self.first_half.as_ref().is_some_and(|c| c.offset == after);
            if !extra.trim().is_empty() && !self.numbers.is_number_field(after) && !first_half {
                // Named and kept with its column's heading, as a workbook's cell is
                // (「累計 (H28~R2年度): 6,012」; the bare 「6,012」 said nothing of what it was).
                let heading = self.numbers.heading_after(after).map(str::to_string);
                let name = heading.as_deref().unwrap_or("?");
                self.warn(
                    Location::field(row.line, k + 1, name),
                    WarningKind::TextAfterDivision,
                );
                let text = extra.trim();
                self.unread.push(UnreadText {
                    row: row.line,
                    text: match &heading {
                        Some(h) => format!("{h}: {text}"),
                        None => text.to_string(),
                    },
                });
            }
        }
    }
}

//! Checks of a report as it stands (after edits or when opened from a file): what a user should
//! be told about, such as month expressions that could not be read.

use crate::import::{Location, Warning};
use crate::model::{Entry, Report};

pub fn warnings(report: &Report) -> Vec<Warning> {
    let mut out = Vec::new();
    for i in report.initiatives() {
        for t in &i.topics {
            for (side, list) in [("年次計画", &t.plan), ("実績", &t.actual)] {
                let mut stack: Vec<&Entry> = list.iter().collect();
                while let Some(e) = stack.pop() {
                    if e.unreadable_when() {
                        out.push(Warning {
                            at: Location {
                                field_name: Some(format!("initiative {} {side}", i.number)),
                                ..Location::default()
                            },
                            message: format!(
                                "month expression 「{}」 not understood; kept as written",
                                e.when.as_deref().unwrap_or("")
                            ),
                        });
                    }
                    stack.extend(e.subs.iter());
                }
            }
        }
    }
    for u in &report.unread {
        out.push(Warning {
            at: Location::row(u.row),
            message: format!(
                "source text not understood, kept as written: 「{}」",
                u.text
            ),
        });
    }
    out
}

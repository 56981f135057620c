//! Checks of a report as it stands (after edits or when opened from a file): what a user should
//! be told about, such as month expressions that could not be read or texts holding characters
//! that do not show.

use super::diag::{Location, Warning, WarningKind};
use super::{Entry, Report};

pub fn warnings(report: &Report) -> Vec<Warning> {
    let mut out = Vec::new();
    for i in report.initiatives() {
        for t in &i.topics {
            for (side, list) in [("年次計画", &t.plan), ("実績", &t.actual)] {
                let mut stack: Vec<&Entry> = list.iter().collect();
                while let Some(e) = stack.pop() {
                    if e.unreadable_when() {
                        let expression = e.when.clone().unwrap_or_default();
                        let reason = super::months::parse_timing(&expression)
                            .err()
                            .map_or_else(String::new, |e| e.reason);
                        out.push(Warning::new(
                            Location::named(format!("initiative {} {side}", i.number)),
                            WarningKind::UnreadableMonths { expression, reason },
                        ));
                    }
                    stack.extend(e.subs.iter());
                }
            }
        }
    }
    for u in &report.unread {
        out.push(Warning::new(
            Location::row(u.row),
            WarningKind::SourceNotUnderstood {
                text: u.text.clone(),
            },
        ));
    }
    out.extend(super::text_place::invisible_characters(report));
    out
}

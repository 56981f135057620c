//! The import's warning list, kept to a bound: past [`MAX_WARNINGS`] only a count. The table,
//! workbook and numbers readers all add through it (a file of its own, so that none of them
//! reaches into another for it).

use crate::model::bounds::MAX_WARNINGS;
use crate::model::diag::{Location, Warning, WarningKind};

/// Adds a warning to a list of at most [`MAX_WARNINGS`] (and the count of those past it).
pub(super) fn push_warning(warnings: &mut Vec<Warning>, warning: Warning) {
    if warnings.len() < MAX_WARNINGS {
        warnings.push(warning);
        return;
    }
    match warnings.last_mut() {
        Some(Warning {
            kind: WarningKind::NotListed { count },
            ..
        }) => *count += 1,
        _ => warnings.push(Warning::new(
            Location::default(),
            WarningKind::NotListed { count: 1 },
        )),
    }
}

/// Adds to the list the count of `more` warnings of a kind left unlisted by the reader that
/// found them (beyond its own bound: each was counted, not kept).
pub(super) fn push_not_listed(warnings: &mut Vec<Warning>, more: usize) {
    if more == 0 {
        return;
    }
    match warnings.last_mut() {
        Some(Warning {
            kind: WarningKind::NotListed { count },
            ..
        }) => *count += more,
        _ => warnings.push(Warning::new(
            Location::default(),
            WarningKind::NotListed { count: more },
        )),
    }
}

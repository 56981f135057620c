//! An initiative's own 担当課 as read from its cell.

use std::collections::{HashMap, HashSet};

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

//! The topics of an initiative's row: the 年次計画 and 実績 cells name them by their headings,
//! and one topic holds both sides.

use std::collections::HashMap;

use crate::model::{Entry, Id, Topic};

/// Plan and actual cells name the same topics by their headings; one topic holds both sides
/// (the first topic of a heading written twice). A topic the actual cell names first (results
/// only, or none) goes after the topic named before it there: appended, it moved to the end
/// when an export was read back.
pub(super) fn merge_topics(
    topics: &mut Vec<Topic>,
    groups: Vec<(Option<String>, Vec<Entry>)>,
    plan: bool,
) {
    let mut by_heading: HashMap<Option<String>, usize> = HashMap::new();
    for (k, t) in topics.iter().enumerate() {
        by_heading.entry(t.heading.clone()).or_insert(k);
    }
    let known = topics.len();
    // Each new topic, by the topic named before it in the cell (none: it came first).
    let mut after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut before: Option<usize> = None;
    for (heading, entries) in groups {
        let index = match by_heading.get(&heading) {
            Some(&i) => i,
            None => {
                topics.push(empty_topic(heading.clone()));
                by_heading.insert(heading, topics.len() - 1);
                after.entry(before).or_default().push(topics.len() - 1);
                topics.len() - 1
            }
        };
        before = Some(index);
        let side = if plan {
            &mut topics[index].plan
        } else {
            &mut topics[index].actual
        };
        side.extend(entries);
    }
    if !plan && topics.len() > known {
        place_after(topics, known, &after);
    }
}

/// Puts each topic from `known` on right after the one it follows in `after` (those following
/// none after the topic without a heading, which a cell writes first), in one pass.
fn place_after(topics: &mut Vec<Topic>, known: usize, after: &HashMap<Option<usize>, Vec<usize>>) {
    let mut order = Vec::with_capacity(topics.len());
    // Depth first, without recursion: a new topic may follow one that is new itself.
    let emit = |first: Option<usize>, order: &mut Vec<usize>| {
        let mut stack: Vec<Option<usize>> = vec![first];
        while let Some(at) = stack.pop() {
            order.extend(at);
            stack.extend(after.get(&at).into_iter().flatten().rev().map(|&k| Some(k)));
        }
    };
    let lead = usize::from(known > 0 && topics[0].heading.is_none());
    for k in 0..lead {
        emit(Some(k), &mut order);
    }
    emit(None, &mut order);
    for k in lead..known {
        emit(Some(k), &mut order);
    }
    let mut slots: Vec<Option<Topic>> = std::mem::take(topics).into_iter().map(Some).collect();
    topics.extend(order.into_iter().filter_map(|k| slots[k].take()));
}

pub(super) fn empty_topic(heading: Option<String>) -> Topic {
    Topic {
        id: Id(0),
        heading,
        division: None,
        plan: Vec::new(),
        actual: Vec::new(),
    }
}

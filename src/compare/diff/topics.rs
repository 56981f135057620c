//! The topics of a paired initiative: heading, division and status; their entries are compared
//! in `entries.rs`, the links between them last.

use std::collections::HashMap;

use super::Cx;
use super::pairing::{Keys, heading_key, pair, similarity};
use crate::compare::{StatusOf, What};
use crate::model::status::topic_status;
use crate::model::text::normalize;
use crate::model::{Entry, Id, Initiative, Side, Topic};

impl<'a> Cx<'a> {
    pub(super) fn topics(&mut self, oi: &'a Initiative, ni: &'a Initiative) {
        let heading = |t: &Topic| heading_key(t);
        let sim = |a: &Topic, b: &Topic| similarity(&heading_key(a), &heading_key(b));
        let p = pair(
            &oi.topics,
            &ni.topics,
            self.lineage,
            &Keys {
                id: &|t: &Topic| t.id,
                texts: &[&heading],
                similar: Some(&sim),
            },
        );
        // Old entry id → new entry id, for comparing links.
        let mut entry_map: HashMap<Id, Id> = HashMap::new();
        let mut result_pairs: Vec<(&Entry, &Entry)> = Vec::new();
        let mut added = p.added.iter().peekable();
        for &(i, j) in &p.pairs {
            while let Some(&&k) = added.peek()
                && k < j
            {
                added.next();
                self.topic_added(ni, k);
            }
            let (Some(a), Some(b)) = (oi.topics.get(i), ni.topics.get(j)) else {
                continue;
            };
            self.place.topic = b.heading.clone();
            if heading_key(a) != heading_key(b) {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::TopicChanged {
                        field: "heading",
                        old: a.heading.clone(),
                        new: b.heading.clone(),
                    },
                );
            }
            let division = |t: &Topic| t.division.as_deref().map(normalize);
            if division(a) != division(b) {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::TopicChanged {
                        field: "division",
                        old: a.division.clone(),
                        new: b.division.clone(),
                    },
                );
            }
            let (so, sn) = (
                topic_status(oi, a, self.old_as_of),
                topic_status(ni, b, self.new_as_of),
            );
            if so != sn {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::StatusChanged {
                        of: StatusOf::Topic,
                        old: so,
                        new: sn,
                    },
                );
            }
            for side in [Side::Plan, Side::Actual] {
                self.entries(
                    side,
                    a.entries(side),
                    b.entries(side),
                    &mut entry_map,
                    &mut result_pairs,
                );
            }
        }
        for k in added {
            self.topic_added(ni, *k);
        }
        for i in p.removed {
            if let Some(a) = oi.topics.get(i) {
                self.place.topic = a.heading.clone();
                self.push(
                    Some(a.id),
                    None,
                    What::TopicRemoved {
                        heading: a.heading.clone(),
                    },
                );
            }
        }
        self.place.topic = None;
        self.links(&entry_map, &result_pairs);
    }

    pub(super) fn topic_added(&mut self, ni: &Initiative, k: usize) {
        if let Some(b) = ni.topics.get(k) {
            self.place.topic = b.heading.clone();
            self.push(
                None,
                Some(b.id),
                What::TopicAdded {
                    heading: b.heading.clone(),
                },
            );
        }
    }
}

//! Finding things in a report by id, and handing out ids: the one walk over sections,
//! initiatives, items, topics and entries (with their sub-items) that edits, views and exports
//! share.

use super::{ActionItem, Entry, Id, Initiative, Report, Side, ThinVec, Topic};

/// Where an entry sits: its topic, its side, the entry it is a sub-item of, and its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryPlace {
    pub topic: Id,
    pub side: Side,
    pub parent: Option<Id>,
    pub index: usize,
}

impl Report {
    /// Entries held, plan and results, sub-items too: what opening, laying out or recovering
    /// the report costs, and what a recovery copy says it holds.
    pub fn entry_count(&self) -> usize {
        (self.initiatives().flat_map(|i| &i.topics))
            .flat_map(|t| t.plan.iter().chain(&t.actual))
            .map(|e| e.and_subs().count())
            .sum()
    }

    pub fn initiative(&self, id: Id) -> Option<&Initiative> {
        self.initiatives().find(|i| i.id == id)
    }

    pub fn initiative_mut(&mut self, id: Id) -> Option<&mut Initiative> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.initiatives.iter_mut())
            .find(|i| i.id == id)
    }

    pub fn item(&self, id: Id) -> Option<&ActionItem> {
        self.initiatives()
            .flat_map(|i| i.items.iter())
            .find(|x| x.id == id)
    }

    pub fn item_mut(&mut self, id: Id) -> Option<&mut ActionItem> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.initiatives.iter_mut())
            .flat_map(|i| i.items.iter_mut())
            .find(|x| x.id == id)
    }

    pub fn topic(&self, id: Id) -> Option<&Topic> {
        self.initiatives()
            .flat_map(|i| i.topics.iter())
            .find(|t| t.id == id)
    }

    pub fn topic_mut(&mut self, id: Id) -> Option<&mut Topic> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.initiatives.iter_mut())
            .flat_map(|i| i.topics.iter_mut())
            .find(|t| t.id == id)
    }

    /// The initiative a topic belongs to, and the topic's index in it.
    pub fn topic_place(&self, id: Id) -> Option<(Id, usize)> {
        self.initiatives()
            .find_map(|i| i.topics.iter().position(|t| t.id == id).map(|k| (i.id, k)))
    }

    /// The initiative holding a topic.
    pub fn initiative_of_topic(&self, topic: Id) -> Option<&Initiative> {
        self.initiatives()
            .find(|i| i.topics.iter().any(|t| t.id == topic))
    }

    pub fn entry(&self, id: Id) -> Option<&Entry> {
        self.initiatives()
            .flat_map(|i| i.topics.iter())
            .find_map(|t| {
                Entry::all_in(&t.plan)
                    .chain(Entry::all_in(&t.actual))
                    .find(|e| e.id == id)
            })
    }

    pub fn entry_mut(&mut self, id: Id) -> Option<&mut Entry> {
        fn walk(list: &mut [Entry], id: Id) -> Option<&mut Entry> {
            for e in list {
                if e.id == id {
                    return Some(e);
                }
                if let Some(found) = walk(&mut e.subs, id) {
                    return Some(found);
                }
            }
            None
        }
        self.sections
            .iter_mut()
            .flat_map(|s| s.initiatives.iter_mut())
            .flat_map(|i| i.topics.iter_mut())
            .find_map(|t| walk(&mut t.plan, id).or_else(|| walk(&mut t.actual, id)))
    }

    pub fn entry_place(&self, id: Id) -> Option<EntryPlace> {
        fn find_in(list: &[Entry], id: Id, parent: Option<Id>) -> Option<(Option<Id>, usize)> {
            list.iter().enumerate().find_map(|(k, e)| {
                if e.id == id {
                    Some((parent, k))
                } else {
                    find_in(&e.subs, id, Some(e.id))
                }
            })
        }
        self.initiatives()
            .flat_map(|i| i.topics.iter())
            .find_map(|topic| {
                [Side::Plan, Side::Actual].into_iter().find_map(|side| {
                    find_in(topic.entries(side), id, None).map(|(parent, index)| EntryPlace {
                        topic: topic.id,
                        side,
                        parent,
                        index,
                    })
                })
            })
    }

    /// The list an entry at `place` lives in.
    pub fn entry_list_mut(
        &mut self,
        topic: Id,
        side: Side,
        parent: Option<Id>,
    ) -> Option<EntryList<'_>> {
        match parent {
            Some(p) => self.entry_mut(p).map(|e| EntryList::Subs(&mut e.subs)),
            None => self
                .topic_mut(topic)
                .map(|t| EntryList::Topic(t.entries_mut(side))),
        }
    }

    /// The id [`Report::allocate_id`] hands out next.
    pub fn next_id(&self) -> u64 {
        self.next_id
    }

    /// Takes back the ids handed out since `next` was the next one, or hands them out again:
    /// for the history, whose undo and redo know which ids a step made, and for a builder
    /// whose edit was not applied.
    pub(crate) fn restore_next_id(&mut self, next: u64) {
        self.next_id = next;
    }

    pub fn allocate_id(&mut self) -> Id {
        let id = Id(self.next_id);
        self.next_id += 1;
        id
    }

    /// Fresh ids for an entry and its sub-items (a new or copied entry).
    pub fn give_new_ids(&mut self, entry: &mut Entry) {
        entry.id = self.allocate_id();
        for sub in &mut entry.subs {
            self.give_new_ids(sub);
        }
    }

    /// Fresh ids for an initiative and everything in it (a copied initiative). Its results'
    /// links to its plan entries follow the new ids.
    pub fn give_new_ids_to_initiative(&mut self, initiative: &mut Initiative) {
        initiative.id = self.allocate_id();
        for item in &mut initiative.items {
            item.id = self.allocate_id();
        }
        let mut renamed = std::collections::HashMap::new();
        for t in &mut initiative.topics {
            t.id = self.allocate_id();
            for e in t.plan.iter_mut() {
                let old: Vec<Id> = e.and_subs().map(|e| e.id).collect();
                self.give_new_ids(e);
                renamed.extend(old.into_iter().zip(e.and_subs().map(|e| e.id)));
            }
            for e in t.actual.iter_mut() {
                self.give_new_ids(e);
            }
        }
        // Links only ever point into the same initiative (checked on open).
        if !renamed.is_empty() {
            for t in &mut initiative.topics {
                for e in t.actual.iter_mut() {
                    relink(e, &renamed);
                }
            }
        }
    }

    /// Numbers everything from 1 in document order, so the same table always gives the same
    /// ids (import does this once).
    pub fn number_in_document_order(&mut self) {
        self.next_id = 1;
        let mut sections = std::mem::take(&mut self.sections);
        for s in &mut sections {
            s.id = self.allocate_id();
            for i in &mut s.initiatives {
                self.give_new_ids_to_initiative(i);
            }
        }
        self.sections = sections;
    }
}

/// A list entries live in: a topic's plan or results, or an entry's sub-items (kept thin, as
/// most entries have none).
pub enum EntryList<'a> {
    Topic(&'a mut Vec<Entry>),
    Subs(&'a mut ThinVec<Entry>),
}

impl EntryList<'_> {
    pub fn len(&self) -> usize {
        match self {
            EntryList::Topic(l) => l.len(),
            EntryList::Subs(l) => l.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn insert(&mut self, index: usize, entry: Entry) {
        match self {
            EntryList::Topic(l) => l.insert(index, entry),
            EntryList::Subs(l) => l.insert(index, entry),
        }
    }

    pub fn remove(&mut self, index: usize) -> Entry {
        match self {
            EntryList::Topic(l) => l.remove(index),
            EntryList::Subs(l) => l.remove(index),
        }
    }
}

impl Topic {
    pub fn entries_mut(&mut self, side: Side) -> &mut Vec<Entry> {
        match side {
            Side::Plan => &mut self.plan,
            Side::Actual => &mut self.actual,
        }
    }
}

impl Entry {
    /// Every entry of a list and their sub-items, depth first in written order.
    pub fn all_in(list: &[Entry]) -> impl Iterator<Item = &Entry> {
        list.iter().flat_map(Entry::and_subs)
    }

    /// This entry, then its sub-items, depth first in written order. Without recursion: a
    /// crafted file's nesting is as deep as its reader allowed.
    pub fn and_subs(&self) -> impl Iterator<Item = &Entry> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let e = stack.pop()?;
            stack.extend(e.subs.iter().rev());
            Some(e)
        })
    }
}

/// A result's links (and its sub-items') moved to the plan entries' new ids.
fn relink(entry: &mut Entry, renamed: &std::collections::HashMap<Id, Id>) {
    for id in &mut entry.reports {
        if let Some(new) = renamed.get(id) {
            *id = *new;
        }
    }
    for sub in &mut entry.subs {
        relink(sub, renamed);
    }
}

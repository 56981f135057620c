//! Edits built against a report but applied later, whose new entries carry provisional ids.

use std::collections::HashMap;

use super::Edit;
use crate::model::{Entry, Id, Report};

/// An edit made away from the report (answers taken in), its new entries numbered
/// provisionally from `fresh_from`: they are given real ids from the report's next id when it
/// is applied, so edits made in between do not collide with them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvisionalEdit {
    pub edit: Edit,
    pub fresh_from: u64,
}

impl ProvisionalEdit {
    /// The edit with its provisional ids replaced by ids handed out by `report`.
    pub(crate) fn into_edit(self, report: &mut Report) -> Edit {
        let ProvisionalEdit {
            mut edit,
            fresh_from,
        } = self;
        let mut map = HashMap::new();
        renumber(&mut edit, fresh_from, &mut |old| {
            *map.entry(old).or_insert_with(|| report.allocate_id())
        });
        // Links to provisional plan entries follow them; a link to one not taken is dropped.
        relink(&mut edit, &|id| {
            if id.0 >= fresh_from {
                map.get(&id).copied()
            } else {
                Some(id)
            }
        });
        edit
    }
}

fn each_entry(edit: &mut Edit, f: &mut dyn FnMut(&mut Entry)) {
    fn walk(e: &mut Entry, f: &mut dyn FnMut(&mut Entry)) {
        f(e);
        for s in &mut e.subs {
            walk(s, f);
        }
    }
    match edit {
        Edit::SetEntries { entries, .. } => entries.iter_mut().for_each(|e| walk(e, f)),
        Edit::InsertEntry { entry, .. } | Edit::ReplaceEntry { entry } => walk(entry, f),
        Edit::Batch(list) => list.iter_mut().for_each(|e| each_entry(e, f)),
        _ => {}
    }
}

fn renumber(edit: &mut Edit, fresh_from: u64, fresh: &mut dyn FnMut(Id) -> Id) {
    each_entry(edit, &mut |e| {
        if e.id.0 >= fresh_from {
            e.id = fresh(e.id);
        }
    });
}

fn relink(edit: &mut Edit, map: &dyn Fn(Id) -> Option<Id>) {
    each_entry(edit, &mut |e| {
        e.reports = e.reports.iter().filter_map(|&p| map(p)).collect();
    });
}

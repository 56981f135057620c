//! Reporting periods a report has been carried through (次の期間へ): which results belong to an
//! earlier half of the year, and the 年次計画 and results of earlier fiscal years. Kept in the
//! report so that nothing reported is lost and a comparison with an older report can say where
//! each result went.

use super::report::{Entry, Id, Report};

pub use super::report::{ClearedTopic, PastPeriod};

/// Where an earlier result or plan entry is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Archived<'a> {
    pub period: &'a PastPeriod,
    pub topic: &'a ClearedTopic,
    pub entry: &'a Entry,
}

impl Report {
    /// The closed period a result still shown in the report belongs to (`None`: the current
    /// period's).
    pub fn earlier_period_of(&self, result: Id) -> Option<&PastPeriod> {
        self.history
            .iter()
            .find(|p| p.fiscal_year == self.fiscal_year && p.results.contains(&result))
    }

    /// An entry (or sub-item) cleared from the report at a year end, by id.
    pub fn archived(&self, id: Id) -> Option<Archived<'_>> {
        fn walk(list: &[Entry], id: Id) -> Option<&Entry> {
            list.iter().find_map(|e| {
                if e.id == id {
                    Some(e)
                } else {
                    walk(&e.subs, id)
                }
            })
        }
        self.history.iter().find_map(|period| {
            period.cleared.iter().find_map(|topic| {
                walk(&topic.plan, id)
                    .or_else(|| walk(&topic.actual, id))
                    .map(|entry| Archived {
                        period,
                        topic,
                        entry,
                    })
            })
        })
    }

    /// Every id the history holds (cleared entries and their sub-items), so that none is
    /// handed out again.
    pub fn history_ids(&self) -> impl Iterator<Item = Id> + '_ {
        fn walk(list: &[Entry], out: &mut Vec<Id>) {
            for e in list {
                out.push(e.id);
                walk(&e.subs, out);
            }
        }
        self.history.iter().flat_map(|p| {
            let mut out = Vec::new();
            for t in &p.cleared {
                walk(&t.plan, &mut out);
                walk(&t.actual, &mut out);
            }
            out
        })
    }
}

//! Reporting periods a report has been carried through (次の期間へ): which results belong to an
//! earlier half of the year, and the 年次計画 and results of earlier fiscal years. Kept in the
//! report so that nothing reported is lost and a comparison with an older report can say where
//! each result went.

use std::collections::HashSet;

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

impl Report {
    /// Is this result still to be confirmed (要確認)? It was listed when the report rolled into
    /// this half ([`Report::to_confirm`]) and still reads as it did then: 予定, in a month the
    /// closed half had reached. Once it is rewritten — done (no 予定), moved to a later month, or
    /// without months — its 担当課 has answered, so it is no longer asked about; undoing the
    /// rewrite asks again. Listed ids without a closed half of this year (a hand-made file) are
    /// asked about as listed.
    pub fn asks_to_confirm(&self, result: &Entry) -> bool {
        self.to_confirm.contains(&result.id) && self.still_unconfirmed(result)
    }

    /// Has this result, or a sub-item of it, been confirmed in this half: listed to confirm
    /// when the report rolled over, and rewritten since ([`Report::asks_to_confirm`] no
    /// more)? Its 担当課 has answered it in this half.
    pub fn confirmed_in_this_half(&self, result: &Entry) -> bool {
        (self.to_confirm.contains(&result.id) && !self.still_unconfirmed(result))
            || result.subs.iter().any(|s| self.confirmed_in_this_half(s))
    }

    /// The ids of every result [`Report::asks_to_confirm`] about, found in one walk.
    pub fn results_asking_to_confirm(&self) -> HashSet<Id> {
        fn walk(report: &Report, listed: &HashSet<Id>, list: &[Entry], out: &mut HashSet<Id>) {
            for e in list {
                if listed.contains(&e.id) && report.still_unconfirmed(e) {
                    out.insert(e.id);
                }
                walk(report, listed, &e.subs, out);
            }
        }
        let mut out = HashSet::new();
        if self.to_confirm.is_empty() {
            return out;
        }
        let listed: HashSet<Id> = self.to_confirm.iter().copied().collect();
        for topic in self.initiatives().flat_map(|i| i.topics.iter()) {
            walk(self, &listed, &topic.actual, &mut out);
        }
        out
    }

    /// Whether a result listed to confirm is still 予定, as it was when listed
    /// ([`Report::asks_to_confirm`]): rewritten as done (or with no months), it is confirmed.
    pub fn still_unconfirmed(&self, result: &Entry) -> bool {
        result.timing.as_ref().is_some_and(|t| t.scheduled)
    }
}

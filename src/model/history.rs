//! Reporting periods a report has been carried through (次の期間へ): which results belong to an
//! earlier half of the year, and the 年次計画 and results of earlier fiscal years. Kept in the
//! report so that nothing reported is lost and a comparison with an older report can say where
//! each result went.

use serde::{Deserialize, Serialize};

use super::era::FiscalYear;
use super::report::{AsOf, Entry, Id, Period, Report};

/// A reporting period that has been closed by rolling the report over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastPeriod {
    pub fiscal_year: FiscalYear,
    pub period: Period,
    /// The 実績 heading it was reported under: `上半期実績(4月～9月)`.
    pub actual_heading: String,
    pub as_of: AsOf,
    /// The results reported in it (top-level actual entries), by id. While its fiscal year runs
    /// they stay in their topics, shown as this period's; each result is listed under one
    /// period only, so nothing is counted twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Id>,
    /// The fiscal year's 年次計画 and results, taken out of the topics when the report rolled
    /// into the next fiscal year (on the year's last period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cleared: Vec<ClearedTopic>,
}

/// What one topic held when its fiscal year was closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClearedTopic {
    /// The topic, still in the report (topics are kept across years).
    pub topic: Id,
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actual: Vec<Entry>,
}

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

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
    /// The closed periods of this fiscal year by the results they reported (a result listed
    /// twice, by the first): found once, where each result searching the history for itself
    /// was quadratic (a history listing a million results).
    pub fn earlier_periods(&self) -> std::collections::HashMap<Id, &PastPeriod> {
        let mut out = std::collections::HashMap::new();
        for p in self
            .history
            .iter()
            .filter(|p| p.fiscal_year == self.fiscal_year)
        {
            for &id in &p.results {
                out.entry(id).or_insert(p);
            }
        }
        out
    }

    /// Results an earlier period of this fiscal year reported (they keep that period's
    /// months, and are not this period's answers).
    pub fn earlier_results(&self) -> std::collections::HashSet<Id> {
        (self.history.iter())
            .filter(|p| p.fiscal_year == self.fiscal_year)
            .flat_map(|p| p.results.iter().copied())
            .collect()
    }

    /// The closed period a result still shown in the report belongs to (`None`: the current
    /// period's).
    pub fn earlier_period_of(&self, result: Id) -> Option<&PastPeriod> {
        self.history
            .iter()
            .find(|p| p.fiscal_year == self.fiscal_year && p.results.contains(&result))
    }

    /// An entry (or sub-item) cleared from the report at a year end, by id.
    pub fn archived(&self, id: Id) -> Option<Archived<'_>> {
        self.history.iter().find_map(|period| {
            period.cleared.iter().find_map(|topic| {
                (Entry::all_in(&topic.plan).chain(Entry::all_in(&topic.actual)))
                    .find(|e| e.id == id)
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
        (self.history.iter().flat_map(|p| &p.cleared))
            .flat_map(|t| Entry::all_in(&t.plan).chain(Entry::all_in(&t.actual)))
            .map(|e| e.id)
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
        (result.and_subs()).any(|e| self.to_confirm.contains(&e.id) && !self.still_unconfirmed(e))
    }

    /// The ids of every result [`Report::asks_to_confirm`] about, found in one walk.
    pub fn results_asking_to_confirm(&self) -> HashSet<Id> {
        if self.to_confirm.is_empty() {
            return HashSet::new();
        }
        let listed: HashSet<Id> = self.to_confirm.iter().copied().collect();
        (self.initiatives().flat_map(|i| i.topics.iter()))
            .flat_map(|topic| Entry::all_in(&topic.actual))
            .filter(|e| listed.contains(&e.id) && self.still_unconfirmed(e))
            .map(|e| e.id)
            .collect()
    }

    /// Whether a result listed to confirm is still 予定, as it was when listed
    /// ([`Report::asks_to_confirm`]): rewritten as done (or with no months), it is confirmed.
    pub fn still_unconfirmed(&self, result: &Entry) -> bool {
        result.timing.as_ref().is_some_and(|t| t.scheduled)
    }

    /// The closed first half of this fiscal year while a later period of it runs (a report
    /// rolled over into its second half or full year): the table and workbook exports write
    /// its results (but those confirmed in this half) in a column of their own, so that read
    /// back each stays in its half.
    pub fn closed_first_half(&self) -> Option<&PastPeriod> {
        use super::Period;
        if self.period == Period::FirstHalf {
            return None;
        }
        (self.history.iter())
            .find(|p| p.fiscal_year == self.fiscal_year && p.period == Period::FirstHalf)
    }

    /// A second-half report read from a table or a workbook: the results dated in months of
    /// the first half only (their sub-items' months when they have none of their
    /// own) are the first half's, carried in the report as rolling over records them. The table
    /// has one 実績 column for both halves (the export writes the first half's results there),
    /// so without this each of them read back as dated outside the period. Nothing is moved or
    /// rewritten: only the closed first half is recorded. A result naming no month (none, 随時
    /// or 通年; nor a sub-item) cannot be told apart: it is read as the second half's, and the
    /// warning returned for it says so.
    pub fn first_half_results_as_earlier(&mut self) -> Vec<super::diag::Warning> {
        use super::diag::{EntryAt, Location, Warning, WarningKind};
        use super::{AsOf, Period};
        if self.period != Period::SecondHalf || !self.history.is_empty() {
            return Vec::new();
        }
        let year = self.fiscal_year;
        let mut undated = Vec::new();
        let mut results = Vec::new();
        for i in self.initiatives() {
            for t in &i.topics {
                for e in &t.actual {
                    if in_first_half_only(e, year) {
                        results.push(e.id);
                    } else if !e.and_subs().any(names_months) {
                        let at = EntryAt {
                            initiative: i.number.clone(),
                            topic: t.heading.clone(),
                            side: super::Side::Actual,
                        };
                        let kind = WarningKind::HalfNotTold {
                            entry: e.text.clone(),
                        };
                        undated.push(Warning::new(Location::entry(at), kind));
                    }
                }
            }
        }
        if results.is_empty() {
            return undated;
        }
        self.history.push(PastPeriod {
            fiscal_year: year,
            period: Period::FirstHalf,
            actual_heading: Period::FirstHalf.actual_heading(),
            as_of: AsOf::end_of(Period::FirstHalf, year),
            results,
            cleared: Vec::new(),
        });
        undated
    }
}

/// Whether an entry's timing names months (「(6月)」; not 随時 or 通年, nor none).
fn names_months(e: &Entry) -> bool {
    (e.timing.as_ref())
        .is_some_and(|t| t.kind == super::months::TimingKind::Months && !t.months.is_empty())
}

/// Whether a result's months — its own, or else every dated sub-item's — are all months of
/// the first half of `year`: 通年 or 随時 never.
fn in_first_half_only(e: &Entry, year: super::FiscalYear) -> bool {
    use super::Period;
    use super::months::{TimingKind, fiscal_years_written};
    let first_half = Period::FirstHalf.months();
    let own = |e: &Entry| -> Option<bool> {
        let t = e.timing.as_ref()?;
        // 「(6月～)」 and a 予定 begun in the first half (「(9月～12月予定)」, asked about in the
        // second half) by their first month: reported in the first half.
        let months = match (t.open_end || t.scheduled, t.months.first()) {
            (true, Some(m)) => super::MonthSet::from_fiscal_indices([m]),
            _ => t.months,
        };
        let years = e.when.as_deref().map(fiscal_years_written);
        Some(
            t.kind == TimingKind::Months
                && !months.is_empty()
                && months.intersect(first_half) == months
                && years.is_none_or(|y| y.iter().all(|&y| y == year.0)),
        )
    };
    match own(e) {
        Some(first_half_only) => first_half_only,
        None => {
            let dated: Vec<bool> = e.subs.iter().filter_map(own).collect();
            !dated.is_empty() && dated.iter().all(|&b| b)
        }
    }
}

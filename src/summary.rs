//! What `shinchoku check` prints: counts, every initiative with its divisions and entries, and
//! every warning. The JSON form is what scripts and tests read.

use serde::Serialize;

pub mod measures;

use crate::compare::confirm::{ToConfirm, count, results_to_confirm};
use crate::lang::{Describe, Lang};
use crate::model::diag::Warning;
use crate::model::links;
use crate::model::status::{initiative_status, line_statuses};
use crate::model::{Entry, EntryKind, Initiative, Report, Section, Side};

/// Borrowed from the report: a summary of a report with long texts (a heading of 300,000
/// characters over 1,000 entries) holds each text once, not once per entry that names it.
#[derive(Debug, Serialize)]
pub struct ReportSummary<'a> {
    pub title: String,
    pub programme: String,
    pub fiscal_year: i32,
    pub fiscal_year_era: String,
    pub period: &'static str,
    /// The as-of date in force (時点), `2017-09-30`.
    pub as_of: String,
    pub plan_years: [i32; 2],
    pub sections: usize,
    pub initiatives: usize,
    pub action_items: usize,
    pub initiative_list: Vec<InitiativeSummary<'a>>,
    pub warnings: Vec<String>,
    /// The report's identity (answers to a survey are matched by it).
    pub id: String,
    /// In a response: the 担当課 it was sent to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_for: Option<String>,
    /// 提出状況: a row per 担当課, overdue as of today.
    pub survey: Vec<crate::survey::StatusRow>,
    /// The results carried over by 次の期間へ for their 担当課 to confirm (要確認), by id.
    pub to_confirm: Vec<ToConfirm>,
    /// The rating scale the report declares (empty: none).
    pub rating_scale: Vec<measures::LevelSummary>,
    /// Ratings per code and the effects' totals.
    pub summary: measures::MeasureTotals,
}

#[derive(Debug, Serialize)]
pub struct InitiativeSummary<'a> {
    pub number: String,
    pub section: String,
    pub title: String,
    /// `done`, `in_progress`, `late`, `scheduled`, `not_started`, as of the report's date.
    pub status: &'static str,
    pub action_items: usize,
    /// The action items (取組項目) with their stages, lane by lane.
    pub items: Vec<ItemSummary>,
    pub divisions: Vec<String>,
    pub plan: Vec<EntrySummary<'a>>,
    pub actual: Vec<EntrySummary<'a>>,
    /// Every plan line (plan entries and sub-items), with where it stands and what reports it.
    pub plan_lines: Vec<PlanLineSummary<'a>>,
    /// 数値目標, with 達成率 for the report's fiscal year.
    pub indicators: Vec<measures::IndicatorSummary>,
    /// 効果額 per fiscal year, in yen.
    pub effects: Vec<measures::EffectSummary>,
    pub rating: measures::RatingSummary,
}

#[derive(Debug, Serialize)]
pub struct ItemSummary {
    /// As the stage table writes it (`□` included where it is ticked).
    pub name: String,
    /// Each lane's stages: the years as the report names them (`29年度～31年度`) and the cell
    /// as written (`→ 実施`).
    pub stages: Vec<Vec<StageSummary>>,
}

#[derive(Debug, Serialize)]
pub struct StageSummary {
    pub years: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct EntrySummary<'a> {
    pub topic: Option<&'a str>,
    /// Its topic's 担当課, `、` between them where several share it.
    pub division: Option<String>,
    pub text: &'a str,
    /// Calendar month numbers in fiscal order (April first).
    pub months: Vec<u8>,
    pub scheduled: bool,
    /// A status text such as `(H28 年度達成済、継続実施)` rather than an activity.
    pub status_text: bool,
    /// A plan entry that is a plan line: where it stands (see `PlanLineSummary::status`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// A plan entry: the texts of the results that report it. A result: the texts of the plan
    /// entries it reports (empty: 計画外, unless it is part of a result that reports one).
    pub linked: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct PlanLineSummary<'a> {
    pub topic: Option<&'a str>,
    pub text: &'a str,
    pub months: Vec<u8>,
    /// `done`, `in_progress`, `late`, `scheduled`, `ongoing` (随時, nothing reported yet) or
    /// `ongoing_met`.
    pub status: &'static str,
    /// The texts of the results that report it.
    pub reported_by: Vec<&'a str>,
}

fn initiative_summary<'a>(
    report: &'a Report,
    section: &'a Section,
    i: &'a Initiative,
) -> InitiativeSummary<'a> {
    let as_of = report.fiscal_as_of();
    let lines = line_statuses(i, as_of);
    // Each plan line's status by its id: found once per entry, so not searched for (a cell of
    // 80,000 plan lines took 15 s to check).
    let status_of: std::collections::HashMap<crate::model::Id, &'static str> =
        lines.iter().map(|(_, l, s)| (l.id, s.key())).collect();
    let reported = links::reported_by(i);
    let plan_entries: std::collections::HashMap<crate::model::Id, &'a Entry> =
        (i.topics.iter().flat_map(|t| &t.plan))
            .flat_map(Entry::and_subs)
            .map(|e| (e.id, e))
            .collect();
    let texts = |list: &[&'a Entry]| list.iter().map(|e| e.text.as_str()).collect::<Vec<_>>();
    let side = |side: Side| {
        i.topics
            .iter()
            .flat_map(|t| t.entries(side).iter().map(move |e| (t, e)))
            .map(
                |(t, e): (&'a crate::model::Topic, &'a Entry)| EntrySummary {
                    topic: t.heading.as_deref(),
                    division: Some(i.division_names(t)).filter(|d| !d.is_empty()),
                    text: &e.text,
                    months: e.covered_months().calendar_months(),
                    scheduled: e.scheduled(),
                    status_text: e.kind == EntryKind::Status,
                    status: status_of.get(&e.id).copied(),
                    linked: match side {
                        Side::Plan => reported.get(&e.id).map_or_else(Vec::new, |r| texts(r)),
                        Side::Actual => e
                            .reports
                            .iter()
                            // Links stay within the initiative: looked up there, not in the
                            // whole report (once per link, that was quadratic in its size).
                            .filter_map(|p| plan_entries.get(p).copied())
                            .map(|p| p.text.as_str())
                            .collect(),
                    },
                },
            )
            .collect()
    };
    let topic_of = |id| {
        i.topics
            .iter()
            .find(|t| t.id == id)
            .and_then(|t| t.heading.as_deref())
    };
    InitiativeSummary {
        number: i.number.clone(),
        section: section.numeral.clone(),
        title: i.title.clone(),
        status: initiative_status(i, as_of).key(),
        action_items: i.items.len(),
        items: i
            .items
            .iter()
            .map(|item| ItemSummary {
                name: item.display_name(),
                stages: item
                    .lanes
                    .iter()
                    .map(|lane| {
                        lane.iter()
                            .map(|s| StageSummary {
                                years: s.years_text(report.fiscal_year),
                                text: s.source.clone(),
                            })
                            .collect()
                    })
                    .collect(),
            })
            .collect(),
        divisions: i.all_divisions().into_iter().map(str::to_string).collect(),
        plan: side(Side::Plan),
        actual: side(Side::Actual),
        plan_lines: lines
            .iter()
            .map(|(topic, line, status)| PlanLineSummary {
                topic: topic_of(*topic),
                text: &line.text,
                months: line.covered_months().calendar_months(),
                status: status.key(),
                reported_by: reported.get(&line.id).map_or_else(Vec::new, |r| texts(r)),
            })
            .collect(),
        indicators: measures::indicators(i, report.fiscal_year),
        effects: measures::effects(i.measures()),
        rating: measures::rating(i.measures()),
    }
}

impl<'a> ReportSummary<'a> {
    pub fn new(report: &'a Report, warnings: &[Warning]) -> ReportSummary<'a> {
        let initiative_list = report
            .sections
            .iter()
            .flat_map(|s| s.initiatives.iter().map(move |i| (s, i)))
            .map(|(section, i)| initiative_summary(report, section, i))
            .collect();
        ReportSummary {
            title: report.title.clone(),
            programme: report.programme.clone(),
            fiscal_year: report.fiscal_year.0,
            fiscal_year_era: report.fiscal_year.era_form(),
            period: report.period.key(),
            as_of: report.as_of().to_iso(report.fiscal_year),
            plan_years: [report.plan_years.first.0, report.plan_years.last.0],
            sections: report.sections.len(),
            initiatives: report.initiative_count(),
            action_items: report.action_item_count(),
            initiative_list,
            warnings: warnings.iter().map(ToString::to_string).collect(),
            id: report.id.0.clone(),
            response_for: report.response.as_ref().map(|r| r.division.clone()),
            survey: crate::survey::status_rows(report, chrono::Local::now().date_naive()),
            to_confirm: results_to_confirm(report),
            rating_scale: measures::scale(report),
            summary: measures::totals(report),
        }
    }

    /// The human-readable summary.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{}\n  年度: {} ({})   期間: {}   工程: FY{}–FY{}\n  {} sections, {} initiatives, {} action items\n",
            self.title,
            self.fiscal_year_era,
            self.fiscal_year,
            self.period,
            self.plan_years[0],
            self.plan_years[1],
            self.sections,
            self.initiatives,
            self.action_items
        );
        for i in &self.initiative_list {
            out.push_str(&format!(
                "  {:>3} {}  [{} items; plan {}, actual {}; {}]\n",
                i.number,
                i.title,
                i.action_items,
                i.plan.len(),
                i.actual.len(),
                i.divisions.join("、")
            ));
        }
        if !self.to_confirm.is_empty() {
            out.push_str(&format!("{}:\n", count(self.to_confirm.len(), Lang::En)));
            for c in &self.to_confirm {
                out.push_str(&format!("  {}\n", c.describe(Lang::En)));
            }
        }
        if self.warnings.is_empty() {
            out.push_str("no warnings\n");
        } else {
            out.push_str(&format!("{} warning(s):\n", self.warnings.len()));
            for w in &self.warnings {
                out.push_str(&format!("  warning: {w}\n"));
            }
        }
        out
    }
}

//! The report as data: sections → initiatives → action items (stage plan over fiscal years) and
//! topics (plan versus actual entries). Every piece of text is kept as written.

use serde::{Deserialize, Serialize};
pub use thin_vec::{ThinVec, thin_vec};

use super::era::FiscalYear;
pub use super::id::Id;
use super::measures::{Indicator, Measures};
use super::months::{MonthSet, Timing};
pub use super::period::Period;

/// An as-of date with its fiscal year: a result done is one dated in a month of this year
/// that has begun by the date (a result dated 「R1.6月」 is done in no month of FY2017).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FiscalAsOf {
    pub fiscal_year: FiscalYear,
    pub as_of: AsOf,
}

impl FiscalAsOf {
    /// The months of the year that have begun by the date.
    pub fn passed(self) -> MonthSet {
        self.as_of.passed()
    }
}

/// A day of the report's fiscal year: the results are as of this date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsOf {
    /// Calendar month, 1–12.
    pub month: u8,
    pub day: u8,
}

impl AsOf {
    /// The last day of the period's last month (30 September for a first-half report).
    pub fn end_of(period: Period, fiscal_year: FiscalYear) -> AsOf {
        let last = period.months().last().unwrap_or(11);
        let month = super::months::FISCAL_MONTHS[last];
        AsOf {
            month,
            day: days_in_month(fiscal_year.calendar_year_of(month), month),
        }
    }

    /// A day of `fiscal_year` written as offices write a date: `2018-03-31`, `2018/3/31`,
    /// `2018年3月31日`, `平成30年3月31日`, full-width digits too. `None` for anything else, and
    /// for a day outside the fiscal year.
    pub fn read(text: &str, fiscal_year: FiscalYear) -> Option<AsOf> {
        use chrono::Datelike;
        let d = super::era::read_date(text)?;
        AsOf::of_day((d.year(), d.month() as u8, d.day() as u8), fiscal_year)
    }

    /// The day `(year, month, day)` where it is one of `fiscal_year`.
    pub fn of_day((year, month, day): (i32, u8, u8), fiscal_year: FiscalYear) -> Option<AsOf> {
        let within = (1..=12).contains(&month)
            && fiscal_year.calendar_year_of(month) == year
            && (1..=days_in_month(year, month)).contains(&day);
        within.then_some(AsOf { month, day })
    }

    /// Fiscal index of the month (0 = April).
    pub fn fiscal_month(self) -> usize {
        super::months::fiscal_index(self.month).unwrap_or(11)
    }

    /// The months that have begun by this date: the as-of month itself counts as passed.
    pub fn passed(self) -> MonthSet {
        MonthSet::from_fiscal_indices(0..=self.fiscal_month())
    }

    /// Where the date falls in fiscal months (0.0 = 1 April, 12.0 = end of March), for drawing.
    pub fn position(self, fiscal_year: FiscalYear) -> f32 {
        let days = days_in_month(fiscal_year.calendar_year_of(self.month), self.month) as f32;
        self.fiscal_month() as f32 + (self.day as f32 / days).min(1.0)
    }

    /// `2017-09-30`.
    pub fn to_iso(self, fiscal_year: FiscalYear) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            fiscal_year.calendar_year_of(self.month),
            self.month,
            self.day
        )
    }

    /// `2017年9月30日`.
    pub fn to_japanese(self, fiscal_year: FiscalYear) -> String {
        format!(
            "{}年{}月{}日",
            fiscal_year.calendar_year_of(self.month),
            self.month,
            self.day
        )
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The fiscal years the stage plan covers (FY28–31 in the seed): a range, not fixed columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub first: FiscalYear,
    pub last: FiscalYear,
}

impl YearRange {
    pub fn years(self) -> impl Iterator<Item = FiscalYear> {
        (self.first.0..=self.last.0).map(FiscalYear)
    }

    pub fn len(self) -> usize {
        // In i64: a range read from a damaged file must not overflow while being checked.
        (i64::from(self.last.0) - i64::from(self.first.0) + 1).max(0) as usize
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    pub fn index_of(self, year: FiscalYear) -> Option<usize> {
        (self.first <= year && year <= self.last).then(|| year.0.abs_diff(self.first.0) as usize)
    }
}

/// The column headings of the report as written (`平成 29 年度 年次計画`, `上半期実績(4月～9月)`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub plan: String,
    pub actual: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The title line as written.
    pub title: String,
    /// The programme's name (the 「…」 of the title).
    pub programme: String,
    pub fiscal_year: FiscalYear,
    pub period: Period,
    pub plan_years: YearRange,
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_default")]
    pub headings: Headings,
    /// The date the results are reported as of; `None` means the end of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    pub sections: Vec<Section>,
    /// Rows and fields of the source that were not understood, kept as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<UnreadText>,
    /// The next id to hand out; never reused. The model's own: ids are handed out by
    /// [`Report::allocate_id`] only, so none is given twice.
    pub(super) next_id: u64,
    /// Periods closed by rolling the report over (次の期間へ), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PastPeriod>,
    /// Results marked 予定 whose months had passed when the report was rolled over: the
    /// divisions are asked to confirm them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_confirm: Vec<Id>,
    /// The report's identity, kept across saves and rollovers (answers are matched by it).
    #[serde(default, skip_serializing_if = "super::survey::ReportId::is_unset")]
    pub id: super::survey::ReportId,
    /// Set in a response sent to one 担当課: whom it is for, and what it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<super::survey::ResponseFor>,
    /// In the master: each 担当課's part in the survey (提出状況), in division-name order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey: Vec<super::survey::DivisionSurvey>,
    /// The rating scale, money unit and effect counting the report declares (none: Mie's).
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_default")]
    pub measure_settings: super::measures::MeasureSettings,
}

/// Text of the source the importer did not understand, kept so that nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnreadText {
    /// 1-based row of the source table.
    pub row: usize,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Id,
    /// The numeral as written: `I`, `II`, `Ⅲ`.
    pub numeral: String,
    /// Its value: 1, 2, 3.
    pub number: u32,
    pub title: String,
    pub initiatives: Vec<Initiative>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub id: Id,
    /// Number across the whole report (1–11 in the seed), as written.
    pub number: String,
    /// The circled label within the section: `①`.
    pub label: String,
    pub title: String,
    pub items: Vec<ActionItem>,
    /// Plan (年次計画) and actual (実績) entries, grouped by the `<…>` topic they stand under.
    pub topics: Vec<Topic>,
    /// The 担当課 for topics that do not name their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<String>,
    /// Indicators, effects and ratings; `None` when it has none (boxed: most initiatives of
    /// most reports have none, and an initiative stays small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Box<super::measures::Measures>>,
}

/// A row of the stage table: one action item (取組項目) and its stages over the plan years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub id: Id,
    pub name: String,
    /// Written with a leading □.
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_false")]
    pub ticked: bool,
    /// One lane of stages per table row; a row with no item name adds a lane to the item above.
    pub lanes: Vec<Vec<StageSpan>>,
}

/// One stage cell of the stage table: a label over one or more fiscal years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageSpan {
    pub first: FiscalYear,
    pub last: FiscalYear,
    /// The stage without its arrow: `実施`; empty for a bare `→`.
    pub label: String,
    /// Written with a leading `→`: the work continues from the year before.
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_false")]
    pub continues: bool,
    /// The cell as written: `→ 実施`.
    pub source: String,
}

impl StageSpan {
    pub fn new(first: FiscalYear, last: FiscalYear, source: &str) -> StageSpan {
        let trimmed = source.trim();
        let (continues, label) = match trimmed.strip_prefix('→') {
            Some(rest) => (true, rest.trim()),
            None => (false, trimmed),
        };
        StageSpan {
            first,
            last,
            label: label.to_string(),
            continues,
            source: source.to_string(),
        }
    }

    /// The years it covers as the report names them: `28年度` or `29年度～31年度`.
    pub fn years_text(&self, report_year: FiscalYear) -> String {
        if self.first == self.last {
            self.first.short_form_like(report_year)
        } else {
            format!(
                "{}～{}",
                self.first.short_form_like(report_year),
                self.last.short_form_like(report_year)
            )
        }
    }

    /// How the cell reads: `→ 実施`, `検討`, `→`.
    pub fn display(&self) -> String {
        match (self.continues, self.label.is_empty()) {
            (true, true) => "→".to_string(),
            (true, false) => format!("→ {}", self.label),
            (false, _) => self.label.clone(),
        }
    }
}

/// A `<…>` heading of the plan/actual cells with everything written under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Id,
    /// The heading without its angle brackets; `None` for text written before any heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The 担当課 the division cell pairs with this heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<String>,
    /// 年次計画 entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Entry>,
    /// 実績 entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actual: Vec<Entry>,
}

impl Topic {
    /// The plan or the actual entries.
    pub fn entries(&self, side: Side) -> &Vec<Entry> {
        match side {
            Side::Plan => &self.plan,
            Side::Actual => &self.actual,
        }
    }
}

/// Plan or actual: the two sides of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Plan,
    Actual,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An activity (`・…(6月)`), usually a bullet; what a file leaves out is one.
    #[default]
    Activity,
    /// A status such as `(H28 年度達成済、継続実施)`.
    Status,
}

/// One written activity, kept as written, with what could be read from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: Id,
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_default")]
    pub kind: EntryKind,
    /// Written after a `・` bullet.
    #[serde(default, skip_serializing_if = "crate::model::defaults::is_false")]
    pub bullet: bool,
    /// The exact text as written (after the bullet), notes and sub-items included.
    pub text: String,
    /// What was done, without the timing, counts, notes and sub-items. Read from the text, so
    /// a file may leave it out (an entry a division adds to its response by hand): the entry is
    /// read again on opening.
    #[serde(default)]
    pub label: String,
    /// The month expression as written, without brackets (`4月～9月`); kept even when it could
    /// not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// `when` as understood; `None` when there is none or it could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub counts: ThinVec<Count>,
    /// `※` notes, without the mark.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub notes: ThinVec<String>,
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub subs: ThinVec<Entry>,
    /// For a result (an actual entry or sub-item): the plan entries it reports, by id.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    pub reports: ThinVec<Id>,
}

impl Entry {
    /// The months this entry and its sub-items cover.
    pub fn covered_months(&self) -> MonthSet {
        self.subs.iter().fold(
            self.timing.as_ref().map_or(MonthSet::EMPTY, |t| t.months),
            |acc, s| acc.union(s.covered_months()),
        )
    }

    /// Scheduled (予定), here or in any sub-item.
    pub fn scheduled(&self) -> bool {
        self.timing.as_ref().is_some_and(|t| t.scheduled) || self.subs.iter().any(|s| s.scheduled())
    }

    /// The month expression is written but could not be read.
    pub fn unreadable_when(&self) -> bool {
        self.when.is_some() && self.timing.is_none()
    }
}

/// A count written in brackets: `4回`, `103名受講`, `延べ45名受講`, `8コース`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub value: u32,
    /// `回`, `名`, `コース` …
    pub unit: String,
    /// As written.
    pub raw: String,
}

impl Report {
    /// A report with a title and its years, nothing in it yet; ids are handed out from 1.
    pub fn new(
        title: String,
        programme: String,
        fiscal_year: FiscalYear,
        period: Period,
        plan_years: YearRange,
    ) -> Report {
        Report {
            title,
            programme,
            fiscal_year,
            period,
            plan_years,
            headings: Headings::default(),
            as_of: None,
            sections: Vec::new(),
            unread: Vec::new(),
            next_id: 1,
            history: Vec::new(),
            to_confirm: Vec::new(),
            id: Default::default(),
            response: None,
            survey: Vec::new(),
            measure_settings: Default::default(),
        }
    }

    /// The report without its sections, history, unread text and survey, handing out ids
    /// after its own: what a response or a comparison of a few initiatives is built on
    /// (cloning the whole report to empty it would copy every initiative first).
    pub fn header_only(&self) -> Report {
        Report {
            title: self.title.clone(),
            programme: self.programme.clone(),
            fiscal_year: self.fiscal_year,
            period: self.period,
            plan_years: self.plan_years,
            headings: self.headings.clone(),
            as_of: self.as_of,
            sections: Vec::new(),
            unread: Vec::new(),
            next_id: self.next_id,
            history: Vec::new(),
            to_confirm: Vec::new(),
            id: self.id.clone(),
            response: None,
            survey: Vec::new(),
            measure_settings: self.measure_settings.clone(),
        }
    }

    pub fn initiatives(&self) -> impl Iterator<Item = &Initiative> {
        self.sections.iter().flat_map(|s| s.initiatives.iter())
    }

    /// It has numbers and judgements to show: a rating scale, or an initiative with any. The
    /// window's 状況の集計, the web page, the table's number columns and the printout ask this
    /// one question (the window and the page showed columns for an empty set the printout did
    /// not).
    pub fn has_measures(&self) -> bool {
        !self.measure_settings.rating_scale.is_empty()
            || self.initiatives().any(Initiative::has_measures)
    }

    pub fn initiative_count(&self) -> usize {
        self.sections.iter().map(|s| s.initiatives.len()).sum()
    }

    pub fn action_item_count(&self) -> usize {
        self.initiatives().map(|i| i.items.len()).sum()
    }

    pub fn find_initiative(&self, number: &str) -> Option<&Initiative> {
        self.initiatives().find(|i| i.number == number)
    }

    /// Every 担当課 named in the report, sorted, each once.
    pub fn division_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.initiatives().flat_map(|i| i.all_divisions()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The as-of date in force: the one set, or the end of the period.
    pub fn as_of(&self) -> AsOf {
        self.as_of
            .unwrap_or_else(|| AsOf::end_of(self.period, self.fiscal_year))
    }

    /// The as-of date in force in the report's fiscal year: what each plan line's standing is
    /// judged against ([`super::status`]).
    pub fn fiscal_as_of(&self) -> FiscalAsOf {
        FiscalAsOf {
            fiscal_year: self.fiscal_year,
            as_of: self.as_of(),
        }
    }

    /// The 年次計画 column heading: as written, or made from the fiscal year.
    pub fn plan_heading(&self) -> String {
        if self.headings.plan.is_empty() {
            format!("{} 年次計画", self.fiscal_year.era_form())
        } else {
            self.headings.plan.clone()
        }
    }

    /// The 実績 column heading for the report's period: as written when it names that period,
    /// else the period's own (`上半期実績(4月～9月)`), so a changed period shows everywhere.
    pub fn actual_heading(&self) -> String {
        let written = &self.headings.actual;
        // A bare 実績 column (as the year-end report writes it) names no period: the whole year.
        let named = Period::named_in(written).or(Some(Period::FullYear));
        if !written.is_empty() && named == Some(self.period) {
            written.clone()
        } else {
            self.period.actual_heading()
        }
    }
}

impl ActionItem {
    /// The name as printed: with its leading □ when it has one.
    pub fn display_name(&self) -> String {
        if self.ticked {
            format!("□{}", self.name)
        } else {
            self.name.clone()
        }
    }
}

impl Initiative {
    /// The 担当課 a topic falls under: its own, or every one the initiative names (a topic two
    /// divisions share is each one's).
    pub fn divisions_of<'a>(&'a self, topic: &'a Topic) -> Vec<&'a str> {
        match &topic.division {
            Some(d) => vec![d.as_str()],
            None => self.divisions.iter().map(String::as_str).collect(),
        }
    }

    /// [`Initiative::divisions_of`] as one text, `、` between them: how the outputs name them.
    pub fn division_names(&self, topic: &Topic) -> String {
        match &topic.division {
            Some(d) => d.clone(),
            None => self.divisions.join("、"),
        }
    }

    /// Every 担当課 named for the initiative, in order, each once.
    pub fn all_divisions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        // Each once, in order, told by a set: a file naming 500,000 divisions on one
        // initiative was searched through them all for each.
        // (A few, the usual, are looked for in the list: the window asks for each row drawn.)
        let few = self.divisions.len() + self.topics.len() <= 16;
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let named = self.divisions.iter().map(String::as_str);
        for d in self
            .topics
            .iter()
            .filter_map(|t| t.division.as_deref())
            .chain(named)
        {
            let new = if few {
                !out.contains(&d)
            } else {
                seen.insert(d)
            };
            if new {
                out.push(d);
            }
        }
        out
    }
}

impl Report {
    /// Gives back the room lists keep to grow in. A list read from a file grows by doubling as
    /// its elements are read (RON does not say how many there are), so without this a report
    /// read from disk held about a third more memory than its contents.
    pub fn shrink_to_fit(&mut self) {
        fn entries(list: &mut [Entry]) {
            for e in list {
                e.counts.shrink_to_fit();
                e.notes.shrink_to_fit();
                e.reports.shrink_to_fit();
                entries(&mut e.subs);
            }
        }
        self.sections.shrink_to_fit();
        self.unread.shrink_to_fit();
        self.to_confirm.shrink_to_fit();
        for section in &mut self.sections {
            section.initiatives.shrink_to_fit();
            for initiative in &mut section.initiatives {
                initiative.items.shrink_to_fit();
                initiative.divisions.shrink_to_fit();
                for item in &mut initiative.items {
                    item.lanes.shrink_to_fit();
                    for lane in &mut item.lanes {
                        lane.shrink_to_fit();
                    }
                }
                initiative.topics.shrink_to_fit();
                for topic in &mut initiative.topics {
                    entries(&mut topic.plan);
                    entries(&mut topic.actual);
                }
            }
        }
    }
}

/// A reporting period that has been closed by rolling the report over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct ClearedTopic {
    /// The topic, still in the report (topics are kept across years).
    pub topic: Id,
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actual: Vec<Entry>,
}

/// What an initiative without numbers has.
static NO_MEASURES: Measures = Measures {
    indicators: Vec::new(),
    effects: Vec::new(),
    self_rating: None,
    review: None,
    comment: None,
    past: Vec::new(),
};

impl Initiative {
    /// Its numbers and judgements (empty when it has none).
    pub fn measures(&self) -> &Measures {
        self.measures.as_deref().unwrap_or(&NO_MEASURES)
    }

    /// It has numbers or judgements (an empty set left by [`Initiative::measures_mut`] is none).
    pub fn has_measures(&self) -> bool {
        !self.measures().is_empty()
    }

    /// Its numbers and judgements to change (made empty when it has none).
    pub fn measures_mut(&mut self) -> &mut Measures {
        self.measures.get_or_insert_default()
    }

    /// Puts numbers in; empty ones are kept as none. Returns what it had.
    pub fn set_measures(&mut self, measures: Measures) -> Measures {
        let new = (!measures.is_empty()).then(|| Box::new(measures));
        std::mem::replace(&mut self.measures, new).map_or_else(Measures::default, |m| *m)
    }
}

impl Indicator {
    /// The topic it measures, when it names one its initiative still has.
    pub fn topic_in<'i>(&self, initiative: &'i Initiative) -> Option<&'i Topic> {
        let id = self.topic?;
        initiative.topics.iter().find(|t| t.id == id)
    }
}

//! Who answers for what in a report's survey: a 担当課's record, the topics it answers for,
//! what a response may change. Apart from the survey's records (`survey.rs`), which the report
//! holds, as these read the report.

use super::survey::{DivisionSurvey, ReportId};
use super::{Id, Initiative, Report, Topic};

impl ReportId {
    /// An identity derived from what names the report — programme, fiscal year, title and
    /// its initiatives' numbers and titles — so that importing the same table, or opening the
    /// same old file twice, gives the same identity (a random one would differ on every open
    /// of a file not yet saved with it). FNV-1a: the same on every build and platform.
    pub fn derive(report: &Report) -> ReportId {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |text: &str| {
            for b in text.bytes().chain([0u8]) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        feed(&report.programme);
        feed(&report.fiscal_year.0.to_string());
        feed(&report.title);
        for i in report.initiatives() {
            feed(&i.number);
            feed(&i.title);
        }
        ReportId(format!("R-{hash:016x}"))
    }
}

impl Report {
    /// The survey record of a 担当課, if it has one.
    pub fn survey_of(&self, division: &str) -> Option<&DivisionSurvey> {
        self.survey.iter().find(|s| s.division == division)
    }
}

/// The 担当課 answering for a topic: its own, or else every division of its initiative.
pub fn topic_divisions<'a>(initiative: &'a Initiative, topic: &'a Topic) -> Vec<&'a str> {
    initiative.divisions_of(topic)
}

/// Whether `division` answers for the topic.
pub fn answers_for(report: &Report, division: &str, topic: Id) -> bool {
    report.initiative_of_topic(topic).is_some_and(|i| {
        i.topics
            .iter()
            .find(|t| t.id == topic)
            .is_some_and(|t| topic_divisions(i, t).contains(&division))
    })
}

/// Whether the topic's results may be edited in this report: always in a master, and in a
/// response only the topics of its 担当課.
pub fn editable(report: &Report, topic: Id) -> bool {
    match &report.response {
        None => true,
        Some(r) => answers_for(report, &r.division, topic),
    }
}

/// Whether an entry's text and months may be edited in this report: any in a master; in a
/// response only the results (and their sub-items) of its 担当課's topics, as the core allows
/// ([`crate::edit::scope`]).
pub fn entry_editable(report: &Report, id: Id) -> bool {
    report.response.is_none()
        || report
            .entry_place(id)
            .is_some_and(|p| p.side == super::Side::Actual && editable(report, p.topic))
}

/// Whether an entry of `side` may be added to `topic`: anywhere in a report; in a division's
/// response only a result in one of its topics (the plan is the office's). The window offers
/// ＋計画を追加 / ＋実績を追加 only where this holds, as the core refuses the rest.
pub fn may_add(report: &Report, topic: Id, side: super::Side) -> bool {
    report.response.is_none() || (side == super::Side::Actual && editable(report, topic))
}

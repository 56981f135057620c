//! What is said of an answer's file itself, apart from what it answers: older than what it
//! follows (the division's answer taken in before, or its 差戻し), or named for another
//! division.

use chrono::NaiveDateTime;

use super::answer::Answer;
use crate::model::Report;
use crate::model::diag::{Location, Warning, WarningKind};

/// When the division was sent back and when the answer's file was last written, where the file
/// is older: not the correction asked for.
pub(super) fn before_sent_back(
    earlier: Option<&crate::model::DivisionSurvey>,
    answer: &Answer,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    (earlier.and_then(|s| s.sent_back.as_ref()).map(|b| b.at))
        .zip(answer.modified)
        .filter(|(back, this)| this < back)
}

/// What is said of an answer's file older than what it follows: the answer of its division
/// taken in before, or its send-back.
pub(super) fn older_file(
    earlier: Option<&crate::model::DivisionSurvey>,
    answer: &Answer,
    before_sent_back: Option<(NaiveDateTime, NaiveDateTime)>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(before) = earlier.and_then(|s| s.received.as_ref())
        && let (Some(taken), Some(this)) = (before.modified, answer.modified)
        && this < taken
    {
        let kind = WarningKind::OlderThanTaken {
            taken_file: before.file.clone(),
            taken,
            this,
        };
        out.push(Warning::new(Location::default(), kind));
    }
    if let Some((sent_back, this)) = before_sent_back {
        let kind = WarningKind::OlderThanSentBack { sent_back, this };
        out.push(Warning::new(Location::default(), kind));
    }
    out
}

/// Said when an answer's file is named for another division the survey went to than the one
/// whose answer it is (「地域連携部情報システム課_回答.xlsx」 holding 推進課's workbook): read as the
/// answer of the division it is for, and said, since it may be a mix-up.
pub(super) fn named_for_another(master: &Report, file: &str, division: &str) -> Option<Warning> {
    let stem = crate::model::text::normalize(file);
    if stem.contains(&crate::model::text::normalize(division)) {
        return None;
    }
    let named = (master.survey.iter())
        .map(|s| s.division.as_str())
        .filter(|d| *d != division && !d.trim().is_empty())
        .find(|d| stem.contains(&crate::model::text::normalize(d)))?;
    let kind = WarningKind::FileNamedForAnother {
        named: named.to_string(),
        division: division.to_string(),
    };
    Some(Warning::new(Location::default(), kind))
}

/// What reading the answer said ([`Answer::said`]), each entry placed under the topic's
/// heading as the master has it: a response that renamed a heading (held for the office) was
/// said under the new name, a topic the master does not have.
pub(super) fn said_as_master_names(master: &Report, answer: &Answer) -> Vec<Warning> {
    let super::answer::AnswerContent::Report(report) = &answer.content else {
        return answer.said.clone();
    };
    let mut said = answer.said.clone();
    for w in &mut said {
        let Some(at) = w.at.entry.as_deref_mut() else {
            continue;
        };
        let topic = (report.initiatives())
            .find(|i| i.number == at.initiative)
            .and_then(|i| i.topics.iter().find(|t| t.heading == at.topic));
        if let Some(t) = topic.and_then(|t| master.topic(t.id)) {
            at.topic = t.heading.clone();
        }
    }
    said
}

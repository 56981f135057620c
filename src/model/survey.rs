//! What a report keeps of the half-year survey (照会): its own identity, so an answer can be
//! matched to it; in a response sent to a 担当課, whom it is for; in the master, per 担当課,
//! when the survey was sent, when it is due, when (and from which file) the answer came, and
//! whether it was sent back (差戻し).

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::era::FiscalYear;
use super::id::Id;
use super::period::Period;

/// A report's identity, made once (at import, or when a file from before identities is opened)
/// and kept across saves and rollovers: an answer names the report it belongs to by it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportId(pub String);

impl ReportId {
    /// No identity yet (a report built in memory, or read from a file from before schema 4).
    pub fn is_unset(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for ReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Marks a report as a response (回答用ファイル) sent to one 担当課: it may change only that
/// division's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseFor {
    /// The 担当課 it was sent to.
    pub division: String,
    /// The master report it answers.
    pub report: ReportId,
    /// The period it answers for: an answer of another period is refused.
    pub fiscal_year: FiscalYear,
    pub period: Period,
    /// 回答期限.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The office's note to the division (依頼文).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The token the master recorded for this division when the survey was sent: an answer
    /// carrying another (or none, where one was recorded) is refused. Empty in a response
    /// from before tokens.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub token: String,
    /// What the response held outside the division's results when it was sent: each part by
    /// name (`topic/35/plan`) with the hash of its text, sorted by name. Collecting compares an
    /// answer with this, not with the master as it is by then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<(String, u64)>,
}

/// The master's record of one 担当課's part in the survey (提出状況).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DivisionSurvey {
    pub division: String,
    /// When the survey was sent (照会日時).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The latest answer taken in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Received>,
    /// 差戻し: the answer was sent back for correction; cleared when a new answer comes in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_back: Option<SentBack>,
    /// The random token its response was sent with (kept when the survey is sent again in
    /// the same period): an answer must carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

impl DivisionSurvey {
    pub fn new(division: &str) -> DivisionSurvey {
        DivisionSurvey {
            division: division.to_string(),
            sent: None,
            due: None,
            received: None,
            sent_back: None,
            token: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Received {
    pub at: NaiveDateTime,
    /// The file's name as given (`総務部管財課.xlsx`).
    pub file: String,
    /// How many answers from this division were taken in (2 or more: re-submissions).
    #[serde(default = "one")]
    pub count: u32,
    /// Each topic's results as this answer had them (a hash of their lines as written), and
    /// each initiative's numbers (under the initiative's id): the same answer sent again is no
    /// change, even where the office has corrected a result or a number since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taken: Vec<TakenTopic>,
    /// When the answer's file was last written (its modification time), where known: an
    /// older answer collected after it is said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<NaiveDateTime>,
    /// The results this division's answers wrote (rewrote, added or removed), each with the
    /// text its last answer gave it: what its next answer is read against (where that answer
    /// leaves a result as the division last wrote it, a correction made since stays). Kept when
    /// the survey is sent to it again, each with the text it was sent with then
    /// ([`WrittenResult::sent_again`]): the division may answer in either file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub written: Vec<WrittenResult>,
    /// The survey was sent to the division again after this answer was taken: an answer the
    /// same as it (`taken`) is no longer "the same answer sent again" — in the new file, typed
    /// back over a correction the new file showed, it is a change.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sent_again: bool,
    /// `added`, which builds of 2026-12-06 wrote and the model no longer has: read past, so
    /// that their masters open (a field the model does not have is otherwise refused).
    #[serde(default, skip_serializing, rename = "added")]
    pub retired_added: Retired,
}

/// A field the model no longer has, read past wherever it is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retired;

impl<'de> Deserialize<'de> for Retired {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Retired, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Retired)
    }
}

/// A result a division's answer wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenResult {
    /// Its id in the report.
    pub id: Id,
    /// A hash of the text the division's last answer gave it.
    pub text: u64,
    /// The division's last answer removed it: a text written again is the division's, not
    /// the result as sent left so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// The answer added it (it was not sent): a later answer of the division may rewrite or
    /// remove it as it may the results it was sent, and no others.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
    /// The id the answer's response file gave it, which the same file sent again names it by
    /// (the report gave it another: ids the office handed out in between); none from a
    /// workbook, whose lines carry no id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<Id>,
    /// The survey was sent to the division again after this was written: the hash of the text
    /// the result was sent with then (none: not sent again since, or not in the report then).
    /// An answer in the file sent then is read against what it was sent; one in a file sent
    /// before, against what the division wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_again: Option<u64>,
}

/// A topic's results as an answer had them, by a hash of their lines as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakenTopic {
    pub topic: Id,
    pub results: u64,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentBack {
    pub at: NaiveDateTime,
    pub note: String,
}

/// A text as it is compared: lines without the white space at their ends, empty lines left
/// out (Excel and editors change line ends and trailing spaces, not what was written).
pub fn comparable(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// FNV-1a of the comparable text: the same on every build and platform.
pub fn hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in comparable(text).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A text's hash in 32 bits, as a workbook's hidden cell keeps each result's (a topic of
/// thousands of results still fits one cell).
pub fn short_hash(text: &str) -> u32 {
    short_of(hash(text))
}

/// A [`hash`] in the 32 bits of [`short_hash`].
pub fn short_of(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

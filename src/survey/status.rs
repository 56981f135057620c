//! 提出状況: per 担当課, when the survey was sent, when it is due, when (and from which file)
//! its answer came, whether it was sent back, and how many of its topics have a result — rows
//! to sort, print and export (CSV) so the office can send reminders.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::divisions;
use crate::lang::{Lang, say};
use crate::model::{Id, Report};

/// Where a division stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// 未照会.
    NotSent,
    /// 照会済・未回答.
    Sent,
    /// 差戻し中.
    SentBack,
    /// 回答済.
    Received,
}

impl Standing {
    pub fn name(self, lang: Lang) -> String {
        let (ja, en) = match self {
            Standing::NotSent => ("未照会", "not sent"),
            Standing::Sent => ("未回答", "awaiting answer"),
            Standing::SentBack => ("差戻し中", "sent back"),
            Standing::Received => ("回答済", "answered"),
        };
        say(lang, ja.into(), en.into())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    pub division: String,
    pub standing: Standing,
    pub sent: Option<NaiveDateTime>,
    pub due: Option<NaiveDate>,
    pub received: Option<NaiveDateTime>,
    pub received_file: Option<String>,
    /// Answers taken in so far (2 or more: re-submissions).
    pub answers: u32,
    pub sent_back: Option<NaiveDateTime>,
    pub sent_back_note: Option<String>,
    /// Topics of the division with at least one result of the report's period (not one
    /// carried over from the half before), and all its topics.
    pub with_result: usize,
    pub topics: usize,
    /// Due before the given day and not answered (or sent back and not answered again).
    pub overdue: bool,
}

/// What rows can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKey {
    Division,
    Standing,
    Sent,
    Due,
    Received,
    /// The share of topics with a result.
    Results,
    Overdue,
}

/// A row per 担当課 answering for a topic (and any other the master has a record of), in
/// division order; `today` decides what is overdue.
pub fn status_rows(master: &Report, today: NaiveDate) -> Vec<StatusRow> {
    let mut counts: BTreeMap<String, (usize, usize)> =
        divisions(master).into_iter().map(|d| (d, (0, 0))).collect();
    // After 次の期間へ the closed half's results stay in their topics; they are not this
    // period's answers (see `Report::earlier_period_of`), so they do not count here — but
    // for one the division confirmed since.
    let earlier = master.earlier_results();
    // Looked up in sets built once: a master listing a million results to confirm, or a
    // hundred thousand survey records, was searched through for each result or division.
    let listed: HashSet<Id> = master.to_confirm.iter().copied().collect();
    fn confirmed(master: &Report, listed: &HashSet<Id>, e: &crate::model::Entry) -> bool {
        (listed.contains(&e.id) && !master.still_unconfirmed(e))
            || e.subs.iter().any(|s| confirmed(master, listed, s))
    }
    let mut add = |division: &str, (answered, topics): (usize, usize)| {
        let c = counts.entry(division.to_string()).or_default();
        (c.0, c.1) = (c.0 + answered, c.1 + topics);
    };
    for i in master.initiatives() {
        // The topics naming no division are counted once for the initiative's list: counted
        // per topic, 4,000 topics × 4,000 divisions took seconds and gigabytes.
        let mut shared = (0, 0);
        for t in &i.topics {
            // A carried-over result confirmed (rewritten) in this half is an answer of it.
            let answered = t
                .actual
                .iter()
                .any(|e| !earlier.contains(&e.id) || confirmed(master, &listed, e));
            let one = (usize::from(answered), 1);
            match &t.division {
                Some(d) => add(d, one),
                None => shared = (shared.0 + one.0, shared.1 + 1),
            }
        }
        if shared.1 > 0 {
            for d in &i.divisions {
                add(d, shared);
            }
        }
    }
    let mut records: HashMap<&str, &crate::model::DivisionSurvey> = HashMap::new();
    for s in &master.survey {
        counts.entry(s.division.clone()).or_default();
        // The first record of a division, as `Report::survey_of` finds it.
        records.entry(s.division.as_str()).or_insert(s);
    }
    counts
        .into_iter()
        .map(|(division, (with_result, topics))| {
            let record = records.get(division.as_str()).copied();
            let sent = record.and_then(|s| s.sent);
            let due = record.and_then(|s| s.due);
            let received = record.and_then(|s| s.received.as_ref());
            let sent_back = record.and_then(|s| s.sent_back.as_ref());
            let standing = match (sent, received, sent_back) {
                (_, _, Some(_)) => Standing::SentBack,
                (_, Some(_), None) => Standing::Received,
                (Some(_), None, None) => Standing::Sent,
                (None, None, None) => Standing::NotSent,
            };
            let outstanding = matches!(standing, Standing::Sent | Standing::SentBack);
            StatusRow {
                standing,
                sent,
                due,
                received: received.map(|r| r.at),
                received_file: received.map(|r| r.file.clone()),
                answers: received.map_or(0, |r| r.count),
                sent_back: sent_back.map(|b| b.at),
                sent_back_note: sent_back.map(|b| b.note.clone()),
                with_result,
                topics,
                overdue: outstanding && due.is_some_and(|d| d < today),
                division,
            }
        })
        .collect()
}

/// Sorts rows by a column (ties by division); missing dates sort last ascending.
pub fn sort_rows(rows: &mut [StatusRow], key: StatusKey, descending: bool) {
    rows.sort_by(|a, b| {
        let by = match key {
            StatusKey::Division => std::cmp::Ordering::Equal,
            StatusKey::Standing => a.standing.cmp(&b.standing),
            StatusKey::Sent => last_if_none(a.sent, b.sent),
            StatusKey::Due => last_if_none(a.due, b.due),
            StatusKey::Received => last_if_none(a.received, b.received),
            StatusKey::Results => {
                (a.with_result * b.topics.max(1)).cmp(&(b.with_result * a.topics.max(1)))
            }
            StatusKey::Overdue => b.overdue.cmp(&a.overdue),
        };
        let by = by.then_with(|| a.division.cmp(&b.division));
        if descending { by.reverse() } else { by }
    });
}

fn last_if_none<T: Ord>(a: Option<T>, b: Option<T>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// The rows as CSV (UTF-8 with BOM, for Excel), headed in `lang`.
pub fn to_csv(rows: &[StatusRow], lang: Lang) -> String {
    let head: [&str; 11] = match lang {
        Lang::Ja => [
            "担当課",
            "状況",
            "照会日時",
            "回答期限",
            "回答日時",
            "回答ファイル",
            "回答回数",
            "差戻し日時",
            "差戻し理由",
            "実績あり/見出し数",
            "期限超過",
        ],
        Lang::En => [
            "division",
            "standing",
            "sent",
            "due",
            "received",
            "file",
            "answers",
            "sent back",
            "sent-back note",
            "with result/topics",
            "overdue",
        ],
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(head);
    let time = |t: Option<NaiveDateTime>| {
        t.map_or_else(String::new, |t| t.format("%Y-%m-%d %H:%M").to_string())
    };
    for r in rows {
        let record = [
            r.division.clone(),
            r.standing.name(lang),
            time(r.sent),
            r.due.map_or_else(String::new, |d| d.to_string()),
            time(r.received),
            r.received_file.clone().unwrap_or_default(),
            r.answers.to_string(),
            time(r.sent_back),
            r.sent_back_note.clone().unwrap_or_default(),
            format!("{}/{}", r.with_result, r.topics),
            if r.overdue {
                say(lang, "超過".into(), "overdue".into())
            } else {
                String::new()
            },
        ];
        // A division's name or a note an office program would run as a formula is kept text.
        let _ = w.write_record(
            record
                .iter()
                .map(|cell| crate::export::csv::formula_guarded(cell).into_owned()),
        );
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

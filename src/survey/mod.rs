//! The half-year survey (照会) of the 担当課: sending each division its part ([`send`]: a
//! Shinchoku response `.ron`, an Excel workbook from [`workbook`]), what a response may change
//! ([`crate::model::answering`], [`OutOfScope`]), reading the answers ([`answer`]), taking them
//! into the master ([`collect()`]) and who has answered ([`status`], 提出状況). Core only: the
//! window and the command line call these.

mod adopt;
pub mod answer;
mod answer_file;
mod answer_links;
mod brought;
pub mod collect;
pub mod conflict;
mod from_workbook;
pub mod measures;
mod outside;
pub mod overwrite;
mod review;
pub mod send;
pub mod sent;
mod sent_texts;
mod shared;
pub mod status;
pub mod workbook;

pub use crate::edit::OutOfScope;
pub use crate::model::answering::{answers_for, editable, topic_divisions};
pub use answer::{Answer, Refusal, read_answer};
pub use collect::{Collection, Taken, collect};
pub use conflict::{Conflict, ConflictKind};
pub use send::{response_for, responses};
pub use status::{StatusKey, StatusRow, status_rows};

use crate::model::{Entry, Id, Report};

/// Every 担当課 that answers for a topic, sorted, each once: the divisions a survey goes to.
pub fn divisions(report: &Report) -> Vec<String> {
    // Each name once into a set: taken topic by topic, an initiative of 4,000 topics naming
    // none listed its 4,000 divisions 16 million times (2 GB, seconds).
    let mut out: std::collections::BTreeSet<&str> = Default::default();
    for i in report.initiatives() {
        if i.topics.iter().any(|t| t.division.is_none()) {
            out.extend(i.divisions.iter().map(String::as_str));
        }
        out.extend(i.topics.iter().filter_map(|t| t.division.as_deref()));
    }
    out.into_iter().map(str::to_string).collect()
}

/// The topics a 担当課 answers for, in report order.
pub fn topics_of(report: &Report, division: &str) -> Vec<Id> {
    report
        .initiatives()
        .flat_map(|i| {
            i.topics
                .iter()
                .filter(move |t| topic_divisions(i, t).contains(&division))
                .map(|t| t.id)
        })
        .collect()
}

/// The file a division's response is written to, alone (a survey of several divisions names
/// them with [`send::file_stems`], which keeps them distinct): its name made safe and the
/// extension, e.g. `総務部管財課.ron`.
pub fn file_name(division: &str, extension: &str) -> String {
    let stem = send::file_stems(&[division.to_string()]).remove(0);
    format!("{stem}.{extension}")
}

/// A topic's entries as a cell shows them: one per line, bullets with their `・`.
pub fn entries_text(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(crate::export::table::entry_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Entries read back from [`entries_text`] (or what a division typed): one per line, a
/// leading `・` a bullet; blank lines are skipped. Ids are 0 and no links: the caller gives
/// them.
pub fn entries_from_text(text: &str) -> Vec<Entry> {
    entries_from_lines(text, &[])
}

/// [`entries_from_text`], but a line that begins one of `whole` written over several lines,
/// with as many lines after it as that one has, none a bullet (`・`), is that one entry, its
/// sub-items as typed: a result holding a line break is two lines of a workbook cell, and was
/// read back as two results, the first without its months (a sub-item's month corrected too).
pub fn entries_from_lines(text: &str, whole: &[Entry]) -> Vec<Entry> {
    let clean = |l: &str| l.trim_end_matches('\r').trim().to_string();
    let lines: Vec<String> = text
        .lines()
        .map(clean)
        // A bullet with nothing after it (`・` left on a line of its own) holds no words: no
        // entry, as an empty line is none (it made an empty result).
        .filter(|l| !l.is_empty() && l.trim_start_matches('・').trim() != "")
        .collect();
    // The entries of several lines, by their first (looked up once per line typed).
    let mut several: std::collections::HashMap<String, Vec<Vec<String>>> = Default::default();
    for e in whole.iter().filter(|e| e.text.contains('\n')) {
        let parts: Vec<String> = (crate::export::table::entry_line(e).lines())
            .map(clean)
            .filter(|l| !l.is_empty())
            .collect();
        if let Some(first) = parts.first() {
            several.entry(first.clone()).or_default().push(parts);
        }
    }
    let alone: std::collections::HashSet<String> = (whole.iter())
        .map(crate::export::table::entry_line)
        .filter(|l| l.starts_with('※') && !l.contains('\n'))
        .map(|l| clean(&l))
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        let continued = |n: usize| {
            (lines.get(k + 1..k + n))
                .is_some_and(|after| after.iter().all(|l| !l.starts_with('・')))
        };
        let mut span = (several.get(&lines[k]).into_iter().flatten())
            .map(Vec::len)
            .filter(|&n| continued(n))
            .max()
            .unwrap_or(1);
        // A ※ remark on a line of its own (Alt+Enter before it) is the note of the line above,
        // as the published format writes it: it was taken as a result of its own. Unless it is
        // one: a result of the list standing alone as that line (sent so, it came back joined
        // to the line above).
        while lines
            .get(k + span)
            .is_some_and(|l| l.starts_with('※') && !alone.contains(l.as_str()))
        {
            span += 1;
        }
        let line = lines[k..k + span].join("\n");
        let (body, bullet) = match line.strip_prefix('・') {
            Some(rest) => (rest, true),
            None => (line.as_str(), false),
        };
        out.push(crate::model::entry_text::read_entry(
            body,
            bullet,
            &mut Vec::new(),
        ));
        k += span;
    }
    out
}

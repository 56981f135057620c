//! Large reports made from the sample: the sample's initiatives repeated with new numbers and
//! ids, for benchmarks and scale tests.

use crate::document::SAMPLE_RON;
use crate::model::{Report, Section};

/// A report with `initiatives` initiatives in sections of at most 50, each a copy of one of
/// the sample's initiatives (cycled), numbered 1.. and with fresh ids.
pub fn large_report(initiatives: usize) -> Report {
    let sample = crate::store::from_ron(SAMPLE_RON).expect("the bundled sample opens");
    let templates: Vec<_> = sample.initiatives().cloned().collect();
    let mut report = sample.header_only();
    for n in 0..initiatives {
        if n % 50 == 0 {
            let number = (n / 50 + 1) as u32;
            let id = report.allocate_id();
            report.sections.push(Section {
                id,
                numeral: number.to_string(),
                number,
                title: format!("合成セクション {number}"),
                initiatives: Vec::new(),
            });
        }
        let mut initiative = templates[n % templates.len()].clone();
        initiative.number = (n + 1).to_string();
        initiative.title = format!("{}（写し{}）", initiative.title, n + 1);
        report.give_new_ids_to_initiative(&mut initiative);
        report
            .sections
            .last_mut()
            .expect("a section was pushed")
            .initiatives
            .push(initiative);
    }
    report.id = crate::model::ReportId::derive(&report);
    report
}

/// Gives the report's initiatives `count` distinct 担当課 (cycled over the initiatives, each
/// topic's own division too), as a prefecture with many divisions has, for the survey at scale.
pub fn with_divisions(mut report: Report, count: usize) -> Report {
    let count = count.max(1);
    for (n, initiative) in report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .enumerate()
    {
        let name = format!("合成部第{}課", n % count + 1);
        initiative.divisions = vec![name.clone()];
        for t in &mut initiative.topics {
            t.division = None;
        }
    }
    report
}

/// The number of the sample's initiative whose first topic [`with_result_lines`] and
/// [`with_long_result`] fill: 10, 情報セキュリティの確保, whose first topic
/// (情報セキュリティ研修などの実施) has the most results of the sample.
pub const LONG_INITIATIVE: &str = "10";

/// Every result text of the sample, sub-items on their own: the lines the long reports below
/// are made of.
fn result_texts(report: &Report) -> Vec<String> {
    (report.initiatives().flat_map(|i| &i.topics))
        .flat_map(|t| crate::model::Entry::all_in(&t.actual))
        .filter(|e| e.subs.is_empty())
        .map(|e| e.text.clone())
        .collect()
}

/// The sample with the first topic of initiative [`LONG_INITIATIVE`] holding `lines` results
/// instead of its own: the sample's result lines over and over, as a division's answer with
/// that many lines reads in (each its own entry, linked to nothing: 計画外).
pub fn with_result_lines(lines: usize) -> Report {
    let mut report = crate::store::from_ron(SAMPLE_RON).expect("the bundled sample opens");
    // Each line read once; the copies differ only by id.
    let pool: Vec<crate::model::Entry> = result_texts(&report)
        .iter()
        .map(|t| crate::model::entry_text::new_entry(&mut report, t).0)
        .collect();
    let mut results = Vec::with_capacity(lines);
    for k in 0..lines {
        let mut entry = pool[k % pool.len()].clone();
        report.give_new_ids(&mut entry);
        results.push(entry);
    }
    let topic = long_topic(&report);
    report.topic_mut(topic).expect("the topic is there").actual = results;
    report
}

/// The sample with the first result of the first topic of initiative [`LONG_INITIATIVE`]
/// replaced by one result of exactly `chars` characters: the sample's result texts, their
/// white space taken out (so that it reads as one entry, not sub-items), one after another.
pub fn with_long_result(chars: usize) -> Report {
    let mut report = crate::store::from_ron(SAMPLE_RON).expect("the bundled sample opens");
    let texts: Vec<String> = result_texts(&report)
        .iter()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let text: String = texts
        .iter()
        .cycle()
        .flat_map(|t| t.chars())
        .take(chars)
        .collect();
    let (entry, _) = crate::model::entry_text::new_entry(&mut report, &text);
    let topic = long_topic(&report);
    report.topic_mut(topic).expect("the topic is there").actual[0] = entry;
    report
}

fn long_topic(report: &Report) -> crate::model::Id {
    report
        .find_initiative(LONG_INITIATIVE)
        .and_then(|i| i.topics.first())
        .expect("the sample's initiative 10 has topics")
        .id
}

//! A division answering in its response file through the core, as the window does it (each
//! change an edit a division may make, checked against its part): used by
//! `scripts/survey-cycle.sh`, which plays one division answering this way and another in Excel.
//!
//!     cargo run --example division_answers -- RESPONSE.ron \
//!         --add '<見出し>' '実績の文(9月)' --set '今の文' '新しい文' …
//!
//! `--add HEADING TEXT` adds a result under the topic with that heading (`-` for a topic without
//! one); `--set OLD NEW` rewrites the result or sub-item whose text is OLD. The file is saved in
//! place, still a response.

use std::path::PathBuf;
use std::process::ExitCode;

use shinchoku::document::Document;
use shinchoku::edit::Intent;
use shinchoku::model::{Entry, Id, Report, Side};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().map(PathBuf::from) else {
        eprintln!("usage: division_answers RESPONSE.ron [--add HEADING TEXT] [--set OLD NEW] …");
        return ExitCode::from(2);
    };
    let mut doc = match Document::open(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut rest = args[1..].iter();
    while let Some(flag) = rest.next() {
        let (Some(a), Some(b)) = (rest.next(), rest.next()) else {
            eprintln!("{flag} takes two arguments");
            return ExitCode::from(2);
        };
        let intent = match flag.as_str() {
            "--add" => topic_headed(doc.report(), a).map(|topic| Intent::AddEntry {
                topic,
                side: Side::Actual,
                text: b.clone(),
            }),
            "--set" => result_written(doc.report(), a).map(|id| Intent::SetEntryText {
                id,
                text: b.clone(),
            }),
            other => {
                eprintln!("unknown option {other}");
                return ExitCode::from(2);
            }
        };
        let Some(intent) = intent else {
            eprintln!("{flag}: nothing in the response matches 「{a}」");
            return ExitCode::FAILURE;
        };
        if let Err(e) = doc.perform(intent) {
            eprintln!("{flag} 「{a}」: {e}");
            return ExitCode::FAILURE;
        }
    }
    match doc.save_to(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn topic_headed(report: &Report, heading: &str) -> Option<Id> {
    let wanted = heading.trim_start_matches('<').trim_end_matches('>');
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.heading.as_deref().unwrap_or("-") == wanted)
        .map(|t| t.id)
}

fn result_written(report: &Report, text: &str) -> Option<Id> {
    fn find(list: &[Entry], text: &str) -> Option<Id> {
        list.iter().find_map(|e| {
            (e.text == text)
                .then_some(e.id)
                .or_else(|| find(&e.subs, text))
        })
    }
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find_map(|t| find(&t.actual, text))
}

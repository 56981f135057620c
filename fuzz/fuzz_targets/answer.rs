//! Survey answers on any bytes, as `collect` is handed them: the first byte says which kind —
//! even, an answered `.xlsx` workbook; odd, a response `.ron` — and the rest is the file
//! (`SHINCHOKU_FUZZ_ANSWER=xlsx` or `=ron` holds every input to one kind, for a run of each).
//! An answer or a refusal, never a panic; an answer is collected into the bundled sample (the
//! survey sent to every division), and the step it makes, applied, keeps the model's rules.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::model::{self, Report};
use shinchoku::survey::answer::{answer_from_report, answer_from_workbook};
use shinchoku::survey::{self, collect::collect};
use shinchoku::store;

fn at() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2017, 10, 10)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a date")
}

/// The sample with the survey sent to each of its divisions.
fn master() -> &'static Report {
    static MASTER: OnceLock<Report> = OnceLock::new();
    MASTER.get_or_init(|| {
        let mut doc = Document::sample();
        let divisions = survey::divisions(doc.report());
        doc.perform(Intent::MarkSent {
            divisions,
            at: at(),
            due: None,
            tokens: Default::default(),
        })
        .expect("the survey is recorded as sent");
        doc.into_report()
    })
}

/// `Some(true)` for workbooks only, `Some(false)` for `.ron` only.
fn only() -> Option<bool> {
    static ONLY: OnceLock<Option<bool>> = OnceLock::new();
    *ONLY.get_or_init(|| match std::env::var("SHINCHOKU_FUZZ_ANSWER").as_deref() {
        Ok("xlsx") => Some(true),
        Ok("ron") => Some(false),
        _ => None,
    })
}

fuzz_target!(|data: &[u8]| {
    // The workbook reader runs calamine under catch_unwind (a panic of it on a damaged file is
    // that file's refusal); libFuzzer's hook would abort on it first.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let _ = std::panic::take_hook();
    });
    let Some((&kind, file)) = data.split_first() else {
        return;
    };
    let workbook = only().unwrap_or(kind % 2 == 0);
    let answer = if workbook {
        answer_from_workbook(file, "fuzz.xlsx".into())
    } else {
        let Ok(text) = std::str::from_utf8(file) else {
            return;
        };
        let Ok(report) = store::from_ron(text) else {
            return;
        };
        answer_from_report(report, "fuzz.ron".into())
    };
    let Ok(answer) = answer else {
        return;
    };
    let collection = collect(master(), vec![Ok(answer)], at());
    let every: Vec<usize> = (0..collection.conflicts.len()).collect();
    let Some(intent) = collection.intent(&every) else {
        return;
    };
    let mut doc = Document::new(master().clone(), Origin::Sample, Vec::new());
    if doc.perform(intent).is_ok() {
        let broken = model::validate::violations(doc.report());
        assert!(broken.is_empty(), "collecting broke the rules: {broken:?}");
    }
});

//! Survey answers on any bytes, as `collect` is handed them: the first byte says which kind —
//! even, an answered `.xlsx` workbook; odd, a response `.ron` — and the rest is the file
//! (`SHINCHOKU_FUZZ_ANSWER=xlsx` or `=ron` holds every input to one kind, for a run of each).
//! An answer or a refusal, never a panic; an answer is collected into the bundled sample, or,
//! when it answers the report with numbers (indicators, effects, ratings) imported from
//! `tests/fixtures/measures-libreoffice.xlsx`, into that one (each with the survey sent to every
//! division). The step collecting makes, every conflict accepted, keeps the model's rules and
//! saves and reads back the same; the step of the in-scope part alone leaves the master holding
//! the numbers the division answered, so the same answer collected again changes none.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::import::{self, WorkbookFormat};
use shinchoku::model::{self, Report};
use shinchoku::store;
use shinchoku::survey::answer::{answer_from_report, answer_from_workbook};
use shinchoku::survey::{self, collect::collect};

fn at() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2017, 10, 10)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a date")
}

/// `doc` with the survey sent to each of its divisions (no tokens: an answer's is not checked).
fn sent(mut doc: Document) -> Report {
    let divisions = survey::divisions(doc.report());
    doc.perform(Intent::MarkSent {
        divisions,
        at: at(),
        due: None,
        tokens: Default::default(),
    })
    .expect("the survey is recorded as sent");
    doc.into_report()
}

/// The sample, sent.
fn sample() -> &'static Report {
    static MASTER: OnceLock<Report> = OnceLock::new();
    MASTER.get_or_init(|| sent(Document::sample()))
}

/// The report with numbers of every kind, as `shinchoku import` reads the fixture (the same
/// identity, derived from its content, as the responses `seed-corpus.sh` makes from it), sent.
fn with_numbers() -> &'static Report {
    static MASTER: OnceLock<Report> = OnceLock::new();
    MASTER.get_or_init(|| {
        let bytes = include_bytes!("../../tests/fixtures/measures-libreoffice.xlsx");
        let (report, _) =
            import::import_any(bytes, Some(WorkbookFormat::Xlsx)).expect("the fixture imports");
        sent(Document::new(report, Origin::Sample, Vec::new()))
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
    let master = if answer.response.report == with_numbers().id {
        with_numbers()
    } else {
        sample()
    };
    let collection = collect(master, vec![Ok(answer.clone())], at());
    let every: Vec<usize> = (0..collection.conflicts.len()).collect();
    let Some(intent) = collection.intent(&every) else {
        return;
    };
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    if doc.perform(intent).is_ok() {
        let broken = model::validate::violations(doc.report());
        assert!(broken.is_empty(), "collecting broke the rules: {broken:?}");
        let saved = store::to_ron(doc.report());
        let again = store::from_ron(&saved).expect("the master saves and opens again");
        assert!(
            again == *doc.report(),
            "the collected master reads back differently"
        );
    }
    let Some(in_scope) = collection.intent(&[]) else {
        return;
    };
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    if doc.perform(in_scope).is_ok() {
        let again = collect(doc.report(), vec![Ok(answer)], at());
        let changed: Vec<_> = again
            .taken
            .iter()
            .flat_map(|t| &t.changed_numbers)
            .collect();
        assert!(
            changed.is_empty(),
            "numbers not taken in by the first collection: {changed:?}"
        );
    }
});

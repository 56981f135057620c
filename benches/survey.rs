//! The survey at a prefecture's scale: a 1,000-initiative report with 50 担当課. Sending writes
//! every division's response (`.ron`, `.xlsx`, both) to disk; collecting reads 50 answers from
//! disk (each division added a result to one of its topics), checks and merges them, and
//! applies the result as one step.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::document::{Document, Origin};
use shinchoku::model::{Report, Side, entry_text};
use shinchoku::survey::send::{Formats, Survey, write_responses};
use shinchoku::survey::{self, collect::collect_files};
use shinchoku::synthetic::{large_report, with_divisions};

const DIVISIONS: usize = 50;

fn master() -> Report {
    let mut doc = Document::new(
        with_divisions(large_report(1_000), DIVISIONS),
        Origin::Sample,
        Vec::new(),
    );
    let at = sent_at();
    let plan = Survey::new(doc.report(), due(), "", at.date()).expect("a survey to send");
    doc.perform(plan.intent(at)).expect("marking sent applies");
    doc.into_report()
}

fn sent_at() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, 2)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a real date")
}

fn due() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2017, 10, 13)
}

/// The survey as the master recorded it (the same tokens).
fn survey_of(master: &Report) -> Survey {
    Survey::new(master, due(), "", sent_at().date()).expect("a survey to send")
}

fn send(c: &mut Criterion) {
    let master = master();
    let plan = survey_of(&master);
    let mut group = c.benchmark_group("survey_send_1000_initiatives_50_divisions");
    group.sample_size(10);
    for (name, formats) in [
        ("ron", Formats::Ron),
        ("xlsx", Formats::Workbook),
        ("both", Formats::Both),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let dir = tempfile::tempdir().expect("a temporary directory");
                let sent = write_responses(&master, dir.path(), formats, &plan)
                    .expect("responses are written");
                assert!(sent.len() >= DIVISIONS);
            })
        });
    }
    group.finish();
}

fn collect(c: &mut Criterion) {
    let master = master();
    let dir = tempfile::tempdir().expect("a temporary directory");
    write_responses(&master, dir.path(), Formats::Both, &survey_of(&master))
        .expect("responses are written");
    let mut ron_answers = Vec::new();
    for division in survey::divisions(&master) {
        let path = dir.path().join(survey::file_name(&division, "ron"));
        let mut answer = shinchoku::store::open(&path).expect("the response opens");
        let topic = survey::topics_of(&answer, &division)[0];
        let (entry, _) = entry_text::new_entry(&mut answer, "説明会の開催(9月)");
        if let Some(t) = answer.topic_mut(topic) {
            t.entries_mut(Side::Actual).push(entry);
        }
        shinchoku::store::save(&path, &answer).expect("the answer is written");
        ron_answers.push(path);
    }
    let xlsx_answers: Vec<_> = survey::divisions(&master)
        .iter()
        .map(|d| dir.path().join(survey::file_name(d, "xlsx")))
        .collect();
    let at = NaiveDate::from_ymd_opt(2017, 10, 12)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a real date");
    let mut group = c.benchmark_group("survey_collect_1000_initiatives_50_divisions");
    group.sample_size(10);
    for (name, answers) in [("ron", &ron_answers), ("xlsx", &xlsx_answers)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let collection = collect_files(&master, answers, at);
                assert_eq!(collection.taken.len(), DIVISIONS);
                let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
                if let Some(intent) = collection.intent(&[]) {
                    doc.perform(intent).expect("the answers apply");
                }
                doc
            })
        });
    }
    group.finish();
}

criterion_group!(benches, send, collect);
criterion_main!(benches);

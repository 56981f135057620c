//! Importing report tables that grow in rows and in lines (issue 23, item 13: 40k / 80k /
//! 160k repeated plan rows took 2.7 / 13.8 / 57 s, each line compared with each). Every stage
//! should be linear: the time per line stays flat from 10,000 to 1,000,000.
//!
//! - `lines/N`: the seed's first initiative with N/2 plan lines and N/2 results, all alike
//!   (`・研修の実施(4月)`), in one topic: the repeated plan rows of the issue.
//! - `rows/N`: N initiative rows of one plan line and one result each. A million rows would
//!   hold a million initiatives (about 3 GB, and a 60 MB table): not run.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use shinchoku::import::import_text;

const SEED: &str = include_str!("../tests/fixtures/mie-h29-h1-report.tsv");

/// The seed's title block, header and first section: the lines before its first initiative.
fn head() -> Vec<&'static str> {
    SEED.split('\n').take(6).collect()
}

fn with_lines(n: usize) -> String {
    let lines: Vec<&str> = SEED.split('\n').collect();
    let mut fields: Vec<String> = lines[6].split('\t').map(str::to_string).collect();
    let cell = vec!["・研修の実施(4月)"; n / 2].join(" ");
    fields[13] = cell.clone();
    fields[14] = cell;
    let mut out = head().join("\n");
    out.push('\n');
    out.push_str(&fields.join("\t"));
    out
}

fn with_rows(n: usize) -> String {
    let mut out = head().join("\n");
    for k in 1..=n {
        out.push_str(&format!(
            "\n{k}\t① 取組{k}\t\t・研修{k}の実施(4月)\t・研修{k}の実施(4月)\t総務部人事課"
        ));
    }
    out
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    for n in [10_000, 100_000, 1_000_000] {
        let text = with_lines(n);
        eprintln!("lines/{n}: {} MB of table", text.len() / 1_000_000);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("lines", n), &text, |b, text| {
            b.iter(|| import_text(text).map(|i| i.warnings.len()).unwrap_or(0))
        });
    }
    for n in [10_000, 100_000] {
        let text = with_rows(n);
        eprintln!("rows/{n}: {} MB of table", text.len() / 1_000_000);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("rows", n), &text, |b, text| {
            b.iter(|| import_text(text).map(|i| i.warnings.len()).unwrap_or(0))
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);

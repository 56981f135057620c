//! The web page (公表) of one topic with 10,000 and 100,000 result lines (a division's long
//! answer): its time must grow with the lines, not their square.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use shinchoku::export::html::to_html;
use shinchoku::synthetic::with_result_lines;

fn html_result_lines(c: &mut Criterion) {
    let mut group = c.benchmark_group("html_result_lines");
    group.sample_size(10);
    for lines in [10_000, 100_000] {
        let report = with_result_lines(lines);
        group.bench_with_input(BenchmarkId::new("to_html", lines), &report, |b, report| {
            b.iter(|| to_html(report).len())
        });
    }
    group.finish();
}

criterion_group!(benches, html_result_lines);
criterion_main!(benches);

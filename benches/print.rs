//! Printing a generated report of 1,000 initiatives (A3 landscape): layout, then the PDF.

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::print::{self, PageSetup, PrintJob};
use shinchoku::synthetic::large_report;

fn print_1000(c: &mut Criterion) {
    let report = large_report(1_000);
    let setup = PageSetup::default();
    let job = PrintJob {
        report: &report,
        setup: &setup,
        printed_on: "2017年10月20日".into(),
        comparison: None,
    };
    let mut group = c.benchmark_group("print");
    group.sample_size(10);
    group.bench_function("layout/1000_initiatives", |b| {
        b.iter(|| print::layout(&job, &mut |_| {}).pages.len())
    });
    let layout = print::layout(&job, &mut |_| {});
    eprintln!(
        "1000 initiatives: {} A3 pages, PDF {} KB",
        layout.pages.len(),
        print::pdf::render(&layout, &report.title, &mut |_| {}).map_or(0, |p| p.len() / 1024)
    );
    group.bench_function("layout_and_pdf/1000_initiatives", |b| {
        b.iter(|| {
            let layout = print::layout(&job, &mut |_| {});
            print::pdf::render(&layout, &report.title, &mut |_| {})
                .map(|p| p.len())
                .unwrap_or(0)
        })
    });
    group.finish();
}

criterion_group!(benches, print_1000);
criterion_main!(benches);

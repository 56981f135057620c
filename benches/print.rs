//! Printing a generated report of 1,000 initiatives (A3 landscape): layout, then the PDF; and
//! one topic with 10,000 and 100,000 result lines (a division's long answer), whose time must
//! grow with the lines, not their square.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use shinchoku::model::Report;
use shinchoku::print::{self, PageSetup, PrintJob};
use shinchoku::synthetic::{large_report, with_result_lines};

fn job<'a>(report: &'a Report, setup: &'a PageSetup) -> PrintJob<'a> {
    PrintJob {
        report,
        setup,
        printed_on: "2017年10月20日".into(),
        comparison: None,
    }
}

fn print_1000(c: &mut Criterion) {
    let report = large_report(1_000);
    let setup = PageSetup::default();
    let job = job(&report, &setup);
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

fn print_result_lines(c: &mut Criterion) {
    let setup = PageSetup::default();
    let mut group = c.benchmark_group("print_result_lines");
    group.sample_size(10);
    for lines in [10_000, 100_000] {
        let report = with_result_lines(lines);
        let job = job(&report, &setup);
        group.bench_with_input(BenchmarkId::new("layout", lines), &job, |b, job| {
            b.iter(|| print::layout(job, &mut |_| {}).pages.len())
        });
        group.bench_with_input(BenchmarkId::new("layout_and_pdf", lines), &job, |b, job| {
            b.iter(|| {
                let layout = print::layout(job, &mut |_| {});
                print::pdf::render(&layout, &report.title, &mut |_| {})
                    .map(|p| p.len())
                    .unwrap_or(0)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, print_1000, print_result_lines);
criterion_main!(benches);

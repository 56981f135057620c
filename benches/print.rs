//! Printing a generated report of 1,000 initiatives (A3 landscape): layout, then the PDF — also
//! with numbers on every initiative (the numbers' columns and the 集計表's pages); and one topic
//! with 10,000 and 100,000 result lines (a division's long answer), whose time must grow with
//! the lines, not their square.

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
        b.iter(|| print::layout(&job, &mut |_| {}).unwrap().pages.len())
    });
    let layout = print::layout(&job, &mut |_| {}).unwrap();
    eprintln!(
        "1000 initiatives: {} A3 pages, PDF {} KB",
        layout.pages.len(),
        print::pdf::render(&layout, &report.title, &mut |_| {}).map_or(0, |p| p.len() / 1024)
    );
    group.bench_function("layout_and_pdf/1000_initiatives", |b| {
        b.iter(|| {
            let layout = print::layout(&job, &mut |_| {}).unwrap();
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
            b.iter(|| print::layout(job, &mut |_| {}).unwrap().pages.len())
        });
        group.bench_with_input(BenchmarkId::new("layout_and_pdf", lines), &job, |b, job| {
            b.iter(|| {
                let layout = print::layout(job, &mut |_| {}).unwrap();
                print::pdf::render(&layout, &report.title, &mut |_| {})
                    .map(|p| p.len())
                    .unwrap_or(0)
            })
        });
    }
    group.finish();
}

/// The generated report with, on every initiative, an indicator, this year's effect and a
/// self-rating on a four-level scale, and on every tenth a committee comment.
fn with_numbers(mut report: Report) -> Report {
    use shinchoku::model::figure::Decimal;
    use shinchoku::model::measures::{
        Comment, Effect, Figure, Indicator, IndicatorYear, Money, Rating, RatingLevel,
    };
    let codes = ["S", "A", "B", "C"];
    report.measure_settings.rating_scale = codes
        .iter()
        .map(|c| RatingLevel {
            code: c.to_string(),
            label: format!("{c}の段階"),
            meaning: String::new(),
            not_applicable: false,
        })
        .collect();
    let year = report.fiscal_year;
    let ids: Vec<_> = report.initiatives().map(|i| i.id).collect();
    for (k, id) in ids.into_iter().enumerate() {
        let Some(initiative) = report.initiative_mut(id) else {
            continue;
        };
        let m = initiative.measures_mut();
        m.indicators.push(Indicator {
            name: format!("指標{k}の件数"),
            unit: "件".into(),
            target: Figure::of(Decimal::whole(1000)),
            years: vec![IndicatorYear {
                year,
                target: Figure::default(),
                actual: Figure::of(Decimal::whole(k as i64)),
                first_half: Figure::default(),
            }],
            ..Indicator::default()
        });
        m.effects.push(Effect {
            fiscal_year: year,
            planned: Money::yen(1_000_000 * k as i64),
            actual: Money::yen(900_000 * k as i64),
        });
        m.self_rating = Some(Rating {
            code: codes[k % 4].into(),
            ..Rating::default()
        });
        if k % 10 == 0 {
            m.comment = Some(Comment {
                text: "委員会の意見。".repeat(20),
                ..Comment::default()
            });
        }
    }
    report
}

fn print_1000_with_numbers(c: &mut Criterion) {
    let report = with_numbers(large_report(1_000));
    let setup = PageSetup::default();
    let job = job(&report, &setup);
    let mut group = c.benchmark_group("print");
    group.sample_size(10);
    let layout = print::layout(&job, &mut |_| {}).unwrap();
    eprintln!(
        "1000 initiatives with numbers: {} A3 pages, {} of them after the grid",
        layout.pages.len(),
        layout
            .pages
            .iter()
            .filter(|p| p.initiatives.is_empty())
            .count()
    );
    group.bench_function("layout_and_pdf/1000_initiatives_with_numbers", |b| {
        b.iter(|| {
            let layout = print::layout(&job, &mut |_| {}).unwrap();
            print::pdf::render(&layout, &report.title, &mut |_| {})
                .map(|p| p.len())
                .unwrap_or(0)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    print_1000,
    print_1000_with_numbers,
    print_result_lines
);
criterion_main!(benches);

//! Opening a workbook of 1,000 initiatives: Shinchoku's own XLSX export of a large report
//! (merged stage cells, initiatives merged down over their items), read back by the importer.

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::{WorkbookFormat, import_workbook};
use shinchoku::synthetic::large_report;

fn open_1000(c: &mut Criterion) {
    let mut report = large_report(1_000);
    // The synthetic sections are numbered `1`, `2` …; written `1.` they read back as
    // sections (a bare number is an initiative's).
    for section in &mut report.sections {
        section.numeral = format!("{}.", section.number);
    }
    let bytes = export_bytes(&report, Format::Xlsx, Encoding::Utf8).expect("the XLSX is written");
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).expect("the workbook opens");
    let initiatives = opened.report.initiatives().count();
    assert_eq!(initiatives, 1_000);
    eprintln!(
        "workbook of {} initiatives, {} sections: {} KB, {} warning(s)",
        initiatives,
        opened.report.sections.len(),
        bytes.len() / 1024,
        opened.warnings.len()
    );
    let mut group = c.benchmark_group("workbook");
    group.sample_size(10);
    group.bench_function("open/1000_initiatives_xlsx", |b| {
        b.iter(|| {
            import_workbook(&bytes, WorkbookFormat::Xlsx)
                .map(|w| w.report.sections.len())
                .unwrap_or(0)
        })
    });
    // The same report as a report table, for comparison: the rows' reading is shared.
    let table = export_bytes(&report, Format::Table, Encoding::Utf8).expect("the table is written");
    group.bench_function("open/1000_initiatives_table", |b| {
        b.iter(|| {
            shinchoku::import::import_bytes(&table)
                .map(|i| i.report.sections.len())
                .unwrap_or(0)
        })
    });
    group.finish();
}

criterion_group!(benches, open_1000);
criterion_main!(benches);

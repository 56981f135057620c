//! Opening and saving generated reports of 1,000 and 10,000 initiatives: RON text to a checked
//! report (what opening a file does after reading its bytes), and back; and the warnings a
//! report opened is checked for (months not read, texts holding characters that do not show).

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::store;
use shinchoku::synthetic::large_report;

fn open_and_save(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let report = large_report(n);
        let text = store::to_ron(&report);
        eprintln!("{n} initiatives: {} MB of RON", text.len() / 1_000_000);
        group.bench_function(format!("open/{n}_initiatives"), |b| {
            b.iter(|| store::from_ron(&text).map(|r| r.next_id()).unwrap_or(0))
        });
        group.bench_function(format!("save/{n}_initiatives"), |b| {
            b.iter(|| store::to_ron(&report).len())
        });
        group.bench_function(format!("warnings/{n}_initiatives"), |b| {
            b.iter(|| shinchoku::model::check::warnings(&report).len())
        });
        group.bench_function(format!("invisible_characters/{n}_initiatives"), |b| {
            b.iter(|| shinchoku::model::check::invisible_characters(&report).len())
        });
    }
    group.finish();
}

criterion_group!(benches, open_and_save);
criterion_main!(benches);

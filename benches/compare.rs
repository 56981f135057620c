//! Comparing two reports of 1,000 initiatives: one made from the other (paired by id), and the
//! same two with the newer one's ids renumbered as a separate import would (paired by text).

use criterion::{Criterion, criterion_group, criterion_main};
use shinchoku::compare;
use shinchoku::model::{FiscalYear, Report, entry_text};
use shinchoku::synthetic::large_report;

/// The report with one result's text edited, one result added and one stage moved, in its
/// 500th initiative.
fn edited(old: &Report) -> Report {
    let mut new = old.clone();
    let Some(initiative) = new.initiatives().nth(499).cloned() else {
        return new;
    };
    if let Some((topic, result)) = initiative
        .topics
        .iter()
        .find_map(|t| t.actual.first().map(|e| (t.id, e.clone())))
    {
        let (changed, _) =
            entry_text::with_text(&mut new, &result, &format!("全庁で{}", result.text));
        if let Some(e) = new.entry_mut(result.id) {
            *e = changed;
        }
        let (added, _) = entry_text::new_entry(&mut new, "職員向け説明会の開催(7月～8月)");
        if let Some(t) = new.topic_mut(topic) {
            t.actual.push(added);
        }
    }
    if let Some(span) = new
        .initiative_mut(initiative.id)
        .into_iter()
        .flat_map(|i| i.items.iter_mut())
        .flat_map(|x| x.lanes.iter_mut())
        .filter_map(|l| l.last_mut())
        .find(|s| s.first < s.last)
    {
        span.last = FiscalYear(span.last.0 - 1);
    }
    new
}

fn compare_1000(c: &mut Criterion) {
    let old = large_report(1_000);
    let new = edited(&old);
    let mut renumbered = new.clone();
    renumbered.number_in_document_order();
    let by_id = compare::diff(&old, &new);
    let by_text = compare::diff(&old, &renumbered);
    eprintln!(
        "1000 initiatives: {} change(s) paired by {:?}, {} paired by {:?}",
        by_id.changes.len(),
        by_id.matched_by,
        by_text.changes.len(),
        by_text.matched_by
    );
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("diff/1000_initiatives_one_lineage", |b| {
        b.iter(|| compare::diff(&old, &new).changes.len())
    });
    group.bench_function("diff/1000_initiatives_by_text", |b| {
        b.iter(|| compare::diff(&old, &renumbered).changes.len())
    });
    group.bench_function("diff_and_change_list/1000_initiatives", |b| {
        b.iter(|| {
            let diff = compare::diff(&old, &new);
            compare::change_list_text(&diff, shinchoku::lang::Lang::Ja).len()
        })
    });
    group.finish();
}

criterion_group!(benches, compare_1000);
criterion_main!(benches);

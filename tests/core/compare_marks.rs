//! The comparison as the grid shows it (issue 12): which cells are marked, and where the rows of
//! what was removed go — what the window draws and a user sees.

use shinchoku::compare::{Comparison, Mark};
use shinchoku::grid::{self, GridRow, RowFilter};
use shinchoku::lang::Lang;
use shinchoku::model::{FiscalYear, Id, Report, entry_text};

use crate::{initiative, seed};

/// The seed, and a copy with one result edited, one result added, one removed and one stage
/// moved. Returns (old, new, edited, added, removed, moved item).
fn edited_copy() -> (Report, Report, Id, Id, Id, Id) {
    let old = seed().report;
    let mut new = old.clone();
    let four = initiative(&new, "4").clone();
    let topic = four
        .topics
        .iter()
        .find(|t| t.actual.iter().filter(|e| e.subs.is_empty()).count() >= 2)
        .expect("a topic with two results without sub-items");
    let mut plain = topic.actual.iter().filter(|e| e.subs.is_empty());
    let edited = plain.next().unwrap().clone();
    let removed = plain.next().unwrap().id;
    let (changed, _) = entry_text::with_text(&mut new, &edited, &format!("全庁で{}", edited.text));
    *new.entry_mut(edited.id).unwrap() = changed;
    let (added, _) = entry_text::new_entry(&mut new, "職員向け説明会の開催(7月～8月)");
    let added_id = added.id;
    let t = new.topic_mut(topic.id).unwrap();
    t.actual.retain(|e| e.id != removed);
    t.actual.push(added);
    let item = new
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.items.iter_mut())
        .find(|x| {
            x.lanes
                .first()
                .and_then(|l| l.last())
                .is_some_and(|s| s.first < s.last)
        })
        .expect("a stage over several years");
    let item_id = item.id;
    let span = item.lanes[0].last_mut().unwrap();
    span.last = FiscalYear(span.last.0 - 1);
    (old, new, edited.id, added_id, removed, item_id)
}

fn row_of(report: &Report, rows: &[GridRow], id: Id) -> GridRow {
    *rows
        .iter()
        .find(|r| grid::thing_of(report, **r) == Some(id))
        .unwrap_or_else(|| panic!("a row shows {id:?}"))
}

#[test]
fn the_seed_compared_with_itself_marks_nothing_and_adds_no_row() {
    let report = seed().report;
    let c = Comparison::new("seed", report.clone(), &report);
    let rows = grid::rows(&report, &RowFilter::default());
    for row in &rows {
        assert!(c.row_marks(&report, *row).is_empty(), "{row:?}");
    }
    assert_eq!(c.with_removed(&report, &rows, &RowFilter::default()), rows);
}

#[test]
fn an_edited_result_an_added_one_a_removed_one_and_a_moved_stage_are_marked_where_they_are() {
    let (old, new, edited, added, removed, item) = edited_copy();
    let c = Comparison::new("old.ron", old.clone(), &new);
    let filter = RowFilter::default();
    let plain = grid::rows(&new, &filter);
    let rows = c.with_removed(&new, &plain, &filter);

    let edited_marks = c.row_marks(&new, row_of(&new, &rows, edited));
    assert_eq!(edited_marks.text, Some(Mark::Changed));
    assert_eq!(edited_marks.row, None, "an edited row is not new");
    let added_marks = c.row_marks(&new, row_of(&new, &rows, added));
    assert_eq!(added_marks.row, Some(Mark::Added));
    assert_eq!(added_marks.months, Some(Mark::Added));
    let lane = c.row_marks(&new, row_of(&new, &rows, item));
    assert_eq!(lane.stage, Some(Mark::Changed));
    assert_eq!(lane.text, None, "the item's name did not change");

    // Exactly one row more: the removed result, after the rows of its topic, saying what the
    // older report wrote.
    assert_eq!(rows.len(), plain.len() + 1);
    let k = rows
        .iter()
        .position(|r| matches!(r, GridRow::Removed { .. }))
        .unwrap();
    let GridRow::Removed { change, depth, .. } = rows[k] else {
        unreachable!()
    };
    assert_eq!(depth, 3);
    assert_eq!(
        c.removed_text(change, Lang::Ja),
        old.entry(removed).unwrap().text
    );
    assert_eq!(c.removed_entry(change).map(|(e, _)| e.id), Some(removed));
    let topic = new.entry_place(added).unwrap().topic;
    let before = rows[k - 1];
    assert!(
        matches!(before, GridRow::Entry { .. } | GridRow::Topic { .. }),
        "{before:?}"
    );
    let topic_of = |r: GridRow| match r {
        GridRow::Entry { .. } => new
            .entry_place(grid::entry_of(&new, r)?.id)
            .map(|p| p.topic),
        _ => None,
    };
    assert_eq!(
        topic_of(before),
        Some(topic),
        "after the last row of its topic"
    );
    assert_eq!(c.row_marks(&new, rows[k]).row, Some(Mark::Removed));

    // The removed result left a plan line unmet: initiative 4 and its topic turned late, shown
    // as before → now on their rows.
    use shinchoku::model::status::Status;
    let four = row_of(&new, &rows, initiative(&new, "4").id);
    assert_eq!(
        c.row_marks(&new, four).status,
        Some((Status::InProgress, Status::Late))
    );
    // Every marked row, and nothing else: the three changes, the removed row, two statuses.
    let marked = rows
        .iter()
        .filter(|r| !c.row_marks(&new, **r).is_empty())
        .count();
    assert_eq!(marked, 6, "{:#?}", c.diff().changes);
}

#[test]
fn a_folded_initiative_hides_its_removed_rows_too() {
    let (old, new, ..) = edited_copy();
    let c = Comparison::new("old.ron", old, &new);
    let mut filter = RowFilter::default();
    filter.folded.insert(initiative(&new, "4").id);
    let plain = grid::rows(&new, &filter);
    assert_eq!(c.with_removed(&new, &plain, &filter), plain);
}

#[test]
fn a_status_that_changed_is_shown_as_before_and_now() {
    let old = seed().report;
    let mut new = old.clone();
    // The second half's as-of date makes first-half plan lines without results late.
    new.as_of = Some(shinchoku::model::AsOf { month: 3, day: 31 });
    let c = Comparison::new("old", old.clone(), &new);
    let rows = grid::rows(&new, &RowFilter::default());
    let arrows: Vec<_> = rows
        .iter()
        .filter_map(|r| c.row_marks(&new, *r).status)
        .collect();
    assert!(!arrows.is_empty(), "{:#?}", c.diff().changes);
    assert!(arrows.iter().all(|(before, now)| before != now));
}

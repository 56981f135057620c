//! Comparing in the window (比較), 次の期間へ, and stepping through reports opened together
//! (前の報告 / 次の報告): what a user sees in the grid and the panel beside it.

use std::path::Path;

use crate::helpers::*;
use shinchoku::compare::RolloverTo;
use shinchoku::model::{Id, Period, Side};

/// The sample saved as `old.ron`, then edited in the window: one result's text changed, one
/// result added and one removed (in the same topic). Returns (edited, added, removed text).
fn edited_since_saving(h: &mut Harness<'static, ShinchokuApp>, old: &Path) -> (Id, Id, String) {
    h.state_mut().queue(FileCommand::SaveTo(old.to_path_buf()));
    h.run();
    let report = h.state().document().report();
    let topic = report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| t.actual.iter().filter(|e| e.subs.is_empty()).count() >= 2)
        .expect("a topic with two plain results");
    let mut plain = topic.actual.iter().filter(|e| e.subs.is_empty());
    let (edited, removed) = (plain.next().unwrap().clone(), plain.next().unwrap().clone());
    let topic = topic.id;
    h.state_mut().queue(Intent::SetEntryText {
        id: edited.id,
        text: format!("全庁で{}", edited.text),
    });
    h.state_mut().queue(Intent::RemoveEntry { id: removed.id });
    h.state_mut().queue(Intent::AddEntry {
        topic,
        side: Side::Actual,
        text: "職員向け説明会の開催(7月～8月)".into(),
    });
    h.run();
    let added = h
        .state()
        .document()
        .report()
        .topic(topic)
        .and_then(|t| {
            t.actual
                .iter()
                .find(|e| e.text.starts_with("職員向け説明会"))
        })
        .map(|e| e.id)
        .expect("the added result");
    (edited.id, added, removed.text)
}

#[test]
fn comparing_marks_the_grid_and_lists_each_change_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let mut h = tall_harness();
    let (edited, added, removed) = edited_since_saving(&mut h, &old);
    h.state_mut().queue(CompareCommand::With(old.clone()));
    h.run();

    let c = h.state().comparison().expect("comparing");
    let ids: Vec<Option<Id>> = c.diff().changes.iter().map(|c| c.new_id).collect();
    assert!(
        ids.contains(&Some(edited)) && ids.contains(&Some(added)),
        "{ids:?}"
    );
    // The panel: what is compared with what, the legend, one line per change.
    h.get_by_label("比較対象: old.ron → old.ron");
    h.get_by_label("比較をやめる");
    h.get_by_label_contains("実績を追加: 職員向け説明会の開催(7月～8月)");
    h.get_by_label_contains("実績を変更（文）: ");
    // The grid: the added row signed ＋, the removed one still shown (struck through) with －.
    assert_eq!(h.query_all_by_label("＋").count(), 1);
    assert_eq!(h.query_all_by_label("－").count(), 1);
    assert!(
        h.query_by_label(&removed).is_some(),
        "the removed row says {removed}"
    );

    // A line of the list goes to its change: the initiative is selected.
    h.get_by_label_contains("実績を追加: 職員向け説明会")
        .click();
    h.run();
    let initiative = h
        .state()
        .document()
        .report()
        .initiatives()
        .find(|i| {
            i.topics
                .iter()
                .any(|t| t.actual.iter().any(|e| e.id == added))
        })
        .map(|i| i.id);
    assert_eq!(h.state().selected(), initiative);

    // Undoing the edits removes their marks as the comparison follows the report.
    for _ in 0..3 {
        h.state_mut().queue(Action::Undo);
    }
    h.run();
    assert!(h.state().comparison().unwrap().diff().same);
    assert_eq!(h.query_all_by_label("＋").count(), 0);

    h.get_by_label("比較をやめる").click();
    h.run();
    assert!(h.state().comparison().is_none());
    assert!(h.query_by_label("比較をやめる").is_none());
}

#[test]
fn the_change_list_prints_to_a_pdf_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let pdf = dir.path().join("changes.pdf");
    let mut h = sample_harness();
    edited_since_saving(&mut h, &old);
    h.state_mut().queue(CompareCommand::With(old));
    h.state_mut().queue(CompareCommand::PrintList(pdf.clone()));
    // Made on a worker, as every PDF is: the window is not frozen by a long list.
    wait_for_job(&mut h);
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains("実績を追加:職員向け説明会の開催(7月～8月)"),
        "{text}"
    );
    assert!(flat.contains("1/1"), "the page number: {text}");
    h.get_by_label_contains("PDFを書き出しました");
}

#[test]
fn next_period_replaces_the_report_with_its_successor_unsaved_and_compared() {
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::SecondHalf));
    h.run();
    let doc = h.state().document();
    assert_eq!(doc.report().period, Period::SecondHalf);
    assert!(
        doc.report().title.contains("下半期"),
        "{}",
        doc.report().title
    );
    assert!(doc.is_dirty(), "a successor is unsaved until saved");
    assert!(
        h.state()
            .window_title()
            .starts_with("sample-report-second-half.ron ●")
    );
    let c = h
        .state()
        .comparison()
        .expect("compared with the report it came from");
    assert!(c.diff().report.iter().any(|f| f.field == "period"));
    h.get_by_label_contains("次の期間へ進めました");

    // Going on again would drop the unsaved successor: the guard asks first.
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::NextYear));
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
}

#[test]
fn a_first_half_report_cannot_go_to_the_next_year_and_says_why() {
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::NextYear));
    h.run();
    h.get_by_label("次の期間へ進められません");
    assert_eq!(h.state().document().report().period, Period::FirstHalf);
}

#[test]
fn reports_opened_together_step_back_and_forth_with_the_marks_on() {
    let dir = tempfile::tempdir().unwrap();
    let (h1, h2) = (dir.path().join("h1.ron"), dir.path().join("h2.ron"));
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::SaveTo(h1.clone()));
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::SecondHalf));
    h.state_mut().queue(FileCommand::SaveTo(h2.clone()));
    h.run();
    assert_eq!(h.state().series(), [h1.clone(), h2.clone()]);
    drop(h); // closes h2, so the next window does not find it open elsewhere

    // Opened together (in any order): the latest is shown, compared with the one before.
    let mut h = sample_harness();
    h.state_mut()
        .queue(CompareCommand::OpenSeries(vec![h2.clone(), h1.clone()]));
    h.run();
    assert_eq!(h.state().document().file_path(), Some(h2.as_path()));
    assert_eq!(
        h.state().comparison().map(|c| c.label.as_str()),
        Some("h1.ron")
    );
    h.get_by_label("報告 2 / 2");

    h.state_mut().queue(Action::PreviousReport);
    h.run();
    assert_eq!(h.state().document().file_path(), Some(h1.as_path()));
    assert!(h.state().comparison().is_none(), "nothing before the first");
    h.get_by_label("報告 1 / 2");
    h.state_mut().queue(Action::PreviousReport);
    h.run();
    h.get_by_label_contains("これより前の報告は開かれていません");

    h.get_by_label("次の報告 ▶").click();
    h.run();
    assert_eq!(h.state().document().file_path(), Some(h2.as_path()));
    assert!(h.state().comparison().is_some());
}

/// The change list printed right after an edit, in the same batch of commands (before a frame
/// has drawn it): the list holds the edit. It was made from the comparison as last drawn, which
/// did not have it.
#[test]
fn the_change_list_printed_after_an_edit_holds_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let mut h = tall_harness();
    edited_since_saving(&mut h, &old);
    h.state_mut().queue(CompareCommand::With(old.clone()));
    h.run();
    let result = h
        .state()
        .document()
        .report()
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .find(|e| e.subs.is_empty() && !e.text.starts_with("全庁で"))
        .map(|e| e.id)
        .unwrap();
    let pdf = dir.path().join("changes.pdf");
    h.state_mut().queue(Intent::SetEntryText {
        id: result,
        text: "直前に書き換えた実績(9月)".into(),
    });
    h.state_mut().queue(CompareCommand::PrintList(pdf.clone()));
    // Stepped, not run to rest: a machine under load keeps the job running past the
    // harness's steps, and `run` gave up.
    h.step();
    wait_for_job(&mut h);
    let text: String = pdf_extract::extract_text(&pdf)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("直前に書き換えた実績(9月)"), "{text}");
}

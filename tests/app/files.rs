//! Files from the window: saving and opening again, errors, the unsaved-changes guard.

use crate::helpers::*;

#[test]
fn saving_through_the_app_and_opening_again_gives_an_equal_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::SaveTo(path.clone()));
    h.run();
    assert!(!h.state().document().is_dirty());
    assert!(h.state().window_title().starts_with("saved.ron — "));
    let reopened: shinchoku::model::Report = shinchoku::store::open(&path).unwrap();
    assert!(reopened == h.state().document().report);
    // Opening it through the app gives the same report again.
    h.state_mut().queue(FileCommand::OpenPath(path.clone()));
    h.run();
    assert!(h.state().document().report == reopened);
    assert_eq!(
        h.state()
            .prefs()
            .recent
            .first()
            .map(|p| p.ends_with("saved.ron")),
        Some(true)
    );
}

#[test]
fn a_file_that_fails_to_open_shows_the_message_and_keeps_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.tsv");
    std::fs::write(&path, "not a report").unwrap();
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::OpenPath(path));
    h.run();
    h.get_by_label("ファイルを開けませんでした");
    h.get_by_label_contains("broken.tsv: 見出しの行がありません");
    assert_eq!(h.state().document().report.initiative_count(), 11);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().dialog().is_none());
}

#[test]
fn an_unsaved_change_raises_the_guard_on_close() {
    let mut h = sample_harness();
    // Without changes the window closes at once.
    request_close(&mut h);
    h.step();
    assert!(!sent(&h, &ViewportCommand::CancelClose));
    h.run();

    let first = h.state().document().report.initiatives().next().unwrap();
    let (id, title) = (first.id, format!("{}（改訂）", first.title));
    h.state_mut()
        .queue(Intent::SetInitiativeTitle { id, title });
    h.run();
    assert!(h.state().window_title().contains('●'));
    request_close(&mut h);
    h.step();
    assert!(sent(&h, &ViewportCommand::CancelClose));
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
    h.get_by_label("保存されていない変更");
    h.get_by_label("保存しない").click();
    h.step();
    assert!(sent(&h, &ViewportCommand::Close));
}

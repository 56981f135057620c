//! Keeping every word safe, from the window: a file open in another Shinchoku, a file changed
//! on disk before a save, a read-only file, work recovered after a crash, a path typed where
//! no file dialog can be shown.

use shinchoku::store::recovery::RecoveryStore;

use crate::helpers::*;

/// The sample saved as a `.ron` in `dir`.
fn saved_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("report.ron");
    shinchoku::store::save(&path, Document::sample().report()).unwrap();
    path
}

fn opened(path: &std::path::Path) -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()),
        900.0,
    );
    h.state_mut()
        .queue(FileCommand::OpenPath(path.to_path_buf()));
    h.run();
    h
}

fn retitle(h: &mut Harness<'static, ShinchokuApp>, title: &str) {
    let id = h
        .state()
        .document()
        .report()
        .initiatives()
        .next()
        .unwrap()
        .id;
    let title = title.to_string();
    h.state_mut()
        .queue(Intent::SetInitiativeTitle { id, title });
    h.run();
}

#[test]
fn a_file_open_in_another_window_opens_read_only_and_the_lock_can_be_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let first = opened(&path);
    assert!(first.state().dialog().is_none());
    let mut second = opened(&path);
    assert!(matches!(
        second.state().dialog(),
        Some(Dialog::Locked { .. })
    ));
    second.get_by_label("ほかで開かれています");
    // The lock file is named, for whoever must find a stale one.
    let lock = shinchoku::store::lock::lock_path(&path);
    second.get_by_label(&format!(
        "ロックファイル: {}",
        shinchoku::model::text::path_shown(&lock)
    ));
    assert!(second.state().document().is_read_only());
    second.get_by_label("読み取り専用で開く").click();
    second.run();
    assert!(second.state().dialog().is_none());
    assert!(
        second
            .query_all_by_label_contains("読み取り専用（")
            .next()
            .is_some()
    );
    // Its save is refused, naming who holds the file; taking the lock over saves.
    retitle(&mut second, "二つ目の窓で変更");
    second.state_mut().queue(Action::Save);
    second.run();
    assert!(matches!(
        second.state().dialog(),
        Some(Dialog::LockedOnSave { .. })
    ));
    second.get_by_label("ロックを引き継いで保存").click();
    second.run();
    assert!(!second.state().document().is_dirty());
    let on_disk = shinchoku::store::open(&path).unwrap();
    assert_eq!(on_disk, *second.state().document().report());
    drop(first);
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut h = opened(&path);
    // Someone else saves the file meanwhile.
    let mut theirs = Document::sample().into_report();
    theirs.title.push_str("（他の人の変更）");
    std::fs::write(&path, shinchoku::store::to_ron(&theirs)).unwrap();
    retitle(&mut h, "この窓の変更");
    h.state_mut().queue(Action::Save);
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::ChangedOnDisk { .. })
    ));
    h.get_by_label("ファイルがほかで変更されています");
    assert_eq!(
        shinchoku::store::open(&path).unwrap(),
        theirs,
        "nothing written yet"
    );
    h.get_by_label("上書き").click();
    h.run();
    assert!(!h.state().document().is_dirty());
    assert_eq!(
        shinchoku::store::open(&path).unwrap(),
        *h.state().document().report()
    );
}

#[test]
fn a_read_only_file_is_overwritten_only_when_the_user_chooses_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut h = opened(&path);
    retitle(&mut h, "読み取り専用のファイルへ");
    for answer in ["キャンセル", "上書き"] {
        h.state_mut().queue(Action::Save);
        h.run();
        assert!(matches!(
            h.state().dialog(),
            Some(Dialog::ReadOnlyOnSave { .. })
        ));
        h.get_by_label("読み取り専用");
        assert!(
            h.query_all_by_label_contains("読み取り専用のファイルです")
                .next()
                .is_some()
        );
        h.get_by_label("別名で保存…");
        assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written yet");
        h.get_by_label(answer).click();
        h.run();
        assert!(h.state().dialog().is_none(), "{answer}");
    }
    assert!(!h.state().document().is_dirty());
    assert_eq!(
        shinchoku::store::open(&path).unwrap(),
        *h.state().document().report()
    );
    let meta = std::fs::metadata(&path).unwrap();
    assert!(meta.permissions().readonly(), "it stays read-only");
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let copies = tempfile::tempdir().unwrap();
    let store = || RecoveryStore::new(copies.path());
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()).with_recovery(store()),
        900.0,
    );
    h.run();
    retitle(&mut h, "保存前に落ちた変更");
    // The window loses the focus: the copy is written at once.
    h.state_mut().queue(FileCommand::Autosave {
        flush: true,
        at: std::time::Duration::ZERO,
    });
    h.run();
    let edited = h.state().document().report().clone();
    // The process dies without saving; the next start offers the copy.
    std::mem::forget(h);
    let mut next = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()).with_recovery(store()),
        900.0,
    );
    next.run();
    assert!(matches!(next.state().dialog(), Some(Dialog::Recover(list)) if list.len() == 1));
    next.get_by_label("保存されていない作業が残っています");
    next.get_by_label("復元").click();
    next.run();
    assert!(next.state().dialog().is_none());
    assert!(*next.state().document().report() == edited);
    // Restored, the copy is gone from the list of pending ones.
    assert!(store().pending().is_empty());
}

#[test]
fn where_no_file_dialog_can_be_shown_the_path_is_typed() {
    // SAFETY of the test: only the window's file dialogs read this variable.
    unsafe { std::env::set_var("SHINCHOKU_TYPE_PATHS", "1") };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let mut h = sample_harness();
    h.state_mut().queue(Action::SaveAs);
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::TypePath { .. })));
    h.get_by_label("保存するファイルのパスを入力");
    h.get_by_label(
        "この環境ではファイルを選ぶ画面を表示できません。保存先のファイルのパスを入力してください。",
    );
    save_to_typed(&mut h, &path);
    assert!(path.exists());
    assert!(h.state().window_title().starts_with("typed.ron"));
}

/// Types `path` into the path prompt and presses OK.
fn save_to_typed(h: &mut Harness<'static, ShinchokuApp>, path: &std::path::Path) {
    h.get_by_role_and_label(egui::Role::TextInput, "パス")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

/// 終了 with unsaved changes, 保存する, and the report has no file of its own: the path is
/// typed, the report saved there, and the window closes (the file was saved and the window
/// stayed open, the quit forgotten). Cancelling the path instead leaves it open, unsaved.
#[test]
fn quitting_and_saving_to_a_typed_path_saves_and_closes() {
    // SAFETY of the test: only the window's file dialogs read this variable.
    unsafe { std::env::set_var("SHINCHOKU_TYPE_PATHS", "1") };
    let dir = tempfile::tempdir().unwrap();
    for cancel in [true, false] {
        let path = dir.path().join(format!("quit-{cancel}.ron"));
        let mut h = sample_harness();
        retitle(&mut h, "終了前の変更");
        h.state_mut().queue(Action::Quit);
        h.run();
        h.get_by_label("保存する").click();
        h.run();
        assert!(matches!(h.state().dialog(), Some(Dialog::TypePath { .. })));
        if cancel {
            h.get_by_label("キャンセル").click();
            h.run();
            assert!(!h.state().is_closing() && h.state().document().is_dirty());
            // A save later is only a save.
            h.state_mut().queue(FileCommand::SaveTo(path.clone()));
            h.run();
            assert!(path.exists() && !h.state().is_closing());
            continue;
        }
        save_to_typed(&mut h, &path);
        assert!(path.exists());
        assert!(h.state().is_closing(), "the quit asked for is done");
    }
}

/// A settings file edited by hand or damaged: a zoom of `inf` or `1e-30` crashed the window at
/// every start (a panic drawing, an overflow laying out rows), `1e-6` asked for 3 GB; a margin of
/// 1e9 mm made every print fail. Read back, each is within what the window offers.
#[test]
fn extreme_saved_settings_start_the_window_within_its_bounds() {
    let saved = ron::to_string(&Prefs::default()).unwrap();
    assert!(
        saved.contains("margin_mm:10.0") && saved.contains("zoom:0.0"),
        "{saved}"
    );
    for zoom in ["inf", "1e-30", "1e-6", "1000.0", "NaN"] {
        let text = saved
            .replace("margin_mm:10.0", "margin_mm:1e9")
            .replace("zoom:0.0", &format!("zoom:{zoom}"));
        let prefs: Prefs = ron::from_str(&text).unwrap_or_else(|e| panic!("{zoom}: {e}"));
        assert_eq!(prefs.page_setup().margin_mm, 1e9);
        let prefs = prefs.sanitized();
        assert!(
            (0.5..=3.0).contains(&prefs.zoom()),
            "{zoom}: {}",
            prefs.zoom()
        );
        assert!((5.0..=25.0).contains(&prefs.page_setup().margin_mm));
        let mut h = harness_with(ShinchokuApp::new(Document::sample(), prefs), 800.0);
        h.run();
    }
}

/// A recovery interval of `u64::MAX` in the settings file crashed the window at its first
/// edit, and at every later start (the file kept it): the time of the next copy overflowed.
#[test]
fn an_extreme_recovery_interval_in_the_settings_does_not_crash_an_edit() {
    let saved = ron::to_string(&Prefs::default()).unwrap();
    assert!(saved.contains("recovery_seconds:0"), "{saved}");
    let text = saved.replace(
        "recovery_seconds:0",
        &format!("recovery_seconds:{}", u64::MAX),
    );
    let prefs: Prefs = ron::from_str(&text).unwrap();
    assert!(prefs.recovery_interval() <= std::time::Duration::from_secs(3600));
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), prefs.sanitized()),
        800.0,
    );
    h.run();
    let id = h
        .state()
        .document()
        .report()
        .find_initiative("1")
        .unwrap()
        .id;
    h.state_mut()
        .queue(shinchoku::edit::Intent::SetInitiativeTitle {
            id,
            title: "協創の推進（改）".into(),
        });
    h.run();
    assert!(h.state().document().is_dirty());
}

/// A recovery copy restored over a report being compared is another report: the comparison
/// ends, as it does when another file is opened (it stayed, marking the restored report's
/// differences from a file it had never been compared with).
#[test]
fn a_restored_copy_ends_the_comparison_of_the_report_it_replaces() {
    let copies = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let mut earlier = Document::sample().into_report();
    earlier.title = format!("{}（前回）", earlier.title);
    shinchoku::store::save(&old, &earlier).unwrap();
    let store = RecoveryStore::new(copies.path());
    let copied = Document::sample().into_report();
    store
        .write(
            &shinchoku::store::recovery::Belongs::Unsaved,
            &copied,
            None,
            "crashed",
            std::time::SystemTime::now(),
        )
        .unwrap();
    let copy = store.pending().pop().expect("a copy to restore");
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default())
            .with_recovery(RecoveryStore::new(copies.path())),
        900.0,
    );
    h.run();
    h.state_mut()
        .queue(shinchoku::app::CompareCommand::With(old.clone()));
    h.run();
    assert!(h.state().comparison().is_some(), "comparing");
    h.state_mut().queue(FileCommand::Restore(copy));
    h.run();
    assert!(h.state().comparison().is_none(), "the comparison ended");
}

//! The window with nobody touching it: egui draws a frame only on input or when asked, so what
//! runs on a timer, or opens by itself, must ask.

use std::time::Duration;

use shinchoku::store::recovery::RecoveryStore;

use crate::helpers::*;

fn copies_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().count())
}

#[test]
fn an_idle_window_writes_the_recovery_copy_on_its_timer() {
    let copies = tempfile::tempdir().unwrap();
    let app = ShinchokuApp::new(Document::sample(), Prefs::default())
        .with_recovery(RecoveryStore::new(copies.path()));
    let mut h = harness_with(app, 900.0);
    // The window's clock is the harness's: it stands still unless the test moves it.
    h.input_mut().time = Some(10.0);
    h.run();
    let id = h
        .state()
        .document()
        .report()
        .initiatives()
        .next()
        .unwrap()
        .id;
    h.state_mut().queue(Intent::SetInitiativeTitle {
        id,
        title: "保存前の変更".into(),
    });
    h.run();
    assert!(h.state().document().is_dirty());
    assert_eq!(copies_in(copies.path()), 0, "no copy before its interval");
    // Nothing moves from here on: the window must wake by itself when the copy is due, no
    // later than the interval (60 s by default).
    let wait = sleeps_for(&h);
    assert!(
        wait <= Duration::from_secs(60),
        "the idle window sleeps {wait:?}: it would not wake for the copy"
    );
    h.input_mut().time = Some(10.0 + wait.as_secs_f64());
    h.step();
    assert_eq!(copies_in(copies.path()), 1, "the copy is written on time");
    let copy = RecoveryStore::new(copies.path()).pending();
    assert_eq!(copy.len(), 1);
    assert!(copy[0].title == h.state().document().report().title);
    // Written, the window has nothing more to wake for until the next change.
    assert_eq!(sleeps_for(&h), Duration::MAX);
}

#[test]
fn what_the_timer_frame_has_to_say_is_drawn_without_input() {
    let dir = tempfile::tempdir().unwrap();
    // The recovery folder cannot be made: a file stands where its parent should be.
    let blocker = dir.path().join("ファイル");
    std::fs::write(&blocker, "").unwrap();
    let app = ShinchokuApp::new(Document::sample(), Prefs::default())
        .with_recovery(RecoveryStore::new(blocker.join("recovery")));
    let mut h = harness_with(app, 900.0);
    h.input_mut().time = Some(0.0);
    h.run();
    let id = h
        .state()
        .document()
        .report()
        .initiatives()
        .next()
        .unwrap()
        .id;
    h.state_mut().queue(Intent::SetInitiativeTitle {
        id,
        title: "保存前の変更".into(),
    });
    h.run();
    let wait = sleeps_for(&h);
    assert!(wait <= Duration::from_secs(60), "sleeps {wait:?}");
    // The frame the timer wakes fails to write the copy: it asks for the next frame, which
    // shows why in the status bar, rather than leaving it undrawn until the mouse moves.
    h.input_mut().time = Some(wait.as_secs_f64());
    h.step();
    assert_eq!(sleeps_for(&h), Duration::ZERO);
    h.run();
    h.get_by_label_contains(&blocker.join("recovery").display().to_string());
    // A copy that cannot be written does not keep the window awake: the next try is an
    // interval later.
    assert!(
        sleeps_for(&h) >= Duration::from_secs(59),
        "{:?}",
        sleeps_for(&h)
    );
}

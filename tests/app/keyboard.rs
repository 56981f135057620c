//! The keyboard table (`Action`'s): no key taken by two actions, none shadowed by one checked
//! earlier, and the keys that mean the same by convention doing the same thing.

use egui::{Key, KeyboardShortcut, Modifiers};
use shinchoku::app::Action;

/// Every (action, shortcut) in the order the window checks them.
fn table() -> Vec<(Action, KeyboardShortcut)> {
    Action::ALL
        .iter()
        .flat_map(|a| a.spec().shortcuts.iter().map(move |s| (*a, *s)))
        .collect()
}

/// The action a press of `pressed` runs: the first in the table that takes it, as
/// `consume_shortcut` does (a shortcut takes a press with extra Shift or Alt).
fn taken_by(pressed: KeyboardShortcut) -> Option<Action> {
    table().into_iter().find_map(|(a, s)| {
        (s.logical_key == pressed.logical_key && pressed.modifiers.matches_logically(s.modifiers))
            .then_some(a)
    })
}

/// What the table itself finds wrong: a key with two actions, or one that an earlier, looser
/// shortcut takes before it is reached.
fn clashes(table: &[(Action, KeyboardShortcut)]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, (a, s)) in table.iter().enumerate() {
        for (b, earlier) in &table[..k] {
            let shadowed = earlier.logical_key == s.logical_key
                && s.modifiers.matches_logically(earlier.modifiers);
            if shadowed && a != b {
                out.push(format!("{s:?} of {a:?} is taken by {b:?} ({earlier:?})"));
            }
        }
    }
    out
}

#[test]
fn every_shortcut_runs_its_own_action() {
    assert_eq!(clashes(&table()), Vec::<String>::new());
    for (a, s) in table() {
        assert_eq!(taken_by(s), Some(a), "{s:?}");
    }
}

#[test]
fn a_shortcut_checked_after_a_looser_one_is_found() {
    // Undo's Ctrl+Z checked before Redo's Ctrl+Shift+Z would take the redo.
    let cmd = |m: Modifiers, k| KeyboardShortcut::new(m, k);
    let wrong = [
        (Action::Undo, cmd(Modifiers::COMMAND, Key::Z)),
        (
            Action::Redo,
            cmd(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
        ),
    ];
    assert_eq!(clashes(&wrong).len(), 1, "{:?}", clashes(&wrong));
}

#[test]
fn keys_that_mean_the_same_do_the_same() {
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
    // Redo is Ctrl+Shift+Z on some desks and Ctrl+Y on others; zoom in is Ctrl++ or Ctrl+=
    // (the same key without Shift on a Japanese keyboard); undo is never either.
    let same = [
        vec![(cmd_shift, Key::Z), (cmd, Key::Y)],
        vec![(cmd, Key::Plus), (cmd, Key::Equals)],
    ];
    for group in same {
        let actions: Vec<Option<Action>> = group
            .iter()
            .map(|(m, k)| taken_by(KeyboardShortcut::new(*m, *k)))
            .collect();
        assert!(actions[0].is_some(), "{group:?}");
        assert!(
            actions.iter().all(|a| *a == actions[0]),
            "{group:?}: {actions:?}"
        );
    }
    assert_eq!(
        taken_by(KeyboardShortcut::new(cmd_shift, Key::Z)),
        Some(Action::Redo)
    );
    assert_eq!(
        taken_by(KeyboardShortcut::new(cmd, Key::Z)),
        Some(Action::Undo)
    );
}

/// The shortcuts as menus and tooltips write them: keycap names (Ctrl, Shift, Enter, F8) and
/// the arrow keys as arrows, never the English `Down` or `Ctrl+Right` in the Japanese menus.
#[test]
fn shortcuts_are_written_with_arrows_not_english_key_names() {
    let ctx = egui::Context::default();
    let keycaps = ["Ctrl", "Shift", "Alt", "Enter", "Cmd", "Option"];
    for action in Action::ALL {
        let Some(text) = action.shortcut_text(&ctx) else {
            continue;
        };
        for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
            assert!(
                word.len() < 2 || keycaps.contains(&word),
                "{action:?}: {text}"
            );
        }
    }
    assert_eq!(
        Action::NextCell.shortcut_text(&ctx).as_deref(),
        Some("Ctrl+→")
    );
    assert_eq!(Action::SelectNext.shortcut_text(&ctx).as_deref(), Some("↓"));
    assert!(
        Action::ToggleDetail
            .hint(&ctx, "詳細パネル")
            .starts_with("詳細パネル (Ctrl+")
    );
}

/// Esc closes an open menu (the window took every Esc for the review or the preview, open or
/// not, so the menu never saw it).
#[test]
fn esc_closes_an_open_menu() {
    use egui_kittest::kittest::Queryable;
    let mut h = crate::helpers::sample_harness();
    h.get_by_label("表示").click();
    h.run();
    assert!(h.query_by_label("English").is_some(), "the menu is open");
    // ↓ and ↑ move a row, and the menu says so (it said 次の取組, and moved one row).
    assert!(h.query_all_by_label_contains("次の行").next().is_some());
    assert!(h.query_all_by_label_contains("前の行").next().is_some());
    assert!(h.query_all_by_label_contains("次の取組").next().is_none());
    h.key_press(egui::Key::Escape);
    h.run();
    h.run();
    assert!(h.query_by_label("English").is_none(), "the menu is closed");
}

/// Esc closes the survey form and the numbers' editor, as it closes the review and the print
/// preview.
#[test]
fn esc_closes_the_survey_form_and_the_numbers_editor() {
    use egui_kittest::kittest::Queryable;
    use shinchoku::app::command::{Action, FileCommand};
    let dir = tempfile::tempdir().unwrap();
    let mut h = crate::helpers::sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    h.state_mut().queue(Action::ToggleMeasureEditor);
    h.run();
    let editor = |h: &crate::helpers::Harness<'static, _>| {
        h.query_all_by_label("数値目標・評価の編集").count()
    };
    let open = editor(&h);
    assert!(open > 0, "the editor is open");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(editor(&h) < open, "the editor is closed");
    h.state_mut().queue(Action::Survey);
    h.run();
    assert!(
        h.query_by_label("担当課へ照会").is_some(),
        "the form is open"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.query_by_label("担当課へ照会").is_none(),
        "the form is closed"
    );
}

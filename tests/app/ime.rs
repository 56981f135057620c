//! Typing Japanese through an input method, as egui-winit hands it over: the reading composed
//! (`Preedit`), then confirmed (`Commit`). Over XIM (ibus-mozc, fcitx5-mozc) a confirmation
//! comes as `Preedit("")` then `Commit(text)`, and the confirming Enter stays with the input
//! method.

use egui::{Event, ImeEvent, Key, Modifiers, Role};
use shinchoku::model::Side;

use crate::helpers::*;

fn preedit(text: &str) -> Event {
    Event::Ime(ImeEvent::Preedit {
        text: text.into(),
        active_range_chars: None,
    })
}

/// What XIM sends when the reading is confirmed as `text`.
fn confirm(h: &mut Harness<'static, ShinchokuApp>, text: &str) {
    h.event(preedit(""));
    h.event(Event::Ime(ImeEvent::Commit(text.into())));
    h.run();
}

/// The sample with initiative 2's first topic's "new result" field open and focused.
fn new_result_field() -> Harness<'static, ShinchokuApp> {
    let mut h = tall_harness();
    let topic = h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .id;
    h.state_mut().queue(ViewCommand::OpenNewEntry {
        topic,
        side: Side::Actual,
    });
    h.run();
    h.get_by_role_and_label(Role::TextInput, "実績を追加")
        .focus();
    h.run();
    h
}

fn field_value(h: &Harness<'static, ShinchokuApp>, role: Role, label: &str) -> String {
    h.get_by_role_and_label(role, label)
        .value()
        .unwrap_or_default()
}

fn actual_count(h: &Harness<'static, ShinchokuApp>) -> usize {
    h.state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual
        .len()
}

/// The sample with initiative 2's 職員向けメルマガにおける周知(6月) selected: its editor open.
fn entry_editor() -> Harness<'static, ShinchokuApp> {
    let mut h = tall_harness();
    let initiative = h.state().document().report().find_initiative("2").unwrap();
    let (i, e) = (initiative.id, initiative.topics[0].actual[1].id);
    h.state_mut().queue(ViewCommand::Select(i));
    h.state_mut().queue(ViewCommand::SelectEntry(e));
    h.run();
    h
}

#[test]
fn the_enter_that_confirms_a_reading_neither_applies_nor_adds_a_newline() {
    // As XIM delivers it: no Enter reaches the window.
    let mut h = new_result_field();
    let before = actual_count(&h);
    h.event(preedit("けんしゅう"));
    h.run();
    confirm(&mut h, "研修");
    assert_eq!(field_value(&h, Role::TextInput, "実績を追加"), "研修");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "実績を追加")
            .is_focused()
    );
    assert_eq!(actual_count(&h), before, "nothing applied");

    // Where an integration passes the confirming Enter on as well, it is still the input
    // method's: the field keeps the keyboard, nothing is applied.
    h.event(preedit("じっし"));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    confirm(&mut h, "実施");
    assert_eq!(field_value(&h, Role::TextInput, "実績を追加"), "研修実施");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "実績を追加")
            .is_focused()
    );
    assert_eq!(actual_count(&h), before, "nothing applied");
    // The Enter after it is the field's: it applies what was confirmed.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(actual_count(&h), before + 1);

    // In the 本文 field (several lines) the confirming Enter adds no line.
    let mut h = entry_editor();
    h.get_by_role_and_label(Role::MultilineTextInput, "本文")
        .focus();
    h.run();
    h.key_press(Key::End);
    h.run();
    h.event(preedit("じっし"));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    confirm(&mut h, "実施");
    let text = field_value(&h, Role::MultilineTextInput, "本文");
    assert_eq!(text, "職員向けメルマガにおける周知(6月)実施");
}

#[test]
fn ctrl_z_in_a_field_never_brings_back_the_reading() {
    let mut h = new_result_field();
    let mut clock = 0.0;
    let mut wait = |h: &mut Harness<'static, ShinchokuApp>, seconds: f64| {
        clock += seconds;
        h.input_mut().time = Some(clock);
        h.run();
    };
    h.event(Event::Text("防災".into()));
    wait(&mut h, 2.0);
    // The reading waits for its conversion for longer than the field's undo takes a step in.
    h.event(preedit("けんさく"));
    wait(&mut h, 0.1);
    wait(&mut h, 2.0);
    confirm(&mut h, "検索");
    wait(&mut h, 2.0);
    assert_eq!(field_value(&h, Role::TextInput, "実績を追加"), "防災検索");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    // Undone: the confirmed word goes, and the reading never comes back as text.
    assert_eq!(field_value(&h, Role::TextInput, "実績を追加"), "防災");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(field_value(&h, Role::TextInput, "実績を追加"), "");
}

#[test]
fn the_candidate_window_opens_below_the_text_being_typed() {
    let mut h = entry_editor();
    h.get_by_role_and_label(Role::TextInput, "時期").focus();
    h.run();
    h.event(preedit("ごがつ"));
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "時期").rect();
    let ime = h
        .output()
        .platform_output
        .ime
        .expect("the focused field tells the input method where it is");
    // The spot the candidates hang from is below the line being typed, in the field.
    let spot = ime.cursor_rect.min;
    assert!(spot.y > field.center().y, "{spot:?} in {field:?}");
    assert!(spot.y <= field.bottom(), "{spot:?} in {field:?}");
    assert!(field.x_range().contains(spot.x), "{spot:?} in {field:?}");
    assert_eq!(ime.rect, ime.rect.intersect(field.expand(1.0)));
}

#[test]
fn the_months_field_reads_back_only_confirmed_text_in_the_windows_language() {
    let mut h = entry_editor();
    h.get_by_role_and_label(Role::TextInput, "時期").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(Event::Text("6月～".into()));
    h.run();
    let reading_open = "読み取り: 6月～3月（10か月） →";
    h.get_by_label(reading_open);
    // While しちがつ is composed the read-back stays with what is confirmed, and 適用 waits.
    h.event(preedit("しちがつ"));
    h.run();
    assert_eq!(field_value(&h, Role::TextInput, "時期"), "6月～しちがつ");
    h.get_by_label(reading_open);
    assert!(h.query_all_by_label_contains("しちがつ」").next().is_none());
    let apply = h.get_all_by_label("適用").nth(1).unwrap();
    assert!(egui_kittest::kittest::NodeT::accesskit_node(&apply).is_disabled());
    confirm(&mut h, "7月");
    h.get_by_label("読み取り: 6月～7月（2か月）");
    // What cannot be read is said in Japanese in the Japanese window.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(Event::Text("5".into()));
    h.run();
    h.get_by_label("「5」: 数字の後に「月」がありません");
    assert!(h.query_all_by_label_contains("without").next().is_none());
}

#[test]
fn a_new_entrys_read_back_is_of_the_confirmed_text_only() {
    let mut h = new_result_field();
    h.event(Event::Text("研修の実施()".into()));
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    // Half converted, the reading sits in the month bracket: it is not read back.
    h.event(preedit("6月ちゅうじゅん"));
    h.run();
    let value = field_value(&h, Role::TextInput, "実績を追加");
    assert_eq!(value, "研修の実施(6月ちゅうじゅん)");
    assert!(
        h.query_all_by_label_contains("ちゅうじゅん")
            .next()
            .is_none()
    );
    confirm(&mut h, "6月中旬");
    h.get_by_label("読み取り: 6月（1か月）");
}

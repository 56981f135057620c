//! Editing in the window: typing, drags, in-place text, IME, the context menu, undo.

use crate::helpers::*;

#[test]
fn typing_a_new_actual_changes_the_status_and_undo_brings_it_back() {
    let mut h = tall_harness();
    h.get_by_label("未利用の県有財産の積極的な有効活用と売却")
        .click();
    h.run();
    // The first heading plans 全庁展開に向けた情報提供、調整 from September, and nothing
    // reports it: late.
    assert_eq!(status_labels(&h, "状況: 遅れ"), 1);
    // The grid says so too, in the plan line's words and the badges of its topic and
    // initiative (each worked out once for the report as it stands).
    let late_in_grid = |h: &_| status_labels(h, "! 遅れ") + status_labels(h, "遅れ");
    let before = late_in_grid(&h);
    assert!(before >= 2, "{before}");
    let add_buttons: Vec<_> = h.get_all_by_label("＋ 実績を追加").collect();
    assert_eq!(add_buttons.len(), 2);
    add_buttons[0].click();
    h.run();
    let field = h.get_by_role_and_label(egui::Role::TextInput, "実績を追加");
    field.type_text("県有財産の貸付取組の全庁展開に向けた情報提供(9月)");
    h.run();
    h.get_by_label("読み取り: 9月（1か月）");
    h.get_by_role_and_label(egui::Role::TextInput, "実績を追加")
        .focus();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(status_labels(&h, "状況: 遅れ"), 0);
    assert!(
        late_in_grid(&h) < before,
        "the grid's marks follow the edit"
    );
    let nine = h.state().document().report().find_initiative("9").unwrap();
    let added = nine.topics[0].actual.last().unwrap();
    assert_eq!(
        added.text,
        "県有財産の貸付取組の全庁展開に向けた情報提供(9月)"
    );
    // It reports the plan line it names.
    assert_eq!(added.reports, vec![nine.topics[0].plan[3].id]);
    assert!(h.state().document().is_dirty());
    // Ctrl+Z (no field has the keyboard now) takes the entry back out.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(status_labels(&h, "状況: 遅れ"), 1);
    assert_eq!(late_in_grid(&h), before, "and the undo");
    assert!(!h.state().document().is_dirty());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(status_labels(&h, "状況: 遅れ"), 0);
}

#[test]
fn dragging_along_a_month_lane_sets_the_months_in_one_step() {
    let mut h = tall_harness();
    let lane = h.get_by_label("月: 職員向けメルマガにおける周知").rect();
    let x = |month_index: f32| lane.left() + lane.width() * (month_index + 0.5) / 12.0;
    let y = lane.center().y;
    // From August (index 4) to October (index 6).
    h.drag_at(egui::pos2(x(4.0), y));
    h.step();
    h.hover_at(egui::pos2(x(5.0), y));
    h.step();
    h.hover_at(egui::pos2(x(6.0), y));
    h.step();
    h.drop_at(egui::pos2(x(6.0), y));
    h.run();
    let entry = &h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual[1];
    assert_eq!(entry.text, "職員向けメルマガにおける周知(8月～10月)");
    assert_eq!(entry.covered_months().calendar_months(), vec![8, 9, 10]);
    h.state_mut().queue(Action::Undo);
    h.run();
    let entry = &h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual[1];
    assert_eq!(entry.text, "職員向けメルマガにおける周知(6月)");
}

#[test]
fn dragging_a_stage_bar_end_moves_it_by_whole_years() {
    let mut h = tall_harness();
    let handle = h
        .get_by_label("終了年度: 協創の取組を進めるための研修の充実 順次実施")
        .rect();
    let year_width = 68.0;
    let y = handle.center().y;
    h.drag_at(handle.center());
    h.step();
    h.hover_at(egui::pos2(handle.center().x - year_width * 0.6, y));
    h.step();
    h.hover_at(egui::pos2(handle.center().x - year_width - 10.0, y));
    h.step();
    h.drop_at(egui::pos2(handle.center().x - year_width - 10.0, y));
    h.run();
    let span = &h
        .state()
        .document()
        .report()
        .find_initiative("1")
        .unwrap()
        .items[0]
        .lanes[0][1];
    assert_eq!((span.first.0, span.last.0), (2017, 2018));
}

/// A stage bar's end dragged while an undo (Ctrl+Z) changes the span under it: the drop
/// changes nothing — the span as the undo left it. The drag kept the place it began on and
/// resized whatever stood there by the years worked out from the span it began on.
#[test]
fn a_stage_drag_across_an_undo_of_its_span_changes_nothing() {
    let mut h = tall_harness();
    let item = h
        .state()
        .document()
        .report()
        .find_initiative("1")
        .unwrap()
        .items[0]
        .id;
    let span = |h: &Harness<'static, ShinchokuApp>| {
        let s = &h
            .state()
            .document()
            .report()
            .find_initiative("1")
            .unwrap()
            .items[0]
            .lanes[0][1];
        (s.first.0, s.last.0)
    };
    let (first, last) = span(&h);
    h.state_mut().queue(Intent::ResizeSpan {
        item,
        lane: 0,
        index: 1,
        first: shinchoku::model::FiscalYear(last),
        last: shinchoku::model::FiscalYear(last),
    });
    h.run();
    let handle = h
        .get_by_label("開始年度: 協創の取組を進めるための研修の充実 順次実施")
        .rect();
    let y = handle.center().y;
    h.drag_at(handle.center());
    h.step();
    h.hover_at(egui::pos2(handle.center().x + 30.0, y));
    h.step();
    h.state_mut().queue(Action::Undo);
    h.run();
    assert_eq!(span(&h), (first, last), "the undo");
    h.drop_at(egui::pos2(handle.center().x + 30.0, y));
    h.run();
    assert_eq!(span(&h), (first, last), "the drop changed nothing");
}

#[test]
fn enter_on_a_selected_entry_edits_it_in_place() {
    let mut h = tall_harness();
    h.get_by_label("職員向けメルマガにおける周知").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    // The field opens in the row, focused, holding the text as written (the detail panel's
    // editor holds it too, unfocused).
    let fields: Vec<_> = h
        .get_all_by_value("職員向けメルマガにおける周知(6月)")
        .collect();
    assert_eq!(fields.iter().filter(|f| f.is_focused()).count(), 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_all_by_value("職員向けメルマガにおける周知(6月)")
        .find(|f| f.is_focused())
        .unwrap()
        .type_text("職員向けメルマガにおける周知(2回)(6月～7月)");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let entry = &h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual[1];
    assert_eq!(entry.counts.len(), 1);
    assert_eq!(entry.covered_months().calendar_months(), vec![6, 7]);
}

#[test]
fn ime_preedit_and_commit_land_in_the_field_once() {
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
        side: shinchoku::model::Side::Actual,
    });
    h.run();
    let field = h.get_by_role_and_label(egui::Role::TextInput, "実績を追加");
    field.focus();
    h.run();
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "けんしゅう".into(),
        active_range_chars: None,
    }));
    h.run();
    // The preedit is shown in the field while it is composed.
    let value = h
        .get_by_role_and_label(egui::Role::TextInput, "実績を追加")
        .value();
    assert_eq!(value.as_deref(), Some("けんしゅう"));
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("研修".into())));
    h.run();
    h.event(egui::Event::Text("の実施(6月)".into()));
    h.run();
    let value = h
        .get_by_role_and_label(egui::Role::TextInput, "実績を追加")
        .value();
    assert_eq!(value.as_deref(), Some("研修の実施(6月)"));
}

#[test]
fn the_context_menu_moves_an_entry_down_in_one_undoable_step() {
    let mut h = tall_harness();
    let before: Vec<String> = h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual
        .iter()
        .map(|e| e.label.clone())
        .collect();
    h.get_by_label("職員向けメルマガにおける周知")
        .click_secondary();
    h.run();
    h.get_by_label("下へ移動").click();
    h.run();
    let after: Vec<String> = h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual
        .iter()
        .map(|e| e.label.clone())
        .collect();
    assert_eq!(after[1], before[2]);
    assert_eq!(after[2], before[1]);
    h.state_mut().queue(Action::Undo);
    h.run();
    let undone: Vec<String> = h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .topics[0]
        .actual
        .iter()
        .map(|e| e.label.clone())
        .collect();
    assert_eq!(undone, before);
}

/// A topic of 600 results: the detail panel lists the first 500 of them and says how many
/// more the grid holds; a result past the 500th, selected, still has its editor.
#[test]
fn the_detail_panel_lists_500_entries_of_a_side_and_counts_the_rest() {
    let mut report = shinchoku::synthetic::with_result_lines(600);
    let (last, _) = shinchoku::model::entry_text::new_entry(&mut report, "六百件目の実績(9月)");
    let long = report
        .find_initiative(shinchoku::synthetic::LONG_INITIATIVE)
        .unwrap();
    let (initiative, topic) = (long.id, long.topics[0].id);
    report.topic_mut(topic).unwrap().actual[599] = last.clone();
    let doc = Document::new(report, shinchoku::document::Origin::Sample, Vec::new());
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1000.0);
    h.state_mut().queue(ViewCommand::Select(initiative));
    h.run();
    h.get_by_label("… 100 件は表にあります（詳細には最初の500件まで）");
    h.state_mut().queue(ViewCommand::SelectEntry(last.id));
    h.run();
    let editor = h.get_by_label("本文");
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&editor)
            .value()
            .as_deref(),
        Some("六百件目の実績(9月)")
    );
}

/// The in-place field holding `value` (the detail panel's 本文 holds the same text, several
/// lines).
fn inline(value: String) -> impl Fn(&egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    move |n| n.role() == egui::Role::TextInput && n.value().as_deref() == Some(value.as_str())
}

/// `typed` typed at the end of `entry`'s text in the grid's in-place field.
fn type_in_place(
    h: &mut Harness<'static, ShinchokuApp>,
    entry: &shinchoku::model::Entry,
    typed: &str,
) {
    use shinchoku::app::command::{EditTarget, ViewCommand};
    h.state_mut()
        .queue(ViewCommand::StartEditing(EditTarget::Entry(entry.id)));
    h.run();
    h.get_by(inline(entry.text.clone())).focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.get_by(inline(entry.text.clone())).type_text(typed);
    h.run();
}

/// Esc in the grid's in-place editor throws away what was typed (the hint says so): the
/// window, finding no field focused once egui had let it go, took the Esc for itself, and the
/// field, seeing no Esc, applied the text.
#[test]
fn esc_in_the_in_place_editor_cancels_what_was_typed() {
    let mut h = tall_harness();
    let initiative = h.state().document().report().find_initiative("2").unwrap();
    let entry = initiative.topics[0].actual[1].clone();
    type_in_place(&mut h, &entry, "XYZ");
    assert!(
        h.query_by(inline(format!("{}XYZ", entry.text))).is_some(),
        "typed into the in-place field"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    let doc = h.state().document();
    assert!(!doc.is_dirty(), "nothing applied");
    assert_eq!(doc.report().entry(entry.id).unwrap().text, entry.text);
}

/// Tab applies what was typed in place, as Enter does, and leaves the keyboard to the window:
/// Ctrl+Z then undoes it (the focus went on to another widget, unseen, and Ctrl+Z did nothing
/// until Esc).
#[test]
fn tab_applies_the_in_place_edit_and_ctrl_z_undoes_it() {
    let mut h = tall_harness();
    let initiative = h.state().document().report().find_initiative("2").unwrap();
    let entry = initiative.topics[0].actual[1].clone();
    type_in_place(&mut h, &entry, "QQ");
    h.key_press(egui::Key::Tab);
    h.run();
    let text = |h: &Harness<'static, ShinchokuApp>| {
        let doc = h.state().document();
        doc.report().entry(entry.id).unwrap().text.clone()
    };
    assert_eq!(text(&h), format!("{}QQ", entry.text), "applied");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(text(&h), entry.text, "undone");
}

/// The sample's sub-item 「各部との意見交換(8月)」 (initiative 4's result).
fn exchange_of_views(h: &Harness<'static, ShinchokuApp>) -> shinchoku::model::Entry {
    let initiative = h.state().document().report().find_initiative("4").unwrap();
    (initiative.topics.iter())
        .flat_map(|t| t.actual.iter())
        .flat_map(|e| e.subs.iter())
        .find(|s| s.text == "各部との意見交換(8月)")
        .unwrap()
        .clone()
}

/// A sub-item edited in place with words after its months: the grid shows them where the
/// report (and its file, opened again) reads them, in the next sub-item, and the window says
/// why and how to keep them.
#[test]
fn words_typed_after_a_sub_items_months_are_said_to_go_to_the_next() {
    use shinchoku::edit::Intent;
    let mut h = tall_harness();
    let sub = exchange_of_views(&h).id;
    let text = "各部との意見交換(8月) 3回実施".to_string();
    h.state_mut()
        .queue(shinchoku::app::command::AppCommand::Edit(
            Intent::SetEntryText { id: sub, text },
        ));
    h.run();
    h.get_by_label_contains("時期の後の言葉は次の小項目として読みました");
    assert_eq!(
        h.state().document().report().entry(sub).unwrap().text,
        "各部との意見交換(8月)"
    );
}

/// The English window counts one month in the singular: 「Read as: 6月（1months）」 it said.
#[test]
fn the_english_window_reads_one_month_as_one_month() {
    use shinchoku::app::command::PrefsCommand;
    use shinchoku::lang::Lang;
    let mut h = tall_harness();
    h.state_mut().queue(PrefsCommand::SetLanguage(Lang::En));
    h.run();
    let initiative = h.state().document().report().find_initiative("2").unwrap();
    let (i, e) = (initiative.id, initiative.topics[0].actual[1].id);
    h.state_mut().queue(ViewCommand::Select(i));
    h.state_mut().queue(ViewCommand::SelectEntry(e));
    h.run();
    h.get_by_label("Read as: 6月（1 month）");
}

/// The in-place field applies once: Enter applied the text, and then the same text again as
/// typed and not applied, before the edit it had made — harmless while the text read back as
/// typed; words after a sub-item's months (read into the next sub-item) went in twice.
#[test]
fn the_in_place_field_applies_what_was_typed_once() {
    let mut h = tall_harness();
    let sub = exchange_of_views(&h);
    type_in_place(&mut h, &sub, " 3回実施");
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let report = h.state().document().report();
    let parent = (report.find_initiative("4").unwrap().topics.iter())
        .flat_map(|t| t.actual.iter())
        .find(|e| e.subs.iter().any(|s| s.id == sub.id))
        .unwrap();
    assert_eq!(parent.subs[1].text, "3回実施、課題整理、対応案の検討(9月)");
}

/// The English window names the period in English, in the legend and the status bar (they
/// showed 「上半期(4月～9月)」).
#[test]
fn the_english_window_names_the_period_in_english() {
    let mut h = tall_harness();
    h.state_mut().queue(PrefsCommand::SetLanguage(Lang::En));
    h.run();
    h.get_by_label("Reporting period (first half, April to September)");
    h.get_by_label_contains("3 sections · 11 initiatives · 24 action items");
    // One counted in the singular (it said 「1 sections」).
    let report = shinchoku::document::Document::open(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/measures-libreoffice.xlsx"),
    )
    .unwrap();
    let mut h = harness_with(
        ShinchokuApp::new(report, shinchoku::app::Prefs::default()),
        1200.0,
    );
    h.state_mut().queue(PrefsCommand::SetLanguage(Lang::En));
    h.run();
    h.get_by_label_contains("1 section · 3 initiatives · 3 action items");
    // The as-of date and its pickers too (「2017年9月30日 as of」, 「9月」, 「30日」).
    h.get_by_label("as of 30 Sep 2017");
    assert!(h.query_by_label("Sep").is_some(), "the month's column");
    assert!(h.query_by_label_contains("9月").is_none());
    h.get_by_label_contains("FY2017 (平成29年度), first half, April to September");
    assert!(h.query_by_label_contains("上半期(4月～9月)").is_none());
}

//! Files from the window: saving and opening again, errors, the unsaved-changes guard.

use crate::helpers::*;

/// 名前を付けて保存 chosen over a division's response wrote the office's report over what the
/// division answered (the exports were refused there, the save was not): refused, the
/// response kept; a division's own response, opened in the window, saves over itself as ever.
#[test]
fn saving_over_another_divisions_answer_is_refused() {
    use shinchoku::survey::send::{Formats, Survey, write_responses};
    let dir = tempfile::tempdir().unwrap();
    let report = Document::sample().into_report();
    let today = chrono::NaiveDate::from_ymd_opt(2017, 10, 2).unwrap();
    let plan = Survey::new(&report, None, "", today).unwrap();
    write_responses(&report, dir.path(), Formats::Ron, &plan).unwrap();
    let (jinji, kanzai) = (
        dir.path().join("総務部人事課.ron"),
        dir.path().join("総務部管財課.ron"),
    );
    let response = Document::open(&jinji).unwrap();
    for (doc, path, refused) in [
        (Document::sample(), &jinji, true),
        (Document::open(&jinji).unwrap(), &kanzai, true),
        (response, &jinji, false),
    ] {
        let before = std::fs::read(path).unwrap();
        let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 900.0);
        h.state_mut().queue(FileCommand::SaveTo(path.clone()));
        h.run();
        if refused {
            h.get_by_label_contains("の回答です。置き換えません");
            assert_eq!(std::fs::read(path).unwrap(), before, "the answer kept");
        } else {
            h.get_by_label_contains("保存しました");
        }
    }
}

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
    assert!(reopened == *h.state().document().report());
    // Opening it through the app gives the same report again.
    h.state_mut().queue(FileCommand::OpenPath(path.clone()));
    h.run();
    assert!(*h.state().document().report() == reopened);
    assert_eq!(
        h.state()
            .prefs()
            .recent()
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
    assert_eq!(h.state().document().report().initiative_count(), 11);
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

    let first = h.state().document().report().initiatives().next().unwrap();
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

/// Text typed in the detail panel and not applied (適用 not pressed): Ctrl+S saved without it
/// and said 保存しました, closing asked nothing and lost it, selecting another entry dropped it.
/// Saving applies it first; closing with it typed asks; selecting another entry applies it.
#[test]
fn text_typed_and_not_applied_is_saved_and_never_lost_without_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let mut h = harness_with(app, 1000.0);
    let results: Vec<(shinchoku::model::Id, shinchoku::model::Id)> =
        (h.state().document().report())
            .initiatives()
            .flat_map(|i| i.topics.iter().map(move |t| (i.id, t)))
            .flat_map(|(i, t)| t.actual.iter().map(move |e| (e.id, i)))
            .take(2)
            .collect();
    let typed = |h: &mut Harness<'static, ShinchokuApp>, (id, initiative), words: &str| {
        select_entry(h, initiative, id);
        type_into(h, "本文", words, false);
    };
    // Typed, then saved: the file holds it.
    typed(&mut h, results[0], "（追記）");
    assert!(
        !h.state().window_title().contains('●'),
        "nothing applied yet"
    );
    h.state_mut().queue(FileCommand::SaveTo(path.clone()));
    h.run();
    let saved: shinchoku::model::Report = shinchoku::store::open(&path).unwrap();
    let text = |r: &shinchoku::model::Report, id| r.entry(id).unwrap().text.clone();
    assert!(
        text(&saved, results[0].0).contains("（追記）"),
        "{}",
        text(&saved, results[0].0)
    );
    assert!(!h.state().document().is_dirty());
    // Typed, then another entry selected: applied.
    typed(&mut h, results[1], "（二件目）");
    h.state_mut().queue(ViewCommand::SelectEntry(results[0].0));
    h.run();
    let now = text(h.state().document().report(), results[1].0);
    assert!(now.contains("（二件目）"), "{now}");
    // Typed, then the window closed: the guard asks.
    h.state_mut().queue(FileCommand::SaveTo(path.clone()));
    h.run();
    typed(&mut h, results[0], "（三）");
    request_close(&mut h);
    h.step();
    assert!(sent(&h, &ViewportCommand::CancelClose));
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
}

/// A topic of the sample with two results or more, its initiative, and its first two results.
fn topic_of_two_results(
    report: &shinchoku::model::Report,
) -> (
    shinchoku::model::Id,
    shinchoku::model::Id,
    [shinchoku::model::Id; 2],
) {
    let (topic, initiative) = (report.initiatives())
        .flat_map(|i| i.topics.iter().map(move |t| (t, i.id)))
        .find(|(t, _)| t.actual.len() >= 2)
        .unwrap();
    (
        topic.id,
        initiative,
        [topic.actual[0].id, topic.actual[1].id],
    )
}

/// The entry selected (its initiative first, as a click on its row does).
fn select_entry(
    h: &mut Harness<'static, ShinchokuApp>,
    initiative: shinchoku::model::Id,
    id: shinchoku::model::Id,
) {
    h.state_mut().queue(ViewCommand::Select(initiative));
    h.run();
    h.state_mut().queue(ViewCommand::SelectEntry(id));
    h.run();
}

/// `words` typed into the field labelled `label`, after what it holds (`replace`: over it).
fn type_into(h: &mut Harness<'static, ShinchokuApp>, label: &str, words: &str, replace: bool) {
    h.get_by_label(label).focus();
    h.run();
    if replace {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
    }
    h.get_by_label(label).type_text(words);
    h.run();
}

/// What is typed in the detail panel and not applied, then another change made: ticking
/// 予定（未実施） or dragging another entry's bar filled the fields again from the report and
/// the typed text was gone; typed 時期 was dropped on selecting another entry; the text of a
/// new result was dropped on opening a new plan line's field. Each is applied first; an undo
/// keeps what is typed in the fields.
#[test]
fn text_typed_and_not_applied_survives_every_other_change() {
    use shinchoku::edit::Intent;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let mut h = harness_with(app, 1000.0);
    let report = h.state().document().report().clone();
    let (topic, initiative, [first, second]) = topic_of_two_results(&report);
    let select = |h: &mut Harness<'static, ShinchokuApp>, id| select_entry(h, initiative, id);
    let text = |h: &Harness<'static, ShinchokuApp>, id| {
        h.state()
            .document()
            .report()
            .entry(id)
            .unwrap()
            .text
            .clone()
    };
    // 予定（未実施） ticked after typing.
    select(&mut h, first);
    type_into(&mut h, "本文", "（チェック前）", false);
    h.get_by_label("予定（未実施）").click();
    h.run();
    assert!(
        text(&h, first).contains("（チェック前）"),
        "{}",
        text(&h, first)
    );
    // Another entry's months changed (a bar dragged) after typing.
    type_into(&mut h, "本文", "（ドラッグ前）", false);
    let timing = shinchoku::model::months::parse_timing("7月～8月").unwrap();
    h.state_mut().queue(Intent::SetEntryTiming {
        id: second,
        timing: Some(timing),
    });
    h.run();
    assert!(
        text(&h, first).contains("（ドラッグ前）"),
        "{}",
        text(&h, first)
    );
    // Undone after typing: the typed text stays in the field, and saving applies it.
    type_into(&mut h, "本文", "（取り消し後）", false);
    h.state_mut().queue(Action::Undo);
    h.run();
    assert_eq!(
        h.state().document().report().entry(second).unwrap().when,
        report.entry(second).unwrap().when,
        "the drag is undone"
    );
    h.state_mut().queue(FileCommand::SaveTo(path.clone()));
    h.run();
    let saved: shinchoku::model::Report = shinchoku::store::open(&path).unwrap();
    let kept = saved.entry(first).unwrap().text.clone();
    assert!(kept.contains("（取り消し後）"), "{kept}");
    // 時期 typed, then another entry selected.
    select(&mut h, first);
    type_into(&mut h, "時期", "8月～9月", true);
    h.state_mut().queue(ViewCommand::SelectEntry(second));
    h.run();
    let when = h
        .state()
        .document()
        .report()
        .entry(first)
        .unwrap()
        .when
        .clone();
    assert_eq!(when.as_deref(), Some("8月～9月"), "{when:?}");
    // A new result typed, then a new plan line's field opened.
    h.state_mut().queue(ViewCommand::OpenNewEntry {
        topic,
        side: shinchoku::model::Side::Actual,
    });
    h.run();
    type_into(&mut h, "実績を追加", "新しい実績の周知(9月)", false);
    h.state_mut().queue(ViewCommand::OpenNewEntry {
        topic,
        side: shinchoku::model::Side::Plan,
    });
    h.run();
    let results = shinchoku::survey::entries_text(
        &h.state().document().report().topic(topic).unwrap().actual,
    );
    assert!(results.contains("新しい実績の周知(9月)"), "{results}");
}

#[test]
fn a_workbook_opens_in_the_window_and_a_damaged_one_says_why() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::OpenPath(fixtures.join("seed-libreoffice.ods")));
    h.run();
    let seed = shinchoku::import::import_text(include_str!("../fixtures/mie-h29-h1-report.tsv"))
        .unwrap()
        .report;
    assert!(
        *h.state().document().report() == seed,
        "the .ods opens as the seed"
    );
    assert!(h.state().window_title().starts_with("seed-libreoffice.ods"));

    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.xlsx");
    let bytes = std::fs::read(fixtures.join("seed-libreoffice.xlsx")).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    h.state_mut().queue(FileCommand::OpenPath(cut));
    h.run();
    h.get_by_label("ファイルを開けませんでした");
    h.get_by_label_contains("cut.xlsx: XLSXのブックとして開けません");
    assert!(
        *h.state().document().report() == seed,
        "the open report is kept"
    );
}

/// Opening the file the window has open (from 最近使ったファイル, or the dialog) reads it again
/// and keeps the window's lock: the window's own lock was read as another's — the report
/// opened read-only, 「使用中」 shown — and replacing the document then removed the lock file,
/// so another Shinchoku could open it for writing.
#[test]
fn opening_the_file_the_window_has_open_keeps_its_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::SaveTo(path.clone()));
    h.run();
    let lock = shinchoku::store::lock::lock_path(&path);
    assert!(
        lock.exists(),
        "the test's premise: the window holds the lock"
    );
    for _ in 0..2 {
        h.state_mut().queue(FileCommand::OpenPath(path.clone()));
        h.run();
        assert!(h.state().document().locked_by().is_none(), "not read-only");
        assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
        assert!(lock.exists(), "the lock stays");
    }
}

/// The button putting 時点 back at the period's end was labelled 「報告期間（平成30年3月31日）」,
/// the name of the period's list beside it, and said what it does only on hover. It says so.
#[test]
fn the_button_back_to_the_periods_end_says_what_it_does() {
    let mut h = sample_harness();
    h.state_mut().queue(shinchoku::edit::Intent::SetAsOf(Some(
        shinchoku::model::AsOf { month: 8, day: 31 },
    )));
    h.run();
    h.get_by_label_contains("期間の末日に戻す（").click();
    h.run();
    assert_eq!(h.state().document().report().as_of, None);
}

/// 時期 typed in a form that does not read (「8月～上旬」), then another entry chosen: dropped
/// without a word, and closing the window asked nothing. Choosing another entry says it was not
/// applied; closing with it typed asks first.
#[test]
fn months_typed_that_do_not_read_are_said_and_never_dropped_unasked() {
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let mut h = harness_with(app, 1000.0);
    let report = h.state().document().report().clone();
    let (_, initiative, [first, second]) = topic_of_two_results(&report);
    let type_months = |h: &mut Harness<'static, ShinchokuApp>| {
        select_entry(h, initiative, first);
        type_into(h, "時期", "8月～上旬", true);
    };
    type_months(&mut h);
    h.state_mut().queue(ViewCommand::SelectEntry(second));
    h.run();
    h.get_by_label_contains("時期「8月～上旬」は読めないため当てはめませんでした");
    assert_eq!(
        h.state().document().report().entry(first).unwrap().when,
        report.entry(first).unwrap().when
    );
    type_months(&mut h);
    request_close(&mut h);
    h.step();
    assert!(sent(&h, &ViewportCommand::CancelClose));
    h.run();
    assert!(matches!(
        h.state().dialog(),
        Some(Dialog::UnsavedChanges { .. })
    ));
}

/// Ctrl+Z in the detail panel's 本文 or 時期 field takes back what was typed into this entry's
/// field, never another entry's: the fields' undo went on across entries, so Ctrl+Z in one
/// result's 本文 brought back the result selected before's text, and selecting another row
/// applied it over this one (its own words gone, the other's twice); in 時期, its months.
#[test]
fn undo_in_a_field_never_brings_back_another_entrys_text() {
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let mut h = harness_with(app, 1000.0);
    let report = h.state().document().report().clone();
    let (_, initiative, [first, second]) = topic_of_two_results(&report);
    for label in ["本文", "時期"] {
        select_entry(&mut h, initiative, first);
        h.get_by_label(label).focus();
        h.run();
        select_entry(&mut h, initiative, second);
        h.get_by_label(label).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        select_entry(&mut h, initiative, first);
        let now = h.state().document().report().clone();
        for id in [first, second] {
            let (was, is) = (report.entry(id).unwrap(), now.entry(id).unwrap());
            assert_eq!((&is.text, &is.when), (&was.text, &was.when), "{label}");
        }
    }
}

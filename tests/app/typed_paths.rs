//! Typing paths where no file dialog can be shown: the prompt says what it wants, takes
//! several paths or a folder where several files are wanted, and words what is wrong with
//! what was typed, keeping the prompt open.

use chrono::NaiveDate;
use shinchoku::model::Id;
use shinchoku::survey;

use crate::helpers::*;

const 管財課: &str = "総務部管財課";
const 人事課: &str = "総務部人事課";

fn typing_paths() {
    // SAFETY of the test: only the window's file dialogs read this variable.
    unsafe { std::env::set_var("SHINCHOKU_TYPE_PATHS", "1") };
}

fn type_in(h: &mut Harness<'static, ShinchokuApp>, role: egui::Role, text: &str) {
    let field = h.get_by_role_and_label(role, "パス");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(role, "パス").type_text(text);
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

/// The seed as a master that was sent to every division, saved in `dir`, and open.
fn master_in(dir: &std::path::Path) -> Harness<'static, ShinchokuApp> {
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.join("master.ron")));
    let divisions = survey::divisions(h.state().document().report());
    let at = NaiveDate::from_ymd_opt(2017, 10, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at,
        due: None,
        tokens: Default::default(),
    });
    h.run();
    h
}

/// A division's answer with its first result rewritten, saved as `path`.
fn answer(master: &shinchoku::model::Report, division: &str, path: &std::path::Path) -> Id {
    let mut answer = survey::response_for(master, division, None, "");
    let result = survey::topics_of(&answer, division)
        .into_iter()
        .find_map(|t| answer.topic(t).unwrap().actual.first().map(|e| e.id))
        .expect("the division has a result");
    answer.entry_mut(result).unwrap().text = format!("{division}の回答(9月)");
    shinchoku::store::save(path, &answer).unwrap();
    result
}

#[test]
fn typed_answers_may_be_several_paths_or_a_folder_of_them() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let mut h = master_in(dir.path());
    let master = h.state().document().report().clone();
    let folder = dir.path().join("回答");
    std::fs::create_dir(&folder).unwrap();
    answer(&master, 管財課, &folder.join("管財課.ron"));
    answer(&master, 人事課, &folder.join("人事課.ron"));
    std::fs::write(folder.join("メモ.txt"), "回答ではないファイル").unwrap();
    h.state_mut().queue(Action::CollectAnswers);
    h.run();
    // The prompt asks for files or a folder, one a line.
    h.get_by_label("ファイルまたはフォルダのパスを入力");
    h.get_by_label_contains(
        "フォルダを入力すると、その中のファイル（.ron, .xlsx）をすべて読みます",
    );
    type_in(
        &mut h,
        egui::Role::MultilineTextInput,
        folder.to_str().unwrap(),
    );
    // Every answer in the folder is reviewed together (the note beside them is not read).
    assert!(h.state().dialog().is_none());
    h.get_by_label("回答の取り込み");
    h.get_by_label_contains(&format!("管財課.ron — {管財課}"));
    h.get_by_label_contains(&format!("人事課.ron — {人事課}"));
    h.state_mut().queue(SurveyCommand::CancelReview);
    h.run();

    // Two files, a line each, are taken together too.
    h.state_mut().queue(Action::CollectAnswers);
    h.run();
    let two = format!(
        "{}\n\"{}\"",
        folder.join("管財課.ron").display(),
        folder.join("人事課.ron").display()
    );
    type_in(&mut h, egui::Role::MultilineTextInput, &two);
    h.get_by_label_contains(&format!("管財課.ron — {管財課}"));
    h.get_by_label_contains(&format!("人事課.ron — {人事課}"));
}

#[test]
fn the_survey_asks_for_a_folder_and_says_so_when_a_file_is_typed() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let mut h = master_in(dir.path());
    h.state_mut().queue(Action::Survey);
    h.run();
    h.get_by_label("フォルダを選んで書き出す…").click();
    h.run();
    h.get_by_label("フォルダのパスを入力");
    assert!(h.query_by_label("ファイルのパスを入力").is_none());
    // A file typed where the folder is wanted: said, the prompt stays with the text.
    let file = dir.path().join("master.ron");
    type_in(&mut h, egui::Role::TextInput, file.to_str().unwrap());
    h.get_by_label(&format!(
        "{} はファイルです。フォルダのパスを入力してください",
        file.display()
    ));
    let field = h.get_by_role_and_label(egui::Role::TextInput, "パス");
    assert_eq!(field.value().as_deref(), file.to_str());
    // A folder: the responses are written there.
    let out = dir.path().join("照会");
    type_in(&mut h, egui::Role::TextInput, out.to_str().unwrap());
    assert!(h.state().dialog().is_none());
    assert!(out.join(format!("{管財課}.ron")).exists());
}

#[test]
fn a_folder_typed_where_a_file_is_wanted_is_worded_not_the_system_error() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut().queue(Action::SaveAs);
    h.run();
    type_in(&mut h, egui::Role::TextInput, dir.path().to_str().unwrap());
    h.get_by_label(&format!(
        "{} はフォルダです。保存するファイルの名前まで入力してください",
        dir.path().display()
    ));
    assert!(h.query_all_by_label_contains("os error").next().is_none());
    assert!(matches!(h.state().dialog(), Some(Dialog::TypePath { .. })));
    assert!(h.state().document().file_path().is_none(), "nothing saved");
    // Opening a file that is not there says so, with the path as typed.
    h.get_by_label("キャンセル").click();
    h.run();
    h.state_mut().queue(Action::Open);
    h.run();
    h.get_by_label("ファイルのパスを入力");
    let missing = dir.path().join("ない.ron");
    type_in(&mut h, egui::Role::TextInput, missing.to_str().unwrap());
    h.get_by_label(&format!("{} が見つかりません", missing.display()));
    assert!(matches!(h.state().dialog(), Some(Dialog::TypePath { .. })));
}

/// A due date before today is refused when the form is sent, before any folder is asked for,
/// and the form stays open with what was typed in it.
#[test]
fn a_due_date_before_today_is_refused_before_the_folder_and_the_form_kept() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let mut h = master_in(dir.path());
    h.state_mut().queue(Action::Survey);
    h.run();
    for (role, label, text) in [
        (egui::Role::TextInput, "回答期限 (YYYY-MM-DD)", "2017-10-13"),
        (
            egui::Role::MultilineTextInput,
            "依頼文",
            "10月13日までに回答願います",
        ),
    ] {
        h.get_by_role_and_label(role, label).focus();
        h.run();
        h.get_by_role_and_label(role, label).type_text(text);
        h.run();
    }
    h.get_by_label("フォルダを選んで書き出す…").click();
    h.run();

    // In the form and in the status bar.
    let said = h.query_all_by_label_contains("回答期限 2017-10-13 が照会日");
    assert_eq!(said.count(), 2);
    assert!(h.query_by_label("フォルダのパスを入力").is_none());
    assert!(h.state().dialog().is_none());
    let note = h.get_by_role_and_label(egui::Role::MultilineTextInput, "依頼文");
    assert_eq!(note.value().as_deref(), Some("10月13日までに回答願います"));
}

/// A path refused on Enter leaves the keyboard in the field: the user corrects it and presses
/// Enter again, without reaching for the mouse (under Xvfb the field lost the keyboard and what
/// was typed next went nowhere).
#[test]
fn a_path_refused_on_enter_keeps_the_keyboard_in_the_field() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("report.ron");
    shinchoku::store::save(&saved, Document::sample().report()).unwrap();
    let mut h = sample_harness();
    h.state_mut().queue(Action::Open);
    h.run();
    h.get_by_label("ファイルのパスを入力");
    h.get_by_role_and_label(egui::Role::TextInput, "パス")
        .type_text(dir.path().to_str().unwrap());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label(&format!(
        "{} はフォルダです。ファイルのパスを入力してください",
        dir.path().display()
    ));
    // Typed on at once: the file's name after the folder, then Enter.
    h.get_by_role_and_label(egui::Role::TextInput, "パス")
        .type_text("/report.ron");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none(), "the file opened");
    assert_eq!(h.state().document().file_path(), Some(saved.as_path()));
}

/// A path typed without an extension gets the one of what is written, as a save dialog gives
/// it: `report` for the Excel export is `report.xlsx`, and Save As `master` is `master.ron`.
/// The export was refused (「末尾は .xlsx…のどれかに」) and the typed path gone.
#[test]
fn a_path_typed_without_an_extension_gets_the_one_of_what_is_written() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::Export {
        format: shinchoku::export::Format::Xlsx,
        encoding: shinchoku::export::Encoding::Utf8,
    });
    h.run();
    let field = h.get_by_role_and_label(egui::Role::TextInput, "パス");
    field.focus();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "パス")
        .type_text(dir.path().join("report").to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    wait_for_job(&mut h);
    assert!(dir.path().join("report.xlsx").exists());
    assert!(!dir.path().join("report").exists());
    h.state_mut().queue(Action::SaveAs);
    h.run();
    type_in(
        &mut h,
        egui::Role::TextInput,
        dir.path().join("master").to_str().unwrap(),
    );
    assert_eq!(
        h.state().document().file_path(),
        Some(dir.path().join("master.ron").as_path())
    );
}

/// 名前を付けて保存 to a typed path of another report: replaced without a word (a save dialog
/// asks first). The prompt says the file is there and keeps it; the same path sent again
/// replaces it.
#[test]
fn a_typed_path_of_a_file_there_is_replaced_only_when_sent_again() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "another office's report").unwrap();
    let mut h = sample_harness();
    h.state_mut().queue(Action::SaveAs);
    h.run();
    type_in(&mut h, egui::Role::TextInput, other.to_str().unwrap());
    h.get_by_label_contains("すでにあります");
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "another office's report"
    );
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().document().file_path(), Some(other.as_path()));
    assert!(
        shinchoku::store::open(&other).is_ok(),
        "replaced by the report"
    );
}

/// 開く with unsaved changes asks once, when the file is chosen: 保存しない, and it opens.
/// Before, it asked before choosing too, and that answer was forgotten by the time the file
/// came: the same question twice.
#[test]
fn opening_another_file_over_unsaved_changes_asks_once() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("report.ron");
    shinchoku::store::save(&saved, Document::sample().report()).unwrap();
    let mut h = sample_harness();
    let first = h.state().document().report().initiatives().next().unwrap();
    let (id, title) = (first.id, format!("{}（改訂）", first.title));
    h.state_mut()
        .queue(shinchoku::edit::Intent::SetInitiativeTitle { id, title });
    h.run();
    h.state_mut().queue(Action::Open);
    h.run();
    type_in(&mut h, egui::Role::TextInput, saved.to_str().unwrap());
    h.get_by_label("保存されていない変更");
    h.get_by_label("保存しない").click();
    h.run();
    assert!(
        h.state().dialog().is_none(),
        "asked again: {:?}",
        h.state().dialog()
    );
    assert_eq!(h.state().document().file_path(), Some(saved.as_path()));
}

/// A due date typed in an era (令和9年1月15日), as the command line's `--due` takes it: the
/// form goes on to ask for the folder. The window's date fields took only 2027-01-15.
#[test]
fn a_due_date_typed_in_an_era_is_taken_by_the_form() {
    typing_paths();
    let dir = tempfile::tempdir().unwrap();
    let mut h = master_in(dir.path());
    h.state_mut().queue(Action::Survey);
    h.run();
    let (role, label) = (egui::Role::TextInput, "回答期限 (YYYY-MM-DD)");
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label)
        .type_text("令和9年1月15日");
    h.run();
    h.get_by_label("フォルダを選んで書き出す…").click();
    h.run();
    assert!(h.query_by_label_contains("の形で書いてください").is_none());
    h.get_by_label("フォルダのパスを入力");
}

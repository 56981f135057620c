//! The survey (照会) in the window: a division's response file as the division sees it, and the
//! office taking answers in and watching 提出状況.

use chrono::{NaiveDate, NaiveDateTime};
use shinchoku::model::{Id, Report, Side};
use shinchoku::survey;

use crate::helpers::*;

const 管財課: &str = "総務部管財課";

fn due() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 10, 13).unwrap()
}

fn sent_at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// A division's topic with a result: (topic, its first result, a plan entry of it).
fn own_topic(report: &Report, division: &str) -> (Id, Id, Option<Id>) {
    let topic = survey::topics_of(report, division)
        .into_iter()
        .find(|t| !report.topic(*t).unwrap().actual.is_empty())
        .expect("the division has a topic with results");
    let t = report.topic(topic).unwrap();
    (topic, t.actual[0].id, t.plan.first().map(|e| e.id))
}

#[test]
fn a_response_shows_its_division_and_due_date_and_refuses_edits_outside_its_part() {
    let dir = tempfile::tempdir().unwrap();
    let master = Document::sample().into_report();
    let response = survey::response_for(&master, 管財課, Some(due()), "10月13日までに回答願います");
    let path = dir.path().join("総務部管財課.ron");
    shinchoku::store::save(&path, &response).unwrap();

    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::OpenPath(path));
    h.run();
    h.get_by_label(&format!("回答用ファイル: {管財課}"));
    h.get_by_label("期限 2017-10-13");
    h.get_by_label("10月13日までに回答願います");

    let report = h.state().document().report().clone();
    let (_, result, plan) = own_topic(&report, 管財課);
    // Its own result: edited.
    h.state_mut().queue(Intent::SetEntryText {
        id: result,
        text: "庁舎の長寿命化計画の改定(9月)".into(),
    });
    h.run();
    assert_eq!(
        h.state().document().report().entry(result).unwrap().text,
        "庁舎の長寿命化計画の改定(9月)"
    );
    // A plan text: refused, the report unchanged, the status bar saying why.
    let plan = plan.expect("the topic has a plan entry");
    let before = h.state().document().report().clone();
    h.state_mut().queue(Intent::SetEntryText {
        id: plan,
        text: "書き換えた計画".into(),
    });
    h.run();
    assert!(*h.state().document().report() == before, "nothing changed");
    // The status bar says why (the division's response edits results only).
    h.get_by_label_contains("の年次計画は変更できません（実績のみ）");
    // An edit that goes through after it takes the refusal away (it stood beside it).
    h.state_mut().queue(Intent::SetEntryText {
        id: result,
        text: "庁舎の長寿命化計画の改定(8月)".into(),
    });
    h.run();
    assert!(
        h.query_by_label_contains("の年次計画は変更できません")
            .is_none(),
        "the refusal's notice is gone"
    );
    // The survey itself cannot be sent from a response, and 提出状況 there says where it is
    // kept rather than asking to send one (「まだ照会していません（ファイル → 担当課へ照会…）」).
    h.state_mut().queue(Action::ToggleSurveyStatus);
    h.run();
    h.get_by_label_contains("提出状況は事務局の取りまとめのファイルで見られます");
    assert!(h.query_by_label_contains("まだ照会していません").is_none());
    h.state_mut().queue(Action::Survey);
    h.run();
    h.get_by_label("照会できません");
}

#[test]
fn answers_taken_in_after_review_show_in_the_status_panel_with_the_overdue_in_red() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    let divisions = survey::divisions(h.state().document().report());
    let n = divisions.len();
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at: sent_at(),
        due: Some(due()),
        tokens: Default::default(),
    });
    h.run();
    let master = h.state().document().report().clone();
    let before = master.clone();

    // 管財課 answers: one result rewritten in its response file.
    let mut answer = survey::response_for(&master, 管財課, Some(due()), "");
    let (topic, result, _) = own_topic(&answer, 管財課);
    answer.entry_mut(result).unwrap().text = "庁舎の長寿命化計画の改定(9月)".into();
    let path = dir.path().join("総務部管財課.ron");
    shinchoku::store::save(&path, &answer).unwrap();

    h.state_mut().queue(SurveyCommand::Collect(vec![path]));
    h.run();
    h.get_by_label("回答の取り込み");
    h.get_by_label_contains(&format!("総務部管財課.ron — {管財課}"));
    assert!(
        *h.state().document().report() == before,
        "nothing taken in before 取り込む"
    );
    h.get_by_label("取り込む").click();
    h.run();
    let report = h.state().document().report();
    let texts: Vec<&str> = report
        .topic(topic)
        .unwrap()
        .entries(Side::Actual)
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        texts.contains(&"庁舎の長寿命化計画の改定(9月)"),
        "{texts:?}"
    );

    // 提出状況: 管財課 answered; every other division is past its due date (2017-10-13).
    h.state_mut().queue(Action::ToggleSurveyStatus);
    h.run();
    h.get_by_label("提出状況");
    assert_eq!(h.query_all_by_label("回答済").count(), 1);
    assert_eq!(h.query_all_by_label("! 期限超過").count(), n - 1);

    // On paper too, and as CSV.
    let pdf = dir.path().join("status.pdf");
    let csv = dir.path().join("status.csv");
    h.state_mut()
        .queue(SurveyCommand::PrintStatusTo(pdf.clone()));
    h.state_mut()
        .queue(SurveyCommand::ExportStatusTo(csv.clone()));
    h.run();
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(flat.contains(&format!("{管財課}回答済")), "{text}");
    assert_eq!(flat.matches("!期限超過").count(), n - 1, "{text}");
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(csv.lines().count(), n + 1);

    // Undo takes the answer out again, exactly.
    h.state_mut().queue(Action::Undo);
    h.run();
    assert!(*h.state().document().report() == master);
}

/// In a division's response the detail panel offers a field to type in only for the
/// division's own results: its plan lines and other divisions' entries are shown with why they
/// cannot be changed (a field was offered, the core refused what was typed there, and typed
/// text applied on leaving the entry was refused too). 計画どおり実施 stays on its own plan line.
#[test]
fn a_response_offers_no_field_for_entries_it_may_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let master = Document::sample().into_report();
    let 人事課 = "総務部人事課";
    let response = survey::response_for(&master, 人事課, Some(due()), "");
    let path = dir.path().join("総務部人事課.ron");
    shinchoku::store::save(&path, &response).unwrap();
    let mut h = sample_harness();
    h.state_mut().queue(FileCommand::OpenPath(path));
    h.run();
    let report = h.state().document().report().clone();
    let (topic, own_result, plan) = own_topic(&report, 人事課);
    let plan = plan.expect("the topic has a plan entry");
    let initiative = report.initiative_of_topic(topic).unwrap().id;
    let other = (report
        .initiatives()
        .flat_map(|i| i.topics.iter().map(move |t| (i, t))))
    .find(|(i, t)| !i.divisions_of(t).contains(&人事課) && !t.plan.is_empty())
    .map(|(i, t)| (i.id, t.plan[0].id))
    .unwrap();
    let field = |h: &Harness<'static, ShinchokuApp>| {
        h.query_by_role_and_label(egui::Role::MultilineTextInput, "本文")
            .is_some()
    };
    for (initiative, entry, typed, done) in [
        (initiative, plan, false, true),
        (other.0, other.1, false, false),
        (initiative, own_result, true, false),
    ] {
        h.state_mut().queue(ViewCommand::Select(initiative));
        h.state_mut().queue(ViewCommand::SelectEntry(entry));
        h.run();
        assert_eq!(field(&h), typed, "{entry:?}");
        let note = h
            .query_by_label_contains("この項目は表示のみです")
            .is_some();
        assert_eq!(note, !typed, "{entry:?}");
        if !typed {
            h.get_by_label(&report.entry(entry).unwrap().text);
            assert_eq!(
                h.query_by_label("計画どおり実施").is_some(),
                done,
                "{entry:?}"
            );
        }
    }
}

/// The review says what the results taken in warn of — months that cannot be read, months
/// outside the period — naming the entry, and shows a held-back change's old and new text.
#[test]
fn the_review_names_results_with_unreadable_or_outside_months_and_shows_old_and_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    let divisions = survey::divisions(h.state().document().report());
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at: sent_at(),
        due: Some(due()),
        tokens: Default::default(),
    });
    h.run();
    let master = h.state().document().report().clone();
    let mut answer = survey::response_for(&master, 管財課, Some(due()), "");
    let (topic, _, plan) = own_topic(&answer, 管財課);
    for text in ["庁舎の点検(6月の第3水曜)", "庁舎の点検結果の報告(10月)"] {
        let (entry, _) = shinchoku::model::entry_text::new_entry(&mut answer, text);
        answer.topic_mut(topic).unwrap().actual.push(entry);
    }
    let plan = plan.unwrap();
    answer.entry_mut(plan).unwrap().text = "書き換えた計画(4月)".into();
    let path = dir.path().join("総務部管財課.ron");
    shinchoku::store::save(&path, &answer).unwrap();

    h.state_mut().queue(SurveyCommand::Collect(vec![path]));
    h.run();
    h.get_by_label("注意（書かれたまま取り込みます）");
    h.get_by_label_contains("「庁舎の点検(6月の第3水曜)」の時期「6月の第3水曜」が読めません");
    h.get_by_label_contains(
        "「庁舎の点検結果の報告(10月)」の時期「10月」は報告期間（平成29年度上半期(4月～9月)）の外です",
    );
    h.get_by_label_contains("年次計画を変更");
    h.get_by_label_contains("→ 「");
}

/// An answer's control characters — an escape sequence, a right-to-left override, a TAB — are
/// warned of in the review before anything is taken in, naming the entry, and every text there
/// shows them by their marks, never raw.
#[test]
fn the_review_warns_of_control_characters_and_shows_them_by_their_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    let divisions = survey::divisions(h.state().document().report());
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at: sent_at(),
        due: Some(due()),
        tokens: Default::default(),
    });
    h.run();
    let master = h.state().document().report().clone();
    let mut answer = survey::response_for(&master, 管財課, Some(due()), "");
    let (topic, _, _) = own_topic(&answer, 管財課);
    let typed = "庁内周知\u{1b}[31m赤\u{202E}逆\tタブ(7月)";
    let (entry, _) = shinchoku::model::entry_text::new_entry(&mut answer, typed);
    answer.topic_mut(topic).unwrap().actual.push(entry);
    let path = dir.path().join("総務部管財課.ron");
    shinchoku::store::save(&path, &answer).unwrap();

    h.state_mut().queue(SurveyCommand::Collect(vec![path]));
    h.run();
    h.get_by_label("注意（書かれたまま取り込みます）");
    h.get_by_label_contains("に見えない文字 <ESC U+001B>、<RLO U+202E>、<TAB U+0009> があります");
    h.get_by_label_contains(
        "実績を追加: 庁内周知<ESC U+001B>[31m赤<RLO U+202E>逆<TAB U+0009>タブ(7月)",
    );
    for raw in ['\u{1b}', '\u{202E}', '\t'] {
        assert!(
            h.query_all_by_label_contains(&raw.to_string())
                .next()
                .is_none(),
            "{raw:?} shown raw"
        );
    }
}

/// 差戻し is offered for an answer only; refused (a division that never answered) it keeps the
/// reason typed, to be corrected; one sent back is said in the status bar and its row shows
/// the reason.
#[test]
fn a_refused_send_back_keeps_its_reason_and_a_done_one_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    let divisions = survey::divisions(h.state().document().report());
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at: sent_at(),
        due: Some(due()),
        tokens: Default::default(),
    });
    h.run();
    let master = h.state().document().report().clone();
    let mut answer = survey::response_for(&master, 管財課, Some(due()), "");
    let (_, result, _) = own_topic(&answer, 管財課);
    answer.entry_mut(result).unwrap().text = "庁舎の長寿命化計画の改定(9月)".into();
    let path = dir.path().join("総務部管財課.ron");
    shinchoku::store::save(&path, &answer).unwrap();
    h.state_mut().queue(SurveyCommand::Collect(vec![path]));
    h.run();
    h.get_by_label("取り込む").click();
    h.run();
    h.state_mut().queue(Action::ToggleSurveyStatus);
    h.run();
    // 差戻し… is offered on the one row that answered (on every row it only refused).
    assert_eq!(h.query_all_by_label("差戻し…").count(), 1);

    let reason = "10月の実績の記載漏れを確認してください";
    let send_back = |h: &mut Harness<'static, ShinchokuApp>, division: &str| {
        h.state_mut()
            .queue(SurveyCommand::StartSendBack(Some(division.to_string())));
        h.run();
        let label = format!("差戻しの理由 ({division})");
        h.get_by_role_and_label(egui::Role::TextInput, &label)
            .focus();
        h.run();
        h.get_by_role_and_label(egui::Role::TextInput, &label)
            .type_text(reason);
        h.run();
        h.get_by_label("差し戻す").click();
        h.run();
    };
    // 総務部総務課 never answered: refused, the reason still there to send elsewhere or cancel.
    send_back(&mut h, "総務部総務課");
    h.get_by_label_contains("総務部総務課はまだ回答していません");
    let field = h.get_by_role_and_label(egui::Role::TextInput, "差戻しの理由 (総務部総務課)");
    assert_eq!(field.value().as_deref(), Some(reason));
    // Another division's 差戻し… chosen with the reason typed: its own field is empty (the
    // reason typed for one went to the other), and the first's comes back with it.
    h.state_mut()
        .queue(SurveyCommand::StartSendBack(Some(管財課.to_string())));
    h.run();
    let other = format!("差戻しの理由 ({管財課})");
    let field = h.get_by_role_and_label(egui::Role::TextInput, &other);
    assert_eq!(field.value().as_deref(), Some(""));
    h.state_mut().queue(SurveyCommand::StartSendBack(Some(
        "総務部総務課".to_string(),
    )));
    h.run();
    let field = h.get_by_role_and_label(egui::Role::TextInput, "差戻しの理由 (総務部総務課)");
    assert_eq!(field.value().as_deref(), Some(reason));
    h.get_by_label("キャンセル").click();
    h.run();

    send_back(&mut h, 管財課);
    h.get_by_label(&format!("差し戻しました: {管財課}"));
    h.get_by_label(&format!("差戻しの理由: {reason}"));
    assert_eq!(h.query_all_by_label("差戻し中").count(), 1);
}

/// 提出状況 written where it cannot be: the error names the file and says why in the window's
/// language, not the system's English.
#[test]
fn a_status_file_that_cannot_be_written_is_worded_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    let csv = dir.path().join("ない").join("提出状況.csv");
    h.state_mut()
        .queue(SurveyCommand::ExportStatusTo(csv.clone()));
    h.run();
    h.get_by_label("書き出せませんでした");
    h.get_by_label_contains(&format!(
        "{}: 書き込めません: ファイルまたはフォルダがありません",
        csv.display()
    ));
    assert!(
        h.query_all_by_label_contains("No such file")
            .next()
            .is_none()
    );
}

/// The same answer taken in a second time is no change: the review lists no topic, only that it
/// replaces the earlier one, and taking it in leaves the report's texts as they were.
#[test]
fn an_answer_sent_again_unchanged_is_no_change_in_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    let divisions = survey::divisions(h.state().document().report());
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at: sent_at(),
        due: Some(due()),
        tokens: Default::default(),
    });
    h.run();
    let master = h.state().document().report().clone();
    let mut answer = survey::response_for(&master, 管財課, Some(due()), "");
    let (_, result, _) = own_topic(&answer, 管財課);
    answer.entry_mut(result).unwrap().text = "庁舎の長寿命化計画の改定(9月)".into();
    let path = dir.path().join("総務部管財課.ron");
    shinchoku::store::save(&path, &answer).unwrap();
    h.state_mut()
        .queue(SurveyCommand::Collect(vec![path.clone()]));
    h.run();
    h.get_by_label(&format!(
        "総務部管財課.ron — {管財課}: 見出し1件の実績を変更"
    ));
    h.get_by_label("取り込む").click();
    h.run();
    let taken = h.state().document().report().clone();

    // Esc closes the review, taking nothing in (as 取り消し).
    h.state_mut()
        .queue(SurveyCommand::Collect(vec![path.clone()]));
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.query_by_label("取り込む").is_none(),
        "Esc closed the review"
    );
    h.state_mut().queue(SurveyCommand::Collect(vec![path]));
    h.run();
    // None is said as none (it read 「0 見出し」).
    h.get_by_label(&format!("総務部管財課.ron — {管財課}: 実績の変更なし"));
    h.get_by_label("再提出: 前回の回答を置き換えます");
    assert!(h.query_all_by_label_contains("実績を").next().is_none());
    assert!(h.query_all_by_label_contains("他の担当課").next().is_none());
    h.get_by_label("取り込む").click();
    h.run();
    let again = h.state().document().report();
    for t in survey::topics_of(again, 管財課) {
        assert!(again.topic(t) == taken.topic(t), "a topic changed");
    }
}

/// Three files of one division in one collection: the last is taken, and the review names the
/// two it replaces (the first was once not named anywhere).
#[test]
fn the_review_names_every_earlier_answer_of_a_division_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    let divisions = survey::divisions(h.state().document().report());
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at: sent_at(),
        due: Some(due()),
        tokens: Default::default(),
    });
    h.run();
    let master = h.state().document().report().clone();
    let answer = survey::response_for(&master, 管財課, Some(due()), "");
    let paths: Vec<_> = ["一回目.ron", "二回目.ron", "三回目.ron"]
        .iter()
        .map(|name| {
            let path = dir.path().join(name);
            shinchoku::store::save(&path, &answer).unwrap();
            path
        })
        .collect();
    h.state_mut().queue(SurveyCommand::Collect(paths));
    h.run();
    h.get_by_label_contains(&format!("三回目.ron — {管財課}"));
    h.get_by_label_contains("同じ担当課の先の回答（置き換えます）: 一回目.ron, 二回目.ron");
}

/// In a division's response the detail panel offers ＋実績を追加 only on the division's own
/// topics and ＋計画を追加 nowhere (the plan is the office's); the master offers both on every
/// topic. Initiative 4 is shared by three divisions.
#[test]
fn a_response_offers_adding_results_only_to_its_own_topics_and_no_plan_lines() {
    const 総務課: &str = "総務部総務課";
    let dir = tempfile::tempdir().unwrap();
    let master = Document::sample().into_report();
    let four = master.find_initiative("4").unwrap();
    let (initiative, topics) = (four.id, four.topics.len());
    let own = survey::topics_of(&master, 総務課)
        .into_iter()
        .filter(|t| four.topics.iter().any(|x| x.id == *t))
        .count();
    assert!(own > 0 && own < topics, "{own} of {topics}");
    let count =
        |h: &Harness<'static, ShinchokuApp>, label: &str| h.query_all_by_label(label).count();

    let mut h = sample_harness();
    h.state_mut().queue(ViewCommand::Select(initiative));
    h.run();
    assert_eq!(count(&h, "＋ 実績を追加"), topics);
    assert_eq!(count(&h, "＋ 計画を追加"), topics);

    let response = survey::response_for(&master, 総務課, Some(due()), "");
    let path = dir.path().join("総務部総務課.ron");
    shinchoku::store::save(&path, &response).unwrap();
    h.state_mut().queue(FileCommand::OpenPath(path));
    h.run();
    h.state_mut().queue(ViewCommand::Select(initiative));
    h.run();
    assert_eq!(count(&h, "＋ 実績を追加"), own);
    assert_eq!(count(&h, "＋ 計画を追加"), 0);
}

/// 担当課へ照会 in the window: the record was kept unsaved, so closing without saving (or one
/// Ctrl+Z) took it away while the response files were already out, and every answer was then
/// refused as "not sent this survey". The master is saved as the survey is sent, and undoing
/// the record is refused, saying why.
#[test]
fn a_survey_sent_from_the_window_is_saved_at_once_and_never_undone() {
    let dir = tempfile::tempdir().unwrap();
    let master = dir.path().join("master.ron");
    let out = dir.path().join("照会");
    std::fs::create_dir(&out).unwrap();
    let mut h = sample_harness();
    // The sample has no file of its own: refused before any file is written, saving asked.
    h.state_mut().queue(SurveyCommand::Submit(
        shinchoku::app::command::SendForm::default(),
    ));
    h.state_mut().queue(SurveyCommand::SendTo(out.clone()));
    h.run();
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
    h.get_by_label_contains("照会の前に、この報告を .ron ファイルとして保存してください");
    h.get_by_label("OK").click();
    h.run();
    h.state_mut().queue(FileCommand::SaveTo(master.clone()));
    h.run();
    // Text typed and not applied while the form is open goes out in the files sent.
    let (_, result, _) = own_topic(h.state().document().report(), 管財課);
    let initiative = (h.state().document().report().initiatives())
        .find(|i| {
            i.topics
                .iter()
                .any(|t| t.actual.iter().any(|e| e.id == result))
        })
        .unwrap()
        .id;
    h.state_mut().queue(ViewCommand::Select(initiative));
    h.run();
    h.state_mut().queue(ViewCommand::SelectEntry(result));
    h.run();
    h.get_by_label("本文").focus();
    h.run();
    h.get_by_label("本文").type_text("（送る前に追記）");
    h.run();
    h.state_mut().queue(SurveyCommand::Submit(
        shinchoku::app::command::SendForm::default(),
    ));
    h.state_mut().queue(SurveyCommand::SendTo(out.clone()));
    h.run();
    let written = std::fs::read_dir(&out).unwrap().count();
    assert!(written > 0, "responses written");
    let sent: Report = shinchoku::store::open(&out.join(format!("{管財課}.ron"))).unwrap();
    let text = sent.entry(result).unwrap().text.clone();
    let now = h
        .state()
        .document()
        .report()
        .entry(result)
        .unwrap()
        .text
        .clone();
    assert!(text.contains("（送る前に追記）"), "{text} / master: {now}");
    let saved: Report = shinchoku::store::open(&master).unwrap();
    assert!(
        !saved.survey.is_empty() && saved.survey.iter().all(|s| s.sent.is_some()),
        "the master on disk records the survey"
    );
    assert!(!h.state().document().is_dirty());
    // The survey's own words stand after the save's (「保存しました」 had taken their place).
    h.get_by_label_contains("照会ファイルを書き出しました");
    h.state_mut().queue(Action::Undo);
    h.run();
    let report = h.state().document().report();
    assert!(report.survey.iter().all(|s| s.sent.is_some()), "not undone");
    h.get_by_label_contains("照会を送った記録は元に戻せません");
}

/// A due date already passed is said in the form, beside the field to correct (the status bar
/// alone said it, at the other end of the window), and the form stays open as typed.
#[test]
fn a_refused_due_date_is_said_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    h.state_mut().queue(Action::Survey);
    h.run();
    let form = shinchoku::app::command::SendForm {
        due: "2001-04-01".into(),
        ..Default::default()
    };
    h.state_mut().queue(SurveyCommand::Submit(form));
    h.run();
    assert!(
        h.query_by_label("担当課へ照会").is_some(),
        "the form stays open"
    );
    let said = h
        .query_all_by_label_contains("回答期限 2001-04-01 が照会日")
        .count();
    assert_eq!(said, 2, "in the form and in the status bar");
}

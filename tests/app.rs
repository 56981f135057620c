//! The window driven as a user drives it, headless (no GPU): egui_kittest finds widgets by
//! their accessible names, clicks them and reads what is shown.

use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use shinchoku::app::{AppCommand, Dialog, Prefs, ShinchokuApp, fonts};
use shinchoku::document::Document;
use shinchoku::model::Report;

fn harness_with(app: ShinchokuApp, height: f32) -> Harness<'static, ShinchokuApp> {
    Harness::builder()
        .with_size(egui::vec2(1800.0, height))
        .with_theme(egui::Theme::Light)
        .with_context_setup(fonts::install_style)
        .build_ui_state(|ui, app: &mut ShinchokuApp| app.show(ui), app)
}

fn sample_harness() -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()),
        1000.0,
    );
    h.run();
    h
}

const FIRST_TITLE: &str = "現場重視でさまざまな主体との協創を促進する職員の人材育成";
const SECOND_TITLE: &str = "協創による事業・業務の実施を促進する仕組みの構築";

#[test]
fn the_sample_opens_with_its_initiatives_in_the_grid() {
    let h = sample_harness();
    h.get_by_label(FIRST_TITLE);
    h.get_by_label(SECOND_TITLE);
    h.get_by_label("□協創の取組を進めるための研修の充実");
    // The column headings come from the report: its plan years and its fiscal year's months.
    assert!(
        h.state()
            .window_title()
            .starts_with("sample-report.ron — 進捗")
    );
}

#[test]
fn clicking_an_initiative_shows_its_plan_text_in_the_detail_panel() {
    let mut h = sample_harness();
    let full_text = "・ポータルサイトの運用、充実(通年)";
    assert!(h.query_by_label(full_text).is_none());
    h.get_by_label(SECOND_TITLE).click();
    h.run();
    h.get_by_label(full_text);
    h.get_by_label("・ポータルサイトへの掲載内容の追加(5月～)");
    // Once for the initiative, once under each of its two topics.
    assert_eq!(
        h.get_all_by_label("担当課: 総務部行財政改革推進課").count(),
        3
    );
}

#[test]
fn arrow_keys_move_the_selection_between_initiatives() {
    let mut h = sample_harness();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let second = h.state().doc.report.find_initiative("2").unwrap().id;
    assert_eq!(h.state().selected, Some(second));
    h.get_by_label("・ポータルサイトの運用、充実(通年)");
}

#[test]
fn folding_a_section_hides_its_rows() {
    let mut h = sample_harness();
    h.get_by_label("折りたたむ: I 協創・現場重視の推進に向けて")
        .click();
    h.run();
    assert!(h.query_by_label(FIRST_TITLE).is_none());
    assert!(h.query_by_label(SECOND_TITLE).is_none());
    // Section II is still open.
    h.get_by_label("機動的で柔軟かつ弾力的な働き方改革の推進");
    h.get_by_label("展開する: I 協創・現場重視の推進に向けて")
        .click();
    h.run();
    h.get_by_label(FIRST_TITLE);
}

#[test]
fn saving_through_the_app_and_opening_again_gives_an_equal_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = sample_harness();
    h.state_mut().queue(AppCommand::SaveTo(path.clone()));
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert!(h.state().window_title().starts_with("saved.ron — "));
    let reopened: Report = shinchoku::store::open(&path).unwrap();
    assert!(reopened == h.state().doc.report);
    // Opening it through the app gives the same report again.
    h.state_mut().queue(AppCommand::OpenPath(path.clone()));
    h.run();
    assert!(h.state().doc.report == reopened);
    assert_eq!(
        h.state()
            .prefs
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
    h.state_mut().queue(AppCommand::OpenPath(path));
    h.run();
    h.get_by_label("ファイルを開けませんでした");
    h.get_by_label_contains("broken.tsv: no header row found");
    assert_eq!(h.state().doc.report.initiative_count(), 11);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().dialog.is_none());
}

fn request_close(h: &mut Harness<'static, ShinchokuApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
}

fn sent(h: &Harness<'static, ShinchokuApp>, command: &ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

#[test]
fn an_unsaved_change_raises_the_guard_on_close() {
    let mut h = sample_harness();
    // Without changes the window closes at once.
    request_close(&mut h);
    h.step();
    assert!(!sent(&h, &ViewportCommand::CancelClose));
    h.run();

    h.state_mut().doc.report.title.push_str("（改訂）");
    h.state_mut().doc.touch();
    h.run();
    assert!(h.state().window_title().contains('●'));
    request_close(&mut h);
    h.step();
    assert!(sent(&h, &ViewportCommand::CancelClose));
    h.run();
    assert!(matches!(
        h.state().dialog,
        Some(Dialog::UnsavedChanges { .. })
    ));
    h.get_by_label("保存されていない変更");
    h.get_by_label("保存しない").click();
    h.step();
    assert!(sent(&h, &ViewportCommand::Close));
}

#[test]
fn the_language_switches_to_english_and_back() {
    let mut h = sample_harness();
    h.get_by_label("表示").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("File");
    h.get_by_label("Initiative / Action item");
    assert_eq!(h.state().prefs.lang, shinchoku::app::Lang::En);
}

/// Every string of the sample, on screen at once (every row, every initiative's detail), with
/// the harness's missing-glyph policy set to panic.
#[test]
fn every_string_of_the_sample_renders_with_the_bundled_font() {
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let rows = {
        let mut a = ShinchokuApp::new(Document::sample(), Prefs::default());
        a.rows().len()
    };
    let mut h = harness_with(app, rows as f32 * 24.0 + 800.0);
    h.run();
    let ids: Vec<_> = h.state().doc.report.initiatives().map(|i| i.id).collect();
    for id in ids {
        h.state_mut().queue(AppCommand::Select(id));
        h.run();
    }
    // The last initiative's last row is on screen too.
    h.get_by_label("災害対応業務に関する情報収集");
    for lang in [shinchoku::app::Lang::En, shinchoku::app::Lang::Ja] {
        h.state_mut().queue(AppCommand::SetLanguage(lang));
        h.run();
    }
}

#[test]
#[should_panic(expected = "No glyph")]
fn without_the_bundled_font_japanese_would_not_render() {
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1800.0, 800.0))
        .build_ui_state(|ui, app: &mut ShinchokuApp| app.show(ui), app);
    h.run();
}

// ---- Editing (issue 4) ----

fn tall_harness() -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()),
        4200.0,
    );
    h.run();
    h
}

fn status_labels(h: &Harness<'static, ShinchokuApp>, text: &str) -> usize {
    h.query_all_by_label(text).count()
}

#[test]
fn typing_a_new_actual_changes_the_status_and_undo_brings_it_back() {
    let mut h = tall_harness();
    h.get_by_label("情報セキュリティの確保").click();
    h.run();
    // The second heading plans a self-check in August with no actual under it: late.
    assert_eq!(status_labels(&h, "状況: 遅れ"), 1);
    let add_buttons: Vec<_> = h.get_all_by_label("＋ 実績を追加").collect();
    assert_eq!(add_buttons.len(), 2);
    add_buttons[1].click();
    h.run();
    let field = h.get_by_role_and_label(egui::Role::TextInput, "実績を追加");
    field.type_text("情報セキュリティ管理者セキュリティセルフチェック(8月)");
    h.run();
    h.get_by_label("読み取り: 8月（1か月）");
    h.get_by_role_and_label(egui::Role::TextInput, "実績を追加")
        .focus();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(status_labels(&h, "状況: 遅れ"), 0);
    let ten = h.state().doc.report.find_initiative("10").unwrap();
    let added = ten.topics[1].actual.last().unwrap();
    assert_eq!(
        added.text,
        "情報セキュリティ管理者セキュリティセルフチェック(8月)"
    );
    assert!(h.state().doc.is_dirty());
    // Ctrl+Z (no field has the keyboard now) takes the entry back out.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(status_labels(&h, "状況: 遅れ"), 1);
    assert!(!h.state().doc.is_dirty());
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
    let entry = &h.state().doc.report.find_initiative("2").unwrap().topics[0].actual[1];
    assert_eq!(entry.text, "職員向けメルマガにおける周知(8月～10月)");
    assert_eq!(entry.covered_months().calendar_months(), vec![8, 9, 10]);
    h.state_mut().queue(AppCommand::Undo);
    h.run();
    let entry = &h.state().doc.report.find_initiative("2").unwrap().topics[0].actual[1];
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
    let span = &h.state().doc.report.find_initiative("1").unwrap().items[0].lanes[0][1];
    assert_eq!((span.first.0, span.last.0), (2017, 2018));
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
    let entry = &h.state().doc.report.find_initiative("2").unwrap().topics[0].actual[1];
    assert_eq!(entry.counts.len(), 1);
    assert_eq!(entry.covered_months().calendar_months(), vec![6, 7]);
}

#[test]
fn ime_preedit_and_commit_land_in_the_field_once() {
    let mut h = tall_harness();
    let topic = h.state().doc.report.find_initiative("2").unwrap().topics[0].id;
    h.state_mut().queue(AppCommand::OpenNewEntry {
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
fn one_click_on_a_division_shows_only_its_rows() {
    let mut h = tall_harness();
    h.get_by_label(SECOND_TITLE);
    // The division of initiative 1, in the 担当課 column.
    h.get_all_by_label("総務部人事課").next().unwrap().click();
    h.run();
    assert_eq!(h.state().filter.division.as_deref(), Some("総務部人事課"));
    h.get_by_label(FIRST_TITLE);
    assert!(h.query_by_label(SECOND_TITLE).is_none());
    // Initiative 4 keeps only its 人事課 heading.
    h.get_by_label("<弾力的な勤務形態の検討>");
    assert!(h.query_by_label("<組織体制・運営の検討>").is_none());
    h.get_by_label("絞り込み解除").click();
    h.run();
    h.get_by_label(SECOND_TITLE);
}

#[test]
fn the_text_filter_narrows_and_highlights() {
    let mut h = tall_harness();
    h.get_by_role_and_label(egui::Role::TextInput, "検索")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "検索")
        .type_text("セキュリティ");
    h.run();
    assert!(h.query_by_label(FIRST_TITLE).is_none());
    h.get_by_label("情報セキュリティの確保");
}

#[test]
fn status_counts_per_section_are_shown() {
    let h = tall_harness();
    // Section I: initiatives 1 and 3 done (達成済), 2 in progress; section II: both in progress.
    assert!(h.query_all_by_label("完了 2・取組中 1").next().is_some());
    assert!(h.query_all_by_label("取組中 2").next().is_some());
}

#[test]
fn switching_the_period_moves_the_headings_and_lateness() {
    let mut h = tall_harness();
    h.get_by_label(SECOND_TITLE).click();
    h.run();
    assert!(h.query_all_by_label("【上半期実績】").next().is_some());
    h.state_mut()
        .queue(AppCommand::SetPeriod(shinchoku::model::Period::FullYear));
    h.run();
    assert!(h.query_all_by_label("【上半期実績】").next().is_none());
    assert!(h.query_all_by_label("【通期実績】").next().is_some());
    let report = &h.state().doc.report;
    assert_eq!(report.as_of(), shinchoku::model::AsOf { month: 3, day: 31 });
    // At the end of March every plan month has passed: initiative 4's autumn plans are late.
    let summary = shinchoku::model::status::summary(report);
    assert!(summary.by_section[1].1.late > 0, "{:?}", summary.by_section);
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.query_all_by_label("【上半期実績】").next().is_some());
}

// ---- Printing (issue 5) ----

#[test]
fn the_print_preview_shows_the_pages_and_follows_the_setup() {
    let mut h = sample_harness();
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("印刷プレビュー").click();
    h.run();
    let pages = |h: &Harness<'static, ShinchokuApp>| {
        let job = shinchoku::print::PrintJob {
            report: &h.state().doc.report,
            setup: &h.state().printing.setup,
            printed_on: String::new(),
        };
        shinchoku::print::layout(&job, &mut |_| {}).pages.len()
    };
    let a3 = pages(&h);
    h.get_by_label(&format!("1 / {a3}"));
    h.get_by_label("縦").click();
    h.run();
    let portrait = pages(&h);
    assert!(portrait < a3, "portrait fits more rows per page");
    h.get_by_label(&format!("1 / {portrait}"));
    h.get_by_label("次 ▶").click();
    h.run();
    h.get_by_label(&format!("2 / {portrait}"));
    // The setup is remembered for next time.
    assert!(!h.state().prefs.page_setup.landscape);
}

#[test]
fn exporting_a_pdf_runs_in_the_background_and_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grid.pdf");
    let mut h = sample_harness();
    h.state_mut().queue(AppCommand::ExportPdfTo(path.clone()));
    h.step();
    let started = std::time::Instant::now();
    while h.state().printing.busy() {
        assert!(started.elapsed().as_secs() < 60, "the PDF job finishes");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    h.get_by_label_contains("PDFを書き出しました");
}

#[test]
fn exporting_from_the_window_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_harness();
    for name in ["grid.xlsx", "grid.tsv", "grid.csv"] {
        h.state_mut().queue(AppCommand::ExportTo {
            path: dir.path().join(name),
            encoding: shinchoku::export::Encoding::Cp932,
        });
        h.run();
        h.get_by_label_contains(&format!(
            "書き出しました: {}",
            dir.path().join(name).display()
        ));
    }
    let tsv = std::fs::read(dir.path().join("grid.tsv")).unwrap();
    let imported = shinchoku::import::import_bytes(&tsv).unwrap();
    assert_eq!(imported.encoding, shinchoku::import::TextEncoding::Cp932);
    assert!(imported.report == h.state().doc.report);
}

#[test]
fn the_context_menu_moves_an_entry_down_in_one_undoable_step() {
    let mut h = tall_harness();
    let before: Vec<String> = h.state().doc.report.find_initiative("2").unwrap().topics[0]
        .actual
        .iter()
        .map(|e| e.label.clone())
        .collect();
    h.get_by_label("職員向けメルマガにおける周知")
        .click_secondary();
    h.run();
    h.get_by_label("下へ移動").click();
    h.run();
    let after: Vec<String> = h.state().doc.report.find_initiative("2").unwrap().topics[0]
        .actual
        .iter()
        .map(|e| e.label.clone())
        .collect();
    assert_eq!(after[1], before[2]);
    assert_eq!(after[2], before[1]);
    h.state_mut().queue(AppCommand::Undo);
    h.run();
    let undone: Vec<String> = h.state().doc.report.find_initiative("2").unwrap().topics[0]
        .actual
        .iter()
        .map(|e| e.label.clone())
        .collect();
    assert_eq!(undone, before);
}

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

//! Opening the window: the sample in the grid, selection, folding, language, fonts.

use crate::helpers::*;

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
fn arrow_keys_move_row_by_row_and_fold_and_unfold() {
    let mut h = sample_harness();
    // Section I, then initiative 1.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let first = h
        .state()
        .document()
        .report()
        .find_initiative("1")
        .unwrap()
        .id;
    assert_eq!(h.state().selected(), Some(first));
    // ← folds the initiative, → unfolds it, → again goes into it.
    let item = "□協創の取組を進めるための研修の充実";
    h.get_by_label(item);
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert!(h.query_by_label(item).is_none(), "folded");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.get_by_label(item);
    // Down past initiative 1's rows reaches initiative 2, whose text the panel shows.
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    let second = h
        .state()
        .document()
        .report()
        .find_initiative("2")
        .unwrap()
        .id;
    assert_eq!(h.state().selected(), Some(second));
    h.get_by_label("・ポータルサイトの運用、充実(通年)");
    // ← on a row inside goes back up to its initiative's row, then folds it.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert!(
        h.query_by_label("□庁内の協創事例を集約したポータルサイトの構築")
            .is_none()
    );
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
fn the_language_switches_to_english_and_back() {
    let mut h = sample_harness();
    h.get_by_label("表示").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("File");
    h.get_by_label("Initiative / Action item");
    assert_eq!(h.state().prefs().lang(), shinchoku::app::Lang::En);
}

/// Every string of the sample, on screen at once (every row, every initiative's detail), with
/// the harness's missing-glyph policy set to panic.
#[test]
fn every_string_of_the_sample_renders_with_the_bundled_font() {
    let app = ShinchokuApp::new(Document::sample(), Prefs::default());
    let rows = shinchoku::grid::rows(app.document().report(), &Default::default()).len();
    let mut h = harness_with(app, rows as f32 * 24.0 + 800.0);
    h.run();
    let ids: Vec<_> = h
        .state()
        .document()
        .report()
        .initiatives()
        .map(|i| i.id)
        .collect();
    for id in ids {
        h.state_mut().queue(ViewCommand::Select(id));
        h.run();
    }
    // The last initiative's last row is on screen too.
    h.get_by_label("災害対応業務に関する情報収集");
    for lang in [shinchoku::app::Lang::En, shinchoku::app::Lang::Ja] {
        h.state_mut().queue(PrefsCommand::SetLanguage(lang));
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

//! Narrowing the grid and changing what it is measured against: 担当課, text, status, period.

use crate::helpers::*;

#[test]
fn one_click_on_a_division_shows_only_its_rows() {
    let mut h = tall_harness();
    h.get_by_label(SECOND_TITLE);
    // The division of initiative 1, in the 担当課 column.
    h.get_all_by_label("総務部人事課").next().unwrap().click();
    h.run();
    assert_eq!(h.state().filter().division.as_deref(), Some("総務部人事課"));
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
    search(&mut h, "セキュリティ");
    assert!(h.query_by_label(FIRST_TITLE).is_none());
    h.get_by_label("情報セキュリティの確保");
    assert!(
        h.query_by_label_contains("絞り込みに合う行はありません")
            .is_none()
    );
}

/// A search that matches nothing says so under the header, with the way back (the grid was
/// its header alone, as if the report were empty).
#[test]
fn a_search_matching_nothing_says_so() {
    let mut h = tall_harness();
    search(&mut h, "zzzz");
    h.get_by_label("絞り込みに合う行はありません（「絞り込み解除」で全体に戻ります）");
    h.get_by_label("絞り込み解除").click();
    h.run();
    h.get_by_label(FIRST_TITLE);
    assert!(
        h.query_by_label_contains("絞り込みに合う行はありません")
            .is_none()
    );
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
        .queue(Intent::SetPeriod(shinchoku::model::Period::FullYear));
    h.run();
    assert!(h.query_all_by_label("【上半期実績】").next().is_none());
    assert!(h.query_all_by_label("【通期実績】").next().is_some());
    let report = h.state().document().report();
    assert_eq!(report.as_of(), shinchoku::model::AsOf { month: 3, day: 31 });
    // At the end of March every plan month has passed: initiative 4's autumn plans are late.
    let summary = shinchoku::model::status::summary(report);
    assert!(summary.by_section[1].1.late > 0, "{:?}", summary.by_section);
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.query_all_by_label("【上半期実績】").next().is_some());
}

/// `text` typed into the 検索 field.
fn search(h: &mut egui_kittest::Harness<'static, shinchoku::app::ShinchokuApp>, text: &str) {
    h.get_by_role_and_label(egui::Role::TextInput, "検索")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "検索")
        .type_text(text);
    h.run();
}

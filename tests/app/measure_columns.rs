//! The numbers' columns beside the grid (issue 25): 数値目標, 効果額 and 評価 on each initiative's
//! row for a report with numbers, none for a Mie-style report; folded and sized like the others.

use crate::helpers::*;
use crate::measures::with_numbers;

fn numbers_harness(prefs: Prefs) -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(ShinchokuApp::new(with_numbers(), prefs), 1000.0);
    h.run();
    h
}

/// Where the grid's header shows a name (level with 番号's header, not the toolbar's).
fn header(h: &Harness<'static, ShinchokuApp>, name: &str) -> Option<egui::Rect> {
    let row = h.get_by_label("番号").rect();
    h.query_all_by_label(name)
        .map(|n| n.rect())
        .find(|r| r.top() >= row.top() - 30.0 && r.bottom() <= row.bottom() + 30.0)
}

#[test]
fn a_report_with_numbers_shows_them_beside_the_grid_on_the_initiatives_row() {
    let h = numbers_harness(Prefs::default());
    for name in [
        "数値目標 29年度",
        "効果額（百万円）",
        "評価",
        "達成率",
        "自己",
        "本部",
    ] {
        assert!(header(&h, name).is_some(), "the header shows {name}");
    }
    // Initiative 1: 電子申請件数, target 1200, 900 this year, 75 %; 3,297 百万円 planned; S.
    let row = h.get_by_label(FIRST_TITLE).rect();
    for value in ["電子申請件数", "1200", "900", "75%", "3297", "S"] {
        let at = h
            .get_all_by_label(value)
            .map(|n| n.rect())
            .find(|r| (r.center().y - row.center().y).abs() < 6.0);
        let at = at.unwrap_or_else(|| panic!("{value} on initiative 1's row"));
        assert!(
            at.left() > header(&h, "状況").unwrap().right(),
            "{value} right of 状況"
        );
    }
}

#[test]
fn a_mie_report_has_no_numbers_columns() {
    let h = sample_harness();
    for name in [
        "数値目標 29年度",
        "効果額（千円）",
        "達成率",
        "自己",
        "本部",
    ] {
        assert!(h.query_by_label(name).is_none(), "{name} is not shown");
    }
}

#[test]
fn the_numbers_columns_fold_and_size_like_the_others() {
    let mut h = numbers_harness(Prefs::default());
    h.state_mut()
        .queue(PrefsCommand::ToggleColumn(Column::Effects));
    h.state_mut().queue(PrefsCommand::SetColumnWidth {
        column: Column::Indicators,
        width: Some(400.0),
    });
    h.state_mut().queue(PrefsCommand::SetColumnWidth {
        column: Column::Ratings,
        width: Some(120.0),
    });
    h.run();
    h.run();
    assert!(header(&h, "効果額（百万円）").is_none(), "効果額 folded");
    assert!(h.query_by_label("3297").is_none());
    // 数値目標 and 評価 are as wide as they were set: from the middle of one to the other's,
    // half of each (効果額 folded between them).
    let width =
        header(&h, "評価").unwrap().center().x - header(&h, "数値目標 29年度").unwrap().center().x;
    assert!((width - (400.0 + 120.0) / 2.0).abs() < 2.0, "{width}");
    h.state_mut()
        .queue(PrefsCommand::ToggleColumn(Column::Effects));
    h.run();
    h.run();
    assert!(
        header(&h, "効果額（百万円）").is_some(),
        "効果額 shown again"
    );
}

#[test]
fn column_prefs_saved_by_the_build_with_six_columns_still_load() {
    // What the build before the numbers' columns stored: six widths.
    let stored = "(lang:Ja,columns:(widths:(None,None,None,None,Some(210.0),None),hidden:[Stages]),zoom:1.1)";
    let prefs: Prefs = ron::from_str(stored).unwrap();
    assert_eq!(prefs.columns().width(Column::Division), Some(210.0));
    assert_eq!(prefs.columns().width(Column::Ratings), None);
    assert!(!prefs.columns().is_shown(Column::Stages));
    assert_eq!(prefs.zoom(), 1.1);
    // And what this build stores reads back.
    let mut prefs = prefs;
    prefs.handle(PrefsCommand::SetColumnWidth {
        column: Column::Ratings,
        width: Some(120.0),
    });
    let again: Prefs = ron::from_str(&ron::to_string(&prefs).unwrap()).unwrap();
    assert_eq!(again.columns(), prefs.columns());
}

#[test]
fn the_rating_filter_above_the_grid_shows_only_the_initiatives_so_rated() {
    let mut h = numbers_harness(Prefs::default());
    let choose = |h: &mut Harness<'static, ShinchokuApp>, choice: &str| {
        h.get_by_role_and_label(egui::Role::ComboBox, "評価")
            .click();
        h.run();
        h.get_by_label(choice).click();
        h.run();
        h.run();
    };
    // Initiative 1 rated S by itself; the others not rated.
    choose(&mut h, "S 特に良好に進捗");
    h.get_by_label(FIRST_TITLE);
    assert!(h.query_by_label(SECOND_TITLE).is_none());
    choose(&mut h, "未評価");
    assert!(h.query_by_label(FIRST_TITLE).is_none());
    h.get_by_label(SECOND_TITLE);
    // The review, where given, is the rating that counts: reviewed A, initiative 1 is not S.
    let first = h.state().document().report().sections[0].initiatives[0].id;
    h.state_mut().queue(Intent::Measure(
        shinchoku::edit::measures::MeasureIntent::SetRating {
            initiative: first,
            layer: shinchoku::edit::measures::RatingLayer::Review,
            code: "A".into(),
            by: String::new(),
            on: None,
        },
    ));
    h.run();
    choose(&mut h, "S 特に良好に進捗");
    assert!(h.query_by_label(FIRST_TITLE).is_none());
    choose(&mut h, "A 良好に進捗");
    h.get_by_label(FIRST_TITLE);
    h.get_by_label("絞り込み解除").click();
    h.run();
    h.get_by_label(SECOND_TITLE);
}

#[test]
fn a_mie_report_has_no_rating_filter() {
    let h = sample_harness();
    assert!(
        h.query_by_role_and_label(egui::Role::ComboBox, "評価")
            .is_none()
    );
}

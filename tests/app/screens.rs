//! Desk-PC and laptop screens (issue 14): the grid fits the window, frozen columns when it must
//! scroll, columns and the detail panel as the user left them, zoom, the keyboard.

use crate::helpers::*;

const MONTHS: [&str; 12] = [
    "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月",
];

fn sized(prefs: Prefs, width: f32, height: f32) -> Harness<'static, ShinchokuApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .with_context_setup(fonts::install_style)
        .build_ui_state(
            |ui, app: &mut ShinchokuApp| app.show(ui),
            ShinchokuApp::new(Document::sample(), prefs),
        );
    h.run();
    h
}

/// Where the grid's header shows a name, if it is drawn (the toolbar's filters use 担当課
/// and 状況 too: the header's are level with 番号).
fn header_at(h: &Harness<'static, ShinchokuApp>, name: &str) -> Option<egui::Rect> {
    let row = h.get_by_label("番号").rect();
    h.get_all_by_label(name)
        .map(|n| n.rect())
        .find(|r| r.top() >= row.top() - 20.0 && r.top() <= row.bottom() + 20.0)
}

fn header(h: &Harness<'static, ShinchokuApp>, name: &str) -> egui::Rect {
    header_at(h, name).unwrap_or_else(|| panic!("the header shows {name}"))
}

/// Every month header, 担当課 and 状況 lies wholly inside the window's width.
fn assert_all_columns_inside(h: &Harness<'static, ShinchokuApp>, width: f32, when: &str) {
    let mut names: Vec<&str> = MONTHS.to_vec();
    names.extend(["担当課", "状況"]);
    for name in names {
        let r = header(h, name);
        assert!(
            r.left() >= 0.0 && r.right() <= width + 0.5,
            "{when}: {name} at {r:?} is outside a window {width} wide"
        );
    }
}

#[test]
fn at_laptop_sizes_every_month_the_division_and_the_status_are_in_the_window() {
    for (width, height) in [(1280.0, 720.0), (1366.0, 768.0)] {
        let mut h = sized(Prefs::default(), width, height);
        assert!(
            !h.state().prefs().detail_folded(),
            "the detail panel is open"
        );
        assert_all_columns_inside(&h, width, &format!("{width}×{height}, nothing selected"));
        h.get_by_label(FIRST_TITLE).click();
        h.run();
        assert!(h.state().selected().is_some());
        assert_all_columns_inside(&h, width, &format!("{width}×{height}, one selected"));
    }
}

#[test]
fn on_a_small_screen_the_number_and_text_stay_when_scrolling_to_the_last_column() {
    let (width, height) = (1024.0, 600.0);
    let h = sized(Prefs::default(), width, height);
    // Every month still fits; 担当課 and 状況 are beyond the window's edge.
    assert!(h.get_by_label("3月").rect().right() <= width);
    assert!(
        header_at(&h, "状況").is_none_or(|r| r.right() > width),
        "状況 starts off-screen"
    );
    // Shift + wheel over the grid scrolls it sideways.
    let title = h.get_by_label(FIRST_TITLE).rect();
    h.hover_at(title.center());
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::SHIFT,
        });
    }
    let mut h = h;
    // Scrolling is animated: let it finish.
    h.run_steps(30);
    let status = header(&h, "状況");
    assert!(
        status.right() <= width + 0.5,
        "scrolled to 状況: {status:?}"
    );
    // 番号 and the initiative's text did not move.
    let still = h
        .get_all_by_label(FIRST_TITLE)
        .map(|n| n.rect())
        .find(|r| (r.top() - title.top()).abs() < 1.0)
        .expect("the title's row is where it was");
    assert_eq!(still.left(), title.left());
    let number = h.get_by_label("番号").rect();
    assert!(number.left() >= 0.0 && number.right() < title.right());
}

#[test]
fn column_widths_hidden_columns_and_the_folded_panel_survive_a_restart() {
    let mut h = sized(Prefs::default(), 1366.0, 768.0);
    h.state_mut().queue(PrefsCommand::SetColumnWidth {
        column: Column::Division,
        width: Some(210.0),
    });
    h.state_mut()
        .queue(PrefsCommand::ToggleColumn(Column::Stages));
    h.state_mut().queue(Action::ToggleDetail);
    h.state_mut().queue(Action::ZoomIn);
    h.run();
    // The plan years' header names each year (「28年度 (2016)」) only while 工程 is shown.
    assert!(h.query_by_label("28年度 (2016)").is_none(), "工程 hidden");
    assert!(
        h.query_by_label("詳細").is_some(),
        "the folded panel's button"
    );
    // What eframe stores at exit, read back at the next start.
    let stored = ron::to_string(h.state().prefs()).unwrap();
    let prefs: Prefs = ron::from_str(&stored).unwrap();
    assert!(prefs.detail_folded());
    assert_eq!(prefs.zoom(), 1.1);
    assert_eq!(prefs.columns().width(Column::Division), Some(210.0));
    let h = sized(prefs, 1366.0, 768.0);
    // Labels sit at their cells' left edges: 担当課's cell is as wide as it was dragged.
    let width = header(&h, "状況").left() - header(&h, "担当課").left();
    assert!((width - 210.0).abs() < 1.0, "{width}");
    assert!(
        h.query_by_label("取組を選ぶと、ここに計画と実績の全文が表示されます。")
            .is_none()
    );
    // 列幅を元に戻す.
    let mut h = h;
    h.state_mut().queue(Action::ResetColumns);
    h.run();
    assert_eq!(*h.state().prefs().columns(), ColumnPrefs::default());
}

#[test]
fn folded_the_panel_unfolds_for_an_entry_or_shows_it_in_a_window_as_preferred() {
    let mut prefs = Prefs::default();
    prefs.handle(PrefsCommand::SetDetailFolded(true));
    let mut h = sized(prefs.clone(), 1366.0, 768.0);
    h.get_by_label("ポータルサイトへの掲載内容の追加").click();
    h.run();
    assert!(
        !h.state().prefs().detail_folded(),
        "selecting an entry unfolds it"
    );

    prefs.handle(PrefsCommand::SetDetailPopup(true));
    let mut h = sized(prefs, 1366.0, 768.0);
    h.get_by_label("ポータルサイトへの掲載内容の追加").click();
    h.run();
    assert!(h.state().prefs().detail_folded(), "still folded");
    // The entry's editor, in its own window.
    h.get_by_label("時期");
}

#[test]
fn f8_goes_to_the_next_late_initiative() {
    let mut h = sized(Prefs::default(), 1366.0, 768.0);
    h.key_press(egui::Key::F8);
    h.run();
    let report = h.state().document().report();
    let late = report
        .initiatives()
        .find(|i| {
            shinchoku::model::status::initiative_status(i, report.fiscal_as_of())
                == shinchoku::model::status::Status::Late
        })
        .map(|i| i.id);
    assert!(late.is_some(), "the sample has a late initiative");
    assert_eq!(h.state().selected(), late);
}

#[test]
fn ctrl_arrows_move_between_cells_and_enter_acts_on_the_cell() {
    let mut h = sized(Prefs::default(), 1366.0, 768.0);
    // The first result of initiative 2, then its month cell: Enter puts the keyboard in 時期.
    h.get_by_label("ポータルサイトへの掲載内容の追加").click();
    h.run();
    for _ in 0..2 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowRight);
        h.run();
    }
    h.key_press(egui::Key::Enter);
    h.run();
    let focused = h.get_by_label("時期");
    assert!(focused.is_focused(), "the 時期 field has the keyboard");
    // On a topic's 担当課 cell, Enter shows only that division's rows.
    let mut h = sized(Prefs::default(), 1366.0, 768.0);
    h.get_by_label("<ポータルサイトの構築>").click();
    h.run();
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowRight);
        h.run();
    }
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().filter().division.as_deref(),
        Some("総務部行財政改革推進課")
    );
}

/// A click on a topic's row after a result's selects no entry: the detail panel's 選択中の記載
/// (with its 削除 button) was still the result's.
#[test]
fn a_click_on_a_topic_row_leaves_no_result_selected() {
    let mut h = sized(Prefs::default(), 1366.0, 768.0);
    h.get_by_label("ポータルサイトへの掲載内容の追加").click();
    h.run();
    assert!(h.query_by_label("選択中の記載").is_some());
    // The grid's row (the detail panel names the topic too).
    h.get_all_by_label("<ポータルサイトの構築>")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label("選択中の記載").is_none());
}

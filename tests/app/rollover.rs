//! 次の期間へ in the window: nothing turns 遅れ by itself, and the results carried over for the
//! divisions to confirm are marked (要確認) and can be shown alone.

use crate::helpers::*;
use egui_kittest::kittest::NodeT;
use shinchoku::compare::RolloverTo;
use shinchoku::model::Period;

const NINTH_TITLE: &str = "未利用の県有財産の積極的な有効活用と売却";

/// 遅れ as the grid says it: the badges of initiatives and topics and the plan lines' words.
fn late_shown(h: &Harness<'static, ShinchokuApp>) -> usize {
    status_labels(h, "遅れ") + status_labels(h, "! 遅れ")
}

#[test]
fn rolling_over_turns_nothing_late_and_marks_the_results_to_confirm() {
    let mut h = tall_harness();
    let late_before = late_shown(&h);
    assert!(late_before > 0, "initiative 10's August check is late");
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::SecondHalf));
    h.run();
    assert_eq!(h.state().document().report().period, Period::SecondHalf);
    assert_eq!(late_shown(&h), late_before);
    // The notice says how many; each is marked in 状況.
    h.get_by_label_contains("要確認 3件");
    assert_eq!(status_labels(&h, "? 要確認"), 3);

    // 要確認 above the grid shows only the initiatives and topics holding one.
    h.get_by_role_and_label(egui::Role::CheckBox, "要確認")
        .click();
    h.run();
    assert!(h.state().filter().to_confirm);
    assert!(h.query_by_label(FIRST_TITLE).is_none());
    assert!(h.query_all_by_label_contains(NINTH_TITLE).next().is_some());
    h.get_by_label("<今後の利用見込み等の検討>");
    assert!(h.query_by_label("<未利用財産の売却等>").is_none());
    assert_eq!(status_labels(&h, "? 要確認"), 3);

    h.get_by_label("絞り込み解除").click();
    h.run();
    assert!(!h.state().filter().to_confirm);
    h.get_by_label(FIRST_TITLE);
}

#[test]
fn a_report_with_nothing_to_confirm_has_no_such_filter() {
    let h = tall_harness();
    assert!(
        h.query_by_role_and_label(egui::Role::CheckBox, "要確認")
            .is_none()
    );
    assert_eq!(status_labels(&h, "? 要確認"), 0);
}

/// After 次の期間へ the 提出状況 is the new period's: every division not yet asked, none of its
/// topics with a result of the new half (it showed the first half's answers).
#[test]
fn the_new_periods_status_panel_starts_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = tall_harness();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    let divisions = shinchoku::survey::divisions(h.state().document().report());
    let n = divisions.len();
    let at = chrono::NaiveDate::from_ymd_opt(2017, 10, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    h.state_mut().queue(Intent::MarkSent {
        divisions,
        at,
        due: None,
        tokens: Default::default(),
    });
    h.state_mut().queue(Action::ToggleSurveyStatus);
    h.state_mut().queue(Action::Save);
    h.run();
    assert_eq!(status_labels(&h, "未回答"), n);
    let counted = |h: &Harness<'static, ShinchokuApp>| -> Vec<String> {
        h.query_all_by_label_contains(" / ")
            .filter_map(|l| l.accesskit_node().value())
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .collect()
    };
    // In the first half its own results count (the seed's divisions have some already).
    assert!(counted(&h).iter().any(|l| !l.starts_with("0 / ")));
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::SecondHalf));
    h.run();
    assert_eq!(h.state().document().report().period, Period::SecondHalf);
    assert_eq!(status_labels(&h, "未照会"), n);
    assert_eq!(status_labels(&h, "未回答"), 0);
    // 実績あり: "0 / N" on every row, none of the first half's results counted.
    let with_results = counted(&h);
    assert_eq!(with_results.len(), n, "{with_results:?}");
    assert!(
        with_results.iter().all(|l| l.starts_with("0 / ")),
        "{with_results:?}"
    );
}

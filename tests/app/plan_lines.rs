//! Plan lines and the results that report them, in the window: marks and words in the grid,
//! linking and unlinking in the detail panel.

use crate::helpers::*;

#[test]
fn the_grid_says_where_each_plan_line_stands_and_marks_unplanned_results() {
    let h = tall_harness();
    // Initiative 9's 全庁展開 line (9月～) has nothing reporting it.
    assert!(h.query_all_by_label("! 遅れ").next().is_some());
    // Initiative 4's trial (6月1日～9月29日) reports no plan line.
    assert!(h.query_all_by_label("計画外").next().is_some());
    assert!(h.query_all_by_label("実施中").next().is_some());
    // The legend explains the marks.
    h.get_by_label("計画に対応する実績あり");
}

#[test]
fn a_result_is_unlinked_and_linked_again_from_the_detail_panel() {
    let mut h = tall_harness();
    let nine = h
        .state()
        .document()
        .report()
        .find_initiative("9")
        .unwrap()
        .clone();
    let survey = nine.topics[0].actual[1].clone();
    assert_eq!(survey.label, "県有財産の貸付けに向けたニーズ調査");
    let plan = survey.reports[0];
    h.state_mut().queue(ViewCommand::Select(nine.id));
    h.state_mut().queue(ViewCommand::SelectEntry(survey.id));
    h.run();
    h.get_by_label("対応する計画");
    h.get_by_label("県有財産の貸付実施(6月～)");
    h.get_by_label("外す").click();
    h.run();
    let reports = |h: &Harness<'static, ShinchokuApp>| {
        h.state()
            .document()
            .report()
            .entry(survey.id)
            .unwrap()
            .reports
            .clone()
    };
    assert!(reports(&h).is_empty());
    h.get_by_label("（なし：計画外）");
    // One step: undo links it again.
    h.state_mut().queue(Action::Undo);
    h.run();
    assert_eq!(reports(&h), vec![plan]);
}

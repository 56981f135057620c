//! The status bar's 警告 as the report stands: what is typed in the window is warned of at once,
//! as opening the saved file (and `check`) would say it, and undoing takes it away.

use shinchoku::compare::RolloverTo;
use shinchoku::model::{Id, Period, Report};

use crate::helpers::*;

/// The first result of the sample's first topic that has one.
fn a_result(report: &Report) -> Id {
    report
        .initiatives()
        .flat_map(|i| &i.topics)
        .find_map(|t| t.actual.first().map(|e| e.id))
        .expect("the sample has results")
}

/// Hovers the status bar's 警告 and returns whether its list holds `text`.
fn warned_of(h: &mut Harness<'static, ShinchokuApp>, count: usize, text: &str) -> bool {
    h.get_by_label(&format!("警告 {count}")).hover();
    h.run();
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn months_typed_that_cannot_be_read_or_lie_outside_the_period_are_warned_of_at_once() {
    let mut h = sample_harness();
    h.get_by_label("警告はありません");
    let report = h.state().document().report().clone();
    let result = a_result(&report);

    h.state_mut().queue(Intent::SetEntryText {
        id: result,
        text: "庁舎の点検(6月の第3水曜)".into(),
    });
    h.run();
    assert!(warned_of(
        &mut h,
        1,
        "「庁舎の点検(6月の第3水曜)」の時期「6月の第3水曜」が読めません"
    ));

    h.state_mut().queue(Intent::SetEntryText {
        id: result,
        text: "庁舎の点検結果の報告（10月）".into(),
    });
    h.run();
    assert!(warned_of(
        &mut h,
        1,
        "「庁舎の点検結果の報告（10月）」の時期「10月」は報告期間（平成29年度上半期(4月～9月)）の外です"
    ));

    // Undone twice: the result as it was, nothing to warn of.
    h.state_mut().queue(Action::Undo);
    h.state_mut().queue(Action::Undo);
    h.run();
    h.get_by_label("警告はありません");
}

/// 次の期間へ carries the report's warnings along: a result holding a TAB is still warned of in
/// the new period, as opening the rolled-over file would.
#[test]
fn a_rolled_over_report_still_warns_of_what_it_holds() {
    let mut h = sample_harness();
    let report = h.state().document().report().clone();
    h.state_mut().queue(Intent::SetEntryText {
        id: a_result(&report),
        text: "庁内周知\tタブ(7月)".into(),
    });
    h.run();
    assert!(warned_of(&mut h, 1, "<TAB U+0009>"));
    let dir = tempfile::tempdir().unwrap();
    h.state_mut()
        .queue(FileCommand::SaveTo(dir.path().join("master.ron")));
    h.state_mut()
        .queue(FileCommand::Rollover(RolloverTo::SecondHalf));
    h.run();
    assert_eq!(h.state().document().report().period, Period::SecondHalf);
    assert!(warned_of(&mut h, 1, "<TAB U+0009>"));
}

/// Control characters in a text (an escape sequence, a right-to-left override) show in the
/// grid and the detail panel by their marks, as on paper: drawn raw, ESC was a box and U+202E
/// nothing at all. The text itself keeps them.
#[test]
fn the_grid_and_the_detail_panel_show_control_characters_by_their_marks() {
    let mut h = sample_harness();
    let report = h.state().document().report().clone();
    let result = a_result(&report);
    let typed = "庁内周知\u{1b}[31m赤\u{202E}逆(7月)";
    h.state_mut().queue(Intent::SetEntryText {
        id: result,
        text: typed.into(),
    });
    let initiative = report
        .initiatives()
        .find(|i| {
            i.topics
                .iter()
                .any(|t| t.actual.iter().any(|e| e.id == result))
        })
        .unwrap()
        .id;
    h.state_mut().queue(ViewCommand::Select(initiative));
    h.run();
    assert_eq!(
        h.state().document().report().entry(result).unwrap().text,
        typed
    );
    h.get_by_label("庁内周知<ESC U+001B>[31m赤<RLO U+202E>逆");
    h.get_by_label("・庁内周知<ESC U+001B>[31m赤<RLO U+202E>逆(7月)");
    for raw in ['\u{1b}', '\u{202E}'] {
        assert!(
            h.query_all_by_label_contains(&raw.to_string())
                .next()
                .is_none(),
            "{raw:?} shown raw"
        );
    }
}

//! Crafted files of the twelfth round: a master whose survey record holds dates no survey takes.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::check;
use shinchoku::model::diag::WarningKind;

/// A master `.ron` whose survey record says the survey is due on `+262142-12-31` (or sent in
/// year 0): opened, it is said — the file is damaged or was edited by hand — where it opened
/// without a word and `status` called the survey overdue by 260,000 years. Typed, such a date
/// is refused.
#[test]
fn a_survey_date_no_survey_takes_in_a_saved_master_is_said() {
    let doc = crate::surveyed(crate::seed().report);
    let ron = shinchoku::store::to_ron(doc.report());
    let due = "due: Some(\"2017-10-13\")";
    assert!(ron.contains(due));
    for (from, to) in [
        (due, "due: Some(\"+262142-12-31\")"),
        (due, "due: Some(\"0000-01-01\")"),
        (
            "sent: Some(\"2017-10-02T09:00:00\")",
            "sent: Some(\"+262142-12-31T23:59:59\")",
        ),
    ] {
        assert!(ron.contains(from), "{from}");
        let crafted = ron.replacen(from, to, 1);
        let report = shinchoku::store::from_ron(&crafted).unwrap();
        let said: Vec<String> = (check::warnings(&report).iter())
            .filter(|w| matches!(w.kind, WarningKind::SurveyDateOutside { .. }))
            .map(|w| w.describe(Lang::Ja))
            .collect();
        assert_eq!(said.len(), 1, "{to}: {said:?}");
        assert!(
            said[0].contains("1989年から2199年の外の日付")
                && said[0].contains("ファイルが壊れているか"),
            "{}",
            said[0]
        );
    }
    // The master as saved says nothing of it.
    assert!(
        (check::warnings(doc.report()).iter())
            .all(|w| !matches!(w.kind, WarningKind::SurveyDateOutside { .. }))
    );
}

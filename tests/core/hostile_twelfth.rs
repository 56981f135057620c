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

/// One initiative whose 担当課 cell lists 1,000 divisions and whose 年次計画 holds 1,100
/// topics, none naming its own: 1.1 million divisions named beside topics. The audit's 370 KB
/// table of 4,000 × 4,000 made an 819 MB `check --json`, a 1.1 GB web page, and a print that
/// ran out of memory. Refused on reading, table and `.ron` alike, naming the initiative.
#[test]
fn a_report_naming_millions_of_divisions_beside_its_topics_is_refused() {
    let names: Vec<String> = (0..1_000).map(|k| format!("総務部第{k}課")).collect();
    let topics: Vec<String> = (0..1_100)
        .map(|k| format!("＜見出し{k}＞<br>・計画(4月)"))
        .collect();
    let seed = crate::SEED;
    let rows: Vec<String> = (seed.lines())
        .map(|row| {
            let mut f: Vec<String> = row.split('\t').map(str::to_string).collect();
            if f.first().is_some_and(|n| n == "1") && f.len() > 3 {
                let d = f.iter().position(|x| x == "総務部人事課").unwrap();
                let p = f.iter().position(|x| x.starts_with("(H28")).unwrap();
                f[d] = names.join("<br>");
                f[p] = topics.join("<br>");
            }
            f.join("\t")
        })
        .collect();
    let table = rows.join("\n");
    let err = shinchoku::import::import_text(&table).unwrap_err();
    let said = err.describe(Lang::Ja);
    assert!(
        said.contains("取組1") && said.contains("担当課1000件×見出し1100件"),
        "{said}"
    );
    // The same report as a `.ron` (written by hand or by another program).
    let mut report = crate::seed().report;
    let i = &mut report.sections[0].initiatives[0];
    i.divisions = names;
    i.topics = (0..1_200)
        .map(|k| shinchoku::model::Topic {
            id: shinchoku::model::Id(1_000_000 + k),
            heading: Some(format!("見出し{k}")),
            division: None,
            plan: Default::default(),
            actual: Default::default(),
        })
        .collect();
    let text = shinchoku::store::to_ron(&report);
    let refused = shinchoku::store::from_ron_checked(&text).unwrap_err();
    let said = refused.describe(Lang::Ja);
    assert!(said.contains("担当課1000件×見出し1200件"), "{said}");
}

//! Hostile files found by the fourth attack, each kept with what must hold now: an action item
//! named as an initiative's number (`12`, `No.1`) read back from the exported table as an
//! initiative of its own; numbers of a year far from the plan, and plan years by the thousand,
//! that made every export write thousands of year columns (gigabytes); a month bracket that
//! took minutes; a survey to thousands of divisions.

use shinchoku::document::Document;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::MAX_YEARS_FROM_PLAN;
use shinchoku::model::diag::WarningKind;
use shinchoku::model::months::{MAX_TIMING_BYTES, MonthProblem, parse_timing};
use shinchoku::model::validate::Rule;
use shinchoku::store::{self, StoreError};

use crate::SEED;

fn numbers(report: &shinchoku::model::Report) -> Vec<String> {
    report.initiatives().map(|i| i.number.clone()).collect()
}

#[test]
fn an_item_named_as_an_initiative_number_stays_an_item_through_the_table_export() {
    for name in ["12", "1", "No.1", "No.R2-1", "１２"] {
        let text = SEED.replace("□協創の取組を進めるための研修の充実", name);
        let first = shinchoku::import::import_text(&text).unwrap().report;
        assert_eq!(first.find_initiative("1").unwrap().items[0].name, name);
        let table = shinchoku::export::table::to_table_text(&first);
        let again = shinchoku::import::import_text(&table).unwrap().report;
        assert_eq!(numbers(&again), numbers(&first), "{name}");
        let one = |r: &shinchoku::model::Report| r.find_initiative("1").unwrap().clone();
        assert_eq!(one(&again).items, one(&first).items, "{name}");
        assert_eq!(one(&again).topics, one(&first).topics, "{name}");
    }
}

/// The numbers fixture's table with a 29年度 target of 500, its column headed 2087年度 (more
/// than 50 years after the plan's last year): the number is kept unread and said, and the
/// report saved opens again (it would be refused as damaged).
#[test]
fn numbers_of_a_year_far_from_the_plan_are_kept_unread_and_said() {
    let table = crate::fuzz_found::numbers_table_with("29年度目標", "500");
    let far = table.replacen("\t29年度目標\t", "\t2087年度目標\t", 1);
    assert_ne!(far, table);
    let imported = shinchoku::import::import_text(&far).unwrap();
    let said: Vec<String> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::NumberYearFarFromPlan { .. }))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(!said.is_empty());
    assert!(
        said[0].contains("2087年度") && said[0].contains("未読"),
        "{said:?}"
    );
    assert!(
        imported
            .report
            .unread
            .iter()
            .any(|u| u.text.starts_with("2087年度")),
        "{:?}",
        imported.report.unread
    );
    let (_, repaired) = store::from_ron_checked(&store::to_ron(&imported.report))
        .expect("the saved report opens again");
    assert!(repaired.is_empty());
}

fn refused_rules(text: &str) -> Vec<Rule> {
    match store::from_ron(text) {
        Err(StoreError::Invalid(found)) => found.into_iter().map(|v| v.rule).collect(),
        other => panic!("expected refused, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn plan_years_by_the_thousand_and_numbers_far_from_them_are_refused_by_name() {
    let sample = shinchoku::document::SAMPLE_RON;
    let wide = sample.replacen(
        "first: 2016,\n      last: 2019",
        "first: 1900,\n      last: 9999",
        1,
    );
    assert_ne!(wide, sample);
    let rules = refused_rules(&wide);
    assert!(
        rules.contains(&Rule::PlanYearsTooMany {
            first: 1900,
            last: 9999
        }),
        "{rules:?}"
    );
    let marker = "divisions: [\n              \"総務部人事課\",";
    let far_year = 2019 + MAX_YEARS_FROM_PLAN + 1;
    let measures = format!(
        "measures: Some((indicators: [(name: \"指標\", years: [(year: {far_year}, target: \
         (value: Some(\"1\")))])])),\n            "
    );
    let far = sample.replacen(marker, &format!("{measures}{marker}"), 1);
    assert_ne!(far, sample);
    assert_eq!(
        refused_rules(&far),
        [Rule::YearFarFromPlan { year: far_year }]
    );
    // Within the bound, opened.
    let near = far.replace(&far_year.to_string(), &(far_year - 1).to_string());
    assert!(store::from_ron(&near).is_ok());
}

#[test]
fn a_month_bracket_longer_than_any_months_is_read_at_once() {
    let long = format!("{}月", "1 ".repeat(40_000));
    assert_eq!(
        parse_timing(&long).unwrap_err().problem,
        MonthProblem::TooLong
    );
    assert!(parse_timing(&"4月、".repeat(MAX_TIMING_BYTES / 9)).is_ok());
    let text = SEED.replacen(
        "職員向けメルマガにおける周知(6月)",
        &format!("職員向けメルマガにおける周知({long})"),
        1,
    );
    let started = std::time::Instant::now();
    shinchoku::import::import_text(&text).unwrap();
    // Minutes before (10,000 ones took 26 s in a debug build); a bound loose enough for a busy
    // machine, not a measurement.
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn a_survey_to_thousands_of_divisions_is_refused_by_count() {
    let sample = shinchoku::document::SAMPLE_RON;
    let marker = "divisions: [\n              \"総務部人事課\",";
    let many: String = (0..3000).map(|k| format!("\"総務部第{k}課\",")).collect();
    let text = sample.replacen(marker, &format!("divisions: [{many}"), 1);
    let report = store::from_ron(&text).unwrap();
    let doc = Document::new(report, shinchoku::document::Origin::Sample, Vec::new());
    let today = chrono::NaiveDate::from_ymd_opt(2017, 10, 2).unwrap();
    let refused = shinchoku::survey::send::Survey::new(doc.report(), None, "", today)
        .map(|_| ())
        .unwrap_err();
    let said = refused.describe(Lang::Ja);
    assert!(said.contains("3008") && said.contains("300"), "{said}");
}

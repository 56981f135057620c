//! The RON loader on any text: a report that keeps the model's rules, or an error; never a
//! panic. A report it accepts saves and reads back the same (its numbers — indicators, effects,
//! ratings — with it), and the views' derivations, the numbers' checks and summaries, and the
//! table, CSV and web page exports run on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::{model, store};

fuzz_target!(|text: &str| {
    let Ok(report) = store::from_ron(text) else {
        return;
    };
    assert!(model::validate::violations(&report).is_empty());
    let saved = store::to_ron(&report);
    let again = store::from_ron(&saved).expect("a saved report opens again");
    assert!(again == report, "the saved report reads back differently");
    let _ = model::check::warnings(&report);
    let _ = model::status::summary(&report);
    let _ = shinchoku::grid::rows(&report, &Default::default());
    let _ = shinchoku::export::table::to_table_text(&report);
    let _ = shinchoku::export::csv::to_csv(&report);
    let _ = model::measure_check::measure_warnings(&report);
    let _ = shinchoku::summary::measures::totals(&report);
    let _ = shinchoku::summary::measures::scale(&report);
    for i in report.initiatives() {
        let _ = shinchoku::summary::measures::indicators(i, report.fiscal_year);
        let _ = shinchoku::summary::measures::effects(i.measures());
    }
    let _ = shinchoku::export::html::to_html(&report);
});

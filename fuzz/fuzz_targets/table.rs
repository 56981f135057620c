//! The report-table importer on any bytes: an answer or an error, never a panic; and what it
//! answers keeps the model's rules, saves, and reads back the same; and its table, exported and
//! imported again, gives the same numbers (indicators, effects, ratings, the scale and unit).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::{import, model, store};

fuzz_target!(|bytes: &[u8]| {
    let Ok(imported) = import::import_bytes(bytes) else {
        return;
    };
    let report = imported.report;
    let broken = model::validate::violations(&report);
    assert!(
        broken.is_empty(),
        "the importer made a report that breaks the rules: {broken:?}"
    );
    let text = store::to_ron(&report);
    let again = store::from_ron(&text).expect("a saved import opens again");
    assert!(again == report, "the saved import reads back differently");
    let _ = model::check::warnings(&report);
    let table = shinchoku::export::table::to_table_text(&report);
    let back = import::import_text(&table).expect("an exported table imports again");
    assert!(
        back.report.measure_settings == report.measure_settings,
        "the scale or unit reads back differently: {:?} → {:?}",
        report.measure_settings,
        back.report.measure_settings
    );
    let numbers = |r: &model::Report| -> Vec<_> {
        r.initiatives()
            .map(|i| (i.number.clone(), i.measures().clone()))
            .collect()
    };
    let (before, after) = (numbers(&report), numbers(&back.report));
    assert!(
        before == after,
        "the numbers read back differently: {before:?} → {after:?}"
    );
});

//! The report-table importer on any bytes: an answer or an error, never a panic; and what it
//! answers keeps the model's rules, saves, and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::{import, model, store};

fuzz_target!(|bytes: &[u8]| {
    let Ok(imported) = import::import_bytes(bytes) else {
        return;
    };
    let report = imported.report;
    let broken = model::validate::violations(&report);
    assert!(broken.is_empty(), "the importer made a report that breaks the rules: {broken:?}");
    let text = store::to_ron(&report);
    let again = store::from_ron(&text).expect("a saved import opens again");
    assert!(again == report, "the saved import reads back differently");
    let _ = model::check::warnings(&report);
    let table = shinchoku::export::table::to_table_text(&report);
    let _ = import::import_text(&table);
});

//! The workbook reader on any bytes, as an .xlsx, .xls or .ods would be handed to it: an
//! answer or an error, never a panic; and what it answers keeps the model's rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::import::{self, WorkbookFormat};
use shinchoku::model;

fuzz_target!(|bytes: &[u8]| {
    // The reader runs calamine under catch_unwind (a panic of it on a damaged file is that
    // file's error: tests/fixtures/damaged-calamine-panics.xls); libFuzzer's hook would abort
    // on it first. Without the hook a panic that escapes still aborts at the target's edge.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let _ = std::panic::take_hook();
    });
    for named in [
        Some(WorkbookFormat::Xlsx),
        Some(WorkbookFormat::Xls),
        Some(WorkbookFormat::Ods),
    ] {
        let Ok((report, _)) = import::import_any(bytes, named) else {
            continue;
        };
        let broken = model::validate::violations(&report);
        assert!(broken.is_empty(), "the reader made a report that breaks the rules: {broken:?}");
    }
});

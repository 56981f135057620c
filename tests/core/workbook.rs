//! Workbooks in: Shinchoku's own XLSX export opened back, the same workbook as LibreOffice
//! saves it (.ods, .xls, .xlsx), workbooks typed the way offices type them, and workbooks
//! that are not reports.

use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::{WorkbookFormat, import_any, import_workbook};
use shinchoku::model::Report;

use crate::seed;

fn seed_xlsx() -> Vec<u8> {
    export_bytes(&seed().report, Format::Xlsx, Encoding::Utf8).expect("the XLSX is written")
}

fn counts(report: &Report) -> (usize, usize, usize, i32) {
    let initiatives = report.initiatives().count();
    let items = report.initiatives().map(|i| i.items.len()).sum();
    (report.sections.len(), initiatives, items, report.fiscal_year.0)
}

#[test]
fn the_seed_exported_to_xlsx_opens_as_the_same_report() {
    let report = seed().report;
    let opened = import_workbook(&seed_xlsx(), WorkbookFormat::Xlsx).expect("the export opens");
    assert_eq!(opened.sheet, "進捗報告");
    assert!(opened.warnings.is_empty(), "{:#?}", opened.warnings);
    if opened.report != report {
        let a = shinchoku::store::to_ron(&report);
        let b = shinchoku::store::to_ron(&opened.report);
        for (x, y) in a.lines().zip(b.lines()) {
            if x != y {
                panic!("first difference:\n{x}\n{y}");
            }
        }
        panic!("reports differ");
    }
    assert_eq!(counts(&opened.report), (3, 11, 24, 2017));
    let (again, _) = import_any(&seed_xlsx(), None).unwrap();
    assert!(again == report);
}

/// The same workbook after LibreOffice saved it as .ods, .xls and .xlsx (made with
/// `soffice --headless --convert-to ods|xls|xlsx` from `shinchoku export` of the seed; kept
/// as fixtures so that CI needs no LibreOffice).
#[test]
fn the_export_saved_again_by_libreoffice_opens_as_the_same_report() {
    let report = seed().report;
    for (name, bytes) in [
        (
            "seed-libreoffice.ods",
            &include_bytes!("../fixtures/seed-libreoffice.ods")[..],
        ),
        (
            "seed-libreoffice.xls",
            &include_bytes!("../fixtures/seed-libreoffice.xls")[..],
        ),
        (
            "seed-libreoffice.xlsx",
            &include_bytes!("../fixtures/seed-libreoffice.xlsx")[..],
        ),
    ] {
        let by_name = WorkbookFormat::of_name(std::path::Path::new(name));
        assert_eq!(WorkbookFormat::of_bytes(bytes), by_name, "{name}: told by content");
        let (opened, warnings) = import_any(bytes, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(counts(&opened), (3, 11, 24, 2017), "{name}");
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
        assert_eq!(opened.title, report.title, "{name}");
        assert_eq!(opened.period, report.period, "{name}");
        assert_eq!(opened.plan_years, report.plan_years, "{name}");
        assert!(opened.sections == report.sections, "{name}: sections differ");
        assert!(opened == report, "{name}: the report differs");
    }
}

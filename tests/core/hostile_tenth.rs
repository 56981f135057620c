//! Files found by the tenth round of attacks and audits, each kept with what must hold now.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::WarningKind;
use shinchoku::survey::{self, collect, workbook};

use crate::{october as at, rewrite_part, survey_due as due};

/// 人事課's sent workbook with its first 実績 cell (E8) the number 0.25 in Excel's built-in
/// number format `id` (written by id alone, no `<numFmt>`, as Excel and openpyxl write
/// `# ?/?`).
fn number_in_built_in_format(id: u32) -> (shinchoku::document::Document, Vec<u8>) {
    let master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let book = workbook::write(&r).unwrap();
    let book = rewrite_part(&book, "xl/styles.xml", |xml| {
        xml.replace(r#"<cellXfs count="7">"#, r#"<cellXfs count="8">"#)
            .replace(
                "</cellXfs>",
                &format!(r#"<xf numFmtId="{id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#),
            )
    });
    let book = rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
        assert!(xml.contains(r#"<c r="E8" s="6"/>"#));
        xml.replace(r#"<c r="E8" s="6"/>"#, r#"<c r="E8" s="7"><v>0.25</v></c>"#)
    });
    (master, book)
}

/// A result typed as a number in a fraction or scientific format (Excel shows 「1/4」,
/// 「2.50E-01」): its value is read, and the review says the cell showed it otherwise. Formats
/// written by id alone went unsaid.
#[test]
fn a_number_in_a_built_in_fraction_or_scientific_format_is_said() {
    for id in [11, 12, 13, 48] {
        let (master, book) = number_in_built_in_format(id);
        let a = survey::answer::answer_from_workbook(&book, "人事課.xlsx".into()).unwrap();
        let c = collect(master.report(), vec![Ok(a)], at(10));
        let said: Vec<String> = (c.warnings.iter())
            .filter(|w| matches!(w.warning.kind, WarningKind::NumberFormatNotShown { .. }))
            .map(|w| w.describe(Lang::Ja))
            .collect();
        assert_eq!(said.len(), 1, "format {id}: {:?}", c.warnings);
        assert!(
            said[0].contains("0.25") && said[0].contains("E8"),
            "{}",
            said[0]
        );
    }
}

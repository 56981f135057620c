//! Defects found by reading the code and by trying it as a new user would; each test failed
//! before its fix.

use shinchoku::document::Document;
use shinchoku::edit;
use shinchoku::import::import_text;
use shinchoku::model::era::{find_era_year, parse_era_year, parse_short_fiscal_year};
use shinchoku::model::{FiscalYear, Side};

use crate::{SEED, initiative};

// --- Year arithmetic that overflowed (a panic in a debug build, a garbage year in release).

#[test]
fn an_era_year_too_large_for_arithmetic_is_no_year() {
    assert_eq!(parse_era_year("平成2147483647年度"), None);
    assert_eq!(find_era_year("平成2147483647年度「改革」"), None);
    assert_eq!(
        parse_short_fiscal_year("2147483000年度", FiscalYear(2017)),
        None
    );
    assert_eq!(
        parse_short_fiscal_year("2147483647年度", FiscalYear(i32::MAX)),
        None
    );
    assert_eq!(parse_era_year("R99999999999999999999年"), None);
    // Years outside what Shinchoku handles are named without overflowing either.
    for y in [i32::MIN, -1, 0, i32::MAX] {
        let fy = FiscalYear(y);
        let _ = (fy.era_form(), fy.short_form(), fy.calendar_year_of(1));
        let _ = fy.short_form_like(FiscalYear(2017));
    }
}

#[test]
fn a_title_with_such_a_year_imports_with_a_warning_or_is_refused_saying_why() {
    let text = SEED.replacen("平成 29 年度「", "平成2147483647年度「", 1);
    let imported = import_text(&text).expect("the column headings name the year");
    assert_eq!(imported.report.fiscal_year, FiscalYear(2017));
    let w = imported
        .warnings
        .iter()
        .find(|w| w.message.contains("平成2147483647年"))
        .expect("a warning quoting the year");
    assert_eq!(w.at.row, Some(3));

    let text = text.replacen("平成 29 年度 年次計画", "年次計画", 1);
    let err = import_text(&text).expect_err("no year anywhere");
    assert!(
        err.message.contains("平成2147483647年") && err.message.contains("no fiscal year"),
        "{err}"
    );
}

#[test]
fn a_stage_heading_with_such_a_year_is_read_with_a_warning() {
    // Initiative 1's stage table (row 7) heads its first column 2147483000年度.
    let text = SEED.replacen("<th>28年度</th>", "<th>2147483000年度</th>", 1);
    let imported = import_text(&text).expect("imports");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.at.row == Some(7) && w.message.contains("not consecutive")),
        "{:?}",
        imported.warnings
    );
    assert_eq!(imported.report.initiative_count(), 11);
    // The report it gives keeps the model's rules: it saves and opens again.
    let text = shinchoku::store::to_ron(&imported.report);
    assert!(shinchoku::store::from_ron(&text).unwrap() == imported.report);
}

// --- Undo and redo dropped the step when its inverse could not be applied.

#[test]
fn a_step_that_cannot_be_undone_stays_on_its_stack_with_an_error() {
    let mut doc = Document::sample();
    let topic = initiative(&doc.report, "2").topics[0].id;
    doc.edit(|r| Ok(edit::add_entry(r, topic, Side::Actual, "研修の実施(7月)").0))
        .unwrap();
    let added = initiative(&doc.report, "2").topics[0]
        .actual
        .last()
        .unwrap()
        .clone();
    // Something outside the history removes the entry the undo would remove.
    let list = &mut doc.report.sections[0].initiatives[1].topics[0].actual;
    let taken = list.pop().unwrap();
    assert_eq!(taken, added);
    let changed = doc.report.clone();

    let err = doc
        .try_undo()
        .expect_err("its inverse names an entry that is gone");
    assert!(err.to_string().contains(&added.id.to_string()), "{err}");
    assert!(doc.history.can_undo(), "the step is kept");
    assert!(!doc.history.can_redo());
    assert!(doc.report == changed, "nothing changed");
    assert!(!doc.undo(), "the same through undo()");
    assert!(doc.history.can_undo());

    // Put back, the step undoes and redoes.
    doc.report.sections[0].initiatives[1].topics[0]
        .actual
        .push(taken);
    assert_eq!(doc.try_undo(), Ok(true));
    assert!(doc.history.can_redo());
    // And a redo whose edit no longer applies stays on the redo stack.
    doc.report.sections[0].initiatives[1].topics.clear();
    assert!(doc.try_redo().is_err());
    assert!(doc.history.can_redo());
}

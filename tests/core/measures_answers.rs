//! A division's numbers answered in the workbook's 数値回答 sheet, attacked: rows whose hidden
//! id is changed to claim another division's initiative or a number the report lacks, and a
//! number answered in two rows. None is taken silently; each is said, naming the row.

use shinchoku::edit::measures::measures_division;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::Decimal;
use shinchoku::survey::collect::Collection;

use crate::measures::seed_with_measures;
use crate::measures_cycle::{sent, workbook_answer};

const FY: FiscalYear = FiscalYear(2017);

/// What the review says of the answer's warnings, in Japanese.
fn said(collection: &Collection) -> Vec<String> {
    collection
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect()
}

fn taken(master: &shinchoku::model::Report, collection: &Collection) -> shinchoku::model::Report {
    let mut doc = shinchoku::document::Document::new(
        master.clone(),
        shinchoku::document::Origin::Sample,
        Vec::new(),
    );
    if let Some(intent) = collection.intent(&[]) {
        doc.perform(intent).unwrap();
    }
    doc.into_report()
}

#[test]
fn a_numbers_row_claiming_another_divisions_initiative_is_not_taken_and_is_said() {
    let master = sent(seed_with_measures());
    let [first, second] = [0, 1].map(|k| &master.sections[0].initiatives[k]);
    assert_ne!(measures_division(first), measures_division(second));
    assert_eq!(second.measures().self_rating.as_ref().unwrap().code, "A");
    // 人事課's self-rating row, its hidden id changed to name initiative 2 (総務部行財政改革
    // 推進課's), rated C.
    let collection = workbook_answer(
        &master,
        &[
            (&format!("R {}", first.id.0), &format!("R {}", second.id.0)),
            ("S", "C"),
        ],
    );
    let after = taken(&master, &collection);
    let rating = |r: &shinchoku::model::Report, id| {
        r.initiative(id)
            .unwrap()
            .measures()
            .self_rating
            .as_ref()
            .map(|r| r.code.clone())
    };
    assert_eq!(rating(&after, second.id).as_deref(), Some("A"), "not taken");
    assert_eq!(
        rating(&after, first.id).as_deref(),
        Some("S"),
        "no row of its own"
    );
    let said = said(&collection);
    assert!(
        said.iter().any(|s| s.contains("数値回答!E")
            && s.contains("取組2")
            && s.contains("総務部行財政改革推進課")
            && s.contains("「C」")),
        "{said:?}"
    );
}

#[test]
fn a_numbers_row_naming_a_number_the_report_lacks_is_said() {
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let collection = workbook_answer(
        &master,
        &[
            (
                &format!("I {} 0", first.id.0),
                &format!("I {} 7", first.id.0),
            ),
            ("900", "1,150"),
        ],
    );
    let after = taken(&master, &collection);
    let m = after.initiative(first.id).unwrap().measures();
    assert_eq!(m.indicators[0].actual_for(FY), Some(Decimal::whole(900)));
    assert_eq!(m.indicators.len(), 1);
    let said = said(&collection);
    assert!(
        said.iter()
            .any(|s| s.contains("数値回答!E") && s.contains("「1,150」")),
        "{said:?}"
    );
}

#[test]
fn an_indicator_answered_in_two_rows_with_different_numbers_keeps_the_reports_and_says_both() {
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    // The effect row made a second row of the indicator (電子申請件数, 900 in the first).
    let collection = workbook_answer(
        &master,
        &[
            (&format!("E {}", first.id.0), &format!("I {} 0", first.id.0)),
            ("3100", "1,000"),
        ],
    );
    let after = taken(&master, &collection);
    let m = after.initiative(first.id).unwrap().measures();
    assert_eq!(
        m.indicators[0].actual_for(FY),
        Some(Decimal::whole(900)),
        "neither row silently wins"
    );
    let said = said(&collection);
    assert!(
        said.iter().any(|s| s.contains("指標「電子申請件数」")
            && s.contains("「900」")
            && s.contains("「1,000」")
            && s.contains("行目")),
        "{said:?}"
    );
}

#[test]
fn an_indicator_answered_in_two_rows_alike_is_taken_once_and_said() {
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let collection = workbook_answer(
        &master,
        &[
            ("900", "1,150"),
            (&format!("E {}", first.id.0), &format!("I {} 0", first.id.0)),
            ("3100", "1,150"),
        ],
    );
    let after = taken(&master, &collection);
    let m = after.initiative(first.id).unwrap().measures();
    assert_eq!(m.indicators[0].actual_for(FY), Some(Decimal::whole(1150)));
    let said = said(&collection);
    assert!(
        said.iter()
            .any(|s| s.contains("指標「電子申請件数」") && s.contains("1回だけ")),
        "{said:?}"
    );
}

#[test]
fn a_value_typed_far_right_of_the_numbers_sheet_is_not_taken_and_is_said() {
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let division = measures_division(first).unwrap().to_string();
    let response = shinchoku::survey::response_for(&master, &division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    // 数値回答 is the workbook's second sheet.
    let far = crate::crafted::repack(&book, |name, part| {
        if name != "xl/worksheets/sheet2.xml" {
            return part;
        }
        let far = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>実績は1,150件（速報値）</t></is></c></row></sheetData>"#;
        String::from_utf8(part)
            .unwrap()
            .replacen("</sheetData>", far, 1)
            .into_bytes()
    });
    let answer =
        shinchoku::survey::answer::answer_from_workbook(&far, format!("{division}.xlsx")).unwrap();
    let collection = shinchoku::survey::collect::collect(
        &master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    let after = taken(&master, &collection);
    assert_eq!(
        after.initiative(first.id).unwrap().measures(),
        first.measures(),
        "nothing taken from it"
    );
    let said = said(&collection);
    assert!(
        said.iter()
            .any(|s| s.contains("数値回答!XFD1048576") && s.contains("「実績は1,150件（速報値）」")),
        "{said:?}"
    );
}

/// What the review said of the numbers taken in stays in the window's warnings after 取り込む,
/// as `check` and opening the saved master say it.
#[test]
fn numbers_taken_in_that_cannot_be_read_are_in_the_documents_warnings_at_once() {
    let master = sent(seed_with_measures());
    let collection = workbook_answer(&master, &[("900", "約1,100"), ("S", "AA")]);
    let mut doc = shinchoku::document::Document::new(
        master.clone(),
        shinchoku::document::Origin::Sample,
        Vec::new(),
    );
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let window: Vec<String> = doc
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .filter(|w| w.contains("約1,100") || w.contains("「AA」"))
        .collect();
    assert_eq!(window.len(), 2, "{:?}", doc.warnings);
    let checked = shinchoku::model::check::warnings(doc.report());
    assert_eq!(
        checked
            .iter()
            .filter(|w| matches!(w.kind, shinchoku::model::diag::WarningKind::Measure { .. }))
            .count(),
        2
    );
    assert!(doc.undo());
    assert!(
        !doc.warnings
            .iter()
            .any(|w| w.describe(Lang::Ja).contains("約1,100")),
        "undone: gone"
    );
}

/// 「1,100人」 answered for an indicator counted in 件: kept as written (not read as 1,100 件)
/// and said in the review, before anything is taken.
#[test]
fn an_actual_answered_in_another_unit_is_kept_as_written_and_said_in_the_review() {
    let master = sent(seed_with_measures());
    let collection = workbook_answer(&master, &[("900", "1,100人")]);
    assert!(
        said(&collection)
            .iter()
            .any(|w| w.contains("「1,100人」の単位が指標の単位「件」と違います")),
        "{:?}",
        said(&collection)
    );
    let after = taken(&master, &collection);
    let x = &after.sections[0].initiatives[0].measures().indicators[0];
    let actual = &x.years.iter().find(|y| y.year == FY).unwrap().actual;
    assert_eq!((actual.value, actual.unread.as_str()), (None, "1,100人"));
}

/// A first-half report whose indicator has only a first-half actual: the workbook's answer
/// cell holds it, and the number typed there is the new first-half actual (the cell showed
/// the year's, blank, and 160 typed there stood as the year's beside the first half's 150).
#[test]
fn the_first_half_actual_is_answered_where_the_report_has_it() {
    use shinchoku::model::measures::Figure;
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let y = &mut report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0]
        .years[0];
    (y.actual, y.first_half) = (Figure::default(), Figure::of(Decimal::whole(150)));
    let master = sent(report);
    let c = workbook_answer(&master, &[("150", "160")]);
    let after = taken(&master, &c);
    let y = &after.initiative(first).unwrap().measures().indicators[0].years[0];
    assert_eq!(
        (y.first_half.value, y.actual.value),
        (Some(Decimal::whole(160)), None)
    );
}

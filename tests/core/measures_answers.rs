//! A division's numbers answered in the workbook's 数値回答 sheet, attacked: rows whose hidden
//! id is changed to claim another division's initiative or a number the report lacks, and a
//! number answered in two rows. None is taken silently; each is said, naming the row.

use shinchoku::edit::measures::measures_division;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::Decimal;
use shinchoku::survey::answer::{Answer, Refusal};
use shinchoku::survey::collect::Collection;

use crate::measures::seed_with_measures;
use crate::measures_cycle::{sent, workbook_answer};

const FY: FiscalYear = FiscalYear(2017);

/// What the review says of the answer's warnings, in Japanese.
pub fn said(collection: &Collection) -> Vec<String> {
    collection
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Ja))
        .collect()
}

/// The hidden id of the first initiative's division's 数値回答 row that starts `prefix`
/// (`R 6`), whole: with the hashes written after it.
pub fn id_cell(master: &shinchoku::model::Report, prefix: &str) -> String {
    let first = &master.sections[0].initiatives[0];
    let division = measures_division(first).unwrap();
    let response = shinchoku::survey::response_for(master, division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let read = shinchoku::survey::workbook::read(&book).unwrap();
    read.measures
        .iter()
        .map(|r| r.id.clone())
        .find(|id| id.starts_with(&format!("{prefix} ")))
        .unwrap_or_else(|| panic!("a row {prefix}"))
}

/// The division that answers the numbers of the master's first initiative.
pub fn first_division(master: &shinchoku::model::Report) -> String {
    measures_division(&master.sections[0].initiatives[0])
        .unwrap()
        .to_string()
}

/// The workbook the survey sent the division answering the master's first initiative.
fn sent_book(master: &shinchoku::model::Report) -> Vec<u8> {
    let response = shinchoku::survey::response_for(master, &first_division(master), None, "");
    shinchoku::survey::workbook::write(&response).unwrap()
}

/// That workbook answered: the indicator 900 → 950, the effect 3,100 → 3,200 百万円.
fn answered_950_3200(book: &[u8]) -> Vec<u8> {
    crate::type_into_workbook(
        &crate::type_into_workbook(book, "900", "950"),
        "3100",
        "3200",
    )
}

fn from_book(bytes: &[u8]) -> Result<Answer, (String, Refusal)> {
    Ok(shinchoku::survey::answer::answer_from_workbook(bytes, "a.xlsx".into()).unwrap())
}

fn from_ron(report: &shinchoku::model::Report) -> Result<Answer, (String, Refusal)> {
    Ok(shinchoku::survey::answer::answer_from_report(report.clone(), "a.ron".into()).unwrap())
}

/// `report` with its first initiative self-rated `code`.
fn rated(mut report: shinchoku::model::Report, code: &str) -> shinchoku::model::Report {
    let first = report.sections[0].initiatives[0].id;
    report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .self_rating = Some(shinchoku::model::measures::Rating {
        code: code.into(),
        ..Default::default()
    });
    report
}

pub fn taken(
    master: &shinchoku::model::Report,
    collection: &Collection,
) -> shinchoku::model::Report {
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
    let (mine, theirs) = (format!("R {}", first.id.0), format!("R {}", second.id.0));
    let id = id_cell(&master, &mine);
    let collection = workbook_answer(
        &master,
        &[(&id, &id.replacen(&mine, &theirs, 1)), ("S", "C")],
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
    // Rewritten whole by hand (the name it kept would find the indicator).
    let id = id_cell(&master, &format!("I {} 0", first.id.0));
    let collection = workbook_answer(
        &master,
        &[(&id, &format!("I {} 7", first.id.0)), ("900", "1,150")],
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

/// The first initiative's effect row made a second row of its indicator (電子申請件数, 900 in
/// the first) and 1,000 typed there, with `more` typed too: the collection, and the indicator's
/// actual once taken.
fn indicator_row_copied(more: &[(&str, &str)]) -> (Collection, Option<Decimal>) {
    let master = sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let effect = id_cell(&master, &format!("E {}", first.id.0));
    let indicator = id_cell(&master, &format!("I {} 0", first.id.0));
    let mut typed = vec![(effect.as_str(), indicator.as_str()), ("3100", "1,000")];
    typed.extend_from_slice(more);
    let collection = workbook_answer(&master, &typed);
    let after = taken(&master, &collection);
    let actual = (after.initiative(first.id).unwrap().measures().indicators[0]).actual_for(FY);
    (collection, actual)
}

#[test]
fn an_indicator_answered_in_two_rows_with_different_numbers_keeps_the_reports_and_says_both() {
    // Both rows typed in.
    let (collection, actual) = indicator_row_copied(&[("900", "950")]);
    assert_eq!(
        actual,
        Some(Decimal::whole(900)),
        "neither row silently wins"
    );
    let said = said(&collection);
    assert!(
        said.iter().any(|s| s.contains("指標「電子申請件数」")
            && s.contains("「950」")
            && s.contains("「1,000」")
            && s.contains("行目")),
        "{said:?}"
    );
}

/// A row copied by the division (its hidden id with it) and typed in, the first left as sent:
/// the typed one is the answer, and both rows are said (they were a conflict, neither taken).
#[test]
fn a_row_left_as_sent_beside_its_typed_copy_gives_way_and_is_said() {
    let (collection, actual) = indicator_row_copied(&[]);
    assert_eq!(actual, Some(Decimal::whole(1000)));
    let said = said(&collection);
    assert!(
        said.iter().any(|s| s.contains("「900」")
            && s.contains("送ったときのまま")
            && s.contains("「1,000」を取り込みます")),
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
            (
                &id_cell(&master, &format!("E {}", first.id.0)),
                &id_cell(&master, &format!("I {} 0", first.id.0)),
            ),
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
    let y = &mut crate::measures::first_indicator(&mut report).years[0];
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

/// The office corrects a division's number after sending; the division's answer leaves that
/// number as it was sent. The office's correction stays — from a workbook and from a response
/// file (the answer's sent value was taken as the division's and put the old number back).
#[test]
fn a_number_the_answer_left_as_sent_keeps_the_offices_later_correction() {
    use shinchoku::model::measures::Figure;
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    let workbook = shinchoku::survey::workbook::write(&shinchoku::survey::response_for(
        &master, &division, None, "",
    ))
    .unwrap();
    let ron = shinchoku::survey::response_for(&master, &division, None, "");
    let mut corrected = master.clone();
    let x = &mut corrected
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0];
    x.year_mut(FY).actual = Figure::of(Decimal::whole(905));
    let from_book = shinchoku::survey::answer::answer_from_workbook(&workbook, "a.xlsx".into());
    let from_ron = shinchoku::survey::answer::answer_from_report(ron, "a.ron".into());
    for answer in [from_book.unwrap(), from_ron.unwrap()] {
        let c = shinchoku::survey::collect::collect(
            &corrected,
            vec![Ok(answer)],
            crate::measures_cycle::answered_at(),
        );
        let after = taken(&corrected, &c);
        let x = &after.initiative(first).unwrap().measures().indicators[0];
        assert_eq!(x.actual_for(FY), Some(Decimal::whole(905)));
    }
}

/// The office removes an indicator after sending: the answers of the others go to the
/// indicators they name, and one of the removed indicator is said, not given to another (the
/// rows named indicators by place: each answer landed on the indicator below).
#[test]
fn an_indicator_removed_after_sending_moves_no_answer_to_another() {
    use shinchoku::model::measures::{Figure, Indicator, IndicatorYear};
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators.insert(
        0,
        Indicator {
            name: "処理時間".into(),
            unit: "分".into(),
            years: vec![IndicatorYear {
                year: FY,
                target: Figure::of(Decimal::whole(20)),
                actual: Figure::of(Decimal::whole(30)),
                first_half: Figure::default(),
            }],
            ..Indicator::default()
        },
    );
    let master = sent(report);
    let division = first_division(&master);
    let mut book = shinchoku::survey::workbook::write(&shinchoku::survey::response_for(
        &master, &division, None, "",
    ))
    .unwrap();
    book = crate::type_into_workbook(&book, "900", "950");
    book = crate::type_into_workbook(&book, "30", "25");
    let mut removed = master.clone();
    removed
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators
        .remove(0);
    let answer = shinchoku::survey::answer::answer_from_workbook(&book, "a.xlsx".into()).unwrap();
    let c = shinchoku::survey::collect::collect(
        &removed,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    let after = taken(&removed, &c);
    let xs = &after.initiative(first).unwrap().measures().indicators;
    assert_eq!(xs.len(), 1);
    assert_eq!(
        (xs[0].name.as_str(), xs[0].actual_for(FY)),
        ("電子申請件数", Some(Decimal::whole(950)))
    );
    let said = said(&c);
    assert!(said.iter().any(|s| s.contains("「25」")), "{said:?}");
}

/// A response file whose self-rating's who and when alone were edited changes nothing: an
/// answer does not say them (they were taken silently, 「変更はありません」 in the review).
#[test]
fn a_self_ratings_who_and_when_edited_alone_change_nothing() {
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    let mut ron = shinchoku::survey::response_for(&master, &division, None, "");
    let r = ron
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .self_rating
        .as_mut()
        .unwrap();
    r.by = "推進本部長".into();
    r.on = chrono::NaiveDate::from_ymd_opt(2030, 1, 1);
    let answer = shinchoku::survey::answer::answer_from_report(ron, "a.ron".into()).unwrap();
    let c = shinchoku::survey::collect::collect(
        &master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    let after = taken(&master, &c);
    assert_eq!(
        after.initiative(first).unwrap().measures(),
        master.initiative(first).unwrap().measures()
    );
}

/// A second-half report asks the year's actual, not the first half's: the cell is blank beside
/// a first half of 150, and the 150 stays (the cell showed 150 and the year's answer typed over
/// it replaced the first half's).
#[test]
fn a_second_half_report_asks_the_years_actual() {
    use shinchoku::model::measures::Figure;
    let mut report = seed_with_measures();
    report.period = shinchoku::model::Period::SecondHalf;
    let first = report.sections[0].initiatives[0].id;
    let y = &mut crate::measures::first_indicator(&mut report).years[0];
    (y.actual, y.first_half) = (Figure::default(), Figure::of(Decimal::whole(150)));
    let master = sent(report);
    let prefix = format!("I {} 0", first.0);
    let division = measures_division(&master.sections[0].initiatives[0]).unwrap();
    let response = shinchoku::survey::response_for(&master, division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let read = shinchoku::survey::workbook::read(&book).unwrap();
    let row = read
        .measures
        .iter()
        .find(|r| r.id.starts_with(&format!("{prefix} ")))
        .unwrap();
    assert_eq!(row.answer, "");
}

/// A second-half answer in a response file changing the first half's actual (285 → 290) beside
/// the year's: the year's is taken, the reported first half stays and the change is said — it
/// was taken, listed as any change, though the first half is closed.
#[test]
fn a_second_half_answer_does_not_change_the_reported_first_half() {
    use shinchoku::model::measures::Figure;
    let mut report = seed_with_measures();
    report.period = shinchoku::model::Period::SecondHalf;
    let first = report.sections[0].initiatives[0].id;
    let y = &mut crate::measures::first_indicator(&mut report).years[0];
    (y.actual, y.first_half) = (Figure::default(), Figure::of(Decimal::whole(285)));
    let master = sent(report);
    let division = first_division(&master);
    let mut ron = shinchoku::survey::response_for(&master, &division, None, "");
    let y = ron.initiative_mut(first).unwrap().measures_mut().indicators[0].year_mut(FY);
    (y.actual, y.first_half) = (
        Figure::of(Decimal::whole(310)),
        Figure::of(Decimal::whole(290)),
    );
    let answer = shinchoku::survey::answer::answer_from_report(ron, "a.ron".into()).unwrap();
    let at = crate::measures_cycle::answered_at();
    let c = shinchoku::survey::collect::collect(&master, vec![Ok(answer)], at);
    let after = taken(&master, &c);
    let y = after.initiative(first).unwrap().measures().indicators[0]
        .year(FY)
        .unwrap()
        .clone();
    assert_eq!(y.actual, Figure::of(Decimal::whole(310)));
    assert_eq!(y.first_half, Figure::of(Decimal::whole(285)));
    let said = said(&c);
    assert!(
        said.iter()
            .any(|w| w.contains("「285」→「290」") && w.contains("報告済みの上半期")),
        "{said:?}"
    );
}

/// A division's answer taken in, the office corrects its number, the division sends the same
/// workbook again: nothing changes (the correction was undone as 「再提出」). And a number
/// re-typed as sent in full-width digits is no answer either.
#[test]
fn the_same_numbers_sent_again_keep_the_offices_correction() {
    use shinchoku::model::measures::Figure;
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    let book = shinchoku::survey::workbook::write(&shinchoku::survey::response_for(
        &master, &division, None, "",
    ))
    .unwrap();
    let answered = crate::type_into_workbook(&book, "900", "950");
    let answer = |bytes: &[u8]| {
        Ok(shinchoku::survey::answer::answer_from_workbook(bytes, "a.xlsx".into()).unwrap())
    };
    let at = crate::measures_cycle::answered_at();
    let c = shinchoku::survey::collect::collect(&master, vec![answer(&answered)], at);
    let mut after = taken(&master, &c);
    let actual = |r: &shinchoku::model::Report| {
        r.initiative(first).unwrap().measures().indicators[0].actual_for(FY)
    };
    assert_eq!(actual(&after), Some(Decimal::whole(950)));
    after
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0]
        .year_mut(FY)
        .actual = Figure::of(Decimal::whole(960));
    let again = shinchoku::survey::collect::collect(&after, vec![answer(&answered)], at);
    assert_eq!(actual(&taken(&after, &again)), Some(Decimal::whole(960)));

    let mut corrected = master.clone();
    corrected
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0]
        .year_mut(FY)
        .actual = Figure::of(Decimal::whole(905));
    let wide = crate::type_into_workbook(&book, "900", "９００");
    let c = shinchoku::survey::collect::collect(&corrected, vec![answer(&wide)], at);
    assert_eq!(actual(&taken(&corrected, &c)), Some(Decimal::whole(905)));
}

/// A division's answer taken in, the office corrects two of its numbers, the division sends
/// the answer again with one number changed: that one is taken, the other keeps the office's
/// correction — from a workbook and from a response file (every number of the initiative was
/// taken again, undoing both corrections).
#[test]
fn an_answer_sent_again_with_one_number_changed_keeps_the_others_corrected() {
    use shinchoku::model::measures::{Figure, Money};
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    let at = crate::measures_cycle::answered_at();
    let numbers = |r: &shinchoku::model::Report| {
        let m = r.initiative(first).unwrap().measures();
        (
            m.indicators[0].actual_for(FY),
            m.effect(FY).map(|e| e.actual.clone()),
        )
    };
    let correct = |r: &mut shinchoku::model::Report| {
        let m = r.initiative_mut(first).unwrap().measures_mut();
        m.indicators[0].year_mut(FY).actual = Figure::of(Decimal::whole(960));
        m.effect_mut(FY).actual = Money::yen(3_300_000_000);
    };
    // A workbook: 950 and 3,200 百万円, then 970 with 3,200 as before.
    let book = shinchoku::survey::workbook::write(&shinchoku::survey::response_for(
        &master, &division, None, "",
    ))
    .unwrap();
    let first_answer = crate::type_into_workbook(
        &crate::type_into_workbook(&book, "900", "950"),
        "3100",
        "3200",
    );
    let again = crate::type_into_workbook(&first_answer, "950", "970");
    let from = |bytes: &[u8]| {
        Ok(shinchoku::survey::answer::answer_from_workbook(bytes, "a.xlsx".into()).unwrap())
    };
    let c = shinchoku::survey::collect::collect(&master, vec![from(&first_answer)], at);
    let mut after = taken(&master, &c);
    correct(&mut after);
    let c = shinchoku::survey::collect::collect(&after, vec![from(&again)], at);
    assert_eq!(
        numbers(&taken(&after, &c)),
        (Some(Decimal::whole(970)), Some(Money::yen(3_300_000_000)))
    );
    // A response file: the same.
    let mut ron = shinchoku::survey::response_for(&master, &division, None, "");
    let set = |ron: &mut shinchoku::model::Report, n: i64| {
        let m = ron.initiative_mut(first).unwrap().measures_mut();
        m.indicators[0].year_mut(FY).actual = Figure::of(Decimal::whole(n));
        m.effect_mut(FY).actual = Money::yen(3_200_000_000);
    };
    set(&mut ron, 950);
    let from = |r: shinchoku::model::Report| {
        Ok(shinchoku::survey::answer::answer_from_report(r, "a.ron".into()).unwrap())
    };
    let c = shinchoku::survey::collect::collect(&master, vec![from(ron.clone())], at);
    let mut after = taken(&master, &c);
    correct(&mut after);
    set(&mut ron, 970);
    let c = shinchoku::survey::collect::collect(&after, vec![from(ron)], at);
    assert_eq!(
        numbers(&taken(&after, &c)),
        (Some(Decimal::whole(970)), Some(Money::yen(3_300_000_000)))
    );
}

/// A number cell written with more digits than a float keeps (by a program writing the
/// workbook; Excel keeps 15): read as the file writes it. 12345678901234567 was read as
/// 12345678901234568, and 1234567890123456789 as 1234567890123456800, without a word.
#[test]
fn a_number_cell_of_more_digits_than_a_float_keeps_is_read_as_written() {
    for written in [
        "12345678901234567",
        "1234567890123456789",
        "-0.12345678901234567",
    ] {
        let (book, _) = answer_with_number(written);
        let read = shinchoku::survey::workbook::read(&book).unwrap();
        assert_eq!(read.measures[0].answer, written);
    }
}

/// The same, from a program that writes no cell references (`<c>` and `<row>` without `r`,
/// each cell placed after the one before): the long number is still read as written. It was
/// read as 12345678901234568.
#[test]
fn a_long_number_in_a_sheet_without_cell_references_is_read_as_written() {
    let written = "12345678901234567";
    let (book, sheet) = answer_with_number(written);
    let plain = crate::rewrite_part(&book, sheet, |xml| {
        let plain = without_references(&xml);
        assert!(!plain.contains(" r=\""), "no reference left");
        plain
    });
    let read = shinchoku::survey::workbook::read(&plain).unwrap();
    assert_eq!(read.measures[0].answer, written);
}

/// An answer workbook with `written` as the number of its first indicator's actual cell, and
/// the part of the sheet holding it.
fn answer_with_number(written: &str) -> (Vec<u8>, &'static str) {
    let sheet = "xl/worksheets/sheet2.xml";
    let master = sent(seed_with_measures());
    let division = first_division(&master);
    let response = shinchoku::survey::response_for(&master, &division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let row = shinchoku::survey::workbook::read(&book).unwrap().measures[0].row;
    let typed = crate::rewrite_part(&book, sheet, |xml| {
        let number = format!("<c r=\"E{row}\"><v>{written}</v></c>");
        crate::cell_replaced(&xml, &format!("E{row}"), &number)
    });
    (typed, sheet)
}

/// A sheet's XML as a program writing no references writes it: each `r` of a `<row>` or `<c>`
/// dropped, an empty `<row/>` or `<c/>` standing for each row or cell skipped before it.
fn without_references(xml: &str) -> String {
    let reference = |tag: &str| {
        let at = tag.find(" r=\"")? + 4;
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    let (mut out, mut rest) = (String::new(), xml);
    let (mut row, mut col) = (0u32, 0u32);
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let end = at + rest[at..].find('>').unwrap() + 1;
        let tag = &rest[at..end];
        rest = &rest[end..];
        let name = tag[1..].split([' ', '>', '/']).next().unwrap();
        let Some(r) = reference(tag) else {
            out.push_str(tag);
            continue;
        };
        let plain = tag.replacen(&format!(" r=\"{r}\""), "", 1);
        if name == "row" {
            let n: u32 = r.parse().unwrap();
            out.push_str(&"<row/>".repeat((n - row - 1) as usize));
            (row, col) = (n, 0);
        } else if name == "c" {
            let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
            let c = letters
                .bytes()
                .fold(0, |n, b| n * 26 + u32::from(b - b'A') + 1);
            out.push_str(&"<c/>".repeat((c - col - 1) as usize));
            col = c;
        }
        out.push_str(&plain);
    }
    out.push_str(rest);
    out
}

/// A target kept as written (「1.2億」, not read as a number) shows in the answer workbook's
/// 目標・計画 cell as written: the division sees what it answers against. The cell was blank.
#[test]
fn a_target_kept_as_written_shows_in_the_answer_workbook() {
    let mut report = seed_with_measures();
    let i = report
        .initiatives()
        .position(|i| !i.measures().indicators.is_empty())
        .expect("an initiative with an indicator");
    let id = report.initiatives().nth(i).unwrap().id;
    let x = &mut report.initiative_mut(id).unwrap().measures_mut().indicators[0];
    x.target = shinchoku::model::measures::Figure {
        value: None,
        unread: "1.2億".into(),
    };
    x.years
        .iter_mut()
        .for_each(|y| y.target = Default::default());
    let master = sent(report);
    let division = first_division(&master);
    let response = shinchoku::survey::response_for(&master, &division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&book)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        strings.contains("1.2億"),
        "the target as written is in a cell"
    );
}

/// A division answers numbers (950, 3,200 百万円), the office sends the answer back and the
/// division clears them to what it was sent (900, 3,100) — in the workbook and in the response
/// file. Putting the numbers back is offered, held, and taken when ticked: the master kept 950
/// and 3,200 without a word, though the division withdrew them. Not taken by itself (an
/// untouched copy of the sent file reads just so), and not offered where the number standing
/// is the office's correction.
#[test]
fn numbers_cleared_back_to_as_sent_are_offered_held() {
    use shinchoku::model::measures::{Figure, Money};
    use shinchoku::survey::conflict::ConflictKind;
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    let at = crate::measures_cycle::answered_at();
    let numbers = |r: &shinchoku::model::Report| {
        let m = r.initiative(first).unwrap().measures();
        (
            m.indicators[0].actual_for(FY),
            m.effect(FY).map(|e| e.actual.clone()),
        )
    };
    let answered = (Some(Decimal::whole(950)), Some(Money::yen(3_200_000_000)));
    let as_sent = (Some(Decimal::whole(900)), Some(Money::yen(3_100_000_000)));
    let held = |c: &Collection| -> Vec<usize> {
        (c.conflicts().iter().enumerate())
            .filter(|(_, k)| matches!(k.kind, ConflictKind::NumbersBack { .. }) && k.acceptable())
            .map(|(n, _)| n)
            .collect()
    };
    let ticked = |master: &shinchoku::model::Report, c: &Collection, k: &[usize]| {
        let mut doc = shinchoku::document::Document::new(
            master.clone(),
            shinchoku::document::Origin::Sample,
            Vec::new(),
        );
        doc.perform(c.intent(k).unwrap()).unwrap();
        doc.into_report()
    };
    let book = sent_book(&master);
    let first_answer = answered_950_3200(&book);
    let ron = shinchoku::survey::response_for(&master, &division, None, "");
    let mut typed = ron.clone();
    let m = typed.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].year_mut(FY).actual = Figure::of(Decimal::whole(950));
    m.effect_mut(FY).actual = Money::yen(3_200_000_000);
    for in_workbook in [true, false] {
        let (answer, cleared) = match in_workbook {
            true => (from_book(&first_answer), from_book(&book)),
            false => (from_ron(&typed), from_ron(&ron)),
        };
        let c = shinchoku::survey::collect::collect(&master, vec![answer], at);
        let after = taken(&master, &c);
        assert_eq!(numbers(&after), answered);
        let again = shinchoku::survey::collect::collect(&after, vec![cleared.clone()], at);
        let k = held(&again);
        assert_eq!(k.len(), 1, "{in_workbook}: {:?}", again.conflicts());
        let listed = again.conflicts()[k[0]].describe(Lang::Ja);
        assert!(listed.contains("950") && listed.contains("900"), "{listed}");
        assert_eq!(numbers(&taken(&after, &again)), answered, "held, not taken");
        assert_eq!(numbers(&ticked(&after, &again, &k)), as_sent);
        // After 差戻し the file back as sent — the division clearing its numbers, or the
        // blank file sent again: which cannot be told — is held again; ticked, taken.
        let mut doc = shinchoku::document::Document::new(
            after.clone(),
            shinchoku::document::Origin::Sample,
            Vec::new(),
        );
        let note = "効果額は未確定のため空欄で再提出してください".into();
        doc.perform(shinchoku::edit::Intent::SendBack {
            division: division.clone(),
            at,
            note,
        })
        .unwrap();
        let back = doc.into_report();
        let c = shinchoku::survey::collect::collect(&back, vec![cleared.clone()], at);
        let k = held(&c);
        assert_eq!(k.len(), 1, "{in_workbook}: {:?}", c.conflicts());
        assert_eq!(numbers(&taken(&back, &c)), answered, "{in_workbook}");
        assert_eq!(numbers(&ticked(&back, &c, &k)), as_sent, "{in_workbook}");
        // The office's correction standing: nothing offered.
        let mut corrected = after.clone();
        let m = corrected.initiative_mut(first).unwrap().measures_mut();
        m.indicators[0].year_mut(FY).actual = Figure::of(Decimal::whole(960));
        m.effect_mut(FY).actual = Money::yen(3_300_000_000);
        let c = shinchoku::survey::collect::collect(&corrected, vec![cleared], at);
        assert!(held(&c).is_empty(), "{:?}", c.conflicts());
    }
}

/// The workbook's self-rating cell left as it was sent is no answer: the office's rating given
/// since stays (a blank cell took 「自己評価: A → —」), and a rating the division's earlier
/// answer (its response file) gave is not put back by an untouched copy of the workbook.
#[test]
fn a_self_rating_cell_left_as_sent_changes_nothing() {
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    // Another level than the S the initiative has.
    let code = master.measure_settings.rating_scale[1].code.clone();
    let rating = |r: &shinchoku::model::Report| {
        let m = r.initiative(first).unwrap().measures();
        m.self_rating.as_ref().map(|x| x.code.clone())
    };
    let book = sent_book(&master);
    let at = crate::measures_cycle::answered_at();
    // The office rates after sending; the division's workbook answers a number only.
    let office_rated = rated(master.clone(), &code);
    let answered = crate::type_into_workbook(&book, "900", "950");
    let c = shinchoku::survey::collect::collect(&office_rated, vec![from_book(&answered)], at);
    let after = taken(&office_rated, &c);
    assert_eq!(
        rating(&after),
        Some(code.clone()),
        "the office's rating stays"
    );
    assert_eq!(
        after.initiative(first).unwrap().measures().indicators[0].actual_for(FY),
        Some(Decimal::whole(950))
    );
    // The division rates in its response file; then an untouched copy of the workbook comes.
    let ron = rated(
        shinchoku::survey::response_for(&master, &division, None, ""),
        &code,
    );
    let c = shinchoku::survey::collect::collect(&master, vec![from_ron(&ron)], at);
    let after = taken(&master, &c);
    assert_eq!(rating(&after), Some(code.clone()));
    let c = shinchoku::survey::collect::collect(&after, vec![from_book(&book)], at);
    assert_eq!(
        rating(&taken(&after, &c)),
        Some(code),
        "not cleared by itself"
    );
}

/// A response file changing one number of an initiative (its self-rating) leaves the others
/// as the master has them: every number was taken from the file, the blanks it was sent with
/// too, and the office's corrections since went (「指標…の実績: 100 → —」, 「効果額: 1000百万円 →
/// —」), as did the numbers the division's workbook had answered before.
#[test]
fn a_response_file_changing_one_number_leaves_the_others() {
    use shinchoku::model::measures::{Figure, Money};
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    // Another level than the S the initiative has.
    let code = master.measure_settings.rating_scale[1].code.clone();
    let at = crate::measures_cycle::answered_at();
    let numbers = |r: &shinchoku::model::Report| {
        let m = r.initiative(first).unwrap().measures();
        (
            m.indicators[0].actual_for(FY),
            m.effect(FY).map(|e| e.actual.clone()),
            m.self_rating.as_ref().map(|x| x.code.clone()),
        )
    };
    let ron = rated(
        shinchoku::survey::response_for(&master, &division, None, ""),
        &code,
    );
    // The office corrects two numbers after sending.
    let mut corrected = master.clone();
    let m = corrected.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].year_mut(FY).actual = Figure::of(Decimal::whole(100));
    m.effect_mut(FY).actual = Money::yen(1_000_000_000);
    let c = shinchoku::survey::collect::collect(&corrected, vec![from_ron(&ron)], at);
    assert_eq!(
        numbers(&taken(&corrected, &c)),
        (
            Some(Decimal::whole(100)),
            Some(Money::yen(1_000_000_000)),
            Some(code.clone())
        )
    );
    // The division's workbook answered numbers first; then the response file, a rating only.
    let answered = answered_950_3200(&sent_book(&master));
    let c = shinchoku::survey::collect::collect(&master, vec![from_book(&answered)], at);
    let after = taken(&master, &c);
    let c = shinchoku::survey::collect::collect(&after, vec![from_ron(&ron)], at);
    assert_eq!(
        numbers(&taken(&after, &c)),
        (
            Some(Decimal::whole(950)),
            Some(Money::yen(3_200_000_000)),
            Some(code)
        )
    );
}

/// Two answers of one division collected at once, the workbook with numbers replaced by the
/// response file rating the initiative and leaving the numbers as sent: the review names the
/// numbers only the replaced one gave, as it names its result lines — they went without a
/// word (the master ended with none).
#[test]
fn numbers_only_a_replaced_answer_gave_are_named() {
    use shinchoku::lang::{Describe, Lang};
    let master = sent(seed_with_measures());
    let division = first_division(&master);
    let older = answered_950_3200(&sent_book(&master));
    // The response file rates (another level than the S the initiative has), and leaves the
    // numbers as sent.
    let code = master.measure_settings.rating_scale[1].code.clone();
    let newer = rated(
        shinchoku::survey::response_for(&master, &division, None, ""),
        &code,
    );
    let at = crate::measures_cycle::answered_at();
    let answers = vec![from_book(&older), from_ron(&newer)];
    let c = shinchoku::survey::collect::collect(&master, answers, at);
    let t = &c.taken[0];
    assert_eq!(t.replaces, ["a.xlsx"]);
    let named: Vec<String> = (t.dropped_numbers.iter())
        .map(|(at, value)| format!("{}: {value}", at.describe(Lang::Ja)))
        .collect();
    assert!(named.iter().any(|n| n.ends_with(": 950")), "{named:?}");
    assert!(
        named
            .iter()
            .any(|n| n.contains("効果額") && n.ends_with(": 3200")),
        "{named:?}"
    );
}

/// Office cells of the 数値回答 sheet typed over (the year's target 1000 → 1100, an item's
/// name, the instructions): none is taken, each is said naming its cell — they went without a
/// word, while the same on the 回答 sheet was said.
#[test]
fn office_cells_of_the_numbers_sheet_typed_over_are_said() {
    let master = sent(seed_with_measures());
    let typed = [
        ("1000", "1100"),
        ("電子申請件数（件）", "電子申請件数（万件）"),
    ];
    let collection = workbook_answer(&master, &typed);
    let words = said(&collection);
    for (_, new) in typed {
        assert!(
            words
                .iter()
                .any(|s| s.contains("数値回答!") && s.contains(&format!("「{new}」"))),
            "{new}: {words:?}"
        );
    }
    let after = taken(&master, &collection);
    let first = master.sections[0].initiatives[0].id;
    let x = &after.initiative(first).unwrap().measures().indicators[0];
    assert_eq!(x.target_for(FY), Some(Decimal::whole(1000)));
    assert_eq!(x.name, "電子申請件数");
    // The workbook as sent says nothing of its cells.
    let untouched = workbook_answer(&master, &[]);
    let untouched = said(&untouched);
    assert!(
        !untouched.iter().any(|s| s.contains("数値回答!")),
        "{untouched:?}"
    );
}

/// The office changes the money unit (百万円 → 千円) after the survey went out: an effect typed
/// into the row sent as 効果額（百万円） is read in 百万円, as the division wrote it, and said.
/// It was read in the report's unit now — 3,200 百万円 taken as 3,200 千円, a thousandth, unsaid.
#[test]
fn an_effect_answered_in_the_unit_it_was_sent_in_is_read_in_that_unit() {
    use shinchoku::model::measures::YenUnit;
    let master = sent(seed_with_measures());
    assert_eq!(master.measure_settings.yen_unit, YenUnit::Million);
    let book = answered_950_3200(&sent_book(&master));
    let mut changed = master.clone();
    changed.measure_settings.yen_unit = YenUnit::Thousand;
    // What the master holds of the year's effect once `book` is taken in, and what is said.
    let effect_after = |master: &shinchoku::model::Report, book: &[u8]| {
        let at = crate::measures_cycle::answered_at();
        let collection = shinchoku::survey::collect(master, vec![from_book(book)], at);
        let after = taken(master, &collection);
        let m = after.sections[0].initiatives[0].measures();
        (m.effect(FY).and_then(|e| e.actual.yen), said(&collection))
    };
    let (yen, said_of) = effect_after(&changed, &book);
    assert_eq!(yen, Some(3_200_000_000));
    assert!(
        said_of.iter().any(|w| w.contains(
            "効果額「3200」は、照会を送ったときの単位（百万円）の欄に書かれています。百万円として読み、報告の今の単位（千円）で示します"
        )),
        "{said_of:?}"
    );
    // A workbook from before the id carried the unit: the unit its row's 項目 named.
    let id = id_cell(&master, "E");
    assert!(id.contains(" u=f4240"), "{id}");
    let older = crate::type_into_workbook(&book, &id, &id.replace(" u=f4240", ""));
    assert_eq!(effect_after(&changed, &older).0, Some(3_200_000_000));
    // Unchanged unit: read alike, nothing said.
    let (yen, said_of) = effect_after(&master, &book);
    assert_eq!(yen, Some(3_200_000_000));
    assert!(!said_of.iter().any(|w| w.contains("送ったときの単位")));
}

/// An effect a division writes into its response file as text (`actual: (unread: "△3.5")`:
/// nobody writes yen by hand) is read as the workbook's cell is, in the unit the response was
/// sent in (百万円 here). It stayed text, said 「円の金額として読めません」, out of every total,
/// and the table exported and read again held it as −3.5百万円: another number.
#[test]
fn an_effect_typed_as_text_into_a_response_file_is_read_in_the_units_it_was_sent_in() {
    use shinchoku::model::measures::{Money, YenUnit};
    let master = sent(seed_with_measures());
    assert_eq!(master.measure_settings.yen_unit, YenUnit::Million);
    let first = master.sections[0].initiatives[0].id;
    let division = first_division(&master);
    for (typed, yen) in [
        ("△3.5", Some(-3_500_000)),
        ("-3.5", Some(-3_500_000)),
        ("1,200", Some(1_200_000_000)),
        ("1,200千円", Some(1_200_000)),
        ("約130", None),
    ] {
        let mut ron = shinchoku::survey::response_for(&master, &division, None, "");
        ron.initiative_mut(first)
            .unwrap()
            .measures_mut()
            .effect_mut(FY)
            .actual = Money {
            yen: None,
            unread: typed.into(),
        };
        let at = crate::measures_cycle::answered_at();
        let c = shinchoku::survey::collect::collect(&master, vec![from_ron(&ron)], at);
        let after = taken(&master, &c);
        let actual = &after
            .initiative(first)
            .unwrap()
            .measures()
            .effect(FY)
            .unwrap()
            .actual;
        assert_eq!(actual.yen, yen, "{typed}");
        if yen.is_none() {
            assert_eq!(actual.unread, typed, "kept as written");
        }
        let exported = crate::exported_and_read(
            &after,
            shinchoku::export::Format::Table,
            shinchoku::export::Encoding::Utf8,
        );
        let read = &exported
            .initiative(first)
            .unwrap()
            .measures()
            .effect(FY)
            .unwrap()
            .actual;
        assert_eq!(read, actual, "{typed}: the table read back");
    }
}

/// The office renames an indicator after the survey (電子申請件数 → 電子申請の件数); the
/// division answers it in its response file under the name it was sent: which indicator that
/// is cannot be told, so it is not taken — said, naming both. It was dropped without a word
/// (the workbook's row said so: 「…に当たる数値・評価は報告にありません」).
#[test]
fn an_answer_for_an_indicator_renamed_since_the_survey_is_said_not_dropped() {
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let ron = answered_in_ron(&master, |m| {
        m.indicators[0].year_mut(FY).actual =
            shinchoku::model::measures::Figure::of(Decimal::whole(1_150))
    });
    let mut renamed = master.clone();
    renamed
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0]
        .name = "電子申請の件数".into();
    let at = crate::measures_cycle::answered_at();
    let c = shinchoku::survey::collect::collect(&renamed, vec![from_ron(&ron)], at);
    assert!(
        said(&c).iter().any(|w| w.contains(
            "指標「電子申請件数」は報告にありません（照会の後で名前が変わったか、除かれました）。回答「1150」は取り込みません"
        )),
        "{:?}",
        said(&c)
    );
    let after = taken(&renamed, &c);
    let x = &after.initiative(first).unwrap().measures().indicators[0];
    assert_ne!(x.actual_for(FY), Some(Decimal::whole(1_150)));
    // Not renamed: taken, nothing said of it.
    let c = shinchoku::survey::collect::collect(&master, vec![from_ron(&ron)], at);
    assert!(!said(&c).iter().any(|w| w.contains("報告にありません")));
    let after = taken(&master, &c);
    let x = &after.initiative(first).unwrap().measures().indicators[0];
    assert_eq!(x.actual_for(FY), Some(Decimal::whole(1_150)));
}

/// The office changes an indicator's unit after the survey (件 → 千件): a number the division
/// typed where 件 was shown — the workbook's row 「電子申請件数（件）」, the response file's
/// indicator in 件 — is in 件, so it is kept as written with its unit and said, not read as
/// 千件 (950 件 became 950 千件, a rate of 79,000 %, unsaid).
#[test]
fn an_indicator_answered_in_the_unit_it_was_sent_in_is_kept_in_that_unit() {
    let master = sent(seed_with_measures());
    let first = master.sections[0].initiatives[0].id;
    let ron = answered_in_ron(&master, |m| {
        m.indicators[0].year_mut(FY).actual =
            shinchoku::model::measures::Figure::of(Decimal::whole(950))
    });
    let book = answered_950_3200(&sent_book(&master));
    let mut changed = master.clone();
    changed
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0]
        .unit = "千件".into();
    let at = crate::measures_cycle::answered_at();
    for answer in [from_book(&book), from_ron(&ron)] {
        let c = shinchoku::survey::collect::collect(&changed, vec![answer], at);
        let after = taken(&changed, &c);
        let x = &after.initiative(first).unwrap().measures().indicators[0];
        let actual = &x.years.iter().find(|y| y.year == FY).unwrap().actual;
        assert_eq!((actual.value, actual.unread.as_str()), (None, "950件"));
        assert!(
            said(&c)
                .iter()
                .any(|w| w.contains("「950件」の単位が指標の単位「千件」と違います")),
            "{:?}",
            said(&c)
        );
    }
    // A workbook from before the id carried the unit: the unit its row's 項目 named.
    let id = id_cell(&master, "I");
    let older = crate::type_into_workbook(&book, &id, id.split(" v=").next().unwrap());
    let c = shinchoku::survey::collect::collect(&changed, vec![from_book(&older)], at);
    let after = taken(&changed, &c);
    let x = &after.initiative(first).unwrap().measures().indicators[0];
    let actual = &x.years.iter().find(|y| y.year == FY).unwrap().actual;
    assert_eq!((actual.value, actual.unread.as_str()), (None, "950件"));
    // The unit as sent: read.
    let c = shinchoku::survey::collect::collect(&master, vec![from_book(&book)], at);
    let after = taken(&master, &c);
    let x = &after.initiative(first).unwrap().measures().indicators[0];
    assert_eq!(x.actual_for(FY), Some(Decimal::whole(950)));
}

/// The same for an indicator sent without a unit that the office gives one since (→ 千件): the
/// number typed where none was shown is kept as written and said, by the workbook as by the
/// response file (the workbook read 950 as 950 千件: its id carried no unit when there was none).
#[test]
fn an_indicator_sent_without_a_unit_is_not_read_in_one_given_since() {
    let mut unitless = seed_with_measures();
    let first = unitless.sections[0].initiatives[0].id;
    let x = &mut unitless
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0];
    x.unit = String::new();
    let master = sent(unitless);
    let ron = answered_in_ron(&master, |m| {
        m.indicators[0].year_mut(FY).actual =
            shinchoku::model::measures::Figure::of(Decimal::whole(950))
    });
    let book = answered_950_3200(&sent_book(&master));
    let mut changed = master.clone();
    let x = &mut changed
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators[0];
    x.unit = "千件".into();
    let at = crate::measures_cycle::answered_at();
    let id = id_cell(&master, "I");
    let older = crate::type_into_workbook(&book, &id, id.split(" v=").next().unwrap());
    for (k, answer) in [from_book(&book), from_ron(&ron), from_book(&older)]
        .into_iter()
        .enumerate()
    {
        let c = shinchoku::survey::collect::collect(&changed, vec![answer], at);
        let after = taken(&changed, &c);
        let x = &after.initiative(first).unwrap().measures().indicators[0];
        let actual = &x.years.iter().find(|y| y.year == FY).unwrap().actual;
        assert_eq!(
            (actual.value, actual.unread.as_str()),
            (None, "950"),
            "{k}: {:?}",
            said(&c)
        );
        assert!(
            said(&c).iter().any(|w| w.contains("「950」")),
            "{k}: {:?}",
            said(&c)
        );
    }
}

/// The response sent to the division answering the master's first initiative, with its
/// numbers `answered` there, as the division's file would come back.
fn answered_in_ron(
    master: &shinchoku::model::Report,
    answered: impl FnOnce(&mut shinchoku::model::measures::Measures),
) -> shinchoku::model::Report {
    let first = master.sections[0].initiatives[0].id;
    let mut ron = shinchoku::survey::response_for(master, &first_division(master), None, "");
    answered(ron.initiative_mut(first).unwrap().measures_mut());
    ron
}

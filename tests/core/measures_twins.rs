//! Two indicators of one name on an initiative (a count kept twice, for two targets), one
//! removed by the office after the survey went out: the division's answer reaches the one that
//! stays (both rows pointed at it, and the row left as sent was read as a second, differing
//! answer: 「4行目「10」と5行目「150」に違う値」, neither taken).

use shinchoku::model::FiscalYear;
use shinchoku::model::figure::Decimal;
use shinchoku::model::measures::{Figure, Indicator, IndicatorYear};

use crate::measures::seed_with_measures;
use crate::measures_answers::{first_division, said, taken};
use crate::measures_cycle::sent;

const FY: FiscalYear = FiscalYear(2017);

fn count(target: i64, actual: i64) -> Indicator {
    Indicator {
        name: "相談件数".into(),
        unit: "件".into(),
        years: vec![IndicatorYear {
            year: FY,
            target: Figure::of(Decimal::whole(target)),
            actual: Figure::of(Decimal::whole(actual)),
            first_half: Figure::default(),
        }],
        ..Indicator::default()
    }
}

/// The master with two 相談件数 on its first initiative (targets 100 and 200, actuals 10 and
/// 20), as sent; the division's workbook; and the master with the first removed since.
fn twins_sent() -> (shinchoku::model::Report, Vec<u8>, shinchoku::model::Report) {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators = vec![count(100, 10), count(200, 20)];
    let master = sent(report);
    let response = shinchoku::survey::response_for(&master, &first_division(&master), None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let mut removed = master.clone();
    let m = removed.initiative_mut(first).unwrap().measures_mut();
    m.indicators.remove(0);
    (master, book, removed)
}

fn collected(
    master: &shinchoku::model::Report,
    book: &[u8],
) -> shinchoku::survey::collect::Collection {
    let answer = shinchoku::survey::answer::answer_from_workbook(book, "a.xlsx".into()).unwrap();
    shinchoku::survey::collect::collect(
        master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    )
}

fn actuals(report: &shinchoku::model::Report) -> Vec<(Option<Decimal>, String)> {
    let first = report.sections[0].initiatives[0].id;
    let xs = &report.initiative(first).unwrap().measures().indicators;
    xs.iter()
        .map(|x| (x.actual_for(FY), x.years[0].target.display()))
        .collect()
}

#[test]
fn the_answer_to_the_indicator_that_stays_is_taken() {
    let (_, book, removed) = twins_sent();
    let book = crate::type_into_workbook(&book, "20", "150");
    let c = collected(&removed, &book);
    let after = taken(&removed, &c);
    assert_eq!(actuals(&after), [(Some(Decimal::whole(150)), "200".into())]);
    assert!(said(&c).is_empty(), "{:?}", said(&c));
}

/// Both rows typed: the removed indicator's answer is said, not given to the one that stays.
#[test]
fn the_removed_ones_answer_is_said_and_the_others_taken() {
    let (_, book, removed) = twins_sent();
    let book = crate::type_into_workbook(&book, "20", "150");
    let book = crate::type_into_workbook(&book, "10", "90");
    let c = collected(&removed, &book);
    let after = taken(&removed, &c);
    let said = said(&c);
    assert_eq!(
        actuals(&after),
        [(Some(Decimal::whole(150)), "200".into())],
        "{said:?}"
    );
    assert!(said.iter().any(|s| s.contains("「90」")), "{said:?}");
    assert!(!said.iter().any(|s| s.contains("違う値")), "{said:?}");
}

/// A workbook sent before rows kept what the office set (`o=`): both rows point at the one
/// that stays, and the row left as sent gives way to the one typed, said.
#[test]
fn in_an_older_workbook_the_row_left_as_sent_is_no_second_answer() {
    let (_, book, removed) = twins_sent();
    let book = crate::type_into_workbook(&book, "20", "150");
    let book = crate::rewrite_part(&book, "xl/sharedStrings.xml", |text| {
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find(" o=") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 3..];
            let end = after.find(|c: char| !c.is_ascii_hexdigit()).unwrap();
            rest = &after[end..];
        }
        out.push_str(rest);
        assert_ne!(out, text, "the ids carried o=");
        out
    });
    let c = collected(&removed, &book);
    let after = taken(&removed, &c);
    assert_eq!(actuals(&after), [(Some(Decimal::whole(150)), "200".into())]);
    let said = said(&c);
    assert!(
        said.iter()
            .any(|s| s.contains("4行目は送ったときのまま") && s.contains("「150」を取り込みます")),
        "{said:?}"
    );
}

/// The office corrects a twin's target after sending (100 → 200, now the other's): nothing was
/// removed, so each row answers the twin at its place (going by what was set as sent, both
/// rows pointed at the uncorrected twin, and its 20 was overwritten with the other's answer).
#[test]
fn a_twins_target_corrected_since_keeps_each_row_on_its_own() {
    let (master, book, _) = twins_sent();
    let first = master.sections[0].initiatives[0].id;
    let mut corrected = master.clone();
    let m = corrected.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].years[0].target = Figure::of(Decimal::whole(200));
    let book = crate::type_into_workbook(&book, "10", "15");
    let c = collected(&corrected, &book);
    let after = taken(&corrected, &c);
    assert_eq!(
        actuals(&after),
        [
            (Some(Decimal::whole(15)), "200".into()),
            (Some(Decimal::whole(20)), "200".into())
        ],
        "{:?}",
        said(&c)
    );
}

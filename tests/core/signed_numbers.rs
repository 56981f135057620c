//! Numbers below zero as offices report them (a deficit 収支 target △50, an effect that was a
//! loss △120 百万円), a figure of more digits than a float keeps, and a programme counting its
//! effects cumulatively: every output says what was typed, and a rate says what "met" says.

use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::Decimal;
use shinchoku::model::measures::{Counting, Direction, Figure, Indicator, IndicatorYear, Money};

use crate::measures::seed_with_measures;

const FY: FiscalYear = FiscalYear(2017);

fn indicator(direction: Direction, target: &str, actual: &str) -> Indicator {
    let figure = |t: &str| Figure::of(Decimal::try_from(t.to_string()).unwrap());
    Indicator {
        name: "収支".into(),
        unit: "百万円".into(),
        direction,
        years: vec![IndicatorYear {
            year: FY,
            target: figure(target),
            actual: figure(actual),
            first_half: Figure::default(),
        }],
        ..Indicator::default()
    }
}

/// A deficit target △50 reached with △40 (higher is better: met) read 80 %, and missed the
/// other way 125 %: a rate of signed figures says nothing of reaching. None is given; "met"
/// is counted. Where a rate is given it is 100 % or more exactly when met.
#[test]
fn a_rate_of_a_target_at_or_below_zero_is_not_given_and_met_is_counted() {
    let up = indicator(Direction::Higher, "-50", "-40");
    let down = indicator(Direction::Lower, "-50", "-40");
    assert_eq!((up.achievement_rate(FY), up.met(FY)), (None, Some(true)));
    assert_eq!(
        (down.achievement_rate(FY), down.met(FY)),
        (None, Some(false))
    );
    // Lower being better, an actual below zero is no divisor either.
    let below = indicator(Direction::Lower, "10", "-5");
    assert_eq!(
        (below.achievement_rate(FY), below.met(FY)),
        (None, Some(true))
    );
    for (direction, target, actual) in [
        (Direction::Higher, "100", "-20"),
        (Direction::Higher, "100", "120"),
        (Direction::Lower, "100", "80"),
        (Direction::Lower, "100", "125"),
    ] {
        let x = indicator(direction, target, actual);
        let rate = x.achievement_rate(FY).unwrap();
        assert_eq!(rate >= 100.0, x.met(FY).unwrap(), "{target} {actual}");
    }
}

/// The seed with a deficit actual △20 against a target of 100 百万円 on its first initiative
/// and an effect that was a loss of 120 百万円.
fn with_losses() -> shinchoku::model::Report {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators = vec![indicator(Direction::Higher, "100", "-20")];
    m.effects[0].actual = Money::yen(-120_000_000);
    report
}

/// A minus is △ in every output that writes a number as text — the rate too (the printout,
/// the web page and the XLSX export wrote `-20%` beside `△20`) — and the XLSX export's loss is
/// a number cell (written `△120` as text, a SUM over the row passed it by).
#[test]
fn a_negative_rate_is_written_with_a_triangle_and_a_loss_stays_a_number_cell() {
    let report = with_losses();
    let html = shinchoku::export::html::to_html(&report);
    assert!(html.contains("<td>△20%</td>"), "the web page's 達成率");
    assert!(!html.contains("-20%"));
    let printed = crate::printed_text(&report);
    assert!(printed.contains("達成率△20%"), "{printed}");
    assert!(printed.contains("実績△20百万円"), "{printed}");
    assert!(printed.contains("実績△120"), "{printed}");
    let book = export_bytes(&report, Format::Xlsx, Encoding::Utf8).unwrap();
    let strings = crate::workbook_part(&book, "xl/sharedStrings.xml");
    assert!(!strings.contains("△120"), "{strings}");
    assert!(!strings.contains("-20%"));
    let names = crate::workbook_part(&book, "xl/workbook.xml");
    let sheet_named = |name: &str| {
        let at = names
            .split("<sheet ")
            .position(|s| s.contains(&format!("name=\"{name}\"")))
            .unwrap();
        crate::workbook_part(&book, &format!("xl/worksheets/sheet{at}.xml"))
    };
    // The rate is a number shown as a percentage with △ for a minus (issue 25's audit: it was
    // the text 「△20%」, which a spreadsheet neither sums nor sorts).
    assert!(sheet_named("数値目標").contains("<v>-0.2</v>"));
    let styles = crate::workbook_part(&book, "xl/styles.xml");
    assert!(styles.contains("0.0%;&quot;△&quot;0.0%"), "{styles}");
    // The effects sheet holds the loss as a number.
    let sheet = sheet_named("効果額");
    assert!(sheet.contains("<v>-120</v>"), "{sheet}");
}

/// `check --json` writes a figure digit for digit as kept: through a float
/// 1234567890123.456789 came out 1234567890123.4568.
#[test]
fn the_json_summary_writes_a_long_decimal_as_typed() {
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators = vec![indicator(Direction::Higher, "-0.5", "1234567890123.456789")];
    let json =
        serde_json::to_string(&shinchoku::summary::ReportSummary::new(&report, &[])).unwrap();
    assert!(json.contains("\"actual\":1234567890123.456789"), "{json}");
    assert!(json.contains("\"target\":-0.5"), "{json}");
    let read: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(read.is_object());
}

/// A programme counting its effects as running totals (いわき市) asks its divisions for one: the
/// answer sheet said only 「効果額（百万円）」 beside a planned total, and a division typing
/// this year's own saving lowered the programme's total without a word. Without a scale the
/// rating's row read 「自己評価（）」.
#[test]
fn the_answer_sheet_of_cumulative_effects_asks_for_the_running_total() {
    let mut master = crate::measures_cycle::sent(seed_with_measures());
    master.measure_settings.counting = Counting::Cumulative;
    master.measure_settings.rating_scale.clear();
    let division = crate::measures_answers::first_division(&master);
    let response = shinchoku::survey::response_for(&master, &division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let strings = crate::workbook_part(&book, "xl/sharedStrings.xml");
    assert!(strings.contains("効果額は、前年度までの効果を含めた累計で入力してください。"));
    assert!(strings.contains(">効果額（百万円・累計）<"), "{strings}");
    assert!(strings.contains(">自己評価<") && !strings.contains("自己評価（）"));
    // Typed into that row, the answer is read in the unit the row names.
    let answered = crate::type_into_workbook(&book, "3100", "3200");
    let answer = shinchoku::survey::answer::answer_from_workbook(&answered, "a.xlsx".into());
    let at = crate::measures_cycle::answered_at();
    let collection =
        shinchoku::survey::collect(&master, vec![answer.map_err(|r| ("a.xlsx".into(), r))], at);
    let after = crate::measures_answers::taken(&master, &collection);
    let m = after.sections[0].initiatives[0].measures();
    assert_eq!(m.effect(FY).and_then(|e| e.actual.yen), Some(3_200_000_000));
}

/// An effect of 10,000,000,000,000 百万円 (10^19 yen, more than is kept) is kept as written and
/// said to be too large — on reading and by `check` on the saved report — where it was said to
/// be "no amount in yen"; another unit and a fraction of a yen are still that.
#[test]
fn money_too_large_is_said_to_be_too_large() {
    use shinchoku::lang::{Describe, Lang};
    use shinchoku::model::measure_warning::MeasureWarning;
    use shinchoku::model::measures::YenUnit;
    let said = |text: &str, unit| MeasureWarning::money_not_read(text, unit).describe(Lang::Ja);
    assert!(said("10000000000000", YenUnit::Million).contains("金額として大きすぎます"));
    assert!(said("10000000000000", YenUnit::Yen).contains("円の金額として読めません"));
    assert!(said("3件", YenUnit::Million).contains("円の金額として読めません"));
    assert!(said("0.5", YenUnit::Yen).contains("円の金額として読めません"));
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.effects[0].planned = shinchoku::model::measures::money_of("10000000000000", YenUnit::Million);
    assert_eq!(m.effects[0].planned.yen, None);
    let warnings = shinchoku::model::measure_check::measure_warnings(&report);
    let words = crate::described_ja(&warnings);
    assert!(
        words
            .iter()
            .any(|w| w.contains("「10000000000000」は金額として大きすぎます")),
        "{words:?}"
    );
}

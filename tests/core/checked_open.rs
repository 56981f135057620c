//! A `.ron` file that breaks the model's rules is refused on open, naming the place, or
//! repaired with a warning — never accepted to fail later. Each case is the bundled sample
//! (`assets/sample-report.ron`, the seed table imported) damaged by hand in one place.

use shinchoku::document::{Document, SAMPLE_RON};
use shinchoku::model::Id;
use shinchoku::model::validate::{Rule, Violation};
use shinchoku::store::{self, StoreError};

/// The sample with `old` (which must occur) replaced once by `new`.
fn damaged(old: &str, new: &str) -> String {
    assert!(SAMPLE_RON.contains(old), "the sample holds {old:?}");
    SAMPLE_RON.replacen(old, new, 1)
}

fn refused(text: &str) -> Vec<Violation> {
    match store::from_ron(text) {
        Err(StoreError::Invalid(found)) => found,
        other => panic!("expected the file refused as damaged, got {other:?}"),
    }
}

#[test]
fn the_sample_keeps_every_rule() {
    let (_, repaired) = store::from_ron_checked(SAMPLE_RON).unwrap();
    assert!(repaired.is_empty(), "{repaired:?}");
}

#[test]
fn a_duplicate_id_is_refused_naming_both_places() {
    // Initiative 2's action item takes the id of initiative 1's.
    let found = refused(&damaged("id: 7,", "id: 3,"));
    assert_eq!(found.len(), 1, "{found:?}");
    let v = &found[0];
    assert_eq!(v.place.initiative.as_deref(), Some("2"));
    assert_eq!(v.place.item.as_ref().map(|i| i.0), Some(1));
    match &v.rule {
        Rule::DuplicateId { id, also } => {
            assert_eq!(*id, Id(3));
            assert_eq!(also.initiative.as_deref(), Some("1"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        v.to_string(),
        "section I, initiative 2, action item 1 「庁内の協創事例を集約したポータルサイトの構築」, \
         field `id`: id #3 is already used by section I, initiative 1, action item 1 \
         「協創の取組を進めるための研修の充実」"
    );
}

#[test]
fn a_next_id_below_the_ids_is_repaired_with_a_warning() {
    let text = damaged("next_id: 151,", "next_id: 100,");
    let (report, repaired) = store::from_ron_checked(&text).unwrap();
    assert_eq!(report.next_id(), 151);
    assert_eq!(repaired.len(), 1);
    assert_eq!(
        repaired[0].rule,
        Rule::NextIdNotAbove {
            next_id: 100,
            highest: 150
        }
    );
    // Opened as a file, the repair is among the warnings.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.ron");
    std::fs::write(&path, &text).unwrap();
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.report().next_id(), 151);
    let warnings: Vec<String> = doc.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings[0].starts_with("next_id: next_id 100") && warnings[0].contains("set to 151"),
        "{warnings:?}"
    );
}

/// An id near the largest number an id holds (a crafted file): refused, naming it. It was
/// taken, and the ids a collect handed out after it wrapped round to 0 and onto ids in use: the
/// master saved could not be opened again.
#[test]
fn an_id_too_large_to_hand_out_more_after_is_refused() {
    for (old, new) in [
        ("next_id: 151,", "next_id: 18446744073709551615,"),
        ("id: 7,", "id: 18446744073709551615,"),
        ("id: 7,", "id: 9007199254740993,"),
        // 2^53 itself: taken, its next id would be refused on opening again.
        ("id: 7,", "id: 9007199254740992,"),
    ] {
        let found = refused(&damaged(old, new));
        let big: u64 = new[new.find(' ').unwrap() + 1..new.len() - 1]
            .parse()
            .unwrap();
        assert!(
            found.iter().any(|v| v.rule == Rule::IdTooLarge { id: big }),
            "{found:?}"
        );
        let said: Vec<String> = found.iter().map(|v| v.to_string()).collect();
        assert!(
            said.iter().any(|s| s.contains(&format!(
                "id {big} is too large (ids are below 9007199254740992)"
            ))),
            "{said:?}"
        );
        // Refused, nothing is repaired: no message promises next_id a new value.
        assert!(!said.iter().any(|s| s.contains("set to")), "{said:?}");
    }
}

/// Initiative 1's two stages: 検討 in FY2016, 順次実施 in FY2017–2019.
const FIRST_STAGE: &str = "first: 2016,\n                      last: 2016,";
const SECOND_STAGE: &str = "first: 2017,\n                      last: 2019,";

fn stage(first: i32, last: i32) -> String {
    format!("first: {first},\n                      last: {last},")
}

#[test]
fn a_stage_ending_before_it_starts_is_refused() {
    let found = refused(&damaged(SECOND_STAGE, &stage(2019, 2017)));
    assert_eq!(
        found[0].rule,
        Rule::SpanReversed {
            first: 2019,
            last: 2017
        }
    );
    let place = &found[0].place;
    assert_eq!(
        (place.initiative.as_deref(), place.lane, place.stage),
        (Some("1"), Some(1), Some(2))
    );
}

#[test]
fn a_stage_outside_the_plan_years_is_refused() {
    let found = refused(&damaged(SECOND_STAGE, &stage(2017, 2021)));
    assert_eq!(
        found[0].rule,
        Rule::SpanOutsidePlan {
            first: 2017,
            last: 2021,
            plan: (2016, 2019)
        }
    );
    assert!(
        found[0]
            .to_string()
            .starts_with("section I, initiative 1, action item 1"),
        "{}",
        found[0]
    );
}

#[test]
fn overlapping_stages_in_a_lane_are_refused() {
    let found = refused(&damaged(FIRST_STAGE, &stage(2016, 2017)));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].rule,
        Rule::SpanOverlap {
            other: 1,
            year: 2017
        }
    );
    assert_eq!(found[0].place.stage, Some(2));
}

#[test]
fn months_outside_the_year_are_refused() {
    // 4095 is every month, April to March; 8191 adds a thirteenth.
    let found = refused(&damaged("months: 4095,", "months: 8191,"));
    let v = &found[0];
    assert_eq!(v.rule, Rule::MonthsOutOfRange { stored: 8191 });
    assert_eq!(v.place.field, Some("months"));
    assert!(
        v.place.initiative.is_some() && !v.place.entry.is_empty(),
        "{v}"
    );
}

#[test]
fn an_as_of_date_that_is_no_day_is_refused() {
    for (month, day) in [(13, 1), (2, 30), (4, 0)] {
        let found = refused(&damaged(
            "as_of: None,",
            &format!("as_of: Some((month: {month}, day: {day})),"),
        ));
        assert_eq!(found[0].rule, Rule::AsOfInvalid { month, day });
    }
}

#[test]
fn a_year_no_arithmetic_can_hold_is_refused() {
    let found = refused(&damaged("fiscal_year: 2017,", "fiscal_year: -2147483648,"));
    assert_eq!(found[0].rule, Rule::YearOutOfRange { year: i32::MIN });
    let found = refused(&damaged(SECOND_STAGE, &stage(2017, 2147483647)));
    assert!(
        found
            .iter()
            .any(|v| v.rule == Rule::YearOutOfRange { year: i32::MAX }),
        "{found:?}"
    );
}

#[test]
fn opening_a_damaged_file_names_the_file_and_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.ron");
    std::fs::write(&path, damaged(SECOND_STAGE, &stage(2019, 2017))).unwrap();
    let err = Document::open(&path).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("initiative 1, action item 1") && message.contains("stage 2"),
        "{message}"
    );
    // Refused before any lock is taken: nothing is left beside the file.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_link_to_no_plan_entry_of_the_initiative_is_dropped_with_a_warning() {
    // The first result reports plan entry #10; make it report #5 (initiative 1's) and #9999.
    let first_link = "reports: [\n                      10,\n                    ],";
    let text = damaged(
        first_link,
        "reports: [\n                      10,\n                      5,\n                      9999,\n                    ],",
    );
    let (report, repaired) = store::from_ron_checked(&text).unwrap();
    let ids: Vec<Id> = repaired
        .iter()
        .map(|v| match v.rule {
            Rule::LinkNotToPlan { id } => id,
            ref other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ids, [Id(5), Id(9999)]);
    assert_eq!(repaired[0].place.field, Some("reports"));
    let (original, _) = store::from_ron_checked(SAMPLE_RON).unwrap();
    assert!(report == original, "only the two links are gone");
}

/// Opening says which result lost its link and to what, by their texts where the report holds
/// them, in the window's language: the warning named the rule's English place and an internal
/// id (「#5 はこの取組の年次計画の項目ではない…」).
#[test]
fn a_dropped_link_is_said_by_the_result_and_what_it_named() {
    let first_link = "reports: [\n                      10,\n                    ],";
    let text = damaged(
        first_link,
        "reports: [\n                      10,\n                      5,\n                      9999,\n                    ],",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("links.ron");
    std::fs::write(&path, text).unwrap();
    let opened = shinchoku::open_report(&path).unwrap();
    let (original, _) = store::from_ron_checked(SAMPLE_RON).unwrap();
    let result = original.entry(Id(10)).map(|_| ());
    assert!(result.is_some());
    let said: Vec<String> = opened
        .warnings
        .iter()
        .map(|w| shinchoku::lang::Describe::describe(w, shinchoku::lang::Lang::Ja))
        .filter(|w| w.contains("結び付き"))
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    let linked = original.entry(Id(5)).unwrap().text.clone();
    assert!(said[0].contains(&format!("「{linked}」")), "{}", said[0]);
    assert!(
        said[1].contains("番号 9999") && said[1].contains("報告にない"),
        "{}",
        said[1]
    );
    for message in &said {
        assert!(
            message.starts_with("取組"),
            "named by its initiative: {message}"
        );
        assert!(
            !message.contains('#') && !message.contains("reports"),
            "{message}"
        );
    }
}

#[test]
fn a_closed_period_in_the_history_keeps_the_same_rules() {
    for (year, as_of, rule) in [
        (
            2147483647,
            "(month: 9, day: 30)",
            Rule::YearOutOfRange { year: 2147483647 },
        ),
        (
            2016,
            "(month: 9, day: 31)",
            Rule::AsOfInvalid { month: 9, day: 31 },
        ),
    ] {
        let text = damaged(
            "next_id: ",
            &format!(
                "history: [(fiscal_year: {year}, period: first_half, actual_heading: \"\", \
                 as_of: {as_of})],\n    next_id: "
            ),
        );
        let found = refused(&text);
        assert_eq!(found[0].rule, rule);
        assert_eq!(found[0].place.field, Some("history"));
    }
}

/// A year of a number outside the years Shinchoku handles is refused as the report's own
/// would be (an effect of the year -5 opened without a word and was exported as 「-5年度計画額」).
#[test]
fn a_number_of_a_year_outside_the_range_is_refused() {
    use shinchoku::model::FiscalYear;
    use shinchoku::model::measures::{Effect, Money};
    let mut report = store::from_ron(SAMPLE_RON).unwrap();
    let first = report.sections[0].initiatives[0].id;
    report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .effects
        .push(Effect {
            fiscal_year: FiscalYear(-5),
            planned: Money::yen(1_000),
            actual: Money::default(),
        });
    let found = refused(&store::to_ron(&report));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, Rule::YearOutOfRange { year: -5 });
    assert!(
        found[0].to_string().contains("initiative 1"),
        "{}",
        found[0]
    );
}

/// One fiscal year written twice (a hand edit) in an initiative's effects or an indicator's
/// years is refused, naming the initiative and the year: every output showed the first figure
/// and the totals added both, and an export then re-imported without the second.
#[test]
fn a_fiscal_year_written_twice_in_the_numbers_is_refused() {
    use shinchoku::model::FiscalYear;
    use shinchoku::model::measures::{Effect, Indicator, Money};
    let sample = store::from_ron(SAMPLE_RON).unwrap();
    let first = sample.sections[0].initiatives[0].id;
    let mut report = sample.clone();
    let m = report.initiative_mut(first).unwrap().measures_mut();
    for yen in [1_000, 2_000] {
        m.effects.push(Effect {
            fiscal_year: FiscalYear(2017),
            planned: Money::yen(yen),
            actual: Money::default(),
        });
    }
    let found = refused(&store::to_ron(&report));
    assert_eq!(found[0].rule, Rule::YearTwice { year: 2017 });
    assert_eq!(found[0].place.field, Some("effects"));
    assert!(
        found[0].to_string().contains("FY2017 is written twice"),
        "{}",
        found[0]
    );
    let mut report = sample;
    let mut x = Indicator {
        name: "件数".into(),
        ..Indicator::default()
    };
    x.year_mut(FiscalYear(2017));
    let twice = x.years[0].clone();
    x.years.push(twice);
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators.push(x);
    let found = refused(&store::to_ron(&report));
    assert_eq!(found[0].rule, Rule::YearTwice { year: 2017 });
    assert_eq!(found[0].place.field, Some("indicators"));
}

/// A file whose next id is the bound itself opens, but no step hands out an id past it: each
/// is refused, saying why, and what is saved opens again. A collect there took a result and
/// saved a master that could not be opened again.
#[test]
fn a_report_at_the_id_bound_opens_and_takes_no_step_that_would_pass_it() {
    use shinchoku::edit::{EditError, Intent};
    use shinchoku::lang::{Describe, Lang};
    let text = damaged("next_id: 151,", "next_id: 9007199254740991,");
    let report = store::from_ron(&text).unwrap();
    let topic = report.sections[0].initiatives[1].topics[0].id;
    let mut doc = Document::new(report, shinchoku::document::Origin::Sample, Vec::new());
    let add = || Intent::AddEntry {
        topic,
        side: shinchoku::model::Side::Actual,
        text: "職員アンケートの実施(9月)".into(),
    };
    doc.perform(add()).expect("the last id below the bound");
    assert_eq!(doc.report().next_id(), 9_007_199_254_740_992);
    let before = doc.report().clone();
    let refused = doc.perform(add()).unwrap_err();
    assert_eq!(refused, EditError::IdsUsedUp);
    assert!(refused.describe(Lang::Ja).contains("使い切っている"));
    assert_eq!(doc.report(), &before, "nothing taken");
    let saved = store::to_ron(doc.report());
    store::from_ron(&saved).expect("what is saved opens again");
}

/// A result's text changed by a text editor, its stored months left as they were: the text is
/// the truth. Opening reads it again, and says so, naming the place and both months; every
/// output then says July (the CSV's months column, the status, the bar said June beside a
/// text saying July).
#[test]
fn a_text_changed_beside_its_stored_months_is_read_again_and_said() {
    let old = "text: \"職員向けメルマガにおける周知(6月)\"";
    let text = damaged(old, "text: \"職員向けメルマガにおける周知(7月)\"");
    let (report, repaired) = store::from_ron_checked(&text).unwrap();
    let e = report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .find(|e| e.text == "職員向けメルマガにおける周知(7月)")
        .unwrap();
    assert_eq!(e.when.as_deref(), Some("7月"));
    assert_eq!(e.covered_months().calendar_months(), vec![7]);
    assert_eq!(repaired.len(), 1, "{repaired:?}");
    assert!(matches!(&repaired[0].rule, Rule::ReadAgain { was, now }
        if was.as_deref() == Some("6月") && now.as_deref() == Some("7月")));
    let said = shinchoku::lang::Describe::describe(&repaired[0], shinchoku::lang::Lang::Ja);
    assert!(
        said.contains("取組2") && said.contains("時期「6月」") && said.contains("時期「7月」"),
        "{said}"
    );
    let csv = shinchoku::export::csv::to_csv(&report).unwrap();
    let row = csv.lines().find(|l| l.contains("周知(7月)")).unwrap();
    assert!(row.contains(",7月,7,"), "{row}");
    // Saved and opened again: nothing left to read again.
    let (_, again) = store::from_ron_checked(&store::to_ron(&report)).unwrap();
    assert!(again.is_empty(), "{again:?}");
}

/// A sub-item's own text changed (as a script edits a response file), its entry's text still
/// holding the old one: the sub-item is the truth there, and the entry's text is written again
/// around it. Reading the entry's text again had put the old sub-item back.
#[test]
fn a_sub_item_changed_on_its_own_is_kept_and_its_entry_written_around_it() {
    let old = "text: \"「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月予定)\"";
    let new_sub = "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～)";
    let text = damaged(old, &format!("text: \"{new_sub}\""));
    let (report, repaired) = store::from_ron_checked(&text).unwrap();
    let parent = report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .find(|e| e.subs.iter().any(|s| s.text == new_sub))
        .expect("the sub-item as changed");
    assert!(parent.text.ends_with(new_sub), "{}", parent.text);
    assert!(
        parent
            .text
            .starts_with("不適切な事務処理防止に向けての対応 ")
    );
    let sub = parent.subs.last().unwrap();
    assert_eq!(sub.when.as_deref(), Some("9月～"));
    assert!(!sub.scheduled());
    assert!(
        matches!(&repaired[..], [v] if matches!(&v.rule, Rule::ReadAgain { was, now }
        if was.as_deref() == Some("9月～12月予定") && now.as_deref() == Some("9月～"))),
        "{repaired:?}"
    );
}

/// The entry's text rewritten where one sub-item stands, and another sub-item's own text
/// changed beside it: each edit is kept where it was made (the text's words at the first, the
/// sub-item's at the other). Rebuilding the text from the sub-items had put the old words
/// back in the first place, unsaid.
#[test]
fn an_entry_text_edit_and_a_sub_item_edit_are_both_kept() {
    let old_text = "管理職の意識の徹底(9月) 懲戒処分基準の明確化(9月) 「不適切";
    let text = damaged(
        old_text,
        "管理職の意識の徹底(9月) 懲戒処分基準の明確化・公表(9月) 「不適切",
    );
    let old_sub = "text: \"「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～12月予定)\"";
    let new_sub = "「不適切な事務処理」及び「公務外の不祥事」をテーマとしたコンプライアンス・ミーティングの実施(9月～)";
    assert!(text.contains(old_sub));
    let text = text.replacen(old_sub, &format!("text: \"{new_sub}\""), 1);
    let (report, repaired) = store::from_ron_checked(&text).unwrap();
    let parent = report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .find(|e| e.text.starts_with("不適切な事務処理防止に向けての対応 "))
        .expect("the entry");
    assert_eq!(
        parent.text,
        format!(
            "不適切な事務処理防止に向けての対応 管理職員勤務評定中間面接の場等を活用した\
             管理職の意識の徹底(9月) 懲戒処分基準の明確化・公表(9月) {new_sub}"
        )
    );
    let subs: Vec<&str> = parent.subs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(subs[1..], ["懲戒処分基準の明確化・公表(9月)", new_sub]);
    assert_eq!(repaired.len(), 1, "{repaired:?}");
}

/// What opening read again is said where a report's warnings are (check, the window).
#[test]
fn a_text_read_again_is_among_the_warnings_of_the_opened_report() {
    let text = damaged(
        "text: \"職員向けメルマガにおける周知(6月)\"",
        "text: \"職員向けメルマガにおける周知(7月)\"",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("master.ron");
    std::fs::write(&path, text).unwrap();
    let opened = shinchoku::open_report(&path).unwrap();
    let said: Vec<String> = opened
        .warnings
        .iter()
        .map(|w| shinchoku::lang::Describe::describe(w, shinchoku::lang::Lang::Ja))
        .collect();
    assert!(
        said.iter().any(|w| w.contains(
            "取組2 <ポータルサイトの構築> 実績: 「職員向けメルマガにおける周知(7月)」: "
        ) && w.contains("文から読み直しました（時期「7月」）")),
        "{said:?}"
    );
}

/// A number typed into a `.ron` file by hand as offices type it (full-width `８７．５`, `3,297`)
/// or in the indicator's unit (`87.5%`) is read as the window and a workbook read it; one that
/// does not read (`約88`, `87.5件` in a % indicator) is kept as written and said, naming the
/// indicator. The whole file (a division's answer) was refused
/// for either, 「進捗の報告ファイルではありません」 naming only a line and a column.
#[test]
fn a_number_typed_by_hand_in_a_ron_file_is_read_or_kept_as_written() {
    use shinchoku::model::FiscalYear;
    use shinchoku::model::figure::Decimal;
    use shinchoku::model::measures::{Figure, Indicator};
    let mut report = store::from_ron(SAMPLE_RON).unwrap();
    let first = report.sections[0].initiatives[0].id;
    let mut x = Indicator {
        name: "研修受講率".into(),
        unit: "%".into(),
        ..Indicator::default()
    };
    x.year_mut(FiscalYear(2017)).actual = Figure::of(Decimal::whole(12_345));
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.indicators.push(x);
    let written = store::to_ron(&report);
    assert!(
        written.contains("value: Some(\"12345\")"),
        "the test's premise"
    );
    for (typed, value, unread) in [
        ("８７．５", Some("87.5"), ""),
        ("3,297", Some("3297"), ""),
        // In the indicator's own unit, as the window reads it (it was 「数として読めません」).
        ("87.5%", Some("87.5"), ""),
        ("８７．５％", Some("87.5"), ""),
        ("87.5件", None, "87.5件"),
        ("約88", None, "約88"),
    ] {
        let text = written.replace("Some(\"12345\")", &format!("Some(\"{typed}\")"));
        let report = store::from_ron(&text).unwrap_or_else(|e| panic!("{typed}: {e}"));
        let got = &report.initiatives().next().unwrap().measures().indicators[0].years[0];
        assert_eq!(got.actual.value.map(|v| v.to_string()).as_deref(), value);
        assert_eq!(got.actual.unread, unread);
    }
    let text = written.replace("Some(\"12345\")", "Some(\"約88\")");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.ron");
    std::fs::write(&path, text).unwrap();
    let opened = shinchoku::open_report(&path).unwrap();
    let said: Vec<String> = opened.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("約88") && w.contains("研修受講率")),
        "{said:#?}"
    );
}

/// `report` saved as `r.ron` in `dir` and opened, with what opening it says.
fn opened_from_ron(
    report: &shinchoku::model::Report,
    dir: &std::path::Path,
) -> (shinchoku::Opened, Vec<String>) {
    let path = dir.join("r.ron");
    std::fs::write(&path, store::to_ron(report)).unwrap();
    let opened = shinchoku::open_report(&path).expect("opens");
    let said = opened.warnings.iter().map(|w| w.to_string()).collect();
    (opened, said)
}

/// A `.ron` whose rating scale declares a code twice (a hand edit, or a file saved before the
/// readers merged `A` and `Ａ`) opens with the first level kept and the repeat said: the
/// summary counted the code's ratings under both (計画実施率 36.4% for 63.6%, `check --json`
/// gave the first 0).
#[test]
fn a_rating_code_declared_twice_in_a_ron_file_is_one_level_and_said() {
    let mut report = crate::measures_tables::rich();
    let scale = report.measure_settings.rating_scale.clone();
    assert!(!scale.is_empty(), "the test's premise");
    let mut twin = scale[0].clone();
    twin.code = twin
        .code
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
        .collect();
    twin.label = "もう一つ".into();
    report.measure_settings.rating_scale.push(twin.clone());
    let dir = tempfile::tempdir().unwrap();
    let (opened, said) = opened_from_ron(&report, dir.path());
    assert_eq!(opened.report.measure_settings.rating_scale, scale);
    assert!(
        said.iter()
            .any(|w| w.contains(&twin.code) && w.contains("declared twice")),
        "{said:#?}"
    );
}

/// A `.ron` whose scale has a level without a code (「未記入」, a hand edit): opened with that
/// level left out and said, so that exporting and importing again gives the same scale — the
/// table and the workbook were read back without every level after it (and its 対象外 mark),
/// without a word.
#[test]
fn a_rating_level_without_a_code_is_left_out_and_said() {
    use shinchoku::model::measures::RatingLevel;
    let mut report = crate::measures_tables::rich();
    let scale = report.measure_settings.rating_scale.clone();
    assert!(scale.len() >= 2, "the test's premise");
    let blank = RatingLevel {
        code: "　".into(),
        label: "未記入".into(),
        meaning: String::new(),
        not_applicable: false,
    };
    report.measure_settings.rating_scale.insert(1, blank);
    let dir = tempfile::tempdir().unwrap();
    let (opened, said) = opened_from_ron(&report, dir.path());
    assert_eq!(opened.report.measure_settings.rating_scale, scale);
    assert!(
        said.iter()
            .any(|w| w.contains("「未記入」") && w.contains("has no code")),
        "{said:#?}"
    );
    use shinchoku::export::{Encoding, Format, export};
    for (name, format) in [("r.xlsx", Format::Xlsx), ("r.tsv", Format::Table)] {
        let out = dir.path().join(name);
        let bytes = export(&opened.report, format, Encoding::Utf8)
            .unwrap()
            .bytes;
        std::fs::write(&out, bytes).unwrap();
        let back = shinchoku::open_report(&out).expect("imports");
        assert_eq!(back.report.measure_settings.rating_scale, scale, "{name}");
    }
}

/// A result line copied in a text editor to add one (its id too): the refusal names the topic
/// and the two results by their words, in the window's language throughout — it named
/// positions alone (「区分II、取組4、見出し3、実績、項目3」) and English said 「実績」.
#[test]
fn a_duplicate_result_id_is_refused_naming_the_heading_and_the_texts() {
    use shinchoku::lang::{Describe, Lang};
    let text = store::to_ron(&crate::seed().report);
    let (start, line) = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let here = *at;
            *at += l.len();
            Some((here, l))
        })
        .find(|(_, l)| l.contains("text: \"職員向けメルマガにおける周知(6月)\""))
        .expect("the result's line");
    let copy = line.replace("職員向けメルマガにおける周知(6月)", "協創説明会の開催(8月)");
    let mut edited = text.clone();
    edited.insert_str(start + line.len(), &copy);
    let e = store::from_ron(&edited).expect_err("refused");
    let (ja, en) = (e.describe(Lang::Ja), e.describe(Lang::En));
    for said in [&ja, &en] {
        assert!(said.contains("<ポータルサイトの構築>"), "{said}");
        assert!(said.contains("「協創説明会の開催(8月)」"), "{said}");
        assert!(
            said.contains("「職員向けメルマガにおける周知(6月)」"),
            "{said}"
        );
    }
    assert!(en.contains("results") && !en.contains("実績、"), "{en}");
}

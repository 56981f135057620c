//! Numbers and judgements through compare, the survey and the roll-over (issue 25).

use chrono::NaiveDate;
use shinchoku::compare::{RolloverTo, diff, rollover};
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::edit::measures::{IndicatorField, MeasureIntent, RatingLayer, measures_division};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::Decimal;
use shinchoku::model::measures::{Direction, Figure};
use shinchoku::survey::answer::answer_from_report;
use shinchoku::survey::collect::collect;

use crate::measures::seed_with_measures;

const FY: FiscalYear = FiscalYear(2017);

fn actual(initiative: shinchoku::model::Id, text: &str) -> Intent {
    Intent::Measure(MeasureIntent::SetIndicatorFigure {
        initiative,
        index: 0,
        field: IndicatorField::YearActual(FY),
        text: text.into(),
    })
}

fn self_rating(initiative: shinchoku::model::Id, code: &str) -> Intent {
    Intent::Measure(MeasureIntent::SetRating {
        initiative,
        layer: RatingLayer::SelfRating,
        code: code.into(),
        by: String::new(),
        on: None,
    })
}

/// The change list from `old` to `new`, a line per change, in Japanese.
fn change_lines(old: &shinchoku::model::Report, new: &shinchoku::model::Report) -> Vec<String> {
    diff(old, new)
        .changes
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect()
}

#[test]
fn compare_lists_a_changed_actual_and_a_changed_rating() {
    let old = seed_with_measures();
    let first = old.sections[0].initiatives[0].id;
    let mut doc = Document::new(old.clone(), Origin::Sample, Vec::new());
    doc.perform(actual(first, "1,150")).unwrap();
    doc.perform(self_rating(first, "A")).unwrap();
    let changes = diff(&old, doc.report());
    assert!(!changes.same);
    let lines: Vec<String> = changes
        .changes
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert!(
        lines.contains(&"指標「電子申請件数」の平成29年度実績: 900 → 1,150".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"自己評価: S → A".to_string()), "{lines:?}");
    assert_eq!(lines.len(), 2, "{lines:?}");
    let json = serde_json::to_value(&changes).unwrap();
    assert_eq!(json["changes"][0]["kind"], "measure_changed");
    assert_eq!(json["changes"][0]["part"], "indicator");
    assert_eq!(json["changes"][0]["field"], "actual");
    assert_eq!(json["changes"][0]["fiscal_year"], 2017);
    assert_eq!(json["changes"][1]["part"], "self_rating");
    // Compared with itself: nothing.
    assert!(diff(doc.report(), doc.report()).same);

    // The grid (and the printout) outline the 数値目標 and 評価 cells of its row, not 効果額.
    let c = shinchoku::compare::Comparison::new("old", old, doc.report());
    let row = shinchoku::grid::rows(doc.report(), &Default::default())
        .into_iter()
        .find(|&r| shinchoku::grid::thing_of(doc.report(), r) == Some(first))
        .expect("the initiative's row");
    let marks = c.row_marks(doc.report(), row);
    let changed = Some(shinchoku::compare::Mark::Changed);
    assert_eq!(
        (marks.indicators, marks.effects, marks.ratings, marks.text),
        (changed, None, changed, changed)
    );
}

/// How the numbers read is a change of the report: the unit of effects, single-year or
/// cumulative counting, a rating level's label (each changes every total or level shown, while
/// no number changes; `diff` said 「変更はありません」).
/// In one report edited, a space added to a note and a new name beside a comment are
/// changes, listed (`collect` took them while its review said 「変更なし」, and `diff` of the
/// two files said no changes); between two tables they read the same and are not.
#[test]
fn compare_lists_a_space_in_a_note_and_a_new_commenter_in_one_report() {
    let old = seed_with_measures();
    let first = old.sections[0].initiatives[0].id;
    let mut new = old.clone();
    let m = new.initiative_mut(first).unwrap().measures_mut();
    let rating = m.self_rating.get_or_insert_with(Default::default);
    rating.note = format!("{} 追記", rating.note);
    m.indicators[0].name = format!(" {}", m.indicators[0].name);
    m.comment = Some(shinchoku::model::measures::Comment {
        text: m
            .comment
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default(),
        by: "行財政改革推進委員会".into(),
        on: None,
    });
    let lines = change_lines(&old, &new);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("自己評価の特記:") && l.ends_with(" 追記")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("委員会意見の記入者・日付:")
                && l.ends_with("行財政改革推進委員会")),
        "{lines:?}"
    );
    // A space before a name: the one indicator, its name changed (it was listed removed and
    // added, two lines that read the same).
    assert!(
        lines.contains(
            &"指標「 電子申請件数」の名前: 「電子申請件数」 → 「 電子申請件数」".to_string()
        ),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("指標を")), "{lines:?}");
    // A space after who rated, alone: listed, the name quoted (diff said no changes).
    let mut by = old.clone();
    let rating = by
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .self_rating
        .as_mut()
        .unwrap();
    rating.by = format!("{} ", rating.by);
    let lines = change_lines(&old, &by);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("自己評価の評価者・日付:") && l.contains(" 」")),
        "{lines:?}"
    );
    // A space alone, between two tables: the same text.
    let mut spaced = old.clone();
    let m = spaced.initiative_mut(first).unwrap().measures_mut();
    let rating = m.self_rating.get_or_insert_with(Default::default);
    rating.note = format!(" {}", rating.note);
    spaced.id = shinchoku::model::survey::ReportId("another table".into());
    let other = change_lines(&old, &spaced);
    assert!(!other.iter().any(|l| l.contains("特記")), "{other:?}");
}

/// A level typed in another width than the scale writes it is that level, as the scale
/// writes it, from every way in: the window (`Ａ` stayed 「Ａ」 in the tables and JSON while the
/// web page said A), and a response file answering `B` on a scale of full-width codes.
#[test]
fn a_level_typed_in_another_width_is_stored_as_the_scale_writes_it() {
    let old = seed_with_measures();
    let first = old.sections[0].initiatives[0].id;
    let mut doc = Document::new(old.clone(), Origin::Sample, Vec::new());
    doc.perform(self_rating(first, "Ａ")).unwrap();
    let m = doc.report().initiative(first).unwrap().measures();
    assert_eq!(m.self_rating.as_ref().unwrap().code, "A");

    let mut report = seed_with_measures();
    for level in &mut report.measure_settings.rating_scale {
        level.code = level
            .code
            .chars()
            .map(|c| {
                char::from_u32(c as u32 + 0xFEE0)
                    .filter(|_| c.is_ascii_uppercase())
                    .unwrap_or(c)
            })
            .collect();
    }
    let i = report.initiative_mut(first).unwrap();
    i.measures_mut().self_rating.as_mut().unwrap().code = "Ｓ".into();
    let master = sent(report);
    let division = measures_division(master.initiative(first).unwrap())
        .unwrap()
        .to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let m = response.initiative_mut(first).unwrap().measures_mut();
    m.self_rating.as_mut().unwrap().code = "B".into();
    let c = collected(&master, response, &division);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(c.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first).unwrap().measures();
    assert_eq!(m.self_rating.as_ref().unwrap().code, "Ｂ");
}

#[test]
fn compare_lists_the_unit_the_counting_and_the_scale() {
    use shinchoku::model::measures::{Counting, YenUnit};
    let old = seed_with_measures();
    let mut new = old.clone();
    new.measure_settings.yen_unit = YenUnit::Thousand;
    new.measure_settings.counting = Counting::Cumulative;
    new.measure_settings.rating_scale[1].label = "計画どおり".into();
    let changes = diff(&old, &new);
    assert!(!changes.same);
    let lines: Vec<String> = changes
        .report
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert_eq!(lines[0], "効果額の単位: 百万円 → 千円");
    assert_eq!(lines[1], "効果額の数え方: 単年度 → 累計");
    assert!(
        lines[2].starts_with("評価の区分: S 特に良好に進捗"),
        "{lines:?}"
    );
    assert!(
        lines[2].contains("A 良好に進捗") && lines[2].contains("A 計画どおり"),
        "{lines:?}"
    );
    assert_eq!(lines.len(), 3);
    // A level no longer left out of the rates' denominator (対象外) changes 群馬県's rates.
    let mut counted = old.clone();
    for level in &mut counted.measure_settings.rating_scale {
        level.not_applicable = false;
    }
    let changes = diff(&old, &counted);
    assert!(!changes.same);
    let said = changes.report[0].describe(Lang::Ja);
    assert!(said.contains("対象外［率の分母から除く］ →"), "{said}");
}

/// A changed baseline (基準値) and a changed direction change the 達成率 and 進捗率 a reader
/// sees: both are listed, as a changed target is.
#[test]
fn compare_lists_a_changed_baseline_and_a_changed_direction() {
    let old = seed_with_measures();
    let first = old.sections[0].initiatives[0].id;
    let mut doc = Document::new(old.clone(), Origin::Sample, Vec::new());
    doc.perform(Intent::Measure(MeasureIntent::SetIndicatorFigure {
        initiative: first,
        index: 0,
        field: IndicatorField::Baseline,
        text: "800".into(),
    }))
    .unwrap();
    doc.perform(Intent::Measure(MeasureIntent::SetDirection {
        initiative: first,
        index: 0,
        direction: shinchoku::model::measures::Direction::Lower,
    }))
    .unwrap();
    let changes = diff(&old, doc.report());
    let lines: Vec<String> = changes
        .changes
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert!(
        lines.contains(&"指標「電子申請件数」の基準値: — → 800".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"指標「電子申請件数」の向き: 高いほど良い → 低いほど良い".to_string()),
        "{lines:?}"
    );
    assert!(!changes.same);
    let english: Vec<String> = changes
        .changes
        .iter()
        .map(|c| c.describe(Lang::En))
        .collect();
    assert!(
        english.contains(
            &"indicator 「電子申請件数」 direction: higher is better → lower is better".to_string()
        ),
        "{english:?}"
    );
}

/// A 向き kept as written because it says no way the reader knows (English 「higher」) is listed
/// as written, never as the known way of the same name.
#[test]
fn a_direction_kept_as_written_is_listed_as_written() {
    let old = seed_with_measures();
    let first = old.sections[0].initiatives[0].id;
    let mut new = old.clone();
    new.initiative_mut(first).unwrap().measures_mut().indicators[0].direction_unread =
        "higher".into();
    // The words a known way is listed by read back as that way, so no unread text equals them.
    for way in [Direction::Higher, Direction::Lower] {
        assert_eq!(Direction::read(way.words()), Some(way));
    }
    for (lang, known) in [(Lang::Ja, "高いほど良い"), (Lang::En, "higher is better")] {
        let lines: Vec<String> = diff(&old, &new)
            .changes
            .iter()
            .map(|c| c.describe(lang))
            .collect();
        assert!(
            lines
                .iter()
                .any(|l| l.ends_with(&format!("{known} → higher"))),
            "{lines:?}"
        );
    }
}

/// The seed with numbers as the master, the survey sent to every division.
fn master() -> shinchoku::model::Report {
    sent(seed_with_measures())
}

/// When the divisions' answers are collected in these tests.
pub fn answered_at() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 10, 10)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The master's first initiative's division answering in its workbook: each `(old, new)`
/// typed into the 数値回答 cell holding `old`; the answer collected.
pub fn workbook_answer(
    master: &shinchoku::model::Report,
    typed: &[(&str, &str)],
) -> shinchoku::survey::collect::Collection {
    let first = &master.sections[0].initiatives[0];
    let division = measures_division(first).unwrap().to_string();
    let response = shinchoku::survey::response_for(master, &division, None, "");
    let mut book = shinchoku::survey::workbook::write(&response).unwrap();
    for (old, new) in typed {
        book = crate::type_into_workbook(&book, old, new);
    }
    let answer =
        shinchoku::survey::answer::answer_from_workbook(&book, format!("{division}.xlsx")).unwrap();
    collect(master, vec![Ok(answer)], answered_at())
}

/// `report` as the master of a survey sent to every division.
pub fn sent(report: shinchoku::model::Report) -> shinchoku::model::Report {
    let mut doc = Document::new(report, Origin::Sample, Vec::new());
    let divisions = shinchoku::survey::divisions(doc.report());
    let at = NaiveDate::from_ymd_opt(2017, 10, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    doc.perform(Intent::MarkSent {
        divisions,
        at,
        due: None,
        tokens: Default::default(),
    })
    .unwrap();
    doc.into_report()
}

#[test]
fn a_survey_answer_with_a_new_actual_is_collected() {
    let master = master();
    let first = &master.sections[0].initiatives[0];
    let division = measures_division(first).unwrap().to_string();
    let mut answer = Document::new(
        shinchoku::survey::response_for(&master, &division, None, ""),
        Origin::Sample,
        Vec::new(),
    );
    answer.perform(actual(first.id, "1,150")).unwrap();
    answer
        .perform(Intent::Measure(MeasureIntent::SetEffect {
            initiative: first.id,
            year: FY,
            actual: true,
            text: "3,250".into(),
        }))
        .unwrap();
    answer.perform(self_rating(first.id, "A")).unwrap();
    let answer = answer_from_report(answer.report().clone(), format!("{division}.ron")).unwrap();
    let at = answered_at();
    let collection = collect(&master, vec![Ok(answer)], at);
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    // The review says which initiative's numbers change, and shows old and new.
    let taken = &collection.taken[0];
    assert_eq!(taken.changed_numbers, vec![first.id]);
    let lines: Vec<String> =
        shinchoku::compare::change_list(taken.difference.as_ref().unwrap(), Lang::Ja)
            .into_iter()
            .map(|l| l.text)
            .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("実績") && l.contains("→ 1,150")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("自己評価") && l.contains("→ A")),
        "{lines:?}"
    );
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first.id).unwrap().measures();
    assert_eq!(m.indicators[0].actual_for(FY), Some(Decimal::whole(1150)));
    assert_eq!(m.effect(FY).unwrap().actual.yen, Some(3_250_000_000));
    assert_eq!(m.self_rating.as_ref().unwrap().code, "A");
    // The office's part is as it was.
    assert_eq!(m.indicators[0].target_for(FY), Some(Decimal::whole(1000)));
    assert_eq!(m.effect(FY).unwrap().planned.yen, Some(3_297_000_000));
    assert!(doc.undo());
    assert_eq!(*doc.report(), master);
}

#[test]
fn an_answer_cannot_bring_the_offices_numbers_in() {
    let master = master();
    let first = &master.sections[0].initiatives[0];
    let division = measures_division(first).unwrap().to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    // Edited by hand outside Shinchoku: a target and a review.
    let m = response.initiative_mut(first.id).unwrap().measures_mut();
    m.indicators[0].target = shinchoku::model::measures::Figure::of(Decimal::whole(1));
    m.review = m.self_rating.clone();
    let answer = answer_from_report(response, format!("{division}.ron")).unwrap();
    let at = answered_at();
    let collection = collect(&master, vec![Ok(answer)], at);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    assert_eq!(
        doc.report().initiative(first.id).unwrap().measures(),
        master.initiative(first.id).unwrap().measures()
    );
}

fn collected(
    master: &shinchoku::model::Report,
    response: shinchoku::model::Report,
    division: &str,
) -> shinchoku::survey::collect::Collection {
    let answer = answer_from_report(response, format!("{division}.ron")).unwrap();
    let at = answered_at();
    collect(master, vec![Ok(answer)], at)
}

#[test]
fn a_ron_answer_changing_the_offices_numbers_is_held_back_and_listed_for_the_review() {
    let master = master();
    let first = &master.sections[0].initiatives[0];
    let division = measures_division(first).unwrap().to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    // Edited by hand outside Shinchoku: the year's target, the review and the comment, beside
    // the division's own actual.
    let m = response.initiative_mut(first.id).unwrap().measures_mut();
    m.indicators[0].year_mut(FY).target = shinchoku::model::measures::Figure::of(Decimal::whole(1));
    m.indicators[0].year_mut(FY).actual =
        shinchoku::model::measures::Figure::of(Decimal::whole(950));
    m.review = m.self_rating.clone();
    m.comment = Some(shinchoku::model::measures::Comment {
        text: "順調".into(),
        ..Default::default()
    });
    let collection = collected(&master, response.clone(), &division);
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    let listed: Vec<String> = collection
        .conflicts()
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let line = &listed[0];
    assert!(
        line.contains("取組1: 数値目標・効果額・評価（回答の範囲外）を変更"),
        "{line}"
    );
    assert!(
        line.contains("29年度 目標 1000") && line.contains("29年度 目標 1 "),
        "{line}"
    );
    assert!(
        line.contains("本部評価 S") && line.contains("委員会意見 順調"),
        "{line}"
    );
    assert!(collection.conflicts()[0].acceptable());
    // Not ticked: the actual is taken, the office's part stays the master's.
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first.id).unwrap().measures();
    assert_eq!(m.indicators[0].actual_for(FY), Some(Decimal::whole(950)));
    assert_eq!(m.indicators[0].target_for(FY), Some(Decimal::whole(1000)));
    assert_eq!((m.review.as_ref(), m.comment.as_ref()), (None, None));
    // Ticked: the office takes its part as answered.
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[0]).unwrap()).unwrap();
    let m = doc.report().initiative(first.id).unwrap().measures();
    assert_eq!(m, response.initiative(first.id).unwrap().measures());
}

/// A response file answering two indicators of one name, a closed year's effect changed by
/// hand, and a new self-rating: each indicator takes its own answer (the second took the
/// first's: 13 was lost without a word), the closed year stays the report's and the change is
/// said (it was taken), and the rating is the division's, of the day it is taken (it kept the
/// old rating's who and when, or had none).
#[test]
fn a_ron_answer_keeps_like_named_indicators_apart_and_closed_years_closed() {
    use shinchoku::model::measures::{Figure, Money};
    let whole = |n| Figure::of(Decimal::whole(n));
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let twin = m.indicators[0].clone();
    m.indicators.push(twin);
    m.effect_mut(FiscalYear(2016)).actual = Money::yen(123_456_788_000);
    let master = sent(report);
    let i = master.initiative(first).unwrap();
    let division = measures_division(i).unwrap().to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let m = response.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].year_mut(FY).actual = whole(41);
    m.indicators[1].year_mut(FY).actual = whole(13);
    m.effect_mut(FiscalYear(2016)).actual = Money::yen(999_000);
    m.self_rating.as_mut().unwrap().code = "A".into();
    let c = collected(&master, response, &division);
    let said = crate::described_ja(&c.warnings);
    assert!(
        said.iter().any(|w| w.contains("平成28年度")
            && w.contains("123456.788")
            && w.contains("0.999")
            && w.contains("取り込みません")),
        "{said:#?}"
    );
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(c.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first).unwrap().measures();
    let actuals: Vec<_> = m.indicators.iter().map(|x| x.actual_for(FY)).collect();
    assert_eq!(
        actuals,
        [Some(Decimal::whole(41)), Some(Decimal::whole(13))]
    );
    assert_eq!(
        m.effect(FiscalYear(2016)).unwrap().actual,
        Money::yen(123_456_788_000)
    );
    let rating = m.self_rating.as_ref().unwrap();
    assert_eq!(
        (rating.code.as_str(), rating.by.as_str(), rating.on),
        ("A", division.as_str(), Some(answered_at().date()))
    );
}

/// A response file edited by hand that lost the first of two indicators of one name (their
/// targets differ): the second's answer goes to the second, and the first keeps the master's
/// actual (the second's 13 was taken into the first, the first's 7 overwritten).
#[test]
fn a_ron_answer_missing_one_of_two_like_named_indicators_does_not_cross_them() {
    use shinchoku::model::measures::Figure;
    let whole = |n| Figure::of(Decimal::whole(n));
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let mut twin = m.indicators[0].clone();
    twin.year_mut(FY).target = whole(2000);
    m.indicators.push(twin);
    m.indicators[0].year_mut(FY).actual = whole(7);
    let master = sent(report);
    let division = measures_division(master.initiative(first).unwrap())
        .unwrap()
        .to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let m = response.initiative_mut(first).unwrap().measures_mut();
    m.indicators.remove(0);
    m.indicators[0].year_mut(FY).actual = whole(13);
    let c = collected(&master, response, &division);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(c.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first).unwrap().measures();
    let actuals: Vec<_> = m.indicators.iter().map(|x| x.actual_for(FY)).collect();
    assert_eq!(actuals, [Some(Decimal::whole(7)), Some(Decimal::whole(13))]);
}

#[test]
fn a_ron_answer_changing_another_divisions_numbers_is_listed_and_never_taken() {
    let mut report = seed_with_measures();
    // Initiative 7's numbers are its first division's (行財政改革推進課); 福利厚生課 answers a
    // topic of it, so its response holds the initiative too.
    let seventh = report.initiatives().find(|i| i.number == "7").unwrap().id;
    report
        .initiative_mut(seventh)
        .unwrap()
        .measures_mut()
        .indicators = report.sections[0].initiatives[0]
        .measures()
        .indicators
        .clone();
    let master = sent(report);
    let owner = measures_division(master.initiative(seventh).unwrap()).unwrap();
    let division = "総務部福利厚生課";
    assert_ne!(owner, division);
    let mut response = shinchoku::survey::response_for(&master, division, None, "");
    let m = response.initiative_mut(seventh).unwrap().measures_mut();
    m.indicators[0].year_mut(FY).actual = shinchoku::model::measures::Figure::of(Decimal::whole(5));
    let collection = collected(&master, response, division);
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    assert_eq!(
        collection.conflicts().len(),
        1,
        "{:?}",
        collection.conflicts()
    );
    let conflict = &collection.conflicts()[0];
    assert!(!conflict.acceptable());
    let line = conflict.describe(Lang::En);
    assert!(
        line.contains("initiative 7: changes numbers or ratings outside its answer"),
        "{line}"
    );
    assert!(
        line.contains("29年度 目標 1000 実績 900") && line.contains("実績 5"),
        "{line}"
    );
    assert!(line.contains("cannot be taken"), "{line}");
    // Nothing of initiative 7 is taken.
    if let Some(intent) = collection.intent(&[0]) {
        let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
        doc.perform(intent).unwrap();
        assert_eq!(
            doc.report().initiative(seventh).unwrap().measures(),
            master.initiative(seventh).unwrap().measures()
        );
    }
}

#[test]
fn rolling_over_keeps_targets_and_scale_and_starts_the_new_years_actuals_empty() {
    let mut report = seed_with_measures();
    report.period = shinchoku::model::Period::FullYear;
    let first = report.sections[0].initiatives[0].id;
    let next = rollover(&report, RolloverTo::NextYear).unwrap();
    let new_year = FiscalYear(2018);
    assert_eq!(next.fiscal_year, new_year);
    assert_eq!(next.measure_settings, report.measure_settings);
    let m = next.initiative(first).unwrap().measures();
    let x = &m.indicators[0];
    // The final target is kept; no actual for the new year yet; the closed year's is kept.
    assert_eq!(x.target_for(new_year), Some(Decimal::whole(1200)));
    assert_eq!(x.actual_for(new_year), None);
    assert_eq!(x.actual_for(FY), Some(Decimal::whole(900)));
    assert_eq!(x.achievement_rate(new_year), None);
    // The closed year's ratings go into its history; the new year is not rated yet.
    assert!(m.self_rating.is_none());
    assert_eq!(m.past[0].fiscal_year, FY);
    assert_eq!(m.past[0].self_rating.as_ref().unwrap().code, "S");
    let tally = shinchoku::model::tally::Tally::of_report(&next);
    assert_eq!(tally.rated, 0);
    // Within the year, a half's rollover keeps everything.
    let mut half = seed_with_measures();
    half.period = shinchoku::model::Period::FirstHalf;
    let second = rollover(&half, RolloverTo::SecondHalf).unwrap();
    assert_eq!(
        second.initiative(first).unwrap().measures(),
        half.initiative(first).unwrap().measures()
    );
}

/// An actual typed into the next year's column before that year began: `check` says so (the
/// figure grouped, 「1,100」, as the change lists write it), and carrying the report into that
/// year, which keeps it as the year's actual, says so again.
#[test]
fn an_actual_typed_for_the_next_year_is_said_before_and_at_the_rollover() {
    let mut report = seed_with_measures();
    report.period = shinchoku::model::Period::FullYear;
    let first = report.sections[0].initiatives[0].id;
    let next_year = FiscalYear(2018);
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let name = m.indicators[0].name.clone();
    m.indicators[0].year_mut(next_year).actual =
        shinchoku::model::measures::Figure::of(Decimal::whole(1100));
    let said = |ws: &[shinchoku::model::diag::Warning]| -> Vec<String> {
        ws.iter()
            .map(|w| w.describe(Lang::Ja))
            .filter(|w| w.contains(&name) && w.contains("平成30年度実績「1,100」"))
            .collect()
    };
    let checked = shinchoku::model::check::warnings(&report);
    assert_eq!(said(&checked).len(), 1, "{checked:?}");
    assert!(
        said(&checked)[0].contains("平成29年度"),
        "{:?}",
        said(&checked)
    );

    let doc = Document::new(report.clone(), Origin::Sample, Vec::new());
    let rolled = doc.rolled_over(RolloverTo::NextYear).unwrap();
    let x = &rolled
        .report()
        .initiative(first)
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!(x.actual_for(next_year), Some(Decimal::whole(1100)), "kept");
    assert_eq!(said(&rolled.warnings).len(), 1, "said at the rollover");
    // Without one, nothing is said.
    let plain = Document::new(seed_with_measures(), Origin::Sample, Vec::new());
    let mut plain_report = plain.report().clone();
    plain_report.period = shinchoku::model::Period::FullYear;
    let plain = Document::new(plain_report, Origin::Sample, Vec::new());
    let rolled = plain.rolled_over(RolloverTo::NextYear).unwrap();
    assert!(
        !rolled
            .warnings
            .iter()
            .any(|w| w.describe(Lang::En).contains("earlier year"))
    );
}

#[test]
fn a_survey_answer_typed_into_the_workbook_brings_the_new_actual_in() {
    let master = master();
    let first = &master.sections[0].initiatives[0];
    // The division types into the yellow cells of 数値回答: the actual, the effect, a rating.
    let collection = workbook_answer(
        &master,
        &[("900", "１，１５０"), ("3100", "3,250"), ("S", "A")],
    );
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first.id).unwrap().measures();
    assert_eq!(m.indicators[0].actual_for(FY), Some(Decimal::whole(1150)));
    assert_eq!(m.effect(FY).unwrap().actual.yen, Some(3_250_000_000));
    assert_eq!(m.self_rating.as_ref().unwrap().code, "A");
    assert_eq!(m.indicators[0].target_for(FY), Some(Decimal::whole(1000)));
    // Sent back unchanged, the workbook changes none of the numbers.
    let collection = workbook_answer(&master, &[]);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    assert_eq!(
        doc.report().initiative(first.id).unwrap().measures(),
        master.initiative(first.id).unwrap().measures()
    );
}

#[test]
fn a_self_rating_typed_with_its_label_is_the_level_and_any_other_words_are_kept_as_written() {
    let master = master();
    let first = master.sections[0].initiatives[0].id;
    // The code taken in, and whether the review says it is no level of the scale.
    let rated = |typed: &str| {
        let collection = workbook_answer(&master, &[("S", typed)]);
        let said = collection
            .warnings
            .iter()
            .any(|w| w.describe(Lang::Ja).contains("は評価の区分"));
        let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
        doc.perform(collection.intent(&[]).unwrap()).unwrap();
        let m = doc.report().initiative(first).unwrap().measures().clone();
        (m.self_rating.unwrap().code, said)
    };
    // The code with the scale's own label, as the import reads it, is the level.
    assert_eq!(rated("A 良好に進捗"), ("A".into(), false));
    // In full width it is the level too, written as the scale writes it (it was kept 「Ａ」 in
    // the tables while the web page and the summary counted it as A).
    assert_eq!(rated("Ａ：良好に進捗"), ("A".into(), false));
    assert_eq!(rated("Ｓ"), ("S".into(), false));
    // Another label after the code is not that level: kept whole, and said in the review.
    assert_eq!(rated("A：一部遅れ"), ("A：一部遅れ".into(), true));
    // A level changed in the workbook is the division's, of the day it is taken (the old
    // level's who and when stayed beside it).
    let collection = workbook_answer(&master, &[("S", "A")]);
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first).unwrap().measures().clone();
    let rating = m.self_rating.unwrap();
    let division = measures_division(&master.sections[0].initiatives[0]).unwrap();
    assert_eq!(
        (rating.by.as_str(), rating.on),
        (division, Some(answered_at().date()))
    );
}

#[test]
fn the_web_page_has_the_summary_and_the_numbers_as_accessible_tables() {
    use scraper::{Html, Selector};
    let report = seed_with_measures();
    let page = Html::parse_document(&shinchoku::export::html::to_html(&report));
    let sel = |s: &str| Selector::parse(s).unwrap();
    let h2: Vec<String> = page
        .select(&sel("section h2"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(h2, ["数値目標・効果額・評価"]);
    let captions: Vec<String> = page
        .select(&sel("section table caption"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        captions,
        ["集計表", "数値目標と効果額（平成29年度）", "評価"]
    );
    // Every heading cell says what it heads.
    assert!(
        page.select(&sel("section th"))
            .all(|th| th.value().attr("scope").is_some())
    );
    let all = page
        .select(&sel("section tr"))
        .find(|tr| tr.text().collect::<String>().starts_with("全体"))
        .expect("a row for the whole programme");
    let cells: Vec<String> = all.select(&sel("td")).map(|e| e.text().collect()).collect();
    // S 1, A 2, B 0, C 0, 対象外 1, 7 unrated; S ÷ 10, (S + A) ÷ 10 (対象外 left out, the
    // unrated in); 3,297 百万円 planned, written as the printout writes it (the unit in the
    // heading).
    assert_eq!(
        cells,
        [
            "1", "2", "0", "0", "1", "7", "10%", "30%", "0 / 1", "3,297", "3,100"
        ]
    );
    let text: String = page.root_element().text().collect();
    assert!(text.contains("90%"), "電子申請件数: 900 of 1000");
    // The seed's page has none of it.
    let seed = shinchoku::export::html::to_html(&crate::seed().report);
    assert!(!seed.contains("数値目標"));
}

/// An indicator answered for the first half only, with a baseline: the web page, the printout
/// and `check --json` show the same actual — the half's, said so — and the same 進捗率
/// (the web page left the actual blank beside a 達成率 of 50%, and 進捗率 was shown nowhere).
#[test]
fn a_first_half_actual_and_its_progress_rate_are_in_every_output() {
    use shinchoku::model::measures::{Baseline, Figure};
    let mut report = seed_with_measures();
    let x = crate::measures::first_indicator(&mut report);
    let whole = |n| Figure::of(Decimal::whole(n));
    x.baseline = Some(Baseline {
        value: whole(600),
        year: None,
    });
    x.years[0].actual = Figure::default();
    x.years[0].first_half = whole(750);
    // Target 1,200 from 600: 750 is a quarter of the way; the year's target 1,000: 75%.
    let page = shinchoku::export::html::to_html(&report);
    let cells = page
        .split("<tr>")
        .find(|r| r.contains("電子申請件数"))
        .expect("the indicator's row");
    assert!(cells.contains("750（上半期）"), "{cells}");
    assert!(cells.contains("75%") && cells.contains("25%"), "{cells}");
    assert!(page.contains(">進捗率<"), "a heading for it");
    let json = serde_json::to_value(shinchoku::summary::ReportSummary::new(&report, &[])).unwrap();
    let x = &json["initiative_list"][0]["indicators"][0];
    assert_eq!(
        (x["actual"].as_f64(), x["progress_rate"].as_f64()),
        (Some(750.0), Some(25.0))
    );
    // Marked the first half's, as the page and the printout mark it (the JSON said nothing).
    assert_eq!(x["actual_first_half"], serde_json::json!(true));
    let text = crate::printed_text(&report);
    assert!(text.contains("実績750件（上半期）"), "{text}");
    assert!(text.contains("進捗率25%"), "{text}");
}

/// A number kept as written with a unit of its own (「300人」 in a 件 indicator) or in words
/// prints as written: the indicator's unit was put after it (「300人件」); one ending in a
/// number (「1.2億」) takes the unit.
#[test]
fn a_number_kept_as_written_with_its_own_unit_prints_without_another() {
    use shinchoku::model::measures::Figure;
    let mut report = seed_with_measures();
    let x = crate::measures::first_indicator(&mut report);
    x.years[0].actual = Figure {
        value: None,
        unread: "300人".into(),
    };
    x.years[0].target = Figure {
        value: None,
        unread: "1.2億".into(),
    };
    let text = crate::printed_text(&report);
    assert!(text.contains("実績300人達成率"), "{text}");
    assert!(text.contains("目標1.2億件"), "{text}");
}

/// The web page says under its 集計表 what the printout says under its own — how effects are
/// counted and which years the totals add, what no total takes — and who gave a rating or a
/// comment and when (the page had none of it).
#[test]
fn the_web_page_says_what_its_totals_count_and_who_rated() {
    use shinchoku::model::measures::{Comment, Effect, Money};
    let mut report = seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.effects.push(Effect {
        fiscal_year: FiscalYear(2016),
        planned: Money::yen(1_000_000),
        actual: Money {
            yen: None,
            unread: "1.2億".into(),
        },
    });
    let rating = m.self_rating.as_mut().unwrap();
    rating.by = "総務部人事課長".into();
    rating.on = NaiveDate::from_ymd_opt(2017, 10, 5);
    m.comment = Some(Comment {
        text: "着実に進んでいる".into(),
        by: "行財政改革推進委員会".into(),
        on: NaiveDate::from_ymd_opt(2017, 11, 20),
    });
    let page = shinchoku::export::html::to_html(&report);
    assert!(
        page.contains(
            "各年度の額はその年度の効果: 合計は各年度の額の和（計画額は平成28年度～平成29年度、実績額は平成29年度の額）"
        ),
        "{page}"
    );
    assert!(page.contains("数として読めない効果額 1 件 「1.2億」 は合計に含みません"));
    assert!(page.contains("（総務部人事課長、2017年10月5日）"));
    assert!(page.contains("着実に進んでいる（行財政改革推進委員会、2017年11月20日）"));
}

#[test]
fn numbers_a_division_wrote_that_cannot_be_read_are_kept_and_said_in_the_review_and_check() {
    let master = master();
    let first = &master.sections[0].initiatives[0];
    let collection = workbook_answer(
        &master,
        &[("900", "約1,100"), ("3100", "1.2億"), ("S", "AA")],
    );
    let said = crate::described_ja(&collection.warnings);
    for (place, text) in [
        (
            "指標「電子申請件数」の平成29年度実績",
            "「約1,100」: 数として読めません",
        ),
        (
            "平成29年度の効果額（実績）",
            "「1.2億」: 億・万の付いた数は読みません",
        ),
        (
            "自己評価",
            "評価「AA」は評価の区分（S・A・B・C・対象外）にありません",
        ),
    ] {
        assert!(
            said.iter()
                .any(|s| s.contains(&format!("取組{} {place}", first.number)) && s.contains(text)),
            "{place} {text}: {said:?}"
        );
    }
    // Taken as written, and `check` of the master says the same.
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let m = doc.report().initiative(first.id).unwrap().measures();
    assert_eq!(m.indicators[0].year(FY).unwrap().actual.unread, "約1,100");
    assert_eq!(m.effect(FY).unwrap().actual.unread, "1.2億");
    assert_eq!(m.self_rating.as_ref().unwrap().code, "AA");
    let checked: Vec<String> = shinchoku::model::check::warnings(doc.report())
        .iter()
        .map(|w| format!("{}: {}", w.at.describe(Lang::Ja), w.kind.describe(Lang::Ja)))
        .collect();
    assert_eq!(
        checked.iter().filter(|w| w.starts_with("取組")).count(),
        3,
        "{checked:?}"
    );
}

#[test]
fn a_number_typed_that_cannot_be_read_is_warned_of_at_once_and_undo_takes_the_warning_away() {
    let mut doc = Document::new(seed_with_measures(), Origin::Sample, Vec::new());
    let first = doc.report().sections[0].initiatives[0].id;
    let measure_warnings = |doc: &Document| -> Vec<String> {
        doc.warnings
            .iter()
            .filter(|w| w.at.measure.is_some())
            .map(|w| format!("{}: {}", w.at.describe(Lang::Ja), w.kind.describe(Lang::Ja)))
            .collect()
    };
    assert!(measure_warnings(&doc).is_empty());
    doc.perform(actual(first, "約1,100")).unwrap();
    let said = measure_warnings(&doc);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("指標「電子申請件数」の平成29年度実績") && said[0].contains("「約1,100」"),
        "{said:?}"
    );
    assert!(doc.undo());
    assert!(measure_warnings(&doc).is_empty());
    assert!(doc.redo());
    assert_eq!(measure_warnings(&doc).len(), 1);
    doc.perform(actual(first, "1,100")).unwrap();
    assert!(measure_warnings(&doc).is_empty());
}

#[test]
fn a_rating_the_scale_lacks_is_counted_in_the_web_pages_summary_as_in_the_printout() {
    use scraper::{Html, Selector};
    let mut report = seed_with_measures();
    let second = report.sections[0].initiatives[1].id;
    report
        .initiative_mut(second)
        .unwrap()
        .measures_mut()
        .self_rating = Some(shinchoku::model::measures::Rating {
        code: "AA".into(),
        ..Default::default()
    });
    let page = Html::parse_document(&shinchoku::export::html::to_html(&report));
    let sel = |s: &str| Selector::parse(s).unwrap();
    let table = page.select(&sel("section table")).next().unwrap();
    let headings: Vec<String> = table
        .select(&sel("thead th"))
        .map(|e| e.text().collect())
        .collect();
    let at = headings
        .iter()
        .position(|h| h == "AA（評価基準にない）")
        .expect("a column for AA, said to be no level of the scale as the printout says it");
    let all: Vec<String> = table
        .select(&sel("tbody tr"))
        .find(|tr| tr.text().collect::<String>().starts_with("全体"))
        .unwrap()
        .children()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(all[at], "1", "{headings:?} {all:?}");
}

/// A response file whose division changed how the numbers read — the rating scale, the money
/// unit, the counting of effects — is the office's to change: each change is listed with old
/// and new, held back, and the master reads as before (they were taken in silence and dropped,
/// or taken).
#[test]
fn a_response_changing_the_scale_unit_or_counting_is_listed_and_held_back() {
    use shinchoku::model::measures::{Counting, YenUnit};
    use shinchoku::survey::conflict::ConflictKind;
    let master = master();
    let division = measures_division(&master.sections[0].initiatives[0])
        .unwrap()
        .to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let settings = &mut response.measure_settings;
    settings.rating_scale[0].label = "とても良い".into();
    settings.yen_unit = YenUnit::Thousand;
    settings.counting = Counting::Cumulative;
    let answer = answer_from_report(response, format!("{division}.ron")).unwrap();
    let collection = collect(&master, vec![Ok(answer)], answered_at());
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    let fields: Vec<(&str, &str, &str)> = collection
        .conflicts()
        .iter()
        .filter_map(|c| match c.kind {
            ConflictKind::ReportField { field } => Some((field, c.old.as_str(), c.new.as_str())),
            _ => None,
        })
        .collect();
    for field in ["rating_scale", "yen_unit", "counting"] {
        let (_, old, new) = fields
            .iter()
            .find(|f| f.0 == field)
            .unwrap_or_else(|| panic!("{field}: {fields:?}"));
        assert_ne!(old, new, "{field}");
    }
    assert!(
        fields.iter().any(|f| f.2.contains("とても良い")),
        "{fields:?}"
    );
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    if let Some(intent) = collection.intent(&[]) {
        doc.perform(intent).unwrap();
    }
    assert_eq!(doc.report().measure_settings, master.measure_settings);
}

/// A response file changing a final target (the office's, held), a closed year's actual (not
/// taken, said), who rated and the code in another width (`Ａ`): ticking the held target
/// takes the target alone. It took the answer's numbers whole — the closed year's actual the
/// review said was not taken, the rater and date as typed, `Ａ` instead of the scale's `A`.
#[test]
fn ticking_a_held_target_takes_the_target_alone() {
    use shinchoku::model::measures::Rating;
    use shinchoku::survey::conflict::ConflictKind;
    let master = master();
    let first = master.sections[0].initiatives[0].id;
    let division = measures_division(master.initiative(first).unwrap())
        .unwrap()
        .to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let m = response.initiative_mut(first).unwrap().measures_mut();
    m.indicators[0].target = Figure::of(Decimal::whole(1300));
    m.indicators[0].year_mut(FiscalYear(2016)).actual = Figure::of(Decimal::whole(777));
    m.self_rating = Some(Rating {
        code: "Ａ".into(),
        by: "誰かが書いた".into(),
        on: NaiveDate::from_ymd_opt(2017, 1, 1),
        ..Default::default()
    });
    let answer = answer_from_report(response, format!("{division}.ron")).unwrap();
    let collection = collect(&master, vec![Ok(answer)], answered_at());
    let held: Vec<usize> = (collection.conflicts().iter().enumerate())
        .filter(|(_, c)| matches!(c.kind, ConflictKind::Measures { .. }))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(held.len(), 1, "{:?}", collection.conflicts());
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&held).unwrap()).unwrap();
    let m = doc.report().initiative(first).unwrap().measures();
    assert_eq!(m.indicators[0].target.value, Some(Decimal::whole(1300)));
    assert!(m.indicators[0].year(FiscalYear(2016)).is_none());
    let rating = m.self_rating.as_ref().unwrap();
    assert_eq!(
        (rating.code.as_str(), rating.by.as_str()),
        ("A", division.as_str())
    );
    assert_eq!(rating.on, Some(answered_at().date()));
    // Who rated and when, as the answer changed them, are said: they vanished without a word.
    let said: Vec<String> = (collection.warnings.iter())
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("評価者・評価日") && s.contains("誰かが書いた 2017-01-01")),
        "{said:?}"
    );
}

/// The first initiative's division answering twice in its response file as sent, `one` edit
/// in the first answer (taken in), `two` in the second: the second's collection.
fn answered_twice(one: Intent, two: Intent) -> shinchoku::survey::collect::Collection {
    let master = master();
    let first = master.sections[0].initiatives[0].id;
    let division = measures_division(master.initiative(first).unwrap())
        .unwrap()
        .to_string();
    let sent_copy = shinchoku::survey::response_for(&master, &division, None, "");
    let answer = |edit: Intent| {
        let mut doc = Document::new(sent_copy.clone(), Origin::Sample, Vec::new());
        doc.perform(edit).unwrap();
        answer_from_report(doc.report().clone(), format!("{division}.ron")).unwrap()
    };
    let collection = collect(&master, vec![Ok(answer(one))], answered_at());
    let mut doc = Document::new(master.clone(), Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let later = answered_at() + chrono::Duration::hours(1);
    collect(doc.report(), vec![Ok(answer(two))], later)
}

/// A second answer leaving an actual as sent over the first answer's, and changing the rating:
/// the held putting-back lists the actual alone — the rating is taken with the answer, and was
/// listed as held too.
#[test]
fn a_held_put_back_lists_only_what_it_puts_back() {
    use shinchoku::survey::conflict::ConflictKind;
    let first = master().sections[0].initiatives[0].id;
    let collection = answered_twice(actual(first, "950"), self_rating(first, "A"));
    let back: Vec<&Vec<shinchoku::compare::What>> = (collection.conflicts().iter())
        .filter_map(|c| match &c.kind {
            ConflictKind::NumbersBack { changes, .. } => Some(changes),
            _ => None,
        })
        .collect();
    assert_eq!(back.len(), 1, "{:?}", collection.conflicts());
    let listed: Vec<String> = back[0].iter().map(|w| format!("{w:?}")).collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(!listed[0].contains("Rating"), "{listed:?}");
}

/// Who rated and when left as sent are no change, whatever the master records since: a second
/// answer of the same response file (its rating taken before, recording the division and the
/// day) changing an actual says nothing of the rater — it said the rater was changed.
#[test]
fn a_rater_left_as_sent_is_not_said_after_the_rating_was_taken() {
    use shinchoku::model::diag::WarningKind;
    use shinchoku::model::measure_warning::MeasureWarning;
    let first = master().sections[0].initiatives[0].id;
    // The second: the same file as sent (its rater 総務部人事課, no day), an actual changed.
    let collection = answered_twice(self_rating(first, "A"), actual(first, "950"));
    assert!(
        !collection.warnings.iter().any(|w| matches!(
            &w.warning.kind,
            WarningKind::Measure {
                warning: MeasureWarning::RaterNotTaken { .. }
            }
        )),
        "{:?}",
        collection.warnings
    );
}

/// A response sent before how the numbers read was recorded, coming back as it was while the
/// office changed the money unit since: not listed as the division's change (it was).
#[test]
fn an_older_response_is_not_said_to_change_the_unit_the_office_changed() {
    use shinchoku::model::measures::YenUnit;
    use shinchoku::survey::conflict::ConflictKind;
    let master = master();
    let division = measures_division(&master.sections[0].initiatives[0])
        .unwrap()
        .to_string();
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let newer = ["report/yen_unit", "report/counting", "report/rating_scale"];
    if let Some(r) = response.response.as_mut() {
        r.sent.retain(|(key, _)| !newer.contains(&key.as_str()));
    }
    let mut changed = master.clone();
    changed.measure_settings.yen_unit = YenUnit::Thousand;
    let answer = answer_from_report(response, format!("{division}.ron")).unwrap();
    let collection = collect(&changed, vec![Ok(answer)], answered_at());
    assert!(
        !collection
            .conflicts()
            .iter()
            .any(|c| matches!(c.kind, ConflictKind::ReportField { .. })),
        "{:?}",
        collection.conflicts()
    );
}

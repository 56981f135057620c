//! Comparing reports (issue 12): the seed against itself and against edited copies, two
//! imports of one table, a later table, and a report carried through a year.

use shinchoku::compare::{self, Matching, RolloverError, RolloverTo, What};
use shinchoku::import::import_bytes;
use shinchoku::lang::Lang;
use shinchoku::model::{Entry, FiscalYear, Id, Period, Report, Side, entry_text, links};

use crate::{SEED, initiative, seed};

fn kinds(diff: &compare::Diff) -> Vec<String> {
    diff.changes
        .iter()
        .map(|c| {
            serde_json::to_value(c).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Every top-level result of the report, by id.
fn result_ids(report: &Report) -> Vec<Id> {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter().map(|e| e.id))
        .collect()
}

#[test]
fn the_seed_against_itself_shows_no_change() {
    let r = seed().report;
    let diff = compare::diff(&r, &r);
    assert!(diff.same, "{:#?}", diff.changes);
    assert!(diff.changes.is_empty() && diff.report.is_empty());
    assert_eq!(diff.matched_by, Matching::Id);
    assert_eq!(
        compare::change_list_text(&diff, Lang::En).lines().nth(1),
        Some("  no changes")
    );
}

#[test]
fn one_result_edited_one_entry_added_one_stage_moved_show_exactly_those_three() {
    let old = seed().report;
    let mut new = old.clone();
    // A result without sub-items, its text edited in place (id and links kept).
    let four = initiative(&new, "4").clone();
    let (topic, edited) = four
        .topics
        .iter()
        .find_map(|t| {
            t.actual
                .iter()
                .find(|e| e.subs.is_empty())
                .map(|e| (t.id, e.clone()))
        })
        .expect("a result without sub-items");
    let (changed, _) = entry_text::with_text(&mut new, &edited, &format!("全庁で{}", edited.text));
    *new.entry_mut(edited.id).unwrap() = changed;
    // A new result, reporting nothing planned.
    let (added, problems) = entry_text::new_entry(&mut new, "職員向け説明会の開催(7月～8月)");
    assert!(problems.is_empty());
    let added_id = added.id;
    new.topic_mut(topic).unwrap().actual.push(added);
    // The last stage of a lane over several years ends a year earlier.
    let item = new
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.items.iter_mut())
        .find(|x| {
            x.lanes
                .first()
                .and_then(|l| l.last())
                .is_some_and(|s| s.first < s.last)
        })
        .expect("a stage over several years");
    let item_id = item.id;
    let span = item.lanes[0].last_mut().unwrap();
    span.last = FiscalYear(span.last.0 - 1);

    let diff = compare::diff(&old, &new);
    assert_eq!(diff.matched_by, Matching::Id);
    assert!(diff.report.is_empty(), "{:?}", diff.report);
    assert_eq!(
        kinds(&diff),
        ["stage_moved", "entry_changed", "entry_added"],
        "{:#?}",
        diff.changes
    );
    let by_kind = |k: &str| {
        diff.changes
            .iter()
            .zip(kinds(&diff))
            .find(|(_, kind)| kind == k)
            .map(|(c, _)| c.clone())
            .unwrap()
    };
    assert_eq!(by_kind("entry_changed").new_id, Some(edited.id));
    assert_eq!(by_kind("entry_added").new_id, Some(added_id));
    assert_eq!(by_kind("stage_moved").new_id, Some(item_id));
    // The change list: one heading per initiative, the change under it.
    let text = compare::change_list_text(&diff, Lang::Ja);
    assert!(text.contains("取組4 "), "{text}");
    assert!(
        text.contains("実績を追加: 職員向け説明会の開催(7月～8月)"),
        "{text}"
    );
    assert!(text.contains("全庁で"), "{text}");
}

#[test]
fn two_imports_of_one_table_in_utf8_and_cp932_compare_equal() {
    let crlf = SEED.replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&crlf);
    assert!(!unmappable);
    let cp932 = import_bytes(&bytes).expect("CP932 imports").report;
    let diff = compare::diff(&seed().report, &cp932);
    assert!(diff.same, "{:#?}", diff.changes);
}

#[test]
fn a_later_table_adding_a_section_and_an_initiative_with_other_wave_dashes_shows_just_those() {
    let lines: Vec<&str> = SEED.lines().collect();
    let mut later: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    later.push(String::new());
    later.push(lines[31].to_string()); // the header row
    later.push(lines[32].replace(
        "Ⅲ 残された課題への的確な対応に向けて",
        "Ⅳ 新たな課題への挑戦",
    ));
    for l in &lines[53..57] {
        later.push(l.replace(
            "10\t⑤ 情報セキュリティの確保",
            "12\t① 新たな行政サービスの創出",
        ));
    }
    let later = later.join("\n").replace('～', "〜");
    assert!(later.contains('〜') && !later.contains('～'));
    let old = seed().report;
    let new = import_bytes(later.as_bytes())
        .expect("the later table imports")
        .report;
    assert_eq!(new.initiative_count(), 12);
    let diff = compare::diff(&old, &new);
    assert!(diff.report.is_empty(), "{:?}", diff.report);
    assert_eq!(
        kinds(&diff),
        ["section_added", "initiative_added"],
        "{:#?}",
        diff.changes
    );
    assert!(matches!(
        &diff.changes[1].what,
        What::InitiativeAdded { number, .. } if number == "12"
    ));
}

#[test]
fn a_separate_import_whose_ids_shifted_pairs_by_text() {
    // As a second table imported on its own numbers its ids: one result more at the start
    // shifts the id of everything after it, so the same id means another thing.
    let old = seed().report;
    let mut new = old.clone();
    let (extra, _) = entry_text::new_entry(&mut new, "庁内報での紹介");
    let topic = old
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| !t.actual.is_empty())
        .expect("a topic with results");
    new.topic_mut(topic.id).unwrap().actual.insert(0, extra);
    new.number_in_document_order();
    // The links are proposed afresh, as the importer does.
    fn unlink(list: &mut [Entry]) {
        for e in list {
            e.reports.clear();
            unlink(&mut e.subs);
        }
    }
    for s in &mut new.sections {
        for i in &mut s.initiatives {
            for t in &mut i.topics {
                unlink(&mut t.actual);
            }
        }
    }
    links::propose_all(&mut new);
    let first = &topic.actual[0];
    let now = new.entry(first.id).expect("the id is in use again");
    assert_ne!(now.text, first.text, "the same id means another thing");
    let diff = compare::diff(&old, &new);
    assert_eq!(diff.matched_by, Matching::Content);
    assert_eq!(kinds(&diff), ["entry_added"], "{:#?}", diff.changes);
}

#[test]
fn a_first_half_rolled_to_the_second_half_then_the_next_year_reads_as_a_person_writes_it() {
    let h1 = seed().report;
    let results = result_ids(&h1);

    let h2 = compare::rollover(&h1, RolloverTo::SecondHalf).expect("to the second half");
    assert_eq!(h2.fiscal_year, FiscalYear(2017));
    assert_eq!(h2.period, Period::SecondHalf);
    assert_eq!(h2.actual_heading(), "下半期実績(10月～3月)");
    assert_eq!(h2.as_of().to_japanese(h2.fiscal_year), "2017年9月30日");
    assert_eq!(
        h2.title,
        "平成 29 年度「第二次三重県行財政改革取組」具体的取組 下半期(10月～3月)実績"
    );
    // The first half's results stay, shown as the first half's, each once.
    assert_eq!(result_ids(&h2), results);
    for id in &results {
        assert_eq!(
            h2.earlier_period_of(*id).map(|p| p.period),
            Some(Period::FirstHalf)
        );
    }
    let diff = compare::diff(&h1, &h2);
    assert_eq!(diff.matched_by, Matching::Id);
    assert_eq!(diff.new.as_of, "2017-09-30");
    let fields: Vec<&str> = diff.report.iter().map(|f| f.field).collect();
    assert_eq!(fields, ["title", "period", "actual_heading"]);
    assert!(
        !kinds(&diff).iter().any(|k| k.starts_with("entry")),
        "no entry changes: {:#?}",
        diff.changes
    );

    let full = compare::rollover(&h1, RolloverTo::FullYear).expect("to the full year");
    assert_eq!(full.actual_heading(), "実績");
    assert_eq!(full.as_of().to_japanese(full.fiscal_year), "2017年9月30日");

    let y2 = compare::rollover(&h2, RolloverTo::NextYear).expect("to the next year");
    assert_eq!(y2.fiscal_year, FiscalYear(2018));
    assert_eq!(y2.fiscal_year.era_form(), "平成30年度");
    assert_eq!(y2.period, Period::FirstHalf);
    assert_eq!(y2.plan_years, h1.plan_years);
    assert_eq!(y2.actual_heading(), "上半期実績(4月～9月)");
    assert_eq!(y2.plan_heading(), "平成 30 年度 年次計画");
    assert_eq!(y2.as_of().to_japanese(y2.fiscal_year), "2018年4月1日");
    assert_eq!(
        y2.title,
        "平成 30 年度「第二次三重県行財政改革取組」具体的取組 上半期(4月～9月)実績"
    );
    assert!(
        result_ids(&y2).is_empty(),
        "the new year starts without results"
    );
    // The new 年次計画 comes from the stage plan: initiative 1's item is 順次実施 in 30年度.
    let one = initiative(&y2, "1");
    let plan: Vec<&Entry> = one.topics.iter().flat_map(|t| t.plan.iter()).collect();
    assert!(
        plan.iter()
            .any(|e| e.text.starts_with("協創の取組を進めるための研修の充実：")),
        "{:?}",
        plan.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
    // No result lost: each is in the history, and the comparison says it went there.
    let diff = compare::diff(&h2, &y2);
    assert_eq!(diff.matched_by, Matching::Id);
    assert_eq!(diff.new.as_of, "2018-04-01");
    for id in &results {
        let found = y2.archived(*id).expect("the result is in the history");
        assert_eq!(found.period.fiscal_year, FiscalYear(2017));
        let change = diff
            .changes
            .iter()
            .find(|c| c.old_id == Some(*id))
            .expect("the comparison tells where it went");
        assert!(
            matches!(
                change.what,
                What::EntryArchived {
                    side: Side::Actual,
                    fiscal_year: 2017,
                    ..
                }
            ),
            "{change:?}"
        );
    }
    assert!(!kinds(&diff).contains(&"entry_removed".to_string()));
    // Saved and opened again, the history is still there.
    let reopened = shinchoku::store::from_ron(&shinchoku::store::to_ron(&y2)).unwrap();
    assert_eq!(reopened, y2);
}

#[test]
fn the_programmes_last_plan_year_says_so_instead_of_rolling_over() {
    let h1 = seed().report;
    assert_eq!(
        compare::rollover(&h1, RolloverTo::NextYear),
        Err(RolloverError::YearNotClosed)
    );
    let mut report = h1;
    for _ in 0..2 {
        let h2 = compare::rollover(&report, RolloverTo::SecondHalf).unwrap();
        report = compare::rollover(&h2, RolloverTo::NextYear).unwrap();
    }
    assert_eq!(report.fiscal_year.era_form(), "令和元年度");
    assert!(
        report.title.starts_with("令和 元 年度「"),
        "{}",
        report.title
    );
    let last = compare::rollover(&report, RolloverTo::FullYear).unwrap();
    let err = compare::rollover(&last, RolloverTo::NextYear).unwrap_err();
    assert_eq!(
        err,
        RolloverError::LastPlanYear {
            fiscal_year: FiscalYear(2019)
        }
    );
    assert!(err.to_string().contains("last plan year"), "{err}");
}

/// Issue 24: a result typed into an initiative the comparison already marks is compared again
/// alone, and what the grid then shows is what comparing the whole report shows: for each
/// initiative of the seed, results typed, months changed, an entry added and one removed, an
/// indicator added with its actual and a self-rating (issue 25). The report's own settings
/// (scale, unit) are every initiative's: compared whole.
#[test]
fn a_step_within_one_initiative_compared_alone_equals_the_whole_comparison() {
    use shinchoku::compare::Comparison;
    use shinchoku::document::{Document, Origin};
    use shinchoku::edit::Intent;
    use shinchoku::edit::measures::{IndicatorField, MeasureIntent, RatingLayer};
    let old = seed().report;
    let mut doc = Document::new(old.clone(), Origin::Sample, Vec::new());
    let mut comparison = Comparison::new("old", old.clone(), doc.report());
    let mut alone = 0;
    for initiative in old.initiatives() {
        let Some(topic) = initiative.topics.iter().find(|t| !t.actual.is_empty()) else {
            continue;
        };
        let (first, topic_id) = (topic.actual[0].id, topic.id);
        let steps = [
            Intent::SetEntryText {
                id: first,
                text: "研修の実施（参加者40名）(7月)".into(),
            },
            Intent::AddEntry {
                topic: topic_id,
                side: Side::Actual,
                text: "説明会の開催(8月～9月)".into(),
            },
            Intent::SetEntryText {
                id: first,
                text: "研修の実施(7月～8月)".into(),
            },
            Intent::RemoveEntry { id: first },
            // Its numbers and judgements (issue 25): an indicator, its actual, a rating.
            Intent::Measure(MeasureIntent::AddIndicator {
                initiative: initiative.id,
                name: "研修受講者数".into(),
                unit: "人".into(),
            }),
            Intent::Measure(MeasureIntent::SetIndicatorFigure {
                initiative: initiative.id,
                index: 0,
                field: IndicatorField::YearActual(old.fiscal_year),
                text: "１２０".into(),
            }),
            Intent::Measure(MeasureIntent::SetRating {
                initiative: initiative.id,
                layer: RatingLayer::SelfRating,
                code: "A".into(),
                by: String::new(),
                on: None,
            }),
        ];
        for step in steps {
            // A removed entry leaves nothing to find its initiative by: compared whole.
            let within = step.target().and_then(|t| t.initiative(doc.report()));
            let removes = matches!(step, Intent::RemoveEntry { .. });
            assert_eq!(within, (!removes).then_some(initiative.id), "{step:?}");
            doc.perform(step).unwrap();
            if !comparison.refresh_initiative(doc.report(), initiative.id) {
                comparison.refresh(doc.report());
            } else {
                alone += 1;
            }
            assert_eq!(
                *comparison.diff(),
                compare::diff(&old, doc.report()),
                "initiative {}",
                initiative.number
            );
        }
    }
    let settings = Intent::Measure(MeasureIntent::SetSettings(Box::new(
        shinchoku::model::measures::MeasureSettings {
            yen_unit: shinchoku::model::measures::YenUnit::Million,
            ..Default::default()
        },
    )));
    assert_eq!(settings.target(), None);
    assert!(alone >= 35, "compared alone {alone} times");
}

/// A note written inside a counts bracket (`(4回・103名受講、追加)`): the counts are still read,
/// the result still reports its plan line, and the change list says the text changed — not the
/// counts (they are the same), and no link removed (the bracket became part of the name).
#[test]
fn a_note_added_in_a_counts_bracket_is_a_change_of_text_and_keeps_the_link() {
    let old = seed().report;
    let typed = SEED.replace(
        "新規採用職員研修(4回・103名受講)(4月)",
        "新規採用職員研修(4回・103名受講、追加)(4月)",
    );
    let new = shinchoku::import::import_text(&typed).unwrap().report;
    let result = initiative(&new, "10").topics[0].actual[0].subs[0].clone();
    assert_eq!(result.text, "新規採用職員研修(4回・103名受講、追加)(4月)");
    assert_eq!(result.label, "新規採用職員研修");
    let counts: Vec<&str> = result.counts.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(counts, ["4回", "103名受講"]);
    assert!(!result.reports.is_empty(), "{result:#?}");
    let text = compare::change_list_text(&compare::diff(&old, &new), Lang::Ja);
    let changed: Vec<&str> = text.lines().skip(1).map(str::trim).collect();
    assert_eq!(changed.len(), 2, "{text}");
    assert!(changed[1].contains("（文）"), "{text}");
}

/// A result holding a lone carriage return (typed in an old Mac editor or pasted): the change
/// list shows it as a line break (listing it overflowed the stack and killed `diff`, `collect`
/// and the window's review).
#[test]
fn a_result_with_a_lone_carriage_return_is_listed_as_two_lines() {
    let old = seed().report;
    let mut new = old.clone();
    let result = initiative(&new, "2").topics[0].actual[0].clone();
    let (changed, _) = entry_text::with_text(&mut new, &result, "CRのみ\r後半(6月)");
    *new.entry_mut(result.id).unwrap() = changed;
    let text = compare::change_list_text(&compare::diff(&old, &new), Lang::Ja);
    assert!(text.contains("CRのみ / 後半(6月)"), "{text}");
}

/// Initiatives put in another order within their section, and sections in another order: each
/// listed (the fewest that moved), where `diff` said "no changes" while every printout and
/// export lists them in the new order. A section moved whole moves none of its initiatives.
#[test]
fn initiatives_and_sections_put_in_another_order_are_listed() {
    let old = seed().report;
    let mut new = old.clone();
    new.sections[0].initiatives.swap(0, 1);
    new.sections.swap(1, 2);
    let d = compare::diff(&old, &new);
    let lines: Vec<String> = (compare::change_list(&d, Lang::Ja).into_iter())
        .map(|l| l.text)
        .collect();
    let listed: Vec<&String> = lines.iter().filter(|l| l.contains("順序を変更")).collect();
    assert_eq!(listed.len(), 2, "{lines:#?}");
    assert!(
        listed
            .iter()
            .any(|l| l.contains("取組の順序を変更（区分の中で")),
        "{listed:?}"
    );
    assert!(
        listed.iter().any(|l| l.contains("区分の順序を変更（")),
        "{listed:?}"
    );
    assert!(!d.same);
    let en: Vec<String> = (compare::change_list(&d, Lang::En).into_iter())
        .map(|l| l.text)
        .collect();
    let en = en.join("\n");
    assert!(en.contains("initiative reordered in its section"), "{en}");
}

/// Two results written alike for their first 250 characters, told apart at their ends (where
/// and when): compared by their first 200 characters alone they were the same to the pairing,
/// and `diff` and `collect` paired the one removed with the other rewritten. Long names are
/// compared by both ends.
#[test]
fn long_results_alike_at_the_start_are_told_apart_by_their_ends() {
    use shinchoku::model::links::similarity;
    let common = "県内各地域における協創の取組事例を収集し、".repeat(12);
    let north = format!("{common}北勢地域の事例をポータルサイトに掲載(5月)");
    let south = format!("{common}南勢地域の事例をポータルサイトに掲載(6月)");
    let south_more =
        format!("{common}南勢地域及び伊賀地域の事例をポータルサイトに掲載し、職員へ周知(6月)");
    assert!(common.chars().count() > 200);
    assert!(
        similarity(&south, &south_more) > similarity(&north, &south_more),
        "{} vs {}",
        similarity(&south, &south_more),
        similarity(&north, &south_more)
    );
}

//! Edit commands and their inverses, undo/redo, and the derived status.

use proptest::prelude::*;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::{self, Edit, apply};
use shinchoku::model::entry_text;
use shinchoku::model::months::parse_timing;
use shinchoku::model::status::{Status, summary, topic_status};
use shinchoku::model::{AsOf, FiscalYear, Period, Report, Side, StageSpan};

use crate::{initiative, seed};

/// Applies the edit, checks it changed something, and that its inverse gives back the report.
fn round_trip(report: &mut Report, edit: Edit) -> Report {
    let before = report.clone();
    let inverse = apply(report, edit).expect("the edit applies");
    assert!(*report != before, "the edit changed nothing");
    let after = report.clone();
    apply(report, inverse).expect("the inverse applies");
    assert!(
        *report == before,
        "the inverse did not give back the report"
    );
    after
}

#[test]
fn every_command_has_its_inverse() {
    let mut r = seed().report;
    let four = initiative(&r, "4").clone();
    let topic = four.topics[0].id;
    let entry = four.topics[0].actual[0].clone();
    let sub = entry.subs[0].id;

    let (new, problems) = entry_text::new_entry(&mut r, "職員への説明会の開催(7月～8月)");
    assert!(problems.is_empty());
    let after = round_trip(
        &mut r,
        Edit::InsertEntry {
            topic,
            side: Side::Actual,
            parent: None,
            index: 1,
            entry: new.clone(),
        },
    );
    assert_eq!(initiative(&after, "4").topics[0].actual[1], new);

    let after = round_trip(&mut r, Edit::RemoveEntry { id: entry.id });
    assert_eq!(initiative(&after, "4").topics[0].actual.len(), 1);
    round_trip(&mut r, Edit::RemoveEntry { id: sub });
    round_trip(
        &mut r,
        Edit::MoveEntry {
            id: entry.id,
            index: 1,
        },
    );
    let changed = entry_text::with_timing(&entry, Some(parse_timing("7月").unwrap()));
    round_trip(&mut r, Edit::ReplaceEntry { entry: changed });

    let (t, _) = (
        edit::new_topic(&mut r, Some("新しい見出し".into()), None),
        (),
    );
    round_trip(
        &mut r,
        Edit::InsertTopic {
            initiative: four.id,
            index: 0,
            topic: t,
        },
    );
    round_trip(&mut r, Edit::RemoveTopic { id: topic });
    round_trip(
        &mut r,
        Edit::MoveTopic {
            id: topic,
            index: 2,
        },
    );
    round_trip(
        &mut r,
        Edit::SetTopicHeading {
            id: topic,
            heading: Some("組織体制の検討".into()),
        },
    );
    round_trip(
        &mut r,
        Edit::SetTopicDivision {
            id: topic,
            division: Some("総務部人事課".into()),
        },
    );

    let item = four.items[1].clone();
    let resize = edit::resize_span(&r, item.id, 0, 1, FiscalYear(2017), FiscalYear(2018)).unwrap();
    let after = round_trip(&mut r, resize);
    let span = &initiative(&after, "4").items[1].lanes[0][1];
    assert_eq!((span.first.0, span.last.0), (2017, 2018));
    let relabel = edit::relabel_span(&r, item.id, 0, 1, "→ 順次実施").unwrap();
    let after = round_trip(&mut r, relabel);
    let span: &StageSpan = &initiative(&after, "4").items[1].lanes[0][1];
    assert_eq!((span.label.as_str(), span.continues), ("順次実施", true));
    round_trip(&mut r, Edit::RemoveItem { id: item.id });
    let mut copy = item.clone();
    copy.id = r.allocate_id();
    round_trip(
        &mut r,
        Edit::InsertItem {
            initiative: four.id,
            index: 0,
            item: copy,
        },
    );
    round_trip(
        &mut r,
        Edit::SetItemName {
            id: item.id,
            name: "見直し".into(),
        },
    );

    round_trip(&mut r, Edit::RemoveInitiative { id: four.id });
    let mut copy = four.clone();
    copy.id = r.allocate_id();
    let section = r.sections[0].id;
    round_trip(
        &mut r,
        Edit::InsertInitiative {
            section,
            index: 1,
            initiative: copy,
        },
    );
    round_trip(
        &mut r,
        Edit::SetInitiativeTitle {
            id: four.id,
            title: "働き方改革".into(),
        },
    );
    round_trip(
        &mut r,
        Edit::SetDivisions {
            initiative: four.id,
            divisions: vec!["総務部".into()],
        },
    );
    round_trip(
        &mut r,
        Edit::SetPeriod {
            period: Period::FullYear,
        },
    );
    round_trip(
        &mut r,
        Edit::SetAsOf {
            as_of: Some(AsOf { month: 7, day: 31 }),
        },
    );
    round_trip(
        &mut r,
        Edit::Batch(vec![
            Edit::SetPeriod {
                period: Period::SecondHalf,
            },
            Edit::RemoveEntry { id: entry.id },
        ]),
    );
}

#[test]
fn a_stale_command_changes_nothing() {
    let mut r = seed().report;
    let before = r.clone();
    let id = initiative(&r, "2").topics[0].actual[0].id;
    let err = apply(
        &mut r,
        Edit::Batch(vec![
            Edit::SetPeriod {
                period: Period::FullYear,
            },
            Edit::RemoveEntry {
                id: shinchoku::model::Id(999_999),
            },
        ]),
    )
    .expect_err("no such entry");
    assert_eq!(
        err,
        edit::EditError::Missing {
            what: edit::Thing::Entry,
            id: shinchoku::model::Id(999_999)
        }
    );
    assert!(err.to_string().contains("#999999"));
    assert!(r == before);
    assert!(apply(&mut r, Edit::RemoveEntry { id }).is_ok());
}

#[test]
fn changing_months_rewrites_only_the_month_expression() {
    let r = seed().report;
    let e = &initiative(&r, "2").topics[0].actual[1];
    assert_eq!(e.text, "職員向けメルマガにおける周知(6月)");
    let moved = entry_text::with_timing(e, Some(parse_timing("5月～7月").unwrap()));
    assert_eq!(moved.text, "職員向けメルマガにおける周知(5月～7月)");
    assert_eq!(
        moved.timing.unwrap().months.calendar_months(),
        vec![5, 6, 7]
    );
    let scheduled = entry_text::with_scheduled(e, true);
    assert_eq!(scheduled.text, "職員向けメルマガにおける周知(6月予定)");
    // A note stays after the months.
    let noted = &initiative(&r, "4").topics[0].plan[1];
    let moved = entry_text::with_timing(noted, Some(parse_timing("11月").unwrap()));
    assert_eq!(
        moved.text,
        "組織定数調整方針の策定(11月) ※対応案の組織定数方針への反映"
    );
    // The era date range of initiative 4 is replaced by a bracketed month expression.
    let era = &initiative(&r, "4").topics[2].actual[1];
    let moved = entry_text::with_timing(era, Some(parse_timing("6月～8月").unwrap()));
    assert_eq!(
        moved.text,
        "「時差出勤勤務」を試行的に実施 実施期間(6月～8月)"
    );
}

#[test]
fn editing_the_text_reads_months_counts_and_notes_again() {
    let mut r = seed().report;
    let e = initiative(&r, "2").topics[0].actual[1].clone();
    let (changed, problems) = entry_text::with_text(
        &mut r,
        &e,
        "職員向けメルマガにおける周知(2回・500名)(6月～7月予定) ※次回は10月",
    );
    assert!(problems.is_empty());
    assert_eq!(changed.id, e.id);
    assert_eq!(changed.label, "職員向けメルマガにおける周知");
    assert_eq!(changed.counts.len(), 2);
    assert_eq!(changed.notes, vec!["次回は10月"]);
    assert!(changed.scheduled());
    let (bad, problems) = entry_text::with_text(&mut r, &e, "周知(6月の第3水曜)");
    assert_eq!(bad.text, "周知(6月の第3水曜)");
    assert!(bad.timing.is_none());
    assert_eq!(problems.len(), 1);
}

#[test]
fn done_as_planned_creates_the_actual_with_the_plans_months() {
    let mut doc = Document::sample();
    let plan = initiative(doc.report(), "4").topics[1].plan[1].clone();
    assert_eq!(plan.text, "政策体系図の作成、周知(5月～9月)");
    doc.edit(|r| edit::done_as_planned(r, plan.id)).unwrap();
    let topic = &initiative(doc.report(), "4").topics[1];
    let actual = topic.actual.last().unwrap();
    assert_eq!(actual.text, "政策体系図の作成、周知(5月～9月)");
    assert_eq!(actual.covered_months(), plan.covered_months());
    assert!(doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty());
    assert_eq!(initiative(doc.report(), "4").topics[1].actual.len(), 2);
}

#[test]
fn the_history_survives_saving() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::sample();
    let original = doc.report().clone();
    let id = initiative(doc.report(), "1").id;
    doc.perform(edit::Intent::SetInitiativeTitle {
        id,
        title: "変更後".into(),
    })
    .unwrap();
    doc.save_to(&dir.path().join("a.ron")).unwrap();
    assert!(!doc.is_dirty());
    assert!(doc.undo());
    assert!(doc.is_dirty(), "undone past the save");
    assert!(*doc.report() == original);
    assert!(doc.redo());
    assert!(!doc.is_dirty(), "back at the saved state");
    assert_eq!(*doc.origin(), Origin::File(dir.path().join("a.ron")));
}

/// A random command against the report as it stands, built the way the window builds them.
fn random_edit(
    r: &mut Report,
    kind: u8,
    a: usize,
    b: usize,
    text: &str,
) -> Result<Edit, edit::EditError> {
    let initiatives: Vec<_> = r.initiatives().cloned().collect();
    let i = &initiatives[a % initiatives.len()];
    let entries: Vec<_> = i
        .topics
        .iter()
        .flat_map(|t| {
            t.plan
                .iter()
                .chain(&t.actual)
                .map(move |e| (t.id, e.clone()))
        })
        .collect();
    let pick = entries.get(b % entries.len().max(1)).cloned();
    let plans: Vec<_> = i
        .topics
        .iter()
        .flat_map(|t| t.plan.iter().map(|e| e.id))
        .collect();
    Ok(match (kind % 14, pick) {
        (0, _) if !i.topics.is_empty() => {
            let topic = i.topics[b % i.topics.len()].id;
            edit::add_entry(r, topic, Side::Actual, text).0
        }
        (1, Some((_, e))) => Edit::RemoveEntry { id: e.id },
        (2, Some((_, e))) => entry_text::with_text(r, &e, text)
            .0
            .pipe(|entry| Edit::ReplaceEntry { entry }),
        (3, Some((_, e))) => Edit::ReplaceEntry {
            entry: entry_text::with_timing(
                &e,
                parse_timing(&format!("{}月～{}月", 4 + a % 6, 9 + b % 4)).ok(),
            ),
        },
        (4, Some((_, e))) => Edit::MoveEntry {
            id: e.id,
            index: a % 4,
        },
        (5, Some((_, e))) => edit::done_as_planned(r, e.id)?,
        (6, _) => Edit::SetInitiativeTitle {
            id: i.id,
            title: text.to_string(),
        },
        (7, _) if !i.topics.is_empty() => Edit::RemoveTopic {
            id: i.topics[b % i.topics.len()].id,
        },
        (8, _) => {
            let t = edit::new_topic(r, Some(text.to_string()), None);
            Edit::InsertTopic {
                initiative: i.id,
                index: b % 3,
                topic: t,
            }
        }
        (9, _) if !i.items.is_empty() => {
            let item = &i.items[b % i.items.len()];
            if item.lanes[0].is_empty() {
                Edit::SetItemName {
                    id: item.id,
                    name: text.to_string(),
                }
            } else {
                edit::resize_span(
                    r,
                    item.id,
                    0,
                    0,
                    r.plan_years.first,
                    FiscalYear(r.plan_years.first.0 + (a % 4) as i32),
                )?
            }
        }
        (10, _) => Edit::SetPeriod {
            period: [Period::FirstHalf, Period::SecondHalf, Period::FullYear][a % 3],
        },
        (11, _) => Edit::SetAsOf {
            as_of: Some(AsOf {
                month: (a % 12 + 1) as u8,
                day: (b % 28 + 1) as u8,
            }),
        },
        // Link and unlink, as the detail panel sends them.
        (12 | 13, Some((_, e))) if !plans.is_empty() => {
            let plan = plans[a % plans.len()];
            let intent = if kind % 14 == 12 {
                edit::Intent::Link { result: e.id, plan }
            } else {
                edit::Intent::Unlink {
                    result: e.id,
                    plan: e.reports.first().copied().unwrap_or(plan),
                }
            };
            match intent.build(r)? {
                Some(edit) => edit,
                None => Edit::SetInitiativeTitle {
                    id: i.id,
                    title: text.to_string(),
                },
            }
        }
        _ => Edit::SetDivisions {
            initiative: i.id,
            divisions: vec![text.to_string()],
        },
    })
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_commands_then_as_many_undos_give_back_the_original(
        steps in proptest::collection::vec(
            (any::<u8>(), 0..64usize, 0..64usize, "[ぁ-んァ-ン一-龥]{1,6}(\\([4-9]月\\))?"),
            1..24,
        )
    ) {
        let mut doc = Document::sample();
        let original = doc.report().clone();
        let mut applied = 0;
        for (kind, a, b, text) in &steps {
            if doc.edit(|r| random_edit(r, *kind, *a, *b, text)).is_ok() {
                applied += 1;
            }
        }
        let changed = doc.report().clone();
        for _ in 0..applied {
            prop_assert!(doc.undo());
        }
        prop_assert!(!doc.undo());
        prop_assert!(*doc.report() == original);
        prop_assert!(!doc.is_dirty());
        for _ in 0..applied {
            prop_assert!(doc.redo());
        }
        prop_assert!(*doc.report() == changed);
    }
}

#[test]
fn the_as_of_date_moves_lateness() {
    let mut r = seed().report;
    // Initiative 9 plans its auction all year (4月～3月) and held it in July: late at the end
    // of April, in progress at the end of September.
    r.as_of = Some(AsOf { month: 4, day: 30 });
    let nine = initiative(&r, "9");
    assert_eq!(
        topic_status(nine, &nine.topics[1], r.fiscal_as_of()),
        Status::Late
    );
    r.as_of = None;
    let nine = initiative(&r, "9");
    assert_eq!(
        topic_status(nine, &nine.topics[1], r.fiscal_as_of()),
        Status::InProgress
    );
    // By the end of March initiative 4's 11月～1月 plan has passed with nothing reporting it.
    r.as_of = Some(AsOf { month: 3, day: 31 });
    let four = initiative(&r, "4");
    assert_eq!(
        topic_status(four, &four.topics[0], r.fiscal_as_of()),
        Status::Late
    );
}

#[test]
fn status_counts_per_section_and_division() {
    let r = seed().report;
    let s = summary(&r);
    let sections: Vec<(String, usize)> = s
        .by_section
        .iter()
        .map(|(n, c)| (n.clone(), c.total()))
        .collect();
    assert_eq!(
        sections[0],
        ("I 協創・現場重視の推進に向けて".to_string(), 3)
    );
    assert_eq!(sections[1].1, 2);
    assert_eq!(sections[2].1, 6);
    assert_eq!(s.by_section[0].1.to_japanese(), "完了 2・取組中 1");
    // Topics under 総務部人事課: initiatives 1, 3, 4 (one each) and 6 (two).
    let jinji = s
        .by_division
        .iter()
        .find(|(d, _)| d == "総務部人事課")
        .unwrap();
    assert_eq!(jinji.1.total(), 5);
}

/// A plan line deleted in the window (削除) is no longer reported by the results that reported
/// it — in the same step, so undo gives the links back — and the report keeps the model's
/// rules (before, the results went on reporting a line not there, found by the answer fuzz
/// target's sibling case and repaired only on the next open, with a warning).
#[test]
fn deleting_a_plan_line_unlinks_the_results_that_reported_it_and_undo_links_them_again() {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let before = doc.report().clone();
    let (plan, result) = before
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .flat_map(|t| t.actual.iter())
        .find_map(|r| r.reports.first().map(|p| (*p, r.id)))
        .expect("the seed has a result reporting a plan line");
    doc.perform(shinchoku::edit::Intent::RemoveEntry { id: plan })
        .unwrap();
    assert!(doc.report().entry(plan).is_none());
    let reports = &doc.report().entry(result).unwrap().reports;
    assert!(!reports.contains(&plan), "{reports:?}");
    let broken = shinchoku::model::validate::violations(doc.report());
    assert!(broken.is_empty(), "{broken:?}");
    assert!(doc.undo());
    assert_eq!(*doc.report(), before);
}

/// Months typed that cannot be read are warned of at once, per entry: an edit in another
/// initiative (which makes only that initiative's warnings again) keeps them, correcting the
/// months takes the warning away, and undo brings it back.
#[test]
fn month_warnings_follow_each_edit_in_the_initiative_it_is_in() {
    use shinchoku::edit::Intent;
    use shinchoku::model::diag::WarningKind;
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let unreadable = |doc: &Document| -> Vec<String> {
        doc.warnings
            .iter()
            .filter_map(|w| match &w.kind {
                WarningKind::UnreadableMonths { entry, .. } => Some(entry.clone()),
                _ => None,
            })
            .collect()
    };
    let first_result = |doc: &Document, number: &str| {
        initiative(doc.report(), number)
            .topics
            .iter()
            .find_map(|t| t.actual.first())
            .unwrap()
            .id
    };
    let four = first_result(&doc, "4");
    let two = first_result(&doc, "2");
    let text = "組織定数調整方針の策定(6月の第3水曜)";
    doc.perform(Intent::SetEntryText {
        id: four,
        text: text.into(),
    })
    .unwrap();
    assert_eq!(unreadable(&doc), vec![text.to_string()]);
    doc.perform(Intent::SetEntryText {
        id: two,
        text: "職員向けメルマガにおける周知(6月)（参加職員312名）".into(),
    })
    .unwrap();
    assert_eq!(unreadable(&doc), vec![text.to_string()]);
    doc.perform(Intent::SetEntryText {
        id: four,
        text: "組織定数調整方針の策定(6月)".into(),
    })
    .unwrap();
    assert!(unreadable(&doc).is_empty(), "{:?}", unreadable(&doc));
    assert!(doc.undo());
    assert_eq!(unreadable(&doc), vec![text.to_string()]);
}

/// A refused edit names what the user sees — the entry by its text, an action item by its
/// name — never an internal id (「#13は年次計画の項目ではありません」); a thing no longer there
/// is named by its kind alone.
#[test]
fn a_refused_edit_names_the_entry_and_the_item_not_their_ids() {
    use shinchoku::lang::Lang;
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let result = doc.report().sections[0].initiatives[1].topics[0].actual[1].clone();
    let err = doc
        .perform(edit::Intent::DoneAsPlanned { id: result.id })
        .unwrap_err();
    let said = err.describe_in(doc.report(), Lang::Ja);
    assert_eq!(
        said,
        format!("「{}」は年次計画の項目ではありません", result.text)
    );
    let item = doc.report().sections[0].initiatives[0].items[0].id;
    let err = doc
        .perform(edit::Intent::RelabelSpan {
            item,
            lane: 5,
            index: 0,
            label: "実施".into(),
        })
        .unwrap_err();
    let said = err.describe_in(doc.report(), Lang::Ja);
    assert!(
        said.starts_with("取組項目「□協創の取組を進めるための研修の充実」"),
        "{said}"
    );
    assert!(!said.contains('#'), "{said}");
    doc.perform(edit::Intent::RemoveEntry { id: result.id })
        .unwrap();
    let err = doc
        .perform(edit::Intent::RemoveEntry { id: result.id })
        .unwrap_err();
    let said = err.describe_in(doc.report(), Lang::Ja);
    assert!(!said.contains('#'), "{said}");
    assert!(said.contains("報告にもうありません"), "{said}");
}

//! Spot checks of the seed report against what the published table says.

use shinchoku::model::{EntryKind, FiscalYear, Period, StageSpan};

use crate::{SEED, initiative, seed};

#[test]
fn the_report_level_facts() {
    let imported = seed();
    let r = &imported.report;
    assert_eq!(r.sections.len(), 3);
    assert_eq!(r.initiative_count(), 11);
    assert_eq!(r.action_item_count(), 24);
    assert_eq!(r.fiscal_year, FiscalYear(2017));
    assert_eq!(r.fiscal_year.era_form(), "平成29年度");
    assert_eq!(r.period, Period::FirstHalf);
    assert_eq!(r.plan_years.first, FiscalYear(2016));
    assert_eq!(r.plan_years.last, FiscalYear(2019));
    assert_eq!(r.programme, "第二次三重県行財政改革取組");
    assert_eq!(
        r.title,
        "平成 29 年度「第二次三重県行財政改革取組」具体的取組 上半期(4月～9月)実績"
    );
    assert_eq!(r.headings.plan, "平成 29 年度 年次計画");
    assert_eq!(r.headings.actual, "上半期実績(4月～9月)");
    assert!(r.unread.is_empty(), "{:?}", r.unread);
    // The only thing worth a warning in the seed: initiative 10 writes one heading twice.
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert_eq!(imported.warnings[0].at.row, Some(54));
}

#[test]
fn sections_with_latin_and_unicode_numerals() {
    let r = seed().report;
    let numerals: Vec<(&str, u32, usize)> = r
        .sections
        .iter()
        .map(|s| (s.numeral.as_str(), s.number, s.initiatives.len()))
        .collect();
    assert_eq!(numerals, vec![("I", 1, 3), ("II", 2, 2), ("Ⅲ", 3, 6)]);
    assert_eq!(r.sections[2].title, "残された課題への的確な対応に向けて");
    let labels: Vec<&str> = r.sections[2]
        .initiatives
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels, vec!["①", "②", "③", "④", "⑤", "⑥"]);
}

#[test]
fn initiative_4_has_three_topics_each_with_its_division() {
    let r = seed().report;
    let i = initiative(&r, "4");
    let topics: Vec<(Option<&str>, Option<&str>)> = i
        .topics
        .iter()
        .map(|t| (t.heading.as_deref(), i.divisions_of(t).first().copied()))
        .collect();
    assert_eq!(
        topics,
        vec![
            (Some("組織体制・運営の検討"), Some("総務部総務課")),
            (
                Some("みえ成果向上サイクルの見直し"),
                Some("総務部行財政改革推進課")
            ),
            (Some("弾力的な勤務形態の検討"), Some("総務部人事課")),
        ]
    );
    // The plan's first entry with its ※ note, months and exact text.
    let e = &i.topics[0].plan[0];
    assert_eq!(e.label, "現行組織の課題・対応案の検討");
    assert_eq!(e.covered_months().calendar_months(), vec![4, 5, 6, 7, 8, 9]);
    assert_eq!(e.notes, vec!["各部との意見交換、課題整理、対応案の検討"]);
    assert_eq!(
        e.text,
        "現行組織の課題・対応案の検討(4月～9月) ※各部との意見交換、課題整理、対応案の検討"
    );
    // The actuals of the same topic: a head with two sub-items in August and September.
    let a = &i.topics[0].actual[0];
    assert_eq!(a.label, "現行組織の課題・対応案の検討");
    let subs: Vec<(&str, Vec<u8>)> = a
        .subs
        .iter()
        .map(|s| (s.label.as_str(), s.covered_months().calendar_months()))
        .collect();
    assert_eq!(
        subs,
        vec![
            ("各部との意見交換", vec![8]),
            ("課題整理、対応案の検討", vec![9])
        ]
    );
}

#[test]
fn initiative_7_shares_one_division_between_two_topics() {
    let r = seed().report;
    let i = initiative(&r, "7");
    let pairs: Vec<(&str, &str)> = i
        .topics
        .iter()
        .map(|t| (t.heading.as_deref().unwrap(), i.divisions_of(t)[0]))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("職員提案制度の見直し", "総務部行財政改革推進課"),
            ("MIE職員カアワードの見直し", "総務部行財政改革推進課"),
            ("ストレスチェック実施体制の整備", "総務部福利厚生課"),
        ]
    );
    // The transcription slip カ (for 力) is kept as written.
    assert_eq!(i.items[1].name, "MIE職員カアワードの見直し");
    // A status under a topic heading.
    let status = &i.topics[2].plan[0];
    assert_eq!(status.kind, EntryKind::Status);
    assert_eq!(status.text, "(H28 年度達成済、継続実施)");
}

#[test]
fn initiative_10_actual_sub_items_with_counts() {
    let r = seed().report;
    let i = initiative(&r, "10");
    let training = &i.topics[0].actual[0];
    assert_eq!(training.label, "職員研修の実施");
    type Sub<'a> = (&'a str, Vec<(u32, &'a str)>, Vec<u8>, bool);
    let subs: Vec<Sub> = training
        .subs
        .iter()
        .map(|s| {
            (
                s.label.as_str(),
                s.counts
                    .iter()
                    .map(|c| (c.value, c.unit.as_str()))
                    .collect(),
                s.covered_months().calendar_months(),
                s.scheduled(),
            )
        })
        .collect();
    assert_eq!(
        subs,
        vec![
            (
                "新規採用職員研修",
                vec![(4, "回"), (103, "名")],
                vec![4],
                false
            ),
            (
                "割愛採用職員研修",
                vec![(4, "回"), (33, "名")],
                vec![4],
                false
            ),
            (
                "情報セキュリティ管理者研修",
                vec![(2, "回"), (55, "名")],
                vec![4],
                false
            ),
            (
                "ITキーパーソン研修",
                vec![(1, "回"), (222, "名")],
                vec![6],
                false
            ),
            (
                "情報システム運用管理担当者研修",
                vec![(2, "回"), (15, "名")],
                vec![6],
                false
            ),
            (
                "eラーニングによる情報セキュリティ研修",
                vec![(8, "コース"), (45, "名")],
                vec![8, 9, 10, 11],
                true
            ),
        ]
    );
    assert_eq!(training.subs[5].counts[1].raw, "延べ45名受講");
    // The plan's head is 随時 itself, with dated sub-items.
    let plan = &i.topics[0].plan[0];
    assert_eq!(plan.label, "職員研修の実施");
    assert_eq!(plan.when.as_deref(), Some("随時"));
    assert_eq!(plan.subs.len(), 6);
}

#[test]
fn initiative_11_staircase_of_arrows() {
    let r = seed().report;
    let i = initiative(&r, "11");
    let item = &i.items[2];
    assert_eq!(item.name, "三重県広域受援計画(仮称)に基づく見直し");
    assert!(item.ticked);
    let spans: Vec<(i32, i32, &str, bool)> = item.lanes[0]
        .iter()
        .map(|s: &StageSpan| (s.first.0, s.last.0, s.label.as_str(), s.continues))
        .collect();
    assert_eq!(
        spans,
        vec![
            (2016, 2016, "検討", false),
            (2017, 2017, "", true),
            (2018, 2018, "", true),
            (2019, 2019, "実施", true),
        ]
    );
    assert_eq!(item.lanes[0][3].source, "→ 実施");
}

#[test]
fn colspans_become_spans_over_years() {
    let r = seed().report;
    let first = &initiative(&r, "1").items[0].lanes[0];
    assert_eq!((first[1].first.0, first[1].last.0), (2017, 2019));
    assert_eq!(first[1].label, "順次実施");
    let four = &initiative(&r, "4").items[0].lanes[0];
    assert_eq!(four.len(), 1);
    assert_eq!((four[0].first.0, four[0].last.0), (2016, 2019));
    assert_eq!(four[0].display(), "→ 随時実施");
}

#[test]
fn initiative_8_second_lane_is_not_a_new_item() {
    let r = seed().report;
    let i = initiative(&r, "8");
    assert_eq!(i.items.len(), 1);
    let lanes: Vec<Vec<(i32, &str)>> = i.items[0]
        .lanes
        .iter()
        .map(|l| l.iter().map(|s| (s.first.0, s.label.as_str())).collect())
        .collect();
    assert_eq!(lanes, vec![vec![(2016, "実施")], vec![(2016, "周知")]]);
    // Its actual cell is empty.
    assert!(i.topics.iter().all(|t| t.actual.is_empty()));
}

#[test]
fn initiative_5_unticked_item() {
    let r = seed().report;
    let i = initiative(&r, "5");
    let ticks: Vec<bool> = i.items.iter().map(|it| it.ticked).collect();
    assert_eq!(ticks, vec![true, true, true, false]);
    assert_eq!(
        i.items[3].name,
        "「三重県財政の健全化に向けた集中取組」(上記3取組を含む)"
    );
}

#[test]
fn every_entry_keeps_its_text_exactly_as_written() {
    let r = seed().report;
    let mut n = 0;
    for i in r.initiatives() {
        for t in &i.topics {
            let mut stack: Vec<_> = t.plan.iter().chain(&t.actual).collect();
            while let Some(e) = stack.pop() {
                assert!(SEED.contains(&e.text), "not as written: {}", e.text);
                assert!(e.text.contains(&e.label), "{} / {}", e.text, e.label);
                n += 1;
                stack.extend(&e.subs);
            }
        }
    }
    assert!(n > 80, "only {n} entries");
}

#[test]
fn ids_are_unique_and_stable_across_imports() {
    let a = seed().report;
    let b = seed().report;
    assert_eq!(a, b);
    let mut ids = Vec::new();
    for s in &a.sections {
        ids.push(s.id);
        for i in &s.initiatives {
            ids.push(i.id);
            ids.extend(i.items.iter().map(|x| x.id));
            for t in &i.topics {
                ids.push(t.id);
                let mut stack: Vec<_> = t.plan.iter().chain(&t.actual).collect();
                while let Some(e) = stack.pop() {
                    ids.push(e.id);
                    stack.extend(&e.subs);
                }
            }
        }
    }
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
    assert!(ids.iter().all(|id| id.0 < a.next_id()));
}

#[test]
fn the_bundled_sample_matches_the_importer() {
    let asset = include_str!("../../assets/sample-report.ron");
    let stored = shinchoku::store::from_ron(asset).expect("the asset opens");
    assert!(
        stored == seed().report,
        "assets/sample-report.ron drifted from the importer: regenerate it with \
         `cargo run -- import tests/fixtures/mie-h29-h1-report.tsv -o assets/sample-report.ron`"
    );
}

/// The seed with its initiatives numbered as 木津川市 numbers its items (`No.R2-1` …) and its
/// 担当課 heading written 所管課: the same report, each number kept as written, each division
/// in place.
#[test]
fn items_numbered_no_r2_with_a_shokanka_heading_read_as_the_seed() {
    let renumbered: String = SEED
        .lines()
        .map(|line| {
            let (first, rest) = line.split_once('\t').unwrap_or((line, ""));
            match first.parse::<u32>() {
                Ok(n) if !rest.is_empty() => format!("No.R2-{n}\t{rest}"),
                _ => line.replace("担当課", "所管課"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(renumbered.contains("No.R2-11\t") && renumbered.contains("所管課"));
    let imported = shinchoku::import::import_text(&renumbered).expect("it imports");
    let seed = seed();
    let numbers: Vec<&str> = imported
        .report
        .initiatives()
        .map(|i| i.number.as_str())
        .collect();
    let expected: Vec<String> = (1..=11).map(|n| format!("No.R2-{n}")).collect();
    assert_eq!(numbers, expected);
    for (got, was) in imported.report.initiatives().zip(seed.report.initiatives()) {
        assert_eq!(got.title, was.title);
        assert_eq!(got.all_divisions(), was.all_divisions());
    }
    assert_eq!(
        imported.warnings.len(),
        seed.warnings.len(),
        "{:#?}",
        imported.warnings
    );
}

/// A report numbering its sections in digits (`1 総論`, alone in its row) reads them back as
/// sections, as its exported table writes them: the 10,000-initiative sample's 200 sections
/// came back as one, each section row 「row not understood」.
#[test]
fn sections_numbered_in_digits_read_back_as_sections() {
    let mut report = crate::seed().report;
    for (k, s) in report.sections.iter_mut().enumerate() {
        s.numeral = (k + 1).to_string();
    }
    for format in [
        shinchoku::export::Format::Table,
        shinchoku::export::Format::Xlsx,
    ] {
        let read = crate::exported_and_read(&report, format, shinchoku::export::Encoding::Utf8);
        let numerals: Vec<&str> = read.sections.iter().map(|s| s.numeral.as_str()).collect();
        assert_eq!(numerals, ["1", "2", "3"], "{format:?}");
        assert_eq!(read.initiative_count(), 11, "{format:?}");
    }
}

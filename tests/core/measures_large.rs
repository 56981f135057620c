//! Numbers of thousands of indicators, levels, columns and links (attack round 18): each is
//! found by a lookup, not by a pass over the others, so these read in a moment where, each
//! compared with each, they took tens of seconds. What they give is asserted as a user sees
//! it; the times are in the commit messages, not here.

use shinchoku::compare::{self, What};
use shinchoku::import::import_text;
use shinchoku::model::diag::WarningKind;
use shinchoku::model::measure_warning::MeasureWarning;
use shinchoku::model::measures::{Figure, Indicator};
use shinchoku::model::tally::Tally;
use shinchoku::model::{Id, Report};

const TITLE: &str = "平成29年度「改革」取組 上半期実績";
const HEAD: &str = "番号\t具体的取組\t工程\t平成29年度 年次計画\t上半期実績\t担当課";

fn initiative_row(k: usize) -> String {
    format!(
        "{}\t① 取組{k}\t\t・研修(4月)\t・研修(4月)\t総務部人事課",
        k + 1
    )
}

#[test]
fn an_initiative_of_thousands_of_indicator_rows_keeps_each_once_in_order() {
    let n = 20_000;
    let mut lines = vec![
        TITLE.to_string(),
        String::new(),
        format!("{HEAD}\t指標\t29年度目標"),
        "I 協創".into(),
        format!("{}\t指標0\t1", initiative_row(0)),
    ];
    lines.extend((1..n).map(|k| format!("1\t\t\t\t\t\t指標{k}\t{k}")));
    // Named again alone (no figures): the one with figures stays, nothing added.
    lines.push("1\t\t\t\t\t\t指標7\t".into());
    let imported = import_text(&(lines.join("\n") + "\n")).expect("imports");
    let indicators = &imported
        .report
        .initiatives()
        .next()
        .unwrap()
        .measures()
        .indicators;
    assert_eq!(indicators.len(), n);
    for (k, x) in indicators.iter().enumerate() {
        assert_eq!(x.name, format!("指標{k}"));
        let target = shinchoku::model::figure::Decimal::whole(k.max(1) as i64);
        assert_eq!(x.target_for(imported.report.fiscal_year), Some(target));
    }
}

#[test]
fn a_scale_of_thousands_of_levels_counts_every_rating_at_its_level() {
    let n = 20_000;
    let mut lines = vec![TITLE.to_string(), "評価\t内容".into()];
    lines.extend((0..n).map(|k| format!("L{k}\tx")));
    lines.extend([String::new(), format!("{HEAD}\t評価"), "I 協創".into()]);
    // Rated in the other width (Ｌ), the scale's code in the tables.
    lines.extend((0..n).map(|k| format!("{}\tＬ{}", initiative_row(k), n - 1 - k)));
    lines.push(format!("{}\tZ", initiative_row(n)));
    let imported = import_text(&(lines.join("\n") + "\n")).expect("imports");
    let not_in_scale: Vec<&String> = imported
        .warnings
        .iter()
        .filter_map(|w| match &w.kind {
            WarningKind::Measure {
                warning: MeasureWarning::RatingNotInScale { code, .. },
            } => Some(code),
            _ => None,
        })
        .collect();
    assert_eq!(not_in_scale, ["Z"]);
    let tally = Tally::of_report(&imported.report);
    assert_eq!(tally.ratings.len(), n + 1);
    assert!(
        tally.ratings[..n]
            .iter()
            .enumerate()
            .all(|(k, (c, m))| *c == format!("L{k}") && *m == 1)
    );
    assert_eq!(tally.ratings[n], ("Z".to_string(), 1));
    assert_eq!(tally.rated, n + 1);
}

#[test]
fn a_header_of_thousands_of_indicator_columns_over_thousands_of_rows_reads_each_row() {
    let (w, n) = (20_000, 5_000);
    let mut lines = vec![
        TITLE.to_string(),
        String::new(),
        format!("{HEAD}{}", "\t指標".repeat(w)),
        "I 協創".into(),
    ];
    lines.extend((0..n).map(initiative_row));
    // One row names an indicator in the last column.
    lines[4] = format!("{}{}名前", lines[4], "\t".repeat(w));
    let imported = import_text(&(lines.join("\n") + "\n")).expect("imports");
    let report = &imported.report;
    assert_eq!(report.initiatives().count(), n);
    let named: Vec<&str> = report
        .initiatives()
        .flat_map(|i| i.measures().indicators.iter().map(|x| x.name.as_str()))
        .collect();
    assert_eq!(named, ["名前"]);
}

/// The seed with its first initiative measured by `names`.
fn with_indicators(names: impl Iterator<Item = String>) -> Report {
    let mut report = crate::seed().report;
    let m = report.sections[0].initiatives[0].measures_mut();
    m.indicators = names
        .map(|name| Indicator {
            name,
            ..Indicator::default()
        })
        .collect();
    report
}

#[test]
fn thousands_of_indicators_compared_say_only_the_one_added() {
    let n = 40_000;
    let old = with_indicators((0..n).map(|k| k.to_string()));
    let new = with_indicators((0..n).map(|k| k.to_string()).chain(["new".to_string()]));
    let diff = compare::diff(&old, &new);
    let said: Vec<(&str, &str)> = diff
        .changes
        .iter()
        .filter_map(|c| match &c.what {
            What::MeasureChanged { field, new, .. } => Some((*field, new.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(said, [("added", "new")]);
}

#[test]
fn an_answer_of_thousands_of_indicators_gives_each_its_actual() {
    let n = 10_000;
    let master = crate::measures_cycle::sent(with_indicators((0..n).map(|k| k.to_string())));
    let first = master.sections[0].initiatives[0].id;
    let division = crate::measures_answers::first_division(&master);
    let mut response = shinchoku::survey::response_for(&master, &division, None, "");
    let year = master.fiscal_year;
    let x = &mut response
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators;
    for (k, x) in x.iter_mut().enumerate() {
        x.year_mut(year).actual = Figure::of(shinchoku::model::figure::Decimal::whole(k as i64));
    }
    let answer = shinchoku::survey::answer::answer_from_report(response, "a.ron".into()).unwrap();
    let c = shinchoku::survey::collect::collect(
        &master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    let after = crate::measures_answers::taken(&master, &c);
    let taken = &after.initiative(first).unwrap().measures().indicators;
    assert_eq!(taken.len(), n);
    for (k, x) in taken.iter().enumerate() {
        assert_eq!(x.name, k.to_string());
        assert_eq!(
            x.actual_for(year),
            Some(shinchoku::model::figure::Decimal::whole(k as i64))
        );
    }
}

#[test]
fn a_result_linked_to_thousands_of_plan_lines_says_the_one_link_removed() {
    let n = 40_000;
    let mut old = crate::seed().report;
    let topic = old
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.initiatives)
        .flat_map(|i| &mut i.topics)
        .find(|t| !t.plan.is_empty() && !t.actual.is_empty())
        .expect("a topic with plan and results");
    let line = topic.plan[0].clone();
    topic.plan = (0..n)
        .map(|k| {
            let mut e = line.clone();
            e.id = Id(1_000_000 + k as u64);
            e.text = format!("計画{k}(4月)");
            e
        })
        .collect();
    topic.actual[0].reports = topic.plan.iter().map(|e| e.id).collect();
    let mut new = old.clone();
    let topic = new
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.initiatives)
        .flat_map(|i| &mut i.topics)
        .find(|t| t.plan.len() == n)
        .unwrap();
    topic.actual[0].reports.retain(|&id| id != Id(1_000_123));
    let diff = compare::diff(&old, &new);
    let said: Vec<&What> = (diff.changes.iter().map(|c| &c.what))
        .filter(|w| matches!(w, What::LinkAdded { .. } | What::LinkRemoved { .. }))
        .collect();
    assert!(
        matches!(said.as_slice(), [What::LinkRemoved { plan, .. }] if plan == "計画123(4月)"),
        "{said:?}"
    );
}

/// A scale declaring A and its full-width twin Ａ: one level A, said; the figures count each
/// rating once (計画実施率 was 25% for 75%, the twin taken for the second level).
#[test]
fn a_rating_code_declared_twice_or_in_another_width_is_one_level_and_said() {
    for twin in ["Ａ"] {
        let mut lines = vec![TITLE.to_string(), "評価\t内容".into(), "A\t順調".into()];
        lines.extend([
            format!("{twin}\t順調"),
            "B\t概ね順調".into(),
            "C\t遅れ".into(),
        ]);
        lines.extend([String::new(), format!("{HEAD}\t評価"), "I 協創".into()]);
        for (k, c) in ["A", "B", "B", "C"].iter().enumerate() {
            lines.push(format!("{}\t{c}", initiative_row(k)));
        }
        let imported = import_text(&(lines.join("\n") + "\n")).expect("imports");
        let scale: Vec<&str> = imported
            .report
            .measure_settings
            .rating_scale
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        assert_eq!(scale, ["A", "B", "C"]);
        let repeated: Vec<&String> = imported
            .warnings
            .iter()
            .filter_map(|w| match &w.kind {
                WarningKind::Measure {
                    warning: MeasureWarning::RatingLevelRepeated { code, .. },
                } => Some(code),
                _ => None,
            })
            .collect();
        assert_eq!(repeated, [twin]);
        let totals = shinchoku::summary::measures::totals(&imported.report);
        assert_eq!(totals.rates.first_two_levels, Some(75.0));
        assert_eq!(totals.ratings.get("A"), Some(&1));
    }
}

/// A legend with a level whose 評価 cell is blank (「未記入」 typed in 内容 alone): the levels
/// after it are read and the blank one said. The scale ended at the blank code: B, C and
/// 対象外 went without a word, and every B and C rating was 「not a level of the scale」.
#[test]
fn a_level_without_a_code_does_not_end_the_scale() {
    let mut lines = vec![TITLE.to_string(), "評価\t内容\t対象外".into()];
    lines.extend(
        [
            "A\t順調\t",
            "\t未記入\t",
            "B\t概ね順調\t",
            "C\t遅れ\t",
            "対象外\t対象外\t○",
        ]
        .map(String::from),
    );
    lines.extend([String::new(), format!("{HEAD}\t評価"), "I 協創".into()]);
    for (k, c) in ["A", "B", "C", "対象外"].iter().enumerate() {
        lines.push(format!("{}\t{c}", initiative_row(k)));
    }
    let imported = import_text(&(lines.join("\n") + "\n")).expect("imports");
    let scale: Vec<(&str, bool)> = (imported.report.measure_settings.rating_scale.iter())
        .map(|l| (l.code.as_str(), l.not_applicable))
        .collect();
    assert_eq!(
        scale,
        [("A", false), ("B", false), ("C", false), ("対象外", true)]
    );
    let said: Vec<&MeasureWarning> = (imported.warnings.iter())
        .filter_map(|w| match &w.kind {
            WarningKind::Measure { warning } => Some(warning),
            _ => None,
        })
        .collect();
    assert!(
        matches!(said.as_slice(), [MeasureWarning::RatingLevelWithoutCode { label }] if label == "未記入"),
        "{said:?}"
    );
    let totals = shinchoku::summary::measures::totals(&imported.report);
    assert_eq!(totals.rates.first_two_levels, Some(66.7));
}

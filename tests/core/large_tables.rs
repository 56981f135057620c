//! Report tables of thousands of lines in one cell (issue 23, item 13): what each line is
//! matched against is found by a lookup, not by a pass over the others, so these read in a
//! moment where, with each line compared with each, they took minutes (the times are in
//! `benches/import.rs`, not here). What they read is asserted as a user sees it.

use shinchoku::model::diag::WarningKind;

/// The seed's first initiative with its plan and actual cells replaced.
fn seed_with_cells(plan: &str, actual: &str) -> String {
    let lines: Vec<&str> = crate::SEED.split('\n').collect();
    let mut fields: Vec<String> = lines[6].split('\t').map(str::to_string).collect();
    fields[13] = plan.to_string();
    fields[14] = actual.to_string();
    let mut out: Vec<String> = lines[..6].iter().map(|l| l.to_string()).collect();
    out.push(fields.join("\t"));
    out.join("\n")
}

#[test]
fn an_initiative_of_thousands_of_plan_and_result_lines_links_each_result_to_its_line() {
    let n = 3_000;
    let plan: Vec<String> = (0..n).map(|k| format!("・研修の実施{k}(4月)")).collect();
    let actual: Vec<String> = (0..n)
        .rev()
        .map(|k| format!("・研修の実施{k}(4月)"))
        .collect();
    let imported =
        shinchoku::import::import_text(&seed_with_cells(&plan.join(" "), &actual.join(" ")))
            .expect("imports");
    let initiative = imported.report.initiatives().next().unwrap();
    let topic = &initiative.topics[0];
    assert_eq!((topic.plan.len(), topic.actual.len()), (n, n));
    for result in &topic.actual {
        let plan = topic
            .plan
            .iter()
            .find(|p| p.id == result.reports[0])
            .expect("linked to a plan line of the topic");
        assert_eq!(plan.text, result.text);
    }
}

#[test]
fn a_cell_of_thousands_of_topics_reads_each_once_and_warns_each_repeat() {
    let n = 3_000;
    let mut plan: Vec<String> = (0..n)
        .map(|k| format!("<見出し{k}> ・研修{k}(4月)"))
        .collect();
    plan.push("<見出し7> ・もう一度(5月)".into());
    let imported =
        shinchoku::import::import_text(&seed_with_cells(&plan.join(" "), "")).expect("imports");
    let initiative = imported.report.initiatives().next().unwrap();
    assert_eq!(initiative.topics.len(), n);
    assert_eq!(
        initiative.topics[7].plan.len(),
        2,
        "the repeat joins its topic"
    );
    let repeats: Vec<&WarningKind> = imported
        .warnings
        .iter()
        .map(|w| &w.kind)
        .filter(|k| matches!(k, WarningKind::HeadingTwice { .. }))
        .collect();
    assert_eq!(
        repeats,
        [&WarningKind::HeadingTwice {
            heading: "見出し7".into()
        }]
    );
}

#[test]
fn rows_past_the_most_warnings_are_kept_and_their_warnings_counted() {
    use shinchoku::model::bounds::MAX_WARNINGS;
    let text = format!("{}{}", crate::SEED, "\nx".repeat(20_000));
    let imported = shinchoku::import::import_text(&text).expect("imports");
    let seed = crate::seed();
    let kept = imported
        .report
        .unread
        .iter()
        .filter(|u| u.text == "x")
        .count();
    assert_eq!(kept, 20_000, "every row's text is kept");
    assert_eq!(imported.warnings.len(), MAX_WARNINGS + 1);
    let all = seed.warnings.len() + 20_000;
    let last = imported.warnings.last().unwrap();
    assert_eq!(
        last.kind,
        WarningKind::NotListed {
            count: all - MAX_WARNINGS
        }
    );
    assert!(
        last.to_string().contains("more warning(s) not listed"),
        "{last}"
    );
}

#[test]
fn a_million_blank_lines_read_as_nothing() {
    let text = format!("{}{}", crate::SEED, "\n\t \t".repeat(1_000_000));
    let imported = shinchoku::import::import_text(&text).expect("imports");
    assert!(imported.report == crate::seed().report);
}

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
        last.to_string().contains("more warning(s), not listed"),
        "{last}"
    );
}

#[test]
fn a_million_blank_lines_read_as_nothing() {
    let text = format!("{}{}", crate::SEED, "\n\t \t".repeat(1_000_000));
    let imported = shinchoku::import::import_text(&text).expect("imports");
    assert!(imported.report == crate::seed().report);
}

/// A result of twenty thousand `<` and `<a` with no `>` (each once searched to the cell's end
/// for its `>`: 8,000 took 3 s) is read as the text it is.
#[test]
fn a_result_of_thousands_of_open_brackets_is_read_as_written() {
    let n = 20_000;
    let odd = format!("・研修{}{}(4月)", "<".repeat(n), "<a".repeat(n));
    let table = seed_with_cells("・研修の実施(4月)", &odd);
    let report = shinchoku::import::import_text(&table).unwrap().report;
    let one = &report.sections[0].initiatives[0];
    assert_eq!(one.topics.len(), 1, "no heading made of brackets");
    let text = &one.topics[0].actual[0].text;
    assert_eq!(text.matches('<').count(), 2 * n);
    assert!(text.ends_with("<a(4月)"), "{}", &text[text.len() - 20..]);
}

/// A stage table of thousands of rows each spanning a thousand columns is read with its
/// spans kept within the years (each once widened into a hundred empty cells: 1 GB for
/// 6.8 MB).
#[test]
fn a_stage_table_of_wide_spans_is_read_within_its_years() {
    let lines: Vec<&str> = crate::SEED.split('\n').collect();
    let mut fields: Vec<String> = lines[6].split('\t').map(str::to_string).collect();
    let head = "<table border=\"1\"> <thead> <tr> <th>取組項目</th> <th>28年度</th> \
                <th>29年度</th> <th>30年度</th> <th>31年度</th> </tr> </thead> <tbody>";
    let rows = "<tr><td>□研修</td><td colspan=\"1000\">検討</td></tr>".repeat(5_000);
    fields[2] = format!("{head}{rows}</tbody></table>");
    let mut out: Vec<String> = lines[..6].iter().map(|l| l.to_string()).collect();
    out.push(fields.join("\t"));
    let report = shinchoku::import::import_text(&out.join("\n"))
        .unwrap()
        .report;
    let items = &report.sections[0].initiatives[0].items;
    assert_eq!(items.len(), 5_000);
    assert!(
        items[0].lanes[0].is_empty(),
        "a span past the years is no stage"
    );
}

#[test]
fn a_result_cell_of_many_lines_without_months_lists_the_most_warnings_and_counts_the_rest() {
    use shinchoku::model::bounds::MAX_WARNINGS;
    let n = MAX_WARNINGS + 5_000;
    let lines: Vec<String> = (0..n).map(|k| format!("研修{k}")).collect();
    let actual = format!("<見出し> ・{}", lines.join("<br>"));
    let imported =
        shinchoku::import::import_text(&seed_with_cells("<見出し> ・研修(4月)", &actual))
            .expect("imports");
    let topic = &imported.report.initiatives().next().unwrap().topics[0];
    let texts = |e: &shinchoku::model::Entry| -> usize { 1 + e.subs.len() };
    assert_eq!(
        topic.actual.iter().map(texts).sum::<usize>(),
        n,
        "every line kept"
    );
    let warnings = shinchoku::model::check::warnings(&imported.report);
    assert_eq!(warnings.len(), MAX_WARNINGS + 1);
    let no_months = warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::NoMonthsWritten { .. }))
        .count();
    let Some(WarningKind::NotListed { count }) = warnings.last().map(|w| &w.kind) else {
        panic!("the rest counted: {:?}", warnings.last());
    };
    assert_eq!(
        no_months + count,
        n,
        "each line without months said or counted"
    );
}

/// The window's warnings of a report with more month warnings than are listed stay within the
/// bound, one count of the rest, after every kind of step: each whole-report step (the as-of
/// date) added another count beside the stale one, and an edit within one initiative added its
/// warnings unbounded.
#[test]
fn the_windows_warnings_stay_within_the_bound_after_edits() {
    use shinchoku::document::{Document, Origin};
    use shinchoku::edit::Intent;
    use shinchoku::model::AsOf;
    use shinchoku::model::bounds::MAX_WARNINGS;
    let n = MAX_WARNINGS + 2_000;
    let lines: Vec<String> = (0..n).map(|k| format!("研修{k}(10月)")).collect();
    let actual = format!("<見出し> ・{}", lines.join("<br>・"));
    let imported =
        shinchoku::import::import_text(&seed_with_cells("<見出し> ・研修(4月)", &actual))
            .expect("imports");
    let warnings = shinchoku::model::check::warnings(&imported.report);
    let mut doc = Document::new(imported.report, Origin::Sample, warnings);
    let bounded = |doc: &Document, step: &str| {
        let counts: Vec<usize> = (doc.warnings.iter())
            .filter_map(|w| match w.kind {
                WarningKind::NotListed { count } => Some(count),
                _ => None,
            })
            .collect();
        assert!(
            doc.warnings.len() <= MAX_WARNINGS + 1,
            "{step}: {}",
            doc.warnings.len()
        );
        assert_eq!(counts.len(), 1, "{step}: one count");
        let outside = (doc.warnings.iter())
            .filter(|w| matches!(w.kind, WarningKind::MonthsOutsidePeriod { .. }))
            .count();
        assert!(outside + counts[0] >= n, "{step}: each said or counted");
        assert!(outside + counts[0] <= n + 10, "{step}: counted once");
    };
    bounded(&doc, "opened");
    for day in [20, 25] {
        let as_of = AsOf { month: 9, day };
        doc.perform(Intent::SetAsOf(Some(as_of))).unwrap();
        bounded(&doc, "as-of");
    }
    let topic = doc.report().initiatives().next().unwrap().topics[0].clone();
    let id = topic.actual[0].id;
    let text = "研修0(11月)".into();
    doc.perform(Intent::SetEntryText { id, text }).unwrap();
    bounded(&doc, "one result");
    doc.undo();
    bounded(&doc, "undone");
}

//! Report tables of thousands of lines in one cell (issue 23, item 13): what each line is
//! matched against is found by a lookup, not by a pass over the others, so these read in a
//! moment where, with each line compared with each, they took minutes. What they read is
//! asserted as a user sees it.

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

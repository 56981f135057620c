//! A line a division types into its answer that starts with `<…>` (「<参考>」 above its results)
//! is a result, kept as written; the report's workbook, read back, makes it a topic heading
//! (the report table keeps it text). That is said where the line comes in — the review and
//! `check` — not only when the workbook is exported.

use shinchoku::model::check;
use shinchoku::survey::answer::answer_from_workbook;
use shinchoku::survey::{self, collect, entries_text, workbook};

use crate::october as at;
use crate::survey_due as due;

const 人事課: &str = "総務部人事課";
/// Initiative 4's topic that 人事課 answers for.
fn topic(report: &shinchoku::model::Report) -> &shinchoku::model::Topic {
    (crate::initiative(report, "4").topics.iter())
        .find(|t| t.heading.as_deref() == Some("弾力的な勤務形態の検討"))
        .unwrap()
}

const SAID: &str = "「<参考>」は行頭が <…> のため、Excel に書き出して読み戻すと見出しになります";

/// 人事課's answer with `line` typed above its results of initiative 4, taken in: the review's
/// warnings and the report's `check` after, in Japanese.
fn taken(line: &str) -> (Vec<String>, Vec<String>, shinchoku::model::Report) {
    let mut master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), 人事課, due(), "");
    let cell = entries_text(&topic(&r).actual);
    let lines = format!("{line}\n{cell}");
    let book = crate::type_into_workbook(&workbook::write(&r).unwrap(), &cell, &lines);
    let answer = answer_from_workbook(&book, "人事課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(answer)], at(10));
    assert_eq!(c.taken.len(), 1, "{:?}", c.refused);
    master.perform(c.intent(&[]).unwrap()).unwrap();
    let results = &topic(master.report()).actual;
    assert_eq!(results[0].text, line.trim_start_matches('・'));
    (
        crate::described_ja(&c.warnings),
        crate::described_ja(&check::warnings(master.report())),
        master.report().clone(),
    )
}

#[test]
fn an_answer_line_starting_with_angle_brackets_is_kept_and_said_in_the_review_and_check() {
    let (review, checked, report) = taken("<参考>");
    assert!(review.iter().any(|w| w.contains(SAID)), "{review:#?}");
    assert!(checked.iter().any(|w| w.contains(SAID)), "{checked:#?}");
    // Why it is said: the report's workbook read back makes it a heading.
    let read = crate::exported_and_read(
        &report,
        shinchoku::export::Format::Xlsx,
        shinchoku::export::Encoding::Utf8,
    );
    let headings: Vec<_> = crate::initiative(&read, "4")
        .topics
        .iter()
        .filter_map(|t| t.heading.clone())
        .collect();
    assert!(headings.contains(&"参考".to_string()), "{headings:?}");
}

#[test]
fn a_bulleted_line_with_angle_brackets_is_not_said() {
    let (review, checked, _) = taken("・<参考>");
    assert!(
        !review.iter().any(|w| w.contains("見出しになります")),
        "{review:#?}"
    );
    assert!(
        !checked.iter().any(|w| w.contains("見出しになります")),
        "{checked:#?}"
    );
}

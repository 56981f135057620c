//! Hostile files found by the sixth attack, each kept with what must hold now: a result of
//! thousands of notes after a word ending in 月 and a month bracket listing a hundred thousand
//! months, each read in minutes from a table of kilobytes.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::entry_text::read_entry;

/// 「研修月 (a) (a) …」: no month bracket, so each note was taken off the end in turn and the
/// rest read again as months at every word (12,000 notes: 25 s). Its text is kept, with no
/// months; a date range before notes is still read as before.
#[test]
fn a_result_of_thousands_of_notes_after_a_word_ending_in_month_reads() {
    let text = format!("研修月{}", " (a)".repeat(20_000));
    let entry = read_entry(&text, true, &mut Vec::new());
    assert_eq!(entry.text, text);
    assert!(entry.timing.is_none());
    let dated = "研修の実施 平成 29 年6月1日～平成 29 年9月 29 日（参加職員1,024名） (a)";
    let entry = read_entry(dated, true, &mut Vec::new());
    assert_eq!(entry.text, dated);
    let months = entry.timing.expect("its months").months;
    assert_eq!(months.calendar_months(), vec![6, 7, 8, 9]);
}

/// 「研修(1月、2月、… ×100,000)」: each place the bracket could be parted was read whole,
/// copied into an error and normalised (200,000 months: 13 s, 300,000: minutes). Its text is
/// kept and what is said of it quotes the bracket clipped, not a megabyte.
#[test]
fn a_month_bracket_listing_a_hundred_thousand_months_reads() {
    let listed: Vec<String> = (0..100_000).map(|m| format!("{}月", m % 12 + 1)).collect();
    let text = format!("研修({})", listed.join("、"));
    let mut problems = Vec::new();
    let entry = read_entry(&text, true, &mut problems);
    assert_eq!(entry.text, text);
    for p in &problems {
        for lang in [Lang::Ja, Lang::En] {
            let said = p.describe(lang);
            assert!(said.chars().count() < 2_000, "{}", said.chars().count());
        }
    }
    let too_long = format!("研修(6月{})", "x".repeat(200_000));
    let mut problems = Vec::new();
    let entry = read_entry(&too_long, true, &mut problems);
    assert_eq!(entry.text, too_long);
    let said: Vec<String> = problems.iter().map(|p| p.describe(Lang::Ja)).collect();
    assert!(
        !said.is_empty() && said.iter().all(|s| s.chars().count() < 2_000),
        "{:?}",
        said.iter().map(|s| s.chars().count()).collect::<Vec<_>>()
    );
}

/// An answer bringing more entries than any division writes (100,001 results in one topic)
/// is refused, naming the bound, and the batch's other answers are taken: one of 400,000
/// lines made the master larger than Shinchoku reads, and no command could open it again.
#[test]
fn an_answer_of_a_hundred_thousand_results_is_refused_and_the_others_taken() {
    use shinchoku::survey::answer::{Refusal, answer_from_report};
    let master = crate::surveyed(crate::seed().report);
    let master = master.report();
    let response = |division: &str| shinchoku::survey::response_for(master, division, None, "");
    let mut huge = response("総務部人事課");
    let topic = (huge.sections.iter_mut())
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.topics.iter_mut())
        .find(|t| t.division.as_deref() == Some("総務部人事課") && !t.actual.is_empty())
        .unwrap();
    let line = topic.actual[0].clone();
    topic.actual = vec![line; 100_001].into_iter().collect();
    let Err(refused) = answer_from_report(huge, "総務部人事課.ron".into()) else {
        panic!("taken");
    };
    assert!(matches!(refused, Refusal::TooManyEntries { count } if count > 100_000));
    for lang in [Lang::Ja, Lang::En] {
        assert!(
            refused.describe(lang).contains("100000"),
            "{}",
            refused.describe(lang)
        );
    }
    let good = answer_from_report(response("総務部管財課"), "総務部管財課.ron".into());
    let batch = vec![
        Err(("総務部人事課.ron".to_string(), refused)),
        good.map_err(|e| ("総務部管財課.ron".to_string(), e)),
    ];
    let collection = shinchoku::survey::collect::collect(master, batch, crate::october(10));
    assert_eq!(collection.refused.len(), 1);
    assert_eq!(collection.taken.len(), 1);
}

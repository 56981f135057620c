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

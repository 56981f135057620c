//! The entry-text reader (what a user types into an entry, what a plan or actual cell holds)
//! on any text: an entry with its text kept as written, never a panic; the edits that rewrite
//! an entry's months, counts and notes run on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::import::cell::cell_items;
use shinchoku::model::entry_text::{
    compose_text, new_entry, read_entry, with_counts, with_scheduled, with_text, with_timing,
};
use shinchoku::model::months::parse_timing;

/// An empty report to hand out ids (the sample would cost more than the reading fuzzed).
const EMPTY: &str = "(schema: 1, report: (title: \"\", programme: \"\", fiscal_year: 2017, \
    period: first_half, plan_years: (first: 2016, last: 2019), sections: [], next_id: 1))";

fuzz_target!(|text: &str| {
    let _ = cell_items(text);
    let mut problems = Vec::new();
    let entry = read_entry(text, true, &mut problems);
    assert_eq!(entry.text, text.trim());
    let mut report = shinchoku::store::from_ron(EMPTY).expect("the empty report reads");
    let (typed, _) = new_entry(&mut report, text);
    let (again, _) = with_text(&mut report, &typed, text);
    assert_eq!(again.id, typed.id);
    let moved = with_timing(&entry, parse_timing("5月～7月").ok());
    let _ = with_scheduled(&moved, true);
    let _ = with_timing(&entry, None);
    let _ = with_counts(&entry, Vec::new());
    let _ = compose_text(&entry);
});

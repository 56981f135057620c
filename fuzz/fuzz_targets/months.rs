//! The month-expression parser on any text: a timing or an error, never a panic. A timing it
//! reads holds only real months, and written back the way reports write it (what an edit of
//! the months puts into the entry's text) it reads as the same timing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::model::months::{looks_like_timing, parse_timing};
use shinchoku::model::text::normalize;

fuzz_target!(|text: &str| {
    let _ = normalize(text);
    let _ = looks_like_timing(text);
    let Ok(timing) = parse_timing(text) else {
        return;
    };
    assert!(timing.months.is_within_year());
    let written = timing.to_japanese();
    let again = parse_timing(&written)
        .unwrap_or_else(|e| panic!("「{written}」 (from 「{text}」) does not read back: {e}"));
    assert_eq!(again, timing, "「{written}」 from 「{text}」");
});

//! The era and fiscal-year parsers on any text: a supported year or none, never a panic or an
//! overflow; a year read is named in era form without overflow either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shinchoku::model::FiscalYear;
use shinchoku::model::era::{
    find_era_year, find_unsupported_era_year, parse_era_year, parse_short_fiscal_year,
};

fuzz_target!(|data: &[u8]| {
    // The first four bytes choose the report year the short form is read near.
    let (near, rest) = data.split_at(data.len().min(4));
    let mut word = [0u8; 4];
    word[..near.len()].copy_from_slice(near);
    let near = FiscalYear(i32::from_le_bytes(word));
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    for year in [parse_era_year(text), find_era_year(text)]
        .into_iter()
        .flatten()
    {
        assert!(FiscalYear(year).is_supported(), "{year} from 「{text}」");
        let _ = FiscalYear(year).era_form();
    }
    if let Some(year) = parse_short_fiscal_year(text, near) {
        assert!(year.is_supported(), "{year:?} from 「{text}」");
        let _ = (year.short_form(), year.short_form_like(near), year.to_string());
    }
    let _ = find_unsupported_era_year(text);
});

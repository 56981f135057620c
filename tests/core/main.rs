//! Core tests: month and era parsing, the importer on the seed and its variants, bad input, RON
//! files. One test binary keeps linking cheap.

mod bad_input;
mod edit;
mod encodings;
mod era;
mod import_seed;
mod months;
mod plan_lines;
mod store;

use shinchoku::import::{self, Imported};
use shinchoku::model::{Initiative, Report};

pub const SEED: &str = include_str!("../fixtures/mie-h29-h1-report.tsv");

pub fn seed() -> Imported {
    import::import_text(SEED).expect("the seed imports")
}

pub fn initiative<'a>(report: &'a Report, number: &str) -> &'a Initiative {
    report
        .find_initiative(number)
        .unwrap_or_else(|| panic!("initiative {number} is in the report"))
}

//! Core tests: month and era parsing, the importer on the seed and its variants, bad input, RON
//! files. One test binary keeps linking cheap.

mod bad_input;
mod checked_open;
mod compare;
mod compare_marks;
mod defects;
mod edit;
mod encodings;
mod era;
mod fuzz_found;
mod import_seed;
mod invisible;
mod locks;
mod months;
mod plan_lines;
mod recovery;
mod saving;
mod store;
mod survey;
mod workbook;

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

/// The environment variable that turns a test of this binary into a child process's work
/// (see [`child`]); its value names the work.
pub const CHILD: &str = "SHINCHOKU_TEST_CHILD";

/// Starts this test binary again running only `test` (a `module::name` of this binary), with
/// `CHILD=work` and the given variables; stdout is piped. The named test does its work when
/// it finds `CHILD` set to `work` and passes without doing anything otherwise.
pub fn child(test: &str, work: &str, vars: &[(&str, &std::path::Path)]) -> std::process::Child {
    let mut command = std::process::Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, work)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit());
    for (k, v) in vars {
        command.env(k, v);
    }
    command.spawn().expect("the test binary starts again")
}

/// In a child started by [`child`] for `work`: its variable `name`.
pub fn child_var(work: &str, name: &str) -> Option<std::path::PathBuf> {
    (std::env::var(CHILD).ok()? == work).then(|| std::env::var_os(name).map(Into::into))?
}

//! Outputs that would replace what must not be replaced: a file the report was read from, or a
//! division's answer. The command line and the window ask the same question before writing an
//! export, a printout or a change list (the window wrote over an answer workbook chosen in its
//! save dialog, the command line refused it).

use std::path::{Path, PathBuf};

use crate::lang::{Describe, Lang, say};

/// Why an output is not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overwrite {
    /// The output is a file the report was read from (written, it replaced what was read:
    /// `export t.tsv -o t.tsv` rewrote the table without the rows it kept unread).
    IsInput { path: PathBuf },
    /// The output is a division's answer, a response file or an answer workbook (`""` when its
    /// division can no longer be read from it).
    IsAnswer { path: PathBuf, division: String },
    /// The output is an office's master holding a survey's record (`divisions` sent to or
    /// answered): a report written over it (`import`, `rollover`) loses who was asked and what
    /// was collected — it was replaced without a word.
    IsMaster { path: PathBuf, divisions: usize },
}

/// Whether writing `output` would replace one of `inputs` or a division's answer.
pub fn refused(output: &Path, inputs: &[&Path]) -> Option<Overwrite> {
    if let Some(input) = (inputs.iter()).find(|i| crate::store::disk::same_file(i, output)) {
        let path = input.to_path_buf();
        return Some(Overwrite::IsInput { path });
    }
    let division = answer_division(output)?;
    let path = output.to_path_buf();
    Some(Overwrite::IsAnswer { path, division })
}

/// Whether saving a report as `output` would replace a division's answer other than the one
/// saved (`own`: the division of the response saved; none for the office's report): the
/// window's 名前を付けて保存 chosen over an answer replaced what the division wrote.
pub fn replaces_answer(output: &Path, own: Option<&str>) -> Option<Overwrite> {
    let division = answer_division(output)?;
    if own == Some(division.as_str()) {
        return None;
    }
    let path = output.to_path_buf();
    Some(Overwrite::IsAnswer { path, division })
}

/// Whether writing a new report to `output` would replace an office's master holding a
/// survey (see [`Overwrite::IsMaster`]).
pub fn replaces_master(output: &Path) -> Option<Overwrite> {
    let is_ron = (output.extension()).is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if !is_ron || !output.is_file() {
        return None;
    }
    let report = crate::store::open_as_written(output).ok()?.report;
    let divisions = report.survey.len();
    (report.response.is_none() && divisions > 0).then(|| Overwrite::IsMaster {
        path: output.to_path_buf(),
        divisions,
    })
}

/// The division whose answer the file at `path` is (`""`: unknown), if it is one.
fn answer_division(path: &Path) -> Option<String> {
    let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match extension.as_str() {
        "ron" if path.is_file() => {
            Some((crate::store::open_as_written(path).ok()?.report.response)?.division)
        }
        "xlsx" if path.is_file() => {
            use super::workbook;
            let bytes = crate::model::diag::read_input(path).ok()?;
            // One its division can no longer be read from (its hidden cells edited) is an
            // answer all the same: overwritten, what the division typed was gone.
            match workbook::read(&bytes) {
                Ok(answered) => Some(answered.response.division),
                Err(_) if workbook::is_response_workbook(&bytes) => Some(String::new()),
                Err(_) => None,
            }
        }
        _ => None,
    }
}

impl Describe for Overwrite {
    fn describe(&self, lang: Lang) -> String {
        match self {
            Overwrite::IsInput { path } => {
                let path = crate::model::text::path_shown(path);
                say(
                    lang,
                    format!(
                        "{path}: 読み込むファイルそのものには書き出せません（読んだものを置き換えてしまうため）。何も書いていません。別の名前にしてください"
                    ),
                    format!(
                        "{path}: the output is a file being read; nothing was written: write elsewhere"
                    ),
                )
            }
            Overwrite::IsMaster { path, divisions } => {
                let path = crate::model::text::path_shown(path);
                say(
                    lang,
                    format!(
                        "{path}: 照会の記録（{divisions}課）を持つ報告です。新しい報告で置き換えると、照会と回答の記録がなくなります。何も書いていません。別の名前にするか、置き換えるなら --force を付けてください"
                    ),
                    format!(
                        "{path}: a report holding a survey's record ({divisions} division(s)); \
                         replaced by a new report, the record of who was asked and what was \
                         collected is gone. Nothing was written: write elsewhere, or add \
                         --force to replace it"
                    ),
                )
            }
            Overwrite::IsAnswer { path, division } => {
                let path = crate::model::text::path_shown(path);
                let division = crate::model::diag::division_named(division, lang);
                say(
                    lang,
                    format!(
                        "{path}: {division}の回答です。置き換えません。何も書いていません。別の名前にしてください"
                    ),
                    format!(
                        "{path}: it is the answer of {division}; not replaced, nothing was written: write elsewhere"
                    ),
                )
            }
        }
    }
}

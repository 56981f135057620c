//! What the command line itself says went wrong (the core's own errors and warnings are worded
//! where they are made), as kinds worded through [`Describe`] like every other message. The
//! command line prints them in English (`Lang::En`), prefixed `shinchoku: ` or `warning: `.

use std::path::{Path, PathBuf};

use super::console::errln;
use crate::lang::{Describe, Lang, say};
use crate::print::changes::ListPdfError;
use crate::store::lock::LockHolder;

#[derive(Debug)]
pub enum CommandProblem {
    /// The output is open in another Shinchoku: not overwritten, or overwritten all the same
    /// when `forced` (`--force`).
    OutputOpen {
        path: PathBuf,
        holder: LockHolder,
        forced: bool,
    },
    /// A survey's master (and a report given an as-of date) must be a `.ron` report: a table
    /// has nowhere to keep the survey.
    MasterNotRon { path: PathBuf },
    /// The file given as the master is a response sent to a division.
    MasterIsResponse { path: PathBuf, division: String },
    /// `import` given a response sent to a division: it is collected, not imported.
    ImportOfResponse { path: PathBuf, division: String },
    /// `print --division` names no 担当課 of the report.
    NoDivision { division: String, path: PathBuf },
    /// `print --section` names no section of the report.
    NoSection { section: u32, path: PathBuf },
    /// The report at `path` would print on more pages than one printout may have.
    TooManyPages {
        path: PathBuf,
        refused: crate::print::TooManyPages,
    },
    /// The PDF could not be written to `path`.
    OutputNotWritten {
        path: PathBuf,
        error: std::io::Error,
    },
    /// `diff --pdf`: the change list could not be made or written.
    ChangeListNotWritten {
        path: PathBuf,
        cause: ChangeListFailure,
    },
    /// `--json` output could not be made.
    JsonNotWritten(serde_json::Error),
    /// The output is named for another kind of file than the command writes (`print -o
    /// master.ron` replaced the report with a PDF, no backup kept): nothing is read or written.
    OutputMisnamed {
        path: PathBuf,
        /// The extension it must have, without the dot.
        wanted: &'static str,
    },
    /// The output is one of the command's inputs or a division's answer: nothing was written.
    Overwrite(crate::survey::overwrite::Overwrite),
    /// No command was given, and this build has no window (feature `gui`).
    NoWindow,
    /// `diff`: a file read with text kept unread, which the comparison does not weigh (it is
    /// compared as a list alone: [`CommandProblem::UnreadDiffers`]).
    NotCompared { path: PathBuf, unread: usize },
    /// `diff`: the two files' text kept unread (a note beside the table, a cell outside the
    /// report) differs: the reports differ there, whatever the change list says.
    UnreadDiffers { old: usize, new: usize },
    /// `as-of`: the text is no day of the report's fiscal year.
    AsOfNotRead {
        text: String,
        fiscal_year: crate::model::FiscalYear,
        /// It is a date, only of another year: said so, rather than "not read".
        a_date: bool,
    },
}

/// Why `diff --pdf` wrote no change list.
#[derive(Debug)]
pub enum ChangeListFailure {
    Pdf(ListPdfError),
    Write(std::io::Error),
}

impl Describe for ChangeListFailure {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ChangeListFailure::Pdf(e) => e.describe(lang),
            // The system's words, as every other message quotes them.
            ChangeListFailure::Write(e) => e.to_string(),
        }
    }
}

impl Describe for CommandProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            CommandProblem::OutputOpen {
                path,
                holder,
                forced,
            } => open_elsewhere(path, holder, *forced, lang),
            CommandProblem::MasterNotRon { path } => say(
                lang,
                format!(
                    "{}: 進捗の .ron の報告が要ります（照会や時点の記録を残す場所です。先に表を取り込んでください）",
                    crate::model::text::path_shown(path)
                ),
                format!(
                    "{}: needs a Shinchoku .ron report, where the survey and the as-of date are kept (import the table first)",
                    crate::model::text::path_shown(path)
                ),
            ),
            CommandProblem::NotCompared { .. } | CommandProblem::UnreadDiffers { .. } => {
                not_compared_words(self, lang)
            }
            CommandProblem::MasterIsResponse { path, division } => say(
                lang,
                format!(
                    "{}: {division} へ送った回答用ファイルで、元の報告ではありません",
                    crate::model::text::path_shown(path)
                ),
                format!(
                    "{}: this is the response sent to {division}, not the master report",
                    crate::model::text::path_shown(path)
                ),
            ),
            CommandProblem::ImportOfResponse { path, division } => say(
                lang,
                format!(
                    "{}: {division} へ送った回答用ファイルです。報告として取り込まず、collect で元の報告に取り込んでください。何も書いていません",
                    crate::model::text::path_shown(path)
                ),
                format!(
                    "{}: this is the response sent to {division}: collect it into the master \
                     (shinchoku collect MASTER.ron FILE), not import it; nothing was written",
                    crate::model::text::path_shown(path)
                ),
            ),
            CommandProblem::NoDivision { division, path } => say(
                lang,
                format!("{} に担当課「{division}」はありません", crate::model::text::path_shown(path)),
                format!("no 担当課 named 「{division}」 in {}", crate::model::text::path_shown(path)),
            ),
            CommandProblem::NoSection { section, path } => say(
                lang,
                format!("{} に第{section}節はありません", crate::model::text::path_shown(path)),
                format!("no section {section} in {}", crate::model::text::path_shown(path)),
            ),
            CommandProblem::TooManyPages { path, refused } => format!(
                "{}: {} (--division, --section)",
                crate::model::text::path_shown(path),
                refused.describe(lang)
            ),
            CommandProblem::OutputNotWritten { path, error } => say(
                lang,
                format!("{}: 書き込めません: {}", crate::model::text::path_shown(path), error.describe(lang)),
                format!("{}: cannot write: {error}", crate::model::text::path_shown(path)),
            ),
            CommandProblem::ChangeListNotWritten { path, cause } => say(
                lang,
                format!("{}: 変更一覧を書き込めません: {}", crate::model::text::path_shown(path), cause.describe(lang)),
                format!("{}: cannot write the change list: {}", crate::model::text::path_shown(path), cause.describe(lang)),
            ),
            CommandProblem::JsonNotWritten(e) => say(
                lang,
                format!("JSONを書き出せません: {e}"),
                format!("cannot write JSON: {e}"),
            ),
            CommandProblem::AsOfNotRead {
                text,
                fiscal_year,
                a_date,
            } => {
                // Quoted shortened: a 100 KB argument was echoed whole.
                let text = crate::model::text::clipped(text, 100);
                let (first, next) = (fiscal_year.0, fiscal_year.0 + 1);
                let era = fiscal_year.era_form();
                // The examples are the report's own year end (they named 2018 for any year).
                let (ja, en) = if *a_date {
                    (format!("「{text}」は{era}（{first}年4月1日～{next}年3月31日）の外の日付です"), format!("「{text}」 is a date outside fiscal year {first} (1 April {first} – 31 March {next})"))
                } else {
                    (format!("「{text}」を{era}（{first}年4月1日～{next}年3月31日）の日付として読めません"), format!("「{text}」 is no day of fiscal year {first} (1 April {first} – 31 March {next})"))
                };
                say(
                    lang,
                    format!("{ja}（{next}-03-31、{next}年3月31日、または end と書いてください）"),
                    format!("{en}; write it as {next}-03-31, {next}年3月31日, or end"),
                )
            }
            CommandProblem::OutputMisnamed { path, wanted } => {
                let path = crate::model::text::path_shown(path);
                say(
                    lang,
                    format!("{path}: 書き出す先は .{wanted} の名前にしてください（別の種類のファイルを置き換えないため）。何も書いていません"),
                    format!("{path}: name the output .{wanted} (so that no other kind of file is replaced); nothing was written"),
                )
            }
            CommandProblem::Overwrite(refused) => refused.describe(lang),
            CommandProblem::NoWindow => say(
                lang,
                "ウィンドウなしで作られています（機能 `gui`）。サブコマンドを使ってください（--help）".into(),
                "built without the window (feature `gui`); use a subcommand, see --help".into(),
            ),
        }
    }
}

impl CommandProblem {
    /// Says it on standard error as what stops the command: `shinchoku: …`.
    pub fn say_error(&self, lang: Lang) {
        errln!("shinchoku: {}", self.describe(lang));
    }

    /// Says it on standard error as a warning: `warning: …`.
    pub fn say_warning(&self, lang: Lang) {
        let mark = crate::lang::say(lang, "注意".into(), "warning".into());
        errln!("{mark}: {}", self.describe(lang));
    }
}

/// An output another Shinchoku has open: who has it, and whether it was overwritten.
fn open_elsewhere(path: &Path, holder: &LockHolder, forced: bool, lang: Lang) -> String {
    let held = holder.held_words(path, lang);
    let path = crate::model::text::path_shown(path);
    match (forced, lang) {
        (true, Lang::Ja) => format!("{path}: {held}。上書きしました（--force）"),
        (true, Lang::En) => format!("{path}: {held}; overwritten (--force)"),
        (false, Lang::Ja) => {
            format!("{path}: {held}。上書きしません（--force で上書きします）")
        }
        (false, Lang::En) => format!("{path}: {held}; not overwritten (--force overwrites it)"),
    }
}

/// `diff`'s words of what it did not compare ([`CommandProblem::NotCompared`],
/// [`CommandProblem::UnreadDiffers`]).
fn not_compared_words(problem: &CommandProblem, lang: Lang) -> String {
    match problem {
        CommandProblem::NotCompared { path, unread } => say(
            lang,
            format!(
                "{}: 読まなかった文字列{unread}件は比較の外です（その一覧が異なるかだけを見ます。shinchoku check で確かめられます）",
                crate::model::text::path_shown(path)
            ),
            format!(
                "{}: {unread} text(s) not read are outside the comparison (only whether their list differs is told; see shinchoku check)",
                crate::model::text::path_shown(path)
            ),
        ),
        CommandProblem::UnreadDiffers { old, new } => say(
            lang,
            format!("読まなかった文字列が異なります（旧{old}件、新{new}件）"),
            format!("the text not read differs ({old} in the old, {new} in the new)"),
        ),
        _ => String::new(),
    }
}

//! What the command line takes: the clap definitions, one struct per command. The doc comments
//! here are the `--help` texts.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::usage::ValueProblem;

#[derive(Parser)]
#[command(
    name = "shinchoku",
    version,
    about = "進捗 — reform programme progress tracker"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Reports to open in the window: a Shinchoku `.ron` file, a report table (`.tsv`, `.csv`)
    /// or a workbook (`.xlsx`, `.xls`, `.ods`).
    /// Several reports of one programme open together, to step through (前の報告 / 次の報告):
    /// the latest is shown, compared with the one before.
    pub files: Vec<PathBuf>,
    /// Open the report compared with this one (比較): the grid marks what differs.
    #[arg(long, value_name = "OLD")]
    pub compare: Option<PathBuf>,
}

// The commands' structs carry no doc comment: a variant's is its `--help` text.
#[derive(Subcommand)]
pub enum Command {
    /// Import a published report table (TSV or CSV with HTML cells, or a workbook: `.xlsx`,
    /// `.xls`, `.ods`) into a Shinchoku `.ron` file.
    Import(Import),
    /// Print the progress grid to a PDF (the bundled font embedded).
    Print(Print),
    /// Export to Excel (.xlsx), the report table format (.tsv), a CSV of the entries (.csv) or a
    /// web page for publishing (.html).
    Export(Export),
    /// Write the bundled sample report, or a large one made from it, to a `.ron` file
    /// (for trying Shinchoku, and for measuring it on thousands of initiatives).
    Sample(Sample),
    /// Compare two reports (`.ron` or report tables): a change list, or JSON. Exit 0 when they
    /// are the same, 1 when they differ, 2 when one cannot be read.
    Diff(Diff),
    /// Carry a report into the next period: its second half, the full year, or the next fiscal
    /// year (written as a `.ron` file).
    Rollover(Rollover),
    /// Survey (照会): write a response per 担当課 into DIR (`<担当課>.ron` and/or `.xlsx`) and
    /// record in REPORT.ron (rewritten, keeping backups) that it was sent and when it is due.
    Survey(Survey),
    /// Take answers (`.ron` responses, `.xlsx` workbooks) into the report: each division's
    /// results are applied; other changes are listed and held back. Writes OUT (default: the
    /// report itself); exits 1 when an answer was refused.
    Collect(Collect),
    /// 提出状況: who was sent the survey, who has answered, what is overdue.
    Status(Status),
    /// 差戻し: send a division's answer back for correction, with what to correct. Rewrites
    /// REPORT.ron (keeping backups), or writes OUT; 提出状況 shows it until the division answers
    /// again.
    SendBack(SendBack),
    /// 時点: set the date a report's results are reported as of (a day of its fiscal year:
    /// `2018-03-31`, `平成30年3月31日`), or `end` for the end of its period. Rewrites REPORT.ron
    /// (keeping backups), or writes OUT; the printout, the exports and the statuses follow it.
    AsOf(AsOfArgs),
    /// Read a `.ron` report or a report table and print a summary and every warning.
    Check(Check),
}

#[derive(clap::Args)]
pub struct Import {
    /// The report table (.tsv, .txt, .csv, .html) or workbook (.xlsx, .xls, .ods) to read.
    pub report: PathBuf,
    /// The `.ron` report to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Overwrite the output even when another Shinchoku has it open, or when it is a master
    /// holding a survey's record (which the new report replaces).
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Print {
    /// The report: a `.ron` file, a report table (.tsv, .txt, .csv, .html) or a workbook
    /// (.xlsx, .xls, .ods).
    pub report: PathBuf,
    /// The PDF to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The paper size.
    #[arg(long, value_enum, default_value = "a3")]
    pub paper: PaperArg,
    /// Portrait pages (landscape by default).
    #[arg(long)]
    pub portrait: bool,
    /// Only this 担当課's rows.
    #[arg(long)]
    pub division: Option<String>,
    /// Only this section (1 for I, 2 for II …).
    #[arg(long)]
    pub section: Option<u32>,
    /// What a page break may not cut: a topic block (an initiative continues on the next
    /// page between topics), a whole initiative when it fits, or only a row.
    #[arg(long, value_enum, default_value = "topic")]
    pub keep: KeepArg,
    /// Start each section on a new page.
    #[arg(long)]
    pub section_pages: bool,
    /// Shrink the text so the printout takes at most N pages (it is always one page wide).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub fit_pages_tall: Option<u32>,
    /// Leave out the numbers' columns (数値目標, 効果額, 評価) and the 集計表 pages after the
    /// grid, which a report with numbers or a rating scale has.
    #[arg(long)]
    pub no_numbers: bool,
    /// Print the grid with the marks of a comparison with this (older) report.
    #[arg(long, value_name = "OLD")]
    pub compare: Option<PathBuf>,
    /// Leave out the structure for screen readers (PDF/UA-1), which the PDF has by
    /// default: a third faster and a third the size on a large report.
    #[arg(long)]
    pub untagged: bool,
    /// Overwrite the output even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Export {
    /// The report: a `.ron` file, a report table (.tsv, .txt, .csv, .html) or a workbook
    /// (.xlsx, .xls, .ods).
    pub report: PathBuf,
    /// The file to write; its extension gives the format: .xlsx, .tsv or .txt (the report
    /// table), .csv (the entries), .html or .htm (the web page).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Text encoding of .tsv and .csv files.
    #[arg(long, value_enum, default_value = "utf-8")]
    pub encoding: EncodingArg,
    /// Overwrite the output even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Sample {
    /// The `.ron` report to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Repeat the sample's initiatives up to this many (at most 150,000, what a report may hold).
    #[arg(long, value_parser = initiative_count)]
    pub initiatives: Option<usize>,
    /// The sample with one topic (initiative 10's first) holding this many result lines (at
    /// most 1,000,000).
    #[arg(long, conflicts_with = "initiatives", value_parser = result_line_count)]
    pub result_lines: Option<usize>,
    /// Overwrite the output even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Diff {
    /// The older report (`.ron`, a report table or a workbook).
    pub old: PathBuf,
    /// The newer report.
    pub new: PathBuf,
    /// Print JSON instead of the change list.
    #[arg(long)]
    pub json: bool,
    /// The change list's language.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Also write the change list as a PDF (A4, in `--lang`).
    #[arg(long, value_name = "OUT.pdf")]
    pub pdf: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct Rollover {
    /// The report: a `.ron` file, a report table (.tsv, .txt, .csv, .html) or a workbook
    /// (.xlsx, .xls, .ods).
    pub report: PathBuf,
    /// The `.ron` report of the next period to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The period to carry it into.
    #[arg(long, value_enum)]
    pub to: ToArg,
    /// Overwrite the output even when another Shinchoku has it open, or when it is a master
    /// holding a survey's record (which the new report replaces).
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Survey {
    /// The office's master: a `.ron` report (it records the survey).
    pub report: PathBuf,
    /// The directory for the responses (made if missing).
    #[arg(short, long)]
    pub output: PathBuf,
    /// 回答期限, e.g. 2017-10-13.
    #[arg(long, value_parser = report_date)]
    pub due: Option<chrono::NaiveDate>,
    /// The responses' format: `.ron` files, `.xlsx` workbooks, or both.
    #[arg(long, value_enum, default_value = "both")]
    pub format: SurveyFormatArg,
    /// The office's note to the divisions (shown in the response and the workbook).
    #[arg(long, default_value = "")]
    pub note: String,
    /// The day it is sent (default: today); the due date may not be before it.
    #[arg(long, value_parser = report_date)]
    pub today: Option<chrono::NaiveDate>,
    /// Rewrite REPORT.ron even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Collect {
    /// The office's master: a `.ron` report.
    pub report: PathBuf,
    /// The answers: `.ron` responses and `.xlsx` workbooks.
    #[arg(required = true)]
    pub answers: Vec<PathBuf>,
    /// The `.ron` report to write (default: the master itself).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Take the changes outside each division's results too.
    #[arg(long)]
    pub accept_out_of_scope: bool,
    /// The language of what it prints.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Overwrite the output even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Status {
    /// The office's master: a `.ron` report.
    pub report: PathBuf,
    /// Print CSV (UTF-8 with BOM) instead of a table.
    #[arg(long)]
    pub csv: bool,
    /// Overdue as of this day (default: today).
    #[arg(long, value_parser = report_date)]
    pub today: Option<chrono::NaiveDate>,
    /// The language of what it prints.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(clap::Args)]
pub struct SendBack {
    /// The office's master: a `.ron` report.
    pub report: PathBuf,
    /// The division whose answer is sent back, as 提出状況 names it.
    pub division: String,
    /// What the division should correct (required: a division is told why).
    #[arg(long)]
    pub note: String,
    /// The `.ron` report to write (default: the master itself).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The language of what it prints.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Overwrite the output even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct AsOfArgs {
    /// The report: a `.ron` file.
    pub report: PathBuf,
    /// The date (`2018-03-31`, `2018/3/31`, `平成30年3月31日`), or `end` (the period's end).
    pub date: String,
    /// The `.ron` report to write (default: the report itself).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The language of what it prints.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
    /// Overwrite the output even when another Shinchoku has it open.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args)]
pub struct Check {
    /// A `.ron` report, a report table or a workbook.
    pub file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    Cp932,
    #[value(name = "utf-16")]
    Utf16,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SurveyFormatArg {
    Ron,
    Xlsx,
    Both,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

impl LangArg {
    pub fn lang(self) -> crate::lang::Lang {
        match self {
            LangArg::Ja => crate::lang::Lang::Ja,
            LangArg::En => crate::lang::Lang::En,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ToArg {
    SecondHalf,
    FullYear,
    NextYear,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum KeepArg {
    Initiative,
    Topic,
    Row,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PaperArg {
    A3,
    A4,
    B4,
}

/// A date of a report's survey: `2017-10-13`, in the years a survey's date is taken in (平成
/// and 令和, 1989 to 2199) — a year such as 0000 or +10000 is a typing slip, not a date to
/// record.
fn report_date(text: &str) -> Result<chrono::NaiveDate, ValueProblem> {
    use crate::model::era::SurveyDateProblem;
    // As `as-of` and the window read one: in an era (`平成29年10月20日`) or with 年月日 too.
    crate::model::era::read_survey_date(text).map_err(|problem| match problem {
        SurveyDateProblem::NotADate => {
            ValueProblem::NotADate(crate::model::text::clipped(text, 100))
        }
        SurveyDateProblem::OutsideYears(date) => ValueProblem::DateOutsideYears(date),
    })
}

/// A count of at most `most`.
fn count_up_to(text: &str, most: usize) -> Result<usize, ValueProblem> {
    let n: usize = (text.parse())
        .map_err(|_| ValueProblem::NotACount(crate::model::text::clipped(text, 100)))?;
    if n > most {
        return Err(ValueProblem::CountOver { count: n, most });
    }
    Ok(n)
}

/// `--initiatives`: no more than a report may hold (a hundred million took all the memory).
fn initiative_count(text: &str) -> Result<usize, ValueProblem> {
    count_up_to(text, crate::model::bounds::MAX_INITIATIVES)
}

/// `--result-lines`: a bound on the sample asked for; a report of more than some 350,000
/// lines is larger than is read, and `sample` refuses to write it, saying so.
fn result_line_count(text: &str) -> Result<usize, ValueProblem> {
    count_up_to(text, 1_000_000)
}

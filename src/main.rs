//! The `shinchoku` command: with no subcommand it opens the window; `import` and `check` work
//! on files for scripts and tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use shinchoku::document::{Document, SaveOptions};
use shinchoku::lang::{Describe, Lang, say};
use shinchoku::model::text::visible;
use shinchoku::print::pdf::Tagging;
use shinchoku::print::{KeepTogether, PageSetup, Paper, PrintJob};
use shinchoku::summary::ReportSummary;
// Long work (print, export, survey, collect) shows a bar on standard error when it is a terminal.
use shinchoku::console::bar::Bar;
// Output that leaves a closed pipe quietly (`shinchoku check big.ron | head -1`): see
// `shinchoku::console`.
use shinchoku::{console_eprintln as eprintln, console_print as print, console_println as println};

/// `println!` for the terminal: each character that does not show — an ESC sequence or a
/// right-to-left override read from a report, an answer or a file name — is written as its
/// mark (`<ESC U+001B>`, `shinchoku::model::text::visible`), so nothing printed acts on the
/// terminal or hides what follows.
macro_rules! outln {
    ($($arg:tt)*) => {
        println!("{}", shinchoku::model::text::visible(&format!($($arg)*)))
    };
}

/// `eprintln!` for the terminal, the same way as [`outln!`].
macro_rules! errln {
    ($($arg:tt)*) => {
        eprintln!("{}", shinchoku::model::text::visible(&format!($($arg)*)))
    };
}

#[derive(Parser)]
#[command(
    name = "shinchoku",
    version,
    about = "進捗 — reform programme progress tracker"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Reports to open in the window: a Shinchoku `.ron` file or a report table (`.tsv`).
    /// Several reports of one programme open together, to step through (前の報告 / 次の報告):
    /// the latest is shown, compared with the one before.
    files: Vec<PathBuf>,
    /// Open the report compared with this one (比較): the grid marks what differs.
    #[arg(long, value_name = "OLD")]
    compare: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Import a published report table (TSV with HTML cells) into a Shinchoku `.ron` file.
    Import {
        report: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output even when another Shinchoku has it open.
        #[arg(long)]
        force: bool,
    },
    /// Print the progress grid to a PDF (the bundled font embedded).
    Print {
        report: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum, default_value = "a3")]
        paper: PaperArg,
        #[arg(long)]
        portrait: bool,
        /// Only this 担当課's rows.
        #[arg(long)]
        division: Option<String>,
        /// Only this section (1 for I, 2 for II …).
        #[arg(long)]
        section: Option<u32>,
        /// What a page break may not cut: a topic block (an initiative continues on the next
        /// page between topics), a whole initiative when it fits, or only a row.
        #[arg(long, value_enum, default_value = "topic")]
        keep: KeepArg,
        /// Start each section on a new page.
        #[arg(long)]
        section_pages: bool,
        /// Shrink the text so the printout takes at most N pages (it is always one page wide).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        fit_pages_tall: Option<u32>,
        /// Print the grid with the marks of a comparison with this (older) report.
        #[arg(long, value_name = "OLD")]
        compare: Option<PathBuf>,
        /// Leave out the structure for screen readers (PDF/UA-1), which the PDF has by
        /// default: a third faster and a third the size on a large report.
        #[arg(long)]
        untagged: bool,
        /// Overwrite the output even when another Shinchoku has it open.
        #[arg(long)]
        force: bool,
    },
    /// Export to Excel (.xlsx), the report table format (.tsv), a CSV of the entries (.csv) or a
    /// web page for publishing (.html).
    Export {
        report: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// Text encoding of .tsv and .csv files.
        #[arg(long, value_enum, default_value = "utf-8")]
        encoding: EncodingArg,
        /// Overwrite the output even when another Shinchoku has it open.
        #[arg(long)]
        force: bool,
    },
    /// Write the bundled sample report, or a large one made from it, to a `.ron` file
    /// (for trying Shinchoku, and for measuring it on thousands of initiatives).
    Sample {
        #[arg(short, long)]
        output: PathBuf,
        /// Repeat the sample's initiatives up to this many.
        #[arg(long)]
        initiatives: Option<usize>,
        /// The sample with one topic (initiative 10's first) holding this many result lines.
        #[arg(long, conflicts_with = "initiatives")]
        result_lines: Option<usize>,
        /// Overwrite the output even when another Shinchoku has it open.
        #[arg(long)]
        force: bool,
    },
    /// Compare two reports (`.ron` or report tables): a change list, or JSON. Exit 0 when they
    /// are the same, 1 when they differ, 2 when one cannot be read.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// Print JSON instead of the change list.
        #[arg(long)]
        json: bool,
        /// The change list's language.
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Also write the change list as a PDF (A4, in `--lang`).
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
    },
    /// Carry a report into the next period: its second half, the full year, or the next fiscal
    /// year (written as a `.ron` file).
    Rollover {
        report: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum)]
        to: ToArg,
    },
    /// Survey (照会): write a response per 担当課 into DIR (`<担当課>.ron` and/or `.xlsx`) and
    /// record in REPORT.ron (rewritten, keeping backups) that it was sent and when it is due.
    Survey {
        report: PathBuf,
        /// The directory for the responses (made if missing).
        #[arg(short, long)]
        output: PathBuf,
        /// 回答期限, e.g. 2017-10-13.
        #[arg(long)]
        due: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value = "both")]
        format: SurveyFormatArg,
        /// The office's note to the divisions (shown in the response and the workbook).
        #[arg(long, default_value = "")]
        note: String,
        /// The day it is sent (default: today); the due date may not be before it.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Rewrite REPORT.ron even when another Shinchoku has it open.
        #[arg(long)]
        force: bool,
    },
    /// Take answers (`.ron` responses, `.xlsx` workbooks) into the report: each division's
    /// results are applied; other changes are listed and held back. Writes OUT (default: the
    /// report itself); exits 1 when an answer was refused.
    Collect {
        report: PathBuf,
        #[arg(required = true)]
        answers: Vec<PathBuf>,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Take the changes outside each division's results too.
        #[arg(long)]
        accept_out_of_scope: bool,
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
        /// Overwrite the output even when another Shinchoku has it open.
        #[arg(long)]
        force: bool,
    },
    /// 提出状況: who was sent the survey, who has answered, what is overdue.
    Status {
        report: PathBuf,
        /// Print CSV (UTF-8 with BOM) instead of a table.
        #[arg(long)]
        csv: bool,
        /// Overdue as of this day (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value = "en")]
        lang: LangArg,
    },
    /// Read a `.ron` report or a report table and print a summary and every warning.
    Check {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    Cp932,
    #[value(name = "utf-16")]
    Utf16,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SurveyFormatArg {
    Ron,
    Xlsx,
    Both,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Ja,
    En,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ToArg {
    SecondHalf,
    FullYear,
    NextYear,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum KeepArg {
    Initiative,
    Topic,
    Row,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A3,
    A4,
    B4,
}

/// Exit code when the input cannot be read.
const UNREADABLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    shinchoku::console::exit_code(run(cli))
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Import {
            report,
            output,
            force,
        }) => locked_output(&output, force).unwrap_or_else(|| import(&report, &output)),
        Some(Command::Check { file, json }) => check(&file, json),
        Some(Command::Survey {
            report,
            output,
            due,
            format,
            note,
            today,
            force,
        }) => survey(&report, &output, due, format, &note, today, force),
        Some(Command::Collect {
            report,
            answers,
            output,
            accept_out_of_scope,
            lang,
            force,
        }) => collect(
            &report,
            &answers,
            output.as_deref(),
            accept_out_of_scope,
            lang,
            force,
        ),
        Some(Command::Status {
            report,
            csv,
            today,
            lang,
        }) => status(&report, csv, today, lang),
        Some(Command::Diff {
            old,
            new,
            json,
            lang,
            pdf,
        }) => diff(&old, &new, json, lang, pdf.as_deref()),
        Some(Command::Rollover { report, output, to }) => rollover(&report, &output, to),
        Some(Command::Sample {
            output,
            initiatives,
            result_lines,
            force,
        }) => {
            if let Some(refused) = locked_output(&output, force) {
                return refused;
            }
            let report = match (initiatives, result_lines) {
                (Some(n), _) => shinchoku::synthetic::large_report(n),
                (None, Some(n)) => shinchoku::synthetic::with_result_lines(n),
                (None, None) => shinchoku::document::Document::sample().report,
            };
            match shinchoku::store::save(&output, &report) {
                Ok(()) => {
                    outln!(
                        "{}: {} initiatives",
                        output.display(),
                        report.initiative_count()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    errln!("shinchoku: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Export {
            report,
            output,
            encoding,
            force,
        }) => locked_output(&output, force).unwrap_or_else(|| export(&report, &output, encoding)),
        Some(Command::Print {
            report,
            output,
            paper,
            portrait,
            division,
            section,
            keep,
            section_pages,
            fit_pages_tall,
            compare,
            untagged,
            force,
        }) => {
            if let Some(refused) = locked_output(&output, force) {
                return refused;
            }
            let setup = PageSetup {
                paper: match paper {
                    PaperArg::A3 => Paper::A3,
                    PaperArg::A4 => Paper::A4,
                    PaperArg::B4 => Paper::B4,
                },
                landscape: !portrait,
                division,
                section,
                keep: match keep {
                    KeepArg::Initiative => KeepTogether::Initiative,
                    KeepArg::Topic => KeepTogether::Topic,
                    KeepArg::Row => KeepTogether::Row,
                },
                section_pages,
                fit_pages_tall,
                ..PageSetup::default()
            };
            let tagging = if untagged {
                Tagging::Untagged
            } else {
                Tagging::Tagged
            };
            print(&report, &output, &setup, compare.as_deref(), tagging)
        }
        None => open_window(cli.files, cli.compare),
    }
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, compare: Option<PathBuf>) -> ExitCode {
    shinchoku::app::run(shinchoku::app::Start { files, compare })
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<PathBuf>, _compare: Option<PathBuf>) -> ExitCode {
    errln!("shinchoku: built without the window (feature `gui`); use a subcommand, see --help");
    ExitCode::FAILURE
}

/// The rules of the window for the command line: an output another Shinchoku has open is not
/// overwritten unless `--force` (a `.ron` overwritten keeps its backups either way).
fn locked_output(output: &Path, force: bool) -> Option<ExitCode> {
    let holder = shinchoku::store::lock::live_holder(output)?;
    if force {
        errln!(
            "warning: {}: open in Shinchoku by {holder}; overwritten (--force)",
            output.display()
        );
        return None;
    }
    errln!(
        "shinchoku: {}: open in Shinchoku by {holder}; not overwritten (--force overwrites it)",
        output.display()
    );
    Some(ExitCode::FAILURE)
}

fn import(input: &Path, output: &Path) -> ExitCode {
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    for w in &opened.warnings {
        errln!("warning: {}: {w}", input.display());
    }
    if let Err(e) = shinchoku::store::save(output, &opened.report) {
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    let r = &opened.report;
    outln!(
        "{} → {}: {} sections, {} initiatives, {} action items, {} warning(s)",
        input.display(),
        output.display(),
        r.sections.len(),
        r.initiative_count(),
        r.action_item_count(),
        opened.warnings.len()
    );
    ExitCode::SUCCESS
}

fn check(file: &Path, json: bool) -> ExitCode {
    let opened = match shinchoku::open_report(file) {
        Ok(o) => o,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let summary = ReportSummary::new(&opened.report, &opened.warnings);
    if json {
        let text = serde_json::to_string_pretty(&summary).expect("a summary always serialises");
        println!(
            "{}",
            shinchoku::model::text::json_with_invisible_escaped(&text)
        );
    } else {
        print!("{}", visible(&summary.to_text()));
    }
    ExitCode::SUCCESS
}

fn print(
    input: &Path,
    output: &Path,
    setup: &PageSetup,
    compare: Option<&Path>,
    tagging: Tagging,
) -> ExitCode {
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let report = &opened.report;
    let comparison = match compare.map(shinchoku::open_report) {
        None => None,
        Some(Ok(old)) => {
            let label = compare.map(|p| p.display().to_string()).unwrap_or_default();
            Some(shinchoku::compare::Comparison::new(
                label, old.report, report,
            ))
        }
        Some(Err(e)) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    if let Some(d) = &setup.division
        && !report
            .initiatives()
            .any(|i| i.all_divisions().contains(&d.as_str()))
    {
        errln!("shinchoku: no 担当課 named 「{d}」 in {}", input.display());
        return ExitCode::from(UNREADABLE);
    }
    if let Some(n) = setup.section
        && !report.sections.iter().any(|s| s.number == n)
    {
        errln!("shinchoku: no section {n} in {}", input.display());
        return ExitCode::from(UNREADABLE);
    }
    let job = PrintJob {
        report,
        setup,
        printed_on: shinchoku::print::today(),
        comparison: comparison.as_ref(),
    };
    let mut bar = Bar::on_stderr("print: laying out");
    let layout = shinchoku::print::layout(&job, &mut |p| bar.set(p * 0.5));
    bar.stage("print: writing the PDF");
    let mut progress = |p| bar.set(0.5 + p * 0.5);
    let rendered =
        shinchoku::print::pdf::render_with(&layout, &report.title, tagging, &mut progress);
    bar.finish();
    let pdf = match rendered {
        Ok(p) => p,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = shinchoku::store::write_atomically(output, &pdf) {
        errln!("shinchoku: {}: cannot write: {e}", output.display());
        return ExitCode::FAILURE;
    }
    outln!(
        "{} → {}: {} page(s), {} {}, text {:.1} pt, {} KB",
        input.display(),
        output.display(),
        layout.pages.len(),
        setup.paper.name(),
        if setup.landscape {
            "landscape"
        } else {
            "portrait"
        },
        layout.text_size,
        pdf.len() / 1024
    );
    ExitCode::SUCCESS
}

fn export(input: &Path, output: &Path, encoding: EncodingArg) -> ExitCode {
    use shinchoku::export::{self, Encoding};
    // The export has no finer steps to tell: the bar says which stage it is at.
    let mut bar = Bar::on_stderr("export: reading");
    bar.set(0.0);
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let encoding = match encoding {
        EncodingArg::Utf8 => Encoding::Utf8,
        EncodingArg::Cp932 => Encoding::Cp932,
        EncodingArg::Utf16 => Encoding::Utf16,
    };
    bar.stage("export: writing");
    bar.set(0.5);
    let exported = export::export_file(&opened.report, output, encoding);
    bar.finish();
    match exported {
        Ok(warnings) => {
            for w in &warnings {
                errln!("warning: {}: {w}", output.display());
            }
            outln!("{} → {}", input.display(), output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("shinchoku: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Exit code of `diff` when the reports differ (like diff(1)).
const DIFFERENT: u8 = 1;

fn diff(old: &Path, new: &Path, json: bool, lang: LangArg, pdf: Option<&Path>) -> ExitCode {
    let mut opened = Vec::new();
    for path in [old, new] {
        match shinchoku::open_report(path) {
            Ok(o) => opened.push(o.report),
            Err(e) => {
                errln!("shinchoku: {e}");
                return ExitCode::from(UNREADABLE);
            }
        }
    }
    let (Some(a), Some(b)) = (opened.first(), opened.get(1)) else {
        return ExitCode::from(UNREADABLE);
    };
    let diff = shinchoku::compare::diff(a, b);
    let lang = match lang {
        LangArg::Ja => shinchoku::lang::Lang::Ja,
        LangArg::En => shinchoku::lang::Lang::En,
    };
    if let Some(out) = pdf {
        let written = shinchoku::print::changes::pdf(&diff, lang, &shinchoku::print::today())
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                shinchoku::store::write_atomically(out, &bytes).map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            errln!(
                "shinchoku: {}: cannot write the change list: {e}",
                out.display()
            );
            return ExitCode::from(UNREADABLE);
        }
    }
    if json {
        match serde_json::to_string_pretty(&diff) {
            Ok(text) => println!(
                "{}",
                shinchoku::model::text::json_with_invisible_escaped(&text)
            ),
            Err(e) => {
                errln!("shinchoku: cannot write JSON: {e}");
                return ExitCode::from(UNREADABLE);
            }
        }
    } else {
        print!(
            "{}",
            visible(&shinchoku::compare::change_list_text(&diff, lang))
        );
    }
    if diff.same {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(DIFFERENT)
    }
}

fn rollover(input: &Path, output: &Path, to: ToArg) -> ExitCode {
    use shinchoku::compare::RolloverTo;
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let to = match to {
        ToArg::SecondHalf => RolloverTo::SecondHalf,
        ToArg::FullYear => RolloverTo::FullYear,
        ToArg::NextYear => RolloverTo::NextYear,
    };
    let next = match shinchoku::compare::rollover(&opened.report, to) {
        Ok(r) => r,
        Err(e) => {
            errln!("shinchoku: {}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = shinchoku::store::save(output, &next) {
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    let as_of = next.as_of();
    let to_confirm = shinchoku::compare::confirm::results_to_confirm(&next);
    outln!(
        "{} → {}: {} {}, {}, as of {}; {}",
        input.display(),
        output.display(),
        next.fiscal_year.era_form(),
        next.fiscal_year.0,
        next.actual_heading(),
        as_of.to_japanese(next.fiscal_year),
        shinchoku::compare::confirm::count(to_confirm.len(), Lang::En)
    );
    for c in &to_confirm {
        println!("  {}", c.describe(Lang::En));
    }
    ExitCode::SUCCESS
}

fn lang_of(lang: LangArg) -> Lang {
    match lang {
        LangArg::Ja => Lang::Ja,
        LangArg::En => Lang::En,
    }
}

/// Opens the master of a survey: a `.ron` file (a report table has nowhere to keep the
/// survey's status: import it first).
fn open_master(path: &Path) -> Result<Document, ExitCode> {
    let doc = Document::open(path).map_err(|e| {
        errln!("shinchoku: {e}");
        ExitCode::from(UNREADABLE)
    })?;
    if doc.save_path().is_none() {
        errln!(
            "shinchoku: {}: a survey needs a Shinchoku .ron report (import the table first)",
            path.display()
        );
        return Err(ExitCode::FAILURE);
    }
    if let Some(r) = &doc.report.response {
        errln!(
            "shinchoku: {}: this is the response sent to {}, not the master report",
            path.display(),
            r.division
        );
        return Err(ExitCode::FAILURE);
    }
    Ok(doc)
}

fn save_master(doc: &mut Document, path: &Path, force: bool) -> Result<(), ExitCode> {
    let options = if force {
        SaveOptions::FORCE
    } else {
        SaveOptions::default()
    };
    doc.save_to_with(path, options).map_err(|e| {
        errln!("shinchoku: {e}");
        ExitCode::FAILURE
    })
}

fn survey(
    input: &Path,
    dir: &Path,
    due: Option<chrono::NaiveDate>,
    format: SurveyFormatArg,
    note: &str,
    today: Option<chrono::NaiveDate>,
    force: bool,
) -> ExitCode {
    use shinchoku::survey::send::{Formats, Survey, remove_written, write_responses_telling};
    let mut doc = match open_master(input) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // Before the responses are written: a master that cannot record them stops the survey.
    if let Err(e) = shinchoku::store::disk::check_writable(input) {
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    let formats = match format {
        SurveyFormatArg::Ron => Formats::Ron,
        SurveyFormatArg::Xlsx => Formats::Workbook,
        SurveyFormatArg::Both => Formats::Both,
    };
    let clock = chrono::Local::now().naive_local();
    let now = today.map_or(clock, |d| d.and_time(clock.time()));
    let plan = match Survey::new(&doc.report, due, note, now.date()) {
        Ok(plan) => plan,
        Err(why) => {
            eprintln!("shinchoku: {}", why.describe(Lang::En));
            return ExitCode::FAILURE;
        }
    };
    let mut bar = Bar::on_stderr("survey: writing responses");
    let written = write_responses_telling(&doc.report, dir, formats, &plan, &mut |p| bar.set(p));
    bar.finish();
    let sent = match written {
        Ok(s) => s,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Recorded in the master, or taken back: no response goes out that the master does not
    // record.
    if let Err(e) = doc.perform(plan.intent(now)) {
        remove_written(&sent);
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    if let Err(code) = save_master(&mut doc, input, force) {
        remove_written(&sent);
        return code;
    }
    let divisions = &plan.to;
    for s in &sent {
        // Tab-separated for scripts: each field shown on its own, the tab kept.
        let (division, path) = (s.division.as_str(), s.path.display().to_string());
        println!("{}\t{}", visible(division), visible(&path));
    }
    outln!(
        "{} division(s), {} file(s) in {}; sent recorded in {}{}",
        divisions.len(),
        sent.len(),
        dir.display(),
        input.display(),
        due.map_or_else(String::new, |d| format!(", due {d}"))
    );
    ExitCode::SUCCESS
}

fn collect(
    input: &Path,
    answers: &[PathBuf],
    output: Option<&Path>,
    accept_out_of_scope: bool,
    lang: LangArg,
    force: bool,
) -> ExitCode {
    let lang = lang_of(lang);
    let mut doc = match open_master(input) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let at = chrono::Local::now().naive_local();
    let mut bar = Bar::on_stderr("collect: reading answers");
    let collection =
        shinchoku::survey::collect::collect_files_telling(&doc.report, answers, at, &mut |p| {
            bar.set(p)
        });
    bar.finish();
    let accept: Vec<usize> = if accept_out_of_scope {
        (0..collection.conflicts.len()).collect()
    } else {
        Vec::new()
    };
    let output = output.unwrap_or(input);
    let intent = collection.intent(&accept);
    let taken_any = intent.is_some();
    if let Some(intent) = intent {
        let known = doc.warnings.clone();
        if let Err(e) = doc.perform(intent) {
            errln!("shinchoku: {}", e.describe(lang));
            return ExitCode::FAILURE;
        }
        // What the answers brought in: texts with characters that do not show.
        for w in doc.warnings.iter().filter(|w| !known.contains(w)) {
            errln!("warning: {}", w.describe(lang));
        }
        if output != input
            && let Some(refused) = locked_output(output, force)
        {
            return refused;
        }
        if let Err(code) = save_master(&mut doc, output, force) {
            return code;
        }
    }
    for t in &collection.taken {
        let again = if t.resubmission {
            say(lang, "（再提出）".into(), " (re-submission)".into())
        } else {
            String::new()
        };
        outln!(
            "{}",
            say(
                lang,
                format!(
                    "取り込み: {} ({}){again}: 見出し{}件の実績を変更",
                    t.file,
                    t.division,
                    t.changed_topics.len()
                ),
                format!(
                    "taken: {} ({}){again}: results of {} topic(s) changed",
                    t.file,
                    t.division,
                    t.changed_topics.len()
                ),
            )
        );
        if let Some(replaced) = &t.replaces {
            outln!(
                "  {}",
                say(
                    lang,
                    format!("{replaced} を置き換えました"),
                    format!("replaces {replaced}")
                )
            );
        }
        if let Some(diff) = &t.difference {
            for line in shinchoku::compare::change_list(diff, lang).iter().skip(1) {
                outln!("  {}{}", "  ".repeat(line.depth as usize), line.text);
            }
        }
    }
    for w in &collection.warnings {
        println!(
            "{}",
            say(
                lang,
                format!("注意: {}", w.describe(lang)),
                format!("warning: {}", w.describe(lang)),
            )
        );
    }
    if !collection.conflicts.is_empty() {
        outln!(
            "{}",
            if accept_out_of_scope {
                say(
                    lang,
                    "担当外の変更（取り込み済み）:".into(),
                    "changes outside the division's results (taken, --accept-out-of-scope):".into(),
                )
            } else {
                say(
                    lang,
                    "担当外の変更（保留。--accept-out-of-scope で取り込み）:".into(),
                    "held back, outside the division's results (--accept-out-of-scope takes them):"
                        .into(),
                )
            }
        );
        for c in &collection.conflicts {
            let note = if c.acceptable() {
                String::new()
            } else {
                say(
                    lang,
                    "（取り込めません）".into(),
                    " (cannot be taken)".into(),
                )
            };
            outln!("  {}{note}", c.describe(lang));
        }
    }
    for (file, reason) in &collection.refused {
        errln!(
            "{}",
            say(
                lang,
                format!("拒否: {file}: {}", reason.describe(lang)),
                format!("refused: {file}: {}", reason.describe(lang)),
            )
        );
    }
    if !taken_any {
        outln!(
            "{}",
            say(
                lang,
                format!(
                    "取り込む回答はありません（{} は書き込みません）",
                    output.display()
                ),
                format!("nothing taken; {} not written", output.display()),
            )
        );
        return if collection.has_refusals() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    outln!(
        "{}",
        say(
            lang,
            format!(
                "{} 件取り込み、{} 件拒否、担当外の変更 {} 件 → {}",
                collection.taken.len(),
                collection.refused.len(),
                collection.conflicts.len(),
                output.display()
            ),
            format!(
                "{} taken, {} refused, {} change(s) outside scope → {}",
                collection.taken.len(),
                collection.refused.len(),
                collection.conflicts.len(),
                output.display()
            ),
        )
    );
    if collection.has_refusals() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn status(input: &Path, csv: bool, today: Option<chrono::NaiveDate>, lang: LangArg) -> ExitCode {
    let lang = lang_of(lang);
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            errln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let rows = shinchoku::survey::status_rows(&opened.report, today);
    if csv {
        let csv = shinchoku::survey::status::to_csv(&rows, lang);
        // The byte order mark Excel needs is no text of the report: kept as it is.
        let body = csv.strip_prefix('\u{FEFF}').unwrap_or(&csv);
        print!("\u{FEFF}{}", visible(body));
        return ExitCode::SUCCESS;
    }
    let time = |t: Option<chrono::NaiveDateTime>| {
        t.map_or_else(
            || "-".to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    };
    for r in &rows {
        // Tab-separated: the division's name shown on its own, the tabs kept.
        println!(
            "{}\t{}\t{}: {}\t{}: {}\t{}: {}\t{} {}/{}{}",
            visible(&r.division),
            r.standing.name(lang),
            say(lang, "照会".into(), "sent".into()),
            time(r.sent),
            say(lang, "期限".into(), "due".into()),
            r.due.map_or_else(|| "-".to_string(), |d| d.to_string()),
            say(lang, "回答".into(), "received".into()),
            time(r.received),
            say(lang, "実績".into(), "results".into()),
            r.with_result,
            r.topics,
            if r.overdue {
                say(lang, "\t期限超過".into(), "\tOVERDUE".into())
            } else {
                String::new()
            }
        );
    }
    ExitCode::SUCCESS
}

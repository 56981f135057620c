//! The `shinchoku` command: with no subcommand it opens the window; `import` and `check` work
//! on files for scripts and tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use shinchoku::print::pdf::Tagging;
use shinchoku::print::{KeepTogether, PageSetup, Paper, PrintJob};
use shinchoku::summary::ReportSummary;

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
    match cli.command {
        Some(Command::Import {
            report,
            output,
            force,
        }) => locked_output(&output, force).unwrap_or_else(|| import(&report, &output)),
        Some(Command::Check { file, json }) => check(&file, json),
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
            force,
        }) => {
            if let Some(refused) = locked_output(&output, force) {
                return refused;
            }
            let report = match initiatives {
                Some(n) => shinchoku::synthetic::large_report(n),
                None => shinchoku::document::Document::sample().report,
            };
            match shinchoku::store::save(&output, &report) {
                Ok(()) => {
                    println!(
                        "{}: {} initiatives",
                        output.display(),
                        report.initiative_count()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("shinchoku: {}: cannot write: {e}", output.display());
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
    eprintln!("shinchoku: built without the window (feature `gui`); use a subcommand, see --help");
    ExitCode::FAILURE
}

/// The rules of the window for the command line: an output another Shinchoku has open is not
/// overwritten unless `--force` (a `.ron` overwritten keeps its backups either way).
fn locked_output(output: &Path, force: bool) -> Option<ExitCode> {
    let holder = shinchoku::store::lock::live_holder(output)?;
    if force {
        eprintln!(
            "warning: {}: open in Shinchoku by {holder}; overwritten (--force)",
            output.display()
        );
        return None;
    }
    eprintln!(
        "shinchoku: {}: open in Shinchoku by {holder}; not overwritten (--force overwrites it)",
        output.display()
    );
    Some(ExitCode::FAILURE)
}

fn import(input: &Path, output: &Path) -> ExitCode {
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    for w in &opened.warnings {
        eprintln!("warning: {}: {w}", input.display());
    }
    if let Err(e) = shinchoku::store::save(output, &opened.report) {
        eprintln!("shinchoku: {}: cannot write: {e}", output.display());
        return ExitCode::FAILURE;
    }
    let r = &opened.report;
    println!(
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
            eprintln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let summary = ReportSummary::new(&opened.report, &opened.warnings);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&summary).expect("a summary always serialises")
        );
    } else {
        print!("{}", summary.to_text());
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
            eprintln!("shinchoku: {e}");
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
            eprintln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    if let Some(d) = &setup.division
        && !report
            .initiatives()
            .any(|i| i.all_divisions().contains(&d.as_str()))
    {
        eprintln!("shinchoku: no 担当課 named 「{d}」 in {}", input.display());
        return ExitCode::from(UNREADABLE);
    }
    if let Some(n) = setup.section
        && !report.sections.iter().any(|s| s.number == n)
    {
        eprintln!("shinchoku: no section {n} in {}", input.display());
        return ExitCode::from(UNREADABLE);
    }
    let job = PrintJob {
        report,
        setup,
        printed_on: shinchoku::print::today(),
        comparison: comparison.as_ref(),
    };
    let layout = shinchoku::print::layout(&job, &mut |_| {});
    let pdf = match shinchoku::print::pdf::render_with(&layout, &report.title, tagging, &mut |_| {})
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("shinchoku: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = shinchoku::store::write_atomically(output, &pdf) {
        eprintln!("shinchoku: {}: cannot write: {e}", output.display());
        return ExitCode::FAILURE;
    }
    println!(
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
    let opened = match shinchoku::open_report(input) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("shinchoku: {e}");
            return ExitCode::from(UNREADABLE);
        }
    };
    let encoding = match encoding {
        EncodingArg::Utf8 => Encoding::Utf8,
        EncodingArg::Cp932 => Encoding::Cp932,
        EncodingArg::Utf16 => Encoding::Utf16,
    };
    match export::export_file(&opened.report, output, encoding) {
        Ok(()) => {
            println!("{} → {}", input.display(), output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("shinchoku: {e}");
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
                eprintln!("shinchoku: {e}");
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
            eprintln!(
                "shinchoku: {}: cannot write the change list: {e}",
                out.display()
            );
            return ExitCode::from(UNREADABLE);
        }
    }
    if json {
        match serde_json::to_string_pretty(&diff) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("shinchoku: cannot write JSON: {e}");
                return ExitCode::from(UNREADABLE);
            }
        }
    } else {
        print!("{}", shinchoku::compare::change_list_text(&diff, lang));
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
            eprintln!("shinchoku: {e}");
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
            eprintln!("shinchoku: {}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = shinchoku::store::save(output, &next) {
        eprintln!("shinchoku: {}: cannot write: {e}", output.display());
        return ExitCode::FAILURE;
    }
    let as_of = next.as_of();
    println!(
        "{} → {}: {} {}, {}, as of {}; {} result(s) to confirm",
        input.display(),
        output.display(),
        next.fiscal_year.era_form(),
        next.fiscal_year.0,
        next.actual_heading(),
        as_of.to_japanese(next.fiscal_year),
        next.to_confirm.len()
    );
    ExitCode::SUCCESS
}

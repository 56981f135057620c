//! The `shinchoku` command: with no subcommand it opens the window; `import` and `check` work
//! on files for scripts and tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
    /// A report to open in the window: a Shinchoku `.ron` file or a report table (`.tsv`).
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Import a published report table (TSV with HTML cells) into a Shinchoku `.ron` file.
    Import {
        report: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Read a `.ron` report or a report table and print a summary and every warning.
    Check {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Exit code when the input cannot be read.
const UNREADABLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Import { report, output }) => import(&report, &output),
        Some(Command::Check { file, json }) => check(&file, json),
        None => shinchoku::app::run(cli.file),
    }
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

//! `shinchoku status`: 提出状況, a row per 担当課, as a table or CSV.

use std::process::ExitCode;

use super::args::Status;
use super::files::open;
use crate::lang::{Lang, say};
use crate::model::text::visible;
use crate::survey::status::StatusRow;
use crate::{console_print as print, console_println as println};

pub fn run(args: &Status) -> ExitCode {
    let lang = args.lang.lang();
    let opened = match open(&args.report, args.lang.lang()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // A division's response has no 提出状況 of its own: the master has.
    if let Some(r) = &opened.report.response {
        super::problem::CommandProblem::MasterIsResponse {
            path: args.report.clone(),
            division: r.division.clone(),
        }
        .say_error(args.lang.lang());
        return ExitCode::FAILURE;
    }
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let rows = crate::survey::status_rows(&opened.report, today);
    if args.csv {
        let csv = crate::survey::status::to_csv(&rows, lang);
        // The byte order mark Excel needs is no text of the report: kept as it is.
        let body = csv.strip_prefix('\u{FEFF}').unwrap_or(&csv);
        // Each line's characters that do not show as marks; the CRLF that ends it, as it is.
        let shown: String = body
            .split_inclusive('\n')
            .map(|line| {
                let text = line.trim_end_matches(['\r', '\n']);
                format!("{}{}", visible(text), &line[text.len()..])
            })
            .collect();
        print!("\u{FEFF}{shown}");
        return ExitCode::SUCCESS;
    }
    for r in &rows {
        print_row(r, lang);
    }
    ExitCode::SUCCESS
}

/// One division's line. Tab-separated: the division's name shown on its own, the tabs kept.
fn print_row(r: &StatusRow, lang: Lang) {
    let time = |t: Option<chrono::NaiveDateTime>| {
        t.map_or_else(
            || "-".to_string(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    };
    // The 差戻し's note, for the division to see what to correct.
    let note = r.sent_back_note.as_deref().map_or_else(String::new, |n| {
        format!(
            "\t{}: {}",
            say(lang, "差戻し".into(), "sent back".into()),
            visible(n)
        )
    });
    println!(
        "{}\t{}\t{}: {}\t{}: {}\t{}: {}\t{} {}/{}{}{note}",
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

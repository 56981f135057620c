//! `shinchoku send-back`: 差戻し, a division's answer sent back for correction with a note, as
//! the window's 提出状況 does it.

use std::process::ExitCode;

use super::args::SendBack;
use super::console::{errln, outln};
use super::files::{locked_output, open_master, save_master};
use crate::edit::Intent;
use crate::lang::{Describe, say};

pub fn run(args: &SendBack) -> ExitCode {
    let lang = args.lang.lang();
    let mut doc = match open_master(&args.report) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let output = args.output.as_deref().unwrap_or(&args.report);
    if output != args.report
        && let Some(refused) = locked_output(output, args.force)
    {
        return refused;
    }
    let intent = Intent::SendBack {
        division: args.division.clone(),
        at: chrono::Local::now().naive_local(),
        note: args.note.clone(),
    };
    if let Err(e) = doc.perform(intent) {
        errln!(
            "shinchoku: {}: {}",
            crate::model::text::path_shown(&args.report),
            e.describe(lang)
        );
        return ExitCode::FAILURE;
    }
    if let Err(code) = save_master(&mut doc, output, args.force) {
        return code;
    }
    outln!(
        "{}",
        say(
            lang,
            format!(
                "{}の回答を差し戻しました（{}）→ {}",
                args.division,
                args.note,
                crate::model::text::path_shown(output)
            ),
            format!(
                "{}'s answer sent back ({}) → {}",
                args.division,
                args.note,
                crate::model::text::path_shown(output)
            ),
        )
    );
    ExitCode::SUCCESS
}

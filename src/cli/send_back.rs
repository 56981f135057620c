//! `shinchoku send-back`: 差戻し, a division's answer sent back for correction with a note, as
//! the window's 提出状況 does it.

use std::process::ExitCode;

use super::args::SendBack;
use super::console::outln;
use super::files::{edit_master, open_master, refused_output};
use crate::edit::Intent;
use crate::lang::say;

pub fn run(args: &SendBack) -> ExitCode {
    if let Some(out) = &args.output
        && let Some(refused) = refused_output(out, Some("ron"), &[], args.lang.lang())
    {
        return refused;
    }
    let lang = args.lang.lang();
    let mut doc = match open_master(&args.report, args.lang.lang()) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let output = args.output.as_deref().unwrap_or(&args.report);
    let intent = Intent::SendBack {
        division: args.division.clone(),
        at: chrono::Local::now().naive_local(),
        note: args.note.clone(),
    };
    let (files, how) = ((args.report.as_path(), output), (args.force, lang));
    if let Err(code) = edit_master(&mut doc, intent, files, how) {
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

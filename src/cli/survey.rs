//! `shinchoku survey`: a response per 担当課 written, and the sending recorded in the master.

use std::process::ExitCode;

use super::args::{Survey, SurveyFormatArg};
use super::console::bar::Bar;
use super::console::{errln, outln};
use super::files::{open_master, save_master};
use crate::console_println as println;
use crate::lang::{Describe, Lang};
use crate::model::text::visible;
use crate::survey::send::{Formats, Survey as Plan, remove_written, write_responses_telling};

pub fn run(args: &Survey) -> ExitCode {
    let (input, dir) = (&args.report, &args.output);
    let mut doc = match open_master(input, crate::lang::Lang::En) {
        Ok(d) => d,
        Err(code) => return code,
    };
    // Before the responses are written: a master that cannot record them stops the survey.
    if let Err(e) = crate::store::disk::check_writable(input) {
        errln!("shinchoku: {e}");
        return ExitCode::FAILURE;
    }
    let formats = match args.format {
        SurveyFormatArg::Ron => Formats::Ron,
        SurveyFormatArg::Xlsx => Formats::Workbook,
        SurveyFormatArg::Both => Formats::Both,
    };
    let clock = chrono::Local::now().naive_local();
    let now = args.today.map_or(clock, |d| d.and_time(clock.time()));
    let plan = match Plan::new(doc.report(), args.due, &args.note, now.date()) {
        Ok(plan) => plan,
        Err(why) => {
            errln!("shinchoku: {}", why.describe(Lang::En));
            return ExitCode::FAILURE;
        }
    };
    // A topic no division answers for goes out to nobody: said before the responses.
    for w in crate::model::check::topics_without_division(doc.report()) {
        errln!("shinchoku: warning: {}", w.kind.describe(Lang::En));
    }
    // So does one division written two ways: each way is sent its own response.
    for w in crate::model::check::divisions_alike(doc.report()) {
        errln!("shinchoku: warning: {}", w.kind.describe(Lang::En));
    }
    let mut bar = Bar::on_stderr("survey: writing responses");
    let written = write_responses_telling(doc.report(), dir, formats, &plan, &mut |p| bar.set(p));
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
    if let Err(code) = save_master(&mut doc, input, args.force, crate::lang::Lang::En) {
        remove_written(&sent);
        return code;
    }
    for s in &sent {
        // Tab-separated for scripts: each field shown on its own, the tab kept.
        let (division, path) = (
            s.division.as_str(),
            crate::model::text::path_shown(&s.path).to_string(),
        );
        println!("{}\t{}", visible(division), visible(&path));
    }
    outln!(
        "{} division(s), {} file(s) in {}; sent recorded in {}{}",
        plan.to.len(),
        sent.len(),
        crate::model::text::path_shown(dir),
        crate::model::text::path_shown(input),
        args.due.map_or_else(String::new, |d| format!(", due {d}"))
    );
    ExitCode::SUCCESS
}

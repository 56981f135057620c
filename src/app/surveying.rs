//! The app's handling of the survey (照会): writing the responses and recording them as sent,
//! reading answers and taking them in after review, 差戻し, the 提出状況 CSV. Each change to
//! the report is an `Intent` performed on the document: one undoable step.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};

use super::ShinchokuApp;
use super::command::{
    AppCommand, CompareCommand, DialogCommand, FileCommand, PathPurpose, SurveyCommand,
};
use super::i18n::cannot_write;
use super::state::document::{error, notice};
use crate::edit::Intent;
use crate::lang::Describe;
use crate::survey::{self, status};

impl ShinchokuApp {
    pub(super) fn handle_survey(&mut self, command: SurveyCommand) -> Vec<AppCommand> {
        let lang = self.lang();
        let t = lang.texts();
        match command {
            SurveyCommand::CloseForm => self.survey.close_form(),
            SurveyCommand::Submit(form) => {
                if !form.due.trim().is_empty() && parse_due(&form.due).is_none() {
                    self.survey.refuse_form(t.survey_bad_due.into());
                    return notice(t.survey_bad_due.into());
                }
                // Said before the folder is asked for, the form kept as typed (sending checks
                // it again: the day may have turned meanwhile).
                let today = Local::now().date_naive();
                if let Some(due) = parse_due(&form.due).filter(|d| *d < today) {
                    let why = survey::send::SurveyRefusal::DueBeforeSending { due, today };
                    self.survey.refuse_form(why.describe(lang));
                    return notice(why.describe(lang));
                }
                self.survey.submit(form);
                return super::state::document::ask_folder(PathPurpose::SurveyFolder);
            }
            SurveyCommand::SendTo(dir) => return self.send_to(&dir),
            SurveyCommand::Collect(paths) => {
                let report = self.open.doc.doc().report();
                if report.response.is_some() {
                    return error(t.survey_failed, t.survey_not_master.into());
                }
                let now = Local::now().naive_local();
                let collection = survey::collect::collect_files(report, &paths, now);
                let invisible = collection.invisible_brought(report);
                self.survey.start_review(collection, invisible);
            }
            SurveyCommand::ToggleConflict(k) => self.survey.toggle_conflict(k),
            SurveyCommand::TakeIn => return self.take_in(),
            SurveyCommand::CancelReview => {
                self.survey.end_review();
            }
            SurveyCommand::Sort(key) => self.survey.sort_by(key),
            SurveyCommand::StartSendBack(division) => self.survey.start_send_back(division),
            SurveyCommand::SendBack { division, note } => {
                let at = Local::now().naive_local();
                let intent = Intent::SendBack {
                    division: division.clone(),
                    at,
                    note,
                };
                return match self.open.doc.perform_or_fail(intent) {
                    // Refused (no answer to send back, no reason): the note stays open.
                    Err(why) => notice(why.describe(lang)),
                    Ok(()) => {
                        self.survey.start_send_back(None);
                        notice(format!("{}: {division}", t.sent_back))
                    }
                };
            }
            SurveyCommand::ExportStatus => {
                return self.ask_status_file(PathPurpose::StatusCsv, "CSV", "csv");
            }
            SurveyCommand::ExportStatusTo(path) => return self.export_status(&path),
            SurveyCommand::PrintStatus => {
                return self.ask_status_file(PathPurpose::StatusPdf, t.filter_pdf, "pdf");
            }
            SurveyCommand::PrintStatusTo(path) => return self.print_status(&path),
            SurveyCommand::Dropped(paths) => return self.dropped(paths),
        }
        Vec::new()
    }

    /// Takes in the answers' results the review kept, as one step.
    fn take_in(&mut self) -> Vec<AppCommand> {
        let lang = self.lang();
        let t = lang.texts();
        let Some(review) = self.survey.end_review() else {
            return Vec::new();
        };
        let accepted: Vec<usize> = (0..review.accept.len())
            .filter(|k| review.accept[*k])
            .collect();
        let Some(intent) = review.collection.intent(&accepted) else {
            return notice(t.review_nothing.into());
        };
        let mut follow = self.open.doc.perform(intent, lang);
        follow.push(DialogCommand::Notice(t.taken_in.into()).into());
        follow
    }

    /// Where to write the 提出状況 (`-提出状況.csv` / `.pdf` beside the report by default).
    fn ask_status_file(&self, purpose: PathPurpose, filter: &str, ext: &str) -> Vec<AppCommand> {
        let name = self
            .open
            .doc
            .doc()
            .suggested_file_name()
            .replace(".ron", &format!("-提出状況.{ext}"));
        super::state::document::ask_save(purpose, filter, ext, &name)
    }

    /// Why no survey can be sent from the open report, as the commands saying so: a
    /// division's response is no master; the record is saved with the files, so a report with
    /// no `.ron` file of its own, or one that cannot be written, is to be saved first (sent
    /// unsaved, its files went out unrecorded when the save was cancelled).
    pub(super) fn survey_refused(&self) -> Option<Vec<AppCommand>> {
        let t = self.lang().texts();
        let doc = self.open.doc.doc();
        if doc.report().response.is_some() {
            return Some(error(t.survey_failed, t.survey_not_master.into()));
        }
        let writable = (doc.save_path())
            .is_some_and(|p| !doc.is_read_only() && crate::store::disk::check_writable(p).is_ok());
        if writable {
            return None;
        }
        Some(error(t.survey_failed, t.survey_needs_file.into()))
    }

    /// Writes each division's response into `dir` and records them as sent (one step).
    fn send_to(&mut self, dir: &Path) -> Vec<AppCommand> {
        let lang = self.lang();
        let t = lang.texts();
        if let Some(refused) = self.survey_refused() {
            return refused;
        }
        let Some(form) = self.survey.take_pending() else {
            return Vec::new();
        };
        let report = self.open.doc.doc().report();
        let due = parse_due(&form.due);
        let now = Local::now().naive_local();
        let plan = match survey::send::Survey::new(report, due, &form.note, now.date()) {
            Ok(plan) => plan,
            Err(why) => return error(t.survey_failed, why.describe(lang)),
        };
        match survey::send::write_responses(report, dir, form.formats, &plan) {
            Ok(sent) => {
                if let Err(e) = self.open.doc.perform_or_fail(plan.intent(now)) {
                    // Not recorded: the files are taken back, so none goes out unrecorded.
                    survey::send::remove_written(&sent);
                    return error(t.survey_failed, e.describe(lang));
                }
                // Saved at once, as the command line does: unsaved, the record was lost on
                // closing without saving, and every answer was then refused as "not sent".
                // Said after the save, whose 「保存しました」 took the survey's place.
                vec![
                    AppCommand::Action(super::command::Action::Save),
                    DialogCommand::Notice(format!(
                        "{} ({}): {}",
                        t.survey_sent,
                        plan.to.len(),
                        crate::model::text::path_shown(dir)
                    ))
                    .into(),
                ]
            }
            Err(e) => error(t.survey_failed, e.describe(lang)),
        }
    }

    fn export_status(&mut self, path: &Path) -> Vec<AppCommand> {
        if let Some(refused) = self.refused_output(path) {
            return refused;
        }
        let lang = self.lang();
        let t = lang.texts();
        let rows = self.status_rows();
        let csv = status::to_csv(&rows, lang);
        match crate::store::write_output(path, csv.as_bytes()) {
            Ok(()) => notice(format!(
                "{}: {}",
                t.status_saved,
                crate::model::text::path_shown(path)
            )),
            Err(e) => error(t.export_failed, cannot_write(path, &e, lang)),
        }
    }

    /// The 提出状況 on A4, a line per 担当課 as the panel shows them.
    fn print_status(&mut self, path: &Path) -> Vec<AppCommand> {
        if let Some(refused) = self.refused_output(path) {
            return refused;
        }
        let lang = self.lang();
        let t = lang.texts();
        let lines = status_lines(self.open.doc.doc().report(), &self.status_rows(), lang);
        let written =
            crate::print::changes::list_pdf(&lines, t.survey_status, &crate::print::today())
                .map_err(|e| e.describe(lang))
                .and_then(|bytes| {
                    crate::store::write_output(path, &bytes)
                        .map_err(|e| cannot_write(path, &e, lang))
                });
        match written {
            Ok(()) => notice(format!(
                "{}: {}",
                t.status_saved,
                crate::model::text::path_shown(path)
            )),
            Err(message) => error(t.export_failed, message),
        }
    }

    /// The rows the 提出状況 panel shows: none while it is closed.
    pub(super) fn shown_status_rows(&self) -> Vec<status::StatusRow> {
        if self.survey.status_open() {
            self.status_rows()
        } else {
            Vec::new()
        }
    }

    /// The 提出状況 rows as the panel shows them (sorted as chosen), as of today.
    pub(super) fn status_rows(&self) -> Vec<status::StatusRow> {
        let today = Local::now().date_naive();
        let mut rows = status::status_rows(self.open.doc.doc().report(), today);
        if let Some((key, descending)) = self.survey.sort() {
            status::sort_rows(&mut rows, key, descending);
        }
        rows
    }

    /// Dropped on a master that has sent its survey, files that are all answers are collected;
    /// otherwise one file opens, several open together.
    fn dropped(&mut self, mut paths: Vec<PathBuf>) -> Vec<AppCommand> {
        let report = self.open.doc.doc().report();
        let answers = report.response.is_none()
            && !report.survey.is_empty()
            && paths.iter().all(|p| survey::read_answer(p).is_ok());
        if answers {
            return vec![SurveyCommand::Collect(paths).into()];
        }
        match paths.len() {
            0 => Vec::new(),
            1 => vec![FileCommand::OpenPath(paths.remove(0)).into()],
            _ => vec![CompareCommand::OpenSeries(paths).into()],
        }
    }
}

/// The 提出状況 as lines to print: the report, then a line per 担当課.
fn status_lines(
    report: &crate::model::Report,
    rows: &[status::StatusRow],
    lang: crate::lang::Lang,
) -> Vec<crate::compare::ListLine> {
    let t = lang.texts();
    let line = |depth, text| crate::compare::ListLine {
        depth,
        text,
        change: None,
    };
    let date = |d: Option<chrono::NaiveDateTime>| {
        d.map_or("—".to_string(), |d| {
            d.format("%Y-%m-%d %H:%M").to_string()
        })
    };
    let mut out = vec![line(0, format!("{} — {}", t.survey_status, report.title))];
    out.push(line(
        1,
        format!(
            "{} / {} / {} / {} / {} / {}",
            t.status_division,
            t.status_standing,
            t.status_sent,
            t.status_due,
            t.status_received,
            t.status_results
        ),
    ));
    for r in rows {
        let overdue = if r.overdue {
            format!("  ! {}", t.status_overdue)
        } else {
            String::new()
        };
        let back = r
            .sent_back_note
            .as_ref()
            .map_or(String::new(), |n| format!("  差戻し: {n}"));
        out.push(line(
            2,
            format!(
                "{}  {}  {}: {}  {}: {}  {}: {}  {}: {} / {}{overdue}{back}",
                r.division,
                r.standing.name(lang),
                t.status_sent,
                date(r.sent),
                t.status_due,
                r.due
                    .map_or("—".into(), |d| d.format("%Y-%m-%d").to_string()),
                t.status_received,
                date(r.received),
                t.status_results,
                r.with_result,
                r.topics
            ),
        ));
    }
    out
}

/// A due date as the command line reads one (`2017-10-13`, `平成29年10月13日`, …).
fn parse_due(text: &str) -> Option<NaiveDate> {
    crate::model::era::read_survey_date(text).ok()
}

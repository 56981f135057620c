//! The app's handling of the comparison (比較), the series of reports opened together
//! (前の報告 / 次の報告) and 次の期間へ: these need the document, the comparison and the view
//! together, so they are carried out here rather than by one part of the state.

use std::path::{Path, PathBuf};

use super::ShinchokuApp;
use super::command::{AppCommand, CompareCommand, DialogCommand, ViewCommand};
use super::state::compare::Member;
use super::state::document::{error, notice};
use crate::compare::{Comparison, RolloverTo};
use crate::lang::Describe;
use crate::model::Report;

impl ShinchokuApp {
    pub(super) fn handle_compare(
        &mut self,
        ctx: &egui::Context,
        command: CompareCommand,
    ) -> Vec<AppCommand> {
        let lang = self.lang();
        let t = lang.texts();
        match command {
            CompareCommand::With(path) => match read_report(&path) {
                Ok(old) => {
                    self.compare_with(&path, old);
                    Vec::new()
                }
                Err(e) => error(t.compare_failed, e.describe(lang)),
            },
            CompareCommand::Stop => {
                self.open.compare.stop();
                Vec::new()
            }
            CompareCommand::Reveal(change) => {
                self.reveal(change);
                Vec::new()
            }
            CompareCommand::OpenSeries(paths) => self.open_series(paths),
            CompareCommand::OpenMember { path, compare_with } => {
                let mut follow =
                    (self.open).handle_file(super::FileCommand::OpenPath(path.clone()), lang);
                // Opened (a file that could not be opened leaves the report as it was).
                if self.open.doc.doc().file_path() == Some(path.as_path())
                    && let Some(before) = compare_with
                {
                    follow.extend(self.handle_compare(ctx, CompareCommand::With(before)));
                }
                follow
            }
            CompareCommand::PrintList(path) => self.print_change_list(ctx, path),
        }
    }

    /// Marks the grid with how the open report differs from `old` (read from `path`).
    fn compare_with(&mut self, path: &Path, old: Report) {
        let label = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let doc = self.open.doc.doc();
        let comparison = Comparison::new(label, old, doc.report());
        self.open
            .compare
            .start(comparison, self.open.doc.revision());
    }

    /// Reads every file, keeps those that open as the series (oldest first), and opens the
    /// latest compared with the one before; files that do not open are named in one message.
    fn open_series(&mut self, paths: Vec<PathBuf>) -> Vec<AppCommand> {
        let lang = self.lang();
        let t = lang.texts();
        let mut members = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            match read_report(&path) {
                Ok(report) => members.push(Member::of(&path, &report)),
                Err(e) => problems.push(e.describe(lang)),
            }
        }
        self.open.compare.set_series(members);
        let series = self.open.compare.series();
        let mut follow = Vec::new();
        if let Some(latest) = series.last() {
            let before = series.len().checked_sub(2).map(|k| series[k].path.clone());
            follow.push(
                CompareCommand::OpenMember {
                    path: latest.path.clone(),
                    compare_with: before,
                }
                .into(),
            );
        }
        if !problems.is_empty() {
            follow.extend(error(t.open_failed, problems.join("\n")));
        }
        follow
    }

    /// 前の報告 (`-1`) / 次の報告 (`1`): opens that report of the series, compared with the one
    /// before it.
    pub(super) fn step(&mut self, step: isize) -> Vec<AppCommand> {
        let t = self.lang().texts();
        let open = self.open.doc.doc().file_path().map(Path::to_path_buf);
        match self.open.compare.step(open.as_deref(), step) {
            Some((target, before)) => vec![
                CompareCommand::OpenMember {
                    path: target.path.clone(),
                    compare_with: before.map(|b| b.path.clone()),
                }
                .into(),
            ],
            None if step < 0 => notice(String::from(t.no_previous_report)),
            None => notice(String::from(t.no_next_report)),
        }
    }

    /// 次の期間へ: the successor replaces the open report, unsaved, compared with it.
    pub(super) fn rollover(&mut self, to: RolloverTo) -> Vec<AppCommand> {
        let lang = self.lang();
        let t = lang.texts();
        let doc = self.open.doc.doc();
        let next = match doc.rolled_over(to) {
            Ok(next) => next,
            Err(e) => return error(t.rollover_failed, e.describe(lang)),
        };
        let old = doc.report().clone();
        // An actual typed for the new year before it began stays as the new year's: the new
        // document's warnings name it (`Document::rolled_over`), the notice points there.
        let typed = crate::model::measure_check::actuals_typed_for(&old, next.report().fiscal_year);
        // Into the next year: those the old year still asked to confirm close unconfirmed.
        let closed = if next_year(&old, next.report()) {
            crate::compare::confirm::results_to_confirm(&old).len()
        } else {
            0
        };
        let label = doc.display_name();
        if let Some(path) = doc.file_path() {
            let member = Member::of(path, &old);
            self.open.compare.join_series(member);
        }
        self.open.doc.replace(next);
        let comparison = Comparison::new(label, old, self.open.doc.doc().report());
        self.open
            .compare
            .start(comparison, self.open.doc.revision());
        // Say at once that results were carried over for the divisions to confirm.
        let to_confirm = crate::compare::confirm::results_to_confirm(self.open.doc.doc().report());
        let mut notice = match to_confirm.len() {
            0 => t.rolled_over.to_string(),
            n => format!(
                "{}: {}",
                t.rolled_over,
                crate::compare::confirm::count(n, lang)
            ),
        };
        if !typed.is_empty() {
            notice = format!("{notice}。{}", t.actuals_typed_ahead);
        }
        if closed > 0 {
            let said = crate::compare::confirm::closed_unconfirmed(closed, lang);
            notice = format!("{notice}。{said}");
        }
        vec![
            ViewCommand::Reset.into(),
            DialogCommand::Notice(notice).into(),
        ]
    }

    /// After a save: a report of a series (a successor just made) joins it under its name.
    pub(super) fn saved(&mut self) {
        let doc = self.open.doc.doc();
        if self.open.compare.series().is_empty() || doc.is_dirty() {
            return;
        }
        if let Some(path) = doc.file_path() {
            let member = Member::of(path, doc.report());
            self.open.compare.join_series(member);
        }
    }

    /// Unfolds, selects and scrolls to the change's row.
    fn reveal(&mut self, change: usize) {
        let frame = self.open.frame();
        self.view.reveal(frame, change);
    }

    /// The change list's PDF, made on a worker as every PDF is: a comparison of hundreds of
    /// thousands of changes takes seconds to lay out (refused past 6,000 pages), and the
    /// window is not frozen meanwhile.
    fn print_change_list(&mut self, ctx: &egui::Context, path: PathBuf) -> Vec<AppCommand> {
        if let Some(refused) = self.refused_output(&path) {
            return refused;
        }
        let lang = self.lang();
        // As of the report shown: brought up to date with edits made since it was drawn.
        let frame = self.open.frame();
        let Some(diff) = frame.comparison().map(|c| c.diff().clone()) else {
            return Vec::new();
        };
        let work: super::state::jobs::Work = Box::new(move |progress, _| {
            crate::print::changes::pdf_telling(&diff, lang, &crate::print::today(), progress)
                .map(|bytes| super::state::jobs::Made {
                    bytes,
                    notes: Vec::new(),
                })
                .map_err(super::state::jobs::JobError::of)
        });
        self.jobs
            .start(super::state::jobs::JobOutput::Pdf(path), work, ctx);
        Vec::new()
    }
}

/// A report from a `.ron` file or a report table, or what is wrong with it.
fn read_report(path: &Path) -> Result<Report, crate::model::diag::FileError> {
    crate::document::open_report(path).map(|opened| opened.report)
}

/// Whether `next` is of the fiscal year after `old`'s.
fn next_year(old: &crate::model::Report, next: &crate::model::Report) -> bool {
    next.fiscal_year != old.fiscal_year
}

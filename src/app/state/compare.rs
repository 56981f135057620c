//! The comparison the window shows (比較): the report the open one is compared with, whose
//! differences mark the grid and fill the change list; and the reports of one programme opened
//! together, stepped through with 前の報告 / 次の報告. Changed only by [`CompareState`]'s
//! methods, called from `ShinchokuApp::handle`.

use std::path::{Path, PathBuf};

use crate::compare::{Comparison, ListLine, change_list};
use crate::lang::Lang;
use crate::model::{Id, Period, Report};

#[derive(Default)]
pub struct CompareState {
    comparison: Option<Comparison>,
    /// The open report's revision the comparison was made against.
    compared_at: Option<u64>,
    /// Bumped whenever the comparison changes (the grid's rows depend on it).
    generation: u64,
    /// The change list, in the language it was made in.
    list: Vec<ListLine>,
    list_lang: Option<Lang>,
    /// Reports of one programme opened together, oldest first.
    series: Vec<Member>,
}

/// A report of the series: its file and where it stands in time.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub path: PathBuf,
    /// Fiscal year, then half (上半期 before 下半期 / 通期).
    pub order: (i32, u8),
}

impl Member {
    pub fn of(path: &Path, report: &Report) -> Member {
        let half = match report.period {
            Period::FirstHalf => 0,
            Period::SecondHalf | Period::FullYear => 1,
        };
        Member {
            path: path.to_path_buf(),
            order: (report.fiscal_year.0, half),
        }
    }
}

impl CompareState {
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }

    /// Changes whenever the comparison does (for caches of what it marks).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Compare the open report with `old` from now on.
    pub fn start(&mut self, comparison: Comparison, revision: u64) {
        self.comparison = Some(comparison);
        self.compared_at = Some(revision);
        self.changed();
    }

    pub fn stop(&mut self) {
        if self.comparison.take().is_some() {
            self.changed();
        }
    }

    fn changed(&mut self) {
        self.generation += 1;
        self.list_lang = None;
    }

    /// Compares again when the open report changed since (an edit, undo, another file); after
    /// one step that changed one initiative (`touched`: the revision before it and the
    /// initiative), that initiative alone when the comparison was up to date before it.
    pub(super) fn refresh(
        &mut self,
        report: &Report,
        revision: u64,
        touched: impl FnOnce() -> Option<(u64, Id)>,
    ) {
        if self.compared_at == Some(revision) {
            return;
        }
        if let Some(c) = self.comparison.as_mut() {
            let alone = touched().is_some_and(|(before, id)| {
                self.compared_at == Some(before) && c.refresh_initiative(report, id)
            });
            if !alone {
                c.refresh(report);
            }
            self.compared_at = Some(revision);
            self.changed();
        }
    }

    /// Makes the change list (one line per change under headings) in `lang` if it is not made (its owner calls it before the panel
    /// is drawn: the panel reads the state, it does not change it).
    pub fn ready_list(&mut self, lang: Lang) {
        if self.list_lang != Some(lang) {
            self.list = self
                .comparison
                .as_ref()
                .map(|c| change_list(c.diff(), lang))
                .unwrap_or_default();
            self.list_lang = Some(lang);
        }
    }

    /// The change list as last made by [`CompareState::ready_list`].
    pub fn list(&self) -> &[ListLine] {
        &self.list
    }

    /// The reports opened together, oldest first.
    pub fn series(&self) -> &[Member] {
        &self.series
    }

    pub fn set_series(&mut self, mut members: Vec<Member>) {
        members.sort_by_key(|m| m.order);
        members.dedup_by(|a, b| a.path == b.path);
        self.series = members;
    }

    /// Adds a report to the series (a successor just saved, or a report stepped to).
    pub fn join_series(&mut self, member: Member) {
        let mut members = std::mem::take(&mut self.series);
        members.retain(|m| m.path != member.path);
        members.push(member);
        self.set_series(members);
    }

    /// Another file was opened: the comparison no longer applies; the series stays only if
    /// the file is one of it.
    pub fn opened(&mut self, path: Option<&Path>) {
        self.stop();
        if !self.series.iter().any(|m| Some(m.path.as_path()) == path) {
            self.series.clear();
        }
    }

    /// The series member `step` places from the open file (`-1` the one before), and the one
    /// before that (to compare with).
    pub fn step(&self, open: Option<&Path>, step: isize) -> Option<(&Member, Option<&Member>)> {
        let at = self
            .series
            .iter()
            .position(|m| Some(m.path.as_path()) == open)?;
        let to = at.checked_add_signed(step)?;
        let target = self.series.get(to)?;
        let before = to.checked_sub(1).and_then(|k| self.series.get(k));
        Some((target, before))
    }
}

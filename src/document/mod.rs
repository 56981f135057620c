//! An open report: the model, where it came from, and whether it has unsaved changes; the lock
//! on its file and what the file was when read, so that a save never overwrites a colleague's
//! work without asking.

pub mod autosave;
mod opening;

pub use opening::{Opened, open_report};

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compare::{RolloverError, RolloverTo};
use crate::edit::{Edit, EditError, History, Intent};
use crate::lang::{Describe, Lang, say};
use crate::model::diag::{FileError, Warning, WarningKind};
use crate::model::{Id, Report};
use crate::store;
use crate::store::disk::{DiskChange, Fingerprint};
use crate::store::lock::{FileLock, LockError, LockHolder};

/// The bundled sample report (Mie Prefecture, FY H29 first half), imported from the seed table.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample-report.ron");

/// Where the open report came from, which decides where 保存 writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The bundled sample: saving asks for a file name.
    Sample,
    /// A Shinchoku `.ron` file: saving writes back to it.
    File(PathBuf),
    /// An imported report table: saving asks for a `.ron` name, never overwriting the table.
    Imported(PathBuf),
    /// Made in the window from another report (次の期間へ) and not saved yet: it counts as
    /// unsaved, and saving asks for a name (this one suggested).
    Made(String),
}

#[derive(Clone, Debug)]
pub struct Document {
    report: Report,
    /// Private: the lock and what the file was on disk belong to it, and change with it.
    origin: Origin,
    /// What was noticed when the report was read, and about texts brought in since that hold
    /// characters that do not show.
    pub warnings: Vec<Warning>,
    history: History,
    revision: u64,
    /// The revision the last step made and what it changed, when it changed one initiative
    /// only ([`Intent::target`]): what a comparison may redo alone.
    touched: Option<(u64, crate::edit::StepTarget)>,
    /// The history state when last saved (or opened).
    saved_state: u64,
    /// The file as read or last saved: a save first checks it is still so.
    disk: Option<Fingerprint>,
    /// The lock on the file while this document holds it (shared by clones; released when the
    /// last is dropped).
    lock: Option<Arc<FileLock>>,
    /// Who held the file when it was opened: read-only until the lock is taken over.
    locked_by: Option<LockHolder>,
}

/// Why a save did not happen. Nothing was written.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since it was read (someone else saved it): overwrite it
    /// ([`SaveOptions::overwrite_changed`]), save under another name, or read it again.
    ChangedOnDisk { path: PathBuf, change: DiskChange },
    /// Another Shinchoku has the file open (or took over the lock).
    Locked {
        path: PathBuf,
        holder: Box<LockHolder>,
    },
    /// The file is read-only for this user: overwrite it anyway
    /// ([`SaveOptions::overwrite_read_only`]) or save under another name.
    ReadOnly { path: PathBuf },
    /// The file (or its backup) cannot be read or written.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Nothing could be written, for a reason the write names (a backup's name taken by a
    /// folder, a folder this user may not write).
    NotWritten(store::disk::WriteError),
}

impl Describe for SaveError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            SaveError::ChangedOnDisk { path, change } => say(
                lang,
                format!(
                    "{}: 保存しませんでした: {}",
                    crate::model::text::path_shown(path),
                    change.describe(lang)
                ),
                format!(
                    "{}: not saved: {}",
                    crate::model::text::path_shown(path),
                    change.describe(lang)
                ),
            ),
            SaveError::Locked { path, holder } => say(
                lang,
                format!(
                    "{}: 保存しませんでした: {}",
                    crate::model::text::path_shown(path),
                    holder.held_words(path, lang)
                ),
                format!(
                    "{}: not saved: {}",
                    crate::model::text::path_shown(path),
                    holder.held_words(path, lang)
                ),
            ),
            SaveError::ReadOnly { path } => {
                store::disk::WriteError::ReadOnly { path: path.clone() }.describe(lang)
            }
            SaveError::Io { path, error } => say(
                lang,
                format!(
                    "{}: 保存できません: {}",
                    crate::model::text::path_shown(path),
                    error.describe(lang)
                ),
                format!(
                    "{}: cannot save: {error}",
                    crate::model::text::path_shown(path)
                ),
            ),
            SaveError::NotWritten(e) => e.describe(lang),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for SaveError {}

/// What a save may override, each after the user confirmed it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Overwrite a file that changed on disk since it was read (上書き).
    pub overwrite_changed: bool,
    /// Take over a lock another Shinchoku holds.
    pub take_over_lock: bool,
    /// Replace a file this user may not write (it stays read-only). Not part of `--force`:
    /// whoever made the file read-only meant it, unlike a lock left by a colleague's window.
    pub overwrite_read_only: bool,
}

impl SaveOptions {
    /// Overwrite a changed file and take over the lock: what `--force` means on the command
    /// line.
    pub const FORCE: SaveOptions = SaveOptions {
        overwrite_changed: true,
        take_over_lock: true,
        overwrite_read_only: false,
    };
}

impl Document {
    pub fn new(report: Report, origin: Origin, warnings: Vec<Warning>) -> Document {
        Document {
            report,
            origin,
            warnings,
            history: History::default(),
            revision: 0,
            touched: None,
            saved_state: 0,
            disk: None,
            lock: None,
            locked_by: None,
        }
    }

    pub fn sample() -> Document {
        let report = store::from_ron(SAMPLE_RON).expect("the bundled sample is a valid report");
        Document::new(report, Origin::Sample, Vec::new())
    }

    /// The report carried into its next period (次の期間へ), as a new unsaved document; this
    /// one is left as it is.
    pub fn rolled_over(&self, to: RolloverTo) -> Result<Document, RolloverError> {
        let report = crate::compare::rollover(&self.report, to)?;
        let shown = self.display_name();
        let stem = Path::new(&shown)
            .file_stem()
            .map_or_else(|| "report".into(), |s| s.to_string_lossy());
        let name = format!("{stem}-{}.ron", to.key());
        // What the report still warns of goes with it (a character that does not show), as
        // opening it saved would say.
        let mut warnings = crate::model::check::warnings(&report);
        // An actual typed for the new year before it began is the new year's now: said.
        let typed =
            crate::model::measure_check::actuals_typed_for(&self.report, report.fiscal_year);
        warnings.extend(typed);
        Ok(Document::new(report, Origin::Made(name), warnings))
    }

    /// Opens a `.ron` report (taking its lock) or imports a report table. A report another
    /// Shinchoku holds opens read-only: [`Document::locked_by`] names the holder.
    pub fn open(path: &Path) -> Result<Document, FileError> {
        let opened = open_report(path)?;
        let origin = if opened.imported {
            Origin::Imported(path.to_path_buf())
        } else {
            Origin::File(path.to_path_buf())
        };
        let mut doc = Document::new(opened.report, origin, opened.warnings);
        doc.disk = opened.disk;
        if !opened.imported {
            match FileLock::acquire(path) {
                Ok(lock) => doc.lock = Some(Arc::new(lock)),
                Err(LockError::Held { holder, .. }) => doc.locked_by = Some(*holder),
                // A share where no lock file can be written: saving will tell whether the
                // report can be written either.
                Err(LockError::Io { .. }) => {}
            }
        }
        Ok(doc)
    }

    /// Who had the file open when this document opened it: until the lock is taken over
    /// ([`Document::take_over_lock`]) the document is read-only.
    pub fn locked_by(&self) -> Option<&LockHolder> {
        self.locked_by.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.locked_by.is_some()
    }

    /// The lock this document holds on its file.
    pub fn lock(&self) -> Option<&FileLock> {
        self.lock.as_deref()
    }

    /// Takes the lock on the document's file from whoever holds it (confirmed by the user).
    pub fn take_over_lock(&mut self) -> Result<(), LockError> {
        let Some(path) = self.save_path().map(Path::to_path_buf) else {
            return Ok(());
        };
        self.lock = Some(Arc::new(FileLock::take_over(&path)?));
        self.locked_by = None;
        Ok(())
    }

    /// What the file was when read or last saved.
    pub fn fingerprint(&self) -> Option<&Fingerprint> {
        self.disk.as_ref()
    }

    /// Whether the document's file changed on disk since it was read or saved. `Ok(None)`:
    /// unchanged, or no file. (A save looks for itself before writing, and asks.)
    pub fn disk_change(&self) -> std::io::Result<Option<DiskChange>> {
        match (self.save_path(), &self.disk) {
            (Some(path), Some(known)) => store::disk::check_unchanged(path, known),
            _ => Ok(None),
        }
    }

    /// Reads the document's file again, dropping the changes and the history (再読み込み, after
    /// the user confirmed); the lock is kept.
    pub fn reload(&mut self) -> Result<(), FileError> {
        let Some(path) = self.save_path().map(Path::to_path_buf) else {
            return Ok(());
        };
        let opened = open_report(&path)?;
        self.report = opened.report;
        self.warnings = opened.warnings;
        self.disk = opened.disk;
        self.history = History::default();
        self.saved_state = self.history.state();
        self.revision += 1;
        Ok(())
    }

    /// Sets what the file was when the document's report was read: a recovered report is based
    /// on the file as it was when its copy was written.
    pub(crate) fn set_fingerprint(&mut self, fingerprint: Option<Fingerprint>) {
        self.disk = fingerprint;
    }

    /// Marks the report as differing from its file although no edit of this history made it
    /// so (a recovered report): no history state is the saved one until it is saved.
    pub(crate) fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
        self.revision += 1;
    }

    /// The file 保存 writes to without asking; `None` when it must ask.
    pub fn save_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Sample | Origin::Imported(_) | Origin::Made(_) => None,
        }
    }

    /// A `.ron` name to offer when asking where to save.
    pub fn suggested_file_name(&self) -> String {
        match &self.origin {
            Origin::File(p) | Origin::Imported(p) => p
                .with_extension("ron")
                .file_name()
                .map_or_else(|| "report.ron".into(), |n| n.to_string_lossy().into_owned()),
            Origin::Sample => "report.ron".into(),
            Origin::Made(name) => name.clone(),
        }
    }

    /// Saves to `path`, keeping backups of what it replaces. Refused, with nothing written,
    /// when the document's own file changed on disk since it was read, when another
    /// Shinchoku holds the file's lock, or when the file is read-only.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        self.save_to_with(path, SaveOptions::default())
    }

    /// [`Document::save_to`] with what the user confirmed may be overridden.
    pub fn save_to_with(&mut self, path: &Path, options: SaveOptions) -> Result<(), SaveError> {
        let own_file = self
            .save_path()
            .is_some_and(|p| store::disk::same_file(p, path));
        let locked = |holder| SaveError::Locked {
            path: path.to_path_buf(),
            holder,
        };
        let take_over = || {
            FileLock::take_over(path).map_err(|e| match e {
                LockError::Held { holder, .. } => locked(holder),
                // The lock file is what could not be written (a folder or a link loop
                // standing there): named, not the report.
                LockError::Io { lock, error } => SaveError::Io { path: lock, error },
            })
        };
        // The lock first: a file someone else has open is theirs to write.
        let ours = self.lock.as_ref().filter(|_| own_file);
        let held_by = |holder| {
            if options.take_over_lock {
                take_over().map(|l| Some(Arc::new(l)))
            } else {
                Err(locked(holder))
            }
        };
        let lock = match ours.map(|l| l.check()) {
            Some(Ok(())) => ours.cloned(),
            // Unreadable just now: write anyway; the write says whether the share is writable.
            Some(Err(LockError::Io { .. })) => ours.cloned(),
            Some(Err(LockError::Held { holder, .. })) => held_by(holder)?,
            None => match FileLock::acquire(path) {
                Ok(l) => Some(Arc::new(l)),
                Err(LockError::Held { holder, .. }) => held_by(holder)?,
                Err(LockError::Io { .. }) => None,
            },
        };
        if own_file
            && !options.overwrite_changed
            && let Some(known) = &self.disk
        {
            match store::disk::check_unchanged(path, known) {
                Ok(None) => {}
                Ok(Some(change)) => {
                    return Err(SaveError::ChangedOnDisk {
                        path: path.to_path_buf(),
                        change,
                    });
                }
                Err(error) => {
                    return Err(SaveError::Io {
                        path: path.to_path_buf(),
                        error,
                    });
                }
            }
        }
        let read_only = if options.overwrite_read_only {
            store::disk::ReadOnly::Replace
        } else {
            store::disk::ReadOnly::Refuse
        };
        let fingerprint =
            store::save_with_fingerprint(path, &self.report, read_only).map_err(|e| match e {
                store::disk::WriteError::ReadOnly { path } => SaveError::ReadOnly { path },
                store::disk::WriteError::Io { path, error } => SaveError::Io { path, error },
                other => SaveError::NotWritten(other),
            })?;
        self.origin = Origin::File(path.to_path_buf());
        self.disk = Some(fingerprint);
        self.lock = lock;
        self.locked_by = None;
        self.saved_state = self.history.state();
        Ok(())
    }

    /// Where the report came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The file the report was read from (a `.ron` or an imported table), if any.
    pub fn file_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) | Origin::Imported(p) => Some(p),
            Origin::Sample | Origin::Made(_) => None,
        }
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Sample => "sample-report.ron".into(),
            Origin::Made(name) => name.clone(),
            Origin::File(p) | Origin::Imported(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// Unsaved changes: the report differs from the file (undoing back to it makes it clean).
    pub fn is_dirty(&self) -> bool {
        matches!(self.origin, Origin::Made(_)) || self.history.state() != self.saved_state
    }

    /// The report as it is now. Read-only: it changes through [`Document::perform`],
    /// [`Document::edit`], undo, redo and [`Document::reload`], which keep the revision and the
    /// history with it.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The report, leaving the document (its history and lock go with it).
    pub fn into_report(self) -> Report {
        self.report
    }

    /// The steps that can be undone and redone.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Changes every time the report does; views cache what they derive by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The one initiative the step that made the report's revision changed, when that step
    /// changed only one; `None` after any other step, an undo, or a report opened.
    pub fn touched(&self) -> Option<Id> {
        self.touched
            .filter(|(revision, _)| *revision == self.revision)
            .and_then(|(_, target)| target.initiative(&self.report))
    }

    /// Builds an edit (which may hand out new ids) and applies it as one undoable step. What
    /// it changed is not known as an intent's is, so every warning is made again, as after an
    /// undo (it made none again: a side door where the window's [`Document::perform`] does).
    pub fn edit(
        &mut self,
        build: impl FnOnce(&mut Report) -> Result<Edit, EditError>,
    ) -> Result<(), EditError> {
        self.edit_if(|report| build(report).map(Some))?;
        self.recheck_invisible();
        self.recheck_numbers();
        self.recheck_months(None);
        Ok(())
    }

    /// As [`Document::edit`], where the builder may find there is nothing to do; ids it handed
    /// out are taken back unless its edit was applied.
    fn edit_if(
        &mut self,
        build: impl FnOnce(&mut Report) -> Result<Option<Edit>, EditError>,
    ) -> Result<(), EditError> {
        let next_id_before = self.report.next_id();
        let result = build(&mut self.report).and_then(|edit| match edit {
            // A response may change only its division's results: checked here, for every
            // edit whoever asks for it.
            Some(edit) if self.report.response.is_some() => {
                crate::edit::scope::check(&self.report, &edit)?;
                self.history
                    .apply(&mut self.report, edit, next_id_before)
                    .map(|()| true)
            }
            Some(edit) => self
                .history
                .apply(&mut self.report, edit, next_id_before)
                .map(|()| true),
            None => Ok(false),
        });
        match result {
            Ok(true) => {
                self.revision += 1;
                Ok(())
            }
            Ok(false) => {
                self.report.restore_next_id(next_id_before);
                Ok(())
            }
            Err(e) => {
                self.report.restore_next_id(next_id_before);
                Err(e)
            }
        }
    }

    /// Carries out what the user asked as one undoable step (nothing when it changes nothing);
    /// returns the id of what it created, if anything.
    pub fn perform(&mut self, intent: Intent) -> Result<Option<Id>, EditError> {
        let mut created = None;
        let mut changes = true;
        let brings_invisible = brings_invisible(&intent);
        // Answers taken in bring numbers too: their warnings show at once, as on opening.
        let numbers = matches!(intent, Intent::Measure(_) | Intent::TakeAnswers(_));
        let within = intent.target();
        self.edit_if(|report| {
            let edit = intent.build(report)?;
            created = edit.as_ref().and_then(Edit::created);
            changes = edit.is_some();
            Ok(edit)
        })?;
        // A text rewritten without what was warned of takes its warning away.
        if changes && (brings_invisible || self.warns_of_invisible()) {
            self.recheck_invisible();
        }
        if numbers && changes {
            self.recheck_numbers();
        }
        if changes {
            self.recheck_months(within.and_then(|t| t.initiative(&self.report)));
            self.touched = within.map(|id| (self.revision, id));
        }
        Ok(created.filter(|_| changes))
    }

    /// The warnings about characters that do not show (and texts an export cut), made again
    /// for the report as it is now (a step that brought such text in, or took it out again).
    fn recheck_invisible(&mut self) {
        self.warnings.retain(|w| {
            !matches!(
                w.kind,
                WarningKind::InvisibleCharacters { .. }
                    | WarningKind::NoGlyph { .. }
                    | WarningKind::CutByExport { .. }
            )
        });
        self.warnings
            .extend(crate::model::check::invisible_characters(&self.report));
    }

    /// The warnings about numbers kept as written and ratings not in the scale, made again
    /// for the report as it is now (after a step on the numbers, an undo or a redo).
    fn recheck_numbers(&mut self) {
        // The report's own (no row, no sheet); what reading a file's cells said stays.
        self.warnings.retain(|w| {
            !(matches!(w.kind, WarningKind::Measure { .. })
                && w.at.row.is_none()
                && w.at.sheet.is_none())
        });
        // A text kept as written that reading the file said, by its cell, is not said again
        // in other words (a numbers step made 「1.2億」 two warnings, and 警告 3 became 4).
        let kept = |w: &Warning| match &w.kind {
            WarningKind::Measure { warning } => warning.kept_text().map(str::to_string),
            _ => None,
        };
        let said: std::collections::HashSet<String> =
            self.warnings.iter().filter_map(kept).collect();
        let again = crate::model::measure_check::measure_warnings(&self.report);
        (self.warnings).extend(
            again
                .into_iter()
                .filter(|w| kept(w).is_none_or(|t| !said.contains(&t))),
        );
    }

    /// The warnings about months (that cannot be read, a result outside the period, a month in
    /// a note, 予定 over months passed) made again
    /// for the report as it is now, as opening the saved file would list them: typed in the
    /// window, they are said at once. What reading a table said (with its row) stays, and is
    /// not said twice.
    fn recheck_months(&mut self, within: Option<Id>) {
        use crate::model::check;
        // Every kind `check::list_warnings` makes: one left out stayed after the entry was
        // rewritten, and was said again at each edit.
        let of_months = |w: &Warning| {
            matches!(
                w.kind,
                WarningKind::UnreadableMonths { .. }
                    | WarningKind::MonthsOutsidePeriod { .. }
                    | WarningKind::MonthInNote { .. }
                    | WarningKind::ScheduledOverPassed { .. }
            )
        };
        let report_own = |w: &Warning| of_months(w) && w.at.row.is_none() && w.at.sheet.is_none();
        // A list at its bound counts what it leaves out: made again whole, so the count is of
        // the report as it is now (kept with the stale count, each step added another).
        let full = self.warnings.len() >= crate::model::bounds::MAX_WARNINGS;
        self.warnings
            .retain(|w| !matches!(w.kind, WarningKind::NotListed { .. }));
        let initiative = within
            .filter(|_| !full)
            .and_then(|id| self.report.initiative(id));
        let fresh = match initiative {
            // An edit within one initiative: only its warnings are made again.
            Some(i) => {
                self.warnings.retain(|w| {
                    !(report_own(w)
                        && w.at
                            .entry
                            .as_ref()
                            .is_some_and(|e| e.initiative == i.number))
                });
                let earlier = self.report.earlier_results();
                check::initiative_month_warnings(&self.report, &earlier, i)
            }
            None => {
                self.warnings.retain(|w| !report_own(w));
                check::month_warnings(&self.report)
            }
        };
        // Keyed by kind (the entry is in it): a set, so a report with thousands of such
        // warnings is not compared pair by pair.
        let said: std::collections::HashSet<String> = self
            .warnings
            .iter()
            .filter(|w| of_months(w))
            .map(|w| format!("{:?}", w.kind))
            .collect();
        self.warnings.extend(
            fresh
                .into_iter()
                .filter(|w| !said.contains(&format!("{:?}", w.kind))),
        );
        // Within the bound, with what is past it counted (a count an import gave of its own
        // warnings past the bound is not kept past here: those are not in the list anyway).
        self.warnings = crate::model::check::capped(std::mem::take(&mut self.warnings));
    }

    fn warns_of_invisible(&self) -> bool {
        self.warnings.iter().any(|w| {
            matches!(
                w.kind,
                WarningKind::InvisibleCharacters { .. }
                    | WarningKind::NoGlyph { .. }
                    | WarningKind::CutByExport { .. }
            )
        })
    }

    /// Undoes the last step; false when there is none or it cannot be undone (the step is
    /// kept: [`Document::try_undo`] says why).
    pub fn undo(&mut self) -> bool {
        self.try_undo().unwrap_or(false)
    }

    pub fn redo(&mut self) -> bool {
        self.try_redo().unwrap_or(false)
    }

    /// Undoes the last step: `Ok(false)` when there is none; `Err` when its inverse no longer
    /// applies, the report and the history left as they were.
    pub fn try_undo(&mut self) -> Result<bool, EditError> {
        let done = self.history.undo(&mut self.report)?;
        // Undoing a paste takes its warning away (redoing one brings it back).
        let invisible = done && self.warns_of_invisible();
        Ok(self.stepped(done, invisible))
    }

    pub fn try_redo(&mut self) -> Result<bool, EditError> {
        let done = self.history.redo(&mut self.report)?;
        Ok(self.stepped(done, done))
    }

    /// After an undo or a redo (`done` when one was made): the revision moves on and the
    /// warnings it may change are read again, the invisible characters' when `invisible`.
    fn stepped(&mut self, done: bool, invisible: bool) -> bool {
        if done {
            self.revision += 1;
            self.recheck_numbers();
            self.recheck_months(None);
            if invisible {
                self.recheck_invisible();
            }
        }
        done
    }
}

/// Whether what an intent brings in holds a character that does not show (or shows as a box,
/// the bundled font lacking it) or ends in the note of a text an export cut: text typed or
/// pasted, or answers taken in (whose texts are looked at whole: they come from files).
fn brings_invisible(intent: &Intent) -> bool {
    use crate::model::text::{is_invisible, left_out_by_cut, shows_as_box};
    let has = |t: &str| {
        t.chars().any(|c| is_invisible(c) || shows_as_box(c)) || left_out_by_cut(t).is_some()
    };
    match intent {
        Intent::SetEntryText { text, .. } | Intent::AddEntry { text, .. } => has(text),
        Intent::AddTopic { heading, .. } => heading.as_deref().is_some_and(has),
        Intent::SetTopicHeading { heading, .. } => has(heading),
        Intent::SetInitiativeTitle { title, .. } => has(title),
        Intent::SetItemName { name, .. } => has(name),
        Intent::RelabelSpan { label, .. } => has(label),
        Intent::MarkSent { divisions, .. } => divisions.iter().any(|d| has(d)),
        Intent::SendBack { note, .. } => has(note),
        // Numbers and ratings hold texts too (a name, a figure kept as written, a comment).
        Intent::TakeAnswers(_) | Intent::Measure(_) => true,
        _ => false,
    }
}

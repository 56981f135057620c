//! The open report as the window holds it: the core's [`Document`] (report, history, file) and
//! the file dialogs. Opening, saving, exporting, undo and every change to the report are
//! carried out here, by [`DocState::handle_action`], [`DocState::handle_file`] and
//! [`DocState::perform`]; what the rest of the window should do about it comes back as commands.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app::command::{
    AppCommand, CompareCommand, DialogCommand, EditTarget, FileCommand, PathPurpose, PrefsCommand,
    SurveyCommand, ViewCommand,
};
use crate::app::i18n::Lang;
use crate::app::state::dialogs::Dialog;
use crate::document::autosave::{self, Autosave};
use crate::document::{Document, SaveError, SaveOptions};
use crate::edit::Intent;
use crate::lang::Describe;
use crate::store::recovery::{Recoverable, RecoveryStore};

pub struct DocState {
    doc: Document,
    /// Bumped when another report is opened, so caches keyed by revision start again.
    generation: u64,
    /// Recovery copies of unsaved work; `None` where there is no folder for them (or in tests
    /// that do not ask for it).
    autosave: Option<Autosave>,
    /// When the window's clock read zero (see `FileCommand::Autosave`).
    epoch: Instant,
    /// When writing the recovery copy last failed: the window does not wake for it again
    /// before an interval has passed (it would otherwise wake at once, every frame).
    recovery_failed: Option<Instant>,
    /// The file the typed-path prompt last said is there already: sent again, it is replaced.
    replace_asked: Option<PathBuf>,
}

/// What a command asks of the rest of the window.
pub type FollowUps = Vec<AppCommand>;

impl DocState {
    pub fn new(doc: Document) -> DocState {
        DocState {
            doc,
            generation: 0,
            autosave: None,
            epoch: Instant::now(),
            recovery_failed: None,
            replace_asked: None,
        }
    }

    /// Writes recovery copies of unsaved work to `store`.
    pub fn keep_recovery_copies(&mut self, store: RecoveryStore) {
        self.autosave = Some(Autosave::new(store));
    }

    /// How often the recovery copy is written while there are unsaved changes.
    pub fn set_recovery_interval(&mut self, interval: Duration) {
        if let Some(a) = self.autosave.as_mut() {
            a.set_interval(interval);
        }
    }

    /// The window closes on purpose: the copy of this run's work is not needed any more.
    pub fn discard_recovery_copy(&mut self) {
        if let Some(a) = self.autosave.as_mut() {
            let _ = a.discard();
        }
    }

    /// How long the window may sleep before the recovery copy is due (`at`: the window's
    /// clock); `None` while no copy is coming.
    pub fn recovery_due_in(&self, at: Duration) -> Option<Duration> {
        let autosave = self.autosave.as_ref()?;
        let now = self.epoch + at;
        let due = autosave.due_in(now, &self.doc)?;
        let retry = self.recovery_failed.map_or(Duration::ZERO, |failed| {
            autosave
                .interval()
                .saturating_sub(now.saturating_duration_since(failed))
        });
        Some(due.max(retry))
    }

    /// Recovery copies from an earlier run that hold work their reports do not.
    pub fn pending_recoveries(&self) -> Vec<Recoverable> {
        self.autosave
            .as_ref()
            .map(|a| a.store().pending())
            .unwrap_or_default()
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Puts another document in the window (one made from this one: 次の期間へ).
    pub fn replace(&mut self, doc: Document) {
        self.doc = doc;
        self.generation += 1;
        if let Some(a) = self.autosave.as_mut() {
            let _ = a.discard();
        }
    }

    /// Changes whenever another report is put in the window (opened, read again, restored,
    /// made from this one).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Changes whenever the report does, or another report is opened.
    pub fn revision(&self) -> u64 {
        self.doc.revision() ^ (self.generation << 40)
    }

    /// The step that made this revision, when it changed one initiative only: the revision
    /// before it and the initiative.
    pub fn touched(&self) -> Option<(u64, crate::model::Id)> {
        let before = self.doc.revision().checked_sub(1)?;
        let id = self.doc.touched()?;
        Some((before ^ (self.generation << 40), id))
    }

    pub fn handle_action(&mut self, action: DocAction, lang: Lang) -> FollowUps {
        let t = lang.texts();
        // A prompt asked anew asks again before replacing a file (a cancelled question was
        // taken as answered by the next prompt).
        self.replace_asked = None;
        match action {
            DocAction::Open => ask_path(PathPurpose::Open, || {
                pick_file(&[
                    (t.filter_ron, &["ron"]),
                    (t.filter_table, TABLES),
                    (t.filter_workbook, WORKBOOKS),
                ])
            }),
            DocAction::Import => ask_path(PathPurpose::Open, || {
                pick_file(&[(t.filter_table, TABLES), (t.filter_workbook, WORKBOOKS)])
            }),
            DocAction::Compare => ask_path(PathPurpose::Compare, || {
                pick_file(&[
                    (t.filter_ron, &["ron"]),
                    (t.filter_table, TABLES),
                    (t.filter_workbook, WORKBOOKS),
                ])
            }),
            DocAction::OpenSeries => pick_series(t),
            DocAction::CollectAnswers => pick_answers(t),
            DocAction::ExportChangeList => {
                let name = self
                    .doc
                    .suggested_file_name()
                    .replace(".ron", "-changes.pdf");
                ask_path(PathPurpose::ChangeList, || {
                    save_file(t.filter_pdf, "pdf", &name)
                })
            }
            DocAction::Save => match self.doc.save_path().map(Path::to_path_buf) {
                Some(path) => self.save_to(&path, lang),
                None => self.handle_action(DocAction::SaveAs, lang),
            },
            DocAction::SaveAs => {
                let name = self.doc.suggested_file_name();
                ask_path(PathPurpose::SaveAs, || {
                    save_file(t.filter_ron, "ron", &name)
                })
            }
            // A step whose edit no longer applies stays in the history, and the user is told.
            DocAction::Undo => self
                .doc
                .try_undo()
                .map_or_else(|e| notice(e.describe(lang)), |_| Vec::new()),
            DocAction::Redo => self
                .doc
                .try_redo()
                .map_or_else(|e| notice(e.describe(lang)), |_| Vec::new()),
            DocAction::ExportPdf => {
                let name = self.doc.suggested_file_name().replace(".ron", ".pdf");
                ask_path(PathPurpose::ExportPdf, || {
                    save_file(t.filter_pdf, "pdf", &name)
                })
            }
        }
    }

    /// Files in and out. `ExportPdfTo`, `ExportTo`, `ResolveUnsaved` and `Rollover` are the
    /// app's (they need the background jobs, the dialog and the comparison state).
    pub fn handle_file(&mut self, command: FileCommand, lang: Lang) -> FollowUps {
        let t = lang.texts();
        if matches!(command, FileCommand::Export { .. }) {
            self.replace_asked = None;
        }
        match command {
            FileCommand::OpenPath(path) => self.open(&path, lang),
            FileCommand::SaveTo(path) => self.save_to(&path, lang),
            FileCommand::Export { format, encoding } => {
                use crate::export::Format;
                let ext = format.extension();
                let name = match format {
                    Format::Xlsx => "Excel",
                    Format::Table => "TSV",
                    Format::Csv => "CSV",
                    Format::Html => "HTML",
                };
                let file = self
                    .doc
                    .suggested_file_name()
                    .replace(".ron", &format!(".{ext}"));
                let purpose = PathPurpose::Export { format, encoding };
                ask_path(purpose, || save_file(name, ext, &file))
            }
            FileCommand::SaveForced(path) => self.save_with(&path, SaveOptions::FORCE, lang),
            FileCommand::SaveOverReadOnly { path, options } => {
                let options = SaveOptions {
                    overwrite_read_only: true,
                    ..options
                };
                self.save_with(&path, options, lang)
            }
            FileCommand::TakeOverLock => match self.doc.take_over_lock() {
                Ok(()) => notice(t.lock_taken_over.to_string()),
                Err(e) => error(t.save_failed, e.describe(lang)),
            },
            FileCommand::Reload => match self.doc.reload() {
                Ok(()) => {
                    self.generation += 1;
                    notice(t.reloaded.to_string())
                }
                Err(e) => error(t.open_failed, e.describe(lang)),
            },
            FileCommand::Autosave { flush, at } => self.autosave(flush, at, lang),
            FileCommand::Restore(copy) => self.restore(&copy, lang),
            FileCommand::DiscardRecovery(copy) => {
                if let Some(a) = &self.autosave {
                    let _ = a.store().remove(&copy.copy);
                }
                Vec::new()
            }
            FileCommand::PathTyped { purpose, typed } => self.typed_paths(purpose, &typed, lang),
            FileCommand::ExportPdfTo(_)
            | FileCommand::ExportTo { .. }
            | FileCommand::ResolveUnsaved { .. }
            | FileCommand::Rollover(_) => Vec::new(),
        }
    }

    /// Once a frame: the recovery copy, when due (or now, when the window lost the focus).
    fn autosave(&mut self, flush: bool, at: Duration, lang: Lang) -> FollowUps {
        let Some(autosave) = self.autosave.as_mut() else {
            return Vec::new();
        };
        let now = self.epoch + at;
        let result = if flush {
            autosave.flush(now, &self.doc)
        } else {
            autosave.tick(now, &self.doc)
        };
        match result {
            Ok(_) => {
                self.recovery_failed = None;
                Vec::new()
            }
            // Said in the status bar; the report itself is unharmed.
            Err(e) => {
                self.recovery_failed = Some(now);
                notice(e.describe(lang))
            }
        }
    }

    fn restore(&mut self, copy: &Recoverable, lang: Lang) -> FollowUps {
        let t = lang.texts();
        let Some(autosave) = &self.autosave else {
            return Vec::new();
        };
        match autosave::restore(autosave.store(), copy, Some(&self.doc)) {
            Ok(doc) => {
                self.doc = doc;
                self.generation += 1;
                let _ = autosave.store().remove(&copy.copy);
                vec![
                    ViewCommand::Reset.into(),
                    DialogCommand::Notice(format!("{}: {}", t.restored, copy.describe(lang)))
                        .into(),
                ]
            }
            Err(e) => error(t.open_failed, e.describe(lang)),
        }
    }

    /// Applies an intent that has nothing to follow in the view, saying whether it applied.
    pub fn perform_or_fail(&mut self, intent: Intent) -> Result<(), crate::edit::EditError> {
        self.doc.perform(intent).map(|_| ())
    }

    /// Carries out a change to the report as one undoable step, and says what to show next:
    /// a new entry selected, a new topic's heading ready to type.
    pub fn perform(&mut self, intent: Intent, lang: Lang) -> FollowUps {
        let added_entry = matches!(intent, Intent::AddEntry { .. });
        let added_topic = matches!(intent, Intent::AddTopic { .. });
        // A sub-item's text as typed, to say when the report reads it otherwise (words after
        // its months go to the next sub-item: see `edit::apply`).
        let typed = match &intent {
            Intent::SetEntryText { id, text } if self.is_sub_item(*id) => {
                let text = text.trim();
                Some((*id, text.strip_prefix('・').unwrap_or(text).to_string()))
            }
            _ => None,
        };
        match self.doc.perform(intent) {
            Ok(_)
                if typed.as_ref().is_some_and(|(id, text)| {
                    self.doc
                        .report()
                        .entry(*id)
                        .is_some_and(|e| e.text != *text)
                }) =>
            {
                notice(lang.texts().sub_item_words_moved.to_string())
            }
            Ok(Some(id)) if added_entry => {
                vec![
                    ViewCommand::AddedEntry(id).into(),
                    DialogCommand::Edited.into(),
                ]
            }
            Ok(Some(id)) if added_topic => vec![
                ViewCommand::StartEditing(EditTarget::TopicHeading(id)).into(),
                DialogCommand::Edited.into(),
            ],
            Ok(_) => vec![DialogCommand::Edited.into()],
            Err(e) => {
                let refusal = DialogCommand::Refusal(e.describe_in(self.doc.report(), lang));
                vec![refusal.into(), ViewCommand::Refused.into()]
            }
        }
    }

    fn is_sub_item(&self, id: crate::model::Id) -> bool {
        (self.doc.report().entry_place(id)).is_some_and(|p| p.parent.is_some())
    }

    fn open(&mut self, path: &Path, lang: Lang) -> FollowUps {
        let t = lang.texts();
        // The file this window has open: read again, keeping its lock. Opened anew, the
        // window's own lock read as another's (read-only, 「使用中」), and replacing the
        // document then removed the lock file.
        let same = |open: &Path| crate::store::disk::same_file(open, path);
        if self.doc.save_path().is_some_and(same) {
            return match self.doc.reload() {
                Ok(()) => self.opened(path, lang),
                Err(e) => error(t.open_failed, e.describe(lang)),
            };
        }
        match Document::open(path) {
            Ok(doc) => {
                self.doc = doc;
                self.opened(path, lang)
            }
            Err(e) => error(t.open_failed, e.describe(lang)),
        }
    }

    /// What follows a report put in the window from `path`.
    fn opened(&mut self, path: &Path, lang: Lang) -> FollowUps {
        self.generation += 1;
        if let Some(a) = self.autosave.as_mut() {
            let _ = a.discard();
        }
        let mut follow: FollowUps = vec![
            ViewCommand::Reset.into(),
            PrefsCommand::RememberFile(path.to_path_buf()).into(),
            DialogCommand::Notice(format!(
                "{}: {}",
                lang.texts().opened,
                crate::model::text::path_shown(path)
            ))
            .into(),
        ];
        if let Some(holder) = self.doc.locked_by() {
            let holder = holder.describe(lang);
            let lock_file =
                crate::model::text::path_shown(&crate::store::lock::lock_path(path)).to_string();
            follow.push(DialogCommand::Show(Dialog::Locked { holder, lock_file }).into());
        } else if !self.doc.warnings.is_empty() {
            follow.push(DialogCommand::Show(Dialog::Warnings).into());
        }
        follow
    }

    fn save_to(&mut self, path: &Path, lang: Lang) -> FollowUps {
        self.save_with(path, SaveOptions::default(), lang)
    }

    /// Saves; a file changed on disk, held by another Shinchoku or read-only is never
    /// overwritten without asking: the dialog offers what can be done.
    fn save_with(&mut self, path: &Path, options: SaveOptions, lang: Lang) -> FollowUps {
        let t = lang.texts();
        match self.doc.save_to_with(path, options) {
            Ok(()) => {
                if let Some(a) = self.autosave.as_mut() {
                    let _ = a.discard();
                }
                vec![
                    PrefsCommand::RememberFile(path.to_path_buf()).into(),
                    DialogCommand::Notice(format!(
                        "{}: {}",
                        t.saved,
                        crate::model::text::path_shown(path)
                    ))
                    .into(),
                ]
            }
            Err(e) => {
                let (path, message) = (path.to_path_buf(), e.describe(lang));
                let dialog = match e {
                    SaveError::ChangedOnDisk { .. } => Dialog::ChangedOnDisk { path, message },
                    SaveError::Locked { .. } => Dialog::LockedOnSave { path, message },
                    SaveError::ReadOnly { .. } => Dialog::ReadOnlyOnSave {
                        path,
                        message,
                        options,
                    },
                    SaveError::Io { .. } | SaveError::NotWritten(_) => Dialog::Error {
                        title: t.save_failed.into(),
                        message,
                    },
                };
                vec![DialogCommand::Show(dialog).into()]
            }
        }
    }
}

/// The report-table extensions the importer reads.
const TABLES: &[&str] = &["tsv", "txt"];
/// The workbooks it reads (`import::workbook`).
const WORKBOOKS: &[&str] = &["xlsx", "xlsm", "xls", "ods"];

/// Asks the system's file dialog; where it cannot be shown (no portal or zenity on a Linux
/// desktop, or it gave up at once), asks for the path to be typed instead of doing nothing.
fn ask_path(purpose: PathPurpose, dialog: impl FnOnce() -> Option<PathBuf>) -> FollowUps {
    if no_file_dialog() {
        return type_path(purpose);
    }
    let started = Instant::now();
    match dialog() {
        Some(path) => vec![purpose.command(path)],
        // Nobody cancels a dialog within a quarter second: it was never shown.
        None if started.elapsed() < Duration::from_millis(250) => type_path(purpose),
        None => Vec::new(),
    }
}

/// No way to show a file dialog: on Linux rfd needs the desktop portal (over D-Bus) or zenity.
/// `SHINCHOKU_TYPE_PATHS` asks for typed paths anywhere (tests, remote sessions).
fn no_file_dialog() -> bool {
    if std::env::var_os("SHINCHOKU_TYPE_PATHS").is_some() {
        return true;
    }
    if !cfg!(target_os = "linux") {
        return false;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    !bus && !zenity
}

/// The typed-path prompt, for what the path is for.
fn type_path(purpose: PathPurpose) -> FollowUps {
    let problem = None;
    vec![DialogCommand::Show(Dialog::TypePath { purpose, problem }).into()]
}

impl DocState {
    /// What was typed in the typed-path prompt: done when it names what the purpose wants (the
    /// prompt closes first, so a dialog the command opens stays), else the prompt stays open,
    /// saying why. A file to write that is there already is replaced only when the same path
    /// is sent again.
    fn typed_paths(&mut self, purpose: PathPurpose, typed: &str, lang: Lang) -> FollowUps {
        use crate::app::typed_path::TypedPathError;
        let asked = self.replace_asked.take();
        let read = crate::app::typed_path::read_typed(purpose.wanted(), typed).and_then(|paths| {
            let written = paths.first().and_then(|p| purpose.written(p));
            match written.filter(|w| w.is_file() && asked.as_ref() != Some(w)) {
                Some(there) => Err(TypedPathError::Exists(there)),
                None => Ok(paths),
            }
        });
        let problem = match read {
            Ok(paths) => {
                let mut follow: FollowUps = vec![DialogCommand::Close.into()];
                follow.extend(purpose.command_for(paths));
                return follow;
            }
            Err(e) => {
                if let TypedPathError::Exists(there) = &e {
                    self.replace_asked = Some(there.clone());
                }
                Some(e.describe(lang))
            }
        };
        vec![DialogCommand::Show(Dialog::TypePath { purpose, problem }).into()]
    }
}

/// Asks for a folder (the survey's responses go there).
pub fn ask_folder(purpose: PathPurpose) -> FollowUps {
    ask_path(purpose, || rfd::FileDialog::new().pick_folder())
}

/// Asks where to save a file of one kind.
pub fn ask_save(purpose: PathPurpose, filter: &str, extension: &str, name: &str) -> FollowUps {
    ask_path(purpose, || save_file(filter, extension, name))
}

fn pick_file(filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new();
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    dialog.pick_file()
}

fn save_file(filter: &str, extension: &str, name: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(filter, &[extension])
        .set_file_name(name)
        .save_file()
}

/// A line in the status bar.
pub(crate) fn notice(text: String) -> FollowUps {
    vec![DialogCommand::Notice(text).into()]
}

/// An error dialog.
pub(crate) fn error(title: &str, message: String) -> FollowUps {
    vec![
        DialogCommand::Show(Dialog::Error {
            title: title.into(),
            message,
        })
        .into(),
    ]
}

/// The menu's and keyboard's actions the document carries out (the app's own are handled by
/// the app): matched exhaustively, so none is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocAction {
    Open,
    Import,
    Compare,
    OpenSeries,
    CollectAnswers,
    ExportChangeList,
    Save,
    SaveAs,
    Undo,
    Redo,
    ExportPdf,
}

/// Several reports of one programme at once; where no dialog can be shown, typed paths or a
/// folder.
fn pick_series(t: &crate::app::i18n::Texts) -> FollowUps {
    if no_file_dialog() {
        return type_path(PathPurpose::Series);
    }
    let dialog = rfd::FileDialog::new()
        .add_filter(t.filter_ron, &["ron"])
        .add_filter(t.filter_table, TABLES)
        .add_filter(t.filter_workbook, WORKBOOKS)
        .set_title(t.open_series);
    match dialog.pick_files() {
        Some(paths) if !paths.is_empty() => vec![CompareCommand::OpenSeries(paths).into()],
        _ => Vec::new(),
    }
}

/// Answers: several at once; where no dialog can be shown, typed paths or a folder.
fn pick_answers(t: &crate::app::i18n::Texts) -> FollowUps {
    if no_file_dialog() {
        return type_path(PathPurpose::Answers);
    }
    let dialog = rfd::FileDialog::new()
        .set_title(t.collect_answers)
        .add_filter(t.filter_answers, &["ron", "xlsx"]);
    match dialog.pick_files() {
        Some(paths) if !paths.is_empty() => vec![SurveyCommand::Collect(paths).into()],
        _ => Vec::new(),
    }
}

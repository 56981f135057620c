//! Recovery copies: while a report has unsaved changes, a copy of it is written now and then to
//! the user's data folder, so that a crash, a power cut or a killed process loses at most the
//! last interval's typing. On start the window asks [`RecoveryStore::pending`] which copies
//! hold work their report does not, and offers 復元 / 破棄 for each; a clean save or close
//! removes the copy.
//!
//! The folder: `$XDG_DATA_HOME/shinchoku/recovery` (else `~/.local/share/shinchoku/recovery`)
//! on Linux, `%APPDATA%\Shinchoku\recovery` on Windows, `~/Library/Application
//! Support/Shinchoku/recovery` on macOS. One file per report, `STEM-HASH.ron`, keyed by the
//! report's canonical path (never-saved reports by a per-session id), written atomically. It
//! holds the report, which file it belongs to, when it was written, what the file was when
//! the copy's edits began, and which process wrote it (a copy another running Shinchoku is
//! still writing is not offered).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::disk;
use super::lock;
use crate::lang::{Describe, Lang, say};
use crate::model::Report;
use crate::model::text::path_shown;

/// The copy's format; raised when an older build would read a copy wrongly.
const FORMAT: u32 = 1;

/// The file a recovery copy belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Belongs {
    /// A Shinchoku `.ron` file.
    File(PathBuf),
    /// A report table imported and not yet saved as `.ron`.
    Imported(PathBuf),
    /// The sample, or a report never saved.
    Unsaved,
    /// A report made from another (次の期間へ) and never saved, with the name suggested for it:
    /// restored as the sample, it came back named `sample-report.ron`.
    Made(String),
}

impl Belongs {
    /// The file, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Belongs::File(p) | Belongs::Imported(p) => Some(p),
            Belongs::Unsaved | Belongs::Made(_) => None,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CopyFile {
    recovery: u32,
    /// Milliseconds since 1970.
    written: u64,
    belongs: Belongs,
    /// Length and content hash of the file when the copy's unsaved edits began.
    #[serde(default)]
    based_on: Option<(u64, u64)>,
    machine: String,
    pid: u32,
    #[serde(default)]
    started: Option<u64>,
    report: Report,
}

#[derive(Debug)]
pub enum RecoveryError {
    /// No folder for recovery copies (no home directory in the environment).
    NoFolder,
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// Not a recovery copy, or a damaged one.
    Unreadable {
        path: PathBuf,
        problem: CopyProblem,
    },
    /// The copy was not written (nothing on disk changed).
    NotWritten {
        path: PathBuf,
        why: NotWritten,
    },
}

/// Why a recovery copy was not written.
#[derive(Debug)]
pub enum NotWritten {
    /// The writer refused (its own words, in English).
    Ron(String),
    /// The copy would be larger than is read ([`crate::model::bounds::MAX_FILE_BYTES`]): a
    /// copy 復元 could not open holds nothing.
    TooLarge { bytes: u64 },
}

/// What is wrong with a recovery copy.
#[derive(Debug)]
pub enum CopyProblem {
    /// Not RON Shinchoku can read (with the place, worded as a damaged report is).
    Damaged(crate::store::StoreError),
    /// Written by a newer Shinchoku, in a format this one does not know.
    Newer { format: u32 },
    /// Not read at all: no regular file (a named pipe waited on for ever), or too large.
    NotRead(Box<crate::model::diag::FileError>),
    /// A report that breaks the model's rules.
    Invalid(crate::store::StoreError),
}

impl Describe for CopyProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            CopyProblem::Damaged(e) => e.describe(lang),
            CopyProblem::Newer { format } => say(
                lang,
                format!("新しい版の Shinchoku が書いたものです（形式 {format}）"),
                format!("written by a newer Shinchoku (format {format})"),
            ),
            CopyProblem::NotRead(kind) => kind.describe(lang),
            CopyProblem::Invalid(e) => e.describe(lang),
        }
    }
}

impl Describe for RecoveryError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            RecoveryError::NoFolder => say(
                lang,
                "復元用の写しを置くフォルダがありません（XDG_DATA_HOME、HOME、APPDATA のどれもありません）".into(),
                "no folder for recovery copies (neither XDG_DATA_HOME, HOME nor APPDATA is set)"
                    .into(),
            ),
            RecoveryError::Io { path, error } => {
                format!("{}: {}", path_shown(path), error.describe(lang))
            }
            RecoveryError::Unreadable { path, problem } => say(
                lang,
                format!(
                    "{}: 読めない復元用の写しです: {}",
                    path_shown(path),
                    problem.describe(lang)
                ),
                format!(
                    "{}: not a readable recovery copy: {}",
                    path_shown(path),
                    problem.describe(lang)
                ),
            ),
            RecoveryError::NotWritten { path, why } => {
                let why = match why {
                    // The writer's own words are English: in Japanese, what happened.
                    NotWritten::Ron(e) => say(
                        lang,
                        "報告を文字にする途中でエラーになりました".into(),
                        e.clone(),
                    ),
                    NotWritten::TooLarge { bytes } => {
                        use crate::model::bounds::{MAX_FILE_BYTES, megabytes};
                        let (mb, most) = (megabytes(*bytes), megabytes(MAX_FILE_BYTES));
                        say(
                            lang,
                            format!("写しは{mb} MBになり、開ける大きさ（{most} MB）を超えます。報告を保存してください"),
                            format!("the copy would be {mb} MB, more than can be opened ({most} MB): save the report"),
                        )
                    }
                };
                say(
                    lang,
                    format!("{}: 復元用の写しを書けません: {why}", path_shown(path)),
                    format!("{}: the recovery copy cannot be written: {why}", path_shown(path)),
                )
            }
        }
    }
}

impl fmt::Display for RecoveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for RecoveryError {}

/// A copy that holds work its report does not: what the 復元 / 破棄 dialog shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recoverable {
    /// The copy itself.
    pub copy: PathBuf,
    pub belongs: Belongs,
    /// When the copy was written.
    pub written: SystemTime,
    pub title: String,
    pub sections: usize,
    pub initiatives: usize,
    /// Plan and actual entries, sub-items included.
    pub entries: usize,
}

impl Describe for Recoverable {
    /// `2024-05-01 09:12 — 平成 29 年度「…」: 3 sections, 11 initiatives, 120 entries (/path)`.
    fn describe(&self, lang: Lang) -> String {
        let unknown = say(lang, "時刻不明".into(), "an unknown time".into());
        let written = crate::model::clock::shown(self.written, "%Y-%m-%d %H:%M", &unknown);
        let (s, i, e) = (self.sections, self.initiatives, self.entries);
        let counts = say(
            lang,
            format!("{written} — {}: 区分{s}、取組{i}、項目{e}", self.title),
            format!(
                "{written} — {}: {s} sections, {i} initiatives, {e} entries",
                self.title
            ),
        );
        let file = match &self.belongs {
            Belongs::File(p) => format!(" ({})", path_shown(p)),
            Belongs::Imported(p) => say(
                lang,
                format!("（{}から取り込み、未保存）", path_shown(p)),
                format!(" (imported from {}, not saved)", path_shown(p)),
            ),
            Belongs::Unsaved => say(
                lang,
                "（一度も保存していません）".into(),
                " (never saved)".into(),
            ),
            Belongs::Made(name) => say(
                lang,
                format!("（{name}、一度も保存していません）"),
                format!(" ({name}, never saved)"),
            ),
        };
        counts + &file
    }
}

impl fmt::Display for Recoverable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// The folder of recovery copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// Copies in `dir` (created when the first copy is written).
    pub fn new(dir: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore { dir: dir.into() }
    }

    /// The user's recovery folder (see the module).
    pub fn user_default() -> Result<RecoveryStore, RecoveryError> {
        default_dir()
            .map(RecoveryStore::new)
            .ok_or(RecoveryError::NoFolder)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The copy for a report, by where it belongs; `session` names never-saved reports.
    pub fn copy_path(&self, belongs: &Belongs, session: &str) -> PathBuf {
        let key = match belongs {
            Belongs::File(p) => {
                let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| absolute(p));
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!(
                    "{}-{:016x}",
                    sanitize(&stem),
                    disk::content_hash(canonical.to_string_lossy().as_bytes())
                )
            }
            Belongs::Imported(_) | Belongs::Unsaved | Belongs::Made(_) => {
                format!("unsaved-{}", sanitize(session))
            }
        };
        self.dir.join(format!("{key}.ron"))
    }

    /// Writes a copy of `report` atomically; returns its path. `based_on` is the length and
    /// content hash of the file when the copy's unsaved edits began.
    pub fn write(
        &self,
        belongs: &Belongs,
        report: &Report,
        based_on: Option<(u64, u64)>,
        session: &str,
        now: SystemTime,
    ) -> Result<PathBuf, RecoveryError> {
        let belongs = belongs.clone();
        let path = self.copy_path(&belongs, session);
        let copy = CopyFile {
            recovery: FORMAT,
            written: now
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis().try_into().unwrap_or(u64::MAX)),
            belongs,
            based_on,
            machine: lock::machine_name(),
            pid: std::process::id(),
            started: lock::this_process_start(),
            report: report.clone(),
        };
        // Written as a report is saved: `ron`'s own escaping is most of a save's time (10,000
        // initiatives: 1.18 s with it, 0.23 s without), and the copy is made on the window's
        // thread.
        let not_written = |why| RecoveryError::NotWritten {
            path: path.clone(),
            why,
        };
        let text =
            super::to_ron_text(&copy).map_err(|e| not_written(NotWritten::Ron(e.to_string())))?;
        let bytes = text.len() as u64;
        if bytes > crate::model::bounds::MAX_FILE_BYTES {
            return Err(not_written(NotWritten::TooLarge { bytes }));
        }
        let io = |error| RecoveryError::Io {
            path: path.clone(),
            error,
        };
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        super::write_atomically(&path, text.as_bytes()).map_err(io)?;
        Ok(path)
    }

    /// The copies that hold work their report does not: the file is gone, or unchanged since
    /// the copy's edits began, or older than the copy; and copies of never-saved reports.
    /// Copies another running Shinchoku of this machine is still writing are left out, and so
    /// are copies that cannot be read.
    pub fn pending(&self) -> Vec<Recoverable> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<Recoverable> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter_map(|p| read_copy(&p).ok().map(|c| (p, c)))
            .filter(|(_, c)| !written_by_another_live_process(c))
            .filter_map(|(p, c)| recoverable(p, &c))
            .collect();
        out.sort_by_key(|c| std::cmp::Reverse(c.written));
        out
    }

    /// The report a copy holds, checked, and what its file was when the copy's edits began
    /// (length and content hash): what 復元 makes a document of.
    pub fn read(&self, copy: &Recoverable) -> Result<(Report, Option<(u64, u64)>), RecoveryError> {
        read_checked(&copy.copy).map(|c| (c.report, c.based_on))
    }

    /// 破棄, or after a clean save or close: removes a copy.
    pub fn remove(&self, copy: &Path) -> Result<(), RecoveryError> {
        match std::fs::remove_file(copy) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(RecoveryError::Io {
                path: copy.to_path_buf(),
                error,
            }),
        }
    }
}

fn read_copy(path: &Path) -> Result<CopyFile, RecoveryError> {
    // As every file read: a regular file within the bound, known before it is read (a named
    // pipe in the folder kept the window from starting).
    let bytes = crate::model::diag::read_input(path).map_err(|kind| RecoveryError::Unreadable {
        path: path.to_path_buf(),
        problem: CopyProblem::NotRead(Box::new(crate::model::diag::FileError {
            path: path.to_path_buf(),
            kind,
        })),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| RecoveryError::Unreadable {
        path: path.to_path_buf(),
        problem: CopyProblem::NotRead(Box::new(crate::model::diag::FileError {
            path: path.to_path_buf(),
            kind: crate::model::diag::FileErrorKind::not_utf8(&e),
        })),
    })?;
    let copy: CopyFile = ron::from_str(&text).map_err(|e| RecoveryError::Unreadable {
        path: path.to_path_buf(),
        problem: CopyProblem::Damaged(super::malformed(e)),
    })?;
    if copy.recovery > FORMAT {
        return Err(RecoveryError::Unreadable {
            path: path.to_path_buf(),
            problem: CopyProblem::Newer {
                format: copy.recovery,
            },
        });
    }
    Ok(copy)
}

fn read_checked(path: &Path) -> Result<CopyFile, RecoveryError> {
    let mut c = read_copy(path)?;
    crate::model::validate::validate(&mut c.report).map_err(|v| RecoveryError::Unreadable {
        path: path.to_path_buf(),
        problem: CopyProblem::Invalid(crate::store::StoreError::Invalid(v)),
    })?;
    Ok(c)
}

fn written_by_another_live_process(c: &CopyFile) -> bool {
    let this_machine = c.machine.eq_ignore_ascii_case(&lock::machine_name());
    let this_process = c.pid == std::process::id() && c.started == lock::this_process_start();
    this_machine && !this_process && lock::process_alive(c.pid, c.started) == Some(true)
}

fn recoverable(copy: PathBuf, c: &CopyFile) -> Option<Recoverable> {
    let written = UNIX_EPOCH.checked_add(Duration::from_millis(c.written))?;
    let file = match &c.belongs {
        Belongs::File(p) => Some(p),
        Belongs::Imported(_) | Belongs::Unsaved | Belongs::Made(_) => None,
    };
    let now = file.and_then(|p| disk::read_with_fingerprint(p).ok().map(|(_, f)| f));
    let holds_more = match (file, now) {
        (None, _) => true,
        // Gone: the copy is all there is.
        (Some(_), None) => true,
        (Some(_), Some(now)) => {
            c.based_on == Some((now.len, now.hash)) || now.modified.is_none_or(|m| m < written)
        }
    };
    holds_more.then(|| Recoverable {
        copy,
        belongs: c.belongs.clone(),
        written,
        title: c.report.title.clone(),
        sections: c.report.sections.len(),
        initiatives: c.report.initiative_count(),
        entries: c.report.entry_count(),
    })
}

/// The per-user folder for recovery copies (see the module); `None` when the environment
/// names no home.
pub fn default_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return var("APPDATA").map(|d| d.join("Shinchoku").join("recovery"));
    }
    if cfg!(target_os = "macos") {
        return var("HOME").map(|h| {
            h.join("Library/Application Support")
                .join("Shinchoku")
                .join("recovery")
        });
    }
    var("XDG_DATA_HOME")
        .filter(|d| d.is_absolute())
        .or_else(|| var("HOME").map(|h| h.join(".local").join("share")))
        .map(|d| d.join("shinchoku").join("recovery"))
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A file-name-safe form: letters (any script), digits, `-` and `_`; at most 40 characters.
fn sanitize(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if out.is_empty() { "report".into() } else { out }
}

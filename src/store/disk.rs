//! Files on disk as a shared drive treats them: what a file was when it was read (to tell,
//! before saving, whether someone else changed it since), atomic replacement, and backups of
//! the version a save replaces.
//!
//! Backups: saving over an existing file first keeps what it held as `NAME.bak`, the one before
//! as `NAME.bak2`, and so on up to [`BACKUP_GENERATIONS`] (`NAME.ron.bak`, `.bak2`, `.bak3`).
//! Saving the same bytes again does not rotate them, so a backup is always a different version.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::lang::{Describe, Lang, say};

/// How many earlier versions a save keeps beside the file.
pub const BACKUP_GENERATIONS: usize = 3;

/// FNV-1a over the bytes: stable across builds and runs (recovery copies store it), and enough
/// to tell two versions of one file apart; nothing here needs a cryptographic hash.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// What a file was when last read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            hash: content_hash(bytes),
        }
    }

    /// Whether two fingerprints name the same content. The modification time alone does not
    /// decide: copying a file or a network drive can change it without changing the content.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Reads a file and fingerprints exactly the bytes read.
pub fn read_with_fingerprint(path: &Path) -> io::Result<(Vec<u8>, Fingerprint)> {
    let bytes = std::fs::read(path)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let fingerprint = Fingerprint::of(&bytes, modified);
    Ok((bytes, fingerprint))
}

/// How a file differs from what was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// It is gone (deleted, renamed, or the drive is not there).
    Removed,
    /// Its content differs.
    Changed { was: Fingerprint, now: Fingerprint },
}

impl Describe for DiskChange {
    fn describe(&self, lang: Lang) -> String {
        match self {
            DiskChange::Removed => say(
                lang,
                "読み込んだ後にファイルが削除されたか名前が変わりました".into(),
                "the file was removed or renamed since it was read".into(),
            ),
            DiskChange::Changed { was, now } => {
                let when = now.modified.map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string()
                });
                match when {
                    Some(when) => say(
                        lang,
                        format!(
                            "読み込んだ後に他の人がファイルを変更しました（{when}、{} バイト。読み込んだときは {} バイト）",
                            now.len, was.len
                        ),
                        format!(
                            "the file was changed by someone else since it was read (modified \
                             {when}): {} bytes, was {} bytes",
                            now.len, was.len
                        ),
                    ),
                    None => say(
                        lang,
                        format!(
                            "読み込んだ後に他の人がファイルを変更しました（{} バイト。読み込んだときは {} バイト）",
                            now.len, was.len
                        ),
                        format!(
                            "the file was changed by someone else since it was read: {} bytes, \
                             was {} bytes",
                            now.len, was.len
                        ),
                    ),
                }
            }
        }
    }
}

impl fmt::Display for DiskChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Compares the file with what was read. `Ok(None)`: unchanged.
pub fn check_unchanged(path: &Path, known: &Fingerprint) -> io::Result<Option<DiskChange>> {
    match read_with_fingerprint(path) {
        Ok((_, now)) if now.same_content(known) => Ok(None),
        Ok((_, now)) => Ok(Some(DiskChange::Changed { was: *known, now })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Some(DiskChange::Removed)),
        Err(e) => Err(e),
    }
}

/// `NAME.bak`, `NAME.bak2`, … `NAME.bakN`, newest first.
pub fn backup_paths(path: &Path, generations: usize) -> Vec<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    (1..=generations)
        .map(|k| {
            let suffix = if k == 1 {
                ".bak".to_string()
            } else {
                format!(".bak{k}")
            };
            path.with_file_name(format!("{name}{suffix}"))
        })
        .collect()
}

/// The steps of an atomic write, named so tests can stop it between any two of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    /// The temporary file exists, empty.
    TempCreated,
    /// All bytes are in the temporary file (not yet flushed).
    TempWritten,
    /// The temporary file is flushed to disk.
    TempSynced,
    /// The temporary file has replaced the target.
    Renamed,
}

/// Writes `bytes` to a temporary file beside `path`, flushes it, and renames it over `path`:
/// whatever stops the write, `path` holds the old content or the new, never part of either.
/// `step` is called after each step; an error from it stops the write there (tests simulate a
/// crash with it).
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    remove_old_temp_files(&dir, &name);
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut renamed = false;
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        step(WriteStep::TempCreated)?;
        file.write_all(bytes)?;
        step(WriteStep::TempWritten)?;
        file.sync_all()?;
        drop(file);
        step(WriteStep::TempSynced)?;
        std::fs::rename(&temp, path)?;
        renamed = true;
        sync_dir(&dir);
        step(WriteStep::Renamed)
    })();
    if result.is_err() && !renamed {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The rename is durable only once the directory is flushed (Linux); elsewhere, or where the
/// file system refuses, there is nothing more to do.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A process killed between writing its temporary file and renaming it leaves the temporary
/// file behind. Left over for an hour, it belongs to no write in progress (writes take
/// milliseconds, on any machine of a shared drive), so the next save of the file removes it.
fn remove_old_temp_files(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_ours = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|pid| !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if is_ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces `path` with `bytes` atomically, first keeping what it held as backups (see the
/// module). Returns the fingerprint of the file as written.
pub fn write_keeping_backups(
    path: &Path,
    bytes: &[u8],
    generations: usize,
) -> io::Result<Fingerprint> {
    keep_backups(path, bytes, generations)?;
    write_atomically_with(path, bytes, &mut |_| Ok(()))?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(Fingerprint::of(bytes, modified))
}

/// Rotates the backups and copies the file's present content into the first. Nothing happens
/// when there is no file yet or it already holds `new_bytes`.
pub fn keep_backups(path: &Path, new_bytes: &[u8], generations: usize) -> io::Result<()> {
    if generations == 0 {
        return Ok(());
    }
    let old = match std::fs::read(path) {
        Ok(old) => old,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if old == new_bytes {
        return Ok(());
    }
    let backups = backup_paths(path, generations);
    for k in (1..backups.len()).rev() {
        if backups[k - 1].exists() {
            std::fs::rename(&backups[k - 1], &backups[k])?;
        }
    }
    // A copy, not a rename of the file itself: the file stays in place until the new version
    // replaces it in one rename.
    match backups.first() {
        Some(first) => write_atomically_with(first, &old, &mut |_| Ok(())),
        None => Ok(()),
    }
}

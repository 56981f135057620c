//! Files on disk as a shared drive treats them: what a file was when it was read (to tell,
//! before saving, whether someone else changed it since), atomic replacement that keeps the
//! file's permissions, and backups of the versions a save replaces.
//!
//! Backups: saving over an existing file keeps what it held as `NAME.bak`, the one before as
//! `NAME.bak2`, and so on up to [`BACKUP_GENERATIONS`] (`NAME.ron.bak`, `.bak2`, `.bak3`).
//! Saving the same bytes again does not move them, so a backup is always a different version.
//!
//! The order of a save, and what holds after each step (a save stopped anywhere — an error,
//! a full disk, the process killed — leaves the state after the last step it finished):
//!
//! 1. The new content is written to a temporary file beside the file (`.NAME.PID@HOST.tmp`),
//!    given the file's permissions, and flushed to disk. Nothing else is touched: a failure
//!    here (where a full disk fails) leaves the file and every backup as they were.
//! 2. Each version the save keeps gets a temporary name beside the backup it becomes
//!    (`.NAME.bak2.PID@HOST.tmp`): a hard link, or a copy where the file system has none. Only
//!    new names: a failure removes them and leaves everything as it was.
//! 3. Those are renamed over the backups, the oldest first: `.bak3` (the oldest version is
//!    dropped here, and only here: the file and its backups are one name short of holding
//!    the new version beside all the old ones, and this is the first step that changes one of
//!    them), then `.bak2`, then `.bak`, each replacing a version the rename before already put
//!    in the backup after it. So every version the save keeps has a name at every instant: a
//!    stop between two renames leaves one version under two adjacent names, never a hole.
//! 4. The temporary file is renamed over the file: the one instant the file changes, from
//!    the old content whole to the new whole.
//!
//! So a stopped save leaves the file old or new, each version it keeps under its own name or
//! the next one's, and at worst temporary files, each of which holds the unsaved new content
//! or a second name of a version that has its own. The next save counts a version found under
//! two adjacent names once and skips a missing name, so it lays the generations out whole
//! again; it removes the temporary files of a process of this computer that is gone, and any
//! left for an hour (a younger one of another computer may be a save under way).

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::backups;
pub use super::beside::{WriteStep, backup_paths};
use super::beside::{dir_of, file_name, temp_path, this_host};
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

/// Reads a file a user hands us ([`crate::model::diag::read_input`]) and fingerprints exactly
/// the bytes read.
pub fn read_with_fingerprint(
    path: &Path,
) -> Result<(Vec<u8>, Fingerprint), crate::model::diag::FileErrorKind> {
    let bytes = crate::model::diag::read_input(path)?;
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
                let when = (now.modified)
                    .and_then(crate::model::clock::local)
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
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
    use crate::model::diag::FileErrorKind as K;
    match read_with_fingerprint(path) {
        Ok((_, now)) if now.same_content(known) => Ok(None),
        Ok((_, now)) => Ok(Some(DiskChange::Changed { was: *known, now })),
        Err(K::CannotRead(e)) if e.kind == io::ErrorKind::NotFound => Ok(Some(DiskChange::Removed)),
        Err(K::CannotRead(e)) => Err(io::Error::new(e.kind, e.text)),
        // Replaced by something not read (a pipe, a file too large): unreadable.
        Err(other) => Err(io::Error::other(
            crate::model::diag::FileError {
                path: path.to_path_buf(),
                kind: other,
            }
            .describe(Lang::En),
        )),
    }
}

/// Whether a save may replace a file this user may not write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReadOnly {
    /// Refuse ([`WriteError::ReadOnly`]): someone made it read-only on purpose.
    #[default]
    Refuse,
    /// Replace it (the user chose to), keeping it read-only.
    Replace,
}

/// Why a file was not saved. The file and its backups are as described in the module.
#[derive(Debug)]
pub enum WriteError {
    /// The file is read-only for this user; nothing was written.
    ReadOnly { path: PathBuf },
    /// Reading or writing failed (a full disk …).
    Io { path: PathBuf, error: io::Error },
    /// A name the save writes (the file's, or a backup's) is taken by a folder or something
    /// else that is not a file; nothing was written.
    NotAFile { path: PathBuf },
    /// The folder does not let this user make a file in it; nothing was written.
    FolderNotWritable { folder: PathBuf },
    /// The folder is on a drive or share mounted read-only: no file in it can be written
    /// (it was worded as a read-only file, to be made writable, though the file's mode was).
    ReadOnlyDrive { folder: PathBuf },
    /// The report would be larger than Shinchoku reads ([`crate::model::bounds::MAX_FILE_BYTES`]):
    /// nothing was written, so the file as it was stays readable (`collect` of an answer of
    /// 450,000 lines wrote a 128 MB master that no command could open again).
    TooLarge { path: PathBuf, bytes: u64 },
    /// The file's name is too long for its backups' (`NAME.bak3` past the 255 a file system
    /// allows): nothing was written (saved, it replaced the file with no backup, unsaid).
    NameTooLong { path: PathBuf },
}

impl Describe for WriteError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            WriteError::ReadOnly { path } => say(
                lang,
                format!(
                    "{}: 読み取り専用のファイルです（書き込みが許可されていません）。上書きしませんでした。\
                     別の名前で保存するか、書き込みを許可してから保存し直してください",
                    crate::model::text::path_shown(path)
                ),
                format!(
                    "{}: the file is read-only (writing it is not permitted); not overwritten. \
                     Save under another name, or make the file writable and save again",
                    crate::model::text::path_shown(path)
                ),
            ),
            WriteError::Io { path, error } => say(
                lang,
                format!(
                    "{}: 書き込めません: {}",
                    crate::model::text::path_shown(path),
                    error.describe(lang)
                ),
                format!(
                    "{}: cannot write: {error}",
                    crate::model::text::path_shown(path)
                ),
            ),
            WriteError::NotAFile { path } => say(
                lang,
                format!(
                    "{}: 保存に使う名前ですが、ファイルではありません（フォルダー・装置など）。何も書いていません。移すか名前を変えてから保存し直してください",
                    crate::model::text::path_shown(path)
                ),
                format!(
                    "{}: a name the save writes is taken by something that is not a file (a \
                     folder, a device …); nothing was written. Move or rename it, then save again",
                    crate::model::text::path_shown(path)
                ),
            ),
            WriteError::ReadOnlyDrive { folder } => say(
                lang,
                format!(
                    "フォルダー「{}」は読み取り専用のドライブ（共有）にあります。何も書いていません。別の場所に保存してください",
                    crate::model::text::path_shown(folder)
                ),
                format!(
                    "the folder 「{}」 is on a drive or share mounted read-only; nothing was \
                     written. Save somewhere else",
                    crate::model::text::path_shown(folder)
                ),
            ),
            WriteError::NameTooLong { path } => {
                // Counted as the file system counts (see `name_units`): UTF-16 units on
                // Windows, where a Japanese character is one, bytes elsewhere (three).
                let most = MOST_NAME - 5;
                let (ja_unit, en_unit, kanji) = if cfg!(windows) {
                    ("文字", "characters", most)
                } else {
                    ("バイト", "bytes", most / 3)
                };
                say(
                    lang,
                    format!(
                        "{}: 名前が長すぎて、予備（.bak）の名前が付けられません（名前は{most}{ja_unit}、半角なら{most}文字・全角なら{kanji}文字ほどまで）。何も書いていません。短い名前で保存してください",
                        crate::model::text::path_shown(path),
                    ),
                    format!(
                        "{}: the name is too long to name its backups (.bak) beside it (at most {most} {en_unit}: about {most} ASCII or {kanji} Japanese characters); nothing was written: save under a shorter name",
                        crate::model::text::path_shown(path),
                    ),
                )
            }
            WriteError::TooLarge { path, bytes } => {
                use crate::model::bounds::{MAX_FILE_BYTES, megabytes};
                let (mb, most) = (megabytes(*bytes), megabytes(MAX_FILE_BYTES));
                say(
                    lang,
                    format!(
                        "{}: 保存すると {mb} MB になり、読み込める大きさ（{most} MB）を超えるため、何も書いていません（この名前のファイルがあれば、そのままです）。取り込んだ回答や追加した内容を減らしてから保存し直してください",
                        crate::model::text::path_shown(path)
                    ),
                    format!(
                        "{}: saved, it would be {mb} MB, more than the {most} MB Shinchoku reads; \
                         nothing was written (a file of that name, if any, is as it was). Take in \
                         or add less, then \
                         save again",
                        crate::model::text::path_shown(path)
                    ),
                )
            }
            WriteError::FolderNotWritable { folder } => say(
                lang,
                format!(
                    "フォルダー「{}」にファイルを作る権限がありません。何も書いていません。別のフォルダーに保存してください",
                    crate::model::text::path_shown(folder)
                ),
                format!(
                    "the folder 「{}」 does not let this user make a file in it; nothing was \
                     written. Save in another folder",
                    crate::model::text::path_shown(folder)
                ),
            ),
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for WriteError {}

/// Writes `bytes` to a temporary file beside `path`, flushes it, and renames it over `path`:
/// whatever stops the write, `path` holds the old content or the new, never part of either.
/// The new file keeps the old one's permissions (see [`super::permissions`]). `step` is
/// called after each step; an error from it stops the write there (tests simulate a crash
/// with it).
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<()> {
    if leads_to_no_file(path) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a file (a device, a pipe or a folder); nothing was written",
        ));
    }
    let like = metadata_if_there(path)?;
    replace(path, bytes, like.as_ref(), 0, step)
}

/// Whether `path` (through its links) is something other than a file: a device such as
/// `/dev/stdout`, a pipe, a folder. A file is written beside it and renamed over it: over the
/// link `/dev/stdout` (as root) that replaced the system's link with a file.
fn leads_to_no_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file())
        || std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
            && std::fs::canonicalize(path).is_err()
            && std::fs::read_link(path).is_ok_and(|t| t.starts_with("/proc"))
}

/// Replaces `path` with `bytes` as the module describes, keeping `generations` backups;
/// `read_only` says whether a file this user may not write is replaced. Returns the
/// fingerprint of the file as written. `step` as in [`write_atomically_with`].
pub fn write_keeping_backups_with(
    path: &Path,
    bytes: &[u8],
    generations: usize,
    read_only: ReadOnly,
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> Result<Fingerprint, WriteError> {
    // A report opened through a link is saved where the link points, its backups beside it
    // (the link was replaced by a copy, and the report it named never saw the save).
    let real = super::links::linked_file(path);
    let path = real.as_path();
    let io_error = |error| WriteError::Io {
        path: path.to_path_buf(),
        error,
    };
    let like = metadata_if_there(path).map_err(io_error)?;
    let folder = dir_of(path);
    if super::permissions::on_read_only_drive(&folder) {
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        return Err(WriteError::ReadOnlyDrive { folder });
    }
    if read_only == ReadOnly::Refuse
        && like
            .as_ref()
            .is_some_and(|m| super::permissions::is_read_only(path, m))
    {
        return Err(WriteError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    if leads_to_no_file(path) {
        return Err(WriteError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    // Every name the save writes must be one the file system allows.
    let too_long = |p: &PathBuf| p.file_name().is_some_and(|n| name_units(n) > MOST_NAME);
    if backup_paths(path, generations).iter().any(too_long) {
        return Err(WriteError::NameTooLong {
            path: path.to_path_buf(),
        });
    }
    // A backup's name taken by a folder stopped the save half-way, its temporary file left
    // behind and the wrong name in the message: said at once instead.
    for name in std::iter::once(path.to_path_buf()).chain(backup_paths(path, generations)) {
        if let Ok(m) = std::fs::symlink_metadata(&name)
            && !m.is_file()
            && !m.file_type().is_symlink()
        {
            return Err(WriteError::NotAFile { path: name });
        }
    }
    replace(path, bytes, like.as_ref(), generations, step).map_err(|error| {
        match error.kind() {
            // The file itself is writable (checked above): what refused is its folder.
            io::ErrorKind::PermissionDenied if read_only == ReadOnly::Refuse => {
                WriteError::FolderNotWritable {
                    folder: dir_of(path).to_path_buf(),
                }
            }
            _ => io_error(error),
        }
    })?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(Fingerprint::of(bytes, modified))
}

/// Refuses, as a save would, a file that is there and read-only for this user: for a command
/// that does other work before saving (a survey writes its responses first).
pub fn check_writable(path: &Path) -> Result<(), WriteError> {
    let folder = dir_of(path);
    if super::permissions::on_read_only_drive(&folder) {
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        return Err(WriteError::ReadOnlyDrive { folder });
    }
    match metadata_if_there(path) {
        Ok(Some(meta)) if super::permissions::is_read_only(path, &meta) => {
            Err(WriteError::ReadOnly {
                path: path.to_path_buf(),
            })
        }
        _ => Ok(()),
    }
}

fn metadata_if_there(path: &Path) -> io::Result<Option<std::fs::Metadata>> {
    match std::fs::metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The steps of the module, in order. `like` is the file being replaced, if any.
fn replace(
    path: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
    generations: usize,
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<()> {
    remove_old_temp_files(path, generations);
    let temp = temp_path(path);
    write_temp(&temp, bytes, like, step)?;
    let staged = match like {
        Some(meta) if generations > 0 => {
            holds(path, meta, bytes).and_then(|same| match same {
                // The same bytes again: no new version to keep.
                true => Ok(Default::default()),
                false => backups::stage(path, generations, step),
            })
        }
        _ => Ok(Default::default()),
    };
    let (staged, surplus) = match staged {
        Ok(staged) => staged,
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
    };
    let mut renamed = false;
    let result = backups::move_into_place(&staged, step).and_then(|()| {
        if let Some(like) = like {
            super::permissions::before_replace(path, like)?;
        }
        std::fs::rename(&temp, path)?;
        renamed = true;
        if let Some(like) = like {
            // The report is saved whatever this says: failing the save now would leave the
            // caller believing it unsaved while the file holds it.
            let _ = super::permissions::after_replace(path, like);
        }
        for name in &surplus {
            let _ = std::fs::remove_file(name);
        }
        sync_dir(path);
        step(WriteStep::Renamed)
    });
    if result.is_err() && !renamed {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Step 1 of the module: the new content in a temporary file, flushed; removed on an error.
fn write_temp(
    temp: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<()> {
    let written = (|| {
        let mut file = super::permissions::create_like(temp, like)?;
        step(WriteStep::TempCreated)?;
        file.write_all(bytes)?;
        step(WriteStep::TempWritten)?;
        file.sync_all()?;
        drop(file);
        step(WriteStep::TempSynced)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(temp);
    }
    written
}

/// Whether the file (described by `meta`) already holds `bytes`.
fn holds(path: &Path, meta: &std::fs::Metadata, bytes: &[u8]) -> io::Result<bool> {
    Ok(meta.len() == bytes.len() as u64 && std::fs::read(path)? == bytes)
}

/// The renames are durable only once the directory is flushed (Linux); elsewhere, or where
/// the file system refuses, there is nothing more to do.
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir_of(path)) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// A process killed during a save leaves its temporary files behind: the file's
/// (`.NAME.PID@HOST.tmp`) and its backups' (`.NAME.bak2.PID@HOST.tmp`). The next save of the
/// file removes those of a process of this computer that is gone (where the system says:
/// Linux), and any left for an hour: saves take seconds at most, so an older one belongs to
/// no save under way, on any machine of a shared drive. Older builds named theirs without
/// `@HOST`; those go by age alone. A name too long to go into a temporary one's is found by
/// its hash (`.shinchoku-HASH.PID@HOST.tmp`, the file's and each backup's).
fn remove_old_temp_files(path: &Path, generations: usize) {
    let prefixes: Vec<String> = std::iter::once(format!(".{}.", file_name(path)))
        .chain(
            std::iter::once(path.to_path_buf())
                .chain(backup_paths(path, generations))
                .map(|p| super::beside::hashed_temp_prefix(&p)),
        )
        .collect();
    let Ok(entries) = std::fs::read_dir(dir_of(path)) else {
        return;
    };
    let (now, host) = (SystemTime::now(), this_host());
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((pid, made_on)) = prefixes.iter().find_map(|p| temp_owner(&name, p)) else {
            continue;
        };
        let owner_gone = made_on == Some(host.as_str())
            && pid != std::process::id()
            && super::lock::process_alive(pid, None) == Some(false);
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if owner_gone || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process (and computer, where named) that made `name`, if it is a temporary file of a
/// save of the file whose names start with `prefix` (`.NAME.`).
fn temp_owner<'a>(name: &'a str, prefix: &str) -> Option<(u32, Option<&'a str>)> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
    let (backup, owner) = rest.rsplit_once('.').unwrap_or(("", rest));
    let of_backup = backup
        .strip_prefix("bak")
        .is_some_and(|k| k.chars().all(|c| c.is_ascii_digit()));
    if !(backup.is_empty() || of_backup) {
        return None;
    }
    let (pid, host) = match owner.split_once('@') {
        Some((pid, host)) => (pid, Some(host)),
        None => (owner, None),
    };
    if pid.is_empty() || !pid.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((pid.parse().ok()?, host))
}

/// Whether two paths name one file: the same path, the same file after links are followed, or
/// (on Unix) one file under two names (a hard link).
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    if let (Ok(x), Ok(y)) = (std::fs::canonicalize(a), std::fs::canonicalize(b))
        && x == y
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// The longest file name the usual file systems allow: 255 bytes (ext4, APFS), 255 UTF-16
/// units (NTFS).
const MOST_NAME: usize = 255;

/// A file name's length as its file system counts it.
fn name_units(name: &std::ffi::OsStr) -> usize {
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        name.encode_wide().count()
    }
    #[cfg(not(windows))]
    {
        name.len()
    }
}

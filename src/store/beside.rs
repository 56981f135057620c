//! Files beside a report, by name — its backups and this process's temporary file — and the
//! steps of a save that writes them ([`super::disk`] says what holds after each).

use std::path::{Path, PathBuf};

/// `NAME.bak`, `NAME.bak2`, … `NAME.bakN`, newest first. Named from the file's own name as the
/// system has it, not as text: two names not in UTF-8 (総務.ron and 財政.ron in CP932 on an old
/// share) read alike as text (`����.ron`) and shared one chain of backups, each save of one
/// pushing the other's versions out.
pub fn backup_paths(path: &Path, generations: usize) -> Vec<PathBuf> {
    (1..=generations)
        .map(|k| {
            let suffix = if k == 1 {
                ".bak".to_string()
            } else {
                format!(".bak{k}")
            };
            path.with_file_name(os_name(path, "", &suffix))
        })
        .collect()
}

/// `before` + the file's name as the system has it + `after`.
fn os_name(path: &Path, before: &str, after: &str) -> std::ffi::OsString {
    let mut name = std::ffi::OsString::from(before);
    name.push(path.file_name().unwrap_or("report".as_ref()));
    name.push(after);
    name
}

/// The steps of a save, named so tests can stop it between any two of them (see the module
/// for what holds after each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    /// The temporary file exists, empty, with the permissions of the file it will replace.
    TempCreated,
    /// All bytes are in the temporary file (not yet flushed).
    TempWritten,
    /// The temporary file is flushed to disk.
    TempSynced,
    /// The version that becomes backup `generation` (1 is `NAME.bak`) has a temporary name
    /// beside it.
    BackupLinked { generation: usize },
    /// That version has replaced the backup.
    BackupMoved { generation: usize },
    /// The temporary file has replaced the target.
    Renamed,
}

pub(super) fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into())
}

/// `.NAME.PID@HOST.tmp` beside `path`: this process's temporary file for it. The computer's
/// name lets a later save tell whether the process that made it can be asked about.
pub(super) fn temp_path(path: &Path) -> PathBuf {
    let owner = format!("{}@{}", std::process::id(), this_host());
    let temp = os_name(path, ".", &format!(".{owner}.tmp"));
    // A name the system allows, however long the report's (at 239 bytes of name the temporary
    // one passed 255, and the report could never be saved): `.shinchoku-HASH.PID@HOST.tmp`.
    if temp.len() <= 255 {
        return dir_of(path).join(temp);
    }
    dir_of(path).join(format!("{}{owner}.tmp", hashed_temp_prefix(path)))
}

/// `.shinchoku-HASH.`: how the temporary files of `path` begin when its own name is too long
/// to go into theirs (see [`temp_path`]).
pub(super) fn hashed_temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().as_encoded_bytes();
    let hash = name.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!(".shinchoku-{hash:016x}.")
}

/// This computer's name as it goes into a file name: ASCII letters, digits and `-`.
pub(super) fn this_host() -> String {
    super::lock::machine_name()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

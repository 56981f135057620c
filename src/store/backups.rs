//! The backup generations beside a file (`NAME.bak`, `NAME.bak2`, …), moved one place down by
//! a save. See [`super::disk`] for the order of a save and what holds at every instant; this
//! is the part that finds the versions present and moves them.

use std::fs::Metadata;
use std::io;
use std::path::{Path, PathBuf};

use super::beside::{WriteStep, backup_paths, temp_path};

/// A version given a temporary name (a hard link, or a copy), ready to be renamed over the
/// backup it becomes.
#[derive(Debug)]
pub(super) struct Staged {
    pub temp: PathBuf,
    pub target: PathBuf,
    pub generation: usize,
}

/// A version present beside the file: where it is and what it is.
struct Present {
    path: PathBuf,
    meta: Metadata,
}

/// The versions present now, newest first: the file, then each backup. A missing name is
/// skipped (a backup deleted by hand, or the hole an older build left when killed between its
/// renames), and a version found under two adjacent names (what a save killed half-way through
/// moving the backups leaves) is counted once: the next save lays the generations out whole.
fn present_versions(path: &Path, generations: usize) -> io::Result<Vec<Present>> {
    let mut versions: Vec<Present> = Vec::new();
    for path in std::iter::once(path.to_path_buf()).chain(backup_paths(path, generations)) {
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let repeated = match versions.last() {
            Some(newer) => same_version(newer, &path, &meta)?,
            None => false,
        };
        if !repeated {
            versions.push(Present { path, meta });
        }
    }
    Ok(versions)
}

/// The same file (a hard link), or a copy of it: same length and modification time (a copy
/// made here keeps the time) and then the same bytes.
fn same_version(a: &Present, path: &Path, meta: &Metadata) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if a.meta.dev() == meta.dev() && a.meta.ino() == meta.ino() {
            return Ok(true);
        }
    }
    let same_time = match (a.meta.modified(), meta.modified()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    if a.meta.len() != meta.len() || !same_time {
        return Ok(false);
    }
    Ok(std::fs::read(&a.path)? == std::fs::read(path)?)
}

/// Whether `target` already holds the version (a second name a stopped save left). Renaming a
/// hard link over another name of the same file would do nothing and leave the link behind.
fn already_there(version: &Present, target: &Path) -> io::Result<bool> {
    match std::fs::metadata(target) {
        Ok(meta) => same_version(version, target, &meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Gives each version a save keeps its temporary name beside the backup it becomes: the
/// file's present version becomes `.bak`, the newest backup `.bak2`, and so on; the oldest
/// beyond `generations` is left out. Only new names are made: every version stays where it
/// was. On an error the names made are removed.
pub(super) fn stage(
    path: &Path,
    generations: usize,
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<(Vec<Staged>, Vec<PathBuf>)> {
    let versions = present_versions(path, generations)?;
    let targets = backup_paths(path, generations);
    // Names past the versions there are hold repeats of a version that gets its own place:
    // removed once the backups are in place.
    let surplus: Vec<PathBuf> = targets.iter().skip(versions.len()).cloned().collect();
    let mut staged: Vec<Staged> = Vec::new();
    let result = (|| {
        for (k, (version, target)) in versions.iter().zip(&targets).enumerate().rev() {
            let generation = k + 1;
            if version.path == *target || already_there(version, target)? {
                continue;
            }
            let temp = temp_path(target);
            link_or_copy(&version.path, &version.meta, &temp)?;
            staged.push(Staged {
                temp,
                target: target.clone(),
                generation,
            });
            step(WriteStep::BackupLinked { generation })?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok((staged, surplus)),
        Err(e) => {
            remove_temps(&staged);
            Err(e)
        }
    }
}

/// Renames each staged version over its backup, the oldest generation first, so that what a
/// rename replaces is already in the generation after it (but for the oldest version, which
/// the save drops): a version it keeps is never without a name.
pub(super) fn move_into_place(
    staged: &[Staged],
    step: &mut dyn FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<()> {
    for (k, s) in staged.iter().enumerate() {
        let moved = std::fs::rename(&s.temp, &s.target).and_then(|()| {
            step(WriteStep::BackupMoved {
                generation: s.generation,
            })
        });
        if let Err(e) = moved {
            remove_temps(&staged[k + 1..]);
            return Err(e);
        }
    }
    Ok(())
}

/// The temporary names not renamed (each a second name of a version that has its own).
pub(super) fn remove_temps(staged: &[Staged]) {
    for s in staged {
        let _ = std::fs::remove_file(&s.temp);
    }
}

/// A hard link costs no space or time; where the file system has none (FAT, some network
/// shares) or refuses one (Linux refuses a link to a file of another owner the user may not
/// write), a copy, flushed, with the original's modification time so it is known as the same
/// version.
fn link_or_copy(from: &Path, meta: &Metadata, to: &Path) -> io::Result<()> {
    let _ = std::fs::remove_file(to);
    if std::fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    let copied = (|| {
        let mut file = super::permissions::create_fresh(&mut std::fs::File::options(), to)?;
        std::io::copy(&mut std::fs::File::open(from)?, &mut file)?;
        if let Ok(modified) = meta.modified() {
            file.set_modified(modified)?;
        }
        file.sync_all()
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(to);
    }
    copied
}

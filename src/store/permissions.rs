//! What a file keeps when a save replaces it with a new one (the new version is written to a
//! temporary file and renamed over it, so nothing of the old file carries over by itself):
//! on Unix its mode, and its owner and group where the saving user may set them; on Windows its
//! attributes (read-only, hidden, system, archive). And whether a file is read-only for the
//! user saving it, which a save of a report does not override without being asked.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

/// Creates the temporary file that will replace the file described by `like` (if there is
/// one), with what that file must keep.
pub(super) fn create_like(temp: &Path, like: Option<&Metadata>) -> io::Result<File> {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        let mut options = std::fs::OpenOptions::new();
        // Read-only is set once the new file is in place ([`after_replace`]): set now, the
        // temporary file could not be written.
        if let Some(like) = like {
            options.attributes(windows::kept_attributes(like) & !windows::READONLY);
        }
        create_fresh(&mut options, temp)
    }
    #[cfg(not(windows))]
    {
        let file = create_fresh(&mut std::fs::OpenOptions::new(), temp)?;
        #[cfg(unix)]
        if let Some(like) = like {
            unix::keep_owner_and_mode(&file, like)?;
        }
        #[cfg(not(unix))]
        let _ = like;
        Ok(file)
    }
}

/// Opens `path` as a new file, never through what stands at that name: in a shared folder
/// anyone may plant a link there to a file of the saving user's (`~/.bashrc`, another report),
/// which creating the file the ordinary way would follow and overwrite. What stands there is
/// removed (a link itself, not its target) and the name made anew; a name planted again at once
/// fails the save rather than being followed.
pub fn create_fresh(options: &mut std::fs::OpenOptions, path: &Path) -> io::Result<File> {
    options.write(true).create_new(true);
    match options.open(path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            options.open(path)
        }
        other => other,
    }
}

/// Whether this user may not write the file: no write permission for anyone (Unix mode, the
/// Windows read-only attribute), or (Unix) none for this user. A rename would replace such a
/// file all the same (it needs only the folder to be writable), which is why a save asks.
pub fn is_read_only(path: &Path, meta: &Metadata) -> bool {
    if meta.permissions().readonly() {
        return true;
    }
    #[cfg(unix)]
    {
        unix::denied_writing(path)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether `folder` is on a file system mounted read-only (`EROFS`): nothing can be written
/// there, whatever the file's mode says.
pub fn on_read_only_drive(folder: &Path) -> bool {
    #[cfg(unix)]
    {
        unix::read_only_file_system(folder)
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        false
    }
}

/// Before renaming over `path` (described by `like`): Windows refuses to replace a read-only
/// file, so a save the user confirmed clears the attribute first.
pub(super) fn before_replace(path: &Path, like: &Metadata) -> io::Result<()> {
    #[cfg(windows)]
    if like.permissions().readonly() {
        let mut writable = like.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        writable.set_readonly(false);
        std::fs::set_permissions(path, writable)?;
    }
    #[cfg(not(windows))]
    let _ = (path, like);
    Ok(())
}

/// After the new version took the place of the file described by `like`: on Windows it is
/// made read-only again if the old one was (on Unix the mode came with the temporary file).
/// An error leaves the new file writable; the save itself is done.
pub(super) fn after_replace(path: &Path, like: &Metadata) -> io::Result<()> {
    #[cfg(windows)]
    if like.permissions().readonly() {
        let mut read_only = std::fs::metadata(path)?.permissions();
        read_only.set_readonly(true);
        std::fs::set_permissions(path, read_only)?;
    }
    #[cfg(not(windows))]
    let _ = (path, like);
    Ok(())
}

#[cfg(unix)]
mod unix {
    use std::ffi::CString;
    use std::fs::{File, Metadata, Permissions};
    use std::io;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::path::Path;

    /// The owner and group first (changing them clears set-id bits), then the mode. Only root
    /// may give a file to another owner, and a user only to a group of theirs: where the
    /// owner cannot be kept the group still is; where neither can, the new file has the
    /// saving user's, as any file they create.
    pub(super) fn keep_owner_and_mode(file: &File, like: &Metadata) -> io::Result<()> {
        let (uid, gid) = (like.uid(), like.gid());
        if std::os::unix::fs::fchown(file, Some(uid), Some(gid)).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(gid));
        }
        file.set_permissions(Permissions::from_mode(like.mode() & 0o7777))
    }

    /// `access(W_OK)` failing with `EROFS`.
    pub(super) fn read_only_file_system(path: &Path) -> bool {
        let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
        if unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } == 0 {
            return false;
        }
        io::Error::last_os_error().raw_os_error() == Some(libc::EROFS)
    }

    /// `access(W_OK)`: whether the system would refuse this user writing the file. Root may
    /// write any file, so a file with no write bit at all is caught by the mode instead.
    pub(super) fn denied_writing(path: &Path) -> bool {
        let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
        if unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } == 0 {
            return false;
        }
        matches!(
            io::Error::last_os_error().raw_os_error(),
            Some(libc::EACCES | libc::EPERM | libc::EROFS)
        )
    }
}

#[cfg(windows)]
mod windows {
    use std::fs::Metadata;
    use std::os::windows::fs::MetadataExt;

    pub(super) const READONLY: u32 = 0x1;
    const HIDDEN: u32 = 0x2;
    const SYSTEM: u32 = 0x4;
    const ARCHIVE: u32 = 0x20;
    const NOT_CONTENT_INDEXED: u32 = 0x2000;

    /// The attributes a file keeps across a save (not those the system sets itself, such as
    /// compressed or sparse).
    pub(super) fn kept_attributes(like: &Metadata) -> u32 {
        like.file_attributes() & (READONLY | HIDDEN | SYSTEM | ARCHIVE | NOT_CONTENT_INDEXED)
    }
}

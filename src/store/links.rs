//! Where a path leads: a report opened through a symbolic link is saved, backed up and locked
//! where the link points.

use std::path::{Path, PathBuf};

/// The file a path names: where a symbolic link (or a chain of them) points, else the path
/// itself — also when the link leads nowhere.
pub fn linked_file(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

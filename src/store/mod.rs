//! Shinchoku's own files: the report as pretty RON with a schema version, saved atomically.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Report;
use crate::model::diag::{FileError, FileErrorKind};

/// The schema this build writes and reads. Raise it when a saved file would be read wrongly by
/// an older build, and teach `from_ron` to bring the older schemas up to date.
///
/// - 2: results carry the plan entries they report (`reports`); a schema-1 file is given the
///   proposed links when it is opened.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct FileOut<'a> {
    schema: u32,
    report: &'a Report,
}

#[derive(Deserialize)]
struct FileIn {
    #[allow(dead_code)]
    schema: u32,
    report: Report,
}

/// Only the version, read before anything else so a newer file is refused by what it is, not
/// by the first field this build does not know.
#[derive(Deserialize)]
struct VersionProbe {
    schema: u32,
}

pub use crate::model::diag::StoreProblem as StoreError;

fn malformed(e: ron::error::SpannedError) -> StoreError {
    StoreError::Malformed {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    }
}

pub fn to_ron(report: &Report) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(12)
        .indentor("  ".to_string())
        .struct_names(false);
    let mut text = ron::ser::to_string_pretty(
        &FileOut {
            schema: SCHEMA_VERSION,
            report,
        },
        config,
    )
    .expect("a report always serialises");
    text.push('\n');
    text
}

pub fn from_ron(text: &str) -> Result<Report, StoreError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let probe: VersionProbe = ron::from_str(text).map_err(malformed)?;
    if probe.schema > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: probe.schema,
            supported: SCHEMA_VERSION,
        });
    }
    let mut file: FileIn = ron::from_str(text).map_err(malformed)?;
    if probe.schema < 2 {
        crate::model::links::propose_all(&mut file.report);
    }
    Ok(file.report)
}

/// Writes the report next to the old file, flushes it to disk, then renames it over the old
/// one: a crash or a full disk never leaves a half-written report.
pub fn save(path: &Path, report: &Report) -> std::io::Result<()> {
    write_atomically(path, to_ron(report).as_bytes())
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

pub fn open(path: &Path) -> Result<Report, FileError> {
    let file_error = |kind| FileError {
        path: path.to_path_buf(),
        kind,
    };
    let bytes =
        std::fs::read(path).map_err(|e| file_error(FileErrorKind::CannotRead(e.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        file_error(FileErrorKind::NotUtf8 {
            byte: e.utf8_error().valid_up_to(),
        })
    })?;
    from_ron(&text).map_err(|e| file_error(FileErrorKind::Store(e)))
}

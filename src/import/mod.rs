//! The published report table (tab-separated text with HTML cells) → the report model.
//! `../docs/report-format.md` of the steering repo describes the format; `table.rs` reads it.

pub mod cell;
pub mod decode;
pub mod html;
mod table;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::Report;
pub use decode::TextEncoding;

/// Where in the table something was found: 1-based row (line of the file) and field.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub row: Option<usize>,
    /// 1-based field (column) number.
    pub field: Option<usize>,
    /// What the field holds: `年次計画`, `工程` …
    pub field_name: Option<String>,
}

impl Location {
    pub fn row(row: usize) -> Location {
        Location {
            row: Some(row),
            ..Location::default()
        }
    }

    pub fn field(row: usize, field: usize, name: &str) -> Location {
        Location {
            row: Some(row),
            field: Some(field),
            field_name: Some(name.to_string()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        match (self.field, &self.field_name) {
            (Some(n), Some(name)) => parts.push(format!("field {n} ({name})")),
            (Some(n), None) => parts.push(format!("field {n}")),
            (None, Some(name)) => parts.push(name.clone()),
            (None, None) => {}
        }
        f.write_str(&parts.join(", "))
    }
}

/// Something read but not as expected; the data is kept and the user is told.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub at: Location,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at.to_string();
        if at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{at}: {}", self.message)
        }
    }
}

/// The input cannot be read as a report at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub at: Location,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Warning {
            at: self.at.clone(),
            message: self.message.clone(),
        }
        .fmt(f)
    }
}

impl std::error::Error for ImportError {}

/// A report read from a table, with what the reader noticed on the way.
#[derive(Clone, Debug)]
pub struct Imported {
    pub report: Report,
    pub warnings: Vec<Warning>,
    pub encoding: TextEncoding,
}

/// Reads a report table from its bytes, whatever its encoding.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError {
            at: Location::default(),
            message: "the file is empty: expected a report table (tab-separated text)".into(),
        });
    }
    let (text, encoding) = decode::decode(bytes).map_err(|why| ImportError {
        at: Location::default(),
        message: format!("not a report table: {why}"),
    })?;
    let (report, warnings) = table::read(&text)?;
    Ok(Imported {
        report,
        warnings,
        encoding,
    })
}

/// Reads a report table from text already decoded.
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    let (report, warnings) = table::read(text)?;
    Ok(Imported {
        report,
        warnings,
        encoding: TextEncoding::Utf8,
    })
}

/// Any failure to read a report file, naming the file.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for FileError {}

pub fn import_file(path: &Path) -> Result<Imported, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError {
        path: path.to_path_buf(),
        message: format!("cannot read the file: {e}"),
    })?;
    import_bytes(&bytes).map_err(|e| FileError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

//! The published report table (tab-separated text with HTML cells) → the report model.
//! `table.rs` reads it row by row; `cell.rs` splits plan and actual cells into topics and
//! entries, whose text the model's entry reader takes.

pub mod cell;
pub mod decode;
pub mod html;
mod table;

use std::path::Path;

use crate::model::Report;
use crate::model::diag::{
    FileError, FileErrorKind, ImportError, ImportErrorKind, Location, Warning,
};
pub use decode::TextEncoding;

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
            kind: ImportErrorKind::Empty,
        });
    }
    let (text, encoding) = decode::decode(bytes).map_err(|why| ImportError {
        at: Location::default(),
        kind: ImportErrorKind::NotText(why),
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

pub fn import_file(path: &Path) -> Result<Imported, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError {
        path: path.to_path_buf(),
        kind: FileErrorKind::CannotRead(e.to_string()),
    })?;
    import_bytes(&bytes).map_err(|e| FileError {
        path: path.to_path_buf(),
        kind: FileErrorKind::Import(e),
    })
}

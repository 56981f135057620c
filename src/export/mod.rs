//! Exchange with Excel and word processors: XLSX in the published report's layout, the report
//! table format (TSV) both ways, and a CSV of the entries.

pub mod cp932;
pub mod csv;
pub mod table;
pub mod xlsx;

use std::fmt;
use std::path::Path;

use crate::model::Report;

/// Text encodings the table and CSV exports can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 (with a BOM for CSV, which Excel needs to read it as UTF-8).
    #[default]
    Utf8,
    /// Shift_JIS as Windows writes it, CRLF line ends.
    Cp932,
    /// UTF-16LE with a BOM ("Unicode text" in Excel), CRLF line ends.
    Utf16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExportError {}

/// Encodes text; CP932 writes the characters Windows knows under another code point as that
/// code (`〜` as `～`, see [`cp932`]) and refuses characters it has no code for, naming each
/// once, rather than writing something else in their place.
pub fn encode(text: &str, encoding: Encoding, bom_for_utf8: bool) -> Result<Vec<u8>, ExportError> {
    match encoding {
        Encoding::Utf8 => {
            let mut bytes = if bom_for_utf8 {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            bytes.extend_from_slice(text.as_bytes());
            Ok(bytes)
        }
        Encoding::Cp932 => cp932::encode(&text.replace('\n', "\r\n")).map_err(|missing| {
            let unique: Vec<String> = missing
                .iter()
                .map(|c| format!("「{c}」(U+{:04X})", *c as u32))
                .collect();
            ExportError(format!(
                "cannot write in CP932: {} {} no CP932 code; write UTF-8 or UTF-16 instead",
                unique.join(" "),
                if unique.len() == 1 { "has" } else { "have" }
            ))
        }),
        Encoding::Utf16 => {
            let mut bytes = vec![0xFF, 0xFE];
            for unit in text.replace('\n', "\r\n").encode_utf16() {
                bytes.extend_from_slice(&unit.to_le_bytes());
            }
            Ok(bytes)
        }
    }
}

/// What to export, by the output file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Table,
    Csv,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(Format::Xlsx),
            "tsv" | "txt" => Some(Format::Table),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// The bytes of an export.
pub fn export_bytes(
    report: &Report,
    format: Format,
    encoding: Encoding,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Xlsx => xlsx::to_xlsx(report),
        Format::Table => encode(&table::to_table_text(report), encoding, false),
        Format::Csv => encode(&csv::to_csv(report)?, encoding, true),
    }
}

/// Writes an export to `path` (atomically), the format taken from its extension.
pub fn export_file(report: &Report, path: &Path, encoding: Encoding) -> Result<(), ExportError> {
    let format = Format::from_path(path).ok_or_else(|| {
        ExportError(format!(
            "{}: the file name must end in .xlsx, .tsv (or .txt) or .csv",
            path.display()
        ))
    })?;
    let bytes = export_bytes(report, format, encoding)?;
    crate::store::write_atomically(path, &bytes)
        .map_err(|e| ExportError(format!("{}: cannot write: {e}", path.display())))
}

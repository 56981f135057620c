//! Exchange with Excel and word processors: XLSX in the published report's layout, the report
//! table format (TSV) both ways, and a CSV of the entries.

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

/// Encodes text; CP932 refuses characters it has no code for, naming them, rather than
/// writing something else in their place.
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
        Encoding::Cp932 => {
            let crlf = text.replace('\n', "\r\n");
            let missing: Vec<String> = crlf
                .chars()
                .filter(|c| {
                    let mut buf = [0u8; 4];
                    let (_, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf));
                    unmappable
                })
                .map(|c| format!("「{c}」(U+{:04X})", c as u32))
                .collect();
            if !missing.is_empty() {
                let mut unique = missing.clone();
                unique.dedup();
                return Err(ExportError(format!(
                    "cannot write in CP932: {} {} no CP932 code; write UTF-8 or UTF-16 instead",
                    unique.join(" "),
                    if unique.len() == 1 { "has" } else { "have" }
                )));
            }
            let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&crlf);
            Ok(bytes.into_owned())
        }
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

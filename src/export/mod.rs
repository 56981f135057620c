//! Exchange with Excel and word processors: XLSX in the published report's layout, the report
//! table format (TSV) both ways, a CSV of the entries, and the web page for publishing (HTML).

pub mod cp932;
pub mod csv;
mod halves;
pub mod html;
mod html_measures;
pub mod references;
pub mod table;
mod table_numbers;
mod warning;
pub mod xlsx;
mod xlsx_cells;
pub(crate) use xlsx_cells::fits_a_cell;
mod xlsx_measures;
mod xlsx_pages;

pub use warning::{ExportWarning, Named};

use std::fmt;
use std::path::{Path, PathBuf};

use crate::lang::{Describe, Lang, say};
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

/// Why an export could not be made; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// Characters CP932 has no code for, each once, in order of first use, with the first
    /// text holding it (a CSV cannot say them otherwise).
    NotInCp932 { chars: Vec<Named> },
    /// The output's name does not say which format.
    UnknownFormat { path: PathBuf },
    CannotWrite {
        path: PathBuf,
        reason: crate::model::diag::IoProblem,
    },
    /// The XLSX or CSV writer's own words.
    Writer(String),
}

impl Describe for ExportError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ExportError::NotInCp932 { chars } => {
                let list = chars
                    .iter()
                    .map(|n| n.describe(lang))
                    .collect::<Vec<_>>()
                    .join(" ");
                say(
                    lang,
                    format!(
                        "CP932で書けません: {list} はCP932にない文字です。UTF-8かUTF-16で書き出してください"
                    ),
                    format!(
                        "cannot write in CP932: {list} {} no CP932 code; write UTF-8 or UTF-16 \
                         instead",
                        if chars.len() == 1 { "has" } else { "have" }
                    ),
                )
            }
            ExportError::UnknownFormat { path } => say(
                lang,
                format!(
                    "{}: ファイル名の末尾は .xlsx、.tsv（.txt）、.csv、.html（.htm）のどれかにしてください",
                    crate::model::text::path_shown(path)
                ),
                format!(
                    "{}: the file name must end in .xlsx, .tsv (or .txt), .csv or .html (.htm)",
                    crate::model::text::path_shown(path)
                ),
            ),
            ExportError::CannotWrite { path, reason } => say(
                lang,
                format!(
                    "{}: 書き込めません: {}",
                    crate::model::text::path_shown(path),
                    reason.describe(lang)
                ),
                format!(
                    "{}: cannot write: {}",
                    crate::model::text::path_shown(path),
                    reason.describe(lang)
                ),
            ),
            // The writer's own words are English: in Japanese, what happened.
            ExportError::Writer(e) => say(
                lang,
                "書き出せません（書き出す途中でエラーになりました）".into(),
                format!("cannot write the export: {e}"),
            ),
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ExportError {}

/// Encodes text; CP932 writes the characters Windows knows under another code point as that
/// code (`〜` as `～`, see [`cp932`]) and refuses characters it has no code for, naming each
/// once, rather than writing something else in their place (the report table, which can say
/// them, writes them as character references instead: [`cp932::with_references`]).
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
            cp932::encode(&text.replace('\n', "\r\n")).map_err(|chars| ExportError::NotInCp932 {
                chars: chars
                    .into_iter()
                    .map(|c| Named {
                        c,
                        place: None,
                        around: String::new(),
                        elsewhere: 0,
                    })
                    .collect(),
            })
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
    /// The web page (always UTF-8, as its `<meta charset>` says).
    Html,
}

impl Format {
    /// The extension a file of the format is written with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Table => "tsv",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(Format::Xlsx),
            "tsv" | "txt" => Some(Format::Table),
            "csv" => Some(Format::Csv),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// An export's bytes, and what it wrote otherwise than the report holds it (the user is told).
#[derive(Debug, Clone)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub warnings: Vec<ExportWarning>,
}

/// An export.
pub fn export(
    report: &Report,
    format: Format,
    encoding: Encoding,
) -> Result<Exported, ExportError> {
    let mut warnings = Vec::new();
    if let Some(first) = report.unread.first() {
        warnings.push(ExportWarning::UnreadNotWritten {
            count: report.unread.len(),
            first: first.text.clone(),
        });
    }
    let bytes = match format {
        Format::Xlsx => xlsx::to_xlsx(report, &mut warnings)?,
        Format::Html => html::to_html(report).into_bytes(),
        Format::Table | Format::Csv => {
            let (text, bom) = match format {
                Format::Csv => (csv::to_csv(report)?, true),
                _ => (table::to_table_text(report), false),
            };
            if encoding == Encoding::Cp932 {
                let typed = cp932::typed_forms_in(&text);
                if !typed.is_empty() {
                    warnings.push(ExportWarning::WindowsForms {
                        chars: warning::first_places(report, &typed),
                    });
                }
                // The table's fields read character references as text; a CSV has none.
                if format == Format::Table {
                    let (bytes, written) = cp932::with_references(&text.replace('\n', "\r\n"));
                    if !written.is_empty() {
                        warnings.push(ExportWarning::AsReferences {
                            chars: warning::first_places(report, &written),
                        });
                    }
                    return Ok(Exported { bytes, warnings });
                }
            }
            encode(&text, encoding, bom).map_err(|e| match e {
                ExportError::NotInCp932 { chars } => {
                    let chars: Vec<char> = chars.iter().map(|n| n.c).collect();
                    ExportError::NotInCp932 {
                        chars: warning::first_places(report, &chars),
                    }
                }
                e => e,
            })?
        }
    };
    Ok(Exported { bytes, warnings })
}

/// The bytes alone, for tests and benches; what the export wrote otherwise than the report
/// holds it is in [`export`]'s warnings.
pub fn export_bytes(
    report: &Report,
    format: Format,
    encoding: Encoding,
) -> Result<Vec<u8>, ExportError> {
    export(report, format, encoding).map(|e| e.bytes)
}

/// Writes an export to `path` (atomically), the format taken from its extension; returns what
/// it wrote otherwise than the report holds it.
pub fn export_file(
    report: &Report,
    path: &Path,
    encoding: Encoding,
) -> Result<Vec<ExportWarning>, ExportError> {
    let format = Format::from_path(path).ok_or_else(|| ExportError::UnknownFormat {
        path: path.to_path_buf(),
    })?;
    let exported = export(report, format, encoding)?;
    crate::store::write_output(path, &exported.bytes).map_err(|e| ExportError::CannotWrite {
        path: path.to_path_buf(),
        reason: (&e).into(),
    })?;
    Ok(exported.warnings)
}

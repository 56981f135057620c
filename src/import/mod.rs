//! The published report table (tab-separated text with HTML cells) → the report model.
//! `table.rs` reads it row by row; `cell.rs` splits plan and actual cells into topics and
//! entries, whose text the model's entry reader takes.

pub(crate) mod book;
pub mod cell;
pub(crate) mod cell_notes;
mod cell_refs;
pub(crate) mod cell_xml;
pub mod decode;
mod far_years;
mod hidden_rows;
pub mod html;
mod measures;
mod number_format;
mod ods;
mod ods_names;
pub(crate) mod sheet;
mod shown_cells;
pub(crate) mod shown_number;
pub(crate) mod struck;
mod table;
mod xml_reader;
pub(crate) use table::is_initiative_number;
mod warning_cap;
pub mod workbook;
mod xls_bounds;
mod xls_records;
mod xls_scan;
mod zip_scan;

use std::path::Path;

use crate::model::Report;
use crate::model::diag::{
    FileError, FileErrorKind, ImportError, ImportErrorKind, Location, Warning,
};
pub use book::WorkbookFormat;
pub use decode::TextEncoding;
pub use workbook::{ImportedWorkbook, import_workbook};

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
    let (text, encoding, utf8) = decode::decode_said(bytes).map_err(|why| ImportError {
        at: Location::default(),
        kind: ImportErrorKind::NotText(Box::new(why)),
    })?;
    let (report, mut warnings) = table::read(&text)?;
    within_divisions_named(&report)?;
    for (k, s) in utf8.into_iter().enumerate() {
        let kind = crate::model::diag::WarningKind::Utf8InCp932 {
            text: s.text,
            as_cp932: s.as_cp932,
        };
        warnings.insert(
            k,
            crate::model::diag::Warning::new(Location::row(s.line), kind),
        );
    }
    Ok(Imported {
        report,
        warnings,
        encoding,
    })
}

/// Reads a report table from text already decoded.
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    let (report, warnings) = table::read(text)?;
    within_divisions_named(&report)?;
    Ok(Imported {
        report,
        warnings,
        encoding: TextEncoding::Utf8,
    })
}

/// Reads a report table or a workbook, by what the file holds: a workbook by its first bytes
/// (or, when they are no workbook's, by a workbook's name — then it is damaged), anything else
/// as a table.
pub fn import_file(path: &Path) -> Result<(Report, Vec<Warning>), FileError> {
    let bytes = crate::model::diag::read_input(path).map_err(|kind| FileError {
        path: path.to_path_buf(),
        kind,
    })?;
    import_any(&bytes, WorkbookFormat::of_name(path)).map_err(|e| FileError {
        path: path.to_path_buf(),
        kind: FileErrorKind::Import(Box::new(e)),
    })
}

/// The bytes of a table or a workbook; `named` is what the file's name says it is.
pub fn import_any(
    bytes: &[u8],
    named: Option<WorkbookFormat>,
) -> Result<(Report, Vec<Warning>), ImportError> {
    let by_content = WorkbookFormat::of_bytes(bytes);
    // A ZIP package named .ods is read as ODS even if its mimetype entry is not where ODF
    // puts it.
    let format = match (by_content, named) {
        (Some(WorkbookFormat::Xlsx), Some(WorkbookFormat::Ods)) => Some(WorkbookFormat::Ods),
        (Some(f), _) => Some(f),
        (None, named) => named,
    };
    match format {
        Some(format) => {
            let read = import_workbook(bytes, format)?;
            within_divisions_named(&read.report)?;
            Ok((read.report, read.warnings))
        }
        None => import_bytes(bytes).map(|i| (i.report, i.warnings)),
    }
}

/// A report read whose topics name more 担当課 than the outputs can write beside them
/// ([`crate::model::bounds::MAX_DIVISIONS_NAMED`]) is refused, naming the initiative.
fn within_divisions_named(report: &Report) -> Result<(), ImportError> {
    match crate::model::bounds::DivisionsNamed::beyond_bound(report) {
        None => Ok(()),
        Some(excess) => Err(ImportError {
            at: Location::default(),
            kind: ImportErrorKind::TooManyDivisionsNamed(Box::new(excess)),
        }),
    }
}

//! A workbook's sheets read within bounds (`model::bounds`): the file is looked over before
//! anything is allocated for it (`zip_scan.rs` for an XLSX or ODS package, `xls_scan.rs` for
//! an XLS compound file), then read cell by cell into [`Sheet`]s holding only the cells with a
//! value, each counted against the [`Budget`]: XLSX with calamine's streaming cell reader,
//! ODS by `ods.rs`, XLS by calamine (which parses a BIFF workbook whole when it opens it; the
//! look-over bounds what that costs). Shared by the report's import and the survey answers.

use std::io::Cursor;

use calamine::{
    Data, DataRef, Reader, SheetVisible, Xls, XlsError, Xlsx, XlsxError, open_workbook_from_rs,
};

use super::sheet::{Budget, Failure, Merge, Sheet, cell_text};
use crate::model::diag::{ImportError, ImportErrorKind, Location};

/// The sheets of a workbook whose names `wanted` takes, in the workbook's order.
pub(crate) fn read_sheets(
    bytes: &[u8],
    format: WorkbookFormat,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<Sheet>, ImportError> {
    let damaged = |why: String| ImportError {
        at: Location::default(),
        kind: ImportErrorKind::DamagedWorkbook {
            format: format.name(),
            why,
        },
    };
    if WorkbookFormat::of_bytes(bytes).is_none() {
        // A ZIP of no part at all begins with its end record.
        let why = if bytes.starts_with(b"PK\x05\x06") {
            "an empty ZIP package: it holds no part, so no workbook"
        } else {
            "neither a ZIP package nor an OLE compound file"
        };
        return Err(damaged(why.to_string()));
    }
    // calamine is not ours and reads whatever it is given: a panic inside it on a damaged
    // file is reported as that damage, never allowed to take the window down.
    let read = quietly(|| read_unguarded(bytes, format, wanted));
    match read {
        Ok(result) => result.map_err(|e| match e {
            Failure::Encrypted => ImportError {
                at: Location::default(),
                kind: ImportErrorKind::EncryptedWorkbook,
            },
            Failure::Damaged(why) => damaged(why),
            Failure::Refused(e) => e,
        }),
        Err(_) => Err(damaged(
            "the reader stopped on malformed content".to_string(),
        )),
    }
}

thread_local! {
    /// Set while a reader runs under [`quietly`]: its panic is a damaged file, said as such.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read`, catching a panic inside it without the panic's message on the terminal (the
/// refusal says what was wrong with the file); any other panic is reported as before.
fn quietly<T>(read: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                before(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    QUIET.with(|q| q.set(false));
    read
}

fn read_unguarded(
    bytes: &[u8],
    format: WorkbookFormat,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<Sheet>, Failure> {
    match format {
        WorkbookFormat::Xls => {
            let shown = super::xls_scan::check_xls(bytes)?;
            read_xls(bytes, wanted, &shown)
        }
        WorkbookFormat::Xlsx => {
            super::zip_scan::check_package(bytes, format.name())?;
            read_xlsx(bytes, wanted)
        }
        WorkbookFormat::Ods => {
            super::zip_scan::check_package(bytes, format.name())?;
            super::ods::read_sheets(bytes, wanted)
        }
    }
}

fn read_xls(
    bytes: &[u8],
    wanted: &dyn Fn(&str) -> bool,
    shown: &super::xls_records::XlsShown,
) -> Result<Vec<Sheet>, Failure> {
    let data = Cursor::new(bytes);
    let mut book = match open_workbook_from_rs::<Xls<_>, _>(data.clone()) {
        Ok(book) => book,
        Err(XlsError::Password) => return Err(Failure::Encrypted),
        // An XLSX saved with a password is an OLE file holding the encrypted package.
        Err(xls) => {
            return match open_workbook_from_rs::<Xlsx<_>, _>(data) {
                Err(XlsxError::Password) => Err(Failure::Encrypted),
                _ => Err(Failure::Damaged(xls.to_string())),
            };
        }
    };
    let names: Vec<String> = book
        .sheet_names()
        .into_iter()
        .filter(|n| wanted(n))
        .collect();
    let hidden = hidden_sheets(book.sheets_metadata());
    names
        .into_iter()
        .map(|name| {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| Failure::Damaged(e.to_string()))?;
            let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
            // used_cells counts from the range's start; a warning names the sheet's own row
            // and column.
            let (start_row, start_col) = range.start().unwrap_or((0, 0));
            let shown_as_percent = shown.percent.get(&name);
            let formatted = shown.formatted.get(&name);
            let cells = range
                .used_cells()
                .map(|(r, c, value)| {
                    let (row, col) = (r as u32 + start_row, c as u32 + start_col);
                    let percent = shown_as_percent.is_some_and(|p| p.contains(&(row, col)));
                    // As the sheet shows it: 0.12345 formatted as a percentage is `12.345%`.
                    let as_shown = |v: f64| {
                        let code = formatted.and_then(|f| f.get(&(row, col)))?;
                        super::number_format::shown(v, code)
                    };
                    let text = match value {
                        Data::Float(v) if percent => super::cell_xml::as_percent(*v),
                        Data::Int(v) if percent => super::cell_xml::as_percent(*v as f64),
                        // A scale or a money unit in the format: as shown, as from an XLSX.
                        Data::Float(v) if let Some(t) = as_shown(*v) => t,
                        Data::Int(v) if let Some(t) = as_shown(*v as f64) => t,
                        _ => cell_text(value),
                    };
                    (row as usize, col as usize, text)
                })
                .collect();
            let mut sheet = Sheet::new(name, cells, merges_of(&merges));
            sheet.hidden = hidden.contains(&sheet.name);
            Ok(sheet)
        })
        .collect()
}

fn read_xlsx(bytes: &[u8], wanted: &dyn Fn(&str) -> bool) -> Result<Vec<Sheet>, Failure> {
    if let Some((sheet, reference)) = super::cell_refs::first_past_32_bits(bytes) {
        return Err(Failure::Damaged(format!(
            "sheet {sheet}: the cell reference {reference} is past the last cell a sheet has \
             (XFD1048576) and past what the reader counts"
        )));
    }
    let mut book = match open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(XlsxError::Password) => return Err(Failure::Encrypted),
        Err(e) => return Err(Failure::Damaged(e.to_string())),
    };
    let names: Vec<String> = book
        .sheet_names()
        .into_iter()
        .filter(|n| wanted(n))
        .collect();
    let hidden = hidden_sheets(book.sheets_metadata());
    let mut budget = Budget::new("XLSX");
    let super::cell_xml::SheetFacts {
        percent,
        formatted,
        exact,
        bad_string,
    } = super::cell_xml::sheet_facts(bytes);
    let mut sheets = Vec::new();
    for name in names {
        if let Some(((row, col), written)) = bad_string.get(&name) {
            return Err(Failure::Refused(ImportError {
                at: super::sheet::cell_location(&name, u64::from(*row), u64::from(*col)),
                kind: ImportErrorKind::SharedStringUnnamed {
                    written: written.clone(),
                },
            }));
        }
        let shown_as_percent = percent.get(&name);
        let written = exact.get(&name);
        let format_of = |at: &(u32, u32)| formatted.get(&name).and_then(|f| f.get(at));
        // The reader's words name no sheet (「Range is missing the expected row component」
        // of a broken <dimension>): the sheet is named before them.
        let damaged = |e: XlsxError| Failure::Damaged(format!("sheet {name}: {e}"));
        let merges = book.merge_cells_by_sheet_name(&name).map_err(damaged)?;
        // Cell by cell rather than as calamine's dense range: one value typed at
        // XFD1048576 would make that range hundreds of gigabytes.
        let mut cells = Vec::new();
        let mut reader = book.worksheet_cells_reader(&name).map_err(damaged)?;
        while let Some(cell) = reader.next_cell().map_err(damaged)? {
            let value = cell.get_value();
            if matches!(value, DataRef::Empty) {
                continue;
            }
            let (row, col) = cell.get_position();
            // A shared string is copied into each cell naming it: counted before it is.
            budget.take(&name, (row as u64, col as u64), 1, text_len(value))?;
            let value = Data::from(value.clone());
            // As the sheet shows it: 0.12345 formatted as a percentage is `12.345%`.
            let text = match value {
                Data::Float(v) if shown_as_percent.is_some_and(|p| p.contains(&(row, col))) => {
                    super::cell_xml::as_percent(v)
                }
                Data::Int(v) if shown_as_percent.is_some_and(|p| p.contains(&(row, col))) => {
                    super::cell_xml::as_percent(v as f64)
                }
                // More digits than the float holds: as the file writes them.
                Data::Float(_) if let Some(w) = written.and_then(|w| w.get(&(row, col))) => {
                    w.clone()
                }
                // A unit or a scale in the format (`#,##0"百万円"`, `#,##0,`): as shown.
                Data::Float(v)
                    if let Some(shown) = format_of(&(row, col))
                        .and_then(|code| super::number_format::shown(v, code)) =>
                {
                    shown
                }
                Data::Int(v)
                    if let Some(shown) = format_of(&(row, col))
                        .and_then(|code| super::number_format::shown(v as f64, code)) =>
                {
                    shown
                }
                _ => cell_text(&value),
            };
            cells.push((row as usize, col as usize, text));
        }
        let mut sheet = Sheet::new(name, cells, merges_of(&merges));
        sheet.hidden = hidden.contains(&sheet.name);
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// The names of the sheets the workbook hides.
fn hidden_sheets(sheets: &[calamine::Sheet]) -> std::collections::HashSet<String> {
    (sheets.iter())
        .filter(|s| s.visible != SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

/// The bytes a cell's text takes (a number's or a date's: a few dozen at most).
fn text_len(value: &DataRef) -> usize {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
        DataRef::SharedString(s) => s.len(),
        _ => 32,
    }
}

fn merges_of(merges: &[calamine::Dimensions]) -> Vec<Merge> {
    merges
        .iter()
        .map(|d| {
            (
                d.start.0 as usize,
                d.start.1 as usize,
                d.end.0 as usize,
                d.end.1 as usize,
            )
        })
        .collect()
}

/// The kinds of workbook read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkbookFormat {
    Xlsx,
    Xls,
    Ods,
}

impl WorkbookFormat {
    pub fn name(self) -> &'static str {
        match self {
            WorkbookFormat::Xlsx => "XLSX",
            WorkbookFormat::Xls => "XLS",
            WorkbookFormat::Ods => "ODS",
        }
    }

    /// What the file's name says it is (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
    pub fn of_name(path: &std::path::Path) -> Option<WorkbookFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(WorkbookFormat::Xlsx),
            "xls" => Some(WorkbookFormat::Xls),
            "ods" => Some(WorkbookFormat::Ods),
            _ => None,
        }
    }

    /// What the first bytes say: a ZIP package (XLSX, or ODS by its `mimetype`), or an OLE
    /// compound file (XLS, or an XLSX encrypted with a password). `None` for anything else.
    pub fn of_bytes(bytes: &[u8]) -> Option<WorkbookFormat> {
        const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
        if bytes.starts_with(OLE) {
            return Some(WorkbookFormat::Xls);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            // ODF puts an uncompressed `mimetype` entry first in the package.
            let head = &bytes[..bytes.len().min(120)];
            let ods = head
                .windows(b"opendocument.spreadsheet".len())
                .any(|w| w == b"opendocument.spreadsheet");
            return Some(if ods {
                WorkbookFormat::Ods
            } else {
                WorkbookFormat::Xlsx
            });
        }
        None
    }
}

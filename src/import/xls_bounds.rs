//! What the two halves of the `.xls` look-over share (`xls_scan.rs` walks the compound file,
//! `xls_records.rs` the BIFF records in it): how a walk ends, a sheet's rectangle, and the
//! bounds each record is held to.

use super::sheet::{Budget, cell_location, too_large};
use crate::model::bounds::{Excess, MAX_XLS_AREA, MAX_XLS_CONTINUES, XLS_COLUMNS};
use crate::model::diag::{ImportError, Location};

/// How much longer a formula's text can be than its tokens (a 5-byte name token stands for
/// a name of up to 255 characters).
pub(super) const FORMULA_GROWTH: usize = 256;
/// A string's characters as UTF-8 bytes at most, whatever the code page.
const BYTES_PER_CHAR: usize = 4;

pub(super) enum Walk {
    /// calamine stops here with an error (or a panic it is guarded against): nothing further
    /// is read.
    Stop,
    Refuse(ImportError),
}

impl From<ImportError> for Walk {
    fn from(e: ImportError) -> Self {
        Walk::Refuse(e)
    }
}

/// The rectangle of a sheet's cells (0-based, inclusive) as calamine builds it.
#[derive(Default)]
pub(super) struct Extent {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
    /// The cell furthest down so far (then right): the far one, which the office must clear,
    /// when a nearer cell read after it grows the rectangle too large.
    furthest: (u32, u32),
}

impl Extent {
    /// Rows times columns of the rectangle (0 with no cell).
    pub(super) fn area(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64,
            _ => 0,
        }
    }

    /// Adds a cell; refuses when the rectangle grows beyond [`MAX_XLS_AREA`] or the cell is
    /// beyond the format's columns.
    pub(super) fn add(&mut self, sheet: &str, row: u32, col: u32) -> Result<(), ImportError> {
        let far = self.furthest.max((row, col));
        // The cell named when the rectangle is too large: the far one (a far cell read before
        // A1 named 「A1」, which holds nothing to clear).
        let at = || cell_location(sheet, far.0 as u64, far.1 as u64);
        if col >= XLS_COLUMNS {
            let at = || cell_location(sheet, row as u64, col as u64);
            return Err(too_large(
                "XLS",
                at(),
                Excess::XlsColumn { column: col + 1 },
            ));
        }
        let grow = |span: Option<(u32, u32)>, v: u32| match span {
            None => (v, v),
            Some((a, b)) => (a.min(v), b.max(v)),
        };
        let rows = grow(self.rows, row);
        let cols = grow(self.cols, col);
        let (h, w) = ((rows.1 - rows.0) as u64 + 1, (cols.1 - cols.0) as u64 + 1);
        if h * w > MAX_XLS_AREA {
            return Err(too_large(
                "XLS",
                at(),
                Excess::XlsArea {
                    rows: h as u32,
                    columns: w as u32,
                },
            ));
        }
        self.rows = Some(rows);
        self.cols = Some(cols);
        self.furthest = far;
        Ok(())
    }
}

/// A record is refused when it is continued too often (see the module's comment).
pub(super) fn check_continues(typ: u16, continues: usize) -> Result<(), ImportError> {
    if continues > MAX_XLS_CONTINUES {
        return Err(too_large(
            "XLS",
            Location::default(),
            Excess::XlsContinued { record: typ },
        ));
    }
    Ok(())
}

/// Text of `chars` characters, as UTF-8 bytes at most.
pub(super) fn text_bytes(chars: usize) -> usize {
    chars.saturating_mul(BYTES_PER_CHAR)
}

pub(super) fn budget() -> Budget {
    Budget::new("XLS")
}

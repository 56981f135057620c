//! Texts into an XLSX's cells within what a cell holds: the report's sheets and the number
//! sheets write through [`Cells`], so a text too long is cut alike everywhere.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::ExportWarning;
use crate::model::diag::column_letters;
use crate::model::text_place::TextPlace;

/// The most an Excel cell holds, in UTF-16 units.
const CELL_LIMIT: usize = 32_767;

/// Whether an Excel cell holds `text` whole.
pub(crate) fn fits_a_cell(text: &str) -> bool {
    text.len() <= CELL_LIMIT || text.encode_utf16().count() <= CELL_LIMIT
}
/// Writes the report's texts into a sheet's cells; a text longer than a cell holds is cut to
/// what fits, the cell saying how much was left out, and a warning names the cell and the text.
pub(super) struct Cells<'w> {
    pub(super) sheet: &'static str,
    pub(super) warnings: &'w mut Vec<ExportWarning>,
}

impl<'w> Cells<'w> {
    pub(super) fn new(sheet: &'static str, warnings: &'w mut Vec<ExportWarning>) -> Cells<'w> {
        Cells { sheet, warnings }
    }

    /// The text as its cell holds it (the sheet's cell named for a warning).
    pub(super) fn fitted<'t>(
        &mut self,
        row: u32,
        col: u16,
        text: &'t str,
        place: TextPlace,
    ) -> Cow<'t, str> {
        if fits_a_cell(text) {
            return Cow::Borrowed(text);
        }
        let length = text.chars().count();
        // Room for the note: its words and the count take well under a hundred units.
        let budget = CELL_LIMIT - 100;
        let (mut used, mut end, mut kept) = (0, 0, 0);
        for (at, c) in text.char_indices() {
            if used + c.len_utf16() > budget {
                break;
            }
            used += c.len_utf16();
            end = at + c.len_utf8();
            kept += 1;
        }
        self.warnings.push(ExportWarning::CellCut {
            cell: format!(
                "{}!{}{}",
                self.sheet,
                column_letters(col as usize + 1),
                row + 1
            ),
            place,
            length,
            kept,
        });
        let note = crate::model::text::cut_note(length - kept);
        Cow::Owned(format!("{}{note}", &text[..end]))
    }

    pub(super) fn string(
        &mut self,
        ws: &mut Worksheet,
        (row, col): (u32, u16),
        text: &str,
        format: &Format,
        place: TextPlace,
    ) -> Result<(), XlsxError> {
        let text = self.fitted(row, col, text, place);
        ws.write_string_with_format(row, col, text.as_ref(), format)?;
        Ok(())
    }

    /// A cell merged down from `first` to `last` (one cell when they are the same row).
    pub(super) fn merged_down(
        &mut self,
        ws: &mut Worksheet,
        (first, last, col): (u32, u32, u16),
        text: &str,
        format: &Format,
        place: TextPlace,
    ) -> Result<(), XlsxError> {
        let text = self.fitted(first, col, text, place);
        if first == last {
            ws.write_string_with_format(first, col, text.as_ref(), format)?;
        } else {
            ws.merge_range(first, col, last, col, text.as_ref(), format)?;
        }
        Ok(())
    }
}

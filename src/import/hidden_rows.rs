//! The rows an `.xlsx` sheet hides (`<row hidden="1">`: Excel's 行の非表示, a filter's rows
//! left out). calamine reads them like any other; the report reads them too — they are the
//! office's data — and says each, since nobody looking at the sheet sees it.

use std::io::Cursor;

use quick_xml::events::Event;

use super::cell_xml::{attr_number, attr_raw, each_sheet};

/// The 0-based rows sheet `sheet` of the workbook hides, in ranges (first, last), in order.
/// Rows are placed as calamine places them: a row's `r`, else the row after the one before.
pub(crate) fn xlsx_hidden_rows(bytes: &[u8], sheet: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    each_sheet(
        &mut zip,
        |name| name == sheet,
        |_, xml| {
            // A sheet hiding no row is not walked.
            if !xml.windows(7).any(|w| w == b"hidden=") {
                return;
            }
            let mut reader = super::xml_reader::reader(xml.as_slice());
            let mut buf = Vec::new();
            let mut row = 0usize;
            loop {
                buf.clear();
                match reader.read_event_into(&mut buf) {
                    Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "row" => {
                        if let Some(r) = attr_number::<usize>(&e, "r") {
                            row = r.saturating_sub(1);
                        }
                        let hidden = attr_raw(&e, "hidden")
                            .is_some_and(|h| matches!(h.trim(), "1" | "true"));
                        if hidden {
                            push_row(&mut out, row);
                        }
                        row = row.saturating_add(1);
                    }
                    Ok(Event::Eof) | Err(_) => break,
                    _ => {}
                }
            }
        },
    );
    out.sort_unstable();
    out
}

/// Adds a row to ranges kept in the order met, joining it to the last when next to it.
pub(crate) fn push_row(ranges: &mut Vec<(usize, usize)>, row: usize) {
    match ranges.last_mut() {
        Some((_, last)) if *last == row || last.checked_add(1) == Some(row) => *last = row,
        _ => ranges.push((row, row)),
    }
}

/// Whether a row lies in one of the ranges (sorted by first row, apart).
pub(crate) fn in_ranges(ranges: &[(usize, usize)], row: usize) -> bool {
    let k = ranges.partition_point(|&(first, _)| first <= row);
    k > 0 && ranges[k - 1].1 >= row
}

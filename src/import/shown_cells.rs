//! Number cells of a report's text columns (具体的取組, 取組項目, 年次計画, 実績, 担当課) read as
//! the sheet shows them: 312 formatted `0"名"` shows 「312名」, and read as its value the unit
//! was gone without a word. Said, as the answers' reader says it. The numbers' columns
//! (`measures.rs`) read their units and scales themselves and are left to it.

use std::collections::HashMap;

use super::book::WorkbookFormat;
use super::sheet::Sheet;
use crate::model::diag::{Location, Warning, WarningKind};

/// Rewrites the number cells of `cols` to what they show; a warning for each (an `.xlsx`'s
/// format the reader cannot write out is said, its value kept). An `.xls` is read as before.
pub(super) fn read_as_shown(
    bytes: &[u8],
    format: WorkbookFormat,
    sheet: &mut Sheet,
    cols: &[usize],
) -> Vec<Warning> {
    // (row, column) → what the cell shows, or the format it is not written out by.
    let shown: HashMap<(usize, usize), Result<String, String>> = match format {
        WorkbookFormat::Xlsx => {
            let cols: Vec<u32> = cols.iter().filter_map(|&c| u32::try_from(c).ok()).collect();
            let codes = super::cell_xml::columns_formats(bytes, &sheet.name, &cols);
            (codes.into_iter())
                .filter_map(|((r, c), code)| {
                    let (r, c) = (r as usize, c as usize);
                    let number = sheet.text(r, c).parse::<f64>().ok()?;
                    let shown = super::shown_number::as_text(number, &code);
                    Some(((r, c), shown.ok_or_else(|| code.to_string())))
                })
                .collect()
        }
        WorkbookFormat::Ods => (sheet.shown.iter())
            .filter(|((_, c), _)| cols.contains(c))
            .map(|(&at, shown)| (at, Ok(shown.trim().to_string())))
            .collect(),
        WorkbookFormat::Xls => HashMap::new(),
    };
    let mut cells: Vec<_> = shown.into_iter().collect();
    cells.sort_by_key(|(at, _)| *at);
    let mut out = Vec::new();
    for ((r, c), shown) in cells {
        let value = sheet.text(r, c).to_string();
        let kind = match shown {
            Ok(shown) if shown == value => continue,
            Ok(shown) => {
                sheet.set_text(r, c, shown.clone());
                WarningKind::NumberReadAsShown { value, shown }
            }
            // A code past Excel's 255 characters is a crafted one: named by its start.
            Err(code) => WarningKind::NumberFormatNotShown {
                value,
                format: crate::model::text::clipped(&code, 255),
            },
        };
        out.push(Warning::new(
            Location::cell(&sheet.name, r + 1, c + 1, None),
            kind,
        ));
    }
    out
}

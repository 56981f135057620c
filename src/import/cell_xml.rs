//! What calamine does not say of an XLSX's cells, read from the sheets' XML: which are shown
//! as a percentage, which are scaled or given a money unit by their format
//! ([`super::number_format`]), which hold a formula with no value saved, and which write a
//! number with more digits than a float keeps. Cells are placed as calamine places them, those
//! written without a reference too ([`each_cell_event`]).
//!
//! Excel keeps `12.345%` typed into a cell as the number 0.12345 with a percentage format;
//! calamine gives the number alone, which read as 0.12345 where the sheet shows 12.345 % (an
//! indicator in %, a 達成率). So the sheet is read as it is shown: the styles name the
//! percentage formats (built-in 9 and 10, or a format code with `%`), and each sheet's numeric
//! cells of such a style are found by a second pass over their XML, only when the workbook has
//! such a format at all. A formula saved without its value (a program that does not calculate
//! wrote it) reads as nothing: an answer's are found the same way, to be named. The package's
//! size is bounded before this runs (`zip_scan.rs`).

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// (0-based row, 0-based column) of the cells shown as a percentage, by sheet name.
pub(crate) type PercentCells = HashMap<String, HashSet<(u32, u32)>>;

/// The cells shown as a percentage in each sheet; empty when the workbook has no percentage
/// format, or its parts cannot be read (the reader says what is wrong with them).
pub(crate) fn percent_cells(bytes: &[u8]) -> PercentCells {
    let styled = numeric_cells_styled(bytes, |codes, xfs| {
        // Built-in 9 and 10 are `0%` and `0.00%`.
        let shows_percent = |id: &u32| match codes.get(id) {
            Some(code) => code_shows_percent(code),
            None => matches!(id, 9 | 10),
        };
        (0..)
            .zip(xfs)
            .filter(|(_, id)| shows_percent(id))
            .map(|(k, _)| (k, ()))
            .collect()
    });
    styled
        .into_iter()
        .map(|(name, cells)| (name, cells.into_keys().collect()))
        .collect()
}

/// The numeric cells of each sheet whose cell format (`s`, an index of `cellXfs`) is one
/// `wanted` picks — given the custom number formats by id and each cell format's number
/// format id — with what it gives for it; empty when it picks none, or the parts cannot be
/// read (the reader says what is wrong with them).
fn numeric_cells_styled<T: Clone>(
    bytes: &[u8],
    wanted: impl Fn(&HashMap<u32, String>, &[u32]) -> HashMap<usize, T>,
) -> HashMap<String, HashMap<(u32, u32), T>> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    let Some(styles) = part(&mut zip, "xl/styles.xml") else {
        return HashMap::new();
    };
    let (codes, xfs) = cell_formats(&styles);
    let wanted = wanted(&codes, &xfs);
    if wanted.is_empty() {
        return HashMap::new();
    }
    let mut out = HashMap::new();
    each_sheet(
        &mut zip,
        |_| true,
        |name, xml| {
            let mut cells = HashMap::new();
            each_cell_event(&xml, |event, place| {
                if let Event::Start(e) = event
                    && e.local_name().as_ref() == "c"
                    && attr(e, "t").is_none_or(|t| t == "n")
                    && let Some(what) = attr(e, "s")
                        .and_then(|s| s.parse::<usize>().ok())
                        .and_then(|s| wanted.get(&s))
                    && let Some(at) = place
                {
                    cells.insert(at, what.clone());
                }
                true
            });
            if !cells.is_empty() {
                out.insert(name, cells);
            }
        },
    );
    out
}

/// Calls `each` with the name and XML of each sheet `wanted` names, in the workbook's order;
/// a part that cannot be read is passed over (the reader says what is wrong with it).
fn each_sheet<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    wanted: impl Fn(&str) -> bool,
    mut each: impl FnMut(String, Vec<u8>),
) {
    for (name, target) in sheet_parts(zip) {
        if wanted(&name)
            && let Some(xml) = part(zip, &target)
        {
            each(name, xml);
        }
    }
}

/// The cells of the named sheets holding a formula with no value saved beside it (a
/// workbook written by a program that does not calculate, openpyxl): (sheet, 0-based row,
/// 0-based column, the formula). A reader sees no value there; these are said, not passed
/// over.
pub(crate) fn formulas_without_values(
    bytes: &[u8],
    sheets: &[&str],
) -> Vec<(String, u32, u32, String)> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let wanted = |name: &str| sheets.contains(&name);
    each_sheet(&mut zip, wanted, |name, xml| {
        formulas_in(&name, &xml, &mut out)
    });
    out
}

/// The formulas without a value of one sheet, as [`formulas_without_values`] gives them.
fn formulas_in(name: &str, xml: &[u8], out: &mut Vec<(String, u32, u32, String)>) {
    // The cell being read: its place, its formula, whether a value was seen.
    let mut cell: Option<((u32, u32), String, bool)> = None;
    let mut in_formula = false;
    each_cell_event(xml, |event, place| {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => cell = place.map(|at| (at, String::new(), false)),
                "f" => in_formula = true,
                "v" | "is" => {
                    if let Some(c) = cell.as_mut() {
                        c.2 = true;
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_formula => {
                if let Some(c) = cell.as_mut() {
                    c.1.push_str(&t.xml10_content());
                }
            }
            // `&amp;` in a formula is an `&` the division typed.
            Event::GeneralRef(r) if in_formula => {
                let name = r.as_ref().to_string();
                if let (Some(c), Some(text)) =
                    (cell.as_mut(), quick_xml::escape::resolve_xml_entity(&name))
                {
                    c.1.push_str(text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "f" => in_formula = false,
                "c" => {
                    if let Some(((row, col), formula, false)) = cell.take()
                        && !formula.is_empty()
                    {
                        out.push((name.to_string(), row, col, format!("={formula}")));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        true
    });
}

/// (0-based row, 0-based column) → the number as the file writes it, by sheet name: the
/// numeric cells whose written digits a float does not hold (see [`exact_number`]).
pub(crate) type ExactNumbers = HashMap<String, HashMap<(u32, u32), String>>;

/// The numeric cells written with more digits than a float keeps (`12345678901234567` yen
/// reads as 12345678901234568; Excel itself keeps 15, but a program writing the workbook may
/// write more), by sheet, with their text as written: read as that, not changed by a digit
/// without a word. Each sheet's XML is read again, and parsed only when a `<v>` of 16 digits
/// or more is in it.
pub(crate) fn exact_numbers(bytes: &[u8]) -> ExactNumbers {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return ExactNumbers::new();
    };
    let mut out = ExactNumbers::new();
    each_sheet(
        &mut zip,
        |_| true,
        |name, xml| {
            if has_long_value(&xml) {
                let cells = long_numbers(&xml);
                if !cells.is_empty() {
                    out.insert(name, cells);
                }
            }
        },
    );
    out
}

/// Whether a `<v>` of the sheet holds 16 digits or more.
fn has_long_value(xml: &[u8]) -> bool {
    xml.windows(3).enumerate().any(|(k, w)| {
        w == b"<v>"
            && xml[k + 3..]
                .iter()
                .take_while(|&&b| b != b'<')
                .filter(|b| b.is_ascii_digit())
                .count()
                > 15
    })
}

/// The numeric cells of a sheet whose written value a float changes.
fn long_numbers(xml: &[u8]) -> HashMap<(u32, u32), String> {
    let mut out = HashMap::new();
    // The numeric cell being read, and whether its value is being read.
    let mut cell: Option<(u32, u32)> = None;
    let mut in_value = false;
    each_cell_event(xml, |event, place| {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => {
                    let numeric = attr(e, "t").is_none_or(|t| t == "n");
                    cell = place.filter(|_| numeric);
                }
                "v" => in_value = cell.is_some(),
                _ => {}
            },
            Event::Text(t) if in_value => {
                let written = t.xml10_content();
                let written = written.trim();
                if let (Some(at), Ok(value)) = (cell, written.parse::<f64>())
                    && let Some(exact) = super::sheet::exact_number(written, value)
                {
                    out.insert(at, exact);
                    // The reader refuses a sheet of more cells: none is kept past that.
                    if out.len() >= crate::model::bounds::MAX_CELLS {
                        return false;
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "v" => in_value = false,
            _ => {}
        }
        true
    });
    out
}

/// A number as a cell formatted as a percentage shows it: 0.12345 is `12.345%` (to a
/// millionth, trailing zeros dropped).
pub(crate) fn as_percent(value: f64) -> String {
    let text = format!("{:.6}", value * 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    format!("{text}%")
}

fn part<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    file.read_to_end(&mut out).ok()?;
    Some(out)
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Calls `f` with each element start (and empty element) of `xml`, until the end or an error.
fn each_element(xml: &[u8], mut f: impl FnMut(&BytesStart)) {
    let mut reader = Reader::from_reader(BufReader::new(xml));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => f(&e),
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// (0-based row, 0-based column) → the number format code, of the numeric cells whose format
/// shows more than their digits (a unit, a scale: [`super::number_format`]), by sheet name.
pub(crate) type FormattedCells = HashMap<String, HashMap<(u32, u32), String>>;

/// The numeric cells whose format writes a unit or a scale, in each sheet; empty when the
/// workbook has no such format.
pub(crate) fn formatted_cells(bytes: &[u8]) -> FormattedCells {
    numeric_cells_styled(bytes, |codes, xfs| {
        (0..)
            .zip(xfs)
            .filter_map(|(k, id)| Some((k, codes.get(id)?.clone())))
            .filter(|(_, code)| super::number_format::says_more_than_digits(code))
            .collect()
    })
}

/// The custom number formats by id, and each cell format's (`cellXfs`) number format id.
fn cell_formats(styles: &[u8]) -> (HashMap<u32, String>, Vec<u32>) {
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut xfs: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    let mut reader = Reader::from_reader(BufReader::new(styles));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode"))
                        && let Ok(id) = id.parse()
                    {
                        codes.insert(id, code);
                    }
                }
                "xf" if in_cell_xfs => {
                    xfs.push(
                        attr(&e, "numFmtId")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0),
                    );
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    (codes, xfs)
}

/// Whether a number format code shows a percentage: a `%` outside quotes and not escaped.
pub(crate) fn code_shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// Each sheet's name and its part's path in the package, from the workbook and its
/// relationships.
fn sheet_parts<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Vec<(String, String)> {
    let mut targets: HashMap<String, String> = HashMap::new();
    if let Some(rels) = part(zip, "xl/_rels/workbook.xml.rels") {
        each_element(&rels, |e| {
            if e.local_name().as_ref() == "Relationship"
                && let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target"))
            {
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                };
                targets.insert(id, path);
            }
        });
    }
    let mut out = Vec::new();
    if let Some(book) = part(zip, "xl/workbook.xml") {
        each_element(&book, |e| {
            if e.local_name().as_ref() == "sheet"
                && let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "id"))
                && let Some(target) = targets.get(&id)
            {
                out.push((name, target.clone()));
            }
        });
    }
    out
}

/// Calls `f` with each event of a sheet's XML and the place of the cell it stands in (None
/// outside a cell), until `f` says stop, the end or an error. Cells are placed as calamine
/// places them, so that what is found here is said of the value it read: a cell's `r` when
/// written, else the column after the previous cell's in the row being read; a row's `r`
/// when written, else the row after the previous one (some programs write neither).
fn each_cell_event(xml: &[u8], mut f: impl FnMut(&Event, Option<(u32, u32)>) -> bool) {
    let mut reader = Reader::from_reader(BufReader::new(xml));
    // As calamine reads a sheet: `<c/>` is a cell and `<row/>` a row.
    reader.config_mut().expand_empty_elements = true;
    let mut buf = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut place: Option<(u32, u32)> = None;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return,
            Ok(event) => event,
        };
        match &event {
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                if let Some(r) = attr(e, "r").and_then(|r| r.trim().parse::<u32>().ok()) {
                    row = r.saturating_sub(1);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                row = row.saturating_add(1);
                col = 0;
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                place = Some(match attr(e, "r").and_then(|r| cell_position(&r)) {
                    Some((r, c)) => {
                        col = c;
                        (r, c)
                    }
                    None => (row, col),
                });
            }
            _ => {}
        }
        if !f(&event, place) {
            return;
        }
        if let Event::End(e) = &event
            && e.local_name().as_ref() == "c"
        {
            place = None;
            col = col.saturating_add(1);
        }
    }
}

/// `E6` is (5, 4): 0-based row and column.
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let letters = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .count();
    let (col, row) = reference.split_at(letters);
    let col = col.chars().try_fold(0u32, |n, c| {
        n.checked_mul(26)?
            .checked_add(u32::from(c.to_ascii_uppercase() as u8 - b'A') + 1)
    })?;
    let row: u32 = row.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_format_codes() {
        assert_eq!(cell_position("E6"), Some((5, 4)));
        assert_eq!(cell_position("AA10"), Some((9, 26)));
        assert_eq!(cell_position("A0"), None);
        assert!(code_shows_percent("0.000%"));
        assert!(!code_shows_percent(r#"0"%""#));
        assert!(!code_shows_percent(r"0\%"));
        assert_eq!(as_percent(0.12345), "12.345%");
        assert_eq!(as_percent(1.5), "150%");
        assert_eq!(as_percent(-0.024), "-2.4%");
    }
}

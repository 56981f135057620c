//! Merged cells of an ODS workbook, which calamine does not give: read from `content.xml`
//! (`table:number-columns-spanned` / `table:number-rows-spanned` on a cell), so that a stage
//! merged over several years reads as one stage from LibreOffice too.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::Dimensions;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The merged regions of each sheet, by sheet name. A package it cannot read gives none: the
/// cells are still read by calamine, merged stages then read year by year.
pub fn merged_regions(bytes: &[u8]) -> HashMap<String, Vec<Dimensions>> {
    let mut out = HashMap::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let mut xml = String::new();
    match zip.by_name("content.xml") {
        Ok(mut file) => {
            if file.read_to_string(&mut xml).is_err() {
                return out;
            }
        }
        Err(_) => return out,
    }
    let mut reader = Reader::from_str(&xml);
    let mut sheet: Option<String> = None;
    let mut row: u32 = 0;
    let mut col: u32 = 0;
    let mut row_repeat: u32 = 1;
    // Rows and cells of a table nested in a cell are not the sheet's.
    let mut depth = 0usize;
    loop {
        let (event, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.name().as_ref() {
                    "table:table" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            sheet = None;
                        }
                    }
                    "table:table-row" if depth == 1 => row = row.saturating_add(row_repeat),
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => continue,
        };
        match event.name().as_ref() {
            "table:table" if !empty => {
                depth += 1;
                if depth == 1 {
                    sheet = attribute(&event, "table:name");
                    row = 0;
                }
            }
            "table:table-row" if depth == 1 => {
                col = 0;
                let repeated = number(&event, "table:number-rows-repeated").unwrap_or(1);
                // A repeated row's merges are read for the first of its copies: LibreOffice
                // repeats blank rows, not merged ones.
                if empty {
                    row = row.saturating_add(repeated);
                } else {
                    row_repeat = repeated;
                }
            }
            "table:table-cell" | "table:covered-table-cell" if depth == 1 => {
                let repeated = number(&event, "table:number-columns-repeated").unwrap_or(1);
                let across = number(&event, "table:number-columns-spanned").unwrap_or(1);
                let down = number(&event, "table:number-rows-spanned").unwrap_or(1);
                if (across > 1 || down > 1)
                    && let Some(name) = &sheet
                {
                    out.entry(name.clone())
                        .or_insert_with(Vec::new)
                        .push(Dimensions {
                            start: (row, col),
                            end: (row.saturating_add(down - 1), col.saturating_add(across - 1)),
                        });
                }
                col = col.saturating_add(repeated);
            }
            _ => {}
        }
    }
    out
}

fn attribute(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn number(e: &BytesStart, key: &str) -> Option<u32> {
    attribute(e, key)?.parse().ok().filter(|&n| n >= 1)
}

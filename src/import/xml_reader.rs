//! The XML of a workbook's parts read as calamine reads it. A reader stricter than calamine's
//! stops at what calamine passes over: one stray `</b>` before `<sst uniqueCount>` hid the count
//! from the bounds, and calamine, reading on, asked for 103 GB; after `<sheetData>` it hid a
//! formula without a value, and the cell read as empty removed a division's results.

use std::io::{BufReader, Read};

use quick_xml::Reader;

/// A reader of `source` that, as calamine's, takes a closing tag naming another element and a
/// malformed comment in its stride.
pub(crate) fn reader<R: Read>(source: R) -> Reader<BufReader<R>> {
    let mut reader = Reader::from_reader(BufReader::new(source));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    reader
}

/// The character a reference in a text stands for (`&amp;`, `&#x8FFD;`), or the reference as
/// written when it stands for none (an unknown entity is kept, not dropped).
pub(crate) fn push_reference(text: &mut String, r: &quick_xml::events::BytesRef) {
    let name = r.as_ref().to_string();
    match quick_xml::escape::resolve_xml_entity(&name) {
        Some(c) => text.push_str(c),
        None => match r.resolve_char_ref() {
            Ok(Some(c)) => text.push(c),
            _ => text.push_str(&format!("&{name};")),
        },
    }
}

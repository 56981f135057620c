//! An XLSX or ODS package looked over before a reader opens it. calamine reads an XLSX's
//! shared strings, styles and sheets into memory as they unzip, and reserves room for as many
//! shared strings as `uniqueCount` declares: a 7 KB file declaring 4,294,967,295 of them
//! asked for 103 GB. So every part is unzipped once here, counted, not kept: the package as a
//! whole must unzip to [`MAX_UNZIPPED_BYTES`] at most (a zip bomb stops there), and
//! `sharedStrings.xml` may declare [`MAX_SHARED_STRINGS`] at most. A package this cannot read
//! is left to the reader, which says what is wrong with it.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::sheet::too_large;
use crate::model::bounds::{
    Excess, MAX_CELLS_WRITTEN, MAX_SHARED_STRINGS, MAX_SHEETS, MAX_STYLES, MAX_STYLES_BYTES,
    MAX_UNZIPPED_BYTES,
};
use crate::model::diag::{ImportError, Location};

/// Refuses a package beyond the bounds; `format` names it in the refusal.
pub(crate) fn check_package(bytes: &[u8], format: &'static str) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let book = workbook_part(&mut zip);
    let (mut total, mut cells) = (0u64, 0u64);
    for k in 0..zip.len() {
        let Ok(mut part) = zip.by_index(k) else {
            continue;
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let room = MAX_UNZIPPED_BYTES - total;
        let mut counted = Counted {
            inner: (&mut part).take(room + 1),
            bytes: 0,
        };
        // As the reader finds parts: in any case, `\` for `/`, the styles beside whichever
        // workbook the package names (a moved or back-slashed `styles.xml` passed unchecked).
        let lower = part_key(&name);
        if lower.ends_with("sharedstrings.xml")
            && let Some(declared) = declared_strings(&mut counted)
            && declared > MAX_SHARED_STRINGS
        {
            return Err(too_large(
                format,
                Location::named(name),
                Excess::SharedStrings { declared },
            ));
        }
        if lower.ends_with("styles.xml")
            && (too_many_styles(&mut counted) || counted.bytes > MAX_STYLES_BYTES)
        {
            return Err(too_large(format, Location::named(name), Excess::Styles));
        }
        // A sheet is read once per time it is named: 2,000 sheets naming one part of 1 MB
        // were 2 GB of XML read for a 15 KB file. The workbook part is the one the package's
        // relationships name (`xl/book.xml` passed unchecked), its relationships beside it.
        let rels = [String::from("workbook.xml.rels"), format!("{book}.rels")];
        let books = [String::from("workbook.xml"), book.clone()];
        let repeated = if rels.iter().any(|r| lower.ends_with(r.as_str())) {
            repeats(&mut counted, "Relationship", "Target", |e| {
                attribute(e, "Type").is_some_and(|t| t.ends_with("sheet"))
            })
        } else if books.iter().any(|b| lower.ends_with(b.as_str())) {
            let (count, named_twice) = sheets_in_book(&mut counted);
            if count > MAX_SHEETS {
                return Err(too_large(format, Location::named(name), Excess::Sheets));
            }
            match named_twice {
                Some(Repeat::Name(sheet)) => {
                    let excess = Excess::SheetNamedTwice {
                        name: Box::new(sheet),
                    };
                    return Err(too_large(format, Location::named(name), excess));
                }
                Some(Repeat::Part) => true,
                None => false,
            }
        } else {
            false
        };
        if repeated {
            return Err(too_large(
                format,
                Location::named(name),
                Excess::SheetsShareData,
            ));
        }
        // A part that does not unzip is the reader's to report; what came out still counts.
        // One a check above read (in part) is read again for its cells: a sheet named
        // `workbook.xml` had none counted.
        let looked_at = counted.bytes > 0;
        if looked_at {
            let _ = std::io::copy(&mut counted, &mut std::io::sink());
        } else {
            cells += cells_written(&mut counted, MAX_CELLS_WRITTEN - cells);
        }
        total += counted.bytes;
        drop(part);
        if looked_at && let Ok(again) = zip.by_index(k) {
            cells += cells_written(&mut again.take(room + 1), MAX_CELLS_WRITTEN - cells);
        }
        if total > MAX_UNZIPPED_BYTES {
            return Err(too_large(format, Location::named(name), Excess::Unzipped));
        }
        if cells > MAX_CELLS_WRITTEN {
            return Err(too_large(
                format,
                Location::named(name),
                Excess::CellsWritten,
            ));
        }
    }
    Ok(())
}

/// The cells (`<c …>`, `<c/>`, `<c>`, with a prefix `<x:c …>` too; not `<c:chart>`) written in
/// what is left of a part, read to its end (or to where it does not unzip), or until more than
/// `room` are found (the package is refused: the rest need not be unzipped).
fn cells_written(part: &mut impl Read, room: u64) -> u64 {
    // A `<` is looked at with the bytes after it: one too near a chunk's end waits for the
    // next chunk.
    const AHEAD: usize = 40;
    let mut buf = vec![0u8; (1 << 16) + AHEAD];
    let (mut carried, mut count) = (0usize, 0u64);
    loop {
        let (end, last) = match part.read(&mut buf[carried..]) {
            Ok(0) | Err(_) => (carried, true),
            Ok(n) => (carried + n, false),
        };
        let limit = if last { end } else { end.saturating_sub(AHEAD) };
        for at in memchr::memchr_iter(b'<', &buf[..limit]) {
            count += u64::from(is_cell(&buf[at + 1..end]));
        }
        if last || count > room {
            return count;
        }
        buf.copy_within(limit..end, 0);
        carried = end - limit;
    }
}

/// Whether the bytes after a `<` start a cell element: `c`, or `c` after a prefix and `:`,
/// then a space, `/` or `>`.
fn is_cell(after: &[u8]) -> bool {
    let name_char = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    let prefix = (after.iter().take(32))
        .position(|&b| b == b':')
        .filter(|&p| after[..p].iter().all(name_char));
    let name = prefix.map_or(after, |p| &after[p + 1..]);
    name.first() == Some(&b'c')
        && name
            .get(1)
            .is_some_and(|b| matches!(b, b' ' | b'/' | b'>' | b'\t' | b'\r' | b'\n'))
}

/// A part's name or a relationship's target as the reader matches it: case ignored, `\` as
/// `/`, relative to the workbook's folder (`/xl/worksheets/Sheet1.xml` and
/// `worksheets/sheet1.xml` are one part).
fn part_key(name: &str) -> String {
    let key = name.to_lowercase().replace('\\', "/");
    let key = key.trim_start_matches(['/', '.']).trim_start_matches('/');
    key.strip_prefix("xl/").unwrap_or(key).to_string()
}

/// Counts the bytes read through it.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// The `uniqueCount` of the shared-string table's `<sst>`, read from the start of the part.
fn declared_strings(part: &mut impl Read) -> Option<u64> {
    let mut reader = super::xml_reader::reader(part);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                return e
                    .attributes()
                    .flatten()
                    .filter(|a| a.key.as_ref() == "uniqueCount")
                    .filter_map(|a| a.value.trim().parse().ok())
                    .max();
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Calls `found` with each element start of the part until it answers true (then true); false
/// at the end, or where the part does not parse (that is the reader's to report).
fn any_element(
    part: &mut impl Read,
    mut found: impl FnMut(&quick_xml::events::BytesStart) -> bool,
) -> bool {
    let mut reader = super::xml_reader::reader(part);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if found(&e) => return true,
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

/// Whether the styles part holds more cell formats (`xf`) or number formats (`numFmt`) than
/// [`MAX_STYLES`] (counting stops there), read to its end otherwise.
fn too_many_styles(part: &mut impl Read) -> bool {
    let (mut xf, mut num_fmt) = (0u64, 0u64);
    any_element(part, |e| {
        let count = match e.local_name().as_ref() {
            "xf" => &mut xf,
            "numFmt" => &mut num_fmt,
            _ => return false,
        };
        *count += 1;
        *count > MAX_STYLES
    })
}

/// The file name of the workbook part the package's relationships (`_rels/.rels`) name, in
/// lower case, as calamine finds it; `workbook.xml` when they name none.
fn workbook_part<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> String {
    let mut target = None;
    if let Ok(part) = zip.by_name("_rels/.rels") {
        // Its size is the package's bound's; a relationships part is a few hundred bytes.
        // The last relationship of the kind is the one calamine follows (a decoy before it
        // named `xl/workbook.xml`).
        let _ = any_element(&mut part.take(1 << 20), |e| {
            if e.local_name().as_ref() == "Relationship"
                && attribute(e, "Type")
                    .is_some_and(|t| t.ends_with("/relationships/officeDocument"))
            {
                target = attribute(e, "Target");
            }
            false
        });
    }
    let target = target.unwrap_or_default().to_lowercase().replace('\\', "/");
    match target.rsplit('/').next() {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => "workbook.xml".into(),
    }
}

/// An attribute's value as the reader takes it: by its local name (`r:id` and `x:id` are
/// `id`), its references resolved (`&#83;` is `S`).
fn attribute(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    (e.attributes().flatten())
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| match quick_xml::escape::unescape(&a.value) {
            Ok(value) => value.into_owned(),
            Err(_) => a.value.to_string(),
        })
}

/// What a workbook part names twice.
enum Repeat {
    /// A sheet's data (its `r:id`): read once per time it is named.
    Part,
    /// A sheet's name: the reader finds a sheet by its name, and read the first one's data
    /// as many times as the name is written (30 sheets named alike, each the first's 30 MB,
    /// ran past 20 s).
    Name(String),
}

/// How many sheets the workbook part lists (counting stops past [`MAX_SHEETS`]), and what the
/// first sheet repeating another's name or data repeats.
fn sheets_in_book(part: &mut impl Read) -> (usize, Option<Repeat>) {
    let (mut names, mut parts) = (
        std::collections::HashSet::new(),
        std::collections::HashSet::new(),
    );
    let mut found = None;
    let mut count = 0usize;
    any_element(part, |e| {
        if e.local_name().as_ref() != "sheet" {
            return false;
        }
        count += 1;
        if count > MAX_SHEETS {
            return true;
        }
        if let Some(id) = attribute(e, "id")
            && !parts.insert(part_key(&id))
        {
            found = Some(Repeat::Part);
        } else if let Some(name) = attribute(e, "name")
            && !names.insert(name.clone())
        {
            found = Some(Repeat::Name(name));
        }
        found.is_some()
    });
    (count, found)
}

/// Whether a value of attribute `key` on elements `element` (those `counts` takes) is written
/// twice in the part (or more than [`MAX_SHEETS`] are: the caller counts them).
fn repeats(
    part: &mut impl Read,
    element: &str,
    key: &str,
    mut counts: impl FnMut(&quick_xml::events::BytesStart) -> bool,
) -> bool {
    let mut seen = std::collections::HashSet::new();
    any_element(part, |e| {
        if e.local_name().as_ref() != element || !counts(e) {
            return false;
        }
        // Past the most sheets read, the rest need not be looked at (the package is refused).
        if seen.len() > MAX_SHEETS {
            return true;
        }
        let value = attribute(e, key).map(|v| part_key(&v));
        value.is_some_and(|v| !seen.insert(v))
    })
}

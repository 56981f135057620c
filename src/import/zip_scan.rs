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
    Excess, MAX_SHARED_STRINGS, MAX_SHEETS, MAX_STYLES, MAX_STYLES_BYTES, MAX_UNZIPPED_BYTES,
};
use crate::model::diag::{ImportError, Location};

/// Refuses a package beyond the bounds; `format` names it in the refusal.
pub(crate) fn check_package(bytes: &[u8], format: &'static str) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
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
        // were 2 GB of XML read for a 15 KB file.
        let repeated = if lower.ends_with("workbook.xml") {
            let mut count = 0usize;
            let repeated = repeats(&mut counted, "sheet", "r:id", |_| {
                count += 1;
                true
            });
            if count > MAX_SHEETS {
                return Err(too_large(format, Location::named(name), Excess::Sheets));
            }
            repeated
        } else if lower.ends_with("workbook.xml.rels") {
            repeats(&mut counted, "Relationship", "Target", |e| {
                e.attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "Type" && a.value.ends_with("sheet"))
            })
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
        let _ = std::io::copy(&mut counted, &mut std::io::sink());
        total += counted.bytes;
        if total > MAX_UNZIPPED_BYTES {
            return Err(too_large(format, Location::named(name), Excess::Unzipped));
        }
    }
    Ok(())
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
        if e.name().as_ref() != element || !counts(e) {
            return false;
        }
        // Past the most sheets read, the rest need not be looked at (the package is refused).
        if seen.len() > MAX_SHEETS {
            return true;
        }
        let value = e
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .map(|a| part_key(&a.value));
        value.is_some_and(|v| !seen.insert(v))
    })
}

//! Cell references of an `.xlsx` sheet past what 32 bits count (`I4294967304`, a column of
//! seven letters or more). calamine reads a reference in 32-bit arithmetic, which wraps: such a
//! cell landed on a real one (I8) and replaced its text, where LibreOffice leaves the sheet as
//! it was. Each sheet's references are checked before calamine reads them; a sheet holding
//! one is refused as damaged, naming it.

use std::io::Cursor;

use quick_xml::events::Event;

use super::cell_xml::{attr_raw, each_sheet};

/// The first sheet of the workbook and the reference in it (as written, clipped) past what
/// 32 bits count, in a cell's `r` or a row's.
pub(crate) fn first_past_32_bits(bytes: &[u8]) -> Option<(String, String)> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return None;
    };
    let mut found = None;
    each_sheet(
        &mut zip,
        |_| true,
        |name, xml| {
            if found.is_some() || !may_hold_long_reference(&xml) {
                return;
            }
            let mut reader = super::xml_reader::reader(xml.as_slice());
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match reader.read_event_into(&mut buf) {
                    Ok(Event::Start(e) | Event::Empty(e))
                        if matches!(e.local_name().as_ref(), "c" | "row") =>
                    {
                        if let Some(r) = attr_raw(&e, "r")
                            && past_32_bits(&r)
                        {
                            found = Some((name, crate::model::text::clipped(&r, 40)));
                            return;
                        }
                    }
                    Ok(Event::Eof) | Err(_) => return,
                    _ => {}
                }
            }
        },
    );
    found
}

/// Whether an `r="…"` of seven characters or more is written: no shorter reference is past
/// 32 bits, and a sheet without one is not walked.
fn may_hold_long_reference(xml: &[u8]) -> bool {
    memchr::memmem::find_iter(xml, b" r=\"").any(|k| {
        let value = &xml[k + 4..];
        value.iter().take(8).take_while(|&&b| b != b'"').count() >= 7
    })
}

/// Whether a reference's column (its letters) or row (its digits) counts past `u32::MAX`, as
/// calamine counts them (A is 1, the row 1-based).
fn past_32_bits(reference: &str) -> bool {
    let (mut col, mut row) = (0u64, 0u64);
    let mut over = false;
    for b in reference.bytes() {
        let (n, base, digit) = match b {
            b'A'..=b'Z' => (&mut col, 26, u64::from(b - b'A') + 1),
            b'a'..=b'z' => (&mut col, 26, u64::from(b - b'a') + 1),
            b'0'..=b'9' => (&mut row, 10, u64::from(b - b'0')),
            _ => return false,
        };
        *n = n.saturating_mul(base).saturating_add(digit);
        over |= *n > u64::from(u32::MAX);
    }
    over
}

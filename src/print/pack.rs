//! Packs a finished PDF's small objects into compressed object streams (PDF 1.5, §7.5.7).
//!
//! krilla writes every object of the structure tree — one per table cell, row and drawn bar,
//! about 110,000 for 1,000 initiatives — as plain text beside the compressed page content:
//! 14 of a tagged printout's 20 MB. Packed a thousand to a stream and compressed, they take
//! about a sixth of that (2.2 MB). Streams (pages, fonts, metadata) are copied as they are. The document reads
//! the same in any reader of PDF 1.5 or later; krilla's output is PDF 1.7.
//!
//! Only the layout krilla (pdf-writer) writes is understood: one classic cross-reference
//! table, objects of generation 0, no encryption, no incremental update. Anything else is left
//! as it was (`None`).

use std::borrow::Cow;
use std::io::Write;

use rayon::prelude::*;

/// Objects per object stream: large enough to compress well, small enough to spread over
/// threads and for a reader to open one without inflating the whole tree.
const PER_STREAM: usize = 1000;

/// An object's number and its body (without `obj` … `endobj`).
type Numbered<'a> = (u32, Cow<'a, [u8]>);

/// The packed document, or `None` when `pdf` is not laid out as expected.
pub fn pack_objects(pdf: &[u8]) -> Option<Vec<u8>> {
    let xref_at = start_xref(pdf)?;
    let (offsets, trailer) = xref_table(pdf, xref_at)?;
    if trailer.windows(8).any(|w| w == b"/Encrypt") || trailer.windows(5).any(|w| w == b"/Prev") {
        return None;
    }
    // Each object runs from its offset to the next object's (or the table's).
    let mut order: Vec<(usize, u32)> = offsets
        .iter()
        .enumerate()
        .filter_map(|(n, at)| at.map(|at| (at, n as u32)))
        .collect();
    order.sort_unstable();
    let header_end = order.first()?.0;
    let mut plain: Vec<Numbered<'_>> = Vec::new();
    let mut streams: Vec<(u32, &[u8])> = Vec::new();
    for (k, &(at, number)) in order.iter().enumerate() {
        let end = order.get(k + 1).map_or(xref_at, |next| next.0);
        let whole = pdf.get(at..end)?;
        let head = format!("{number} 0 obj\n");
        let body = whole.strip_prefix(head.as_bytes())?;
        let body = trim_end(body).strip_suffix(b"endobj")?;
        if trim_end(body).ends_with(b"endstream") {
            streams.push((number, whole));
        } else {
            plain.push((number, without_false_suspects(trim_end(body))));
        }
    }
    plain.sort_unstable_by_key(|(n, _)| *n);
    let size = offsets.len() as u32;
    let chunks: Vec<&[Numbered<'_>]> = plain.chunks(PER_STREAM).collect();
    let packed: Vec<Vec<u8>> = chunks
        .par_iter()
        .enumerate()
        .map(|(k, chunk)| object_stream(size + k as u32, chunk))
        .collect::<Option<_>>()?;

    // Cross-reference entries: (type, field 2, field 3) per object number.
    let total = size as usize + packed.len() + 1;
    let mut entries: Vec<(u8, u32, u16)> = vec![(0, 0, 0); total];
    entries[0] = (0, 0, 0xffff);
    let mut out = Vec::with_capacity(pdf.len() / 3);
    out.extend_from_slice(&pdf[..header_end]);
    for (number, whole) in streams {
        entries[number as usize] = (1, u32::try_from(out.len()).ok()?, 0);
        out.extend_from_slice(whole);
    }
    for (k, chunk) in chunks.iter().enumerate() {
        let stream_number = size + k as u32;
        for (index, (number, _)) in chunk.iter().enumerate() {
            entries[*number as usize] = (2, stream_number, index as u16);
        }
        entries[stream_number as usize] = (1, u32::try_from(out.len()).ok()?, 0);
        out.extend_from_slice(&packed[k]);
    }
    let xref_number = total - 1;
    let xref_offset = out.len();
    entries[xref_number] = (1, u32::try_from(xref_offset).ok()?, 0);
    let mut table = Vec::with_capacity(entries.len() * 7);
    for (kind, second, third) in &entries {
        table.push(*kind);
        table.extend_from_slice(&second.to_be_bytes());
        table.extend_from_slice(&third.to_be_bytes());
    }
    let table = deflate(&table)?;
    write!(
        out,
        "{xref_number} 0 obj\n<</Type/XRef/Size {total}/W[1 4 2]/Filter/FlateDecode/Length {}",
        table.len(),
    )
    .ok()?;
    // The trailer's /Root, /Info and /ID, byte for byte.
    out.extend_from_slice(trailer_without_size(trailer)?);
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(&table);
    write!(
        out,
        "\nendstream\nendobj\n\nstartxref\n{xref_offset}\n%%EOF"
    )
    .ok()?;
    Some(out)
}

/// One object stream holding `objects`, as the indirect object `number`.
fn object_stream(number: u32, objects: &[Numbered<'_>]) -> Option<Vec<u8>> {
    let mut index = String::new();
    let mut data = Vec::new();
    for (n, body) in objects {
        index.push_str(&format!("{n} {} ", data.len()));
        data.extend_from_slice(body);
        data.push(b'\n');
    }
    let mut content = index.into_bytes();
    let first = content.len();
    content.extend_from_slice(&data);
    let compressed = deflate(&content)?;
    let mut out = Vec::with_capacity(compressed.len() + 100);
    write!(
        out,
        "{number} 0 obj\n<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
        objects.len(),
        compressed.len()
    )
    .ok()?;
    out.extend_from_slice(&compressed);
    out.extend_from_slice(b"\nendstream\nendobj\n\n");
    Some(out)
}

/// Level 2: the structure's text is so repetitive that zlib's default (6) made the 1,000-
/// initiative printout only 4 % smaller (8.0 against 8.35 MB) for 2.5 times the time (140
/// against 55 ms).
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
    e.write_all(data).ok()?;
    e.finish().ok()
}

/// The catalog's `/MarkInfo` without `/Suspects false`. False is the default, and poppler
/// (22.12, behind pdfinfo, pdftotext and Evince) reports a false value as a syntax error
/// ("Suspects object is wrong type (boolean)") on every tagged printout. Only the catalog is
/// touched: no text a user wrote is in it.
fn without_false_suspects(body: &[u8]) -> Cow<'_, [u8]> {
    const ENTRY: &[u8] = b"/Suspects false";
    let is_catalog = body.windows(13).any(|w| w == b"/Type/Catalog");
    match body.windows(ENTRY.len()).position(|w| w == ENTRY) {
        Some(at) if is_catalog => {
            let mut kept = body[..at].to_vec();
            kept.extend_from_slice(&body[at + ENTRY.len()..]);
            Cow::Owned(kept)
        }
        _ => Cow::Borrowed(body),
    }
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |k| k + 1);
    &bytes[..end]
}

/// The offset after the last `startxref`.
fn start_xref(pdf: &[u8]) -> Option<usize> {
    let tail = &pdf[pdf.len().saturating_sub(64)..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let digits: String = tail[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    digits.parse().ok()
}

/// Offsets of the objects in use (by number) and the trailer dictionary's inside.
type XrefTable<'a> = (Vec<Option<usize>>, &'a [u8]);

/// Reads a classic cross-reference table with a single subsection starting at object 0.
fn xref_table(pdf: &[u8], at: usize) -> Option<XrefTable<'_>> {
    let rest = pdf.get(at..)?.strip_prefix(b"xref\n")?;
    let line_end = rest.iter().position(|&b| b == b'\n')?;
    let first_line = std::str::from_utf8(&rest[..line_end]).ok()?;
    let (start, count) = first_line.trim().split_once(' ')?;
    if start != "0" {
        return None;
    }
    let count: usize = count.parse().ok()?;
    let entries = rest.get(line_end + 1..line_end + 1 + count * 20)?;
    let mut offsets = Vec::with_capacity(count);
    for entry in entries.chunks_exact(20) {
        let text = std::str::from_utf8(entry).ok()?;
        let offset: usize = text.get(0..10)?.parse().ok()?;
        let generation = text.get(11..16)?;
        offsets.push(match text.get(17..18)? {
            "n" if generation == "00000" => Some(offset),
            "n" => return None,
            _ => None,
        });
    }
    let after = &rest[line_end + 1 + count * 20..];
    let after = after.strip_prefix(b"trailer")?;
    let open = after.windows(2).position(|w| w == b"<<")?;
    let close = after.windows(9).position(|w| w == b"startxref")?;
    let dict = trim_end(after.get(open + 2..close)?);
    let dict = dict.strip_suffix(b">>")?;
    Some((offsets, dict))
}

/// The trailer's entries but `/Size`, which the cross-reference stream gives anew (pdf-writer
/// writes it first).
fn trailer_without_size(trailer: &[u8]) -> Option<&[u8]> {
    let rest = trailer.strip_prefix(b"/Size ")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    Some(&rest[digits..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_not_laid_out_as_krilla_writes_is_left_alone() {
        assert!(pack_objects(b"%PDF-1.4\nnot really").is_none());
        assert!(pack_objects(b"").is_none());
    }
}

//! Text encodings a desk PC hands us: UTF-8 (with or without BOM), UTF-16 with BOM, and CP932
//! (Shift_JIS) as Excel on a Japanese PC saves it. Detected, never asked.

use encoding_rs::{SHIFT_JIS, UTF_16BE, UTF_16LE};

use crate::model::diag::DecodeProblem;

/// The encoding a file was found to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Cp932,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Cp932 => "CP932 (Shift_JIS)",
        }
    }
}

/// Text of a CP932 table that was written in UTF-8, as it was read: the line it starts on
/// (1-based), the text, and what CP932 made of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utf8Stretch {
    pub line: usize,
    pub text: String,
    pub as_cp932: String,
}

/// Decodes the bytes of a report table. `Err` says why the bytes are not text we can read.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeProblem> {
    decode_said(bytes).map(|(text, encoding, _)| (text, encoding))
}

/// Decodes the bytes of a report table, with the stretches of a CP932 table written in UTF-8
/// (read as UTF-8, to be said).
pub fn decode_said(
    bytes: &[u8],
) -> Result<(String, TextEncoding, Vec<Utf8Stretch>), DecodeProblem> {
    let (text, encoding) = decode_whole(bytes)?;
    if encoding != TextEncoding::Cp932 {
        return Ok((text, encoding, Vec::new()));
    }
    let stretches = utf8_stretches(bytes);
    if stretches.is_empty() {
        return Ok((text, encoding, stretches));
    }
    Ok((mixed(bytes), encoding, stretches))
}

/// The bytes between the characters that never stand inside a CP932 character (its second
/// bytes are 0x40 and above): tabs, line ends, commas and quotes part a table's fields.
fn fields(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let parts = |b: &u8| matches!(b, b'\t' | b'\n' | b'\r' | b',' | b'"');
    let mut at = 0;
    bytes.split(parts).map(move |field| {
        let start = at;
        at += field.len() + 1;
        (start, field)
    })
}

/// Whether a field's bytes are Japanese written in UTF-8: valid UTF-8 of two or more
/// characters, each outside ASCII a kana, a kanji or a full-width form, at least one taking
/// three bytes. CP932 text is such UTF-8 by chance only for a character or so.
fn is_utf8_japanese(field: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(field) else {
        return false;
    };
    let wide: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    wide.len() >= 2
        && wide.iter().all(|&c| {
            matches!(c, '\u{3000}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
        })
}

/// Each field of the CP932 bytes written in UTF-8, at most [`MAX_WARNINGS`] of them: all are
/// read as UTF-8 ([`mixed`]), these first ones said.
fn utf8_stretches(bytes: &[u8]) -> Vec<Utf8Stretch> {
    use crate::model::bounds::MAX_WARNINGS;
    let (mut out, mut line, mut counted) = (Vec::new(), 1, 0);
    for (at, field) in fields(bytes).filter(|(_, f)| is_utf8_japanese(f)) {
        if out.len() == MAX_WARNINGS {
            break;
        }
        // Lines counted from where the last field was: once through the file.
        line += bytes[counted..at].iter().filter(|&&b| b == b'\n').count();
        counted = at;
        out.push(Utf8Stretch {
            line,
            text: String::from_utf8_lossy(field).into_owned(),
            as_cp932: SHIFT_JIS.decode_without_bom_handling(field).0.into_owned(),
        });
    }
    out
}

/// The CP932 bytes read field by field, each written in UTF-8 read as UTF-8.
fn mixed(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    for (at, field) in fields(bytes) {
        match is_utf8_japanese(field) {
            true => out.push_str(&String::from_utf8_lossy(field)),
            false => out.push_str(&SHIFT_JIS.decode_without_bom_handling(field).0),
        }
        if let Some(&part) = bytes.get(at + field.len()) {
            out.push(char::from(part));
        }
    }
    out
}

fn decode_whole(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeProblem> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), TextEncoding::Utf8Bom))
            .map_err(|e| DecodeProblem::BadUtf8AfterBom {
                byte: e.valid_up_to() + 3,
            });
    }
    for (bom, enc, kind) in [
        (&b"\xFF\xFE"[..], UTF_16LE, TextEncoding::Utf16Le),
        (&b"\xFE\xFF"[..], UTF_16BE, TextEncoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            if rest.len() % 2 != 0 {
                return Err(DecodeProblem::OddUtf16 {
                    encoding: kind.name(),
                });
            }
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                let units = rest.chunks_exact(2).map(|p| match kind {
                    TextEncoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
                    _ => u16::from_le_bytes([p[0], p[1]]),
                });
                let (line, unit) = first_lone_surrogate(units);
                return Err(DecodeProblem::BadUtf16 {
                    encoding: kind.name(),
                    line,
                    byte: bom.len() + 2 * unit + 1,
                });
            }
            return Ok((text.into_owned(), kind));
        }
    }
    let utf8_stops = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((s.to_string(), TextEncoding::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    let (text, had_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        // Where each reading stops: a UTF-8 table with one cell saved as CP932 stops as UTF-8
        // at that cell, and as CP932 lines before it.
        let line = |at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let at = cp932_stops_at(bytes);
        return Err(DecodeProblem::Unknown {
            utf8: (line(utf8_stops), utf8_stops + 1),
            cp932: (line(at), at + 1),
        });
    }
    Ok((text.into_owned(), TextEncoding::Cp932))
}

/// The line (1-based) and the index of the first UTF-16 unit that is half a pair with no
/// other half.
fn first_lone_surrogate(units: impl Iterator<Item = u16>) -> (usize, usize) {
    let (mut line, mut high) = (1, None);
    for (k, u) in units.enumerate() {
        match u {
            0xD800..=0xDBFF if high.is_none() => high = Some(k),
            0xDC00..=0xDFFF if high.is_some() => high = None,
            0xD800..=0xDFFF => return (line, high.unwrap_or(k)),
            _ if high.is_some() => return (line, high.unwrap_or(k)),
            0x0A => line += 1,
            _ => {}
        }
    }
    (line, high.unwrap_or(0))
}

/// The index of the first byte CP932 cannot read.
fn cp932_stops_at(bytes: &[u8]) -> usize {
    let mut decoder = SHIFT_JIS.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3);
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::Malformed(bad, extra), read) => {
            read.saturating_sub(bad as usize + extra as usize)
        }
        _ => bytes.len(),
    }
}

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

/// Decodes the bytes of a report table. `Err` says why the bytes are not text we can read.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeProblem> {
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

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
                return Err(DecodeProblem::BadUtf16 {
                    encoding: kind.name(),
                });
            }
            return Ok((text.into_owned(), kind));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), TextEncoding::Utf8));
    }
    let (text, had_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeProblem::Unknown);
    }
    Ok((text.into_owned(), TextEncoding::Cp932))
}

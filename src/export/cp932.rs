//! CP932 (Windows Shift_JIS) as Japanese Windows users know it. Several characters have two
//! Unicode forms: the one a Mac, a PDF or JIS X 0208 gives (`〜` U+301C, the way `4月〜9月` is
//! often typed) and the one Windows decodes CP932 to (`～` U+FF5E). Both are the same
//! character to the user, and CP932 has a code only for the Windows form; writing the other as
//! that code is what every Windows program does (the export says which it wrote so). Reading
//! the file back gives the Windows form. A character with no code at all the report table
//! writes as a character reference (`&#134071;`, read back as the character); a CSV, which
//! has no such thing, refuses it, naming it and where it is.

/// (as typed, as Windows has it): CP932 writes the first as the code of the second. The last
/// two are Shift_JIS's own: its 0x5C and 0x7E are the yen sign and the overline on a Japanese
/// PC, and read back as `\` and `~`.
pub const WINDOWS_FORMS: [(char, char); 10] = [
    ('\u{301C}', '\u{FF5E}'), // 〜 WAVE DASH → ～ 0x8160
    ('\u{2016}', '\u{2225}'), // ‖ DOUBLE VERTICAL LINE → ∥ 0x8161
    ('\u{2212}', '\u{FF0D}'), // − MINUS SIGN → － 0x817C
    ('\u{00A2}', '\u{FFE0}'), // ¢ CENT SIGN → ￠ 0x8191
    ('\u{00A3}', '\u{FFE1}'), // £ POUND SIGN → ￡ 0x8192
    ('\u{00AC}', '\u{FFE2}'), // ¬ NOT SIGN → ￢ 0x81CA
    ('\u{2014}', '\u{2015}'), // — EM DASH → ― 0x815C
    ('\u{00A6}', '\u{FFE4}'), // ¦ BROKEN BAR → ￤ 0xFA55
    ('\u{00A5}', '\\'),       // ¥ YEN SIGN → \ 0x5C
    ('\u{203E}', '~'),        // ‾ OVERLINE → ~ 0x7E
];

/// The form CP932 has a code for.
pub fn windows_form(c: char) -> char {
    // A match rather than a search of the table: every character of an export comes here.
    match c {
        '\u{301C}' => '\u{FF5E}',
        '\u{2016}' => '\u{2225}',
        '\u{2212}' => '\u{FF0D}',
        '\u{00A2}' => '\u{FFE0}',
        '\u{00A3}' => '\u{FFE1}',
        '\u{00AC}' => '\u{FFE2}',
        '\u{2014}' => '\u{2015}',
        '\u{00A6}' => '\u{FFE4}',
        '\u{00A5}' => '\\',
        '\u{203E}' => '~',
        c => c,
    }
}

/// The characters of a text CP932 has no code for, each once, in the order they first appear
/// (one pass of the encoder, which stops at each).
fn unmappable(text: &str) -> Vec<char> {
    let mut encoder = encoding_rs::SHIFT_JIS.new_encoder();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut rest = text;
    let mut missing: Vec<char> = Vec::new();
    loop {
        let (result, read, _) =
            encoder.encode_from_utf8_without_replacement(rest, &mut buffer, true);
        rest = &rest[read..];
        match result {
            encoding_rs::EncoderResult::Unmappable(c) => {
                if !missing.contains(&c) {
                    missing.push(c);
                }
            }
            encoding_rs::EncoderResult::OutputFull => {}
            encoding_rs::EncoderResult::InputEmpty => return missing,
        }
    }
}

/// The text in CP932, or the characters it has no code for, each once, in the order they
/// first appear.
pub fn encode(text: &str) -> Result<Vec<u8>, Vec<char>> {
    match with_references(text) {
        (bytes, missing) if missing.is_empty() => Ok(bytes),
        (_, missing) => Err(missing),
    }
}

/// The text in CP932, each character it has no code for (its Windows form neither) written as
/// a decimal character reference (`&#134071;`, as the encoder writes it), and those characters:
/// the report table reads references as text, so nothing is lost.
pub fn with_references(text: &str) -> (Vec<u8>, Vec<char>) {
    let windows: String = text.chars().map(windows_form).collect();
    let (bytes, _, had_unmappable) = encoding_rs::SHIFT_JIS.encode(&windows);
    let missing = if had_unmappable {
        unmappable(&windows)
    } else {
        Vec::new()
    };
    (bytes.into_owned(), missing)
}

/// The characters of the text that CP932 writes as their Windows form (`〜` as `～`), each once.
pub fn typed_forms_in(text: &str) -> Vec<char> {
    WINDOWS_FORMS
        .iter()
        .map(|(typed, _)| *typed)
        .filter(|typed| text.contains(*typed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_windows_forms_are_the_table() {
        for (typed, windows) in WINDOWS_FORMS {
            assert_eq!(windows_form(typed), windows);
        }
        assert_eq!(windows_form('あ'), 'あ');
    }

    #[test]
    fn what_cp932_has_no_code_for_is_a_reference_named_once() {
        let (bytes, missing) = with_references("𠮷野家😀と𠮷");
        let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&bytes);
        assert_eq!(text, "&#134071;野家&#128512;と&#134071;");
        assert_eq!(missing, ['𠮷', '😀']);
        assert_eq!(
            encode("野家"),
            Ok(encoding_rs::SHIFT_JIS.encode("野家").0.into_owned())
        );
    }
}

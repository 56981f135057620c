//! CP932 (Windows Shift_JIS) as Japanese Windows users know it. Several characters have two
//! Unicode forms: the one a Mac, a PDF or JIS X 0208 gives (`〜` U+301C, the way `4月〜9月` is
//! often typed) and the one Windows decodes CP932 to (`～` U+FF5E). Both are the same
//! character to the user, and CP932 has a code only for the Windows form; writing the other as
//! that code is what every Windows program does. Only a character with no code at all is
//! refused. Reading the file back gives the Windows form.

/// (as typed, as Windows has it): CP932 writes the first as the code of the second.
pub const WINDOWS_FORMS: [(char, char); 8] = [
    ('\u{301C}', '\u{FF5E}'), // 〜 WAVE DASH → ～ 0x8160
    ('\u{2016}', '\u{2225}'), // ‖ DOUBLE VERTICAL LINE → ∥ 0x8161
    ('\u{2212}', '\u{FF0D}'), // − MINUS SIGN → － 0x817C
    ('\u{00A2}', '\u{FFE0}'), // ¢ CENT SIGN → ￠ 0x8191
    ('\u{00A3}', '\u{FFE1}'), // £ POUND SIGN → ￡ 0x8192
    ('\u{00AC}', '\u{FFE2}'), // ¬ NOT SIGN → ￢ 0x81CA
    ('\u{2014}', '\u{2015}'), // — EM DASH → ― 0x815C
    ('\u{00A6}', '\u{FFE4}'), // ¦ BROKEN BAR → ￤ 0xFA55
];

/// The form CP932 has a code for.
pub fn windows_form(c: char) -> char {
    WINDOWS_FORMS
        .iter()
        .find(|(typed, _)| *typed == c)
        .map_or(c, |(_, windows)| *windows)
}

fn encodable(c: char) -> bool {
    let mut buf = [0u8; 4];
    let (_, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf));
    !unmappable
}

/// The text in CP932, or the characters it has no code for, each once, in the order they
/// first appear.
pub fn encode(text: &str) -> Result<Vec<u8>, Vec<char>> {
    let windows: String = text.chars().map(windows_form).collect();
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&windows);
    if !unmappable {
        return Ok(bytes.into_owned());
    }
    let mut missing: Vec<char> = Vec::new();
    for c in windows.chars() {
        if !missing.contains(&c) && !encodable(c) {
            missing.push(c);
        }
    }
    Err(missing)
}

//! The bundled BIZ UDPGothic (SIL OFL 1.1, assets/fonts/OFL.txt): the window and the printouts
//! draw Japanese with it, whatever fonts the PC has.

// Statics, not consts: a const is copied into every place that uses it, and the window, the
// text measure and the PDF writer each got their own 9.3 MB of the two faces (the release
// binary held each font three times: 28 MB of its 58 MB stripped).
pub static REGULAR: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf");
pub static BOLD: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Bold.ttf");

/// Whether the bundled face has a glyph for `c`. The window and the printouts draw with it
/// alone, so a character it lacks (𠮷, an emoji) shows as a box: such text is kept as written
/// and warned about (`model::check`). Both faces cover the same characters.
pub fn has_glyph(c: char) -> bool {
    static COVERED: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let bits = COVERED.get_or_init(covered_characters);
    let n = c as usize;
    bits.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0)
}

/// A bit per code point the regular face maps to a glyph, read once from its cmap.
fn covered_characters() -> Vec<u64> {
    let mut bits = vec![0u64; 0x11_0000 / 64];
    let Ok(face) = ttf_parser::Face::parse(REGULAR, 0) else {
        return bits;
    };
    let Some(cmap) = face.tables().cmap else {
        return bits;
    };
    for table in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
        table.codepoints(|cp| {
            let n = cp as usize;
            if n < 0x11_0000 && table.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                bits[n / 64] |= 1 << (n % 64);
            }
        });
    }
    bits
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_face_covers_japanese_and_not_what_it_lacks() {
        for c in "進捗状況の確認（4月～9月）ＡＢ１２①髙﨑ー・「」、。 a-Z".chars()
        {
            assert!(super::has_glyph(c), "{c}");
        }
        for c in ['𠮷', '✅', '\u{1F600}'] {
            assert!(!super::has_glyph(c), "{c}");
        }
    }
}

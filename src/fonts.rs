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

/// A bit per code point the regular face maps to a glyph, read once from its cmap: from its
/// format-12 subtable where it has one (groups of code points mapped to consecutive glyphs,
/// read without a lookup per code point: about 1 ms less on every report opened), else from
/// each Unicode subtable, looking every code point up.
fn covered_characters() -> Vec<u64> {
    use ttf_parser::cmap::Format;
    let mut bits = vec![0u64; 0x11_0000 / 64];
    let Ok(face) = ttf_parser::Face::parse(REGULAR, 0) else {
        return bits;
    };
    let Some(cmap) = face.tables().cmap else {
        return bits;
    };
    let mut set = |cp: u32| {
        let n = cp as usize;
        if n < 0x11_0000 {
            bits[n / 64] |= 1 << (n % 64);
        }
    };
    let unicode = || cmap.subtables.into_iter().filter(|t| t.is_unicode());
    if let Some(Format::SegmentedCoverage(table)) = unicode()
        .map(|t| t.format)
        .find(|f| matches!(f, Format::SegmentedCoverage(_)))
    {
        table.codepoints(&mut set);
    } else {
        for table in unicode() {
            table.codepoints(|cp| {
                if table.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                    set(cp);
                }
            });
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    /// The quick read of the format-12 groups gives what a lookup of every code point of every
    /// Unicode subtable gives.
    #[test]
    fn the_covered_set_is_what_looking_each_code_point_up_gives() {
        let face = ttf_parser::Face::parse(super::REGULAR, 0).unwrap();
        let cmap = face.tables().cmap.unwrap();
        let mut looked_up = vec![0u64; 0x11_0000 / 64];
        for table in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
            table.codepoints(|cp| {
                if table.glyph_index(cp).is_some_and(|g| g.0 != 0) {
                    looked_up[cp as usize / 64] |= 1 << (cp % 64);
                }
            });
        }
        let ones = |bits: &[u64]| bits.iter().map(|w| w.count_ones()).sum::<u32>();
        assert!(ones(&looked_up) > 11_000, "{}", ones(&looked_up));
        assert!(super::covered_characters() == looked_up);
    }

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

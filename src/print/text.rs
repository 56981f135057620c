//! Measuring and wrapping text with the bundled font, the way Japanese wraps: between any two
//! characters, except that no line starts with closing punctuation (、。」）…) and none ends
//! with an opening bracket; runs of Latin letters and digits stay together.

use std::sync::OnceLock;

use crate::model::text::visible;
use std::sync::atomic::{AtomicU32, Ordering};

/// Advance widths of the bundled regular and bold faces, in em.
pub struct TextMeasure {
    regular: Face,
    bold: Face,
}

/// A face and what it has said about the characters of the Basic Multilingual Plane: the
/// character map is looked up once per character, not once per character printed (those
/// lookups were a twentieth of a 1,000-initiative print).
struct Face {
    face: ttf_parser::Face<'static>,
    /// Per BMP character: `UNKNOWN`, or the glyph (high 16 bits, 0 when the face lacks
    /// it) and its advance in font units (low 16 bits).
    seen: Box<[AtomicU32]>,
}

const UNKNOWN: u32 = u32::MAX;

impl Face {
    fn new(data: &'static [u8], which: &str) -> Face {
        Face {
            face: ttf_parser::Face::parse(data, 0)
                .unwrap_or_else(|_| panic!("the bundled {which} font parses")),
            seen: (0..=u16::MAX).map(|_| AtomicU32::new(UNKNOWN)).collect(),
        }
    }

    fn em(&self) -> f32 {
        self.face.units_per_em() as f32
    }

    /// The glyph (0 when the face lacks it) and its advance in font units.
    fn glyph(&self, c: char) -> (u16, u16) {
        let look_up = || {
            let glyph = self.face.glyph_index(c);
            let advance = glyph
                .and_then(|g| self.face.glyph_hor_advance(g))
                .unwrap_or(self.face.units_per_em());
            (glyph.map_or(0, |g| g.0), advance)
        };
        let Some(slot) = self.seen.get(c as usize) else {
            return look_up();
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let (glyph, advance) = look_up();
                let packed = (u32::from(glyph) << 16) | u32::from(advance);
                // Glyph 65535 of advance 65535 would read as UNKNOWN: looked up every time.
                if packed != UNKNOWN {
                    slot.store(packed, Ordering::Relaxed);
                }
                (glyph, advance)
            }
            packed => ((packed >> 16) as u16, packed as u16),
        }
    }
}

impl TextMeasure {
    pub fn get() -> &'static TextMeasure {
        static MEASURE: OnceLock<TextMeasure> = OnceLock::new();
        MEASURE.get_or_init(|| TextMeasure {
            regular: Face::new(crate::fonts::REGULAR, "regular"),
            bold: Face::new(crate::fonts::BOLD, "bold"),
        })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// Whether the regular face has a glyph for the character (the PDF/UA check refuses a
    /// text holding one it has not).
    pub fn has_glyph(&self, c: char) -> bool {
        self.regular.glyph(c).0 != 0
    }

    /// Width of one character at `size` points.
    pub fn char_width(&self, c: char, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        f32::from(face.glyph(c).1) / face.em() * size
    }

    /// Each character's glyph in the bundled face, its advance in em and its byte range: what
    /// the PDF draws. Japanese needs no shaping (no ligatures or kerning in the grid's text),
    /// and drawing with the advances measured here keeps the PDF exactly as wrapped.
    pub fn glyphs(&self, text: &str, bold: bool) -> Vec<(u16, f32, std::ops::Range<usize>)> {
        let face = self.face(bold);
        let em = face.em();
        text.char_indices()
            .map(|(at, c)| {
                let (glyph, advance) = face.glyph(c);
                (glyph, f32::from(advance) / em, at..at + c.len_utf8())
            })
            .collect()
    }

    /// The width of the text as printed: a character that does not show is printed as its
    /// mark (`<TAB U+0009>`, see [`visible`]), here and in [`TextMeasure::wrap`] and
    /// [`TextMeasure::ellipsize`], and [`super::paint`] draws it so.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        visible(text)
            .chars()
            .map(|c| self.char_width(c, size, bold))
            .sum()
    }

    /// Lines of at most `max_width` points (a line of one unbreakable unit may be wider).
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
        let text = visible(text);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, size, bold, max_width, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(&self, text: &str, size: f32, bold: bool, max: f32, out: &mut Vec<String>) {
        let mut line = String::new();
        let mut width = 0.0;
        for unit in units(text) {
            let w = self.width(&unit, size, bold);
            let starts_closing = unit.chars().next().is_some_and(no_line_start);
            if width + w > max && !line.is_empty() && !starts_closing {
                // An opening bracket at the end of the line goes down with what it opens.
                let mut carried = String::new();
                while line.chars().last().is_some_and(no_line_end) {
                    let c = line.pop().expect("a last char");
                    carried.insert(0, c);
                }
                if line.trim().is_empty() {
                    line.push_str(&carried);
                    carried.clear();
                }
                out.push(line.trim_end().to_string());
                line = carried;
                width = self.width(&line, size, bold);
                if unit.trim().is_empty() && line.is_empty() {
                    continue; // no line starts with a space
                }
            }
            line.push_str(&unit);
            width += w;
        }
        out.push(line.trim_end().to_string());
    }

    /// Cuts the text to fit `max_width`, ending with `…` when something was cut.
    pub fn ellipsize(&self, text: &str, size: f32, bold: bool, max_width: f32) -> String {
        let text = visible(text);
        let text = text.as_ref();
        if self.width(text, size, bold) <= max_width {
            return text.to_string();
        }
        let ellipsis = self.char_width('…', size, bold);
        let mut out = String::new();
        let mut width = 0.0;
        for c in text.chars() {
            let w = self.char_width(c, size, bold);
            if width + w + ellipsis > max_width {
                break;
            }
            out.push(c);
            width += w;
        }
        out.push('…');
        out
    }
}

/// Breakable units: one CJK character (or other symbol) each, or a run of Latin letters,
/// digits and the punctuation inside such runs.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut latin = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric()
            || (!latin.is_empty() && matches!(c, '.' | ',' | '-' | '_' | '/' | ':' | '%'))
        {
            latin.push(c);
            continue;
        }
        if !latin.is_empty() {
            out.push(std::mem::take(&mut latin));
        }
        out.push(c.to_string());
    }
    if !latin.is_empty() {
        out.push(latin);
    }
    out
}

/// Characters a line must not start with (行頭禁則).
pub fn no_line_start(c: char) -> bool {
    "、。，．,.）)」』】〕〉》］]｝}・ー～々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ！？!?：；:;％%"
        .contains(c)
}

/// Characters a line must not end with (行末禁則).
pub fn no_line_end(c: char) -> bool {
    "（(「『【〔〈《［[｛{".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_wraps_without_closing_punctuation_at_line_start() {
        let m = TextMeasure::get();
        let text =
            "売却対象財産について、インターネットオークション(一般競争入札)等を実施(4月～3月)";
        for width in [40.0, 55.0, 70.0, 90.0, 120.0] {
            let lines = m.wrap(text, 10.0, false, width);
            assert_eq!(lines.concat(), text, "nothing lost at {width}");
            for l in &lines[1..] {
                let first = l.chars().next().unwrap();
                assert!(
                    !no_line_start(first),
                    "{l:?} starts with {first} at {width}"
                );
            }
            for l in &lines[..lines.len() - 1] {
                let last = l.chars().last().unwrap();
                assert!(!no_line_end(last), "{l:?} ends with {last} at {width}");
            }
        }
    }

    #[test]
    fn latin_words_stay_together() {
        let m = TextMeasure::get();
        let lines = m.wrap(
            "情報セキュリティ管理者研修CSIRTマニュアル",
            10.0,
            false,
            75.0,
        );
        assert!(lines.iter().any(|l| l.contains("CSIRT")), "{lines:?}");
    }
}

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
    /// Per BMP character: `UNKNOWN`, or the glyph (high 16 bits; □'s when the face lacks
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

    /// The glyph and its advance in font units. A character the face lacks (an emoji, a
    /// variation selector) prints as □, as the window shows it and the warnings say
    /// (「…□ で表示されます」): its own missing-glyph box (glyph 0) is refused by PDF/UA, and one
    /// emoji in an answer stopped the tagged print. Its text stays the character's.
    fn glyph(&self, c: char) -> (u16, u16) {
        let look_up = || {
            // Glyph 0 is the missing-glyph box: U+FFFF, the cmap's last segment's end, maps to
            // it, and one such character in a text stopped the tagged print.
            let glyph = (self.face.glyph_index(c))
                .filter(|g| g.0 != 0)
                .or_else(|| self.face.glyph_index('□'));
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

    /// Lines of at most `max_width` points, every character kept (white space where a line
    /// breaks aside): a run of Latin letters wider than a line is broken between letters, and
    /// a line breaks before closing punctuation when nothing else can go down with it.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
        let text = visible(text);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, size, bold, max_width, &mut lines);
        }
        lines
    }

    /// One paragraph's lines, in one pass over its units: each unit's width is measured once,
    /// and a break looks back at most [`KINSOKU_REACH`] units for a place the rules allow.
    fn wrap_paragraph(&self, text: &str, size: f32, bold: bool, max: f32, out: &mut Vec<String>) {
        let units: Vec<(&str, f32)> = units(text)
            .into_iter()
            .flat_map(|unit| {
                let w = self.width(unit, size, bold);
                // Wider than a line: its characters are units of their own.
                let split = w > max && unit.chars().nth(1).is_some();
                let pieces: Vec<&str> = if split {
                    unit.char_indices()
                        .map(|(at, c)| &unit[at..at + c.len_utf8()])
                        .collect()
                } else {
                    vec![unit]
                };
                pieces.into_iter().map(move |p| {
                    let w = if split { self.width(p, size, bold) } else { w };
                    (p, w)
                })
            })
            .collect();
        let mut start = 0;
        let mut width = 0.0;
        let mut k = 0;
        while k < units.len() {
            // No line starts with a space.
            if k == start && units[k].0.trim().is_empty() {
                start += 1;
                k += 1;
                continue;
            }
            let w = units[k].1;
            if width + w <= max || k == start {
                width += w;
                k += 1;
                continue;
            }
            let at = break_before(&units[start..=k]).map_or(k, |b| start + b);
            out.push(concat(&units[start..at]).trim_end().to_string());
            start = at;
            while start < k && units[start].0.trim().is_empty() {
                start += 1;
            }
            width = units[start..k].iter().map(|u| u.1).sum();
        }
        out.push(concat(&units[start..]).trim_end().to_string());
    }
    /// Cuts the text to fit `max_width`, ending with `…` when something was cut. Goes no
    /// further into the text than what fits: a title of three million characters, cut for
    /// the head of each of its continued pages, was measured whole for each.
    pub fn ellipsize(&self, text: &str, size: f32, bold: bool, max_width: f32) -> String {
        self.ellipsize_chars(text.chars(), size, bold, max_width)
    }

    /// [`TextMeasure::ellipsize`] of the characters given, taken only as far as they fit (a
    /// text made of pieces is not put together first: a title of millions of characters was
    /// copied for the head of each of its pages).
    pub fn ellipsize_chars(
        &self,
        text: impl Iterator<Item = char>,
        size: f32,
        bold: bool,
        max_width: f32,
    ) -> String {
        use crate::model::text::{is_invisible, mark};
        let ellipsis = self.char_width('…', size, bold);
        let mut out = String::new();
        let mut width = 0.0;
        // How much of `out` leaves room for the `…` after it.
        let mut room = 0;
        let mut put = |c: char| {
            let w = self.char_width(c, size, bold);
            if width + w > max_width {
                return false;
            }
            out.push(c);
            width += w;
            if width + ellipsis <= max_width {
                room = out.len();
            }
            true
        };
        // As printed: a character that does not show is its mark ([`visible`]).
        let mut text = text;
        let fits = text.all(|c| {
            if is_invisible(c) {
                mark(c).chars().all(&mut put)
            } else {
                put(c)
            }
        });
        if !fits {
            out.truncate(room);
            out.push('…');
        }
        out
    }
}

/// How far back (in units) a line break looks for a place the line-breaking rules allow;
/// beyond it the line breaks where it is full (a row of closing brackets longer than a line).
const KINSOKU_REACH: usize = 8;

/// Where to break `line` (its units up to and including the one that does not fit): the
/// latest unit, after the first, that may start a line and whose unit before may end one;
/// `None` when there is none within reach.
fn break_before(line: &[(&str, f32)]) -> Option<usize> {
    let last = line.len() - 1;
    (1..=last).rev().take(KINSOKU_REACH).find(|&b| {
        let starts = line[b].0.chars().next().is_some_and(no_line_start);
        let ends = line[b - 1].0.chars().last().is_some_and(no_line_end);
        !starts && !ends
    })
}

fn concat(units: &[(&str, f32)]) -> String {
    units.iter().map(|u| u.0).collect()
}

/// Breakable units: one CJK character (or other symbol) each, or a run of Latin letters,
/// digits and the punctuation inside such runs, with the sign before digits (`△120`).
fn units(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    // Where the Latin run being read began.
    let mut latin: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        // The sign of an amount goes with its digits (「△」 ending a line left 「123,456」
        // below it, read alone a gain).
        let sign = matches!(c, '△' | '▲' | '¥' | '￥')
            && chars.peek().is_some_and(|(_, d)| d.is_ascii_digit());
        if c.is_ascii_alphanumeric()
            || sign
            || (latin.is_some() && matches!(c, '.' | ',' | '-' | '_' | '/' | ':' | '%'))
        {
            latin.get_or_insert(at);
            continue;
        }
        if let Some(from) = latin.take() {
            out.push(&text[from..at]);
        }
        out.push(&text[at..at + c.len_utf8()]);
    }
    if let Some(from) = latin {
        out.push(&text[from..]);
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

    /// A text far longer than the room is cut to the room (the head of each continued page
    /// of a three-million-character title), as a short one is: a prefix and `…`.
    #[test]
    fn ellipsize_cuts_a_very_long_text_to_the_room() {
        let m = TextMeasure::get();
        let long = "あ".repeat(1_000_000);
        let cut = m.ellipsize(&long, 10.0, false, 100.0);
        assert!(cut.ends_with('…') && cut.chars().count() < 20, "{cut}");
        assert!(m.width(&cut, 10.0, false) <= 100.0);
        assert_eq!(m.ellipsize("短い", 10.0, false, 100.0), "短い");
        // A character that does not show is cut as its mark is printed.
        let tab = m.ellipsize("a\tb", 10.0, false, 1_000.0);
        assert_eq!(tab, "a<TAB U+0009>b");
    }

    /// 「実績 △123,456,789」 in a narrow column: the number goes down whole, its sign with it
    /// (「実績 △」 over 「123,456,789」 read as a gain).
    #[test]
    fn the_sign_of_an_amount_stays_with_its_digits() {
        let m = TextMeasure::get();
        let text = "実績 △123,456,789 千円";
        let room = m.width("実績 △123,456,789", 9.0, false) - 1.0;
        let lines = m.wrap(text, 9.0, false, room);
        assert!(
            lines.iter().any(|l| l.starts_with("△123,456,789")),
            "{lines:?}"
        );
        assert!(!lines.iter().any(|l| l.ends_with('△')), "{lines:?}");
    }

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

    /// Every line within `width` (up to rounding), and every character kept.
    fn assert_fits(lines: &[String], text: &str, width: f32) {
        let m = TextMeasure::get();
        for l in lines {
            assert!(
                m.width(l, 10.0, false) <= width + 0.01,
                "{l:?} is wider than {width}"
            );
        }
        let kept: String = lines
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let written: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(kept, written);
    }

    #[test]
    fn a_latin_run_wider_than_a_line_breaks_between_its_letters() {
        // A URL or a pasted identifier without a space: one unit to the rules, but a line
        // that ran past the column into the next before.
        let text = format!("参照先 https://example.jp/{}(6月)", "a1".repeat(400));
        let lines = TextMeasure::get().wrap(&text, 10.0, false, 80.0);
        assert!(lines.len() > 10, "{lines:?}");
        assert_fits(&lines, &text, 80.0);
    }

    #[test]
    fn a_run_of_closing_punctuation_longer_than_a_line_is_broken_anyway() {
        // No line may start with 、 or 」 — which, for a run longer than a line, made one
        // line as long as the run.
        let text = format!("検討{}終了", "」、".repeat(300));
        let lines = TextMeasure::get().wrap(&text, 10.0, false, 60.0);
        assert!(lines.len() > 10, "{lines:?}");
        assert_fits(&lines, &text, 60.0);
    }

    #[test]
    fn a_run_of_opening_brackets_longer_than_a_line_is_broken_anyway() {
        let text = format!("{}検討", "（「".repeat(300));
        let lines = TextMeasure::get().wrap(&text, 10.0, false, 60.0);
        assert!(lines.len() > 10, "{lines:?}");
        assert_fits(&lines, &text, 60.0);
    }

    #[test]
    fn closing_punctuation_takes_the_character_before_it_down() {
        // 「検討会議 fills the line; 」 may not start the next: 議 goes down with it.
        let m = TextMeasure::get();
        let full = m.width("「検討会議", 10.0, false) + 0.1;
        let lines = m.wrap("「検討会議」の開催", 10.0, false, full);
        assert_eq!(lines[0], "「検討会");
        assert!(lines[1].starts_with("議」"), "{lines:?}");
        assert_eq!(lines.concat(), "「検討会議」の開催");
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

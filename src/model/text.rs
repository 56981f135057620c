//! Text as people type it in reports, made comparable: the one normalisation that month
//! expressions, era dates and counts share.

/// Full-width digits and letters to ASCII, the three kinds of wave dash to `～`, spaces removed.
pub fn normalize(text: &str) -> String {
    normalized_chars(text).collect()
}

/// The characters of [`normalize`]'s text, one by one: two texts compared this way are not
/// copied (a scale of thousands of levels, asked for each of thousands of ratings, was).
pub fn normalized_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '〜' | '~' | '∼' | '－' | '-' | '‐' | '−' | '—' | '–' => '～',
            '，' | ',' | '､' => '、',
            // A unit typed full-width is the same unit (an indicator in ％ reads 「12.5%」).
            '％' => '%',
            _ => c,
        })
}

/// The value of a digit as offices type one: ASCII (`7`) or full-width (`７`).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => c.to_digit(10),
    }
}

/// Whether `c` is a digit as offices type one (see [`digit_value`]).
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Characters that change what a terminal does or how text reads without being seen: the C0
/// controls but the line break (TAB and CR included: a report's texts are single cells, where
/// they come only from a paste), DEL and the C1 controls, the bidirectional marks, embeddings,
/// overrides and isolates (U+202E turns `exe.txt` into `txt.exe`), the zero-width and other
/// invisible format characters, the soft hyphen (U+00AD: shown only where a line breaks, else
/// nowhere), and every other character Unicode says to draw as nothing (Default_Ignorable:
/// the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the combining grapheme joiner U+034F,
/// the variation selectors U+FE00–FE0F, the musical format characters U+1D173–1D17A …) and
/// the blank braille pattern U+2800 — one of them after a division's name made a second
/// division that reads the same, and a second file of the same shown name. The ideographic
/// variation selectors (U+E0100–E01EF) are not among them: they choose a kanji's form, as
/// names are written. The bundled font has a glyph for none of them but the soft hyphen.
/// Text holding them is kept as written and warned about when it comes in; wherever it is
/// shown — the terminal, the printout, the web page — each is shown by its mark ([`visible`]).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{9}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{AD}'
        | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E00FF}' | '\u{E01F0}'..='\u{E0FFF}')
}

/// A heading cell as it reads: without the spaces and invisible characters around it (a
/// `番号` after a byte-order mark, left where two files were pasted together, is the header
/// still: missing it dropped the section above the next header without a word).
pub fn heading_text(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// The short name of an invisible character (`ESC`, `RLO`), as in the standards that define
/// them; `None` for one without a usual short name (it is shown by its code point alone).
fn invisible_name(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
        "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    const C1: [&str; 32] = [
        "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU",
        "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI",
        "SCI", "CSI", "ST", "OSC", "PM", "APC",
    ];
    let n = c as usize;
    Some(match c {
        '\u{0}'..='\u{1F}' => C0[n],
        '\u{7F}' => "DEL",
        '\u{80}'..='\u{9F}' => C1[n - 0x80],
        '\u{AD}' => "SHY",
        '\u{34F}' => "CGJ",
        '\u{61C}' => "ALM",
        '\u{180E}' => "MVS",
        '\u{200B}' => "ZWSP",
        '\u{200C}' => "ZWNJ",
        '\u{200D}' => "ZWJ",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{2028}' => "LSEP",
        '\u{2029}' => "PSEP",
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2060}' => "WJ",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{FEFF}' => "ZWNBSP",
        _ => return None,
    })
}

/// How an invisible character is shown: `<ESC U+001B>`, `<TAB U+0009>`, `<U+2061>`.
pub fn mark(c: char) -> String {
    match invisible_name(c) {
        Some(name) => format!("<{name} U+{:04X}>", c as u32),
        None => format!("<U+{:04X}>", c as u32),
    }
}

/// The text with each invisible character ([`is_invisible`]) replaced by its [`mark`]; line
/// breaks stay. The one way the terminal, the printout and the web page show such text
/// (borrowed, at no cost, when there is none).
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&mark(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A file's path as messages show it: [`visible`], and a line break by its mark too, so that
/// a crafted file name cannot print a line of its own (「OK」 under the real message).
pub fn path_shown(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    visible(&shown).replace('\n', &mark('\n'))
}

/// Two texts as a change shows them, old → new: where they differ only in how a space or a
/// dash is written (a no-break space for a space, `〜` for `～`), those characters are shown by
/// their code points in both (`平成<U+0020>29` → `平成<U+00A0>29`), since the two would read
/// the same; otherwise as they are.
pub fn told_apart<'a>(
    old: &'a str,
    new: &'a str,
) -> (std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>) {
    use std::borrow::Cow;
    let alike = |c: char| c.is_whitespace() || normalized_chars(&c.to_string()).eq(['～']);
    let prefix: usize = (old.chars().zip(new.chars()))
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let (o, n) = (&old[prefix..], &new[prefix..]);
    let suffix: usize = (o.chars().rev().zip(n.chars().rev()))
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>()
        .min(o.len().min(n.len()));
    let (o_mid, n_mid) = (&o[..o.len() - suffix], &n[..n.len() - suffix]);
    let only_alike = |mid: &str| mid.chars().all(alike);
    if old == new || !only_alike(o_mid) || !only_alike(n_mid) {
        return (Cow::Borrowed(old), Cow::Borrowed(new));
    }
    let shown = |whole: &str, mid: &str| {
        let marked: String = mid
            .chars()
            .map(|c| format!("<U+{:04X}>", c as u32))
            .collect();
        let rest = &whole[prefix + mid.len()..];
        Cow::Owned(format!("{}{marked}{rest}", &whole[..prefix]))
    };
    (shown(old, o_mid), shown(new, n_mid))
}

/// A character that shows as a box: one the bundled font has no glyph for, other than the
/// invisible ones (shown by their marks) and the line break.
pub fn shows_as_box(c: char) -> bool {
    c != '\n' && !is_invisible(c) && !crate::fonts::has_glyph(c)
}

/// The characters of a text that show as a box ([`shows_as_box`]), each once, in order.
pub fn boxed_chars(text: &str) -> Vec<char> {
    // ASCII is skipped: the font has every printable character of it, and the rest are
    // invisible ones, warned of as such.
    each_once(text.chars().filter(|c| !c.is_ascii() && shows_as_box(*c)))
}

/// The words an XLSX export ends a text with when a cell cannot hold it all (`left_out`
/// characters not written), so that the sheet says the text goes on elsewhere.
pub fn cut_note(left_out: usize) -> String {
    format!("…（以下{left_out}文字を省略。全文は進捗の報告ファイルにあります）")
}

/// How many characters a text says were left out, when it ends in [`cut_note`]: a cell of
/// an exported workbook, read back, is not the whole text.
pub fn left_out_by_cut(text: &str) -> Option<usize> {
    let rest = text.strip_suffix("文字を省略。全文は進捗の報告ファイルにあります）")?;
    let start = rest.rfind("…（以下")? + "…（以下".len();
    let digits = &rest[start..];
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The invisible characters of a text, each once, in the order they first appear.
pub fn invisible_chars(text: &str) -> Vec<char> {
    each_once(text.chars().filter(|c| is_invisible(*c)))
}

/// The characters, each once, in the order they first come. A set tells which came already:
/// a 10 MB answer can hold tens of thousands of different characters the font lacks, and
/// searching the list for each took minutes.
fn each_once(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut seen = std::collections::HashSet::new();
    chars.filter(|c| seen.insert(*c)).collect()
}

/// JSON text with the invisible characters its writer leaves as they are (DEL, C1, the
/// bidirectional and format characters; serde_json escapes the C0 controls itself) written as
/// `\uXXXX` escapes: the same value, and nothing a terminal acts on. Such characters only stand
/// inside JSON strings, where an escape is always allowed.
pub fn json_with_invisible_escaped(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.chars().any(is_invisible) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_invisible(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`json_with_invisible_escaped`] as a stream: JSON written through it reaches `inner` with
/// each character that does not show as its `\u` escape, without the whole text held at once
/// (`check --json` of a heading of 300,000 characters over 2,000 entries is 3.6 GB).
pub struct InvisibleEscaping<W: std::io::Write> {
    inner: W,
    /// The bytes of a character cut by the end of a write, kept for the next.
    pending: Vec<u8>,
}

impl<W: std::io::Write> InvisibleEscaping<W> {
    pub fn new(inner: W) -> Self {
        InvisibleEscaping {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for InvisibleEscaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        let escaped = json_with_invisible_escaped(text);
        self.inner.write_all(escaped.as_bytes())?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The first 40 characters of a long text, for a message.
pub fn preview(text: &str) -> String {
    clipped(text, 40)
}

/// A cell's text that is not taken, as a warning shows it so that its words can be typed in
/// again: whole up to [`LISTED_CHARS`], its lines joined by ` / `; a longer one by its start
/// and its end, where a line added to a cell stands (a preview of the start alone hid it).
pub fn preview_not_taken(text: &str) -> String {
    let joined = |s: &str| s.trim().lines().collect::<Vec<_>>().join(" / ");
    if text.chars().nth(LISTED_CHARS).is_none() {
        return joined(text);
    }
    let start: String = text.chars().take(LISTED_CHARS / 3).collect();
    let mut end: Vec<char> = text.chars().rev().take(LISTED_CHARS / 3).collect();
    end.reverse();
    let end: String = end.into_iter().collect();
    format!("{} … {}", joined(&start), joined(&end))
}

/// The first `most` characters of `text`, `…` after them when it is longer: what a warning
/// keeps of a text that a crafted file may make megabytes long, repeated on every row.
pub fn clipped(text: &str, most: usize) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(most).collect();
    // Looked at one character past, not counted to the end: a 10 MB text is clipped in as
    // long as a short one.
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// The most characters of one text a change list shows: a 10 MB result listed whole made the
/// collect review a gigabyte of glyphs and the terminal ten megabytes of one line. The grid, the
/// detail pane and every export hold the whole text.
pub const LISTED_CHARS: usize = 300;

/// Characters kept before the first difference when a long changed text is shortened.
const LEAD_CHARS: usize = 60;

/// `text` for a change list: whole when short, else its first [`LISTED_CHARS`] characters, `…`
/// and its whole length.
pub fn listed(text: &str, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
    excerpt(text, 0, lang)
}

/// The old and new text of a change for a change list: whole when short, else each shortened to
/// the part around where they first differ, so the change itself is what is shown.
pub fn listed_change<'a>(
    old: &'a str,
    new: &'a str,
    lang: crate::lang::Lang,
) -> (std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>) {
    let first = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .count();
    (excerpt(old, first, lang), excerpt(new, first, lang))
}

/// `text` from a little before character `from`, at most [`LISTED_CHARS`] characters, with `…`
/// where text is left out and the whole length.
fn excerpt(text: &str, from: usize, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
    // A list has a line per change: a text's own lines are joined with ` / ` there.
    if text.contains(['\n', '\r']) {
        // A lone CR is a line break too (`lines` keeps it, and this recursed without end).
        let joined: Vec<&str> = text
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        return std::borrow::Cow::Owned(excerpt(&joined.join(" / "), from, lang).into_owned());
    }
    let count = text.chars().count();
    if count <= LISTED_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let start = from.saturating_sub(LEAD_CHARS).min(count - LISTED_CHARS);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(text.chars().skip(start).take(LISTED_CHARS));
    if start + LISTED_CHARS < count {
        out.push('…');
    }
    out.push_str(&crate::lang::say(
        lang,
        format!("（全{count}字）"),
        format!(" ({count} characters)"),
    ));
    std::borrow::Cow::Owned(out)
}

/// What an office program runs as a formula when a cell starts with it (OWASP's list, and the
/// full-width forms Japanese Excel takes for them), and the minus sign U+2212, which the CP932
/// exports write as `－` (`export::cp932::windows_form`): guarded in the text before it is
/// encoded, it went out unguarded.
const FORMULA_STARTS: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '\u{2212}',
];

/// Whether a cell needs a leading `'` to be shown as text: it starts as a formula does (a sign
/// alone, `-` for "none", is no formula), or is itself a `'` before such a text (guarded again,
/// so that reading drops exactly one).
fn needs_guard(cell: &str) -> bool {
    (cell.starts_with(FORMULA_STARTS) && cell.chars().nth(1).is_some())
        || cell.strip_prefix('\'').is_some_and(needs_guard)
}

/// A cell as a CSV or a report table holds it for a spreadsheet: a text an office program would
/// run as a formula gets a leading `'`, so that Excel and LibreOffice show it as text
/// (`=cmd|' /C calc'!A0` as `'=cmd|' /C calc'!A0`). [`formula_unguarded`] reads it back.
pub fn formula_guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell without the `'` [`formula_guarded`] put before it (`'=1+1` is `=1+1`; `'abc` stays).
pub fn formula_unguarded(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_differ_only_in_a_space_or_a_dash_are_told_apart_by_code_points() {
        let (o, n) = told_apart("平成 29 年度(4月～5月)", "平成\u{A0}29 年度(4月～5月)");
        assert_eq!(
            (o.as_ref(), n.as_ref()),
            (
                "平成<U+0020>29 年度(4月～5月)",
                "平成<U+00A0>29 年度(4月～5月)"
            )
        );
        let (o, n) = told_apart("周知(4月～5月)", "周知(4月〜5月)");
        assert_eq!(
            (o.as_ref(), n.as_ref()),
            ("周知(4月<U+FF5E>5月)", "周知(4月<U+301C>5月)")
        );
        // Words changed read apart as they are.
        let (o, n) = told_apart("周知(4月)", "周知(5月)");
        assert_eq!((o.as_ref(), n.as_ref()), ("周知(4月)", "周知(5月)"));
        let (o, n) = told_apart("周知 (4月)", "周知(4月)");
        assert_eq!((o.as_ref(), n.as_ref()), ("周知<U+0020>(4月)", "周知(4月)"));
    }

    #[test]
    fn invisible_characters_are_shown_by_name_and_code_point() {
        assert_eq!(visible("a\u{1b}[31mb"), "a<ESC U+001B>[31mb");
        assert_eq!(visible("x\ty"), "x<TAB U+0009>y");
        assert_eq!(visible("\u{202E}txt.exe"), "<RLO U+202E>txt.exe");
        assert_eq!(
            visible("\u{0}\u{9B}\u{2061}"),
            "<NUL U+0000><CSI U+009B><U+2061>"
        );
        // Line breaks and ordinary Japanese stay as they are, borrowed.
        let plain = "研修の実施(6月)\n・職員研修";
        assert!(matches!(visible(plain), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            invisible_chars("\u{1b}a\u{1b}\u{202E}"),
            vec!['\u{1b}', '\u{202E}']
        );
    }

    #[test]
    fn json_keeps_its_value_with_invisible_characters_escaped() {
        let json = serde_json::to_string("a\u{1b}b\u{9b}c\u{202E}d\u{E0041}").unwrap();
        let escaped = json_with_invisible_escaped(&json);
        assert!(!escaped.chars().any(is_invisible), "{escaped}");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{1b}b\u{9b}c\u{202E}d\u{E0041}");
    }
}

//! Every character the window can draw has a glyph in the bundled BIZ UDPGothic. eframe is built
//! without egui's own fonts (`default_fonts`), so nothing stands behind the bundled font: a
//! character it lacks would be drawn as a box.
//!
//! The characters: every string literal of the program's source outside its tests (the words
//! of the window in both languages and the help texts, the views' own `Words` tables, the marks
//! and symbols in labels, the core's warnings and errors, which the window shows), the char
//! literals of the window's code, what egui writes by itself in the widgets the window uses, and
//! the text of the seed report and of the bundled sample.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use egui::epaint::text::{Fonts, TextOptions};
use egui::{FontFamily, FontId};
use shinchoku::app::fonts::{BOLD_FAMILY, definitions};

/// Characters and where each was first found.
type Found = BTreeMap<char, String>;

/// What egui draws by itself in the widgets the window uses (read from egui 0.37's source):
/// `…` ends text cut to its width (epaint's `TextWrapping::overflow_character`, e.g. a long
/// division name in a ComboBox), `−` is DragValue's minus (`egui::MINUS_CHAR_STR`). Its other
/// symbols are not shown here: shortcuts are spelled `Ctrl+Shift+S` off macOS (the symbols ⌘⇧⌥
/// and ⏷ only on a Mac, and only when the font has them: `can_show_modifier_symbols`); the
/// ComboBox arrow, check marks, radio dots, the collapsing triangle and the window's close
/// button are painted shapes; 🔥, 🔠 and ⚠️ are in its debug and settings panels, never opened.
const EGUI_OWN: &str = "…−";

#[test]
fn every_character_the_window_draws_has_a_glyph_in_the_bundled_font() {
    let found = window_characters();
    let mut fonts = Fonts::new(TextOptions::default(), definitions());
    let mut view = fonts.with_pixels_per_point(1.0);
    let families = [
        FontFamily::Proportional,
        FontFamily::Monospace,
        FontFamily::Name(BOLD_FAMILY.into()),
    ];
    let mut missing = Vec::new();
    for family in families {
        let font = FontId::new(14.0, family.clone());
        for (c, place) in &found {
            if !view.has_glyph(&font, *c) {
                missing.push(format!("{c:?} U+{:04X} ({family:?}), {place}", *c as u32));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} characters have no glyph:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The collection is not empty by mistake: it holds the menu's words, the statuses' names, the
/// symbols of labels, egui's own and the seed's text.
#[test]
fn the_characters_collected_include_words_statuses_symbols_and_the_seed() {
    use shinchoku::model::status::LineStatus;
    let found = window_characters();
    let ja = &shinchoku::app::i18n::JA;
    let mut words = [ja.menu_file, ja.help.menu, shinchoku::app::i18n::EN.open].concat();
    for status in [
        LineStatus::Done,
        LineStatus::InProgress,
        LineStatus::Late,
        LineStatus::Scheduled,
        LineStatus::Ongoing { met: false },
    ] {
        words.push_str(status.japanese());
        words.push_str(status.english());
    }
    for c in words.chars().chain("▶▼◀→～…−".chars()) {
        assert!(found.contains_key(&c), "{c:?} was not collected");
    }
    let seed = include_str!("../fixtures/mie-h29-h1-report.tsv");
    assert!(
        seed.chars()
            .filter(|c| !c.is_control())
            .all(|c| found.contains_key(&c))
    );
    assert!(
        found.len() > 500,
        "only {} characters collected",
        found.len()
    );
}

fn window_characters() -> Found {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Found::new();
    // Everything a user can type on a keyboard, whether or not the program's words use it.
    add(
        &mut found,
        &(' '..='~').collect::<String>(),
        "printable ASCII",
    );
    for file in rust_files(&root.join("src")) {
        let source = std::fs::read_to_string(&file).unwrap();
        let place = file.strip_prefix(root).unwrap().display().to_string();
        // Outside the window, char literals are what the core matches in input (e.g. `∼` read as
        // `～`), not what it shows.
        let with_chars = file.starts_with(root.join("src/app"));
        for literal in literals(&source, with_chars) {
            add(&mut found, &literal, &place);
        }
    }
    add(&mut found, EGUI_OWN, "egui's own (EGUI_OWN)");
    for key in egui::Key::ALL {
        add(&mut found, key.name(), "egui's name of a key in a shortcut");
    }
    add(&mut found, "Ctrl+Shift+Alt+", "egui's modifier names");
    for fixture in [
        "tests/fixtures/mie-h29-h1-report.tsv",
        "assets/sample-report.ron",
    ] {
        let text = std::fs::read_to_string(root.join(fixture)).unwrap();
        add(&mut found, &text, fixture);
    }
    found
}

fn add(found: &mut Found, text: &str, place: &str) {
    for c in text.chars().filter(|c| !c.is_control()) {
        found.entry(c).or_insert_with(|| place.to_string());
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The string literals of Rust source (and its char literals when `with_chars`), decoded,
/// leaving out comments and the items under `#[cfg(test)]`: a tokenizer just large enough for
/// this program's source.
fn literals(source: &str, with_chars: bool) -> Vec<String> {
    let s: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut code = String::new(); // the code outside literals and comments, without spaces
    let mut skip: Option<usize> = None; // brace depth of a `#[cfg(test)]` item being skipped
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let literal = if c == '/' && s.get(i + 1) == Some(&'/') {
            i = skip_line(&s, i);
            continue;
        } else if c == '/' && s.get(i + 1) == Some(&'*') {
            i = skip_block_comment(&s, i);
            continue;
        } else if c == '"' {
            let (text, end) = string(&s, i + 1);
            i = end;
            Some(text)
        } else if c == 'r' && raw_string_starts(&s, i) {
            let (text, end) = raw_string(&s, i + 1);
            i = end;
            Some(text)
        } else if c == '\'' {
            let (text, end) = char_or_lifetime(&s, i);
            i = end;
            text.filter(|_| with_chars)
        } else {
            if !c.is_whitespace() {
                code.push(c);
            }
            i += 1;
            skip = track_test_items(&code, c, skip);
            None
        };
        if let Some(text) = literal.filter(|_| skip.is_none()) {
            out.push(text);
        }
    }
    out
}

/// `Some(depth)` while inside an item marked `#[cfg(test)]`: from the attribute to the `;` or
/// the `}` that closes its first `{`.
fn track_test_items(code: &str, c: char, skip: Option<usize>) -> Option<usize> {
    match (skip, c) {
        (None, _) if code.ends_with("#[cfg(test)]") => Some(0),
        (Some(0), ';') => None,
        (Some(depth), '{') => Some(depth + 1),
        (Some(1), '}') => None,
        (Some(depth), '}') => Some(depth - 1),
        (skip, _) => skip,
    }
}

/// `r"` or `r#"` not inside a name (`for"` cannot occur; `r#type` is a raw name, not a string).
fn raw_string_starts(s: &[char], i: usize) -> bool {
    let in_name = i > 0 && (s[i - 1].is_alphanumeric() || s[i - 1] == '_');
    let hashes = s[i + 1..].iter().take_while(|&&c| c == '#').count();
    !in_name && s.get(i + 1 + hashes) == Some(&'"')
}

fn skip_line(s: &[char], i: usize) -> usize {
    s[i..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(s.len(), |n| i + n)
}

fn skip_block_comment(s: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < s.len() {
        if s[i] == '/' && s.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// A "…" string from just after its opening quote: its text and the index after it.
fn string(s: &[char], mut i: usize) -> (String, usize) {
    let mut text = String::new();
    while i < s.len() && s[i] != '"' {
        if s[i] == '\\' {
            let (c, end) = escape(s, i + 1);
            text.extend(c);
            i = end;
        } else {
            text.push(s[i]);
            i += 1;
        }
    }
    (text, i + 1)
}

/// An escape from just after its backslash: the character (none for a line continuation) and
/// the index after it.
fn escape(s: &[char], i: usize) -> (Option<char>, usize) {
    match s.get(i) {
        Some('n') => (Some('\n'), i + 1),
        Some('t') => (Some('\t'), i + 1),
        Some('r') => (Some('\r'), i + 1),
        Some('0') => (Some('\0'), i + 1),
        Some('x') => {
            let hex: String = s[i + 1..i + 3].iter().collect();
            (
                char::from_u32(u32::from_str_radix(&hex, 16).unwrap()),
                i + 3,
            )
        }
        Some('u') => {
            let close = i + s[i..].iter().position(|&c| c == '}').unwrap();
            let hex: String = s[i + 2..close].iter().filter(|&&c| c != '_').collect();
            (
                char::from_u32(u32::from_str_radix(&hex, 16).unwrap()),
                close + 1,
            )
        }
        Some('\n') => {
            let rest = s[i..].iter().position(|c| !c.is_whitespace());
            (None, rest.map_or(s.len(), |n| i + n))
        }
        Some(&c) => (Some(c), i + 1),
        None => (None, i),
    }
}

/// A raw string from just after its `r`: `r"…"` or `r#"…"#`.
fn raw_string(s: &[char], i: usize) -> (String, usize) {
    let hashes = s[i..].iter().take_while(|&&c| c == '#').count();
    let start = i + hashes + 1;
    let close: String = std::iter::once('"')
        .chain("#".repeat(hashes).chars())
        .collect();
    let close: Vec<char> = close.chars().collect();
    let mut end = start;
    while end < s.len() && !s[end..].starts_with(&close) {
        end += 1;
    }
    (s[start..end].iter().collect(), end + close.len())
}

/// A char literal (`'x'`, `'\n'`, `'\u{2026}'`) or a lifetime (`'a`, `'static`) from its quote.
fn char_or_lifetime(s: &[char], i: usize) -> (Option<String>, usize) {
    if s.get(i + 1) == Some(&'\\') {
        let (c, end) = escape(s, i + 2);
        return (c.map(String::from), end + 1);
    }
    if s.get(i + 2) == Some(&'\'') {
        return (Some(s[i + 1].to_string()), i + 3);
    }
    (None, i + 1)
}

/// A character drawn large but not at the sizes the window writes in: the bundled font's hints
/// snap a thin stroke (its dashes are 0.05 em thick, 0.7 px at 14 px) to nothing, and `—` in
/// 「三重県 — 総務課」 or a result's 「A－B」 showed as a gap. Each character whose glyph has
/// ink when drawn at 64 px has ink at every size the window uses, in both faces.
#[test]
fn no_character_vanishes_at_the_sizes_the_window_writes_in() {
    let mut found = window_characters();
    add(
        &mut found,
        "–—―‐－−─━＿￣",
        "dashes and rules a report may hold",
    );
    let mut fonts = Fonts::new(TextOptions::default(), definitions());
    let inked = |view: &mut egui::epaint::text::FontsView<'_>, c: char, font: FontId| {
        let galley = view.layout_no_wrap(c.to_string(), font, egui::Color32::BLACK);
        (galley.rows.iter().flat_map(|r| r.glyphs.iter())).any(|g| !g.uv_rect.is_nothing())
    };
    let mut vanished = Vec::new();
    // Windows' display scaling: 100 %, 125 %, 150 %.
    for pixels_per_point in [1.0, 1.25, 1.5] {
        let mut view = fonts.with_pixels_per_point(pixels_per_point);
        for family in [
            FontFamily::Proportional,
            FontFamily::Name(BOLD_FAMILY.into()),
        ] {
            for (c, place) in &found {
                if !inked(&mut view, *c, FontId::new(64.0, family.clone())) {
                    continue; // a space: no ink at any size
                }
                for size in [10.0, 11.0, 12.0, 12.5, 14.0, 18.0] {
                    if !inked(&mut view, *c, FontId::new(size, family.clone())) {
                        let code = *c as u32;
                        vanished.push(format!(
                            "{c:?} U+{code:04X} at {size} × {pixels_per_point} ({family:?}), {place}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        vanished.is_empty(),
        "{} characters draw as nothing:\n{}",
        vanished.len(),
        vanished.join("\n")
    );
}

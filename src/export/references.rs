//! How a text is written into a field of the report table so that the importer reads it back
//! as it was. The published format has no escape of its own; its cells are HTML-ish, and the
//! importer reads a numeric character reference (`&#9;`) as text, never as markup
//! (`import::html`). So whatever a field would break (a tab, a line break) or read as
//! something else (a `<` starting a tag or a heading, a `・` starting a bullet, a leading
//! space trimmed away, a □ ticking an item) is written as a reference; everything else as it
//! is, so that the table stays readable.

use crate::import::html::reference;
use crate::model::text::is_invisible;

/// What reads a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A cell read as HTML: plan, actual, 担当課 and the stage table's cells.
    Markup,
    /// A plain field: the title, headings, 番号, 具体的取組, a section, the plain copies of the
    /// stage table.
    Plain,
}

/// `&#N;` for a character.
pub fn reference_to(c: char, out: &mut String) {
    out.push_str("&#");
    out.push_str(&(c as u32).to_string());
    out.push(';');
}

/// The text as written into a field of kind `field`.
pub fn written(text: &str, field: Field) -> String {
    let lead_end = text.len() - text.trim_start().len();
    let trail_start = text.trim_end().len();
    let mut out = String::with_capacity(text.len());
    let mut after_space = true;
    for (at, c) in text.char_indices() {
        let edge = at < lead_end || at >= trail_start;
        let breaks = c == '\n' || is_invisible(c);
        let structure = field == Field::Markup
            && (matches!(c, '<' | '>' | '＜' | '＞') || (c == '・' && after_space));
        if edge || breaks || structure {
            reference_to(c, &mut out);
        } else if c == '&' {
            match field {
                Field::Markup => out.push_str("&amp;"),
                // A plain field resolves numeric references alone: only an `&` that would
                // start one needs writing as a reference.
                Field::Plain if reference(&text[at..]).is_some_and(|(_, _, numeric)| numeric) => {
                    reference_to('&', &mut out)
                }
                Field::Plain => out.push('&'),
            }
        } else {
            out.push(c);
        }
        after_space = c.is_whitespace();
    }
    out
}

/// The text with its first character written as a reference: a field that, as written, the
/// importer would take for something else (an item named `□…` that is not ticked, a heading
/// `<IT>` that would read as a tag, a plain stage row named `2020` that would read as an
/// initiative's number).
pub fn first_as_reference(text: &str, field: Field) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !c.is_whitespace() => {
            let mut out = String::new();
            reference_to(c, &mut out);
            let rest = chars.as_str();
            // The rest starts no longer at the edge: only its trailing edge is protected.
            let written_rest = written(&format!("x{rest}"), field);
            out.push_str(&written_rest[1..]);
            out
        }
        // A leading space is written as a reference already.
        _ => written(text, field),
    }
}

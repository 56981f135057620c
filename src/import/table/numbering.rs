//! What a row's first cells are numbered as: an initiative (`1`), a section (`I 協創…`,
//! `Ⅲ …`, `1. …`), a circled label (`①`).

use super::Row;

pub(super) fn initiative_number(row: &Row) -> Option<String> {
    // A number's first digit written as a reference (`&#49;2`) is how the table export keeps
    // a plain row of the stage table (an action item named 「12」) from reading as an
    // initiative: no number.
    let raw = row.get(0);
    if raw.starts_with("&#")
        && crate::import::html::reference(raw)
            .is_some_and(|(c, _, _)| !crate::model::text::is_invisible(c))
    {
        return None;
    }
    // Its references resolved, as the table export writes a character that does not show
    // (`&#18;2`): read raw, the row was no initiative's and the initiative was lost.
    let first = row.text(0);
    // A BOM or a zero-width space before the number (two files joined, a paste) hides no
    // initiative: the number is read without it and kept as written, and `check` names it.
    let shown: String = first
        .chars()
        .filter(|&c| !crate::model::text::is_invisible(c))
        .collect();
    (is_initiative_number(&shown) && !row.get(1).is_empty()).then_some(first)
}

/// Whether a 番号 cell numbers an initiative: digits (`12`, `１２`), or a code after `No.`
/// as 木津川市 numbers its items (`No.R2-1`: letters, digits and hyphens, with a digit). The
/// number is kept as written.
pub(crate) fn is_initiative_number(text: &str) -> bool {
    let digit = crate::model::text::is_digit;
    if !text.is_empty() && text.chars().all(digit) {
        return true;
    }
    let code = ["No.", "No．", "NO.", "Ｎｏ.", "Ｎｏ．", "№"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .map(|c| c.trim_start_matches([' ', '　']));
    code.is_some_and(|c| {
        c.chars().any(digit)
            && c.chars()
                .next()
                .is_some_and(|f| f.is_ascii_alphanumeric() || digit(f))
            && c.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || digit(ch) || matches!(ch, '-' | '－' | '‐'))
    })
}

/// Whether a heading names the division column: 担当課 as Mie heads it, 所管課 (木津川市,
/// 下野市) or the like.
pub(crate) fn is_division_heading(text: &str) -> bool {
    text.contains("担当") || text.contains("所管")
}

/// `I 協創…`, `II …`, `Ⅲ …`: a Roman numeral (Latin letters or Unicode numerals), a space, a
/// title, and nothing else on the row; or `1. …` / `１．…`, a number with its point, or
/// `1 総論` (a number, a space and a title alone in the row's first cell; a bare `1` is an
/// initiative's number).
pub(super) fn section_of(row: &Row) -> Option<(String, u32, String)> {
    if row.fields.iter().skip(1).any(|f| !f.trim().is_empty()) {
        return None;
    }
    let text = row.get(0);
    if let Some(found) = numbered_section(text) {
        return Some(found);
    }
    let end = text
        .char_indices()
        .find(|(_, c)| roman_value(*c).is_none())
        .map_or(text.len(), |(i, _)| i);
    let numeral = &text[..end];
    let rest = &text[end..];
    let title = rest.trim_start_matches([' ', '　', '.', '．', '、']).trim();
    if numeral.is_empty() || title.is_empty() || rest.len() == title.len() {
        return None;
    }
    Some((
        numeral.to_string(),
        roman_number(numeral)?,
        title.to_string(),
    ))
}

fn numbered_section(text: &str) -> Option<(String, u32, String)> {
    let digits_end = text
        .char_indices()
        .find(|&(_, c)| !crate::model::text::is_digit(c))
        .map(|(i, _)| i)?;
    let rest = &text[digits_end..];
    // `1. 総論`, or `1 総論` alone in its row (as a report numbering its sections in digits is
    // written back: read as no row at all, its sections were lost on the way back).
    let mark = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '．' | ' ' | '　'))?;
    let numeral = match mark {
        '.' | '．' => &text[..digits_end + mark.len_utf8()],
        _ => &text[..digits_end],
    };
    let title = rest[mark.len_utf8()..].trim();
    let number: u32 = text[..digits_end]
        .chars()
        .map(crate::model::text::digit_value)
        .try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(d?))?;
    (digits_end > 0 && !title.is_empty() && number > 0)
        .then(|| (numeral.to_string(), number, title.to_string()))
}

fn roman_value(c: char) -> Option<u32> {
    let c = match c {
        'Ⅰ'..='Ⅻ' => return Some(c as u32 - 'Ⅰ' as u32 + 1),
        'ⅰ'..='ⅻ' => return Some(c as u32 - 'ⅰ' as u32 + 1),
        'Ｉ' => 'I',
        'Ｖ' => 'V',
        'Ｘ' => 'X',
        c => c,
    };
    match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    }
}

fn roman_number(numeral: &str) -> Option<u32> {
    let values: Vec<u32> = numeral.chars().map(roman_value).collect::<Option<_>>()?;
    if numeral.chars().any(|c| ('Ⅰ'..='ⅻ').contains(&c)) {
        return (values.len() == 1).then(|| values[0]);
    }
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|n| n > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

/// `① 現場重視で…` → (`①`, `現場重視で…`).
pub(super) fn split_circled(text: &str) -> (String, String) {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if is_circled(c) => (c.to_string(), chars.as_str().trim().to_string()),
        _ => (String::new(), text.to_string()),
    }
}

fn is_circled(c: char) -> bool {
    matches!(c, '①'..='⑳' | '㉑'..='㉟' | '㊱'..='㊿' | '❶'..='❿' | '⓫'..='⓴')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryKind, entry_text};

    #[test]
    fn roman_numerals_latin_and_unicode() {
        assert_eq!(roman_number("I"), Some(1));
        assert_eq!(roman_number("II"), Some(2));
        assert_eq!(roman_number("IV"), Some(4));
        assert_eq!(roman_number("Ⅲ"), Some(3));
        assert_eq!(roman_number("Ⅻ"), Some(12));
    }

    #[test]
    fn status_entries_keep_their_kind() {
        let e = entry_text::read_entry("(H28 年度達成済、継続実施)", false, &mut Vec::new());
        assert_eq!(e.kind, EntryKind::Status);
    }
}

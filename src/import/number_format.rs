//! A number as a cell's format shows it, where the format changes what the number means: a
//! scale (`#,##0,` shows 1,500,000 as `1,500`, in thousands; `#,##0,,` in millions), a money
//! unit written after it (`#,##0"百万円"`: 3297 shows `3,297百万円`), or words that scale it
//! (`0"万件"`: 3 shows `3万件`). calamine gives the number
//! alone, which read as it is would be 1,000 times (or a unit) away from what the office sees
//! and typed; so such a cell is read as shown — its number exact (to a millionth), its sign
//! kept, with the unit, which the figure reader then reads as it reads it typed. Other words a
//! format writes (`¥`, `件`, `△` and brackets for negatives) change nothing the number says:
//! the number is read as stored, as before.

/// The text a number cell of format `code` shows, without grouping commas; `None` when the
/// format neither scales the number nor writes a money unit after it (what calamine gives is
/// what it means), or is a date, a time, a percentage or text (read elsewhere).
pub(crate) fn shown(value: f64, code: &str) -> Option<String> {
    let sections = split_sections(code);
    let section = if value < 0.0 && sections.len() >= 2 {
        sections[1]
    } else {
        sections[0]
    };
    let parts = parts_of(section)?;
    let unit = money_unit(&parts.suffix).or_else(|| scaling_words(&parts.suffix));
    if parts.scale == 0 && unit.is_none() {
        return None;
    }
    let number = value / 1000f64.powi(parts.scale);
    let digits = format!("{number:.6}");
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    let digits = if digits == "-0" { "0" } else { digits };
    Some(format!("{digits}{}", unit.unwrap_or_default()))
}

/// Whether a format code changes what a number means ([`shown`] is not `None` for some
/// number): a scale or a money unit in one of its sections.
pub(crate) fn says_more_than_digits(code: &str) -> bool {
    split_sections(code).iter().any(|s| {
        parts_of(s).is_some_and(|p| {
            p.scale > 0
                || money_unit(&p.suffix)
                    .or_else(|| scaling_words(&p.suffix))
                    .is_some()
        })
    })
}

/// Words after the number that scale it (`0"万件"` shows 3 as 「3万件」: 30,000件): read as
/// shown, the figure reader refuses the scale as it refuses 「3万」 typed, and says so. Read as
/// stored, 3 was taken for 3件 without a word. Other words (`件`, `人`) change nothing the
/// number says.
fn scaling_words(suffix: &str) -> Option<String> {
    let words = suffix.trim_matches(|c| matches!(c, '(' | ')' | '（' | '）' | ' ' | '\u{3000}'));
    let scales = words.starts_with(['十', '百', '千', '万', '億', '兆']);
    (scales && words.chars().count() <= MAX_UNIT_CHARS).then(|| words.to_string())
}

/// The money unit a format writes after the number (`千円`, `百万円`, `円`), without what
/// brackets or pads it.
fn money_unit(suffix: &str) -> Option<String> {
    let unit: String = suffix
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '（' | '）' | ' ' | '\u{3000}'))
        .collect();
    // A unit is a word (`百万円`, `十億円`); a format writing thousands of characters before
    // its 円 is no unit, and written into each of 750,000 cells' text it took all the memory
    // there is.
    (unit.ends_with('円') && unit.chars().count() <= MAX_UNIT_CHARS).then_some(unit)
}

/// The longest money unit read from a format (`百万円`: 3).
const MAX_UNIT_CHARS: usize = 8;

/// The sections of a format code, split at `;` outside quotes and escapes.
pub(super) fn split_sections(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut escaped, mut start) = (false, false, 0);
    for (i, c) in code.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                out.push(&code[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&code[start..]);
    out
}

/// What a section writes after its digits, and its scale (a comma after the last digit
/// placeholder divides by 1,000). What it writes before them (`¥`, `△`) says nothing the
/// number does not.
struct Parts {
    suffix: String,
    scale: i32,
}

/// `None` for a section with no digits, or one of a date, a time, a percentage or a fraction,
/// or text (`@`): not a plain number with words.
fn parts_of(section: &str) -> Option<Parts> {
    let mut parts = Parts {
        suffix: String::new(),
        scale: 0,
    };
    let mut seen_digit = false;
    // Commas since the last digit placeholder: a scale if no digit follows.
    let mut commas = 0;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        let literal = match c {
            '0' | '#' | '?' => {
                seen_digit = true;
                commas = 0;
                None
            }
            ',' if seen_digit => {
                commas += 1;
                None
            }
            '.' if seen_digit => None,
            '"' => Some(chars.by_ref().take_while(|&q| q != '"').collect::<String>()),
            '\\' => chars.next().map(String::from),
            // Padding to a character's width, repeating a character: no text of their own.
            '_' | '*' => {
                chars.next();
                None
            }
            '[' => {
                // A colour or a condition (`[Red]`, `[<0]`); a locale (`[$¥-411]`) writes
                // its currency sign.
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                // An elapsed time (`[ss].000`) is a time, not a number with words.
                if is_elapsed(&inside) {
                    return None;
                }
                inside
                    .strip_prefix('$')
                    .map(|s| s.split('-').next().unwrap_or("").to_string())
            }
            '%' | '/' | '@' | 'E' | 'e' => return None,
            c if c.is_ascii_alphabetic() => return None,
            ' ' | '(' | ')' | '-' | '+' | ':' | '!' | '^' | '&' | '\'' | '~' | '{' | '}' | '<'
            | '>' | '=' => Some(c.to_string()),
            // Other characters stand for themselves (`円`, `△`, `¥`), as Excel shows them.
            c => Some(c.to_string()),
        };
        if let Some(text) = literal.filter(|_| seen_digit) {
            parts.suffix.push_str(&text);
        }
    }
    if !seen_digit {
        return None;
    }
    parts.scale = commas;
    parts.suffix = parts.suffix.trim().to_string();
    Some(parts)
}

/// `[h]`, `[mm]`, `[ss]`: an elapsed time's part, in a format's brackets (not a colour).
pub(crate) fn is_elapsed(inside: &str) -> bool {
    !inside.is_empty()
        && inside
            .chars()
            .all(|c| matches!(c, 'h' | 'H' | 'm' | 'M' | 's' | 'S'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A "unit" of thousands of characters before its 円 (a crafted workbook's, copied into a
    /// million cells) is no unit: the number is read as stored.
    #[test]
    fn a_unit_thousands_of_characters_long_is_no_unit() {
        let code = format!("0\"{}円\"", "あ".repeat(3000));
        assert_eq!(shown(5.0, &code), None);
        assert!(!says_more_than_digits(&code));
        assert_eq!(shown(5.0, "0\"十億円\"").as_deref(), Some("5十億円"));
    }

    #[test]
    fn scales_and_money_units_as_shown_other_words_as_stored() {
        let million = r###"#,##0"百万円""###;
        assert_eq!(shown(3297.0, million).as_deref(), Some("3297百万円"));
        assert_eq!(shown(-3297.0, million).as_deref(), Some("-3297百万円"));
        assert_eq!(shown(1_500_000.0, "#,##0,").as_deref(), Some("1500"));
        assert_eq!(shown(1_500_400.0, "#,##0,").as_deref(), Some("1500.4"));
        assert_eq!(shown(2e9, "#,##0,,").as_deref(), Some("2000"));
        assert_eq!(shown(5.0, "0円").as_deref(), Some("5円"));
        assert_eq!(
            shown(-1_620_000.0, r###"#,##0,"千円";[Red]#,##0,"千円""###).as_deref(),
            Some("-1620千円")
        );
        // The sign is the number's, whatever the negative section writes.
        assert_eq!(
            shown(-1_620_000.0, "#,##0,;[Red]#,##0,").as_deref(),
            Some("-1620")
        );
        assert_eq!(
            shown(-1_620_000.0, "#,##0,_);(#,##0,)").as_deref(),
            Some("-1620")
        );
        // Words that change nothing the number says: read as stored.
        for code in [
            r###"#,##0;"△"#,##0"###,
            "#,##0;[Red]#,##0",
            "0;0",
            r###""¥"#,##0"###,
            "[$¥-411]#,##0",
            "_ ¥* #,##0_ ",
            "#,##0.0_);(#,##0.0)",
            r###"0"件""###,
            r###"0"年""###,
            "#,##0.0",
            "General",
            "0%",
            "yyyy/m/d",
            "[<=999]000;000-0000",
        ] {
            assert_eq!(shown(-1620.0, code), None, "{code}");
            assert_eq!(shown(1620.0, code), None, "{code}");
            assert!(!says_more_than_digits(code), "{code}");
        }
        assert!(says_more_than_digits(million));
        // Words that scale it: as shown, for the figure reader to refuse the scale.
        assert_eq!(shown(3.0, r###"0"万件""###).as_deref(), Some("3万件"));
        assert_eq!(shown(3.0, r###"0"万""###).as_deref(), Some("3万"));
        assert!(says_more_than_digits(r###"0"千人""###));
        assert!(says_more_than_digits("#,##0,"));
    }
}

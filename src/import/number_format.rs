//! A number as a cell's format shows it, where the format says more than the digits: a unit
//! written in it (`#,##0"百万円"`: 3297 shows `3,297百万円`), a scale (`#,##0,` shows 1,500,000
//! as `1,500`, in thousands) or a sign for negatives (`#,##0;"△"#,##0`). calamine gives the
//! number alone, which read as it is would be 1,000 times (or a unit) away from what the office
//! sees and typed; so such a cell is read as shown — its number exact (to a millionth), with
//! the format's words, which the figure reader then reads as it reads them typed.

/// The text a number cell of format `code` shows, without the grouping commas (the figure
/// reader takes either); `None` when the format shows the number alone (what calamine gives
/// is what is shown), or is a date, a time or a percentage (read elsewhere).
pub(crate) fn shown(value: f64, code: &str) -> Option<String> {
    let sections = split_sections(code);
    let negative = value < 0.0 && sections.len() >= 2;
    let section = if negative { sections[1] } else { sections[0] };
    let parts = parts_of(section)?;
    if parts.prefix.is_empty() && parts.suffix.is_empty() && parts.scale == 0 && !negative {
        return None;
    }
    // A negative section writes its own sign (`"△"#,##0`), or none: the number is shown
    // without the minus either way.
    let number = if negative { -value } else { value };
    let number = number / 1000f64.powi(parts.scale);
    let digits = format!("{number:.6}");
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    let digits = if digits == "-0" { "0" } else { digits };
    Some(format!("{}{digits}{}", parts.prefix, parts.suffix))
}

/// Whether a format code changes what a number reads as ([`shown`] is not `None` for some
/// number).
pub(crate) fn says_more_than_digits(code: &str) -> bool {
    let sections = split_sections(code);
    sections.iter().enumerate().any(|(k, s)| {
        parts_of(s).is_some_and(|p| {
            !p.prefix.is_empty() || !p.suffix.is_empty() || p.scale > 0 || (k == 1)
        })
    })
}

/// The sections of a format code, split at `;` outside quotes and escapes.
fn split_sections(code: &str) -> Vec<&str> {
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

/// What a section writes before and after its digits, and its scale (a comma after the last
/// digit placeholder divides by 1,000).
struct Parts {
    prefix: String,
    suffix: String,
    scale: i32,
}

/// `None` for a section with no digits, or one of a date, a time, a percentage or a fraction,
/// or text (`@`): not a plain number with words.
fn parts_of(section: &str) -> Option<Parts> {
    let mut parts = Parts {
        prefix: String::new(),
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
        if let Some(text) = literal {
            if seen_digit {
                parts.suffix.push_str(&text);
            } else {
                parts.prefix.push_str(&text);
            }
        }
    }
    if !seen_digit {
        return None;
    }
    parts.scale = commas;
    parts.prefix = parts.prefix.trim().to_string();
    parts.suffix = parts.suffix.trim().to_string();
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_scales_and_signs_as_shown() {
        let million = r###"#,##0"百万円""###;
        let triangle = r###"#,##0;"△"#,##0"###;
        assert_eq!(shown(3297.0, million).as_deref(), Some("3297百万円"));
        assert_eq!(shown(1_500_000.0, "#,##0,").as_deref(), Some("1500"));
        assert_eq!(shown(1_500_400.0, "#,##0,").as_deref(), Some("1500.4"));
        assert_eq!(shown(2e9, "#,##0,,").as_deref(), Some("2000"));
        assert_eq!(shown(-120.0, triangle).as_deref(), Some("△120"));
        assert_eq!(
            shown(-120.0, r###"#,##0;\▲#,##0"###).as_deref(),
            Some("▲120")
        );
        assert_eq!(shown(120.0, triangle), None);
        assert_eq!(shown(5.0, "0円").as_deref(), Some("5円"));
        assert_eq!(shown(285.0, r###"0"件""###).as_deref(), Some("285件"));
        assert_eq!(shown(1234.5, "#,##0.0"), None);
        assert_eq!(shown(1234.0, "General"), None);
        let red = "#,##0_ ;[Red]-#,##0 ";
        assert_eq!(shown(1234.0, red), None);
        assert_eq!(shown(-1234.0, red).as_deref(), Some("-1234"));
        assert_eq!(shown(0.5, "0%"), None);
        assert_eq!(shown(43000.0, "yyyy/m/d"), None);
        assert_eq!(shown(1234.0, "[$¥-411]#,##0").as_deref(), Some("¥1234"));
        assert!(says_more_than_digits(million));
        assert!(says_more_than_digits("#,##0,"));
        assert!(!says_more_than_digits("#,##0"));
        assert!(!says_more_than_digits("0.00%"));
    }
}

//! A number cell's text as Excel shows it, for the cells read as text (a division's result
//! typed into a cell that was formatted as a number, `#,##0"人"`: it shows 「1,234人」 and the
//! value alone is 1234). Only formats of one shape are written here — words, digits, words:
//! grouping, decimals, a scale, a negative section, quoted or escaped words, a locale's
//! currency sign. A date, a time, a fraction, a percentage, a scientific or a conditional
//! format gives `None`: the value is read as calamine gives it, and the reader says so.

use super::number_format::split_sections;

/// The built-in number formats Excel writes by id alone (`numFmtId`) which show a number other
/// than as its bare digits: grouping and decimals (1–4), scientific (11, 48), fractions (12, 13)
/// and accounting brackets (37–40). General (0), percentages (read shown by calamine), dates and
/// times (read as dates) and text (49) are not here.
pub(crate) fn built_in(id: u32) -> Option<&'static str> {
    match id {
        1 => Some("0"),
        2 => Some("0.00"),
        3 => Some("###,##0"),
        4 => Some("###,##0.00"),
        11 => Some("0.00E+00"),
        12 => Some("# ?/?"),
        13 => Some("# ??/??"),
        37 => Some("#,##0 ;(#,##0)"),
        38 => Some("#,##0 ;[Red](#,##0)"),
        39 => Some("#,##0.00;(#,##0.00)"),
        40 => Some("#,##0.00;[Red](#,##0.00)"),
        48 => Some("##0.0E+0"),
        _ => None,
    }
}

/// What a section writes around its digits, and how it writes them.
#[derive(Default)]
struct Shape {
    before: String,
    after: String,
    /// `0`s before the decimal point: the fewest digits shown there.
    int_zeros: usize,
    grouped: bool,
    /// The decimals always shown (`0`) and at most (`0` and `#`).
    decimals_min: usize,
    decimals_max: usize,
    /// Commas after the last digit: thousands each.
    scale: i32,
    /// Words alone, no digits.
    literal: bool,
}

/// The text a number cell of format `code` shows; `None` when the format is not one this
/// writes, or is General.
pub(crate) fn as_text(value: f64, code: &str) -> Option<String> {
    if !value.is_finite() || code.trim().eq_ignore_ascii_case("general") {
        return None;
    }
    let sections = split_sections(code);
    // pos;neg;zero: a negative section shows the value without its sign.
    let (section, signed) = match sections.len() {
        n if value == 0.0 && n >= 3 => (sections[2], false),
        n if value < 0.0 && n >= 2 => (sections[1], false),
        _ => (sections[0], value < 0.0),
    };
    let shape = shape_of(section)?;
    if shape.literal {
        return Some(shape.before);
    }
    let number = value.abs() / 1000f64.powi(shape.scale);
    let fixed = fixed_as_excel(number, shape.decimals_max);
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut frac = frac.to_string();
    while frac.len() > shape.decimals_min && frac.ends_with('0') {
        frac.pop();
    }
    let int = int.trim_start_matches('0');
    let int = format!("{int:0>width$}", width = shape.int_zeros);
    let int = if shape.grouped { grouped(&int) } else { int };
    let mut out = String::new();
    if signed {
        out.push('-');
    }
    out.push_str(&shape.before);
    out.push_str(&int);
    if shape.decimals_max > 0 {
        out.push('.');
        out.push_str(&frac);
    }
    out.push_str(&shape.after);
    Some(out)
}

/// `number` (not negative) with `decimals` decimals as Excel shows it: its 15 significant
/// digits rounded half away from zero (12.5 in `0` is 13, 0.855 in `0.00` is 0.86; `format!`
/// rounds the binary value half to even, 12 and 0.85, and the cell was said read "as shown").
fn fixed_as_excel(number: f64, decimals: usize) -> String {
    let sci = format!("{number:.14e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: Vec<u8> = (mantissa.bytes())
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    // The digits before the decimal point, and the digits kept: those and the decimals.
    let point = exponent + 1;
    let kept = point + decimals as i64;
    let mut out: Vec<u8> = (0..kept.max(0))
        .map(|k| digits.get(k as usize).copied().unwrap_or(0))
        .collect();
    let next = usize::try_from(kept)
        .ok()
        .and_then(|k| digits.get(k))
        .copied();
    let mut point = point;
    if kept >= 0 && next.is_some_and(|d| d >= 5) {
        let mut k = out.len();
        loop {
            if k == 0 {
                out.insert(0, 1);
                point += 1;
                break;
            }
            k -= 1;
            if out[k] == 9 {
                out[k] = 0;
            } else {
                out[k] += 1;
                break;
            }
        }
    }
    // Digits before the point: none (a value below 1) reads as `0`, and a value below the
    // decimals shown reads as zeros.
    let int_len = point.clamp(0, out.len() as i64) as usize;
    let int: String = out[..int_len]
        .iter()
        .map(|d| char::from(b'0' + d))
        .collect();
    let int = if int.is_empty() { "0".to_string() } else { int };
    let leading = usize::try_from(-point).unwrap_or(0).min(decimals);
    let frac: String = std::iter::repeat_n('0', leading)
        .chain(out[int_len..].iter().map(|d| char::from(b'0' + d)))
        .take(decimals)
        .collect();
    match decimals {
        0 => int,
        _ => format!("{int}.{frac:0<decimals$}"),
    }
}

/// `1234567` as `1,234,567`.
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The shape of a section, or `None` for one with no digits or of another kind.
fn shape_of(section: &str) -> Option<Shape> {
    let mut shape = Shape::default();
    let (mut seen_digit, mut in_decimals, mut commas) = (false, false, 0);
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        let literal: Option<String> = match c {
            '0' | '#' => {
                if in_decimals {
                    shape.decimals_max += 1;
                    shape.decimals_min += usize::from(c == '0');
                } else {
                    shape.int_zeros += usize::from(c == '0');
                    shape.grouped |= commas > 0;
                }
                seen_digit = true;
                commas = 0;
                None
            }
            ',' if seen_digit => {
                commas += 1;
                None
            }
            '.' if !in_decimals => {
                in_decimals = true;
                None
            }
            '"' => Some(chars.by_ref().take_while(|&q| q != '"').collect()),
            '\\' => chars.next().map(String::from),
            // A space as wide as a character; a character repeated to fill the cell.
            '_' => chars.next().map(|_| " ".to_string()),
            '*' => {
                chars.next();
                None
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                match inside.strip_prefix('$') {
                    Some(locale) => Some(locale.split('-').next().unwrap_or("").to_string()),
                    // A condition (`[<=999]`) picks a section by the value, an elapsed time
                    // (`[ss].000`: 0.5 is 43200.000 seconds) counts in days: not written here.
                    None if inside.starts_with(['<', '>', '='])
                        || super::number_format::is_elapsed(&inside) =>
                    {
                        return None;
                    }
                    // A colour.
                    None => None,
                }
            }
            '?' | '%' | '/' | '@' => return None,
            c if c.is_ascii_alphabetic() => return None,
            c => Some(c.to_string()),
        };
        if let Some(text) = literal {
            if seen_digit {
                shape.after.push_str(&text);
            } else {
                shape.before.push_str(&text);
            }
        }
    }
    if !seen_digit {
        // A section of words alone (`"なし"` for zero) shows them; one showing nothing is not
        // read as nothing.
        shape.literal = !shape.before.trim().is_empty();
        return shape.literal.then_some(shape);
    }
    shape.scale = commas;
    // Excel shows at most 30 decimals and a format code holds at most 255 characters: a
    // section asking for more is no format Excel writes (and `format!` takes no wider field).
    if shape.decimals_max > 30 || shape.int_zeros > 255 {
        return None;
    }
    Some(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A crafted format of 70,000 decimals or zeros: no format Excel writes, read as the
    /// value (`format!` panicked on the width).
    #[test]
    fn a_format_wider_than_excel_writes_is_none() {
        let many = "0".repeat(70_000);
        assert_eq!(as_text(1234.0, &format!("0.{many}")), None);
        assert_eq!(as_text(1234.0, &many), None);
        assert_eq!(
            as_text(1.5, &format!("0.{}", "0".repeat(30))).map(|t| t.len()),
            Some(32)
        );
    }

    /// An elapsed time counts in days (0.5 in `[ss].000` shows 43200.000): not written here,
    /// so the value is kept; it was shown 「.500」, read as a colour before a number.
    #[test]
    fn an_elapsed_time_is_not_written_here() {
        for code in ["[ss].000", "[s].0", "[h]:mm", "[mm]:ss", "[SS].00"] {
            assert_eq!(as_text(0.5, code), None, "{code}");
        }
        assert_eq!(as_text(5.0, "[Red]0").as_deref(), Some("5"));
    }

    #[test]
    fn numbers_as_excel_shows_them() {
        for (value, code, shown) in [
            (1234.0, r###"#,##0"人""###, "1,234人"),
            (1.5, r###"0.0"回""###, "1.5回"),
            (1234567.0, "#,##0", "1,234,567"),
            (1234.5, "#,##0.00", "1,234.50"),
            (-120.0, r###"#,##0;"△"#,##0"###, "△120"),
            (-120.0, "#,##0", "-120"),
            (0.0, r###"#,##0;-#,##0;"なし""###, "なし"),
            (1_500_000.0, "#,##0,", "1,500"),
            (3297.0, r###"#,##0"百万円""###, "3,297百万円"),
            (5.0, "[$¥-411]#,##0", "¥5"),
            (1.25, "0.0#", "1.25"),
            (1.2, "0.0#", "1.2"),
            (7.0, "000", "007"),
            (12.0, "第0回", "第12回"),
            (12.0, r"\第0\回", "第12回"),
            (0.5, "#.0", ".5"),
            // Halves away from zero on the 15 significant digits, as Excel rounds.
            (12.5, r###"0"回""###, "13回"),
            (1234.5, r###"#,##0"人""###, "1,235人"),
            (0.855, "0.00", "0.86"),
            (2.5, "0", "3"),
            (0.05, "0.0", "0.1"),
            (9.96, "0.0", "10.0"),
            (999.5, "#,##0", "1,000"),
            (0.004, "0.00", "0.00"),
            (0.0, "0.00", "0.00"),
            (1e-20, "0.0", "0.0"),
            (1_234_567.0, r###"#,##0,"千円""###, "1,235千円"),
            (1e20, "0", "100000000000000000000"),
        ] {
            assert_eq!(as_text(value, code).as_deref(), Some(shown), "{code}");
        }
        for code in [
            "General",
            "yyyy/m/d",
            "0%",
            "# ?/?",
            "0.00E+00",
            "@",
            "[<=999]000",
        ] {
            assert_eq!(as_text(12.0, code), None, "{code}");
        }
    }
}

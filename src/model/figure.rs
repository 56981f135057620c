//! Numbers as offices type them (「3,297」, 「１２．５」, 「△120」, 「95%」, 「3,297百万円」) read
//! exactly, into a decimal that compares and saves without rounding. What cannot be read
//! exactly (「1.2億」, 「約300」, 「3,29,7」) is a [`FigureProblem`]: the caller keeps the text as
//! written and warns; nothing is guessed.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::lang::{Describe, Lang, say};

/// A decimal number: `units` × 10^-`scale` (12.5 is 125 at scale 1). Saved as its text
/// (`"12.5"`), so a file reads as the office typed the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Decimal {
    units: i64,
    scale: u8,
}

/// The most digits after the point kept (a rate to 1e-6 is more than any report prints).
const MAX_SCALE: u8 = 6;

impl Decimal {
    pub fn whole(n: i64) -> Decimal {
        Decimal { units: n, scale: 0 }
    }

    pub fn as_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// The value in millionths, exactly (every decimal has at most `MAX_SCALE` places).
    pub fn millionths(self) -> i128 {
        i128::from(self.units) * 10i128.pow(u32::from(MAX_SCALE.saturating_sub(self.scale)))
    }

    /// Times `factor` (1,000 for 千円), exactly: `None` when the result is not a whole number
    /// or does not fit.
    pub fn times_whole(self, factor: i64) -> Option<i64> {
        let pow = 10i64.checked_pow(u32::from(self.scale))?;
        let product = i128::from(self.units) * i128::from(factor);
        if product % i128::from(pow) != 0 {
            return None;
        }
        i64::try_from(product / i128::from(pow)).ok()
    }

    /// A whole number divided by `divisor` (yen shown in 百万円), kept to `MAX_SCALE` places
    /// when it does not divide evenly; trailing zeros dropped.
    pub fn ratio(n: i64, divisor: i64) -> Decimal {
        let mut scale = 0u8;
        let mut units = i128::from(n);
        let d = i128::from(divisor.max(1));
        while units % d != 0 && scale < MAX_SCALE {
            units *= 10;
            scale += 1;
        }
        let units = i64::try_from(units / d).unwrap_or(i64::MAX);
        Decimal { units, scale }.trimmed()
    }

    fn trimmed(mut self) -> Decimal {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    /// Reads plain ASCII `-12.5` (no separators): the form it is saved in.
    fn parse_plain(text: &str) -> Option<Decimal> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !fraction.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > MAX_SCALE as usize {
            return None;
        }
        if digits.contains('.') && fraction.is_empty() {
            return None;
        }
        // Read with its sign: the most negative amount has no positive twin.
        let sign = if negative { "-" } else { "" };
        let units: i64 = format!("{sign}{whole}{fraction}").parse().ok()?;
        Some(
            Decimal {
                units,
                scale: fraction.len() as u8,
            }
            .trimmed(),
        )
    }
}

/// `part` ÷ `whole` × 100 to one decimal place, as reports print rates: computed exactly,
/// halves away from zero (28.75 → 28.8; in floating point it came out 28.7), and never a
/// negative zero. `None` when `whole` is 0.
pub fn percent_to_tenth(part: i128, whole: i128) -> Option<f64> {
    if whole == 0 {
        return None;
    }
    let (n, d) = if whole < 0 {
        (part.checked_neg()?.checked_mul(1000)?, whole.checked_neg()?)
    } else {
        (part.checked_mul(1000)?, whole)
    };
    let (q, r) = (n / d, n % d);
    let rounded = if r.unsigned_abs() * 2 >= d.unsigned_abs() {
        q + n.signum()
    } else {
        q
    };
    Some(rounded as f64 / 10.0)
}

/// As [`percent_to_tenth`], for a rate whose 100 % means reached: short of the whole it reads
/// at most 99.9 (999.95 of 1,000 rounded to 100.0 beside 「目標未達成」), and at or past it at
/// least 100.0.
pub fn percent_reached(part: i128, whole: i128) -> Option<f64> {
    let rate = percent_to_tenth(part, whole)?;
    let short = if whole > 0 {
        part < whole
    } else {
        part > whole
    };
    Some(if short { rate.min(99.9) } else { rate })
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.units);
        }
        let pow = 10u64.pow(u32::from(self.scale));
        let abs = self.units.unsigned_abs();
        let sign = if self.units < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / pow,
            abs % pow,
            width = self.scale as usize
        )
    }
}

impl From<Decimal> for String {
    fn from(d: Decimal) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Decimal {
    type Error = String;
    fn try_from(text: String) -> Result<Decimal, String> {
        // Quoted in a message: a 1 MB number is shown by its start.
        Decimal::parse_plain(&text).ok_or_else(|| {
            format!(
                "not a decimal number: {:?}",
                crate::model::text::preview(&text)
            )
        })
    }
}

/// What a typed number holds: its value and the unit written after it (`百万円`, `%`, `件`;
/// empty when none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub value: Decimal,
    pub unit: String,
}

/// Why a typed number was not read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureProblem {
    /// 億 or 万 scales the number (「1.2億」): read as a guess of its unit, so not read.
    KanjiScale,
    /// Not a number (「約300」, 「未集計」, 「3,29,7」).
    NotANumber,
    /// More digits after the point than are kept.
    TooPrecise,
    /// More digits in all than are kept (a 20-digit amount).
    TooLong,
    /// A space between digits (「1 200」, 「12 5」): one number with a space typed in, or two
    /// numbers side by side as text taken from a PDF writes them (「平成 29 年度」) — which,
    /// cannot be told.
    SpaceInside,
}

impl Describe for FigureProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            FigureProblem::KanjiScale => say(
                lang,
                "億・万の付いた数は読みません（千円・百万円などの単位で書いてください）".into(),
                "a number scaled by 億 or 万 is not read (write it in a unit such as 千円 or 百万円)"
                    .into(),
            ),
            FigureProblem::NotANumber => say(lang, "数として読めません".into(), "not a number".into()),
            FigureProblem::TooPrecise => say(
                lang,
                "桁が多すぎます（小数点以下6桁まで）".into(),
                "too many digits (at most 6 after the point)".into(),
            ),
            FigureProblem::TooLong => say(
                lang,
                "桁が多すぎます（全体で18桁まで）".into(),
                "too many digits (at most 18 in all)".into(),
            ),
            FigureProblem::SpaceInside => say(
                lang,
                "数字の間に空白があります（一つの数か二つの数か分かりません）".into(),
                "a space between digits (one number or two cannot be told)".into(),
            ),
        }
    }
}

/// Full-width digits, signs and separators as their ASCII forms; spaces dropped.
fn narrow(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' | '、' => ',',
            '．' => '.',
            '－' | '−' | '‐' => '-',
            '％' => '%',
            '＋' => '+',
            other => other,
        })
        .collect()
}

/// Whether a cell says none: empty, or a bare dash (`－`, `-`, `―`, `—`) as tables write it —
/// for a number, and for a rating (a dash in a 評価 column is 未評価, not a level).
pub fn is_blank(text: &str) -> bool {
    let text = narrow(text);
    text.is_empty() || ["-", "―", "—", "ー"].contains(&text.as_str())
}

/// Reads a number as an office types it. `Ok(None)` for a blank cell (empty, or a bare dash
/// `－`, `―`, `—` as tables write "none").
pub fn read(text: &str) -> Result<Option<Reading>, FigureProblem> {
    if space_between_digits(text) {
        return Err(FigureProblem::SpaceInside);
    }
    if is_blank(text) {
        return Ok(None);
    }
    let text = narrow(text);
    // △ / ▲ are how Japanese accounts write a minus.
    let (negative, rest) = match text.chars().next() {
        Some('△' | '▲' | '-') => (true, &text[text.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &text[1..]),
        _ => (false, text.as_str()),
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let (number, unit) = rest.split_at(end);
    // 「1.2億」, 「3万」, 「3万円」: a scale, not a unit. 「10万人」 reads as 10 in 万人, the
    // unit of an indicator counted in 万人 (whose own figures were refused and kept unread);
    // in another unit it is refused as not in the indicator's unit.
    if unit.contains(['億', '兆']) || unit == "万" || unit == "万円" {
        return Err(FigureProblem::KanjiScale);
    }
    if number.is_empty() || unit.chars().any(|c| c.is_ascii_digit()) {
        return Err(FigureProblem::NotANumber);
    }
    let plain = without_separators(number).ok_or(FigureProblem::NotANumber)?;
    let signed = if negative {
        format!("-{plain}")
    } else {
        plain.clone()
    };
    let value = Decimal::parse_plain(&signed).ok_or_else(|| {
        let fraction = plain.split_once('.').map_or(0, |(_, f)| f.len());
        if fraction > MAX_SCALE as usize {
            FigureProblem::TooPrecise
        } else if plain.len() > 18 {
            FigureProblem::TooLong
        } else {
            FigureProblem::NotANumber
        }
    })?;
    Ok(Some(Reading {
        value,
        unit: unit.to_string(),
    }))
}

/// Whether a space stands between two digits (separators count as the number's: `1, 200`):
/// spaces around a number, or between it and its sign or unit (`△ 120`, `3,297 百万円`), are
/// none of its own.
fn space_between_digits(text: &str) -> bool {
    let of_number =
        |c: char| crate::model::text::is_digit(c) || matches!(c, ',' | '.' | '，' | '．' | '、');
    let mut last = None;
    let mut spaced = false;
    for c in text.chars() {
        if c.is_whitespace() {
            spaced = last.is_some();
            continue;
        }
        if spaced && last.is_some_and(of_number) && of_number(c) {
            return true;
        }
        (last, spaced) = (Some(c), false);
    }
    false
}

/// `3,297` → `3297`; commas only between groups of three digits (`3,29,7` is not a number).
fn without_separators(number: &str) -> Option<String> {
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number, None),
    };
    if fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let whole = whole.replace(',', "");
    Some(match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole,
    })
}

/// A number with its thousands grouped as reports print them (`3,297`, a minus as offices write
/// it `△1,200.5`, from `-1200.5` or `△1200.5`); text kept as written is printed as it is.
pub fn grouped(number: &str) -> String {
    let (sign, digits) = match number
        .strip_prefix('-')
        .or_else(|| number.strip_prefix('△'))
    {
        Some(rest) => ("△", rest),
        None => ("", number),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::from(sign);
    for (k, c) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

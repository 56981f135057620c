//! Japanese era years (平成/令和, H/R, 元年) and fiscal years (April → March).

use serde::{Deserialize, Serialize};
use std::fmt;

use super::text::normalize;

/// The eras a report of this century can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    /// The Western year of the era's year 1.
    fn offset(self) -> i32 {
        match self {
            Era::Showa => 1925,
            Era::Heisei => 1988,
            Era::Reiwa => 2018,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The days the era ran (its first and last; `None`: it runs on), as the calendar has
    /// them: 昭和 ended on 7 January 1989, 平成 on 30 April 2019.
    fn days(self) -> (chrono::NaiveDate, Option<chrono::NaiveDate>) {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        match self {
            Era::Showa => (day(1926, 12, 25), Some(day(1989, 1, 7))),
            Era::Heisei => (day(1989, 1, 8), Some(day(2019, 4, 30))),
            Era::Reiwa => (day(2019, 5, 1), None),
        }
    }

    /// Whether `date` fell in the era (`平成31年5月1日` is no day: 令和元年5月1日 is).
    fn had(self, date: chrono::NaiveDate) -> bool {
        let (first, last) = self.days();
        date >= first && last.is_none_or(|last| date <= last)
    }

    const PREFIXES: [(&'static str, Era); 9] = [
        ("昭和", Era::Showa),
        ("平成", Era::Heisei),
        ("令和", Era::Reiwa),
        ("S", Era::Showa),
        ("H", Era::Heisei),
        ("R", Era::Reiwa),
        ("s", Era::Showa),
        ("h", Era::Heisei),
        ("r", Era::Reiwa),
    ];
}

/// A fiscal year, named by the Western year in which it starts (FY2017 = April 2017 – March 2018).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The years Shinchoku reads: anything outside is refused on import and on open, so that
    /// year arithmetic elsewhere never comes near overflow.
    pub const SUPPORTED: std::ops::RangeInclusive<i32> = 1900..=9999;

    pub fn is_supported(self) -> bool {
        Self::SUPPORTED.contains(&self.0)
    }

    /// The era form used in reports: `平成29年度`; FY2019 is `令和元年度` (the era changed in
    /// May 2019, and the year is called by the new era).
    pub fn era_form(self) -> String {
        let (era, n) = self.era_year();
        if n == 1 {
            format!("{}元年度", era.name())
        } else {
            format!("{}{}年度", era.name(), n)
        }
    }

    /// The short form of the stage table headings: `28年度`.
    pub fn short_form(self) -> String {
        let (_, n) = self.era_year();
        if n == 1 {
            "元年度".to_string()
        } else {
            format!("{n}年度")
        }
    }

    /// The short form as a report of `reference`'s year writes it: a Heisei 29 report calls
    /// FY2019 `31年度`, not `元年度`.
    /// A year far from `reference`'s, whose short form reads back as another era's
    /// (`1309年度` beside 2017 is Showa's 3234), is written in full: `3297年度`.
    pub fn short_form_like(self, reference: FiscalYear) -> String {
        let (era, _) = reference.era_year();
        let n = self.0.saturating_sub(era.offset());
        let short = if n > 1 {
            format!("{n}年度")
        } else {
            self.short_form()
        };
        if parse_short_fiscal_year(&short, reference) == Some(self) {
            short
        } else {
            format!("{}年度", self.0)
        }
    }

    pub fn era_year(self) -> (Era, i32) {
        let era = if self.0 >= 2019 {
            Era::Reiwa
        } else if self.0 >= 1989 {
            Era::Heisei
        } else {
            Era::Showa
        };
        (era, self.0.saturating_sub(era.offset()))
    }

    /// The calendar year a month of this fiscal year falls in: January–March fall in the next.
    pub fn calendar_year_of(self, calendar_month: u8) -> i32 {
        if calendar_month <= 3 {
            self.0.saturating_add(1)
        } else {
            self.0
        }
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}年度）", self.era_form(), self.0)
    }
}

/// If `text` (normalised: no spaces, ASCII digits) starts with an era and a year number
/// (`平成29`, `H31`, `令和元`), returns the rest after the number.
pub(crate) fn strip_era_year(text: &str) -> Option<&str> {
    split_era_year(text).map(|(_, rest)| rest)
}

/// `平成29…` is 2017 and `…`.
pub(crate) fn split_era_year(text: &str) -> Option<(i32, &str)> {
    for (prefix, era) in Era::PREFIXES {
        let Some(rest) = text.strip_prefix(prefix) else {
            continue;
        };
        if let Some(rest) = rest.strip_prefix('元') {
            return Some((era.offset() + 1, rest));
        }
        // `平成2147483647年度`: a number too large for a year is no year (checked, not wrapped).
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if let Ok(n) = rest[..end].parse::<i32>()
            && n >= 1
            && let Some(year) = supported_year(era.offset().checked_add(n))
        {
            return Some((year, &rest[end..]));
        }
    }
    None
}

/// A date typed as offices type one: `2017-10-13`, `2017/10/5`, `2017.10.5`, in full-width
/// digits and separators too (`２０１７／１０／５`), or in words (`平成29年10月13日`,
/// `2017年10月13日`, `令和元年5月1日`); `None` for anything else, and for a day the era written
/// did not have (`平成31年5月1日`, `平成元年1月7日`). One reader for the window,
/// the workbooks and the command line: four had their own rules, and a date the command line
/// took (`平成29年10月13日`) the window's fields refused.
pub fn read_date(text: &str) -> Option<chrono::NaiveDate> {
    let typed: String = (text.trim().chars())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '/' | '／' | '.' | '．' | '－' | '−' => '-',
            _ => c,
        })
        .collect();
    chrono::NaiveDate::parse_from_str(&typed, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            let normalized = normalize(text.trim());
            let ("", (y, m, d)) = written_date_at_end(&normalized)? else {
                return None;
            };
            let date = chrono::NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
            // A day written in an era it did not fall in is none (`平成31年5月1日`,
            // `昭和64年1月8日`): it was taken as the Western day the sum gives.
            let era = Era::PREFIXES
                .iter()
                .find(|(prefix, _)| normalized.starts_with(prefix))
                .map(|(_, era)| *era);
            era.is_none_or(|era| era.had(date)).then_some(date)
        })
}

/// The date `2018年3月31日` (or `平成30年3月31日`) a normalised text ends with: what stands
/// before it, and the year, month and day.
pub fn written_date_at_end(s: &str) -> Option<(&str, (i32, u8, u8))> {
    let (rest, day) = trailing_number(s.strip_suffix('日')?)?;
    let (rest, month) = trailing_number(rest.strip_suffix('月')?)?;
    let rest = rest.strip_suffix('年')?;
    // The year: four digits, or an era's (`平成30`, `令和元`), the shortest that reads.
    (rest.char_indices().rev().take(8)).find_map(|(i, _)| {
        let year = parse_era_year(&format!("{}年", &rest[i..]))?;
        Some((&rest[..i], (year, month, day)))
    })
}

/// The number of at most two digits `s` ends with, and what stands before it.
fn trailing_number(s: &str) -> Option<(&str, u8)> {
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let at = s.len() - digits;
    Some((&s[..at], s[at..].parse().ok()?))
}

/// The years a survey's dates (sent, due, today) are taken in: 平成 1 to 2199. A year such as
/// 0000 or +10000 is a typing slip, not a date to record.
pub const SURVEY_DATE_YEARS: std::ops::RangeInclusive<i32> = 1989..=2199;

/// Why a survey's date was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyDateProblem {
    NotADate,
    /// A date outside [`SURVEY_DATE_YEARS`].
    OutsideYears(chrono::NaiveDate),
}

/// A survey's date (sent, due, today) as the window and the command line read one: as
/// [`read_date`] reads it, in [`SURVEY_DATE_YEARS`].
pub fn read_survey_date(text: &str) -> Result<chrono::NaiveDate, SurveyDateProblem> {
    use chrono::Datelike;
    let date = read_date(text).ok_or(SurveyDateProblem::NotADate)?;
    if SURVEY_DATE_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(SurveyDateProblem::OutsideYears(date))
    }
}

/// Reads an era year such as `平成29年度`, `平成 29 年度`, `令和元年度`, `H31`, `R1年`, or a
/// Western `2017年度`, and gives the Western year.
pub fn parse_era_year(text: &str) -> Option<i32> {
    let s = normalize(text);
    let rest_ok = |rest: &str| matches!(rest, "" | "年" | "年度");
    if let Some((year, rest)) = split_era_year(&s) {
        return rest_ok(rest).then_some(year);
    }
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 4 && rest_ok(&s[end..]) {
        return supported_year(s[..end].parse().ok());
    }
    None
}

/// Finds the first era year written anywhere in a line of text (`平成 29 年度「…」`).
pub fn find_era_year(text: &str) -> Option<i32> {
    let s = normalize(text);
    s.char_indices()
        .filter(|(_, c)| matches!(c, '昭' | '平' | '令' | 'H' | 'R'))
        .find_map(|(i, _)| {
            let (year, rest) = split_era_year(&s[i..])?;
            rest.starts_with('年').then_some(year)
        })
}

/// An era year written in a heading without 年度 (`R3目標`, `目標(H30)`, `令和3実績`): an era's
/// letter or name right before its digits, not inside a word of letters (`KPIR3`, `items2`),
/// and not a date or a comparison (`H30.3末`, `H29比`).
pub fn find_era_year_in_heading(text: &str) -> Option<i32> {
    let s = normalize(text);
    s.char_indices()
        .filter(|(_, c)| matches!(c, '昭' | '平' | '令' | 'S' | 'H' | 'R' | 's' | 'h' | 'r'))
        .find_map(|(i, _)| {
            let in_word = s[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric());
            let (year, rest) = split_era_year(&s[i..]).filter(|_| !in_word)?;
            // A date or a comparison (`H30.3末`, `H29比`, `R2/3`) names no year's figure.
            let dated = rest.starts_with(|c: char| {
                c.is_ascii_alphanumeric() || ".．/／-－~～比末月".contains(c)
            });
            (!dated).then_some(year)
        })
}

/// An era year written in the text that is no year Shinchoku handles (`平成2147483647年度`):
/// what is written, so that a warning can quote it.
pub fn find_unsupported_era_year(text: &str) -> Option<String> {
    let s = normalize(text);
    s.char_indices()
        .filter(|(_, c)| matches!(c, '昭' | '平' | '令' | 'H' | 'R'))
        .find_map(|(i, _)| {
            let rest = s.get(i..)?;
            let (prefix, _) = Era::PREFIXES.iter().find(|(p, _)| rest.starts_with(p))?;
            let after = rest.get(prefix.len()..)?;
            let end = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            let written = rest.get(..prefix.len() + end + '年'.len_utf8())?;
            (end > 0 && after.get(end..)?.starts_with('年') && split_era_year(rest).is_none())
                .then(|| written.to_string())
        })
}

/// Reads a stage table heading such as `28年度` or `平成28年度`. A year without an era is taken
/// in whichever era puts it nearest the report's own fiscal year.
pub fn parse_short_fiscal_year(text: &str, near: FiscalYear) -> Option<FiscalYear> {
    if let Some(y) = parse_era_year(text) {
        return Some(FiscalYear(y));
    }
    let s = normalize(text);
    let n: i32 = if let Some(rest) = s.strip_prefix('元') {
        matches!(rest, "年度" | "年").then_some(1)?
    } else {
        let end = s.find(|c: char| !c.is_ascii_digit())?;
        if !matches!(&s[end..], "年度" | "年") {
            return None;
        }
        s[..end].parse().ok()?
    };
    // `2147483000年度`: checked, so a number too large for a year reads as no year.
    [Era::Showa, Era::Heisei, Era::Reiwa]
        .iter()
        .filter_map(|e| supported_year(e.offset().checked_add(n)))
        .min_by_key(|y| y.abs_diff(near.0))
        .map(FiscalYear)
}

fn supported_year(year: Option<i32>) -> Option<i32> {
    year.filter(|y| FiscalYear::SUPPORTED.contains(y))
}

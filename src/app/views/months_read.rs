//! Why the 時期 field's text is not read as months, in the window's language.
//!
//! The core's `MonthError` gives its reason as English text (`src/model/months.rs`), which the
//! Japanese window showed as it was ('a number without 月'). Until the core gives a typed
//! reason, the window recognises the reasons it writes and words them; a reason it does not
//! know is said in general terms in Japanese, and as the core wrote it in English.

use crate::lang::{Describe, Lang, say};
use crate::model::diag::WarningKind;
use crate::model::months::MonthError;

/// A problem reading a typed entry, worded; an unreadable month expression with its reason in
/// the window's language (the core's warning carries the reason as English text).
pub fn problem(kind: &WarningKind, lang: Lang) -> String {
    let WarningKind::UnreadableMonths { expression, reason } = kind else {
        return kind.describe(lang);
    };
    let error = MonthError {
        expression: expression.clone(),
        reason: reason.clone(),
    };
    let why = MonthsNotRead::of(&error).describe(lang);
    say(
        lang,
        format!("時期「{expression}」が読めません（{why}）。書かれたまま残します"),
        format!("month expression 「{expression}」 not understood: {why}; kept as written"),
    )
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthsNotRead {
    /// No month in it (or nothing at all).
    NoMonth,
    /// `～` with no month on either side.
    EmptyRange,
    /// A range running past March, the end of the fiscal year (`2月～5月`).
    PastMarch { first: String, last: String },
    /// An era year not followed by 年 (`平成29 6月`).
    YearWithoutNen { point: String },
    /// Not a month at all.
    NotAMonth { point: String },
    /// A month number outside 1–12.
    NoSuchMonth { number: String },
    /// A number not followed by 月.
    NumberWithoutTsuki { point: String },
    /// A day not followed by 日.
    DayWithoutNichi { point: String },
    /// Something after the month that is not a part of a month (上旬, 末 …).
    NotPartOfMonth { part: String, month: String },
    /// A reason the window does not know (the core's words).
    Other(String),
}

impl MonthsNotRead {
    pub fn of(error: &MonthError) -> MonthsNotRead {
        let r = error.reason.as_str();
        let quoted = |s: &str| {
            s.strip_prefix('「')
                .and_then(|s| s.split_once('」'))
                .map(|(point, rest)| (point.to_string(), rest.to_string()))
        };
        match r {
            "it is empty" | "no month in it" => return MonthsNotRead::NoMonth,
            "a range with no months" => return MonthsNotRead::EmptyRange,
            _ => {}
        }
        if let Some(n) = r.strip_prefix("there is no month ") {
            return MonthsNotRead::NoSuchMonth {
                number: n.to_string(),
            };
        }
        if let Some(range) = r.strip_suffix(" runs past March, the end of the fiscal year")
            && let Some((first, last)) = range.split_once('～')
        {
            let (first, last) = (first.to_string(), last.to_string());
            return MonthsNotRead::PastMarch { first, last };
        }
        let Some((point, rest)) = quoted(r) else {
            return MonthsNotRead::Other(r.to_string());
        };
        match rest.as_str() {
            ": a year without 年" => MonthsNotRead::YearWithoutNen { point },
            " does not name a month" => MonthsNotRead::NotAMonth { point },
            ": a number without 月" => MonthsNotRead::NumberWithoutTsuki { point },
            ": a day without 日" => MonthsNotRead::DayWithoutNichi { point },
            _ => match rest
                .strip_prefix(" after ")
                .and_then(|m| m.strip_suffix("月 is not a part of a month"))
            {
                Some(month) => MonthsNotRead::NotPartOfMonth {
                    part: point,
                    month: month.to_string(),
                },
                None => MonthsNotRead::Other(r.to_string()),
            },
        }
    }
}

impl Describe for MonthsNotRead {
    fn describe(&self, lang: Lang) -> String {
        use MonthsNotRead::*;
        let (ja, en) = match self {
            NoMonth => ("月が書かれていません".into(), "no month in it".into()),
            EmptyRange => (
                "「～」の前にも後にも月がありません".into(),
                "a range with no months".into(),
            ),
            PastMarch { first, last } => (
                format!("{first}～{last}は年度末の3月を越えています"),
                format!("{first}～{last} runs past March, the end of the fiscal year"),
            ),
            YearWithoutNen { point } => (
                format!("「{point}」: 年のあとに「年」がありません"),
                format!("「{point}」: a year without 年"),
            ),
            NotAMonth { point } => (
                format!("「{point}」は月として読めません"),
                format!("「{point}」 does not name a month"),
            ),
            NoSuchMonth { number } => (
                format!("{number}月という月はありません"),
                format!("there is no month {number}"),
            ),
            NumberWithoutTsuki { point } => (
                format!("「{point}」: 数字のあとに「月」がありません"),
                format!("「{point}」: a number without 月"),
            ),
            DayWithoutNichi { point } => (
                format!("「{point}」: 日付のあとに「日」がありません"),
                format!("「{point}」: a day without 日"),
            ),
            NotPartOfMonth { part, month } => (
                format!("{month}月のあとの「{part}」は月の中の時期として読めません"),
                format!("「{part}」 after {month}月 is not a part of a month"),
            ),
            Other(reason) => (
                "時期として読めません（例: 5月～7月、通年、8月～10月予定）".into(),
                reason.clone(),
            ),
        };
        say(lang, ja, en)
    }
}

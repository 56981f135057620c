//! A usage mistake (an unknown flag, a value that cannot be read, an argument missing) said in
//! Japanese first when the command line asks for Japanese (`--lang ja`): clap words its errors
//! in English only. Clap's own text follows, since it names the flags exactly.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::{Describe, Lang, say};

/// What a value the command line reads by our own parser ([`super::args`]) was wrong in: its
/// `Display` is the English clap prints, [`Describe`] words it in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    /// Not a date (its text, cut to 100 characters).
    NotADate(String),
    /// A date outside the years a survey's date is taken in.
    DateOutsideYears(chrono::NaiveDate),
    /// Not a whole number.
    NotACount(String),
    /// A count over the most taken.
    CountOver { count: usize, most: usize },
}

impl Describe for ValueProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ValueProblem::NotADate(text) => say(
                lang,
                format!(
                    "「{text}」は日付ではありません（2017-10-13 や 平成29年10月13日 のように書きます）"
                ),
                format!("「{text}」 is not a date (a date such as 2017-10-13 or 平成29年10月13日)"),
            ),
            ValueProblem::DateOutsideYears(date) => say(
                lang,
                format!("{date} は照会の日付として受け付ける年（1989年～2199年）の外です"),
                format!("{date} is outside the years a survey's date is taken in (1989 to 2199)"),
            ),
            ValueProblem::NotACount(text) => say(
                lang,
                format!("「{text}」は整数ではありません"),
                format!("「{text}」 is not a whole number"),
            ),
            ValueProblem::CountOver { count, most } => say(
                lang,
                format!("{count} は上限の {most} を超えています"),
                format!("{count} is more than {most}"),
            ),
        }
    }
}

impl std::fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ValueProblem {}

/// Whether the command line asks for Japanese: `--lang ja` or `--lang=ja` (read from the raw
/// arguments, since clap could not read them all).
pub fn asks_japanese(args: &[OsString]) -> bool {
    args.windows(2).any(|w| w[0] == "--lang" && w[1] == "ja")
        || args.iter().any(|a| a == "--lang=ja")
}

/// The mistake in one Japanese line, with where clap's English that follows helps.
pub fn in_japanese(e: &clap::Error) -> String {
    let get = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    let said = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} の値がありません"),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            match valid.is_empty() {
                true => format!("{arg} の値「{value}」は使えません"),
                false => format!("{arg} の値「{value}」は使えません（使える値: {valid}）"),
            }
        }
        ErrorKind::ValueValidation => {
            let problem = std::error::Error::source(e)
                .and_then(|s| s.downcast_ref::<ValueProblem>())
                .map(|p| format!(": {}", p.describe(Lang::Ja)))
                .unwrap_or_default();
            format!("{arg} の値「{value}」を読めません{problem}")
        }
        ErrorKind::UnknownArgument => format!("「{arg}」という引数はありません"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "「{}」というコマンドはありません",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::MissingRequiredArgument => format!("必要な引数 {arg} がありません"),
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            prior if prior == arg => format!("{arg} は一度しか書けません"),
            prior => format!("{arg} は {prior} と一緒には使えません"),
        },
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{arg} の値の数が合いません")
        }
        _ => "コマンドラインを読めませんでした".to_string(),
    };
    format!("{said}。使い方は shinchoku --help で表示します（以下は英語の説明です）\n")
}

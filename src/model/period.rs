//! The part of the fiscal year a report covers, and its words (a leaf: the report and its
//! survey records both name it).

use serde::{Deserialize, Serialize};

use super::months::MonthSet;

/// Which part of the fiscal year the report's results cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// 上半期: April – September.
    FirstHalf,
    /// 下半期: October – March.
    SecondHalf,
    /// 通期: the whole year.
    FullYear,
}

impl Period {
    pub fn months(self) -> MonthSet {
        match self {
            Period::FirstHalf => MonthSet::range(4, 9),
            Period::SecondHalf => MonthSet::range(10, 3),
            Period::FullYear => MonthSet::ALL,
        }
    }

    /// The key used in JSON output and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Period::FirstHalf => "first_half",
            Period::SecondHalf => "second_half",
            Period::FullYear => "full_year",
        }
    }

    /// The period a heading or title names: 上半期, 下半期, or the whole year (通期, 年度末,
    /// 4月～3月); `None` when it names none.
    pub fn named_in(text: &str) -> Option<Period> {
        let text = super::text::normalize(text);
        if text.contains("上半期") {
            Some(Period::FirstHalf)
        } else if text.contains("下半期") {
            Some(Period::SecondHalf)
        } else if ["通期", "年度末", "4月～3月"]
            .iter()
            .any(|w| text.contains(w))
        {
            Some(Period::FullYear)
        } else {
            None
        }
    }

    /// What the actual column is called for this period: 上半期実績, 下半期実績, 通期実績.
    pub fn actual_name(self) -> &'static str {
        match self {
            Period::FirstHalf => "上半期実績",
            Period::SecondHalf => "下半期実績",
            Period::FullYear => "通期実績",
        }
    }

    /// The period's months as reports write them: `(4月～9月)`.
    pub fn months_text(self) -> &'static str {
        match self {
            Period::FirstHalf => "(4月～9月)",
            Period::SecondHalf => "(10月～3月)",
            Period::FullYear => "(4月～3月)",
        }
    }

    /// The actual column's heading for this period, as reports write it.
    pub fn actual_heading(self) -> String {
        format!("{}{}", self.actual_name(), self.months_text())
    }

    /// `first half, April to September`: words, not an en dash, which the bundled face draws
    /// so thin that the window's status bar showed 「April September」.
    pub fn english(self) -> &'static str {
        match self {
            Period::FirstHalf => "first half, April to September",
            Period::SecondHalf => "second half, October to March",
            Period::FullYear => "full year, April to March",
        }
    }

    pub fn japanese(self) -> &'static str {
        match self {
            Period::FirstHalf => "上半期(4月～9月)",
            Period::SecondHalf => "下半期(10月～3月)",
            Period::FullYear => "通期(4月～3月)",
        }
    }
}

/// Whether a column's heading names the first half's results as the table and workbook
/// exports write that column beside a later period's 実績 (`上半期実績`, `上半期実績(4月～9月)`):
/// not a figure's heading (`29年度上半期実績`, `上半期実績値`).
pub fn is_first_half_results_heading(heading: &str) -> bool {
    let text = super::text::normalize(super::text::heading_text(heading));
    let rest = text.strip_prefix("上半期実績");
    rest.is_some_and(|r| r.is_empty() || r.starts_with(['(', '（']))
}

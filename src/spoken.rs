//! The grid's drawn stages and month bars in words, for a screen reader: the web page
//! (`export::html`) and the tagged PDF (`print::pdf`) say them alike — 「28年度 検討」,
//! 「計画 5月～7月」, 「実績 4月（予定）」.

use crate::grid::{BarLook, EntryMark};
use crate::model::months::FISCAL_MONTHS;
use crate::model::{Entry, FiscalYear, MonthSet, Side, StageSpan, TimingKind};

/// 計画 or 実績.
pub fn side_word(side: Side) -> &'static str {
    match side {
        Side::Plan => "計画",
        Side::Actual => "実績",
    }
}

/// A stage bar: 「28年度 検討」, 「28年度～29年度 実施（前年度から継続）」; an arrow without a
/// label: 「29年度 前年度から継続」.
pub fn stage(span: &StageSpan, report_year: FiscalYear) -> String {
    let years = span.years_text(report_year);
    if span.label.is_empty() {
        format!("{years} 前年度から継続")
    } else if span.continues {
        format!("{years} {}（前年度から継続）", span.label)
    } else {
        format!("{years} {}", span.label)
    }
}

/// The months a bar (or the line spanning an entry's sub-items) covers — fiscal month
/// indices `first..end` — and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRun {
    pub first: usize,
    pub end: usize,
    pub said: String,
}

/// A bar's or a sub-items' span's months in words: 「計画 5月～7月」, 「計画 通年」,
/// 「実績 4月（予定）」, 「実績 5月～（継続中）」, 「計画 6月～8月（内訳の時期）」. `None` for a mark
/// that is not a run of months.
pub fn month_run(entry: &Entry, side: Side, mark: &EntryMark) -> Option<MonthRun> {
    let side_word = side_word(side);
    match *mark {
        EntryMark::Bar {
            from,
            to,
            look,
            open_end,
            continues,
        } => {
            let (first, end) = cells(from, to);
            let what = if entry
                .timing
                .as_ref()
                .is_some_and(|t| t.kind == TimingKind::AllYear)
            {
                "通年".to_string()
            } else if open_end {
                format!("{}月～", FISCAL_MONTHS[first])
            } else {
                MonthSet::from_fiscal_indices(first..end).to_japanese()
            };
            let scheduled = if look == BarLook::Scheduled {
                "（予定）"
            } else {
                ""
            };
            let going = if continues { "（継続中）" } else { "" };
            Some(MonthRun {
                first,
                end,
                said: format!("{side_word} {what}{scheduled}{going}"),
            })
        }
        EntryMark::Covers { from, to } => {
            let (first, end) = cells(from, to);
            Some(MonthRun {
                first,
                end,
                said: format!(
                    "{side_word} {}（内訳の時期）",
                    MonthSet::from_fiscal_indices(first..end).to_japanese()
                ),
            })
        }
        _ => None,
    }
}

/// 「計画 随時」.
pub fn as_needed(side: Side) -> String {
    format!("{} 随時", side_word(side))
}

/// An entry whose months cannot be read: 「計画 時期を読めません: 5月頃～」.
pub fn unreadable(side: Side, entry: &Entry) -> String {
    format!(
        "{} 時期を読めません: {}",
        side_word(side),
        entry.when.as_deref().unwrap_or("")
    )
}

/// The whole months a bar from `from` to `to` (months from April) touches.
fn cells(from: f32, to: f32) -> (usize, usize) {
    let first = (from.floor() as usize).min(11);
    (first, (to.ceil() as usize).clamp(first + 1, 12))
}

//! The monthly grid a workbook export carries beside the report's table (its sheet
//! 「月別計画と実績」): a row per plan and per result side of each topic, with the topic's status
//! and its months marked. It is made from the report, never read into it; written here once so
//! that the export writes it and the import tells a sheet edited since (whose changes would
//! otherwise go unread without a word) from one as written.

use super::status::topic_status;
use super::{Entry, Initiative, MonthSet, Report, Side, Topic};

/// The hidden column after the months holding each written row's check ([`row_check`]).
pub const CHECK_COLUMN: usize = HEADINGS.len() + 12;

/// A row's check: a digest of its cells' texts as written (blank ones too, in order), so
/// that a row typed into, or added, since is told from one as written — whatever the report
/// beside it became (a result typed into the report's table changes the grid it would give,
/// but not the grid written). FNV-1a, 64 bits: stable across versions, and no secret is kept.
pub fn row_check<'t>(texts: impl IntoIterator<Item = &'t str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (k, text) in texts.into_iter().enumerate() {
        let sep = if k == 0 { &[][..] } else { &[b'\t'][..] };
        for &b in sep.iter().chain(text.as_bytes()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The grid's headings before the twelve months.
pub const HEADINGS: [&str; 6] = [
    "番号",
    "具体的取組",
    "見出し",
    "担当課",
    "計画/実績",
    "状況",
];

/// A month's mark: planned, done, or scheduled (予定) only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Blank,
    Planned,
    Done,
    Scheduled,
}

impl Mark {
    pub fn text(self) -> &'static str {
        match self {
            Mark::Blank => "",
            Mark::Planned => "計",
            Mark::Done => "実",
            Mark::Scheduled => "予",
        }
    }
}

/// One row: a topic's plan or results.
pub struct GridRow<'r> {
    pub initiative: &'r Initiative,
    pub topic: &'r Topic,
    pub side: Side,
    /// Under [`HEADINGS`]: 番号, title, heading, 担当課, 計画 or 実績, the topic's status.
    pub texts: [String; 6],
    /// April to March.
    pub marks: [Mark; 12],
}

/// The two headings over the months: the calendar years the fiscal year spans.
pub fn year_headings(report: &Report) -> [String; 2] {
    let fy = report.fiscal_year;
    [
        format!("{}年（{}）", fy.0, fy.era_form()),
        format!("{}年", fy.0 + 1),
    ]
}

/// The rows, as of the report's date; a side with no entries has none.
pub fn rows(report: &Report) -> Vec<GridRow<'_>> {
    let as_of = report.fiscal_as_of();
    let mut out = Vec::new();
    for initiative in report.initiatives() {
        for topic in &initiative.topics {
            let status = topic_status(initiative, topic, as_of).japanese();
            for (side, list) in [(Side::Plan, &topic.plan), (Side::Actual, &topic.actual)] {
                if list.is_empty() {
                    continue;
                }
                let (done, planned) = side_months(list);
                let mark = |k: usize| match side {
                    Side::Plan if done.contains_fiscal(k) => Mark::Planned,
                    Side::Actual if done.contains_fiscal(k) => Mark::Done,
                    Side::Actual if planned.contains_fiscal(k) => Mark::Scheduled,
                    _ => Mark::Blank,
                };
                let side_word = if side == Side::Plan {
                    "計画"
                } else {
                    "実績"
                };
                out.push(GridRow {
                    initiative,
                    topic,
                    side,
                    texts: [
                        initiative.number.clone(),
                        initiative.title.clone(),
                        topic.heading.clone().unwrap_or_default(),
                        initiative.division_names(topic),
                        side_word.to_string(),
                        status.to_string(),
                    ],
                    marks: std::array::from_fn(mark),
                });
            }
        }
    }
    out
}

/// The grid as the sheet's cells: (row, column) → text, the blank ones left out. The year
/// headings stand in the first cell of their merges (the months' 1st and 10th columns).
pub fn cells(report: &Report) -> std::collections::HashMap<(usize, usize), String> {
    let first_month = HEADINGS.len();
    let mut out = std::collections::HashMap::new();
    let [this, next] = year_headings(report);
    out.insert((0, first_month), this);
    out.insert((0, first_month + 9), next);
    for (k, h) in HEADINGS.iter().enumerate() {
        out.insert((1, k), h.to_string());
    }
    for (k, m) in super::months::FISCAL_MONTHS.iter().enumerate() {
        out.insert((1, first_month + k), format!("{m}月"));
    }
    for (r, row) in rows(report).into_iter().enumerate() {
        let texts = row.texts.into_iter();
        let marks = row.marks.iter().map(|m| m.text().to_string());
        for (c, text) in texts.chain(marks).enumerate() {
            if !text.is_empty() {
                out.insert((r + 2, c), text);
            }
        }
    }
    out
}

/// Months of a side's entries: (done or planned, scheduled-only).
fn side_months(list: &[Entry]) -> (MonthSet, MonthSet) {
    let mut months = MonthSet::EMPTY;
    let mut scheduled = MonthSet::EMPTY;
    for t in Entry::all_in(list).filter_map(|e| e.timing.as_ref()) {
        if t.scheduled {
            scheduled = scheduled.union(t.months);
        } else {
            months = months.union(t.months);
        }
    }
    (months, scheduled)
}

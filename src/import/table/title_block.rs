//! The rows above a table's header: its title, the text the period is found in, what the
//! numbers' reader takes from them, and any section or initiative row written there.

use super::numbering::{initiative_number, section_of};
use super::{Row, numbers};
use crate::model::UnreadText;
use crate::model::diag::{ImportError, ImportErrorKind, Location, WarningKind};
use crate::model::era;
use crate::model::{AsOf, FiscalYear};

/// The rows above the header, as far as the report takes them, and the header.
pub(super) struct TitleBlock<'a> {
    pub(super) header: Row<'a>,
    /// The title: the line above the header naming the year (a workbook's title block may
    /// start with a 資料２ or a date), else the first line with text.
    pub(super) title_row: Option<Row<'a>>,
    /// The text of the rows it reads (all but those kept unread, below): a title block of
    /// several rows may name the period on another row than the title's (`上半期(4月～9月)`
    /// under it). A note's date or year is the note's (「※職員数は2017年8月31日 時点 のもの」
    /// set the report's as-of date, and was said not read).
    pub(super) text: String,
    /// The first row saying a fiscal year's period and date alone (`平成29年度… 時点`): where the
    /// title names no year, the year is this row's (not a date's written above it).
    pub(super) period: Option<String>,
    /// Its rows for the numbers' reader (the money unit, the rating scale written above).
    pub(super) numbers: numbers::Numbers,
    /// Section and initiative rows above the header (line, text): not read, kept and said.
    pub(super) above: Vec<(usize, String)>,
    /// Other rows above the header that are none of the title, the period line and the
    /// numbers' declarations (資料２ over the title, a note 「メモ: 未定稿」): kept and said.
    pub(super) loose: Vec<(usize, String)>,
    /// The rows an as-of date is read from, in order (line, text): those it reads, and a kept
    /// one that ends in its date (「※実績は各課の報告時点のもの　2017年8月31日 時点」) — not a note
    /// whose date is of something else (「※職員数は2017年8月31日 時点 のもの」).
    pub(super) as_of_rows: Vec<(usize, String)>,
}

pub(super) fn title_block<'a>(
    rows: &mut impl Iterator<Item = Row<'a>>,
) -> Result<TitleBlock<'a>, ImportError> {
    let mut with_year: Option<Row> = None;
    let mut first_text: Option<Row> = None;
    // 資料２, a date, the period line: the title only where no other row can be.
    let mut first_any: Option<Row> = None;
    let mut period: Option<String> = None;
    let mut numbers = numbers::Numbers::default();
    let mut above = Vec::new();
    let mut content = false;
    let mut declared = false;
    let mut sorting = Sorting::default();
    let mut texts: Vec<(usize, String)> = Vec::new();
    let header = loop {
        let Some(row) = rows.next() else {
            return Err(ImportError {
                at: Location::default(),
                kind: ImportErrorKind::NoHeaderRow,
            });
        };
        if row.is_header() {
            break row;
        }
        if row.is_blank() {
            // A blank row ends a rating scale, as its reader reads one.
            sorting.in_scale = false;
            continue;
        }
        if texts.len() == crate::model::bounds::MAX_ROWS_ABOVE_HEADER {
            return Err(ImportError {
                at: Location::row(row.line),
                kind: ImportErrorKind::NoHeaderRowWithin { rows: texts.len() },
            });
        }
        // Said only where an initiative row stands there (a number, a title, its stages and
        // more: a header hidden by what comes before it); a date, `1 概要` or `１ （１） 概要`
        // is a title block's.
        let filled = row.fields.iter().filter(|f| !f.trim().is_empty()).count();
        if initiative_number(&row).is_some() && filled >= 4 {
            content = true;
        }
        if section_of(&row).is_some() || initiative_number(&row).is_some() {
            above.push((row.line, row.fields.join("\t").trim().to_string()));
        }
        numbers.above(&row);
        let joined = row.fields.join(" ");
        texts.push((row.line, joined.clone()));
        let period_line = only_period(&joined);
        if period_line && joined.contains("年度") && period.is_none() {
            period = Some(joined.clone());
        }
        sorting.row(&row, &joined, period_line);
        if with_year.is_none() && era::find_era_year(&joined).is_some() && !period_line {
            with_year = Some(row);
        } else if declares_numbers(&row) {
            // The exported table writes these under its title: a report without a title
            // would read its money unit back as one.
            declared = true;
        } else if period_line || document_label(&joined) {
            if first_any.is_none() && !declared {
                first_any = Some(row);
            }
        } else if first_text.is_none() && !declared {
            first_text = Some(row);
        }
    };
    // Section and initiative rows where no initiative row stands (`1 概要` under a title):
    // the title block's own lines, kept and said as any other (they were dropped unsaid).
    if !content {
        sorting.loose.append(&mut above);
    }
    let mut loose = sorting.finish(&header);
    let title_row = with_year.or(first_text).or(first_any);
    loose.retain(|(line, _)| title_row.as_ref().is_none_or(|t| t.line != *line));
    let unread: std::collections::HashSet<usize> = (loose.iter().chain(&above))
        .map(|(line, _)| *line)
        .collect();
    let as_of_rows: Vec<(usize, String)> = (texts.iter())
        .filter(|(line, t)| !unread.contains(line) || ends_in_as_of(t))
        .cloned()
        .collect();
    let text = (texts.into_iter())
        .filter(|(line, _)| !unread.contains(line))
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ");
    Ok(TitleBlock {
        header,
        title_row,
        loose,
        as_of_rows,
        period,
        text,
        numbers,
        above,
    })
}

/// The rows above the header that no reading of the block takes, sorted as they come: kept and
/// said (`loose`), the numbers' declarations (read only where the header has columns of
/// numbers), and levels written `S：…` (read only where no head 評価 | 内容 declares the scale).
#[derive(Default)]
struct Sorting {
    loose: Vec<(usize, String)>,
    declarations: Vec<(usize, String)>,
    colon_levels: Vec<(usize, String)>,
    saw_scale_head: bool,
    /// Under a scale's head, up to a blank row or a note: its levels.
    in_scale: bool,
}

impl Sorting {
    /// What no reading of the block takes is kept: not the period line (made again from the
    /// report; the as-of line alone, `2017年8月31日 時点`, is let go where its date is read:
    /// see [`date_alone`]), nor what declares the numbers — the money unit, cumulative
    /// counting, the rating scale's head and its levels (their reader's). A note under them is
    /// the office's, kept (it went unsaid). Section and initiative rows are the caller's.
    fn row(&mut self, row: &Row, joined: &str, period_line: bool) {
        let numbering = section_of(row).is_some() || initiative_number(row).is_some();
        let dated = period_line && joined.contains("年度");
        let scale_head = scale_head(row);
        // As the scale's reader reads its levels: up to a blank row or a note under them.
        let field = |k: usize| row.fields.get(k).map_or("", |f| f.trim());
        let note = crate::import::measures::is_note_under_scale(field(0), field(1));
        self.in_scale &= !note;
        let level = self.in_scale;
        self.in_scale |= scale_head;
        self.saw_scale_head |= scale_head;
        let counting = joined.contains("累計") && joined.contains("計上");
        // Levels written `S：特に良好に進捗`, as the scale's reader reads them without a head.
        let filled = || {
            row.fields
                .iter()
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
        };
        let scale_line = |f: &str| crate::import::measures::scale_line(f).is_some();
        let scale_lines =
            filled().any(scale_line) && filled().all(|f| f == "対象外" || scale_line(f));
        let declaration = declares_numbers(row) || counting || level;
        let kept = (row.line, row.fields.join("\t").trim().to_string());
        if dated || numbering {
            return;
        }
        match (scale_lines && !declaration, declaration) {
            (true, _) => self.colon_levels.push(kept),
            (false, true) => self.declarations.push(kept),
            (false, false) => self.loose.push(kept),
        }
    }

    /// The rows kept, in order, once the header is known.
    fn finish(mut self, header: &Row) -> Vec<(usize, String)> {
        match self.saw_scale_head {
            true => self.loose.append(&mut self.colon_levels),
            false => self.declarations.append(&mut self.colon_levels),
        }
        // A header without columns of numbers: nothing reads their declarations (kept, said).
        if numbers::number_columns(header).is_none_or(|(_, columns)| columns.is_empty()) {
            self.loose.append(&mut self.declarations);
        }
        self.loose.sort_by_key(|(line, _)| *line);
        self.loose
    }
}

/// A row that is an as-of date alone (`2017年8月31日 時点`, as the exported table writes it):
/// nothing to keep once its date is read.
fn date_alone(text: &str) -> bool {
    only_period(text) && ends_in_as_of(text)
}

/// Whether a row's words end in 時点 (and the brackets closing it).
fn ends_in_as_of(text: &str) -> bool {
    (text.trim_end())
        .trim_end_matches([')', '）', '】', ']', '］', '。'])
        .trim_end()
        .ends_with("時点")
}

/// A row saying the period and the date alone (`平成29年度（2017年度）　上半期(4月～9月)　2017年9月30日
/// 時点`, as the exported workbook writes it under the title): no title, though it names the
/// year — taken as one, the title above it (「第三次みえ行財政改革取組 進捗報告」) was lost unsaid.
fn only_period(text: &str) -> bool {
    let mut rest = crate::model::text::normalize(text);
    for word in [
        "平成",
        "令和",
        "昭和",
        "年度",
        "上半期",
        "下半期",
        "通期",
        "年間",
        "通年",
        "時点",
        "現在",
        "年",
        "月",
        "日",
        "元",
    ] {
        rest = rest.replace(word, "");
    }
    rest.chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "()（）～~-－/.、".contains(c))
}

/// A document's label alone (`資料２`, `別紙1`, `参考資料３－１`), written above its title: no
/// title (taken as one, the title under it was lost unsaid).
fn document_label(text: &str) -> bool {
    let text = crate::model::text::normalize(text);
    let text = text.trim();
    ["参考資料", "資料", "別紙", "別添", "別表", "参考"]
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .is_some_and(|rest| {
            rest.trim().chars().all(|c| {
                c.is_ascii_digit()
                    || c.is_whitespace()
                    || "-－の一二三四五六七八九十()（）".contains(c)
            })
        })
}

/// A row declaring what the numbers are in, as the exported table writes it above its header:
/// the money unit (「（単位：千円）」, or 「（単位：億円）」 whose figures are then kept as written)
/// alone, or the head of the rating scale (評価 | 内容 | …).
fn declares_numbers(row: &Row) -> bool {
    declares_money_unit(row) || scale_head(row)
}

/// The money unit alone on a row (「（単位：百万円）」, 「（百万円）」), read by the numbers' reader.
fn declares_money_unit(row: &Row) -> bool {
    let mut texts = filled(row);
    match (texts.next(), texts.next()) {
        (Some(one), None) => crate::import::measures::declares_money_unit(one),
        _ => false,
    }
}

/// The head of a rating scale: 評価 | 内容 | ….
fn scale_head(row: &Row) -> bool {
    let mut texts = filled(row);
    matches!((texts.next(), texts.next()), (Some("評価"), Some("内容")))
}

/// A row's fields that hold text, trimmed.
fn filled<'a>(row: &Row<'a>) -> impl Iterator<Item = &'a str> {
    row.fields
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
}

/// The most characters a date before 時点 is read from (`令和１０年１０月１０日` is 11).
const LONGEST_DATE: usize = 24;

/// The as-of date a title block names (`2017年9月30日 時点`, `（平成30年3月31日時点）`,
/// `2017/8/31時点`: as the exported workbook and table write it, and offices do) — the first
/// date just before a 時点 that ends its words (`…時点修正` is no as-of date) and is a day of the
/// report's fiscal year; `None` else (the report is then as of the end of its period).
pub(super) fn as_of_in(text: &str, fiscal_year: FiscalYear) -> Option<AsOf> {
    text.match_indices("時点").find_map(|(at, word)| {
        let after = text[at + word.len()..].chars().next();
        let ends = after.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ')' | '）' | '】' | ']' | '］' | '。' | '、')
        });
        if !ends {
            return None;
        }
        let before = text[..at].trim_end().trim_end_matches(['(', '（']);
        // A date is a few characters (`平成29年10月13日`, `2017/8/31`): looked for in the last
        // of them only — a row of 40,000 `時点)` searched back over the whole row for each.
        let near = before
            .char_indices()
            .rev()
            .nth(LONGEST_DATE)
            .map_or(0, |(k, c)| k + c.len_utf8());
        let before = &before[near..];
        // The date's own characters: back to the white space or bracket before it.
        let start = before
            .rfind(|c: char| {
                c.is_whitespace() || matches!(c, '(' | '（' | '【' | '[' | '［' | '、')
            })
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        let date = &before[start..];
        AsOf::read(date, fiscal_year).or_else(|| {
            let s = crate::model::text::normalize(date);
            let (_, day) = crate::model::era::written_date_at_end(&s)?;
            AsOf::of_day(day, fiscal_year)
        })
    })
}

/// Rows kept as written: (line, text).
type Rows = Vec<(usize, String)>;

impl super::Reader {
    /// The rows above the header no reading took — section and initiative rows (`above`),
    /// and the others (`loose`) — kept in the unread list and each said; the one the as-of
    /// date was read from said so, or let go when it is that date alone.
    pub(super) fn keep_above_header(
        &mut self,
        (above, loose): (Rows, Rows),
        as_of: Option<(usize, crate::model::AsOf)>,
    ) {
        let above = (above.into_iter()).map(|(row, text)| (row, text, true));
        for (row, text, numbered) in above.chain(loose.into_iter().map(|(r, t)| (r, t, false))) {
            let kind = match (numbered, as_of) {
                (true, _) => WarningKind::AboveHeader { text: text.clone() },
                // The as-of line alone, read: nothing else to keep (it was said not read).
                (false, Some((line, _))) if line == row && date_alone(&text) => {
                    continue;
                }
                (false, Some((line, date))) if line == row => WarningKind::AsOfAboveHeader {
                    text: text.clone(),
                    month: date.month,
                    day: date.day,
                },
                (false, _) => WarningKind::TextAboveHeader { text: text.clone() },
            };
            self.warn(Location::row(row), kind);
            self.unread.push(UnreadText { row, text });
        }
    }
}

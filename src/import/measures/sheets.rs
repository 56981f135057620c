//! What a sheet says of its figures beyond their cells: the unit a column's heading names,
//! and a sheet of figures that names no initiative, or of no table read at all (kept unread,
//! said).

use super::super::sheet::Sheet;
use super::super::warning_cap::push_warning;
use super::{Reading, legend};
use crate::model::UnreadText;
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::measure_warning::MeasureWarning;

/// The unit a figure column's heading names in its closing bracket (`目標値（百万円）`,
/// `実績（件）`, `（単位：人）`): short, and naming no year or month, nor what the figure is
/// rather than what it counts in (`実績値（累計）`, `（速報）`).
pub(super) fn heading_unit(heading: &str) -> Option<String> {
    const NO_UNITS: [&str; 8] = [
        "累計",
        "合計",
        "平均",
        "速報",
        "確定",
        "暫定",
        "単年度",
        "見込",
    ];
    let h = heading.trim_end();
    let inner = h
        .strip_suffix(')')
        .or_else(|| h.strip_suffix('）'))
        .and_then(|body| body.rfind(['(', '（']).map(|open| &body[open..]))?;
    let inner = inner.trim_start_matches(['(', '（']).trim();
    let unit = ["単位：", "単位:"]
        .iter()
        .find_map(|p| inner.strip_prefix(p))
        .unwrap_or(inner)
        .trim();
    let dated = unit.contains(['年', '月']) || unit.chars().any(|c| c.is_ascii_digit());
    let says_what = NO_UNITS.iter().any(|w| unit.contains(w));
    let unit_alone = !unit.is_empty() && unit.chars().count() <= 6 && !dated && !says_what;
    unit_alone.then(|| unit.to_string())
}

/// A sheet of figures with no 番号 column (いわき市's programme table, `区分 | 18年度 …`): whose
/// they are is not known, so they are not read as any initiative's — every row kept unread,
/// and the sheet named in a warning, never passed over in silence. A sheet of no figures and
/// no scale (a table carried on from the report's sheet without its header) likewise.
pub(super) fn keep_figures_of_no_initiative(reading: &mut Reading<'_>, sheet: &Sheet) {
    const FIGURES: [&str; 8] = [
        "計画額",
        "実績額",
        "効果額",
        "財政効果",
        "目標値",
        "実績値",
        "達成率",
        "進捗率",
    ];
    // A scale's sheet (評価 | 内容) speaks of 目標値 in its levels' meanings: it is read as the
    // scale.
    if !legend(sheet).is_empty() {
        return;
    }
    let figures = sheet.used_rows().any(|r| {
        sheet.row_texts(r).any(|(_, t)| {
            let t = crate::model::text::normalize(t);
            FIGURES.iter().any(|f| t.contains(f))
        })
    });
    let rows: Vec<usize> = sheet.used_rows().collect();
    if rows.is_empty() {
        return;
    }
    let at = Location {
        sheet: Some(crate::model::diag::sheet_name(&sheet.name)),
        ..Location::default()
    };
    let sheet_name = sheet.name.clone();
    // A sheet of anything else (the rest of a table carried on without its header, a cover
    // page): it went without a word, what it held nowhere.
    let kind = match figures {
        true => WarningKind::Measure {
            warning: MeasureWarning::FiguresOfNoInitiative { sheet: sheet_name },
        },
        false => WarningKind::SheetNotRead {
            sheet: sheet_name,
            rows: rows.len(),
        },
    };
    push_warning(reading.warnings, Warning::new(at, kind));
    for r in rows {
        let text: Vec<&str> = sheet.row_texts(r).map(|(_, t)| t).collect();
        let text = text.join("\t");
        reading.report.unread.push(UnreadText { row: r + 1, text });
    }
}

/// Whether a sheet is a monthly grid as the workbook export writes it (`model::month_grid`):
/// its header row names 計画/実績 and 状況 beside 番号.
pub(super) fn is_month_grid(sheet: &Sheet, header: usize) -> bool {
    let heads: Vec<&str> = sheet.row_texts(header).map(|(_, t)| t).collect();
    crate::model::month_grid::HEADINGS
        .iter()
        .all(|h| heads.contains(h))
}

/// A monthly grid is made from the report, not read: an edit made there would go unread
/// without a word. Its rows carry checks of their texts as written ([`check_rows`]); a grid
/// written before them is told against the grid the report gives. A grid as written says
/// nothing.
pub(super) fn check_month_grid(reading: &mut Reading<'_>, sheet: &Sheet) {
    use crate::model::month_grid::CHECK_COLUMN;
    let checked = sheet
        .used_rows()
        .any(|r| !sheet.text(r, CHECK_COLUMN).is_empty());
    if checked {
        return check_rows(reading, sheet);
    }
    // A grid written before rows carried checks: told against the grid the report gives. Which
    // side was edited cannot be told (a result typed into the report's table changes the grid
    // it gives), so one warning names the first cell that differs and how many more do;
    // nothing is kept, where every stale cell was said and kept (thousands of them).
    let mut expected = crate::model::month_grid::cells(reading.report);
    let mut differs: Vec<(usize, usize, String, String)> = Vec::new();
    for r in sheet.used_rows() {
        for (c, text) in sheet.row_texts(r) {
            let want = expected.remove(&(r, c)).unwrap_or_default();
            if text != want {
                differs.push((r, c, text.to_string(), want));
            }
        }
    }
    // What the report gives that the sheet no longer holds (a mark or a name cleared).
    differs.extend(
        expected
            .into_iter()
            .map(|((r, c), want)| (r, c, String::new(), want)),
    );
    let more = differs.len().saturating_sub(1);
    if let Some((r, c, text, expected)) = differs.into_iter().min_by_key(|(r, c, _, _)| (*r, *c)) {
        let at = Location::cell(&sheet.name, r + 1, c + 1, None);
        let kind = WarningKind::MonthGridCellNotRead {
            text,
            expected,
            more,
        };
        push_warning(reading.warnings, Warning::new(at, kind));
    }
}

/// Each row of a grid whose rows carry checks: one whose cells no longer agree with its
/// check (typed into, or added with none) is said once, its texts kept unread. What the
/// report beside it says is no matter: the grid is told against what was written.
fn check_rows(reading: &mut Reading<'_>, sheet: &Sheet) {
    use crate::model::month_grid::{CHECK_COLUMN, row_check};
    for r in sheet.used_rows() {
        let texts: Vec<&str> = (0..CHECK_COLUMN).map(|c| sheet.text(r, c)).collect();
        let beyond = sheet.row_texts(r).any(|(c, _)| c > CHECK_COLUMN);
        if !beyond && sheet.text(r, CHECK_COLUMN) == row_check(texts.iter().copied()) {
            continue;
        }
        let shown: Vec<&str> = (sheet.row_texts(r))
            .filter(|(c, _)| *c != CHECK_COLUMN)
            .map(|(_, t)| t)
            .collect();
        let text = shown.join(" / ");
        let at = Location::cell(&sheet.name, r + 1, 1, None);
        if !text.is_empty() {
            let kept = text.clone();
            reading.report.unread.push(UnreadText {
                row: r + 1,
                text: kept,
            });
        }
        let kind = WarningKind::MonthGridRowEdited { text };
        push_warning(reading.warnings, Warning::new(at, kind));
    }
}

//! An effects table (いわき市's): 区分 naming 計画額 / 実績額 / 達成率 rows, a column per fiscal
//! year; and what a sheet declares of its effects — the money unit (「（単位：百万円）」) and
//! cumulative counting.

use super::super::sheet::Sheet;
use super::{HeadingUnit, Reading, check_typed_rate};
use crate::model::UnreadText;
use crate::model::era::{self, FiscalYear};
use crate::model::measure_warning::MeasureWarning;

/// A column of an effects table by its heading: a fiscal year alone (`29年度`) or with the
/// money unit its figures are in (`29年度（千円）`).
pub(super) type YearColumn = (usize, FiscalYear, HeadingUnit);

/// The year column a heading names: a fiscal year, alone or followed by a bracketed money unit
/// and nothing else. Any other words (`29年度見込`, `29年度決算`, `合計`) name no year's plan or
/// actual: such a column's cells are kept unread, never taken as the year's.
pub(super) fn year_column(heading: &str, near: FiscalYear) -> Option<(FiscalYear, HeadingUnit)> {
    if let Some(year) = era::parse_short_fiscal_year(heading, near) {
        return Some((year, HeadingUnit::None));
    }
    let text = crate::model::text::normalize(heading);
    let open = text.find(['（', '('])?;
    let unit = text[open..]
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?;
    let year = era::parse_short_fiscal_year(&text[..open], near)?;
    let unit = match HeadingUnit::of(unit) {
        // Only a unit alone: `（千円・見込）` says more than the unit.
        HeadingUnit::Named(named) if unit == named.label() => HeadingUnit::Named(named),
        HeadingUnit::Scaled if unit == "万円" || unit == "億円" => HeadingUnit::Scaled,
        _ => return None,
    };
    Some((year, unit))
}

/// An effects table: 区分 naming 計画額 / 実績額 / 達成率 rows, a column per fiscal year.
/// Cells in other columns (`29年度見込`, `合計`, `備考`) are kept unread, each said with its
/// column's heading.
pub(super) fn read_effects_table(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    header: usize,
    (number_col, kind_col): (usize, usize),
    years: &[YearColumn],
) {
    // The initiative the rows name, or the 番号 written that names none (none yet: "").
    let mut current: Result<(usize, usize), String> = Err(String::new());
    let mut read: std::collections::HashSet<usize> = sheet
        .row_texts(header)
        .filter(|(_, t)| t.contains("具体的取組") || t.contains("取組名"))
        .map(|(c, _)| c)
        .collect();
    read.extend([number_col, kind_col]);
    read.extend(years.iter().map(|&(c, _, _)| c));
    let rows: Vec<usize> = sheet.used_rows().filter(|&r| r > header).collect();
    for r in rows {
        let number = sheet.text(r, number_col);
        if !number.is_empty() {
            current = reading
                .initiative(sheet, r, number, true)
                .ok_or_else(|| number.to_string());
            if current.is_err() {
                continue;
            }
        }
        let at = match &current {
            Ok(at) => *at,
            // A row under one naming no initiative is that one's: kept and said as it was
            // (it was passed over without a word).
            Err(number) => {
                let holds = sheet.row_texts(r).any(|(c, _)| c != kind_col);
                if holds {
                    reading.initiative(sheet, r, &number.clone(), true);
                }
                continue;
            }
        };
        read_effects_row(reading, sheet, (r, kind_col), at, years);
        keep_cells_of_other_columns(reading, sheet, (header, r), &read);
    }
}

/// Row `r` of an effects table, of initiative `(s, k)`: its planned or actual figures, or a
/// typed 達成率 checked; a row that is neither is kept unread and said.
fn read_effects_row(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    (r, kind_col): (usize, usize),
    (s, k): (usize, usize),
    years: &[YearColumn],
) {
    let label = crate::model::text::normalize(sheet.text(r, kind_col));
    // 「実績額（百万円）」: the row's unit, over its column's.
    let label_unit = HeadingUnit::of(&label);
    // 実績見込額, 決算額, 下半期実績: not the year's plan or actual for certain (see
    // `Column::NotRead`), so neither.
    let for_certain = !super::not_for_certain(&label);
    let planned = for_certain && (label.contains("計画") || label.contains("目標"));
    let actual = for_certain && (label.contains("実績") || label.contains("効果"));
    let figures = years
        .iter()
        .map(|&(c, year, unit)| (c, year, unit, sheet.text(r, c).to_string()))
        .filter(|(_, _, _, text)| !text.is_empty());
    if label.contains("率") {
        // 達成率 rows are computed from the two above: a typed one is only checked.
        for (c, year, _, written) in figures {
            let computed = reading.report.sections[s].initiatives[k]
                .measures()
                .effect(year)
                .and_then(|e| e.achievement_rate());
            check_typed_rate(reading, sheet, (r, c), &written, computed);
        }
        return;
    }
    if label.is_empty() {
        // Figures under no 区分 are neither planned nor actual: kept, never dropped.
        for (c, _, _, text) in figures {
            reading.keep_unread(sheet, (r, c), text);
        }
        return;
    }
    if !(planned || actual) {
        // 見込額, 差引, 合計: kept in the unread list as the row's 区分 and figures, tab
        // between, as a row naming no initiative is (the warning said "kept unread" and
        // nothing was kept, so `check` had nothing to say).
        let text = sheet.text(r, kind_col).to_string();
        let row: Vec<String> = std::iter::once(text.clone())
            .chain(figures.map(|(_, _, _, figure)| figure))
            .collect();
        (reading.report.unread).push(UnreadText {
            row: r + 1,
            text: row.join("\t"),
        });
        let warning = MeasureWarning::RowNotUnderstood { text };
        reading.warn(sheet, r, kind_col, warning);
        return;
    }
    // A second row of one kind (歳出削減 and 歳入確保 under 計画額), or a figure the
    // 工程表 gave already: the first is kept, the other kept unread and said.
    for (c, year, column_unit, text) in figures {
        let unit = match label_unit {
            HeadingUnit::None => column_unit,
            named => named,
        };
        super::kept::take_effect(reading, sheet, (r, c), (s, k), (year, unit, planned), text);
    }
}

/// Cells of an effects table's row `r` in columns not read (`29年度見込`, `合計`, `備考`):
/// kept unread, each said with its column's heading.
fn keep_cells_of_other_columns(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    (header, r): (usize, usize),
    read: &std::collections::HashSet<usize>,
) {
    let cells: Vec<(usize, String)> = sheet
        .row_texts(r)
        .filter(|(c, _)| !read.contains(c))
        .map(|(c, t)| (c, t.to_string()))
        .collect();
    for (c, text) in cells {
        let heading = sheet.text(header, c).to_string();
        reading.column_not_read(sheet, (r, c), heading, text);
    }
}

/// A money unit a sheet declares in a cell of its own: 「（単位：百万円）」, 「単位 千円」, or the
/// unit alone in brackets, 「（百万円）」. One in 万円 or 億円 is [`HeadingUnit::Scaled`]: not
/// kept, so its bare figures are kept as written and said (read in the default 千円 they were
/// a tenth or a hundred-thousandth of what was meant, without a word).
pub(super) fn declared_unit(sheet: &Sheet) -> Option<HeadingUnit> {
    sheet
        .used_rows()
        .take(50)
        .find_map(|r| sheet.row_texts(r).find_map(|(_, t)| unit_declared_in(t)))
}

/// The money unit a cell's text declares (see [`declared_unit`]), if it is such a cell.
pub(crate) fn unit_declared_in(text: &str) -> Option<HeadingUnit> {
    let text = crate::model::text::normalize(text);
    let text = text.trim();
    let declares = (text.contains("単位") && text.chars().count() < 20) || {
        let inside = (text.strip_prefix(['（', '(']))
            .and_then(|t| t.strip_suffix(['）', ')']))
            .map(str::trim);
        inside.is_some_and(|u| ["円", "千円", "百万円", "万円", "億円"].contains(&u))
    };
    match HeadingUnit::of(text) {
        HeadingUnit::None => None,
        unit => declares.then_some(unit),
    }
}

/// A sheet noting that its effects are cumulated (累計), as いわき市's does, or naming a row so.
pub(super) fn declares_cumulative(sheet: &Sheet) -> bool {
    // A note (`…累計で計上しています`), or a row of the table named so (`計画額(累計額)`).
    let says = |t: &str| {
        t.contains("累計")
            && (t.contains("計上")
                || t.contains("集計")
                || t.contains("計画額")
                || t.contains("実績額"))
    };
    sheet
        .used_rows()
        .take(50)
        .any(|r| sheet.row_texts(r).any(|(_, t)| says(t)))
        || sheet.used_rows().any(|r| {
            sheet
                .row_texts(r)
                .take(3)
                .any(|(_, t)| t.starts_with(['計', '実']) && says(t))
        })
}

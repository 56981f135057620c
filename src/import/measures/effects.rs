//! An effects table (いわき市's): 区分 naming 計画額 / 実績額 / 達成率 rows, a column per fiscal
//! year; and what a sheet declares of its effects — the money unit (「（単位：百万円）」) and
//! cumulative counting.

use super::super::sheet::Sheet;
use super::{HeadingUnit, Reading, check_typed_rate};
use crate::model::era::FiscalYear;
use crate::model::measure_warning::MeasureWarning;
use crate::model::measures::YenUnit;

/// An effects table: 区分 naming 計画額 / 実績額 / 達成率 rows, a column per fiscal year.
pub(super) fn read_effects_table(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    header: usize,
    number_col: usize,
    kind_col: usize,
    years: &[(usize, FiscalYear)],
) {
    // The initiative the rows name, or the 番号 written that names none (none yet: "").
    let mut current: Result<(usize, usize), String> = Err(String::new());
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
        let (s, k) = match &current {
            Ok(at) => *at,
            // A row under one naming no initiative is that one's: kept and said as it was
            // (it was passed over without a word).
            Err(number) => {
                let holds = years.iter().any(|&(c, _)| !sheet.text(r, c).is_empty());
                if holds {
                    reading.initiative(sheet, r, &number.clone(), true);
                }
                continue;
            }
        };
        let label = crate::model::text::normalize(sheet.text(r, kind_col));
        // 「実績額（百万円）」: the row's unit.
        let label_unit = HeadingUnit::of(&label);
        let planned = label.contains("計画") || label.contains("目標");
        let actual = label.contains("実績") || label.contains("効果");
        if label.contains("率") {
            // 達成率 rows are computed from the two above: a typed one is only checked.
            for &(c, year) in years {
                let written = sheet.text(r, c);
                if !written.is_empty() {
                    let effect = reading.report.sections[s].initiatives[k]
                        .measures()
                        .effect(year);
                    let computed = effect.and_then(|e| match (e.planned.yen, e.actual.yen) {
                        (Some(p), Some(a)) if p != 0 => {
                            Some((a as f64 / p as f64 * 1000.0).round() / 10.0)
                        }
                        _ => None,
                    });
                    check_typed_rate(reading, sheet, (r, c), written, computed);
                }
            }
            continue;
        }
        if label.is_empty() {
            // Figures under no 区分 are neither planned nor actual: kept, never dropped.
            for &(c, _) in years {
                let text = sheet.text(r, c).to_string();
                if !text.is_empty() {
                    reading.keep_unread(sheet, (r, c), text);
                }
            }
            continue;
        }
        if !(planned || actual) {
            let text = sheet.text(r, kind_col).to_string();
            reading.warn(
                sheet,
                r,
                kind_col,
                MeasureWarning::RowNotUnderstood { text },
            );
            continue;
        }
        // A second row of one kind (歳出削減 and 歳入確保 under 計画額), or a figure the
        // 工程表 gave already: the first is kept, the other kept unread and said.
        for &(c, year) in years {
            let text = sheet.text(r, c).to_string();
            if !text.is_empty() {
                let at = (year, label_unit, planned);
                super::kept::take_effect(reading, sheet, (r, c), (s, k), at, text);
            }
        }
    }
}

/// A money unit a sheet declares in a cell of its own: 「（単位：百万円）」, 「単位 千円」.
pub(super) fn declared_unit(sheet: &Sheet) -> Option<YenUnit> {
    sheet.used_rows().take(50).find_map(|r| {
        sheet
            .row_texts(r)
            .filter(|(_, t)| t.contains("単位") && t.chars().count() < 20)
            .find_map(|(_, t)| YenUnit::named_in(t))
    })
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

//! The rating scale a workbook declares (a legend of `S：特に良好に進捗` cells, or a sheet
//! under 評価 | 内容) and each rating read checked against it.

use super::super::sheet::Sheet;
use super::super::warning_cap::push_warning;
use super::{Reading, is_number_heading};
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::measure_warning::MeasureWarning;
use crate::model::measures::RatingLevel;

/// Rating levels a sheet declares, each with its cell: cells `S：特に良好に進捗` (`対象外` alone
/// too), or a sheet with a 評価 | 内容 header and a row per level.
pub(super) fn legend(sheet: &Sheet) -> Vec<(RatingLevel, Location)> {
    let mut levels = Vec::new();
    let cell = |r: usize, c: usize| Location::cell(&sheet.name, r + 1, c + 1, None);
    let header = sheet.used_rows().take(50).find(|&r| {
        let texts: Vec<&str> = sheet.row_texts(r).map(|(_, t)| t).collect();
        texts.contains(&"評価") && texts.contains(&"内容")
    });
    if let Some(h) = header {
        let col = |name: &str| sheet.row_texts(h).find(|(_, t)| *t == name).map(|(c, _)| c);
        let (code_col, label_col) = (col("評価"), col("内容"));
        let meaning_col = col("説明");
        let aside_col = col("対象外");
        for r in sheet.used_rows().filter(|&r| r > h) {
            let code = code_col.map_or("", |c| sheet.text(r, c));
            let label = label_col.map_or("", |c| sheet.text(r, c)).to_string();
            // The scale ends at a blank row, a note, or at the table's header right under it. A level
            // with a label and no code goes on (said and left out by `one_level_per_code`):
            // ending there dropped every level after it without a word.
            let blank = code.trim().is_empty() && label.trim().is_empty();
            let note = super::is_note_under_scale(code, &label);
            if blank || note || sheet.row_texts(r).any(|(_, t)| is_number_heading(t)) {
                break;
            }
            let level = RatingLevel {
                code: code.to_string(),
                not_applicable: code == "対象外"
                    || label == "対象外"
                    || aside_col.is_some_and(|c| !sheet.text(r, c).is_empty()),
                label,
                meaning: meaning_col.map_or("", |c| sheet.text(r, c)).to_string(),
            };
            levels.push((level, cell(r, code_col.or(label_col).unwrap_or(0))));
        }
        return levels;
    }
    // A table's rows (under its header, a 番号 in its column) hold its cells in its columns: a
    // rating kept as written (「D：大幅に遅れ」), a name, a figure. Read as levels, a report
    // exported and read back gained a level for each. A legend stands above the table, beside
    // it or under it.
    let header = sheet.used_rows().take(50).find_map(|r| {
        let number = sheet.row_texts(r).find(|(_, t)| is_number_heading(t))?.0;
        Some((r, number))
    });
    let columns: std::collections::HashSet<usize> = header
        .map(|(h, _)| {
            (sheet.row_texts(h))
                .filter(|(_, t)| !t.trim().is_empty() && super::scale_line(t).is_none())
                .map(|(c, _)| c)
                .collect()
        })
        .unwrap_or_default();
    let in_table = |r: usize| {
        header.is_some_and(|(h, number)| {
            let n = sheet.text(r, number);
            r > h && !n.trim().is_empty() && super::scale_line(n).is_none()
        })
    };
    for r in sheet.used_rows() {
        let in_table = in_table(r);
        for (c, t) in sheet
            .row_texts(r)
            .filter(|(c, _)| !(in_table && columns.contains(c)))
        {
            if let Some((code, label)) = super::scale_line(t) {
                let level = RatingLevel {
                    code: code.to_string(),
                    label: label.trim().to_string(),
                    meaning: String::new(),
                    not_applicable: false,
                };
                levels.push((level, cell(r, c)));
            } else if t == "対象外" && !levels.is_empty() {
                let level = RatingLevel {
                    code: t.to_string(),
                    label: t.to_string(),
                    meaning: String::new(),
                    not_applicable: true,
                };
                levels.push((level, cell(r, c)));
            }
        }
    }
    levels
}

/// Each rating read against the scale: a code it does not have (or any code, with no scale)
/// is kept as written and warned about, once per code.
pub(super) fn check_ratings(reading: Reading<'_>) {
    let settings = &reading.report.measure_settings;
    let scale = crate::model::measure_check::scale_named(settings);
    // Looked up, not searched: a legend of thousands of levels and as many ratings was
    // quadratic.
    let levels: std::collections::HashSet<String> = settings
        .rating_scale
        .iter()
        .map(|l| crate::model::text::normalize(&l.code))
        .collect();
    let mut warned: std::collections::HashSet<String> = Default::default();
    for (code, at) in reading.ratings {
        let known = levels.contains(&crate::model::text::normalize(&code));
        if known || !warned.insert(code.clone()) {
            continue;
        }
        let warning = if scale.is_empty() {
            MeasureWarning::NoRatingScale { code }
        } else {
            MeasureWarning::RatingNotInScale {
                code,
                scale: scale.clone(),
            }
        };
        push_warning(
            reading.warnings,
            Warning::new(at, WarningKind::Measure { warning }),
        );
    }
}

/// A scale declared twice (a legend beside the table and a sheet of its own) is one scale:
/// each code once, as first declared; a code declared again with another label, or in another
/// width (`A` and `Ａ`, which every look-up takes for one: the second was never counted), is
/// said.
pub(super) fn one_level_per_code(
    declared: Vec<(RatingLevel, Location)>,
    warnings: &mut Vec<Warning>,
) -> Vec<RatingLevel> {
    let mut out: Vec<RatingLevel> = Vec::with_capacity(declared.len());
    let mut first_at: std::collections::HashMap<String, usize> = Default::default();
    // Each said at the cell declaring it: all were said at the report sheet, wherever they
    // stood.
    for (level, at) in declared {
        if level.code.trim().is_empty() {
            let label = level.label;
            let warning = MeasureWarning::RatingLevelWithoutCode { label };
            push_warning(
                warnings,
                Warning::new(at.clone(), WarningKind::Measure { warning }),
            );
            continue;
        }
        let key = crate::model::text::normalize(&level.code);
        let Some(&k) = first_at.get(&key) else {
            first_at.insert(key, out.len());
            out.push(level);
            continue;
        };
        let first = &mut out[k];
        if first.meaning.is_empty() {
            first.meaning = level.meaning;
        }
        if first.label != level.label || first.code != level.code {
            let warning = MeasureWarning::RatingLevelRepeated {
                code: level.code,
                kept: first.label.clone(),
                other: level.label,
            };
            push_warning(
                warnings,
                Warning::new(at.clone(), WarningKind::Measure { warning }),
            );
        }
    }
    out
}

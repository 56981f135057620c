//! The numbers and judgements in the XLSX, as sheets laid out the way the workbook reader
//! takes them back (`import/measures.rs`), so that export → open gives the same numbers:
//! 数値目標 (a row per indicator, its targets and actuals per fiscal year, 達成率 computed),
//! 効果額 (いわき市's table: 区分 | years, in the report's unit), 評価 (the three layers with who
//! and when) and 評価基準 (the scale). A report without any gets none of these sheets.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::xlsx_cells::Cells;
use crate::model::measures::{Counting, Figure, Indicator, MeasureSettings, Rating};
use crate::model::text_place::{TextField, TextPlace};
use crate::model::{FiscalYear, Initiative, Report};

/// Adds the sheets the report's numbers need.
/// Every text goes through `cells`: one longer than an Excel cell holds is cut as on the
/// report's sheet, and the export warns naming the cell.
pub(super) fn add_sheets(
    report: &Report,
    book: &mut Workbook,
    cells: &mut Cells,
) -> Result<(), XlsxError> {
    let with = |f: fn(&Initiative) -> bool| report.initiatives().any(f);
    if with(|i| !i.measures().indicators.is_empty()) {
        cells.sheet = "数値目標";
        indicators(report, book.add_worksheet(), cells)?;
    }
    let settings = &report.measure_settings;
    let money_declared =
        settings.yen_unit != Default::default() || settings.counting != Default::default();
    if money_declared || with(|i| !i.measures().effects.is_empty()) {
        cells.sheet = "効果額";
        effects(report, book.add_worksheet(), cells)?;
    }
    let rated = |i: &Initiative| {
        let m = i.measures();
        m.self_rating.is_some() || m.review.is_some() || m.comment.is_some()
    };
    if with(rated) {
        cells.sheet = "評価";
        ratings(report, book.add_worksheet(), cells)?;
    }
    if !settings.rating_scale.is_empty() {
        cells.sheet = "評価基準";
        scale(settings, book.add_worksheet(), cells)?;
    }
    Ok(())
}

fn bold() -> Format {
    Format::new().set_bold()
}

fn head(ws: &mut Worksheet, row: u32, headings: &[String]) -> Result<(), XlsxError> {
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &bold())?;
    }
    Ok(())
}

fn figure(
    cells: &mut Cells,
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    f: &Figure,
    initiative: &Initiative,
) -> Result<(), XlsxError> {
    match f.value {
        Some(v) => number(ws, (row, col), &v.to_string())?,
        None => text(cells, ws, (row, col), &f.unread, of(initiative))?,
    }
    Ok(())
}

/// A number as shown (`12.5`, `1234567890123.456789`): a number cell when Excel keeps it
/// exactly — at most 15 significant digits, and a double holding it — else its text, which the
/// import reads back as the same number. A double holds some numbers of 16 and 17 digits
/// (`1234567890123456`), but Excel and LibreOffice keep 15 and change the 16th on saving.
fn number(ws: &mut Worksheet, (row, col): (u32, u16), shown: &str) -> Result<(), XlsxError> {
    let kept = |value: f64| value.to_string() == shown && significant_digits(shown) <= 15;
    match shown.parse::<f64>() {
        // A minus shown `△120`, as every other output writes it; the cell holds the number.
        Ok(value) if kept(value) && value < 0.0 => {
            let triangle = rust_xlsxwriter::Format::new().set_num_format("General;\"△\"General");
            ws.write_number_with_format(row, col, value, &triangle)?
        }
        Ok(value) if kept(value) => ws.write_number(row, col, value)?,
        _ => ws.write_string(row, col, shown)?,
    };
    Ok(())
}

/// A computed rate (`46.7` for 46.7 %) as a number cell shown as a percentage with its one
/// decimal where it has one (`46.7%`, `50%`, a minus `△20%` as every output writes one), so
/// a spreadsheet can sum, sort and chart it; the import reads such a cell as the sheet shows
/// it. It was the text `46.7%`.
fn rate_cell(ws: &mut Worksheet, (row, col): (u32, u16), rate: f64) -> Result<(), XlsxError> {
    // The fraction nearest the rate as shown: 46.7 ÷ 100 in floats is not always 0.467.
    let fraction = format!("{rate}e-2").parse::<f64>().unwrap_or(rate / 100.0);
    // Its decimal only where it has one (`50%`, `46.7%`), as every other output writes it.
    let shown = if rate.fract() == 0.0 {
        "0%;\"△\"0%"
    } else {
        "0.0%;\"△\"0.0%"
    };
    let percent = rust_xlsxwriter::Format::new().set_num_format(shown);
    ws.write_number_with_format(row, col, fraction, &percent)?;
    Ok(())
}

/// The significant digits of a plain decimal (`-0.00120` has 2, `1200` has 2): its digits
/// from the first nonzero one to the last.
fn significant_digits(plain: &str) -> usize {
    let digits: String = plain.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// Where a text of an initiative's numbers stands, for a warning.
fn of(initiative: &Initiative) -> TextPlace {
    place(Some(initiative), TextField::Measures)
}

fn place(initiative: Option<&Initiative>, field: TextField) -> TextPlace {
    TextPlace {
        initiative: initiative.map(|i| i.number.clone()),
        field,
        ..TextPlace::default()
    }
}

/// A text fitted to its cell (`place` names it in the warning when it is cut).
fn text(
    cells: &mut Cells,
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    t: &str,
    place: TextPlace,
) -> Result<(), XlsxError> {
    if !t.is_empty() {
        ws.write_string(row, col, cells.fitted(row, col, t, place).as_ref())?;
    }
    Ok(())
}

/// An initiative's number and title, the first two columns of a row.
fn named(cells: &mut Cells, ws: &mut Worksheet, row: u32, i: &Initiative) -> Result<(), XlsxError> {
    text(
        cells,
        ws,
        (row, 0),
        &i.number,
        place(Some(i), TextField::InitiativeNumber),
    )?;
    text(
        cells,
        ws,
        (row, 1),
        &i.title,
        place(Some(i), TextField::InitiativeTitle),
    )
}

/// Every fiscal year any indicator has a figure for, in order.
fn indicator_years(report: &Report) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = report
        .initiatives()
        .flat_map(|i| i.measures().indicators.iter())
        .flat_map(|x| x.years.iter().map(|y| y.year))
        .collect();
    years.sort();
    years.dedup();
    years
}

fn indicators(report: &Report, ws: &mut Worksheet, cells: &mut Cells) -> Result<(), XlsxError> {
    ws.set_name("数値目標")?;
    let years = indicator_years(report);
    let mut headings: Vec<String> = [
        "番号",
        "具体的取組",
        "指標",
        "単位",
        "向き",
        "基準値",
        "基準年度",
        "最終目標",
    ]
    .map(String::from)
    .to_vec();
    for y in &years {
        let short = y.short_form_like(report.fiscal_year);
        headings.push(format!("{short}目標"));
        headings.push(format!("{short}上半期実績"));
        headings.push(format!("{short}実績"));
    }
    headings.push("達成率".into());
    // After the rate, so that the columns before it stay where they were.
    headings.push("指標の見出し".into());
    head(ws, 0, &headings)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 24)?;
    let mut row = 1;
    for i in report.initiatives() {
        for x in &i.measures().indicators {
            named(cells, ws, row, i)?;
            indicator_row(report, (ws, cells), (row, i), x, &years)?;
            row += 1;
        }
    }
    Ok(())
}

fn indicator_row(
    report: &Report,
    (ws, cells): (&mut Worksheet, &mut Cells),
    (row, i): (u32, &Initiative),
    x: &Indicator,
    years: &[FiscalYear],
) -> Result<(), XlsxError> {
    text(cells, ws, (row, 2), &x.name, of(i))?;
    text(cells, ws, (row, 3), &x.unit, of(i))?;
    // A 向き kept as written goes back as written, so that it reads back the same.
    text(cells, ws, (row, 4), x.direction_words(), of(i))?;
    if let Some(b) = &x.baseline {
        figure(cells, ws, (row, 5), &b.value, i)?;
        if let Some(y) = b.year {
            ws.write_string(row, 6, y.short_form_like(report.fiscal_year))?;
        }
    }
    figure(cells, ws, (row, 7), &x.target, i)?;
    for (k, y) in years.iter().enumerate() {
        let col = 8 + 3 * k as u16;
        if let Some(fy) = x.year(*y) {
            figure(cells, ws, (row, col), &fy.target, i)?;
            figure(cells, ws, (row, col + 1), &fy.first_half, i)?;
            figure(cells, ws, (row, col + 2), &fy.actual, i)?;
        }
    }
    if let Some(rate) = x.achievement_rate(report.fiscal_year) {
        rate_cell(ws, (row, 8 + 3 * years.len() as u16), rate)?;
    }
    if let Some(heading) = x.topic_in(i).and_then(|t| t.heading.as_deref()) {
        let place = place(Some(i), TextField::TopicHeading);
        text(cells, ws, (row, 9 + 3 * years.len() as u16), heading, place)?;
    }
    Ok(())
}

fn effects(report: &Report, ws: &mut Worksheet, cells: &mut Cells) -> Result<(), XlsxError> {
    ws.set_name("効果額")?;
    let settings = &report.measure_settings;
    let unit = settings.yen_unit;
    ws.write_string(0, 0, "効果額")?;
    ws.write_string(0, 2, format!("（単位：{}）", unit.label()))?;
    if settings.counting == Counting::Cumulative {
        ws.write_string(
            1,
            0,
            "※各年度の効果額は、前年度までの効果を含めた累計で計上",
        )?;
    }
    let mut years: Vec<FiscalYear> = report
        .initiatives()
        .flat_map(|i| i.measures().effects.iter().map(|e| e.fiscal_year))
        .collect();
    years.sort();
    years.dedup();
    let mut headings: Vec<String> = vec!["番号".into(), "区分".into()];
    headings.extend(years.iter().map(|y| y.short_form_like(report.fiscal_year)));
    head(ws, 2, &headings)?;
    let mut row = 3;
    for i in report.initiatives() {
        let m = i.measures();
        if m.effects.is_empty() {
            continue;
        }
        text(
            cells,
            ws,
            (row, 0),
            &i.number,
            place(Some(i), TextField::InitiativeNumber),
        )?;
        ws.write_string(row, 1, "計画額")?;
        ws.write_string(row + 1, 1, "実績額")?;
        // いわき市's third row, computed (read back it is checked, not kept); only under an
        // initiative with a rate to show, so a sheet of plans alone is as before.
        let rates: Vec<(usize, f64)> = years
            .iter()
            .enumerate()
            .filter_map(|(k, y)| Some((k, m.effect(*y)?.achievement_rate()?)))
            .collect();
        if !rates.is_empty() {
            ws.write_string(row + 2, 1, "達成率")?;
        }
        for &(k, rate) in &rates {
            rate_cell(ws, (row + 2, 2 + k as u16), rate)?;
        }
        for (k, y) in years.iter().enumerate() {
            let Some(e) = m.effect(*y) else { continue };
            let col = 2 + k as u16;
            for (r, money) in [(row, &e.planned), (row + 1, &e.actual)] {
                // The plain number: `number` gives a negative its △ format (written `△120`
                // it was a text cell, which a SUM passes over).
                match money.in_unit(unit) {
                    Some(plain) => number(ws, (r, col), &plain)?,
                    None => text(cells, ws, (r, col), &money.unread, of(i))?,
                }
            }
        }
        row += if rates.is_empty() { 2 } else { 3 };
    }
    Ok(())
}

fn rating_cells(
    cells: &mut Cells,
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    r: &Rating,
    i: &Initiative,
) -> Result<(), XlsxError> {
    text(cells, ws, (row, col), &r.code, of(i))?;
    text(cells, ws, (row, col + 1), &r.by, of(i))?;
    if let Some(on) = r.on {
        ws.write_string(row, col + 2, on.format("%Y-%m-%d").to_string())?;
    }
    Ok(())
}

fn ratings(report: &Report, ws: &mut Worksheet, cells: &mut Cells) -> Result<(), XlsxError> {
    ws.set_name("評価")?;
    let notes = super::table_numbers::NoteColumns::of(report);
    let headings: Vec<String> = ["番号", "具体的取組"]
        .into_iter()
        .chain(super::table_numbers::RATING_HEADINGS)
        .chain(notes.headings())
        .map(String::from)
        .collect();
    head(ws, 0, &headings)?;
    let mut row = 1;
    for i in report.initiatives() {
        let m = i.measures();
        if m.self_rating.is_none() && m.review.is_none() && m.comment.is_none() {
            continue;
        }
        named(cells, ws, row, i)?;
        if let Some(r) = &m.self_rating {
            rating_cells(cells, ws, (row, 2), r, i)?;
        }
        if let Some(r) = &m.review {
            rating_cells(cells, ws, (row, 5), r, i)?;
        }
        if let Some(c) = &m.comment {
            text(cells, ws, (row, 8), &c.text, of(i))?;
            text(cells, ws, (row, 9), &c.by, of(i))?;
            if let Some(on) = c.on {
                ws.write_string(row, 10, on.format("%Y-%m-%d").to_string())?;
            }
        }
        for (k, note) in notes.cells(m).iter().enumerate() {
            text(cells, ws, (row, 11 + k as u16), note, of(i))?;
        }
        row += 1;
    }
    Ok(())
}

fn scale(
    settings: &MeasureSettings,
    ws: &mut Worksheet,
    cells: &mut Cells,
) -> Result<(), XlsxError> {
    let at = || place(None, TextField::Measures);
    ws.set_name("評価基準")?;
    head(ws, 0, &["評価", "内容", "説明", "対象外"].map(String::from))?;
    for (k, level) in settings.rating_scale.iter().enumerate() {
        let row = 1 + k as u32;
        text(cells, ws, (row, 0), &level.code, at())?;
        text(cells, ws, (row, 1), &level.label, at())?;
        text(cells, ws, (row, 2), &level.meaning, at())?;
        if level.not_applicable {
            ws.write_string(row, 3, "○")?;
        }
    }
    Ok(())
}

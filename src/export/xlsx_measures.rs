//! The numbers and judgements in the XLSX, as sheets laid out the way the workbook reader
//! takes them back (`import/measures.rs`), so that export → open gives the same numbers:
//! 数値目標 (a row per indicator, its targets and actuals per fiscal year, 達成率 computed),
//! 効果額 (いわき市's table: 区分 | years, in the report's unit), 評価 (the three layers with who
//! and when) and 評価基準 (the scale). A report without any gets none of these sheets.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::model::measures::{Counting, Figure, Indicator, MeasureSettings, Rating};
use crate::model::{FiscalYear, Initiative, Report};

/// Adds the sheets the report's numbers need.
pub(super) fn add_sheets(report: &Report, book: &mut Workbook) -> Result<(), XlsxError> {
    let with = |f: fn(&Initiative) -> bool| report.initiatives().any(f);
    if with(|i| !i.measures().indicators.is_empty()) {
        indicators(report, book.add_worksheet())?;
    }
    let settings = &report.measure_settings;
    let money_declared =
        settings.yen_unit != Default::default() || settings.counting != Default::default();
    if money_declared || with(|i| !i.measures().effects.is_empty()) {
        effects(report, book.add_worksheet())?;
    }
    let rated = |i: &Initiative| {
        let m = i.measures();
        m.self_rating.is_some() || m.review.is_some() || m.comment.is_some()
    };
    if with(rated) {
        ratings(report, book.add_worksheet())?;
    }
    if !settings.rating_scale.is_empty() {
        scale(settings, book.add_worksheet())?;
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

fn figure(ws: &mut Worksheet, row: u32, col: u16, f: &Figure) -> Result<(), XlsxError> {
    match f.value {
        Some(v) => {
            ws.write_number(row, col, v.as_f64())?;
        }
        None if !f.unread.is_empty() => {
            ws.write_string(row, col, &f.unread)?;
        }
        None => {}
    }
    Ok(())
}

fn text(ws: &mut Worksheet, row: u32, col: u16, t: &str) -> Result<(), XlsxError> {
    if !t.is_empty() {
        ws.write_string(row, col, t)?;
    }
    Ok(())
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

fn indicators(report: &Report, ws: &mut Worksheet) -> Result<(), XlsxError> {
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
    head(ws, 0, &headings)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 24)?;
    let mut row = 1;
    for i in report.initiatives() {
        for x in &i.measures().indicators {
            ws.write_string(row, 0, &i.number)?;
            text(ws, row, 1, &i.title)?;
            indicator_row(report, ws, row, x, &years)?;
            row += 1;
        }
    }
    Ok(())
}

fn indicator_row(
    report: &Report,
    ws: &mut Worksheet,
    row: u32,
    x: &Indicator,
    years: &[FiscalYear],
) -> Result<(), XlsxError> {
    use crate::model::measures::Direction;
    text(ws, row, 2, &x.name)?;
    text(ws, row, 3, &x.unit)?;
    let direction = match x.direction {
        Direction::Higher => "高いほど良い",
        Direction::Lower => "低いほど良い",
    };
    ws.write_string(row, 4, direction)?;
    if let Some(b) = &x.baseline {
        figure(ws, row, 5, &b.value)?;
        if let Some(y) = b.year {
            ws.write_string(row, 6, y.short_form_like(report.fiscal_year))?;
        }
    }
    figure(ws, row, 7, &x.target)?;
    for (k, y) in years.iter().enumerate() {
        let col = 8 + 3 * k as u16;
        if let Some(fy) = x.year(*y) {
            figure(ws, row, col, &fy.target)?;
            figure(ws, row, col + 1, &fy.first_half)?;
            figure(ws, row, col + 2, &fy.actual)?;
        }
    }
    if let Some(rate) = x.achievement_rate(report.fiscal_year) {
        ws.write_string(row, 8 + 3 * years.len() as u16, format!("{rate}%"))?;
    }
    Ok(())
}

fn effects(report: &Report, ws: &mut Worksheet) -> Result<(), XlsxError> {
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
        ws.write_string(row, 0, &i.number)?;
        ws.write_string(row, 1, "計画額")?;
        ws.write_string(row + 1, 1, "実績額")?;
        for (k, y) in years.iter().enumerate() {
            let Some(e) = m.effect(*y) else { continue };
            let col = 2 + k as u16;
            for (r, money) in [(row, &e.planned), (row + 1, &e.actual)] {
                match money.yen {
                    Some(_) => {
                        let shown = money.display(unit);
                        let value: f64 = shown.parse().unwrap_or_default();
                        ws.write_number(r, col, value)?;
                    }
                    None => text(ws, r, col, &money.unread)?,
                }
            }
        }
        row += 2;
    }
    Ok(())
}

fn rating_cells(ws: &mut Worksheet, row: u32, col: u16, r: &Rating) -> Result<(), XlsxError> {
    ws.write_string(row, col, &r.code)?;
    text(ws, row, col + 1, &r.by)?;
    if let Some(on) = r.on {
        ws.write_string(row, col + 2, on.format("%Y-%m-%d").to_string())?;
    }
    Ok(())
}

fn ratings(report: &Report, ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name("評価")?;
    let headings = [
        "番号",
        "具体的取組",
        "自己評価",
        "評価者",
        "評価日",
        "本部評価",
        "評価者",
        "評価日",
        "委員会意見",
        "記入者",
        "記入日",
    ]
    .map(String::from);
    head(ws, 0, &headings)?;
    let mut row = 1;
    for i in report.initiatives() {
        let m = i.measures();
        if m.self_rating.is_none() && m.review.is_none() && m.comment.is_none() {
            continue;
        }
        ws.write_string(row, 0, &i.number)?;
        text(ws, row, 1, &i.title)?;
        if let Some(r) = &m.self_rating {
            rating_cells(ws, row, 2, r)?;
        }
        if let Some(r) = &m.review {
            rating_cells(ws, row, 5, r)?;
        }
        if let Some(c) = &m.comment {
            ws.write_string(row, 8, &c.text)?;
            text(ws, row, 9, &c.by)?;
            if let Some(on) = c.on {
                ws.write_string(row, 10, on.format("%Y-%m-%d").to_string())?;
            }
        }
        row += 1;
    }
    Ok(())
}

fn scale(settings: &MeasureSettings, ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name("評価基準")?;
    head(ws, 0, &["評価", "内容", "説明", "対象外"].map(String::from))?;
    for (k, level) in settings.rating_scale.iter().enumerate() {
        let row = 1 + k as u32;
        ws.write_string(row, 0, &level.code)?;
        text(ws, row, 1, &level.label)?;
        text(ws, row, 2, &level.meaning)?;
        if level.not_applicable {
            ws.write_string(row, 3, "○")?;
        }
    }
    Ok(())
}

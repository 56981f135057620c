//! XLSX in the layout of the published report: 番号, 具体的取組, 工程 (取組項目 and one column per
//! plan year, a stage over several years one merged cell), 年次計画, 実績, 担当課; sections as
//! full-width rows; an initiative's cells merged down over its items. A second sheet holds the
//! monthly grid. Excel does not size merged wrapped cells, so row heights are computed here,
//! and so are the page breaks (an initiative is never split across pages).

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatPattern, Workbook, Worksheet, XlsxError,
};

use super::ExportError;
use super::table::entry_line;
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::topic_status;
use crate::model::{Initiative, MonthSet, Report, Side};
use crate::palette::{self, Rgb, Tone};

const FONT: &str = "BIZ UDPゴシック";
const FONT_SIZE: f64 = 9.0;
/// Points per wrapped line at FONT_SIZE.
const LINE: f64 = 12.5;
/// Column widths in Excel's character units.
const NUMBER_W: f64 = 5.0;
const TITLE_W: f64 = 24.0;
const ITEM_W: f64 = 30.0;
const YEAR_W: f64 = 8.5;
const TEXT_W: f64 = 52.0;
const DIVISION_W: f64 = 16.0;
/// The sheet's first rows: title, meta, blank, headings (two rows).
const HEADER_ROWS: u32 = 5;
/// Printable height of an A3 landscape page in points (842 pt less margins, header, footer).
const PAGE_HEIGHT: f64 = 842.0 - 2.0 * 0.75 * 72.0 - 40.0;

fn err(e: XlsxError) -> ExportError {
    ExportError::Writer(format!("XLSX: {e}"))
}

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(FONT_SIZE)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(palette::SHEET_BORDER.to_u32()))
}

fn filled(color: Rgb) -> Format {
    base()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(Color::RGB(color.to_u32()))
}

/// Lines a text takes in a column `width` characters wide (kanji count two, as Excel draws them).
pub(crate) fn lines(text: &str, width: f64) -> f64 {
    text.split('\n')
        .map(|line| {
            let units: f64 = line
                .chars()
                .map(|c| {
                    if c.is_ascii() || ('｡'..='ﾟ').contains(&c) {
                        1.0
                    } else {
                        2.0
                    }
                })
                .sum();
            (units / (width * 0.95)).ceil().max(1.0)
        })
        .sum()
}

/// A plan or actual cell as the published report shows it: headings, then bullets.
pub fn side_text(initiative: &Initiative, side: Side) -> String {
    let mut out = Vec::new();
    for topic in &initiative.topics {
        let list = topic.entries(side);
        if list.is_empty() {
            continue;
        }
        if let Some(h) = &topic.heading {
            out.push(format!("<{h}>"));
        }
        out.extend(list.iter().map(entry_line));
    }
    out.join("\n")
}

/// The 担当課 cell: the initiative's own divisions, then `<topic>` / division lines. A division
/// with no name (what a lone `・` in a cell reads as) is written so again: an empty line would
/// be no division at all.
fn division_text(initiative: &Initiative) -> String {
    let line = |d: &str| {
        if d.is_empty() {
            "・".to_string()
        } else {
            d.to_string()
        }
    };
    let named = initiative.topics.iter().filter_map(|t| {
        Some(format!(
            "<{}>\n{}",
            t.heading.as_ref()?,
            line(t.division.as_ref()?)
        ))
    });
    initiative
        .divisions
        .iter()
        .map(|d| line(d))
        .chain(named)
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn to_xlsx(report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    report_sheet(report, sheet).map_err(err)?;
    let grid = workbook.add_worksheet();
    month_sheet(report, grid).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

fn report_sheet(report: &Report, ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name("進捗報告")?;
    let years = report.plan_years.len() as u16;
    // Columns: 番号, 具体的取組, 取組項目, one per year, 年次計画, 実績, 担当課.
    let item_col = 2;
    let year_col = 3;
    let plan_col = year_col + years;
    let actual_col = plan_col + 1;
    let division_col = plan_col + 2;
    for (col, w) in [(0, NUMBER_W), (1, TITLE_W), (2, ITEM_W)] {
        ws.set_column_width(col, w)?;
    }
    for k in 0..years {
        ws.set_column_width(year_col + k, YEAR_W)?;
    }
    ws.set_column_width(plan_col, TEXT_W)?;
    ws.set_column_width(actual_col, TEXT_W)?;
    ws.set_column_width(division_col, DIVISION_W)?;

    let title = Format::new()
        .set_font_name(FONT)
        .set_font_size(14.0)
        .set_bold();
    ws.write_string_with_format(0, 0, &report.title, &title)?;
    let meta = format!(
        "{}（{}年度）　{}　{} 時点",
        report.fiscal_year.era_form(),
        report.fiscal_year.0,
        report.period.japanese(),
        report.as_of().to_japanese(report.fiscal_year)
    );
    ws.write_string_with_format(
        1,
        0,
        &meta,
        &Format::new().set_font_name(FONT).set_font_size(10.0),
    )?;

    let head = filled(palette::HEADING_FILL)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let (h1, h2) = (HEADER_ROWS - 2, HEADER_ROWS - 1);
    ws.merge_range(h1, 0, h2, 0, "番号", &head)?;
    ws.merge_range(h1, 1, h2, 1, "具体的取組", &head)?;
    ws.merge_range(h1, item_col, h1, plan_col - 1, "工程", &head)?;
    ws.write_string_with_format(h2, item_col, "取組項目", &head)?;
    for (k, y) in report.plan_years.years().enumerate() {
        ws.write_string_with_format(
            h2,
            year_col + k as u16,
            y.short_form_like(report.fiscal_year),
            &head,
        )?;
    }
    let plan_heading = report.plan_heading();
    let actual_heading = report.actual_heading();
    ws.merge_range(h1, plan_col, h2, plan_col, &plan_heading, &head)?;
    ws.merge_range(h1, actual_col, h2, actual_col, &actual_heading, &head)?;
    ws.merge_range(h1, division_col, h2, division_col, "担当課", &head)?;

    let section_format = filled(palette::SHEET_SECTION_FILL).set_bold();
    let text = base();
    let bold = base().set_bold();
    let mut row = HEADER_ROWS;
    // Page breaks: before any initiative that would not fit on the current page. The sheet
    // prints one page wide, so a page holds PAGE_HEIGHT / scale points of rows.
    let sheet_width: f64 =
        NUMBER_W + TITLE_W + ITEM_W + YEAR_W * years as f64 + 2.0 * TEXT_W + DIVISION_W;
    let printable_width_pt = 1191.0 - 2.0 * 0.7 * 72.0;
    let scale = (printable_width_pt / (sheet_width * 7.0 * 0.75)).min(1.0);
    let header_height = 2.0 * LINE + 6.0;
    let page_rows_height = PAGE_HEIGHT / scale - header_height;
    let mut used = 0.0;
    let mut breaks: Vec<u32> = Vec::new();
    for section in &report.sections {
        let name = format!("{} {}", section.numeral, section.title);
        let section_h = LINE + 4.0;
        // The section row, and the first initiative after it, start a page together.
        let first_h = section
            .initiatives
            .first()
            .map_or(0.0, |i| initiative_height(report, i));
        if used > 0.0 && used + section_h + first_h > page_rows_height {
            breaks.push(row);
            used = 0.0;
        }
        ws.merge_range(row, 0, row, division_col, name.trim(), &section_format)?;
        ws.set_row_height(row, section_h)?;
        used += section_h;
        row += 1;
        for (n, initiative) in section.initiatives.iter().enumerate() {
            let h = initiative_height(report, initiative);
            if n > 0 && used > 0.0 && used + h > page_rows_height {
                breaks.push(row);
                used = 0.0;
            }
            used += h;
            row = write_initiative(
                report,
                ws,
                initiative,
                row,
                &text,
                &bold,
                [item_col, year_col, plan_col, actual_col, division_col],
            )?;
        }
    }
    // Print setup: A3 landscape, one page wide, headings repeated, "n / N" at the foot.
    ws.set_landscape();
    ws.set_paper_size(8);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(h1, h2)?;
    ws.set_footer("&C&P / &N&R印刷日 &D");
    ws.set_header(format!("&L{}", report.title.replace('&', "&&")));
    ws.set_margins(0.7, 0.7, 0.75, 0.75, 0.3, 0.3);
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_freeze_panes(HEADER_ROWS, 0)?;
    Ok(())
}

/// The item rows of an initiative: one per item lane (at least one).
fn item_rows(initiative: &Initiative) -> Vec<(usize, usize)> {
    let mut rows: Vec<(usize, usize)> = initiative
        .items
        .iter()
        .enumerate()
        .flat_map(|(k, item)| (0..item.lanes.len().max(1)).map(move |lane| (k, lane)))
        .collect();
    if rows.is_empty() {
        rows.push((usize::MAX, 0));
    }
    rows
}

/// Row heights: each item row fits its own name; the merged cells' text spreads over them.
fn heights(report: &Report, initiative: &Initiative) -> Vec<f64> {
    let rows = item_rows(initiative);
    let own: Vec<f64> = rows
        .iter()
        .map(|&(k, lane)| match initiative.items.get(k) {
            Some(item) if lane == 0 => lines(&item.name, ITEM_W) * LINE + 4.0,
            _ => LINE + 4.0,
        })
        .collect();
    let merged = [
        lines(
            &format!("{} {}", initiative.label, initiative.title),
            TITLE_W,
        ),
        lines(&side_text(initiative, Side::Plan), TEXT_W),
        lines(&side_text(initiative, Side::Actual), TEXT_W),
        lines(&division_text(initiative), DIVISION_W),
    ]
    .into_iter()
    .fold(0.0, f64::max)
        * LINE
        + 4.0;
    let _ = report;
    let total: f64 = own.iter().sum();
    let extra = ((merged - total) / own.len() as f64).max(0.0);
    // Excel rows are at most 409 points high.
    own.into_iter().map(|h| (h + extra).min(409.0)).collect()
}

fn initiative_height(report: &Report, initiative: &Initiative) -> f64 {
    heights(report, initiative).iter().sum()
}

fn write_initiative(
    report: &Report,
    ws: &mut Worksheet,
    initiative: &Initiative,
    first: u32,
    text: &Format,
    bold: &Format,
    [item_col, year_col, plan_col, actual_col, division_col]: [u16; 5],
) -> Result<u32, XlsxError> {
    let rows = item_rows(initiative);
    let last = first + rows.len() as u32 - 1;
    let merge = |ws: &mut Worksheet, col: u16, value: &str, f: &Format| -> Result<(), XlsxError> {
        if first == last {
            ws.write_string_with_format(first, col, value, f)?;
        } else {
            ws.merge_range(first, col, last, col, value, f)?;
        }
        Ok(())
    };
    merge(ws, 0, &initiative.number, bold)?;
    merge(
        ws,
        1,
        format!("{} {}", initiative.label, initiative.title).trim(),
        bold,
    )?;
    merge(ws, plan_col, &side_text(initiative, Side::Plan), text)?;
    merge(ws, actual_col, &side_text(initiative, Side::Actual), text)?;
    merge(ws, division_col, &division_text(initiative), text)?;
    let years = report.plan_years.len() as u16;
    for (r, (&(k, lane), h)) in rows.iter().zip(heights(report, initiative)).enumerate() {
        let row = first + r as u32;
        ws.set_row_height(row, h)?;
        let Some(item) = initiative.items.get(k) else {
            ws.write_string_with_format(row, item_col, "", text)?;
            for y in 0..years {
                ws.write_string_with_format(row, year_col + y, "", text)?;
            }
            continue;
        };
        let name = if lane == 0 {
            item.display_name()
        } else {
            String::new()
        };
        ws.write_string_with_format(row, item_col, &name, text)?;
        let spans = item.lanes.get(lane).cloned().unwrap_or_default();
        let mut covered = vec![false; years as usize];
        for span in &spans {
            let (Some(a), Some(b)) = (
                report.plan_years.index_of(span.first),
                report.plan_years.index_of(span.last),
            ) else {
                continue;
            };
            let f = filled(palette::stage(&span.label, Tone::Paper))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter);
            let (ca, cb) = (year_col + a as u16, year_col + b as u16);
            if ca == cb {
                ws.write_string_with_format(row, ca, &span.source, &f)?;
            } else {
                ws.merge_range(row, ca, row, cb, &span.source, &f)?;
            }
            if let Some(years) = covered.get_mut(a..=b) {
                years.fill(true);
            }
        }
        for (y, c) in covered.iter().enumerate() {
            if !c {
                ws.write_string_with_format(row, year_col + y as u16, "", text)?;
            }
        }
    }
    Ok(last + 1)
}

/// The monthly grid: a row per plan and per actual of each topic, its months filled — plan
/// with a hatch pattern, actual solid, 予定 dotted — so they differ in black and white too.
fn month_sheet(report: &Report, ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name("月別計画と実績")?;
    let head = filled(palette::HEADING_FILL)
        .set_bold()
        .set_align(FormatAlign::Center);
    let columns = [
        "番号",
        "具体的取組",
        "見出し",
        "担当課",
        "計画/実績",
        "状況",
    ];
    for (k, (c, w)) in columns
        .iter()
        .zip([5.0, 30.0, 30.0, 18.0, 8.0, 8.0])
        .enumerate()
    {
        ws.set_column_width(k as u16, w)?;
        ws.write_string_with_format(1, k as u16, *c, &head)?;
    }
    let first_month = columns.len() as u16;
    let fy = report.fiscal_year;
    ws.merge_range(
        0,
        first_month,
        0,
        first_month + 8,
        &format!("{}年（{}）", fy.0, fy.era_form()),
        &head,
    )?;
    ws.merge_range(
        0,
        first_month + 9,
        0,
        first_month + 11,
        &format!("{}年", fy.0 + 1),
        &head,
    )?;
    for (k, m) in FISCAL_MONTHS.iter().enumerate() {
        ws.set_column_width(first_month + k as u16, 5.0)?;
        ws.write_string_with_format(1, first_month + k as u16, format!("{m}月"), &head)?;
    }
    let text = base();
    let plan = base()
        .set_pattern(FormatPattern::LightUp)
        .set_foreground_color(Color::RGB(palette::PLAN.to_u32()))
        .set_background_color(Color::RGB(Rgb::WHITE.to_u32()));
    let actual = filled(palette::actual(Tone::Paper)).set_font_color(Color::White);
    let scheduled = base()
        .set_pattern(FormatPattern::Gray125)
        .set_foreground_color(Color::RGB(palette::actual(Tone::Paper).to_u32()))
        .set_background_color(Color::RGB(palette::SCHEDULED_FILL.to_u32()));
    let as_of = report.as_of();
    let mut row = 2;
    for initiative in report.initiatives() {
        for topic in &initiative.topics {
            let status = topic_status(initiative, topic, as_of).japanese();
            for (side, list) in [(Side::Plan, &topic.plan), (Side::Actual, &topic.actual)] {
                if list.is_empty() {
                    continue;
                }
                let (done, planned) = side_months(list);
                let cells = [
                    initiative.number.clone(),
                    initiative.title.clone(),
                    topic.heading.clone().unwrap_or_default(),
                    initiative.division_of(topic).unwrap_or("").to_string(),
                    if side == Side::Plan {
                        "計画"
                    } else {
                        "実績"
                    }
                    .to_string(),
                    status.to_string(),
                ];
                for (k, c) in cells.iter().enumerate() {
                    ws.write_string_with_format(row, k as u16, c, &text)?;
                }
                for k in 0..12 {
                    let col = first_month + k as u16;
                    let (format, mark) = match side {
                        Side::Plan if done.contains_fiscal(k) => (&plan, "計"),
                        Side::Actual if done.contains_fiscal(k) => (&actual, "実"),
                        Side::Actual if planned.contains_fiscal(k) => (&scheduled, "予"),
                        _ => (&text, ""),
                    };
                    ws.write_string_with_format(row, col, mark, format)?;
                }
                row += 1;
            }
        }
    }
    ws.set_landscape();
    ws.set_paper_size(8);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 1)?;
    ws.set_footer("&C&P / &N");
    ws.set_freeze_panes(2, first_month)?;
    Ok(())
}

/// Months of a side's entries: (done or planned, scheduled-only).
fn side_months(list: &[crate::model::Entry]) -> (MonthSet, MonthSet) {
    let mut months = MonthSet::EMPTY;
    let mut scheduled = MonthSet::EMPTY;
    fn walk(list: &[crate::model::Entry], months: &mut MonthSet, scheduled: &mut MonthSet) {
        for e in list {
            if let Some(t) = &e.timing {
                if t.scheduled {
                    *scheduled = scheduled.union(t.months);
                } else {
                    *months = months.union(t.months);
                }
            }
            walk(&e.subs, months, scheduled);
        }
    }
    walk(list, &mut months, &mut scheduled);
    (months, scheduled)
}

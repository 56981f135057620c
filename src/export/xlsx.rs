//! XLSX in the layout of the published report: 番号, 具体的取組, 工程 (取組項目 and one column per
//! plan year, a stage over several years one merged cell), 年次計画, 実績, 担当課; sections as
//! full-width rows; an initiative's cells merged down over its items. A second sheet holds the
//! monthly grid. Excel does not size merged wrapped cells, so row heights are computed here,
//! and so are the page breaks (an initiative is never split across pages, up to the 1,023
//! breaks Excel allows: see [`chosen_breaks`]).
//!
//! Every text is written as a string (never a formula: a result starting with `=` stays
//! text), as the report holds it; one longer than a cell holds is cut ([`Cells`]).

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatPattern, Workbook, Worksheet, XlsxError,
};

use super::halves::Halves;
use super::table::entry_line;
use super::xlsx_cells::Cells;
use super::xlsx_pages::{Break, chosen_breaks, page_header};
use super::{ExportError, ExportWarning};
use crate::model::months::FISCAL_MONTHS;
use crate::model::text_place::{TextField, TextPlace};
use crate::model::{Initiative, Report, Side};
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

/// Where an initiative's text stands, for a warning.
fn place_in(initiative: &Initiative, field: TextField) -> TextPlace {
    TextPlace {
        initiative: Some(initiative.number.clone()),
        field,
        ..TextPlace::default()
    }
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
        if !super::table::written_in(topic, side) {
            continue;
        }
        if let Some(h) = &topic.heading {
            out.push(format!("<{h}>"));
        }
        for entry in list {
            let line = entry_line(entry);
            // A result that is a ※ remark of its own, after a line: a workbook reader takes a
            // ※ line for the note of the line above (read back, two results became one), but
            // not across an empty line.
            if line.starts_with('※') && !out.is_empty() {
                out.push(String::new());
            }
            out.push(line);
        }
    }
    out.join("\n")
}

/// The lines of a side's entries that a workbook reader takes for a topic heading (`<…>`
/// starting a line of an entry written without `・`), as [`side_text`] writes them.
fn heading_like_lines(initiative: &Initiative, side: Side) -> Vec<String> {
    use crate::import::cell::{CellItem, plain_cell_items};
    let mut out = Vec::new();
    for topic in &initiative.topics {
        for entry in topic.entries(side) {
            for line in entry_line(entry).lines() {
                let starts_heading =
                    matches!(plain_cell_items(line).first(), Some(CellItem::Heading(_)));
                if starts_heading {
                    out.push(line.to_string());
                }
            }
        }
    }
    out
}

/// The topic headings a workbook cell does not read back as written (`<ポータル>サイトの構築>`,
/// one with a line break: a cell's `<…>` line ends at its first `>`).
fn headings_read_otherwise(initiative: &Initiative) -> Vec<String> {
    use crate::import::cell::{CellItem, plain_cell_items};
    (initiative.topics.iter())
        .filter_map(|t| t.heading.as_ref())
        .filter(|h| {
            !matches!(plain_cell_items(&format!("<{h}>")).as_slice(),
                [CellItem::Heading(read)] if read == *h)
        })
        .cloned()
        .collect()
}

/// The entries whose text holds a line break (typed so in a response file): a cell holds an
/// entry a line, so the workbook read back makes each line an entry of its own — but a line
/// starting with ※, read back as the note of the line above.
fn broken_entries(initiative: &Initiative, side: Side) -> Vec<String> {
    let splits = |text: &str| {
        (text.split(['\n', '\r']).skip(1))
            .any(|line| !line.trim().is_empty() && !line.trim_start().starts_with('※'))
    };
    (initiative.topics.iter())
        .flat_map(|t| t.entries(side))
        .filter(|e| splits(&e.text))
        .map(|e| e.text.clone())
        .collect()
}

/// The 担当課 cell: the initiative's own divisions, then `<topic>` / division lines. A line
/// starting with `・` is read as a bullet, its name after it: so a division with no name (what a
/// lone `・` reads as) is written `・`, and one whose name starts with `・` gets one more.
fn division_text(initiative: &Initiative) -> String {
    let line = |d: &str| {
        if d.is_empty() || d.starts_with('・') {
            format!("・{d}")
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

/// The workbook; `warnings` is told of each text cut and of page breaks left to Excel.
pub fn to_xlsx(report: &Report, warnings: &mut Vec<ExportWarning>) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let mut cells = Cells::new("進捗報告", warnings);
    report_sheet(report, sheet, &mut cells).map_err(err)?;
    let grid = workbook.add_worksheet();
    cells.sheet = "月別計画と実績";
    month_sheet(report, grid, &mut cells).map_err(err)?;
    super::xlsx_measures::add_sheets(report, &mut workbook, &mut cells).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

fn report_sheet(report: &Report, ws: &mut Worksheet, cells: &mut Cells) -> Result<(), XlsxError> {
    ws.set_name(cells.sheet)?;
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
    let halves = Halves::of(report);
    if halves.is_some() {
        ws.set_column_width(division_col + 1, TEXT_W)?;
    }

    let title = Format::new()
        .set_font_name(FONT)
        .set_font_size(14.0)
        .set_bold();
    cells.string(ws, (0, 0), &report.title, &title, TextPlace::default())?;
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
    let heading = |field| TextPlace {
        field,
        ..TextPlace::default()
    };
    let plan_place = heading(TextField::PlanHeading);
    cells.merged_down(ws, (h1, h2, plan_col), &plan_heading, &head, plan_place)?;
    let actual_place = heading(TextField::ActualHeading);
    cells.merged_down(
        ws,
        (h1, h2, actual_col),
        &actual_heading,
        &head,
        actual_place.clone(),
    )?;
    ws.merge_range(h1, division_col, h2, division_col, "担当課", &head)?;
    if let Some(h) = &halves {
        let at = (h1, h2, division_col + 1);
        cells.merged_down(ws, at, &h.heading, &head, actual_place)?;
    }

    let columns = [item_col, year_col, plan_col, actual_col, division_col];
    let breaks = write_body(report, ws, cells, columns, halves.as_ref())?;
    let breaks = chosen_breaks(breaks, cells.warnings);
    // Print setup: A3 landscape, one page wide, headings repeated, "n / N" at the foot.
    ws.set_landscape();
    ws.set_paper_size(8);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(h1, h2)?;
    ws.set_footer("&C&P / &N&R印刷日 &D");
    ws.set_header(page_header(&report.title, cells.warnings));
    ws.set_margins(0.7, 0.7, 0.75, 0.75, 0.3, 0.3);
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_freeze_panes(HEADER_ROWS, 0)?;
    Ok(())
}

/// Sections and initiatives, from the row under the headings; returns the page breaks wanted:
/// before any initiative that would not fit on the current page. The sheet prints one page
/// wide, so a page holds PAGE_HEIGHT / scale points of rows.
fn write_body(
    report: &Report,
    ws: &mut Worksheet,
    cells: &mut Cells,
    columns: [u16; 5],
    halves: Option<&Halves>,
) -> Result<Vec<Break>, XlsxError> {
    let section_format = filled(palette::SHEET_SECTION_FILL).set_bold();
    let (text, bold) = (base(), base().set_bold());
    let years = report.plan_years.len() as f64;
    let texts = 2.0 + halves.map_or(0.0, |_| 1.0);
    let sheet_width: f64 =
        NUMBER_W + TITLE_W + ITEM_W + YEAR_W * years + texts * TEXT_W + DIVISION_W;
    let last_col = columns[4] + halves.map_or(0, |_| 1);
    let printable_width_pt = 1191.0 - 2.0 * 0.7 * 72.0;
    let scale = (printable_width_pt / (sheet_width * 7.0 * 0.75)).min(1.0);
    let header_height = 2.0 * LINE + 6.0;
    let page_rows_height = PAGE_HEIGHT / scale - header_height;
    let mut used = 0.0;
    let mut breaks: Vec<Break> = Vec::new();
    let mut row = HEADER_ROWS;
    for section in &report.sections {
        let name = format!("{} {}", section.numeral, section.title);
        let section_h = LINE + 4.0;
        // The section row, and the first initiative after it, start a page together.
        let first = section.initiatives.first();
        let first_h = first.map_or(0.0, |i| initiative_height(report, i));
        if used > 0.0 && used + section_h + first_h > page_rows_height {
            breaks.push(Break {
                row,
                keeps: 1 + first.map_or(0, |i| item_rows(i).len()),
                initiative: first.map_or_else(String::new, |i| i.number.clone()),
            });
            used = 0.0;
        }
        let place = TextPlace {
            section: Some(section.numeral.clone()),
            field: TextField::SectionTitle,
            ..TextPlace::default()
        };
        let name = cells.fitted(row, 0, name.trim(), place);
        ws.merge_range(row, 0, row, last_col, name.as_ref(), &section_format)?;
        ws.set_row_height(row, section_h)?;
        used += section_h;
        row += 1;
        for (n, whole) in section.initiatives.iter().enumerate() {
            // This period's results in the 実績 column, the first half's after 担当課.
            let split = halves.map(|h| (h.this_period(whole), h.first_half(whole)));
            let initiative = split.as_ref().map_or(whole, |(now, _)| now);
            let earlier = split.as_ref().map(|(_, first)| (first, columns[4] + 1));
            let h = initiative_height(report, initiative).max(earlier_height(earlier));
            if n > 0 && used > 0.0 && used + h > page_rows_height {
                breaks.push(Break {
                    row,
                    keeps: item_rows(initiative).len(),
                    initiative: initiative.number.clone(),
                });
                used = 0.0;
            }
            used += h;
            let formats = (&text, &bold);
            let first = row;
            row = write_initiative(report, ws, cells, initiative, row, formats, columns)?;
            if let Some((results, col)) = earlier {
                let value = side_text(results, Side::Actual);
                let place = place_in(whole, TextField::Actual);
                cells.merged_down(ws, (first, row - 1, col), &value, &text, place)?;
                // Its rows grown as the other columns' are, where it is the tallest.
                let own = heights(report, initiative);
                let extra = (h - own.iter().sum::<f64>()) / own.len() as f64;
                for (r, height) in (first..row).zip(own).filter(|_| extra > 0.0) {
                    ws.set_row_height(r, (height + extra).min(409.0))?;
                }
            }
        }
    }
    Ok(breaks)
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

/// The height the first half's results column asks for, where there is one.
fn earlier_height(earlier: Option<(&Initiative, u16)>) -> f64 {
    earlier.map_or(0.0, |(i, _)| {
        lines(&side_text(i, Side::Actual), TEXT_W) * LINE + 4.0
    })
}

fn initiative_height(report: &Report, initiative: &Initiative) -> f64 {
    heights(report, initiative).iter().sum()
}

fn write_initiative(
    report: &Report,
    ws: &mut Worksheet,
    cells: &mut Cells,
    initiative: &Initiative,
    first: u32,
    (text, bold): (&Format, &Format),
    [item_col, year_col, plan_col, actual_col, division_col]: [u16; 5],
) -> Result<u32, XlsxError> {
    let rows = item_rows(initiative);
    let last = first + rows.len() as u32 - 1;
    let place = |field| place_in(initiative, field);
    let number = &initiative.number;
    cells.merged_down(
        ws,
        (first, last, 0),
        number,
        bold,
        place(TextField::InitiativeNumber),
    )?;
    let title = format!("{} {}", initiative.label, initiative.title);
    let title_place = place(TextField::InitiativeTitle);
    cells.merged_down(ws, (first, last, 1), title.trim(), bold, title_place)?;
    for (col, value, field) in [
        (plan_col, side_text(initiative, Side::Plan), TextField::Plan),
        (
            actual_col,
            side_text(initiative, Side::Actual),
            TextField::Actual,
        ),
        (
            division_col,
            division_text(initiative),
            TextField::Divisions,
        ),
    ] {
        cells.merged_down(ws, (first, last, col), &value, text, place(field))?;
    }
    for (side, field) in [
        (Side::Plan, TextField::Plan),
        (Side::Actual, TextField::Actual),
    ] {
        for line in heading_like_lines(initiative, side) {
            let place = place(field);
            cells
                .warnings
                .push(ExportWarning::ReadsAsHeading { place, line });
        }
        for text in broken_entries(initiative, side) {
            let place = place(field);
            cells
                .warnings
                .push(ExportWarning::LineBreakSplits { place, text });
        }
    }
    for heading in headings_read_otherwise(initiative) {
        let place = place(TextField::TopicHeading);
        cells
            .warnings
            .push(ExportWarning::HeadingReadsOtherwise { place, heading });
    }
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
        cells.string(ws, (row, item_col), &name, text, place(TextField::ItemName))?;
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
            let source = cells.fitted(row, ca, &span.source, place(TextField::Stage));
            if ca == cb {
                ws.write_string_with_format(row, ca, source.as_ref(), &f)?;
            } else {
                ws.merge_range(row, ca, row, cb, source.as_ref(), &f)?;
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

/// The monthly grid (`model::month_grid`): a row per plan and per actual of each topic, its
/// months filled — plan with a hatch pattern, actual solid, 予定 dotted — so they differ in
/// black and white too.
fn month_sheet(report: &Report, ws: &mut Worksheet, cells: &mut Cells) -> Result<(), XlsxError> {
    use crate::model::month_grid::{self, CHECK_COLUMN, HEADINGS, Mark};
    ws.set_name(cells.sheet)?;
    // Each row's texts as written, for its check in the hidden column after the months.
    let check = |ws: &mut Worksheet, row: u32, texts: &[String]| -> Result<(), XlsxError> {
        let digest = month_grid::row_check(texts.iter().map(String::as_str));
        ws.write_string(row, CHECK_COLUMN as u16, digest)?;
        Ok(())
    };
    let mut heads = vec![String::new(); CHECK_COLUMN];
    let head = filled(palette::HEADING_FILL)
        .set_bold()
        .set_align(FormatAlign::Center);
    for (k, (c, w)) in HEADINGS
        .iter()
        .zip([5.0, 30.0, 30.0, 18.0, 8.0, 8.0])
        .enumerate()
    {
        ws.set_column_width(k as u16, w)?;
        ws.write_string_with_format(1, k as u16, *c, &head)?;
        heads[k] = c.to_string();
    }
    let first_month = HEADINGS.len() as u16;
    let [this_year, next_year] = month_grid::year_headings(report);
    ws.merge_range(0, first_month, 0, first_month + 8, &this_year, &head)?;
    ws.merge_range(0, first_month + 9, 0, first_month + 11, &next_year, &head)?;
    let mut years = vec![String::new(); CHECK_COLUMN];
    (years[HEADINGS.len()], years[HEADINGS.len() + 9]) = (this_year, next_year);
    check(ws, 0, &years)?;
    for (k, m) in FISCAL_MONTHS.iter().enumerate() {
        ws.set_column_width(first_month + k as u16, 5.0)?;
        ws.write_string_with_format(1, first_month + k as u16, format!("{m}月"), &head)?;
        heads[HEADINGS.len() + k] = format!("{m}月");
    }
    check(ws, 1, &heads)?;
    ws.set_column_hidden(CHECK_COLUMN as u16)?;
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
    let fields = [
        TextField::InitiativeNumber,
        TextField::InitiativeTitle,
        TextField::TopicHeading,
        TextField::TopicDivision,
        TextField::Plan,
        TextField::Plan,
    ];
    for (r, grid_row) in month_grid::rows(report).into_iter().enumerate() {
        let row = r as u32 + 2;
        let (initiative, topic) = (grid_row.initiative, grid_row.topic);
        let mut written = Vec::with_capacity(CHECK_COLUMN);
        for (k, (c, field)) in grid_row.texts.iter().zip(fields).enumerate() {
            let place = TextPlace {
                topic: topic.heading.clone(),
                ..place_in(initiative, field)
            };
            let c = cells.fitted(row, k as u16, c, place);
            ws.write_string_with_format(row, k as u16, c.as_ref(), &text)?;
            written.push(c.into_owned());
        }
        for (k, mark) in grid_row.marks.iter().enumerate() {
            let format = match mark {
                Mark::Planned => &plan,
                Mark::Done => &actual,
                Mark::Scheduled => &scheduled,
                Mark::Blank => &text,
            };
            ws.write_string_with_format(row, first_month + k as u16, mark.text(), format)?;
            written.push(mark.text().to_string());
        }
        check(ws, row, &written)?;
    }
    ws.set_landscape();
    ws.set_paper_size(8);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 1)?;
    ws.set_footer("&C&P / &N");
    ws.set_freeze_panes(2, first_month)?;
    Ok(())
}

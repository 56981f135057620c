//! The printed progress grid, laid out once, independent of any PDF library: pages of simple
//! shapes (text, boxes, lines) in points from the top-left corner. `pdf.rs` draws them with
//! krilla, the window's print preview with egui, so the preview is what prints.
//!
//! Rows are the window's grid rows. A row is never split; an initiative stays on one page
//! whenever it fits on one; the column headings repeat on every page; each page carries the
//! report's title, fiscal year (era and Western), period and as-of date, a legend, and a footer
//! with `n / N` and the printing date.

pub mod changes;
mod draw;
pub mod pdf;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::grid::{self, GridRow, RowFilter};
use crate::model::status::Status;
use crate::model::{Id, Report};
use text::TextMeasure;

/// Paper sizes offices print on. B4 is the JIS B4 (257 × 364 mm) used in Japanese offices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paper {
    A3,
    A4,
    B4,
}

impl Paper {
    pub const ALL: [Paper; 3] = [Paper::A3, Paper::B4, Paper::A4];

    /// Portrait width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A3 => (297.0, 420.0),
            Paper::A4 => (210.0, 297.0),
            Paper::B4 => (257.0, 364.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A3 => "A3",
            Paper::A4 => "A4",
            Paper::B4 => "B4",
        }
    }
}

pub const MM: f32 = 72.0 / 25.4;

/// Which columns to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    pub stages: bool,
    pub months: bool,
    pub division: bool,
    pub status: bool,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            stages: true,
            months: true,
            division: true,
            status: true,
        }
    }
}

/// Page setup: paper, orientation, margins, columns and which rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageSetup {
    pub paper: Paper,
    pub landscape: bool,
    pub margin_mm: f32,
    pub columns: Columns,
    /// Only this 担当課's rows.
    pub division: Option<String>,
    /// Only this section (its number: 1 for I).
    pub section: Option<u32>,
    /// Only initiatives in this status.
    pub status: Option<Status>,
}

impl Default for PageSetup {
    fn default() -> Self {
        PageSetup {
            paper: Paper::A3,
            landscape: true,
            margin_mm: 10.0,
            columns: Columns::default(),
            division: None,
            section: None,
            status: None,
        }
    }
}

impl PageSetup {
    /// Page width and height in points.
    pub fn page_size(&self) -> (f32, f32) {
        let (w, h) = self.paper.size_mm();
        let (w, h) = if self.landscape { (h, w) } else { (w, h) };
        (w * MM, h * MM)
    }
}

pub use crate::palette::Rgb;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineStyle {
    pub width: f32,
    pub color: Rgb,
    /// Dash and gap lengths.
    pub dash: Option<(f32, f32)>,
}

impl LineStyle {
    pub fn solid(width: f32, color: Rgb) -> LineStyle {
        LineStyle {
            width,
            color,
            dash: None,
        }
    }
}

/// What a page is made of, in points from the page's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<LineStyle>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        style: LineStyle,
    },
    /// A closed filled polygon (markers, arrow heads).
    Polygon { points: Vec<(f32, f32)>, fill: Rgb },
}

/// Something a page can be drawn on: the PDF and the window's print preview. [`paint`] is the
/// one place that reads the shapes, so the preview is what prints.
pub trait Canvas {
    /// `y` is the baseline.
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str);
    fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<&LineStyle>,
    );
    fn line(&mut self, from: (f32, f32), to: (f32, f32), style: &LineStyle);
    fn polygon(&mut self, points: &[(f32, f32)], fill: Rgb);
}

/// Draws a page's shapes on a canvas, in order.
pub fn paint(shapes: &[Shape], canvas: &mut impl Canvas) {
    for shape in shapes {
        match shape {
            Shape::Text {
                x,
                y,
                size,
                bold,
                color,
                text,
            } => {
                if !text.is_empty() {
                    canvas.text(*x, *y, *size, *bold, *color, text);
                }
            }
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => canvas.rect(*x, *y, *w, *h, *fill, stroke.as_ref()),
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                style,
            } => canvas.line((*x1, *y1), (*x2, *y2), style),
            Shape::Polygon { points, fill } => canvas.polygon(points, *fill),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub shapes: Vec<Shape>,
    /// The initiatives with rows on this page (an initiative appears on one page when it fits).
    pub initiatives: Vec<Id>,
}

#[derive(Clone, Debug)]
pub struct PrintLayout {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Initiatives taller than a page, which had to be split between rows.
    pub oversized: Vec<Id>,
}

/// What to print.
pub struct PrintJob<'a> {
    pub report: &'a Report,
    pub setup: &'a PageSetup,
    /// Shown in the footer: `2026年11月28日`.
    pub printed_on: String,
}

/// The rows the setup selects, in grid order.
pub fn selected_rows(report: &Report, setup: &PageSetup) -> Vec<GridRow> {
    let filter = RowFilter {
        division: setup.division.clone(),
        status: setup.status,
        ..RowFilter::default()
    };
    grid::rows(report, &filter)
        .into_iter()
        .filter(|row| {
            let s = match *row {
                GridRow::Section { section: s }
                | GridRow::Initiative { section: s, .. }
                | GridRow::Lane { section: s, .. }
                | GridRow::Topic { section: s, .. }
                | GridRow::Entry { section: s, .. } => s,
                // Only a comparison adds these, after the rows selected here.
                GridRow::Removed { .. } => return true,
            };
            setup.section.is_none_or(|n| report.sections[s].number == n)
        })
        .collect()
}

/// Lays the grid out on pages. `progress` is told the fraction done now and then.
pub fn layout(job: &PrintJob, progress: &mut dyn FnMut(f32)) -> PrintLayout {
    let (width, height) = job.setup.page_size();
    let measure = TextMeasure::get();
    let rows = selected_rows(job.report, job.setup);
    let geometry = draw::Geometry::new(job, width, height);
    let mut measured = Vec::with_capacity(rows.len());
    for (k, row) in rows.iter().enumerate() {
        measured.push(geometry.measure_row(job.report, *row, measure));
        if k % 500 == 0 {
            progress(0.5 * k as f32 / rows.len().max(1) as f32);
        }
    }
    let continuation = geometry.continuation_height();
    let (pages_rows, oversized_rows) =
        paginate(&rows, &measured, geometry.body_height(), continuation);
    let oversized = oversized_rows
        .into_iter()
        .filter_map(|k| grid::initiative_of(job.report, rows[k]).map(|i| i.id))
        .collect();
    let total = pages_rows.len().max(1);
    let mut pages = Vec::with_capacity(total);
    for (n, page_rows) in pages_rows.iter().enumerate() {
        let mut page = Page::default();
        geometry.page_frame(job, n + 1, total, &mut page.shapes);
        let mut y = geometry.body_top();
        // A page that starts inside an initiative names it first.
        if let Some(&k) = page_rows.first()
            && matches!(
                rows[k],
                GridRow::Lane { .. } | GridRow::Topic { .. } | GridRow::Entry { .. }
            )
            && let Some(i) = grid::initiative_of(job.report, rows[k])
        {
            geometry.draw_continuation(i, y, &mut page.shapes);
            y += continuation;
        }
        for &k in page_rows {
            geometry.draw_row(job.report, rows[k], &measured[k], y, &mut page.shapes);
            y += measured[k].height;
            if let Some(i) = grid::initiative_of(job.report, rows[k])
                && !page.initiatives.contains(&i.id)
            {
                page.initiatives.push(i.id);
            }
        }
        pages.push(page);
        progress(0.5 + 0.5 * (n + 1) as f32 / total as f32);
    }
    if pages.is_empty() {
        let mut page = Page::default();
        geometry.page_frame(job, 1, 1, &mut page.shapes);
        pages.push(page);
    }
    PrintLayout {
        width,
        height,
        pages,
        oversized,
    }
}

/// Row indices per page: an initiative's rows (with the section row before it) stay together
/// when they fit on a page; a block taller than a page is split between rows. Also returns the
/// first row of each block that had to be split.
fn paginate(
    rows: &[GridRow],
    measured: &[draw::MeasuredRow],
    body: f32,
    continuation: f32,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    // Blocks start at each initiative; a section row joins the block that follows it.
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut pending_section: Vec<usize> = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        match row {
            GridRow::Section { .. } => pending_section.push(k),
            GridRow::Initiative { .. } => {
                let mut block = std::mem::take(&mut pending_section);
                block.push(k);
                blocks.push(block);
            }
            _ => match blocks.last_mut() {
                Some(b) => b.push(k),
                None => blocks.push(vec![k]),
            },
        }
    }
    if !pending_section.is_empty() {
        blocks.push(pending_section);
    }
    let height = |block: &[usize]| block.iter().map(|&k| measured[k].height).sum::<f32>();
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    let mut oversized = Vec::new();
    let mut used = 0.0;
    for block in blocks {
        let h = height(&block);
        if used + h > body && used > 0.0 && h <= body {
            pages.push(Vec::new());
            used = 0.0;
        }
        if h <= body {
            pages.last_mut().expect("a page").extend(block);
            used += h;
            continue;
        }
        // Taller than a page: row by row.
        oversized.push(*block.last().expect("a block has rows"));
        for k in block {
            let rh = measured[k].height;
            if used + rh > body && used > 0.0 {
                pages.push(Vec::new());
                // Room for the "（続き）" line naming the initiative.
                used = continuation;
            }
            pages.last_mut().expect("a page").push(k);
            used += rh;
        }
    }
    pages.retain(|p| !p.is_empty());
    (pages, oversized)
}

/// Today's date as printed in the footer, in the PC's time zone.
pub fn today() -> String {
    use chrono::Datelike;
    let d = chrono::Local::now().date_naive();
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

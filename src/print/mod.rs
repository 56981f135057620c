//! The printed progress grid, laid out once, independent of any PDF library: pages of simple
//! shapes (text, boxes, lines) in points from the top-left corner. `pdf.rs` draws them with
//! krilla, the window's print preview with egui, so the preview is what prints.
//!
//! Rows are the window's grid rows, each as tall as all its text. A row is split only when it
//! is taller than a page (it continues on the next, under a 「（続き）」 line; see
//! `paginate.rs`); what else stays together is the page setup's [`KeepTogether`]: by default a
//! topic block (an initiative continues on the next page at a topic boundary, under a
//! 「（続き）」 line naming it), or the whole initiative whenever it fits. The column headings repeat on every page; each page carries the report's title, fiscal
//! year (era and Western), period and as-of date, a legend, and a footer with `n / N` and the
//! printing date. A report with numbers or a rating scale has their columns beside the grid
//! (`draw/measures.rs`) and, after it, the 集計表's pages (`summary.rs`).

pub mod changes;
mod draw;
mod marks;
mod pack;
mod paginate;
pub mod pdf;
mod summary;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::grid::{self, GridRow, RowFilter, Standings};
use crate::model::status::Status;
use crate::model::{Id, Report};
pub use paginate::{MAX_PAGES, TooManyPages};
use paginate::{Pagination, Piece, paginate};
use rayon::prelude::*;
pub use summary::TableInfo;
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
    /// The numbers' columns (数値目標, 効果額, 評価), each printed when the report has any of
    /// it. (Defaults to printed: a page setup remembered before they existed still reads.)
    #[serde(default = "printed_by_default")]
    pub measures: bool,
}

fn printed_by_default() -> bool {
    true
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            stages: true,
            months: true,
            division: true,
            status: true,
            measures: true,
        }
    }
}

/// What a page break may not cut.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeepTogether {
    /// A whole initiative stays on one page whenever it fits on one.
    Initiative,
    /// A topic block (its heading, plan and results) stays on one page; an initiative may
    /// continue on the next page between its topics. Fills pages the way the published report
    /// does.
    #[default]
    Topic,
    /// Only a row stays whole (a heading stays with the row under it).
    Row,
}

impl KeepTogether {
    pub const ALL: [KeepTogether; 3] = [
        KeepTogether::Topic,
        KeepTogether::Initiative,
        KeepTogether::Row,
    ];

    /// The name on the command line: `topic`, `initiative`, `row`.
    pub fn key(self) -> &'static str {
        match self {
            KeepTogether::Initiative => "initiative",
            KeepTogether::Topic => "topic",
            KeepTogether::Row => "row",
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
    /// What a page break may not cut. (Defaults: a page setup remembered before this existed
    /// still reads.)
    #[serde(default)]
    pub keep: KeepTogether,
    /// Each section starts on a new page.
    #[serde(default)]
    pub section_pages: bool,
    /// Shrink the text until the printout takes at most this many pages (spreadsheets' "fit to
    /// N pages tall"); the table is always one page wide.
    #[serde(default)]
    pub fit_pages_tall: Option<u32>,
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
            keep: KeepTogether::default(),
            section_pages: false,
            fit_pages_tall: None,
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
    /// A box filled with diagonal lines (up to the right) every `step` points.
    Hatch {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        step: f32,
        style: LineStyle,
    },
    /// Not drawn: the shapes after it, up to the next one, are this part of the document —
    /// what the tagged PDF's structure is built from. The preview ignores it.
    Part(Part),
}

/// What a stretch of a page's shapes is to a reader of the document (a screen reader reads
/// the tagged PDF by these, in the order of the table's rows).
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Not content: rules, fills, shading, hatching, and what every page repeats.
    Artifact(Artifact),
    /// The report's title, a heading (first page).
    Title,
    /// The line under the title: fiscal year, period, as-of date, plan years (first page).
    Subtitle,
    /// The legend's words (first page; its samples are artifacts).
    Legend,
    /// A column's heading (first page; the heading rows repeated later are artifacts).
    Heading(TableColumn),
    /// Content of a cell: `row` indexes [`PrintLayout::rows`].
    Cell { row: usize, column: TableColumn },
    /// Something drawn in a cell (a stage, a month bar, 計/実), read as `said`.
    Drawn {
        row: usize,
        column: TableColumn,
        said: String,
    },
    /// A line of running text (the change list): a heading at `level` 1–2, else a paragraph.
    Line { level: u8 },
    /// Part of a table printed after the grid (the 集計表 and the tables with it): `table`
    /// indexes [`PrintLayout::tables`].
    Summary { table: usize, part: SummaryPart },
}

/// What a stretch of a table after the grid is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryPart {
    /// The table's title, a heading.
    Title,
    /// A column's heading.
    Heading { column: usize },
    /// A cell; a row's first cell is its heading.
    Cell { row: usize, column: usize },
    /// A note under the table (what the figures count).
    Note,
}

/// Kinds of artifacts, as PDF names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Artifact {
    Header,
    Footer,
    /// What a page break adds: the 「（続き）」 line naming the initiative continued.
    Pagination,
    /// Rules, fills, shading, hatching, marks whose meaning a cell says in words.
    Layout,
}

/// The printed table's columns, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableColumn {
    Number,
    Text,
    Stages,
    Months,
    Division,
    Status,
    /// 数値目標: each indicator's name, target, the year's actual and 達成率.
    Indicators,
    /// 効果額: the year's planned and actual effect, in the report's unit.
    Effect,
    /// 評価: the self-rating and the review (the committee's comment is in a table after the
    /// grid, where it has the page's width).
    Rating,
}

impl TableColumn {
    pub const ALL: [TableColumn; 9] = [
        TableColumn::Number,
        TableColumn::Text,
        TableColumn::Stages,
        TableColumn::Months,
        TableColumn::Division,
        TableColumn::Status,
        TableColumn::Indicators,
        TableColumn::Effect,
        TableColumn::Rating,
    ];
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
    /// Diagonal lines every `step` points inside a box, line by line unless the canvas has a
    /// cheaper way (the PDF fills the box with a tiling pattern).
    fn hatch(&mut self, x: f32, y: f32, w: f32, h: f32, step: f32, style: &LineStyle) {
        let mut k = 0.0;
        while k < w + h {
            // The line x + t, y + h - t for t in 0..h, clipped to the box.
            let (sx, sy) = (x + k - h, y + h);
            let t0 = (x - sx).max(0.0);
            let t1 = h.min(x + w - sx);
            if t1 > t0 {
                self.line((sx + t0, sy - t0), (sx + t1, sy - t1), style);
            }
            k += step;
        }
    }
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
            Shape::Hatch {
                x,
                y,
                w,
                h,
                step,
                style,
            } => canvas.hatch(*x, *y, *w, *h, *step, style),
            Shape::Part(_) => {}
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub shapes: Vec<Shape>,
    /// The initiatives with rows on this page, in order.
    pub initiatives: Vec<Id>,
    /// The topics with rows on this page, in order.
    pub topics: Vec<Id>,
    /// Points of the body (between the column headings and the footer) filled with rows, the
    /// 「（続き）」 line included.
    pub used: f32,
    /// The page's first row continues an initiative from the page before (under a 「（続き）」
    /// line).
    pub continues: Option<Id>,
}

#[derive(Clone, Debug)]
pub struct PrintLayout {
    pub width: f32,
    pub height: f32,
    /// Height of a page's body, the room for rows.
    pub body_height: f32,
    /// The size of the table's text, in points (the header and footer keep theirs).
    pub text_size: f32,
    pub pages: Vec<Page>,
    /// Blocks (initiatives, or topics) taller than a page, which had to be split between rows
    /// (and a row taller than a page between its lines).
    pub oversized: Vec<Id>,
    /// The table's rows in reading order, which [`Part::Cell`] indexes (none for the change
    /// list).
    pub rows: Vec<GridRow>,
    /// The columns printed, left to right.
    pub columns: Vec<TableColumn>,
    /// The tables printed after the grid (the 集計表 and those with it), which
    /// [`Part::Summary`] indexes; none for a report without numbers.
    pub tables: Vec<TableInfo>,
}

impl PrintLayout {
    /// How full a page's body is, 0–1.
    pub fn fill(&self, page: usize) -> f32 {
        self.pages
            .get(page)
            .map_or(0.0, |p| p.used / self.body_height.max(1.0))
    }
}

/// What to print.
pub struct PrintJob<'a> {
    pub report: &'a Report,
    pub setup: &'a PageSetup,
    /// Shown in the footer: `2026年11月28日`.
    pub printed_on: String,
    /// Print the grid with this comparison's marks (比較): changed cells outlined, added rows
    /// signed ＋, removed rows struck through with －, statuses as before→now.
    pub comparison: Option<&'a crate::compare::Comparison>,
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

/// The rows measured and cut into pages at one text size.
struct Plan {
    geometry: draw::Geometry,
    measured: Vec<draw::MeasuredRow>,
    pages: Vec<Vec<Piece>>,
    oversized: Vec<usize>,
}

fn plan(job: &PrintJob, rows: &[GridRow], text_scale: f32, progress: &mut dyn FnMut(f32)) -> Plan {
    let (width, height) = job.setup.page_size();
    let measure = TextMeasure::get();
    let geometry = draw::Geometry::new(job, width, height, text_scale);
    // Rows are measured apart: on every core, a chunk at a time so that the progress moves.
    let mut measured: Vec<draw::MeasuredRow> = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(CHUNK) {
        measured.par_extend(
            chunk
                .par_iter()
                .map(|row| geometry.measure_row(job.report, *row, measure)),
        );
        progress(0.5 * measured.len() as f32 / rows.len() as f32);
    }
    progress(0.5);
    let (pages, oversized) = paginate(
        rows,
        &measured,
        &Pagination {
            body: geometry.body_height(),
            continuation: geometry.continuation_height(),
            line: geometry.line_and_pad().0,
            pad: geometry.line_and_pad().1,
            keep: job.setup.keep,
            section_pages: job.setup.section_pages,
        },
    );
    Plan {
        geometry,
        measured,
        pages,
        oversized,
    }
}

/// The text scale (≤ 1) that fits the rows on at most `tall` pages: the largest found by
/// halving the interval, down to the smallest text printed.
fn fit_scale(job: &PrintJob, rows: &[GridRow], tall: u32) -> f32 {
    let fits = |scale: f32| plan(job, rows, scale, &mut |_| {}).pages.len() <= tall as usize;
    if fits(1.0) {
        return 1.0;
    }
    let smallest = draw::Geometry::smallest_text_scale(job);
    if !fits(smallest) {
        return smallest;
    }
    let (mut low, mut high) = (smallest, 1.0);
    // Seven halvings: the text size within 1 % of the largest that fits.
    for _ in 0..7 {
        let mid = (low + high) / 2.0;
        if fits(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    low
}

/// Rows measured (and a sixteenth as many pages drawn) between two words of progress: enough
/// for every core to have work, few enough for the bar to move.
const CHUNK: usize = 4096;

/// Lays the grid out on pages. `progress` is told the fraction done now and then. A printout
/// of more than [`MAX_PAGES`] is refused once its pages are counted, before they are drawn.
pub fn layout(job: &PrintJob, progress: &mut dyn FnMut(f32)) -> Result<PrintLayout, TooManyPages> {
    let plan = plan_pages(job, progress)?;
    // Pages are drawn apart: on every core, a chunk at a time so that the progress moves.
    let total = plan.pages();
    let mut pages: Vec<Page> = Vec::with_capacity(total);
    while pages.len() < total {
        let next = (pages.len() + CHUNK / 16).min(total);
        pages.par_extend((pages.len()..next).into_par_iter().map(|n| plan.page(n)));
        progress(0.5 + 0.5 * pages.len() as f32 / total as f32);
    }
    progress(1.0);
    Ok(PrintLayout {
        pages,
        ..plan.frame
    })
}

/// A printout counted and cut into pages, not yet drawn: [`PagePlan::page`] draws any page
/// when it is wanted, so that a PDF is made without holding every page's shapes at once.
pub struct PagePlan<'a> {
    /// The layout but its pages (`pages` is empty): the rows, columns and tables a page's
    /// parts refer to, the page size, the text size.
    pub frame: PrintLayout,
    drawing: PlannedPages<'a>,
}

/// What draws the pages of a [`PagePlan`].
pub struct PlannedPages<'a> {
    job: &'a PrintJob<'a>,
    geometry: draw::Geometry,
    /// The table's rows, as in the frame.
    rows: Vec<GridRow>,
    measured: Vec<draw::MeasuredRow>,
    /// The grid's pages, each its pieces of rows (none for a printout without rows).
    pieces: Vec<Vec<Piece>>,
    standings: Standings,
    /// The pages of the tables after the grid.
    summary: Vec<summary::Body>,
}

/// Plans the printout as [`layout`] does, drawing no page.
pub fn plan_pages<'a>(
    job: &'a PrintJob<'a>,
    progress: &mut dyn FnMut(f32),
) -> Result<PagePlan<'a>, TooManyPages> {
    let (width, height) = job.setup.page_size();
    let rows = selected_rows(job.report, job.setup);
    let rows = match job.comparison {
        Some(c) => c.with_removed(job.report, &rows, &RowFilter::default()),
        None => rows,
    };
    let text_scale = job
        .setup
        .fit_pages_tall
        .map_or(1.0, |tall| fit_scale(job, &rows, tall.max(1)));
    let Plan {
        geometry,
        measured,
        pages: pieces,
        oversized,
    } = plan(job, &rows, text_scale, progress);
    let oversized = oversized_ids(job, &rows, oversized);
    // The tables after the grid, laid out first: every page's footer counts their pages.
    let summary = summary::layout(job, &geometry, &rows);
    let total = pieces.len().max(1) + summary.pages.len();
    if total > MAX_PAGES {
        return Err(TooManyPages { pages: total });
    }
    let columns = TableColumn::ALL
        .into_iter()
        .zip(geometry.column_boxes())
        .filter(|(_, (_, w))| *w > 0.0)
        .map(|(c, _)| c)
        .collect();
    let frame = PrintLayout {
        width,
        height,
        body_height: geometry.body_height(),
        text_size: geometry.text_size(),
        pages: Vec::new(),
        oversized,
        rows,
        columns,
        tables: summary.tables,
    };
    let drawing = PlannedPages {
        job,
        geometry,
        rows: frame.rows.clone(),
        measured,
        pieces,
        // What each row's status cell says, worked out once per initiative for all its rows.
        standings: Standings::of(job.report),
        summary: summary.pages,
    };
    Ok(PagePlan { frame, drawing })
}

impl<'a> PagePlan<'a> {
    /// How many pages the printout has.
    pub fn pages(&self) -> usize {
        self.drawing.pages()
    }

    /// Page `n` (from 0), drawn.
    pub fn page(&self, n: usize) -> Page {
        self.drawing.page(n)
    }

    /// The frame, and what draws the pages (to be let go of once they are drawn).
    pub fn into_parts(self) -> (PrintLayout, PlannedPages<'a>) {
        (self.frame, self.drawing)
    }
}

impl PlannedPages<'_> {
    /// How many pages the printout has.
    pub fn pages(&self) -> usize {
        self.pieces.len().max(1) + self.summary.len()
    }

    /// Page `n` (from 0), drawn.
    pub fn page(&self, n: usize) -> Page {
        let (job, geometry, total) = (self.job, &self.geometry, self.pages());
        let grid_pages = self.pieces.len().max(1);
        let mut page = Page::default();
        if let Some(body) = n.checked_sub(grid_pages).and_then(|k| self.summary.get(k)) {
            geometry.plain_frame(job, n + 1, total, &mut page.shapes);
            page.used = body.used;
            page.shapes.extend(body.shapes.iter().cloned());
            return page;
        }
        let Some(on_page) = self.pieces.get(n) else {
            // A printout without rows: its one page has the frame alone.
            geometry.page_frame(job, n + 1, total, &mut page.shapes);
            return page;
        };
        let drawing = PageDrawing {
            job,
            geometry,
            standings: &self.standings,
            rows: &self.rows,
            measured: &self.measured,
        };
        drawing.page(n + 1, total, on_page)
    }
}

/// The blocks that had to be cut between rows, by the last row of each: the topic's id, or
/// the initiative's.
fn oversized_ids(job: &PrintJob, rows: &[GridRow], last_rows: Vec<usize>) -> Vec<Id> {
    let mut oversized: Vec<Id> = Vec::new();
    for k in last_rows {
        let id = match rows[k] {
            GridRow::Topic { .. } | GridRow::Entry { .. }
                if job.setup.keep == KeepTogether::Topic =>
            {
                grid::topic_of(job.report, rows[k]).map(|t| t.id)
            }
            _ => grid::initiative_of(job.report, rows[k]).map(|i| i.id),
        };
        if let Some(id) = id
            && !oversized.contains(&id)
        {
            oversized.push(id);
        }
    }
    oversized
}

/// What drawing a page needs: the job, the geometry, the rows measured and their standings.
struct PageDrawing<'a> {
    job: &'a PrintJob<'a>,
    geometry: &'a draw::Geometry,
    standings: &'a Standings,
    rows: &'a [GridRow],
    measured: &'a [draw::MeasuredRow],
}

impl PageDrawing<'_> {
    /// Page `n` of `total` with its pieces of rows.
    fn page(&self, n: usize, total: usize, pieces: &[Piece]) -> Page {
        let (job, geometry) = (self.job, self.geometry);
        let mut page = Page::default();
        geometry.page_frame(job, n, total, &mut page.shapes);
        let mut y = geometry.body_top();
        // A page that starts inside an initiative names it first.
        if let Some(first) = pieces.first()
            && paginate::needs_continuation(self.rows[first.row], first)
            && let Some(i) = grid::initiative_of(job.report, self.rows[first.row])
        {
            geometry.draw_continuation(i, y, &mut page.shapes);
            y += geometry.continuation_height();
            page.continues = Some(i.id);
        }
        let mut drawn = draw::RowShapes::default();
        for piece in pieces {
            let (k, row) = (piece.row, self.rows[piece.row]);
            let measured = &self.measured[k];
            let height = geometry.piece_height(measured, &piece.lines);
            let first_shape = drawn.content.len();
            let at = draw::Placed {
                row,
                index: k,
                measured,
                lines: piece.lines.clone(),
                top: y,
            };
            geometry.draw_row(job.report, self.standings, &at, &mut drawn);
            if let Some(c) = job.comparison {
                let cell = marks::Cell {
                    row: k,
                    top: y,
                    height,
                    first_shape,
                    first_piece: piece.lines.start == 0,
                };
                marks::mark_row(c, job.report, row, geometry, cell, &mut drawn.content);
            }
            y += height;
            if let Some(i) = grid::initiative_of(job.report, row)
                && page.initiatives.last() != Some(&i.id)
            {
                page.initiatives.push(i.id);
            }
            if let Some(t) = grid::topic_of(job.report, row)
                && page.topics.last() != Some(&t.id)
            {
                page.topics.push(t.id);
            }
        }
        drawn.onto(&mut page.shapes);
        page.used = y - geometry.body_top();
        page
    }
}

/// Today's date as printed in the footer, in the PC's time zone.
pub fn today() -> String {
    use chrono::Datelike;
    let d = chrono::Local::now().date_naive();
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

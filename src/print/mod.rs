//! The printed progress grid, laid out once, independent of any PDF library: pages of simple
//! shapes (text, boxes, lines) in points from the top-left corner. `pdf.rs` draws them with
//! krilla, the window's print preview with egui, so the preview is what prints.
//!
//! Rows are the window's grid rows. A row is never split; what else stays together is the page
//! setup's [`KeepTogether`]: by default a topic block (an initiative continues on the next page
//! at a topic boundary, under a 「（続き）」 line naming it), or the whole initiative whenever it
//! fits. The column headings repeat on every page; each page carries the report's title, fiscal
//! year (era and Western), period and as-of date, a legend, and a footer with `n / N` and the
//! printing date.

pub mod changes;
mod draw;
mod marks;
mod pack;
pub mod pdf;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::grid::{self, GridRow, RowFilter};
use crate::model::status::Status;
use crate::model::{Id, Report};
use rayon::prelude::*;
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
}

impl TableColumn {
    pub const ALL: [TableColumn; 6] = [
        TableColumn::Number,
        TableColumn::Text,
        TableColumn::Stages,
        TableColumn::Months,
        TableColumn::Division,
        TableColumn::Status,
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
    /// Blocks (initiatives, or topics) taller than a page, which had to be split between rows.
    pub oversized: Vec<Id>,
    /// The table's rows in reading order, which [`Part::Cell`] indexes (none for the change
    /// list).
    pub rows: Vec<GridRow>,
    /// The columns printed, left to right.
    pub columns: Vec<TableColumn>,
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
    pages: Vec<Vec<usize>>,
    oversized: Vec<usize>,
}

fn plan(job: &PrintJob, rows: &[GridRow], text_scale: f32, progress: &mut dyn FnMut(f32)) -> Plan {
    let (width, height) = job.setup.page_size();
    let measure = TextMeasure::get();
    let geometry = draw::Geometry::new(job, width, height, text_scale);
    // Rows are measured apart from each other: on every core.
    let measured: Vec<draw::MeasuredRow> = rows
        .par_iter()
        .map(|row| geometry.measure_row(job.report, *row, measure))
        .collect();
    progress(0.5);
    let (pages, oversized) = paginate(
        rows,
        &measured,
        &Pagination {
            body: geometry.body_height(),
            continuation: geometry.continuation_height(),
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

/// Lays the grid out on pages. `progress` is told the fraction done now and then.
pub fn layout(job: &PrintJob, progress: &mut dyn FnMut(f32)) -> PrintLayout {
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
        pages: pages_rows,
        oversized: oversized_rows,
    } = plan(job, &rows, text_scale, progress);
    let continuation = geometry.continuation_height();
    let mut oversized: Vec<Id> = Vec::new();
    for k in oversized_rows {
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
    let total = pages_rows.len().max(1);
    // Pages are drawn apart from each other: on every core.
    let mut pages: Vec<Page> = pages_rows
        .par_iter()
        .enumerate()
        .map(|(n, page_rows)| {
            let mut page = Page::default();
            geometry.page_frame(job, n + 1, total, &mut page.shapes);
            let mut y = geometry.body_top();
            // A page that starts inside an initiative names it first.
            if let Some(&k) = page_rows.first()
                && continues_initiative(rows[k])
                && let Some(i) = grid::initiative_of(job.report, rows[k])
            {
                geometry.draw_continuation(i, y, &mut page.shapes);
                y += continuation;
                page.continues = Some(i.id);
            }
            let mut drawn = draw::RowShapes::default();
            for &k in page_rows {
                let first_shape = drawn.content.len();
                geometry.draw_row(job.report, rows[k], k, &measured[k], y, &mut drawn);
                if let Some(c) = job.comparison {
                    let cell = marks::Cell {
                        row: k,
                        top: y,
                        height: measured[k].height,
                        first_shape,
                    };
                    marks::mark_row(c, job.report, rows[k], &geometry, cell, &mut drawn.content);
                }
                y += measured[k].height;
                if let Some(i) = grid::initiative_of(job.report, rows[k])
                    && page.initiatives.last() != Some(&i.id)
                {
                    page.initiatives.push(i.id);
                }
                if let Some(t) = grid::topic_of(job.report, rows[k])
                    && page.topics.last() != Some(&t.id)
                {
                    page.topics.push(t.id);
                }
            }
            drawn.onto(&mut page.shapes);
            page.used = y - geometry.body_top();
            page
        })
        .collect();
    progress(1.0);
    if pages.is_empty() {
        let mut page = Page::default();
        geometry.page_frame(job, 1, 1, &mut page.shapes);
        pages.push(page);
    }
    let columns = TableColumn::ALL
        .into_iter()
        .zip(geometry.column_boxes())
        .filter(|(_, (_, w))| *w > 0.0)
        .map(|(c, _)| c)
        .collect();
    PrintLayout {
        width,
        height,
        body_height: geometry.body_height(),
        text_size: geometry.text_size(),
        pages,
        oversized,
        rows,
        columns,
    }
}

/// A row that belongs to an initiative without being its heading: a page starting with it
/// needs the 「（続き）」 line.
fn continues_initiative(row: GridRow) -> bool {
    matches!(
        row,
        GridRow::Lane { .. } | GridRow::Topic { .. } | GridRow::Entry { .. }
    )
}

struct Pagination {
    /// Room for rows on a page.
    body: f32,
    /// Height of the 「（続き）」 line.
    continuation: f32,
    keep: KeepTogether,
    section_pages: bool,
}

/// Row indices per page. Rows are grouped into blocks a page break may not cut (by
/// [`KeepTogether`]; a heading row always stays with what follows it); a block taller than a
/// page is cut into its rows. Whole initiatives are laid greedily, page after page, as they
/// always were; topics and rows are cut into pages by [`fill_pages`], so that the pages before
/// the last are evenly full. Also returns the last row of each block that had to be cut.
fn paginate(
    rows: &[GridRow],
    measured: &[draw::MeasuredRow],
    p: &Pagination,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let height = |block: &[usize]| block.iter().map(|&k| measured[k].height).sum::<f32>();
    // The 「（続き）」 line a page starting with this row needs.
    let lead = |k: usize| {
        if continues_initiative(rows[k]) {
            p.continuation
        } else {
            0.0
        }
    };
    let mut oversized = Vec::new();
    // Blocks that fit a page, in segments that each start a page (sections, when asked).
    let mut segments: Vec<Vec<(Vec<usize>, f32)>> = vec![Vec::new()];
    for block in blocks(rows, p.keep) {
        let first = block[0];
        if p.section_pages
            && matches!(rows[first], GridRow::Section { .. })
            && segments.last().is_some_and(|s| !s.is_empty())
        {
            segments.push(Vec::new());
        }
        let segment = segments.last_mut().expect("a segment");
        let h = height(&block);
        if h + lead(first) <= p.body {
            segment.push((block, h));
        } else {
            oversized.push(*block.last().expect("a block has rows"));
            segment.extend(block.into_iter().map(|k| (vec![k], measured[k].height)));
        }
    }
    let mut pages = Vec::new();
    for segment in segments.iter().filter(|s| !s.is_empty()) {
        let heights: Vec<(f32, f32)> = segment.iter().map(|(b, h)| (lead(b[0]), *h)).collect();
        let cuts = if p.keep == KeepTogether::Initiative {
            greedy_pages(&heights, p.body)
        } else {
            fill_pages(&heights, p.body)
        };
        let mut start = 0;
        for end in cuts {
            pages.push(
                segment[start..end]
                    .iter()
                    .flat_map(|(b, _)| b.iter().copied())
                    .collect(),
            );
            start = end;
        }
    }
    (pages, oversized)
}

/// Page ends (exclusive block indices) filling each page as far as it goes. `blocks` are
/// (the 「（続き）」 line a page starting with it needs, height).
fn greedy_pages(blocks: &[(f32, f32)], body: f32) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut used = 0.0;
    for (k, &(lead, h)) in blocks.iter().enumerate() {
        if k > 0 && used + h > body {
            ends.push(k);
            used = lead;
        } else if k == 0 {
            used = lead;
        }
        used += h;
    }
    ends.push(blocks.len());
    ends
}

/// Page ends (exclusive block indices) giving the fewest pages and, among those, the pages
/// before the last as evenly full as possible (the least sum of squared empty fractions):
/// greedy filling would leave a page half empty before a large topic, which this moves some
/// smaller blocks down to share. Every block fits a page on its own (with its 「（続き）」 line,
/// or alone when even that does not fit).
fn fill_pages(blocks: &[(f32, f32)], body: f32) -> Vec<usize> {
    let n = blocks.len();
    // best[i]: (pages, cost, end of the first page) for blocks i.. ; best[n] is nothing left.
    let mut best: Vec<(usize, f32, usize)> = vec![(usize::MAX, f32::INFINITY, n); n + 1];
    best[n] = (0, 0.0, n);
    for i in (0..n).rev() {
        let mut used = blocks[i].0;
        for j in i + 1..=n {
            used += blocks[j - 1].1;
            if used > body && j > i + 1 {
                break;
            }
            let (pages, cost, _) = best[j];
            if pages == usize::MAX {
                continue;
            }
            let empty = if j == n {
                0.0
            } else {
                (1.0 - used / body).max(0.0)
            };
            let candidate = (pages + 1, cost + empty * empty);
            if candidate.0 < best[i].0 || (candidate.0 == best[i].0 && candidate.1 < best[i].1) {
                best[i] = (candidate.0, candidate.1, j);
            }
        }
    }
    let mut ends = Vec::new();
    let mut i = 0;
    while i < n {
        i = best[i].2;
        ends.push(i);
    }
    ends
}

/// The rows in blocks a page break may not cut. A section row joins the block after it; an
/// initiative's heading joins its next row (its first stage lane, or topic); by topic, each
/// stage lane is a block and each topic with its entries; by row, a topic heading joins its
/// first entry.
fn blocks(rows: &[GridRow], keep: KeepTogether) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    // Rows waiting to join the next block.
    let mut pending: Vec<usize> = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let starts_block = match (keep, row) {
            (_, GridRow::Section { .. }) => false,
            (KeepTogether::Initiative, GridRow::Initiative { .. }) => true,
            (KeepTogether::Initiative, _) => false,
            (KeepTogether::Topic, GridRow::Topic { .. } | GridRow::Lane { .. }) => true,
            (KeepTogether::Topic, _) => false,
            (KeepTogether::Row, GridRow::Initiative { .. } | GridRow::Topic { .. }) => false,
            (KeepTogether::Row, _) => true,
        };
        let heading = match (keep, row) {
            (_, GridRow::Section { .. }) => true,
            (KeepTogether::Initiative, _) => false,
            (KeepTogether::Topic, GridRow::Initiative { .. }) => true,
            (KeepTogether::Row, GridRow::Initiative { .. } | GridRow::Topic { .. }) => true,
            _ => false,
        };
        if heading {
            // A section, initiative or topic heading: waits for what it heads.
            if matches!(row, GridRow::Section { .. } | GridRow::Initiative { .. }) {
                // An initiative without topics leaves its rows waiting: they form a block of
                // their own before the next initiative begins.
                if pending
                    .iter()
                    .any(|&j| !matches!(rows[j], GridRow::Section { .. }))
                {
                    blocks.push(std::mem::take(&mut pending));
                }
            }
            pending.push(k);
            continue;
        }
        if starts_block || blocks.is_empty() || !pending.is_empty() {
            let mut block = std::mem::take(&mut pending);
            block.push(k);
            blocks.push(block);
        } else {
            blocks.last_mut().expect("a block").push(k);
        }
    }
    if !pending.is_empty() {
        blocks.push(pending);
    }
    blocks
}

/// Today's date as printed in the footer, in the PC's time zone.
pub fn today() -> String {
    use chrono::Datelike;
    let d = chrono::Local::now().date_naive();
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

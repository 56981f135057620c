//! The print layout drawn into a PDF with krilla: vector shapes, selectable and searchable text,
//! the bundled font embedded as a subset (krilla keeps only the glyphs used).
//!
//! Tagged by default (PDF/UA-1): the [`Part`] markers among a page's shapes become the
//! structure tree — the title a heading, the grid a table of header and data cells in the
//! order of its rows, drawn bars read as words, rules, fills and repeated headings artifacts —
//! and krilla's PDF/UA-1 validator checks the document; a document it rejects is an error.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

use krilla::Document;
use krilla::SerializeSettings;
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Pattern, Stroke, StrokeDash};
use krilla::tagging::{
    self, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::{Artifact, Canvas, LineStyle, Page, Part, PrintLayout, Rgb, Shape, TableColumn};
use crate::grid::GridRow;
use crate::lang::{Describe, Lang, say};
use crate::model::text::visible;

mod errors;
mod tables;
use errors::validation_words;
pub use errors::{PdfError, UaFinding};
use tables::{SummaryNodes, table};

/// Whether a PDF carries its structure for screen readers (PDF/UA-1) or is drawing alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tagging {
    #[default]
    Tagged,
    Untagged,
}

/// The most table rows a printout is tagged for. The structure tree holds each cell of each
/// row until the file is written, about 3 KB a row: a table of 240,000 rows (5,854 pages) took
/// 1.26 GB and 11.5 s tagged, about half a gigabyte and 5 s untagged (README, *Publishing*).
/// A printout of more rows than this (some 2,500 pages) is made untagged, and the user is
/// told.
pub const MAX_TAGGED_ROWS: usize = 100_000;

/// A printout made untagged because its table has more than [`MAX_TAGGED_ROWS`] rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLargeToTag {
    pub rows: usize,
}

impl Describe for TooLargeToTag {
    fn describe(&self, lang: Lang) -> String {
        say(
            lang,
            format!(
                "表が{}行あり、読み上げ用のタグを付けられる大きさ（{MAX_TAGGED_ROWS}行）を超えるため、タグなしで作成しました",
                self.rows
            ),
            format!(
                "made without the screen-reader tags: its table has {} rows, more than the \
                 {MAX_TAGGED_ROWS} a printout is tagged for",
                self.rows
            ),
        )
    }
}

/// The tagging a plan is printed with: as asked, but untagged past [`MAX_TAGGED_ROWS`] (and
/// why).
pub fn tagging_for(plan: &super::PagePlan, asked: Tagging) -> (Tagging, Option<TooLargeToTag>) {
    tagging_for_rows(plan.frame.rows.len(), asked)
}

/// [`tagging_for`] a table of `rows` rows.
pub fn tagging_for_rows(rows: usize, asked: Tagging) -> (Tagging, Option<TooLargeToTag>) {
    if asked == Tagging::Tagged && rows > MAX_TAGGED_ROWS {
        (Tagging::Untagged, Some(TooLargeToTag { rows }))
    } else {
        (asked, None)
    }
}

fn color(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c),
        ..Fill::default()
    }
}

fn stroke(style: &LineStyle) -> Stroke {
    Stroke {
        paint: color(style.color),
        width: style.width,
        dash: style.dash.map(|(on, off)| StrokeDash {
            array: vec![on, off],
            offset: 0.0,
        }),
        opacity: NormalizedF32::ONE,
        ..Stroke::default()
    }
}

/// Renders the layout, tagged (PDF/UA-1); `progress` is told the fraction of pages done.
pub fn render(
    layout: &PrintLayout,
    title: &str,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, PdfError> {
    render_with(layout, title, Tagging::Tagged, progress)
}

/// Renders the layout, tagged or not; `progress` is told the fraction of pages done.
pub fn render_with(
    layout: &PrintLayout,
    title: &str,
    tagging: Tagging,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, PdfError> {
    render_unless_stopped(layout, title, tagging, progress, &AtomicBool::new(false))
}

/// [`render_with`] that ends with [`PdfError::Stopped`] at the next page once `stop` is set
/// (the window's 中止).
pub fn render_unless_stopped(
    layout: &PrintLayout,
    title: &str,
    tagging: Tagging,
    progress: &mut dyn FnMut(f32),
    stop: &AtomicBool,
) -> Result<Vec<u8>, PdfError> {
    let pages = layout.pages.iter().map(Cow::Borrowed);
    render_pages(
        layout,
        layout.pages.len(),
        pages,
        title,
        tagging,
        progress,
        stop,
    )
}

/// [`render_unless_stopped`] of a printout planned but not drawn: a thread draws the pages,
/// a few at a time on every core, while this one paints them, so that the shapes of every
/// page (252 MB of the 10,000-initiative printout's) are never held at once; what draws them
/// is let go of after the last page, before the PDF is put together.
pub fn render_plan(
    plan: super::PagePlan,
    title: &str,
    tagging: Tagging,
    progress: &mut dyn FnMut(f32),
    stop: &AtomicBool,
) -> Result<Vec<u8>, PdfError> {
    let (frame, drawing) = plan.into_parts();
    let total = drawing.pages();
    std::thread::scope(|scope| {
        let (send, drawn) = std::sync::mpsc::sync_channel::<Page>(PAGES_AHEAD);
        scope.spawn(move || {
            use rayon::prelude::*;
            for first in (0..total).step_by(PAGES_AHEAD) {
                let pages: Vec<Page> = (first..(first + PAGES_AHEAD).min(total))
                    .into_par_iter()
                    .map(|n| drawing.page(n))
                    .collect();
                // Nobody receives once the painting stopped (中止, or an error).
                if pages.into_iter().any(|page| send.send(page).is_err()) {
                    break;
                }
            }
        });
        let pages = drawn.into_iter().map(Cow::Owned);
        render_pages(&frame, total, pages, title, tagging, progress, stop)
    })
}

/// How many pages are drawn at a time, and may wait to be painted.
const PAGES_AHEAD: usize = 8;

/// The PDF of the `count` pages `pages`, the pages of `layout` (whose own `pages` are not
/// read).
fn render_pages<'l>(
    layout: &PrintLayout,
    count: usize,
    pages: impl Iterator<Item = Cow<'l, Page>>,
    title: &str,
    tagging: Tagging,
    progress: &mut dyn FnMut(f32),
    stop: &AtomicBool,
) -> Result<Vec<u8>, PdfError> {
    let regular =
        Font::new(crate::fonts::REGULAR.into(), 0).ok_or(PdfError::Font { bold: false })?;
    let bold = Font::new(crate::fonts::BOLD.into(), 0).ok_or(PdfError::Font { bold: true })?;
    let tagged = tagging == Tagging::Tagged;
    // The window's title and the H1 say what the first page shows.
    let title = visible(title);
    let title = title.as_ref();
    let mut document = if tagged {
        let configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| PdfError::Finish(format!("{e:?}")))?;
        Document::new_with(SerializeSettings {
            configuration,
            enable_tagging: true,
            ..SerializeSettings::default()
        })
    } else {
        Document::new_with(SerializeSettings {
            enable_tagging: false,
            ..SerializeSettings::default()
        })
    };
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Shinchoku (進捗)".to_string())
            .language("ja".to_string()),
    );
    let settings =
        PageSettings::from_wh(layout.width, layout.height).ok_or(PdfError::BadPageSize {
            width: layout.width,
            height: layout.height,
        })?;
    let total = count.max(1);
    let mut found = Structure::new(layout);
    for (n, page) in pages.enumerate() {
        if stop.load(Ordering::Relaxed) {
            return Err(PdfError::Stopped);
        }
        let mut pdf_page = document.start_page_with(settings.clone());
        {
            let mut canvas = PdfCanvas::new(pdf_page.surface(), &regular, &bold);
            if n == 0 {
                canvas.claim_box_glyph(tagged);
            }
            if tagged {
                found.paint_page(n, &page.shapes, layout, &mut canvas);
            } else {
                // Paths end where the tagged PDF's marked content does: the two draw alike.
                for run in page.shapes.split(|s| matches!(s, Shape::Part(_))) {
                    super::paint(run, &mut canvas);
                    canvas.flush();
                }
            }
            canvas.finish();
        }
        pdf_page.finish();
        progress((n + 1) as f32 / total as f32);
    }
    if tagged {
        let (tree, outline) = found.finish(layout, title);
        document.set_tag_tree(tree);
        document.set_outline(outline);
    }
    // krilla panics on a structure it does not expect (marked content left out of the tree
    // did, for a report without rows): an error the user is told, not the window gone.
    let finished = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| document.finish()))
        .map_err(|_| PdfError::Internal)?;
    let pdf = finished.map_err(|e| match e {
        KrillaError::Validation(errors) => PdfError::NotAccessible(
            errors
                .iter()
                .map(|(error, _)| validation_words(error))
                .collect(),
        ),
        e => PdfError::Finish(format!("{e:?}")),
    })?;
    Ok(super::pack::pack_objects(&pdf).unwrap_or(pdf))
}

/// What the marked shapes of the pages are, gathered page by page: the marked-content
/// identifiers of each part, and where each section and initiative starts (the outline).
struct Structure {
    title: Vec<Node>,
    subtitle: Vec<Node>,
    legend: Vec<Node>,
    headings: [Vec<Node>; 9],
    /// By row, by column.
    cells: Vec<[Vec<Node>; 9]>,
    /// Running text (the change list): level, its text, its content.
    lines: Vec<(u8, String, Vec<Node>)>,
    /// By row: the page and height its text starts at, and the text (sections and
    /// initiatives only).
    starts: Vec<Option<(usize, f32, String)>>,
    /// The tables after the grid, by [`PrintLayout::tables`].
    summary: Vec<SummaryNodes>,
}

/// Adds `node` to a cell's nodes, making room for just one at first: most cells hold one,
/// and a vector's first push makes room for four (88 bytes each). The 10,000-initiative
/// printout's heap peaked at 760.8 MB with room for four, 601.5 MB with one.
fn add_node(nodes: &mut Vec<Node>, node: Node) {
    if nodes.capacity() == 0 {
        nodes.reserve_exact(1);
    }
    nodes.push(node);
}

fn column_index(column: TableColumn) -> usize {
    TableColumn::ALL
        .iter()
        .position(|c| *c == column)
        .unwrap_or(0)
}

impl Structure {
    fn new(layout: &PrintLayout) -> Structure {
        Structure {
            title: Vec::new(),
            subtitle: Vec::new(),
            legend: Vec::new(),
            headings: Default::default(),
            cells: vec![Default::default(); layout.rows.len()],
            lines: Vec::new(),
            starts: vec![None; layout.rows.len()],
            summary: layout.tables.iter().map(SummaryNodes::new).collect(),
        }
    }

    /// Paints a page's shapes, each stretch between markers as the content of its part.
    fn paint_page(
        &mut self,
        page: usize,
        shapes: &[Shape],
        layout: &PrintLayout,
        canvas: &mut PdfCanvas,
    ) {
        let mut rows_here: Vec<usize> = Vec::new();
        // Shapes before any marker have not said what they are: drawn as artifacts.
        let mut part: Option<&Part> = None;
        let mut from = 0;
        for (k, shape) in shapes.iter().enumerate() {
            if let Shape::Part(next) = shape {
                self.paint_run(page, part, &shapes[from..k], layout, canvas);
                if let Part::Cell { row, .. } | Part::Drawn { row, .. } = next
                    && rows_here.last() != Some(row)
                {
                    rows_here.push(*row);
                }
                part = Some(next);
                from = k + 1;
            }
        }
        self.paint_run(page, part, &shapes[from..], layout, canvas);
        // A cell with nothing in it still has its place in its row: marked content with
        // nothing drawn, so that every row has all its cells for a screen reader.
        for row in rows_here {
            for column in &layout.columns {
                let c = column_index(*column);
                if self.cells.get(row).is_some_and(|cells| cells[c].is_empty()) {
                    let id = canvas.start_tagged(ContentTag::Span(SpanTag::empty()));
                    canvas.end_tagged();
                    add_node(&mut self.cells[row][c], Node::Leaf(id));
                }
            }
        }
    }

    fn paint_run(
        &mut self,
        page: usize,
        part: Option<&Part>,
        shapes: &[Shape],
        layout: &PrintLayout,
        canvas: &mut PdfCanvas,
    ) {
        let Some(part) = part else {
            if !shapes.is_empty() {
                canvas.artifact(ArtifactType::Other, shapes);
            }
            return;
        };
        if let Part::Artifact(kind) = part {
            if !shapes.is_empty() {
                let kind = match kind {
                    Artifact::Header => ArtifactType::Header,
                    Artifact::Footer => ArtifactType::Footer,
                    Artifact::Pagination => ArtifactType::PaginationOther,
                    Artifact::Layout => ArtifactType::Layout,
                };
                canvas.artifact(kind, shapes);
            }
            return;
        }
        let id = canvas.tagged(shapes);
        match part {
            Part::Artifact(_) => {}
            Part::Title => self.title.push(id.into()),
            Part::Subtitle => self.subtitle.push(id.into()),
            Part::Legend => self.legend.push(id.into()),
            Part::Heading(column) => self.headings[column_index(*column)].push(id.into()),
            Part::Cell { row, column } => {
                if let Some(cells) = self.cells.get_mut(*row) {
                    add_node(&mut cells[column_index(*column)], id.into());
                }
                // Where a section or an initiative begins, for the outline.
                if *column == TableColumn::Text
                    && matches!(
                        layout.rows.get(*row),
                        Some(GridRow::Section { .. } | GridRow::Initiative { .. })
                    )
                    && let Some(slot) = self.starts.get_mut(*row)
                    && slot.is_none()
                    && let Some(Shape::Text { y, .. }) = shapes.first()
                {
                    let text: Vec<&str> = shapes
                        .iter()
                        .filter_map(|s| match s {
                            Shape::Text { text, .. } => Some(text.as_str()),
                            _ => None,
                        })
                        .collect();
                    *slot = Some((page, *y, visible(&text.concat()).into_owned()));
                }
            }
            Part::Drawn { row, column, said } => {
                // Read as its words: the bar or stage itself has no text to read.
                let mut span = Tag::Span;
                span.set_actual_text(Some(said.clone()));
                span.set_alt_text(Some(said.clone()));
                if let Some(cells) = self.cells.get_mut(*row) {
                    let drawn = TagGroup::with_children(span, vec![id.into()]);
                    add_node(&mut cells[column_index(*column)], drawn.into());
                }
            }
            Part::Summary { table, part } => {
                if let Some(nodes) = self.summary.get_mut(*table) {
                    nodes.add(*part, id.into());
                }
            }
            Part::Line { level } => {
                let text: Vec<&str> = shapes
                    .iter()
                    .filter_map(|s| match s {
                        Shape::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect();
                let text = visible(&text.concat()).into_owned();
                self.lines.push((*level, text, vec![id.into()]));
            }
        }
    }

    /// The structure tree, in reading order, and the outline (sections, their initiatives).
    fn finish(self, layout: &PrintLayout, title: &str) -> (TagTree, Outline) {
        let mut tree = TagTree::new().with_lang(Some("ja".into()));
        let heading = |level: u16, text: &str| {
            Tag::Hn(
                std::num::NonZeroU16::new(level).unwrap_or(std::num::NonZeroU16::MIN),
                Some(text.to_string()),
            )
        };
        // The tables after the grid are headings under the report's title when it is one.
        let has_h1 = !self.title.is_empty() && !title.trim().is_empty();
        if !self.title.is_empty() {
            // A heading must have a title (PDF/UA); a report without one has a blank line.
            let tag: tagging::TagKind = if title.trim().is_empty() {
                Tag::P.into()
            } else {
                heading(1, title).into()
            };
            tree.push(TagGroup::with_children(tag, self.title));
        }
        for (nodes, _) in [(self.subtitle, "subtitle"), (self.legend, "legend")] {
            if !nodes.is_empty() {
                tree.push(TagGroup::with_children(Tag::P, nodes));
            }
        }
        for (level, text, nodes) in self.lines {
            if level == 0 {
                tree.push(TagGroup::with_children(Tag::P, nodes));
            } else {
                tree.push(TagGroup::with_children(
                    heading(u16::from(level), &text),
                    nodes,
                ));
            }
        }
        // A report without rows still prints the column headings: its table is the heading
        // row alone (every marked content must be in the tree, or krilla panics).
        if !layout.rows.is_empty() || self.headings.iter().any(|h| !h.is_empty()) {
            tree.push(table(layout, self.headings, self.cells));
        }
        // The 集計表 and the tables with it, after the grid as they print.
        let level = if has_h1 { 2 } else { 1 };
        for (nodes, info) in self.summary.into_iter().zip(&layout.tables) {
            for group in nodes.finish(heading(level, &info.title).into()) {
                tree.push(group);
            }
        }
        let mut outline = Outline::new();
        let mut section: Option<OutlineNode> = None;
        for (row, start) in layout.rows.iter().zip(self.starts) {
            let Some((page, y, text)) = start else {
                continue;
            };
            let node = OutlineNode::new(text, XyzDestination::new(page, Point::from_xy(0.0, y)));
            match row {
                GridRow::Section { .. } => {
                    if let Some(done) = section.replace(node) {
                        outline.push_child(done);
                    }
                }
                _ => match section.as_mut() {
                    Some(s) => s.push_child(node),
                    None => outline.push_child(node),
                },
            }
        }
        if let Some(done) = section {
            outline.push_child(done);
        }
        (tree, outline)
    }
}

struct PdfCanvas<'a, 'p> {
    surface: krilla::surface::Surface<'p>,
    regular: &'a Font,
    bold: &'a Font,
    /// Lines and boxes drawn one after another in one style, waiting to be drawn as one
    /// path: a page's grid was hundreds of paths, each with its own state and transform,
    /// a large part of what a print wrote and compressed.
    pending: Option<PendingPath>,
    /// The hatching tiles made so far, by step and line style: one per look per page.
    tiles: Vec<(f32, LineStyle, Pattern)>,
}

/// What the pending path is filled or stroked with (never both: a filled and outlined box
/// drawn over another must cover the other's outline, which one path would not).
struct PendingPath {
    fill: Option<Rgb>,
    stroke: Option<LineStyle>,
    path: PathBuilder,
}

impl<'a, 'p> PdfCanvas<'a, 'p> {
    fn new(surface: krilla::surface::Surface<'p>, regular: &'a Font, bold: &'a Font) -> Self {
        PdfCanvas {
            surface,
            regular,
            bold,
            pending: None,
            tiles: Vec::new(),
        }
    }

    /// Every character the font lacks prints as □ (its glyph, [`super::text::TextMeasure`]),
    /// and the text a glyph stands for is written once in the font's map: the first character
    /// drawn with a glyph takes it. So □ is first drawn here, off the page, as itself — the
    /// first lacking character took the box for itself, and the real □ of an item name (「□庁内の
    /// …」) then read as that character — and every character after it keeps its own text. An
    /// artifact in a tagged PDF (PDF/UA: no content outside the structure unmarked).
    fn claim_box_glyph(&mut self, tagged: bool) {
        if tagged {
            let kind = tagging::Artifact::with_kind(ArtifactType::Other);
            self.start_tagged(ContentTag::Artifact(kind));
        }
        for (font, bold) in [(self.regular, false), (self.bold, true)] {
            let glyphs = super::text::TextMeasure::get().glyphs("□", bold);
            let Some(&(id, _, _)) = glyphs.first() else {
                continue;
            };
            let glyph = [KrillaGlyph {
                glyph_id: GlyphId::new(u32::from(id)),
                text_range: 0..'□'.len_utf8(),
                x_advance: 0.0,
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            }];
            let at = Point::from_xy(-100.0, -100.0);
            self.surface
                .draw_glyphs(at, &glyph, font.clone(), "□", 1.0, false);
        }
        if tagged {
            self.end_tagged();
        }
    }

    /// Draws what is pending and ends the page's content.
    fn finish(mut self) {
        self.flush();
        self.surface.finish();
    }

    /// Paints shapes as one marked-content stretch; its identifier goes in the structure.
    fn tagged(&mut self, shapes: &[Shape]) -> Identifier {
        let id = self.start_tagged(ContentTag::Span(SpanTag::empty()));
        super::paint(shapes, self);
        self.end_tagged();
        id
    }

    fn artifact(&mut self, kind: ArtifactType, shapes: &[Shape]) {
        self.start_tagged(ContentTag::Artifact(tagging::Artifact::with_kind(kind)));
        super::paint(shapes, self);
        self.end_tagged();
    }

    /// A path never spans marked content: what is pending is drawn first.
    fn start_tagged(&mut self, tag: ContentTag) -> Identifier {
        self.flush();
        self.surface.start_tagged(tag)
    }

    fn end_tagged(&mut self) {
        self.flush();
        self.surface.end_tagged();
    }

    fn flush(&mut self) {
        if let Some(p) = self.pending.take() {
            self.draw_now(p.path, p.fill, p.stroke.as_ref());
        }
    }

    fn draw_now(
        &mut self,
        pb: PathBuilder,
        fill_with: Option<Rgb>,
        stroke_with: Option<&LineStyle>,
    ) {
        let Some(path) = pb.finish() else { return };
        self.surface.set_fill(fill_with.map(fill));
        self.surface.set_stroke(stroke_with.map(stroke));
        self.surface.draw_path(&path);
    }

    /// Adds to the pending path when it has the same look, else draws that first; a
    /// filled and outlined shape is drawn at once (see [`PendingPath`]).
    fn draw(
        &mut self,
        fill_with: Option<Rgb>,
        stroke_with: Option<&LineStyle>,
        add: impl FnOnce(&mut PathBuilder),
    ) {
        if fill_with.is_some() && stroke_with.is_some() {
            self.flush();
            let mut pb = PathBuilder::new();
            add(&mut pb);
            self.draw_now(pb, fill_with, stroke_with);
            return;
        }
        let same = self
            .pending
            .as_ref()
            .is_some_and(|p| p.fill == fill_with && p.stroke.as_ref() == stroke_with);
        if !same {
            self.flush();
            self.pending = Some(PendingPath {
                fill: fill_with,
                stroke: stroke_with.copied(),
                path: PathBuilder::new(),
            });
        }
        if let Some(p) = self.pending.as_mut() {
            add(&mut p.path);
        }
    }

    /// The hatching tile for this step and line: made once per page, reused by its bars.
    fn tile(&mut self, step: f32, style: &LineStyle) -> Pattern {
        if let Some((_, _, pattern)) = self.tiles.iter().find(|(s, l, _)| *s == step && l == style)
        {
            return pattern.clone();
        }
        let pattern = {
            let mut builder = self.surface.stream_builder();
            let mut tile = builder.surface();
            let mut pb = PathBuilder::new();
            // The diagonal, and its ends continued from the neighbouring tiles.
            pb.move_to(0.0, step);
            pb.line_to(step, 0.0);
            pb.move_to(-step / 2.0, step / 2.0);
            pb.line_to(step / 2.0, -step / 2.0);
            pb.move_to(step / 2.0, step * 1.5);
            pb.line_to(step * 1.5, step / 2.0);
            if let Some(path) = pb.finish() {
                tile.set_fill(None);
                tile.set_stroke(Some(stroke(style)));
                tile.draw_path(&path);
            }
            tile.finish();
            Pattern {
                stream: builder.finish(),
                transform: Transform::identity(),
                width: step,
                height: step,
            }
        };
        self.tiles.push((step, *style, pattern.clone()));
        pattern
    }
}

impl Canvas for PdfCanvas<'_, '_> {
    fn text(&mut self, x: f32, y: f32, size: f32, is_bold: bool, c: Rgb, text: &str) {
        // As measured (`TextMeasure::width`): what does not show is printed as its mark.
        let text = visible(text);
        let text = text.as_ref();
        self.flush();
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(c)));
        let font = if is_bold { self.bold } else { self.regular };
        // Glyphs straight from the font's character map: krilla's draw_text shapes every
        // string with rustybuzz, which was a fifth of a 1,000-initiative print.
        let glyphs: Vec<KrillaGlyph> = super::text::TextMeasure::get()
            .glyphs(text, is_bold)
            .into_iter()
            .map(|(glyph, advance, range)| KrillaGlyph {
                glyph_id: GlyphId::new(u32::from(glyph)),
                text_range: range,
                x_advance: advance,
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            })
            .collect();
        self.surface.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            font.clone(),
            text,
            size,
            false,
        );
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, f: Option<Rgb>, s: Option<&LineStyle>) {
        let Some(r) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else {
            return;
        };
        self.draw(f, s, |pb| pb.push_rect(r));
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), style: &LineStyle) {
        self.draw(None, Some(style), |pb| {
            pb.move_to(from.0, from.1);
            pb.line_to(to.0, to.1);
        });
    }

    fn hatch(&mut self, x: f32, y: f32, w: f32, h: f32, step: f32, style: &LineStyle) {
        let Some(r) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else {
            return;
        };
        self.flush();
        // One tile of the hatching, repeated by the PDF viewer: a handful of bytes per bar
        // instead of a stroked line every `step` points (most of a page's content before).
        let pattern = self.tile(step, style);
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        let Some(path) = pb.finish() else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill {
            paint: pattern.into(),
            ..Fill::default()
        }));
        self.surface.draw_path(&path);
    }

    fn polygon(&mut self, points: &[(f32, f32)], f: Rgb) {
        self.draw(Some(f), None, |pb| {
            for (k, (px, py)) in points.iter().enumerate() {
                if k == 0 {
                    pb.move_to(*px, *py);
                } else {
                    pb.line_to(*px, *py);
                }
            }
            pb.close();
        });
    }
}

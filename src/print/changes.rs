//! The change list of a comparison (比較) on paper: A4 portrait pages of its lines — the
//! comparison's heading, each initiative, the changes under it — wrapped to the page, with the
//! page number and date in the footer. Drawn as the grid is, as [`Shape`]s, so
//! [`super::pdf::render`] makes the PDF.

use super::pdf::PdfError;
use super::text::TextMeasure;
use super::{Artifact, Page, Part, PrintLayout, Shape};
use crate::compare::{Diff, ListLine, change_list_whole};
use crate::lang::Lang;
use crate::palette::{MUTED, Rgb};

/// A4 portrait, in points.
const WIDTH: f32 = 595.3;
const HEIGHT: f32 = 841.9;
const MARGIN: f32 = 42.0;
const FOOTER: f32 = 24.0;
const INDENT: f32 = 14.0;

/// The change list of `diff` as a PDF, in `lang`.
pub fn pdf(diff: &Diff, lang: Lang, printed_on: &str) -> Result<Vec<u8>, PdfError> {
    let lines = change_list_whole(diff, lang);
    let title = lines.first().map(|l| l.text.clone()).unwrap_or_default();
    super::pdf::render(&layout(&lines, printed_on), &title, &mut |_| {})
}

/// Lays the change list out on A4 pages; `printed_on` goes in each footer.
pub fn layout(lines: &[ListLine], printed_on: &str) -> PrintLayout {
    let measure = TextMeasure::get();
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page::default();
    let mut y = MARGIN;
    let bottom = HEIGHT - MARGIN - FOOTER;
    for line in lines {
        let (size, bold) = match line.depth {
            0 => (13.0, true),
            1 => (10.5, true),
            _ => (9.5, false),
        };
        let x = MARGIN + INDENT * f32::from(line.depth.saturating_sub(1));
        let step = size * 1.45;
        let gap = if line.depth <= 1 { size * 0.6 } else { 0.0 };
        let wrapped = measure.wrap(&line.text, size, bold, WIDTH - MARGIN - x);
        // A heading is not left alone at the foot of a page.
        let needed = gap + step * wrapped.len() as f32 + if line.depth <= 1 { step } else { 0.0 };
        if y + needed > bottom && !page.shapes.is_empty() {
            pages.push(std::mem::take(&mut page));
            y = MARGIN;
        }
        y += gap;
        // The comparison's heading, each initiative's, then its changes.
        page.shapes.push(Shape::Part(Part::Line {
            level: match line.depth {
                0 => 1,
                1 => 2,
                _ => 0,
            },
        }));
        for text in wrapped {
            // A line longer than a page (a long text changed) continues on the next.
            if y + step > bottom && !page.shapes.is_empty() {
                pages.push(std::mem::take(&mut page));
                y = MARGIN;
                page.shapes.push(Shape::Part(Part::Line { level: 0 }));
            }
            y += step;
            page.shapes.push(Shape::Text {
                x,
                y,
                size,
                bold,
                color: Rgb::BLACK,
                text,
            });
        }
    }
    pages.push(page);
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        page.shapes
            .push(Shape::Part(Part::Artifact(Artifact::Footer)));
        page.shapes.push(Shape::Text {
            x: MARGIN,
            y: HEIGHT - MARGIN,
            size: 8.0,
            bold: false,
            color: MUTED,
            text: format!("{} / {}    {printed_on}", n + 1, total),
        });
    }
    PrintLayout {
        width: WIDTH,
        height: HEIGHT,
        body_height: HEIGHT - 2.0 * MARGIN - FOOTER,
        text_size: 9.5,
        pages,
        oversized: Vec::new(),
        rows: Vec::new(),
        columns: Vec::new(),
        tables: Vec::new(),
    }
}

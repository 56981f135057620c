//! The change list of a comparison (比較) on paper: A4 portrait pages of its lines — the
//! comparison's heading, each initiative, the changes under it — wrapped to the page, with the
//! page number and date in the footer. Drawn as the grid is, as [`Shape`]s, so
//! [`super::pdf::render`] makes the PDF.

use super::pdf::PdfError;
use super::text::TextMeasure;
use super::{Artifact, MAX_PAGES, Page, Part, PrintLayout, Shape};
use crate::compare::{Diff, ListLine, change_list_whole};
use crate::lang::{Describe, Lang, say};
use crate::palette::{MUTED, Rgb};

/// A4 portrait, in points.
const WIDTH: f32 = 595.3;
const HEIGHT: f32 = 841.9;
const MARGIN: f32 = 42.0;
const FOOTER: f32 = 24.0;
const INDENT: f32 = 14.0;

/// A list printout that could not be made.
#[derive(Debug)]
pub enum ListPdfError {
    /// The list would have `pages` pages, more than [`MAX_PAGES`]: refused before a page is
    /// drawn, as the grid's printout is (the sample against a table of 300,000 results made
    /// 5,662 pages in 7 s and 0.5 GB; two such tables of different results, 11,321 pages).
    TooManyPages {
        pages: usize,
    },
    Pdf(PdfError),
}

impl Describe for ListPdfError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ListPdfError::TooManyPages { pages } => {
                let most = MAX_PAGES;
                say(
                    lang,
                    format!(
                        "一覧は{pages}ページになり、1回に印刷できる{most}ページを超えます。画面の変更一覧で確かめてください（コマンドでは shinchoku diff --json）"
                    ),
                    format!(
                        "the list would have {pages} pages, more than the {most} one printout may have; read it in the window or as JSON (shinchoku diff --json)"
                    ),
                )
            }
            ListPdfError::Pdf(e) => e.describe(lang),
        }
    }
}

/// The change list of `diff` as a PDF, in `lang`.
pub fn pdf(diff: &Diff, lang: Lang, printed_on: &str) -> Result<Vec<u8>, ListPdfError> {
    pdf_telling(diff, lang, printed_on, &mut |_| {})
}

/// [`pdf`], telling `progress` the fraction done (the window's status bar): the lines laid
/// out, then the pages drawn, half each.
pub fn pdf_telling(
    diff: &Diff,
    lang: Lang,
    printed_on: &str,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, ListPdfError> {
    let lines = change_list_whole(diff, lang);
    let title = lines.first().map(|l| l.text.clone()).unwrap_or_default();
    let layout = layout_within(&lines, printed_on, MAX_PAGES, &mut |p| progress(p * 0.5))?;
    super::pdf::render(&layout, &title, &mut |p| progress(0.5 + p * 0.5)).map_err(ListPdfError::Pdf)
}

/// Any list of lines (the change list, the 提出状況) as a PDF titled `title`, refused when it
/// has more than [`MAX_PAGES`] pages.
pub fn list_pdf(
    lines: &[ListLine],
    title: &str,
    printed_on: &str,
) -> Result<Vec<u8>, ListPdfError> {
    let layout = layout(lines, printed_on)?;
    super::pdf::render(&layout, title, &mut |_| {}).map_err(ListPdfError::Pdf)
}

/// The pages laid out so far; past [`MAX_PAGES`] they are only counted, so that a list too
/// long to print costs no more memory than one that just fits.
struct Pages {
    kept: Vec<Page>,
    count: usize,
    most: usize,
}

impl Pages {
    fn turn(&mut self, page: Page) {
        self.count += 1;
        if self.count <= self.most {
            self.kept.push(page);
        }
    }
}

/// Lays the list out on A4 pages; `printed_on` goes in each footer. More than [`MAX_PAGES`]
/// pages are refused.
pub fn layout(lines: &[ListLine], printed_on: &str) -> Result<PrintLayout, ListPdfError> {
    layout_within(lines, printed_on, MAX_PAGES, &mut |_| {})
}

/// [`layout`], refusing more than `most` pages, telling `progress` the fraction of lines laid
/// out.
fn layout_within(
    lines: &[ListLine],
    printed_on: &str,
    most: usize,
    progress: &mut dyn FnMut(f32),
) -> Result<PrintLayout, ListPdfError> {
    let measure = TextMeasure::get();
    let mut pages = Pages {
        kept: Vec::new(),
        count: 0,
        most,
    };
    let mut page = Page::default();
    let mut y = MARGIN;
    let bottom = HEIGHT - MARGIN - FOOTER;
    for (k, line) in lines.iter().enumerate() {
        if k % 4096 == 0 {
            progress(k as f32 / lines.len() as f32);
        }
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
            pages.turn(std::mem::take(&mut page));
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
                pages.turn(std::mem::take(&mut page));
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
    pages.turn(page);
    if pages.count > most {
        return Err(ListPdfError::TooManyPages { pages: pages.count });
    }
    let mut pages = pages.kept;
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
    Ok(PrintLayout {
        width: WIDTH,
        height: HEIGHT,
        body_height: HEIGHT - 2.0 * MARGIN - FOOTER,
        text_size: 9.5,
        pages,
        oversized: Vec::new(),
        rows: Vec::new(),
        columns: Vec::new(),
        tables: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample against itself with one result made 20,000 characters long: a change list
    /// of several pages.
    fn long_list() -> Vec<ListLine> {
        let old = crate::store::from_ron(crate::document::SAMPLE_RON).unwrap();
        let new = crate::synthetic::with_long_result(20_000);
        change_list_whole(&crate::compare::diff(&old, &new), Lang::Ja)
    }

    #[test]
    fn a_list_longer_than_the_limit_is_refused_with_its_page_count() {
        let lines = long_list();
        let pages = layout(&lines, "2017年10月20日").unwrap().pages.len();
        assert!(pages > 2, "{pages} pages");
        let refused = layout_within(&lines, "2017年10月20日", pages - 1, &mut |_| {});
        assert!(
            matches!(refused, Err(ListPdfError::TooManyPages { pages: p }) if p == pages),
            "{refused:?}"
        );
        let said = refused.unwrap_err().describe(Lang::Ja);
        assert!(said.contains(&format!("一覧は{pages}ページ")), "{said}");
        assert_eq!(
            layout_within(&lines, "", pages, &mut |_| {})
                .unwrap()
                .pages
                .len(),
            pages
        );
    }
}

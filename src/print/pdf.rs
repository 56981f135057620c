//! The print layout drawn into a PDF with krilla: vector shapes, selectable and searchable text,
//! the bundled font embedded as a subset (krilla keeps only the glyphs used).

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

use super::{LineStyle, PrintLayout, Rgb, Shape};

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError(pub String);

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write the PDF: {}", self.0)
    }
}

impl std::error::Error for PdfError {}

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

/// Renders the layout; `progress` is told the fraction of pages done.
pub fn render(
    layout: &PrintLayout,
    title: &str,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(crate::fonts::REGULAR.into(), 0)
        .ok_or_else(|| PdfError("the bundled regular font does not load".into()))?;
    let bold = Font::new(crate::fonts::BOLD.into(), 0)
        .ok_or_else(|| PdfError("the bundled bold font does not load".into()))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Shinchoku (進捗)".to_string())
            .language("ja".to_string()),
    );
    let settings = PageSettings::from_wh(layout.width, layout.height)
        .ok_or_else(|| PdfError(format!("bad page size {}×{}", layout.width, layout.height)))?;
    let total = layout.pages.len().max(1);
    for (n, page) in layout.pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for shape in &page.shapes {
            match shape {
                Shape::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color: c,
                    text,
                } => {
                    if text.is_empty() {
                        continue;
                    }
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*c)));
                    let font = if *is_bold {
                        bold.clone()
                    } else {
                        regular.clone()
                    };
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Shape::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: f,
                    stroke: s,
                } => {
                    let Some(r) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else {
                        continue;
                    };
                    let mut pb = PathBuilder::new();
                    pb.push_rect(r);
                    let Some(path) = pb.finish() else { continue };
                    surface.set_fill(f.map(fill));
                    surface.set_stroke(s.as_ref().map(stroke));
                    surface.draw_path(&path);
                }
                Shape::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    style,
                } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x1, *y1);
                    pb.line_to(*x2, *y2);
                    let Some(path) = pb.finish() else { continue };
                    surface.set_fill(None);
                    surface.set_stroke(Some(stroke(style)));
                    surface.draw_path(&path);
                }
                Shape::Polygon { points, fill: f } => {
                    let mut pb = PathBuilder::new();
                    for (k, (px, py)) in points.iter().enumerate() {
                        if k == 0 {
                            pb.move_to(*px, *py);
                        } else {
                            pb.line_to(*px, *py);
                        }
                    }
                    pb.close();
                    let Some(path) = pb.finish() else { continue };
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(*f)));
                    surface.draw_path(&path);
                }
            }
        }
        surface.finish();
        pdf_page.finish();
        progress((n + 1) as f32 / total as f32);
    }
    document.finish().map_err(|e| PdfError(format!("{e:?}")))
}

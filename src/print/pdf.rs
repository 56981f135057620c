//! The print layout drawn into a PDF with krilla: vector shapes, selectable and searchable text,
//! the bundled font embedded as a subset (krilla keeps only the glyphs used).

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Pattern, Stroke, StrokeDash};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::{Canvas, LineStyle, PrintLayout, Rgb};
use crate::lang::{Describe, Lang, say};

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The bundled font (regular or bold) does not load: a broken build.
    Font {
        bold: bool,
    },
    BadPageSize {
        width: f32,
        height: f32,
    },
    /// krilla refused to finish the document (its words).
    Finish(String),
}

impl Describe for PdfError {
    fn describe(&self, lang: Lang) -> String {
        let why = match self {
            PdfError::Font { bold } => {
                let face = if *bold { "bold" } else { "regular" };
                say(
                    lang,
                    format!("同梱のフォント（{face}）を読み込めません"),
                    format!("the bundled {face} font does not load"),
                )
            }
            PdfError::BadPageSize { width, height } => say(
                lang,
                format!("用紙の大きさ {width}×{height} は使えません"),
                format!("bad page size {width}×{height}"),
            ),
            PdfError::Finish(e) => e.clone(),
        };
        say(
            lang,
            format!("PDFを作れません: {why}"),
            format!("cannot write the PDF: {why}"),
        )
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
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
    let regular =
        Font::new(crate::fonts::REGULAR.into(), 0).ok_or(PdfError::Font { bold: false })?;
    let bold = Font::new(crate::fonts::BOLD.into(), 0).ok_or(PdfError::Font { bold: true })?;
    let mut document = Document::new();
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
    let total = layout.pages.len().max(1);
    for (n, page) in layout.pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(settings.clone());
        {
            let mut canvas = PdfCanvas {
                surface: pdf_page.surface(),
                regular: &regular,
                bold: &bold,
            };
            super::paint(&page.shapes, &mut canvas);
            canvas.surface.finish();
        }
        pdf_page.finish();
        progress((n + 1) as f32 / total as f32);
    }
    document
        .finish()
        .map_err(|e| PdfError::Finish(format!("{e:?}")))
}

struct PdfCanvas<'a, 'p> {
    surface: krilla::surface::Surface<'p>,
    regular: &'a Font,
    bold: &'a Font,
}

impl PdfCanvas<'_, '_> {
    fn draw(&mut self, pb: PathBuilder, fill_with: Option<Rgb>, stroke_with: Option<&LineStyle>) {
        let Some(path) = pb.finish() else { return };
        self.surface.set_fill(fill_with.map(fill));
        self.surface.set_stroke(stroke_with.map(stroke));
        self.surface.draw_path(&path);
    }
}

impl Canvas for PdfCanvas<'_, '_> {
    fn text(&mut self, x: f32, y: f32, size: f32, is_bold: bool, c: Rgb, text: &str) {
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
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        self.draw(pb, f, s);
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), style: &LineStyle) {
        let mut pb = PathBuilder::new();
        pb.move_to(from.0, from.1);
        pb.line_to(to.0, to.1);
        self.draw(pb, None, Some(style));
    }

    fn hatch(&mut self, x: f32, y: f32, w: f32, h: f32, step: f32, style: &LineStyle) {
        let Some(r) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else {
            return;
        };
        // One tile of the hatching, repeated by the PDF viewer: a handful of bytes per bar
        // instead of a stroked line every `step` points (most of a page's content before).
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
        let mut pb = PathBuilder::new();
        for (k, (px, py)) in points.iter().enumerate() {
            if k == 0 {
                pb.move_to(*px, *py);
            } else {
                pb.line_to(*px, *py);
            }
        }
        pb.close();
        self.draw(pb, Some(f), None);
    }
}

//! The tables after the grid laid out on pages of the grid's paper: each table under its title,
//! its headings wrapped to their columns, every cell wrapped whole. A row that does not fit
//! the rest of a page goes to the next, under the title (「（続き）」) and headings repeated; a
//! row taller than a page continues there at a line break, the first line of its shorter cells
//! (its 番号 and 具体的取組) repeated in grey. Nothing is cut.

use std::ops::Range;

use super::super::text::TextMeasure;
use super::super::{Artifact, LineStyle, Part, Rgb, Shape, SummaryPart};
use super::{Body, Geometry, Table};
use crate::palette::{MUTED, SECTION_FILL};

/// Where a table's columns stand and its text in lines.
struct Measured {
    index: usize,
    columns: Vec<(f32, f32)>,
    figures: Vec<bool>,
    title: String,
    headings: Vec<Vec<String>>,
    rows: Vec<Vec<Vec<String>>>,
    notes: Vec<String>,
}

/// The pages being filled.
struct Pager {
    pages: Vec<Body>,
    shapes: Vec<Shape>,
    y: f32,
    top: f32,
    bottom: f32,
    left: f32,
    width: f32,
    size: f32,
}

/// The tables on pages, each page's body below the title lines.
pub(super) fn pages(geometry: &Geometry, tables: &[Table]) -> Vec<Body> {
    let (top, bottom, left, width) = geometry.plain_body();
    // About as large as the grid's text on the same paper, never below 6.5 pt.
    let size = (width / 115.0).clamp(6.5, 10.0);
    let mut pager = Pager {
        pages: Vec::new(),
        shapes: Vec::new(),
        y: top,
        top,
        bottom,
        left,
        width,
        size,
    };
    for (index, table) in tables.iter().enumerate() {
        let measured = pager.measure(index, table);
        pager.table(&measured);
    }
    pager.new_page();
    pager.pages
}

impl Pager {
    fn line(&self) -> f32 {
        self.size * 1.3
    }

    fn pad(&self) -> f32 {
        self.size * 0.3
    }

    fn title_height(&self) -> f32 {
        self.size * 1.25 * 1.8
    }

    fn rows_height(&self, lines: usize) -> f32 {
        lines as f32 * self.line() + 2.0 * self.pad()
    }

    fn measure(&self, index: usize, table: &Table) -> Measured {
        let m = TextMeasure::get();
        let total: f32 = table.weights.iter().sum::<f32>().max(1.0);
        let mut x = self.left;
        let columns: Vec<(f32, f32)> = table
            .weights
            .iter()
            .map(|w| {
                let c = (x, self.width * w / total);
                x += c.1;
                c
            })
            .collect();
        let inner = |k: usize| (columns[k].1 - 2.0 * self.pad()).max(self.size);
        let wrap = |cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells
                .iter()
                .enumerate()
                .map(|(k, c)| m.wrap(c, self.size, bold, inner(k)))
                .collect()
        };
        Measured {
            index,
            figures: table.figures.clone(),
            title: table.title.clone(),
            headings: wrap(&table.headings, true),
            rows: table.rows.iter().map(|r| wrap(r, false)).collect(),
            notes: table
                .notes
                .iter()
                .flat_map(|n| m.wrap(n, self.size * 0.9, false, self.width))
                .collect(),
            columns,
        }
    }

    /// Ends the page being filled (when anything is on it) and starts the next.
    fn new_page(&mut self) {
        if !self.shapes.is_empty() {
            self.pages.push(Body {
                shapes: std::mem::take(&mut self.shapes),
                used: self.y - self.top,
            });
        }
        self.y = self.top;
    }

    fn table(&mut self, t: &Measured) {
        let head = self.rows_height(lines(&t.headings));
        let first_row = t.rows.first().map_or(0.0, |_| self.rows_height(1));
        if self.y > self.top {
            self.y += self.line();
        }
        if self.y + self.title_height() + head + first_row > self.bottom {
            self.new_page();
        }
        self.heads(t, true);
        for (r, cells) in t.rows.iter().enumerate() {
            self.row(t, r, cells);
        }
        for note in &t.notes {
            if self.y + self.line() > self.bottom {
                self.new_page();
            }
            self.part(Part::Summary {
                table: t.index,
                part: SummaryPart::Note,
            });
            self.y += self.line();
            let baseline = self.y - self.line() * 0.25;
            self.text(self.left, baseline, self.size * 0.9, false, note);
        }
    }

    /// The title and the headings: the table's own the first time, a page's header after.
    fn heads(&mut self, t: &Measured, first: bool) {
        let table = t.index;
        self.part(if first {
            Part::Summary {
                table,
                part: SummaryPart::Title,
            }
        } else {
            Part::Artifact(Artifact::Pagination)
        });
        let title = if first {
            t.title.clone()
        } else {
            format!("{}（続き）", t.title)
        };
        let baseline = self.y + self.size * 1.25 * 1.2;
        self.text(self.left, baseline, self.size * 1.25, true, &title);
        self.y += self.title_height();
        let h = self.rows_height(lines(&t.headings));
        let decoration = if first {
            Part::Artifact(Artifact::Layout)
        } else {
            Part::Artifact(Artifact::Header)
        };
        self.part(decoration.clone());
        self.shapes.push(Shape::Rect {
            x: self.left,
            y: self.y,
            w: self.width,
            h,
            fill: Some(SECTION_FILL),
            stroke: None,
        });
        for (column, lines) in t.headings.iter().enumerate() {
            self.part(if first {
                Part::Summary {
                    table,
                    part: SummaryPart::Heading { column },
                }
            } else {
                Part::Artifact(Artifact::Header)
            });
            self.cell(t, column, lines, 0..lines.len(), true);
        }
        self.part(decoration);
        self.rules(t, h, 0.8);
        self.y += h;
    }

    /// A row, whole when it fits what is left of the page or on the next; else line by line
    /// onto as many pages as it takes.
    fn row(&mut self, t: &Measured, r: usize, cells: &[Vec<String>]) {
        let n = lines(cells);
        let fresh =
            self.bottom - self.top - self.title_height() - self.rows_height(lines(&t.headings));
        if self.y + self.rows_height(n) > self.bottom && self.rows_height(n) <= fresh {
            self.continue_table(t);
        }
        let mut start = 0;
        loop {
            let room = self.bottom - self.y - 2.0 * self.pad();
            let fit = ((room / self.line()).floor().max(0.0) as usize).min(n - start);
            let at_top = self.y
                <= self.top + self.title_height() + self.rows_height(lines(&t.headings)) + 0.01;
            // A page that holds not one line of it yet: the next (a fresh page takes one).
            if fit == 0 && !at_top {
                self.continue_table(t);
                continue;
            }
            let end = start + fit.max(1);
            self.piece(t, r, cells, start..end);
            if end >= n {
                return;
            }
            start = end;
            self.continue_table(t);
        }
    }

    fn continue_table(&mut self, t: &Measured) {
        self.new_page();
        self.heads(t, false);
    }

    /// The lines `range` of row `r`, and its rules.
    fn piece(&mut self, t: &Measured, r: usize, cells: &[Vec<String>], range: Range<usize>) {
        let h = self.rows_height(range.len());
        for (column, lines) in cells.iter().enumerate() {
            self.part(Part::Summary {
                table: t.index,
                part: SummaryPart::Cell { row: r, column },
            });
            self.cell(t, column, lines, range.clone(), false);
        }
        if range.start > 0 {
            self.repeat_short_cells(t, cells, range.start);
        }
        self.part(Part::Artifact(Artifact::Layout));
        self.rules(t, h, 0.3);
        self.y += h;
    }

    /// On a page a row continues onto, the first line of each of its cells printed whole
    /// before (its 番号 and 具体的取組), in grey: which row this is, a repeat, not content.
    fn repeat_short_cells(&mut self, t: &Measured, cells: &[Vec<String>], from: usize) {
        self.part(Part::Artifact(Artifact::Pagination));
        let baseline = self.y + self.pad() + self.size;
        for (column, lines) in cells.iter().enumerate() {
            if let Some(first) = lines.first()
                && lines.len() <= from
            {
                let x = t.columns[column].0 + self.pad();
                self.shapes.push(Shape::Text {
                    x,
                    y: baseline,
                    size: self.size,
                    bold: false,
                    color: MUTED,
                    text: first.clone(),
                });
            }
        }
    }

    /// A cell's lines `range` from the current top, a figure set right.
    fn cell(
        &mut self,
        t: &Measured,
        column: usize,
        lines: &[String],
        range: Range<usize>,
        bold: bool,
    ) {
        let (x, w) = t.columns[column];
        let m = TextMeasure::get();
        let end = range.end.min(lines.len());
        let start = range.start.min(end);
        for (k, l) in lines[start..end].iter().enumerate() {
            let baseline = self.y + self.pad() + self.size + self.line() * k as f32;
            let x = if t.figures[column] && !bold {
                x + w - self.pad() - m.width(l, self.size, false)
            } else {
                x + self.pad()
            };
            self.text(x, baseline, self.size, bold, l);
        }
    }

    /// The rule under a stretch `h` tall from the current top and the column lines beside it.
    fn rules(&mut self, t: &Measured, h: f32, under: f32) {
        let (top, right) = (self.y, self.left + self.width);
        let rule = |x1: f32, y1: f32, x2: f32, y2: f32, width: f32| Shape::Line {
            x1,
            y1,
            x2,
            y2,
            style: LineStyle::solid(width, MUTED),
        };
        self.shapes
            .push(rule(self.left, top + h, right, top + h, under));
        if under > 0.5 {
            self.shapes.push(rule(self.left, top, right, top, under));
        }
        for &(x, _) in &t.columns {
            self.shapes.push(rule(x, top, x, top + h, 0.5));
        }
        self.shapes.push(rule(right, top, right, top + h, 0.5));
    }

    fn part(&mut self, p: Part) {
        self.shapes.push(Shape::Part(p));
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, s: &str) {
        self.shapes.push(Shape::Text {
            x,
            y,
            size,
            bold,
            color: Rgb::BLACK,
            text: s.to_string(),
        });
    }
}

/// The most lines of any of the cells (at least one).
fn lines(cells: &[Vec<String>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

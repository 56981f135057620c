//! Where everything goes on a printed page: the column geometry (scaled to fit the page
//! width), the page header and footer, the repeated column headings, and each row's shapes.

use super::text::TextMeasure;
use super::{Artifact, LineStyle, Part, PrintJob, Rgb, Shape, TableColumn};
use crate::grid::{self, BarLook, EntryMark, GridRow};
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::{
    LineMark, initiative_status, plan_entry_status, section_counts, topic_status,
};
use crate::model::{Entry, EntryKind, Report, Side, StageSpan};
use crate::spoken;

use crate::palette::{
    self, AS_OF, INITIATIVE_FILL, MUTED, PLAN, SCHEDULED_FILL, SECTION_FILL, Tone,
};

const GRID: Rgb = palette::grid_line(Tone::Paper);
const PLAN_HATCH: Rgb = palette::plan_hatch(Tone::Paper);
const ACTUAL: Rgb = palette::actual(Tone::Paper);
const PERIOD: Rgb = palette::period(Tone::Paper);

/// Header and footer sizes, fixed whatever the scale.
const TITLE_SIZE: f32 = 11.0;
const META_SIZE: f32 = 8.0;
const FOOTER_SIZE: f32 = 8.0;
/// The smallest table text printed, in points, however much is fitted on a page.
const SMALLEST_TEXT: f32 = 4.5;

pub struct Geometry {
    pub width: f32,
    pub height: f32,
    margin: f32,
    scale: f32,
    /// The text's size relative to what the page width gives (below 1 to fit fewer pages).
    text_scale: f32,
    cols: Columns,
    years: usize,
    first_year: i32,
    as_of: f32,
    period: crate::model::MonthSet,
    /// What a comparison's removed rows say, by change (see [`super::marks`]).
    removed: std::collections::HashMap<usize, String>,
}

/// A page's rows drawn in layers: shading under everything, the month and year grid over the
/// shading, the rows' content, then the rules and column lines. Each layer is drawn for all
/// the page's rows at once, lines of one look one after another, so the PDF draws a page's
/// grid as a few paths instead of a few per row (most of a page's drawing operations before).
#[derive(Default)]
pub struct RowShapes {
    pub under: Vec<Shape>,
    pub lines: Vec<Shape>,
    pub content: Vec<Shape>,
    pub over: Vec<Shape>,
}

impl RowShapes {
    /// The layers onto the page, in order.
    pub fn onto(self, page: &mut Vec<Shape>) {
        part(page, Part::Artifact(Artifact::Layout));
        page.extend(by_look(joined(self.under)));
        page.extend(by_look(joined(self.lines)));
        page.extend(self.content);
        part(page, Part::Artifact(Artifact::Layout));
        page.extend(by_look(joined(self.over)));
    }
}

/// Vertical lines of one look that continue each other (a column's line down row after row)
/// joined into one line, and filled boxes likewise (a month's shading down the rows); other
/// shapes as they are.
fn joined(shapes: Vec<Shape>) -> Vec<Shape> {
    /// The look and the column: width, colour, dash; x (and a box's width).
    type Key = (u32, Rgb, Option<(u32, u32)>, u32, u32);
    let mut out: Vec<Shape> = Vec::with_capacity(shapes.len());
    // Per key: where in `out` its last shape is.
    let mut last: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for shape in shapes {
        let (key, top, bottom) = match &shape {
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                style,
            } if x1 == x2 && y1 <= y2 => (
                (
                    style.width.to_bits(),
                    style.color,
                    style.dash.map(|(a, b)| (a.to_bits(), b.to_bits())),
                    x1.to_bits(),
                    0,
                ),
                *y1,
                *y2,
            ),
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill: Some(fill),
                stroke: None,
            } => ((0, *fill, None, x.to_bits(), w.to_bits()), *y, y + h),
            _ => {
                out.push(shape);
                continue;
            }
        };
        if let Some(&k) = last.get(&key) {
            match out.get_mut(k) {
                Some(Shape::Line { y2, .. }) if (*y2 - top).abs() < 0.01 => {
                    *y2 = bottom;
                    continue;
                }
                Some(Shape::Rect { y, h, .. }) if (*y + *h - top).abs() < 0.01 => {
                    *h = bottom - *y;
                    continue;
                }
                _ => {}
            }
        }
        last.insert(key, out.len());
        out.push(shape);
    }
    out
}

/// Shapes grouped by their look (fill and line), each group where its first shape was: only
/// for shapes of a layer, which do not overlap but at the edges.
fn by_look(shapes: Vec<Shape>) -> Vec<Shape> {
    fn look(shape: &Shape) -> (Option<Rgb>, Option<LineStyle>) {
        match shape {
            Shape::Rect { fill, stroke, .. } => (*fill, *stroke),
            Shape::Line { style, .. } => (None, Some(*style)),
            _ => (None, None),
        }
    }
    let mut looks: Vec<(Option<Rgb>, Option<LineStyle>)> = Vec::new();
    let mut keyed: Vec<(usize, Shape)> = shapes
        .into_iter()
        .map(|shape| {
            let l = look(&shape);
            let k = looks.iter().position(|seen| *seen == l).unwrap_or_else(|| {
                looks.push(l);
                looks.len() - 1
            });
            (k, shape)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, shape)| shape).collect()
}

pub struct MeasuredRow {
    pub height: f32,
    text: Vec<String>,
    division: Vec<String>,
}

/// A column's left edge and width on the page.
#[derive(Clone, Copy, Debug, Default)]
struct Column {
    x: f32,
    w: f32,
}

/// The printed columns; a column not printed has width 0.
#[derive(Clone, Copy, Debug, Default)]
struct Columns {
    number: Column,
    text: Column,
    stages: Column,
    months: Column,
    division: Column,
    status: Column,
}

impl Columns {
    /// Laid side by side from `x`, each its natural width times `scale`.
    fn from_widths(x: f32, natural: [f32; 6], scale: f32) -> Columns {
        let mut x = x;
        let mut next = |w: f32| {
            let c = Column { x, w: w * scale };
            x += w * scale;
            c
        };
        let [number, text, stages, months, division, status] = natural.map(&mut next);
        Columns {
            number,
            text,
            stages,
            months,
            division,
            status,
        }
    }

    fn all(&self) -> [Column; 6] {
        [
            self.number,
            self.text,
            self.stages,
            self.months,
            self.division,
            self.status,
        ]
    }
}

impl Geometry {
    pub fn new(job: &PrintJob, width: f32, height: f32, text_scale: f32) -> Geometry {
        let report = job.report;
        let c = job.setup.columns;
        let years = report.plan_years.len().max(1);
        // Natural widths at scale 1; the whole table is then scaled to the page width.
        let natural = [
            20.0,
            190.0,
            if c.stages { 30.0 * years as f32 } else { 0.0 },
            if c.months { 12.0 * 17.0 } else { 0.0 },
            if c.division { 72.0 } else { 0.0 },
            if c.status { 32.0 } else { 0.0 },
        ];
        let margin = job.setup.margin_mm * super::MM;
        let available = width - 2.0 * margin;
        let total: f32 = natural.iter().sum();
        let scale = available / total;
        let cols = Columns::from_widths(margin, natural, scale);
        Geometry {
            width,
            height,
            margin,
            scale,
            text_scale,
            cols,
            years,
            first_year: report.plan_years.first.0,
            as_of: report.as_of().position(report.fiscal_year),
            period: report.period.months(),
            removed: job
                .comparison
                .map(super::marks::removed_texts)
                .unwrap_or_default(),
        }
    }

    /// Each printed column's left edge and width, left to right (番号, 具体的取組, 工程, 月別,
    /// 担当課, 状況); a column not printed has width 0.
    pub fn column_boxes(&self) -> [(f32, f32); 6] {
        self.cols.all().map(|c| (c.x, c.w))
    }

    /// Where the as-of date falls, in months from April.
    pub fn as_of(&self) -> f32 {
        self.as_of
    }

    /// The table's text size as the page width gives it.
    fn natural_font(&self) -> f32 {
        (6.0 * self.scale).clamp(SMALLEST_TEXT, 10.0)
    }

    fn font(&self) -> f32 {
        (self.natural_font() * self.text_scale).max(SMALLEST_TEXT)
    }

    /// The table's text size in points.
    pub fn text_size(&self) -> f32 {
        self.font()
    }

    /// The text scale that gives the smallest text printed.
    pub fn smallest_text_scale(job: &PrintJob) -> f32 {
        let (w, h) = job.setup.page_size();
        let g = Geometry::new(job, w, h, 1.0);
        SMALLEST_TEXT / g.natural_font()
    }

    fn line_height(&self) -> f32 {
        self.font() * 1.22
    }

    fn pad(&self) -> f32 {
        self.font() * 0.2
    }

    fn min_row(&self) -> f32 {
        self.line_height() + 2.0 * self.pad()
    }

    fn header_height(&self) -> f32 {
        TITLE_SIZE * 1.5 + META_SIZE * 1.5 * 2.0 + 4.0
    }

    fn table_header_height(&self) -> f32 {
        self.line_height() * 2.0 + 2.0 * self.pad()
    }

    fn footer_height(&self) -> f32 {
        FOOTER_SIZE * 2.0
    }

    pub fn body_top(&self) -> f32 {
        self.margin + self.header_height() + self.table_header_height()
    }

    pub fn body_height(&self) -> f32 {
        self.height - self.margin - self.footer_height() - self.body_top()
    }

    fn indent(&self, row: GridRow) -> f32 {
        row.depth() as f32 * self.font() * 0.9
    }

    /// The line naming an initiative continued from the page before.
    pub fn continuation_height(&self) -> f32 {
        self.min_row()
    }

    pub fn draw_continuation(
        &self,
        initiative: &crate::model::Initiative,
        top: f32,
        out: &mut Vec<Shape>,
    ) {
        let h = self.min_row();
        // It repeats the initiative's heading: a page break's doing, not content.
        part(out, Part::Artifact(Artifact::Pagination));
        out.push(rect(
            self.margin,
            top,
            self.width - 2.0 * self.margin,
            h,
            Some(INITIATIVE_FILL),
            None,
        ));
        let f = self.font();
        let baseline = top + self.pad() + f;
        out.push(text(
            self.cols.number.x + self.pad(),
            baseline,
            f,
            true,
            Rgb::BLACK,
            &initiative.number,
        ));
        let label = format!("{} {}（続き）", initiative.label, initiative.title);
        let Column { x, w } = self.cols.text;
        let label = TextMeasure::get().ellipsize(&label, f, true, w - 2.0 * self.pad());
        out.push(text(x + self.pad(), baseline, f, true, MUTED, &label));
        self.row_frame(top, h, out);
    }

    pub fn measure_row(&self, report: &Report, row: GridRow, m: &TextMeasure) -> MeasuredRow {
        let (text, bold) = match row {
            GridRow::Removed { change, .. } => (
                self.removed.get(&change).cloned().unwrap_or_default(),
                false,
            ),
            _ => row_text(report, row),
        };
        let Column { x: _, w: text_w } = self.cols.text;
        let badge = if matches!(row, GridRow::Entry { sub: None, .. }) {
            self.font() * 1.3
        } else {
            0.0
        };
        let width = (text_w - self.indent(row) - badge - 2.0 * self.pad()).max(self.font() * 3.0);
        let text = m.wrap(&text, self.font(), bold, width);
        let Column { x: _, w: div_w } = self.cols.division;
        let division = if div_w > 0.0 {
            let d = row_division(report, row);
            if d.is_empty() {
                Vec::new()
            } else {
                m.wrap(&d, self.font() * 0.9, false, div_w - 2.0 * self.pad())
            }
        } else {
            Vec::new()
        };
        // A row taller than a page would never print: cap the lines.
        let max_lines = ((self.body_height() - 2.0 * self.pad()) / self.line_height())
            .floor()
            .max(1.0) as usize;
        let lines = text.len().max(division.len()).clamp(1, max_lines);
        let text = cap(text, max_lines);
        let division = cap(division, max_lines);
        MeasuredRow {
            height: (lines as f32 * self.line_height() + 2.0 * self.pad()).max(self.min_row()),
            text,
            division,
        }
    }

    /// Title, fiscal year, period, as-of date, legend, column headings and footer.
    pub fn page_frame(&self, job: &PrintJob, n: usize, total: usize, out: &mut Vec<Shape>) {
        let r = job.report;
        // The first page's title, legend and column headings are the document's; later pages
        // repeat them as page headers.
        let first = n == 1;
        let content = |p: Part| {
            if first {
                p
            } else {
                Part::Artifact(Artifact::Header)
            }
        };
        let mut y = self.margin + TITLE_SIZE;
        part(out, content(Part::Title));
        out.push(text(self.margin, y, TITLE_SIZE, true, Rgb::BLACK, &r.title));
        y += META_SIZE * 1.6;
        let meta = format!(
            "{}（{}年度）　{}　{} 時点　工程 {}～{}",
            r.fiscal_year.era_form(),
            r.fiscal_year.0,
            r.period.japanese(),
            r.as_of().to_japanese(r.fiscal_year),
            r.plan_years.first.short_form_like(r.fiscal_year),
            r.plan_years.last.short_form_like(r.fiscal_year),
        );
        part(out, content(Part::Subtitle));
        out.push(text(self.margin, y, META_SIZE, false, Rgb::BLACK, &meta));
        y += META_SIZE * 1.5;
        self.legend(self.margin, y, first, out);
        self.table_header(job, first, out);
        part(out, Part::Artifact(Artifact::Footer));
        // Footer: page n / N in the middle, the printing date on the right.
        let fy = self.height - self.margin - FOOTER_SIZE * 0.4;
        let m = TextMeasure::get();
        let page = format!("{n} / {total}");
        let pw = m.width(&page, FOOTER_SIZE, false);
        out.push(text(
            (self.width - pw) / 2.0,
            fy,
            FOOTER_SIZE,
            false,
            Rgb::BLACK,
            &page,
        ));
        let date = format!("印刷日 {}", job.printed_on);
        let dw = m.width(&date, FOOTER_SIZE, false);
        out.push(text(
            self.width - self.margin - dw,
            fy,
            FOOTER_SIZE,
            false,
            MUTED,
            &date,
        ));
        out.push(text(
            self.margin,
            fy,
            FOOTER_SIZE,
            false,
            MUTED,
            &r.programme,
        ));
    }

    fn legend(&self, x0: f32, baseline: f32, first: bool, out: &mut Vec<Shape>) {
        let (words, samples) = if first {
            (Part::Legend, Part::Artifact(Artifact::Layout))
        } else {
            (
                Part::Artifact(Artifact::Header),
                Part::Artifact(Artifact::Header),
            )
        };
        let size = META_SIZE * 0.9;
        let m = TextMeasure::get();
        let mut x = x0;
        let top = baseline - size * 0.8;
        let h = size * 0.9;
        let label = |x: &mut f32, s: &str, out: &mut Vec<Shape>| {
            part(out, words.clone());
            out.push(text(*x, baseline, size, false, Rgb::BLACK, s));
            part(out, samples.clone());
            *x += m.width(s, size, false) + size;
        };
        label(&mut x, "凡例:", out);
        plan_bar(x, top, 24.0, h, out);
        x += 27.0;
        label(&mut x, "年次計画", out);
        out.push(rect(x, top, 24.0, h, Some(ACTUAL), None));
        x += 27.0;
        label(&mut x, "実績", out);
        scheduled_bar(x, top, 24.0, h, out);
        x += 27.0;
        label(&mut x, "予定（未実施）", out);
        diamond(x + 5.0, top + h / 2.0, h / 2.0, PLAN, out);
        x += 12.0;
        label(&mut x, "随時", out);
        arrow(x, x + 20.0, top + h / 2.0, Rgb::BLACK, out);
        x += 24.0;
        label(&mut x, "継続（→）", out);
        out.push(rect(
            x,
            top,
            16.0,
            h,
            Some(PERIOD),
            Some(LineStyle::solid(0.3, GRID)),
        ));
        x += 19.0;
        label(&mut x, "報告期間", out);
        out.push(line(
            x + 4.0,
            top - 1.0,
            x + 4.0,
            top + h + 1.0,
            dashed(1.0, AS_OF),
        ));
        x += 9.0;
        label(&mut x, "時点", out);
        // Plan lines: met by a result (so far), late, still to come.
        for (mark, name) in [
            (LineMark::Met, "計画に対応する実績あり"),
            (LineMark::Late, "遅れ（対応する実績なし）"),
            (LineMark::ToCome, "これから"),
        ] {
            line_mark(x + h / 2.0, top + h / 2.0, h * 0.4, mark, out);
            x += h + 2.0;
            label(&mut x, name, out);
        }
        label(&mut x, "計画外: 計画にない実績", out);
    }

    fn table_header(&self, job: &PrintJob, first: bool, out: &mut Vec<Shape>) {
        let r = job.report;
        let heading = |column: TableColumn| {
            if first {
                Part::Heading(column)
            } else {
                Part::Artifact(Artifact::Header)
            }
        };
        let decoration = if first {
            Part::Artifact(Artifact::Layout)
        } else {
            Part::Artifact(Artifact::Header)
        };
        part(out, decoration.clone());
        let top = self.margin + self.header_height();
        let h = self.table_header_height();
        let f = self.font();
        let lh = self.line_height();
        let base1 = top + self.pad() + f;
        let base2 = base1 + lh;
        out.push(rect(
            self.margin,
            top,
            self.width - 2.0 * self.margin,
            h,
            Some(SECTION_FILL),
            None,
        ));
        let bold = |x: f32, y: f32, s: &str, out: &mut Vec<Shape>| {
            out.push(text(x + self.pad(), y, f, true, Rgb::BLACK, s));
        };
        part(out, heading(TableColumn::Number));
        bold(self.cols.number.x, base2, "番号", out);
        part(out, heading(TableColumn::Text));
        bold(self.cols.text.x, base1, "具体的取組", out);
        bold(
            self.cols.text.x,
            base2,
            "　取組項目 / 見出し / 計画・実績",
            out,
        );
        let m = TextMeasure::get();
        let centered = |x: f32, w: f32, y: f32, s: &str, size: f32, out: &mut Vec<Shape>| {
            let tw = m.width(s, size, false);
            out.push(text(x + (w - tw) / 2.0, y, size, false, Rgb::BLACK, s));
        };
        let Column { x: sx, w: sw } = self.cols.stages;
        if sw > 0.0 {
            part(out, heading(TableColumn::Stages));
            centered(sx, sw, base1, "工程", f, out);
            let yw = sw / self.years as f32;
            for k in 0..self.years {
                let year = crate::model::FiscalYear(self.first_year + k as i32);
                let x = sx + yw * k as f32;
                part(out, heading(TableColumn::Stages));
                centered(x, yw, base2, &year.short_form_like(r.fiscal_year), f, out);
                part(out, decoration.clone());
                out.push(line(x, top + lh, x, top + h, LineStyle::solid(0.4, GRID)));
            }
        }
        let Column { x: mx, w: mw } = self.cols.months;
        if mw > 0.0 {
            let w = mw / 12.0;
            let fy = r.fiscal_year;
            part(out, heading(TableColumn::Months));
            for (first, last, month) in [(0usize, 8usize, 4u8), (9, 11, 1)] {
                let year = fy.calendar_year_of(month);
                let label = if last - first > 3 {
                    format!(
                        "{year}年（{}）　{}",
                        crate::model::FiscalYear(year)
                            .era_form()
                            .trim_end_matches('度'),
                        heading_of(r)
                    )
                } else {
                    format!("{year}年")
                };
                centered(
                    mx + w * first as f32,
                    w * (last - first + 1) as f32,
                    base1,
                    &label,
                    f * 0.9,
                    out,
                );
            }
            for (k, month) in FISCAL_MONTHS.iter().enumerate() {
                let x = mx + w * k as f32;
                part(out, decoration.clone());
                if self.period.contains_fiscal(k) {
                    out.push(rect(x, top + lh + self.pad(), w, lh, Some(PERIOD), None));
                }
                part(out, heading(TableColumn::Months));
                centered(x, w, base2, &format!("{month}月"), f * 0.9, out);
                part(out, decoration.clone());
                out.push(line(x, top + lh, x, top + h, LineStyle::solid(0.4, GRID)));
            }
        }
        if self.cols.division.w > 0.0 {
            part(out, heading(TableColumn::Division));
            bold(self.cols.division.x, base2, "担当課", out);
        }
        if self.cols.status.w > 0.0 {
            part(out, heading(TableColumn::Status));
            bold(self.cols.status.x, base2, "状況", out);
        }
        part(out, decoration);
        self.column_lines(top, h, out);
        out.push(line(
            self.margin,
            top + h,
            self.width - self.margin,
            top + h,
            LineStyle::solid(0.8, Rgb::BLACK),
        ));
        out.push(line(
            self.margin,
            top,
            self.width - self.margin,
            top,
            LineStyle::solid(0.8, Rgb::BLACK),
        ));
    }

    /// The rule under a row and the column lines beside it.
    fn row_frame(&self, top: f32, h: f32, out: &mut Vec<Shape>) {
        out.push(line(
            self.margin,
            top + h,
            self.width - self.margin,
            top + h,
            LineStyle::solid(0.3, GRID),
        ));
        self.column_lines(top, h, out);
    }

    fn column_lines(&self, top: f32, h: f32, out: &mut Vec<Shape>) {
        for Column { x, w } in self.cols.all().into_iter().skip(1) {
            if w > 0.0 {
                out.push(line(x, top, x, top + h, LineStyle::solid(0.5, MUTED)));
            }
        }
        let right = self.width - self.margin;
        out.push(line(
            self.margin,
            top,
            self.margin,
            top + h,
            LineStyle::solid(0.5, MUTED),
        ));
        out.push(line(
            right,
            top,
            right,
            top + h,
            LineStyle::solid(0.5, MUTED),
        ));
    }

    /// Draws `row`, the `index`th of the table's rows (for the structure: [`Part::Cell`]).
    #[allow(clippy::too_many_arguments)]
    pub fn draw_row(
        &self,
        report: &Report,
        row: GridRow,
        index: usize,
        m: &MeasuredRow,
        top: f32,
        shapes: &mut RowShapes,
    ) {
        let RowShapes {
            under,
            lines,
            content: out,
            over,
        } = shapes;
        let cell = |column: TableColumn| Part::Cell { row: index, column };
        let layout = || Part::Artifact(Artifact::Layout);
        let h = m.height;
        // What follows is this row's, whatever the row before ended with.
        part(out, layout());
        let f = self.font();
        let lh = self.line_height();
        let full = self.width - 2.0 * self.margin;
        match row {
            GridRow::Section { .. } => {
                under.push(rect(self.margin, top, full, h, Some(SECTION_FILL), None))
            }
            GridRow::Initiative { .. } => {
                under.push(rect(self.margin, top, full, h, Some(INITIATIVE_FILL), None))
            }
            _ => {}
        }
        // Period shading, then the grid of the month and year columns.
        let Column { x: mx, w: mw } = self.cols.months;
        let Column { x: sx, w: sw } = self.cols.stages;
        let months = mw > 0.0 && !matches!(row, GridRow::Section { .. });
        let w = mw / 12.0;
        if months && !matches!(row, GridRow::Initiative { .. }) {
            for k in (0..12).filter(|k| self.period.contains_fiscal(*k)) {
                under.push(rect(mx + w * k as f32, top, w, h, Some(PERIOD), None));
            }
        }
        let at = |x: f32| line(x, top, x, top + h, LineStyle::solid(0.3, GRID));
        if months {
            lines.extend((0..12).map(|k| at(mx + w * k as f32)));
        }
        if sw > 0.0 {
            let yw = sw / self.years as f32;
            lines.extend((1..self.years).map(|k| at(sx + yw * k as f32)));
        }
        if months {
            let x = mx + w * self.as_of;
            lines.push(line(x, top, x, top + h, dashed(0.9, AS_OF)));
        }
        // The number, the wrapped text, the division.
        let first_baseline = top + self.pad() + f;
        let number = match row {
            GridRow::Section { section: s } => report.sections[s].numeral.clone(),
            GridRow::Initiative {
                section: s,
                initiative: i,
            } => report.sections[s].initiatives[i].number.clone(),
            _ => String::new(),
        };
        if !number.is_empty() {
            part(out, cell(TableColumn::Number));
            out.push(text(
                self.cols.number.x + self.pad(),
                first_baseline,
                f,
                true,
                Rgb::BLACK,
                &number,
            ));
        }
        let mut x = self.cols.text.x + self.pad() + self.indent(row);
        if let GridRow::Entry {
            side, sub: None, ..
        } = row
        {
            part(
                out,
                Part::Drawn {
                    row: index,
                    column: TableColumn::Text,
                    said: spoken::side_word(side).to_string(),
                },
            );
            side_badge(x, top + self.pad(), f, side, out);
            x += f * 1.3;
        }
        let (_, bold) = row_text(report, row);
        let color = match grid::entry_of(report, row) {
            Some(e) if e.kind == EntryKind::Status => MUTED,
            _ => Rgb::BLACK,
        };
        part(out, cell(TableColumn::Text));
        for (k, l) in m.text.iter().enumerate() {
            out.push(text(x, first_baseline + lh * k as f32, f, bold, color, l));
        }
        part(out, cell(TableColumn::Division));
        for (k, l) in m.division.iter().enumerate() {
            out.push(text(
                self.cols.division.x + self.pad(),
                first_baseline + lh * k as f32,
                f * 0.9,
                false,
                Rgb::BLACK,
                l,
            ));
        }
        if self.cols.status.w > 0.0
            && let Some((label, strong)) = status_label(report, row)
        {
            part(out, cell(TableColumn::Status));
            out.push(text(
                self.cols.status.x + self.pad(),
                first_baseline,
                f * if strong { 0.95 } else { 0.8 },
                label.starts_with('!'),
                Rgb::BLACK,
                &label,
            ));
        }
        if let GridRow::Section { section: s } = row {
            let counts = section_counts(&report.sections[s], report.as_of());
            if mw > 0.0 {
                part(out, cell(TableColumn::Months));
                out.push(text(
                    mx + self.pad(),
                    first_baseline,
                    f * 0.9,
                    false,
                    Rgb::BLACK,
                    &counts.to_japanese(),
                ));
            }
        }
        // Bars: stages over years, entries over months, in a lane at the row's first line.
        let lane_top = top + self.pad();
        let lane_h = lh;
        if let GridRow::Lane {
            section: s,
            initiative: i,
            item,
            lane,
        } = row
            && sw > 0.0
            && let Some(spans) = report.sections[s].initiatives[i].items[item]
                .lanes
                .get(lane)
        {
            for span in spans {
                part(
                    out,
                    Part::Drawn {
                        row: index,
                        column: TableColumn::Stages,
                        said: spoken::stage(span, report.fiscal_year),
                    },
                );
                self.stage_bar(span, lane_top, lane_h, out);
            }
        }
        if let (GridRow::Entry { side, .. }, Some(entry)) = (row, grid::entry_of(report, row))
            && mw > 0.0
        {
            let plan_line = grid::line_mark(report, row);
            self.entry_bar(entry, side, plan_line, (index, lane_top, lane_h), out);
        }
        // Row rule and column lines.
        let rule = match row {
            GridRow::Section { .. } | GridRow::Initiative { .. } => LineStyle::solid(0.6, MUTED),
            _ => LineStyle::solid(0.3, GRID),
        };
        if matches!(row, GridRow::Section { .. } | GridRow::Initiative { .. }) {
            over.push(line(self.margin, top, self.width - self.margin, top, rule));
        }
        self.row_frame(top, h, over);
    }

    fn stage_bar(&self, span: &StageSpan, top: f32, h: f32, out: &mut Vec<Shape>) {
        let Column { x: sx, w: sw } = self.cols.stages;
        let yw = sw / self.years as f32;
        let a = (span.first.0 - self.first_year) as f32;
        let b = (span.last.0 - self.first_year) as f32 + 1.0;
        if a < 0.0 || b > self.years as f32 {
            return;
        }
        let (x0, x1) = (sx + yw * a + 1.5, sx + yw * b - 1.5);
        let y = top + h * 0.1;
        let bh = h * 0.8;
        if span.label.is_empty() {
            arrow(x0, x1, y + bh / 2.0, Rgb::BLACK, out);
            return;
        }
        out.push(rect(
            x0,
            y,
            x1 - x0,
            bh,
            Some(palette::stage(&span.label, Tone::Paper)),
            Some(LineStyle::solid(0.5, MUTED)),
        ));
        let label = if span.continues {
            format!("→ {}", span.label)
        } else {
            span.label.clone()
        };
        let m = TextMeasure::get();
        let size = self.font() * 0.9;
        let label = m.ellipsize(&label, size, false, x1 - x0 - 2.0);
        let tw = m.width(&label, size, false);
        out.push(text(
            x0 + ((x1 - x0) - tw).max(2.0) / 2.0,
            y + bh * 0.78,
            size,
            false,
            Rgb::BLACK,
            &label,
        ));
    }

    /// An entry's marks in its month lane; `(row, top, h)`: its row's index and the lane.
    fn entry_bar(
        &self,
        entry: &Entry,
        side: Side,
        plan_line: Option<LineMark>,
        (row, top, h): (usize, f32, f32),
        out: &mut Vec<Shape>,
    ) {
        let Column { x: mx, w: mw } = self.cols.months;
        let w = mw / 12.0;
        let y = top + h * 0.15;
        let bh = h * 0.7;
        for mark in grid::entry_marks(entry, side, self.as_of, plan_line) {
            let said = match mark {
                EntryMark::Unreadable => Some(spoken::unreadable(side, entry)),
                EntryMark::AsNeeded => Some(spoken::as_needed(side)),
                _ => spoken::month_run(entry, side, &mark).map(|run| run.said),
            };
            // A plan line's ●/○/late mark is said by the status column.
            part(
                out,
                match said {
                    Some(said) => Part::Drawn {
                        row,
                        column: TableColumn::Months,
                        said,
                    },
                    None => Part::Artifact(Artifact::Layout),
                },
            );
            match mark {
                EntryMark::Unreadable => {
                    out.push(text(mx + 2.0, top + h * 0.8, self.font(), true, AS_OF, "?"));
                }
                EntryMark::Covers { from, to } => out.push(line(
                    mx + w * from + 1.0,
                    y + bh / 2.0,
                    mx + w * to - 1.0,
                    y + bh / 2.0,
                    LineStyle::solid(0.8, MUTED),
                )),
                EntryMark::AsNeeded => {
                    let color = if side == Side::Plan { PLAN } else { ACTUAL };
                    diamond(mx + w * 0.4, y + bh / 2.0, bh / 2.0, color, out);
                    out.push(text(
                        mx + w * 0.4 + bh,
                        top + h * 0.8,
                        self.font() * 0.85,
                        false,
                        color,
                        "随時",
                    ));
                }
                EntryMark::Bar {
                    from,
                    to,
                    look,
                    open_end,
                    continues,
                } => {
                    let x0 = mx + w * from + 1.0;
                    let x1 = if continues {
                        (mx + w * to).max(x0 + 3.0)
                    } else {
                        mx + w * to - 1.0
                    };
                    match look {
                        BarLook::Plan => plan_bar(x0, y, x1 - x0, bh, out),
                        BarLook::Actual => out.push(rect(x0, y, x1 - x0, bh, Some(ACTUAL), None)),
                        BarLook::Scheduled => scheduled_bar(x0, y, x1 - x0, bh, out),
                    }
                    if open_end {
                        let end = if continues { x1 + w * 0.6 } else { x1 };
                        arrow(x1 - w * 0.3, end, y + bh / 2.0, Rgb::BLACK, out);
                    }
                }
                EntryMark::Line { at, mark } => {
                    let r = bh * 0.32;
                    let cx = (mx + w * at + r + 1.5).min(mx + mw - r - 0.5);
                    line_mark(cx, y + bh / 2.0, r, mark, out);
                }
            }
        }
    }
}

fn cap(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// What the status column says for a row, and whether it is a row's own status (larger):
/// initiative and topic status, a plan line's status, 計画外 for a result reporting nothing
/// planned. Late ones are marked with ! so they read without colour.
fn status_label(report: &Report, row: GridRow) -> Option<(String, bool)> {
    let as_of = report.as_of();
    let (status, strong) = match row {
        GridRow::Initiative {
            section: s,
            initiative: i,
        } => (
            initiative_status(&report.sections[s].initiatives[i], as_of).japanese(),
            true,
        ),
        GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        } => {
            let initiative = &report.sections[s].initiatives[i];
            (
                topic_status(initiative, &initiative.topics[t], as_of).japanese(),
                true,
            )
        }
        GridRow::Entry { .. } if grid::is_unplanned(report, row) => ("計画外", false),
        GridRow::Entry {
            side: Side::Plan, ..
        } => {
            let initiative = grid::initiative_of(report, row)?;
            let entry = grid::entry_of(report, row)?;
            (
                plan_entry_status(initiative, entry, as_of)?.japanese(),
                false,
            )
        }
        _ => return None,
    };
    let late = status == "遅れ";
    Some((
        if late {
            format!("!{status}")
        } else {
            status.to_string()
        },
        strong,
    ))
}

/// The month lanes' heading: the plan and the period's actual heading.
fn heading_of(report: &Report) -> String {
    format!("年次計画 / {}", report.actual_heading())
}

/// The text a row prints in the text column, and whether it is bold.
fn row_text(report: &Report, row: GridRow) -> (String, bool) {
    match row {
        GridRow::Section { section: s } => {
            let sec = &report.sections[s];
            (format!("{} {}", sec.numeral, sec.title), true)
        }
        GridRow::Initiative {
            section: s,
            initiative: i,
        } => {
            let ini = &report.sections[s].initiatives[i];
            (
                format!("{} {}", ini.label, ini.title).trim().to_string(),
                true,
            )
        }
        GridRow::Lane {
            section: s,
            initiative: i,
            item,
            lane,
        } => {
            let it = &report.sections[s].initiatives[i].items[item];
            if lane == 0 {
                (it.display_name(), false)
            } else {
                ("└".to_string(), false)
            }
        }
        GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        } => {
            let topic = &report.sections[s].initiatives[i].topics[t];
            (
                topic
                    .heading
                    .as_ref()
                    .map_or_else(|| "（見出しなし）".to_string(), |h| format!("<{h}>")),
                false,
            )
        }
        GridRow::Entry { .. } => {
            let e = grid::entry_of(report, row).expect("an entry row has an entry");
            // Printed as written: the full text, months and counts included.
            (
                if e.subs.is_empty() || row_is_sub(row) {
                    e.text.clone()
                } else {
                    crate::model::entry_text::own_text(e)
                },
                false,
            )
        }
        // Their text is the comparison's (Geometry::removed), set in measure_row.
        GridRow::Removed { .. } => (String::new(), false),
    }
}

fn row_is_sub(row: GridRow) -> bool {
    matches!(row, GridRow::Entry { sub: Some(_), .. })
}

fn row_division(report: &Report, row: GridRow) -> String {
    match row {
        GridRow::Initiative {
            section: s,
            initiative: i,
        } => report.sections[s].initiatives[i].all_divisions().join("、"),
        GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        } => {
            let ini = &report.sections[s].initiatives[i];
            ini.division_of(&ini.topics[t]).unwrap_or("").to_string()
        }
        _ => String::new(),
    }
}

/// The shapes pushed after this are `p` (see [`Shape::Part`]).
fn part(out: &mut Vec<Shape>, p: Part) {
    out.push(Shape::Part(p));
}

fn text(x: f32, y: f32, size: f32, bold: bool, color: Rgb, s: &str) -> Shape {
    Shape::Text {
        x,
        y,
        size,
        bold,
        color,
        text: s.to_string(),
    }
}

fn rect(x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<LineStyle>) -> Shape {
    Shape::Rect {
        x,
        y,
        w,
        h,
        fill,
        stroke,
    }
}

fn line(x1: f32, y1: f32, x2: f32, y2: f32, style: LineStyle) -> Shape {
    Shape::Line {
        x1,
        y1,
        x2,
        y2,
        style,
    }
}

fn dashed(width: f32, color: Rgb) -> LineStyle {
    LineStyle {
        width,
        color,
        dash: Some((2.0, 1.5)),
    }
}

/// Plan: white box, diagonal hatching, outline.
fn plan_bar(x: f32, y: f32, w: f32, h: f32, out: &mut Vec<Shape>) {
    out.push(rect(x, y, w, h, Some(Rgb::WHITE), None));
    out.push(Shape::Hatch {
        x,
        y,
        w,
        h,
        step: 3.0,
        style: LineStyle::solid(0.5, PLAN_HATCH),
    });
    out.push(rect(x, y, w, h, None, Some(LineStyle::solid(0.9, PLAN))));
}

fn scheduled_bar(x: f32, y: f32, w: f32, h: f32, out: &mut Vec<Shape>) {
    out.push(rect(
        x,
        y,
        w,
        h,
        Some(SCHEDULED_FILL),
        Some(dashed(0.9, ACTUAL)),
    ));
}

/// A plan line's mark: met (filled), to come (hollow), late (red, with a bar across).
fn line_mark(cx: f32, cy: f32, r: f32, mark: LineMark, out: &mut Vec<Shape>) {
    let circle: Vec<(f32, f32)> = (0..12)
        .map(|k| {
            let a = k as f32 * std::f32::consts::TAU / 12.0;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    match mark {
        LineMark::Met => out.push(Shape::Polygon {
            points: circle,
            fill: PLAN,
        }),
        LineMark::ToCome => {
            out.push(Shape::Polygon {
                points: circle.clone(),
                fill: PLAN,
            });
            let inner = circle
                .iter()
                .map(|(x, y)| (cx + (x - cx) * 0.6, cy + (y - cy) * 0.6))
                .collect();
            out.push(Shape::Polygon {
                points: inner,
                fill: Rgb::WHITE,
            });
        }
        LineMark::Late => {
            out.push(Shape::Polygon {
                points: circle,
                fill: AS_OF,
            });
            out.push(line(
                cx - r * 0.6,
                cy,
                cx + r * 0.6,
                cy,
                LineStyle::solid(r * 0.4, Rgb::WHITE),
            ));
        }
    }
}

fn diamond(cx: f32, cy: f32, r: f32, fill: Rgb, out: &mut Vec<Shape>) {
    out.push(Shape::Polygon {
        points: vec![(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
        fill,
    });
}

fn arrow(x0: f32, x1: f32, y: f32, color: Rgb, out: &mut Vec<Shape>) {
    let head = 3.0_f32.min((x1 - x0).abs());
    out.push(line(
        x0,
        y,
        x1 - head * 0.5,
        y,
        LineStyle::solid(0.8, color),
    ));
    out.push(Shape::Polygon {
        points: vec![
            (x1, y),
            (x1 - head, y - head * 0.6),
            (x1 - head, y + head * 0.6),
        ],
        fill: color,
    });
}

/// 計 (outlined) or 実 (solid) in front of an entry.
fn side_badge(x: f32, top: f32, f: f32, side: Side, out: &mut Vec<Shape>) {
    let s = f * 1.1;
    match side {
        Side::Plan => {
            out.push(rect(
                x,
                top + f * 0.05,
                s,
                s,
                Some(Rgb::WHITE),
                Some(LineStyle::solid(0.6, PLAN)),
            ));
            out.push(text(
                x + (s - f * 0.85) / 2.0,
                top + f * 0.9,
                f * 0.85,
                false,
                PLAN,
                "計",
            ));
        }
        Side::Actual => {
            out.push(rect(x, top + f * 0.05, s, s, Some(ACTUAL), None));
            out.push(text(
                x + (s - f * 0.85) / 2.0,
                top + f * 0.9,
                f * 0.85,
                true,
                Rgb::WHITE,
                "実",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vertical(x: f32, y1: f32, y2: f32, style: LineStyle) -> Shape {
        line(x, y1, x, y2, style)
    }

    #[test]
    fn a_column_line_down_the_rows_is_one_line_until_a_gap_or_another_look() {
        let grid = LineStyle::solid(0.3, GRID);
        let rule = LineStyle::solid(0.5, MUTED);
        let joined = joined(vec![
            vertical(10.0, 0.0, 5.0, grid),
            vertical(20.0, 0.0, 5.0, grid),
            vertical(10.0, 5.0, 9.0, grid),
            vertical(10.0, 9.0, 12.0, rule),
            vertical(10.0, 15.0, 20.0, grid),
            rect(30.0, 0.0, 4.0, 5.0, Some(PERIOD), None),
            rect(30.0, 5.0, 4.0, 5.0, Some(PERIOD), None),
            rect(30.0, 10.0, 4.0, 5.0, Some(PERIOD), Some(grid)),
        ]);
        assert_eq!(
            joined,
            vec![
                vertical(10.0, 0.0, 9.0, grid),
                vertical(20.0, 0.0, 5.0, grid),
                vertical(10.0, 9.0, 12.0, rule),
                vertical(10.0, 15.0, 20.0, grid),
                rect(30.0, 0.0, 4.0, 10.0, Some(PERIOD), None),
                rect(30.0, 10.0, 4.0, 5.0, Some(PERIOD), Some(grid)),
            ]
        );
    }

    #[test]
    fn shapes_are_grouped_by_look_in_the_order_looks_first_appear() {
        let grid = LineStyle::solid(0.3, GRID);
        let as_of = dashed(0.9, AS_OF);
        let grouped = by_look(vec![
            vertical(1.0, 0.0, 5.0, grid),
            vertical(2.0, 0.0, 5.0, as_of),
            vertical(3.0, 5.0, 9.0, grid),
        ]);
        assert_eq!(
            grouped,
            vec![
                vertical(1.0, 0.0, 5.0, grid),
                vertical(3.0, 5.0, 9.0, grid),
                vertical(2.0, 0.0, 5.0, as_of),
            ]
        );
    }
}

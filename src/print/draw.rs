//! Where everything goes on a printed page: the column geometry (scaled to fit the page
//! width) and each row's shapes; the page header and footer with the repeated column headings
//! (`frame.rs`), what is drawn rather than written (`bars.rs`), what each cell says
//! (`cells.rs`), the numbers' columns (`measures.rs`), and the layers a page's rows are drawn
//! in (`layers.rs`).

mod bars;
mod cells;
mod frame;
mod layers;
pub(super) mod measures;

use std::ops::Range;

use super::text::TextMeasure;
use super::{Artifact, LineStyle, Part, PrintJob, Rgb, Shape, TableColumn};
use crate::grid::{self, GridRow, Standings};
use crate::model::{EntryKind, Initiative, Report, StageSpan};
use crate::palette::{self, AS_OF, INITIATIVE_FILL, MUTED, SECTION_FILL, Tone};
use crate::spoken;
use bars::side_badge;
use cells::{row_division, row_text, status_label};
pub use layers::RowShapes;

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
    /// What a comparison's removed rows say, by change (see `print/marks.rs`).
    removed: std::collections::HashMap<usize, String>,
    /// The report's title in lines of the page's width.
    title: Vec<String>,
    /// The lines the legend takes at this page's width.
    legend_lines: usize,
    /// The rating scale indexed once: each row's 評価 cell looks its codes up.
    levels: crate::model::measures::LevelIndex,
    /// Printed with a comparison's marks: what it is compared with, said in the legend with
    /// what the marks mean (a handout carried outlines and ＋ rows no page explained).
    compared_with: Option<String>,
}

/// What makes a numbers' column's paragraphs for an initiative's row.
type CellMaker<'a> = dyn Fn(&Report, &Initiative) -> Vec<measures::Paragraph> + 'a;

/// A row's text wrapped to its columns, every line of it.
pub struct MeasuredRow {
    /// The whole row's height.
    pub height: f32,
    /// Its lines: the most of any of its columns (at least one).
    pub lines: usize,
    text: Vec<String>,
    /// The text printed bold (a section's or an initiative's): kept, not asked again for each
    /// piece (the asking put the whole text together: a title of millions of characters, once
    /// for each of its pages).
    bold: bool,
    division: Vec<String>,
    /// A stage lane's stage labels, each in lines of its bar's width (none for an arrow).
    stages: Vec<Vec<String>>,
    /// An initiative's 数値目標, 効果額 and 評価 cells, in lines of their columns' widths.
    measures: [Vec<String>; 3],
}

/// A piece of a row where it is drawn: the row, its index in the table's rows (for the
/// structure: [`Part::Cell`]), its text measured, the lines printed here (all of them unless
/// the row is taller than a page) and the piece's top.
pub struct Placed<'a> {
    pub row: GridRow,
    pub index: usize,
    pub measured: &'a MeasuredRow,
    pub lines: Range<usize>,
    pub top: f32,
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
    indicators: Column,
    effect: Column,
    rating: Column,
}

impl Columns {
    /// Laid side by side from `x`, each its natural width times `scale`.
    fn from_widths(x: f32, natural: [f32; 9], scale: f32) -> Columns {
        let mut x = x;
        let mut next = |w: f32| {
            let c = Column { x, w: w * scale };
            x += w * scale;
            c
        };
        let [
            number,
            text,
            stages,
            months,
            division,
            status,
            indicators,
            effect,
            rating,
        ] = natural.map(&mut next);
        Columns {
            number,
            text,
            stages,
            months,
            division,
            status,
            indicators,
            effect,
            rating,
        }
    }

    fn all(&self) -> [Column; 9] {
        [
            self.number,
            self.text,
            self.stages,
            self.months,
            self.division,
            self.status,
            self.indicators,
            self.effect,
            self.rating,
        ]
    }

    /// The numbers' columns: 数値目標, 効果額, 評価.
    fn measures(&self) -> [(TableColumn, Column); 3] {
        [
            (TableColumn::Indicators, self.indicators),
            (TableColumn::Effect, self.effect),
            (TableColumn::Rating, self.rating),
        ]
    }
}

/// The 番号 column's natural width: 20, or what the widest number (木津川市's `No.R2-10`, a
/// section's numeral) needs in bold with the cell's padding. The text is 6 points per unit of
/// scale (times `text_scale`) and the column scales alike, so the width needed at scale 1 is the
/// text's width at 6 points times the text scale (taken as at least 1: a smaller text then has
/// room to spare).
fn number_width(report: &Report, text_scale: f32) -> f32 {
    let measure = TextMeasure::get();
    let numbers = report.sections.iter().flat_map(|s| {
        std::iter::once(s.numeral.as_str()).chain(s.initiatives.iter().map(|i| i.number.as_str()))
    });
    let widest = numbers
        .map(|n| measure.width(n, 1.0, true))
        .fold(0.0, f32::max);
    (6.0 * text_scale.max(1.0) * (widest + 0.4)).max(20.0)
}

impl Geometry {
    pub fn new(job: &PrintJob, width: f32, height: f32, text_scale: f32) -> Geometry {
        let report = job.report;
        let c = job.setup.columns;
        let years = report.plan_years.len().max(1);
        let present = if c.measures {
            measures::Present::of(report)
        } else {
            measures::Present::default()
        };
        let width_if = |shown: bool, w: f32| if shown { w } else { 0.0 };
        // Natural widths at scale 1; the whole table is then scaled to the page width.
        let natural = [
            number_width(report, text_scale),
            190.0,
            if c.stages { 30.0 * years as f32 } else { 0.0 },
            if c.months { 12.0 * 17.0 } else { 0.0 },
            if c.division { 72.0 } else { 0.0 },
            if c.status { 32.0 } else { 0.0 },
            width_if(present.indicators, 120.0),
            width_if(present.effects, 50.0),
            width_if(present.ratings, 48.0),
        ];
        let margin = job.setup.margin_mm * super::MM;
        let available = width - 2.0 * margin;
        let total: f32 = natural.iter().sum();
        let scale = available / total;
        let cols = Columns::from_widths(margin, natural, scale);
        let title = TextMeasure::get().wrap(&report.title, TITLE_SIZE, true, available);
        let mut geometry = Geometry {
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
            removed: job.comparison.map(removed_texts).unwrap_or_default(),
            title,
            legend_lines: 1,
            levels: report.measure_settings.level_index(),
            compared_with: job.comparison.map(|c| c.label.clone()),
        };
        geometry.legend_lines = geometry.legend(margin, 0.0, false, &mut Vec::new());
        geometry
    }

    /// Each printed column's left edge and width, left to right (番号, 具体的取組, 工程, 月別,
    /// 担当課, 状況, 数値目標, 効果額, 評価); a column not printed has width 0.
    pub fn column_boxes(&self) -> [(f32, f32); 9] {
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

    /// The title's lines, the line under it and the legend's lines.
    fn header_height(&self) -> f32 {
        let title = TITLE_SIZE * 1.5 * self.title.len().max(1) as f32;
        title + META_SIZE * 1.5 * (1 + self.legend_lines) as f32 + 4.0
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
        let label = (initiative.label.chars().chain([' ']))
            .chain(initiative.title.chars())
            .chain("（続き）".chars());
        let Column { x, w } = self.cols.text;
        let label = TextMeasure::get().ellipsize_chars(label, f, true, w - 2.0 * self.pad());
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
        let stages = match lane_spans(report, row) {
            Some(spans) if self.cols.stages.w > 0.0 => spans
                .iter()
                .map(|span| self.stage_label_lines(span, m))
                .collect(),
            _ => Vec::new(),
        };
        let measures = self.measure_cells(report, row, m);
        // Every line is kept: a row taller than a page continues on the next (see
        // `super::paginate`), so the row is as tall as its text.
        let lines = text
            .len()
            .max(division.len())
            .max(measures.iter().map(Vec::len).max().unwrap_or(0))
            .max(stages.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        MeasuredRow {
            height: lines as f32 * self.line_height() + 2.0 * self.pad(),
            lines,
            text,
            bold,
            division,
            stages,
            measures,
        }
    }

    /// An initiative's numbers' cells wrapped to their columns (nothing for other rows, or
    /// where the columns are not printed).
    fn measure_cells(&self, report: &Report, row: GridRow, m: &TextMeasure) -> [Vec<String>; 3] {
        let mut cells: [Vec<String>; 3] = Default::default();
        let Some(initiative) = (match row {
            GridRow::Initiative { .. } => grid::initiative_of(report, row),
            _ => None,
        }) else {
            return cells;
        };
        let ratings = |r: &Report, i: &Initiative| measures::ratings(r, &self.levels, i);
        let makers: [&CellMaker; 3] = [&measures::indicators, &measures::effect, &ratings];
        for ((cell, make), (_, column)) in cells.iter_mut().zip(makers).zip(self.cols.measures()) {
            if column.w <= 0.0 {
                continue;
            }
            let width = column.w - 2.0 * self.pad();
            for paragraph in make(report, initiative) {
                cell.extend(measures::flow(&paragraph, m, self.font() * 0.9, width));
            }
        }
        cells
    }

    /// The room under the title on a page after the grid's: its top and bottom, the left
    /// margin and the width between the margins.
    pub fn plain_body(&self) -> (f32, f32, f32, f32) {
        (
            self.plain_body_top(),
            self.height - self.margin - self.footer_height(),
            self.margin,
            self.width - 2.0 * self.margin,
        )
    }

    /// The height of a piece of a row: the whole row's, or its lines' with the padding above
    /// (a continued piece too) and below only where the row ends.
    pub fn piece_height(&self, m: &MeasuredRow, lines: &Range<usize>) -> f32 {
        if lines.start == 0 && lines.end >= m.lines {
            return m.height;
        }
        let below = if lines.end >= m.lines {
            self.pad()
        } else {
            0.0
        };
        self.pad() + lines.len() as f32 * self.line_height() + below
    }

    /// What a row's lines need on a page, for cutting a row taller than a page: the height of
    /// one line and the padding above and below the lines.
    pub fn line_and_pad(&self) -> (f32, f32) {
        (self.line_height(), self.pad())
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

    /// Draws a piece of a row (all of it, unless it continues from or onto another page): the
    /// shading and grid under it, its cells, its bars, and the rules.
    pub fn draw_row(
        &self,
        report: &Report,
        standings: &Standings,
        at: &Placed,
        shapes: &mut RowShapes,
    ) {
        let h = self.piece_height(at.measured, &at.lines);
        self.row_under(at.row, at.top, h, shapes);
        // What follows is this row's, whatever the row before ended with.
        part(&mut shapes.content, Part::Artifact(Artifact::Layout));
        if at.lines.start == 0 {
            self.row_heads(report, standings, at, &mut shapes.content);
        }
        self.row_lines(report, at, &mut shapes.content);
        self.row_bars(report, standings, at, &mut shapes.content);
        // Row rule and column lines.
        if matches!(at.row, GridRow::Section { .. } | GridRow::Initiative { .. })
            && at.lines.start == 0
        {
            let rule = LineStyle::solid(0.6, MUTED);
            let (left, right) = (self.margin, self.width - self.margin);
            shapes.over.push(line(left, at.top, right, at.top, rule));
        }
        self.row_frame(at.top, h, &mut shapes.over);
    }

    /// The fills, period shading, and the grid of the month and year columns under a row.
    fn row_under(&self, row: GridRow, top: f32, h: f32, shapes: &mut RowShapes) {
        let full = self.width - 2.0 * self.margin;
        match row {
            GridRow::Section { .. } => {
                shapes
                    .under
                    .push(rect(self.margin, top, full, h, Some(SECTION_FILL), None))
            }
            GridRow::Initiative { .. } => {
                shapes
                    .under
                    .push(rect(self.margin, top, full, h, Some(INITIATIVE_FILL), None))
            }
            _ => {}
        }
        let Column { x: mx, w: mw } = self.cols.months;
        let Column { x: sx, w: sw } = self.cols.stages;
        let months = mw > 0.0 && !matches!(row, GridRow::Section { .. });
        let w = mw / 12.0;
        if months && !matches!(row, GridRow::Initiative { .. }) {
            for k in (0..12).filter(|k| self.period.contains_fiscal(*k)) {
                let shading = rect(mx + w * k as f32, top, w, h, Some(PERIOD), None);
                shapes.under.push(shading);
            }
        }
        let at = |x: f32| line(x, top, x, top + h, LineStyle::solid(0.3, GRID));
        if months {
            shapes.lines.extend((0..12).map(|k| at(mx + w * k as f32)));
        }
        if sw > 0.0 {
            let yw = sw / self.years as f32;
            shapes
                .lines
                .extend((1..self.years).map(|k| at(sx + yw * k as f32)));
        }
        if months {
            let x = mx + w * self.as_of;
            shapes
                .lines
                .push(line(x, top, x, top + h, dashed(0.9, AS_OF)));
        }
    }

    /// What only a row's first piece shows, on its first line: the number, the 計/実 badge,
    /// the status and a section's counts.
    fn row_heads(&self, report: &Report, standings: &Standings, at: &Placed, out: &mut Vec<Shape>) {
        let cell = |column: TableColumn| Part::Cell {
            row: at.index,
            column,
        };
        let f = self.font();
        let first_baseline = at.top + self.pad() + f;
        let number = match at.row {
            GridRow::Section { section: s } => report.sections[s].numeral.clone(),
            GridRow::Initiative {
                section: s,
                initiative: i,
            } => report.sections[s].initiatives[i].number.clone(),
            _ => String::new(),
        };
        if !number.is_empty() {
            part(out, cell(TableColumn::Number));
            let x = self.cols.number.x + self.pad();
            out.push(text(x, first_baseline, f, true, Rgb::BLACK, &number));
        }
        if let GridRow::Entry {
            side, sub: None, ..
        } = at.row
        {
            part(
                out,
                Part::Drawn {
                    row: at.index,
                    column: TableColumn::Text,
                    said: spoken::side_word(side).to_string(),
                },
            );
            let x = self.cols.text.x + self.pad() + self.indent(at.row);
            side_badge(x, at.top + self.pad(), f, side, out);
        }
        if self.cols.status.w > 0.0
            && let Some((label, strong)) = status_label(report, standings, at.row)
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
        if let GridRow::Section { section: s } = at.row
            && self.cols.months.w > 0.0
        {
            let counts = standings.section_counts(s);
            part(out, cell(TableColumn::Months));
            let x = self.cols.months.x + self.pad();
            let size = f * 0.9;
            out.push(text(
                x,
                first_baseline,
                size,
                false,
                Rgb::BLACK,
                &counts.to_japanese(),
            ));
        }
    }

    /// The piece's lines of the text and 担当課 columns.
    fn row_lines(&self, report: &Report, at: &Placed, out: &mut Vec<Shape>) {
        let f = self.font();
        let lh = self.line_height();
        let first_baseline = at.top + self.pad() + f;
        let badge = if matches!(at.row, GridRow::Entry { sub: None, .. }) {
            f * 1.3
        } else {
            0.0
        };
        let x = self.cols.text.x + self.pad() + self.indent(at.row) + badge;
        let bold = at.measured.bold;
        let color = match grid::entry_of(report, at.row) {
            Some(e) if e.kind == EntryKind::Status => MUTED,
            _ => Rgb::BLACK,
        };
        let cell = |column: TableColumn| Part::Cell {
            row: at.index,
            column,
        };
        let here = |lines: &[String]| {
            let end = at.lines.end.min(lines.len());
            let start = at.lines.start.min(end);
            lines[start..end].to_vec()
        };
        part(out, cell(TableColumn::Text));
        for (k, l) in here(&at.measured.text).iter().enumerate() {
            out.push(text(x, first_baseline + lh * k as f32, f, bold, color, l));
        }
        part(out, cell(TableColumn::Division));
        let x = self.cols.division.x + self.pad();
        for (k, l) in here(&at.measured.division).iter().enumerate() {
            let y = first_baseline + lh * k as f32;
            out.push(text(x, y, f * 0.9, false, Rgb::BLACK, l));
        }
        for ((column, Column { x, w }), lines) in
            self.cols.measures().into_iter().zip(&at.measured.measures)
        {
            if w <= 0.0 {
                continue;
            }
            part(out, cell(column));
            for (k, l) in here(lines).iter().enumerate() {
                let y = first_baseline + lh * k as f32;
                out.push(text(x + self.pad(), y, f * 0.9, false, Rgb::BLACK, l));
            }
        }
    }

    /// Stages over the years (their labels' lines on this piece) and an entry's bars over the
    /// months (on its first line).
    fn row_bars(&self, report: &Report, standings: &Standings, at: &Placed, out: &mut Vec<Shape>) {
        let lane_top = at.top + self.pad();
        let lh = self.line_height();
        if let Some(spans) = lane_spans(report, at.row)
            && self.cols.stages.w > 0.0
        {
            for (span, label) in spans.iter().zip(&at.measured.stages) {
                // The stage is said once, where it starts; a label continued is drawing.
                part(
                    out,
                    if at.lines.start == 0 {
                        Part::Drawn {
                            row: at.index,
                            column: TableColumn::Stages,
                            said: spoken::stage(span, report.fiscal_year),
                        }
                    } else {
                        Part::Artifact(Artifact::Layout)
                    },
                );
                self.stage_bar(span, label, at.lines.clone(), lane_top, out);
            }
        }
        if let (GridRow::Entry { side, .. }, Some(entry)) = (at.row, grid::entry_of(report, at.row))
            && self.cols.months.w > 0.0
            && at.lines.start == 0
        {
            let plan_line = standings.line_mark(report, at.row);
            self.entry_bar(entry, side, plan_line, (at.index, lane_top, lh), out);
        }
    }
}

/// The stages of a lane row, in the lane's order.
fn lane_spans(report: &Report, row: GridRow) -> Option<&[StageSpan]> {
    let GridRow::Lane {
        section: s,
        initiative: i,
        item,
        lane,
    } = row
    else {
        return None;
    };
    let item = report
        .sections
        .get(s)?
        .initiatives
        .get(i)?
        .items
        .get(item)?;
    item.lanes.get(lane).map(Vec::as_slice)
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

/// What each removed row says, by the change's index.
fn removed_texts(c: &crate::compare::Comparison) -> std::collections::HashMap<usize, String> {
    (0..c.diff().changes.len())
        .map(|k| (k, c.removed_text(k, crate::lang::Lang::Ja)))
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

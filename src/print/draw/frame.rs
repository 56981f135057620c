//! What every page has around its rows: the title, fiscal year, period and as-of date, the
//! legend, the column headings and the footer.

use super::super::text::TextMeasure;
use super::super::{Artifact, LineStyle, Part, PrintJob, Rgb, Shape, TableColumn};
use super::bars::{arrow, diamond, line_mark, plan_bar, scheduled_bar};
use super::{
    ACTUAL, Column, FOOTER_SIZE, GRID, Geometry, META_SIZE, PERIOD, TITLE_SIZE, dashed, line, part,
    rect, text,
};
use crate::model::Report;
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::LineMark;
use crate::palette::{AS_OF, MUTED, PLAN, SECTION_FILL};

impl Geometry {
    /// Title, fiscal year, period, as-of date, legend, column headings and footer.
    pub fn page_frame(&self, job: &PrintJob, n: usize, total: usize, out: &mut Vec<Shape>) {
        // The first page's title, legend and column headings are the document's; later pages
        // repeat them as page headers.
        let first = n == 1;
        let y = self.title_lines(job, first, out);
        self.legend(self.margin, y, first, out);
        self.table_header(job, first, out);
        self.footer(job, n, total, out);
    }

    /// A page after the grid's (the 集計表's): the title and the line under it as page headers,
    /// and the footer; no legend or column headings.
    pub fn plain_frame(&self, job: &PrintJob, n: usize, total: usize, out: &mut Vec<Shape>) {
        self.title_lines(job, false, out);
        self.footer(job, n, total, out);
    }

    /// Where the body of a page after the grid's starts: under the title and the line under it.
    pub fn plain_body_top(&self) -> f32 {
        self.margin + TITLE_SIZE * 1.5 * self.title.len().max(1) as f32 + META_SIZE * 2.5
    }

    /// The title and the line under it (fiscal year, period, as-of date, plan years); returns
    /// the baseline of the line after them.
    fn title_lines(&self, job: &PrintJob, first: bool, out: &mut Vec<Shape>) -> f32 {
        let r = job.report;
        let content = |p: Part| {
            if first {
                p
            } else {
                Part::Artifact(Artifact::Header)
            }
        };
        let mut y = self.margin + TITLE_SIZE;
        part(out, content(Part::Title));
        for (k, l) in self.title.iter().enumerate() {
            if k > 0 {
                y += TITLE_SIZE * 1.5;
            }
            out.push(text(self.margin, y, TITLE_SIZE, true, Rgb::BLACK, l));
        }
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
        y + META_SIZE * 1.5
    }

    /// Page n / N in the middle, the printing date on the right, the programme on the left.
    fn footer(&self, job: &PrintJob, n: usize, total: usize, out: &mut Vec<Shape>) {
        let r = job.report;
        part(out, Part::Artifact(Artifact::Footer));
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

    /// The legend from `x0` on the line of `baseline`, its entries flowing onto further lines
    /// where the page is narrow (A4 portrait); returns the lines it took.
    pub(super) fn legend(
        &self,
        x0: f32,
        baseline: f32,
        first: bool,
        out: &mut Vec<Shape>,
    ) -> usize {
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
        let h = size * 0.9;
        let right = self.width - self.margin;
        let (mut x, mut baseline, mut lines) = (x0, baseline, 1);
        // Lines after the first start under the first entry's sample.
        let indent = x0 + m.width(LEGEND[0].1, size, false) + size;
        let compared = self.compared_with.as_ref().map(|label| {
            let label = crate::model::text::clipped(label, 60);
            [
                (Sample::Nothing, format!("比較（{label}との違い）:")),
                (Sample::Changed, "変更".to_string()),
                (Sample::Nothing, "＋ 追加".to_string()),
                (Sample::Nothing, "－ 削除（取り消し線）".to_string()),
            ]
        });
        let entries =
            (LEGEND.iter().map(|&(s, w)| (s, w.to_string()))).chain(compared.into_iter().flatten());
        for (sample, word) in entries {
            let word = word.as_str();
            let wide = sample.width(h) + m.width(word, size, false);
            if x > indent && x + wide > right {
                x = indent;
                baseline += META_SIZE * 1.5;
                lines += 1;
            }
            part(out, samples.clone());
            sample.draw(x, baseline - size * 0.8, h, out);
            x += sample.width(h);
            part(out, words.clone());
            out.push(text(x, baseline, size, false, Rgb::BLACK, word));
            x += m.width(word, size, false) + size;
        }
        lines
    }

    fn table_header(&self, job: &PrintJob, first: bool, out: &mut Vec<Shape>) {
        let r = job.report;
        let top = self.margin + self.header_height();
        let (f, lh) = (self.font(), self.line_height());
        let base1 = top + self.pad() + f;
        let at = HeaderPlace {
            first,
            top,
            h: self.table_header_height(),
            lh,
            base1,
            base2: base1 + lh,
        };
        let h = at.h;
        part(out, at.decoration());
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
        part(out, at.heading(TableColumn::Number));
        bold(self.cols.number.x, at.base2, "番号", out);
        part(out, at.heading(TableColumn::Text));
        bold(self.cols.text.x, base1, "具体的取組", out);
        bold(
            self.cols.text.x,
            at.base2,
            "　取組項目 / 見出し / 計画・実績",
            out,
        );
        if self.cols.stages.w > 0.0 {
            self.stages_heading(r, &at, out);
        }
        if self.cols.months.w > 0.0 {
            self.months_heading(r, &at, out);
        }
        if self.cols.division.w > 0.0 {
            part(out, at.heading(TableColumn::Division));
            bold(self.cols.division.x, at.base2, "担当課", out);
        }
        if self.cols.status.w > 0.0 {
            part(out, at.heading(TableColumn::Status));
            bold(self.cols.status.x, at.base2, "状況", out);
        }
        let unit = r.measure_settings.yen_unit.label();
        let unit = format!("（{unit}）");
        let measures = [
            ("数値目標", "目標・実績・達成率"),
            ("効果額", &unit),
            ("評価", "自己・本部"),
        ];
        for ((column, Column { x, w }), (line1, line2)) in
            self.cols.measures().into_iter().zip(measures)
        {
            if w > 0.0 {
                part(out, at.heading(column));
                bold(x, base1, line1, out);
                bold(x, at.base2, line2, out);
            }
        }
        part(out, at.decoration());
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

    /// 工程 over the plan years, one column per year.
    fn stages_heading(&self, r: &Report, at: &HeaderPlace, out: &mut Vec<Shape>) {
        let f = self.font();
        let Column { x: sx, w: sw } = self.cols.stages;
        part(out, at.heading(TableColumn::Stages));
        centered(sx, sw, at.base1, "工程", f, out);
        let yw = sw / self.years as f32;
        for k in 0..self.years {
            let year = crate::model::FiscalYear(self.first_year + k as i32);
            let x = sx + yw * k as f32;
            part(out, at.heading(TableColumn::Stages));
            centered(
                x,
                yw,
                at.base2,
                &year.short_form_like(r.fiscal_year),
                f,
                out,
            );
            part(out, at.decoration());
            out.push(line(
                x,
                at.top + at.lh,
                x,
                at.top + at.h,
                LineStyle::solid(0.4, GRID),
            ));
        }
    }

    /// The calendar years over the twelve months of the fiscal year, the period's months
    /// filled.
    fn months_heading(&self, r: &Report, at: &HeaderPlace, out: &mut Vec<Shape>) {
        let f = self.font();
        let Column { x: mx, w: mw } = self.cols.months;
        let (top, h, lh) = (at.top, at.h, at.lh);
        let w = mw / 12.0;
        let fy = r.fiscal_year;
        part(out, at.heading(TableColumn::Months));
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
                at.base1,
                &label,
                f * 0.9,
                out,
            );
        }
        for (k, month) in FISCAL_MONTHS.iter().enumerate() {
            let x = mx + w * k as f32;
            part(out, at.decoration());
            if self.period.contains_fiscal(k) {
                out.push(rect(x, top + lh + self.pad(), w, lh, Some(PERIOD), None));
            }
            part(out, at.heading(TableColumn::Months));
            centered(x, w, at.base2, &format!("{month}月"), f * 0.9, out);
            part(out, at.decoration());
            out.push(line(x, top + lh, x, top + h, LineStyle::solid(0.4, GRID)));
        }
    }
}

/// Where the column headings' two lines stand, and whether they are the table's first (tagged
/// as headings) or repeated on a later page (a page header, an artifact).
struct HeaderPlace {
    first: bool,
    top: f32,
    h: f32,
    lh: f32,
    base1: f32,
    base2: f32,
}

impl HeaderPlace {
    fn heading(&self, column: TableColumn) -> Part {
        if self.first {
            Part::Heading(column)
        } else {
            Part::Artifact(Artifact::Header)
        }
    }

    fn decoration(&self) -> Part {
        if self.first {
            Part::Artifact(Artifact::Layout)
        } else {
            Part::Artifact(Artifact::Header)
        }
    }
}

/// A regular text centred in `w` from `x`.
fn centered(x: f32, w: f32, y: f32, s: &str, size: f32, out: &mut Vec<Shape>) {
    let tw = TextMeasure::get().width(s, size, false);
    out.push(text(x + (w - tw) / 2.0, y, size, false, Rgb::BLACK, s));
}

/// The month lanes' heading: the plan and the period's actual heading.
fn heading_of(report: &Report) -> String {
    format!("年次計画 / {}", report.actual_heading())
}

/// What a legend entry shows before its word.
#[derive(Clone, Copy)]
enum Sample {
    Nothing,
    Plan,
    Actual,
    Scheduled,
    AsNeeded,
    Continues,
    Period,
    AsOf,
    Line(LineMark),
    /// A comparison's changed cell: outlined.
    Changed,
}

/// The legend's entries, in order.
const LEGEND: [(Sample, &str); 12] = [
    (Sample::Nothing, "凡例:"),
    (Sample::Plan, "年次計画"),
    (Sample::Actual, "実績"),
    (Sample::Scheduled, "予定（未実施）"),
    (Sample::AsNeeded, "随時"),
    (Sample::Continues, "継続（→）"),
    (Sample::Period, "報告期間"),
    (Sample::AsOf, "時点"),
    // Plan lines: met by a result (so far), late, still to come.
    (Sample::Line(LineMark::Met), "計画に対応する実績あり"),
    (Sample::Line(LineMark::Late), "遅れ（対応する実績なし）"),
    (Sample::Line(LineMark::ToCome), "これから"),
    (Sample::Nothing, "計画外: 計画にない実績"),
];

impl Sample {
    /// How far the word after it starts, for samples `h` tall.
    fn width(self, h: f32) -> f32 {
        match self {
            Sample::Nothing => 0.0,
            Sample::Plan | Sample::Actual | Sample::Scheduled => 27.0,
            Sample::AsNeeded => 12.0,
            Sample::Continues => 24.0,
            Sample::Period => 19.0,
            Sample::AsOf => 9.0,
            Sample::Line(_) => h + 2.0,
            Sample::Changed => 27.0,
        }
    }

    /// Draws it from `x`, its top at `top`, `h` tall.
    fn draw(self, x: f32, top: f32, h: f32, out: &mut Vec<Shape>) {
        match self {
            Sample::Nothing => {}
            Sample::Plan => plan_bar(x, top, 24.0, h, out),
            Sample::Actual => out.push(rect(x, top, 24.0, h, Some(ACTUAL), None)),
            Sample::Scheduled => scheduled_bar(x, top, 24.0, h, out),
            Sample::AsNeeded => diamond(x + 5.0, top + h / 2.0, h / 2.0, PLAN, out),
            Sample::Continues => arrow(x, x + 20.0, top + h / 2.0, Rgb::BLACK, out),
            Sample::Period => out.push(rect(
                x,
                top,
                16.0,
                h,
                Some(PERIOD),
                Some(LineStyle::solid(0.3, GRID)),
            )),
            Sample::AsOf => out.push(line(
                x + 4.0,
                top - 1.0,
                x + 4.0,
                top + h + 1.0,
                dashed(1.0, AS_OF),
            )),
            Sample::Line(mark) => line_mark(x + h / 2.0, top + h / 2.0, h * 0.4, mark, out),
            // As a changed cell is outlined (print/marks.rs).
            Sample::Changed => {
                let amber = crate::palette::compare_mark(crate::compare::Mark::Changed);
                out.push(rect(
                    x,
                    top,
                    24.0,
                    h,
                    None,
                    Some(LineStyle::solid(1.2, amber)),
                ));
            }
        }
    }
}

//! The main grid: one virtualised table with a row per section, initiative, action item lane,
//! topic and entry; the plan years as a stage grid; the fiscal year's months as lanes.

use egui::{
    Align, Align2, CentralPanel, Color32, FontId, Layout, Rect, RichText, Sense, Stroke, Ui,
    WidgetInfo, vec2,
};
use egui_extras::{Column, TableBuilder};

use super::paint;
use crate::app::command::AppCommand;
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::Texts;
use crate::grid::{self, GridRow, RowFilter};
use crate::model::months::FISCAL_MONTHS;
use crate::model::{EntryKind, Id, Report, Side};

pub const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 46.0;
const YEAR_WIDTH: f32 = 68.0;
const MONTH_WIDTH: f32 = 36.0;

pub struct GridView<'a> {
    pub report: &'a Report,
    pub rows: &'a [GridRow],
    pub filter: &'a RowFilter,
    pub selected: Option<Id>,
    pub texts: &'static Texts,
    /// Scroll so this row is visible (after keyboard selection).
    pub scroll_to: Option<usize>,
}

/// The as-of point in fiscal months (0.0 = start of April): the end of the reporting period.
pub fn as_of_month(report: &Report) -> f32 {
    report
        .period
        .months()
        .last()
        .map_or(12.0, |m| m as f32 + 1.0)
}

impl GridView<'_> {
    pub fn show(self, ui: &mut Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        CentralPanel::default().show(ui, |ui| {
            legend(ui, self.texts, self.report);
            ui.add_space(2.0);
            self.table(ui, &mut out);
        });
        out
    }

    fn table(&self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        // Wider than the window on small screens: scroll sideways, keep the header on top.
        egui::ScrollArea::horizontal()
            .id_salt("grid-h")
            .show(ui, |ui| self.table_inner(ui, out));
    }

    fn table_inner(&self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let years = self.report.plan_years.len().max(1) as f32;
        let mut table = TableBuilder::new(ui)
            .id_salt("grid")
            .striped(false)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(44.0))
            .column(Column::initial(330.0).at_least(160.0).clip(true))
            .column(Column::exact(YEAR_WIDTH * years))
            .column(Column::exact(MONTH_WIDTH * 12.0))
            .column(Column::initial(170.0).at_least(80.0).clip(true))
            .column(Column::remainder());
        if let Some(row) = self.scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        let t = self.texts;
        table
            .header(HEADER_HEIGHT, |mut header| {
                header.col(|ui| {
                    ui.label(bold(t.col_number));
                });
                header.col(|ui| {
                    ui.label(bold(t.col_initiative));
                });
                header.col(|ui| self.year_header(ui));
                header.col(|ui| self.month_header(ui));
                header.col(|ui| {
                    ui.label(bold(t.col_division));
                });
                header.col(|_| {});
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, self.rows.len(), |mut row| {
                    let grid_row = self.rows[row.index()];
                    let initiative = grid::initiative_of(self.report, grid_row);
                    let is_selected = initiative.is_some_and(|i| Some(i.id) == self.selected);
                    row.set_selected(is_selected);
                    row.col(|ui| self.number_cell(ui, grid_row));
                    row.col(|ui| self.text_cell(ui, grid_row, out));
                    row.col(|ui| self.stage_cell(ui, grid_row));
                    row.col(|ui| self.month_cell(ui, grid_row));
                    row.col(|ui| self.division_cell(ui, grid_row));
                    row.col(|_| {});
                    if row.response().clicked()
                        && let Some(i) = initiative
                    {
                        out.push(AppCommand::Select(i.id));
                    }
                });
            });
    }

    fn year_header(&self, ui: &mut Ui) {
        let rect = ui.max_rect();
        let painter = ui.painter();
        let range = self.report.plan_years;
        let w = rect.width() / range.len().max(1) as f32;
        for (k, year) in range.years().enumerate() {
            let r = Rect::from_x_y_ranges(
                rect.left() + w * k as f32..=rect.left() + w * (k + 1) as f32,
                rect.y_range(),
            );
            if year == self.report.fiscal_year {
                painter.rect_filled(r, 0.0, paint::CURRENT_YEAR);
            }
            painter.text(
                r.center_top() + vec2(0.0, 4.0),
                Align2::CENTER_TOP,
                year.short_form_like(self.report.fiscal_year),
                FontId::proportional(13.0),
                paint::TEXT,
            );
            painter.text(
                r.center_bottom() - vec2(0.0, 4.0),
                Align2::CENTER_BOTTOM,
                format!("FY{}", year.0),
                FontId::proportional(10.0),
                Color32::from_gray(0x60),
            );
            painter.vline(r.left(), rect.y_range(), Stroke::new(1.0, paint::GRID_LINE));
        }
        ui.allocate_rect(rect, Sense::hover())
            .on_hover_text(format!(
                "{} {}",
                self.texts.col_stages,
                range_text(self.report)
            ));
    }

    fn month_header(&self, ui: &mut Ui) {
        let rect = ui.max_rect();
        let painter = ui.painter();
        let fy = self.report.fiscal_year;
        let mid = rect.top() + 20.0;
        let period = self.report.period.months();
        for (k, month) in FISCAL_MONTHS.iter().enumerate() {
            let r = Rect::from_x_y_ranges(
                paint::month_x(rect, k as f32)..=paint::month_x(rect, k as f32 + 1.0),
                mid..=rect.bottom(),
            );
            if period.contains_fiscal(k) {
                painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            }
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                format!("{month}月"),
                FontId::proportional(12.0),
                paint::TEXT,
            );
            painter.vline(r.left(), r.y_range(), Stroke::new(1.0, paint::GRID_LINE));
        }
        // Calendar years over the months: April–December, then January–March.
        for (first, last, month) in [(0usize, 8usize, 4u8), (9, 11, 1)] {
            let year = fy.calendar_year_of(month);
            let r = Rect::from_x_y_ranges(
                paint::month_x(rect, first as f32)..=paint::month_x(rect, last as f32 + 1.0),
                rect.top()..=mid,
            );
            let era = crate::model::FiscalYear(year).era_form();
            let label = if last - first > 3 {
                format!("{year}年（{}）", era.trim_end_matches('度'))
            } else {
                format!("{year}年")
            };
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                label,
                FontId::proportional(12.0),
                paint::TEXT,
            );
            painter.vline(
                r.left(),
                r.y_range(),
                Stroke::new(1.5, Color32::from_gray(0x90)),
            );
        }
        painter.hline(rect.x_range(), mid, Stroke::new(1.0, paint::GRID_LINE));
        let x = paint::month_x(rect, as_of_month(self.report));
        painter.vline(x, mid..=rect.bottom(), Stroke::new(2.0, paint::AS_OF));
    }

    fn number_cell(&self, ui: &mut Ui, row: GridRow) {
        let text = match row {
            GridRow::Section { s } => self.report.sections[s].numeral.clone(),
            GridRow::Initiative { s, i } => self.report.sections[s].initiatives[i].number.clone(),
            _ => return,
        };
        ui.label(bold(&text));
    }

    fn text_cell(&self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let t = self.texts;
        ui.add_space(row.depth() as f32 * 14.0);
        match row {
            GridRow::Section { s } => {
                let section = &self.report.sections[s];
                let name = format!("{} {}", section.numeral, section.title);
                fold_button(ui, t, section.id, self.filter, &name, out);
                ui.add(
                    egui::Label::new(bold(&section.title))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Initiative { s, i } => {
                let initiative = &self.report.sections[s].initiatives[i];
                let name = format!("{} {}", initiative.label, initiative.title);
                fold_button(ui, t, initiative.id, self.filter, &name, out);
                ui.add(
                    egui::Label::new(RichText::new(&initiative.title).family(bold_family()))
                        .selectable(false)
                        .truncate(),
                )
                .on_hover_text(&name);
            }
            GridRow::Lane { s, i, item, lane } => {
                let action = &self.report.sections[s].initiatives[i].items[item];
                let text = if lane == 0 {
                    format!("{}{}", if action.ticked { "□" } else { "" }, action.name)
                } else {
                    "　└".to_string()
                };
                ui.add(egui::Label::new(text).selectable(false).truncate());
            }
            GridRow::Topic { s, i, t: topic } => {
                let topic = &self.report.sections[s].initiatives[i].topics[topic];
                let text = match &topic.heading {
                    Some(h) => format!("<{h}>"),
                    None => t.no_heading.to_string(),
                };
                ui.add(
                    egui::Label::new(RichText::new(text).color(Color32::from_gray(0x30)))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Entry { side, sub, .. } => {
                let Some(entry) = grid::entry_of(self.report, row) else {
                    return;
                };
                if sub.is_none() {
                    side_badge(ui, t, side);
                }
                let mut text = RichText::new(if entry.kind == EntryKind::Status {
                    entry.text.as_str()
                } else {
                    entry.label.as_str()
                });
                if entry.kind == EntryKind::Status {
                    text = text.italics().color(Color32::from_gray(0x50));
                }
                ui.add(egui::Label::new(text).selectable(false).truncate())
                    .on_hover_text(format!("{}: {}", t.as_written, entry.text));
            }
        }
    }

    fn stage_cell(&self, ui: &mut Ui, row: GridRow) {
        let rect = ui.max_rect();
        let painter = ui.painter().clone();
        let range = self.report.plan_years;
        let w = rect.width() / range.len().max(1) as f32;
        if let Some(k) = range.index_of(self.report.fiscal_year) {
            let r = Rect::from_x_y_ranges(
                rect.left() + w * k as f32..=rect.left() + w * (k + 1) as f32,
                rect.y_range(),
            );
            painter.rect_filled(r, 0.0, paint::CURRENT_YEAR);
        }
        for k in 0..range.len() {
            painter.vline(
                rect.left() + w * k as f32,
                rect.y_range(),
                Stroke::new(1.0, paint::GRID_LINE),
            );
        }
        let GridRow::Lane { s, i, item, lane } = row else {
            return;
        };
        let action = &self.report.sections[s].initiatives[i].items[item];
        let Some(spans) = action.lanes.get(lane) else {
            return;
        };
        for span in spans {
            let (Some(a), Some(b)) = (range.index_of(span.first), range.index_of(span.last)) else {
                continue;
            };
            let r = Rect::from_x_y_ranges(
                rect.left() + w * a as f32..=rect.left() + w * (b + 1) as f32,
                rect.y_range(),
            );
            paint::stage_bar(&painter, r, span, FontId::proportional(12.0));
            let fy = self.report.fiscal_year;
            let years = if span.first == span.last {
                span.first.short_form_like(fy)
            } else {
                format!(
                    "{}～{}",
                    span.first.short_form_like(fy),
                    span.last.short_form_like(fy)
                )
            };
            ui.allocate_rect(r, Sense::hover()).on_hover_text(format!(
                "{}\n{years}: {}\n{}: {}",
                action.name,
                span.display(),
                self.texts.as_written,
                span.source
            ));
        }
    }

    fn month_cell(&self, ui: &mut Ui, row: GridRow) {
        let rect = ui.max_rect();
        let painter = ui.painter().clone();
        let period = self.report.period.months();
        for k in 0..12 {
            let r = Rect::from_x_y_ranges(
                paint::month_x(rect, k as f32)..=paint::month_x(rect, k as f32 + 1.0),
                rect.y_range(),
            );
            if period.contains_fiscal(k) {
                painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            }
            let stroke = if k == 9 {
                Stroke::new(1.5, Color32::from_gray(0x90))
            } else {
                Stroke::new(1.0, paint::GRID_LINE)
            };
            painter.vline(r.left(), rect.y_range(), stroke);
        }
        let as_of = as_of_month(self.report);
        painter.vline(
            paint::month_x(rect, as_of),
            rect.y_range(),
            Stroke::new(1.5, paint::AS_OF),
        );
        let GridRow::Entry { side, .. } = row else {
            return;
        };
        let Some(entry) = grid::entry_of(self.report, row) else {
            return;
        };
        let drawn = paint::entry(
            &painter,
            rect,
            entry,
            side,
            as_of,
            FontId::proportional(11.0),
        );
        if let Some(area) = drawn.into_iter().reduce(|a, b| a.union(b)) {
            let side_name = match side {
                Side::Plan => self.texts.plan,
                Side::Actual => self.texts.actual,
            };
            let when = entry
                .when
                .as_deref()
                .map_or(String::new(), |w| format!("（{w}）"));
            ui.allocate_rect(area, Sense::hover())
                .on_hover_text(format!("{side_name}{when}\n{}", entry.text));
        }
    }

    fn division_cell(&self, ui: &mut Ui, row: GridRow) {
        let text = match row {
            GridRow::Initiative { s, i } => self.report.sections[s].initiatives[i]
                .all_divisions()
                .join("、"),
            GridRow::Topic { s, i, t } => {
                let initiative = &self.report.sections[s].initiatives[i];
                initiative
                    .division_of(&initiative.topics[t])
                    .unwrap_or_default()
                    .to_string()
            }
            _ => return,
        };
        ui.add(egui::Label::new(text).selectable(false).truncate());
    }
}

fn bold(text: &str) -> RichText {
    RichText::new(text).family(bold_family())
}

fn bold_family() -> egui::FontFamily {
    egui::FontFamily::Name(BOLD_FAMILY.into())
}

fn range_text(report: &Report) -> String {
    format!(
        "{}～{}",
        report.plan_years.first.era_form(),
        report.plan_years.last.era_form()
    )
}

/// ▼/▶ in front of a section or initiative; its accessible name says what it folds.
fn fold_button(
    ui: &mut Ui,
    t: &Texts,
    id: Id,
    filter: &RowFilter,
    name: &str,
    out: &mut Vec<AppCommand>,
) {
    let folded = filter.is_folded(id);
    let (rect, response) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::click());
    let color = if response.hovered() {
        Color32::BLACK
    } else {
        Color32::from_gray(0x50)
    };
    let c = rect.center();
    let points = if folded {
        vec![
            c + vec2(-3.0, -5.0),
            c + vec2(4.0, 0.0),
            c + vec2(-3.0, 5.0),
        ]
    } else {
        vec![
            c + vec2(-5.0, -3.0),
            c + vec2(5.0, -3.0),
            c + vec2(0.0, 4.0),
        ]
    };
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
    let action = if folded { t.unfold } else { t.fold };
    let label = format!("{action}: {name}");
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        out.push(AppCommand::ToggleFold(id));
    }
}

/// 計 / 実 in front of a plan or actual entry, outlined or solid like its bar.
fn side_badge(ui: &mut Ui, t: &Texts, side: Side) {
    let (rect, _) = ui.allocate_exact_size(vec2(18.0, 16.0), Sense::hover());
    let painter = ui.painter();
    let (text, fg) = match side {
        Side::Plan => {
            painter.rect_stroke(
                rect,
                2.0,
                Stroke::new(1.2, paint::PLAN),
                egui::StrokeKind::Inside,
            );
            (t.plan_short, paint::PLAN)
        }
        Side::Actual => {
            painter.rect_filled(rect, 2.0, paint::ACTUAL);
            (t.actual_short, Color32::WHITE)
        }
    };
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        FontId::proportional(11.0),
        fg,
    );
}

/// The symbols of the grid, above it.
fn legend(ui: &mut Ui, t: &Texts, report: &Report) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{}:", t.legend)).small());
        let swatch = |ui: &mut Ui, draw: &dyn Fn(&egui::Painter, Rect), label: &str| {
            let (rect, _) = ui.allocate_exact_size(vec2(30.0, 12.0), Sense::hover());
            draw(ui.painter(), rect);
            ui.label(RichText::new(label).small());
        };
        swatch(ui, &|p, r| paint::plan_bar(p, r), t.plan);
        swatch(ui, &|p, r| paint::actual_bar(p, r), t.actual);
        swatch(ui, &|p, r| paint::scheduled_bar(p, r), t.scheduled);
        swatch(
            ui,
            &|p, r| paint::diamond(p, r.center(), 5.0, paint::PLAN),
            t.as_needed,
        );
        swatch(
            ui,
            &|p, r| paint::arrow(p, r.left_center(), r.right_center(), paint::TEXT),
            "継続",
        );
        swatch(
            ui,
            &|p, r| {
                p.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            },
            t.period,
        );
        swatch(
            ui,
            &|p, r| {
                p.vline(r.center().x, r.y_range(), Stroke::new(2.0, paint::AS_OF));
            },
            &format!("{} {}", end_of_period(report), t.as_of),
        );
    });
}

fn end_of_period(report: &Report) -> String {
    let last = report.period.months().last().unwrap_or(11);
    let month = FISCAL_MONTHS[last];
    let year = report.fiscal_year.calendar_year_of(month);
    let day = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{year}/{month}/{day}")
}

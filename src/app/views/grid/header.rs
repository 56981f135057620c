//! The grid's header: the columns' titles with their sizing handles, the plan years over the
//! stage column and the fiscal months over the month lanes; the legend above the grid.

use egui::{
    Align2, Color32, CursorIcon, FontId, Rect, RichText, Sense, Stroke, Ui, WidgetInfo, vec2,
};

use super::look::bold;
use super::{GridPlace, GridView, as_of_position, in_cell};
use crate::app::columns::{Column, MONTH_WITH_SUFFIX};
use crate::app::command::{AppCommand, PrefsCommand};
use crate::app::i18n::Lang;
use crate::app::views::paint;
use crate::model::Report;
use crate::model::months::FISCAL_MONTHS;
use crate::model::status::LineMark;

impl GridView<'_> {
    /// The legend above the grid.
    pub(super) fn legend_row(&self, ui: &mut Ui) {
        legend(ui, self.lang, self.report);
    }

    /// The header, over the rows scrolled under it, with a handle at each column's right
    /// border: drag to size the column, double-click to fit it again.
    pub(super) fn header_row(&self, ui: &mut Ui, at: &GridPlace, out: &mut Vec<AppCommand>) {
        let t = self.t();
        ui.painter()
            .rect_filled(at.header, 0.0, ui.visuals().panel_fill);
        let top = at.header.top();
        for c in Column::ALL {
            let Some((rect, clip)) = at.header_cell(c, top) else {
                continue;
            };
            in_cell(ui, rect, clip, ("grid-header", c), |ui| match c {
                Column::Number => {
                    ui.label(bold(t.col_number));
                }
                Column::Text => {
                    ui.add(egui::Label::new(bold(t.col_initiative)).truncate());
                }
                Column::Stages => self.year_header(ui),
                Column::Months => self.month_header(ui),
                Column::Division => {
                    ui.add(egui::Label::new(bold(t.col_division)).truncate());
                }
                Column::Status => {
                    ui.add(egui::Label::new(bold(t.col_status)).truncate());
                }
                Column::Indicators | Column::Effects | Column::Ratings => {
                    self.measure_header(ui, c);
                }
            });
            let border = rect.right();
            let handle = Rect::from_x_y_ranges(border - 4.0..=border + 4.0, rect.y_range());
            let response = ui
                .interact(
                    handle.intersect(clip.expand2(vec2(4.0, 0.0))),
                    ui.scope_id().with(("resize", c)),
                    Sense::click_and_drag(),
                )
                .on_hover_cursor(CursorIcon::ResizeColumn);
            let line = if response.hovered() || response.dragged() {
                Stroke::new(2.0, ui.visuals().selection.stroke.color)
            } else {
                Stroke::new(1.0, paint::GRID_LINE)
            };
            ui.painter()
                .with_clip_rect(at.header)
                .vline(border, rect.y_range(), line);
            if response.dragged() {
                let width = (rect.width() + response.drag_delta().x).max(8.0);
                out.push(
                    PrefsCommand::SetColumnWidth {
                        column: c,
                        width: Some(width),
                    }
                    .into(),
                );
            } else if response.double_clicked() {
                out.push(
                    PrefsCommand::SetColumnWidth {
                        column: c,
                        width: None,
                    }
                    .into(),
                );
            }
        }
        ui.painter().with_clip_rect(at.header).hline(
            at.header.x_range(),
            at.header.bottom(),
            Stroke::new(1.0, Color32::from_gray(0xa0)),
        );
    }

    pub(super) fn year_header(&self, ui: &mut Ui) {
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
                painter.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            }
            let short = year.short_form_like(self.report.fiscal_year);
            // The Western year under it: 「2017」 in Japanese, 「FY2017」 in English.
            let western = match self.lang {
                Lang::Ja => year.0.to_string(),
                Lang::En => format!("FY{}", year.0),
            };
            // Named for screen readers (and tests), as the months are.
            let name = format!("{short} ({western})");
            ui.interact(r, ui.scope_id().with(("year", k)), Sense::hover())
                .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
            // Narrow (the numbers' columns shown, a small window), smaller and then without
            // 年度: the four headings ran together, 「28年度29年度30年度31年度」.
            let room = r.width() - 6.0;
            let fits = |text: &str, size: f32| {
                let galley = painter.layout_no_wrap(
                    text.to_string(),
                    FontId::proportional(size),
                    paint::TEXT,
                );
                galley.size().x <= room
            };
            let bare = short.trim_end_matches("年度").to_string();
            let (text, size) = match () {
                () if fits(&short, 13.0) => (short.clone(), 13.0),
                () if fits(&short, 11.0) => (short.clone(), 11.0),
                () => (bare, 11.0),
            };
            painter.text(
                r.center_top() + vec2(0.0, 4.0),
                Align2::CENTER_TOP,
                text,
                FontId::proportional(size),
                paint::TEXT,
            );
            painter.text(
                r.center_bottom() - vec2(0.0, 4.0),
                Align2::CENTER_BOTTOM,
                western,
                FontId::proportional(10.0),
                Color32::from_gray(0x60),
            );
            painter.vline(r.left(), rect.y_range(), Stroke::new(1.0, paint::GRID_LINE));
        }
    }

    pub(super) fn month_header(&self, ui: &mut Ui) {
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
            // Named in full for screen readers (and tests), however narrow it is drawn.
            let name = crate::app::views::widgets::month_word(*month, self.lang);
            ui.interact(r, ui.scope_id().with(("month", k)), Sense::hover())
                .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, &name));
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                if r.width() >= MONTH_WITH_SUFFIX {
                    name.clone()
                } else {
                    month.to_string()
                },
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
            let label = if last - first > 3 {
                let era = crate::model::FiscalYear(year).era_form();
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
        let x = paint::month_x(rect, as_of_position(self.report));
        painter.vline(x, mid..=rect.bottom(), Stroke::new(2.0, paint::AS_OF));
        ui.allocate_rect(rect, Sense::hover())
            .on_hover_text(format!(
                "{}: {}",
                self.t().period,
                crate::app::views::widgets::period_words(self.report.period, self.lang)
            ));
    }
}

/// The symbols of the grid, above it.
fn legend(ui: &mut Ui, lang: Lang, report: &Report) {
    let t = lang.texts();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", t.legend)).small());
        // Each label whole on one line: 「報告期間(上半期(4」 / 「月～9月))」 was broken in the
        // bracket. (A group of sample and words in a horizontal layout of its own is not
        // wrapped at all: the legend ran off the edge.)
        let swatch = |ui: &mut Ui, draw: &dyn Fn(&egui::Painter, Rect), label: &str| {
            let (rect, _) = ui.allocate_exact_size(vec2(30.0, 12.0), Sense::hover());
            draw(ui.painter(), rect);
            let words = egui::Label::new(RichText::new(label).small());
            ui.add(words.wrap_mode(egui::TextWrapMode::Extend));
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
            t.continues,
        );
        swatch(
            ui,
            &|p, r| {
                p.rect_filled(r, 0.0, paint::PERIOD_SHADE);
            },
            &crate::app::views::widgets::with_note(
                t.period,
                crate::app::views::widgets::period_words(report.period, lang),
                lang,
            ),
        );
        swatch(
            ui,
            &|p, r| {
                p.vline(r.center().x, r.y_range(), Stroke::new(2.0, paint::AS_OF));
            },
            &match lang {
                Lang::Ja => format!(
                    "{} {}",
                    report.as_of().to_japanese(report.fiscal_year),
                    t.as_of
                ),
                Lang::En => format!(
                    "{} {}",
                    t.as_of,
                    crate::app::views::widgets::date_words(
                        report.as_of(),
                        report.fiscal_year,
                        lang
                    )
                ),
            },
        );
        for (mark, name) in [
            (LineMark::Met, t.line_met),
            (LineMark::Late, t.line_late),
            (LineMark::ToCome, t.line_to_come),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            paint::line_mark(ui.painter(), rect.center(), 4.5, mark);
            let words = egui::Label::new(RichText::new(name).small());
            ui.add(words.wrap_mode(egui::TextWrapMode::Extend));
        }
    });
}

//! 印刷プレビュー: the pages exactly as they will print (the same layout the PDF is drawn
//! from), with the page setup beside them.

use egui::{
    Align2, Color32, ComboBox, FontFamily, FontId, Pos2, Rect, Sense, Shape, Stroke, Ui, pos2, vec2,
};

use super::widgets::{color, status_name};
use crate::app::command::{Action, AppCommand, PrefsCommand, PrintCommand};
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::Lang;
use crate::model::Report;
use crate::model::status::Status;
use crate::print::{self, Canvas, KeepTogether, LineStyle, PageSetup, Paper, PrintLayout, Rgb};

pub struct Preview<'a> {
    pub lang: Lang,
    pub report: &'a Report,
    pub setup: &'a PageSetup,
    pub page: usize,
    /// The pages, or why there are none (too many to print at once); none while the first
    /// layout of a large report is made.
    pub layout: Option<&'a Result<PrintLayout, print::TooManyPages>>,
    /// How far a layout being made got (the one shown is then the report before the change).
    pub making: Option<f32>,
    /// The PDF job's progress, while one runs.
    pub busy: Option<f32>,
}

impl Preview<'_> {
    pub fn show(&self, ctx: &egui::Context) -> Vec<AppCommand> {
        let t = self.lang.texts();
        let mut out = Vec::new();
        let mut open = true;
        egui::Window::new(t.print_preview)
            .open(&mut open)
            .default_size([1100.0, 760.0])
            .resizable(true)
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(230.0);
                        let mut setup = self.setup.clone();
                        setup_controls(ui, self.lang, self.report, &mut setup);
                        // What fitting gave: the size the table's text prints at.
                        if let Some(Ok(layout)) = self.layout {
                            ui.label(format!("{}: {:.1} pt", t.text_size, layout.text_size));
                        }
                        if let Some(p) = self.making {
                            ui.label(t.preview_laying_out);
                            ui.add(egui::ProgressBar::new(p).show_percentage());
                            if self.layout.is_some() {
                                ui.small(t.preview_pages_before);
                            }
                        }
                        if setup != *self.setup {
                            out.push(PrefsCommand::SetPageSetup(setup).into());
                        }
                        ui.separator();
                        if let Some(p) = self.busy {
                            ui.add(egui::ProgressBar::new(p).show_percentage());
                        } else {
                            for action in [Action::Print, Action::ExportPdf] {
                                // The printout makes its own layout: what is shown need
                                // only say it can be made.
                                let can = matches!(self.layout, Some(Ok(_)));
                                let button = egui::Button::new(action.label(t));
                                if ui.add_enabled(can, button).clicked() {
                                    out.push(action.into());
                                }
                            }
                        }
                    });
                    ui.separator();
                    ui.vertical(|ui| self.pages(ui, &mut out));
                });
            });
        if !open {
            out.push(PrintCommand::ClosePreview.into());
        }
        out
    }

    /// Page navigation and the page itself.
    fn pages(&self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let t = self.lang.texts();
        let layout = match self.layout {
            Some(Ok(layout)) => layout,
            Some(Err(refused)) => {
                use crate::lang::Describe;
                ui.colored_label(ui.visuals().error_fg_color, refused.describe(self.lang));
                return;
            }
            // The first layout is being made: its progress is beside.
            None => {
                ui.spinner();
                return;
            }
        };
        let n = layout.pages.len();
        let page = self.page.min(n.saturating_sub(1));
        ui.horizontal(|ui| {
            let previous = ui.add_enabled(page > 0, egui::Button::new(t.previous_page));
            if previous.clicked() {
                out.push(PrintCommand::SetPreviewPage(page - 1).into());
            }
            ui.label(format!("{} / {n}", page + 1));
            let next = ui.add_enabled(page + 1 < n, egui::Button::new(t.next_page));
            if next.clicked() {
                out.push(PrintCommand::SetPreviewPage(page + 1).into());
            }
            let orientation = if self.setup.landscape {
                t.landscape
            } else {
                t.portrait
            };
            ui.label(format!("{} {orientation}", self.setup.paper.name()));
        });
        if let Some(p) = layout.pages.get(page) {
            paint_page(ui, layout, &p.shapes);
        }
    }
}

fn setup_controls(ui: &mut Ui, lang: Lang, report: &Report, setup: &mut PageSetup) {
    let t = lang.texts();
    let label = ui.label(t.paper);
    ComboBox::from_id_salt("paper")
        .selected_text(setup.paper.name())
        .show_ui(ui, |ui| {
            for p in Paper::ALL {
                ui.selectable_value(&mut setup.paper, p, p.name());
            }
        })
        .response
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        ui.radio_value(&mut setup.landscape, true, t.landscape);
        ui.radio_value(&mut setup.landscape, false, t.portrait);
    });
    let label = ui.label(t.margin);
    ui.add(egui::Slider::new(&mut setup.margin_mm, 5.0..=25.0).suffix(" mm"))
        .labelled_by(label.id);
    let label = ui.label(t.keep_together);
    let keep_name = |k: KeepTogether| match k {
        KeepTogether::Topic => t.keep_topic,
        KeepTogether::Initiative => t.keep_initiative,
        KeepTogether::Row => t.keep_row,
    };
    ComboBox::from_id_salt("print-keep")
        .selected_text(keep_name(setup.keep))
        .width(220.0)
        .show_ui(ui, |ui| {
            for k in KeepTogether::ALL {
                ui.selectable_value(&mut setup.keep, k, keep_name(k));
            }
        })
        .response
        .labelled_by(label.id);
    ui.checkbox(&mut setup.section_pages, t.section_pages);
    let mut fit = setup.fit_pages_tall.is_some();
    ui.horizontal(|ui| {
        ui.checkbox(&mut fit, t.fit_pages_tall);
    });
    if fit {
        let mut tall = setup.fit_pages_tall.unwrap_or(1);
        ui.horizontal(|ui| {
            ui.add(egui::DragValue::new(&mut tall).range(1..=999));
            ui.label(t.pages_tall);
        });
        setup.fit_pages_tall = Some(tall);
    } else {
        setup.fit_pages_tall = None;
    }
    ui.label(t.columns);
    ui.checkbox(&mut setup.columns.stages, t.col_stages);
    ui.checkbox(&mut setup.columns.months, t.col_months);
    ui.checkbox(&mut setup.columns.division, t.col_division);
    ui.checkbox(&mut setup.columns.status, t.col_status);
    if report.has_measures() {
        ui.checkbox(&mut setup.columns.measures, t.col_measures);
    }
    ui.label(t.rows);
    row_controls(ui, lang, report, setup);
}

/// Which rows print: a section, a 担当課, a status (all by default).
fn row_controls(ui: &mut Ui, lang: Lang, report: &Report, setup: &mut PageSetup) {
    let t = lang.texts();
    let label = ui.label(t.section);
    let name = |n: Option<u32>| match n {
        None => t.all.to_string(),
        Some(n) => report
            .sections
            .iter()
            .find(|s| s.number == n)
            .map_or(n.to_string(), |s| format!("{} {}", s.numeral, s.title)),
    };
    ComboBox::from_id_salt("print-section")
        .selected_text(name(setup.section))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut setup.section, None, t.all);
            for s in &report.sections {
                ui.selectable_value(&mut setup.section, Some(s.number), name(Some(s.number)));
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label(t.col_division);
    ComboBox::from_id_salt("print-division")
        .selected_text(setup.division.clone().unwrap_or_else(|| t.all.to_string()))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut setup.division, None, t.all);
            for d in report.division_names() {
                ui.selectable_value(&mut setup.division, Some(d.to_string()), d);
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label(t.col_status);
    ComboBox::from_id_salt("print-status")
        .selected_text(setup.status.map_or(t.all, |s| status_name(s, lang)))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut setup.status, None, t.all);
            for s in Status::ALL {
                ui.selectable_value(&mut setup.status, Some(s), status_name(s, lang));
            }
        })
        .response
        .labelled_by(label.id);
}

/// Draws a page's shapes scaled into the space left, with a paper-like frame.
fn paint_page(ui: &mut Ui, layout: &PrintLayout, shapes: &[crate::print::Shape]) {
    let available = ui.available_size() - vec2(8.0, 8.0);
    let scale = (available.x / layout.width)
        .min(available.y / layout.height)
        .max(0.1);
    let size = vec2(layout.width, layout.height) * scale;
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect.translate(vec2(3.0, 3.0)),
        0.0,
        Color32::from_gray(0xa0),
    );
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let mut canvas = ScreenCanvas {
        painter,
        origin: rect.min,
        scale,
    };
    print::paint(shapes, &mut canvas);
}

/// A page drawn on the screen: points scaled into the preview's rectangle.
struct ScreenCanvas {
    painter: egui::Painter,
    origin: Pos2,
    scale: f32,
}

impl ScreenCanvas {
    fn at(&self, x: f32, y: f32) -> Pos2 {
        pos2(
            self.origin.x + x * self.scale,
            self.origin.y + y * self.scale,
        )
    }
}

impl Canvas for ScreenCanvas {
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, c: Rgb, text: &str) {
        let family = if bold {
            FontFamily::Name(BOLD_FAMILY.into())
        } else {
            FontFamily::Proportional
        };
        // As the PDF prints it: what does not show is shown by its mark.
        let text = crate::model::text::visible(text);
        // The baseline is at `y`; egui places text by its top.
        self.painter.text(
            self.at(x, y - size * 0.88),
            Align2::LEFT_TOP,
            text,
            FontId::new((size * self.scale).max(1.0), family),
            color(c),
        );
    }

    fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<&LineStyle>,
    ) {
        let r = Rect::from_min_max(self.at(x, y), self.at(x + w, y + h));
        if let Some(f) = fill {
            self.painter.rect_filled(r, 0.0, color(f));
        }
        if let Some(s) = stroke {
            let stroke = Stroke::new(s.width * self.scale, color(s.color));
            self.painter
                .rect_stroke(r, 0.0, stroke, egui::StrokeKind::Middle);
        }
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), style: &LineStyle) {
        let stroke = Stroke::new((style.width * self.scale).max(0.5), color(style.color));
        let points = [self.at(from.0, from.1), self.at(to.0, to.1)];
        match style.dash {
            Some((on, off)) => {
                let dashes = Shape::dashed_line(&points, stroke, on * self.scale, off * self.scale);
                self.painter.extend(dashes);
            }
            None => {
                self.painter.line_segment(points, stroke);
            }
        }
    }

    fn polygon(&mut self, points: &[(f32, f32)], fill: Rgb) {
        let points = points.iter().map(|(x, y)| self.at(*x, *y)).collect();
        self.painter
            .add(Shape::convex_polygon(points, color(fill), Stroke::NONE));
    }
}

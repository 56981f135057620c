//! 印刷プレビュー: the pages exactly as they will print (the same layout the PDF is drawn
//! from), with the page setup beside them.

use egui::{
    Align2, Color32, ComboBox, FontFamily, FontId, Rect, Sense, Shape, Stroke, Ui, pos2, vec2,
};

use super::grid::status_name;
use crate::app::command::AppCommand;
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::Lang;
use crate::model::Report;
use crate::model::status::Status;
use crate::print::{PageSetup, Paper, PrintLayout, Rgb};

pub fn show(
    ctx: &egui::Context,
    lang: Lang,
    report: &Report,
    setup: &mut PageSetup,
    page: &mut usize,
    layout: &PrintLayout,
    busy: Option<f32>,
) -> Vec<AppCommand> {
    let t = lang.texts();
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
                    setup_controls(ui, lang, report, setup);
                    ui.separator();
                    if let Some(p) = busy {
                        ui.add(egui::ProgressBar::new(p).show_percentage());
                    } else {
                        if ui.button(t.print).clicked() {
                            out.push(AppCommand::Print);
                        }
                        if ui.button(t.export_pdf).clicked() {
                            out.push(AppCommand::ExportPdf);
                        }
                    }
                });
                ui.separator();
                ui.vertical(|ui| {
                    let n = layout.pages.len();
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(*page > 0, egui::Button::new(t.previous_page))
                            .clicked()
                        {
                            *page -= 1;
                        }
                        ui.label(format!("{} / {n}", *page + 1));
                        if ui
                            .add_enabled(*page + 1 < n, egui::Button::new(t.next_page))
                            .clicked()
                        {
                            *page += 1;
                        }
                        ui.label(format!(
                            "{} {}",
                            setup.paper.name(),
                            if setup.landscape {
                                t.landscape
                            } else {
                                t.portrait
                            }
                        ));
                    });
                    if let Some(p) = layout.pages.get(*page) {
                        paint_page(ui, layout, &p.shapes);
                    }
                });
            });
        });
    if !open {
        out.push(AppCommand::ClosePreview);
    }
    out
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
    ui.label(t.columns);
    ui.checkbox(&mut setup.columns.stages, t.col_stages);
    ui.checkbox(&mut setup.columns.months, t.col_months);
    ui.checkbox(&mut setup.columns.division, t.col_division);
    ui.checkbox(&mut setup.columns.status, t.col_status);
    ui.label(t.rows);
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

fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
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
    let at = |x: f32, y: f32| pos2(rect.left() + x * scale, rect.top() + y * scale);
    for shape in shapes {
        match shape {
            crate::print::Shape::Text {
                x,
                y,
                size,
                bold,
                color: c,
                text,
            } => {
                let family = if *bold {
                    FontFamily::Name(BOLD_FAMILY.into())
                } else {
                    FontFamily::Proportional
                };
                // The baseline is at `y`; egui places text by its top.
                painter.text(
                    at(*x, *y - size * 0.88),
                    Align2::LEFT_TOP,
                    text,
                    FontId::new((size * scale).max(1.0), family),
                    color(*c),
                );
            }
            crate::print::Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let r = Rect::from_min_max(at(*x, *y), at(x + w, y + h));
                if let Some(f) = fill {
                    painter.rect_filled(r, 0.0, color(*f));
                }
                if let Some(s) = stroke {
                    painter.rect_stroke(
                        r,
                        0.0,
                        Stroke::new(s.width * scale, color(s.color)),
                        egui::StrokeKind::Middle,
                    );
                }
            }
            crate::print::Shape::Line {
                x1,
                y1,
                x2,
                y2,
                style,
            } => {
                let stroke = Stroke::new((style.width * scale).max(0.5), color(style.color));
                let points = [at(*x1, *y1), at(*x2, *y2)];
                match style.dash {
                    Some((on, off)) => {
                        painter.extend(Shape::dashed_line(
                            &points,
                            stroke,
                            on * scale,
                            off * scale,
                        ));
                    }
                    None => {
                        painter.line_segment(points, stroke);
                    }
                }
            }
            crate::print::Shape::Polygon { points, fill } => {
                let points = points.iter().map(|(x, y)| at(*x, *y)).collect();
                painter.add(Shape::convex_polygon(points, color(*fill), Stroke::NONE));
            }
        }
    }
}

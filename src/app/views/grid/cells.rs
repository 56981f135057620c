//! The grid's cells that show text: 番号, the row's text (or the field editing it in place),
//! 担当課 and 状況.

use egui::{
    Align2, Color32, CursorIcon, FontId, Key, RichText, Sense, Stroke, Ui, WidgetInfo, vec2,
};

use super::look::{bold, highlighted, mark_color};
use super::{GridView, edit_target};
use crate::app::command::{AppCommand, ViewCommand};
use crate::app::i18n::Texts;
use crate::app::views::paint;
use crate::app::views::widgets::{entry_status_words, status_badge};
use crate::compare::{Mark, RowMarks};
use crate::grid::{self, GridRow, RowFilter};
use crate::model::status::LineStatus;
use crate::model::text::visible;
use crate::model::{EntryKind, Id, Side};

impl GridView<'_> {
    pub(super) fn number_cell(&self, ui: &mut Ui, row: GridRow, marks: &RowMarks) {
        let text = match row {
            GridRow::Section { .. } => grid::section_of(self.report, row)
                .map(|s| s.numeral.clone())
                .unwrap_or_default(),
            GridRow::Initiative { .. } => grid::initiative_of(self.report, row)
                .map(|i| i.number.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        // Added and removed rows carry a sign as well as a colour.
        let sign = match marks.row {
            Some(Mark::Added) => "＋",
            Some(Mark::Removed) => "－",
            _ => "",
        };
        if let Some(mark) = marks.row {
            let t = self.t();
            let word = match mark {
                Mark::Added => t.mark_added,
                Mark::Changed => t.mark_changed,
                Mark::Removed => t.mark_removed,
            };
            ui.label(bold(sign).color(mark_color(mark)))
                .on_hover_text(word);
        }
        if !text.is_empty() {
            ui.label(bold(&text));
        }
    }

    pub(super) fn text_cell(&mut self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let t = self.t();
        ui.add_space(row.depth() as f32 * 14.0);
        if let Some(target) = edit_target(self.report, row)
            && self
                .drafts
                .inline
                .as_ref()
                .is_some_and(|e| e.target == target)
        {
            if let GridRow::Entry {
                side, sub: None, ..
            } = row
            {
                side_badge(ui, t, side);
            }
            self.inline_field(ui, out);
            return;
        }
        let needle = self.view.filter().text.trim().to_string();
        match row {
            GridRow::Entry { side, sub, .. } => self.entry_text(ui, row, side, sub, &needle),
            GridRow::Removed { change, .. } => {
                let text = self
                    .comparison
                    .map(|c| c.removed_text(change, self.lang))
                    .unwrap_or_default();
                let rich = RichText::new(&text)
                    .strikethrough()
                    .color(mark_color(Mark::Removed));
                ui.add(egui::Label::new(rich).selectable(false).truncate())
                    .on_hover_text(format!("{}: {text}", t.mark_removed));
            }
            _ => self.outline_text(ui, row, &needle, out),
        }
    }

    /// A section's, initiative's, item lane's or topic's text (with the fold button of the
    /// first two), the search's match highlighted.
    fn outline_text(&self, ui: &mut Ui, row: GridRow, needle: &str, out: &mut Vec<AppCommand>) {
        let t = self.t();
        match row {
            GridRow::Section { .. } => {
                let Some(section) = grid::section_of(self.report, row) else {
                    return;
                };
                let name = format!("{} {}", section.numeral, section.title);
                fold_button(ui, t, section.id, self.view.filter(), &name, out);
                ui.add(
                    egui::Label::new(bold(&section.title))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Initiative { .. } => {
                let Some(initiative) = grid::initiative_of(self.report, row) else {
                    return;
                };
                let name = format!("{} {}", initiative.label, initiative.title);
                fold_button(ui, t, initiative.id, self.view.filter(), &name, out);
                let job = highlighted(&initiative.title, needle, true);
                ui.add(egui::Label::new(job).selectable(false).truncate())
                    .on_hover_text(&name);
            }
            GridRow::Lane { lane, .. } => {
                let Some(action) = grid::item_of(self.report, row) else {
                    return;
                };
                let text = if lane == 0 {
                    action.display_name()
                } else {
                    "　└".to_string()
                };
                ui.add(
                    egui::Label::new(highlighted(&text, needle, false))
                        .selectable(false)
                        .truncate(),
                );
            }
            GridRow::Topic { .. } => {
                let Some(topic) = grid::topic_of(self.report, row) else {
                    return;
                };
                let text = match &topic.heading {
                    Some(h) => format!("<{h}>"),
                    None => t.no_heading.to_string(),
                };
                ui.add(
                    egui::Label::new(highlighted(&text, needle, false))
                        .selectable(false)
                        .truncate(),
                );
            }
            _ => {}
        }
    }

    /// An entry's label (or a status text, in italics), with 計/実 in front of a top entry.
    pub(super) fn entry_text(
        &self,
        ui: &mut Ui,
        row: GridRow,
        side: Side,
        sub: Option<usize>,
        needle: &str,
    ) {
        let t = self.t();
        let Some(entry) = grid::entry_of(self.report, row) else {
            return;
        };
        if sub.is_none() {
            side_badge(ui, t, side);
        }
        let status = entry.kind == EntryKind::Status;
        let shown = if status { &entry.text } else { &entry.label };
        let mut job = highlighted(shown, needle, false);
        if status {
            for s in &mut job.sections {
                s.format.italics = true;
                s.format.color = Color32::from_gray(0x50);
            }
        }
        ui.add(egui::Label::new(job).selectable(false).truncate())
            .on_hover_text(format!("{}: {}", t.as_written, visible(&entry.text)));
    }

    pub(super) fn inline_field(&mut self, ui: &mut Ui, out: &mut Vec<AppCommand>) {
        let t = self.t();
        let Some(edit) = self.drafts.inline.as_mut() else {
            return;
        };
        // Focused before it is drawn, so that it takes the keys of the frame it opens in: with
        // a slow frame (software rendering, over 1 s) the keys typed right after the
        // double-click or Enter came in that frame, before the focus, and were lost.
        let id = ui.make_persistent_id("inline-edit");
        if std::mem::take(&mut edit.focus) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let response = ui.add(
            egui::TextEdit::singleline(&mut edit.buffer)
                .id(id)
                .desired_width(f32::INFINITY)
                .hint_text(t.edit_hint),
        );
        // Tab applies, as Enter does, and leaves the keyboard to the grid: it went on to the
        // next widget of the window, unseen, which held the keyboard (Ctrl+Z undid nothing).
        // egui gives the focus on in this frame; it is let go of in the next.
        let tabbed = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Tab));
        if response.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                out.push(ViewCommand::CancelEditing.into());
            } else {
                let (target, text) = (edit.target, edit.buffer.clone());
                out.push(ViewCommand::CommitEditing { target, text }.into());
            }
        }
        self.drafts.release_focus |= tabbed;
    }

    pub(super) fn division_cell(&self, ui: &mut Ui, row: GridRow, out: &mut Vec<AppCommand>) {
        let initiative = grid::initiative_of(self.report, row);
        let divisions: Vec<&str> = match (row, initiative) {
            (GridRow::Initiative { .. }, Some(initiative)) => initiative.all_divisions(),
            (GridRow::Topic { .. }, Some(initiative)) => match grid::topic_of(self.report, row) {
                Some(topic) => initiative.divisions_of(topic),
                None => return,
            },
            _ => return,
        };
        if let [one] = divisions[..] {
            // Narrow, the division reads by its own name (管財課), the full one on hover.
            let shown = abbreviated(ui, one);
            // One click shows only this division's rows.
            let response = ui
                .add(
                    egui::Label::new(shown)
                        .selectable(false)
                        .truncate()
                        .sense(Sense::click()),
                )
                .on_hover_text(format!("{one}\n{}", self.t().only_this_division))
                .on_hover_cursor(CursorIcon::PointingHand);
            if response.clicked() {
                out.push(ViewCommand::SetDivisionFilter(Some(one.to_string())).into());
            }
        } else if !divisions.is_empty() {
            let all = divisions.join("、");
            ui.add(egui::Label::new(&all).selectable(false).truncate())
                .on_hover_text(&all);
        }
    }

    pub(super) fn status_cell(&self, ui: &mut Ui, row: GridRow) {
        match row {
            GridRow::Section { .. } => {
                let n = grid::section_of(self.report, row).map_or(0, |s| s.initiatives.len());
                ui.label(RichText::new(format!("{n} {}", self.t().initiatives)).small());
            }
            GridRow::Initiative { .. } => {
                if let Some(standing) = self.frame.standing(row) {
                    status_badge(ui, standing.initiative(), self.lang);
                }
            }
            GridRow::Topic { topic: t, .. } => {
                if let Some(status) = self.frame.standing(row).and_then(|s| s.topic(t)) {
                    status_badge(ui, status, self.lang);
                }
            }
            GridRow::Entry { .. } => self.line_status(ui, row),
            GridRow::Lane { .. } | GridRow::Removed { .. } => {}
        }
    }

    /// Where a plan entry row stands (`None` for other rows).
    pub(super) fn plan_line(&self, row: GridRow) -> Option<LineStatus> {
        let GridRow::Entry {
            side: Side::Plan, ..
        } = row
        else {
            return None;
        };
        let entry = grid::entry_of(self.report, row)?;
        self.frame.standing(row)?.line(entry.id)
    }

    /// A plan line's status in words, 計画外 or 要確認 for a result (see `entry_status_words`).
    pub(super) fn line_status(&self, ui: &mut Ui, row: GridRow) {
        let line = self.plan_line(row);
        if let Some(words) = entry_status_words(self.report, row, line, self.lang) {
            let label = ui.add(egui::Label::new(words.rich()).selectable(false));
            if let Some(why) = words.why {
                label.on_hover_text(why);
            }
        }
    }
}

/// A 担当課 too wide for its cell without its department: `総務部管財課` → `管財課`.
pub(super) fn abbreviated<'s>(ui: &Ui, division: &'s str) -> &'s str {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = ui
        .painter()
        .layout_no_wrap(division.to_string(), font, Color32::BLACK)
        .size()
        .x;
    match division.split_once('部') {
        Some((_, own)) if width > ui.available_width() && !own.is_empty() => own,
        _ => division,
    }
}

/// ▼/▶ in front of a section or initiative; its accessible name says what it folds.
pub(super) fn fold_button(
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
        out.push(ViewCommand::ToggleFold(id).into());
    }
}

/// 計 / 実 in front of a plan or actual entry, outlined or solid like its bar.
pub(super) fn side_badge(ui: &mut Ui, t: &Texts, side: Side) {
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

//! How the grid's texts and marks look: bold, a search's highlight, a comparison's outline
//! and colours. Used by the grid's files; uses none of them.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, Stroke, TextFormat, Ui};

use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::Lang;
use crate::app::views::paint;
use crate::compare::Mark;
use crate::model::status::Status;

/// A compare mark around a cell: an outline in the mark's colour.
pub(super) fn outline(ui: &mut Ui, mark: Option<Mark>) {
    if let Some(mark) = mark {
        let rect = ui.max_rect().shrink(1.0);
        let stroke = Stroke::new(2.0, mark_color(mark));
        ui.painter()
            .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
    }
}

pub(super) fn mark_color(mark: Mark) -> Color32 {
    crate::app::views::widgets::color(crate::palette::compare_mark(mark))
}

/// A status that changed since the compared report: before → now (遅れ → 完了).
pub(super) fn status_change(ui: &mut Ui, old: Status, new: Status, lang: Lang) {
    let text = format!(
        "{}→{}",
        crate::app::views::widgets::status_name(old, lang),
        crate::app::views::widgets::status_name(new, lang)
    );
    let rich = RichText::new(&text)
        .small()
        .strong()
        .color(mark_color(Mark::Changed));
    ui.add(egui::Label::new(rich).selectable(false).truncate())
        .on_hover_text(text);
}

pub(super) fn bold(text: &str) -> RichText {
    RichText::new(text).family(bold_family())
}

pub(super) fn bold_family() -> egui::FontFamily {
    egui::FontFamily::Name(BOLD_FAMILY.into())
}

/// The text with every match of the search highlighted, and each character that does not show
/// (ESC, a right-to-left override, a TAB …) by its mark, as the printout shows it: drawn raw,
/// one is a box or nothing at all.
pub(super) fn highlighted(text: &str, needle: &str, is_bold: bool) -> LayoutJob {
    let text = &*crate::model::text::visible(text);
    let mut job = LayoutJob::default();
    let family = if is_bold {
        bold_family()
    } else {
        egui::FontFamily::Proportional
    };
    let plain = TextFormat {
        font_id: FontId::new(14.0, family),
        color: paint::TEXT,
        ..Default::default()
    };
    let marked = TextFormat {
        background: Color32::from_rgb(0xff, 0xe0, 0x4d),
        ..plain.clone()
    };
    let lower = text.to_lowercase();
    let needle = needle.to_lowercase();
    let mut at = 0;
    // Lower-casing keeps byte offsets for the scripts reports use (kana, kanji, ASCII).
    if !needle.is_empty() && lower.len() == text.len() {
        while let Some(found) = lower[at..].find(&needle) {
            let start = at + found;
            job.append(&text[at..start], 0.0, plain.clone());
            job.append(&text[start..start + needle.len()], 0.0, marked.clone());
            at = start + needle.len();
        }
    }
    job.append(&text[at..], 0.0, plain);
    job
}

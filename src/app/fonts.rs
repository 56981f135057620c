//! The bundled BIZ UDPGothic (SIL OFL, assets/fonts/OFL.txt), installed first so that no screen
//! depends on the fonts of the PC it runs on.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::fonts::{BOLD, REGULAR};

/// The family name for bold text (`RichText::family`).
pub const BOLD_FAMILY: &str = "bold";

pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "BIZUDPGothic".into(),
        Arc::new(FontData::from_static(REGULAR)),
    );
    fonts.font_data.insert(
        "BIZUDPGothic-Bold".into(),
        Arc::new(FontData::from_static(BOLD)),
    );
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "BIZUDPGothic".into());
    // Monospace keeps its Latin face and falls back to the bundled font for Japanese.
    let monospace = fonts.families.entry(FontFamily::Monospace).or_default();
    monospace.insert(1.min(monospace.len()), "BIZUDPGothic".into());
    let mut bold = vec!["BIZUDPGothic-Bold".to_string()];
    bold.extend(fonts.families[&FontFamily::Proportional].iter().cloned());
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// Fonts plus the look the grid's colours are chosen for: light (office screens and printouts
/// are light), with a pale selection so bars stay readable under it.
pub fn install_style(ctx: &egui::Context) {
    install(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.selection.bg_fill = egui::Color32::from_rgb(0xd6, 0xe6, 0xf8);
        style.visuals.selection.stroke.color = egui::Color32::from_rgb(0x1f, 0x4e, 0x8c);
    });
}

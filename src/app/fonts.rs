//! The bundled BIZ UDPGothic (SIL OFL, assets/fonts/OFL.txt), installed first so that no screen
//! depends on the fonts of the PC it runs on.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

use crate::fonts::{BOLD, REGULAR};

/// The family name for bold text (`RichText::family`).
pub const BOLD_FAMILY: &str = "bold";

pub fn definitions() -> FontDefinitions {
    // Empty, not egui's defaults: eframe is built without `default_fonts`, so every family
    // draws with the bundled font alone (tests/app/glyphs.rs checks it has each character).
    let mut fonts = FontDefinitions::empty();
    fonts.font_data.insert(
        "BIZUDPGothic".into(),
        Arc::new(FontData::from_static(REGULAR).tweak(unhinted())),
    );
    fonts.font_data.insert(
        "BIZUDPGothic-Bold".into(),
        Arc::new(FontData::from_static(BOLD).tweak(unhinted())),
    );
    // Monospace (the About window's licence text) draws with the same proportional face: no
    // monospaced font ships, and nothing in the window lines text up by its width.
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.insert(family, vec!["BIZUDPGothic".into()]);
    }
    // Bold falls back to the regular face for what the bold one lacks (both have the same set).
    fonts.families.insert(
        FontFamily::Name(BOLD_FAMILY.into()),
        vec!["BIZUDPGothic-Bold".into(), "BIZUDPGothic".into()],
    );
    fonts
}

/// Drawn from the outlines as designed, without the font's hints: at the window's sizes they
/// snap the dashes' thin strokes (`—`, `－`, `―`, egui's minus, the bold `_`) to nothing, and a
/// result's 「A－B」 read 「A B」 (tests/app/glyphs.rs).
fn unhinted() -> FontTweak {
    FontTweak {
        hinting: Some(false),
        ..FontTweak::default()
    }
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

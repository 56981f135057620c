//! The bundled BIZ UDPGothic (SIL OFL, assets/fonts/OFL.txt), installed first so that no screen
//! depends on the fonts of the PC it runs on.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/BIZUDPGothic-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/BIZUDPGothic-Bold.ttf");

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

//! ヘルプ → バージョン情報: the program's name and version, its licence, and the bundled font's
//! licence in full (the SIL Open Font License asks that it travel with the font).

use egui::{RichText, ScrollArea, Ui};

use crate::app::help::{FONT_LICENCE, PROGRAM_LICENCE};
use crate::app::i18n::Lang;

/// Draws the window's content; returns whether 閉じる was clicked.
pub fn show(ui: &mut Ui, lang: Lang) -> bool {
    let t = lang.texts();
    let words = t.help;
    ui.heading(format!("{} (Shinchoku)", JA_NAME));
    ui.label(format!("{} {}", words.version, env!("CARGO_PKG_VERSION")));
    ui.label(words.description);
    ui.separator();
    ui.label(format!("{}: {PROGRAM_LICENCE}", words.program_licence));
    ui.label(words.libraries);
    ui.separator();
    ui.label(words.font);
    ui.label(RichText::new(words.font_licence).strong());
    ScrollArea::vertical()
        .max_height(260.0)
        .id_salt("font-licence")
        .show(ui, |ui| {
            ui.label(RichText::new(FONT_LICENCE).monospace().size(11.0));
        });
    ui.separator();
    ui.button(words.close).clicked()
}

/// The program's name as its users write it.
const JA_NAME: &str = "進捗";

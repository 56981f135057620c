//! ヘルプ: the user guide (操作説明書), opened in the system's browser. The words of the ヘルプ
//! menu and the バージョン情報 window are in `i18n/help.rs`.
//!
//! Where the guide is found at run time, first that exists:
//! 1. `docs/guide-ja.html` beside the program — the Windows installer and portable zip;
//! 2. `../share/shinchoku/guide/guide-ja.html` from the program's folder — the .deb installs
//!    the program as `/usr/bin/shinchoku` and the guide in `/usr/share/shinchoku/guide/`
//!    (not `/usr/share/doc`, which minimal and container installs leave out);
//! 3. `docs/guide-ja.html` in the checkout the program was built from (`cargo run`).

use std::path::{Path, PathBuf};

use crate::app::command::{AppCommand, DialogCommand};
use crate::app::state::dialogs::Dialog;
use crate::lang::Lang;

/// The guide's file, the same name in every place it is looked for.
pub const GUIDE_FILE: &str = "guide-ja.html";

/// The divisions' part, printable on its own to send with a survey.
pub const DIVISION_GUIDE_FILE: &str = "guide-division-ja.html";

/// Every place the guide may be, in the order they are tried.
pub fn guide_candidates() -> Vec<PathBuf> {
    let program_dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    let mut places = Vec::new();
    if let Some(dir) = &program_dir {
        places.push(dir.join("docs").join(GUIDE_FILE));
        if let Some(prefix) = dir.parent() {
            places.push(prefix.join("share/shinchoku/guide").join(GUIDE_FILE));
        }
    }
    places.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(GUIDE_FILE),
    );
    places
}

/// The guide, where it is found.
pub fn guide_path() -> Option<PathBuf> {
    guide_candidates().into_iter().find(|p| p.is_file())
}

/// ヘルプ → 操作説明書: the guide handed to the system's browser, and the status bar says
/// which file; where there is none, a dialog names every place looked in.
pub fn open_guide(lang: Lang) -> Vec<AppCommand> {
    let words = lang.texts().help;
    match guide_path() {
        Some(path) => {
            crate::app::viewer::open_in_viewer(&path);
            let notice = format!(
                "{}: {}",
                words.guide_opened,
                crate::model::text::path_shown(&path)
            );
            vec![DialogCommand::Notice(notice).into()]
        }
        None => {
            let places: Vec<String> = guide_candidates()
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            vec![
                DialogCommand::Show(Dialog::Error {
                    title: words.guide_missing_title.into(),
                    message: format!("{}\n{}", words.guide_missing, places.join("\n")),
                })
                .into(),
            ]
        }
    }
}

/// The program's licence, as Cargo.toml gives it.
pub const PROGRAM_LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// The bundled font's licence, whole (the SIL Open Font License asks that it go with the font).
pub const FONT_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

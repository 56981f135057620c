//! The words of the ヘルプ menu and the バージョン情報 window, in their own file beside
//! `ja.rs` and `en.rs` (`Texts::help` points here).

/// The words of the ヘルプ menu and the バージョン情報 window.
pub struct HelpTexts {
    pub menu: &'static str,
    pub guide: &'static str,
    pub about: &'static str,
    pub guide_opened: &'static str,
    pub guide_missing_title: &'static str,
    pub guide_missing: &'static str,
    pub version: &'static str,
    /// What the program is, in a line (the package's description is English).
    pub description: &'static str,
    pub program_licence: &'static str,
    pub font: &'static str,
    pub font_licence: &'static str,
    pub libraries: &'static str,
    pub close: &'static str,
}

pub const JA: HelpTexts = HelpTexts {
    menu: "ヘルプ",
    guide: "操作説明書",
    about: "バージョン情報",
    guide_opened: "操作説明書を開きました",
    guide_missing_title: "操作説明書が見つかりません",
    guide_missing: "操作説明書（guide-ja.html）を次の場所で探しましたが、ありませんでした:",
    version: "バージョン",
    description: "都道府県・市町村の行財政改革の取組の進捗を管理するデスクトップアプリ",
    program_licence: "このプログラムのライセンス",
    font: "画面と PDF の文字: BIZ UDPゴシック（同梱）",
    font_licence: "SIL Open Font License 1.1 の全文",
    libraries: "組み込んだ Rust のライブラリは、それぞれのライセンス（MIT、Apache-2.0 など）に従います。",
    close: "閉じる",
};

pub const EN: HelpTexts = HelpTexts {
    menu: "Help",
    guide: "User guide (Japanese)",
    about: "About",
    guide_opened: "Opened the user guide",
    guide_missing_title: "The user guide cannot be found",
    guide_missing: "The user guide (guide-ja.html) was looked for in these places and is not there:",
    version: "Version",
    description: "A desk-PC progress tracker for the reform programmes of Japanese prefectures and municipalities",
    program_licence: "This program's licence",
    font: "Text on screen and in PDFs: BIZ UDPGothic (bundled)",
    font_licence: "The SIL Open Font License 1.1, in full",
    libraries: "The Rust libraries built in are under their own licences (MIT, Apache-2.0 and others).",
    close: "Close",
};

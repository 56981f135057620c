//! ヘルプ: 操作説明書 opens the guide that is in the checkout, バージョン情報 shows the version
//! and the licences. Its own test binary with one test: it sets `SHINCHOKU_NO_VIEWER` (no
//! browser is started) before any other thread of the test could read the environment.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use shinchoku::app::{Prefs, ShinchokuApp, fonts, help};
use shinchoku::document::Document;

fn harness() -> Harness<'static, ShinchokuApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(fonts::install_style)
        .build_ui_state(
            |ui, app: &mut ShinchokuApp| app.show(ui),
            ShinchokuApp::new(Document::sample(), Prefs::default()),
        );
    h.run();
    h
}

#[test]
fn the_help_menu_opens_the_guide_and_shows_the_version_and_licences() {
    // SAFETY: the only test of this binary, run before it starts a thread of its own; nothing
    // else reads the environment at the same time.
    unsafe { std::env::set_var("SHINCHOKU_NO_VIEWER", "1") };

    // In a checkout the guide is docs/guide-ja.html, with the divisions' part beside it.
    let guide = help::guide_path().expect("the guide is found from a checkout");
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    assert_eq!(guide, docs.join(help::GUIDE_FILE));
    assert!(docs.join(help::DIVISION_GUIDE_FILE).is_file());
    let text = std::fs::read_to_string(&guide).unwrap();
    assert!(
        text.contains("<html lang=\"ja\">"),
        "the guide is a Japanese page"
    );
    for name in [
        "操作説明書",
        "照会",
        "取り込み",
        "提出状況",
        "差戻し",
        "遅れ",
        "要確認",
    ] {
        assert!(text.contains(name), "the guide says {name}");
    }
    // Every picture the guide shows is there.
    for src in text.split("src=\"").skip(1) {
        let file = &src[..src.find('"').unwrap()];
        assert!(docs.join(file).is_file(), "{file} is in docs/");
    }

    let mut h = harness();
    h.get_by_label("ヘルプ").click();
    h.run();
    h.get_by_label_contains("操作説明書").click();
    h.run();
    h.get_by_label(&format!("操作説明書を開きました: {}", guide.display()));

    h.get_by_label("ヘルプ").click();
    h.run();
    h.get_by_label("バージョン情報").click();
    h.run();
    h.get_by_label(&format!("バージョン {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("このプログラムのライセンス: MIT OR Apache-2.0");
    h.get_by_label("画面と PDF の文字: BIZ UDPゴシック（同梱）");
    h.get_by_label_contains("SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007");
    h.get_by_label("閉じる").click();
    h.run();
    assert!(
        h.query_by_label("SIL Open Font License 1.1 の全文")
            .is_none()
    );
}

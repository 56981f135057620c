//! What every window test needs: a harness on the sample, at a size, with the bundled font.

// What the feature modules use, so each needs only `use crate::helpers::*`.
pub use egui::ViewportCommand;
use egui::{ViewportEvent, ViewportId};
pub use egui_kittest::Harness;
pub use egui_kittest::kittest::Queryable;
pub use shinchoku::app::*;
pub use shinchoku::document::Document;
#[allow(unused_imports)]
pub use shinchoku::edit::Intent;

pub const FIRST_TITLE: &str = "現場重視でさまざまな主体との協創を促進する職員の人材育成";

pub const SECOND_TITLE: &str = "協創による事業・業務の実施を促進する仕組みの構築";

pub fn harness_with(app: ShinchokuApp, height: f32) -> Harness<'static, ShinchokuApp> {
    Harness::builder()
        .with_size(egui::vec2(1800.0, height))
        .with_theme(egui::Theme::Light)
        .with_context_setup(fonts::install_style)
        .build_ui_state(|ui, app: &mut ShinchokuApp| app.show(ui), app)
}

pub fn sample_harness() -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()),
        1000.0,
    );
    h.run();
    h
}

pub fn request_close(h: &mut Harness<'static, ShinchokuApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
}

pub fn sent(h: &Harness<'static, ShinchokuApp>, command: &ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

pub fn tall_harness() -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(
        ShinchokuApp::new(Document::sample(), Prefs::default()),
        4200.0,
    );
    h.run();
    h
}

pub fn status_labels(h: &Harness<'static, ShinchokuApp>, text: &str) -> usize {
    h.query_all_by_label(text).count()
}

/// Lets the background job (a PDF or an export) run to its end (a minute at most), then settles
/// the window.
pub fn wait_for_job(h: &mut Harness<'static, ShinchokuApp>) {
    h.step();
    let started = std::time::Instant::now();
    while h.state().job_running() {
        assert!(started.elapsed().as_secs() < 60, "the job finishes");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// Draws frames until a label `text` shows (a layout made on a worker, for one).
pub fn wait_for_label(h: &mut Harness<'static, ShinchokuApp>, text: &str) {
    let started = std::time::Instant::now();
    while h.query_by_label(text).is_none() {
        assert!(started.elapsed().as_secs() < 60, "「{text}」 shows");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// How long the window, idle, would sleep after the last frame before drawing another (what it
/// asked egui for; `Duration::MAX`: until there is input).
pub fn sleeps_for(h: &Harness<'static, ShinchokuApp>) -> std::time::Duration {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map_or(std::time::Duration::MAX, |v| v.repaint_delay)
}

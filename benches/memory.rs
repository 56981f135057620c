//! Heap bytes of a generated report of 10,000 initiatives: the model as opened (what stays
//! while it is open), the most held at once while opening it (the file's text and the model
//! together), the grid's row list, and the most held while printing it (planned, then each
//! page drawn as it is painted into the tagged PDF, as `shinchoku print` does). Counted by a global allocator, so the figures are bytes
//! asked of the allocator, not what the system shows (allocator overhead and freed pages kept
//! aside come on top). Not timed; run with `cargo bench --bench memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use shinchoku::store;
use shinchoku::synthetic::large_report;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the layout is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the pointer came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let live = if new_size >= layout.size() {
            LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size()
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed) - (layout.size() - new_size)
        };
        PEAK.fetch_max(live, Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc`; the caller keeps `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn main() {
    // `cargo test` runs benches once with `--bench` absent; the figures are for `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let text = store::to_ron(&large_report(10_000));
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    CALLS.store(0, Ordering::Relaxed);
    let report = store::from_ron(&text).expect("the generated report opens");
    let kept = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let calls = CALLS.load(Ordering::Relaxed);
    println!("memory/10000_initiatives: RON text {}", mb(text.len()));
    println!(
        "memory/10000_initiatives: model {} ({calls} allocations opening it; {} most held \
         while opening, beside the text)",
        mb(kept),
        mb(peak)
    );
    let before = LIVE.load(Ordering::Relaxed);
    let rows = shinchoku::grid::rows(&report, &shinchoku::grid::RowFilter::default());
    println!(
        "memory/10000_initiatives: grid rows {} ({} rows)",
        mb(LIVE.load(Ordering::Relaxed) - before),
        rows.len()
    );
    drop(rows);
    printed(&report);
    #[cfg(feature = "gui")]
    window::held_by_the_window(report);
}

/// The most held beside the report while it is laid out and printed tagged on A3.
fn printed(report: &shinchoku::model::Report) {
    use shinchoku::print::{self, PageSetup, PrintJob, pdf};
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let setup = PageSetup::default();
    let job = PrintJob {
        report,
        setup: &setup,
        printed_on: String::new(),
        comparison: None,
    };
    let plan = print::plan_pages(&job, &mut |_| {}).expect("within the page limit");
    let (pages, planned) = (plan.pages(), LIVE.load(Ordering::Relaxed) - before);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let tagged = pdf::Tagging::Tagged;
    let made =
        pdf::render_plan(plan, &report.title, tagged, &mut |_| {}, &stop).expect("the PDF is made");
    println!(
        "memory/10000_initiatives: print {} most held ({pages} pages; the plan {}, the PDF {})",
        mb(PEAK.load(Ordering::Relaxed) - before),
        mb(planned),
        mb(made.len())
    );
}

#[cfg(feature = "gui")]
mod window {
    use super::*;
    use shinchoku::app::{Prefs, ShinchokuApp, fonts};
    use shinchoku::document::{Document, Origin};
    use shinchoku::model::Report;

    /// What the window holds beside the report after 30 frames without a screen (the sample
    /// first, for what any report costs: egui's fonts and caches).
    pub fn held_by_the_window(report: Report) {
        let sample = Document::sample();
        let large = Document::new(report, Origin::Sample, Vec::new());
        for (name, doc) in [("sample", sample), ("10000_initiatives", large)] {
            let before = LIVE.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            let ctx = egui::Context::default();
            fonts::install_style(&ctx);
            let mut app = ShinchokuApp::new(doc, Prefs::default());
            let input = || egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1600.0, 1000.0),
                )),
                ..Default::default()
            };
            for _ in 0..30 {
                ctx.run_ui(input(), |ui| app.show(ui))
                    .drop_without_applying_deltas();
            }
            println!(
                "memory/window/{name}: {} beside the report after 30 frames ({} most)",
                mb(LIVE.load(Ordering::Relaxed) - before),
                mb(PEAK.load(Ordering::Relaxed) - before)
            );
        }
    }
}

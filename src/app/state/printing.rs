//! Printing from the window: the preview (open, page, cached layout), and the work of a PDF job
//! ([`pdf_work`], run by [`crate::app::state::jobs`] on a worker thread). The page setup is a
//! preference (`Prefs::page_setup`). Changed through [`PrintState::handle`], and by the app
//! opening the preview and laying it out for the report shown.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::open::ReportFrame;
use crate::app::command::PrintCommand;
use crate::app::i18n::Lang;
use crate::app::state::jobs::{JobError, Made, Work};
use crate::compare::Comparison;

/// The report's revision and the comparison's generation a layout was made for.
type LayoutKey = (u64, Option<u64>);
use crate::lang::Describe;
use crate::model::Report;
use crate::print::{self, PageSetup, PrintJob, PrintLayout};

/// The preview's pages, or why there are none (a printout too long to lay out).
pub type PreviewLayout = Result<PrintLayout, print::TooManyPages>;

/// Up to this many entries (plan and results) a layout is made on the window's thread (some
/// 30 ms, scaled from the 10,000-initiative sample: about 80,000 entries in half a second); a
/// larger report's on a worker, the preview showing the pages before (or its progress)
/// meanwhile: on the window's thread it froze the window at each change of the page setup.
const LAID_OUT_AT_ONCE: usize = 5_000;

#[derive(Default)]
pub struct PrintState {
    preview_open: bool,
    preview_page: usize,
    /// The preview's layout, and what it was made from: the report's revision, the setup and
    /// the comparison's generation (its marks print too).
    cache: Option<(LayoutKey, PageSetup, Arc<PreviewLayout>)>,
    /// The layout being made on a worker, one at a time.
    making: Option<Making>,
    /// The report and setup whose worker ended without a layout.
    failed: Option<(LayoutKey, PageSetup)>,
}

/// A layout made on a worker, for the key and setup it was asked for.
struct Making {
    key: LayoutKey,
    setup: PageSetup,
    /// How far it got (an `f32`'s bits).
    progress: Arc<AtomicU32>,
    receiver: Receiver<PreviewLayout>,
}

/// What the preview shows: the layout of the report as it is, or while a new one is made, the
/// one before (none at first) and how far the new one got.
pub struct PreviewPages {
    pub layout: Option<Arc<PreviewLayout>>,
    pub making: Option<f32>,
}

impl PrintState {
    pub fn preview_open(&self) -> bool {
        self.preview_open
    }

    pub fn open_preview(&mut self) {
        self.preview_open = true;
    }

    pub fn preview_page(&self) -> usize {
        self.preview_page
    }

    pub fn handle(&mut self, command: PrintCommand) {
        match command {
            PrintCommand::ClosePreview => self.preview_open = false,
            PrintCommand::SetPreviewPage(page) => self.preview_page = page,
        }
    }

    /// The layout for the preview, made again only when the report or the setup changed: at
    /// once for a report of few entries, else on a worker (one at a time: a change made while
    /// one works is laid out when it ends).
    pub fn layout(
        &mut self,
        frame: ReportFrame,
        setup: &PageSetup,
        ctx: &egui::Context,
    ) -> PreviewPages {
        let key = (frame.revision, frame.compared.map(|c| c.1));
        match self.making.as_ref().map(|m| m.receiver.try_recv()) {
            Some(Ok(made)) => {
                let m = self.making.take().expect("a layout was being made");
                self.keep(m.key, m.setup, Arc::new(made));
            }
            // The worker ended without a layout (it failed): not started again for the same
            // report and setup, whose pages stay unshown.
            Some(Err(TryRecvError::Disconnected)) => {
                let m = self.making.take().expect("a layout was being made");
                self.failed = Some((m.key, m.setup));
            }
            Some(Err(TryRecvError::Empty)) | None => {}
        }
        if let Some((_, _, layout)) = self
            .cache
            .as_ref()
            .filter(|(k, s, _)| *k == key && s == setup)
        {
            return PreviewPages {
                layout: Some(layout.clone()),
                making: None,
            };
        }
        let job = |report, comparison| PrintJob {
            report,
            setup,
            printed_on: print::today(),
            comparison,
        };
        if frame.report.entry_count() <= LAID_OUT_AT_ONCE {
            let layout =
                print::layout(&job(frame.report, frame.compared.map(|c| c.0)), &mut |_| {});
            self.keep(key, setup.clone(), Arc::new(layout));
            return self.layout(frame, setup, ctx);
        }
        let failed = self
            .failed
            .as_ref()
            .is_some_and(|(k, s)| *k == key && s == setup);
        if self.making.is_none() && !failed {
            self.making = Some(make_on_worker(frame, setup, key, ctx));
        }
        PreviewPages {
            layout: self.cache.as_ref().map(|(_, _, l)| l.clone()),
            making: self
                .making
                .as_ref()
                .map(|m| f32::from_bits(m.progress.load(Ordering::Relaxed))),
        }
    }

    fn keep(&mut self, key: LayoutKey, setup: PageSetup, layout: Arc<PreviewLayout>) {
        let pages = layout.as_ref().as_ref().map_or(0, |l| l.pages.len());
        self.preview_page = self.preview_page.min(pages.saturating_sub(1));
        self.cache = Some((key, setup, layout));
    }
}

/// Starts laying out the report as it is on a worker (a copy: the user may go on editing).
fn make_on_worker(
    frame: ReportFrame,
    setup: &PageSetup,
    key: LayoutKey,
    ctx: &egui::Context,
) -> Making {
    let (report, comparison) = (frame.report.clone(), frame.compared.map(|c| c.0.clone()));
    let (sender, receiver) = channel();
    let progress = Arc::new(AtomicU32::new(0f32.to_bits()));
    let (told, ctx, for_worker) = (progress.clone(), ctx.clone(), setup.clone());
    std::thread::spawn(move || {
        let job = PrintJob {
            report: &report,
            setup: &for_worker,
            printed_on: print::today(),
            comparison: comparison.as_ref(),
        };
        let layout = print::layout(&job, &mut |p| {
            told.store(p.to_bits(), Ordering::Relaxed);
            ctx.request_repaint();
        });
        // The preview closed, or the window ended: nobody waits, and that is fine.
        let _ = sender.send(layout);
        ctx.request_repaint();
    });
    Making {
        key,
        setup: setup.clone(),
        progress,
        receiver,
    }
}

/// The work of a PDF job (see [`crate::app::state::jobs`]): the layout, then the pages, which
/// stop at the next page once 中止 is pressed. The report is copied: the user may go on editing
/// while it runs.
pub fn pdf_work(
    report: &Report,
    setup: &PageSetup,
    comparison: Option<&Comparison>,
    lang: Lang,
) -> Work {
    let report = report.clone();
    let setup = setup.clone();
    let comparison = comparison.cloned();
    Box::new(move |progress, stop| {
        let job = PrintJob {
            report: &report,
            setup: &setup,
            printed_on: print::today(),
            comparison: comparison.as_ref(),
        };
        let plan = print::plan_pages(&job, &mut |p| progress(p * 0.5));
        let plan = plan.map_err(JobError::of)?;
        let mut progress = |p| progress(0.5 + p * 0.5);
        let title = &report.title;
        let (tagged, too_large) = print::pdf::tagging_for(&plan, print::pdf::Tagging::Tagged);
        // The pages are drawn as they are painted: a long printout's are not all held.
        match print::pdf::render_plan(plan, title, tagged, &mut progress, stop) {
            Ok(bytes) => Ok(Made {
                bytes,
                notes: too_large.iter().map(|n| n.describe(lang)).collect(),
            }),
            // A printout failing the accessibility check (or a fault putting its structure
            // together) does not hold a meeting up: it is planned again and made untagged, and
            // the note says why.
            Err(e @ (print::pdf::PdfError::NotAccessible(_) | print::pdf::PdfError::Internal)) => {
                let untagged = print::pdf::Tagging::Untagged;
                let plan = print::plan_pages(&job, &mut |_| {}).map_err(JobError::of)?;
                print::pdf::render_plan(plan, title, untagged, &mut progress, stop)
                    .map(|bytes| Made {
                        bytes,
                        notes: vec![format!(
                            "{}: {}",
                            lang.texts().pdf_untagged,
                            e.why_untagged(lang)
                        )],
                    })
                    .map_err(JobError::of)
            }
            Err(e) => Err(JobError::of(e)),
        }
    })
}

//! Printing from the window: the preview (open, page, cached layout), and the work of a PDF job
//! ([`pdf_work`], run by [`crate::app::state::jobs`] on a worker thread). The page setup is a
//! preference (`Prefs::page_setup`). Changed only by [`PrintState::handle`].

use std::sync::Arc;

use super::open::ReportFrame;
use crate::app::command::PrintCommand;
use crate::app::i18n::Lang;
use crate::app::state::jobs::{Made, Work};
use crate::compare::Comparison;

/// The report's revision and the comparison's generation a layout was made for.
type LayoutKey = (u64, Option<u64>);
use crate::lang::Describe;
use crate::model::Report;
use crate::print::{self, PageSetup, PrintJob, PrintLayout};

/// The preview's pages, or why there are none (a printout too long to lay out).
pub type PreviewLayout = Result<PrintLayout, print::TooManyPages>;

#[derive(Default)]
pub struct PrintState {
    preview_open: bool,
    preview_page: usize,
    /// The preview's layout, and what it was made from: the report's revision, the setup and
    /// the comparison's generation (its marks print too).
    cache: Option<(LayoutKey, PageSetup, Arc<PreviewLayout>)>,
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

    /// The layout for the preview, recomputed only when the report or the setup changed.
    pub fn layout(&mut self, frame: ReportFrame, setup: &PageSetup) -> Arc<PreviewLayout> {
        let (report, revision, compared) = (frame.report, frame.revision, frame.compared);
        let key = (revision, compared.map(|c| c.1));
        if let Some((k, s, layout)) = &self.cache
            && *k == key
            && s == setup
        {
            return layout.clone();
        }
        let job = PrintJob {
            report,
            setup,
            printed_on: print::today(),
            comparison: compared.map(|c| c.0),
        };
        let layout = Arc::new(print::layout(&job, &mut |_| {}));
        let pages = layout.as_ref().as_ref().map_or(0, |l| l.pages.len());
        self.preview_page = self.preview_page.min(pages.saturating_sub(1));
        self.cache = Some((key, setup.clone(), layout.clone()));
        layout
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
        let plan = plan.map_err(|e| e.describe(lang))?;
        let mut progress = |p| progress(0.5 + p * 0.5);
        let (title, tagged) = (&report.title, print::pdf::Tagging::Tagged);
        // The pages are drawn as they are painted: a long printout's are not all held.
        match print::pdf::render_plan(plan, title, tagged, &mut progress, stop) {
            Ok(bytes) => Ok(Made {
                bytes,
                notes: Vec::new(),
            }),
            // Text the bundled font lacks cannot be tagged: a meeting's printout is not held up
            // for that (nor for a fault putting the structure together) — it is planned again
            // and made untagged, and the user is told why.
            Err(e @ (print::pdf::PdfError::NotAccessible(_) | print::pdf::PdfError::Internal)) => {
                let untagged = print::pdf::Tagging::Untagged;
                let plan = print::plan_pages(&job, &mut |_| {}).map_err(|e| e.describe(lang))?;
                print::pdf::render_plan(plan, title, untagged, &mut progress, stop)
                    .map(|bytes| Made {
                        bytes,
                        notes: vec![format!(
                            "{}: {}",
                            lang.texts().pdf_untagged,
                            e.describe(lang)
                        )],
                    })
                    .map_err(|e| e.describe(lang))
            }
            Err(e) => Err(e.describe(lang)),
        }
    })
}

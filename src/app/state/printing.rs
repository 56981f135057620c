//! Printing from the window: the preview (open, page, cached layout) and PDF jobs that run on a
//! worker thread with progress, so a long job never freezes the window. The page setup is a
//! preference (`Prefs::page_setup`). Changed only by [`PrintState::handle`] and the start of a
//! job.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::open::ReportFrame;
use crate::app::command::{AppCommand, DialogCommand, PrintCommand};
use crate::app::i18n::Lang;
use crate::app::state::dialogs::Dialog;
use crate::compare::Comparison;

/// The report's revision and the comparison's generation a layout was made for.
type LayoutKey = (u64, Option<u64>);
use crate::lang::Describe;
use crate::model::Report;
use crate::print::{self, PageSetup, PrintJob, PrintLayout};

/// What a finished PDF is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfPurpose {
    /// Written to a temporary file and opened in the system's PDF viewer to print.
    Print,
    /// Saved where the user chose.
    Export(PathBuf),
}

enum JobMessage {
    Progress(f32),
    /// The PDF, and why it is untagged when it had to be.
    Done(Result<(Vec<u8>, Option<String>), String>),
}

struct PdfTask {
    purpose: PdfPurpose,
    progress: f32,
    receiver: Receiver<JobMessage>,
}

/// How a finished job ended, for the status bar or an error dialog.
enum JobOutcome {
    /// Written; with why it is untagged, when it is.
    Written(PathBuf, Option<String>),
    Failed(String),
    CannotWrite(PathBuf, std::io::Error),
}

#[derive(Default)]
pub struct PrintState {
    preview_open: bool,
    preview_page: usize,
    /// The preview's layout, and what it was made from: the report's revision, the setup and
    /// the comparison's generation (its marks print too).
    cache: Option<(LayoutKey, PageSetup, Arc<PrintLayout>)>,
    task: Option<PdfTask>,
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

    /// The running job's progress (0–1), if one is running.
    pub fn progress(&self) -> Option<f32> {
        self.task.as_ref().map(|t| t.progress)
    }

    pub fn handle(&mut self, command: PrintCommand, lang: Lang, title: &str) -> Vec<AppCommand> {
        match command {
            PrintCommand::ClosePreview => self.preview_open = false,
            PrintCommand::SetPreviewPage(page) => self.preview_page = page,
            PrintCommand::PollJob => return self.poll(lang, title),
        }
        Vec::new()
    }

    /// The layout for the preview, recomputed only when the report or the setup changed.
    pub fn layout(&mut self, frame: ReportFrame, setup: &PageSetup) -> Arc<PrintLayout> {
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
        self.preview_page = self.preview_page.min(layout.pages.len().saturating_sub(1));
        self.cache = Some((key, setup.clone(), layout.clone()));
        layout
    }

    pub fn busy(&self) -> bool {
        self.task.is_some()
    }

    /// Starts making the PDF on a worker thread (unless one is running).
    pub fn start(
        &mut self,
        report: &Report,
        setup: &PageSetup,
        comparison: Option<&Comparison>,
        purpose: PdfPurpose,
        lang: Lang,
        ctx: &egui::Context,
    ) {
        if self.busy() {
            return;
        }
        let (sender, receiver) = channel();
        let report = report.clone();
        let setup = setup.clone();
        let comparison = comparison.cloned();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let send = |m: JobMessage| {
                let _ = sender.send(m);
                ctx.request_repaint();
            };
            let job = PrintJob {
                report: &report,
                setup: &setup,
                printed_on: print::today(),
                comparison: comparison.as_ref(),
            };
            let layout = print::layout(&job, &mut |p| send(JobMessage::Progress(p * 0.5)));
            let mut progress = |p| send(JobMessage::Progress(0.5 + p * 0.5));
            let pdf = match print::pdf::render(&layout, &report.title, &mut progress) {
                // Text the bundled font lacks cannot be tagged: a meeting's printout is not
                // held up for that — it is made untagged, and the user is told why.
                Err(e @ print::pdf::PdfError::NotAccessible(_)) => {
                    let untagged = print::pdf::Tagging::Untagged;
                    print::pdf::render_with(&layout, &report.title, untagged, &mut progress)
                        .map(|bytes| (bytes, Some(e.describe(lang))))
                }
                other => other.map(|bytes| (bytes, None)),
            };
            send(JobMessage::Done(pdf.map_err(|e| e.describe(lang))));
        });
        self.task = Some(PdfTask {
            purpose,
            progress: 0.0,
            receiver,
        });
    }

    /// Takes the worker's news: progress in the status bar, and once it ended, where the PDF
    /// went or why it failed.
    fn poll(&mut self, lang: Lang, title: &str) -> Vec<AppCommand> {
        let t = lang.texts();
        let Some(task) = self.task.as_mut() else {
            return Vec::new();
        };
        let outcome = loop {
            match task.receiver.try_recv() {
                Ok(JobMessage::Progress(p)) => task.progress = p,
                Ok(JobMessage::Done(result)) => {
                    let purpose = task.purpose.clone();
                    break finish(result, purpose, title);
                }
                Err(TryRecvError::Empty) => {
                    let notice = format!("{}… {:.0}%", t.making_pdf, task.progress * 100.0);
                    return vec![DialogCommand::Notice(notice).into()];
                }
                Err(TryRecvError::Disconnected) => {
                    break JobOutcome::Failed(t.pdf_job_stopped.to_string());
                }
            }
        };
        self.task = None;
        vec![match outcome {
            JobOutcome::Written(path, None) => {
                DialogCommand::Notice(format!("{}: {}", t.pdf_written, path.display())).into()
            }
            JobOutcome::Written(path, Some(why)) => DialogCommand::Notice(format!(
                "{}: {} — {}: {why}",
                t.pdf_written,
                path.display(),
                t.pdf_untagged
            ))
            .into(),
            JobOutcome::Failed(message) => DialogCommand::Show(Dialog::Error {
                title: t.pdf_failed.into(),
                message,
            })
            .into(),
            JobOutcome::CannotWrite(path, reason) => DialogCommand::Show(Dialog::Error {
                title: t.pdf_failed.into(),
                message: format!(
                    "{}: {} {}",
                    path.display(),
                    t.cannot_write,
                    reason.describe(lang)
                ),
            })
            .into(),
        }]
    }
}

fn finish(
    result: Result<(Vec<u8>, Option<String>), String>,
    purpose: PdfPurpose,
    title: &str,
) -> JobOutcome {
    let (bytes, untagged) = match result {
        Ok(b) => b,
        Err(e) => return JobOutcome::Failed(e),
    };
    let (path, view) = match purpose {
        PdfPurpose::Export(path) => (path, false),
        PdfPurpose::Print => (temp_pdf_path(title), true),
    };
    if let Err(e) = crate::store::write_atomically(&path, &bytes) {
        return JobOutcome::CannotWrite(path, e);
    }
    if view {
        open_in_viewer(&path);
    }
    JobOutcome::Written(path, untagged)
}

fn temp_pdf_path(title: &str) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let safe: String = title
        .chars()
        .filter(|c| !r#"\/:*?"<>|"#.contains(*c) && !c.is_control())
        .take(40)
        .collect();
    std::env::temp_dir().join(format!("{safe}-{stamp}.pdf"))
}

/// Hands the PDF to the system's viewer, which prints it. Failing to start one is not fatal:
/// the file is there, and the status bar says where.
fn open_in_viewer(path: &Path) {
    if std::env::var_os("SHINCHOKU_NO_VIEWER").is_some() {
        return;
    }
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    let _ = command.spawn();
}

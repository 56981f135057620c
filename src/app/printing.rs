//! Printing from the window: the page setup, the preview's cached layout, and PDF jobs that
//! run on a worker thread with progress, so a long job never freezes the window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

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
    Done(Result<Vec<u8>, String>),
}

pub struct PdfTask {
    pub purpose: PdfPurpose,
    pub progress: f32,
    receiver: Receiver<JobMessage>,
}

/// How a finished job ended, for the status bar or an error dialog.
pub enum JobOutcome {
    Written(PathBuf),
    Failed(String),
}

#[derive(Default)]
pub struct Printing {
    pub setup: PageSetup,
    pub preview_open: bool,
    pub preview_page: usize,
    cache: Option<(u64, PageSetup, Arc<PrintLayout>)>,
    pub task: Option<PdfTask>,
}

impl Printing {
    pub fn with_setup(setup: PageSetup) -> Printing {
        Printing {
            setup,
            ..Default::default()
        }
    }

    /// The layout for the preview, recomputed only when the report or the setup changed.
    pub fn layout(&mut self, report: &Report, revision: u64) -> Arc<PrintLayout> {
        if let Some((r, s, layout)) = &self.cache
            && *r == revision
            && *s == self.setup
        {
            return layout.clone();
        }
        let job = PrintJob {
            report,
            setup: &self.setup,
            printed_on: print::today(),
        };
        let layout = Arc::new(print::layout(&job, &mut |_| {}));
        self.preview_page = self.preview_page.min(layout.pages.len().saturating_sub(1));
        self.cache = Some((revision, self.setup.clone(), layout.clone()));
        layout
    }

    pub fn busy(&self) -> bool {
        self.task.is_some()
    }

    /// Starts making the PDF on a worker thread.
    pub fn start(&mut self, report: &Report, purpose: PdfPurpose, ctx: &egui::Context) {
        let (sender, receiver) = channel();
        let report = report.clone();
        let setup = self.setup.clone();
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
            };
            let layout = print::layout(&job, &mut |p| send(JobMessage::Progress(p * 0.5)));
            let pdf = print::pdf::render(&layout, &report.title, &mut |p| {
                send(JobMessage::Progress(0.5 + p * 0.5))
            });
            send(JobMessage::Done(pdf.map_err(|e| e.to_string())));
        });
        self.task = Some(PdfTask {
            purpose,
            progress: 0.0,
            receiver,
        });
    }

    /// Takes the worker's news; returns how the job ended once it has.
    pub fn poll(&mut self, title: &str) -> Option<JobOutcome> {
        let task = self.task.as_mut()?;
        loop {
            match task.receiver.try_recv() {
                Ok(JobMessage::Progress(p)) => task.progress = p,
                Ok(JobMessage::Done(result)) => {
                    let purpose = task.purpose.clone();
                    self.task = None;
                    return Some(finish(result, purpose, title));
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.task = None;
                    return Some(JobOutcome::Failed(
                        "the PDF job stopped unexpectedly".into(),
                    ));
                }
            }
        }
    }
}

fn finish(result: Result<Vec<u8>, String>, purpose: PdfPurpose, title: &str) -> JobOutcome {
    let bytes = match result {
        Ok(b) => b,
        Err(e) => return JobOutcome::Failed(e),
    };
    let (path, view) = match purpose {
        PdfPurpose::Export(path) => (path, false),
        PdfPurpose::Print => (temp_pdf_path(title), true),
    };
    if let Err(e) = crate::store::write_atomically(&path, &bytes) {
        return JobOutcome::Failed(format!("{}: cannot write: {e}", path.display()));
    }
    if view {
        open_in_viewer(&path);
    }
    JobOutcome::Written(path)
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

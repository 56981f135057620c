//! Work that runs on a worker thread so that a long job never freezes the window: a PDF to print
//! or to save, and the exports (XLSX, the report table, CSV, the web page). One job at a time;
//! the status bar shows its progress and a 中止 button ([`JobCommand::Stop`]).
//!
//! The worker only makes the bytes. The file is written here, on the window's thread, once the
//! job has finished — so a stopped job leaves no file, neither whole nor half. Stopping sets the
//! job's stop flag and forgets the job at once: a PDF's worker ends at its next page; an export
//! has no steps to stop between (the export code gives none), so its worker runs to the end of
//! making the bytes and they are thrown away.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub use crate::app::command::JobCommand;
use crate::app::command::{AppCommand, DialogCommand};
use crate::app::i18n::Lang;
use crate::app::state::dialogs::Dialog;
use crate::lang::Describe;

/// Where a job's bytes go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobOutput {
    /// A PDF written to a temporary file and opened in the system's PDF viewer, to print.
    PrintPdf,
    /// A PDF saved where the user chose.
    Pdf(PathBuf),
    /// An export (XLSX, the report table, CSV, the web page) saved where the user chose.
    Export(PathBuf),
}

/// What a finished job made: the bytes, and what the user is told beside them (why a PDF is
/// untagged, what an export wrote otherwise than the report holds it).
pub struct Made {
    pub bytes: Vec<u8>,
    pub notes: Vec<String>,
}

/// A job's work, run on the worker: told the fraction done and the stop flag, it returns the
/// bytes, or why there are none.
pub type Work = Box<dyn FnOnce(&mut dyn FnMut(f32), &AtomicBool) -> Result<Made, JobError> + Send>;

/// Why a job made nothing: the error as its kind, worded in the window's language when it is
/// shown (not when the worker met it).
pub struct JobError(Box<dyn Describe + Send>);

impl JobError {
    pub fn of(e: impl Describe + Send + 'static) -> JobError {
        JobError(Box::new(e))
    }
}

/// The worker ended without a word (it panicked).
struct JobStopped;

impl Describe for JobStopped {
    fn describe(&self, lang: Lang) -> String {
        lang.texts().pdf_job_stopped.to_string()
    }
}

enum Message {
    Progress(f32),
    Done(Result<Made, JobError>),
}

struct Running {
    output: JobOutput,
    progress: f32,
    receiver: Receiver<Message>,
    stop: Arc<AtomicBool>,
}

/// The background job, if one runs, and how many worker threads are still alive (a stopped
/// job's worker may still be ending).
#[derive(Default)]
pub struct Jobs {
    running: Option<Running>,
    workers: Arc<AtomicUsize>,
}

/// Counts a worker thread as alive until it returns.
struct Alive(Arc<AtomicUsize>);

impl Drop for Alive {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Jobs {
    /// The running job's output and progress (0–1).
    pub fn running(&self) -> Option<(&JobOutput, f32)> {
        self.running.as_ref().map(|r| (&r.output, r.progress))
    }

    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Worker threads still alive, the stopped ones included.
    pub fn workers(&self) -> usize {
        self.workers.load(Ordering::SeqCst)
    }

    /// Starts `work` on a worker thread, unless a job runs already.
    pub fn start(&mut self, output: JobOutput, work: Work, ctx: &egui::Context) {
        if self.busy() {
            return;
        }
        let (sender, receiver) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let (flag, ctx) = (stop.clone(), ctx.clone());
        self.workers.fetch_add(1, Ordering::SeqCst);
        let alive = Alive(self.workers.clone());
        std::thread::spawn(move || {
            let _alive = alive;
            let send = |m: Message| {
                // The window forgot a stopped job: nobody listens, and that is fine.
                let _ = sender.send(m);
                ctx.request_repaint();
            };
            let made = work(&mut |p| send(Message::Progress(p)), &flag);
            send(Message::Done(made));
        });
        self.running = Some(Running {
            output,
            progress: 0.0,
            receiver,
            stop,
        });
    }

    pub fn handle(&mut self, command: JobCommand, lang: Lang, title: &str) -> Vec<AppCommand> {
        match command {
            JobCommand::Poll => self.poll(lang, title),
            JobCommand::Stop => self.stop(lang),
        }
    }

    fn stop(&mut self, lang: Lang) -> Vec<AppCommand> {
        let Some(job) = self.running.take() else {
            return Vec::new();
        };
        job.stop.store(true, Ordering::SeqCst);
        vec![DialogCommand::Notice(words(lang).stopped.to_string()).into()]
    }

    /// Takes the worker's news; once it ended, writes the file and says where, or why not.
    fn poll(&mut self, lang: Lang, title: &str) -> Vec<AppCommand> {
        let Some(job) = self.running.as_mut() else {
            return Vec::new();
        };
        let result = loop {
            match job.receiver.try_recv() {
                Ok(Message::Progress(p)) => job.progress = p,
                Ok(Message::Done(result)) => break result,
                Err(TryRecvError::Empty) => return Vec::new(),
                Err(TryRecvError::Disconnected) => {
                    break Err(JobError::of(JobStopped));
                }
            }
        };
        let output = job.output.clone();
        self.running = None;
        vec![finish(result, output, lang, title)]
    }
}

/// The work of an export job: the bytes of the format the path's extension names. The report
/// is copied: the user may go on editing while it runs. The export gives no progress nor a
/// place to stop (see the module).
pub fn export_work(
    report: &crate::model::Report,
    path: &std::path::Path,
    encoding: crate::export::Encoding,
    lang: Lang,
) -> Work {
    use crate::export::{self, ExportError, Format};
    let report = report.clone();
    let path = path.to_path_buf();
    Box::new(move |progress, _stop| {
        let format = Format::from_path(&path)
            .ok_or_else(|| JobError::of(ExportError::UnknownFormat { path: path.clone() }))?;
        let exported = export::export(&report, format, encoding).map_err(JobError::of)?;
        progress(1.0);
        Ok(Made {
            bytes: exported.bytes,
            notes: exported.warnings.iter().map(|w| w.describe(lang)).collect(),
        })
    })
}

/// The finished job's file written (atomically), and what the user is told.
fn finish(
    result: Result<Made, JobError>,
    output: JobOutput,
    lang: Lang,
    title: &str,
) -> AppCommand {
    let t = lang.texts();
    let (done, failed) = match &output {
        JobOutput::Export(_) => (t.exported, t.export_failed),
        JobOutput::Pdf(_) | JobOutput::PrintPdf => (t.pdf_written, t.pdf_failed),
    };
    let error = |message: String| {
        DialogCommand::Show(Dialog::Error {
            title: failed.into(),
            message,
        })
        .into()
    };
    let made = match result {
        Ok(made) => made,
        Err(why) => return error(why.0.describe(lang)),
    };
    let output_kind = output.clone();
    let (path, view) = match output {
        JobOutput::Export(path) | JobOutput::Pdf(path) => (path, false),
        JobOutput::PrintPdf => (temp_pdf_path(title), true),
    };
    if let Err(e) = crate::store::write_output(&path, &made.bytes) {
        return error(crate::app::i18n::cannot_write(&path, &e, lang));
    }
    if view {
        crate::app::viewer::open_in_viewer(&path);
    }
    if made.notes.is_empty() {
        return DialogCommand::Notice(format!("{done}: {}", crate::model::text::path_shown(&path)))
            .into();
    }
    if !matches!(output_kind, JobOutput::Export(_)) {
        // A PDF made untagged: printed all the same, the status bar says why.
        let notes = made.notes.join(" ");
        return DialogCommand::Notice(format!(
            "{done}: {} — {notes}",
            crate::model::text::path_shown(&path)
        ))
        .into();
    }
    // An export written, but not all as the report holds it: a dialog says what.
    DialogCommand::Show(Dialog::Error {
        title: done.into(),
        message: format!(
            "{}\n{}",
            crate::model::text::path_shown(&path),
            made.notes.join("\n")
        ),
    })
    .into()
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

/// The words of the job's line in the status bar (kept here, beside the job they describe).
pub struct JobTexts {
    pub exporting: &'static str,
    pub stop: &'static str,
    pub stopped: &'static str,
}

pub const JA: JobTexts = JobTexts {
    exporting: "書き出し中",
    stop: "中止",
    stopped: "中止しました（ファイルは書き出していません）",
};

pub const EN: JobTexts = JobTexts {
    exporting: "Exporting",
    stop: "Stop",
    stopped: "Stopped (no file was written)",
};

pub fn words(lang: Lang) -> &'static JobTexts {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

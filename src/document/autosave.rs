//! The recovery copy of the open document (the store's [`RecoveryStore`] keeps the files):
//! when to write it, and 復元 — a document made again from a copy.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::{Document, Origin};
use crate::store::disk::Fingerprint;
use crate::store::recovery::{Belongs, Recoverable, RecoveryError, RecoveryStore};

/// The file a document's recovery copy belongs to.
pub fn belongs(origin: &Origin) -> Belongs {
    match origin {
        Origin::File(p) => Belongs::File(p.clone()),
        Origin::Imported(p) => Belongs::Imported(p.clone()),
        Origin::Sample => Belongs::Unsaved,
        Origin::Made(name) => Belongs::Made(name.clone()),
    }
}

/// 復元: a document holding the copy's report, with unsaved changes, belonging where the copy
/// did. For a `.ron` file the document opens the file as it is now (its lock, what it is on
/// disk); when the file changed since the copy's edits began, saving reports the change, as it
/// would have without the crash. `open`: the document the window has open, which may be that
/// file — then its lock is the restored document's (opening the file again found the window's
/// own lock, made the restored document read-only, and the lock went with the document it
/// replaced: a second window could then edit the file).
pub fn restore(
    store: &RecoveryStore,
    copy: &Recoverable,
    open: Option<&Document>,
) -> Result<Document, RecoveryError> {
    let (report, based_on) = store.read(copy)?;
    let holding = |p: &std::path::Path| {
        open.filter(|d| d.file_path() == Some(p) && d.lock().is_some())
            .cloned()
            .map(|mut d| {
                d.history = crate::edit::History::default();
                d
            })
    };
    let mut doc = match &copy.belongs {
        Belongs::File(p) if let Some(d) = holding(p) => d,
        Belongs::File(p) => Document::open(p)
            .unwrap_or_else(|_| Document::new(report.clone(), Origin::File(p.clone()), vec![])),
        Belongs::Imported(p) => Document::new(report.clone(), Origin::Imported(p.clone()), vec![]),
        Belongs::Unsaved => Document::new(report.clone(), Origin::Sample, vec![]),
        Belongs::Made(name) => Document::new(report.clone(), Origin::Made(name.clone()), vec![]),
    };
    if let (Some(now), Some((len, hash))) = (doc.fingerprint().copied(), based_on)
        && (now.len, now.hash) != (len, hash)
    {
        doc.set_fingerprint(Some(Fingerprint {
            len,
            modified: None,
            hash,
        }));
    }
    doc.report = report;
    doc.mark_unsaved();
    Ok(doc)
}

/// When to write the recovery copy: the window calls [`Autosave::tick`] every frame with the
/// time, and [`Autosave::flush`] when it loses the focus. Pure in time: nothing here reads a
/// clock, so tests pass the instants they want.
#[derive(Debug)]
pub struct Autosave {
    store: RecoveryStore,
    interval: Duration,
    /// Names copies of never-saved reports for this run.
    session: String,
    /// When the document was first seen with unsaved changes since it was last clean.
    dirty_since: Option<Instant>,
    last_write: Option<Instant>,
    /// The document revision and the copy written last.
    written: Option<(u64, PathBuf)>,
}

impl Autosave {
    pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(60);

    pub fn new(store: RecoveryStore) -> Autosave {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Autosave {
            store,
            interval: Self::DEFAULT_INTERVAL,
            session: format!("{}-{nanos}", std::process::id()),
            dirty_since: None,
            last_write: None,
            written: None,
        }
    }

    pub fn store(&self) -> &RecoveryStore {
        &self.store
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    pub fn set_interval(&mut self, interval: Duration) {
        self.interval = interval;
    }

    /// Whether a copy should be written now: the document has changes no copy holds, and an
    /// interval has passed since they began or since the last copy, whichever is later.
    pub fn due(&mut self, now: Instant, doc: &Document) -> bool {
        if !doc.is_dirty() {
            self.dirty_since = None;
            return false;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let from = self.last_write.map_or(since, |w| w.max(since));
        now.saturating_duration_since(from) >= self.interval && !self.holds(doc)
    }

    /// How long until the next copy is due, while the document has changes no copy holds
    /// (`None`: no copy is coming). The window sleeps no longer than this without input, so the
    /// copy is written on time in an idle window.
    pub fn due_in(&self, now: Instant, doc: &Document) -> Option<Duration> {
        if !doc.is_dirty() || self.holds(doc) {
            return None;
        }
        let since = self.dirty_since.unwrap_or(now);
        let from = self.last_write.map_or(since, |w| w.max(since));
        Some(
            self.interval
                .saturating_sub(now.saturating_duration_since(from)),
        )
    }

    /// Writes the copy now.
    pub fn write(&mut self, now: Instant, doc: &Document) -> Result<PathBuf, RecoveryError> {
        let path = self.store.write(
            &belongs(doc.origin()),
            &doc.report,
            doc.fingerprint().map(|f| (f.len, f.hash)),
            &self.session,
            SystemTime::now(),
        )?;
        // A save under a new name moves the copy: the old one holds nothing more.
        if let Some((_, old)) = &self.written
            && *old != path
        {
            let _ = self.store.remove(old);
        }
        self.last_write = Some(now);
        self.written = Some((doc.revision(), path.clone()));
        Ok(path)
    }

    /// Once a frame: writes the copy when due; removes it once the document is clean (saved,
    /// or undone back to the file). Returns whether it wrote.
    pub fn tick(&mut self, now: Instant, doc: &Document) -> Result<bool, RecoveryError> {
        if !doc.is_dirty() {
            self.dirty_since = None;
            self.discard()?;
            return Ok(false);
        }
        if self.due(now, doc) {
            self.write(now, doc)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// When the window loses the focus: writes the copy now if there are changes no copy holds.
    pub fn flush(&mut self, now: Instant, doc: &Document) -> Result<bool, RecoveryError> {
        if !doc.is_dirty() || self.holds(doc) {
            return Ok(false);
        }
        self.write(now, doc)?;
        Ok(true)
    }

    /// After a clean save or close (or 破棄): removes the copy this run wrote.
    pub fn discard(&mut self) -> Result<(), RecoveryError> {
        if let Some((_, path)) = self.written.take() {
            self.store.remove(&path)?;
        }
        Ok(())
    }

    /// The last copy holds the document as it is.
    fn holds(&self, doc: &Document) -> bool {
        self.written
            .as_ref()
            .is_some_and(|(rev, path)| *rev == doc.revision() && *path == self.copy_path(doc))
    }

    fn copy_path(&self, doc: &Document) -> PathBuf {
        self.store.copy_path(&belongs(doc.origin()), &self.session)
    }
}

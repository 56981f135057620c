//! An open report: the model, where it came from, and whether it has unsaved changes.

use std::path::{Path, PathBuf};

use crate::edit::{Edit, EditError, History, Intent};
use crate::model::diag::{FileError, FileErrorKind, Warning};
use crate::model::{Id, Report};
use crate::store;

/// The bundled sample report (Mie Prefecture, FY H29 first half), imported from the seed table.
pub const SAMPLE_RON: &str = include_str!("../assets/sample-report.ron");

/// Where the open report came from, which decides where 保存 writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The bundled sample: saving asks for a file name.
    Sample,
    /// A Shinchoku `.ron` file: saving writes back to it.
    File(PathBuf),
    /// An imported report table: saving asks for a `.ron` name, never overwriting the table.
    Imported(PathBuf),
}

#[derive(Clone, Debug)]
pub struct Document {
    pub report: Report,
    pub origin: Origin,
    /// What was noticed when the report was read.
    pub warnings: Vec<Warning>,
    pub history: History,
    revision: u64,
    /// The history state when last saved (or opened).
    saved_state: u64,
}

impl Document {
    pub fn new(report: Report, origin: Origin, warnings: Vec<Warning>) -> Document {
        Document {
            report,
            origin,
            warnings,
            history: History::default(),
            revision: 0,
            saved_state: 0,
        }
    }

    pub fn sample() -> Document {
        let report = store::from_ron(SAMPLE_RON).expect("the bundled sample is a valid report");
        Document::new(report, Origin::Sample, Vec::new())
    }

    /// Opens a `.ron` report or imports a report table.
    pub fn open(path: &Path) -> Result<Document, FileError> {
        let opened = crate::open_report(path)?;
        let origin = if opened.imported {
            Origin::Imported(path.to_path_buf())
        } else {
            Origin::File(path.to_path_buf())
        };
        Ok(Document::new(opened.report, origin, opened.warnings))
    }

    /// The file 保存 writes to without asking; `None` when it must ask.
    pub fn save_path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Sample | Origin::Imported(_) => None,
        }
    }

    /// A `.ron` name to offer when asking where to save.
    pub fn suggested_file_name(&self) -> String {
        match &self.origin {
            Origin::File(p) | Origin::Imported(p) => p
                .with_extension("ron")
                .file_name()
                .map_or_else(|| "report.ron".into(), |n| n.to_string_lossy().into_owned()),
            Origin::Sample => "report.ron".into(),
        }
    }

    pub fn save_to(&mut self, path: &Path) -> Result<(), FileError> {
        store::save(path, &self.report).map_err(|e| FileError {
            path: path.to_path_buf(),
            kind: FileErrorKind::CannotWrite(e.to_string()),
        })?;
        self.origin = Origin::File(path.to_path_buf());
        self.saved_state = self.history.state();
        Ok(())
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::Sample => "sample-report.ron".into(),
            Origin::File(p) | Origin::Imported(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// Unsaved changes: the report differs from the file (undoing back to it makes it clean).
    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.saved_state
    }

    /// Changes every time the report does; views cache what they derive by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Builds an edit (which may hand out new ids) and applies it as one undoable step.
    pub fn edit(
        &mut self,
        build: impl FnOnce(&mut Report) -> Result<Edit, EditError>,
    ) -> Result<(), EditError> {
        self.edit_if(|report| build(report).map(Some))
    }

    /// As [`Document::edit`], where the builder may find there is nothing to do; ids it handed
    /// out are taken back unless its edit was applied.
    fn edit_if(
        &mut self,
        build: impl FnOnce(&mut Report) -> Result<Option<Edit>, EditError>,
    ) -> Result<(), EditError> {
        let next_id_before = self.report.next_id;
        let result = build(&mut self.report).and_then(|edit| match edit {
            Some(edit) => self
                .history
                .apply(&mut self.report, edit, next_id_before)
                .map(|()| true),
            None => Ok(false),
        });
        match result {
            Ok(true) => {
                self.revision += 1;
                Ok(())
            }
            Ok(false) => {
                self.report.next_id = next_id_before;
                Ok(())
            }
            Err(e) => {
                self.report.next_id = next_id_before;
                Err(e)
            }
        }
    }

    /// Carries out what the user asked as one undoable step (nothing when it changes nothing);
    /// returns the id of what it created, if anything.
    pub fn perform(&mut self, intent: Intent) -> Result<Option<Id>, EditError> {
        let mut created = None;
        let mut changes = true;
        self.edit_if(|report| {
            let edit = intent.build(report)?;
            created = edit.as_ref().and_then(Edit::created);
            changes = edit.is_some();
            Ok(edit)
        })?;
        Ok(created.filter(|_| changes))
    }

    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.report);
        if done {
            self.revision += 1;
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.report);
        if done {
            self.revision += 1;
        }
        done
    }
}

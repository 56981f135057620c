//! The open report and what is built from it, with one owner: the document (its history, file
//! and revision) and the comparison marking it. The comparison is brought up to date with the
//! report in one place, [`OpenReport::frame`], which is also the only way the views and the
//! grid's rows read them: a [`ReportFrame`] borrowed for the frame, with the comparison as of
//! the report shown (`CompareState::refresh` is private to `state`).

use super::compare::CompareState;
use super::document::DocState;
use crate::compare::Comparison;
use crate::document::Document;
use crate::model::Report;

pub struct OpenReport {
    pub doc: DocState,
    pub compare: CompareState,
}

/// The open report as one frame sees it.
#[derive(Clone, Copy)]
pub struct ReportFrame<'a> {
    pub doc: &'a Document,
    pub report: &'a Report,
    /// Changes with every edit, undo or other file opened.
    pub revision: u64,
    /// The comparison (as of this revision) and its generation, which the grid's rows key on.
    pub compared: Option<(&'a Comparison, u64)>,
}

impl ReportFrame<'_> {
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compared.map(|(c, _)| c)
    }
}

impl OpenReport {
    pub fn new(doc: Document) -> OpenReport {
        OpenReport {
            doc: DocState::new(doc),
            compare: CompareState::default(),
        }
    }

    /// The report, its revision and the comparison brought up to date with it.
    pub fn frame(&mut self) -> ReportFrame<'_> {
        let (report, revision) = (self.doc.doc().report(), self.doc.revision());
        let doc = &self.doc;
        self.compare.refresh(report, revision, || doc.touched());
        ReportFrame {
            doc: self.doc.doc(),
            report,
            revision,
            compared: self
                .compare
                .comparison()
                .map(|c| (c, self.compare.generation())),
        }
    }
}

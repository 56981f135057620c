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
use crate::model::status::Standing;
use std::rc::Rc;

pub struct OpenReport {
    pub doc: DocState,
    pub compare: CompareState,
    /// Where the initiatives drawn stand, kept until the report's next revision.
    standings: crate::grid::StandingCache,
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
    standings: &'a crate::grid::StandingCache,
}

impl<'a> ReportFrame<'a> {
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compared.map(|(c, _)| c)
    }

    /// Where the row's initiative stands, worked out once for this revision.
    pub fn standing(&self, row: crate::grid::GridRow) -> Option<Rc<Standing>> {
        self.standings.of_row(self.report, self.revision, row)
    }

    /// Where `initiative` stands, worked out once for this revision.
    pub fn standing_of(&self, initiative: &crate::model::Initiative) -> Rc<Standing> {
        self.standings.of(self.report, self.revision, initiative)
    }
}

impl OpenReport {
    pub fn new(doc: Document) -> OpenReport {
        OpenReport {
            doc: DocState::new(doc),
            compare: CompareState::default(),
            standings: crate::grid::StandingCache::default(),
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
            standings: &self.standings,
        }
    }
}

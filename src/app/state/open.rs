//! The open report and what is built from it, with one owner: the document (its history, file
//! and revision) and the comparison marking it. The comparison is brought up to date with the
//! report in one place, [`OpenReport::frame`], which is how the grid, the detail panel and the
//! grid's rows read them: a [`ReportFrame`] borrowed for the frame, with the comparison as of
//! the report shown (`CompareState::refresh` is private to `state`); the comparison panel reads
//! the change list the state made for the frame. A report coming in from elsewhere ends the
//! comparison in one place too, [`OpenReport::handle_file`].

use super::compare::CompareState;
use super::document::DocState;
use super::document::FollowUps;
use crate::app::FileCommand;
use crate::compare::Comparison;
use crate::document::Document;
use crate::lang::Lang;
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
    /// Files in and out, through the document. A report that comes in from elsewhere (a file
    /// opened, a recovery copy restored) ends the comparison, and the series unless the file
    /// is one of it: said here once for every way in (a restored copy kept the comparison and
    /// the series of the report it replaced).
    pub fn handle_file(&mut self, command: FileCommand, lang: Lang) -> FollowUps {
        let comes_in = matches!(command, FileCommand::OpenPath(_) | FileCommand::Restore(_));
        let before = self.doc.generation();
        let follow = self.doc.handle_file(command, lang);
        if comes_in && self.doc.generation() != before {
            self.compare.opened(self.doc.doc().file_path());
        }
        follow
    }

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

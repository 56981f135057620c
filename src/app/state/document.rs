//! The open report as the window holds it: the core's [`Document`] (report, history, file) and
//! the file dialogs. Opening, saving, exporting, undo and every change to the report are
//! carried out here, by [`DocState::handle_action`], [`DocState::handle_file`] and
//! [`DocState::perform`]; what the rest of the window should do about it comes back as commands.

use std::path::{Path, PathBuf};

use crate::app::command::{
    Action, AppCommand, DialogCommand, EditTarget, FileCommand, PrefsCommand, ViewCommand,
};
use crate::app::i18n::Lang;
use crate::app::state::dialogs::Dialog;
use crate::document::Document;
use crate::edit::Intent;
use crate::lang::Describe;

pub struct DocState {
    doc: Document,
    /// Bumped when another report is opened, so caches keyed by revision start again.
    generation: u64,
}

/// What a command asks of the rest of the window.
pub type FollowUps = Vec<AppCommand>;

impl DocState {
    pub fn new(doc: Document) -> DocState {
        DocState { doc, generation: 0 }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Changes whenever the report does, or another report is opened.
    pub fn revision(&self) -> u64 {
        self.doc.revision() ^ (self.generation << 40)
    }

    pub fn handle_action(&mut self, action: Action, lang: Lang) -> FollowUps {
        let t = lang.texts();
        match action {
            Action::Open => pick_file(&[(t.filter_ron, &["ron"]), (t.filter_table, TABLES)])
                .map(|p| vec![FileCommand::OpenPath(p).into()])
                .unwrap_or_default(),
            Action::Import => pick_file(&[(t.filter_table, TABLES)])
                .map(|p| vec![FileCommand::OpenPath(p).into()])
                .unwrap_or_default(),
            Action::Save => match self.doc.save_path().map(Path::to_path_buf) {
                Some(path) => self.save_to(&path, lang),
                None => self.handle_action(Action::SaveAs, lang),
            },
            Action::SaveAs => {
                let name = self.doc.suggested_file_name();
                save_file(t.filter_ron, "ron", &name)
                    .map(|p| self.save_to(&p, lang))
                    .unwrap_or_default()
            }
            Action::Undo => {
                self.doc.undo();
                Vec::new()
            }
            Action::Redo => {
                self.doc.redo();
                Vec::new()
            }
            Action::ExportPdf => {
                let name = self.doc.suggested_file_name().replace(".ron", ".pdf");
                save_file(t.filter_pdf, "pdf", &name)
                    .map(|p| vec![FileCommand::ExportPdfTo(p).into()])
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }

    /// Files in and out. `ExportPdfTo` and `ResolveUnsaved` are the app's (they need the
    /// printing and the dialog state).
    pub fn handle_file(&mut self, command: FileCommand, lang: Lang) -> FollowUps {
        let t = lang.texts();
        match command {
            FileCommand::OpenPath(path) => self.open(&path, lang),
            FileCommand::SaveTo(path) => self.save_to(&path, lang),
            FileCommand::Export { format, encoding } => {
                use crate::export::Format;
                let (name, ext) = match format {
                    Format::Xlsx => ("Excel", "xlsx"),
                    Format::Table => ("TSV", "tsv"),
                    Format::Csv => ("CSV", "csv"),
                };
                let file = self
                    .doc
                    .suggested_file_name()
                    .replace(".ron", &format!(".{ext}"));
                save_file(name, ext, &file)
                    .map(|path| vec![FileCommand::ExportTo { path, encoding }.into()])
                    .unwrap_or_default()
            }
            FileCommand::ExportTo { path, encoding } => {
                match crate::export::export_file(&self.doc.report, &path, encoding) {
                    Ok(()) => notice(format!("{}: {}", t.exported, path.display())),
                    Err(e) => error(t.export_failed, e.describe(lang)),
                }
            }
            FileCommand::ExportPdfTo(_) | FileCommand::ResolveUnsaved { .. } => Vec::new(),
        }
    }

    /// Carries out a change to the report as one undoable step, and says what to show next:
    /// a new entry selected, a new topic's heading ready to type.
    pub fn perform(&mut self, intent: Intent, lang: Lang) -> FollowUps {
        let added_entry = matches!(intent, Intent::AddEntry { .. });
        let added_topic = matches!(intent, Intent::AddTopic { .. });
        match self.doc.perform(intent) {
            Ok(Some(id)) if added_entry => vec![ViewCommand::AddedEntry(id).into()],
            Ok(Some(id)) if added_topic => {
                vec![ViewCommand::StartEditing(EditTarget::TopicHeading(id)).into()]
            }
            Ok(_) => Vec::new(),
            Err(e) => notice(e.describe(lang)),
        }
    }

    fn open(&mut self, path: &Path, lang: Lang) -> FollowUps {
        let t = lang.texts();
        match Document::open(path) {
            Ok(doc) => {
                self.doc = doc;
                self.generation += 1;
                let mut follow: FollowUps = vec![
                    ViewCommand::Reset.into(),
                    PrefsCommand::RememberFile(path.to_path_buf()).into(),
                    DialogCommand::Notice(format!("{}: {}", t.opened, path.display())).into(),
                ];
                if !self.doc.warnings.is_empty() {
                    follow.push(DialogCommand::Show(Dialog::Warnings).into());
                }
                follow
            }
            Err(e) => error(t.open_failed, e.describe(lang)),
        }
    }

    fn save_to(&mut self, path: &Path, lang: Lang) -> FollowUps {
        let t = lang.texts();
        match self.doc.save_to(path) {
            Ok(()) => vec![
                PrefsCommand::RememberFile(path.to_path_buf()).into(),
                DialogCommand::Notice(format!("{}: {}", t.saved, path.display())).into(),
            ],
            Err(e) => error(t.save_failed, e.describe(lang)),
        }
    }
}

/// The report-table extensions the importer reads.
const TABLES: &[&str] = &["tsv", "txt"];

fn pick_file(filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new();
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    dialog.pick_file()
}

fn save_file(filter: &str, extension: &str, name: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(filter, &[extension])
        .set_file_name(name)
        .save_file()
}

fn notice(text: String) -> FollowUps {
    vec![DialogCommand::Notice(text).into()]
}

fn error(title: &str, message: String) -> FollowUps {
    vec![
        DialogCommand::Show(Dialog::Error {
            title: title.into(),
            message,
        })
        .into(),
    ]
}

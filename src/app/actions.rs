//! What each menu action and shortcut does: [`Action`]s matched exhaustively, each to one call
//! on the state that owns it.

use egui::{Context, ViewportCommand};

use super::ShinchokuApp;
use super::columns::Column;
use super::command::{Action, AppCommand, DialogCommand, FileCommand, PrefsCommand};
use super::state::dialogs::Dialog;
use super::state::document::DocAction;
use super::state::jobs::JobOutput;

impl ShinchokuApp {
    /// What each action does: one arm each, matched exhaustively (an action without its arm
    /// does not compile).
    pub(super) fn handle_action(&mut self, ctx: &Context, action: Action) -> Vec<AppCommand> {
        match action {
            Action::Quit => self.quit(ctx),
            Action::ExpandAll => {
                self.view.expand_all();
                Vec::new()
            }
            Action::CollapseAll => {
                self.view.collapse_all(self.open.doc.doc().report());
                Vec::new()
            }
            Action::ToggleSummary => {
                self.view.toggle_summary();
                Vec::new()
            }
            Action::ToggleMeasureEditor => {
                self.view.toggle_measure_editor();
                Vec::new()
            }
            Action::SelectNext => {
                self.move_selection(1);
                Vec::new()
            }
            Action::SelectPrevious => {
                self.move_selection(-1);
                Vec::new()
            }
            Action::EditSelected => self.edit_selected(),
            Action::NextCell => {
                self.move_column(1);
                Vec::new()
            }
            Action::PreviousCell => {
                self.move_column(-1);
                Vec::new()
            }
            Action::FoldOrParent => self.grid_key(GridKey::FoldOrParent),
            Action::UnfoldOrChild => self.grid_key(GridKey::UnfoldOrChild),
            Action::NextLate => self.grid_key(GridKey::Late(1)),
            Action::PreviousLate => self.grid_key(GridKey::Late(-1)),
            Action::ToggleDetail => {
                vec![PrefsCommand::SetDetailFolded(!self.prefs.detail_folded()).into()]
            }
            Action::ZoomIn => vec![PrefsCommand::Zoom(1).into()],
            Action::ZoomOut => vec![PrefsCommand::Zoom(-1).into()],
            Action::ZoomReset => vec![PrefsCommand::Zoom(0).into()],
            Action::ResetColumns => vec![PrefsCommand::ResetColumns.into()],
            Action::PrintPreview => {
                self.printing.open_preview();
                Vec::new()
            }
            Action::Print => {
                self.start_pdf(ctx, JobOutput::PrintPdf);
                Vec::new()
            }
            Action::PreviousReport => self.step(-1),
            Action::NextReport => self.step(1),
            Action::Save => self.save(),
            Action::Compare => self.doc_action(DocAction::Compare),
            Action::OpenSeries => self.doc_action(DocAction::OpenSeries),
            Action::ExportChangeList => self.doc_action(DocAction::ExportChangeList),
            Action::CollectAnswers => self.doc_action(DocAction::CollectAnswers),
            Action::Survey => self.open_survey_form(),
            Action::ToggleSurveyStatus => {
                self.survey.toggle_status();
                Vec::new()
            }
            Action::Open => self.doc_action(DocAction::Open),
            Action::Import => self.doc_action(DocAction::Import),
            Action::SaveAs => self.doc_action(DocAction::SaveAs),
            Action::Undo => self.doc_action(DocAction::Undo),
            Action::Redo => self.doc_action(DocAction::Redo),
            Action::ExportPdf => self.doc_action(DocAction::ExportPdf),
            Action::OpenGuide => super::help::open_guide(self.lang()),
            Action::About => vec![DialogCommand::Show(Dialog::About).into()],
        }
    }

    fn quit(&mut self, ctx: &Context) -> Vec<AppCommand> {
        // Closing on purpose (saved, or changes discarded): no copy to offer next time.
        self.open.doc.discard_recovery_copy();
        self.closing = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
        Vec::new()
    }

    fn move_selection(&mut self, step: isize) {
        let frame = self.open.frame();
        self.view.move_selection(frame, step);
    }

    fn edit_selected(&mut self) -> Vec<AppCommand> {
        let mut follow = self.view.edit_selected(self.open.doc.doc().report());
        // The 時期 field is in the detail panel: unfold it to take the keyboard.
        if self.view.focus_months() && self.prefs.detail_folded() && !self.prefs.detail_popup() {
            follow.push(PrefsCommand::SetDetailFolded(false).into());
        }
        follow
    }

    fn move_column(&mut self, step: isize) {
        let measures = self.open.doc.doc().report().has_measures();
        let shown: Vec<Column> = Column::ALL
            .into_iter()
            .filter(|c| self.prefs.columns().is_shown(*c) && (measures || !c.is_measure()))
            .collect();
        self.view.move_column(&shown, step);
    }

    fn save(&mut self) -> Vec<AppCommand> {
        let follow = self.open.doc.handle_action(DocAction::Save, self.lang());
        self.saved();
        follow
    }

    /// The 照会 form; a division's response cannot send a survey of its own.
    fn open_survey_form(&mut self) -> Vec<AppCommand> {
        if let Some(refused) = self.survey_refused() {
            return refused;
        }
        self.survey.open_form();
        Vec::new()
    }

    fn doc_action(&mut self, action: DocAction) -> Vec<AppCommand> {
        self.open.doc.handle_action(action, self.lang())
    }

    /// Opens a file; a member of the series opened together is marked as the open one.
    pub(super) fn open_path(&mut self, path: std::path::PathBuf) -> Vec<AppCommand> {
        let lang = self.lang();
        self.open.handle_file(FileCommand::OpenPath(path), lang)
    }

    /// Saves (to a path, over a lock or a read-only file), then remembers the file.
    pub(super) fn save_file(&mut self, save: FileCommand) -> Vec<AppCommand> {
        if let FileCommand::SaveTo(path) = &save {
            let report = self.open.doc.doc().report();
            let own = report.response.as_ref().map(|r| r.division.as_str());
            if let Some(refused) = crate::survey::overwrite::replaces_answer(path, own) {
                let lang = self.lang();
                let message = crate::lang::Describe::describe(&refused, lang);
                return super::state::document::error(lang.texts().save_failed, message);
            }
        }
        let follow = self.open.handle_file(save, self.lang());
        self.saved();
        follow
    }

    /// The grid's keys: ← / → fold or move up and down the tree, F8 the next 遅れ.
    fn grid_key(&mut self, key: GridKey) -> Vec<AppCommand> {
        let frame = self.open.frame();
        match key {
            GridKey::FoldOrParent => self.view.fold_or_parent(frame),
            GridKey::UnfoldOrChild => self.view.unfold_or_child(frame),
            GridKey::Late(step) => {
                if !self.view.go_to_late(frame, step) {
                    let t = self.lang().texts();
                    return vec![DialogCommand::Notice(t.no_late.into()).into()];
                }
            }
        }
        Vec::new()
    }
}

/// The grid's keys the app carries out itself, matched exhaustively as the actions are.
#[derive(Clone, Copy)]
enum GridKey {
    FoldOrParent,
    UnfoldOrChild,
    /// The next (1) or previous (−1) 遅れ.
    Late(isize),
}

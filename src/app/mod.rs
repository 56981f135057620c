//! The window (eframe/egui): a thin layer over the core. Views read the state and return
//! commands; [`ShinchokuApp::handle`] routes each command to the part of the state that owns
//! it (see [`state`]) — the only place where the report, the files or the settings change
//! (drawing brings only caches up to date: the comparison, the rows, the print preview).

mod actions;
mod columns;
pub mod command;
mod comparing;
pub mod fonts;
pub mod help;
pub mod i18n;
mod ime;
pub mod launch;
pub mod state;
mod surveying;
pub mod typed_path;
pub mod viewer;
mod views;

use std::path::PathBuf;

use egui::{Context, ViewportCommand};

use crate::document::Document;
use crate::grid::RowFilter;
use crate::model::Id;
use crate::store::recovery::RecoveryStore;
pub use columns::{Column, ColumnLayout, ColumnPrefs};
pub use command::{
    Action, AppCommand, CompareCommand, DialogCommand, EditTarget, FileCommand, PrefsCommand,
    SurveyCommand,
};
pub use command::{PrintCommand, ViewCommand};
pub use i18n::Lang;
pub use launch::run;
pub use state::dialogs::Dialog;
use state::dialogs::DialogState;
pub use state::jobs::JobCommand;
use state::jobs::{JobOutput, Jobs};
use state::open::OpenReport;
pub use state::prefs::Prefs;
use state::printing::PrintState;
use state::survey::SurveyState;
use state::view::ViewModel;
pub use views::ViewState;

const PREFS_KEY: &str = "shinchoku-prefs";

pub struct ShinchokuApp {
    open: OpenReport,
    view: ViewModel,
    printing: PrintState,
    /// The PDF or export running on a worker thread.
    jobs: Jobs,
    prefs: Prefs,
    dialogs: DialogState,
    survey: SurveyState,
    /// What the views are in the middle of (typing, dragging); theirs to change.
    drafts: ViewState,
    /// The input method's composition, as the window follows it.
    composition: ime::Composition,
    /// Commands asked for outside a frame's views (tests, scripts), run in the next frame.
    queued: Vec<AppCommand>,
    /// A save, print or quit asked for while a field taken when left had the keyboard: run
    /// after the next frame's views, once the field has given what was typed.
    after_field: Vec<AppCommand>,
    /// The user chose "don't save" for the command now running.
    discard_confirmed: bool,
    /// What the user asked for when choosing 保存する for a report with no file of its own:
    /// run once the typed path is saved to (it was dropped: the file saved, the window left
    /// open after 終了), forgotten when the path prompt is closed without saving.
    after_save: Option<AppCommand>,
    /// The user confirmed quitting; let the close through.
    closing: bool,
    /// The window title as last sent.
    title: String,
    /// Whether the window had the focus in the last frame (losing it writes the recovery copy).
    focused: Option<bool>,
    /// A field had the keyboard when the last frame's views were done: an Esc now left it,
    /// and closes nothing else.
    field_had_keys: bool,
}

impl ShinchokuApp {
    pub fn new(doc: Document, prefs: Prefs) -> ShinchokuApp {
        ShinchokuApp {
            open: OpenReport::new(doc),
            view: ViewModel::default(),
            printing: PrintState::default(),
            jobs: Jobs::default(),
            prefs,
            dialogs: DialogState::default(),
            survey: SurveyState::default(),
            drafts: ViewState::default(),
            composition: ime::Composition::default(),
            queued: Vec::new(),
            after_field: Vec::new(),
            discard_confirmed: false,
            after_save: None,
            closing: false,
            title: String::new(),
            focused: None,
            field_had_keys: false,
        }
    }

    /// Keeps recovery copies of unsaved work in `store`, and offers those an earlier run left
    /// (復元 / 破棄) before anything else.
    pub fn with_recovery(mut self, store: RecoveryStore) -> ShinchokuApp {
        self.open.doc.keep_recovery_copies(store);
        self.open
            .doc
            .set_recovery_interval(self.prefs.recovery_interval());
        let pending = self.open.doc.pending_recoveries();
        if !pending.is_empty() {
            self.dialogs
                .handle(DialogCommand::Show(Dialog::Recover(pending)));
        }
        self
    }

    /// The app as `shinchoku [FILE…] [--compare OLD]` starts it: the file (several: a series),
    /// or the bundled sample.
    pub fn starting_with(start: &Start, prefs: Prefs) -> ShinchokuApp {
        let mut app = ShinchokuApp::new(Document::sample(), prefs);
        match RecoveryStore::user_default() {
            Ok(store) => app = app.with_recovery(store),
            Err(e) => eprintln!("shinchoku: no recovery copies: {e}"),
        }
        // Opened before the first frame, so the window starts on it (or on its error).
        let ctx = Context::default();
        match &start.files[..] {
            [] => {}
            [one] => app.handle(&ctx, FileCommand::OpenPath(one.clone()).into()),
            several => app.handle(&ctx, CompareCommand::OpenSeries(several.to_vec()).into()),
        }
        if let Some(old) = &start.compare {
            app.handle(&ctx, CompareCommand::With(old.clone()).into());
        }
        app
    }

    /// Asks for a command to run in the next frame (as a menu click would).
    pub fn queue(&mut self, command: impl Into<AppCommand>) {
        self.queued.push(command.into());
    }

    pub fn document(&self) -> &Document {
        self.open.doc.doc()
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    pub fn selected(&self) -> Option<Id> {
        self.view.selected()
    }

    pub fn filter(&self) -> &RowFilter {
        self.view.filter()
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialogs.dialog()
    }

    /// The comparison the grid is marked with, if any.
    pub fn comparison(&self) -> Option<&crate::compare::Comparison> {
        self.open.compare.comparison()
    }

    /// The reports opened together (前の報告 / 次の報告), oldest first.
    pub fn series(&self) -> Vec<PathBuf> {
        self.open
            .compare
            .series()
            .iter()
            .map(|m| m.path.clone())
            .collect()
    }

    /// A PDF or an export is being made.
    pub fn job_running(&self) -> bool {
        self.jobs.busy()
    }

    /// Worker threads of jobs still alive, a stopped job's included (it ends at its next page).
    pub fn job_workers(&self) -> usize {
        self.jobs.workers()
    }

    /// The user chose to close the window and it is closing (saved, or changes discarded).
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// The window title as last set (with ● when there are unsaved changes).
    pub fn window_title(&self) -> &str {
        &self.title
    }

    fn lang(&self) -> Lang {
        self.prefs.lang()
    }

    /// Draws the whole window and runs the commands it produced. Used by eframe and by tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.composition.before_views(&ctx);
        if !self.asks_save_path() {
            self.after_save = None;
        }
        let mut commands = std::mem::take(&mut self.queued);
        commands.push(JobCommand::Poll.into());
        self.apply_zoom(&ctx, &mut commands);
        commands.extend(self.take_input(&ctx));
        self.update_title(&ctx);
        commands.extend(self.draw(ui));
        self.field_had_keys = ctx.memory(|m| m.focused().is_some());
        views::widgets::typed_field_asked(&ctx);
        commands.append(&mut self.after_field);
        self.composition.after_views(&ctx);
        for command in commands {
            self.handle(&ctx, command);
        }
        // Without input egui draws no frame: the window wakes by itself when the recovery copy
        // is due, so it is written on time in an idle window.
        if let Some(wait) = self.open.doc.recovery_due_in(window_clock(&ctx)) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Every view, drawn from the state as it is; returns what they asked for.
    fn draw(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let mut out = self.draw_panels(ui);
        out.extend(self.draw_report(ui));
        out
    }

    /// The menu, toolbar, banners and the side and bottom panels.
    fn draw_panels(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let ctx = ui.ctx().clone();
        let lang = self.lang();
        let t = lang.texts();
        let status_rows = self.shown_status_rows();
        let frame = self.open.frame();
        let (doc, report) = (frame.doc, frame.report);
        let open = views::menu::OpenWindows {
            summary: self.view.show_summary(),
            measure_editor: self.view.show_measure_editor(),
        };
        let mut out = views::menu::show(ui, t, &self.prefs, doc, open);
        out.extend(views::toolbar::show(ui, lang, report, self.view.filter()));
        views::survey::banner(ui, t, report);
        let (notice, job) = (self.dialogs.notice(), self.jobs.running());
        out.extend(views::status::show(ui, lang, doc, notice, job));
        let seen = views::detail::Seen {
            frame,
            view: &self.view,
            prefs: &self.prefs,
            composition: &self.composition,
        };
        out.extend(views::detail::show(ui, lang, doc, seen, &mut self.drafts));
        let summary = self.view.show_summary();
        out.extend(views::summary::show(&ctx, lang, report, summary));
        let (selected, open) = (self.view.selected(), self.view.show_measure_editor());
        out.extend(views::measure_editor::show(
            &ctx, lang, report, selected, open,
        ));
        let in_response = self.open.doc.doc().report().response.is_some();
        out.extend(views::survey::status_panel(
            ui,
            lang,
            &self.survey,
            (&status_rows, in_response),
            &mut self.drafts,
        ));
        self.open.compare.ready_list(lang);
        let doc = self.open.doc.doc();
        out.extend(views::compare::show(ui, lang, &self.open.compare, doc));
        out
    }

    /// The print preview, the grid, and the windows over it.
    fn draw_report(&mut self, ui: &mut egui::Ui) -> Vec<AppCommand> {
        let ctx = ui.ctx().clone();
        let lang = self.lang();
        let frame = self.open.frame();
        let mut out = Vec::new();
        if self.printing.preview_open() {
            let setup = self.prefs.page_setup();
            let pages = self.printing.layout(frame, setup, &ctx);
            let preview = views::preview::Preview {
                lang,
                report: frame.report,
                setup,
                page: self.printing.preview_page(),
                layout: pages.layout.as_deref(),
                making: pages.making,
                busy: self.jobs.running().map(|(_, p)| p),
            };
            out.extend(preview.show(&ctx));
        }
        let scroll_to = self.view.take_scroll();
        let rows = self.view.shared_rows(frame);
        egui::CentralPanel::default().show(ui, |ui| {
            let grid_view = views::grid::GridView {
                report: frame.report,
                frame,
                columns: self.prefs.columns(),
                rows: &rows,
                view: &self.view,
                comparison: frame.comparison(),
                lang,
                scroll_to,
                drafts: &mut self.drafts,
            };
            out.extend(grid_view.show(ui));
        });
        out.extend(views::survey::form(
            &ctx,
            lang,
            &self.survey,
            &mut self.drafts,
        ));
        out.extend(views::survey::review(&ctx, lang, self.survey.review()));
        let (dialog, typed) = (self.dialogs.dialog(), &mut self.drafts.typed_path);
        out.extend(views::dialogs::show(&ctx, lang, dialog, frame.doc, typed));
        out
    }

    /// The zoom is the prefs' (Ctrl + plus / minus / 0 are actions, so they show in the menu):
    /// egui's own keyboard zoom is off; Ctrl + wheel asks for a zoom factor.
    fn apply_zoom(&self, ctx: &Context, commands: &mut Vec<AppCommand>) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let wheel = ctx.input(|i| i.zoom_delta());
        if (wheel - 1.0).abs() > f32::EPSILON {
            commands.push(PrefsCommand::SetZoom(self.prefs.zoom() * wheel).into());
        }
        if (ctx.zoom_factor() - self.prefs.zoom()).abs() > 0.001 {
            ctx.set_zoom_factor(self.prefs.zoom());
        }
    }

    /// Shortcuts, dropped files and the window's close button, as commands.
    fn take_input(&mut self, ctx: &Context) -> Vec<AppCommand> {
        let mut out = Vec::new();
        if self.dialogs.dialog().is_none() {
            let typing = ctx.memory(|m| m.focused().is_some());
            for spec in Action::ALL.iter().map(|a| a.spec()) {
                if typing && spec.when == command::When::NotTyping {
                    continue;
                }
                let pressed = spec
                    .shortcuts
                    .iter()
                    .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
                if pressed {
                    out.push(spec.action.into());
                }
            }
            // Esc closes the window of its own on top, as it does a dialog: the collect review
            // (taking nothing in), else the print preview, the survey form, the numbers'
            // editor — not while a field had the keyboard (that Esc leaves it). Taken only then: egui lets a field go
            // on Esc before this runs, so `typing` is already false, and the grid's in-place
            // field, seeing no Esc, applied what it was to cancel.
            let closes = self.survey.review().is_some()
                || self.printing.preview_open()
                || self.survey.form_open()
                || self.view.show_measure_editor();
            let escape = closes
                && !typing
                && !self.field_had_keys
                && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            if escape && self.survey.review().is_some() {
                out.push(command::SurveyCommand::CancelReview.into());
            } else if escape && self.printing.preview_open() {
                out.push(command::PrintCommand::ClosePreview.into());
            } else if escape && self.survey.form_open() {
                out.push(command::SurveyCommand::CloseForm.into());
            } else if escape && self.view.show_measure_editor() {
                out.push(Action::ToggleMeasureEditor.into());
            }
        }
        let mut dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // Answers dropped on a master are taken in; otherwise one file opens and several are a
        // series to step through (see `SurveyCommand::Dropped`).
        if !dropped.is_empty() {
            out.push(SurveyCommand::Dropped(std::mem::take(&mut dropped)).into());
        }
        // The recovery copy: when due, and at once when the window loses the focus.
        let focused = ctx.input(|i| i.viewport().focused);
        let lost_focus = self.focused == Some(true) && focused == Some(false);
        self.focused = focused;
        let at = window_clock(ctx);
        out.push(
            FileCommand::Autosave {
                flush: lost_focus,
                at,
            }
            .into(),
        );
        let close = ctx.input(|i| i.viewport().close_requested());
        // What is typed and not applied counts as a change: it is applied on Quit, then asked.
        let unsaved = || {
            let doc = self.open.doc.doc();
            doc.is_dirty() || !self.drafts.pending(doc.report(), self.lang()).is_empty()
        };
        if close && !self.closing && unsaved() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            out.push(Action::Quit.into());
        }
        out
    }

    fn update_title(&mut self, ctx: &Context) {
        let doc = self.open.doc.doc();
        let marker = if doc.is_dirty() { " ●" } else { "" };
        let title = format!(
            "{}{marker} — {}",
            doc.display_name(),
            self.lang().texts().app_name
        );
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Runs one command, and what its owner asks next. The only place where state changes.
    pub fn handle(&mut self, ctx: &Context, command: AppCommand) {
        if self.saves_or_leaves(&command) && views::widgets::typed_field_focused(ctx) {
            views::widgets::ask_typed_field_to_leave(ctx);
            self.after_field.push(command);
            ctx.request_repaint();
            return;
        }
        let unreadable = self.apply_typed_before(ctx, &command);
        if self.discards_report(&command)
            && (self.open.doc.doc().is_dirty() || unreadable)
            && !self.discard_confirmed
        {
            let dialog = Dialog::UnsavedChanges {
                then: Box::new(command),
            };
            self.dialogs.handle(DialogCommand::Show(dialog));
            ctx.request_repaint();
            return;
        }
        self.discard_confirmed = false;
        if changes_what_is_drawn(&command) {
            ctx.request_repaint();
        }
        let lang = self.lang();
        let follow = match command {
            AppCommand::Action(action) => self.handle_action(ctx, action),
            AppCommand::File(FileCommand::ResolveUnsaved { save }) => {
                self.resolve_unsaved(ctx, save);
                Vec::new()
            }
            AppCommand::File(
                export @ (FileCommand::ExportPdfTo(_) | FileCommand::ExportTo { .. }),
            ) => self.export_to(ctx, export),
            AppCommand::File(FileCommand::Rollover(to)) => self.rollover(to),
            AppCommand::File(FileCommand::OpenPath(path)) => self.open_path(path),
            AppCommand::File(
                save @ (FileCommand::SaveTo(_)
                | FileCommand::SaveForced(_)
                | FileCommand::SaveOverReadOnly { .. }),
            ) => {
                let follow = self.save_file(save);
                self.run_after_save(ctx);
                follow
            }
            AppCommand::Compare(compare) => self.handle_compare(ctx, compare),
            AppCommand::Survey(survey) => self.handle_survey(survey),
            AppCommand::File(file) => self.open.handle_file(file, lang),
            AppCommand::Edit(intent) => self.open.doc.perform(intent, lang),
            AppCommand::View(view) => self.handle_view(view),
            AppCommand::Print(print) => {
                self.printing.handle(print);
                Vec::new()
            }
            AppCommand::Job(job) => {
                let title = self.open.doc.doc().report().title.clone();
                self.jobs.handle(job, lang, &title)
            }
            AppCommand::Prefs(prefs) => {
                self.prefs.handle(prefs);
                self.open
                    .doc
                    .set_recovery_interval(self.prefs.recovery_interval());
                Vec::new()
            }
            AppCommand::Dialog(dialog) => {
                if self.dialogs.handle(dialog) {
                    ctx.request_repaint();
                }
                Vec::new()
            }
        };
        for next in follow {
            self.handle(ctx, next);
        }
    }

    fn handle_view(&mut self, view: ViewCommand) -> Vec<AppCommand> {
        if view == ViewCommand::Reset {
            self.survey.reset();
        }
        // What the in-place field applies goes with it: kept, it was applied again before the
        // edit it made (as typed and not applied), and a sub-item's words after its months,
        // read into the next sub-item, were put in twice.
        if matches!(view, ViewCommand::CommitEditing { .. }) {
            self.drafts.inline = None;
        }
        let before = self.view.selected_entry();
        let mut follow = self.view.handle(self.open.doc.doc().report(), view);
        follow.extend(self.unfold_for_entry(before));
        follow
    }

    /// Applies what is typed and not yet applied, when `command` asks for it first.
    /// True, and nothing applied, when `command` leaves the report and what is typed holds
    /// months that do not read: the window asks first, as for any unsaved change (kept, the
    /// typed months can still be corrected).
    fn apply_typed_before(&mut self, ctx: &Context, command: &AppCommand) -> bool {
        if !self.applies_typed_first(command) {
            return false;
        }
        let mut pending = self
            .drafts
            .pending(self.open.doc.doc().report(), self.lang());
        // The command may be what is typed, applied by its own button or key.
        pending.retain(|typed| typed != command);
        let unreadable =
            (pending.iter()).any(|c| matches!(c, AppCommand::Dialog(DialogCommand::Notice(_))));
        if unreadable && self.discards_report(command) && !self.discard_confirmed {
            return true;
        }
        self.drafts.forget_typed();
        for typed in pending {
            self.handle(ctx, typed);
        }
        false
    }

    /// Whether what is typed and not yet applied is applied before `command`: one that saves,
    /// prints or sends the report, or leaves it; any other change to the report (a box ticked,
    /// another entry's bar dragged: the editor filled again from the report, and what was
    /// typed was gone); another entry, row or new-entry field chosen.
    fn applies_typed_first(&self, command: &AppCommand) -> bool {
        use ViewCommand as V;
        matches!(
            command,
            AppCommand::Edit(_)
                | AppCommand::View(
                    V::Select(_)
                        | V::SelectRow(_)
                        | V::SelectEntry(_)
                        | V::ClearEntry
                        | V::OpenNewEntry { .. }
                        | V::StartEditing(_)
                )
                | AppCommand::Survey(SurveyCommand::Submit(_) | SurveyCommand::SendTo(_))
        ) || self.saves_or_leaves(command)
    }

    /// Whether the command saves, prints, exports or sends the report, or leaves it.
    fn saves_or_leaves(&self, command: &AppCommand) -> bool {
        use Action as A;
        self.discards_report(command)
            || matches!(
                command,
                AppCommand::Action(
                    A::Save
                        | A::SaveAs
                        | A::Quit
                        | A::Print
                        | A::PrintPreview
                        | A::ExportPdf
                        | A::Survey
                        | A::CollectAnswers
                ) | AppCommand::File(FileCommand::SaveTo(_) | FileCommand::ExportTo { .. })
            )
    }

    fn discards_report(&self, command: &AppCommand) -> bool {
        match command {
            AppCommand::Action(a) => a.discards_report(),
            AppCommand::File(f) => f.discards_report(),
            AppCommand::Compare(c) => c.discards_report(),
            _ => false,
        }
    }

    /// A newly selected entry unfolds the folded detail panel, unless the user prefers its
    /// editor in a window of its own.
    fn unfold_for_entry(&self, before: Option<Id>) -> Vec<AppCommand> {
        let now = self.view.selected_entry();
        if now.is_some()
            && now != before
            && self.prefs.detail_folded()
            && !self.prefs.detail_popup()
        {
            vec![PrefsCommand::SetDetailFolded(false).into()]
        } else {
            Vec::new()
        }
    }

    /// A PDF or an export written where the user chose, unless it is refused there.
    fn export_to(&mut self, ctx: &Context, export: FileCommand) -> Vec<AppCommand> {
        let (FileCommand::ExportPdfTo(path) | FileCommand::ExportTo { path, .. }) = &export else {
            return Vec::new();
        };
        if let Some(refused) = self.refused_output(path) {
            return refused;
        }
        match export {
            FileCommand::ExportPdfTo(path) => self.start_pdf(ctx, JobOutput::Pdf(path)),
            FileCommand::ExportTo { path, encoding } => {
                let report = self.open.doc.doc().report();
                let work = state::jobs::export_work(report, &path, encoding, self.lang());
                self.jobs.start(JobOutput::Export(path), work, ctx);
            }
            _ => {}
        }
        Vec::new()
    }

    /// An output the window does not write: the file the report was read from, or a division's
    /// answer (as the command line refuses them) — said, nothing written.
    pub(crate) fn refused_output(&self, path: &std::path::Path) -> Option<Vec<AppCommand>> {
        let source = self.open.doc.doc().file_path();
        let refused =
            crate::survey::overwrite::refused(path, &source.into_iter().collect::<Vec<_>>())?;
        let lang = self.lang();
        Some(state::document::error(
            lang.texts().export_failed,
            crate::lang::Describe::describe(&refused, lang),
        ))
    }

    fn start_pdf(&mut self, ctx: &Context, output: JobOutput) {
        let (setup, lang) = (self.prefs.page_setup(), self.lang());
        // The comparison as of the report printed (an edit earlier in this frame's commands
        // has not been drawn yet, and its marks not brought up to date).
        let frame = self.open.frame();
        let work = state::printing::pdf_work(frame.report, setup, frame.comparison(), lang);
        self.jobs.start(output, work, ctx);
    }

    /// Runs the command the unsaved-changes dialog held, after the user chose.
    /// Whether the typed-path prompt asks where to save the report.
    fn asks_save_path(&self) -> bool {
        matches!(
            self.dialogs.dialog(),
            Some(Dialog::TypePath {
                purpose: command::PathPurpose::SaveAs,
                ..
            })
        )
    }

    /// What was asked for before saving to a typed path ([`ShinchokuApp::after_save`]), now
    /// that the report is saved.
    fn run_after_save(&mut self, ctx: &Context) {
        if self.open.doc.doc().is_dirty() {
            return;
        }
        if let Some(then) = self.after_save.take() {
            self.discard_confirmed = true;
            self.handle(ctx, then);
        }
    }

    fn resolve_unsaved(&mut self, ctx: &Context, save_first: bool) {
        let Some(then) = self.dialogs.take_unsaved() else {
            return;
        };
        if save_first {
            self.handle(ctx, Action::Save.into());
            if self.open.doc.doc().is_dirty() {
                // Asking where to save (typed): done once saved there; else the save was
                // cancelled or failed: keep the report.
                if self.asks_save_path() {
                    self.after_save = Some(then);
                }
                return;
            }
        }
        self.discard_confirmed = true;
        self.handle(ctx, then);
    }
}

impl eframe::App for ShinchokuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        exit_after_first_frame(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// What a command changes is drawn in the next frame, whatever asked for it (a click, or the
/// PDF job's news a frame polls): a window or dialog it opens draws at once, not at the next
/// mouse move. The commands every frame brings change nothing by themselves, and a notice asks
/// only when its text changes (`DialogState::handle`).
fn changes_what_is_drawn(command: &AppCommand) -> bool {
    !matches!(
        command,
        AppCommand::Job(JobCommand::Poll)
            | AppCommand::File(FileCommand::Autosave { .. })
            | AppCommand::Dialog(DialogCommand::Notice(_))
    )
}

/// The window's clock: egui's input time (real time since the window opened; a test harness
/// sets its own).
fn window_clock(ctx: &Context) -> std::time::Duration {
    std::time::Duration::try_from_secs_f64(ctx.input(|i| i.time)).unwrap_or_default()
}

/// When the window started to open, for [`exit_after_first_frame`].
pub(crate) static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Frames drawn before [`exit_after_first_frame`] closes the window: enough for the first
/// frames' one-off work (fonts rasterised, the row list built) to be done and freed.
const FRAMES_BEFORE_EXIT: usize = 30;

/// With `SHINCHOKU_EXIT_AFTER_FIRST_FRAME=1`, says on stderr how long the first frame took from
/// the start of [`run`], then, [`FRAMES_BEFORE_EXIT`] frames later, how much memory the process
/// holds (resident now and at most, on Linux), and closes the window: to measure start-up and
/// the memory of an open report without a person watching.
fn exit_after_first_frame(ctx: &Context) {
    static FRAMES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if std::env::var_os("SHINCHOKU_EXIT_AFTER_FIRST_FRAME").is_none_or(|v| v != "1") {
        return;
    }
    let frame = FRAMES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    if frame == 1
        && let Some(started) = STARTED.get()
    {
        eprintln!("first frame: {} ms", started.elapsed().as_millis());
    }
    if frame < FRAMES_BEFORE_EXIT {
        ctx.request_repaint();
    } else if frame == FRAMES_BEFORE_EXIT {
        if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
            let kb = |key: &str| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(key))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                    .unwrap_or(0)
            };
            // Anonymous memory is the program's own (the report, the font atlas, the
            // renderer's buffers); the rest is the program and the libraries it maps.
            eprintln!(
                "memory after {frame} frames: {} MB resident ({} MB anonymous, {} MB of \
                 mapped files), {} MB at most",
                kb("VmRSS:") / 1000,
                kb("RssAnon:") / 1000,
                kb("RssFile:") / 1000,
                kb("VmHWM:") / 1000
            );
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// What the window opens with.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// Reports to open (several: a series to step through); none: the bundled sample.
    pub files: Vec<PathBuf>,
    /// A report to compare the opened one with.
    pub compare: Option<PathBuf>,
}

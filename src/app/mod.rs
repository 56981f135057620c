//! The window (eframe/egui): a thin layer over the core. Views read the report and return
//! commands; `ShinchokuApp::handle` is the one place where anything changes.

pub mod command;
pub mod fonts;
pub mod i18n;
pub mod printing;
mod views;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use egui::{Context, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::edit::{self as edits, Edit};
use crate::grid::{self, GridRow, RowFilter};
use crate::model::Id;
pub use command::{AppCommand, EditTarget};
pub use i18n::Lang;
pub use views::ViewState;

/// What persists between runs (eframe storage); the report itself lives in its own file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The last page setup used, offered again next time.
    pub page_setup: crate::print::PageSetup,
}

const PREFS_KEY: &str = "shinchoku-prefs";
const MAX_RECENT: usize = 10;

/// A dialog in front of the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Error {
        title: String,
        message: String,
    },
    /// Unsaved changes: save, discard or cancel, then run `then`.
    UnsavedChanges {
        then: AppCommand,
    },
    Warnings,
}

pub struct ShinchokuApp {
    pub doc: Document,
    pub prefs: Prefs,
    pub filter: RowFilter,
    pub selected: Option<Id>,
    /// The entry selected in the grid or the detail panel (its editor is shown).
    pub selected_entry: Option<Id>,
    pub dialog: Option<Dialog>,
    /// What the views remember between frames: fields being typed in, drags.
    pub view: ViewState,
    pub printing: printing::Printing,
    /// A one-line message in the status bar (saved, opened …).
    pub notice: Option<String>,
    rows: Vec<GridRow>,
    rows_key: Option<(u64, u64)>,
    filter_generation: u64,
    document_generation: u64,
    /// Commands issued while drawing, run after the frame's views.
    queued: Vec<AppCommand>,
    /// The user chose "don't save" for the command now running.
    discard_confirmed: bool,
    /// The user confirmed quitting; let the close through.
    closing: bool,
    scroll_to_row: Option<usize>,
    title: String,
}

impl ShinchokuApp {
    pub fn new(doc: Document, prefs: Prefs) -> ShinchokuApp {
        let printing = printing::Printing::with_setup(prefs.page_setup.clone());
        ShinchokuApp {
            doc,
            prefs,
            printing,
            filter: RowFilter::default(),
            selected: None,
            selected_entry: None,
            dialog: None,
            view: ViewState::default(),
            notice: None,
            rows: Vec::new(),
            rows_key: None,
            filter_generation: 0,
            document_generation: 0,
            queued: Vec::new(),
            discard_confirmed: false,
            closing: false,
            scroll_to_row: None,
            title: String::new(),
        }
    }

    /// The app as `shinchoku [FILE]` starts it: the file, or the bundled sample.
    pub fn starting_with(file: Option<&Path>, prefs: Prefs) -> ShinchokuApp {
        let mut app = ShinchokuApp::new(Document::sample(), prefs);
        if let Some(path) = file {
            app.open_path(path);
        }
        app
    }

    /// Asks for a command to run at the end of the next frame (as a menu click would).
    pub fn queue(&mut self, command: AppCommand) {
        self.queued.push(command);
    }

    pub fn texts(&self) -> &'static i18n::Texts {
        self.prefs.lang.texts()
    }

    /// The grid's rows as they stand (recomputed only when the report or the filter changed).
    pub fn rows(&mut self) -> &[GridRow] {
        let key = (
            self.doc.revision() ^ (self.document_generation << 40),
            self.filter_generation,
        );
        if self.rows_key != Some(key) {
            self.rows = grid::rows(&self.doc.report, &self.filter);
            self.rows_key = Some(key);
        }
        &self.rows
    }

    /// Draws the whole window and runs the commands it produced. Used by eframe and by tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.take_shortcuts(&ctx);
        self.take_dropped_files(&ctx);
        self.guard_close(&ctx);
        self.update_title(&ctx);

        let t = self.texts();
        let lang = self.prefs.lang;
        let mut commands = views::menu::show(ui, t, &self.prefs, &self.doc, self.view.show_summary);
        commands.extend(views::toolbar::show(
            ui,
            lang,
            &self.doc.report,
            &self.filter,
        ));
        commands.extend(views::status::show(
            ui,
            t,
            &self.doc,
            self.notice.as_deref(),
        ));
        commands.extend(
            views::detail::DetailView {
                report: &self.doc.report,
                revision: self.doc.revision(),
                selected: self.selected,
                selected_entry: self.selected_entry,
                lang,
                state: &mut self.view,
            }
            .show(ui),
        );
        commands.extend(views::summary::show(
            &ctx,
            lang,
            &self.doc.report,
            self.view.show_summary,
        ));
        commands.extend(self.show_printing(&ctx));
        let scroll_to = self.scroll_to_row.take();
        self.rows();
        egui::CentralPanel::default().show(ui, |ui| {
            let grid_view = views::grid::GridView {
                report: &self.doc.report,
                rows: &self.rows,
                filter: &self.filter,
                selected: self.selected,
                selected_entry: self.selected_entry,
                lang,
                scroll_to,
                state: &mut self.view,
            };
            commands.extend(grid_view.show(ui));
        });
        commands.extend(self.show_dialog(&ctx));
        self.queued.extend(commands);
        let queued = std::mem::take(&mut self.queued);
        if !queued.is_empty() {
            // What the commands changed is drawn in the next frame.
            ctx.request_repaint();
        }
        for command in queued {
            self.handle(&ctx, command);
        }
    }

    fn take_shortcuts(&mut self, ctx: &Context) {
        if self.dialog.is_some() {
            return;
        }
        for command in AppCommand::with_shortcuts() {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.queued.push(command);
            }
        }
        let focused_text = ctx.memory(|m| m.focused().is_some());
        if !focused_text {
            for (shortcut, command) in AppCommand::history_shortcuts() {
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.queued.push(command);
                }
            }
            if ctx.input(|i| i.key_pressed(egui::Key::ArrowDown)) {
                self.queued.push(AppCommand::SelectNext);
            }
            if ctx.input(|i| i.key_pressed(egui::Key::ArrowUp)) {
                self.queued.push(AppCommand::SelectPrevious);
            }
            if ctx.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.is_none()) {
                let target = match (self.selected_entry, self.selected) {
                    (Some(e), _) => Some(EditTarget::Entry(e)),
                    (None, Some(i)) => Some(EditTarget::InitiativeTitle(i)),
                    _ => None,
                };
                if let Some(target) = target {
                    self.queued.push(AppCommand::StartEditing(target));
                }
            }
        }
    }

    fn take_dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        let dropped: Vec<PathBuf> = dropped
            .into_iter()
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if let Some(path) = dropped.into_iter().next() {
            self.queued.push(AppCommand::OpenPath(path));
        }
    }

    /// Closing the window with unsaved changes asks first.
    fn guard_close(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges {
                then: AppCommand::Quit,
            });
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let marker = if self.doc.is_dirty() { " ●" } else { "" };
        let title = format!(
            "{}{marker} — {}",
            self.doc.display_name(),
            self.texts().app_name
        );
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set (with ● when there are unsaved changes).
    pub fn window_title(&self) -> &str {
        &self.title
    }

    fn show_dialog(&mut self, ctx: &Context) -> Vec<AppCommand> {
        let Some(dialog) = self.dialog.clone() else {
            return Vec::new();
        };
        let (close, commands) = views::dialogs::show(ctx, self.texts(), &dialog, &self.doc);
        if close {
            self.dialog = None;
        }
        commands
    }

    /// Runs one command. The only place where the app's state changes.
    pub fn handle(&mut self, ctx: &Context, command: AppCommand) {
        if command.discards_report() && self.doc.is_dirty() && !self.discard_confirmed {
            self.dialog = Some(Dialog::UnsavedChanges { then: command });
            return;
        }
        self.discard_confirmed = false;
        match command {
            AppCommand::Open => {
                let t = self.texts();
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(t.filter_ron, &["ron"])
                    .add_filter(t.filter_table, &["tsv", "txt"])
                    .pick_file()
                {
                    self.open_path(&path);
                }
            }
            AppCommand::Import => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(self.texts().filter_table, &["tsv", "txt"])
                    .pick_file()
                {
                    self.open_path(&path);
                }
            }
            AppCommand::OpenPath(path) => self.open_path(&path),
            AppCommand::Save => match self.doc.save_path().map(Path::to_path_buf) {
                Some(path) => self.save_to(&path),
                None => self.handle(ctx, AppCommand::SaveAs),
            },
            AppCommand::SaveAs => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(self.texts().filter_ron, &["ron"])
                    .set_file_name(self.doc.suggested_file_name())
                    .save_file()
                {
                    self.save_to(&path);
                }
            }
            AppCommand::SaveTo(path) => self.save_to(&path),
            AppCommand::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            AppCommand::SetLanguage(lang) => self.prefs.lang = lang,
            AppCommand::ToggleFold(id) => {
                self.filter.toggle(id);
                self.filter_generation += 1;
            }
            AppCommand::ExpandAll => {
                self.filter.folded.clear();
                self.filter_generation += 1;
            }
            AppCommand::CollapseAll => {
                self.filter.folded = self.doc.report.sections.iter().map(|s| s.id).collect();
                self.filter_generation += 1;
            }
            AppCommand::Select(id) => {
                if self.selected != Some(id) {
                    self.selected_entry = None;
                }
                self.selected = Some(id);
            }
            AppCommand::SelectEntry(id) => self.selected_entry = Some(id),
            AppCommand::SelectNext => self.move_selection(1),
            AppCommand::SelectPrevious => self.move_selection(-1),
            AppCommand::ResolveUnsaved { save } => self.resolve_unsaved(ctx, save),
            AppCommand::Undo => {
                self.doc.undo();
            }
            AppCommand::Redo => {
                self.doc.redo();
            }
            AppCommand::Edit(edit) => self.run_edit(|_| Ok(edit)),
            AppCommand::SetEntryText { id, text } => {
                let Some(old) = edits::find_entry(&self.doc.report, id).cloned() else {
                    return;
                };
                if old.text == text.trim() {
                    return;
                }
                self.run_edit(|r| {
                    let (entry, _) = edits::with_text(r, &old, &text);
                    Ok(Edit::ReplaceEntry { entry })
                });
            }
            AppCommand::AddEntry { topic, side, text } => {
                let mut added = None;
                self.run_edit(|r| {
                    let (edit, _) = edits::add_entry(r, topic, side, &text);
                    if let Edit::InsertEntry { entry, .. } = &edit {
                        added = Some(entry.id);
                    }
                    Ok(edit)
                });
                self.view.new_entry = None;
                if added.is_some() {
                    self.selected_entry = added;
                }
            }
            AppCommand::DoneAsPlanned { id } => self.run_edit(|r| edits::done_as_planned(r, id)),
            AppCommand::AddTopic { initiative } => {
                let index = self
                    .doc
                    .report
                    .initiatives()
                    .find(|i| i.id == initiative)
                    .map_or(0, |i| i.topics.len());
                let mut topic_id = None;
                self.run_edit(|r| {
                    let topic = edits::new_topic(r, Some("新しい見出し".into()), None);
                    topic_id = Some(topic.id);
                    Ok(Edit::InsertTopic {
                        initiative,
                        index,
                        topic,
                    })
                });
                if let Some(id) = topic_id {
                    self.handle(ctx, AppCommand::StartEditing(EditTarget::TopicHeading(id)));
                }
            }
            AppCommand::StartEditing(target) => {
                let buffer = self.editable_text(target);
                if let Some(buffer) = buffer {
                    self.view.inline = Some(views::InlineEdit {
                        target,
                        buffer,
                        focus: true,
                    });
                }
            }
            AppCommand::CommitEditing { target, text } => {
                self.view.inline = None;
                self.commit_text(ctx, target, text);
            }
            AppCommand::CancelEditing => {
                self.view.inline = None;
                self.view.new_entry = None;
            }
            AppCommand::OpenNewEntry { topic, side } => {
                if let Some(i) = self
                    .doc
                    .report
                    .initiatives()
                    .find(|i| i.topics.iter().any(|t| t.id == topic))
                {
                    self.selected = Some(i.id);
                }
                self.view.new_entry = Some(views::NewEntry {
                    topic,
                    side,
                    buffer: String::new(),
                    focus: true,
                });
            }
            AppCommand::SetDivisionFilter(division) => {
                self.filter.division = division;
                self.filter_generation += 1;
            }
            AppCommand::SetStatusFilter(status) => {
                self.filter.status = status;
                self.filter_generation += 1;
            }
            AppCommand::SetTextFilter(text) => {
                self.filter.text = text;
                self.filter_generation += 1;
            }
            AppCommand::SetPeriod(period) => self.run_edit(|_| Ok(Edit::SetPeriod { period })),
            AppCommand::SetAsOf(as_of) => self.run_edit(|_| Ok(Edit::SetAsOf { as_of })),
            AppCommand::ToggleSummary => self.view.show_summary = !self.view.show_summary,
            AppCommand::PrintPreview => self.printing.preview_open = true,
            AppCommand::ClosePreview => self.printing.preview_open = false,
            AppCommand::Print => {
                if !self.printing.busy() {
                    self.printing
                        .start(&self.doc.report, printing::PdfPurpose::Print, ctx);
                }
            }
            AppCommand::ExportPdf => {
                let name = self.doc.suggested_file_name().replace(".ron", ".pdf");
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(self.texts().filter_pdf, &["pdf"])
                    .set_file_name(name)
                    .save_file()
                {
                    self.handle(ctx, AppCommand::ExportPdfTo(path));
                }
            }
            AppCommand::Export { format, encoding } => {
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
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(name, &[ext])
                    .set_file_name(file)
                    .save_file()
                {
                    self.handle(ctx, AppCommand::ExportTo { path, encoding });
                }
            }
            AppCommand::ExportTo { path, encoding } => {
                let t = self.texts();
                match crate::export::export_file(&self.doc.report, &path, encoding) {
                    Ok(()) => self.notice = Some(format!("{}: {}", t.exported, path.display())),
                    Err(e) => {
                        self.dialog = Some(Dialog::Error {
                            title: t.export_failed.into(),
                            message: e.to_string(),
                        })
                    }
                }
            }
            AppCommand::ExportPdfTo(path) => {
                if !self.printing.busy() {
                    self.printing
                        .start(&self.doc.report, printing::PdfPurpose::Export(path), ctx);
                }
            }
        }
    }

    /// Runs the command the unsaved-changes dialog held, after the user chose.
    pub fn resolve_unsaved(&mut self, ctx: &Context, save_first: bool) {
        let Some(Dialog::UnsavedChanges { then }) = self.dialog.take() else {
            return;
        };
        if save_first {
            self.handle(ctx, AppCommand::Save);
            if self.doc.is_dirty() {
                return; // the save was cancelled or failed: keep the report
            }
        }
        self.discard_confirmed = true;
        self.handle(ctx, then);
    }

    /// The print preview window and the PDF job's progress.
    fn show_printing(&mut self, ctx: &Context) -> Vec<AppCommand> {
        let t = self.texts();
        if let Some(outcome) = self.printing.poll(&self.doc.report.title) {
            match outcome {
                printing::JobOutcome::Written(path) => {
                    self.notice = Some(format!("{}: {}", t.pdf_written, path.display()));
                }
                printing::JobOutcome::Failed(message) => {
                    self.dialog = Some(Dialog::Error {
                        title: t.pdf_failed.into(),
                        message,
                    });
                }
            }
        }
        let busy = self.printing.task.as_ref().map(|task| task.progress);
        if let Some(p) = busy {
            self.notice = Some(format!("{}… {:.0}%", t.making_pdf, p * 100.0));
        }
        if !self.printing.preview_open {
            return Vec::new();
        }
        let layout = self.printing.layout(
            &self.doc.report,
            self.doc.revision() ^ (self.document_generation << 40),
        );
        let printing = &mut self.printing;
        let out = views::preview::show(
            ctx,
            self.prefs.lang,
            &self.doc.report,
            &mut printing.setup,
            &mut printing.preview_page,
            &layout,
            busy,
        );
        self.prefs.page_setup = printing.setup.clone();
        out
    }

    /// Applies an edit as one undoable step; a stale edit is reported, not applied.
    fn run_edit(
        &mut self,
        build: impl FnOnce(&mut crate::model::Report) -> Result<Edit, edits::EditError>,
    ) {
        if let Err(e) = self.doc.edit(build) {
            self.notice = Some(e.to_string());
        }
    }

    fn editable_text(&self, target: EditTarget) -> Option<String> {
        let report = &self.doc.report;
        match target {
            EditTarget::Entry(id) => edits::find_entry(report, id).map(|e| e.text.clone()),
            EditTarget::TopicHeading(id) => report
                .initiatives()
                .flat_map(|i| i.topics.iter())
                .find(|t| t.id == id)
                .map(|t| t.heading.clone().unwrap_or_default()),
            EditTarget::InitiativeTitle(id) => report
                .initiatives()
                .find(|i| i.id == id)
                .map(|i| i.title.clone()),
            EditTarget::ItemName(id) => report
                .initiatives()
                .flat_map(|i| i.items.iter())
                .find(|x| x.id == id)
                .map(|x| x.name.clone()),
        }
    }

    fn commit_text(&mut self, ctx: &Context, target: EditTarget, text: String) {
        if self.editable_text(target).as_deref() == Some(text.as_str()) {
            return;
        }
        match target {
            EditTarget::Entry(id) => self.handle(ctx, AppCommand::SetEntryText { id, text }),
            EditTarget::TopicHeading(id) => {
                let heading = Some(text.trim().to_string()).filter(|h| !h.is_empty());
                self.run_edit(|_| Ok(Edit::SetTopicHeading { id, heading }));
            }
            EditTarget::InitiativeTitle(id) => {
                self.run_edit(|_| Ok(Edit::SetInitiativeTitle { id, title: text }))
            }
            EditTarget::ItemName(id) => self.run_edit(|_| Ok(Edit::SetItemName { id, name: text })),
        }
    }

    fn move_selection(&mut self, step: isize) {
        self.rows();
        let report = &self.doc.report;
        let rows = &self.rows;
        let initiative_rows: Vec<(usize, Id)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, GridRow::Initiative { .. }))
            .filter_map(|(k, r)| grid::initiative_of(report, *r).map(|i| (k, i.id)))
            .collect();
        if initiative_rows.is_empty() {
            return;
        }
        let current = self
            .selected
            .and_then(|id| initiative_rows.iter().position(|(_, i)| *i == id));
        let next = match current {
            None if step > 0 => 0,
            None => initiative_rows.len() - 1,
            Some(c) => (c as isize + step).clamp(0, initiative_rows.len() as isize - 1) as usize,
        };
        self.selected = Some(initiative_rows[next].1);
        self.selected_entry = None;
        self.scroll_to_row = Some(initiative_rows[next].0);
    }

    fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.doc = doc;
                self.document_generation += 1;
                self.selected = None;
                self.selected_entry = None;
                self.view = ViewState::default();
                self.filter = RowFilter::default();
                self.filter_generation += 1;
                self.remember(path);
                self.notice = Some(format!("{}: {}", self.texts().opened, path.display()));
                if !self.doc.warnings.is_empty() {
                    self.dialog = Some(Dialog::Warnings);
                }
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: self.texts().open_failed.into(),
                    message: e.to_string(),
                });
            }
        }
    }

    fn save_to(&mut self, path: &Path) {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember(path);
                self.notice = Some(format!("{}: {}", self.texts().saved, path.display()));
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: self.texts().save_failed.into(),
                    message: e.to_string(),
                });
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }
}

impl eframe::App for ShinchokuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// Opens the window. `file` is opened (or imported) at start; without it, the bundled sample.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("進捗 Shinchoku")
            .with_inner_size([1600.0, 960.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Wgpu,
        wgpu_options: wgpu_options(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Shinchoku",
        options,
        Box::new(move |cc| {
            fonts::install_style(&cc.egui_ctx);
            let prefs = cc
                .storage
                .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY))
                .unwrap_or_default();
            Ok(Box::new(ShinchokuApp::starting_with(
                file.as_deref(),
                prefs,
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shinchoku: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Desk PCs often have no GPU driver (virtual desktops): prefer a real GPU, but take a software
/// adapter — WARP on Windows (DX12), llvmpipe/lavapipe on Linux — rather than fail to start.
fn wgpu_options() -> eframe::egui_wgpu::WgpuConfiguration {
    use eframe::egui_wgpu::{self, WgpuSetup};
    use eframe::wgpu;
    let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    setup.native_adapter_selector = Some(std::sync::Arc::new(
        |adapters: &[wgpu::Adapter], surface: Option<&wgpu::Surface<'_>>| {
            let usable: Vec<&wgpu::Adapter> = adapters
                .iter()
                .filter(|a| surface.is_none_or(|s| a.is_surface_supported(s)))
                .collect();
            let rank = |a: &&wgpu::Adapter| match a.get_info().device_type {
                wgpu::DeviceType::DiscreteGpu => 0,
                wgpu::DeviceType::IntegratedGpu => 1,
                wgpu::DeviceType::VirtualGpu => 2,
                wgpu::DeviceType::Other => 3,
                wgpu::DeviceType::Cpu => 4,
            };
            usable.into_iter().min_by_key(rank).cloned().ok_or_else(|| {
                format!(
                    "no graphics adapter can draw this window ({} found); on Linux install \
                         Mesa (mesa-vulkan-drivers or libgl1-mesa-dri)",
                    adapters.len()
                )
            })
        },
    ));
    egui_wgpu::WgpuConfiguration {
        wgpu_setup: WgpuSetup::CreateNew(setup),
        ..Default::default()
    }
}

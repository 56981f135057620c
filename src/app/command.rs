//! Everything the window can be asked to do, grouped by the part of the app that carries it
//! out. What a user asks from a menu or the keyboard is an [`Action`]: small, `Copy`, with its
//! label and shortcuts in one table ([`Action::ALL`]), so menus and shortcut handling come from
//! one definition. Changes to the report are [`Intent`]s of the core, never edits a view built.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::columns::Column;
use super::i18n::{Lang, Texts};
use crate::edit::Intent;
use crate::model::status::Status;
use crate::model::{Id, Report, Side};
use crate::print::PageSetup;
use crate::store::recovery::Recoverable;
use crate::survey::send::Formats;

#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// From a menu or a shortcut.
    Action(Action),
    File(FileCommand),
    /// A change to the report: one undoable step.
    Edit(Intent),
    View(ViewCommand),
    Print(PrintCommand),
    /// The PDF or export running in the background.
    Job(JobCommand),
    Prefs(PrefsCommand),
    Dialog(DialogCommand),
    Compare(CompareCommand),
    Survey(SurveyCommand),
}

/// When a shortcut is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always (no dialog open).
    Always,
    /// Only while no text field has the keyboard (a field undoes its own typing and moves its
    /// own cursor).
    NotTyping,
}

pub struct ActionSpec {
    pub action: Action,
    pub label: fn(&Texts) -> &'static str,
    /// Checked in this order; a shortcut with more modifiers comes first so that Ctrl+Shift+S
    /// is not taken for Ctrl+S.
    pub shortcuts: &'static [KeyboardShortcut],
    pub when: When,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const ALT: Modifiers = Modifiers::ALT;
const SHIFT: Modifiers = Modifiers::SHIFT;
const NONE: Modifiers = Modifiers::NONE;

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Declares [`Action`] and its table at once: each action with its label, its shortcuts (checked
/// in the order written: one with more modifiers before the same key with fewer, so that
/// Ctrl+Shift+S is not taken for Ctrl+S) and when they are taken. An action cannot be declared
/// without its row, and `spec` is one exhaustive match.
macro_rules! actions {
    ($($(#[$doc:meta])* $name:ident => ($label:expr, $shortcuts:expr, $when:expr),)*) => {
        /// What a user asks from a menu or the keyboard.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $($(#[$doc])* $name,)*
        }

        impl Action {
            /// Every action, in the order their shortcuts are checked.
            pub const ALL: &'static [Action] = &[$(Action::$name,)*];

            /// The action's label, shortcuts, and when they are taken.
            pub const fn spec(self) -> ActionSpec {
                match self {
                    $(Action::$name => {
                        const SHORTCUTS: &[KeyboardShortcut] = $shortcuts;
                        spec(Action::$name, $label, SHORTCUTS, $when)
                    })*
                }
            }
        }
    };
}

actions! {
    SaveAs => (|t| t.save_as, &[key(CMD_SHIFT, Key::S)], When::Always),
    Save => (|t| t.save, &[key(CMD, Key::S)], When::Always),
    Open => (|t| t.open, &[key(CMD, Key::O)], When::Always),
    Import => (|t| t.import, &[key(CMD, Key::I)], When::Always),
    Print => (|t| t.print, &[key(CMD, Key::P)], When::Always),
    Quit => (|t| t.quit, &[key(CMD, Key::Q)], When::Always),
    Redo => (|t| t.redo, &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)], When::NotTyping),
    Undo => (|t| t.undo, &[key(CMD, Key::Z)], When::NotTyping),
    PrintPreview => (|t| t.print_preview, &[], When::Always),
    ExportPdf => (|t| t.export_pdf, &[], When::Always),
    ExpandAll => (|t| t.expand_all, &[], When::Always),
    CollapseAll => (|t| t.collapse_all, &[], When::Always),
    ToggleSummary => (|t| t.summary, &[], When::Always),
    /// 表示 → 数値目標・評価の編集: the selected initiative's numbers and the report's scale.
    ToggleMeasureEditor => (|t| t.measure_editor, &[], When::Always),
    SelectNext => (|t| t.select_next, &[key(NONE, Key::ArrowDown)], When::NotTyping),
    SelectPrevious => (|t| t.select_previous, &[key(NONE, Key::ArrowUp)], When::NotTyping),
    /// Edit the selected entry's or initiative's text in place.
    EditSelected => (|t| t.edit_text, &[key(NONE, Key::Enter)], When::NotTyping),
    /// Compare the open report with another file (比較…).
    Compare => (|t| t.compare, &[], When::Always),
    /// Open several reports of one programme together, to step through them.
    OpenSeries => (|t| t.open_series, &[], When::Always),
    /// Save the comparison's change list as a PDF.
    ExportChangeList => (|t| t.compare_print, &[], When::Always),
    /// Step to the report before / after the open one in the series (前の報告 / 次の報告).
    PreviousReport => (|t| t.previous_report, &[key(ALT, Key::ArrowLeft)], When::NotTyping),
    NextReport => (|t| t.next_report, &[key(ALT, Key::ArrowRight)], When::NotTyping),
    // After Alt+← / Alt+→ and Shift+F8: a plain key matches those too.
    /// ← on the grid: fold the row's section or initiative, or go to the row it is under.
    FoldOrParent => (|t| t.fold_or_parent, &[key(NONE, Key::ArrowLeft)], When::NotTyping),
    /// → on the grid: unfold the row's section or initiative, or go to its first row.
    UnfoldOrChild => (|t| t.unfold_or_child, &[key(NONE, Key::ArrowRight)], When::NotTyping),
    PreviousLate => (|t| t.previous_late, &[key(SHIFT, Key::F8)], When::Always),
    /// The next (previous) initiative that is 遅れ.
    NextLate => (|t| t.next_late, &[key(NONE, Key::F8)], When::Always),
    /// Fold the detail panel away, or unfold it.
    ToggleDetail => (|t| t.toggle_detail, &[key(CMD, Key::D)], When::Always),
    ZoomIn => (|t| t.zoom_in, &[key(CMD, Key::Plus), key(CMD, Key::Equals)], When::Always),
    ZoomOut => (|t| t.zoom_out, &[key(CMD, Key::Minus)], When::Always),
    ZoomReset => (|t| t.zoom_reset, &[key(CMD, Key::Num0)], When::Always),
    /// 表示 → 列幅を元に戻す.
    ResetColumns => (|t| t.reset_columns, &[], When::Always),
    /// ファイル → 担当課へ照会…: the 照会 form.
    Survey => (|t| t.survey, &[], When::Always),
    /// ファイル → 回答を取り込む…: answer files to review and take in.
    CollectAnswers => (|t| t.collect_answers, &[], When::Always),
    /// 表示 → 提出状況: the panel of who has answered.
    ToggleSurveyStatus => (|t| t.survey_status, &[], When::Always),
    PreviousCell => (|t| t.previous_cell, &[key(CMD, Key::ArrowLeft)], When::NotTyping),
    /// Ctrl+→ / Ctrl+←: the keyboard's cell in the row, across the shown columns (Tab stays
    /// egui's, moving between fields).
    NextCell => (|t| t.next_cell, &[key(CMD, Key::ArrowRight)], When::NotTyping),
    /// ヘルプ → 操作説明書: the user guide in the system's browser.
    OpenGuide => (|t| t.help.guide, &[key(NONE, Key::F1)], When::Always),
    /// ヘルプ → バージョン情報: the version and the licences.
    About => (|t| t.help.about, &[], When::Always),
}

impl Action {
    pub fn label(self, t: &Texts) -> &'static str {
        (self.spec().label)(t)
    }

    /// The shortcut shown in menus (the first one).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.spec().shortcuts.first().copied()
    }

    /// The shown shortcut as a menu writes it: egui's words (`Ctrl+D`, `Shift+F8`), with the
    /// arrow and sign keys drawn as their keycaps are (`Ctrl+→`, `Ctrl++`, not the English
    /// `Ctrl+Right`, `Ctrl+Plus`).
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let words = ctx.format_shortcut(&self.shortcut()?);
        let keys = words.split('+').map(|part| match part {
            "Up" => "↑",
            "Down" => "↓",
            "Left" => "←",
            "Right" => "→",
            "Plus" => "+",
            "Minus" => "-",
            "Equals" => "=",
            other => other,
        });
        Some(keys.collect::<Vec<_>>().join("+"))
    }

    /// A tooltip for a button doing this action: `text`, with the shortcut from the table
    /// (`折りたたむ (Ctrl+D)`), so a tooltip never names a key the action does not take.
    pub fn hint(self, ctx: &egui::Context, text: &str) -> String {
        match self.shortcut_text(ctx) {
            Some(s) => format!("{text} ({s})"),
            None => text.to_string(),
        }
    }

    /// Actions that throw the open report away, and so must ask first when it has changes.
    pub fn discards_report(self) -> bool {
        // 開く and 取り込み ask when the chosen file opens (`FileCommand::OpenPath`), as
        // stepping through a series does (`CompareCommand::OpenMember`): asking before choosing
        // too asked twice, the first answer forgotten by the time the file came.
        matches!(self, Action::Quit)
    }
}

const fn spec(
    action: Action,
    label: fn(&Texts) -> &'static str,
    shortcuts: &'static [KeyboardShortcut],
    when: When,
) -> ActionSpec {
    ActionSpec {
        action,
        label,
        shortcuts,
        when,
    }
}

/// Files in and out: carried out by the document.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    OpenPath(PathBuf),
    /// Save to this path without asking (the dialogs, tests and scripts use it).
    SaveTo(PathBuf),
    /// Ask where, then export (Excel, the report table format, CSV).
    Export {
        format: crate::export::Format,
        encoding: crate::export::Encoding,
    },
    ExportTo {
        path: PathBuf,
        encoding: crate::export::Encoding,
    },
    ExportPdfTo(PathBuf),
    /// The unsaved-changes dialog was answered: save first, or discard; then go on.
    ResolveUnsaved {
        save: bool,
    },
    /// Save over a file that changed on disk since it was read (上書き), or whose lock another
    /// Shinchoku holds (引き継いで保存): the user confirmed.
    SaveForced(PathBuf),
    /// Save over a read-only file (it stays read-only): the user chose to, after a save with
    /// `options` was refused for it.
    SaveOverReadOnly {
        path: PathBuf,
        options: crate::document::SaveOptions,
    },
    /// Take over the lock of the open file (its holder is gone, the user says).
    TakeOverLock,
    /// Read the open file again, dropping the changes (after the unsaved-changes question).
    Reload,
    /// Once a frame: write the recovery copy when due; `flush` writes it now (focus lost).
    /// `at` is the window's clock (egui's input time: real time in the window, the harness's
    /// in tests), so the timer runs on the same clock the window sleeps by.
    Autosave {
        flush: bool,
        at: std::time::Duration,
    },
    /// Open the report a recovery copy holds (復元).
    Restore(Recoverable),
    /// Delete a recovery copy (破棄).
    DiscardRecovery(Recoverable),
    /// What was typed where the system's file dialog could not be shown: one path a line,
    /// checked against what the purpose wants (`typed_path::read_typed`).
    PathTyped {
        purpose: PathPurpose,
        typed: String,
    },
    /// Carry the open report into its next period (次の期間へ): the new report replaces it in
    /// the window, unsaved, compared with the one it came from.
    Rollover(crate::compare::RolloverTo),
}

impl FileCommand {
    pub fn discards_report(&self) -> bool {
        matches!(
            self,
            FileCommand::OpenPath(_)
                | FileCommand::Reload
                | FileCommand::Restore(_)
                | FileCommand::Rollover(_)
        )
    }
}

/// The survey (照会): sending, taking answers in, 提出状況.
#[derive(Clone, Debug, PartialEq)]
pub enum SurveyCommand {
    CloseForm,
    /// The form was filled in: ask for the folder, then write the responses there.
    Submit(SendForm),
    /// Write the responses of the submitted form to this folder, and record them as sent.
    SendTo(PathBuf),
    /// Read these answer files and show what they would change.
    Collect(Vec<PathBuf>),
    ToggleConflict(usize),
    /// Take the reviewed answers in (with the accepted conflicts) as one undoable step.
    TakeIn,
    CancelReview,
    Sort(crate::survey::StatusKey),
    /// Start (Some) or stop (None) typing a 差戻し note for a division.
    StartSendBack(Option<String>),
    /// Send the division's answer back with this note (one undoable step).
    SendBack {
        division: String,
        note: String,
    },
    /// The 提出状況 as CSV (ask where), or to this file.
    ExportStatus,
    ExportStatusTo(PathBuf),
    /// The 提出状況 on paper: ask where, or to this PDF.
    PrintStatus,
    PrintStatusTo(PathBuf),
    /// Files dropped on the window: answers to a master that has a survey are collected;
    /// anything else opens.
    Dropped(Vec<PathBuf>),
}

impl CompareCommand {
    pub fn discards_report(&self) -> bool {
        matches!(self, CompareCommand::OpenMember { .. })
    }
}

/// The comparison (比較) and the series of reports opened together.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareCommand {
    /// Compare the open report with this file.
    With(PathBuf),
    Stop,
    /// Show the change with this index in the comparison's diff: unfold, select, scroll.
    Reveal(usize),
    /// Open these reports of one programme together: the latest is opened, compared with the
    /// one before.
    OpenSeries(Vec<PathBuf>),
    /// Open a report of the series, compared with `compare_with` (the one before it).
    OpenMember {
        path: PathBuf,
        compare_with: Option<PathBuf>,
    },
    /// Save the change list as a PDF.
    PrintList(PathBuf),
}

/// What a path asked for is for (the file dialog's question, when it is typed instead).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    /// The report to compare the open one with.
    Compare,
    /// Where to save the change list's PDF.
    ChangeList,
    /// The folder the survey's response files go to.
    SurveyFolder,
    /// Where to save the 提出状況 CSV.
    StatusCsv,
    /// Answer files to take in (typed: several, or a folder of them).
    Answers,
    /// Reports of one programme to open together (typed: several, or a folder of them).
    Series,
    /// Where to save the 提出状況 PDF.
    StatusPdf,
    SaveAs,
    ExportPdf,
    Export {
        format: crate::export::Format,
        encoding: crate::export::Encoding,
    },
}

impl PathPurpose {
    /// The extension a file written for the purpose gets when the path names none (typed
    /// `report` for an Excel export is `report.xlsx`, as a save dialog makes it; it was
    /// refused, the typed path gone).
    fn default_extension(self) -> Option<&'static str> {
        match self {
            PathPurpose::SaveAs => Some("ron"),
            PathPurpose::ExportPdf | PathPurpose::StatusPdf | PathPurpose::ChangeList => {
                Some("pdf")
            }
            PathPurpose::StatusCsv => Some("csv"),
            PathPurpose::Export { format, .. } => Some(format.extension()),
            PathPurpose::Open
            | PathPurpose::Compare
            | PathPurpose::Series
            | PathPurpose::Answers
            | PathPurpose::SurveyFolder => None,
        }
    }

    /// The file the typed path writes, for a purpose that writes one (none for a folder or a
    /// file to read).
    pub fn written(self, path: &std::path::Path) -> Option<PathBuf> {
        let ext = self.default_extension()?;
        Some(match path.extension() {
            None => path.with_extension(ext),
            Some(_) => path.to_path_buf(),
        })
    }

    /// What to do with the typed path.
    pub fn command(self, path: PathBuf) -> AppCommand {
        let path = self.written(&path).unwrap_or(path);
        match self {
            PathPurpose::Open | PathPurpose::Series => FileCommand::OpenPath(path).into(),
            PathPurpose::Compare => CompareCommand::With(path).into(),
            PathPurpose::ChangeList => CompareCommand::PrintList(path).into(),
            PathPurpose::SurveyFolder => SurveyCommand::SendTo(path).into(),
            PathPurpose::StatusCsv => SurveyCommand::ExportStatusTo(path).into(),
            PathPurpose::Answers => SurveyCommand::Collect(vec![path]).into(),
            PathPurpose::StatusPdf => SurveyCommand::PrintStatusTo(path).into(),
            PathPurpose::SaveAs => FileCommand::SaveTo(path).into(),
            PathPurpose::ExportPdf => FileCommand::ExportPdfTo(path).into(),
            PathPurpose::Export { encoding, .. } => FileCommand::ExportTo { path, encoding }.into(),
        }
    }
}

/// What the grid and the detail panel show: carried out by the view state.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    ToggleFold(Id),
    Select(Id),
    /// Put the keyboard on a row that is not an initiative or entry (a section, item, topic).
    SelectRow(Id),
    /// No entry selected any more (its editor window was closed).
    ClearEntry,
    /// The detail panel's 時期 field took the keyboard it was asked to take.
    MonthsFocused,
    SelectEntry(Id),
    StartEditing(EditTarget),
    /// The in-place field was left with Enter (or by clicking elsewhere).
    CommitEditing {
        target: EditTarget,
        text: String,
    },
    CancelEditing,
    /// Open the "new entry" field of a topic in the detail panel.
    OpenNewEntry {
        topic: Id,
        side: Side,
    },
    SetDivisionFilter(Option<String>),
    SetStatusFilter(Option<Status>),
    SetTextFilter(String),
    /// Only the initiatives and topics with a result to confirm (要確認), or all again.
    SetToConfirmFilter(bool),
    /// Only the initiatives of this final rating (評価), or all again.
    SetRatingFilter(Option<crate::grid::RatingFilter>),
    /// Another report was opened: nothing selected, folded or filtered.
    Reset,
    /// A new entry was added: select it, close the field it was typed in.
    AddedEntry(Id),
    /// The core refused an edit (the status bar says why): the selected entry's editor shows
    /// the text as stored again, with nothing to apply.
    Refused,
}

/// The print preview.
#[derive(Clone, Debug, PartialEq)]
pub enum PrintCommand {
    ClosePreview,
    SetPreviewPage(usize),
}

/// Preferences kept between runs.
#[derive(Clone, Debug, PartialEq)]
pub enum PrefsCommand {
    SetLanguage(Lang),
    /// Seconds between recovery copies.
    SetRecoverySeconds(u64),
    SetPageSetup(PageSetup),
    RememberFile(PathBuf),
    /// A column's width dragged at its header border (`None`: fitted again).
    SetColumnWidth {
        column: Column,
        width: Option<f32>,
    },
    /// Show or hide a column group (工程, 月別, 担当課, 状況).
    ToggleColumn(Column),
    /// 表示 → 列幅を元に戻す: every column fitted and shown.
    ResetColumns,
    SetDetailFolded(bool),
    SetDetailWidth(f32),
    SetDetailPopup(bool),
    /// A zoom step: 1 in, -1 out, 0 back to 100 %.
    Zoom(i32),
    /// A zoom factor (Ctrl + wheel).
    SetZoom(f32),
}

/// What the app says to the user: a dialog in front, or a line in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogCommand {
    Show(Dialog),
    Close,
    Notice(String),
    /// A notice saying why an edit was refused: gone once an edit is done (it stood beside
    /// the next edit that went through, as if that had been refused too).
    Refusal(String),
    /// An edit was done: a refusal's notice goes.
    Edited,
}

/// What an in-place text field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// The whole text of an entry, as written.
    Entry(Id),
    TopicHeading(Id),
    InitiativeTitle(Id),
    ItemName(Id),
}

impl EditTarget {
    /// The text as it stands in the report (what the field starts with).
    pub fn current_text(self, report: &Report) -> Option<String> {
        match self {
            EditTarget::Entry(id) => report.entry(id).map(|e| e.text.clone()),
            EditTarget::TopicHeading(id) => report
                .topic(id)
                .map(|t| t.heading.clone().unwrap_or_default()),
            EditTarget::InitiativeTitle(id) => report.initiative(id).map(|i| i.title.clone()),
            EditTarget::ItemName(id) => report.item(id).map(|x| x.name.clone()),
        }
    }

    /// The change that puts `text` in place.
    pub fn intent(self, text: String) -> Intent {
        match self {
            EditTarget::Entry(id) => Intent::SetEntryText { id, text },
            EditTarget::TopicHeading(id) => Intent::SetTopicHeading { id, heading: text },
            EditTarget::InitiativeTitle(id) => Intent::SetInitiativeTitle { id, title: text },
            EditTarget::ItemName(id) => Intent::SetItemName { id, name: text },
        }
    }
}

impl From<Action> for AppCommand {
    fn from(a: Action) -> AppCommand {
        AppCommand::Action(a)
    }
}

impl From<FileCommand> for AppCommand {
    fn from(c: FileCommand) -> AppCommand {
        AppCommand::File(c)
    }
}

impl From<Intent> for AppCommand {
    fn from(i: Intent) -> AppCommand {
        AppCommand::Edit(i)
    }
}

impl From<ViewCommand> for AppCommand {
    fn from(c: ViewCommand) -> AppCommand {
        AppCommand::View(c)
    }
}

impl From<PrintCommand> for AppCommand {
    fn from(c: PrintCommand) -> AppCommand {
        AppCommand::Print(c)
    }
}

impl From<JobCommand> for AppCommand {
    fn from(c: JobCommand) -> AppCommand {
        AppCommand::Job(c)
    }
}

impl From<PrefsCommand> for AppCommand {
    fn from(c: PrefsCommand) -> AppCommand {
        AppCommand::Prefs(c)
    }
}

impl From<CompareCommand> for AppCommand {
    fn from(c: CompareCommand) -> AppCommand {
        AppCommand::Compare(c)
    }
}

impl From<SurveyCommand> for AppCommand {
    fn from(c: SurveyCommand) -> AppCommand {
        AppCommand::Survey(c)
    }
}

impl From<DialogCommand> for AppCommand {
    fn from(c: DialogCommand) -> AppCommand {
        AppCommand::Dialog(c)
    }
}

// What the commands carry that the state keeps (a dialog shown, the 照会 form sent) is defined
// here, beside the commands, so that the commands need nothing of the state that handles them.

/// A dialog in front of the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Error {
        title: String,
        message: String,
    },
    /// Unsaved changes: save, discard or cancel, then run `then`.
    UnsavedChanges {
        then: Box<AppCommand>,
    },
    Warnings,
    /// The file just opened is open in another Shinchoku: read-only, or take over its lock.
    Locked {
        /// The lock file, shown as the text says it, for whoever must find it (IT, a stale
        /// lock left by a PC that crashed).
        lock_file: String,
        holder: String,
    },
    /// A save found the file changed on disk since it was read: 上書き, 別名で保存, 再読み込み.
    ChangedOnDisk {
        path: PathBuf,
        message: String,
    },
    /// A save found another Shinchoku holding the file: take the lock over and save, or not.
    LockedOnSave {
        path: PathBuf,
        message: String,
    },
    /// A save found the file read-only: 上書き (it stays read-only), 別名で保存, or cancel.
    /// `options` are what that save was already allowed.
    ReadOnlyOnSave {
        path: PathBuf,
        message: String,
        options: crate::document::SaveOptions,
    },
    /// Recovery copies holding unsaved work from an earlier run: 復元 or 破棄 each.
    Recover(Vec<Recoverable>),
    /// ヘルプ → バージョン情報: the version and the licences.
    About,
    /// The system's file dialog could not be shown: type the path (`problem`: why what was
    /// typed last cannot be taken, worded).
    TypePath {
        purpose: PathPurpose,
        problem: Option<String>,
    },
}

/// What the window asks of the running job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobCommand {
    /// Take the job's progress and, once it ended, its result (every frame).
    Poll,
    /// 中止: stop it; nothing is written.
    Stop,
}

/// What is typed in the 照会 form.
#[derive(Clone, Debug, PartialEq)]
pub struct SendForm {
    /// `2017-10-13`; empty: no due date.
    pub due: String,
    pub note: String,
    pub formats: Formats,
}

impl Default for SendForm {
    fn default() -> Self {
        SendForm {
            due: String::new(),
            note: String::new(),
            formats: Formats::Both,
        }
    }
}

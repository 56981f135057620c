//! Diagnostics every layer reports: where (a [`Location`]) and what (a kind), worded in Japanese
//! or English by [`Describe`]. They live in the model so that import, store, edit and checks of
//! a report can all report them without knowing each other.
//!
//! This file holds the types and where things are; the words of the warnings are in
//! `warning_words.rs`, those of the errors in `error_words.rs` (one `match` arm per kind each, so
//! a new kind is one arm there).

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::lang::{Describe, Lang, say};

mod answer_words;
mod cell_words;
mod error_words;
pub use error_words::{damage_in_japanese, division_named};
mod warning_words;

/// Where in the table something was found: 1-based row (line of the file) and field; in a
/// workbook, the sheet, and row and column of the sheet (described as `工程表!H12`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    pub row: Option<usize>,
    /// 1-based field (column) number.
    pub field: Option<usize>,
    /// What the field holds: `年次計画`, `工程` …
    pub field_name: Option<Box<str>>,
    /// The workbook sheet `row` and `field` are in; `None` for a text table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Box<str>>,
    /// In a report (not a file's rows): the initiative, topic and side an entry is written in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Box<EntryAt>>,
    /// In a report: the initiative and which of its numbers or ratings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Box<super::measure_warning::MeasureAt>>,
}

/// Where an entry is written, as a user finds it: 取組4 <組織体制・運営の検討> 実績.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryAt {
    /// The initiative's number.
    pub initiative: String,
    pub topic: Option<String>,
    pub side: crate::model::Side,
}

impl Describe for EntryAt {
    fn describe(&self, lang: Lang) -> String {
        let side = match (self.side, lang) {
            (crate::model::Side::Plan, Lang::Ja) => "年次計画",
            (crate::model::Side::Actual, Lang::Ja) => "実績",
            (crate::model::Side::Plan, Lang::En) => "plan",
            (crate::model::Side::Actual, Lang::En) => "results",
        };
        let topic = self
            .topic
            .as_ref()
            .map_or_else(String::new, |t| format!(" <{t}>"));
        say(
            lang,
            format!("取組{}{topic} {side}", self.initiative),
            format!("initiative {}{topic}, {side}", self.initiative),
        )
    }
}

impl Location {
    pub fn row(row: usize) -> Location {
        Location {
            row: Some(row),
            ..Location::default()
        }
    }

    pub fn field(row: usize, field: usize, name: &str) -> Location {
        Location {
            row: Some(row),
            field: Some(field),
            field_name: Some(name.into()),
            ..Location::default()
        }
    }

    /// A cell of a workbook sheet: 1-based row and column.
    pub fn cell(sheet: &str, row: usize, column: usize, name: Option<&str>) -> Location {
        Location {
            row: Some(row),
            field: Some(column),
            field_name: name.map(Into::into),
            sheet: Some(sheet_name(sheet)),
            entry: None,
            measure: None,
        }
    }

    /// A number or rating of a report's initiative.
    pub fn measure(at: super::measure_warning::MeasureAt) -> Location {
        Location {
            measure: Some(Box::new(at)),
            ..Location::default()
        }
    }

    /// An entry of a report, by initiative, topic and side.
    pub fn entry(at: EntryAt) -> Location {
        Location {
            entry: Some(Box::new(at)),
            ..Location::default()
        }
    }

    /// The cell as a spreadsheet names it: `工程表!H12` (`工程表!12` for a whole row, the
    /// sheet's name alone for the whole sheet).
    pub fn cell_name(&self) -> Option<String> {
        let sheet = self.sheet.as_ref()?;
        if self.row.is_none() && self.field.is_none() {
            return Some(sheet.to_string());
        }
        let row = self.row.map(|r| r.to_string()).unwrap_or_default();
        let column = self.field.map(column_letters).unwrap_or_default();
        Some(format!("{sheet}!{column}{row}"))
    }
}

/// A sheet's name as a place names it: a name longer than any an office program allows (Excel:
/// 31 characters) is shortened, so that ten thousand warnings on a sheet named with 300,000
/// characters do not each hold the name (3.9 GB for a 125 KB file).
pub fn sheet_name(name: &str) -> Box<str> {
    if name.len() <= 100 {
        return name.into();
    }
    crate::model::text::preview(name).into()
}

/// Spreadsheet column letters of a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(column: usize) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl Location {
    /// A place named by what it is rather than by row (a saved report has no rows).
    pub fn named(name: impl Into<String>) -> Location {
        Location {
            field_name: Some(name.into().into_boxed_str()),
            ..Location::default()
        }
    }
}

impl Describe for Location {
    fn describe(&self, lang: Lang) -> String {
        if let Some(cell) = self.cell_name() {
            return match &self.field_name {
                Some(name) => say(
                    lang,
                    format!("{cell}（{name}）"),
                    format!("{cell} ({name})"),
                ),
                None => cell,
            };
        }
        let mut parts = Vec::new();
        if let Some(at) = &self.entry {
            parts.push(at.describe(lang));
        }
        if let Some(at) = &self.measure {
            parts.push(at.describe(lang));
        }
        if let Some(r) = self.row {
            parts.push(say(lang, format!("{r}行目"), format!("row {r}")));
        }
        match (self.field, &self.field_name) {
            (Some(n), Some(name)) => parts.push(say(
                lang,
                format!("{n}列目（{name}）"),
                format!("field {n} ({name})"),
            )),
            (Some(n), None) => parts.push(say(lang, format!("{n}列目"), format!("field {n}"))),
            (None, Some(name)) => parts.push(name.to_string()),
            (None, None) => {}
        }
        parts.join(if lang == Lang::Ja { "、" } else { ", " })
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Something read but not as expected; the data is kept and the user is told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub at: Location,
    pub kind: WarningKind,
}

impl Warning {
    pub fn new(at: Location, kind: WarningKind) -> Warning {
        Warning { at, kind }
    }
}

/// What a warning is about. Each keeps the text it concerns, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    NoTitleLine,
    /// Not a header, section, initiative or stage row.
    RowNotUnderstood {
        text: String,
    },
    InitiativeBeforeSection,
    /// A section or initiative row above the first header row: not read, kept as written.
    AboveHeader {
        text: String,
    },
    /// A row above the header that is not the title, the period line or a declaration of the
    /// numbers (資料２ over the title, a note): not read, kept in the unread list (it went
    /// without a word).
    TextAboveHeader {
        text: String,
    },
    /// Such a row ending in a date (「…のもの　2017年8月31日 時点」): the date read as the
    /// report's as-of date, the row kept in the unread list (its other words are the office's).
    AsOfAboveHeader {
        text: String,
        month: u8,
        day: u8,
    },
    /// The stage cell has text but no `<table>`.
    StageCellWithoutTable,
    /// A cell holding more tags than are read ([`crate::model::bounds::MAX_CELL_TAGS`]; `tags`
    /// counted to one past it): kept as written in the unread list, not read.
    CellTooManyTags {
        tags: usize,
    },
    /// Text in the stage table's HTML outside any cell.
    TextOutsideCell {
        text: String,
    },
    /// The stage table has no `</table>`.
    TableNotClosed,
    /// The row has fewer fields than the header; these fields (number, name) are empty.
    RowCutShort {
        fields: usize,
        missing: Vec<(usize, String)>,
    },
    TextAfterDivision,
    StageBeyondYears {
        stage: String,
        item: String,
    },
    YearsNotConsecutive,
    /// A number of a year far from the plan years
    /// ([`crate::model::bounds::MAX_YEARS_FROM_PLAN`]): kept in the unread list.
    NumberYearFarFromPlan {
        year: i32,
        text: String,
    },
    /// The stage table's year headings name more years than a plan spans
    /// ([`crate::model::bounds::MAX_PLAN_YEARS`]).
    TooManyPlanYears {
        count: usize,
    },
    StageYearsDiffer {
        range: String,
        other_row: usize,
        other_range: String,
    },
    PlainCopyDiffers {
        got: String,
        expected: String,
    },
    PlainRowDiffers {
        written: String,
        table_row: usize,
        table_line: usize,
        expected: String,
    },
    PlainRowExtra {
        text: String,
        table_line: usize,
    },
    HeadingTwice {
        heading: String,
    },
    DivisionWithoutTopic {
        heading: String,
    },
    NoDivisionFollows {
        headings: Vec<String>,
    },
    /// A topic no 担当課 answers for (none of its own, none of its initiative's): the survey
    /// sends it to nobody.
    TopicWithoutDivision {
        initiative: String,
        heading: Option<String>,
    },
    NoStageTable,
    /// A month expression that could not be read; the entry keeps it as written.
    UnreadableMonths {
        expression: String,
        reason: crate::model::months::MonthProblem,
        /// The entry (or sub-item) it is written in, as written.
        entry: String,
    },
    /// A line of a second-half answer cell the same as a result of the half before shown
    /// beside it (上半期の実績): that result stays, and the line is not taken a second time.
    AlreadyKept {
        text: String,
    },
    /// An answer removes (`removed`) or rewrites a result reported in an earlier period of
    /// the year, under `heading` (上半期実績(4月～9月)): taken as the division's own, and said.
    EarlierResultChanged {
        text: String,
        heading: String,
        removed: bool,
    },
    /// A result an answer rewrites (as `answer`) or removes (`None`) that was rewritten after
    /// the survey went out (as `now`: by the office, or another division's answer): both texts
    /// are kept, the answer's after the other (a removed one stays), for the office to keep
    /// the one it wants.
    RewrittenSinceSent {
        now: String,
        answer: Option<String>,
    },
    /// A result an answer rewrites (as `answer`) that was removed after the survey went out
    /// (by the office, or another division's answer): the answer's text is kept, as a new
    /// result, for the office to keep or remove.
    RemovedSinceSent {
        answer: String,
    },
    /// A result an answer removes (`answer` none) or rewrites (as `answer`) that another
    /// division's answer wrote in the same words (a topic they share): it stays, the rewrite
    /// beside it, for the office to remove what neither reports.
    ReportedByAnotherToo {
        text: String,
        answer: Option<String>,
    },
    /// A topic's results brought back as they were sent (`whole`), or some of them (a line the
    /// earlier answer rewrote as it was sent, one it added missing, one it removed back as
    /// sent) in a topic the answer
    /// worked on, in an answer the division worked on elsewhere, where its earlier answer
    /// wrote results. Taking back what it wrote is `held` for the office to tick (a copy of
    /// the sent file answered elsewhere reads alike) unless the answer follows a 差戻し or
    /// carries on the earlier one (holds a line as it wrote it: then it is that file): then the
    /// take-back is taken. The answer's other changes are taken either way.
    BackAsSent {
        held: bool,
        whole: bool,
    },
    /// An answer whose results are all as they were sent, from a division whose earlier
    /// answers wrote some: read as an untouched copy of the file, it takes nothing back.
    AnswerAsSent,
    /// An answer workbook's 実績 cell holding a date or a time, not text (Excel turns 「6/1」
    /// or 「6月1日」 typed alone into a date it stores as a number): taken as read (`text`,
    /// `2017-06-01`), which may not be what the division sees in Excel.
    DateCell {
        text: String,
    },
    /// An answer workbook holds a topic in two rows (`rows`, 1-based): both rows' results
    /// were taken (once, when they are the `same`).
    TopicInTwoRows {
        heading: String,
        rows: [u32; 2],
        same: bool,
    },
    /// A result (not 予定) whose months lie outside the report's period: taken as written.
    MonthsOutsidePeriod {
        entry: String,
        months: String,
        fiscal_year: crate::model::FiscalYear,
        period: crate::model::Period,
    },
    /// A result (an activity) with no months written at all: taken as written, without a bar
    /// or a plan line's status — said, since a line broken in two in a cell (Alt+Enter before
    /// its bracket) leaves its words here and its months on a line of their own.
    NoMonthsWritten {
        entry: String,
    },
    /// A result whose list of months ends in 予定 over months both passed and to come
    /// (「（6月～9月、10月予定）」): all of them read as 予定, the `passed` ones not done.
    ScheduledOverPassed {
        entry: String,
        passed: String,
        to_come: String,
    },
    /// A note of an entry names a month its timing does not read (`(6月、9月にも実施)`,
    /// `(6月)（10月にも実施予定）`, `※10月に再実施予定`): kept as written, said.
    MonthInNote {
        entry: String,
        months: String,
        note: String,
    },
    /// A response file's result whose text and one of its sub-items were both rewritten (by
    /// other means than Shinchoku), the text not holding the sub-item's new words: the text is
    /// taken, the sub-item's words are not — said.
    SubItemNotInText {
        entry: String,
        sub: String,
    },
    /// Source text kept in the report because it could not be placed.
    SourceNotUnderstood {
        text: String,
    },
    /// The title names an era year no arithmetic can hold (`平成2147483647年度`); the year of
    /// the column headings (`used`) was taken.
    TitleYearNotHandled {
        written: String,
        used: String,
    },
    /// A 年次計画 heading that does not name the report's fiscal year (`used`): another year,
    /// or none when the title names none either. Not taken as the heading (the exported table
    /// would read back as another year's, or as no year's); kept in the unread list.
    PlanHeadingNotOfYear {
        heading: String,
        used: String,
    },
    /// Warnings past the most listed (`bounds::MAX_WARNINGS`), counted.
    NotListed {
        count: usize,
    },
    /// A stage of a later stage table lies outside the report's plan years (`range`); kept in
    /// the unread list.
    StageOutsidePlan {
        stage: String,
        range: String,
    },
    /// A saved entry's text read otherwise than what was stored beside it (a text changed by
    /// hand); read again from its text: its months as stored and as read.
    TextReadAgain {
        /// The entry's text (as read now).
        entry: String,
        was: Option<String>,
        now: Option<String>,
    },
    /// A saved report's `next_id` was not above every id; it was set above them.
    NextIdRepaired {
        was: u64,
        set_to: u64,
    },
    /// A saved result reported something that is no plan entry of its initiative; the link
    /// was dropped. `linked` is the text of what it named, when the report holds it (else only
    /// its id is left to name it).
    LinkDropped {
        entry: String,
        linked: Option<String>,
        id: u64,
    },
    /// A division's answer linked its result to a plan line of another division's topic: the
    /// link is not taken (one division's result made another's plan lines 完了).
    LinkToOthersPlan {
        entry: String,
        linked: String,
    },
    /// A workbook cell outside the report's columns or rows; kept in the unread list.
    CellOutsideLayout {
        text: String,
    },
    /// An answer whose file was last written before its division was sent back (差戻し) at
    /// `sent_back`: no correction, so the send-back stands (it was cleared, 提出状況 saying
    /// 回答済 for the very answer sent back); what it brings is taken as any answer's.
    OlderThanSentBack {
        sent_back: chrono::NaiveDateTime,
        this: chrono::NaiveDateTime,
    },
    /// An answer whose file is older than the answer of its division taken in before: taken
    /// all the same (the office chose to), and said, since it writes over the newer one.
    OlderThanTaken {
        taken_file: String,
        taken: chrono::NaiveDateTime,
        this: chrono::NaiveDateTime,
    },
    /// Two answers of one division collected together, last written at the same time (saved
    /// from one e-mail, unpacked from one zip): which is newer cannot be told, so the one named
    /// later is taken and `replaced` is not.
    SameModifiedTime {
        replaced: String,
        at: chrono::NaiveDateTime,
    },
    /// A cell of an answer workbook right of the columns an answer is read from (a note
    /// beside the table, a value typed far away): not read.
    CellOutsideAnswer {
        text: String,
    },
    /// A cell of an answer workbook on a sheet that is not read (a sheet the division added,
    /// a copy of the answer sheet answered instead of it), its text not the read sheet's in
    /// the same cell: not read.
    CellOnSheetNotRead {
        text: String,
        /// The sheet the answer is read from.
        read: String,
    },
    /// A number cell where an answer's text is read, read as its format shows it
    /// (`#,##0"人"`: 1234 as 「1,234人」).
    NumberReadAsShown {
        value: String,
        shown: String,
    },
    /// A number cell where an answer's text is read, whose format is not one Shinchoku writes
    /// out (a date, a fraction, a condition): its value is read, which may not be what the
    /// cell shows.
    NumberFormatNotShown {
        value: String,
        format: String,
    },
    /// A note (Excel's メモ or コメント) on a cell of an answer workbook: no answer, not read.
    CellNoteNotRead {
        text: String,
    },
    /// A cell of an answer workbook holding a formula with no value saved (written by a
    /// program that does not calculate): nothing to read there, said.
    FormulaWithoutValue {
        formula: String,
    },
    /// A cell of an answer workbook's table that is not an answer cell and holds what the
    /// office did not write there (a note typed above the table, a number or title retyped),
    /// or a cell of a row that names no topic (a row inserted, or added under the table): not
    /// read.
    CellNotAnswer {
        text: String,
        /// In a row the office did not write (inserted, or under the table).
        row_added: bool,
    },
    /// The report was read from a sheet the workbook hides (no visible sheet holds a table):
    /// what the office sees in Excel may be another.
    ReportSheetHidden {
        sheet: String,
    },
    /// Another sheet of the workbook also holds a report table; only the first was read.
    OtherReportSheet {
        sheet: String,
        read: String,
    },
    /// A text holding characters that do not show (control, bidirectional, zero-width); kept as
    /// written, shown by their marks (`model::text::visible`).
    InvisibleCharacters {
        place: super::text_place::TextPlace,
        text: String,
        chars: Vec<char>,
    },
    /// A text holding characters the bundled font has no glyph for (𠮷, an emoji): kept as
    /// written; the window and the printout show each as a box.
    NoGlyph {
        place: super::text_place::TextPlace,
        text: String,
        chars: Vec<char>,
    },
    /// Numbers and judgements (数値目標, 効果額, 評価) read with a problem.
    Measure {
        warning: super::measure_warning::MeasureWarning,
    },
}

/// A report file that cannot be read or written, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrorKind {
    /// The operating system's reason, as it gave it.
    CannotRead(IoProblem),
    /// A named pipe, a device or a socket: not read (it may never end, as `/dev/zero`).
    NotAFile,
    /// Larger than [`crate::model::bounds::MAX_FILE_BYTES`]: refused before it is read.
    FileTooLarge {
        bytes: u64,
    },
    CannotWrite(IoProblem),
    /// A `.ron` file that is not UTF-8 text: the first bad byte.
    NotUtf8 {
        byte: usize,
    },
    /// Not a Shinchoku file of a version this build reads.
    Store(crate::model::diag::StoreProblem),
    /// Not a report table or workbook (boxed: a workbook's error names its sheet and cell).
    Import(Box<ImportError>),
    /// A division's answer workbook, opened as a report: it is taken in by collecting (it was
    /// refused as holding no report table, naming the hidden sheet searched).
    AnswerNotReport {
        division: String,
    },
}

/// What the RON reader found wrong, as a user is told it (its own words are a programmer's,
/// and English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The file ends before the report does.
    EndOfFile,
    /// Something else stands where `expected` should (a word of [`Expected`]).
    Expected(Expected),
    /// A character that cannot stand here.
    UnexpectedChar(char),
    /// A field no report has (`found`).
    NoSuchField(String),
    /// A field every report has, missing.
    MissingField(String),
    /// A field written twice.
    DuplicateField(String),
    /// A kind (an enum's variant) no report has.
    NoSuchKind(String),
    /// Text after the report's end.
    TrailingCharacters,
    /// A `\` escape that is no escape.
    InvalidEscape,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// A number too large (or small) for its place.
    NumberOutOfRange,
    /// A value of the wrong kind, or one Shinchoku does not write (a decimal number of the
    /// numbers, a string where a number stands …).
    BadValue,
}

/// What the RON reader expected, for [`SyntaxProblem::Expected`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Bracket,
    ClosingBracket,
    Comma,
    Colon,
    String,
    Number,
    Boolean,
    Name,
    Value,
}

/// A Shinchoku file this build cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// Not RON, or not a report: where and what (`message`: the RON reader's words, said in
    /// English; `problem`: what they say, in the window's language).
    Malformed {
        line: usize,
        column: usize,
        message: String,
        problem: SyntaxProblem,
    },
    NewerSchema {
        found: u32,
        supported: u32,
    },
    /// Brackets nested deeper than any report's (a file made to exhaust the reader).
    NestedTooDeeply {
        line: usize,
        column: usize,
    },
    /// A report, but one that breaks the model's rules: each broken rule and where.
    Invalid(Vec<crate::model::validate::Violation>),
}

/// The input cannot be read as a report table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub at: Location,
    pub kind: ImportErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    Empty,
    /// The bytes are not text in an encoding we read.
    NotText(Box<DecodeProblem>),
    /// A NUL byte: binary data.
    Binary,
    NoHeaderRow,
    /// No header row among the first [`crate::model::bounds::MAX_ROWS_ABOVE_HEADER`] rows with
    /// text (`row`: the one past them).
    NoHeaderRowWithin {
        rows: usize,
    },
    /// A CSV of entries (a row per plan and actual entry, as Shinchoku's CSV export writes it
    /// for spreadsheets): no title, fiscal year or stage table to read a report from.
    EntriesCsv,
    NoFiscalYear,
    /// No fiscal year but one, written in the title, that Shinchoku cannot handle.
    YearNotHandled {
        written: String,
    },
    NoInitiative,
    /// More initiatives than [`crate::model::bounds::MAX_INITIATIVES`]: refused at the row
    /// (the error's place) that passes it.
    TooManyInitiatives,
    /// More entries than [`crate::model::bounds::MAX_TABLE_LINES`] may stand in the rows up to
    /// the error's place (counted before they are read).
    TooManyLines,
    /// A workbook (by its name or its first bytes) that cannot be opened: damaged, cut short,
    /// or not a workbook at all. `why` is the reader's own message.
    DamagedWorkbook {
        format: &'static str,
        why: String,
    },
    /// A workbook protected by a password: its cells cannot be read.
    EncryptedWorkbook,
    /// No sheet of the workbook has a report header row (番号, 具体的取組).
    NoReportSheet {
        sheets: Vec<String>,
    },
    /// A workbook beyond what a report can be (`bounds.rs`), refused before it is read.
    TooLarge {
        format: &'static str,
        excess: crate::model::bounds::Excess,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeProblem {
    /// A UTF-8 BOM, then bytes that are not UTF-8 (the first bad byte).
    BadUtf8AfterBom { byte: usize },
    /// A UTF-16 BOM and an odd number of bytes.
    OddUtf16 { encoding: &'static str },
    /// A UTF-16 BOM, then a unit that is no character (a lone surrogate): its line and byte.
    BadUtf16 {
        encoding: &'static str,
        line: usize,
        byte: usize,
    },
    /// Neither UTF-8, UTF-16 with a BOM, nor CP932: where CP932 stops reading (line, byte).
    Unknown { line: usize, byte: usize },
}

/// A file that could not be read or written: the system's error kept as data (its kind and
/// text), worded by [`crate::lang::io_words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoProblem {
    pub kind: std::io::ErrorKind,
    pub text: String,
}

impl From<&std::io::Error> for IoProblem {
    fn from(e: &std::io::Error) -> IoProblem {
        IoProblem {
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

impl crate::lang::Describe for IoProblem {
    fn describe(&self, lang: crate::lang::Lang) -> String {
        crate::lang::io_words(self.kind, &self.text, lang)
    }
}

/// Reads a file a user hands us, knowing what it is before reading it: only a regular file
/// (a named pipe would block for ever, `/dev/zero` never end), of at most
/// [`crate::model::bounds::MAX_FILE_BYTES`] (checked by its size, and by what is read, which
/// may have grown since).
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>, FileErrorKind> {
    use std::io::Read;
    let most = crate::model::bounds::MAX_FILE_BYTES;
    let cannot = |e: &std::io::Error| FileErrorKind::CannotRead(e.into());
    // The type is asked before opening: opening a named pipe waits for a writer.
    let meta = std::fs::metadata(path).map_err(|e| cannot(&e))?;
    if meta.is_dir() {
        let e = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        return Err(cannot(&e));
    }
    if !meta.is_file() {
        return Err(FileErrorKind::NotAFile);
    }
    if meta.len() > most {
        return Err(FileErrorKind::FileTooLarge { bytes: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(most + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > most {
        return Err(FileErrorKind::FileTooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

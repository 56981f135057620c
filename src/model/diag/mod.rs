//! Diagnostics every layer reports: where (a [`Location`]) and what (a kind), worded in Japanese
//! or English by [`Describe`]. They live in the model so that import, store, edit and checks of
//! a report can all report them without knowing each other.
//!
//! This file holds the warnings' types and where things are; the errors' types are in
//! `errors.rs`. The words of the warnings are routed by `warning_words.rs` (one `match` arm per
//! kind, so a new kind is one arm there) to its tables and to `answer_words.rs`, `cell_words.rs`
//! and `month_words.rs`; those of the errors are in `error_words.rs`.

use std::fmt;

use serde::Serialize;

use crate::lang::{Describe, Lang, say};

mod answer_words;
mod cell_words;
mod error_words;
mod errors;
mod month_words;
mod sheet_words;
pub use error_words::{damage_in_japanese, division_named};
pub use errors::*;
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
    /// An initiative's 担当課 written again (`count` times in all, rows repeated): kept once.
    DivisionTwice {
        division: String,
        count: usize,
    },
    /// A heading that names a formatting element (`<s>`, `<b>`, `<del>`) left unclosed: read
    /// as a heading, as `<ICT>` is; it may be a strike or bold a word processor left open, and
    /// the entries after it went under it.
    HeadingNamesTag {
        heading: String,
    },
    DivisionWithoutTopic {
        heading: String,
    },
    NoDivisionFollows {
        headings: Vec<String>,
    },
    /// 担当課 names that differ only in spaces or characters that do not show (「総務部　人事課」,
    /// 「総務部人事課 」, 「総務部人事課」 with a Hangul filler, beside 「総務部人事課」): different divisions, each sent its own survey — said, as one division
    /// written two ways became several without a word.
    DivisionsAlike {
        names: Vec<String>,
    },
    /// Two 担当課 of one initiative, one after the other, that together are a third one's name
    /// (「総務部」 and 「人事課」, a name stacked on two lines in its cell, beside 「総務部人事課」).
    DivisionSplit {
        parts: Vec<String>,
        whole: String,
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
    /// An answer following a 差戻し whose results and numbers are all as sent: taking back what
    /// the division's earlier answer wrote is held (it was taken, and a mix-up deleted it).
    AsSentAfterSentBack,
    /// An answer's file named for another division the survey went to (`named`) than the one
    /// whose answer it is (`division`): read as `division`'s, and said.
    FileNamedForAnother {
        named: String,
        division: String,
    },
    /// A division's first answer that changes nothing and of which nothing else is said (its
    /// results and numbers as sent, no cell said of): taken, the division counted as answered,
    /// and said — collecting the folder the survey wrote marked every division 回答済 without a
    /// word.
    AnswerUnchanged,
    /// A date in the master's survey record outside the years a survey's dates are taken in
    /// ([`crate::model::era::SURVEY_DATE_YEARS`]): the file is damaged or was edited by hand —
    /// kept as recorded, and said (`+262142-12-31` due opened without a word, and `status`
    /// called the survey overdue by 260,000 years).
    SurveyDateOutside {
        division: String,
        date: String,
    },
    /// An answer workbook's 実績 cell holding a date or a time, not text (Excel turns 「6/1」
    /// or 「6月1日」 typed alone into a date it stores as a number): taken as read (`text`,
    /// `2017-06-01`), which may not be what the division sees in Excel.
    DateCell {
        text: String,
    },
    /// An answer workbook's row whose hidden topic ID (`written`) names another topic than
    /// the one the row was sent for (it was sent with that topic's initiative, heading and
    /// plan, or its hidden cell's results stand in that topic): read as the row of the topic
    /// it was sent for, of `initiative` under `heading` (none: a topic without one).
    IdTypedOver {
        written: String,
        initiative: String,
        heading: Option<String>,
    },
    /// An answer workbook's row whose visible cells were sorted away from its hidden ID and
    /// hashes (Excel's sort of the selection alone leaves F and G in place): its heading and
    /// plan are, as typed, those the hidden cells of row `hidden_row` (1-based) were sent with,
    /// and it is read as that row's topic, under `heading`.
    SortedApart {
        heading: String,
        hidden_row: u32,
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
    /// An entry one line of which starts with `<…>` as a workbook cell writes it (no `・`
    /// before it): kept as text here, but the report's workbook, read back, makes it a topic
    /// heading (an answer's 「<参考>」 line) — said where it comes in, not only on export.
    ReadsAsHeading {
        entry: String,
    },
    /// A result of a second-half table naming no month (none, 随時 or 通年; nor a sub-item):
    /// which half reported it cannot be told, so it is read as the second half's (the first
    /// half's are told by their months), and said.
    HalfNotTold {
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
    /// A row of the report's sheet that the workbook hides (Excel's 行の非表示, Calc's hidden
    /// or filtered row): read like any other, as the office's data, and said, since nobody
    /// looking at the sheet sees it. `text` is its first cell's.
    HiddenRowRead {
        text: String,
    },
    /// Text in a cell a merged region covers (not its top-left cell): Excel and Calc show only
    /// the top-left's, so it is kept in the unread list, not read into the report.
    CellUnderMerge {
        text: String,
    },
    /// The first cell of a workbook's monthly grid written without row checks (「月別計画と実績」,
    /// made from the report's table and never read) holding other than the report gives
    /// (`expected`; empty where it gives none), and how many `more` do: an edit there would go
    /// unread without a word, but which side was edited cannot be told. Nothing is kept.
    MonthGridCellNotRead {
        text: String,
        expected: String,
        more: usize,
    },
    /// A row of a workbook's monthly grid typed into or added since it was written (its
    /// check in the hidden column does not agree with its cells): not read, its texts
    /// (`text`, joined) kept in the unread list.
    MonthGridRowEdited {
        text: String,
    },
    /// A cell placed past the last cell a sheet has (XFD1048576), its reference perhaps past
    /// what 32 bits count (`I4294967304`): no office program shows it; kept in the unread
    /// list. `reference` is as the file writes it.
    CellBeyondSheet {
        reference: String,
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
    /// Text struck through (見え消し) in a cell of an answer workbook (`text`: the struck runs,
    /// or the cell's text when its style strikes it all) or in a report table's plan or actual
    /// cell (`<s>`, `<strike>`, `<del>`): a strike is no deletion; read as written, and said.
    StruckThrough {
        text: String,
    },
    /// A CSV field whose quotes do not pair within its line (`"見える化"の推進`, a quote opened
    /// on the last line and never closed): read as written, quotes and all.
    QuotesAsWritten,
    /// Text of a CP932 (Shift_JIS) table written in UTF-8 (a cell pasted from a UTF-8 file):
    /// its bytes read as CP932 too, as other characters (`as_cp932`); read as UTF-8 (`text`).
    Utf8InCp932 {
        text: String,
        as_cp932: String,
    },
    /// A note (Excel's メモ or コメント) on a cell of an answer workbook: no answer, not read.
    CellNoteNotRead {
        text: String,
    },
    /// Words in a shape drawn on a sheet of an answer workbook (a text box, a callout),
    /// placed at the cell its corner is anchored to: no answer, not read.
    ShapeTextNotRead {
        text: String,
    },
    /// A cell of an answer workbook or of a report's workbook holding a formula with no value
    /// saved (written by a program that does not calculate): nothing to read there, said.
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
    /// A sheet of the workbook with no table that is read (no header row, no figures, no
    /// scale): its `rows` rows kept in the unread list, said.
    SheetNotRead {
        sheet: String,
        rows: usize,
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
    /// A text ending in the note an XLSX export writes in a cell it cut
    /// ([`crate::model::text::cut_note`]): kept as read, but the `left_out` characters are
    /// only in the report file the workbook was exported from.
    CutByExport {
        place: super::text_place::TextPlace,
        text: String,
        left_out: usize,
    },
    /// Numbers and judgements (数値目標, 効果額, 評価) read with a problem.
    Measure {
        warning: super::measure_warning::MeasureWarning,
    },
}

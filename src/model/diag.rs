//! Diagnostics every layer reports: where (a [`Location`]) and what (a kind), worded in Japanese
//! or English by [`Describe`]. They live in the model so that import, store, edit and checks of
//! a report can all report them without knowing each other.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::lang::{Describe, Lang, say};

/// Where in the table something was found: 1-based row (line of the file) and field; in a
/// workbook, the sheet, and row and column of the sheet (described as `工程表!H12`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    pub row: Option<usize>,
    /// 1-based field (column) number.
    pub field: Option<usize>,
    /// What the field holds: `年次計画`, `工程` …
    pub field_name: Option<String>,
    /// The workbook sheet `row` and `field` are in; `None` for a text table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Box<str>>,
    /// In a report (not a file's rows): the initiative, topic and side an entry is written in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Box<EntryAt>>,
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
            field_name: Some(name.to_string()),
            ..Location::default()
        }
    }

    /// A cell of a workbook sheet: 1-based row and column.
    pub fn cell(sheet: &str, row: usize, column: usize, name: Option<&str>) -> Location {
        Location {
            row: Some(row),
            field: Some(column),
            field_name: name.map(str::to_string),
            sheet: Some(sheet.into()),
            entry: None,
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
            field_name: Some(name.into()),
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
            (None, Some(name)) => parts.push(name.clone()),
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
    /// The stage cell has text but no `<table>`.
    StageCellWithoutTable,
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
    NoStageTable,
    /// A month expression that could not be read; the entry keeps it as written.
    UnreadableMonths {
        expression: String,
        reason: crate::model::months::MonthProblem,
        /// The entry (or sub-item) it is written in, as written.
        entry: String,
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
        period: crate::model::Period,
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
    /// A saved report's `next_id` was not above every id; it was set above them.
    NextIdRepaired {
        was: u64,
        set_to: u64,
    },
    /// A saved result reported something that is no plan entry of its initiative; the link
    /// was dropped.
    LinkDropped {
        id: u64,
    },
    /// A workbook cell outside the report's columns or rows; kept in the unread list.
    CellOutsideLayout {
        text: String,
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
    /// Numbers and judgements (数値目標, 効果額, 評価) read with a problem.
    Measure {
        warning: super::measure_warning::MeasureWarning,
    },
}

impl Describe for WarningKind {
    fn describe(&self, lang: Lang) -> String {
        use WarningKind as W;
        match self {
            W::NoTitleLine => say(
                lang,
                "最初の見出し行の上にタイトル行がありません".into(),
                "no title line above the first header row".into(),
            ),
            W::RowNotUnderstood { text } => say(
                lang,
                format!(
                    "見出し・区分・取組・工程のどの行でもない行です。書かれたまま残しました:「{}」",
                    preview(text)
                ),
                format!(
                    "row not understood (not a header, section, initiative or stage row); kept \
                     as written: 「{}」",
                    preview(text)
                ),
            ),
            W::InitiativeBeforeSection => say(
                lang,
                "区分の行より前に取組があります。題のない区分に入れました".into(),
                "an initiative before any section row; put under a section without a title".into(),
            ),
            W::StageCellWithoutTable => say(
                lang,
                "工程の欄に<table>がありません。文は未読の一覧に残しました".into(),
                "the stage cell holds no <table>; its text is kept in the unread list".into(),
            ),
            W::TextOutsideCell { text } => say(
                lang,
                format!("文「{text}」が工程表のどのセルにも入っていません"),
                format!("text 「{text}」 stands outside any table cell"),
            ),
            W::TableNotClosed => say(
                lang,
                "工程表が閉じていません（</table>がない）。ある行だけ読みました".into(),
                "the stage table is not closed (no </table>); read the rows that are there"
                    .into(),
            ),
            W::RowCutShort { fields, missing } => {
                let list = |lang| {
                    missing
                        .iter()
                        .map(|(n, name)| {
                            say(lang, format!("{n}列目（{name}）"), format!("field {n} ({name})"))
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                say(
                    lang,
                    format!(
                        "行が{fields}列目で終わっています。{}がないため空にしました（ファイルが途中で切れていませんか）",
                        list(Lang::Ja)
                    ),
                    format!(
                        "the row ends after field {fields}: {} missing, left empty (is the file \
                         cut short?)",
                        list(Lang::En)
                    ),
                )
            }
            W::TextAfterDivision => say(
                lang,
                "担当課の欄の後に文があります。未読の一覧に残しました".into(),
                "text after the 担当課 field; kept in the unread list".into(),
            ),
            W::StageBeyondYears { stage, item } => say(
                lang,
                format!("「{item}」の工程「{stage}」が年度の列の外にあります。未読の一覧に残しました"),
                format!(
                    "stage 「{stage}」 of 「{item}」 lies beyond the table's year columns; kept \
                     in the unread list"
                ),
            ),
            W::YearsNotConsecutive => say(
                lang,
                "工程表の年度の見出しが連続した年度（28年度、29年度…）ではありません。報告の計画年度を使いました".into(),
                "the stage table's year headings are not consecutive fiscal years (28年度, \
                 29年度, …); the report's plan years are used"
                    .into(),
            ),
            W::StageYearsDiffer {
                range,
                other_row,
                other_range,
            } => say(
                lang,
                format!("この工程表は{range}、{other_row}行目の工程表は{other_range}です"),
                format!("this stage table covers {range}, the one in row {other_row} {other_range}"),
            ),
            W::PlainCopyDiffers { got, expected } => say(
                lang,
                format!("工程表の平文の写しが「{got}」、表は「{expected}」です。表を使いました"),
                format!(
                    "the plain copy of the stage table reads 「{got}」 where the table has \
                     「{expected}」; the table is used"
                ),
            ),
            W::PlainRowDiffers {
                written,
                table_row,
                table_line,
                expected,
            } => say(
                lang,
                format!(
                    "工程の平文の行「{written}」が{table_line}行目の工程表の{table_row}行目（「{expected}」）と違います。表を使いました"
                ),
                format!(
                    "the plain stage row 「{written}」 differs from row {table_row} of the stage \
                     table in row {table_line} (「{expected}」); the table is used"
                ),
            ),
            W::PlainRowExtra { text, table_line } => say(
                lang,
                format!(
                    "工程の平文の行「{}」に当たる行が{table_line}行目の工程表にありません。書かれたまま残しました",
                    preview(text)
                ),
                format!(
                    "the plain stage row 「{}」 has no counterpart in the stage table in row \
                     {table_line}; kept as written",
                    preview(text)
                ),
            ),
            W::HeadingTwice { heading } => say(
                lang,
                format!("見出し<{heading}>が2回書かれています。項目は一つの見出しにまとめました"),
                format!(
                    "the heading <{heading}> is written twice; its entries are kept together \
                     under one topic"
                ),
            ),
            W::DivisionWithoutTopic { heading } => say(
                lang,
                format!("担当課の欄に<{heading}>がありますが、その見出しの計画も実績もありません。空の見出しを加えました"),
                format!(
                    "the division cell names <{heading}>, which no plan or actual entry stands \
                     under; added as an empty topic"
                ),
            ),
            W::NoDivisionFollows { headings } => say(
                lang,
                format!("<{}>の後に担当課がありません", headings.join("> <")),
                format!("no division follows <{}>", headings.join("> <")),
            ),
            W::NoStageTable => say(
                lang,
                "年度のある工程表がありません。計画は報告の年度だけです".into(),
                "no stage table with fiscal years found; the plan covers only the report's year"
                    .into(),
            ),
            W::UnreadableMonths {
                expression,
                reason,
                entry,
            } => say(
                lang,
                format!(
                    "「{}」の時期「{expression}」が読めません（{}）。書かれたまま残しました",
                    preview(entry),
                    reason.describe(lang)
                ),
                format!(
                    "「{}」: month expression 「{expression}」 not understood: {}; kept as \
                     written",
                    preview(entry),
                    reason.describe(lang)
                ),
            ),
            W::TopicInTwoRows {
                heading,
                rows: [a, b],
                same,
            } => match same {
                true => say(
                    lang,
                    format!("見出し<{heading}>が{a}行目と{b}行目にあります。同じ実績なので1回だけ取り込みます"),
                    format!("topic <{heading}> is in rows {a} and {b}, with the same results: taken once"),
                ),
                false => say(
                    lang,
                    format!("見出し<{heading}>が{a}行目と{b}行目にあります。両方の行の実績を取り込みます"),
                    format!("topic <{heading}> is in rows {a} and {b}: the results of both rows are taken"),
                ),
            },
            W::MonthsOutsidePeriod {
                entry,
                months,
                period,
            } => say(
                lang,
                format!(
                    "「{}」の時期「{months}」は報告期間（{}）の外です。書かれたまま取り込みました",
                    preview(entry),
                    period.japanese()
                ),
                format!(
                    "「{}」: 「{months}」 is outside the report's period ({}); taken as written",
                    preview(entry),
                    period.english()
                ),
            ),
            W::SourceNotUnderstood { text } => say(
                lang,
                format!("読めなかった元の文を書かれたまま残しています:「{text}」"),
                format!("source text not understood, kept as written: 「{text}」"),
            ),
            W::NotListed { count } => crate::model::bounds::not_listed(*count, lang),
            W::TitleYearNotHandled { written, used } => say(
                lang,
                format!("タイトルの「{written}」は進捗が扱える年度ではありません。列見出しの{used}を使いました"),
                format!(
                    "「{written}」 in the title is not a year Shinchoku handles; the fiscal year \
                     {used} of the column headings is used"
                ),
            ),
            W::StageOutsidePlan { stage, range } => say(
                lang,
                format!("工程「{stage}」が報告の計画年度（{range}）の外にあります。未読の一覧に残しました"),
                format!(
                    "stage 「{stage}」 lies outside the report's plan years ({range}); kept in \
                     the unread list"
                ),
            ),
            W::CellOutsideLayout { text } => say(
                lang,
                format!(
                    "報告の表の列・行の外にあるセルです。未読の一覧に残しました:「{}」",
                    preview(text)
                ),
                format!(
                    "a cell outside the report's columns and rows; kept in the unread list: 「{}」",
                    preview(text)
                ),
            ),
            W::OtherReportSheet { sheet, read } => say(
                lang,
                format!("シート「{sheet}」にも報告の表があります。読んだのはシート「{read}」だけです"),
                format!("sheet 「{sheet}」 holds a report table too; only sheet 「{read}」 was read"),
            ),
            W::LinkDropped { id } => say(
                lang,
                format!("#{id} はこの取組の年次計画の項目ではないため、その結び付きを外しました"),
                format!("#{id} is no plan entry of this initiative; the link to it is dropped"),
            ),
            W::InvisibleCharacters { place, text, chars } => {
                super::text_place::describe_invisible(place, text, chars, lang)
            }
            W::Measure { warning } => warning.describe(lang),
            W::NextIdRepaired { was, set_to } => say(
                lang,
                format!("next_id {was} が使われている id を超えていなかったため、{set_to} にしました"),
                format!("next_id {was} was not above every id in use; set to {set_to}"),
            ),
        }
    }
}

impl Describe for Warning {
    fn describe(&self, lang: Lang) -> String {
        let at = self.at.describe(lang);
        let what = self.kind.describe(lang);
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// The first 40 characters of a long text, for a message.
pub fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
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
    CannotRead(String),
    CannotWrite(String),
    /// A `.ron` file that is not UTF-8 text: the first bad byte.
    NotUtf8 {
        byte: usize,
    },
    /// Not a Shinchoku file of a version this build reads.
    Store(crate::model::diag::StoreProblem),
    /// Not a report table or workbook (boxed: a workbook's error names its sheet and cell).
    Import(Box<ImportError>),
}

impl Describe for FileError {
    fn describe(&self, lang: Lang) -> String {
        let what = match &self.kind {
            FileErrorKind::CannotRead(e) => say(
                lang,
                format!("ファイルを読めません: {e}"),
                format!("cannot read the file: {e}"),
            ),
            FileErrorKind::CannotWrite(e) => say(
                lang,
                format!("保存できません: {e}"),
                format!("cannot save: {e}"),
            ),
            FileErrorKind::NotUtf8 { byte } => say(
                lang,
                format!(
                    "進捗のファイルではありません: UTF-8の文字ではありません（{byte}バイト目）"
                ),
                format!("not a Shinchoku report file: not UTF-8 text (byte {byte})"),
            ),
            FileErrorKind::Store(e) => e.describe(lang),
            FileErrorKind::Import(e) => e.describe(lang),
        };
        format!("{}: {what}", self.path.display())
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for FileError {}

/// A Shinchoku file this build cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// Not RON, or not a report: where and what (the RON reader's words).
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    NewerSchema {
        found: u32,
        supported: u32,
    },
    /// A report, but one that breaks the model's rules: each broken rule and where.
    Invalid(Vec<crate::model::validate::Violation>),
}

impl Describe for StoreProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            StoreProblem::Malformed {
                line,
                column,
                message,
            } => say(
                lang,
                format!("{line}行{column}列: 進捗の報告ファイルではありません: {message}"),
                format!("line {line}, column {column}: not a Shinchoku report file: {message}"),
            ),
            StoreProblem::NewerSchema { found, supported } => say(
                lang,
                format!(
                    "新しい版の進捗で書かれたファイルです（形式{found}。この版が読めるのは形式{supported}まで）。新しい版で開いてください"
                ),
                format!(
                    "written by a newer Shinchoku (file schema {found}; this version reads up to \
                     schema {supported}); open it with a newer Shinchoku"
                ),
            ),
            StoreProblem::Invalid(found) => {
                // Every place matters to whoever mends the file, but a message stays readable.
                const SHOWN: usize = 10;
                let list: Vec<String> =
                    found.iter().take(SHOWN).map(|v| v.describe(lang)).collect();
                let more = found.len().saturating_sub(SHOWN);
                match lang {
                    Lang::Ja if more > 0 => {
                        format!("壊れた報告です: {}; ほか{more}件", list.join("; "))
                    }
                    Lang::Ja => format!("壊れた報告です: {}", list.join("; ")),
                    Lang::En if more > 0 => {
                        format!("a damaged report: {}; and {more} more", list.join("; "))
                    }
                    Lang::En => format!("a damaged report: {}", list.join("; ")),
                }
            }
        }
    }
}

impl fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for StoreProblem {}

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
    NotText(DecodeProblem),
    /// A NUL byte: binary data.
    Binary,
    NoHeaderRow,
    NoFiscalYear,
    /// No fiscal year but one, written in the title, that Shinchoku cannot handle.
    YearNotHandled {
        written: String,
    },
    NoInitiative,
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
    BadUtf8AfterBom {
        byte: usize,
    },
    /// A UTF-16 BOM and an odd number of bytes.
    OddUtf16 {
        encoding: &'static str,
    },
    BadUtf16 {
        encoding: &'static str,
    },
    /// Neither UTF-8, UTF-16 with a BOM, nor CP932.
    Unknown,
}

impl Describe for ImportError {
    fn describe(&self, lang: Lang) -> String {
        use ImportErrorKind as K;
        let what = match &self.kind {
            K::Empty => say(
                lang,
                "ファイルが空です。報告の表（タブ区切りの文）を選んでください".into(),
                "the file is empty: expected a report table (tab-separated text)".into(),
            ),
            K::NotText(p) => {
                let why = match p {
                    DecodeProblem::BadUtf8AfterBom { byte } => say(
                        lang,
                        format!("UTF-8のBOMで始まりますが、UTF-8ではありません（{byte}バイト目）"),
                        format!("it starts with a UTF-8 BOM but is not UTF-8 (byte {byte})"),
                    ),
                    DecodeProblem::OddUtf16 { encoding } => say(
                        lang,
                        format!("{encoding}のBOMで始まりますが、バイト数が奇数です（途中で切れていませんか）"),
                        format!(
                            "it starts with a {encoding} BOM but has an odd number of bytes \
                             (truncated?)"
                        ),
                    ),
                    DecodeProblem::BadUtf16 { encoding } => say(
                        lang,
                        format!("{encoding}のBOMで始まりますが、正しい{encoding}ではありません"),
                        format!("it starts with a {encoding} BOM but is not valid {encoding}"),
                    ),
                    DecodeProblem::Unknown => say(
                        lang,
                        "UTF-8、BOM付きUTF-16、CP932（Shift_JIS）のどれでもありません".into(),
                        "it is neither UTF-8, UTF-16 with a BOM, nor CP932 (Shift_JIS) text"
                            .into(),
                    ),
                };
                say(
                    lang,
                    format!("報告の表ではありません: {why}"),
                    format!("not a report table: {why}"),
                )
            }
            K::Binary => say(
                lang,
                "バイナリデータ（NULバイト）です。報告の表ではありません".into(),
                "binary data (a NUL byte): not a report table".into(),
            ),
            K::NoHeaderRow => say(
                lang,
                "見出しの行がありません。「番号」と「具体的取組」の列見出しがある行が必要です（公表された報告の表のように）".into(),
                "no header row found: expected a row with the column headings 番号 and \
                 具体的取組 (as in the published report table)"
                    .into(),
            ),
            K::NoFiscalYear => say(
                lang,
                "年度がありません。タイトル行か列見出しに「平成 29 年度」のような年度が必要です"
                    .into(),
                "no fiscal year found: expected an era year such as 平成 29 年度 in the title \
                 line or the column headings"
                    .into(),
            ),
            K::YearNotHandled { written } => say(
                lang,
                format!(
                    "年度がありません。タイトルの「{written}」は進捗が扱える年度ではなく、列見出しにも年度がありません"
                ),
                format!(
                    "no fiscal year found: 「{written}」 in the title is not a year Shinchoku \
                     handles, and the column headings name none"
                ),
            ),
            K::DamagedWorkbook { format, why } => say(
                lang,
                format!("{format}のブックとして開けません（壊れているか、途中で切れているか、ブックではありません）: {why}"),
                format!(
                    "cannot be opened as an {format} workbook (damaged, cut short, or not a \
                     workbook): {why}"
                ),
            ),
            K::EncryptedWorkbook => say(
                lang,
                "パスワードで保護されたブックです。Excelでパスワードを外して保存してから開いてください".into(),
                "the workbook is protected by a password: remove the password in Excel, save, \
                 and open it again"
                    .into(),
            ),
            K::NoReportSheet { sheets } => say(
                lang,
                format!(
                    "報告の表のあるシートがありません。「番号」と「具体的取組」の列見出しがある行が必要です（調べたシート: {}）",
                    sheets.join("、")
                ),
                format!(
                    "no sheet holds a report table: expected a row with the column headings \
                     番号 and 具体的取組 (sheets searched: {})",
                    sheets.join(", ")
                ),
            ),
            K::TooLarge { format, excess } => say(
                lang,
                format!("{format}のブックが読める大きさを超えています: {}", excess.describe(lang)),
                format!(
                    "the {format} workbook is beyond what is read: {}",
                    excess.describe(lang)
                ),
            ),
            K::NoInitiative => say(
                lang,
                "取組の行がありません。取組の番号（1、2…）と題で始まる行が必要です".into(),
                "no initiative rows found: expected rows that start with the initiative's \
                 number (1, 2, …) followed by its title"
                    .into(),
            ),
        };
        let at = self.at.describe(lang);
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ImportError {}

//! The Excel response workbook (回答用ワークブック) for divisions without Shinchoku: a row per
//! topic of the division with 番号, 取組, 見出し, 年次計画 (locked) and 実績 (the only cells
//! that can be typed in: the sheet is protected), the due date and instructions at the top, set
//! up to print. A hidden sheet names the report, division and period, and a hidden column each
//! row's topic, so that the answer is matched back by id; [`read`] reads it (calamine).

use std::collections::HashSet;

use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatPattern, Workbook, Worksheet, XlsxError,
};

use super::{entries_text, topics_of};
use crate::import::WorkbookFormat;
use crate::import::sheet::Sheet;
use crate::lang::{Describe, Lang, say};
use crate::model::diag::{ImportError, ImportErrorKind};
use crate::model::{FiscalYear, Id, Period, Report, ReportId, ResponseFor};

/// The answer sheet's name.
pub const SHEET: &str = "回答";
/// What a topic's row shows: 番号, 取組, 見出し, 年次計画 and the 実績 still open, and the
/// half before's settled results shown beside them (`kept`, as `kept_text`).
struct TopicRow {
    texts: [String; 5],
    kept: Vec<crate::model::Entry>,
    kept_text: String,
}

fn topic_row(
    response: &Report,
    topic: Id,
    earlier: &HashSet<Id>,
    asking: &HashSet<Id>,
) -> Option<TopicRow> {
    let (i, t) = (response.initiative_of_topic(topic)?, response.topic(topic)?);
    // A result of the half before that nobody is asked to confirm is settled: shown apart.
    let settled = |e: &&crate::model::Entry| {
        earlier.contains(&e.id)
            && !asking.contains(&e.id)
            && !e.subs.iter().any(|s| asking.contains(&s.id))
    };
    let (kept, open): (Vec<_>, Vec<_>) = t.actual.iter().partition(settled);
    let open: Vec<crate::model::Entry> = open.into_iter().cloned().collect();
    let kept: Vec<crate::model::Entry> = kept.into_iter().cloned().collect();
    let texts = [
        i.number.clone(),
        format!("{} {}", i.label, i.title).trim().to_string(),
        t.heading.clone().unwrap_or_default(),
        entries_text(&t.plan),
        entries_text(&open),
    ];
    let kept_text = entries_text(&kept);
    Some(TopicRow {
        texts,
        kept,
        kept_text,
    })
}

/// A cell of a response workbook longer than an Excel cell holds (32,767 characters, counted
/// in UTF-16): the workbook cannot carry it, and cutting it would lose the rest when the
/// answer comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellTooLong {
    /// 「10 ⑤ 情報セキュリティの確保」
    pub initiative: String,
    /// The topic's heading (empty when it has none).
    pub heading: String,
    /// The column's heading as the workbook shows it: 「平成29年度 年次計画」, 「上半期実績」…
    pub column: String,
    /// Its length in UTF-16 units, as Excel counts.
    pub length: usize,
}

/// The first cell of the response's workbook that an Excel cell cannot hold, if any.
pub fn cell_too_long(response: &Report) -> Option<CellTooLong> {
    let r = response.response.as_ref()?;
    let earlier = crate::model::check::earlier_results(response);
    let asking = response.results_asking_to_confirm();
    let columns = [
        "番号".to_string(),
        "取組".to_string(),
        "見出し".to_string(),
        response.plan_heading(),
        response.actual_heading(),
        EARLIER_HEADING.to_string(),
    ];
    // Every cell written from the report: (initiative, heading, column, text).
    let mut cells: Vec<(String, String, String, String)> = Vec::new();
    for topic in topics_of(response, &r.division) {
        let Some(row) = topic_row(response, topic, &earlier, &asking) else {
            continue;
        };
        let initiative = format!("{} {}", row.texts[0], row.texts[1]);
        let texts = row.texts.iter().chain([&row.kept_text]);
        for (text, column) in texts.zip(&columns) {
            let (heading, column) = (row.texts[2].clone(), column.clone());
            cells.push((initiative.clone(), heading, column, text.clone()));
        }
    }
    // The numbers' sheet: an indicator's name, a target, an answer (a rating's note).
    let columns = ["番号", "取組", "項目", "目標・計画", "実績・評価"];
    for (shown, now, _) in super::measures::sheet_lines(response, &r.division) {
        let initiative = format!("{} {}", shown[0], shown[1]);
        for (text, column) in shown.iter().chain([&now]).zip(columns) {
            let column = format!("{}: {column}", super::measures::SHEET);
            cells.push((initiative.clone(), String::new(), column, text.clone()));
        }
    }
    let (initiative, heading, column, text) = cells
        .into_iter()
        .find(|(_, _, _, text)| !crate::export::fits_a_cell(text))?;
    Some(CellTooLong {
        initiative,
        heading,
        column,
        length: text.encode_utf16().count(),
    })
}

/// The hidden sheet naming what the workbook answers.
pub const META_SHEET: &str = "shinchoku";
const FONT: &str = "BIZ UDPゴシック";
const LINE: f64 = 13.0;
/// Columns: 番号, 取組, 見出し, 年次計画, 実績, and the hidden topic id and what the row's
/// heading and plan were sent as (hashes, [`crate::survey::sent`]).
const WIDTHS: [f64; 5] = [6.0, 26.0, 20.0, 44.0, 56.0];
const ID_COL: u16 = 5;
const SENT_COL: u16 = 6;
const RESULT_COL: u16 = 4;
const PLAN_COL: u16 = 3;
const HEADING_COL: u16 = 2;
/// After a roll-over: the half before's settled results, shown beside the answer cell and
/// read-only, so that retyping the cell cannot take them away (right of the hidden columns, so
/// that a workbook sent before keeps its columns).
const EARLIER_COL: u16 = 7;
const EARLIER_HEADING: &str = "上半期の実績（参考・変更不可）";
const EARLIER_WIDTH: f64 = 44.0;
/// The column headings' row (0-based); the topics follow it.
const HEADER_ROW: u32 = 6;

/// The workbook of a response (a report with [`Report::response`] set).
pub fn write(response: &Report) -> Result<Vec<u8>, XlsxError> {
    let Some(r) = &response.response else {
        return Err(XlsxError::ParameterError(
            "not a response: no 担当課 to write the workbook for".into(),
        ));
    };
    let mut book = Workbook::new();
    let f = formats();
    let ws = book.add_worksheet();
    ws.set_name(SHEET)?;
    for (k, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(k as u16, *w)?;
    }
    ws.set_column_hidden(ID_COL)?;
    ws.set_column_hidden(SENT_COL)?;
    let mut shown = Shown::default();
    write_top(ws, response, r, &f, &mut shown)?;
    write_topics(ws, response, r, &f, &mut shown)?;
    // Not a secret (the office finds it in the master's token), but no longer one click away.
    ws.protect_with_password(&password(&r.token));
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_header(format!(
        "&L{}&R回答期限 {}",
        r.division,
        r.due.map_or_else(String::new, |d| d.to_string())
    ));
    ws.set_footer("&C&P / &N");
    let numbers = (&f.base, &f.answer, &f.heading);
    super::measures::write_sheet(
        response,
        &r.division,
        &mut book,
        numbers,
        &password(&r.token),
    )?;
    let topics: Vec<String> = topics_of(response, &r.division)
        .iter()
        .map(|t| t.0.to_string())
        .collect();
    write_meta(&mut book, r, &shown, &topics.join(" "))?;
    book.save_to_buffer()
}

/// The cell formats of the answer sheet.
struct Formats {
    base: Format,
    heading: Format,
    /// The only cells that can be typed in: yellow, unlocked.
    answer: Format,
    plain: Format,
    title: Format,
}

fn formats() -> Formats {
    let base = Format::new()
        .set_font_name(FONT)
        .set_font_size(10.0)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let heading = base
        .clone()
        .set_bold()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(Color::RGB(0xD9D9D9));
    let answer = base
        .clone()
        .set_unlocked()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(Color::RGB(0xFFF9D6));
    let plain = Format::new().set_font_name(FONT).set_font_size(10.0);
    let title = plain.clone().set_bold().set_font_size(13.0);

    Formats {
        base,
        heading,
        answer,
        plain,
        title,
    }
}

/// What stands above the topics: title, division, due date, how to answer, the note, and the
/// column headings.
fn write_top(
    ws: &mut Worksheet,
    response: &Report,
    r: &ResponseFor,
    f: &Formats,
    shown: &mut Shown,
) -> Result<(), XlsxError> {
    let mut put = |row: u32, col: u16, text: String, format: &Format| {
        shown.0.push((row, col, super::sent::hash(&text)));
        ws.write_string_with_format(row, col, text, format)
            .map(|_| ())
    };
    put(0, 0, format!("{}　回答", response.title), &f.title)?;
    put(1, 0, format!("担当課: {}", r.division), &f.plain)?;
    let due = r.due.map_or_else(
        || "回答期限: （指定なし）".to_string(),
        |d| format!("回答期限: {}", d.format("%Y年%-m月%-d日")),
    );
    put(2, 0, due, &f.plain.clone().set_bold())?;
    put(
        3,
        0,
        format!(
            "黄色の「{}」欄に実績を入力してください（1行に1項目、箇条書きは先頭に「・」、時期は (6月) のように括弧で）。ほかの欄は変更できません。",
            response.actual_heading()
        ),
        &f.plain,
    )?;
    if !crate::model::check::earlier_results(response).is_empty() {
        let apart = format!("「{EARLIER_HEADING}」欄の実績はそのまま残ります。");
        put(HEADER_ROW - 1, 0, apart, &f.plain)?;
    }
    if !r.note.is_empty() {
        put(4, 0, format!("連絡事項: {}", r.note), &f.plain)?;
    }
    let headings = [
        "番号",
        "取組",
        "見出し",
        &response.plan_heading(),
        &response.actual_heading(),
        "ID",
    ];
    for (k, h) in headings.iter().enumerate() {
        put(HEADER_ROW, k as u16, h.to_string(), &f.heading)?;
    }
    Ok(())
}

/// The hashes of the texts the office wrote above the topics' rows, by (row, column), kept in
/// the meta sheet: a cell whose text differs from them was typed by the division, and is said,
/// not read.
#[derive(Default)]
struct Shown(Vec<(u32, u16, u64)>);

/// The cells of a topic's row shown and never read (number, title, the results shown
/// apart), whose hashes the row's hidden cell keeps after the heading's and the plan's: they
/// move with the row when a row is inserted above it.
const SHOWN_IN_ROW: [u16; 3] = [0, 1, EARLIER_COL];

/// Where the meta sheet keeps [`Shown`]: the answer sheet's (row, column) at (row, column +
/// this), right of the fields (read back as a set: the place says nothing once rows move).
const SHOWN_COL: u16 = 3;

/// A row per topic of the division, its topic id and what its heading and plan were sent as
/// in the hidden columns.
fn write_topics(
    ws: &mut Worksheet,
    response: &Report,
    r: &ResponseFor,
    f: &Formats,
    shown: &mut Shown,
) -> Result<(), XlsxError> {
    let earlier = crate::model::check::earlier_results(response);
    let asking = response.results_asking_to_confirm();
    if !earlier.is_empty() {
        shown
            .0
            .push((HEADER_ROW, EARLIER_COL, super::sent::hash(EARLIER_HEADING)));
        ws.write_string_with_format(HEADER_ROW, EARLIER_COL, EARLIER_HEADING, &f.heading)?;
        ws.set_column_width(EARLIER_COL, EARLIER_WIDTH)?;
    }
    let mut row = HEADER_ROW + 1;
    for topic in topics_of(response, &r.division) {
        let Some(TopicRow {
            texts,
            kept,
            kept_text,
        }) = topic_row(response, topic, &earlier, &asking)
        else {
            continue;
        };
        for (k, text) in texts.iter().enumerate() {
            let f = if k as u16 == RESULT_COL {
                &f.answer
            } else {
                &f.base
            };
            ws.write_string_with_format(row, k as u16, text, f)?;
        }
        ws.write_string_with_format(row, ID_COL, topic.0.to_string(), &f.base)?;
        // Heading and plan, then the cells shown but never read (SHOWN_IN_ROW), each hashed.
        let hashes = [HEADING_COL, PLAN_COL, 0, 1]
            .map(|k| super::sent::hash(&texts[usize::from(k)]))
            .into_iter()
            .chain([super::sent::hash(&kept_text)]);
        let mut sent: Vec<String> = hashes.map(|h| format!("{h:016x}")).collect();
        let mut lines = 1.0f64;
        if !kept.is_empty() {
            let ids: Vec<String> = kept.iter().map(|e| e.id.0.to_string()).collect();
            sent.push(format!("{KEPT_MARK}{}", ids.join(",")));
            lines = crate::export::xlsx::lines(&kept_text, EARLIER_WIDTH);
            ws.write_string_with_format(row, EARLIER_COL, &kept_text, &f.base)?;
        }
        let sent = sent.join(" ");
        ws.write_string_with_format(row, SENT_COL, sent, &f.base)?;
        let lines = texts
            .iter()
            .zip(WIDTHS)
            .map(|(t, w)| crate::export::xlsx::lines(t, w))
            .fold(lines, f64::max);
        // Room for two more lines of answer than the results already take.
        ws.set_row_height(row, (lines + 2.0) * LINE)?;
        row += 1;
    }
    Ok(())
}

/// The very hidden sheet naming what the workbook answers.
fn write_meta(
    book: &mut Workbook,
    r: &ResponseFor,
    shown: &Shown,
    topics: &str,
) -> Result<(), XlsxError> {
    let meta = book.add_worksheet();
    meta.set_name(META_SHEET)?;
    let fields = [
        ("schema", "1".to_string()),
        ("report", r.report.0.clone()),
        ("division", r.division.clone()),
        ("fiscal_year", r.fiscal_year.0.to_string()),
        ("period", r.period.key().to_string()),
        ("due", r.due.map_or_else(String::new, |d| d.to_string())),
        ("token", r.token.clone()),
        // The topics a row was written for: a row deleted is said, not passed over.
        ("topics", topics.to_string()),
    ];
    for (k, (name, value)) in fields.iter().enumerate() {
        meta.write_string(k as u32, 0, *name)?;
        meta.write_string(k as u32, 1, value)?;
    }
    for &(row, col, hash) in &shown.0 {
        meta.write_string(row, col + SHOWN_COL, format!("{hash:016x}"))?;
    }
    meta.set_very_hidden(true);
    meta.protect_with_password(&password(&r.token));
    Ok(())
}

/// The sheets' protection password: the token's first twelve digits (a fixed word when the
/// response has no token).
pub fn password(token: &str) -> String {
    match token.get(..12) {
        Some(p) => p.to_string(),
        None => "shinchoku".to_string(),
    }
}

/// In the hidden column, before the ids of the results shown apart.
const KEPT_MARK: &str = "k:";

/// One topic's row of an answered workbook, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub topic: Id,
    /// 1-based row in the sheet, for messages.
    pub row: u32,
    pub heading: String,
    pub plan: String,
    pub results: String,
    /// The hashes the heading and plan were sent with (`None` in a workbook from before).
    pub sent_heading: Option<u64>,
    pub sent_plan: Option<u64>,
    /// The hashes of the row's cells shown and never read ([`SHOWN_IN_ROW`]), as sent; empty
    /// in a workbook from before they were kept.
    pub sent_shown: Vec<u64>,
    /// The results shown apart, read-only, beside the answer cell (the half before's, settled):
    /// the cell answers for the topic's other results, and these stay.
    pub kept_apart: Vec<Id>,
}

/// What an answered workbook holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    pub response: ResponseFor,
    pub rows: Vec<Row>,
    /// The numbers' sheet's answers (`survey::measures`).
    pub measures: Vec<super::measures::MeasureRow>,
    /// The cells with a value right of the columns an answer is read from, each said.
    pub outside: Vec<crate::model::diag::Warning>,
    /// The topics the workbook was sent with that have no row (one deleted); none known in
    /// a workbook from before the meta sheet listed them.
    pub rows_gone: Vec<Id>,
}

/// Why a workbook cannot be read as an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookProblem {
    /// Not an `.xlsx` workbook at all (the reader's reason).
    NotAWorkbook(String),
    /// A workbook the reader refuses: beyond its bounds (`model::bounds`: which cell or
    /// part, what limit), or protected by a password.
    Refused(Box<ImportError>),
    /// A workbook, but not a response Shinchoku wrote: no sheet naming the survey.
    NoSurveySheet,
    /// The survey sheet's field cannot be read (`fiscal_year`, `period`, `due`, `division`).
    BadField(&'static str),
    /// No answer sheet.
    NoAnswerSheet,
    /// No heading row (番号 … ID) above the answers.
    NoHeadingRow,
    /// A row's hidden topic id is not a number (1-based row).
    BadTopicId { row: u32, text: String },
}

impl Describe for WorkbookProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            WorkbookProblem::NotAWorkbook(e) => say(
                lang,
                format!("Excelのブックとして読めません: {e}"),
                format!("not an Excel workbook: {e}"),
            ),
            WorkbookProblem::Refused(e) => e.describe(lang),
            WorkbookProblem::NoSurveySheet => say(
                lang,
                "進捗の回答用ワークブックではありません（照会情報のシートがありません）".into(),
                "not a Shinchoku response workbook (no sheet naming the survey)".into(),
            ),
            WorkbookProblem::BadField(what) => say(
                lang,
                format!("照会情報の「{what}」が読めません"),
                format!("the survey sheet's `{what}` cannot be read"),
            ),
            WorkbookProblem::NoAnswerSheet => say(
                lang,
                format!("「{SHEET}」シートがありません"),
                format!("no sheet `{SHEET}`"),
            ),
            WorkbookProblem::NoHeadingRow => say(
                lang,
                "回答欄の見出し行（番号 … ID）がありません".into(),
                "no heading row (番号 … ID) above the answers".into(),
            ),
            WorkbookProblem::BadTopicId { row, text } => say(
                lang,
                format!("{row}行目: 見出しのID「{text}」が読めません"),
                format!("row {row}: topic id `{text}` cannot be read"),
            ),
        }
    }
}

/// Reads an answered workbook: its two sheets alone, cell by cell within the readers'
/// bounds, so that a value typed far away (XFD1048576) or a hostile package is refused or
/// read in a moment, never allocated for as a whole sheet.
pub fn read(bytes: &[u8]) -> Result<Answered, WorkbookProblem> {
    // Every sheet: a division may have renamed the answer sheet's tab (the workbook's
    // structure is not protected); it is then found by its heading row.
    let wanted = |_: &str| true;
    let sheets = crate::import::book::read_sheets(bytes, WorkbookFormat::Xlsx, &wanted).map_err(
        |e| match e.kind {
            ImportErrorKind::DamagedWorkbook { why, .. } => WorkbookProblem::NotAWorkbook(why),
            _ => WorkbookProblem::Refused(Box::new(e)),
        },
    )?;
    let meta = sheets
        .iter()
        .find(|s| s.name == META_SHEET)
        .ok_or(WorkbookProblem::NoSurveySheet)?;
    let field = |name: &str| {
        meta.used_rows()
            .find(|&r| meta.text(r, 0) == name)
            .map(|r| raw(meta, r, 1))
            .unwrap_or_default()
    };
    let bad = WorkbookProblem::BadField;
    let fiscal_year = field("fiscal_year")
        .parse::<i32>()
        .map(FiscalYear)
        .map_err(|_| bad("fiscal_year"))?;
    let period = match field("period").as_str() {
        "first_half" => Period::FirstHalf,
        "second_half" => Period::SecondHalf,
        "full_year" => Period::FullYear,
        _ => return Err(bad("period")),
    };
    let due = match field("due").as_str() {
        "" => None,
        d => Some(d.parse().map_err(|_| bad("due"))?),
    };
    let division = field("division");
    if division.is_empty() {
        return Err(bad("division"));
    }
    let response = ResponseFor {
        division,
        report: ReportId(field("report")),
        fiscal_year,
        period,
        due,
        note: String::new(),
        token: field("token"),
        sent: Vec::new(),
    };
    let sheet = sheets
        .iter()
        .find(|s| s.name == SHEET)
        .or_else(|| {
            sheets.iter().find(|s| {
                s.name != META_SHEET
                    && s.name != super::measures::SHEET
                    && s.used_rows()
                        .any(|r| s.text(r, 0) == "番号" && s.text(r, ID_COL.into()) == "ID")
            })
        })
        .ok_or(WorkbookProblem::NoAnswerSheet)?;
    let mut rows = answer_rows(sheet)?;
    let numbers = sheets.iter().find(|s| s.name == super::measures::SHEET);
    let mut measures = numbers.map_or_else(Vec::new, super::measures::read_sheet);
    // The column shown apart is never read: what it holds stays in the master as it is.
    let last = if sheet
        .used_rows()
        .any(|r| sheet.text(r, EARLIER_COL.into()) == EARLIER_HEADING)
    {
        EARLIER_COL
    } else {
        SENT_COL
    };
    let mut outside = cells_not_read(sheet, Some((meta, &rows)), last.into());
    if let Some(numbers) = numbers {
        outside.extend(cells_not_read(
            numbers,
            None,
            super::measures::ID_COL.into(),
        ));
    }
    let present: std::collections::HashSet<Id> = rows.iter().map(|r| r.topic).collect();
    // A formula saved without its value gives the readers nothing: said, and its cell not
    // read as an answer at all — read as empty, it removed the results or the rating already
    // taken in.
    let read_sheets = [sheet.name.as_str(), super::measures::SHEET];
    let mut unread: std::collections::HashSet<(String, u32, u32)> = Default::default();
    for (name, row, col, formula) in
        crate::import::cell_xml::formulas_without_values(bytes, &read_sheets)
    {
        let at =
            crate::model::diag::Location::cell(&name, row as usize + 1, col as usize + 1, None);
        let kind = crate::model::diag::WarningKind::FormulaWithoutValue { formula };
        outside.push(crate::model::diag::Warning::new(at, kind));
        unread.insert((name, row, col));
    }
    let answer_cell = |name: &str, row: u32, col: u16| {
        unread.contains(&(name.to_string(), row.saturating_sub(1), u32::from(col)))
    };
    rows.retain(|r| !answer_cell(&sheet.name, r.row, RESULT_COL));
    measures.retain(|m| !answer_cell(super::measures::SHEET, m.row, super::measures::ANSWER_COL));
    let rows_gone = field("topics")
        .split_whitespace()
        .filter_map(|id| id.parse().ok().map(Id))
        .filter(|id| !present.contains(id))
        .collect();
    Ok(Answered {
        response,
        rows,
        measures,
        outside,
        rows_gone,
    })
}

/// A warning for each cell of the answer sheet that is not read and holds what the office
/// did not write there: right of column `last` (0-based), typed over a cell the office wrote
/// or where it wrote nothing (a note above the table, a number or title retyped — known by the
/// hashes the meta sheet keeps, [`Shown`]), or in a row naming no topic under the heading row
/// (inserted, or under the table). Nothing a division wrote is dropped without a word. At most
/// [`crate::model::bounds::MAX_WARNINGS`] are listed, then how many more.
fn cells_not_read(
    sheet: &Sheet,
    answers: Option<(&Sheet, &[Row])>,
    last: usize,
) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::WarningKind;
    // The numbers' sheet is checked right of its columns only (its cells are read by
    // `survey::measures`, which says what it cannot read).
    let Some((meta, rows)) = answers else {
        return cells_outside(sheet, last);
    };
    let topic_rows: std::collections::HashMap<usize, &Row> =
        rows.iter().map(|r| (r.row as usize - 1, r)).collect();
    let heading_row = sheet
        .used_rows()
        .find(|&r| sheet.text(r, 0) == "番号" && sheet.text(r, ID_COL.into()) == "ID");
    // What the office wrote above the topics, by content, not place: a row inserted or deleted
    // above the table moves those cells and changes none. A workbook written before the hashes
    // were kept is checked for added rows only.
    let written: std::collections::HashSet<u64> = meta
        .used_rows()
        .flat_map(|r| meta.row_texts(r))
        .filter(|&(c, _)| c >= usize::from(SHOWN_COL))
        .filter_map(|(_, t)| u64::from_str_radix(t, 16).ok())
        .collect();
    let hashes_kept = !written.is_empty();
    let read = [HEADING_COL, PLAN_COL, RESULT_COL, ID_COL, SENT_COL].map(usize::from);
    let not_read = |r: usize, c: usize, text: &str| -> Option<WarningKind> {
        let text = text.to_string();
        if c > last {
            return Some(WarningKind::CellOutsideAnswer { text });
        }
        if read.contains(&c) && (topic_rows.contains_key(&r) || c >= usize::from(ID_COL)) {
            return None;
        }
        let typed = super::sent::hash(raw_of(sheet, r, c));
        let changed = match topic_rows.get(&r) {
            Some(row) => SHOWN_IN_ROW
                .iter()
                .position(|&k| usize::from(k) == c)
                .and_then(|k| row.sent_shown.get(k))
                .is_some_and(|&sent| sent != typed),
            None if heading_row.is_some_and(|h| r > h) => {
                return Some(WarningKind::CellNotAnswer {
                    text,
                    row_added: true,
                });
            }
            None => hashes_kept && !written.contains(&typed),
        };
        changed.then_some(WarningKind::CellNotAnswer {
            text,
            row_added: false,
        })
    };
    said_cells(sheet, not_read)
}

fn cells_outside(sheet: &Sheet, last: usize) -> Vec<crate::model::diag::Warning> {
    said_cells(sheet, |_, c, text| {
        (c > last).then(|| crate::model::diag::WarningKind::CellOutsideAnswer {
            text: text.to_string(),
        })
    })
}

/// A warning of the kind `said` gives for each cell with text (row, column, text), at most
/// [`crate::model::bounds::MAX_WARNINGS`], then how many more.
fn said_cells(
    sheet: &Sheet,
    said: impl Fn(usize, usize, &str) -> Option<crate::model::diag::WarningKind>,
) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::{Location, Warning, WarningKind};
    let most = crate::model::bounds::MAX_WARNINGS;
    let mut out = Vec::new();
    let mut more = 0;
    for r in sheet.used_rows() {
        for (c, text) in sheet.row_texts(r) {
            let Some(kind) = said(r, c, text) else {
                continue;
            };
            if out.len() == most {
                more += 1;
                continue;
            }
            let at = Location::cell(&sheet.name, r + 1, c + 1, None);
            out.push(Warning::new(at, kind));
        }
    }
    if more > 0 {
        let kind = WarningKind::NotListed { count: more };
        let at = Location {
            sheet: Some(crate::model::diag::sheet_name(&sheet.name)),
            ..Location::default()
        };
        out.push(Warning::new(at, kind));
    }
    out
}

/// The rows under the heading row (番号 … ID) that name a topic.
fn answer_rows(sheet: &Sheet) -> Result<Vec<Row>, WorkbookProblem> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for at in sheet.used_rows() {
        let cell = |c: u16| raw(sheet, at, c as usize);
        if !in_table {
            in_table = cell(0) == "番号" && cell(ID_COL) == "ID";
            continue;
        }
        let id = cell(ID_COL);
        if id.is_empty() {
            continue;
        }
        let row = u32::try_from(at + 1).unwrap_or(u32::MAX);
        let topic = id
            .trim()
            .parse::<u64>()
            .map(Id)
            .map_err(|_| WorkbookProblem::BadTopicId {
                row,
                text: id.clone(),
            })?;
        let sent = cell(SENT_COL);
        let kept_apart = sent
            .split_whitespace()
            .filter_map(|w| w.strip_prefix(KEPT_MARK))
            .flat_map(|ids| ids.split(','))
            .filter_map(|id| id.parse().ok().map(Id))
            .collect();
        let mut hashes = sent
            .split_whitespace()
            .filter(|w| !w.starts_with(KEPT_MARK))
            .map(|h| u64::from_str_radix(h, 16).ok());
        rows.push(Row {
            topic,
            row,
            heading: cell(HEADING_COL),
            plan: cell(PLAN_COL),
            results: cell(RESULT_COL),
            sent_heading: hashes.next().flatten(),
            sent_plan: hashes.next().flatten(),
            sent_shown: hashes.take(SHOWN_IN_ROW.len()).flatten().collect(),
            kept_apart,
        });
    }
    if !in_table {
        return Err(WorkbookProblem::NoHeadingRow);
    }
    Ok(rows)
}

/// A cell's text as typed (not trimmed: a division's results keep their spacing).
fn raw(sheet: &Sheet, row: usize, col: usize) -> String {
    raw_of(sheet, row, col).to_string()
}

fn raw_of(sheet: &Sheet, row: usize, col: usize) -> &str {
    sheet.raw_text(row, col)
}

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
use crate::model::{Id, Report, ResponseFor};

mod read;
pub(super) use read::is_date_form;
pub use read::{Answered, Row, WorkbookProblem, is_response_resaved, is_response_workbook, read};

/// The answer sheet's name.
pub const SHEET: &str = "回答";
/// What a topic's row shows: 番号, 取組, 見出し, 年次計画 and the 実績 still open, and the
/// half before's settled results shown beside them (`kept`, as `kept_text`).
struct TopicRow {
    texts: [String; 5],
    /// The ids of the results in the 実績 cell, as sent, and the short hashes of their texts.
    open_ids: Vec<Id>,
    open_texts: Vec<u32>,
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
    let open_ids = open.iter().map(|e| e.id).collect();
    let open_texts = open
        .iter()
        .map(|e| super::sent::short_hash(&e.text))
        .collect();
    Some(TopicRow {
        texts,
        open_ids,
        open_texts,
        kept,
        kept_text,
    })
}

impl TopicRow {
    /// The hidden cell of the row: the hashes of what the row shows (heading, plan, number,
    /// title, the results shown apart, the results cell) and the ids of the results shown
    /// apart.
    fn sent_cell(&self) -> String {
        let hashes = [HEADING_COL, PLAN_COL, 0, 1]
            .map(|k| super::sent::hash(&self.texts[usize::from(k)]))
            .into_iter()
            .chain([super::sent::hash(&self.kept_text)]);
        let mut sent: Vec<String> = hashes.map(|h| format!("{h:016x}")).collect();
        // The results cell as sent: a workbook sent back with it untouched says nothing of the
        // results, and what the office corrected since stays.
        let results = super::sent::hash(&self.texts[usize::from(RESULT_COL)]);
        sent.push(format!("{RESULTS_MARK}{results:016x}"));
        // The ids of those results: what the answer may change, with what the division's
        // earlier answers added; a result taken in from another division, or added by the
        // office, since stays (`survey::shared`).
        let ids: Vec<String> = self.open_ids.iter().map(|id| id.0.to_string()).collect();
        sent.push(format!("{SENT_IDS_MARK}{}", ids.join(",")));
        // Each of those results' text as sent: a line written as it was sent leaves the result
        // as it now stands (another division or the office rewrote it since). Left out where
        // the cell would grow past 30,000 characters, short of the 32,767 a cell holds (the
        // answer is then read without them).
        let texts: Vec<String> = self.open_texts.iter().map(|h| format!("{h:08x}")).collect();
        let texts = format!("{SENT_TEXTS_MARK}{}", texts.join(","));
        if sent.iter().map(|p| p.len() + 1).sum::<usize>() + texts.len() < 30_000 {
            sent.push(texts);
        }
        if !self.kept.is_empty() {
            let ids: Vec<String> = self.kept.iter().map(|e| e.id.0.to_string()).collect();
            sent.push(format!("{KEPT_MARK}{}", ids.join(",")));
        }
        sent.join(" ")
    }
}

/// A cell of a response workbook longer than an Excel cell holds (32,767 characters, counted
/// in UTF-16): the workbook cannot carry it, and cutting it would lose the rest when the
/// answer comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellTooLong {
    /// 「10 ⑤ 情報セキュリティの確保」; empty for a cell above the table (表題, 連絡事項…).
    pub initiative: String,
    /// The topic's heading (empty when it has none).
    pub heading: String,
    /// The column's heading as the workbook shows it: 「平成29年度 年次計画」, 「上半期実績」…;
    /// or what the cell above the table holds: 「表題」, 「連絡事項」, 「列見出し」.
    pub column: String,
    /// Its length in UTF-16 units, as Excel counts.
    pub length: usize,
}

/// The first cell of the response's workbook that an Excel cell cannot hold, if any.
pub fn cell_too_long(response: &Report) -> Option<CellTooLong> {
    let r = response.response.as_ref()?;
    let earlier = response.earlier_results();
    let asking = response.results_asking_to_confirm();
    let columns = [
        "番号".to_string(),
        "取組".to_string(),
        "見出し".to_string(),
        response.plan_heading(),
        response.actual_heading(),
        EARLIER_HEADING.to_string(),
    ];
    // Every cell written from the report: (initiative, heading, column, text); first what
    // stands above the table, as it is written there.
    let mut cells: Vec<(String, String, String, String)> = [
        ("表題", format!("{}　回答", response.title)),
        ("担当課", format!("担当課: {}", r.division)),
        ("連絡事項", format!("連絡事項: {}", r.note)),
        ("列見出し", response.plan_heading()),
        ("列見出し", response.actual_heading()),
    ]
    .into_iter()
    .map(|(column, text)| (String::new(), String::new(), column.to_string(), text))
    .collect();
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
        // The hidden cell naming the results shown apart: thousands of short ones pass a
        // cell's length by their ids alone.
        let hidden = format!("{EARLIER_HEADING}のID（隠し列）");
        cells.push((initiative, row.texts[2].clone(), hidden, row.sent_cell()));
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
pub(in crate::survey) const ID_COL: u16 = 5;
pub(in crate::survey) const SENT_COL: u16 = 6;
pub(in crate::survey) const RESULT_COL: u16 = 4;
pub(in crate::survey) const PLAN_COL: u16 = 3;
pub(in crate::survey) const HEADING_COL: u16 = 2;
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
    ws.set_header(print_header(&r.division, r.due));
    ws.set_footer("&C&P / &N");
    let numbers = (&f.base, &f.answer, &f.heading);
    let numbers_written = super::measures::write_sheet(
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
    write_meta(&mut book, r, (&shown, &numbers_written), &topics)?;
    book.save_to_buffer()
}

/// The cell formats of the answer sheet.
struct Formats {
    base: Format,
    heading: Format,
    /// The only cells that can be typed in: yellow, unlocked.
    answer: Format,
    /// The 実績 cells: as `answer`, formatted as text (文字列), so that Excel keeps 「6/1」
    /// or 「6月1日」 typed alone as typed, not as a date it shows otherwise and stores as a
    /// number.
    results: Format,
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
    let results = answer.clone().set_num_format("@");
    let plain = Format::new().set_font_name(FONT).set_font_size(10.0);
    let title = plain.clone().set_bold().set_font_size(13.0);

    Formats {
        base,
        heading,
        answer,
        results,
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
    if !response.earlier_results().is_empty() {
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
/// Where the hidden sheet keeps the hashes of the texts the numbers' sheet was written with
/// (beyond the answer sheet's, whose columns are far fewer), `NUMBERS_SHOWN_WIDTH` a row.
const NUMBERS_SHOWN_COL: u16 = 100;
const NUMBERS_SHOWN_WIDTH: usize = 50;

/// A row per topic of the division, its topic id and what its heading and plan were sent as
/// in the hidden columns.
fn write_topics(
    ws: &mut Worksheet,
    response: &Report,
    r: &ResponseFor,
    f: &Formats,
    shown: &mut Shown,
) -> Result<(), XlsxError> {
    let earlier = response.earlier_results();
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
        let Some(topic_row) = topic_row(response, topic, &earlier, &asking) else {
            continue;
        };
        let sent = topic_row.sent_cell();
        let TopicRow {
            texts,
            kept,
            kept_text,
            ..
        } = topic_row;
        for (k, text) in texts.iter().enumerate() {
            let f = if k as u16 == RESULT_COL {
                &f.results
            } else {
                &f.base
            };
            ws.write_string_with_format(row, k as u16, text, f)?;
        }
        ws.write_string_with_format(row, ID_COL, topic.0.to_string(), &f.base)?;
        let mut lines = 1.0f64;
        if !kept.is_empty() {
            lines = crate::export::xlsx::lines(&kept_text, EARLIER_WIDTH);
            ws.write_string_with_format(row, EARLIER_COL, &kept_text, &f.base)?;
        }
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
    (shown, numbers_written): (&Shown, &[u64]),
    topics: &[String],
) -> Result<(), XlsxError> {
    let meta = book.add_worksheet();
    meta.set_name(META_SHEET)?;
    let mut fields = vec![
        ("schema", "1".to_string()),
        ("report", r.report.0.clone()),
        ("division", r.division.clone()),
        ("fiscal_year", r.fiscal_year.0.to_string()),
        ("period", r.period.key().to_string()),
        ("due", r.due.map_or_else(String::new, |d| d.to_string())),
        ("token", r.token.clone()),
    ];
    // The topics a row was written for (a row deleted is said, not passed over), on as many
    // `topics` rows as a cell's 32,767 characters need: a division of 5,000 topics has more.
    let mut chunks = topics.chunks(TOPICS_A_CELL).map(|c| c.join(" "));
    fields.push(("topics", chunks.next().unwrap_or_default()));
    fields.extend(chunks.map(|c| ("topics", c)));
    for (k, (name, value)) in fields.iter().enumerate() {
        meta.write_string(k as u32, 0, *name)?;
        meta.write_string(k as u32, 1, value)?;
    }
    for &(row, col, hash) in &shown.0 {
        meta.write_string(row, col + SHOWN_COL, format!("{hash:016x}"))?;
    }
    for (k, hash) in numbers_written.iter().enumerate() {
        let (row, col) = (k / NUMBERS_SHOWN_WIDTH, k % NUMBERS_SHOWN_WIDTH);
        let col = NUMBERS_SHOWN_COL + col as u16;
        meta.write_string(row as u32, col, format!("{hash:016x}"))?;
    }
    meta.set_very_hidden(true);
    meta.protect_with_password(&password(&r.token));
    Ok(())
}

/// Topic ids written in one cell of the meta sheet: ids are at most 20 digits and a space,
/// so 1,500 of them stay within the 32,767 characters a cell holds.
const TOPICS_A_CELL: usize = 1_500;

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
/// In the hidden column, before the hash of the results cell as sent.
const RESULTS_MARK: &str = "r:";
/// In the hidden column, before the ids of the results in the results cell as sent.
const SENT_IDS_MARK: &str = "s:";
/// The mark of the short hashes of those results' texts as sent, in the same order.
const SENT_TEXTS_MARK: &str = "t:";

/// The printed page's header: the division left, the due date right. `&` is a header code, so
/// a name's `&` is written `&&`; a name too long for Excel's 255 characters is cut with `…`
/// (the sheet itself holds it whole), not refused with a message naming nothing.
fn print_header(division: &str, due: Option<chrono::NaiveDate>) -> String {
    let due = due.map_or_else(String::new, |d| d.to_string());
    let header = |name: &str| format!("&L{}&R回答期限 {due}", name.replace('&', "&&"));
    // Counted as Excel (and rust_xlsxwriter) count: in UTF-16 units, 𠮷 being two.
    let fits = |h: &str| h.encode_utf16().count() <= 255;
    let whole = header(division);
    if fits(&whole) {
        return whole;
    }
    // At most 254 characters fit beside `&L`: the loop starts there, however long the name.
    let chars: Vec<char> = division.chars().take(255).collect();
    let mut kept = chars.len();
    loop {
        kept -= 1;
        let cut = header(&format!("{}…", chars[..kept].iter().collect::<String>()));
        if fits(&cut) || kept == 0 {
            return cut;
        }
    }
}

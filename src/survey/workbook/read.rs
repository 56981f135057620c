//! Reading an answered response workbook back: the meta sheet's fields, each topic's row as
//! typed, the numbers' sheet, and every cell typed where nothing is read (said, never dropped).

use super::{
    EARLIER_COL, EARLIER_HEADING, HEADING_COL, ID_COL, KEPT_MARK, META_SHEET, NUMBERS_SHOWN_COL,
    PLAN_COL, RESULT_COL, RESULTS_MARK, SENT_COL, SENT_IDS_MARK, SENT_TEXTS_MARK, SHEET, SHOWN_COL,
    SHOWN_IN_ROW,
};
use crate::import::WorkbookFormat;
use crate::import::sheet::Sheet;
use crate::lang::{Describe, Lang, say};
use crate::model::diag::{ImportError, ImportErrorKind};
use crate::model::{FiscalYear, Id, Period, ReportId, ResponseFor};
use crate::survey::measures;

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
    /// The hashes of those cells as they are now (a sort of the visible columns moves them
    /// away from the hidden cells).
    pub shown_now: Vec<u64>,
    /// The hash of the results cell as sent (`None` in a workbook from before it was kept).
    pub sent_results: Option<u64>,
    /// The ids of the results in the results cell as sent (`None` in a workbook from before
    /// they were kept): these, and those the division's earlier answers added, are what the
    /// answer may change (`survey::shared`).
    pub sent_ids: Option<Vec<Id>>,
    /// The short hashes of those results' texts as sent, in the same order (`None` in a
    /// workbook from before they were kept).
    pub sent_texts: Option<Vec<u32>>,
    /// The results shown apart, read-only, beside the answer cell (the half before's, settled):
    /// the cell answers for the topic's other results, and these stay.
    pub kept_apart: Vec<Id>,
    /// What the hidden ID cell held when it was not a number (cleared: empty); `topic` is
    /// then no topic's, and the row is read as the one it was sent for, or not at all.
    pub id_written: Option<String>,
    /// The results cell holds what cannot be read (a formula saved without its value, said):
    /// the topic's results are left as they are.
    pub results_unread: bool,
}

/// What an answered workbook holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    pub response: ResponseFor,
    pub rows: Vec<Row>,
    /// The numbers' sheet's answers (`survey::measures`).
    pub measures: Vec<measures::MeasureRow>,
    /// The cells with a value right of the columns an answer is read from, each said.
    pub outside: Vec<crate::model::diag::Warning>,
    /// The topics the workbook was sent with that have no row (one deleted); none known in
    /// a workbook from before the meta sheet listed them.
    pub rows_gone: Vec<Id>,
    /// The topics the workbook was sent with, in its rows' order (none known in a workbook
    /// from before the meta sheet listed them).
    pub sent_topics: Vec<Id>,
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
}

impl Describe for WorkbookProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            WorkbookProblem::NotAWorkbook(e) => say(
                lang,
                format!(
                    "Excelのブックとして読めません: {}",
                    crate::model::diag::damage_in_japanese(e)
                ),
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
        }
    }
}

/// Whether the bytes are a workbook a survey sent (its hidden sheet is there), whether or not it
/// reads as an answer now (a division's hidden cell edited by mistake is refused by
/// [`read`], and is the division's answer all the same).
pub fn is_response_workbook(bytes: &[u8]) -> bool {
    holds_meta_sheet(bytes, WorkbookFormat::Xlsx)
}

/// Whether the bytes are a workbook a survey sent, saved again by an office program as `.xls`
/// or `.ods`: the hidden sheet is kept by such a save, the rest of what an answer is read by
/// (its package's parts) is not, so it is told apart to be refused with what to do.
pub fn is_response_resaved(bytes: &[u8]) -> bool {
    match WorkbookFormat::of_bytes(bytes) {
        Some(format @ (WorkbookFormat::Xls | WorkbookFormat::Ods)) => {
            holds_meta_sheet(bytes, format)
        }
        _ => false,
    }
}

fn holds_meta_sheet(bytes: &[u8], format: WorkbookFormat) -> bool {
    let wanted = |name: &str| name == META_SHEET;
    crate::import::book::read_sheets(bytes, format, &wanted)
        .is_ok_and(|sheets| sheets.iter().any(|s| s.name == META_SHEET))
}

/// Reads an answered workbook: its two sheets alone, cell by cell within the readers'
/// bounds, so that a value typed far away (XFD1048576) or a hostile package is refused or
/// read in a moment, never allocated for as a whole sheet.
pub fn read(bytes: &[u8]) -> Result<Answered, WorkbookProblem> {
    // Every sheet: a division may have renamed the answer sheet's tab (the workbook's
    // structure is not protected); it is then found by its heading row.
    let wanted = |_: &str| true;
    // The sheets an answer is read from, under the names they were sent with, are held to the
    // bound of formulas without values before any reader goes through their cells: eight
    // million of them took 9 s to read before being refused.
    formulas_without_values(bytes, &[SHEET, measures::SHEET])?;
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
    let (response, written) = read_meta(meta)?;
    let sheet = sheets
        .iter()
        .find(|s| s.name == SHEET)
        .or_else(|| {
            sheets.iter().find(|s| {
                s.name != META_SHEET
                    && s.name != measures::SHEET
                    && s.used_rows()
                        .any(|r| s.text(r, 0) == "番号" && s.text(r, ID_COL.into()) == "ID")
            })
        })
        .ok_or(WorkbookProblem::NoAnswerSheet)?;
    let (mut rows, mut ids_typed_over) = answer_rows(sheet)?;
    ids_typed_over.extend(sorted_apart(&sheet.name, &mut rows));
    let numbers = sheets.iter().find(|s| s.name == measures::SHEET);
    let mut measures = numbers.map_or_else(Vec::new, measures::read_sheet);
    // The column shown apart is never read: what it holds stays in the master as it is.
    let last = if sheet
        .used_rows()
        .any(|r| sheet.text(r, EARLIER_COL.into()) == EARLIER_HEADING)
    {
        EARLIER_COL
    } else {
        SENT_COL
    };
    let mut outside = ids_typed_over;
    outside.extend(cells_not_read(sheet, Some((meta, &rows)), last.into()));
    outside.extend(numbers_as_shown(bytes, &sheet.name, &mut rows));
    if let Some(numbers) = numbers {
        outside.extend(numbers_typed_over(numbers, meta));
    }
    for other in sheets
        .iter()
        .filter(|s| ![META_SHEET, measures::SHEET, sheet.name.as_str()].contains(&s.name.as_str()))
    {
        outside.extend(cells_on_sheet_not_read(other, sheet));
    }
    outside.extend(notes_not_read(bytes));
    let present: std::collections::HashSet<Id> = rows.iter().map(|r| r.topic).collect();
    // A formula saved without its value gives the readers nothing: said, and its cell not
    // read as an answer at all — read as empty, it removed the results or the rating already
    // taken in.
    let read_sheets = [sheet.name.as_str(), measures::SHEET];
    let mut unread: std::collections::HashSet<(String, u32, u32)> = Default::default();
    let formulas = formulas_without_values(bytes, &read_sheets)?;
    // After the formulas' bound: a sheet refused for them is not read again for struck text.
    outside.extend(crate::import::struck::struck_warnings(bytes, sheet));
    for (name, row, col, formula) in formulas {
        let at =
            crate::model::diag::Location::cell(&name, row as usize + 1, col as usize + 1, None);
        let kind = crate::model::diag::WarningKind::FormulaWithoutValue { formula };
        outside.push(crate::model::diag::Warning::new(at, kind));
        unread.insert((name, row, col));
    }
    let answer_cell = |name: &str, row: u32, col: u16| {
        unread.contains(&(name.to_string(), row.saturating_sub(1), u32::from(col)))
    };
    // The row stays (its topic is not gone, its heading and plan are read); its results are
    // left as they are.
    for r in &mut rows {
        r.results_unread = answer_cell(&sheet.name, r.row, RESULT_COL);
    }
    measures.retain(|m| !answer_cell(measures::SHEET, m.row, measures::ANSWER_COL));
    let rows_gone = (written.iter().copied())
        .filter(|id| !present.contains(id))
        .collect();
    Ok(Answered {
        response,
        rows,
        measures,
        outside,
        rows_gone,
        sent_topics: written,
    })
}

/// What the meta sheet says the workbook answers, and the topics a row was written for (on
/// every `topics` row, one after another: a workbook of before had one).
fn read_meta(meta: &Sheet) -> Result<(ResponseFor, Vec<Id>), WorkbookProblem> {
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
    let written = meta
        .used_rows()
        .filter(|&r| meta.text(r, 0) == "topics")
        .flat_map(|r| {
            raw(meta, r, 1)
                .split_whitespace()
                .filter_map(|id| id.parse().ok().map(Id))
                .collect::<Vec<_>>()
        })
        .collect();
    Ok((response, written))
}

/// The formulas saved without their values on the sheets named, within their bound
/// (`MAX_FORMULAS_WITHOUT_VALUES`): past it the workbook is refused, naming the cell.
fn formulas_without_values(
    bytes: &[u8],
    sheets: &[&str],
) -> Result<Vec<crate::import::cell_xml::FormulaCell>, WorkbookProblem> {
    crate::import::cell_xml::formulas_without_values(bytes, sheets).map_err(|(name, row, col)| {
        let at = crate::import::sheet::cell_location(&name, row.into(), col.into());
        let excess = crate::model::bounds::Excess::FormulasWithoutValues;
        WorkbookProblem::Refused(Box::new(crate::import::sheet::too_large(
            "XLSX", at, excess,
        )))
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
    let written = hashes_in(meta, usize::from(SHOWN_COL)..usize::from(NUMBERS_SHOWN_COL));
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
        let typed = crate::survey::sent::hash(raw_of(sheet, r, c));
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

/// The hashes the hidden sheet keeps in `columns`.
fn hashes_in(meta: &Sheet, columns: std::ops::Range<usize>) -> std::collections::HashSet<u64> {
    meta.used_rows()
        .flat_map(|r| meta.row_texts(r))
        .filter(|(c, _)| columns.contains(c))
        .filter_map(|(_, t)| u64::from_str_radix(t, 16).ok())
        .collect()
}

/// The numbers' sheet's cells a division typed that are no answer: right of its columns, and
/// (a workbook keeping the hashes of what it was written with) an office cell typed over — a
/// target, an item's name, the instructions — or a row added under the table. Its answer cells
/// are read by `survey::measures`, which says what it cannot read.
fn numbers_typed_over(numbers: &Sheet, meta: &Sheet) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::WarningKind;
    let written = hashes_in(meta, usize::from(NUMBERS_SHOWN_COL)..usize::MAX);
    let (answer, id) = (
        usize::from(measures::ANSWER_COL),
        usize::from(measures::ID_COL),
    );
    let header = numbers
        .used_rows()
        .find(|&r| numbers.text(r, 0) == "番号" && numbers.text(r, id) == "ID");
    said_cells(numbers, |r, c, text| {
        let text = text.to_string();
        if c > id {
            return Some(WarningKind::CellOutsideAnswer { text });
        }
        let in_table = header.is_some_and(|h| r > h);
        let read = in_table && (c == id || (c == answer && !numbers.text(r, id).is_empty()));
        let typed = crate::survey::sent::hash(raw_of(numbers, r, c));
        (!read && !written.is_empty() && !written.contains(&typed)).then_some(
            WarningKind::CellNotAnswer {
                text,
                row_added: false,
            },
        )
    })
}

/// A warning for each cell of `other` (a sheet added, a copy of the answer sheet) whose text
/// is not what the answer sheet `read` holds in the same cell: what a division wrote there.
fn cells_on_sheet_not_read(other: &Sheet, read: &Sheet) -> Vec<crate::model::diag::Warning> {
    said_cells(other, |r, c, text| {
        (!text.trim().is_empty() && read.text(r, c) != text).then(|| {
            crate::model::diag::WarningKind::CellOnSheetNotRead {
                text: text.to_string(),
                read: read.name.clone(),
            }
        })
    })
}

/// The results cells holding a number in a format (`#,##0"人"`, typed over or pasted in): read
/// as the cell shows it (「1,234人」, where the value alone is 1234), and said; a format not
/// written out here leaves the value, said too.
fn numbers_as_shown(
    bytes: &[u8],
    sheet: &str,
    rows: &mut [Row],
) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::{Location, Warning, WarningKind};
    let formats = crate::import::cell_xml::column_formats(bytes, sheet, RESULT_COL.into());
    if formats.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for row in rows {
        let Some(code) = formats.get(&row.row.saturating_sub(1)) else {
            continue;
        };
        let value = row.results.trim().to_string();
        let Ok(number) = value.parse::<f64>() else {
            continue;
        };
        let at = Location::cell(sheet, row.row as usize, usize::from(RESULT_COL) + 1, None);
        let kind = match crate::import::shown_number::as_text(number, code) {
            Some(shown) if shown == value => continue,
            Some(shown) => {
                row.results.clone_from(&shown);
                WarningKind::NumberReadAsShown { value, shown }
            }
            // A code past Excel's 255 characters is a crafted one: named by its start.
            None => WarningKind::NumberFormatNotShown {
                value,
                format: crate::model::text::clipped(code, 255),
            },
        };
        out.push(Warning::new(at, kind));
    }
    out
}

/// The rows and columns of an Excel sheet (its last cell XFD1048576).
const SHEET_ROWS: u32 = 1_048_576;
const SHEET_COLUMNS: u32 = 16_384;

/// A warning for each note on a cell of the workbook and each shape with words drawn on a sheet, at most
/// [`crate::model::bounds::MAX_WARNINGS`], then how many more were not listed (counted up to
/// twice that).
fn notes_not_read(bytes: &[u8]) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::{Location, Warning, WarningKind};
    let most = crate::model::bounds::MAX_WARNINGS;
    let (mut notes, shapes) = crate::import::cell_notes::notes_and_shapes(bytes, most * 2);
    let cell_notes = notes.len();
    notes.extend(shapes);
    let mut out: Vec<Warning> = (notes.iter().enumerate().take(most))
        .map(|(k, (sheet, row, col, text))| {
            // An anchor past the sheet's last cell (XFD1048576) names a cell that cannot be:
            // the sheet alone is named (`4294967295` was named as row 4294967296).
            let on_sheet = *row < SHEET_ROWS && *col < SHEET_COLUMNS;
            let at = match on_sheet {
                true => Location::cell(sheet, *row as usize + 1, *col as usize + 1, None),
                false => Location {
                    sheet: Some(crate::model::diag::sheet_name(sheet)),
                    ..Location::default()
                },
            };
            let text = text.clone();
            let kind = match k < cell_notes {
                true => WarningKind::CellNoteNotRead { text },
                false => WarningKind::ShapeTextNotRead { text },
            };
            Warning::new(at, kind)
        })
        .collect();
    if notes.len() > most {
        let kind = WarningKind::NotListed {
            count: notes.len() - most,
        };
        out.push(Warning::new(Location::default(), kind));
    }
    out
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

/// The rows under the heading row (番号 … ID) that name a topic; and a warning for each whose
/// ID was typed over (its cell named; the row's other cells are said as those of a row naming
/// no topic): the rest of the answer is taken (one ID typed over refused it whole).
fn answer_rows(
    sheet: &Sheet,
) -> Result<(Vec<Row>, Vec<crate::model::diag::Warning>), WorkbookProblem> {
    let mut rows = Vec::new();
    let mut typed_over = Vec::new();
    let mut in_table = false;
    for at in sheet.used_rows() {
        let cell = |c: u16| raw(sheet, at, c as usize);
        if !in_table {
            in_table = cell(0) == "番号" && cell(ID_COL) == "ID";
            continue;
        }
        let id = cell(ID_COL);
        let sent = cell(SENT_COL);
        if id.is_empty() && sent.is_empty() {
            continue;
        }
        let row = u32::try_from(at + 1).unwrap_or(u32::MAX);
        // An ID cleared or typed over with words: the row is still the one its hidden cell
        // says it was sent for (`from_workbook` finds it by the hashes), or said as not read.
        let (topic, id_written) = match id.trim().parse::<u64>() {
            Ok(n) => (Id(n), None),
            Err(_) if sent.split_whitespace().count() >= 2 => (Id(0), Some(id)),
            Err(_) if id.is_empty() => continue,
            Err(_) => {
                let cell = crate::model::diag::Location::cell(
                    &sheet.name,
                    at + 1,
                    usize::from(ID_COL) + 1,
                    None,
                );
                let kind = crate::model::diag::WarningKind::CellNotAnswer {
                    text: id,
                    row_added: false,
                };
                typed_over.push(crate::model::diag::Warning::new(cell, kind));
                continue;
            }
        };
        let kept_apart = sent
            .split_whitespace()
            .filter_map(|w| w.strip_prefix(KEPT_MARK))
            .flat_map(|ids| ids.split(','))
            .filter_map(|id| id.parse().ok().map(Id))
            .collect();
        let sent_results = sent
            .split_whitespace()
            .find_map(|w| w.strip_prefix(RESULTS_MARK))
            .and_then(|h| u64::from_str_radix(h, 16).ok());
        let sent_ids = sent
            .split_whitespace()
            .find_map(|w| w.strip_prefix(SENT_IDS_MARK))
            .map(|ids| {
                ids.split(',')
                    .filter_map(|id| id.parse().ok().map(Id))
                    .collect()
            });
        let sent_texts = sent
            .split_whitespace()
            .find_map(|w| w.strip_prefix(SENT_TEXTS_MARK))
            .map(|hashes| {
                hashes
                    .split(',')
                    .filter_map(|h| u32::from_str_radix(h, 16).ok())
                    .collect()
            });
        let mut hashes = sent
            .split_whitespace()
            .filter(|w| {
                ![KEPT_MARK, RESULTS_MARK, SENT_IDS_MARK, SENT_TEXTS_MARK]
                    .iter()
                    .any(|m| w.starts_with(m))
            })
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
            shown_now: (SHOWN_IN_ROW.iter())
                .map(|&c| crate::survey::sent::hash(raw_of(sheet, at, c.into())))
                .collect(),
            sent_results,
            sent_ids,
            sent_texts,
            kept_apart,
            id_written,
            results_unread: false,
        });
    }
    if !in_table {
        return Err(WorkbookProblem::NoHeadingRow);
    }
    Ok((rows, typed_over))
}

/// The rows whose visible cells were sorted apart from their hidden ID and hashes (F, G):
/// Excel's sort of the selected columns alone ("continue with the current selection") leaves
/// F and G where they were, and every row's results went in under another row's topic. A row
/// whose visible cells are not what its own hidden cell was sent with, but what one other
/// row's was, is read with that row's hidden cells (its topic; a hidden ID cleared there is
/// found by them later), each said. Compared by the number and title, the heading and the
/// plan together, then by three of them, then by the heading and plan alone: a row reworded in
/// one, or topics sharing a heading and plan, are still told apart.
fn sorted_apart(sheet: &str, rows: &mut [Row]) -> Vec<crate::model::diag::Warning> {
    use crate::model::diag::{Location, Warning, WarningKind};
    use std::collections::HashMap;
    let keys = sorting_keys(rows);
    let maps: Vec<HashMap<&[u64], Vec<usize>>> = (0..KEYS)
        .map(|key| {
            let mut map: HashMap<&[u64], Vec<usize>> = HashMap::new();
            for (k, (sent, _)) in keys.iter().enumerate() {
                if let Some(sent) = &sent[key] {
                    map.entry(sent.as_slice()).or_default().push(k);
                }
            }
            map
        })
        .collect();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (k, (sent, shown)) in keys.iter().enumerate() {
        for key in 0..KEYS {
            let (Some(own), Some(now)) = (&sent[key], &shown[key]) else {
                continue;
            };
            if own == now {
                break;
            }
            if let Some(&[from]) = maps[key].get(now.as_slice()).map(Vec::as_slice) {
                moves.push((k, from));
                break;
            }
        }
    }
    // Two rows read with one row's hidden cells: neither is (the rows were not sorted so).
    let mut claimed: HashMap<usize, usize> = HashMap::new();
    for (_, from) in &moves {
        *claimed.entry(*from).or_default() += 1;
    }
    moves.retain(|(_, from)| claimed[from] == 1);
    let sources: Vec<Row> = moves.iter().map(|&(_, from)| rows[from].clone()).collect();
    let mut said = Vec::new();
    for ((k, _), from) in moves.into_iter().zip(sources) {
        let row = &mut rows[k];
        let at = Location::cell(sheet, row.row as usize, usize::from(HEADING_COL) + 1, None);
        let kind = WarningKind::SortedApart {
            heading: row.heading.clone(),
            hidden_row: from.row,
        };
        said.push(Warning::new(at, kind));
        // A shown cell not moved (the number when C:E alone were sorted) is as its own row
        // sent it.
        let sent_shown = (row.shown_now.iter().enumerate())
            .filter_map(|(c, now)| match row.sent_shown.get(c) == Some(now) {
                true => Some(*now),
                false => from.sent_shown.get(c).copied(),
            })
            .collect();
        *row = Row {
            row: row.row,
            heading: std::mem::take(&mut row.heading),
            plan: std::mem::take(&mut row.plan),
            results: std::mem::take(&mut row.results),
            shown_now: std::mem::take(&mut row.shown_now),
            results_unread: row.results_unread,
            sent_shown,
            ..from
        };
    }
    said
}

/// How many ways rows are compared in [`sorted_apart`].
const KEYS: usize = 4;

/// Each row's keys as its hidden cell sent them and as its cells show them now, in the order
/// they are tried: number, title, heading and plan; number, title and plan; number, title and
/// heading; heading and plan. `None` where the hidden cell keeps no such hashes.
type Keys = [Option<Vec<u64>>; KEYS];

fn sorting_keys(rows: &[Row]) -> Vec<(Keys, Keys)> {
    use crate::survey::sent::hash;
    let keys = |shown: Option<(u64, u64)>, heading: Option<u64>, plan: Option<u64>| -> Keys {
        let (h, p) = (heading.zip(plan), plan);
        let nt = shown;
        [
            nt.zip(h).map(|((n, t), (h, p))| vec![n, t, h, p]),
            nt.zip(p).map(|((n, t), p)| vec![n, t, p]),
            nt.zip(heading).map(|((n, t), h)| vec![n, t, h]),
            h.map(|(h, p)| vec![h, p]),
        ]
    };
    let pair = |v: &[u64]| v.first().copied().zip(v.get(1).copied());
    (rows.iter())
        .map(|r| {
            let sent = match r.sent_heading.zip(r.sent_plan) {
                Some((h, p)) => keys(pair(&r.sent_shown), Some(h), Some(p)),
                None => Default::default(),
            };
            let now = keys(
                pair(&r.shown_now),
                Some(hash(&r.heading)),
                Some(hash(&r.plan)),
            );
            (sent, now)
        })
        .collect()
}

/// A cell's text as typed (not trimmed: a division's results keep their spacing).
fn raw(sheet: &Sheet, row: usize, col: usize) -> String {
    raw_of(sheet, row, col).to_string()
}

fn raw_of(sheet: &Sheet, row: usize, col: usize) -> &str {
    sheet.raw_text(row, col)
}

/// A cell's text as a date or time cell reads (`2017-06-01`, `2017-06-01 09:30:00`,
/// `09:30:00`: `import::sheet::cell_text`), never what a division types into a text cell.
pub(in crate::survey) fn is_date_form(text: &str) -> bool {
    let shape = |s: &str, pattern: &str| {
        s.len() == pattern.len()
            && s.bytes().zip(pattern.bytes()).all(|(c, p)| {
                if p == b'9' {
                    c.is_ascii_digit()
                } else {
                    c == p
                }
            })
    };
    ["9999-99-99", "9999-99-99 99:99:99", "99:99:99"]
        .iter()
        .any(|p| shape(text, p))
}

//! The report kept as a workbook (Excel `.xlsx` / `.xls`, LibreOffice `.ods`) → the model.
//!
//! calamine reads the cells (formulas give their cached values). The sheet holding the
//! report is the one with the header row (番号, 具体的取組), found by content; its rows are
//! gathered into the rows the text table's reader takes (`table.rs`): an initiative's rows —
//! number and title merged down or written once — become one row, its 取組項目 and year cells
//! a stage table (a cell merged over several years, or a label repeated in each year's cell, is
//! one stage), its plan, actual and division cells plain text read as the table's. Warnings
//! name the sheet's cells (`工程表!H12`); a cell outside the report's columns is kept in the
//! unread list.

pub use super::book::WorkbookFormat;
use super::html::{Table, TableCell};
use super::sheet::Sheet;
use super::table::{self, Row, SheetRow};
use super::warning_cap::{push_not_listed, push_warning};
use crate::model::bounds::MAX_WARNINGS;
use crate::model::diag::{ImportError, ImportErrorKind, Location, Warning, WarningKind};
use crate::model::era::{self, FiscalYear};
use crate::model::text::heading_text;
use crate::model::{Report, UnreadText};

/// A report read from a workbook.
#[derive(Clone, Debug)]
pub struct ImportedWorkbook {
    pub report: Report,
    pub warnings: Vec<Warning>,
    pub format: WorkbookFormat,
    /// The sheet the report was read from.
    pub sheet: String,
}

/// Reads a workbook's report. `format` is what the bytes (or, failing them, the name) say.
pub fn import_workbook(
    bytes: &[u8],
    format: WorkbookFormat,
) -> Result<ImportedWorkbook, ImportError> {
    let mut sheets = super::book::read_sheets(bytes, format, &|_| true)?;
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    // A sheet with year columns under 工程 is the report; the monthly grid of our own export
    // has a 番号 / 具体的取組 header too, but no years.
    let layouts: Vec<(usize, Layout)> = sheets
        .iter()
        .enumerate()
        .filter_map(|(k, s)| Some((k, find_layout(s)?)))
        .collect();
    // A visible sheet before a hidden one: the table the office sees in Excel is the report,
    // not one a crafted file hides behind it.
    let chosen = (layouts.iter()).min_by_key(|(k, l)| (l.years.is_empty(), sheets[*k].hidden));
    let Some((index, layout)) = chosen else {
        return Err(ImportError {
            at: Location::default(),
            kind: ImportErrorKind::NoReportSheet { sheets: names },
        });
    };
    let mut sheet = sheets.swap_remove(*index);
    if format == WorkbookFormat::Xlsx {
        sheet.hidden_rows = super::hidden_rows::xlsx_hidden_rows(bytes, &sheet.name);
    }
    let unseen = unseen_cells(&mut sheet);
    let year_cols: Vec<usize> = layout.years.iter().map(|(c, _)| *c).collect();
    sheet.keep_merges_over(&year_cols);
    let text_cols = [layout.plan, layout.actual, layout.division, layout.item];
    let text_cols: Vec<usize> = text_cols
        .into_iter()
        .flatten()
        .chain([layout.title])
        .collect();
    let as_shown = super::shown_cells::read_as_shown(bytes, format, &mut sheet, &text_cols);
    let (mut report, mut warnings) = read_report(&sheet, layout)?;
    for warning in as_shown {
        push_warning(&mut warnings, warning);
    }
    for (warning, unread) in unseen {
        push_warning(&mut warnings, warning);
        report.unread.extend(unread);
    }
    let (header, number) = (layout.header_row, layout.number);
    super::measures::read(&sheet, header, number, &sheets, &mut report, &mut warnings);
    super::far_years::keep_unread(&mut report, &mut warnings);
    if format == WorkbookFormat::Xlsx {
        for warning in super::struck::struck_warnings(bytes, &sheet) {
            push_warning(&mut warnings, warning);
        }
        formulas_said(bytes, &names, &mut warnings);
    }
    // The numbers are read after the report sheet was looked over: their texts are now.
    let numbers = |at: &crate::model::text_place::At| {
        at.field == crate::model::text_place::TextField::Measures
    };
    for warning in crate::model::check::invisible_characters_where(&report, numbers) {
        push_warning(&mut warnings, warning);
    }
    if sheet.hidden {
        let at = Location {
            sheet: Some(crate::model::diag::sheet_name(&sheet.name)),
            ..Location::default()
        };
        let kind = WarningKind::ReportSheetHidden {
            sheet: sheet.name.clone(),
        };
        push_warning(&mut warnings, Warning::new(at, kind));
    }
    for (k, other) in &layouts {
        if k != index && !other.years.is_empty() {
            let at = Location {
                sheet: Some(crate::model::diag::sheet_name(&names[*k])),
                ..Location::default()
            };
            let kind = WarningKind::OtherReportSheet {
                sheet: names[*k].clone(),
                read: sheet.name.clone(),
            };
            push_warning(&mut warnings, Warning::new(at, kind));
        }
    }
    Ok(ImportedWorkbook {
        report,
        warnings,
        format,
        sheet: sheet.name.clone(),
    })
}

/// What the office does not see on the report's sheet, each said: a hidden row (read, as
/// the office's data), text under a merged cell (Excel shows only the region's top-left
/// cell) and past the sheet's last cell (taken out of the sheet and kept in the unread list). Hidden sheets are read and said
/// the same way ([`WarningKind::ReportSheetHidden`]).
fn unseen_cells(sheet: &mut Sheet) -> Vec<(Warning, Option<UnreadText>)> {
    let mut out = Vec::new();
    for r in sheet.used_rows() {
        if super::hidden_rows::in_ranges(&sheet.hidden_rows, r) {
            let text = sheet.row_texts(r).next().map_or("", |(_, t)| t).to_string();
            let at = Location {
                row: Some(r + 1),
                sheet: Some(crate::model::diag::sheet_name(&sheet.name)),
                ..Location::default()
            };
            out.push((Warning::new(at, WarningKind::HiddenRowRead { text }), None));
        }
    }
    // Past XFD1048576: Excel refuses such a file and Calc leaves the cell out; read, it was
    // taken as the last initiative's text.
    for (r, c, text) in sheet.take_beyond(SHEET_ROWS, SHEET_COLUMNS) {
        let reference = format!("{}{}", crate::model::diag::column_letters(c + 1), r + 1);
        let at = Location {
            sheet: Some(crate::model::diag::sheet_name(&sheet.name)),
            ..Location::default()
        };
        let kind = WarningKind::CellBeyondSheet {
            reference,
            text: text.clone(),
        };
        out.push((
            Warning::new(at, kind),
            Some(UnreadText { row: r + 1, text }),
        ));
    }
    for (r, c, text) in sheet.take_covered() {
        let at = Location::cell(&sheet.name, r + 1, c + 1, None);
        let kind = WarningKind::CellUnderMerge { text: text.clone() };
        out.push((
            Warning::new(at, kind),
            Some(UnreadText { row: r + 1, text }),
        ));
    }
    out
}

/// A warning naming each cell of the workbook holding a formula saved without its value (as
/// openpyxl writes every formula): the reader sees nothing there, so a result or a division
/// written by formula was lost without a word. The first [`MAX_WARNINGS`] are named, then
/// how many more.
fn formulas_said(bytes: &[u8], sheets: &[String], warnings: &mut Vec<Warning>) {
    let sheets: Vec<&str> = sheets.iter().map(String::as_str).collect();
    let (listed, more) = super::cell_xml::formulas_listed(bytes, &sheets, MAX_WARNINGS, false);
    for (name, row, col, formula) in listed {
        let at = Location::cell(&name, row as usize + 1, col as usize + 1, None);
        push_warning(
            warnings,
            Warning::new(at, WarningKind::FormulaWithoutValue { formula }),
        );
    }
    push_not_listed(warnings, more);
}

/// The rows and columns of an Excel sheet (its last cell XFD1048576).
const SHEET_ROWS: usize = 1_048_576;
const SHEET_COLUMNS: usize = 16_384;

/// Year columns read from a header at most.
const MAX_YEAR_COLUMNS: usize = 20;

/// Where the published layout's columns are in a sheet (0-based).
#[derive(Clone, Debug)]
struct Layout {
    header_row: usize,
    /// The row under the header naming 取組項目 and the years, when the header has two rows.
    sub_header: Option<usize>,
    number: usize,
    title: usize,
    item: Option<usize>,
    /// The year columns and their headings as written (`28年度`, `H29`, `2019年度`).
    years: Vec<(usize, String)>,
    plan: Option<usize>,
    actual: Option<usize>,
    division: Option<usize>,
    /// The closed first half's results of a later period's report (`上半期実績(4月～9月)`,
    /// after 担当課 as the export writes it).
    first_half: Option<usize>,
    /// Numbers and judgements beside the initiatives (指標, 目標値, 評価 …: `measures.rs`).
    measures: Vec<usize>,
}

impl Layout {
    fn is_known(&self, col: usize) -> bool {
        self.measures.contains(&col)
            || col == self.number
            || col == self.title
            || Some(col) == self.item
            || Some(col) == self.plan
            || Some(col) == self.actual
            || Some(col) == self.division
            || Some(col) == self.first_half
            || self.years.iter().any(|(c, _)| *c == col)
    }
}

fn looks_like_year(text: &str) -> bool {
    era::parse_short_fiscal_year(text, FiscalYear(2000)).is_some()
}

fn find_layout(sheet: &Sheet) -> Option<Layout> {
    let header_row = sheet.used_rows().find(|&r| {
        let texts: Vec<&str> = sheet.row_texts(r).map(|(_, t)| t).collect();
        table::is_header(&texts)
    })?;
    let head: Vec<(usize, &str)> = sheet.row_texts(header_row).collect();
    let find = |pred: &dyn Fn(&str) -> bool| head.iter().find(|(_, t)| pred(t)).map(|(c, _)| *c);
    let number = find(&|t| heading_text(t) == "番号")?;
    let title = find(&|t| t.contains("具体的取組"))?;
    let measure = |t: &str| super::measures::is_measure_heading(t);
    let plan = find(&|t| t.contains("計画") && !t.contains("実績") && !measure(t));
    let results = |t: &str| t.contains("実績") && !t.contains("計画") && !measure(t);
    let first_half_of = |t: &str| table::is_first_half_heading(t);
    // This period's 実績, beside which a later period's report has the first half's.
    let actual = find(&|t| results(t) && !first_half_of(t)).or_else(|| find(&results));
    let first_half = find(&first_half_of)
        .filter(|&c| Some(c) != actual)
        .filter(|_| {
            let heading = actual.map_or("", |c| sheet.text(header_row, c));
            crate::model::Period::named_in(heading) != Some(crate::model::Period::FirstHalf)
        });
    let measures = head.iter().filter(|(_, t)| measure(t)).map(|(c, _)| *c);
    let measures: Vec<usize> = measures.collect();
    let division = find(&|t| table::is_division_heading(t));
    let below = header_row + 1;
    // A second header row names 取組項目 or the years, and no initiative: a row with a 番号 is
    // the first initiative's (its 基準年度 `28年度` is no stage year).
    let sub_header = (sheet
        .row_texts(below)
        .any(|(c, t)| t == "取組項目" || (c != number && looks_like_year(t)))
        && sheet.text(below, number).is_empty())
    .then_some(below);
    let mut item = None;
    let mut years = Vec::new();
    let stage_end = [plan, actual, division]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(usize::MAX);
    for row in std::iter::once(header_row).chain(sub_header) {
        for (c, t) in sheet.row_texts(row) {
            if t == "取組項目" {
                item = Some(c);
            } else if c > title && c < stage_end && looks_like_year(t) {
                years.push((c, t.to_string()));
            }
        }
    }
    years.sort();
    years.dedup_by_key(|(c, _)| *c);
    // A programme's plan spans a few years; headings beyond these are cells outside the
    // layout (warned about and kept), so that a row's stages stay a short walk.
    years.truncate(MAX_YEAR_COLUMNS);
    // Without a 取組項目 heading the item names stand just left of the first year.
    if item.is_none() {
        item = years
            .first()
            .map(|(c, _)| c - 1)
            .filter(|&c| c > title && c != number);
    }
    Some(Layout {
        header_row,
        sub_header,
        number,
        title,
        item,
        years,
        plan,
        actual,
        division,
        first_half,
        measures,
    })
}

/// An initiative being gathered from its rows.
struct Group {
    first_row: usize,
    number: String,
    title: String,
    /// Each row's 取組項目 and stage cells.
    stage_rows: Vec<Vec<TableCell>>,
    plan: Vec<String>,
    actual: Vec<String>,
    division: Vec<String>,
    first_half: Vec<String>,
}

/// A row handed to the text table's reader, with the sheet columns of its fields.
struct Gathered {
    line: usize,
    fields: Vec<String>,
    columns: Vec<Option<usize>>,
    stage: Option<Table>,
}

fn read_report(sheet: &Sheet, layout: &Layout) -> Result<(Report, Vec<Warning>), ImportError> {
    let mut outside: Vec<(usize, usize, String)> = Vec::new();
    // The title block: every row above the header, as the text reader takes the lines above
    // its first header.
    let mut out: Vec<Gathered> = sheet
        .used_rows()
        .take_while(|&r| r < layout.header_row)
        .map(|r| as_written(r, sheet.row_texts(r)))
        .collect();
    let first_data = layout.sub_header.unwrap_or(layout.header_row) + 1;
    out.push(header_row(sheet, layout, layout.header_row));
    let mut group: Option<Group> = None;
    let mut skip_sub_header = None;
    for r in sheet.used_rows().filter(|&r| r >= first_data) {
        if Some(r) == skip_sub_header {
            continue;
        }
        let texts: Vec<(usize, &str)> = sheet.row_texts(r).collect();
        if texts.is_empty() {
            continue;
        }
        let plain: Vec<&str> = texts.iter().map(|(_, t)| *t).collect();
        if table::is_header(&plain) {
            // A page header repeated down the sheet.
            flush(&mut group, layout, &mut out);
            out.push(header_row(sheet, layout, r));
            if sheet
                .row_texts(r + 1)
                .any(|(_, t)| t == "取組項目" || looks_like_year(t))
            {
                skip_sub_header = Some(r + 1);
            }
            continue;
        }
        let first_text_col = texts[0].0;
        let before_plan = layout.plan.unwrap_or(usize::MAX);
        if texts.len() == 1 && first_text_col < before_plan && table::is_section_text(texts[0].1) {
            flush(&mut group, layout, &mut out);
            out.push(Gathered {
                line: r + 1,
                fields: vec![texts[0].1.to_string()],
                columns: vec![Some(first_text_col + 1)],
                stage: None,
            });
            continue;
        }
        let number = sheet.text(r, layout.number);
        let title = sheet.text(r, layout.title);
        let is_number = table::is_initiative_number(number);
        // The number written again on each of an initiative's rows continues it.
        let continues = group
            .as_ref()
            .is_some_and(|g| g.number == number && (title.is_empty() || g.title == title));
        if is_number && !continues {
            flush(&mut group, layout, &mut out);
            group = Some(Group {
                first_row: r,
                number: number.to_string(),
                title: title.to_string(),
                stage_rows: Vec::new(),
                plan: Vec::new(),
                actual: Vec::new(),
                division: Vec::new(),
                first_half: Vec::new(),
            });
        }
        let Some(g) = group.as_mut() else {
            // Text before any initiative that is no header or section: the reader keeps it
            // as a row not understood.
            out.push(as_written(r, texts.iter().copied()));
            continue;
        };
        take_into_group(sheet, layout, (r, &texts), g, &mut outside);
    }
    flush(&mut group, layout, &mut out);
    read_gathered(sheet, &out, outside)
}

/// A sheet row as the text reader takes a line: its texts, each with its column.
fn as_written<'s>(r: usize, texts: impl Iterator<Item = (usize, &'s str)>) -> Gathered {
    let (columns, fields): (Vec<_>, Vec<_>) =
        texts.map(|(c, t)| (Some(c + 1), t.to_string())).unzip();
    Gathered {
        line: r + 1,
        fields,
        columns,
        stage: None,
    }
}

/// Row `r` of an initiative's rows: its stage row, plan, actual and division texts into the
/// group; a text in no column of the layout into `outside`.
fn take_into_group(
    sheet: &Sheet,
    layout: &Layout,
    (r, texts): (usize, &[(usize, &str)]),
    g: &mut Group,
    outside: &mut Vec<(usize, usize, String)>,
) {
    if let Some(stage_row) = stage_row(sheet, layout, r) {
        g.stage_rows.push(stage_row);
    }
    for (col, list) in [
        (layout.plan, &mut g.plan),
        (layout.actual, &mut g.actual),
        (layout.division, &mut g.division),
        (layout.first_half, &mut g.first_half),
    ] {
        if let Some(col) = col {
            let text = sheet.text(r, col);
            if !text.is_empty() {
                list.push(text.to_string());
            }
        }
    }
    for &(c, t) in texts {
        let own_cell = (c == layout.number || c == layout.title) && r == g.first_row;
        let repeated = (c == layout.number && t == g.number) || (c == layout.title && t == g.title);
        let placed =
            own_cell || repeated || (layout.is_known(c) && c != layout.number && c != layout.title);
        if !placed {
            outside.push((r, c, t.to_string()));
        }
    }
}

/// The gathered rows read by the text table's reader; the texts outside the layout kept in
/// the unread list, each with a warning.
fn read_gathered(
    sheet: &Sheet,
    out: &[Gathered],
    outside: Vec<(usize, usize, String)>,
) -> Result<(Report, Vec<Warning>), ImportError> {
    let rows: Vec<Row> = out
        .iter()
        .map(|g| Row {
            line: g.line,
            fields: g.fields.iter().map(String::as_str).collect(),
            sheet: Some(SheetRow {
                stage: g.stage.clone(),
                columns: g.columns.clone(),
            }),
        })
        .collect();
    let (mut report, mut warnings) = table::read_sheet(&sheet.name, rows)?;
    for (r, c, text) in outside {
        push_warning(
            &mut warnings,
            Warning::new(
                Location::cell(&sheet.name, r + 1, c + 1, None),
                WarningKind::CellOutsideLayout { text: text.clone() },
            ),
        );
        report.unread.push(UnreadText { row: r + 1, text });
    }
    Ok((report, warnings))
}

/// The header as the reader takes it: the headings of the layout's columns.
fn header_row(sheet: &Sheet, layout: &Layout, r: usize) -> Gathered {
    let cols = [
        Some(layout.number),
        Some(layout.title),
        layout.plan,
        layout.actual,
        layout.division,
        layout.first_half,
    ];
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for col in cols.into_iter().flatten() {
        fields.push(sheet.text(r, col).to_string());
        columns.push(Some(col + 1));
    }
    Gathered {
        line: r + 1,
        fields,
        columns,
        stage: None,
    }
}

/// A row's 取組項目 and stage cells: a cell merged over several years, or the same label
/// written in each year's cell, is one stage over those years (a bare `→` is a stage of its
/// own each year: the seed writes `→ | →` for two years of continuing). `None` for a row with
/// neither an item nor a stage.
fn stage_row(sheet: &Sheet, layout: &Layout, r: usize) -> Option<Vec<TableCell>> {
    let item = layout.item.map_or("", |c| sheet.text(r, c)).to_string();
    let mut cells = vec![TableCell {
        text: item,
        colspan: 1,
        header: false,
    }];
    let cols: Vec<usize> = layout.years.iter().map(|(c, _)| *c).collect();
    let mut k = 0;
    while k < cols.len() {
        let col = cols[k];
        let (text, mut span) = match sheet.merge_at(r, col) {
            // A merged region: its text is its top-left cell's, in whichever of its rows; it
            // spans the year columns it covers on this row.
            Some((r0, c0, _, c1)) => {
                let covered = cols[k..].iter().take_while(|&&c| c <= c1).count();
                let text = if col == c0 {
                    sheet.text(r0, c0).to_string()
                } else {
                    String::new()
                };
                (text, covered.max(1))
            }
            None => (sheet.text(r, col).to_string(), 1),
        };
        if !text.is_empty() && text != "→" {
            while k + span < cols.len() {
                let next = cols[k + span];
                if sheet.merge_at(r, next).is_some() || sheet.text(r, next) != text {
                    break;
                }
                span += 1;
            }
        }
        cells.push(TableCell {
            text,
            colspan: span,
            header: false,
        });
        k += span;
    }
    let empty = cells.iter().all(|c| c.text.is_empty());
    (!empty).then_some(cells)
}

fn flush(group: &mut Option<Group>, layout: &Layout, out: &mut Vec<Gathered>) {
    let Some(g) = group.take() else { return };
    let stage = (!layout.years.is_empty()).then(|| {
        let header = std::iter::once(TableCell {
            text: "取組項目".to_string(),
            colspan: 1,
            header: true,
        })
        .chain(layout.years.iter().map(|(_, t)| TableCell {
            text: t.clone(),
            colspan: 1,
            header: true,
        }))
        .collect();
        Table {
            rows: std::iter::once(header).chain(g.stage_rows).collect(),
            problems: Vec::new(),
        }
    });
    let stage_col = layout.item.or(layout.years.first().map(|(c, _)| *c));
    out.push(Gathered {
        line: g.first_row + 1,
        fields: vec![
            g.number,
            g.title,
            String::new(),
            g.plan.join("\n"),
            g.actual.join("\n"),
            g.division.join("\n"),
            g.first_half.join("\n"),
        ],
        columns: [
            Some(layout.number),
            Some(layout.title),
            stage_col,
            layout.plan,
            layout.actual,
            layout.division,
            layout.first_half,
        ]
        .into_iter()
        .map(|c| c.map(|c| c + 1))
        .collect(),
        stage,
    });
}

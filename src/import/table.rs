//! Row by row through the published table: title, page headers (found by content), sections,
//! initiative rows with their HTML stage table, and the plain stage rows repeated under them
//! (cross-checked, never trusted over the table).

use std::collections::HashMap;

use super::cell::{self, CellItem};
use super::html;
use crate::model::diag::{ImportError, ImportErrorKind, Location, Warning, WarningKind};
use crate::model::entry_text;
use crate::model::era::{self, FiscalYear};
use crate::model::{
    ActionItem, Entry, Headings, Id, Initiative, Period, Report, Section, StageSpan, Topic,
    UnreadText, YearRange,
};

/// A row as the reader takes it: a line of the text table, or rows of a workbook sheet
/// gathered into the same fields (`workbook.rs`).
pub(super) struct Row<'a> {
    /// 1-based: the line of the text, or the sheet row the fields start on.
    pub(super) line: usize,
    pub(super) fields: Vec<&'a str>,
    pub(super) sheet: Option<SheetRow>,
}

/// What a workbook row brings besides its fields.
#[derive(Default)]
pub(super) struct SheetRow {
    /// The stage table, read from the sheet's 取組項目 and year cells (merged cells as
    /// colspans), in place of the HTML table of the text.
    pub(super) stage: Option<html::Table>,
    /// The sheet column (1-based) each field was read from, for naming the cell in a warning.
    pub(super) columns: Vec<Option<usize>>,
}

impl Row<'_> {
    fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.trim())
    }

    /// A plain field's text: in the text table, its numeric character references resolved
    /// (the report table export writes a tab, a line break or a leading space so); a
    /// workbook's cell as it is.
    fn text(&self, i: usize) -> String {
        self.plain_text(self.get(i))
    }

    fn plain_text(&self, field: &str) -> String {
        match self.sheet {
            Some(_) => field.to_string(),
            None => html::resolve(field, html::Pass::Plain).into_owned(),
        }
    }

    fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }

    fn is_header(&self) -> bool {
        is_header(&self.fields)
    }

    fn is_stage_header(&self) -> bool {
        self.fields.iter().any(|f| f.trim() == "取組項目")
    }
}

/// The header row of the published layout, found by its content: 番号 and 具体的取組.
pub(super) fn is_header<S: AsRef<str>>(fields: &[S]) -> bool {
    fields.iter().any(|f| f.as_ref().trim() == "番号")
        && fields.iter().any(|f| f.as_ref().contains("具体的取組"))
}

/// A section heading (`I 協創…`, `Ⅲ …`) written alone in a cell.
pub(super) fn is_section_text(text: &str) -> bool {
    section_of(&Row {
        line: 0,
        fields: vec![text],
        sheet: None,
    })
    .is_some()
}

fn split_rows(text: &str) -> Vec<Row<'_>> {
    let lines: Vec<&str> = if text.contains('\n') {
        text.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect()
    } else {
        text.split('\r').collect()
    };
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| Row {
            line: i + 1,
            fields: l.split('\t').collect(),
            sheet: None,
        })
        .collect()
}

/// The stage table of the initiative being read, for checking the plain rows below it.
struct PlainCheck {
    /// Body rows of the HTML table as (item name, non-empty stage labels).
    expected: Vec<(String, Vec<String>)>,
    table_line: usize,
    started: bool,
    next: usize,
}

struct Reader {
    fiscal_year: FiscalYear,
    warnings: Vec<Warning>,
    headings: Headings,
    sections: Vec<Section>,
    unread: Vec<UnreadText>,
    plan_years: Option<(YearRange, usize)>,
    plain: Option<PlainCheck>,
    /// The row of each initiative read, in order.
    initiative_lines: Vec<usize>,
    /// Reading a workbook: the sheet's name, and the sheet column of each field by row.
    sheet: Option<String>,
    columns: HashMap<usize, Vec<Option<usize>>>,
}

pub(super) fn read(text: &str) -> Result<(Report, Vec<Warning>), ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(pos) = text.find('\0') {
        let row = text[..pos].matches('\n').count() + 1;
        return Err(ImportError {
            at: Location::row(row),
            kind: ImportErrorKind::Binary,
        });
    }
    read_rows(&split_rows(text), None)
}

/// Reads rows gathered from a workbook sheet; warnings name the sheet's cells.
pub(super) fn read_sheet(sheet: &str, rows: &[Row]) -> Result<(Report, Vec<Warning>), ImportError> {
    read_rows(rows, Some(sheet))
}

fn read_rows(rows: &[Row], sheet: Option<&str>) -> Result<(Report, Vec<Warning>), ImportError> {
    let columns: HashMap<usize, Vec<Option<usize>>> = rows
        .iter()
        .filter_map(|r| Some((r.line, r.sheet.as_ref()?.columns.clone())))
        .collect();
    let place = |at: Location| match sheet {
        Some(name) => in_sheet(name, &columns, at),
        None => at,
    };
    let Some(first_header) = rows.iter().position(Row::is_header) else {
        return Err(ImportError {
            at: Location::default(),
            kind: ImportErrorKind::NoHeaderRow,
        });
    };
    // The title is the line above the header naming the year (a workbook's title block may
    // start with a 資料２ or a date), else the first line with text.
    let title_row = rows[..first_header]
        .iter()
        .find(|r| !r.is_blank() && era::find_era_year(&r.fields.join(" ")).is_some())
        .or_else(|| rows[..first_header].iter().find(|r| !r.is_blank()));
    let title = title_row.map_or(String::new(), |r| {
        r.fields
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .map(|f| r.plain_text(f))
            .collect::<Vec<_>>()
            .join(" ")
    });
    let header = &rows[first_header];
    let header_text = header.fields.join(" ");
    // A title block of several rows may name the period on another row than the title's
    // (`上半期(4月～9月)` under it).
    let block_text = rows[..first_header]
        .iter()
        .map(|r| r.fields.join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let fiscal_year = era::find_era_year(&title)
        .or_else(|| era::find_era_year(&header_text))
        .map(FiscalYear)
        .ok_or_else(|| ImportError {
            at: place(Location::row(title_row.map_or(header.line, |r| r.line))),
            kind: match era::find_unsupported_era_year(&title) {
                Some(written) => ImportErrorKind::YearNotHandled { written },
                None => ImportErrorKind::NoFiscalYear,
            },
        })?;
    let mut reader = Reader {
        fiscal_year,
        warnings: Vec::new(),
        headings: Headings::default(),
        sections: Vec::new(),
        unread: Vec::new(),
        plan_years: None,
        plain: None,
        initiative_lines: Vec::new(),
        sheet: sheet.map(str::to_string),
        columns,
    };
    if let Some(written) = era::find_unsupported_era_year(&title) {
        reader.warn(
            Location::row(title_row.map_or(header.line, |r| r.line)),
            WarningKind::TitleYearNotHandled {
                written,
                used: fiscal_year.era_form(),
            },
        );
    }
    if title_row.is_none() {
        reader.warn(Location::row(header.line), WarningKind::NoTitleLine);
    }
    for row in &rows[first_header..] {
        reader.row(row);
    }
    if reader.sections.iter().all(|s| s.initiatives.is_empty()) {
        return Err(ImportError {
            at: Location::default(),
            kind: ImportErrorKind::NoInitiative,
        });
    }
    let period = period_of(&title, &reader.headings.actual)
        .or_else(|| Period::named_in(&block_text))
        .unwrap_or(Period::FullYear);
    let plan_years = reader.plan_years.map_or_else(
        || {
            reader.warn(Location::default(), WarningKind::NoStageTable);
            YearRange {
                first: fiscal_year,
                last: fiscal_year,
            }
        },
        |(r, _)| r,
    );
    reader.keep_spans_within(plan_years);
    let mut report = Report {
        programme: programme_of(&title),
        title,
        fiscal_year,
        period,
        plan_years,
        headings: reader.headings,
        as_of: None,
        sections: reader.sections,
        unread: reader.unread,
        next_id: 1,
        history: Vec::new(),
        to_confirm: Vec::new(),
        id: Default::default(),
        response: None,
        survey: Vec::new(),
    };
    report.number_in_document_order();
    crate::model::links::propose_all(&mut report);
    report.id = crate::model::ReportId::derive(&report);
    let mut warnings = reader.warnings;
    warnings.extend(crate::model::text_place::invisible_characters(&report));
    Ok((report, warnings))
}

/// The actual column's heading says which period it reports; the title only when it does not.
fn period_of(title: &str, actual_heading: &str) -> Option<Period> {
    Period::named_in(actual_heading).or_else(|| Period::named_in(title))
}

/// A location of the rows read from a sheet, as the sheet's cell: the row is the sheet's
/// already, the field becomes the column it was read from.
fn in_sheet(sheet: &str, columns: &HashMap<usize, Vec<Option<usize>>>, at: Location) -> Location {
    let Some(row) = at.row else {
        return Location {
            sheet: Some(sheet.to_string()),
            ..at
        };
    };
    let column = at.field.and_then(|f| {
        columns
            .get(&row)
            .and_then(|c| c.get(f.checked_sub(1)?).copied().flatten())
    });
    Location {
        row: Some(row),
        field: column,
        field_name: at.field_name,
        sheet: Some(sheet.to_string()),
    }
}

fn programme_of(title: &str) -> String {
    title
        .split_once('「')
        .and_then(|(_, rest)| rest.rsplit_once('」'))
        .map_or_else(|| title.to_string(), |(name, _)| name.to_string())
}

impl Reader {
    /// A stage table with other years than the first (warned about where it is read) may hold
    /// stages outside the report's plan years, which no view or export can place: those are
    /// kept as text in the unread list, so the report keeps the model's rules.
    fn keep_spans_within(&mut self, plan: YearRange) {
        let mut outside = Vec::new();
        let initiatives = self
            .sections
            .iter_mut()
            .flat_map(|s| s.initiatives.iter_mut());
        for (initiative, &line) in initiatives.zip(&self.initiative_lines) {
            for item in &mut initiative.items {
                for lane in &mut item.lanes {
                    lane.retain(|span| {
                        let inside = plan.first <= span.first && span.last <= plan.last;
                        if !inside {
                            outside.push((line, span.source.clone()));
                        }
                        inside
                    });
                }
            }
        }
        let range = format!("{}–{}", plan.first.short_form(), plan.last.short_form());
        for (line, stage) in outside {
            self.warn(
                Location::field(line, 3, "工程"),
                WarningKind::StageOutsidePlan {
                    stage: stage.clone(),
                    range: range.clone(),
                },
            );
            self.unread.push(UnreadText {
                row: line,
                text: stage,
            });
        }
    }

    fn warn(&mut self, at: Location, kind: WarningKind) {
        let at = match &self.sheet {
            Some(sheet) => in_sheet(sheet, &self.columns, at),
            None => at,
        };
        self.warnings.push(Warning::new(at, kind));
    }

    fn row(&mut self, row: &Row) {
        if row.is_blank() {
            return;
        }
        if row.is_header() {
            self.plain = None;
            self.header(row);
        } else if let Some(number) = initiative_number(row) {
            self.plain = None;
            self.initiative(row, number);
        } else if row.is_stage_header() {
            // `取組項目 28年度 …` heads the plain copy of the stage table under an initiative,
            // or (in a shifted page header) stands alone; either way it carries nothing new.
            if let Some(p) = self.plain.as_mut().filter(|_| row.get(0) == "取組項目") {
                p.started = true;
            }
        } else if let Some((numeral, number, title)) = section_of(row) {
            self.plain = None;
            self.sections.push(Section {
                id: Id(0),
                numeral: row.plain_text(&numeral),
                number,
                title: row.plain_text(&title),
                initiatives: Vec::new(),
            });
        } else if self.plain.as_ref().is_some_and(|p| p.started) {
            self.plain_stage_row(row);
        } else {
            let text = row.fields.join("\t").trim().to_string();
            self.warn(
                Location::row(row.line),
                WarningKind::RowNotUnderstood { text: text.clone() },
            );
            self.unread.push(UnreadText {
                row: row.line,
                text,
            });
        }
    }

    fn header(&mut self, row: &Row) {
        let find = |key: &str| {
            row.fields
                .iter()
                .map(|f| f.trim())
                .find(|f| f.contains(key))
                .map_or_else(String::new, |f| row.plain_text(f))
        };
        if self.headings.plan.is_empty() {
            self.headings.plan = find("計画");
        }
        if self.headings.actual.is_empty() {
            self.headings.actual = find("実績");
        }
    }

    fn plain_stage_row(&mut self, row: &Row) {
        let Some(p) = self.plain.as_mut() else { return };
        let name = row.text(0);
        let labels: Vec<String> = row.fields[1.min(row.fields.len())..]
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .map(|f| row.plain_text(f))
            .collect();
        let index = p.next;
        p.next += 1;
        let table_line = p.table_line;
        let kind = match p.expected.get(index) {
            Some((n, l)) if *n == name && *l == labels => return,
            Some((n, l)) => WarningKind::PlainRowDiffers {
                written: format!("{}: {}", name, labels.join(" / ")),
                table_row: index + 1,
                table_line,
                expected: format!("{}: {}", n, l.join(" / ")),
            },
            None => WarningKind::PlainRowExtra {
                text: row.fields.join(" "),
                table_line,
            },
        };
        if index >= p.expected.len() {
            self.unread.push(UnreadText {
                row: row.line,
                text: row.fields.join("\t").trim().to_string(),
            });
        }
        self.warn(Location::row(row.line), kind);
    }

    fn initiative(&mut self, row: &Row, number: String) {
        if self.sections.is_empty() {
            self.warn(
                Location::row(row.line),
                WarningKind::InitiativeBeforeSection,
            );
            self.sections.push(Section {
                id: Id(0),
                numeral: String::new(),
                number: 0,
                title: String::new(),
                initiatives: Vec::new(),
            });
        }
        let (label, title) = split_circled(row.get(1));
        let (label, title) = (row.plain_text(&label), row.plain_text(&title));
        let stage_cell = row.get(2);
        let plain_cells = row.sheet.is_some();
        let table = match &row.sheet {
            Some(s) => s.stage.clone(),
            None => html::parse_table(stage_cell),
        };
        let mut items = Vec::new();
        let mut data_start = 3;
        if let Some(table) = &table {
            for problem in &table.problems {
                self.warn(Location::field(row.line, 3, "工程"), problem.clone());
            }
            let (read, expected, flat) = self.stage_table(row.line, table, plain_cells);
            items = read;
            if row.get(3) == "取組項目" {
                self.check_flattened(row, &flat);
                data_start = 3 + flat.len();
            }
            self.plain = Some(PlainCheck {
                expected,
                table_line: row.line,
                started: false,
                next: 0,
            });
        } else if !stage_cell.is_empty() {
            self.warn(
                Location::field(row.line, 3, "工程"),
                WarningKind::StageCellWithoutTable,
            );
            self.unread.push(UnreadText {
                row: row.line,
                text: stage_cell.to_string(),
            });
        }
        let field = |i: usize| row.fields.get(i).copied();
        let names = ["年次計画", "実績", "担当課"];
        let missing: Vec<(usize, String)> = names
            .iter()
            .enumerate()
            .filter(|(k, _)| field(data_start + k).is_none())
            .map(|(k, name)| (data_start + k + 1, name.to_string()))
            .collect();
        if !missing.is_empty() {
            self.warn(
                Location::row(row.line),
                WarningKind::RowCutShort {
                    fields: row.fields.len(),
                    missing,
                },
            );
        }
        for (k, extra) in row.fields.iter().enumerate().skip(data_start + 3) {
            if !extra.trim().is_empty() {
                self.warn(
                    Location::field(row.line, k + 1, "?"),
                    WarningKind::TextAfterDivision,
                );
                self.unread.push(UnreadText {
                    row: row.line,
                    text: extra.trim().to_string(),
                });
            }
        }
        let mut topics = Vec::new();
        let plan_name = "年次計画";
        let actual_name = "実績";
        for (k, name) in [(0, plan_name), (1, actual_name)] {
            let at = Location::field(row.line, data_start + k + 1, name);
            let side_topics =
                self.cell_topics(field(data_start + k).unwrap_or(""), plain_cells, &at);
            merge_topics(&mut topics, side_topics, k == 0);
        }
        let division_at = Location::field(row.line, data_start + 3, "担当課");
        let divisions = self.assign_divisions(
            field(data_start + 2).unwrap_or(""),
            plain_cells,
            &mut topics,
            &division_at,
        );
        let initiative = Initiative {
            id: Id(0),
            number,
            label,
            title,
            items,
            topics,
            divisions,
        };
        if let Some(section) = self.sections.last_mut() {
            section.initiatives.push(initiative);
            self.initiative_lines.push(row.line);
        }
    }

    /// Reads the stage table: items with their spans, the rows to check the plain copy against,
    /// and the table flattened the way the published file repeats it in the following fields.
    /// A workbook's cells (`plain`) are text as they are; the text table's cells have their
    /// character references resolved once a leading □ has been read.
    #[allow(clippy::type_complexity)]
    fn stage_table(
        &mut self,
        line: usize,
        table: &html::Table,
        plain: bool,
    ) -> (Vec<ActionItem>, Vec<(String, Vec<String>)>, Vec<String>) {
        let at = || Location::field(line, 3, "工程");
        let text = |t: &str| match plain {
            true => t.to_string(),
            false => html::resolve(t, html::Pass::Text).into_owned(),
        };
        let header_index = table.rows.iter().position(|r| {
            r.iter().any(|c| c.header) || r.first().is_some_and(|c| c.text == "取組項目")
        });
        let years: Vec<Option<FiscalYear>> = header_index
            .map(|h| {
                table.rows[h]
                    .iter()
                    .skip(1)
                    .flat_map(|c| std::iter::repeat_n(text(&c.text), c.colspan))
                    .map(|t| era::parse_short_fiscal_year(&t, self.fiscal_year))
                    .collect()
            })
            .unwrap_or_default();
        let years = self.settle_years(line, &years);
        let mut flat = Vec::new();
        let mut items: Vec<ActionItem> = Vec::new();
        let mut expected = Vec::new();
        for (r, cells) in table.rows.iter().enumerate() {
            let mut expanded = Vec::new();
            for c in cells {
                expanded.push(text(&c.text));
                expanded.extend(std::iter::repeat_n(String::new(), c.colspan - 1));
            }
            flat.push(expanded);
            if Some(r) == header_index {
                continue;
            }
            let Some((name_cell, stage_cells)) = cells.split_first() else {
                continue;
            };
            let mut lane = Vec::new();
            let mut col = 0;
            for c in stage_cells {
                let span = (col, col + c.colspan - 1);
                col += c.colspan;
                if c.text.is_empty() {
                    continue;
                }
                match (years.get(span.0), years.get(span.1)) {
                    (Some(&first), Some(&last)) => {
                        lane.push(StageSpan::new(first, last, &text(&c.text)));
                    }
                    _ => {
                        self.warn(
                            at(),
                            WarningKind::StageBeyondYears {
                                stage: text(&c.text),
                                item: text(&name_cell.text),
                            },
                        );
                        self.unread.push(UnreadText {
                            row: line,
                            text: text(&c.text),
                        });
                    }
                }
            }
            expected.push((
                text(&name_cell.text),
                stage_cells
                    .iter()
                    .map(|c| text(&c.text))
                    .filter(|t| !t.is_empty())
                    .collect(),
            ));
            let (ticked, name) = match name_cell.text.strip_prefix(['□', '☐']) {
                Some(rest) => (true, text(rest.trim())),
                None => (false, text(&name_cell.text)),
            };
            match items.last_mut() {
                // A row with no item name is a second lane of the item above (initiative 8).
                Some(last) if name.is_empty() && !ticked => last.lanes.push(lane),
                _ => items.push(ActionItem {
                    id: Id(0),
                    name,
                    ticked,
                    lanes: vec![lane],
                }),
            }
        }
        let width = flat.iter().map(Vec::len).max().unwrap_or(0);
        let flat = flat
            .into_iter()
            .flat_map(|mut r| {
                r.resize(width, String::new());
                r
            })
            .collect();
        (items, expected, flat)
    }

    /// The years of a stage table's columns; the first table sets the report's plan years and
    /// later ones are checked against it.
    fn settle_years(&mut self, line: usize, years: &[Option<FiscalYear>]) -> Vec<FiscalYear> {
        let at = Location::field(line, 3, "工程");
        let read: Vec<FiscalYear> = years.iter().flatten().copied().collect();
        let consecutive = read.windows(2).all(|w| w[1].0 == w[0].0 + 1);
        if read.len() != years.len() || !consecutive || read.is_empty() {
            self.warn(at.clone(), WarningKind::YearsNotConsecutive);
            return self
                .plan_years
                .map(|(r, _)| r.years().collect())
                .unwrap_or_else(|| vec![self.fiscal_year]);
        }
        let range = YearRange {
            first: read[0],
            last: read[read.len() - 1],
        };
        match self.plan_years {
            None => self.plan_years = Some((range, line)),
            Some((known, known_line)) if known != range => self.warn(
                at,
                WarningKind::StageYearsDiffer {
                    range: format!("{}–{}", range.first.short_form(), range.last.short_form()),
                    other_row: known_line,
                    other_range: format!(
                        "{}–{}",
                        known.first.short_form(),
                        known.last.short_form()
                    ),
                },
            ),
            _ => {}
        }
        read
    }

    fn check_flattened(&mut self, row: &Row, flat: &[String]) {
        for (k, expected) in flat.iter().enumerate() {
            let got = row.text(3 + k);
            if got != *expected {
                self.warn(
                    Location::field(row.line, 4 + k, "工程 (plain copy)"),
                    WarningKind::PlainCopyDiffers {
                        got,
                        expected: expected.clone(),
                    },
                );
                return;
            }
        }
    }

    /// A plan or actual cell as (heading, entries) groups in written order.
    fn cell_topics(
        &mut self,
        cell: &str,
        plain: bool,
        at: &Location,
    ) -> Vec<(Option<String>, Vec<Entry>)> {
        let mut groups: Vec<(Option<String>, Vec<Entry>)> = Vec::new();
        for item in items_of(cell, plain) {
            let (text, bullet) = match item {
                CellItem::Heading(h) => {
                    if groups.iter().any(|(g, _)| g.as_deref() == Some(h.as_str())) {
                        self.warn(at.clone(), WarningKind::HeadingTwice { heading: h.clone() });
                    }
                    groups.push((Some(h), Vec::new()));
                    continue;
                }
                CellItem::Bullet(t) => (t, true),
                CellItem::Text(t) => (t, false),
            };
            let mut problems = Vec::new();
            let entry = entry_text::read_entry(&text, bullet, &mut problems);
            for p in problems {
                self.warn(at.clone(), p);
            }
            if groups.is_empty() {
                groups.push((None, Vec::new()));
            }
            if let Some(g) = groups.last_mut() {
                g.1.push(entry);
            }
        }
        groups
    }

    /// `<p><topic></p> <p>division</p>` pairs: each division goes to the headings written
    /// before it; a division with no heading before it is the initiative's own.
    fn assign_divisions(
        &mut self,
        cell: &str,
        plain: bool,
        topics: &mut Vec<Topic>,
        at: &Location,
    ) -> Vec<String> {
        let mut own = Vec::new();
        let mut pending: Vec<String> = Vec::new();
        for item in items_of(cell, plain) {
            match item {
                CellItem::Heading(h) => pending.push(h),
                CellItem::Bullet(d) | CellItem::Text(d) => {
                    if pending.is_empty() {
                        own.push(d.clone());
                    }
                    for h in pending.drain(..) {
                        let topic = match topics
                            .iter_mut()
                            .position(|t| t.heading.as_deref() == Some(&h))
                        {
                            Some(i) => &mut topics[i],
                            None => {
                                self.warn(
                                    at.clone(),
                                    WarningKind::DivisionWithoutTopic { heading: h.clone() },
                                );
                                topics.push(empty_topic(Some(h.clone())));
                                topics.last_mut().expect("just pushed")
                            }
                        };
                        topic.division = Some(d.clone());
                    }
                }
            }
        }
        if !pending.is_empty() {
            self.warn(
                at.clone(),
                WarningKind::NoDivisionFollows { headings: pending },
            );
        }
        own
    }
}

/// A workbook's cells are plain text; the table's carry HTML.
fn items_of(cell: &str, plain: bool) -> Vec<CellItem> {
    if plain {
        cell::plain_cell_items(cell)
    } else {
        cell::cell_items(cell)
    }
}

fn empty_topic(heading: Option<String>) -> Topic {
    Topic {
        id: Id(0),
        heading,
        division: None,
        plan: Vec::new(),
        actual: Vec::new(),
    }
}

/// Plan and actual cells name the same topics by their headings; one topic holds both sides.
fn merge_topics(topics: &mut Vec<Topic>, groups: Vec<(Option<String>, Vec<Entry>)>, plan: bool) {
    for (heading, entries) in groups {
        let index = match topics.iter().position(|t| t.heading == heading) {
            Some(i) => i,
            None => {
                topics.push(empty_topic(heading));
                topics.len() - 1
            }
        };
        let side = if plan {
            &mut topics[index].plan
        } else {
            &mut topics[index].actual
        };
        side.extend(entries);
    }
}

fn initiative_number(row: &Row) -> Option<String> {
    let first = row.get(0);
    let is_number = !first.is_empty()
        && first
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    (is_number && !row.get(1).is_empty()).then(|| first.to_string())
}

/// `I 協創…`, `II …`, `Ⅲ …`: a Roman numeral (Latin letters or Unicode numerals), a space, a
/// title, and nothing else on the row; or `1. …` / `１．…`, a number with its point (without
/// it, `1` is an initiative's number).
fn section_of(row: &Row) -> Option<(String, u32, String)> {
    if row.fields.iter().skip(1).any(|f| !f.trim().is_empty()) {
        return None;
    }
    let text = row.get(0);
    if let Some(found) = numbered_section(text) {
        return Some(found);
    }
    let end = text
        .char_indices()
        .find(|(_, c)| roman_value(*c).is_none())
        .map_or(text.len(), |(i, _)| i);
    let numeral = &text[..end];
    let rest = &text[end..];
    let title = rest.trim_start_matches([' ', '　', '.', '．', '、']).trim();
    if numeral.is_empty() || title.is_empty() || rest.len() == title.len() {
        return None;
    }
    Some((
        numeral.to_string(),
        roman_number(numeral)?,
        title.to_string(),
    ))
}

fn numbered_section(text: &str) -> Option<(String, u32, String)> {
    let digits_end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(c)))
        .map(|(i, _)| i)?;
    let rest = &text[digits_end..];
    let point = rest.chars().next().filter(|c| matches!(c, '.' | '．'))?;
    let numeral = &text[..digits_end + point.len_utf8()];
    let title = rest[point.len_utf8()..].trim();
    let number: u32 = text[..digits_end]
        .chars()
        .map(|c| c.to_digit(10).or_else(|| Some(c as u32 - '０' as u32)))
        .try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(d?))?;
    (digits_end > 0 && !title.is_empty() && number > 0)
        .then(|| (numeral.to_string(), number, title.to_string()))
}

fn roman_value(c: char) -> Option<u32> {
    let c = match c {
        'Ⅰ'..='Ⅻ' => return Some(c as u32 - 'Ⅰ' as u32 + 1),
        'ⅰ'..='ⅻ' => return Some(c as u32 - 'ⅰ' as u32 + 1),
        'Ｉ' => 'I',
        'Ｖ' => 'V',
        'Ｘ' => 'X',
        c => c,
    };
    match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    }
}

fn roman_number(numeral: &str) -> Option<u32> {
    let values: Vec<u32> = numeral.chars().map(roman_value).collect::<Option<_>>()?;
    if numeral.chars().any(|c| ('Ⅰ'..='ⅻ').contains(&c)) {
        return (values.len() == 1).then(|| values[0]);
    }
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|n| n > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

/// `① 現場重視で…` → (`①`, `現場重視で…`).
fn split_circled(text: &str) -> (String, String) {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if is_circled(c) => (c.to_string(), chars.as_str().trim().to_string()),
        _ => (String::new(), text.to_string()),
    }
}

fn is_circled(c: char) -> bool {
    matches!(c, '①'..='⑳' | '㉑'..='㉟' | '㊱'..='㊿' | '❶'..='❿' | '⓫'..='⓴')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntryKind;

    #[test]
    fn roman_numerals_latin_and_unicode() {
        assert_eq!(roman_number("I"), Some(1));
        assert_eq!(roman_number("II"), Some(2));
        assert_eq!(roman_number("IV"), Some(4));
        assert_eq!(roman_number("Ⅲ"), Some(3));
        assert_eq!(roman_number("Ⅻ"), Some(12));
    }

    #[test]
    fn status_entries_keep_their_kind() {
        let e = entry_text::read_entry("(H28 年度達成済、継続実施)", false, &mut Vec::new());
        assert_eq!(e.kind, EntryKind::Status);
    }
}

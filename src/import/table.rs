//! Row by row through the published table: title, page headers (found by content), sections,
//! initiative rows with their HTML stage table, and the plain stage rows repeated under them
//! (cross-checked, never trusted over the table).

use std::collections::{HashMap, HashSet};

mod cell_bounds;
mod csv;
mod divisions;
mod halves;
mod numbering;
mod numbers;
mod stages;
mod title_block;
mod topics;

pub(in crate::import) use halves::is_first_half_heading;
pub(super) use numbering::is_division_heading;
pub(crate) use numbering::is_initiative_number;
use numbering::{initiative_number, section_of, split_circled};
use title_block::{TitleBlock, as_of_in, title_block};
use topics::{empty_topic, merge_topics};

use super::cell::{self, CellItem};
use super::html;
use super::warning_cap::push_warning;
use crate::model::diag::{ImportError, ImportErrorKind, Location, Warning, WarningKind};
use crate::model::entry_text;
use crate::model::era::{self, FiscalYear};
use crate::model::text::heading_text;
use crate::model::{
    Entry, Headings, Id, Initiative, Period, Report, Section, Topic, UnreadText, YearRange,
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
    pub(super) fn text(&self, i: usize) -> String {
        self.plain_text(self.get(i))
    }

    /// The row's texts as words, one space between (a title written over several cells).
    fn words(&self) -> String {
        (self.fields.iter().map(|f| f.trim()))
            .filter(|f| !f.is_empty())
            .map(|f| self.plain_text(f))
            .collect::<Vec<_>>()
            .join(" ")
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

    /// `取組項目 28年度 …` as the row's first text: an initiative row holds those words too,
    /// after its number and title, and is never passed over as a header.
    fn is_stage_header(&self) -> bool {
        self.fields
            .iter()
            .map(|f| f.trim())
            .find(|f| !f.is_empty())
            .is_some_and(|f| f == "取組項目")
    }
}

/// The header row of the published layout, found by its content: 番号 and 具体的取組.
pub(super) fn is_header<S: AsRef<str>>(fields: &[S]) -> bool {
    fields.iter().any(|f| heading_text(f.as_ref()) == "番号")
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

/// The lines of a table as rows, blank lines left out: they carry nothing, and a file of ten
/// million of them is read without a row kept for each.
fn split_rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    // LF, CRLF and a lone CR (an old Mac's) each end a line, mixed in one file too: a lone CR
    // in a file with LFs joined two rows (an export writes a CR in a text as `&#13;`).
    let lines = text
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'));
    lines
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Row {
            line: i + 1,
            fields: l
                .split('\t')
                .map(crate::model::text::formula_unguarded)
                .collect(),
            sheet: None,
        })
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
    /// Whether the title names the fiscal year (else it was read from the header row).
    title_names_year: bool,
    warnings: Vec<Warning>,
    headings: Headings,
    sections: Vec<Section>,
    unread: Vec<UnreadText>,
    plan_years: Option<(YearRange, usize)>,
    plain: Option<PlainCheck>,
    /// The row of each initiative read, in order.
    initiative_lines: Vec<usize>,
    /// The entries past each cell's first the rows read so far may hold, at most
    /// ([`cell_bounds::lines_at_most`]).
    lines_seen: usize,
    /// Reading a workbook: the sheet's name, and the sheet column of each field by row.
    sheet: Option<String>,
    columns: HashMap<usize, Vec<Option<usize>>>,
    /// A text table's number columns (a workbook's are read by `workbook.rs`).
    numbers: numbers::Numbers,
    /// The closed first half's results column, after 担当課 (`halves`).
    first_half: Option<halves::FirstHalfColumn>,
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
    match read_rows(split_rows(text), None, HashMap::new()) {
        // No header among tab-separated fields: the table may be saved as CSV.
        Err(ImportError {
            kind: ImportErrorKind::NoHeaderRow | ImportErrorKind::NoHeaderRowWithin { .. },
            ..
        }) if let Some(records) = csv::records(text) => csv::read_table(text, records),
        read => read,
    }
    .map(|(mut report, mut warnings)| {
        super::far_years::keep_unread(&mut report, &mut warnings);
        (report, warnings)
    })
}

/// Reads rows gathered from a workbook sheet; warnings name the sheet's cells.
pub(super) fn read_sheet(
    sheet: &str,
    rows: Vec<Row>,
) -> Result<(Report, Vec<Warning>), ImportError> {
    let columns: HashMap<usize, Vec<Option<usize>>> = rows
        .iter()
        .filter_map(|r| Some((r.line, r.sheet.as_ref()?.columns.clone())))
        .collect();
    read_rows(rows.into_iter(), Some(sheet), columns)
}

/// The fields a stage table's plain copy may take whatever the row holds: a table of 800
/// rows of four years; past that, no more than the row has.
const MIN_COPY_FIELDS: usize = 4_096;

/// The fields the plain copy of an initiative row's stage table may take: none when the row
/// has no copy; no more than the row's fields after the table, but a row cut short (its copy
/// and what follows missing) still counts the copy as the table has it, to name the fields
/// missing after it.
fn copy_fields(row: &Row) -> usize {
    match row.get(3) == "取組項目" {
        true => row.fields.len().saturating_sub(3).max(MIN_COPY_FIELDS),
        false => 0,
    }
}

/// Reads the rows in one pass: the rows above the header give the title and the title block's
/// text (nothing else of them is kept), each row from the header on is read as it comes.
fn read_rows<'a>(
    mut rows: impl Iterator<Item = Row<'a>>,
    sheet: Option<&str>,
    columns: HashMap<usize, Vec<Option<usize>>>,
) -> Result<(Report, Vec<Warning>), ImportError> {
    let place = |at: Location| match sheet {
        Some(name) => in_sheet(name, &columns, at),
        None => at,
    };
    let TitleBlock {
        header,
        title_row,
        text: block_text,
        period: period_line,
        numbers,
        above,
        loose,
        as_of_rows,
    } = title_block(&mut rows)?;
    let title = title_row.as_ref().map_or(String::new(), Row::words);
    let header_text = header.fields.join(" ");
    // A title naming no year: the year the rows above the header name (a period line under
    // the title), else the header's.
    let fiscal_year = era::find_era_year(&title)
        .or_else(|| period_line.as_deref().and_then(era::find_era_year))
        .or_else(|| era::find_era_year(&block_text))
        .or_else(|| era::find_era_year(&header_text))
        .map(FiscalYear)
        .ok_or_else(|| ImportError {
            at: place(Location::row(
                title_row.as_ref().map_or(header.line, |r| r.line),
            )),
            kind: match era::find_unsupported_era_year(&title) {
                Some(written) => ImportErrorKind::YearNotHandled { written },
                None => ImportErrorKind::NoFiscalYear,
            },
        })?;
    let mut reader = Reader {
        fiscal_year,
        title_names_year: era::find_era_year(&title).is_some(),
        warnings: Vec::new(),
        headings: Headings::default(),
        sections: Vec::new(),
        unread: Vec::new(),
        plan_years: None,
        plain: None,
        initiative_lines: Vec::new(),
        lines_seen: 0,
        sheet: sheet.map(str::to_string),
        columns,
        numbers,
        first_half: None,
    };
    if let Some(written) = era::find_unsupported_era_year(&title) {
        reader.warn(
            Location::row(title_row.as_ref().map_or(header.line, |r| r.line)),
            WarningKind::TitleYearNotHandled {
                written,
                used: fiscal_year.era_form(),
            },
        );
    }
    // A date other than the period's end, as the exported workbook and table write it: the
    // row it is read from (a kept one is said so, not as unread).
    let as_of =
        (as_of_rows.iter()).find_map(|(line, text)| Some((*line, as_of_in(text, fiscal_year)?)));
    reader.keep_above_header((above, loose), as_of);
    if title_row.is_none() {
        reader.warn(Location::row(header.line), WarningKind::NoTitleLine);
    }
    reader.row(&header);
    for row in rows {
        reader.room_for(&row)?;
        reader.row(&row);
        reader.within_bounds(&row)?;
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
    let programme = programme_of(&title);
    let mut report = Report::new(title, programme, fiscal_year, period, plan_years);
    report.as_of =
        (as_of.map(|(_, a)| a)).filter(|&a| a != crate::model::AsOf::end_of(period, fiscal_year));
    report.headings = reader.headings;
    report.sections = reader.sections;
    report.unread = reader.unread;
    halves::number_and_record(&mut report, reader.first_half.take());
    for warning in report.first_half_results_as_earlier() {
        push_warning(&mut reader.warnings, warning);
    }
    // After numbering: an indicator on a topic names it by id.
    if sheet.is_none() {
        reader.numbers.read(&mut report, &mut reader.warnings);
    }
    crate::model::links::propose_all(&mut report);
    report.id = crate::model::ReportId::derive(&report);
    let mut warnings = reader.warnings;
    for warning in crate::model::check::invisible_characters(&report) {
        push_warning(&mut warnings, warning);
    }
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
            sheet: Some(crate::model::diag::sheet_name(sheet)),
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
        sheet: Some(crate::model::diag::sheet_name(sheet)),
        entry: at.entry,
        measure: at.measure,
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
        push_warning(&mut self.warnings, Warning::new(at, kind));
    }

    fn row(&mut self, row: &Row) {
        let bounded;
        let row = match cell_bounds::bounded(row) {
            Some((kept, over)) => {
                for o in over {
                    let names = ["番号", "取組", "工程", "年次計画", "実績", "担当課"];
                    let name = names.get(o.field).unwrap_or(&"");
                    let at = Location::field(row.line, o.field + 1, name);
                    self.warn(at, WarningKind::CellTooManyTags { tags: o.tags });
                    let text = o.text.to_string();
                    self.unread.push(UnreadText {
                        row: row.line,
                        text,
                    });
                }
                bounded = kept;
                &bounded
            }
            None => row,
        };
        if row.is_blank() {
            return;
        }
        if row.is_header() {
            self.plain = None;
            self.header(row);
            if self.sheet.is_none() {
                self.numbers.header(row);
            }
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
        } else if let Some(division) = self.numbers.further_row(row) {
            // An initiative's further indicator: read with the numbers; a note beside it
            // (備考) kept unread as on the initiative's own row.
            self.keep_fields_after_division(row, division);
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

    /// The 年次計画 and 実績 headings: found before 担当課, where initiative rows hold them,
    /// else in any field but a numbers heading (計画額 or 29年度実績値 is not one). A field that
    /// names neither is not taken for them by its place: a fuzzed header's 取組項目 or stray
    /// markup there made the exported table unreadable.
    fn header(&mut self, row: &Row) {
        let find = |key: &str, place: usize| {
            let fields = || row.fields.iter().map(|f| heading_text(f));
            fields()
                .take(place + 1)
                .find(|f| f.contains(key))
                .or_else(|| {
                    fields().find(|f| f.contains(key) && !super::measures::is_measure_heading(f))
                })
                .map_or_else(String::new, |f| row.plain_text(f))
        };
        if self.headings.plan.is_empty() {
            // The exported table finds its year in the title or this heading: a heading of
            // another year, or of none when the title has none, would make it read as another
            // year's table or as none.
            let plan = find("計画", 3);
            let names_the_year = match era::find_era_year(&plan) {
                Some(year) => year == self.fiscal_year.0,
                None => self.title_names_year,
            };
            if plan.is_empty() || names_the_year {
                self.headings.plan = plan;
            } else {
                self.warn(
                    Location::row(row.line),
                    WarningKind::PlanHeadingNotOfYear {
                        heading: plan.clone(),
                        used: self.fiscal_year.era_form(),
                    },
                );
                self.unread.push(UnreadText {
                    row: row.line,
                    text: plan,
                });
            }
        }
        if self.headings.actual.is_empty() {
            self.headings.actual = find("実績", 4);
        }
        if self.first_half.is_none() {
            self.first_half = halves::column(row, &self.headings.actual);
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
        // The table is used; the row is kept as written all the same.
        self.unread.push(UnreadText {
            row: row.line,
            text: row.fields.join("\t").trim().to_string(),
        });
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
            let (read, expected, flat) =
                self.stage_table(row.line, table, plain_cells, copy_fields(row));
            items = read;
            if row.get(3) == "取組項目" {
                let flat = self.copy_as_repeated(row, flat, table.rows.len());
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
        if let Some(after) = row.fields.get(data_start + 3..) {
            self.numbers
                .initiative(row.line, &number, after, data_start + 4);
        }
        self.keep_fields_after_division(row, data_start + 2);
        let mut topics = Vec::new();
        let plan_name = "年次計画";
        let actual_name = "実績";
        for (k, name) in [(0, plan_name), (1, actual_name)] {
            if k == 1 {
                self.first_half_results(row, data_start + 2, plain_cells, &mut topics);
            }
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
            measures: None,
        };
        if let Some(section) = self.sections.last_mut() {
            section.initiatives.push(initiative);
            self.initiative_lines.push(row.line);
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
        let mut seen: HashSet<String> = HashSet::new();
        // 見え消し: struck text is read as written, and said.
        for text in html::struck_texts(cell).into_iter().filter(|_| !plain) {
            self.warn(at.clone(), WarningKind::StruckThrough { text });
        }
        for item in items_of(cell, plain) {
            let (text, bullet) = match item {
                CellItem::Heading(h) => {
                    if !seen.insert(h.clone()) {
                        self.warn(at.clone(), WarningKind::HeadingTwice { heading: h.clone() });
                    } else if html::names_formatting(&h) {
                        self.warn(
                            at.clone(),
                            WarningKind::HeadingNamesTag { heading: h.clone() },
                        );
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
        // The first topic of each heading, found by a lookup: a cell of many topics is read in
        // one pass.
        let mut by_heading: HashMap<String, usize> = HashMap::new();
        for (k, t) in topics.iter().enumerate() {
            if let Some(h) = &t.heading {
                by_heading.entry(h.clone()).or_insert(k);
            }
        }
        for item in items_of(cell, plain) {
            match item {
                CellItem::Heading(h) => pending.push(h),
                CellItem::Bullet(d) | CellItem::Text(d) => {
                    if pending.is_empty() {
                        own.push(d.clone());
                    }
                    for h in pending.drain(..) {
                        let index = match by_heading.get(&h) {
                            Some(&i) => i,
                            None => {
                                self.warn(
                                    at.clone(),
                                    WarningKind::DivisionWithoutTopic { heading: h.clone() },
                                );
                                topics.push(empty_topic(Some(h.clone())));
                                by_heading.insert(h, topics.len() - 1);
                                topics.len() - 1
                            }
                        };
                        topics[index].division = Some(d.clone());
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
        for (division, count) in divisions::once_each(&mut own) {
            self.warn(at.clone(), WarningKind::DivisionTwice { division, count });
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

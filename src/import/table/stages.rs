//! The stage table (工程) of an initiative row: its items and their stages by year, the rows
//! the plain copy below it is checked against, and the copy flattened into the row's fields.

use super::{Reader, Row};
use crate::import::html;
use crate::model::diag::{Location, WarningKind};
use crate::model::era::{self, FiscalYear};
use crate::model::{ActionItem, Id, StageSpan, UnreadText, YearRange};

impl Reader {
    /// Reads the stage table: items with their spans, the rows to check the plain copy against,
    /// and the table flattened the way the published file repeats it in the following fields
    /// (at most `copy_fields` of them: the fields the row has after the table).
    /// A workbook's cells (`plain`) are text as they are; the text table's cells have their
    /// character references resolved once a leading □ has been read.
    #[allow(clippy::type_complexity)]
    pub(super) fn stage_table(
        &mut self,
        line: usize,
        table: &html::Table,
        plain: bool,
        copy_fields: usize,
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
        // A span wider than the table's years stands for nothing more: 200,000 rows of
        // `colspan="100"` are not twenty million empty cells.
        let width = years.len().max(1);
        for (r, cells) in table.rows.iter().enumerate() {
            let mut expanded = Vec::new();
            for c in cells {
                expanded.push(text(&c.text));
                expanded.extend(std::iter::repeat_n(
                    String::new(),
                    (c.colspan - 1).min(width),
                ));
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
        // As wide as the header: a cell beyond the years is not in the copy the published
        // file repeats (it was warned about and kept above); counting it would shift the
        // plan, results and 担当課 read after the copy.
        let width = match header_index {
            Some(h) => flat[h].len(),
            None => flat.iter().map(Vec::len).max().unwrap_or(0),
        };
        // No longer than the fields the row has for the copy: forty thousand empty headings
        // over three thousand rows are not a hundred million empty cells.
        let mut copy = Vec::with_capacity(width.saturating_mul(flat.len()).min(copy_fields));
        for mut r in flat {
            let room = copy_fields - copy.len();
            if room == 0 {
                break;
            }
            r.resize(width.min(room), String::new());
            copy.extend(r);
        }
        (items, expected, copy)
    }

    /// The years of a stage table's columns; the first table sets the report's plan years and
    /// later ones are checked against it.
    pub(super) fn settle_years(
        &mut self,
        line: usize,
        years: &[Option<FiscalYear>],
    ) -> Vec<FiscalYear> {
        let at = Location::field(line, 3, "工程");
        let read: Vec<FiscalYear> = years.iter().flatten().copied().collect();
        let consecutive = read.windows(2).all(|w| w[1].0 == w[0].0 + 1);
        let too_many = read.len() > crate::model::bounds::MAX_PLAN_YEARS;
        if read.len() != years.len() || !consecutive || read.is_empty() || too_many {
            let kind = match too_many {
                true => WarningKind::TooManyPlanYears { count: read.len() },
                false => WarningKind::YearsNotConsecutive,
            };
            self.warn(at.clone(), kind);
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

    /// The flattened table as the row's plain copy repeats it: as wide as the copy's own
    /// heading (取組項目 and the years after it). A heading the table has and the copy lacks
    /// (`<th>32年度</th>` added to the table alone) would count the copy one column wider and
    /// shift the plan, results and 担当課 read after it.
    pub(super) fn copy_as_repeated(
        &self,
        row: &Row,
        flat: Vec<String>,
        rows: usize,
    ) -> Vec<String> {
        let width = flat.len() / rows.max(1);
        // A copy that repeats the table cell for cell is the copy, whatever its cells read
        // as: an item named `3年` is not a year heading the table lacks.
        if flat
            .iter()
            .enumerate()
            .all(|(k, cell)| row.text(3 + k) == *cell)
        {
            return flat;
        }
        let year =
            |k: usize| era::parse_short_fiscal_year(&row.text(k), self.fiscal_year).is_some();
        let copy_width = 1 + (4..).take_while(|&k| year(k)).count();
        if width == 0 || copy_width == width || copy_width == 1 {
            return flat;
        }
        flat.chunks(width)
            .flat_map(|r| {
                let mut r = r.to_vec();
                r.resize(copy_width, String::new());
                r
            })
            .collect()
    }

    pub(super) fn check_flattened(&mut self, row: &Row, flat: &[String]) {
        let mut warned = false;
        for (k, expected) in flat.iter().enumerate() {
            let got = row.text(3 + k);
            if got == *expected {
                continue;
            }
            if !warned {
                warned = true;
                self.warn(
                    Location::field(row.line, 4 + k, "工程 (plain copy)"),
                    WarningKind::PlainCopyDiffers {
                        got: got.clone(),
                        expected: expected.clone(),
                    },
                );
            }
            // The table is used; what the copy says instead is kept, not dropped.
            if !got.trim().is_empty() {
                self.unread.push(UnreadText {
                    row: row.line,
                    text: got,
                });
            }
        }
    }
}

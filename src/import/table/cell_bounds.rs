//! What a cell may cost to read, known before it is read. A cell holding more tags than a
//! report writes is kept as written, unread: its tags are not taken apart (each costs tens of
//! bytes: millions of bare `<td>` in one 工程 cell, 84 MB, took 2 GB to check). And the lines
//! a cell may part into are counted, for the table's bound on them.

use super::{Reader, Row, in_sheet};
use crate::model::bounds::MAX_CELL_TAGS;
use crate::model::diag::{ImportError, ImportErrorKind, Location};

/// A field holding more than [`MAX_CELL_TAGS`] tags.
pub(super) struct Overfull<'a> {
    /// 0-based.
    pub(super) field: usize,
    /// Counted up to one past the bound.
    pub(super) tags: usize,
    pub(super) text: &'a str,
}

/// The row with each [`Overfull`] field emptied, and those fields; `None` when none is. A
/// workbook's cells are no HTML and are never taken apart.
pub(super) fn bounded<'a>(row: &Row<'a>) -> Option<(Row<'a>, Vec<Overfull<'a>>)> {
    if row.sheet.is_some() {
        return None;
    }
    // A `<` starting a tag as the tokenizer has it; `<見出し>` and a lone `<` are text.
    let tags = |f: &str| {
        (f.match_indices('<'))
            .filter(|&(at, _)| crate::import::html::is_tag_start(&f[at + 1..]))
            .take(MAX_CELL_TAGS + 1)
            .count()
    };
    let over: Vec<Overfull> = (row.fields.iter().enumerate())
        .map(|(field, f)| Overfull {
            field,
            tags: tags(f),
            text: f,
        })
        .filter(|o| o.tags > MAX_CELL_TAGS)
        .collect();
    if over.is_empty() {
        return None;
    }
    let mut fields = row.fields.clone();
    for o in &over {
        fields[o.field] = "";
    }
    let kept = Row {
        line: row.line,
        fields,
        sheet: None,
    };
    Some((kept, over))
}

/// The entries a cell may part into past its first, at most: each line break, each `・` and
/// each `<…>` that opens a tag or a heading (`<hr>`, `<div>`, `<見出し>` …) may start one, but a
/// table's `<td>` and `<th>`, which part a row, not lines (a cell of `x` and a line break, 4.5
/// million times in a 24 KB workbook, made 4.5 million plan lines; `<hr>` between two million
/// entries, uncounted, took 1 GB); so may each full-width heading `＜…＞`. A line ends in its
/// month bracket as a rule, and each bracket past one may close a sub-item: where a cell has
/// more brackets than starts, they are counted instead (`研修(4月) 研修(4月) …`: 400,000
/// sub-items of one line, uncounted, made a 44 MB report that took minutes to print).
pub(super) fn lines_at_most(cell: &str) -> usize {
    let b = cell.as_bytes();
    let opening = |at: usize| {
        let tag = &b[at + 1..];
        let cell_of_row = |name: &[u8]| {
            tag.len() > name.len()
                && tag[..name.len()].eq_ignore_ascii_case(name)
                && !tag[name.len()].is_ascii_alphanumeric()
        };
        !tag.starts_with(b"/") && !cell_of_row(b"td") && !cell_of_row(b"th")
    };
    // A `<` closed by a `>` before the next `<` (a lone `<` is text): one pass.
    let (mut tags, mut from) = (0, 0);
    while let Some(at) = b[from..].iter().position(|&c| c == b'<').map(|k| from + k) {
        match b[at + 1..].iter().position(|&c| c == b'<' || c == b'>') {
            Some(k) if b[at + 1 + k] == b'>' => {
                tags += usize::from(opening(at));
                from = at + 2 + k;
            }
            Some(k) => from = at + 1 + k,
            None => break,
        }
    }
    let headings = cell.matches('＜').count();
    let starts = b.iter().filter(|&&c| c == b'\n').count() + cell.matches('・').count() + tags;
    // A line ends in its month bracket as a rule: only brackets past one a line part it more.
    let months = crate::model::entry_text::month_brackets(cell);
    starts.max(months) + headings
}

impl Reader {
    /// Before a row is read: refused when the entries it may hold, with those before it, pass
    /// [`crate::model::bounds::MAX_TABLE_LINES`] — each costs over a kilobyte read, and one
    /// cell of a 24 KB workbook held 4.5 million line breaks (8.5 GB).
    pub(super) fn room_for(&mut self, row: &Row) -> Result<(), ImportError> {
        // Not those of a cell kept unread for its tags: it parts into none (the whole table
        // was refused for a cell its reader keeps as written).
        let kept = bounded(row);
        let fields = kept.as_ref().map_or(&row.fields, |(row, _)| &row.fields);
        let lines: usize = fields.iter().map(|f| lines_at_most(f)).sum();
        self.lines_seen = self.lines_seen.saturating_add(lines);
        if self.lines_seen <= crate::model::bounds::MAX_TABLE_LINES {
            return Ok(());
        }
        Err(self.refused_at(row, ImportErrorKind::TooManyLines))
    }

    /// Refuses the table at the row that passes the most initiatives a table holds.
    pub(super) fn within_bounds(&self, row: &Row) -> Result<(), ImportError> {
        if self.initiative_lines.len() <= crate::model::bounds::MAX_INITIATIVES {
            return Ok(());
        }
        Err(self.refused_at(row, ImportErrorKind::TooManyInitiatives))
    }

    /// The table refused at `row` (named in its sheet, where it is a workbook's).
    fn refused_at(&self, row: &Row, kind: ImportErrorKind) -> ImportError {
        let at = Location::row(row.line);
        ImportError {
            at: match &self.sheet {
                Some(name) => in_sheet(name, &self.columns, at),
                None => at,
            },
            kind,
        }
    }
}

//! A cell of a report table holding more tags than a report writes is kept as written, unread:
//! its tags are not taken apart. Each tag read costs tens of bytes, so a table of millions of
//! bare `<td>` in one 工程 cell (84 MB) took 2 GB to check, well inside the bound on a file's
//! size.

use super::Row;
use crate::model::bounds::MAX_CELL_TAGS;

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

//! Plan (年次計画), actual (実績) and division (担当課) cells: `<…>` topic headings, `・` bullets,
//! splitting a cell into its items; each item's text is read by `model::entry_text`.

use super::html;

/// What a plan/actual/division cell is made of, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellItem {
    /// `<ポータルサイトの構築>`, without the brackets.
    Heading(String),
    /// Text after a `・` bullet.
    Bullet(String),
    /// Text that is neither: a status `(H28 年度達成済、継続実施)`, a division name, free text.
    Text(String),
}

/// A cell of the text table: HTML fragments, `<p>`, `<br>` and `<ul>` breaking it. Numeric
/// character references and `&amp;` are text: resolved in each item once the cell is split.
pub fn cell_items(cell: &str) -> Vec<CellItem> {
    let text = |s: &str| html::resolve(s, html::Pass::Text).into_owned();
    items_of_blocks(
        html::blocks(cell).into_iter().flatten(),
        text,
        Bullets::AfterSpace,
    )
}

/// A workbook cell: plain text with no markup (`<p>` typed in Excel is text), a line break
/// where the table has `<br>` or a new `<p>`.
pub fn plain_cell_items(cell: &str) -> Vec<CellItem> {
    // A ※ remark on a line of its own is the note of the line above (the format's `※` starts a
    // note on the bullet before it), as an answer workbook reads it: exported and read back,
    // the report's workbook made it a result of its own.
    let mut blocks: Vec<String> = Vec::new();
    for line in cell.lines() {
        match blocks.last_mut() {
            Some(last)
                if line.trim_start().starts_with('※')
                    && !last.trim().is_empty()
                    && !last.trim_end().ends_with('>') =>
            {
                last.push('\n');
                last.push_str(line);
            }
            _ => blocks.push(line.to_string()),
        }
    }
    items_of_blocks(blocks.into_iter(), str::to_string, Bullets::LineStart)
}

/// Where a `・` starts a bullet. In the published table, at the start or after white space
/// (`・総務課 ・人事課` in one paragraph); in a workbook's cell, only at the start of a line:
/// its lines are its items, and a workbook has no way to write a `・` after a space that is
/// text (the table writes `&#12539;`), so one read as a bullet would split a name or an entry.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bullets {
    AfterSpace,
    LineStart,
}

/// Splits blocks into items; `text` makes each item's text of what was written.
fn items_of_blocks(
    blocks: impl Iterator<Item = String>,
    text: impl Fn(&str) -> String,
    bullets: Bullets,
) -> Vec<CellItem> {
    let mut out = Vec::new();
    for block in blocks {
        let mut rest = block.as_str();
        // In a workbook a heading starts its line: `・連携会議 <協創> の開催` is a result. In the
        // table it starts its block or follows white space (`<構築> ・運用 <周知> ・…` is one
        // paragraph there): `メルマガ<b and c>における周知` is one result, not a heading in a word.
        let opens = |before: &str| match bullets {
            Bullets::LineStart => before.trim().is_empty(),
            Bullets::AfterSpace => before.is_empty() || before.ends_with(char::is_whitespace),
        };
        while let Some((before, heading, after)) = next_heading(rest, opens) {
            split_bullets(before, &text, bullets, &mut out);
            out.push(CellItem::Heading(text(heading)));
            rest = after;
        }
        split_bullets(rest, &text, bullets, &mut out);
    }
    out
}

/// `<…>` whose content is non-empty and not markup (the tokenizer already took the tags): the
/// first closing bracket with an opening one before it, the nearest, where `opens` allows a
/// heading after what stands before it. Each closing bracket is looked at once, so a cell of
/// ten thousand `<` is read in one pass, not one per `<`.
fn next_heading(s: &str, opens: impl Fn(&str) -> bool) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    loop {
        let close = s[from..].find(['>', '＞'])? + from;
        let close_len = s[close..].chars().next()?.len_utf8();
        if let Some(open) = s[from..close].rfind(['<', '＜']).map(|p| p + from) {
            let open_len = s[open..].chars().next()?.len_utf8();
            let body = &s[open + open_len..close];
            if !body.trim().is_empty() && opens(&s[..open]) {
                return Some((&s[..open], body.trim(), &s[close + close_len..]));
            }
        }
        from = close + close_len;
    }
}

/// A bullet is a `・` at the start or after white space; `課題・対応案` is one word.
fn split_bullets(
    text: &str,
    resolve: &impl Fn(&str) -> String,
    bullets: Bullets,
    out: &mut Vec<CellItem>,
) {
    let mut starts = Vec::new();
    match bullets {
        Bullets::AfterSpace => {
            let mut prev_space = true;
            for (i, c) in text.char_indices() {
                if c == '・' && prev_space {
                    starts.push(i);
                }
                prev_space = c.is_whitespace();
            }
        }
        Bullets::LineStart => {
            let lead = text.len() - text.trim_start().len();
            if text[lead..].starts_with('・') {
                starts.push(lead);
            }
        }
    }
    let lead_end = starts.first().copied().unwrap_or(text.len());
    let lead = text[..lead_end].trim();
    // White space written as references (`&#9;`) is white space still: no item, as a space
    // would be none, and an empty bullet.
    let lead = resolve(lead);
    if !lead.trim().is_empty() {
        out.push(CellItem::Text(lead));
    }
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let body = resolve(text[s + '・'.len_utf8()..end].trim());
        let body = if body.trim().is_empty() {
            String::new()
        } else {
            body
        };
        out.push(CellItem::Bullet(body));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_references_are_text_named_ones_stand_for_their_characters() {
        // As a word processor writes a heading: it is one.
        assert_eq!(
            cell_items("<p>&lt;見出し&gt;</p>"),
            [CellItem::Heading("見出し".into())]
        );
        // As the table export writes a text: it is that text, no heading, no bullet.
        assert_eq!(
            cell_items("<p>&#60;見出し&#62; &#12539;a&#9;b</p>"),
            [CellItem::Text("<見出し> ・a\tb".into())]
        );
        assert_eq!(
            cell_items("・a &amp;#9; b"),
            [CellItem::Bullet("a &#9; b".into())]
        );
        // White space written as references is white space: no item, an empty bullet.
        assert_eq!(
            cell_items("<p>&#9;</p>・&#32;"),
            [CellItem::Bullet(String::new())]
        );
        // A workbook's cell is text as it is.
        assert_eq!(
            plain_cell_items("&#60;a&#62;"),
            [CellItem::Text("&#60;a&#62;".into())]
        );
    }
}

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

/// A cell of the text table: HTML fragments, `<p>`, `<br>` and `<ul>` breaking it.
pub fn cell_items(cell: &str) -> Vec<CellItem> {
    items_of_blocks(html::blocks(cell).into_iter().flatten())
}

/// A workbook cell: plain text with no markup (`<p>` typed in Excel is text), a line break
/// where the table has `<br>` or a new `<p>`.
pub fn plain_cell_items(cell: &str) -> Vec<CellItem> {
    items_of_blocks(cell.lines().map(str::to_string))
}

fn items_of_blocks(blocks: impl Iterator<Item = String>) -> Vec<CellItem> {
    let mut out = Vec::new();
    for block in blocks {
        let mut rest = block.as_str();
        while let Some((before, heading, after)) = next_heading(rest) {
            split_bullets(before, &mut out);
            out.push(CellItem::Heading(heading.to_string()));
            rest = after;
        }
        split_bullets(rest, &mut out);
    }
    out
}

/// `<…>` whose content is non-empty and not markup (the tokenizer already took the tags).
fn next_heading(s: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = s[from..].find(['<', '＜']).map(|p| p + from) {
        let open_len = s[open..].chars().next()?.len_utf8();
        let body_start = open + open_len;
        if let Some(close) = s[body_start..].find(['>', '＞']).map(|p| p + body_start) {
            let body = &s[body_start..close];
            if !body.trim().is_empty() && !body.contains(['<', '＜']) {
                let close_len = s[close..].chars().next()?.len_utf8();
                return Some((&s[..open], body.trim(), &s[close + close_len..]));
            }
        }
        from = body_start;
    }
    None
}

/// A bullet is a `・` at the start or after white space; `課題・対応案` is one word.
fn split_bullets(text: &str, out: &mut Vec<CellItem>) {
    let mut starts = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if c == '・' && prev_space {
            starts.push(i);
        }
        prev_space = c.is_whitespace();
    }
    let lead_end = starts.first().copied().unwrap_or(text.len());
    let lead = text[..lead_end].trim();
    if !lead.is_empty() {
        out.push(CellItem::Text(lead.to_string()));
    }
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let body = text[s + '・'.len_utf8()..end].trim();
        out.push(CellItem::Bullet(body.to_string()));
    }
}

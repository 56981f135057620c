//! Plan (年次計画), actual (実績) and division (担当課) cells: `<…>` topic headings, `・` bullets,
//! `※` notes, sub-items each ending in its own month, counts such as `(4回・103名受講)`.

use crate::model::months::{looks_like_timing, parse_timing};
use crate::model::{Count, Entry, EntryKind, Id};

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

pub fn cell_items(cell: &str) -> Vec<CellItem> {
    let mut out = Vec::new();
    for block in html::blocks(cell).into_iter().flatten() {
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

/// Reads one entry from its text. Problems (an unreadable month expression) are returned to be
/// reported with the row and field; the text is kept as written either way.
pub fn parse_entry(text: &str, bullet: bool, problems: &mut Vec<String>) -> Entry {
    let text = text.trim();
    let (body, notes) = split_notes(text);
    let pieces = split_sub_items(body);
    let mut entry = parse_piece(pieces[0], problems);
    entry.subs = pieces[1..]
        .iter()
        .map(|p| parse_piece(p, problems))
        .collect();
    entry.bullet = bullet;
    entry.text = text.to_string();
    entry.notes = notes;
    entry
}

/// `本文 ※注記 ※注記`: a `※` at the start or after white space starts a note.
fn split_notes(text: &str) -> (&str, Vec<String>) {
    let mut marks = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if c == '※' && prev_space {
            marks.push(i);
        }
        prev_space = c.is_whitespace();
    }
    let Some(&first) = marks.first() else {
        return (text, Vec::new());
    };
    let notes = marks
        .iter()
        .enumerate()
        .map(|(k, &m)| {
            let end = marks.get(k + 1).copied().unwrap_or(text.len());
            text[m + '※'.len_utf8()..end].trim().to_string()
        })
        .collect();
    (text[..first].trim_end(), notes)
}

/// Splits `職員研修の実施 新規採用職員研修(4回・103名受講)(4月) 割愛採用職員研修(4回・33名受講)(4月)`
/// into its head and sub-items: each sub-item ends in its own month, followed by white space or
/// `、`. One piece when there is nothing to split.
fn split_sub_items(body: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for end in chunk_ends(body) {
        let piece = body[start..end].trim_matches(|c: char| c.is_whitespace() || c == '、');
        if !piece.is_empty() {
            pieces.push(piece);
        }
        start = end;
    }
    let tail = body[start..].trim_matches(|c: char| c.is_whitespace() || c == '、');
    if !tail.is_empty() {
        pieces.push(tail);
    }
    if pieces.is_empty() {
        return vec![body];
    }
    // `見出し 最初の小項目(9月)`: the head is written before the first sub-item, after a space.
    let first = pieces[0];
    let more_than_one = pieces.len() > 1;
    if let Some(split) = head_split(first)
        && (more_than_one || ends_with_timing(first))
    {
        let (head, sub) = (first[..split].trim(), first[split..].trim());
        pieces.splice(0..1, [head, sub]);
    }
    pieces
}

/// Byte offsets just after each month bracket that ends a sub-item.
fn chunk_ends(body: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    for (close, c) in body.char_indices() {
        if c != ')' && c != '）' {
            continue;
        }
        let after = close + c.len_utf8();
        let next = body[after..].chars().next();
        if !next.is_none_or(|n| n.is_whitespace() || n == '、') {
            continue;
        }
        if let Some(open) = matching_open(&body[..after])
            && looks_like_timing(&body[open..after])
        {
            ends.push(after);
        }
    }
    ends
}

/// The first white space with a non-ASCII letter on both sides, outside brackets: the break
/// between a head and its first sub-item. `平成 29 年度` (digits beside the spaces) does not
/// break.
fn head_split(piece: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut depth = 0i32;
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' | '（' | '「' => depth += 1,
            ')' | '）' | '」' => depth -= 1,
            _ if c.is_whitespace() && depth == 0 && k > 0 => {
                let prev = chars[k - 1].1;
                let next = chars.get(k + 1).map(|x| x.1);
                let wide = |c: char| !c.is_ascii() && !c.is_numeric() && !c.is_whitespace();
                if wide(prev) && next.is_some_and(wide) {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn ends_with_timing(piece: &str) -> bool {
    matching_open(piece).is_some_and(|open| looks_like_timing(&piece[open..]))
}

/// Where the bracket that closes `s` opens, counting nested brackets.
fn matching_open(s: &str) -> Option<usize> {
    let last = s.chars().last()?;
    if last != ')' && last != '）' {
        return None;
    }
    let mut depth = 0;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// One piece: label, then trailing brackets read from the end — the month expression and any
/// counts. Without a bracketed month, an era date range at the end is read instead
/// (`実施期間 平成 29 年6月1日～平成 29 年9月 29 日`).
fn parse_piece(piece: &str, problems: &mut Vec<String>) -> Entry {
    let mut entry = Entry {
        id: Id(0),
        kind: EntryKind::Activity,
        bullet: false,
        text: piece.to_string(),
        label: String::new(),
        when: None,
        timing: None,
        counts: Vec::new(),
        notes: Vec::new(),
        subs: Vec::new(),
    };
    let mut rest = piece.trim_end();
    while let Some(open) = matching_open(rest) {
        let close_len = rest.chars().last().map_or(1, char::len_utf8);
        let inner = &rest
            [open + rest[open..].chars().next().map_or(1, char::len_utf8)..rest.len() - close_len];
        if entry.when.is_none() && entry.counts.is_empty() && looks_like_timing(inner) {
            set_when(&mut entry, inner, problems);
        } else if let Some(mut counts) = parse_counts(inner) {
            counts.append(&mut entry.counts);
            entry.counts = counts;
        } else {
            break;
        }
        rest = rest[..open].trim_end();
    }
    if entry.when.is_none() {
        if let Some(at) = trailing_date_range(rest) {
            set_when(&mut entry, rest[at..].trim(), problems);
            rest = rest[..at].trim_end();
        } else if rest == piece.trim_end() && is_bracketed(rest) {
            entry.kind = EntryKind::Status;
        }
    }
    entry.label = rest.trim().to_string();
    entry
}

fn set_when(entry: &mut Entry, expression: &str, problems: &mut Vec<String>) {
    entry.when = Some(expression.to_string());
    match parse_timing(expression) {
        Ok(t) => entry.timing = Some(t),
        Err(e) => problems.push(format!("{e}; kept as written")),
    }
}

fn is_bracketed(s: &str) -> bool {
    matching_open(s) == Some(0)
}

/// `実施期間 平成 29 年6月1日～平成 29 年9月 29 日`: the earliest word start from which the rest
/// reads as a month expression.
fn trailing_date_range(s: &str) -> Option<usize> {
    if !s.contains('月') {
        return None;
    }
    let mut prev_space = false;
    for (i, c) in s.char_indices() {
        if prev_space && !c.is_whitespace() && parse_timing(&s[i..]).is_ok() {
            return Some(i);
        }
        prev_space = c.is_whitespace();
    }
    None
}

/// `4回・103名受講`, `8コース・延べ45名受講`, `2回・15名`: every part a number with a unit.
fn parse_counts(inner: &str) -> Option<Vec<Count>> {
    let normalized = crate::model::months::normalize(inner);
    let counts: Option<Vec<Count>> = normalized
        .split(['・', '、'])
        .map(|part| {
            let start = part.find(|c: char| c.is_ascii_digit())?;
            let end = part[start..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(part.len(), |e| e + start);
            let unit = &part[end..];
            let unit = ["受講", "参加", "出席", "実施"]
                .iter()
                .find_map(|s| unit.strip_suffix(s))
                .unwrap_or(unit);
            let prefix = &part[..start];
            let known_prefix = matches!(prefix, "" | "延べ" | "延" | "計" | "約" | "全");
            (known_prefix && !unit.is_empty() && unit.chars().count() <= 4).then(|| Count {
                value: part[start..end].parse().unwrap_or(u32::MAX),
                unit: unit.to_string(),
                raw: part.to_string(),
            })
        })
        .collect();
    counts.filter(|c| !c.is_empty())
}

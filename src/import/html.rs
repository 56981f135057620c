//! The HTML fragments inside report cells: a stage `<table>` with colspans, and `<p>`/`<ul>`
//! paragraphs around plan text. Small and forgiving on purpose: cells come from word processors
//! with unclosed `<ul>`s, and `<ポータルサイトの構築>` is a topic heading, not a tag (as in HTML5,
//! `<` followed by anything but an ASCII letter, `/` or `!` is text).

use crate::model::diag::WarningKind;

/// A piece of a cell: text or a tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Text(String),
    /// An opening tag: lower-case name and its `colspan`, if any.
    Open {
        name: String,
        colspan: Option<usize>,
    },
    Close(String),
}

pub fn tokenize(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = input;
    while let Some(pos) = rest.find('<') {
        text.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let starts_tag = is_tag_start(after);
        match (starts_tag, after.find('>')) {
            (true, Some(end)) => {
                if !text.is_empty() {
                    out.push(Token::Text(decode_entities(&std::mem::take(&mut text))));
                }
                if let Some(tag) = parse_tag(&after[..end]) {
                    out.push(tag);
                }
                rest = &after[end + 1..];
            }
            _ => {
                text.push('<');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Token::Text(decode_entities(&text)));
    }
    out
}

/// `p>`, `td colspan="3">`, `/ul>`, `!-- -->`: an ASCII tag name ended by white space, `/` or
/// `>`. `<MIE職員カアワードの見直し>` starts with ASCII letters but is a heading.
fn is_tag_start(after: &str) -> bool {
    if after.starts_with('!') {
        return true;
    }
    let name = after.strip_prefix('/').unwrap_or(after);
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name[end..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
}

fn parse_tag(inner: &str) -> Option<Token> {
    if inner.starts_with('!') {
        return None; // comment or doctype
    }
    if let Some(name) = inner.strip_prefix('/') {
        return Some(Token::Close(name.trim().to_ascii_lowercase()));
    }
    let inner = inner.trim_end_matches('/');
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    let colspan = attribute(&inner[name_end..], "colspan").and_then(|v| v.trim().parse().ok());
    Some(Token::Open { name, colspan })
}

fn attribute<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let at = lower.find(key)?;
    let rest = attrs[at + key.len()..].trim_start().strip_prefix('=')?;
    let rest = rest.trim_start();
    let (quote, body) = match rest.chars().next()? {
        q @ ('"' | '\'') => (Some(q), &rest[1..]),
        _ => (None, rest),
    };
    let end = match quote {
        Some(q) => body.find(q).unwrap_or(body.len()),
        None => body.find(|c: char| c.is_whitespace()).unwrap_or(body.len()),
    };
    Some(&body[..end])
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let decoded = after.find(';').filter(|&e| e <= 10).and_then(|end| {
            let name = &after[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One cell of an HTML table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCell {
    pub text: String,
    pub colspan: usize,
    pub header: bool,
}

/// A table read from a cell, with what was wrong with its markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<TableCell>>,
    /// Problems met on the way (unclosed table, text outside cells); the rows that were there
    /// are still read.
    pub problems: Vec<WarningKind>,
}

/// Reads the first `<table>` of a cell. `None` when there is no table at all.
pub fn parse_table(cell: &str) -> Option<Table> {
    let tokens = tokenize(cell);
    let start = tokens
        .iter()
        .position(|t| matches!(t, Token::Open { name, .. } if name == "table"))?;
    let mut table = Table::default();
    let mut row: Option<Vec<TableCell>> = None;
    let mut closed = false;
    for token in &tokens[start + 1..] {
        match token {
            Token::Open { name, colspan } if name == "td" || name == "th" => {
                row.get_or_insert_with(Vec::new).push(TableCell {
                    text: String::new(),
                    colspan: colspan.unwrap_or(1).clamp(1, 100),
                    header: name == "th",
                });
            }
            Token::Open { name, .. } if name == "tr" => {
                if let Some(r) = row.take() {
                    table.rows.push(r);
                }
                row = Some(Vec::new());
            }
            Token::Close(name) if name == "tr" => {
                if let Some(r) = row.take() {
                    table.rows.push(r);
                }
            }
            Token::Close(name) if name == "table" => {
                closed = true;
                break;
            }
            Token::Open { name, .. } if name == "br" => {
                if let Some(c) = row.as_mut().and_then(|r| r.last_mut()) {
                    c.text.push('\n');
                }
            }
            Token::Text(t) => match row.as_mut().and_then(|r| r.last_mut()) {
                Some(c) => c.text.push_str(t),
                None if t.trim().is_empty() => {}
                None => table.problems.push(WarningKind::TextOutsideCell {
                    text: t.trim().to_string(),
                }),
            },
            _ => {}
        }
    }
    if let Some(r) = row.take() {
        table.rows.push(r);
    }
    if !closed {
        table.problems.push(WarningKind::TableNotClosed);
    }
    for r in &mut table.rows {
        for c in r.iter_mut() {
            c.text = c.text.trim().to_string();
        }
    }
    Some(table)
}

/// The text of a cell in order, with a `None` where a block tag (`<p>`, `<ul>`, `<li>`, `<br>`,
/// …) breaks it: headings and bullets never run across such a break.
pub fn blocks(cell: &str) -> Vec<Option<String>> {
    tokenize(cell)
        .into_iter()
        .filter_map(|t| match t {
            Token::Text(s) => Some(Some(s)),
            Token::Open { name, .. } | Token::Close(name) if is_inline(&name) => None,
            _ => Some(None),
        })
        .collect()
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "span" | "b" | "strong" | "i" | "em" | "u" | "font" | "a" | "sup" | "sub" | "small"
    )
}

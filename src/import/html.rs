//! The HTML fragments inside report cells: a stage `<table>` with colspans, and `<p>`/`<ul>`
//! paragraphs around plan text. Small and forgiving on purpose: cells come from word processors
//! with unclosed `<ul>`s, and `<ポータルサイトの構築>` is a topic heading, not a tag (as in HTML5,
//! `<` followed by anything but an ASCII letter, `/` or `!` is text). What a browser does not
//! show is not read: a comment, whatever it holds, and the code of a `<style>` or `<script>`.
//!
//! Character references are read in two passes. Named ones (`&lt;`, `&nbsp;` …) stand for the
//! characters themselves, as a word processor writes them: `&lt;見出し&gt;` is a heading like
//! `<見出し>`. Numeric ones (`&#60;`, `&#9;`) and `&amp;` are text, resolved only after the cell
//! is split into headings, bullets and items: `&#60;見出し&#62;` is the text `<見出し>`, and
//! `&#12539;` a `・` that starts no bullet. That is how the report table export writes any text
//! so that it reads back as it was (`export::table`).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::diag::WarningKind;

/// A piece of a cell: text or a tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Text(String),
    /// An opening tag: lower-case name, its `colspan`, if any, and whether its style strikes
    /// its text through (`text-decoration: line-through`).
    Open {
        name: String,
        colspan: Option<usize>,
        struck: bool,
    },
    Close(String),
}

/// The text a cell strikes through (`<s>`, `<strike>`, `<del>`, or an element styled
/// `text-decoration: line-through`: a word processor's 見え消し), each struck stretch once, its
/// references resolved: read as written, to be said.
pub fn struck_texts(cell: &str) -> Vec<String> {
    // Looked for in any case (`<Del>`): the tokens' names are lower-cased.
    let opens =
        |t: &[u8]| t.len() >= 2 && t[0] == b'<' && matches!(t[1], b's' | b'S' | b'd' | b'D');
    let styled = (cell.as_bytes().windows(12)).any(|w| w.eq_ignore_ascii_case(b"line-through"));
    if !styled && !cell.as_bytes().windows(2).any(opens) {
        return Vec::new();
    }
    let strikes = |name: &str| matches!(name, "s" | "strike" | "del");
    // The elements open, each with whether it strikes: a `</span>` ends the strike only of
    // the span it closes. A closing tag is looked for among the last few opened (a cell of
    // thousands of unclosed tags is not searched through for each).
    let mut open: Vec<(String, bool)> = Vec::new();
    let (mut striking, mut text, mut out) = (0usize, String::new(), Vec::new());
    for token in tokenize(cell) {
        match token {
            Token::Open { name, struck, .. } if !VOID.contains(&name.as_str()) => {
                let strikes = struck || strikes(&name);
                striking += usize::from(strikes);
                open.push((name, strikes));
            }
            Token::Close(name) => {
                let from = open.len().saturating_sub(CLOSE_SEARCH);
                let Some(k) = open[from..].iter().rposition(|(n, _)| *n == name) else {
                    continue;
                };
                let was = striking;
                striking -= open.drain(from + k..).filter(|(_, s)| *s).count();
                if was > 0 && striking == 0 {
                    let stretch = resolve(text.trim(), Pass::Text).trim().to_string();
                    if !stretch.is_empty() {
                        out.push(stretch);
                    }
                    text.clear();
                }
            }
            Token::Text(t) if striking > 0 => text.push_str(&t),
            _ => {}
        }
    }
    // A strike left open runs to the cell's end (a word processor's paste may not close it).
    let stretch = resolve(text.trim(), Pass::Text).trim().to_string();
    if striking > 0 && !stretch.is_empty() {
        out.push(stretch);
    }
    out
}

/// Elements that are never closed: not kept open while looking for what a strike covers.
const VOID: [&str; 7] = ["br", "img", "hr", "meta", "input", "col", "wbr"];

/// How far back among the elements open a closing tag is looked for.
const CLOSE_SEARCH: usize = 64;

pub fn tokenize(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut at = 0;
    // The next `>`, found again only once passed: a cell of ten thousand `<` and no `>` is one
    // pass, not one search to its end per `<`.
    let mut gt = input.find('>');
    // Opening tags of elements that are always closed, paired with their closings at the end.
    let mut opened = Vec::new();
    let mut unclosed = [false; 3];
    while let Some(pos) = input[at..].find('<').map(|p| p + at) {
        text.push_str(&input[at..pos]);
        let after = pos + 1;
        // A comment, whatever it holds (Word's `<!--[if gte mso 9]><xml>…<![endif]-->`), and
        // the code of a `<style>` or `<script>`: not shown, so not read (their words became
        // entries, 「旧(5月) -->…」 with months of its own).
        if let Some(end) = not_shown_end(input, pos, &mut unclosed) {
            if !text.is_empty() {
                let taken = std::mem::take(&mut text);
                out.push(Token::Text(resolve(&taken, Pass::Markup).into_owned()));
            }
            at = end;
            continue;
        }
        if gt.is_some_and(|g| g < after) {
            gt = input[after..].find('>').map(|g| g + after);
        }
        // A `>` inside a quoted attribute (`title="a>b"`) does not end the tag.
        let tag_end = gt.map(|g| quoted_past(input, after, g));
        match (is_tag_start(&input[after..]), tag_end) {
            (true, Some(end)) if is_markup(&input[after..end]) => {
                if !text.is_empty() {
                    let taken = std::mem::take(&mut text);
                    out.push(Token::Text(resolve(&taken, Pass::Markup).into_owned()));
                }
                if let Some((name, bare)) = always_closed(&input[after..end]) {
                    let raw = input[pos..=end].to_string();
                    let at = out.len();
                    opened.push(Closable {
                        at,
                        name,
                        raw,
                        bare,
                    });
                }
                if let Some(tag) = parse_tag(&input[after..end]) {
                    out.push(tag);
                }
                at = end + 1;
            }
            _ => {
                text.push('<');
                at = after;
            }
        }
    }
    text.push_str(&input[at..]);
    if !text.is_empty() {
        out.push(Token::Text(resolve(&text, Pass::Markup).into_owned()));
    }
    unclosed_as_text(&mut out, opened);
    out
}

/// Where what starts at `pos` and is not shown ends: a comment (`<!-- … -->`), or a `<style>`
/// or `<script>` element to its closing tag. `None` when it is none of these, or is not
/// closed (then it is read as written).
///
/// `unclosed` remembers which of the three were found not closed after an earlier place: not
/// closed after it, none is closed after a later one, so each is looked for to the cell's end
/// once (a cell of ten thousand `<!--` is one pass, not one per `<!--`).
fn not_shown_end(input: &str, pos: usize, unclosed: &mut [bool; 3]) -> Option<usize> {
    let rest = &input[pos..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = if unclosed[0] { None } else { body.find("-->") };
        unclosed[0] = end.is_none();
        return end.map(|k| pos + 4 + k + 3);
    }
    for (k, name) in ["style", "script"].into_iter().enumerate() {
        let opens = (rest.get(1..=name.len())).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && rest[1 + name.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace());
        if opens && !unclosed[k + 1] {
            let close = format!("</{name}");
            let at = (rest.as_bytes().windows(close.len()))
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()));
            let end = at.and_then(|at| Some(at + rest[at..].find('>')?));
            unclosed[k + 1] = end.is_none();
            return end.map(|end| pos + end + 1);
        }
    }
    None
}

/// The end of a tag that runs from `after` to the `>` at `gt`, or further when a quoted
/// attribute value holds a `>` (`title="a>b"`): the `>` after its closing quote, looked for
/// within [`QUOTED_REACH`] bytes (a cell of thousands of unclosed quotes is not searched to
/// its end for each).
fn quoted_past(input: &str, after: usize, gt: usize) -> usize {
    let mut end = gt;
    let mut quote: Option<char> = None;
    let mut k = after;
    while k < input.len() && k < gt + QUOTED_REACH {
        let Some(c) = input[k..].chars().next() else {
            break;
        };
        match (quote, c) {
            (None, '"' | '\'')
                if input[after..k].ends_with('=') || input[after..k].ends_with("= ") =>
            {
                quote = Some(c)
            }
            (Some(q), c) if c == q => quote = None,
            (None, '>') => {
                end = k;
                break;
            }
            (None, '<') => return gt,
            _ => {}
        }
        k += c.len_utf8();
    }
    if quote.is_some() || k >= input.len() || k >= gt + QUOTED_REACH {
        return gt;
    }
    end
}

/// How far past a tag's first `>` a quoted attribute's close is looked for.
const QUOTED_REACH: usize = 1_024;

/// An opening tag of an element that is always closed (`<b>`, `<b style="…">`, `<EM>`), kept
/// to pair with the closing tags after it.
struct Closable {
    /// Its place among the tokens.
    at: usize,
    name: String,
    /// As written, `<B>`.
    raw: String,
    /// With no attribute: a bare `<B>` left open is a heading a division wrote, not the start of
    /// bold text (read as one, the heading went without a word). With an attribute it is a tag.
    bare: bool,
}

/// The element an opening tag's inside names, when it is one that is always closed; with
/// whether it is bare. Elements a word processor leaves open (`<p>`, `<li>`, `<ul>`) and those
/// never closed (`<br>`) are none.
fn always_closed(inner: &str) -> Option<(String, bool)> {
    const CLOSED_ALWAYS: &[&str] = &[
        "a", "abbr", "b", "big", "center", "code", "del", "em", "font", "h1", "h2", "h3", "h4",
        "h5", "h6", "i", "ins", "mark", "nobr", "s", "small", "span", "strike", "strong", "sub",
        "sup", "title", "tt", "u",
    ];
    let inner = inner.trim_end();
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    let name = inner[..end].to_ascii_lowercase();
    CLOSED_ALWAYS
        .contains(&name.as_str())
        .then_some((name, end == inner.len()))
}

/// Whether a heading's words are the name of an element that is always closed (`s`, `B`,
/// `del`): a bare one left open is read as a heading ([`unclosed_as_text`]), which it may not be.
///
/// A single capital (`<A>`, `<B>`, `<I>`) is not asked about: headings enumerated `<A> <B> <C>`
/// were said to be tags left open.
pub fn names_formatting(heading: &str) -> bool {
    let capital = heading.len() == 1 && heading.bytes().all(|b| b.is_ascii_uppercase());
    !capital && always_closed(heading).is_some_and(|(_, bare)| bare)
}

/// Each closing tag closes the nearest opening tag of its name before it, bare or not (as
/// brackets pair: a Word `<b style="…">…</b>` after a heading `<B>` closes its own); the bare
/// tags left open are put back as the text they were written as.
fn unclosed_as_text(tokens: &mut [Token], opened: Vec<Closable>) {
    // For each name, the tags (their places in `opened`) still open.
    let mut open: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut closed = vec![false; opened.len()];
    let mut next = 0;
    for (at, token) in tokens.iter().enumerate() {
        if opened.get(next).is_some_and(|o| o.at == at) {
            open.entry(opened[next].name.as_str())
                .or_default()
                .push(next);
            next += 1;
        } else if let Token::Close(name) = token
            && let Some(o) = open.get_mut(name.as_str()).and_then(Vec::pop)
        {
            closed[o] = true;
        }
    }
    for (o, closed) in opened.into_iter().zip(closed) {
        if o.bare && !closed {
            tokens[o.at] = Token::Text(o.raw);
        }
    }
}

/// `p>`, `td colspan="3">`, `/ul>`, `!-- -->`, `o:p>`: an ASCII tag name (a namespace's
/// prefix before a `:` too, as Word writes `<o:p>`) ended by white space, `/` or `>`.
/// `<MIE職員カアワードの見直し>` starts with ASCII letters but is a heading.
pub fn is_tag_start(after: &str) -> bool {
    if after.starts_with('!') {
        return true;
    }
    let name = after.strip_prefix('/').unwrap_or(after);
    let end = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
        .unwrap_or(name.len());
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name[end..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
}

/// Whether what stands between `<` and `>` is a tag's: an HTML element's name, no other `<`,
/// and attributes that are `name=value` (the value may be Japanese: `face=ＭＳ明朝`, quoted or
/// not) or one of HTML's bare ones (`nowrap`). Anything else is words a division typed, kept as
/// they are: `<I 方針の策定(10月) …</li>`, `<y かつ y>`, `a<b and c>d`, a heading `<ICT>`: read
/// as tags, every word up to the next `>` went without a word.
fn is_markup(inner: &str) -> bool {
    if inner.starts_with('!') {
        return !inner.contains('<');
    }
    if inner.contains('<') {
        return false;
    }
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    is_element(&inner[..end]) && attributes(&inner[end..])
}

/// The elements a cell's markup is made of, as word processors and spreadsheets write it:
/// HTML's, and an office program's own in a namespace (`o:p`, `st1:place`, `v:shape`), which
/// Word writes in every paragraph.
fn is_element(name: &str) -> bool {
    if let Some((prefix, local)) = name.split_once(':') {
        let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
        return word(prefix) && word(local);
    }
    const ELEMENTS: &[&str] = &[
        "a",
        "abbr",
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "html",
        "i",
        "img",
        "ins",
        "li",
        "link",
        "mark",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "s",
        "script",
        "small",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "tt",
        "u",
        "ul",
        "wbr",
    ];
    ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(name))
}

/// Whether a tag's attributes are markup: each `name=value` (spaces around `=` allowed, the
/// value quoted or up to the next space) or a bare name HTML has (`nowrap`) or an office
/// program's (`x:str`, with a colon).
fn attributes(attrs: &str) -> bool {
    const BARE: &[&str] = &[
        "checked", "compact", "disabled", "hidden", "noshade", "nowrap", "readonly", "selected",
    ];
    let mut rest = attrs.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('/') {
            rest = after.trim_start();
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..end];
        let named = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'));
        if !named {
            return false;
        }
        rest = rest[end..].trim_start();
        match rest.strip_prefix('=') {
            Some(value) => rest = after_value(value.trim_start()),
            None if name.contains(':') || BARE.iter().any(|b| b.eq_ignore_ascii_case(name)) => {}
            None => return false,
        }
        rest = rest.trim_start();
    }
    true
}

/// What follows an attribute's value: a quoted one to its closing quote, or up to a space.
fn after_value(value: &str) -> &str {
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].find(q).map_or("", |e| &value[e + 2..]),
        _ => value.find(char::is_whitespace).map_or("", |e| &value[e..]),
    }
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
    let struck = attribute(&inner[name_end..], "style")
        .is_some_and(|v| v.to_ascii_lowercase().contains("line-through"));
    Some(Token::Open {
        name,
        colspan,
        struck,
    })
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

/// Which character references a pass resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// The named references but `&amp;`: what stands for markup and white space, read before
    /// a cell is split (`&amp;` is kept so that `&amp;#60;` stays text).
    Markup,
    /// `&amp;` and the numeric references: text, read after the cell is split.
    Text,
    /// The numeric references alone: a plain field of the table (番号, 具体的取組, a section's
    /// title, the stage table's plain copies), which holds no markup.
    Plain,
}

/// The text with the references of `pass` resolved (borrowed when it has none).
pub fn resolve(s: &str, pass: Pass) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        match reference(after).filter(|(_, _, numeric)| match pass {
            Pass::Markup => !numeric && !after.starts_with("&amp;"),
            Pass::Text => *numeric || after.starts_with("&amp;"),
            Pass::Plain => *numeric,
        }) {
            Some((c, len, _)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                // Not resolved in this pass: the whole reference is kept, so a later pass
                // reads it as it was written.
                let len = reference(after).map_or(1, |(_, len, _)| len);
                out.push_str(&after[..len]);
                rest = &after[len..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference `s` starts with: its character, its length and whether it is numeric.
pub fn reference(s: &str) -> Option<(char, usize, bool)> {
    // Looked for within the reference's longest, not to the text's end: a cell of 700,000 `&`
    // and no `;` was a search to the end per `&`, minutes.
    let end = s.bytes().take(11).position(|b| b == b';')?;
    let name = &s[1..end];
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => None,
    };
    if let Some(c) = named {
        return Some((c, end + 1, false));
    }
    let number = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
    };
    Some((char::from_u32(number?)?, end + 1, true))
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

/// Reads the first `<table>` of a cell. `None` when there is no table at all. The cells' text
/// is trimmed, its numeric references and `&amp;` left for the reader to resolve
/// ([`Pass::Text`]) once it has read what the text means (a □ that ticks an item).
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
            Token::Open { name, colspan, .. } if name == "td" || name == "th" => {
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
/// …) breaks it: headings and bullets never run across such a break. Text on either side of an
/// inline tag (`<font>`, `<b>` …) is one run: split there, `・<font …>周知(6月)</font>` was an
/// empty result and the words another.
pub fn blocks(cell: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let mut run: Option<String> = None;
    for t in tokenize(cell) {
        match t {
            Token::Text(s) => run.get_or_insert_with(String::new).push_str(&s),
            Token::Open { name, .. } | Token::Close(name) if is_inline(&name) => {}
            _ => {
                out.extend(run.take().map(Some));
                out.push(None);
            }
        }
    }
    out.extend(run.map(Some));
    out
}

/// Tags around words or within a line, not between blocks, as a browser lays them out: an
/// office program's own (`<st1:place>三重</…>`) among them. A struck (`<del>`), marked or
/// unbreakable stretch, or a `<wbr>`, split the line it stood in, the first parts without the
/// line's months.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "span"
            | "b"
            | "strong"
            | "i"
            | "em"
            | "u"
            | "font"
            | "a"
            | "sup"
            | "sub"
            | "small"
            | "big"
            | "tt"
            | "s"
            | "strike"
            | "del"
            | "ins"
            | "mark"
            | "code"
            | "abbr"
            | "nobr"
            | "wbr"
            | "img"
    ) || name.contains(':')
}

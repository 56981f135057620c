//! An entry's text as written is the truth: this module reads it (label, months, counts,
//! notes, sub-items) and writes it back when one of those parts changes. Changing the months or
//! 予定 rewrites only the month bracket (or adds one after the label); changing the counts
//! composes the text again from its parts; changing the text reads everything again.

use super::diag::WarningKind;
use super::months::{Timing, looks_like_timing, parse_timing};
use super::text::normalize;
use super::{Count, Entry, EntryKind, Id, Report, ThinVec};

/// A new entry read from what the user typed (`研修の実施(6月)`); problems name what could not
/// be read (the text is kept either way).
pub fn new_entry(report: &mut Report, text: &str) -> (Entry, Vec<WarningKind>) {
    let mut problems = Vec::new();
    let text = text.trim();
    // Typed entries are bullets like the rest of a cell, whether or not the ・ was typed.
    let body = text.strip_prefix('・').unwrap_or(text);
    let mut entry = read_entry(body, true, &mut problems);
    report.give_new_ids(&mut entry);
    (entry, problems)
}

/// The entry with new text, read again; it keeps its id and the plan entries it reports, and
/// its sub-items keep theirs by position.
pub fn with_text(report: &mut Report, old: &Entry, text: &str) -> (Entry, Vec<WarningKind>) {
    let mut problems = Vec::new();
    let text = text.trim();
    let body = text.strip_prefix('・').unwrap_or(text);
    let mut entry = read_entry(body, old.bullet, &mut problems);
    entry.id = old.id;
    entry.reports = old.reports.clone();
    for (k, sub) in entry.subs.iter_mut().enumerate() {
        match old.subs.get(k) {
            Some(o) => {
                sub.id = o.id;
                sub.reports = o.reports.clone();
            }
            None => report.give_new_ids(sub),
        }
    }
    (entry, problems)
}

/// The entry with new months (`None` removes them); the month expression in its text is
/// rewritten in place, or added after the label.
pub fn with_timing(old: &Entry, timing: Option<Timing>) -> Entry {
    let new_when = timing.as_ref().map(Timing::to_japanese);
    let text = rewrite_when(old, new_when.as_deref());
    Entry {
        text,
        when: new_when,
        timing,
        kind: EntryKind::Activity,
        ..old.clone()
    }
}

fn rewrite_when(old: &Entry, new: Option<&str>) -> String {
    let text = &old.text;
    if let Some(w) = &old.when {
        for (open, close) in [("(", ")"), ("（", "）")] {
            let written = format!("{open}{w}{close}");
            if let Some(pos) = text.rfind(&written) {
                let replacement = new.map_or(String::new(), |n| format!("{open}{n}{close}"));
                return format!(
                    "{}{replacement}{}",
                    &text[..pos],
                    &text[pos + written.len()..]
                );
            }
        }
        // Written without brackets (an era date range at the end).
        if let Some(pos) = text.rfind(w.as_str()) {
            let replacement = new.map_or(String::new(), |n| format!("({n})"));
            return format!(
                "{}{replacement}{}",
                text[..pos].trim_end(),
                &text[pos + w.len()..]
            );
        }
    }
    let Some(new) = new else {
        return text.clone();
    };
    // No month written yet: after the label and its counts, before notes and sub-items.
    let counts: String = counts_text(&old.counts);
    let head = format!("{}{counts}", old.label);
    match text.strip_prefix(&head) {
        Some(rest) => format!("{head}({new}){rest}"),
        None => format!("{}({new})", text.trim_end()),
    }
}

fn counts_text(counts: &[Count]) -> String {
    if counts.is_empty() {
        String::new()
    } else {
        format!(
            "({})",
            counts
                .iter()
                .map(|c| c.raw.as_str())
                .collect::<Vec<_>>()
                .join("・")
        )
    }
}

/// The text an entry would be written as, from its parts.
pub fn compose_text(entry: &Entry) -> String {
    let mut text = format!("{}{}", entry.label, counts_text(&entry.counts));
    if let Some(w) = &entry.when {
        text.push_str(&format!("({w})"));
    }
    for note in &entry.notes {
        text.push_str(&format!(" ※{note}"));
    }
    for sub in &entry.subs {
        text.push(' ');
        text.push_str(&sub.text);
    }
    text
}

pub fn with_counts(old: &Entry, counts: Vec<Count>) -> Entry {
    let mut entry = Entry {
        counts: counts.into(),
        ..old.clone()
    };
    entry.text = compose_text(&entry);
    entry
}

/// Marks the entry 予定 or not; an entry without months has nothing to schedule.
pub fn with_scheduled(old: &Entry, scheduled: bool) -> Entry {
    match &old.timing {
        Some(t) if t.scheduled != scheduled => with_timing(
            old,
            Some(Timing {
                scheduled,
                ..t.clone()
            }),
        ),
        _ => old.clone(),
    }
}

/// Reads one entry from its text. Problems (an unreadable month expression) are returned to be
/// reported with the row and field; the text is kept as written either way.
pub fn read_entry(text: &str, bullet: bool, problems: &mut Vec<WarningKind>) -> Entry {
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
    entry.notes = notes.into();
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
fn parse_piece(piece: &str, problems: &mut Vec<WarningKind>) -> Entry {
    let mut entry = Entry {
        id: Id(0),
        kind: EntryKind::Activity,
        bullet: false,
        text: piece.to_string(),
        label: String::new(),
        when: None,
        timing: None,
        counts: ThinVec::new(),
        notes: ThinVec::new(),
        subs: ThinVec::new(),
        reports: ThinVec::new(),
    };
    let mut rest = piece.trim_end();
    while let Some(open) = matching_open(rest) {
        let close_len = rest.chars().last().map_or(1, char::len_utf8);
        let inner = &rest
            [open + rest[open..].chars().next().map_or(1, char::len_utf8)..rest.len() - close_len];
        if entry.when.is_none() && entry.counts.is_empty() && looks_like_timing(inner) {
            set_when(&mut entry, inner, problems);
        } else if let Some(mut counts) = parse_counts(inner) {
            counts.extend(std::mem::take(&mut entry.counts));
            entry.counts = counts.into();
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

fn set_when(entry: &mut Entry, expression: &str, problems: &mut Vec<WarningKind>) {
    entry.when = Some(expression.to_string());
    match parse_timing(expression) {
        Ok(t) => entry.timing = Some(t),
        Err(e) => problems.push(WarningKind::UnreadableMonths {
            expression: e.expression,
            reason: e.reason,
        }),
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
    let normalized = normalize(inner);
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

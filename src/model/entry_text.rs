//! An entry's text as written is the truth: this module reads it (label, months, counts,
//! notes, sub-items) and writes it back when one of those parts changes. Changing the months or
//! 予定 rewrites only the month bracket (or adds one after the label); changing the counts
//! composes the text again from its parts; changing the text reads everything again.

use std::collections::HashMap;

use super::diag::WarningKind;
use super::months::{MAX_TIMING_BYTES, Timing, looks_like_timing, parse_timing};
use super::text::normalize;
use brackets::matching_open;
pub(crate) use brackets::{bracket_groups, inside, square_groups};

mod brackets;
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

/// The brackets a month expression may stand in, round first.
const BRACKETS: [(&str, &str); 5] = [
    ("(", ")"),
    ("（", "）"),
    ("[", "]"),
    ("［", "］"),
    ("【", "】"),
];

fn rewrite_when(old: &Entry, new: Option<&str>) -> String {
    let text = &old.text;
    if let Some(w) = &old.when {
        // `(9月)(予定)` goes as one: the new expression says 予定 itself when it is.
        let written_forms = BRACKETS.iter().flat_map(|&(open, close)| {
            ["(予定)", "（予定）", ""]
                .map(move |after| (open, close, format!("{open}{w}{close}{after}")))
        });
        for (open, close, written) in written_forms {
            if let Some(pos) = text.rfind(&written) {
                let replacement = new.map_or(String::new(), |n| format!("{open}{n}{close}"));
                return format!(
                    "{}{replacement}{}",
                    &text[..pos],
                    &text[pos + written.len()..]
                );
            }
        }
        // Inside a bracket beside a note (`（6月～、延べ3件）`): only the expression changes.
        if let Some(pos) = text.rfind(w.as_str())
            && bracket_groups(text)
                .iter()
                .any(|&(open, end)| open < pos && pos + w.len() < end)
        {
            let (mut from, mut to) = (pos, pos + w.len());
            if new.is_none() {
                // The separator that went with it goes too: `6月～、延べ3件` → `延べ3件`.
                let sep = |c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '､');
                match text[to..].chars().next() {
                    Some(c) if sep(c) => to += c.len_utf8(),
                    _ => {
                        if let Some(c) = text[..from].chars().next_back().filter(|&c| sep(c)) {
                            from -= c.len_utf8();
                        }
                    }
                }
            }
            return format!(
                "{}{}{}",
                &text[..from],
                new.unwrap_or_default(),
                &text[to..]
            );
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

/// The month brackets (`月)`, `月）`) of a text: past one, each may end a sub-item when the text
/// is read — what the readers' bounds count a text may part into before it is read.
pub fn month_brackets(text: &str) -> usize {
    text.matches("月)").count() + text.matches("月）").count()
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
    // `倫理研修の実施 ※管理職対象(9月)`: the month bracket closing the last note is the
    // entry's when its own words have none (its months came back empty, said as none written).
    if entry.when.is_none()
        && entry.subs.is_empty()
        && let Some(last) = notes.last()
    {
        let read = parse_piece(last, &mut Vec::new());
        // Only a bracket that ends the remark: 「※(10月)に再実施予定」 tells of another time.
        let closes = (last.trim_end().strip_suffix([')', '）']))
            .is_some_and(|rest| read.when.as_deref().is_some_and(|w| rest.ends_with(w)));
        if read.timing.is_some() && closes {
            (entry.when, entry.timing) = (read.when, read.timing);
        }
    }
    entry.bullet = bullet;
    entry.text = text.to_string();
    entry.notes = notes.into();
    entry
}

/// `本文 ※注記 ※注記`: a `※` at the start or after white space, outside brackets, starts a
/// note (one inside a bracket, `(7月 ※回答率8割)`, is part of that bracket).
pub(super) fn split_notes(text: &str) -> (&str, Vec<String>) {
    let mut marks = Vec::new();
    let mut prev_space = true;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '※' if prev_space && depth == 0 => marks.push(i),
            _ => {}
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
    // `(6月～)、延べ3件`: counts after a `、` are a note of the piece before (they were made a
    // sub-item with no month, a row of their own everywhere). Words are a sub-item still
    // (`新人研修(4月)、管理者研修`: an activity whose month is not written).
    let note_of_last = body[start..].trim_start().starts_with('、') && parse_counts(tail).is_some();
    // `研修資料の改訂（６月）　全庁へ周知`: words after the months of an entry with no sub-items
    // are its note (they were made a sub-item with no month, said as one that lost its month).
    let note_of_entry = pieces.len() == 1 && head_split(pieces[0], false).is_none();
    let note_of_last = note_of_last || note_of_entry;
    match pieces.last_mut() {
        Some(last) if !tail.is_empty() && note_of_last => {
            let from = last.as_ptr() as usize - body.as_ptr() as usize;
            let to = tail.as_ptr() as usize - body.as_ptr() as usize + tail.len();
            *last = &body[from..to];
        }
        _ if !tail.is_empty() => pieces.push(tail),
        _ => {}
    }
    if pieces.is_empty() {
        return vec![body];
    }
    // `見出し 最初の小項目(9月)`: the head is written before the first sub-item, after a space.
    let first = pieces[0];
    let more_than_one = pieces.len() > 1;
    // A marker heads sub-items (`【研修】 新規採用職員研修(4月) 割愛採用職員研修(4月)`), but not the
    // one activity it numbers (`（２）　周知の実施(8月)`).
    if let Some(split) = head_split(first, more_than_one)
        && (more_than_one || ends_with_timing(first))
    {
        let (head, sub) = (first[..split].trim(), first[split..].trim());
        pieces.splice(0..1, [head, sub]);
    }
    pieces
}

/// Byte offsets just after each month bracket that ends a sub-item, with any brackets written
/// right after it (`…周知(6月)（参加職員312名） 次の小項目(7月)`): the chunk ends at white space,
/// `、` or the end.
fn chunk_ends(body: &str) -> Vec<usize> {
    let groups = bracket_groups(body);
    // A square bracket written right after the months is theirs too (`方針案の検討(9月)【10月決定
    // 予定】`): the line was read as one entry, its sub-item listed as removed.
    let squares: HashMap<usize, usize> = square_groups(body).into_iter().collect();
    let mut ends = Vec::new();
    let mut run_has_months = false;
    for (k, &g) in groups.iter().enumerate() {
        let joined = k > 0 && groups[k - 1].1 == g.0;
        run_has_months = (joined && run_has_months) || looks_like_timing(inside(body, g));
        let mut end = g.1;
        while let Some(&after) = squares.get(&end) {
            end = after;
        }
        let next = body[end..].chars().next();
        if run_has_months && next.is_none_or(|n| parts(n) || n == '、') {
            ends.push(end);
        }
    }
    ends
}

/// The first white space with a non-ASCII letter on both sides, outside brackets: the break
/// between a head and its first sub-item. `平成 29 年度` (digits beside the spaces) does not
/// break. Words before it that mark an item (`（２）`, [`is_item_marker`]) are part of the head
/// when another break follows (`（２）　周知の実施 職員向け(8月)`); with none, they head the
/// sub-items only when `markers_head` (several follow: `【研修】 新規採用職員研修(4月) 割愛…(4月)`),
/// and else number the one activity (`（２）　周知の実施(8月)`: no break).
fn head_split(piece: &str, markers_head: bool) -> Option<usize> {
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut depth = 0i32;
    let mut marker = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            // A space inside a square bracket (`【全庁 周知済】`) is the note's, no break.
            '(' | '（' | '「' | '【' | '［' | '[' => depth += 1,
            ')' | '）' | '」' | '】' | '］' | ']' => depth -= 1,
            _ if parts(c) && depth == 0 && k > 0 => {
                let prev = chars[k - 1].1;
                let next = chars.get(k + 1).map(|x| x.1);
                let wide = |c: char| !c.is_ascii() && !c.is_numeric() && !c.is_whitespace();
                if !(wide(prev) && next.is_some_and(wide)) {
                    continue;
                }
                if marker.is_none() && is_item_marker(piece[..i].trim()) {
                    marker = Some(i);
                    continue;
                }
                return Some(i);
            }
            _ => {}
        }
    }
    marker.filter(|_| markers_head)
}

/// Words before a space that mark an item rather than head a group of sub-items: `（２）`,
/// `【済】`, `◎`, `ア`, `①`, `第1回` — a division numbering its lines (「（２）　周知の実施(8月)」
/// was a result of the marker alone, its words a sub-item under it).
fn is_item_marker(head: &str) -> bool {
    let chars: Vec<char> = head.chars().collect();
    let numeral = |c: &char| c.is_numeric() || "一二三四五六七八九十".contains(*c);
    let pairs = [
        "（）", "()", "【】", "［］", "[]", "〔〕", "〈〉", "《》", "〘〙",
    ];
    let bracketed =
        |open: char, close: char| (pairs.iter()).any(|p| p.starts_with(open) && p.ends_with(close));
    match chars.as_slice() {
        [_] => true,
        [open, inner @ .., close] if inner.len() <= 3 && bracketed(*open, *close) => true,
        ['第', rest @ ..] => {
            let digits = rest.iter().take_while(|c| numeral(c)).count();
            digits > 0
                && (digits == rest.len()
                    || (digits + 1 == rest.len() && "回号期次章節".contains(rest[digits])))
        }
        _ => false,
    }
}

/// White space that parts a result into its head and sub-items: a space as typed (half- or
/// full-width), never a character that does not show (a pasted TAB, U+2028): kept as written
/// inside its words, it is shown by its mark there — as a break it showed nowhere.
fn parts(c: char) -> bool {
    c.is_whitespace() && !super::text::is_invisible(c)
}

fn ends_with_timing(piece: &str) -> bool {
    // A square bracket after the months (`(9月)【10月決定予定】`) is theirs (see `chunk_ends`).
    let mut piece = piece;
    while let Some(&(open, _)) = square_groups(piece).last().filter(|g| g.1 == piece.len()) {
        piece = &piece[..open];
    }
    matching_open(piece).is_some_and(|open| looks_like_timing(&piece[open..]))
}

/// One piece: the month bracket wherever it stands — the last bracket that reads as a month
/// expression — with the counts beside it; the text before it is the label, and brackets after
/// it (`（参加職員312名）`, `（全庁に通知）`) are notes, kept in the text as written. Without a
/// month bracket, counts are read from the trailing brackets and an era date range at the end
/// (`実施期間 平成 29 年6月1日～平成 29 年9月 29 日`) is taken as the months.
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
    let piece = piece.trim_end();
    let mut groups = bracket_groups(piece);
    let mut month_group = month_bracket(piece, &groups);
    if month_group.is_none() {
        // `取組の周知[7月]`, `【7月】`: square brackets are months only when no round one is.
        let square = square_groups(piece);
        if let Some(k) = month_bracket(piece, &square) {
            (groups, month_group) = (square, Some(k));
        }
    }
    // `周知（上期：(6月)実施）`: a bracket within the month bracket that reads as months says
    // them more closely than the outer one (上期) — or is the only one to say them.
    if let Some(k) = month_group {
        let inner = inside(piece, groups[k]);
        let offset = inner.as_ptr() as usize - piece.as_ptr() as usize;
        let nested: Vec<(usize, usize)> = bracket_groups(inner)
            .into_iter()
            .map(|(open, end)| (open + offset, end + offset))
            .collect();
        if let Some(j) =
            month_bracket(piece, &nested).filter(|&j| reads_as_months(inside(piece, nested[j])))
        {
            (groups, month_group) = (nested, Some(j));
        }
    }
    entry.label = match month_group {
        Some(k) => read_month_group(piece, &groups, k, &mut entry, problems),
        None => read_without_months(piece, &mut entry, problems),
    };
    entry
}

/// Which bracket holds the months: the one that reads as a month expression (a note after
/// it may speak of months too: `(6月)（月2回）`, `（9月）（12月にも実施予定）`); of two that read,
/// the first of what was done rather than what is 予定 (`(4月)(10月予定)` is April done, the
/// October a note `check` names: taking the 予定 made April's plan line late), else the last;
/// failing all, the last one that looks meant to, to be kept as written and warned about.
fn month_bracket(piece: &str, groups: &[(usize, usize)]) -> Option<usize> {
    let meant: Vec<usize> = (0..groups.len())
        .filter(|&k| looks_like_timing(inside(piece, groups[k])))
        .collect();
    // Most entries have one such bracket: it is read once, by the caller.
    if meant.len() < 2 {
        return meant.first().copied();
    }
    let timing = |k: usize| parse_timing(split_timing(inside(piece, groups[k])).0).ok();
    let reading: Vec<(usize, bool)> = meant
        .iter()
        .filter_map(|&k| timing(k).map(|t| (k, t.scheduled)))
        .collect();
    reading
        .iter()
        .find(|&&(_, scheduled)| !scheduled)
        .or(reading.last())
        .map(|&(k, _)| k)
        .or(meant.last().copied())
}

/// Does the text inside a bracket hold a month expression that reads?
fn reads_as_months(inner: &str) -> bool {
    parse_timing(split_timing(inner).0).is_ok()
}

/// Reads the month bracket `groups[k]` and the counts around it; returns the label.
fn read_month_group(
    piece: &str,
    groups: &[(usize, usize)],
    k: usize,
    entry: &mut Entry,
    problems: &mut Vec<WarningKind>,
) -> String {
    let (open, end) = groups[k];
    let (when, note) = split_timing(inside(piece, groups[k]));
    set_when(entry, when, piece, problems);
    // `(9月)(予定)`: 予定 in a bracket of its own just after the months.
    if let (Some(t), Some(&next)) = (entry.timing.as_mut(), groups.get(k + 1))
        && piece[end..next.0].trim().is_empty()
        && normalize(inside(piece, next)) == "予定"
    {
        t.scheduled = true;
    }
    // Counts written just before the month: `(4回・103名受講)(4月)`, gathered from the month
    // back and put in their order once (each put before the rest as found was quadratic: a
    // line of 150,000 such brackets took minutes).
    let mut before: Vec<Vec<Count>> = Vec::new();
    let mut head_end = open;
    for &g in groups[..k].iter().rev() {
        if !piece[g.1..head_end].trim().is_empty() {
            break;
        }
        match parse_counts(inside(piece, g)) {
            Some(c) => {
                before.push(c);
                head_end = g.0;
            }
            None => break,
        }
    }
    let in_note = note.and_then(parse_counts).unwrap_or_default();
    let mut counts: Vec<Count> = before.into_iter().rev().flatten().chain(in_note).collect();
    // What follows: only brackets (notes, or counts) — or more of the label.
    let after = &piece[end..];
    let mut at = end;
    let mut only_brackets = true;
    for &g in &groups[k + 1..] {
        if !piece[at..g.0].trim().is_empty() {
            only_brackets = false;
            break;
        }
        counts.extend(parse_counts(inside(piece, g)).unwrap_or_default());
        at = g.1;
    }
    // `(6月～)、延べ3件`: counts after a `、`, not more of the name.
    let rest = piece[at..].trim();
    let after_comma = rest.strip_prefix('、').and_then(parse_counts);
    if let Some(more) = after_comma.filter(|_| only_brackets) {
        counts.extend(more);
    } else {
        only_brackets &= rest.is_empty();
    }
    entry.counts = counts.into();
    let head = piece[..head_end].trim();
    if only_brackets {
        head.to_string()
    } else {
        format!("{head}{}", after.trim_end()).trim().to_string()
    }
}

/// Without a month bracket: counts in the trailing brackets, an era date range at the end, or
/// a status written wholly in brackets (`(H28 年度達成済、継続実施)`); returns the label.
fn read_without_months(piece: &str, entry: &mut Entry, problems: &mut Vec<WarningKind>) -> String {
    let mut rest = piece;
    while let Some(open) = matching_open(rest) {
        let group = (open, rest.len());
        let Some(mut counts) = parse_counts(inside(rest, group)) else {
            break;
        };
        counts.extend(std::mem::take(&mut entry.counts));
        entry.counts = counts.into();
        rest = rest[..open].trim_end();
    }
    if let Some((before, at)) = date_range_before_notes(rest) {
        set_when(entry, before[at..].trim(), piece, problems);
        rest = before[..at].trim_end();
    } else if rest == piece && is_bracketed(rest) {
        entry.kind = EntryKind::Status;
    }
    rest.trim().to_string()
}

/// An era date range at the end of `text`, or before the brackets that end it — notes added
/// after it (`…平成 29 年9月 29 日（参加職員1,024名）`), kept in the text as written: the text
/// up to the range's end, and where the range starts in it.
fn date_range_before_notes(text: &str) -> Option<(&str, usize)> {
    let mut before = text;
    loop {
        if let Some(at) = trailing_date_range(before) {
            return Some((before, at));
        }
        before = before[..matching_open(before)?].trim_end();
    }
}

/// The month expression inside a bracket and what is written beside it: `6月～、延べ3件` is
/// `6月～` and `延べ3件`, `9月　2回` is `9月` and `2回`. The longest run of parts from the
/// start (or, failing that, from the end) that reads as months is the expression; when none
/// does, the whole text is, to be kept as written and warned about.
fn split_timing(inner: &str) -> (&str, Option<&str>) {
    if let Some(months) = months_first(inner) {
        return (months, None);
    }
    // `6月（2回）`: a note in a bracket of its own within the month bracket.
    if let Some(open) = matching_open(inner)
        && let Some(months) = months_first(inner[..open].trim())
    {
        return (months, Some(&inner[open..]));
    }
    // `・` parts a note after the months (`8月・延べ12回`), never one before them: in `5・6月`
    // the 5 is a month too. Neither part taken as the note may name a month itself
    // (`年2回：6月、9月`, `6月：第1回、9月：第2回`): that would drop it without a word; such a
    // bracket is read another way, or kept and warned about.
    // `／`, `;` and `※` part one too (`7月／2回`, `7月※回答率8割`): a `※` stays with its note
    // and never ends one before the months; a `/` parts only a note naming no month (`6月/9月`
    // is kept whole and warned about).
    let breaks: Vec<(usize, usize, bool, bool)> = inner
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace() || "、，,､・：:／/;；※".contains(c))
        .map(|(i, c)| match c {
            '※' => (i, i, false, false),
            _ => (i, i + c.len_utf8(), c != '・', matches!(c, '／' | '/')),
        })
        .collect();
    // First a reading whose note names no month; failing that, the note may (`6月、9月に実施
    // 予定`: June, the rest a note) — `check` then says the note's month is not read.
    for strict in [true, false] {
        let usable = |b: &&(usize, usize, bool, bool)| strict || !b.3;
        for &(at, after, _, _) in breaks.iter().rev().filter(usable) {
            let (head, tail) = (inner[..at].trim(), inner[after..].trim());
            if let Some(months) = months_first(head)
                && !(strict && names_a_month(tail))
            {
                return (months, Some(tail).filter(|t| !t.is_empty()));
            }
        }
        for &(at, after, _, _) in breaks.iter().filter(|b| b.2).filter(usable) {
            let (head, tail) = (inner[..at].trim(), inner[after..].trim());
            if let Some(months) = months_first(tail)
                && !(strict && names_a_month(head))
            {
                return (months, Some(head).filter(|h| !h.is_empty()));
            }
        }
    }
    (inner, None)
}

/// Whether a text names a month by its number (`6月`, `６月`): what a note beside the months
/// may not, or the month would go unread.
pub(crate) fn names_a_month(text: &str) -> bool {
    // Character by character, ending at the first month: a long note is not copied whole for
    // each place a bracket could be parted.
    let mut prev_digit = false;
    for c in crate::model::text::normalized_chars(text) {
        if c == '月' && prev_digit {
            return true;
        }
        prev_digit = c.is_ascii_digit();
    }
    false
}

/// `s` when it reads as months, or its months when a word of what was done is written right
/// after them (`6月実施`, `9月開催`): the expression is the months alone, the word stays in
/// the text as written.
fn months_first(s: &str) -> Option<&str> {
    // Longer than any expression and the longest word after it: none, without reading it.
    if s.is_empty() || s.len() > MAX_TIMING_BYTES + "に実施".len() {
        return None;
    }
    if parse_timing(s).is_ok() {
        return Some(s);
    }
    ["に実施", "に開催", "実施", "開催", "完了", "済み", "済"]
        .iter()
        .filter_map(|w| s.strip_suffix(w))
        .find(|m| !m.is_empty() && parse_timing(m).is_ok())
}

fn set_when(entry: &mut Entry, expression: &str, piece: &str, problems: &mut Vec<WarningKind>) {
    entry.when = Some(expression.to_string());
    match parse_timing(expression) {
        Ok(t) => entry.timing = Some(t),
        Err(e) => problems.push(WarningKind::UnreadableMonths {
            expression: e.expression,
            reason: e.problem,
            entry: piece.to_string(),
        }),
    }
}

fn is_bracketed(s: &str) -> bool {
    matching_open(s) == Some(0)
}

/// `実施期間 平成 29 年6月1日～平成 29 年9月 29 日`: the earliest word start from which the rest
/// reads as a month expression.
fn trailing_date_range(s: &str) -> Option<usize> {
    // Only the end of the text can be an expression (none is longer than MAX_TIMING_BYTES):
    // looked at from there, a text stripped of one note after another is not read whole for
    // each (「研修月 (a) (a) …」 took minutes).
    let mut from = s.len().saturating_sub(MAX_TIMING_BYTES);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    if !s[from..].contains('月') {
        return None;
    }
    // A range in words (`10月から`) outside a bracket is the sentence's: only a bracket has it.
    let in_words = |t: &str| {
        ["から", "以降", "より", "まで"]
            .iter()
            .any(|w| t.contains(w))
    };
    let mut prev_space = s[..from].ends_with(char::is_whitespace);
    for (i, c) in s[from..].char_indices().map(|(i, c)| (i + from, c)) {
        // Read as months before looking for words: a long rest is no months at once.
        if prev_space && !c.is_whitespace() && parse_timing(&s[i..]).is_ok() && !in_words(&s[i..]) {
            return Some(i);
        }
        prev_space = c.is_whitespace();
    }
    None
}

/// `4回・103名受講`, `8コース・延べ45名受講`, `2回・15名`: every part a number with a unit —
/// or, after such a first part, words beside them (`4回・103名受講、追加`,
/// `2回・15名、うち管理職5名`), a note kept in the text as written: the bracket is still the
/// counts, not the activity's name (taking it into the name lost the plan line it reports).
fn parse_counts(inner: &str) -> Option<Vec<Count>> {
    let normalized = normalize(inner);
    let mut parts = normalized.split(['・', '、']);
    // A first part that is no count (`県内3市`) makes it no bracket of counts.
    let mut counts = vec![count_of(parts.next()?)?];
    counts.extend(parts.filter_map(count_of));
    Some(counts)
}

/// One part of a counts bracket: `103名受講`, `延べ45名`.
fn count_of(part: &str) -> Option<Count> {
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
    // `9月追加` names a month, not nine of something.
    let a_month = unit.starts_with('月');
    (known_prefix && !a_month && !unit.is_empty() && unit.chars().count() <= 4).then(|| Count {
        value: part[start..end].parse().unwrap_or(u32::MAX),
        unit: unit.to_string(),
        raw: part.to_string(),
    })
}

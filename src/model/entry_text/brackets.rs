//! Bracket groups in an entry's text: round ones (months, counts, notes) and square ones.

/// Where the bracket that closes `s` opens, counting nested brackets.
pub(super) fn matching_open(s: &str) -> Option<usize> {
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

/// The top-level bracket groups of `s`, `(…)` or `（…）`, as byte ranges (the brackets
/// included); a bracket left open runs to the end and is not a group.
pub(crate) fn bracket_groups(s: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push((open, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    groups
}

/// The top-level square bracket groups of `s`: `[…]`, `［…］`, `【…】`.
pub(crate) fn square_groups(s: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut open = None;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '［' | '【' => open = Some(i),
            ']' | '］' | '】' => {
                if let Some(o) = open.take() {
                    groups.push((o, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    groups
}

/// The text inside a bracket group.
pub(crate) fn inside(s: &str, (open, end): (usize, usize)) -> &str {
    let first = s[open..].chars().next().map_or(1, char::len_utf8);
    let last = s[..end].chars().next_back().map_or(1, char::len_utf8);
    &s[open + first..end - last]
}

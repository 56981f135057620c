//! An entry's text around its sub-items: written again when they change, and shown line by
//! line (the entry's own words, then each sub-item) by a printout and a web page.

use super::Entry;
use super::entry_text::{compose_text, split_notes};

/// The text of an entry whose sub-items changed (edited, added, removed, moved): the head,
/// the separators between sub-items and what follows them (notes) stay as written, the
/// sub-items' texts are the new ones. `old_subs` are the sub-items' texts as `text` holds them;
/// when `text` does not hold them in order (a file written by other means), it is composed
/// again from the entry's parts.
pub fn text_with_subs(entry: &Entry, old_subs: &[String]) -> String {
    let text = entry.text.as_str();
    let new_subs: Vec<&str> = entry.subs.iter().map(|s| s.text.as_str()).collect();
    let Some(spans) = sub_spans(text, old_subs.iter().map(String::as_str)) else {
        return compose_text(entry);
    };
    let Some((&(first, _), &(_, last))) = spans.first().zip(spans.last()) else {
        // No sub-item before: the new ones go after the head, before any ※ note.
        let (body, _) = split_notes(text);
        let mut out = body.to_string();
        for sub in &new_subs {
            out.push(' ');
            out.push_str(sub);
        }
        out.push_str(&text[body.len()..]);
        return out;
    };
    let separators: Vec<&str> = spans.windows(2).map(|w| &text[w[0].1..w[1].0]).collect();
    let mut out = text[..first].to_string();
    for (k, sub) in new_subs.iter().enumerate() {
        if k > 0 {
            out.push_str(separators.get(k - 1).copied().unwrap_or(" "));
        }
        out.push_str(sub);
    }
    if new_subs.is_empty() {
        out.truncate(out.trim_end().len());
    }
    out.push_str(&text[last..]);
    out
}

/// Whether `text` holds the entry's sub-items' texts, in order (one pass from the end: a text
/// of forty thousand sub-items is looked through once, not once for each).
pub fn holds_subs(entry: &Entry) -> bool {
    sub_spans(&entry.text, entry.subs.iter().map(|s| s.text.as_str())).is_some()
}

/// Where each sub-item's text stands in `text`, found from the end (the head before them may
/// repeat one); `None` when `text` does not hold them in order.
fn sub_spans<'s>(
    text: &str,
    subs: impl DoubleEndedIterator<Item = &'s str>,
) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::new();
    let mut end = text.len();
    for sub in subs.rev() {
        let at = text[..end].rfind(sub).filter(|_| !sub.is_empty())?;
        spans.push((at, at + sub.len()));
        end = at;
    }
    spans.reverse();
    Some(spans)
}

/// An entry's own words, its sub-items' texts taken out: the head before them, as written —
/// what a printout or a web page shows on the entry's own line, above its sub-items (what
/// follows the last, a ※ note, goes on its line: [`sub_line`]). The label (and notes) when the
/// text does not hold its sub-items.
pub fn own_text(entry: &Entry) -> String {
    let subs = entry.subs.iter().map(|s| s.text.as_str());
    match sub_spans(&entry.text, subs) {
        Some(spans) if !spans.is_empty() => entry.text[..spans[0].0].trim().to_string(),
        Some(_) => entry.text.clone(),
        None => {
            let mut out = entry.label.clone();
            for note in &entry.notes {
                out.push_str(&format!(" ※{note}"));
            }
            out
        }
    }
}

/// Sub-item `k`'s line as a printout or a web page shows it under its entry: its text, and the
/// separator the entry's text writes after it when that is more than a space (「各部との意見交換
/// (8月)、」) — after the last, all the text writes after it, as written (「第２号の配信(8月)
/// ※好評につき増刷」: the note went on the entry's line, before the words it follows) — so that
/// the lines together hold every word of the text in its order.
pub fn sub_line(entry: &Entry, k: usize) -> Option<String> {
    let sub = entry.subs.get(k)?;
    let after = separator_after(entry, k);
    Some(match after {
        Some(separator) if !separator.is_empty() => format!("{}{separator}", sub.text),
        _ => sub.text.clone(),
    })
}

/// The text between sub-item `k` and the next where the entry's text holds them all in order
/// (trimmed), or after the last to the text's end (trimmed at its end only).
/// The spans are found once for an entry and kept for its next sub-item: a printout or a web
/// page asks for each sub-item in turn, and finding them all for each was quadratic (an entry
/// of 40,000 sub-items took over 20 s to print).
fn separator_after(entry: &Entry, k: usize) -> Option<String> {
    use std::cell::RefCell;
    /// The last entry's spans, by where its text and sub-items stand in memory.
    type Kept = Option<((usize, usize, usize, usize), Vec<(usize, usize)>)>;
    thread_local! {
        static KEPT: RefCell<Kept> = const { RefCell::new(None) };
    }
    let key = (
        entry.text.as_ptr() as usize,
        entry.text.len(),
        entry.subs.as_ptr() as usize,
        entry.subs.len(),
    );
    KEPT.with_borrow_mut(|kept| {
        if kept.as_ref().is_none_or(|(at, _)| *at != key) {
            let subs = entry.subs.iter().map(|s| s.text.as_str());
            let spans = sub_spans(&entry.text, subs).filter(|s| s.len() == entry.subs.len());
            *kept = Some((key, spans.unwrap_or_default()));
        }
        let spans = &kept.as_ref()?.1;
        let this = spans.get(k)?;
        // Spans kept for another entry that came to stand at the same place: only a text
        // holding the sub-items there is read.
        let at = |(from, to): (usize, usize), s: &Entry| entry.text.get(from..to) == Some(&s.text);
        if !at(*this, &entry.subs[k]) {
            return None;
        }
        match spans.get(k + 1) {
            Some(next) if at(*next, &entry.subs[k + 1]) => {
                Some(entry.text.get(this.1..next.0)?.trim().to_string())
            }
            Some(_) => None,
            None => Some(entry.text.get(this.1..)?.trim_end().to_string()),
        }
    })
}

//! An entry's text is the truth; its label, months, counts, notes and sub-items are stored
//! beside it as read, so a file opens without reading every text again. A file changed by a
//! script or a text editor may hold a new text beside the old reading (a result rewritten from
//! `(6月)` to `(7月)`, its stored months still June): every output then disagreed with another
//! — the text printed July, the bar, the CSV's months column and the status June. Opening
//! reads such an entry again from its text, keeping its id, bullet and links (its sub-items'
//! by position), and says so.

use super::report::{Entry, Id, Report, Side};

/// An entry read again: where (section numeral, initiative number, 1-based topic, side,
/// 1-based entry) and its months as stored and as read.
pub struct ReadAgain {
    pub section: String,
    pub initiative: String,
    pub topic: usize,
    pub side: Side,
    pub entry: usize,
    pub was: Option<String>,
    pub now: Option<String>,
    /// Its sub-items' texts were taken as the edit (the entry's text written again around
    /// them), not its text: read again the other way round.
    pub subs_taken: bool,
    /// Its text is the one it was sent with (known of a response's results only): what was
    /// edited is the reading stored beside it.
    pub text_as_sent: bool,
    /// What it was sent with is not known (a line a response file adds, or one from before
    /// that was kept), and a reading (a label, months) was written beside its text: which of
    /// the two was edited cannot be told.
    pub reading_beside_unknown: bool,
}

/// Reads again every entry whose stored reading is not its text's (`bound`: the ids' bound,
/// past which a sub-item could not be given one; such an entry is left as stored); returns
/// where, to be said.
pub fn read_again_where_stale(report: &mut Report, bound: u64) -> Vec<ReadAgain> {
    read_again_against(report, bound, &|_| None)
}

/// [`read_again_where_stale`] of a response, knowing what was sent (`as_sent`: whether an
/// entry's text is the one it was sent with, where that is known). An entry whose text is as
/// sent while its sub-items' texts are not had those sub-items edited — even where each still
/// reads as stored (a note added after its months, `(9月)（全職員に通知）`), which without
/// knowing what was sent reads as the entry's text rewritten beside the old sub-items.
pub fn read_again_against(
    report: &mut Report,
    bound: u64,
    as_sent: &dyn Fn(&Entry) -> Option<bool>,
) -> Vec<ReadAgain> {
    let mut next = report.next_id;
    let mut out = Vec::new();
    for section in &mut report.sections {
        for initiative in &mut section.initiatives {
            for (t, topic) in initiative.topics.iter_mut().enumerate() {
                for side in [Side::Plan, Side::Actual] {
                    for (k, entry) in topic.entries_mut(side).iter_mut().enumerate() {
                        // A sub-item's own text changed, its entry's text still holding the old
                        // one: that sub-item is the truth there (a division editing one in its
                        // response file), and the entry's text is written again around it.
                        let sent = as_sent(entry);
                        let around = subs_changed(entry, sent);
                        let subs_taken = around.is_some();
                        let text = around.unwrap_or_else(|| entry.text.clone());
                        let read =
                            super::entry_text::read_entry(&text, entry.bullet, &mut Vec::new());
                        // (Past the ids' bound a sub-item could not be given one: left as stored.)
                        let wanted = read.subs.len().saturating_sub(entry.subs.len()) as u64;
                        let differs = text != entry.text || reading_differs(entry, &read);
                        if !differs || next + wanted > bound {
                            continue;
                        }
                        let (was, now) = months_changed(entry, &read);
                        let reading_beside_unknown =
                            sent.is_none() && (!entry.label.is_empty() || entry.when.is_some());
                        *entry = repaired(entry, read, &mut next);
                        out.push(ReadAgain {
                            section: section.numeral.clone(),
                            initiative: initiative.number.clone(),
                            topic: t + 1,
                            side,
                            entry: k + 1,
                            was,
                            now,
                            subs_taken,
                            text_as_sent: sent == Some(true),
                            reading_beside_unknown,
                        });
                    }
                }
            }
        }
    }
    // Ids handed to sub-items the text holds and the reading did not: above every other.
    report.next_id = next;
    out
}

/// The entry's text with the sub-items changed on their own put in, when the stored
/// sub-items' texts are not in it (in order) and they were changed on their own (a division
/// editing one in its response file): the entry's text is as sent (`as_sent`), or, where that
/// is not known, a sub-item's text no longer reads as what is stored beside it. `None` when
/// the text holds them all, or was rewritten: its words are the edit, the sub-items beside it
/// the old reading.
fn subs_changed(entry: &Entry, as_sent: Option<bool>) -> Option<String> {
    if super::sub_text::holds_subs(entry) {
        return None;
    }
    let read = super::entry_text::read_entry(&entry.text, entry.bullet, &mut Vec::new());
    let changed: Vec<bool> = match as_sent {
        // The text as sent holds the sub-items as sent: those not as it reads are the edit.
        Some(true) => (entry.subs.iter().enumerate())
            .map(|(k, sub)| read.subs.get(k).is_none_or(|r| r.text != sub.text))
            .collect(),
        // The text rewritten since it was sent: its words are the edit.
        Some(false) => return None,
        None => entry.subs.iter().map(changed_on_its_own).collect(),
    };
    if !changed.contains(&true) {
        return None;
    }
    let old: Vec<String> = read.subs.iter().map(|s| s.text.clone()).collect();
    // Each position as the text holds it, but where the sub-item stored there was changed on
    // its own; one changed past the text's last stays, after it.
    let mut around = entry.clone();
    around.subs = (0..old.len().max(entry.subs.len()))
        .filter_map(|k| match (entry.subs.get(k), read.subs.get(k)) {
            (Some(stored), _) if changed[k] => Some(stored.clone()),
            (_, Some(as_read)) => Some(as_read.clone()),
            (Some(_), None) => None,
            (None, None) => None,
        })
        .collect();
    Some(super::sub_text::text_with_subs(&around, &old))
}

/// A sub-item whose text does not read as what is stored beside it.
fn changed_on_its_own(sub: &Entry) -> bool {
    let read = super::entry_text::read_entry(&sub.text, sub.bullet, &mut Vec::new());
    reading_differs(sub, &read)
}

/// The months as stored and as read of the entry or the first of its sub-items whose months
/// differ (the entry's when none do).
fn months_changed(stored: &Entry, read: &Entry) -> (Option<String>, Option<String>) {
    let pairs = std::iter::once((stored, read)).chain(stored.subs.iter().zip(&read.subs));
    let mut first = None;
    for (s, r) in pairs {
        first.get_or_insert((s.when.clone(), r.when.clone()));
        if s.when != r.when {
            return (s.when.clone(), r.when.clone());
        }
    }
    first.unwrap_or_default()
}

/// Whether `read` (the text read again) differs from what is stored beside the text.
fn reading_differs(stored: &Entry, read: &Entry) -> bool {
    stored.kind != read.kind
        || stored.label != read.label
        || stored.when != read.when
        || stored.timing != read.timing
        || stored.counts != read.counts
        || stored.notes != read.notes
        || stored.subs.len() != read.subs.len()
        || (stored.subs.iter().zip(&read.subs))
            .any(|(s, r)| s.text != r.text || reading_differs(s, r))
}

/// Reads the entry again from its text where its stored reading is not the text's (an entry
/// whose text was written again around an edited sub-item, the words after that sub-item's
/// months read as the next one's): the report then holds what its file opens as. Whether it
/// was read again.
pub fn read_as_its_text(entry: &mut Entry, next: &mut u64) -> bool {
    let read = super::entry_text::read_entry(&entry.text, entry.bullet, &mut Vec::new());
    if !reading_differs(entry, &read) {
        return false;
    }
    *entry = repaired(entry, read, next);
    true
}

/// The entry as its text reads, with the stored one's id, bullet and links, and its sub-items'
/// by position (a sub-item the reading did not hold gets the next id).
fn repaired(stored: &Entry, mut read: Entry, next: &mut u64) -> Entry {
    read.id = stored.id;
    read.bullet = stored.bullet;
    read.reports = stored.reports.clone();
    for (k, sub) in read.subs.iter_mut().enumerate() {
        match stored.subs.get(k) {
            Some(old) => {
                sub.id = old.id;
                sub.reports = old.reports.clone();
            }
            None => {
                sub.id = Id(*next);
                *next += 1;
            }
        }
    }
    read
}

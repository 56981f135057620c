//! The words of the warnings about an entry's months that are read otherwise than one might
//! think (none written, 予定 over passed months, a month in a note, a half not told): each
//! kind's words are one function ([`super::warning_words`] sends these kinds here).

use crate::lang::{Lang, say};
use crate::model::text::preview;

/// [`WarningKind::MonthInNote`] worded.
pub(super) fn month_in_note_words(entry: &str, months: &str, note: &str, lang: Lang) -> String {
    let (entry, note) = (preview(entry), preview(note));
    say(
        lang,
        format!(
            "「{entry}」の時期は「{months}」と読みました。注記「{note}」の月は時期として読みません（書かれたまま残しました）"
        ),
        format!(
            "「{entry}」: its months read as 「{months}」; the month in the note 「{note}」 is not read (kept as written)"
        ),
    )
}

/// [`WarningKind::NoMonthsWritten`] worded, with the likely cause: a line broken in two in its
/// cell, its months on the next line.
pub(super) fn no_months_words(entry: &str, lang: Lang) -> String {
    let shown = preview(entry);
    // A bracket opened and not closed on the line (「（6月～」), or closed and not opened
    // (「延べ3件）」): the line was broken inside it, its months are written.
    let (mut open, mut unopened) = (0usize, 0usize);
    for c in entry.chars() {
        match c {
            '(' | '（' => open += 1,
            ')' | '）' if open > 0 => open -= 1,
            ')' | '）' => unopened += 1,
            _ => {}
        }
    }
    if open > 0 || unopened > 0 {
        let (ja, en) = match open > 0 {
            true => (
                "開いた括弧が行の中で閉じていません（次の行に続いています）",
                "opens a bracket it does not close (it goes on on the next line)",
            ),
            false => (
                "閉じる括弧の前に開く括弧がありません（前の行から続いています）",
                "closes a bracket it did not open (it goes on from the line before)",
            ),
        };
        return say(
            lang,
            format!(
                "「{shown}」は{ja}。1行の途中で改行したなら、前後の行を1行にまとめてください（時期が読めないので、書かれたまま残します）"
            ),
            format!(
                "「{shown}」 {en}: if a line was broken in two, write the two as one (its months cannot be read; kept as written)"
            ),
        );
    }
    say(
        lang,
        format!(
            "「{shown}」には時期（(6月) のような括弧の月）が書かれていません。書かれたまま残します（時期を次の行に分けて書いたなら、1行にまとめてください）"
        ),
        format!(
            "「{shown}」 has no months written (a month in brackets, such as (6月)); kept as \
             written (if its months went onto the next line, write the two as one)"
        ),
    )
}

/// [`WarningKind::ReadsAsHeading`] worded, with what keeps it text.
pub(super) fn reads_as_heading_words(entry: &str, lang: Lang) -> String {
    let shown = preview(entry);
    say(
        lang,
        format!(
            "「{shown}」は行頭が <…> のため、Excel に書き出して読み戻すと見出しになります。書かれたまま残します（見出しのつもりでなければ、行頭に「・」などを付けてください）"
        ),
        format!(
            "「{shown}」 starts a line with <…>: exported to Excel and read back, it becomes a \
             topic heading. Kept as written (unless it is meant as a heading, start it with 「・」 \
             or another character)"
        ),
    )
}

/// [`WarningKind::HalfNotTold`] worded, with the way to keep the halves apart.
pub(super) fn half_not_told_words(entry: &str, lang: Lang) -> String {
    let shown = preview(entry);
    say(
        lang,
        format!(
            "「{shown}」は時期に月がないため、上半期と下半期のどちらの実績か分かりません。下半期の実績として読みました（上半期の報告を「次の期間へ」で進めた報告なら、半期ごとに分けて持っています）"
        ),
        format!(
            "「{shown}」 names no month, so which half reported it cannot be told: read as the \
             second half's (a report rolled over from the first half's with 次の期間へ keeps the \
             halves apart)"
        ),
    )
}

/// [`WarningKind::ScheduledOverPassed`] worded.
pub(super) fn scheduled_over_passed_words(
    entry: &str,
    (passed, to_come): (&str, &str),
    lang: Lang,
) -> String {
    let entry = preview(entry);
    say(
        lang,
        format!(
            "「{entry}」: 「予定」は時期全体のこととして読みました。すでに過ぎた{passed}も未実施です。済んだ月があるなら、済んだ月（{passed}）と予定の月（{to_come}予定）を別の行に書いてください"
        ),
        format!(
            "「{entry}」: 予定 is read as said of all its months, so {passed}, already passed, \
             count as not done; if they were done, write them on a line of their own \
             （{passed}）, apart from the line of those to come （{to_come}予定）"
        ),
    )
}

//! The words of the warnings about what an answer did to results changed since the survey
//! went out, to what the division's earlier answer wrote, and to what it could not bring (a
//! sub-item rewritten beside its text, a formula without its value): each kind's words are one
//! function ([`super::warning_words`] sends these kinds here).

use super::WarningKind;
use crate::lang::{Lang, say};
use crate::model::text::preview;

/// [`WarningKind::EarlierResultChanged`] worded.
pub(super) fn earlier_changed_words(
    text: &str,
    heading: &str,
    removed: bool,
    lang: Lang,
) -> String {
    let text = preview(text);
    let (ja, en) = if removed {
        ("削除しています", "removes")
    } else {
        ("書き換えています", "rewrites")
    };
    say(
        lang,
        format!(
            "「{heading}」として報告済みの実績「{text}」を、回答が{ja}。この回答を取り込んだ報告では、その期の報告の実績も変わります"
        ),
        format!(
            "the answer {en} 「{text}」, a result already reported under 「{heading}」: in the report that takes the answer in, that period's report changes too"
        ),
    )
}

/// [`WarningKind::RewrittenSinceSent`] worded.
pub(super) fn rewritten_since_sent_words(now: &str, answer: &Option<String>, lang: Lang) -> String {
    let now = preview(now);
    let Some(answer) = answer.as_deref().map(preview) else {
        return say(
            lang,
            format!(
                "実績「{now}」は照会を送った後に（事務局または他の担当課の回答で）書き換えられています。回答はこれを削除していますが、残しました（不要なら削除してください）"
            ),
            format!(
                "the result 「{now}」 was rewritten after the survey went out (by the office or \
                 another division's answer); the answer removes it, and it is kept (remove it \
                 if it is not wanted)"
            ),
        );
    };
    say(
        lang,
        format!(
            "実績「{now}」は照会を送った後に（事務局または他の担当課の回答で）書き換えられていて、回答もこれを「{answer}」に書き換えています。両方を残しました（不要な方を削除してください）"
        ),
        format!(
            "the result 「{now}」 was rewritten after the survey went out (by the office or \
             another division's answer), and the answer rewrites it as 「{answer}」: both are \
             kept (remove the one not wanted)"
        ),
    )
}

/// [`WarningKind::ReportedByAnotherToo`] worded.
pub(super) fn reported_too_words(text: &str, answer: &Option<String>, lang: Lang) -> String {
    let text = preview(text);
    let (ja, en) = match answer.as_deref().map(preview) {
        Some(a) => (
            format!("「{a}」に書き換えています"),
            format!("rewrites it as 「{a}」"),
        ),
        None => ("削除しています".to_string(), "removes it".to_string()),
    };
    say(
        lang,
        format!(
            "回答は実績「{text}」を{ja}が、他の担当課の回答も同じ文で報告しているため、元の文も残しました（不要なら削除してください）"
        ),
        format!(
            "the answer {en}, but another division's answer reports 「{text}」 in the same \
             words: that is kept too (remove what neither reports)"
        ),
    )
}

/// [`WarningKind::BackAsSent`] and [`WarningKind::AnswerAsSent`] worded.
pub(super) fn as_sent_words(kind: &WarningKind, lang: Lang) -> String {
    if let WarningKind::FileNamedForAnother { named, division } = kind {
        let (named, division) = (preview(named), preview(division));
        return say(
            lang,
            format!(
                "ファイル名は{named}を名乗っていますが、中身は{division}に送った回答用ファイルです。{division}の回答として読みました（取り違えでないか確かめてください）"
            ),
            format!(
                "the file's name names {named}, but it holds the response sent to {division}: \
                 read as {division}'s answer (make sure the files were not mixed up)"
            ),
        );
    }
    if matches!(kind, WarningKind::AsSentAfterSentBack) {
        return say(
            lang,
            "差戻し後の回答ですが、実績も数値もすべて照会を送ったときのままです。前の回答をすべて取り消したのか、送ったままのファイル（取り違えたファイル）なのか分からないため、前の回答で書いたものを取り消すかどうかは保留しました（取り消すなら保留した変更で選んでください）".into(),
            "an answer after the division's was sent back, with its results and numbers all as \
             they were sent: whether it takes back all the earlier answer wrote, or is the sent \
             file itself (or one mixed up), cannot be told, so taking back is held (tick it \
             among the held changes to take it back)"
                .into(),
        );
    }
    if let WarningKind::SurveyDateOutside { division, date } = kind {
        return say(
            lang,
            format!(
                "{division}の照会の記録に、1989年から2199年の外の日付「{date}」があります。ファイルが壊れているか、手で書き換えられています（記録のまま残します）"
            ),
            format!(
                "the survey record of {division} holds the date 「{date}」, outside 1989–2199: \
                 the file is damaged or was edited by hand (kept as recorded)"
            ),
        );
    }
    if matches!(kind, WarningKind::AnswerUnchanged) {
        return say(
            lang,
            "回答の実績と数値は照会を送ったときのままで、取り込む変更はありません。変更のない回答として回答済にします（送ったファイルそのものを取り込んでいないか確かめてください）".into(),
            "the answer's results and numbers are as they were sent, with no change to take in: \
             taken as an answer of no changes, the division counted as answered (make sure it is \
             not the sent file itself)"
                .into(),
        );
    }
    let WarningKind::BackAsSent { held, whole } = *kind else {
        return answer_as_sent_words(lang);
    };
    let (what_ja, what_en) = if whole {
        (
            "回答はこの見出しの実績を照会を送ったときのまま",
            "the answer has this topic's results as they were sent",
        )
    } else {
        (
            "回答はこの見出しで、前の回答が書いた実績を照会を送ったときのまま（書き換えが元のまま、または追加した行がない）",
            "in this topic the answer has what the division's earlier answer wrote as it was \
             sent (a rewrite as it was before, or a line it added missing)",
        )
    };
    if !held {
        return say(
            lang,
            format!(
                "{what_ja}です（差戻し後の回答か、ほかの見出しに前の回答の変更が残る同じファイルです）。前の回答で書いた実績は、回答のとおり取り消しました"
            ),
            format!(
                "{what_en} (an answer after the division's was sent back, or the same file \
                 still holding the earlier answer's changes elsewhere): what the division's \
                 earlier answer wrote there is taken back, as the answer says"
            ),
        );
    }
    say(
        lang,
        format!(
            "{what_ja}です。前の回答で書いた実績を取り消すかどうかは保留しました（同じ課の別の人が送られたままの写しで答えたのかもしれません。取り消すなら保留した変更で選んでください）"
        ),
        format!(
            "{what_en}: taking back what the division's earlier answer wrote there is held \
             (another member of the division may have answered in an untouched copy of the \
             sent file; tick it among the held changes to take it back)"
        ),
    )
}

/// [`WarningKind::AnswerAsSent`] worded.
fn answer_as_sent_words(lang: Lang) -> String {
    say(
        lang,
        "回答の実績はすべて照会を送ったときのままです（手を付けていない写しとして読みました）。前の回答で書いた実績はそのまま残しています。取り消すなら、取り込んだ後に事務局で削除してください".into(),
        "the answer's results are all as they were sent (read as an untouched copy of the \
         file): what the division's earlier answers wrote stays; remove it afterwards if it \
         is to go"
            .into(),
    )
}

/// [`WarningKind::RemovedSinceSent`] worded.
pub(super) fn removed_since_sent_words(answer: &str, lang: Lang) -> String {
    let answer = preview(answer);
    say(
        lang,
        format!(
            "回答が書き換えた実績「{answer}」は、照会を送った後に（事務局または他の担当課の回答で）削除されています。回答の文を新しい実績として残しました（不要なら削除してください）"
        ),
        format!(
            "the answer rewrites a result as 「{answer}」 that was removed after the survey went \
             out (by the office or another division's answer): the answer's text is kept, as a \
             new result (remove it if it is not wanted)"
        ),
    )
}

/// [`WarningKind::SameModifiedTime`] worded.
pub(super) fn same_time_words(replaced: &str, at: chrono::NaiveDateTime, lang: Lang) -> String {
    let (replaced, time) = (preview(replaced), at.format("%Y-%m-%d %H:%M:%S"));
    say(
        lang,
        format!(
            "この回答と「{replaced}」は、ファイルの更新日時が同じです（{time}）。どちらが新しいか分からないため、後に指定したこの回答を取り込み、「{replaced}」は取り込みませんでした。もう一方が新しいなら、それだけを取り込み直してください"
        ),
        format!(
            "this answer and 「{replaced}」 were last written at the same time ({time}): which is newer cannot be told, so this one, named later, is taken and 「{replaced}」 is not; if that one is the newer, collect it alone again"
        ),
    )
}

/// [`WarningKind::SubItemNotInText`] worded.
pub(super) fn sub_item_not_in_text_words(entry: &str, sub: &str, lang: Lang) -> String {
    let (entry, sub) = (preview(entry), preview(sub));
    say(
        lang,
        format!(
            "「{entry}」は本文と小項目の両方が書き換えられています。本文を取り込みました。本文にない小項目「{sub}」は取り込みません"
        ),
        format!(
            "「{entry}」: its text and a sub-item were both rewritten; the text is taken, the sub-item 「{sub}」, which it does not hold, is not"
        ),
    )
}

/// [`WarningKind::FormulaWithoutValue`] worded.
pub(super) fn formula_without_value_words(formula: &str, lang: Lang) -> String {
    let formula = preview(formula);
    say(
        lang,
        format!(
            "数式「{formula}」の値が保存されていません。取り込みません（Excelで開いて保存し直すか、値を入力してください）"
        ),
        format!(
            "the formula 「{formula}」 has no value saved; not taken (open and save the workbook in Excel, or type the value)"
        ),
    )
}

//! The words of a 数値回答 row's answer not taken, or taken once of two rows.

use super::{MeasureAt, MeasureWarning};
use crate::lang::{Describe, Lang, say};
use crate::model::text::preview;

/// The words of an answered number that is not taken: a 数値回答 row of another division's or
/// naming nothing, a change of another year's or of the closed first half.
pub(super) fn answer_row_words(warning: &MeasureWarning, lang: Lang) -> String {
    use MeasureWarning as W;
    match warning {
        W::NotTheDivisions {
            initiative,
            owner,
            answer,
        } => {
            let owner = owner.as_deref().unwrap_or("-");
            let answer = preview(answer);
            say(
                lang,
                format!(
                    "取組{initiative}の数値・評価は{owner}が回答するものです。この回答からは「{answer}」を取り込みません"
                ),
                format!(
                    "the numbers of initiative {initiative} are answered by {owner}, not by this answer: 「{answer}」 is not taken"
                ),
            )
        }
        W::NoSuchNumber { id, answer } => {
            let answer = preview(answer);
            say(
                lang,
                format!(
                    "この行のID「{id}」に当たる数値・評価は報告にありません。「{answer}」は取り込みません"
                ),
                format!(
                    "the report has no number or rating this row's id 「{id}」 names: 「{answer}」 is not taken"
                ),
            )
        }
        W::IndicatorGone {
            initiative,
            name,
            answer,
        } => {
            let (name, answer) = (preview(name), preview(answer));
            say(
                lang,
                format!(
                    "取組{initiative}の指標「{name}」は報告にありません（照会の後で名前が変わったか、除かれました）。回答「{answer}」は取り込みません"
                ),
                format!(
                    "initiative {initiative}: the report has no indicator 「{name}」 (renamed or removed since the survey); the answer 「{answer}」 is not taken"
                ),
            )
        }
        W::AnsweredInSentUnit {
            initiative,
            answer,
            sent,
            now,
        } => {
            let answer = preview(answer);
            say(
                lang,
                format!(
                    "取組{initiative}の効果額「{answer}」は、照会を送ったときの単位（{sent}）の欄に書かれています。{sent}として読み、報告の今の単位（{now}）で示します"
                ),
                format!(
                    "initiative {initiative}, effect 「{answer}」: written in the row sent in {sent}, the report's unit then; read in {sent}, shown in its unit now ({now})"
                ),
            )
        }
        W::AnswerNoteWithoutRating { initiative, answer } => {
            let answer = preview(answer);
            say(
                lang,
                format!(
                    "取組{initiative}の自己評価の特記「{answer}」: 自己評価が空欄のため取り込みません（自己評価も入力してください）"
                ),
                format!(
                    "initiative {initiative}, self-rating's note 「{answer}」: the self-rating is blank, so the note is not taken (enter the self-rating too)"
                ),
            )
        }
        W::RaterNotTaken { at, old, new } => {
            let what = at.describe(lang);
            let (old, new) = (preview(old), preview(new));
            say(
                lang,
                format!(
                    "{what}の評価者・評価日の変更「{old}」→「{new}」は取り込みません（評価者・評価日は回答した担当課と取り込んだ日になります）"
                ),
                format!(
                    "{what}: the change of who rated and when, 「{old}」 → 「{new}」, is not taken (the answering division and the day it is taken are recorded)"
                ),
            )
        }
        W::OtherYearNotTaken { at, old, new } | W::ClosedHalfNotTaken { at, old, new } => {
            let what = at.describe(lang);
            let (old, new) = (preview(old), preview(new));
            let (ja, en) = match warning {
                W::ClosedHalfNotTaken { .. } => (
                    "報告済みの上半期の値のため",
                    "is of the first half, already reported, and",
                ),
                _ => (
                    "報告の年度の値ではないため",
                    "is not of the report's year and",
                ),
            };
            say(
                lang,
                format!("{what}の変更「{old}」→「{new}」は{ja}取り込みません"),
                format!("{what}: the change 「{old}」 → 「{new}」 {en} is not taken"),
            )
        }
        _ => String::new(),
    }
}

pub(super) fn answered_twice_words(
    at: &MeasureAt,
    [a, b]: [u32; 2],
    answers: &[String; 2],
    (same, typed): (bool, Option<u32>),
    lang: Lang,
) -> String {
    let what = at.describe(lang);
    let [x, y] = [&answers[0], &answers[1]].map(|t| preview(t));
    if let Some(typed) = typed {
        let (left, taken) = if typed == a { (b, &x) } else { (a, &y) };
        return say(
            lang,
            format!(
                "{what}が{a}行目「{x}」と{b}行目「{y}」にあります。{left}行目は送ったときのままなので、{typed}行目の「{taken}」を取り込みます"
            ),
            format!(
                "{what} is in row {a} (「{x}」) and row {b} (「{y}」): row {left} is as sent, so row {typed}'s 「{taken}」 is taken"
            ),
        );
    }
    match same {
        true => say(
            lang,
            format!("{what}が{a}行目と{b}行目にあります。同じ回答「{x}」なので1回だけ取り込みます"),
            format!("{what} is answered in rows {a} and {b} alike (「{x}」): taken once"),
        ),
        false => say(
            lang,
            format!(
                "{what}が{a}行目「{x}」と{b}行目「{y}」に違う値で書かれています。どちらも取り込まず、報告の値のままにしました"
            ),
            format!(
                "{what} is answered differently in row {a} (「{x}」) and row {b} (「{y}」): neither is taken, the report's stays"
            ),
        ),
    }
}

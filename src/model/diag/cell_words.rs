//! The words of the warnings about an answer workbook's cells that are not read as answers
//! (outside the columns, on another sheet, a note, a number in a format, a hidden ID typed
//! over, struck text, a sheet not read, a shape's words), of a table's cells read as written
//! (text in UTF-8 in a CP932 table, quotes that do not pair, a heading naming a tag) and of a
//! link dropped on opening: one `match` arm per kind, each one expression.

use super::{WarningKind, WarningKind as W};
use crate::lang::{Lang, say};
use crate::model::text::{preview, preview_not_taken};

/// The words of a warning about an answer workbook's cell ([`super::warning_words`] sends
/// these kinds here).
pub(super) fn cell_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::CellOutsideAnswer { text } => say(
            lang,
            format!(
                "回答を読む欄の外にあるセルです。取り込みません:「{}」",
                preview_not_taken(text)
            ),
            format!(
                "a cell outside the columns an answer is read from; not taken: 「{}」",
                preview_not_taken(text)
            ),
        ),
        W::SheetNotRead { sheet, rows } => say(
            lang,
            format!(
                "シート「{}」には読む表（番号の見出しの行）がありません。報告としては読まず、その{rows}行は読まなかった内容として残しました",
                preview(sheet)
            ),
            format!(
                "sheet 「{}」 holds no table that is read (no header row with 番号); not read as the report, its {rows} row(s) kept as not read",
                preview(sheet)
            ),
        ),
        W::StruckThrough { text } => say(
            lang,
            format!(
                "取り消し線を引いた文字「{}」は、削除としては読みません。書かれたまま取り込みます（消すなら、その行を消してください）",
                preview(text)
            ),
            format!(
                "「{}」 is struck through; a strike is not read as a deletion, and the text is taken as written (to remove it, delete the line)",
                preview(text)
            ),
        ),
        W::IdTypedOver { .. } | W::SortedApart { .. } => row_words(kind, lang),
        W::CellOnSheetNotRead { text, read } => say(
            lang,
            format!(
                "回答は「{}」シートから読みます。このシートのセルは取り込みません:「{}」",
                preview(read),
                preview_not_taken(text)
            ),
            format!(
                "the answer is read from sheet 「{}」; a cell of this sheet is not taken: 「{}」",
                preview(read),
                preview_not_taken(text)
            ),
        ),
        W::NumberReadAsShown { value, shown } => say(
            lang,
            format!(
                "数値のセル（値 {value}）を、書式による表示どおり「{}」として読みました",
                preview(shown)
            ),
            format!(
                "a number cell (value {value}) is read as its format shows it: 「{}」",
                preview(shown)
            ),
        ),
        W::NumberFormatNotShown { value, format } => say(
            lang,
            format!(
                "数値のセルです。書式「{}」による表示ではなく、値 {value} を読みました。表示どおりにしたい場合は文字として入力してください",
                preview(format)
            ),
            format!(
                "a number cell: its value {value} is read, not what its format 「{}」 shows; type it as text to have it read as shown",
                preview(format)
            ),
        ),
        W::CellNoteNotRead { text } => say(
            lang,
            format!(
                "セルのメモ（コメント）は回答として読みません。取り込みません:「{}」",
                preview_not_taken(text)
            ),
            format!(
                "a note (comment) on a cell is no answer; not taken: 「{}」",
                preview_not_taken(text)
            ),
        ),
        W::ShapeTextNotRead { text } => say(
            lang,
            format!(
                "シート上の図形（テキスト ボックスなど）の文字は回答として読みません。取り込みません:「{}」",
                preview_not_taken(text)
            ),
            format!(
                "words in a shape drawn on the sheet (a text box) are no answer; not taken: 「{}」",
                preview_not_taken(text)
            ),
        ),
        // Sent here only for the kinds above.
        other => format!("{other:?}"),
    }
}

/// The words of a warning about a report table's cell read as written: its encoding, its
/// quotes, a heading naming a tag ([`super::warning_words`] sends these kinds here).
pub(super) fn table_cell_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::Utf8InCp932 { text, as_cp932 } => say(
            lang,
            format!(
                "CP932（Shift_JIS）の表の中で、この文字はUTF-8で書かれていました。UTF-8として「{}」と読みました（CP932として読むと「{}」）",
                preview(text),
                preview(as_cp932)
            ),
            format!(
                "text written in UTF-8 in a CP932 (Shift_JIS) table: read as UTF-8, 「{}」 (as CP932 it read 「{}」)",
                preview(text),
                preview(as_cp932)
            ),
        ),
        W::QuotesAsWritten => say(
            lang,
            "引用符（\"）が表計算ソフトの書き方で対になっていない欄です。引用符も含めて書かれたとおりに読みました".into(),
            "a field whose quotes (\") do not pair as a spreadsheet writes them: read as written, quotes included".into(),
        ),
        W::HeadingNamesTag { heading } => say(
        lang,
        format!(
            "<{heading}>を見出しとして読み、後の項目をその下に置きました。書式のタグ（取り消し線・太字など）が閉じられていないものなら見出しではありません。確かめてください"
        ),
        format!(
            "<{heading}> is read as a topic heading, the entries after it under it; if it is a formatting tag left open (a strike, bold), it is no heading: check it"
        ),
    ),
        // Sent here only for the kinds above.
        other => format!("{other:?}"),
    }
}

/// A result's link to what is no plan line of its initiative: named by its text where the
/// report holds it, by its number where nothing in the report has it.
pub(super) fn link_dropped(entry: &str, linked: Option<&str>, id: u64, lang: Lang) -> String {
    match linked {
        Some(linked) => say(
            lang,
            format!(
                "実績「{entry}」が結び付いていた「{linked}」はこの取組の年次計画の項目ではないため、\
                 結び付きを外しました"
            ),
            format!(
                "result 「{entry}」 was linked to 「{linked}」, which is no plan line of this \
                 initiative; the link is dropped"
            ),
        ),
        None => say(
            lang,
            format!(
                "実績「{entry}」が結び付いていた項目（番号 {id}）はこの報告にないため、結び付きを外しました"
            ),
            format!(
                "result 「{entry}」 was linked to an entry (number {id}) the report does not hold; \
                 the link is dropped"
            ),
        ),
    }
}

/// The words of an answer's row read as another topic than its hidden ID names (only those
/// two kinds are sent here).
fn row_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::IdTypedOver {
            written,
            initiative,
            heading,
        } => {
            let (ja, en) = match heading {
                Some(h) => (
                    format!("見出し<{}>の", preview(h)),
                    format!("topic <{}>", preview(h)),
                ),
                None => (
                    "見出しのない".to_string(),
                    "the topic without a heading".to_string(),
                ),
            };
            let (was_ja, was_en) = match written.trim().is_empty() {
                true => (
                    "行の隠しIDが消されています".to_string(),
                    "the row's hidden ID was cleared".to_string(),
                ),
                false => (
                    format!("行の隠しID「{}」が書き換えられています", preview(written)),
                    format!("the row's hidden ID 「{}」 was changed", preview(written)),
                ),
            };
            say(
                lang,
                format!(
                    "{was_ja}。この行は取組{initiative}の{ja}行として送ったものなので、その行として読みました"
                ),
                format!(
                    "{was_en}; the row was sent as initiative {initiative}'s {en}, and is read as that"
                ),
            )
        }
        W::SortedApart {
            heading,
            hidden_row,
        } => {
            let heading = match heading.trim() {
                "" => (
                    "見出しのない行".to_string(),
                    "a topic without a heading".to_string(),
                ),
                h => (
                    format!("見出し<{}>の行", preview(h)),
                    format!("topic <{}>", preview(h)),
                ),
            };
            say(
                lang,
                format!(
                    "この行は並べ替えで隠し列（F・G）と離れています。見出しと年次計画は{hidden_row}行目の隠し列が示す{}なので、その行として読みました（並べ替えは行全体を選んでください）",
                    heading.0
                ),
                format!(
                    "the row was sorted apart from its hidden cells (F, G): its heading and plan are those row {hidden_row}'s hidden cells were sent with, {}, and it is read as that (sort whole rows)",
                    heading.1
                ),
            )
        }
        _ => String::new(),
    }
}

//! The words of the warnings about a report workbook's cells that are not where the report is
//! read from, or are not seen on the sheet: outside the report's columns, in a hidden row,
//! under a merged cell, past the sheet's last cell, on the monthly grid made from the report.
//! One `match` arm per kind.

use super::{WarningKind, WarningKind as W};
use crate::lang::{Lang, say};
use crate::model::text::{preview, preview_not_taken};

/// The words of a warning about a report sheet's cell ([`super::warning_words`] sends these
/// kinds here).
pub(super) fn sheet_cell_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::CellOutsideLayout { text } => say(
            lang,
            format!(
                "報告の表の列・行の外にあるセルです。未読の一覧に残しました:「{}」",
                preview(text)
            ),
            format!(
                "a cell outside the report's columns and rows; kept in the unread list: 「{}」",
                preview(text)
            ),
        ),
        W::HiddenRowRead { text } => say(
            lang,
            format!(
                "非表示の行です。Excelでは見えませんが、報告として取り込みました（取り込まないなら、その行を消してください）:「{}」",
                preview(text)
            ),
            format!(
                "a hidden row: not seen in Excel, but read into the report (to leave it out, delete the row): 「{}」",
                preview(text)
            ),
        ),
        W::CellUnderMerge { text } => say(
            lang,
            format!(
                "結合したセルの下に隠れたセルです。Excelでは左上のセルの内容しか見えないため、取り込まず未読の一覧に残しました:「{}」",
                preview_not_taken(text)
            ),
            format!(
                "a cell covered by a merged cell: Excel shows only the merge's top-left cell, so it is not taken and kept in the unread list: 「{}」",
                preview_not_taken(text)
            ),
        ),
        W::CellBeyondSheet { reference, text } => say(
            lang,
            format!(
                "セル番地「{}」はシートの最後のセル（XFD1048576）より先にあり、Excelでは表示されません。取り込まず未読の一覧に残しました:「{}」",
                preview(reference),
                preview_not_taken(text)
            ),
            format!(
                "the cell 「{}」 lies past the last cell of a sheet (XFD1048576) and no office program shows it; not taken, kept in the unread list: 「{}」",
                preview(reference),
                preview_not_taken(text)
            ),
        ),
        W::MonthGridCellNotRead {
            text,
            expected,
            more,
        } => {
            let shown = |t: &str, none: &str| {
                if t.is_empty() {
                    none.to_string()
                } else {
                    format!("「{}」", preview_not_taken(t))
                }
            };
            say(
                lang,
                format!(
                    "「月別計画と実績」のシートは報告の表から作られるもので、読み込みません。このセルは報告からは{}ですが、{}となっています（ほかに{more}個のセルが報告から作る表と異なります。書き出した後に報告の表か、このシートが書き換えられています）。変更は報告の表に書いてください",
                    shown(expected, "空欄"),
                    shown(text, "空欄")
                ),
                format!(
                    "the monthly sheet is made from the report's table and is not read: this cell holds {} where the report gives {} ({more} more cell(s) differ from the grid the report gives: the report's table or this sheet was changed after it was written); make changes in the report's table",
                    shown(text, "nothing"),
                    shown(expected, "nothing")
                ),
            )
        }
        W::MonthGridRowEdited { text } => say(
            lang,
            format!(
                "「月別計画と実績」のシートは報告の表から作られるもので、読み込みません。この行は書き出した後に書き換えられています:「{}」。変更は報告の表に書いてください（未読の一覧に残しました）",
                preview_not_taken(text)
            ),
            format!(
                "the monthly sheet is made from the report's table and is not read: this row was changed after it was written: 「{}」 (make changes in the report's table; kept in the unread list)",
                preview_not_taken(text)
            ),
        ),
        // Sent here only for the kinds above.
        other => format!("{other:?}"),
    }
}

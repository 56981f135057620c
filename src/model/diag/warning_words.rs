//! The words of every warning, by family (the table's rows, its stage tables, topics and entries,
//! the report as a whole): one `match` arm per [`WarningKind`] in its family's table, each one
//! expression (a kind whose wording takes more than one is a small function, below or in its
//! family's file: `answer_words.rs`, `cell_words.rs`, `month_words.rs`).

use std::fmt;

use super::answer_words::{
    as_sent_words, earlier_changed_words, formula_without_value_words, removed_since_sent_words,
    reported_too_words, rewritten_since_sent_words, same_time_words, sub_item_not_in_text_words,
};
use super::month_words::{
    half_not_told_words, month_in_note_words, no_months_words, reads_as_heading_words,
    scheduled_over_passed_words,
};
use super::{Warning, WarningKind, WarningKind as W};
use crate::lang::{Describe, Lang, say};
use crate::model::text::preview;

impl Describe for WarningKind {
    fn describe(&self, lang: Lang) -> String {
        // Each family of kinds is worded in a table of its own; this match only routes, and
        // lists every kind, so a new one does not compile until it is routed.
        match self {
            W::NoTitleLine
            | W::RowNotUnderstood { .. }
            | W::AboveHeader { .. }
            | W::InitiativeBeforeSection
            | W::StageCellWithoutTable
            | W::TextAboveHeader { .. }
            | W::AsOfAboveHeader { .. }
            | W::CellTooManyTags { .. }
            | W::TextOutsideCell { .. }
            | W::TableNotClosed
            | W::RowCutShort { .. }
            | W::TextAfterDivision => row_words(self, lang),
            W::StageBeyondYears { .. }
            | W::YearsNotConsecutive
            | W::TooManyPlanYears { .. }
            | W::NumberYearFarFromPlan { .. }
            | W::StageYearsDiffer { .. }
            | W::PlainCopyDiffers { .. }
            | W::PlainRowDiffers { .. }
            | W::PlainRowExtra { .. } => stage_words(self, lang),
            W::HeadingTwice { .. }
            | W::DivisionTwice { .. }
            | W::DivisionWithoutTopic { .. }
            | W::NoDivisionFollows { .. }
            | W::TopicWithoutDivision { .. }
            | W::DivisionsAlike { .. }
            | W::DivisionSplit { .. }
            | W::NoStageTable
            | W::UnreadableMonths { .. }
            | W::TopicInTwoRows { .. }
            | W::AlreadyKept { .. }
            | W::DateCell { .. }
            | W::ScheduledOverPassed { .. }
            | W::EarlierResultChanged { .. }
            | W::RewrittenSinceSent { .. }
            | W::RemovedSinceSent { .. }
            | W::ReportedByAnotherToo { .. }
            | W::MonthsOutsidePeriod { .. }
            | W::NoMonthsWritten { .. }
            | W::ReadsAsHeading { .. }
            | W::HalfNotTold { .. }
            | W::SourceNotUnderstood { .. } => entry_words(self, lang),
            W::MonthInNote {
                entry,
                months,
                note,
            } => month_in_note_words(entry, months, note, lang),
            W::NotListed { .. }
            | W::TitleYearNotHandled { .. }
            | W::PlanHeadingNotOfYear { .. }
            | W::StageOutsidePlan { .. }
            | W::OtherReportSheet { .. }
            | W::ReportSheetHidden { .. }
            | W::LinkDropped { .. }
            | W::LinkToOthersPlan { .. }
            | W::InvisibleCharacters { .. }
            | W::NoGlyph { .. }
            | W::CutByExport { .. }
            | W::Measure { .. }
            | W::NextIdRepaired { .. } => report_words(self, lang),
            W::CellOutsideAnswer { .. }
            | W::CellOnSheetNotRead { .. }
            | W::CellNoteNotRead { .. }
            | W::ShapeTextNotRead { .. }
            | W::NumberReadAsShown { .. }
            | W::NumberFormatNotShown { .. }
            | W::IdTypedOver { .. }
            | W::SortedApart { .. }
            | W::StruckThrough { .. }
            | W::SheetNotRead { .. } => super::cell_words::cell_words(self, lang),
            W::CellOutsideLayout { .. }
            | W::HiddenRowRead { .. }
            | W::CellUnderMerge { .. }
            | W::CellBeyondSheet { .. }
            | W::MonthGridCellNotRead { .. }
            | W::MonthGridRowEdited { .. } => super::sheet_words::sheet_cell_words(self, lang),
            W::Utf8InCp932 { .. } | W::QuotesAsWritten | W::HeadingNamesTag { .. } => {
                super::cell_words::table_cell_words(self, lang)
            }
            W::CellNotAnswer { text, row_added } => not_answer_words(text, *row_added, lang),
            W::BackAsSent { .. }
            | W::AnswerAsSent
            | W::AnswerUnchanged
            | W::SurveyDateOutside { .. }
            | W::AsSentAfterSentBack
            | W::FileNamedForAnother { .. } => as_sent_words(self, lang),
            W::TextReadAgain { entry, was, now } => read_again_words(entry, (was, now), lang),
            W::OlderThanTaken {
                taken_file,
                taken,
                this,
            } => older_than_taken_words(taken_file, (*taken, *this), lang),
            W::OlderThanSentBack { sent_back, this } => {
                older_than_sent_back_words((*sent_back, *this), lang)
            }
            W::SameModifiedTime { replaced, at } => same_time_words(replaced, *at, lang),
            W::SubItemNotInText { entry, sub } => sub_item_not_in_text_words(entry, sub, lang),
            W::FormulaWithoutValue { formula } => formula_without_value_words(formula, lang),
        }
    }
}

/// The rows of a table as read: a title, rows not understood, cells cut short.
fn row_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::NoTitleLine => say(
            lang,
            "最初の見出し行の上にタイトル行がありません".into(),
            "no title line above the first header row".into(),
        ),
        W::RowNotUnderstood { text } => say(
            lang,
            format!(
                "見出し・区分・取組・工程のどの行でもない行です。書かれたまま残しました:「{}」",
                preview(text)
            ),
            format!(
                "row not understood (not a header, section, initiative or stage row); kept \
                 as written: 「{}」",
                preview(text)
            ),
        ),
        W::InitiativeBeforeSection => say(
            lang,
            "区分の行より前に取組があります。題のない区分に入れました".into(),
            "an initiative before any section row; put under a section without a title".into(),
        ),
        W::StageCellWithoutTable => say(
            lang,
            "工程の欄に<table>がありません。文は未読の一覧に残しました".into(),
            "the stage cell holds no <table>; its text is kept in the unread list".into(),
        ),
        W::TextAboveHeader { text } => say(
            lang,
            format!(
                "見出し行より上の「{}」は表題でも期間でもないため読まず、未読の一覧にそのまま残しました",
                preview(text)
            ),
            format!(
                "「{}」 above the header row is neither the title nor the period: not read, kept as written in the unread list",
                preview(text)
            ),
        ),
        W::AsOfAboveHeader { text, month, day } => say(
            lang,
            format!(
                "見出し行より上の「{}」の日付を時点（{month}月{day}日）として読みました。行はそのまま未読の一覧に残しました",
                preview(text)
            ),
            format!(
                "the date of 「{}」 above the header row was read as the as-of date ({month}/{day}); the row is kept as written in the unread list",
                preview(text)
            ),
        ),
        W::CellTooManyTags { .. } => {
            let most = crate::model::bounds::MAX_CELL_TAGS;
            say(
                lang,
                format!(
                    "この欄には<…>のタグが{most}個を超えてあり、読みません。文は未読の一覧にそのまま残しました"
                ),
                format!(
                    "the cell holds more than {most} tags (<…>) and is not read; its text is kept as written in the unread list"
                ),
            )
        }
        W::TextOutsideCell { text } => say(
            lang,
            format!("文「{text}」が工程表のどのセルにも入っていません"),
            format!("text 「{text}」 stands outside any table cell"),
        ),
        W::TableNotClosed => say(
            lang,
            "工程表が閉じていません（</table>がない）。ある行だけ読みました".into(),
            "the stage table is not closed (no </table>); read the rows that are there".into(),
        ),
        W::RowCutShort { fields, missing } => row_cut_short(*fields, missing, lang),
        W::TextAfterDivision => say(
            lang,
            "担当課の欄の後に文があります。未読の一覧に残しました".into(),
            "text after the 担当課 field; kept in the unread list".into(),
        ),
        W::AboveHeader { text } => say(
            lang,
            format!(
                "見出し行（番号・具体的取組）より上にある区分・取組の行です。読まずに未読の一覧に\
                 残しました:「{}」",
                preview(text)
            ),
            format!(
                "a section or initiative row above the header row (番号, 具体的取組) is not read; \
                 kept in the unread list: <{}>",
                preview(text)
            ),
        ),
        _ => unreachable!("routed by WarningKind::describe"),
    }
}

/// The stage tables (工程) and the plain copy of them the published table repeats.
fn stage_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::StageBeyondYears { stage, item } => say(
            lang,
            format!("「{item}」の工程「{stage}」が年度の列の外にあります。未読の一覧に残しました"),
            format!(
                "stage 「{stage}」 of 「{item}」 lies beyond the table's year columns; kept \
                 in the unread list"
            ),
        ),
        W::YearsNotConsecutive => say(
            lang,
            "工程表の年度の見出しが連続した年度（28年度、29年度…）ではありません。報告の計画年度を使いました".into(),
            "the stage table's year headings are not consecutive fiscal years (28年度, \
             29年度, …); the report's plan years are used"
                .into(),
        ),
        W::NumberYearFarFromPlan { year, text } => say(
            lang,
            format!(
                "{year}年度は計画年度から{}年より離れているため、その数値は読まず未読の欄に残しました:「{}」",
                crate::model::bounds::MAX_YEARS_FROM_PLAN,
                preview(text)
            ),
            format!(
                "FY{year} is more than {} years from the plan years: its numbers are not read, kept in the unread list: 「{}」",
                crate::model::bounds::MAX_YEARS_FROM_PLAN,
                preview(text)
            ),
        ),
        W::TooManyPlanYears { count } => say(
            lang,
            format!(
                "工程表の年度の見出しが{count}年度あり、計画として読める{}年度を超えています。報告の計画年度を使いました",
                crate::model::bounds::MAX_PLAN_YEARS
            ),
            format!(
                "the stage table's year headings name {count} fiscal years, more than the {} a plan may span; the report's plan years are used",
                crate::model::bounds::MAX_PLAN_YEARS
            ),
        ),
        W::StageYearsDiffer {
            range,
            other_row,
            other_range,
        } => say(
            lang,
            format!("この工程表は{range}、{other_row}行目の工程表は{other_range}です"),
            format!("this stage table covers {range}, the one in row {other_row} {other_range}"),
        ),
        W::PlainCopyDiffers { got, expected } => say(
            lang,
            format!("工程表の平文の写しが「{got}」、表は「{expected}」です。表を使いました"),
            format!(
                "the plain copy of the stage table reads 「{got}」 where the table has \
                 「{expected}」; the table is used"
            ),
        ),
        W::PlainRowDiffers {
            written,
            table_row,
            table_line,
            expected,
        } => say(
            lang,
            format!(
                "工程の平文の行「{written}」が{table_line}行目の工程表の{table_row}行目（「{expected}」）と違います。表を使い、行は書かれたまま残しました"
            ),
            format!(
                "the plain stage row 「{written}」 differs from row {table_row} of the stage \
                 table in row {table_line} (「{expected}」); the table is used, the row kept as \
                 written"
            ),
        ),
        W::PlainRowExtra { text, table_line } => say(
            lang,
            format!(
                "工程の平文の行「{}」に当たる行が{table_line}行目の工程表にありません。書かれたまま残しました",
                preview(text)
            ),
            format!(
                "the plain stage row 「{}」 has no counterpart in the stage table in row \
                 {table_line}; kept as written",
                preview(text)
            ),
        ),
        _ => unreachable!("routed by WarningKind::describe"),
    }
}

/// A heading or a division written again.
fn twice_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::HeadingTwice { heading } => say(
            lang,
            format!("見出し<{heading}>が2回書かれています。項目は一つの見出しにまとめました"),
            format!(
                "the heading <{heading}> is written twice; its entries are kept together \
                 under one topic"
            ),
        ),
        W::DivisionTwice { division, count } => say(
            lang,
            format!("担当課「{division}」が{count}回書かれています。1回として読みました"),
            format!("the division 「{division}」 is written {count} times; read once"),
        ),
        _ => unreachable!("routed by entry_words"),
    }
}

/// Topics, divisions and entries: headings, months, results dated outside the period.
fn entry_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::HeadingTwice { .. } | W::DivisionTwice { .. } => twice_words(kind, lang),
        W::DivisionWithoutTopic { heading } => say(
            lang,
            format!(
                "担当課の欄に<{heading}>がありますが、その見出しの計画も実績もありません。空の見出しを加えました"
            ),
            format!(
                "the division cell names <{heading}>, which no plan or actual entry stands \
                 under; added as an empty topic"
            ),
        ),
        W::NoDivisionFollows { headings } => say(
            lang,
            format!("<{}>の後に担当課がありません", headings.join("> <")),
            format!("no division follows <{}>", headings.join("> <")),
        ),
        W::TopicWithoutDivision {
            initiative,
            heading,
        } => without_division_words(initiative, heading.as_deref(), lang),
        W::DivisionsAlike { .. } | W::DivisionSplit { .. } => division_names_words(kind, lang),
        W::NoStageTable => say(
            lang,
            "年度のある工程表がありません。計画は報告の年度だけです".into(),
            "no stage table with fiscal years found; the plan covers only the report's year".into(),
        ),
        W::UnreadableMonths {
            expression,
            reason,
            entry,
        } => say(
            lang,
            format!(
                "「{}」の時期「{expression}」が読めません（{}）。書かれたまま残しました",
                preview(entry),
                reason.describe(lang)
            ),
            format!(
                "「{}」: month expression 「{expression}」 not understood: {}; kept as \
                 written",
                preview(entry),
                reason.describe(lang)
            ),
        ),
        W::AlreadyKept { text } => say(
            lang,
            format!(
                "「{}」は「上半期の実績」の欄にあり、そのまま残ります。2度目は取り込みません",
                preview(text)
            ),
            format!(
                "「{}」 is among the first half's results beside the cell and stays; it is not \
                 taken a second time",
                preview(text)
            ),
        ),
        W::EarlierResultChanged {
            text,
            heading,
            removed,
        } => earlier_changed_words(text, heading, *removed, lang),
        W::RewrittenSinceSent { now, answer } => rewritten_since_sent_words(now, answer, lang),
        W::RemovedSinceSent { answer } => removed_since_sent_words(answer, lang),
        W::ReportedByAnotherToo { text, answer } => reported_too_words(text, answer, lang),
        W::ScheduledOverPassed {
            entry,
            passed,
            to_come,
        } => scheduled_over_passed_words(entry, (passed, to_come), lang),
        W::DateCell { text } => date_cell_words(text, lang),
        W::TopicInTwoRows {
            heading,
            rows: [a, b],
            same,
        } => {
            // A topic without a heading is named as the grid names it, not `<>`.
            let topic = |lang| match heading.trim() {
                "" => say(lang, "（見出しなし）".into(), "(no heading)".into()),
                h => say(lang, format!("見出し<{h}>"), format!("topic <{h}>")),
            };
            topic_in_two_rows(&topic(lang), [*a, *b], *same, lang)
        }
        W::NoMonthsWritten { entry } => no_months_words(entry, lang),
        W::ReadsAsHeading { entry } => reads_as_heading_words(entry, lang),
        W::HalfNotTold { entry } => half_not_told_words(entry, lang),
        W::MonthsOutsidePeriod {
            entry,
            months,
            fiscal_year,
            period,
        } => say(
            lang,
            format!(
                "「{}」の時期「{months}」は報告期間（{}{}）の外です。書かれたまま残します",
                preview(entry),
                fiscal_year.era_form(),
                period.japanese()
            ),
            format!(
                "「{}」: 「{months}」 is outside the report's period (FY{} {}); kept as written",
                preview(entry),
                fiscal_year.0,
                period.english()
            ),
        ),
        W::SourceNotUnderstood { text } => say(
            lang,
            format!("読めなかった元の文を書かれたまま残しています:「{text}」"),
            format!("source text not understood, kept as written: 「{text}」"),
        ),
        _ => unreachable!("routed by WarningKind::describe"),
    }
}

/// The report as a whole: warnings not listed, years, sheets, links, characters that do not
/// show, numbers, ids.
fn report_words(kind: &WarningKind, lang: Lang) -> String {
    match kind {
        W::NotListed { count } => crate::model::bounds::not_listed(*count, lang),
        W::TitleYearNotHandled { written, used } => say(
            lang,
            format!(
                "タイトルの「{written}」は進捗が扱える年度ではありません。列見出しの{used}を使いました"
            ),
            format!(
                "「{written}」 in the title is not a year Shinchoku handles; the fiscal year \
                 {used} of the column headings is used"
            ),
        ),
        W::PlanHeadingNotOfYear { heading, used } => say(
            lang,
            format!(
                "見出し「{heading}」は報告の年度({used})の年次計画と読めません。見出しにはとらず、\
                 読めなかった文として残しました"
            ),
            format!(
                "the heading 「{heading}」 does not name the report's fiscal year ({used}); it is \
                 not taken as the 年次計画 heading and is kept as unread text"
            ),
        ),
        W::StageOutsidePlan { stage, range } => say(
            lang,
            format!(
                "工程「{stage}」が報告の計画年度（{range}）の外にあります。未読の一覧に残しました"
            ),
            format!(
                "stage 「{stage}」 lies outside the report's plan years ({range}); kept in \
                 the unread list"
            ),
        ),
        W::ReportSheetHidden { sheet } => {
            let sheet = preview(sheet);
            say(
                lang,
                format!(
                    "報告の表は、非表示のシート「{sheet}」から読みました（ほかのシートに表はありません）。Excelで見える内容と違うかもしれません"
                ),
                format!(
                    "the report was read from sheet 「{sheet}」, which the workbook hides (no other sheet holds a table): it may not be what Excel shows"
                ),
            )
        }
        W::OtherReportSheet { sheet, read } => {
            // A sheet's name may be millions of characters in a crafted file.
            let (sheet, read) = (preview(sheet), preview(read));
            say(
                lang,
                format!(
                    "シート「{sheet}」にも報告の表があります。読んだのはシート「{read}」だけです"
                ),
                format!(
                    "sheet 「{sheet}」 holds a report table too; only sheet 「{read}」 was read"
                ),
            )
        }
        W::LinkDropped { entry, linked, id } => {
            super::cell_words::link_dropped(entry, linked.as_deref(), *id, lang)
        }
        W::LinkToOthersPlan { entry, linked } => say(
            lang,
            format!(
                "実績「{}」を他の担当課の見出しの年次計画「{}」に結び付けています。結び付けは担当課自身の見出しの計画にだけできるため、取り込みません",
                preview(entry),
                preview(linked)
            ),
            format!(
                "result 「{}」 is linked to 「{}」, a plan line of another division's topic; an answer links only to its own topics' plan lines: the link is not taken",
                preview(entry),
                preview(linked)
            ),
        ),
        W::InvisibleCharacters { place, text, chars } => {
            crate::model::text_place::describe_invisible(place, text, chars, lang)
        }
        W::NoGlyph { place, text, chars } => {
            crate::model::text_place::describe_no_glyph(place, text, chars, lang)
        }
        W::CutByExport {
            place,
            text,
            left_out,
        } => say(
            lang,
            format!(
                "{}「{}」は、進捗のExcel書き出しで1つのセルに入らず切り詰められた文です（{left_out}文字が省略されています）。全文は書き出し元の報告ファイルにあります。この表から作った報告では省略された部分が失われます",
                place.describe(lang),
                preview(text)
            ),
            format!(
                "{}: 「{}」 was cut by Shinchoku's Excel export to what one cell holds ({left_out} characters left out); the whole text is in the report file it was exported from, and a report made from this table lacks them",
                place.describe(lang),
                preview(text)
            ),
        ),
        W::Measure { warning } => warning.describe(lang),
        W::NextIdRepaired { was, set_to } => say(
            lang,
            format!("next_id {was} が使われている id を超えていなかったため、{set_to} にしました"),
            format!("next_id {was} was not above every id in use; set to {set_to}"),
        ),
        _ => unreachable!("routed by WarningKind::describe"),
    }
}

impl Describe for Warning {
    fn describe(&self, lang: Lang) -> String {
        let at = self.at.describe(lang);
        let what = self.kind.describe(lang);
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A row that ends early: which fields are missing, each with its name.
fn row_cut_short(fields: usize, missing: &[(usize, String)], lang: Lang) -> String {
    let list = |lang| {
        missing
            .iter()
            .map(|(n, name)| {
                say(
                    lang,
                    format!("{n}列目（{name}）"),
                    format!("field {n} ({name})"),
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    say(
        lang,
        format!(
            "行が{fields}列目で終わっています。{}がないため空にしました（ファイルが途中で切れていませんか）",
            list(Lang::Ja)
        ),
        format!(
            "the row ends after field {fields}: {} missing, left empty (is the file \
             cut short?)",
            list(Lang::En)
        ),
    )
}

fn topic_in_two_rows(topic: &str, [a, b]: [u32; 2], same: bool, lang: Lang) -> String {
    match same {
        true => say(
            lang,
            format!("{topic}が{a}行目と{b}行目にあります。同じ実績なので1回だけ取り込みます"),
            format!("{topic} is in rows {a} and {b}, with the same results: taken once"),
        ),
        false => say(
            lang,
            format!(
                "{topic}が{a}行目と{b}行目にあります。両方の行の実績を取り込みます（両方の行にある実績は1回だけ）"
            ),
            format!(
                "{topic} is in rows {a} and {b}: the results of both rows are taken (one both \
                 rows hold, once)"
            ),
        ),
    }
}

/// A cell of an answer's table that is not read: typed where the office wrote, or in a row
/// that names no topic.
fn not_answer_words(text: &str, row_added: bool, lang: Lang) -> String {
    match row_added {
        true => say(
            lang,
            format!(
                "見出しのない行（挿入した行か表の下の行）のセルです。取り込みません:「{}」",
                crate::model::text::preview_not_taken(text)
            ),
            format!(
                "a cell in a row that names no topic (inserted, or under the table); not \
                 taken: 「{}」",
                crate::model::text::preview_not_taken(text)
            ),
        ),
        false => say(
            lang,
            format!(
                "回答欄（黄色）ではないセルに書かれた、または変えられた値です。取り込みません:「{}」",
                crate::model::text::preview_not_taken(text)
            ),
            format!(
                "a cell that is not an answer cell was typed in or changed; not taken: 「{}」",
                crate::model::text::preview_not_taken(text)
            ),
        ),
    }
}

/// An answer whose file was written before its division's answer was sent back.
fn older_than_sent_back_words(
    (sent_back, this): (chrono::NaiveDateTime, chrono::NaiveDateTime),
    lang: Lang,
) -> String {
    let time = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    let (back, this) = (time(sent_back), time(this));
    say(
        lang,
        format!(
            "この回答のファイル（{this}）は差戻し（{back}）より前に書かれたもので、訂正ではありません。差戻しはそのままです（提出状況は「差戻し」のまま）"
        ),
        format!(
            "this answer's file ({this}) was written before it was sent back ({back}): no correction, so the send-back stands"
        ),
    )
}

/// An answer older than the one of its division taken in before.
fn older_than_taken_words(
    taken_file: &str,
    (taken, this): (chrono::NaiveDateTime, chrono::NaiveDateTime),
    lang: Lang,
) -> String {
    let time = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    say(
        lang,
        format!(
            "この回答のファイル（{}）は、前に取り込んだ回答「{}」（{}）より古いものです。取り込みました（前の回答の内容を上書きします）",
            time(this),
            preview(taken_file),
            time(taken)
        ),
        format!(
            "this answer's file ({}) is older than the answer taken in before, 「{}」 ({}); taken all the same (it writes over that answer's changes)",
            time(this),
            preview(taken_file),
            time(taken)
        ),
    )
}

/// [`WarningKind::TextReadAgain`] worded, as the repair it reports is.
fn read_again_words(
    entry: &str,
    (was, now): (&Option<String>, &Option<String>),
    lang: Lang,
) -> String {
    let (was, now) = (was.clone(), now.clone());
    let rule = crate::model::validate::Rule::ReadAgain { was, now };
    format!("「{}」: {}", preview(entry), rule.describe(lang))
}

/// [`WarningKind::TopicWithoutDivision`] worded: a topic without heading named as the grid
/// names it.
fn without_division_words(initiative: &str, heading: Option<&str>, lang: Lang) -> String {
    let topic = match heading.map(str::trim) {
        None | Some("") => say(lang, "（見出しなし）".into(), "(no heading)".into()),
        Some(h) => format!("<{h}>"),
    };
    say(
        lang,
        format!(
            "取組{initiative}の{topic}には担当課がありません。照会はどの担当課にも送られません（担当課を入れてください）"
        ),
        format!(
            "initiative {initiative}'s topic {topic} has no division: the survey sends it to \
             nobody (give it one)"
        ),
    )
}

/// [`WarningKind::DateCell`] worded.
fn date_cell_words(text: &str, lang: Lang) -> String {
    say(
        lang,
        format!(
            "実績のセルは文字ではなく日付・時刻で、「{}」と読みました（Excelは「6/1」や「6月1日」を日付に変えます）。書かれたとおりか確かめてください",
            preview(text)
        ),
        format!(
            "the 実績 cell holds a date or time, not text, read as 「{}」 (Excel turns 「6/1」 or \
             「6月1日」 into a date); check it is what was written",
            preview(text)
        ),
    )
}

/// [`WarningKind::DivisionsAlike`] and [`WarningKind::DivisionSplit`] worded.
fn division_names_words(kind: &WarningKind, lang: Lang) -> String {
    use WarningKind as W;
    match kind {
        W::DivisionsAlike { names } => {
            let quoted = |sep| {
                (names.iter())
                    .map(|n| format!("「{}」", preview(n)))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            say(
                lang,
                format!(
                    "担当課名{}は空白や見えない文字のほかは同じですが、別々の担当課として扱います（照会も別々に送ります）。同じ課なら書き方を揃えてください",
                    quoted("と")
                ),
                format!(
                    "the 担当課 names {} differ only in spaces or characters that do not show \
                     but are taken as different divisions (each sent its own survey): write \
                     them alike if they are one",
                    quoted(" and ")
                ),
            )
        }
        W::DivisionSplit { parts, whole } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| format!("「{}」", preview(p)))
                .collect();
            let whole = preview(whole);
            say(
                lang,
                format!(
                    "担当課{}は、2行に分けて書いた「{whole}」かもしれません。別々の担当課として扱います（照会も別々に送ります）",
                    parts.join("と")
                ),
                format!(
                    "the 担当課 {} may be 「{whole}」 written on two lines; they are taken as \
                     different divisions (each sent its own survey)",
                    parts.join(" and ")
                ),
            )
        }
        _ => String::new(),
    }
}

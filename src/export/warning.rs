//! What an export wrote otherwise than the report holds it, so that the user is told: the
//! export was written all the same.

use std::fmt;

use crate::lang::{Describe, Lang, say};
use crate::model::Report;
use crate::model::text_place::{TextPlace, for_each_text};

/// A character, and the first text of the report holding it (`None`: only a heading the export
/// makes itself holds it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub c: char,
    pub place: Option<TextPlace>,
    /// The words around it in that text: a topic of eighty results is not a place to find
    /// one character in.
    pub around: String,
    /// How many texts after the first hold it too.
    pub elsewhere: usize,
}

impl Describe for Named {
    fn describe(&self, lang: Lang) -> String {
        let c = format!("「{}」(U+{:04X})", self.c, self.c as u32);
        let more = self.elsewhere;
        match &self.place {
            Some(place) if more > 0 => say(
                lang,
                format!(
                    "{c}（{}「{}」ほか{more}か所）",
                    place.describe(lang),
                    self.around
                ),
                format!(
                    "{c} ({} <{}> and {more} more {})",
                    place.describe(lang),
                    self.around,
                    if more == 1 { "place" } else { "places" }
                ),
            ),
            Some(place) => say(
                lang,
                format!("{c}（{}「{}」）", place.describe(lang), self.around),
                format!("{c} ({} <{}>)", place.describe(lang), self.around),
            ),
            None => c,
        }
    }
}

/// Each character with the first text holding it, and how many texts after it hold it too (a
/// character pasted into forty results is not one place to look at).
pub fn first_places(report: &Report, chars: &[char]) -> Vec<Named> {
    let mut named: Vec<Named> = chars
        .iter()
        .map(|&c| Named {
            c,
            place: None,
            around: String::new(),
            elsewhere: 0,
        })
        .collect();
    for_each_text(report, &mut |at, text| {
        for n in named.iter_mut() {
            let Some(at_char) = text.find(n.c) else {
                continue;
            };
            if n.place.is_some() {
                n.elsewhere += 1;
            } else {
                n.place = Some(at.place());
                n.around = around(text, at_char);
            }
        }
    });
    named
}

/// Up to ten characters before byte `at` of `text` and twenty from it, on one line.
fn around(text: &str, at: usize) -> String {
    let before: Vec<char> = text[..at].chars().rev().take(10).collect();
    let mut out: String = if before.len() == 10 {
        "…".into()
    } else {
        String::new()
    };
    out.extend(before.into_iter().rev());
    let mut after = text[at..].chars();
    out.extend(after.by_ref().take(20));
    if after.next().is_some() {
        out.push('…');
    }
    crate::model::text::visible(&out.replace(['\n', '\r'], " ")).into_owned()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWarning {
    /// CP932 has no code for these characters: the report table writes each as a character
    /// reference (`&#134071;`), which Shinchoku reads back as the character (another program
    /// shows the reference).
    AsReferences { chars: Vec<Named> },
    /// CP932 writes these as the character Windows has a code for (`〜` U+301C as `～` U+FF5E):
    /// the same to the eye, and read back as that form.
    WindowsForms { chars: Vec<Named> },
    /// A text longer than an Excel cell holds (32,767 characters, counted in UTF-16): the cell
    /// holds its beginning and says how much was left out.
    CellCut {
        /// The cell: `進捗報告!H12`.
        cell: String,
        place: TextPlace,
        length: usize,
        kept: usize,
    },
    /// The title is longer than Excel's page header holds (255 characters with its codes):
    /// the header has its beginning and `…`; the sheet's first row has it whole when it fits
    /// a cell (`whole_in_sheet`; else that cell's own warning says what it holds).
    HeaderCut {
        length: usize,
        kept: usize,
        whole_in_sheet: bool,
    },
    /// An entry line written as a topic heading is (`<追加分>` alone on its line, no `・`): a
    /// workbook cell has no way to say it is text, and the workbook read back makes it a
    /// heading. The report table, the CSV and the `.ron` keep it as text.
    ReadsAsHeading { place: TextPlace, line: String },
    /// An entry whose text holds a line break: a workbook cell holds an entry a line, so the
    /// workbook read back makes each of its lines an entry. The report table, the CSV and the
    /// `.ron` keep it one.
    LineBreakSplits { place: TextPlace, text: String },
    /// A topic heading a workbook cell does not read back as written (a `>` or a line break in
    /// it): the workbook read back makes another heading, and a line of its rest. The report
    /// table, the CSV and the `.ron` keep it.
    HeadingReadsOtherwise { place: TextPlace, heading: String },
    /// Excel allows 1,023 manual page breaks: the breaks that keep the most rows of an
    /// initiative together were set. Excel breaks the pages itself where the others were: at
    /// the same row before an initiative of one row, and possibly inside one of several.
    /// The texts the report keeps unread as written (a memo above the header, a column past
    /// 担当課): no export format has a place for them; the `.ron` keeps them.
    UnreadNotWritten { count: usize, first: String },
    PageBreaksLeft {
        needed: usize,
        set: usize,
        /// Breaks left to Excel before an initiative of one row.
        before_one_row: usize,
        /// The initiatives (numbers) of several rows whose break was left to Excel, in order.
        initiatives: Vec<String>,
    },
}

/// The first few of a long list, and how many more.
fn some_of(items: &[String], lang: Lang) -> String {
    const SHOWN: usize = 10;
    let list: Vec<String> = items.iter().take(SHOWN).cloned().collect();
    let more = items.len().saturating_sub(SHOWN);
    crate::lang::first_and_more(&list, more, "件", lang)
}

impl Describe for ExportWarning {
    fn describe(&self, lang: Lang) -> String {
        let named = |chars: &[Named]| {
            let list: Vec<String> = chars.iter().map(|n| n.describe(lang)).collect();
            some_of(&list, lang)
        };
        match self {
            ExportWarning::AsReferences { chars } => as_references(&named(chars), chars, lang),
            ExportWarning::UnreadNotWritten { count, first } => {
                let first = crate::model::text::preview(first);
                say(
                    lang,
                    format!(
                        "読み取らずに残した元の文{count}件（「{first}」など）は、この形式には書きません。報告ファイル（.ron）には残っています"
                    ),
                    format!(
                        "the {count} text(s) kept unread as written (「{first}」…) are not written in this format; the report file (.ron) keeps them"
                    ),
                )
            }
            ExportWarning::WindowsForms { chars } => say(
                lang,
                format!(
                    "{} はCP932ではWindowsの同じ形の文字として書きました。読み込むとその文字（〜なら～ U+FF5E）になります",
                    named(chars)
                ),
                format!(
                    "{} written in CP932 as the character Windows has for it; it reads back as \
                     that character (〜 as ～ U+FF5E)",
                    named(chars)
                ),
            ),
            ExportWarning::CellCut {
                cell,
                place,
                length,
                kept,
            } => say(
                lang,
                format!(
                    "{cell}（{}）は{length}文字あり、Excelのセルに入る32,767文字を超えるため、初めの{kept}文字だけを書き、省いたことをセルに書きました",
                    place.describe(lang)
                ),
                format!(
                    "{cell} ({}) holds {length} characters, more than an Excel cell's 32,767: \
                     the cell has its first {kept} and says the rest was left out",
                    place.describe(lang)
                ),
            ),
            ExportWarning::HeaderCut {
                length,
                kept,
                whole_in_sheet,
            } => {
                let (ja, en) = if *whole_in_sheet {
                    (
                        "（シートの1行目には全文があります）",
                        " (the sheet's first row has it whole)",
                    )
                } else {
                    ("", "")
                };
                say(
                    lang,
                    format!(
                        "表題が{length}文字あり、Excelのページヘッダーに入らないため、ヘッダーには初めの{kept}文字と「…」を書きました{ja}"
                    ),
                    format!(
                        "the title holds {length} characters, more than Excel's page header takes: \
                         the header has its first {kept} and 「…」{en}"
                    ),
                )
            }
            ExportWarning::ReadsAsHeading { place, line } => reads_as_heading(place, line, lang),
            ExportWarning::LineBreakSplits { place, text } => line_break_splits(place, text, lang),
            ExportWarning::HeadingReadsOtherwise { place, heading } => {
                heading_reads_otherwise(place, heading, lang)
            }
            ExportWarning::PageBreaksLeft {
                needed,
                set,
                before_one_row,
                initiatives,
            } => {
                let split = if initiatives.is_empty() {
                    say(
                        lang,
                        "途中で分かれる取組はありません".into(),
                        "no initiative is split".into(),
                    )
                } else {
                    say(
                        lang,
                        format!(
                            "取組 {} の前もExcelに任せたため、途中で分かれることがあります",
                            some_of(initiatives, lang)
                        ),
                        format!(
                            "the breaks before initiatives {} were left to Excel too, and one \
                             may be split",
                            some_of(initiatives, lang)
                        ),
                    )
                };
                say(
                    lang,
                    format!(
                        "改ページが{needed}か所必要ですが、Excelは1,023か所までです。行の多い取組の前を優先して{set}か所に入れ、1行だけの取組の前の{before_one_row}か所はExcelの改ページに任せました（同じ行で改ページされます）。{split}"
                    ),
                    format!(
                        "{needed} page breaks are needed but Excel allows 1,023: the {set} before \
                         the initiatives of the most rows were set, and the {before_one_row} \
                         before an initiative of one row left to Excel, which breaks at the \
                         same row; {split}"
                    ),
                )
            }
        }
    }
}

impl fmt::Display for ExportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// [`ExportWarning::ReadsAsHeading`]'s words.
fn reads_as_heading(place: &TextPlace, line: &str, lang: Lang) -> String {
    say(
        lang,
        format!(
            "{}の「{line}」は見出しの形（<…>だけの行）のため、このExcelファイルを読み込むと見出しになります（報告の表・CSV・.ronでは文のまま）。文として残すには「・」を付けるか、<>以外の字で始めてください",
            place.describe(lang)
        ),
        format!(
            "「{line}」 in {} reads as a topic heading (<…> alone on its line): read back, this workbook makes it one (the report table, the CSV and the .ron keep it as text). Start it with 「・」 or another character to keep it text",
            place.describe(lang)
        ),
    )
}

/// [`ExportWarning::LineBreakSplits`]'s words.
fn line_break_splits(place: &TextPlace, text: &str, lang: Lang) -> String {
    let shown = crate::model::text::preview(&text.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎"));
    say(
        lang,
        format!(
            "{}の「{shown}」は改行を含みます。Excelのセルでは1行が1件のため、このExcelファイルを読み込むと行ごとに別の記載になります（報告の表・CSV・.ronでは1件のまま）",
            place.describe(lang)
        ),
        format!(
            "「{shown}」 in {} holds a line break: a workbook cell holds an entry a line, so read back, this workbook makes each line an entry (the report table, the CSV and the .ron keep it one)",
            place.describe(lang)
        ),
    )
}

/// [`ExportWarning::AsReferences`]'s words: `named`, the characters as listed.
fn as_references(named: &str, chars: &[Named], lang: Lang) -> String {
    // The first character's own reference, as the file holds it.
    let example = chars
        .first()
        .map_or_else(String::new, |n| format!("&#{};", u32::from(n.c)));
    say(
        lang,
        format!(
            "CP932にない文字 {named} を文字参照（{example} の形）で書きました。進捗で読み込むと元の文字に戻ります（他のソフトでは参照のまま見えます）"
        ),
        format!(
            "CP932 has no code for {named}: written as character references ({example}), \
             which Shinchoku reads back as the characters (other programs show the \
             references)"
        ),
    )
}

/// [`ExportWarning::HeadingReadsOtherwise`]'s words.
fn heading_reads_otherwise(place: &TextPlace, heading: &str, lang: Lang) -> String {
    let shown =
        crate::model::text::preview(&heading.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎"));
    say(
        lang,
        format!(
            "{}の見出し「{shown}」は「>」か改行を含むため、このExcelファイルを読み込むと別の見出しと記載に分かれます（報告の表・CSV・.ronでは見出しのまま）",
            place.describe(lang)
        ),
        format!(
            "the heading 「{shown}」 in {} holds a 「>」 or a line break: read back, this workbook makes another heading and a line of its rest (the report table, the CSV and the .ron keep it)",
            place.describe(lang)
        ),
    )
}

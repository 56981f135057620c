//! The words of the errors that stop a file from opening or saving: one `match` arm per kind,
//! each one expression (a kind whose wording takes more is a small function below its table).

use std::fmt;

use super::{
    DecodeProblem, FileError, FileErrorKind, ImportError, ImportErrorKind, ImportErrorKind as K,
    StoreProblem, SyntaxProblem,
};
use crate::lang::{Describe, Lang, say};
use crate::model::validate::Violation;

impl Describe for FileError {
    fn describe(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            crate::model::text::path_shown(&self.path),
            self.what(lang)
        )
    }
}

impl FileError {
    /// What went wrong, without the file's path: for a list that names the file already.
    pub fn what(&self, lang: Lang) -> String {
        match &self.kind {
            FileErrorKind::CannotRead(e) => say(
                lang,
                format!("ファイルを読めません: {}", e.describe(lang)),
                format!("cannot read the file: {}", e.describe(lang)),
            ),
            FileErrorKind::CannotWrite(e) => say(
                lang,
                format!("保存できません: {}", e.describe(lang)),
                format!("cannot save: {}", e.describe(lang)),
            ),
            FileErrorKind::NotUtf8 {
                byte,
                shift_jis: true,
            } => say(
                lang,
                format!(
                    "Shift_JIS（メモ帳などの「ANSI」）で保存されたファイルです。UTF-8 で保存し直してください（{byte}バイト目から UTF-8 ではありません）"
                ),
                format!(
                    "saved as Shift_JIS (a text editor's \"ANSI\"): save it again as UTF-8 \
                     (not UTF-8 from byte {byte})"
                ),
            ),
            FileErrorKind::NotUtf8 { byte, .. } => say(
                lang,
                format!(
                    "進捗のファイルではありません: UTF-8の文字ではありません（{byte}バイト目）"
                ),
                format!("not a Shinchoku report file: not UTF-8 text (byte {byte})"),
            ),
            FileErrorKind::Store(e) => e.describe(lang),
            FileErrorKind::Import(e) => e.describe(lang),
            FileErrorKind::AnswerNotReport { division } => {
                let whose = division_named(division, lang);
                say(
                    lang,
                    format!(
                        "{whose}の回答（照会の回答のブック）で、報告ではありません。取りまとめ（collect）で親の報告に取り込んでください"
                    ),
                    format!(
                        "it is the answer of {whose} (a survey's answer workbook), not a report: take it into the master with collect (取りまとめ)"
                    ),
                )
            }
            FileErrorKind::NotAFile => say(
                lang,
                "ファイルではありません（名前付きパイプや装置は読みません）".into(),
                "not a file (a named pipe or a device is not read)".into(),
            ),
            FileErrorKind::FileTooLarge { bytes } => {
                use crate::model::bounds::{MAX_FILE_BYTES, megabytes};
                let (mb, most) = (megabytes(*bytes), megabytes(MAX_FILE_BYTES));
                say(
                    lang,
                    format!("ファイルが大きすぎます（{mb} MB。読めるのは{most} MBまで）"),
                    format!("the file is too large ({mb} MB; at most {most} MB is read)"),
                )
            }
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for FileError {}

/// The most of `ron`'s own message said: it quotes what it met, and a field named by 30 MB of
/// text made a message line of 30 MB.
const MESSAGE_CHARS: usize = 400;

impl Describe for StoreProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            // A field the model does not have (a misspelt `actuals:`) would be read past and
            // gone at the next save: not opened, and said so.
            StoreProblem::Malformed {
                line,
                column,
                message,
                problem: SyntaxProblem::NoSuchField(field),
            } => say(
                lang,
                format!(
                    "{line}行{column}列: 報告にない項目「{}」があります（書き間違いではありませんか）。読み飛ばすと次の保存でその中身が失われるため、開きませんでした。ファイルは変更していません",
                    crate::model::text::preview(field)
                ),
                format!(
                    "line {line}, column {column}: {}; read past, its contents would be lost at the next save, so the file is not opened (it is unchanged)",
                    crate::model::text::clipped(message, MESSAGE_CHARS)
                ),
            ),
            StoreProblem::Malformed {
                line,
                column,
                message,
                problem,
            } => say(
                lang,
                format!(
                    "{line}行{column}列: 進捗の報告ファイルではありません: {}",
                    syntax_words_ja(problem)
                ),
                format!(
                    "line {line}, column {column}: not a Shinchoku report file: {}",
                    crate::model::text::clipped(message, MESSAGE_CHARS)
                ),
            ),
            StoreProblem::NestedTooDeeply { line, column } => say(
                lang,
                format!(
                    "{line}行{column}列: 括弧の入れ子が深すぎます。進捗の報告ファイルではありません"
                ),
                format!(
                    "line {line}, column {column}: brackets nested deeper than any report's; not \
                     a Shinchoku report file"
                ),
            ),
            StoreProblem::NewerSchema { found, supported } => say(
                lang,
                format!(
                    "新しい版の進捗で書かれたファイルです（形式{found}。この版が読めるのは形式{supported}まで）。新しい版で開いてください"
                ),
                format!(
                    "written by a newer Shinchoku (file schema {found}; this version reads up to \
                     schema {supported}); open it with a newer Shinchoku"
                ),
            ),
            StoreProblem::Invalid(found) => damaged_report(found, lang),
        }
    }
}

impl fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for StoreProblem {}

impl Describe for ImportError {
    fn describe(&self, lang: Lang) -> String {
        let what = import_words(&self.kind, lang);
        let at = self.at.describe(lang);
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// A report that breaks the model's rules: the first broken rules and how many more.
fn damaged_report(found: &[Violation], lang: Lang) -> String {
    // Every place matters to whoever mends the file, but a message stays readable.
    const SHOWN: usize = 10;
    let list: Vec<String> = found.iter().take(SHOWN).map(|v| v.describe(lang)).collect();
    let more = found.len().saturating_sub(SHOWN);
    match lang {
        Lang::Ja if more > 0 => {
            format!("壊れた報告です: {}; ほか{more}件", list.join("; "))
        }
        Lang::Ja => format!("壊れた報告です: {}", list.join("; ")),
        Lang::En if more > 0 => {
            format!("a damaged report: {}; and {more} more", list.join("; "))
        }
        Lang::En => format!("a damaged report: {}", list.join("; ")),
    }
}

/// What is wrong with an import, without where.
fn import_words(kind: &ImportErrorKind, lang: Lang) -> String {
    match kind {
        K::Empty => say(
            lang,
            "ファイルに文字がありません（空か、空白・タブ・改行だけです）。報告の表（タブ区切りの文）を選んでください".into(),
            "the file holds no text (it is empty, or only spaces, tabs and line breaks): \
             expected a report table (tab-separated text)"
                .into(),
        ),
        K::NotText(problem) => not_text(problem, lang),
        K::Binary => say(
            lang,
            "バイナリデータ（NULバイト）です。報告の表ではありません".into(),
            "binary data (a NUL byte): not a report table".into(),
        ),
        K::NoHeaderRow => say(
            lang,
            "見出しの行がありません。「番号」と「具体的取組」の列見出しがある行が必要です（公表された報告の表のように）".into(),
            "no header row found: expected a row with the column headings 番号 and \
             具体的取組 (as in the published report table)"
                .into(),
        ),
        K::NoHeaderRowWithin { rows } => say(
            lang,
            format!("最初の{rows}行に見出しの行がありません。「番号」と「具体的取組」の列見出しがある行が必要です（表題の行がそれより多い表は報告の表ではないか、壊れています）"),
            format!("no header row among the first {rows} rows with text: expected a row with the column headings 番号 and 具体的取組 (a title block of more rows is no report table's, or a damaged one)"),
        ),
        K::EntriesCsv => say(
            lang,
            "記載ごとの行のCSV（進捗のCSV出力）です。題名・年度・工程表がないため報告としては読めません。報告の表（.tsv）かExcelファイル（.xlsx）を取り込んでください".into(),
            "a CSV of entries, a row per entry (Shinchoku's CSV export): it has no title, fiscal \
             year or stage table to read a report from; import the report table (.tsv) or the \
             workbook (.xlsx)"
                .into(),
        ),
        K::CsvQuoteUnpaired { closed } => quote_unpaired_words(*closed, lang),
        K::SharedStringUnnamed { written } => shared_string_words(written, lang),
        K::NoFiscalYear => say(
            lang,
            "年度がありません。タイトル行か列見出しに「平成 29 年度」のような年度が必要です"
                .into(),
            "no fiscal year found: expected an era year such as 平成 29 年度 in the title \
             line or the column headings"
                .into(),
        ),
        K::YearNotHandled { written } => say(
            lang,
            format!(
                "年度がありません。タイトルの「{written}」は進捗が扱える年度ではなく、列見出しにも年度がありません"
            ),
            format!(
                "no fiscal year found: 「{written}」 in the title is not a year Shinchoku \
                 handles, and the column headings name none"
            ),
        ),
        K::DamagedWorkbook { format, why } => say(
            lang,
            format!(
                "{format}のブックとして開けません（壊れているか、途中で切れているか、ブックではありません）: {}",
                damage_in_japanese(why)
            ),
            format!(
                "cannot be opened as an {format} workbook (damaged, cut short, or not a \
                 workbook): {why}"
            ),
        ),
        K::EncryptedWorkbook => say(
            lang,
            "パスワードで保護されたブックです。Excelでパスワードを外して保存してから開いてください".into(),
            "the workbook is protected by a password: remove the password in Excel, save, \
             and open it again"
                .into(),
        ),
        // No sheet at all: the package lists none (its xl/workbook.xml missing or empty).
        K::NoReportSheet { sheets } if sheets.is_empty() => say(
            lang,
            "ブックにシートがひとつもありません（シートの一覧 xl/workbook.xml がないか空です）".into(),
            "the workbook lists no sheet at all (its sheet list, xl/workbook.xml, is missing or empty)"
                .into(),
        ),
        K::NoReportSheet { sheets } => say(
            lang,
            format!(
                "報告の表のあるシートがありません。「番号」と「具体的取組」の列見出しがある行が必要です（調べたシート: {}）",
                sheets_named(sheets, lang)
            ),
            format!(
                "no sheet holds a report table: expected a row with the column headings \
                 番号 and 具体的取組 (sheets searched: {})",
                sheets_named(sheets, lang)
            ),
        ),
        K::TooLarge { format, excess } => say(
            lang,
            format!("{format}のブックが読める大きさを超えています: {}", excess.describe(lang)),
            format!(
                "the {format} workbook is beyond what is read: {}",
                excess.describe(lang)
            ),
        ),
        K::TooManyInitiatives => too_many_initiatives_words(lang),
        K::TooManyDivisionsNamed(excess) => divisions_named_words(excess, lang),
        K::TooManyLines => {
            let most = crate::model::bounds::MAX_TABLE_LINES;
            say(
                lang,
                format!("行（改行・「・」・タグ・見出しで始まる項目や、月の括弧で区切られる小項目）が多すぎます（読めるのは{most}件まで）。報告の表ではないか、壊れています"),
                format!("too many lines (entries started by a line break, a 「・」, a tag or a heading, and sub-items ended by a month bracket; at most {most} are read): not a report table, or a damaged one"),
            )
        }
        K::NoInitiative => say(
            lang,
            "取組の行がありません。取組の番号（1、2…）と題で始まる行が必要です".into(),
            "no initiative rows found: expected rows that start with the initiative's \
             number (1, 2, …) followed by its title"
                .into(),
        ),
    }
}

/// Bytes that are not text in an encoding Shinchoku reads, and why.
fn not_text(problem: &DecodeProblem, lang: Lang) -> String {
    let why = match problem {
        DecodeProblem::BadUtf8AfterBom { byte } => say(
            lang,
            format!("UTF-8のBOMで始まりますが、UTF-8ではありません（{byte}バイト目）"),
            format!("it starts with a UTF-8 BOM but is not UTF-8 (byte {byte})"),
        ),
        DecodeProblem::OddUtf16 { encoding } => say(
            lang,
            format!("{encoding}のBOMで始まりますが、バイト数が奇数です（途中で切れていませんか）"),
            format!(
                "it starts with a {encoding} BOM but has an odd number of bytes \
                     (truncated?)"
            ),
        ),
        DecodeProblem::BadUtf16 {
            encoding,
            line,
            byte,
        } => say(
            lang,
            format!(
                "{encoding}のBOMで始まりますが、正しい{encoding}ではありません（{line}行目、{byte}バイト目）"
            ),
            format!(
                "it starts with a {encoding} BOM but is not valid {encoding} (line {line}, byte \
                 {byte})"
            ),
        ),
        DecodeProblem::Unknown {
            utf8: (u_line, u_byte),
            cp932: (line, byte),
        } => say(
            lang,
            format!(
                "UTF-8、BOM付きUTF-16、CP932（Shift_JIS）のどれでもありません（UTF-8として読めないのは{u_line}行目、{u_byte}バイト目、CP932として読めないのは{line}行目、{byte}バイト目）"
            ),
            format!(
                "it is neither UTF-8, UTF-16 with a BOM, nor CP932 (Shift_JIS) text (as UTF-8 it \
                 stops at line {u_line}, byte {u_byte}; as CP932 at line {line}, byte {byte})"
            ),
        ),
    };
    say(
        lang,
        format!("報告の表ではありません: {why}"),
        format!("not a report table: {why}"),
    )
}

/// The sheets a message names: the first few, each cut to a preview, and how many more (a
/// workbook of 5,000 sheets with names thousands of characters long made a 45 MB line).
fn sheets_named(sheets: &[String], lang: Lang) -> String {
    const NAMED: usize = 10;
    let named: Vec<String> = sheets
        .iter()
        .take(NAMED)
        .map(|s| crate::model::text::preview(s))
        // In Japanese each in 「」: a sheet's name is the file's word (Sheet1), not the window's.
        .map(|s| say(lang, format!("「{s}」"), s))
        .collect();
    crate::lang::first_and_more(&named, sheets.len().saturating_sub(NAMED), "枚", lang)
}

/// What the RON reader found, in Japanese (the English message is its own words).
fn syntax_words_ja(problem: &super::SyntaxProblem) -> String {
    use super::{Expected as E, SyntaxProblem as P};
    let expected = |e: &E| match e {
        E::Bracket => "括弧「(」「[」",
        E::ClosingBracket => "閉じ括弧「)」「]」",
        E::Comma => "「,」",
        E::Colon => "「:」",
        E::String => "文字列（\"…\"）",
        E::Number => "数",
        E::Boolean => "true か false",
        E::Name => "項目名",
        E::Value => "値",
    };
    match problem {
        P::EndOfFile => "報告の途中でファイルが終わっています".into(),
        P::Expected(e) => format!("ここには{}が入るはずです", expected(e)),
        P::UnexpectedChar(c) => format!(
            "ここに書けない文字「{}」があります",
            crate::model::text::visible(&c.to_string())
        ),
        P::NoSuchField(f) => format!(
            "報告にない項目「{}」があります",
            crate::model::text::preview(f)
        ),
        P::MissingField(f) => format!("項目「{f}」がありません"),
        P::DuplicateField(f) => format!("項目「{f}」が2度書かれています"),
        P::NoSuchKind(k) => format!(
            "報告にない種類「{}」があります",
            crate::model::text::preview(k)
        ),
        P::TrailingCharacters => "報告の終わりの後に文字があります".into(),
        P::InvalidEscape => "「\\」で始まる書き方が読めません".into(),
        P::NotUtf8 => "UTF-8 の文字として読めないバイトがあります".into(),
        P::NumberOutOfRange => "数が大きすぎるか小さすぎます".into(),
        P::BadValue => "値の種類が違うか、進捗が書かない形の値です".into(),
    }
}

/// [`super::ImportErrorKind::TooManyDivisionsNamed`] worded, naming the initiative.
fn divisions_named_words(excess: &crate::model::bounds::DivisionsNamed, lang: Lang) -> String {
    let n = &excess.initiative;
    let at = say(lang, format!("取組{n}: "), format!("initiative {n}: "));
    format!("{at}{}", excess.describe(lang))
}

/// [`super::ImportErrorKind::TooManyInitiatives`] worded.
fn too_many_initiatives_words(lang: Lang) -> String {
    let most = crate::model::bounds::MAX_INITIATIVES;
    say(
        lang,
        format!("取組が多すぎます（読めるのは{most}件まで）。報告の表ではないか、壊れています"),
        format!(
            "too many initiatives (at most {most} are read): not a report table, or a damaged \
             one"
        ),
    )
}

/// What a workbook reader said is wrong with a file (its own words, in English), in Japanese
/// for the Japanese window: the kind of damage where the words tell it, else that the file's
/// form is broken. The English window shows the reader's words as they are.
/// A division as a message names it: its name with what does not show marked, or 「担当課」 (a
/// division) where none could be read.
pub fn division_named(division: &str, lang: Lang) -> String {
    match division {
        "" => say(lang, "担当課".into(), "a division".into()),
        named => crate::model::text::visible(named).into_owned(),
    }
}

/// [`ImportErrorKind::SharedStringUnnamed`] worded.
fn shared_string_words(written: &str, lang: Lang) -> String {
    let written = crate::model::text::preview(written);
    say(
        lang,
        format!(
            "文字列のセルですが、値「{written}」がブックの文字列の番号になっていません。ブックが正しく書かれていないので読みません（表計算ソフトで開いて保存し直してください）"
        ),
        format!(
            "the cell says it holds a shared string, but its value 「{written}」 is no string's number: the workbook was written wrongly and is not read (open it in a spreadsheet program and save it again)"
        ),
    )
}

pub fn damage_in_japanese(why: &str) -> String {
    let lower = why.to_ascii_lowercase();
    let sheet = why
        .strip_prefix("sheet ")
        .and_then(|rest| rest.split_once(": "))
        .map(|(name, _)| name);
    let kind = if lower.contains("empty zip") {
        "中身のないZIPです"
    } else if lower.contains("neither a zip") {
        "ZIPでもExcel 97-2003の形式でもありません"
    } else if lower.contains("eocd")
        || lower.contains("eof")
        || lower.contains("end of file")
        || lower.contains("ends inside")
        || lower.contains("truncated")
    {
        "ファイルが途中で切れています"
    } else if lower.contains("password") || lower.contains("encrypt") {
        "パスワードで保護されています"
    } else if lower.contains("xml") {
        "ブックの中のXMLが壊れています"
    } else if lower.contains("zip") {
        "ZIPの形が壊れています"
    } else {
        "ファイルの形が壊れています"
    };
    match sheet {
        Some(name) => format!("シート「{}」: {kind}", crate::model::text::preview(name)),
        None => kind.to_string(),
    }
}

/// The words of a CSV field whose quotes do not pair across lines.
fn quote_unpaired_words(closed: Option<usize>, lang: Lang) -> String {
    let (ja, en) = match closed {
        Some(row) => (
            format!("{row}行目で閉じた後に文字が続いています"),
            format!("it is closed on row {row} with text after the quote"),
        ),
        None => (
            "ファイルの終わりまで閉じられていません".into(),
            "it is never closed".into(),
        ),
    };
    say(
        lang,
        format!(
            "引用符（\"）で始まる欄の引用符が対になっていません（{ja}）。このまま読むと後の行まで一つの欄になるため、読みませんでした。欄の中の \" は \"\" と二つ重ねて書いてください"
        ),
        format!(
            "a field starting with a quote (\") has no matching closing quote ({en}): read on, the rows after it would become one cell, so the file is not read; a quote inside a field is written twice (\"\")"
        ),
    )
}

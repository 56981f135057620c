//! How large a file Shinchoku reads, and the refusal of one beyond it. A report is a few
//! thousand rows of a dozen columns; the readers check a workbook's extent against these
//! bounds *before* they allocate for it, so that a hostile or damaged file of a few kilobytes
//! (a cell named at XFD1048576, a shared-string count of four billion, a zip bomb) is refused
//! in a moment instead of taking the machine's memory.

use crate::lang::{Describe, Lang, say};

/// Cells holding a value, in all the sheets of a workbook read (a 10,000-initiative report's
/// sheet holds about 100,000).
pub const MAX_CELLS: usize = 1_000_000;
/// The text of those cells, in UTF-8 bytes (also what an `.xls` formula's text may grow to).
pub const MAX_TEXT_BYTES: usize = 64 << 20;
/// Cells written in an XLSX package's parts, empty ones too (`<c/>`): calamine reads each, and
/// thirty million empty ones, 120 MB unzipped from 170 KB, took 17 s. The 10,000-initiative
/// export writes 770,000.
pub const MAX_CELLS_WRITTEN: u64 = 5_000_000;
/// The parts of an XLSX or ODS package, unzipped, together (the 10,000-initiative export
/// unzips to about 40 MB).
pub const MAX_UNZIPPED_BYTES: u64 = 128 << 20;
/// Sheets an XLSX may list: the reader finds each by its name among all the others, so 40,000
/// empty sheets (9.6 MB) took 89 s (a report's workbook has a few).
pub const MAX_SHEETS: usize = 1_000;
/// What an `.xls`'s formulas' space tokens (`tAttrSpace`, up to 255 spaces each) may cost the
/// reader, counted as the square of each formula's spaces: it inserts them one at a time at the
/// start of the formula's text, and one formula of 16,000 such tokens in a 66 KB file took
/// minutes (4 million spaces; a formula typed in Excel has a few). Ten billion is one formula
/// of 100,000 spaces, a tenth of a second here.
pub const MAX_XLS_FORMULA_SPACE_WORK: u64 = 10_000_000_000;
/// Shared strings an XLSX may declare (`uniqueCount`): the reader reserves room for them all.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;
/// Cell formats (`<xf>`) and number formats (`<numFmt>`) an XLSX's `styles.xml` may hold,
/// each: the reader keeps every one, about 160 bytes apiece (Excel itself allows 64,000 cell
/// formats; 8 million empty `<xf/>` in a 60 KB file asked for 1.3 GB).
pub const MAX_STYLES: u64 = 200_000;
/// The bytes of `styles.xml`, unzipped (a report's is well under 1 MB; 200 number formats of
/// 600 KB each took 720 MB to read).
pub const MAX_STYLES_BYTES: u64 = 16 << 20;
/// An `.xls` sheet is read whole, as a rectangle from its first used cell to its last: rows
/// times columns of that rectangle (and of its DIMENSIONS record) at most.
pub const MAX_XLS_AREA: u64 = 2_000_000;
/// The rectangles of all the sheets of an `.xls` together: calamine reads every sheet whole
/// when it opens the file, so four hundred small sheets of two far cells each would be four
/// hundred such rectangles.
pub const MAX_XLS_TOTAL_AREA: u64 = 2 * MAX_XLS_AREA;
/// The BIFF8 format's own sheet is 256 columns wide (IV).
pub const XLS_COLUMNS: u32 = 256;
/// The bytes of any file read (a report, a table, a workbook, an answer): its size is known
/// before it is read, so a sparse file of gigabytes is refused unread (a 10,000-initiative
/// report's `.ron` is 38.7 MB). Only regular files are read: a named pipe or a device
/// (`/dev/zero`) may never end.
pub const MAX_FILE_BYTES: u64 = 100 << 20;
/// Initiatives a table may hold (a prefecture's programme has a few hundred): 960,000 rows of
/// `1⇥1⇥1⇥1⇥1` in a 9.6 MB table each made one, and took 3.5 GB to check.
pub const MAX_INITIATIVES: usize = 150_000;
/// 担当課 named beside the topics of a report, counted over it: a topic naming none is
/// answered by each division of its initiative, and the outputs name them beside it (`check
/// --json`, the web page, the printout). One initiative of 4,000 topics and 4,000 divisions,
/// a 370 KB file, named 16 million: an 819 MB `check --json`, a 1.1 GB web page, a print that
/// ran out of memory. The 10,000-initiative sample names 19,090 (150,000 initiatives, the
/// most a report holds, about 290,000); one initiative of 500,000 divisions, one topic, is
/// read.
pub const MAX_DIVISIONS_NAMED: usize = 1_000_000;

/// A report naming more 担当課 beside its topics than [`MAX_DIVISIONS_NAMED`]: how many in all
/// (`named`), and the initiative naming the most (its number, divisions and topics).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DivisionsNamed {
    pub initiative: String,
    pub named: usize,
    pub divisions: usize,
    pub topics: usize,
}

impl DivisionsNamed {
    /// The excess of `report`, if it names more than the bound.
    pub fn beyond_bound(report: &crate::model::Report) -> Option<DivisionsNamed> {
        let mut all = 0usize;
        let mut most: Option<(&crate::model::Initiative, usize)> = None;
        for i in report.initiatives() {
            let shared = i.topics.iter().filter(|t| t.division.is_none()).count();
            let named =
                (shared.saturating_mul(i.divisions.len())).saturating_add(i.topics.len() - shared);
            all = all.saturating_add(named);
            if most.is_none_or(|(_, n)| named > n) {
                most = Some((i, named));
            }
        }
        let (i, _) = most.filter(|_| all > MAX_DIVISIONS_NAMED)?;
        Some(DivisionsNamed {
            initiative: i.number.clone(),
            named: all,
            divisions: i.divisions.len(),
            topics: i.topics.len(),
        })
    }
}

/// Without the initiative's number (the place says it).
impl Describe for DivisionsNamed {
    fn describe(&self, lang: Lang) -> String {
        let DivisionsNamed {
            named,
            divisions,
            topics,
            ..
        } = self;
        say(
            lang,
            format!(
                "担当課が見出しごとに{named}件書かれることになり、多すぎます（この取組は担当課{divisions}件×見出し{topics}件。読めるのは全体で{MAX_DIVISIONS_NAMED}件まで）。報告ではないか、壊れています"
            ),
            format!(
                "{named} 担当課 would be named beside topics, too many (this initiative: {divisions} divisions × {topics} topics; at most {MAX_DIVISIONS_NAMED} in all): not a report, or a damaged one"
            ),
        )
    }
}

/// Results (sub-items counted, and those a text may part into: its month brackets) and topics
/// of its own one survey answer may bring: a division answers tens. An answer of 450,000 lines (a 22 KB workbook) made the master 128 MB, more
/// than is read ([`MAX_FILE_BYTES`]); past this the answer is refused and the others taken.
pub const MAX_ANSWER_ENTRIES: usize = 100_000;
/// The text of the results one survey answer brings, in bytes: a division writes kilobytes.
/// A workbook of 155 KB brought 60 MB (one sentence said 2.5 million times), and the master
/// taking it would be larger than is read; past this the answer is refused and the others
/// taken.
pub const MAX_ANSWER_TEXT_BYTES: usize = 32 << 20;
/// Tags one cell of a report table may hold to be read (`<td>`, `<p>`, `<br>` …): the seed's
/// fullest cell has 60, a result of 15,000 lines joined by `<br>` is read. Past this the cell
/// is kept as written, unread, and said: each tag read costs tens of bytes, and 84 MB of bare
/// `<td>` in one cell took 2 GB to check.
pub const MAX_CELL_TAGS: usize = 100_000;
/// Entries (plan lines and results, sub-items too) a report table may hold, counted before its
/// rows are read as the line breaks, `・`, opening tags and headings (but a table's `<td>`,
/// `<th>`) that may start one — or a cell's month brackets, where it has more of them (each
/// past one a line may end a sub-item) — and full-width headings: a 10,000-initiative report's
/// table (83,000 entries, 19 MB) is read.
/// Each entry read costs up to two kilobytes, and a 24 KB workbook of one cell of 4.5 million
/// line breaks took 8.5 GB.
pub const MAX_TABLE_LINES: usize = 500_000;
/// Rows with text above a table's header row: a title block has a handful, a rating scale
/// declared there a row a level (a test's has 20,000). Past this the header is looked for no
/// further and the table is refused — each row there is kept and said, and 4,990,000
/// one-letter rows (a 10 MB table) took 1.2 GB to check.
pub const MAX_ROWS_ABOVE_HEADER: usize = 50_000;
/// Warnings listed at most: past them, each is counted in one last warning saying how many
/// more there were (the text they concern is kept all the same), so that a file of a million
/// rows not understood does not hold a million warnings.
pub const MAX_WARNINGS: usize = 10_000;
/// CONTINUE records after one `.xls` record (each is taken off the front of a list when read:
/// a record continued a million times costs hours).
pub const MAX_XLS_CONTINUES: usize = 4_096;

/// The most cells of an answer workbook holding a formula saved without its value (each is
/// said: a program that does not calculate wrote it): an answer has a few hundred cells.
pub const MAX_FORMULAS_WITHOUT_VALUES: usize = MAX_WARNINGS;

/// What a file exceeds (each limit is the constant above). The place (sheet and cell) is the
/// error's `Location`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Excess {
    /// The package's parts unzip to more than [`MAX_UNZIPPED_BYTES`].
    Unzipped,
    /// `xl/sharedStrings.xml` declares more strings than [`MAX_SHARED_STRINGS`].
    SharedStrings { declared: u64 },
    /// `xl/styles.xml` holds more cell or number formats than [`MAX_STYLES`], or is larger
    /// than [`MAX_STYLES_BYTES`].
    Styles,
    /// More cells with a value than [`MAX_CELLS`].
    Cells,
    /// More cells written in a package's parts than [`MAX_CELLS_WRITTEN`], empty ones counted.
    CellsWritten,
    /// The cells' text is more than [`MAX_TEXT_BYTES`].
    Text,
    /// An `.xls` cell beyond the format's columns (1-based column).
    XlsColumn { column: u32 },
    /// An `.xls` sheet's rectangle (used cells, or its DIMENSIONS record) over [`MAX_XLS_AREA`].
    XlsArea { rows: u32, columns: u32 },
    /// An `.xls` record continued more than [`MAX_XLS_CONTINUES`] times.
    XlsContinued { record: u16 },
    /// The sheets' rectangles of an `.xls` together over [`MAX_XLS_TOTAL_AREA`].
    XlsTotalArea { cells: u64 },
    /// Two sheets read from one part (the error's place names the sheet or the package's
    /// part listing them): each would be read again, as many times as it is named.
    SheetsShareData,
    /// More cells holding a formula without its value than [`MAX_FORMULAS_WITHOUT_VALUES`].
    FormulasWithoutValues,
    /// More sheets than [`MAX_SHEETS`] (counting stops past it).
    Sheets,
    /// An `.xls`'s formulas ask for more spaces than are read ([`MAX_XLS_FORMULA_SPACE_WORK`]).
    XlsFormulaSpaces,
    /// Two sheets of one name: the reader finds a sheet by its name, and would read the first
    /// one's data again for each.
    SheetNamedTwice { name: Box<String> },
}

/// Bytes in MB as messages show them: whole for a bound, else rounded *up* to a tenth, so a
/// size just past a bound never reads as the bound (「100 MB、読めるのは100 MBまで」).
pub fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    if bytes.is_multiple_of(MB) {
        return (bytes / MB).to_string();
    }
    // In u128: a sparse file's length may be near u64::MAX.
    let tenths = (u128::from(bytes) * 10).div_ceil(u128::from(MB));
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl Describe for Excess {
    fn describe(&self, lang: Lang) -> String {
        match self {
            Excess::Unzipped => {
                let limit = megabytes(MAX_UNZIPPED_BYTES);
                say(
                    lang,
                    format!(
                        "圧縮を解くと{limit} MBを超えます（報告のブックはずっと小さいはずです）"
                    ),
                    format!(
                        "its parts unzip to more than {limit} MB (a report's workbook is far \
                         smaller)"
                    ),
                )
            }
            Excess::SharedStrings { declared } => say(
                lang,
                format!(
                    "共有文字列が{declared}個あると書かれています（読めるのは{MAX_SHARED_STRINGS}個まで）"
                ),
                format!(
                    "it declares {declared} shared strings (at most {MAX_SHARED_STRINGS} are read)"
                ),
            ),
            Excess::Styles => {
                let limit = megabytes(MAX_STYLES_BYTES);
                say(
                    lang,
                    format!(
                        "書式（styles.xml）が{MAX_STYLES}個または{limit} MBを超えます（読めるのはそこまでです）"
                    ),
                    format!(
                        "its formats (styles.xml) are more than {MAX_STYLES}, or more than \
                         {limit} MB, the most that is read"
                    ),
                )
            }
            Excess::Cells => say(
                lang,
                format!("値のあるセルが{MAX_CELLS}個を超えます（読めるのはそこまでです）"),
                format!("more than {MAX_CELLS} cells hold a value, the most that is read"),
            ),
            Excess::Text => {
                let limit = megabytes(MAX_TEXT_BYTES as u64);
                say(
                    lang,
                    format!("セルの文字が合計{limit} MBを超えます（読めるのはそこまでです）"),
                    format!("the cells' text is more than {limit} MB, the most that is read"),
                )
            }
            Excess::XlsColumn { column } => say(
                lang,
                format!(
                    "{column}列目はXLS形式の{XLS_COLUMNS}列（IV列）を超えています。.xlsxで保存してください"
                ),
                format!(
                    "column {column} is beyond the XLS format's {XLS_COLUMNS} columns (IV); \
                     save the workbook as .xlsx"
                ),
            ),
            Excess::XlsArea { rows, columns } => say(
                lang,
                format!(
                    "使われている範囲が{rows}行×{columns}列で、{MAX_XLS_AREA}セルを超えます（XLSのシートは範囲全体を読み込みます）。離れたセルを消すか、.xlsxで保存してください"
                ),
                format!(
                    "the sheet's used range is {rows} rows × {columns} columns, more than \
                     {MAX_XLS_AREA} cells (an .xls sheet is read as its whole range); clear the \
                     far cells or save the workbook as .xlsx"
                ),
            ),
            Excess::XlsContinued { record } => say(
                lang,
                format!(
                    "レコード0x{record:04X}の続き（CONTINUE）が{MAX_XLS_CONTINUES}個を超えます"
                ),
                format!("record 0x{record:04X} is continued more than {MAX_XLS_CONTINUES} times"),
            ),
            Excess::XlsTotalArea { cells } => say(
                lang,
                format!(
                    "シートの使われている範囲が合わせて{cells}セルで、{MAX_XLS_TOTAL_AREA}セルを超えます（XLSは全シートの範囲全体を読み込みます）。.xlsxで保存してください"
                ),
                format!(
                    "the sheets' used ranges come to {cells} cells together, more than \
                     {MAX_XLS_TOTAL_AREA} (an .xls is read as every sheet's whole range); save \
                     the workbook as .xlsx"
                ),
            ),
            Excess::SheetsShareData => say(
                lang,
                "2つ以上のシートが同じデータを指しています（Excelが保存するブックにはありません）"
                    .into(),
                "two or more sheets point at the same data, which no workbook an office \
                 program saves does"
                    .into(),
            ),
            Excess::FormulasWithoutValues => say(
                lang,
                format!(
                    "値のない数式のセルが{MAX_FORMULAS_WITHOUT_VALUES}個を超えます（Excelで開いて保存し直すと値が入ります）"
                ),
                format!(
                    "more than {MAX_FORMULAS_WITHOUT_VALUES} cells hold a formula saved without \
                     its value (opened and saved again in Excel, they get their values)"
                ),
            ),
            Excess::Sheets
            | Excess::XlsFormulaSpaces
            | Excess::SheetNamedTwice { .. }
            | Excess::CellsWritten => sheet_words(self, lang),
        }
    }
}

/// The words of the bounds on a workbook's sheets, their cells and their formulas.
fn sheet_words(excess: &Excess, lang: Lang) -> String {
    match excess {
        Excess::CellsWritten => say(
            lang,
            format!(
                "書かれたセルが空のものも含めて{MAX_CELLS_WRITTEN}個を超えます（読めるのはそこまでです）"
            ),
            format!(
                "more than {MAX_CELLS_WRITTEN} cells are written in it, empty ones counted, \
                 the most that is read"
            ),
        ),
        Excess::Sheets => say(
            lang,
            format!("シートが{MAX_SHEETS}枚を超えます（読めるのはそこまでです）"),
            format!("it lists more than {MAX_SHEETS} sheets, the most that is read"),
        ),
        Excess::SheetNamedTwice { name } => say(
            lang,
            format!(
                "2つ以上のシートが同じ名前「{name}」です（Excelが保存するブックにはありません）"
            ),
            format!(
                "two or more sheets have the same name 「{name}」, which no workbook an office \
                 program saves has"
            ),
        ),
        _ => say(
            lang,
            "数式の空白の指定（スペースのトークン）が読める量を超えます（Excelで入力した数式にはありません）"
                .into(),
            "its formulas ask for more spaces (space tokens) than are read, which no formula \
             typed in Excel does"
                .into(),
        ),
    }
}

/// The last warning of a list cut short: how many more there were.
pub fn not_listed(count: usize, lang: Lang) -> String {
    say(
        lang,
        // Not what became of the texts: that depends on the kind (rows kept unread, results
        // kept as written, notes not read), and each listed warning says it.
        format!("ほかに{count}件の警告があります（一覧には載せていません）"),
        format!("{count} more warning(s), not listed"),
    )
}

/// The most fiscal years a report's plan (its stage table's columns) spans: a programme plans
/// a few years (Mie's four); every export writes a column for each, and a table naming
/// 1900年度 to 9999年度 over thousands of lanes took all the memory there is.
pub const MAX_PLAN_YEARS: usize = 50;

/// How far from its plan years a report's numbers may name a year (a baseline years before
/// the plan, the effects of a programme before it): every export writes a column for each
/// year named, and one indicator naming 1900 to 9999 made 8,100 of them.
pub const MAX_YEARS_FROM_PLAN: i32 = 50;

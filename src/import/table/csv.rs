//! The published table saved as CSV (comma-separated, fields quoted where they hold a comma,
//! a quote or a line break), as Excel and LibreOffice save a sheet: read into the same rows as
//! the tab-separated text. A cell a spreadsheet would run as a formula is written by
//! Shinchoku's CSV export with a leading `'` (`'=1+1`), which Excel and LibreOffice do not
//! show: it is read without it, as they show it.

use super::Row;

/// The records of a CSV, compactly: every field's text in one string, each field a range of
/// it, each record its line (1-based) and its fields. A table of 4.9 million one-letter rows,
/// a string per field, took 1.19 GB to read; so, 571 MB in all (the rows kept unread included).
pub(super) struct Records {
    text: String,
    fields: Vec<(u32, u32)>,
    records: Vec<(usize, u32)>,
}

impl Records {
    /// Each record: its line and its fields' texts.
    fn iter(&self) -> impl Iterator<Item = (usize, Vec<&str>)> + '_ {
        self.records.iter().enumerate().map(|(k, &(line, first))| {
            let end = self
                .records
                .get(k + 1)
                .map_or(self.fields.len(), |&(_, next)| next as usize);
            let fields = self.fields[first as usize..end]
                .iter()
                .map(|&(a, b)| &self.text[a as usize..b as usize])
                .collect();
            (line, fields)
        })
    }
}

/// The records of a CSV holding the published header (番号 and 具体的取組 in one record), or
/// `None` when it holds none (then it is no CSV form of the table).
pub(super) fn records(text: &str) -> Option<Records> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Records {
        text: String::new(),
        fields: Vec::new(),
        records: Vec::new(),
    };
    let mut header = false;
    let mut record = ::csv::StringRecord::new();
    // The line a record starts on as an editor counts them: the reader counts LF only, and a
    // file with CR line ends (an old Mac's) was all "row 1".
    let mut counted = (0usize, 1usize);
    while reader.read_record(&mut record).ok()? {
        // The reader may place a record at the LF of a CRLF that ended the one before, or
        // before blank lines it passes over: it starts at its first byte of text.
        let bytes = text.as_bytes();
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let line = counted.1 + line_breaks(bytes, counted.0..start);
        counted = (start, line);
        out.records
            .push((line, u32::try_from(out.fields.len()).ok()?));
        let mut fields = Vec::with_capacity(record.len());
        for field in record.iter() {
            let field = crate::model::text::formula_unguarded(field);
            let start = u32::try_from(out.text.len()).ok()?;
            out.text.push_str(field);
            out.fields
                .push((start, u32::try_from(out.text.len()).ok()?));
            fields.push(field);
        }
        header = header || super::is_header(&fields);
    }
    header.then_some(out)
}

/// A field whose quotes do not pair as a spreadsheet writes them, which the reader would read
/// on past its row, taking the rows after it into one cell: a quote opened and never closed,
/// or closed with text after it before the next comma (`"総務部人事課,…,"次の欄"`).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct BrokenQuote {
    /// The line its field starts on.
    pub opened: usize,
    /// The line of the quote read as its closing one, if any.
    pub closed: Option<usize>,
}

/// The first field of `text` whose quotes do not pair (read as the `csv` reader reads them:
/// a field is quoted when its first character is `"`, and `""` inside it is one quote).
pub(super) fn broken_quote(text: &str) -> Option<BrokenQuote> {
    #[derive(PartialEq)]
    enum At {
        Start,
        Unquoted,
        Quoted,
        Closed,
    }
    let bytes = text.as_bytes();
    let (mut at, mut line, mut opened, mut k) = (At::Start, 1usize, 1usize, 0usize);
    while let Some(&b) = bytes.get(k) {
        let ends = matches!(b, b',' | b'\n' | b'\r');
        match at {
            At::Start if b == b'"' => (at, opened) = (At::Quoted, line),
            At::Start | At::Unquoted => at = if ends { At::Start } else { At::Unquoted },
            At::Quoted if b == b'"' && bytes.get(k + 1) == Some(&b'"') => k += 1,
            At::Quoted if b == b'"' => at = At::Closed,
            At::Quoted => {}
            At::Closed if ends => at = At::Start,
            At::Closed => {
                let closed = Some(line);
                return Some(BrokenQuote { opened, closed });
            }
        }
        line += usize::from(b == b'\n' || (b == b'\r' && bytes.get(k + 1) != Some(&b'\n')));
        k += 1;
    }
    (at == At::Quoted).then_some(BrokenQuote {
        opened,
        closed: None,
    })
}

/// Line breaks in `within` of `bytes`: LF, CRLF and a lone CR each one.
fn line_breaks(bytes: &[u8], within: std::ops::Range<usize>) -> usize {
    within
        .filter(|&k| match bytes.get(k) {
            Some(b'\n') => true,
            Some(b'\r') => bytes.get(k + 1) != Some(&b'\n'),
            _ => false,
        })
        .count()
}

/// The first headings of the CSV of entries Shinchoku's CSV export writes (`export/csv.rs`),
/// which is no report table.
const ENTRIES_HEADER: [&str; 6] = [
    "区分",
    "番号",
    "具体的取組",
    "見出し",
    "担当課",
    "計画/実績",
];

/// Whether the records are a CSV of entries, by its header.
pub(super) fn is_entries_csv(records: &Records) -> bool {
    records
        .iter()
        .find(|(_, f)| f.iter().any(|c| !c.trim().is_empty()))
        .is_some_and(|(_, f)| {
            f.len() >= ENTRIES_HEADER.len()
                && ENTRIES_HEADER.iter().zip(&f).all(|(h, c)| c.trim() == *h)
        })
}

/// The records as rows, blank ones left out as the text's blank lines are.
pub(super) fn rows(records: &Records) -> impl Iterator<Item = Row<'_>> {
    records
        .iter()
        .filter(|(_, fields)| fields.iter().any(|f| !f.trim().is_empty()))
        .map(|(line, fields)| Row {
            line,
            fields,
            sheet: None,
        })
}

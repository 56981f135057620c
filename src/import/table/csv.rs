//! The published table saved as CSV (comma-separated, fields quoted where they hold a comma,
//! a quote or a line break), as Excel and LibreOffice save a sheet: read into the same rows as
//! the tab-separated text. A cell a spreadsheet would run as a formula is written by
//! Shinchoku's CSV export with a leading `'` (`'=1+1`), which Excel and LibreOffice do not
//! show: it is read without it, as they show it.

use super::Row;
use crate::model::diag::{ImportError, ImportErrorKind, Location, Warning, WarningKind};

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

/// A field whose quotes do not pair as a spreadsheet writes them across lines, which the
/// reader would read on past its row, taking the rows after it into one cell: a quote opened
/// and never closed, or closed on a later line with text after it before the next comma.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct BrokenQuote {
    /// The line its field starts on.
    pub opened: usize,
    /// The line of the quote read as its closing one, if any.
    pub closed: Option<usize>,
}

/// The table read from a CSV: its quotes paired first ([`pair_quotes`]), a field whose quotes
/// do not pair within its line read as written and said, one across lines refused.
pub(super) fn read_table(
    text: &str,
    records: Records,
) -> Result<(crate::model::Report, Vec<Warning>), ImportError> {
    let (records, lines) = match pair_quotes(text) {
        Err(broken) => {
            return Err(ImportError {
                at: Location::row(broken.opened),
                kind: ImportErrorKind::CsvQuoteUnpaired {
                    closed: broken.closed,
                },
            });
        }
        Ok(None) => (records, Vec::new()),
        Ok(Some((paired, lines))) => (self::records(&paired).unwrap_or(records), lines),
    };
    if is_entries_csv(&records) {
        return Err(ImportError {
            at: Location::row(1),
            kind: ImportErrorKind::EntriesCsv,
        });
    }
    let (report, mut warnings) = super::read_rows(rows(&records), None, Default::default())?;
    for line in lines {
        warnings.push(Warning::new(
            Location::row(line),
            WarningKind::QuotesAsWritten,
        ));
    }
    Ok((report, warnings))
}

/// `text` with every field whose quotes do not pair within its line written as a spreadsheet
/// writes it (quoted, its quotes doubled), so that the reader reads it as written, quotes and
/// all (`2,"見える化"の推進,…` lost its quotes; a note under the table opening a quote it never
/// closes was refused); with the lines of those fields. `None` when every quote pairs; the
/// first field whose quotes do not pair across lines is refused.
pub(super) fn pair_quotes(text: &str) -> Result<Option<(String, Vec<usize>)>, BrokenQuote> {
    #[derive(PartialEq)]
    enum At {
        Start,
        Unquoted,
        Quoted,
        Closed,
    }
    let bytes = text.as_bytes();
    let (mut at, mut line, mut k) = (At::Start, 1usize, 0usize);
    let (mut start, mut opened) = (0usize, 1usize);
    // Each field read as written: where it starts and ends.
    let mut raw: Vec<(usize, usize, usize)> = Vec::new();
    let ends = |b: u8| matches!(b, b',' | b'\n' | b'\r');
    while let Some(&b) = bytes.get(k) {
        match at {
            At::Start if b == b'"' => (at, opened, start) = (At::Quoted, line, k),
            At::Start | At::Unquoted => at = if ends(b) { At::Start } else { At::Unquoted },
            At::Quoted if b == b'"' && bytes.get(k + 1) == Some(&b'"') => k += 1,
            At::Quoted if b == b'"' => at = At::Closed,
            At::Quoted => {}
            At::Closed if ends(b) => at = At::Start,
            At::Closed if opened == line => {
                // Read on to the field's end as written: its quotes are words.
                let end = k + bytes[k..]
                    .iter()
                    .position(|&c| ends(c))
                    .unwrap_or(bytes.len() - k);
                raw.push((start, end, line));
                (at, k) = (At::Start, end);
                continue;
            }
            At::Closed => {
                return Err(BrokenQuote {
                    opened,
                    closed: Some(line),
                });
            }
        }
        line += usize::from(b == b'\n' || (b == b'\r' && bytes.get(k + 1) != Some(&b'\n')));
        k += 1;
    }
    if at == At::Quoted {
        // Never closed: on the last line, read as written (a note under the table).
        let end = text.trim_end_matches(['\r', '\n']).len();
        if end <= start || text[start..end].contains(['\r', '\n']) {
            return Err(BrokenQuote {
                opened,
                closed: None,
            });
        }
        raw.push((start, end, opened));
    }
    if raw.is_empty() {
        return Ok(None);
    }
    let mut paired = String::with_capacity(text.len() + raw.len() * 4);
    let mut from = 0;
    for &(a, b, _) in &raw {
        paired.push_str(&text[from..a]);
        paired.push('"');
        paired.push_str(&text[a..b].replace('"', "\"\""));
        paired.push('"');
        from = b;
    }
    paired.push_str(&text[from..]);
    Ok(Some((paired, raw.into_iter().map(|(_, _, l)| l).collect())))
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

//! The published table saved as CSV (comma-separated, fields quoted where they hold a comma,
//! a quote or a line break), as Excel and LibreOffice save a sheet: read into the same rows as
//! the tab-separated text. A cell a spreadsheet would run as a formula is written by
//! Shinchoku's CSV export with a leading `'` (`'=1+1`), which Excel and LibreOffice do not
//! show: it is read without it, as they show it.

use super::Row;

/// A record's fields and the line it starts on (1-based).
pub(super) type Record = (usize, Vec<String>);

/// The records of a CSV holding the published header (番号 and 具体的取組 in one record), or
/// `None` when it holds none (then it is no CSV form of the table).
pub(super) fn records(text: &str) -> Option<Vec<Record>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out: Vec<Record> = Vec::new();
    for record in reader.records() {
        let record = record.ok()?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        out.push((line, record.iter().map(unguarded).collect::<Vec<String>>()));
    }
    out.iter()
        .any(|(_, fields)| super::is_header(fields))
        .then_some(out)
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
pub(super) fn is_entries_csv(records: &[Record]) -> bool {
    records
        .iter()
        .find(|(_, f)| f.iter().any(|c| !c.trim().is_empty()))
        .is_some_and(|(_, f)| {
            f.len() >= ENTRIES_HEADER.len()
                && ENTRIES_HEADER.iter().zip(f).all(|(h, c)| c.trim() == *h)
        })
}

/// The records as rows, blank ones left out as the text's blank lines are.
pub(super) fn rows(records: &[Record]) -> impl Iterator<Item = Row<'_>> {
    records
        .iter()
        .filter(|(_, fields)| fields.iter().any(|f| !f.trim().is_empty()))
        .map(|(line, fields)| Row {
            line: *line,
            fields: fields.iter().map(String::as_str).collect(),
            sheet: None,
        })
}

/// A field without the `'` that keeps a spreadsheet from running it (`'=1+1` is `=1+1`).
fn unguarded(field: &str) -> String {
    let guarded = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(guarded) => rest.to_string(),
        _ => field.to_string(),
    }
}

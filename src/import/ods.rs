//! ODS sheets, read by Shinchoku itself from `content.xml` as it streams out of the package.
//! calamine expands an ODS sheet into the rectangle of all its cells, repeated rows and
//! columns included, before anything can be checked: a note at AMJ1048576 or a row of
//! repeated cells took gigabytes. Here only the cells with a value are kept, each counted
//! against the [`Budget`] before it is, and the merged regions
//! (`table:number-columns-spanned` / `number-rows-spanned`, which calamine does not give) are
//! read in the same pass. Elements and attributes are known by their namespace, not their
//! prefix ([`named`]). A cell's value is read as calamine reads it: the value attribute
//! (`office:value`, `office:date-value` …) when there is one, else the paragraphs of its text
//! (`text:p` on lines of their own, `text:s` spaces, `text:tab`, `text:line-break`), what the
//! cell does not show as its text left out (a note, a shape anchored to it, a ruby's reading, a
//! footnote: [`not_shown`]) — except where its format changes what the number means: a
//! percentage, or a scale or a money unit the text shown beside a number says ([`scaled`]).

use std::io::{BufRead, BufReader, Cursor, Read};

use calamine::Data;
use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::ods_names::Xml;

use super::sheet::Failure;
use super::sheet::{Budget, Merge, Sheet, cell_location};
use crate::model::bounds::{Excess, MAX_TEXT_BYTES};

const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// The sheets whose names `wanted` takes, in the workbook's order.
pub(crate) fn read_sheets(
    bytes: &[u8],
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<Sheet>, Failure> {
    let damaged = |e: &dyn std::fmt::Display| Failure::Damaged(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let mut mime = Vec::new();
    zip.by_name("mimetype")
        .map_err(|e| damaged(&format_args!("mimetype: {e}")))?
        .take(MIMETYPE.len() as u64)
        .read_to_end(&mut mime)
        .map_err(|e| damaged(&e))?;
    if mime != MIMETYPE {
        return Err(damaged(&"the mimetype is not an ODF spreadsheet's"));
    }
    let manifest = zip
        .by_name("META-INF/manifest.xml")
        .map_err(|e| damaged(&format_args!("META-INF/manifest.xml: {e}")))?;
    if names_encryption(BufReader::new(manifest)) {
        return Err(Failure::Encrypted);
    }
    let content = zip
        .by_name("content.xml")
        .map_err(|e| damaged(&format_args!("content.xml: {e}")))?;
    let mut reader = Reader::from_reader(BufReader::new(content));
    reader.config_mut().check_end_names = false;
    let mut reader = Xml::new(reader);
    let mut state = Content {
        budget: Budget::new("ODS"),
        wanted,
        sheets: Vec::new(),
        table: None,
        depth: 0,
        tables: 0,
    };
    // A content.xml cut short (a copy interrupted) reads as well-formed up to where it stops:
    // only its root closing tells that nothing after is missing. Without it, a sheet cut off
    // lost its rows and the sheets after it without a word.
    let mut closed = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = reader.next(&mut buf).map_err(|e| damaged(&e))?;
        match event {
            Event::Start(e) => state.start(&e, false, &mut reader)?,
            Event::Empty(e) => state.start(&e, true, &mut reader)?,
            Event::End(e) => {
                let name = named(&reader, e.name());
                closed |= name == "office:document-content";
                state.end(&name);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !closed {
        return Err(Failure::Damaged(match &state.table {
            Some(t) => format!(
                "sheet {}: content.xml ends inside the sheet (cut short)",
                t.name
            ),
            None => "content.xml ends inside <office:document-content> (cut short)".to_string(),
        }));
    }
    Ok(state.sheets)
}

/// Whether the manifest names encryption data (a workbook saved with a password).
fn names_encryption(source: impl BufRead) -> bool {
    let mut reader = Reader::from_reader(source);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.name().as_ref() == "manifest:encryption-data" =>
            {
                return true;
            }
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

/// The sheet being read.
struct Table {
    name: String,
    wanted: bool,
    cells: Vec<(usize, usize, String)>,
    merges: Vec<Merge>,
    row: u64,
    col: u64,
    /// The current row's repeat count and its cells (column, text, columns repeated).
    repeat: u64,
    line: Vec<(u64, String, u64)>,
    /// The number cells of the row whose text shown is not their value as read: (column,
    /// text shown, columns repeated).
    shown_line: Vec<(u64, String, u64)>,
    shown: std::collections::HashMap<(usize, usize), String>,
    /// The rows hidden (`table:visibility` collapse, or filter: Calc shows neither).
    hidden_rows: Vec<(usize, usize)>,
}

struct Content<'w> {
    budget: Budget,
    wanted: &'w dyn Fn(&str) -> bool,
    sheets: Vec<Sheet>,
    table: Option<Table>,
    /// `table:table` elements open: rows and cells of a table inside a cell are not the
    /// sheet's.
    depth: usize,
    /// The sheets met so far: a sheet written without a name is read under the one Calc
    /// shows for it, `Sheet` and its place.
    tables: usize,
}

impl Content<'_> {
    fn start<R: BufRead>(
        &mut self,
        e: &BytesStart,
        empty: bool,
        reader: &mut Xml<R>,
    ) -> Result<(), Failure> {
        let name = named(reader, e.name());
        match name.as_ref() {
            "table:table" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.tables += 1;
                    // Skipped, a nameless sheet's rows were lost without a word; LibreOffice
                    // opens it as `Sheet2`.
                    let name = attribute(reader, e, "table:name")
                        .unwrap_or_else(|| format!("Sheet{}", self.tables));
                    self.table = Some(Table {
                        wanted: (self.wanted)(&name),
                        name,
                        cells: Vec::new(),
                        merges: Vec::new(),
                        row: 0,
                        col: 0,
                        repeat: 1,
                        line: Vec::new(),
                        shown_line: Vec::new(),
                        shown: Default::default(),
                        hidden_rows: Vec::new(),
                    });
                }
            }
            // An empty sheet still takes its place in the names Calc gives.
            "table:table" if self.depth == 0 => self.tables += 1,
            "table:table-row" if self.depth == 1 => {
                let Some(t) = self.table.as_mut() else {
                    return Ok(());
                };
                t.col = 0;
                t.line.clear();
                t.shown_line.clear();
                t.repeat = number(reader, e, "table:number-rows-repeated").unwrap_or(1);
                let visibility = attribute(reader, e, "table:visibility");
                if matches!(visibility.as_deref(), Some("collapse" | "filter")) {
                    let to = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                    let last = to(t.row.saturating_add(t.repeat - 1));
                    t.hidden_rows.push((to(t.row), last));
                }
                if empty {
                    t.row = t.row.saturating_add(t.repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if self.depth == 1 => {
                let Some(t) = self.table.as_mut() else {
                    if !empty {
                        skip_to_end(reader, &name)?;
                    }
                    return Ok(());
                };
                let repeat = number(reader, e, "table:number-columns-repeated").unwrap_or(1);
                let across = number(reader, e, "table:number-columns-spanned").unwrap_or(1);
                let down = number(reader, e, "table:number-rows-spanned").unwrap_or(1);
                let (text, shown) = cell_value(e, &name, empty, reader, (&t.name, t.row, t.col))?;
                if t.wanted {
                    // Merged regions are not counted: each is a cell element of the XML, which
                    // the package's unzipped size bounds.
                    if across > 1 || down > 1 {
                        let to = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                        t.merges.push((
                            to(t.row),
                            to(t.col),
                            to(t.row.saturating_add(down - 1)),
                            to(t.col.saturating_add(across - 1)),
                        ));
                    }
                    if !text.is_empty() {
                        let copies = repeat.saturating_mul(t.repeat);
                        self.budget
                            .take(&t.name, (t.row, t.col), copies, text.len())?;
                        if let Some(shown) = shown {
                            t.shown_line.push((t.col, shown, repeat));
                        }
                        t.line.push((t.col, text, repeat));
                    }
                }
                t.col = t.col.saturating_add(repeat);
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        match name {
            "table:table" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0
                    && let Some(t) = self.table.take()
                    && t.wanted
                {
                    let mut sheet = Sheet::new(t.name, t.cells, t.merges);
                    sheet.shown = t.shown;
                    sheet.hidden_rows = t.hidden_rows;
                    self.sheets.push(sheet);
                }
            }
            "table:table-row" if self.depth == 1 => {
                if let Some(t) = self.table.as_mut() {
                    // A row's values are counted when its cells are read, once per copy: the
                    // copies are made here, after the budget allowed them.
                    let to = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                    for copy in 0..t.repeat {
                        if t.line.is_empty() {
                            break;
                        }
                        let row = to(t.row.saturating_add(copy));
                        for (col, text, times) in &t.line {
                            for k in 0..*times {
                                t.cells.push((row, to(col.saturating_add(k)), text.clone()));
                            }
                        }
                        for (col, text, times) in &t.shown_line {
                            for k in 0..*times {
                                t.shown
                                    .insert((row, to(col.saturating_add(k))), text.clone());
                            }
                        }
                    }
                    t.row = t.row.saturating_add(t.repeat);
                    t.line.clear();
                    t.shown_line.clear();
                }
            }
            _ => {}
        }
    }
}

/// A cell's value as text (see the module's comment), its content read to the cell's end;
/// and, for a number, the text it shows where that is another (`312名` for 312). `at` names
/// the cell for a refusal.
fn cell_value<R: BufRead>(
    e: &BytesStart,
    cell: &str,
    empty: bool,
    reader: &mut Xml<R>,
    at: (&str, u64, u64),
) -> Result<(String, Option<String>), Failure> {
    let mut value: Option<Data> = None;
    let mut is_string = false;
    let mut is_error = false;
    // `office:value-type="percentage"`: 0.15 shown as 15%, read as the sheet shows it (as an
    // XLSX's percentage-formatted cell is).
    let mut is_percent = false;
    for a in e.attributes().flatten() {
        let key = attribute_named(reader, a.key);
        if key == "office:value-type" && a.value.as_ref() == "percentage" {
            is_percent = true;
        }
        let text = || attribute_text(&a.value);
        match key.as_ref() {
            "office:value" if value.is_none() => {
                let written = text();
                // A number that does not read is kept as written, not refused.
                // So is one with more digits than the float holds.
                let trimmed = written.trim();
                // One no float holds (`1e400`, read as infinity) is kept as written too.
                value = Some(
                    match trimmed
                        .parse::<f64>()
                        .ok()
                        .filter(|f| f.is_finite())
                        .ok_or(())
                    {
                        Ok(f) => match super::sheet::exact_number(trimmed, f) {
                            Some(exact) => Data::String(exact),
                            None => Data::Float(f),
                        },
                        Err(_) => Data::String(written),
                    },
                );
            }
            "office:string-value" if value.is_none() => value = Some(Data::String(text())),
            "office:date-value" if value.is_none() => value = Some(Data::DateTimeIso(text())),
            "office:time-value" if value.is_none() => value = Some(Data::DurationIso(text())),
            "office:boolean-value" if value.is_none() => {
                value = Some(Data::Bool(matches!(a.value.as_ref(), "TRUE" | "true")));
            }
            "office:value-type" if value.is_none() => is_string = a.value.as_ref() == "string",
            "calcext:value-type" => is_error = a.value.as_ref() == "error",
            _ => {}
        }
    }
    let error_text = is_error && matches!(&value, Some(Data::String(s)) if s.is_empty());
    let from_content = (value.is_none() && is_string) || error_text;
    let mut shown_otherwise = None;
    let text = if from_content {
        if empty {
            String::new()
        } else {
            content_text(reader, cell, at)?
        }
    } else {
        // A number's text as shown, beside its value: what its format does to it.
        let shown = match (&value, empty) {
            (Some(Data::Float(_)), false) if !is_percent => {
                content_within(reader, cell, MAX_SHOWN_BYTES)?
            }
            (_, false) => {
                skip_to_end(reader, cell)?;
                None
            }
            (_, true) => None,
        };
        let text = match &value {
            Some(Data::Float(f)) if is_percent => super::cell_xml::as_percent(*f),
            Some(Data::Float(f)) if let Some(t) = shown.as_ref().and_then(|s| scaled(*f, s)) => t,
            _ => value
                .as_ref()
                .map(super::sheet::cell_text)
                .unwrap_or_default(),
        };
        shown_otherwise = shown.filter(|s| !s.trim().is_empty() && s.trim() != text);
        text
    };
    Ok((text, shown_otherwise))
}

/// A number as its cell shows it where the format scales it or writes a money unit after it
/// (LibreOffice writes the text shown beside the value): 1,500,000 shown `1,500` (in
/// thousands) is `1500`, 3297 shown `3,297百万円` is `3297百万円` — the number exact (the text
/// shown rounds it), its sign kept, as an XLSX's are read ([`super::number_format`]). `None`
/// where the text shown is the number itself, or another form (`1.5E+06`, a fraction).
fn scaled(value: f64, shown: &str) -> Option<String> {
    let t: String = shown
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .collect();
    if t.contains(['E', 'e', '/', ':']) {
        return None;
    }
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let len = t[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len() - start);
    let number = &t[start..start + len];
    let figure: f64 = number.parse().ok()?;
    let tail = t[start + len..].trim_end_matches([')', '）']);
    // A money unit, or words that scale the number (「3万件」: as an XLSX's are read).
    let scaling =
        tail.starts_with(['十', '百', '千', '万', '億', '兆']) && tail.chars().count() <= 8;
    let unit = (tail.ends_with('円') || scaling).then_some(tail);
    // Within the rounding of the digits shown.
    let places = number.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let near = |x: f64| (x - figure).abs() <= 0.5 * 10f64.powi(-places) + 1e-9;
    let scale = (0..=2).find(|&k| near(value.abs() / 1000f64.powi(k)))?;
    if scale == 0 && unit.is_none() {
        return None;
    }
    let number = format!("{:.6}", value / 1000f64.powi(scale));
    let number = number.trim_end_matches('0').trim_end_matches('.');
    Some(format!("{number}{}", unit.unwrap_or_default()))
}

/// The text of a cell's paragraphs, read to the cell's end; refused past the text a workbook
/// may hold.
fn content_text<R: BufRead>(
    reader: &mut Xml<R>,
    cell: &str,
    (sheet, row, col): (&str, u64, u64),
) -> Result<String, Failure> {
    let too_long = || Budget::new("ODS").refusal(cell_location(sheet, row, col), Excess::Text);
    content_within(reader, cell, MAX_TEXT_BYTES)?.ok_or_else(|| Failure::Refused(too_long()))
}

/// The most of a number cell's text shown beside its value that is read: what its format does
/// to it fits in far less (a shown text of sixty million spaces, counted as one cell of
/// value `1`, was built for each such cell).
const MAX_SHOWN_BYTES: usize = 1_024;

/// The text of a cell's paragraphs, read to the cell's end; `None` (the rest passed over) when
/// longer than `limit` bytes.
fn content_within<R: BufRead>(
    reader: &mut Xml<R>,
    cell: &str,
    limit: usize,
) -> Result<Option<String>, Failure> {
    let mut s = String::new();
    let mut first_paragraph = true;
    let mut open = 1usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = reader.next(&mut buf).map_err(Failure::Damaged)?;
        let started = matches!(event, Event::Start(_));
        match event {
            Event::Text(t) => s.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => super::xml_reader::push_reference(&mut s, &r),
            Event::Start(e) | Event::Empty(e) => match named(reader, e.name()).as_ref() {
                name if not_shown(name) && started => skip_to_end(reader, name)?,
                name if not_shown(name) => {}
                name if name == cell => open += usize::from(started),
                "text:p" => {
                    if !first_paragraph {
                        s.push('\n');
                    }
                    first_paragraph = false;
                }
                "text:s" => {
                    let count = number(reader, &e, "text:c").unwrap_or(1);
                    let count = usize::try_from(count).unwrap_or(usize::MAX);
                    if count > limit.saturating_sub(s.len()) {
                        return pass_over(reader, cell, open);
                    }
                    s.extend(std::iter::repeat_n(' ', count));
                }
                "text:tab" => s.push('\t'),
                "text:line-break" => s.push('\n'),
                _ => {}
            },
            Event::End(e) if named(reader, e.name()) == cell => {
                open -= 1;
                if open == 0 {
                    break;
                }
            }
            Event::Eof => return Err(Failure::Damaged("content.xml ends inside a cell".into())),
            _ => {}
        }
        if s.len() > limit {
            return pass_over(reader, cell, open);
        }
    }
    Ok(Some(s))
}

/// Reads past the end of the cell `cell` (`open` of them open) and gives no text.
fn pass_over<R: BufRead>(
    reader: &mut Xml<R>,
    cell: &str,
    open: usize,
) -> Result<Option<String>, Failure> {
    for _ in 0..open {
        skip_to_end(reader, cell)?;
    }
    Ok(None)
}

/// Reads past the end of the element `name` just opened (elements of the same name inside it
/// included).
fn skip_to_end<R: BufRead>(reader: &mut Xml<R>, name: &str) -> Result<(), Failure> {
    let mut open = 1usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.next(&mut buf) {
            Ok(Event::Start(e)) if named(reader, e.name()) == name => open += 1,
            Ok(Event::End(e)) if named(reader, e.name()) == name => {
                open -= 1;
                if open == 0 {
                    return Ok(());
                }
            }
            Ok(Event::Eof) => {
                return Err(Failure::Damaged(format!(
                    "content.xml ends inside <{name}>"
                )));
            }
            Err(e) => return Err(Failure::Damaged(e)),
            _ => {}
        }
    }
}

/// An attribute's value with its character references resolved (kept as written when they
/// do not resolve).
fn attribute_text(raw: &str) -> String {
    match quick_xml::escape::unescape(raw) {
        Ok(s) => s.into_owned(),
        Err(_) => raw.to_string(),
    }
}

fn attribute<R: BufRead>(reader: &Xml<R>, e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| attribute_named(reader, a.key) == key)
        .map(|a| attribute_text(&a.value))
}

/// A count attribute (repeats, spans, spaces): 1 or more, else not given.
fn number<R: BufRead>(reader: &Xml<R>, e: &BytesStart, key: &str) -> Option<u64> {
    attribute(reader, e, key)?
        .trim()
        .parse()
        .ok()
        .filter(|&n| n >= 1)
}

/// An element's name by its namespace ([`Xml::named`]).
fn named<'n, R: BufRead>(reader: &Xml<R>, name: QName<'n>) -> Cow<'n, str> {
    reader.named(name)
}

/// An attribute's name by its namespace ([`Xml::attribute_named`]).
fn attribute_named<'n, R: BufRead>(reader: &Xml<R>, name: QName<'n>) -> Cow<'n, str> {
    reader.attribute_named(name)
}

/// Elements of a cell that are not its text as a spreadsheet shows it: a note (`office:
/// annotation`), a shape or a frame anchored to the cell (`draw:…`, with the words in it), a
/// ruby's reading (`text:ruby-text`) and a footnote (`text:note`). Read as text, each
/// became words of the entry or an entry of its own.
fn not_shown(name: &str) -> bool {
    matches!(name, "office:annotation" | "text:ruby-text" | "text:note")
        || name.starts_with("draw:")
        || name.starts_with("dr3d:")
}

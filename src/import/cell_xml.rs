//! What calamine does not say of an XLSX's cells, read from the sheets' XML: which are shown
//! as a percentage, which are scaled or given a money unit by their format
//! ([`super::number_format`]), which hold a formula with no value saved, and which write a
//! number with more digits than a float keeps. Cells are placed as calamine places them, those
//! written without a reference too ([`each_cell_event`]).
//!
//! Excel keeps `12.345%` typed into a cell as the number 0.12345 with a percentage format;
//! calamine gives the number alone, which read as 0.12345 where the sheet shows 12.345 % (an
//! indicator in %, a 達成率). So the sheet is read as it is shown: the styles name the
//! percentage formats (built-in 9 and 10, or a format code with `%`), and each sheet's numeric
//! cells of such a style are found by a second pass over their XML, only when the workbook has
//! such a format at all. A formula saved without its value (a program that does not calculate
//! wrote it) reads as nothing: an answer's are found the same way, to be named. A cell typed
//! as a shared string whose value is no string's number is found too, to refuse the sheet
//! (calamine reads it as the first string). The package's
//! size is bounded before this runs (`zip_scan.rs`).

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

/// (0-based row, 0-based column) of the cells shown as a percentage, by sheet name.
pub(crate) type PercentCells = HashMap<String, HashSet<(u32, u32)>>;

/// The numeric cells of a sheet whose cell format (`s`, an index of `cellXfs`) is one of
/// `wanted`, with what it gives for it.
fn styled_cells<T: Clone>(xml: &[u8], wanted: &HashMap<usize, T>) -> HashMap<(u32, u32), T> {
    let mut cells = HashMap::new();
    // The cell being read, when its format is wanted: taken only once a value is seen (a
    // million empty styled cells are no cells), and no more than a sheet may hold (the reader
    // refuses a sheet of more).
    let mut open: Option<((u32, u32), &T)> = None;
    each_cell_event(xml, |event, place| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                open = attr_raw(e, "t")
                    .is_none_or(|t| t == "n")
                    .then(|| attr_number::<usize>(e, "s"))
                    .flatten()
                    .and_then(|s| wanted.get(&s))
                    .zip(place)
                    .map(|(what, at)| (at, what));
            }
            Event::Start(e) if e.local_name().as_ref() == "v" => {
                if let Some((at, what)) = open.take() {
                    cells.insert(at, what.clone());
                }
            }
            _ => {}
        }
        cells.len() <= crate::model::bounds::MAX_CELLS
    });
    cells
}

/// Calls `each` with the name and XML of each sheet `wanted` names, in the workbook's order;
/// a part that cannot be read is passed over (the reader says what is wrong with it).
pub(super) fn each_sheet<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    wanted: impl Fn(&str) -> bool,
    mut each: impl FnMut(String, Vec<u8>),
) {
    // The parts by their names in lower case, made once at the first sheet not found by its
    // exact name (looked through for each, a thousand sheets of a package of 120,000 parts
    // took seconds).
    let mut lower = None;
    for (name, target) in sheet_parts(zip) {
        if wanted(&name)
            && let Some(xml) = part_in(zip, &target, &mut lower)
        {
            each(name, xml);
        }
    }
}

/// The number format codes of the number cells in column `col` of sheet `sheet` whose format
/// is not General (a custom code, or a built-in one showing grouping or decimals), by 0-based
/// row: a cell read as text shows its number through it (`#,##0"人"`).
/// Each code is held once, shared by its rows: a 15 MB code on 300 rows was 4 GB.
pub(crate) fn column_formats(
    bytes: &[u8],
    sheet: &str,
    col: u32,
) -> HashMap<u32, std::rc::Rc<str>> {
    let cells = columns_formats(bytes, sheet, &[col]);
    cells
        .into_iter()
        .map(|((row, _), code)| (row, code))
        .collect()
}

/// [`column_formats`] of several columns, by (0-based row, column).
pub(crate) fn columns_formats(
    bytes: &[u8],
    sheet: &str,
    cols: &[u32],
) -> HashMap<(u32, u32), std::rc::Rc<str>> {
    let mut out = HashMap::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let (dir, _) = book_place(&mut zip);
    let Some(styles) = part(&mut zip, &format!("{dir}styles.xml")) else {
        return out;
    };
    let (codes, xfs) = cell_formats(&styles);
    let codes: HashMap<u32, std::rc::Rc<str>> =
        codes.into_iter().map(|(id, c)| (id, c.into())).collect();
    let code_of = |s: usize| {
        let id = *xfs.get(s)?;
        codes
            .get(&id)
            .cloned()
            .or_else(|| super::shown_number::built_in(id).map(std::rc::Rc::from))
    };
    each_sheet(
        &mut zip,
        |name| name == sheet,
        |_, xml| {
            let mut open: Option<((u32, u32), std::rc::Rc<str>)> = None;
            each_cell_event(&xml, |event, place| {
                match event {
                    Event::Start(e) if e.local_name().as_ref() == "c" => {
                        open = place
                            .filter(|(_, c)| cols.contains(c))
                            .filter(|_| attr_raw(e, "t").is_none_or(|t| t == "n"))
                            .zip(attr_number::<usize>(e, "s").and_then(code_of));
                    }
                    Event::Start(e) if e.local_name().as_ref() == "v" => {
                        if let Some((at, code)) = open.take() {
                            out.insert(at, code);
                        }
                    }
                    _ => {}
                }
                out.len() <= crate::model::bounds::MAX_CELLS
            });
        },
    );
    out
}

/// A cell holding a formula without its value: sheet, 0-based row and column, the formula.
pub(crate) type FormulaCell = (String, u32, u32, String);

/// The cells of the named sheets holding a formula with no value saved beside it (a
/// workbook written by a program that does not calculate, openpyxl): (sheet, 0-based row,
/// 0-based column, the formula). A reader sees no value there; these are said, not passed
/// over. More than [`crate::model::bounds::MAX_FORMULAS_WITHOUT_VALUES`] is refused, naming the
/// first cell past it: each is said, and eight million of them took 3.5 GB.
pub(crate) fn formulas_without_values(
    bytes: &[u8],
    sheets: &[&str],
) -> Result<Vec<FormulaCell>, (String, u32, u32)> {
    let most = crate::model::bounds::MAX_FORMULAS_WITHOUT_VALUES;
    let (out, _) = formulas_listed(bytes, sheets, most + 1, true);
    match out.get(most) {
        Some((name, row, col, _)) => Err((name.clone(), *row, *col)),
        None => Ok(out),
    }
}

/// The first `most` cells of the named sheets holding a formula with no value saved (as
/// [`formulas_without_values`] gives them), and how many more there are — counted, not kept,
/// unless `stop` (then the walk ends at the first past `most`).
pub(crate) fn formulas_listed(
    bytes: &[u8],
    sheets: &[&str],
    most: usize,
    stop: bool,
) -> (Vec<FormulaCell>, usize) {
    let (mut out, mut more) = (Vec::new(), 0);
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return (out, more);
    };
    let wanted = |name: &str| sheets.contains(&name);
    each_sheet(&mut zip, wanted, |name, xml| {
        // A sheet without a formula element (the usual answer) is not walked cell by cell.
        let may_hold = xml.windows(2).any(|w| w == b"<f" || w == b":f");
        if may_hold && !(stop && out.len() >= most) {
            formulas_in(&name, &xml, (&mut out, &mut more), (most, stop));
        }
    });
    (out, more)
}

/// The formulas without a value of one sheet, as [`formulas_listed`] gives them.
fn formulas_in(
    name: &str,
    xml: &[u8],
    (out, more): (&mut Vec<FormulaCell>, &mut usize),
    (most, stop): (usize, bool),
) {
    // The cell being read: its place, its formula, whether a value was seen.
    let mut cell: Option<((u32, u32), String, bool)> = None;
    let mut in_formula = false;
    each_cell_event(xml, |event, place| {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => cell = place.map(|at| (at, String::new(), false)),
                "f" => in_formula = true,
                "v" | "is" => {
                    if let Some(c) = cell.as_mut() {
                        c.2 = true;
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_formula => {
                if let Some(c) = cell.as_mut() {
                    c.1.push_str(&t.xml10_content());
                }
            }
            // `&amp;` in a formula is an `&` the division typed.
            Event::GeneralRef(r) if in_formula => {
                let name = r.as_ref().to_string();
                if let (Some(c), Some(text)) =
                    (cell.as_mut(), quick_xml::escape::resolve_xml_entity(&name))
                {
                    c.1.push_str(text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "f" => in_formula = false,
                "c" => {
                    if let Some(((row, col), formula, false)) = cell.take()
                        && !formula.is_empty()
                    {
                        if out.len() < most {
                            out.push((name.to_string(), row, col, format!("={formula}")));
                        } else {
                            *more += 1;
                        }
                        if stop && out.len() >= most {
                            return false;
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        true
    });
}

/// (0-based row, 0-based column) → the number as the file writes it, by sheet name: the
/// numeric cells whose written digits a float does not hold (see [`exact_number`]).
pub(crate) type ExactNumbers = HashMap<String, HashMap<(u32, u32), String>>;

/// Whether a `<v>` of the sheet holds 16 digits or more.
fn has_long_value(xml: &[u8]) -> bool {
    xml.windows(3).enumerate().any(|(k, w)| {
        w == b"<v>"
            && xml[k + 3..]
                .iter()
                .take_while(|&&b| b != b'<')
                .filter(|b| b.is_ascii_digit())
                .count()
                > 15
    })
}

/// Whether a `<v>` of the sheet holds anything but digits (a decimal, a date, a negative, or
/// a shared string's number written wrongly): the sheet is then walked for the last.
fn has_odd_value(xml: &[u8]) -> bool {
    xml.windows(3).enumerate().any(|(k, w)| {
        (w == b"<v>" || w == b":v>")
            && (xml[k + 3..].starts_with(b"<![CDATA[")
                || xml[k + 3..]
                    .iter()
                    .take_while(|&&b| b != b'<')
                    .any(|b| !b.is_ascii_digit()))
    })
}

/// The first cell of a sheet whose type is a shared string (`t="s"`) and whose value is no
/// string's number, with the value as written (clipped).
fn bad_string_index(xml: &[u8]) -> Option<((u32, u32), String)> {
    let mut cell: Option<(u32, u32)> = None;
    let mut in_value = false;
    let mut found = None;
    each_cell_event(xml, |event, place| {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => cell = place.filter(|_| attr_raw(e, "t").is_some_and(|t| t == "s")),
                "v" => in_value = cell.is_some(),
                _ => {}
            },
            Event::Text(t) if in_value => {
                let written = t.xml10_content();
                let index = !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit());
                if let Some(at) = cell
                    && !(index && written.parse::<usize>().is_ok())
                {
                    found = Some((at, crate::model::text::clipped(&written, 40)));
                    return false;
                }
            }
            // An index written with a character reference (`&#45;1`) or as CDATA reads as no
            // string either (the cell came back empty, the division's results removed).
            Event::GeneralRef(r) if in_value && cell.is_some() => {
                let written = format!("&{};", r.as_ref());
                found = cell.map(|at| (at, crate::model::text::clipped(&written, 40)));
                return false;
            }
            Event::CData(t) if in_value && cell.is_some() => {
                let written = (**t).to_string();
                found = cell.map(|at| (at, crate::model::text::clipped(&written, 40)));
                return false;
            }
            Event::End(e) if e.local_name().as_ref() == "v" => in_value = false,
            _ => {}
        }
        true
    });
    found
}

/// The numeric cells of a sheet whose written value a float changes.
fn long_numbers(xml: &[u8]) -> HashMap<(u32, u32), String> {
    let mut out = HashMap::new();
    // The numeric cell being read, and whether its value is being read.
    let mut cell: Option<(u32, u32)> = None;
    let mut in_value = false;
    each_cell_event(xml, |event, place| {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "c" => {
                    let numeric = attr(e, "t").is_none_or(|t| t == "n");
                    cell = place.filter(|_| numeric);
                }
                "v" => in_value = cell.is_some(),
                _ => {}
            },
            Event::Text(t) if in_value => {
                let written = t.xml10_content();
                let written = written.trim();
                if let (Some(at), Ok(value)) = (cell, written.parse::<f64>())
                    && let Some(exact) = super::sheet::exact_number(written, value)
                {
                    out.insert(at, exact);
                    // The reader refuses a sheet of more cells: none is kept past that.
                    if out.len() >= crate::model::bounds::MAX_CELLS {
                        return false;
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "v" => in_value = false,
            _ => {}
        }
        true
    });
    out
}

/// A number as a cell formatted as a percentage shows it: 0.12345 is `12.345%` (to a
/// millionth, trailing zeros dropped).
pub(crate) fn as_percent(value: f64) -> String {
    let text = format!("{:.6}", value * 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    format!("{text}%")
}

pub(super) fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Option<Vec<u8>> {
    part_in(zip, name, &mut None)
}

/// [`part`], with the parts' names in lower case made once in `lower` when first needed.
fn part_in<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    lower: &mut Option<HashMap<String, usize>>,
) -> Option<Vec<u8>> {
    // As calamine looks parts up: by name, else in any case and with `\\` for `/`
    // (`XL/Styles.xml`): else what it reads would be passed over by the checks here.
    let index = match zip.index_for_name(name) {
        Some(index) => index,
        None => {
            let names = lower.get_or_insert_with(|| {
                (0..zip.len())
                    .filter_map(|k| match zip.name_for_index(k) {
                        Some(Ok(n)) => Some((n.replace('\\', "/").to_ascii_lowercase(), k)),
                        _ => None,
                    })
                    .collect()
            });
            *names.get(&name.to_ascii_lowercase())?
        }
    };
    let mut file = zip.by_index(index).ok()?;
    let mut out = Vec::new();
    file.read_to_end(&mut out).ok()?;
    Some(out)
}

/// The part of exactly this name.
pub(super) fn part_exact<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Option<Vec<u8>> {
    let mut file = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    file.read_to_end(&mut out).ok()?;
    Some(out)
}

/// Where the workbook part is, as calamine finds it: the directory (`xl/`) and the file name
/// (`workbook.xml`) of the last relationship of `_rels/.rels` to an office document. Read at
/// `xl/workbook.xml` alone, a workbook moved to `xl/book.xml` had its sheets read by calamine
/// and none of them checked here (a formula without its value, a note, a text box).
pub(super) fn book_place<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> (String, String) {
    let mut target = None;
    if let Some(rels) = part(zip, "_rels/.rels") {
        each_element(&rels, |e| {
            if e.local_name().as_ref() == "Relationship"
                && attr(e, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"))
            {
                target = attr(e, "Target");
            }
        });
    }
    let Some(target) = target else {
        return ("xl/".into(), "workbook.xml".into());
    };
    let (dir, name) = target.split_at(target.rfind('/').map_or(0, |k| k + 1));
    let dir = dir.strip_prefix('/').unwrap_or(dir).to_string();
    let name = if name.is_empty() {
        "workbook.xml"
    } else {
        name
    };
    (dir, name.to_string())
}

/// An attribute's value as written, neither unescaped nor checked for twins: for the cell's
/// `r`, `t` and `s`, read for each of millions of cells (allocating each, as [`attr`] does,
/// with its parsing and freeing, was about a sixth of the time a sheet of twelve million
/// empty styled cells took, by `perf`).
pub(super) fn attr_raw<'a>(e: &'a BytesStart, key: &str) -> Option<std::borrow::Cow<'a, str>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value)
}

/// [`attr_raw`] read as a number.
pub(super) fn attr_number<T: std::str::FromStr>(e: &BytesStart, key: &str) -> Option<T> {
    attr_raw(e, key)?.trim().parse().ok()
}

pub(super) fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Calls `f` with each element start (and empty element) of `xml`, until the end or an error.
pub(super) fn each_element(xml: &[u8], mut f: impl FnMut(&BytesStart)) {
    let mut reader = super::xml_reader::reader(xml);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => f(&e),
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// (0-based row, 0-based column) → the number format code, of the numeric cells whose format
/// shows more than their digits (a unit, a scale: [`super::number_format`]), by sheet name.
pub(crate) type FormattedCells = HashMap<String, HashMap<(u32, u32), std::rc::Rc<str>>>;

/// How a number cell's format changes what it reads as.
#[derive(Clone)]
enum Shown {
    Percent,
    /// A unit or a scale: the format code, shared by the cells of the format.
    Format(std::rc::Rc<str>),
}

/// What a workbook's sheets show of their numbers beyond their values, by sheet name.
#[derive(Default)]
pub(crate) struct SheetFacts {
    /// The cells shown as a percentage.
    pub(crate) percent: PercentCells,
    /// The numeric cells whose format writes a unit or a scale.
    pub(crate) formatted: FormattedCells,
    /// The numeric cells written with more digits than a float keeps (`12345678901234567`
    /// yen reads as 12345678901234568; Excel itself keeps 15, but a program writing the
    /// workbook may write more), with their text as written: read as that, not changed by a
    /// digit without a word. A sheet is parsed for them only when a `<v>` of 16 digits or
    /// more is in it.
    pub(crate) exact: ExactNumbers,
    /// Per sheet, the first cell that says it holds a shared string but whose `<v>` is no
    /// string's number (` 14 `, `14.0`, `abc`): calamine reads that as the first string (the
    /// sheet's title taken as a division's result), so the reader refuses the sheet instead.
    pub(crate) bad_string: HashMap<String, ((u32, u32), String)>,
}

/// The [`SheetFacts`] of a workbook; empty where it has no such format or number, or its
/// parts cannot be read (the reader says what is wrong with them). One unzipping and one walk
/// of each sheet for all: a sheet of millions of styled cells was unzipped and walked once
/// for each.
pub(crate) fn sheet_facts(bytes: &[u8]) -> SheetFacts {
    let mut facts = SheetFacts::default();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return facts;
    };
    let (dir, _) = book_place(&mut zip);
    let wanted = match part(&mut zip, &format!("{dir}styles.xml")) {
        Some(styles) => shown_formats(&styles),
        None => HashMap::new(),
    };
    each_sheet(
        &mut zip,
        |_| true,
        |name, xml| {
            // (A number too long for an index reads as the first string too.)
            if (has_odd_value(&xml) || has_long_value(&xml))
                && let Some(bad) = bad_string_index(&xml)
            {
                facts.bad_string.insert(name.clone(), bad);
            }
            if has_long_value(&xml) {
                let cells = long_numbers(&xml);
                if !cells.is_empty() {
                    facts.exact.insert(name.clone(), cells);
                }
            }
            if wanted.is_empty() {
                return;
            }
            let mut shown_percent = HashSet::new();
            let mut shown_format = HashMap::new();
            for (at, shown) in styled_cells(&xml, &wanted) {
                match shown {
                    Shown::Percent => {
                        shown_percent.insert(at);
                    }
                    Shown::Format(code) => {
                        shown_format.insert(at, code);
                    }
                }
            }
            if !shown_percent.is_empty() {
                facts.percent.insert(name.clone(), shown_percent);
            }
            if !shown_format.is_empty() {
                facts.formatted.insert(name, shown_format);
            }
        },
    );
    facts
}

/// The cell formats (by index) that show a percentage, or a unit or a scale.
fn shown_formats(styles: &[u8]) -> HashMap<usize, Shown> {
    let (codes, xfs) = cell_formats(styles);
    (0..)
        .zip(&xfs)
        .filter_map(|(k, id)| {
            let code = codes.get(id);
            // Built-in 9 and 10 are `0%` and `0.00%`.
            let percent = match code {
                Some(code) => code_shows_percent(code),
                None => matches!(id, 9 | 10),
            };
            if percent {
                return Some((k, Shown::Percent));
            }
            let code = code.filter(|c| super::number_format::says_more_than_digits(c))?;
            Some((k, Shown::Format(std::rc::Rc::from(code.as_str()))))
        })
        .collect()
}

/// The custom number formats by id, and each cell format's (`cellXfs`) number format id.
fn cell_formats(styles: &[u8]) -> (HashMap<u32, String>, Vec<u32>) {
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut xfs: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    let mut reader = super::xml_reader::reader(styles);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode"))
                        && let Ok(id) = id.parse()
                    {
                        codes.insert(id, code);
                    }
                }
                "xf" if in_cell_xfs => {
                    xfs.push(
                        attr(&e, "numFmtId")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0),
                    );
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    (codes, xfs)
}

/// Whether a number format code shows a percentage: a `%` outside quotes and not escaped.
pub(crate) fn code_shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// Each sheet's name and its part's path in the package, from the workbook and its
/// relationships.
pub(super) fn sheet_parts<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Vec<(String, String)> {
    let (dir, book) = book_place(zip);
    let mut targets: HashMap<String, String> = HashMap::new();
    if let Some(rels) = part(zip, &format!("{dir}_rels/{book}.rels")) {
        each_element(&rels, |e| {
            if e.local_name().as_ref() == "Relationship"
                && let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target"))
            {
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("{dir}{target}"),
                };
                targets.insert(id, path);
            }
        });
    }
    let mut out = Vec::new();
    if let Some(book) = part(zip, &format!("{dir}{book}")) {
        each_element(&book, |e| {
            if e.local_name().as_ref() == "sheet"
                && let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "id"))
                && let Some(target) = targets.get(&id)
            {
                out.push((name, target.clone()));
            }
        });
    }
    out
}

/// Calls `f` with each event of a sheet's XML and the place of the cell it stands in (None
/// outside a cell), until `f` says stop, the end or an error. Cells are placed as calamine
/// places them, so that what is found here is said of the value it read: a cell's `r` when
/// written, else the column after the previous cell's in the row being read; a row's `r`
/// when written, else the row after the previous one (some programs write neither).
pub(super) fn each_cell_event(xml: &[u8], mut f: impl FnMut(&Event, Option<(u32, u32)>) -> bool) {
    let mut reader = super::xml_reader::reader(xml);
    let mut buf = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut place: Option<(u32, u32)> = None;
    // A cell's place: its `r`, else the column after the previous cell's.
    let placed = |e: &BytesStart, row: u32, col: &mut u32| {
        let reference = attr_raw(e, "r");
        match reference.as_deref().and_then(cell_position) {
            Some((r, c)) => {
                *col = c;
                (r, c)
            }
            None => (row, *col),
        }
    };
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return,
            Ok(event) => event,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "row" => {
                if let Some(r) = attr_number::<u32>(e, "r") {
                    row = r.saturating_sub(1);
                }
                // As calamine reads a sheet, `<row/>` is a row.
                if matches!(event, Event::Empty(_)) {
                    row = row.saturating_add(1);
                    col = 0;
                }
                continue;
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                row = row.saturating_add(1);
                col = 0;
            }
            // `<c/>` is a cell, with nothing in it to find: its place is kept and no more
            // (millions of them are passed over at the cost of their `r`).
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                placed(e, row, &mut col);
                col = col.saturating_add(1);
                continue;
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                place = Some(placed(e, row, &mut col));
            }
            _ => {}
        }
        if !f(&event, place) {
            return;
        }
        if let Event::End(e) = &event
            && e.local_name().as_ref() == "c"
        {
            place = None;
            col = col.saturating_add(1);
        }
    }
}

/// `E6` is (5, 4): 0-based row and column.
pub(super) fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let letters = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .count();
    let (col, row) = reference.split_at(letters);
    let col = col.chars().try_fold(0u32, |n, c| {
        n.checked_mul(26)?
            .checked_add(u32::from(c.to_ascii_uppercase() as u8 - b'A') + 1)
    })?;
    let row: u32 = row.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_format_codes() {
        assert_eq!(cell_position("E6"), Some((5, 4)));
        assert_eq!(cell_position("AA10"), Some((9, 26)));
        assert_eq!(cell_position("A0"), None);
        assert!(code_shows_percent("0.000%"));
        assert!(!code_shows_percent(r#"0"%""#));
        assert!(!code_shows_percent(r"0\%"));
        assert_eq!(as_percent(0.12345), "12.345%");
        assert_eq!(as_percent(1.5), "150%");
        assert_eq!(as_percent(-0.024), "-2.4%");
    }
}

//! Text struck through in an XLSX (見え消し): how a division marks a line to delete, on paper
//! and in Excel. Calamine gives a cell's text without its formatting, so a struck line read as
//! any other, kept without a word. The package's XML says which cells hold struck text: a run
//! of a shared string with `<strike/>` in its properties, or a cell whose style's font strikes
//! through, in a shared string or an inline one (`t="inlineStr"`, as openpyxl writes every
//! string). The package's size is bounded before this runs (`zip_scan.rs`).

use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use quick_xml::events::{BytesStart, Event};

use super::cell_xml::{attr_number, attr_raw, each_cell_event, each_sheet, part};
use super::sheet::Sheet;
use crate::model::diag::{Location, Warning, WarningKind};

/// A cell holding struck text: 0-based row and column, and the struck runs' text (`None`: the
/// whole cell is struck, by its style).
struct StruckCell {
    row: u32,
    col: u32,
    runs: Option<String>,
}

/// A warning for each cell of `sheet` holding struck text (見え消し), naming it, at most
/// [`crate::model::bounds::MAX_WARNINGS`]: a line struck through is meant gone, on paper and
/// in a division's answer, and the readers take it as written.
pub(crate) fn struck_warnings(bytes: &[u8], sheet: &Sheet) -> Vec<Warning> {
    let most = crate::model::bounds::MAX_WARNINGS;
    (struck_cells(bytes, &sheet.name, most).into_iter())
        .filter_map(|c| {
            let (row, col) = (c.row as usize, c.col as usize);
            let text = c.runs.unwrap_or_else(|| sheet.text(row, col).to_string());
            let text = text.trim().to_string();
            let at = Location::cell(&sheet.name, row + 1, col + 1, None);
            (!text.is_empty()).then(|| Warning::new(at, WarningKind::StruckThrough { text }))
        })
        .collect()
}

/// The cells of sheet `sheet` holding struck text, at most `most`.
fn struck_cells(bytes: &[u8], sheet: &str, most: usize) -> Vec<StruckCell> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let (dir, _) = super::cell_xml::book_place(&mut zip);
    let strings = part(&mut zip, &format!("{dir}sharedStrings.xml"));
    let runs = strings.map_or_else(HashMap::new, |x| struck_runs(&x));
    let styles = part(&mut zip, &format!("{dir}styles.xml"));
    let styles = styles.map_or_else(HashSet::new, |x| struck_styles(&x));
    let mut out = Vec::new();
    each_sheet(
        &mut zip,
        |name| name == sheet,
        |_, xml| {
            // Nothing struck anywhere: the sheet is not read again (eight million formula cells
            // took seconds more; a struck inline run names `strike` in the sheet itself).
            if runs.is_empty() && styles.is_empty() && !xml.windows(6).any(|w| w == b"strike") {
                return;
            }
            // The cell being read: its place, whether its style strikes it, whether it holds a
            // shared string; told once its value is seen (an empty styled cell holds no text).
            // An inline string's runs (openpyxl writes every string so) are read in place.
            let mut open: Option<((u32, u32), bool, bool)> = None;
            let (mut in_value, mut inline) = (false, Runs::default());
            each_cell_event(&xml, |event, place| {
                match event {
                    Event::Start(e) if e.local_name().as_ref() == "c" => {
                        let styled =
                            attr_number::<usize>(e, "s").is_some_and(|s| styles.contains(&s));
                        let shared = attr_raw(e, "t").is_some_and(|t| t == "s");
                        open = place.map(|at| (at, styled, shared));
                    }
                    Event::Start(e) if e.local_name().as_ref() == "v" => in_value = true,
                    Event::End(e) if e.local_name().as_ref() == "v" => in_value = false,
                    Event::Start(e) if e.local_name().as_ref() == "is" => {
                        inline = Runs::default();
                        // A cell its style strikes is said whole (its runs need not be read).
                        if let Some(((row, col), true, _)) = open {
                            open = None;
                            out.push(StruckCell {
                                row,
                                col,
                                runs: None,
                            });
                        }
                    }
                    Event::End(e) if e.local_name().as_ref() == "is" => {
                        if let (Some(((row, col), ..)), false) =
                            (open.take(), inline.text.is_empty())
                        {
                            let runs = Some(std::mem::take(&mut inline.text));
                            out.push(StruckCell { row, col, runs });
                        }
                    }
                    Event::Text(t) if in_value => {
                        if let Some(((row, col), styled, shared)) = open.take() {
                            let written = t.xml10_content();
                            let index = shared.then(|| written.trim().parse::<usize>().ok());
                            let struck = index.flatten().and_then(|k| runs.get(&k));
                            if styled || struck.is_some() {
                                let runs = (!styled).then(|| struck.cloned()).flatten();
                                out.push(StruckCell { row, col, runs });
                            }
                        }
                    }
                    event if open.is_some() => inline.take(event),
                    _ => {}
                }
                out.len() < most
            });
        },
    );
    out
}

/// Where reading a string's runs is: in a run, in its properties, struck; in its text; in a
/// phonetic guide (ルビ: not the cell's text); and the struck runs' text so far.
#[derive(Default)]
struct Runs {
    in_run: bool,
    in_props: bool,
    struck: bool,
    in_text: bool,
    in_phonetic: bool,
    text: String,
}

impl Runs {
    /// Takes one event of a string's XML (`<si>` or `<is>`).
    fn take(&mut self, event: &Event) {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "r" => (self.in_run, self.struck) = (true, false),
                "rPr" => self.in_props = true,
                "t" => self.in_text = true,
                "rPh" => self.in_phonetic = true,
                "strike" if self.in_props => self.struck = strikes(e),
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "strike" && self.in_props => {
                self.struck = strikes(e);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "r" => self.in_run = false,
                "rPr" => self.in_props = false,
                "t" => self.in_text = false,
                "rPh" => self.in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if self.counts() => self.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if self.counts() => {
                let name = r.as_ref().to_string();
                (self.text)
                    .push_str(quick_xml::escape::resolve_xml_entity(&name).unwrap_or_default());
            }
            _ => {}
        }
    }

    /// Whether text here is a struck run's.
    fn counts(&self) -> bool {
        self.in_run && self.struck && self.in_text && !self.in_phonetic
    }
}

/// The shared strings holding a struck run, by index: the struck runs' text, joined.
fn struck_runs(xml: &[u8]) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    let (mut index, mut runs) = (0usize, Runs::default());
    each_event(xml, |event| match event {
        Event::End(e) if e.local_name().as_ref() == "si" => {
            let text = std::mem::take(&mut runs).text;
            if !text.is_empty() {
                out.insert(index, text);
            }
            index += 1;
        }
        Event::Empty(e) if e.local_name().as_ref() == "si" => index += 1,
        event => runs.take(event),
    });
    out
}

/// Calls `f` with each event of `xml`, to its end or an error.
fn each_event(xml: &[u8], mut f: impl FnMut(&Event)) {
    let mut reader = super::xml_reader::reader(xml);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return,
            Ok(event) => f(&event),
        }
    }
}

/// Whether a `<strike>` element strikes (`val` absent, or true).
fn strikes(e: &BytesStart) -> bool {
    attr_raw(e, "val").is_none_or(|v| !matches!(v.as_ref(), "0" | "false"))
}

/// The cell formats (`cellXfs` indices) whose font strikes through.
fn struck_styles(xml: &[u8]) -> HashSet<usize> {
    let (mut fonts, mut font, mut in_fonts) = (HashSet::new(), 0usize, false);
    let (mut in_xfs, mut xf, mut out) = (false, 0usize, HashSet::new());
    each_event(xml, |event| {
        if let Event::Start(e) | Event::Empty(e) = event {
            match e.local_name().as_ref() {
                "fonts" => in_fonts = true,
                "strike" if in_fonts && strikes(e) => {
                    fonts.insert(font);
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    if attr_number::<usize>(e, "fontId").is_some_and(|f| fonts.contains(&f)) {
                        out.insert(xf);
                    }
                    xf += 1;
                }
                _ => {}
            }
        }
        let (name, end) = match event {
            Event::End(e) => (e.local_name().as_ref().to_string(), true),
            Event::Empty(e) => (e.local_name().as_ref().to_string(), false),
            _ => return,
        };
        match name.as_str() {
            "font" if in_fonts => font += 1,
            "fonts" if end => in_fonts = false,
            "cellXfs" => in_xfs = false,
            _ => {}
        }
    });
    out
}

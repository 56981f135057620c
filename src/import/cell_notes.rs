//! The words an answer workbook holds where no answer is read: the notes on its cells and the
//! words of the shapes drawn on its sheets, found through each sheet's relationships.

use std::collections::HashSet;
use std::io::Cursor;

use quick_xml::events::Event;

use super::cell_xml::{attr, attr_raw, cell_position, each_element, part_exact, sheet_parts};

/// A note on a cell (Excel's メモ, or the text it keeps of a コメント): sheet, 0-based row and
/// column, its text.
pub(crate) type CellNote = (String, u32, u32, String);

/// The notes on the cells of every sheet, from each sheet's comments part, and the words in
/// the shapes drawn on them (a text box, a callout: Excel's テキスト ボックス), each at the cell
/// its top left corner is anchored to; at most `most` of each. A division may write its answer
/// in either; it is no answer, and is said. One opening of the package for both (a package of
/// 120,000 parts takes a while to open).
pub(crate) fn notes_and_shapes(bytes: &[u8], most: usize) -> (Vec<CellNote>, Vec<CellNote>) {
    let (mut notes, mut shapes) = (Vec::new(), Vec::new());
    each_related_part(bytes, |kind, sheet, xml| match kind {
        Related::Comments => notes_in(sheet, xml, most, &mut notes),
        Related::Drawing => shapes_in(sheet, xml, most, &mut shapes),
    });
    (notes, shapes)
}

/// The parts a sheet's relationships name that are read here.
#[derive(Clone, Copy)]
enum Related {
    Comments,
    Drawing,
}

/// Each comments and drawing part a sheet's relationships name, read and given with its kind
/// and the sheet's name. The package's size is bounded before this runs.
fn each_related_part(bytes: &[u8], mut read_part: impl FnMut(Related, &str, &[u8])) {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return;
    };
    // Each part read once, for the first sheet naming it: a sheet's relationships naming one
    // part of 60 MB two thousand times kept `collect` busy for minutes on 73 KB.
    let mut read = HashSet::new();
    for (name, target) in sheet_parts(&mut zip) {
        let Some((dir, file)) = target.rsplit_once('/') else {
            continue;
        };
        // By their exact names: calamine reads neither a sheet's relationships nor what they
        // name, and a look-up in any case scans every part (a sheet without relationships, the
        // usual, missed twice per sheet: 990 sheets and 120,000 parts took 19 s).
        let Some(rels) = part_exact(&mut zip, &format!("{dir}/_rels/{file}.rels")) else {
            continue;
        };
        let mut parts = Vec::new();
        each_element(&rels, |e| {
            let kind = match attr(e, "Type") {
                Some(t) if t.ends_with("/comments") => Related::Comments,
                Some(t) if t.ends_with("/drawing") => Related::Drawing,
                _ => return,
            };
            if e.local_name().as_ref() == "Relationship"
                && let Some(target) = attr(e, "Target")
            {
                parts.push((kind, relative_part(dir, &target)));
            }
        });
        for (kind, path) in parts {
            if !read.insert(path.clone()) {
                continue;
            }
            if let Some(xml) = part_exact(&mut zip, &path) {
                read_part(kind, &name, &xml);
            }
        }
    }
}

/// The words of one drawing part's shapes: each anchor's text runs (`<a:t>`), its paragraphs
/// (`<a:p>`) on lines of their own, at the cell its `<xdr:from>` names (the sheet's first
/// cell for an anchor by position alone).
fn shapes_in(sheet: &str, xml: &[u8], most: usize, out: &mut Vec<CellNote>) {
    let mut reader = super::xml_reader::reader(xml);
    let mut buf = Vec::new();
    // The anchor open: its cell, its words; where in it the reader stands.
    let mut shape: Option<((u32, u32), String)> = None;
    let (mut in_from, mut in_text, mut field, mut paragraphs) = (false, false, None, 0usize);
    while out.len() < most {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "twoCellAnchor" | "oneCellAnchor" | "absoluteAnchor" => {
                    shape = Some(((0, 0), String::new()));
                    paragraphs = 0;
                }
                "from" => in_from = true,
                "col" if in_from => field = Some(1),
                "row" if in_from => field = Some(0),
                "p" => {
                    if let Some((_, text)) = shape.as_mut()
                        && paragraphs > 0
                    {
                        text.push('\n');
                    }
                    paragraphs += 1;
                }
                "t" => in_text = true,
                _ => {}
            },
            Ok(Event::Text(t)) if field.is_some() => {
                if let Some(((row, col), _)) = shape.as_mut() {
                    let at = t.xml10_content().trim().parse().unwrap_or(0);
                    *(if field == Some(0) { row } else { col }) = at;
                }
            }
            Ok(ref words @ (Event::Text(_) | Event::GeneralRef(_) | Event::CData(_)))
                if in_text =>
            {
                if let Some((_, text)) = shape.as_mut() {
                    push_words(words, text);
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "from" => in_from = false,
                "col" | "row" => field = None,
                "t" => in_text = false,
                "twoCellAnchor" | "oneCellAnchor" | "absoluteAnchor" => {
                    if let Some(((row, col), text)) = shape.take()
                        && !text.trim().is_empty()
                    {
                        out.push((sheet.to_string(), row, col, text));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// A note's or a shape's words as an event gives them: its text, a reference, a CDATA section.
fn push_words(event: &Event, text: &mut String) {
    match event {
        Event::Text(t) => text.push_str(&t.xml10_content()),
        Event::GeneralRef(r) => super::xml_reader::push_reference(text, r),
        Event::CData(t) => text.push_str(t.as_ref()),
        _ => {}
    }
}

/// A relationship's target as a path in the package: `../comments1.xml` from `xl/worksheets`
/// is `xl/comments1.xml`; `/xl/comments1.xml` is that.
fn relative_part(dir: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut path: Vec<&str> = dir.split('/').collect();
    for step in target.split('/') {
        match step {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            name => path.push(name),
        }
    }
    path.join("/")
}

/// The notes of one comments part: each `<comment ref="E9">`'s text runs joined.
fn notes_in(sheet: &str, xml: &[u8], most: usize, out: &mut Vec<CellNote>) {
    let mut reader = super::xml_reader::reader(xml);
    let mut buf = Vec::new();
    let mut note: Option<((u32, u32), String)> = None;
    let mut in_text = false;
    while out.len() < most {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "comment" => {
                    note = attr_raw(&e, "ref")
                        .and_then(|r| cell_position(&r))
                        .map(|at| (at, String::new()));
                }
                "t" => in_text = true,
                _ => {}
            },
            Ok(ref words @ (Event::Text(_) | Event::GeneralRef(_) | Event::CData(_)))
                if in_text =>
            {
                if let Some((_, text)) = note.as_mut() {
                    push_words(words, text);
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "comment" => {
                    if let Some(((row, col), text)) = note.take()
                        && !text.trim().is_empty()
                    {
                        out.push((sheet.to_string(), row, col, text));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

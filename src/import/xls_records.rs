//! The BIFF records of an `.xls` workbook stream, walked the way calamine 0.38 parses them
//! (`xls.rs`: `RecordIter`, `parse_workbook`, `parse_sst`), counting instead of keeping (but
//! for the places of the number cells whose format changes what they read as, [`XlsShown`]):
//! the second half of the walk `xls_scan.rs` makes before calamine opens a workbook.

use std::collections::{HashMap, HashSet, VecDeque};

use super::cell_xml::{FormattedCells, PercentCells, code_shows_percent};

use super::sheet::{Budget, cell_location, too_large};
use super::xls_bounds::{Extent, FORMULA_GROWTH, Walk, budget, check_continues, text_bytes};
use crate::model::bounds::{Excess, MAX_XLS_AREA, MAX_XLS_FORMULA_SPACE_WORK, MAX_XLS_TOTAL_AREA};
use crate::model::diag::Location;

/// A record and the CONTINUE records after it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: VecDeque<&'a [u8]>,
}

impl<'a> Record<'a> {
    /// The next continuation becomes the data.
    fn next_cont(&mut self) -> bool {
        match self.cont.pop_front() {
            Some(c) => {
                self.data = c;
                true
            }
            None => false,
        }
    }

    fn skip(&mut self, mut len: usize) -> Result<(), Walk> {
        while len > 0 {
            if self.data.is_empty() && !self.next_cont() {
                return Err(Walk::Stop);
            }
            let l = len.min(self.data.len());
            self.data = &self.data[l..];
            len -= l;
        }
        Ok(())
    }
}

fn u16_of(b: &[u8]) -> Result<u16, Walk> {
    let s = b.get(..2).ok_or(Walk::Stop)?;
    Ok(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_of(b: &[u8]) -> Result<u32, Walk> {
    let s = b.get(..4).ok_or(Walk::Stop)?;
    Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// The records of a stream, each with its continuations; a record cut short ends the walk.
struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Walk>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stream.len() < 4 {
            return (!self.stream.is_empty()).then_some(Err(Walk::Stop));
        }
        let typ = u16::from_le_bytes([self.stream[0], self.stream[1]]);
        let len = u16::from_le_bytes([self.stream[2], self.stream[3]]) as usize;
        if self.stream.len() < len + 4 {
            return Some(Err(Walk::Stop));
        }
        let (head, next) = self.stream.split_at(len + 4);
        self.stream = next;
        let mut cont = VecDeque::new();
        while self.stream.len() > 4 && self.stream[..2] == [0x3C, 0x00] {
            let len = u16::from_le_bytes([self.stream[2], self.stream[3]]) as usize;
            if self.stream.len() < len + 4 {
                return Some(Err(Walk::Stop));
            }
            let (c, rest) = self.stream.split_at(len + 4);
            cont.push_back(&c[4..]);
            self.stream = rest;
        }
        Some(Ok(Record {
            typ,
            data: &head[4..],
            cont,
        }))
    }
}

/// Walks the workbook globals, then each sheet in the order the globals list them; notes in
/// `percent` the number cells formatted as a percentage, by sheet (calamine gives 12.345 %
/// as 0.12345, and the sheet is read as it shows it).
pub(super) fn walk_workbook(stream: &[u8], shown: &mut XlsShown) -> Result<(), Walk> {
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut sst: Vec<usize> = Vec::new();
    let mut biff8 = true;
    let mut codes: HashMap<u16, String> = HashMap::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    for record in (Records { stream }) {
        let r = record?;
        check_continues(r.typ, r.cont.len())?;
        match r.typ {
            // FilePass: a password; calamine says so.
            0x002F if u16_of(r.data)? != 0 => return Err(Walk::Stop),
            0x0809 => biff8 = is_biff8(r.data)?,
            0x0085 => sheets.push(bound_sheet(r.data, biff8, sheets.len())?),
            0x00FC => sst = sst_chars(r)?,
            // FORMAT and XF: which cell formats show a percentage.
            0x041E => {
                if let Some((index, code)) = format_code(r.data, biff8) {
                    codes.insert(index, code);
                }
            }
            0x00E0 => xf_formats.push(r.data.get(2..).map(u16_of).transpose()?.unwrap_or(0)),
            0x000A => break,
            _ => {}
        }
    }
    // Built-in 9 and 10 are `0%` and `0.00%`.
    let mut xfs = ShownXfs::default();
    for (k, f) in (0u16..).zip(&xf_formats) {
        let code = codes.get(f);
        if matches!(f, 9 | 10) || code.is_some_and(|c| code_shows_percent(c)) {
            xfs.percent.insert(k);
        } else if let Some(c) = code.filter(|c| super::number_format::says_more_than_digits(c)) {
            xfs.formats.insert(k, std::rc::Rc::from(c.as_str()));
        }
    }
    let mut budget = budget();
    // The formulas' spaces of every sheet: calamine parses them all on opening.
    let mut space_work = 0u64;
    // The bytes each sheet read was walked over: start → end.
    let mut walked: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut total = 0u64;
    for (pos, name) in sheets {
        let at = || Location {
            sheet: Some(crate::model::diag::sheet_name(&name)),
            ..Location::default()
        };
        // Each sheet is read from where it starts: one start named by 400 sheets is one
        // sheet read 400 times.
        // So is a start inside another sheet's records, or one whose records run into
        // another's: 150,000 sheets each starting a record further into one were each walked
        // to its end.
        let shares = |pos: usize, end: usize| {
            walked
                .range(..end)
                .next_back()
                .is_some_and(|(_, &e): (&usize, &usize)| e > pos)
        };
        if shares(pos, pos + 1) {
            return Err(Walk::Refuse(too_large(
                "XLS",
                at(),
                Excess::SheetsShareData,
            )));
        }
        let sheet = stream.get(pos..).ok_or(Walk::Stop)?;
        let mut here = SheetShown::default();
        let (area, length) = walk_sheet(
            sheet,
            &name,
            (&sst, biff8, &mut space_work),
            &mut budget,
            (&xfs, &mut here),
        )?;
        if shares(pos, pos + length.max(1)) {
            return Err(Walk::Refuse(too_large(
                "XLS",
                at(),
                Excess::SheetsShareData,
            )));
        }
        walked.insert(pos, pos + length.max(1));
        total += area;
        if !here.percent.is_empty() {
            shown.percent.insert(name.clone(), here.percent);
        }
        if !here.formatted.is_empty() {
            shown.formatted.insert(name.clone(), here.formatted);
        }
        if total > MAX_XLS_TOTAL_AREA {
            let excess = Excess::XlsTotalArea { cells: total };
            return Err(Walk::Refuse(too_large("XLS", at(), excess)));
        }
    }
    Ok(())
}

fn is_biff8(bof: &[u8]) -> Result<bool, Walk> {
    let version = u16_of(bof)?;
    let kind = bof.get(2..).map(u16_of).transpose()?.unwrap_or(0);
    Ok(match version {
        0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => false,
        0 => kind != 0x1000,
        _ => true,
    })
}

/// BoundSheet8: where the sheet's records start, and its name (for messages).
fn bound_sheet(data: &[u8], biff8: bool, index: usize) -> Result<(usize, String), Walk> {
    let pos = u32_of(data)? as usize;
    let (state, kind) = (
        data.get(4).ok_or(Walk::Stop)?,
        data.get(5).ok_or(Walk::Stop)?,
    );
    if state & 0x3F > 2 || !matches!(kind, 0 | 1 | 2 | 6) {
        return Err(Walk::Stop);
    }
    let cch = *data.get(6).unwrap_or(&0) as usize;
    let name = match (biff8, data.get(7)) {
        (true, Some(flags)) if flags & 1 != 0 => {
            let units: Vec<u16> = data[8..]
                .chunks_exact(2)
                .take(cch)
                .map(|u| u16::from_le_bytes([u[0], u[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        (true, Some(_)) => data[8..].iter().take(cch).map(|&b| b as char).collect(),
        _ => data[7.min(data.len())..]
            .iter()
            .take(cch)
            .map(|&b| b as char)
            .collect(),
    };
    let name = name.replace('\0', "");
    Ok((
        pos,
        if name.is_empty() {
            format!("#{}", index + 1)
        } else {
            name
        },
    ))
}

/// Each shared string's length in characters, as calamine reads the SST.
fn sst_chars(mut r: Record) -> Result<Vec<usize>, Walk> {
    r.data = r.data.get(8..).ok_or(Walk::Stop)?;
    let mut out = Vec::new();
    while !r.data.is_empty() || r.next_cont() {
        out.push(rich_string(&mut r)?);
    }
    Ok(out)
}

fn rich_string(r: &mut Record) -> Result<usize, Walk> {
    if r.data.is_empty() {
        return Ok(0);
    }
    if r.data.len() < 3 {
        return Err(Walk::Stop);
    }
    let cch = u16_of(r.data)? as usize;
    let flags = r.data[2];
    r.data = &r.data[3..];
    let mut high = flags & 1 != 0;
    let mut runs = 0usize;
    let mut ext = 0usize;
    if flags & 8 != 0 {
        runs = u16_of(r.data)? as usize;
        r.data = &r.data[2..];
    }
    if flags & 4 != 0 {
        // calamine widens the signed count: a negative one skips to the end and fails there.
        ext = u32_of(r.data)? as i32 as isize as usize;
        r.data = &r.data[4..];
    }
    let mut left = cch;
    while left > 0 {
        let (chars, bytes) = if high {
            let l = (r.data.len() / 2).min(left);
            (l, 2 * l)
        } else {
            let l = r.data.len().min(left);
            (l, l)
        };
        r.data = &r.data[bytes..];
        left -= chars;
        if left > 0 {
            if !r.next_cont() {
                return Err(Walk::Stop);
            }
            high = r.data.first().ok_or(Walk::Stop)? & 1 != 0;
            r.data = &r.data[1..];
        }
    }
    r.skip(runs * 4)?;
    r.skip(ext)?;
    Ok(cch)
}

/// The characters of an `XLUnicodeString` (a LABEL's or a formula's string value).
fn string_chars(s: &[u8], biff8: bool) -> Result<usize, Walk> {
    let header = if biff8 { 3 } else { 2 };
    if s.len() < header {
        // calamine reads two zero bytes as an empty string.
        return if s.len() == 2 && s == [0, 0] {
            Ok(0)
        } else {
            Err(Walk::Stop)
        };
    }
    Ok(u16_of(s)? as usize)
}

/// The number cells of an `.xls` whose format changes what they read as, by sheet: shown as a
/// percentage, or scaled or with a money unit (their format code: [`super::number_format`]).
#[derive(Default)]
pub(crate) struct XlsShown {
    pub(crate) percent: PercentCells,
    pub(crate) formatted: FormattedCells,
}

/// The cell formats (XF records, by index) that change what a number reads as.
#[derive(Default)]
struct ShownXfs {
    percent: HashSet<u16>,
    /// Shared by every cell of the format: a code thousands of characters long, copied into
    /// each of 750,000 cells, took all the memory there is.
    formats: HashMap<u16, std::rc::Rc<str>>,
}

/// One sheet's cells of those formats.
#[derive(Default)]
struct SheetShown {
    percent: HashSet<(u32, u32)>,
    formatted: HashMap<(u32, u32), std::rc::Rc<str>>,
}

impl SheetShown {
    /// A number cell whose format (`ixfe`, the record's bytes `xf`) shows a percentage, or
    /// scales the number or writes a unit.
    fn mark(&mut self, xfs: &ShownXfs, at: (u32, u32), xf: &[u8]) {
        let Ok(x) = u16_of(xf) else { return };
        if xfs.percent.contains(&x) {
            self.percent.insert(at);
        } else if let Some(code) = xfs.formats.get(&x) {
            self.formatted.insert(at, code.clone());
        }
    }
}

/// Counts into `work` what a formula's space tokens cost the reader (`tAttrSpace`: 0x19, the
/// space flag 0x40, a kind of space 0–6 and how many): it inserts each space one at a time at
/// the start of the formula's text, so a formula's cost grows with the square of its spaces,
/// and that square is counted. The tokens are looked for in the formula's bytes, not read one
/// by one: a number's bytes may look like one (6.3 ends in `19 40`), which a formula of a few
/// such counts pays a few thousand for, where the bound is ten billion. Refuses the workbook
/// past [`MAX_XLS_FORMULA_SPACE_WORK`], naming the formula's cell.
fn take_spaces(
    work: &mut u64,
    tokens: &[u8],
    sheet: &str,
    (row, col): (u32, u32),
) -> Result<(), Walk> {
    let spaces: u64 = (tokens.windows(4))
        .filter(|w| w[0] == 0x19 && w[1] & 0x40 != 0 && w[2] <= 6)
        .map(|w| u64::from(w[3]))
        .sum();
    *work = work.saturating_add(spaces.saturating_mul(spaces));
    if *work > MAX_XLS_FORMULA_SPACE_WORK {
        let at = cell_location(sheet, row.into(), col.into());
        return Err(Walk::Refuse(too_large("XLS", at, Excess::XlsFormulaSpaces)));
    }
    Ok(())
}

/// One sheet's records, from its BOF to its EOF (charts and other substreams inside skipped).
fn walk_sheet(
    stream: &[u8],
    name: &str,
    (sst, biff8, spaces): (&[usize], bool, &mut u64),
    budget: &mut Budget,
    (xfs, here): (&ShownXfs, &mut SheetShown),
) -> Result<(u64, usize), Walk> {
    let mut mark = |row: u32, col: u32, xf: &[u8]| here.mark(xfs, (row, col), xf);
    let mut declared = 0u64;
    let mut values = Extent::default();
    let mut formulas = Extent::default();
    let mut cell = |row: u32, col: u32, text: usize, budget: &mut Budget| -> Result<(), Walk> {
        values.add(name, row, col)?;
        budget.take(name, (row as u64, col as u64), 1, text)?;
        Ok(())
    };
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut formula_at = (0u32, 0u32);
    let mut records = Records { stream };
    for record in records.by_ref() {
        let r = record?;
        check_continues(r.typ, r.cont.len())?;
        let d = r.data;
        if depth > 0 {
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = |min: usize| -> Result<(u32, u32), Walk> {
            if d.len() < min {
                return Err(Walk::Stop);
            }
            Ok((u16_of(d)? as u32, u16_of(&d[2..])? as u32))
        };
        match r.typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => declared = declared.max(dimensions(d, name)?),
            // Number, RK, BoolErr.
            0x0203 | 0x027E | 0x0205 => {
                let min = match r.typ {
                    0x0203 => 14,
                    0x027E => 10,
                    _ => 8,
                };
                let (row, col) = at(min)?;
                cell(row, col, 0, budget)?;
                if r.typ != 0x0205 {
                    mark(row, col, &d[4..]);
                }
            }
            // Label, RString.
            0x0204 | 0x00D6 => {
                let (row, col) = at(6)?;
                cell(row, col, text_bytes(string_chars(&d[6..], biff8)?), budget)?;
            }
            // A formula's string value, at the formula's cell.
            0x0207 => {
                let chars = string_chars(d, biff8)?;
                cell(formula_at.0, formula_at.1, text_bytes(chars), budget)?;
            }
            // LabelSst: the shared string is copied into the cell.
            0x00FD => {
                let (row, col) = at(10)?;
                let index = u32_of(&d[6..])? as usize;
                let Some(&chars) = sst.get(index) else {
                    // The reader leaves such a cell empty: a result lost without a word.
                    return Err(Walk::Refuse(crate::model::diag::ImportError {
                        at: Location::cell(name, row as usize + 1, col as usize + 1, None),
                        kind: crate::model::diag::ImportErrorKind::DamagedWorkbook {
                            format: "XLS",
                            why: format!(
                                "the cell names shared string {index}; the workbook has {}",
                                sst.len()
                            ),
                        },
                    }));
                };
                cell(row, col, text_bytes(chars), budget)?;
            }
            0x00BD => {
                let (row, first) = at(6)?;
                let last = u16_of(&d[d.len() - 2..])?;
                let n = last.wrapping_sub(first as u16).wrapping_add(1) as usize;
                if d.len() != 6 + 6 * n {
                    return Err(Walk::Stop);
                }
                for k in 0..(d.len() - 6) / 6 {
                    cell(row, first + k as u32, 0, budget)?;
                    mark(row, first + k as u32, &d[4 + 6 * k..]);
                }
            }
            0x0006 => {
                let (row, col) = at(20)?;
                formula_at = (row, col);
                let value = &d[6..14];
                let string_next = value[0] == 0 && value[6..] == [0xFF, 0xFF];
                if !string_next {
                    cell(row, col, 0, budget)?;
                    mark(row, col, &d[4..]); // its saved value, as its format shows it
                }
                formulas.add(name, row, col)?;
                let text = (d.len() - 20).saturating_mul(FORMULA_GROWTH) + 64;
                budget.take(name, (row as u64, col as u64), 1, text)?;
                take_spaces(spaces, &d[20..], name, (row, col))?;
            }
            0x000A => break,
            _ => {}
        }
    }
    // The rectangle calamine builds: the larger of what is declared and what is used; and
    // the bytes walked.
    let walked = stream.len() - records.stream.len();
    Ok((declared.max(values.area()) + formulas.area(), walked))
}

/// A FORMAT record's number and code (BIFF8: a 16-bit count and a flags byte, wide characters
/// when its low bit is set; before: an 8-bit count); `None` when it is cut short.
fn format_code(d: &[u8], biff8: bool) -> Option<(u16, String)> {
    let index = u16_of(d).ok()?;
    let code = if biff8 {
        let cch = u16_of(d.get(2..)?).ok()? as usize;
        let chars = d.get(5..)?;
        if d.get(4)? & 1 != 0 {
            let units: Vec<u16> = chars
                .chunks_exact(2)
                .take(cch)
                .map(|u| u16::from_le_bytes([u[0], u[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            chars.iter().take(cch).map(|&b| b as char).collect()
        }
    } else {
        let cch = *d.get(2)? as usize;
        d.get(3..)?.iter().take(cch).map(|&b| b as char).collect()
    };
    Some((index, code))
}

/// DIMENSIONS: calamine reserves room for the rectangle it declares (its arithmetic kept,
/// wrapping included); its rows times columns.
fn dimensions(d: &[u8], sheet: &str) -> Result<u64, Walk> {
    let (first_row, last_row, mut first_col, last_col) = match d.len() {
        10 => (
            u16_of(d)? as u32,
            u16_of(&d[2..])? as u32,
            u16_of(&d[4..])? as u32,
            u16_of(&d[6..])? as u32,
        ),
        14 | 16 => (
            u32_of(d)?,
            u32_of(&d[4..])?,
            u16_of(&d[8..])? as u32,
            u16_of(&d[10..])? as u32,
        ),
        _ => return Err(Walk::Stop),
    };
    if 0xFF < first_col || last_col < first_col {
        first_col = 0;
    }
    let (end_row, end_col) = if last_row >= 1 && last_col >= 1 {
        (last_row - 1, last_col - 1)
    } else {
        (first_row, first_col)
    };
    let rows = end_row.wrapping_sub(first_row).wrapping_add(1);
    let cols = end_col.wrapping_sub(first_col).wrapping_add(1);
    if rows as u64 * cols as u64 > MAX_XLS_AREA {
        let at = Location {
            sheet: Some(crate::model::diag::sheet_name(sheet)),
            field_name: Some("DIMENSIONS".into()),
            ..Location::default()
        };
        return Err(Walk::Refuse(too_large(
            "XLS",
            at,
            Excess::XlsArea {
                rows,
                columns: cols,
            },
        )));
    }
    Ok(rows as u64 * cols as u64)
}

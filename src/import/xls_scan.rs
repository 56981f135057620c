//! An `.xls` workbook looked over before calamine opens it. calamine parses a whole BIFF
//! workbook when it opens it, before any cell can be looked at: each sheet becomes a dense
//! rectangle from its first used cell to its last, room is reserved for the rectangle its
//! DIMENSIONS record declares, and the compound file's sector chains are followed as far as
//! they go. A 31 KB file with one cell moved to column 6000 took 24 GB; a chain that loops
//! never ends. So the compound file and the BIFF records are walked here first, the way
//! calamine 0.38 walks them (`cfb.rs`, `xls.rs`), keeping nothing but counts — and where the
//! number cells formatted as a percentage, or scaled or given a money unit, stand, which
//! calamine does not say:
//!
//! - every sector chain is followed to its end; one that gives more bytes than the file holds
//!   loops, and the file is refused as damaged, as is a FAT list longer than the file;
//! - each sheet's used rectangle, of values and of formulas, and its DIMENSIONS record are
//!   checked against [`MAX_XLS_AREA`], each cell's column against the format's 256;
//! - cells and their text (a shared string is copied into each cell naming it; a formula's
//!   text can grow to [`FORMULA_GROWTH`] times its tokens) go through the [`Budget`];
//! - a record continued more than [`MAX_XLS_CONTINUES`] times is refused (calamine takes each
//!   continuation off the front of a list: quadratic).
//!
//! Where calamine would stop with an error, the walk stops too and leaves the error to it:
//! what follows is never read.

use super::xls_bounds::Walk;
use super::xls_records::XlsShown;
use crate::model::diag::{ImportError, ImportErrorKind, Location};

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

/// What the walk found: nothing beyond the bounds (calamine may still find the file damaged),
/// or a refusal.
/// Also gives the number cells whose format changes what they read as (a percentage, a scale, a
/// money unit), by sheet, as far as the walk reached.
pub(crate) fn check_xls(bytes: &[u8]) -> Result<XlsShown, ImportError> {
    let mut shown = XlsShown::default();
    match walk(bytes, &mut shown) {
        Ok(()) | Err(Walk::Stop) => Ok(shown),
        Err(Walk::Refuse(e)) => Err(e),
    }
}

fn damaged(why: &str) -> Walk {
    Walk::Refuse(ImportError {
        at: Location::default(),
        kind: ImportErrorKind::DamagedWorkbook {
            format: "XLS",
            why: why.to_string(),
        },
    })
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, Walk> {
    let s = b.get(at..at + 2).ok_or(Walk::Stop)?;
    Ok(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, Walk> {
    let s = b.get(at..at + 4).ok_or(Walk::Stop)?;
    Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn words(b: &[u8]) -> Result<Vec<u32>, Walk> {
    // calamine asserts a whole number of words.
    if !b.len().is_multiple_of(4) {
        return Err(Walk::Stop);
    }
    Ok(b.chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect())
}

/// The sectors after the header as calamine's `Sectors` reads them: in order from the file,
/// a sector past its end cut short, and, once the end was met, zeros where it asked beyond.
struct Sectors<'a> {
    file: &'a [u8],
    size: usize,
    maxid: u32,
    /// How far calamine's buffer reaches (zeros past the file's bytes).
    reached: usize,
}

impl Sectors<'_> {
    fn get(&mut self, id: u32) -> Result<Vec<u8>, Walk> {
        if self.maxid < id {
            return Err(Walk::Stop);
        }
        let start = id as usize * self.size;
        let end = start + self.size;
        let mut to = end;
        if end > self.reached {
            let had = self.reached;
            self.reached = end;
            // Until the file's end is met the buffer holds what was read; after it, a read
            // gives nothing and the sector is what the buffer held.
            to = if had <= self.file.len() {
                self.file.len().min(end)
            } else {
                had
            };
            if to < start {
                return Err(Walk::Stop);
            }
        }
        Ok((start..to)
            .map(|i| self.file.get(i).copied().unwrap_or(0))
            .collect())
    }

    /// A chain of sectors from `first`, `len` bytes at most. One of more sectors than the
    /// file has comes round again: calamine would follow it for ever.
    fn chain(&mut self, first: u32, fat: &[u32], len: usize, what: &str) -> Result<Vec<u8>, Walk> {
        let mut out = Vec::new();
        let mut id = first;
        let mut steps = 0u64;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > self.maxid as u64 + 1 {
                return Err(damaged(&format!("the sector chain of the {what} loops")));
            }
            let sector = self.get(id)?;
            let take = sector.len().min(len - out.len());
            out.extend_from_slice(&sector[..take]);
            if out.len() >= len {
                break;
            }
            id = *fat.get(id as usize).ok_or(Walk::Stop)?;
        }
        Ok(out)
    }
}

/// A directory entry: its name and where its stream is.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

fn walk(bytes: &[u8], shown: &mut XlsShown) -> Result<(), Walk> {
    let head = bytes.get(..512).ok_or(Walk::Stop)?;
    if head[..8] != *b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
        return Err(Walk::Stop);
    }
    let version = u16_at(head, 26)?;
    let (size, header) = match u16_at(head, 30)? {
        0x0009 => (512usize, 512usize),
        0x000C => (4096, 4096),
        _ => return Err(Walk::Stop),
    };
    if u16_at(head, 32)? != 6 || bytes.len() < header {
        return Err(Walk::Stop);
    }
    let maxid = u32::try_from(bytes.len() / size).map_err(|_| Walk::Stop)?;
    let mut sectors = Sectors {
        file: &bytes[header..],
        size,
        maxid,
        reached: 0,
    };
    let dir_start = u32_at(head, 48)?;
    let mini_fat_start = u32_at(head, 60)?;
    let mini_fat_len = u32_at(head, 64)? as usize;
    let mut difat = words(&head[76..512])?;
    let mut next = u32_at(head, 68)?;
    let mut difat_sectors = 0usize;
    while next < RESERVED_SECTORS {
        difat_sectors += 1;
        if difat_sectors > maxid as usize + 1 {
            return Err(Walk::Stop);
        }
        difat.extend(words(&sectors.get(next)?)?);
        next = difat.pop().ok_or(Walk::Stop)?;
    }
    // Each listed sector is read into the FAT: past the header's 109, a list longer than the
    // file's sectors (DIFAT sectors repeating one sector) would grow it to gigabytes.
    let fat_sectors: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
    if fat_sectors.len() > 109 + maxid as usize + 1 {
        return Err(damaged(
            "the sector table lists more FAT sectors than the file has",
        ));
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        fat.extend(words(&sectors.get(id)?)?);
    }
    let dirs = sectors.chain(dir_start, &fat, usize::MAX, "directory")?;
    let entries: Vec<Entry> = dirs
        .chunks_exact(128)
        .map(|c| entry(c, size))
        .collect::<Result<_, _>>()?;
    let root = entries.first().ok_or(Walk::Stop)?;
    if version != 3 && root.start == ENDOFCHAIN {
        return Err(Walk::Stop);
    }
    let (mini_stream, mini_fat) = if mini_fat_len > 0 {
        let stream = sectors.chain(root.start, &fat, root.len, "mini stream")?;
        let table = sectors.chain(mini_fat_start, &fat, mini_fat_len * size, "mini FAT")?;
        (stream, words(&table)?)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut stream_of = |name: &str| -> Result<Vec<u8>, Walk> {
        let e = entries
            .iter()
            .find(|e| e.name.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
            .ok_or(Walk::Stop)?;
        if e.len < 4096 {
            mini_chain(&mini_stream, &mini_fat, maxid, e.start, e.len)
        } else {
            sectors.chain(e.start, &fat, e.len, "workbook stream")
        }
    };
    let stream = match stream_of("Workbook") {
        Err(Walk::Stop) => stream_of("Book")?,
        other => other?,
    };
    super::xls_records::walk_workbook(&stream, shown)
}

fn entry(c: &[u8], size: usize) -> Result<Entry, Walk> {
    let units: Vec<u16> = c[..64]
        .chunks_exact(2)
        .map(|u| u16::from_le_bytes([u[0], u[1]]))
        .collect();
    let mut name = String::from_utf16_lossy(&units);
    if let Some(nul) = name.as_bytes().iter().position(|b| *b == 0) {
        name.truncate(nul);
    }
    let len = if size == 512 {
        u32_at(c, 120)? as u64
    } else {
        let s = &c[120..128];
        u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
    };
    Ok(Entry {
        name,
        start: u32_at(c, 116)?,
        len: usize::try_from(len).map_err(|_| Walk::Stop)?,
    })
}

/// A stream under 4,096 bytes, in the mini stream's 64-byte sectors. calamine reads a mini
/// sector past the mini stream from wherever its file reader stands; no writer puts one
/// there, and such a file is refused as damaged rather than guessed at.
fn mini_chain(
    stream: &[u8],
    fat: &[u32],
    maxid: u32,
    first: u32,
    len: usize,
) -> Result<Vec<u8>, Walk> {
    let mut out = Vec::new();
    let mut id = first;
    while id != ENDOFCHAIN {
        if maxid as u64 * 8 < id as u64 {
            return Err(Walk::Stop);
        }
        let start = id as usize * 64;
        let sector = stream
            .get(start..start + 64)
            .ok_or_else(|| damaged("a stream's mini sector lies past the mini stream"))?;
        let take = 64.min(len - out.len());
        out.extend_from_slice(&sector[..take]);
        if out.len() >= len {
            break;
        }
        id = *fat.get(id as usize).ok_or(Walk::Stop)?;
    }
    Ok(out)
}

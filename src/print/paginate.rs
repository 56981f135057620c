//! The table's rows cut into pages. Rows are grouped into blocks a page break may not cut (by
//! [`KeepTogether`]; a heading row always stays with what follows it); a block taller than a
//! page is cut into its rows, and a row taller than a page into its lines, so that every line
//! prints: the row continues on the next page, under the 「（続き）」 line naming its initiative.

use std::ops::Range;

use super::KeepTogether;
use super::draw::MeasuredRow;
use crate::grid::GridRow;
use crate::lang::{Describe, Lang, say};

/// The most pages one printout may have. The PDF holds every page until it is written —
/// tagged, each page's part of the structure tree too, about 0.2 MB a page in all — so one
/// topic of 400,000 result lines (12,034 pages) took 3.4 GB, and a longer one would have
/// taken the PC's memory. 6,000 is half as much again as the 10,000-initiative sample's 4,091
/// pages on A3 (0.8 GB).
pub const MAX_PAGES: usize = 6_000;

/// A printout refused before its pages were drawn: it would have `pages` pages, more than
/// [`MAX_PAGES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooManyPages {
    pub pages: usize,
}

impl Describe for TooManyPages {
    fn describe(&self, lang: Lang) -> String {
        let (pages, most) = (self.pages, MAX_PAGES);
        say(
            lang,
            format!(
                "印刷は{pages}ページになり、1回に印刷できる{most}ページを超えます。担当課か章を選んで印刷してください"
            ),
            format!(
                "the printout would have {pages} pages, more than the {most} one printout may have; print one division's or one section's rows"
            ),
        )
    }
}

/// A stretch of a row printed on one page: its lines `lines` — all of them, unless the row is
/// taller than a page and continues on the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The row's index in the table's rows.
    pub row: usize,
    pub lines: Range<usize>,
}

/// Whether a page starting with this piece names, on a 「（続き）」 line, the initiative it
/// continues: a row of an initiative other than its heading, or any piece but the first of a
/// row of an initiative (its heading too) continued from the page before.
pub fn needs_continuation(row: GridRow, piece: &Piece) -> bool {
    if piece.lines.start > 0 {
        return row.initiative_index().is_some();
    }
    matches!(
        row,
        GridRow::Lane { .. } | GridRow::Topic { .. } | GridRow::Entry { .. }
    )
}

pub struct Pagination {
    /// Room for rows on a page.
    pub body: f32,
    /// Height of the 「（続き）」 line.
    pub continuation: f32,
    /// The height of a row's line, and the padding above and below a row's lines: what a row
    /// taller than a page is cut by.
    pub line: f32,
    pub pad: f32,
    pub keep: KeepTogether,
    pub section_pages: bool,
}

/// Pieces a page break may not come between, as one: their height, and what a page starting
/// with them needs above them (the 「（続き）」 line; the padding of a continued row).
struct Block {
    pieces: Vec<Piece>,
    height: f32,
    lead: f32,
}

/// Pieces of rows per page. Whole initiatives are laid greedily, page after page, as they
/// always were; topics, rows and the lines of a row taller than a page are cut into pages by
/// [`fill_pages`], so that the pages before the last are evenly full. Also returns the last
/// row of each block that had to be cut.
pub fn paginate(
    rows: &[GridRow],
    measured: &[MeasuredRow],
    p: &Pagination,
) -> (Vec<Vec<Piece>>, Vec<usize>) {
    let whole = |k: usize| Piece {
        row: k,
        lines: 0..measured[k].lines,
    };
    let lead = |piece: &Piece| {
        let line = if needs_continuation(rows[piece.row], piece) {
            p.continuation
        } else {
            0.0
        };
        // A continued row's lines have the padding above them again.
        let pad = if piece.lines.start > 0 { p.pad } else { 0.0 };
        line + pad
    };
    let mut oversized = Vec::new();
    // Blocks that fit a page, in segments that each start a page (sections, when asked).
    let mut segments: Vec<Vec<Block>> = vec![Vec::new()];
    for block in blocks(rows, p.keep) {
        let first = block[0];
        if p.section_pages
            && matches!(rows[first], GridRow::Section { .. })
            && segments.last().is_some_and(|s| !s.is_empty())
        {
            segments.push(Vec::new());
        }
        let segment = segments.last_mut().expect("a segment");
        let height: f32 = block.iter().map(|&k| measured[k].height).sum();
        if height + lead(&whole(first)) <= p.body {
            segment.push(Block {
                lead: lead(&whole(first)),
                pieces: block.into_iter().map(whole).collect(),
                height,
            });
            continue;
        }
        oversized.push(*block.last().expect("a block has rows"));
        for k in block {
            let row = whole(k);
            if measured[k].height + lead(&row) <= p.body {
                segment.push(Block {
                    lead: lead(&row),
                    pieces: vec![row],
                    height: measured[k].height,
                });
            } else {
                segment.extend(line_blocks(k, &measured[k], p, &lead));
            }
        }
    }
    let mut pages = Vec::new();
    for segment in segments.iter().filter(|s| !s.is_empty()) {
        let heights: Vec<(f32, f32)> = segment.iter().map(|b| (b.lead, b.height)).collect();
        let cuts = if p.keep == KeepTogether::Initiative {
            greedy_pages(&heights, p.body)
        } else {
            fill_pages(&heights, p.body)
        };
        let mut start = 0;
        for end in cuts {
            pages.push(joined(
                segment[start..end].iter().flat_map(|b| b.pieces.iter()),
            ));
            start = end;
        }
    }
    (pages, oversized)
}

/// A row taller than a page as a block per line: its first line with the padding above, its
/// last with the padding below.
fn line_blocks<'a>(
    k: usize,
    m: &MeasuredRow,
    p: &'a Pagination,
    lead: &'a impl Fn(&Piece) -> f32,
) -> impl Iterator<Item = Block> + 'a {
    let n = m.lines;
    (0..n).map(move |j| {
        let piece = Piece {
            row: k,
            lines: j..j + 1,
        };
        let above = if j == 0 { p.pad } else { 0.0 };
        let below = if j + 1 == n { p.pad } else { 0.0 };
        Block {
            lead: lead(&piece),
            height: above + p.line + below,
            pieces: vec![piece],
        }
    })
}

/// A page's pieces, those of one row that follow each other made one.
fn joined<'a>(pieces: impl Iterator<Item = &'a Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for piece in pieces {
        match out.last_mut() {
            Some(last) if last.row == piece.row && last.lines.end == piece.lines.start => {
                last.lines.end = piece.lines.end;
            }
            _ => out.push(piece.clone()),
        }
    }
    out
}

/// Page ends (exclusive block indices) filling each page as far as it goes. `blocks` are
/// (the 「（続き）」 line a page starting with it needs, height).
fn greedy_pages(blocks: &[(f32, f32)], body: f32) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut used = 0.0;
    for (k, &(lead, h)) in blocks.iter().enumerate() {
        if k > 0 && used + h > body {
            ends.push(k);
            used = lead;
        } else if k == 0 {
            used = lead;
        }
        used += h;
    }
    ends.push(blocks.len());
    ends
}

/// Page ends (exclusive block indices) giving the fewest pages and, among those, the pages
/// before the last as evenly full as possible (the least sum of squared empty fractions):
/// greedy filling would leave a page half empty before a large topic, which this moves some
/// smaller blocks down to share. Every block fits a page on its own (with its 「（続き）」 line,
/// or alone when even that does not fit).
fn fill_pages(blocks: &[(f32, f32)], body: f32) -> Vec<usize> {
    let n = blocks.len();
    // best[i]: (pages, cost, end of the first page) for blocks i.. ; best[n] is nothing left.
    let mut best: Vec<(usize, f32, usize)> = vec![(usize::MAX, f32::INFINITY, n); n + 1];
    best[n] = (0, 0.0, n);
    for i in (0..n).rev() {
        let mut used = blocks[i].0;
        for j in i + 1..=n {
            used += blocks[j - 1].1;
            if used > body && j > i + 1 {
                break;
            }
            let (pages, cost, _) = best[j];
            if pages == usize::MAX {
                continue;
            }
            let empty = if j == n {
                0.0
            } else {
                (1.0 - used / body).max(0.0)
            };
            let candidate = (pages + 1, cost + empty * empty);
            if candidate.0 < best[i].0 || (candidate.0 == best[i].0 && candidate.1 < best[i].1) {
                best[i] = (candidate.0, candidate.1, j);
            }
        }
    }
    let mut ends = Vec::new();
    let mut i = 0;
    while i < n {
        i = best[i].2;
        ends.push(i);
    }
    ends
}

/// The rows in blocks a page break may not cut. A section row joins the block after it; an
/// initiative's heading joins its next row (its first stage lane, or topic); by topic, each
/// stage lane is a block and each topic with its entries; by row, a topic heading joins its
/// first entry.
fn blocks(rows: &[GridRow], keep: KeepTogether) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    // Rows waiting to join the next block.
    let mut pending: Vec<usize> = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let starts_block = match (keep, row) {
            (_, GridRow::Section { .. }) => false,
            (KeepTogether::Initiative, GridRow::Initiative { .. }) => true,
            (KeepTogether::Initiative, _) => false,
            (KeepTogether::Topic, GridRow::Topic { .. } | GridRow::Lane { .. }) => true,
            (KeepTogether::Topic, _) => false,
            (KeepTogether::Row, GridRow::Initiative { .. } | GridRow::Topic { .. }) => false,
            (KeepTogether::Row, _) => true,
        };
        let heading = match (keep, row) {
            (_, GridRow::Section { .. }) => true,
            (KeepTogether::Initiative, _) => false,
            (KeepTogether::Topic, GridRow::Initiative { .. }) => true,
            (KeepTogether::Row, GridRow::Initiative { .. } | GridRow::Topic { .. }) => true,
            _ => false,
        };
        if heading {
            // A section, initiative or topic heading: waits for what it heads.
            if matches!(row, GridRow::Section { .. } | GridRow::Initiative { .. }) {
                // An initiative without topics leaves its rows waiting: they form a block of
                // their own before the next initiative begins.
                if pending
                    .iter()
                    .any(|&j| !matches!(rows[j], GridRow::Section { .. }))
                {
                    blocks.push(std::mem::take(&mut pending));
                }
            }
            pending.push(k);
            continue;
        }
        if starts_block || blocks.is_empty() || !pending.is_empty() {
            let mut block = std::mem::take(&mut pending);
            block.push(k);
            blocks.push(block);
        } else {
            blocks.last_mut().expect("a block").push(k);
        }
    }
    if !pending.is_empty() {
        blocks.push(pending);
    }
    blocks
}

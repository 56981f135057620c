//! A workbook sheet as the readers hold it: only the cells with a value, row by row, so that a
//! value typed far away (XFD1048576) costs one cell, not the rectangle up to it; and the
//! budget every reader counts cells and text against while it reads ([`Budget`]).

use std::collections::HashMap;

use calamine::Data;

use crate::model::bounds::{Excess, MAX_CELLS, MAX_TEXT_BYTES};
use crate::model::diag::{ImportError, ImportErrorKind, Location};

/// A merged region: first row, first column, last row, last column (0-based, inclusive).
pub(crate) type Merge = (usize, usize, usize, usize);

/// A sheet's cells with a value, and its merged regions.
pub(crate) struct Sheet {
    pub(crate) name: String,
    /// Hidden in the workbook (Excel's 非表示, or "very hidden": no menu shows it); an `.ods`
    /// sheet's is not read, and is never taken for hidden.
    pub(crate) hidden: bool,
    /// The rows with a value, in order, each with its (column, text) cells in column order.
    rows: Vec<(usize, Vec<(usize, String)>)>,
    merges: Vec<Merge>,
    /// The region each (row, column) with a value lies in, for the columns merges were kept
    /// for ([`Sheet::keep_merges_over`]).
    merged_at: HashMap<(usize, usize), usize>,
    /// The text a number cell shows where it is not its value as read (`312名` for 312): an
    /// `.ods` writes it beside the value. Read as shown in a text column.
    pub(crate) shown: HashMap<(usize, usize), String>,
    /// The rows the sheet hides, in ranges (first, last), in order: read, and said.
    pub(crate) hidden_rows: Vec<(usize, usize)>,
}

impl Sheet {
    /// A sheet from its cells in any order (0-based row, column, text). An empty text is no
    /// value; of two values given for one cell the later is kept, as a reader meets them.
    pub(crate) fn new(
        name: String,
        mut cells: Vec<(usize, usize, String)>,
        merges: Vec<Merge>,
    ) -> Sheet {
        cells.retain(|(_, _, t)| !t.is_empty());
        // Stable: the later of two values for one cell stays after the earlier.
        cells.sort_by_key(|&(r, c, _)| (r, c));
        let mut rows: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
        for (r, c, text) in cells {
            match rows.last_mut() {
                Some((row, line)) if *row == r => match line.last_mut() {
                    Some((col, old)) if *col == c => *old = text,
                    _ => line.push((c, text)),
                },
                _ => rows.push((r, vec![(c, text)])),
            }
        }
        Sheet {
            hidden: false,
            name,
            rows,
            merges,
            merged_at: HashMap::new(),
            shown: HashMap::new(),
            hidden_rows: Vec::new(),
        }
    }

    /// Takes out the text of each cell a merged region covers other than its top-left one:
    /// Excel and Calc show only the top-left's, so such text (typed in before the merge, or
    /// written by hand) is no part of the sheet the office sees. Regions that overlap another
    /// are left alone: no office program writes them (a region over the whole sheet added by
    /// hand is read as no merge). Returned by (row, column) in order.
    pub(crate) fn take_covered(&mut self) -> Vec<(usize, usize, String)> {
        let lone: Vec<Merge> = (self.merges.iter().zip(overlapping(&self.merges)))
            .filter(|(_, overlaps)| !overlaps)
            .map(|(m, _)| *m)
            .collect();
        if lone.is_empty() {
            return Vec::new();
        }
        // A sweep down the rows: the regions over the row being read, by first column, each
        // entered at its first row and left after its last; a cell is looked up among them.
        let mut starts = lone;
        starts.sort_unstable();
        let mut next = 0;
        let mut active = Active::default();
        let mut out = Vec::new();
        for (r, line) in &mut self.rows {
            let r = *r;
            while next < starts.len() && starts[next].0 <= r {
                active.enter(starts[next], next);
                next += 1;
            }
            active.leave_before(r);
            let active = &active.by_column;
            if active.is_empty() {
                continue;
            }
            line.retain(|(c, text)| {
                let covered = active
                    .range(..=*c)
                    .next_back()
                    .is_some_and(|(_, &((r0, c0, _, c1), _))| *c <= c1 && (r, *c) != (r0, c0));
                if covered && !text.trim().is_empty() {
                    out.push((r, *c, text.clone()));
                }
                !covered
            });
        }
        self.rows.retain(|(_, line)| !line.is_empty());
        out
    }

    /// Takes out the cells with text past the last row or column given (0-based, exclusive),
    /// by (row, column) in order.
    pub(crate) fn take_beyond(&mut self, rows: usize, cols: usize) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for (r, line) in &mut self.rows {
            line.retain(|(c, text)| {
                let beyond = *r >= rows || *c >= cols;
                if beyond && !text.trim().is_empty() {
                    out.push((*r, *c, text.clone()));
                }
                !beyond
            });
        }
        self.rows.retain(|(_, line)| !line.is_empty());
        out
    }

    /// Replaces the text of a cell with a value (a number read as its cell shows it).
    pub(crate) fn set_text(&mut self, row: usize, col: usize, text: String) {
        let Ok(k) = self.rows.binary_search_by_key(&row, |(r, _)| *r) else {
            return;
        };
        let line = &mut self.rows[k].1;
        if let Ok(c) = line.binary_search_by_key(&col, |(c, _)| *c) {
            line[c].1 = text;
        }
    }

    fn row(&self, row: usize) -> Option<&[(usize, String)]> {
        let k = self.rows.binary_search_by_key(&row, |(r, _)| *r).ok()?;
        Some(&self.rows[k].1)
    }

    /// A cell's text, trimmed ("" for a cell without a value).
    pub(crate) fn text(&self, row: usize, col: usize) -> &str {
        self.raw_text(row, col).trim()
    }

    /// A cell's text as read.
    pub(crate) fn raw_text(&self, row: usize, col: usize) -> &str {
        self.row(row)
            .and_then(|line| {
                let k = line.binary_search_by_key(&col, |(c, _)| *c).ok()?;
                Some(line[k].1.as_str())
            })
            .unwrap_or("")
    }

    /// A row's cells with text (trimmed, not empty), by column.
    pub(crate) fn row_texts(&self, row: usize) -> impl Iterator<Item = (usize, &str)> {
        self.row(row)
            .into_iter()
            .flatten()
            .map(|(c, s)| (*c, s.trim()))
            .filter(|(_, s)| !s.is_empty())
    }

    /// The rows with a value, in order.
    pub(crate) fn used_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().map(|(r, _)| *r)
    }

    /// Only the merged regions over the stage columns (`cols`, ascending) are asked about (a
    /// sheet of 1,000 initiatives has thousands more: number, title, plan … merged down). They
    /// are indexed by the (row with a value, stage column) they cover, so that asking is a
    /// lookup, not a scan of them all. A cell in two regions (no spreadsheet writes that) is
    /// the first region's, and the later region stops there: indexing costs one step per cell
    /// indexed, however the regions are laid.
    pub(crate) fn keep_merges_over(&mut self, cols: &[usize]) {
        let covers = |c0: usize, c1: usize| {
            let k = cols.partition_point(|&c| c < c0);
            cols.get(k).is_some_and(|&c| c <= c1)
        };
        self.merges.retain(|&(_, c0, _, c1)| covers(c0, c1));
        // The rows holding a value, by column asked for: whether a region lies over a value is
        // a search, not a walk down it (a million regions over one value three hundred
        // thousand rows down were each walked down to it).
        let mut valued: HashMap<usize, Vec<usize>> = HashMap::new();
        for (r, line) in &self.rows {
            for (c, text) in line {
                if cols.binary_search(c).is_ok() && !text.trim().is_empty() {
                    valued.entry(*c).or_default().push(*r);
                }
            }
        }
        let over_values = |(r0, c0, r1): (usize, usize, usize), c: usize| {
            valued.get(&c).is_some_and(|rows| {
                let (lo, hi) = (
                    rows.partition_point(|&r| r < r0),
                    rows.partition_point(|&r| r <= r1),
                );
                // The top-left cell's own value is the region's.
                let top_left = usize::from(c == c0 && rows.get(lo) == Some(&r0));
                // A region whose last row is before its first (a crafted file's) covers none.
                hi.saturating_sub(lo) > top_left
            })
        };
        let mut at: HashMap<(usize, usize), usize> = HashMap::new();
        let mut cells = Vec::new();
        for (k, &(r0, c0, r1, c1)) in self.merges.iter().enumerate() {
            let from = self.rows.partition_point(|(r, _)| *r < r0);
            let inside =
                &cols[cols.partition_point(|&c| c < c0)..cols.partition_point(|&c| c <= c1)];
            // An office program keeps only the top-left value of cells it merges: a region
            // over other values (`A1:XFD1048576` added by hand) is no merge, and the stages
            // under it are read as written.
            if inside.iter().any(|&c| over_values((r0, c0, r1), c)) {
                continue;
            }
            cells.clear();
            'rows: for (r, _) in self.rows[from..].iter().take_while(|(r, _)| *r <= r1) {
                for &c in inside {
                    if at.contains_key(&(*r, c)) {
                        break 'rows;
                    }
                    cells.push((*r, c));
                }
            }
            at.extend(cells.iter().map(|&cell| (cell, k)));
        }
        self.merged_at = at;
    }

    /// The merged region a cell with a value lies in (of those kept by
    /// [`Sheet::keep_merges_over`]).
    pub(crate) fn merge_at(&self, row: usize, col: usize) -> Option<Merge> {
        self.merged_at.get(&(row, col)).map(|&k| self.merges[k])
    }
}

/// Whether each region overlaps another, found in one sweep down the rows: the regions over
/// the row being reached are kept by first column (apart, they cannot share one); a region
/// reaching into one of them marks both. One marked is set aside, so each is met once — a
/// region overlapping only regions already set aside is taken as alone (a file of such
/// regions is crafted, and what it hides is said either way).
fn overlapping(merges: &[Merge]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..merges.len()).collect();
    order.sort_unstable_by_key(|&k| merges[k]);
    let mut marked = vec![false; merges.len()];
    let mut active = Active::default();
    for k in order {
        let (r0, c0, _, c1) = merges[k];
        active.leave_before(r0);
        let hit: Vec<(usize, usize)> = (active.by_column.range(..=c1).rev())
            .take_while(|(_, (m, _))| m.3 >= c0)
            .map(|(&c, &(_, j))| (c, j))
            .collect();
        if hit.is_empty() {
            active.enter(merges[k], k);
            continue;
        }
        marked[k] = true;
        for (c, j) in hit {
            marked[j] = true;
            active.by_column.remove(&c);
        }
    }
    marked
}

/// The regions over the row a sweep has reached, apart from one another: by first column,
/// and by last row to leave them when passed.
#[derive(Default)]
struct Active {
    /// Each region with its place in the list it came from.
    by_column: std::collections::BTreeMap<usize, (Merge, usize)>,
    ends: std::collections::BinaryHeap<std::cmp::Reverse<(usize, usize)>>,
}

impl Active {
    fn enter(&mut self, m: Merge, k: usize) {
        self.by_column.insert(m.1, (m, k));
        self.ends.push(std::cmp::Reverse((m.2, m.1)));
    }

    /// Leaves the regions whose last row is before `row`.
    fn leave_before(&mut self, row: usize) {
        while let Some(&std::cmp::Reverse((last, col))) = self.ends.peek()
            && last < row
        {
            self.ends.pop();
            if self.by_column.get(&col).is_some_and(|(m, _)| m.2 == last) {
                self.by_column.remove(&col);
            }
        }
    }
}

/// Cells and text read so far, against [`MAX_CELLS`] and [`MAX_TEXT_BYTES`]: a reader asks
/// before it keeps a cell, so a workbook beyond them is refused before it fills the memory.
pub(crate) struct Budget {
    format: &'static str,
    cells: usize,
    text: usize,
}

impl Budget {
    pub(crate) fn new(format: &'static str) -> Budget {
        Budget {
            format,
            cells: 0,
            text: 0,
        }
    }

    /// Takes one cell of `bytes` of text (0-based row and column, for the refusal), or
    /// `count` cells of it at once (a value repeated along a row).
    pub(crate) fn take(
        &mut self,
        sheet: &str,
        (row, col): (u64, u64),
        count: u64,
        bytes: usize,
    ) -> Result<(), ImportError> {
        let at = || cell_location(sheet, row, col);
        let cells = usize::try_from(count).unwrap_or(usize::MAX);
        self.cells = self.cells.saturating_add(cells);
        if self.cells > MAX_CELLS {
            return Err(self.refusal(at(), Excess::Cells));
        }
        self.text = self.text.saturating_add(bytes.saturating_mul(cells));
        if self.text > MAX_TEXT_BYTES {
            return Err(self.refusal(at(), Excess::Text));
        }
        Ok(())
    }

    pub(crate) fn refusal(&self, at: Location, excess: Excess) -> ImportError {
        too_large(self.format, at, excess)
    }
}

/// The refusal of a workbook beyond a bound.
pub(crate) fn too_large(format: &'static str, at: Location, excess: Excess) -> ImportError {
    ImportError {
        at,
        kind: ImportErrorKind::TooLarge { format, excess },
    }
}

/// A 0-based cell as the sheet names it (`Sheet1!XFD1048576`).
pub(crate) fn cell_location(sheet: &str, row: u64, col: u64) -> Location {
    let one_based = |n: u64| usize::try_from(n.saturating_add(1)).unwrap_or(usize::MAX);
    Location::cell(sheet, one_based(row), one_based(col), None)
}

/// A cell as the sheet shows it: text as typed (line breaks as `\n`), whole numbers without
/// a decimal point (an initiative number typed as a number), dates as `2020-10-01`, truth
/// values as `TRUE` and `FALSE`, formula results as cached.
pub(crate) fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n").replace('\r', "\n"),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) if f.is_finite() && f.fract() != 0.0 => as_excel_shows(*f),
        // A date as typed into the office program (2020/10/1 becomes one), not its serial
        // number: as ISO, which every date field reads.
        // A serial no date has (negative, past 9999-12-31, not a number) is its number: read
        // as a date it became 9999-12-31 or 1899-12-31, another value without a word.
        Data::DateTime(d) if d.is_datetime() && !(0.0..2_958_466.0).contains(&d.as_f64()) => {
            let v = d.as_f64();
            if v.abs() < 1e15 {
                v.to_string()
            } else {
                format!("{v:e}")
            }
        }
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, sec, _) = d.to_ymd_hms_milli();
            match (d.as_f64() < 1.0, (h, mi, sec) == (0, 0, 0)) {
                (true, _) => format!("{h:02}:{mi:02}:{sec:02}"),
                (false, true) => format!("{y:04}-{mo:02}-{day:02}"),
                (false, false) => format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{sec:02}"),
            }
        }
        // As the office program shows a truth value (calamine writes `true`).
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        other => other.to_string(),
    }
}

/// A fraction as Excel shows it: to 15 significant digits, the most it shows, written
/// plainly. A formula's result is stored as the double's full digits — =40.1+45.2 as
/// `85.30000000000001`, shown 85.3 — which were refused as too many decimals. Whole numbers
/// are not rounded: they are read as written, every digit (see [`exact_number`]).
fn as_excel_shows(value: f64) -> String {
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    rounded.to_string()
}

/// The number as written, when a float read from it holds another value: more digits than
/// a float keeps (`12345678901234567` reads as 12345678901234568). A number written otherwise
/// than in plain digits (`1E5`), or one the float holds (`1.50` is 1.5), is `None`: read as the
/// float.
pub(crate) fn exact_number(written: &str, value: f64) -> Option<String> {
    let digits = written.strip_prefix('-').unwrap_or(written);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !plain(whole) || !plain(fraction) {
        return None;
    }
    // The value written and the float's, each in its shortest digits.
    let canonical = |whole: &str, fraction: &str| {
        let whole = whole.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        format!("{whole}.{fraction}")
    };
    let float = format!("{}", value.abs());
    let (float_whole, float_fraction) = float.split_once('.').unwrap_or((&float, ""));
    (canonical(whole, fraction) != canonical(float_whole, float_fraction))
        .then(|| written.to_string())
}

/// Why a workbook's sheets cannot be read.
pub(crate) enum Failure {
    Encrypted,
    Damaged(String),
    /// Refused, saying where and why (beyond a bound, a cell written wrongly).
    Refused(ImportError),
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Self {
        Failure::Refused(e)
    }
}

#[cfg(test)]
mod tests {
    use super::{as_excel_shows, exact_number};

    #[test]
    fn a_number_is_kept_as_written_only_where_the_float_holds_another() {
        let kept = |w: &str| exact_number(w, w.parse().unwrap());
        assert_eq!(
            kept("12345678901234567").as_deref(),
            Some("12345678901234567")
        );
        assert_eq!(
            kept("-1.23456789012345678").as_deref(),
            Some("-1.23456789012345678")
        );
        // The float holds these: read as the float (a form of it).
        for same in ["12345678901234568", "1.50", "0.1", "-0", "007", "1E5", "3"] {
            assert_eq!(kept(same), None, "{same}");
        }
    }

    #[test]
    fn a_fraction_is_shown_to_fifteen_significant_digits() {
        assert_eq!(as_excel_shows(40.1 + 45.2), "85.3");
        assert_eq!(as_excel_shows(650.3 + 650.4), "1300.7");
        assert_eq!(as_excel_shows(-(0.1 + 0.2)), "-0.3");
        assert_eq!(as_excel_shows(12345678901234.5), "12345678901234.5");
        assert_eq!(as_excel_shows(0.000001), "0.000001");
    }
}

//! The report sheet's pages: the page header with the title, and the page breaks Excel
//! allows.

use super::ExportWarning;

/// The most manual page breaks Excel allows on a sheet.
const BREAK_LIMIT: usize = 1_023;

/// A page break the layout asks for: the sheet row it falls above, the rows it keeps together
/// (the initiative after it, with its section's row when a section starts there) and that
/// initiative's number.
pub(super) struct Break {
    pub(super) row: u32,
    pub(super) keeps: usize,
    pub(super) initiative: String,
}

/// The page header with the title: Excel takes 255 characters with the codes (`&L`, `&&` for
/// `&`); a longer title is cut, with `…`, and said.
pub(super) fn page_header(title: &str, warnings: &mut Vec<ExportWarning>) -> String {
    const MOST: usize = 255;
    let header = |t: &str| format!("&L{}", t.replace('&', "&&"));
    let whole = header(title);
    if whole.chars().count() <= MOST {
        return whole;
    }
    let chars: Vec<char> = title.chars().collect();
    // `&L` and `…` take three: no more than 252 of the title's characters fit.
    let mut kept = chars.len().min(MOST - 3);
    let cut = loop {
        let head: String = chars[..kept].iter().collect();
        let cut = header(&format!("{head}…"));
        // `&` is written `&&`: each one in the head takes one more.
        if cut.chars().count() <= MOST || kept == 0 {
            break cut;
        }
        kept -= 1;
    };
    warnings.push(ExportWarning::HeaderCut {
        length: chars.len(),
        kept,
        whole_in_sheet: super::xlsx_cells::fits_a_cell(title),
    });
    cut
}

/// The page breaks set: all of them, or — past the 1,023 Excel allows — those keeping the most
/// rows together, which is where a break matters most. A break before a single row (an
/// initiative of one item row) changes nothing when left out: Excel breaks at that row by
/// itself, rows being whole. The warning names the initiatives of several rows whose break
/// was left to Excel.
pub(super) fn chosen_breaks(breaks: Vec<Break>, warnings: &mut Vec<ExportWarning>) -> Vec<u32> {
    if breaks.len() <= BREAK_LIMIT {
        return breaks.into_iter().map(|b| b.row).collect();
    }
    let needed = breaks.len();
    let mut order: Vec<usize> = (0..needed).collect();
    // Most rows kept together first; the earlier page first among equals.
    order.sort_by_key(|&k| (std::cmp::Reverse(breaks[k].keeps), k));
    let mut kept = vec![false; needed];
    for &k in order.iter().take(BREAK_LIMIT) {
        kept[k] = true;
    }
    let left: Vec<&Break> = breaks
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| !**kept)
        .map(|(b, _)| b)
        .collect();
    warnings.push(ExportWarning::PageBreaksLeft {
        needed,
        set: BREAK_LIMIT,
        before_one_row: left.iter().filter(|b| b.keeps <= 1).count(),
        initiatives: left
            .iter()
            .filter(|b| b.keeps > 1)
            .map(|b| b.initiative.clone())
            .collect(),
    });
    breaks
        .into_iter()
        .zip(kept)
        .filter(|(_, kept)| *kept)
        .map(|(b, _)| b.row)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(keeps: &[usize]) -> Vec<Break> {
        keeps
            .iter()
            .enumerate()
            .map(|(k, &keeps)| Break {
                row: k as u32 * 10,
                keeps,
                initiative: (k + 1).to_string(),
            })
            .collect()
    }

    #[test]
    fn up_to_excels_limit_every_break_is_set() {
        let mut warnings = Vec::new();
        let rows = chosen_breaks(breaks(&[1; BREAK_LIMIT]), &mut warnings);
        assert_eq!(rows.len(), BREAK_LIMIT);
        assert!(warnings.is_empty());
    }

    #[test]
    fn past_the_limit_breaks_before_one_row_go_first_then_the_smallest_initiatives() {
        // 1,030 breaks before three-row initiatives, 5 before one row, 3 before two rows.
        let mut keeps = vec![3; 1_030];
        keeps.extend([1; 5]);
        keeps.extend([2; 3]);
        let mut warnings = Vec::new();
        let rows = chosen_breaks(breaks(&keeps), &mut warnings);
        assert_eq!(rows.len(), BREAK_LIMIT);
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "in order");
        let [
            ExportWarning::PageBreaksLeft {
                needed,
                before_one_row,
                initiatives,
                ..
            },
        ] = warnings.as_slice()
        else {
            panic!("{warnings:?}");
        };
        // The five before one row go, then the two-row ones, then the last three-row ones
        // (the earlier page first among equals); those of several rows are named, in order.
        assert_eq!((*needed, *before_one_row), (1_038, 5));
        let left: Vec<String> = (1_024..=1_030)
            .chain(1_036..=1_038)
            .map(|n| n.to_string())
            .collect();
        assert_eq!(initiatives, &left);
    }
}

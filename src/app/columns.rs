//! The grid's columns: which are shown, how wide, and which stay frozen at the left. By default
//! the grid fills the width it has — the text column flexes, the stage-year and month columns
//! narrow down to a legible minimum — and only below the minimums does it scroll sideways, with
//! 番号 and 具体的取組 frozen, as panes frozen in a spreadsheet. The numbers' columns (数値目標,
//! 効果額, 評価) come only with a report that has numbers or a rating scale: a Mie-style report's
//! grid is laid out as if they did not exist.

use serde::{Deserialize, Serialize};

/// The grid's columns, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    Number,
    Text,
    Stages,
    Months,
    Division,
    Status,
    /// 数値目標: the first indicator's name, target, this year's actual, 達成率.
    Indicators,
    /// 効果額: this year's planned and actual, in the report's unit.
    Effects,
    /// 評価: the self-rating and the review.
    Ratings,
}

/// How many columns there are.
pub const COLUMNS: usize = 9;

impl Column {
    pub const ALL: [Column; COLUMNS] = [
        Column::Number,
        Column::Text,
        Column::Stages,
        Column::Months,
        Column::Division,
        Column::Status,
        Column::Indicators,
        Column::Effects,
        Column::Ratings,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// Frozen at the left when the grid scrolls sideways.
    pub fn is_frozen(self) -> bool {
        matches!(self, Column::Number | Column::Text)
    }

    /// The numbers' columns, there only when the report has numbers or a rating scale.
    pub fn is_measure(self) -> bool {
        matches!(self, Column::Indicators | Column::Effects | Column::Ratings)
    }
}

/// What the user chose about the columns (remembered between runs).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnPrefs {
    /// Widths set by dragging a header border, by [`Column`] (`None`: fitted to the window).
    /// Read from a list of any length: a build with fewer columns saved fewer.
    #[serde(deserialize_with = "widths_of_any_length")]
    pub widths: [Option<f32>; COLUMNS],
    pub hidden: Vec<Column>,
}

/// The saved widths, however many a build saved: those of columns this build lacks are
/// dropped, those it has beyond them are fitted.
fn widths_of_any_length<'de, D>(d: D) -> Result<[Option<f32>; COLUMNS], D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Widths;
    impl<'de> serde::de::Visitor<'de> for Widths {
        type Value = [Option<f32>; COLUMNS];
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of column widths")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = [None; COLUMNS];
            let mut k = 0;
            while let Some(w) = seq.next_element::<Option<f32>>()? {
                if let Some(slot) = out.get_mut(k) {
                    *slot = w;
                }
                k += 1;
            }
            Ok(out)
        }
    }
    // A tuple in RON (how a fixed array is written), a list in JSON: both are a sequence.
    d.deserialize_tuple(COLUMNS, Widths)
}

impl ColumnPrefs {
    pub fn is_shown(&self, column: Column) -> bool {
        !self.hidden.contains(&column)
    }

    pub fn width(&self, column: Column) -> Option<f32> {
        self.widths[column.index()]
    }

    pub fn set_width(&mut self, column: Column, width: Option<f32>) {
        self.widths[column.index()] = width.map(|w| w.max(minimum(column, 1, 0.0)));
    }

    pub fn toggle(&mut self, column: Column) {
        if column.is_frozen() {
            return;
        }
        if let Some(k) = self.hidden.iter().position(|c| *c == column) {
            self.hidden.remove(k);
        } else {
            self.hidden.push(column);
        }
    }
}

/// The text column keeps this width while the other columns can still narrow.
const COMFORTABLE_TEXT: f32 = 240.0;

/// A month column narrower than this drops 月 from its header (`4` rather than `4月`).
pub const MONTH_WITH_SUFFIX: f32 = 30.0;

/// The width the 番号 column needs for a report's numbers: `12` fits the least width, a code
/// such as 木津川市's `No.R2-10` needs more. Estimated from the characters at the grid's text
/// size (an ASCII one about 8 points, any other 14) with the cell's padding, not laid out, as
/// it is asked every frame.
pub fn number_width(report: &crate::model::Report) -> f32 {
    let width = |n: &str| {
        n.chars()
            .map(|c| if c.is_ascii() { 8.0 } else { 14.0 })
            .sum::<f32>()
    };
    let widest = report
        .initiatives()
        .map(|i| width(&i.number))
        .fold(0.0, f32::max);
    widest + 10.0
}

/// The width a column has when there is room, for a grid of `years` plan years and numbers
/// `number` points wide.
fn natural(column: Column, years: usize, number: f32) -> f32 {
    match column {
        Column::Number => number.max(44.0),
        Column::Text => 300.0,
        Column::Stages => 68.0 * years as f32,
        Column::Months => 36.0 * 12.0,
        Column::Division => 140.0,
        // Where there is room: 「In progress」 whole in its badge (96 cut it).
        Column::Status => 108.0,
        Column::Indicators => 300.0,
        // Where there is room: 「効果額（百万円・累計）」 whole (150 cut it; a cut heading shows
        // whole on hover).
        Column::Effects => 170.0,
        // Two halves (自己, 本部), each wide enough for 対象外, the longest usual level.
        Column::Ratings => 120.0,
    }
}

/// The narrowest a column gets before the grid scrolls sideways: every month and year still
/// legible (`12` and `28年度` at the grid's text size).
fn minimum(column: Column, years: usize, number: f32) -> f32 {
    match column {
        Column::Number => number.max(36.0),
        Column::Text => 170.0,
        Column::Stages => 46.0 * years as f32,
        Column::Months => 23.0 * 12.0,
        Column::Division => 76.0,
        Column::Status => 68.0,
        Column::Indicators => 200.0,
        Column::Effects => 110.0,
        Column::Ratings => 100.0,
    }
}

/// Where each column is, in points from the grid's left edge.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnLayout {
    /// Left edge and width by [`Column`]; a hidden column has width 0.
    pub x: [f32; COLUMNS],
    pub width: [f32; COLUMNS],
    /// The width of the frozen columns (番号, 具体的取組).
    pub frozen: f32,
    /// The whole grid's width; wider than the window only below the minimums.
    pub total: f32,
}

impl ColumnLayout {
    /// Fits the columns into `available` points; the numbers' columns only when `measures`
    /// (the report has numbers or a rating scale).
    pub fn fit(available: f32, years: usize, measures: bool, prefs: &ColumnPrefs) -> ColumnLayout {
        Self::fit_numbers(available, years, measures, 0.0, prefs)
    }

    /// As [`ColumnLayout::fit`], with the 番号 column at least `number` wide (see
    /// [`number_width`]) unless the user set its width.
    pub fn fit_numbers(
        available: f32,
        years: usize,
        measures: bool,
        number: f32,
        prefs: &ColumnPrefs,
    ) -> ColumnLayout {
        let years = years.max(1);
        let mut width = [0.0f32; COLUMNS];
        let mut floor = [0.0f32; COLUMNS];
        for c in Column::ALL {
            if !prefs.is_shown(c) || (c.is_measure() && !measures) {
                continue;
            }
            // A width the user set is kept as set.
            let (w, min) = match prefs.width(c) {
                Some(w) => (w, w),
                None => (natural(c, years, number), minimum(c, years, number)),
            };
            width[c.index()] = w;
            floor[c.index()] = min;
        }
        let sum = |w: &[f32; COLUMNS]| w.iter().sum::<f32>();
        let text = Column::Text.index();
        if sum(&width) <= available {
            // Room to spare: the text column takes it (unless its width was set).
            if prefs.width(Column::Text).is_none() {
                width[text] += available - sum(&width);
            }
        } else {
            // The text column gives first (down to a comfortable width), then the others in
            // proportion to what they can give, then the text column the rest of its slack.
            let mut excess = sum(&width) - available;
            let comfortable = floor[text].max(COMFORTABLE_TEXT.min(width[text]));
            let give = (width[text] - comfortable).max(0.0).min(excess);
            width[text] -= give;
            excess -= give;
            let slack: f32 = (0..COLUMNS)
                .filter(|&k| k != text)
                .map(|k| width[k] - floor[k])
                .sum();
            if excess > 0.0 && slack > 0.0 {
                let share = (excess / slack).min(1.0);
                for k in (0..COLUMNS).filter(|&k| k != text) {
                    width[k] -= (width[k] - floor[k]) * share;
                }
                excess -= slack * share;
            }
            if excess > 0.0 {
                width[text] -= (width[text] - floor[text]).min(excess);
            }
        }
        // Whole points, so that cells sit on pixels; the text column takes what rounding left.
        let before = sum(&width);
        for w in width.iter_mut() {
            *w = w.floor();
        }
        if width[text] > 0.0 {
            // A hair under a whole point is that point (the shares summed to 907.9999 of 908,
            // and the grid stopped a point short of the window).
            width[text] += (before - sum(&width) + 1e-3).floor();
        }
        let mut x = [0.0f32; COLUMNS];
        let mut at = 0.0;
        for k in 0..COLUMNS {
            x[k] = at;
            at += width[k];
        }
        ColumnLayout {
            x,
            width,
            frozen: width[Column::Number.index()] + width[text],
            total: at,
        }
    }

    pub fn x(&self, column: Column) -> f32 {
        self.x[column.index()]
    }

    pub fn width(&self, column: Column) -> f32 {
        self.width[column.index()]
    }

    pub fn is_shown(&self, column: Column) -> bool {
        self.width(column) > 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_window_gives_the_room_to_the_text_column() {
        let l = ColumnLayout::fit(1600.0, 4, false, &ColumnPrefs::default());
        assert_eq!(l.total, 1600.0);
        assert_eq!(l.width(Column::Months), 36.0 * 12.0);
        assert!(l.width(Column::Text) > 300.0);
    }

    #[test]
    fn a_laptop_window_narrows_the_columns_but_keeps_them_all() {
        for available in [900.0, 1000.0, 1100.0] {
            let l = ColumnLayout::fit(available, 4, false, &ColumnPrefs::default());
            assert!((l.total - available).abs() < 0.5, "{available}: {l:?}");
            assert!(l.width(Column::Months) >= 23.0 * 12.0);
            assert!(l.width(Column::Text) >= 170.0);
        }
    }

    /// Every window width above the minimums is filled to the point, whatever the columns
    /// shown: the rounding left a point short where the widths summed to a hair under it.
    #[test]
    fn any_window_width_is_filled_to_the_point() {
        // From a little above where the minimums fit (with the numbers' columns, 1,220).
        for (measures, from) in [(false, 900), (true, 1300)] {
            for available in (from..2400).map(|w| w as f32 + 0.5 * (w % 2) as f32) {
                let l = ColumnLayout::fit(available, 4, measures, &ColumnPrefs::default());
                assert!(
                    (l.total - available.floor()).abs() < 0.01,
                    "{available}: {l:?}"
                );
            }
        }
    }

    #[test]
    fn below_the_minimums_it_scrolls_with_the_text_frozen() {
        let l = ColumnLayout::fit(500.0, 4, false, &ColumnPrefs::default());
        assert!(l.total > 500.0);
        assert_eq!(l.frozen, 36.0 + 170.0);
    }

    #[test]
    fn a_hidden_group_and_a_set_width_are_kept() {
        let mut prefs = ColumnPrefs::default();
        prefs.toggle(Column::Stages);
        prefs.set_width(Column::Division, Some(220.0));
        prefs.toggle(Column::Text); // cannot be hidden
        let l = ColumnLayout::fit(1000.0, 4, false, &prefs);
        assert!(!l.is_shown(Column::Stages));
        assert!(l.is_shown(Column::Text));
        assert_eq!(l.width(Column::Division), 220.0);
    }

    #[test]
    fn items_numbered_like_no_r2_10_widen_the_number_column_unless_its_width_was_set() {
        let mut report = crate::document::Document::sample().into_report();
        let seed = ColumnLayout::fit_numbers(
            1000.0,
            4,
            false,
            number_width(&report),
            &ColumnPrefs::default(),
        );
        assert_eq!(
            seed,
            ColumnLayout::fit(1000.0, 4, false, &ColumnPrefs::default()),
            "Mie's numbers fit as before"
        );
        for (k, i) in report.sections[0].initiatives.iter_mut().enumerate() {
            i.number = format!("No.R2-{}", k + 10);
        }
        let width = number_width(&report);
        assert!(width >= 8.0 * 8.0, "{width}");
        for available in [1600.0, 500.0] {
            let l = ColumnLayout::fit_numbers(available, 4, false, width, &ColumnPrefs::default());
            assert!(
                l.width(Column::Number) >= width.floor(),
                "{available}: {l:?}"
            );
        }
        let mut prefs = ColumnPrefs::default();
        prefs.set_width(Column::Number, Some(40.0));
        let set = ColumnLayout::fit_numbers(1600.0, 4, false, width, &prefs);
        assert_eq!(set.width(Column::Number), 40.0);
    }

    #[test]
    fn the_numbers_columns_take_room_only_for_a_report_with_numbers() {
        let prefs = ColumnPrefs::default();
        let without = ColumnLayout::fit(1600.0, 4, false, &prefs);
        for c in [Column::Indicators, Column::Effects, Column::Ratings] {
            assert!(!without.is_shown(c));
        }
        assert_eq!(
            without.x(Column::Status) + without.width(Column::Status),
            1600.0
        );
        let with = ColumnLayout::fit(1600.0, 4, true, &prefs);
        assert_eq!(with.total, 1600.0);
        assert!(with.width(Column::Indicators) >= 200.0);
        assert!(with.x(Column::Ratings) > with.x(Column::Status));
    }
}

//! The numbers' columns beside the grid (数値目標, 効果額, 評価), on each initiative's row, for the
//! report's fiscal year: the first indicator's name, its target in force, the year's actual
//! and 達成率 (every indicator on hover); the year's planned and actual effect in the report's
//! unit; the self-rating and the review. Each column is split into sub-columns of set shares,
//! so that sizing the column sizes them all. Their words are their own ([`Words`]).

use egui::{Align, Layout, Rect, RichText, Stroke, Ui, UiBuilder};

use super::GridView;
use super::look::bold;
use crate::app::columns::Column;
use crate::app::i18n::Lang;
use crate::app::views::measure_settings::yen_unit_name;
use crate::app::views::paint;
use crate::grid;
use crate::grid::GridRow;
use crate::model::measures::{Indicator, MeasureSettings, Rating};
use crate::model::{FiscalYear, Initiative};

/// The columns' words.
struct Words {
    indicators: &'static str,
    effects: &'static str,
    ratings: &'static str,
    name: &'static str,
    target: &'static str,
    actual: &'static str,
    rate: &'static str,
    planned: &'static str,
    self_rating: &'static str,
    review: &'static str,
    /// After the first indicator's name: how many more there are.
    more: &'static str,
    /// Brackets around a unit: full-width in Japanese.
    brackets: (&'static str, &'static str),
    /// After the unit where the report counts its effects cumulatively (as the editor says).
    cumulative: &'static str,
}

const JA: Words = Words {
    indicators: "数値目標",
    effects: "効果額",
    ratings: "評価",
    name: "指標",
    target: "目標",
    actual: "実績",
    rate: "達成率",
    planned: "計画",
    self_rating: "自己",
    review: "本部",
    more: "他",
    brackets: ("（", "）"),
    cumulative: "・累計",
};

const EN: Words = Words {
    indicators: "Indicators",
    effects: "Effects",
    ratings: "Rating",
    name: "indicator",
    target: "target",
    actual: "actual",
    rate: "rate",
    planned: "planned",
    self_rating: "self",
    review: "review",
    more: "+",
    brackets: (" (", ")"),
    cumulative: ", cumulative",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// A numbers' column's name, as 表示 → 列 lists it.
pub fn column_name(column: Column, lang: Lang) -> &'static str {
    let w = words(lang);
    match column {
        Column::Indicators => w.indicators,
        Column::Effects => w.effects,
        _ => w.ratings,
    }
}

/// Each sub-column's share of its column's width.
fn shares(column: Column) -> &'static [f32] {
    match column {
        Column::Indicators => &[0.34, 0.2, 0.2, 0.26],
        _ => &[0.5, 0.5],
    }
}

/// The sub-columns of a column's rect, left to right.
fn split(rect: Rect, column: Column) -> Vec<Rect> {
    let mut left = rect.left();
    shares(column)
        .iter()
        .map(|share| {
            let right = left + rect.width() * share;
            let r = Rect::from_x_y_ranges(left..=right, rect.y_range());
            left = right;
            r
        })
        .collect()
}

/// A text in a sub-column: names at the left, numbers at the right, as tables print them;
/// cut short to fit, with `hover` (or the whole text) shown on hover.
/// The smallest size a figure is drawn at to fit its cell (points).
const MIN_FIGURE_SIZE: f32 = 8.0;

fn sub_cell(ui: &mut Ui, rect: Rect, text: RichText, align: Align, hover: Option<&str>) {
    let layout = match align {
        Align::Min => Layout::left_to_right(Align::Center),
        Align::Max => Layout::right_to_left(Align::Center),
        Align::Center => Layout::centered_and_justified(egui::Direction::LeftToRight),
    };
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(3.0, 0.0)))
            .layout(layout),
    );
    child.set_clip_rect(rect.intersect(ui.clip_rect()));
    let full = text.text().to_string();
    // A number cut short reads as another number (「2410.5」 as 「241…」): a figure too wide
    // for its cell is drawn smaller to fit, down to a size still read, and only then cut.
    let text = if align == Align::Max {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let width = ui
            .painter()
            .layout_no_wrap(full.clone(), font.clone(), egui::Color32::BLACK)
            .size()
            .x;
        let room = child.available_width();
        if width > room && room > 0.0 {
            text.size((font.size * room / width).max(MIN_FIGURE_SIZE))
        } else {
            text
        }
    } else {
        text
    };
    let response = child.add(egui::Label::new(text).selectable(false).truncate());
    if let Some(hover) = hover.filter(|h| !h.is_empty()) {
        response.on_hover_text(hover);
    } else if !full.is_empty() {
        response.on_hover_text(full);
    }
}

/// The lines between the sub-columns.
fn separators(ui: &Ui, parts: &[Rect]) {
    for r in &parts[1..] {
        ui.painter()
            .vline(r.left(), r.y_range(), Stroke::new(1.0, paint::GRID_LINE));
    }
}

impl GridView<'_> {
    /// A numbers' column's header: the group's name over its sub-columns' names.
    pub(super) fn measure_header(&self, ui: &mut Ui, column: Column) {
        let w = words(self.lang);
        let rect = ui.max_rect();
        let mid = rect.top() + rect.height() / 2.0;
        let top = Rect::from_x_y_ranges(rect.x_range(), rect.top()..=mid);
        let bottom = Rect::from_x_y_ranges(rect.x_range(), mid..=rect.bottom());
        let unit = yen_unit_name(self.report.measure_settings.yen_unit, self.lang);
        let year = self.report.fiscal_year;
        let group = match column {
            Column::Indicators => format!("{} {}", w.indicators, year_name(year, self.lang)),
            Column::Effects => {
                let counting = match self.report.measure_settings.counting {
                    crate::model::measures::Counting::Cumulative => w.cumulative,
                    crate::model::measures::Counting::SingleYear => "",
                };
                let (open, close) = w.brackets;
                format!("{}{open}{unit}{counting}{close}", w.effects)
            }
            _ => w.ratings.to_string(),
        };
        sub_cell(ui, top, bold(&group), Align::Center, None);
        let names: &[&str] = match column {
            Column::Indicators => &[w.name, w.target, w.actual, w.rate],
            Column::Effects => &[w.planned, w.actual],
            _ => &[w.self_rating, w.review],
        };
        let parts = split(bottom, column);
        for (r, name) in parts.iter().zip(names) {
            sub_cell(ui, *r, RichText::new(*name).small(), Align::Center, None);
        }
        separators(ui, &parts);
        ui.painter()
            .hline(rect.x_range(), mid, Stroke::new(1.0, paint::GRID_LINE));
    }

    /// A numbers' column on a row: only an initiative's row has numbers.
    pub(super) fn measure_cell(&self, ui: &mut Ui, row: GridRow, column: Column) {
        let (GridRow::Initiative { .. }, Some(initiative)) =
            (row, grid::initiative_of(self.report, row))
        else {
            return;
        };
        let parts = split(ui.max_rect(), column);
        match column {
            Column::Indicators => self.indicator_cells(ui, &parts, initiative),
            Column::Effects => self.effect_cells(ui, &parts, initiative),
            _ => self.rating_cells(ui, &parts, initiative),
        }
        separators(ui, &parts);
    }

    fn indicator_cells(&self, ui: &mut Ui, parts: &[Rect], initiative: &Initiative) {
        let indicators = &initiative.measures().indicators;
        let Some(first) = indicators.first() else {
            return;
        };
        let year = self.report.fiscal_year;
        let all: Vec<String> = indicators
            .iter()
            .map(|x| indicator_line(x, year, self.lang))
            .collect();
        let all = all.join("\n");
        let mut name = first.name.clone();
        if indicators.len() > 1 {
            name.push_str(&format!(
                " {}{}",
                words(self.lang).more,
                indicators.len() - 1
            ));
        }
        sub_cell(ui, parts[0], RichText::new(name), Align::Min, Some(&all));
        let (target, actual, rate) = figures(first, year, self.lang);
        for (r, text) in parts[1..].iter().zip([target, actual, rate]) {
            sub_cell(ui, *r, RichText::new(text), Align::Max, Some(&all));
        }
    }

    fn effect_cells(&self, ui: &mut Ui, parts: &[Rect], initiative: &Initiative) {
        let unit = self.report.measure_settings.yen_unit;
        let Some(effect) = initiative.measures().effect(self.report.fiscal_year) else {
            return;
        };
        // The cell has room for the two amounts; 達成率 is read on hover (and in 状況の集計's
        // editor).
        let hover = effect.achievement_rate().map(|rate| {
            format!(
                "{} {}",
                words(self.lang).rate,
                crate::model::measures::percent_text(rate)
            )
        });
        for (r, money) in parts.iter().zip([&effect.planned, &effect.actual]) {
            let text = RichText::new(money.display(unit));
            sub_cell(ui, *r, text, Align::Max, hover.as_deref());
        }
    }

    fn rating_cells(&self, ui: &mut Ui, parts: &[Rect], initiative: &Initiative) {
        let m = initiative.measures();
        let settings = &self.report.measure_settings;
        for (r, rating) in parts.iter().zip([&m.self_rating, &m.review]) {
            if let Some(rating) = rating {
                let hover = rating_words(rating, settings);
                // A rating with a note is marked; the note is read on hover (and in the
                // detail panel), as the cell has no room for it.
                let shown = if rating.note.is_empty() {
                    rating.code.clone()
                } else {
                    format!("{}{NOTE_MARK}", rating.code)
                };
                let code = RichText::new(shown).strong();
                sub_cell(ui, *r, code, Align::Center, Some(&hover));
            }
        }
    }
}

/// The fiscal year as the header names it: 29年度, FY2017.
fn year_name(year: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => year.short_form_like(year),
        Lang::En => format!("FY{}", year.0),
    }
}

/// An indicator's target in force, the year's actual (or the text kept as written) and
/// 達成率, as shown.
fn figures(x: &Indicator, year: FiscalYear, lang: Lang) -> (String, String, String) {
    let target = x
        .year(year)
        .filter(|y| !y.target.is_blank())
        .map_or_else(|| x.target.display(), |y| y.target.display());
    // As the printout and the web page show it: the first half's while the year's is blank.
    let actual = match x.shown_actual(year) {
        Some((a, false)) => a.display(),
        Some((a, true)) => crate::lang::say(
            lang,
            format!("{}（上半期）", a.display()),
            format!("{} (first half)", a.display()),
        ),
        None => String::new(),
    };
    let rate = x
        .achievement_rate(year)
        .map_or_else(String::new, crate::model::measures::percent_text);
    (target, actual, rate)
}

/// One indicator in a line, for the hover: 電子申請件数（件） 目標 1200 実績 900 達成率 75%.
fn indicator_line(x: &Indicator, year: FiscalYear, lang: Lang) -> String {
    let w = words(lang);
    let (target, actual, rate) = figures(x, year, lang);
    let unit = if x.unit.is_empty() {
        String::new()
    } else {
        format!("{}{}{}", w.brackets.0, x.unit, w.brackets.1)
    };
    format!(
        "{}{unit} {} {target} {} {actual} {} {rate}",
        x.name, w.target, w.actual, w.rate
    )
}

/// A rating's level in words (`S 特に良好に進捗`), who and when; a code the scale lacks as
/// written.
fn rating_words(rating: &Rating, settings: &MeasureSettings) -> String {
    let mut out = match settings.level(&rating.code) {
        Some(level) => level.name(),
        None => rating.code.clone(),
    };
    if !rating.by.is_empty() {
        out.push_str(&format!("\n{}", rating.by));
    }
    if let Some(on) = rating.on {
        out.push_str(&format!("\n{on}"));
    }
    if !rating.note.is_empty() {
        out.push_str(&format!("\n{NOTE_MARK} {}", rating.note));
    }
    out
}

/// After a rating's code when it has a note (特記), and before the note on hover.
pub(crate) const NOTE_MARK: &str = "※";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::figure::Decimal;
    use crate::model::measures::Figure;

    /// The grid shows the first half's actual, said so, while the year's is blank — as the
    /// printout and the web page do (its cell was empty beside a 達成率 computed from it).
    #[test]
    fn a_first_half_actual_is_shown_and_said_so() {
        let year = FiscalYear(2017);
        let mut x = Indicator {
            name: "電子申請件数".into(),
            target: Figure::of(Decimal::whole(1000)),
            ..Indicator::default()
        };
        x.year_mut(year).first_half = Figure::of(Decimal::whole(500));
        assert_eq!(
            figures(&x, year, Lang::Ja),
            ("1000".into(), "500（上半期）".into(), "50%".into())
        );
        assert_eq!(figures(&x, year, Lang::En).1, "500 (first half)");
        x.year_mut(year).actual = Figure::of(Decimal::whole(900));
        assert_eq!(figures(&x, year, Lang::Ja).1, "900");
    }
}

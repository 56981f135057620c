//! What the numbers' columns say on an initiative's row (数値目標, 効果額, 評価), for the
//! report's fiscal year, in paragraphs the row wraps to the column's width: nothing is cut,
//! the row grows (and continues on the next page when taller than one). A number that could
//! not be read is printed as it was written.

/// A paragraph of a cell in parts kept on one line where the width allows (目標 3,500百万円 |
/// 実績 3,297百万円 | 達成率 94.2%): a line breaks between parts first.
pub type Paragraph = Vec<String>;

use crate::model::figure::grouped;
use crate::model::measures::{Direction, Figure, Indicator, LevelIndex, Rating};
use crate::model::{Initiative, Report};

/// Which of the numbers' columns a report has anything for: each is printed only then, so a
/// report without numbers (Mie's) prints as it always did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Present {
    pub indicators: bool,
    pub effects: bool,
    pub ratings: bool,
}

impl Present {
    pub fn of(report: &Report) -> Present {
        let mut present = Present {
            ratings: !report.measure_settings.rating_scale.is_empty(),
            ..Present::default()
        };
        for m in report.initiatives().filter_map(|i| i.measures.as_deref()) {
            present.indicators |= !m.indicators.is_empty();
            present.effects |= !m.effects.is_empty();
            present.ratings |= m.self_rating.is_some() || m.review.is_some() || m.comment.is_some();
        }
        present
    }

    pub fn any(self) -> bool {
        self.indicators || self.effects || self.ratings
    }
}

/// A figure as printed: its value grouped, or its text as written; `None` when blank.
fn figure(f: &Figure, unit: &str) -> Option<String> {
    if f.is_blank() {
        return None;
    }
    // A number kept as written takes the unit after it when it ends in a number
    // (「約300」 → 約300人, 「1.2億」 → 1.2億件), not when it has words or a unit of its own
    // (「300人」 in a 件 indicator printed 300人件, 「未集計」 未集計件).
    Some(match f.value {
        Some(v) => format!("{}{unit}", grouped(&v.to_string())),
        None if ends_in_a_number(&f.unread) => format!("{}{unit}", f.unread),
        None => f.unread.clone(),
    })
}

/// Whether a text ends in a digit or a number word (万, 億 …), so that a unit may follow.
fn ends_in_a_number(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_numeric() || "十百千万億兆".contains(c))
}

/// An indicator in two paragraphs: its name (and 低いほど良い), then the year's target, actual
/// and 達成率 with the unit.
fn indicator(report: &Report, x: &Indicator) -> [Paragraph; 2] {
    let year = report.fiscal_year;
    let this = x.year(year);
    let name = if x.name.trim().is_empty() {
        "（名称なし）".to_string()
    } else {
        x.name.clone()
    };
    let name = match x.known_direction() {
        Some(Direction::Higher) => format!("・{name}"),
        Some(Direction::Lower) => format!("・{name}（低いほど良い）"),
        None => format!("・{name}（向き: {}）", x.direction_unread),
    };
    let target = this
        .and_then(|y| figure(&y.target, &x.unit))
        .or_else(|| figure(&x.target, &x.unit))
        .unwrap_or_else(|| "—".to_string());
    let actual = match x.shown_actual(year) {
        Some((a, false)) => figure(a, &x.unit),
        Some((a, true)) => figure(a, &x.unit).map(|a| format!("{a}（上半期）")),
        None => None,
    }
    .unwrap_or_else(|| "—".to_string());
    let rate = crate::model::tally::rate_text(x.achievement_rate(year));
    let mut figures = vec![
        format!("目標 {target}"),
        format!("実績 {actual}"),
        format!("達成率 {rate}"),
    ];
    // 進捗率 needs a baseline, which most reports do not give: said only where there is one.
    if let Some(p) = x.progress_rate(year) {
        figures.push(format!(
            "進捗率 {}",
            crate::model::measures::percent_text(p)
        ));
    }
    [vec![name], figures]
}

/// The 数値目標 cell: each indicator's paragraphs.
pub fn indicators(report: &Report, initiative: &Initiative) -> Vec<Paragraph> {
    let m = initiative.measures();
    m.indicators
        .iter()
        .flat_map(|x| indicator(report, x))
        .collect()
}

/// The 効果額 cell: the year's planned and actual effect in the report's unit (the unit is in
/// the column's heading), and its 達成率 where there is one.
pub fn effect(report: &Report, initiative: &Initiative) -> Vec<Paragraph> {
    let unit = report.measure_settings.yen_unit;
    let Some(e) = initiative.measures().effect(report.fiscal_year) else {
        return Vec::new();
    };
    let money = |m: &crate::model::measures::Money| {
        if m.is_blank() {
            "—".to_string()
        } else {
            m.yen
                .map_or_else(|| m.unread.clone(), |_| grouped(&m.display(unit)))
        }
    };
    let mut lines = vec![
        vec![format!("計画 {}", money(&e.planned))],
        vec![format!("実績 {}", money(&e.actual))],
    ];
    if let Some(rate) = e.achievement_rate() {
        lines.push(vec![format!(
            "達成率 {}",
            crate::model::measures::percent_text(rate)
        )]);
    }
    lines
}

/// The 評価 cell: the self-rating and the review, each its code and its label (kept together
/// on a line where they fit) and under it its note whole (特記, wrapped: the row grows, and a
/// row taller than a page goes on over the next); a comment is said to be in the table of
/// comments after the grid.
/// `levels` is the index of the report's scale, made once for all its rows.
pub fn ratings(report: &Report, levels: &LevelIndex, initiative: &Initiative) -> Vec<Paragraph> {
    let m = initiative.measures();
    let layer = |word: &str, r: &Option<Rating>| {
        let r = r.as_ref()?;
        let code = format!("{word} {}", r.code);
        Some(match levels.level(&report.measure_settings, &r.code) {
            Some(l) if l.label.trim().is_empty() || l.label == l.code => {
                vec![format!("{word} {}", l.code)]
            }
            Some(l) => vec![format!("{word} {}", l.code), l.label.clone()],
            None => vec![code, "（評価基準にない）".to_string()],
        })
    };
    let note = |r: &Option<Rating>| {
        let r = r.as_ref().filter(|r| !r.note.is_empty())?;
        Some(vec![format!("特記 {}", r.note)])
    };
    let by = |r: &Option<Rating>| {
        let r = r.as_ref()?;
        crate::model::measures::who_when(&r.by, r.on).map(|w| vec![format!("（{w}）")])
    };
    let mut out: Vec<Paragraph> = [
        layer("自己", &m.self_rating),
        by(&m.self_rating),
        note(&m.self_rating),
        layer("本部", &m.review),
        by(&m.review),
        note(&m.review),
    ]
    .into_iter()
    .flatten()
    .collect();
    if m.comment.is_some() {
        out.push(vec!["委員会意見は".to_string(), "意見一覧に".to_string()]);
    }
    out
}

/// A paragraph's lines at `width`: as many parts on a line as fit, parted by a full-width
/// space; a part wider than the line wrapped on its own.
pub fn flow(
    parts: &[String],
    m: &crate::print::text::TextMeasure,
    size: f32,
    width: f32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        let joined = if line.is_empty() {
            part.clone()
        } else {
            format!("{line}　{part}")
        };
        // A part of several lines as written (a name with a line break) keeps them.
        if !joined.contains('\n') && m.width(&joined, size, false) <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut wrapped = m.wrap(part, size, false, width);
        if part.contains('\n') {
            lines.extend(wrapped);
            continue;
        }
        // The last line of a wrapped part may take the next part beside it.
        line = wrapped.pop().unwrap_or_default();
        lines.extend(wrapped);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines.retain(|l| !l.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::{flow, grouped};
    use crate::print::text::TextMeasure;

    #[test]
    fn parts_share_a_line_where_they_fit_and_break_between_them_first() {
        let m = TextMeasure::get();
        let parts: Vec<String> = ["目標 3,500百万円", "実績 3,297百万円", "達成率 94.2%"]
            .map(String::from)
            .to_vec();
        let one = m.width(
            "目標 3,500百万円　実績 3,297百万円　達成率 94.2%",
            8.0,
            false,
        );
        assert_eq!(flow(&parts, m, 8.0, one + 1.0).len(), 1);
        let two = m.width("目標 3,500百万円　実績 3,297百万円", 8.0, false);
        assert_eq!(
            flow(&parts, m, 8.0, two + 1.0),
            ["目標 3,500百万円　実績 3,297百万円", "達成率 94.2%"]
        );
        // Narrower than a part: the part wraps, nothing is lost (a break may take a space).
        let letters = |s: String| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let narrow = flow(&parts, m, 8.0, 30.0);
        assert!(narrow.len() > 3);
        assert_eq!(letters(narrow.concat()), letters(parts.concat()));
        // A line break as written stays.
        let name = vec!["一行目\n二行目".to_string()];
        assert_eq!(flow(&name, m, 8.0, 200.0), ["一行目", "二行目"]);
    }

    #[test]
    fn thousands_are_grouped_and_text_is_kept() {
        assert_eq!(grouped("3297"), "3,297");
        assert_eq!(grouped("-1200.5"), "△1,200.5");
        assert_eq!(grouped("△1200"), "△1,200");
        assert_eq!(grouped("900"), "900");
        assert_eq!(grouped("1234567"), "1,234,567");
        assert_eq!(grouped("1.2億"), "1.2億");
    }
}

//! What the numbers' columns say on an initiative's row (数値目標, 効果額, 評価), for the
//! report's fiscal year, in paragraphs the row wraps to the column's width: nothing is cut,
//! the row grows (and continues on the next page when taller than one). A number that could
//! not be read is printed as it was written.

use crate::model::measures::{Direction, Figure, Indicator, Rating};
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

/// A number with its thousands grouped as reports print them (`3,297`, `-1,200.5`); text kept
/// as written is printed as it is.
pub fn grouped(number: &str) -> String {
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return number.to_string();
    }
    let mut out = String::from(sign);
    for (k, c) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A figure as printed: its value grouped, or its text as written; `None` when blank.
fn figure(f: &Figure) -> Option<String> {
    if f.is_blank() {
        None
    } else {
        Some(
            f.value
                .map_or_else(|| f.unread.clone(), |v| grouped(&v.to_string())),
        )
    }
}

/// An indicator in two paragraphs: its name (and 低いほど良い), then the year's target, actual
/// and 達成率 with the unit.
fn indicator(report: &Report, x: &Indicator) -> [String; 2] {
    let year = report.fiscal_year;
    let this = x.year(year);
    let name = if x.name.trim().is_empty() {
        "（名称なし）".to_string()
    } else {
        x.name.clone()
    };
    let name = match x.direction {
        Direction::Higher => format!("・{name}"),
        Direction::Lower => format!("・{name}（低いほど良い）"),
    };
    let with_unit = |s: String| format!("{s}{}", x.unit);
    let target = this
        .and_then(|y| figure(&y.target))
        .or_else(|| figure(&x.target))
        .map_or_else(|| "—".to_string(), with_unit);
    let actual = match this {
        Some(y) if !y.actual.is_blank() => figure(&y.actual).map(with_unit),
        Some(y) => figure(&y.first_half).map(|a| format!("{}（上半期）", with_unit(a))),
        None => None,
    }
    .unwrap_or_else(|| "—".to_string());
    let rate = x
        .achievement_rate(year)
        .map_or_else(|| "—".to_string(), |r| format!("{r}%"));
    [name, format!("目標 {target}　実績 {actual}　達成率 {rate}")]
}

/// The 数値目標 cell: each indicator's paragraphs.
pub fn indicators(report: &Report, initiative: &Initiative) -> Vec<String> {
    let m = initiative.measures();
    m.indicators
        .iter()
        .flat_map(|x| indicator(report, x))
        .collect()
}

/// The 効果額 cell: the year's planned and actual effect in the report's unit (the unit is in
/// the column's heading).
pub fn effect(report: &Report, initiative: &Initiative) -> Vec<String> {
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
    vec![
        format!("計画 {}", money(&e.planned)),
        format!("実績 {}", money(&e.actual)),
    ]
}

/// A rating as printed: the level's code and label, or a code the scale lacks as written and
/// said to be so.
pub fn rating_words(report: &Report, code: &str) -> String {
    match report.measure_settings.level(code) {
        // 対象外 is often its own label: said once.
        Some(level) if level.label.trim().is_empty() || level.label == level.code => {
            level.code.clone()
        }
        Some(level) => format!("{} {}", level.code, level.label),
        None => format!("{code}（評価基準にない）"),
    }
}

/// The 評価 cell: the self-rating and the review; a comment is said to be in the table of
/// comments after the grid.
pub fn ratings(report: &Report, initiative: &Initiative) -> Vec<String> {
    let m = initiative.measures();
    let layer = |word: &str, r: &Option<Rating>| {
        r.as_ref()
            .map(|r| format!("{word} {}", rating_words(report, &r.code)))
    };
    let mut out: Vec<String> = [layer("自己", &m.self_rating), layer("本部", &m.review)]
        .into_iter()
        .flatten()
        .collect();
    if m.comment.is_some() {
        out.push("委員会意見は意見一覧に".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn thousands_are_grouped_and_text_is_kept() {
        assert_eq!(grouped("3297"), "3,297");
        assert_eq!(grouped("-1200.5"), "-1,200.5");
        assert_eq!(grouped("900"), "900");
        assert_eq!(grouped("1234567"), "1,234,567");
        assert_eq!(grouped("1.2億"), "1.2億");
    }
}

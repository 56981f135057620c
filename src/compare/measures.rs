//! What changed in an initiative's numbers and judgements between two reports: each figure of
//! an indicator (paired by name), its unit, topic, baseline and direction, each year's effects,
//! each rating layer (its code and its note) and the committee's comment, listed as [`What::MeasureChanged`] with the
//! text before and after.

use std::collections::{HashMap, HashSet};

use super::What;
use crate::lang::{Lang, say};
use crate::model::measures::{
    Comment, Direction, Figure, Indicator, Measures, Money, Rating, YenUnit, who_when,
};
use crate::model::text::normalize;
use crate::model::{FiscalYear, Initiative};

/// Which of the numbers and judgements a change is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Indicator,
    Effect,
    SelfRating,
    Review,
    Comment,
}

fn change(
    part: Part,
    name: &str,
    field: &'static str,
    year: Option<FiscalYear>,
) -> impl Fn(String, String) -> What {
    let name = name.to_string();
    move |old, new| What::MeasureChanged {
        part,
        name: name.clone(),
        field,
        fiscal_year: year.map(|y| y.0),
        old,
        new,
    }
}

/// The changes from `oi`'s numbers to `ni`'s; money shown in `unit`. `exact`: texts are
/// compared as written (one report edited: a space added to a note is a change, and was taken
/// by `collect` unlisted), else as they read (two tables).
pub fn changes(oi: &Initiative, ni: &Initiative, unit: YenUnit, exact: bool) -> Vec<What> {
    let (a, b) = (oi.measures(), ni.measures());
    let mut out = Vec::new();
    if a == b {
        return out;
    }
    let differ = |x: &str, y: &str| {
        if exact {
            x != y
        } else {
            normalize(x) != normalize(y)
        }
    };
    indicators((oi, a), (ni, b), exact, &mut out);
    effects(a, b, unit, &mut out);
    type Layer = fn(&Measures) -> &Option<Rating>;
    let layers: [(Part, Layer); 2] = [
        (Part::SelfRating, |m| &m.self_rating),
        (Part::Review, |m| &m.review),
    ];
    for (part, layer) in layers {
        let (x, y) = (layer(a).as_ref(), layer(b).as_ref());
        let field =
            |f: fn(&Rating) -> String| (x.map(f).unwrap_or_default(), y.map(f).unwrap_or_default());
        // Who and when are listed when they alone changed: beside a new level or note they
        // are what giving it wrote.
        let mut changed = false;
        for (name, (old, new)) in [
            ("code", field(|r| r.code.clone())),
            ("note", field(|r| r.note.clone())),
            ("who", field(|r| who(&r.by, r.on))),
        ] {
            if differ(&old, &new) && !(name == "who" && changed) {
                changed = true;
                out.push(change(part, "", name, None)(old, new));
            }
        }
    }
    let comment =
        |m: &Measures, f: fn(&Comment) -> String| m.comment.as_ref().map(f).unwrap_or_default();
    let mut changed = false;
    for (name, f) in [
        ("text", (|c| c.text.clone()) as fn(&Comment) -> String),
        ("who", |c| who(&c.by, c.on)),
    ] {
        let (old, new) = (comment(a, f), comment(b, f));
        if differ(&old, &new) && !changed {
            changed = true;
            out.push(change(Part::Comment, "", name, None)(old, new));
        }
    }
    out
}

/// Who and when as the printout writes them (`人事課長、2017年10月5日`); a name with spaces
/// around it quoted, so that a space added is seen as the change it is.
fn who(by: &str, on: Option<chrono::NaiveDate>) -> String {
    let by = if by.trim() == by {
        by.to_string()
    } else {
        format!("「{by}」")
    };
    who_when(&by, on).unwrap_or_default()
}

fn indicators(
    (oi, a): (&Initiative, &Measures),
    (ni, b): (&Initiative, &Measures),
    exact: bool,
    out: &mut Vec<What>,
) {
    // Paired by name and, among indicators of one name (which `check` warns of), by order:
    // a second 「件数」 added is added, not a change of the first.
    // Counted and looked up, not searched: thousands of indicators were quadratic.
    let keys = |list: &[Indicator]| -> Vec<(String, usize)> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        list.iter()
            .map(|x| {
                let name = normalize(&x.name);
                let n = seen.entry(name.clone()).or_insert(0);
                *n += 1;
                (name, *n - 1)
            })
            .collect()
    };
    let (a_keys, b_keys) = (keys(&a.indicators), keys(&b.indicators));
    // A key is one indicator's: a name and its place among those of the name.
    let a_at: HashMap<&(String, usize), usize> =
        a_keys.iter().enumerate().map(|(k, key)| (key, k)).collect();
    let b_has: HashSet<&(String, usize)> = b_keys.iter().collect();
    for (x, key) in a.indicators.iter().zip(&a_keys) {
        if !b_has.contains(key) {
            out.push(change(Part::Indicator, &x.name, "removed", None)(
                x.name.clone(),
                String::new(),
            ));
        }
    }
    for (y, key) in b.indicators.iter().zip(&b_keys) {
        let found = a_at.get(key).copied();
        let Some(x) = found.map(|k| &a.indicators[k]) else {
            out.push(change(Part::Indicator, &y.name, "added", None)(
                String::new(),
                y.name.clone(),
            ));
            continue;
        };
        // Grouped as the web page and the printout write it (3,297; a review said 3297).
        let shown = Figure::in_words;
        // Paired as they read; within one report, a name written otherwise (a space added)
        // is a change of the name, listed quoted so that the space shows.
        if exact && x.name != y.name {
            out.push(change(Part::Indicator, &y.name, "name", None)(
                format!("「{}」", x.name),
                format!("「{}」", y.name),
            ));
        }
        if x.target != y.target {
            out.push(change(Part::Indicator, &y.name, "final_target", None)(
                shown(&x.target),
                shown(&y.target),
            ));
        }
        // The topic it measures, by heading (ids are of their own report).
        let heading = |i: &Initiative, x: &Indicator| {
            x.topic_in(i)
                .and_then(|t| t.heading.clone())
                .unwrap_or_default()
        };
        let (old_topic, new_topic) = (heading(oi, x), heading(ni, y));
        if old_topic != new_topic {
            out.push(change(Part::Indicator, &y.name, "topic", None)(
                old_topic, new_topic,
            ));
        }
        if x.unit != y.unit {
            out.push(change(Part::Indicator, &y.name, "unit", None)(
                x.unit.clone(),
                y.unit.clone(),
            ));
        }
        baseline_and_direction(x, y, out);
        let mut years: Vec<FiscalYear> = x.years.iter().chain(&y.years).map(|v| v.year).collect();
        years.sort();
        years.dedup();
        let blank = Figure::default();
        for year in years {
            let (ox, oy) = (x.year(year), y.year(year));
            for (field, pick) in [
                (
                    "target",
                    (|v: &crate::model::measures::IndicatorYear| &v.target) as fn(&_) -> &Figure,
                ),
                ("first_half", |v| &v.first_half),
                ("actual", |v| &v.actual),
            ] {
                let (o, n) = (ox.map_or(&blank, pick), oy.map_or(&blank, pick));
                if o != n {
                    out.push(change(Part::Indicator, &y.name, field, Some(year))(
                        shown(o),
                        shown(n),
                    ));
                }
            }
        }
    }
}

fn effects(a: &Measures, b: &Measures, unit: YenUnit, out: &mut Vec<What>) {
    let mut years: Vec<FiscalYear> = a
        .effects
        .iter()
        .chain(&b.effects)
        .map(|e| e.fiscal_year)
        .collect();
    years.sort();
    years.dedup();
    let blank = Money::default();
    let shown = |m: &Money| m.in_words(unit);
    for year in years {
        let (o, n) = (a.effect(year), b.effect(year));
        for (field, old, new) in [
            (
                "planned",
                o.map_or(&blank, |e| &e.planned),
                n.map_or(&blank, |e| &e.planned),
            ),
            (
                "actual",
                o.map_or(&blank, |e| &e.actual),
                n.map_or(&blank, |e| &e.actual),
            ),
        ] {
            if old != new {
                out.push(change(Part::Effect, "", field, Some(year))(
                    shown(old),
                    shown(new),
                ));
            }
        }
    }
}

/// The baseline (基準値, its year) and the direction: each changes the rates a reader sees.
fn baseline_and_direction(x: &Indicator, y: &Indicator, out: &mut Vec<What>) {
    let value = |i: &Indicator| i.baseline.as_ref().map(|b| b.value.display());
    let year = |i: &Indicator| i.baseline.as_ref().and_then(|b| b.year);
    // As a table writes it: a known way in its words, which no text kept unread can equal
    // (「higher」 is not 高いほど良い).
    let direction = |i: &Indicator| i.direction_words().to_string();
    let year_text = |i: &Indicator| year(i).map(|y| y.0.to_string()).unwrap_or_default();
    for (field, old, new) in [
        (
            "baseline",
            value(x).unwrap_or_default(),
            value(y).unwrap_or_default(),
        ),
        ("baseline_year", year_text(x), year_text(y)),
        ("direction", direction(x), direction(y)),
    ] {
        if old != new {
            out.push(change(Part::Indicator, &y.name, field, None)(old, new));
        }
    }
}

/// A value as the change list shows it: a direction and a baseline's year in words.
fn value_words(field: &str, value: &str, lang: Lang) -> String {
    match (field, value.parse::<i32>()) {
        ("direction", _) if value == Direction::Higher.words() => {
            say(lang, value.into(), "higher is better".into())
        }
        ("direction", _) if value == Direction::Lower.words() => {
            say(lang, value.into(), "lower is better".into())
        }
        ("baseline_year", Ok(y)) => say(lang, FiscalYear(y).era_form(), format!("FY{y}")),
        _ => value.to_string(),
    }
}

/// How a change of the numbers reads: 「指標「電子申請件数」の29年度実績: 900 → 1150」.
pub(super) fn describe(
    part: Part,
    name: &str,
    field: &str,
    year: Option<i32>,
    old: &str,
    new: &str,
    lang: Lang,
) -> String {
    let fy = year.map(|y| FiscalYear(y).era_form()).unwrap_or_default();
    let fy_en = year.map(|y| format!("FY{y} ")).unwrap_or_default();
    let (ja_field, en_field) = match field {
        "actual" => ("実績", "actual"),
        "first_half" => ("上半期実績", "first-half actual"),
        "target" => ("目標", "target"),
        "final_target" => ("最終目標", "final target"),
        "planned" => ("計画額", "planned"),
        "unit" => ("単位", "unit"),
        "name" => ("名前", "name"),
        "topic" => ("見出し", "topic"),
        "baseline" => ("基準値", "baseline"),
        "baseline_year" => ("基準年度", "baseline year"),
        "direction" => ("向き", "direction"),
        _ => ("", ""),
    };
    let dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let (old, new) = (value_words(field, old, lang), value_words(field, new, lang));
    // A list has a line per change: a note's own lines are joined there (`…1.5倍 / （9月末時点）`)
    // as a result's are, and a long one shortened around what changed.
    let (old, new) = crate::model::text::listed_change(&old, &new, lang);
    let (old, new) = (dash(&old), dash(&new));
    match (part, field) {
        (Part::Indicator, "added") => say(
            lang,
            format!("指標を追加: {name}"),
            format!("indicator added: {name}"),
        ),
        (Part::Indicator, "removed") => say(
            lang,
            format!("指標を削除: {name}"),
            format!("indicator removed: {name}"),
        ),
        (Part::Indicator, _) => say(
            lang,
            format!("指標「{name}」の{fy}{ja_field}: {old} → {new}"),
            format!("indicator 「{name}」 {fy_en}{en_field}: {old} → {new}"),
        ),
        (Part::Effect, "actual") => say(
            lang,
            format!("{fy}の効果額（実績）: {old} → {new}"),
            format!("{fy_en}effect, actual: {old} → {new}"),
        ),
        (Part::Effect, _) => say(
            lang,
            format!("{fy}の効果額（{ja_field}）: {old} → {new}"),
            format!("{fy_en}effect, {en_field}: {old} → {new}"),
        ),
        (Part::SelfRating | Part::Review | Part::Comment, _) => {
            // A rating layer or the comment: its name, and the words of the field changed.
            let (ja, en) = match part {
                Part::SelfRating => ("自己評価", "self-rating"),
                Part::Review => ("本部評価", "review"),
                _ => ("委員会意見", "committee comment"),
            };
            let (ja_field, en_field) = match (part, field) {
                (_, "note") => ("の特記", "'s note"),
                (Part::Comment, "who") => ("の記入者・日付", " given by"),
                (_, "who") => ("の評価者・日付", " given by"),
                _ => ("", ""),
            };
            say(
                lang,
                format!("{ja}{ja_field}: {old} → {new}"),
                format!("{en}{en_field}: {old} → {new}"),
            )
        }
    }
}

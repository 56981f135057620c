//! What a response held when it was sent: a hash of each part outside its division's results
//! (a heading, a plan, a stage lane, another division's results …, and the division's own
//! numbers, `answered_key`), and of the division's results — each result, and each topic's
//! results as a whole (`.ron` responses) — kept in the response and, for a workbook, beside
//! each row. Collecting then tells what the division changed — a part whose text no longer
//! hashes as sent — from what the office changed in the master since (a part the answer still
//! holds as sent): only the first is a change of the answer. A division that sends the same
//! answer twice changes nothing the second time, whatever was collected in between.

use std::collections::BTreeMap;

use super::{entries_text, topic_divisions};
use crate::edit::measures::{measures_division, office_part};
use crate::model::measures::{Comment, Figure, Measures, Rating};
use crate::model::{ActionItem, FiscalYear, Initiative, Report, Section, Topic};

/// A part of a report outside a division's results, named so that the same part of the
/// master and of an answer can be found: `topic/35/plan`, `item/12/lanes`, `report/title`.
pub type PartKey = String;

/// The parts of a report named by an id, each a [`PartKey`] through [`Element::key`]: the
/// responses hold these names, so they are written in one place (a name mistyped where a
/// part is looked up found nothing, and the change went unseen).
#[derive(Debug, Clone, Copy)]
pub enum Element {
    Section,
    InitiativeTitle,
    InitiativeDivisions,
    InitiativeMeasures,
    ItemName,
    ItemLanes,
    TopicHeading,
    TopicDivision,
    TopicPlan,
    TopicActual,
}

impl Element {
    /// The part's name for the element `id`: `section/3`, `topic/35/plan`.
    pub fn key(self, id: crate::model::Id) -> PartKey {
        let (kind, field) = match self {
            Element::Section => ("section", ""),
            Element::InitiativeTitle => ("initiative", "/title"),
            Element::InitiativeDivisions => ("initiative", "/divisions"),
            Element::InitiativeMeasures => ("initiative", "/measures"),
            Element::ItemName => ("item", "/name"),
            Element::ItemLanes => ("item", "/lanes"),
            Element::TopicHeading => ("topic", "/heading"),
            Element::TopicDivision => ("topic", "/division"),
            Element::TopicPlan => ("topic", "/plan"),
            Element::TopicActual => ("topic", "/actual"),
        };
        format!("{kind}/{}{field}", id.0)
    }
}

/// The hashes of a response's parts as sent (read from [`crate::model::ResponseFor::sent`]).
pub type SentParts = BTreeMap<PartKey, u64>;

pub use crate::model::survey::{comparable, hash, short_hash, short_of};

/// Every part of `report` outside `division`'s results, with its text.
pub fn parts(report: &Report, division: &str) -> Vec<(PartKey, String)> {
    let mut out = report_parts(report);
    for s in &report.sections {
        out.push((Element::Section.key(s.id), section_text(s)));
    }
    for i in report.initiatives() {
        out.push((Element::InitiativeTitle.key(i.id), i.title.clone()));
        out.push((
            Element::InitiativeDivisions.key(i.id),
            divisions_text(&i.divisions),
        ));
        out.push((
            Element::InitiativeMeasures.key(i.id),
            measures_part(i, i.measures(), division),
        ));
        // The division's own numbers as sent: an answer still holding them changed none of
        // them, and what the office corrected since stays.
        if measures_division(i) == Some(division) {
            out.push((answered_key(i.id), measures_text(i.measures())));
            out.extend(number_parts(i, report.fiscal_year));
        }
        for item in &i.items {
            out.push((Element::ItemName.key(item.id), item_name(item)));
            out.push((
                Element::ItemLanes.key(item.id),
                lanes_text(item, report.fiscal_year),
            ));
        }
        for t in &i.topics {
            out.extend(topic_parts(i, t, division));
        }
    }
    out
}

/// Each number the division answers of `i` as sent, by [`number_key`]: an answer changing
/// one of them leaves the others as the master has them (every number of the initiative was
/// taken from the file, and the office's corrections since went).
fn number_parts(i: &Initiative, year: FiscalYear) -> Vec<(PartKey, String)> {
    let m = i.measures();
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for x in &m.indicators {
        let name = crate::model::text::normalize(&x.name);
        let nth = seen.entry(name.clone()).or_insert(0);
        let key = number_key(i.id, &format!("i/{name}/{nth}"));
        *nth += 1;
        out.push((key, indicator_answer(x.year(year))));
    }
    let effect = m.effect(year).map(|e| e.actual.clone()).unwrap_or_default();
    out.push((number_key(i.id, "e"), format!("{effect:?}")));
    out.push((number_key(i.id, "r"), rating_answer(m.self_rating.as_ref())));
    out.push((number_key(i.id, "w"), rater(m.self_rating.as_ref())));
    out
}

/// Who gave a self-rating and when, as a response held it when sent: an answer changing them
/// is said (they are not the answer's to change).
pub fn rater(rating: Option<&Rating>) -> String {
    rating.map_or_else(String::new, |r| {
        let on = r.on.map_or_else(String::new, |d| d.to_string());
        format!("{} {on}", r.by).trim().to_string()
    })
}

/// The key of one number of an initiative as its response held it when sent: `i/NAME/NTH` an
/// indicator's (the nth of that name), `e` the effect, `r` the self-rating, `w` who gave it
/// and when.
pub fn number_key(initiative: crate::model::Id, field: &str) -> PartKey {
    format!("initiative/{}/answered/{field}", initiative.0)
}

/// An indicator's answer in a year as compared with what was sent: its actual and first half.
pub fn indicator_answer(year: Option<&crate::model::measures::IndicatorYear>) -> String {
    year.map_or_else(
        || format!("{:?} {:?}", Figure::default(), Figure::default()),
        |v| format!("{:?} {:?}", v.actual, v.first_half),
    )
}

/// A self-rating as compared with what was sent: its code and note.
pub fn rating_answer(rating: Option<&Rating>) -> String {
    rating.map_or_else(String::new, |r| format!("{} {}", r.code, r.note))
}

/// The part naming an initiative's numbers as its 所管課's response held them when sent.
pub fn answered_key(initiative: crate::model::Id) -> PartKey {
    format!("initiative/{}/answered", initiative.0)
}

/// The hashes of [`parts`], sorted by name: what a response records when it is sent.
pub fn sent_parts(report: &Report, division: &str) -> Vec<(PartKey, u64)> {
    let mut out: Vec<(PartKey, u64)> = parts(report, division)
        .into_iter()
        .chain(result_parts(report, division))
        .map(|(k, text)| (k, hash(&text)))
        .collect();
    out.sort_unstable();
    out
}

/// The division's own results as sent, each by its id ([`result_key`]): an answer's result
/// whose text still hashes as sent was not rewritten, so a sub-item's new text in it is the
/// edit, whatever was collected in between.
fn result_parts(report: &Report, division: &str) -> Vec<(PartKey, String)> {
    let mut out = Vec::new();
    for i in report.initiatives() {
        for t in &i.topics {
            if topic_divisions(i, t).contains(&division) {
                out.extend(t.actual.iter().map(|e| (result_key(e.id), e.text.clone())));
                out.push((results_key(t.id), results_text(&t.actual)));
            }
        }
    }
    out
}

/// A topic's results as their hash is taken: each entry's text with its bullet, then each
/// sub-item's own text (a file edited by hand may change a sub-item's alone).
pub fn results_text(list: &[crate::model::Entry]) -> String {
    let mut out = String::new();
    for e in list {
        out.push_str(if e.bullet { "・" } else { "" });
        out.push_str(&e.text);
        out.push('\n');
        for sub in &e.subs {
            out.push('\t');
            out.push_str(&results_text(std::slice::from_ref(sub)));
        }
    }
    out
}

/// Whether the answer's topic `a` holds its results as they were sent (`sent`: the response's
/// hashes of what it was sent with).
pub fn results_as_sent(sent: &SentParts, topic: crate::model::Id, a: &crate::model::Topic) -> bool {
    sent.get(&results_key(topic))
        .is_some_and(|&h| h == hash(&results_text(&a.actual)))
}

/// The name of a division's topic's results as a whole among the parts as sent: an answer
/// that holds them as sent says nothing of them, and changes none of what was taken since.
pub fn results_key(topic: crate::model::Id) -> PartKey {
    format!("topic/{}/results", topic.0)
}

/// The name of a division's result among the parts as sent: `result/412`.
pub fn result_key(id: crate::model::Id) -> PartKey {
    format!("result/{}", id.0)
}

pub fn report_parts(r: &Report) -> Vec<(PartKey, String)> {
    let years = format!("{}–{}", r.plan_years.first.0, r.plan_years.last.0);
    let as_of = r
        .as_of
        .map_or_else(String::new, |a| format!("{}/{}", a.month, a.day));
    [
        ("title", r.title.clone()),
        ("programme", r.programme.clone()),
        ("plan_years", years),
        ("headings", format!("{:?}", r.headings)),
        ("period", r.period.key().to_string()),
        ("as_of", as_of),
        // How the numbers read: a division's answer changing them was taken without a word
        // (the office's to change, not a division's).
        ("yen_unit", r.measure_settings.yen_unit.label().to_string()),
        ("counting", r.measure_settings.counting.label().to_string()),
        ("rating_scale", r.measure_settings.scale_text()),
    ]
    .into_iter()
    .map(|(k, v)| (format!("report/{k}"), v))
    .collect()
}

fn topic_parts(i: &Initiative, t: &Topic, division: &str) -> Vec<(PartKey, String)> {
    let mut out = vec![
        (
            Element::TopicHeading.key(t.id),
            t.heading.clone().unwrap_or_default(),
        ),
        (
            Element::TopicDivision.key(t.id),
            t.division.clone().unwrap_or_default(),
        ),
        (Element::TopicPlan.key(t.id), entries_text(&t.plan)),
    ];
    if !topic_divisions(i, t).contains(&division) {
        out.push((Element::TopicActual.key(t.id), entries_text(&t.actual)));
    }
    out
}

pub fn section_text(s: &Section) -> String {
    format!("{} {}", s.numeral, s.title).trim().to_string()
}

pub fn divisions_text(divisions: &[String]) -> String {
    divisions.join("、")
}

pub fn item_name(item: &ActionItem) -> String {
    item.display_name()
}

/// An item's stages, a lane per line: `28年度 検討 / 29～31年度 順次実施`.
pub fn lanes_text(item: &ActionItem, report_year: FiscalYear) -> String {
    item.lanes
        .iter()
        .map(|lane| {
            lane.iter()
                .map(|s| format!("{} {}", s.years_text(report_year), s.source))
                .collect::<Vec<_>>()
                .join(" / ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The part of an initiative's numbers outside `division`'s answer, as text: the office's part
/// (targets, planned effects, review, comment) of an initiative whose 所管課 it is, all of
/// them of another's. Empty for an initiative without numbers.
pub fn measures_part(i: &Initiative, measures: &Measures, division: &str) -> String {
    if measures_division(i) == Some(division) {
        measures_text(&office_part(measures))
    } else {
        measures_text(measures)
    }
}

/// Numbers and judgements a line per indicator, effect and rating layer, every field written
/// (a change of any one changes the text): how the review shows them before and after.
pub fn measures_text(m: &Measures) -> String {
    let figure =
        |label: &str, f: &Figure| (!f.is_blank()).then(|| format!(" {label} {}", f.display()));
    let mut lines = Vec::new();
    for x in &m.indicators {
        let mut line = format!("指標 {}", x.name);
        if !x.unit.is_empty() {
            line.push_str(&format!("（{}）", x.unit));
        }
        if x.known_direction() != Some(crate::model::measures::Direction::Higher) {
            line.push_str(&format!(" {}", x.direction_words()));
        }
        if let Some(b) = &x.baseline {
            let year = b.year.map_or_else(String::new, |y| y.short_form());
            line.push_str(&format!(" 基準値 {} {year}", b.value.display()));
        }
        line.extend(figure("最終目標", &x.target));
        for y in &x.years {
            line.push_str(&format!(" / {}", y.year.short_form()));
            line.extend(figure("目標", &y.target));
            line.extend(figure("上半期実績", &y.first_half));
            line.extend(figure("実績", &y.actual));
        }
        lines.push(line);
    }
    for e in &m.effects {
        let money = |label: &str, m: &crate::model::measures::Money| match m.yen {
            Some(yen) => format!(" {label} {yen}円"),
            None if !m.unread.is_empty() => format!(" {label} {}", m.unread),
            None => String::new(),
        };
        let (planned, actual) = (money("計画額", &e.planned), money("実績額", &e.actual));
        lines.push(format!(
            "効果額 {}{planned}{actual}",
            e.fiscal_year.short_form()
        ));
    }
    let rating = |label: &str, r: &Option<Rating>| {
        r.as_ref()
            .map(|r| format!("{label} {} {} {} {}", r.code, r.by, day(r.on), r.note))
    };
    let comment = |c: &Option<Comment>| {
        c.as_ref()
            .map(|c| format!("委員会意見 {} {} {}", c.text, c.by, day(c.on)))
    };
    lines.extend(rating("自己評価", &m.self_rating));
    lines.extend(rating("本部評価", &m.review));
    lines.extend(comment(&m.comment));
    for p in &m.past {
        let year = p.fiscal_year.short_form();
        lines.extend(rating(&format!("{year} 自己評価"), &p.self_rating));
        lines.extend(rating(&format!("{year} 本部評価"), &p.review));
        lines.extend(comment(&p.comment).map(|c| format!("{year} {c}")));
    }
    lines.join("\n")
}

fn day(on: Option<chrono::NaiveDate>) -> String {
    on.map_or_else(String::new, |d| d.to_string())
}

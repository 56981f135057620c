//! A rating layer without a code, or a committee comment without text (empty, or naming who,
//! when or a note) — which only a hand-edited file holds: the window, the readers and the
//! survey make a rating only with its code (a note with none is kept unread, said). Every
//! output counted it as a level named "" (and a review so masked the self-rating), and an
//! export read back lost the note to the unread list. Repaired on opening as the readers read
//! such a row: the layer left out, what it named kept in the unread list, said.

use super::{Place, Rule, Violation};
use crate::lang::Lang;
use crate::model::measures::{Comment, Measures, Rating};
use crate::model::{Report, UnreadText};

/// The texts a code-less rating names, `note / by / on` as written.
fn rating_texts(r: &Rating) -> Vec<String> {
    let on = r.on.map(|d| d.format("%Y-%m-%d").to_string());
    [r.note.clone(), r.by.clone()]
        .into_iter()
        .chain(on)
        .filter(|t| !t.trim().is_empty())
        .collect()
}

fn comment_texts(c: &Comment) -> Vec<String> {
    let on = c.on.map(|d| d.format("%Y-%m-%d").to_string());
    std::iter::once(c.by.clone())
        .chain(on)
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// The layers without their code (or text), each with what it names: (layer, texts).
fn codeless(m: &Measures) -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    for (layer, rating) in [("self_rating", &m.self_rating), ("review", &m.review)] {
        if let Some(r) = rating.as_ref().filter(|r| r.code.trim().is_empty()) {
            out.push((layer, rating_texts(r)));
        }
    }
    if let Some(c) = m.comment.as_ref().filter(|c| c.text.trim().is_empty()) {
        out.push(("comment", comment_texts(c)));
    }
    out
}

pub(super) fn violations(report: &Report, out: &mut Vec<Violation>) {
    for initiative in report.initiatives() {
        for (layer, texts) in codeless(initiative.measures()) {
            let place = Place {
                initiative: Some(initiative.number.clone()),
                field: Some(layer),
                ..Place::default()
            };
            let kept = texts.join(" / ");
            out.push(Violation {
                place,
                rule: Rule::RatingWithoutCode { kept },
            });
        }
    }
}

/// Leaves out each layer without its code (or text), what it named kept in the unread list.
pub(super) fn repair(report: &mut Report) {
    let mut kept = Vec::new();
    for i in report.sections.iter_mut().flat_map(|s| &mut s.initiatives) {
        let Some(m) = i.measures.as_mut() else {
            continue;
        };
        // One unread text per layer, as the warning names it.
        for (_, texts) in codeless(m).into_iter().filter(|(_, t)| !t.is_empty()) {
            kept.push(texts.join(" / "));
        }
        for slot in [&mut m.self_rating, &mut m.review] {
            if slot.as_ref().is_some_and(|r| r.code.trim().is_empty()) {
                *slot = None;
            }
        }
        if m.comment.as_ref().is_some_and(|c| c.text.trim().is_empty()) {
            m.comment = None;
        }
        if m.is_empty() {
            i.measures = None;
        }
    }
    let unread = kept.into_iter().map(|text| UnreadText { row: 0, text });
    report.unread.extend(unread);
}

pub(super) fn words(kept: &str, lang: Lang) -> String {
    use crate::lang::Describe;
    let kept = kept.to_string();
    crate::model::measure_warning::MeasureWarning::RatingWithoutCode { kept }.describe(lang)
}

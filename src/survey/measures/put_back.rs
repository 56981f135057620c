//! Numbers an answer has as they were sent where the value standing is the one the
//! division's earlier answer wrote (typed, then cleared back): put back — held for the office
//! to tick, or taken after 差戻し ([`super::NumbersAnswered::held`]).

use super::{ANSWER_COL, MeasureCell, MeasureRow, Pairing, SHEET, first_half_asked};
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::measures::{Levels, Measures, Money};
use crate::model::text::normalize;
use crate::model::{FiscalYear, Report, TakenTopic};

/// Whether the division's earlier answer wrote `field` (as the answer records its numbers,
/// [`numbers_taken`]) of `initiative`.
fn written_before(before: &[TakenTopic], initiative: crate::model::Id, field: &str) -> bool {
    let this = TakenTopic {
        topic: initiative,
        results: crate::survey::sent::hash(field),
    };
    before.contains(&this)
}

/// A response file's numbers of `i` that are as they were sent (`only`: by key and text),
/// where the number standing is the one the division's earlier answer wrote (a figure typed,
/// then cleared after 差戻し): `base` (the master's measures, or what is taken of them) with
/// the answer's put back — held, since an untouched copy of the sent file reads just so.
/// `None` when there is nothing to put back.
pub(super) fn back_as_sent(
    (year, i, base): (FiscalYear, &crate::model::Initiative, &Measures),
    answer: &Measures,
    before: &[TakenTopic],
    only: super::AsSent<'_>,
) -> Option<(crate::model::Id, Measures)> {
    let master = i.measures();
    let mut out = base.clone();
    let mut any = false;
    let pairing = Pairing::new(&master.indicators, &answer.indicators);
    for (k, x) in out.indicators.iter_mut().enumerate() {
        let Some((nth, y)) = pairing.answer_of(k) else {
            continue;
        };
        let figures = |x: &crate::model::measures::Indicator| {
            x.year(year).map_or_else(Default::default, |v| {
                (v.actual.clone(), v.first_half.clone())
            })
        };
        let (answered, standing) = (figures(y), figures(x));
        let key = format!("i/{}/{nth}", normalize(&x.name));
        if !only(&key, &crate::survey::sent::indicator_answer(y.year(year))) {
            continue;
        }
        let field = format!(
            "I {} {nth} {:?} {:?}",
            normalize(&x.name),
            standing.0,
            standing.1
        );
        if answered != standing && written_before(before, i.id, &field) {
            let slot = x.year_mut(year);
            (slot.actual, slot.first_half) = answered;
            any = true;
        }
        x.years
            .retain(|v| !(v.target.is_blank() && v.actual.is_blank() && v.first_half.is_blank()));
    }
    let actual = |m: &Measures| {
        m.effect(year)
            .map_or_else(Money::default, |e| e.actual.clone())
    };
    let (answered, standing) = (actual(answer), actual(master));
    let effect_as_sent = only("e", &format!("{answered:?}"));
    if effect_as_sent
        && answered != standing
        && written_before(before, i.id, &format!("E {} {standing:?}", year.0))
    {
        out.effect_mut(year).actual = answered;
        out.effects
            .retain(|e| !(e.planned.is_blank() && e.actual.is_blank()));
        any = true;
    }
    any.then_some((i.id, out))
}

/// An answer cell put into `m`: an indicator's or the effect's — the report's year's actual
/// (the first half's where it is asked), read in the indicator's unit or the report's money
/// unit — or the self-rating's or its note's.
pub(super) fn put_answer(
    (master, levels): (&Report, &Levels<'_>),
    m: &mut Measures,
    row: &MeasureRow,
) {
    use crate::edit::measures::money_of;
    let year = master.fiscal_year;
    match row.what {
        MeasureCell::Indicator(k) => {
            if let Some(x) = m.indicators.get_mut(k) {
                let shown = row.shown_unit.clone().or_else(|| {
                    // A workbook from before the id carried it: the unit its 項目 named (none
                    // where it is the name alone).
                    let inside = row.label.strip_prefix(x.name.as_str())?;
                    if inside.is_empty() {
                        return Some(String::new());
                    }
                    Some(inside.strip_prefix('（')?.strip_suffix('）')?.to_string())
                });
                let shown = shown.as_deref().unwrap_or(&x.unit);
                let figure = crate::model::measures::figure_typed_in(&row.answer, shown, &x.unit);
                let half = first_half_asked(master, x);
                let slot = x.year_mut(year);
                match half {
                    true => slot.first_half = figure,
                    false => slot.actual = figure,
                }
                x.years.retain(|v| {
                    !(v.target.is_blank() && v.actual.is_blank() && v.first_half.is_blank())
                });
            }
        }
        MeasureCell::Effect => {
            let unit = (row.money_unit)
                .or_else(|| label_money_unit(row))
                .unwrap_or(master.measure_settings.yen_unit);
            m.effect_mut(year).actual = money_of(&row.answer, unit);
            m.effects
                .retain(|e| !(e.planned.is_blank() && e.actual.is_blank()));
        }
        MeasureCell::SelfRating => {
            // Settled as the import settles it: 「A 良好に進捗」 picked from the scale is A.
            let code = levels.settled_code(row.answer.trim());
            let kept = m.self_rating.take();
            m.self_rating = (!code.is_empty()).then(|| crate::model::measures::Rating {
                code,
                ..kept.unwrap_or_default()
            });
        }
        // A note of an unrated initiative is said by the caller and not taken.
        MeasureCell::SelfNote => {
            if let Some(r) = m.self_rating.as_mut() {
                r.note = row.answer.clone();
            }
        }
        MeasureCell::Unreadable => {}
    }
}

/// Whether the number now standing in the master for `row` differs from the row's answer and
/// is the one the division's earlier answer wrote there (recorded as [`super::from_rows`] records
/// each number taken).
pub(super) fn earlier_answer_stands(
    master: &Report,
    row: &MeasureRow,
    before: &[TakenTopic],
) -> bool {
    let Some(i) = master.initiative(row.initiative) else {
        return false;
    };
    let m = i.measures();
    let year = master.fiscal_year;
    let standing = match row.what {
        MeasureCell::Indicator(k) => m.indicators.get(k).map(|x| {
            let v = x.year(year);
            match first_half_asked(master, x) {
                true => v.map(|v| v.first_half.display()),
                false => v.map(|v| v.actual.display()),
            }
            .unwrap_or_default()
        }),
        MeasureCell::Effect => Some(m.effect(year).map_or_else(String::new, |e| {
            e.actual.display(master.measure_settings.yen_unit)
        })),
        MeasureCell::SelfRating => Some(
            m.self_rating
                .as_ref()
                .map_or_else(String::new, |r| r.code.clone()),
        ),
        MeasureCell::SelfNote => Some(
            m.self_rating
                .as_ref()
                .map_or_else(String::new, |r| r.note.clone()),
        ),
        MeasureCell::Unreadable => None,
    };
    let Some(standing) = standing else {
        return false;
    };
    let field = format!("{:?} {}", row.what, row.canonical(&standing));
    row.canonical(&standing) != row.canonical(&row.answer) && written_before(before, i.id, &field)
}

/// An effect answered in the unit its row was sent in, the report's being another now: said.
pub(super) fn answered_in_sent_unit(
    master: &Report,
    i: &crate::model::Initiative,
    row: &MeasureRow,
) -> Option<Warning> {
    let now = master.measure_settings.yen_unit;
    let sent = (row.money_unit.or_else(|| label_money_unit(row)))
        .filter(|&u| u != now && row.what == MeasureCell::Effect)?;
    (!row.answer.trim().is_empty()).then_some(())?;
    let warning = crate::model::measure_warning::MeasureWarning::AnsweredInSentUnit {
        initiative: i.number.clone(),
        answer: row.answer.clone(),
        sent: sent.label(),
        now: now.label(),
    };
    let cell = Location::cell(SHEET, row.row as usize, usize::from(ANSWER_COL) + 1, None);
    Some(Warning::new(cell, WarningKind::Measure { warning }))
}

/// The money unit an effect's row named in its 項目 (`効果額（百万円）`): where a workbook from
/// before its id carried the unit, the one the answer was typed in.
fn label_money_unit(row: &MeasureRow) -> Option<crate::model::measures::YenUnit> {
    let inside = row.label.strip_prefix("効果額（")?.strip_suffix('）')?;
    crate::model::measures::YenUnit::named_in(inside)
}

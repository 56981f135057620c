//! What a row gives, put into its initiative: an indicator (one named on the report sheet and
//! given its figures on another is one), a year's effect (a second figure for it kept unread
//! and said, never written over the first).

use std::collections::HashMap;

use super::super::sheet::Sheet;
use super::{HeadingUnit, Reading};
use crate::model::era::FiscalYear;
use crate::model::measure_warning::MeasureWarning;
use crate::model::measures::Indicator;
use crate::model::{Id, UnreadText};

/// The row's indicator into its initiative. A row whose indicator cells held only what reads
/// as nothing (a bare dash) starts no indicator: an empty one is not written back, so the table
/// would read back without it.
///
/// An indicator named alone (木津川市's 主な指標等 column on the 工程表) and one of that name
/// with its figures (its 数値目標 sheet) are one indicator: the figures fill the name, and
/// a name given again adds nothing. Two with figures each stay two (and `check` says so).
pub(super) fn keep_indicator(reading: &mut Reading<'_>, (s, k): (usize, usize), mut x: Indicator) {
    x.years
        .retain(|y| !(y.target.is_blank() && y.actual.is_blank() && y.first_half.is_blank()));
    if x == Indicator::default() {
        return;
    }
    let named_alone = |i: &Indicator| {
        *i == Indicator {
            name: i.name.clone(),
            topic: i.topic,
            ..Indicator::default()
        }
    };
    let list = &mut reading.report.sections[s].initiatives[k]
        .measures_mut()
        .indicators;
    // Only this adds to the list while a workbook is read: the index, made of the list as
    // it stood at the initiative's first row, stays the list's.
    let index = reading.kept.entry((s, k)).or_insert_with(|| {
        let mut index = Kept::default();
        for (at, i) in list.iter().enumerate() {
            index.entry(key(i)).or_insert(at);
        }
        index
    });
    match index.get(&key(&x)).map(|&at| &mut list[at]) {
        Some(_) if named_alone(&x) => {}
        Some(alone) if named_alone(alone) => *alone = x,
        _ => {
            index.entry(key(&x)).or_insert(list.len());
            list.push(x);
        }
    }
}

/// An initiative's indicators by [`key`]: where the first of each stands in its list.
pub(super) type Kept = HashMap<(String, Option<Id>), usize>;

/// What makes two indicators one: the name, normalized, and the topic.
fn key(i: &Indicator) -> (String, Option<Id>) {
    (crate::model::text::normalize(&i.name), i.topic)
}

/// One year's planned or actual effect from its cell: the first of two columns for it is kept,
/// the other kept unread and said, never one written over the other.
pub(super) fn take_effect(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    (r, c): (usize, usize),
    (s, k): (usize, usize),
    (year, unit, planned): (FiscalYear, HeadingUnit, bool),
    text: String,
) {
    let money = reading.money(sheet, (r, c), unit);
    let shown_in = reading.report.measure_settings.yen_unit;
    let m = &mut reading.report.sections[s].initiatives[k].measures_mut();
    let effect = m.effect_mut(year);
    let slot = if planned {
        &mut effect.planned
    } else {
        &mut effect.actual
    };
    // Two columns for one year's figure (実績額 and 効果額): the first is kept, the
    // other kept unread and said, never one written over the other.
    if slot.is_blank() {
        *slot = money;
    } else if *slot != money {
        let warning = MeasureWarning::EffectTwice {
            year,
            kept: match slot.yen {
                Some(_) => format!("{}{}", slot.display(shown_in), shown_in.label()),
                None => slot.unread.clone(),
            },
            other: text.clone(),
        };
        reading.warn(sheet, r, c, warning);
        let unread = UnreadText { row: r + 1, text };
        reading.report.unread.push(unread);
    }
}

//! A division's answer of its numbers: for each initiative whose 所管課 it is, the report's
//! year's actuals of its indicators (year and first half), the year's actual effect and its
//! self-rating with the note beside it (取組実績・特記: what the division writes of its own
//! initiative) are taken from the answer — those it changed: a number still as it was sent, or
//! as the division's answer taken in before had it, leaves the master's (the office may have
//! corrected it since). A closed year's numbers, targets, planned effects, the office's review
//! and the committee's comment stay the master's (the response cannot change them:
//! `edit::measures::check_scope`; a closed year's change is said).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::edit::measures::measures_division;
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::measure_warning::{MeasureAt, MeasureField};
use crate::model::measures::{Measures, YenUnit};
use crate::model::text::normalize;
use crate::model::{FiscalYear, Report, TakenTopic};
use compared::{canonical, percent_is_format};
use from_ron::{AsSent, answered};
use hidden_id::{IdHashes, read_id};
use pairing::Pairing;
use put_back::{answered_in_sent_unit, back_as_sent, earlier_answer_stands, put_answer};
use rows_paired::{name_hash, office_hash, resolved};

mod compared;
mod from_ron;
mod hidden_id;
mod pairing;
mod put_back;
mod rows_paired;

/// The edits taking `answer`'s numbers of `division` into the master, and what is not taken
/// (an answer of another year than the report's), said. `on`: the day the answer is taken.
pub(super) fn from_report(
    master: &Report,
    answer: &Report,
    division: &str,
    (on, before): (NaiveDate, &[TakenTopic]),
) -> NumbersAnswered {
    let mut edits = Vec::new();
    let mut said = Vec::new();
    let mut taken = Vec::new();
    let mut held = Vec::new();
    let levels = master.measure_settings.levels();
    // Made once: made for each initiative, collecting a response of 10,000 initiatives took
    // over 10 s (each holds every part of the report).
    let sent = response_sent(answer);
    let mut all_as_sent = true;
    for i in master.initiatives() {
        if measures_division(i) != Some(division) {
            continue;
        }
        let Some(a) = answer.initiative(i.id) else {
            continue;
        };
        // Numbers the answer holds as they were sent, or as the division's answer taken in
        // before had them, are not the division's change: the master's stay, with whatever
        // the office corrected since.
        let now = super::sent::hash(&super::sent::measures_text(a.measures()));
        let as_sent = sent.get(&super::sent::answered_key(i.id)).copied();
        let year = master.fiscal_year;
        if as_sent == Some(now) {
            let all: AsSent<'_> = &|_, _| true;
            held.extend(back_as_sent(
                (year, i, i.measures()),
                a.measures(),
                before,
                all,
            ));
            continue;
        }
        all_as_sent = false;
        let field_as_sent = |key: &str, text: &str| {
            let key = super::sent::number_key(i.id, key);
            sent.get(&key) == Some(&super::sent::hash(text))
        };
        let unit = master.measure_settings.yen_unit;
        let mut seen =
            |field: String| numbers_taken(&mut taken, before, i.id, super::sent::hash(&field));
        let first_half_open = master.period == crate::model::Period::FirstHalf;
        // Money typed as text in the file is read in the unit the response was sent in.
        let units = (unit, answer.measure_settings.yen_unit);
        let mut merged = answered(
            i,
            a.measures(),
            (year, units, first_half_open),
            (&mut said, &mut seen, &field_as_sent),
        );
        // A level written in another width than the scale's (`B` of `Ｂ 概ね順調`) is that
        // level, as the scale writes it.
        if let Some(r) = merged.self_rating.as_mut() {
            r.code = levels.settled_code(&r.code);
        }
        rated_by(&mut merged, i.measures(), division, on);
        said.extend(rater_not_taken(i, (a.measures(), &merged), &sent));
        // A number left as sent over the division's earlier answer: held, on what is taken.
        held.extend(back_as_sent(
            (year, i, &merged),
            a.measures(),
            before,
            &field_as_sent,
        ));
        if merged != *i.measures() {
            edits.push(Edit::SetMeasures {
                initiative: i.id,
                measures: Box::new(merged),
            });
        }
    }
    NumbersAnswered {
        edits,
        said,
        taken,
        held,
        all_as_sent,
    }
}

/// What an answer's numbers bring: the edits taking them, what they warn of, the numbers as
/// the answer has them (recorded), and the numbers it has as they were sent where the value
/// standing is the one the division's earlier answer wrote — held: each initiative's measures
/// with those put back, for the office to tick ([`super::conflict::ConflictKind::NumbersBack`]).
pub(super) struct NumbersAnswered {
    pub(super) edits: Vec<Edit>,
    pub(super) said: Vec<Warning>,
    pub(super) taken: Vec<TakenTopic>,
    pub(super) held: Vec<(crate::model::Id, Measures)>,
    /// Every number of the division's the answer holds is as it was sent.
    pub(super) all_as_sent: bool,
}

/// Records a number of an initiative as the answer has it (a hash of which number and what it
/// says, under the initiative's id among the topics' results: ids are one space); true when
/// the division's answer taken in before had it just so — the same number sent again, which
/// changes nothing, even where the office has corrected it since.
fn numbers_taken(
    taken: &mut Vec<TakenTopic>,
    before: &[TakenTopic],
    initiative: crate::model::Id,
    numbers: u64,
) -> bool {
    let this = TakenTopic {
        topic: initiative,
        results: numbers,
    };
    taken.push(this);
    before.contains(&this)
}

/// The hashes of the parts a response was sent with (none for one sent before they were kept).
fn response_sent(answer: &Report) -> super::sent::SentParts {
    answer
        .response
        .as_ref()
        .map(|r| r.sent.iter().cloned().collect())
        .unwrap_or_default()
}

/// A self-rating changed by an answer (its level or its note) is the division's, of the day
/// it is taken; one whose level and note are unchanged keeps the master's who and when (an
/// answer does not say them: a who or when edited alone was taken silently).
fn rated_by(merged: &mut Measures, master: &Measures, division: &str, on: NaiveDate) {
    let Some(new) = merged.self_rating.as_mut() else {
        return;
    };
    match master.self_rating.as_ref() {
        Some(old) if old.code == new.code && old.note == new.note => *new = old.clone(),
        _ => {
            new.by = division.to_string();
            new.on = Some(on);
        }
    }
}

/// Who rated and when as a response file changed them from what it was sent with: not taken —
/// the division and the day taken are — and said (they vanished without a word). A response
/// sent before who and when were recorded says nothing of them.
fn rater_not_taken(
    i: &crate::model::Initiative,
    (answer, merged): (&Measures, &Measures),
    sent: &super::sent::SentParts,
) -> Option<Warning> {
    use super::sent::{hash, number_key, rater};
    let written = rater(answer.self_rating.as_ref());
    let kept = rater(merged.self_rating.as_ref());
    let as_sent = sent.get(&number_key(i.id, "w"))?;
    // Left blank (an edit of the code that clears them) claims no one: nothing to say.
    if written.is_empty() || *as_sent == hash(&written) || written == kept {
        return None;
    }
    let at = MeasureAt {
        initiative: i.number.clone(),
        field: MeasureField::SelfRating,
    };
    let warning = crate::model::measure_warning::MeasureWarning::RaterNotTaken {
        at,
        old: kept,
        new: written,
    };
    Some(Warning::new(
        Location::default(),
        WarningKind::Measure { warning },
    ))
}

/// The numbers a response file gives for the report's year (an indicator's actual or first
/// half, the effect, the self-rating), each where it stands and as written; blanks left out.
/// The numbers only an answer replaced by a later one gave are listed with it (not taken).
pub(super) fn given_in_report(
    master: &Report,
    r: &Report,
    division: &str,
) -> Vec<(MeasureAt, String)> {
    let year = master.fiscal_year;
    let unit = master.measure_settings.yen_unit;
    let mut out = Vec::new();
    let at = |i: &crate::model::Initiative, field| MeasureAt {
        initiative: i.number.clone(),
        field,
    };
    for i in master
        .initiatives()
        .filter(|i| measures_division(i) == Some(division))
    {
        let Some(a) = r.initiative(i.id) else {
            continue;
        };
        let m = a.measures();
        for x in &m.indicators {
            let Some(v) = x.year(year) else { continue };
            let name = || x.name.clone();
            if !v.actual.is_blank() {
                let field = MeasureField::IndicatorActual { name: name(), year };
                out.push((at(i, field), v.actual.display()));
            }
            if !v.first_half.is_blank() {
                let field = MeasureField::IndicatorFirstHalf { name: name(), year };
                out.push((at(i, field), v.first_half.display()));
            }
        }
        if let Some(e) = m.effect(year).filter(|e| !e.actual.is_blank()) {
            out.push((
                at(i, MeasureField::EffectActual { year }),
                e.actual.display(unit),
            ));
        }
        if let Some(r) = m.self_rating.as_ref().filter(|r| !r.code.trim().is_empty()) {
            out.push((at(i, MeasureField::SelfRating), r.code.clone()));
        }
    }
    out
}

/// [`given_in_report`] of a workbook's 数値回答 rows.
pub(super) fn given_in_rows(master: &Report, rows: &[MeasureRow]) -> Vec<(MeasureAt, String)> {
    (rows.iter().filter(|r| !r.answer.trim().is_empty()))
        .filter_map(|row| {
            let i = master.initiative(row.initiative)?;
            let mut at = measure_at(i, row.what, master.fiscal_year)?;
            // The cell answers the first half's actual where that is asked.
            if let (MeasureCell::Indicator(k), MeasureField::IndicatorActual { name, year }) =
                (row.what, &at.field)
                && i.measures()
                    .indicators
                    .get(k)
                    .is_some_and(|x| first_half_asked(master, x))
            {
                let (name, year) = (name.clone(), *year);
                at.field = MeasureField::IndicatorFirstHalf { name, year };
            }
            Some((at, row.answer.trim().to_string()))
        })
        .collect()
}

/// The response workbook's sheet of numbers (数値回答): a row per indicator, one for the
/// effect of the year, one for the self-rating and one for its note (取組実績・特記), for each
/// initiative whose 所管課 the division is; only the yellow 実績 column can be typed in.
pub const SHEET: &str = "数値回答";
pub(super) const ID_COL: u16 = 5;
pub(super) const ANSWER_COL: u16 = 4;

/// One answered cell of the numbers' sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureRow {
    /// The initiative its id names (none read for [`MeasureCell::Unreadable`]).
    pub initiative: crate::model::Id,
    pub what: MeasureCell,
    /// 1-based row in the sheet, for messages.
    pub row: u32,
    pub answer: String,
    /// The row's hidden id as written (`I 6 0`), for messages.
    pub id: String,
    /// The hash of the answer cell's text as sent (`s=` in the id; none in a workbook from
    /// before it was kept): an answer still so was not changed by the division.
    pub sent: Option<u64>,
    /// The hash of the indicator's name (`n=`): the indicator it answers, should the office
    /// have removed or added one since the workbook was sent.
    pub name: Option<u64>,
    /// The hash of what the office set of the indicator (`o=`, none in a workbook from before
    /// it was kept): which of several indicators of one name the row answers.
    pub office: Option<u64>,
    /// The money unit an effect's row was sent in (`u=`, yen per unit; none in a workbook from
    /// before it was kept): the answer is read in it, whatever the report's unit is now.
    pub money_unit: Option<YenUnit>,
    /// The unit an indicator's row was sent in (`v=`, its UTF-8 in hexadecimal; none in a
    /// workbook from before it was kept, or for an indicator without one): a number typed
    /// there is in it, whatever the indicator's unit is now.
    pub shown_unit: Option<String>,
    /// The row's 項目 as the sheet has it (`効果額（百万円）`, `電子申請件数（件）`): the unit an
    /// answer was typed beside, where a workbook from before its id carried it says none.
    pub label: String,
}

/// Which number a row answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureCell {
    /// The year's actual of the initiative's indicator at this index.
    Indicator(usize),
    /// The year's actual effect, in the report's unit.
    Effect,
    SelfRating,
    /// The note beside the self-rating (取組実績・特記), taken as written.
    SelfNote,
    /// An id that names no number (changed by hand) beside an answer: said, never taken.
    Unreadable,
}

/// The initiatives whose numbers `division` answers in `response`.
fn answered_initiatives<'a>(
    response: &'a Report,
    division: &'a str,
) -> impl Iterator<Item = &'a crate::model::Initiative> {
    let scale = !response.measure_settings.rating_scale.is_empty();
    response.initiatives().filter(move |i| {
        measures_division(i) == Some(division) && (scale || !i.measures().is_empty())
    })
}

/// Whether an indicator's answer cell is its first-half actual rather than the year's: in a
/// first-half report, unless the year's is written (the cell showed the year's, blank beside a
/// first half of 150, and a number typed there stood beside the 150 as the year's); never in a
/// second-half or full-year report, whose answer is the year's (the first half's stays).
fn first_half_asked(report: &Report, x: &crate::model::measures::Indicator) -> bool {
    report.period == crate::model::Period::FirstHalf
        && x.year(report.fiscal_year)
            .is_none_or(|y| y.actual.is_blank())
}

/// Adds the numbers' sheet to a response workbook, when the division answers any.
pub(super) fn write_sheet(
    response: &Report,
    division: &str,
    book: &mut rust_xlsxwriter::Workbook,
    (base, answer, heading): (
        &rust_xlsxwriter::Format,
        &rust_xlsxwriter::Format,
        &rust_xlsxwriter::Format,
    ),
    password: &str,
) -> Result<Vec<u64>, rust_xlsxwriter::XlsxError> {
    // The hash of every text written outside the answer and id cells, kept in the hidden
    // sheet: a cell typed over (a target, an item's name, the instructions) is said.
    let mut written = Vec::new();
    if answered_initiatives(response, division).next().is_none() {
        return Ok(written);
    }
    let mut keep = |text: &str| written.push(super::sent::hash(text));
    let year = response.fiscal_year;
    let settings = &response.measure_settings;
    let unit = settings.yen_unit;
    let ws = book.add_worksheet();
    ws.set_name(SHEET)?;
    for (k, w) in [6.0, 26.0, 30.0, 16.0, 16.0].iter().enumerate() {
        ws.set_column_width(k as u16, *w)?;
    }
    ws.set_column_hidden(ID_COL)?;
    let short = year.short_form_like(year);
    let which = match response.period {
        crate::model::Period::FirstHalf => "（上半期）の実績値",
        _ => "の実績値",
    };
    let mut instructions = format!(
        "黄色の欄に{short}{which}・効果額（{}）・自己評価とその特記を入力してください。",
        unit.label()
    );
    // A division typing this year's own saving into a running total lowers the programme's.
    if settings.counting == crate::model::measures::Counting::Cumulative {
        instructions.push_str("効果額は、前年度までの効果を含めた累計で入力してください。");
    }
    ws.write_string(0, 0, &instructions)?;
    keep(&instructions);
    let headings = ["番号", "取組", "項目", "目標・計画", "実績・評価", "ID"];
    for (k, h) in headings.iter().enumerate() {
        ws.write_string_with_format(2, k as u16, *h, heading)?;
        keep(h);
    }
    // The rows under the headings (row 2).
    for (row, (cells, now, id)) in (3..).zip(sheet_lines(response, division)) {
        for (k, t) in cells.iter().enumerate() {
            ws.write_string_with_format(row, k as u16, t, base)?;
            keep(t);
        }
        ws.write_string_with_format(row, ANSWER_COL, &now, answer)?;
        // Compared as the answer will be, by what the id says of the row.
        let percent = read_id(&id)
            .is_some_and(|(_, what, h)| percent_is_format(what, h.shown_unit.as_deref()));
        let id = format!("{id} s={:x}", super::sent::hash(&canonical(&now, percent)));
        ws.write_string_with_format(row, ID_COL, &id, base)?;
    }
    ws.protect_with_password(password);
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(written)
}

/// The numbers' sheet's rows: 番号, 取組, 項目 and 目標・計画 as shown, the answer cell's text,
/// and the row's hidden id (without the answer's hash).
pub(super) fn sheet_lines(response: &Report, division: &str) -> Vec<([String; 4], String, String)> {
    let year = response.fiscal_year;
    let settings = &response.measure_settings;
    let unit = settings.yen_unit;
    let codes: Vec<&str> = settings
        .rating_scale
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let mut out = Vec::new();
    for i in answered_initiatives(response, division) {
        let m = i.measures();
        let line = |what: String, target: String, now: String, id: String| {
            let cells = [i.number.clone(), i.title.clone(), what, target];
            (cells, now, id)
        };
        let mut lines = Vec::new();
        for (k, x) in m.indicators.iter().enumerate() {
            let now = x
                .year(year)
                .map(|y| match first_half_asked(response, x) {
                    true => y.first_half.display(),
                    false => y.actual.display(),
                })
                .unwrap_or_default();
            // The year's target where written, else the final one; a target kept as written
            // (「1.2億」) shows as written, not as nothing.
            let target = x
                .year(year)
                .map(|y| &y.target)
                .filter(|t| !t.is_blank())
                .unwrap_or(&x.target)
                .display();
            let name = if x.unit.is_empty() {
                x.name.clone()
            } else {
                format!("{}（{}）", x.name, x.unit)
            };
            // The unit shown, none too (`v=`): without it, a number answered where no unit was
            // shown was read in a unit the office set since.
            let hex: String = x.unit.bytes().map(|b| format!("{b:02x}")).collect();
            let id = format!(
                "I {} {k} n={:x} o={:x} v={hex}",
                i.id.0,
                name_hash(&x.name),
                office_hash(x)
            );
            lines.push(line(name, target, now, id));
        }
        let effect = m.effect(year);
        let planned = effect.map(|e| e.planned.display(unit)).unwrap_or_default();
        let actual = effect.map(|e| e.actual.display(unit)).unwrap_or_default();
        let counted = match settings.counting {
            crate::model::measures::Counting::Cumulative => "・累計",
            crate::model::measures::Counting::SingleYear => "",
        };
        lines.push(line(
            format!("効果額（{}{counted}）", unit.label()),
            planned,
            actual,
            format!("E {} u={:x}", i.id.0, unit.yen()),
        ));
        let (rated, note) = m
            .self_rating
            .as_ref()
            .map(|r| (r.code.clone(), r.note.clone()))
            .unwrap_or_default();
        // Without a scale there are no codes to list (it read 「自己評価（）」).
        let rating = match codes.is_empty() {
            true => "自己評価".to_string(),
            false => format!("自己評価（{}）", codes.join("・")),
        };
        lines.push(line(rating, String::new(), rated, format!("R {}", i.id.0)));
        lines.push(line(
            "自己評価の特記（取組実績・特記）".to_string(),
            String::new(),
            note,
            format!("N {}", i.id.0),
        ));
        out.extend(lines);
    }
    out
}

/// The answered rows of the numbers' sheet (none when the workbook has no such sheet).
pub(super) fn read_sheet(sheet: &crate::import::sheet::Sheet) -> Vec<MeasureRow> {
    let mut rows = Vec::new();
    for r in sheet.used_rows() {
        let id = sheet.text(r, ID_COL as usize);
        let answer = sheet.text(r, ANSWER_COL as usize);
        let (initiative, what, hashes) = match read_id(id) {
            Some(read) => read,
            // A row without an id (the sheet's text, its header) answers nothing; one whose
            // id was changed into something else while it holds an answer is said.
            None if id.trim().is_empty() || id == "ID" || answer.trim().is_empty() => continue,
            None => (
                crate::model::Id(0),
                MeasureCell::Unreadable,
                IdHashes::default(),
            ),
        };
        // A bare dash for the self-rating is none, as for a number: the cell emptied (a
        // rating given before is cleared, said so by the review), never a level 「－」.
        let answer = match what {
            MeasureCell::SelfRating if crate::model::figure::is_blank(answer) => "",
            _ => answer,
        };
        rows.push(MeasureRow {
            initiative,
            what,
            row: u32::try_from(r + 1).unwrap_or(u32::MAX),
            answer: answer.to_string(),
            id: id.to_string(),
            sent: hashes.sent,
            name: hashes.name,
            office: hashes.office,
            money_unit: hashes.money_unit,
            shown_unit: hashes.shown_unit,
            label: sheet.text(r, 2).to_string(),
        });
    }
    rows
}

/// The edits taking a workbook's answered numbers into the master, and what its rows warn of:
/// only initiatives whose 所管課 the division is are changed (a row naming another's, or a
/// number the report lacks, is said and not taken); a number answered in two rows is taken
/// once when they agree, the typed one when the other is left as sent, and not at all when
/// both were typed and differ — each said, never the later row silently.
pub(super) fn from_rows(
    master: &Report,
    rows: &[MeasureRow],
    division: &str,
    (on, before): (NaiveDate, &[TakenTopic]),
) -> NumbersAnswered {
    let mut warnings = Vec::new();
    let mut changed: Vec<(crate::model::Id, Measures)> = Vec::new();
    let rows = resolved(master, rows);
    let usable = usable_rows(master, &rows, division, &mut warnings);
    // Each answer as this workbook has it: one the same as the division's answer taken in
    // before changes nothing (the office may have corrected that number since), whatever
    // else the workbook changes.
    let mut taken = Vec::new();
    let mut held: Vec<&MeasureRow> = Vec::new();
    let levels = master.measure_settings.levels();
    let as_sent =
        |row: &MeasureRow| row.sent == Some(super::sent::hash(&row.canonical(&row.answer)));
    let all_as_sent = usable.iter().all(|row| as_sent(row));
    for row in usable {
        let field = format!("{:?} {}", row.what, row.canonical(&row.answer));
        if numbers_taken(
            &mut taken,
            before,
            row.initiative,
            super::sent::hash(&field),
        ) {
            continue;
        }
        // A cell still as it was sent is not the division's answer: the master's stays, with
        // whatever the office corrected since (a blank self-rating cleared the office's). Unless
        // what stands is the division's earlier answer (typed, then cleared after 差戻し):
        // putting it back is held, for the office to tick — an untouched copy of the sent
        // workbook reads just so.
        // (A note left as sent beside a rating cleared is still said, as not taken.)
        let unrated_note = matches!(row.what, MeasureCell::SelfNote)
            && !row.answer.trim().is_empty()
            && (changed.iter().find(|(id, _)| *id == row.initiative))
                .map(|(_, m)| m)
                .or_else(|| master.initiative(row.initiative).map(|i| i.measures()))
                .is_some_and(|m| m.self_rating.is_none());
        if as_sent(row) && !unrated_note {
            if earlier_answer_stands(master, row, before) {
                held.push(row);
            }
            continue;
        }
        let Some(i) = master.initiative(row.initiative) else {
            continue;
        };
        let at = match changed.iter().position(|(id, _)| *id == i.id) {
            Some(k) => k,
            None => {
                changed.push((i.id, i.measures().clone()));
                changed.len() - 1
            }
        };
        let m = &mut changed[at].1;
        match (&row.what, &m.self_rating) {
            // A note of an unrated initiative, said and not taken (a blank one answers nothing).
            (MeasureCell::SelfNote, None) => match () {
                () if row.answer.trim().is_empty() => {}
                () => {
                    let warning =
                        crate::model::measure_warning::MeasureWarning::AnswerNoteWithoutRating {
                            initiative: i.number.clone(),
                            answer: row.answer.clone(),
                        };
                    let cell =
                        Location::cell(SHEET, row.row as usize, usize::from(ANSWER_COL) + 1, None);
                    warnings.push(Warning::new(cell, WarningKind::Measure { warning }));
                }
            },
            _ => {
                warnings.extend(answered_in_sent_unit(master, i, row));
                put_answer((master, &levels), m, row);
            }
        }
    }
    for (id, m) in &mut changed {
        if let Some(i) = master.initiative(*id) {
            rated_by(m, i.measures(), division, on);
        }
    }
    // Held on top of what is taken of the same initiative: ticking it keeps both.
    let mut put_back: Vec<(crate::model::Id, Measures)> = Vec::new();
    for row in held {
        let at = match put_back.iter().position(|(id, _)| *id == row.initiative) {
            Some(k) => k,
            None => {
                let taken = changed.iter().find(|(id, _)| *id == row.initiative);
                let Some(m) = taken
                    .map(|(_, m)| m.clone())
                    .or_else(|| (master.initiative(row.initiative)).map(|i| i.measures().clone()))
                else {
                    continue;
                };
                put_back.push((row.initiative, m));
                put_back.len() - 1
            }
        };
        put_answer((master, &levels), &mut put_back[at].1, row);
    }
    let edits = changed
        .into_iter()
        .filter(|(id, m)| master.initiative(*id).is_some_and(|i| i.measures() != m))
        .map(|(initiative, m)| Edit::SetMeasures {
            initiative,
            measures: Box::new(m),
        })
        .collect();
    NumbersAnswered {
        edits,
        said: warnings,
        taken,
        held: put_back,
        all_as_sent,
    }
}

/// The rows that may be taken: each naming a number of the division's own initiatives, once.
const LISTED_CHARS: usize = crate::model::text::LISTED_CHARS;

fn usable_rows<'r>(
    master: &Report,
    rows: &'r [MeasureRow],
    division: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<&'r MeasureRow> {
    use crate::model::measure_warning::MeasureWarning as W;
    let mut warn = |row: &MeasureRow, warning: W| {
        let cell = Location::cell(SHEET, row.row as usize, usize::from(ANSWER_COL) + 1, None);
        warnings.push(Warning::new(cell, WarningKind::Measure { warning }));
    };
    let mut out: Vec<&MeasureRow> = Vec::new();
    // Each number's first row, with its answer as compared (made once: a 10 MB answer repeated
    // on a thousand rows was normalised and copied a thousand times, gigabytes).
    // (And whether it is as sent, found once: a 10 MB answer was read again beside each of a
    // thousand rows naming its number.)
    let mut first: HashMap<(crate::model::Id, MeasureCell), (usize, String, bool)> = HashMap::new();
    let mut differing = HashSet::new();
    // A row still as sent answers nothing: one of a number gone is not said, and beside a row
    // of the same number that was typed in it is not a second answer.
    // (A blank cell sent with a number in it clears it: that is typed.)
    let as_sent = |row: &MeasureRow| match row.sent {
        Some(sent) => sent == super::sent::hash(&row.canonical(&row.answer)),
        None => row.answer.trim().is_empty(),
    };
    for row in rows {
        let no_such = || W::NoSuchNumber {
            id: crate::model::text::clipped(row.id.trim(), LISTED_CHARS),
            answer: crate::model::text::clipped(&row.answer, LISTED_CHARS),
        };
        if row.what == MeasureCell::Unreadable || master.initiative(row.initiative).is_none() {
            if !as_sent(row) && !row.answer.trim().is_empty() {
                warn(row, no_such());
            }
            continue;
        }
        let Some(i) = master.initiative(row.initiative) else {
            continue;
        };
        let owner = measures_division(i);
        if owner != Some(division) {
            let warning = W::NotTheDivisions {
                initiative: i.number.clone(),
                owner: owner.map(str::to_string),
                answer: crate::model::text::clipped(&row.answer, LISTED_CHARS),
            };
            warn(row, warning);
            continue;
        }
        let Some(at) = measure_at(i, row.what, master.fiscal_year) else {
            warn(row, no_such());
            continue;
        };
        let key = (row.initiative, row.what);
        let Some((k, compared, earlier_as_sent)) = first.get(&key) else {
            first.insert(key, (out.len(), normalize(row.answer.trim()), as_sent(row)));
            out.push(row);
            continue;
        };
        let earlier = out[*k];
        let same = *compared == normalize(row.answer.trim());
        // One row left as sent beside one typed in (a row copied, or the twin of a removed
        // indicator in a workbook from before `o=`): the typed one is the answer.
        let both = || (*earlier_as_sent, as_sent(row));
        let typed = match () {
            () if same => None,
            () if both() == (false, true) => Some(earlier.row),
            () if both() == (true, false) => {
                let k = *k;
                out[k] = row;
                first.insert(key, (k, normalize(row.answer.trim()), false));
                Some(row.row)
            }
            _ => {
                differing.insert(key);
                None
            }
        };
        let clipped = |text: &str| crate::model::text::clipped(text, LISTED_CHARS);
        let warning = W::AnsweredTwice {
            at,
            rows: [earlier.row, row.row],
            answers: [clipped(&earlier.answer), clipped(&row.answer)],
            same,
            typed,
        };
        warn(row, warning);
    }
    out.retain(|r| !differing.contains(&(r.initiative, r.what)));
    out
}

/// Which of the initiative's numbers a row answers, in the words of a warning (`None`: an
/// indicator it does not have).
fn measure_at(
    i: &crate::model::Initiative,
    what: MeasureCell,
    year: FiscalYear,
) -> Option<MeasureAt> {
    let field = match what {
        MeasureCell::Indicator(k) => MeasureField::IndicatorActual {
            name: i.measures().indicators.get(k)?.name.clone(),
            year,
        },
        MeasureCell::Effect => MeasureField::EffectActual { year },
        MeasureCell::SelfRating => MeasureField::SelfRating,
        MeasureCell::SelfNote => MeasureField::SelfNote,
        MeasureCell::Unreadable => return None,
    };
    Some(MeasureAt {
        initiative: i.number.clone(),
        field,
    })
}

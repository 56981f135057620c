//! A rating layer's cells: its code (or the committee's comment), who gave it and when
//! (評価者, 評価日: of the layer written just left of them), and the note written beside a
//! rating (木津川市's 取組実績・特記欄, the self-rating's `note`; 本部評価・特記, the review's);
//! each code settled
//! against the scale once every sheet is read. What has no rating to go with, and a date that
//! does not read, are kept unread with a warning, never dropped.

use super::super::sheet::Sheet;
use super::{Column, Reading};
use crate::model::UnreadText;
use crate::model::diag::Location;
use crate::model::measure_warning::MeasureWarning;
use crate::model::measures::{Comment, Measures, Rating};

/// The who and when of `layer` (`None` when the row has no such layer).
fn by_and_on(
    m: &mut Measures,
    layer: Option<Column>,
) -> Option<(&mut String, &mut Option<chrono::NaiveDate>)> {
    match layer? {
        Column::SelfRating => m.self_rating.as_mut().map(|r| (&mut r.by, &mut r.on)),
        Column::Review => m.review.as_mut().map(|r| (&mut r.by, &mut r.on)),
        Column::Comment => m.comment.as_mut().map(|c| (&mut c.by, &mut c.on)),
        _ => None,
    }
}

impl Reading<'_> {
    /// A layer's cell of initiative `(s, k)`: a rating's code (checked against the scale
    /// once it is known), or the committee's comment.
    pub(super) fn layer(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        (s, k): (usize, usize),
        col: Column,
        text: String,
    ) {
        // As written, spaces too: `A 良好に進捗` (or ` A `) becomes `A` only once the scale is
        // known ([`settle_rating_codes`]).
        let code = text.clone();
        let m = self.report.sections[s].initiatives[k].measures_mut();
        let slot = match col {
            Column::SelfRating => &mut m.self_rating,
            Column::Review => &mut m.review,
            _ => {
                // The committee's comments on one initiative (an 意見一覧表 of several rows):
                // each kept, a line apiece.
                match m.comment.as_mut() {
                    Some(c) if !c.text.trim().is_empty() => {
                        c.text.push('\n');
                        c.text.push_str(&text);
                    }
                    _ => {
                        m.comment = Some(Comment {
                            text,
                            ..Comment::default()
                        })
                    }
                }
                return;
            }
        };
        // A second rating of the layer (評価 and 評価（年度末）, or two rows): the first is
        // kept, the other kept unread and said, never one written over the other.
        if let Some(first) = slot.as_ref().filter(|f| !f.code.trim().is_empty()) {
            if first.code.trim() != code.trim() {
                let warning = MeasureWarning::RatingTwice {
                    review: col == Column::Review,
                    kept: first.code.clone(),
                    other: code,
                };
                self.warn(sheet, r, c, warning);
                self.report.unread.push(UnreadText { row: r + 1, text });
            }
            return;
        }
        *slot = Some(Rating {
            code: code.clone(),
            ..Rating::default()
        });
        let at = Location::cell(&sheet.name, r + 1, c + 1, None);
        self.ratings.push((code, at));
    }

    /// 評価者 / 評価日 (`col`) set on the layer written just left of them (`layer`) of
    /// initiative `(s, k)`. Without such a layer on the row the text is kept unread with a
    /// warning; a date that does not read is kept unread and said.
    pub(super) fn rated_by_on(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        (s, k): (usize, usize),
        (layer, col): (Option<Column>, Column),
        text: String,
    ) {
        let date = crate::model::era::read_date(&text);
        let m = self.report.sections[s].initiatives[k].measures_mut();
        let Some((by, on)) = by_and_on(m, layer) else {
            self.keep_unread(sheet, (r, c), text);
            return;
        };
        match (col, date) {
            (Column::RatedBy, _) => *by = text,
            (_, Some(date)) => *on = Some(date),
            (_, None) => {
                self.warn(
                    sheet,
                    r,
                    c,
                    MeasureWarning::DateNotRead { text: text.clone() },
                );
                self.report.unread.push(UnreadText { row: r + 1, text });
            }
        }
    }

    /// A note beside a rating (取組実績・特記欄 the self-rating's, 本部評価・特記 the review's:
    /// `col`), joined to what an earlier row of the initiative wrote. Without that rating it is
    /// kept unread, with a warning.
    pub(super) fn rating_note(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        (s, k): (usize, usize),
        col: Column,
        text: String,
    ) {
        let m = self.report.sections[s].initiatives[k].measures_mut();
        let layer = match col {
            Column::ReviewNote => m.review.as_mut(),
            _ => m.self_rating.as_mut(),
        };
        let Some(rating) = layer else {
            let warning = MeasureWarning::NoteWithoutRating {
                text: text.clone(),
                review: col == Column::ReviewNote,
            };
            self.warn(sheet, r, c, warning);
            self.report.unread.push(UnreadText { row: r + 1, text });
            return;
        };
        if !rating.note.is_empty() {
            rating.note.push('\n');
        }
        rating.note.push_str(&text);
    }
}

/// Each rating read, its code settled against the scale now that every sheet is read.
pub(super) fn settle_rating_codes(reading: &mut Reading<'_>) {
    let settings = reading.report.measure_settings.clone();
    let settings = settings.levels();
    for i in reading
        .report
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.initiatives)
    {
        if let Some(m) = i.measures.as_mut() {
            for r in [m.self_rating.as_mut(), m.review.as_mut()]
                .into_iter()
                .flatten()
            {
                r.code = settings.settled_code(&r.code);
            }
        }
    }
    for (code, _) in &mut reading.ratings {
        *code = settings.settled_code(code);
    }
}

//! An answer cell as compared with what was sent (the hash in its row's hidden id): a number
//! as its value and unit, whatever way it was typed.

use super::{MeasureCell, MeasureRow};
use crate::model::text::normalize;

/// An answer cell as compared with what was sent: its number and unit when it reads as one
/// (`３３．３` is `33.3`), else its text without white space. `percent_is_format`: see
/// [`percent_is_format`].
pub(super) fn canonical(text: &str, percent_is_format: bool) -> String {
    match crate::model::figure::read(text) {
        // `12.5%` in a cell formatted as a percentage is the 12.5 typed as sent.
        Ok(Some(r)) if r.unit == "%" && percent_is_format => r.value.to_string(),
        Ok(Some(r)) => format!("{}{}", r.value, r.unit),
        _ => normalize(text),
    }
}

/// Whether a `%` after an answer is its cell's percentage format rather than a unit of its
/// own: on the row of an indicator sent in %, or of one a workbook from before kept no unit
/// for. `95%` answered for an indicator sent in 件 is not the 95 件 sent (it was taken as the
/// number left as sent, and the answer as a whole as untouched).
pub(super) fn percent_is_format(what: MeasureCell, shown_unit: Option<&str>) -> bool {
    matches!(what, MeasureCell::Indicator(_)) && shown_unit.is_none_or(|u| normalize(u) == "%")
}

impl MeasureRow {
    /// A text of this row's (its answer, or the number standing) as compared with what was
    /// sent: see [`canonical`].
    pub(super) fn canonical(&self, text: &str) -> String {
        canonical(
            text,
            percent_is_format(self.what, self.shown_unit.as_deref()),
        )
    }
}

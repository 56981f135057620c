//! Opening a report from disk: a Shinchoku `.ron` file (checked, what was repaired said) or a
//! report table or workbook (imported), with what reading it warns of.

use std::path::Path;

use crate::model::Report;
use crate::model::diag::{FileError, Warning};

/// A report opened from disk, and what was noticed reading it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub report: Report,
    pub warnings: Vec<Warning>,
    /// It came from a report table, not a Shinchoku file: saving should not overwrite it.
    pub imported: bool,
    /// What the `.ron` file was when read, to tell before saving whether it changed since.
    pub disk: Option<crate::store::disk::Fingerprint>,
}

/// Opens a Shinchoku `.ron` file, or imports a report table or a workbook (`.xlsx`, `.xls`,
/// `.ods`), by what the file holds.
pub fn open_report(path: &Path) -> Result<Opened, FileError> {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        let loaded = crate::store::open_checked(path)?;
        // What opening repaired comes first, then what the report itself warns of.
        // Only next_id, links and texts read again are repaired; every other broken rule
        // refuses the file.
        let mut warnings = crate::store::repair_warnings(&loaded.report, &loaded.repaired);
        warnings.extend(crate::model::check::warnings(&loaded.report));
        return Ok(Opened {
            report: loaded.report,
            warnings,
            imported: false,
            disk: Some(loaded.fingerprint),
        });
    }
    if let Some(e) = answer_not_report(path) {
        return Err(e);
    }
    let (report, mut warnings) = crate::import::import_file(path)?;
    warnings.extend(crate::model::measure_check::report_wide_warnings(&report));
    // What the model's check finds that reading the table does not: months outside the
    // period or of another year, 予定 over months passed, a month in a note or outside
    // brackets (the table was quiet
    // where the same report as a `.ron` warned).
    // Only the months are looked at again: every row kept unread was warned of by the reader,
    // and making its warning a second time to drop it took a 10 MB table of five million of
    // them to 1.6 GB (0.34 GB without).
    warnings.extend(crate::model::check::month_warnings_kept(&report, &|kind| {
        use crate::model::diag::WarningKind as W;
        matches!(
            kind,
            W::MonthsOutsidePeriod { .. }
                | W::MonthInNote { .. }
                | W::ScheduledOverPassed { .. }
                | W::UnreadableMonths {
                    reason: crate::model::months::MonthProblem::OutsideBracket,
                    ..
                }
        )
    }));
    Ok(Opened {
        report,
        warnings,
        imported: true,
        disk: None,
    })
}

/// A division's answer opened as a report: said as one, before the report's reader goes
/// through every cell of it (it was said to hold no report table, naming the answer's hidden
/// sheet; a crafted one of eight million formulas took 6 s to say so).
fn answer_not_report(path: &Path) -> Option<FileError> {
    let is_xlsx = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"));
    let bytes = crate::model::diag::read_input(path)
        .ok()
        .filter(|_| is_xlsx)?;
    if !crate::survey::workbook::is_response_workbook(&bytes) {
        return None;
    }
    let division = (crate::survey::workbook::read(&bytes))
        .map(|answered| answered.response.division)
        .unwrap_or_default();
    Some(FileError {
        path: path.to_path_buf(),
        kind: crate::model::diag::FileErrorKind::AnswerNotReport { division },
    })
}

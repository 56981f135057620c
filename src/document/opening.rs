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
    let (report, mut warnings) =
        crate::import::import_file(path).map_err(|e| answer_or(path, e))?;
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

/// A workbook that reads as no report: a division's answer is said as one (it was said to hold
/// no report table, naming the answer's hidden sheet), anything else as `e`.
fn answer_or(path: &Path, e: FileError) -> FileError {
    let is_xlsx = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"));
    if !(is_xlsx && matches!(e.kind, crate::model::diag::FileErrorKind::Import(_))) {
        return e;
    }
    let Ok(bytes) = crate::model::diag::read_input(path) else {
        return e;
    };
    let division = match crate::survey::workbook::read(&bytes) {
        Ok(answered) => answered.response.division,
        Err(_) if crate::survey::workbook::is_response_workbook(&bytes) => String::new(),
        Err(_) => return e,
    };
    FileError {
        kind: crate::model::diag::FileErrorKind::AnswerNotReport { division },
        ..e
    }
}

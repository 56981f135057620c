//! What each cell of a row says in words: the text column's text, the 担当課, the status.

use crate::grid::{self, GridRow, Standings};
use crate::model::{Report, Side};

/// What the status column says for a row, and whether it is a row's own status (larger):
/// initiative and topic status, a plan line's status, 計画外 for a result reporting nothing
/// planned. Late ones are marked with ! so they read without colour.
pub(super) fn status_label(
    report: &Report,
    standings: &Standings,
    row: GridRow,
) -> Option<(String, bool)> {
    let standing = standings.of_row(row)?;
    let (status, strong) = match row {
        GridRow::Initiative { .. } => (standing.initiative().japanese(), true),
        GridRow::Topic { topic, .. } => (standing.topic(topic)?.japanese(), true),
        GridRow::Entry { .. } if standings.is_unplanned(report, row) => ("計画外", false),
        GridRow::Entry {
            side: Side::Plan, ..
        } => (standings.plan_line(report, row)?.japanese(), false),
        _ => return None,
    };
    let late = status == "遅れ";
    Some((
        if late {
            format!("!{status}")
        } else {
            status.to_string()
        },
        strong,
    ))
}

/// The text a row prints in the text column, and whether it is bold.
pub(super) fn row_text(report: &Report, row: GridRow) -> (String, bool) {
    match row {
        GridRow::Section { section: s } => {
            let sec = &report.sections[s];
            (format!("{} {}", sec.numeral, sec.title), true)
        }
        GridRow::Initiative {
            section: s,
            initiative: i,
        } => {
            let ini = &report.sections[s].initiatives[i];
            (
                format!("{} {}", ini.label, ini.title).trim().to_string(),
                true,
            )
        }
        GridRow::Lane {
            section: s,
            initiative: i,
            item,
            lane,
        } => {
            let it = &report.sections[s].initiatives[i].items[item];
            if lane == 0 {
                (it.display_name(), false)
            } else {
                ("└".to_string(), false)
            }
        }
        GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        } => {
            let topic = &report.sections[s].initiatives[i].topics[t];
            (
                topic
                    .heading
                    .as_ref()
                    .map_or_else(|| "（見出しなし）".to_string(), |h| format!("<{h}>")),
                false,
            )
        }
        GridRow::Entry { .. } => {
            // Printed as written: the full text, months and counts included.
            (grid::shown_text(report, row).unwrap_or_default(), false)
        }
        // Their text is the comparison's (Geometry::removed), set in measure_row.
        GridRow::Removed { .. } => (String::new(), false),
    }
}

pub(super) fn row_division(report: &Report, row: GridRow) -> String {
    match row {
        GridRow::Initiative {
            section: s,
            initiative: i,
        } => report.sections[s].initiatives[i].all_divisions().join("、"),
        GridRow::Topic {
            section: s,
            initiative: i,
            topic: t,
        } => {
            let ini = &report.sections[s].initiatives[i];
            ini.division_names(&ini.topics[t])
        }
        _ => String::new(),
    }
}

//! Hostile files found by the seventh attack, each kept with what must hold now.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::MAX_CELL_TAGS;
use shinchoku::model::diag::WarningKind;

const STAGE: &str = "<td>検討</td> <td colspan=\"3\">順次実施</td>";

/// Millions of bare `<td>` in one 工程 cell: each tag read cost tens of bytes (84 MB of them
/// took 2 GB to check). Past [`MAX_CELL_TAGS`] the cell is kept as written, unread, and said;
/// the rest of the table reads as before, and a cell at the bound is still read.
#[test]
fn a_cell_of_more_tags_than_are_read_is_kept_unread_and_said() {
    assert!(crate::SEED.contains(STAGE));
    let flood = "<td>".repeat(MAX_CELL_TAGS);
    let table = crate::SEED.replacen(STAGE, &format!("{flood}{STAGE}"), 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    let over: Vec<_> = (imported.warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::CellTooManyTags { .. }))
        .collect();
    assert_eq!(over.len(), 1);
    let said = over[0].describe(Lang::Ja);
    assert!(said.contains("工程"), "{said}");
    assert!(
        said.contains("タグが100000個を超えてあり、読みません"),
        "{said}"
    );
    let kept = &imported.report.unread;
    assert!(
        kept.iter()
            .any(|u| u.text.contains(&flood) && u.text.contains("順次実施"))
    );
    assert_eq!(imported.report.initiative_count(), 11);

    let at_bound = "<td>".repeat(MAX_CELL_TAGS - 60);
    let table = crate::SEED.replacen(STAGE, &format!("{at_bound}{STAGE}"), 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    assert!(
        !(imported.warnings.iter()).any(|w| matches!(w.kind, WarningKind::CellTooManyTags { .. }))
    );
}

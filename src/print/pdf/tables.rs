//! The tables of the tagged PDF: the grid (a heading row, a body per section, a row per
//! printed row) and the tables after it (the 集計表 and those with it), each under its title.

use krilla::tagging::{self, Node, TableHeaderScope, Tag, TagGroup};

use super::column_index;
use crate::grid::GridRow;
use crate::print::{PrintLayout, SummaryPart, TableColumn, TableInfo};

/// The grid as a table: its heading row, then a body per section, a row per printed row —
/// the section's and each initiative's title a row header.
pub(super) fn table(
    layout: &PrintLayout,
    headings: [Vec<Node>; 9],
    cells: Vec<[Vec<Node>; 9]>,
) -> TagGroup {
    let mut headings = headings.map(Some);
    let mut head_row = TagGroup::new(Tag::TR);
    for column in &layout.columns {
        let nodes = headings[column_index(*column)].take().unwrap_or_default();
        head_row.push(TagGroup::with_children(
            Tag::TH(TableHeaderScope::Column),
            nodes,
        ));
    }
    let mut table = TagGroup::new(Tag::Table);
    table.push(TagGroup::with_children(Tag::THead, vec![head_row.into()]));
    let mut body = TagGroup::new(Tag::TBody);
    for (row, cells) in layout.rows.iter().zip(cells) {
        if matches!(row, GridRow::Section { .. }) && !body.children.is_empty() {
            table.push(std::mem::replace(&mut body, TagGroup::new(Tag::TBody)));
        }
        let mut cells = cells.map(Some);
        let mut tr = TagGroup::with_children(Tag::TR, Vec::with_capacity(layout.columns.len()));
        for column in &layout.columns {
            let nodes = cells[column_index(*column)].take().unwrap_or_default();
            let row_header = *column == TableColumn::Text
                && matches!(row, GridRow::Section { .. } | GridRow::Initiative { .. });
            let cell: tagging::TagKind = if row_header {
                Tag::TH(TableHeaderScope::Row).into()
            } else {
                Tag::TD.into()
            };
            tr.push(TagGroup::with_children(cell, nodes));
        }
        body.push(tr);
    }
    if !body.children.is_empty() {
        table.push(body);
    }
    table
}

/// What a table after the grid was painted as: marked content per part.
pub(super) struct SummaryNodes {
    title: Vec<Node>,
    headings: Vec<Vec<Node>>,
    /// By row, by column.
    cells: Vec<Vec<Vec<Node>>>,
    notes: Vec<Node>,
}

impl SummaryNodes {
    pub(super) fn new(info: &TableInfo) -> SummaryNodes {
        SummaryNodes {
            title: Vec::new(),
            headings: vec![Vec::new(); info.columns],
            cells: vec![vec![Vec::new(); info.columns]; info.rows],
            notes: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, part: SummaryPart, node: Node) {
        let slot = match part {
            SummaryPart::Title => Some(&mut self.title),
            SummaryPart::Heading { column } => self.headings.get_mut(column),
            SummaryPart::Cell { row, column } => {
                self.cells.get_mut(row).and_then(|r| r.get_mut(column))
            }
            SummaryPart::Note => Some(&mut self.notes),
        };
        if let Some(slot) = slot {
            slot.push(node);
        }
    }

    /// The title as `heading`, the table (a heading row of column headers; each row's first
    /// cell its row header) and the notes as a paragraph.
    pub(super) fn finish(self, heading: tagging::TagKind) -> Vec<TagGroup> {
        let mut out = vec![TagGroup::with_children(heading, self.title)];
        let mut head_row = TagGroup::new(Tag::TR);
        for nodes in self.headings {
            head_row.push(TagGroup::with_children(
                Tag::TH(TableHeaderScope::Column),
                nodes,
            ));
        }
        let mut table = TagGroup::new(Tag::Table);
        table.push(TagGroup::with_children(Tag::THead, vec![head_row.into()]));
        let mut body = TagGroup::new(Tag::TBody);
        for row in self.cells {
            let mut tr = TagGroup::new(Tag::TR);
            for (column, nodes) in row.into_iter().enumerate() {
                let cell: tagging::TagKind = if column == 0 {
                    Tag::TH(TableHeaderScope::Row).into()
                } else {
                    Tag::TD.into()
                };
                tr.push(TagGroup::with_children(cell, nodes));
            }
            body.push(tr);
        }
        table.push(body);
        out.push(table);
        if !self.notes.is_empty() {
            out.push(TagGroup::with_children(Tag::P, self.notes));
        }
        out
    }
}

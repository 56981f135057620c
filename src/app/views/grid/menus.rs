//! The grid's right-click menu: add, reorder and delete, as edit commands.

use egui::Response;

use super::{GridView, edit_target};
use crate::app::command::{AppCommand, ViewCommand};
use crate::edit::Intent;
use crate::grid::{self, GridRow};
use crate::model::{Id, Side};

impl GridView<'_> {
    pub(super) fn context_menu(
        &self,
        response: &Response,
        row: GridRow,
        out: &mut Vec<AppCommand>,
    ) {
        let initiative = grid::initiative_of(self.report, row);
        response.context_menu(|ui| {
            for (label, command) in self.menu_items(row) {
                match command {
                    None => {
                        ui.separator();
                    }
                    Some(command) => {
                        if ui.button(label).clicked() {
                            out.push(command);
                            ui.close();
                        }
                    }
                }
            }
        });
        if let Some(i) = initiative
            && response.secondary_clicked()
        {
            out.push(ViewCommand::Select(i.id).into());
        }
    }

    /// Where the row can be moved within its list, and how to delete it.
    pub(super) fn reorder_and_delete(
        &self,
        row: GridRow,
        entry: Option<&crate::model::Entry>,
    ) -> (Option<Reorder>, Option<Intent>) {
        let report = self.report;
        match (row, entry) {
            (
                GridRow::Entry {
                    side,
                    entry: ei,
                    sub,
                    ..
                },
                Some(e),
            ) => {
                let Some(topic) = grid::topic_of(report, row) else {
                    return (None, None);
                };
                let list = topic.entries(side);
                let len = sub.map_or(list.len(), |_| list.get(ei).map_or(0, |x| x.subs.len()));
                (
                    Some(Reorder {
                        at: sub.unwrap_or(ei),
                        len,
                        id: e.id,
                        entry: true,
                    }),
                    Some(Intent::RemoveEntry { id: e.id }),
                )
            }
            (GridRow::Topic { topic: k, .. }, _) => {
                let Some(initiative) = grid::initiative_of(report, row) else {
                    return (None, None);
                };
                let topics = &initiative.topics;
                let Some(id) = topics.get(k).map(|t| t.id) else {
                    return (None, None);
                };
                (
                    Some(Reorder {
                        at: k,
                        len: topics.len(),
                        id,
                        entry: false,
                    }),
                    Some(Intent::RemoveTopic { id }),
                )
            }
            _ => (None, None),
        }
    }

    /// The right-click menu of a row: (label, command), `None` for a separator.
    pub(super) fn menu_items(&self, row: GridRow) -> Vec<(&'static str, Option<AppCommand>)> {
        let t = self.t();
        let report = self.report;
        let mut items: Vec<(&'static str, Option<AppCommand>)> = Vec::new();
        let mut add = |label, command: AppCommand| items.push((label, Some(command)));
        if let Some(target) = edit_target(report, row) {
            add(t.edit_text, ViewCommand::StartEditing(target).into());
        }
        let topic_id = grid::topic_of(report, row).map(|t| t.id);
        let entry = grid::entry_of(report, row);
        if let Some(topic) = topic_id {
            for (label, side) in [(t.add_actual, Side::Actual), (t.add_plan, Side::Plan)] {
                if crate::model::answering::may_add(report, topic, side) {
                    add(label, ViewCommand::OpenNewEntry { topic, side }.into());
                }
            }
        }
        if let (
            Some(e),
            GridRow::Entry {
                side: Side::Plan,
                sub: None,
                ..
            },
        ) = (entry, row)
        {
            add(t.done_as_planned, Intent::DoneAsPlanned { id: e.id }.into());
        }
        if let Some(i) = grid::initiative_of(report, row) {
            let heading = Some(t.new_heading.to_string());
            let initiative = i.id;
            add(
                t.add_topic,
                Intent::AddTopic {
                    initiative,
                    heading,
                }
                .into(),
            );
        }
        let (moves, delete) = self.reorder_and_delete(row, entry);
        if let Some(Reorder { at, len, id, entry }) = moves {
            items.push(("", None));
            let step = |by: isize| -> AppCommand {
                if entry {
                    Intent::MoveEntry { id, by }.into()
                } else {
                    Intent::MoveTopic { id, by }.into()
                }
            };
            if at > 0 {
                items.push((t.move_up, Some(step(-1))));
            }
            if at + 1 < len {
                items.push((t.move_down, Some(step(1))));
            }
        }
        if let Some(delete) = delete {
            items.push(("", None));
            items.push((t.delete, Some(delete.into())));
        }
        items
    }
}

/// Where a row stands in the list it can be moved in.
pub(super) struct Reorder {
    at: usize,
    len: usize,
    id: Id,
    /// An entry (else a topic).
    entry: bool,
}

//! The detail panel: everything written for the selected initiative, as written, with the
//! selected entry's editor and a field to add entries under each heading.

use egui::{Panel, RichText, ScrollArea, TextEdit, Ui};

use super::widgets::{
    actual_name, describe_timing, feedback_label, line_status_name, status_badge, status_name,
    timing_feedback,
};
use super::{EntryEditor, NewEntry, ViewState, typed_in};
use crate::app::Prefs;
use crate::app::command::{Action, AppCommand, PrefsCommand, ViewCommand};
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::{Lang, Texts};
use crate::app::ime::{Composition, committed_text};
use crate::app::state::view::ViewModel;
use crate::document::Document;
use crate::edit::Intent;
use crate::lang::Describe;
use crate::model::answering::may_add;
use crate::model::entry_text::read_entry;
use crate::model::links;
use crate::model::months::parse_timing;
use crate::model::text::visible;
use crate::model::{Entry, Initiative, Report, Section, Side, Topic};

/// What the panel reads of the window's state besides the document.
pub struct Seen<'a> {
    /// The report as this frame sees it: where its initiatives stand is asked of it.
    pub frame: crate::app::state::open::ReportFrame<'a>,
    pub view: &'a ViewModel,
    pub prefs: &'a Prefs,
    pub composition: &'a Composition,
}

pub fn show(
    ui: &mut Ui,
    lang: Lang,
    doc: &Document,
    seen: Seen,
    drafts: &mut ViewState,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    let t = lang.texts();
    let Seen { view, prefs, .. } = seen;
    if view.new_entry().is_none() {
        drafts.new_entry = None;
    }
    // The frame's revision changes with another file opened too: an editor's draft of one
    // report is never taken for an entry of the next that has its id.
    let revision = seen.frame.revision;
    let panel = DetailPanel {
        lang,
        t,
        frame: seen.frame,
        report: doc.report(),
        revision,
        view,
        composition: seen.composition,
    };
    if prefs.detail_folded() {
        folded(ui, t, &mut out);
        // Folded, a selected entry's editor comes up in a window of its own, if so chosen.
        if prefs.detail_popup() && view.selected_entry().is_some() {
            let mut open = true;
            egui::Window::new(t.detail_title)
                .open(&mut open)
                .default_width(prefs.detail_width())
                .show(ui.ctx(), |ui| {
                    ScrollArea::vertical()
                        .max_height(ui.ctx().content_rect().height() * 0.7)
                        .show(ui, |ui| panel.contents(ui, drafts, &mut out));
                });
            if !open {
                out.push(ViewCommand::ClearEntry.into());
            }
        }
        return out;
    }
    let shown = Panel::right("detail")
        .resizable(true)
        .default_size(prefs.detail_width())
        .min_size(220.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(t.detail_title);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let fold = ui
                        .button("▶")
                        .on_hover_text(Action::ToggleDetail.hint(ui.ctx(), t.detail_fold));
                    if fold.clicked() {
                        out.push(Action::ToggleDetail.into());
                    }
                });
            });
            ui.separator();
            ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| panel.contents(ui, drafts, &mut out));
        });
    // The width the user dragged it to is remembered.
    let width = shown.response.rect.width();
    if (width - prefs.detail_width()).abs() > 1.0 {
        out.push(PrefsCommand::SetDetailWidth(width).into());
    }
    out
}

/// The folded panel: a narrow strip whose button unfolds it.
fn folded(ui: &mut Ui, t: &Texts, out: &mut Vec<AppCommand>) {
    Panel::right("detail-folded")
        .resizable(false)
        .exact_size(28.0)
        .show(ui, |ui| {
            let unfold = ui
                .button("◀")
                .on_hover_text(Action::ToggleDetail.hint(ui.ctx(), t.detail_unfold));
            if unfold.clicked() {
                out.push(Action::ToggleDetail.into());
            }
            ui.add(egui::Label::new(t.detail_unfold).wrap());
        });
}

/// The most entries of one side of a topic the panel lists: every entry is a widget drawn
/// each frame, and one topic of 300,000 results took 0.8 s a frame. The rest are in the grid
/// (and a selected one's editor is shown above the list all the same).
const LISTED_ENTRIES: usize = 500;

struct DetailPanel<'a> {
    lang: Lang,
    t: &'static Texts,
    frame: crate::app::state::open::ReportFrame<'a>,
    report: &'a Report,
    revision: u64,
    view: &'a ViewModel,
    composition: &'a Composition,
}

impl DetailPanel<'_> {
    fn contents(&self, ui: &mut Ui, drafts: &mut ViewState, out: &mut Vec<AppCommand>) {
        let report = self.report;
        let found = report.sections.iter().find_map(|s| {
            s.initiatives
                .iter()
                .find(|i| Some(i.id) == self.view.selected())
                .map(|i| (s, i))
        });
        let Some((section, initiative)) = found else {
            ui.label(self.t.detail_empty);
            return;
        };
        if let Some(entry) = self.view.selected_entry().and_then(|id| report.entry(id)) {
            self.entry_editor(ui, entry, drafts, out);
            self.links(ui, initiative, entry, out);
            ui.separator();
        }
        self.header(ui, section, initiative);
        for topic in &initiative.topics {
            self.topic(ui, initiative, topic, drafts, out);
        }
    }

    fn header(&self, ui: &mut Ui, section: &Section, initiative: &Initiative) {
        let t = self.t;
        ui.label(RichText::new(format!("{} {}", section.numeral, section.title)).small());
        ui.label(
            RichText::new(format!(
                "{}. {} {}",
                initiative.number, initiative.label, initiative.title
            ))
            .family(egui::FontFamily::Name(BOLD_FAMILY.into()))
            .size(16.0),
        );
        ui.horizontal(|ui| {
            ui.label(format!("{}:", t.col_status));
            let status = self.frame.standing_of(initiative).initiative();
            status_badge(ui, status, self.lang);
        });
        ui.label(format!(
            "{}: {}",
            t.divisions,
            initiative.all_divisions().join("、")
        ));
        super::measures::detail_ratings(ui, self.lang, self.report, initiative);
        ui.add_space(6.0);
        ui.label(RichText::new(t.stages).strong());
        let fy = self.report.fiscal_year;
        for item in &initiative.items {
            let spans: Vec<String> = item
                .lanes
                .iter()
                .flatten()
                .map(|s| format!("{} {}", s.years_text(fy), s.display()))
                .collect();
            ui.label(format!("{}：{}", item.display_name(), spans.join(" / ")));
        }
    }

    fn topic(
        &self,
        ui: &mut Ui,
        initiative: &Initiative,
        topic: &Topic,
        drafts: &mut ViewState,
        out: &mut Vec<AppCommand>,
    ) {
        let t = self.t;
        ui.add_space(8.0);
        ui.separator();
        let heading = topic
            .heading
            .as_ref()
            .map_or_else(|| t.no_heading.to_string(), |h| format!("<{h}>"));
        ui.label(RichText::new(heading).strong());
        ui.horizontal(|ui| {
            let d = initiative.division_names(topic);
            if !d.is_empty() {
                ui.label(RichText::new(format!("{}: {d}", t.divisions)).small());
            }
            let index = initiative.topics.iter().position(|x| x.id == topic.id);
            let standing = self.frame.standing_of(initiative);
            if let Some(status) = index.and_then(|k| standing.topic(k)) {
                let name = status_name(status, self.lang);
                ui.label(RichText::new(format!("{}: {name}", t.col_status)).small());
            }
        });
        let actual_name = actual_name(self.report.period, self.lang);
        for (side, name) in [(Side::Plan, t.plan), (Side::Actual, actual_name.as_str())] {
            ui.label(RichText::new(format!("【{name}】")).strong());
            let entries = topic.entries(side);
            for entry in entries.iter().take(LISTED_ENTRIES) {
                self.entry_text(ui, entry, out);
            }
            if let Some(more) = entries.len().checked_sub(LISTED_ENTRIES).filter(|n| *n > 0) {
                ui.label(RichText::new(format!("… {more} {}", t.detail_more)).small());
            }
            if self.view.new_entry() == Some((topic.id, side)) {
                let stale = drafts
                    .new_entry
                    .as_ref()
                    .is_none_or(|n| (n.topic, n.side) != (topic.id, side));
                if stale {
                    drafts.new_entry = Some(NewEntry {
                        topic: topic.id,
                        side,
                        buffer: String::new(),
                        focus: true,
                    });
                }
                self.new_entry_field(ui, drafts, out);
            } else if may_add(self.report, topic.id, side) {
                let label = match side {
                    Side::Plan => t.add_plan,
                    Side::Actual => t.add_actual,
                };
                if ui.small_button(format!("＋ {label}")).clicked() {
                    let topic = topic.id;
                    out.push(ViewCommand::OpenNewEntry { topic, side }.into());
                }
            }
        }
    }

    fn entry_text(&self, ui: &mut Ui, entry: &Entry, out: &mut Vec<AppCommand>) {
        let t = self.t;
        let bullet = if entry.bullet { "・" } else { "" };
        let text = format!("{bullet}{}", visible(&entry.text));
        let is_selected = self.view.selected_entry() == Some(entry.id);
        if ui.selectable_label(is_selected, text).clicked() {
            out.push(ViewCommand::SelectEntry(entry.id).into());
        }
        let mut facts = Vec::new();
        let counts: Vec<&str> = entry
            .subs
            .iter()
            .flat_map(|s| s.counts.iter())
            .chain(entry.counts.iter())
            .map(|c| c.raw.as_str())
            .collect();
        if !counts.is_empty() {
            facts.push(format!("{}: {}", t.counts, counts.join("・")));
        }
        if !entry.notes.is_empty() {
            facts.push(format!("{}: {}", t.notes, entry.notes.join(" / ")));
        }
        if entry.unreadable_when() {
            let when = entry.when.as_deref().unwrap_or("");
            facts.push(format!("{}: {when}", t.unreadable_months));
        }
        for f in facts {
            ui.label(RichText::new(format!("　{f}")).small());
        }
    }

    fn entry_editor(
        &self,
        ui: &mut Ui,
        entry: &Entry,
        drafts: &mut ViewState,
        out: &mut Vec<AppCommand>,
    ) {
        let t = self.t;
        let refusals = self.view.refusals();
        let stale = drafts
            .entry_editor
            .as_ref()
            .is_none_or(|e| e.entry != entry.id || e.refusals != refusals);
        // Another entry selected: what was typed for the one before is applied, as the grid's
        // editor applies on clicking elsewhere (it was dropped without a word).
        let left = (drafts.entry_editor.as_ref()).filter(|e| e.entry != entry.id);
        if let Some((editor, before)) =
            left.and_then(|e| self.report.entry(e.entry).map(|b| (e, b)))
        {
            out.extend(typed_in(editor, before, self.lang));
        }
        if !crate::model::answering::entry_editable(self.report, entry.id) {
            self.entry_shown(ui, entry, out);
            drafts.entry_editor = None;
            return;
        }
        let filled = (entry.text.clone(), entry.when.clone().unwrap_or_default());
        if stale {
            drafts.entry_editor = Some(EntryEditor {
                entry: entry.id,
                revision: self.revision,
                refusals,
                text: filled.0.clone(),
                months: filled.1.clone(),
                filled,
            });
        } else if let Some(e) = drafts.entry_editor.as_mut()
            && e.revision != self.revision
        {
            // The report changed under the fields: each not typed in shows it as it is now.
            if e.text == e.filled.0 {
                e.text = filled.0.clone();
            }
            if e.months == e.filled.1 {
                e.months = filled.1.clone();
            }
            e.filled = filled;
            e.revision = self.revision;
        }
        let Some(editor) = drafts.entry_editor.as_mut() else {
            return;
        };
        ui.label(RichText::new(t.selected_entry).strong());
        let label = ui.label(t.entry_text);
        let response = ui
            .add(
                // A field per entry: its undo takes back what was typed for this entry, not
                // the text of the one selected before (which it brought back, to be applied here).
                TextEdit::multiline(&mut editor.text)
                    .id_salt(("entry-text", entry.id))
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        let text_changed = editor.text.trim() != entry.text;
        let ctrl_enter = response.lost_focus()
            && ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter));
        let apply = ui
            .add_enabled(text_changed, egui::Button::new(t.apply))
            .clicked();
        if apply || (ctrl_enter && text_changed) {
            let (id, text) = (entry.id, editor.text.clone());
            out.push(Intent::SetEntryText { id, text }.into());
        }
        self.months_field(ui, entry, editor, out);
        self.entry_buttons(ui, entry, out);
    }

    /// A response's entry beyond its division's results: shown, with why it is not editable,
    /// and no field to type in that the core would refuse.
    fn entry_shown(&self, ui: &mut Ui, entry: &Entry, out: &mut Vec<AppCommand>) {
        let t = self.t;
        ui.label(RichText::new(t.selected_entry).strong());
        ui.add(egui::Label::new(entry.text.as_str()).selectable(true));
        ui.label(RichText::new(t.entry_not_yours).small().italics());
        let own_plan = (self.report.entry_place(entry.id)).is_some_and(|p| {
            p.parent.is_none()
                && crate::model::answering::may_add(self.report, p.topic, Side::Actual)
        });
        if own_plan && ui.button(t.done_as_planned).clicked() {
            out.push(Intent::DoneAsPlanned { id: entry.id }.into());
        }
    }

    fn months_field(
        &self,
        ui: &mut Ui,
        entry: &Entry,
        editor: &mut EntryEditor,
        out: &mut Vec<AppCommand>,
    ) {
        let t = self.t;
        let label = ui.label(t.months_field);
        let mut committed = String::new();
        ui.horizontal(|ui| {
            let response = ui
                .add(
                    TextEdit::singleline(&mut editor.months)
                        .id_salt(("entry-months", entry.id))
                        .desired_width(180.0)
                        .hint_text(t.months_hint),
                )
                .labelled_by(label.id);
            if self.view.focus_months() {
                response.request_focus();
                out.push(ViewCommand::MonthsFocused.into());
            }
            // While a reading is being composed only what is confirmed is read back, and
            // nothing is applied until the composition ends.
            let composing = self.composition.composing_in(response.id);
            committed = committed_text(ui.ctx(), response.id, &editor.months, composing);
            let parsed = if committed.trim().is_empty() {
                Ok(None)
            } else {
                parse_timing(&committed).map(Some)
            };
            let changed = editor.months.trim() != entry.when.as_deref().unwrap_or("");
            let submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ready = changed && parsed.is_ok() && !composing;
            let clicked = ui.add_enabled(ready, egui::Button::new(t.apply)).clicked();
            if (clicked || (submit && changed))
                && let Ok(timing) = parsed
            {
                out.push(
                    Intent::SetEntryTiming {
                        id: entry.id,
                        timing,
                    }
                    .into(),
                );
            }
        });
        feedback_label(ui, t, timing_feedback(t, self.lang, &committed));
    }

    fn entry_buttons(&self, ui: &mut Ui, entry: &Entry, out: &mut Vec<AppCommand>) {
        let t = self.t;
        let id = entry.id;
        if let Some(timing) = &entry.timing {
            let mut scheduled = timing.scheduled;
            if ui.checkbox(&mut scheduled, t.scheduled_check).changed() {
                out.push(Intent::SetScheduled { id, scheduled }.into());
            }
        }
        ui.horizontal(|ui| {
            let is_plan = self
                .report
                .entry_place(id)
                .is_some_and(|p| p.side == Side::Plan && p.parent.is_none());
            if is_plan && ui.button(t.done_as_planned).clicked() {
                out.push(Intent::DoneAsPlanned { id }.into());
            }
            if ui.button(t.delete).clicked() {
                out.push(Intent::RemoveEntry { id }.into());
            }
        });
    }

    /// For a result, the plan lines it reports (unlink, or link another); for a plan line,
    /// where it stands and the results that report it.
    fn links(
        &self,
        ui: &mut Ui,
        initiative: &Initiative,
        entry: &Entry,
        out: &mut Vec<AppCommand>,
    ) {
        let t = self.t;
        let Some(place) = self.report.entry_place(entry.id) else {
            return;
        };
        ui.add_space(4.0);
        if place.side == Side::Plan {
            if let Some(status) = self.frame.standing_of(initiative).line(entry.id) {
                let name = line_status_name(status, self.lang);
                ui.label(RichText::new(format!("{}: {name}", t.col_status)).strong());
            }
            ui.label(RichText::new(t.reported_by).strong());
            let reported = links::reported_by(initiative);
            match reported.get(&entry.id) {
                Some(results) => {
                    for r in results {
                        ui.label(RichText::new(format!("・{}", r.text)).small());
                    }
                }
                None => {
                    ui.label(RichText::new(t.nothing_reported).small());
                }
            }
            return;
        }
        ui.label(RichText::new(t.linked_plans).strong());
        let result = entry.id;
        for plan in &entry.reports {
            let text = self.report.entry(*plan).map_or("?", |e| e.text.as_str());
            ui.horizontal_wrapped(|ui| {
                if ui.small_button(t.unlink).clicked() {
                    out.push(
                        Intent::Unlink {
                            result,
                            plan: *plan,
                        }
                        .into(),
                    );
                }
                ui.label(RichText::new(text).small());
            });
        }
        if entry.reports.is_empty() {
            ui.label(RichText::new(t.no_link).small());
        }
        let label = ui.label(RichText::new(t.link_to).small());
        egui::ComboBox::from_id_salt("link-plan")
            .selected_text("")
            .width(260.0)
            .show_ui(ui, |ui| {
                for (_, line) in links::plan_lines(initiative) {
                    if entry.reports.contains(&line.id) {
                        continue;
                    }
                    if ui.selectable_label(false, &line.text).clicked() {
                        out.push(
                            Intent::Link {
                                result,
                                plan: line.id,
                            }
                            .into(),
                        );
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }

    fn new_entry_field(&self, ui: &mut Ui, drafts: &mut ViewState, out: &mut Vec<AppCommand>) {
        let t = self.t;
        let Some(NewEntry {
            topic,
            side,
            buffer,
            focus,
        }) = drafts.new_entry.as_mut()
        else {
            return;
        };
        let name = match side {
            Side::Plan => t.add_plan,
            Side::Actual => t.add_actual,
        };
        let label = ui.label(name);
        let response = ui
            .add(
                TextEdit::singleline(buffer)
                    .id_salt(("new-entry", *topic, *side))
                    .desired_width(f32::INFINITY)
                    .hint_text(t.new_entry_hint),
            )
            .labelled_by(label.id);
        if std::mem::take(focus) {
            response.request_focus();
            // Opened from the grid's menu, the field may be below the panel's fold.
            response.scroll_to_me(Some(egui::Align::Center));
        }
        // Read back as the 時期 field is: the confirmed text only.
        let composing = self.composition.composing_in(response.id);
        let committed = committed_text(ui.ctx(), response.id, buffer, composing);
        let mut problems = Vec::new();
        let preview = read_entry(
            committed.trim().trim_start_matches('・'),
            true,
            &mut problems,
        );
        match (&preview.timing, problems.first()) {
            (_, Some(p)) => feedback_label(ui, t, Err(p.describe(self.lang))),
            (Some(timing), None) => feedback_label(ui, t, Ok(describe_timing(t, timing))),
            (None, None) => feedback_label(ui, t, Ok(t.no_months.to_string())),
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let escape = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
        ui.horizontal(|ui| {
            if (ui.button(t.apply).clicked() || enter) && !buffer.trim().is_empty() {
                let (topic, side, text) = (*topic, *side, buffer.clone());
                out.push(Intent::AddEntry { topic, side, text }.into());
            }
            if ui.button(t.cancel).clicked() || escape {
                out.push(ViewCommand::CancelEditing.into());
            }
        });
    }
}

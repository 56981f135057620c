//! The detail panel: everything written for the selected initiative, as written, with the
//! selected entry's editor and a field to add entries under each heading.

use egui::{Color32, Panel, RichText, ScrollArea, TextEdit, Ui};

use super::grid::{status_badge, status_name};
use super::{EntryEditor, NewEntry, ViewState};
use crate::app::command::AppCommand;
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::{Lang, Texts};
use crate::edit::{Edit, find_entry, locate_entry, with_scheduled, with_timing};
use crate::import::cell::parse_entry;
use crate::model::months::{Timing, TimingKind, parse_timing};
use crate::model::status::{initiative_status, topic_status};
use crate::model::{Entry, Id, Report, Side};

pub struct DetailView<'a> {
    pub report: &'a Report,
    pub revision: u64,
    pub selected: Option<Id>,
    pub selected_entry: Option<Id>,
    pub lang: Lang,
    pub state: &'a mut ViewState,
}

impl DetailView<'_> {
    pub fn show(self, ui: &mut Ui) -> Vec<AppCommand> {
        let mut out = Vec::new();
        let t = self.lang.texts();
        Panel::right("detail")
            .resizable(true)
            .default_size(320.0)
            .min_size(240.0)
            .show(ui, |ui| {
                ui.heading(t.detail_title);
                ui.separator();
                ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| self.contents(ui, t, &mut out));
            });
        out
    }

    fn contents(self, ui: &mut Ui, t: &Texts, out: &mut Vec<AppCommand>) {
        let report = self.report;
        let found = report.sections.iter().find_map(|s| {
            s.initiatives
                .iter()
                .find(|i| Some(i.id) == self.selected)
                .map(|i| (s, i))
        });
        let Some((section, initiative)) = found else {
            ui.label(t.detail_empty);
            return;
        };
        if let Some(id) = self.selected_entry
            && let Some(entry) = find_entry(report, id)
        {
            entry_editor(ui, t, report, entry, self.revision, self.state, out);
            ui.separator();
        }
        let as_of = report.as_of();
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
            status_badge(ui, initiative_status(initiative, as_of), self.lang);
        });
        ui.label(format!(
            "{}: {}",
            t.divisions,
            initiative.all_divisions().join("、")
        ));
        ui.add_space(6.0);
        ui.label(RichText::new(t.stages).strong());
        let fy = report.fiscal_year;
        for item in &initiative.items {
            let spans: Vec<String> = item
                .lanes
                .iter()
                .flatten()
                .map(|s| format!("{} {}", s.years_text(fy), s.display()))
                .collect();
            ui.label(format!(
                "{}{}：{}",
                if item.ticked { "□" } else { "" },
                item.name,
                spans.join(" / ")
            ));
        }
        for topic in &initiative.topics {
            ui.add_space(8.0);
            ui.separator();
            let heading = topic
                .heading
                .as_ref()
                .map_or_else(|| t.no_heading.to_string(), |h| format!("<{h}>"));
            ui.label(RichText::new(heading).strong());
            ui.horizontal(|ui| {
                if let Some(d) = initiative.division_of(topic) {
                    ui.label(RichText::new(format!("{}: {d}", t.divisions)).small());
                }
                let status = topic_status(topic, as_of);
                ui.label(
                    RichText::new(format!(
                        "{}: {}",
                        t.col_status,
                        status_name(status, self.lang)
                    ))
                    .small(),
                );
            });
            let actual_name = actual_heading(report, self.lang);
            for (side, name, list) in [
                (Side::Plan, t.plan, &topic.plan),
                (Side::Actual, actual_name.as_str(), &topic.actual),
            ] {
                ui.label(RichText::new(format!("【{name}】")).strong());
                for entry in list {
                    entry_text(ui, t, entry, self.selected_entry, out);
                }
                let open = self
                    .state
                    .new_entry
                    .as_ref()
                    .is_some_and(|n| n.topic == topic.id && n.side == side);
                if open {
                    new_entry_field(ui, t, self.state, out);
                } else {
                    let label = match side {
                        Side::Plan => t.add_plan,
                        Side::Actual => t.add_actual,
                    };
                    if ui.small_button(format!("＋ {label}")).clicked() {
                        out.push(AppCommand::OpenNewEntry {
                            topic: topic.id,
                            side,
                        });
                    }
                }
            }
        }
    }
}

/// 上半期実績 / 下半期実績 / 通期実績: the heading follows the report's period.
pub fn actual_heading(report: &Report, lang: Lang) -> String {
    use crate::model::Period;
    let t = lang.texts();
    let period = match report.period {
        Period::FirstHalf => t.period_first,
        Period::SecondHalf => t.period_second,
        Period::FullYear => t.period_full,
    };
    match lang {
        Lang::Ja => format!("{period}{}", t.actual),
        Lang::En => format!("{} ({period})", t.actual),
    }
}

fn entry_text(
    ui: &mut Ui,
    t: &Texts,
    entry: &Entry,
    selected: Option<Id>,
    out: &mut Vec<AppCommand>,
) {
    let bullet = if entry.bullet { "・" } else { "" };
    let text = format!("{bullet}{}", entry.text);
    let is_selected = selected == Some(entry.id);
    if ui.selectable_label(is_selected, text).clicked() {
        out.push(AppCommand::SelectEntry(entry.id));
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
        facts.push(format!(
            "{}: {}",
            t.unreadable_months,
            entry.when.as_deref().unwrap_or("")
        ));
    }
    for f in facts {
        ui.label(RichText::new(format!("　{f}")).small());
    }
}

/// What a month expression was read as, for feedback while typing.
pub fn timing_feedback(t: &Texts, expression: &str) -> Result<String, String> {
    let expression = expression.trim();
    if expression.is_empty() {
        return Ok(t.no_months.to_string());
    }
    parse_timing(expression)
        .map(|timing| describe_timing(t, &timing))
        .map_err(|e| e.reason)
}

fn describe_timing(t: &Texts, timing: &Timing) -> String {
    let mut s = match timing.kind {
        TimingKind::AsNeeded => t.as_needed.to_string(),
        _ => format!(
            "{}（{}{}）",
            timing.months.to_japanese(),
            timing.months.len(),
            t.months_count
        ),
    };
    if timing.open_end {
        s.push_str(" →");
    }
    if timing.scheduled {
        s.push_str(&format!(" {}", t.scheduled));
    }
    s
}

fn feedback_label(ui: &mut Ui, t: &Texts, result: Result<String, String>) {
    match result {
        Ok(text) => ui.label(RichText::new(format!("{}: {text}", t.understood)).small()),
        Err(why) => ui.label(
            RichText::new(why)
                .small()
                .color(Color32::from_rgb(0xb0, 0, 0)),
        ),
    };
}

fn entry_editor(
    ui: &mut Ui,
    t: &Texts,
    report: &Report,
    entry: &Entry,
    revision: u64,
    state: &mut ViewState,
    out: &mut Vec<AppCommand>,
) {
    let stale = state
        .entry_editor
        .as_ref()
        .is_none_or(|e| e.entry != entry.id || e.revision != revision);
    if stale {
        state.entry_editor = Some(EntryEditor {
            entry: entry.id,
            revision,
            text: entry.text.clone(),
            months: entry.when.clone().unwrap_or_default(),
        });
    }
    let Some(editor) = state.entry_editor.as_mut() else {
        return;
    };
    ui.label(RichText::new(t.selected_entry).strong());
    let label = ui.label(t.entry_text);
    let response = ui
        .add(
            TextEdit::multiline(&mut editor.text)
                .id_salt("entry-text")
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let text_changed = editor.text.trim() != entry.text;
    if ui
        .add_enabled(text_changed, egui::Button::new(t.apply))
        .clicked()
        || (response.lost_focus()
            && text_changed
            && ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter)))
    {
        out.push(AppCommand::SetEntryText {
            id: entry.id,
            text: editor.text.clone(),
        });
    }

    let label = ui.label(t.months_field);
    ui.horizontal(|ui| {
        let response = ui
            .add(
                TextEdit::singleline(&mut editor.months)
                    .id_salt("entry-months")
                    .desired_width(180.0)
                    .hint_text(t.months_hint),
            )
            .labelled_by(label.id);
        let parsed = if editor.months.trim().is_empty() {
            Ok(None)
        } else {
            parse_timing(&editor.months).map(Some)
        };
        let changed = editor.months.trim() != entry.when.as_deref().unwrap_or("");
        let submit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(changed && parsed.is_ok(), egui::Button::new(t.apply))
            .clicked();
        if (clicked || (submit && changed))
            && let Ok(timing) = parsed
        {
            out.push(AppCommand::Edit(Edit::ReplaceEntry {
                entry: with_timing(entry, timing),
            }));
        }
    });
    feedback_label(ui, t, timing_feedback(t, &editor.months));

    if let Some(timing) = &entry.timing {
        let mut scheduled = timing.scheduled;
        if ui.checkbox(&mut scheduled, t.scheduled_check).changed() {
            out.push(AppCommand::Edit(Edit::ReplaceEntry {
                entry: with_scheduled(entry, scheduled),
            }));
        }
    }
    ui.horizontal(|ui| {
        let is_plan = locate_entry(report, entry.id)
            .is_ok_and(|(_, side, parent, _)| side == Side::Plan && parent.is_none());
        if is_plan && ui.button(t.done_as_planned).clicked() {
            out.push(AppCommand::DoneAsPlanned { id: entry.id });
        }
        if ui.button(t.delete).clicked() {
            out.push(AppCommand::Edit(Edit::RemoveEntry { id: entry.id }));
        }
    });
}

fn new_entry_field(ui: &mut Ui, t: &Texts, state: &mut ViewState, out: &mut Vec<AppCommand>) {
    let Some(NewEntry {
        topic,
        side,
        buffer,
        focus,
    }) = state.new_entry.as_mut()
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
                .id_salt("new-entry")
                .desired_width(f32::INFINITY)
                .hint_text(t.new_entry_hint),
        )
        .labelled_by(label.id);
    if std::mem::take(focus) {
        response.request_focus();
    }
    let mut problems = Vec::new();
    let preview = parse_entry(buffer.trim().trim_start_matches('・'), true, &mut problems);
    match (&preview.timing, problems.first()) {
        (_, Some(p)) => feedback_label(ui, t, Err(p.clone())),
        (Some(timing), None) => feedback_label(ui, t, Ok(describe_timing(t, timing))),
        (None, None) => feedback_label(ui, t, Ok(t.no_months.to_string())),
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let escape = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
    ui.horizontal(|ui| {
        if (ui.button(t.apply).clicked() || enter) && !buffer.trim().is_empty() {
            out.push(AppCommand::AddEntry {
                topic: *topic,
                side: *side,
                text: buffer.clone(),
            });
        }
        if ui.button(t.cancel).clicked() || escape {
            state_close(out);
        }
    });
}

fn state_close(out: &mut Vec<AppCommand>) {
    out.push(AppCommand::CancelEditing);
}

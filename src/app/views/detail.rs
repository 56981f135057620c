//! The detail panel: everything written for the selected initiative, as written.

use egui::{Panel, RichText, ScrollArea, Ui};

use crate::app::command::AppCommand;
use crate::app::fonts::BOLD_FAMILY;
use crate::app::i18n::Texts;
use crate::model::{Entry, Id, Report};

pub fn show(ui: &mut Ui, t: &Texts, report: &Report, selected: Option<Id>) -> Vec<AppCommand> {
    Panel::right("detail")
        .resizable(true)
        .default_size(340.0)
        .min_size(240.0)
        .show(ui, |ui| {
            ui.heading(t.detail_title);
            ui.separator();
            let found = report.sections.iter().find_map(|s| {
                s.initiatives
                    .iter()
                    .find(|i| Some(i.id) == selected)
                    .map(|i| (s, i))
            });
            let Some((section, initiative)) = found else {
                ui.label(t.detail_empty);
                return;
            };
            ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                ui.label(RichText::new(format!("{} {}", section.numeral, section.title)).small());
                ui.label(
                    RichText::new(format!(
                        "{}. {} {}",
                        initiative.number, initiative.label, initiative.title
                    ))
                    .family(egui::FontFamily::Name(BOLD_FAMILY.into()))
                    .size(16.0),
                );
                ui.label(format!(
                    "{}: {}",
                    t.divisions,
                    initiative.all_divisions().join("、")
                ));
                ui.add_space(6.0);
                ui.label(RichText::new(t.stages).strong());
                for item in &initiative.items {
                    let spans: Vec<String> = item
                        .lanes
                        .iter()
                        .flatten()
                        .map(|s| {
                            let fy = report.fiscal_year;
                            let years = if s.first == s.last {
                                s.first.short_form_like(fy)
                            } else {
                                format!(
                                    "{}～{}",
                                    s.first.short_form_like(fy),
                                    s.last.short_form_like(fy)
                                )
                            };
                            format!("{years} {}", s.display())
                        })
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
                    if let Some(d) = initiative.division_of(topic) {
                        ui.label(RichText::new(format!("{}: {d}", t.divisions)).small());
                    }
                    for (name, list) in [(t.plan, &topic.plan), (t.actual, &topic.actual)] {
                        if list.is_empty() {
                            continue;
                        }
                        ui.label(RichText::new(format!("【{name}】")).strong());
                        for entry in list {
                            entry_text(ui, t, entry);
                        }
                    }
                }
            });
        });
    Vec::new()
}

fn entry_text(ui: &mut Ui, t: &Texts, entry: &Entry) {
    let bullet = if entry.bullet { "・" } else { "" };
    ui.label(format!("{bullet}{}", entry.text));
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

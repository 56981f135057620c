//! The survey (照会) in the window: the banner over a division's response file, the 照会 form,
//! the review of answers before they are taken in, and the 提出状況 panel.

use egui::{Color32, Context, Panel, RichText, ScrollArea, Ui};

use super::ViewState;
use super::widgets::color;
use crate::app::command::{AppCommand, SurveyCommand};
use crate::app::i18n::{Lang, Texts};
use crate::app::state::survey::{Review, SendForm, SurveyState};
use crate::compare::change_list;
use crate::lang::Describe;
use crate::model::Report;
use crate::model::text::visible;
use crate::palette::ERROR_TEXT;
use crate::survey::Collection;
use crate::survey::StatusKey;
use crate::survey::send::Formats;
use crate::survey::status::StatusRow;

/// Over a response: whom it is for, by when, what the office asked, and what may be edited.
pub fn banner(ui: &mut Ui, t: &Texts, report: &Report) {
    let Some(response) = &report.response else {
        return;
    };
    Panel::top("response-banner").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{}: {}", t.response_banner, response.division)).strong(),
            );
            if let Some(due) = response.due {
                ui.separator();
                ui.label(
                    RichText::new(format!("{} {}", t.status_due, due.format("%Y-%m-%d")))
                        .strong()
                        .color(color(ERROR_TEXT)),
                );
            }
            if !response.note.is_empty() {
                ui.separator();
                ui.label(&response.note);
            }
            ui.separator();
            ui.label(RichText::new(t.response_scope).small());
        });
    });
}

/// The 照会 form: due date, note, which files; 送る asks for the folder.
pub fn form(
    ctx: &Context,
    lang: Lang,
    state: &SurveyState,
    drafts: &mut ViewState,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    if !state.form_open() {
        drafts.survey_form = None;
        return out;
    }
    let t = lang.texts();
    let form = drafts.survey_form.get_or_insert_with(SendForm::default);
    let mut open = true;
    // Wide enough for its choices (両方 was cut off), below the menu bar.
    egui::Window::new(t.survey_form_title)
        .open(&mut open)
        .collapsible(false)
        .default_pos([48.0, 72.0])
        .min_width(460.0)
        .show(ctx, |ui| {
            egui::Grid::new("survey-form")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label(t.survey_due);
                    ui.text_edit_singleline(&mut form.due).labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(t.survey_note);
                    ui.text_edit_multiline(&mut form.note).labelled_by(label.id);
                    ui.end_row();
                    ui.label(t.survey_formats);
                    ui.horizontal(|ui| {
                        for (f, name) in [
                            (Formats::Ron, t.survey_ron),
                            (Formats::Workbook, t.survey_xlsx),
                            (Formats::Both, t.survey_both),
                        ] {
                            ui.radio_value(&mut form.formats, f, name);
                        }
                    });
                    ui.end_row();
                });
            if let Some(why) = state.form_problem() {
                ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
            }
            ui.horizontal(|ui| {
                if ui.button(t.survey_send).clicked() {
                    out.push(SurveyCommand::Submit(form.clone()).into());
                }
                if ui.button(t.cancel).clicked() {
                    out.push(SurveyCommand::CloseForm.into());
                }
            });
        });
    if !open {
        out.push(SurveyCommand::CloseForm.into());
    }
    out
}

/// What the answers would change, what is refused, what lies outside each division's part
/// (ticked to be taken in too); 取り込む takes it all in as one step.
pub fn review(ctx: &Context, lang: Lang, review: Option<&Review>) -> Vec<AppCommand> {
    let mut out = Vec::new();
    let Some(review) = review else {
        return out;
    };
    let t = lang.texts();
    let c = &review.collection;
    let mut open = true;
    egui::Window::new(t.review_title)
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                taken_list(ui, lang, c);
                warnings_list(ui, lang, review);
                refused_list(ui, lang, c);
                conflict_list(ui, lang, review, &mut out);
            });
            ui.separator();
            ui.horizontal(|ui| {
                let any = !c.taken.is_empty() || review.accept.iter().any(|a| *a);
                if ui
                    .add_enabled(any, egui::Button::new(t.review_take_in))
                    .clicked()
                {
                    out.push(SurveyCommand::TakeIn.into());
                }
                if ui.button(t.cancel).clicked() {
                    out.push(SurveyCommand::CancelReview.into());
                }
            });
        });
    if !open {
        out.push(SurveyCommand::CancelReview.into());
    }
    out
}

/// How many topics' results an answer changes, as `collect` says it: none as none (「0 見出し」
/// read as a change).
fn topics_changed(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Ja, 0) => "実績の変更なし".into(),
        (Lang::Ja, n) => format!("見出し{n}件の実績を変更"),
        (Lang::En, 0) => "no results changed".into(),
        (Lang::En, 1) => "results of 1 topic changed".into(),
        (Lang::En, n) => format!("results of {n} topics changed"),
    }
}

/// Each answer taken in: its division, how many topics it changes, and the change list.
fn taken_list(ui: &mut Ui, lang: Lang, c: &Collection) {
    let t = lang.texts();
    ui.label(RichText::new(t.review_taken).strong());
    for taken in &c.taken {
        let head = format!(
            "{} — {}: {}",
            taken.file,
            taken.division,
            topics_changed(taken.changed_topics.len(), lang)
        );
        ui.label(visible(&head).into_owned());
        if !taken.changed_numbers.is_empty() {
            ui.label(format!(
                "{} {}",
                taken.changed_numbers.len(),
                t.review_numbers
            ));
        }
        if taken.resubmission || !taken.replaces.is_empty() {
            ui.label(RichText::new(t.review_resubmission).small());
        }
        if !taken.replaces.is_empty() {
            let files = visible(&taken.replaces.join(", ")).into_owned();
            ui.label(RichText::new(format!("{} {files}", t.review_replaces)).small());
        }
        if !taken.dropped.is_empty() {
            ui.label(RichText::new(t.review_dropped).small());
            for line in &taken.dropped {
                ui.label(RichText::new(format!("  {}", visible(line))).small());
            }
        }
        if !taken.dropped_numbers.is_empty() {
            ui.label(RichText::new(t.review_dropped_numbers).small());
            for (at, value) in &taken.dropped_numbers {
                let line = format!("  {}: {}", at.describe(lang), visible(value));
                ui.label(RichText::new(line).small());
            }
        }
        if let Some(diff) = &taken.difference {
            for line in change_list(diff, lang).iter().filter(|l| l.depth == 2) {
                ui.label(RichText::new(format!("  {}", visible(&line.text))).small());
            }
        }
    }
}

/// What the results taken in warn of (months that cannot be read, outside the period …, and
/// characters that do not show, each by its mark).
fn warnings_list(ui: &mut Ui, lang: Lang, review: &Review) {
    let c = &review.collection;
    if c.warnings.is_empty() && review.invisible.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(lang.texts().review_warnings).strong());
    for w in &c.warnings {
        ui.label(visible(&w.describe(lang)).into_owned());
    }
    for w in &review.invisible {
        ui.label(visible(&w.describe(lang)).into_owned());
    }
}

fn refused_list(ui: &mut Ui, lang: Lang, c: &Collection) {
    if c.refused.is_empty() {
        return;
    }
    ui.separator();
    ui.label(
        RichText::new(lang.texts().review_refused)
            .strong()
            .color(color(ERROR_TEXT)),
    );
    for (file, why) in &c.refused {
        ui.label(visible(&format!("{file}: {}", why.describe(lang))).into_owned());
    }
}

/// Changes outside each division's part, with a tick box where one can be taken in.
fn conflict_list(ui: &mut Ui, lang: Lang, review: &Review, out: &mut Vec<AppCommand>) {
    let c = &review.collection;
    if c.conflicts().is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(lang.texts().review_conflicts).strong());
    for (k, conflict) in c.conflicts().iter().enumerate() {
        let mut ticked = review.accept[k];
        let text = visible(&conflict.describe(lang)).into_owned();
        if ui
            .add_enabled(
                conflict.acceptable(),
                egui::Checkbox::new(&mut ticked, text),
            )
            .clicked()
        {
            out.push(SurveyCommand::ToggleConflict(k).into());
        }
    }
}

/// 提出状況: a row per 担当課, sortable by its headings, overdue in red; 差戻し with a note;
/// CSV for reminders.
pub fn status_panel(
    ui: &mut Ui,
    lang: Lang,
    state: &SurveyState,
    (rows, in_response): (&[StatusRow], bool),
    drafts: &mut ViewState,
) -> Vec<AppCommand> {
    let mut out = Vec::new();
    if !state.status_open() {
        return out;
    }
    let t = lang.texts();
    Panel::bottom("survey-status")
        .resizable(true)
        .default_size(220.0)
        .show(ui, |ui| {
            // A division's response has no 提出状況 of its own, and no survey is sent from it:
            // the panel said 「まだ照会していません（ファイル → 担当課へ照会…）」, which is refused there.
            if in_response {
                ui.heading(t.survey_status);
                ui.label(t.status_in_response);
                return;
            }
            ui.horizontal(|ui| {
                ui.heading(t.survey_status);
                if ui.button(t.status_csv).clicked() {
                    out.push(SurveyCommand::ExportStatus.into());
                }
                if ui.button(t.status_pdf).clicked() {
                    out.push(SurveyCommand::PrintStatus.into());
                }
            });
            if rows.iter().all(|r| r.sent.is_none()) {
                ui.label(t.status_empty);
            }
            ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("survey-status-grid")
                    .striped(true)
                    .num_columns(8)
                    .show(ui, |ui| {
                        for (key, name) in [
                            (StatusKey::Division, t.status_division),
                            (StatusKey::Standing, t.status_standing),
                            (StatusKey::Sent, t.status_sent),
                            (StatusKey::Due, t.status_due),
                            (StatusKey::Received, t.status_received),
                            (StatusKey::Results, t.status_results),
                            (StatusKey::Overdue, t.status_overdue),
                        ] {
                            let marker = match state.sort() {
                                Some((k, false)) if k == key => " ▲",
                                Some((k, true)) if k == key => " ▼",
                                _ => "",
                            };
                            if ui.button(format!("{name}{marker}")).clicked() {
                                out.push(SurveyCommand::Sort(key).into());
                            }
                        }
                        ui.label("");
                        ui.end_row();
                        for row in rows {
                            status_row(ui, lang, row, &mut out);
                        }
                    });
            });
            send_back_field(ui, t, state, drafts, &mut out);
        });
    out
}

fn status_row(ui: &mut Ui, lang: Lang, row: &StatusRow, out: &mut Vec<AppCommand>) {
    let t = lang.texts();
    let red = |text: String| {
        if row.overdue {
            RichText::new(text).color(color(ERROR_TEXT)).strong()
        } else {
            RichText::new(text)
        }
    };
    let date = |d: Option<chrono::NaiveDateTime>| {
        d.map_or("—".to_string(), |d| d.format("%m/%d %H:%M").to_string())
    };
    ui.label(red(row.division.clone()));
    ui.label(red(row.standing.name(lang)));
    ui.label(date(row.sent));
    ui.label(red(row
        .due
        .map_or("—".into(), |d| d.format("%Y-%m-%d").to_string())));
    let received = match &row.received_file {
        Some(file) => format!("{} ({file})", date(row.received)),
        None => date(row.received),
    };
    ui.label(received);
    ui.label(format!("{} / {}", row.with_result, row.topics));
    ui.label(if row.overdue {
        RichText::new(format!("! {}", t.status_overdue))
            .color(color(ERROR_TEXT))
            .strong()
    } else {
        RichText::new("")
    });
    // Only an answer is sent back (on one not yet answered the button only refused).
    if row.received.is_some() && ui.small_button(t.send_back).clicked() {
        out.push(SurveyCommand::StartSendBack(Some(row.division.clone())).into());
    }
    ui.end_row();
    if let Some(note) = &row.sent_back_note {
        ui.label("");
        ui.label(
            RichText::new(format!("{}: {}", t.send_back_note, visible(note)))
                .small()
                .color(Color32::from_gray(0x60)),
        );
        ui.end_row();
    }
}

/// The 差戻し note for the division chosen, and the button that sends it back.
fn send_back_field(
    ui: &mut Ui,
    t: &Texts,
    state: &SurveyState,
    drafts: &mut ViewState,
    out: &mut Vec<AppCommand>,
) {
    ui.separator();
    let Some(division) = state.sending_back() else {
        drafts.send_back_notes.clear();
        // The note's line kept as room: opening it made the panel taller, and the rows moved
        // under the pointer (the next click sent another division back).
        ui.allocate_space(egui::vec2(0.0, ui.spacing().interact_size.y));
        return;
    };
    // A note for each division: another division's 差戻し… chosen while one is typed shows
    // that division's own (the note typed for one went to the other).
    let note = drafts
        .send_back_notes
        .entry(division.to_string())
        .or_default();
    ui.horizontal(|ui| {
        let label = ui.label(format!("{} ({division})", t.send_back_note));
        ui.add(egui::TextEdit::singleline(note).id_salt(("send-back-note", division)))
            .labelled_by(label.id);
        if ui.button(t.send_back_do).clicked() {
            out.push(
                SurveyCommand::SendBack {
                    division: division.to_string(),
                    // Kept until it is taken: a refused one stays to be corrected.
                    note: note.clone(),
                }
                .into(),
            );
        }
        if ui.button(t.cancel).clicked() {
            out.push(SurveyCommand::StartSendBack(None).into());
        }
    });
}

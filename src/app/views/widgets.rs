//! Small pieces several views draw the same way: status names and badges, counts, the
//! feedback under a month field, colours from the palette, a field given back when it is left.

use egui::{Color32, FontId, RichText, Sense, Stroke, Ui, WidgetInfo, vec2};

use crate::app::i18n::{Lang, Texts};
use crate::compare::confirm;
use crate::grid::{self, GridRow};
use crate::model::Report;
use crate::model::months::{Timing, TimingKind, parse_timing};
use crate::model::status::{LineStatus, Status, StatusCounts};
use crate::palette::{self, Rgb};

/// A palette colour on screen.
pub const fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => status.japanese(),
        Lang::En => status.english(),
    }
}

pub fn counts_text(counts: &StatusCounts, lang: Lang) -> String {
    Status::ALL
        .iter()
        .filter(|s| counts.get(**s) > 0)
        .map(|s| format!("{} {}", status_name(*s, lang), counts.get(*s)))
        .collect::<Vec<_>>()
        .join("・")
}

/// A status badge: its own colour, plus a shape so it reads in grayscale (遅れ is outlined red
/// with a mark).
pub fn status_badge(ui: &mut Ui, status: Status, lang: Lang) {
    let (fill, fg) = palette::status(status);
    let (fill, fg) = (color(fill), color(fg));
    let name = status_name(status, lang);
    let text = if status == Status::Late {
        format!("! {name}")
    } else {
        name.to_string()
    };
    let galley = ui
        .painter()
        .layout_no_wrap(text, FontId::proportional(12.0), fg);
    let (rect, response) = ui.allocate_exact_size(galley.size() + vec2(10.0, 4.0), Sense::hover());
    ui.painter().rect(
        rect,
        3.0,
        fill,
        Stroke::new(1.0, fg),
        egui::StrokeKind::Inside,
    );
    ui.painter().galley(rect.min + vec2(5.0, 2.0), galley, fg);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, name));
}

/// What a month expression was read as, for feedback while typing.
pub fn timing_feedback(t: &Texts, lang: Lang, expression: &str) -> Result<String, String> {
    let expression = expression.trim();
    if expression.is_empty() {
        return Ok(t.no_months.to_string());
    }
    parse_timing(expression)
        .map(|timing| describe_timing(t, &timing))
        .map_err(|e| crate::lang::Describe::describe(&e.problem, lang))
}

pub fn describe_timing(t: &Texts, timing: &Timing) -> String {
    let mut s = match timing.kind {
        TimingKind::AsNeeded => t.as_needed.to_string(),
        _ => format!(
            "{}（{}{}）",
            timing.months.to_japanese(),
            timing.months.len(),
            match timing.months.len() {
                1 => t.month_count_one,
                _ => t.months_count,
            }
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

pub fn feedback_label(ui: &mut Ui, t: &Texts, result: Result<String, String>) {
    match result {
        Ok(text) => ui.label(RichText::new(format!("{}: {text}", t.understood)).small()),
        Err(why) => ui.label(RichText::new(why).small().color(color(palette::ERROR_TEXT))),
    };
}

/// The actual side's name in the window: the report's own word for its period (上半期実績 …),
/// or its English rendering.
pub fn actual_name(period: crate::model::Period, lang: Lang) -> String {
    use crate::model::Period;
    let t = lang.texts();
    match lang {
        Lang::Ja => period.actual_name().to_string(),
        Lang::En => {
            let name = match period {
                Period::FirstHalf => t.period_first,
                Period::SecondHalf => t.period_second,
                Period::FullYear => t.period_full,
            };
            format!("{} ({name})", t.actual)
        }
    }
}

/// A plan line's status in the window's language.
pub fn line_status_name(status: crate::model::status::LineStatus, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => status.japanese(),
        Lang::En => status.english(),
    }
}

/// The words in an entry row's 状況 cell.
pub struct EntryStatusWords {
    pub text: String,
    /// 遅れ: bold red, after a `!`.
    pub late: bool,
    /// Why a result is marked 要確認, said on hover.
    pub why: Option<&'static str>,
}

impl EntryStatusWords {
    pub fn rich(&self) -> RichText {
        let rich = RichText::new(&self.text).small();
        if self.late {
            rich.strong().color(color(palette::AS_OF))
        } else if self.why.is_some() {
            rich.strong()
        } else {
            rich
        }
    }
}

/// 要確認 for a result carried over for its 担当課 to confirm (before 計画外: it asks for an
/// answer), 計画外 for a result reporting nothing planned, a plan line's status; else nothing.
/// `line`: where the row stands when it is a plan line (the window's [`crate::grid::StandingCache`]
/// knows).
pub fn entry_status_words(
    report: &Report,
    row: GridRow,
    line: Option<LineStatus>,
    lang: Lang,
) -> Option<EntryStatusWords> {
    let words = |text: String, late, why| Some(EntryStatusWords { text, late, why });
    if grid::is_to_confirm(report, row) {
        return words(
            format!("? {}", confirm::mark(lang)),
            false,
            Some(confirm::why(lang)),
        );
    }
    if grid::is_unplanned(report, row) {
        return words(lang.texts().unplanned.to_string(), false, None);
    }
    let status = line?;
    let name = line_status_name(status, lang);
    match status {
        LineStatus::Late => words(format!("! {name}"), true, None),
        _ => words(name.to_string(), false, None),
    }
}

/// Where a field taken when left notes that it has the keyboard, and where the window asks it
/// to give what is typed now.
const FOCUS_KEY: &str = "typed-field-focus";
const LEAVE_KEY: &str = "typed-field-leave";

/// Whether a field taken when left has the keyboard (what is typed there is not in the report
/// until it is left).
pub fn typed_field_focused(ctx: &egui::Context) -> bool {
    let noted = ctx.data(|d| d.get_temp::<egui::Id>(egui::Id::unique(FOCUS_KEY)));
    noted.is_some_and(|id| ctx.memory(|m| m.has_focus(id)))
}

/// Asks the field with the keyboard to give what is typed in the next frame, as if left: a
/// save, print or quit asked for meanwhile waits that frame (it saved the number as it was,
/// and quitting dropped what was typed without asking).
pub fn ask_typed_field_to_leave(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(LEAVE_KEY), true));
}

/// Ends the asking, after the frame the field was asked in.
pub fn typed_field_asked(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique(LEAVE_KEY)));
}

/// Whether the field of `response` is left in this frame: by the user, or asked to
/// ([`ask_typed_field_to_leave`]; it then gives up the keyboard). Notes the field that has it.
pub fn leaving(ui: &Ui, response: &egui::Response) -> bool {
    if !response.has_focus() {
        return response.lost_focus();
    }
    ui.data_mut(|d| d.insert_temp(egui::Id::unique(FOCUS_KEY), response.id));
    let asked = ui.data(|d| d.get_temp::<bool>(egui::Id::unique(LEAVE_KEY)).is_some());
    if asked {
        response.surrender_focus();
    }
    asked
}

/// The id of the [`field_taken_when_left`] of `key` (to give it the keyboard).
pub fn field_id(key: impl std::hash::Hash + std::fmt::Debug) -> egui::Id {
    egui::Id::unique("field-taken-when-left").with(key)
}

/// A text field kept while typed (in egui's memory), given back when it loses the keyboard if
/// it differs from what the report has; named by its `labels` (a heading, a row, a column).
pub fn field_taken_when_left(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    labels: &[egui::Id],
    now: &str,
    width: f32,
) -> Option<String> {
    let id = field_id(key);
    let mut text: String = ui
        .data_mut(|d| d.get_temp(id))
        .unwrap_or_else(|| now.to_string());
    // At least `width`: in a grid a cell offers only the column's width of the last frame.
    let edit = egui::TextEdit::singleline(&mut text)
        .id(id)
        .min_size(egui::vec2(width, 0.0));
    let mut response = ui.add(edit.desired_width(width));
    for label in labels {
        response = response.labelled_by(*label);
    }
    if leaving(ui, &response) {
        ui.data_mut(|d| d.remove::<String>(id));
        return (text.trim() != now.trim()).then_some(text);
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    None
}

/// The report's period in the window's language: 「上半期(4月～9月)」, `first half,
/// April to September` (the English window showed the Japanese in its legend and status bar).
pub fn period_words(period: crate::model::Period, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => period.japanese(),
        Lang::En => period.english(),
    }
}

/// A calendar month in the window's language: 「9月」, `Sep`.
pub fn month_word(month: u8, lang: Lang) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Ja => format!("{month}月"),
        Lang::En => NAMES
            .get(usize::from(month).wrapping_sub(1))
            .map_or_else(|| month.to_string(), |n| n.to_string()),
    }
}

/// A date of the report's year in the window's language: 「2017年9月30日」, `30 Sep 2017`.
pub fn date_words(
    date: crate::model::AsOf,
    fiscal_year: crate::model::FiscalYear,
    lang: Lang,
) -> String {
    match lang {
        Lang::Ja => date.to_japanese(fiscal_year),
        Lang::En => format!(
            "{} {} {}",
            date.day,
            month_word(date.month, lang),
            fiscal_year.calendar_year_of(date.month)
        ),
    }
}

/// Words with a note after them, bracketed as the window's language writes it: `報告期間（上半期）`,
/// `Reporting period (first half)` (the English window had the full-width bracket, no space).
pub fn with_note(words: &str, note: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{words}（{note}）"),
        Lang::En => format!("{words} ({note})"),
    }
}

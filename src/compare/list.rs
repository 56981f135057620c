//! The change list: a diff laid out as lines, grouped by initiative, in Japanese or English —
//! what the command line prints and what a printed change list shows.

use super::{Aspect, Change, Diff, FieldChange, ReportInfo, StatusOf, What, What as W};
use crate::lang::{Describe, Lang, say};
use crate::model::status::Status;
use crate::model::text::{listed, listed_change};
use crate::model::{FiscalYear, Side};
use std::borrow::Cow;

/// One line of the change list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListLine {
    /// 0: the comparison's heading; 1: a report field, a section or an initiative; 2: a change
    /// within an initiative.
    pub depth: u8,
    pub text: String,
    /// The change the line tells, by index into [`Diff::changes`] (for jumping to it).
    pub change: Option<usize>,
}

/// The diff as lines: which reports, what changed in the report as a whole, then each
/// initiative (or section) with its changes under it.
/// Texts of more than [`crate::model::text::LISTED_CHARS`] characters are shortened around
/// the change, as screens and terminals show it; [`change_list_whole`] is the list as printed.
pub fn change_list(diff: &Diff, lang: Lang) -> Vec<ListLine> {
    lines(diff, lang, false)
}

/// The change list with every text whole: the printed list, where a long text continues on
/// the next page.
pub fn change_list_whole(diff: &Diff, lang: Lang) -> Vec<ListLine> {
    lines(diff, lang, true)
}

fn lines(diff: &Diff, lang: Lang, whole: bool) -> Vec<ListLine> {
    let mut out = Vec::new();
    let line = |depth, text, change| ListLine {
        depth,
        text,
        change,
    };
    out.push(line(
        0,
        say(
            lang,
            format!(
                "比較: {} → {}",
                report_name(&diff.old, lang),
                report_name(&diff.new, lang)
            ),
            format!(
                "Comparing {} → {}",
                report_name(&diff.old, lang),
                report_name(&diff.new, lang)
            ),
        ),
        None,
    ));
    if diff.same {
        out.push(line(
            1,
            say(lang, "変更はありません".into(), "no changes".into()),
            None,
        ));
        return out;
    }
    for f in &diff.report {
        let f = if whole {
            Cow::Borrowed(f)
        } else {
            shortened_field(f, lang)
        };
        out.push(line(1, f.describe(lang), None));
    }
    let mut group: Option<String> = None;
    for (k, c) in diff.changes.iter().enumerate() {
        let c = if whole {
            Cow::Borrowed(c)
        } else {
            shortened(c, lang)
        };
        let heading = group_heading(&c, lang);
        if group.as_ref() != Some(&heading) {
            out.push(line(1, heading.clone(), None));
            group = Some(heading);
        }
        out.push(line(2, c.describe(lang), Some(k)));
    }
    out
}

/// A report field's change with long texts shortened around where they differ.
fn shortened_field(f: &FieldChange, lang: Lang) -> Cow<'_, FieldChange> {
    match listed_change(&f.old, &f.new, lang) {
        (Cow::Borrowed(_), Cow::Borrowed(_)) => Cow::Borrowed(f),
        (old, new) => Cow::Owned(FieldChange {
            field: f.field,
            old: old.into_owned(),
            new: new.into_owned(),
        }),
    }
}

/// A change with its long texts shortened (an added text by its start, a changed one around
/// where it differs); borrowed when every text is short, so a list is not copied.
fn shortened(c: &Change, lang: Lang) -> Cow<'_, Change> {
    let one = |t: &str| listed(t, lang).into_owned();
    let pair = |old: &str, new: &str| {
        let (old, new) = listed_change(old, new, lang);
        (old.into_owned(), new.into_owned())
    };
    let long = |t: &str| matches!(listed(t, lang), Cow::Owned(_));
    let heading_long = |h: &Option<String>| h.as_deref().is_some_and(long);
    let what_long = match &c.what {
        W::EntryAdded { text, .. }
        | W::EntryRemoved { text, .. }
        | W::EntryArchived { text, .. }
        | W::EntryMoved { text, .. } => long(text),
        W::EntryChanged {
            old_text, new_text, ..
        } => long(old_text) || long(new_text),
        W::LinkAdded { result, plan } | W::LinkRemoved { result, plan } => {
            long(result) || long(plan)
        }
        W::TopicAdded { heading } | W::TopicRemoved { heading } => heading_long(heading),
        W::TopicChanged { old, new, .. } => heading_long(old) || heading_long(new),
        W::InitiativeChanged { old, new, .. } => long(old) || long(new),
        _ => false,
    };
    let place_long =
        heading_long(&c.topic) || c.initiative.as_ref().is_some_and(|i| long(&i.title));
    if !what_long && !place_long {
        return Cow::Borrowed(c);
    }
    let what = match &c.what {
        W::EntryAdded { side, text } => W::EntryAdded {
            side: *side,
            text: one(text),
        },
        W::EntryRemoved { side, text } => W::EntryRemoved {
            side: *side,
            text: one(text),
        },
        W::EntryArchived {
            side,
            text,
            fiscal_year,
            period,
        } => W::EntryArchived {
            side: *side,
            text: one(text),
            fiscal_year: *fiscal_year,
            period,
        },
        W::EntryMoved {
            side,
            text,
            old_position,
            new_position,
        } => W::EntryMoved {
            side: *side,
            text: one(text),
            old_position: *old_position,
            new_position: *new_position,
        },
        W::EntryChanged {
            side,
            old_text,
            new_text,
            aspects,
            old_months,
            new_months,
        } => {
            let (old_text, new_text) = pair(old_text, new_text);
            W::EntryChanged {
                side: *side,
                old_text,
                new_text,
                aspects: aspects.clone(),
                old_months: old_months.clone(),
                new_months: new_months.clone(),
            }
        }
        W::LinkAdded { result, plan } => W::LinkAdded {
            result: one(result),
            plan: one(plan),
        },
        W::LinkRemoved { result, plan } => W::LinkRemoved {
            result: one(result),
            plan: one(plan),
        },
        W::TopicAdded { heading } => W::TopicAdded {
            heading: heading.as_deref().map(one),
        },
        W::TopicRemoved { heading } => W::TopicRemoved {
            heading: heading.as_deref().map(one),
        },
        W::TopicChanged { field, old, new } => W::TopicChanged {
            field,
            old: old.as_deref().map(one),
            new: new.as_deref().map(one),
        },
        W::InitiativeChanged { field, old, new } => {
            let (old, new) = pair(old, new);
            W::InitiativeChanged { field, old, new }
        }
        other => other.clone(),
    };
    Cow::Owned(Change {
        section: c.section.clone(),
        initiative: c.initiative.as_ref().map(|i| super::InitiativeRef {
            number: i.number.clone(),
            title: one(&i.title),
            old_id: i.old_id,
            new_id: i.new_id,
        }),
        topic: c.topic.as_deref().map(one),
        old_id: c.old_id,
        new_id: c.new_id,
        what,
    })
}

/// The change list as plain text, two spaces of indent per depth.
pub fn change_list_text(diff: &Diff, lang: Lang) -> String {
    let mut text = String::new();
    for l in change_list(diff, lang) {
        text.push_str(&"  ".repeat(l.depth as usize));
        text.push_str(&l.text);
        text.push('\n');
    }
    text
}

fn report_name(r: &ReportInfo, lang: Lang) -> String {
    let period = match (r.period, lang) {
        ("first_half", Lang::Ja) => "上半期",
        ("second_half", Lang::Ja) => "下半期",
        (_, Lang::Ja) => "通期",
        ("first_half", Lang::En) => "first half",
        ("second_half", Lang::En) => "second half",
        (_, Lang::En) => "full year",
    };
    say(
        lang,
        format!(
            "{}（{}）{}・{}時点",
            r.fiscal_year_era, r.fiscal_year, period, r.as_of
        ),
        format!(
            "FY{} ({}) {}, as of {}",
            r.fiscal_year, r.fiscal_year_era, period, r.as_of
        ),
    )
}

fn group_heading(c: &Change, lang: Lang) -> String {
    match (&c.initiative, &c.section) {
        (Some(i), _) => say(
            lang,
            format!("取組{} {}", i.number, i.title),
            format!("Initiative {} {}", i.number, i.title),
        ),
        (None, Some(s)) => say(lang, format!("区分{s}"), format!("Section {s}")),
        (None, None) => String::new(),
    }
}

fn side_name(side: Side, lang: Lang) -> &'static str {
    match (side, lang) {
        (Side::Plan, Lang::Ja) => "年次計画",
        (Side::Actual, Lang::Ja) => "実績",
        (Side::Plan, Lang::En) => "plan",
        (Side::Actual, Lang::En) => "result",
    }
}

fn years(y: [i32; 2]) -> String {
    let [first, last] = y;
    let reference = FiscalYear(first);
    if first == last {
        FiscalYear(first).short_form_like(reference)
    } else {
        format!(
            "{}～{}",
            FiscalYear(first).short_form_like(reference),
            FiscalYear(last).short_form_like(reference)
        )
    }
}

fn heading(h: &Option<String>, lang: Lang) -> String {
    match h {
        Some(h) => format!("<{h}>"),
        None => say(lang, "（見出しなし）".into(), "(no heading)".into()),
    }
}

impl Describe for FieldChange {
    fn describe(&self, lang: Lang) -> String {
        let name = match (self.field, lang) {
            ("title", Lang::Ja) => "タイトル",
            ("programme", Lang::Ja) => "取組名",
            ("fiscal_year", Lang::Ja) => "年度",
            ("period", Lang::Ja) => "報告期間",
            ("plan_years", Lang::Ja) => "計画年度",
            ("plan_heading", Lang::Ja) => "年次計画の見出し",
            ("actual_heading", Lang::Ja) => "実績の見出し",
            ("as_of", Lang::Ja) => "時点",
            ("yen_unit", Lang::Ja) => "効果額の単位",
            ("counting", Lang::Ja) => "効果額の数え方",
            ("rating_scale", Lang::Ja) => "評価の区分",
            // The keys stay as they are in the diff's JSON (for scripts); people read names.
            ("title", Lang::En) => "title",
            ("programme", Lang::En) => "programme",
            ("fiscal_year", Lang::En) => "fiscal year",
            ("period", Lang::En) => "reporting period",
            ("plan_years", Lang::En) => "plan years",
            ("plan_heading", Lang::En) => "heading of the plan column",
            ("actual_heading", Lang::En) => "heading of the results column",
            ("as_of", Lang::En) => "as of",
            ("yen_unit", Lang::En) => "unit of the savings",
            ("counting", Lang::En) => "how the savings are counted",
            ("rating_scale", Lang::En) => "rating scale",
            (f, _) => f,
        };
        // A period is kept as its key in the diff (for scripts); people read its name.
        let period = |key: &str| match (key, lang) {
            ("first_half", Lang::Ja) => "上半期".to_string(),
            ("second_half", Lang::Ja) => "下半期".to_string(),
            ("full_year", Lang::Ja) => "通期".to_string(),
            (k, _) => k.replace('_', " "),
        };
        if self.field == "period" {
            return format!("{name}: {} → {}", period(&self.old), period(&self.new));
        }
        format!("{name}: {} → {}", self.old, self.new)
    }
}

impl Describe for Change {
    fn describe(&self, lang: Lang) -> String {
        let what = self.what.describe(lang);
        match (&self.topic, topic_level(&self.what)) {
            (Some(t), true) => format!("<{t}> {what}"),
            _ => what,
        }
    }
}

/// Changes told inside a topic, whose heading is worth repeating.
fn topic_level(w: &What) -> bool {
    matches!(
        w,
        What::EntryAdded { .. }
            | What::EntryRemoved { .. }
            | What::EntryArchived { .. }
            | What::EntryChanged { .. }
            | What::EntryMoved { .. }
            | What::StatusChanged {
                of: StatusOf::Topic,
                ..
            }
    )
}

/// A new kind of change is routed here to its family's table, one arm there and, if its words
/// take more than one expression, one small function below.
impl Describe for What {
    fn describe(&self, lang: Lang) -> String {
        // Each family of changes is worded in a table of its own; this match only routes, and
        // lists every kind, so a new one does not compile until it is routed.
        match self {
            W::SectionAdded { .. }
            | W::SectionRemoved { .. }
            | W::SectionChanged { .. }
            | W::InitiativeAdded { .. }
            | W::InitiativeRemoved { .. }
            | W::InitiativeChanged { .. }
            | W::InitiativeMoved { .. }
            | W::InitiativeReordered { .. }
            | W::SectionReordered { .. }
            | W::DivisionsChanged { .. } => outline_words(self, lang),
            W::ItemAdded { .. }
            | W::ItemRemoved { .. }
            | W::ItemChanged { .. }
            | W::StageAdded { .. }
            | W::StageRemoved { .. }
            | W::StageMoved { .. }
            | W::StageRelabelled { .. } => plan_words(self, lang),
            W::TopicAdded { .. }
            | W::TopicRemoved { .. }
            | W::TopicChanged { .. }
            | W::EntryAdded { .. }
            | W::EntryRemoved { .. }
            | W::EntryArchived { .. }
            | W::EntryChanged { .. }
            | W::EntryMoved { .. }
            | W::LinkAdded { .. }
            | W::LinkRemoved { .. }
            | W::MeasureChanged { .. }
            | W::StatusChanged { .. } => content_words(self, lang),
        }
    }
}

/// Sections and initiatives: added, removed, changed, moved; an initiative's 担当課.
fn outline_words(what: &What, lang: Lang) -> String {
    match what {
        W::SectionAdded { numeral, title } => say(
            lang,
            format!("区分を追加: {numeral} {title}"),
            format!("section added: {numeral} {title}"),
        ),
        W::SectionRemoved { numeral, title } => say(
            lang,
            format!("区分を削除: {numeral} {title}"),
            format!("section removed: {numeral} {title}"),
        ),
        W::SectionChanged { field, old, new } => say(
            lang,
            format!(
                "区分の{}を変更: {old} → {new}",
                if *field == "numeral" { "番号" } else { "題" }
            ),
            format!("section {field} changed: {old} → {new}"),
        ),
        W::InitiativeAdded { number, title } => say(
            lang,
            format!("取組を追加: {number} {title}"),
            format!("initiative added: {number} {title}"),
        ),
        W::InitiativeRemoved { number, title } => say(
            lang,
            format!("取組を削除: {number} {title}"),
            format!("initiative removed: {number} {title}"),
        ),
        W::InitiativeChanged { field, old, new } => initiative_changed(field, old, new, lang),
        W::InitiativeMoved {
            old_section,
            new_section,
        } => say(
            lang,
            format!("区分を移動: {old_section} → {new_section}"),
            format!("moved to another section: {old_section} → {new_section}"),
        ),
        W::InitiativeReordered {
            old_position,
            new_position,
        } => say(
            lang,
            format!("取組の順序を変更（区分の中で{old_position}番目 → {new_position}番目）"),
            format!("initiative reordered in its section: {old_position} → {new_position}"),
        ),
        W::SectionReordered {
            old_position,
            new_position,
        } => say(
            lang,
            format!("区分の順序を変更（{old_position}番目 → {new_position}番目）"),
            format!("section reordered: {old_position} → {new_position}"),
        ),
        W::DivisionsChanged { old, new } => say(
            lang,
            format!("担当課を変更: {} → {}", old.join("、"), new.join("、")),
            format!("divisions changed: {} → {}", old.join(", "), new.join(", ")),
        ),
        _ => unreachable!("routed by What::describe"),
    }
}

/// Action items and their stages over the plan years.
fn plan_words(what: &What, lang: Lang) -> String {
    match what {
        W::ItemAdded { name } => say(
            lang,
            format!("取組項目を追加: {name}"),
            format!("action item added: {name}"),
        ),
        W::ItemRemoved { name } => say(
            lang,
            format!("取組項目を削除: {name}"),
            format!("action item removed: {name}"),
        ),
        W::ItemChanged { field, old, new } => say(
            lang,
            format!(
                "取組項目の{}を変更: {old} → {new}",
                if *field == "name" { "名前" } else { "□" }
            ),
            format!("action item {field} changed: {old} → {new}"),
        ),
        W::StageAdded {
            item,
            stage,
            years: y,
        } => say(
            lang,
            format!("工程を追加: {item} {} {stage}", years(*y)),
            format!("stage added: {item} {} {stage}", years(*y)),
        ),
        W::StageRemoved {
            item,
            stage,
            years: y,
        } => say(
            lang,
            format!("工程を削除: {item} {} {stage}", years(*y)),
            format!("stage removed: {item} {} {stage}", years(*y)),
        ),
        W::StageMoved {
            item,
            stage,
            old_years,
            new_years,
        } => say(
            lang,
            format!(
                "工程の年度を変更: {item} {stage} {} → {}",
                years(*old_years),
                years(*new_years)
            ),
            format!(
                "stage moved: {item} {stage} {} → {}",
                years(*old_years),
                years(*new_years)
            ),
        ),
        W::StageRelabelled {
            item,
            years: y,
            old,
            new,
        } => say(
            lang,
            format!("工程を変更: {item} {} {old} → {new}", years(*y)),
            format!("stage relabelled: {item} {} {old} → {new}", years(*y)),
        ),
        _ => unreachable!("routed by What::describe"),
    }
}

/// Topics, entries and links, numbers and statuses.
fn content_words(what: &What, lang: Lang) -> String {
    match what {
        W::TopicAdded { heading: h } => say(
            lang,
            format!("見出しを追加: {}", heading(h, lang)),
            format!("topic added: {}", heading(h, lang)),
        ),
        W::TopicRemoved { heading: h } => say(
            lang,
            format!("見出しを削除: {}", heading(h, lang)),
            format!("topic removed: {}", heading(h, lang)),
        ),
        W::TopicChanged { field, old, new } => topic_changed(field, old, new, lang),
        W::EntryAdded { side, text } => say(
            lang,
            format!("{}を追加: {text}", side_name(*side, lang)),
            format!("{} added: {text}", side_name(*side, lang)),
        ),
        W::EntryRemoved { side, text } => say(
            lang,
            format!("{}を削除: {text}", side_name(*side, lang)),
            format!("{} removed: {text}", side_name(*side, lang)),
        ),
        W::EntryArchived {
            side,
            text,
            fiscal_year,
            period,
        } => entry_archived(*side, text, *fiscal_year, period, lang),
        W::EntryChanged {
            side,
            old_text,
            new_text,
            aspects,
            ..
        } => entry_changed(*side, old_text, new_text, aspects, lang),
        W::EntryMoved {
            side,
            text,
            old_position,
            new_position,
        } => say(
            lang,
            format!(
                "{}の順序を変更: {text}（{old_position}番目 → {new_position}番目）",
                side_name(*side, lang)
            ),
            format!(
                "{} moved: {text} (from place {old_position} to {new_position})",
                side_name(*side, lang)
            ),
        ),
        W::LinkAdded { result, plan } => say(
            lang,
            format!("対応付けを追加: {result} → 計画 {plan}"),
            format!("link added: {result} reports {plan}"),
        ),
        W::LinkRemoved { result, plan } => say(
            lang,
            format!("対応付けを解除: {result} → 計画 {plan}"),
            format!("link removed: {result} no longer reports {plan}"),
        ),
        W::MeasureChanged {
            part,
            name,
            field,
            fiscal_year,
            old,
            new,
        } => super::measures::describe(*part, name, field, *fiscal_year, old, new, lang),
        W::StatusChanged { of, old, new } => status_changed(*of, *old, *new, lang),
        _ => unreachable!("routed by What::describe"),
    }
}

fn initiative_changed(field: &str, old: &str, new: &str, lang: Lang) -> String {
    let ja = match field {
        "number" => "番号",
        "label" => "記号",
        _ => "題",
    };
    say(
        lang,
        format!("取組の{ja}を変更: {old} → {new}"),
        format!("initiative {field} changed: {old} → {new}"),
    )
}

fn topic_changed(field: &str, old: &Option<String>, new: &Option<String>, lang: Lang) -> String {
    let (old, new) = (old.as_deref(), new.as_deref());
    let (old, new) = match (old, new) {
        (Some(o), Some(n)) => {
            let (o, n) = crate::model::text::told_apart(o, n);
            (Some(o.into_owned()), Some(n.into_owned()))
        }
        _ => (old.map(str::to_string), new.map(str::to_string)),
    };
    let (old, new) = (&old, &new);
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    say(
        lang,
        format!(
            "{}を変更: {} → {}",
            if field == "heading" {
                "見出し"
            } else {
                "担当課"
            },
            show(old),
            show(new)
        ),
        format!("topic {field} changed: {} → {}", show(old), show(new)),
    )
}

fn entry_archived(side: Side, text: &str, fiscal_year: i32, period: &str, lang: Lang) -> String {
    let era = FiscalYear(fiscal_year).era_form();
    say(
        lang,
        format!("{}を履歴へ（{era}）: {text}", side_name(side, lang)),
        format!(
            "{} moved to the history (FY{fiscal_year}, {period}): {text}",
            side_name(side, lang)
        ),
    )
}

/// An entry's change, with what of it changed (text, months …).
fn entry_changed(
    side: Side,
    old_text: &str,
    new_text: &str,
    aspects: &[Aspect],
    lang: Lang,
) -> String {
    let what: Vec<&str> = aspects
        .iter()
        .map(|a| match (a, lang) {
            (Aspect::Text, Lang::Ja) => "文",
            (Aspect::Months, Lang::Ja) => "時期",
            (Aspect::Scheduled, Lang::Ja) => "予定",
            (Aspect::Counts, Lang::Ja) => "回数・人数",
            (Aspect::Kind, Lang::Ja) => "種類",
            (Aspect::Text, Lang::En) => "text",
            (Aspect::Months, Lang::En) => "months",
            (Aspect::Scheduled, Lang::En) => "scheduled",
            (Aspect::Counts, Lang::En) => "counts",
            (Aspect::Kind, Lang::En) => "kind",
        })
        .collect();
    let (old_text, new_text) = crate::model::text::told_apart(old_text, new_text);
    say(
        lang,
        format!(
            "{}を変更（{}）: {old_text} → {new_text}",
            side_name(side, lang),
            what.join("・")
        ),
        format!(
            "{} changed ({}): {old_text} → {new_text}",
            side_name(side, lang),
            what.join(", ")
        ),
    )
}

fn status_changed(of: StatusOf, old: Status, new: Status, lang: Lang) -> String {
    let (ja, en) = match of {
        StatusOf::Initiative => ("取組の状況", "initiative status"),
        StatusOf::Topic => ("見出しの状況", "topic status"),
    };
    say(
        lang,
        format!("{ja}: {}→{}", old.japanese(), new.japanese()),
        format!("{en}: {} → {}", old.english(), new.english()),
    )
}

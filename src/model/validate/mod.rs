//! The rules a report keeps whatever edits it has been through: ids unique and below `next_id`,
//! years Shinchoku can handle, stage spans ordered, inside the plan years and disjoint within
//! their lane, months and the as-of date real. The importer and the edit commands only make
//! reports that keep them; a file from disk (a hand edit, a damaged copy, another tool) is
//! checked when opened, so a broken file is refused there, naming the place, instead of failing
//! later in a drag, an export or a printout.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::era::FiscalYear;

mod ratings;
mod years;
use super::report::{Entry, Id, Initiative, Report, Side, StageSpan, YearRange};
use crate::lang::{Describe, Lang, say};
use years::{history_violations, measure_year_violations, report_field_violations};

/// Where in a report a rule is broken, in the words of the grid: section, initiative (by its
/// number), action item, lane and stage, or topic, side and entry (1-based), and the field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The section's numeral as written (`II`).
    pub section: Option<String>,
    /// The initiative's number as written (`4`).
    pub initiative: Option<String>,
    /// 1-based action item and its name.
    pub item: Option<(usize, String)>,
    /// 1-based lane of the item.
    pub lane: Option<usize>,
    /// 1-based stage (span) within its lane.
    pub stage: Option<usize>,
    /// 1-based topic.
    pub topic: Option<usize>,
    pub side: Option<Side>,
    /// 1-based entry, then sub-item numbers (`[2, 1]`: the first sub-item of the second entry).
    pub entry: Vec<usize>,
    /// The field of the file: `next_id`, `first`, `months` …
    pub field: Option<&'static str>,
    /// The topic's heading and the entry's text, as the user sees them (filled in for a file
    /// refused: [`Place::named_in`]), so a refusal names more than positions.
    pub words: Option<String>,
}

impl Place {
    fn field(field: &'static str) -> Place {
        Place {
            field: Some(field),
            ..Place::default()
        }
    }

    /// The place with the words of what stands there in `report` (the topic's heading and the
    /// entry's text, shortened), where it names an entry or a topic.
    pub fn named_in(mut self, report: &crate::model::Report) -> Place {
        let found = (|| {
            let i = (report.initiatives()).find(|i| Some(&i.number) == self.initiative.as_ref())?;
            let topic = i.topics.get(self.topic?.checked_sub(1)?)?;
            let heading = topic.heading.as_deref().map(|h| format!("<{h}>"));
            let mut list: &[crate::model::Entry] = topic.entries(self.side.unwrap_or(Side::Actual));
            let mut entry = None;
            for &k in &self.entry {
                let e = list.get(k.checked_sub(1)?)?;
                (entry, list) = (Some(e), &e.subs[..]);
            }
            let text = entry.map(|e| format!("「{}」", crate::model::text::preview(&e.text)));
            Some(
                [heading, text]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })();
        self.words = found.filter(|w| !w.is_empty());
        self
    }

    fn with_field(&self, field: &'static str) -> Place {
        Place {
            field: Some(field),
            ..self.clone()
        }
    }
}

impl Describe for Place {
    fn describe(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &self.section {
            parts.push(say(lang, format!("区分{s}"), format!("section {s}")));
        }
        if let Some(i) = &self.initiative {
            parts.push(say(lang, format!("取組{i}"), format!("initiative {i}")));
        }
        if let Some((n, name)) = &self.item {
            parts.push(say(
                lang,
                format!("取組項目{n}「{name}」"),
                format!("action item {n} 「{name}」"),
            ));
        }
        if let Some(l) = self.lane {
            parts.push(say(lang, format!("工程の段{l}"), format!("lane {l}")));
        }
        if let Some(s) = self.stage {
            parts.push(say(lang, format!("{s}番目の工程"), format!("stage {s}")));
        }
        if let Some(t) = self.topic {
            parts.push(say(lang, format!("見出し{t}"), format!("topic {t}")));
        }
        if let Some(side) = self.side {
            parts.push(match side {
                Side::Plan => say(lang, "年次計画".into(), "plan".into()),
                Side::Actual => say(lang, "実績".into(), "results".into()),
            });
        }
        if let Some((first, subs)) = self.entry.split_first() {
            let mut s = say(lang, format!("項目{first}"), format!("entry {first}"));
            for k in subs {
                s.push_str(&say(lang, format!("の小項目{k}"), format!(" sub-item {k}")));
            }
            parts.push(s);
        }
        if let Some(field) = self.field {
            parts.push(say(
                lang,
                format!("欄 `{field}`"),
                format!("field `{field}`"),
            ));
        }
        if let Some(words) = &self.words {
            parts.push(words.clone());
        }
        if parts.is_empty() {
            say(lang, "報告全体".into(), "the report".into())
        } else {
            parts.join(if ja { "、" } else { ", " })
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// The bound of a report's ids: each is below 2^53, the largest whole number every JSON reader
/// keeps (`check --json` writes ids), and `next_id` at most that — far above what edits hand
/// out, and far enough below `u64::MAX` that handing out more never wraps round.
pub const MAX_ID: u64 = 1 << 53;

/// Which rule, with what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Two things share an id; `also` is where it was first used.
    DuplicateId { id: Id, also: Place },
    /// `next_id` would hand out an id already in use. Repaired: set above the highest id.
    NextIdNotAbove { next_id: u64, highest: u64 },
    /// An id of [`MAX_ID`] or more, or a `next_id` above it: ids handed out after it would run
    /// past the largest number an id holds and wrap round onto ids in use.
    IdTooLarge { id: u64 },
    /// A fiscal year outside [`FiscalYear::SUPPORTED`].
    YearOutOfRange { year: i32 },
    /// One fiscal year written twice in an initiative's effects or an indicator's years (a
    /// hand edit): which figure holds is not known — every output took the first, the totals
    /// both.
    YearTwice { year: i32 },
    /// A rating code declared twice in the report's scale (the code read as the same in
    /// either width), with the labels of the first and of this one. Repaired: the first kept.
    RatingCodeTwice {
        code: String,
        kept: String,
        other: String,
    },
    /// A level of the rating scale without a code, with its label. Repaired: left out.
    RatingCodeBlank { label: String },
    /// A rating without its code, or a comment without its text, and what it names (a note,
    /// who, when: `kept`, empty when nothing). Repaired: left out, what it named kept unread
    /// (`ratings`).
    RatingWithoutCode { kept: String },
    /// More 担当課 named beside topics than [`crate::model::bounds::MAX_DIVISIONS_NAMED`]; the
    /// place is the initiative naming the most.
    DivisionsNamedTooMany(Box<crate::model::bounds::DivisionsNamed>),
    /// The plan years run backwards.
    PlanYearsReversed { first: i32, last: i32 },
    /// The plan spans more years than [`crate::model::bounds::MAX_PLAN_YEARS`].
    PlanYearsTooMany { first: i32, last: i32 },
    /// A number's year further from the plan years than
    /// [`crate::model::bounds::MAX_YEARS_FROM_PLAN`].
    YearFarFromPlan { year: i32 },
    /// A stage ends before it starts.
    SpanReversed { first: i32, last: i32 },
    /// A stage lies (partly) outside the report's plan years.
    SpanOutsidePlan {
        first: i32,
        last: i32,
        plan: (i32, i32),
    },
    /// A stage shares a year with another stage of the same lane (`other`, 1-based).
    SpanOverlap { other: usize, year: i32 },
    /// A month set holds bits for months that do not exist (the file stores months as a
    /// 12-bit number, April = 1, March = 2048).
    MonthsOutOfRange { stored: u16 },
    /// The as-of date is not a day of the year.
    AsOfInvalid { month: u8, day: u8 },
    /// A result says it reports `id`, which is no plan entry of its initiative (or a plan entry
    /// says it reports something). Repaired: the link is dropped.
    LinkNotToPlan { id: Id },
    /// An entry's text reads otherwise than the months (`was`), label, counts or sub-items
    /// stored beside it (a text changed by hand). Repaired when the file is opened
    /// (`store::from_ron_checked`, [`super::stale`]): read again from its text (`now`).
    ReadAgain {
        was: Option<String>,
        now: Option<String>,
    },
}

impl Rule {
    /// Whether opening repairs it (with a warning) rather than refusing the file.
    /// A rule of the rating scale as the warning the readers of tables and workbooks give.
    pub fn scale_warning(&self) -> Option<crate::model::measure_warning::MeasureWarning> {
        use crate::model::measure_warning::MeasureWarning as W;
        match self {
            Rule::RatingCodeTwice { code, kept, other } => Some(W::RatingLevelRepeated {
                code: code.clone(),
                kept: kept.clone(),
                other: other.clone(),
            }),
            Rule::RatingCodeBlank { label } => Some(W::RatingLevelWithoutCode {
                label: label.clone(),
            }),
            _ => None,
        }
    }

    pub fn is_repairable(&self) -> bool {
        matches!(
            self,
            Rule::NextIdNotAbove { .. }
                | Rule::LinkNotToPlan { .. }
                | Rule::ReadAgain { .. }
                | Rule::RatingCodeTwice { .. }
                | Rule::RatingCodeBlank { .. }
                | Rule::RatingWithoutCode { .. }
        )
    }
}

impl Describe for Rule {
    fn describe(&self, lang: Lang) -> String {
        let (lo, hi) = (FiscalYear::SUPPORTED.start(), FiscalYear::SUPPORTED.end());
        match self {
            Rule::RatingWithoutCode { kept } => ratings::words(kept, lang),
            Rule::DuplicateId { id, also } => say(
                lang,
                format!("id {id} は{}ですでに使われています", also.describe(lang)),
                format!("id {id} is already used by {}", also.describe(lang)),
            ),
            Rule::NextIdNotAbove { next_id, highest } => {
                let to = highest.saturating_add(1);
                say(
                    lang,
                    format!(
                        "next_id {next_id} が最大の id #{highest} を超えていません。{to} にしました"
                    ),
                    format!(
                        "next_id {next_id} is not above the highest id #{highest}; set to {to}"
                    ),
                )
            }
            Rule::IdTooLarge { id } => say(
                lang,
                format!("id {id} が大きすぎます（id は {MAX_ID} 未満）"),
                format!("id {id} is too large (ids are below {MAX_ID})"),
            ),
            Rule::YearOutOfRange { year } => say(
                lang,
                format!("{year}は進捗が扱える年度（{lo}～{hi}）ではありません"),
                format!("{year} is not a fiscal year Shinchoku handles ({lo}–{hi})"),
            ),
            Rule::RatingCodeTwice { .. } | Rule::RatingCodeBlank { .. } => self
                .scale_warning()
                .map_or_else(String::new, |w| w.describe(lang)),
            Rule::YearTwice { year } => say(
                lang,
                format!(
                    "{}が2度書かれています（どちらの数値を取るか分かりません）",
                    FiscalYear(*year).era_form()
                ),
                format!("FY{year} is written twice (which of its figures holds is not known)"),
            ),
            Rule::DivisionsNamedTooMany(excess) => excess.describe(lang),
            Rule::PlanYearsTooMany { first, last } => say(
                lang,
                format!(
                    "計画年度が{first}年度から{last}年度までと長すぎます（{}年度まで）",
                    crate::model::bounds::MAX_PLAN_YEARS
                ),
                format!(
                    "the plan years run from {first} to {last}: more than the {} a plan may span",
                    crate::model::bounds::MAX_PLAN_YEARS
                ),
            ),
            Rule::YearFarFromPlan { year } => say(
                lang,
                format!(
                    "{year}年度は計画年度から{}年より離れています",
                    crate::model::bounds::MAX_YEARS_FROM_PLAN
                ),
                format!(
                    "FY{year} is more than {} years from the plan years",
                    crate::model::bounds::MAX_YEARS_FROM_PLAN
                ),
            ),
            Rule::PlanYearsReversed { first, last } => say(
                lang,
                format!("計画年度が逆になっています（{first}から{last}）"),
                format!("the plan years run backwards ({first} to {last})"),
            ),
            Rule::SpanReversed { first, last } => say(
                lang,
                format!("工程の終わり（{last}）が始まり（{first}）より前です"),
                format!("the stage ends ({last}) before it starts ({first})"),
            ),
            Rule::SpanOutsidePlan { first, last, plan } => say(
                lang,
                format!(
                    "工程（{first}～{last}）が計画年度（{}～{}）の外にあります",
                    plan.0, plan.1
                ),
                format!(
                    "the stage ({first}–{last}) lies outside the plan years ({}–{})",
                    plan.0, plan.1
                ),
            ),
            Rule::SpanOverlap { other, year } => say(
                lang,
                format!("同じ段の{other}番目の工程と{year}年度で重なっています"),
                format!("the stage overlaps stage {other} of the same lane in {year}"),
            ),
            Rule::MonthsOutOfRange { stored } => say(
                lang,
                format!(
                    "月（保存された値 {stored}）に4月～3月以外の月が含まれています（最大 4095）"
                ),
                format!(
                    "the months (stored as {stored}) include months outside 1–12 (at most 4095)"
                ),
            ),
            Rule::AsOfInvalid { month, day } => say(
                lang,
                format!("{month}月{day}日という日はありません"),
                format!("{month}月{day}日 is not a day of the year"),
            ),
            Rule::ReadAgain { was, now } => read_again_words(was, now, lang),
            Rule::LinkNotToPlan { id } => say(
                lang,
                format!("{id} はこの取組の年次計画の項目ではないため、その結び付きを外しました"),
                format!("{id} is no plan entry of this initiative; the link to it is dropped"),
            ),
        }
    }
}

/// [`Rule::ReadAgain`] worded.
fn read_again_words(was: &Option<String>, now: &Option<String>, lang: Lang) -> String {
    // Only the words differ (a sub-item rewritten in the entry's text, its months the same).
    if was == now {
        return say(
            lang,
            "文と、その横に保存された読み取り（小項目など）が合わないため、文から読み直しました（時期は変わりません）"
                .into(),
            "the text does not read as what is stored beside it (its sub-items …): read again \
             from the text (the months are the same)"
                .into(),
        );
    }
    let show = |w: &Option<String>| w.clone().unwrap_or_else(|| "—".into());
    let (was, now) = (show(was), show(now));
    say(
        lang,
        format!(
            "文と、その横に保存された読み取り（時期「{was}」など）が合わないため、文から読み直しました（時期「{now}」）"
        ),
        format!(
            "the text does not read as what is stored beside it (months 「{was}」 …): read again \
             from the text (months 「{now}」)"
        ),
    )
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A broken rule and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub place: Place,
    pub rule: Rule,
}

impl Describe for Violation {
    fn describe(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            self.place.describe(lang),
            self.rule.describe(lang)
        )
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Every rule the report breaks, in document order.
pub fn violations(report: &Report) -> Vec<Violation> {
    let mut out = Vec::new();
    report_field_violations(report, &mut out);
    if let Some(excess) = crate::model::bounds::DivisionsNamed::beyond_bound(report) {
        let place = Place {
            initiative: Some(excess.initiative.clone()),
            ..Place::default()
        };
        let rule = Rule::DivisionsNamedTooMany(Box::new(excess));
        out.push(Violation { place, rule });
    }
    history_violations(report, &mut out);
    measure_year_violations(report, &mut out);
    ratings::violations(report, &mut out);
    // Nearly every file opened is sound: say so from ids and indices alone, and build the
    // places (which copy names and numbers for each thing) only to tell what is wrong.
    if things_are_sound(report) {
        return out;
    }
    let mut ids = IdsSeen::default();
    for section in &report.sections {
        let at_section = Place {
            section: Some(section.numeral.clone()),
            ..Place::default()
        };
        ids.note(section.id, at_section.clone(), &mut out);
        for initiative in &section.initiatives {
            let at_initiative = Place {
                initiative: Some(initiative.number.clone()),
                ..at_section.clone()
            };
            ids.note(initiative.id, at_initiative.clone(), &mut out);
            item_violations(report, initiative, &at_initiative, &mut ids, &mut out);
            topic_violations(initiative, &at_initiative, &mut ids, &mut out);
        }
    }
    // Ids of entries cleared into the history are spent too: never hand them out again.
    let highest = report.history_ids().fold(ids.highest, |h, i| h.max(i.0));
    if highest >= MAX_ID && ids.highest < MAX_ID {
        out.push(Violation {
            place: Place::field("history"),
            rule: Rule::IdTooLarge { id: highest },
        });
    }
    if report.next_id > MAX_ID {
        out.push(Violation {
            place: Place::field("next_id"),
            rule: Rule::IdTooLarge { id: report.next_id },
        });
    }
    // Past the largest id there is nothing to repair next_id to: the file is refused for the
    // id alone (a refusal saying 「set to 18446744073709551615」 promised a repair not made).
    if report.next_id <= highest && highest < MAX_ID {
        out.push(Violation {
            place: Place::field("next_id"),
            rule: Rule::NextIdNotAbove {
                next_id: report.next_id,
                highest,
            },
        });
    }
    out
}

/// The ids met so far, each with where it was first, and the highest.
#[derive(Default)]
struct IdsSeen {
    first_at: HashMap<Id, Place>,
    highest: u64,
}

impl IdsSeen {
    /// Notes `id` at `place`; a second use is a violation naming the first.
    fn note(&mut self, id: Id, place: Place, out: &mut Vec<Violation>) {
        self.highest = self.highest.max(id.0);
        if id.0 >= MAX_ID {
            out.push(Violation {
                place: place.clone().with_field("id"),
                rule: Rule::IdTooLarge { id: id.0 },
            });
        }
        match self.first_at.get(&id) {
            Some(first) => out.push(Violation {
                place: place.with_field("id"),
                rule: Rule::DuplicateId {
                    id,
                    also: first.clone(),
                },
            }),
            None => {
                self.first_at.insert(id, place);
            }
        }
    }
}

/// An initiative's action items and their stage lanes.
fn item_violations(
    report: &Report,
    initiative: &Initiative,
    at_initiative: &Place,
    ids: &mut IdsSeen,
    out: &mut Vec<Violation>,
) {
    for (k, item) in initiative.items.iter().enumerate() {
        let at_item = Place {
            item: Some((k + 1, item.name.clone())),
            ..at_initiative.clone()
        };
        ids.note(item.id, at_item.clone(), out);
        for (l, lane) in item.lanes.iter().enumerate() {
            for (stage, rule) in lane_violations(report.plan_years, lane) {
                out.push(Violation {
                    place: Place {
                        lane: Some(l + 1),
                        stage: Some(stage + 1),
                        ..at_item.clone()
                    },
                    rule,
                });
            }
        }
    }
}

/// An initiative's topics and their entries, sub-items included.
fn topic_violations(
    initiative: &Initiative,
    at_initiative: &Place,
    ids: &mut IdsSeen,
    out: &mut Vec<Violation>,
) {
    let plan_ids = plan_entry_ids(initiative);
    for (t, topic) in initiative.topics.iter().enumerate() {
        let at_topic = Place {
            topic: Some(t + 1),
            ..at_initiative.clone()
        };
        ids.note(topic.id, at_topic.clone(), out);
        for side in [Side::Plan, Side::Actual] {
            let at_side = Place {
                side: Some(side),
                ..at_topic.clone()
            };
            // Depth-first with the path, without recursion (sub-items may nest deeply).
            let mut stack: Vec<(Vec<usize>, &Entry)> = topic
                .entries(side)
                .iter()
                .enumerate()
                .rev()
                .map(|(k, e)| (vec![k + 1], e))
                .collect();
            while let Some((path, entry)) = stack.pop() {
                let at_entry = Place {
                    entry: path.clone(),
                    ..at_side.clone()
                };
                ids.note(entry.id, at_entry.clone(), out);
                if let Some(t) = &entry.timing
                    && !t.months.is_within_year()
                {
                    out.push(Violation {
                        place: at_entry.with_field("months"),
                        rule: Rule::MonthsOutOfRange {
                            stored: t.months.bits(),
                        },
                    });
                }
                for &linked in &entry.reports {
                    if side == Side::Plan || !plan_ids.contains(&linked) {
                        out.push(Violation {
                            place: at_entry.with_field("reports"),
                            rule: Rule::LinkNotToPlan { id: linked },
                        });
                    }
                }
                for (k, sub) in entry.subs.iter().enumerate().rev() {
                    let mut p = path.clone();
                    p.push(k + 1);
                    stack.push((p, sub));
                }
            }
        }
    }
}

/// Whether the sections down to the entries, and `next_id`, keep every rule [`violations`]
/// checks them for: ids unique and below `next_id`, lanes sound, months real, results linked
/// only to plan entries of their initiative.
fn things_are_sound(report: &Report) -> bool {
    let mut ids: Vec<u64> = Vec::new();
    let mut plan_ids: Vec<Id> = Vec::new();
    let mut stack: Vec<&Entry> = Vec::new();
    for section in &report.sections {
        ids.push(section.id.0);
        for initiative in &section.initiatives {
            ids.push(initiative.id.0);
            for item in &initiative.items {
                ids.push(item.id.0);
                if item
                    .lanes
                    .iter()
                    .any(|lane| !lane_violations(report.plan_years, lane).is_empty())
                {
                    return false;
                }
            }
            plan_ids.clear();
            stack.extend(initiative.topics.iter().flat_map(|t| &t.plan));
            while let Some(e) = stack.pop() {
                plan_ids.push(e.id);
                stack.extend(e.subs.iter());
            }
            plan_ids.sort_unstable();
            for topic in &initiative.topics {
                ids.push(topic.id.0);
                for side in [Side::Plan, Side::Actual] {
                    stack.extend(topic.entries(side));
                    while let Some(e) = stack.pop() {
                        ids.push(e.id.0);
                        let months_real =
                            e.timing.as_ref().is_none_or(|t| t.months.is_within_year());
                        let links_to_plan = e.reports.iter().all(|linked| {
                            side == Side::Actual && plan_ids.binary_search(linked).is_ok()
                        });
                        if !months_real || !links_to_plan {
                            return false;
                        }
                        stack.extend(e.subs.iter());
                    }
                }
            }
        }
    }
    let highest = ids
        .iter()
        .copied()
        .chain(report.history_ids().map(|i| i.0))
        .max()
        .unwrap_or(0);
    // next_id above every id, and no higher than it may be (so every id below the bound).
    if report.next_id <= highest || report.next_id > MAX_ID {
        return false;
    }
    ids.sort_unstable();
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

/// Checks a report read from a file: repairs what can be repaired (returned, to be shown as
/// warnings) or refuses it with every rule it breaks.
pub fn validate(report: &mut Report) -> Result<Vec<Violation>, Vec<Violation>> {
    let found = violations(report);
    if found.iter().any(|v| !v.rule.is_repairable()) {
        return Err(found);
    }
    for v in &found {
        if let Rule::NextIdNotAbove { highest, .. } = v.rule {
            report.next_id = highest.saturating_add(1);
        }
    }
    if found
        .iter()
        .any(|v| matches!(v.rule, Rule::LinkNotToPlan { .. }))
    {
        drop_links_not_to_plan(report);
    }
    if found
        .iter()
        .any(|v| matches!(v.rule, Rule::RatingCodeTwice { .. }))
    {
        let mut seen = HashSet::new();
        (report.measure_settings.rating_scale)
            .retain(|l| seen.insert(crate::model::text::normalize(&l.code)));
    }
    if found
        .iter()
        .any(|v| matches!(v.rule, Rule::RatingCodeBlank { .. }))
    {
        (report.measure_settings.rating_scale).retain(|l| !l.code.trim().is_empty());
    }
    if (found.iter()).any(|v| matches!(v.rule, Rule::RatingWithoutCode { .. })) {
        ratings::repair(report);
    }
    Ok(found)
}

/// The ids of every plan entry (and sub-item) of an initiative: what its results may report.
fn plan_entry_ids(initiative: &Initiative) -> HashSet<Id> {
    (initiative.topics.iter().flat_map(|t| &t.plan))
        .flat_map(Entry::and_subs)
        .map(|e| e.id)
        .collect()
}

/// Drops every link of a result to what is no plan entry of its initiative (and every link of
/// a plan entry).
pub fn drop_links_not_to_plan(report: &mut Report) {
    for initiative in report.sections.iter_mut().flat_map(|s| &mut s.initiatives) {
        let plan_ids = plan_entry_ids(initiative);
        for topic in &mut initiative.topics {
            for (side, list) in [
                (Side::Plan, &mut topic.plan),
                (Side::Actual, &mut topic.actual),
            ] {
                let mut stack: Vec<&mut Entry> = list.iter_mut().collect();
                while let Some(e) = stack.pop() {
                    e.reports
                        .retain(|id| side == Side::Actual && plan_ids.contains(id));
                    stack.extend(e.subs.iter_mut());
                }
            }
        }
    }
}

/// The rules of one lane of stages: each within the plan years and first ≤ last, no two sharing
/// a year. Returns (0-based stage, rule) pairs; empty when the lane is sound. Edits use it to
/// refuse a lane the exports could not write.
pub fn lane_violations(plan: YearRange, lane: &[StageSpan]) -> Vec<(usize, Rule)> {
    let mut out = Vec::new();
    for (k, span) in lane.iter().enumerate() {
        for year in [span.first, span.last] {
            if !year.is_supported() {
                out.push((k, Rule::YearOutOfRange { year: year.0 }));
            }
        }
        if span.first > span.last {
            out.push((
                k,
                Rule::SpanReversed {
                    first: span.first.0,
                    last: span.last.0,
                },
            ));
            continue;
        }
        if span.first < plan.first || span.last > plan.last {
            out.push((
                k,
                Rule::SpanOutsidePlan {
                    first: span.first.0,
                    last: span.last.0,
                    plan: (plan.first.0, plan.last.0),
                },
            ));
        }
        // Against the stages before it, so each overlap is reported once.
        if let Some((other, o)) = lane[..k]
            .iter()
            .enumerate()
            .find(|(_, o)| o.first <= o.last && o.first <= span.last && span.first <= o.last)
        {
            out.push((
                k,
                Rule::SpanOverlap {
                    other: other + 1,
                    year: span.first.max(o.first).0,
                },
            ));
        }
    }
    out
}

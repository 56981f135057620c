//! Edit commands on a report, each with its inverse. The window (or a test) asks with an
//! [`Intent`], which is built into an [`Edit`] against the report as it is; [`apply`] is the
//! only code that changes an open report, and it returns the edit that undoes it.

mod build;
pub mod history;
pub mod intent;
mod kinds;
pub mod measures;
mod provisional;
pub mod scope;
pub mod spans;

pub use build::*;
pub use history::History;
pub use intent::{Intent, StepTarget};
pub use provisional::ProvisionalEdit;

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::lang::{Describe, Lang, say};
use crate::model::{
    ActionItem, AsOf, DivisionSurvey, Entry, EntryList, EntryPlace, Id, Initiative, Period, Report,
    Side, StageSpan, ThinVec, Topic,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Put an entry into a topic's plan or actual list, or under another entry as a sub-item.
    InsertEntry {
        topic: Id,
        side: Side,
        parent: Option<Id>,
        index: usize,
        entry: Entry,
    },
    RemoveEntry {
        id: Id,
    },
    /// Replace the entry with the same id (text, months, counts, notes, 予定 …).
    ReplaceEntry {
        entry: Entry,
    },
    MoveEntry {
        id: Id,
        index: usize,
    },
    InsertTopic {
        initiative: Id,
        index: usize,
        topic: Topic,
    },
    RemoveTopic {
        id: Id,
    },
    SetTopicHeading {
        id: Id,
        heading: Option<String>,
    },
    SetTopicDivision {
        id: Id,
        division: Option<String>,
    },
    MoveTopic {
        id: Id,
        index: usize,
    },
    /// Replace one lane of an action item's stages (a span's years or label changed).
    SetStageLane {
        item: Id,
        lane: usize,
        spans: Vec<StageSpan>,
    },
    InsertItem {
        initiative: Id,
        index: usize,
        item: ActionItem,
    },
    RemoveItem {
        id: Id,
    },
    SetItemName {
        id: Id,
        name: String,
    },
    InsertInitiative {
        section: Id,
        index: usize,
        initiative: Initiative,
    },
    RemoveInitiative {
        id: Id,
    },
    SetInitiativeTitle {
        id: Id,
        title: String,
    },
    SetDivisions {
        initiative: Id,
        divisions: Vec<String>,
    },
    SetPeriod {
        period: Period,
    },
    SetAsOf {
        as_of: Option<AsOf>,
    },
    /// The plan entries a result reports.
    SetReports {
        entry: Id,
        reports: ThinVec<Id>,
    },
    /// A topic's whole plan or actual list at once (a division's answer taken in).
    SetEntries {
        topic: Id,
        side: Side,
        entries: Vec<Entry>,
    },
    /// One 担当課's survey record (提出状況); `None` removes it.
    SetDivisionSurvey {
        division: String,
        record: Option<DivisionSurvey>,
    },
    /// An initiative's numbers and judgements, whole (`edit::measures` builds it).
    SetMeasures {
        initiative: Id,
        measures: Box<crate::model::measures::Measures>,
    },
    /// The report's rating scale, money unit and effect counting.
    SetMeasureSettings {
        settings: Box<crate::model::measures::MeasureSettings>,
    },
    /// Several edits as one step; undone in reverse order.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// It names something no longer in the report (a stale command).
    Missing {
        what: Thing,
        id: Id,
    },
    NoLane {
        item: Id,
        lane: usize,
    },
    NoSpan {
        item: Id,
        lane: usize,
        index: usize,
    },
    /// 計画どおり実施, or a link to something that is not a plan entry.
    NotAPlanEntry {
        id: Id,
    },
    /// A link from something that is not a result (an actual entry).
    NotAResult {
        id: Id,
    },
    /// A lane of stages would break the model's rules (two stages in one year, a stage outside
    /// the plan years or ending before it starts); `lane` and `stage` count from 0.
    Stage {
        item: Id,
        lane: usize,
        stage: usize,
        rule: Box<crate::model::validate::Rule>,
    },
    /// The step would hand out ids past [`crate::model::validate::MAX_ID`].
    IdsUsedUp,
    /// 差戻し of a division that has not answered.
    NotAnswered {
        division: String,
    },
    /// 差戻し of a division the survey was never sent to; the divisions it was sent to.
    NotSurveyed {
        division: String,
        surveyed: Vec<String>,
    },
    /// Undoing the record of a survey sent: its response files are out, and the divisions'
    /// answers are read against it.
    SurveySent,
    /// 差戻し without a reason.
    NoReason {
        division: String,
    },
    /// The open report is a response for `division`, and the edit reaches beyond its results.
    OutOfScope {
        division: String,
        reason: OutOfScope,
    },
}

/// Why an edit is outside a response's scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutOfScope {
    /// A topic another 担当課 answers for (`None`: a topic no division answers for).
    OtherDivision {
        topic: TopicName,
        division: Option<String>,
    },
    /// The 年次計画 (plan) of a topic: the office's, not the division's.
    Plan { topic: TopicName },
    /// Anything but results: headings, stages, action items, titles, 担当課, period, date.
    NotResults,
    /// The numbers and self-rating of an initiative another 担当課 (its 所管課) answers for.
    OtherMeasures {
        initiative: String,
        division: Option<String>,
    },
    /// Targets, effects planned, the review or the committee's comment: the office's.
    OfficeMeasures { initiative: String },
}

/// A topic as the user sees it, for messages: 見出し<…> as the grid shows it, never its
/// internal id; a topic without a heading is named by its initiative's number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicName {
    pub id: Id,
    pub heading: Option<String>,
    /// The number of the initiative it belongs to (`9`).
    pub initiative: String,
}

impl TopicName {
    /// The topic's name as the report has it now (the id alone when it is not in the report).
    pub fn of(report: &Report, topic: Id) -> TopicName {
        let initiative = report.initiative_of_topic(topic);
        TopicName {
            id: topic,
            heading: report.topic(topic).and_then(|t| t.heading.clone()),
            initiative: initiative.map(|i| i.number.clone()).unwrap_or_default(),
        }
    }
}

impl Describe for TopicName {
    fn describe(&self, lang: Lang) -> String {
        let n = &self.initiative;
        match &self.heading {
            Some(h) => say(lang, format!("見出し<{h}>"), format!("the topic <{h}>")),
            None => say(
                lang,
                format!("取組{n}の見出しのない欄"),
                format!("the topic without a heading in initiative {n}"),
            ),
        }
    }
}

impl Describe for OutOfScope {
    fn describe(&self, lang: Lang) -> String {
        match self {
            OutOfScope::OtherDivision { topic, division } => {
                let topic = topic.describe(lang);
                match division {
                    Some(d) => say(
                        lang,
                        format!("{topic}は{d}の担当です"),
                        format!("{topic} is answered by {d}"),
                    ),
                    None => say(
                        lang,
                        format!("{topic}には担当課がありません"),
                        format!("{topic} has no 担当課"),
                    ),
                }
            }
            OutOfScope::Plan { topic } => {
                let topic = topic.describe(lang);
                say(
                    lang,
                    format!("{topic}の年次計画は変更できません（実績のみ）"),
                    format!("the plan of {topic} is not the division's to change (results only)"),
                )
            }
            OutOfScope::OtherMeasures { .. } | OutOfScope::OfficeMeasures { .. } => {
                measures::describe_scope(self, lang)
            }
            OutOfScope::NotResults => say(
                lang,
                "実績以外（見出し・工程・取組名・担当課・期間など）は変更できません".into(),
                "only results can be changed (not headings, stages, titles, 担当課, period …)"
                    .into(),
            ),
        }
    }
}

/// The kinds of thing a report holds, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Section,
    Initiative,
    ActionItem,
    Topic,
    Entry,
}

impl Thing {
    pub(crate) fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Thing::Section, Lang::Ja) => "区分",
            (Thing::Initiative, Lang::Ja) => "取組",
            (Thing::ActionItem, Lang::Ja) => "取組項目",
            (Thing::Topic, Lang::Ja) => "見出し",
            (Thing::Entry, Lang::Ja) => "項目",
            (Thing::Section, Lang::En) => "section",
            (Thing::Initiative, Lang::En) => "initiative",
            (Thing::ActionItem, Lang::En) => "action item",
            (Thing::Topic, Lang::En) => "topic",
            (Thing::Entry, Lang::En) => "entry",
        }
    }
}

impl EditError {
    /// As [`Describe`], with each thing still in `report` named as the user sees it (an
    /// action item by its name, an entry by its text) instead of its id, and a thing no longer
    /// there without one: the window says this.
    pub fn describe_in(&self, report: &crate::model::Report, lang: Lang) -> String {
        let said = self.describe(lang);
        let (id, name) = match self {
            EditError::Missing { id, .. } => {
                return said
                    .replace(&format!("（{id}）"), "")
                    .replace(&format!(" {id}"), "");
            }
            EditError::NoLane { item, .. }
            | EditError::NoSpan { item, .. }
            | EditError::Stage { item, .. } => {
                let name = report
                    .initiatives()
                    .flat_map(|i| &i.items)
                    .find(|x| x.id == *item)
                    .map(|x| x.display_name());
                (*item, name)
            }
            EditError::NotAPlanEntry { id } | EditError::NotAResult { id } => {
                (*id, report.entry(*id).map(|e| e.text.clone()))
            }
            _ => return said,
        };
        match name {
            Some(name) => {
                let name = crate::model::text::preview(&name);
                said.replace(&id.to_string(), &format!("「{name}」"))
            }
            None => said,
        }
    }
}

impl Describe for EditError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            EditError::Missing { what, id } => say(
                lang,
                format!("{}（{id}）は報告にもうありません", what.name(lang)),
                format!("no {} {id} in the report", what.name(lang)),
            ),
            EditError::NoLane { item, lane } => say(
                lang,
                format!("取組項目{item}に工程の段{lane}はありません"),
                format!("item {item} has no lane {lane}"),
            ),
            EditError::NoSpan { item, lane, index } => say(
                lang,
                format!("取組項目{item}の工程の段{lane}に{index}番目の工程はありません"),
                format!("item {item} lane {lane} has no span {index}"),
            ),
            EditError::NotAPlanEntry { id } => say(
                lang,
                format!("{id}は年次計画の項目ではありません"),
                format!("{id} is not a plan entry"),
            ),
            EditError::NotAResult { id } => say(
                lang,
                format!("{id}は実績の項目ではありません"),
                format!("{id} is not a result (an actual entry)"),
            ),
            EditError::Stage {
                item,
                lane,
                stage,
                rule,
            } => {
                let (lane, stage) = (lane + 1, stage + 1);
                say(
                    lang,
                    format!(
                        "取組項目{item}の工程の段{lane}の{stage}番目の工程: {}",
                        rule.describe(lang)
                    ),
                    format!(
                        "item {item} lane {lane} stage {stage}: {}",
                        rule.describe(lang)
                    ),
                )
            }
            EditError::IdsUsedUp => say(
                lang,
                format!(
                    "この報告は使える id（{} 未満）を使い切っているため、この変更はできません",
                    crate::model::validate::MAX_ID
                ),
                format!(
                    "the report has used up its ids (below {}): the change cannot be made",
                    crate::model::validate::MAX_ID
                ),
            ),
            EditError::NotAnswered { division } => say(
                lang,
                format!("{division}はまだ回答していません。差戻しできるのは回答だけです"),
                format!("{division} has not answered: only an answer can be sent back"),
            ),
            EditError::NotSurveyed { division, surveyed } => say(
                lang,
                format!(
                    "「{division}」には照会していません（照会した担当課: {}）",
                    surveyed.join("、")
                ),
                format!(
                    "「{division}」 was not sent the survey (sent to: {})",
                    surveyed.join(", ")
                ),
            ),
            EditError::SurveySent => say(
                lang,
                "照会を送った記録は元に戻せません。回答用ファイルはすでに書き出してあり、回答はこの記録と照らして読みます（それより前の操作も戻せません）"
                    .into(),
                "the record of the survey sent cannot be undone: its response files are written, \
                 and the answers are read against it (nor can what came before it be undone)"
                    .into(),
            ),
            EditError::NoReason { division } => say(
                lang,
                format!("{division}への差戻しの理由を書いてください"),
                format!("say why {division}'s answer is sent back"),
            ),
            EditError::OutOfScope { division, reason } => say(
                lang,
                format!(
                    "{division}への回答用ファイルでは変更できません: {}",
                    reason.describe(lang)
                ),
                format!(
                    "not editable in this response for {division}: {}",
                    reason.describe(lang)
                ),
            ),
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for EditError {}

fn missing(what: Thing, id: Id) -> EditError {
    EditError::Missing { what, id }
}

/// Applies an edit and returns its inverse. On error the report is unchanged. An edit of a
/// sub-item also writes its parent's text again, which holds the sub-items' texts as written
/// (what the report table, the workbook and the CSV show); its inverse gives the parent back
/// whole, so that undoing restores the text exactly as it was written.
pub fn apply(report: &mut Report, edit: Edit) -> Result<Edit, EditError> {
    let Some(old_parent) = sub_item_parent(report, &edit).and_then(|p| report.entry(p).cloned())
    else {
        return kinds::apply_here(report, edit);
    };
    kinds::apply_here(report, edit)?;
    let old_subs: Vec<String> = old_parent.subs.iter().map(|s| s.text.clone()).collect();
    let mut next = report.next_id();
    if let Some(entry) = report.entry_mut(old_parent.id) {
        entry.text = crate::model::sub_text::text_with_subs(entry, &old_subs);
        // Words after a sub-item's months read as the next sub-item's in the entry's text:
        // the report holds what its file opens as (the file, opened again, moved them).
        crate::model::stale::read_as_its_text(entry, &mut next);
    }
    report.restore_next_id(next);
    Ok(Edit::ReplaceEntry { entry: old_parent })
}

/// The entry whose sub-items this edit changes, if it changes sub-items.
fn sub_item_parent(report: &Report, edit: &Edit) -> Option<Id> {
    match edit {
        Edit::InsertEntry { parent, .. } => *parent,
        Edit::RemoveEntry { id } | Edit::MoveEntry { id, .. } => report.entry_place(*id)?.parent,
        Edit::ReplaceEntry { entry } => report.entry_place(entry.id)?.parent,
        _ => None,
    }
}

fn initiative_mut(report: &mut Report, id: Id) -> Result<&mut Initiative, EditError> {
    report
        .initiative_mut(id)
        .ok_or_else(|| missing(Thing::Initiative, id))
}

fn item_mut(report: &mut Report, id: Id) -> Result<&mut ActionItem, EditError> {
    report
        .item_mut(id)
        .ok_or_else(|| missing(Thing::ActionItem, id))
}

fn topic_mut(report: &mut Report, id: Id) -> Result<&mut Topic, EditError> {
    report
        .topic_mut(id)
        .ok_or_else(|| missing(Thing::Topic, id))
}

fn locate_topic(report: &Report, id: Id) -> Result<(Id, usize), EditError> {
    report
        .topic_place(id)
        .ok_or_else(|| missing(Thing::Topic, id))
}

fn locate_entry(report: &Report, id: Id) -> Result<EntryPlace, EditError> {
    report
        .entry_place(id)
        .ok_or_else(|| missing(Thing::Entry, id))
}

fn entry_mut(report: &mut Report, id: Id) -> Result<&mut Entry, EditError> {
    report
        .entry_mut(id)
        .ok_or_else(|| missing(Thing::Entry, id))
}

fn entry_list(
    report: &mut Report,
    topic: Id,
    side: Side,
    parent: Option<Id>,
) -> Result<EntryList<'_>, EditError> {
    report.entry_list_mut(topic, side, parent).ok_or_else(|| {
        missing(
            parent.map_or(Thing::Topic, |_| Thing::Entry),
            parent.unwrap_or(topic),
        )
    })
}

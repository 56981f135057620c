//! Answers in (回答の取り込み): each answer is checked against the master (the same report, the
//! same period, a division that was asked), its division's results are merged by id into one
//! edit — applied as one undoable step — and whatever else it changed is listed as a conflict
//! for the office to accept or reject, never applied on its own.
//!
//! Limits: changes are found by comparing the answer with the master as it is now, so a plan
//! text the office edited after sending shows as a conflict of every answer that still has the
//! old text (rejecting it keeps the office's). A workbook answer can only change results (and,
//! if its protection was removed, headings and plan texts, which come back as conflicts).

use std::collections::HashSet;

use chrono::NaiveDateTime;

use super::answer::{Answer, AnswerContent, Refusal};
use super::{entries_from_text, entries_text, scope, topics_of};
use crate::compare::{self, Diff};
use crate::edit::{Edit, ProvisionalEdit, Thing};
use crate::export::table::entry_line;
use crate::lang::{Describe, Lang, say};
use crate::model::{Entry, Id, Initiative, Received, Report, Side, Topic};

/// An answer taken in.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    pub file: String,
    pub division: String,
    /// The topics whose results it changes.
    pub changed_topics: Vec<Id>,
    /// The division had answered before: this answer replaces the earlier one.
    pub resubmission: bool,
    /// An answer of the same division given earlier in the same collection, replaced by this.
    pub replaces: Option<String>,
    /// What it changes in the master's results (for a re-submission: against the earlier
    /// answer as the master holds it); `None` when it changes nothing.
    pub difference: Option<Diff>,
}

/// A change outside the answering division's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// The results of a topic another division answers for.
    OtherDivisionResults {
        topic: Id,
        division: Option<String>,
    },
    /// A topic's 年次計画.
    Plan {
        topic: Id,
    },
    TopicHeading {
        topic: Id,
    },
    TopicDivision {
        topic: Id,
    },
    /// An action item's stages (工程).
    Stages {
        item: Id,
    },
    ItemName {
        item: Id,
    },
    InitiativeTitle {
        initiative: Id,
    },
    Divisions {
        initiative: Id,
    },
    Section {
        section: Id,
    },
    /// A field of the report as a whole: `title`, `programme`, `plan_years`, `headings`,
    /// `period`, `as_of`.
    ReportField {
        field: &'static str,
    },
    /// Something added or removed: listed, but it can only be rejected (or made by hand).
    Structure {
        thing: Thing,
        id: Id,
        added: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub file: String,
    pub division: String,
    pub kind: ConflictKind,
    /// Where: the initiative's number and the topic's heading, when it is in one.
    pub initiative: Option<String>,
    pub topic: Option<String>,
    edit: Option<Edit>,
}

impl Conflict {
    /// Whether accepting it can be done by an edit (a structural change cannot).
    pub fn acceptable(&self) -> bool {
        self.edit.is_some()
    }

    /// The edit that accepts it (its new entries numbered provisionally: apply it through
    /// [`Collection::intent`] or [`Collection::accept_intent`]).
    pub fn accept(&self) -> Option<&Edit> {
        self.edit.as_ref()
    }
}

impl Describe for Conflict {
    fn describe(&self, lang: Lang) -> String {
        let what = match &self.kind {
            ConflictKind::OtherDivisionResults { division, .. } => say(
                lang,
                format!(
                    "他の担当課（{}）の実績を変更",
                    division.as_deref().unwrap_or("担当課なし")
                ),
                format!(
                    "changes the results of another division ({})",
                    division.as_deref().unwrap_or("none")
                ),
            ),
            ConflictKind::Plan { .. } => {
                say(lang, "年次計画を変更".into(), "changes the plan".into())
            }
            ConflictKind::TopicHeading { .. } => {
                say(lang, "見出しを変更".into(), "changes the heading".into())
            }
            ConflictKind::TopicDivision { .. } => say(
                lang,
                "見出しの担当課を変更".into(),
                "changes the topic's 担当課".into(),
            ),
            ConflictKind::Stages { .. } => {
                say(lang, "工程を変更".into(), "changes the stages".into())
            }
            ConflictKind::ItemName { .. } => say(
                lang,
                "取組項目名を変更".into(),
                "changes an action item's name".into(),
            ),
            ConflictKind::InitiativeTitle { .. } => say(
                lang,
                "取組名を変更".into(),
                "changes the initiative's title".into(),
            ),
            ConflictKind::Divisions { .. } => say(
                lang,
                "取組の担当課を変更".into(),
                "changes the initiative's 担当課".into(),
            ),
            ConflictKind::Section { .. } => {
                say(lang, "区分を変更".into(), "changes a section".into())
            }
            ConflictKind::ReportField { field } => say(
                lang,
                format!("報告の{field}を変更"),
                format!("changes the report's {field}"),
            ),
            ConflictKind::Structure { thing, id, added } => match added {
                true => say(
                    lang,
                    format!("{}（{id}）を追加（取り込めません）", thing.name(lang)),
                    format!("adds a {} ({id}) (cannot be taken in)", thing.name(lang)),
                ),
                false => say(
                    lang,
                    format!("{}（{id}）を削除（取り込めません）", thing.name(lang)),
                    format!("removes a {} ({id}) (cannot be taken in)", thing.name(lang)),
                ),
            },
        };
        let place = match (&self.initiative, &self.topic) {
            (Some(n), Some(t)) => say(
                lang,
                format!("取組{n} <{t}>: "),
                format!("initiative {n} <{t}>: "),
            ),
            (Some(n), None) => say(lang, format!("取組{n}: "), format!("initiative {n}: ")),
            _ => String::new(),
        };
        format!("{} ({}): {place}{what}", self.file, self.division)
    }
}

/// Something to tell about the results an answer brings (months that cannot be read, months
/// outside the period): taken in as written, and said in the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerWarning {
    pub file: String,
    pub division: String,
    pub warning: crate::model::diag::Warning,
}

impl Describe for AnswerWarning {
    fn describe(&self, lang: Lang) -> String {
        format!(
            "{} ({}): {}: {}",
            self.file,
            self.division,
            self.warning.at.describe(lang),
            self.warning.kind.describe(lang)
        )
    }
}

/// What collecting answers found: refusals, what is taken in (one edit), and conflicts.
#[derive(Clone, Debug, PartialEq)]
pub struct Collection {
    /// Answers not taken in, by file, with the reason.
    pub refused: Vec<(String, Refusal)>,
    pub taken: Vec<Taken>,
    pub conflicts: Vec<Conflict>,
    /// What the results taken in warn of, answer by answer.
    pub warnings: Vec<AnswerWarning>,
    /// The in-scope changes and the survey records of the answers taken.
    edits: Vec<Edit>,
    fresh_from: u64,
}

impl Collection {
    /// The in-scope changes (and the conflicts at `accept`, indexes into
    /// [`Collection::conflicts`]) as one step for `Document::perform`; `None` when nothing is
    /// taken in.
    pub fn intent(&self, accept: &[usize]) -> Option<crate::edit::Intent> {
        let mut edits = self.edits.clone();
        edits.extend(
            accept
                .iter()
                .filter_map(|&k| self.conflicts.get(k).and_then(|c| c.edit.clone())),
        );
        (!edits.is_empty()).then(|| self.taking(Edit::Batch(edits)))
    }

    /// Accepting one conflict, after the collection was applied (or instead of it).
    pub fn accept_intent(&self, conflict: usize) -> Option<crate::edit::Intent> {
        let edit = self.conflicts.get(conflict)?.edit.clone()?;
        Some(self.taking(edit))
    }

    fn taking(&self, edit: Edit) -> crate::edit::Intent {
        crate::edit::Intent::TakeAnswers(Box::new(ProvisionalEdit {
            edit,
            fresh_from: self.fresh_from,
        }))
    }

    /// Whether anything was refused (the command line exits non-zero).
    pub fn has_refusals(&self) -> bool {
        !self.refused.is_empty()
    }
}

/// Provisional ids for new entries, above every id of the master.
struct Fresh(u64);

impl Fresh {
    fn next(&mut self) -> Id {
        let id = Id(self.0);
        self.0 += 1;
        id
    }
}

/// Checks and merges answers into the master (which is not changed: apply
/// [`Collection::intent`]). Answers are taken in the order given; a later answer of the same
/// division replaces an earlier one. `at` is recorded as when they were received.
pub fn collect(
    master: &Report,
    answers: Vec<Result<Answer, (String, Refusal)>>,
    at: NaiveDateTime,
) -> Collection {
    let mut out = Collection {
        refused: Vec::new(),
        taken: Vec::new(),
        conflicts: Vec::new(),
        warnings: Vec::new(),
        edits: Vec::new(),
        fresh_from: master.next_id,
    };
    let mut accepted: Vec<(Answer, Option<String>)> = Vec::new();
    for answer in answers {
        let answer = match answer {
            Ok(a) => a,
            Err(refused) => {
                out.refused.push(refused);
                continue;
            }
        };
        if let Err(reason) = admissible(master, &answer) {
            out.refused.push((answer.file.clone(), reason));
            continue;
        }
        match accepted
            .iter()
            .position(|(a, _)| a.response.division == answer.response.division)
        {
            Some(k) => {
                let earlier = accepted.remove(k).0.file;
                accepted.push((answer, Some(earlier)));
            }
            None => accepted.push((answer, None)),
        }
    }
    let mut fresh = Fresh(master.next_id);
    for (answer, replaces) in accepted {
        take(master, answer, replaces, at, &mut fresh, &mut out);
    }
    out
}

/// Reads the files and collects them.
pub fn collect_files(
    master: &Report,
    paths: &[std::path::PathBuf],
    at: NaiveDateTime,
) -> Collection {
    let answers = paths
        .iter()
        .map(|p| {
            super::read_answer(p).map_err(|r| {
                let name = p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                (name, r)
            })
        })
        .collect();
    collect(master, answers, at)
}

fn admissible(master: &Report, answer: &Answer) -> Result<(), Refusal> {
    let r = &answer.response;
    if r.report != master.id {
        return Err(Refusal::AnotherReport {
            expected: master.id.clone(),
            found: r.report.clone(),
        });
    }
    if (r.fiscal_year, r.period) != (master.fiscal_year, master.period) {
        return Err(Refusal::AnotherPeriod {
            expected: (master.fiscal_year, master.period),
            found: (r.fiscal_year, r.period),
        });
    }
    let asked = master
        .survey_of(&r.division)
        .is_some_and(|s| s.sent.is_some());
    if !asked {
        return Err(Refusal::NotAsked {
            division: r.division.clone(),
        });
    }
    Ok(())
}

fn take(
    master: &Report,
    answer: Answer,
    replaces: Option<String>,
    at: NaiveDateTime,
    fresh: &mut Fresh,
    out: &mut Collection,
) {
    let division = answer.response.division.clone();
    let mut edits = Vec::new();
    let mut changed = Vec::new();
    let mut conflicts = Vec::new();
    let conflict = |kind, initiative: Option<&Initiative>, topic: Option<&Topic>, edit| Conflict {
        file: answer.file.clone(),
        division: division.clone(),
        kind,
        initiative: initiative.map(|i| i.number.clone()),
        topic: topic.and_then(|t| t.heading.clone()),
        edit,
    };
    match &answer.content {
        AnswerContent::Report(r) => {
            for topic in topics_of(master, &division) {
                let (Some(i), Some(t), Some(a)) = (
                    master.initiative_of_topic(topic),
                    master.topic(topic),
                    r.topic(topic),
                ) else {
                    continue;
                };
                let list = adopt_list(i, &t.actual, &a.actual, fresh);
                if list != t.actual {
                    changed.push(topic);
                    edits.push(Edit::SetEntries {
                        topic,
                        side: Side::Actual,
                        entries: list,
                    });
                }
            }
            outside_scope(master, r, &division, fresh, &mut |kind, i, t, e| {
                conflicts.push(conflict(kind, i, t, e))
            });
        }
        AnswerContent::Workbook(rows) => {
            for row in rows {
                let (Some(i), Some(t)) = (
                    master.initiative_of_topic(row.topic),
                    master.topic(row.topic),
                ) else {
                    conflicts.push(conflict(
                        ConflictKind::Structure {
                            thing: Thing::Topic,
                            id: row.topic,
                            added: true,
                        },
                        None,
                        None,
                        None,
                    ));
                    continue;
                };
                if !same_text(&row.heading, t.heading.as_deref().unwrap_or_default()) {
                    let heading = Some(row.heading.trim().to_string()).filter(|h| !h.is_empty());
                    conflicts.push(conflict(
                        ConflictKind::TopicHeading { topic: t.id },
                        Some(i),
                        Some(t),
                        Some(Edit::SetTopicHeading { id: t.id, heading }),
                    ));
                }
                if !same_text(&row.plan, &entries_text(&t.plan)) {
                    let entries = adopt_lines(i, t, Side::Plan, &row.plan, fresh);
                    conflicts.push(conflict(
                        ConflictKind::Plan { topic: t.id },
                        Some(i),
                        Some(t),
                        Some(Edit::SetEntries {
                            topic: t.id,
                            side: Side::Plan,
                            entries,
                        }),
                    ));
                }
                if same_text(&row.results, &entries_text(&t.actual)) {
                    continue;
                }
                let entries = adopt_lines(i, t, Side::Actual, &row.results, fresh);
                let edit = Edit::SetEntries {
                    topic: t.id,
                    side: Side::Actual,
                    entries,
                };
                if scope::topic_divisions(i, t).contains(&division.as_str()) {
                    changed.push(t.id);
                    edits.push(edit);
                } else {
                    let other = scope::topic_divisions(i, t).first().map(|d| d.to_string());
                    conflicts.push(conflict(
                        ConflictKind::OtherDivisionResults {
                            topic: t.id,
                            division: other,
                        },
                        Some(i),
                        Some(t),
                        Some(edit),
                    ));
                }
            }
        }
    }
    let earlier = master.survey_of(&division);
    let mut record = earlier
        .cloned()
        .unwrap_or_else(|| crate::model::DivisionSurvey::new(&division));
    let count = earlier
        .and_then(|s| s.received.as_ref())
        .map_or(0, |r| r.count);
    record.received = Some(Received {
        at,
        file: answer.file.clone(),
        count: count + 1,
    });
    record.sent_back = None;
    let difference = (!edits.is_empty()).then(|| difference(master, &edits));
    out.warnings.extend(
        warnings_of(master, &edits)
            .into_iter()
            .map(|warning| AnswerWarning {
                file: answer.file.clone(),
                division: division.clone(),
                warning,
            }),
    );
    edits.push(Edit::SetDivisionSurvey {
        division: division.clone(),
        record: Some(record),
    });
    out.edits.extend(edits);
    out.conflicts.extend(conflicts);
    out.taken.push(Taken {
        file: answer.file,
        division,
        changed_topics: changed,
        resubmission: count > 0,
        replaces,
        difference,
    });
}

/// What `check` would say of the results these edits bring.
fn warnings_of(master: &Report, edits: &[Edit]) -> Vec<crate::model::diag::Warning> {
    let earlier = crate::model::check::earlier_results(master);
    edits
        .iter()
        .filter_map(|e| match e {
            Edit::SetEntries {
                topic,
                side,
                entries,
            } => Some((*topic, *side, entries)),
            _ => None,
        })
        .flat_map(|(topic, side, entries)| {
            let (Some(i), Some(t)) = (master.initiative_of_topic(topic), master.topic(topic))
            else {
                return Vec::new();
            };
            crate::model::check::list_warnings(master, &earlier, i, t, side, entries)
        })
        .collect()
}

/// Two cell texts the same but for line ends and white space at the ends of lines.
fn same_text(a: &str, b: &str) -> bool {
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    lines(a) == lines(b)
}

/// The plan entry ids of an initiative (sub-items too): links may only point at these.
fn plan_ids(initiative: &Initiative) -> HashSet<Id> {
    fn walk(list: &[Entry], out: &mut HashSet<Id>) {
        for e in list {
            out.insert(e.id);
            walk(&e.subs, out);
        }
    }
    let mut out = HashSet::new();
    for t in &initiative.topics {
        walk(&t.plan, &mut out);
    }
    out
}

/// An answered list of entries with the master's ids where they are the master's own (the
/// same id, in the same list), provisional ones elsewhere; links kept to plan entries of the
/// initiative.
fn adopt_list(
    initiative: &Initiative,
    master: &[Entry],
    answered: &[Entry],
    fresh: &mut Fresh,
) -> Vec<Entry> {
    fn ids(list: &[Entry], out: &mut HashSet<Id>) {
        for e in list {
            out.insert(e.id);
            ids(&e.subs, out);
        }
    }
    fn adopt(
        e: &Entry,
        known: &HashSet<Id>,
        used: &mut HashSet<Id>,
        plans: &HashSet<Id>,
        fresh: &mut Fresh,
    ) -> Entry {
        let id = if known.contains(&e.id) && used.insert(e.id) {
            e.id
        } else {
            fresh.next()
        };
        let adopted = Entry {
            id,
            reports: e
                .reports
                .iter()
                .copied()
                .filter(|p| plans.contains(p))
                .collect(),
            subs: e
                .subs
                .iter()
                .map(|s| adopt(s, known, used, plans, fresh))
                .collect(),
            ..e.clone()
        };
        // A file edited by other means than Shinchoku may hold a sub-item's new text without
        // the entry's own text following it: the entry's text is made to hold its sub-items.
        let subs: Vec<String> = e.subs.iter().map(|s| s.text.clone()).collect();
        Entry {
            text: crate::model::entry_text::text_with_subs(&adopted, &subs),
            ..adopted
        }
    }
    let mut known = HashSet::new();
    ids(master, &mut known);
    let plans = plan_ids(initiative);
    let mut used = HashSet::new();
    answered
        .iter()
        .map(|e| adopt(e, &known, &mut used, &plans, fresh))
        .collect()
}

/// Entries typed into a workbook cell: a line the same as one of the master's keeps that
/// entry (its id and links); a new line is a new entry, a result linked as typed results are.
fn adopt_lines(
    initiative: &Initiative,
    topic: &Topic,
    side: Side,
    text: &str,
    fresh: &mut Fresh,
) -> Vec<Entry> {
    let master = topic.entries(side);
    let mut used = vec![false; master.len()];
    entries_from_text(text)
        .into_iter()
        .map(|mut e| {
            let line = entry_line(&e);
            if let Some(k) = (0..master.len()).find(|&k| !used[k] && entry_line(&master[k]) == line)
            {
                used[k] = true;
                return master[k].clone();
            }
            fn number(e: &mut Entry, fresh: &mut Fresh) {
                e.id = fresh.next();
                for s in &mut e.subs {
                    number(s, fresh);
                }
            }
            number(&mut e, fresh);
            if side == Side::Actual {
                e.reports = crate::model::links::propose_for(initiative, topic.id, &e).into();
            }
            e
        })
        .collect()
}

/// Where a conflict is reported: its kind, where it is, and the edit accepting it.
type Found<'f> = dyn FnMut(ConflictKind, Option<&Initiative>, Option<&Topic>, Option<Edit>) + 'f;

/// Reports every change of `answer` outside `division`'s results, with the edit accepting it
/// where one can.
fn outside_scope(
    master: &Report,
    answer: &Report,
    division: &str,
    fresh: &mut Fresh,
    found: &mut Found<'_>,
) {
    report_fields(master, answer, found);
    // A response holds only the initiatives with the division's topics (and their sections):
    // only those can have been removed from it.
    let sent = |i: &Initiative| {
        i.topics
            .iter()
            .any(|t| scope::topic_divisions(i, t).contains(&division))
    };
    sections(master, answer, &sent, found);
    for i in master.initiatives() {
        let Some(a) = answer.initiative(i.id) else {
            if sent(i) {
                found(
                    ConflictKind::Structure {
                        thing: Thing::Initiative,
                        id: i.id,
                        added: false,
                    },
                    Some(i),
                    None,
                    None,
                );
            }
            continue;
        };
        initiative_fields(i, a, found);
        items(i, a, found);
        topics(i, a, division, fresh, found);
    }
    for a in answer.initiatives() {
        if master.initiative(a.id).is_none() {
            found(
                ConflictKind::Structure {
                    thing: Thing::Initiative,
                    id: a.id,
                    added: true,
                },
                Some(a),
                None,
                None,
            );
        }
    }
}

/// The report's own fields: title, programme, plan years, headings, period, as-of date.
fn report_fields(master: &Report, answer: &Report, found: &mut Found<'_>) {
    let field = |name: &'static str, differs: bool, edit: Option<Edit>, found: &mut Found<'_>| {
        if differs {
            found(ConflictKind::ReportField { field: name }, None, None, edit);
        }
    };
    field("title", master.title != answer.title, None, found);
    field(
        "programme",
        master.programme != answer.programme,
        None,
        found,
    );
    field(
        "plan_years",
        master.plan_years != answer.plan_years,
        None,
        found,
    );
    field("headings", master.headings != answer.headings, None, found);
    field(
        "period",
        master.period != answer.period,
        Some(Edit::SetPeriod {
            period: answer.period,
        }),
        found,
    );
    field(
        "as_of",
        master.as_of != answer.as_of,
        Some(Edit::SetAsOf {
            as_of: answer.as_of,
        }),
        found,
    );
}

/// Sections renamed, removed (of those sent) or added.
fn sections(
    master: &Report,
    answer: &Report,
    sent: &dyn Fn(&Initiative) -> bool,
    found: &mut Found<'_>,
) {
    for s in &master.sections {
        match answer.sections.iter().find(|a| a.id == s.id) {
            Some(a) if a.numeral != s.numeral || a.title != s.title => {
                found(ConflictKind::Section { section: s.id }, None, None, None)
            }
            Some(_) => {}
            None if !s.initiatives.iter().any(sent) => {}
            None => found(
                ConflictKind::Structure {
                    thing: Thing::Section,
                    id: s.id,
                    added: false,
                },
                None,
                None,
                None,
            ),
        }
    }
    for a in &answer.sections {
        if !master.sections.iter().any(|s| s.id == a.id) {
            found(
                ConflictKind::Structure {
                    thing: Thing::Section,
                    id: a.id,
                    added: true,
                },
                None,
                None,
                None,
            );
        }
    }
}

/// An initiative's title and 担当課.
fn initiative_fields(i: &Initiative, a: &Initiative, found: &mut Found<'_>) {
    if a.title != i.title {
        found(
            ConflictKind::InitiativeTitle { initiative: i.id },
            Some(i),
            None,
            Some(Edit::SetInitiativeTitle {
                id: i.id,
                title: a.title.clone(),
            }),
        );
    }
    if a.divisions != i.divisions {
        found(
            ConflictKind::Divisions { initiative: i.id },
            Some(i),
            None,
            Some(Edit::SetDivisions {
                initiative: i.id,
                divisions: a.divisions.clone(),
            }),
        );
    }
}

/// Action items renamed, removed or added, and their stages.
fn items(i: &Initiative, a: &Initiative, found: &mut Found<'_>) {
    let structure = |thing, id, added| ConflictKind::Structure { thing, id, added };
    for item in &i.items {
        let Some(ai) = a.items.iter().find(|x| x.id == item.id) else {
            found(
                structure(Thing::ActionItem, item.id, false),
                Some(i),
                None,
                None,
            );
            continue;
        };
        if ai.name != item.name || ai.ticked != item.ticked {
            found(
                ConflictKind::ItemName { item: item.id },
                Some(i),
                None,
                (ai.ticked == item.ticked).then(|| Edit::SetItemName {
                    id: item.id,
                    name: ai.name.clone(),
                }),
            );
        }
        if ai.lanes != item.lanes {
            let edit = (ai.lanes.len() == item.lanes.len()).then(|| {
                Edit::Batch(
                    ai.lanes
                        .iter()
                        .enumerate()
                        .filter(|(k, lane)| item.lanes[*k] != **lane)
                        .map(|(k, lane)| Edit::SetStageLane {
                            item: item.id,
                            lane: k,
                            spans: lane.clone(),
                        })
                        .collect(),
                )
            });
            found(ConflictKind::Stages { item: item.id }, Some(i), None, edit);
        }
    }
    for ai in &a.items {
        if !i.items.iter().any(|x| x.id == ai.id) {
            found(
                structure(Thing::ActionItem, ai.id, true),
                Some(i),
                None,
                None,
            );
        }
    }
}

/// Topics: headings, 担当課, 年次計画, and the results of topics other divisions answer for.
fn topics(
    i: &Initiative,
    a: &Initiative,
    division: &str,
    fresh: &mut Fresh,
    found: &mut Found<'_>,
) {
    let structure = |thing, id, added| ConflictKind::Structure { thing, id, added };
    for t in &i.topics {
        let Some(at) = a.topics.iter().find(|x| x.id == t.id) else {
            found(structure(Thing::Topic, t.id, false), Some(i), Some(t), None);
            continue;
        };
        if at.heading != t.heading {
            found(
                ConflictKind::TopicHeading { topic: t.id },
                Some(i),
                Some(t),
                Some(Edit::SetTopicHeading {
                    id: t.id,
                    heading: at.heading.clone(),
                }),
            );
        }
        if at.division != t.division {
            found(
                ConflictKind::TopicDivision { topic: t.id },
                Some(i),
                Some(t),
                Some(Edit::SetTopicDivision {
                    id: t.id,
                    division: at.division.clone(),
                }),
            );
        }
        let plan = adopt_list(i, &t.plan, &at.plan, fresh);
        if plan != t.plan {
            found(
                ConflictKind::Plan { topic: t.id },
                Some(i),
                Some(t),
                Some(Edit::SetEntries {
                    topic: t.id,
                    side: Side::Plan,
                    entries: plan,
                }),
            );
        }
        if !scope::topic_divisions(i, t).contains(&division) {
            let actual = adopt_list(i, &t.actual, &at.actual, fresh);
            if actual != t.actual {
                found(
                    ConflictKind::OtherDivisionResults {
                        topic: t.id,
                        division: scope::topic_divisions(i, t).first().map(|d| d.to_string()),
                    },
                    Some(i),
                    Some(t),
                    Some(Edit::SetEntries {
                        topic: t.id,
                        side: Side::Actual,
                        entries: actual,
                    }),
                );
            }
        }
    }
    for at in &a.topics {
        if !i.topics.iter().any(|x| x.id == at.id) {
            found(
                structure(Thing::Topic, at.id, true),
                Some(i),
                Some(at),
                None,
            );
        }
    }
}

/// The change list of the in-scope edits: the initiatives they touch, before and after.
fn difference(master: &Report, edits: &[Edit]) -> Diff {
    let topics: HashSet<Id> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::SetEntries { topic, .. } => Some(*topic),
            _ => None,
        })
        .collect();
    let mut before = super::header(master);
    for s in &master.sections {
        let initiatives: Vec<Initiative> = s
            .initiatives
            .iter()
            .filter(|i| i.topics.iter().any(|t| topics.contains(&t.id)))
            .cloned()
            .collect();
        if !initiatives.is_empty() {
            before.sections.push(crate::model::Section {
                initiatives,
                ..crate::model::Section {
                    id: s.id,
                    numeral: s.numeral.clone(),
                    number: s.number,
                    title: s.title.clone(),
                    initiatives: Vec::new(),
                }
            });
        }
    }
    let mut after = before.clone();
    for e in edits {
        // Each names a topic of `before`: it applies.
        let _ = crate::edit::apply(&mut after, e.clone());
    }
    compare::diff(&before, &after)
}

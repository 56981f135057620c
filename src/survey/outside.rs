//! The changes a `.ron` answer makes outside its division's results, found part by part
//! (report fields, sections, initiatives, action items, topics). A part counts as changed by the
//! division only when the answer's text of it differs from the master's and — where the
//! response recorded what it was sent with ([`super::sent`]) — from what was sent: what the
//! office changed in the master after sending is the office's, not the answer's.

use super::conflict::{Conflict, ConflictKind};
use super::sent::{self, Element, SentParts, comparable};
use super::{entries_text, topic_divisions};
use crate::edit::{Edit, Thing};
use crate::model::{Initiative, Report, Side, StageSpan, Topic};

use super::adopt::{Fresh, adopt_list, relinked_by};
use crate::edit::measures::measures_division;

/// Finds the conflicts of one answer.
pub(super) struct Outside<'a> {
    pub master: &'a Report,
    pub answer: &'a Report,
    pub division: &'a str,
    pub file: &'a str,
    /// What the response was sent with; empty for a response from before it was recorded.
    pub sent: &'a SentParts,
    pub found: Vec<Conflict>,
}

/// One part's change, before it is judged.
struct Part<'p> {
    key: String,
    kind: ConflictKind,
    initiative: Option<&'p Initiative>,
    topic: Option<&'p Topic>,
    old: String,
    new: String,
    edit: Option<Edit>,
}

impl<'a> Outside<'a> {
    /// Every change of the answer outside the division's results.
    pub fn find(mut self, fresh: &mut Fresh) -> Vec<Conflict> {
        self.report_fields();
        self.sections();
        let (master, answer) = (self.master, self.answer);
        for i in master.initiatives() {
            let Some(a) = answer.initiative(i.id) else {
                self.removed(Element::InitiativeTitle.key(i.id), Thing::Initiative, i);
                continue;
            };
            self.initiative_fields(i, a);
            self.measures(i, a);
            self.items(i, a);
            self.topics(i, a, fresh);
        }
        for a in answer.initiatives() {
            if master.initiative(a.id).is_none() {
                self.added(
                    Element::InitiativeTitle.key(a.id),
                    Thing::Initiative,
                    a,
                    None,
                    a.title.clone(),
                );
            }
        }
        self.found
    }

    /// A changed part, kept when the texts differ and the division changed it.
    fn change(&mut self, part: Part<'_>) {
        if comparable(&part.old) == comparable(&part.new) {
            return;
        }
        if self
            .sent
            .get(&part.key)
            .is_some_and(|&h| h == sent::hash(&part.new))
        {
            return;
        }
        self.push(part);
    }

    fn push(&mut self, part: Part<'_>) {
        // Of an initiative the master has (one the answer adds is said as added).
        let not_sent = part
            .initiative
            .is_some_and(|i| self.master.initiative(i.id).is_some() && !self.was_sent(i));
        let edit = if not_sent { None } else { part.edit };
        let relinked =
            (part.initiative).map_or_else(Default::default, |i| relinked_by(i, edit.as_ref()));
        self.found.push(Conflict {
            file: self.file.to_string(),
            division: self.division.to_string(),
            kind: part.kind,
            initiative: part.initiative.map(|i| i.number.clone()),
            topic: part.topic.and_then(|t| t.heading.clone()),
            old: part.old,
            new: part.new,
            unlinks: relinked.unlinks,
            moves: relinked.moves,
            edit,
            not_sent,
        });
    }

    /// Whether the survey sent the initiative to the division: one of its topics is the
    /// division's in the master, and (a response recording them) its title is among the parts
    /// the response was sent with. The master decides: the parts sent are in the answer, which
    /// the division could write into.
    fn was_sent(&self, i: &Initiative) -> bool {
        let of_master = self.master.initiative(i.id).unwrap_or(i);
        sent_to(of_master, self.division)
            && (self.sent.is_empty() || self.sent.contains_key(&Element::InitiativeTitle.key(i.id)))
    }

    /// Something of the master the answer does not hold: a removal only if it was sent (a
    /// response holds only the initiatives of its division, and the office may add after).
    fn removed(&mut self, key: String, thing: Thing, i: &Initiative) {
        if !self.sent.is_empty() && !self.sent.contains_key(&key) {
            return;
        }
        if self.sent.is_empty() && !sent_to(i, self.division) {
            return;
        }
        let (id, old) = (i.id, i.title.clone());
        self.push(Part {
            key,
            kind: ConflictKind::Structure {
                thing,
                id,
                added: false,
            },
            initiative: Some(i),
            topic: None,
            old,
            new: String::new(),
            edit: None,
        });
    }

    /// Something the answer holds that the master does not: an addition unless it was sent
    /// (then the office removed it since).
    fn added(
        &mut self,
        key: String,
        thing: Thing,
        i: &Initiative,
        topic: Option<&Topic>,
        new: String,
    ) {
        if self.sent.contains_key(&key) {
            return;
        }
        let id = match (thing, topic) {
            (Thing::Topic, Some(t)) => t.id,
            _ => i.id,
        };
        self.push(Part {
            key,
            kind: ConflictKind::Structure {
                thing,
                id,
                added: true,
            },
            initiative: Some(i),
            topic,
            old: String::new(),
            new,
            edit: None,
        });
    }

    fn report_fields(&mut self) {
        let old = sent::report_parts(self.master);
        let new = sent::report_parts(self.answer);
        for ((key, old), (_, new)) in old.into_iter().zip(new) {
            // A response sent before how the numbers read was recorded: its copy of them is
            // as sent, whatever the office changed since (not the division's change).
            let recorded = self.sent.is_empty() || self.sent.contains_key(&key);
            let newer = ["report/yen_unit", "report/counting", "report/rating_scale"];
            if !recorded && newer.contains(&key.as_str()) {
                continue;
            }
            let field: &'static str = match key.trim_start_matches("report/") {
                "title" => "title",
                "programme" => "programme",
                "plan_years" => "plan_years",
                "headings" => "headings",
                "period" => "period",
                "yen_unit" => "yen_unit",
                "counting" => "counting",
                "rating_scale" => "rating_scale",
                _ => "as_of",
            };
            let edit = match field {
                "period" => Some(Edit::SetPeriod {
                    period: self.answer.period,
                }),
                "as_of" => Some(Edit::SetAsOf {
                    as_of: self.answer.as_of,
                }),
                _ => None,
            };
            self.change(Part {
                key,
                kind: ConflictKind::ReportField { field },
                initiative: None,
                topic: None,
                old,
                new,
                edit,
            });
        }
    }

    /// Sections renamed, removed (of those sent) or added.
    fn sections(&mut self) {
        let (master, answer) = (self.master, self.answer);
        for s in &master.sections {
            let key = Element::Section.key(s.id);
            match answer.sections.iter().find(|a| a.id == s.id) {
                Some(a) => self.change(Part {
                    key,
                    kind: ConflictKind::Section { section: s.id },
                    initiative: None,
                    topic: None,
                    old: sent::section_text(s),
                    new: sent::section_text(a),
                    edit: None,
                }),
                None if self.sent.contains_key(&key)
                    || (self.sent.is_empty()
                        && s.initiatives.iter().any(|i| sent_to(i, self.division))) =>
                {
                    self.push(Part {
                        key,
                        kind: ConflictKind::Structure {
                            thing: Thing::Section,
                            id: s.id,
                            added: false,
                        },
                        initiative: None,
                        topic: None,
                        old: sent::section_text(s),
                        new: String::new(),
                        edit: None,
                    })
                }
                None => {}
            }
        }
        for a in &answer.sections {
            let key = Element::Section.key(a.id);
            if !master.sections.iter().any(|s| s.id == a.id) && !self.sent.contains_key(&key) {
                self.push(Part {
                    key,
                    kind: ConflictKind::Structure {
                        thing: Thing::Section,
                        id: a.id,
                        added: true,
                    },
                    initiative: None,
                    topic: None,
                    old: String::new(),
                    new: sent::section_text(a),
                    edit: None,
                });
            }
        }
    }

    /// An initiative's title and 担当課.
    fn initiative_fields(&mut self, i: &Initiative, a: &Initiative) {
        self.change(Part {
            key: Element::InitiativeTitle.key(i.id),
            kind: ConflictKind::InitiativeTitle { initiative: i.id },
            initiative: Some(i),
            topic: None,
            old: i.title.clone(),
            new: a.title.clone(),
            edit: Some(Edit::SetInitiativeTitle {
                id: i.id,
                title: a.title.clone(),
            }),
        });
        self.change(Part {
            key: Element::InitiativeDivisions.key(i.id),
            kind: ConflictKind::Divisions { initiative: i.id },
            initiative: Some(i),
            topic: None,
            old: sent::divisions_text(&i.divisions),
            new: sent::divisions_text(&a.divisions),
            edit: Some(Edit::SetDivisions {
                initiative: i.id,
                divisions: a.divisions.clone(),
            }),
        });
    }

    /// The numbers outside the division's answer (`sent::measures_part`): the office's part of
    /// its own initiatives' (targets, planned effects, review, comment), all of another's.
    /// The office may take a change of its part; another division's numbers are listed and
    /// never taken from this answer (that division answers its own, the office edits its own).
    fn measures(&mut self, i: &Initiative, a: &Initiative) {
        let (old, new) = (
            sent::measures_part(i, i.measures(), self.division),
            sent::measures_part(i, a.measures(), self.division),
        );
        // The division's own part was taken with its answer; the office's part it may take
        // too. Another division's numbers are never set from this answer.
        let edit = (measures_division(i) == Some(self.division)).then(|| Edit::SetMeasures {
            initiative: i.id,
            measures: Box::new(a.measures().clone()),
        });
        self.change(Part {
            key: Element::InitiativeMeasures.key(i.id),
            kind: ConflictKind::Measures { initiative: i.id },
            initiative: Some(i),
            topic: None,
            old,
            new,
            edit,
        });
    }

    /// Action items renamed, removed or added, and their stages.
    fn items(&mut self, i: &Initiative, a: &Initiative) {
        let year = self.master.fiscal_year;
        for item in &i.items {
            let Some(ai) = a.items.iter().find(|x| x.id == item.id) else {
                if self.sent.is_empty() || self.sent.contains_key(&Element::ItemName.key(item.id)) {
                    self.push(Part {
                        key: String::new(),
                        kind: ConflictKind::Structure {
                            thing: Thing::ActionItem,
                            id: item.id,
                            added: false,
                        },
                        initiative: Some(i),
                        topic: None,
                        old: sent::item_name(item),
                        new: String::new(),
                        edit: None,
                    });
                }
                continue;
            };
            self.change(Part {
                key: Element::ItemName.key(item.id),
                kind: ConflictKind::ItemName { item: item.id },
                initiative: Some(i),
                topic: None,
                old: sent::item_name(item),
                new: sent::item_name(ai),
                edit: (ai.ticked == item.ticked).then(|| Edit::SetItemName {
                    id: item.id,
                    name: ai.name.clone(),
                }),
            });
            let edit = (ai.lanes.len() == item.lanes.len()).then(|| {
                Edit::Batch(
                    ai.lanes
                        .iter()
                        .enumerate()
                        .filter(|(k, lane)| item.lanes[*k] != **lane)
                        .map(|(k, lane)| Edit::SetStageLane {
                            item: item.id,
                            lane: k,
                            // Read again from the cell as written: a file edited by other
                            // means may hold a label that does not match it.
                            spans: lane
                                .iter()
                                .map(|s| StageSpan::new(s.first, s.last, &s.source))
                                .collect(),
                        })
                        .collect(),
                )
            });
            self.change(Part {
                key: Element::ItemLanes.key(item.id),
                kind: ConflictKind::Stages {
                    item: item.id,
                    name: sent::item_name(item),
                },
                initiative: Some(i),
                topic: None,
                old: sent::lanes_text(item, year),
                new: sent::lanes_text(ai, year),
                edit,
            });
        }
        for ai in &a.items {
            if !i.items.iter().any(|x| x.id == ai.id)
                && !self.sent.contains_key(&Element::ItemName.key(ai.id))
            {
                self.push(Part {
                    key: String::new(),
                    kind: ConflictKind::Structure {
                        thing: Thing::ActionItem,
                        id: ai.id,
                        added: true,
                    },
                    initiative: Some(i),
                    topic: None,
                    old: String::new(),
                    new: sent::item_name(ai),
                    edit: None,
                });
            }
        }
    }

    /// Topics: headings, 担当課, 年次計画, and the results of topics other divisions answer for.
    fn topics(&mut self, i: &Initiative, a: &Initiative, fresh: &mut Fresh) {
        for t in &i.topics {
            let Some(at) = a.topics.iter().find(|x| x.id == t.id) else {
                let key = Element::TopicPlan.key(t.id);
                if self.sent.is_empty() || self.sent.contains_key(&key) {
                    self.push(Part {
                        key,
                        kind: ConflictKind::Structure {
                            thing: Thing::Topic,
                            id: t.id,
                            added: false,
                        },
                        initiative: Some(i),
                        topic: Some(t),
                        old: t.heading.clone().unwrap_or_default(),
                        new: String::new(),
                        edit: None,
                    });
                }
                continue;
            };
            self.topic(i, t, at, fresh);
        }
        for at in &a.topics {
            if !i.topics.iter().any(|x| x.id == at.id) {
                let heading = at.heading.clone().unwrap_or_default();
                self.added(
                    Element::TopicPlan.key(at.id),
                    Thing::Topic,
                    i,
                    Some(at),
                    heading,
                );
            }
        }
    }

    fn topic(&mut self, i: &Initiative, t: &Topic, at: &Topic, fresh: &mut Fresh) {
        self.change(Part {
            key: Element::TopicHeading.key(t.id),
            kind: ConflictKind::TopicHeading { topic: t.id },
            initiative: Some(i),
            topic: Some(t),
            old: t.heading.clone().unwrap_or_default(),
            new: at.heading.clone().unwrap_or_default(),
            edit: Some(Edit::SetTopicHeading {
                id: t.id,
                heading: at.heading.clone(),
            }),
        });
        self.change(Part {
            key: Element::TopicDivision.key(t.id),
            kind: ConflictKind::TopicDivision { topic: t.id },
            initiative: Some(i),
            topic: Some(t),
            old: t.division.clone().unwrap_or_default(),
            new: at.division.clone().unwrap_or_default(),
            edit: Some(Edit::SetTopicDivision {
                id: t.id,
                division: at.division.clone(),
            }),
        });
        self.change(Part {
            key: Element::TopicPlan.key(t.id),
            kind: ConflictKind::Plan { topic: t.id },
            initiative: Some(i),
            topic: Some(t),
            old: entries_text(&t.plan),
            new: entries_text(&at.plan),
            edit: Some(Edit::SetEntries {
                topic: t.id,
                side: Side::Plan,
                entries: adopt_list(i, &t.plan, &at.plan, self.sent, fresh),
            }),
        });
        let divisions = topic_divisions(i, t);
        if !divisions.contains(&self.division) {
            self.change(Part {
                key: Element::TopicActual.key(t.id),
                kind: ConflictKind::OtherDivisionResults {
                    topic: t.id,
                    division: divisions.first().map(|d| d.to_string()),
                },
                initiative: Some(i),
                topic: Some(t),
                old: entries_text(&t.actual),
                // As it would be taken: a sub-item's new text held by the sub-item alone (a
                // file edited by other means) is in its entry's text.
                new: entries_text(&adopt_list(i, &t.actual, &at.actual, self.sent, fresh)),
                edit: None,
            });
        }
    }
}

/// Whether a response for `division` holds this initiative (it holds one of its topics).
fn sent_to(i: &Initiative, division: &str) -> bool {
    i.topics
        .iter()
        .any(|t| topic_divisions(i, t).contains(&division))
}

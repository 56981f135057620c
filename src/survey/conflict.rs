//! A change an answer makes outside its division's results (a plan text, a heading, a stage,
//! another division's results …): listed for the office with the text before and after, and
//! taken in only when the office ticks it — except what can never be taken from an answer.

use crate::edit::{Edit, Thing};
use crate::lang::{Describe, Lang, say};
use crate::model::Id;
use crate::model::text::listed;

/// What a change outside the answering division's results is to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// The results of a topic another division answers for: listed, never taken in (only that
    /// division's own answer changes its results).
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
    /// An action item's stages (工程); `name` the item's, as the grid shows it (two items of
    /// an initiative may have the same stages).
    Stages {
        item: Id,
        name: String,
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
    /// The numbers of an initiative outside what the division answers: the office's part of
    /// its own initiative's (taken when ticked), another division's (never taken).
    Measures {
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
    /// Taking back what the division's earlier answers wrote in a topic the answer brings
    /// back as it was sent: held, for the office to tick. The file may be the division's
    /// earlier answer undone, or a copy of the sent file another member of the division
    /// answered elsewhere in (a workbook answered, then the response file): the two read alike.
    TakeBack {
        topic: Id,
    },
    /// Removing results of a topic several divisions answer for that were in the report when
    /// the survey went out (written by no division's answer): held for the office to tick, as
    /// [`ConflictKind::TakeBack`] is — whose they are cannot be told from the file, and one
    /// division clearing the lines it took for another's removed what that division reported.
    SharedRemoval {
        topic: Id,
    },
    /// Putting back, as the answer has them (as they were sent), numbers of an initiative
    /// whose standing value the division's earlier answer wrote (typed, then cleared after
    /// 差戻し): held for the office to tick, as [`ConflictKind::TakeBack`] is. `changes` says
    /// each number, old → new.
    NumbersBack {
        initiative: Id,
        changes: Vec<crate::compare::What>,
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
    /// The master's text now, and the answer's (empty for what is added or removed).
    pub old: String,
    pub new: String,
    /// For a plan change: the texts of the results that report a plan line it takes away (a
    /// line removed, or retyped in a workbook), each with the plan line accepting it pairs it
    /// with instead (the line as rewritten, mostly: [`crate::model::links::proposed_again`]), or none:
    /// accepting it unlinks it.
    pub unlinks: Vec<(String, Option<String>)>,
    /// For a plan change: the texts of results taken before that name a plan line it adds,
    /// each with that line, which accepting it pairs them with (they reported another line).
    pub moves: Vec<(String, String)>,
    pub(super) edit: Option<Edit>,
    /// In an initiative the survey never sent to the answering division: listed, never
    /// offered (an answer pasting another division's initiative in cannot take it over).
    pub(super) not_sent: bool,
}

impl Conflict {
    /// Putting the numbers of `initiative` back to `measures` (see
    /// [`ConflictKind::NumbersBack`]); none when that changes nothing.
    /// `base`: the initiative's numbers as the answer's in-scope ones leave them (what is
    /// taken is not listed again as held).
    pub(super) fn numbers_back(
        (file, division): (&str, &str),
        master: &crate::model::Report,
        (initiative, base): (Id, Option<crate::model::measures::Measures>),
        measures: crate::model::measures::Measures,
    ) -> Option<Conflict> {
        let i = master.initiative(initiative)?;
        let mut before = i.clone();
        if let Some(base) = base {
            before.set_measures(base);
        }
        let mut after = i.clone();
        after.set_measures(measures.clone());
        let unit = master.measure_settings.yen_unit;
        let changes = crate::compare::measures::changes(&before, &after, unit, true);
        if changes.is_empty() {
            return None;
        }
        let kind = ConflictKind::NumbersBack {
            initiative,
            changes,
        };
        let edit = Edit::SetMeasures {
            initiative,
            measures: Box::new(measures),
        };
        let place = (Some(i.number.clone()), None);
        Some(Conflict::held(
            (file, division),
            kind,
            place,
            Default::default(),
            edit,
        ))
    }

    /// Taking back, in topic `t` of initiative `i`, what the division's earlier answers wrote:
    /// the topic's results become `entries` (see [`ConflictKind::TakeBack`]).
    pub(super) fn taking_back(
        from: (&str, &str),
        (i, t): (&crate::model::Initiative, &crate::model::Topic),
        entries: Vec<crate::model::Entry>,
    ) -> Conflict {
        let kind = ConflictKind::TakeBack { topic: t.id };
        Conflict::setting_results(from, (i, t), entries, kind)
    }

    /// Removing, in topic `t` of initiative `i` that several divisions answer for, results of
    /// the published report: the topic's results become `entries` (see
    /// [`ConflictKind::SharedRemoval`]).
    pub(super) fn removing_shared(
        from: (&str, &str),
        (i, t): (&crate::model::Initiative, &crate::model::Topic),
        entries: Vec<crate::model::Entry>,
    ) -> Conflict {
        let kind = ConflictKind::SharedRemoval { topic: t.id };
        Conflict::setting_results(from, (i, t), entries, kind)
    }

    /// A held change of `kind` that sets the results of topic `t` to `entries`.
    fn setting_results(
        (file, division): (&str, &str),
        (i, t): (&crate::model::Initiative, &crate::model::Topic),
        entries: Vec<crate::model::Entry>,
        kind: ConflictKind,
    ) -> Conflict {
        let new = super::entries_text(&entries);
        let edit = Edit::SetEntries {
            topic: t.id,
            side: crate::model::Side::Actual,
            entries,
        };
        let place = (Some(i.number.clone()), t.heading.clone());
        let texts = (super::entries_text(&t.actual), new);
        Conflict::held((file, division), kind, place, texts, edit)
    }

    /// A change held for the office to tick, of `file` of `division`: where (an initiative's
    /// number, a topic's heading), its old and new text, and the edit that takes it.
    fn held(
        (file, division): (&str, &str),
        kind: ConflictKind,
        (initiative, topic): (Option<String>, Option<String>),
        (old, new): (String, String),
        edit: Edit,
    ) -> Conflict {
        Conflict {
            file: file.to_string(),
            division: division.to_string(),
            kind,
            initiative,
            topic,
            old,
            new,
            unlinks: Vec::new(),
            moves: Vec::new(),
            edit: Some(edit),
            not_sent: false,
        }
    }

    /// Whether accepting it can be done by an edit (a structural change, or another
    /// division's results, cannot).
    pub fn acceptable(&self) -> bool {
        self.edit.is_some()
    }

    /// Why it cannot be taken in, when it cannot.
    pub fn refused_because(&self, lang: Lang) -> Option<String> {
        if self.acceptable() {
            return None;
        }
        if self.not_sent {
            return Some(say(
                lang,
                format!(
                    "取り込めません: この取組は{}に照会していません",
                    self.division
                ),
                format!(
                    "cannot be taken: this initiative was not sent to {}",
                    self.division
                ),
            ));
        }
        Some(match &self.kind {
            ConflictKind::OtherDivisionResults { .. } => say(
                lang,
                "取り込めません: 実績はその担当課の回答でだけ変わります".into(),
                "cannot be taken: results change only by their own division's answer".into(),
            ),
            ConflictKind::Measures { .. } => say(
                lang,
                "取り込めません: その取組の数値は所管課の回答と事務局の編集でだけ変わります".into(),
                "cannot be taken: that initiative's numbers change only by its own division's answer and the office's edits".into(),
            ),
            _ => say(
                lang,
                "取り込めません: 手で直してください".into(),
                "cannot be taken: make it by hand".into(),
            ),
        })
    }

    /// What accepting it does to the results reporting a plan line it takes away, said after
    /// the texts: those it pairs with a line of the plan as it will stand, those it pairs with
    /// a line it adds, and those it unlinks; empty when there are none.
    fn unlinks_said(&self, lang: Lang) -> String {
        let (paired, unlinked): (Vec<_>, Vec<_>) =
            self.unlinks.iter().partition(|(_, to)| to.is_some());
        let mut out = String::new();
        if !paired.is_empty() {
            let quoted: Vec<String> = (paired.iter())
                .map(|(r, to)| {
                    format!(
                        "「{}」→「{}」",
                        one_line(r),
                        one_line(to.as_deref().unwrap_or(""))
                    )
                })
                .collect();
            out.push_str(&say(
                lang,
                format!(
                    "（受け入れると、なくなる計画行を報告している実績{}件を、受け入れ後の計画行に対応付け直します: {}）",
                    quoted.len(),
                    quoted.join("、")
                ),
                format!(
                    " (accepting it links {} result(s) reporting a plan line it takes away to the plan as it will stand: {})",
                    quoted.len(),
                    quoted.join(", ")
                ),
            ));
        }
        if !self.moves.is_empty() {
            let quoted: Vec<String> = (self.moves.iter())
                .map(|(r, to)| format!("「{}」→「{}」", one_line(r), one_line(to)))
                .collect();
            out.push_str(&say(
                lang,
                format!(
                    "（受け入れると、実績{}件を追加される計画行に対応付けます: {}）",
                    quoted.len(),
                    quoted.join("、")
                ),
                format!(
                    " (accepting it links {} result(s) to the plan line it adds: {})",
                    quoted.len(),
                    quoted.join(", ")
                ),
            ));
        }
        if !unlinked.is_empty() {
            let quoted: Vec<String> = (unlinked.iter())
                .map(|(r, _)| format!("「{}」", one_line(r)))
                .collect();
            out.push_str(&say(
                lang,
                format!(
                    "（受け入れると、なくなる計画行を報告している実績{}件の対応付けが外れます: {}）",
                    quoted.len(),
                    quoted.join("、")
                ),
                format!(
                    " (accepting it unlinks {} result(s) reporting a plan line it takes away: {})",
                    quoted.len(),
                    quoted.join(", ")
                ),
            ));
        }
        out
    }

    fn what(&self, lang: Lang) -> String {
        match &self.kind {
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
            ConflictKind::NumbersBack { .. } => say(
                lang,
                "前の回答で書いた数値を取り消し（回答はこの数値を照会を送ったときのまま）".into(),
                "takes back numbers the division's earlier answer wrote (the answer has them as they were sent)".into(),
            ),
            ConflictKind::TakeBack { .. } => say(
                lang,
                "前の回答で書いた実績を取り消し（回答はそれを照会を送ったときのまま）".into(),
                "takes back what the division's earlier answer wrote (the answer has it as it was sent)".into(),
            ),
            ConflictKind::SharedRemoval { .. } => say(
                lang,
                "他の担当課とともに回答する見出しの、照会を送ったときからある実績を削除".into(),
                "removes results, there when the survey went out, of a topic it answers for with another division".into(),
            ),
            ConflictKind::TopicHeading { .. } => {
                say(lang, "見出しを変更".into(), "changes the heading".into())
            }
            ConflictKind::TopicDivision { .. } => say(
                lang,
                "見出しの担当課を変更".into(),
                "changes the topic's 担当課".into(),
            ),
            ConflictKind::Stages { name, .. } => {
                let name = listed(name, lang);
                say(
                    lang,
                    format!("取組項目「{name}」の工程を変更"),
                    format!("changes the stages of the action item 「{name}」"),
                )
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
            ConflictKind::Measures { .. } => say(
                lang,
                "数値目標・効果額・評価（回答の範囲外）を変更".into(),
                "changes numbers or ratings outside its answer".into(),
            ),
            ConflictKind::Section { .. } => {
                say(lang, "区分を変更".into(), "changes a section".into())
            }
            ConflictKind::ReportField { field } => say(
                lang,
                format!("報告の{}を変更", field_name(field, lang)),
                format!("changes the report's {}", field_name(field, lang)),
            ),
            ConflictKind::Structure { thing, added, .. } => match added {
                true => say(
                    lang,
                    format!("{}を追加", thing.name(lang)),
                    format!("adds a {}", thing.name(lang)),
                ),
                false => say(
                    lang,
                    format!("{}を削除", thing.name(lang)),
                    format!("removes a {}", thing.name(lang)),
                ),
            },
        }
    }
}

fn field_name(field: &str, lang: Lang) -> &str {
    match (field, lang) {
        ("title", Lang::Ja) => "題名",
        ("programme", Lang::Ja) => "取組名称",
        ("plan_years", Lang::Ja) => "計画期間",
        ("headings", Lang::Ja) => "列見出し",
        ("period", Lang::Ja) => "報告期間",
        ("as_of", Lang::Ja) => "時点",
        ("yen_unit", Lang::Ja) => "効果額の単位",
        ("counting", Lang::Ja) => "効果額の数え方",
        ("rating_scale", Lang::Ja) => "評価の区分",
        ("yen_unit", Lang::En) => "money unit",
        ("counting", Lang::En) => "counting of effects",
        ("rating_scale", Lang::En) => "rating scale",
        ("plan_years", Lang::En) => "plan years",
        ("as_of", Lang::En) => "as-of date",
        (other, _) => other,
    }
}

/// A text for one line of a list: its lines joined with ` / `.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

impl Describe for Conflict {
    fn describe(&self, lang: Lang) -> String {
        let topic = self.topic.as_deref().map(|t| listed(t, lang));
        let place = match (&self.initiative, topic) {
            (Some(n), Some(t)) => say(
                lang,
                format!("取組{n} <{t}>: "),
                format!("initiative {n} <{t}>: "),
            ),
            (Some(n), None) => say(lang, format!("取組{n}: "), format!("initiative {n}: ")),
            _ => String::new(),
        };
        let (old, new) = (one_line(&self.old), one_line(&self.new));
        let (old, new) = crate::model::text::listed_change(&old, &new, lang);
        let texts = match &self.kind {
            ConflictKind::NumbersBack { changes, .. } => {
                let each: Vec<String> = changes.iter().map(|c| c.describe(lang)).collect();
                format!(" {}", each.join(" / "))
            }
            // A thing with no text (a topic without heading or results) is named by the place
            // alone: 「」 said nothing.
            ConflictKind::Structure { added: true, .. } if new.is_empty() => String::new(),
            ConflictKind::Structure { added: false, .. } if old.is_empty() => String::new(),
            ConflictKind::Structure { added: true, .. } => format!(" 「{new}」"),
            ConflictKind::Structure { added: false, .. } => format!(" 「{old}」"),
            _ => format!(" 「{old}」 → 「{new}」"),
        };
        let refused = self
            .refused_because(lang)
            .map_or_else(String::new, |r| format!("（{r}）"));
        format!(
            "{} ({}): {place}{}{texts}{}{refused}",
            self.file,
            self.division,
            self.what(lang),
            self.unlinks_said(lang)
        )
    }
}

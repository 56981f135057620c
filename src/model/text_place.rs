//! Every text a report holds, each with where it stands in the words of the grid (initiative,
//! topic, plan or result …): the one walk by which the warning about invisible characters and
//! the CP932 exports' warnings and refusal name their text.

use serde::Serialize;

use super::measures::Measures;
use super::text::{mark, preview, visible};
use super::{Initiative, Report, Section, Topic};
use crate::lang::{Describe, Lang, say};

/// Where a text stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextPlace {
    /// The section's numeral as written (`II`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The initiative's number as written (`4`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiative: Option<String>,
    /// The topic's heading, when the text is in a topic that has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The row of the source table, for a row kept unread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    pub field: TextField,
}

/// Which text of its place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    #[default]
    Title,
    Programme,
    PlanHeading,
    ActualHeading,
    SectionNumeral,
    SectionTitle,
    InitiativeNumber,
    InitiativeLabel,
    InitiativeTitle,
    Divisions,
    ItemName,
    Stage,
    TopicHeading,
    TopicDivision,
    Plan,
    Actual,
    /// A row of the source table that could not be read, kept as written.
    Unread,
    /// The division or the note of a response sent to a 担当課.
    Response,
    /// The master's survey records (提出状況): division, answer file, 差戻し note.
    Survey,
    /// An earlier period's heading or cleared entries.
    History,
    /// A text of the numbers and judgements: an indicator's name or unit, a figure or an
    /// amount kept as written, a rating, the committee's comment, a level of the scale.
    Measures,
}

impl TextField {
    fn words(self) -> (&'static str, &'static str) {
        use TextField as F;
        match self {
            F::Title => ("報告の題", "the report's title"),
            F::Programme => ("取組の計画名", "the programme's name"),
            F::PlanHeading => ("年次計画の列見出し", "the plan column's heading"),
            F::ActualHeading => ("実績の列見出し", "the results column's heading"),
            F::SectionNumeral => ("区分の番号", "the section's numeral"),
            F::SectionTitle => ("区分の題", "the section's title"),
            F::InitiativeNumber => ("番号", "number"),
            F::InitiativeLabel => ("丸数字", "label"),
            F::InitiativeTitle => ("具体的取組の題", "title"),
            F::Divisions => ("担当課", "担当課"),
            F::ItemName => ("取組項目", "action item"),
            F::Stage => ("工程", "stage"),
            F::TopicHeading => ("見出し", "heading"),
            F::TopicDivision => ("見出しの担当課", "the topic's 担当課"),
            F::Plan => ("年次計画", "plan"),
            F::Actual => ("実績", "result"),
            F::Unread => ("読めなかった行", "row not read"),
            F::Response => (
                "回答用ファイルの宛先・依頼文",
                "the response's division or note",
            ),
            F::Survey => ("提出状況の記録", "the survey records"),
            F::History => ("過去の期間の記録", "an earlier period's records"),
            F::Measures => (
                "数値目標・効果額・評価の記載",
                "a text of the numbers and ratings",
            ),
        }
    }
}

impl Describe for TextPlace {
    fn describe(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &self.section {
            parts.push(say(lang, format!("区分{s}"), format!("section {s}")));
        }
        if let Some(i) = &self.initiative {
            parts.push(say(lang, format!("取組{i}"), format!("initiative {i}")));
        }
        if let Some(h) = &self.topic {
            let h = visible(h);
            parts.push(say(lang, format!("見出し<{h}>"), format!("topic <{h}>")));
        }
        if let Some(r) = self.row {
            parts.push(say(lang, format!("{r}行目"), format!("row {r}")));
        }
        let (ja, en) = self.field.words();
        match lang {
            Lang::Ja if parts.is_empty() => ja.to_string(),
            Lang::Ja => format!("{}の{ja}", parts.join("、")),
            Lang::En if parts.is_empty() => en.to_string(),
            Lang::En => format!("{}, {en}", parts.join(", ")),
        }
    }
}

/// A text's place while walking, borrowed: made into a [`TextPlace`] only when it is named.
#[derive(Clone, Copy, Debug, Default)]
pub struct At<'a> {
    pub section: Option<&'a Section>,
    pub initiative: Option<&'a Initiative>,
    pub topic: Option<&'a Topic>,
    pub row: Option<usize>,
    pub field: TextField,
}

impl At<'_> {
    pub fn place(&self) -> TextPlace {
        TextPlace {
            section: self.section.map(|s| s.numeral.clone()),
            initiative: self.initiative.map(|i| i.number.clone()),
            topic: self.topic.and_then(|t| t.heading.clone()),
            row: self.row,
            field: self.field,
        }
    }

    fn with(self, field: TextField) -> Self {
        At { field, ..self }
    }
}

/// Calls `visit` with every text of the report and its place, in the order of the grid: the
/// title and headings, then section by section each initiative's texts, its items and stages,
/// its topics with their plan and results, its numbers and judgements; then the unread rows,
/// the rating scale, the survey's records and the earlier periods. An entry's text holds its
/// sub-items, notes and months: it is visited once.
pub fn for_each_text<'a>(report: &'a Report, visit: &mut dyn FnMut(At<'a>, &'a str)) {
    let at = At::default();
    visit(at, &report.title);
    visit(at.with(TextField::Programme), &report.programme);
    visit(at.with(TextField::PlanHeading), &report.headings.plan);
    visit(at.with(TextField::ActualHeading), &report.headings.actual);
    for section in &report.sections {
        let at = At {
            section: Some(section),
            ..at
        };
        visit(at.with(TextField::SectionNumeral), &section.numeral);
        visit(at.with(TextField::SectionTitle), &section.title);
        for initiative in &section.initiatives {
            initiative_texts(
                At {
                    initiative: Some(initiative),
                    ..at
                },
                initiative,
                visit,
            );
        }
    }
    for unread in &report.unread {
        let at = At {
            row: Some(unread.row),
            field: TextField::Unread,
            ..at
        };
        visit(at, &unread.text);
    }
    records_texts(report, visit);
}

fn initiative_texts<'a>(
    at: At<'a>,
    initiative: &'a Initiative,
    visit: &mut dyn FnMut(At<'a>, &'a str),
) {
    visit(at.with(TextField::InitiativeNumber), &initiative.number);
    visit(at.with(TextField::InitiativeLabel), &initiative.label);
    visit(at.with(TextField::InitiativeTitle), &initiative.title);
    for d in &initiative.divisions {
        visit(at.with(TextField::Divisions), d);
    }
    for item in &initiative.items {
        visit(at.with(TextField::ItemName), &item.name);
        for span in item.lanes.iter().flatten() {
            visit(at.with(TextField::Stage), &span.source);
        }
    }
    for topic in &initiative.topics {
        let at = At {
            topic: Some(topic),
            ..at
        };
        if let Some(h) = &topic.heading {
            visit(at.with(TextField::TopicHeading), h);
        }
        if let Some(d) = &topic.division {
            visit(at.with(TextField::TopicDivision), d);
        }
        for entry in &topic.plan {
            visit(at.with(TextField::Plan), &entry.text);
        }
        for entry in &topic.actual {
            visit(at.with(TextField::Actual), &entry.text);
        }
    }
    measures_texts(at.with(TextField::Measures), initiative.measures(), visit);
}

/// The texts of an initiative's numbers and judgements: indicators' names and units, the 向き,
/// figures and amounts kept as written, ratings (this year's and earlier years'), the comments.
fn measures_texts<'a>(at: At<'a>, m: &'a Measures, visit: &mut dyn FnMut(At<'a>, &'a str)) {
    for x in &m.indicators {
        visit(at, &x.name);
        visit(at, &x.unit);
        visit(at, &x.direction_unread);
        let years = x
            .years
            .iter()
            .flat_map(|y| [&y.target, &y.actual, &y.first_half]);
        let baseline = x.baseline.as_ref().map(|b| &b.value);
        for figure in baseline.into_iter().chain([&x.target]).chain(years) {
            visit(at, &figure.unread);
        }
    }
    for e in &m.effects {
        visit(at, &e.planned.unread);
        visit(at, &e.actual.unread);
    }
    let past = m.past.iter();
    let ratings = past.clone().flat_map(|p| [&p.self_rating, &p.review]);
    for r in ratings.chain([&m.self_rating, &m.review]).flatten() {
        visit(at, &r.code);
        visit(at, &r.by);
        visit(at, &r.note);
    }
    for c in past.filter_map(|p| p.comment.as_ref()).chain(&m.comment) {
        visit(at, &c.text);
        visit(at, &c.by);
    }
}

fn records_texts<'a>(report: &'a Report, visit: &mut dyn FnMut(At<'a>, &'a str)) {
    let at = At::default();
    for level in &report.measure_settings.rating_scale {
        for text in [&level.code, &level.label, &level.meaning] {
            visit(at.with(TextField::Measures), text);
        }
    }
    if let Some(r) = &report.response {
        visit(at.with(TextField::Response), &r.division);
        visit(at.with(TextField::Response), &r.note);
    }
    let survey = at.with(TextField::Survey);
    for s in &report.survey {
        visit(survey, &s.division);
        if let Some(r) = &s.received {
            visit(survey, &r.file);
        }
        if let Some(b) = &s.sent_back {
            visit(survey, &b.note);
        }
    }
    let history = at.with(TextField::History);
    for period in &report.history {
        visit(history, &period.actual_heading);
        for topic in &period.cleared {
            if let Some(h) = &topic.heading {
                visit(history, h);
            }
            for entry in topic.plan.iter().chain(&topic.actual) {
                visit(history, &entry.text);
            }
        }
    }
}

/// The words of [`WarningKind::NoGlyph`](crate::model::diag::WarningKind::NoGlyph).
pub fn describe_no_glyph(place: &TextPlace, text: &str, chars: &[char], lang: Lang) -> String {
    let named = listed(chars, |c| format!("{c} (U+{:04X})", c as u32), lang);
    let shown = preview(&visible(text));
    say(
        lang,
        format!(
            "{}「{shown}」に、同梱のフォントにない文字 {named} があります。書かれたまま残しますが、画面と印刷では □ で表示されます",
            place.describe(lang),
        ),
        format!(
            "{}: 「{shown}」 holds characters the bundled font has no glyph for ({named}); kept \
             as written, but the window and the printout show each as a box",
            place.describe(lang),
        ),
    )
}

/// The most characters a warning names one by one; a text holding more (a pasted page of
/// another script) is said with how many more, not with a list as long as itself.
const MOST_NAMED: usize = 20;

/// The first [`MOST_NAMED`] characters, each as `name` words it, and how many more there are.
fn listed(chars: &[char], name: impl Fn(char) -> String, lang: Lang) -> String {
    let named: Vec<String> = chars.iter().take(MOST_NAMED).map(|c| name(*c)).collect();
    let more = chars.len().saturating_sub(MOST_NAMED);
    crate::lang::first_and_more(&named, more, "字", lang)
}

/// The words of [`WarningKind::InvisibleCharacters`](crate::model::diag::WarningKind::InvisibleCharacters).
pub fn describe_invisible(place: &TextPlace, text: &str, chars: &[char], lang: Lang) -> String {
    let marks = listed(chars, mark, lang);
    let shown = preview(&visible(text));
    say(
        lang,
        format!(
            "{}「{shown}」に見えない文字 {marks} があります。書かれたまま残し、印刷・Webページ・端末ではこの印で示します",
            place.describe(lang),
        ),
        format!(
            "{}: 「{shown}」 holds characters that do not show ({marks}); kept as written, and \
             shown by these marks in print, on the web page and in the terminal",
            place.describe(lang),
        ),
    )
}

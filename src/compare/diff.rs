//! How two reports are compared. Things are paired level by level — sections, initiatives
//! (across the whole report, so a move between sections is one change), then within an
//! initiative its action items, stage spans, topics, and each topic's plan and actual entries
//! with their sub-items — and only paired things are compared field by field; what is left is
//! added or removed.
//!
//! Pairing at each level, in order:
//! 1. the same id with the same text (normalised: `〜`/`～`, full-width digits and spaces do
//!    not count);
//! 2. the same text, in written order (so ids shifted by an insertion in a separately imported
//!    table pair up by what they say);
//! 3. only when the reports are of one lineage ([`Matching::Id`]): the same id — an edited
//!    text;
//! 4. near-equal text ([`links::similarity`] at least [`SIMILAR`]), best first.
//!
//! Lineage: the same programme, and of the sections, initiatives, action items, topics and
//! entries whose ids both reports use, at least nine in ten have the same text there. Two
//! tables imported separately share ids only by document order, so an insertion early on makes
//! most of them disagree.

use std::collections::{HashMap, HashSet, VecDeque};

use super::{
    Aspect, Change, Diff, FieldChange, InitiativeRef, Matching, ReportInfo, StatusOf, What,
};
use crate::model::links;
use crate::model::status::{initiative_status, topic_status};
use crate::model::text::normalize;
use crate::model::{AsOf, Entry, Id, Initiative, Report, Section, Side, StageSpan, Topic};

/// Texts at least this alike (after pairing by equal text) are the same thing, edited.
pub const SIMILAR: f32 = 0.5;

/// Above this many candidate pairs, near-equal pairing is skipped (it compares every pair).
const SIMILAR_LIMIT: usize = 40_000;

/// Compares an older report with a newer one.
pub fn diff(old: &Report, new: &Report) -> Diff {
    let matching = if same_lineage(old, new) {
        Matching::Id
    } else {
        Matching::Content
    };
    let mut cx = Cx {
        old,
        new,
        lineage: matching == Matching::Id,
        old_as_of: old.as_of(),
        new_as_of: new.as_of(),
        out: Vec::new(),
        place: Place::default(),
    };
    let report = report_fields(old, new);
    cx.sections_and_initiatives();
    let changes = cx.out;
    Diff {
        same: report.is_empty() && changes.is_empty(),
        matched_by: matching,
        old: info(old),
        new: info(new),
        report,
        changes,
    }
}

fn info(r: &Report) -> ReportInfo {
    let as_of = r.as_of();
    ReportInfo {
        title: r.title.clone(),
        programme: r.programme.clone(),
        fiscal_year: r.fiscal_year.0,
        fiscal_year_era: r.fiscal_year.era_form(),
        period: r.period.key(),
        as_of: iso_date(r, as_of),
        initiatives: r.initiative_count(),
    }
}

fn iso_date(r: &Report, as_of: AsOf) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        r.fiscal_year.calendar_year_of(as_of.month),
        as_of.month,
        as_of.day
    )
}

fn report_fields(old: &Report, new: &Report) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut text = |field: &'static str, a: String, b: String| {
        if normalize(&a) != normalize(&b) {
            out.push(FieldChange {
                field,
                old: a,
                new: b,
            });
        }
    };
    text("title", old.title.clone(), new.title.clone());
    text("programme", old.programme.clone(), new.programme.clone());
    text(
        "fiscal_year",
        old.fiscal_year.0.to_string(),
        new.fiscal_year.0.to_string(),
    );
    text("period", old.period.key().into(), new.period.key().into());
    let years = |r: &Report| format!("{}-{}", r.plan_years.first.0, r.plan_years.last.0);
    text("plan_years", years(old), years(new));
    text("plan_heading", old.plan_heading(), new.plan_heading());
    text("actual_heading", old.actual_heading(), new.actual_heading());
    text(
        "as_of",
        iso_date(old, old.as_of()),
        iso_date(new, new.as_of()),
    );
    out
}

// ---------------------------------------------------------------------------------------------
// Lineage

/// What a thing says, for telling whether an id means the same in both reports.
fn fingerprints(r: &Report) -> HashMap<Id, String> {
    fn entries(list: &[Entry], side: char, out: &mut HashMap<Id, String>) {
        for e in list {
            out.insert(e.id, format!("e{side}{}", normalize(&e.label)));
            entries(&e.subs, side, out);
        }
    }
    let mut out = HashMap::new();
    for s in &r.sections {
        out.insert(s.id, format!("s{}", normalize(&s.title)));
        for i in &s.initiatives {
            out.insert(i.id, format!("i{}", normalize(&i.title)));
            for x in &i.items {
                out.insert(x.id, format!("a{}", normalize(&x.name)));
            }
            for t in &i.topics {
                out.insert(t.id, format!("t{}", heading_key(t)));
                entries(&t.plan, 'p', &mut out);
                entries(&t.actual, 'a', &mut out);
            }
        }
    }
    out
}

fn same_lineage(old: &Report, new: &Report) -> bool {
    if normalize(&old.programme) != normalize(&new.programme) {
        return false;
    }
    let a = fingerprints(old);
    let b = fingerprints(new);
    let (mut shared, mut agree) = (0usize, 0usize);
    for (id, fa) in &a {
        if let Some(fb) = b.get(id) {
            shared += 1;
            if fa == fb {
                agree += 1;
            }
        }
    }
    shared > 0 && agree * 10 >= shared * 9
}

// ---------------------------------------------------------------------------------------------
// Pairing

/// Which old and new elements are the same thing.
struct Pairing {
    /// (old index, new index), in the newer order.
    pairs: Vec<(usize, usize)>,
    removed: Vec<usize>,
    added: Vec<usize>,
}

/// How alike two elements are, 0–1.
type Likeness<T> = dyn Fn(&T, &T) -> f32;

/// Whether two stage spans pair at one step.
type SpanTest = dyn Fn(&StageSpan, &StageSpan) -> bool;

/// How the elements of one level are recognised.
struct Keys<'f, T> {
    id: &'f dyn Fn(&T) -> Id,
    /// Texts to pair by, most exact first; the first is also what an id must agree with.
    texts: &'f [&'f dyn Fn(&T) -> String],
    /// How alike two are (0–1), for the last step; `None` skips it.
    similar: Option<&'f Likeness<T>>,
}

fn pair<T>(old: &[T], new: &[T], lineage: bool, keys: &Keys<'_, T>) -> Pairing {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    let old_keys: Vec<Vec<String>> = old
        .iter()
        .map(|o| keys.texts.iter().map(|k| k(o)).collect())
        .collect();
    let new_keys: Vec<Vec<String>> = new
        .iter()
        .map(|n| keys.texts.iter().map(|k| k(n)).collect())
        .collect();
    let by_id: HashMap<Id, usize> = old
        .iter()
        .enumerate()
        .map(|(k, o)| ((keys.id)(o), k))
        .collect();

    // 1. Same id, same text.
    for (j, n) in new.iter().enumerate() {
        if let Some(&i) = by_id.get(&(keys.id)(n))
            && !taken[i]
            && old_keys[i].first() == new_keys[j].first()
        {
            taken[i] = true;
            old_of_new[j] = Some(i);
        }
    }
    // 2. Same text, in order, most exact text first.
    for tier in 0..keys.texts.len() {
        let mut waiting: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for (i, k) in old_keys.iter().enumerate() {
            if !taken[i]
                && let Some(key) = k.get(tier)
            {
                waiting.entry(key.as_str()).or_default().push_back(i);
            }
        }
        if waiting.is_empty() {
            break;
        }
        for (j, k) in new_keys.iter().enumerate() {
            if old_of_new[j].is_some() {
                continue;
            }
            if let Some(i) = k
                .get(tier)
                .and_then(|key| waiting.get_mut(key.as_str()))
                .and_then(VecDeque::pop_front)
            {
                taken[i] = true;
                old_of_new[j] = Some(i);
            }
        }
    }
    // 3. One lineage: the same id is the same thing, whatever it now says.
    if lineage {
        for (j, n) in new.iter().enumerate() {
            if old_of_new[j].is_none()
                && let Some(&i) = by_id.get(&(keys.id)(n))
                && !taken[i]
            {
                taken[i] = true;
                old_of_new[j] = Some(i);
            }
        }
    }
    // 4. Near-equal, best first.
    if let Some(similar) = keys.similar {
        let left_old: Vec<usize> = (0..old.len()).filter(|&i| !taken[i]).collect();
        let left_new: Vec<usize> = (0..new.len())
            .filter(|&j| old_of_new[j].is_none())
            .collect();
        if !left_old.is_empty() && left_old.len() * left_new.len() <= SIMILAR_LIMIT {
            let mut candidates = Vec::new();
            for &j in &left_new {
                for &i in &left_old {
                    let score = similar(&old[i], &new[j]);
                    if score >= SIMILAR {
                        candidates.push((score, i, j));
                    }
                }
            }
            candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, i, j) in candidates {
                if !taken[i] && old_of_new[j].is_none() {
                    taken[i] = true;
                    old_of_new[j] = Some(i);
                }
            }
        }
    }
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for (j, o) in old_of_new.iter().enumerate() {
        match o {
            Some(i) => pairs.push((*i, j)),
            None => added.push(j),
        }
    }
    let removed = (0..old.len()).filter(|&i| !taken[i]).collect();
    Pairing {
        pairs,
        removed,
        added,
    }
}

fn heading_key(t: &Topic) -> String {
    t.heading.as_deref().map(normalize).unwrap_or_default()
}

fn similarity(a: &str, b: &str) -> f32 {
    links::similarity(&normalize(a), &normalize(b))
}

/// Months in fiscal order as calendar months.
fn months_of(e: &Entry) -> Vec<u8> {
    e.timing
        .as_ref()
        .map(|t| t.months.calendar_months())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Walking the two reports

#[derive(Clone, Default)]
struct Place {
    section: Option<String>,
    initiative: Option<InitiativeRef>,
    topic: Option<String>,
}

struct Cx<'a> {
    old: &'a Report,
    new: &'a Report,
    lineage: bool,
    old_as_of: AsOf,
    new_as_of: AsOf,
    out: Vec<Change>,
    place: Place,
}

impl<'a> Cx<'a> {
    fn push(&mut self, old_id: Option<Id>, new_id: Option<Id>, what: What) {
        self.out.push(Change {
            section: self.place.section.clone(),
            initiative: self.place.initiative.clone(),
            topic: self.place.topic.clone(),
            old_id,
            new_id,
            what,
        });
    }

    fn sections_and_initiatives(&mut self) {
        let (old, new) = (self.old, self.new);
        let numeral_title =
            |s: &Section| format!("{}\t{}", normalize(&s.numeral), normalize(&s.title));
        let title = |s: &Section| normalize(&s.title);
        let numeral = |s: &Section| normalize(&s.numeral);
        let sim = |a: &Section, b: &Section| similarity(&a.title, &b.title);
        let sections = pair(
            &old.sections,
            &new.sections,
            self.lineage,
            &Keys {
                id: &|s: &Section| s.id,
                texts: &[&numeral_title, &title, &numeral],
                similar: Some(&sim),
            },
        );
        let mut new_section_of_old: HashMap<usize, usize> = HashMap::new();
        for &(i, j) in &sections.pairs {
            new_section_of_old.insert(i, j);
        }

        // Initiatives across the whole report, with the section each stands in.
        let flat = |r: &'a Report| -> Vec<(usize, &'a Initiative)> {
            r.sections
                .iter()
                .enumerate()
                .flat_map(|(k, s)| s.initiatives.iter().map(move |i| (k, i)))
                .collect()
        };
        let (old_list, new_list) = (flat(old), flat(new));
        let number_title = |x: &(usize, &Initiative)| {
            format!("{}\t{}", normalize(&x.1.number), normalize(&x.1.title))
        };
        let i_title = |x: &(usize, &Initiative)| normalize(&x.1.title);
        let i_number = |x: &(usize, &Initiative)| normalize(&x.1.number);
        let i_sim =
            |a: &(usize, &Initiative), b: &(usize, &Initiative)| similarity(&a.1.title, &b.1.title);
        let initiatives = pair(
            &old_list,
            &new_list,
            self.lineage,
            &Keys {
                id: &|x: &(usize, &Initiative)| x.1.id,
                texts: &[&number_title, &i_title, &i_number],
                similar: Some(&i_sim),
            },
        );
        let mut old_of_new: HashMap<usize, usize> = HashMap::new();
        for &(i, j) in &initiatives.pairs {
            old_of_new.insert(j, i);
        }
        let added: HashSet<usize> = initiatives.added.iter().copied().collect();
        let old_sections_paired: HashMap<usize, usize> =
            sections.pairs.iter().map(|&(i, j)| (j, i)).collect();

        // In the newer order: each section, then its initiatives; removed ones after the rest
        // of their section (or at the end when their section went too).
        let mut removed_by_section: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut removed_alone = Vec::new();
        for &i in &initiatives.removed {
            let Some(&(old_section, _)) = old_list.get(i) else {
                continue;
            };
            match new_section_of_old.get(&old_section) {
                Some(&j) => removed_by_section.entry(j).or_default().push(i),
                None => removed_alone.push(i),
            }
        }
        let mut j_flat = 0usize;
        for (js, ns) in new.sections.iter().enumerate() {
            self.place = Place {
                section: Some(ns.numeral.clone()),
                ..Place::default()
            };
            match old_sections_paired
                .get(&js)
                .and_then(|&i| old.sections.get(i))
            {
                Some(os) => {
                    for (field, a, b) in [
                        ("numeral", &os.numeral, &ns.numeral),
                        ("title", &os.title, &ns.title),
                    ] {
                        if normalize(a) != normalize(b) {
                            self.push(
                                Some(os.id),
                                Some(ns.id),
                                What::SectionChanged {
                                    field,
                                    old: a.clone(),
                                    new: b.clone(),
                                },
                            );
                        }
                    }
                }
                None => self.push(
                    None,
                    Some(ns.id),
                    What::SectionAdded {
                        numeral: ns.numeral.clone(),
                        title: ns.title.clone(),
                    },
                ),
            }
            for ni in &ns.initiatives {
                let j = j_flat;
                j_flat += 1;
                self.place.initiative = Some(InitiativeRef {
                    number: ni.number.clone(),
                    title: ni.title.clone(),
                    old_id: None,
                    new_id: Some(ni.id),
                });
                self.place.topic = None;
                if added.contains(&j) {
                    self.push(
                        None,
                        Some(ni.id),
                        What::InitiativeAdded {
                            number: ni.number.clone(),
                            title: ni.title.clone(),
                        },
                    );
                    continue;
                }
                let Some(&(os_index, oi)) = old_of_new.get(&j).and_then(|&i| old_list.get(i))
                else {
                    continue;
                };
                if let Some(r) = &mut self.place.initiative {
                    r.old_id = Some(oi.id);
                }
                if new_section_of_old.get(&os_index) != Some(&js) {
                    let old_section = old
                        .sections
                        .get(os_index)
                        .map(|s| s.numeral.clone())
                        .unwrap_or_default();
                    self.push(
                        Some(oi.id),
                        Some(ni.id),
                        What::InitiativeMoved {
                            old_section,
                            new_section: ns.numeral.clone(),
                        },
                    );
                }
                self.initiative(oi, ni);
            }
            for i in removed_by_section.remove(&js).unwrap_or_default() {
                if let Some(&(_, oi)) = old_list.get(i) {
                    self.removed_initiative(oi);
                }
            }
        }
        for &i in &sections.removed {
            if let Some(os) = old.sections.get(i) {
                self.place = Place {
                    section: Some(os.numeral.clone()),
                    ..Place::default()
                };
                self.push(
                    Some(os.id),
                    None,
                    What::SectionRemoved {
                        numeral: os.numeral.clone(),
                        title: os.title.clone(),
                    },
                );
            }
        }
        for i in removed_alone {
            if let Some(&(os_index, oi)) = old_list.get(i) {
                self.place.section = old.sections.get(os_index).map(|s| s.numeral.clone());
                self.removed_initiative(oi);
            }
        }
    }

    fn removed_initiative(&mut self, oi: &Initiative) {
        self.place.initiative = Some(InitiativeRef {
            number: oi.number.clone(),
            title: oi.title.clone(),
            old_id: Some(oi.id),
            new_id: None,
        });
        self.place.topic = None;
        self.push(
            Some(oi.id),
            None,
            What::InitiativeRemoved {
                number: oi.number.clone(),
                title: oi.title.clone(),
            },
        );
    }

    fn initiative(&mut self, oi: &'a Initiative, ni: &'a Initiative) {
        for (field, a, b) in [
            ("number", &oi.number, &ni.number),
            ("label", &oi.label, &ni.label),
            ("title", &oi.title, &ni.title),
        ] {
            if normalize(a) != normalize(b) {
                self.push(
                    Some(oi.id),
                    Some(ni.id),
                    What::InitiativeChanged {
                        field,
                        old: a.clone(),
                        new: b.clone(),
                    },
                );
            }
        }
        let norm_list = |l: &[String]| l.iter().map(|d| normalize(d)).collect::<Vec<_>>();
        if norm_list(&oi.divisions) != norm_list(&ni.divisions) {
            self.push(
                Some(oi.id),
                Some(ni.id),
                What::DivisionsChanged {
                    old: oi.divisions.clone(),
                    new: ni.divisions.clone(),
                },
            );
        }
        let (so, sn) = (
            initiative_status(oi, self.old_as_of),
            initiative_status(ni, self.new_as_of),
        );
        if so != sn {
            self.push(
                Some(oi.id),
                Some(ni.id),
                What::StatusChanged {
                    of: StatusOf::Initiative,
                    old: so,
                    new: sn,
                },
            );
        }
        let unit = self.new.measure_settings.yen_unit;
        for what in super::measures::changes(oi, ni, unit) {
            self.push(Some(oi.id), Some(ni.id), what);
        }
        self.items(oi, ni);
        self.topics(oi, ni);
    }

    fn items(&mut self, oi: &Initiative, ni: &Initiative) {
        use crate::model::ActionItem;
        let name = |x: &ActionItem| normalize(&x.name);
        let sim = |a: &ActionItem, b: &ActionItem| similarity(&a.name, &b.name);
        let p = pair(
            &oi.items,
            &ni.items,
            self.lineage,
            &Keys {
                id: &|x: &ActionItem| x.id,
                texts: &[&name],
                similar: Some(&sim),
            },
        );
        let mut added = p.added.iter().peekable();
        for &(i, j) in &p.pairs {
            while let Some(&&k) = added.peek()
                && k < j
            {
                added.next();
                self.item_added(ni, k);
            }
            let (Some(a), Some(b)) = (oi.items.get(i), ni.items.get(j)) else {
                continue;
            };
            if normalize(&a.name) != normalize(&b.name) {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::ItemChanged {
                        field: "name",
                        old: a.name.clone(),
                        new: b.name.clone(),
                    },
                );
            }
            if a.ticked != b.ticked {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::ItemChanged {
                        field: "ticked",
                        old: a.ticked.to_string(),
                        new: b.ticked.to_string(),
                    },
                );
            }
            let lanes = a.lanes.len().max(b.lanes.len());
            for l in 0..lanes {
                let empty = Vec::new();
                let la = a.lanes.get(l).unwrap_or(&empty);
                let lb = b.lanes.get(l).unwrap_or(&empty);
                self.stages(a.id, b.id, &b.name, la, lb);
            }
        }
        for k in added {
            self.item_added(ni, *k);
        }
        for i in p.removed {
            if let Some(a) = oi.items.get(i) {
                self.push(
                    Some(a.id),
                    None,
                    What::ItemRemoved {
                        name: a.name.clone(),
                    },
                );
            }
        }
    }

    fn item_added(&mut self, ni: &Initiative, k: usize) {
        if let Some(b) = ni.items.get(k) {
            self.push(
                None,
                Some(b.id),
                What::ItemAdded {
                    name: b.name.clone(),
                },
            );
        }
    }

    /// One lane of an action item in each report: the same stage over the same years, then the
    /// same stage over other years (moved), then the same years under another label.
    fn stages(&mut self, old_id: Id, new_id: Id, item: &str, a: &[StageSpan], b: &[StageSpan]) {
        fn label(s: &StageSpan) -> String {
            format!("{}{}", s.continues, normalize(&s.label))
        }
        fn years(s: &StageSpan) -> [i32; 2] {
            [s.first.0, s.last.0]
        }
        let mut taken = vec![false; a.len()];
        let mut matched = vec![false; b.len()];
        let steps: [&SpanTest; 3] = [
            &|x, y| label(x) == label(y) && years(x) == years(y),
            &|x, y| label(x) == label(y),
            &|x, y| years(x) == years(y),
        ];
        for step in steps {
            for (j, y) in b.iter().enumerate() {
                if matched[j] {
                    continue;
                }
                let Some(i) =
                    (0..a.len()).find(|&i| !taken[i] && a.get(i).is_some_and(|x| step(x, y)))
                else {
                    continue;
                };
                taken[i] = true;
                matched[j] = true;
                let Some(x) = a.get(i) else { continue };
                if years(x) != years(y) {
                    self.push(
                        Some(old_id),
                        Some(new_id),
                        What::StageMoved {
                            item: item.to_string(),
                            stage: y.display(),
                            old_years: years(x),
                            new_years: years(y),
                        },
                    );
                } else if label(x) != label(y) {
                    self.push(
                        Some(old_id),
                        Some(new_id),
                        What::StageRelabelled {
                            item: item.to_string(),
                            years: years(y),
                            old: x.display(),
                            new: y.display(),
                        },
                    );
                }
            }
        }
        for (j, y) in b.iter().enumerate() {
            if !matched[j] {
                self.push(
                    Some(old_id),
                    Some(new_id),
                    What::StageAdded {
                        item: item.to_string(),
                        stage: y.display(),
                        years: years(y),
                    },
                );
            }
        }
        for (i, x) in a.iter().enumerate() {
            if !taken[i] {
                self.push(
                    Some(old_id),
                    Some(new_id),
                    What::StageRemoved {
                        item: item.to_string(),
                        stage: x.display(),
                        years: years(x),
                    },
                );
            }
        }
    }

    fn topics(&mut self, oi: &'a Initiative, ni: &'a Initiative) {
        let heading = |t: &Topic| heading_key(t);
        let sim = |a: &Topic, b: &Topic| similarity(&heading_key(a), &heading_key(b));
        let p = pair(
            &oi.topics,
            &ni.topics,
            self.lineage,
            &Keys {
                id: &|t: &Topic| t.id,
                texts: &[&heading],
                similar: Some(&sim),
            },
        );
        // Old entry id → new entry id, for comparing links.
        let mut entry_map: HashMap<Id, Id> = HashMap::new();
        let mut result_pairs: Vec<(&Entry, &Entry)> = Vec::new();
        let mut added = p.added.iter().peekable();
        for &(i, j) in &p.pairs {
            while let Some(&&k) = added.peek()
                && k < j
            {
                added.next();
                self.topic_added(ni, k);
            }
            let (Some(a), Some(b)) = (oi.topics.get(i), ni.topics.get(j)) else {
                continue;
            };
            self.place.topic = b.heading.clone();
            if heading_key(a) != heading_key(b) {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::TopicChanged {
                        field: "heading",
                        old: a.heading.clone(),
                        new: b.heading.clone(),
                    },
                );
            }
            let division = |t: &Topic| t.division.as_deref().map(normalize);
            if division(a) != division(b) {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::TopicChanged {
                        field: "division",
                        old: a.division.clone(),
                        new: b.division.clone(),
                    },
                );
            }
            let (so, sn) = (
                topic_status(oi, a, self.old_as_of),
                topic_status(ni, b, self.new_as_of),
            );
            if so != sn {
                self.push(
                    Some(a.id),
                    Some(b.id),
                    What::StatusChanged {
                        of: StatusOf::Topic,
                        old: so,
                        new: sn,
                    },
                );
            }
            for side in [Side::Plan, Side::Actual] {
                self.entries(
                    side,
                    a.entries(side),
                    b.entries(side),
                    &mut entry_map,
                    &mut result_pairs,
                );
            }
        }
        for k in added {
            self.topic_added(ni, *k);
        }
        for i in p.removed {
            if let Some(a) = oi.topics.get(i) {
                self.place.topic = a.heading.clone();
                self.push(
                    Some(a.id),
                    None,
                    What::TopicRemoved {
                        heading: a.heading.clone(),
                    },
                );
            }
        }
        self.place.topic = None;
        self.links(&entry_map, &result_pairs);
    }

    fn topic_added(&mut self, ni: &Initiative, k: usize) {
        if let Some(b) = ni.topics.get(k) {
            self.place.topic = b.heading.clone();
            self.push(
                None,
                Some(b.id),
                What::TopicAdded {
                    heading: b.heading.clone(),
                },
            );
        }
    }

    fn entries(
        &mut self,
        side: Side,
        a: &'a [Entry],
        b: &'a [Entry],
        map: &mut HashMap<Id, Id>,
        results: &mut Vec<(&'a Entry, &'a Entry)>,
    ) {
        let text = |e: &Entry| normalize(&e.text);
        let label = |e: &Entry| normalize(&e.label);
        let sim = |x: &Entry, y: &Entry| similarity(&x.label, &y.label);
        let p = pair(
            a,
            b,
            self.lineage,
            &Keys {
                id: &|e: &Entry| e.id,
                texts: &[&text, &label],
                similar: Some(&sim),
            },
        );
        let mut added = p.added.iter().peekable();
        for &(i, j) in &p.pairs {
            while let Some(&&k) = added.peek()
                && k < j
            {
                added.next();
                self.entry_added(side, b, k);
            }
            let (Some(x), Some(y)) = (a.get(i), b.get(j)) else {
                continue;
            };
            map.insert(x.id, y.id);
            if side == Side::Actual {
                results.push((x, y));
            }
            let aspects = aspects(x, y);
            // Every aspect is read from the text: the same text is no change.
            if !aspects.is_empty() && x.text != y.text {
                self.push(
                    Some(x.id),
                    Some(y.id),
                    What::EntryChanged {
                        side,
                        old_text: x.text.clone(),
                        new_text: y.text.clone(),
                        aspects,
                        old_months: months_of(x),
                        new_months: months_of(y),
                    },
                );
            }
            self.entries(side, &x.subs, &y.subs, map, results);
        }
        for k in added {
            self.entry_added(side, b, *k);
        }
        for i in p.removed {
            let Some(x) = a.get(i) else { continue };
            let what = match self.new.archived(x.id) {
                Some(found) => What::EntryArchived {
                    side,
                    text: x.text.clone(),
                    fiscal_year: found.period.fiscal_year.0,
                    period: found.period.period.key(),
                },
                None => What::EntryRemoved {
                    side,
                    text: x.text.clone(),
                },
            };
            self.push(Some(x.id), None, what);
        }
    }

    fn entry_added(&mut self, side: Side, list: &[Entry], k: usize) {
        if let Some(y) = list.get(k) {
            self.push(
                None,
                Some(y.id),
                What::EntryAdded {
                    side,
                    text: y.text.clone(),
                },
            );
        }
    }

    /// Links between things both reports hold: a link to a plan entry that was added or
    /// removed is told by that entry's own change.
    fn links(&mut self, map: &HashMap<Id, Id>, results: &[(&Entry, &Entry)]) {
        let new_ids: HashSet<Id> = map.values().copied().collect();
        for (x, y) in results {
            let before: Vec<Id> = x
                .reports
                .iter()
                .filter_map(|p| map.get(p).copied())
                .collect();
            let after: Vec<Id> = y
                .reports
                .iter()
                .copied()
                .filter(|p| new_ids.contains(p))
                .collect();
            let plan_text =
                |r: &Report, id: Id| r.entry(id).map(|e| e.text.clone()).unwrap_or_default();
            for p in &after {
                if !before.contains(p) {
                    let plan = plan_text(self.new, *p);
                    self.push(
                        Some(x.id),
                        Some(y.id),
                        What::LinkAdded {
                            result: y.text.clone(),
                            plan,
                        },
                    );
                }
            }
            for p in &before {
                if !after.contains(p) {
                    let plan = plan_text(self.new, *p);
                    self.push(
                        Some(x.id),
                        Some(y.id),
                        What::LinkRemoved {
                            result: y.text.clone(),
                            plan,
                        },
                    );
                }
            }
        }
    }
}

/// What differs between two paired entries, themselves only (sub-items are compared as
/// entries of their own).
fn aspects(x: &Entry, y: &Entry) -> Vec<Aspect> {
    let mut out = Vec::new();
    let own = |e: &Entry| {
        // The text holds its sub-items' texts after its own; they are compared on their own.
        let mut text = e.text.clone();
        for s in &e.subs {
            text = text.replacen(&s.text, "", 1);
        }
        normalize(&text)
    };
    let notes = |e: &Entry| e.notes.iter().map(|n| normalize(n)).collect::<Vec<_>>();
    let label_differs = normalize(&x.label) != normalize(&y.label) || notes(x) != notes(y);
    let months = |e: &Entry| {
        (
            e.timing
                .as_ref()
                .map(|t| (t.kind, t.months, t.open_end, t.times)),
            e.timing.is_none().then(|| e.when.as_deref().map(normalize)),
        )
    };
    let months_differ = months(x) != months(y);
    let scheduled = |e: &Entry| e.timing.as_ref().is_some_and(|t| t.scheduled);
    let scheduled_differs = scheduled(x) != scheduled(y);
    let counts = |e: &Entry| {
        e.counts
            .iter()
            .map(|c| (c.value, normalize(&c.unit)))
            .collect::<Vec<_>>()
    };
    let counts_differ = counts(x) != counts(y);
    if label_differs || (own(x) != own(y) && !months_differ && !scheduled_differs && !counts_differ)
    {
        out.push(Aspect::Text);
    }
    if months_differ {
        out.push(Aspect::Months);
    }
    if scheduled_differs {
        out.push(Aspect::Scheduled);
    }
    if counts_differ {
        out.push(Aspect::Counts);
    }
    if x.kind != y.kind {
        out.push(Aspect::Kind);
    }
    out
}

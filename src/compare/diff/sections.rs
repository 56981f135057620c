//! Sections and initiatives. Initiatives are paired across the whole report, so a move between
//! sections is one change; the walk then follows the newer report: each section, then its
//! initiatives, removed ones after the rest of their section (or at the end when their section
//! went too).

use std::collections::{HashMap, HashSet};

use super::pairing::{Keys, Pairing, out_of_order, pair, similarity};
use super::{Cx, Place};
use crate::compare::{InitiativeRef, StatusOf, What};
use crate::model::status::initiative_status;
use crate::model::text::normalize;
use crate::model::{Initiative, Report, Section};

/// An initiative with the index of the section it stands in.
type Placed<'a> = (usize, &'a Initiative);

/// The initiatives across the whole report, with the section each stands in.
fn placed(r: &Report) -> Vec<Placed<'_>> {
    r.sections
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.initiatives.iter().map(move |i| (k, i)))
        .collect()
}

/// How the sections and initiatives of the two reports paired, looked up while walking the
/// newer report.
struct Paired<'a> {
    /// The older report's initiatives, by their index across the report.
    old_list: Vec<Placed<'a>>,
    /// Old section index → new section index.
    new_section_of_old: HashMap<usize, usize>,
    /// New section index → old section index.
    old_section_of_new: HashMap<usize, usize>,
    /// New initiative → old initiative, by their indexes across each report.
    old_of_new: HashMap<usize, usize>,
    /// New initiatives (by index across the report) that pair with none.
    added: HashSet<usize>,
    /// New sections, and new initiatives among their section's, that stand out of the order
    /// of their pairs (the fewest that moved, as for entries).
    reordered_sections: HashSet<usize>,
    reordered_initiatives: HashSet<usize>,
    /// Each initiative's place in its section (by its index across the report): old, new.
    places: (Vec<usize>, Vec<usize>),
}

/// Each initiative's place in its section, by its index across the report.
fn places(r: &Report) -> Vec<usize> {
    r.sections
        .iter()
        .flat_map(|s| 0..s.initiatives.len())
        .collect()
}

/// The pairs of `pairing` (old, new) out of their order, by their new index.
fn reordered(pairs: &[(usize, usize)]) -> HashSet<usize> {
    let mut sorted = pairs.to_vec();
    sorted.sort_by_key(|&(_, j)| j);
    let moved = out_of_order(&sorted);
    (sorted.iter().zip(moved))
        .filter(|(_, moved)| *moved)
        .map(|(&(_, j), _)| j)
        .collect()
}

/// The new initiatives (by index across the report) out of their order within their section:
/// per section, the pairs of those that were in the section it pairs with, by their places.
fn reordered_within_sections(
    old_list: &[Placed<'_>],
    new_list: &[Placed<'_>],
    pairs: &[(usize, usize)],
    new_section_of_old: &HashMap<usize, usize>,
) -> HashSet<usize> {
    let mut by_section: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for &(i, j) in pairs {
        let (Some(&(os, _)), Some(&(ns, _))) = (old_list.get(i), new_list.get(j)) else {
            continue;
        };
        if new_section_of_old.get(&os) == Some(&ns) {
            by_section.entry(ns).or_default().push((i, j));
        }
    }
    by_section.values().flat_map(|p| reordered(p)).collect()
}

impl<'a> Cx<'a> {
    pub(super) fn sections_and_initiatives(&mut self) {
        let new = self.new;
        let sections = self.pair_sections();
        let (old_list, new_list) = (placed(self.old), placed(new));
        let initiatives = self.pair_initiatives(&old_list, &new_list);
        let new_section_of_old = sections.pairs.iter().copied().collect();
        let reordered_initiatives = reordered_within_sections(
            &old_list,
            &new_list,
            &initiatives.pairs,
            &new_section_of_old,
        );
        let paired = Paired {
            new_section_of_old,
            old_section_of_new: sections.pairs.iter().map(|&(i, j)| (j, i)).collect(),
            old_of_new: initiatives.pairs.iter().map(|&(i, j)| (j, i)).collect(),
            added: initiatives.added.iter().copied().collect(),
            reordered_sections: reordered(&sections.pairs),
            reordered_initiatives,
            places: (places(self.old), places(new)),
            old_list,
        };
        let mut removed_by_section: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut removed_alone = Vec::new();
        for &i in &initiatives.removed {
            let Some(&(old_section, _)) = paired.old_list.get(i) else {
                continue;
            };
            match paired.new_section_of_old.get(&old_section) {
                Some(&j) => removed_by_section.entry(j).or_default().push(i),
                None => removed_alone.push(i),
            }
        }
        let mut j_flat = 0usize;
        for (js, ns) in new.sections.iter().enumerate() {
            self.section(js, ns, &paired);
            for ni in &ns.initiatives {
                self.initiative_in_section(j_flat, js, ns, ni, &paired);
                j_flat += 1;
            }
            for i in removed_by_section.remove(&js).unwrap_or_default() {
                if let Some(&(_, oi)) = paired.old_list.get(i) {
                    self.removed_initiative(oi);
                }
            }
        }
        self.removed_sections(&sections.removed);
        for i in removed_alone {
            if let Some(&(os_index, oi)) = paired.old_list.get(i) {
                self.place.section = self.old.sections.get(os_index).map(|s| s.numeral.clone());
                self.removed_initiative(oi);
            }
        }
    }

    fn pair_sections(&self) -> Pairing {
        let numeral_title =
            |s: &Section| format!("{}\t{}", normalize(&s.numeral), normalize(&s.title));
        let title = |s: &Section| normalize(&s.title);
        let numeral = |s: &Section| normalize(&s.numeral);
        let sim = |a: &Section, b: &Section| similarity(&a.title, &b.title);
        pair(
            &self.old.sections,
            &self.new.sections,
            self.lineage,
            &Keys {
                id: &|s: &Section| s.id,
                texts: &[&numeral_title, &title, &numeral],
                similar: Some(&sim),
            },
        )
    }

    fn pair_initiatives(&self, old_list: &[Placed<'a>], new_list: &[Placed<'a>]) -> Pairing {
        let number_title =
            |x: &Placed<'_>| format!("{}\t{}", normalize(&x.1.number), normalize(&x.1.title));
        let i_title = |x: &Placed<'_>| normalize(&x.1.title);
        let i_number = |x: &Placed<'_>| normalize(&x.1.number);
        let i_sim = |a: &Placed<'_>, b: &Placed<'_>| similarity(&a.1.title, &b.1.title);
        pair(
            old_list,
            new_list,
            self.lineage,
            &Keys {
                id: &|x: &Placed<'_>| x.1.id,
                texts: &[&number_title, &i_title, &i_number],
                similar: Some(&i_sim),
            },
        )
    }

    /// A section of the newer report: added, or its numeral and title against its pair's.
    fn section(&mut self, js: usize, ns: &Section, paired: &Paired<'a>) {
        let old = self.old;
        self.place = Place {
            section: Some(ns.numeral.clone()),
            ..Place::default()
        };
        match paired
            .old_section_of_new
            .get(&js)
            .and_then(|&i| old.sections.get(i))
        {
            Some(os) => {
                if paired.reordered_sections.contains(&js) {
                    let old_position = paired.old_section_of_new.get(&js).map_or(0, |i| i + 1);
                    let what = What::SectionReordered {
                        old_position,
                        new_position: js + 1,
                    };
                    self.push(Some(os.id), Some(ns.id), what);
                }
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
    }

    /// The `j`th initiative of the newer report, in section `js`: added, moved from another
    /// section, and compared with its pair.
    fn initiative_in_section(
        &mut self,
        j: usize,
        js: usize,
        ns: &Section,
        ni: &'a Initiative,
        paired: &Paired<'a>,
    ) {
        self.place.initiative = Some(InitiativeRef {
            number: ni.number.clone(),
            title: ni.title.clone(),
            old_id: None,
            new_id: Some(ni.id),
        });
        self.place.topic = None;
        if paired.added.contains(&j) {
            self.push(
                None,
                Some(ni.id),
                What::InitiativeAdded {
                    number: ni.number.clone(),
                    title: ni.title.clone(),
                },
            );
            return;
        }
        let Some(&(os_index, oi)) = paired
            .old_of_new
            .get(&j)
            .and_then(|&i| paired.old_list.get(i))
        else {
            return;
        };
        if let Some(r) = &mut self.place.initiative {
            r.old_id = Some(oi.id);
        }
        if paired.reordered_initiatives.contains(&j) {
            let (old_places, new_places) = &paired.places;
            let position = |places: &[usize], k: usize| places.get(k).map_or(0, |p| p + 1);
            let what = What::InitiativeReordered {
                old_position: paired
                    .old_of_new
                    .get(&j)
                    .map_or(0, |&i| position(old_places, i)),
                new_position: position(new_places, j),
            };
            self.push(Some(oi.id), Some(ni.id), what);
        }
        if paired.new_section_of_old.get(&os_index) != Some(&js) {
            let old_section = self
                .old
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

    fn removed_sections(&mut self, removed: &[usize]) {
        for &i in removed {
            if let Some(os) = self.old.sections.get(i) {
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

    pub(super) fn initiative(&mut self, oi: &'a Initiative, ni: &'a Initiative) {
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
        for what in crate::compare::measures::changes(oi, ni, unit, self.exact_text) {
            self.push(Some(oi.id), Some(ni.id), what);
        }
        self.items(oi, ni);
        self.topics(oi, ni);
    }
}

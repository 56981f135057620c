//! Which of an answer's indicators is which of the master's: by name, and among several of a
//! name by what the office sets. Each name's and each name-and-office-part's indicators are
//! found once, not searched for each indicator (16,000 indicators took over 30 s).

use std::collections::HashMap;

use crate::model::measures::{Baseline, Direction, Figure, Indicator};
use crate::model::text::normalize;
use crate::model::{FiscalYear, Id};

/// What the office sets of an indicator (a division answers only the actuals): two that agree
/// on it are alike.
type OfficePart<'a> = (
    &'a str,
    Direction,
    &'a str,
    &'a Option<Baseline>,
    &'a Figure,
    Option<Id>,
    Vec<(FiscalYear, &'a Figure)>,
);

fn office_part(x: &Indicator) -> OfficePart<'_> {
    let targets = x
        .years
        .iter()
        .filter(|v| !v.target.is_blank())
        .map(|v| (v.year, &v.target))
        .collect();
    (
        &x.unit,
        x.direction,
        &x.direction_unread,
        &x.baseline,
        &x.target,
        x.topic,
        targets,
    )
}

pub(super) struct Pairing<'a> {
    master: &'a [Indicator],
    answer: &'a [Indicator],
    /// Each master indicator's name, normalized, and its place among the master's of it.
    names: Vec<(String, usize)>,
    /// How many of the master's bear each name; of those, how many are alike.
    of_master: HashMap<String, usize>,
    twins: HashMap<(String, OfficePart<'a>), usize>,
    /// The answer's indicators of each name, and of each name alike, in order.
    named: HashMap<String, Vec<usize>>,
    alike: HashMap<(String, OfficePart<'a>), Vec<usize>>,
}

impl<'a> Pairing<'a> {
    pub fn new(master: &'a [Indicator], answer: &'a [Indicator]) -> Pairing<'a> {
        let mut of_master: HashMap<String, usize> = HashMap::new();
        let mut twins: HashMap<(String, OfficePart<'a>), usize> = HashMap::new();
        let mut names = Vec::with_capacity(master.len());
        for x in master {
            let name = normalize(&x.name);
            let n = of_master.entry(name.clone()).or_insert(0);
            names.push((name.clone(), *n));
            *n += 1;
            *twins.entry((name, office_part(x))).or_insert(0) += 1;
        }
        let mut named: HashMap<String, Vec<usize>> = HashMap::new();
        let mut alike: HashMap<(String, OfficePart<'a>), Vec<usize>> = HashMap::new();
        for (k, y) in answer.iter().enumerate() {
            let name = normalize(&y.name);
            named.entry(name.clone()).or_default().push(k);
            alike.entry((name, office_part(y))).or_default().push(k);
        }
        Pairing {
            master,
            answer,
            names,
            of_master,
            twins,
            named,
            alike,
        }
    }

    /// The answer's indicator for the master's `k`-th, and which of its name it is. One name
    /// is usually one indicator; of several, the one whose office part (unit, direction,
    /// baseline, targets, topic) is the master's, else the n-th of the name while the answer
    /// has as many as the master — an answer that lost one of them (edited by hand) takes none
    /// rather than the neighbour's numbers.
    pub fn answer_of(&self, k: usize) -> Option<(usize, &'a Indicator)> {
        let (name, nth) = &self.names[k];
        let nth = *nth;
        let named = self.named.get(name).map_or(&[][..], Vec::as_slice);
        let of_master = self.of_master.get(name).copied().unwrap_or(0);
        if named.len() == 1 && of_master == 1 {
            return Some((nth, &self.answer[named[0]]));
        }
        let key = (name.clone(), office_part(&self.master[k]));
        let alike = self.alike.get(&key).map_or(&[][..], Vec::as_slice);
        let twins = self.twins.get(&key).copied().unwrap_or(0);
        match alike {
            [one] if twins == 1 => Some((nth, &self.answer[*one])),
            _ if named.len() == of_master => Some((nth, &self.answer[named[nth]])),
            _ => None,
        }
    }
}

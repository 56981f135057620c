//! The action items of a paired initiative, and the stage spans of each item's lanes.

use super::Cx;
use super::pairing::{Keys, SpanTest, pair, similarity};
use crate::compare::What;
use crate::model::text::normalize;
use crate::model::{ActionItem, Id, Initiative, StageSpan};

impl Cx<'_> {
    pub(super) fn items(&mut self, oi: &Initiative, ni: &Initiative) {
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

    pub(super) fn item_added(&mut self, ni: &Initiative, k: usize) {
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
    pub(super) fn stages(
        &mut self,
        old_id: Id,
        new_id: Id,
        item: &str,
        a: &[StageSpan],
        b: &[StageSpan],
    ) {
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
}

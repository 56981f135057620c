//! What opening a report repaired (an id bound, links to no plan entry, texts read again),
//! as warnings naming each place: said when a `.ron` is opened and in the review of a
//! response collected.

use crate::model::Report;
use crate::model::diag::{EntryAt, Location, Warning, WarningKind};
use crate::model::validate::{Place, Rule, Violation};

/// The repairs that are said (every other broken rule refuses the file), each a warning.
pub fn repair_warnings(report: &Report, repaired: &[Violation]) -> Vec<Warning> {
    repaired
        .iter()
        .filter_map(|v| match v.rule {
            Rule::NextIdNotAbove { next_id, highest } => Some(Warning::new(
                Location::named("next_id"),
                WarningKind::NextIdRepaired {
                    was: next_id,
                    set_to: highest.saturating_add(1),
                },
            )),
            Rule::LinkNotToPlan { id } => {
                let (at, entry) = entry_place(report, &v.place);
                let linked = report.entry(id).map(|e| e.text.clone());
                let kind = WarningKind::LinkDropped {
                    entry,
                    linked,
                    id: id.0,
                };
                Some(Warning::new(at, kind))
            }
            Rule::ReadAgain { ref was, ref now } => {
                let (at, entry) = entry_place(report, &v.place);
                let (was, now) = (was.clone(), now.clone());
                Some(Warning::new(
                    at,
                    WarningKind::TextReadAgain { entry, was, now },
                ))
            }
            Rule::RatingWithoutCode { ref kept } => {
                use crate::model::measure_warning::{MeasureAt, MeasureField, MeasureWarning};
                let field = match v.place.field {
                    Some("review") => MeasureField::Review,
                    Some("comment") => MeasureField::Comment,
                    _ => MeasureField::SelfRating,
                };
                let initiative = v.place.initiative.clone().unwrap_or_default();
                let at = Location::measure(MeasureAt { initiative, field });
                let kept = kept.clone();
                let warning = MeasureWarning::RatingWithoutCode { kept };
                Some(Warning::new(at, WarningKind::Measure { warning }))
            }
            Rule::RatingCodeBlank { .. } | Rule::RatingCodeTwice { .. } => {
                let warning = v.rule.scale_warning()?;
                let kind = WarningKind::Measure { warning };
                Some(Warning::new(Location::named("rating_scale"), kind))
            }
            _ => None,
        })
        .collect()
}

/// Where an entry named by a rule's place is, as the report's warnings name it (initiative,
/// topic, side, in the window's language), and its text; by the place's words when it names
/// no entry of the report.
fn entry_place(report: &Report, place: &Place) -> (Location, String) {
    let found = (|| {
        let initiative =
            (report.initiatives()).find(|i| Some(&i.number) == place.initiative.as_ref())?;
        let topic = initiative.topics.get(place.topic?.checked_sub(1)?)?;
        let side = place.side?;
        let entry = topic
            .entries(side)
            .get(place.entry.first()?.checked_sub(1)?)?;
        let at = EntryAt {
            initiative: initiative.number.clone(),
            topic: topic.heading.clone(),
            side,
        };
        Some((Location::entry(at), entry.text.clone()))
    })();
    found.unwrap_or_else(|| (Location::named(place.to_string()), String::new()))
}

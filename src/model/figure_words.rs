//! A figure and an amount as change lists and warnings write them in a line of words: thousands
//! grouped, a minus as `△`, an amount in the report's unit named after it (`△1,310.2百万円`) —
//! as the web page and the printout write them. Text kept as written is written as it is.

use super::figure::grouped;
use super::measures::{Figure, Money, YenUnit};

impl Figure {
    /// `3,297`, `△5.5`; text kept as written as it is.
    pub fn in_words(&self) -> String {
        match self.value {
            Some(_) => grouped(&self.display()),
            None => self.display(),
        }
    }
}

impl Money {
    /// `△1,310.2百万円` in `unit`; text kept as written as it is.
    pub fn in_words(&self, unit: YenUnit) -> String {
        let d = self.display(unit);
        match self.yen {
            Some(_) => format!("{}{}", grouped(&d), unit.label()),
            None => d,
        }
    }
}

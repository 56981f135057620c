//! The two languages Shinchoku speaks, and the one way a message of the core is put into words.
//! The core's errors and warnings are data (kinds and places); [`Describe`] words them, so the
//! window shows them in the user's language and the command line in English, from one text.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

/// Something the core reports to a person, worded in either language.
pub trait Describe {
    fn describe(&self, lang: Lang) -> String;
}

/// Picks the Japanese or the English wording.
pub fn say(lang: Lang, ja: String, en: String) -> String {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

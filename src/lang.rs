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

/// The first of a list a message names, and how many more there are (`more`), counted in
/// Japanese with `counter` (件, 字, 枚): a long list is said in a line, not as long as itself.
pub fn first_and_more(named: &[String], more: usize, counter: &str, lang: Lang) -> String {
    match (lang, more) {
        (Lang::Ja, 0) => named.join("、"),
        (Lang::Ja, n) => format!("{}、ほか{n}{counter}", named.join("、")),
        (Lang::En, 0) => named.join(", "),
        (Lang::En, n) => format!("{} and {n} more", named.join(", ")),
    }
}

/// What went wrong reading or writing a file, in words: in Japanese by its kind (the system's
/// own text is English, or in the system's language), in English the system's text as it is.
pub fn io_words(kind: std::io::ErrorKind, system_text: &str, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return system_text.to_string();
    }
    let words = match kind {
        K::NotFound => "ファイルまたはフォルダがありません",
        K::PermissionDenied => "権限がありません",
        K::AlreadyExists => "同じ名前のものがすでにあります",
        K::StorageFull => "ディスクに空きがありません",
        K::ReadOnlyFilesystem => "読み取り専用の場所です",
        K::IsADirectory => "フォルダです（ファイルを指定してください）",
        K::NotADirectory => "フォルダではありません",
        K::DirectoryNotEmpty => "フォルダが空ではありません",
        K::ResourceBusy => "ほかのプログラムが使っています",
        K::UnexpectedEof => "ファイルが途中で終わっています",
        K::InvalidData => "中身が正しくありません",
        K::InvalidInput | K::InvalidFilename => "名前が正しくありません",
        K::TimedOut => "時間内に終わりませんでした",
        K::OutOfMemory => "メモリが足りません",
        K::FileTooLarge => "ファイルが大きすぎます",
        K::CrossesDevices => "別のドライブへは移せません",
        K::Unsupported => "この場所ではできません",
        K::BrokenPipe | K::WriteZero => "書き込みが途中で止まりました",
        _ => "入出力のエラーです",
    };
    // The system's error number, when it gives one, for whoever looks further.
    let number = system_text
        .rfind("(os error ")
        .and_then(|at| system_text[at + "(os error ".len()..].strip_suffix(')'));
    match number {
        Some(n) => format!("{words}（OS のエラー番号 {n}）"),
        None => words.to_string(),
    }
}

impl Describe for std::io::Error {
    fn describe(&self, lang: Lang) -> String {
        io_words(self.kind(), &self.to_string(), lang)
    }
}

//! How much of a file Shinchoku lists: bounds that keep what a hostile or damaged file costs
//! in proportion to its size.

use crate::lang::{Lang, say};

/// Warnings listed at most: past them, each is counted in one last warning saying how many
/// more there were (the text they concern is kept all the same), so that a file of a million
/// rows not understood does not hold a million warnings.
pub const MAX_WARNINGS: usize = 10_000;

/// The last warning of a list cut short: how many more there were.
pub fn not_listed(count: usize, lang: Lang) -> String {
    say(
        lang,
        format!("ほかに{count}件の警告があります（読めなかった文字は未読の一覧に残しています）"),
        format!(
            "{count} more warning(s) not listed (the text they concern is kept among the unread)"
        ),
    )
}

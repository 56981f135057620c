//! Text as people type it in reports, made comparable: the one normalisation that month
//! expressions, era dates and counts share.

/// Full-width digits and letters to ASCII, the three kinds of wave dash to `～`, spaces removed.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '〜' | '~' | '∼' | '－' | '-' | '‐' | '−' => '～',
            '，' | ',' | '､' => '、',
            _ => c,
        })
        .collect()
}

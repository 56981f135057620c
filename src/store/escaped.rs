//! The report's RON written with its strings escaped as the `ron` crate escapes them — the
//! same bytes — without its cost. `ron` escapes each character of a string with
//! `char::escape_debug`, which looks up whether a kanji is printable in a table read from the
//! start: a result of 20 million characters of Japanese took 7.5 s to save, and a crafted
//! answer of 155 KB that unzips to it took 11 s to collect (the bound is 10 s). So the report
//! is written with its strings as they are (`escape_strings(false)`: `"…"`, or `r#"…"#` when
//! they hold `"` or `\`), and each is then escaped here: kana, the common kanji and
//! full-width forms, which `escape_debug` leaves as they are, are copied; every other
//! character goes through `escape_debug` as before.

/// `ron`'s output with unescaped strings, its strings escaped as `ron` would have.
pub(super) fn escape_strings(unescaped: &str) -> String {
    let mut out = String::with_capacity(unescaped.len() + unescaped.len() / 16);
    let mut rest = unescaped;
    while let Some(at) = rest.find(['"', '\'', 'r']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let identifier_before = before
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back())
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = match from.as_bytes()[0] {
            b'"' => {
                // A plain string: it holds no `"`, or it would have been written raw.
                let end = from[1..].find('"').map_or(from.len(), |k| k + 1);
                push_escaped(&mut out, &from[1..end]);
                from.get(end + 1..).unwrap_or("")
            }
            // A character, written alike either way: `'x'`, `'\''`, `'\\'`.
            b'\'' => {
                let len = char_literal_len(from);
                out.push_str(&from[..len]);
                &from[len..]
            }
            // `r#"…"#`, unless the `r` is part of a name (`report`, `reports`).
            _ if !identifier_before && raw_hashes(from).is_some() => {
                let hashes = raw_hashes(from).unwrap_or(1);
                let start = 1 + hashes + 1;
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let end = from[start..].find(&close).map_or(from.len(), |k| start + k);
                push_escaped(&mut out, &from[start..end]);
                from.get(end + close.len()..).unwrap_or("")
            }
            _ => {
                out.push('r');
                &from[1..]
            }
        };
    }
    out.push_str(rest);
    out
}

/// The number of `#` of a raw string starting at `text` (`r##"`: 2), if one does.
fn raw_hashes(text: &str) -> Option<usize> {
    let after = text.strip_prefix('r')?;
    let hashes = after.bytes().take_while(|&b| b == b'#').count();
    (hashes > 0 && after[hashes..].starts_with('"')).then_some(hashes)
}

/// The length of the character literal at the start of `text` (`'x'`, `'\''`).
fn char_literal_len(text: &str) -> usize {
    let mut chars = text.char_indices().skip(1);
    match chars.next() {
        Some((_, '\\')) => {
            chars.next();
        }
        Some(_) => {}
        None => return text.len(),
    }
    chars.next().map_or(text.len(), |(k, c)| k + c.len_utf8())
}

/// `"` + the text escaped as `ron` escapes a string + `"`.
fn push_escaped(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if left_as_is(c) {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push('"');
}

/// Characters `escape_debug` gives back as they are, told without its tables: printable
/// ASCII but the quotes and the backslash; the 、。 marks and brackets, kana, the kanji of the
/// first Unicode (U+4E00–U+9FA5) and the full-width forms — all assigned since Unicode 3.2 and
/// printable, none combining (a test checks each against `escape_debug`).
fn left_as_is(c: char) -> bool {
    matches!(c,
        ' '..='~' if !matches!(c, '"' | '\'' | '\\'))
        || matches!(u32::from(c),
            0x3001..=0x3003 | 0x3005..=0x3011 | 0x3041..=0x3096 | 0x30A1..=0x30FA
            | 0x30FC..=0x30FE | 0x4E00..=0x9FA5 | 0xFF01..=0xFF5E)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_left_as_is_is_what_escape_debug_gives() {
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| left_as_is(c))
        {
            assert_eq!(
                c.escape_debug().to_string(),
                c.to_string(),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    /// A struct as the report's strings come: plain, with quotes, backslashes, hashes, line
    /// breaks, control and invisible characters, a character field, names holding `r`.
    #[derive(serde::Serialize)]
    struct Texts {
        report: String,
        raw: Vec<String>,
        mark: char,
        quote: char,
    }

    fn both(texts: &Texts) -> (String, String) {
        let config = || {
            ron::ser::PrettyConfig::new()
                .depth_limit(9)
                .struct_names(false)
        };
        let escaped = ron::ser::to_string_pretty(texts, config()).unwrap();
        let plain = ron::ser::to_string_pretty(texts, config().escape_strings(false)).unwrap();
        (escaped, escape_strings(&plain))
    }

    #[test]
    fn strings_are_escaped_to_the_bytes_ron_writes() {
        let strange = [
            "研修を実施した(6月)",
            "\"引用\" と \\ と r#\"生\"#",
            "##\"#",
            "行1\n行2\r\n\t終わり",
            "\u{0}\u{1b}[2J\u{202e}\u{200b}\u{3000}\u{3099}",
            "r",
            "'",
            "",
            "\u{10ffff}\u{e000}\u{9fff}\u{fffd}",
        ];
        for (k, text) in strange.iter().enumerate() {
            let texts = Texts {
                report: text.to_string(),
                raw: strange.iter().map(|s| format!("{s}{k}")).collect(),
                mark: text.chars().next().unwrap_or('x'),
                quote: '"',
            };
            let (escaped, ours) = both(&texts);
            assert_eq!(ours, escaped);
        }
    }

    /// The report as `ron` escapes it, as it was written before.
    fn written_by_ron(report: &crate::model::Report) -> String {
        let out = super::super::file_out(report);
        let mut text = ron::ser::to_string_pretty(&out, super::super::ron_config()).unwrap();
        text.push('\n');
        text
    }

    #[test]
    fn a_report_is_written_to_the_same_bytes_as_ron_writes() {
        let sample = crate::store::from_ron(crate::document::SAMPLE_RON).unwrap();
        let mut strange = crate::synthetic::with_long_result(3_000);
        strange.title = "表題\t\"引用\"\\\u{202e}\u{0}r#\"x\"#\n改行".into();
        for report in [sample, strange, crate::synthetic::large_report(200)] {
            assert_eq!(super::super::to_ron(&report), written_by_ron(&report));
        }
    }
}

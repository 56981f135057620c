//! A reader for the RON Shinchoku writes, and only that: named structs without their names,
//! lists, strings, whole numbers, `true`/`false`, `None`/`Some(…)` and unit enum variants, with
//! spaces and newlines between. It reads byte by byte where the `ron` crate reads by characters
//! and looks ahead for comments, raw strings and extensions at every token; that made opening a
//! 10,000-initiative report spend most of its time in the parser.
//!
//! Anything else (a comment, an extension, a struct name, an escape it does not know, a field
//! the model does not have, nesting deeper than [`DEPTH_LIMIT`]) is refused with no detail:
//! the caller then reads the text with `ron`, which accepts all of RON and says where a file is
//! broken. So this reader never decides what a file means differently from `ron`; it only
//! declines early.

use serde::de::value::{BorrowedStrDeserializer, Error};
use serde::de::{self, DeserializeSeed, Error as _, IntoDeserializer, Visitor};

/// How deep lists and structs may nest before the reader gives up (and `ron`, with its own
/// limit, takes over): sub-items nest, and a hand-made file could nest them until the stack
/// runs out.
const DEPTH_LIMIT: usize = 100;

/// Reads `T` from the whole of `text`, or declines.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        at: 0,
        depth: 0,
        list_lengths: list_lengths(text.as_bytes()),
        lists_opened: 0,
    };
    let value = T::deserialize(&mut reader)?;
    reader.skip_ws()?;
    if reader.at != reader.bytes.len() {
        return Err(decline());
    }
    Ok(value)
}

/// How many elements each list of the text holds, in the order the lists open: told to each
/// list as it is read, so that it is made the right size at once. Grown by doubling instead,
/// the lists of a large report kept a third of its memory spare, and giving that back after
/// reading left the memory scattered in pieces the system could not take back.
fn list_lengths(bytes: &[u8]) -> Vec<u32> {
    let mut lengths = Vec::new();
    // Per open bracket: for a list, where its length goes and whether an element has begun
    // since the last comma; `None` for a struct's `(`.
    let mut open: Vec<Option<(usize, bool)>> = Vec::new();
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        match b {
            b'"' => {
                if let Some(Some((_, begun))) = open.last_mut() {
                    *begun = true;
                }
                // To the closing quote, passing escaped characters.
                k += 1;
                while let Some(run) = bytes
                    .get(k..)
                    .and_then(|rest| rest.iter().position(|&c| c == b'"' || c == b'\\'))
                {
                    k += run;
                    if bytes[k] == b'"' {
                        break;
                    }
                    k += 2;
                }
            }
            b'[' | b'(' => {
                if let Some(Some((_, begun))) = open.last_mut() {
                    *begun = true;
                }
                open.push((b == b'[').then(|| {
                    lengths.push(0);
                    (lengths.len() - 1, false)
                }));
            }
            b']' | b')' => {
                if let Some(Some((at, true))) = open.pop() {
                    lengths[at] += 1;
                }
            }
            b',' => {
                if let Some(Some((at, begun))) = open.last_mut()
                    && *begun
                {
                    lengths[*at] += 1;
                    *begun = false;
                }
            }
            b' ' | b'\n' | b'\r' | b'\t' => {}
            _ => {
                if let Some(Some((_, begun))) = open.last_mut() {
                    *begun = true;
                }
            }
        }
        k += 1;
    }
    lengths
}

fn decline() -> Error {
    Error::custom("not in the form Shinchoku writes")
}

struct Reader<'de> {
    bytes: &'de [u8],
    text: &'de str,
    at: usize,
    depth: usize,
    /// See [`list_lengths`]; a length the reading does not match only sizes a list wrongly.
    list_lengths: Vec<u32>,
    lists_opened: usize,
}

impl<'de> Reader<'de> {
    /// Spaces, tabs and newlines; a comment declines.
    fn skip_ws(&mut self) -> Result<(), Error> {
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b' ' | b'\n' | b'\r' | b'\t' => self.at += 1,
                b'/' => return Err(decline()),
                _ => break,
            }
        }
        Ok(())
    }

    fn peek(&mut self) -> Result<Option<u8>, Error> {
        self.skip_ws()?;
        Ok(self.bytes.get(self.at).copied())
    }

    fn expect(&mut self, byte: u8) -> Result<(), Error> {
        if self.peek()? == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(decline())
        }
    }

    /// An ASCII identifier (`schema`, `first_half`, `None`); RON's raw and Unicode identifiers
    /// decline.
    fn identifier(&mut self) -> Result<&'de str, Error> {
        self.skip_ws()?;
        let start = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        let ident = &self.text[start..self.at];
        match ident.as_bytes().first() {
            Some(b) if !b.is_ascii_digit() => Ok(ident),
            _ => Err(decline()),
        }
    }

    /// A decimal whole number, with its sign.
    fn integer(&mut self) -> Result<(bool, u64), Error> {
        self.skip_ws()?;
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            if !b.is_ascii_digit() {
                break;
            }
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
                .ok_or_else(decline)?;
            self.at += 1;
        }
        // `1.5`, `0x1F`, `1_000` and the like are for `ron` to read or refuse.
        let next = self.bytes.get(self.at).copied().unwrap_or(b' ');
        if self.at == start || next.is_ascii_alphanumeric() || next == b'.' || next == b'_' {
            return Err(decline());
        }
        Ok((negative, value))
    }

    fn unsigned(&mut self) -> Result<u64, Error> {
        match self.integer()? {
            (false, v) => Ok(v),
            (true, _) => Err(decline()),
        }
    }

    fn signed(&mut self) -> Result<i64, Error> {
        let (negative, v) = self.integer()?;
        let v = i64::try_from(v).map_err(|_| decline())?;
        Ok(if negative { -v } else { v })
    }

    /// A quoted string: borrowed from the text when it holds no escape.
    fn string(&mut self) -> Result<Text<'de>, Error> {
        self.expect(b'"')?;
        let start = self.at;
        let rest = &self.bytes[start..];
        let end = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .ok_or_else(decline)?;
        if rest[end] == b'"' {
            self.at = start + end + 1;
            return Ok(Text::Borrowed(&self.text[start..start + end]));
        }
        let mut out = String::with_capacity(end + 16);
        out.push_str(&self.text[start..start + end]);
        self.at = start + end;
        loop {
            let rest = &self.bytes[self.at..];
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or_else(decline)?;
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            if self.bytes[self.at] == b'"' {
                self.at += 1;
                return Ok(Text::Owned(out));
            }
            // A backslash: the escapes `char::escape_debug` writes, which is how `ron` writes.
            let escaped = self.bytes.get(self.at + 1).copied().ok_or_else(decline)?;
            self.at += 2;
            let c = match escaped {
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'u' => self.unicode_escape()?,
                _ => return Err(decline()),
            };
            out.push(c);
        }
    }

    /// The `{1F600}` of `\u{1F600}`.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        if self.bytes.get(self.at) != Some(&b'{') {
            return Err(decline());
        }
        let close = self.bytes[self.at..]
            .iter()
            .take(8)
            .position(|&b| b == b'}')
            .ok_or_else(decline)?;
        let hex = &self.text[self.at + 1..self.at + close];
        self.at += close + 1;
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(decline());
        }
        u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(decline)
    }

    fn deeper(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > DEPTH_LIMIT {
            return Err(decline());
        }
        Ok(())
    }

    /// After an element or a field's value: a comma, or the closing bracket.
    fn after_item(&mut self, close: u8) -> Result<(), Error> {
        match self.peek()? {
            Some(b',') => {
                self.at += 1;
                Ok(())
            }
            Some(b) if b == close => Ok(()),
            _ => Err(decline()),
        }
    }
}

enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        // What the model does not name (an unknown field) is for `ron` to handle.
        Err(decline())
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(decline()),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.identifier()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                self.deeper()?;
                let value = visitor.visit_some(&mut *self)?;
                self.depth -= 1;
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(decline()),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value, Error> {
        // The model's newtypes are `transparent`: written as the value itself, never `(…)`.
        Err(decline())
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.expect(b'[')?;
        self.deeper()?;
        let length = self.list_lengths.get(self.lists_opened).copied();
        self.lists_opened += 1;
        let value = visitor.visit_seq(Elements {
            reader: self,
            left: length.map(|n| n as usize),
        })?;
        self.depth -= 1;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_map<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.expect(b'(')?;
        self.deeper()?;
        let value = visitor.visit_map(Fields { reader: self })?;
        self.depth -= 1;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let variant = self.identifier()?;
        visitor.visit_enum(UnitVariant { variant })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }
}

struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    /// Elements still to read, as counted beforehand.
    left: Option<usize>,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.reader.peek()? == Some(b']') {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_item(b']')?;
        self.left = self.left.map(|n| n.saturating_sub(1));
        Ok(Some(value))
    }

    fn size_hint(&self) -> Option<usize> {
        self.left
    }
}

struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.reader.peek()? == Some(b')') {
            return Ok(None);
        }
        let name = self.reader.identifier()?;
        self.reader.expect(b':')?;
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_item(b')')?;
        Ok(value)
    }
}

/// An enum variant written as its bare name (`first_half`): the only kind the model has.
struct UnitVariant<'de> {
    variant: &'de str,
}

impl<'de> de::EnumAccess<'de> for UnitVariant<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let value = seed.deserialize(self.variant.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, Error> {
        Err(decline())
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Error> {
        Err(decline())
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(decline())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SAMPLE_RON;
    use crate::model::Report;

    #[derive(serde::Deserialize)]
    struct File {
        #[allow(dead_code)]
        schema: u32,
        report: Report,
    }

    #[test]
    fn reads_the_bundled_sample_as_ron_does() {
        let quick: File = from_str(SAMPLE_RON).expect("the sample is in the form it reads");
        let full: File = ron::from_str(SAMPLE_RON).expect("ron reads the sample");
        assert_eq!(quick.report, full.report);
    }

    #[test]
    fn reads_every_escape_the_writer_makes() {
        let mut report = crate::store::from_ron(SAMPLE_RON).unwrap();
        report.title = "\"引用\" C:\\共有\t改行\n\r\u{1}\u{7f}\u{200b}\u{3000} 😀 é'".into();
        let text = crate::store::to_ron(&report);
        let quick: File = from_str(&text).expect("what the writer writes, it reads");
        assert_eq!(quick.report, report);
    }

    #[test]
    fn lists_are_made_the_size_they_are_read() {
        let text = r#"[["a,]", "b\"]", ""], [], [(x: 1, y: [2, 3,],),], [[], [[]]]]"#;
        assert_eq!(list_lengths(text.as_bytes()), [4, 3, 0, 1, 2, 2, 0, 1, 0]);
        let quick: File = from_str(SAMPLE_RON).unwrap();
        let mut initiatives = quick.report.sections.iter().map(|s| &s.initiatives);
        let mut topics = quick.report.initiatives().map(|i| &i.topics);
        let mut plans = quick
            .report
            .initiatives()
            .flat_map(|i| &i.topics)
            .map(|t| &t.plan);
        assert_eq!(
            quick.report.sections.capacity(),
            quick.report.sections.len()
        );
        assert!(initiatives.all(|l| l.capacity() == l.len()));
        assert!(topics.all(|l| l.capacity() == l.len()));
        assert!(plans.all(|l| l.capacity() == l.len()));
    }

    #[test]
    fn reads_escapes_as_ron_does() {
        let text = r#"["a\"b\\c\nd\te\u{3000}f", "plain", "\u{1F600}"]"#;
        let quick: Vec<String> = from_str(text).expect("escapes ron writes");
        let full: Vec<String> = ron::from_str(text).expect("ron reads it");
        assert_eq!(quick, full);
        assert_eq!(quick[0], "a\"b\\c\nd\te\u{3000}f");
    }

    #[test]
    fn declines_what_it_does_not_read_for_ron_to_handle() {
        for text in [
            "// a comment\n[1]",
            "[1, 2,] trailing",
            "[1.5]",
            "[0x10]",
            "[1_000]",
            r#"["unterminated]"#,
            r#"["\x41"]"#,
            "[18446744073709551616]",
        ] {
            assert!(from_str::<Vec<u64>>(text).is_err(), "{text}");
        }
        // Nested past the limit: declined before the stack runs out.
        #[derive(serde::Deserialize)]
        #[serde(transparent)]
        struct Nest(#[allow(dead_code)] Vec<Nest>);
        let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(from_str::<Nest>(&nested).is_err());
        assert!(from_str::<Nest>("[[[]]]").is_ok());
    }
}

//! The names of an `.ods`'s XML by what their prefixes stand for: the declarations in scope
//! kept as the reader goes (`xmlns:tt="…table:1.0"` makes `tt:table-row` a `table:table-row`).
//! Kept here rather than by quick-xml's namespace reader, which looks each name's prefix up by
//! scanning every declaration in scope: 600 attributes of an unusual prefix on each of 200,000
//! cells, under 124 declarations, took 41 s to read.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::Event;
use quick_xml::name::QName;

/// The namespaces of ODF's content read here, each by the prefix LibreOffice writes for it.
const NAMESPACES: [(&str, &str); 6] = [
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"),
    ("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"),
    ("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"),
    ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "draw"),
    ("urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0", "dr3d"),
    (
        "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
        "calcext",
    ),
];

/// The most declarations in scope at once: LibreOffice writes about forty, on the root.
const MAX_DECLARATIONS: usize = 1_024;

/// What a prefix stands for: one of [`NAMESPACES`], by its usual prefix, or another namespace.
type Bound = Option<&'static str>;

/// An XML reader that keeps the declarations in scope.
pub(super) struct Xml<R> {
    reader: Reader<R>,
    /// Each prefix in scope (`b""`: the default namespace) and what it stands for.
    bound: HashMap<String, Bound>,
    /// The declarations of the elements open, each with its element's depth and what its
    /// prefix stood for before: restored when the element ends. Only declarations are kept, so
    /// a document nested millions deep costs nothing here.
    undo: Vec<(usize, String, Option<Bound>)>,
    depth: usize,
    /// The element just read ends its scope at the next read (an empty element, an end).
    closing: bool,
}

impl<R: BufRead> Xml<R> {
    pub fn new(reader: Reader<R>) -> Self {
        Xml {
            reader,
            bound: HashMap::new(),
            undo: Vec::new(),
            depth: 0,
            closing: false,
        }
    }

    /// The next event; an element's declarations are in scope while it and what it holds are
    /// read (its end included).
    pub fn next<'b>(&mut self, buf: &'b mut Vec<u8>) -> Result<Event<'b>, String> {
        if std::mem::take(&mut self.closing) {
            self.end_scope();
        }
        let event = self
            .reader
            .read_event_into(buf)
            .map_err(|e| e.to_string())?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                self.depth += 1;
                for a in e.attributes().with_checks(false).flatten() {
                    let key: &str = a.key.as_ref();
                    let prefix = match key.strip_prefix("xmlns") {
                        Some("") => "",
                        Some(rest) if let Some(prefix) = rest.strip_prefix(':') => prefix,
                        _ => continue,
                    };
                    if self.undo.len() >= MAX_DECLARATIONS {
                        return Err(format!(
                            "more than {MAX_DECLARATIONS} namespace declarations in scope"
                        ));
                    }
                    let value: &str = a.value.as_ref();
                    let usual = NAMESPACES.iter().find(|(uri, _)| *uri == value);
                    let was = self
                        .bound
                        .insert(prefix.to_string(), usual.map(|(_, p)| *p));
                    self.undo.push((self.depth, prefix.to_string(), was));
                }
                self.closing = matches!(event, Event::Empty(_));
            }
            Event::End(_) => self.closing = true,
            _ => {}
        }
        Ok(event)
    }

    fn end_scope(&mut self) {
        while let Some((depth, _, _)) = self.undo.last()
            && *depth == self.depth
        {
            let Some((_, prefix, was)) = self.undo.pop() else {
                break;
            };
            match was {
                Some(was) => self.bound.insert(prefix, was),
                None => self.bound.remove(&prefix),
            };
        }
        self.depth = self.depth.saturating_sub(1);
    }

    /// An element's name by what its prefix stands for, written with the prefix LibreOffice
    /// writes (`table:table-row`): a row written `<tt:table-row xmlns:tt="…table:1.0">` is the
    /// same row, and was passed over without a word; `draw:p` bound to the text namespace is
    /// a paragraph. A prefix bound to no namespace (a hand-made file with none declared) is
    /// taken as written.
    pub fn named<'n>(&self, name: QName<'n>) -> Cow<'n, str> {
        self.by_prefix(name, true)
    }

    /// An attribute's name as [`Self::named`] gives an element's (one without a prefix is in
    /// no namespace).
    pub fn attribute_named<'n>(&self, name: QName<'n>) -> Cow<'n, str> {
        self.by_prefix(name, false)
    }

    fn by_prefix<'n>(&self, name: QName<'n>, element: bool) -> Cow<'n, str> {
        let written = name.into_inner();
        let prefix = name.prefix().map(|p| p.into_inner());
        let key = match prefix {
            Some(p) => p,
            None if element => "",
            None => return Cow::Borrowed(written),
        };
        match self.bound.get(key) {
            Some(Some(usual)) if prefix == Some(*usual) => Cow::Borrowed(written),
            Some(Some(usual)) => Cow::Owned(format!("{usual}:{}", name.local_name().into_inner())),
            _ => Cow::Borrowed(written),
        }
    }
}

//! The printed PDF as a screen reader takes it (PDF/UA-1): its structure tree read back with
//! lopdf — the text of each structure element from the page content it marks, decoded through
//! the embedded font's ToUnicode map, or the element's ActualText — the way `pdfinfo
//! -struct-text` shows it. krilla's PDF/UA-1 validator runs on every tagged render: a render
//! that returns Ok has passed it.

use std::collections::HashMap;

use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};
use shinchoku::grid::GridRow;
use shinchoku::model::Report;
use shinchoku::print::pdf::{PdfError, Tagging, render_unless_stopped, render_with};
use shinchoku::print::{self, PageSetup, PrintJob, PrintLayout};

fn seed() -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mie-h29-h1-report.tsv"
    );
    shinchoku::open_report(std::path::Path::new(path))
        .expect("the seed opens")
        .report
}

fn layout_of(report: &Report) -> PrintLayout {
    let setup = PageSetup::default();
    let job = PrintJob {
        report,
        setup: &setup,
        printed_on: "2017年10月20日".into(),
        comparison: None,
    };
    print::layout(&job, &mut |_| {}).unwrap()
}

fn render(layout: &PrintLayout, title: &str, tagging: Tagging) -> Result<Vec<u8>, PdfError> {
    render_with(layout, title, tagging, &mut |_| {})
}

fn deref<'a>(pdf: &'a Pdf, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => pdf.get_object(*id).expect("a reference resolves"),
        o => o,
    }
}

fn dict<'a>(pdf: &'a Pdf, o: &'a Object) -> &'a Dictionary {
    match deref(pdf, o) {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        o => panic!("not a dictionary: {o:?}"),
    }
}

fn name(o: &Object) -> String {
    String::from_utf8_lossy(o.as_name().expect("a name")).into_owned()
}

/// A PDF text string: UTF-16BE with its mark, or bytes.
fn text_string(o: &Object) -> String {
    let bytes = o.as_str().expect("a string");
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

fn hex_tokens(s: &str) -> Vec<String> {
    s.split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .map(str::to_string)
        .collect()
}

fn utf16_hex(h: &str) -> String {
    let units: Vec<u16> = (0..h.len() / 4)
        .map(|k| u16::from_str_radix(&h[k * 4..k * 4 + 4], 16).unwrap_or(0xFFFD))
        .collect();
    String::from_utf16_lossy(&units)
}

/// A font's ToUnicode map: glyph code → text.
fn to_unicode(pdf: &Pdf, font: &Dictionary) -> HashMap<u16, String> {
    let mut map = HashMap::new();
    let Ok(cmap) = font.get(b"ToUnicode") else {
        return map;
    };
    let Object::Stream(stream) = deref(pdf, cmap) else {
        return map;
    };
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let text = String::from_utf8_lossy(&data).into_owned();
    for block in text.split("beginbfchar").skip(1) {
        let body = block.split("endbfchar").next().unwrap_or("");
        for pair in hex_tokens(body).chunks(2) {
            if let [code, uni] = pair {
                map.insert(u16::from_str_radix(code, 16).unwrap(), utf16_hex(uni));
            }
        }
    }
    for block in text.split("beginbfrange").skip(1) {
        let body = block.split("endbfrange").next().unwrap_or("");
        for line in body.lines() {
            let t = hex_tokens(line);
            if t.len() == 3 && !line.contains('[') {
                let (lo, hi) = (
                    u16::from_str_radix(&t[0], 16).unwrap(),
                    u16::from_str_radix(&t[1], 16).unwrap(),
                );
                let first = utf16_hex(&t[2]).chars().next().map_or(0, u32::from);
                for (c, code) in (first..).zip(lo..=hi) {
                    map.insert(
                        code,
                        char::from_u32(c).map(String::from).unwrap_or_default(),
                    );
                }
            }
        }
    }
    map
}

/// The text of each marked-content sequence, by (page, MCID).
fn marked_texts(pdf: &Pdf) -> HashMap<(ObjectId, i64), String> {
    let mut out = HashMap::new();
    for (_, page) in pdf.get_pages() {
        let fonts: HashMap<Vec<u8>, HashMap<u16, String>> = pdf
            .get_page_fonts(page)
            .expect("the page's fonts")
            .into_iter()
            .map(|(n, f)| (n, to_unicode(pdf, f)))
            .collect();
        let content = pdf
            .get_and_decode_page_content(page)
            .expect("the content decodes");
        let mut font: Option<&HashMap<u16, String>> = None;
        // The MCID of each open marked-content sequence (None: an artifact or no MCID).
        let mut open: Vec<Option<i64>> = Vec::new();
        let decode = |bytes: &[u8], font: Option<&HashMap<u16, String>>| -> String {
            bytes
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| {
                    font.and_then(|f| f.get(&u16::from_be_bytes([c[0], c[1]])))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect()
        };
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|p| p.as_dict().ok())
                        .and_then(|d| d.get(b"MCID").ok())
                        .and_then(|m| m.as_i64().ok());
                    open.push(mcid);
                }
                "BMC" => open.push(None),
                "EMC" => {
                    open.pop();
                }
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|n| fonts.get(n.as_name().ok()?))
                }
                "Tj" | "TJ" => {
                    let Some(Some(mcid)) = open.last() else {
                        continue;
                    };
                    let mut text = String::new();
                    let parts: Vec<&Object> = match op.operands.first() {
                        Some(Object::Array(a)) => a.iter().collect(),
                        Some(o) => vec![o],
                        None => vec![],
                    };
                    for p in parts {
                        if let Object::String(bytes, _) = p {
                            text.push_str(&decode(bytes, font));
                        }
                    }
                    out.entry((page, *mcid))
                        .or_insert_with(String::new)
                        .push_str(&text);
                }
                _ => {}
            }
        }
    }
    out
}

/// A structure element as read: its type, attributes, text, children.
#[derive(Debug)]
struct Element {
    kind: String,
    scope: Option<String>,
    actual_text: Option<String>,
    /// Its own marked content's text and its children's, in order.
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn all(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.all());
        }
        out
    }

    fn of_kind(&self, kind: &str) -> Vec<&Element> {
        self.all().into_iter().filter(|e| e.kind == kind).collect()
    }
}

fn read_element(
    pdf: &Pdf,
    d: &Dictionary,
    page: Option<ObjectId>,
    texts: &HashMap<(ObjectId, i64), String>,
) -> Element {
    let page = d
        .get(b"Pg")
        .ok()
        .and_then(|p| p.as_reference().ok())
        .or(page);
    let scope = d.get(b"A").ok().and_then(|a| {
        let attrs: Vec<&Object> = match deref(pdf, a) {
            Object::Array(list) => list.iter().collect(),
            o => vec![o],
        };
        attrs.into_iter().find_map(|a| {
            let a = dict(pdf, a);
            a.get(b"Scope").ok().map(name)
        })
    });
    let actual_text = d.get(b"ActualText").ok().map(text_string);
    let mut e = Element {
        kind: d.get(b"S").map(name).unwrap_or_default(),
        scope,
        actual_text,
        text: String::new(),
        children: Vec::new(),
    };
    let kids: Vec<&Object> = match d.get(b"K").map(|k| deref(pdf, k)) {
        Ok(Object::Array(list)) => list.iter().collect(),
        Ok(o) => vec![o],
        Err(_) => vec![],
    };
    for kid in kids {
        match deref(pdf, kid) {
            Object::Integer(mcid) => {
                if let Some(p) = page {
                    e.text
                        .push_str(texts.get(&(p, *mcid)).map_or("", String::as_str));
                }
            }
            Object::Dictionary(k) if k.get(b"MCID").is_ok() => {
                let mcid = k.get(b"MCID").and_then(Object::as_i64).unwrap();
                let p = k
                    .get(b"Pg")
                    .ok()
                    .and_then(|p| p.as_reference().ok())
                    .or(page);
                if let Some(p) = p {
                    e.text
                        .push_str(texts.get(&(p, mcid)).map_or("", String::as_str));
                }
            }
            Object::Dictionary(k) => {
                let child = read_element(pdf, k, page, texts);
                e.text
                    .push_str(child.actual_text.as_ref().unwrap_or(&child.text));
                e.children.push(child);
            }
            _ => {}
        }
    }
    e
}

/// The document's catalog and its structure tree read back.
fn structure(bytes: &[u8]) -> (Pdf, Element) {
    let pdf = Pdf::load_mem(bytes).expect("the PDF loads");
    let texts = marked_texts(&pdf);
    let root = pdf.catalog().expect("a catalog").clone();
    let tree = dict(&pdf, root.get(b"StructTreeRoot").expect("a structure tree")).clone();
    let element = read_element(&pdf, &tree, None, &texts);
    (pdf, element)
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_seed_pdf_reads_as_a_titled_table_in_reading_order() {
    let report = seed();
    let layout = layout_of(&report);
    // Ok: krilla's PDF/UA-1 validator passed it.
    let bytes = render(&layout, &report.title, Tagging::Tagged).expect("it passes PDF/UA-1");
    let (pdf, tree) = structure(&bytes);
    let catalog = pdf.catalog().unwrap();
    assert_eq!(text_string(catalog.get(b"Lang").expect("a language")), "ja");
    let marked = dict(&pdf, catalog.get(b"MarkInfo").expect("MarkInfo"));
    assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
    // False is the default; poppler (pdfinfo, pdftotext, Evince) reports a written false as
    // a syntax error on every printout.
    assert!(marked.get(b"Suspects").is_err(), "{marked:?}");
    let viewer = dict(
        &pdf,
        catalog.get(b"ViewerPreferences").expect("preferences"),
    );
    assert!(viewer.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    assert!(catalog.get(b"Outlines").is_ok(), "an outline");
    let info = dict(&pdf, pdf.trailer.get(b"Info").expect("document info"));
    assert_eq!(text_string(info.get(b"Title").unwrap()), report.title);

    // The title is the one first-level heading; the grid is one table.
    let h1 = tree.of_kind("H1");
    assert_eq!(h1.len(), 1);
    assert_eq!(h1[0].text, report.title);
    let tables = tree.of_kind("Table");
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    // The heading row: a column header per printed column.
    let head = &table.of_kind("THead")[0].of_kind("TH");
    let heads: Vec<&str> = head.iter().map(|th| th.text.as_str()).collect();
    assert_eq!(heads.len(), 6, "{heads:?}");
    assert!(head.iter().all(|th| th.scope.as_deref() == Some("Column")));
    assert_eq!(heads[0], "番号");
    assert!(heads[1].starts_with("具体的取組"), "{heads:?}");
    assert!(heads[2].starts_with("工程") && heads[2].contains("28年度"));
    assert!(heads[3].contains("4月") && heads[3].contains("3月"));
    assert_eq!(heads[4], "担当課");
    assert_eq!(heads[5], "状況");
    // A row per printed row (the repeated headings and 「（続き）」 lines are not rows), each
    // with all six cells; a body per section.
    let rows: Vec<&Element> = table
        .of_kind("TBody")
        .into_iter()
        .flat_map(|b| b.children.iter())
        .collect();
    assert_eq!(rows.len(), layout.rows.len());
    assert_eq!(table.of_kind("TBody").len(), report.sections.len());
    for (tr, row) in rows.iter().zip(&layout.rows) {
        assert_eq!(tr.kind, "TR");
        assert_eq!(tr.children.len(), 6, "{:?}", tr.text);
        let header = matches!(row, GridRow::Section { .. } | GridRow::Initiative { .. });
        assert_eq!(tr.children[1].kind, if header { "TH" } else { "TD" });
        if header {
            assert_eq!(tr.children[1].scope.as_deref(), Some("Row"));
        }
    }
    // Every initiative's title is a row header, in the report's order, with its 担当課.
    let titles: Vec<String> = rows
        .iter()
        .filter(|tr| tr.children[1].kind == "TH")
        .map(|tr| compact(&tr.children[1].text))
        .collect();
    let mut at = 0;
    for ini in report.initiatives() {
        let k = titles[at..]
            .iter()
            .position(|t| t.contains(&compact(&ini.title)))
            .unwrap_or_else(|| panic!("{} not after row header {at}", ini.title));
        at += k + 1;
        let tr = rows
            .iter()
            .find(|tr| compact(&tr.children[1].text).contains(&compact(&ini.title)))
            .unwrap();
        assert_eq!(tr.children[0].text, ini.number);
        assert_eq!(tr.children[4].text, ini.all_divisions().join("、"));
    }
    // The whole table reads in the order of the printed rows: section, initiative, item,
    // topic, entry.
    let reading: Vec<String> = rows.iter().map(|tr| tr.children[1].text.clone()).collect();
    let portal = reading
        .iter()
        .position(|t| t.contains("ポータルサイトの運用、充実(通年)"))
        .expect("the portal's plan");
    let heading = reading
        .iter()
        .position(|t| t == "<ポータルサイトの構築>")
        .expect("its topic");
    let initiative = reading
        .iter()
        .position(|t| t.contains("協創による事業・業務の実施を促進する仕組みの構築"))
        .expect("its initiative");
    assert!(initiative < heading && heading < portal);
}

#[test]
fn bars_and_stages_are_read_as_words() {
    let report = seed();
    let layout = layout_of(&report);
    let bytes = render(&layout, &report.title, Tagging::Tagged).unwrap();
    let (_, tree) = structure(&bytes);
    let rows: Vec<&Element> = tree.of_kind("TR");
    let row_of = |needle: &str| -> &Element {
        rows.iter()
            .find(|tr| tr.children.get(1).is_some_and(|c| c.text.contains(needle)))
            .unwrap_or_else(|| panic!("a row with {needle}"))
    };
    // The month cell says the bar, the text cell says 計画/実績 for the badge.
    let portal = row_of("ポータルサイトの運用、充実(通年)");
    assert_eq!(portal.children[3].text, "計画 通年");
    assert!(portal.children[1].text.starts_with("計画"), "{portal:?}");
    assert_eq!(portal.children[5].text, "実施中");
    let survey = row_of("県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)");
    assert_eq!(survey.children[3].text, "実績 8月～10月（予定）");
    let mail = row_of("職員向けメルマガにおける周知(6月)");
    assert_eq!(mail.children[3].text, "実績 6月");
    // Stages over the years: 「28年度 検討」.
    let stages: Vec<&str> = rows
        .iter()
        .filter_map(|tr| tr.children.get(2))
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert!(
        stages.iter().any(|t| t.contains("28年度 検討")),
        "{stages:?}"
    );
    assert!(stages.iter().any(|t| t.contains("29年度～31年度 実施")));
    // Every drawn thing is a Span with its words.
    let spans = tree.of_kind("Span");
    assert!(!spans.is_empty());
    for span in spans {
        let words = span.actual_text.as_deref().unwrap_or("");
        assert!(!words.is_empty(), "{span:?}");
    }
}

#[test]
fn tagging_does_not_change_what_is_drawn() {
    let report = seed();
    let layout = layout_of(&report);
    let tagged = render(&layout, &report.title, Tagging::Tagged).unwrap();
    let untagged = render(&layout, &report.title, Tagging::Untagged).unwrap();
    let drawing = |bytes: &[u8]| -> Vec<String> {
        let pdf = Pdf::load_mem(bytes).unwrap();
        pdf.get_pages()
            .values()
            .flat_map(|&page| pdf.get_and_decode_page_content(page).unwrap().operations)
            .filter(|op| !matches!(op.operator.as_str(), "BDC" | "BMC" | "EMC"))
            .map(|op| format!("{} {:?}", op.operator, op.operands))
            .collect()
    };
    let (a, b) = (drawing(&tagged), drawing(&untagged));
    assert!(a.len() > 1000);
    assert_eq!(a.len(), b.len());
    assert!(a == b, "the drawing differs");
    let untagged = Pdf::load_mem(&untagged).unwrap();
    assert!(untagged.catalog().unwrap().get(b"StructTreeRoot").is_err());
}

/// Characters the font lacks print as □ and keep their text, the first of them too, tagged
/// and untagged: tagged, one emoji refused the whole print (PDF/UA forbids the font's
/// missing-glyph box) though the warnings said it would show as □; untagged, the first took
/// the box for itself in the text map, and readers drop text mapped to the box (pdftotext read
/// 「A𠮷B」 as 「AB」 while a later 🙂 came through). And the □ of an item name reads □. U+FFFF,
/// which the font's cmap maps to the box itself, too.
#[test]
fn characters_the_font_lacks_print_as_a_box_and_keep_their_text() {
    let mut report = seed();
    report.sections[0].initiatives[0].title = "A𠮷B 研修".into();
    report.sections[0].initiatives[1].title = "E🙂F 研修".into();
    // U+FFFF maps to the font's missing-glyph box itself: it refused the tagged print.
    report.sections[1].initiatives[0].title = "G\u{FFFF}H 研修".into();
    let layout = layout_of(&report);
    for tagging in [Tagging::Tagged, Tagging::Untagged] {
        let bytes = render(&layout, &report.title, tagging).unwrap();
        let pdf = Pdf::load_mem(&bytes).unwrap();
        let actual_texts: Vec<String> = pdf
            .get_pages()
            .values()
            .flat_map(|&page| pdf.get_and_decode_page_content(page).unwrap().operations)
            .filter(|op| op.operator == "BDC")
            .filter_map(|op| {
                let words = op
                    .operands
                    .get(1)?
                    .as_dict()
                    .ok()?
                    .get(b"ActualText")
                    .ok()?;
                Some(text_string(words))
            })
            .collect();
        for lacking in ["𠮷", "🙂", "\u{FFFF}"] {
            assert!(
                actual_texts.iter().any(|t| t == lacking),
                "{tagging:?} {lacking}: {actual_texts:?}"
            );
        }
        assert!(!actual_texts.iter().any(|t| t == "□"), "{actual_texts:?}");
    }
}

#[test]
fn characters_that_do_not_show_print_tagged_as_their_marks() {
    let mut report = seed();
    // What refused the tagged print before (the font has no glyph for any of them).
    report.sections[0].initiatives[0]
        .title
        .push_str("\t改革\u{1b}[31m\u{202E}逆\u{200B}");
    let layout = layout_of(&report);
    let pdf = render(&layout, &report.title, Tagging::Tagged).expect("it passes PDF/UA-1");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains("<TABU+0009>改革<ESCU+001B>[31m<RLOU+202E>逆<ZWSPU+200B>"),
        "{flat}"
    );
    assert!(!text.contains(['\u{1b}', '\u{202E}', '\u{200B}']));
    // The outline names the initiative as printed.
    assert!(outline_mentions(&pdf, "改革<ESC U+001B>[31m<RLO U+202E>逆"));
}

/// Whether an outline item's title holds the words.
fn outline_mentions(pdf: &[u8], words: &str) -> bool {
    let pdf = Pdf::load_mem(pdf).unwrap();
    pdf.objects.values().any(|o| {
        matches!(o, Object::Dictionary(d) if d.get(b"Title").is_ok_and(|t| text_string(t).contains(words)))
    })
}

#[test]
fn the_change_list_is_tagged_too() {
    let old = seed();
    let mut new = seed();
    new.sections[0].initiatives[0].title.push_str("（改）");
    let diff = shinchoku::compare::diff(&old, &new);
    let bytes = shinchoku::print::changes::pdf(&diff, shinchoku::lang::Lang::Ja, "2017年10月20日")
        .expect("it passes PDF/UA-1");
    let (_, tree) = structure(&bytes);
    assert_eq!(tree.of_kind("H1").len(), 1);
    assert!(!tree.of_kind("H2").is_empty());
    assert!(tree.all().iter().any(|e| e.text.contains("（改）")));
}

#[test]
fn the_structure_is_packed_into_object_streams_and_reads_back_whole() {
    let report = seed();
    let layout = layout_of(&report);
    let packed = render(&layout, &report.title, Tagging::Tagged).unwrap();
    let count = |needle: &[u8]| {
        packed
            .windows(needle.len())
            .filter(|w| *w == needle)
            .count()
    };
    assert_eq!(count(b"/Type/XRef"), 1, "one cross-reference stream");
    assert!(
        count(b"/Type/ObjStm") >= 2,
        "the structure in object streams"
    );
    assert_eq!(
        count(b"/Type/StructElem"),
        0,
        "no structure element left plain"
    );
    // Read back through the object streams: every row of the table is there.
    let (_, tree) = structure(&packed);
    assert_eq!(tree.of_kind("TR").len(), layout.rows.len() + 1);
    // The same document with every object laid out plainly, as before packing.
    let mut plain = Vec::new();
    Pdf::load_mem(&packed).unwrap().save_to(&mut plain).unwrap();
    assert!(
        packed.len() * 3 < plain.len() * 2,
        "packed {} bytes, plain {}",
        packed.len(),
        plain.len()
    );
}

#[test]
fn a_stopped_render_ends_at_the_next_page_with_no_pdf() {
    use shinchoku::lang::{Describe, Lang};
    use std::sync::atomic::{AtomicBool, Ordering};
    let layout = layout_of(&seed());
    assert!(layout.pages.len() > 1, "the seed prints on several pages");
    // Stopped before it began: not a page drawn.
    let stop = AtomicBool::new(true);
    let mut told = 0;
    let made = render_unless_stopped(&layout, "t", Tagging::Tagged, &mut |_| told += 1, &stop);
    assert!(matches!(made, Err(PdfError::Stopped)), "{made:?}");
    assert_eq!(told, 0);
    // Stopped once the first page is done: the second is not begun.
    let stop = AtomicBool::new(false);
    let mut pages_done = Vec::new();
    let mut progress = |p| {
        pages_done.push(p);
        stop.store(true, Ordering::Relaxed);
    };
    let made = render_unless_stopped(&layout, "t", Tagging::Tagged, &mut progress, &stop);
    assert!(matches!(made, Err(PdfError::Stopped)));
    assert_eq!(pages_done.len(), 1);
    assert_eq!(
        PdfError::Stopped.describe(Lang::Ja),
        "PDFを作れません: 中止しました"
    );
    assert_eq!(
        PdfError::Stopped.describe(Lang::En),
        "cannot write the PDF: stopped by the user"
    );
}

/// The workbook of other bodies' layouts (indicators, effects in 百万円, ratings with a review
/// and a comment) as LibreOffice saved it.
fn report_with_numbers() -> Report {
    use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/measures-libreoffice.xlsx");
    import_workbook(&std::fs::read(path).unwrap(), WorkbookFormat::Xlsx)
        .expect("the workbook opens")
        .report
}

#[test]
fn the_numbers_read_as_cells_of_the_grid_and_the_summary_as_tables_after_it() {
    let report = report_with_numbers();
    let layout = layout_of(&report);
    let bytes = render(&layout, &report.title, Tagging::Tagged).expect("it passes PDF/UA-1");
    let (_, tree) = structure(&bytes);
    let tables = tree.of_kind("Table");
    assert_eq!(
        tables.len(),
        4,
        "the grid, 集計表, 評価基準, 委員会意見一覧"
    );
    // The grid: three more column headers, and the numbers in initiative 1's row.
    let grid = tables[0];
    let heads: Vec<String> = grid.of_kind("THead")[0]
        .of_kind("TH")
        .iter()
        .map(|th| compact(&th.text))
        .collect();
    assert_eq!(heads.len(), 9, "{heads:?}");
    assert_eq!(
        heads[6..],
        [
            "数値目標目標・実績・達成率",
            "効果額（百万円）",
            "評価自己・本部"
        ]
    );
    let rows: Vec<&Element> = grid.of_kind("TR").into_iter().skip(1).collect();
    assert_eq!(rows.len(), layout.rows.len());
    assert!(rows.iter().all(|tr| tr.children.len() == 9));
    let one = rows
        .iter()
        .find(|tr| tr.children[0].text == "1")
        .expect("initiative 1's row");
    assert!(compact(&one.children[6].text).contains("電子申請件数目標1,200実績900達成率75%"));
    assert_eq!(
        compact(&one.children[7].text),
        "計画2,500実績2,410.5達成率96.4%"
    );
    assert!(compact(&one.children[8].text).starts_with("自己S特に良好に進捗本部A良好に進捗"));
    // After the grid, each table under its second-level heading, in the order printed.
    let h2: Vec<String> = tree
        .of_kind("H2")
        .iter()
        .map(|h| compact(&h.text))
        .collect();
    assert_eq!(h2, ["集計表（平成29年度）", "評価基準", "委員会意見一覧"]);
    let summary = tables[1];
    let heads: Vec<&Element> = summary.of_kind("THead")[0].of_kind("TH");
    assert!(heads.iter().all(|th| th.scope.as_deref() == Some("Column")));
    let heads: Vec<String> = heads.iter().map(|th| compact(&th.text)).collect();
    assert_eq!(heads[0], "区分");
    assert_eq!(heads[1], "S特に良好に進捗");
    assert!(heads.contains(&"数値目標等達成率".to_string()), "{heads:?}");
    let body: Vec<&Element> = summary.of_kind("TBody")[0].children.iter().collect();
    assert_eq!(body.len(), 2, "section I and 全体");
    let all = body[1];
    assert_eq!(all.children[0].kind, "TH");
    assert_eq!(all.children[0].scope.as_deref(), Some("Row"));
    assert_eq!(all.children[0].text, "全体");
    let cells: Vec<&str> = all.children[1..].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        cells,
        [
            "0", "2", "0", "0", "1", "0", "0%", "100%", "0 / 3", "4,700", "2,730.5"
        ]
    );
    let comment = tables[3].of_kind("TD");
    assert!(
        comment
            .iter()
            .any(|td| td.text == "目標を上回る成果。継続を")
    );
}

#[test]
fn a_comment_continued_over_pages_reads_as_one_cell_under_one_heading_row() {
    use shinchoku::document::Document;
    use shinchoku::edit::Intent;
    use shinchoku::edit::measures::MeasureIntent;
    let mut doc = Document::sample();
    let first = doc.report().sections[0].initiatives[0].id;
    let comment: String = "委員会としては、取組の成果を数値で示すことを求める。"
        .chars()
        .cycle()
        .take(20_000)
        .collect();
    doc.perform(Intent::Measure(MeasureIntent::SetComment {
        initiative: first,
        text: comment.clone(),
        by: "行財政改革推進委員会".into(),
        on: None,
    }))
    .unwrap();
    let report = doc.into_report();
    let layout = layout_of(&report);
    let after_grid = layout
        .pages
        .iter()
        .filter(|p| p.initiatives.is_empty())
        .count();
    assert!(after_grid >= 3, "{after_grid} pages after the grid");
    let bytes = render(&layout, &report.title, Tagging::Tagged).expect("it passes PDF/UA-1");
    let (_, tree) = structure(&bytes);
    let tables = tree.of_kind("Table");
    let comments = tables.last().unwrap();
    // The title and headings repeated on each page are artifacts: one heading row, one row.
    assert_eq!(comments.of_kind("THead").len(), 1);
    assert_eq!(
        comments.of_kind("TH").len(),
        4 + 1,
        "four headings and a row header"
    );
    let rows = comments.of_kind("TBody")[0].of_kind("TR");
    assert_eq!(rows.len(), 1);
    assert_eq!(compact(&rows[0].children[2].text), compact(&comment));
    assert_eq!(rows[0].children[0].text, "1");
    let h2: Vec<String> = tree
        .of_kind("H2")
        .iter()
        .map(|h| compact(&h.text))
        .collect();
    assert_eq!(h2, ["集計表（平成29年度）", "委員会意見一覧"]);
}

/// `print` and the window draw each page as it is painted (`render_plan`); the preview's
/// layout draws them all first. Both make the same PDF, byte for byte: grid pages, the pages
/// of the tables after the grid, tagged and not, and a report with no rows at all.
#[test]
fn a_pdf_drawn_page_by_page_is_the_pdf_of_the_whole_layout() {
    let mut empty = seed();
    empty.sections.clear();
    for report in [seed(), report_with_numbers(), empty] {
        let setup = PageSetup::default();
        let job = PrintJob {
            report: &report,
            setup: &setup,
            printed_on: "2017年10月20日".into(),
            comparison: None,
        };
        let layout = print::layout(&job, &mut |_| {}).unwrap();
        for tagging in [Tagging::Tagged, Tagging::Untagged] {
            let plan = print::plan_pages(&job, &mut |_| {}).unwrap();
            assert_eq!(plan.pages(), layout.pages.len());
            let stop = std::sync::atomic::AtomicBool::new(false);
            let whole = render(&layout, &report.title, tagging).unwrap();
            let drawn = print::pdf::render_plan(plan, &report.title, tagging, &mut |_| {}, &stop);
            assert!(drawn.unwrap() == whole, "{tagging:?}");
        }
    }
}

/// krilla panics when marked content is left out of the structure tree (a report without rows
/// did so, exit 101). Any such fault is an error the user is told — here a cell of a row the
/// layout does not have — not the program gone.
#[test]
fn a_fault_putting_the_pdf_together_is_an_error_not_a_crash() {
    use shinchoku::print::{Page, Part, Rgb, Shape, TableColumn};
    let text = Shape::Text {
        x: 50.0,
        y: 50.0,
        size: 10.0,
        bold: false,
        color: Rgb(0, 0, 0),
        text: "職員研修の実施".into(),
    };
    let orphan = Shape::Part(Part::Cell {
        row: 3,
        column: TableColumn::Text,
    });
    let layout = PrintLayout {
        width: 842.0,
        height: 595.0,
        body_height: 500.0,
        text_size: 10.0,
        pages: vec![Page {
            shapes: vec![orphan, text],
            ..Page::default()
        }],
        oversized: Vec::new(),
        rows: Vec::new(),
        columns: vec![TableColumn::Text],
        tables: Vec::new(),
    };
    let made = render(&layout, "t", Tagging::Tagged);
    assert_eq!(made.unwrap_err(), PdfError::Internal);
    assert!(PdfError::Internal.to_string().contains("--untagged"));
    assert!(render(&layout, "t", Tagging::Untagged).is_ok());
}

/// A table of more rows than a printout is tagged for is printed untagged, and the user is
/// told why (its tags took 1.26 GB for 240,000 rows); up to the bound it is tagged, and an
/// untagged printout asked for stays so without a word.
#[test]
fn a_table_past_the_tagged_rows_is_printed_untagged_and_said() {
    use shinchoku::lang::{Describe, Lang};
    use shinchoku::print::pdf::{MAX_TAGGED_ROWS, tagging_for_rows};
    assert_eq!(
        tagging_for_rows(MAX_TAGGED_ROWS, Tagging::Tagged),
        (Tagging::Tagged, None)
    );
    let (tagging, note) = tagging_for_rows(MAX_TAGGED_ROWS + 1, Tagging::Tagged);
    assert_eq!(tagging, Tagging::Untagged);
    let note = note.expect("said");
    assert!(note.describe(Lang::Ja).contains("100001行"));
    assert!(note.describe(Lang::En).contains("screen-reader tags"));
    assert_eq!(
        tagging_for_rows(MAX_TAGGED_ROWS + 1, Tagging::Untagged),
        (Tagging::Untagged, None)
    );
}

/// The window's note beside a printout it made untagged says why, without 「PDFを作れません」
/// (it was made) or the command line's `--untagged` (the window chose it): the note read
/// 「読み上げ用のタグなしで作成しました: PDFを作れません: …（構造なしのPDFなら作れます: --untagged）」.
#[test]
fn why_a_printout_was_made_untagged_is_said_without_the_command_lines_words() {
    use shinchoku::lang::{Describe, Lang};
    use shinchoku::print::pdf::{PdfError, UaFinding};
    for e in [
        PdfError::NotAccessible(vec![UaFinding::NoCharacter { glyph: 7 }]),
        PdfError::Internal,
    ] {
        for lang in [Lang::Ja, Lang::En] {
            let why = e.why_untagged(lang);
            for unwanted in ["--untagged", "作れません", "cannot write"] {
                assert!(!why.contains(unwanted), "{why}");
            }
            assert!(
                e.describe(lang).contains("--untagged"),
                "the command line's own"
            );
        }
    }
}

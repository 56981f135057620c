//! Files found by the tenth round of attacks and audits, each kept with what must hold now.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::WarningKind;
use shinchoku::survey::{self, collect, workbook};

use crate::{october as at, rewrite_part, survey_due as due};

/// What collecting `book` as 人事課's answer into `master` says, in Japanese, of the warnings
/// `kind` picks.
fn said_of(
    master: &shinchoku::document::Document,
    book: &[u8],
    kind: fn(&WarningKind) -> bool,
) -> Vec<String> {
    let a = survey::answer::answer_from_workbook(book, "人事課.xlsx".into()).unwrap();
    let c = collect(master.report(), vec![Ok(a)], at(10));
    (c.warnings.iter())
        .filter(|w| kind(&w.warning.kind))
        .map(|w| w.describe(Lang::Ja))
        .collect()
}

/// A result typed as a number in a fraction or scientific format (Excel shows 「1/4」,
/// 「2.50E-01」): its value is read, and the review says the cell showed it otherwise. Formats
/// written by id alone went unsaid.
#[test]
fn a_number_in_a_built_in_fraction_or_scientific_format_is_said() {
    for id in [11, 12, 13, 48] {
        // By id alone, no `<numFmt>`, as Excel and openpyxl write `# ?/?`.
        let (master, book) = crate::hostile_fifth::number_in_style("", id, "0.25");
        let said = said_of(&master, &book, |k| {
            matches!(k, WarningKind::NumberFormatNotShown { .. })
        });
        assert_eq!(said.len(), 1, "format {id}: {said:?}");
        assert!(
            said[0].contains("0.25") && said[0].contains("E8"),
            "{}",
            said[0]
        );
    }
}

/// The seed saved as CSV with one field's opening quote left unpaired: a 担当課 typed as
/// `"総務部人事課` (the reader took the rows up to the next quoted field as one cell: initiative
/// 2 went, its 担当課 became 「29年度」, said as two dozen misleading warnings), and a last row
/// opening a quote it never closes. Refused, naming the row the field starts on.
#[test]
fn a_csv_field_whose_quote_does_not_pair_is_refused_naming_its_row() {
    use shinchoku::model::diag::ImportErrorKind;
    let csv = crate::measures_tables::as_csv(crate::SEED, false);
    let first = csv.find(",総務部人事課").unwrap() + 1;
    let row = csv[..first].lines().count();
    let opened = format!("{}\"{}", &csv[..first], &csv[first..]);
    let e = shinchoku::import::import_text(&opened).unwrap_err();
    assert_eq!(e.at.row, Some(row), "{e:?}");
    assert!(matches!(
        e.kind,
        ImportErrorKind::CsvQuoteUnpaired { closed: Some(_) }
    ));
    let said = e.describe(Lang::Ja);
    assert!(
        said.contains(&format!("{row}行目")) && said.contains("\"\""),
        "{said}"
    );

    let tail = format!("{csv}99,\"閉じない引用符\n次の行\n");
    let e = shinchoku::import::import_text(&tail).unwrap_err();
    let last = csv.lines().count() + 1;
    assert_eq!(e.at.row, Some(last), "{e:?}");
    assert!(matches!(
        e.kind,
        ImportErrorKind::CsvQuoteUnpaired { closed: None }
    ));
    // The seed saved as CSV, its quotes paired, still reads.
    let read = shinchoku::import::import_text(&csv).unwrap().report;
    assert_eq!(read.initiatives().count(), 11);
    // Quotes that do not pair within their line are words: read as written, quotes and all,
    // and said (`"見える化"の推進` lost its quotes; a note on the last line was refused).
    let title = "① 現場重視でさまざまな主体との協創を促進する職員の人材育成";
    let typed = "\"見える化\"の推進 現場重視でさまざまな主体との協創を促進する職員の人材育成";
    let quoted = format!("{}\n\"※ 速報値", csv.replacen(title, typed, 1));
    assert!(quoted.contains(&format!(",{typed},")), "written unquoted");
    let imported = shinchoku::import::import_text(&quoted).unwrap();
    let first = imported.report.initiatives().next().unwrap();
    assert_eq!(first.title, typed);
    let said = (imported.warnings.iter())
        .filter(|w| matches!(w.kind, WarningKind::QuotesAsWritten))
        .count();
    assert_eq!(said, 2, "{:#?}", imported.warnings);
}

/// A plan line of a report table holding an inline element — marked, struck, inserted, code,
/// an abbreviation, an unbreakable stretch, a `<wbr>`, an image — is one entry with the line's
/// months, as a browser shows one line. 「・ポータルサイト<mark>の運用</mark>、充実(通年)」 was
/// three entries, the first two without 通年.
#[test]
fn an_inline_element_within_a_line_keeps_it_one_entry() {
    let line = "ポータルサイトの運用、充実(通年)";
    for (open, close) in [
        ("<mark>", "</mark>"),
        ("<del>", "</del>"),
        ("<s>", "</s>"),
        ("<ins>", "</ins>"),
        ("<code>", "</code>"),
        ("<abbr title=\"x\">", "</abbr>"),
        ("<nobr>", "</nobr>"),
        ("<wbr>", ""),
        ("<img src=\"x.png\">", ""),
    ] {
        let typed = format!("ポータルサイト{open}の運用{close}、充実(通年)");
        let table = crate::SEED.replacen(line, &typed, 1);
        let read = shinchoku::import::import_text(&table).unwrap().report;
        let second = read.initiatives().nth(1).unwrap();
        let plan: Vec<&shinchoku::model::Entry> = (second.topics[0].plan.iter())
            .filter(|e| !e.text.contains("周知"))
            .collect();
        assert_eq!(plan.len(), 1, "{open}: {plan:#?}");
        assert_eq!(plan[0].text, line, "{open}");
        assert!(plan[0].timing.is_some(), "{open}: {:?}", plan[0]);
    }
}

/// The crafted report's rows as an `.ods`, with `more` rows after them.
fn report_ods(more: &str) -> Vec<u8> {
    let rows: String = (crate::crafted::REPORT_ROWS.iter())
        .map(|r| crate::crafted::ods_row(r))
        .collect();
    crate::crafted::ods(&format!("{rows}{more}"))
}

/// The texts of the cells an `.ods` holds outside the report's layout, as its import says them.
fn outside_layout(ods: &[u8]) -> Vec<String> {
    let (_, warnings) = shinchoku::import::import_any(ods, None).expect("opens");
    (warnings.into_iter())
        .filter_map(|w| match w.kind {
            WarningKind::CellOutsideLayout { text } => Some(text),
            _ => None,
        })
        .collect()
}

/// A row, a cell and a paragraph written with prefixes of their own bound to ODF's namespaces
/// (valid XML; LibreOffice reads them as the same) are read as the usual ones: such a row went
/// without a word (an initiative gone), such paragraphs ran together into one line.
#[test]
fn an_ods_row_written_with_other_prefixes_is_read() {
    let row = r#"<tt:table-row xmlns:tt="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:tx="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><tt:table-cell tt:number-columns-repeated="8"/><tt:table-cell o:value-type="string"><tx:p>一行目</tx:p><tx:p>二行目</tx:p></tt:table-cell></tt:table-row>"#;
    assert_eq!(outside_layout(&report_ods(row)), ["一行目\n二行目"]);
}

/// What a cell holds beside the text LibreOffice shows in it: a shape anchored to the cell
/// with words in it, a ruby's reading, a footnote, a note under another prefix. Each was read
/// into the cell's text (a shape's words became a plan line).
#[test]
fn an_ods_cell_reads_as_shown_without_shapes_readings_and_notes() {
    let inside = [
        r#"<draw:custom-shape xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><text:p>確認中（メモ）</text:p></draw:custom-shape>"#,
        r#"<text:ruby><text:ruby-base>運用</text:ruby-base><text:ruby-text>うんよう</text:ruby-text></text:ruby>"#,
        r#"<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注</text:p></text:note-body></text:note>"#,
        r#"<n:annotation xmlns:n="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><text:p>メモ</text:p></n:annotation>"#,
    ];
    for inside in inside {
        let row = format!(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="8"/><table:table-cell office:value-type="string"><text:p>運用{inside}(通年)</text:p></table:table-cell></table:table-row>"#
        );
        let shown = if inside.contains("ruby") {
            "運用運用(通年)"
        } else {
            "運用(通年)"
        };
        assert_eq!(outside_layout(&report_ods(&row)), [shown], "{inside}");
    }
}

/// The parts of a package, by name, in order.
fn parts_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|k| {
            let mut file = zip.by_index(k).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().unwrap().to_string(), content)
        })
        .collect()
}

/// 人事課's sent workbook with a text box drawn on the 回答 sheet, anchored at E10, holding
/// `words` (Excel's 挿入 → テキスト ボックス, after the sheet's protection is taken off).
fn with_text_box(words: &str, book: &str) -> (shinchoku::document::Document, Vec<u8>) {
    with_text_box_at(words, book, (4, 9))
}

/// [`with_text_box`] with the box's top left corner at the 0-based (column, row) given.
fn with_text_box_at(
    words: &str,
    book: &str,
    (col, row): (u64, u64),
) -> (shinchoku::document::Document, Vec<u8>) {
    let master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let mut parts = parts_of(&workbook::write(&r).unwrap());
    for (name, content) in parts.iter_mut() {
        let mut xml = String::from_utf8(std::mem::take(content)).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            xml = xml.replace("</worksheet>", r#"<drawing r:id="rIdDr1"/></worksheet>"#);
            if !xml.contains("xmlns:r=") {
                xml = xml.replacen("<worksheet ", r#"<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#, 1);
            }
        }
        if name == "[Content_Types].xml" {
            xml = xml.replace("</Types>", r#"<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>"#);
        }
        *content = xml.into_bytes();
    }
    assert!(
        !parts
            .iter()
            .any(|(n, _)| n == "xl/worksheets/_rels/sheet1.xml.rels")
    );
    parts.push(("xl/worksheets/_rels/sheet1.xml.rels".into(), br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>"#.to_vec()));
    let drawing = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>11</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="テキスト ボックス 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>{words}</a:t></a:r></a:p><a:p><a:r><a:t>二行目</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"#
    );
    parts.push(("xl/drawings/drawing1.xml".into(), drawing.into_bytes()));
    // The workbook part under another name (`_rels/.rels` names it), as calamine reads it.
    for (name, content) in parts.iter_mut() {
        let xml = String::from_utf8(content.clone()).unwrap();
        match name.as_str() {
            "xl/workbook.xml" => *name = format!("xl/{book}"),
            "xl/_rels/workbook.xml.rels" => *name = format!("xl/_rels/{book}.rels"),
            "_rels/.rels" | "[Content_Types].xml" => {
                *content = xml
                    .replace("xl/workbook.xml", &format!("xl/{book}"))
                    .into_bytes();
            }
            _ => {}
        }
    }
    let named: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    (master, crate::crafted::package(&named))
}

/// Words a division writes in a text box on its answer sheet are no answer: not taken, and
/// said with the sheet, the cell the box stands at and its words, as a note's are. They were
/// neither taken nor said.
#[test]
fn words_in_a_text_box_on_the_answer_sheet_are_said() {
    let words = "・システム活用研修の実施(8月)　※上記に追加";
    // Under the usual name, and with the workbook part moved to `xl/book.xml` (whose sheets
    // calamine read, and none were checked here: a formula without its value went unsaid and
    // its topic's results were removed).
    // And its words written as character references (`&#x30FB;…`), which were passed over.
    let references: String = words
        .chars()
        .map(|c| format!("&#x{:X};", c as u32))
        .collect();
    for (book, written) in [
        ("workbook.xml", words),
        ("book.xml", words),
        ("workbook.xml", &references),
    ] {
        let (master, book) = with_text_box(written, book);
        let said = said_of(&master, &book, |k| {
            matches!(k, WarningKind::ShapeTextNotRead { .. })
        });
        assert_eq!(said.len(), 1, "{said:?}");
        let said = &said[0];
        assert!(
            said.contains("E10") && said.contains(words) && said.contains("二行目"),
            "{said}"
        );
    }
}

/// A text box anchored past the sheet's last cell (row and column 4294967295, as a crafted
/// drawing may say) is said at the sheet, not at a cell that cannot be: it was named
/// 「回答!MWLQKWV4294967296」.
#[test]
fn a_text_box_anchored_past_the_sheet_is_said_at_the_sheet() {
    for anchor in [(4_294_967_295, 4_294_967_295), (16_384, 9), (4, 1_048_576)] {
        let (master, book) = with_text_box_at("図形の文字", "workbook.xml", anchor);
        let said = said_of(&master, &book, |k| {
            matches!(k, WarningKind::ShapeTextNotRead { .. })
        });
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].contains("回答") && said[0].contains("図形の文字"),
            "{}",
            said[0]
        );
        assert!(
            !said[0].contains("4294967296") && !said[0].contains("1048577"),
            "{}",
            said[0]
        );
    }
    // The last cell is a cell.
    let (master, book) = with_text_box_at("図形の文字", "workbook.xml", (16_383, 1_048_575));
    let said = said_of(&master, &book, |_| true);
    assert!(said.iter().any(|w| w.contains("XFD1048576")), "{said:?}");
}

/// A result line starting with a formatting tag left open (`<s>`, `<del>`, `<b>`) is read as a
/// heading, as `<ICT>` is, and now said: the results after it went under a topic 「s」 without
/// a word. A heading of other words is not said.
#[test]
fn a_heading_naming_a_formatting_tag_is_said() {
    let line = "・職員向けメルマガにおける周知(6月)";
    // Not a single capital: headings enumerated `<A> <B> <C>` are headings.
    for (tag, said) in [
        ("<s>", true),
        ("<del>", true),
        ("<b>", true),
        ("<B>", false),
        ("<ICT>", false),
    ] {
        let table = crate::SEED.replacen(line, &format!("{tag}{line}"), 1);
        let imported = shinchoku::import::import_text(&table).unwrap();
        let heading = &tag[1..tag.len() - 1];
        let topic = (imported.report.initiatives().nth(1).unwrap().topics.iter())
            .find(|t| t.heading.as_deref() == Some(heading));
        assert!(
            topic.is_some_and(|t| t.actual[0].text.contains("メルマガ")),
            "{tag}"
        );
        let warned = (imported.warnings.iter())
            .filter(
                |w| matches!(&w.kind, WarningKind::HeadingNamesTag { heading: h } if h == heading),
            )
            .count();
        assert_eq!(warned, usize::from(said), "{tag}");
    }
}

/// A number answered on the 数値回答 sheet in a format whose words scale it (`0"万件"`: 3
/// shows 「3万件」, 30,000件) is read as shown and, as 「3万件」 typed is, not taken as a
/// number and said. It was taken as 3 without a word.
#[test]
fn a_number_in_a_format_that_scales_it_is_not_taken_bare() {
    use crate::measures::seed_with_measures;
    let master = crate::measures_cycle::sent(seed_with_measures());
    let first = &master.sections[0].initiatives[0];
    let division = shinchoku::edit::measures::measures_division(first).unwrap();
    let response = survey::response_for(&master, division, None, "");
    let book = workbook::write(&response).unwrap();
    // A cell format more, the last, showing `0"万件"`.
    let styles = parts_of(&book)
        .into_iter()
        .find(|(n, _)| n == "xl/styles.xml")
        .unwrap()
        .1;
    let styles = String::from_utf8(styles).unwrap();
    let count = styles.split("<cellXfs count=\"").nth(1).unwrap();
    let count: usize = count[..count.find('"').unwrap()].parse().unwrap();
    let book = rewrite_part(&book, "xl/styles.xml", |xml| {
        let format = r#"<numFmt numFmtId="165" formatCode="0&quot;万件&quot;"/>"#;
        let xf = r#"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#;
        xml.replacen("</numFmts>", &format!("{format}</numFmts>"), 1)
            .replace(
                &format!(r#"<cellXfs count="{count}">"#),
                &format!(r#"<cellXfs count="{}">"#, count + 1),
            )
            .replace("</cellXfs>", &format!("{xf}</cellXfs>"))
    });
    let styles_count = count;
    let book = rewrite_part(&book, "xl/worksheets/sheet2.xml", |xml| {
        let at = xml.find(r#"<c r="E4""#).unwrap();
        let end = at + xml[at..].find('>').unwrap();
        let end = if xml[..=end].ends_with("/>") {
            end + 1
        } else {
            end + xml[end..].find("</c>").unwrap() + 4
        };
        format!(
            r#"{}<c r="E4" s="{styles_count}"><v>3</v></c>{}"#,
            &xml[..at],
            &xml[end..]
        )
    });
    let a = survey::answer::answer_from_workbook(&book, format!("{division}.xlsx")).unwrap();
    let c = collect(&master, vec![Ok(a)], at(10));
    let said: Vec<String> = (c.warnings.iter()).map(|w| w.describe(Lang::Ja)).collect();
    assert!(said.iter().any(|w| w.contains("「3万件」")), "{said:#?}");
}

/// A rating kept as written because the scale lacks it (「D：大幅に遅れ」) goes through the
/// exported workbook and back as it was, still said, and the scale is unchanged: the table's
/// rating cells were read as levels the scale declared (D 大幅に遅れ, …) without a word.
#[test]
fn a_rating_the_scale_lacks_reads_back_from_the_workbook_as_written() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
    let mut report = crate::measures::seed_with_measures();
    let scale = report.measure_settings.clone();
    let first = report.sections[0].initiatives[0].id;
    let rating = shinchoku::model::measures::Rating {
        code: "D：大幅に遅れ".into(),
        by: String::new(),
        on: None,
        note: String::new(),
    };
    report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .self_rating = Some(rating);
    let bytes = export_bytes(&report, Format::Xlsx, Encoding::Utf8).unwrap();
    let opened = import_workbook(&bytes, WorkbookFormat::Xlsx).unwrap();
    assert_eq!(opened.report.measure_settings, scale);
    let read = opened
        .report
        .initiative(first)
        .unwrap()
        .measures()
        .self_rating
        .clone();
    assert_eq!(read.unwrap().code, "D：大幅に遅れ");
    let said = (opened.warnings.iter()).any(|w| format!("{:?}", w.kind).contains("D：大幅に遅れ"));
    assert!(said, "{:#?}", opened.warnings);
}

/// A usual prefix bound to another of ODF's namespaces is read by what it stands for: a
/// paragraph written `<draw:p xmlns:draw="…text:1.0">` is a paragraph, not a shape (its words
/// went without a word). More declarations in scope than any producer writes are refused
/// (each name was looked up through all of them: a 1 MB file read for 41 s).
#[test]
fn an_ods_prefix_is_read_by_the_namespace_it_is_bound_to() {
    let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    let row = format!(
        r#"<table:table-row><table:table-cell table:number-columns-repeated="8"/><table:table-cell office:value-type="string"><draw:p xmlns:draw="{text}">一行目</draw:p><draw:p xmlns:draw="{text}">二行目</draw:p></table:table-cell></table:table-row>"#
    );
    assert_eq!(outside_layout(&report_ods(&row)), ["一行目\n二行目"]);
    let many: String = (0..1_100)
        .map(|k| format!(r#" xmlns:p{k}="urn:x:{k}""#))
        .collect();
    let row = format!(r#"<table:table-row{many}><table:table-cell/></table:table-row>"#);
    let refused = shinchoku::import::import_any(&report_ods(&row), None).unwrap_err();
    assert!(
        refused
            .describe(Lang::En)
            .contains("namespace declarations"),
        "{refused:?}"
    );
}

/// A field the model does not have, named by a megabyte of text: refused, the message naming
/// it by its start in both languages (the English one quoted `ron`'s message whole: a line of
/// the field's size).
#[test]
fn a_field_named_by_a_megabyte_is_refused_in_a_short_message() {
    let text = shinchoku::store::to_ron(&crate::seed().report);
    let name = "x".repeat(1 << 20);
    let text = text.replacen(
        "  report: (\n",
        &format!("  report: (\n    {name}: 1,\n"),
        1,
    );
    let err = shinchoku::store::from_ron(&text).unwrap_err();
    for lang in [Lang::Ja, Lang::En] {
        let said = err.describe(lang);
        assert!(
            said.len() < 2_000 && said.contains("xxxx"),
            "{}",
            said.len()
        );
    }
}

/// A comment holding tags (Word's `<!--[if gte mso 9]><xml>…<![endif]-->`), the code of a
/// `<style>` or `<script>`, and a `>` inside a quoted attribute: a plan line reads as a browser
/// shows it, one entry with its months. Their words became entries of their own (one with
/// months 5月, late) or words of the line.
#[test]
fn comments_code_and_quoted_brackets_in_a_cell_read_as_shown() {
    let line = "ポータルサイトの運用、充実(通年)";
    for inside in [
        "<!-- <br>旧(5月) -->",
        "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->",
        "<style>p{color:red}</style>",
        "<SCRIPT type=\"text/javascript\">document.write(1)</SCRIPT>",
        "<span title=\"a>b\"></span>",
    ] {
        let typed = format!("ポータルサイト{inside}の運用、充実(通年)");
        let table = crate::SEED.replacen(line, &typed, 1);
        let read = shinchoku::import::import_text(&table).unwrap().report;
        let second = read.initiatives().nth(1).unwrap();
        let plan: Vec<&str> = (second.topics[0].plan.iter())
            .map(|e| e.text.as_str())
            .filter(|t| !t.contains("周知"))
            .collect();
        assert_eq!(plan, [line], "{inside}");
    }
}

/// A master written by builds of 2026-12-06, whose survey records kept `added` (a field the
/// model no longer has), opens: refusing fields the model does not have refused it whole.
#[test]
fn a_master_keeping_a_retired_field_opens() {
    use shinchoku::model::survey::Received;
    let mut master = crate::surveyed(crate::seed().report).report().clone();
    master.survey[0].received = Some(Received {
        at: at(10),
        file: "総務部人事課.xlsx".into(),
        count: 1,
        taken: Vec::new(),
        modified: None,
        written: Vec::new(),
        sent_again: false,
        retired_added: Default::default(),
    });
    let text = shinchoku::store::to_ron(&master);
    assert!(!text.contains("added:"), "not written");
    let at = text.find("file: \"総務部人事課.xlsx\",").unwrap();
    let old = format!("{}added: [(id: 11)], {}", &text[..at], &text[at..]);
    assert_eq!(shinchoku::store::from_ron(&old).unwrap(), master);
}

//! The web page for publishing (公表), read back with a real HTML parser (html5ever through
//! scraper) the way a browser or a screen reader would take it apart: language, caption,
//! header cells with scope, every initiative and 担当課, the printout's rows, words for the
//! bars, nothing fetched from outside. The browser check with axe-core is
//! `scripts/check-html-a11y.sh` (too slow for CI).

use scraper::{ElementRef, Html, Selector};
use shinchoku::document::Document;
use shinchoku::export::{Encoding, Format, export_bytes, export_file};
use shinchoku::model::Report;
use shinchoku::model::status::{Status, initiative_status};
use shinchoku::print::{PageSetup, selected_rows};

fn sample() -> Report {
    Document::sample().into_report()
}

fn page(report: &Report) -> Html {
    let bytes = export_bytes(report, Format::Html, Encoding::Utf8).expect("the page is written");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let html = Html::parse_document(&text);
    assert!(
        html.errors.is_empty(),
        "the parser found errors: {:?}",
        html.errors
    );
    html
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a selector")
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

/// The text a screen reader reads for a cell: everything but what is hidden from it.
fn spoken(e: ElementRef) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        if let Some(t) = node.value().as_text() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|el| el.attr("aria-hidden") == Some("true"))
            });
            if !hidden {
                out.push_str(t);
            }
        }
    }
    out
}

fn span(e: ElementRef, name: &str) -> usize {
    e.value()
        .attr(name)
        .map_or(1, |v| v.parse().expect("a number"))
}

#[test]
fn the_page_says_its_language_title_and_period() {
    let report = sample();
    let html = page(&report);
    let root = html.root_element();
    assert_eq!(root.value().attr("lang"), Some("ja"));
    let title = html.select(&sel("head > title")).next().expect("a title");
    assert_eq!(text(title), report.title);
    let h1: Vec<_> = html.select(&sel("h1")).collect();
    assert_eq!(h1.len(), 1);
    assert_eq!(text(h1[0]), report.title);
    assert_eq!(html.select(&sel("main table")).count(), 1);
    let caption = text(
        html.select(&sel("table > caption"))
            .next()
            .expect("a caption"),
    );
    assert!(caption.contains(&report.title), "{caption}");
    assert!(caption.contains("平成29年度（2017年度）"), "{caption}");
    assert!(caption.contains("上半期(4月～9月)"), "{caption}");
    assert!(caption.contains("2017年9月30日時点"), "{caption}");
}

#[test]
fn every_header_cell_has_a_scope_and_the_headings_are_the_published_ones() {
    let report = sample();
    let html = page(&report);
    let ths: Vec<_> = html.select(&sel("th")).collect();
    assert!(ths.len() > 20);
    for th in &ths {
        let scope = th.value().attr("scope");
        assert!(
            matches!(scope, Some("col" | "colgroup" | "row" | "rowgroup")),
            "{} has scope {scope:?}",
            text(*th)
        );
    }
    let rows: Vec<_> = html.select(&sel("thead > tr")).collect();
    assert_eq!(rows.len(), 2);
    let first: Vec<String> = rows[0].select(&sel("th")).map(text).collect();
    assert_eq!(
        first,
        [
            "番号",
            "具体的取組 / 取組項目",
            "工程",
            "平成 29 年度 年次計画 / 上半期実績(4月～9月)",
            "担当課",
            "状況"
        ]
    );
    let stage = rows[0].select(&sel("th")).nth(2).unwrap();
    assert_eq!(span(stage, "colspan"), report.plan_years.len());
    let second: Vec<String> = rows[1].select(&sel("th")).map(text).collect();
    assert_eq!(
        second,
        [
            "28年度", "29年度", "30年度", "31年度", "4月", "5月", "6月", "7月", "8月", "9月",
            "10月", "11月", "12月", "1月", "2月", "3月"
        ]
    );
}

#[test]
fn the_page_has_the_rows_of_the_printout_each_as_wide_as_the_table() {
    for report in [sample(), shinchoku::synthetic::large_report(60)] {
        let html = page(&report);
        let printed = selected_rows(&report, &PageSetup::default());
        let bodies: Vec<_> = html.select(&sel("table > tbody")).collect();
        assert_eq!(bodies.len(), report.sections.len());
        let rows: Vec<_> = html.select(&sel("table > tbody > tr")).collect();
        assert_eq!(rows.len(), printed.len());
        // Every tbody starts with its section, a row group header.
        for (body, section) in bodies.iter().zip(&report.sections) {
            let th = body
                .select(&sel("tr:first-child > th"))
                .next()
                .expect("a section header");
            assert_eq!(th.value().attr("scope"), Some("rowgroup"));
            assert!(text(th).contains(&section.title));
        }
        // Spans add up to the columns in every row: nothing shifted under the wrong heading.
        let width = 2 + report.plan_years.len() + 12 + 2;
        for row in &rows {
            let cells: usize = row
                .children()
                .filter_map(ElementRef::wrap)
                .map(|c| span(c, "colspan"))
                .sum();
            assert_eq!(cells, width, "{}", row.html());
        }
    }
}

#[test]
fn every_initiative_is_a_row_header_with_its_divisions_and_status_in_words() {
    let report = sample();
    let html = page(&report);
    let rows: Vec<_> = html.select(&sel("tr.initiative")).collect();
    assert_eq!(rows.len(), report.initiative_count());
    for (row, initiative) in rows.iter().zip(report.initiatives()) {
        let th = row
            .select(&sel("th[scope=row]"))
            .next()
            .expect("a row header");
        assert!(text(th).contains(&initiative.title), "{}", text(th));
        let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
        assert_eq!(cells[0], initiative.number);
        let status = initiative_status(initiative, report.fiscal_as_of());
        let said = cells.last().unwrap();
        assert!(said.contains(status.japanese()), "{said}");
        for division in initiative.all_divisions() {
            assert!(cells.iter().any(|c| c.contains(division)), "{division}");
        }
    }
    // Every 担当課 of the report is on the page, in a cell of the 担当課 column.
    let all: String = html.select(&sel("table > tbody td")).map(text).collect();
    for division in report.division_names() {
        assert!(all.contains(division), "{division}");
    }
    // The seed has late initiatives: their status is a word with a mark, not a colour alone.
    let late = html
        .select(&sel("tr.initiative td span.badge"))
        .map(text)
        .filter(|t| t == &format!("！{}", Status::Late.japanese()))
        .count();
    let expected = report
        .initiatives()
        .filter(|i| initiative_status(i, report.fiscal_as_of()) == Status::Late)
        .count();
    assert_eq!(late, expected);
}

#[test]
fn bars_and_stages_are_read_out_in_words() {
    let report = sample();
    let html = page(&report);
    let rows: Vec<_> = html.select(&sel("table > tbody > tr")).collect();
    let row_of = |needle: &str| -> String {
        let row = rows
            .iter()
            .find(|r| {
                r.select(&sel("td"))
                    .nth(1)
                    .is_some_and(|c| text(c).contains(needle))
            })
            .unwrap_or_else(|| panic!("a row with {needle}"));
        spoken(*row)
    };
    let portal = row_of("ポータルサイトの運用、充実(通年)");
    assert!(portal.contains("計画 通年"), "{portal}");
    assert!(portal.contains("実施中"), "{portal}");
    let survey = row_of("県有財産の自己点検及び利用見込み調査等の実施(8月～10月予定)");
    assert!(survey.contains("実績 8月～10月（予定）"), "{survey}");
    let mail = row_of("職員向けメルマガにおける周知(6月)");
    assert!(
        mail.contains("実績：") && mail.contains("実績 6月"),
        "{mail}"
    );
    // The glyphs drawn for the eye (計/実, bars, ●) are not read out.
    assert!(mail.starts_with("実績："), "{mail}");
    assert!(!portal.contains('●'), "{portal}");
    // Stages: 「28年度 検討」 as a cell spanning its years.
    let stages: Vec<_> = html.select(&sel("td.stage")).collect();
    assert!(!stages.is_empty());
    assert!(stages.iter().any(|c| spoken(*c) == "28年度 検討"));
    let long = stages
        .iter()
        .find(|c| spoken(**c) == "29年度～31年度 実施")
        .expect("a stage over three years");
    assert_eq!(span(*long, "colspan"), 3);
    // Every bar drawn has words beside it.
    for cell in html.select(&sel("td.span")) {
        let words = spoken(cell);
        assert!(
            words.starts_with("計画 ") || words.starts_with("実績 "),
            "{}",
            cell.html()
        );
    }
}

#[test]
fn nothing_is_fetched_from_outside_and_text_is_escaped() {
    let mut report = sample();
    let odd = "<script>alert(1)</script> & \"引用\" 'x'";
    report.sections[0].initiatives[0].title = odd.to_string();
    report.title = format!("{} <b>", report.title);
    let html = page(&report);
    assert_eq!(html.select(&sel("script")).count(), 0);
    assert_eq!(html.select(&sel("body b")).count(), 0);
    let th = html
        .select(&sel("tr.initiative th"))
        .next()
        .expect("the first initiative");
    assert!(text(th).ends_with(odd), "{}", text(th));
    assert!(
        text(html.select(&sel("title")).next().unwrap()).ends_with(" <b>"),
        "the title keeps its text"
    );
    let outside: Vec<String> = html
        .select(&sel("[src], [href], link, img, iframe, object, embed"))
        .map(|e| e.html())
        .collect();
    assert!(outside.is_empty(), "outside resources: {outside:?}");
    let style: String = html.select(&sel("style")).map(text).collect();
    assert!(!style.contains("url("), "the stylesheet loads nothing");
    assert!(!style.contains("@import"));
    assert!(style.contains("@media print"));
    assert!(style.contains("display: table-header-group"));
    assert!(style.contains("break-inside: avoid"));
}

#[test]
fn the_output_name_htm_or_html_writes_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let report = sample();
    for name in ["report.html", "REPORT.HTM"] {
        let path = dir.path().join(name);
        export_file(&report, &path, Encoding::Utf8).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"<!DOCTYPE html>\n<html lang=\"ja\">"));
    }
}

#[test]
fn characters_that_do_not_show_never_reach_the_page_raw() {
    let mut report = sample();
    // NUL and ESC, which HTML does not allow; a right-to-left override, which would turn the
    // rest of the line around; a zero-width space.
    let odd = "改革\u{0}\u{1b}[31m\u{202E}gnp.exe\u{200B}";
    report.sections[0].initiatives[0].title = odd.to_string();
    let topic = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .flat_map(|i| i.topics.iter_mut())
        .find(|t| !t.actual.is_empty())
        .unwrap();
    let result = format!("実績{odd}(4月)");
    topic.actual[0] = shinchoku::model::entry_text::read_entry(&result, true, &mut Vec::new());
    let bytes = export_bytes(&report, Format::Html, Encoding::Utf8).unwrap();
    let page_text = String::from_utf8(bytes).unwrap();
    for c in ['\u{0}', '\u{1b}', '\u{202E}', '\u{200B}'] {
        assert!(!page_text.contains(c), "U+{:04X} written raw", c as u32);
    }
    let html = page(&report);
    let th = html.select(&sel("tr.initiative th")).next().unwrap();
    assert!(
        text(th).ends_with("改革<NUL U+0000><ESC U+001B>[31m<RLO U+202E>gnp.exe<ZWSP U+200B>"),
        "{}",
        text(th)
    );
    let entry = html
        .select(&sel("tr.entry td"))
        .map(text)
        .find(|t| t.contains("実績改革"))
        .expect("the result's row");
    assert!(entry.contains("<ESC U+001B>"), "{entry}");
}

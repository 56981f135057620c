//! The printed grid, read back from the PDF the way a user's PDF viewer would: text
//! extracted, fonts inspected, pages counted.

use shinchoku::document::Document;
use shinchoku::model::Report;
use shinchoku::print::{self, PageSetup, Paper, PrintJob, PrintLayout};

fn sample() -> Report {
    Document::sample().report
}

fn layout_and_pdf(report: &Report, setup: &PageSetup) -> (PrintLayout, Vec<u8>) {
    let job = PrintJob {
        report,
        setup,
        printed_on: "2017年10月20日".into(),
    };
    let layout = print::layout(&job, &mut |_| {});
    let pdf = print::pdf::render(&layout, &report.title, &mut |_| {}).expect("the PDF renders");
    (layout, pdf)
}

/// Text of each page with the white space taken out (wrapped lines join up again).
fn page_texts(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("the PDF's text can be extracted")
        .into_iter()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_initiative_and_division_is_in_the_a3_pdf() {
    let report = sample();
    let (layout, pdf) = layout_and_pdf(&report, &PageSetup::default());
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), layout.pages.len());
    let all: String = pages.concat();
    for i in report.initiatives() {
        assert!(
            all.contains(&compact(&i.title)),
            "initiative {} missing",
            i.number
        );
        for d in i.all_divisions() {
            assert!(all.contains(d), "division {d} missing");
        }
    }
    // The title, era and Western year, period and as-of date head every page.
    for p in &pages {
        assert!(
            p.contains("平成29年度(2017年度)") || p.contains("平成29年度（2017年度）"),
            "{p}"
        );
        assert!(p.contains("2017年9月30日時点"));
        assert!(p.contains("印刷日2017年10月20日"));
    }
}

#[test]
fn each_page_carries_n_of_n_and_the_header_row() {
    let report = sample();
    let (_, pdf) = layout_and_pdf(&report, &PageSetup::default());
    let pages = page_texts(&pdf);
    let n = pages.len();
    assert!(n >= 2, "the seed takes more than one A3 page");
    for (k, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!("{}/{n}", k + 1)),
            "page {} lacks its number",
            k + 1
        );
        assert!(
            p.contains("具体的取組"),
            "page {} lacks the header row",
            k + 1
        );
        assert!(p.contains("担当課") && p.contains("28年度") && p.contains("3月"));
    }
}

#[test]
fn no_initiative_is_split_across_pages() {
    let report = sample();
    for setup in [
        PageSetup::default(),
        PageSetup {
            paper: Paper::A4,
            ..PageSetup::default()
        },
        PageSetup {
            paper: Paper::A4,
            landscape: false,
            ..PageSetup::default()
        },
        PageSetup {
            paper: Paper::B4,
            ..PageSetup::default()
        },
    ] {
        let (layout, pdf) = layout_and_pdf(&report, &setup);
        let pages = page_texts(&pdf);
        if setup.paper == Paper::A3 {
            assert!(
                layout.oversized.is_empty(),
                "every initiative fits an A3 page"
            );
        }
        for i in report
            .initiatives()
            .filter(|i| !layout.oversized.contains(&i.id))
        {
            let on: Vec<usize> = (0..layout.pages.len())
                .filter(|&p| layout.pages[p].initiatives.contains(&i.id))
                .collect();
            assert_eq!(
                on.len(),
                1,
                "initiative {} on pages {on:?} ({setup:?})",
                i.number
            );
            // And its title is printed on that page.
            assert!(pages[on[0]].contains(&compact(&i.title)));
        }
    }
}

#[test]
fn an_initiative_taller_than_a_page_is_split_between_rows_only() {
    let report = sample();
    let setup = PageSetup {
        paper: Paper::B4,
        ..PageSetup::default()
    };
    let (layout, pdf) = layout_and_pdf(&report, &setup);
    // Initiative 10's plan and results are longer than a B4 landscape page.
    let ten = report.find_initiative("10").unwrap().id;
    assert_eq!(layout.oversized, vec![ten]);
    let on: Vec<usize> = (0..layout.pages.len())
        .filter(|&p| layout.pages[p].initiatives.contains(&ten))
        .collect();
    assert_eq!(on.len(), 2, "split over two pages");
    // The second page names the initiative it continues.
    let pages = page_texts(&pdf);
    assert!(pages[on[1]].contains("情報セキュリティの確保（続き）"));
}

#[test]
fn the_font_is_embedded_as_a_subset_and_the_a3_pdf_is_small() {
    let (_, pdf) = layout_and_pdf(&sample(), &PageSetup::default());
    assert!(pdf.len() < 1_000_000, "{} bytes", pdf.len());
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let mut subset_fonts = Vec::new();
    let mut embedded = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if let Ok(name) = dict.get(b"BaseFont").and_then(|n| n.as_name()) {
            let name = String::from_utf8_lossy(name).to_string();
            // A subset font's name carries a six-letter tag: ABCDEF+BIZUDPGothic.
            if name.len() > 7 && name.as_bytes()[6] == b'+' {
                subset_fonts.push(name);
            }
        }
        if dict.has(b"FontFile2") || dict.has(b"FontFile3") {
            embedded += 1;
        }
    }
    assert!(
        subset_fonts.iter().any(|n| n.contains("BIZUDPGothic")),
        "{subset_fonts:?}"
    );
    assert!(embedded >= 1);
}

#[test]
fn a_division_prints_only_its_rows() {
    let report = sample();
    let setup = PageSetup {
        division: Some("地域連携部情報システム課".into()),
        ..PageSetup::default()
    };
    let (layout, pdf) = layout_and_pdf(&report, &setup);
    let all = page_texts(&pdf).concat();
    assert!(all.contains("情報セキュリティの確保"));
    assert!(!all.contains(&compact("協創による事業・業務の実施を促進する仕組みの構築")));
    let printed: Vec<String> = layout
        .pages
        .iter()
        .flat_map(|p| p.initiatives.iter())
        .map(|id| {
            report
                .initiatives()
                .find(|i| i.id == *id)
                .unwrap()
                .number
                .clone()
        })
        .collect();
    assert_eq!(printed, vec!["10", "11"]);
}

#[test]
fn a_section_prints_only_its_initiatives() {
    let report = sample();
    let setup = PageSetup {
        section: Some(2),
        ..PageSetup::default()
    };
    let (layout, _) = layout_and_pdf(&report, &setup);
    let printed: Vec<_> = layout
        .pages
        .iter()
        .flat_map(|p| p.initiatives.clone())
        .collect();
    let expected: Vec<_> = report.sections[1]
        .initiatives
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(printed, expected);
}

#[test]
fn plan_and_actual_differ_by_shape() {
    // Plan bars are outlined and hatched (lines inside), actual bars solid: a page with both
    // has stroked rectangles and filled ones.
    let (layout, _) = layout_and_pdf(&sample(), &PageSetup::default());
    let shapes = &layout.pages[0].shapes;
    let outlined = shapes.iter().any(|s| {
        matches!(
            s,
            print::Shape::Rect {
                fill: None,
                stroke: Some(_),
                ..
            }
        )
    });
    let solid = shapes.iter().any(|s| {
        matches!(
            s,
            print::Shape::Rect {
                fill: Some(_),
                stroke: None,
                ..
            }
        )
    });
    assert!(outlined && solid);
}

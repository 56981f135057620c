//! The printed grid, read back from the PDF the way a user's PDF viewer would: text
//! extracted, fonts inspected, pages counted.

use shinchoku::document::Document;
use shinchoku::model::Report;
use shinchoku::print::{self, KeepTogether, PageSetup, Paper, PrintJob, PrintLayout};

fn sample() -> Report {
    Document::sample().into_report()
}

fn layout_and_pdf(report: &Report, setup: &PageSetup) -> (PrintLayout, Vec<u8>) {
    let job = PrintJob {
        report,
        setup,
        printed_on: "2017年10月20日".into(),
        comparison: None,
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
fn keep_initiative_splits_no_initiative_that_fits() {
    let report = sample();
    let whole = PageSetup {
        keep: KeepTogether::Initiative,
        ..PageSetup::default()
    };
    for setup in [
        whole.clone(),
        PageSetup {
            paper: Paper::A4,
            ..whole.clone()
        },
        PageSetup {
            paper: Paper::A4,
            landscape: false,
            ..whole.clone()
        },
        PageSetup {
            paper: Paper::B4,
            ..whole.clone()
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
fn keep_initiative_prints_the_seed_as_before_on_six_a3_pages() {
    // The layout before topics could continue: an initiative never continues when it fits,
    // so pages are part-empty (six of the rows' height now, seven before rows were tightened).
    let setup = PageSetup {
        keep: KeepTogether::Initiative,
        ..PageSetup::default()
    };
    let (layout, _) = layout_and_pdf(&sample(), &setup);
    assert_eq!(layout.pages.len(), 6);
    assert!(layout.pages.iter().all(|p| p.continues.is_none()));
}

/// The topics in the order they print.
fn topics_in_order(report: &Report) -> Vec<shinchoku::model::Id> {
    report
        .initiatives()
        .flat_map(|i| i.topics.iter().map(|t| t.id))
        .collect()
}

#[test]
fn by_default_an_initiative_continues_between_topics_and_no_topic_is_split() {
    let report = sample();
    let (layout, pdf) = layout_and_pdf(&report, &PageSetup::default());
    // Fewer pages than whole initiatives take (6): five A3 pages, each filled to 85 % or more
    // but the last, though the seed's topics are large (initiative 10's first is over 40 % of
    // a page).
    assert_eq!(layout.pages.len(), 5);
    for k in 0..layout.pages.len() - 1 {
        assert!(
            layout.fill(k) >= 0.85,
            "page {} is {:.0} % full",
            k + 1,
            100.0 * layout.fill(k)
        );
    }
    // Each topic block on one page, in order, none left out.
    let printed: Vec<_> = layout
        .pages
        .iter()
        .flat_map(|p| p.topics.iter().copied())
        .collect();
    assert_eq!(printed, topics_in_order(&report));
    // An initiative that continues is named again under 「（続き）」: number and title.
    let texts = page_texts(&pdf);
    let continued: Vec<_> = layout.pages.iter().filter_map(|p| p.continues).collect();
    assert!(
        !continued.is_empty(),
        "an initiative continues on a later page"
    );
    for (k, page) in layout.pages.iter().enumerate() {
        if let Some(id) = page.continues {
            let i = report.initiatives().find(|i| i.id == id).unwrap();
            assert_eq!(page.initiatives[0], id);
            let line = compact(&format!("{}{} {}（続き）", i.number, i.label, i.title));
            assert!(texts[k].contains(&line), "page {}: {line} missing", k + 1);
        }
    }
}

#[test]
fn keep_row_prints_the_seed_on_five_full_a3_pages() {
    let report = sample();
    let setup = PageSetup {
        keep: KeepTogether::Row,
        ..PageSetup::default()
    };
    let (layout, pdf) = layout_and_pdf(&report, &setup);
    let n = layout.pages.len();
    assert!(n <= 5, "{n} A3 pages");
    for k in 0..n - 1 {
        assert!(
            layout.fill(k) >= 0.85,
            "page {} is {:.0} % full",
            k + 1,
            100.0 * layout.fill(k)
        );
    }
    // Nothing is lost: every initiative and every result's text is printed.
    let all = page_texts(&pdf).concat();
    for i in report.initiatives() {
        assert!(all.contains(&compact(&i.title)));
    }
}

#[test]
fn keep_row_lets_a_topic_continue_on_the_next_page() {
    let report = sample();
    let setup = PageSetup {
        keep: KeepTogether::Row,
        paper: Paper::A4,
        ..PageSetup::default()
    };
    let (layout, _) = layout_and_pdf(&report, &setup);
    let topics: usize = layout.pages.iter().map(|p| p.topics.len()).sum();
    assert!(
        topics > topics_in_order(&report).len(),
        "some topic continues"
    );
    for k in 0..layout.pages.len() - 1 {
        assert!(layout.fill(k) >= 0.85, "page {} under-filled", k + 1);
    }
}

#[test]
fn sections_can_start_new_pages() {
    let report = sample();
    let setup = PageSetup {
        section_pages: true,
        keep: KeepTogether::Row,
        ..PageSetup::default()
    };
    let (layout, _) = layout_and_pdf(&report, &setup);
    let section_of = |id| {
        report
            .sections
            .iter()
            .position(|s| s.initiatives.iter().any(|i| i.id == id))
            .unwrap()
    };
    let mut last_section = None;
    for (k, page) in layout.pages.iter().enumerate() {
        let sections: Vec<usize> = page.initiatives.iter().map(|&i| section_of(i)).collect();
        assert!(
            sections.windows(2).all(|w| w[0] == w[1]),
            "page {} holds two sections",
            k + 1
        );
        // Pages that do not end a section are filled.
        let next_same = layout
            .pages
            .get(k + 1)
            .and_then(|p| p.initiatives.first())
            .is_some_and(|&i| section_of(i) == sections[0]);
        if next_same {
            assert!(layout.fill(k) >= 0.85, "page {} under-filled", k + 1);
        }
        last_section = Some(sections[0]);
    }
    assert_eq!(last_section, Some(report.sections.len() - 1));
    assert!(layout.pages.len() >= report.sections.len());
}

#[test]
fn a4_landscape_stays_readable() {
    let setup = PageSetup {
        paper: Paper::A4,
        ..PageSetup::default()
    };
    let (layout, _) = layout_and_pdf(&sample(), &setup);
    assert!(layout.text_size >= 6.0, "{} pt", layout.text_size);
}

#[test]
fn fit_to_pages_tall_shrinks_the_text_until_it_fits() {
    let report = sample();
    let (plain, _) = layout_and_pdf(&report, &PageSetup::default());
    let setup = PageSetup {
        fit_pages_tall: Some(3),
        ..PageSetup::default()
    };
    let (fitted, pdf) = layout_and_pdf(&report, &setup);
    assert!(plain.pages.len() > 3);
    assert_eq!(fitted.pages.len(), 3);
    assert!(fitted.text_size < plain.text_size);
    // Nothing is lost by shrinking.
    let all = page_texts(&pdf).concat();
    for i in report.initiatives() {
        assert!(all.contains(&compact(&i.title)));
    }
    // A page count already met leaves the text as it is.
    let roomy = PageSetup {
        fit_pages_tall: Some(20),
        ..PageSetup::default()
    };
    let (same, _) = layout_and_pdf(&report, &roomy);
    assert_eq!(same.text_size, plain.text_size);
}

#[test]
fn an_initiative_taller_than_a_page_is_split_between_rows_only() {
    let mut report = sample();
    // Initiative 10 with every result written twice: longer than a B4 landscape page.
    let ten = report.find_initiative("10").unwrap().id;
    let topics: Vec<_> = report
        .initiative(ten)
        .unwrap()
        .topics
        .iter()
        .map(|t| t.id)
        .collect();
    for topic in topics {
        let mut copies = report.topic(topic).unwrap().actual.clone();
        for e in &mut copies {
            report.give_new_ids(e);
            e.reports.clear();
        }
        report.topic_mut(topic).unwrap().actual.extend(copies);
    }
    let setup = PageSetup {
        paper: Paper::B4,
        keep: KeepTogether::Initiative,
        ..PageSetup::default()
    };
    let (layout, pdf) = layout_and_pdf(&report, &setup);
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
    // Initiative 11 continues on a second page.
    let mut printed = printed;
    printed.dedup();
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
    let mut printed: Vec<_> = layout
        .pages
        .iter()
        .flat_map(|p| p.initiatives.clone())
        .collect();
    printed.dedup();
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

#[test]
fn the_grid_prints_with_a_comparisons_marks() {
    use shinchoku::compare::Comparison;
    use shinchoku::model::entry_text;
    use shinchoku::print::Shape;
    let old = sample();
    let mut new = old.clone();
    // One result removed, one added, in the first topic with results.
    let topic = new
        .initiatives()
        .flat_map(|i| i.topics.iter())
        .find(|t| !t.actual.is_empty())
        .map(|t| t.id)
        .unwrap();
    let removed = new.topic(topic).unwrap().actual[0].clone();
    let (added, _) = entry_text::new_entry(&mut new, "庁内説明会の開催(9月)");
    let t = new.topic_mut(topic).unwrap();
    t.actual.remove(0);
    t.actual.push(added);
    let comparison = Comparison::new("old.ron", old.clone(), &new);
    let setup = PageSetup::default();
    let plain = print::layout(
        &PrintJob {
            report: &new,
            setup: &setup,
            printed_on: String::new(),
            comparison: None,
        },
        &mut |_| {},
    );
    let job = PrintJob {
        report: &new,
        setup: &setup,
        printed_on: String::new(),
        comparison: Some(&comparison),
    };
    let marked = print::layout(&job, &mut |_| {});
    let texts = |l: &PrintLayout| -> Vec<String> {
        l.pages
            .iter()
            .flat_map(|p| &p.shapes)
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    };
    let (plain, marked) = (texts(&plain), texts(&marked));
    // The removed result prints again, signed －; the added one is signed ＋.
    let removed_label = compact(&removed.text);
    assert!(!plain.iter().any(|t| compact(t).contains(&removed_label)));
    assert!(
        marked.iter().any(|t| compact(t).contains(&removed_label)),
        "{marked:?}"
    );
    assert_eq!(marked.iter().filter(|t| *t == "－").count(), 1);
    assert_eq!(marked.iter().filter(|t| *t == "＋").count(), 1);
    let pdf = print::pdf::render(&print::layout(&job, &mut |_| {}), "t", &mut |_| {}).unwrap();
    assert!(page_texts(&pdf).concat().contains("庁内説明会の開催(9月)"));
}

/// The report with one result `chars` characters long (initiative 10's first topic), and that
/// result's text.
fn long_result(chars: usize) -> (Report, String) {
    let report = shinchoku::synthetic::with_long_result(chars);
    let topic = &report
        .find_initiative(shinchoku::synthetic::LONG_INITIATIVE)
        .unwrap()
        .topics[0];
    let result = &topic.actual[0];
    assert!(result.subs.is_empty(), "one row, not sub-items");
    assert_eq!(result.text.chars().count(), chars);
    let text = result.text.clone();
    (report, text)
}

/// Takes `text` from the pages in order: each page holds, somewhere, the next stretch of it
/// (the piece of the row printed there). Returns what no page held.
fn unprinted(text: &str, pages: &[String]) -> String {
    let mut rest: Vec<char> = compact(text).chars().collect();
    for page in pages {
        // The longest start of what is left that this page holds.
        let holds = |k: usize| page.contains(&rest[..k].iter().collect::<String>());
        let (mut low, mut high) = (0, rest.len());
        while low < high {
            let mid = (low + high).div_ceil(2);
            if holds(mid) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        rest.drain(..low);
    }
    rest.into_iter().collect()
}

/// Every character of a result of `chars` characters is in the PDF on A3 and A4 landscape,
/// in order; the pages a row continues onto name its initiative under 「（続き）」.
fn prints_whole(chars: usize) {
    let (report, text) = long_result(chars);
    for paper in [Paper::A3, Paper::A4] {
        let setup = PageSetup {
            paper,
            ..PageSetup::default()
        };
        let (layout, pdf) = layout_and_pdf(&report, &setup);
        let pages = page_texts(&pdf);
        let left = unprinted(&text, &pages);
        assert!(
            left.is_empty(),
            "{chars} characters on {}: {} not printed, from 「{}」",
            paper.name(),
            left.chars().count(),
            left.chars().take(20).collect::<String>()
        );
        assert!(!pages.concat().contains('…'), "nothing is cut with …");
        for (k, page) in layout.pages.iter().enumerate().skip(1) {
            if page.continues.is_some() {
                assert!(pages[k].contains("（続き）"), "page {}", k + 1);
            }
        }
    }
}

#[test]
fn a_2000_character_result_prints_whole_on_a3_and_a4() {
    prints_whole(2_000);
}

#[test]
fn a_20000_character_result_prints_whole_on_a3_and_a4_over_several_pages() {
    prints_whole(20_000);
    // Taller than a page: the row continues, under the line naming initiative 10.
    let (report, _) = long_result(20_000);
    for paper in [Paper::A3, Paper::A4] {
        let setup = PageSetup {
            paper,
            ..PageSetup::default()
        };
        let (layout, pdf) = layout_and_pdf(&report, &setup);
        let ten = report.find_initiative("10").unwrap().id;
        let on: Vec<usize> = (0..layout.pages.len())
            .filter(|&p| layout.pages[p].initiatives.contains(&ten))
            .collect();
        assert!(on.len() >= 3, "{} pages on {}", on.len(), paper.name());
        let pages = page_texts(&pdf);
        for &p in &on[1..] {
            assert_eq!(layout.pages[p].continues, Some(ten));
            assert!(pages[p].contains("情報セキュリティの確保（続き）"));
        }
    }
}

#[test]
fn topics_that_fit_stay_whole_beside_a_row_longer_than_a_page() {
    let (report, _) = long_result(20_000);
    let long_topic = report.find_initiative("10").unwrap().topics[0].id;
    for keep in KeepTogether::ALL {
        let setup = PageSetup {
            keep,
            ..PageSetup::default()
        };
        let (layout, _) = layout_and_pdf(&report, &setup);
        let pages_of = |topic| {
            layout
                .pages
                .iter()
                .filter(|p| p.topics.contains(&topic))
                .count()
        };
        assert!(pages_of(long_topic) >= 3);
        match keep {
            KeepTogether::Topic => {
                for topic in topics_in_order(&report) {
                    if topic != long_topic {
                        assert_eq!(pages_of(topic), 1, "a topic split");
                    }
                }
            }
            KeepTogether::Initiative => {
                for i in report.initiatives().filter(|i| i.number != "10") {
                    let on = layout
                        .pages
                        .iter()
                        .filter(|p| p.initiatives.contains(&i.id))
                        .count();
                    assert_eq!(on, 1, "initiative {} split", i.number);
                }
            }
            KeepTogether::Row => {}
        }
    }
}

#[test]
fn a_stage_label_wider_than_its_year_prints_whole() {
    let mut report = sample();
    // A one-year stage whose label takes several lines of its year's width.
    let label = "庁内関係部局との調整を経た運用方針の検討・整備";
    let span = report.sections[0].initiatives[0].items[0].lanes[0]
        .iter_mut()
        .find(|s| s.first == s.last)
        .expect("a one-year stage");
    span.label = label.into();
    span.continues = false;
    for (paper, landscape) in [(Paper::A3, true), (Paper::A4, false)] {
        let setup = PageSetup {
            paper,
            landscape,
            ..PageSetup::default()
        };
        let (_, pdf) = layout_and_pdf(&report, &setup);
        let all = page_texts(&pdf).concat();
        assert!(all.contains(label), "{} {}", paper.name(), landscape);
    }
}

#[test]
fn a_result_of_latin_letters_without_a_space_stays_on_the_page() {
    // A pasted address or identifier: one unbreakable run to the line-breaking rules, which
    // ran off the right edge of the page.
    let mut report = sample();
    let long = format!("参照先https://example.jp/{}(9月)", "abc123".repeat(500));
    let (entry, _) = shinchoku::model::entry_text::new_entry(&mut report, &long);
    let topic = report.find_initiative("10").unwrap().topics[0].id;
    report.topic_mut(topic).unwrap().actual.insert(0, entry);
    let setup = PageSetup::default();
    let (layout, pdf) = layout_and_pdf(&report, &setup);
    let measure = print::text::TextMeasure::get();
    for page in &layout.pages {
        for shape in &page.shapes {
            if let print::Shape::Text {
                x,
                size,
                bold,
                text,
                ..
            } = shape
            {
                let right = x + measure.width(text, *size, *bold);
                let edge = layout.width - setup.margin_mm * print::MM;
                assert!(
                    right <= edge + 0.5,
                    "「{text}」 ends at {right}, past {edge}"
                );
            }
        }
    }
    assert_eq!(unprinted(&long, &page_texts(&pdf)), "");
}

#[test]
fn a_change_of_a_text_longer_than_a_page_continues_on_the_next_page_of_the_change_list() {
    use shinchoku::compare::{change_list, diff};
    let old = sample();
    let (new, text) = long_result(20_000);
    let lines = change_list(&diff(&old, &new), shinchoku::lang::Lang::Ja);
    let layout = print::changes::layout(&lines, "2017年10月20日");
    assert!(layout.pages.len() > 2, "{} pages", layout.pages.len());
    for (k, page) in layout.pages.iter().enumerate() {
        for shape in &page.shapes {
            if let print::Shape::Text { y, text, .. } = shape {
                assert!(*y <= layout.height, "page {}: 「{text}」 at {y}", k + 1);
            }
        }
    }
    let pdf = print::pdf::render(&layout, "changes", &mut |_| {}).unwrap();
    assert_eq!(unprinted(&text, &page_texts(&pdf)), "");
}

#[test]
fn standings_say_what_each_row_asked_alone_says() {
    use shinchoku::grid::{self, GridRow, Standings};
    use shinchoku::model::status::{initiative_status, section_counts, topic_status};
    for report in [sample(), shinchoku::synthetic::with_result_lines(300)] {
        let standings = Standings::of(&report);
        let as_of = report.as_of();
        for row in print::selected_rows(&report, &PageSetup::default()) {
            assert_eq!(
                standings.line_mark(&report, row),
                grid::line_mark(&report, row)
            );
            assert_eq!(
                standings.is_unplanned(&report, row),
                grid::is_unplanned(&report, row)
            );
            match row {
                GridRow::Section { section } => assert_eq!(
                    standings.section_counts(section),
                    section_counts(&report.sections[section], as_of)
                ),
                GridRow::Initiative { .. } => assert_eq!(
                    standings.of_row(row).unwrap().initiative(),
                    initiative_status(grid::initiative_of(&report, row).unwrap(), as_of)
                ),
                GridRow::Topic { topic, .. } => {
                    let initiative = grid::initiative_of(&report, row).unwrap();
                    assert_eq!(
                        standings.of_row(row).unwrap().topic(topic),
                        Some(topic_status(initiative, &initiative.topics[topic], as_of))
                    );
                }
                _ => {}
            }
        }
    }
}

/// Every text of the layout ends inside the page's right margin (up to rounding).
fn assert_inside(layout: &PrintLayout, setup: &PageSetup) {
    let measure = print::text::TextMeasure::get();
    let edge = layout.width - setup.margin_mm * print::MM + 0.5;
    for (k, page) in layout.pages.iter().enumerate() {
        for shape in &page.shapes {
            if let print::Shape::Text {
                x,
                size,
                bold,
                text,
                ..
            } = shape
            {
                let right = x + measure.width(text, *size, *bold);
                assert!(
                    right <= edge,
                    "{} {}: page {}: 「{text}」 ends at {right}, past {edge}",
                    setup.paper.name(),
                    if setup.landscape {
                        "landscape"
                    } else {
                        "portrait"
                    },
                    k + 1
                );
            }
        }
    }
}

#[test]
fn nothing_runs_off_the_page_on_any_paper() {
    // The legend ran off A4 and B4 portrait pages, losing its last entries.
    let report = sample();
    for paper in Paper::ALL {
        for landscape in [true, false] {
            let setup = PageSetup {
                paper,
                landscape,
                ..PageSetup::default()
            };
            let (layout, pdf) = layout_and_pdf(&report, &setup);
            assert_inside(&layout, &setup);
            let first = &page_texts(&pdf)[0];
            for word in ["これから", "計画外:計画にない実績"] {
                assert!(first.contains(word), "{word} on {}", paper.name());
            }
        }
    }
}

#[test]
fn a_title_longer_than_the_page_is_wrapped_above_the_table() {
    let mut report = sample();
    report.title = format!(
        "{}（{}）",
        report.title,
        "第二次三重県行財政改革取組の進捗".repeat(12)
    );
    let setup = PageSetup {
        paper: Paper::A4,
        landscape: false,
        ..PageSetup::default()
    };
    let (layout, pdf) = layout_and_pdf(&report, &setup);
    assert_inside(&layout, &setup);
    for page in page_texts(&pdf) {
        assert!(page.contains(&compact(&report.title)));
    }
}

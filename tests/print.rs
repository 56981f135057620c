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
    let layout = print::layout(&job, &mut |_| {}).unwrap();
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
    )
    .unwrap();
    let job = PrintJob {
        report: &new,
        setup: &setup,
        printed_on: String::new(),
        comparison: Some(&comparison),
    };
    let marked = print::layout(&job, &mut |_| {}).unwrap();
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
    // The legend says what it is compared with and what the marks mean (a handout carried
    // them unexplained); without a comparison it says nothing of one.
    for words in [
        "比較（old.ronとの違い）:",
        "変更",
        "＋ 追加",
        "－ 削除（取り消し線）",
    ] {
        assert!(marked.iter().any(|t| t == words), "{words}");
    }
    assert!(!plain.iter().any(|t| t.starts_with("比較（")));
    let pdf =
        print::pdf::render(&print::layout(&job, &mut |_| {}).unwrap(), "t", &mut |_| {}).unwrap();
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
    use shinchoku::compare::{change_list_whole, diff};
    let old = sample();
    let (new, text) = long_result(20_000);
    let changes = diff(&old, &new);
    let lines = change_list_whole(&changes, shinchoku::lang::Lang::Ja);
    let layout = print::changes::layout(&lines, "2017年10月20日").unwrap();
    assert!(layout.pages.len() > 2, "{} pages", layout.pages.len());
    for (k, page) in layout.pages.iter().enumerate() {
        for shape in &page.shapes {
            if let print::Shape::Text { y, text, .. } = shape {
                assert!(*y <= layout.height, "page {}: 「{text}」 at {y}", k + 1);
            }
        }
    }
    // The list as the window and `diff --pdf` print it: every text whole.
    let pdf = print::changes::pdf(&changes, shinchoku::lang::Lang::Ja, "2017年10月20日").unwrap();
    assert_eq!(unprinted(&text, &page_texts(&pdf)), "");
}

#[test]
fn standings_say_what_each_row_asked_alone_says() {
    use shinchoku::grid::{self, GridRow, Standings};
    use shinchoku::model::status::{initiative_status, section_counts, topic_status};
    for report in [sample(), shinchoku::synthetic::with_result_lines(300)] {
        let standings = Standings::of(&report);
        let as_of = report.fiscal_as_of();
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

/// The three layouts of other bodies' numbers in one workbook, as LibreOffice saved it:
/// indicators (福知山市), effects in 百万円 counted cumulatively (いわき市), ratings S–C and
/// 対象外 with a review and a committee comment (木津川市, 下野市).
fn report_with_numbers() -> Report {
    use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/measures-libreoffice.xlsx");
    let bytes = std::fs::read(path).unwrap();
    import_workbook(&bytes, WorkbookFormat::Xlsx)
        .expect("the workbook opens")
        .report
}

#[test]
fn a_report_with_numbers_prints_every_number_and_rating_beside_the_grid() {
    let report = report_with_numbers();
    for paper in [Paper::A3, Paper::A4] {
        let setup = PageSetup {
            paper,
            ..PageSetup::default()
        };
        let (layout, pdf) = layout_and_pdf(&report, &setup);
        let pages = page_texts(&pdf);
        let grid = &pages[0];
        for heading in [
            "数値目標",
            "目標・実績・達成率",
            "効果額",
            "（百万円）",
            "評価",
            "自己・本部",
        ] {
            assert!(grid.contains(heading), "{heading} on {}", paper.name());
        }
        // Each indicator with this year's target, actual and 達成率, with its unit.
        for words in [
            "・削減効果額(108項目)目標3,500百万円実績3,297百万円達成率94.2%",
            "・電子申請件数目標1,200実績900達成率75%",
            "・未利用地の売却件数目標10実績△2達成率△20%",
        ] {
            assert!(grid.contains(words), "{words} on {}: {grid}", paper.name());
        }
        // The year's effect in 百万円; one typed 「1.2億」 printed as written.
        // With its 達成率 (2,410.5 ÷ 2,500), as いわき市's table prints it under the two.
        assert!(grid.contains("計画2,500実績2,410.5達成率96.4%"), "{grid}");
        assert!(grid.contains("計画600実績1.2億"), "{grid}");
        // The self-rating and the review with their labels; 対象外 once.
        assert!(
            grid.contains("自己S特に良好に進捗本部A良好に進捗"),
            "{grid}"
        );
        assert!(grid.contains("自己A良好に進捗"), "{grid}");
        assert!(grid.contains("自己対象外") && !grid.contains("対象外対象外"));
        assert!(grid.contains("委員会意見は意見一覧に"), "{grid}");
        assert!(layout.tables.len() == 3, "{:?}", layout.tables);
    }
}

/// An indicator whose 向き was kept as written (「維持」) prints it after its name, with no 達成率,
/// and the 集計表 says it is not counted among the indicators met.
#[test]
fn an_indicator_whose_direction_was_kept_as_written_prints_it_and_is_not_counted_met() {
    let mut report = report_with_numbers();
    let first = report.sections[0].initiatives[0].id;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    let name = m.indicators[0].name.clone();
    m.indicators[0].direction_unread = "維持".into();
    let (_, pdf) = layout_and_pdf(&report, &PageSetup::default());
    let pages = page_texts(&pdf);
    assert!(
        pages[0].contains(&format!("・{}（向き:維持）", compact(&name))),
        "{}",
        pages[0]
    );
    let last = pages.last().unwrap();
    assert!(
        last.contains("向きが高い・低いのどちらとも読めない指標1件（向き「維持」）は目標達成の指標に数えません"),
        "{last}"
    );
}

/// Two effects of 5 × 10^18 yen planned in one section: each fits, their sum does not. The
/// 集計表 says 計算不能 with a note under it, never a number cut at the largest one kept.
#[test]
fn a_summary_total_too_large_to_compute_prints_as_not_computable_with_a_note() {
    use shinchoku::model::measures::{Effect, Money};
    let mut report = report_with_numbers();
    let year = report.fiscal_year;
    let ids: Vec<_> = report.sections[0]
        .initiatives
        .iter()
        .map(|i| i.id)
        .take(2)
        .collect();
    assert_eq!(ids.len(), 2);
    for id in ids {
        report.initiative_mut(id).unwrap().measures_mut().effects = vec![Effect {
            fiscal_year: year,
            planned: Money::yen(5_000_000_000_000_000_000),
            actual: Money::default(),
        }];
    }
    let (_, pdf) = layout_and_pdf(&report, &PageSetup::default());
    let last = page_texts(&pdf).pop().unwrap();
    assert!(last.contains("集計表"), "{last}");
    assert!(last.contains("計算不能"), "{last}");
    assert!(
        last.contains("全体の効果額（計画額）の合計は大きすぎて計算できません"),
        "{last}"
    );
    assert!(!last.contains("9,223,372"), "{last}");
}

#[test]
fn a_report_with_numbers_ends_with_the_summary_its_scale_and_the_comments() {
    let report = report_with_numbers();
    let (layout, pdf) = layout_and_pdf(&report, &PageSetup::default());
    let pages = page_texts(&pdf);
    let n = pages.len();
    assert_eq!(n, layout.pages.len());
    let last = pages.last().unwrap();
    // Its own page, after the grid, numbered with the rest.
    assert!(!pages[0].contains("集計表"));
    assert!(last.contains(&format!("{n}/{n}")));
    assert!(last.contains("集計表（平成29年度）"), "{last}");
    // Initiatives per level (the review where given: A, A, 対象外), 未評価, 数値目標等達成率
    // (S ÷ rated, 対象外 left out), 計画実施率 ((S + A) ÷ rated), indicators met of those
    // measured, effects planned and actual in 百万円, counted cumulatively (each
    // initiative's latest year: 3,800 + 900 planned, 2,410.5 + 320 actual).
    assert!(
        last.contains("I行政運営0200100%100%0/34,7002,730.5"),
        "{last}"
    );
    assert!(last.contains("全体0200100%100%0/34,7002,730.5"), "{last}");
    assert!(last.contains("数値目標等達成率=Sの取組÷全取組（未評価を含み、対象外を除く）"));
    assert!(last.contains("前年度までを含む累計"), "{last}");
    // What the totals leave out, kept as written, is said.
    assert!(
        last.contains("数として読めない効果額1件「1.2億」は合計に含みません"),
        "{last}"
    );
    // The scale and the committee's comment, whole.
    assert!(last.contains("評価基準評価内容説明S特に良好に進捗計画を上回って進んでいる"));
    assert!(last.contains("対象外対象外今年度は取組がない（率の分母から除く）"));
    assert!(last.contains("委員会意見一覧"));
    assert!(
        last.contains("1①電子申請の拡大目標を上回る成果。継続を"),
        "{last}"
    );
}

#[test]
fn the_seed_prints_no_numbers_columns_and_no_summary() {
    let report = sample();
    let (layout, pdf) = layout_and_pdf(&report, &PageSetup::default());
    assert!(layout.tables.is_empty());
    assert_eq!(layout.columns.len(), 6);
    let all = page_texts(&pdf).concat();
    for word in ["数値目標", "効果額", "集計表", "自己・本部"] {
        assert!(!all.contains(word), "{word}");
    }
}

#[test]
fn the_numbers_columns_and_summary_can_be_left_out() {
    let report = report_with_numbers();
    let mut setup = PageSetup::default();
    setup.columns.measures = false;
    let (layout, pdf) = layout_and_pdf(&report, &setup);
    assert!(layout.tables.is_empty());
    assert_eq!(layout.columns.len(), 6);
    let all = page_texts(&pdf).concat();
    assert!(
        !all.contains("数値目標") && !all.contains("集計表"),
        "{all}"
    );
}

#[test]
fn the_summary_counts_only_the_initiatives_printed() {
    let report = report_with_numbers();
    let setup = PageSetup {
        division: Some("総務部行財政改革推進課".into()),
        ..PageSetup::default()
    };
    let (_, pdf) = layout_and_pdf(&report, &setup);
    let last = page_texts(&pdf).pop().unwrap();
    // Initiative 1 alone (S reviewed A, two indicators, 3,800 planned, 2,410.5 actual by its
    // latest years); not 3's 対象外 nor 2's A.
    assert!(
        last.contains("印刷した取組の計0100000%100%0/23,8002,410.5"),
        "{last}"
    );
    assert!(last.contains("印刷する取組だけを数えています"));
}

/// A seed initiative with an indicator named, and a committee comment of, `chars`
/// characters; the name and the comment.
fn long_numbers(chars: usize) -> (Report, String, String) {
    use shinchoku::edit::Intent;
    use shinchoku::edit::measures::MeasureIntent;
    let mut doc = Document::sample();
    let first = doc.report().sections[0].initiatives[0].id;
    let name: String = "職員提案制度の件数と内容の把握、"
        .chars()
        .cycle()
        .take(chars)
        .collect();
    let comment: String = "委員会としては、取組の成果を数値で示すことを求める。"
        .chars()
        .cycle()
        .take(chars)
        .collect();
    for intent in [
        MeasureIntent::AddIndicator {
            initiative: first,
            name: name.clone(),
            unit: "件".into(),
        },
        MeasureIntent::SetComment {
            initiative: first,
            text: comment.clone(),
            by: "行財政改革推進委員会".into(),
            on: None,
        },
    ] {
        doc.perform(Intent::Measure(intent)).unwrap();
    }
    (doc.into_report(), name, comment)
}

#[test]
fn a_2000_character_indicator_name_and_comment_print_whole_on_a3_and_a4() {
    let (report, name, comment) = long_numbers(2_000);
    for (paper, landscape) in [(Paper::A3, true), (Paper::A4, true), (Paper::A4, false)] {
        let setup = PageSetup {
            paper,
            landscape,
            ..PageSetup::default()
        };
        let (layout, pdf) = layout_and_pdf(&report, &setup);
        let pages = page_texts(&pdf);
        let on = paper.name();
        // The name in the grid's 数値目標 column: the initiative's row grows and continues.
        let left = unprinted(&name, &pages);
        assert!(
            left.is_empty(),
            "{on}: {} of the name not printed",
            left.chars().count()
        );
        // The comment in the 委員会意見一覧, whole, over as many pages as it takes.
        let left = unprinted(&comment, &pages);
        assert!(
            left.is_empty(),
            "{on}: {} of the comment not printed",
            left.chars().count()
        );
        // (The 「（続き）」 line repeating initiative 1's long title shortens it with …: a
        // repeat, not the text, which its first page has whole.)
        assert_inside(&layout, &setup);
    }
}

#[test]
fn a_figure_typed_as_words_prints_as_written_and_the_summary_says_it_is_not_counted() {
    use shinchoku::edit::Intent;
    use shinchoku::edit::measures::{IndicatorField, MeasureIntent};
    use shinchoku::model::FiscalYear;
    let mut doc = Document::sample();
    let first = doc.report().sections[0].initiatives[0].id;
    let year = FiscalYear(2017);
    let figure = |field, text: &str| MeasureIntent::SetIndicatorFigure {
        initiative: first,
        index: 0,
        field,
        text: text.into(),
    };
    for intent in [
        MeasureIntent::AddIndicator {
            initiative: first,
            name: "研修の受講者数".into(),
            unit: "人".into(),
        },
        figure(IndicatorField::Target, "400"),
        figure(IndicatorField::YearActual(year), "約300"),
    ] {
        doc.perform(Intent::Measure(intent)).unwrap();
    }
    let (_, pdf) = layout_and_pdf(doc.report(), &PageSetup::default());
    let pages = page_texts(&pdf);
    assert!(
        pages[0].contains("・研修の受講者数目標400人実績約300人達成率—"),
        "{}",
        pages[0]
    );
    let last = pages.last().unwrap();
    assert!(last.contains("0/0"), "{last}");
    assert!(
        last.contains("数として読めない指標の値1件「約300」は目標達成の指標に数えません"),
        "{last}"
    );
}

/// Initiatives numbered as 木津川市 numbers its items (`No.R2-10` …): each number printed ends
/// before the next text on its line (the title), on A3 and on A4 portrait.
#[test]
fn items_numbered_no_r2_print_clear_of_their_titles() {
    use shinchoku::print::Shape;
    use shinchoku::print::text::TextMeasure;
    let mut report = sample();
    let initiatives = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut());
    for (k, i) in initiatives.enumerate() {
        i.number = format!("No.R2-{}", k + 10);
    }
    let a4 = PageSetup {
        paper: Paper::A4,
        landscape: false,
        ..PageSetup::default()
    };
    let measure = TextMeasure::get();
    for setup in [PageSetup::default(), a4] {
        let (layout, _) = layout_and_pdf(&report, &setup);
        let mut checked = 0;
        for page in &layout.pages {
            let texts: Vec<(f32, f32, f32, bool, &str)> = page
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text {
                        x,
                        y,
                        size,
                        bold,
                        text,
                        ..
                    } => Some((*x, *y, *size, *bold, text.as_str())),
                    _ => None,
                })
                .collect();
            for &(x, y, size, bold, text) in texts.iter().filter(|t| t.4.starts_with("No.R2-")) {
                let end = x + measure.width(text, size, bold);
                let next = texts
                    .iter()
                    .filter(|t| (t.1 - y).abs() < 0.01 && t.0 > x)
                    .map(|t| t.0)
                    .fold(f32::INFINITY, f32::min);
                assert!(
                    end < next,
                    "{text}: ends at {end}, the title starts at {next}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 11, "{checked} numbers printed");
    }
}

/// The notes beside the ratings (取組実績・特記, 本部評価・特記) print in the 評価 cell under
/// their ratings, whole: a long one grows the row (over the next page if need be), never cut.
#[test]
fn the_rating_notes_print_whole_under_their_ratings() {
    let mut report = report_with_numbers();
    let id = report
        .initiatives()
        .find(|i| i.measures().self_rating.is_some() && i.measures().review.is_some())
        .expect("an initiative with both ratings")
        .id;
    let long: String = (1..=40)
        .map(|k| format!("{k}件目の手続を電子化し、目標を上回る成果。継続を。"))
        .collect();
    let m = report.initiative_mut(id).unwrap().measures_mut();
    m.self_rating.as_mut().unwrap().note = "手続を12件追加した".into();
    m.review.as_mut().unwrap().note = long.clone();
    for paper in [Paper::A3, Paper::A4] {
        let setup = PageSetup {
            paper,
            ..PageSetup::default()
        };
        let (_, pdf) = layout_and_pdf(&report, &setup);
        let pages = page_texts(&pdf);
        let all = pages.concat();
        assert!(
            all.contains("自己S特に良好に進捗特記手続を12件追加した本部A良好に進捗特記1件目"),
            "on {}: {all}",
            paper.name()
        );
        let left = unprinted(&long, &pages);
        assert!(
            left.is_empty(),
            "on {}: 「{left}」 not printed",
            paper.name()
        );
        assert!(!all.contains('…'), "nothing is cut with …");
    }
}

/// A topic of 160,000 result lines (as a hostile answer or table of a few megabytes holds)
/// would print on more than 6,000 A4 pages, about 0.3 MB each until the PDF is written. The
/// printout is refused once the pages are counted, before any is drawn, saying how many and
/// what to do.
#[test]
fn a_printout_of_more_pages_than_the_limit_is_refused_before_its_pages_are_drawn() {
    use shinchoku::lang::{Describe, Lang};
    let report = shinchoku::synthetic::with_result_lines(160_000);
    let setup = PageSetup {
        paper: Paper::A4,
        margin_mm: 25.0,
        ..PageSetup::default()
    };
    let job = PrintJob {
        report: &report,
        setup: &setup,
        printed_on: String::new(),
        comparison: None,
    };
    let refused = print::layout(&job, &mut |_| {}).expect_err("too many pages");
    assert!(refused.pages > print::MAX_PAGES, "{refused:?}");
    assert_eq!(
        refused.describe(Lang::Ja),
        format!(
            "印刷は{}ページになり、1回に印刷できる6000ページを超えます。担当課か章を選んで印刷してください",
            refused.pages
        )
    );
}

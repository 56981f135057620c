//! Defects found by reading the code and by trying it as a new user would; each test failed
//! before its fix.

use shinchoku::document::Document;
use shinchoku::edit::spans::{self, SpanRef};
use shinchoku::edit::{self, Edit, Intent};
use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::import::{import_bytes, import_text};
use shinchoku::model::era::{find_era_year, parse_era_year, parse_short_fiscal_year};
use shinchoku::model::{FiscalYear, Report, Side, StageSpan};

use crate::{SEED, initiative, seed};

// --- Year arithmetic that overflowed (a panic in a debug build, a garbage year in release).

#[test]
fn an_era_year_too_large_for_arithmetic_is_no_year() {
    assert_eq!(parse_era_year("平成2147483647年度"), None);
    assert_eq!(find_era_year("平成2147483647年度「改革」"), None);
    assert_eq!(
        parse_short_fiscal_year("2147483000年度", FiscalYear(2017)),
        None
    );
    assert_eq!(
        parse_short_fiscal_year("2147483647年度", FiscalYear(i32::MAX)),
        None
    );
    assert_eq!(parse_era_year("R99999999999999999999年"), None);
    // Years outside what Shinchoku handles are named without overflowing either.
    for y in [i32::MIN, -1, 0, i32::MAX] {
        let fy = FiscalYear(y);
        let _ = (fy.era_form(), fy.short_form(), fy.calendar_year_of(1));
        let _ = fy.short_form_like(FiscalYear(2017));
    }
}

#[test]
fn a_title_with_such_a_year_imports_with_a_warning_or_is_refused_saying_why() {
    let text = SEED.replacen("平成 29 年度「", "平成2147483647年度「", 1);
    let imported = import_text(&text).expect("the column headings name the year");
    assert_eq!(imported.report.fiscal_year, FiscalYear(2017));
    let w = imported
        .warnings
        .iter()
        .find(|w| w.to_string().contains("平成2147483647年"))
        .expect("a warning quoting the year");
    assert_eq!(w.at.row, Some(3));

    let text = text.replacen("平成 29 年度 年次計画", "年次計画", 1);
    let err = import_text(&text).expect_err("no year anywhere");
    assert!(
        err.to_string().contains("平成2147483647年") && err.to_string().contains("no fiscal year"),
        "{err}"
    );
}

#[test]
fn a_stage_heading_with_such_a_year_is_read_with_a_warning() {
    // Initiative 1's stage table (row 7) heads its first column 2147483000年度.
    let text = SEED.replacen("<th>28年度</th>", "<th>2147483000年度</th>", 1);
    let imported = import_text(&text).expect("imports");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.at.row == Some(7) && w.to_string().contains("not consecutive")),
        "{:?}",
        imported.warnings
    );
    assert_eq!(imported.report.initiative_count(), 11);
    // The report it gives keeps the model's rules: it saves and opens again.
    let text = shinchoku::store::to_ron(&imported.report);
    assert!(shinchoku::store::from_ron(&text).unwrap() == imported.report);
}

/// Every plan and result text of an initiative, in written order.
fn entry_texts(i: &shinchoku::model::Initiative) -> Vec<String> {
    i.topics
        .iter()
        .flat_map(|t| t.plan.iter().chain(&t.actual).map(|e| e.text.clone()))
        .collect()
}

/// One cell more than the years in initiative 1's stage table: the cell is kept unread and
/// said, and the plan, results and 担当課 after the table's plain copy are read where they
/// stand (the copy was taken one column wider: the plan text was dropped without a word and
/// 総務部人事課 read as a plan line).
#[test]
fn a_stage_cell_beyond_the_years_shifts_nothing_after_the_table() {
    let text = SEED.replacen(
        r#"<td colspan="3">順次実施</td> </tr>"#,
        r#"<td colspan="3">順次実施</td> <td>x</td></tr>"#,
        1,
    );
    assert_ne!(text, SEED);
    let imported = import_text(&text).expect("imports");
    assert_initiative_one_as_in_the_seed(&imported.report);
    assert!(imported.report.unread.iter().any(|u| u.text == "x"));
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.to_string().contains("stage 「x」")),
        "{:?}",
        imported.warnings
    );
}

/// Initiative 1 holds the seed's entries and 担当課: nothing after its stage table shifted.
fn assert_initiative_one_as_in_the_seed(report: &shinchoku::model::Report) {
    let plain = seed().report;
    let (one, two) = (initiative(report, "1"), initiative(&plain, "1"));
    assert_eq!(entry_texts(one), entry_texts(two));
    assert_eq!(one.divisions, two.divisions);
}

/// One year heading more in initiative 1's stage table than in the plain copy after it: the
/// plan, results and 担当課 are read where they stand (the copy was counted as wide as the
/// table, and every field after it shifted: the plan text went to the unread list and
/// 総務部人事課 was read as a plan line).
#[test]
fn a_year_heading_the_plain_copy_lacks_shifts_nothing_after_the_table() {
    let text = SEED.replacen("<th>31年度</th>", "<th>31年度</th> <th>32年度</th>", 1);
    assert_ne!(text, SEED);
    let imported = import_text(&text).expect("imports");
    assert_initiative_one_as_in_the_seed(&imported.report);
}

/// An action item named as a year would be (`32年度`, not ticked): the plain copy after the
/// table repeats it under 取組項目 28年度 … 31年度, where it was counted as one more year
/// heading, and every field after the copy shifted (the plan text went to the unread list).
/// Exported and read back, the report is the same again.
#[test]
fn an_item_named_as_a_year_shifts_nothing_after_the_table() {
    let text = SEED.replace("□協創の取組を進めるための研修の充実", "32年度");
    assert_ne!(text, SEED);
    let imported = import_text(&text).expect("imports");
    let report = &imported.report;
    assert_eq!(initiative(report, "1").items[0].name, "32年度");
    assert_initiative_one_as_in_the_seed(report);
    assert!(report.unread.is_empty(), "{:?}", report.unread);
    let table = shinchoku::export::table::to_table_text(report);
    let again = import_text(&table).expect("imports again").report;
    assert_eq!(initiative(&again, "1").items, initiative(report, "1").items);
    assert_initiative_one_as_in_the_seed(&again);
}

// --- A stage-bar drag could make a span overlap its neighbour in the same lane: the XLSX
// export then failed (overlapping merged ranges) and the report table dropped a span.

/// Initiative 1, item 1: 検討 FY2016, 順次実施 FY2017–2019.
fn first_lane(report: &Report) -> (shinchoku::model::Id, Vec<StageSpan>) {
    let item = &initiative(report, "1").items[0];
    (item.id, item.lanes[0].clone())
}

fn span_count(report: &Report) -> usize {
    report
        .initiatives()
        .flat_map(|i| i.items.iter())
        .flat_map(|x| x.lanes.iter())
        .map(Vec::len)
        .sum()
}

#[test]
fn an_edit_that_makes_stages_overlap_is_refused() {
    let mut doc = Document::sample();
    let before = doc.report().clone();
    let (item, lane) = first_lane(doc.report());
    // Dragging 検討's end into 順次実施's first year, as the grid built it.
    let drag =
        edit::resize_span(doc.report(), item, 0, 0, FiscalYear(2016), FiscalYear(2017)).unwrap();
    let err = doc.edit(|_| Ok(drag)).expect_err("refused");
    assert!(err.to_string().contains("overlaps stage 1"), "{err}");
    assert!(*doc.report() == before && !doc.is_dirty());

    // A whole lane set with two stages in one year, one outside the plan, one reversed.
    for bad in [
        vec![lane[0].clone(), lane[1].clone(), lane[1].clone()],
        vec![StageSpan::new(FiscalYear(2020), FiscalYear(2020), "実施")],
        vec![StageSpan::new(FiscalYear(2018), FiscalYear(2017), "実施")],
    ] {
        let err = doc
            .edit(|_| {
                Ok(Edit::SetStageLane {
                    item,
                    lane: 0,
                    spans: bad,
                })
            })
            .expect_err("refused");
        assert!(
            err.to_string().starts_with(&format!("item {item} lane 1")),
            "{err}"
        );
    }
    // An item inserted with such a lane, too.
    let mut copy = initiative(doc.report(), "1").items[0].clone();
    copy.lanes[0][0].last = FiscalYear(2018);
    copy.id = shinchoku::model::Id(doc.report().next_id());
    let into = initiative(doc.report(), "1").id;
    assert!(
        doc.edit(|r| {
            r.allocate_id();
            Ok(Edit::InsertItem {
                initiative: into,
                index: 0,
                item: copy,
            })
        })
        .is_err()
    );
    assert!(*doc.report() == before);
}

#[test]
fn a_drag_is_clamped_to_the_neighbouring_stages() {
    let report = seed().report;
    let (item, _) = first_lane(&report);
    let first = SpanRef {
        item,
        lane: 0,
        index: 0,
    };
    let second = SpanRef { index: 1, ..first };
    assert_eq!(
        spans::room(&report, first).unwrap(),
        (FiscalYear(2016), FiscalYear(2016))
    );
    assert_eq!(
        spans::room(&report, second).unwrap(),
        (FiscalYear(2017), FiscalYear(2019))
    );
    // 順次実施's start dragged over 検討 stops at 2017; its end past the plan stops at 2019.
    assert_eq!(
        spans::clamp_span(&report, second, FiscalYear(2015), FiscalYear(2030)).unwrap(),
        (FiscalYear(2017), FiscalYear(2019))
    );
    // Ends given in either order.
    assert_eq!(
        spans::clamp_span(&report, second, FiscalYear(2018), FiscalYear(2017)).unwrap(),
        (FiscalYear(2017), FiscalYear(2018))
    );
    let mut r = report.clone();
    let shrink =
        spans::resize_span_clamped(&r, second, FiscalYear(2018), FiscalYear(2019)).unwrap();
    edit::apply(&mut r, shrink).unwrap();
    // Now 検討 may move right by one year, and no further.
    let moved = spans::move_span_clamped(&r, first, FiscalYear(2019)).unwrap();
    edit::apply(&mut r, moved).unwrap();
    let lane = &initiative(&r, "1").items[0].lanes[0];
    assert_eq!((lane[0].first.0, lane[0].last.0), (2017, 2017));
    assert_eq!((lane[1].first.0, lane[1].last.0), (2018, 2019));

    // The window sends what the user asked (Intent::ResizeSpan); the core clamps it.
    let mut doc = Document::sample();
    let into_neighbour = Intent::ResizeSpan {
        item,
        lane: 0,
        index: 0,
        first: FiscalYear(2016),
        last: FiscalYear(2018),
    };
    assert_eq!(
        doc.perform(into_neighbour),
        Ok(None),
        "clamped: nothing changes"
    );
    assert!(!doc.is_dirty());
    doc.perform(Intent::ResizeSpan {
        item,
        lane: 0,
        index: 1,
        first: FiscalYear(2015),
        last: FiscalYear(2018),
    })
    .unwrap();
    let lane = &initiative(doc.report(), "1").items[0].lanes[0];
    assert_eq!((lane[1].first.0, lane[1].last.0), (2017, 2018));
}

#[test]
fn after_any_clamped_drags_every_export_writes_every_stage() {
    let mut doc = Document::sample();
    let spans_before = span_count(doc.report());
    let plan = doc.report().plan_years;
    let mut n = 0u64;
    let refs: Vec<SpanRef> = doc
        .report()
        .initiatives()
        .flat_map(|i| i.items.iter())
        .flat_map(|x| {
            x.lanes.iter().enumerate().flat_map(move |(l, lane)| {
                (0..lane.len()).map(move |k| SpanRef {
                    item: x.id,
                    lane: l,
                    index: k,
                })
            })
        })
        .collect();
    for span in refs {
        for _ in 0..3 {
            // Pseudo-random asks anywhere around the plan years.
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let a = plan.first.0 - 2 + ((n >> 33) % 8) as i32;
            let b = plan.first.0 - 2 + ((n >> 45) % 8) as i32;
            let drag = if n.is_multiple_of(2) {
                spans::resize_span_clamped(doc.report(), span, FiscalYear(a), FiscalYear(b))
            } else {
                spans::move_span_clamped(doc.report(), span, FiscalYear(a))
            };
            doc.edit(|_| drag).unwrap();
        }
    }
    assert!(doc.is_dirty());
    assert_eq!(span_count(doc.report()), spans_before);
    assert!(shinchoku::model::validate::violations(doc.report()).is_empty());
    export_bytes(doc.report(), Format::Xlsx, Encoding::Utf8).expect("the XLSX is written");
    for encoding in [Encoding::Utf8, Encoding::Cp932] {
        let table = export_bytes(doc.report(), Format::Table, encoding).unwrap();
        let again = import_bytes(&table).unwrap().report;
        assert_eq!(span_count(&again), spans_before, "{encoding:?}");
        for (a, b) in again.initiatives().zip(doc.report().initiatives()) {
            let lanes = |i: &shinchoku::model::Initiative| -> Vec<Vec<(i32, i32)>> {
                i.items
                    .iter()
                    .flat_map(|x| x.lanes.iter())
                    .map(|l| l.iter().map(|s| (s.first.0, s.last.0)).collect())
                    .collect()
            };
            assert_eq!(lanes(a), lanes(b), "initiative {}", a.number);
        }
    }
}

// --- Undo and redo dropped the step when its inverse could not be applied.

#[test]
fn a_step_that_cannot_be_undone_stays_on_its_stack_with_an_error() {
    // A document's report changes only through its history now; a history over a report it
    // does not own is where something else can still change the report under it.
    let mut report = Document::sample().into_report();
    let mut history = shinchoku::edit::History::default();
    let topic = initiative(&report, "2").topics[0].id;
    let before = report.next_id();
    let step = edit::add_entry(&mut report, topic, Side::Actual, "研修の実施(7月)").0;
    history.apply(&mut report, step, before).unwrap();
    let added = initiative(&report, "2").topics[0]
        .actual
        .last()
        .unwrap()
        .clone();
    // Something outside the history removes the entry the undo would remove.
    let list = &mut report.sections[0].initiatives[1].topics[0].actual;
    let taken = list.pop().unwrap();
    assert_eq!(taken, added);
    let changed = report.clone();

    let err = history
        .undo(&mut report)
        .expect_err("its inverse names an entry that is gone");
    assert!(err.to_string().contains(&added.id.to_string()), "{err}");
    assert!(history.can_undo(), "the step is kept");
    assert!(!history.can_redo());
    assert!(report == changed, "nothing changed");

    // Put back, the step undoes and redoes.
    report.sections[0].initiatives[1].topics[0]
        .actual
        .push(taken);
    assert_eq!(history.undo(&mut report), Ok(true));
    assert!(history.can_redo());
    // And a redo whose edit no longer applies stays on the redo stack.
    report.sections[0].initiatives[1].topics.clear();
    assert!(history.redo(&mut report).is_err());
    assert!(history.can_redo());
}

// --- The CP932 refusal listed a character once per occurrence.

#[test]
fn the_cp932_refusal_names_each_character_once() {
    let mut report = seed().report;
    report.sections[0].title = "😀報告𠮷😀と😀".into();
    // The CSV refuses them (the report table writes them as character references).
    let err = export_bytes(&report, Format::Csv, Encoding::Cp932).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot write in CP932: 「😀」(U+1F600) (section I, the section's title <😀報告𠮷😀と😀>) \
         「𠮷」(U+20BB7) (section I, the section's title <😀報告𠮷😀と😀>) have no CP932 code; \
         write UTF-8 or UTF-16 instead"
    );
}

// --- Wave dash: CP932 refused `〜` (U+301C), as months are typed on Macs and in PDFs.

#[test]
fn characters_windows_knows_under_another_code_point_are_written_as_that_code() {
    let typed = "〜‖−¢£¬—¦";
    let bytes = shinchoku::export::encode(typed, Encoding::Cp932, false).unwrap();
    assert_eq!(
        bytes,
        [
            0x81, 0x60, 0x81, 0x61, 0x81, 0x7C, 0x81, 0x91, 0x81, 0x92, 0x81, 0xCA, 0x81, 0x5C,
            0xFA, 0x55
        ]
    );
    // Read back, they are the Windows forms.
    let (read, _, errors) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!errors);
    assert_eq!(read, "～∥－￠￡￢―￤");
    for (typed, windows) in shinchoku::export::cp932::WINDOWS_FORMS {
        assert_eq!(
            shinchoku::export::encode(&typed.to_string(), Encoding::Cp932, false).unwrap(),
            shinchoku::export::encode(&windows.to_string(), Encoding::Cp932, false).unwrap(),
            "{typed}"
        );
    }
}

#[test]
fn a_report_typed_with_the_wave_dash_exports_to_cp932_and_reads_back_the_same() {
    let mut doc = Document::sample();
    let topic = initiative(doc.report(), "2").topics[0].id;
    doc.edit(|r| Ok(edit::add_entry(r, topic, Side::Actual, "事例集の作成(4月〜9月)").0))
        .unwrap();
    let typed = doc.report().clone();
    let bytes = export_bytes(&typed, Format::Table, Encoding::Cp932).expect("written");
    assert!(bytes.windows(2).any(|w| w == [0x81, 0x60]));
    assert!(*doc.report() == typed, "the report keeps what it held");
    let again = import_bytes(&bytes).unwrap();
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    let entry = initiative(&again.report, "2").topics[0]
        .actual
        .last()
        .unwrap()
        .clone();
    assert_eq!(entry.text, "事例集の作成(4月～9月)");
    let was = initiative(&typed, "2").topics[0].actual.last().unwrap();
    assert_eq!(entry.covered_months(), was.covered_months());
    assert_eq!(
        (again.report.initiative_count(), span_count(&again.report)),
        (typed.initiative_count(), span_count(&typed))
    );
}

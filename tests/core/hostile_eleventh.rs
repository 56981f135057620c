//! Files found by the eleventh round of attacks and audits, each kept with what must hold now.

use shinchoku::lang::{Describe, Lang};
use shinchoku::survey::{self, workbook};

use crate::survey_due as due;

/// A division's answer workbook whose result cell says it holds a shared string but writes
/// its number wrongly (` 14 `, `14.0`, `abc`, `-1`, a number past any index): refused, naming
/// the cell. calamine read each as the first string, the sheet's title, and the title was
/// taken as the division's result without a word.
#[test]
fn a_shared_string_number_written_wrongly_is_refused_naming_the_cell() {
    let master = crate::surveyed(crate::seed().report);
    let r = survey::response_for(master.report(), "総務部人事課", due(), "");
    let book = workbook::write(&r).unwrap();
    let written = [" 14 ", "14.0", "abc", "-1", "99999999999999999999"];
    // Written with a character reference or as CDATA: the cell read as empty, the division's
    // results taken as removed without a word.
    let escaped = [("&#45;1", "&#45;"), ("<![CDATA[ 14 ]]>", "14")];
    for (bad, shown) in written.iter().map(|w| (*w, w.trim())).chain(escaped) {
        let mut cell = String::new();
        let hostile = crate::rewrite_part(&book, "xl/worksheets/sheet1.xml", |xml| {
            // The last string cell of the sheet: a result or its heading.
            let at = xml.rfind(r#" t="s""#).unwrap();
            let start = xml[..at].rfind("<c ").unwrap();
            let r = &xml[start..at];
            cell = r[r.find("r=\"").unwrap() + 3..]
                .split('"')
                .next()
                .unwrap()
                .to_string();
            let v = at + xml[at..].find("<v>").unwrap() + 3;
            let end = v + xml[v..].find("</v>").unwrap();
            format!("{}{bad}{}", &xml[..v], &xml[end..])
        });
        let refused = survey::answer::answer_from_workbook(&hostile, "a.xlsx".into())
            .err()
            .unwrap_or_else(|| panic!("<v>{bad}</v> is refused"));
        let said = refused.describe(Lang::Ja);
        assert!(
            said.contains(&format!("!{cell}"))
                && said.contains(shown)
                && said.contains("文字列の番号"),
            "{said}"
        );
    }
}

/// A sub-item edited with words after its months (「各部との意見交換(8月) 3回」): the entry's
/// text, written again around it, reads those words as the next sub-item's. The report holds
/// that reading at once, as its file opens: the window showed them in the edited sub-item,
/// the saved file opened with them moved (and `check` said the text did not read as stored),
/// and a response made from it showed another division's result changed.
#[test]
fn a_sub_item_edited_with_words_after_its_months_holds_what_its_file_opens_as() {
    use shinchoku::edit::Intent;
    let sample = std::fs::read_to_string("assets/sample-report.ron").unwrap();
    let sample = shinchoku::store::from_ron(&sample).unwrap();
    let mut doc =
        shinchoku::document::Document::new(sample, shinchoku::document::Origin::Sample, Vec::new());
    let every = crate::as_written::every_entry;
    let sub = every(doc.report())
        .into_iter()
        .find(|e| e.text == "各部との意見交換(8月)")
        .map(|e| e.id)
        .expect("the sample's sub-item");
    let text = "各部との意見交換(8月) 3回実施".to_string();
    doc.perform(Intent::SetEntryText { id: sub, text }).unwrap();
    let parent = every(doc.report())
        .into_iter()
        .find(|e| e.subs.iter().any(|s| s.id == sub))
        .unwrap()
        .clone();
    assert!(
        parent
            .text
            .contains("各部との意見交換(8月) 3回実施、課題整理"),
        "{}",
        parent.text
    );
    let subs: Vec<&str> = parent.subs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        subs,
        [
            "各部との意見交換(8月)",
            "3回実施、課題整理、対応案の検討(9月)"
        ]
    );

    let saved = shinchoku::store::to_ron(doc.report());
    let (reopened, repaired) = shinchoku::store::from_ron_checked(&saved).unwrap();
    assert!(repaired.is_empty(), "{}", repaired.len());
    let mut reread = reopened.clone();
    let read = shinchoku::model::stale::read_again_where_stale(&mut reread, u64::MAX);
    assert!(read.is_empty(), "opened again, nothing is read anew");
    assert_eq!(reread.entry(parent.id).unwrap(), &parent);

    // Undone, the entry is as it was, its sub-items too.
    doc.undo();
    let back = doc.report().entry(parent.id).unwrap();
    assert_eq!(back.subs[0].text, "各部との意見交換(8月)");
    assert_eq!(back.subs.len(), 2);
}

/// An initiative's row repeated five thousand times (a 1 KB `.ods`, `number-rows-repeated`):
/// its 担当課 is one division, said as written again, not five thousand copies (each printed
/// beside every plan line: `check` took 592 MB for seven thousand, a CSV export 1.2 GB).
#[test]
fn a_division_written_again_by_repeated_rows_is_one_and_said() {
    use shinchoku::model::diag::WarningKind;
    let rows: String = crate::crafted::REPORT_ROWS
        .iter()
        .map(|r| crate::crafted::ods_row(r))
        .collect();
    let again = crate::crafted::ods_row(&["1", "① 研修", "", "", "・研修(4月)", "", "人事課"])
        .replacen(
            "<table:table-row>",
            r#"<table:table-row table:number-rows-repeated="5000">"#,
            1,
        );
    let ods = crate::crafted::ods(&format!("{rows}{again}"));
    let (report, warnings) = shinchoku::import::import_any(&ods, None).expect("opens");
    let i = report.initiatives().next().unwrap();
    assert_eq!(i.divisions, ["人事課"]);
    let twice: Vec<_> = (warnings.iter())
        .filter_map(|w| match &w.kind {
            WarningKind::DivisionTwice { division, count } => Some((division.as_str(), *count)),
            _ => None,
        })
        .collect();
    assert_eq!(twice, [("人事課", 5001)]);
    let said = warnings.iter().map(|w| w.describe(Lang::Ja));
    assert!(
        said.clone()
            .any(|s| s.contains("担当課「人事課」が5001回書かれています"))
    );
}

/// An indicator whose unit is typed full-width (％, as offices type it) reads a figure written
/// with either form: 「１２．５％」 was kept as text, said to be in another unit than ％, and no
/// rate was computed.
#[test]
fn a_full_width_percent_unit_reads_figures_in_either_form() {
    use shinchoku::model::figure::Decimal;
    use shinchoku::model::measures::figure_of;
    for (text, unit) in [("１２．５％", "％"), ("12.5%", "％"), ("１２．５％", "%")] {
        let read = figure_of(text, unit);
        assert_eq!(read.value, Some(Decimal::ratio(25, 2)), "{text} in {unit}");
        assert!(read.unread.is_empty());
    }
    assert!(
        figure_of("12.5件", "％").value.is_none(),
        "another unit is kept as written"
    );
}

/// A year's target kept as written (「約120」): no 達成率, not one against the final target
/// (the printout showed 「目標 約120件 … 達成率 88%」, 88% of the final 150), and the web page
/// shows the year's target as written (it showed the final one).
#[test]
fn a_years_target_kept_as_written_gives_no_rate_against_the_final_one() {
    use shinchoku::model::FiscalYear;
    use shinchoku::model::figure::Decimal;
    use shinchoku::model::measures::{Figure, Indicator, IndicatorYear};
    let year = FiscalYear(2017);
    let x = Indicator {
        name: "協創提案率".into(),
        unit: "件".into(),
        target: Figure::of(Decimal::whole(150)),
        years: vec![IndicatorYear {
            year,
            target: Figure {
                value: None,
                unread: "約120".into(),
            },
            actual: Figure::of(Decimal::whole(132)),
            first_half: Figure::default(),
        }],
        ..Indicator::default()
    };
    assert_eq!(x.achievement_rate(year), None);
    assert_eq!(x.met(year), None);
    assert_eq!(x.target_figure(year).display(), "約120");
    let mut report = crate::measures::seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    report
        .initiative_mut(first)
        .unwrap()
        .measures_mut()
        .indicators = vec![x];
    let html = shinchoku::export::export(
        &report,
        shinchoku::export::Format::Html,
        shinchoku::export::Encoding::Utf8,
    )
    .unwrap();
    let html = String::from_utf8(html.bytes).unwrap();
    assert!(
        html.contains("<td>約120</td>"),
        "the web page shows the year's target as written"
    );
}

/// A result broken inside its bracket (Alt+Enter in a cell: 「境界確定測量の実施（6月～」 /
/// 「延べ3件）」): each line is said to be broken in its bracket, not to have no months (the
/// months are written, on the first line).
#[test]
fn a_line_broken_inside_its_bracket_is_said_so() {
    use shinchoku::model::diag::WarningKind;
    let said = |entry: &str| {
        WarningKind::NoMonthsWritten {
            entry: entry.into(),
        }
        .describe(Lang::Ja)
    };
    assert!(said("境界確定測量の実施（6月～").contains("開いた括弧が行の中で閉じていません"));
    assert!(said("延べ3件）").contains("閉じる括弧の前に開く括弧がありません"));
    assert!(said("研修の実施").contains("時期（(6月) のような括弧の月）が書かれていません"));
}

/// A note in square brackets after a sub-item's months (「方針案の検討(9月)【10月決定予定】」)
/// keeps the sub-item: the line read as one entry, and the review and `diff` listed the
/// sub-item as removed though every word stood.
#[test]
fn a_square_bracket_after_a_sub_items_months_keeps_it_a_sub_item() {
    use shinchoku::model::entry_text::read_entry;
    let entry = read_entry(
        "組織定数調整方針の策定 方針案の検討(9月)【10月決定予定】",
        true,
        &mut Vec::new(),
    );
    let subs: Vec<&str> = entry.subs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(subs, ["方針案の検討(9月)【10月決定予定】"]);
    assert_eq!(entry.subs[0].when.as_deref(), Some("9月"));
    // Read as the same line without the note is.
    let subs_of = |text: &str| -> Vec<String> {
        let e = read_entry(text, true, &mut Vec::new());
        e.subs
            .iter()
            .map(|s| s.text.replace("【済】", ""))
            .collect()
    };
    assert_eq!(
        subs_of("研修 研修A(6月)【済】 研修B(8月)"),
        subs_of("研修 研修A(6月) 研修B(8月)")
    );
    assert_eq!(subs_of("研修 研修A(6月) 研修B(8月)").len(), 2);
    // A space inside the bracket is the note's: no sub-item 「周知済】」 with no months.
    let one = read_entry("研修の実施(6月)【全庁 周知済】", true, &mut Vec::new());
    assert!(one.subs.is_empty(), "{:?}", one.subs);
    assert_eq!(one.when.as_deref(), Some("6月"));
    let subs_of = |text: &str| -> Vec<String> {
        let e = read_entry(text, true, &mut Vec::new());
        e.subs
            .iter()
            .map(|s| s.text.replace("【全庁 周知済】", ""))
            .collect()
    };
    assert_eq!(
        subs_of("研修 研修A(6月)【全庁 周知済】 周知(7月)"),
        subs_of("研修 研修A(6月) 周知(7月)")
    );
}

/// An effect of △120 (a loss, as offices type it) is written △120 in every output that shows
/// it — the web page, the division's answer cell, the workbook (a number shown so) — and
/// reads back as the same number: they wrote -120 where the report table wrote △120.
#[test]
fn a_negative_effect_is_written_with_a_triangle_everywhere() {
    use shinchoku::export::{Encoding, Format, export};
    use shinchoku::model::FiscalYear;
    use shinchoku::model::measures::Money;
    let mut report = crate::measures::seed_with_measures();
    let first = report.sections[0].initiatives[0].id;
    let unit = report.measure_settings.yen_unit;
    let m = report.initiative_mut(first).unwrap().measures_mut();
    m.effects[0].actual = Money::yen(-120_000_000);
    assert_eq!(m.effects[0].actual.display(unit), "△120");
    let html = export(&report, Format::Html, Encoding::Utf8).unwrap().bytes;
    assert!(String::from_utf8(html).unwrap().contains("△120"));
    let xlsx = export(&report, Format::Xlsx, Encoding::Utf8).unwrap().bytes;
    let (back, _) = shinchoku::import::import_any(&xlsx, None).unwrap();
    let effect = back.sections[0].initiatives[0].measures().effects[0].clone();
    assert_eq!(effect.fiscal_year, FiscalYear(2017));
    assert_eq!(effect.actual.yen, Some(-120_000_000));
    let master = crate::surveyed(report);
    let division = crate::measures_answers::first_division(master.report());
    let response = shinchoku::survey::response_for(master.report(), &division, None, "");
    let book = shinchoku::survey::workbook::write(&response).unwrap();
    let read = shinchoku::survey::workbook::read(&book).unwrap();
    assert!(
        read.measures.iter().any(|r| r.answer == "△120"),
        "the division's cell"
    );
}

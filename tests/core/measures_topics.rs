//! Indicators on a topic (issue 25: 「数値目標 on an initiative or a topic」): the topic it
//! measures is carried through check --json, the XLSX, the web page, the report table and the
//! CSV, compare and the survey; a topic deleted leaves its indicators to the initiative.

use shinchoku::compare::diff;
use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::edit::measures::{IndicatorField, MeasureIntent, measures_division};
use shinchoku::export::{Encoding, Format, export};
use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::figure::Decimal;
use shinchoku::model::measures::{Figure, Indicator};
use shinchoku::model::{FiscalYear, Id, Report};
use shinchoku::survey::answer::answer_from_report;
use shinchoku::survey::collect::collect;

use crate::measures::seed_with_measures;

const FY: FiscalYear = FiscalYear(2017);

/// The seed with numbers and, on initiative 2, an indicator on its first headed topic.
fn with_topic_indicator() -> (Report, Id, Id, String) {
    let mut report = seed_with_measures();
    let second = report.initiatives().find(|i| i.number == "2").unwrap();
    let (initiative, topic) = (
        second.id,
        second.topics.iter().find(|t| t.heading.is_some()).unwrap(),
    );
    let (topic, heading) = (topic.id, topic.heading.clone().unwrap());
    let mut x = Indicator {
        name: "ポータル閲覧数".into(),
        unit: "件".into(),
        topic: Some(topic),
        target: Figure::of(Decimal::whole(5000)),
        ..Indicator::default()
    };
    x.year_mut(FY).actual = Figure::of(Decimal::whole(4000));
    report
        .initiative_mut(initiative)
        .unwrap()
        .measures_mut()
        .indicators
        .push(x);
    (report, initiative, topic, heading)
}

fn json_topic(report: &Report) -> serde_json::Value {
    let summary = shinchoku::summary::ReportSummary::new(report, &[]);
    let v = serde_json::to_value(&summary).unwrap();
    v["initiative_list"][1]["indicators"][0]["topic"].clone()
}

#[test]
fn an_indicator_on_a_topic_names_it_in_check_json_and_on_the_web_page() {
    let (report, _, _, heading) = with_topic_indicator();
    assert_eq!(json_topic(&report), serde_json::json!(heading));
    // An indicator of the initiative as a whole has none.
    let summary = shinchoku::summary::ReportSummary::new(&report, &[]);
    let v = serde_json::to_value(&summary).unwrap();
    assert_eq!(
        v["initiative_list"][0]["indicators"][0]["topic"],
        serde_json::Value::Null
    );
    let page =
        String::from_utf8(export(&report, Format::Html, Encoding::Utf8).unwrap().bytes).unwrap();
    assert!(
        page.contains(&format!(
            "<td>ポータル閲覧数</td><td>{heading}</td><td>件</td>"
        )),
        "the indicators' table has the topic beside the indicator"
    );
}

#[test]
fn an_indicator_on_a_topic_reads_back_from_the_xlsx_the_table_and_its_csv_form() {
    let (report, initiative, _, _) = with_topic_indicator();
    let measures = |r: &Report| r.initiative(initiative).unwrap().measures().clone();
    let xlsx = export(&report, Format::Xlsx, Encoding::Utf8).unwrap().bytes;
    let opened = import_workbook(&xlsx, WorkbookFormat::Xlsx).expect("opens");
    assert_eq!(measures(&opened.report), measures(&report));
    let table = shinchoku::export::table::to_table_text(&report);
    let back = shinchoku::import::import_text(&table).unwrap();
    assert_eq!(measures(&back.report), measures(&report));
    let csv = shinchoku::export::csv::to_csv(&report).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(",指標,指標の見出し,単位,")
    );
}

#[test]
fn an_indicators_topic_deleted_in_an_edit_falls_back_to_the_initiative_with_a_warning() {
    let (report, initiative, topic, _) = with_topic_indicator();
    let mut doc = Document::new(report.clone(), Origin::Sample, Vec::new());
    doc.perform(Intent::RemoveTopic { id: topic }).unwrap();
    // Not lost: still the initiative's, counted, said.
    let m = doc.report().initiative(initiative).unwrap().measures();
    assert_eq!(m.indicators.len(), 1);
    assert_eq!(m.indicators[0].actual_for(FY), Some(Decimal::whole(4000)));
    assert_eq!(json_topic(doc.report()), serde_json::Value::Null);
    let warnings: Vec<String> = shinchoku::model::check::warnings(doc.report())
        .iter()
        .map(|w| w.kind.describe(Lang::Ja))
        .collect();
    assert!(
        warnings.contains(
            &"取組2の指標「ポータル閲覧数」が測る見出しは削除されています。取組全体の指標として扱います"
                .to_string()
        ),
        "{warnings:?}"
    );
    // The table written then carries it as the initiative's.
    let back =
        shinchoku::import::import_text(&shinchoku::export::table::to_table_text(doc.report()))
            .unwrap();
    let x = &back
        .report
        .initiative(initiative)
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!((x.name.as_str(), x.topic), ("ポータル閲覧数", None));
    // Undone: the topic is back, and measured again.
    assert!(doc.undo());
    assert_eq!(doc.report(), &report);
    assert!(shinchoku::model::check::warnings(doc.report()).is_empty());
}

#[test]
fn compare_lists_an_indicator_moved_to_another_topic() {
    let (report, initiative, _, heading) = with_topic_indicator();
    let mut moved = report.clone();
    let i = moved.initiative_mut(initiative).unwrap();
    let other = i
        .topics
        .iter()
        .filter(|t| t.heading.is_some())
        .nth(1)
        .map(|t| (t.id, t.heading.clone().unwrap()));
    let (other, other_heading) = other.expect("initiative 2 has a second headed topic");
    i.measures_mut().indicators[0].topic = Some(other);
    let lines: Vec<String> = diff(&report, &moved)
        .changes
        .iter()
        .map(|c| c.describe(Lang::Ja))
        .collect();
    assert_eq!(
        lines,
        [format!(
            "指標「ポータル閲覧数」の見出し: {heading} → {other_heading}"
        )]
    );
}

#[test]
fn a_division_answers_a_topic_indicators_actual_like_any_other() {
    let (report, initiative, topic, _) = with_topic_indicator();
    let master = crate::measures_cycle::sent(report);
    let division = measures_division(master.initiative(initiative).unwrap())
        .unwrap()
        .to_string();
    let mut answer = Document::new(
        shinchoku::survey::response_for(&master, &division, None, ""),
        Origin::Sample,
        Vec::new(),
    );
    answer
        .perform(Intent::Measure(MeasureIntent::SetIndicatorFigure {
            initiative,
            index: 0,
            field: IndicatorField::YearActual(FY),
            text: "4,500".into(),
        }))
        .unwrap();
    let answer = answer_from_report(answer.into_report(), format!("{division}.ron")).unwrap();
    let collection = collect(
        &master,
        vec![Ok(answer)],
        crate::measures_cycle::answered_at(),
    );
    assert!(collection.refused.is_empty() && collection.conflicts().is_empty());
    let mut doc = Document::new(master, Origin::Sample, Vec::new());
    doc.perform(collection.intent(&[]).unwrap()).unwrap();
    let x = &doc
        .report()
        .initiative(initiative)
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!(x.actual_for(FY), Some(Decimal::whole(4500)));
    assert_eq!(x.topic, Some(topic));
}

#[test]
fn a_topic_cell_naming_no_topic_of_the_initiative_keeps_the_indicator_and_the_text() {
    let (report, initiative, _, heading) = with_topic_indicator();
    let table = shinchoku::export::table::to_table_text(&report).replacen(
        &format!("\t{heading}\t件\t"),
        "\t<ない見出し>\t件\t",
        1,
    );
    let back = shinchoku::import::import_text(&table).unwrap();
    let x = &back
        .report
        .initiative(initiative)
        .unwrap()
        .measures()
        .indicators[0];
    assert_eq!((x.name.as_str(), x.topic), ("ポータル閲覧数", None));
    assert!(back.report.unread.iter().any(|u| u.text == "<ない見出し>"));
    assert!(
        back.warnings.iter().any(|w| w
            .describe(Lang::En)
            .contains("initiative 2 has no topic 「<ない見出し>」")),
        "{:?}",
        back.warnings
    );
}

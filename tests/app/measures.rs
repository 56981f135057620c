//! 数値・評価 in the 状況の集計 window (issue 25): the summary figures, an actual typed and
//! undone, the rating filter.

use crate::helpers::*;
use shinchoku::document::Origin;
use shinchoku::model::FiscalYear;
use shinchoku::model::figure::Decimal;
use shinchoku::model::measures::{
    Effect, Figure, Indicator, IndicatorYear, MeasureSettings, Money, Rating, RatingLevel, YenUnit,
};

/// The sample with a scale, an indicator and an effect on initiative 1, rated S.
pub fn with_numbers() -> Document {
    let mut report = Document::sample().into_report();
    let r = &mut report;
    let level = |code: &str, label: &str| RatingLevel {
        code: code.into(),
        label: label.into(),
        meaning: String::new(),
        not_applicable: false,
    };
    r.measure_settings = MeasureSettings {
        rating_scale: vec![level("S", "特に良好に進捗"), level("A", "良好に進捗")],
        yen_unit: YenUnit::Million,
        ..Default::default()
    };
    let first = r.sections[0].initiatives[0].id;
    let m = r.initiative_mut(first).unwrap().measures_mut();
    m.indicators.push(Indicator {
        name: "電子申請件数".into(),
        unit: "件".into(),
        target: Figure::of(Decimal::whole(1200)),
        years: vec![IndicatorYear {
            year: FiscalYear(2017),
            target: Figure::default(),
            actual: Figure::of(Decimal::whole(900)),
            first_half: Figure::default(),
        }],
        ..Default::default()
    });
    m.effects.push(Effect {
        fiscal_year: FiscalYear(2017),
        planned: Money::yen(3_297_000_000),
        actual: Money::default(),
    });
    m.self_rating = Some(Rating {
        code: "S".into(),
        ..Default::default()
    });
    Document::new(report, Origin::Sample, Vec::new())
}

#[test]
fn the_summary_shows_the_numbers_and_an_actual_typed_there_is_one_undoable_step() {
    let doc = with_numbers();
    let before = doc.report().clone();
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1400.0);
    h.run();
    h.state_mut().queue(Action::ToggleSummary);
    h.run();
    h.get_by_label("数値目標・効果額・評価");
    // Planned 3,297 百万円 in all and in section I; 75% of the target reached.
    assert!(h.query_all_by_label("3297百万円").count() >= 2);
    // In the summary's editor, and on initiative 1's row in the grid's 数値目標 column.
    assert_eq!(h.query_all_by_label("75%").count(), 2);
    let field = h.get_by_role_and_label(egui::Role::TextInput, "電子申請件数（件）");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "電子申請件数（件）")
        .type_text("９，０００");
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "電子申請件数（件）")
        .focus();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let first = before.sections[0].initiatives[0].id;
    let actual = |h: &Harness<'static, ShinchokuApp>| {
        let report = h.state().document().report();
        report.initiative(first).unwrap().measures().indicators[0].actual_for(FiscalYear(2017))
    };
    assert_eq!(actual(&h), Some(Decimal::whole(9000)));
    h.state_mut().queue(Action::Undo);
    h.run();
    assert_eq!(*h.state().document().report(), before);
}

/// 比較 of a report with numbers against its saved copy, after an actual and the self-rating
/// were changed in the window: the panel lists both, in the words `diff` uses, and undoing
/// them leaves nothing to list.
#[test]
fn comparing_lists_a_changed_actual_and_a_changed_rating_in_the_panel() {
    use shinchoku::edit::measures::{IndicatorField, MeasureIntent, RatingLayer};
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let mut h = harness_with(ShinchokuApp::new(with_numbers(), Prefs::default()), 1400.0);
    h.run();
    h.state_mut().queue(FileCommand::SaveTo(old.clone()));
    h.run();
    let first = h.state().document().report().sections[0].initiatives[0].id;
    h.state_mut()
        .queue(Intent::Measure(MeasureIntent::SetIndicatorFigure {
            initiative: first,
            index: 0,
            field: IndicatorField::YearActual(FiscalYear(2017)),
            text: "950".into(),
        }));
    h.state_mut()
        .queue(Intent::Measure(MeasureIntent::SetRating {
            initiative: first,
            layer: RatingLayer::SelfRating,
            code: "A".into(),
            by: String::new(),
            on: None,
        }));
    h.state_mut().queue(CompareCommand::With(old.clone()));
    h.run();
    h.get_by_label_contains("指標「電子申請件数」の平成29年度実績: 900 → 950");
    h.get_by_label_contains("自己評価: S → A");
    for _ in 0..2 {
        h.state_mut().queue(Action::Undo);
    }
    h.run();
    assert!(h.state().comparison().unwrap().diff().same);
    assert!(h.query_by_label_contains("自己評価: S → A").is_none());
}

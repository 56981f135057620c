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

/// Every text the Japanese window shows of a report with numbers — the grid with its numbers'
/// columns and 評価 filter, 状況の集計 with 数値目標・効果額・評価, 数値目標・評価の編集 with 報告の設定
/// open, each menu opened — read from the screen reader's tree: the English words in it. What
/// shows only on hover (tooltips) is not in that tree and not walked here. Names of formats and
/// of the font (PDF, Excel, UTF-8 …) are the only ones allowed.
#[test]
fn the_japanese_window_of_a_report_with_numbers_shows_no_english_words() {
    use egui_kittest::kittest::{NodeT, by};
    let mut h = harness_with(ShinchokuApp::new(with_numbers(), Prefs::default()), 1400.0);
    h.run();
    let allowed = [
        "PDF",
        "Excel",
        "CSV",
        "TSV",
        "HTML",
        "UTF",
        "CP932",
        "Shift_JIS",
        "BIZ",
        "UDPGothic",
        "xlsx",
        "csv",
        "tsv",
        "html",
        "ron",
        "pdf",
        "Ctrl",
        "Shift",
        "Alt",
        "Enter",
        "Tab",
        "Esc",
        "English",
    ];
    // egui 0.37 names its own window and panel controls for the screen reader in English, with
    // no way to word them otherwise (containers/window.rs): left as they are, listed here.
    let egui_own = |text: &str| {
        text == "Close window"
            || text == "Hide"
            || text == "Show"
            || text == "Resize panel"
            || text.starts_with("Resize window ")
    };
    // A section's Roman numeral (II) is the report's text.
    let numeral = |w: &str| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let mut english = Vec::new();
    let mut read = |h: &Harness<'static, ShinchokuApp>| {
        for node in h.query_all(by().predicate(|_| true)) {
            let node = node.accesskit_node();
            let texts = [node.label(), node.value(), node.description()];
            for text in texts.into_iter().flatten().filter(|t| !egui_own(t)) {
                let mut words = text
                    .split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
                    .filter(|w| w.len() >= 2 && !allowed.contains(w) && !numeral(w));
                if words.next().is_some() {
                    english.push(text.to_string());
                }
            }
        }
    };
    // The plan years' header names each year in Japanese, its Western year without "FY".
    h.get_by_label("29年度 (2017)");
    read(&h);
    // Each menu, opened: its items and their shortcuts (the arrow keys as ← → ↑ ↓).
    for menu in ["ファイル", "編集", "表示", "ヘルプ"] {
        h.get_by_label(menu).click();
        h.run();
        h.run();
        if menu == "表示" {
            h.get_by_label("すべて展開");
        }
        read(&h);
        h.get_by_label(menu).click();
        h.run();
        h.run();
    }
    // The windows over the grid (opened after the menus, which they may cover).
    let first = h.state().document().report().sections[0].initiatives[0].id;
    h.state_mut().queue(ViewCommand::Select(first));
    h.state_mut().queue(Action::ToggleSummary);
    h.state_mut().queue(Action::ToggleMeasureEditor);
    h.run();
    h.run();
    h.get_by_label_contains("報告の設定").click();
    h.run();
    h.run();
    read(&h);
    english.sort();
    english.dedup();
    assert!(english.is_empty(), "{english:#?}");
}

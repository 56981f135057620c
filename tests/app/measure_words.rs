//! The numbers' words in the window's language (issue 25): the money unit named in English in
//! the English window — the grid's 効果額 header, the 状況の集計 summary, the editor — and in
//! Japanese in the Japanese one; a total too large to compute shown as such, never as a
//! number cut at the largest one kept.

use crate::helpers::*;
use crate::measures::with_numbers;
use shinchoku::model::FiscalYear;
use shinchoku::model::measures::Money;

fn in_language(doc: Document, lang: Lang) -> Harness<'static, ShinchokuApp> {
    let mut h = harness_with(ShinchokuApp::new(doc, Prefs::default()), 1400.0);
    h.state_mut().queue(PrefsCommand::SetLanguage(lang));
    h.run();
    let first = h.state().document().report().sections[0].initiatives[0].id;
    h.state_mut().queue(ViewCommand::Select(first));
    h.state_mut().queue(Action::ToggleSummary);
    h.state_mut().queue(Action::ToggleMeasureEditor);
    h.run();
    h.run();
    h
}

#[test]
fn the_english_window_names_the_money_unit_in_english() {
    let h = in_language(with_numbers(), Lang::En);
    // The grid's column group and the editor's effects heading.
    assert!(h.query_all_by_label("Effects (million yen)").count() >= 2);
    // The summary's totals (section I and all) and the effect's field there.
    assert!(h.query_all_by_label("3297 million yen").count() >= 2);
    h.get_by_label("effect (million yen)");
    // The indicator's field there, its unit in English brackets.
    h.get_by_label("電子申請件数 (件)");
    let mixed: Vec<String> = h
        .query_all_by_label_contains("百万円")
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(mixed.is_empty(), "{mixed:#?}");
}

#[test]
fn the_japanese_window_names_the_money_unit_in_japanese() {
    let h = in_language(with_numbers(), Lang::Ja);
    assert!(h.query_all_by_label("効果額（百万円）").count() >= 2);
    assert!(h.query_all_by_label("3297百万円").count() >= 2);
    assert!(h.query_all_by_label_contains("million").next().is_none());
}

/// `with_numbers` with initiative 2 planning as much as initiative 1 and both 5 × 10^18 yen:
/// each fits, their sum does not.
fn too_large() -> Document {
    let mut report = with_numbers().into_report();
    let ids: Vec<_> = report.sections[0]
        .initiatives
        .iter()
        .map(|i| i.id)
        .take(2)
        .collect();
    for id in ids {
        let m = report.initiative_mut(id).unwrap().measures_mut();
        m.effect_mut(FiscalYear(2017)).planned = Money::yen(5_000_000_000_000_000_000);
    }
    Document::new(report, shinchoku::document::Origin::Sample, Vec::new())
}

#[test]
fn a_total_too_large_to_compute_shows_as_such_in_the_summary_in_either_language() {
    for (lang, words) in [(Lang::Ja, "計算不能"), (Lang::En, "too large to total")] {
        let h = in_language(too_large(), lang);
        // Section I's planned total and the programme's.
        assert_eq!(h.query_all_by_label(words).count(), 2, "{words}");
        assert!(
            h.query_all_by_label_contains("9223372036854")
                .next()
                .is_none(),
            "no total cut at the largest kept"
        );
    }
}

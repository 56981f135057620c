//! Characters that do not show (control characters, bidirectional overrides, zero-width
//! spaces) coming in — from a table, a workbook, a saved report or typing — are kept as written
//! and warned about, naming the entry.

use shinchoku::document::{Document, Origin};
use shinchoku::edit::Intent;
use shinchoku::export::{Encoding, Format, export_bytes};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::{Warning, WarningKind};
use shinchoku::model::text_place::TextField;

use crate::{SEED, seed};

fn invisible(warnings: &[Warning]) -> Vec<&Warning> {
    warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::InvisibleCharacters { .. }))
        .collect()
}

const ODD: &str = "新規採用職員研修\u{1b}[2J\u{202E}";

#[test]
fn a_table_with_control_characters_is_read_as_written_and_warns_naming_the_entry() {
    // An ESC sequence written raw, a right-to-left override as a reference.
    let table = SEED.replacen("新規採用職員研修", "新規採用職員研修\u{1b}[2J&#8238;", 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    let ten = imported.report.find_initiative("10").unwrap();
    assert!(
        ten.topics[0].actual[0].text.contains(ODD),
        "kept as written"
    );
    let found = invisible(&imported.warnings);
    assert_eq!(found.len(), 1, "{:?}", imported.warnings);
    let WarningKind::InvisibleCharacters { place, chars, .. } = &found[0].kind else {
        unreachable!()
    };
    assert_eq!(place.initiative.as_deref(), Some("10"));
    assert_eq!(place.field, TextField::Actual);
    assert_eq!(chars, &['\u{1b}', '\u{202E}']);
    let ja = found[0].describe(Lang::Ja);
    assert!(ja.contains("取組10") && ja.contains("実績"), "{ja}");
    assert!(ja.contains("<ESC U+001B>、<RLO U+202E>"), "{ja}");
    let en = found[0].describe(Lang::En);
    assert!(
        en.contains("initiative 10") && en.contains("<ESC U+001B>"),
        "{en}"
    );
    assert!(
        !en.contains('\u{1b}'),
        "the message shows it by its mark: {en}"
    );
    // The seed itself has none.
    assert!(invisible(&seed().warnings).is_empty());
}

#[test]
fn a_workbook_cell_with_control_characters_warns_naming_the_entry() {
    let mut report = seed().report;
    report.sections[0].initiatives[0]
        .title
        .push_str("\u{7}\u{9b}");
    let bytes = export_bytes(&report, Format::Xlsx, Encoding::Utf8).unwrap();
    let (read, warnings) = shinchoku::import::import_any(&bytes, None).unwrap();
    assert!(
        read.initiatives()
            .next()
            .unwrap()
            .title
            .ends_with("\u{7}\u{9b}")
    );
    let found = invisible(&warnings);
    assert_eq!(found.len(), 1, "{warnings:?}");
    let en = found[0].describe(Lang::En);
    assert!(en.contains("initiative 1, title") && en.contains("<BEL U+0007>, <CSI U+009B>"));
}

#[test]
fn a_saved_report_with_control_characters_warns_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.ron");
    let mut report = seed().report;
    report.sections[0].initiatives[0].topics[0].heading = Some("見出し\u{200B}".into());
    shinchoku::store::save(&path, &report).unwrap();
    let opened = shinchoku::open_report(&path).unwrap();
    let found = invisible(&opened.warnings);
    assert_eq!(found.len(), 1, "{:?}", opened.warnings);
    assert!(found[0].describe(Lang::Ja).contains("<ZWSP U+200B>"));
}

#[test]
fn typed_text_with_control_characters_warns_and_undo_takes_the_warning_away() {
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let id = doc.report().find_initiative("4").unwrap().topics[0].plan[0].id;
    doc.perform(Intent::SetEntryText {
        id,
        text: format!("{ODD}(6月)"),
    })
    .unwrap();
    assert_eq!(invisible(&doc.warnings).len(), 1, "pasted: warned");
    assert!(doc.report().entry(id).unwrap().text.contains(ODD), "kept");
    doc.undo();
    assert!(invisible(&doc.warnings).is_empty(), "undone: no warning");
    doc.redo();
    assert_eq!(invisible(&doc.warnings).len(), 1, "redone: warned again");
    // Ordinary typing checks the typed text alone.
    let other = doc.report().find_initiative("4").unwrap().topics[0].plan[1].id;
    doc.perform(Intent::SetEntryText {
        id: other,
        text: "見直し(7月)".into(),
    })
    .unwrap();
    assert_eq!(invisible(&doc.warnings).len(), 1);
}

fn boxed(warnings: &[Warning]) -> Vec<&Warning> {
    warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::NoGlyph { .. }))
        .collect()
}

/// 𠮷 (a name's variant outside JIS) and an emoji: the bundled font has neither, so the window
/// and the printout would show boxes.
const BOXED: &str = "𠮷田地区との協定締結(7月)✅";

#[test]
fn characters_the_bundled_font_cannot_draw_are_kept_and_warned_of_from_a_table_and_when_typed() {
    let table = SEED.replacen("新規採用職員研修", BOXED, 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    let ten = imported.report.find_initiative("10").unwrap();
    assert!(
        ten.topics[0].actual[0].text.contains(BOXED),
        "kept as written"
    );
    let found = boxed(&imported.warnings);
    assert_eq!(found.len(), 1, "{:?}", imported.warnings);
    let WarningKind::NoGlyph { place, chars, .. } = &found[0].kind else {
        unreachable!()
    };
    assert_eq!(place.initiative.as_deref(), Some("10"));
    assert_eq!(chars, &['𠮷', '✅']);
    let ja = found[0].describe(Lang::Ja);
    assert!(
        ja.contains("取組10") && ja.contains("𠮷 (U+20BB7)、✅ (U+2705)") && ja.contains("□"),
        "{ja}"
    );
    assert!(found[0].describe(Lang::En).contains("no glyph"));
    assert!(boxed(&seed().warnings).is_empty(), "the seed has none");

    // Typed in the window: said at once, and gone with the undo.
    let mut doc = Document::new(seed().report, Origin::Sample, Vec::new());
    let id = doc.report().find_initiative("10").unwrap().topics[0].actual[0].id;
    doc.perform(Intent::SetEntryText {
        id,
        text: BOXED.into(),
    })
    .unwrap();
    assert_eq!(boxed(&doc.warnings).len(), 1);
    assert!(doc.undo());
    assert!(boxed(&doc.warnings).is_empty());
}

/// The texts of the numbers and judgements come in too — an indicator's name and unit typed by
/// the office, a rating code or a figure a division wrote, the committee's comment — and are
/// warned about like any other text, naming the initiative.
#[test]
fn numbers_and_judgements_with_control_characters_or_boxed_characters_are_warned_of() {
    use shinchoku::edit::measures::{MeasureIntent, RatingLayer};
    let mut doc = Document::new(
        crate::measures::seed_with_measures(),
        Origin::Sample,
        Vec::new(),
    );
    assert!(invisible(&doc.warnings).is_empty() && boxed(&doc.warnings).is_empty());
    let first = doc.report().sections[0].initiatives[0].id;
    doc.perform(Intent::Measure(MeasureIntent::SetRating {
        initiative: first,
        layer: RatingLayer::SelfRating,
        code: "B\u{1b}[2J".into(),
        by: String::new(),
        on: None,
    }))
    .unwrap();
    let found = invisible(&doc.warnings);
    assert_eq!(found.len(), 1, "typed: warned at once {:?}", doc.warnings);
    let WarningKind::InvisibleCharacters { place, chars, .. } = &found[0].kind else {
        unreachable!()
    };
    assert_eq!(place.initiative.as_deref(), Some("1"));
    assert_eq!(place.field, TextField::Measures);
    assert_eq!(chars, &['\u{1b}']);
    assert!(found[0].describe(Lang::Ja).contains("「B<ESC U+001B>[2J」"));
    assert!(doc.undo());
    assert!(invisible(&doc.warnings).is_empty(), "undone: no warning");

    // A figure kept as written, the indicator's name, the comment: `check` says each.
    let mut report = crate::measures::seed_with_measures();
    let m = report.sections[0].initiatives[0].measures_mut();
    m.indicators[0].name = "電子申請件数\u{202E}".into();
    m.indicators[0].years[0].actual = shinchoku::model::measures::figure_of("約1,100\u{0}", "");
    m.comment = Some(shinchoku::model::measures::Comment {
        text: "順調です✅".into(),
        ..Default::default()
    });
    let checked = shinchoku::model::check::warnings(&report);
    let said: Vec<String> = invisible(&checked)
        .iter()
        .chain(&boxed(&checked))
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    for text in [
        "電子申請件数<RLO U+202E>",
        "約1,100<NUL U+0000>",
        "✅ (U+2705)",
    ] {
        assert!(
            said.iter()
                .any(|s| s.contains("取組1の数値目標・効果額・評価の記載") && s.contains(text)),
            "{text}: {said:?}"
        );
    }
}

/// A text holding a great many characters the font lacks (a pasted page of another script)
/// is warned of naming the first twenty and how many more, not with a list as long as itself.
#[test]
fn a_text_with_many_characters_the_font_lacks_names_twenty_and_counts_the_rest() {
    let many: String = (0x20000u32..0x20000 + 30)
        .filter_map(char::from_u32)
        .collect();
    let table = SEED.replacen("新規採用職員研修", &many, 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    let found = boxed(&imported.warnings);
    assert_eq!(found.len(), 1, "{:?}", imported.warnings);
    let WarningKind::NoGlyph { chars, .. } = &found[0].kind else {
        unreachable!()
    };
    assert!(
        chars.len() > 25,
        "every one is kept in the warning: {chars:?}"
    );
    let (last, next) = (chars[19], chars[20]);
    let more = chars.len() - 20;
    let ja = found[0].describe(Lang::Ja);
    assert!(
        ja.contains(&format!("{last} (U+{:04X})、ほか{more}字", last as u32)),
        "{ja}"
    );
    assert!(!ja.contains(&format!("U+{:04X}", next as u32)), "{ja}");
    let en = found[0].describe(Lang::En);
    assert!(en.contains(&format!("and {more} more")), "{en}");
}

/// A BOM or a zero-width space before an initiative's number (two tables joined, a paste) hid
/// the whole initiative — its plan, results and 担当課 — without a word. It is read, its number
/// kept as written and named by `check`.
#[test]
fn an_invisible_character_before_an_initiative_number_keeps_the_initiative() {
    for mark in ['\u{FEFF}', '\u{200B}'] {
        let table = SEED.replacen("\n2\t② ", &format!("\n{mark}2\t② "), 1);
        assert_ne!(table, SEED);
        let imported = shinchoku::import::import_text(&table).unwrap();
        let report = &imported.report;
        assert_eq!(report.initiative_count(), 11, "{mark:?}");
        let number = format!("{mark}2");
        let two = report.find_initiative(&number).expect("initiative 2");
        assert_eq!(
            two.topics.len(),
            seed().report.find_initiative("2").unwrap().topics.len()
        );
        let warnings = shinchoku::model::check::invisible_characters(report);
        let said = crate::described_ja(&warnings);
        assert!(said.iter().any(|w| w.contains("番号")), "{said:?}");
    }
}

/// An initiative row whose number reads as none (`X2`) is not passed over as the stage
/// table's header row it also holds: it is kept in the unread list and said, naming the row.
#[test]
fn an_initiative_row_with_an_unreadable_number_is_kept_and_said() {
    let table = SEED.replacen("\n2\t② ", "\nX2\t② ", 1);
    let imported = shinchoku::import::import_text(&table).unwrap();
    assert_eq!(imported.report.initiative_count(), 10);
    let kept = imported
        .report
        .unread
        .iter()
        .find(|u| u.text.starts_with("X2\t② 協創による事業"))
        .expect("the row kept as written");
    assert_eq!(kept.row, 10);
    assert!(kept.text.contains("ポータルサイトの運用、充実"));
    assert!(
        imported.warnings.iter().any(|w| w.at.row == Some(10)),
        "{:?}",
        imported.warnings
    );
}

/// A TAB, U+2028 or a soft hyphen between the words of a result (pasted into a workbook cell)
/// stays inside the result it was typed in, so the web page shows it by its mark as the warning
/// says: read as the break between a head and its sub-item, the result showed as two rows and
/// the character nowhere. A soft hyphen (shown nowhere but at a line's end) is warned about
/// and marked too. Spaces as typed still part a head from its sub-items.
#[test]
fn a_character_that_does_not_show_between_words_is_shown_where_it_was_typed() {
    for (typed, mark) in [
        ("タブ\t入りの実績(8月)", "&lt;TAB U+0009&gt;"),
        ("行区切り\u{2028}入り(8月)", "&lt;LSEP U+2028&gt;"),
        ("ソフト\u{AD}ハイフン入り(8月)", "&lt;SHY U+00AD&gt;"),
    ] {
        let entry = shinchoku::model::entry_text::read_entry(typed, true, &mut Vec::new());
        assert!(entry.subs.is_empty(), "{typed:?}: {:?}", entry.subs);
        assert_eq!(
            entry.timing.as_ref().unwrap().months.calendar_months(),
            vec![8]
        );
        let mut report = seed().report;
        let topic = &mut report.sections[0].initiatives[1].topics[0];
        topic.actual[0] = entry;
        let html = String::from_utf8(export_bytes(&report, Format::Html, Encoding::Utf8).unwrap())
            .unwrap();
        assert!(html.contains(mark), "{typed:?}");
        let said = invisible(&shinchoku::model::check::invisible_characters(&report)).len();
        assert_eq!(said, 1, "{typed:?}");
    }
    let spaced = shinchoku::model::entry_text::read_entry(
        "職員研修の実施 新規採用職員研修(4月)",
        true,
        &mut Vec::new(),
    );
    assert_eq!(spaced.subs.len(), 1);
}

/// Characters Unicode says to draw as nothing beyond the format characters — a Hangul filler,
/// a blank braille pattern, a musical format character, a variation selector — after a
/// division's name: each made a second division reading 「総務部人事課」, unsaid, and a second
/// response file of the same shown name. Now each is a character that does not show: warned of
/// and marked, the names said as one division written two ways, the files told apart by `_`.
#[test]
fn a_division_name_with_a_character_unicode_draws_as_nothing_is_marked_and_said_alike() {
    use shinchoku::model::text::{is_invisible, visible};
    let odd = [
        '\u{3164}',
        '\u{FFA0}',
        '\u{115F}',
        '\u{1160}',
        '\u{2800}',
        '\u{1D173}',
        '\u{34F}',
        '\u{FE0F}',
    ];
    let mut report = seed().report;
    let rows = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut());
    for (i, c) in rows.zip(odd) {
        i.divisions = vec![format!("総務部人事課{c}")];
        i.topics.iter_mut().for_each(|t| t.division = None);
    }
    let names: Vec<&str> = report.division_names();
    let odd_names: Vec<&&str> = (names.iter())
        .filter(|n| n.starts_with("総務部人事課") && n.len() > "総務部人事課".len())
        .collect();
    assert_eq!(odd_names.len(), odd.len(), "{names:?}");
    for name in &odd_names {
        let c = name.chars().last().unwrap();
        assert!(is_invisible(c), "{c:?}");
        assert!(
            visible(name).contains(&format!("U+{:04X}>", c as u32)),
            "{name}"
        );
    }
    let warned = shinchoku::model::check::invisible_characters(&report);
    assert!(warned.len() >= odd.len(), "{warned:?}");
    let alike: Vec<String> = (shinchoku::model::check::divisions_alike(&report).iter())
        .map(|w| w.describe(Lang::Ja))
        .collect();
    assert!(
        alike
            .iter()
            .any(|w| w.contains("空白や見えない文字のほかは同じ")
                && w.contains("「総務部人事課\u{3164}」")),
        "{alike:?}"
    );
    let stems = shinchoku::survey::send::file_stems(
        &names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
    );
    for (name, stem) in names.iter().zip(&stems) {
        if odd_names.contains(&name) {
            assert!(stem.starts_with("総務部人事課_"), "{name:?} → {stem}");
        }
    }
}

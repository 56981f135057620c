//! Whatever a user hands the importer, it answers with a report and warnings or a clear error,
//! never a panic, and never drops text.

use proptest::prelude::*;
use shinchoku::import::{import_bytes, import_text};
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::diag::{ImportErrorKind, WarningKind};

use crate::SEED;

fn lines() -> Vec<&'static str> {
    SEED.split('\n').collect()
}

fn with_line(number: usize, f: impl Fn(&str) -> String) -> String {
    let mut l: Vec<String> = lines().into_iter().map(str::to_string).collect();
    l[number - 1] = f(&l[number - 1]);
    l.join("\n")
}

#[test]
fn random_bytes_are_refused_with_a_message() {
    let mut state: u64 = 0x5EED;
    for len in [1, 7, 100, 4096] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) as u8
            })
            .collect();
        let err = import_bytes(&bytes).expect_err("random bytes are not a report");
        assert!(
            matches!(
                err.kind,
                ImportErrorKind::NotText(_)
                    | ImportErrorKind::NoHeaderRow
                    | ImportErrorKind::Binary
            ),
            "{err}"
        );
    }
}

#[test]
fn an_empty_file_says_it_is_empty() {
    for bytes in [&b""[..], b"\n\n  \r\n"] {
        let err = import_bytes(bytes).expect_err("empty");
        assert_eq!(err.kind, ImportErrorKind::Empty, "{err}");
    }
}

#[test]
fn a_truncated_file_keeps_what_is_there_and_says_where_it_stops() {
    // Cut inside initiative 10's stage table (row 54).
    let cut = SEED.find("□サイバー攻撃等を想定した初動訓練").unwrap();
    let imported = import_text(&SEED[..cut]).expect("the part before the cut imports");
    assert_eq!(imported.report.initiative_count(), 10);
    let on_54: Vec<&WarningKind> = imported
        .warnings
        .iter()
        .filter(|w| w.at.row == Some(54))
        .map(|w| &w.kind)
        .collect();
    assert!(on_54.contains(&&WarningKind::TableNotClosed), "{on_54:?}");
    assert!(
        on_54
            .iter()
            .any(|k| matches!(k, WarningKind::RowCutShort { missing, .. }
            if missing.iter().any(|(_, name)| name == "年次計画"))),
        "{on_54:?}"
    );
}

#[test]
fn a_row_with_too_few_fields_names_the_row_and_the_missing_fields() {
    let text = with_line(7, |l| l.split('\t').take(10).collect::<Vec<_>>().join("\t"));
    let imported = import_text(&text).expect("imports with a warning");
    let w = imported
        .warnings
        .iter()
        .find(|w| w.at.row == Some(7) && matches!(w.kind, WarningKind::RowCutShort { .. }))
        .expect("a warning on row 7 about the missing fields");
    let WarningKind::RowCutShort { missing, .. } = &w.kind else {
        unreachable!()
    };
    assert!(missing.contains(&(14, "年次計画".to_string())), "{w}");
    assert!(missing.iter().any(|(_, name)| name == "担当課"), "{w}");
    // Said in words that name the field, in either language.
    assert!(w.to_string().contains("field 14 (年次計画)"), "{w}");
    assert!(w.describe(Lang::Ja).contains("14列目（年次計画）"), "{w}");
    // The stage plan, which is there, is still read.
    assert_eq!(imported.report.find_initiative("1").unwrap().items.len(), 1);
}

#[test]
fn an_unclosed_html_table_is_read_as_far_as_it_goes() {
    let text = with_line(10, |l| l.replacen("</table>", "", 1));
    let imported = import_text(&text).expect("imports with a warning");
    let w = imported
        .warnings
        .iter()
        .find(|w| w.at.row == Some(10))
        .expect("a warning on row 10");
    assert_eq!(w.at.field, Some(3));
    assert_eq!(w.kind, WarningKind::TableNotClosed, "{w}");
    assert_eq!(imported.report.find_initiative("2").unwrap().items.len(), 2);
}

#[test]
fn an_unknown_month_expression_is_kept_as_text_with_a_warning() {
    let text = with_line(10, |l| l.replacen("(6月)", "(6月の第3水曜)", 1));
    let imported = import_text(&text).expect("imports with a warning");
    let w = imported
        .warnings
        .iter()
        .find(|w| w.at.row == Some(10))
        .expect("a warning on row 10");
    assert_eq!(w.at.field_name.as_deref(), Some("実績"));
    assert!(
        matches!(&w.kind, WarningKind::UnreadableMonths { expression, .. } if expression == "6月の第3水曜"),
        "{w}"
    );
    let i = imported.report.find_initiative("2").unwrap();
    let e = &i.topics[0].actual[1];
    assert_eq!(e.text, "職員向けメルマガにおける周知(6月の第3水曜)");
    assert_eq!(e.when.as_deref(), Some("6月の第3水曜"));
    assert!(e.timing.is_none());
    // The same warning comes back when the report is checked after saving.
    let warnings = shinchoku::model::check::warnings(&imported.report);
    assert!(warnings.iter().any(
        |w| matches!(&w.kind, WarningKind::UnreadableMonths { expression, .. } if expression == "6月の第3水曜")
    ));
}

#[test]
fn a_row_nobody_understands_is_kept() {
    let text = with_line(17, |_| "メモ\t要確認".to_string());
    let imported = import_text(&text).expect("imports with a warning");
    assert!(imported.warnings.iter().any(|w| w.at.row == Some(17)));
    assert_eq!(imported.report.unread.len(), 1);
    assert_eq!(imported.report.unread[0].text, "メモ\t要確認");
}

#[test]
fn a_plain_stage_row_that_disagrees_with_the_table_is_reported() {
    let text = with_line(9, |l| l.replace("順次実施", "実施"));
    let imported = import_text(&text).expect("imports with a warning");
    let w = imported
        .warnings
        .iter()
        .find(|w| w.at.row == Some(9))
        .expect("a warning on row 9");
    assert!(matches!(w.kind, WarningKind::PlainRowDiffers { .. }), "{w}");
    // The HTML table wins.
    let i = imported.report.find_initiative("1").unwrap();
    assert_eq!(i.items[0].lanes[0][1].label, "順次実施");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_bytes(&bytes);
    }

    #[test]
    fn any_cut_or_damage_of_the_seed_never_panics(
        cut in 0..SEED.len(),
        noise in proptest::collection::vec((0..SEED.len(), any::<u8>()), 0..8),
    ) {
        let mut bytes = SEED.as_bytes()[..cut].to_vec();
        for (at, b) in noise {
            if at < bytes.len() {
                bytes[at] = b;
            }
        }
        let _ = import_bytes(&bytes);
    }
}

/// A byte-order mark or zero-width space before the first 番号 (left where two files were
/// pasted together) hides no header: every section is read (section I and its three
/// initiatives were dropped without a word). A header row that really cannot be read leaves
/// the section and initiative rows above the next one unread, kept and said row by row.
#[test]
fn an_invisible_mark_before_the_header_drops_nothing_and_rows_above_a_header_are_said() {
    for mark in ['\u{FEFF}', '\u{200B}'] {
        let text = with_line(5, |l| format!("{mark}{l}"));
        let imported = import_text(&text).unwrap();
        assert_eq!(imported.report.sections.len(), 3, "{mark:?}");
        assert_eq!(imported.report.initiatives().count(), 11, "{mark:?}");
    }
    let text = with_line(5, |l| l.replacen("番号", "番　号", 1));
    let imported = import_text(&text).unwrap();
    let above: Vec<usize> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::AboveHeader { .. }))
        .filter_map(|w| w.at.row)
        .collect();
    assert!(above.contains(&6) && above.contains(&7), "{above:?}");
    let kept: Vec<&str> = crate::unread_texts(&imported.report);
    assert!(kept.iter().any(|t| t.starts_with("1\t")), "{kept:?}");
    let said = imported.warnings[0].describe(Lang::Ja);
    assert!(said.contains("見出し行"), "{said}");
    // The TAB between the row's cells, as kept, is no character typed: not warned of.
    assert!(
        !imported
            .warnings
            .iter()
            .any(|w| matches!(w.kind, WarningKind::InvisibleCharacters { .. })),
        "{:?}",
        imported.warnings
    );
    // A title block's date, material number or heading is no section or initiative row.
    let text = with_line(1, |l| {
        format!(
            "資料２\n2017.10.13\n29.10.13\n1\t行財政改革の推進について\n１\t（１）\t概要\n1. 概要\n{l}"
        )
    });
    let imported = import_text(&text).unwrap();
    let above = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::AboveHeader { .. }))
        .count();
    assert_eq!(above, 0, "{:?}", imported.warnings);
    assert_eq!(imported.report.initiatives().count(), 11);
    // Yet each is the office's text: kept, and said (those numbered as a section or an
    // initiative were dropped without a word).
    let kept: Vec<&str> = crate::unread_texts(&imported.report);
    for row in ["1\t行財政改革の推進について", "１\t（１）\t概要", "1. 概要"] {
        assert!(kept.contains(&row), "{row}: {kept:?}");
        assert!(
            (imported.warnings.iter())
                .any(|w| matches!(&w.kind, WarningKind::TextAboveHeader { text } if text == row)),
            "{row}"
        );
    }
}

/// A note under the money unit declared above the header (「（単位：百万円）」 then 「※ 未定稿」) is
/// the office's: kept and said (every row after a declaration went to the numbers' reader,
/// which keeps none above the header: the note was lost unsaid). The declaration and a rating
/// scale's head and levels are read, not kept — where the header has columns of numbers;
/// without them nothing reads the declarations, and they are kept and said too (they were
/// lost without a word).
#[test]
fn a_note_under_the_numbers_declaration_is_kept_and_said() {
    use shinchoku::export::{Encoding, Format, export_bytes};
    let report = crate::measures::seed_with_measures();
    let table = export_bytes(&report, Format::Table, Encoding::Utf8).unwrap();
    let table = String::from_utf8(table).unwrap();
    let header = table.find("\n番号\t").unwrap();
    let noted = format!("{}\n※ 未定稿{}", &table[..header], &table[header..]);
    let imported = import_text(&noted).unwrap();
    assert_eq!(crate::unread_texts(&imported.report), ["※ 未定稿"]);
    assert!(
        (imported.warnings.iter()).any(
            |w| matches!(&w.kind, WarningKind::TextAboveHeader { text } if text == "※ 未定稿")
        )
    );
    assert_eq!(
        imported.report.measure_settings.rating_scale,
        report.measure_settings.rating_scale
    );
    // A scale written `S：…` a level a row, no head: read, not kept (each was said not read).
    let start = noted.find("\n評価\t内容").unwrap();
    let end = noted.find("\n※ 未定稿").unwrap();
    let colons = format!(
        "{}\nS：特に良好に進捗\nA：良好に進捗\nB：概ね進捗{}",
        &noted[..start],
        &noted[end..]
    );
    let imported = import_text(&colons).unwrap();
    assert_eq!(crate::unread_texts(&imported.report), ["※ 未定稿"]);
    let codes: Vec<&str> = (imported.report.measure_settings.rating_scale.iter())
        .map(|l| l.code.as_str())
        .collect();
    assert_eq!(codes[..3], ["S", "A", "B"]);
    // The seed's header has no columns of numbers: every row above it is kept.
    let text = with_line(5, |l| {
        format!("（単位：千円）\n評価\t内容\nA\t順調\nB\t遅れ\n※ 未定稿\n{l}")
    });
    let imported = import_text(&text).unwrap();
    let kept: Vec<&str> = crate::unread_texts(&imported.report);
    assert_eq!(
        kept,
        [
            "（単位：千円）",
            "評価\t内容",
            "A\t順調",
            "B\t遅れ",
            "※ 未定稿"
        ]
    );
}

/// The seed written as a CSV with the line ends of an old Mac (CR), or mixed (CRLF, LF, CR):
/// each warning names the row an editor shows, as for the TSV (every one said "row 1", or a
/// row off by those ends).
#[test]
fn a_csv_with_cr_or_mixed_line_ends_names_the_rows_an_editor_shows() {
    let rows_of = |text: &str| -> Vec<Option<usize>> {
        import_text(text)
            .unwrap()
            .warnings
            .iter()
            .map(|w| w.at.row)
            .collect()
    };
    let expected = rows_of(SEED);
    assert!(
        expected.iter().any(|r| r.is_some_and(|r| r > 50)),
        "{expected:?}"
    );
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for line in lines() {
        writer.write_record(line.split('\t')).unwrap();
    }
    let lf = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let cr = lf.replace('\n', "\r");
    let ends = ["\r\n", "\n", "\r"];
    let mixed: String = lf
        .split_inclusive('\n')
        .enumerate()
        .map(|(k, l)| l.replace('\n', ends[k % 3]))
        .collect();
    for (name, text) in [("LF", &lf), ("CR", &cr), ("mixed", &mixed)] {
        assert_eq!(rows_of(text), expected, "{name}");
    }
    // The table itself (TSV) with mixed ends: every row read, as with LF alone (a lone CR in a
    // file with LFs joined two rows: 5 initiatives of 11).
    let ends = ["\r\n", "\n", "\r"];
    let tsv: String = lines()
        .iter()
        .enumerate()
        .map(|(k, l)| format!("{l}{}", ends[k % 3]))
        .collect();
    let imported = import_text(&tsv).unwrap();
    assert_eq!(imported.report.initiatives().count(), 11);
    assert_eq!(rows_of(&tsv), expected, "TSV mixed");
}

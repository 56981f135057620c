//! The same report as Excel on a Japanese desk PC saves it: CP932 with CRLF, or UTF-16LE with a
//! BOM; and UTF-8 with a BOM.

use shinchoku::import::{TextEncoding, import_bytes};

use crate::{SEED, seed};

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[test]
fn cp932_with_crlf_reads_the_same_report() {
    let text = crlf(SEED);
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable, "the seed is all CP932 characters");
    let imported = import_bytes(&bytes).expect("CP932 imports");
    assert_eq!(imported.encoding, TextEncoding::Cp932);
    let r = &imported.report;
    assert_eq!(
        (
            r.sections.len(),
            r.initiative_count(),
            r.action_item_count()
        ),
        (3, 11, 24)
    );
    assert!(
        *r == seed().report,
        "the report differs from the UTF-8 import"
    );
}

#[test]
fn utf16le_with_bom_reads_the_same_report() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in crlf(SEED).encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let imported = import_bytes(&bytes).expect("UTF-16LE imports");
    assert_eq!(imported.encoding, TextEncoding::Utf16Le);
    let r = &imported.report;
    assert_eq!(
        (
            r.sections.len(),
            r.initiative_count(),
            r.action_item_count()
        ),
        (3, 11, 24)
    );
    assert!(
        *r == seed().report,
        "the report differs from the UTF-8 import"
    );
}

#[test]
fn utf8_with_bom_reads_the_same_report() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(SEED.as_bytes());
    let imported = import_bytes(&bytes).expect("UTF-8 with BOM imports");
    assert_eq!(imported.encoding, TextEncoding::Utf8Bom);
    assert!(
        imported.report == seed().report,
        "differs from the UTF-8 import"
    );
}

/// A UTF-8 table with one cell saved as CP932 (line 7): refused naming line 7 as where UTF-8
/// stops — it named only where CP932 stops, line 3, the title, which is sound UTF-8.
#[test]
fn a_utf8_table_with_a_cp932_cell_names_the_line_utf8_stops_at() {
    use shinchoku::lang::{Describe, Lang};
    let mut lines: Vec<Vec<u8>> = SEED.split('\n').map(|l| l.as_bytes().to_vec()).collect();
    let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode(SEED.split('\n').nth(6).unwrap());
    lines[6] = cp932.into_owned();
    let bytes = lines.join(&b'\n');
    let said = import_bytes(&bytes)
        .expect_err("refused")
        .describe(Lang::Ja);
    assert!(said.contains("UTF-8として読めないのは7行目"), "{said}");
}

/// Bytes that no encoding reads are refused naming where: the line and byte, so that the
/// office can find the damage (a CP932 table with a byte cut in two, a UTF-16 file with half a
/// character).
#[test]
fn text_that_no_encoding_reads_is_refused_naming_the_line_and_byte() {
    use shinchoku::lang::{Describe, Lang};
    let crlf = crlf(SEED);
    let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode(&crlf);
    let mut bytes = cp932.into_owned();
    // The line break ending line 9, then a lead byte with no second byte.
    let at = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(8)
        .unwrap()
        .0
        + 1;
    bytes.insert(at, 0x81);
    bytes.insert(at + 1, b'\t');
    let err = import_bytes(&bytes).expect_err("refused");
    let said = err.describe(Lang::Ja);
    assert!(
        said.contains("10行目") && said.contains(&format!("{}バイト目", at + 1)),
        "{said}"
    );

    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    for (k, line) in SEED.split('\n').enumerate() {
        if k == 4 {
            utf16.extend(0xD800u16.to_le_bytes());
        }
        for u in line.encode_utf16().chain(std::iter::once(0x0A)) {
            utf16.extend(u.to_le_bytes());
        }
    }
    let said = import_bytes(&utf16)
        .expect_err("refused")
        .describe(Lang::En);
    assert!(said.contains("(line 5, byte"), "{said}");
}

/// A CP932 table (as Excel saves it) with one 担当課 pasted in as UTF-8: its bytes read as
/// CP932 too, as other characters (「邱丞漁驛ｨ莠ｺ莠玖ｪｲ」), without a word, and a survey wrote a
/// response file of that name. The field is read as UTF-8 and said, naming the row and both
/// readings; the seed in CP932 alone is said nothing of the kind, in a large report either.
#[test]
fn a_utf8_cell_in_a_cp932_table_is_read_as_utf8_and_said() {
    use shinchoku::model::diag::WarningKind;
    let said = |imported: &shinchoku::import::Imported| -> Vec<(Option<usize>, String, String)> {
        (imported.warnings.iter())
            .filter_map(|w| match &w.kind {
                WarningKind::Utf8InCp932 { text, as_cp932 } => {
                    Some((w.at.row, text.clone(), as_cp932.clone()))
                }
                _ => None,
            })
            .collect()
    };
    let text = crlf(SEED);
    let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let plain = import_bytes(&cp932).unwrap();
    assert!(said(&plain).is_empty(), "{:?}", said(&plain));
    let division = "総務部人事課";
    let (name, _, _) = encoding_rs::SHIFT_JIS.encode(division);
    let at = cp932
        .windows(name.len())
        .position(|w| w == &name[..])
        .unwrap();
    let mut mixed = cp932[..at].to_vec();
    mixed.extend(division.as_bytes());
    mixed.extend(&cp932[at + name.len()..]);
    let imported = import_bytes(&mixed).expect("it reads");
    assert!(imported.report == seed().report, "read as the seed");
    let line = cp932[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    assert_eq!(
        said(&imported),
        [(
            Some(line),
            division.to_string(),
            "邱丞漁驛ｨ莠ｺ莠玖ｪｲ".to_string()
        )]
    );
    // A large report in CP932: not one field taken for UTF-8.
    let large = shinchoku::synthetic::large_report(600);
    let table = shinchoku::export::export_bytes(
        &large,
        shinchoku::export::Format::Table,
        shinchoku::export::Encoding::Cp932,
    )
    .unwrap();
    assert!(said(&import_bytes(&table).unwrap()).is_empty());
}

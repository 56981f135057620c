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

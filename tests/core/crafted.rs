//! Workbooks made by hand for the hostile-input tests (`hostile.rs`): an `.xls` compound file
//! laid out sector by sector around BIFF records, an `.ods` package around a `content.xml`,
//! and an existing package with a part rewritten. Each is a few kilobytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

pub const END: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;
const FATSECT: u32 = 0xFFFF_FFFD;

/// A BIFF record: type, length, data.
pub fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
    out
}

fn bof(kind: u16) -> Vec<u8> {
    let mut d = 0x0600u16.to_le_bytes().to_vec();
    d.extend(kind.to_le_bytes());
    d.extend([0u8; 12]);
    record(0x0809, &d)
}

/// A LABEL cell (BIFF8: an `XLUnicodeString` in UTF-16).
pub fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut d = Vec::new();
    d.extend(row.to_le_bytes());
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((units.len() as u16).to_le_bytes());
    d.push(1);
    for u in units {
        d.extend(u.to_le_bytes());
    }
    record(0x0204, &d)
}

/// The LABEL cells of rows of text, from `first_row` (empty texts left out).
pub fn labels<const N: usize>(rows: &[[&str; N]], first_row: u16) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                out.push(label(first_row + r as u16, c as u16, text));
            }
        }
    }
    out
}

/// A NUMBER cell.
pub fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(row.to_le_bytes());
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(value.to_le_bytes());
    record(0x0203, &d)
}

/// A LABELSST cell naming shared string `index`.
pub fn label_sst(row: u16, col: u16, index: u32) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(row.to_le_bytes());
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(index.to_le_bytes());
    record(0x00FD, &d)
}

/// A DIMENSIONS record (BIFF8): first row, last row + 1, first column, last column + 1.
pub fn dimensions(first_row: u32, end_row: u32, first_col: u16, end_col: u16) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(first_row.to_le_bytes());
    d.extend(end_row.to_le_bytes());
    d.extend(first_col.to_le_bytes());
    d.extend(end_col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    record(0x0200, &d)
}

/// An SST of 8-bit strings.
pub fn sst(strings: &[&str]) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend((strings.len() as u32).to_le_bytes());
    d.extend((strings.len() as u32).to_le_bytes());
    for s in strings {
        d.extend((s.len() as u16).to_le_bytes());
        d.push(0);
        d.extend(s.as_bytes());
    }
    d
}

/// The Workbook stream of one sheet, `Sheet1`: globals (BOF, code page UTF-16, the records
/// given, the sheet's BoundSheet8, EOF), then the sheet (BOF, its records, EOF); padded past
/// 4,096 bytes so that it lies in ordinary sectors.
pub fn workbook_stream(globals: &[Vec<u8>], sheet: &[Vec<u8>]) -> Vec<u8> {
    let mut head = bof(0x0005);
    head.extend(record(0x0042, &1200u16.to_le_bytes()));
    for r in globals {
        head.extend(r);
    }
    let bound_len = 4 + 8 + "Sheet1".len();
    let pos = (head.len() + bound_len + 4) as u32;
    let mut bound = pos.to_le_bytes().to_vec();
    bound.extend([0, 0, 6, 0]);
    bound.extend(b"Sheet1");
    head.extend(record(0x0085, &bound));
    head.extend(record(0x000A, &[]));
    assert_eq!(head.len() as u32, pos);
    head.extend(bof(0x0010));
    for r in sheet {
        head.extend(r);
    }
    head.extend(record(0x000A, &[]));
    if head.len() < 4200 {
        head.resize(4200, 0);
    }
    head
}

/// A compound file of 512-byte sectors holding `stream` as `Workbook`: FAT sectors first,
/// then the directory, then the stream. `fat_edit` may change the FAT before it is written
/// (to make a chain loop); it gets the directory's sector and the stream's first.
pub fn compound_file(stream: &[u8], fat_edit: impl Fn(&mut Vec<u32>, u32, u32)) -> Vec<u8> {
    let data_sectors = stream.len().div_ceil(512);
    let mut fat_sectors = 1;
    while fat_sectors * 128 < fat_sectors + 1 + data_sectors {
        fat_sectors += 1;
    }
    assert!(
        fat_sectors <= 109,
        "a stream this large needs DIFAT sectors"
    );
    let dir = fat_sectors as u32;
    let first = dir + 1;
    let mut fat: Vec<u32> = vec![FATSECT; fat_sectors];
    fat.push(END);
    for k in 0..data_sectors as u32 {
        fat.push(if k + 1 == data_sectors as u32 {
            END
        } else {
            first + k + 1
        });
    }
    fat_edit(&mut fat, dir, first);
    fat.resize(fat_sectors * 128, FREE);

    let mut out = vec![0u8; 512];
    out[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let put16 = |b: &mut [u8], at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |b: &mut [u8], at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut out, 24, 0x3E);
    put16(&mut out, 26, 3);
    put16(&mut out, 28, 0xFFFE);
    put16(&mut out, 30, 9);
    put16(&mut out, 32, 6);
    put32(&mut out, 44, fat_sectors as u32);
    put32(&mut out, 48, dir);
    put32(&mut out, 56, 0x1000);
    put32(&mut out, 60, END);
    put32(&mut out, 68, END);
    for k in 0..109 {
        let v = if k < fat_sectors { k as u32 } else { FREE };
        put32(&mut out, 76 + 4 * k, v);
    }
    for v in fat {
        out.extend(v.to_le_bytes());
    }
    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let utf16: Vec<u16> = name.encode_utf16().collect();
        for (k, u) in utf16.iter().enumerate() {
            e[2 * k..2 * k + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[64..66].copy_from_slice(&((utf16.len() as u16 + 1) * 2).to_le_bytes());
        e[66] = kind;
        e[67] = 1;
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    out.extend(entry("Root Entry", 5, 1, END, 0));
    out.extend(entry("Workbook", 2, FREE, first, stream.len() as u32));
    out.extend(entry("", 0, FREE, 0, 0));
    out.extend(entry("", 0, FREE, 0, 0));
    let mut data = stream.to_vec();
    data.resize(data_sectors * 512, 0);
    out.extend(data);
    out
}

/// An `.xls` of several sheets, `Sheet1`, `Sheet2` …, each holding its records; with
/// `one_start`, every BoundSheet8 names where the first sheet starts.
pub fn xls_sheets(sheets: &[Vec<Vec<u8>>], one_start: bool) -> Vec<u8> {
    xls_sheets_at(sheets, |k, starts| starts[if one_start { 0 } else { k }])
}

/// An `.xls` of several sheets, each holding its records, each BoundSheet8 naming where
/// `start` says, given the sheet's number and where each sheet does start.
pub fn xls_sheets_at(sheets: &[Vec<Vec<u8>>], start: impl Fn(usize, &[u32]) -> u32) -> Vec<u8> {
    let names: Vec<String> = (1..=sheets.len()).map(|k| format!("Sheet{k}")).collect();
    let mut head = bof(0x0005);
    head.extend(record(0x0042, &1200u16.to_le_bytes()));
    let bounds_len: usize = names.iter().map(|n| 4 + 8 + n.len()).sum();
    let mut pos = (head.len() + bounds_len + 4) as u32;
    let mut starts = Vec::new();
    let mut bodies = Vec::new();
    for sheet in sheets {
        let mut body = bof(0x0010);
        for r in sheet {
            body.extend(r);
        }
        body.extend(record(0x000A, &[]));
        starts.push(pos);
        pos += body.len() as u32;
        bodies.push(body);
    }
    for (k, name) in names.iter().enumerate() {
        let mut bound = start(k, &starts).to_le_bytes().to_vec();
        bound.extend([0, 0, name.len() as u8, 0]);
        bound.extend(name.as_bytes());
        head.extend(record(0x0085, &bound));
    }
    head.extend(record(0x000A, &[]));
    for body in &bodies {
        head.extend(body);
    }
    if head.len() < 4200 {
        head.resize(4200, 0);
    }
    compound_file(&head, |_, _, _| {})
}

/// An `.xls` of one sheet holding `sheet`'s records (and `globals` before the sheet list).
pub fn xls(globals: &[Vec<u8>], sheet: &[Vec<u8>]) -> Vec<u8> {
    compound_file(&workbook_stream(globals, sheet), |_, _, _| {})
}

/// A ZIP package of the parts given, in order, the first stored (an ODS's `mimetype`), the
/// others deflated.
pub fn package(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (k, (name, content)) in parts.iter().enumerate() {
        let method = if k == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        out.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// An `.ods` whose one sheet, `工程表`, has the rows given (`<table:table-row>` elements).
pub fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="工程表">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    package(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
        ("content.xml", content.into_bytes()),
    ])
}

/// An ODS row of string cells.
pub fn ods_row(cells: &[&str]) -> String {
    let mut row = String::from("<table:table-row>");
    for c in cells {
        if c.is_empty() {
            row.push_str("<table:table-cell/>");
        } else {
            row.push_str(&format!(
                r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#
            ));
        }
    }
    row.push_str("</table:table-row>");
    row
}

/// A package with each part passed through `edit` (by its name).
pub fn repack(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        let content = edit(&name, content);
        parts.push((name, content));
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The rows of a one-initiative report sheet, as an office types it: title, header, section,
/// one initiative with a stage, a plan and a result.
pub const REPORT_ROWS: [[&str; 7]; 4] = [
    ["平成29年度「改革」取組 上半期実績", "", "", "", "", "", ""],
    [
        "番号",
        "具体的取組",
        "取組項目",
        "29年度",
        "平成29年度 年次計画",
        "実績",
        "担当課",
    ],
    ["I 協創", "", "", "", "", "", ""],
    [
        "1",
        "① 研修",
        "□研修",
        "実施",
        "・研修(4月)",
        "・研修(4月)",
        "人事課",
    ],
];

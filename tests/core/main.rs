//! Core tests: month and era parsing, the importer on the seed and its variants, bad input, RON
//! files. One test binary keeps linking cheap.

mod answer_links;
mod as_written;
mod backups;
mod bad_input;
mod checked_open;
mod compare;
mod compare_marks;
mod crafted;
mod cycle;
mod defects;
mod edit;
mod encodings;
mod era;
mod every_output;
mod fuzz_found;
mod heading_lines;
mod hostile;
mod hostile_eleventh;
mod hostile_fifth;
mod hostile_found;
mod hostile_fourteenth;
mod hostile_fourth;
mod hostile_ninth;
mod hostile_seventh;
mod hostile_sixth;
mod hostile_tenth;
mod hostile_third;
mod hostile_thirteenth;
mod hostile_twelfth;
mod import_seed;
mod invisible;
mod large_tables;
mod layers;
mod locks;
mod measures;
mod measures_answers;
mod measures_audit52;
mod measures_audit54;
mod measures_cycle;
mod measures_found;
mod measures_guesses;
mod measures_large;
mod measures_layouts;
mod measures_tables;
mod measures_topics;
mod measures_twins;
mod measures_workbook;
mod months;
mod numbers_audit54;
mod own_lines;
mod plan_lines;
mod rating_notes;
mod recovery;
mod review;
mod rollover;
mod saving;
mod shared_topics;
mod signed_numbers;
mod since_sent;
mod spoofed;
mod store;
mod survey;
mod too_large_written;
mod unread_places;
mod wording;
mod workbook;

use std::io::{Read, Write};

use shinchoku::import::{self, Imported};
use shinchoku::model::{Initiative, Report};

pub const SEED: &str = include_str!("../fixtures/mie-h29-h1-report.tsv");

pub fn seed() -> Imported {
    import::import_text(SEED).expect("the seed imports")
}

/// The printout's text (tagged, A3), without white space.
pub fn printed_text(report: &shinchoku::model::Report) -> String {
    let setup = shinchoku::print::PageSetup::default();
    let job = shinchoku::print::PrintJob {
        report,
        setup: &setup,
        printed_on: "2017年10月20日".into(),
        comparison: None,
    };
    let layout = shinchoku::print::layout(&job, &mut |_| {}).unwrap();
    let pdf = shinchoku::print::pdf::render(&layout, &report.title, &mut |_| {}).unwrap();
    pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect()
}

/// The texts a report keeps unread, as written, in order.
pub fn unread_texts(report: &Report) -> Vec<&str> {
    report.unread.iter().map(|u| u.text.as_str()).collect()
}

/// Each warning (or anything described) as the Japanese window says it.
pub fn described_ja<D: shinchoku::lang::Describe>(things: &[D]) -> Vec<String> {
    things
        .iter()
        .map(|w| w.describe(shinchoku::lang::Lang::Ja))
        .collect()
}

pub fn initiative<'a>(report: &'a Report, number: &str) -> &'a Initiative {
    report
        .find_initiative(number)
        .unwrap_or_else(|| panic!("initiative {number} is in the report"))
}

/// The environment variable that turns a test of this binary into a child process's work
/// (see [`child`]); its value names the work.
pub const CHILD: &str = "SHINCHOKU_TEST_CHILD";

/// Starts this test binary again running only `test` (a `module::name` of this binary), with
/// `CHILD=work` and the given variables; stdout is piped. The named test does its work when
/// it finds `CHILD` set to `work` and passes without doing anything otherwise.
pub fn child(test: &str, work: &str, vars: &[(&str, &std::path::Path)]) -> std::process::Child {
    let mut command = std::process::Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, work)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit());
    for (k, v) in vars {
        command.env(k, v);
    }
    // The child handles the signals as a program started from a terminal does, however these
    // tests were started: a shell running them in the background has SIGINT ignored, which the
    // child keeps (as it keeps `nohup`'s), and a test stopping it by SIGINT failed.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                for signal in [libc::SIGINT, libc::SIGHUP, libc::SIGTERM] {
                    libc::signal(signal, libc::SIG_DFL);
                }
                Ok(())
            });
        }
    }
    command.spawn().expect("the test binary starts again")
}

/// In a child started by [`child`] for `work`: its variable `name`.
pub fn child_var(work: &str, name: &str) -> Option<std::path::PathBuf> {
    (std::env::var(CHILD).ok()? == work).then(|| std::env::var_os(name).map(Into::into))?
}

/// The workbook with one cell's text replaced, as Excel stores a typed text: in the shared
/// strings of the `.xlsx` (a zip).
pub fn type_into_workbook(bytes: &[u8], old: &str, new: &str) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut replaced = 0;
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(content).unwrap();
            let from = format!(">{}</t>", escape(old));
            replaced = text.matches(&from).count();
            content = text
                .replace(&from, &format!(">{}</t>", escape(new)))
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    assert_eq!(replaced, 1, "the cell's text is in the workbook once");
    out.finish().unwrap().into_inner()
}

/// The text of a workbook's part (a zip entry's XML), as an office program reads it.
pub fn workbook_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The workbook with its part `part` (a zip entry's XML) rewritten by `rewrite`, as an office
/// program saving an edit leaves it.
pub fn rewrite_part(bytes: &[u8], part: &str, rewrite: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut rewrite = Some(rewrite);
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == part
            && let Some(rewrite) = rewrite.take()
        {
            content = rewrite(String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(rewrite.is_none(), "the workbook has {part}");
    out.finish().unwrap().into_inner()
}

/// A sheet's XML with its cell `at` (`E12`) made `cell` (the whole `<c …>…</c>`), as an
/// office program saving a typed cell leaves it; the cell was written empty (`<c …/>`) or not.
pub fn cell_replaced(xml: &str, at: &str, cell: &str) -> String {
    let open = format!("<c r=\"{at}\"");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("the sheet has {at}"));
    let rest = &xml[start..];
    let closed = rest.find("/>").unwrap() + 1 == rest.find('>').unwrap();
    let end = start
        + if closed {
            rest.find("/>").unwrap() + 2
        } else {
            rest.find("</c>").unwrap() + 4
        };
    format!("{}{cell}{}", &xml[..start], &xml[end..])
}

/// The workbook with `old` replaced by `new` once in its part `part` (a zip entry's XML).
pub fn type_into_workbook_part(bytes: &[u8], part: &str, old: &str, new: &str) -> Vec<u8> {
    rewrite_part(bytes, part, |text| {
        assert!(text.contains(old), "{part} holds {old}");
        text.replacen(old, new, 1)
    })
}

/// 9:00 on the given day of October 2017: when the seed's first-half survey answers come in.
pub fn october(day: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2017, 10, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The seed's first-half survey's due date: 13 October 2017.
pub fn survey_due() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2017, 10, 13)
}

/// The seed with initiative 2 answered for by 総務部行財政改革推進課 and 総務部総務課 both (its
/// topics name no division), surveyed on 2 October: a topic two divisions share.
pub fn seed_shared_surveyed() -> shinchoku::document::Document {
    seed_shared_with_surveyed(&["総務部総務課"])
}

/// The seed with initiative 2 shared by 推進課 and each of `others`, surveyed on 2 October.
pub fn seed_shared_with_surveyed(others: &[&str]) -> shinchoku::document::Document {
    let mut report = seed().report;
    let i = report
        .sections
        .iter_mut()
        .flat_map(|s| s.initiatives.iter_mut())
        .find(|i| i.number == "2")
        .unwrap();
    assert_eq!(i.divisions, vec!["総務部行財政改革推進課".to_string()]);
    assert!(i.topics.iter().all(|t| t.division.is_none()));
    i.divisions.extend(others.iter().map(|d| d.to_string()));
    surveyed(report)
}

/// The report, surveyed on 2 October (due the 13th), as the office's open document.
pub fn surveyed(report: Report) -> shinchoku::document::Document {
    use shinchoku::document::{Document, Origin};
    let mut doc = Document::new(report, Origin::Sample, Vec::new());
    let plan =
        shinchoku::survey::send::Survey::new(doc.report(), survey_due(), "", october(2).date())
            .unwrap();
    doc.perform(plan.intent(october(2))).unwrap();
    doc
}

/// The first topic of the initiative numbered `number`.
pub fn first_topic(report: &Report, number: &str) -> shinchoku::model::Id {
    initiative(report, number).topics[0].id
}

/// `report` exported as `format` (a table in `encoding`) and read back as the office would open
/// the file.
pub fn exported_and_read(
    report: &shinchoku::model::Report,
    format: shinchoku::export::Format,
    encoding: shinchoku::export::Encoding,
) -> shinchoku::model::Report {
    use shinchoku::import::workbook::{WorkbookFormat, import_workbook};
    let bytes = shinchoku::export::export_bytes(report, format, encoding).unwrap();
    match format {
        shinchoku::export::Format::Xlsx => {
            import_workbook(&bytes, WorkbookFormat::Xlsx)
                .unwrap()
                .report
        }
        _ => shinchoku::import::import_bytes(&bytes).unwrap().report,
    }
}

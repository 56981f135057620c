//! A report grown past what Shinchoku reads (100 MB) is never written where it would be read
//! again: not saved, not sent as a survey's response, not kept as a recovery copy — each says
//! so, with the size, and writes nothing. Before, the response and the copy were written and
//! then refused when the division or 復元 opened them.

use shinchoku::lang::{Describe, Lang};
use shinchoku::model::bounds::MAX_FILE_BYTES;
use shinchoku::store::recovery::{Belongs, RecoveryStore};
use shinchoku::survey::send::{Formats, Survey, write_responses};

fn files_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

#[test]
fn a_report_larger_than_is_read_is_neither_saved_nor_sent_nor_copied() {
    let mut report = crate::seed().report;
    // One result a division pasted a whole log into: ASCII, so its RON is its own length.
    let topic = report
        .initiatives()
        .flat_map(|i| &i.topics)
        .find(|t| !t.actual.is_empty())
        .expect("the seed has results")
        .id;
    report.topic_mut(topic).unwrap().actual[0].text = "a".repeat(MAX_FILE_BYTES as usize);
    let dir = tempfile::tempdir().unwrap();

    let master = dir.path().join("master.ron");
    let saved = shinchoku::store::save(&master, &report).unwrap_err();
    assert!(!master.exists());
    let said = saved.describe(Lang::Ja);
    assert!(said.contains("を超えるため、何も書いていません"), "{said}");

    let answers = dir.path().join("照会");
    let today = chrono::NaiveDate::from_ymd_opt(2017, 10, 2).unwrap();
    let plan = Survey::new(&report, None, "", today).unwrap();
    let sent = write_responses(&report, &answers, Formats::Ron, &plan).unwrap_err();
    assert_eq!(files_in(&answers), 0, "no response is left");
    let said = sent.describe(Lang::Ja);
    assert!(
        said.contains("回答として読み込める大きさ（100 MB）を超えるため作りません"),
        "{said}"
    );
    // Not the size rounded down to the bound it is over (「100 MB、100 MBまで」).
    assert!(said.contains("回答ファイルは100.1 MB"), "{said}");

    let copies = dir.path().join("copies");
    let store = RecoveryStore::new(&copies);
    let copied = store.write(
        &Belongs::Unsaved,
        &report,
        None,
        "t",
        std::time::SystemTime::now(),
    );
    assert_eq!(files_in(&copies), 0, "no copy 復元 could not open");
    let said = copied.unwrap_err().describe(Lang::Ja);
    assert!(said.contains("復元用の写しを書けません"), "{said}");
    assert!(said.contains("開ける大きさ（100 MB）を超えます"), "{said}");
}

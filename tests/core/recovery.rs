//! Recovery copies: an edited report survives its process being killed (`kill -9`) before it
//! was saved; the autosave timer; which copies are offered on start.

use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

use shinchoku::document::Document;
use shinchoku::document::autosave::{Autosave, restore};
use shinchoku::edit::{self, Intent};
use shinchoku::model::Side;
use shinchoku::store::recovery::{Belongs, RecoveryStore};
use shinchoku::store::{self, lock};

use crate::{child, child_var, initiative, seed};

/// The edit both processes make: a new actual entry for initiative 2 and a new title for 1.
fn make_the_edit(doc: &mut Document) {
    let topic = initiative(doc.report(), "2").topics[0].id;
    doc.edit(|r| Ok(edit::add_entry(r, topic, Side::Actual, "庁内研修での事例紹介(7月〜8月)").0))
        .unwrap();
    let id = initiative(doc.report(), "1").id;
    doc.perform(Intent::SetInitiativeTitle {
        id,
        title: "職員の人材育成（改訂）".into(),
    })
    .unwrap();
}

const MARK: &str = "RECOVERY COPY WRITTEN";

/// The child: opens `REPORT`, edits it, writes the recovery copy to `RECOVERY`, says so, and
/// waits, never saving, to be killed.
#[test]
fn child_edits_and_waits_to_be_killed() {
    let (Some(path), Some(recovery)) = (
        child_var("edit-then-wait", "REPORT"),
        child_var("edit-then-wait", "RECOVERY"),
    ) else {
        return;
    };
    let mut doc = Document::open(&path).unwrap();
    make_the_edit(&mut doc);
    let mut autosave = Autosave::new(RecoveryStore::new(recovery));
    autosave.write(Instant::now(), &doc).unwrap();
    println!("{MARK}");
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}

#[cfg(unix)]
#[test]
fn an_edited_report_is_recovered_after_its_process_is_killed() {
    use std::os::unix::process::ExitStatusExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    store::save(&path, &seed().report).unwrap();
    let saved = std::fs::read(&path).unwrap();
    let recovery = dir.path().join("recovery");

    let mut process = child(
        "recovery::child_edits_and_waits_to_be_killed",
        "edit-then-wait",
        &[("REPORT", &path), ("RECOVERY", &recovery)],
    );
    let stdout = process.stdout.take().unwrap();
    let said = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains(MARK));
    assert!(said, "the child wrote its copy");
    assert!(lock::holder_of(&path).is_some_and(|h| !h.is_stale()));
    process.kill().unwrap(); // SIGKILL: no destructor, no clean-up runs
    let status = process.wait().unwrap();
    assert_eq!(status.signal(), Some(9));
    assert_eq!(std::fs::read(&path).unwrap(), saved, "never saved");

    // What the child had: the same edit on the same file.
    let mut expected = Document::open(&path).unwrap();
    assert!(
        expected.locked_by().is_none(),
        "the killed process's lock is stale and taken over"
    );
    make_the_edit(&mut expected);

    let store = RecoveryStore::new(&recovery);
    let pending = store.pending();
    assert_eq!(pending.len(), 1, "{pending:?}");
    let copy = &pending[0];
    assert_eq!(copy.belongs, Belongs::File(path.clone()));
    assert_eq!((copy.sections, copy.initiatives), (3, 11));
    let entries = |r: &shinchoku::model::Report| {
        let mut n = 0;
        for t in r.initiatives().flat_map(|i| i.topics.iter()) {
            let mut stack: Vec<_> = t.plan.iter().chain(&t.actual).collect();
            while let Some(e) = stack.pop() {
                n += 1;
                stack.extend(e.subs.iter());
            }
        }
        n
    };
    assert_eq!(copy.entries, entries(&seed().report) + 1);
    assert!(
        copy.to_string().contains("3 sections, 11 initiatives"),
        "{copy}"
    );
    assert!(store.read(copy).unwrap().0 == *expected.report());
    drop(expected);

    // 復元: a document with unsaved changes on the file; saving it removes nothing else.
    let mut restored = restore(&store, copy, None).unwrap();
    assert!(restored.is_dirty());
    assert!(restored.lock().is_some());
    let recovered = restored.report().clone();
    restored.save_to(&path).unwrap();
    assert!(store::open(&path).unwrap() == recovered);
    // Saved: the copy holds nothing the file does not, so it is no longer offered.
    assert!(store.pending().is_empty());
    store.remove(&copy.copy).unwrap();
    assert!(!copy.copy.exists());
}

fn seed_document(dir: &Path) -> Document {
    let path = dir.join("r.ron");
    store::save(&path, &seed().report).unwrap();
    Document::open(&path).unwrap()
}

#[test]
fn autosave_writes_at_the_interval_while_there_are_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = seed_document(dir.path());
    let mut autosave = Autosave::new(RecoveryStore::new(dir.path().join("rec")));
    assert_eq!(autosave.interval(), Duration::from_secs(60));
    let t0 = Instant::now();
    let at = |s: u64| t0 + Duration::from_secs(s);

    assert!(!autosave.tick(at(0), &doc).unwrap(), "nothing unsaved");
    make_the_edit(&mut doc);
    assert!(!autosave.tick(at(1), &doc).unwrap(), "changes began at 1 s");
    assert!(!autosave.tick(at(60), &doc).unwrap());
    assert!(
        autosave.tick(at(61), &doc).unwrap(),
        "60 s after the changes began"
    );
    assert_eq!(autosave.store().pending().len(), 1);
    assert!(
        !autosave.tick(at(200), &doc).unwrap(),
        "the copy holds everything"
    );
    let id = initiative(doc.report(), "5").id;
    doc.perform(Intent::SetInitiativeTitle {
        id,
        title: "さらに".into(),
    })
    .unwrap();
    assert!(
        autosave.tick(at(201), &doc).unwrap(),
        "the last copy is more than an interval old"
    );
    autosave.set_interval(Duration::from_secs(5));
    doc.perform(Intent::SetInitiativeTitle {
        id,
        title: "もう一度".into(),
    })
    .unwrap();
    assert!(!autosave.due(at(205), &doc));
    assert!(autosave.due(at(206), &doc));
    // Losing the focus writes at once.
    assert!(autosave.flush(at(206), &doc).unwrap());
    assert!(!autosave.flush(at(206), &doc).unwrap());
    let copy = &autosave.store().pending()[0];
    assert!(autosave.store().read(copy).unwrap().0 == *doc.report());

    // A clean save: the next tick removes the copy.
    let path = doc.save_path().unwrap().to_path_buf();
    doc.save_to(&path).unwrap();
    assert!(!autosave.tick(at(300), &doc).unwrap());
    assert!(!copy.copy.exists());
    assert!(autosave.store().pending().is_empty());
}

#[test]
fn copies_of_never_saved_reports_and_of_removed_files_are_offered() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("rec"));
    let mut sample = Document::sample();
    make_the_edit(&mut sample);
    let mut autosave = Autosave::new(store.clone());
    autosave.write(Instant::now(), &sample).unwrap();
    let pending = store.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].belongs, Belongs::Unsaved);
    assert!(pending[0].to_string().ends_with("(never saved)"));
    let restored = restore(&store, &pending[0], None).unwrap();
    assert!(*restored.report() == *sample.report() && restored.is_dirty());
    autosave.discard().unwrap();
    assert!(store.pending().is_empty());

    let mut doc = seed_document(dir.path());
    make_the_edit(&mut doc);
    let mut autosave = Autosave::new(store.clone());
    autosave.write(Instant::now(), &doc).unwrap();
    std::fs::remove_file(doc.save_path().unwrap()).unwrap();
    assert_eq!(store.pending().len(), 1, "the copy is all there is");
}

#[test]
fn a_copy_older_than_a_later_save_of_its_file_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("rec"));
    let mut doc = seed_document(dir.path());
    make_the_edit(&mut doc);
    Autosave::new(store.clone())
        .write(Instant::now(), &doc)
        .unwrap();
    assert_eq!(store.pending().len(), 1);
    // Saved after the copy (the process then crashed before removing it).
    std::thread::sleep(Duration::from_millis(20));
    let path = doc.save_path().unwrap().to_path_buf();
    doc.save_to(&path).unwrap();
    assert!(store.pending().is_empty());
}

#[test]
fn the_default_folder_is_the_users_data_folder() {
    if let Some(dir) = shinchoku::store::recovery::default_dir() {
        assert!(dir.is_absolute(), "{}", dir.display());
        assert!(
            dir.ends_with("shinchoku/recovery") || dir.ends_with("Shinchoku/recovery"),
            "{}",
            dir.display()
        );
    }
}

/// 復元 in a window that has the copy's file open (started again on it after a crash): the
/// restored document keeps the window's lock and can be saved; a second window opening the
/// file finds it held. Before, opening the file again found the window's own lock — the
/// restored report read-only — and the lock went with the document it replaced, so a second
/// window edited and saved the same file.
#[test]
fn restoring_into_the_window_holding_the_file_keeps_its_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("master.ron");
    store::save(&path, &seed().report).unwrap();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    {
        let mut before = Document::open(&path).unwrap();
        make_the_edit(&mut before);
        Autosave::new(store.clone())
            .write(Instant::now(), &before)
            .unwrap();
    }
    let window = Document::open(&path).unwrap();
    assert!(window.lock().is_some());
    let copy = &store.pending()[0];
    let mut restored = restore(&store, copy, Some(&window)).unwrap();
    assert!(!restored.is_read_only(), "{:?}", restored.locked_by());
    assert!(restored.is_dirty() && !restored.history().can_undo());
    drop(window);
    let second = Document::open(&path).unwrap();
    assert!(
        second.is_read_only(),
        "the second window finds the file held"
    );
    drop(second);
    restored.save_to(&path).unwrap();
    assert!(store::open(&path).unwrap() == *restored.report());
}

/// A named pipe in the recovery folder named as a copy (`x.ron`): looking for copies to offer
/// waited on it for ever, and the window never drew. It is passed over, unread.
#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_recovery_copies_is_passed_over_unread() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    std::fs::create_dir(&folder).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(folder.join("x.ron"))
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let pending = RecoveryStore::new(&folder).pending();
        tx.send(pending.len()).unwrap();
    });
    let offered = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("looked over at once, not waiting on the pipe");
    assert_eq!(offered, 0);
}

/// A report made in the window from another (次の期間へ) and never saved comes back from its
/// copy with the name suggested for it, and saving asks for a file as before: restored as the
/// sample, it was named `sample-report.ron`.
#[test]
fn a_copy_of_a_made_report_comes_back_with_its_name() {
    use shinchoku::document::Origin;
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("rec"));
    let name = "master-second-half.ron".to_string();
    let mut made = Document::new(seed().report, Origin::Made(name.clone()), Vec::new());
    make_the_edit(&mut made);
    let mut autosave = Autosave::new(store.clone());
    autosave.write(Instant::now(), &made).unwrap();
    let pending = store.pending();
    assert_eq!(pending[0].belongs, Belongs::Made(name.clone()));
    let restored = restore(&store, &pending[0], None).unwrap();
    assert!(
        restored.display_name().contains("master-second-half"),
        "{}",
        restored.display_name()
    );
    assert!(restored.save_path().is_none() && restored.is_dirty());
}

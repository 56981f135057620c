//! Saving on a shared drive: a change on disk is found before saving and never overwritten
//! silently; the version a save replaces is kept as a backup; a save stopped half-way (an
//! error, or the process killed) leaves the old file or the new one, never a torn one.

use std::path::Path;
use std::time::{Duration, SystemTime};

use shinchoku::document::{Document, SaveError, SaveOptions};
use shinchoku::edit::Intent;
use shinchoku::model::Report;
use shinchoku::store::{self, disk};

use crate::{child, child_var, initiative, seed};

/// The seed report saved as `name` in `dir`.
fn seed_file(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    store::save(&path, &seed().report).unwrap();
    path
}

fn retitle(doc: &mut Document, title: &str) {
    let id = initiative(doc.report(), "1").id;
    doc.perform(Intent::SetInitiativeTitle {
        id,
        title: title.into(),
    })
    .unwrap();
}

#[test]
fn a_change_on_disk_is_found_before_saving_and_overwritten_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path(), "r.ron");
    let mut doc = Document::open(&path).unwrap();
    retitle(&mut doc, "自分の変更");
    // A colleague saves the file meanwhile (through another program, without the lock).
    let mut theirs = seed().report;
    theirs.title.push_str("（同僚の変更）");
    std::fs::write(&path, store::to_ron(&theirs)).unwrap();
    assert!(doc.disk_change().unwrap().is_some());

    let err = doc.save_to(&path).expect_err("refused");
    assert!(
        matches!(
            &err,
            SaveError::ChangedOnDisk {
                change: disk::DiskChange::Changed { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("changed by someone else"), "{err}");
    assert!(doc.is_dirty());
    assert_eq!(store::open(&path).unwrap(), theirs, "nothing written");

    // 上書き: the user confirmed.
    doc.save_to_with(
        &path,
        SaveOptions {
            overwrite_changed: true,
            ..SaveOptions::default()
        },
    )
    .unwrap();
    assert_eq!(store::open(&path).unwrap(), *doc.report());
    assert!(!doc.is_dirty());
    // Their version is the backup.
    let backup = std::fs::read_to_string(disk::backup_paths(&path, 1)[0].clone()).unwrap();
    assert_eq!(store::from_ron(&backup).unwrap(), theirs);
    // And saving again, nothing having changed on disk, is not refused.
    retitle(&mut doc, "もう一度");
    doc.save_to(&path).unwrap();
}

#[test]
fn the_same_content_written_again_is_no_change_and_a_removed_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path(), "r.ron");
    let mut doc = Document::open(&path).unwrap();
    // Copied back by a sync tool: a new modification time, the same bytes.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(120))
        .unwrap();
    assert_eq!(doc.disk_change().unwrap(), None);
    retitle(&mut doc, "変更");
    doc.save_to(&path).unwrap();

    std::fs::remove_file(&path).unwrap();
    retitle(&mut doc, "もう一度");
    let err = doc.save_to(&path).expect_err("refused");
    assert!(
        matches!(
            err,
            SaveError::ChangedOnDisk {
                change: disk::DiskChange::Removed,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn saving_keeps_three_generations_of_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.ron");
    let versions: Vec<Report> = (0..5)
        .map(|k| {
            let mut r = seed().report;
            r.title = format!("版 {k}");
            r
        })
        .collect();
    for v in &versions {
        store::save(&path, v).unwrap();
    }
    let backups = disk::backup_paths(&path, 3);
    let names: Vec<String> = backups
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["r.ron.bak", "r.ron.bak2", "r.ron.bak3"]);
    let read = |p: &Path| store::open(p).unwrap().title;
    assert_eq!(read(&path), "版 4");
    assert_eq!(read(&backups[0]), "版 3");
    assert_eq!(read(&backups[1]), "版 2");
    assert_eq!(read(&backups[2]), "版 1");
    assert!(!dir.path().join("r.ron.bak4").exists());
    // Saving the same report again does not push a version out.
    store::save(&path, &versions[4]).unwrap();
    assert_eq!(read(&backups[0]), "版 3");
    // A document saving over its file keeps them too.
    let mut doc = Document::open(&path).unwrap();
    retitle(&mut doc, "新");
    doc.save_to(&path).unwrap();
    assert_eq!(read(&backups[0]), "版 4");
    assert_eq!(read(&backups[2]), "版 2");
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_stopped_at_any_step_leaves_the_old_file_or_the_new_and_no_litter() {
    use disk::WriteStep::*;
    let old = store::to_ron(&seed().report);
    let mut changed = seed().report;
    changed.title = "新しい版".into();
    let new = store::to_ron(&changed);
    for (stop, expect_new) in [
        (TempCreated, false),
        (TempWritten, false),
        (TempSynced, false),
        (Renamed, true),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        std::fs::write(&path, &old).unwrap();
        let err = disk::write_atomically_with(&path, new.as_bytes(), &mut |step| {
            if step == stop {
                Err(std::io::Error::other("simulated crash"))
            } else {
                Ok(())
            }
        })
        .expect_err("stopped");
        assert_eq!(err.to_string(), "simulated crash");
        let now = std::fs::read_to_string(&path).unwrap();
        let expected = if expect_new { &new } else { &old };
        assert!(now == *expected, "stopped after {stop:?}");
        assert_eq!(files_in(dir.path()), ["r.ron"], "after {stop:?}");
    }
}

/// The child: starts saving a changed report over `REPORT` and dies (abort, no unwinding, no
/// clean-up) once the temporary file is written and flushed, before the rename.
#[test]
fn child_dies_mid_save() {
    let Some(path) = child_var("die-mid-save", "REPORT") else {
        return;
    };
    let mut changed = seed().report;
    changed.title = "途中で落ちた版".into();
    let _ = disk::write_atomically_with(&path, store::to_ron(&changed).as_bytes(), &mut |step| {
        if step == disk::WriteStep::TempSynced {
            std::process::abort();
        }
        Ok(())
    });
}

#[test]
fn a_process_killed_mid_save_leaves_the_old_file_and_the_next_save_clears_its_litter() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path(), "r.ron");
    let before = std::fs::read(&path).unwrap();
    let status = child(
        "saving::child_dies_mid_save",
        "die-mid-save",
        &[("REPORT", &path)],
    )
    .wait()
    .unwrap();
    assert!(!status.success());
    assert_eq!(std::fs::read(&path).unwrap(), before, "the old file, whole");
    assert_eq!(store::open(&path).unwrap(), seed().report);
    let litter: Vec<String> = files_in(dir.path())
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(litter.len(), 1, "the dead process's temporary file");
    // Once it is old enough to belong to no save in progress, the next save removes it.
    let temp = dir.path().join(&litter[0]);
    std::fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(2 * 3600))
        .unwrap();
    store::save(&path, &seed().report).unwrap();
    assert_eq!(files_in(dir.path()), ["r.ron"]);
}

/// Anyone who may write in a shared folder may plant links at the names a save's temporary
/// files take (`.NAME.PID@HOST.tmp`, one per process id, 32,768 in half a second) pointing at a
/// file of the office user's: the save wrote the report through the link into that file and
/// renamed the link over the master, so every later save went there too. A save and a survey
/// make their files anew, never through what stands at the name.
#[cfg(unix)]
#[test]
fn a_link_planted_at_a_temporary_name_is_not_written_through() {
    use shinchoku::survey::send::{Formats, Survey, write_responses};
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "大切なファイル").unwrap();
    let path = seed_file(dir.path(), "r.ron");
    let host: String = shinchoku::store::lock::machine_name()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let owner = format!("{}@{host}", std::process::id());
    for kind in ["", "bak.", "bak2.", "bak3."] {
        let name = format!(".r.ron.{kind}{owner}.tmp");
        std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
    }
    let mut changed = seed().report;
    changed.title = "新しい題".into();
    store::save(&path, &changed).unwrap();
    store::save(&path, &seed().report).unwrap();
    let victim_kept = || std::fs::read_to_string(&victim).unwrap() == "大切なファイル";
    assert!(victim_kept(), "a save wrote through the planted link");
    let meta = std::fs::symlink_metadata(&path).unwrap();
    assert!(
        meta.file_type().is_file(),
        "the master is a file, not a link"
    );
    assert_eq!(store::open(&path).unwrap().title, seed().report.title);
    assert_eq!(
        store::open(&disk::backup_paths(&path, 1)[0]).unwrap().title,
        "新しい題"
    );

    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let master = crate::surveyed(seed().report);
    let plan = Survey::new(master.report(), None, "", crate::october(2).date()).unwrap();
    for to in &plan.to {
        let name = format!("{}.ron.{}.tmp", to.stem, std::process::id());
        std::os::unix::fs::symlink(&victim, out.join(name)).unwrap();
    }
    let sent = write_responses(master.report(), &out, Formats::Ron, &plan).unwrap();
    assert!(
        victim_kept(),
        "a survey wrote a response through the planted link"
    );
    assert!(!sent.is_empty());
    for s in &sent {
        let meta = std::fs::symlink_metadata(&s.path).unwrap();
        assert!(meta.file_type().is_file(), "{} is a file", s.path.display());
    }
}

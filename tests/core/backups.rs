//! Backups that survive a failed save (issue 23, item 1): a save that fails (a full disk, an
//! error at any step) or is killed at any step leaves the report old or new, never broken, and
//! every earlier version under its name (or, while the save was moving them, the next one);
//! the next good save lays the generations out whole. And the file keeps its permissions
//! (item 6): mode and group, and a read-only report is replaced only when asked.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use shinchoku::document::{Document, SaveError, SaveOptions};
use shinchoku::edit::Intent;
use shinchoku::lang::{Describe, Lang};
use shinchoku::model::Report;
use shinchoku::store::{self, disk};

use crate::{child, child_var, initiative, seed};

/// The seed titled `版 NAME`, as saved text.
fn version(name: &str) -> String {
    let mut report: Report = seed().report;
    report.title = format!("版 {name}");
    store::to_ron(&report)
}

/// The versions a test tells apart by their bytes.
struct Versions(Vec<(&'static str, String)>);

impl Versions {
    fn new(names: &[&'static str]) -> Versions {
        Versions(names.iter().map(|n| (*n, version(n))).collect())
    }

    fn text(&self, name: &str) -> &str {
        &self
            .0
            .iter()
            .find(|(n, _)| *n == name)
            .expect("a version")
            .1
    }

    /// Which version a file holds: its name, `-` when there is no file, `?` for anything else
    /// (a torn or mixed file).
    fn which(&self, path: &Path) -> &'static str {
        match std::fs::read_to_string(path) {
            Err(_) => "-",
            Ok(text) => self
                .0
                .iter()
                .find(|(_, t)| *t == text)
                .map_or("?", |(n, _)| n),
        }
    }

    /// The report and its three backups, by version.
    fn layout(&self, path: &Path) -> [&'static str; 4] {
        let b = disk::backup_paths(path, 3);
        [
            self.which(path),
            self.which(&b[0]),
            self.which(&b[1]),
            self.which(&b[2]),
        ]
    }
}

/// `r.ron` holding G0 with backups G1, G2, G3, saved one after the other as a user would.
fn four_generations(dir: &Path, v: &Versions) -> PathBuf {
    let path = dir.join("r.ron");
    for name in ["G3", "G2", "G1", "G0"] {
        disk::write_keeping_backups_with(
            &path,
            v.text(name).as_bytes(),
            3,
            disk::ReadOnly::Refuse,
            &mut |_| Ok(()),
        )
        .unwrap();
    }
    assert_eq!(v.layout(&path), ["G0", "G1", "G2", "G3"]);
    path
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut temps: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
        .collect();
    temps.sort();
    temps
}

/// Makes the temporary files two hours old: left by no save in progress.
fn age(temps: &[PathBuf]) {
    for t in temps {
        std::fs::File::options()
            .write(true)
            .open(t)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(2 * 3600))
            .unwrap();
    }
}

fn save(path: &Path, text: &str) -> Result<disk::Fingerprint, disk::WriteError> {
    disk::write_keeping_backups_with(
        path,
        text.as_bytes(),
        3,
        disk::ReadOnly::Refuse,
        &mut |_| Ok(()),
    )
}

/// A backup's name taken by a folder: the save writes nothing, leaves no temporary file, and
/// names the folder (it stopped half-way, left `.r.ron.bak3.PID@HOST.tmp` behind and named
/// the report, or quoted the system's English).
#[test]
fn a_folder_where_a_backup_goes_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let v = Versions::new(&["G0", "G1", "G2", "G3", "NEW"]);
    let path = four_generations(dir.path(), &v);
    std::fs::remove_file(dir.path().join("r.ron.bak3")).unwrap();
    std::fs::create_dir(dir.path().join("r.ron.bak3")).unwrap();
    let err = save(&path, v.text("NEW")).unwrap_err();
    assert!(matches!(&err, disk::WriteError::NotAFile { path } if path.ends_with("r.ron.bak3")));
    let ja = err.describe(Lang::Ja);
    assert!(
        ja.contains("r.ron.bak3") && ja.contains("ファイルではありません"),
        "{ja}"
    );
    assert_eq!(v.which(&path), "G0");
    assert!(temp_files(dir.path()).is_empty());
}

use disk::WriteStep::{self, *};

/// Every step of a save over a report with three backups, and the report and backups a save
/// stopped right after it leaves.
const STEPS: [(WriteStep, [&str; 4]); 10] = [
    (TempCreated, ["G0", "G1", "G2", "G3"]),
    (TempWritten, ["G0", "G1", "G2", "G3"]),
    (TempSynced, ["G0", "G1", "G2", "G3"]),
    (BackupLinked { generation: 3 }, ["G0", "G1", "G2", "G3"]),
    (BackupLinked { generation: 2 }, ["G0", "G1", "G2", "G3"]),
    (BackupLinked { generation: 1 }, ["G0", "G1", "G2", "G3"]),
    // The oldest is dropped once the new content is on disk; each other version is under its
    // name or the next one's.
    (BackupMoved { generation: 3 }, ["G0", "G1", "G2", "G2"]),
    (BackupMoved { generation: 2 }, ["G0", "G1", "G1", "G2"]),
    (BackupMoved { generation: 1 }, ["G0", "G0", "G1", "G2"]),
    (Renamed, ["NEW", "G0", "G1", "G2"]),
];

#[test]
fn a_save_failing_at_each_step_loses_no_version_it_keeps_and_leaves_no_litter() {
    let v = Versions::new(&["G0", "G1", "G2", "G3", "NEW", "NEXT"]);
    for (stop, expected) in STEPS {
        let dir = tempfile::tempdir().unwrap();
        let path = four_generations(dir.path(), &v);
        let err = disk::write_keeping_backups_with(
            &path,
            v.text("NEW").as_bytes(),
            3,
            disk::ReadOnly::Refuse,
            &mut |step| match step == stop {
                true => Err(std::io::Error::other("simulated failure")),
                false => Ok(()),
            },
        )
        .expect_err("stopped");
        assert!(err.to_string().contains("simulated failure"), "{err}");
        assert_eq!(v.layout(&path), expected, "failed after {stop:?}");
        assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new(), "{stop:?}");
        // The next save lays the generations out whole.
        save(&path, v.text("NEXT")).unwrap();
        let newest = if expected[0] == "NEW" { "NEW" } else { "G0" };
        let after = v.layout(&path);
        assert_eq!(after[0..2], ["NEXT", newest], "after {stop:?}");
        let whole = if newest == "NEW" {
            ["NEXT", "NEW", "G0", "G1"]
        } else {
            ["NEXT", "G0", "G1", "G2"]
        };
        assert_eq!(after, whole, "the save after one failed after {stop:?}");
    }
}

/// The child: saves `NEW` over `REPORT` and dies (abort: no unwinding, no clean-up) right
/// after the step named by `STOP` (its `Debug` form).
#[test]
fn child_killed_mid_save() {
    let Some(path) = child_var("killed-mid-save", "REPORT") else {
        return;
    };
    let stop = std::env::var("STOP").unwrap();
    let _ = disk::write_keeping_backups_with(
        &path,
        version("NEW").as_bytes(),
        3,
        disk::ReadOnly::Refuse,
        &mut |step| {
            if format!("{step:?}") == stop {
                std::process::abort();
            }
            Ok(())
        },
    );
}

#[test]
fn a_save_killed_at_each_step_leaves_the_report_whole_and_every_kept_version_named() {
    let v = Versions::new(&["G0", "G1", "G2", "G3", "NEW", "NEXT"]);
    for (stop, expected) in STEPS {
        let dir = tempfile::tempdir().unwrap();
        let path = four_generations(dir.path(), &v);
        let stop_name = PathBuf::from(format!("{stop:?}"));
        let status = child(
            "backups::child_killed_mid_save",
            "killed-mid-save",
            &[("REPORT", &path), ("STOP", &stop_name)],
        )
        .wait()
        .unwrap();
        assert!(!status.success(), "the child died after {stop:?}");
        assert_eq!(v.layout(&path), expected, "killed after {stop:?}");
        // What the dead save left: the new content (as far as it got), or a second name of a
        // version that has its own (never the only copy of an earlier one).
        let temps = temp_files(dir.path());
        for t in &temps {
            let name = t.file_name().unwrap().to_string_lossy();
            if name.starts_with(".r.ron.bak") {
                let held = v.which(t);
                assert!(expected.contains(&held), "{name}: {held} after {stop:?}");
            } else {
                let bytes = std::fs::read(t).unwrap();
                assert!(v.text("NEW").as_bytes().starts_with(&bytes), "{name}");
            }
        }
        // The next save clears them (their process, of this computer, is gone: Linux tells;
        // elsewhere once they are an hour old) and lays the generations out whole.
        if !cfg!(target_os = "linux") {
            age(&temps);
        }
        save(&path, v.text("NEXT")).unwrap();
        let whole = if expected[0] == "NEW" {
            ["NEXT", "NEW", "G0", "G1"]
        } else {
            ["NEXT", "G0", "G1", "G2"]
        };
        assert_eq!(
            v.layout(&path),
            whole,
            "the save after one killed after {stop:?}"
        );
        assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new(), "{stop:?}");
    }
}

/// The child: makes files larger than 8 KB impossible to write (RLIMIT_FSIZE: a write past it
/// fails as a write to a full disk does), then saves `NEW` over `REPORT` and prints what the
/// save said.
#[cfg(unix)]
#[test]
fn child_saves_on_a_full_disk() {
    let Some(path) = child_var("full-disk", "REPORT") else {
        return;
    };
    // SAFETY: plain system calls on this process: ignore the signal a write past the limit
    // raises (the write then fails with EFBIG), and lower the limit.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: 8192,
            rlim_max: 8192,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    let mut report = seed().report;
    report.title = "版 NEW".into();
    match store::save(&path, &report) {
        Ok(()) => println!("saved"),
        Err(e) => println!("refused: {}", e.describe(Lang::En)),
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_fails_the_save_and_keeps_every_generation_however_often() {
    use std::io::Read;
    let v = Versions::new(&["G0", "G1", "G2", "G3", "NEXT"]);
    let dir = tempfile::tempdir().unwrap();
    let path = four_generations(dir.path(), &v);
    assert!(
        v.text("G0").len() > 8192,
        "the report is larger than the limit"
    );
    // Twice: the second failed save used to leave one backup of three.
    for attempt in 1..=2 {
        let mut saving = child(
            "backups::child_saves_on_a_full_disk",
            "full-disk",
            &[("REPORT", &path)],
        );
        let mut said = String::new();
        saving
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut said)
            .unwrap();
        assert!(saving.wait().unwrap().success());
        assert!(
            said.contains(&format!("refused: {}: cannot write:", path.display())),
            "attempt {attempt}: {said}"
        );
        assert_eq!(
            v.layout(&path),
            ["G0", "G1", "G2", "G3"],
            "attempt {attempt}"
        );
        assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new());
    }
    save(&path, v.text("NEXT")).unwrap();
    assert_eq!(v.layout(&path), ["NEXT", "G0", "G1", "G2"]);
}

/// This computer's name as a save puts it into its temporary files' names.
fn host() -> String {
    shinchoku::store::lock::machine_name()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

#[test]
fn the_temporary_files_of_a_save_under_way_are_left_alone() {
    let v = Versions::new(&["G0", "G1", "G2", "G3", "NEW"]);
    let dir = tempfile::tempdir().unwrap();
    let path = four_generations(dir.path(), &v);
    // A process of this computer that still runs, and a save on another computer (a shared
    // drive): either may be saving this instant.
    let mut running = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let mine = dir
        .path()
        .join(format!(".r.ron.{}@{}.tmp", running.id(), host()));
    let theirs = dir.path().join(".r.ron.bak2.4242@OTHER-PC.tmp");
    for t in [&mine, &theirs] {
        std::fs::write(t, "under way").unwrap();
    }
    save(&path, v.text("NEW")).unwrap();
    assert!(mine.exists() && theirs.exists());
    running.kill().unwrap();
    running.wait().unwrap();
    // An hour later neither belongs to a save under way.
    age(&[mine.clone(), theirs.clone()]);
    save(&path, v.text("G0")).unwrap();
    assert!(!mine.exists() && !theirs.exists());
}

/// A name too long to go into its temporary files' (`.NAME.PID@HOST.tmp` past 255 bytes) gives
/// them a hash of it instead: a killed save's leftovers of that form are removed by the next
/// save as the others are (they matched no name, and stayed for ever).
#[test]
fn a_killed_saves_leftovers_under_a_hashed_name_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join(format!("{}.ron", "x".repeat(236)));
    let report = seed().report;
    store::save(&long, &report).unwrap();
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    // FNV-1a of the name, as the file's and each backup's temporary names are made.
    let hashed = |name: &str| {
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        dir.path()
            .join(format!(".shinchoku-{hash:016x}.{pid}@{}.tmp", host()))
    };
    let name = long.file_name().unwrap().to_str().unwrap().to_string();
    let left = [hashed(&name), hashed(&format!("{name}.bak2"))];
    for t in &left {
        std::fs::write(t, "killed").unwrap();
    }
    store::save(&long, &report).unwrap();
    for t in &left {
        assert!(!t.exists(), "{} left", t.display());
    }
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
}

#[test]
fn the_hole_an_older_build_left_is_closed_by_the_next_save() {
    // Killed between its renames, the build before this one left no `.bak` (and a stray
    // temporary file); its next save then pushed a version out and left a hole.
    let v = Versions::new(&["G0", "G1", "G2", "NEW"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.ron");
    let b = disk::backup_paths(&path, 3);
    std::fs::write(&path, v.text("G0")).unwrap();
    std::fs::write(&b[1], v.text("G1")).unwrap();
    std::fs::write(&b[2], v.text("G2")).unwrap();
    let stray = dir.path().join(".r.ron.bak.4242.tmp");
    std::fs::write(&stray, v.text("G0")).unwrap();
    age(std::slice::from_ref(&stray));
    assert_eq!(v.layout(&path), ["G0", "-", "G1", "G2"]);
    save(&path, v.text("NEW")).unwrap();
    assert_eq!(v.layout(&path), ["NEW", "G0", "G1", "G2"]);
    assert!(!stray.exists(), "the stray temporary file is cleared");
}

#[cfg(unix)]
fn mode_and_group(path: &Path) -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).unwrap();
    (meta.mode() & 0o7777, meta.gid())
}

/// `660 root:nogroup` where the test runs as root (as CI does); elsewhere the user's own
/// group, and the mode alone is what can be checked.
#[cfg(unix)]
fn shared_master(dir: &Path) -> (PathBuf, (u32, u32)) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("master.ron");
    store::save(&path, &seed().report).unwrap();
    let _ = std::os::unix::fs::chown(&path, None, Some(65534));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    let kept = mode_and_group(&path);
    assert_eq!(kept.0, 0o660);
    (path, kept)
}

#[cfg(unix)]
#[test]
fn a_saved_report_keeps_its_mode_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let (path, kept) = shared_master(dir.path());
    let mut report = seed().report;
    report.title = "版 2".into();
    store::save(&path, &report).unwrap();
    assert_eq!(mode_and_group(&path), kept, "saved by store::save");
    let backup = &disk::backup_paths(&path, 1)[0];
    assert_eq!(mode_and_group(backup), kept, "its backup too");

    let mut doc = Document::open(&path).unwrap();
    let first = doc.report().sections[0].initiatives[0].id;
    doc.perform(Intent::SetInitiativeTitle {
        id: first,
        title: "版 3".into(),
    })
    .unwrap();
    doc.save_to(&path).unwrap();
    assert_eq!(mode_and_group(&path), kept, "saved by the document");
    assert_eq!(
        store::open(&path).unwrap().sections[0].initiatives[0].title,
        "版 3"
    );
    // An export written over a file keeps them as well (it is replaced the same way).
    store::write_atomically(&path, b"x").unwrap();
    assert_eq!(mode_and_group(&path), kept, "written atomically");
}

/// A report made read-only (`chmod a-w`; the read-only attribute on Windows).
fn read_only_master(dir: &Path) -> PathBuf {
    let path = dir.join("master.ron");
    store::save(&path, &seed().report).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    path
}

#[test]
fn a_read_only_report_is_refused_saying_so_and_how_to_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = read_only_master(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut report = seed().report;
    report.title = "版 2".into();
    let err = store::save(&path, &report).expect_err("refused");
    assert!(matches!(err, disk::WriteError::ReadOnly { .. }), "{err:?}");
    assert_eq!(
        err.describe(Lang::En),
        format!(
            "{}: the file is read-only (writing it is not permitted); not overwritten. Save \
             under another name, or make the file writable and save again",
            path.display()
        )
    );
    let ja = err.describe(Lang::Ja);
    assert!(
        ja.starts_with(&format!("{}: 読み取り専用のファイルです", path.display())),
        "{ja}"
    );
    assert!(ja.contains("別の名前で保存"), "{ja}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    assert!(!disk::backup_paths(&path, 1)[0].exists(), "nor a backup");
}

#[test]
fn a_document_overwrites_a_read_only_report_only_when_the_user_chooses_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = read_only_master(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let id = initiative(doc.report(), "1").id;
    let title = "読み取り専用でも保存".to_string();
    doc.perform(Intent::SetInitiativeTitle {
        id,
        title: title.clone(),
    })
    .unwrap();
    let err = doc.save_to(&path).expect_err("refused");
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("read-only"), "{err}");
    // --force is about another Shinchoku's lock and a change on disk, not this.
    let err = doc
        .save_to_with(&path, SaveOptions::FORCE)
        .expect_err("refused");
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    assert!(doc.is_dirty());

    let chosen = SaveOptions {
        overwrite_read_only: true,
        ..SaveOptions::default()
    };
    doc.save_to_with(&path, chosen).unwrap();
    assert_eq!(initiative(&store::open(&path).unwrap(), "1").title, title);
    assert!(!doc.is_dirty());
    let meta = std::fs::metadata(&path).unwrap();
    assert!(meta.permissions().readonly(), "it stays read-only");
    let backup = &disk::backup_paths(&path, 1)[0];
    assert_eq!(
        std::fs::read(backup).unwrap(),
        before,
        "the old one is the backup"
    );
}

/// Two reports whose names are not UTF-8 (総務.ron and 財政.ron in CP932, as on an old Samba
/// share) keep a chain of backups each. Their names read alike as text (`����.ron`), and the
/// backups were named from that text: saving one pushed the other's versions out.
#[cfg(unix)]
#[test]
fn reports_named_in_another_encoding_keep_their_own_backups() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let cp932 = |s: &str| encoding_rs::SHIFT_JIS.encode(s).0.into_owned();
    let name = |s: &str| dir.path().join(std::ffi::OsStr::from_bytes(&cp932(s)));
    let (a, b) = (name("総務.ron"), name("財政.ron"));
    let mut report = seed().report;
    for (path, title) in [
        (&a, "総務1"),
        (&b, "財政1"),
        (&a, "総務2"),
        (&b, "財政2"),
        (&a, "総務3"),
    ] {
        report.title = title.into();
        store::save(path, &report).unwrap();
    }
    let title_of = |p: PathBuf| {
        store::from_ron(&std::fs::read_to_string(p).unwrap())
            .unwrap()
            .title
    };
    let backups = |p: &Path| disk::backup_paths(p, 2);
    assert_eq!(title_of(a.clone()), "総務3");
    assert_eq!(title_of(backups(&a)[0].clone()), "総務2");
    assert_eq!(title_of(backups(&a)[1].clone()), "総務1");
    assert_eq!(title_of(b.clone()), "財政2");
    assert_eq!(title_of(backups(&b)[0].clone()), "財政1");
    assert!(!backups(&b)[1].exists());
}

/// A report whose name leaves no room for its backups' (`NAME.bak3` past the 255 bytes a file
/// system allows) is not saved, and says so: it replaced the file with no backup, unsaid. One
/// a byte shorter saves, keeping its three generations; and a lock that cannot exist for such
/// a name is no one's (it read as held 「by an unknown user, since 1970-01-01」).
#[cfg(unix)]
#[test]
fn a_name_too_long_for_its_backups_is_not_saved_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let report = seed().report;
    let long = dir.path().join(format!("{}.ron", "x".repeat(247)));
    let err = store::save(&long, &report).unwrap_err();
    assert!(
        matches!(err, disk::WriteError::NameTooLong { .. }),
        "{err:?}"
    );
    let said = err.describe(Lang::Ja);
    assert!(
        said.contains("名前が長すぎて、予備（.bak）の名前が付けられません"),
        "{said}"
    );
    // In bytes, as file systems count: 250 ASCII characters, 83 Japanese ones.
    assert!(
        said.contains("250バイト、半角なら250文字・全角なら83文字ほどまで"),
        "{said}"
    );
    assert!(!long.exists());
    assert!(shinchoku::store::lock::live_holder(&long).is_none());
    let fits = dir.path().join(format!("{}.ron", "x".repeat(246)));
    for k in 0..4 {
        let mut r = report.clone();
        r.title.push_str(&"。".repeat(k + 1));
        store::save(&fits, &r).unwrap();
    }
    for b in disk::backup_paths(&fits, 3) {
        assert!(b.exists(), "{}", b.display());
    }
}

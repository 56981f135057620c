//! Lock files beside reports open for editing: a second opener is told who has it, a lock
//! whose holder is gone is taken over, a live one only when asked, and it goes when the
//! document does.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use shinchoku::document::{Document, SaveError, SaveOptions};
use shinchoku::edit::Intent;
use shinchoku::lang::{Describe, Lang};
use shinchoku::store::{
    self,
    lock::{self, FileLock, LockHolder},
};

use crate::{initiative, seed};

fn seed_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("報告.ron");
    store::save(&path, &seed().report).unwrap();
    path
}

fn retitle(doc: &mut Document, title: &str) {
    let id = initiative(doc.report(), "3").id;
    doc.perform(Intent::SetInitiativeTitle {
        id,
        title: title.into(),
    })
    .unwrap();
}

#[test]
fn the_second_document_on_a_file_sees_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    let first = Document::open(&path).unwrap();
    let holder = first
        .lock()
        .expect("the first opener holds the lock")
        .holder()
        .clone();
    assert_eq!(holder.pid, Some(std::process::id()));
    assert_eq!(holder.user, lock::user_name());
    assert_eq!(holder.machine, lock::machine_name());
    let lock_file = dir.path().join(".~lock.報告.ron#");
    assert!(lock_file.exists());
    let text = std::fs::read_to_string(&lock_file).unwrap();
    assert!(text.starts_with("shinchoku-lock 1\n"), "{text}");

    let mut second = Document::open(&path).unwrap();
    assert_eq!(second.locked_by(), Some(&holder));
    assert!(second.is_read_only() && second.lock().is_none());
    assert!(second.locked_by().unwrap().is_this_process());
    assert!(second.locked_by().unwrap().to_string().contains(&format!(
        "({}, process {})",
        lock::machine_name(),
        std::process::id()
    )));
    // Its save is refused, naming the holder; nothing is written.
    retitle(&mut second, "二人目の変更");
    let err = second.save_to(&path).expect_err("locked");
    match &err {
        SaveError::Locked { holder: h, .. } => assert_eq!(**h, holder),
        other => panic!("{other:?}"),
    }
    assert_eq!(store::open(&path).unwrap(), seed().report);

    // The first closes: the lock goes, and the second can save (taking the lock).
    drop(first);
    assert!(!lock_file.exists());
    second.save_to(&path).unwrap();
    assert!(second.lock().is_some() && !second.is_read_only());
    assert_eq!(
        lock::holder_of(&path).unwrap().token,
        second.lock().unwrap().holder().token
    );
    drop(second);
    assert!(!lock_file.exists());
}

#[test]
fn a_lock_taken_over_is_noticed_by_its_former_holder_at_its_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    let mut first = Document::open(&path).unwrap();
    let mut second = Document::open(&path).unwrap();
    assert!(second.is_read_only());
    second.take_over_lock().unwrap();
    assert!(!second.is_read_only());
    assert!(first.lock().unwrap().check().is_err());

    retitle(&mut first, "一人目");
    match first.save_to(&path).expect_err("the lock was taken over") {
        SaveError::Locked { holder, .. } => {
            assert_eq!(holder.token, second.lock().unwrap().holder().token)
        }
        other => panic!("{other:?}"),
    }
    retitle(&mut second, "二人目");
    second.save_to(&path).unwrap();
    // Dropping the former holder does not remove the new holder's lock.
    drop(first);
    assert!(lock::lock_path(&path).exists());
    // A third opener while the second holds it: refused, then saved when the user confirms
    // (`--force` on the command line).
    let mut third = Document::open(&path).unwrap();
    retitle(&mut third, "三人目");
    assert!(third.save_to(&path).is_err());
    third.save_to_with(&path, SaveOptions::FORCE).unwrap();
    assert_eq!(
        initiative(&store::open(&path).unwrap(), "3").title,
        "三人目"
    );
}

/// A lock file as a process `pid` of `machine` would have left it.
fn left_behind(path: &Path, machine: &str, pid: u32, age: Duration) {
    let since = SystemTime::now() - age;
    let text = format!(
        "shinchoku-lock 1\nuser=someone\nmachine={machine}\npid={pid}\nsince={}\ntoken=left-behind\n",
        since.duration_since(UNIX_EPOCH).unwrap().as_secs()
    );
    std::fs::write(lock::lock_path(path), text).unwrap();
}

/// A pid that ran and is gone.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn a_lock_whose_process_is_gone_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    left_behind(
        &path,
        &lock::machine_name(),
        dead_pid(),
        Duration::from_secs(60),
    );
    let stale = lock::holder_of(&path).unwrap();
    assert_eq!(stale.user, "someone");
    if cfg!(target_os = "linux") {
        assert!(stale.is_stale());
        let doc = Document::open(&path).unwrap();
        assert!(doc.locked_by().is_none(), "{:?}", doc.locked_by());
        assert!(doc.lock().is_some());
    }
}

/// A window killed and not yet reaped by its parent (a zombie, as under a container's first
/// process) holds nothing: started again on its file, the window found its own crashed lock
/// live and opened the file read-only.
#[cfg(target_os = "linux")]
#[test]
fn a_lock_whose_process_is_a_zombie_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    let child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    // Exited, not waited for: a zombie until the child is dropped and waited below.
    let state = |pid: u32| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rsplit_once(')').map(|(_, a)| a.trim().chars().next()))
            .flatten()
    };
    let started = std::time::Instant::now();
    while state(pid) != Some('Z') {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the child exits"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    left_behind(&path, &lock::machine_name(), pid, Duration::from_secs(60));
    assert!(lock::holder_of(&path).unwrap().is_stale());
    let doc = Document::open(&path).unwrap();
    assert!(doc.locked_by().is_none(), "{:?}", doc.locked_by());
    let mut child = child;
    child.wait().unwrap();
}

#[test]
fn a_lock_of_another_machine_is_respected_until_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    left_behind(
        &path,
        "OTHER-PC",
        dead_pid(),
        Duration::from_secs(30 * 24 * 3600),
    );
    let held = lock::live_holder(&path).expect("not stale: that PC may be asleep");
    assert_eq!(held.machine, "OTHER-PC");
    match FileLock::acquire(&path) {
        Err(lock::LockError::Held { holder, .. }) => assert_eq!(*holder, held),
        other => panic!("{other:?}"),
    }
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.locked_by(), Some(&held));
    let taken = FileLock::take_over(&path).unwrap();
    assert_eq!(lock::holder_of(&path).unwrap(), *taken.holder());
    taken.release();
    assert!(lock::holder_of(&path).is_none());
}

#[test]
fn the_current_holder_is_this_process() {
    let me = LockHolder::current();
    assert!(me.is_this_process() && me.is_this_machine() && !me.is_stale());
    assert_ne!(me.token, LockHolder::current().token);
}

/// The lock file a Shinchoku started without a login name wrote (`user=` empty) on another PC.
fn nameless_lock(path: &Path) {
    let since = SystemTime::now() - Duration::from_secs(300);
    let text = format!(
        "shinchoku-lock 1\nuser=\nmachine=OTHER-PC\npid=4242\nsince={}\ntoken=nameless\n",
        since.duration_since(UNIX_EPOCH).unwrap().as_secs()
    );
    std::fs::write(lock::lock_path(path), text).unwrap();
}

#[test]
fn a_lock_without_a_user_name_says_so_and_names_the_computer_and_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    nameless_lock(&path);
    let holder = lock::live_holder(&path).expect("held from another PC");
    let en = holder.describe(Lang::En);
    assert!(
        en.starts_with("an unknown user (OTHER-PC, process 4242), since "),
        "{en}"
    );
    let ja = holder.describe(Lang::Ja);
    assert!(
        ja.starts_with("名前の分からない利用者（OTHER-PC、プロセス 4242）、"),
        "{ja}"
    );
    // What a save is told, in both languages.
    let mut doc = Document::open(&path).unwrap();
    retitle(&mut doc, "変更");
    let err = doc.save_to(&path).expect_err("held");
    let said = err.describe(Lang::En);
    assert!(
        said.contains("not saved: open in Shinchoku by an unknown user (OTHER-PC, process 4242)"),
        "{said}"
    );
    assert!(!said.contains('?'), "{said}");
    assert!(err.describe(Lang::Ja).contains("名前の分からない利用者"));
}

#[test]
fn an_unreadable_lock_file_is_held_by_an_unknown_user_on_an_unknown_computer() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    // Being written this instant, or damaged: not a lock file Shinchoku can read.
    std::fs::write(lock::lock_path(&path), "\u{0}\u{0}garbage").unwrap();
    let holder = lock::live_holder(&path).expect("fresh: respected for a minute");
    let en = holder.describe(Lang::En);
    assert!(
        en.starts_with("an unknown user (unknown computer), since "),
        "{en}"
    );
    let ja = holder.describe(Lang::Ja);
    assert!(
        ja.starts_with("名前の分からない利用者（コンピューター名不明）、"),
        "{ja}"
    );
}

/// A lock that cannot be read as a file — a pipe, a directory — is held by someone unknown
/// and never taken over by itself (a pipe's read never ended; an unreadable lock was removed
/// and the report saved under its holder).
#[cfg(unix)]
#[test]
fn a_lock_that_is_no_file_is_held_and_left_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    let lock_file = lock::lock_path(&path);
    let made = std::process::Command::new("mkfifo")
        .arg(&lock_file)
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let asked = path.clone();
    std::thread::spawn(move || {
        let _ = tx.send(lock::FileLock::acquire(&asked).map(|_| ()));
    });
    let taken = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("answers at once, without reading the pipe");
    let err = taken.expect_err("held");
    assert!(
        err.describe(Lang::Ja).contains("名前の分からない利用者"),
        "{err}"
    );
    assert!(lock_file.exists(), "left in place");
    let holder = lock::holder_of(&path).unwrap();
    assert!(!holder.is_stale_at(SystemTime::now() + Duration::from_secs(3600)));
}

/// A report opened through a symbolic link is saved where the link points, its backup beside
/// it, the link kept; and it is locked there (the link was replaced by a copy holding the save,
/// and a lock beside the real file was not seen).
#[cfg(unix)]
#[test]
fn a_report_opened_through_a_link_is_saved_and_locked_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let real = seed_file(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_eq!(lock::lock_path(&link), lock::lock_path(&real));
    let mut report = seed().report;
    report.title = "リンクから保存".into();
    shinchoku::store::save(&link, &report).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        shinchoku::store::open(&real).unwrap().title,
        "リンクから保存"
    );
    assert!(
        dir.path().join("報告.ron.bak").exists(),
        "the backup beside the file"
    );
    assert!(!dir.path().join("link.ron.bak").exists());
}

/// Two reports whose names differ only in bytes that are not UTF-8 have two locks.
#[cfg(unix)]
#[test]
fn reports_named_apart_by_bytes_have_locks_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join(std::ffi::OsStr::from_bytes(b"m\xfe.ron"));
    let b = dir.path().join(std::ffi::OsStr::from_bytes(b"m\xff.ron"));
    assert_ne!(lock::lock_path(&a), lock::lock_path(&b));
}

/// The child: prints the login name a lock would record, started without `USER`, `USERNAME`
/// and `LOGNAME`.
#[test]
fn child_prints_user_name() {
    if std::env::var(crate::CHILD).as_deref() == Ok("user-name") {
        println!("user-name={}", lock::user_name());
    }
}

#[cfg(unix)]
#[test]
fn without_a_login_name_in_the_environment_the_lock_names_the_account() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["locks::child_prints_user_name", "--exact", "--nocapture"])
        .args(["--test-threads=1"])
        .env(crate::CHILD, "user-name")
        .env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    let account = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let account = String::from_utf8_lossy(&account.stdout).trim().to_string();
    assert!(!account.is_empty());
    assert!(said.contains(&format!("user-name={account}\n")), "{said}");
}

/// A lock naming a user of ten thousand characters (damaged, or hostile) is named by the
/// start of it: a refusal stays a line (it printed the whole name, 9 MB for 3 million).
#[test]
fn a_lock_with_an_endless_user_name_is_named_by_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    let user = "山".repeat(10_000);
    let text = format!(
        "shinchoku-lock 1\nuser={user}\nmachine=PC-0123\npid=4242\nsince=1700000000\ntoken=x\n"
    );
    std::fs::write(lock::lock_path(&path), text).unwrap();
    let said = lock::holder_of(&path).unwrap().describe(Lang::Ja);
    assert!(said.chars().count() < 120, "{}", said.chars().count());
    assert!(said.starts_with("山山山") && said.contains('…'), "{said}");
}

/// A folder standing where the lock goes: a forced save (`--force`) fails naming the lock,
/// not the report (「m.ron: cannot save: Is a directory」 sent the user to a sound file).
#[test]
fn a_folder_in_the_locks_place_is_named_when_a_forced_save_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    let mut doc = Document::sample();
    doc.save_to(&path).unwrap();
    drop(doc);
    let lock = shinchoku::store::lock::lock_path(&path);
    std::fs::create_dir(&lock).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let err = doc
        .save_to_with(&path, shinchoku::document::SaveOptions::FORCE)
        .expect_err("the lock cannot be written");
    let said = err.to_string();
    assert!(said.contains(".~lock.m.ron#"), "{said}");
}

/// In a child started by the test below: holds the lock of `CHILD_REPORT`, says `locked`,
/// and waits to be stopped.
#[test]
fn child_holds_a_lock_until_stopped() {
    use std::io::Write;
    let Some(report) = crate::child_var("hold-lock", "CHILD_REPORT") else {
        return;
    };
    let lock = FileLock::acquire(&report).unwrap();
    println!("locked");
    std::io::stdout().flush().unwrap();
    std::thread::sleep(Duration::from_secs(60));
    drop(lock);
}

/// Started holding a report's lock and stopped by a signal (Ctrl+C, `kill`, a closed
/// terminal): the child ends by that signal and its lock is gone — it stayed, and a colleague
/// on another computer was told the report was open. A lock taken over meanwhile is another's:
/// it stays.
#[cfg(unix)]
#[test]
fn a_lock_is_removed_when_its_process_is_stopped_by_a_signal() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    for (signal, taken_over) in [
        (libc::SIGTERM, false),
        (libc::SIGINT, false),
        (libc::SIGHUP, false),
        (libc::SIGTERM, true),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let report = seed_file(dir.path());
        let mut child = crate::child(
            "locks::child_holds_a_lock_until_stopped",
            "hold-lock",
            &[("CHILD_REPORT", &report)],
        );
        let out = std::io::BufReader::new(child.stdout.take().unwrap());
        assert!(
            out.lines()
                .map_while(Result::ok)
                .any(|l| l.ends_with("locked")),
            "the child took the lock"
        );
        let holder = lock::holder_of(&report).expect("a lock beside the report");
        assert_eq!(holder.pid, Some(child.id()));
        let ours = taken_over.then(|| FileLock::take_over(&report).unwrap());
        // SAFETY: a signal to the child this test started.
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(signal), "ended by the signal");
        let left = lock::holder_of(&report);
        match ours {
            None => assert!(
                left.is_none(),
                "signal {signal}: the lock is gone: {left:?}"
            ),
            Some(ours) => assert_eq!(left.map(|h| h.token), Some(ours.holder().token.clone())),
        }
    }
}

/// LibreOffice's lock of the same name (`.~lock.報告.ron#`, the report opened in it to read)
/// names its user and computer and LibreOffice, and the lock file to remove when nobody has
/// the file open; it is never taken as stale, as whether LibreOffice still has the file open
/// cannot be told. It was said to be open "in Shinchoku by an unknown user", naming no file.
#[test]
fn a_libreoffice_lock_is_named_as_one_and_respected() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_file(dir.path());
    let machine = lock::machine_name();
    let text =
        format!(",山田 太郎,{machine},07.12.2026 09:00,file:///home/yamada/.config/libreoffice/4;");
    std::fs::write(lock::lock_path(&path), text).unwrap();
    let holder = lock::holder_of(&path).unwrap();
    assert_eq!(holder.program, Some("LibreOffice"));
    assert_eq!(
        (holder.user.as_str(), holder.machine.as_str()),
        ("山田 太郎", machine.as_str())
    );
    assert!(!holder.is_stale(), "this machine's, but not Shinchoku's");
    let mut doc = Document::open(&path).unwrap();
    retitle(&mut doc, "LibreOfficeで開かれている間の変更");
    let refused = doc.save_to_with(&path, SaveOptions::default()).unwrap_err();
    assert!(matches!(refused, SaveError::Locked { .. }));
    let said = refused.describe(Lang::Ja);
    assert!(
        said.contains(&format!("山田 太郎（{machine}、LibreOffice）"))
            && said.contains("ロックファイル .~lock.報告.ron#。だれも開いていなければ、このファイルを削除してください"),
        "{said}"
    );
    doc.save_to_with(&path, SaveOptions::FORCE).unwrap();
}

/// Saving a report another user holds says who, in Japanese as it reads: 「…が…から進捗で開い
/// ています」 (it read 「…、2026-12-06 23:33からが進捗で開いています」).
#[test]
fn who_holds_the_report_reads_as_japanese_writes_it() {
    use shinchoku::lang::Lang;
    use shinchoku::store::lock::LockHolder;
    let since = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_765_000_000);
    let holder = LockHolder {
        user: "tanaka".into(),
        machine: "PC-SOUMU-07".into(),
        pid: Some(4242),
        since,
        started: None,
        token: String::new(),
        program: None,
    };
    let path = std::path::Path::new("master.ron");
    let said = holder.held_words(path, Lang::Ja);
    assert!(
        said.starts_with("tanaka（PC-SOUMU-07、プロセス 4242）が")
            && said.ends_with("から進捗で開いています")
            && !said.contains("からが"),
        "{said}"
    );
    let other = LockHolder {
        program: Some("LibreOffice"),
        ..holder
    };
    let said = other.held_words(path, Lang::Ja);
    assert!(
        said.starts_with("tanaka（PC-SOUMU-07、プロセス 4242、LibreOffice）が")
            && said.contains("から開いています（ロックファイル"),
        "{said}"
    );
}

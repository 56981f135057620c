//! The lock file a report open for editing has beside it, so that a colleague opening it from
//! the shared drive is told who has it open.
//!
//! Beside `NAME.ron` the lock is `.~lock.NAME.ron#`, named the way LibreOffice names its own
//! (people on shared drives know those files). It holds UTF-8 `key=value` lines: the first line
//! `shinchoku-lock 1`, then `user`, `machine`, `pid`, `started` (the process's start time, to
//! tell a reused pid), `since` (seconds since 1970) and `token` (which open document holds it).
//!
//! A lock is *stale* when its holder is gone: on the same machine, its process no longer runs
//! (on Linux `/proc/PID` is gone or belongs to a later process; elsewhere, where this build
//! cannot ask, when it is older than [`STALE_AFTER_ELSEWHERE`]). A stale lock is taken over by
//! [`FileLock::acquire`]; a live one only by an explicit [`FileLock::take_over`]. A lock of
//! another machine is never stale by itself: that machine may just be asleep.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::lang::{Describe, Lang, say};

/// Where this build cannot tell whether a process runs (not Linux), a lock of this machine
/// this old is taken as left behind by a crash.
pub const STALE_AFTER_ELSEWHERE: Duration = Duration::from_secs(12 * 3600);

const MAGIC: &str = "shinchoku-lock 1";

/// Who holds a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHolder {
    /// The login name (`USER` / `USERNAME`).
    pub user: String,
    /// The host name.
    pub machine: String,
    pub pid: Option<u32>,
    /// When the lock was taken.
    pub since: SystemTime,
    /// The process's start time (Linux clock ticks since boot), to tell a reused pid.
    pub started: Option<u64>,
    /// Which open document holds it: two documents of one process hold different tokens.
    pub token: String,
    /// Another program's lock of the same name (`LibreOffice`, whose lock files Shinchoku's
    /// are named like): respected, never taken as stale (whether that program still has the
    /// file open cannot be told); it was said to be open "in Shinchoku by an unknown user".
    pub program: Option<&'static str>,
}

impl LockHolder {
    /// This process, now, with a fresh token.
    pub fn current() -> LockHolder {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let pid = std::process::id();
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        LockHolder {
            user: user_name(),
            machine: machine_name(),
            pid: Some(pid),
            // Whole seconds, as the file holds it: the holder read back equals this one.
            since: UNIX_EPOCH + Duration::from_secs(now.as_secs()),
            started: process_start(pid),
            token: format!(
                "{pid}-{}-{}",
                now.as_nanos(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ),
            program: None,
        }
    }

    /// Held from this machine.
    pub fn is_this_machine(&self) -> bool {
        self.machine.eq_ignore_ascii_case(&machine_name())
    }

    /// Held by this very process (another document of it, or an earlier open of the same
    /// file).
    pub fn is_this_process(&self) -> bool {
        self.is_this_machine()
            && self.pid == Some(std::process::id())
            && self.started == process_start(std::process::id())
    }

    /// Its holder is gone (see the module).
    pub fn is_stale(&self) -> bool {
        self.is_stale_at(SystemTime::now())
    }

    pub fn is_stale_at(&self, now: SystemTime) -> bool {
        if !self.is_this_machine() || self.program.is_some() {
            return false;
        }
        match (self.pid, process_running(self.pid, self.started)) {
            (None, _) => true,
            (Some(_), Some(running)) => !running,
            // Cannot ask the system: only age tells.
            (Some(_), None) => now
                .duration_since(self.since)
                .is_ok_and(|age| age > STALE_AFTER_ELSEWHERE),
        }
    }

    fn to_text(&self) -> String {
        let since = self
            .since
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut text = format!(
            "{MAGIC}\nuser={}\nmachine={}\n",
            one_line(&self.user),
            one_line(&self.machine)
        );
        if let Some(pid) = self.pid {
            text.push_str(&format!("pid={pid}\n"));
        }
        if let Some(started) = self.started {
            text.push_str(&format!("started={started}\n"));
        }
        text.push_str(&format!("since={since}\ntoken={}\n", one_line(&self.token)));
        text
    }

    fn parse(text: &str) -> Option<LockHolder> {
        let mut lines = text.lines();
        if lines.next()?.trim() != MAGIC {
            return None;
        }
        let mut holder = LockHolder {
            user: String::new(),
            machine: String::new(),
            pid: None,
            since: UNIX_EPOCH,
            started: None,
            token: String::new(),
            program: None,
        };
        for line in lines {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            // A name is a few words: a longer one (a damaged or hostile file) is cut, so a
            // message naming the holder stays a line.
            let name = |v: &str| crate::model::text::preview(v);
            match key {
                "user" => holder.user = name(value),
                "machine" => holder.machine = name(value),
                "pid" => holder.pid = value.parse().ok(),
                "started" => holder.started = value.parse().ok(),
                "since" => {
                    holder.since = value
                        .parse()
                        .ok()
                        .and_then(|s| UNIX_EPOCH.checked_add(Duration::from_secs(s)))
                        .unwrap_or(UNIX_EPOCH)
                }
                "token" => holder.token = value.to_string(),
                _ => {}
            }
        }
        (!holder.token.is_empty()).then_some(holder)
    }

    /// A LibreOffice lock file: one line, `,Name,HOST,07.12.2026 09:00,file:///…;` (the
    /// user's name as LibreOffice knows it, the login name when that is empty).
    fn parse_libreoffice(text: &str, since: SystemTime) -> Option<LockHolder> {
        let line = text.lines().next()?.trim().strip_suffix(';')?;
        let fields: Vec<&str> = line.split(',').collect();
        let [formal, login, host, _date, _url] = fields.as_slice() else {
            return None;
        };
        let user = if formal.trim().is_empty() {
            login
        } else {
            formal
        };
        Some(LockHolder {
            user: crate::model::text::preview(user.trim()),
            machine: crate::model::text::preview(host.trim()),
            pid: None,
            since,
            started: None,
            token: String::new(),
            program: Some("LibreOffice"),
        })
    }

    /// `open in Shinchoku by …` (in another program: named), and for another program's lock
    /// the lock file to remove when nobody has the file open.
    pub fn held_words(&self, report: &Path, lang: Lang) -> String {
        let holder = self.describe(lang);
        // Japanese puts the time after が: 「…、…からが開いています」 read wrong.
        let (user, place, since) = self.parts(Lang::Ja);
        let who = format!("{user}（{place}）が{since}から");
        match self.program {
            None => say(
                lang,
                format!("{who}進捗で開いています"),
                format!("open in Shinchoku by {holder}"),
            ),
            Some(_) => {
                let lock = lock_path(report);
                let lock = lock.file_name().unwrap_or_default().to_string_lossy();
                say(
                    lang,
                    format!(
                        "{who}開いています（ロックファイル {lock}。だれも開いていなければ、このファイルを削除してください）"
                    ),
                    format!(
                        "open by {holder} (its lock file {lock}: if nobody has the file open, \
                         remove it)"
                    ),
                )
            }
        }
    }
}

impl Describe for LockHolder {
    /// `yamada (PC-0123, process 4242), since 2024-05-01 09:12`;
    /// `yamada（PC-0123、プロセス 4242）、2024-05-01 09:12から`. A lock file that names no user
    /// (written where the login name could not be found) or cannot be read says so in words,
    /// with what it does tell: the computer and the process.
    fn describe(&self, lang: Lang) -> String {
        let (user, place, since) = self.parts(lang);
        say(
            lang,
            format!("{user}（{place}）、{since}から"),
            format!("{user} ({place}), since {since}"),
        )
    }
}

impl LockHolder {
    /// Who, where (the computer, the process, another program) and since when, in `lang`.
    fn parts(&self, lang: Lang) -> (String, String, String) {
        let unknown = say(lang, "時刻不明".into(), "an unknown time".into());
        let since = crate::model::clock::shown(self.since, "%Y-%m-%d %H:%M", &unknown);
        let user = match self.user.trim() {
            "" => say(
                lang,
                "名前の分からない利用者".into(),
                "an unknown user".into(),
            ),
            user => user.to_string(),
        };
        let machine = match self.machine.trim() {
            "" => say(
                lang,
                "コンピューター名不明".into(),
                "unknown computer".into(),
            ),
            machine => machine.to_string(),
        };
        let place = match self.pid {
            Some(pid) => say(
                lang,
                format!("{machine}、プロセス {pid}"),
                format!("{machine}, process {pid}"),
            ),
            None => machine,
        };
        // Another program's lock names it: the window's dialog shows this alone.
        let place = match self.program {
            Some(program) => say(
                lang,
                format!("{place}、{program}"),
                format!("{place}, {program}"),
            ),
            None => place,
        };
        (user, place, since)
    }
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// `.~lock.NAME#` beside the report.
pub fn lock_path(report: &Path) -> PathBuf {
    // Beside the file itself: a report opened through a link is locked where it is, as it is
    // saved there.
    let report = super::links::linked_file(report);
    // The name as the system has it (not made UTF-8: `m\xfe.ron` and `m\xff.ron` are two).
    let mut name = std::ffi::OsString::from(".~lock.");
    name.push(report.file_name().unwrap_or("report".as_ref()));
    name.push("#");
    report.with_file_name(name)
}

#[derive(Debug)]
pub enum LockError {
    /// Someone else holds it (not stale).
    Held {
        report: PathBuf,
        holder: Box<LockHolder>,
    },
    /// The lock file cannot be written or read (a read-only share, no permission).
    Io { lock: PathBuf, error: io::Error },
}

impl Describe for LockError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            LockError::Held { report, holder } => {
                format!("{}: {}", report.display(), holder.held_words(report, lang))
            }
            LockError::Io { lock, error } => say(
                lang,
                format!(
                    "{}: ロックファイルを書けません: {}",
                    lock.display(),
                    error.describe(lang)
                ),
                format!("{}: cannot write the lock file: {error}", lock.display()),
            ),
        }
    }
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for LockError {}

/// A lock file is a few lines; no more than this is read of one.
const MOST_LOCK_BYTES: u64 = 64 << 10;

/// The lock's holder, if there is a lock file. One that does not read as a lock (being written
/// this instant, or damaged) is reported as held by an unknown user on an unknown computer
/// (`machine` empty), stale after a minute. One that cannot be read at all — another
/// account's, with no read permission; a directory, a pipe or a device in its place — is held
/// by an unknown user and never stale by itself: its holder is not known to be gone, so it
/// is not removed (only taken over, by the user's choice).
pub fn holder_of(report: &Path) -> Option<LockHolder> {
    use std::io::Read;
    let lock = lock_path(report);
    let unknown = |since: SystemTime| LockHolder {
        user: String::new(),
        machine: String::new(),
        pid: None,
        since,
        started: None,
        token: String::new(),
        program: None,
    };
    let meta = match std::fs::metadata(&lock) {
        Ok(meta) => meta,
        // A lock whose name is longer than the system allows (a report's name of 250 bytes)
        // cannot be there: no one holds it. Read as held, it named 「an unknown user, since
        // 1970-01-01」.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::InvalidFilename
            ) =>
        {
            return None;
        }
        Err(_) => return Some(unknown(UNIX_EPOCH)),
    };
    let since = meta.modified().unwrap_or(UNIX_EPOCH);
    // A pipe would never end a read, a device might not either.
    if !meta.is_file() {
        return Some(unknown(since));
    }
    let mut text = Vec::new();
    let read =
        std::fs::File::open(&lock).and_then(|f| f.take(MOST_LOCK_BYTES).read_to_end(&mut text));
    match read {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
        Err(_) => return Some(unknown(since)),
    }
    let text = String::from_utf8_lossy(&text);
    Some(
        (LockHolder::parse(&text))
            .or_else(|| LockHolder::parse_libreoffice(&text, since))
            .unwrap_or_else(|| {
                let fresh = SystemTime::now()
                    .duration_since(since)
                    .map_or(true, |age| age < Duration::from_secs(60));
                LockHolder {
                    machine: if fresh { String::new() } else { machine_name() },
                    ..unknown(since)
                }
            }),
    )
}

/// The holder of a live (not stale) lock: what a command that would overwrite the report must
/// respect.
pub fn live_holder(report: &Path) -> Option<LockHolder> {
    holder_of(report).filter(|h| !h.is_stale())
}

/// A held lock; the file is removed when it is dropped, unless someone took it over meanwhile
/// — and when the process is stopped by a signal ([`super::lock_on_signal`]).
#[derive(Debug)]
pub struct FileLock {
    report: PathBuf,
    lock: PathBuf,
    holder: LockHolder,
    _on_signal: super::lock_on_signal::Registered,
}

impl FileLock {
    fn held(report: &Path, lock: PathBuf, holder: LockHolder) -> FileLock {
        let on_signal = super::lock_on_signal::register(&lock, &holder.token);
        FileLock {
            report: report.to_path_buf(),
            lock,
            holder,
            _on_signal: on_signal,
        }
    }
}

impl FileLock {
    /// Takes the lock, or takes over a stale one; `Held` names whoever holds it.
    pub fn acquire(report: &Path) -> Result<FileLock, LockError> {
        let lock = lock_path(report);
        let holder = LockHolder::current();
        // Twice at most: once to find a stale lock, once after removing it.
        for _ in 0..2 {
            match create_new(&lock, &holder) {
                Ok(()) => return Ok(FileLock::held(report, lock, holder)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let existing = holder_of(report);
                    match existing {
                        Some(h) if !h.is_stale() => {
                            return Err(LockError::Held {
                                report: report.to_path_buf(),
                                holder: Box::new(h),
                            });
                        }
                        _ => match std::fs::remove_file(&lock) {
                            Ok(()) => {}
                            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                            Err(error) => return Err(LockError::Io { lock, error }),
                        },
                    }
                }
                Err(error) => return Err(LockError::Io { lock, error }),
            }
        }
        match holder_of(report) {
            Some(h) => Err(LockError::Held {
                report: report.to_path_buf(),
                holder: Box::new(h),
            }),
            None => Err(LockError::Io {
                lock,
                error: io::Error::other("the lock file keeps changing"),
            }),
        }
    }

    /// Takes the lock whoever holds it (the user confirmed the holder is gone). The former
    /// holder finds out at its next save: [`FileLock::check`] says the lock is another's.
    pub fn take_over(report: &Path) -> Result<FileLock, LockError> {
        let lock = lock_path(report);
        let holder = LockHolder::current();
        super::write_atomically(&lock, holder.to_text().as_bytes()).map_err(|error| {
            LockError::Io {
                lock: lock.clone(),
                error,
            }
        })?;
        Ok(FileLock::held(report, lock, holder))
    }

    pub fn holder(&self) -> &LockHolder {
        &self.holder
    }

    /// Whether the lock file still names this lock; `Err` names who took it over.
    pub fn check(&self) -> Result<(), LockError> {
        match holder_of(&self.report) {
            Some(h) if h.token == self.holder.token => Ok(()),
            Some(h) => Err(LockError::Held {
                report: self.report.clone(),
                holder: Box::new(h),
            }),
            // Removed by someone: ours again, written back.
            None => create_new(&self.lock, &self.holder).map_err(|error| LockError::Io {
                lock: self.lock.clone(),
                error,
            }),
        }
    }

    /// Releases the lock now (the same as dropping it).
    pub fn release(self) {}
}

impl Drop for FileLock {
    fn drop(&mut self) {
        if holder_of(&self.report).is_some_and(|h| h.token == self.holder.token) {
            let _ = std::fs::remove_file(&self.lock);
        }
    }
}

fn create_new(lock: &Path, holder: &LockHolder) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(lock)?;
    let written = file
        .write_all(holder.to_text().as_bytes())
        .and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(lock);
    }
    written
}

/// The login name: from the environment, else (Unix) the system's account of this user; empty
/// when neither tells (the lock's holder is then worded as an unknown user).
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(account_name)
        .unwrap_or_default()
}

/// The name of this process's user in the system's accounts (`getpwuid_r`), for a session
/// started without `USER` (a service, `env -i`, some remote shells).
#[cfg(unix)]
fn account_name() -> Option<String> {
    let mut buffer = vec![0 as libc::c_char; 4096];
    // SAFETY: an all-zero passwd is a valid value of a plain C struct; getpwuid_r fills it
    // and `found` with pointers into `buffer`, which outlives their use below.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    let status = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name points to a NUL-terminated string inside `buffer`.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    Some(name.to_string_lossy().into_owned()).filter(|n| !n.trim().is_empty())
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// The host name: from the environment (Windows sets `COMPUTERNAME`), else the system's files.
pub fn machine_name() -> String {
    let from_env = ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok());
    let from_files = || {
        ["/proc/sys/kernel/hostname", "/etc/hostname"]
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
    };
    from_env
        .or_else(from_files)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// Start time of a process in clock ticks since boot (Linux), to tell a reused pid.
fn process_start(pid: u32) -> Option<u64> {
    process_stat(pid).map(|(_, start)| start)
}

/// A process's state letter and start time (Linux `/proc/PID/stat`).
fn process_stat(pid: u32) -> Option<(char, u64)> {
    #[cfg(target_os = "linux")]
    {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The command name, in brackets, may hold spaces: count fields after its `)`.
        let after = &stat[stat.rfind(')')? + 1..];
        let mut fields = after.split_whitespace();
        // Field 3 of the line (the state) is the first after the name; field 22 the start.
        let state = fields.next()?.chars().next()?;
        Some((state, fields.nth(18)?.parse().ok()?))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        None
    }
}

/// Whether the process runs: `None` where this build cannot tell.
fn process_running(pid: Option<u32>, started: Option<u64>) -> Option<bool> {
    let pid = pid?;
    #[cfg(target_os = "linux")]
    {
        if !Path::new(&format!("/proc/{pid}")).exists() {
            return Some(false);
        }
        Some(match (started, process_stat(pid)) {
            // A process killed but not yet reaped by its parent (a zombie) holds nothing:
            // starting again on the file found its own crashed window's lock live.
            (_, Some(('Z' | 'X', _))) => false,
            (Some(a), Some((_, b))) => a == b,
            _ => true,
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (pid, started);
        None
    }
}

/// Whether a process of this machine still runs, where this build can tell (Linux); used for
/// recovery copies, which name the process that writes them.
pub fn process_alive(pid: u32, started: Option<u64>) -> Option<bool> {
    process_running(Some(pid), started)
}

/// This process's start time (Linux), recorded with its recovery copies.
pub fn this_process_start() -> Option<u64> {
    process_start(std::process::id())
}

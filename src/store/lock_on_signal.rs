//! The locks this process holds, removed when it is stopped by Ctrl+C, `kill` or a closed
//! terminal (SIGINT, SIGTERM, SIGHUP). Without this a `collect` stopped half-way left its
//! lock beside the master: on this computer the next open saw its process gone and took it
//! over, but a colleague on another computer of the shared drive was told the report was open
//! until someone took it over by hand. A lock taken over by someone else meanwhile (its token
//! is no longer ours) is left. After removing them the signal is raised again, so the process
//! ends as it would have.
//!
//! Unix only (the build here). On Windows a console's Ctrl+C or a closed window's end is not
//! caught: the lock stays, as a crash's does, and is told apart as a crash's is.

/// A lock registered to be removed on a signal, until it is dropped (the lock released).
#[derive(Debug)]
pub(super) struct Registered(#[cfg_attr(not(unix), allow(dead_code))] Option<usize>);

#[cfg(not(unix))]
pub(super) fn register(_lock: &std::path::Path, _token: &str) -> Registered {
    Registered(None)
}

#[cfg(unix)]
pub(super) use unix::register;

#[cfg(unix)]
mod unix {
    use std::ffi::{CStr, CString};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr::null_mut;
    use std::sync::Once;
    use std::sync::atomic::{AtomicPtr, Ordering};

    use super::Registered;

    /// How many locks at once are removed on a signal: more reports than anyone opens.
    const SLOTS: usize = 64;

    /// A held lock: its file and its token, each ending in NUL for the system's calls.
    struct Held {
        path: CString,
        token: CString,
    }

    /// The locks held. A `Held` is never freed once registered: the signal handler may be
    /// reading it on another thread at the moment the lock is released (a few hundred bytes
    /// for each lock taken).
    static HELD: [AtomicPtr<Held>; SLOTS] = [const { AtomicPtr::new(null_mut()) }; SLOTS];

    pub(in crate::store) fn register(lock: &Path, token: &str) -> Registered {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(install);
        let (Ok(path), Ok(token)) = (
            CString::new(lock.as_os_str().as_bytes()),
            CString::new(token),
        ) else {
            return Registered(None);
        };
        let held = Box::into_raw(Box::new(Held { path, token }));
        for (k, slot) in HELD.iter().enumerate() {
            let free = slot.compare_exchange(null_mut(), held, Ordering::SeqCst, Ordering::SeqCst);
            if free.is_ok() {
                return Registered(Some(k));
            }
        }
        // Every slot taken: this lock stays on a signal, as it did before.
        // SAFETY: `held` was made above by `Box::into_raw` and was stored nowhere.
        drop(unsafe { Box::from_raw(held) });
        Registered(None)
    }

    impl Drop for Registered {
        fn drop(&mut self) {
            if let Some(k) = self.0 {
                // Leaked on purpose (see `HELD`).
                HELD[k].store(null_mut(), Ordering::SeqCst);
            }
        }
    }

    /// Handles SIGINT, SIGTERM and SIGHUP, except one this process was started ignoring
    /// (`nohup` ignores SIGHUP: it stays ignored).
    fn install() {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            // SAFETY: setting a signal's disposition to a handler that only makes
            // async-signal-safe calls (open, read, close, unlink, signal, raise).
            unsafe {
                if libc::signal(signal, handler) == libc::SIG_IGN {
                    libc::signal(signal, libc::SIG_IGN);
                }
            }
        }
    }

    /// Removes every lock still ours, then ends the process by the same signal. Nothing here
    /// allocates or takes a lock: a signal may come while another thread holds the allocator.
    extern "C" fn on_signal(signal: libc::c_int) {
        for slot in &HELD {
            let held = slot.load(Ordering::SeqCst);
            if held.is_null() {
                continue;
            }
            // SAFETY: a registered `Held` is never freed (see `HELD`).
            let held = unsafe { &*held };
            if holds_token(&held.path, &held.token) {
                // SAFETY: unlink is async-signal-safe; the path ends in NUL.
                unsafe { libc::unlink(held.path.as_ptr()) };
            }
        }
        // SAFETY: both are async-signal-safe. The signal is blocked while this runs, so the
        // one raised is delivered, with the default action, when it returns.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    /// Whether the lock file at `path` still holds the line `token=TOKEN` in its first 16 KB
    /// (a lock's text is a few hundred bytes; a longer one is left).
    fn holds_token(path: &CStr, token: &CStr) -> bool {
        let mut buffer = [0u8; 16 * 1024];
        // SAFETY: open, read and close are async-signal-safe; the path ends in NUL and the
        // reads stay within `buffer`.
        let read = unsafe {
            let fd = libc::open(path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
            if fd < 0 {
                return false;
            }
            let mut len = 0usize;
            while len < buffer.len() {
                let room = buffer.len() - len;
                let n = libc::read(fd, buffer[len..].as_mut_ptr().cast(), room);
                if n <= 0 {
                    break;
                }
                len += n as usize;
            }
            libc::close(fd);
            len
        };
        let token = token.to_bytes();
        buffer[..read]
            .split(|&b| b == b'\n')
            .any(|line| line.strip_prefix(b"token=".as_slice()) == Some(token))
    }
}

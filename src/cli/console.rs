//! The command line's output: what `print!`, `println!` and `eprintln!` do, except at a closed
//! pipe. std's macros panic when a write fails, so `shinchoku check big.ron | head -1` ended
//! with a panic message and exit code 101 once `head` had read its line. Here a stream whose
//! reader is gone (a broken pipe, on Unix and on Windows alike) is left quietly: nothing more
//! is written to it and the command goes on, so a file it writes is still written and it
//! exits as it would have. Any other failure to write (a full disk under `> out.txt`) is said
//! once on standard error and makes the command exit 1 (`diff` 2, [`exit_code`]): output is never lost
//! without a word.
//!
//! Each command's file imports the macros under std's names (`use crate::console_println as
//! println;`), so its output goes through here without changing a line of it. [`outln!`] and
//! [`errln!`] write through them too, with every character that does not show as its mark.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

pub mod bar;

/// Standard output's reader is gone: nothing more is written to it.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// Standard error's reader is gone.
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);
/// A write failed other than at a closed pipe: the command exits 1.
static FAILED: AtomicBool = AtomicBool::new(false);

/// Writes to standard output (the macros' work).
pub fn write_out(args: fmt::Arguments<'_>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != io::ErrorKind::BrokenPipe {
            FAILED.store(true, Ordering::Relaxed);
            write_err(format_args!(
                "shinchoku: cannot write to standard output: {e}\n"
            ));
        }
    }
}

/// Standard output as a stream (`check --json` writes through it): a closed pipe ends it
/// with an error the writer stops at, said no more than the macros say it.
pub struct StdoutStream;

impl Write for StdoutStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if STDOUT_CLOSED.load(Ordering::Relaxed) {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        if let Err(e) = io::stdout().lock().write_all(buf) {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            if e.kind() != io::ErrorKind::BrokenPipe {
                FAILED.store(true, Ordering::Relaxed);
                write_err(format_args!(
                    "shinchoku: cannot write to standard output: {e}\n"
                ));
            }
            return Err(e);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if STDOUT_CLOSED.load(Ordering::Relaxed) {
            return Ok(());
        }
        io::stdout().lock().flush()
    }
}

/// Writes to standard error (the macros' work). Where even that fails there is nobody left to
/// tell; the exit code still says it.
pub fn write_err(args: fmt::Arguments<'_>) {
    if STDERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if let Err(e) = io::stderr().lock().write_fmt(args) {
        STDERR_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != io::ErrorKind::BrokenPipe {
            FAILED.store(true, Ordering::Relaxed);
        }
    }
}

/// The command's exit code, or `failed` when its output could not be written (not at a closed
/// pipe, which is the reader's choice).
pub fn exit_code(code: ExitCode, failed: ExitCode) -> ExitCode {
    if FAILED.load(Ordering::Relaxed) {
        failed
    } else {
        code
    }
}

/// `print!` that leaves a closed pipe quietly (see the module).
#[macro_export]
macro_rules! console_print {
    ($($arg:tt)*) => { $crate::cli::console::write_out(format_args!($($arg)*)) };
}

/// `println!` that leaves a closed pipe quietly (see the module).
#[macro_export]
macro_rules! console_println {
    () => { $crate::cli::console::write_out(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::cli::console::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` that leaves a closed pipe quietly (see the module).
#[macro_export]
macro_rules! console_eprintln {
    () => { $crate::cli::console::write_err(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::cli::console::write_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `println!` for the terminal: each character that does not show — an ESC sequence or a
/// right-to-left override read from a report, an answer or a file name — is written as its
/// mark (`<ESC U+001B>`, `crate::model::text::visible`), so nothing printed acts on the
/// terminal or hides what follows.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::console_println!("{}", $crate::model::text::visible(&format!($($arg)*)))
    };
}
pub(crate) use outln;

/// `eprintln!` for the terminal, the same way as [`outln!`].
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::console_eprintln!("{}", $crate::model::text::visible(&format!($($arg)*)))
    };
}
pub(crate) use errln;

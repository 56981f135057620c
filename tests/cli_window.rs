//! `shinchoku` with no subcommand opens the window; where there is no display it must say so,
//! in Japanese and English, with what to install and that the command line works, and exit 2
//! — not hang, not panic. Run without a display on purpose: the test needs none.
#![cfg(feature = "gui")]

use std::process::Command;
#[cfg(all(unix, not(target_os = "macos")))]
use std::time::{Duration, Instant};

/// Runs the binary with no display variables, giving up (and failing) after a minute: a window
/// that somehow opened would otherwise wait for a person. Only where the window needs DISPLAY
/// or WAYLAND_DISPLAY: on Windows and macOS there is always a desktop to open it on.
#[cfg(all(unix, not(target_os = "macos")))]
fn without_display(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("shinchoku without a display did not stop within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .expect("piped")
        .read_to_string(&mut stderr)
        .expect("stderr is text");
    (status.code(), stderr)
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn no_display_says_so_in_both_languages_and_exits_2() {
    let (code, stderr) = without_display(&[]);
    assert_eq!(code, Some(2), "{stderr}");
    // Japanese: what is wrong, what to install, and that the command line works.
    assert!(stderr.contains("ウィンドウを開けません"), "{stderr}");
    assert!(stderr.contains("DISPLAY も WAYLAND_DISPLAY も"), "{stderr}");
    assert!(stderr.contains("コマンドライン"), "{stderr}");
    // English, the same.
    assert!(stderr.contains("cannot open the window"), "{stderr}");
    assert!(
        stderr.contains("neither DISPLAY nor WAYLAND_DISPLAY is set"),
        "{stderr}"
    );
    assert!(
        stderr.contains("works without a display: shinchoku --help"),
        "{stderr}"
    );
    // The Debian / Ubuntu packages to install.
    assert!(stderr.contains("sudo apt-get install libx11-6"), "{stderr}");
    for package in ["libxcursor1", "libxkbcommon-x11-0", "mesa-vulkan-drivers"] {
        assert!(stderr.contains(package), "{package}: {stderr}");
    }
    // winit's own words are not what the user reads.
    assert!(!stderr.contains("winit"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn no_display_with_a_report_named_exits_2_too() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mie-h29-h1-report.tsv"
    );
    let (code, stderr) = without_display(&[seed]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("ウィンドウを開けません"), "{stderr}");
}

#[test]
fn the_command_line_still_works_without_a_display() {
    let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(["--version"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.trim(),
        format!("shinchoku {}", env!("CARGO_PKG_VERSION"))
    );
}

/// `shinchoku --help` (no subcommand: what the no-display message above points to), `-h` and
/// `shinchoku help` print the help on stdout and exit 0; none of them tries the window.
#[test]
fn help_without_a_subcommand_prints_the_commands_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert!(
            stdout.contains("Usage: shinchoku [OPTIONS] [FILES]... [COMMAND]"),
            "{args:?}: {stdout}"
        );
        for command in [
            "import", "print", "export", "survey", "collect", "status", "check",
        ] {
            assert!(
                stdout.contains(&format!("\n  {command} ")),
                "{args:?} lists no {command}: {stdout}"
            );
        }
    }
}

#[test]
fn help_of_a_command_prints_its_options_and_exits_0() {
    let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(["help", "print"])
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Usage: shinchoku print"), "{stdout}");
    assert!(stdout.contains("--division"), "{stdout}");
}

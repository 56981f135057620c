//! On Windows: the icon and the version in `shinchoku.exe` (Explorer, the taskbar, the file's
//! Properties → Details), from `assets/icon/shinchoku.ico` and Cargo.toml. Nothing elsewhere.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/shinchoku.ico");
    // The build script runs on the machine that builds: winresource (a Windows-only build
    // dependency) is there only when that is Windows, as on the Windows CI runner.
    #[cfg(windows)]
    windows_resource();
}

#[cfg(windows)]
fn windows_resource() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/shinchoku.ico")
        .set("ProductName", "進捗 Shinchoku")
        .set("FileDescription", "進捗 Shinchoku — 行財政改革の進捗管理")
        .set(
            "LegalCopyright",
            "Shinchoku project (MIT OR Apache-2.0); BIZ UDPGothic: SIL OFL 1.1",
        )
        // 0x0411: Japanese (Japan), the language the version block is written in.
        .set_language(0x0411);
    // A missing resource compiler must stop a Windows build, not ship an .exe without its
    // icon and version.
    resource
        .compile_for("shinchoku")
        .expect("the Windows resource (icon, version) compiles: needs rc.exe from the Windows SDK");
}

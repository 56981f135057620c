//! Opening the window: what the desktop must provide, checked before eframe starts, and the
//! renderer's choice.
//!
//! winit and wgpu load the display's libraries at run time (dlopen). When one is missing, winit
//! stops with `Failed to load one of xlib's shared libraries` or, for libxkbcommon, a panic —
//! words that tell a desk-PC user nothing. So the libraries winit 0.30 and wgpu load are looked
//! for first, and a missing one is named with the Debian / Ubuntu package that brings it, in
//! Japanese and English, saying that the command line works without a display (exit code 2).

use std::process::ExitCode;

use super::{PREFS_KEY, Prefs, STARTED, ShinchokuApp, Start};
use crate::lang::{Describe, Lang, say};

/// Exit code when the window cannot start (as for an input that cannot be read: the command
/// line's "cannot even begin").
pub const CANNOT_START: u8 = 2;

/// The display server the window would talk to: winit 0.30 takes Wayland when
/// `WAYLAND_DISPLAY` or `WAYLAND_SOCKET` is set (and not empty), else X11 when `DISPLAY` is,
/// and does not fall back from one to the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayServer {
    X11,
    Wayland,
}

impl DisplayServer {
    /// Which one winit will use, given the environment (`var` reads a variable).
    pub fn chosen(var: impl Fn(&str) -> Option<String>) -> Option<DisplayServer> {
        let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
        if set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET") {
            Some(DisplayServer::Wayland)
        } else if set("DISPLAY") {
            Some(DisplayServer::X11)
        } else {
            None
        }
    }

    /// The libraries winit loads for this display server, each with its Debian package.
    pub fn libraries(self) -> &'static [Library] {
        match self {
            DisplayServer::X11 => X11_LIBRARIES,
            DisplayServer::Wayland => WAYLAND_LIBRARIES,
        }
    }

    fn name(self) -> &'static str {
        match self {
            DisplayServer::X11 => "X11",
            DisplayServer::Wayland => "Wayland",
        }
    }
}

/// A shared library loaded at run time, and the Debian / Ubuntu package that has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Library {
    pub file: &'static str,
    pub package: &'static str,
}

const fn lib(file: &'static str, package: &'static str) -> Library {
    Library { file, package }
}

/// What winit 0.30's X11 backend opens (x11-dl, x11rb's dl-libxcb, xkbcommon-dl).
const X11_LIBRARIES: &[Library] = &[
    lib("libX11.so.6", "libx11-6"),
    lib("libX11-xcb.so.1", "libx11-xcb1"),
    lib("libxcb.so.1", "libxcb1"),
    lib("libXcursor.so.1", "libxcursor1"),
    lib("libXi.so.6", "libxi6"),
    lib("libxkbcommon.so.0", "libxkbcommon0"),
    lib("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
];

/// What winit 0.30's Wayland backend opens (wayland-sys with dlopen, xkbcommon-dl).
const WAYLAND_LIBRARIES: &[Library] = &[
    lib("libwayland-client.so.0", "libwayland-client0"),
    lib("libxkbcommon.so.0", "libxkbcommon0"),
];

/// The loaders wgpu draws through: Vulkan (Mesa's lavapipe without a GPU), or EGL for OpenGL.
/// One of them is enough.
const RENDERER_LIBRARIES: &[Library] = &[
    lib("libvulkan.so.1", "libvulkan1"),
    lib("libEGL.so.1", "libegl1"),
];

/// The drivers behind those loaders: not a library winit opens by name, so named in advice.
const MESA_PACKAGES: &str = "mesa-vulkan-drivers libgl1-mesa-dri";

/// Why the window cannot open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WindowUnavailable {
    /// Neither `DISPLAY` nor `WAYLAND_DISPLAY` (nor `WAYLAND_SOCKET`) is set.
    NoDisplay,
    /// Libraries of the display server that could not be loaded.
    MissingLibraries {
        server: DisplayServer,
        missing: Vec<Library>,
    },
    /// Neither a Vulkan nor an EGL loader could be loaded.
    NoRenderer,
    /// The checks passed but eframe could not open the window; its own words.
    CannotOpen(String),
}

impl WindowUnavailable {
    /// The packages that would help, for `apt-get install`.
    fn packages(&self) -> String {
        match self {
            WindowUnavailable::MissingLibraries { missing, .. } => missing
                .iter()
                .map(|l| l.package)
                .collect::<Vec<_>>()
                .join(" "),
            WindowUnavailable::NoRenderer => format!("libvulkan1 {MESA_PACKAGES}"),
            WindowUnavailable::NoDisplay | WindowUnavailable::CannotOpen(_) => {
                let all: Vec<&str> = X11_LIBRARIES
                    .iter()
                    .chain(RENDERER_LIBRARIES)
                    .map(|l| l.package)
                    .collect();
                format!("{} {MESA_PACKAGES}", all.join(" "))
            }
        }
    }
}

impl Describe for WindowUnavailable {
    fn describe(&self, lang: Lang) -> String {
        let why = match self {
            WindowUnavailable::NoDisplay => say(
                lang,
                "画面がありません（環境変数 DISPLAY も WAYLAND_DISPLAY も設定されていません）。\
                 デスクトップ（X11 または Wayland）の中で起動してください"
                    .into(),
                "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set); start it \
                 from a desktop session (X11 or Wayland)"
                    .into(),
            ),
            WindowUnavailable::MissingLibraries { server, missing } => {
                let files: Vec<String> = missing
                    .iter()
                    .map(|l| say(lang, format!("{}（{}）", l.file, l.package), l.file.into()))
                    .collect();
                say(
                    lang,
                    format!(
                        "{} の画面に必要なライブラリが読み込めません: {}",
                        server.name(),
                        files.join("、")
                    ),
                    format!(
                        "the {} display's libraries cannot be loaded: {}",
                        server.name(),
                        files.join(", ")
                    ),
                )
            }
            WindowUnavailable::NoRenderer => say(
                lang,
                "描画に使う Vulkan（libvulkan.so.1）も OpenGL の EGL（libEGL.so.1）も読み込めません"
                    .into(),
                "neither Vulkan (libvulkan.so.1) nor OpenGL's EGL (libEGL.so.1) can be loaded \
                 to draw with"
                    .into(),
            ),
            WindowUnavailable::CannotOpen(error) => error.clone(),
        };
        let install = format!("sudo apt-get install {}", self.packages());
        say(
            lang,
            format!(
                "ウィンドウを開けません: {why}。\n\
                 Debian / Ubuntu では次のコマンドで入ります: {install}\n\
                 コマンドライン（shinchoku print、export、check、survey、collect など）は画面がなくても使えます: shinchoku --help"
            ),
            format!(
                "cannot open the window: {why}.\n\
                 On Debian / Ubuntu, install them with: {install}\n\
                 The command line (shinchoku print, export, check, survey, collect …) works \
                 without a display: shinchoku --help"
            ),
        )
    }
}

/// Checks what the window needs before it opens: a display, its server's libraries, and a
/// renderer's loader. `loads` says whether a library can be loaded by its file name.
pub fn check_desktop(
    var: impl Fn(&str) -> Option<String>,
    loads: impl Fn(&str) -> bool,
) -> Result<(), WindowUnavailable> {
    let Some(server) = DisplayServer::chosen(var) else {
        return Err(WindowUnavailable::NoDisplay);
    };
    let missing: Vec<Library> = server
        .libraries()
        .iter()
        .filter(|l| !loads(l.file))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(WindowUnavailable::MissingLibraries { server, missing });
    }
    if !RENDERER_LIBRARIES.iter().any(|l| loads(l.file)) {
        return Err(WindowUnavailable::NoRenderer);
    }
    Ok(())
}

/// Whether the dynamic loader finds and loads this library (then let go again).
#[cfg(all(unix, not(target_os = "macos")))]
fn loads(file: &str) -> bool {
    let Ok(name) = std::ffi::CString::new(file) else {
        return false;
    };
    // SAFETY: a NUL-terminated name; the handle is closed at once and nothing of the library
    // is called.
    unsafe {
        let handle = libc::dlopen(name.as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL);
        if handle.is_null() {
            return false;
        }
        libc::dlclose(handle);
    }
    true
}

/// The desktop check of this system: Linux and the BSDs load the display's libraries at run
/// time; Windows and macOS have theirs built in.
fn desktop_ready() -> Result<(), WindowUnavailable> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        check_desktop(|name| std::env::var(name).ok(), loads)
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        Ok(())
    }
}

/// Says on standard error, in Japanese then English, why the window cannot open.
fn tell(why: &WindowUnavailable) -> ExitCode {
    eprintln!("shinchoku: {}", why.describe(Lang::Ja));
    eprintln!("shinchoku: {}", why.describe(Lang::En));
    ExitCode::from(CANNOT_START)
}

/// Opens the window on what `start` names (the bundled sample when it names no file).
///
/// It draws with Vulkan, Direct3D 12 or Metal, and only when none of them can draw the window
/// opens again with OpenGL (or with what `WGPU_BACKEND` names): OpenGL started beside Vulkan
/// for nothing holds about 8 MB (its driver and state) for as long as the window is open, and
/// costs start-up time. A PC whose GPU only speaks OpenGL but which has a software Vulkan or
/// Direct3D (lavapipe, WARP) draws on the processor, which the window's light drawing allows;
/// `WGPU_BACKEND=gl` chooses OpenGL there.
pub fn run(start: Start) -> ExitCode {
    use eframe::wgpu::Backends;
    STARTED.get_or_init(std::time::Instant::now);
    if let Err(why) = desktop_ready() {
        return tell(&why);
    }
    let chosen = Backends::from_env();
    let mut result = open_window(&start, chosen.unwrap_or(Backends::PRIMARY));
    if chosen.is_none()
        && let Err(eframe::Error::Wgpu(e)) = &result
    {
        eprintln!("shinchoku: {e}; trying OpenGL");
        result = open_window(&start, Backends::PRIMARY | Backends::GL);
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // Before the app was made: the window never opened (no X server at DISPLAY, no
        // adapter). After it, an error is the window's own, not the desktop's.
        Err(e) if !WINDOW_MADE.load(std::sync::atomic::Ordering::Relaxed) => {
            tell(&WindowUnavailable::CannotOpen(e.to_string()))
        }
        Err(e) => {
            eprintln!("shinchoku: the window stopped: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The window was made and the app created in it (eframe calls the app's creator once the
/// window and renderer are up).
static WINDOW_MADE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The window's icon: the 128 px rendering of `assets/icon/shinchoku.svg`.
const WINDOW_ICON: &[u8] = include_bytes!("../../assets/icon/128x128.png");

fn open_window(start: &Start, backends: eframe::wgpu::Backends) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("進捗 Shinchoku")
        .with_app_id("shinchoku")
        .with_inner_size([1600.0, 960.0])
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    // The project's icon (assets/icon), for the title bar and task bar; a PNG that would not
    // decode leaves the system's default icon rather than stop the window.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(WINDOW_ICON) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Wgpu,
        wgpu_options: wgpu_options(backends),
        ..Default::default()
    };
    let start = start.clone();
    eframe::run_native(
        "Shinchoku",
        options,
        Box::new(move |cc| {
            WINDOW_MADE.store(true, std::sync::atomic::Ordering::Relaxed);
            super::fonts::install_style(&cc.egui_ctx);
            let prefs = cc
                .storage
                .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY))
                .unwrap_or_default()
                .sanitized();
            Ok(Box::new(ShinchokuApp::starting_with(&start, prefs)))
        }),
    )
}

/// Desk PCs often have no GPU driver (virtual desktops): prefer a real GPU, but take a software
/// adapter — WARP on Windows (DX12), llvmpipe/lavapipe on Linux — rather than fail to start.
fn wgpu_options(backends: eframe::wgpu::Backends) -> eframe::egui_wgpu::WgpuConfiguration {
    use eframe::egui_wgpu::{self, WgpuSetup};
    use eframe::wgpu;
    let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends;
    setup.native_adapter_selector = Some(std::sync::Arc::new(
        |adapters: &[wgpu::Adapter], surface: Option<&wgpu::Surface<'_>>| {
            let usable: Vec<&wgpu::Adapter> = adapters
                .iter()
                .filter(|a| surface.is_none_or(|s| a.is_surface_supported(s)))
                .collect();
            let rank = |a: &&wgpu::Adapter| match a.get_info().device_type {
                wgpu::DeviceType::DiscreteGpu => 0,
                wgpu::DeviceType::IntegratedGpu => 1,
                wgpu::DeviceType::VirtualGpu => 2,
                wgpu::DeviceType::Other => 3,
                wgpu::DeviceType::Cpu => 4,
            };
            usable.into_iter().min_by_key(rank).cloned().ok_or_else(|| {
                format!(
                    "no graphics adapter can draw this window ({} found); on Linux install \
                         Mesa (mesa-vulkan-drivers or libgl1-mesa-dri)",
                    adapters.len()
                )
            })
        },
    ));
    egui_wgpu::WgpuConfiguration {
        wgpu_setup: WgpuSetup::CreateNew(setup),
        // egui's choice for a window with little drawing of its own: one frame in flight, not
        // two, so a key shows sooner.
        surface: egui_wgpu::SurfaceConfig::LOW_LATENCY,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(set: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            set.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_display_server_is_winits_choice() {
        assert_eq!(DisplayServer::chosen(env(&[])), None);
        assert_eq!(DisplayServer::chosen(env(&[("DISPLAY", "")])), None);
        assert_eq!(
            DisplayServer::chosen(env(&[("DISPLAY", ":0")])),
            Some(DisplayServer::X11)
        );
        // Wayland first, as winit does, even with DISPLAY set (XWayland).
        assert_eq!(
            DisplayServer::chosen(env(&[("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0")])),
            Some(DisplayServer::Wayland)
        );
    }

    #[test]
    fn a_missing_x11_library_is_named_with_its_package() {
        let without_xcursor = |file: &str| file != "libXcursor.so.1";
        let why = check_desktop(env(&[("DISPLAY", ":0")]), without_xcursor).unwrap_err();
        assert_eq!(
            why,
            WindowUnavailable::MissingLibraries {
                server: DisplayServer::X11,
                missing: vec![lib("libXcursor.so.1", "libxcursor1")],
            }
        );
        let ja = why.describe(Lang::Ja);
        assert!(ja.contains("libXcursor.so.1（libxcursor1）"), "{ja}");
        assert!(ja.contains("sudo apt-get install libxcursor1\n"), "{ja}");
        let en = why.describe(Lang::En);
        assert!(
            en.contains("the X11 display's libraries cannot be loaded"),
            "{en}"
        );
        assert!(en.contains("works without a display"), "{en}");
    }

    #[test]
    fn no_vulkan_and_no_egl_asks_for_mesa() {
        let no_renderer =
            |file: &str| !file.starts_with("libvulkan") && !file.starts_with("libEGL");
        let why = check_desktop(env(&[("DISPLAY", ":0")]), no_renderer).unwrap_err();
        assert_eq!(why, WindowUnavailable::NoRenderer);
        assert!(why.describe(Lang::En).contains("mesa-vulkan-drivers"));
        // EGL alone is enough (OpenGL).
        let egl_only = |file: &str| !file.starts_with("libvulkan");
        assert_eq!(check_desktop(env(&[("DISPLAY", ":0")]), egl_only), Ok(()));
    }
}

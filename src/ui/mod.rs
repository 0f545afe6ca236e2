//! The window (iced). Only this module knows iced; it calls the domain for rules and the store
//! for files, and never writes SQL.

pub mod app;
mod background;
pub mod screen;
pub mod style;
pub mod text;
mod widget;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::{App, Area, Launch, Message};
pub use screen::declaration::Message as DeclarationMessage;

/// Opens the window. `file` is the file named on the command line, if any.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    if !display_available() {
        eprintln!("{}", text::NO_DISPLAY);
        return ExitCode::from(2);
    }
    quiet_panics();
    let launch = Launch::from_environment(file);
    let result = iced::application(
        move || app::App::new(launch.clone()),
        App::update,
        App::view,
    )
    .title(App::title)
    .subscription(App::subscription)
    .theme(|_: &App| style::theme())
    .font(crate::FONT_BYTES)
    .default_font(iced::Font::with_name(crate::FONT_FAMILY))
    .window(iced::window::Settings {
        // Fits a 1366×768 screen, the commonest in the offices, with the title bar and the
        // Windows taskbar (40 px) taken off.
        size: iced::Size::new(1120.0, 680.0),
        min_size: Some(iced::Size::new(880.0, 600.0)),
        platform_specific: platform_specific(),
        icon: Some(window_icon()),
        ..iced::window::Settings::default()
    })
    .exit_on_close_request(false)
    .run();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => {
            eprintln!("{}", text::WINDOW_FAILED);
            ExitCode::FAILURE
        }
    }
}

/// On Linux and the BSDs a window needs an X11 or Wayland server; started from SSH or a bare
/// console there is none, and the windowing library would panic in English.
fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// A panic in the window's own thread ends the program; the user reads why in Chinese rather
/// than a backtrace. With `RUST_BACKTRACE` set (a developer), the standard report follows.
fn quiet_panics() {
    let standard = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("main") {
            eprintln!("{}", text::WINDOW_CRASHED);
        }
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            standard(info);
        }
    }));
}

/// The 64 px app icon as raw RGBA (assets/icons/README.md), so no image decoder is needed.
const ICON_RGBA: &[u8] = include_bytes!("../../assets/icons/yitihua-64.rgba");

const _: () = assert!(ICON_RGBA.len() == 64 * 64 * 4, "the icon is 64×64 RGBA");

#[expect(
    clippy::expect_used,
    reason = "from_rgba refuses only a length other than 64×64×4, asserted at compile time above"
)]
fn window_icon() -> iced::window::Icon {
    iced::window::icon::from_rgba(ICON_RGBA.to_vec(), 64, 64).expect("64×64 RGBA icon")
}

/// On Linux the window's class (WM_CLASS / Wayland app id) is what desktop files match
/// (`StartupWMClass`), so the taskbar shows our icon and name.
#[cfg(target_os = "linux")]
fn platform_specific() -> iced::window::settings::PlatformSpecific {
    iced::window::settings::PlatformSpecific {
        application_id: "yitihua".into(),
        ..Default::default()
    }
}

#[cfg(not(target_os = "linux"))]
fn platform_specific() -> iced::window::settings::PlatformSpecific {
    Default::default()
}

/// The settings a headless test needs to render like the real window: the bundled font as the
/// default, so text is measured as users see it.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: vec![crate::FONT_BYTES.into()],
        default_font: iced::Font::with_name(crate::FONT_FAMILY),
        ..iced::Settings::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_a_64px_rgba_image() {
        assert_eq!(super::ICON_RGBA.len(), 64 * 64 * 4);
        let _ = super::window_icon();
    }
}

//! 工学一体化申报助手: the library behind both the window and the command line, so that every
//! rule and every file operation is exercised the same way by either.

pub mod cli;
pub mod domain;
pub mod exchange;
pub mod report;
pub mod sign;
pub mod store;
pub mod ui;
pub mod workflow;

/// The bundled Noto Sans CJK SC face; one font for the window, the PDF and the signature box,
/// so a bare office PC shows and prints every character of a school's names without relying on
/// system fonts. A `static`, not a `const`: a const is copied into every place that uses it, and
/// the 13 MB face stood three times in the binary.
pub static FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Regular.otf");

/// Family name inside [`FONT_BYTES`], used to select it as iced's default font.
pub const FONT_FAMILY: &str = "Noto Sans CJK SC";

/// The product name users see in the title bar and on printed forms.
pub const APP_NAME: &str = "工学一体化申报助手";

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

/// The bundled Noto Sans CJK SC face; one font for the GUI (and later the PDF) so a bare office
/// PC shows every character of a school's names without relying on system fonts.
pub const FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Regular.otf");

/// Family name inside [`FONT_BYTES`], used to select it as iced's default font.
pub const FONT_FAMILY: &str = "Noto Sans CJK SC";

/// The product name users see in the title bar and on printed forms.
pub const APP_NAME: &str = "工学一体化申报助手";

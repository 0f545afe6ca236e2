//! Colours and widget styles. A light theme with one accent: the forms are read in offices,
//! often next to printed paper.

use iced::widget::{button, container, text};
use iced::{Background, Border, Color, Theme};

pub const ERROR: Color = Color::from_rgb(0.75, 0.13, 0.13);
pub const MUTED: Color = Color::from_rgb(0.42, 0.45, 0.50);
pub const ACCENT: Color = Color::from_rgb(0.10, 0.35, 0.65);
const RAIL: Color = Color::from_rgb(0.94, 0.95, 0.97);
const RAIL_SELECTED: Color = Color::from_rgb(0.85, 0.90, 0.97);

pub const HEADING_SIZE: u32 = 24;
pub const BODY_SIZE: u32 = 15;
pub const SMALL_SIZE: u32 = 13;

/// Iced's light palette with a sober blue instead of its violet: closer to the forms and seals
/// of government paperwork the office works with.
/// Built once: iced asks for the theme every frame.
pub fn theme() -> Theme {
    static THEME: std::sync::LazyLock<Theme> = std::sync::LazyLock::new(|| {
        Theme::custom(
            "公文",
            iced::theme::Palette {
                primary: ACCENT,
                danger: ERROR,
                ..iced::theme::Palette::LIGHT
            },
        )
    });
    THEME.clone()
}

pub fn error_text(_theme: &Theme) -> text::Style {
    text::Style { color: Some(ERROR) }
}

pub fn muted_text(_theme: &Theme) -> text::Style {
    text::Style { color: Some(MUTED) }
}

/// Secondary text inside a chip: muted on white, but the chip's own colour once the chip is
/// filled with the accent, where grey would be unreadable.
pub fn chip_detail(selected: bool) -> impl Fn(&Theme) -> text::Style {
    move |theme| {
        if selected {
            text::Style::default()
        } else {
            muted_text(theme)
        }
    }
}

/// A warning inside a chip, for the same reason as [`chip_detail`].
pub fn chip_warning(selected: bool) -> impl Fn(&Theme) -> text::Style {
    move |theme| {
        if selected {
            text::Style::default()
        } else {
            error_text(theme)
        }
    }
}

pub fn rail(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(RAIL)),
        ..container::Style::default()
    }
}

/// A navigation entry: flat, highlighted when it is the current area.
pub fn rail_item(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_theme, status| {
        let background = match (selected, status) {
            (true, _) => Some(Background::Color(RAIL_SELECTED)),
            (false, button::Status::Hovered | button::Status::Pressed) => {
                Some(Background::Color(Color::from_rgb(0.90, 0.92, 0.95)))
            }
            _ => None,
        };
        button::Style {
            background,
            text_color: if selected { ACCENT } else { Color::BLACK },
            border: Border::default().rounded(6),
            ..button::Style::default()
        }
    }
}

/// One option of a choice (学校类型, 所属盟市): the chosen one filled with the accent colour.
pub fn chip(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        if selected {
            button::primary(theme, status)
        } else {
            let base = button::secondary(theme, status);
            button::Style {
                background: Some(Background::Color(match status {
                    button::Status::Hovered => Color::from_rgb(0.88, 0.91, 0.96),
                    _ => Color::WHITE,
                })),
                text_color: Color::BLACK,
                border: Border {
                    color: Color::from_rgb(0.78, 0.80, 0.84),
                    width: 1.0,
                    radius: 4.0.into(),
                },
                ..base
            }
        }
    }
}

/// The card behind a dialog.
pub fn dialog(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border {
            color: Color::from_rgb(0.75, 0.78, 0.82),
            width: 1.0,
            radius: 8.0.into(),
        },
        ..container::Style::default()
    }
}

/// The dimmed backdrop behind a dialog.
pub fn backdrop(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgba(0.0, 0.0, 0.0, 0.35))),
        ..container::Style::default()
    }
}

/// A banner confirming something that happened (an import, an added batch).
pub fn info_banner(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb(0.92, 0.96, 1.0))),
        border: Border {
            color: Color::from_rgb(0.62, 0.74, 0.90),
            width: 1.0,
            radius: 6.0.into(),
        },
        text_color: Some(ACCENT),
        ..container::Style::default()
    }
}

/// A banner for an error that is not about one field (a refused file).
pub fn error_banner(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb(0.99, 0.93, 0.93))),
        border: Border {
            color: Color::from_rgb(0.90, 0.60, 0.60),
            width: 1.0,
            radius: 6.0.into(),
        },
        text_color: Some(ERROR),
        ..container::Style::default()
    }
}

/// A row of the 汇总表: a light band, so rows of several lines stay apart.
pub fn row_rule(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb(0.97, 0.97, 0.98))),
        border: Border::default().rounded(4),
        ..container::Style::default()
    }
}

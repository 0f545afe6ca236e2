//! A path typed by hand, offered when a file dialog came back with nothing. The user may have
//! cancelled, but on minimal Kylin/UOS installs without a desktop portal the dialog never opens
//! at all, and the user would be stuck: so the window always says so and takes a path instead.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::ui::{style, text as t};

/// The input's id, so focus and tests can find it.
pub const ID: &str = "文件路径";

pub fn view<'a, M: Clone + 'a>(
    value: &'a str,
    placeholder: &'a str,
    on_input: impl Fn(String) -> M + 'a,
    on_use: M,
    on_cancel: M,
) -> Element<'a, M> {
    container(
        column![
            text(t::NO_FILE_CHOSEN).size(style::SMALL_SIZE),
            row![
                text_input(placeholder, value)
                    .id(ID)
                    .on_input(on_input)
                    .on_submit(on_use.clone())
                    .padding(6)
                    .size(style::BODY_SIZE)
                    .width(Length::Fill),
                button(text(t::USE_TYPED_PATH).size(style::BODY_SIZE))
                    .style(button::secondary)
                    .on_press(on_use),
                button(text(t::CANCEL).size(style::BODY_SIZE))
                    .style(button::text)
                    .on_press(on_cancel),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        ]
        .spacing(6),
    )
    .padding(10)
    .width(Length::Fill)
    .style(style::dialog)
    .into()
}

/// The path as typed: quotes pasted from Explorer's "复制为路径" are taken off.
pub fn parse(typed: &str) -> Option<std::path::PathBuf> {
    let path = typed.trim().trim_matches('"').trim();
    (!path.is_empty()).then(|| path.into())
}

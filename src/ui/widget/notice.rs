//! The line under a form saying what just happened (blue) or what went wrong (red).

use iced::widget::{container, text};
use iced::{Element, Length};

use crate::ui::style;

pub fn notice<'a, M: 'a>(notice: &'a Option<Result<String, String>>) -> Option<Element<'a, M>> {
    notice.as_ref().map(|n| {
        let (message, style): (&str, fn(&iced::Theme) -> container::Style) = match n {
            Ok(m) => (m, style::info_banner),
            Err(m) => (m, style::error_banner),
        };
        container(text(message).size(style::BODY_SIZE))
            .padding([8, 12])
            .width(Length::Fill)
            .style(style)
            .into()
    })
}

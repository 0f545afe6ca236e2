//! The areas later releases fill in. Each shows what it will do, so the office sees the whole
//! product from the first day instead of blank pages.

use iced::widget::{column, container, text};
use iced::{Element, Length};

use crate::ui::{style, text as t};

pub fn view<'a, M: 'a>(title: &'static str, plan: &'static [&'static str]) -> Element<'a, M> {
    let items = plan.iter().fold(column![].spacing(10), |col, line| {
        col.push(text(format!("· {line}")).size(style::BODY_SIZE))
    });
    container(
        column![
            text(title).size(style::HEADING_SIZE),
            text(t::COMING)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            items,
        ]
        .spacing(16)
        .max_width(760),
    )
    .padding(32)
    .width(Length::Fill)
    .into()
}

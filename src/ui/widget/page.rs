//! The scrolling body of a tab: at most 1100 px wide, and the scrollbar beside the content
//! rather than over it, so the last column and the button at a row's end stay clickable.

use iced::widget::{Column, scrollable};
use iced::{Element, Length};

/// Space between the content and the scrollbar.
pub const SCROLLBAR_GAP: f32 = 8.0;

pub fn page<'a, M: 'a>(content: Column<'a, M>) -> Element<'a, M> {
    scrollable(content.max_width(1100))
        .spacing(SCROLLBAR_GAP)
        .height(Length::Fill)
        .into()
}

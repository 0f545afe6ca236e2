//! The scrolling body of a tab: at most 1100 px wide, and the scrollbar beside the content
//! rather than over it, so the last column and the button at a row's end stay clickable.

use iced::widget::operation::{self, RelativeOffset};
use iced::widget::{Column, scrollable};
use iced::{Element, Length, Task};

/// Space between the content and the scrollbar.
pub const SCROLLBAR_GAP: f32 = 8.0;

/// The id of the one scrolling body on screen (a tab's page, the wizard's step). iced keeps a
/// scrollable's offset while the content inside it changes, so without [`to_top`] a new tab,
/// area or step would open scrolled as far down as the last one was.
pub const ID: &str = "page";

pub fn page<'a, M: 'a>(content: Column<'a, M>) -> Element<'a, M> {
    scrollable(content.max_width(1100))
        .id(ID)
        .spacing(SCROLLBAR_GAP)
        .height(Length::Fill)
        .into()
}

/// Scrolls the body on screen back to its top.
pub fn to_top<M: Send + 'static>() -> Task<M> {
    operation::snap_to(ID, RelativeOffset::START)
}

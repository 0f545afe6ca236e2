//! Paging for long tables: the large school's 600 teachers or 12,000 entries are shown a page
//! at a time, so the window lays out fifty rows, not thousands.

use iced::widget::{button, row, text};
use iced::{Alignment, Element};

use crate::ui::{style, text as t};

pub const PAGE_SIZE: usize = 50;

/// The rows of `page` (0-based) out of `items`.
pub fn page<T>(items: &[T], page: usize) -> &[T] {
    let start = (page * PAGE_SIZE).min(items.len());
    &items[start..(start + PAGE_SIZE).min(items.len())]
}

/// The last page index for `len` rows (0 when empty).
pub fn last(len: usize) -> usize {
    len.saturating_sub(1) / PAGE_SIZE
}

/// 上一页 / 第 X/Y 页，共 N 条 / 下一页; buttons are disabled at either end.
pub fn pager<'a, M: Clone + 'a>(
    current: usize,
    len: usize,
    on_page: impl Fn(usize) -> M,
) -> Element<'a, M> {
    let last = last(len);
    row![
        button(text(t::PREVIOUS_PAGE).size(style::SMALL_SIZE))
            .style(button::secondary)
            .on_press_maybe((current > 0).then(|| on_page(current - 1))),
        text(t::page_position(current + 1, last + 1, len))
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
        button(text(t::NEXT_PAGE).size(style::SMALL_SIZE))
            .style(button::secondary)
            .on_press_maybe((current < last).then(|| on_page(current + 1))),
    ]
    .spacing(12)
    .align_y(Alignment::Center)
    .into()
}

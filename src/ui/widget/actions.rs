//! The buttons that carry a screen's actions, styled in one place so a form's 保存 looks the
//! same everywhere, and the card a form sits in.

use iced::widget::{Button, Container, button, container, row, text};
use iced::{Element, Length};

use crate::ui::{style, text as t};

/// The action the user came for: one per form or card.
pub fn primary<'a, M: Clone + 'a>(label: impl text::IntoFragment<'a>) -> Button<'a, M> {
    labelled(label).style(button::primary)
}

/// Every other action, including the way back.
pub fn secondary<'a, M: Clone + 'a>(label: impl text::IntoFragment<'a>) -> Button<'a, M> {
    labelled(label).style(button::secondary)
}

/// What cannot be taken back by typing: deleting, replacing, leaving without saving.
pub fn danger<'a, M: Clone + 'a>(label: impl text::IntoFragment<'a>) -> Button<'a, M> {
    labelled(label).style(button::danger)
}

fn labelled<'a, M: Clone + 'a>(label: impl text::IntoFragment<'a>) -> Button<'a, M> {
    button(text(label).size(style::BODY_SIZE))
}

/// The row that ends a form: save on the left where the eye finishes the last field, and 取消.
pub fn save_cancel<'a, M: Clone + 'a>(save: &'a str, on_save: M, on_cancel: M) -> Element<'a, M> {
    row![
        primary(save).on_press(on_save),
        secondary(crate::ui::text::CANCEL).on_press(on_cancel),
    ]
    .spacing(10)
    .into()
}

/// The white bordered card a form or a group of rows stands in, across the page's width.
pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Container<'a, M> {
    container(content)
        .padding(16)
        .width(Length::Fill)
        .style(style::dialog)
}

/// One option among several shown at once (a tab, a filter, a choice): filled when chosen.
pub fn chip<'a, M: Clone + 'a>(label: impl text::IntoFragment<'a>, chosen: bool) -> Button<'a, M> {
    labelled(label).padding([5, 12]).style(style::chip(chosen))
}

/// A [`chip`] among many, or under a field where it must not outweigh the field itself.
pub fn small_chip<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    chosen: bool,
) -> Button<'a, M> {
    button(text(label).size(style::SMALL_SIZE))
        .padding([4, 10])
        .style(style::chip(chosen))
}

/// The foot of a form that creates a file: what went wrong (if anything), where the file will
/// be saved, then 创建 and 取消.
pub fn create_foot<'a, M: Clone + 'a>(
    error: Option<&str>,
    saved_at: String,
    create: M,
    cancel: M,
) -> iced::widget::Column<'a, M> {
    let mut foot = iced::widget::column![].spacing(16);
    if let Some(error) = error {
        foot = foot.push(crate::ui::widget::notice::Notice::failed(error).view());
    }
    foot.push(
        text(saved_at)
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
    )
    .push(
        iced::widget::row![
            primary(t::CREATE).padding([8, 24]).on_press(create),
            secondary(t::CANCEL).padding([8, 24]).on_press(cancel),
        ]
        .spacing(12),
    )
}

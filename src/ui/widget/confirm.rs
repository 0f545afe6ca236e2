//! Asking before something that cannot be taken back by typing: the question names what goes
//! with it, the destructive button is red, 取消 is beside it.

use iced::Element;
use iced::Length;
use iced::widget::{column, container, row, text};

use crate::ui::widget::actions;
use crate::ui::{style, text as t};

pub fn delete<'a, M: Clone + 'a>(question: String, confirm: M, cancel: M) -> Element<'a, M> {
    ask(
        question,
        t::DELETE_CAN_UNDO,
        t::CONFIRM_DELETE,
        confirm,
        cancel,
    )
}

/// The question, a line on what follows, and the red yes beside 取消.
pub fn ask<'a, M: Clone + 'a>(
    question: String,
    hint: &'a str,
    yes: &'a str,
    confirm: M,
    cancel: M,
) -> Element<'a, M> {
    container(
        column![
            text(question).size(style::BODY_SIZE),
            text(hint).size(style::SMALL_SIZE).style(style::muted_text),
            row![
                actions::danger(yes).on_press(confirm),
                actions::secondary(t::CANCEL).on_press(cancel),
            ]
            .spacing(10),
        ]
        .spacing(10),
    )
    .padding(16)
    .width(Length::Fill)
    .style(style::dialog)
    .into()
}

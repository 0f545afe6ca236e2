//! The line under a form saying what just happened (blue) or what went wrong (red), shown where
//! the user acted. Every screen keeps its last one as `Option<Notice>`.

use iced::widget::{container, row, space, text};
use iced::{Alignment, Element, Length};

use crate::ui::widget::actions;
use crate::ui::{style, text as t};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Done(String),
    Failed(String),
}

impl Notice {
    pub fn done(message: impl Into<String>) -> Notice {
        Notice::Done(message.into())
    }

    pub fn failed(message: impl Into<String>) -> Notice {
        Notice::Failed(message.into())
    }

    pub fn view<'a, M: 'a>(&self) -> Element<'a, M> {
        let (message, style): (&str, fn(&iced::Theme) -> container::Style) = match self {
            Notice::Done(m) => (m, style::info_banner),
            Notice::Failed(m) => (m, style::error_banner),
        };
        container(text(message.to_owned()).size(style::BODY_SIZE))
            .padding([8, 12])
            .width(Length::Fill)
            .style(style)
            .into()
    }
}

/// What an operation that reports in words came to: its message, or its error.
impl From<Result<String, String>> for Notice {
    fn from(result: Result<String, String>) -> Notice {
        match result {
            Ok(m) => Notice::Done(m),
            Err(m) => Notice::Failed(m),
        }
    }
}

/// The notice a screen shows, if any, ready to push into a column.
pub fn view<'a, M: 'a>(notice: &Option<Notice>) -> Option<Element<'a, M>> {
    notice.as_ref().map(Notice::view)
}

/// The notice, with 撤销 beside it while what it reports can still be undone.
pub fn with_undo<'a, M: Clone + 'a>(
    notice: &Option<Notice>,
    undo: Option<M>,
) -> Option<Element<'a, M>> {
    let shown = view(notice)?;
    Some(match undo {
        None => shown,
        Some(undo) => row![
            container(shown).width(Length::Fill),
            actions::secondary(t::UNDO).on_press(undo),
        ]
        .spacing(10)
        .align_y(Alignment::Center)
        .into(),
    })
}

/// The notice, or the room of a one-line notice when there is none, for a notice shown above
/// what the user works on: a refusal then does not push the form down under the pointer.
pub fn slot<'a, M: 'a>(notice: Option<Element<'a, M>>) -> Element<'a, M> {
    // iced's default line height (1.3) and the notice's padding of 8 above and below.
    notice.unwrap_or_else(|| space().height(style::BODY_SIZE as f32 * 1.3 + 16.0).into())
}

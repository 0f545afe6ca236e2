//! A modal dialog over the current screen: the screen stays visible but dimmed and cannot be
//! clicked until the dialog is answered.

use iced::Element;
use iced::widget::{center, container, mouse_area, opaque, stack};

use crate::ui::style;

pub fn modal<'a, M: Clone + 'a>(
    base: impl Into<Element<'a, M>>,
    dialog: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    let card = container(dialog)
        .padding(24)
        .max_width(520)
        .style(style::dialog);
    stack![
        base.into(),
        opaque(mouse_area(center(opaque(card)).style(style::backdrop)))
    ]
    .into()
}

//! The left navigation rail: the five areas of the product, always visible.

use iced::widget::{Column, button, column, container, space, text};
use iced::{Element, Length};

use crate::ui::style;

/// One entry of the rail.
pub fn rail<'a, A: Copy + PartialEq + 'a, M: Clone + 'a>(
    areas: &[(A, &'static str)],
    current: A,
    on_select: impl Fn(A) -> M,
    footer: Element<'a, M>,
) -> Element<'a, M> {
    let items: Column<'a, M> = areas
        .iter()
        .fold(column![].spacing(4), |col, &(area, label)| {
            col.push(
                button(text(label).size(style::BODY_SIZE))
                    .width(Length::Fill)
                    .padding([10, 14])
                    .style(style::rail_item(area == current))
                    .on_press(on_select(area)),
            )
        });
    container(column![items, space::vertical(), footer].spacing(8))
        .width(170)
        .height(Length::Fill)
        .padding(10)
        .style(style::rail)
        .into()
}

//! The row of tabs at the top of an area: the chosen one filled, the others outlined.

use iced::Element;
use iced::widget::{button, row, text};

use crate::ui::style;

pub fn bar<'a, T: Copy + PartialEq, M: Clone + 'a>(
    tabs: &[(T, &'a str)],
    current: T,
    on_press: impl Fn(T) -> M,
) -> Element<'a, M> {
    row(tabs.iter().map(|&(tab, label)| {
        button(text(label).size(style::BODY_SIZE))
            .padding([6, 16])
            .style(style::chip(tab == current))
            .on_press(on_press(tab))
            .into()
    }))
    .spacing(8)
    .into()
}

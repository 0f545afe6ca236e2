//! The row of tabs at the top of an area: the chosen one filled, the others outlined.

use iced::widget::{column, container, row, text};
use iced::{Element, Length};

use crate::ui::style;
use crate::ui::widget::actions;

pub fn bar<'a, T: Copy + PartialEq, M: Clone + 'a>(
    tabs: &[(T, &'a str)],
    current: T,
    on_press: impl Fn(T) -> M,
) -> Element<'a, M> {
    row(tabs.iter().map(|&(tab, label)| {
        actions::chip(label, tab == current)
            .padding([6, 16])
            .on_press(on_press(tab))
            .into()
    }))
    .spacing(8)
    .into()
}

/// An area of the window made of tabs: its heading, the tabs, and the chosen tab's page.
pub fn area<'a, T: Copy + PartialEq, M: Clone + 'a>(
    heading: &'a str,
    tabs: &[(T, &'a str)],
    current: T,
    on_tab: impl Fn(T) -> M,
    body: Element<'a, M>,
) -> Element<'a, M> {
    container(
        column![
            text(heading).size(style::HEADING_SIZE),
            bar(tabs, current, on_tab),
            body
        ]
        .spacing(16),
    )
    .padding(32)
    .width(Length::Fill)
    .height(Length::Fill)
    .into()
}

//! The step bar of a wizard: every step by name, done ones marked, the current one
//! highlighted. Steps already reached can be clicked to go back to them.

use iced::widget::{button, row, text};
use iced::{Alignment, Element};

use crate::ui::style;

pub fn bar<'a, M: Clone + 'a>(
    steps: &[&'static str],
    current: usize,
    on_select: impl Fn(usize) -> M,
) -> Element<'a, M> {
    let items = steps.iter().enumerate().map(|(i, name)| {
        let label = if i < current {
            format!("√ {}", name)
        } else {
            format!("{} {}", i + 1, name)
        };
        button(text(label).size(style::BODY_SIZE))
            .padding([6, 14])
            .style(style::chip(i == current))
            .on_press_maybe((i <= current).then(|| on_select(i)))
            .into()
    });
    row(items).spacing(8).align_y(Alignment::Center).into()
}

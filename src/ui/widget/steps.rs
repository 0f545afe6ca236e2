//! The step bar of a wizard: every step by name, done ones marked, the current one
//! highlighted. Steps already reached can be clicked to go back to them.

use iced::widget::row;
use iced::{Alignment, Element};

use crate::ui::widget::actions;

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
        actions::chip(label, i == current)
            .padding([6, 14])
            .on_press_maybe((i <= current).then(|| on_select(i)))
            .into()
    });
    row(items).spacing(8).align_y(Alignment::Center).into()
}

//! Form rows: a label, the input, and the error for that input right under it.

use iced::widget::{column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::ui::style;
use crate::ui::widget::actions;

/// Width of the label column, wide enough for the longest label (统一社会信用代码).
pub const LABEL_WIDTH: f32 = 150.0;

/// A labelled text input. The label is also the input's widget id, so keyboard focus and tests
/// can address a field by the name the user sees.
pub fn text_field<'a, M: Clone + 'a>(
    label: &'static str,
    required: bool,
    placeholder: &'a str,
    value: &'a str,
    error: Option<String>,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    let input = text_input(placeholder, value)
        .id(label)
        .on_input(on_input)
        .padding(8)
        .size(style::BODY_SIZE)
        .width(Length::Fill);
    // The error goes beside the input, not under it, so the fields and buttons below stay
    // where the pointer left them when a refusal appears.
    let mut field = row![input].spacing(10).align_y(Alignment::Center);
    if let Some(error) = error {
        field = field.push(
            text(error)
                .size(style::SMALL_SIZE)
                .style(style::error_text)
                .width(Length::Shrink),
        );
    }
    labelled(label, required, field.into(), None)
}

/// A bare input inside a row of repeated items (a site, a partner). Its id is the visible
/// label plus the item's number ("场地名称 2"), so each copy can be addressed.
pub fn cell<'a, M: Clone + 'a>(
    id: String,
    placeholder: &str,
    value: &str,
    width: impl Into<Length>,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    text_input(placeholder, value)
        .id(id)
        .on_input(on_input)
        .padding(6)
        .size(style::BODY_SIZE)
        .width(width)
        .into()
}

/// A choice among a few options shown all at once as buttons, one click to choose. Used where
/// a drop-down would hide the options (school kinds, the fourteen regions).
pub fn choices<'a, T: Copy + PartialEq + 'a, M: Clone + 'a>(
    label: &'static str,
    options: &[T],
    selected: Option<T>,
    name: impl Fn(T) -> &'static str,
    on_pick: impl Fn(T) -> M,
    error: Option<String>,
) -> Element<'a, M> {
    let chips = options.iter().map(|&option| {
        actions::chip(name(option), Some(option) == selected)
            .padding([5, 12])
            .on_press(on_pick(option))
            .into()
    });
    let wrapped = row(chips).spacing(6).wrap().vertical_spacing(6);
    labelled(label, true, wrapped.into(), Some(error.unwrap_or_default()))
}

/// [`choices`] among names read from the file (the declared specialties, a specialty's
/// courses), which are not known when the program is written.
pub fn named_choices<'a, M: Clone + 'a>(
    label: &'static str,
    options: &'a [String],
    selected: &str,
    on_pick: impl Fn(String) -> M,
    error: Option<String>,
) -> Element<'a, M> {
    let chips = options.iter().map(|option| {
        actions::chip(option.as_str(), option == selected)
            .padding([5, 12])
            .on_press(on_pick(option.clone()))
            .into()
    });
    let wrapped = row(chips).spacing(6).wrap().vertical_spacing(6);
    labelled(label, true, wrapped.into(), Some(error.unwrap_or_default()))
}

fn labelled<'a, M: 'a>(
    label: &'static str,
    required: bool,
    input: Element<'a, M>,
    error: Option<String>,
) -> Element<'a, M> {
    let marker = if required { "＊" } else { "" };
    let mut label = column![row![
        text(label).size(style::BODY_SIZE),
        text(marker)
            .size(style::SMALL_SIZE)
            .style(style::error_text),
    ]]
    .width(LABEL_WIDTH);
    // A choice's error sits under its label, on a line kept for it whether or not there is
    // one, so nothing moves when a refusal appears.
    if let Some(error) = error {
        let line = if error.is_empty() { " ".into() } else { error };
        label = label.push(text(line).size(style::SMALL_SIZE).style(style::error_text));
    }
    row![container(label).padding([8, 0]), input]
        .spacing(12)
        .align_y(Alignment::Start)
        .into()
}

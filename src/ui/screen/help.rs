//! 帮助: what each area is for and where the policy asks for it, where the data lives, and the
//! keys. Shown over whatever screen is open (F1, or 帮助), so the user does not lose their place.

use std::path::Path;

use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Length};

use crate::store;
use crate::ui::widget::actions;
use crate::ui::{style, text as t};

pub fn view<'a, M: Clone + 'a>(school_file: Option<&Path>, close: M) -> Element<'a, M> {
    let areas = t::HELP_AREAS
        .iter()
        .fold(column![].spacing(8), |list, (area, what)| {
            list.push(
                row![
                    text(*area).size(style::BODY_SIZE).width(96),
                    text(*what).size(style::BODY_SIZE).width(Length::Fill),
                ]
                .spacing(8),
            )
        });
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    if let Some(file) = school_file {
        rows.push((t::HELP_THIS_FILE, file.display().to_string()));
        rows.push((
            t::HELP_BACKUPS,
            store::backup_dir(file).display().to_string(),
        ));
    }
    rows.push((
        t::HELP_DEFAULT_FILE,
        store::paths::default_school_file().display().to_string(),
    ));
    rows.push((
        t::HELP_SETTINGS,
        store::paths::config_dir().display().to_string(),
    ));
    let places = rows
        .into_iter()
        .fold(column![].spacing(6), |list, (label, path)| {
            list.push(
                row![
                    text(label).size(style::SMALL_SIZE).width(96),
                    text(path).size(style::SMALL_SIZE).width(Length::Fill),
                ]
                .spacing(8),
            )
        });
    let keys = t::HELP_KEYS
        .iter()
        .fold(column![].spacing(4), |list, (key, what)| {
            list.push(
                row![
                    text(*key).size(style::SMALL_SIZE).width(96),
                    text(*what).size(style::SMALL_SIZE),
                ]
                .spacing(8),
            )
        });
    let body = column![
        text(t::HELP_TITLE).size(20),
        text(t::HELP_INTRO)
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
        areas,
        text(t::HELP_WHERE).size(style::BODY_SIZE + 2),
        places,
        text(t::HELP_DATA_NOTE)
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
        text(t::HELP_KEYS_TITLE).size(style::BODY_SIZE + 2),
        keys,
    ]
    .spacing(12)
    .padding(iced::padding::right(12));
    column![
        // The card fits a 768-pixel-high screen with its button in view; the text scrolls.
        container(scrollable(body)).max_height(470.0),
        actions::primary(t::CLOSE_HELP)
            .padding([6, 18])
            .on_press(close),
    ]
    .spacing(14)
    .into()
}

//! Steps 1 and 2: choose the batch, then the specialties.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::{Message, Wizard};
use crate::domain::Level;
use crate::ui::widget::actions;
use crate::ui::widget::{confirm, form};
use crate::ui::{style, text as t};

/// Step 1: every batch with its window and what the school declared in it.
pub fn batches(w: &Wizard) -> Element<'_, Message> {
    let cards = w.inputs.batches.iter().map(|b| {
        let declared: Vec<&str> = w
            .inputs
            .declarations
            .iter()
            .find(|d| d.batch == b.number)
            .map(|d| d.specialties.iter().map(|s| s.name.as_str()).collect())
            .unwrap_or_default();
        let summary = if declared.is_empty() {
            t::NOTHING_DECLARED.to_string()
        } else {
            format!("{}{}", t::DECLARED_BEFORE, declared.join("、"))
        };
        let card = button(
            column![
                text(b.label()).size(style::BODY_SIZE),
                text(summary).size(style::SMALL_SIZE),
            ]
            .spacing(4),
        )
        .width(Length::Fill)
        .padding([10, 14])
        .style(style::chip(b.number == w.draft.batch))
        .on_press(Message::PickBatch(b.number));
        let card: Element<'_, Message> = row![
            card,
            button(text(t::EDIT).size(style::SMALL_SIZE))
                .style(button::text)
                .on_press(Message::EditBatch(b.number)),
            button(text(t::REMOVE).size(style::SMALL_SIZE))
                .style(button::text)
                .on_press(Message::DeleteBatch(b.number)),
        ]
        .spacing(4)
        .align_y(Alignment::Center)
        .into();
        if w.deleting_batch == Some(b.number) {
            column![
                card,
                confirm::delete(
                    t::delete_question(&b.label()),
                    Message::ConfirmDeleteBatch,
                    Message::CancelDeleteBatch,
                )
            ]
            .spacing(6)
            .into()
        } else {
            card
        }
    });
    let form = &w.new_batch;
    let (hint, save) = match form.editing {
        Some(_) => (t::EDIT_BATCH_HINT, t::SAVE_BATCH),
        None => (t::ADD_BATCH_HINT, t::ADD_BATCH),
    };
    let add = column![
        text(hint).size(style::SMALL_SIZE).style(style::muted_text),
        row![
            form::cell(
                t::BATCH_NAME.into(),
                t::BATCH_NAME_HINT,
                &form.name,
                160,
                Message::BatchName
            ),
            form::cell(
                t::BATCH_START.into(),
                t::BATCH_START_HINT,
                &form.start,
                140,
                Message::BatchStart
            ),
            form::cell(
                t::BATCH_END.into(),
                t::BATCH_END_HINT,
                &form.end,
                140,
                Message::BatchEnd
            ),
            actions::secondary(save).on_press(Message::AddBatch),
        ]
        .push(form.editing.map(|_| {
            button(text(t::CANCEL).size(style::BODY_SIZE))
                .style(button::text)
                .on_press(Message::CancelEditBatch)
        }))
        .spacing(8)
        .align_y(Alignment::Center),
    ]
    .spacing(6);
    column![column(cards).spacing(8), add].spacing(24).into()
}

/// Step 2: the catalogue, searchable; the limit for this school kind is stated up front and
/// enforced when a specialty is added.
pub fn specialties(w: &Wizard) -> Element<'_, Message> {
    let limit = w.inputs.school.kind.max_specialties_per_batch();
    let intro = text(t::batch_limit(
        w.inputs.school.kind.name(),
        limit,
        w.draft.specialties.len(),
    ))
    .size(style::BODY_SIZE);
    let search = text_input(t::SEARCH_SPECIALTY_HINT, &w.search)
        .id(t::SEARCH_SPECIALTY)
        .on_input(Message::Search)
        .padding(8)
        .size(style::BODY_SIZE);
    let rows = w.inputs.catalogue.search(&w.search).map(|entry| {
        let chosen = w.draft.specialties.iter().any(|s| s.name == entry.name);
        let earlier: Vec<String> = w
            .inputs
            .declarations
            .iter()
            .filter(|d| d.batch < w.draft.batch)
            .filter(|d| d.specialties.iter().any(|s| s.name == entry.name))
            .map(|d| t::declared_in(&w.batch_name(d.batch)))
            .collect();
        let levels: Vec<&str> = entry.levels.iter().map(|l| l.name()).collect();
        let mut name = row![text(entry.name.as_str()).size(style::BODY_SIZE)].spacing(6);
        if !entry.verified {
            name = name.push(
                text(t::UNVERIFIED_TAG)
                    .size(style::SMALL_SIZE)
                    .style(style::chip_detail(chosen)),
            );
        }
        for note in earlier {
            name = name.push(
                text(note)
                    .size(style::SMALL_SIZE)
                    .style(style::chip_warning(chosen)),
            );
        }
        // The whole row is the button, so the specialty's name is what the user clicks.
        let choose = button(
            row![
                column![
                    name,
                    text(levels.join("、"))
                        .size(style::SMALL_SIZE)
                        .style(style::chip_detail(chosen))
                ]
                .width(Length::Fill),
                text(if chosen { t::CHOSEN } else { t::CHOOSE }).size(style::BODY_SIZE),
            ]
            .align_y(Alignment::Center),
        )
        .width(Length::Fill)
        .padding([6, 12])
        .style(style::chip(chosen))
        .on_press(Message::Toggle(entry.name.clone()));
        let line = row![
            choose,
            button(text(t::EDIT).size(style::SMALL_SIZE))
                .style(button::text)
                .on_press(Message::EditSpecialty(entry.name.clone())),
            button(text(t::REMOVE).size(style::SMALL_SIZE))
                .style(button::text)
                .on_press(Message::DeleteSpecialty(entry.name.clone())),
        ]
        .spacing(4)
        .align_y(Alignment::Center);
        if w.new_specialty.editing.as_deref() == Some(entry.name.as_str()) {
            return column![line, specialty_form(w)].spacing(6).into();
        }
        if w.deleting_specialty.as_deref() == Some(entry.name.as_str()) {
            column![
                line,
                confirm::delete(
                    t::delete_specialty_question(&entry.name),
                    Message::ConfirmDeleteSpecialty,
                    Message::CancelDeleteSpecialty,
                )
            ]
            .spacing(6)
            .into()
        } else {
            line.into()
        }
    });
    let import = row![
        button(text(t::IMPORT_CATALOGUE).size(style::SMALL_SIZE))
            .style(button::secondary)
            .on_press(Message::ImportCatalogue),
        text(t::CATALOGUE_HINT)
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
    ]
    .spacing(10)
    .align_y(Alignment::Center);
    // A correction opens under the entry being corrected, where the user clicked 修改.
    let add = w.new_specialty.editing.is_none().then(|| specialty_form(w));
    column![
        intro,
        import,
        search,
        container(column(rows).spacing(6)).width(Length::Fill),
    ]
    .push(add)
    .spacing(12)
    .into()
}

/// The form that adds a catalogue entry, or corrects the one being edited.
fn specialty_form(w: &Wizard) -> Element<'_, Message> {
    let new = &w.new_specialty;
    let level_chips = Level::ALL.into_iter().map(|level| {
        actions::small_chip(level.name(), new.levels.contains(&level))
            .on_press(Message::SpecialtyLevel(level))
            .into()
    });
    let (hint, save) = match &new.editing {
        Some(_) => (t::EDIT_SPECIALTY_HINT, t::SAVE_SPECIALTY),
        None => (t::ADD_SPECIALTY_HINT, t::ADD_SPECIALTY),
    };
    column![
        text(hint).size(style::SMALL_SIZE).style(style::muted_text),
        row![
            form::cell(
                t::NEW_SPECIALTY_NAME.into(),
                t::NEW_SPECIALTY_NAME,
                &new.name,
                240,
                Message::SpecialtyName
            ),
            row(level_chips).spacing(6),
            actions::secondary(save).on_press(Message::AddSpecialty),
        ]
        .push(new.editing.as_ref().map(|_| {
            button(text(t::CANCEL).size(style::BODY_SIZE))
                .style(button::text)
                .on_press(Message::CancelEditSpecialty)
        }))
        .spacing(10)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(6),
    ]
    .spacing(6)
    .into()
}

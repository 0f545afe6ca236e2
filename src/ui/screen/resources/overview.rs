//! 完整性一览: for every specialty with a declaration or resources, how many items of each kind
//! the policy names count toward the package, and the completeness matrix (courses × kinds).

use iced::Element;
use iced::widget::{Column, column, row, text};

use crate::domain::resource::{Cell, Readiness, matrix, readiness, specialties};
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen};
use crate::ui::widget::actions;
use crate::ui::widget::page::page;
use crate::ui::widget::readiness;
use crate::ui::{style, text as t};

pub struct Overview {
    kinds: Vec<String>,
    specialties: Vec<Specialty>,
}

struct Specialty {
    name: String,
    readiness: Vec<Readiness>,
    rows: Vec<(String, Vec<Cell>)>,
}

/// Only shows; nothing on it is pressed.
pub enum Message {}

impl Screen for Overview {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Overview, StoreError> {
        let kinds = file.resource_kinds()?;
        let items: Vec<_> = file.resources(None)?.into_iter().map(|(_, i)| i).collect();
        let specialties = specialties(&file.current_declarations()?, &items)
            .into_iter()
            .map(|name| Specialty {
                readiness: readiness(&kinds, &items, &name),
                rows: matrix(&kinds, &items, &name)
                    .into_iter()
                    .map(|(course, cells)| {
                        (course.unwrap_or_else(|| t::WHOLE_SPECIALTY.into()), cells)
                    })
                    .collect(),
                name,
            })
            .collect();
        Ok(Overview {
            kinds: kinds.into_iter().map(|k| k.name).collect(),
            specialties,
        })
    }

    /// Read afresh each time the area is shown.
    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        *self = Overview::open(file)?;
        Ok(())
    }

    fn update(&mut self, message: Message, _: &mut SchoolFile) -> Action<Message> {
        match message {}
    }

    fn view(&self) -> Element<'_, Message> {
        let mut content: Column<'_, Message> = column![
            text(t::RESOURCES_INTRO)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(16);
        if self.specialties.is_empty() {
            content = content.push(text(t::NO_RESOURCES).size(style::BODY_SIZE));
        }
        for s in &self.specialties {
            content = content.push(actions::card(self.specialty(s)));
        }
        page(content)
    }
}

impl Overview {
    fn specialty<'a, M: 'a>(&'a self, s: &'a Specialty) -> Element<'a, M> {
        let summary = readiness::summary(&s.readiness);
        let mut grid = column![
            row(std::iter::once(
                text(t::COURSE)
                    .size(style::SMALL_SIZE)
                    .width(COURSE_WIDTH)
                    .into()
            )
            .chain(self.kinds.iter().map(|k| {
                text(k.as_str())
                    .size(style::SMALL_SIZE)
                    .width(CELL_WIDTH)
                    .into()
            })))
            .spacing(4)
        ]
        .spacing(2);
        for (course, cells) in &s.rows {
            grid = grid.push(
                row(std::iter::once(
                    text(course.as_str())
                        .size(style::SMALL_SIZE)
                        .width(COURSE_WIDTH)
                        .into(),
                )
                .chain(cells.iter().map(|&c| {
                    let colour = match c {
                        Cell::Present => style::muted_text,
                        Cell::Unreviewed | Cell::Missing => style::error_text,
                    };
                    text(c.name())
                        .size(style::SMALL_SIZE)
                        .width(CELL_WIDTH)
                        .style(colour)
                        .into()
                })))
                .spacing(4),
            );
        }
        let body: Element<'a, M> = if s.rows.is_empty() {
            text(t::NO_RESOURCES_FOR_SPECIALTY)
                .size(style::SMALL_SIZE)
                .style(style::error_text)
                .into()
        } else {
            grid.into()
        };
        column![text(s.name.as_str()).size(18), summary, body]
            .spacing(10)
            .into()
    }
}

/// Wide enough for the course names of real schools' work-task courses.
const COURSE_WIDTH: f32 = 160.0;
/// Four characters at the small size: all eleven kinds fit beside the course column in the
/// window's minimum width, longer kind names wrap onto a second line of the heading.
const CELL_WIDTH: f32 = 60.0;

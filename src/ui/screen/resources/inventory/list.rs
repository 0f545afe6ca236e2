//! The page: what the user is doing (a form, a review, a question) above the filters, and the
//! items a page at a time (the large school has 2,700).

use iced::widget::{button, column, progress_bar, row, table, text, text_input};
use iced::{Element, Length};

use crate::domain::resource::{ReviewState, TEXTBOOK};
use crate::domain::{Origin, ResourceItem};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self};
use crate::ui::widget::page::page;
use crate::ui::widget::{confirm, pager};
use crate::ui::{style, text as t};

use super::{Inventory, Message};

impl Inventory {
    pub(super) fn filtered(&self) -> Vec<&(i64, ResourceItem)> {
        let search = self.search.trim();
        self.items
            .iter()
            .filter(|(_, i)| {
                self.specialty.as_ref().is_none_or(|s| *s == i.specialty)
                    && self.kind.as_ref().is_none_or(|k| *k == i.kind)
                    && self
                        .origin
                        .is_none_or(|o| i.textbook.as_ref().is_some_and(|t| t.origin == o))
                    && self.state.is_none_or(|s| i.review_state() == s)
                    && (search.is_empty() || i.title.contains(search))
            })
            .collect()
    }

    pub(super) fn filter(&mut self, change: impl FnOnce(&mut Self)) {
        change(self);
        self.page = 0;
    }

    pub(super) fn list(&self) -> Element<'_, Message> {
        let filtered = self.filtered();
        let chips = |label: &'static str,
                     options: Vec<(Option<String>, String)>,
                     current: Option<String>,
                     on: fn(Option<String>) -> Message| {
            row![text(label).size(style::SMALL_SIZE).width(60)]
                .extend(options.into_iter().map(|(value, name)| {
                    let selected = value == current;
                    actions::small_chip(name, selected)
                        .padding([3, 8])
                        .on_press(on(value))
                        .into()
                }))
                .spacing(6)
                .wrap()
                .vertical_spacing(6)
        };
        let all = || (None, t::ALL.to_string());
        let specialty_options = std::iter::once(all())
            .chain(
                self.specialties
                    .iter()
                    .map(|s| (Some(s.clone()), s.clone())),
            )
            .collect();
        let kind_options = std::iter::once(all())
            .chain(
                self.kinds
                    .iter()
                    .map(|k| (Some(k.name.clone()), k.name.clone())),
            )
            .collect();
        let small_chips = |label: &'static str, options: Vec<(bool, &'static str, Message)>| {
            row![text(label).size(style::SMALL_SIZE).width(60)]
                .extend(options.into_iter().map(|(selected, name, message)| {
                    actions::small_chip(name, selected)
                        .padding([3, 8])
                        .on_press(message)
                        .into()
                }))
                .spacing(6)
        };
        let mut origin_options = vec![(self.origin.is_none(), t::ALL, Message::Origin(None))];
        origin_options.extend(
            [Origin::Compiled, Origin::Selected]
                .map(|o| (self.origin == Some(o), o.name(), Message::Origin(Some(o)))),
        );
        let mut state_options = vec![(self.state.is_none(), t::ALL, Message::State(None))];
        state_options.extend(
            ReviewState::ALL.map(|s| (self.state == Some(s), s.name(), Message::State(Some(s)))),
        );
        // The form or the review comes first: it is what the user is doing, and the filters
        // below repeat some of its choices (自编, 选用, 教材).
        let mut content = column![].spacing(8);
        if let Some(d) = &self.form {
            content = content.push(self.form_view(d));
        }
        if let Some((id, r)) = &self.review {
            content = content.push(self.review_view(*id, r));
        }
        if let Some(id) = self.deleting
            && let Some((_, item)) = self.items.iter().find(|(i, _)| *i == id)
        {
            content = content.push(confirm::delete(
                delete_question(item),
                Message::ConfirmDelete,
                Message::CancelDelete,
            ));
        }
        let undo = self.deleted.is_some().then_some(Message::Undo);
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some(n) = notice::with_undo(&self.notice, undo) {
            content = content.push(n);
        }
        if let Some((_, name, done, total)) = &self.hashing {
            let share = if *total == 0 {
                0.0
            } else {
                *done as f32 / *total as f32
            };
            content = content.push(
                column![
                    text(t::hashing_progress(
                        name,
                        done / 1_000_000,
                        total / 1_000_000
                    ))
                    .size(style::SMALL_SIZE),
                    progress_bar(0.0..=1.0, share).girth(8),
                ]
                .spacing(4),
            );
        }
        content = content
            .push(chips(
                t::SPECIALTY,
                specialty_options,
                self.specialty.clone(),
                Message::Specialty,
            ))
            .push(chips(
                t::RESOURCE_KIND,
                kind_options,
                self.kind.clone(),
                Message::Kind,
            ))
            .push(small_chips(t::ORIGIN, origin_options))
            .push(small_chips(t::REVIEW_STATE, state_options))
            .push(
                row![
                    text_input(t::SEARCH_RESOURCE_HINT, &self.search)
                        .id(t::SEARCH_RESOURCE)
                        .on_input(Message::Search)
                        .padding(8)
                        .size(style::BODY_SIZE)
                        .width(320),
                    actions::primary(t::NEW_RESOURCE).on_press(Message::New),
                    actions::secondary(t::CHECK_FILES)
                        .on_press_maybe((!self.checking).then_some(Message::CheckFiles)),
                ]
                .spacing(12),
            );
        if self.checking {
            content = content.push(text(t::CHECKING_FILES).size(style::SMALL_SIZE));
        }
        if let Some((count, problems)) = &self.checked {
            let mut report =
                column![text(t::files_checked(*count, problems.len())).size(style::BODY_SIZE)]
                    .spacing(4);
            for (title, path, status) in problems {
                report = report.push(
                    text(format!("{}：{title}　{path}", status.name()))
                        .size(style::SMALL_SIZE)
                        .style(style::error_text),
                );
            }
            content = content.push(report);
        }
        let rows: Vec<&(i64, ResourceItem)> = pager::page(&filtered, self.page).to_vec();
        let cell = |s: String| -> Element<'_, Message> { text(s).size(style::SMALL_SIZE).into() };
        // Two facts a column where they belong together, so that 资源名称 keeps the width it
        // needs at 900 px.
        let columns = [
            table::column(
                header(t::SPECIALTY_AND_COURSE),
                move |(_, i): &(i64, ResourceItem)| {
                    let course = i.course.as_deref().unwrap_or(t::WHOLE_SPECIALTY);
                    cell(format!("{}\n{course}", i.specialty))
                },
            )
            .width(130),
            table::column(
                header(t::RESOURCE_KIND),
                move |(_, i): &(i64, ResourceItem)| cell(i.kind.clone()),
            )
            .width(80),
            table::column(
                header(t::RESOURCE_TITLE),
                move |(_, i): &(i64, ResourceItem)| cell(i.title.clone()),
            )
            .width(Length::Fill),
            table::column(
                header(t::ORIGIN_AND_REVIEW),
                |(_, i): &(i64, ResourceItem)| -> Element<'_, Message> {
                    let origin = i.textbook.as_ref().map(|b| {
                        let catalogue = if b.in_national_catalogue {
                            t::IN_CATALOGUE_MARK
                        } else {
                            ""
                        };
                        format!("{}{catalogue}", b.origin.name())
                    });
                    let review = match i.reviews.last() {
                        Some(r) if i.kind == TEXTBOOK => r.conclusion.name().to_string(),
                        _ => i.review_state().name().to_string(),
                    };
                    let colour = if i.counts() {
                        style::muted_text
                    } else {
                        style::error_text
                    };
                    column![
                        origin.map(|o| text(o).size(style::SMALL_SIZE)),
                        text(review).size(style::SMALL_SIZE).style(colour),
                    ]
                    .into()
                },
            )
            .width(100),
            table::column(header(t::FILES), move |(_, i): &(i64, ResourceItem)| {
                cell(if i.files.is_empty() {
                    String::new()
                } else {
                    t::file_count(i.files.len())
                })
            }),
            table::column(
                header(""),
                |(id, i): &(i64, ResourceItem)| -> Element<'_, Message> {
                    let action = |label, message: Option<Message>| {
                        button(text(label).size(style::SMALL_SIZE))
                            .padding([2, 6])
                            .style(button::text)
                            .on_press_maybe(message)
                    };
                    let review =
                        (i.kind == TEXTBOOK).then(|| action(t::REVIEW, Some(Message::Review(*id))));
                    let attach = self.hashing.is_none().then_some(Message::Attach(*id));
                    column![
                        row![review, action(t::ATTACH_FILE, attach)],
                        row![
                            action(t::EDIT, Some(Message::Edit(*id))),
                            action(t::REMOVE, Some(Message::Delete(*id))),
                        ],
                    ]
                    .into()
                },
            ),
        ];
        content = content.push(table(columns, rows).padding_y(3.0).width(Length::Fill));
        content = content.push(pager::pager(self.page, filtered.len(), Message::Page));
        page(content)
    }
}

/// The question before deleting, naming what goes with the item.
fn delete_question(item: &ResourceItem) -> String {
    t::delete_resource_question(&item.title, item.reviews.len(), item.files.len())
}

fn header<'a>(title: &'a str) -> Element<'a, Message> {
    text(title)
        .size(style::SMALL_SIZE)
        .style(style::muted_text)
        .into()
}

//! The form that records or corrects an item of the package.

use iced::Element;
use iced::widget::{column, container, row, text};

use crate::domain::resource::TEXTBOOK;
use crate::domain::{Origin, ResourceItem, Textbook};
use crate::store::SchoolFile;
use crate::ui::widget::actions;
use crate::ui::widget::form;
use crate::ui::widget::notice::Notice;
use crate::ui::{style, text as t};

use super::{Field, Inventory, Message};

/// The item form's fields as typed.
#[derive(Debug, Clone, Default)]
pub(super) struct Draft {
    /// The item being corrected; a new one when `None`.
    pub(super) editing: Option<i64>,
    pub(super) specialty: String,
    pub(super) course: String,
    pub(super) kind: String,
    pub(super) title: String,
    pub(super) origin: Option<Origin>,
    pub(super) publisher: String,
    pub(super) isbn: String,
    pub(super) edition: String,
    pub(super) in_catalogue: bool,
    pub(super) chief_editor: String,
    pub(super) editors: String,
}

impl Inventory {
    pub(super) fn input(&mut self, field: Field, value: String) {
        if let Some(d) = &mut self.form {
            let target = match field {
                Field::Specialty => &mut d.specialty,
                Field::Course => &mut d.course,
                Field::Title => &mut d.title,
                Field::Publisher => &mut d.publisher,
                Field::Isbn => &mut d.isbn,
                Field::Edition => &mut d.edition,
                Field::ChiefEditor => &mut d.chief_editor,
                Field::Editors => &mut d.editors,
                _ => return,
            };
            *target = value;
        } else if let Some((_, r)) = &mut self.review {
            let target = match field {
                Field::Reviewers => &mut r.reviewers,
                Field::ReviewDate => &mut r.date,
                Field::Opinion => &mut r.opinion,
                _ => return,
            };
            *target = value;
        }
    }

    pub(super) fn save(&mut self, file: &mut SchoolFile) {
        let Some(d) = &self.form else { return };
        if d.specialty.trim().is_empty() {
            self.notice = Some(Notice::Failed(t::SPECIALTY_MISSING.into()));
            return;
        }
        if !self.declared.is_empty() && !self.declared.contains(&d.specialty) {
            self.notice = Some(Notice::Failed(t::undeclared_specialty(&d.specialty)));
            return;
        }
        let textbook = (d.kind == TEXTBOOK).then(|| Textbook {
            origin: d.origin.unwrap_or(Origin::Selected),
            publisher: d.publisher.trim().into(),
            isbn: d.isbn.trim().into(),
            edition: d.edition.trim().into(),
            in_national_catalogue: d.in_catalogue,
            chief_editor: d.chief_editor.trim().into(),
            editors: d
                .editors
                .split(['、', ',', '，', ' '])
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(String::from)
                .collect(),
        });
        if d.kind == TEXTBOOK && d.origin.is_none() {
            self.notice = Some(Notice::Failed(t::TEXTBOOK_ORIGIN_MISSING.into()));
            return;
        }
        let item = ResourceItem {
            specialty: d.specialty.trim().into(),
            course: Some(d.course.trim().to_string()).filter(|c| !c.is_empty()),
            kind: d.kind.clone(),
            title: d.title.trim().into(),
            textbook,
            reviews: Vec::new(),
            files: Vec::new(),
        };
        let written = match d.editing {
            Some(id) => file.update_resource(id, &item),
            None => file.add_resource(&item).map(|_| ()),
        };
        match written {
            Ok(()) => {
                let unknown: Vec<&String> = item
                    .textbook
                    .iter()
                    .flat_map(|t| std::iter::once(&t.chief_editor).chain(&t.editors))
                    .filter(|n| !n.is_empty() && !self.roster.contains(n))
                    .collect();
                let mut said = t::resource_saved(d.editing.is_some(), &item.title, &item.kind);
                if item.kind == TEXTBOOK && d.editing.is_none() {
                    said.push_str(t::TEXTBOOK_NEEDS_REVIEW);
                }
                if !unknown.is_empty() {
                    let names: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
                    said.push_str(&t::editors_not_in_roster(&names.join("、")));
                }
                self.notice = Some(Notice::Done(said));
                self.form = None;
                self.reload(file);
            }
            Err(e) => self.notice = Some(Notice::Failed(e.to_string())),
        }
    }

    pub(super) fn form_view<'a>(&'a self, d: &'a Draft) -> Element<'a, Message> {
        let input = |label: &'static str, hint: &'a str, value: &'a str, field: Field| {
            form::text_field(label, false, hint, value, None, move |v| {
                Message::Input(field, v)
            })
        };
        let kinds: Vec<String> = self.kinds.iter().map(|k| k.name.clone()).collect();
        let kind_chips = row![text(t::RESOURCE_KIND).size(style::BODY_SIZE).width(150)]
            .extend(kinds.into_iter().map(|k| {
                let selected = k == d.kind;
                actions::small_chip(k.clone(), selected)
                    .on_press(Message::DraftKind(k))
                    .into()
            }))
            .spacing(6)
            .wrap()
            .vertical_spacing(6);
        let title = if d.editing.is_some() {
            t::EDIT_RESOURCE
        } else {
            t::NEW_RESOURCE
        };
        let mut fields = column![
            text(title).size(style::BODY_SIZE + 3),
            self.specialty_field(d),
            input(t::COURSE, t::COURSE_HINT, &d.course, Field::Course),
            self.course_chips(d),
            kind_chips,
            input(t::RESOURCE_TITLE, "", &d.title, Field::Title),
        ]
        .spacing(10);
        if d.kind == TEXTBOOK {
            fields = fields.push(form::choices(
                t::ORIGIN,
                &[Origin::Compiled, Origin::Selected],
                d.origin,
                Origin::name,
                Message::DraftOrigin,
                None,
            ));
            match d.origin {
                Some(Origin::Selected) => {
                    fields = fields
                        .push(input(t::PUBLISHER, "", &d.publisher, Field::Publisher))
                        .push(input(t::ISBN, t::ISBN_HINT, &d.isbn, Field::Isbn))
                        .push(input(
                            t::EDITION,
                            t::EDITION_HINT,
                            &d.edition,
                            Field::Edition,
                        ))
                        .push(form::choices(
                            t::IN_CATALOGUE,
                            &[true, false],
                            Some(d.in_catalogue),
                            |yes| if yes { t::YES } else { t::NO },
                            Message::InCatalogue,
                            None,
                        ));
                }
                Some(Origin::Compiled) => {
                    fields = fields
                        .push(input(
                            t::CHIEF_EDITOR,
                            t::CHIEF_EDITOR_HINT,
                            &d.chief_editor,
                            Field::ChiefEditor,
                        ))
                        .push(input(
                            t::EDITORS,
                            t::EDITORS_HINT,
                            &d.editors,
                            Field::Editors,
                        ));
                    let typed = d.chief_editor.trim();
                    if !typed.is_empty() && !self.roster.iter().any(|n| n == typed) {
                        let hints: Vec<&str> = self
                            .roster
                            .iter()
                            .filter(|n| n.contains(typed))
                            .take(6)
                            .map(String::as_str)
                            .collect();
                        let hint = if hints.is_empty() {
                            t::editor_not_in_roster(typed)
                        } else {
                            t::roster_matches(&hints.join("、"))
                        };
                        fields = fields
                            .push(text(hint).size(style::SMALL_SIZE).style(style::muted_text));
                    }
                }
                None => {}
            }
        }
        fields = fields.push(actions::save_cancel(
            t::SAVE_RESOURCE,
            Message::Save,
            Message::CancelForm,
        ));
        actions::card(fields).into()
    }

    /// The declared specialties to pick from. Typed only while nothing is declared yet; an item
    /// imported under another name shows it, so the user sees what to correct.
    pub(super) fn specialty_field<'a>(&'a self, d: &'a Draft) -> Element<'a, Message> {
        if self.declared.is_empty() {
            return form::text_field(
                t::SPECIALTY,
                true,
                t::NOTHING_DECLARED_YET,
                &d.specialty,
                None,
                |v| Message::Input(Field::Specialty, v),
            );
        }
        let stray = (!d.specialty.is_empty() && !self.declared.contains(&d.specialty))
            .then(|| t::undeclared_specialty(&d.specialty));
        form::named_choices(
            t::SPECIALTY,
            &self.declared,
            &d.specialty,
            Message::DraftSpecialty,
            stray,
        )
    }

    /// The chosen specialty's courses that match what is typed, one click to fill the field.
    pub(super) fn course_chips<'a>(&'a self, d: &'a Draft) -> Element<'a, Message> {
        let typed = d.course.trim();
        let known = self
            .courses
            .iter()
            .filter(|(s, c)| *s == d.specialty && c != typed && c.contains(typed))
            .take(12);
        let chips = row(known.map(|(_, course)| {
            actions::small_chip(course.as_str(), false)
                .padding([3, 8])
                .on_press(Message::Input(Field::Course, course.clone()))
                .into()
        }))
        .spacing(6)
        .wrap()
        .vertical_spacing(6);
        container(chips)
            .padding(iced::padding::left(form::LABEL_WIDTH + 12.0))
            .into()
    }
}

impl Draft {
    pub(super) fn of(id: i64, item: &ResourceItem) -> Draft {
        let book = item.textbook.as_ref();
        let text = |f: fn(&Textbook) -> &String| book.map(f).cloned().unwrap_or_default();
        Draft {
            editing: Some(id),
            specialty: item.specialty.clone(),
            course: item.course.clone().unwrap_or_default(),
            kind: item.kind.clone(),
            title: item.title.clone(),
            origin: book.map(|b| b.origin),
            publisher: text(|b| &b.publisher),
            isbn: text(|b| &b.isbn),
            edition: text(|b| &b.edition),
            in_catalogue: book.is_some_and(|b| b.in_national_catalogue),
            chief_editor: text(|b| &b.chief_editor),
            editors: book.map(|b| b.editors.join("、")).unwrap_or_default(),
        }
    }
}

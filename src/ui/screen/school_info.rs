//! 学校信息: the school profile form. Errors show next to their field as the user types; 保存
//! is enabled only when something changed and nothing is wrong; 放弃修改 restores what is saved.

use iced::widget::{column, container, row, scrollable, text};
use iced::{Alignment, Element, Length};

use crate::domain::{Field, FieldError, Region, SchoolKind, SchoolProfile};
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen};
use crate::ui::widget::actions;
use crate::ui::widget::form;
use crate::ui::{style, text as t};

pub struct SchoolInfo {
    saved: SchoolProfile,
    draft: SchoolProfile,
    status: Option<Status>,
}

enum Status {
    Saved,
    Failed(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    Edit(Field, String),
    Kind(SchoolKind),
    Region(Region),
    Save,
    Discard,
}

impl SchoolInfo {
    /// The profile as stored, which the title bar shows.
    pub fn saved(&self) -> &SchoolProfile {
        &self.saved
    }

    pub fn is_dirty(&self) -> bool {
        self.draft.normalized() != self.saved
    }

    fn errors(&self) -> Vec<FieldError> {
        self.draft.validate()
    }

    pub fn can_save(&self) -> bool {
        self.is_dirty() && self.errors().is_empty()
    }

    /// Writes the draft. Refuses an invalid draft with the message to show.
    pub fn save(&mut self, file: &mut SchoolFile) -> Result<(), String> {
        if !self.errors().is_empty() {
            return Err(t::CANNOT_SAVE_INVALID.into());
        }
        let profile = self.draft.normalized();
        file.save_profile(&profile).map_err(|e| e.to_string())?;
        self.saved = profile.clone();
        self.draft = profile;
        self.status = Some(Status::Saved);
        Ok(())
    }

    pub fn discard(&mut self) {
        self.draft = self.saved.clone();
        self.status = None;
    }
}

impl Screen for SchoolInfo {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<SchoolInfo, StoreError> {
        let profile = file.profile()?;
        Ok(SchoolInfo {
            saved: profile.clone(),
            draft: profile,
            status: None,
        })
    }

    /// Only this area writes the profile, so what it holds is what the file holds; an edit in
    /// progress is kept.
    fn refresh(&mut self, _: &SchoolFile) -> Result<(), StoreError> {
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Edit(field, value) => {
                self.status = None;
                if let Some(slot) = text_slot(&mut self.draft, field) {
                    *slot = value;
                }
            }
            Message::Kind(kind) => {
                self.status = None;
                self.draft.kind = kind;
            }
            Message::Region(region) => {
                self.status = None;
                self.draft.region = region;
            }
            Message::Save => {
                if !self.can_save() {
                    return Action::None;
                }
                if let Err(e) = self.save(file) {
                    self.status = Some(Status::Failed(e));
                }
            }
            Message::Discard => self.discard(),
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let errors = self.errors();
        let error_for = |field: Field| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        };
        let field = |label, required, hint, field: Field, value| {
            form::text_field(label, required, hint, value, error_for(field), move |v| {
                Message::Edit(field, v)
            })
        };
        let d = &self.draft;
        let fields = column![
            field(t::NAME, true, "", Field::Name, &d.name),
            form::choices(
                t::KIND,
                &SchoolKind::ALL,
                Some(d.kind),
                SchoolKind::name,
                Message::Kind,
                None
            ),
            form::choices(
                t::REGION,
                &Region::ALL,
                Some(d.region),
                Region::name,
                Message::Region,
                None
            ),
            field(
                t::CREDIT_CODE,
                false,
                t::CREDIT_CODE_HINT,
                Field::CreditCode,
                &d.credit_code
            ),
            field(t::ADDRESS, false, "", Field::Address, &d.address),
            field(t::PRINCIPAL, false, "", Field::Principal, &d.principal),
            field(
                t::ACADEMIC_HEAD,
                false,
                "",
                Field::AcademicHead,
                &d.academic_head
            ),
            field(t::CONTACT, false, "", Field::Contact, &d.contact),
            field(t::PHONE, false, t::PHONE_HINT, Field::Phone, &d.phone),
        ]
        .spacing(14);

        let dirty = self.is_dirty();
        let status: Element<'_, Message> = match (&self.status, dirty) {
            (Some(Status::Failed(e)), _) => text(e.as_str())
                .size(style::SMALL_SIZE)
                .style(style::error_text)
                .into(),
            (_, true) => text(t::UNSAVED)
                .size(style::SMALL_SIZE)
                .style(style::muted_text)
                .into(),
            (Some(Status::Saved), false) => text(t::SAVED)
                .size(style::SMALL_SIZE)
                .style(style::muted_text)
                .into(),
            (None, false) => text("").into(),
        };
        let actions = row![
            actions::primary(t::SAVE)
                .padding([8, 28])
                .on_press_maybe(self.can_save().then_some(Message::Save)),
            actions::secondary(t::DISCARD)
                .padding([8, 20])
                .on_press_maybe(dirty.then_some(Message::Discard)),
            status,
        ]
        .spacing(12)
        .align_y(Alignment::Center);

        let content = column![
            text(t::AREA_SCHOOL).size(style::HEADING_SIZE),
            text(t::SCHOOL_INTRO)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            fields,
            actions,
        ]
        .spacing(18)
        .max_width(820);
        scrollable(container(content).padding(32).width(Length::Fill))
            .height(Length::Fill)
            .into()
    }
}

fn text_slot(profile: &mut SchoolProfile, field: Field) -> Option<&mut String> {
    Some(match field {
        Field::Name => &mut profile.name,
        Field::CreditCode => &mut profile.credit_code,
        Field::Address => &mut profile.address,
        Field::Principal => &mut profile.principal,
        Field::AcademicHead => &mut profile.academic_head,
        Field::Contact => &mut profile.contact,
        Field::Phone => &mut profile.phone,
        Field::Kind | Field::Region => return None,
    })
}

//! Creating a school file: only 学校名称, 学校类型 and 所属盟市, the rest comes later. Also the
//! first-run form, when the app starts with no file at all.

use std::path::PathBuf;

use iced::widget::{column, container, row, text};
use iced::{Element, Length};

use crate::domain::{Field, Region, SchoolKind, SchoolProfile};
use crate::store::SchoolFile;
use crate::ui::screen::Action;
use crate::ui::widget::actions;
use crate::ui::widget::form;
use crate::ui::{style, text as t};

pub struct NewSchool {
    path: PathBuf,
    first_run: bool,
    name: String,
    kind: Option<SchoolKind>,
    region: Option<Region>,
    /// Shown once the user has tried to create, so an untouched form is not all red.
    show_errors: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    Kind(SchoolKind),
    Region(Region),
    Create,
    Cancel,
    NewRollup,
}

pub enum Intent {
    Created(SchoolFile),
    Cancel,
    /// Not a school: a 盟市 or 自治区 office, which keeps a 汇总文件 instead.
    NewRollup,
}

impl NewSchool {
    /// `first_run` changes the greeting: the file goes to the default location.
    pub fn new(path: PathBuf, first_run: bool) -> NewSchool {
        NewSchool {
            path,
            first_run,
            name: String::new(),
            kind: None,
            region: None,
            show_errors: false,
            error: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action<Message, Intent> {
        match message {
            Message::Name(name) => self.name = name,
            Message::Kind(kind) => self.kind = Some(kind),
            Message::Region(region) => self.region = Some(region),
            Message::Cancel => return Action::Ask(Intent::Cancel),
            Message::NewRollup => return Action::Ask(Intent::NewRollup),
            Message::Create => return self.create(),
        }
        Action::None
    }

    fn profile(&self) -> Option<SchoolProfile> {
        let profile = SchoolProfile::new(self.name.clone(), self.kind?, self.region?);
        profile.validate().is_empty().then(|| profile.normalized())
    }

    fn create(&mut self) -> Action<Message, Intent> {
        self.show_errors = true;
        let Some(profile) = self.profile() else {
            return Action::None;
        };
        match super::create_file(&self.path, &mut self.error, |path| {
            SchoolFile::create(path, &profile)
        }) {
            Some(file) => Action::Ask(Intent::Created(file)),
            None => Action::None,
        }
    }

    fn field_error(&self, field: Field) -> Option<String> {
        if !self.show_errors {
            return None;
        }
        match field {
            Field::Kind if self.kind.is_none() => Some(t::CHOOSE_KIND.into()),
            Field::Region if self.region.is_none() => Some(t::CHOOSE_REGION.into()),
            _ => SchoolProfile::new(
                self.name.clone(),
                SchoolKind::TechnicalSchool,
                Region::Hohhot,
            )
            .validate()
            .into_iter()
            .find(|e| e.field == field)
            .map(|e| e.message),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let heading = if self.first_run {
            t::FIRST_RUN_HEADING
        } else {
            t::NEW_SCHOOL_HEADING
        };
        let mut content = column![
            text(heading).size(style::HEADING_SIZE),
            text(t::NEW_SCHOOL_HINT)
                .size(style::BODY_SIZE)
                .style(style::muted_text),
            form::text_field(
                t::NAME,
                true,
                t::SCHOOL_NAME_HINT,
                &self.name,
                self.field_error(Field::Name),
                Message::Name,
            ),
            form::choices(
                t::KIND,
                &SchoolKind::ALL,
                self.kind,
                SchoolKind::name,
                Message::Kind,
                self.field_error(Field::Kind),
            ),
            form::choices(
                t::REGION,
                &Region::ALL,
                self.region,
                Region::name,
                Message::Region,
                self.field_error(Field::Region),
            ),
        ]
        .spacing(16)
        .max_width(760);
        content = content.push(actions::create_foot(
            self.error.as_deref(),
            format!("{}{}", t::SAVED_AT, self.path.display()),
            Message::Create,
            Message::Cancel,
        ));
        if self.first_run {
            content = content.push(
                row![
                    text(t::OFFICE_FIRST_RUN)
                        .size(style::SMALL_SIZE)
                        .style(style::muted_text),
                    actions::secondary(t::NEW_ROLLUP_FILE).on_press(Message::NewRollup),
                ]
                .spacing(10)
                .align_y(iced::Alignment::Center),
            );
        }
        container(content).padding(40).center_x(Length::Fill).into()
    }
}

//! Creating a 汇总文件: the office's name, whether it is a 盟市 or the 自治区, and (for a 盟市)
//! which one.

use std::path::PathBuf;

use iced::widget::{column, container, text};
use iced::{Element, Length};

use crate::domain::Region;
use crate::domain::rollup::{Office, OfficeLevel};
use crate::store::RollupFile;
use crate::ui::screen::Action;
use crate::ui::widget::{actions, form};
use crate::ui::{style, text as t};

pub struct NewRollup {
    path: PathBuf,
    name: String,
    level: Option<OfficeLevel>,
    region: Option<Region>,
    /// Shown once the user has tried to create, so an untouched form is not all red.
    show_errors: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Name(String),
    Level(OfficeLevel),
    Region(Region),
    Create,
    Cancel,
}

pub enum Intent {
    Created(RollupFile),
    Cancel,
}

impl NewRollup {
    pub fn new(path: PathBuf) -> NewRollup {
        NewRollup {
            path,
            name: String::new(),
            level: None,
            region: None,
            show_errors: false,
            error: None,
        }
    }

    pub fn update(&mut self, message: Message) -> Action<Message, Intent> {
        match message {
            Message::Name(name) => self.name = name,
            Message::Level(level) => {
                self.level = Some(level);
                // The 自治区 office sums every 盟市: a 盟市 chosen before does not apply.
                if level == OfficeLevel::Autonomous {
                    self.region = None;
                }
            }
            Message::Region(region) => self.region = Some(region),
            Message::Cancel => return Action::Ask(Intent::Cancel),
            Message::Create => return self.create(),
        }
        Action::None
    }

    fn office(&self) -> Option<Office> {
        let office = Office {
            name: self.name.trim().to_string(),
            level: self.level?,
            region: self.region,
        };
        office.problems().is_empty().then_some(office)
    }

    fn create(&mut self) -> Action<Message, Intent> {
        self.show_errors = true;
        let Some(office) = self.office() else {
            return Action::None;
        };
        match super::create_file(&self.path, &mut self.error, |path| {
            RollupFile::create(path, &office)
        }) {
            Some(file) => Action::Ask(Intent::Created(file)),
            None => Action::None,
        }
    }

    /// The office rule's words for what is still missing, each beside its field.
    fn errors(&self) -> (Option<String>, Option<String>, Option<String>) {
        if !self.show_errors {
            return (None, None, None);
        }
        let level = self.level.unwrap_or(OfficeLevel::League);
        let problems = Office {
            name: self.name.clone(),
            level,
            region: self.region,
        }
        .problems();
        let find = |word: &str| problems.iter().find(|p| p.contains(word)).cloned();
        (
            find("名称"),
            self.level.is_none().then(|| t::CHOOSE_LEVEL.to_string()),
            self.level.and(find("盟市")),
        )
    }

    pub fn view(&self) -> Element<'_, Message> {
        let (name_error, level_error, region_error) = self.errors();
        let mut content = column![
            text(t::NEW_ROLLUP_HEADING).size(style::HEADING_SIZE),
            text(t::NEW_ROLLUP_HINT)
                .size(style::BODY_SIZE)
                .style(style::muted_text),
            form::text_field(
                t::OFFICE_NAME,
                true,
                t::OFFICE_NAME_HINT,
                &self.name,
                name_error,
                Message::Name,
            ),
            form::choices(
                t::OFFICE_LEVEL,
                OfficeLevel::ALL,
                self.level,
                OfficeLevel::name,
                Message::Level,
                level_error,
            ),
        ]
        .spacing(16)
        .max_width(760);
        if self.level == Some(OfficeLevel::League) {
            content = content.push(form::choices(
                t::OFFICE_REGION,
                &Region::ALL[..Region::ALL.len() - 1],
                self.region,
                Region::name,
                Message::Region,
                region_error,
            ));
        }
        content = content.push(actions::create_foot(
            self.error.as_deref(),
            format!("{}{}", t::ROLLUP_SAVED_AT, self.path.display()),
            Message::Create,
            Message::Cancel,
        ));
        container(content).padding(40).center_x(Length::Fill).into()
    }
}

//! 教学资源包: the completeness overview of every specialty, and the inventory where items,
//! textbook reviews and files are recorded. The overview is read afresh when shown, so what the
//! inventory records is seen there at once.

mod inventory;
mod overview;

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Task};

use crate::store::SchoolFile;
use crate::ui::{style, text as t};

pub use inventory::Message as InventoryMessage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Inventory,
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    Inventory(inventory::Message),
}

pub struct Resources {
    tab: Tab,
    overview: Result<overview::Overview, String>,
    inventory: inventory::Inventory,
}

impl Resources {
    pub fn new(file: &SchoolFile) -> Resources {
        let mut resources = Resources {
            tab: Tab::Overview,
            overview: Err(String::new()),
            inventory: inventory::Inventory::default(),
        };
        resources.refresh(file);
        resources
    }

    /// Re-reads what the current tab shows.
    pub fn refresh(&mut self, file: &SchoolFile) {
        match self.tab {
            Tab::Overview => self.overview = overview::Overview::new(file),
            Tab::Inventory => self.inventory.load(file),
        }
    }

    pub fn update(&mut self, message: Message, file: &mut SchoolFile) -> Task<Message> {
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                self.refresh(file);
                Task::none()
            }
            Message::Inventory(m) => self.inventory.update(m, file).map(Message::Inventory),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let tabs = row([
            (Tab::Overview, t::TAB_OVERVIEW),
            (Tab::Inventory, t::TAB_INVENTORY),
        ]
        .into_iter()
        .map(|(tab, label)| {
            button(text(label).size(style::BODY_SIZE))
                .padding([6, 16])
                .style(style::chip(tab == self.tab))
                .on_press(Message::Tab(tab))
                .into()
        }))
        .spacing(8);
        let body = match self.tab {
            Tab::Overview => match &self.overview {
                Ok(overview) => overview.view(),
                Err(error) => text(error.as_str()).style(style::error_text).into(),
            },
            Tab::Inventory => self.inventory.view().map(Message::Inventory),
        };
        container(
            column![
                text(t::AREA_RESOURCES).size(style::HEADING_SIZE),
                tabs,
                body
            ]
            .spacing(16),
        )
        .padding(32)
        .width(Length::Fill)
        .height(Length::Fill)
        .into()
    }
}

//! 教学资源包: the completeness overview of every specialty, and the inventory where items,
//! textbook reviews and files are recorded. The overview is read afresh when shown, so what the
//! inventory records is seen there at once.

mod inventory;
mod overview;

use iced::Element;

use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen, Slot};
use crate::ui::text as t;
use crate::ui::widget::{page, tabs};

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
    overview: Slot<overview::Overview>,
    inventory: Slot<inventory::Inventory>,
}

impl Tab {
    const ALL: [(Tab, &'static str); 2] = [
        (Tab::Overview, t::TAB_OVERVIEW),
        (Tab::Inventory, t::TAB_INVENTORY),
    ];
}

impl Resources {
    fn show(&mut self, file: &SchoolFile) {
        match self.tab {
            Tab::Overview => self.overview.show(file),
            Tab::Inventory => self.inventory.show(file),
        }
    }
}

impl Screen for Resources {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Resources, StoreError> {
        let mut resources = Resources {
            tab: Tab::Overview,
            overview: Slot::default(),
            inventory: Slot::default(),
        };
        resources.show(file);
        Ok(resources)
    }

    /// Re-reads what the current tab shows; a tab that cannot be read shows why in its place.
    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.show(file);
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                self.show(file);
                Action::Run(page::to_top())
            }
            Message::Inventory(m) => self.inventory.update(m, file).map(Message::Inventory),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        let body = match self.tab {
            Tab::Overview => self.overview.view().map(|never| match never {}),
            Tab::Inventory => self.inventory.view().map(Message::Inventory),
        };
        tabs::area(t::AREA_RESOURCES, &Tab::ALL, self.tab, Message::Tab, body)
    }
}

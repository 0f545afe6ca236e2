//! 教师与课时: the roster, the workload summary with its settings, 教师填报 (a teacher logs this
//! week's lessons by keyboard), and importing sheets with a dry run first. Each tab owns its
//! state and reads what it shows from the file when it is opened, so a change made in one tab
//! is seen in the next.

mod entry;
mod import;
mod pay;
mod roster;
mod summary;

use iced::widget::text;
use iced::{Element, Task};

use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen, Slot};
use crate::ui::widget::{page, tabs};
use crate::ui::{style, text as t};

pub use entry::Message as EntryMessage;
pub use import::Message as ImportMessage;
pub use pay::Message as PayMessage;
pub use roster::Message as RosterMessage;
pub use summary::Message as SummaryMessage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Roster,
    Summary,
    Pay,
    Entry,
    Import,
}

impl Tab {
    const ALL: [(Tab, &'static str); 5] = [
        (Tab::Roster, t::TAB_ROSTER),
        (Tab::Summary, t::TAB_SUMMARY),
        (Tab::Pay, t::TAB_PAY),
        (Tab::Entry, t::TAB_ENTRY),
        (Tab::Import, t::TAB_IMPORT),
    ];
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    Roster(roster::Message),
    Summary(summary::Message),
    Pay(pay::Message),
    Entry(entry::Message),
    Import(import::Message),
}

pub struct Workload {
    tab: Tab,
    roster: Slot<roster::Roster>,
    summary: Slot<summary::Summary>,
    pay: Slot<pay::Pay>,
    entry: Slot<entry::SelfEntry>,
    import: Slot<import::Import>,
}

impl Workload {
    fn show(&mut self, file: &SchoolFile) {
        match self.tab {
            Tab::Roster => self.roster.show(file),
            Tab::Summary => self.summary.show(file),
            Tab::Pay => self.pay.show(file),
            Tab::Entry => self.entry.show(file),
            Tab::Import => self.import.show(file),
        }
    }
}

impl Screen for Workload {
    type Message = Message;

    /// Opens on the roster; the other tabs are read when first shown.
    fn open(file: &SchoolFile) -> Result<Workload, StoreError> {
        let mut workload = Workload {
            tab: Tab::Roster,
            roster: Slot::default(),
            summary: Slot::default(),
            pay: Slot::default(),
            entry: Slot::default(),
            import: Slot::default(),
        };
        workload.show(file);
        Ok(workload)
    }

    /// Re-reads what the current tab shows (the area was entered again). A tab that cannot be
    /// read shows why in its place.
    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.show(file);
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                self.show(file);
                match (tab, self.entry.get_mut()) {
                    (Tab::Entry, Some(entry)) => Action::Run(Task::batch([
                        page::to_top(),
                        entry.focus_start().map(Message::Entry),
                    ])),
                    _ => Action::Run(page::to_top()),
                }
            }
            Message::Roster(m) => self.roster.update(m, file).map(Message::Roster),
            Message::Summary(m) => self.summary.update(m, file).map(Message::Summary),
            Message::Pay(m) => self.pay.update(m, file).map(Message::Pay),
            Message::Entry(m) => self.entry.update(m, file).map(Message::Entry),
            Message::Import(m) => self.import.update(m, file).map(Message::Import),
        }
    }

    fn view(&self) -> Element<'_, Message> {
        let body = match self.tab {
            Tab::Roster => self.roster.view().map(Message::Roster),
            Tab::Summary => self.summary.view().map(Message::Summary),
            Tab::Pay => self.pay.view().map(Message::Pay),
            Tab::Entry => self.entry.view().map(Message::Entry),
            Tab::Import => self.import.view().map(Message::Import),
        };
        tabs::area(t::AREA_WORKLOAD, &Tab::ALL, self.tab, Message::Tab, body)
    }
}

/// A table cell of text.
fn cell<'a, M: 'a>(value: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(value).size(style::BODY_SIZE).into()
}

/// A table header.
fn header<'a, M: 'a>(title: &'a str) -> Element<'a, M> {
    text(title)
        .size(style::SMALL_SIZE)
        .style(style::muted_text)
        .into()
}

//! 教师与课时: the roster, the workload summary with its settings, 教师填报 (a teacher logs this
//! week's lessons by keyboard), and importing sheets with a dry run first. Each tab owns its
//! state and reads what it shows from the file when it is opened, so a change made in one tab
//! is seen in the next.

mod entry;
mod import;
mod roster;
mod summary;

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Task};

use crate::store::SchoolFile;
use crate::ui::{style, text as t};

pub use entry::Message as EntryMessage;
pub use import::Message as ImportMessage;
pub use roster::Message as RosterMessage;
pub use summary::Message as SummaryMessage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Roster,
    Summary,
    Entry,
    Import,
}

impl Tab {
    const ALL: [(Tab, &'static str); 4] = [
        (Tab::Roster, t::TAB_ROSTER),
        (Tab::Summary, t::TAB_SUMMARY),
        (Tab::Entry, t::TAB_ENTRY),
        (Tab::Import, t::TAB_IMPORT),
    ];
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    Roster(roster::Message),
    Summary(summary::Message),
    Entry(entry::Message),
    Import(import::Message),
}

pub struct Workload {
    tab: Tab,
    roster: roster::Roster,
    summary: summary::Summary,
    entry: entry::SelfEntry,
    import: import::Import,
}

impl Workload {
    pub fn new(file: &SchoolFile) -> Result<Workload, String> {
        let mut workload = Workload {
            tab: Tab::Roster,
            roster: roster::Roster::default(),
            summary: summary::Summary::default(),
            entry: entry::SelfEntry::default(),
            import: import::Import::default(),
        };
        workload.refresh(file)?;
        Ok(workload)
    }

    /// Re-reads what the current tab shows (the area was entered, or another tab wrote).
    pub fn refresh(&mut self, file: &SchoolFile) -> Result<(), String> {
        let result = match self.tab {
            Tab::Roster => self.roster.load(file),
            Tab::Summary => self.summary.load(file),
            Tab::Entry => self.entry.load(file),
            Tab::Import => Ok(()),
        };
        result.map_err(|e| e.to_string())
    }

    pub fn update(&mut self, message: Message, file: &mut SchoolFile) -> Task<Message> {
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                if let Err(e) = self.refresh(file) {
                    self.import.fail(e);
                }
                if tab == Tab::Entry {
                    return self.entry.focus_start().map(Message::Entry);
                }
                Task::none()
            }
            Message::Roster(m) => self.roster.update(m, file).map(Message::Roster),
            Message::Summary(m) => self.summary.update(m, file).map(Message::Summary),
            Message::Entry(m) => self.entry.update(m, file).map(Message::Entry),
            Message::Import(m) => self.import.update(m, file).map(Message::Import),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let tabs = row(Tab::ALL.iter().map(|&(tab, label)| {
            button(text(label).size(style::BODY_SIZE))
                .padding([6, 16])
                .style(style::chip(tab == self.tab))
                .on_press(Message::Tab(tab))
                .into()
        }))
        .spacing(8);
        let body = match self.tab {
            Tab::Roster => self.roster.view().map(Message::Roster),
            Tab::Summary => self.summary.view().map(Message::Summary),
            Tab::Entry => self.entry.view().map(Message::Entry),
            Tab::Import => self.import.view().map(Message::Import),
        };
        container(column![text(t::AREA_WORKLOAD).size(style::HEADING_SIZE), tabs, body].spacing(16))
            .padding(32)
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
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

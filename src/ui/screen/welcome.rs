//! Shown when no school file is open: create one, open one, or pick a recent one.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use crate::store::recent::RecentEntry;
use crate::ui::screen::Action;
use crate::ui::widget::actions;
use crate::ui::widget::notice::Notice;
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::{style, text as t};

pub struct Welcome {
    recent: Vec<RecentEntry>,
    error: Option<String>,
    /// A dialog came back empty: the path may be typed instead.
    typed: TypedPath<Intent>,
}

/// What the file dialog was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    New,
    NewRollup,
    Open,
}

#[derive(Debug, Clone)]
pub enum Message {
    New,
    NewRollup,
    Open,
    OpenDemo,
    Help,
    OpenRecent(PathBuf),
    Forget(PathBuf),
    Typed(typed_path::Message),
}

/// What the app should do; the welcome screen itself touches no files.
pub enum Intent {
    New,
    /// A 汇总文件 for a receiving office.
    NewRollup,
    Open,
    /// The small demo school, created next to the default file on first use.
    OpenDemo,
    Help,
    OpenRecent(PathBuf),
    Forget(PathBuf),
    /// A path typed after an empty dialog, for a new file or one to open.
    NewAt(PathBuf),
    NewRollupAt(PathBuf),
    OpenPath(PathBuf),
}

impl Welcome {
    /// `error` explains why we are here instead of in a file (e.g. the last file was refused).
    pub fn new(recent: Vec<RecentEntry>, error: Option<String>) -> Welcome {
        Welcome {
            recent,
            error,
            typed: TypedPath::default(),
        }
    }

    /// The dialog for `purpose` came back with nothing.
    pub fn offer_typed_path<T: Send + 'static>(&mut self, purpose: Purpose) -> Task<T> {
        let hint = match purpose {
            Purpose::NewRollup => t::ROLLUP_FILE_PATH_HINT,
            _ => t::SCHOOL_FILE_PATH_HINT,
        };
        self.typed.offer(hint, move |path| match purpose {
            Purpose::New => Intent::NewAt(path),
            Purpose::NewRollup => Intent::NewRollupAt(path),
            Purpose::Open => Intent::OpenPath(path),
        })
    }

    pub fn set_recent(&mut self, recent: Vec<RecentEntry>) {
        self.recent = recent;
    }

    pub fn update(&mut self, message: Message) -> Action<Message, Intent> {
        self.error = None;
        let intent = match message {
            Message::New => Intent::New,
            Message::NewRollup => Intent::NewRollup,
            Message::Open => Intent::Open,
            Message::OpenDemo => Intent::OpenDemo,
            Message::Help => return Action::Ask(Intent::Help),
            Message::OpenRecent(path) => Intent::OpenRecent(path),
            Message::Forget(path) => Intent::Forget(path),
            Message::Typed(message) => match self.typed.update(message) {
                Some(intent) => intent,
                None => return Action::None,
            },
        };
        self.typed.close();
        Action::Ask(intent)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let actions = row![
            actions::primary(t::NEW_FILE)
                .padding([10, 20])
                .on_press(Message::New),
            actions::secondary(t::OPEN_FILE)
                .padding([10, 20])
                .on_press(Message::Open),
            actions::secondary(t::OPEN_DEMO)
                .padding([10, 20])
                .on_press(Message::OpenDemo),
            actions::secondary(t::NEW_ROLLUP_FILE)
                .padding([10, 20])
                .on_press(Message::NewRollup),
            button(text(t::HELP).size(style::BODY_SIZE))
                .padding([10, 20])
                .style(button::text)
                .on_press(Message::Help),
        ]
        .spacing(12)
        .wrap()
        .vertical_spacing(12);

        let mut content = column![
            text(t::WELCOME_HEADING).size(30),
            text(t::WELCOME_INTRO)
                .size(style::BODY_SIZE)
                .style(style::muted_text),
            actions,
        ]
        .spacing(18)
        .max_width(720);

        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some(error) = &self.error {
            content = content.push(Notice::failed(error.as_str()).view());
        }

        content = content.push(text(t::RECENT_FILES).size(18));
        if self.recent.is_empty() {
            content = content.push(
                text(t::NO_RECENT)
                    .size(style::BODY_SIZE)
                    .style(style::muted_text),
            );
        } else {
            let list = self
                .recent
                .iter()
                .fold(column![].spacing(6), |list, entry| {
                    list.push(recent_row(entry))
                });
            content = content.push(scrollable(list).height(Length::Fill));
        }

        container(content)
            .padding(40)
            .center_x(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

/// The school first, as the office knows its files; then where the file is.
fn recent_row(entry: &RecentEntry) -> Element<'_, Message> {
    let path = &entry.path;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let exists = path.exists();
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let (title, mut detail) = match &entry.school {
        Some(school) => (school.clone(), format!("{file_name}　{folder}")),
        None => (file_name, folder),
    };
    if !exists {
        detail.push_str(t::FILE_MISSING);
    }
    let mut label = column![text(title).size(style::BODY_SIZE)];
    label = label.push(
        text(detail)
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
    );
    let open = button(label)
        .width(Length::Fill)
        .padding([6, 10])
        .style(button::text)
        .on_press_maybe(exists.then(|| Message::OpenRecent(path.to_path_buf())));
    row![
        open,
        button(text(t::FORGET_RECENT).size(style::SMALL_SIZE))
            .style(button::text)
            .on_press(Message::Forget(path.to_path_buf())),
    ]
    .align_y(iced::Alignment::Center)
    .into()
}

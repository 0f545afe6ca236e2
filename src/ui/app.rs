//! The application: which screen is showing, the open school file, and routing of messages.

use std::path::PathBuf;

use iced::keyboard::{self, Key, key};
use iced::widget::{button, column, container, row, text};
use iced::{Element, Length, Subscription, Task, window};

use super::screen::{
    Action, Screen, Slot, declaration, export, help, new_rollup, new_school, resources, rollup,
    school_info, welcome, workload,
};
use super::widget::{dialog, nav, page};
use super::{style, text as t};
use crate::store::recent::Recent;
use crate::store::{self, RollupFile, SchoolFile, StoreError};
use crate::ui::widget::actions;

/// The five areas of the product, in the order of the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    School,
    Declarations,
    Workload,
    Resources,
    Export,
}

impl Area {
    const ALL: [(Area, &'static str); 5] = [
        (Area::School, t::AREA_SCHOOL),
        (Area::Declarations, t::AREA_DECLARATIONS),
        (Area::Workload, t::AREA_WORKLOAD),
        (Area::Resources, t::AREA_RESOURCES),
        (Area::Export, t::AREA_EXPORT),
    ];
}

/// What the app starts with; built from the environment by [`Launch::from_environment`], or
/// by tests with temp paths.
#[derive(Debug, Clone)]
pub struct Launch {
    /// A file named on the command line.
    pub file: Option<PathBuf>,
    pub recent: Recent,
    /// Created by the first-run form when there is nothing to reopen.
    pub default_file: PathBuf,
}

impl Launch {
    pub fn from_environment(file: Option<PathBuf>) -> Launch {
        Launch {
            file,
            recent: Recent::default_location(),
            default_file: store::paths::default_school_file(),
        }
    }
}

pub struct App {
    recent: Recent,
    /// Where 打开演示学校 keeps the demo: beside the default school file.
    demo_file: PathBuf,
    /// 帮助 is shown over the current screen.
    help: bool,
    state: State,
}

enum State {
    Welcome(welcome::Welcome),
    NewSchool(new_school::NewSchool),
    Workspace(Box<Workspace>),
    /// A receiving office's new 汇总文件.
    NewRollup(new_rollup::NewRollup),
    /// An open 汇总文件: the receiving office's own workspace.
    Rollup(Box<rollup::Rollup>),
}

struct Workspace {
    file: SchoolFile,
    area: Area,
    school: school_info::SchoolInfo,
    /// The other areas are built when first shown and re-read from the file each time after.
    declaration: Slot<declaration::Wizard>,
    workload: Slot<workload::Workload>,
    resources: Slot<resources::Resources>,
    export: Slot<export::Export>,
    /// Set while the "unsaved edits" dialog asks what to do before leaving.
    leaving: Option<Leave>,
    leave_error: Option<String>,
}

/// Where the user wanted to go when the unsaved-edits dialog stopped them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    Area(Area),
    CloseFile,
    Exit,
}

#[derive(Debug, Clone)]
pub enum Message {
    Welcome(welcome::Message),
    NewSchool(new_school::Message),
    School(school_info::Message),
    Declaration(declaration::Message),
    Workload(workload::Message),
    Resources(resources::Message),
    Export(export::Message),
    NewRollup(new_rollup::Message),
    Rollup(rollup::Message),
    Navigate(Area),
    CloseFile,
    NewFileChosen(Option<PathBuf>),
    OpenFileChosen(Option<PathBuf>),
    NewRollupChosen(Option<PathBuf>),
    /// A file dropped on the window: packets for an open 汇总文件, or a file to open.
    FileDropped(PathBuf),
    /// The user's answer in the unsaved-edits dialog.
    SaveAndLeave,
    DiscardAndLeave,
    Stay,
    CloseRequested,
    SaveShortcut,
    FocusNext,
    FocusPrevious,
    Help(bool),
}

impl App {
    /// Decides the first screen: the named file, else the last file, else the default file,
    /// else the first-run form that creates the default file.
    pub fn new(launch: Launch) -> App {
        let recent_files = launch.recent.load();
        let demo_file = launch
            .default_file
            .parent()
            .map_or_else(|| PathBuf::from(t::DEMO_FILE), |dir| dir.join(t::DEMO_FILE));
        let mut app = App {
            state: State::Welcome(welcome::Welcome::new(launch.recent.entries(), None)),
            recent: launch.recent,
            demo_file,
            help: false,
        };
        let target = launch
            .file
            .or_else(|| recent_files.first().cloned())
            .or_else(|| {
                launch
                    .default_file
                    .exists()
                    .then(|| launch.default_file.clone())
            });
        match target {
            Some(path) => app.open(path),
            None => {
                app.state = State::NewSchool(new_school::NewSchool::new(launch.default_file, true));
            }
        }
        app
    }

    pub fn title(&self) -> String {
        match &self.state {
            State::Workspace(ws) => t::window_title(Some(&ws.school.saved().name)),
            State::Rollup(screen) => t::window_title(Some(screen.office_name())),
            _ => t::window_title(None),
        }
    }

    /// The open file, for tests and for later areas.
    pub fn file(&self) -> Option<&SchoolFile> {
        match &self.state {
            State::Workspace(ws) => Some(&ws.file),
            _ => None,
        }
    }

    /// The open 汇总文件, for tests.
    pub fn rollup_file(&self) -> Option<&RollupFile> {
        match &self.state {
            State::Rollup(screen) => Some(screen.file()),
            _ => None,
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Welcome(message) => {
                let State::Welcome(screen) = &mut self.state else {
                    return Task::none();
                };
                match screen.update(message) {
                    Action::None => {}
                    Action::Run(task) => return task.map(Message::Welcome),
                    Action::Ask(welcome::Intent::New) => return pick_new_file(),
                    Action::Ask(welcome::Intent::NewRollup) => return pick_new_rollup_file(),
                    Action::Ask(welcome::Intent::NewRollupAt(path)) => self.start_new_rollup(path),
                    Action::Ask(welcome::Intent::Open) => return pick_file_to_open(),
                    Action::Ask(welcome::Intent::OpenRecent(path)) => self.open(path),
                    Action::Ask(welcome::Intent::OpenDemo) => self.open_demo(),
                    Action::Ask(welcome::Intent::NewAt(path)) => self.start_new(path),
                    Action::Ask(welcome::Intent::OpenPath(path)) => self.open(path),
                    Action::Ask(welcome::Intent::Help) => self.help = true,
                    Action::Ask(welcome::Intent::Forget(path)) => {
                        let files = self.recent.forget(&path).unwrap_or_default();
                        screen.set_recent(files);
                    }
                }
            }
            Message::NewFileChosen(Some(path)) => self.start_new(path),
            Message::OpenFileChosen(Some(path)) => self.open(path),
            Message::NewRollupChosen(Some(path)) => self.start_new_rollup(path),
            Message::NewFileChosen(None)
            | Message::OpenFileChosen(None)
            | Message::NewRollupChosen(None) => {
                if let State::Welcome(screen) = &mut self.state {
                    return screen.offer_typed_path(match message {
                        Message::NewFileChosen(_) => welcome::Purpose::New,
                        Message::NewRollupChosen(_) => welcome::Purpose::NewRollup,
                        _ => welcome::Purpose::Open,
                    });
                }
            }
            Message::NewRollup(message) => {
                let State::NewRollup(screen) = &mut self.state else {
                    return Task::none();
                };
                match screen.update(message) {
                    Action::None => {}
                    Action::Run(task) => return task.map(Message::NewRollup),
                    Action::Ask(new_rollup::Intent::Cancel) => self.show_welcome(None),
                    Action::Ask(new_rollup::Intent::Created(file)) => self.enter_rollup(file),
                }
            }
            Message::Rollup(message) => {
                let State::Rollup(screen) = &mut self.state else {
                    return Task::none();
                };
                match screen.update(message) {
                    Action::None => {}
                    Action::Run(task) => return task.map(Message::Rollup),
                    Action::Ask(rollup::Intent::Close) => self.show_welcome(None),
                }
            }
            Message::FileDropped(path) => match &mut self.state {
                State::Rollup(_) => {
                    return self.update(Message::Rollup(rollup::Message::Dropped(path)));
                }
                State::Welcome(_) => self.open(path),
                _ => {}
            },
            Message::NewSchool(message) => {
                let State::NewSchool(screen) = &mut self.state else {
                    return Task::none();
                };
                match screen.update(message) {
                    Action::None => {}
                    Action::Run(task) => return task.map(Message::NewSchool),
                    Action::Ask(new_school::Intent::Cancel) => self.show_welcome(None),
                    Action::Ask(new_school::Intent::Created(file)) => self.enter(file),
                    Action::Ask(new_school::Intent::NewRollup) => {
                        // Back to the welcome screen first, where an empty dialog offers a
                        // typed path.
                        self.show_welcome(None);
                        return pick_new_rollup_file();
                    }
                }
            }
            Message::School(message) => {
                if let State::Workspace(ws) = &mut self.state {
                    let action = ws.school.update(message, &mut ws.file);
                    return action.map(Message::School).into_task();
                }
            }
            Message::Declaration(declaration::Message::GoToExport) => {
                return self.leave(Leave::Area(Area::Export));
            }
            Message::Declaration(message) => {
                if let State::Workspace(ws) = &mut self.state {
                    let action = ws.declaration.update(message, &mut ws.file);
                    return action.map(Message::Declaration).into_task();
                }
            }
            Message::Workload(message) => {
                if let State::Workspace(ws) = &mut self.state {
                    let action = ws.workload.update(message, &mut ws.file);
                    return action.map(Message::Workload).into_task();
                }
            }
            Message::Resources(message) => {
                if let State::Workspace(ws) = &mut self.state {
                    let action = ws.resources.update(message, &mut ws.file);
                    return action.map(Message::Resources).into_task();
                }
            }
            Message::Export(message) => {
                if let State::Workspace(ws) = &mut self.state {
                    let action = ws.export.update(message, &mut ws.file);
                    return action.map(Message::Export).into_task();
                }
            }
            Message::Navigate(area) => return self.leave(Leave::Area(area)),
            Message::CloseFile => return self.leave(Leave::CloseFile),
            Message::CloseRequested => return self.leave(Leave::Exit),
            Message::SaveAndLeave => {
                if let State::Workspace(ws) = &mut self.state
                    && let Some(to) = ws.leaving
                {
                    match ws.school.save(&mut ws.file) {
                        Ok(()) => return self.go(to),
                        Err(e) => ws.leave_error = Some(e),
                    }
                }
            }
            Message::DiscardAndLeave => {
                if let State::Workspace(ws) = &mut self.state
                    && let Some(to) = ws.leaving
                {
                    ws.school.discard();
                    return self.go(to);
                }
            }
            Message::Help(shown) => self.help = shown,
            Message::Stay => {
                self.help = false;
                if let State::Workspace(ws) = &mut self.state {
                    ws.leaving = None;
                    ws.leave_error = None;
                }
            }
            Message::SaveShortcut => {
                if let State::Workspace(ws) = &mut self.state
                    && ws.area == Area::School
                {
                    let action = ws.school.update(school_info::Message::Save, &mut ws.file);
                    return action.map(Message::School).into_task();
                }
            }
            Message::FocusNext => return iced::widget::operation::focus_next(),
            Message::FocusPrevious => return iced::widget::operation::focus_previous(),
        }
        Task::none()
    }

    /// Leaving the profile with unsaved edits asks first; otherwise goes straight there.
    fn leave(&mut self, to: Leave) -> Task<Message> {
        if let State::Workspace(ws) = &mut self.state
            && ws.school.is_dirty()
        {
            ws.leaving = Some(to);
            ws.leave_error = None;
            return Task::none();
        }
        self.go(to)
    }

    fn go(&mut self, to: Leave) -> Task<Message> {
        match to {
            Leave::Area(area) => {
                if let State::Workspace(ws) = &mut self.state {
                    ws.area = area;
                    ws.leaving = None;
                    let file = &ws.file;
                    match area {
                        Area::School => {}
                        Area::Declarations => ws.declaration.show(file),
                        Area::Workload => ws.workload.show(file),
                        Area::Resources => ws.resources.show(file),
                        Area::Export => ws.export.show(file),
                    }
                }
                page::to_top()
            }
            Leave::CloseFile => {
                self.show_welcome(None);
                Task::none()
            }
            Leave::Exit => iced::exit(),
        }
    }

    fn start_new(&mut self, mut path: PathBuf) {
        if path.extension().is_none() {
            path.set_extension(store::EXTENSION);
        }
        if path.exists() {
            let error = store::StoreError::AlreadyExists(path).to_string();
            self.show_welcome(Some(error));
            return;
        }
        self.state = State::NewSchool(new_school::NewSchool::new(path, false));
    }

    fn open(&mut self, path: PathBuf) {
        // The file already open here is held by our own lock, so opening it again would be
        // refused as "in use"; staying on it is what the user wants.
        match &self.state {
            State::Workspace(ws) if ws.file.path() == path => return,
            State::Rollup(screen) if screen.file().path() == path => return,
            _ => {}
        }
        let rollup = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(store::ROLLUP_EXTENSION));
        let opened = if rollup {
            RollupFile::open(&path).map(|f| self.enter_rollup(f))
        } else {
            match SchoolFile::open(&path) {
                Ok(file) => {
                    self.enter(file);
                    Ok(())
                }
                // A 汇总文件 renamed to .yth (or sent without its extension) is still one.
                Err(StoreError::OtherKind { .. }) => {
                    RollupFile::open(&path).map(|f| self.enter_rollup(f))
                }
                Err(e) => Err(e),
            }
        };
        if let Err(e) = opened {
            self.show_welcome(Some(format!("{}\n{}", path.display(), e)));
        }
    }

    fn start_new_rollup(&mut self, mut path: PathBuf) {
        if path.extension().is_none() {
            path.set_extension(store::ROLLUP_EXTENSION);
        }
        if path.exists() {
            let error = StoreError::AlreadyExists(path).to_string();
            self.show_welcome(Some(error));
            return;
        }
        self.state = State::NewRollup(new_rollup::NewRollup::new(path));
    }

    fn enter_rollup(&mut self, file: RollupFile) {
        let path = file.path().to_path_buf();
        match rollup::Rollup::open(file) {
            Ok(screen) => {
                let _ = self.recent.touch(&path, screen.office_name());
                self.state = State::Rollup(Box::new(screen));
            }
            Err(e) => self.show_welcome(Some(format!("{}\n{}", path.display(), e))),
        }
    }

    fn enter(&mut self, file: SchoolFile) {
        let school = match school_info::SchoolInfo::open(&file) {
            Ok(school) => school,
            Err(e) => {
                self.show_welcome(Some(e.to_string()));
                return;
            }
        };
        // A recent list that cannot be written is not worth interrupting the user for.
        if let Ok(profile) = file.profile() {
            let _ = self.recent.touch(file.path(), &profile.name);
        }
        self.state = State::Workspace(Box::new(Workspace {
            file,
            area: Area::School,
            school,
            declaration: Slot::default(),
            workload: Slot::default(),
            resources: Slot::default(),
            export: Slot::default(),
            leaving: None,
            leave_error: None,
        }));
    }

    fn show_welcome(&mut self, error: Option<String>) {
        // The name may have changed in 学校信息 since the file was opened.
        if let State::Workspace(ws) = &self.state
            && let Ok(profile) = ws.file.profile()
        {
            let _ = self.recent.touch(ws.file.path(), &profile.name);
        }
        self.state = State::Welcome(welcome::Welcome::new(self.recent.entries(), error));
    }

    /// Opens the demo school, making it on first use; a demo damaged by playing with it can be
    /// deleted and is made again.
    fn open_demo(&mut self) {
        let path = self.demo_file.clone();
        if path.exists() {
            return self.open(path);
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match crate::exchange::demo::document(crate::exchange::demo::Size::Small)
            .create_file(&path, t::OPEN_DEMO)
        {
            Ok(file) => self.enter(file),
            Err(e) => self.show_welcome(Some(format!("{}\n{}", path.display(), e))),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let screen = match &self.state {
            State::Welcome(screen) => screen.view().map(Message::Welcome),
            State::NewSchool(screen) => screen.view().map(Message::NewSchool),
            State::Workspace(ws) => workspace_view(ws),
            State::NewRollup(screen) => screen.view().map(Message::NewRollup),
            State::Rollup(screen) => screen.view().map(Message::Rollup),
        };
        if self.help {
            let file = self.file().map(SchoolFile::path);
            dialog::modal(screen, help::view(file, Message::Help(false)))
        } else {
            screen
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed {
                key: Key::Named(key::Named::Tab),
                modifiers,
                ..
            } => Some(if modifiers.shift() {
                Message::FocusPrevious
            } else {
                Message::FocusNext
            }),
            keyboard::Event::KeyPressed {
                key: Key::Character(c),
                modifiers,
                ..
            } if modifiers.command() && c.as_str() == "s" => Some(Message::SaveShortcut),
            keyboard::Event::KeyPressed {
                key: Key::Named(key::Named::Escape),
                ..
            } => Some(Message::Stay),
            keyboard::Event::KeyPressed {
                key: Key::Named(key::Named::F1),
                ..
            } => Some(Message::Help(true)),
            _ => None,
        });
        let drops = iced::event::listen_with(|event, _, _| match event {
            iced::Event::Window(window::Event::FileDropped(path)) => {
                Some(Message::FileDropped(path))
            }
            _ => None,
        });
        Subscription::batch([
            keys,
            drops,
            window::close_requests().map(|_| Message::CloseRequested),
        ])
    }
}

fn workspace_view(ws: &Workspace) -> Element<'_, Message> {
    let footer = column![
        button(text(t::HELP).size(style::SMALL_SIZE))
            .style(button::text)
            .on_press(Message::Help(true)),
        button(text(t::CLOSE_FILE).size(style::SMALL_SIZE))
            .style(button::text)
            .on_press(Message::CloseFile),
    ]
    .into();
    let rail = nav::rail(&Area::ALL, ws.area, Message::Navigate, footer);
    let content: Element<'_, Message> = match ws.area {
        Area::School => ws.school.view().map(Message::School),
        Area::Declarations => ws.declaration.view().map(Message::Declaration),
        Area::Workload => ws.workload.view().map(Message::Workload),
        Area::Resources => ws.resources.view().map(Message::Resources),
        Area::Export => ws.export.view().map(Message::Export),
    };
    let base = row![
        rail,
        container(content).width(Length::Fill).height(Length::Fill)
    ];
    match ws.leaving {
        None => base.into(),
        Some(to) => dialog::modal(base, unsaved_dialog(to, ws.leave_error.as_deref())),
    }
}

fn unsaved_dialog(to: Leave, error: Option<&str>) -> Element<'_, Message> {
    let save_label = match to {
        Leave::Exit => t::SAVE_AND_EXIT,
        _ => t::SAVE_AND_LEAVE,
    };
    let mut body = column![
        text(t::UNSAVED_TITLE).size(20),
        text(t::UNSAVED_BODY).size(style::BODY_SIZE),
    ]
    .spacing(14);
    if let Some(error) = error {
        body = body.push(text(error).size(style::SMALL_SIZE).style(style::error_text));
    }
    body.push(
        row![
            actions::primary(save_label).on_press(Message::SaveAndLeave),
            actions::danger(t::DISCARD_AND_LEAVE).on_press(Message::DiscardAndLeave),
            actions::secondary(t::STAY).on_press(Message::Stay),
        ]
        .spacing(10),
    )
    .into()
}

fn pick_new_file() -> Task<Message> {
    Task::perform(
        rfd::AsyncFileDialog::new()
            .set_title(t::NEW_FILE)
            .add_filter(t::SCHOOL_FILE_FILTER, &[store::EXTENSION])
            .set_file_name(t::SCHOOL_FILE_NAME)
            .save_file(),
        |handle| Message::NewFileChosen(handle.map(|h| h.path().to_path_buf())),
    )
}

fn pick_new_rollup_file() -> Task<Message> {
    Task::perform(
        rfd::AsyncFileDialog::new()
            .set_title(t::NEW_ROLLUP_FILE)
            .add_filter(t::ROLLUP_FILE_FILTER, &[store::ROLLUP_EXTENSION])
            .set_file_name(t::ROLLUP_FILE_NAME)
            .save_file(),
        |handle| Message::NewRollupChosen(handle.map(|h| h.path().to_path_buf())),
    )
}

fn pick_file_to_open() -> Task<Message> {
    Task::perform(
        rfd::AsyncFileDialog::new()
            .set_title(t::OPEN_FILE)
            .add_filter(
                t::OUR_FILES_FILTER,
                &[store::EXTENSION, store::ROLLUP_EXTENSION],
            )
            .pick_file(),
        |handle| Message::OpenFileChosen(handle.map(|h| h.path().to_path_buf())),
    )
}

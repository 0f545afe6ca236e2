//! One module per screen, and one contract for all of them (as hecrj/icebreaker's screens):
//! `update` returns an [`Action`] that says what happens next: nothing, a Task for the runtime
//! to run (a file dialog, work on a thread), or an intent only the holder can carry out (open a
//! file, leave the screen). The areas of an open school file and their tabs are also a
//! [`Screen`]: built from the file, re-read from it when shown again.

pub mod declaration;
pub mod export;
pub mod help;
pub mod new_rollup;
pub mod new_school;
pub mod resources;
pub mod rollup;
pub mod school_info;
pub mod welcome;
pub mod workload;

use std::convert::Infallible;

use iced::{Element, Task};

use crate::store::{SchoolFile, StoreError};

/// Makes the folder a new file goes in, then the file with `create`; what went wrong is left
/// in `error`, in the user's words, for the form to show.
pub(super) fn create_file<F>(
    path: &std::path::Path,
    error: &mut Option<String>,
    create: impl FnOnce(&std::path::Path) -> Result<F, StoreError>,
) -> Option<F> {
    if let Some(dir) = path.parent()
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        *error = Some(crate::ui::text::cannot_create_folder(
            dir,
            &crate::store::io_message(&e),
        ));
        return None;
    }
    create(path).map_err(|e| *error = Some(e.to_string())).ok()
}

/// What a screen's `update` asks of whoever holds it.
#[must_use]
pub enum Action<Message, Intent = Infallible> {
    None,
    Run(Task<Message>),
    /// Something the screen cannot do itself.
    Ask(Intent),
}

impl<Message, Intent> Action<Message, Intent> {
    /// The action of a tab, in the terms of the screen that holds it.
    pub fn map<Outer>(self, f: impl Fn(Message) -> Outer + Send + 'static) -> Action<Outer, Intent>
    where
        Message: Send + 'static,
        Outer: Send + 'static,
    {
        match self {
            Action::None => Action::None,
            Action::Run(task) => Action::Run(task.map(f)),
            Action::Ask(intent) => Action::Ask(intent),
        }
    }
}

impl<Message> Action<Message> {
    /// The Task to run, for a holder that has no intents to carry out.
    pub fn into_task(self) -> Task<Message> {
        match self {
            Action::None => Task::none(),
            Action::Run(task) => task,
            Action::Ask(never) => match never {},
        }
    }
}

impl<Message, Intent> From<Task<Message>> for Action<Message, Intent> {
    fn from(task: Task<Message>) -> Self {
        Action::Run(task)
    }
}

/// An area of the open school file, or a tab of one. What it shows is read from the file when
/// it is built and again each time it is shown, so what another area wrote is seen at once. A
/// file that cannot be read is the area's error, shown in its place.
pub trait Screen: Sized {
    type Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError>;

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError>;

    fn update(&mut self, message: Self::Message, file: &mut SchoolFile) -> Action<Self::Message>;

    fn view(&self) -> Element<'_, Self::Message>;
}

/// A screen built when first shown: not yet, built, or the reason it could not be read.
pub struct Slot<S>(Option<Result<S, String>>);

impl<S> Default for Slot<S> {
    fn default() -> Self {
        Slot(None)
    }
}

impl<S: Screen> Slot<S> {
    /// Builds the screen, or re-reads it if it is built; an earlier failure is tried afresh.
    pub fn show(&mut self, file: &SchoolFile) {
        match &mut self.0 {
            Some(Ok(screen)) => {
                if let Err(e) = screen.refresh(file) {
                    self.0 = Some(Err(e.to_string()));
                }
            }
            _ => self.0 = Some(S::open(file).map_err(|e| e.to_string())),
        }
    }

    pub fn get_mut(&mut self) -> Option<&mut S> {
        self.0.as_mut().and_then(|r| r.as_mut().ok())
    }

    pub fn update(&mut self, message: S::Message, file: &mut SchoolFile) -> Action<S::Message> {
        match self.get_mut() {
            Some(screen) => screen.update(message, file),
            None => Action::None,
        }
    }

    pub fn view(&self) -> Element<'_, S::Message>
    where
        S::Message: 'static,
    {
        match &self.0 {
            Some(Ok(screen)) => screen.view(),
            Some(Err(error)) => crate::ui::widget::notice::Notice::failed(error.clone()).view(),
            None => iced::widget::text("").into(),
        }
    }
}

/// `open` for a tab that starts empty and reads everything in `refresh`.
pub fn opened<S: Screen + Default>(file: &SchoolFile) -> Result<S, StoreError> {
    let mut screen = S::default();
    screen.refresh(file)?;
    Ok(screen)
}

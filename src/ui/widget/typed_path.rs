//! A path typed by hand, offered when a file dialog came back with nothing. The user may have
//! cancelled, but on minimal Kylin/UOS installs without a desktop portal the dialog never opens
//! at all, and the user would be stuck: so the window always says so and takes a path instead.
//!
//! A screen keeps one [`TypedPath`], offers it where its dialog's answer is `None`, and gets back
//! the message the dialog would have sent with the path typed.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::ui::widget::actions;
use crate::ui::{style, text as t};

/// The input's id, so focus and tests can find it.
pub const ID: &str = t::FILE_PATH;

#[derive(Debug, Clone)]
pub enum Message {
    Input(String),
    Use,
    Cancel,
}

/// What the user is typing, and the message the dialog would have sent with it.
pub struct TypedPath<M> {
    pending: Option<Pending<M>>,
}

// Not derived: that would ask for `M: Default`, which no message is.
impl<M> Default for TypedPath<M> {
    fn default() -> Self {
        TypedPath { pending: None }
    }
}

struct Pending<M> {
    typed: String,
    hint: &'static str,
    /// For a file to be written: the extension added when none is typed. No dialog asked
    /// whether to replace a file that exists, so one is refused.
    saving: Option<&'static str>,
    answer: Box<dyn Fn(PathBuf) -> M>,
    /// Why the path typed was not taken, shown in the card until the next keystroke.
    refusal: Option<String>,
}

impl<M> TypedPath<M> {
    /// An open dialog came back empty; `answer` makes what it would have sent from a path.
    pub fn offer<T: Send + 'static>(
        &mut self,
        hint: &'static str,
        answer: impl Fn(PathBuf) -> M + 'static,
    ) -> Task<T> {
        self.pending = Some(Pending {
            typed: String::new(),
            hint,
            saving: None,
            answer: Box::new(answer),
            refusal: None,
        });
        iced::widget::operation::focus(ID)
    }

    /// A save dialog came back empty; a name typed without an extension gets `extension`.
    pub fn offer_save<T: Send + 'static>(
        &mut self,
        hint: &'static str,
        extension: &'static str,
        answer: impl Fn(PathBuf) -> M + 'static,
    ) -> Task<T> {
        let task = self.offer(hint, answer);
        if let Some(pending) = &mut self.pending {
            pending.saving = Some(extension);
        }
        task
    }

    /// Closes the offer, as when the dialog answered after all.
    pub fn close(&mut self) {
        self.pending = None;
    }

    /// The dialog's message once a path is given. A path that cannot be taken (none typed, a
    /// file to write that exists) is refused in the card itself, where the user is typing.
    pub fn update(&mut self, message: Message) -> Option<M> {
        let pending = self.pending.as_mut()?;
        match message {
            Message::Input(text) => {
                pending.typed = text;
                pending.refusal = None;
                None
            }
            Message::Cancel => {
                self.pending = None;
                None
            }
            Message::Use => {
                let Some(mut path) = parse(&pending.typed) else {
                    pending.refusal = Some(t::TYPE_A_PATH.into());
                    return None;
                };
                if let Some(extension) = pending.saving {
                    if path.extension().is_none() {
                        path.set_extension(extension);
                    }
                    if path.exists() {
                        pending.refusal = Some(t::typed_path_exists(&path));
                        return None;
                    }
                }
                let answer = (pending.answer)(path);
                self.pending = None;
                Some(answer)
            }
        }
    }

    pub fn view<'a, Outer: Clone + 'a>(
        &'a self,
        map: impl Fn(Message) -> Outer + 'a,
    ) -> Option<Element<'a, Outer>> {
        let pending = self.pending.as_ref()?;
        let (on_use, on_cancel) = (map(Message::Use), map(Message::Cancel));
        let card = container(
            column![
                text(t::NO_FILE_CHOSEN).size(style::SMALL_SIZE),
                row![
                    text_input(pending.hint, &pending.typed)
                        .id(ID)
                        .on_input(move |v| map(Message::Input(v)))
                        .on_submit(on_use.clone())
                        .padding(6)
                        .size(style::BODY_SIZE)
                        .width(Length::Fill),
                    actions::secondary(t::USE_TYPED_PATH).on_press(on_use),
                    button(text(t::CANCEL).size(style::BODY_SIZE))
                        .style(button::text)
                        .on_press(on_cancel),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            ]
            .push(pending.refusal.as_deref().map(|refusal| {
                text(refusal)
                    .size(style::SMALL_SIZE)
                    .style(style::error_text)
            }))
            .spacing(6),
        )
        .padding(10)
        .width(Length::Fill)
        .style(style::dialog);
        Some(card.into())
    }
}

/// The path as typed: quotes pasted from Explorer's "复制为路径" are taken off.
fn parse(typed: &str) -> Option<PathBuf> {
    let path = typed.trim().trim_matches('"').trim();
    (!path.is_empty()).then(|| path.into())
}

//! A user at the window, headless: iced_test's Simulator on tiny-skia, with the bundled font,
//! driven by the Chinese labels on screen. Shared by the UI test files.

use std::path::{Path, PathBuf};
use std::sync::Once;

use iced::keyboard::{self, Key};
use iced::{Event, Settings};
use iced_test::{Simulator, selector};
use yitihua::domain::SchoolProfile;
use yitihua::store::recent::Recent;
use yitihua::ui::{App, Launch, Message};

/// The bundled font is loaded into iced's global font system once per test process; loading
/// it for every simulator would parse 13 MB each time.
fn settings() -> Settings {
    static FONT: Once = Once::new();
    let mut settings = yitihua::ui::settings();
    let mut first = false;
    FONT.call_once(|| first = true);
    if !first {
        settings.fonts.clear();
    }
    settings
}

/// Tall enough that every form of the app fits without scrolling, so any label can be clicked.
const SIZE: (f32, f32) = (1280.0, 3200.0);

pub struct Harness {
    pub app: App,
    pub dir: tempfile::TempDir,
}

impl Harness {
    /// Starts the app as `yitihua` with no arguments would, in an empty home folder.
    pub fn start() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let app = App::new(launch(dir.path(), None));
        Harness { app, dir }
    }

    /// Starts the app on a school file made from `document`, as `yitihua FILE` would.
    pub fn with_school(document: &yitihua::exchange::Document) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("学校.yth");
        drop(document.create_file(&path, "测试").unwrap());
        let app = App::new(launch(dir.path(), Some(path)));
        Harness { app, dir }
    }

    /// Quits (closing the file releases its lock) and starts again with no arguments.
    pub fn restart(&mut self) {
        self.run(vec![Message::CloseFile]);
        assert!(self.app.file().is_none(), "closed before restarting");
        self.app = App::new(launch(self.dir.path(), None));
    }

    pub fn simulator(&self) -> Simulator<'_, Message> {
        Simulator::with_size(settings(), SIZE, self.app.view())
    }

    pub fn run(&mut self, messages: Vec<Message>) {
        for message in messages {
            // Tasks (file dialogs, focus moves) need a runtime; these tests answer dialogs
            // themselves with the message the dialog would send.
            let _ = self.app.update(message);
        }
    }

    /// Sends `message` and runs the Tasks it returns to completion, feeding their messages
    /// back as the iced runtime would, so work on a thread (building the packet, hashing a
    /// file) reaches the file on disk. Widget operations such as focus moves are dropped. Only
    /// for messages whose Tasks open no file dialog: the test answers dialogs itself.
    pub fn settle(&mut self, message: Message) {
        use iced::futures::StreamExt;
        use iced_test::runtime::{Action, task};
        let mut queue = std::collections::VecDeque::from([message]);
        while let Some(message) = queue.pop_front() {
            let Some(stream) = task::into_stream(self.app.update(message)) else {
                continue;
            };
            for action in iced::futures::executor::block_on(stream.collect::<Vec<_>>()) {
                if let Action::Output(next) = action {
                    queue.push_back(next);
                }
            }
        }
    }

    /// What clicking the label sends.
    fn clicked(&self, label: &str) -> Vec<Message> {
        let mut ui = self.simulator();
        ui.click(label)
            .unwrap_or_else(|e| panic!("cannot click “{label}”: {e}"));
        ui.into_messages().collect()
    }

    /// Clicks and runs what the click starts to completion (see [`Harness::settle`]).
    pub fn click_and_settle(&mut self, label: &str) {
        for message in self.clicked(label) {
            self.settle(message);
        }
    }

    pub fn click(&mut self, label: &str) {
        let messages = self.clicked(label);
        self.run(messages);
    }

    /// Clicks the field with this label, selects what it holds and types `value` over it.
    pub fn fill(&mut self, label: &str, value: &str) {
        let messages: Vec<Message> = {
            let mut ui = self.simulator();
            ui.click(selector::id(label.to_string()))
                .unwrap_or_else(|e| panic!("no field “{label}”: {e}"));
            ui.simulate(select_all());
            if value.is_empty() {
                ui.tap_key(keyboard::key::Named::Backspace);
            } else {
                ui.typewrite(value);
            }
            ui.into_messages().collect()
        };
        self.run(messages);
    }

    /// Types `value` into the field with this label and presses Enter, as a keyboard user
    /// finishes an entry.
    pub fn submit(&mut self, label: &str, value: &str) {
        let messages: Vec<Message> = {
            let mut ui = self.simulator();
            ui.click(selector::id(label.to_string()))
                .unwrap_or_else(|e| panic!("no field “{label}”: {e}"));
            ui.simulate(select_all());
            ui.typewrite(value);
            ui.tap_key(keyboard::key::Named::Enter);
            ui.into_messages().collect()
        };
        self.run(messages);
    }

    /// The whole text of the first text on screen that contains `fragment` (a notice that ends
    /// with a path or a size).
    pub fn text_containing(&self, fragment: &str) -> Option<String> {
        let fragment = fragment.to_string();
        self.simulator()
            .find(
                move |candidate: iced_test::selector::Candidate<'_>| match candidate {
                    iced_test::selector::Candidate::Text { content, .. }
                        if content.contains(fragment.as_str()) =>
                    {
                        Some(content.to_string())
                    }
                    _ => None,
                },
            )
            .ok()
    }

    pub fn sees(&self, text: &str) -> bool {
        self.simulator().find(text).is_ok()
    }

    /// Whether clicking the button produces anything; a disabled button does not.
    pub fn is_enabled(&self, label: &str) -> bool {
        let mut ui = self.simulator();
        ui.click(label).expect("button is shown");
        ui.into_messages().next().is_some()
    }

    pub fn stored(&self) -> SchoolProfile {
        self.app.file().expect("a file is open").profile().unwrap()
    }
}

pub fn launch(dir: &Path, file: Option<PathBuf>) -> Launch {
    Launch {
        file,
        recent: Recent::at(dir.join("recent.json")),
        default_file: dir.join("学校.yth"),
    }
}

/// Ctrl+A (⌘A on macOS) as a keyboard sends it: the modifier first, then the key.
fn select_all() -> Vec<Event> {
    let key = Key::Character("a".into());
    let modifiers = |m| Event::Keyboard(keyboard::Event::ModifiersChanged(m));
    vec![
        modifiers(keyboard::Modifiers::COMMAND),
        Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key,
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: keyboard::Location::Standard,
            modifiers: keyboard::Modifiers::COMMAND,
            repeat: false,
            text: None,
        }),
        modifiers(keyboard::Modifiers::empty()),
    ]
}

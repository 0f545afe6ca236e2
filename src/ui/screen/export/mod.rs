//! 导出与签署: choose the batch, see the check's findings first (an error blocks export, an
//! explained warning is printed with its explanation), manage the signature and seal images and
//! the digital signature, then save the packet — built, and signed if a passphrase is given, on
//! a thread with a progress bar — and open or print it.

mod signing;

pub use signing::Message as SigningMessage;

use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, progress_bar, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::domain::check::{self, may_sign};
use crate::domain::signature::{PngInfo, SignatureRole, png_info};
use crate::domain::workload::parse_date;
use crate::domain::{Finding, Severity};
use crate::store::{SchoolFile, StoreError, atomic};
use crate::ui::background;
use crate::ui::screen::{Action, Screen, opened};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::{style, text as t};
use crate::workflow::export::{Prepared, prepare};
use crate::workflow::signing::unlocks;

#[derive(Default)]
pub struct Export {
    /// Batches that have a declaration: (number, label).
    batches: Vec<(u32, String)>,
    batch: Option<u32>,
    findings: Vec<Finding>,
    /// Whether every warning is explained (the wizard's 已校验 rule).
    ready: bool,
    /// Per role: the stored image's size and whether it is transparent.
    images: Vec<(SignatureRole, Option<PngInfo>)>,
    filler: String,
    date: String,
    /// Fraction done while a packet is being made.
    progress: Option<f32>,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
    /// The signing passphrase is being tried on the key before the save dialog opens.
    unlocking: bool,
    /// The last packet saved.
    saved: Option<PathBuf>,
    signing: signing::Signing,
    notice: Option<Notice>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Batch(u32),
    Date(String),
    PickImage(SignatureRole),
    ImageChosen(SignatureRole, Option<PathBuf>),
    RemoveImage(SignatureRole),
    Export,
    /// Whether the signing passphrase opened the key.
    Unlocked(Result<(), String>),
    PathChosen(Option<PathBuf>),
    Typed(typed_path::Message),
    Progress(f32),
    Done(Result<(PathBuf, usize), String>),
    Open,
    Print,
    Signing(signing::Message),
}

impl Export {
    /// Re-reads after a change here; a failure is said where the user acted.
    fn reload(&mut self, file: &SchoolFile) {
        if let Err(e) = self.refresh(file) {
            self.notice = Some(Notice::failed(e.to_string()));
        }
    }

    fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    fn save_dialog(&self) -> Task<Message> {
        let name = t::packet_file_name(
            self.batches
                .iter()
                .find(|(n, _)| Some(*n) == self.batch)
                .map_or("", |(_, label)| label.split('（').next().unwrap_or("")),
        );
        Task::perform(
            rfd::AsyncFileDialog::new()
                .set_title(t::EXPORT_PACKET)
                .add_filter("PDF", &["pdf"])
                .set_file_name(name)
                .save_file(),
            |h| Message::PathChosen(h.map(|h| h.path().to_path_buf())),
        )
    }

    /// Reads what the packet prints now, then builds and writes it on a thread.
    fn start(&mut self, file: &SchoolFile, path: PathBuf) -> Task<Message> {
        let (Some(batch), Some(date)) = (self.batch, parse_date(&self.date)) else {
            return Task::none();
        };
        let packet = match prepare(file, batch, date, self.signing.signer()) {
            Ok(Prepared::Ready(packet)) => packet,
            Ok(Prepared::Blocked(_)) => {
                self.notice = Some(Notice::Failed(t::EXPORT_BLOCKED.into()));
                return Task::none();
            }
            Err(e) => {
                self.notice = Some(Notice::Failed(e));
                return Task::none();
            }
        };
        self.progress = Some(0.0);
        self.notice = None;
        background::run_with_progress(
            move |report: &mut dyn FnMut(f32)| {
                let bytes = packet.build(report)?;
                // The save dialog has already asked whether to replace an existing file.
                atomic::save(&path, atomic::Existing::Replace, &bytes)?;
                Ok((path, bytes.len()))
            },
            Message::Progress,
            Message::Done,
        )
    }

    fn findings_view(&self) -> Element<'_, Message> {
        let errors = self.errors();
        let summary = if self.findings.is_empty() {
            t::NO_FINDINGS.to_string()
        } else {
            t::check_summary(
                errors,
                check::count(&self.findings, Severity::Warning),
                check::count(&self.findings, Severity::Incomplete),
                !self.ready && errors == 0,
            )
        };
        let mut list = column![text(summary).size(style::BODY_SIZE)].spacing(4);
        for f in &self.findings {
            list = list.push(
                text(format!(
                    "{}　{}：{}",
                    f.severity.name(),
                    f.location,
                    f.message
                ))
                .size(style::SMALL_SIZE)
                .style(match f.severity {
                    Severity::Error => style::error_text,
                    Severity::Warning | Severity::Incomplete => style::muted_text,
                }),
            );
        }
        list.into()
    }

    fn signatures_view(&self) -> Element<'_, Message> {
        let mut list = column![
            text(t::SIGNATURES).size(style::BODY_SIZE + 2),
            text(t::signatures_hint(&self.filler))
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(8);
        for (role, info) in &self.images {
            let status = match info {
                None => t::NO_IMAGE.to_string(),
                Some(i) if i.transparent => t::image_transparent(i.width, i.height),
                Some(i) => t::image_opaque(i.width, i.height),
            };
            list = list.push(
                row![
                    text(role.name()).size(style::BODY_SIZE).width(120),
                    text(status).size(style::SMALL_SIZE).width(Length::Fill),
                    button(text(t::PICK_IMAGE).size(style::SMALL_SIZE))
                        .style(button::secondary)
                        .on_press(Message::PickImage(*role)),
                    button(text(t::REMOVE).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press_maybe(info.is_some().then_some(Message::RemoveImage(*role))),
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            );
        }
        actions::card(list).into()
    }
}

impl Screen for Export {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError> {
        opened(file)
    }

    /// Read afresh each time the area is shown: the declaration may have changed.
    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.signing.refresh(file)?;
        let inputs = file.check_inputs()?;
        self.batches = inputs
            .batches
            .iter()
            .filter(|b| inputs.declarations.iter().any(|d| d.batch == b.number))
            .map(|b| (b.number, b.label()))
            .collect();
        if self
            .batch
            .is_none_or(|n| !self.batches.iter().any(|(b, _)| *b == n))
        {
            self.batch = self.batches.last().map(|(n, _)| *n);
        }
        self.findings = self
            .batch
            .map(|n| check::check(&inputs.context(), n))
            .unwrap_or_default();
        self.ready = self.batch.is_some_and(|n| {
            inputs
                .declarations
                .iter()
                .find(|d| d.batch == n)
                .is_some_and(|d| may_sign(&self.findings, d))
        });
        self.images = SignatureRole::ALL
            .iter()
            .map(|&role| {
                let info = file
                    .signature_image(role)?
                    .and_then(|png| png_info(&png).ok());
                Ok((role, info))
            })
            .collect::<Result<_, StoreError>>()?;
        let profile = file.profile()?;
        self.filler = profile.contact;
        if self.date.is_empty() {
            self.date = crate::domain::time::beijing_date(chrono::Utc::now()).to_string();
        }
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Batch(n) => {
                self.batch = Some(n);
                self.reload(file);
            }
            Message::Date(d) => self.date = d,
            Message::PickImage(role) => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::pick_image_title(role.name()))
                        .add_filter(t::PNG_FILTER, &["png"])
                        .pick_file(),
                    move |h| Message::ImageChosen(role, h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::ImageChosen(role, None) => {
                return self
                    .typed
                    .offer(t::IMAGE_PATH_HINT, move |path| {
                        Message::ImageChosen(role, Some(path))
                    })
                    .into();
            }
            Message::ImageChosen(role, Some(path)) => {
                self.typed.close();
                let result = std::fs::read(&path)
                    .map_err(|e| crate::store::read_failure(&path, &e))
                    .and_then(|png| {
                        file.save_signature_image(role, &png)
                            .map_err(|e| e.to_string())
                    });
                self.notice = Some(Notice::from(result.map(|()| t::image_saved(role.name()))));
                self.reload(file);
            }
            Message::RemoveImage(role) => {
                self.notice = Some(Notice::from(
                    file.remove_signature_image(role)
                        .map(|()| t::image_removed(role.name()))
                        .map_err(|e| e.to_string()),
                ));
                self.reload(file);
            }
            Message::Export => {
                if parse_date(&self.date).is_none() {
                    self.notice = Some(Notice::Failed(t::SIGN_DATE_FORM.into()));
                    return Action::None;
                }
                let (Some(passphrase), Some(key)) =
                    (self.signing.signer(), self.signing.encrypted_key())
                else {
                    return Action::Run(self.save_dialog());
                };
                self.unlocking = true;
                self.notice = None;
                return Action::Run(Task::perform(
                    background::run(move || unlocks(&key, &passphrase)),
                    Message::Unlocked,
                ));
            }
            Message::Unlocked(result) => {
                self.unlocking = false;
                match result {
                    Ok(()) => return Action::Run(self.save_dialog()),
                    Err(e) => self.notice = Some(Notice::Failed(e)),
                }
            }
            Message::PathChosen(None) => {
                return Action::Run(self.typed.offer_save(t::SAVE_PDF_PATH_HINT, "pdf", |path| {
                    Message::PathChosen(Some(path))
                }));
            }
            Message::PathChosen(Some(path)) => {
                self.typed.close();
                return Action::Run(self.start(file, path));
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
            Message::Progress(p) => {
                if self.progress.is_some() {
                    self.progress = Some(p);
                }
            }
            Message::Done(result) => {
                self.progress = None;
                let signed = self.signing.signer().is_some();
                self.notice = Some(Notice::from(result.map(|(path, size)| {
                    self.saved = Some(path.clone());
                    t::packet_exported(signed, &path, size / 1024)
                })));
            }
            Message::Signing(m) => return self.signing.update(m, file).map(Message::Signing),
            Message::Open => {
                if let Some(path) = &self.saved {
                    self.notice = Some(Notice::from(open(path).map(|()| t::OPENED.to_string())));
                }
            }
            Message::Print => {
                if let Some(path) = &self.saved {
                    self.notice = Some(Notice::from(
                        print(path).map(|()| t::SENT_TO_PRINTER.to_string()),
                    ));
                }
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let mut content = column![
            text(t::AREA_EXPORT).size(style::HEADING_SIZE),
            text(t::EXPORT_INTRO)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(14);
        if self.batches.is_empty() {
            content = content.push(text(t::NOTHING_TO_EXPORT).size(style::BODY_SIZE));
        }
        content = content.push(
            row(self.batches.iter().map(|(n, label)| {
                actions::small_chip(label.as_str(), Some(*n) == self.batch)
                    .on_press(Message::Batch(*n))
                    .into()
            }))
            .spacing(6)
            .wrap(),
        );
        if self.batch.is_some() {
            content = content.push(self.findings_view());
            content = content.push(self.signatures_view());
        }
        // Verifying a packet needs no declaration of one's own.
        content = content.push(self.signing.view().map(Message::Signing));
        if self.batch.is_some() {
            let blocked = self.errors() > 0;
            let busy = self.progress.is_some() || self.unlocking;
            content = content.push(
                row![
                    column![
                        text(t::SIGN_DATE).size(style::SMALL_SIZE),
                        text_input("2026-11-29", &self.date)
                            .id(t::SIGN_DATE)
                            .on_input(Message::Date)
                            .padding(6)
                            .size(style::BODY_SIZE)
                            .width(140),
                    ]
                    .spacing(4),
                    actions::primary(t::EXPORT_PACKET)
                        .on_press_maybe((!blocked && !busy).then_some(Message::Export)),
                ]
                .spacing(12)
                .align_y(Alignment::End),
            );
            if blocked {
                content = content.push(
                    text(t::EXPORT_BLOCKED)
                        .size(style::BODY_SIZE)
                        .style(style::error_text),
                );
            }
        }
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some(p) = self.progress {
            content = content.push(
                column![
                    text(t::generating_packet(p * 100.0)).size(style::SMALL_SIZE),
                    progress_bar(0.0..=1.0, p).girth(8),
                ]
                .spacing(4),
            );
        }
        if let Some(n) = notice::view(&self.notice) {
            content = content.push(n);
        }
        if self.saved.is_some() && self.progress.is_none() {
            content = content.push(
                row![
                    actions::secondary(t::OPEN_PACKET).on_press(Message::Open),
                    actions::secondary(t::PRINT_PACKET).on_press(Message::Print),
                ]
                .spacing(10),
            );
        }
        container(
            scrollable(content.max_width(1000))
                .spacing(crate::ui::widget::page::SCROLLBAR_GAP)
                .height(Length::Fill),
        )
        .padding(32)
        .width(Length::Fill)
        .height(Length::Fill)
        .into()
    }
}

/// Hands the file to the system's default viewer.
fn open(path: &Path) -> Result<(), String> {
    #[cfg(target_os = "windows")]
    let mut command = {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    };
    #[cfg(target_os = "macos")]
    let mut command = {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    };
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let mut command = {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    command
        .spawn()
        .map(|_| ())
        .map_err(|e| t::cannot_open_pdf(&crate::store::io_message(&e)))
}

/// Sends the file to the default printer: the system's print verb on Windows, `lp` (CUPS)
/// elsewhere.
fn print(path: &Path) -> Result<(), String> {
    #[cfg(target_os = "windows")]
    let mut command = {
        let mut c = std::process::Command::new("powershell");
        c.args([
            "-NoProfile",
            "-Command",
            "Start-Process",
            "-Verb",
            "Print",
            "-FilePath",
        ])
        .arg(path);
        c
    };
    #[cfg(not(target_os = "windows"))]
    let mut command = {
        let mut c = std::process::Command::new("lp");
        c.arg(path);
        c
    };
    command
        .spawn()
        .map(|_| ())
        .map_err(|e| t::cannot_print(&crate::store::io_message(&e)))
}

//! 数字签名 in 导出与签署: the school's key (created with a passphrase asked twice, changed,
//! replaced when the passphrase is lost), the certificate exported for the receiving office, the
//! passphrase that signs the next export, and 验证签名 for any packet.

use std::path::PathBuf;

use iced::widget::{button, column, row, text, text_input};
use iced::{Alignment, Element, Task};

use crate::sign::{self, Verification};
use crate::store::atomic;
use crate::store::{SchoolFile, StoreError, StoredKey};
use crate::ui::screen::{Action, Screen, opened};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::{style, text as t};
use crate::workflow::signing::{check_passphrase, create_key, read_certificate};

#[derive(Default)]
pub struct Signing {
    key: Option<StoredKey>,
    /// The passphrase typed twice for a new key, or the new one when changing.
    first: String,
    second: String,
    /// The current passphrase, when changing it.
    current: String,
    changing: bool,
    /// Signs the next export when not empty.
    pub passphrase: String,
    verification: Option<(PathBuf, Result<Verification, String>)>,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
    notice: Option<Notice>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(typed_path::Message),
    First(String),
    Second(String),
    Current(String),
    Passphrase(String),
    CreateKey,
    ReplaceKey,
    StartChange,
    ChangePassphrase,
    CancelChange,
    ExportCertificate,
    CertificatePath(Option<PathBuf>),
    PickPacket,
    PacketChosen(Option<PathBuf>),
    PickTrusted,
    TrustedChosen(Option<PathBuf>),
}

impl Signing {
    /// Re-reads after a write; a failure is said where the user acted.
    fn reload(&mut self, file: &SchoolFile) {
        if let Err(e) = self.refresh(file) {
            self.notice = Some(Notice::failed(e.to_string()));
        }
    }

    /// The stored key, encrypted, for trying the passphrase before an export.
    pub fn encrypted_key(&self) -> Option<Vec<u8>> {
        self.key.as_ref().map(|k| k.encrypted_key.clone())
    }

    /// The passphrase that signs the next export, or nothing when the office does not sign
    /// this time.
    pub fn signer(&self) -> Option<String> {
        (self.key.is_some() && !self.passphrase.is_empty()).then(|| self.passphrase.clone())
    }

    fn new_passphrase(&self) -> Result<String, String> {
        check_passphrase(&self.first)?;
        if self.first != self.second {
            return Err(t::PASSPHRASES_DIFFER.into());
        }
        Ok(self.first.clone())
    }

    fn clear(&mut self) {
        self.first.clear();
        self.second.clear();
        self.current.clear();
        self.changing = false;
    }
}

impl Screen for Signing {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError> {
        opened(file)
    }

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.key = file.signing_key()?;
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::First(v) => self.first = v,
            Message::Second(v) => self.second = v,
            Message::Current(v) => self.current = v,
            Message::Passphrase(v) => self.passphrase = v,
            Message::CreateKey | Message::ReplaceKey => {
                let replace = matches!(message, Message::ReplaceKey);
                let result = self.new_passphrase().and_then(|passphrase| {
                    let fingerprint = create_key(file, &passphrase, replace)?;
                    Ok(t::key_created(&fingerprint))
                });
                if result.is_ok() {
                    self.clear();
                }
                self.notice = Some(result.into());
                self.reload(file);
            }
            Message::StartChange => {
                self.clear();
                self.changing = true;
            }
            Message::CancelChange => self.clear(),
            Message::ChangePassphrase => {
                let result = (|| -> Result<String, String> {
                    let new = self.new_passphrase()?;
                    let key = self.key.as_ref().ok_or(t::NO_SIGNING_KEY)?;
                    let encrypted =
                        sign::change_passphrase(&key.encrypted_key, &self.current, &new)
                            .map_err(|e| e.to_string())?;
                    file.replace_encrypted_key(&encrypted)
                        .map_err(|e| e.to_string())?;
                    Ok(t::PASSPHRASE_CHANGED.into())
                })();
                if result.is_ok() {
                    self.clear();
                }
                self.notice = Some(result.into());
                self.reload(file);
            }
            Message::ExportCertificate => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::EXPORT_CERTIFICATE)
                        .add_filter(t::CERTIFICATE_FILTER, &["pem"])
                        .set_file_name(t::CERTIFICATE_FILE)
                        .save_file(),
                    |h| Message::CertificatePath(h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::CertificatePath(None) => {
                return Action::Run(self.typed.offer_save(t::PEM_PATH_HINT, "pem", |path| {
                    Message::CertificatePath(Some(path))
                }));
            }
            Message::PacketChosen(None) => {
                return Action::Run(self.typed.offer(t::SAVE_PDF_PATH_HINT, |path| {
                    Message::PacketChosen(Some(path))
                }));
            }
            Message::TrustedChosen(None) => {
                return Action::Run(
                    self.typed
                        .offer(t::PEM_PATH_HINT, |path| Message::TrustedChosen(Some(path))),
                );
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }

            Message::CertificatePath(Some(path)) => {
                self.typed.close();
                if let Some(key) = &self.key {
                    self.notice = Some(Notice::from(
                        atomic::save(
                            &path,
                            atomic::Existing::Replace,
                            sign::certificate_pem(&key.certificate).as_bytes(),
                        )
                        .map(|()| t::certificate_exported(&path)),
                    ));
                }
            }
            Message::PickPacket => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::VERIFY_PACKET)
                        .add_filter("PDF", &["pdf"])
                        .pick_file(),
                    |h| Message::PacketChosen(h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::PacketChosen(Some(path)) => {
                self.typed.close();
                let result = (|| -> Result<Verification, String> {
                    let pdf =
                        std::fs::read(&path).map_err(|e| crate::store::read_failure(&path, &e))?;
                    let mut trusted: Vec<Vec<u8>> = file
                        .trusted_certificates()
                        .map_err(|e| e.to_string())?
                        .into_iter()
                        .map(|(_, c)| c)
                        .collect();
                    trusted.extend(file.own_certificates().map_err(|e| e.to_string())?);
                    sign::verify_pdf(&pdf, &trusted).map_err(|e| e.to_string())
                })();
                self.verification = Some((path, result));
            }
            Message::PickTrusted => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::TRUST_CERTIFICATE)
                        .add_filter(t::CERTIFICATE_FILTER, &["pem", "cer", "crt", "der"])
                        .pick_file(),
                    |h| Message::TrustedChosen(h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::TrustedChosen(Some(path)) => {
                self.typed.close();
                let result = read_certificate(&path).and_then(|der| {
                    let fingerprint = sign::fingerprint(&der);
                    let name = path
                        .file_stem()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    file.add_trusted_certificate(&fingerprint, &name, &der)
                        .map_err(|e| e.to_string())?;
                    Ok(t::certificate_trusted(&name, &fingerprint))
                });
                self.notice = Some(result.into());
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let secret = |label: &'static str, value: &str, on: fn(String) -> Message| {
            column![
                text(label).size(style::SMALL_SIZE),
                text_input("", value)
                    .id(label)
                    .secure(true)
                    .on_input(on)
                    .padding(6)
                    .size(style::BODY_SIZE)
                    .width(180),
            ]
            .spacing(4)
        };
        let mut body = column![
            text(t::DIGITAL_SIGNATURE).size(style::BODY_SIZE + 2),
            text(t::DIGITAL_SIGNATURE_HINT)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(10);
        match (&self.key, self.changing) {
            (None, _) => {
                body = body.push(
                    row![
                        secret(t::NEW_PASSPHRASE, &self.first, Message::First),
                        secret(t::REPEAT_PASSPHRASE, &self.second, Message::Second),
                        actions::primary(t::CREATE_KEY).on_press(Message::CreateKey),
                    ]
                    .spacing(12)
                    .align_y(Alignment::End),
                );
            }
            (Some(key), false) => {
                body = body
                    .push(
                        text(t::key_fingerprint(
                            &sign::fingerprint(&key.certificate),
                            &crate::domain::time::show_stored(&key.created_at),
                        ))
                        .size(style::SMALL_SIZE),
                    )
                    .push(
                        row![
                            secret(t::SIGNING_PASSPHRASE, &self.passphrase, Message::Passphrase),
                            button(text(t::EXPORT_CERTIFICATE).size(style::SMALL_SIZE))
                                .style(button::secondary)
                                .on_press(Message::ExportCertificate),
                            button(text(t::CHANGE_PASSPHRASE).size(style::SMALL_SIZE))
                                .style(button::secondary)
                                .on_press(Message::StartChange),
                        ]
                        .spacing(12)
                        .align_y(Alignment::End),
                    );
            }
            (Some(_), true) => {
                body = body
                    .push(
                        row![
                            secret(t::CURRENT_PASSPHRASE, &self.current, Message::Current),
                            secret(t::NEW_PASSPHRASE, &self.first, Message::First),
                            secret(t::REPEAT_PASSPHRASE, &self.second, Message::Second),
                        ]
                        .spacing(12),
                    )
                    .push(
                        row![
                            button(text(t::CHANGE_PASSPHRASE).size(style::SMALL_SIZE))
                                .style(button::primary)
                                .on_press(Message::ChangePassphrase),
                            button(text(t::REPLACE_KEY).size(style::SMALL_SIZE))
                                .style(button::danger)
                                .on_press(Message::ReplaceKey),
                            button(text(t::CANCEL).size(style::SMALL_SIZE))
                                .style(button::secondary)
                                .on_press(Message::CancelChange),
                        ]
                        .spacing(10),
                    )
                    .push(
                        text(t::REPLACE_KEY_HINT)
                            .size(style::SMALL_SIZE)
                            .style(style::muted_text),
                    );
            }
        }
        if let Some(typed) = self.typed.view(Message::Typed) {
            body = body.push(typed);
        }
        if let Some(n) = notice::view(&self.notice) {
            body = body.push(n);
        }
        body = body.push(
            row![
                button(text(t::VERIFY_PACKET).size(style::SMALL_SIZE))
                    .style(button::secondary)
                    .on_press(Message::PickPacket),
                button(text(t::TRUST_CERTIFICATE).size(style::SMALL_SIZE))
                    .style(button::secondary)
                    .on_press(Message::PickTrusted),
            ]
            .spacing(10),
        );
        if let Some((path, result)) = &self.verification {
            body = body.push(verification(path, result));
        }
        actions::card(body).into()
    }
}

fn verification<'a>(
    path: &'a std::path::Path,
    result: &'a Result<Verification, String>,
) -> Element<'a, Message> {
    let mut lines = column![text(t::verifying(path)).size(style::BODY_SIZE)].spacing(4);
    match result {
        Err(e) => {
            lines = lines.push(
                text(e.as_str())
                    .size(style::BODY_SIZE)
                    .style(style::error_text),
            )
        }
        Ok(v) => {
            let [signer, time, fingerprint, integrity, trust] = v.report();
            lines = lines
                .push(text(signer).size(style::BODY_SIZE))
                .push(text(time).size(style::BODY_SIZE))
                .push(text(fingerprint).size(style::SMALL_SIZE))
                .push(text(integrity).size(style::BODY_SIZE).style(if v.intact {
                    style::muted_text
                } else {
                    style::error_text
                }))
                .push(text(trust).size(style::BODY_SIZE));
        }
    }
    lines.into()
}

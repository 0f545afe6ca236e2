//! The receiving office's window over its 汇总文件: 收取申报材料 (files, a folder, or files
//! dropped on the window; read and verified on a thread with progress), the targets with the
//! rule that says what counts, the 汇总表 (filtered and sorted, one row per school and batch,
//! the office's opinion written per row, a new certificate accepted where one is flagged) and
//! the notes seen only across schools; for a 盟市, the signed 转报材料 it sends the 自治区.

use std::path::PathBuf;

use iced::widget::{Column, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::domain::rollup::{
    self, COUNTING_RULE, OfficeLevel, Opinion, PacketState, Row, TARGET_SCHOOLS,
    TARGET_SPECIALTIES, TARGET_TRAINED_TEACHERS, Verdict,
};
use crate::domain::time;
use crate::store::{RollupFile, atomic};
use crate::ui::background;
use crate::ui::screen::Action;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::widget::{actions, page};
use crate::ui::{style, text as t};
use crate::workflow::rollup::{self as flow, Outcome, Overview, Reading};
use crate::workflow::signing;

pub struct Rollup {
    file: RollupFile,
    overview: Overview,
    /// (read, of) while packets are being read on a thread.
    receiving: Option<(usize, usize)>,
    /// Files dropped while others are being read; received next.
    queued: Vec<PathBuf>,
    /// What became of each file of the last receipt, shown until the next.
    outcomes: Vec<Outcome>,
    notice: Option<Notice>,
    filter: String,
    sort: Sort,
    editor: Option<Editor>,
    /// The opinion before the last change, so 撤销 puts it back.
    undo: Option<Undo>,
    typed: TypedPath<Message>,
    forward: Forward,
}

/// The 转报 card of a 盟市: the passphrase typed (twice while no key exists), and when the
/// office's key was made, if it has one.
#[derive(Default)]
struct Forward {
    key_created: Option<String>,
    passphrase: String,
    repeat: String,
    error: Option<String>,
    busy: bool,
    /// The passphrase is forgotten: a new key is being made in place of the current one.
    replacing: bool,
}

/// The opinion being written for one row.
struct Editor {
    credit_code: String,
    batch: u32,
    school: String,
    opinion: Option<Opinion>,
    text: String,
    error: Option<String>,
}

struct Undo {
    credit_code: String,
    batch: u32,
    before: Option<Verdict>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Region,
    School,
    State,
    Received,
}

impl Sort {
    const ALL: [Sort; 4] = [Sort::Region, Sort::School, Sort::State, Sort::Received];

    fn name(self) -> &'static str {
        match self {
            Sort::Region => t::COL_REGION,
            Sort::School => t::COL_SCHOOL,
            Sort::State => t::COL_STATE,
            Sort::Received => t::COL_RECEIVED,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    PickFiles,
    PickFolder,
    /// The files (or folders) chosen or dropped; `None` when a dialog came back empty.
    Chosen(Option<Vec<PathBuf>>),
    Dropped(PathBuf),
    Progress(usize, usize),
    Read(Result<Vec<Reading>, String>),
    Filter(String),
    Sort(Sort),
    EditOpinion(String, u32),
    Opinion(Opinion),
    OpinionText(String),
    SaveOpinion,
    ClearOpinion,
    CancelOpinion,
    Undo,
    AcceptCertificate(i64),
    /// 信任证书文件…: a school's certificate (PEM or .cer), trusted before its packets come.
    PickCertificate,
    CertificateChosen(Option<PathBuf>),
    ExportXlsx,
    ExportPdf,
    XlsxPath(Option<PathBuf>),
    PdfPath(Option<PathBuf>),
    Exported(Result<String, String>),
    ForwardPassphrase(String),
    ForwardRepeat(String),
    CreateKey,
    /// 忘记口令: make a new key; the old one is kept retired.
    ReplaceKey(bool),
    ExportForward,
    ForwardPath(Option<PathBuf>),
    /// 导出本单位证书…: for the 自治区 to trust.
    ExportCertificate,
    OfficeCertificatePath(Option<PathBuf>),
    Forwarded(Result<String, String>),
    Typed(typed_path::Message),
    Close,
}

pub enum Intent {
    Close,
}

impl Rollup {
    pub fn open(file: RollupFile) -> Result<Rollup, String> {
        let overview = Overview::read(&file)?;
        let forward = Forward {
            key_created: key_created(&file)?,
            ..Forward::default()
        };
        Ok(Rollup {
            file,
            overview,
            receiving: None,
            queued: Vec::new(),
            outcomes: Vec::new(),
            notice: None,
            filter: String::new(),
            sort: Sort::Region,
            editor: None,
            undo: None,
            typed: TypedPath::default(),
            forward,
        })
    }

    pub fn file(&self) -> &RollupFile {
        &self.file
    }

    pub fn office_name(&self) -> &str {
        &self.overview.office.name
    }

    /// A 盟市 trusts schools' certificates; the 自治区 also the 盟市' (for their 转报材料).
    fn trust_label(&self) -> &'static str {
        match self.overview.office.level {
            OfficeLevel::League => t::TRUST_SCHOOL_CERTIFICATE,
            OfficeLevel::Autonomous => t::TRUST_ANY_CERTIFICATE,
        }
    }

    fn reread(&mut self) {
        match Overview::read(&self.file) {
            Ok(overview) => self.overview = overview,
            Err(e) => self.notice = Some(Notice::failed(e)),
        }
    }

    pub fn update(&mut self, message: Message) -> Action<Message, Intent> {
        match message {
            Message::PickFiles => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::RECEIVE_FILES)
                        .add_filter("PDF", &["pdf", "PDF"])
                        .pick_files(),
                    |files| {
                        Message::Chosen(
                            files.map(|f| f.iter().map(|h| h.path().to_path_buf()).collect()),
                        )
                    },
                ));
            }
            Message::PickFolder => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::RECEIVE_FOLDER)
                        .pick_folder(),
                    |folder| Message::Chosen(folder.map(|f| vec![f.path().to_path_buf()])),
                ));
            }
            Message::Chosen(None) => {
                return Action::Run(self.typed.offer(t::PACKETS_PATH_HINT, |path| {
                    Message::Chosen(Some(vec![path]))
                }));
            }
            Message::Chosen(Some(given)) => {
                self.typed.close();
                return self.receive(given);
            }
            Message::Dropped(path) => {
                if self.receiving.is_some() {
                    self.queued.push(path);
                } else {
                    return self.receive(vec![path]);
                }
            }
            Message::Progress(done, total) => {
                if self.receiving.is_some() {
                    self.receiving = Some((done, total));
                }
            }
            Message::Read(result) => {
                self.receiving = None;
                match result.and_then(|readings| flow::store(&mut self.file, readings)) {
                    Ok(outcomes) => {
                        let attention = outcomes.iter().filter(|o| o.needs_attention()).count();
                        self.notice = Some(Notice::done(t::received(
                            outcomes.len() - attention,
                            attention,
                        )));
                        self.outcomes = outcomes;
                    }
                    Err(e) => self.notice = Some(Notice::failed(e)),
                }
                self.reread();
                if !self.queued.is_empty() {
                    let next = std::mem::take(&mut self.queued);
                    return self.receive(next);
                }
            }
            Message::Filter(filter) => self.filter = filter,
            Message::Sort(sort) => self.sort = sort,
            Message::EditOpinion(credit_code, batch) => {
                let key = (credit_code.clone(), batch);
                let verdict = self.overview.verdicts.get(&key);
                let school = self
                    .overview
                    .received
                    .iter()
                    .find(|r| r.summary.credit_code == credit_code && r.summary.batch == batch)
                    .map(|r| r.summary.school.clone())
                    .unwrap_or_default();
                self.editor = Some(Editor {
                    credit_code,
                    batch,
                    school,
                    opinion: verdict.map(|v| v.opinion),
                    text: verdict.map(|v| v.text.clone()).unwrap_or_default(),
                    error: None,
                });
                return Action::Run(iced::widget::operation::focus(t::OPINION_TEXT));
            }
            Message::Opinion(opinion) => {
                if let Some(editor) = &mut self.editor {
                    editor.opinion = Some(opinion);
                    editor.error = None;
                }
            }
            Message::OpinionText(text) => {
                if let Some(editor) = &mut self.editor {
                    editor.text = text;
                }
            }
            Message::SaveOpinion => self.save_opinion(false),
            Message::ClearOpinion => self.save_opinion(true),
            Message::CancelOpinion => self.editor = None,
            Message::Undo => {
                if let Some(undo) = self.undo.take() {
                    let result = flow::set_verdict(
                        &mut self.file,
                        &undo.credit_code,
                        undo.batch,
                        undo.before.as_ref(),
                    );
                    self.notice = Some(match result {
                        Ok(()) => Notice::done(t::PAY_UNDONE),
                        Err(e) => Notice::failed(e),
                    });
                    self.reread();
                }
            }
            Message::AcceptCertificate(id) => {
                self.notice = Some(Notice::from(flow::trust_packet(&mut self.file, id)));
                self.undo = None;
                self.reread();
            }
            Message::PickCertificate => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(self.trust_label())
                        .add_filter(t::SCHOOL_CERTIFICATE_FILTER, &["pem", "cer", "crt"])
                        .pick_file(),
                    |file| Message::CertificateChosen(file.map(|f| f.path().to_path_buf())),
                ));
            }
            Message::CertificateChosen(None) => {
                return Action::Run(self.typed.offer(t::SCHOOL_CERTIFICATE_PATH_HINT, |path| {
                    Message::CertificateChosen(Some(path))
                }));
            }
            Message::CertificateChosen(Some(path)) => {
                self.typed.close();
                self.notice = Some(Notice::from(flow::trust_certificate(&mut self.file, &path)));
                self.undo = None;
                self.reread();
            }
            Message::ExportXlsx => {
                return Action::Run(save_dialog(t::EXPORT_ROLLUP_XLSX, "Excel", "xlsx", |p| {
                    Message::XlsxPath(p)
                }));
            }
            Message::ExportPdf => {
                return Action::Run(save_dialog(t::EXPORT_ROLLUP_PDF, "PDF", "pdf", |p| {
                    Message::PdfPath(p)
                }));
            }
            Message::XlsxPath(None) => {
                return Action::Run(self.typed.offer_save(t::XLSX_PATH_HINT, "xlsx", |path| {
                    Message::XlsxPath(Some(path))
                }));
            }
            Message::PdfPath(None) => {
                return Action::Run(self.typed.offer_save(t::SAVE_PDF_PATH_HINT, "pdf", |path| {
                    Message::PdfPath(Some(path))
                }));
            }
            Message::XlsxPath(Some(path)) => return self.export(path, false),
            Message::PdfPath(Some(path)) => return self.export(path, true),
            Message::Exported(result) => self.notice = Some(Notice::from(result)),
            Message::ForwardPassphrase(p) => {
                self.forward.passphrase = p;
                self.forward.error = None;
            }
            Message::ForwardRepeat(p) => {
                self.forward.repeat = p;
                self.forward.error = None;
            }
            Message::CreateKey => self.create_key(),
            Message::ReplaceKey(replacing) => {
                self.forward = Forward {
                    key_created: self.forward.key_created.take(),
                    replacing,
                    ..Forward::default()
                };
            }
            Message::ExportForward => {
                if let Err(e) = signing::check_passphrase(&self.forward.passphrase) {
                    self.forward.error = Some(e);
                    return Action::None;
                }
                return Action::Run(save_dialog(t::EXPORT_FORWARD, "PDF", "pdf", |p| {
                    Message::ForwardPath(p)
                }));
            }
            Message::ForwardPath(None) => {
                return Action::Run(self.typed.offer_save(t::SAVE_PDF_PATH_HINT, "pdf", |path| {
                    Message::ForwardPath(Some(path))
                }));
            }
            Message::ForwardPath(Some(path)) => return self.export_forward(path),
            Message::ExportCertificate => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::EXPORT_OFFICE_CERTIFICATE)
                        .add_filter(t::SCHOOL_CERTIFICATE_FILTER, &["pem"])
                        .set_file_name(format!("{}.pem", self.overview.office.name))
                        .save_file(),
                    |file| Message::OfficeCertificatePath(file.map(|f| f.path().to_path_buf())),
                ));
            }
            Message::OfficeCertificatePath(None) => {
                return Action::Run(self.typed.offer_save(
                    t::SCHOOL_CERTIFICATE_PATH_HINT,
                    "pem",
                    |path| Message::OfficeCertificatePath(Some(path)),
                ));
            }
            Message::OfficeCertificatePath(Some(path)) => {
                self.typed.close();
                self.notice = Some(Notice::from(flow::office_certificate(&self.file).and_then(
                    |certificate| {
                        let pem = crate::sign::certificate_pem(&certificate);
                        atomic::save(&path, atomic::Existing::Replace, pem.as_bytes())?;
                        Ok(t::office_certificate_exported(
                            &path,
                            &crate::sign::fingerprint(&certificate),
                        ))
                    },
                )));
            }
            Message::Forwarded(result) => {
                self.forward.busy = false;
                match result {
                    Ok(done) => {
                        self.forward.passphrase.clear();
                        self.notice = Some(Notice::done(done));
                    }
                    Err(e) => self.forward.error = Some(e),
                }
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer);
                }
            }
            Message::Close => return Action::Ask(Intent::Close),
        }
        Action::None
    }

    /// Reads the files on a thread, reporting progress; [`Message::Read`] stores them.
    fn receive(&mut self, given: Vec<PathBuf>) -> Action<Message, Intent> {
        let paths = match flow::packet_paths(&given) {
            Ok(paths) => paths,
            Err(e) => {
                self.notice = Some(Notice::failed(e));
                return Action::None;
            }
        };
        self.notice = None;
        self.outcomes.clear();
        let receiving = match flow::Receiving::of(&self.file) {
            Ok(receiving) => receiving,
            Err(e) => {
                self.notice = Some(Notice::failed(e));
                return Action::None;
            }
        };
        self.receiving = Some((0, paths.len()));
        Action::Run(background::run_with_progress(
            move |progress| {
                Ok(flow::read_files(&paths, &receiving, &mut |done, total| {
                    progress((done, total))
                }))
            },
            |(done, total)| Message::Progress(done, total),
            Message::Read,
        ))
    }

    /// Builds the workbook or the 推荐汇总表 on a thread and writes it whole; the save dialog
    /// has already asked whether to replace an existing file.
    fn export(&mut self, path: PathBuf, pdf: bool) -> Action<Message, Intent> {
        self.typed.close();
        self.notice = None;
        let overview = self.overview.clone();
        Action::Run(Task::perform(
            background::run(move || {
                let bytes = if pdf {
                    overview.printout(time::beijing_date(chrono::Utc::now()))?
                } else {
                    overview.workbook()?
                };
                atomic::save(&path, atomic::Existing::Replace, &bytes)?;
                Ok(t::exported(&path))
            }),
            Message::Exported,
        ))
    }

    /// Creates the office's key from the passphrase typed twice; scrypt takes a moment once.
    fn create_key(&mut self) {
        let f = &mut self.forward;
        if f.passphrase != f.repeat {
            f.error = Some(t::PASSPHRASES_DIFFER.into());
            return;
        }
        match signing::create_office_key(&mut self.file, &f.passphrase, f.replacing)
            .and_then(|fingerprint| Ok((fingerprint, key_created(&self.file)?)))
        {
            Ok((fingerprint, created)) => {
                f.key_created = created;
                f.passphrase.clear();
                f.repeat.clear();
                f.replacing = false;
                self.notice = Some(Notice::done(t::office_key_created(&fingerprint)));
            }
            Err(e) => f.error = Some(e),
        }
    }

    /// Reads what is forwarded here (the packets kept beside the file), then lays out, signs and
    /// writes the 转报材料 whole on a thread; a wrong passphrase writes nothing.
    fn export_forward(&mut self, path: PathBuf) -> Action<Message, Intent> {
        self.typed.close();
        self.notice = None;
        let date = time::beijing_date(chrono::Utc::now());
        let forwarding =
            match flow::prepare_forward(&self.file, date, self.forward.passphrase.clone()) {
                Ok(forwarding) => forwarding,
                Err(e) => {
                    self.forward.error = Some(e);
                    return Action::None;
                }
            };
        self.forward.busy = true;
        Action::Run(Task::perform(
            background::run(move || {
                let bytes = forwarding.build()?;
                atomic::save(&path, atomic::Existing::Replace, &bytes)?;
                Ok(t::forwarded(forwarding.count(), &path))
            }),
            Message::Forwarded,
        ))
    }

    fn save_opinion(&mut self, clear: bool) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let verdict = match (clear, editor.opinion) {
            (true, _) => None,
            (false, Some(opinion)) => Some(Verdict {
                opinion,
                text: editor.text.trim().to_string(),
            }),
            (false, None) => {
                editor.error = Some(t::CHOOSE_OPINION.into());
                return;
            }
        };
        let key = (editor.credit_code.clone(), editor.batch);
        let before = self.overview.verdicts.get(&key).cloned();
        match flow::set_verdict(
            &mut self.file,
            &editor.credit_code,
            editor.batch,
            verdict.as_ref(),
        ) {
            Ok(()) => {
                self.notice = Some(Notice::done(match &verdict {
                    Some(v) => t::opinion_saved(&editor.school, editor.batch, v.opinion.name()),
                    None => t::opinion_cleared(&editor.school, editor.batch),
                }));
                self.undo = Some(Undo {
                    credit_code: key.0,
                    batch: key.1,
                    before,
                });
                self.editor = None;
                self.reread();
            }
            Err(e) => editor.error = Some(e),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let office = &self.overview.office;
        let heading = match office.region {
            Some(region) => format!("{}（{} · {}）", office.name, office.level, region),
            None => format!("{}（{}）", office.name, office.level),
        };
        let mut content = column![
            row![
                text(heading).size(style::HEADING_SIZE).width(Length::Fill),
                button(text(t::CLOSE_FILE).size(style::SMALL_SIZE))
                    .style(button::text)
                    .on_press(Message::Close),
            ]
            .align_y(Alignment::Center),
            text(match office.level {
                OfficeLevel::League => t::RECEIVE_HINT,
                OfficeLevel::Autonomous => t::RECEIVE_HINT_AUTONOMOUS,
            })
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
        ]
        .spacing(14);
        let busy = self.receiving.is_some();
        content = content.push(
            row![
                actions::primary(t::RECEIVE_FILES)
                    .on_press_maybe((!busy).then_some(Message::PickFiles)),
                actions::secondary(t::RECEIVE_FOLDER)
                    .on_press_maybe((!busy).then_some(Message::PickFolder)),
                actions::secondary(self.trust_label()).on_press(Message::PickCertificate),
                actions::secondary(t::EXPORT_ROLLUP_XLSX).on_press(Message::ExportXlsx),
                actions::secondary(t::EXPORT_ROLLUP_PDF).on_press(Message::ExportPdf),
            ]
            .spacing(10)
            .wrap()
            .vertical_spacing(8),
        );
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some((done, total)) = self.receiving {
            content = content.push(text(t::receiving(done, total)).size(style::BODY_SIZE));
        }
        let undo = self.undo.as_ref().map(|_| Message::Undo);
        if let Some(shown) = notice::with_undo(&self.notice, undo) {
            content = content.push(shown);
        }
        for outcome in self.outcomes.iter().filter(|o| o.needs_attention()) {
            content = content.push(
                text(outcome.line())
                    .size(style::SMALL_SIZE)
                    .style(style::error_text),
            );
        }
        let rows = self.overview.rows();
        content = content.push(targets(&rows));
        if office.level == OfficeLevel::League {
            content = content.push(self.forward_card());
        }
        content = content.push(self.table(&rows));
        let notes = rollup::across(&self.overview.office, &rows);
        if !notes.is_empty() {
            content = content.push(text(t::ACROSS_SCHOOLS).size(18));
            for note in notes {
                content = content.push(text(note).size(style::BODY_SIZE));
            }
        }
        container(page::page(content))
            .padding([24, 32])
            .height(Length::Fill)
            .into()
    }

    fn table<'a>(&'a self, rows: &[Row<'a>]) -> Element<'a, Message> {
        let mut table = column![text(t::ROLLUP_TABLE).size(18)].spacing(8);
        if rows.is_empty() {
            return table
                .push(
                    text(t::ROLLUP_EMPTY)
                        .size(style::BODY_SIZE)
                        .style(style::muted_text),
                )
                .into();
        }
        let sort = row(Sort::ALL.iter().map(|&s| {
            actions::small_chip(s.name(), s == self.sort)
                .on_press(Message::Sort(s))
                .into()
        }))
        .spacing(6);
        table = table.push(
            row![
                text_input(t::ROLLUP_FILTER_HINT, &self.filter)
                    .id(t::ROLLUP_FILTER)
                    .on_input(Message::Filter)
                    .padding(6)
                    .size(style::BODY_SIZE)
                    .width(Length::FillPortion(3)),
                text(t::SORT_BY).size(style::SMALL_SIZE),
                sort,
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        );
        let any_recommended = rows
            .iter()
            .any(|r| r.verdict.is_some_and(|v| v.opinion == Opinion::Recommend));
        let mut shown: Vec<&Row<'a>> = rows.iter().filter(|r| self.matches(r)).collect();
        match self.sort {
            Sort::Region => {}
            Sort::School => shown.sort_by(|a, b| {
                (&a.packet.summary.school, a.key().1).cmp(&(&b.packet.summary.school, b.key().1))
            }),
            Sort::State => shown.sort_by_key(|r| {
                PacketState::ALL
                    .iter()
                    .position(|s| *s == r.state)
                    .unwrap_or_default()
            }),
            Sort::Received => {
                shown.sort_by(|a, b| b.packet.received_at.cmp(&a.packet.received_at));
            }
        }
        table = table.push(header());
        for r in shown {
            table = table.push(self.row(r, rollup::counts(r, any_recommended)));
        }
        table.into()
    }

    fn matches(&self, r: &Row<'_>) -> bool {
        let filter = self.filter.trim();
        if filter.is_empty() {
            return true;
        }
        let s = &r.packet.summary;
        let opinion = r.verdict.map(|v| v.opinion.name()).unwrap_or(t::NO_OPINION);
        [s.school.as_str(), s.region.name(), r.state.name(), opinion]
            .into_iter()
            .chain(s.specialties.iter().map(|l| l.name.as_str()))
            .any(|field| field.contains(filter))
    }

    fn row<'a>(&'a self, r: &Row<'a>, counted: bool) -> Element<'a, Message> {
        let s = &r.packet.summary;
        let specialties: Vec<String> = s.specialties.iter().map(|l| l.describe()).collect();
        let state_text = text(r.state.name()).size(style::BODY_SIZE);
        let mut state = column![if r.state == PacketState::Valid {
            state_text
        } else {
            state_text.style(style::error_text)
        }];
        if !counted {
            state = state.push(
                text(t::NOT_COUNTED)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            );
        }
        // Earlier packets are kept, not shown as rows: the office sees they exist, and a changed
        // one (evidence) stands out.
        let changed = r
            .superseded
            .iter()
            .filter(|p| p.signed && !p.intact)
            .count();
        let earlier = r.superseded.len() - changed;
        if changed > 0 {
            state = state.push(
                text(t::changed_kept(changed))
                    .size(style::SMALL_SIZE)
                    .style(style::error_text),
            );
        }
        if earlier > 0 {
            state = state.push(
                text(t::superseded(earlier))
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            );
        }
        if r.state == PacketState::CertificateMismatch {
            state = state.push(
                actions::small_chip(t::ACCEPT_CERTIFICATE, false)
                    .on_press(Message::AcceptCertificate(r.packet.id)),
            );
        }
        let opinion: Element<'a, Message> = match &self.editor {
            Some(e) if (e.credit_code.as_str(), e.batch) == r.key() => self.editor_view(e),
            _ => {
                let (label, action) = match r.verdict {
                    Some(v) if v.text.is_empty() => {
                        (v.opinion.name().to_string(), t::CHANGE_OPINION)
                    }
                    Some(v) => (format!("{}：{}", v.opinion, v.text), t::CHANGE_OPINION),
                    None => (t::NO_OPINION.to_string(), t::WRITE_OPINION),
                };
                let mut shown = column![text(label).size(style::BODY_SIZE)].spacing(4);
                // The 自治区 counts by its own opinion; the 盟市's is shown under it.
                if let Some(forwarded) = &r.packet.forwarded {
                    shown = shown.push(
                        text(forwarded.describe())
                            .size(style::SMALL_SIZE)
                            .style(style::muted_text),
                    );
                }
                shown
                    .push(
                        actions::small_chip(action, false)
                            .on_press(Message::EditOpinion(s.credit_code.clone(), s.batch)),
                    )
                    .into()
            }
        };
        let cell = |content: String, portion: u16| {
            text(content)
                .size(style::SMALL_SIZE)
                .width(Length::FillPortion(portion))
        };
        container(
            row![
                cell(s.region.name().to_string(), 2),
                cell(format!("{}\n{}", s.school, s.kind), 4),
                cell(s.batch.to_string(), 1),
                cell(specialties.join("\n"), 6),
                cell(t::teachers(s.integrated_teachers, s.trained_teachers), 2),
                cell(t::findings(s.errors(), s.warnings()), 2),
                container(state).width(Length::FillPortion(2)),
                cell(time::show_stored(&r.packet.received_at), 2),
                container(opinion).width(Length::FillPortion(4)),
            ]
            .spacing(8)
            .align_y(Alignment::Start),
        )
        .padding([6, 4])
        .style(style::row_rule)
        .into()
    }

    fn forward_card(&self) -> Element<'_, Message> {
        let f = &self.forward;
        let passphrase = |label: &'static str, value: &str, on: fn(String) -> Message| {
            text_input(label, value)
                .id(label)
                .secure(true)
                .on_input(on)
                .padding(6)
                .size(style::BODY_SIZE)
                .width(Length::Fixed(220.0))
        };
        let mut card = column![
            text(t::FORWARD).size(18),
            text(t::FORWARD_HINT)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(8);
        let create = |hint: &'static str, action: &'static str| {
            column![
                text(hint).size(style::SMALL_SIZE),
                row![
                    passphrase(
                        t::SIGNING_PASSPHRASE,
                        &f.passphrase,
                        Message::ForwardPassphrase
                    ),
                    passphrase(
                        t::REPEAT_SIGNING_PASSPHRASE,
                        &f.repeat,
                        Message::ForwardRepeat
                    )
                    .on_submit(Message::CreateKey),
                    actions::primary(action).on_press(Message::CreateKey),
                ]
                .spacing(10)
                .wrap()
                .vertical_spacing(8),
            ]
            .spacing(8)
        };
        card = match (&f.key_created, f.replacing) {
            (None, _) => card.push(create(t::FORWARD_NO_KEY, t::CREATE_KEY)),
            (Some(_), true) => card
                .push(create(t::FORWARD_REPLACE_HINT, t::REPLACE_OFFICE_KEY))
                .push(actions::small_chip(t::CANCEL, false).on_press(Message::ReplaceKey(false))),
            (Some(created), false) => card
                .push(text(t::forward_key(created)).size(style::SMALL_SIZE))
                .push(
                    row![
                        passphrase(
                            t::SIGNING_PASSPHRASE,
                            &f.passphrase,
                            Message::ForwardPassphrase
                        )
                        .on_submit(Message::ExportForward),
                        actions::primary(t::EXPORT_FORWARD)
                            .on_press_maybe((!f.busy).then_some(Message::ExportForward)),
                        actions::small_chip(t::EXPORT_OFFICE_CERTIFICATE, false)
                            .on_press(Message::ExportCertificate),
                        actions::small_chip(t::REPLACE_KEY, false)
                            .on_press(Message::ReplaceKey(true)),
                    ]
                    .spacing(10)
                    .align_y(Alignment::Center)
                    .wrap()
                    .vertical_spacing(8),
                ),
        };
        if let Some(error) = &f.error {
            card = card.push(
                text(error.as_str())
                    .size(style::SMALL_SIZE)
                    .style(style::error_text),
            );
        }
        actions::card(card).into()
    }

    fn editor_view<'a>(&'a self, e: &'a Editor) -> Element<'a, Message> {
        let choices = row(Opinion::ALL.iter().map(|&o| {
            actions::small_chip(o.name(), e.opinion == Some(o))
                .on_press(Message::Opinion(o))
                .into()
        }))
        .spacing(4)
        .wrap();
        let mut editor = column![choices];
        if let Some(error) = &e.error {
            editor = editor.push(
                text(error.as_str())
                    .size(style::SMALL_SIZE)
                    .style(style::error_text),
            );
        }
        editor
            .push(
                text_input(t::OPINION_TEXT_HINT, &e.text)
                    .id(t::OPINION_TEXT)
                    .on_input(Message::OpinionText)
                    .on_submit(Message::SaveOpinion)
                    .padding(6)
                    .size(style::BODY_SIZE),
            )
            .push(
                row![
                    actions::primary(t::SAVE_OPINION).on_press(Message::SaveOpinion),
                    actions::secondary(t::CANCEL).on_press(Message::CancelOpinion),
                ]
                .spacing(6)
                .wrap(),
            )
            .push(actions::small_chip(t::CLEAR_OPINION, false).on_press(Message::ClearOpinion))
            .spacing(6)
            .into()
    }
}

/// A save dialog for an export; its answer comes back through `answer`.
fn save_dialog(
    title: &'static str,
    filter: &'static str,
    extension: &'static str,
    answer: fn(Option<PathBuf>) -> Message,
) -> Task<Message> {
    Task::perform(
        rfd::AsyncFileDialog::new()
            .set_title(title)
            .add_filter(filter, &[extension])
            .set_file_name(format!("{}.{extension}", t::ROLLUP_TABLE))
            .save_file(),
        move |handle| answer(handle.map(|h| h.path().to_path_buf())),
    )
}

fn header<'a>() -> Element<'a, Message> {
    let cell = |label: &'static str, portion: u16| {
        text(label)
            .size(style::SMALL_SIZE)
            .style(style::muted_text)
            .width(Length::FillPortion(portion))
    };
    row![
        cell(t::COL_REGION, 2),
        cell(t::COL_SCHOOL, 4),
        cell(t::COL_BATCH, 1),
        cell(t::COL_SPECIALTIES, 6),
        cell(t::COL_TEACHERS, 2),
        cell(t::COL_FINDINGS, 2),
        cell(t::COL_STATE, 2),
        cell(t::COL_RECEIVED, 2),
        cell(t::COL_OPINION, 4),
    ]
    .spacing(8)
    .padding([0, 4])
    .into()
}

/// The three targets of policy 一(二), each 盟市's share, and the rule that says what counts.
fn targets<'a>(rows: &[Row<'_>]) -> Element<'a, Message> {
    let totals = rollup::totals(rows);
    let figure = |label: &'static str, counted: usize, target: usize| {
        column![
            text(label).size(style::SMALL_SIZE).style(style::muted_text),
            text(format!("{counted} / {target}")).size(26),
        ]
        .spacing(2)
        .width(Length::Fill)
    };
    let mut card: Column<'a, Message> = column![
        text(t::TARGETS).size(18),
        row![
            figure(
                t::TARGET_SPECIALTIES,
                totals.region.specialties,
                TARGET_SPECIALTIES
            ),
            figure(t::TARGET_SCHOOLS, totals.region.schools, TARGET_SCHOOLS),
            figure(
                t::TARGET_TRAINED,
                totals.region.trained_teachers,
                TARGET_TRAINED_TEACHERS
            ),
        ]
        .spacing(16),
    ]
    .spacing(8);
    for (region, sums) in &totals.by_region {
        card = card.push(
            text(t::region_share(
                region.name(),
                sums.specialties,
                sums.schools,
                sums.trained_teachers,
            ))
            .size(style::SMALL_SIZE),
        );
    }
    card = card.push(
        text(COUNTING_RULE)
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
    );
    actions::card(card).into()
}

/// When the office's signing key was made (as shown), `None` without one.
fn key_created(file: &RollupFile) -> Result<Option<String>, String> {
    Ok(file
        .signing_key()
        .map_err(|e| e.to_string())?
        .map(|key| time::show_stored(&key.created_at)))
}

//! 名册: the teachers, searchable and paged, the form to add or change one (with their
//! trainings, practice and 成果), and each teacher's 工作量证明.

use std::path::PathBuf;

use iced::widget::{button, column, row, table, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::{cell, header};
use chrono::NaiveDate;

use crate::domain::resource::FileRef;
use crate::domain::workload::parse_date;
use crate::domain::{
    Achievement, AchievementKind, Employment, Gender, Practice, Teacher, TeacherLevel, Training,
    teacher,
};
use crate::exchange::files;
use crate::store::{DeletedTeacher, SchoolFile, StoreError, atomic};
use crate::ui::background;
use crate::ui::screen::{Action, Screen, opened};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::page::page;
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::widget::{confirm, form, pager};
use crate::ui::{style, text as t};
use crate::workflow::certificate;

#[derive(Default)]
pub struct Roster {
    teachers: Vec<Teacher>,
    filter: String,
    page: usize,
    form: Option<Form>,
    /// The teacher whose deletion waits for the user's yes, and how many entries go with them.
    deleting: Option<(Teacher, usize)>,
    /// The teacher just deleted, with their hours, while 撤销 can put them back.
    deleted: Option<DeletedTeacher>,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
    notice: Option<Notice>,
}

/// The teacher being added or changed.
struct Form {
    draft: Teacher,
    /// Changing an existing teacher: the 工号 is what hours refer to, so it stays.
    existing: bool,
    /// A 师资培训 and a 企业实践 record as typed, added to the draft by their 添加 buttons and
    /// saved with the teacher.
    training: [String; 6],
    practice: [String; 4],
    /// A 成果 as typed (名称, 本人角色, 日期), its kind and evidence file; added to the draft by
    /// 添加成果, or put back in place of the one being changed.
    achievement: [String; 3],
    achievement_kind: AchievementKind,
    evidence: Option<FileRef>,
    /// The 成果 being changed, by its place in the draft.
    changing: Option<usize>,
    /// The 成果 whose removal waits for the user's yes.
    removing: Option<usize>,
}

impl Form {
    fn new(draft: Teacher, existing: bool) -> Form {
        Form {
            draft,
            existing,
            training: Default::default(),
            practice: Default::default(),
            achievement: Default::default(),
            achievement_kind: AchievementKind::CurriculumStandard,
            evidence: None,
            changing: None,
            removing: None,
        }
    }

    /// The typed 成果 as a record, or what is wrong with it.
    fn achievement(&self) -> Result<Achievement, String> {
        let [title, role, date] = &self.achievement;
        if title.trim().is_empty() {
            return Err(t::ACHIEVEMENT_TITLE_MISSING.into());
        }
        if role.trim().is_empty() {
            return Err(t::ACHIEVEMENT_ROLE_MISSING.into());
        }
        Ok(Achievement {
            kind: self.achievement_kind,
            title: title.trim().into(),
            role: role.trim().into(),
            date: parse_date(date).ok_or_else(|| t::date_form(t::ACHIEVEMENT_DATE))?,
            evidence: self.evidence.clone(),
        })
    }

    /// Empties the 成果 fields after one was added or changed.
    fn clear_achievement(&mut self) {
        self.achievement = Default::default();
        self.evidence = None;
        self.changing = None;
    }

    /// The typed training as a record, or what is wrong with it; a blank 项目 or 研修基地 is
    /// 待补充 (`Teacher::missing`), not wrong.
    fn training(&self) -> Result<Training, String> {
        let [project, base, start, end, hours, certificate] = &self.training;
        let (start, end) = dates(start, end, t::TRAINING_NOUN)?;
        Ok(Training {
            project: project.trim().into(),
            base: base.trim().into(),
            start,
            end,
            hours: positive(hours, t::TRAINING_HOURS)?,
            certificate: certificate.trim().into(),
        })
    }

    fn practice(&self) -> Result<Practice, String> {
        let [enterprise, start, end, days] = &self.practice;
        let (start, end) = dates(start, end, t::PRACTICES)?;
        Ok(Practice {
            enterprise: enterprise.trim().into(),
            start,
            end,
            days: positive(days, t::PRACTICE_DAYS)?,
        })
    }
}

fn positive(typed: &str, what: &str) -> Result<u32, String> {
    typed
        .trim()
        .parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| t::not_positive(what))
}

/// A start and an end date as typed, in order.
fn dates(start: &str, end: &str, what: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let start = parse_date(start).ok_or_else(|| t::start_date_form(what))?;
    let end = parse_date(end).ok_or_else(|| t::end_date_form(what))?;
    if end < start {
        return Err(t::ends_before_start(what));
    }
    Ok((start, end))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Name,
    Department,
    Enterprise,
    Title,
    SkillLevel,
    Qualification,
}

#[derive(Debug, Clone)]
pub enum Message {
    Filter(String),
    Page(usize),
    New,
    Edit(String),
    Input(Field, String),
    Gender(Gender),
    Employment(Employment),
    Level(TeacherLevel),
    Save,
    Cancel,
    /// A field of the training (0–5) or practice (0–3) being typed.
    Training(usize, String),
    AddTraining,
    RemoveTraining(usize),
    Practice(usize, String),
    AddPractice,
    RemovePractice(usize),
    /// A field of the 成果 being typed: 名称 (0), 本人角色 (1), 日期 (2).
    Achievement(usize, String),
    AchievementKind(AchievementKind),
    ChooseEvidence,
    EvidenceChosen(Option<PathBuf>),
    EvidenceHashed(Result<FileRef, String>),
    /// Adds the typed 成果, or puts it in place of the one being changed.
    AddAchievement,
    ChangeAchievement(usize),
    RemoveAchievement(usize),
    ConfirmRemoveAchievement,
    CancelRemoveAchievement,
    /// 工作量证明 of the teacher with this 工号: the save dialog first.
    Certificate(String),
    CertificatePath(String, Option<PathBuf>),
    CertificateDone(Result<(String, PathBuf), String>),
    Typed(typed_path::Message),
    Delete(String),
    ConfirmDelete,
    CancelDelete,
    Undo,
}

impl Roster {
    /// Re-reads after a write; a failure is said where the user acted.
    fn reload(&mut self, file: &SchoolFile) {
        if let Err(e) = self.refresh(file) {
            self.notice = Some(Notice::failed(e.to_string()));
        }
    }

    fn filtered(&self) -> Vec<&Teacher> {
        let needle = self.filter.trim();
        self.teachers
            .iter()
            .filter(|t| {
                needle.is_empty()
                    || t.id.contains(needle)
                    || t.name.contains(needle)
                    || t.department.contains(needle)
                    || (needle == t::INCOMPLETE && !t.missing().is_empty())
            })
            .collect()
    }

    /// Teachers with something 待补充, counted beside the roster's size.
    fn incomplete(&self) -> usize {
        self.teachers
            .iter()
            .filter(|t| !t.missing().is_empty())
            .count()
    }

    fn edit(&mut self, change: impl FnOnce(&mut Teacher)) {
        if let Some(form) = &mut self.form {
            change(&mut form.draft);
        }
    }

    fn save(&mut self, file: &mut SchoolFile) {
        let Some(form) = &self.form else { return };
        let mut teacher = form.draft.clone();
        for value in [
            &mut teacher.id,
            &mut teacher.name,
            &mut teacher.department,
            &mut teacher.enterprise,
            &mut teacher.title,
            &mut teacher.skill_level,
            &mut teacher.qualification,
        ] {
            *value = value.trim().to_string();
        }
        if !form.existing && self.teachers.iter().any(|t| t.id == teacher.id) {
            self.notice = Some(Notice::Failed(t::teacher_id_taken(&teacher.id)));
            return;
        }
        match file.save_teacher(&teacher).and_then(|_| self.refresh(file)) {
            Ok(()) => {
                let missing = teacher.missing();
                self.notice = Some(Notice::Done(if missing.is_empty() {
                    t::teacher_saved(&teacher.name, &teacher.id)
                } else {
                    t::teacher_saved_incomplete(&teacher.name, &teacher.id, &missing)
                }));
                self.form = None;
            }
            Err(e) => self.notice = Some(Notice::Failed(e.to_string())),
        }
    }
}

impl Screen for Roster {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError> {
        opened(file)
    }

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.teachers = file.teachers()?;
        self.page = self.page.min(pager::last(self.filtered().len()));
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        // 撤销 is offered right after a deletion, not beside whatever the user did next.
        if !matches!(message, Message::Undo) {
            self.deleted = None;
        }
        match message {
            Message::Filter(filter) => {
                self.filter = filter;
                self.page = 0;
            }
            Message::Page(page) => self.page = page,
            Message::New => {
                self.form = Some(Form::new(Teacher::new("", "", ""), false));
                self.notice = None;
                return Action::Run(iced::widget::operation::focus(t::TEACHER_ID));
            }
            Message::Edit(id) => {
                if let Some(teacher) = self.teachers.iter().find(|t| t.id == id) {
                    self.form = Some(Form::new(teacher.clone(), true));
                    self.notice = None;
                }
            }
            Message::Input(field, value) => {
                if let Some(form) = &mut self.form {
                    let d = &mut form.draft;
                    let target = match field {
                        Field::Id if !form.existing => &mut d.id,
                        Field::Id => return Action::None,
                        Field::Name => &mut d.name,
                        Field::Department => &mut d.department,
                        Field::Enterprise => &mut d.enterprise,
                        Field::Title => &mut d.title,
                        Field::SkillLevel => &mut d.skill_level,
                        Field::Qualification => &mut d.qualification,
                    };
                    *target = value;
                }
            }
            Message::Gender(g) => self.edit(|d| d.gender = g),
            Message::Employment(e) => self.edit(|d| {
                d.employment = e;
                if e != Employment::FromEnterprise {
                    d.enterprise.clear();
                }
            }),
            Message::Level(l) => self.edit(|d| d.level = l),
            Message::Save => self.save(file),
            Message::Cancel => self.form = None,
            Message::Training(i, v) => {
                if let Some(slot) = self.form.as_mut().and_then(|f| f.training.get_mut(i)) {
                    *slot = v;
                }
            }
            Message::Practice(i, v) => {
                if let Some(slot) = self.form.as_mut().and_then(|f| f.practice.get_mut(i)) {
                    *slot = v;
                }
            }
            Message::AddTraining => {
                if let Some(form) = &mut self.form {
                    match form.training() {
                        Ok(training) => {
                            form.draft.trainings.push(training);
                            form.training = Default::default();
                            self.notice = None;
                        }
                        Err(e) => self.notice = Some(Notice::Failed(e)),
                    }
                }
            }
            Message::AddPractice => {
                if let Some(form) = &mut self.form {
                    match form.practice() {
                        Ok(practice) => {
                            form.draft.practices.push(practice);
                            form.practice = Default::default();
                            self.notice = None;
                        }
                        Err(e) => self.notice = Some(Notice::Failed(e)),
                    }
                }
            }
            Message::RemoveTraining(i) => self.edit(|d| {
                if i < d.trainings.len() {
                    d.trainings.remove(i);
                }
            }),
            Message::RemovePractice(i) => self.edit(|d| {
                if i < d.practices.len() {
                    d.practices.remove(i);
                }
            }),
            Message::Achievement(i, v) => {
                if let Some(slot) = self.form.as_mut().and_then(|f| f.achievement.get_mut(i)) {
                    *slot = v;
                }
            }
            Message::AchievementKind(kind) => {
                if let Some(form) = &mut self.form {
                    form.achievement_kind = kind;
                }
            }
            Message::ChooseEvidence => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::CHOOSE_EVIDENCE)
                        .pick_file(),
                    |h| Message::EvidenceChosen(h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::EvidenceChosen(None) => {
                return Action::Run(
                    self.typed
                        .offer(t::EVIDENCE_PATH_HINT, |p| Message::EvidenceChosen(Some(p))),
                );
            }
            Message::EvidenceChosen(Some(path)) => {
                self.typed.close();
                // A scan is small, but the file may sit on a slow network drive.
                return Action::Run(Task::perform(
                    background::run(move || {
                        files::hash(&path, |_, _| {}).map_err(|e| {
                            t::evidence_unreadable(&path, &crate::store::io_message(&e))
                        })
                    }),
                    Message::EvidenceHashed,
                ));
            }
            Message::EvidenceHashed(result) => match (result, &mut self.form) {
                (Ok(file), Some(form)) => {
                    form.evidence = Some(file);
                    self.notice = None;
                }
                (Err(e), _) => self.notice = Some(Notice::Failed(e)),
                (Ok(_), None) => {}
            },
            Message::AddAchievement => {
                if let Some(form) = &mut self.form {
                    match form.achievement() {
                        Ok(a) => {
                            match form.changing {
                                Some(i) if i < form.draft.achievements.len() => {
                                    form.draft.achievements[i] = a;
                                }
                                _ => form.draft.achievements.push(a),
                            }
                            form.clear_achievement();
                            self.notice = None;
                        }
                        Err(e) => self.notice = Some(Notice::Failed(e)),
                    }
                }
            }
            Message::ChangeAchievement(i) => {
                if let Some(form) = &mut self.form
                    && let Some(a) = form.draft.achievements.get(i).cloned()
                {
                    form.achievement = [a.title, a.role, a.date.to_string()];
                    form.achievement_kind = a.kind;
                    form.evidence = a.evidence;
                    form.changing = Some(i);
                }
            }
            Message::RemoveAchievement(i) => {
                if let Some(form) = &mut self.form {
                    form.removing = Some(i);
                }
            }
            Message::CancelRemoveAchievement => {
                if let Some(form) = &mut self.form {
                    form.removing = None;
                }
            }
            Message::ConfirmRemoveAchievement => {
                if let Some(form) = &mut self.form
                    && let Some(i) = form.removing.take()
                    && i < form.draft.achievements.len()
                {
                    form.draft.achievements.remove(i);
                    form.changing = None;
                }
            }
            Message::Certificate(id) => {
                let name = self
                    .teachers
                    .iter()
                    .find(|t| t.id == id)
                    .map_or(id.clone(), |t| t.name.clone());
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::CERTIFICATE)
                        .add_filter("PDF", &["pdf"])
                        .set_file_name(t::certificate_file_name(&name))
                        .save_file(),
                    move |h| {
                        Message::CertificatePath(id.clone(), h.map(|h| h.path().to_path_buf()))
                    },
                ));
            }
            Message::CertificatePath(id, None) => {
                return Action::Run(self.typed.offer_save(
                    t::CERTIFICATE_PATH_HINT,
                    "pdf",
                    move |p| Message::CertificatePath(id.clone(), Some(p)),
                ));
            }
            Message::CertificatePath(id, Some(path)) => {
                self.typed.close();
                let today = crate::domain::time::beijing_date(chrono::Utc::now());
                match certificate::prepare(file, &id, today, None) {
                    Ok(certificate) => {
                        self.notice = None;
                        return Action::Run(Task::perform(
                            background::run(move || {
                                let bytes = certificate.build()?;
                                // The save dialog has already asked whether to replace it.
                                atomic::save(&path, atomic::Existing::Replace, &bytes)?;
                                Ok((certificate.describe(), path))
                            }),
                            Message::CertificateDone,
                        ));
                    }
                    Err(e) => self.notice = Some(Notice::Failed(e)),
                }
            }
            Message::CertificateDone(result) => {
                self.notice =
                    Some(Notice::from(result.map(|(teacher, path)| {
                        t::signed_form_exported(&teacher, &path)
                    })));
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
            Message::Delete(id) => {
                let teacher = self.teachers.iter().find(|t| t.id == id).cloned();
                if let Some(teacher) = teacher {
                    match file.entries_of(&id, None) {
                        Ok(entries) => self.deleting = Some((teacher, entries.len())),
                        Err(e) => self.notice = Some(Notice::failed(e.to_string())),
                    }
                    self.form = None;
                }
            }
            Message::CancelDelete => self.deleting = None,
            Message::ConfirmDelete => {
                if let Some((teacher, _)) = self.deleting.take() {
                    match file.delete_teacher(&teacher.id) {
                        Ok(deleted) => {
                            self.notice = Some(Notice::Done(t::deleted(&deleted.describe())));
                            self.deleted = Some(deleted);
                        }
                        Err(e) => self.notice = Some(Notice::failed(e.to_string())),
                    }
                    self.reload(file);
                }
            }
            Message::Undo => {
                if let Some(deleted) = self.deleted.take() {
                    self.notice = Some(Notice::from(
                        file.restore_teacher(&deleted)
                            .map(|()| t::restored(&deleted.describe()))
                            .map_err(|e| e.to_string()),
                    ));
                    self.reload(file);
                }
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let filtered = self.filtered();
        let toolbar = row![
            text_input(t::SEARCH_TEACHER_HINT, &self.filter)
                .id(t::SEARCH_TEACHER)
                .on_input(Message::Filter)
                .padding(8)
                .size(style::BODY_SIZE)
                .width(320),
            actions::primary(t::NEW_TEACHER).on_press(Message::New),
            text(t::roster_count(self.teachers.len()))
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
            text(match self.incomplete() {
                0 => String::new(),
                n => t::roster_incomplete(n),
            })
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        let counts = text(t::trained_teachers(&teacher::counts(&self.teachers)))
            .size(style::SMALL_SIZE)
            .style(style::muted_text);
        let mut content = column![toolbar, counts].spacing(12);
        if let Some((teacher, entries)) = &self.deleting {
            content = content.push(confirm::delete(
                t::delete_question(&teacher.with_entries(*entries)),
                Message::ConfirmDelete,
                Message::CancelDelete,
            ));
        }
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        let undo = self.deleted.is_some().then_some(Message::Undo);
        if let Some(n) = notice::with_undo(&self.notice, undo) {
            content = content.push(n);
        }
        if let Some(form) = &self.form {
            content = content.push(form.view(&self.notice));
        }
        let rows: Vec<&Teacher> = pager::page(&filtered, self.page).to_vec();
        let columns = [
            table::column(header(t::TEACHER_ID), |t: &Teacher| cell(t.id.as_str())),
            table::column(header(t::TEACHER_NAME), |t: &Teacher| cell(t.name.as_str())),
            table::column(header(t::GENDER), |t: &Teacher| cell(t.gender.name())),
            table::column(header(t::DEPARTMENT), |t: &Teacher| {
                cell(t.department.as_str())
            }),
            // The one column that takes the room left, and wraps a long enterprise name.
            table::column(header(t::EMPLOYMENT), |t: &Teacher| {
                cell(match t.employment {
                    Employment::FromEnterprise => t::from_enterprise(&t.enterprise),
                    e => e.name().to_string(),
                })
            })
            .width(Length::Fill),
            table::column(header(t::TEACHER_LEVEL), |t: &Teacher| cell(t.level.name())),
            table::column(header(t::TITLE), |t: &Teacher| cell(t.title.as_str())),
            table::column(header(t::TRAINED), |t: &Teacher| {
                cell(if t.is_trained() { t::CERTIFIED } else { "" })
            }),
            table::column(header(t::INCOMPLETE), |t: &Teacher| {
                cell(t::incomplete_count(t.missing().len()))
            }),
            table::column(header(""), |t: &Teacher| -> Element<'_, Message> {
                row![
                    button(text(t::CERTIFICATE).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::Certificate(t.id.clone())),
                    button(text(t::EDIT).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::Edit(t.id.clone())),
                    button(text(t::REMOVE).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::Delete(t.id.clone())),
                ]
                .into()
            }),
        ];
        content = content.push(table(columns, rows).padding_y(4.0).width(Length::Fill));
        if filtered.is_empty() {
            content = content.push(text(t::NO_TEACHERS).size(style::BODY_SIZE));
        }
        content = content.push(pager::pager(self.page, filtered.len(), Message::Page));
        page(content)
    }
}

impl Form {
    fn view<'a>(&'a self, notice: &Option<Notice>) -> Element<'a, Message> {
        let d = &self.draft;
        let problems = d.problems();
        // Errors show once the user tries to save, not while the form is still empty.
        let tried = matches!(notice, Some(Notice::Failed(_)));
        let error_for = |needle: &str| -> Option<String> {
            tried
                .then(|| problems.iter().find(|p| p.starts_with(needle)).cloned())
                .flatten()
        };
        let id_field: Element<'a, Message> = if self.existing {
            row![
                text(t::TEACHER_ID).size(style::BODY_SIZE).width(150),
                text(d.id.as_str()).size(style::BODY_SIZE)
            ]
            .spacing(12)
            .into()
        } else {
            form::text_field(t::TEACHER_ID, true, "", &d.id, error_for("工号"), |v| {
                Message::Input(Field::Id, v)
            })
        };
        let mut fields = column![
            text(if self.existing {
                t::EDIT_TEACHER
            } else {
                t::NEW_TEACHER
            })
            .size(style::BODY_SIZE + 3),
            id_field,
            form::text_field(
                t::TEACHER_NAME,
                true,
                "",
                &d.name,
                error_for("姓名"),
                |v| { Message::Input(Field::Name, v) }
            ),
            form::choices(
                t::GENDER,
                Gender::ALL,
                Some(d.gender),
                Gender::name,
                Message::Gender,
                None
            ),
            form::text_field(t::DEPARTMENT, false, "", &d.department, None, |v| {
                Message::Input(Field::Department, v)
            }),
            form::choices(
                t::EMPLOYMENT,
                Employment::ALL,
                Some(d.employment),
                Employment::name,
                Message::Employment,
                None
            ),
        ]
        .spacing(10);
        if d.employment == Employment::FromEnterprise {
            fields = fields.push(form::text_field(
                t::ENTERPRISE,
                false,
                "",
                &d.enterprise,
                None,
                |v| Message::Input(Field::Enterprise, v),
            ));
        }
        fields = fields
            .push(form::choices(
                t::TEACHER_LEVEL,
                TeacherLevel::ALL,
                Some(d.level),
                TeacherLevel::name,
                Message::Level,
                None,
            ))
            .push(form::text_field(
                t::TITLE,
                false,
                t::TITLE_HINT,
                &d.title,
                None,
                |v| Message::Input(Field::Title, v),
            ))
            .push(form::text_field(
                t::SKILL_LEVEL,
                false,
                t::SKILL_LEVEL_HINT,
                &d.skill_level,
                None,
                |v| Message::Input(Field::SkillLevel, v),
            ))
            .push(form::text_field(
                t::QUALIFICATION,
                false,
                "",
                &d.qualification,
                None,
                |v| Message::Input(Field::Qualification, v),
            ));
        fields = fields.push(self.records());
        let missing = d.missing();
        if !missing.is_empty() {
            fields = fields.push(
                text(t::form_incomplete(&missing))
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            );
        }
        fields = fields.push(actions::save_cancel(
            t::SAVE_TEACHER,
            Message::Save,
            Message::Cancel,
        ));
        actions::card(fields).into()
    }
}

impl Form {
    /// 师资培训 and 企业实践: what the teacher has, each removable, and a row to add one. They
    /// count toward the region's trained-teacher target and print on the packet's roster.
    fn records(&self) -> Element<'_, Message> {
        let d = &self.draft;
        let remove = |message| {
            button(text(t::REMOVE).size(style::SMALL_SIZE))
                .style(button::text)
                .on_press(message)
        };
        let mut list = column![text(t::TRAININGS).size(style::BODY_SIZE)].spacing(6);
        for (i, r) in d.trainings.iter().enumerate() {
            list = list.push(
                row![
                    text(t::training_line(
                        &r.project,
                        &r.base,
                        r.start,
                        r.end,
                        r.hours,
                        &r.certificate,
                    ))
                    .size(style::SMALL_SIZE)
                    .width(Length::Fill),
                    remove(Message::RemoveTraining(i)),
                ]
                .align_y(Alignment::Center),
            );
        }
        let cells =
            |labels: &[&'static str], values: &'_ [String], on: fn(usize, String) -> Message| {
                row(labels
                    .iter()
                    .zip(values)
                    .enumerate()
                    .map(|(i, (label, value))| {
                        form::cell((*label).into(), label, value, Length::Fill, move |v| {
                            on(i, v)
                        })
                    }))
                .spacing(6)
            };
        list = list.push(
            row![
                cells(&t::TRAINING_FIELDS, &self.training, Message::Training),
                button(text(t::ADD_TRAINING).size(style::SMALL_SIZE))
                    .style(button::secondary)
                    .on_press(Message::AddTraining),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
        list = list.push(text(t::PRACTICES).size(style::BODY_SIZE));
        for (i, r) in d.practices.iter().enumerate() {
            list = list.push(
                row![
                    text(t::practice_line(&r.enterprise, r.start, r.end, r.days))
                        .size(style::SMALL_SIZE)
                        .width(Length::Fill),
                    remove(Message::RemovePractice(i)),
                ]
                .align_y(Alignment::Center),
            );
        }
        list = list.push(
            row![
                cells(&t::PRACTICE_FIELDS, &self.practice, Message::Practice),
                button(text(t::ADD_PRACTICE).size(style::SMALL_SIZE))
                    .style(button::secondary)
                    .on_press(Message::AddPractice),
            ]
            .spacing(6)
            .align_y(Alignment::Center),
        );
        list.push(self.achievements()).into()
    }

    /// 成果认定: each with 修改 and 删除 (asked first), and the fields to add one or change it.
    fn achievements(&self) -> Element<'_, Message> {
        let mut list = column![text(t::ACHIEVEMENTS).size(style::BODY_SIZE)].spacing(6);
        for (i, a) in self.draft.achievements.iter().enumerate() {
            list = list.push(
                row![
                    text(t::achievement_line(a))
                        .size(style::SMALL_SIZE)
                        .width(Length::Fill),
                    button(text(t::EDIT).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::ChangeAchievement(i)),
                    button(text(t::REMOVE).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::RemoveAchievement(i)),
                ]
                .align_y(Alignment::Center),
            );
            if self.removing == Some(i) {
                list = list.push(confirm::ask(
                    t::remove_achievement_question(&a.title),
                    t::REMOVE_ON_SAVE,
                    t::CONFIRM_DELETE,
                    Message::ConfirmRemoveAchievement,
                    Message::CancelRemoveAchievement,
                ));
            }
        }
        list = list.push(form::choices(
            t::ACHIEVEMENT_KIND,
            AchievementKind::ALL,
            Some(self.achievement_kind),
            AchievementKind::name,
            Message::AchievementKind,
            None,
        ));
        let hints = ["", t::ACHIEVEMENT_ROLE_HINT, t::DATE_FORMS];
        let fields = row(t::ACHIEVEMENT_FIELDS
            .iter()
            .zip(&self.achievement)
            .zip(hints)
            .enumerate()
            .map(|(i, ((label, value), hint))| {
                let placeholder = if hint.is_empty() { label } else { hint };
                form::cell(
                    (*label).into(),
                    placeholder,
                    value,
                    Length::Fill,
                    move |v| Message::Achievement(i, v),
                )
            }))
        .spacing(6);
        let evidence = self.evidence.as_ref().map_or_else(
            || t::NO_EVIDENCE.to_string(),
            |f| t::evidence_chosen(&f.path, f.size),
        );
        list.push(fields)
            .push(
                row![
                    text(evidence)
                        .size(style::SMALL_SIZE)
                        .style(style::muted_text)
                        .width(Length::Fill),
                    button(text(t::CHOOSE_EVIDENCE).size(style::SMALL_SIZE))
                        .style(button::secondary)
                        .on_press(Message::ChooseEvidence),
                    button(
                        text(if self.changing.is_some() {
                            t::UPDATE_ACHIEVEMENT
                        } else {
                            t::ADD_ACHIEVEMENT
                        })
                        .size(style::SMALL_SIZE)
                    )
                    .style(button::secondary)
                    .on_press(Message::AddAchievement),
                ]
                .spacing(6)
                .align_y(Alignment::Center),
            )
            .into()
    }
}

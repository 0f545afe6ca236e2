//! 资源清单: the items of the package, filtered by specialty, kind, origin and review state and
//! shown a page at a time (the large school has 2,700); the form to record an item, the review
//! of a textbook (凡编必审、凡选必审: every textbook, compiled or selected), and files attached by
//! reference, hashed on a thread with progress so a gigabyte video does not freeze the window.

use std::path::PathBuf;

use iced::widget::{button, column, container, progress_bar, row, table, text, text_input};
use iced::{Element, Length, Task};

use crate::domain::resource::{FileRef, FileStatus, ReviewState, TEXTBOOK};
use crate::domain::{Conclusion, Origin, ResourceItem, ResourceKind, Review, Textbook};
use crate::exchange::files;
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen, opened};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::page::page;
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::widget::{confirm, form, pager};
use crate::ui::{style, text as t};

/// A file that went missing or changed: (item title, file path, status).
pub type FileProblem = (String, String, FileStatus);

#[derive(Default)]
pub struct Inventory {
    kinds: Vec<ResourceKind>,
    items: Vec<(i64, ResourceItem)>,
    specialties: Vec<String>,
    /// The specialties of the declarations: what an item may belong to.
    declared: Vec<String>,
    /// (specialty, course) pairs already in the file, offered under the course field.
    courses: Vec<(String, String)>,
    roster: Vec<String>,
    specialty: Option<String>,
    kind: Option<String>,
    origin: Option<Origin>,
    state: Option<ReviewState>,
    search: String,
    page: usize,
    form: Option<Draft>,
    review: Option<(i64, ReviewDraft)>,
    /// The item whose deletion waits for the user's yes.
    deleting: Option<i64>,
    /// The item just deleted, with its reviews and files, while 撤销 can put it back.
    deleted: Option<ResourceItem>,
    /// The file being hashed: its item, name, bytes done and total.
    hashing: Option<(i64, String, u64, u64)>,
    /// 检查文件 is running.
    checking: bool,
    /// The last 检查文件: how many files were checked and those missing or changed.
    checked: Option<(usize, Vec<FileProblem>)>,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
    notice: Option<Notice>,
}

/// The item form's fields as typed.
#[derive(Debug, Clone, Default)]
struct Draft {
    /// The item being corrected; a new one when `None`.
    editing: Option<i64>,
    specialty: String,
    course: String,
    kind: String,
    title: String,
    origin: Option<Origin>,
    publisher: String,
    isbn: String,
    edition: String,
    in_catalogue: bool,
    chief_editor: String,
    editors: String,
}

#[derive(Debug, Clone, Default)]
struct ReviewDraft {
    conclusion: Option<Conclusion>,
    reviewers: String,
    date: String,
    opinion: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Specialty,
    Course,
    Title,
    Publisher,
    Isbn,
    Edition,
    ChiefEditor,
    Editors,
    Reviewers,
    ReviewDate,
    Opinion,
}

#[derive(Debug, Clone)]
pub enum Message {
    Specialty(Option<String>),
    Kind(Option<String>),
    Origin(Option<Origin>),
    State(Option<ReviewState>),
    Search(String),
    Page(usize),
    New,
    Edit(i64),
    Delete(i64),
    ConfirmDelete,
    CancelDelete,
    Undo,
    Input(Field, String),
    DraftSpecialty(String),
    DraftKind(String),
    DraftOrigin(Origin),
    InCatalogue(bool),
    Save,
    CancelForm,
    Review(i64),
    Conclusion(Conclusion),
    SaveReview,
    CancelReview,
    Attach(i64),
    FileChosen(i64, Option<PathBuf>),
    Typed(typed_path::Message),
    Hashing(i64, u64, u64),
    Hashed(i64, Result<FileRef, String>),
    CheckFiles,
    /// How many files were checked, and those missing or changed.
    Checked(Result<(usize, Vec<FileProblem>), String>),
}

impl Inventory {
    /// Re-reads after a write; a failure is said where the user acted.
    fn reload(&mut self, file: &SchoolFile) {
        if let Err(e) = self.refresh(file) {
            self.notice = Some(Notice::failed(e.to_string()));
        }
    }

    fn filtered(&self) -> Vec<&(i64, ResourceItem)> {
        let search = self.search.trim();
        self.items
            .iter()
            .filter(|(_, i)| {
                self.specialty.as_ref().is_none_or(|s| *s == i.specialty)
                    && self.kind.as_ref().is_none_or(|k| *k == i.kind)
                    && self
                        .origin
                        .is_none_or(|o| i.textbook.as_ref().is_some_and(|t| t.origin == o))
                    && self.state.is_none_or(|s| i.review_state() == s)
                    && (search.is_empty() || i.title.contains(search))
            })
            .collect()
    }

    fn filter(&mut self, change: impl FnOnce(&mut Self)) {
        change(self);
        self.page = 0;
    }

    fn input(&mut self, field: Field, value: String) {
        if let Some(d) = &mut self.form {
            let target = match field {
                Field::Specialty => &mut d.specialty,
                Field::Course => &mut d.course,
                Field::Title => &mut d.title,
                Field::Publisher => &mut d.publisher,
                Field::Isbn => &mut d.isbn,
                Field::Edition => &mut d.edition,
                Field::ChiefEditor => &mut d.chief_editor,
                Field::Editors => &mut d.editors,
                _ => return,
            };
            *target = value;
        } else if let Some((_, r)) = &mut self.review {
            let target = match field {
                Field::Reviewers => &mut r.reviewers,
                Field::ReviewDate => &mut r.date,
                Field::Opinion => &mut r.opinion,
                _ => return,
            };
            *target = value;
        }
    }

    fn save(&mut self, file: &mut SchoolFile) {
        let Some(d) = &self.form else { return };
        if d.specialty.trim().is_empty() {
            self.notice = Some(Notice::Failed("请填写专业".into()));
            return;
        }
        if !self.declared.is_empty() && !self.declared.contains(&d.specialty) {
            self.notice = Some(Notice::Failed(t::undeclared_specialty(&d.specialty)));
            return;
        }
        let textbook = (d.kind == TEXTBOOK).then(|| Textbook {
            origin: d.origin.unwrap_or(Origin::Selected),
            publisher: d.publisher.trim().into(),
            isbn: d.isbn.trim().into(),
            edition: d.edition.trim().into(),
            in_national_catalogue: d.in_catalogue,
            chief_editor: d.chief_editor.trim().into(),
            editors: d
                .editors
                .split(['、', ',', '，', ' '])
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(String::from)
                .collect(),
        });
        if d.kind == TEXTBOOK && d.origin.is_none() {
            self.notice = Some(Notice::Failed("教材须选择来源：自编或选用".into()));
            return;
        }
        let item = ResourceItem {
            specialty: d.specialty.trim().into(),
            course: Some(d.course.trim().to_string()).filter(|c| !c.is_empty()),
            kind: d.kind.clone(),
            title: d.title.trim().into(),
            textbook,
            reviews: Vec::new(),
            files: Vec::new(),
        };
        let written = match d.editing {
            Some(id) => file.update_resource(id, &item),
            None => file.add_resource(&item).map(|_| ()),
        };
        let verb = if d.editing.is_some() {
            "已修改"
        } else {
            "已登记"
        };
        match written {
            Ok(()) => {
                let unknown: Vec<&String> = item
                    .textbook
                    .iter()
                    .flat_map(|t| std::iter::once(&t.chief_editor).chain(&t.editors))
                    .filter(|n| !n.is_empty() && !self.roster.contains(n))
                    .collect();
                let mut said = format!("{verb}：{}（{}）", item.title, item.kind);
                if item.kind == TEXTBOOK && d.editing.is_none() {
                    said.push_str("。教材须经审核通过才计入资源包");
                }
                if !unknown.is_empty() {
                    let names: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
                    said.push_str(&format!("；{}不在教师名册中", names.join("、")));
                }
                self.notice = Some(Notice::Done(said));
                self.form = None;
                self.reload(file);
            }
            Err(e) => self.notice = Some(Notice::Failed(e.to_string())),
        }
    }

    fn save_review(&mut self, file: &mut SchoolFile) {
        let Some((id, r)) = &self.review else { return };
        let result = (|| -> Result<String, String> {
            let conclusion = r.conclusion.ok_or("请选择审核结论")?;
            if r.reviewers.trim().is_empty() {
                return Err("请填写审核人或审核委员会".into());
            }
            let date =
                crate::domain::workload::parse_date(&r.date).ok_or("审核日期应如 2024-09-02")?;
            file.add_review(
                *id,
                &Review {
                    conclusion,
                    reviewers: r.reviewers.trim().into(),
                    date,
                    opinion: r.opinion.trim().into(),
                },
            )
            .map_err(|e| e.to_string())?;
            Ok(format!(
                "已记录审核：{}{}",
                conclusion.name(),
                if conclusion.approves() {
                    "，计入资源包"
                } else {
                    "，不计入资源包"
                }
            ))
        })();
        if result.is_ok() {
            self.review = None;
            self.reload(file);
        }
        self.notice = Some(result.into());
    }

    fn form_view<'a>(&'a self, d: &'a Draft) -> Element<'a, Message> {
        let input = |label: &'static str, hint: &'a str, value: &'a str, field: Field| {
            form::text_field(label, false, hint, value, None, move |v| {
                Message::Input(field, v)
            })
        };
        let kinds: Vec<String> = self.kinds.iter().map(|k| k.name.clone()).collect();
        let kind_chips = row![text(t::RESOURCE_KIND).size(style::BODY_SIZE).width(150)]
            .extend(kinds.into_iter().map(|k| {
                let selected = k == d.kind;
                actions::small_chip(k.clone(), selected)
                    .on_press(Message::DraftKind(k))
                    .into()
            }))
            .spacing(6)
            .wrap()
            .vertical_spacing(6);
        let title = if d.editing.is_some() {
            t::EDIT_RESOURCE
        } else {
            t::NEW_RESOURCE
        };
        let mut fields = column![
            text(title).size(style::BODY_SIZE + 3),
            self.specialty_field(d),
            input(t::COURSE, t::COURSE_HINT, &d.course, Field::Course),
            self.course_chips(d),
            kind_chips,
            input(t::RESOURCE_TITLE, "", &d.title, Field::Title),
        ]
        .spacing(10);
        if d.kind == TEXTBOOK {
            fields = fields.push(form::choices(
                t::ORIGIN,
                &[Origin::Compiled, Origin::Selected],
                d.origin,
                Origin::name,
                Message::DraftOrigin,
                None,
            ));
            match d.origin {
                Some(Origin::Selected) => {
                    fields = fields
                        .push(input(t::PUBLISHER, "", &d.publisher, Field::Publisher))
                        .push(input(t::ISBN, "ISBN-13 或 ISBN-10", &d.isbn, Field::Isbn))
                        .push(input(t::EDITION, "如 第2版", &d.edition, Field::Edition))
                        .push(form::choices(
                            t::IN_CATALOGUE,
                            &[true, false],
                            Some(d.in_catalogue),
                            |yes| if yes { "是" } else { "否" },
                            Message::InCatalogue,
                            None,
                        ));
                }
                Some(Origin::Compiled) => {
                    fields = fields
                        .push(input(
                            t::CHIEF_EDITOR,
                            "教师姓名",
                            &d.chief_editor,
                            Field::ChiefEditor,
                        ))
                        .push(input(
                            t::EDITORS,
                            "多人用顿号分隔",
                            &d.editors,
                            Field::Editors,
                        ));
                    let typed = d.chief_editor.trim();
                    if !typed.is_empty() && !self.roster.iter().any(|n| n == typed) {
                        let hints: Vec<&str> = self
                            .roster
                            .iter()
                            .filter(|n| n.contains(typed))
                            .take(6)
                            .map(String::as_str)
                            .collect();
                        let hint = if hints.is_empty() {
                            format!("“{typed}”不在教师名册中")
                        } else {
                            format!("名册中的教师：{}", hints.join("、"))
                        };
                        fields = fields
                            .push(text(hint).size(style::SMALL_SIZE).style(style::muted_text));
                    }
                }
                None => {}
            }
        }
        fields = fields.push(actions::save_cancel(
            t::SAVE_RESOURCE,
            Message::Save,
            Message::CancelForm,
        ));
        actions::card(fields).into()
    }

    /// The declared specialties to pick from. Typed only while nothing is declared yet; an item
    /// imported under another name shows it, so the user sees what to correct.
    fn specialty_field<'a>(&'a self, d: &'a Draft) -> Element<'a, Message> {
        if self.declared.is_empty() {
            return form::text_field(
                t::SPECIALTY,
                true,
                t::NOTHING_DECLARED_YET,
                &d.specialty,
                None,
                |v| Message::Input(Field::Specialty, v),
            );
        }
        let stray = (!d.specialty.is_empty() && !self.declared.contains(&d.specialty))
            .then(|| t::undeclared_specialty(&d.specialty));
        form::named_choices(
            t::SPECIALTY,
            &self.declared,
            &d.specialty,
            Message::DraftSpecialty,
            stray,
        )
    }

    /// The chosen specialty's courses that match what is typed, one click to fill the field.
    fn course_chips<'a>(&'a self, d: &'a Draft) -> Element<'a, Message> {
        let typed = d.course.trim();
        let known = self
            .courses
            .iter()
            .filter(|(s, c)| *s == d.specialty && c != typed && c.contains(typed))
            .take(12);
        let chips = row(known.map(|(_, course)| {
            actions::small_chip(course.as_str(), false)
                .padding([3, 8])
                .on_press(Message::Input(Field::Course, course.clone()))
                .into()
        }))
        .spacing(6)
        .wrap()
        .vertical_spacing(6);
        container(chips)
            .padding(iced::padding::left(form::LABEL_WIDTH + 12.0))
            .into()
    }

    fn review_view<'a>(&'a self, id: i64, r: &'a ReviewDraft) -> Element<'a, Message> {
        let item = self
            .items
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, item)| item);
        let mut body = column![
            text(format!(
                "{}：{}",
                t::REVIEW_TITLE,
                item.map_or("", |i| i.title.as_str())
            ))
            .size(style::BODY_SIZE + 3),
            text(t::REVIEW_HINT)
                .size(style::SMALL_SIZE)
                .style(style::muted_text),
        ]
        .spacing(10);
        for old in item.map_or(&[][..], |i| i.reviews.as_slice()) {
            body = body.push(
                text(format!(
                    "{}　{}　{}　{}",
                    old.date,
                    old.conclusion.name(),
                    old.reviewers,
                    old.opinion
                ))
                .size(style::SMALL_SIZE),
            );
        }
        body = body
            .push(form::choices(
                t::CONCLUSION,
                &[
                    Conclusion::Pass,
                    Conclusion::PassAfterRevision,
                    Conclusion::Resubmit,
                    Conclusion::Reject,
                ],
                r.conclusion,
                Conclusion::name,
                Message::Conclusion,
                None,
            ))
            .push(form::text_field(
                t::REVIEWERS,
                true,
                "审核人或审核委员会",
                &r.reviewers,
                None,
                |v| Message::Input(Field::Reviewers, v),
            ))
            .push(form::text_field(
                t::REVIEW_DATE,
                true,
                "2024-09-02",
                &r.date,
                None,
                |v| Message::Input(Field::ReviewDate, v),
            ))
            .push(form::text_field(
                t::OPINION,
                false,
                "",
                &r.opinion,
                None,
                |v| Message::Input(Field::Opinion, v),
            ))
            .push(actions::save_cancel(
                t::SAVE_REVIEW,
                Message::SaveReview,
                Message::CancelReview,
            ));
        actions::card(body).into()
    }
}

impl Screen for Inventory {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError> {
        opened(file)
    }

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.kinds = file.resource_kinds()?;
        self.items = file.resources(None)?;
        let items: Vec<ResourceItem> = self.items.iter().map(|(_, i)| i.clone()).collect();
        let declarations = file.current_declarations()?;
        self.specialties = crate::domain::resource::specialties(&declarations, &items);
        self.declared = crate::domain::resource::specialties(&declarations, &[]);
        self.courses = file.known_courses()?;
        self.roster = file.teachers()?.into_iter().map(|t| t.name).collect();
        self.page = self.page.min(pager::last(self.filtered().len()));
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        // 撤销 is offered right after a deletion, not beside whatever the user did next; a
        // hashing thread's progress is not the user doing something.
        if !matches!(message, Message::Undo | Message::Hashing(..)) {
            self.deleted = None;
        }
        match message {
            Message::Specialty(s) => self.filter(|me| me.specialty = s),
            Message::Kind(k) => self.filter(|me| me.kind = k),
            Message::Origin(o) => self.filter(|me| me.origin = o),
            Message::State(s) => self.filter(|me| me.state = s),
            Message::Search(s) => self.filter(|me| me.search = s),
            Message::Page(p) => self.page = p,
            Message::New => {
                self.form = Some(Draft {
                    specialty: self
                        .specialty
                        .clone()
                        .filter(|s| self.declared.contains(s))
                        .or_else(|| self.declared.first().cloned())
                        .unwrap_or_default(),
                    kind: self.kind.clone().unwrap_or_else(|| TEXTBOOK.into()),
                    ..Draft::default()
                });
                self.review = None;
                self.deleting = None;
                self.notice = None;
            }
            Message::Edit(id) => {
                if let Some((_, item)) = self.items.iter().find(|(i, _)| *i == id) {
                    self.form = Some(Draft::of(id, item));
                    self.review = None;
                    self.deleting = None;
                    self.notice = None;
                }
            }
            Message::Delete(id) => {
                self.deleting = Some(id);
                self.form = None;
                self.review = None;
                self.notice = None;
            }
            Message::CancelDelete => self.deleting = None,
            Message::ConfirmDelete => {
                if let Some(id) = self.deleting.take() {
                    match file.delete_resource(id) {
                        Ok(item) => {
                            self.notice = Some(Notice::Done(format!("已删除：{}", item.title)));
                            self.deleted = Some(item);
                        }
                        Err(e) => self.notice = Some(Notice::Failed(e.to_string())),
                    }
                    self.reload(file);
                }
            }
            Message::Undo => {
                if let Some(item) = self.deleted.take() {
                    self.notice = Some(Notice::from(
                        file.restore_resource(&item)
                            .map(|_| format!("已恢复：{}", item.title))
                            .map_err(|e| e.to_string()),
                    ));
                    self.reload(file);
                }
            }
            Message::Input(field, value) => self.input(field, value),
            Message::DraftSpecialty(name) => {
                if let Some(d) = &mut self.form {
                    d.specialty = name;
                }
            }
            Message::DraftKind(kind) => {
                if let Some(d) = &mut self.form {
                    d.kind = kind;
                }
            }
            Message::DraftOrigin(origin) => {
                if let Some(d) = &mut self.form {
                    d.origin = Some(origin);
                }
            }
            Message::InCatalogue(yes) => {
                if let Some(d) = &mut self.form {
                    d.in_catalogue = yes;
                }
            }
            Message::Save => self.save(file),
            Message::CancelForm => self.form = None,
            Message::Review(id) => {
                self.review = Some((
                    id,
                    ReviewDraft {
                        date: crate::domain::time::beijing_date(chrono::Utc::now()).to_string(),
                        ..ReviewDraft::default()
                    },
                ));
                self.form = None;
                self.notice = None;
            }
            Message::Conclusion(c) => {
                if let Some((_, r)) = &mut self.review {
                    r.conclusion = Some(c);
                }
            }
            Message::SaveReview => self.save_review(file),
            Message::CancelReview => self.review = None,
            Message::Attach(id) => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::ATTACH_FILE)
                        .pick_file(),
                    move |h| Message::FileChosen(id, h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::FileChosen(id, None) => {
                return Action::Run(self.typed.offer(t::RESOURCE_FILE_PATH_HINT, move |path| {
                    Message::FileChosen(id, Some(path))
                }));
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
            Message::FileChosen(id, Some(path)) => {
                self.typed.close();
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.hashing = Some((id, name, 0, 0));
                self.notice = None;
                return Action::Run(hash_in_background(id, path));
            }
            Message::Hashing(id, done, total) => {
                if let Some(h) = &mut self.hashing
                    && h.0 == id
                {
                    (h.2, h.3) = (done, total);
                }
            }
            Message::CheckFiles => {
                let files: Vec<(String, FileRef)> = self
                    .items
                    .iter()
                    .flat_map(|(_, i)| i.files.iter().map(|f| (i.title.clone(), f.clone())))
                    .collect();
                self.checking = true;
                self.checked = None;
                return Action::Run(Task::perform(
                    crate::ui::background::run(move || {
                        let problems = files
                            .iter()
                            .map(|(title, f)| (title, f, files::verify(f)))
                            .filter(|(_, _, status)| *status != FileStatus::Unchanged)
                            .map(|(title, f, status)| (title.clone(), f.path.clone(), status))
                            .collect();
                        Ok((files.len(), problems))
                    }),
                    Message::Checked,
                ));
            }
            Message::Checked(result) => {
                self.checking = false;
                match result {
                    Ok(checked) => self.checked = Some(checked),
                    Err(e) => self.notice = Some(Notice::Failed(e)),
                }
            }
            Message::Hashed(id, result) => {
                self.hashing = None;
                self.notice = Some(Notice::from(result.and_then(|f| {
                    file.attach_file(id, &f).map_err(|e| e.to_string())?;
                    Ok(format!(
                        "已添加文件：{}（{} 字节，已记录 SHA-256）",
                        f.path, f.size
                    ))
                })));
                self.reload(file);
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let filtered = self.filtered();
        let chips = |label: &'static str,
                     options: Vec<(Option<String>, String)>,
                     current: Option<String>,
                     on: fn(Option<String>) -> Message| {
            row![text(label).size(style::SMALL_SIZE).width(60)]
                .extend(options.into_iter().map(|(value, name)| {
                    let selected = value == current;
                    actions::small_chip(name, selected)
                        .padding([3, 8])
                        .on_press(on(value))
                        .into()
                }))
                .spacing(6)
                .wrap()
                .vertical_spacing(6)
        };
        let all = || (None, t::ALL.to_string());
        let specialty_options = std::iter::once(all())
            .chain(
                self.specialties
                    .iter()
                    .map(|s| (Some(s.clone()), s.clone())),
            )
            .collect();
        let kind_options = std::iter::once(all())
            .chain(
                self.kinds
                    .iter()
                    .map(|k| (Some(k.name.clone()), k.name.clone())),
            )
            .collect();
        let small_chips = |label: &'static str, options: Vec<(bool, &'static str, Message)>| {
            row![text(label).size(style::SMALL_SIZE).width(60)]
                .extend(options.into_iter().map(|(selected, name, message)| {
                    actions::small_chip(name, selected)
                        .padding([3, 8])
                        .on_press(message)
                        .into()
                }))
                .spacing(6)
        };
        let mut origin_options = vec![(self.origin.is_none(), t::ALL, Message::Origin(None))];
        origin_options.extend(
            [Origin::Compiled, Origin::Selected]
                .map(|o| (self.origin == Some(o), o.name(), Message::Origin(Some(o)))),
        );
        let mut state_options = vec![(self.state.is_none(), t::ALL, Message::State(None))];
        state_options.extend(
            ReviewState::ALL.map(|s| (self.state == Some(s), s.name(), Message::State(Some(s)))),
        );
        // The form or the review comes first: it is what the user is doing, and the filters
        // below repeat some of its choices (自编, 选用, 教材).
        let mut content = column![].spacing(8);
        if let Some(d) = &self.form {
            content = content.push(self.form_view(d));
        }
        if let Some((id, r)) = &self.review {
            content = content.push(self.review_view(*id, r));
        }
        if let Some(id) = self.deleting
            && let Some((_, item)) = self.items.iter().find(|(i, _)| *i == id)
        {
            content = content.push(confirm::delete(
                delete_question(item),
                Message::ConfirmDelete,
                Message::CancelDelete,
            ));
        }
        let undo = self.deleted.is_some().then_some(Message::Undo);
        if let Some(typed) = self.typed.view(Message::Typed) {
            content = content.push(typed);
        }
        if let Some(n) = notice::with_undo(&self.notice, undo) {
            content = content.push(n);
        }
        if let Some((_, name, done, total)) = &self.hashing {
            let share = if *total == 0 {
                0.0
            } else {
                *done as f32 / *total as f32
            };
            content = content.push(
                column![
                    text(format!(
                        "正在计算 {name} 的 SHA-256：{} / {} MB",
                        done / 1_000_000,
                        total / 1_000_000
                    ))
                    .size(style::SMALL_SIZE),
                    progress_bar(0.0..=1.0, share).girth(8),
                ]
                .spacing(4),
            );
        }
        content = content
            .push(chips(
                t::SPECIALTY,
                specialty_options,
                self.specialty.clone(),
                Message::Specialty,
            ))
            .push(chips(
                t::RESOURCE_KIND,
                kind_options,
                self.kind.clone(),
                Message::Kind,
            ))
            .push(small_chips(t::ORIGIN, origin_options))
            .push(small_chips(t::REVIEW_STATE, state_options))
            .push(
                row![
                    text_input(t::SEARCH_RESOURCE_HINT, &self.search)
                        .id(t::SEARCH_RESOURCE)
                        .on_input(Message::Search)
                        .padding(8)
                        .size(style::BODY_SIZE)
                        .width(320),
                    actions::primary(t::NEW_RESOURCE).on_press(Message::New),
                    actions::secondary(t::CHECK_FILES)
                        .on_press_maybe((!self.checking).then_some(Message::CheckFiles)),
                ]
                .spacing(12),
            );
        if self.checking {
            content = content.push(text(t::CHECKING_FILES).size(style::SMALL_SIZE));
        }
        if let Some((count, problems)) = &self.checked {
            let mut report = column![
                text(format!(
                    "检查了 {count} 个文件，{} 个缺失或已改动。",
                    problems.len()
                ))
                .size(style::BODY_SIZE)
            ]
            .spacing(4);
            for (title, path, status) in problems {
                report = report.push(
                    text(format!("{}：{title}　{path}", status.name()))
                        .size(style::SMALL_SIZE)
                        .style(style::error_text),
                );
            }
            content = content.push(report);
        }
        let rows: Vec<&(i64, ResourceItem)> = pager::page(&filtered, self.page).to_vec();
        let cell = |s: String| -> Element<'_, Message> { text(s).size(style::SMALL_SIZE).into() };
        // Two facts a column where they belong together, so that 资源名称 keeps the width it
        // needs at 900 px.
        let columns = [
            table::column(
                header(t::SPECIALTY_AND_COURSE),
                move |(_, i): &(i64, ResourceItem)| {
                    let course = i.course.as_deref().unwrap_or(t::WHOLE_SPECIALTY);
                    cell(format!("{}\n{course}", i.specialty))
                },
            )
            .width(130),
            table::column(
                header(t::RESOURCE_KIND),
                move |(_, i): &(i64, ResourceItem)| cell(i.kind.clone()),
            )
            .width(80),
            table::column(
                header(t::RESOURCE_TITLE),
                move |(_, i): &(i64, ResourceItem)| cell(i.title.clone()),
            )
            .width(Length::Fill),
            table::column(
                header(t::ORIGIN_AND_REVIEW),
                |(_, i): &(i64, ResourceItem)| -> Element<'_, Message> {
                    let origin = i.textbook.as_ref().map(|b| {
                        let catalogue = if b.in_national_catalogue {
                            "·规划教材"
                        } else {
                            ""
                        };
                        format!("{}{catalogue}", b.origin.name())
                    });
                    let review = match i.reviews.last() {
                        Some(r) if i.kind == TEXTBOOK => r.conclusion.name().to_string(),
                        _ => i.review_state().name().to_string(),
                    };
                    let colour = if i.counts() {
                        style::muted_text
                    } else {
                        style::error_text
                    };
                    column![
                        origin.map(|o| text(o).size(style::SMALL_SIZE)),
                        text(review).size(style::SMALL_SIZE).style(colour),
                    ]
                    .into()
                },
            )
            .width(100),
            table::column(header(t::FILES), move |(_, i): &(i64, ResourceItem)| {
                cell(if i.files.is_empty() {
                    String::new()
                } else {
                    format!("{} 个", i.files.len())
                })
            }),
            table::column(
                header(""),
                |(id, i): &(i64, ResourceItem)| -> Element<'_, Message> {
                    let action = |label, message: Option<Message>| {
                        button(text(label).size(style::SMALL_SIZE))
                            .padding([2, 6])
                            .style(button::text)
                            .on_press_maybe(message)
                    };
                    let review =
                        (i.kind == TEXTBOOK).then(|| action(t::REVIEW, Some(Message::Review(*id))));
                    let attach = self.hashing.is_none().then_some(Message::Attach(*id));
                    column![
                        row![review, action(t::ATTACH_FILE, attach)],
                        row![
                            action(t::EDIT, Some(Message::Edit(*id))),
                            action(t::REMOVE, Some(Message::Delete(*id))),
                        ],
                    ]
                    .into()
                },
            ),
        ];
        content = content.push(table(columns, rows).padding_y(3.0).width(Length::Fill));
        content = content.push(pager::pager(self.page, filtered.len(), Message::Page));
        page(content)
    }
}

impl Draft {
    fn of(id: i64, item: &ResourceItem) -> Draft {
        let book = item.textbook.as_ref();
        let text = |f: fn(&Textbook) -> &String| book.map(f).cloned().unwrap_or_default();
        Draft {
            editing: Some(id),
            specialty: item.specialty.clone(),
            course: item.course.clone().unwrap_or_default(),
            kind: item.kind.clone(),
            title: item.title.clone(),
            origin: book.map(|b| b.origin),
            publisher: text(|b| &b.publisher),
            isbn: text(|b| &b.isbn),
            edition: text(|b| &b.edition),
            in_catalogue: book.is_some_and(|b| b.in_national_catalogue),
            chief_editor: text(|b| &b.chief_editor),
            editors: book.map(|b| b.editors.join("、")).unwrap_or_default(),
        }
    }
}

/// The question before deleting, naming what goes with the item.
fn delete_question(item: &ResourceItem) -> String {
    let mut with = Vec::new();
    if !item.reviews.is_empty() {
        with.push(format!("{} 条审核记录", item.reviews.len()));
    }
    if !item.files.is_empty() {
        with.push(format!(
            "{} 个文件的登记（文件本身不删除）",
            item.files.len()
        ));
    }
    if with.is_empty() {
        format!("删除“{}”？", item.title)
    } else {
        format!("删除“{}”及其{}？", item.title, with.join("、"))
    }
}

fn header<'a>(title: &'a str) -> Element<'a, Message> {
    text(title)
        .size(style::SMALL_SIZE)
        .style(style::muted_text)
        .into()
}

/// Hashes on a thread, reporting progress about every 1%.
fn hash_in_background(id: i64, path: PathBuf) -> Task<Message> {
    crate::ui::background::run_with_progress(
        move |report: &mut dyn FnMut((u64, u64))| {
            let mut last = 0u64;
            files::hash(&path, |done, total| {
                if total == 0 || (done - last) * 100 >= total {
                    last = done;
                    report((done, total));
                }
            })
            .map_err(|e| crate::store::read_failure(&path, &e))
        },
        move |(done, total)| Message::Hashing(id, done, total),
        move |result| Message::Hashed(id, result),
    )
}

//! 资源清单: the items of the package, filtered by specialty, kind, origin and review state and
//! shown a page at a time (the large school has 2,700); the form to record an item, the review
//! of a textbook (凡编必审、凡选必审: every textbook, compiled or selected), and files attached by
//! reference, hashed on a thread with progress so a gigabyte video does not freeze the window.

mod files;
mod item_form;
mod list;
mod review;

use std::path::PathBuf;

use iced::Element;

use crate::domain::resource::{FileRef, ReviewState, TEXTBOOK};
use crate::domain::{Conclusion, Origin, ResourceItem, ResourceKind};
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen, opened};
use crate::ui::text as t;
use crate::ui::widget::notice::Notice;
use crate::ui::widget::pager;
use crate::ui::widget::typed_path::{self, TypedPath};

pub use files::FileProblem;
use item_form::Draft;
use review::ReviewDraft;

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
                            self.notice = Some(Notice::Done(t::deleted_entry(&item.title)));
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
                            .map(|_| t::restored_entry(&item.title))
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
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
            files @ (Message::Attach(_)
            | Message::FileChosen(..)
            | Message::Hashing(..)
            | Message::CheckFiles
            | Message::Checked(_)
            | Message::Hashed(..)) => return self.update_files(files, file),
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        self.list()
    }
}

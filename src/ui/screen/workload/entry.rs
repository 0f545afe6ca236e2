//! 教师填报: a teacher finds their name, then logs lessons with the keyboard alone — type, Tab
//! to the next field, Enter to record. The date, course and class stay filled after each
//! record, since a week's lessons differ mostly in the day and the number of periods.

use iced::widget::operation;
use iced::widget::{button, column, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::domain::workload::{Settings, Totals, parse_date, summarise};
use crate::domain::{Amount, CourseKind, Entry, Teacher, Term};
use crate::store::atomic;
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen, opened};
use crate::ui::widget::actions;
use crate::ui::widget::confirm;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::page::page;
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::{style, text as t};

#[derive(Default)]
pub struct SelfEntry {
    roster: Vec<Teacher>,
    terms: Vec<Term>,
    query: String,
    teacher: Option<Teacher>,
    date: String,
    course: String,
    kind: Option<CourseKind>,
    class: String,
    specialty: String,
    periods: String,
    content: String,
    day: Day,
    /// 被代课教师工号, for a 代课.
    absent: String,
    /// The term of the date typed, and the teacher's entries in it, newest first.
    term: Option<Term>,
    entries: Vec<(i64, Entry)>,
    /// The teacher's courses so far (course, kind, class, specialty), most recent first.
    courses: Vec<(String, CourseKind, String, String)>,
    settings: Settings,
    /// What waits for the user's yes: a lesson that would replace one already recorded, or
    /// an entry to delete.
    pending: Option<Pending>,
    /// The entry as it was before the last replace or delete, until 撤销 writes it back.
    undo: Option<Entry>,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
    notice: Option<Notice>,
}

/// What a dated entry records: lessons given, planned lessons cancelled, or lessons given for
/// an absent teacher.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Day {
    #[default]
    Lessons,
    Cancelled,
    Substitute,
}

impl Day {
    const ALL: [Day; 3] = [Day::Lessons, Day::Cancelled, Day::Substitute];

    fn name(self) -> &'static str {
        match self {
            Day::Lessons => t::DAY_LESSONS,
            Day::Cancelled => t::DAY_CANCELLED,
            Day::Substitute => t::DAY_SUBSTITUTE,
        }
    }

    fn of(amount: &Amount) -> Day {
        match amount {
            Amount::Cancelled { .. } => Day::Cancelled,
            Amount::Substitute { .. } => Day::Substitute,
            _ => Day::Lessons,
        }
    }
}

enum Pending {
    Replace(Box<Replacement>),
    Delete(i64, Entry),
}

/// A lesson recorded again with other figures, waiting for the yes to replace the old one.
struct Replacement {
    old: Entry,
    new: Entry,
    term: Term,
}

#[derive(Debug, Clone)]
pub enum Message {
    Query(String),
    /// Enter in the teacher search: take the first match.
    QuerySubmit,
    Choose(String),
    ChangeTeacher,
    Date(String),
    Course(String),
    Kind(CourseKind),
    Class(String),
    Specialty(String),
    Periods(String),
    Content(String),
    Day(Day),
    Absent(String),
    UseCourse(usize),
    Record,
    /// 修改 on a lesson: it is loaded into the form; recording it again asks to replace it.
    Correct(i64),
    Delete(i64),
    Confirm,
    CancelPending,
    Undo,
    /// The teacher's own template, for filling in on another PC.
    ExportTemplate,
    TemplatePath(Option<std::path::PathBuf>),
    Typed(typed_path::Message),
}

/// At most this many matches are offered under the search field.
const MATCHES: usize = 8;

impl SelfEntry {
    /// Where typing starts: the search before a teacher is chosen, the date after.
    pub fn focus_start(&self) -> Task<Message> {
        match self.teacher {
            None => operation::focus(t::FIND_TEACHER),
            Some(_) => operation::focus(t::LESSON_DATE),
        }
    }

    fn matches(&self) -> Vec<&Teacher> {
        let q = self.query.trim();
        if q.is_empty() {
            return Vec::new();
        }
        self.roster
            .iter()
            .filter(|t| t.id == q || t.name.contains(q) || t.id.starts_with(q))
            .take(MATCHES)
            .collect()
    }

    fn load_entries(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.term = parse_date(&self.date).and_then(|d| {
            Term::for_date(&self.terms, d)
                .cloned()
                .or_else(|| Term::usual_for(d))
        });
        self.entries.clear();
        self.courses.clear();
        let Some(teacher) = &self.teacher else {
            return Ok(());
        };
        if let Some(term) = &self.term {
            self.entries = file.entries_of(&teacher.id, Some(&term.name))?;
        }
        let mut all = file.entries_of(&teacher.id, None)?;
        all.sort_by_key(|(id, _)| std::cmp::Reverse(*id));
        for (_, e) in all {
            let key = (e.course, e.kind, e.class, e.specialty);
            if !self.courses.contains(&key) {
                self.courses.push(key);
            }
        }
        Ok(())
    }

    fn write_template(&self, file: &SchoolFile, path: &std::path::Path) -> Result<String, String> {
        let (Some(teacher), Some(term)) = (&self.teacher, &self.term) else {
            return Err(t::CHOOSE_TERM_FOR_TEMPLATE.into());
        };
        let entries: Vec<Entry> = self.entries.iter().map(|(_, e)| e.clone()).collect();
        let profile = file.profile().map_err(|e| e.to_string())?;
        let bytes = crate::exchange::workbook::hours_template(
            &profile,
            term,
            std::slice::from_ref(teacher),
            &entries,
        )
        .map_err(|e| e.to_string())?;
        // The save dialog has already asked whether to replace an existing file.
        atomic::save(path, atomic::Existing::Replace, &bytes)?;
        Ok(t::exported(path))
    }

    fn choose(&mut self, id: &str, file: &SchoolFile) -> Task<Message> {
        self.teacher = self.roster.iter().find(|t| t.id == id).cloned();
        self.notice = None;
        if let Err(e) = self.load_entries(file) {
            self.notice = Some(Notice::Failed(e.to_string()));
        }
        operation::focus(t::LESSON_DATE)
    }

    /// The lesson the form holds, checked, with its term.
    fn lesson(&self) -> Result<(Entry, Term), String> {
        let Some(teacher) = self.teacher.clone() else {
            return Err(t::CHOOSE_TEACHER_FIRST.into());
        };
        let date = parse_date(&self.date).ok_or(t::LESSON_DATE_FORM)?;
        let term = self
            .term
            .clone()
            .ok_or_else(|| t::date_outside_terms(date))?;
        let kind = self.kind.ok_or(t::CHOOSE_COURSE_KIND)?;
        let periods: u32 = self
            .periods
            .trim()
            .parse()
            .map_err(|_| t::PERIODS_FORM.to_string())?;
        let content = self.content.trim().to_string();
        let amount = match self.day {
            Day::Lessons => Amount::Lessons {
                date,
                periods,
                content,
            },
            Day::Cancelled => Amount::Cancelled {
                date,
                periods,
                reason: content,
            },
            Day::Substitute => Amount::Substitute {
                date,
                periods,
                absent: self.absent.trim().to_string(),
                content,
            },
        };
        let entry = Entry {
            teacher: teacher.id.clone(),
            term: term.name.clone(),
            course: self.course.trim().to_string(),
            specialty: self.specialty.trim().to_string(),
            kind,
            class: self.class.trim().to_string(),
            amount,
        };
        let mut problems = entry.problems(Some(&term));
        if let Amount::Substitute { absent, .. } = &entry.amount
            && !absent.is_empty()
            && *absent != teacher.id
            && !self.roster.iter().any(|t| t.id == *absent)
        {
            problems.push(t::absent_not_in_roster(absent));
        }
        if !problems.is_empty() {
            return Err(problems.join("；"));
        }
        Ok((entry, term))
    }

    /// Records the lesson on the form; one that would replace a different lesson already
    /// recorded (same day, course and class) waits for the user's yes.
    fn record(&mut self, file: &mut SchoolFile) -> Task<Message> {
        let (entry, term) = match self.lesson() {
            Ok(lesson) => lesson,
            Err(e) => {
                self.notice = Some(Notice::Failed(e));
                return Task::none();
            }
        };
        let key = entry.key();
        let old = self
            .entries
            .iter()
            .map(|(_, e)| e)
            .find(|e| e.key() == key && **e != entry);
        if let Some(old) = old {
            self.pending = Some(Pending::Replace(Box::new(Replacement {
                old: old.clone(),
                new: entry,
                term,
            })));
            self.notice = None;
            return Task::none();
        }
        self.write(file, entry, term, None)
    }

    fn write(
        &mut self,
        file: &mut SchoolFile,
        entry: Entry,
        term: Term,
        replaced: Option<Entry>,
    ) -> Task<Message> {
        let Some(date) = entry.amount.date() else {
            return Task::none();
        };
        let periods = t::day_periods(&entry.amount, self.name_of(&entry.amount));
        let result = (|| -> Result<String, String> {
            let new_term = !self.terms.iter().any(|t| t.name == term.name);
            let changes = file
                .import_hours(
                    if new_term {
                        std::slice::from_ref(&term)
                    } else {
                        &[]
                    },
                    std::slice::from_ref(&entry),
                    crate::store::Mode::Write,
                )
                .map_err(|e| e.to_string())?;
            let mut said = t::lesson_recorded(
                changes.updated > 0,
                date,
                &entry.course,
                &entry.class,
                &periods,
                new_term.then_some(term.name.as_str()),
            );
            if changes.unchanged > 0 {
                said = t::lesson_already_recorded(date, &entry.course, &periods);
            }
            Ok(said)
        })();
        let ok = result.is_ok();
        self.notice = Some(result.into());
        if !ok {
            return Task::none();
        }
        self.undo = replaced;
        self.periods.clear();
        self.content.clear();
        if let Err(e) = self.refresh(file) {
            self.notice = Some(Notice::Failed(e.to_string()));
        }
        // The next lesson is most often another day of the same course.
        Task::batch([
            operation::focus(t::LESSON_DATE),
            operation::select_all(t::LESSON_DATE),
        ])
    }

    /// The absent teacher's name, for a 代课 of someone on the roster.
    fn name_of(&self, amount: &Amount) -> Option<&str> {
        let Amount::Substitute { absent, .. } = amount else {
            return None;
        };
        self.roster
            .iter()
            .find(|t| t.id == *absent)
            .map(|t| t.name.as_str())
    }

    fn form(&self) -> Element<'_, Message> {
        let field = |label: &'static str,
                     hint: &'static str,
                     value: &str,
                     width: f32,
                     on: fn(String) -> Message| {
            column![
                text(label).size(style::SMALL_SIZE),
                text_input(hint, value)
                    .id(label)
                    .on_input(on)
                    .on_submit(Message::Record)
                    .padding(6)
                    .size(style::BODY_SIZE)
                    .width(width),
            ]
            .spacing(4)
        };
        let mut form = column![
            row![
                field(
                    t::LESSON_DATE,
                    "2024-09-02",
                    &self.date,
                    130.0,
                    Message::Date
                ),
                field(
                    t::COURSE_NAME,
                    t::COURSE_NAME_HINT,
                    &self.course,
                    200.0,
                    Message::Course
                ),
                column![
                    text(t::COURSE_KIND).size(style::SMALL_SIZE),
                    row(CourseKind::ALL.iter().map(|&kind| {
                        actions::chip(kind.name(), self.kind == Some(kind))
                            .padding([5, 10])
                            .on_press(Message::Kind(kind))
                            .into()
                    }))
                    .spacing(4),
                ]
                .spacing(4),
                field(t::CLASS, t::CLASS_HINT, &self.class, 130.0, Message::Class),
                field(
                    t::SPECIALTY,
                    t::SPECIALTY,
                    &self.specialty,
                    120.0,
                    Message::Specialty
                ),
                field(t::PERIODS, "1–12", &self.periods, 60.0, Message::Periods),
                field(
                    t::LESSON_CONTENT,
                    if self.day == Day::Cancelled {
                        t::CANCEL_REASON_HINT
                    } else {
                        t::LESSON_CONTENT_HINT
                    },
                    &self.content,
                    160.0,
                    Message::Content
                ),
            ]
            .spacing(8)
            .wrap()
            .vertical_spacing(8),
            self.day_row(),
            row![
                actions::primary(t::RECORD).on_press(Message::Record),
                text(t::RECORD_HINT)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
        ]
        .spacing(10);
        if !self.courses.is_empty() {
            let chips =
                row(self
                    .courses
                    .iter()
                    .take(8)
                    .enumerate()
                    .map(|(i, (course, _, class, _))| {
                        actions::small_chip(format!("{course}·{class}"), false)
                            .on_press(Message::UseCourse(i))
                            .into()
                    }))
                .spacing(6)
                .wrap()
                .vertical_spacing(6);
            form = form.push(
                row![
                    text(t::USUAL_COURSES)
                        .size(style::SMALL_SIZE)
                        .style(style::muted_text),
                    chips
                ]
                .spacing(8),
            );
        }
        actions::card(form).into()
    }

    /// 授课 / 停课 / 代课, and for a 代课 whom it was for.
    fn day_row(&self) -> Element<'_, Message> {
        let mut day = row![
            text(t::DAY_KIND).size(style::SMALL_SIZE),
            row(Day::ALL.iter().map(|&d| {
                actions::chip(d.name(), self.day == d)
                    .padding([5, 10])
                    .on_press(Message::Day(d))
                    .into()
            }))
            .spacing(4),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        if self.day == Day::Substitute {
            day = day
                .push(text(t::ABSENT_TEACHER).size(style::SMALL_SIZE))
                .push(
                    text_input(t::ABSENT_TEACHER_HINT, &self.absent)
                        .id(t::ABSENT_TEACHER)
                        .on_input(Message::Absent)
                        .on_submit(Message::Record)
                        .padding(6)
                        .size(style::BODY_SIZE)
                        .width(130),
                );
            let absent = self.absent.trim();
            if let Some(name) = self.roster.iter().find(|t| t.id == absent) {
                day = day.push(text(name.name.as_str()).size(style::SMALL_SIZE));
            }
        }
        if self.day != Day::Lessons {
            day = day.push(
                text(t::DAY_KIND_HINT)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text)
                    .width(Length::Fill),
            );
        }
        day.into()
    }

    fn logged(&self) -> Element<'_, Message> {
        let Some(term) = &self.term else {
            return text("").into();
        };
        let entries: Vec<Entry> = self.entries.iter().map(|(_, e)| e.clone()).collect();
        let teacher = self.teacher.clone().into_iter().collect::<Vec<_>>();
        // The same summary as the office's, so the teacher sees the figure the office will.
        let terms = std::slice::from_ref(term);
        let totals: Totals = summarise(&teacher, terms, &entries, &self.settings, None).total;
        let mut list = column![
            text(t::teacher_term_totals(
                &term.name,
                entries.len(),
                totals.integrated,
                totals.other,
                totals.weighted,
            ))
            .size(style::BODY_SIZE)
        ]
        .spacing(6);
        for (id, e) in self.entries.iter().take(60) {
            let when = match (&e.amount, e.amount.date()) {
                (Amount::Planned { weekly, weeks }, _) => t::lessons_planned(*weekly, *weeks),
                (amount, Some(date)) => {
                    t::lessons_on(date, &t::day_periods(amount, self.name_of(amount)))
                }
                (_, None) => continue,
            };
            list = list.push(
                row![
                    text(format!(
                        "{when}　{}　{}　{}",
                        e.course,
                        e.class,
                        e.kind.name()
                    ))
                    .size(style::BODY_SIZE)
                    .width(Length::Fill),
                    button(text(t::EDIT).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::Correct(*id)),
                    button(text(t::REMOVE).size(style::SMALL_SIZE))
                        .style(button::text)
                        .on_press(Message::Delete(*id)),
                ]
                .align_y(Alignment::Center),
            );
        }
        list.into()
    }
}

impl Screen for SelfEntry {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Self, StoreError> {
        opened(file)
    }

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.roster = file.teachers()?;
        self.terms = file.terms()?;
        self.settings = file.workload_settings()?;
        if self.date.is_empty() {
            self.date = crate::domain::time::beijing_date(chrono::Utc::now()).to_string();
        }
        if self.kind.is_none() {
            self.kind = Some(CourseKind::Integrated);
        }
        if let Some(teacher) = &self.teacher {
            let id = teacher.id.clone();
            self.teacher = self.roster.iter().find(|t| t.id == id).cloned();
        }
        self.load_entries(file)
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        let mut refresh = false;
        let task = match message {
            Message::Query(q) => {
                self.query = q;
                Task::none()
            }
            Message::QuerySubmit => match self.matches().first() {
                Some(t) => {
                    let id = t.id.clone();
                    self.choose(&id, file)
                }
                None => {
                    self.notice = Some(Notice::Failed(t::not_in_roster(self.query.trim())));
                    Task::none()
                }
            },
            Message::Choose(id) => self.choose(&id, file),
            Message::ChangeTeacher => {
                self.teacher = None;
                self.query.clear();
                self.notice = None;
                refresh = true;
                operation::focus(t::FIND_TEACHER)
            }
            Message::Date(v) => {
                self.date = v;
                refresh = true;
                Task::none()
            }
            Message::Course(v) => {
                // A course taught before brings its type, class and specialty along.
                if let Some((_, kind, class, specialty)) =
                    self.courses.iter().find(|(c, ..)| *c == v.trim())
                {
                    self.kind = Some(*kind);
                    self.class = class.clone();
                    self.specialty = specialty.clone();
                }
                self.course = v;
                Task::none()
            }
            Message::Kind(kind) => {
                self.kind = Some(kind);
                Task::none()
            }
            Message::Class(v) => {
                self.class = v;
                Task::none()
            }
            Message::Specialty(v) => {
                self.specialty = v;
                Task::none()
            }
            Message::Periods(v) => {
                self.periods = v;
                Task::none()
            }
            Message::Content(v) => {
                self.content = v;
                Task::none()
            }
            Message::Day(d) => {
                self.day = d;
                if d == Day::Substitute {
                    operation::focus(t::ABSENT_TEACHER)
                } else {
                    Task::none()
                }
            }
            Message::Absent(v) => {
                self.absent = v;
                Task::none()
            }
            Message::UseCourse(i) => {
                if let Some((course, kind, class, specialty)) = self.courses.get(i).cloned() {
                    self.course = course;
                    self.kind = Some(kind);
                    self.class = class;
                    self.specialty = specialty;
                }
                operation::focus(t::PERIODS)
            }
            Message::Record => self.record(file),
            Message::ExportTemplate => match (&self.teacher, &self.term) {
                (Some(teacher), Some(term)) => Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::EXPORT_OWN_TEMPLATE)
                        .add_filter(t::EXCEL_FILTER, &["xlsx"])
                        .set_file_name(t::own_template_file(&teacher.name, &term.name))
                        .save_file(),
                    |h| Message::TemplatePath(h.map(|h| h.path().to_path_buf())),
                ),
                _ => Task::none(),
            },
            Message::TemplatePath(None) => {
                self.typed.offer_save(t::XLSX_PATH_HINT, "xlsx", |path| {
                    Message::TemplatePath(Some(path))
                })
            }
            Message::Typed(message) => match self.typed.update(message) {
                Some(answer) => return self.update(answer, file),
                None => Task::none(),
            },
            Message::TemplatePath(Some(path)) => {
                self.typed.close();
                self.notice = Some(Notice::from(self.write_template(file, &path)));
                Task::none()
            }
            Message::Correct(id) => {
                let Some((_, e)) = self.entries.iter().find(|(i, _)| *i == id) else {
                    return Action::None;
                };
                match &e.amount {
                    Amount::Lessons { content, .. }
                    | Amount::Cancelled {
                        reason: content, ..
                    }
                    | Amount::Substitute { content, .. } => self.content = content.clone(),
                    Amount::Planned { .. } => {}
                }
                if let Some(date) = e.amount.date() {
                    self.date = date.to_string();
                    self.periods = e.amount.periods().to_string();
                    self.day = Day::of(&e.amount);
                }
                if let Amount::Substitute { absent, .. } = &e.amount {
                    self.absent = absent.clone();
                }
                self.course = e.course.clone();
                self.kind = Some(e.kind);
                self.class = e.class.clone();
                self.specialty = e.specialty.clone();
                self.pending = None;
                self.notice = Some(Notice::done(t::CORRECT_LESSON_HINT));
                Task::batch([
                    operation::focus(t::PERIODS),
                    operation::select_all(t::PERIODS),
                ])
            }
            Message::Delete(id) => {
                if let Some((_, e)) = self.entries.iter().find(|(i, _)| *i == id) {
                    self.pending = Some(Pending::Delete(id, e.clone()));
                    self.notice = None;
                }
                Task::none()
            }
            Message::CancelPending => {
                self.pending = None;
                operation::focus(t::LESSON_DATE)
            }
            Message::Confirm => match self.pending.take() {
                Some(Pending::Replace(r)) => {
                    let Replacement { old, new, term } = *r;
                    self.write(file, new, term, Some(old))
                }
                Some(Pending::Delete(id, entry)) => {
                    match file.delete_entry(id) {
                        Ok(()) => {
                            self.notice = Some(Notice::Done(t::deleted_entry(&describe(&entry))));
                            self.undo = Some(entry);
                        }
                        Err(e) => self.notice = Some(Notice::Failed(e.to_string())),
                    }
                    refresh = true;
                    Task::none()
                }
                None => Task::none(),
            },
            Message::Undo => {
                if let Some(entry) = self.undo.take() {
                    self.notice = Some(Notice::from(
                        file.save_entries(std::slice::from_ref(&entry))
                            .map(|_| t::lesson_restored(&describe(&entry)))
                            .map_err(|e| e.to_string()),
                    ));
                    refresh = true;
                }
                Task::none()
            }
        };
        if refresh && let Err(e) = self.load_entries(file) {
            self.notice = Some(Notice::Failed(e.to_string()));
        }
        Action::Run(task)
    }

    fn view(&self) -> Element<'_, Message> {
        let mut content = column![].spacing(12);
        match &self.teacher {
            None => {
                content = content.push(text(t::ENTRY_INTRO).size(style::BODY_SIZE));
                content = content.push(
                    text_input(t::FIND_TEACHER_HINT, &self.query)
                        .id(t::FIND_TEACHER)
                        .on_input(Message::Query)
                        .on_submit(Message::QuerySubmit)
                        .padding(8)
                        .size(style::BODY_SIZE)
                        .width(360),
                );
                for teacher in self.matches() {
                    content = content.push(
                        button(
                            text(format!(
                                "{}　{}　{}",
                                teacher.id, teacher.name, teacher.department
                            ))
                            .size(style::BODY_SIZE),
                        )
                        .style(button::text)
                        .on_press(Message::Choose(teacher.id.clone())),
                    );
                }
                if let Some(n) = notice::view(&self.notice) {
                    content = content.push(n);
                }
            }
            Some(teacher) => {
                content = content.push(
                    row![
                        text(format!(
                            "{}（{}，{}）",
                            teacher.name, teacher.id, teacher.department
                        ))
                        .size(style::BODY_SIZE + 3),
                        button(text(t::CHANGE_TEACHER).size(style::SMALL_SIZE))
                            .style(button::text)
                            .on_press(Message::ChangeTeacher),
                        button(text(t::EXPORT_OWN_TEMPLATE).size(style::SMALL_SIZE))
                            .style(button::text)
                            .on_press_maybe(self.term.is_some().then_some(Message::ExportTemplate)),
                    ]
                    .spacing(12)
                    .align_y(Alignment::Center),
                );
                content = content.push(self.form());
                if let Some(pending) = &self.pending {
                    content = content.push(pending_view(pending));
                }
                if let Some(typed) = self.typed.view(Message::Typed) {
                    content = content.push(typed);
                }
                let undo = self.undo.is_some().then_some(Message::Undo);
                if let Some(n) = notice::with_undo(&self.notice, undo) {
                    content = content.push(n);
                }
                content = content.push(self.logged());
            }
        }
        page(content)
    }
}

/// A lesson as the list shows it: "2024-09-02 汽车电气 22汽修1班 4节（一体化课程）".
fn describe(e: &Entry) -> String {
    let when = match (&e.amount, e.amount.date()) {
        (Amount::Planned { weekly, weeks }, _) => {
            t::planned_description(&e.course, &e.class, *weekly, *weeks)
        }
        (amount, Some(date)) => {
            t::lesson_description(date, &e.course, &e.class, &t::day_periods(amount, None))
        }
        (_, None) => String::new(),
    };
    format!("{when}（{}）", e.kind.name())
}

fn pending_view(pending: &Pending) -> Element<'_, Message> {
    match pending {
        Pending::Delete(_, entry) => confirm::delete(
            t::delete_question(&describe(entry)),
            Message::Confirm,
            Message::CancelPending,
        ),
        Pending::Replace(r) => confirm::ask(
            t::replace_question(
                &describe(&r.old),
                &t::day_periods(&r.new.amount, None),
                r.new.kind.name(),
            ),
            t::REPLACE_HINT,
            t::REPLACE_ENTRY,
            Message::Confirm,
            Message::CancelPending,
        ),
    }
}

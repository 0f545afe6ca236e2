//! 系数与津贴: what the office approves on top of the policy's 1.4 (policy 四(二)) — raised
//! factors, credited course development, 额定课时 and the 课时津贴 rate. Every list can be added
//! to, edited and deleted (asking first); the last change can be undone. All of it is saved with
//! the workload settings as a whole, so a refusal leaves the file and the typed form as they were.

use iced::widget::{Column, button, column, row, text};
use iced::{Alignment, Element, Length};

use super::{cell, header};
use crate::domain::allowance::{AllowanceBasis, Exception, Rate, Required};
use crate::domain::exact::Fen;
use crate::domain::raise::{Development, Raise, RaiseReason};
use crate::domain::workload::{Settings, parse_date};
use crate::domain::{Hundredths, Teacher, Term};
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen};
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::page::page;
use crate::ui::widget::{actions, confirm, form};
use crate::ui::{style, text as t};

/// The five lists on the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Raises,
    Developments,
    Required,
    Exceptions,
    Rates,
}

/// Every input of the tab; its label is its widget id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    RaiseTeacher,
    RaiseCourse,
    RaiseFactor,
    RaiseNote,
    RaiseApprover,
    RaiseFrom,
    DevTeacher,
    DevTerm,
    DevPeriods,
    DevWhat,
    DevResources,
    DevApprover,
    RequiredTitle,
    RequiredPeriods,
    ExceptionTeacher,
    ExceptionPeriods,
    ExceptionReason,
    RateFrom,
    RateTitle,
    RateAmount,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::RaiseTeacher => t::RAISE_TEACHER,
            Field::DevTeacher => t::DEV_TEACHER,
            Field::ExceptionTeacher => t::EXCEPTION_TEACHER,
            Field::RaiseCourse => t::RAISE_COURSE,
            Field::RaiseFactor => t::RAISE_FACTOR,
            Field::RaiseNote => t::RAISE_NOTE,
            Field::RaiseApprover => t::RAISE_APPROVER,
            Field::RaiseFrom => t::RAISE_FROM,
            Field::DevTerm => t::DEV_TERM,
            Field::DevPeriods => t::DEV_PERIODS,
            Field::DevWhat => t::DEV_WHAT,
            Field::DevResources => t::DEV_RESOURCES,
            Field::DevApprover => t::DEV_APPROVER,
            Field::RequiredTitle => t::REQUIRED_TITLE,
            Field::RequiredPeriods => t::REQUIRED_PERIODS,
            Field::ExceptionPeriods => t::EXCEPTION_PERIODS,
            Field::ExceptionReason => t::EXCEPTION_REASON,
            Field::RateFrom => t::RATE_FROM,
            Field::RateTitle => t::RATE_TITLE,
            Field::RateAmount => t::RATE_AMOUNT,
        }
    }

    fn list(self) -> List {
        match self {
            Field::RaiseTeacher
            | Field::RaiseCourse
            | Field::RaiseFactor
            | Field::RaiseNote
            | Field::RaiseApprover
            | Field::RaiseFrom => List::Raises,
            Field::DevTeacher
            | Field::DevTerm
            | Field::DevPeriods
            | Field::DevWhat
            | Field::DevResources
            | Field::DevApprover => List::Developments,
            Field::RequiredTitle | Field::RequiredPeriods => List::Required,
            Field::ExceptionTeacher | Field::ExceptionPeriods | Field::ExceptionReason => {
                List::Exceptions
            }
            Field::RateFrom | Field::RateTitle | Field::RateAmount => List::Rates,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Input(Field, String),
    Reason(RaiseReason),
    Basis(AllowanceBasis),
    /// Adds what the list's form holds, or saves it over the item being edited.
    Save(List),
    Edit(List, usize),
    CancelEdit(List),
    Delete(List, usize),
    ConfirmDelete,
    CancelDelete,
    Undo,
}

#[derive(Default)]
pub struct Pay {
    settings: Settings,
    teachers: Vec<Teacher>,
    terms: Vec<Term>,
    /// What is typed, by field; kept through a refusal.
    typed: std::collections::BTreeMap<Field, String>,
    reason: Option<RaiseReason>,
    /// The item of each list being edited.
    editing: Vec<(List, usize)>,
    deleting: Option<(List, usize)>,
    /// The settings before the last change, for 撤销.
    before: Option<Settings>,
    notice: Option<Notice>,
}

impl Pay {
    fn value(&self, field: Field) -> &str {
        self.typed.get(&field).map_or("", |v| v.as_str())
    }

    fn text(&self, field: Field) -> String {
        self.value(field).trim().to_string()
    }

    fn editing(&self, list: List) -> Option<usize> {
        self.editing
            .iter()
            .find(|(l, _)| *l == list)
            .map(|(_, i)| *i)
    }

    fn clear(&mut self, list: List) {
        self.typed.retain(|f, _| f.list() != list);
        self.editing.retain(|(l, _)| *l != list);
        if list == List::Raises {
            self.reason = None;
        }
    }

    fn teacher(&self, field: Field) -> Result<String, String> {
        let id = self.text(field);
        if id.is_empty() || self.teachers.iter().any(|t| t.id == id) {
            Ok(id)
        } else {
            Err(t::no_such_teacher(&id))
        }
    }

    fn whole(&self, field: Field) -> Result<u32, String> {
        self.text(field)
            .parse()
            .map_err(|_| t::must_be_whole(field.label()))
    }

    fn date(&self, field: Field) -> Result<chrono::NaiveDate, String> {
        parse_date(&self.text(field)).ok_or_else(|| t::must_be_date(field.label()))
    }

    /// The settings with the list's form added (or saved over the edited item).
    fn with_form(&self, list: List) -> Result<(Settings, String), String> {
        let mut settings = self.settings.clone();
        let at = self.editing(list);
        /// Puts `item` over the edited one or at the end, and says where.
        fn put<T>(items: &mut Vec<T>, at: Option<usize>, item: T) -> usize {
            match at.filter(|&i| i < items.len()) {
                Some(i) => {
                    items[i] = item;
                    i
                }
                None => {
                    items.push(item);
                    items.len() - 1
                }
            }
        }
        let i = match list {
            List::Raises => {
                let raise = Raise {
                    teacher: self.teacher(Field::RaiseTeacher)?,
                    course: self.text(Field::RaiseCourse),
                    factor: Hundredths::parse(self.value(Field::RaiseFactor))
                        .ok_or(t::RAISE_FACTOR_FORM)?,
                    reason: self.reason.ok_or(t::CHOOSE_RAISE_REASON)?,
                    note: self.text(Field::RaiseNote),
                    approver: self.text(Field::RaiseApprover),
                    from: self.date(Field::RaiseFrom)?,
                };
                put(&mut settings.raises, at, raise)
            }
            List::Developments => {
                let term = self.text(Field::DevTerm);
                if !self.terms.iter().any(|t| t.name == term) {
                    return Err(t::no_such_term(&term));
                }
                let development = Development {
                    teacher: self.teacher(Field::DevTeacher)?,
                    term,
                    periods: self.whole(Field::DevPeriods)?,
                    what: self.text(Field::DevWhat),
                    resources: self
                        .text(Field::DevResources)
                        .split(['、', '，', ',', '；', ';'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                    approver: self.text(Field::DevApprover),
                };
                put(&mut settings.developments, at, development)
            }
            List::Required => {
                let required = Required {
                    title: self.text(Field::RequiredTitle),
                    periods: self.whole(Field::RequiredPeriods)?,
                };
                put(&mut settings.pay.required, at, required)
            }
            List::Exceptions => {
                let teacher = self.teacher(Field::ExceptionTeacher)?;
                let exception = Exception {
                    teacher,
                    periods: self.whole(Field::ExceptionPeriods)?,
                    reason: self.text(Field::ExceptionReason),
                };
                put(&mut settings.pay.exceptions, at, exception)
            }
            List::Rates => {
                let rate = Rate {
                    from: self.date(Field::RateFrom)?,
                    title: self.text(Field::RateTitle),
                    per_period: Fen::parse_yuan(self.value(Field::RateAmount))
                        .ok_or(t::RATE_FORM)?,
                };
                put(&mut settings.pay.rates, at, rate)
            }
        };
        let said = self.describe(&settings, list, i);
        Ok((settings, said))
    }

    /// Saves `settings` as a whole; on success the old ones can be restored with 撤销.
    fn commit(&mut self, file: &mut SchoolFile, settings: Settings, said: String) -> bool {
        match file.save_workload_settings(&settings) {
            Ok(()) => {
                self.before = Some(std::mem::replace(&mut self.settings, settings));
                self.notice = Some(Notice::done(said));
                true
            }
            Err(e) => {
                self.notice = Some(Notice::failed(e.to_string()));
                false
            }
        }
    }

    fn fill(&mut self, list: List, i: usize) {
        self.clear(list);
        let s = &self.settings;
        let values: Vec<(Field, String)> = match list {
            List::Raises => s.raises.get(i).map_or_else(Vec::new, |r| {
                self.reason = Some(r.reason);
                vec![
                    (Field::RaiseTeacher, r.teacher.clone()),
                    (Field::RaiseCourse, r.course.clone()),
                    (Field::RaiseFactor, r.factor.to_string()),
                    (Field::RaiseNote, r.note.clone()),
                    (Field::RaiseApprover, r.approver.clone()),
                    (Field::RaiseFrom, r.from.to_string()),
                ]
            }),
            List::Developments => s.developments.get(i).map_or_else(Vec::new, |d| {
                vec![
                    (Field::DevTeacher, d.teacher.clone()),
                    (Field::DevTerm, d.term.clone()),
                    (Field::DevPeriods, d.periods.to_string()),
                    (Field::DevWhat, d.what.clone()),
                    (Field::DevResources, d.resources.join("、")),
                    (Field::DevApprover, d.approver.clone()),
                ]
            }),
            List::Required => s.pay.required.get(i).map_or_else(Vec::new, |r| {
                vec![
                    (Field::RequiredTitle, r.title.clone()),
                    (Field::RequiredPeriods, r.periods.to_string()),
                ]
            }),
            List::Exceptions => s.pay.exceptions.get(i).map_or_else(Vec::new, |e| {
                vec![
                    (Field::ExceptionTeacher, e.teacher.clone()),
                    (Field::ExceptionPeriods, e.periods.to_string()),
                    (Field::ExceptionReason, e.reason.clone()),
                ]
            }),
            List::Rates => s.pay.rates.get(i).map_or_else(Vec::new, |r| {
                vec![
                    (Field::RateFrom, r.from.to_string()),
                    (Field::RateTitle, r.title.clone()),
                    (Field::RateAmount, r.per_period.to_string()),
                ]
            }),
        };
        self.typed.extend(values);
        self.editing.push((list, i));
    }

    /// Item `i` of a list of `s` as the notices and the delete question name it.
    fn describe(&self, s: &Settings, list: List, i: usize) -> String {
        let name = |id: &str| {
            self.teachers
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.as_str())
        };
        match list {
            List::Raises => s
                .raises
                .get(i)
                .map(|r| r.describe(name(&r.teacher)))
                .unwrap_or_default(),
            List::Developments => s
                .developments
                .get(i)
                .map(|d| t::development_saved(&d.what, d.periods))
                .unwrap_or_default(),
            List::Required => s
                .pay
                .required
                .get(i)
                .map(|r| t::required_saved(&r.title, r.periods))
                .unwrap_or_default(),
            List::Exceptions => s
                .pay
                .exceptions
                .get(i)
                .map(|e| t::exception_saved(&e.teacher, e.periods))
                .unwrap_or_default(),
            List::Rates => s
                .pay
                .rates
                .get(i)
                .map(|r| t::rate_saved(&r.title, r.per_period, r.from))
                .unwrap_or_default(),
        }
    }

    fn input(&self, field: Field, hint: &'static str, width: f32) -> Element<'_, Message> {
        column![
            text(field.label()).size(style::SMALL_SIZE),
            form::cell(
                field.label().to_string(),
                hint,
                self.value(field),
                width,
                move |v| Message::Input(field, v)
            ),
        ]
        .spacing(4)
        .into()
    }

    /// A list's table of items with 修改 and 删除, then its form and buttons.
    fn section<'a>(
        &'a self,
        list: List,
        title: &'static str,
        hint: &'static str,
        rows: Vec<Vec<String>>,
        headers: &'a [&'static str],
        inputs: Element<'a, Message>,
    ) -> Element<'a, Message> {
        let editing = self.editing(list);
        let mut table = Column::new().spacing(6);
        if rows.is_empty() {
            table = table.push(
                text(t::NOTHING_SET)
                    .size(style::SMALL_SIZE)
                    .style(style::muted_text),
            );
        } else {
            table = table.push(
                row(headers
                    .iter()
                    .map(|h| column![header(h)].width(Length::FillPortion(2)).into()))
                .push(column![].width(140))
                .spacing(8),
            );
            for (i, values) in rows.into_iter().enumerate() {
                let cells = values
                    .into_iter()
                    .map(|v| column![cell(v)].width(Length::FillPortion(2)).into());
                table = table.push(
                    row(cells)
                        .push(
                            row![
                                button(text(t::EDIT).size(style::SMALL_SIZE))
                                    .style(button::text)
                                    .on_press(Message::Edit(list, i)),
                                button(text(t::REMOVE).size(style::SMALL_SIZE))
                                    .style(button::text)
                                    .on_press(Message::Delete(list, i)),
                            ]
                            .spacing(6)
                            .width(140),
                        )
                        .spacing(8)
                        .align_y(Alignment::Center),
                );
            }
        }
        let buttons = match editing {
            Some(_) => actions::save_cancel(
                t::SAVE_CHANGES,
                Message::Save(list),
                Message::CancelEdit(list),
            ),
            None => actions::primary(add_label(list))
                .on_press(Message::Save(list))
                .into(),
        };
        actions::card(
            column![
                text(title).size(style::BODY_SIZE + 2),
                text(hint).size(style::SMALL_SIZE).style(style::muted_text),
                table,
                row![inputs, buttons]
                    .spacing(12)
                    .align_y(Alignment::End)
                    .wrap(),
            ]
            .spacing(8),
        )
        .padding(14)
        .into()
    }

    fn raises(&self) -> Element<'_, Message> {
        let rows = self
            .settings
            .raises
            .iter()
            .map(|r| {
                vec![
                    r.scope().map(|s| s.name()).unwrap_or_default().to_string(),
                    self.teacher_name(&r.teacher),
                    r.course.clone(),
                    r.factor.to_string(),
                    reason_text(r),
                    r.approver.clone(),
                    r.from.to_string(),
                ]
            })
            .collect();
        let reasons = row(RaiseReason::ALL.iter().map(|&r| {
            actions::small_chip(r.name(), self.reason == Some(r))
                .on_press(Message::Reason(r))
                .into()
        }))
        .spacing(6);
        let inputs = row![
            self.input(Field::RaiseTeacher, t::RAISE_TEACHER_HINT, 110.0),
            self.input(Field::RaiseCourse, t::RAISE_COURSE_HINT, 170.0),
            self.input(Field::RaiseFactor, t::RAISE_FACTOR_HINT, 80.0),
            column![text(t::RAISE_REASON).size(style::SMALL_SIZE), reasons].spacing(4),
            self.input(Field::RaiseNote, "", 160.0),
            self.input(Field::RaiseApprover, t::RAISE_APPROVER_HINT, 110.0),
            self.input(Field::RaiseFrom, t::DATE_HINT, 110.0),
        ]
        .spacing(10)
        .align_y(Alignment::End)
        .wrap();
        self.section(
            List::Raises,
            t::RAISES,
            t::RAISES_HINT,
            rows,
            &RAISE_HEADERS,
            inputs.into(),
        )
    }

    fn developments(&self) -> Element<'_, Message> {
        let rows = self
            .settings
            .developments
            .iter()
            .map(|d| {
                vec![
                    self.teacher_name(&d.teacher),
                    d.term.clone(),
                    d.periods.to_string(),
                    d.what.clone(),
                    d.resources.join("、"),
                    d.approver.clone(),
                ]
            })
            .collect();
        let inputs = row![
            self.input(Field::DevTeacher, t::RAISE_TEACHER_HINT, 110.0),
            self.input(Field::DevTerm, t::DEV_TERM_HINT, 200.0),
            self.input(Field::DevPeriods, "", 70.0),
            self.input(Field::DevWhat, t::DEV_WHAT_HINT, 240.0),
            self.input(Field::DevResources, t::DEV_RESOURCES_HINT, 200.0),
            self.input(Field::DevApprover, t::RAISE_APPROVER_HINT, 110.0),
        ]
        .spacing(10)
        .align_y(Alignment::End)
        .wrap();
        self.section(
            List::Developments,
            t::DEVELOPMENTS,
            t::DEVELOPMENTS_HINT,
            rows,
            &DEVELOPMENT_HEADERS,
            inputs.into(),
        )
    }

    fn teacher_name(&self, id: &str) -> String {
        match self.teachers.iter().find(|t| t.id == id) {
            Some(t) => format!("{}（{}）", t.name, t.id),
            None => id.to_string(),
        }
    }
}

const RAISE_HEADERS: [&str; 7] = [
    t::RAISE_SCOPE,
    t::RAISE_TEACHER,
    t::RAISE_COURSE,
    t::RAISE_FACTOR,
    t::RAISE_REASON,
    t::RAISE_APPROVER,
    t::RAISE_FROM,
];
const DEVELOPMENT_HEADERS: [&str; 6] = [
    t::DEV_TEACHER,
    t::DEV_TERM,
    t::DEV_PERIODS,
    t::DEV_WHAT,
    t::DEV_RESOURCES,
    t::DEV_APPROVER,
];
const REQUIRED_HEADERS: [&str; 2] = [t::REQUIRED_TITLE, t::REQUIRED_PERIODS];
const EXCEPTION_HEADERS: [&str; 3] = [
    t::EXCEPTION_TEACHER,
    t::EXCEPTION_PERIODS,
    t::EXCEPTION_REASON,
];
const RATE_HEADERS: [&str; 3] = [t::RATE_FROM, t::RATE_TITLE, t::RATE_AMOUNT];

fn add_label(list: List) -> &'static str {
    match list {
        List::Raises => t::ADD_RAISE,
        List::Developments => t::ADD_DEVELOPMENT,
        List::Required => t::ADD_REQUIRED,
        List::Exceptions => t::ADD_EXCEPTION,
        List::Rates => t::ADD_RATE,
    }
}

fn reason_text(r: &Raise) -> String {
    if r.note.trim().is_empty() {
        r.reason.name().to_string()
    } else {
        format!("{}：{}", r.reason.name(), r.note)
    }
}

fn or_everyone(title: &str) -> String {
    if title.is_empty() {
        t::EVERY_TITLE.to_string()
    } else {
        title.to_string()
    }
}

impl Screen for Pay {
    type Message = Message;

    fn open(file: &SchoolFile) -> Result<Pay, StoreError> {
        let mut pay = Pay::default();
        pay.refresh(file)?;
        Ok(pay)
    }

    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.settings = file.workload_settings()?;
        self.teachers = file.teachers()?;
        self.terms = file.terms()?;
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        match message {
            Message::Input(field, value) => {
                self.typed.insert(field, value);
            }
            Message::Reason(reason) => self.reason = Some(reason),
            Message::Basis(basis) => {
                let mut settings = self.settings.clone();
                settings.pay.basis = basis;
                self.commit(file, settings, t::basis_saved(basis.name()));
            }
            Message::Save(list) => match self.with_form(list) {
                Ok((settings, said)) => {
                    if self.commit(file, settings, said) {
                        self.clear(list);
                    }
                }
                Err(e) => self.notice = Some(Notice::failed(e)),
            },
            Message::Edit(list, i) => {
                self.deleting = None;
                self.fill(list, i);
            }
            Message::CancelEdit(list) => self.clear(list),
            Message::Delete(list, i) => self.deleting = Some((list, i)),
            Message::CancelDelete => self.deleting = None,
            Message::ConfirmDelete => {
                if let Some((list, i)) = self.deleting.take() {
                    let said = t::deleted(&self.describe(&self.settings, list, i));
                    let mut settings = self.settings.clone();
                    fn remove<T>(items: &mut Vec<T>, i: usize) {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                    match list {
                        List::Raises => remove(&mut settings.raises, i),
                        List::Developments => remove(&mut settings.developments, i),
                        List::Required => remove(&mut settings.pay.required, i),
                        List::Exceptions => remove(&mut settings.pay.exceptions, i),
                        List::Rates => remove(&mut settings.pay.rates, i),
                    }
                    if self.commit(file, settings, said) {
                        self.clear(list);
                    }
                }
            }
            Message::Undo => {
                if let Some(before) = self.before.take() {
                    match file.save_workload_settings(&before) {
                        Ok(()) => {
                            self.settings = before;
                            self.notice = Some(Notice::done(t::PAY_UNDONE));
                        }
                        Err(e) => self.notice = Some(Notice::failed(e.to_string())),
                    }
                }
            }
        }
        Action::None
    }

    fn view(&self) -> Element<'_, Message> {
        let mut content = column![
            text(t::PAY_INTRO)
                .size(style::SMALL_SIZE)
                .style(style::muted_text)
        ]
        .spacing(14);
        if let Some((list, i)) = self.deleting {
            content = content.push(confirm::delete(
                t::delete_question(&self.describe(&self.settings, list, i)),
                Message::ConfirmDelete,
                Message::CancelDelete,
            ));
        }
        let undo = self.before.is_some().then_some(Message::Undo);
        if let Some(n) = notice::with_undo(&self.notice, undo) {
            content = content.push(n);
        }
        let pay = &self.settings.pay;
        let required_rows = pay
            .required
            .iter()
            .map(|r| vec![or_everyone(&r.title), r.periods.to_string()])
            .collect();
        let exception_rows = pay
            .exceptions
            .iter()
            .map(|e| {
                vec![
                    self.teacher_name(&e.teacher),
                    e.periods.to_string(),
                    e.reason.clone(),
                ]
            })
            .collect();
        let rate_rows = pay
            .rates
            .iter()
            .map(|r| {
                vec![
                    r.from.to_string(),
                    or_everyone(&r.title),
                    r.per_period.to_string(),
                ]
            })
            .collect();
        let basis = row(AllowanceBasis::ALL.iter().map(|&b| {
            actions::small_chip(b.name(), pay.basis == b)
                .on_press(Message::Basis(b))
                .into()
        }))
        .spacing(6);
        content = content
            .push(self.raises())
            .push(self.developments())
            .push(
                self.section(
                    List::Required,
                    t::REQUIRED,
                    t::REQUIRED_HINT,
                    required_rows,
                    &REQUIRED_HEADERS,
                    row![
                        self.input(Field::RequiredTitle, t::ANY_TITLE_HINT, 150.0),
                        self.input(Field::RequiredPeriods, "", 80.0),
                    ]
                    .spacing(10)
                    .into(),
                ),
            )
            .push(
                self.section(
                    List::Exceptions,
                    t::EXCEPTIONS,
                    t::EXCEPTIONS_HINT,
                    exception_rows,
                    &EXCEPTION_HEADERS,
                    row![
                        self.input(Field::ExceptionTeacher, t::RAISE_TEACHER_HINT, 110.0),
                        self.input(Field::ExceptionPeriods, "", 80.0),
                        self.input(Field::ExceptionReason, "", 200.0),
                    ]
                    .spacing(10)
                    .into(),
                ),
            )
            .push(
                self.section(
                    List::Rates,
                    t::RATES,
                    t::RATES_HINT,
                    rate_rows,
                    &RATE_HEADERS,
                    row![
                        self.input(Field::RateFrom, t::DATE_HINT, 110.0),
                        self.input(Field::RateTitle, t::ANY_TITLE_HINT, 150.0),
                        self.input(Field::RateAmount, t::RATE_AMOUNT_HINT, 100.0),
                    ]
                    .spacing(10)
                    .into(),
                ),
            )
            .push(
                row![text(t::ALLOWANCE_BASIS).size(style::BODY_SIZE), basis]
                    .spacing(12)
                    .align_y(Alignment::Center),
            );
        page(content)
    }
}
